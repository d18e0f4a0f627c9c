"""Shared pieces of the command line: error handling, common options, output."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import click

from framing.errors import FramingError

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


def emit(text: str, output: str | None, force: bool) -> None:
    """Write `text` to `output` atomically (refusing to overwrite without force), or print it."""
    from framing.output import write_text

    if output:
        write_text(output, text, force=force)
        click.echo(f"Wrote {output}", err=True)
    else:
        click.echo(text, nl=not text.endswith("\n"))
