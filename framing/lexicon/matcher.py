"""One matcher for all active lexicons: an Aho-Corasick automaton over normalized text.

Lexicons compile once (cached by their content hashes) into a single automaton; matching a
document is one pass over its normalized text. Rules, in order:

1. a hit must start and end at word boundaries;
2. an entry's ``case`` mode is checked on the original text (``lower``: lowercase, or a capital
   at a sentence opening; ``exact``: as written);
3. a hit inside one of its entry's ``avoid`` phrases is dropped;
4. the longest hit wins an overlap; on equal spans the earlier lexicon (then the earlier line).

Wildcard forms (``at *'s request``) are found by a small regular expression that runs only
around hits of their longest literal word.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import ahocorasick

from framing.lexicon.format import Entry, Lexicon
from framing.lexicon.normalize import compact, normalize_chars, normalize_pattern

__all__ = ["Hit", "Matcher", "compile_matcher"]

_FORM, _AVOID, _ANCHOR = 0, 1, 2
_WILD_WORD = r"[^\W_](?:[\w']|\.(?=\w))*"


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon hit: ``[start, end)`` into the original text and the entry it matched."""

    start: int
    end: int
    entry: Entry


@dataclass(frozen=True, slots=True)
class _Wild:
    regex: re.Pattern[str]
    entry: int
    avoid: bool


def _wild_regex(form: str) -> tuple[re.Pattern[str], str]:
    """Regex over compact normalized text for a form with `*` words, and its anchor word."""
    parts = []
    literals = []
    for word in normalize_pattern(form).split(" "):
        if word == "*":
            parts.append(_WILD_WORD)
        elif word == "*'s":
            parts.append(_WILD_WORD + "'s")
        else:
            parts.append(re.escape(word))
            literals.append(word)
    anchor = max(literals, key=len)
    return re.compile(r"(?<!\w)" + " ".join(parts) + r"(?!\w)"), anchor


class Matcher:
    """Finds lexicon entries in text. Build with :func:`compile_matcher` (cached)."""

    def __init__(self, lexicons: Sequence[Lexicon]) -> None:
        self.lexicons = tuple(lexicons)
        self.entries: list[Entry] = [e for lex in self.lexicons for e in lex.entries]
        keys: dict[str, list[tuple[int, int, str]]] = {}
        self._wild: list[_Wild] = []
        for idx, entry in enumerate(self.entries):
            for kind, forms in ((_FORM, entry.forms), (_AVOID, entry.avoid)):
                for form in forms:
                    if any("*" in w for w in form.split()):
                        regex, anchor = _wild_regex(form)
                        self._wild.append(_Wild(regex, idx, kind == _AVOID))
                        keys.setdefault(anchor, []).append((_ANCHOR, len(self._wild) - 1, ""))
                        continue
                    key = normalize_pattern(form)
                    exact = normalize_pattern(form, lower=False) if entry.case == "exact" else ""
                    keys.setdefault(key, []).append((kind, idx, exact))
        automaton = ahocorasick.Automaton()
        for key, items in keys.items():
            automaton.add_word(key, (len(key), tuple(items)))
        if keys:
            automaton.make_automaton()
        self._automaton = automaton if keys else None

    def find(
        self, text: str, sentence_openings: Collection[int] = (), normalized: str | None = None
    ) -> list[Hit]:
        """All hits in `text` after the four rules, sorted by start.

        `normalized` may pass ``normalize_chars(text)`` when the caller already has it."""
        if self._automaton is None:
            return []
        ct = compact(normalized if normalized is not None else normalize_chars(text))
        norm = ct.text
        n = len(norm)
        cands: list[tuple[int, int, int]] = []  # compact start, compact end, entry index
        avoid: dict[int, list[tuple[int, int]]] = {}
        wild_done: set[tuple[int, int]] = set()
        entries = self.entries
        for last, (length, items) in self._automaton.iter(norm):
            start = last - length + 1
            end = last + 1
            if (start > 0 and norm[start - 1].isalnum()) or (end < n and norm[end].isalnum()):
                continue
            for kind, idx, exact in items:
                if kind == _ANCHOR:
                    self._run_wild(norm, start, end, idx, cands, avoid, wild_done)
                elif kind == _AVOID:
                    avoid.setdefault(idx, []).append((start, end))
                else:
                    cands.append((start, end, idx))
        if not cands:
            return []
        hits: list[tuple[int, int, int]] = []
        for start, end, idx in cands:
            entry = entries[idx]
            spans = avoid.get(idx)
            if spans and any(a <= start and end <= b for a, b in spans):
                continue
            o_start, o_end = ct.orig(start), ct.orig_end(end)
            if entry.case != "any" and not self._case_ok(
                entry, text[o_start:o_end], o_start, sentence_openings
            ):
                continue
            hits.append((o_start, o_end, idx))
        return self._longest(hits)

    def _run_wild(
        self,
        norm: str,
        start: int,
        end: int,
        wild_idx: int,
        cands: list[tuple[int, int, int]],
        avoid: dict[int, list[tuple[int, int]]],
        done: set[tuple[int, int]],
    ) -> None:
        wild = self._wild[wild_idx]
        lo = max(0, start - 120)
        for m in wild.regex.finditer(norm, lo, min(len(norm), end + 120)):
            if m.start() <= start and end <= m.end() and (m.start(), wild_idx) not in done:
                done.add((m.start(), wild_idx))
                if wild.avoid:
                    avoid.setdefault(wild.entry, []).append((m.start(), m.end()))
                else:
                    cands.append((m.start(), m.end(), wild.entry))

    @staticmethod
    def _case_ok(entry: Entry, surface: str, start: int, openings: Collection[int]) -> bool:
        if entry.case == "lower":
            if surface == surface.lower():
                return True
            return start in openings and surface[1:] == surface[1:].lower()
        wanted = {normalize_pattern(f, lower=False) for f in entry.forms}
        return normalize_pattern(surface, lower=False) in wanted

    def _longest(self, hits: list[tuple[int, int, int]]) -> list[Hit]:
        # longest first; ties: earlier start, then earlier entry (lexicon order, then line)
        hits.sort(key=lambda h: (h[0] - h[1], h[0], h[2]))
        starts: list[int] = []
        ends: list[int] = []
        chosen: list[tuple[int, int, int]] = []
        for s, e, idx in hits:
            i = bisect_left(starts, s)
            if (i > 0 and ends[i - 1] > s) or (i < len(starts) and starts[i] < e):
                continue
            starts.insert(i, s)
            ends.insert(i, e)
            chosen.insert(i, (s, e, idx))
        return [Hit(s, e, self.entries[idx]) for s, e, idx in chosen]


_CACHE: dict[tuple[tuple[str, str], ...], Matcher] = {}


def compile_matcher(lexicons: Sequence[Lexicon]) -> Matcher:
    """The matcher for these lexicons, compiled once per distinct set of contents."""
    key = tuple((lex.name, lex.sha256) for lex in lexicons)
    matcher = _CACHE.get(key)
    if matcher is None:
        if len(_CACHE) >= 16:
            _CACHE.pop(next(iter(_CACHE)))
        matcher = _CACHE[key] = Matcher(lexicons)
    return matcher
