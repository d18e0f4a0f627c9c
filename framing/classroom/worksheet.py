"""Printable worksheets and their answer keys, built from one analysis.

>>> from framing import analyze
>>> ws = build_worksheet(analyze("article.txt"), level="basic")       # doctest: +SKIP
>>> html = worksheet_html(ws); key = answer_key_html(ws)              # doctest: +SKIP

The worksheet shows the article with numbered paragraphs (no highlighting: finding the words is
the exercise) and the tasks; the answer key, a separate page for the teacher, gives the expected
answers with the lexicon's rationale and alternatives, and lists every loaded word by whose
choice it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from framing.classroom.evidence import VOICE_NAMES, Evidence, Word, gather
from framing.classroom.rewrite import Rewrite, format_alternatives, rewrite
from framing.classroom.tasks import LEVELS, Level, Task, build_tasks
from framing.errors import FramingError

if TYPE_CHECKING:
    from framing.analysis import Analysis
    from framing.lexicon.format import Lexicon

__all__ = [
    "PAPERS",
    "Worksheet",
    "answer_key_html",
    "build_worksheet",
    "key_table",
    "worksheet_html",
]

Paper = Literal["auto", "a4", "letter"]
PAPERS: tuple[Paper, ...] = ("auto", "a4", "letter")

INTRO: dict[Level, str] = {
    "basic": "Read the article. The paragraphs have numbers. Then do the tasks. "
    "Some words are the reporter's own. Some words belong to people the reporter quotes.",
    "intermediate": "Read the article carefully; the paragraphs are numbered. Then do the "
    "tasks. Keep apart the reporter's own words and the words of the people quoted.",
    "advanced": "Read the article closely; paragraphs are numbered for reference. The tasks "
    "ask you to separate the outlet's own wording from its sources' and to weigh each choice.",
}


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


def _paragraphs(numbers: list[int]) -> str:
    return ", ".join("headline" if n == 0 else str(n) for n in dict.fromkeys(numbers))


def _word_rows(words: list[Word], lexicons: tuple[Lexicon, ...]) -> list[dict[str, Any]]:
    """One row per word and speaker, with every paragraph it appears in."""
    rows: dict[tuple[str, str, str], dict[str, Any]] = {}
    for w in words:
        m = w.match
        key = (m.text.lower(), m.term, w.who)
        row = rows.get(key)
        if row is None:
            row = rows[key] = {
                "text": m.text,
                "numbers": [],
                "who": w.who,
                "voice": VOICE_NAMES[m.voice],
                "speaker": m.speaker or "",
                "term": m.term,
                "category": m.category.replace("_", " "),
                "direction": m.direction,
                "rationale": m.rationale,
                "alternatives": format_alternatives(m.alternatives, lexicons, m.direction),
            }
        row["numbers"].append(w.paragraph)
    for row in rows.values():
        row["paragraph"] = _paragraphs(row.pop("numbers"))
    return list(rows.values())


#: Answer-key table of each task kind: (heading, width in %, Answer field) per column.
_KEY_COLUMNS: dict[str, tuple[tuple[str, int, str], ...]] = {
    "quoted": (("Speaker", 34, "text"), ("Named?", 16, "who"), ("How and where", 50, "note")),
    "rewrite": (
        ("Word", 18, "text"),
        ("Automatic swap", 24, "who"),
        ("What it signals", 36, "rationale"),
        ("Alternatives", 22, "alternatives"),
    ),
    "sort": (
        ("Word", 18, "text"),
        ("¶", 13, "paragraph"),
        ("Whose word", 22, "who"),
        ("What it signals", 47, "rationale"),
    ),
    "mirror": (
        ("Word", 18, "text"),
        ("¶", 13, "paragraph"),
        ("What it signals", 40, "rationale"),
        ("Answer", 29, "note"),
    ),
    "verbs": (
        ("Word", 18, "text"),
        ("¶", 13, "paragraph"),
        ("Kind", 15, "who"),
        ("What it signals", 35, "rationale"),
        ("Alternatives", 19, "alternatives"),
    ),
    "certainty": (
        ("Word", 22, "text"),
        ("¶", 13, "paragraph"),
        ("Kind", 19, "who"),
        ("What it signals", 46, "rationale"),
    ),
}
_DEFAULT_COLUMNS = (
    ("Word", 19, "text"),
    ("¶", 13, "paragraph"),
    ("What it signals", 43, "rationale"),
    ("Neutral alternatives", 25, "alternatives"),
)


def key_table(task: Task, lexicons: tuple[Lexicon, ...] = ()) -> dict[str, Any]:
    """The answer-key table of a task: headings, widths and rows of cells.

    Answers with the same word, kind and note are merged into one row listing their paragraphs.
    """
    columns = _KEY_COLUMNS.get(task.kind, _DEFAULT_COLUMNS)
    merged: dict[tuple[str, ...], tuple[Any, list[int]]] = {}
    for a in task.answers:
        key = (a.text.lower(), a.who, a.note, a.term)
        if key in merged:
            merged[key][1].append(a.paragraph)
        else:
            merged[key] = (a, [a.paragraph])
    rows = []
    for a, numbers in merged.values():
        cells = []
        for _, _, name in columns:
            if name == "paragraph":
                cells.append(_paragraphs(numbers))
            elif name == "alternatives":
                cells.append(format_alternatives(a.alternatives, lexicons, a.direction))
            else:
                cells.append(str(getattr(a, name)))
        rows.append(cells)
    return {
        "headings": [c[0] for c in columns],
        "widths": [c[1] for c in columns],
        "rows": rows,
    }


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
    from framing.render.html import render

    return render("worksheet.html.j2", **_context(ws))


def answer_key_html(ws: Worksheet) -> str:
    """The teacher's answer key as a printable HTML page (its own file)."""
    from framing.render.html import render

    ev = ws.evidence
    lex = ws.analysis.lexicons
    return render(
        "answer_key.html.j2",
        **_context(ws),
        outlet=_word_rows(ev.outlet, lex),
        speaker=_word_rows(ev.speaker, lex),
        scare=_word_rows(ev.of("scare"), lex),
        left_out=_word_rows(ev.of("left_out"), lex),
        rewrite=ws.rewrite,
        key_tables=[key_table(t, lex) for t in ws.tasks],
    )
