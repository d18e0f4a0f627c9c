"""`framing analyze`: loaded terms and their voice in one or more articles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from framing.analysis import Analysis, analyze_many
from framing.cli._common import (
    AnalysisRun,
    analysis_options,
    emit,
    format_option,
    print_rich,
    readable_documents,
    single_input,
)
from framing.cli.group import cli
from framing.output import write_text
from framing.render.html import analysis_page
from framing.render.markdown import analysis_markdown
from framing.render.terminal import analysis_renderable

FORMATS = ("text", "json", "jsonl", "html", "md")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@format_option(FORMATS)
@analysis_options(
    "Add sentence bias probabilities and article frames from the shipped classifiers."
)
def analyze(paths: tuple[str, ...], fmt: str, run: AnalysisRun) -> None:
    """Find loaded terms in articles and say whose voice each is in.

    PATHS are text or HTML files, folders of them, or - for stdin.

    \b
    Examples:
      framing analyze article.txt
      framing analyze article.txt --format html -o article.html
      framing analyze corpus/ --format jsonl > analyses.jsonl
      cat article.txt | framing analyze - --format json
    """
    output, force = run.output, run.force
    results: list[Any] = []
    done = 0
    single = single_input(paths)
    names: list[str] = []

    # analyze_many reads a batch ahead, so `names` always holds the current document's name
    for analysis in analyze_many(
        readable_documents(paths, run.encoding, names), lexicons=run.lexicons, options=run.options
    ):
        name = names[done]
        done += 1
        if fmt == "jsonl":
            record = {"path": name, **analysis.to_dict()}
            line = json.dumps(record, ensure_ascii=False, allow_nan=False)
            if output:
                results.append(line)
            else:
                click.echo(line)
            continue
        results.append((name, analysis))
    if not done:
        raise click.ClickException("no article could be analysed")
    if fmt == "jsonl":
        if output:
            emit("\n".join(results) + "\n", output, force)
        return
    if fmt == "json":
        payload: Any = (
            results[0][1].to_dict()
            if len(results) == 1 and single
            else [{"path": n, **a.to_dict()} for n, a in results]
        )
        emit(
            json.dumps(payload, ensure_ascii=False, indent=2, allow_nan=False) + "\n", output, force
        )
        return
    if fmt in ("html", "md"):
        _write_pages(results, fmt, output, force, single)
        return
    print_rich((analysis_renderable(a, title=name) for name, a in results), output, force)


def _write_pages(
    results: list[tuple[str, Analysis]], fmt: str, output: str | None, force: bool, single: bool
) -> None:
    def render(analysis: Analysis) -> str:
        return analysis_page(analysis) if fmt == "html" else analysis_markdown(analysis)

    if single or len(results) == 1:
        emit(render(results[0][1]), output, force)
        return
    if not output:
        raise click.UsageError(f"several articles in --format {fmt} need -o FOLDER")
    folder = Path(output)
    for name, analysis in results:
        target = folder / f"{Path(name).stem}.{'html' if fmt == 'html' else 'md'}"
        write_text(target, render(analysis), force=force)
    click.echo(f"Wrote {len(results)} files to {folder}", err=True)
