"""The classroom glossary: for each term, what it signals in plain words, neutral alternatives,
and an example sentence we wrote.

The plain-language notes and example sentences are curated data in
``lexicons/classroom/glossary.csv`` (columns ``term``, ``lexicon``, ``signals``, ``example``),
shipped with the lexicons. Category, direction and alternatives come from the lexicon itself, so
the glossary always agrees with what the analysis reports. Every example is checked by the tests:
the lexicon must find the term in it. The Markdown and HTML pages are drawn by
:mod:`framing.render.classroom.glossary`.
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass

from framing.classroom.rewrite import format_alternatives, split_alternatives
from framing.errors import LexiconError
from framing.lexicon.format import Entry, Lexicon
from framing.lexicon.registry import data_dir

__all__ = ["CATEGORY_NAMES", "GlossaryRow", "classroom_glossary", "examples"]

FILE = ("classroom", "glossary.csv")
#: Plain names of the categories, for teachers.
CATEGORY_NAMES = {
    "armed_actor_label": "Words for fighters and armed groups",
    "identity_marker": "Religion, people and belief",
    "sponsorship": "Who backs a group, and ties between groups",
    "legitimacy": "Words that give or deny a right to rule",
    "control": "Taking and holding places",
    "violence": "Words for violence",
    "narrative": "The story a conflict is told as",
    "casualty": "Words for the dead and the hurt",
    "place_label": "Words for places",
    "emotive": "Feeling words",
    "intensifier": "Words that turn up the volume",
    "name_calling": "Insults",
    "partisan_label": "Political labels",
    "scare_word": "Alarm words",
    "combative_verb": "Fighting words for arguments",
    "contested_label": "Each side's own word",
    "euphemism": "Soft words that hide things",
    "reporting_verb": "Saying words",
    "loaded_reporting_verb": "Saying words that judge",
    "factive_verb": "Saying words that present a fact",
    "anonymous_source": "Sources without names",
    "hedge": "Words that show doubt",
    "booster": "Words that show certainty",
}


@dataclass(frozen=True)
class GlossaryRow:
    """One term of the classroom glossary."""

    term: str
    lexicon: str
    category: str
    direction: str
    signals: str
    example: str
    neutral: tuple[str, ...]
    other: tuple[str, ...]
    alternatives: str
    entry: Entry


@functools.cache
def examples() -> tuple[tuple[str, str, str, str], ...]:
    """The curated rows (term, lexicon, signals, example), in file order."""
    path = data_dir().joinpath(*FILE)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        raise LexiconError(
            f"the classroom glossary data is missing ({path}); reinstall framing"
        ) from None
    reader = csv.DictReader(io.StringIO(text))
    return tuple(
        (r["term"].strip(), r["lexicon"].strip(), r["signals"].strip(), r["example"].strip())
        for r in reader
        if r.get("term", "").strip()
    )


def classroom_glossary(lexicons: Sequence[Lexicon]) -> list[GlossaryRow]:
    """The glossary rows for the active lexicons, grouped by lexicon and category."""
    active = tuple(lexicons)
    by_key = {(lex.name, e.term.lower()): e for lex in active for e in lex}
    rows = []
    for term, lexicon, signals, example in examples():
        entry = by_key.get((lexicon, term.lower()))
        if entry is None:
            continue
        neutral, other = split_alternatives(entry.alternatives, active)
        rows.append(
            GlossaryRow(
                entry.term,
                lexicon,
                entry.category,
                entry.direction,
                signals,
                example,
                neutral,
                other,
                format_alternatives(entry.alternatives, active, entry.direction),
                entry,
            )
        )
    order = {lex.name: i for i, lex in enumerate(active)}
    cats = {c: i for i, c in enumerate(CATEGORY_NAMES)}
    rows.sort(key=lambda r: (order[r.lexicon], cats.get(r.category, 99), r.term.lower()))
    if not rows:
        names = ", ".join(lex.name for lex in active)
        raise LexiconError(
            f"no classroom examples for the lexicons {names}; the classroom glossary covers "
            "the packaged conflict, political and sourcing lexicons"
        )
    return rows
