"""One matcher for all active lexicons: an Aho-Corasick automaton over normalized text.

Lexicons compile once (cached by their content hashes) into a single automaton; matching a
document is one pass over its normalized text. Rules, in order:

1. a hit starts and ends at word boundaries;
2. an entry's ``case`` mode is checked on the original text (``lower``: lowercase, or a capital
   at a sentence opening; ``exact``: as written);
3. a hit inside one of its entry's ``avoid`` phrases is dropped;
4. a wildcard ``*`` stands for exactly one word that is not itself a lexicon hit (so "a senior
   regime official" leaves "regime" to be counted as the label it is);
5. the longest hit wins an overlap; on equal spans the earlier lexicon (then the earlier line).

The same pass can report fixed word lists other passes need (:class:`ExtraKeys`: speech cues,
negators, sentiment words): :meth:`Matcher.scan` returns their hits beside the lexicon spans, so
an article is scanned once.

How: the text is normalized (:mod:`framing.lexicon.normalize`), runs of whitespace are compacted,
and every punctuation mark becomes a space, keeping offsets. Keys are the forms treated the same
way with a space on each side, so the automaton only ever reports whole-word hits, and a
multi-word form cannot match across punctuation (the mark leaves a double space). Wildcard forms
(``at *'s request``) are split into literal chunks; the automaton finds their last chunk and the
rest is checked backwards with plain string comparisons.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate, compress
from operator import lt
from typing import Any, NamedTuple

import ahocorasick

from framing.lexicon.format import Entry, Lexicon
from framing.lexicon.normalize import (
    CompactText,
    WordText,
    blank_punctuation,
    normalize_chars,
    normalize_pattern,
    word_text,
)

__all__ = ["ExtraKeys", "Hit", "Matcher", "compile_matcher", "match_key"]

_FORM, _AVOID, _CHUNK = 0, 1, 2
_SLOT = "*"


class Hit(NamedTuple):
    """A lexicon hit: ``[start, end)`` into the original text and the entry it matched."""

    start: int
    end: int
    entry: Entry


@dataclass(frozen=True, slots=True)
class _Wild:
    """A form with wildcards: literal chunks and the slots before, between and after them."""

    entry: int
    avoid: bool
    chunks: tuple[str, ...]
    slots: tuple[int, ...]  # len(chunks) + 1 counts: before chunk 0, between chunks, after the last


def match_key(form: str) -> str:
    """A form as the automaton sees it: normalized, compacted, punctuation as spaces."""
    return blank_punctuation(normalize_pattern(form))


def _split_wild(key: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    chunks: list[str] = []
    slots = [0]
    current: list[str] = []
    for word in key.split(" "):
        if word == _SLOT:
            if current:
                chunks.append(" ".join(current))
                current = []
                slots.append(0)
            slots[-1] += 1
        else:
            current.append(word)
    if current:
        chunks.append(" ".join(current))
        slots.append(0)
    return tuple(chunks), tuple(slots)


def _is_word(word: str) -> bool:
    return bool(word) and word.isalnum()


class Matcher:
    """Finds lexicon entries in text. Build with :func:`compile_matcher` (cached)."""

    def __init__(self, lexicons: Sequence[Lexicon], extra: ExtraKeys | None = None) -> None:
        self.lexicons = tuple(lexicons)
        self.extra = extra
        self.entries: list[Entry] = [e for lex in self.lexicons for e in lex.entries]
        self._exact: dict[int, frozenset[str]] = {}
        keys: dict[str, list[tuple[int, int, int]]] = {}
        self._wild: list[_Wild] = []
        # wildcard patterns grouped by (last chunk, slots before it), then by the chunk before
        groups: dict[tuple[str, int], int] = {}
        self._groups: list[dict[str, list[int]]] = []
        for idx, entry in enumerate(self.entries):
            if entry.case == "exact":
                self._exact[idx] = frozenset(normalize_pattern(f, lower=False) for f in entry.forms)
            for kind, forms in ((_FORM, entry.forms), (_AVOID, entry.avoid)):
                for form in forms:
                    key = match_key(form).strip()
                    if _SLOT not in key.split(" "):
                        keys.setdefault(f" {key} ", []).append((kind, idx, 0))
                        continue
                    chunks, slots = _split_wild(key)
                    wid = len(self._wild)
                    self._wild.append(_Wild(idx, kind == _AVOID, chunks, slots))
                    group = (chunks[-1], slots[-2] if len(chunks) > 1 else 0)
                    gid = groups.setdefault(group, len(groups))
                    if gid == len(self._groups):
                        self._groups.append({})
                        keys.setdefault(f" {chunks[-1]} ", []).append((_CHUNK, gid, 0))
                    previous = chunks[-2] if len(chunks) > 1 else ""
                    self._groups[gid].setdefault(previous, []).append(wid)
        # per group: slot words before its last chunk, and the word counts of the chunks
        # before those (none for one-chunk patterns)
        self._group_shapes: list[tuple[int, tuple[int, ...]]] = []
        for group_ in self._groups:
            some = self._wild[next(iter(group_.values()))[0]]
            if len(some.chunks) == 1:
                self._group_shapes.append((0, ()))
            else:
                widths = tuple(sorted({c.count(" ") + 1 for c in group_}))
                self._group_shapes.append((some.slots[-2], widths))
        automaton = ahocorasick.Automaton()
        self._checked = [e.case != "any" for e in self.entries]  # needs a case check
        self._lower = [e.case == "lower" for e in self.entries]
        extra_keys = extra.keys if extra is not None else {}
        for key in [*keys, *(k for k in extra_keys if k not in keys)]:
            items = keys.get(key, [])
            # the common key: one plain form of an entry matched in any case -> fast path;
            # one form that needs a case or avoid check -> `single`, checked without a loop
            single = items[0][1] if len(items) == 1 and items[0][0] == _FORM else -1
            simple = single
            if simple >= 0 and (self._checked[simple] or self.entries[simple].avoid):
                simple = -1
            value = (len(key) - 1, simple, single, tuple(items), extra_keys.get(key))
            automaton.add_word(key, value)
        if len(automaton):
            automaton.make_automaton()
        self._automaton = automaton if len(automaton) else None

    def find(
        self, text: str, sentence_openings: Collection[int] = (), words: WordText | None = None
    ) -> list[Hit]:
        """All hits in `text` after the matching rules, sorted by start.

        `words` may pass ``word_text(normalize_chars(text))`` when the caller already has it."""
        entries = self.entries
        return [Hit(s, e, entries[i]) for s, e, i in self.spans(text, sentence_openings, words)]

    def spans(
        self, text: str, sentence_openings: Collection[int] = (), words: WordText | None = None
    ) -> list[tuple[int, int, int]]:
        """Like :meth:`find`, as ``(start, end, index into self.entries)`` tuples."""
        return self.scan(text, sentence_openings, words)[0]

    def scan(
        self, text: str, sentence_openings: Collection[int] = (), words: WordText | None = None
    ) -> tuple[list[tuple[int, int, int]], list[tuple[int, Any]]]:
        """:meth:`spans`, and the hits of the extra keys as ``(last, payload)`` in text order.

        ``last`` is the offset in ``words.padded`` of the key's closing space (see
        :meth:`WordText.span <framing.lexicon.normalize.WordText.span>`).
        """
        extras: list[tuple[int, Any]] = []
        if self._automaton is None:
            return [], extras
        if words is None:
            words = word_text(normalize_chars(text))
        ct, padded = words.compact, words.padded
        # offsets in `padded` are compact offsets + 1; a key's core runs from last-length+1 to
        # last-1 in `padded`, i.e. last-length to last-1 compact
        cands: list[tuple[int, int, int]] = []
        raw: list[tuple[int, int, int, tuple[tuple[int, int, int], ...]]] = []
        for last, (length, simple, single, items, extra) in self._automaton.iter(padded):
            if simple >= 0:
                cands.append((last - length, last - 1, simple))
            elif items:
                raw.append((last - length, last - 1, single, items))
            if extra is not None:
                extras.append((last, extra))
        if raw:
            cands += self._checked_hits(text, ct, padded, raw, sentence_openings, cands)
        if not cands:
            return [], extras
        return self._longest(ct.orig_spans(cands)), extras

    def _checked_hits(
        self,
        text: str,
        ct: CompactText,
        padded: str,
        raw: list[tuple[int, int, int, tuple[tuple[int, int, int], ...]]],
        sentence_openings: Collection[int],
        simple: list[tuple[int, int, int]],
    ) -> list[tuple[int, int, int]]:
        """Hits of keys that need avoid phrases, case checks or wildcard assembly."""
        slow: list[tuple[int, int, int]] = []
        wild_cands: list[tuple[int, int, int, tuple[tuple[int, int], ...]]] = []
        avoid: dict[int, list[tuple[int, int]]] = {}
        for start, end, single, items in raw:
            if single >= 0:
                slow.append((start, end, single))
                continue
            for kind, idx, _ in items:
                if kind == _FORM:
                    slow.append((start, end, idx))
                elif kind == _AVOID:
                    avoid.setdefault(idx, []).append((start, end))
                else:
                    self._last_chunk(padded, start + 1, end + 1, idx, wild_cands, avoid)
        if wild_cands:
            slow.extend(self._wild_survivors(simple + slow, wild_cands))
        out = []
        checked, lower = self._checked, self._lower
        identity = ct.is_identity
        for start, end, idx in slow:
            if avoid:
                spans = avoid.get(idx)
                if spans and any(a <= start and end <= b for a, b in spans):
                    continue
            if checked[idx]:
                o_start, o_end = (start, end) if identity else (ct.orig(start), ct.orig_end(end))
                surface = text[o_start:o_end]
                if lower[idx]:  # lowercase, or a capital opening a sentence
                    if surface != surface.lower() and (
                        o_start not in sentence_openings or surface[1:] != surface[1:].lower()
                    ):
                        continue
                elif normalize_pattern(surface, lower=False) not in self._exact[idx]:
                    continue
            out.append((start, end, idx))
        return out

    # --- wildcards -------------------------------------------------------------------------
    # These work on `padded` offsets; wild_cands and avoid spans are stored as compact offsets.

    def _last_chunk(
        self,
        padded: str,
        start: int,
        end: int,
        gid: int,
        wild_cands: list[tuple[int, int, int, tuple[tuple[int, int], ...]]],
        avoid: dict[int, list[tuple[int, int]]],
    ) -> None:
        """Complete the wildcard patterns whose last chunk was found at [start, end)."""
        group = self._groups[gid]
        slots_before, widths = self._group_shapes[gid]
        tried: list[tuple[int, tuple[tuple[int, int], ...], list[int]]]
        if not widths:
            tried = [(start, (), group[""])]
        else:
            before = _words_before(padded, start, slots_before)
            if before is None:
                return
            pos, slot_spans = before
            tried = []
            # the chunk before ends one space before the slot words: try its word counts
            for n_words in widths:
                ws = pos - 1
                for _ in range(n_words):
                    ws = padded.rfind(" ", 0, ws - 1) + 1
                if ws <= 0:
                    continue
                wids = group.get(padded[ws : pos - 1])
                if wids:
                    tried.append((ws, slot_spans, wids))
        for first, spans, wids in tried:
            for wid in wids:
                self._complete(padded, wid, first, end, spans, wild_cands, avoid)

    def _complete(
        self,
        padded: str,
        wid: int,
        first: int,
        end: int,
        spans: tuple[tuple[int, int], ...],
        wild_cands: list[tuple[int, int, int, tuple[tuple[int, int], ...]]],
        avoid: dict[int, list[tuple[int, int]]],
    ) -> None:
        """Check a pattern's earlier chunks and its leading and trailing slots."""
        wild = self._wild[wid]
        pos = first
        # chunks before the last two (rare): walk backwards over slot words and chunks
        for i in range(len(wild.chunks) - 3, -1, -1):
            found = _words_before(padded, pos, wild.slots[i + 1])
            if found is None:
                return
            pos, more = found
            chunk = wild.chunks[i]
            if (
                padded[pos - 1 - len(chunk) : pos - 1] != chunk
                or padded[pos - 2 - len(chunk)] != " "
            ):
                return
            pos -= len(chunk) + 1
            spans = more + spans
        lead = _words_before(padded, pos, wild.slots[0])
        after = _words_after(padded, end, wild.slots[-1])
        if lead is None or after is None:
            return
        stop, trail = after
        if wild.avoid:
            avoid.setdefault(wild.entry, []).append((lead[0] - 1, stop - 1))
        else:
            slots = tuple((a - 1, b - 1) for a, b in lead[1] + spans + trail)
            wild_cands.append((lead[0] - 1, stop - 1, wild.entry, slots))

    @staticmethod
    def _wild_survivors(
        cands: list[tuple[int, int, int]],
        wild_cands: list[tuple[int, int, int, tuple[tuple[int, int], ...]]],
    ) -> list[tuple[int, int, int]]:
        """Wildcard hits whose slot words are not themselves lexicon hits."""
        starts = sorted((s, e) for s, e, _ in cands)
        keys = [s for s, _ in starts]
        out = []
        for start, end, idx, slots in wild_cands:
            clash = False
            for a, b in slots:
                j = bisect_left(keys, a)
                if j < len(starts) and starts[j][0] < b:
                    clash = True
                    break
            if not clash:
                out.append((start, end, idx))
        return out

    # --- case and overlaps ---------------------------------------------------------------

    @staticmethod
    def _longest(hits: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
        """Resolve overlaps: the longest hit wins; ties go to the earlier start, then entry."""
        hits.sort()
        n = len(hits)
        if n < 2:
            return hits
        # hits[k] overlaps an earlier hit iff it starts before the furthest end so far; found
        # with C-level loops, as most hits overlap nothing
        reach = accumulate([h[1] for h in hits], max)
        overlapping = list(compress(range(1, n), map(lt, [h[0] for h in hits[1:]], reach)))
        if not overlapping:
            return hits
        out: list[tuple[int, int, int]] = []
        done = 0
        k, m = 0, len(overlapping)
        while k < m:
            last = overlapping[k]
            first = last - 1  # the hit the run of overlapping ones starts from
            while k + 1 < m and overlapping[k + 1] == last + 1:
                k += 1
                last += 1
            k += 1
            out.extend(hits[done:first])
            cluster = sorted(hits[first : last + 1], key=lambda h: (h[0] - h[1], h[0], h[2]))
            chosen: list[tuple[int, int, int]] = []
            for cs, ce, cidx in cluster:
                if all(ce <= os_ or oe <= cs for os_, oe, _ in chosen):
                    chosen.append((cs, ce, cidx))
            out.extend(sorted(chosen))
            done = last + 1
        out.extend(hits[done:])
        return out


def _words_before(
    padded: str, start: int, count: int
) -> tuple[int, tuple[tuple[int, int], ...]] | None:
    """`count` single words right before `start` (one space apart): (new start, their spans)."""
    pos = start
    spans: list[tuple[int, int]] = []
    for _ in range(count):
        if pos < 2 or padded[pos - 1] != " ":
            return None
        ws = padded.rfind(" ", 0, pos - 1) + 1
        if not _is_word(padded[ws : pos - 1]):
            return None
        spans.append((ws, pos - 1))
        pos = ws
    return pos, tuple(reversed(spans))


def _words_after(
    padded: str, end: int, count: int
) -> tuple[int, tuple[tuple[int, int], ...]] | None:
    """`count` single words right after `end` (one space apart): (new end, their spans)."""
    pos = end
    spans: list[tuple[int, int]] = []
    for _ in range(count):
        if padded[pos : pos + 1] != " ":
            return None
        we = padded.find(" ", pos + 1)
        if we == -1 or not _is_word(padded[pos + 1 : we]):
            return None
        spans.append((pos + 1, we))
        pos = we
    return pos, tuple(spans)


@dataclass(frozen=True)
class ExtraKeys:
    """Fixed word lists other passes look for in the same scan as the lexicons.

    `keys` maps a key as matched (``" word "``, see :func:`match_key`) to a payload that
    :meth:`Matcher.scan` hands back with each hit; `name` identifies the lists for the cache.
    """

    name: str
    keys: Mapping[str, Any]


_CACHE: dict[tuple[object, ...], Matcher] = {}


def compile_matcher(lexicons: Sequence[Lexicon], extra: ExtraKeys | None = None) -> Matcher:
    """The matcher for these lexicons (and extra keys), compiled once per distinct contents."""
    key = (*((lex.name, lex.sha256) for lex in lexicons), extra.name if extra else None)
    matcher = _CACHE.get(key)
    if matcher is None:
        if len(_CACHE) >= 16:
            _CACHE.pop(next(iter(_CACHE)))
        matcher = _CACHE[key] = Matcher(lexicons, extra)
    return matcher
