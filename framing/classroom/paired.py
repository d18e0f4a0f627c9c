"""The paired worksheet: two outlets' reports of the same event, compared with `framing.compare`.

Students read both articles (paragraphs numbered A1, A2 ... and B1, B2 ...) and answer comparison
tasks built from the :class:`framing.compare.comparison.Comparison`: the words each outlet uses in
its own voice for the same people and acts, who speaks in each report, a word both use in
different voices, how many loaded words each outlet uses itself, and (advanced) the tool's own
summary of the differences to check against the text. The answer key (tables from
:mod:`framing.classroom.key`, as for a single worksheet) gives the expected answers with the
lexicon's reasons, and both articles' full word lists. The pages are drawn by
:mod:`framing.render.classroom`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from framing.classroom.evidence import Word
from framing.classroom.tasks import Answer, Task
from framing.classroom.wording import PAIR_WORDING, Level
from framing.classroom.worksheet import Worksheet, build_worksheet
from framing.compare.comparison import Comparison, compare

if TYPE_CHECKING:
    from framing.analysis import Analysis

__all__ = ["PairedWorksheet", "build_paired_worksheet"]

PAIR_PLAN: dict[Level, tuple[str, ...]] = {
    "basic": ("pair_words", "pair_speakers", "pair_voice", "pair_headline"),
    "intermediate": ("pair_words", "pair_speakers", "pair_voice", "pair_count", "pair_headline"),
    "advanced": (
        "pair_words",
        "pair_speakers",
        "pair_voice",
        "pair_count",
        "pair_summary",
        "pair_headline",
    ),
}
WORD_ROWS: dict[Level, int] = {"basic": 4, "intermediate": 6, "advanced": 8}


@dataclass(frozen=True)
class PairedWorksheet:
    """Two worksheets' articles and evidence, the comparison, and the comparison tasks."""

    title: str
    names: tuple[str, str]
    level: Level
    sheets: tuple[Worksheet, Worksheet]
    comparison: Comparison
    tasks: tuple[Task, ...]
    paper: str = "auto"


def build_paired_worksheet(
    a: Analysis,
    b: Analysis,
    *,
    names: Sequence[str] | None = None,
    level: str = "basic",
    title: str | None = None,
    paper: str = "auto",
) -> PairedWorksheet:
    """A paired worksheet for two analysed reports of the same event."""
    c = compare(a, b, names=tuple(names) if names is not None else ("Report A", "Report B"))
    sheets = (
        build_worksheet(a, level=level, paper=paper),
        build_worksheet(b, level=level, paper=paper),
    )
    lvl = sheets[0].level
    tasks = [t for kind in PAIR_PLAN[lvl] if (t := _BUILDERS[kind](c, sheets, lvl)) is not None]
    title = title or f"Two reports, one event: {c.names[0]} and {c.names[1]}"
    return PairedWorksheet(title, c.names, lvl, sheets, c, tuple(tasks), sheets[0].paper)


def _wording(kind: str, level: Level, **fill: str) -> tuple[str, str]:
    title, prompt = PAIR_WORDING[kind][level]
    return title, prompt.format(**fill)


def _own_terms(sheet: Worksheet) -> dict[str, Word]:
    out: dict[str, Word] = {}
    for w in sheet.evidence.outlet:
        out.setdefault(w.match.term, w)
    return out


def _pair_words(c: Comparison, sheets: tuple[Worksheet, Worksheet], lvl: Level) -> Task | None:
    """Rows of (A's word, B's word) for the same actor, then words only one outlet uses."""
    labels = c.labels
    own = labels[labels["voice"] == "author"]
    answers: list[Answer] = []
    for _key, group in own.groupby("key", sort=False):
        a_words = sorted({str(t) for t, n in zip(group["texts"], group["a"], strict=True) if n})
        b_words = sorted({str(t) for t, n in zip(group["texts"], group["b"], strict=True) if n})
        if a_words and b_words and set(a_words) != set(b_words):
            actor = str(group["actor"].iloc[0])
            answers.append(
                Answer(
                    f"{actor}",
                    0,
                    who=f"{c.names[0]}: {', '.join(a_words)}; {c.names[1]}: {', '.join(b_words)}",
                    note="the same people, named differently",
                )
            )
    a_terms, b_terms = _own_terms(sheets[0]), _own_terms(sheets[1])
    only_a = [w for t, w in a_terms.items() if t not in b_terms]
    only_b = [w for t, w in b_terms.items() if t not in a_terms]
    for w in only_a + only_b:
        side = c.names[0] if w in only_a else c.names[1]
        answers.append(Answer.of(w, who=f"only {side}, in its own words"))
    if not answers:
        return None
    title, prompt = _wording("pair_words", lvl)
    rows = WORD_ROWS[lvl]
    return Task(
        "pair_words",
        title,
        prompt,
        items=tuple(f"Row {i}" for i in range(1, rows + 1)),
        columns=((f"{c.names[0]}'s word", True), (f"{c.names[1]}'s word", True)),
        lines=0,
        answers=tuple(answers),
        key_note="Any pair naming the same people or acts counts. Words one outlet uses in its "
        "own voice and the other avoids:",
    )


def _pair_speakers(c: Comparison, sheets: tuple[Worksheet, Worksheet], lvl: Level) -> Task | None:
    sp = c.speakers
    if sp.empty:
        return None
    answers = []
    a_names = set(sp[sp["document"] == "a"]["speaker"])
    b_names = set(sp[sp["document"] == "b"]["speaker"])
    for rec in sp.to_dict(orient="records"):
        name = str(rec["speaker"])
        where = (
            "both reports"
            if name in a_names and name in b_names
            else (f"only {c.names[0]}" if rec["document"] == "a" else f"only {c.names[1]}")
        )
        doc = c.names[0] if rec["document"] == "a" else c.names[1]
        answers.append(
            Answer(
                name,
                0,
                who=doc,
                note=f"{rec['quotes']} quotes, {rec['reported']} reported; {where}",
            )
        )
    title, prompt = _wording("pair_speakers", lvl)
    return Task("pair_speakers", title, prompt, lines=4, answers=tuple(answers))


def _pair_voice(c: Comparison, sheets: tuple[Worksheet, Worksheet], lvl: Level) -> Task | None:
    """A loaded term both articles contain, in different voices (or scare quotes) in each."""

    def voices(sheet: Worksheet) -> dict[str, list[Word]]:
        out: dict[str, list[Word]] = {}
        for w in sheet.evidence.words:
            out.setdefault(w.match.term, []).append(w)
        return out

    va, vb = voices(sheets[0]), voices(sheets[1])
    best = None
    for term in va:
        if term not in vb:
            continue
        owners_a = {w.owner for w in va[term]}
        owners_b = {w.owner for w in vb[term]}
        if owners_a != owners_b:
            weight = va[term][0].match.weight
            if best is None or weight > best[0]:
                best = (weight, term)
    if best is None:
        return None
    term = best[1]
    answers = []
    for name, ws in ((c.names[0], va[term]), (c.names[1], vb[term])):
        answers += [Answer.of(w, who=f"{name}: {w.who}") for w in ws]
    title, prompt = _wording("pair_voice", lvl, word=va[term][0].text.lower())
    return Task("pair_voice", title, prompt, lines=3, answers=tuple(answers))


def _pair_count(c: Comparison, sheets: tuple[Worksheet, Worksheet], lvl: Level) -> Task | None:
    scores = {r["measure"]: r for r in c.scores.to_dict(orient="records")}
    answers = []
    for name, sheet, side in zip(c.names, sheets, "ab", strict=True):
        own = len(sheet.evidence.outlet)
        others = len(sheet.evidence.speaker)
        rate = float(scores["loaded_rate_author"][side])
        answers.append(
            Answer(
                name,
                0,
                who=f"{own} in its own words, {others} in quotes or reported speech",
                note=f"{rate:.0f} per 1,000 words of its own voice",
            )
        )
    title, prompt = _wording("pair_count", lvl)
    return Task(
        "pair_count",
        title,
        prompt,
        lines=3,
        answers=tuple(answers),
        key_note="Counts of the lexicon's loaded terms (scare quotes and names left out). "
        "Students' counts may differ a little: discuss the words in question.",
    )


def _pair_summary(c: Comparison, sheets: tuple[Worksheet, Worksheet], lvl: Level) -> Task | None:
    if not c.summary:
        return None
    title, prompt = _wording("pair_summary", lvl)
    return Task(
        "pair_summary",
        title,
        prompt,
        items=tuple(c.summary[:4]),
        columns=(("right?", False), ("what it misses", True)),
        lines=0,
        key_note="The findings come from the lexicons and the actor finder; check each one in "
        "the text (an automatic tool can attach a label to the wrong group).",
    )


def _pair_headline(c: Comparison, sheets: tuple[Worksheet, Worksheet], lvl: Level) -> Task:
    title, prompt = _wording("pair_headline", lvl)
    heads = [s.article()["headline"] for s in sheets]
    extra = tuple(f"{n}: {h}" for n, h in zip(c.names, heads, strict=True) if h)
    return Task(
        "pair_headline",
        title,
        prompt,
        lines=3,
        key_note="Many answers are right. A good headline says what happened, where and who "
        "did it, in words neither side would object to. The two headlines:",
        extra=extra,
    )


_BUILDERS = {
    "pair_words": _pair_words,
    "pair_speakers": _pair_speakers,
    "pair_voice": _pair_voice,
    "pair_count": _pair_count,
    "pair_summary": _pair_summary,
    "pair_headline": _pair_headline,
}
