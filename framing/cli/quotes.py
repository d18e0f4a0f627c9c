"""`framing quotes`: who said what, one row per direct quote or reported speech."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import click
from rich.table import Table

from framing.cli._common import (
    emit,
    encoding_option,
    errors_as_messages,
    format_option,
    output_options,
    print_rich,
    readable_documents,
)
from framing.cli.group import cli
from framing.corpus.quotes import COLUMNS, quote_table
from framing.render.markdown import table as markdown_table

FORMATS = ("table", "csv", "jsonl", "md")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@format_option(FORMATS)
@encoding_option
@output_options
@errors_as_messages
def quotes(
    paths: tuple[str, ...], fmt: str, encoding: str | None, output: str | None, force: bool
) -> None:
    """List every direct quote and reported speech with its speaker and cue.

    PATHS are text or HTML files, folders of them, or - for stdin. One row per quote or reported
    speech: document, start, end (character offsets into the text), kind (quote, scare,
    reported, factive), speaker, cue and text. Scare quotes are in the outlet's own voice;
    factive verbs ("confirmed") are listed, but the outlet asserts what they introduce.

    \b
    Examples:
      framing quotes article.txt
      framing quotes corpus/ --format csv -o quotes.csv
      framing quotes corpus/ --format jsonl > quotes.jsonl
    """
    names: list[str] = []
    docs = list(readable_documents(paths, encoding, names))
    if not docs:
        raise click.ClickException("no article could be read")
    frame = quote_table(docs, names=names)
    cells = frame.astype(object).where(frame.notna(), None)
    rows: list[dict[str, Any]] = [
        {str(k): v for k, v in r.items()} for r in cells.to_dict(orient="records")
    ]
    if fmt == "csv":
        emit(frame.to_csv(index=False), output, force)
    elif fmt == "jsonl":
        lines = [json.dumps(r, ensure_ascii=False, allow_nan=False) for r in rows]
        emit("\n".join(lines) + ("\n" if lines else ""), output, force)
    elif fmt == "md":
        emit(markdown_table(COLUMNS, _cells(rows)) + "\n", output, force)
    else:
        print_rich([_rich_table(rows)], output, force)


def _cells(rows: list[dict[str, Any]]) -> Iterator[list[Any]]:
    for r in rows:
        yield ["" if r[c] is None else r[c] for c in COLUMNS]


def _rich_table(rows: list[dict[str, Any]]) -> Table:
    out = Table(title=f"{len(rows)} quotes and reported speech", show_lines=False)
    for column in ("document", "kind", "speaker", "cue", "text"):
        out.add_column(column, overflow="fold")
    for r in rows:
        out.add_row(
            str(r["document"]),
            r["kind"],
            r["speaker"] or "(no speaker)",
            r["cue"] or "",
            r["text"],
        )
    return out
