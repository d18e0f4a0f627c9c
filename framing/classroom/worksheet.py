"""Printable worksheets and their answer keys, built from one analysis.

>>> from framing import analyze
>>> from framing.render.classroom import answer_key_html, worksheet_html
>>> ws = build_worksheet(analyze("article.txt"), level="basic")       # doctest: +SKIP
>>> html = worksheet_html(ws); key = answer_key_html(ws)              # doctest: +SKIP

The worksheet shows the article with numbered paragraphs (no highlighting: finding the words is
the exercise) and the tasks; the answer key, a separate page for the teacher, gives the expected
answers with the lexicon's rationale and alternatives (:mod:`framing.classroom.key`), and lists
every loaded word by whose choice it is. The pages themselves are drawn by
:mod:`framing.render.classroom`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from framing.classroom.evidence import Evidence, gather
from framing.classroom.rewrite import Rewrite, rewrite
from framing.classroom.tasks import LEVELS, Level, Task, build_tasks
from framing.errors import FramingError

if TYPE_CHECKING:
    from framing.analysis import Analysis

__all__ = ["PAPERS", "Worksheet", "build_worksheet"]

Paper = Literal["auto", "a4", "letter"]
PAPERS: tuple[Paper, ...] = ("auto", "a4", "letter")


@dataclass(frozen=True)
class Worksheet:
    """A worksheet: the article, its tasks and the evidence the answer key draws on."""

    title: str
    level: Level
    evidence: Evidence
    rewrite: Rewrite
    tasks: tuple[Task, ...]
    paper: Paper = "auto"

    @property
    def analysis(self) -> Analysis:
        return self.evidence.analysis

    def article(self) -> dict[str, Any]:
        """The headline and numbered body paragraphs, as plain text."""
        ev = self.evidence
        text = ev.analysis.text
        headline = text[ev.headline.start : ev.headline.end] if ev.headline else None
        return {
            "headline": headline.strip().rstrip("`´ “‘") if headline else None,
            "paragraphs": [(i, text[s:e]) for i, (s, e) in enumerate(ev.body, start=1)],
        }


def build_worksheet(
    analysis: Analysis, *, level: str = "basic", title: str | None = None, paper: str = "auto"
) -> Worksheet:
    """A worksheet for one analysed article at `level` (basic, intermediate or advanced)."""
    if level not in LEVELS:
        raise FramingError(f"unknown level {level!r}: use one of {', '.join(LEVELS)}")
    if paper not in PAPERS:
        raise FramingError(f"unknown paper size {paper!r}: use one of {', '.join(PAPERS)}")
    ev = gather(analysis)
    rw = rewrite(analysis, ev)
    tasks = build_tasks(ev, level, rw)
    if title is None:
        src = analysis.document.source
        head = ev.paragraph_text(0).strip().rstrip('`´ “"') if ev.headline else None
        title = src.title or head or "Reading the news"
    return Worksheet(title, level, ev, rw, tuple(tasks), paper)
