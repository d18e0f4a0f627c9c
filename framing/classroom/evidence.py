"""The evidence every exercise teaches from: each loaded word, whose choice it is, and where it is.

An article's loaded matches fall into four groups:

- **outlet**: in the reporter's own voice (narration), not in scare quotes: the outlet's choice;
- **speaker**: inside a direct quote or in reported speech: the speaker's word, not the outlet's;
- **scare**: in the reporter's voice but in scare quotes: the outlet marks it as another's word;
- **left_out**: flagged by the lexicon but most likely part of a name ("Tahrir-al-Sham",
  "Mohammed Shia al-Sudani"). Exercises leave these out and the answer key says so.

Paragraphs are numbered for students from 1; a first paragraph that reads as a headline (short,
no closing punctuation) is shown as the headline and numbered 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from framing.document import Span

if TYPE_CHECKING:
    from framing.analysis import Analysis, Match

__all__ = ["Evidence", "Owner", "Word", "gather"]

Owner = Literal["outlet", "speaker", "scare", "left_out"]
_CLOSERS = ".!?:;\"”’'"
_NAME_PARTICLES = ("al-", "el-", "bin ", "ibn ", "abu ", "de ", "van ", "von ")


@dataclass(frozen=True)
class Word:
    """One loaded match as exercise material."""

    match: Match
    index: int
    paragraph: int
    owner: Owner

    @property
    def text(self) -> str:
        return self.match.text

    @property
    def who(self) -> str:
        """Whose word it is, in plain words."""
        m = self.match
        if self.owner == "outlet":
            return "the reporter (the outlet's choice)"
        if self.owner == "scare":
            return "the reporter, in scare quotes (marked as someone else's word)"
        if self.owner == "left_out":
            return "part of a name (left out of the exercises)"
        kind = "quoted" if m.voice == "quote" else "reported speech"
        return f"{m.speaker or 'an unnamed speaker'} ({kind})"


@dataclass(frozen=True)
class Evidence:
    """The loaded words of one analysis, grouped by whose choice they are."""

    analysis: Analysis
    words: tuple[Word, ...]
    headline: Span | None
    body: tuple[Span, ...]

    def of(self, owner: Owner) -> list[Word]:
        return [w for w in self.words if w.owner == owner]

    @property
    def outlet(self) -> list[Word]:
        return self.of("outlet")

    @property
    def speaker(self) -> list[Word]:
        return self.of("speaker")

    @cached_property
    def _starts(self) -> list[int]:
        return [p.start for p in self.body]

    def paragraph_number(self, offset: int) -> int:
        """1-based number of the body paragraph holding `offset`; 0 for the headline."""
        if self.headline is not None and offset < self.headline.end:
            return 0
        n = 0
        for i, start in enumerate(self._starts):
            if start <= offset:
                n = i + 1
        return max(n, 1) if self.body else 0

    def paragraph_text(self, number: int) -> str:
        if number == 0 and self.headline is not None:
            s, e = self.headline
        else:
            s, e = self.body[number - 1]
        return self.analysis.text[s:e]


def gather(analysis: Analysis) -> Evidence:
    """Group the loaded matches of `analysis` by whose choice they are (see the module notes)."""
    doc = analysis.document
    paragraphs = list(doc.paragraphs)
    headline = paragraphs[0] if paragraphs and _is_headline(doc.text, paragraphs) else None
    body = tuple(paragraphs[1:] if headline is not None else paragraphs)
    proto = Evidence(analysis, (), headline, body)
    words = []
    for i, m in enumerate(analysis.matches):
        if not m.loaded:
            continue
        owner: Owner
        if m.voice != "author":
            owner = "speaker"
        elif part_of_name(analysis, m):
            owner = "left_out"
        elif m.scare_quoted:
            owner = "scare"
        else:
            owner = "outlet"
        words.append(Word(m, i, proto.paragraph_number(m.start), owner))
    return Evidence(analysis, tuple(words), headline, body)


def _is_headline(text: str, paragraphs: list[Span]) -> bool:
    if len(paragraphs) < 2:
        return False
    s, e = paragraphs[0]
    first = text[s:e].strip().rstrip("`´ ")
    return (
        bool(first)
        and "\n" not in first
        and len(first.split()) <= 20
        and (first[-1] not in _CLOSERS or (first[-1] in '”"' and first[-2:-1] not in ".!?"))
    )


def is_title_case(text: str) -> bool:
    """A headline in title case: most words capitalised, no closing full stop
    ("Militants Seize Border Town")."""
    if text.rstrip().rstrip("\"”’'`´“ ")[-1:] in (".", "!", "?"):
        return False
    words = [w for w in text.split() if w[:1].isalpha()]
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps >= 0.6 * len(words)


def part_of_name(analysis: Analysis, m: Match) -> bool:
    """Whether a match most likely sits inside a proper name rather than being a word choice.

    True when the match is glued into a hyphenated word ("Tahrir-al-Sham"), or is capitalised in
    the middle of an ordinary sentence while its lexicon term is lowercase ("Sham" for "sham"),
    or sits between two capitalised name words ("Mohammed Shia al-Sudani").
    """
    text = analysis.text
    doc = analysis.document
    if m.start >= 2 and text[m.start - 1] in "-‐‑" and text[m.start - 2].isalnum():
        return True
    if not m.text[:1].isupper() or m.start in doc.sentence_openings:
        return False
    if is_title_case(doc.sentence_text(m.sentence)):
        return False
    if m.term[:1].islower() and not m.text.isupper():
        return True
    before = text[max(0, m.start - 40) : m.start].split()
    after = text[m.end : m.end + 40].split()
    prev_cap = bool(before) and before[-1][:1].isupper() and before[-1][-1:].isalpha()
    nxt = after[0] if after else ""
    next_cap = nxt[:1].isupper() or (
        nxt.lower().startswith(_NAME_PARTICLES) and any(c.isupper() for c in nxt)
    )
    return prev_cap and next_cap
