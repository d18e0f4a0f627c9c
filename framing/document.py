"""The document model: the exact text, its paragraphs, sentences and tokens, by character offsets.

Every span is ``[start, end)`` into :attr:`Document.text`, which is the input kept exactly.
Paragraphs and sentences are found when the document is built (cheap, regular expressions);
tokens are built on first use. All of it is offline and rule-based: typographic quotes and
apostrophes, hyphenated compounds (``US-backed``, ``U.S.-backed``, ``Hayat Tahrir-al-Sham``),
abbreviations (``U.S.``, ``Gen.``, ``Jan. 5``), dashes and line breaks inside sentences.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal, NamedTuple

from framing.errors import FramingError
from framing.io import Source, read_article
from framing.lexicon.normalize import WordText, normalize_chars, word_text

__all__ = [
    "Document",
    "Span",
    "Token",
    "count_words",
    "split_paragraphs",
    "split_sentences",
    "to_document",
]


class Span(NamedTuple):
    """A character range ``[start, end)`` into a document's text."""

    start: int
    end: int


TokenKind = Literal["word", "number", "punct", "quote", "dash"]


class Token(NamedTuple):
    """A token with its offsets; `kind` tells words and numbers from punctuation."""

    start: int
    end: int
    text: str
    kind: TokenKind


_HYPH = "\\-\u2010\u2011"
_APOS = "'\u2019"
#: One word: an abbreviation with periods (U.S., U.S.-backed), a number (280,000; 3.5%), or a
#: run of letters/digits joined by apostrophes and hyphens (Iran's, al-Qaeda, Tahrir-al-Sham).
_WORD = (
    rf"(?:[^\W\d_]\.){{2,}}(?:[{_HYPH}][^\W_]+)*"
    rf"|\d+(?:[.,:/]\d+)*%?"
    rf"|[^\W_]+(?:[{_APOS}{_HYPH}][^\W_]+)*"
)
WORD_RE = re.compile(_WORD)
#: Word counting (rates per 1,000 words): whitespace-separated tokens with at least one letter or
#: digit, so "U.S.-backed", "Iran's" and "280,000" are one word each and a lone dash is none.
_PUNCT_TOKEN_RE = re.compile(r"\s[^\w\s]+(?=\s)")
_TOKEN_RE = re.compile(rf"{_WORD}|\.\.\.|…|[^\w\s]")
_QUOTE_CHARS = frozenset("\"'“”‘’„«»`")
_DASH_CHARS = frozenset("-–—‒―‐‑")

_PARA_RE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
#: (``[.!?…][.!?…]*``, not ``[.!?…]+``: a pattern opening with a plain character class lets the
#: regex engine skip to candidates, twice as fast.)
_SENT_END_RE = re.compile(r"[.!?…][.!?…]*[\"”’'\)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
_LINE_RE = re.compile(r"\n")

_TITLES = frozenset(
    "mr mrs ms dr prof gen sen rep gov lt col capt maj sgt cpl adm brig cmdr rev st pres supt "
    "insp amb hon fr messrs mme mlle mt ft no nos vol art sec ch fig pp para".split()
)
_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_OTHER_ABBR = frozenset("etc vs approx inc co corp ltd jr sr bros dept est al".split())
#: Abbreviations that stand before a name ("Sen.", "Dr.") or after it ("Jr."): their period
#: ends no sentence. The voice layer reads this too (a speaker after a quote).
NAME_ABBREVIATIONS = _TITLES | frozenset(("jr", "sr"))
#: Words that commonly open a sentence: after "U.S." or "Inc." they signal a sentence break.
_SENTENCE_OPENERS = frozenset(
    "the a an he she it they we i in on at but and this that these those his her their its "
    "there when while after before according meanwhile however some many most officials "
    "also yet so if as since for".split()
)


def _word_shapes() -> bytes:
    """A bytes.translate table: ASCII whitespace -> space, word characters -> x, others -> p."""
    table = bytearray(b"p" * 256)
    for c in range(128):
        ch = chr(c)
        if ch.isspace():
            table[c] = ord(" ")
        elif ch.isalnum() or ch == "_":
            table[c] = ord("x")
    return bytes(table)


_WORD_SHAPES = _word_shapes()


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    """Number of words in `text` (or in ``text[start:end]``), counted the way documents are."""
    if start or end is not None:
        text = text[start:end]
    if text.isascii():
        # the same count without building the words: whitespace-separated tokens that keep a
        # word character once the other characters are deleted
        shapes = b" " + text.encode("ascii").translate(_WORD_SHAPES).translate(None, b"p")
        return shapes.count(b" x")
    return len(text.split()) - len(_PUNCT_TOKEN_RE.findall(f" {text} "))


def split_paragraphs(text: str) -> list[Span]:
    """Paragraph spans: blocks separated by blank lines.

    Text with no blank line whose lines are long (one paragraph a line, as scraped text often is)
    is split at every line break instead; hard-wrapped text stays one paragraph.
    """
    spans: list[Span] = []
    pos = 0
    breaks = list(_PARA_RE.finditer(text))
    if not breaks and text.count("\n") >= 1:
        lines = [ln for ln in text.split("\n") if ln.strip()]
        if lines and sum(len(ln) for ln in lines) / len(lines) >= 100:
            breaks = list(_LINE_RE.finditer(text))
    for m in breaks:
        _add_trimmed(text, pos, m.start(), spans)
        pos = m.end()
    _add_trimmed(text, pos, len(text), spans)
    return spans


def _add_trimmed(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end))


_NEXT_WORD_RE = re.compile(r"\s*[\"“‘'(\[]*([A-Za-z]*)(\d?)")
_ABBR_RE = re.compile(r"(?:[a-z]\.)+[a-z]")


def _is_break(text: str, dot: int, end: int, floor: int) -> bool:
    """Whether the candidate sentence end at `dot` (before `end`) is real, not an abbreviation."""
    if text[dot] != ".":
        return True
    if dot - 6 >= floor and text[dot - 6 : dot].isalpha():
        return True  # a word ending in six letters ("seized.", "U.S.-backed."): no abbreviation
    ws = max(text.rfind(" ", floor, dot), text.rfind("\n", floor, dot)) + 1
    word = text[max(ws, floor) : dot].lstrip("\"“‘'([").lower()
    if len(word) > 5 and word.isalpha():
        return True  # a plain long word: "seized." ends a sentence
    word = word.rstrip(".")
    if word in _TITLES or (len(word) == 1 and word.isalpha()):
        return False
    following = _NEXT_WORD_RE.match(text, end)
    nxt = following.group(1).lower() if following else ""
    if word in _MONTHS:
        return not (following and following.group(2) and not nxt)
    if word in _OTHER_ABBR or _ABBR_RE.fullmatch(word):
        return nxt in _SENTENCE_OPENERS
    return True


def _heading_break(line: str, following: str) -> bool:
    """A line with no final punctuation that reads like a headline ends a sentence."""
    nxt = following.lstrip().lstrip("\"“‘'([")
    if not nxt[:1].isupper() and not nxt[:1].isdigit():
        return False
    stripped = line.strip()
    if not stripped or stripped[-1] in ".!?:;,\"”’'":
        return False
    words = stripped.split()
    if len(words) > 14:
        return False
    caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return caps >= max(1, -(-3 * len(words) // 5))


def split_sentences(text: str, paragraphs: list[Span] | None = None) -> list[Span]:
    """Sentence spans within paragraphs (a sentence never crosses a paragraph break)."""
    out: list[Span] = []
    for ps, pe in paragraphs if paragraphs is not None else split_paragraphs(text):
        start = ps
        cuts = [
            m.end()
            for m in _SENT_END_RE.finditer(text, ps, pe)
            if _is_break(text, m.start(), m.end(), ps)
        ]
        nl = text.find("\n", ps, pe)
        while nl != -1:
            line_start = text.rfind("\n", ps, nl) + 1
            if _heading_break(text[max(line_start, ps) : nl], text[nl + 1 : nl + 40]):
                cuts.append(nl)
            nl = text.find("\n", nl + 1, pe)
        for cut in sorted(set(cuts)):
            _add_trimmed(text, start, cut, out)
            start = cut
        _add_trimmed(text, start, pe, out)
    return out


def _kind(tok: str) -> TokenKind:
    c = tok[0]
    if c.isalpha():
        return "word"
    if c.isdigit():
        return "number" if not any(ch.isalpha() for ch in tok) else "word"
    if c in _QUOTE_CHARS:
        return "quote"
    if c in _DASH_CHARS:
        return "dash"
    return "punct"


@dataclass(frozen=True, eq=False)
class Document:
    """An article: its exact text, where it came from, its paragraphs and sentences.

    Build one with :meth:`from_text` or :meth:`from_path`. Immutable; analysis layers sit beside it.
    """

    text: str
    source: Source = field(default_factory=lambda: Source("string"))
    paragraphs: tuple[Span, ...] = ()
    sentences: tuple[Span, ...] = ()

    @classmethod
    def from_text(cls, text: str, source: Source | None = None) -> Document:
        paragraphs = split_paragraphs(text)
        sentences = split_sentences(text, paragraphs)
        return cls(text, source or Source("string"), tuple(paragraphs), tuple(sentences))

    @classmethod
    def from_path(cls, path: str | Path, *, encoding: str | None = None) -> Document:
        text, source = read_article(path, encoding=encoding)
        return cls.from_text(text, source)

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        """All tokens (words, numbers, punctuation) in order, with offsets."""
        return tuple(
            Token(m.start(), m.end(), m.group(), _kind(m.group()))
            for m in _TOKEN_RE.finditer(self.text)
        )

    @cached_property
    def word_count(self) -> int:
        return count_words(self.text)

    @cached_property
    def normalized(self) -> str:
        """The text lowercased with hyphens, quotes and spaces normalized, same length."""
        return normalize_chars(self.text)

    @cached_property
    def match_text(self) -> WordText:
        """The normalized text as word matchers see it (lexicons, speech cues, negators)."""
        return word_text(self.normalized)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    @cached_property
    def sentence_openings(self) -> frozenset[int]:
        """Offsets of the first letter or digit of each sentence (after any opening quote)."""
        out = set()
        for s, e in self.sentences:
            i = s
            while i < e and not self.text[i].isalnum():
                i += 1
            out.add(i)
        return frozenset(out)

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing `offset` (or the one before it, between sentences)."""
        return max(0, bisect_right(self._sentence_starts, offset) - 1)

    def paragraph_index(self, offset: int) -> int:
        """Index of the paragraph containing `offset` (or the one before it)."""
        return max(0, bisect_right(self._paragraph_starts, offset) - 1)

    def sentence_text(self, index: int) -> str:
        s, e = self.sentences[index]
        return self.text[s:e]

    def words(self) -> list[Token]:
        """Word and number tokens only."""
        return [t for t in self.tokens if t.kind in ("word", "number")]


def to_document(
    source: str | os.PathLike[str] | Document, *, encoding: str | None = None
) -> Document:
    """A Document from a Document, a path, or text.

    A ``Path`` is always read as a file. A ``str`` is read as a file when it is a single line that
    names an existing file; any other string is the article text itself.
    """
    if isinstance(source, Document):
        return source
    if isinstance(source, os.PathLike):
        return Document.from_path(Path(source), encoding=encoding)
    if not isinstance(source, str):
        raise FramingError(f"cannot analyse a {type(source).__name__}; give text or a path")
    if "\n" not in source and len(source) < 1024 and os.path.isfile(source):
        return Document.from_path(source, encoding=encoding)
    if not source.strip():
        raise FramingError("the text is empty")
    return Document.from_text(source)
