"""`framing analyze`: loaded terms and their voice in one or more articles."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from framing.cli._common import (
    emit,
    encoding_option,
    errors_as_messages,
    lexicon_option,
    models_option,
    output_options,
    sentiment_option,
    warn,
)
from framing.cli.group import cli
from framing.errors import InputError

FORMATS = ("text", "json", "jsonl", "html", "md")


def _inputs(paths: tuple[str, ...], encoding: str | None) -> Iterator[tuple[str, Any]]:
    """(name, Document or InputError) for each input, stdin included."""
    from framing.document import Document
    from framing.io import iter_article_paths, read_bytes

    for item in paths:
        if item == "-":
            with click.open_file("-", "rb") as stdin:
                data = stdin.read()
            try:
                text, source = read_bytes(data, name="<stdin>", encoding=encoding)
                yield "<stdin>", Document.from_text(text, source)
            except InputError as exc:
                yield "<stdin>", exc
            continue
        for path in iter_article_paths([item]):
            try:
                yield str(path), Document.from_path(path, encoding=encoding)
            except InputError as exc:
                yield str(path), exc


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "-f", "fmt", type=click.Choice(FORMATS), default="text", show_default=True
)
@lexicon_option
@output_options
@sentiment_option
@models_option("Add sentence bias probabilities and article frames from the shipped classifiers.")
@encoding_option
@errors_as_messages
def analyze(
    paths: tuple[str, ...],
    fmt: str,
    lexicons: tuple[str, ...],
    output: str | None,
    force: bool,
    sentiment: str,
    models: bool,
    encoding: str | None,
) -> None:
    """Find loaded terms in articles and say whose voice each is in.

    PATHS are text or HTML files, folders of them, or - for stdin.

    \b
    Examples:
      framing analyze article.txt
      framing analyze article.txt --format html -o article.html
      framing analyze corpus/ --format jsonl > analyses.jsonl
      cat article.txt | framing analyze - --format json
    """
    from framing.analysis import AnalysisOptions, analyze_many
    from framing.lexicon.registry import load_lexicons

    active = load_lexicons(lexicons or None)
    options = AnalysisOptions(sentiment=sentiment, models=models)  # type: ignore[arg-type]
    results: list[Any] = []
    done = 0
    single = len(paths) == 1 and (paths[0] == "-" or not Path(paths[0]).is_dir())
    names: list[str] = []

    def documents() -> Iterator[Any]:
        for name, doc in _inputs(paths, encoding):
            if isinstance(doc, InputError):
                if single:
                    raise doc
                warn(f"skipped {name}: {doc}")
                continue
            names.append(name)
            yield doc

    # analyze_many reads a batch ahead, so `names` always holds the current document's name
    for analysis in analyze_many(documents(), lexicons=active, options=options):
        name = names[done]
        done += 1
        if fmt == "jsonl":
            record = {"path": name, **analysis.to_dict()}
            line = json.dumps(record, ensure_ascii=False)
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
        emit(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", output, force)
        return
    if fmt in ("html", "md"):
        _write_pages(results, fmt, output, force, single)
        return
    _print_text(results, output, force)


def _write_pages(
    results: list[Any], fmt: str, output: str | None, force: bool, single: bool
) -> None:
    from framing.output import write_text
    from framing.render.html import analysis_page
    from framing.render.markdown import analysis_markdown

    def render(analysis: Any) -> str:
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


def _print_text(results: list[Any], output: str | None, force: bool) -> None:
    from framing.render.terminal import analysis_renderable, console

    if output:
        import io

        buffer = io.StringIO()
        con = console(width=100, file=buffer)
        for name, analysis in results:
            con.print(analysis_renderable(analysis, title=name))
        emit(buffer.getvalue(), output, force)
        return
    con = console()
    for name, analysis in results:
        con.print(analysis_renderable(analysis, title=name))
