"""`framing compare`: two articles side by side, who is called what and whose voice carries it."""

from __future__ import annotations

import json

import click

from framing.cli._common import (
    emit,
    encoding_option,
    errors_as_messages,
    lexicon_option,
    models_option,
    output_options,
    sentiment_option,
)
from framing.cli.group import cli

FORMATS = ("text", "json", "html", "md")


def _read(item: str, encoding: str | None, stdin: bytes | None) -> object:
    """A Document from a file path, or from stdin for ``-``."""
    from framing.document import Document
    from framing.io import read_bytes

    if item == "-":
        text, source = read_bytes(stdin or b"", name="<stdin>", encoding=encoding)
        return Document.from_text(text, source)
    return Document.from_path(item, encoding=encoding)


@cli.command()
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@click.option(
    "--names",
    "-n",
    metavar="'NAME A,NAME B'",
    help="Display names of the two articles, separated by a comma (default: A,B).",
)
@click.option(
    "--format", "-f", "fmt", type=click.Choice(FORMATS), default="text", show_default=True
)
@lexicon_option
@output_options
@sentiment_option
@models_option("Compare sentence bias and frames as the shipped classifiers estimate them.")
@encoding_option
@errors_as_messages
def compare(
    a: str,
    b: str,
    names: str | None,
    fmt: str,
    lexicons: tuple[str, ...],
    output: str | None,
    force: bool,
    sentiment: str,
    models: bool,
    encoding: str | None,
) -> None:
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
    from framing.analysis import AnalysisOptions
    from framing.compare.comparison import compare as run
    from framing.lexicon.registry import load_lexicons

    if a == "-" and b == "-":
        raise click.UsageError("only one of A and B can be - (stdin)")
    stdin = None
    if "-" in (a, b):
        with click.open_file("-", "rb") as fh:
            stdin = fh.read()
    docs = [_read(item, encoding, stdin) for item in (a, b)]
    active = load_lexicons(lexicons or None)
    options = AnalysisOptions(sentiment=sentiment, models=models)  # type: ignore[arg-type]
    comparison = run(docs[0], docs[1], names, lexicons=active, options=options)  # type: ignore[arg-type]
    if fmt == "json":
        text = json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "html":
        from framing.render.compare.html import comparison_page

        text = comparison_page(comparison)
    elif fmt == "md":
        from framing.render.compare.markdown import comparison_markdown

        text = comparison_markdown(comparison)
    else:
        import io

        from framing.render.compare.terminal import comparison_renderable
        from framing.render.terminal import console

        if output:
            buffer = io.StringIO()
            console(width=100, file=buffer).print(comparison_renderable(comparison))
            text = buffer.getvalue()
        else:
            console().print(comparison_renderable(comparison))
            return
    emit(text, output, force)
