"""The answer key's content, for single and paired worksheets alike: one table per task, and the
lists of loaded words by whose choice they are.

>>> table = key_table(task, analysis.lexicons)       # doctest: +SKIP
>>> table.headings, table.rows[0]                    # doctest: +SKIP
(('Word', '¶', 'Whose word', 'What it signals'), ('militants', '2', 'the reporter ...', '...'))

Every task kind names its columns here once (heading, width in % of the page, the
:class:`~framing.classroom.tasks.Answer` field shown); a renderer only lays the table out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from framing.annotate.voice import VOICE_NAMES
from framing.classroom.rewrite import format_alternatives

if TYPE_CHECKING:
    from framing.classroom.evidence import Word
    from framing.classroom.tasks import Answer, Task
    from framing.lexicon.format import Lexicon

__all__ = ["KEY_COLUMNS", "KeyColumn", "KeyTable", "WordRow", "key_table", "word_rows"]


class KeyColumn(NamedTuple):
    """One column of an answer-key table: its heading, width in %, and the Answer field shown."""

    heading: str
    width: int
    field: str


def _columns(*spec: tuple[str, int, str]) -> tuple[KeyColumn, ...]:
    return tuple(KeyColumn(*c) for c in spec)


_WORD = ("Word", 18, "text")
_PARAGRAPH = ("¶", 13, "paragraph")

#: The answer-key table of each task kind (single and paired worksheets); an empty tuple: no
#: table. Kinds not listed get DEFAULT_COLUMNS.
KEY_COLUMNS: Mapping[str, tuple[KeyColumn, ...]] = MappingProxyType(
    {
        "quoted": _columns(
            ("Speaker", 34, "text"), ("Named?", 16, "who"), ("How and where", 50, "note")
        ),
        "rewrite": _columns(
            _WORD,
            ("Automatic swap", 24, "who"),
            ("What it signals", 36, "rationale"),
            ("Alternatives", 22, "alternatives"),
        ),
        "sort": _columns(
            _WORD, _PARAGRAPH, ("Whose word", 22, "who"), ("What it signals", 47, "rationale")
        ),
        "mirror": _columns(
            _WORD, _PARAGRAPH, ("What it signals", 40, "rationale"), ("Answer", 29, "note")
        ),
        "verbs": _columns(
            _WORD,
            _PARAGRAPH,
            ("Kind", 15, "who"),
            ("What it signals", 35, "rationale"),
            ("Alternatives", 19, "alternatives"),
        ),
        "certainty": _columns(
            ("Word", 22, "text"),
            _PARAGRAPH,
            ("Kind", 19, "who"),
            ("What it signals", 46, "rationale"),
        ),
        "pair_words": _columns(
            ("Word or actor", 22, "text"),
            ("Who uses it", 30, "who"),
            ("What it signals", 48, "rationale"),
        ),
        "pair_speakers": _columns(
            ("Speaker", 34, "text"), ("Report", 24, "who"), ("How often", 42, "note")
        ),
        "pair_voice": _columns(
            _WORD, ("Whose word", 34, "who"), ("What it signals", 48, "rationale")
        ),
        "pair_count": _columns(
            ("Report", 30, "text"), ("Loaded words", 40, "who"), ("Rate", 30, "note")
        ),
        "pair_summary": (),
        "pair_headline": (),
    }
)
DEFAULT_COLUMNS = _columns(
    ("Word", 19, "text"),
    _PARAGRAPH,
    ("What it signals", 43, "rationale"),
    ("Neutral alternatives", 25, "alternatives"),
)


@dataclass(frozen=True)
class KeyTable:
    """One task's table in the answer key: headings, column widths (%) and rows of cells."""

    headings: tuple[str, ...]
    widths: tuple[int, ...]
    rows: tuple[tuple[str, ...], ...]


def paragraph_list(numbers: Iterable[int]) -> str:
    """Paragraph numbers for a reader: "headline, 2, 5" (each once, in the order given)."""
    return ", ".join("headline" if n == 0 else str(n) for n in dict.fromkeys(numbers))


def key_table(task: Task, lexicons: tuple[Lexicon, ...] = ()) -> KeyTable:
    """The answer-key table of a task (columns from KEY_COLUMNS).

    Answers with the same word, kind and note are merged into one row listing their paragraphs.
    """
    columns = KEY_COLUMNS.get(task.kind, DEFAULT_COLUMNS)
    merged: dict[tuple[str, ...], tuple[Answer, list[int]]] = {}
    for a in task.answers:
        key = (a.text.lower(), a.who, a.note, a.term)
        if key in merged:
            merged[key][1].append(a.paragraph)
        else:
            merged[key] = (a, [a.paragraph])
    rows = [
        tuple(_cell(a, numbers, c.field, lexicons) for c in columns)
        for a, numbers in merged.values()
    ]
    return KeyTable(tuple(c.heading for c in columns), tuple(c.width for c in columns), tuple(rows))


def _cell(a: Answer, numbers: list[int], field: str, lexicons: tuple[Lexicon, ...]) -> str:
    if field == "paragraph":
        return paragraph_list(numbers)
    if field == "alternatives":
        return format_alternatives(a.alternatives, lexicons, a.direction)
    return str(getattr(a, field))


@dataclass(frozen=True)
class WordRow:
    """One loaded word and speaker in the answer key's word lists, with every paragraph it is in."""

    text: str
    paragraph: str
    who: str
    voice: str
    speaker: str
    term: str
    category: str
    direction: str
    rationale: str
    alternatives: str


def word_rows(words: Iterable[Word], lexicons: tuple[Lexicon, ...]) -> list[WordRow]:
    """One row per word and speaker (first spelling kept), listing the paragraphs it appears in."""
    groups: dict[tuple[str, str, str], list[Word]] = {}
    for w in words:
        groups.setdefault((w.match.text.lower(), w.match.term, w.who), []).append(w)
    rows = []
    for group in groups.values():
        w = group[0]
        m = w.match
        rows.append(
            WordRow(
                m.text,
                paragraph_list(x.paragraph for x in group),
                w.who,
                VOICE_NAMES[m.voice].student,
                m.speaker or "",
                m.term,
                m.category.replace("_", " "),
                m.direction,
                m.rationale,
                format_alternatives(m.alternatives, lexicons, m.direction),
            )
        )
    return rows
