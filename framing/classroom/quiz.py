"""The quiz: a student marks the loaded words in the reporter's own voice and gets feedback.

Every word of the article has a number (1, 2, 3 ... in reading order, the headline included).
An answer is any mix of numbers (``12``), ranges (``40-43``) and typed words or phrases
(``militants``, ``backed by the US``), separated by commas, semicolons or new lines.

What is scored:

- the **targets** are the loaded words in the reporter's own voice (the outlet's choices, see
  :mod:`framing.classroom.evidence`); a target is found when any of its words is marked;
- an **extra** is a marked stretch that is not a target: a run of neighbouring marked words, or
  one loaded word in a quote or reported speech (a speaker's word, not the outlet's);
- words in scare quotes and words that are part of a name are **not counted** either way;
- precision = found / (found + extras), recall = found / targets, F1 their harmonic mean.

A typed word marks its occurrences in the reporter's own words when there are any, else all its
occurrences: typing "militants" means "the reporter uses this word".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from framing.classroom.evidence import Evidence, Word, gather
from framing.classroom.inflect import plural, singular
from framing.classroom.rewrite import split_alternatives
from framing.lexicon.normalize import normalize_chars

if TYPE_CHECKING:
    from framing.analysis import Analysis
    from framing.document import Token

__all__ = ["Feedback", "Marks", "Quiz", "QuizResult"]

_SPLIT_RE = re.compile(r"[,;\n]+")
_NUMBERS_RE = re.compile(r"^[\d\s\-–]+$")
_RANGE_RE = re.compile(r"(\d+)\s*[-–]\s*(\d+)|(\d+)")
_SUBWORD_RE = re.compile(r"[^\W_]+")
MAX_RANGE = 200

FeedbackKind = Literal["found", "missed", "extra", "not_counted"]


@dataclass(frozen=True)
class Feedback:
    """What a student did with one word or stretch, and why it matters.

    `word` is the loaded word the feedback is about (None for a stretch the tool did not flag);
    `alternatives` are its neutral alternatives only.
    """

    kind: FeedbackKind
    text: str
    paragraph: int
    numbers: tuple[int, ...]
    message: str
    word: Word | None = None
    alternatives: tuple[str, ...] = ()

    @property
    def rationale(self) -> str:
        return self.word.match.rationale if self.word else ""

    @property
    def term(self) -> str:
        return self.word.match.term if self.word else ""


@dataclass(frozen=True)
class Marks:
    """Word numbers a student marked, and the entries that matched nothing."""

    numbers: frozenset[int]
    unknown: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuizResult:
    """The score of one set of marks."""

    found: tuple[Feedback, ...]
    missed: tuple[Feedback, ...]
    extra: tuple[Feedback, ...]
    not_counted: tuple[Feedback, ...]
    unknown: tuple[str, ...] = ()

    @property
    def precision(self) -> float:
        n = len(self.found) + len(self.extra)
        return len(self.found) / n if n else 0.0

    @property
    def recall(self) -> float:
        n = len(self.found) + len(self.missed)
        return len(self.found) / n if n else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "found": len(self.found),
            "missed": len(self.missed),
            "extra": len(self.extra),
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


class Quiz:
    """The quiz for one analysed article: numbered words, answer parsing and scoring."""

    def __init__(self, analysis: Analysis, evidence: Evidence | None = None) -> None:
        self.analysis = analysis
        self.evidence = evidence or gather(analysis)
        self.words: tuple[Token, ...] = tuple(analysis.document.words())

    @cached_property
    def targets(self) -> list[Word]:
        return self.evidence.outlet

    @cached_property
    def _owner(self) -> dict[int, Word]:
        """Word number -> the loaded word (any owner) it belongs to."""
        out: dict[int, Word] = {}
        ws = sorted(self.evidence.words, key=lambda w: w.match.start)
        j = 0
        for n, tok in enumerate(self.words, start=1):
            while j < len(ws) and ws[j].match.end <= tok.start:
                j += 1
            k = j
            while k < len(ws) and ws[k].match.start < tok.end:
                if ws[k].match.end > tok.start:
                    out[n] = ws[k]
                    break
                k += 1
        return out

    def numbers_of(self, word: Word) -> tuple[int, ...]:
        return tuple(n for n, w in self._owner.items() if w is word)

    @cached_property
    def _subwords(self) -> list[tuple[str, int]]:
        """(normalized sub-word, word number): "US-backed" gives ("us", n), ("backed", n)."""
        out = []
        for n, tok in enumerate(self.words, start=1):
            for sub in _SUBWORD_RE.findall(normalize_chars(tok.text)):
                out.append((sub, n))
        return out

    def find(self, phrase: str) -> list[tuple[int, ...]]:
        """Occurrences of a typed word or phrase, as tuples of word numbers."""
        want = _SUBWORD_RE.findall(normalize_chars(phrase))
        if not want:
            return []
        found = self._find(want)
        if not found:  # "terrorist" for "terrorists", "militias" for "militia"
            last = want[-1]
            for other in (plural(last), singular(last)):
                if other and other != last:
                    found = self._find([*want[:-1], other])
                    if found:
                        break
        return found

    def _find(self, want: list[str]) -> list[tuple[int, ...]]:
        subs = self._subwords
        out = []
        for i in range(len(subs) - len(want) + 1):
            if all(subs[i + k][0] == want[k] for k in range(len(want))):
                out.append(tuple(dict.fromkeys(subs[i + k][1] for k in range(len(want)))))
        return out

    def parse(self, answer: str) -> Marks:
        """Word numbers from an answer: numbers, ranges and typed words (see the module notes)."""
        numbers: set[int] = set()
        unknown: list[str] = []
        total = len(self.words)
        for piece in _SPLIT_RE.split(answer):
            piece = piece.strip()
            if not piece:
                continue
            if _NUMBERS_RE.match(piece):
                for m in _RANGE_RE.finditer(piece):
                    if m.group(3):
                        lo = hi = int(m.group(3))
                    else:
                        lo, hi = sorted((int(m.group(1)), int(m.group(2))))
                    if lo < 1 or hi > total or hi - lo >= MAX_RANGE:
                        unknown.append(m.group(0))
                        continue
                    numbers.update(range(lo, hi + 1))
                continue
            found = self.find(piece)
            if not found:
                unknown.append(piece)
                continue
            own = [occ for occ in found if any(self._is_target(n) for n in occ)]
            for occ in own or found:
                numbers.update(occ)
        return Marks(frozenset(numbers), tuple(unknown))

    def _is_target(self, n: int) -> bool:
        w = self._owner.get(n)
        return w is not None and w.owner == "outlet"

    def score(self, marks: Marks | set[int] | frozenset[int]) -> QuizResult:
        """Found, missed, extra and not-counted words, with feedback for each."""
        if not isinstance(marks, Marks):
            marks = Marks(frozenset(marks))
        chosen = marks.numbers
        found: list[Feedback] = []
        missed: list[Feedback] = []
        extra: list[Feedback] = []
        not_counted: list[Feedback] = []
        for w in self.targets:
            nums = self.numbers_of(w)
            if chosen.intersection(nums):
                found.append(self._feedback("found", w, nums))
            else:
                missed.append(self._feedback("missed", w, nums))
        seen: set[int] = set()
        run: list[int] = []
        for n in sorted(chosen):
            owner = self._owner.get(n)
            if owner is not None:
                if owner.owner == "outlet" or id(owner) in seen:
                    continue
                seen.add(id(owner))
                kind: FeedbackKind = "extra" if owner.owner == "speaker" else "not_counted"
                (extra if kind == "extra" else not_counted).append(
                    self._feedback(kind, owner, self.numbers_of(owner))
                )
                continue
            if run and n == run[-1] + 1:
                run.append(n)
            else:
                if run:
                    extra.append(self._plain(run))
                run = [n]
        if run:
            extra.append(self._plain(run))
        extra.sort(key=lambda f: f.numbers[0] if f.numbers else 0)
        return QuizResult(
            tuple(found), tuple(missed), tuple(extra), tuple(not_counted), marks.unknown
        )

    def _where(self, paragraph: int) -> str:
        return "the headline" if paragraph == 0 else f"paragraph {paragraph}"

    def _feedback(self, kind: FeedbackKind, w: Word, nums: tuple[int, ...]) -> Feedback:
        m = w.match
        where = self._where(w.paragraph)
        if kind == "found":
            msg = f"Yes: '{m.text}' ({where}) is the reporter's own word."
        elif kind == "missed":
            msg = f"Missed: '{m.text}' ({where}) is the reporter's own word."
        elif w.owner == "speaker" and m.voice == "quote":
            who = m.speaker or "a speaker"
            msg = (
                f"'{m.text}' ({where}) is a loaded word, but it is inside a quote by {who}. "
                "It is the speaker's word, not the reporter's."
            )
        elif w.owner == "speaker":
            who = m.speaker or "a speaker"
            msg = (
                f"'{m.text}' ({where}) is a loaded word, but the reporter is telling us what "
                f"{who} said. It is the speaker's word, not the reporter's."
            )
        elif w.owner == "scare":
            msg = (
                f"'{m.text}' ({where}) is in scare quotes: the reporter shows it is someone "
                "else's word. Not counted."
            )
        else:
            msg = f"'{m.text}' ({where}) is part of a name. Not counted."
        neutral, _ = split_alternatives(m.alternatives, self.analysis.lexicons)
        return Feedback(kind, m.text, w.paragraph, nums, msg, w, neutral)

    def _plain(self, run: list[int]) -> Feedback:
        toks = [self.words[n - 1] for n in run]
        text = self.analysis.text[toks[0].start : toks[-1].end]
        where = self._where(self.evidence.paragraph_number(toks[0].start))
        return Feedback(
            "extra",
            text,
            self.evidence.paragraph_number(toks[0].start),
            tuple(run),
            f"'{text}' ({where}): the tool did not flag this. If you think it takes a side, "
            "talk about it with your class.",
        )
