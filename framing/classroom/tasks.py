"""Worksheet tasks built from an analysis, with their expected answers, at three levels.

Each builder looks at the evidence (which loaded words are the outlet's, which a speaker's) and
returns a :class:`Task` or ``None`` when the article gives it no material. The wording of every
instruction lives in :mod:`framing.classroom.wording`, one version per level.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from framing.classroom.evidence import Evidence, Word
from framing.classroom.rewrite import is_neutral_wording
from framing.classroom.wording import LEVELS, WORDING, Level
from framing.errors import FramingError

if TYPE_CHECKING:
    from framing.analysis import Match
    from framing.classroom.rewrite import Rewrite

__all__ = ["LEVELS", "WORDING", "Answer", "Level", "Task", "build_tasks"]


#: Which tasks each level gets, in order (a task with no material in the article is skipped).
PLAN: dict[Level, tuple[str, ...]] = {
    "basic": ("labels", "quoted", "sort", "rewrite"),
    "intermediate": ("labels", "actions", "quoted", "sort", "verbs", "backing", "rewrite"),
    "advanced": (
        "headline",
        "labels",
        "actions",
        "quoted",
        "sort",
        "verbs",
        "backing",
        "mirror",
        "certainty",
        "rewrite",
        "reflect",
    ),
}
SORT_ITEMS: dict[Level, int] = {"basic": 6, "intermediate": 8, "advanced": 10}

_ACTOR_CATEGORIES = frozenset(
    {"armed_actor_label", "name_calling", "partisan_label", "place_label"}
)
_ACTION_CATEGORIES = frozenset(
    {
        "control",
        "violence",
        "narrative",
        "casualty",
        "combative_verb",
        "scare_word",
        "emotive",
        "euphemism",
        "intensifier",
        "contested_label",
    }
)
_VERB_CATEGORIES = frozenset({"reporting_verb", "loaded_reporting_verb", "factive_verb"})
_BACKING_CATEGORIES = frozenset({"sponsorship", "identity_marker", "legitimacy"})
_CERTAINTY_CATEGORIES = frozenset({"hedge", "booster", "anonymous_source"})


@dataclass(frozen=True)
class Answer:
    """One expected answer, with the lexicon's reasons."""

    text: str
    paragraph: int
    who: str = ""
    term: str = ""
    category: str = ""
    rationale: str = ""
    alternatives: tuple[str, ...] = ()
    note: str = ""
    direction: str = ""

    @classmethod
    def of(cls, w: Word, note: str = "", *, who: str | None = None) -> Answer:
        """The answer for a loaded word: whose word it is (`who`, by default the word's owner)."""
        return cls.of_match(
            w.match, w.paragraph, w.who if who is None else who, note, direction=w.match.direction
        )

    @classmethod
    def of_match(
        cls, m: Match, paragraph: int, who: str = "", note: str = "", *, direction: str = ""
    ) -> Answer:
        """The answer for a lexicon match (a verb, a hedge, a rewritten word)."""
        return cls(
            m.text, paragraph, who, m.term, m.category, m.rationale, m.alternatives, note, direction
        )


@dataclass(frozen=True)
class Task:
    """One task: what students read, and what the answer key says."""

    kind: str
    title: str
    prompt: str
    items: tuple[str, ...] = ()
    columns: tuple[tuple[str, bool], ...] = ()  # (heading, written answer rather than a tick)
    lines: int = 3
    answers: tuple[Answer, ...] = ()
    key_note: str = ""
    paragraph: int | None = None
    extra: tuple[str, ...] = field(default=())


#: Builds one kind of task from the evidence, or None when the article gives it no material.
Builder = Callable[[Evidence, Level, "Rewrite"], "Task | None"]


def _wording(kind: str, level: Level, **fill: object) -> tuple[str, str]:
    title, prompt = WORDING[kind][level]
    return title, prompt.format(**fill)


def _unique(words: list[Word]) -> list[Word]:
    """One word per (paragraph, text), in reading order."""
    seen: set[tuple[int, str]] = set()
    out = []
    for w in words:
        key = (w.paragraph, w.text.lower())
        if key not in seen:
            seen.add(key)
            out.append(w)
    return out


def _where(w: Word) -> str:
    return "headline" if w.paragraph == 0 else f"paragraph {w.paragraph}"


def _labels(ev: Evidence, level: Level, rw: Rewrite) -> Task | None:
    words = [w for w in ev.outlet if w.match.category in _ACTOR_CATEGORIES]
    if not words:
        words = ev.outlet
        if not words:
            return None
        title, prompt = _wording("judgement", level)
        kind = "judgement"
    else:
        armed = sum(w.match.category == "armed_actor_label" for w in words) * 2 >= len(words)
        who = "the armed groups" if armed else "people and groups"
        title, prompt = _wording("labels", level, who=who)
        kind = "labels"
    speaker = [w for w in ev.speaker if w.match.category in _ACTOR_CATEGORIES]
    note = ""
    if speaker:
        note = "Not the reporter's: " + "; ".join(
            f"'{w.text}' ({w.who}, {_where(w)})" for w in _unique(speaker)
        )
    return Task(
        kind, title, prompt, lines=0, answers=tuple(Answer.of(w) for w in words), key_note=note
    )


def _own_words(kind: str, categories: frozenset[str], lines: int) -> Builder:
    """A builder of a task on the outlet's own words in `categories` (events, backers)."""

    def build(ev: Evidence, level: Level, rw: Rewrite) -> Task | None:
        words = [w for w in ev.outlet if w.match.category in categories]
        if not words:
            return None
        title, prompt = _wording(kind, level)
        return Task(kind, title, prompt, lines=lines, answers=tuple(Answer.of(w) for w in words))

    return build


def _is_named(speaker: str) -> bool:
    last = speaker.split()[-1] if speaker.split() else ""
    return any(c.isupper() for c in last)


def _quoted(ev: Evidence, level: Level, rw: Rewrite) -> Task | None:
    a = ev.analysis
    found: dict[str, list[int]] = {}
    kinds: dict[str, set[str]] = {}
    spans = [(q.start, q.speaker, "quoted") for q in a.voices.quotes if q.kind == "speech"]
    spans += [
        (x.start, x.speaker, "reported as fact" if x.factive else "reported")
        for x in a.voices.attributions
    ]
    for start, speaker, kind in sorted(spans, key=lambda s: s[0]):
        name = speaker or "no speaker given"
        if name.lower() in {"he", "she", "they", "it", "we", "i"}:
            continue
        paras = found.setdefault(name, [])
        n = ev.paragraph_number(start)
        if n not in paras:
            paras.append(n)
        kinds.setdefault(name, set()).add(kind)
    if not found:
        return None
    answers = []
    for name, paras in found.items():
        named = name != "no speaker given" and _is_named(name)
        where = ", ".join("headline" if p == 0 else str(p) for p in paras)
        answers.append(
            Answer(
                name,
                paras[0],
                who="named" if named else "not named",
                note=f"{' and '.join(sorted(kinds[name]))}; paragraph {where}",
            )
        )
    anonymous = [m for m in a.matches if m.category == "anonymous_source" and m.voice == "author"]
    extra = tuple(
        f"'{m.text}' (paragraph {ev.paragraph_number(m.start)}): a source without a name"
        for m in anonymous
    )
    title, prompt = _wording("quoted", level)
    return Task(
        "quoted",
        title,
        prompt,
        lines=4,
        answers=tuple(answers),
        extra=extra,
        key_note="A source counts as named when the article gives a person's or an "
        "organisation's name. Unnamed sources are not wrong, but readers cannot check them.",
    )


def _sort(ev: Evidence, level: Level, rw: Rewrite) -> Task | None:
    n = SORT_ITEMS[level]
    own = sorted(_unique(ev.outlet), key=lambda w: -w.match.weight)
    other = sorted(_unique(ev.speaker), key=lambda w: -w.match.weight)
    if not own or not other:
        return None
    picked: list[Word] = []
    texts: set[str] = set()
    while (own or other) and len(picked) < n:
        for pool in (other, own):
            while pool:
                w = pool.pop(0)
                if w.text.lower() not in texts:
                    picked.append(w)
                    texts.add(w.text.lower())
                    break
            if len(picked) >= n:
                break
    picked.sort(key=lambda w: w.match.start)
    cols: tuple[tuple[str, bool], ...] = (
        (("the reporter", False), ("a speaker", False))
        if level == "basic"
        else (("reporter's own", False), ("a speaker's", False), ("who said it?", True))
        if level == "intermediate"
        else (
            ("outlet's voice", False),
            ("direct quote", False),
            ("reported speech", False),
            ("speaker", True),
        )
    )
    title, prompt = _wording("sort", level)
    return Task(
        "sort",
        title,
        prompt,
        items=tuple(f"{w.text} ({_where(w)})" for w in picked),
        columns=cols,
        lines=0,
        answers=tuple(Answer.of(w) for w in picked),
    )


def _verbs(ev: Evidence, level: Level, rw: Rewrite) -> Task | None:
    a = ev.analysis
    ms = [m for m in a.matches if m.category in _VERB_CATEGORIES and m.voice == "author"]
    if not any(m.loaded for m in ms):
        return None
    answers = tuple(
        Answer.of_match(
            m, ev.paragraph_number(m.start), "adds a judgement" if m.loaded else "neutral"
        )
        for m in ms
    )
    title, prompt = _wording("verbs", level)
    return Task("verbs", title, prompt, lines=2, answers=answers)


def _opposite(m: Match, ev: Evidence) -> tuple[list[str], list[str]]:
    """The alternatives split into mirror words (loaded the other way) and neutral ones."""
    lexicons = ev.analysis.lexicons
    by_term = {e.term.lower(): e for lex in lexicons for e in lex}
    mirror, neutral = [], []
    for alt in m.alternatives:
        entry = by_term.get(alt.lower())
        if entry is not None and entry.loaded and entry.direction not in (m.direction, "neutral"):
            mirror.append(alt)
        elif is_neutral_wording(alt, lexicons):
            neutral.append(alt)
    return mirror, neutral


def _mirror(ev: Evidence, level: Level, rw: Rewrite) -> Task | None:
    picked: list[tuple[Word, list[str], list[str]]] = []
    seen: set[str] = set()
    for w in ev.words:
        if w.owner not in ("outlet", "speaker") or w.match.term in seen:
            continue
        mirror, neutral = _opposite(w.match, ev)
        if mirror:
            picked.append((w, mirror, neutral))
            seen.add(w.match.term)
    if not picked:
        return None
    picked = picked[:4]
    answers = tuple(
        Answer.of(
            w,
            note=f"other side: {', '.join(mirror)}; neutral: {', '.join(neutral) or 'none listed'}",
        )
        for w, mirror, neutral in picked
    )
    title, prompt = _wording("mirror", level)
    return Task(
        "mirror",
        title,
        prompt,
        items=tuple(w.text for w, _, _ in picked),
        columns=(("other side's word", True), ("neutral word", True)),
        lines=0,
        answers=answers,
    )


def _certainty(ev: Evidence, level: Level, rw: Rewrite) -> Task | None:
    a = ev.analysis
    ms = [m for m in a.matches if m.category in _CERTAINTY_CATEGORIES]
    if not ms:
        return None
    answers = tuple(
        Answer.of_match(
            m,
            ev.paragraph_number(m.start),
            m.category.replace("_", " ")
            + ("" if m.voice == "author" else f", in {m.speaker or 'a speaker'}'s words"),
        )
        for m in ms
    )
    title, prompt = _wording("certainty", level)
    return Task("certainty", title, prompt, lines=3, answers=answers)


def _headline(ev: Evidence, level: Level, rw: Rewrite) -> Task | None:
    words = [w for w in ev.outlet if w.paragraph == 0]
    if ev.headline is None or not words:
        return None
    title, prompt = _wording("headline", level)
    return Task(
        "headline",
        title,
        prompt,
        lines=2,
        answers=tuple(Answer.of(w) for w in words),
        paragraph=0,
    )


def _rewrite(ev: Evidence, level: Level, rw: Rewrite) -> Task | None:
    counts: dict[int, int] = {}
    for c in rw.changes:
        if c.paragraph > 0:
            counts[c.paragraph] = counts.get(c.paragraph, 0) + 1
    if not counts:
        return None

    def length(n: int) -> int:
        return len(ev.paragraph_text(n))

    if level == "basic":  # a short paragraph with a few words to change
        n = min(counts, key=lambda p: (-min(counts[p], 3), length(p)))
    else:
        n = max(counts, key=lambda p: (counts[p], -p))
    changes = [c for c in rw.changes if c.paragraph == n]
    answers = tuple(
        replace(
            Answer.of_match(c.match, n, c.replacement or "no neutral swap", c.note),
            text=c.original,
        )
        for c in changes
    )
    title, prompt = _wording("rewrite", level, n=n)
    return Task(
        "rewrite",
        title,
        prompt,
        lines=6 if level == "basic" else 8,
        answers=answers,
        paragraph=n,
        key_note="Many answers are right. A good rewrite keeps every fact and changes only "
        "the reporter's own words. One automatic version:",
        extra=(rw.paragraph_text(n),),
    )


def _reflect(ev: Evidence, level: Level, rw: Rewrite) -> Task | None:
    a, b = len(ev.outlet), len(ev.speaker)
    if not a and not b:
        return None
    title, prompt = _wording("reflect", level, a=a, b=b)
    return Task(
        "reflect",
        title,
        prompt,
        lines=5,
        key_note="Open question; look for reasons, not a verdict. Points students may raise: a "
        "quote shows a speaker's view without the outlet adopting it; readers may still "
        "remember the word; which speakers are quoted, and how often, is itself a choice.",
    )


BUILDERS: dict[str, Builder] = {
    "labels": _labels,
    "actions": _own_words("actions", _ACTION_CATEGORIES, lines=2),
    "quoted": _quoted,
    "sort": _sort,
    "verbs": _verbs,
    "backing": _own_words("backing", _BACKING_CATEGORIES, lines=3),
    "mirror": _mirror,
    "certainty": _certainty,
    "headline": _headline,
    "rewrite": _rewrite,
    "reflect": _reflect,
}


def build_tasks(ev: Evidence, level: Level, rw: Rewrite) -> list[Task]:
    """The tasks of a worksheet at `level`, in order, skipping those with no material."""
    if level not in PLAN:
        raise FramingError(f"unknown level {level!r}: use one of {', '.join(LEVELS)}")
    tasks = []
    for kind in PLAN[level]:
        task = BUILDERS[kind](ev, level, rw)
        if task is not None:
            tasks.append(task)
    return tasks
