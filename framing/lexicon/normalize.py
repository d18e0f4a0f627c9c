"""Length-preserving text normalization shared by lexicon patterns and documents.

Matching happens on a normalized copy of the text in which every character keeps its offset:
hyphens and dashes become spaces (so ``US-backed`` = ``US backed``), typographic apostrophes and
quotes become ASCII, whitespace becomes a plain space, and letters are lowercased. Runs of several
spaces are then compacted, with an offset map back to the original text, so that multi-word terms
match across line breaks and double spaces.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

__all__ = [
    "CompactText",
    "WordText",
    "blank_punctuation",
    "compact",
    "normalize_chars",
    "normalize_pattern",
    "translator",
    "word_text",
]

_HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_APOSTROPHES = "\u2019\u2018\u02bc\u2032\u0060\u00b4"
_DQUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"
_SPACES = "\t\n\r\x0b\x0c\u00a0\u1680\u2028\u2029\u202f\u205f\u3000" + "".join(
    chr(c) for c in range(0x2000, 0x200B)
)


def translator(mapping: Mapping[str, str]) -> Callable[[str], str]:
    """``text.translate`` for a one-character-to-one-character `mapping`, fast.

    ``str.translate`` with a dict looks every character up in the dict: about 80 ns a
    character. ASCII text (most news copy) goes through ``bytes.translate`` instead, other text
    through one regular-expression substitution per target character; both are several times
    faster (and give the same result).
    """
    if any(len(k) != 1 or len(v) != 1 for k, v in mapping.items()):
        raise ValueError("the mapping must be from one character to one character")
    if any(mapping.get(v, v) != v for v in mapping.values()):
        raise ValueError("a target character must not itself be mapped elsewhere")
    pairs = [(k, v) for k, v in mapping.items() if k.isascii()]
    if any(not v.isascii() for _, v in pairs):
        raise ValueError("an ASCII character must map to an ASCII character")
    as_bytes = bytes.maketrans(
        "".join(k for k, _ in pairs).encode("ascii"), "".join(v for _, v in pairs).encode("ascii")
    )
    by_target: dict[str, list[str]] = {}
    for k, v in mapping.items():
        if k != v:
            by_target.setdefault(v, []).append(k)
    subs = [
        (re.compile("[" + "".join(re.escape(c) for c in sorted(keys)) + "]").sub, target)
        for target, keys in sorted(by_target.items())
    ]

    def translate(text: str) -> str:
        if text.isascii():
            return text.encode("ascii").translate(as_bytes).decode("ascii")
        for sub, target in subs:
            text = sub(target, text)
        return text

    return translate


_translate = translator(
    {
        **{c: " " for c in _HYPHENS},
        **{c: "'" for c in _APOSTROPHES},
        **{c: '"' for c in _DQUOTES},
        **{c: " " for c in _SPACES},
    }
)


def normalize_chars(text: str, *, lower: bool = True) -> str:
    """Return `text` with hyphens, apostrophes, quotes and spaces normalized, same length."""
    out = _translate(text)
    if not lower:
        return out
    low = out.lower()
    if len(low) == len(out):
        return low
    # A few characters (e.g. 'İ') lowercase to two; keep those as they are to preserve offsets.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in out)


def normalize_pattern(pattern: str, *, lower: bool = True) -> str:
    """Normalize one expanded lexicon form the way documents are normalized, compacted."""
    return " ".join(normalize_chars(pattern, lower=lower).split())


@dataclass(frozen=True, slots=True)
class CompactText:
    """A normalized text with runs of spaces collapsed, and the way back to original offsets."""

    text: str
    _anchors_compact: tuple[int, ...] = (0,)
    _anchors_orig: tuple[int, ...] = (0,)

    @property
    def is_identity(self) -> bool:
        """True when no spaces were collapsed (offsets are the original ones)."""
        return len(self._anchors_compact) == 1

    def orig(self, index: int) -> int:
        """Original offset of compact offset `index` (a start offset)."""
        if len(self._anchors_compact) == 1:
            return index
        i = bisect_right(self._anchors_compact, index) - 1
        return self._anchors_orig[i] + (index - self._anchors_compact[i])

    def orig_end(self, end: int) -> int:
        """Original offset of an exclusive end offset."""
        return self.orig(end - 1) + 1 if end > 0 else 0

    def orig_spans(self, spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
        """``(orig(start), orig_end(end), tag)`` for each span, sorted, in one walk."""
        if len(self._anchors_compact) == 1:
            return sorted(spans)
        anchors_c, anchors_o = self._anchors_compact, self._anchors_orig
        n = len(anchors_c)
        out = []
        i = 0
        for start, end, tag in sorted(spans):
            while i + 1 < n and anchors_c[i + 1] <= start:
                i += 1
            j = i
            while j + 1 < n and anchors_c[j + 1] <= end - 1:
                j += 1
            out.append(
                (anchors_o[i] + start - anchors_c[i], anchors_o[j] + end - anchors_c[j], tag)
            )
        return out


def compact(normalized: str) -> CompactText:
    """Collapse runs of spaces in an already normalized text, keeping an offset map."""
    if "  " not in normalized:
        return CompactText(normalized)
    parts: list[str] = []
    anchors_c = [0]
    anchors_o = [0]
    pos = 0
    cpos = 0
    n = len(normalized)
    i = normalized.find("  ")
    while i != -1:
        j = i + 2
        while j < n and normalized[j] == " ":
            j += 1
        parts.append(normalized[pos : i + 1])
        cpos += i + 1 - pos
        pos = j
        anchors_c.append(cpos)
        anchors_o.append(pos)
        i = normalized.find("  ", pos)
    parts.append(normalized[pos:])
    return CompactText("".join(parts), tuple(anchors_c), tuple(anchors_o))


#: Punctuation that word matchers read as a space (not ``*``, the lexicon's wildcard).
PUNCTUATION = string.punctuation.replace("*", "") + "…•·§¶©®™°¡¿‹›"
blank_punctuation = translator(dict.fromkeys(PUNCTUATION, " "))


@dataclass(frozen=True, slots=True)
class WordText:
    """A normalized text as word matchers see it: compacted, punctuation as spaces, and padded
    with a space at each end, so that an Aho-Corasick key ``" word "`` only matches whole words.

    Offset ``i`` of `padded` is offset ``i - 1`` of ``compact.text``.
    """

    compact: CompactText
    padded: str

    def span(self, last: int, key_length: int) -> tuple[int, int]:
        """Original ``[start, end)`` of a key ``" ... "`` found ending at `last` of `padded`."""
        ct = self.compact
        start, end = last - key_length + 1, last - 1  # compact offsets of the key's core
        if ct.is_identity:
            return start, end
        return ct.orig(start), ct.orig_end(end)

    def spans(self, hits: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """:meth:`span` of many ``(last, key_length)`` hits, sorted, in one walk."""
        core = [(last - length + 1, last - 1, 0) for last, length in hits]
        return [(start, end) for start, end, _ in self.compact.orig_spans(core)]


def word_text(normalized: str) -> WordText:
    """The :class:`WordText` of an already normalized text."""
    ct = compact(normalized)
    return WordText(ct, " " + blank_punctuation(ct.text) + " ")
