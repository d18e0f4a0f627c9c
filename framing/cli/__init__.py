"""The `framing` command line: a thin layer over the library.

The ``framing.cli`` package is the only place that imports click. Each command lives in its own
module and registers itself on the :data:`~framing.cli.group.cli` group, which lives in
:mod:`framing.cli.group` so that command modules never import this package back. Importing the
command modules here (in CLI-tour order) is what registers them.
"""

from __future__ import annotations

from framing.cli import analyze, classroom, compare, lexicon, models, quotes, report
from framing.cli.group import cli

__all__ = [
    "analyze",
    "classroom",
    "cli",
    "compare",
    "lexicon",
    "main",
    "models",
    "quotes",
    "report",
]


def main() -> None:
    """Entry point of the `framing` script."""
    cli(prog_name="framing")
