"""The one click group every command registers on (commands import it; nothing imports back)."""

from __future__ import annotations

import click

from framing._version import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="framing")
def cli() -> None:
    """Find loaded language in news text, tell whose voice it is in, compare outlets.

    \b
    Examples:
      framing analyze article.txt
      framing analyze article.html --format html -o article.html
      framing compare a.txt b.txt --names "Outlet A,Outlet B"
      framing worksheet article.txt -o worksheet.html --answer-key key.html
      framing lexicon list
    """
