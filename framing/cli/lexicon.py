"""`framing lexicon ...`: list, show, validate and print the lexicons."""

from __future__ import annotations

import json

import click
from rich.table import Table

from framing.classroom.glossary import classroom_glossary
from framing.cli._common import (
    emit,
    errors_as_messages,
    format_option,
    lexicon_option,
    output_options,
)
from framing.cli.group import cli
from framing.lexicon.format import validate_lexicon
from framing.lexicon.registry import DEFAULT_LEXICONS, load_lexicon, load_lexicons, packaged_names
from framing.render.classroom import glossary as classroom
from framing.render.glossary import glossary_html, glossary_markdown
from framing.render.terminal import console


@cli.group()
def lexicon() -> None:
    """List, show, check and print the lexicons."""


@lexicon.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@errors_as_messages
def lexicon_validate(files: tuple[str, ...]) -> None:
    """Check lexicon files and report every problem as FILE:LINE: message.

    \b
    Example:
      framing lexicon validate my_terms.tsv
    """
    total = 0
    for file in files:
        problems = validate_lexicon(file)
        for problem in problems:
            click.echo(str(problem))
        total += len(problems)
        if not problems:
            click.echo(f"{file}: OK")
    if total:
        raise click.ClickException(f"{total} problem{'s' if total != 1 else ''} found")


@lexicon.command("list")
@errors_as_messages
def lexicon_list() -> None:
    """List the packaged lexicons with their versions and sizes.

    \b
    Example:
      framing lexicon list
    """
    table = Table()
    for col in ("name", "version", "entries", "loaded", "default", "title"):
        table.add_column(col, justify="right" if col in ("entries", "loaded") else "left")
    for name in packaged_names():
        lex = load_lexicon(name)
        table.add_row(
            lex.name,
            lex.version,
            str(len(lex)),
            str(sum(e.loaded for e in lex)),
            "yes" if name in DEFAULT_LEXICONS else "",
            lex.title,
        )
    console(width=100).print(table)


@lexicon.command("show")
@click.argument("name")
@click.option("--category", "-c", help="Only this category.")
@format_option(["text", "json"])
@errors_as_messages
def lexicon_show(name: str, category: str | None, fmt: str) -> None:
    """Show a lexicon's card and entries (a packaged NAME or a .tsv path).

    \b
    Examples:
      framing lexicon show conflict
      framing lexicon show conflict --category sponsorship
    """
    lex = load_lexicon(name)
    if category and category not in lex.categories and not any(e.category == category for e in lex):
        raise click.BadParameter(
            f"{category!r} is not a category of {lex.name} ({', '.join(lex.categories)})",
            param_hint="--category",
        )
    entries = [e for e in lex if category is None or e.category == category]
    if fmt == "json":
        card = {
            "name": lex.name,
            "version": lex.version,
            "title": lex.title,
            "license": lex.license,
            "description": lex.description,
            "sha256": lex.sha256,
            "categories": dict(lex.categories),
        }
        click.echo(
            json.dumps(
                {"card": card, "entries": [e.to_dict() for e in entries]},
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    con = console(width=100)
    con.print(f"[bold]{lex.title}[/] ({lex.name} {lex.version}, {lex.license}, {len(lex)} entries)")
    con.print(lex.description.strip(), markup=False)
    con.print(f"sha256 {lex.sha256}")
    cats = Table(title="Categories", title_justify="left")
    cats.add_column("category")
    cats.add_column("definition")
    for cat, definition in lex.categories.items():
        cats.add_row(cat, definition)
    con.print(cats)
    table = Table(title="Entries", title_justify="left")
    for col in ("term", "category", "direction", "weight", "alternatives"):
        table.add_column(col)
    for e in entries:
        table.add_row(e.term, e.category, e.direction, f"{e.weight:.2f}", "; ".join(e.alternatives))
    con.print(table)


@lexicon.command("glossary")
@format_option(["md", "html"])
@click.option(
    "--audience",
    type=click.Choice(["general", "classroom"]),
    default="general",
    show_default=True,
    help="classroom: plain words for teachers, with an example sentence for each term.",
)
@lexicon_option
@output_options
@errors_as_messages
def lexicon_glossary(
    fmt: str, audience: str, lexicons: tuple[str, ...], output: str | None, force: bool
) -> None:
    """Print a glossary of the loaded terms: what each signals and what to say instead.

    \b
    Examples:
      framing lexicon glossary > glossary.md
      framing lexicon glossary --format html -o glossary.html
      framing lexicon glossary --audience classroom -f html -o words_to_watch.html
    """
    active = load_lexicons(lexicons or None)
    if audience == "classroom":
        rows = classroom_glossary(active)
        text = classroom.glossary_html(rows) if fmt == "html" else classroom.glossary_markdown(rows)
        emit(text, output, force)
        return
    text = glossary_html(active) if fmt == "html" else glossary_markdown(active)
    emit(text, output, force)
