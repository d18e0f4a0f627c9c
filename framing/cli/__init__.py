"""The `framing` command line: a thin layer over the library.

The ``framing.cli`` package is the only place that imports click. Each command lives in its own
module and registers itself on the :data:`cli` group when imported below.
"""

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


def main() -> None:
    """Entry point of the `framing` script."""
    cli(prog_name="framing")


# Command modules register themselves on `cli` (keep this list in CLI-tour order).
from framing.cli import analyze as _analyze  # noqa: E402, F401
from framing.cli import classroom as _classroom  # noqa: E402, F401
from framing.cli import compare as _compare  # noqa: E402, F401
from framing.cli import lexicon as _lexicon  # noqa: E402, F401
from framing.cli import models as _models  # noqa: E402, F401
from framing.cli import report as _report  # noqa: E402, F401
