"""`framing compare`: two articles side by side, who is called what and whose voice carries it."""

from __future__ import annotations

import json

import click

from framing.cli._common import (
    AnalysisRun,
    analysis_options,
    emit,
    format_option,
    print_rich,
    read_document,
    read_stdin,
)
from framing.cli.group import cli
from framing.compare.comparison import compare as compare_two
from framing.render.compare.html import comparison_page
from framing.render.compare.markdown import comparison_markdown
from framing.render.compare.terminal import comparison_renderable

FORMATS = ("text", "json", "html", "md")


@cli.command()
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@click.option(
    "--names",
    "-n",
    metavar="'NAME A,NAME B'",
    help="Display names of the two articles, separated by a comma (default: A,B).",
)
@format_option(FORMATS)
@analysis_options("Compare sentence bias and frames as the shipped classifiers estimate them.")
def compare(a: str, b: str, names: str | None, fmt: str, run: AnalysisRun) -> None:
    """Compare two articles: who is called what, which words differ, whose voice carries them.

    A and B are text or HTML files, or - for stdin (only one of them). The text output shows a
    summary of the largest differences and tables of labels per actor, word choice and scores,
    and the shipped classifiers' frames and sentence bias side by side (--no-models: without
    them); html puts the two articles side by side, highlighted, with the tables and a chart.

    \b
    Examples:
      framing compare sana.txt alaraby.txt --names "SANA,Al-Araby"
      framing compare a.html b.html --format html -o compare.html
      framing compare a.txt b.txt --format json > compare.json
      framing compare a.txt b.txt --no-models
      cat a.txt | framing compare - b.txt --format md
    """
    if a == "-" and b == "-":
        raise click.UsageError("only one of A and B can be - (stdin)")
    stdin = read_stdin() if "-" in (a, b) else None
    docs = [read_document(item, run.encoding, stdin) for item in (a, b)]
    comparison = compare_two(docs[0], docs[1], names, lexicons=run.lexicons, options=run.options)
    if fmt == "text":
        print_rich([comparison_renderable(comparison)], run.output, run.force)
        return
    if fmt == "json":
        text = json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2, allow_nan=False)
        text += "\n"
    elif fmt == "html":
        text = comparison_page(comparison)
    else:
        text = comparison_markdown(comparison)
    emit(text, run.output, run.force)
