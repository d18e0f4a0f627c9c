"""Shared pieces of the command line: error handling, common options, reading inputs, output."""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import RenderableType

from framing.analysis import AnalysisOptions
from framing.document import Document
from framing.errors import FramingError, InputError
from framing.io import iter_article_paths, read_article, read_bytes
from framing.lexicon.format import Lexicon
from framing.lexicon.registry import load_lexicons
from framing.output import write_text
from framing.render.terminal import console

F = TypeVar("F", bound=Callable[..., Any])


def errors_as_messages(func: F) -> F:
    """Turn a FramingError into click's `Error: ...` and exit 1, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except FramingError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper  # type: ignore[return-value]


def warn(message: str) -> None:
    """Print `Warning: message` on stderr."""
    click.echo(f"Warning: {message}", err=True)


# --- options ---------------------------------------------------------------------------------


def format_option(formats: Iterable[str]) -> Callable[[F], F]:
    """--format/-f, one of `formats` (the first is the default)."""
    choices = list(formats)

    def decorate(func: F) -> F:
        return click.option(
            "--format",
            "-f",
            "fmt",
            type=click.Choice(choices),
            default=choices[0],
            show_default=True,
        )(func)

    return decorate


def lexicon_option(func: F) -> F:
    """--lexicon/-l NAME_OR_FILE, repeatable."""
    return click.option(
        "--lexicon",
        "-l",
        "lexicons",
        multiple=True,
        metavar="NAME_OR_FILE",
        help="Lexicon to use: a packaged name or a .tsv path (repeat; default: the packaged ones).",
    )(func)


def sentiment_option(func: F) -> F:
    """--sentiment pattern|vader."""
    return click.option(
        "--sentiment",
        type=click.Choice(["pattern", "vader"]),
        default="pattern",
        show_default=True,
        help="pattern: TextBlob's bundled Pattern lexicon; vader: add VADER compound scores.",
    )(func)


def models_option(help: str) -> Callable[[F], F]:
    """--models/--no-models (default on: the shipped classifiers run when installed)."""

    def decorate(func: F) -> F:
        return click.option("--models/--no-models", default=True, show_default=True, help=help)(
            func
        )

    return decorate


def encoding_option(func: F) -> F:
    """--encoding of input files."""
    return click.option(
        "--encoding", help="Encoding of the input files (default: UTF-8, else detected)."
    )(func)


def output_options(func: F) -> F:
    """-o/--output FILE and --force."""
    func = click.option("--force", is_flag=True, help="Overwrite an existing output.")(func)
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=True),
        help="Write to this file instead of stdout.",
    )(func)


@dataclass(frozen=True)
class AnalysisRun:
    """What the analysis options of a command ask for: the active lexicons, the options that
    change results, where the output goes, and the input encoding."""

    lexicons: tuple[Lexicon, ...]
    options: AnalysisOptions
    output: str | None
    force: bool
    encoding: str | None


def analysis_options(models_help: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The options of a command that analyses articles: --lexicon, -o/--force, --sentiment,
    --models (with `models_help`) and --encoding, given to the command as one ``run``
    (:class:`AnalysisRun`); a FramingError becomes a message."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def command(
            *args: Any,
            lexicons: tuple[str, ...],
            output: str | None,
            force: bool,
            sentiment: str,
            models: bool,
            encoding: str | None,
            **kwargs: Any,
        ) -> Any:
            options = AnalysisOptions(sentiment=sentiment, models=models)  # type: ignore[arg-type]
            active = load_lexicons(lexicons or None)
            run = AnalysisRun(active, options, output, force, encoding)
            return func(*args, run=run, **kwargs)

        wrapped: Callable[..., Any] = errors_as_messages(command)
        for option in (
            encoding_option,
            models_option(models_help),
            sentiment_option,
            output_options,
            lexicon_option,
        ):
            wrapped = option(wrapped)
        return wrapped

    return decorate


# --- inputs ----------------------------------------------------------------------------------


def read_stdin() -> bytes:
    """All of standard input, as bytes (decoded by :func:`framing.io.read_bytes`)."""
    with click.open_file("-", "rb") as stdin:
        data: bytes = stdin.read()
    return data


def read_text(item: str, encoding: str | None) -> str:
    """The text of one article file, or of stdin for ``-``."""
    if item == "-":
        return read_bytes(read_stdin(), name="<stdin>", encoding=encoding)[0]
    return read_article(item, encoding=encoding)[0]


def read_document(item: str, encoding: str | None, stdin: bytes | None = None) -> Document:
    """A Document from a file path, or from `stdin` (read now if not given) for ``-``."""
    if item == "-":
        data = read_stdin() if stdin is None else stdin
        text, source = read_bytes(data, name="<stdin>", encoding=encoding)
        return Document.from_text(text, source)
    return Document.from_path(item, encoding=encoding)


def read_documents(
    paths: Iterable[str], encoding: str | None
) -> Iterator[tuple[str, Document | InputError]]:
    """(name, Document or InputError) for each input: files, folders of them, ``-`` for stdin."""
    for item in paths:
        if item == "-":
            try:
                yield "<stdin>", read_document("-", encoding)
            except InputError as exc:
                yield "<stdin>", exc
            continue
        for path in iter_article_paths([item]):
            try:
                yield str(path), Document.from_path(path, encoding=encoding)
            except InputError as exc:
                yield str(path), exc


def single_input(paths: tuple[str, ...]) -> bool:
    """Whether `paths` name one article (a file or stdin), not a folder or several."""
    return len(paths) == 1 and (paths[0] == "-" or not Path(paths[0]).is_dir())


def readable_documents(
    paths: tuple[str, ...], encoding: str | None, names: list[str]
) -> Iterator[Document]:
    """The documents of `paths`, appending each one's name to `names` as it is read.

    An unreadable file is the error when it is the only input; among several it is skipped
    with a warning, so one bad file does not stop a corpus."""
    single = single_input(paths)
    for name, doc in read_documents(paths, encoding):
        if isinstance(doc, InputError):
            if single:
                raise doc
            warn(f"skipped {name}: {doc}")
            continue
        names.append(name)
        yield doc


# --- output ----------------------------------------------------------------------------------


def emit(text: str, output: str | None, force: bool) -> None:
    """Write `text` to `output` atomically (refusing to overwrite without force), or print it."""
    if output:
        write_text(output, text, force=force)
        click.echo(f"Wrote {output}", err=True)
    else:
        click.echo(text, nl=not text.endswith("\n"))


def print_rich(renderables: Iterable[RenderableType], output: str | None, force: bool) -> None:
    """Print rich renderables to the terminal, or write them 100 columns wide to `output`."""
    if output:
        buffer = io.StringIO()
        con = console(width=100, file=buffer)
        for item in renderables:
            con.print(item)
        emit(buffer.getvalue(), output, force)
        return
    con = console()
    for item in renderables:
        con.print(item)
