"""Printable HTML pages of worksheets and answer keys, single and paired.

The content (tasks, key tables, word lists) comes from :mod:`framing.classroom`; these functions
only fill the templates.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.classroom.key import key_table, word_rows
from framing.classroom.wording import INTRO, PAIR_INTRO
from framing.render.html import render

if TYPE_CHECKING:
    from framing.classroom.paired import PairedWorksheet
    from framing.classroom.worksheet import Worksheet

__all__ = [
    "answer_key_html",
    "paired_answer_key_html",
    "paired_worksheet_html",
    "worksheet_html",
]


def _context(ws: Worksheet) -> dict[str, Any]:
    a = ws.analysis
    src = a.document.source
    return {
        "title": ws.title,
        "level": ws.level,
        "paper": ws.paper,
        "intro": INTRO[ws.level],
        "art": ws.article(),
        "tasks": ws.tasks,
        "source": Path(src.path).name if src.path else (src.title or ""),
        "lexicons": a.lexicon_info(),
    }


def worksheet_html(ws: Worksheet) -> str:
    """The student's worksheet as a printable HTML page."""
    return render("classroom/worksheet.html.j2", **_context(ws))


def answer_key_html(ws: Worksheet) -> str:
    """The teacher's answer key as a printable HTML page (its own file)."""
    ev = ws.evidence
    lex = ws.analysis.lexicons
    return render(
        "classroom/answer_key.html.j2",
        **_context(ws),
        outlet=word_rows(ev.outlet, lex),
        speaker=word_rows(ev.speaker, lex),
        scare=word_rows(ev.of("scare"), lex),
        left_out=word_rows(ev.of("left_out"), lex),
        rewrite=ws.rewrite,
        key_tables=[key_table(t, lex) for t in ws.tasks],
    )


def _paired_context(pw: PairedWorksheet) -> dict[str, Any]:
    return {
        "title": pw.title,
        "level": pw.level,
        "paper": pw.paper,
        "names": pw.names,
        "articles": [s.article() for s in pw.sheets],
        "tasks": pw.tasks,
        "intro": PAIR_INTRO,
        "lexicons": pw.sheets[0].analysis.lexicon_info(),
        "source": "",
    }


def paired_worksheet_html(pw: PairedWorksheet) -> str:
    """The students' paired worksheet as a printable HTML page."""
    return render("classroom/worksheet_pair.html.j2", **_paired_context(pw))


def paired_answer_key_html(pw: PairedWorksheet) -> str:
    """The teacher's answer key for a paired worksheet."""
    lex = pw.sheets[0].analysis.lexicons
    return render(
        "classroom/answer_key_pair.html.j2",
        **_paired_context(pw),
        key_tables=[key_table(t, lex) for t in pw.tasks],
        outlets=[
            {
                "name": name,
                "outlet": word_rows(s.evidence.outlet, lex),
                "speaker": word_rows(s.evidence.speaker, lex),
            }
            for name, s in zip(pw.names, pw.sheets, strict=True)
        ],
        summary=list(pw.comparison.summary),
    )
