"""The `framing` command line: a thin layer over the library (the only module importing click)."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

from framing._version import __version__
from framing.errors import FramingError, InputError

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ("text", "json", "jsonl", "html", "md")


def _errors_as_messages(func: F) -> F:
    """Turn a FramingError into click's `Error: ...` and exit 1, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except FramingError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper  # type: ignore[return-value]


def _warn(message: str) -> None:
    click.echo(f"Warning: {message}", err=True)


def lexicon_option(func: F) -> F:
    return click.option(
        "--lexicon",
        "-l",
        "lexicons",
        multiple=True,
        metavar="NAME_OR_FILE",
        help="Lexicon to use: a packaged name or a .tsv path (repeat; default: the packaged ones).",
    )(func)


def output_options(func: F) -> F:
    func = click.option("--force", is_flag=True, help="Overwrite an existing output.")(func)
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=True),
        help="Write to this file instead of stdout.",
    )(func)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="framing")
def cli() -> None:
    """Find loaded language in news text, tell whose voice it is in, compare outlets.

    \b
    Examples:
      framing analyze article.txt
      framing analyze article.html --format html -o article.html
      framing lexicon list
    """


# --- analyze --------------------------------------------------------------------------------


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


def _emit(text: str, output: str | None, force: bool) -> None:
    from framing.output import write_text

    if output:
        write_text(output, text, force=force)
        click.echo(f"Wrote {output}", err=True)
    else:
        click.echo(text, nl=not text.endswith("\n"))


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "-f", "fmt", type=click.Choice(FORMATS), default="text", show_default=True
)
@lexicon_option
@output_options
@click.option(
    "--sentiment",
    type=click.Choice(["pattern", "vader"]),
    default="pattern",
    show_default=True,
    help="pattern: TextBlob's bundled Pattern lexicon; vader: add VADER compound scores.",
)
@click.option("--encoding", help="Encoding of the input files (default: UTF-8, else detected).")
@_errors_as_messages
def analyze(
    paths: tuple[str, ...],
    fmt: str,
    lexicons: tuple[str, ...],
    output: str | None,
    force: bool,
    sentiment: str,
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
    from framing.analysis import AnalysisOptions
    from framing.analysis import analyze as run
    from framing.lexicon.registry import load_lexicons

    active = load_lexicons(lexicons or None)
    options = AnalysisOptions(sentiment=sentiment)  # type: ignore[arg-type]
    results: list[Any] = []
    done = 0
    single = len(paths) == 1 and (paths[0] == "-" or not Path(paths[0]).is_dir())
    for name, doc in _inputs(paths, encoding):
        if isinstance(doc, InputError):
            if single:
                raise doc
            _warn(f"skipped {name}: {doc}")
            continue
        analysis = run(doc, lexicons=active, options=options)
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
            _emit("\n".join(results) + "\n", output, force)
        return
    if fmt == "json":
        payload: Any = (
            results[0][1].to_dict()
            if len(results) == 1 and single
            else [{"path": n, **a.to_dict()} for n, a in results]
        )
        _emit(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", output, force)
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
        _emit(render(results[0][1]), output, force)
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
        _emit(buffer.getvalue(), output, force)
        return
    con = console()
    for name, analysis in results:
        con.print(analysis_renderable(analysis, title=name))


# --- lexicon --------------------------------------------------------------------------------


@cli.group()
def lexicon() -> None:
    """List, show, check and print the lexicons."""


@lexicon.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@_errors_as_messages
def lexicon_validate(files: tuple[str, ...]) -> None:
    """Check lexicon files and report every problem as FILE:LINE: message.

    \b
    Example:
      framing lexicon validate my_terms.tsv
    """
    from framing.lexicon.format import validate_lexicon

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
@_errors_as_messages
def lexicon_list() -> None:
    """List the packaged lexicons with their versions and sizes.

    \b
    Example:
      framing lexicon list
    """
    from rich.table import Table

    from framing.lexicon.registry import DEFAULT_LEXICONS, load_lexicon, packaged_names
    from framing.render.terminal import console

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
@click.option(
    "--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@_errors_as_messages
def lexicon_show(name: str, category: str | None, fmt: str) -> None:
    """Show a lexicon's card and entries (a packaged NAME or a .tsv path).

    \b
    Examples:
      framing lexicon show conflict
      framing lexicon show conflict --category sponsorship
    """
    from rich.table import Table

    from framing.lexicon.registry import load_lexicon
    from framing.render.terminal import console

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
@click.option(
    "--format", "-f", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True
)
@lexicon_option
@output_options
@_errors_as_messages
def lexicon_glossary(fmt: str, lexicons: tuple[str, ...], output: str | None, force: bool) -> None:
    """Print a glossary of the loaded terms: what each signals and what to say instead.

    \b
    Examples:
      framing lexicon glossary > glossary.md
      framing lexicon glossary --format html -o glossary.html
    """
    from framing.lexicon.registry import load_lexicons
    from framing.render.glossary import glossary_html, glossary_markdown

    active = load_lexicons(lexicons or None)
    text = glossary_html(active) if fmt == "html" else glossary_markdown(active)
    _emit(text, output, force)


def main() -> None:
    """Entry point of the `framing` script."""
    cli(prog_name="framing")


if __name__ == "__main__":  # pragma: no cover
    main()
    sys.exit(0)
