"""Whose voice is each stretch of text in: the outlet's, a direct quote's, or reported speech's.

This module decides voice once per character range, so every match can look its voice up:

- **quotes**: straight and curly double quotes, single quotes inside and outside them, quotations
  that run across sentences and paragraphs (news style: a paragraph that opens a quote without
  closing it continues at the next paragraph's opening mark), and *scare quotes* (a short quoted
  word or name with no speaker) told apart from speech;
- **speakers** of quotes: ``"...", Araghchi stated``, ``"...," said the minister``,
  ``He told Reuters: "..."``, ``according to X``; pronouns resolve to the latest speaker, and a
  bare surname to the full name seen before;
- **reported speech**: ``X warned that ...``, ``X said ...``, ``..., according to X``,
  ``..., the ministry said.``, ``..., adding that ...``.

Factive verbs (``confirmed that``, ``revealed that``) are recorded as attributions but leave the
content in the outlet's voice: choosing a factive verb, the outlet asserts the content itself.
The grammar of attribution (speech verbs, speaker phrases) lives in
:mod:`framing.annotate.attribution`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from types import MappingProxyType
from typing import Literal, NamedTuple

from framing.annotate.attribution import (
    Attribution,
    Cues,
    after_quote,
    before_quote,
    clause_start,
    reported_speech,
)
from framing.annotate.speakers import PRONOUNS, Speakers
from framing.document import Document, Span, count_words

__all__ = [
    "VOICES",
    "VOICE_NAMES",
    "Attribution",
    "Quote",
    "Voice",
    "VoiceLayer",
    "VoiceName",
    "find_voices",
]

Voice = Literal["author", "quote", "attributed"]

#: The three voices, in the order every table and chart shows them.
VOICES: tuple[Voice, ...] = ("author", "quote", "attributed")


class VoiceName(NamedTuple):
    """How one voice is named to people. The one home of these words: outputs look them up here.

    tag: a table column ("own"); label: one instance ("outlet's own words", "direct quote");
    plural: a share or a series ("direct quotes"); example: beside an example sentence ("inside
    a direct quote"); student: classroom pages ("reporter's own words").
    """

    tag: str
    label: str
    plural: str
    example: str
    student: str


VOICE_NAMES: Mapping[Voice, VoiceName] = MappingProxyType(
    {
        "author": VoiceName(
            "own",
            "outlet's own words",
            "outlet's own words",
            "the outlet's own words",
            "reporter's own words",
        ),
        "quote": VoiceName(
            "quote",
            "direct quote",
            "direct quotes",
            "inside a direct quote",
            "direct quote",
        ),
        "attributed": VoiceName(
            "reported",
            "reported speech",
            "reported speech",
            "in reported speech",
            "reported speech",
        ),
    }
)


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: its span including the marks, its inner span, kind and speaker."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    kind: Literal["speech", "scare"]
    speaker: str | None = None
    speaker_span: Span | None = None
    mark: Literal["double", "single"] = "double"
    continued: bool = False
    nested: bool = False

    def to_dict(self) -> dict[str, object]:
        """Every field but ``speaker_span`` (the speaker's name stands for it)."""
        out = asdict(self)
        del out["speaker_span"]
        return out


@dataclass(frozen=True)
class VoiceLayer:
    """Voice of every character range of one document."""

    quotes: tuple[Quote, ...]
    attributions: tuple[Attribution, ...]
    words: dict[str, int]

    def __post_init__(self) -> None:
        speech = sorted(
            (q.inner_start, q.inner_end, q.speaker)
            for q in self.quotes
            if q.kind == "speech" and not q.nested
        )
        scare = sorted((q.inner_start, q.inner_end) for q in self.quotes if q.kind == "scare")
        said = sorted((a.start, a.end, a.speaker) for a in self.attributions if not a.factive)
        object.__setattr__(self, "_speech", speech)
        object.__setattr__(self, "_speech_starts", [s[0] for s in speech])
        object.__setattr__(self, "_scare", scare)
        object.__setattr__(self, "_scare_starts", [s[0] for s in scare])
        object.__setattr__(self, "_said", said)
        object.__setattr__(self, "_said_starts", [s[0] for s in said])

    def voice_at(self, start: int, end: int) -> tuple[Voice, str | None, bool]:
        """``(voice, speaker, scare_quoted)`` of the range ``[start, end)``."""
        return self.voices_for([(start, end)])[0]

    def voices_for(self, spans: list[tuple[int, int]]) -> list[tuple[Voice, str | None, bool]]:
        """``voice_at`` for many ranges sorted by start, in one walk over the voice spans."""
        speech: list[tuple[int, int, str | None]] = self._speech  # type: ignore[attr-defined]
        said: list[tuple[int, int, str | None]] = self._said  # type: ignore[attr-defined]
        scare: list[tuple[int, int]] = self._scare  # type: ignore[attr-defined]
        i = j = k = -1
        n_speech, n_said, n_scare = len(speech), len(said), len(scare)
        out: list[tuple[Voice, str | None, bool]] = []
        for start, end in spans:
            while i + 1 < n_speech and speech[i + 1][0] <= start:
                i += 1
            while j + 1 < n_said and said[j + 1][0] <= start:
                j += 1
            while k + 1 < n_scare and scare[k + 1][0] <= start:
                k += 1
            is_scare = k >= 0 and end <= scare[k][1]
            if i >= 0 and end <= speech[i][1]:
                out.append(("quote", speech[i][2], is_scare))
            elif j >= 0 and end <= said[j][1]:
                out.append(("attributed", said[j][2], is_scare))
            else:
                out.append(("author", None, is_scare))
        return out

    def dominant_voices(
        self, spans: list[tuple[int, int]], *, others: float = 1 / 3
    ) -> list[Voice]:
        """The voice each range (a sentence) is mostly in.

        A range is ``quote`` (or ``attributed``) when direct quotes (or reported speech) hold at
        least `others` of its characters and more than the other of the two; else ``author``.
        The bar is a third, not a half, because a quoted sentence carries the outlet's own
        attribution tag ('..., said Dana Ilic, a spokeswoman for the NVF'), often as long as the
        quote.
        Direct quotes take precedence over the reported speech around them.
        """
        n = max((e for _, e in spans), default=0)
        marks = bytearray(n)
        for layer, code in ((self._said, 2), (self._speech, 1)):  # type: ignore[attr-defined]
            for s, e, _ in layer:
                e = min(e, n)
                if s < e:
                    marks[s:e] = bytes([code]) * (e - s)
        out: list[Voice] = []
        for start, end in spans:
            chunk = marks[start:end]
            quote, said = chunk.count(1), chunk.count(2)
            bar = others * len(chunk)
            if quote >= bar and quote >= said and quote:
                out.append("quote")
            elif said >= bar and said > quote:
                out.append("attributed")
            else:
                out.append("author")
        return out

    @property
    def speakers(self) -> list[str]:
        """Distinct named speakers, in order of first appearance."""
        seen: dict[str, None] = {}
        found = [(q.start, q.speaker) for q in self.quotes]
        found += [(a.start, a.speaker) for a in self.attributions]
        for _, speaker in sorted(found, key=lambda x: x[0]):
            if speaker and speaker.lower() not in PRONOUNS:
                seen.setdefault(speaker, None)
        return list(seen)


# --- quotes ---------------------------------------------------------------------------------

_DOUBLE_MARKS = '"“”„«»'
_SINGLE_MARKS = "'‘’"


def _positions(text: str, marks: str) -> list[int]:
    """Offsets of any of `marks` in `text`, in order.

    ``str.find`` per mark: a regex character class holding non-ASCII characters scans ASCII text
    about five times slower, and ``in``/``find`` skip a mark the text cannot hold at once."""
    out: list[int] = []
    for mark in marks:
        i = text.find(mark)
        while i != -1:
            out.append(i)
            i = text.find(mark, i + 1)
    if len(marks) > 1:
        out.sort()
    return out


def _apostrophe_pairs(text: str) -> list[int]:
    """Offsets of ``''``: two apostrophes as one double quotation mark (the style of some
    newspapers' archives: ''We will win,'' she said)."""
    out: list[int] = []
    i = text.find("''")
    while i != -1:
        out.append(i)
        i = text.find("''", i + 2)
    return out


_OPEN_CONTEXT = set(" \t\n\r([{—–-/\u00a0")


def _role(text: str, i: int, width: int = 1) -> str:
    c = text[i]
    if c in "“„«":
        return "open"
    if c in "”»":
        return "close"
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + width] if i + width < len(text) else " "
    if prev in _OPEN_CONTEXT and not nxt.isspace():
        return "open"
    if not prev.isspace() and (nxt.isspace() or not nxt.isalnum()):
        return "close"
    return "toggle"


def _double_quotes(doc: Document, pairs: list[int]) -> list[tuple[int, int, bool]]:
    """(open index, end index after the closing mark, continued across paragraphs).

    `pairs` are the offsets of ``''`` marks, which count as double marks two characters wide."""
    text = doc.text
    out: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    last_para = 0
    continued = False
    marks = _positions(text, _DOUBLE_MARKS)
    if pairs:
        marks = sorted(marks + pairs)
    wide = set(pairs)
    for i in marks:
        width = 2 if i in wide else 1
        role = _role(text, i, width)
        p = doc.paragraph_index(i)
        if open_at is not None and p != last_para:
            para_start = doc.paragraphs[p].start if doc.paragraphs else 0
            if role in ("open", "toggle") and i == para_start and p == last_para + 1:
                continued = True
                last_para = p
                continue
            out.append((open_at, doc.paragraphs[last_para].end, continued))
            open_at = None
        if role == "open" or (role == "toggle" and open_at is None):
            if open_at is None:
                open_at, last_para, continued = i, p, False
            elif text[i] == '"' or width == 2:
                out.append((open_at, i + width, continued))
                open_at = None
        elif open_at is not None:
            out.append((open_at, i + width, continued))
            open_at = None
    if open_at is not None and doc.paragraphs:
        out.append((open_at, doc.paragraphs[last_para].end, continued))
    return out


def _single_quotes(doc: Document, pairs: list[int]) -> list[tuple[int, int]]:
    text = doc.text
    out: list[tuple[int, int]] = []
    pending: int | None = None
    pending_para = -1
    in_pairs = {j for i in pairs for j in (i, i + 1)}
    for i in _positions(text, _SINGLE_MARKS):
        if i in in_pairs:
            continue
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if prev.isalnum() and nxt.isalnum():
            continue  # apostrophe inside a word: Iran's
        opener = not prev.isalnum() and prev not in ".,!?" and nxt.isalnum() and text[i] != "’"
        if opener:
            pending, pending_para = i, doc.paragraph_index(i)
            continue
        closer = (prev.isalnum() or prev in ".,!?") and not nxt.isalnum()
        if closer and pending is not None:
            if doc.paragraph_index(i) == pending_para and i - pending < 400:
                out.append((pending, i + 1))
            pending = None
    return out


# --- putting it together --------------------------------------------------------------------


def _is_scare(text: str, inner_start: int, inner_end: int) -> bool:
    inner = text[inner_start:inner_end]
    return count_words(inner) <= 8 and not re.search(r"[.!?,;:]", inner)


@dataclass(slots=True)
class _RawQuote:
    start: int
    end: int
    inner_start: int
    inner_end: int
    mark: Literal["double", "single"]
    continued: bool = False
    nested: bool = False
    speaker: str | None = None


def _raw_quotes(doc: Document) -> list[_RawQuote]:
    text = doc.text
    raw = []
    pairs = _apostrophe_pairs(text) if "''" in text else []
    for start, end, continued in _double_quotes(doc, pairs):
        inner_start = start + 2 if text.startswith("''", start) else start + 1
        if end - start >= 4 and text[end - 2 : end] == "''":
            inner_end = end - 2
        else:
            inner_end = end - 1 if text[end - 1] in '"”»' else end
        if count_words(text[inner_start:inner_end]):
            raw.append(_RawQuote(start, end, inner_start, inner_end, "double", continued))
    doubles = list(raw)
    for a, b in _single_quotes(doc, pairs):
        if count_words(text[a + 1 : b - 1]):
            nested = any(q.start < a and b <= q.end for q in doubles)
            raw.append(_RawQuote(a, b, a + 1, b - 1, "single", nested=nested))
    raw.sort(key=lambda q: q.start)
    return raw


def _quote_speaker(
    doc: Document,
    cues: Cues,
    q: _RawQuote,
    previous_end: int,
    speakers: Speakers,
    consumed: set[int],
) -> str | None:
    text = doc.text
    last_para = (
        doc.paragraphs[doc.paragraph_index(q.end - 1)] if doc.paragraphs else Span(0, len(text))
    )
    found = after_quote(text, cues, q.end, last_para.end)
    if found is None:
        first_para = (
            doc.paragraphs[doc.paragraph_index(q.start)] if doc.paragraphs else Span(0, len(text))
        )
        floor = max(first_para.start, previous_end)
        found = before_quote(text, cues, clause_start(text, floor, q.start), q.start)
    if found is None:
        return None
    phrase, v0, _v1 = found
    consumed.add(v0)
    return speakers.resolve(phrase, q.end)


def find_voices(doc: Document, cues: Cues | None = None) -> VoiceLayer:
    """Find quotes, their speakers and reported speech in `doc`, in one pass in reading order.

    `cues` may pass the document's speech cues when a scan already found them."""
    text = doc.text
    raw = _raw_quotes(doc)
    top = [q for q in raw if not q.nested]
    in_quote = [Span(q.inner_start, q.inner_end) for q in top]
    quote_starts = [q.inner_start for q in top]
    if cues is None:
        cues = Cues(text, doc.match_text)
    speakers = Speakers()
    consumed: set[int] = set()
    attributions: list[Attribution] = []
    quote_speakers: list[tuple[int, str]] = []
    prev: tuple[int, str | None] = (-2, None)  # paragraph of the last quote with a speaker
    qi = 0
    for sentence in doc.sentences:
        # quotes opening in this sentence first: their attribution verbs are not reported speech
        while qi < len(top) and top[qi].start < sentence.end:
            q = top[qi]
            q.speaker = _quote_speaker(
                doc, cues, q, top[qi - 1].end if qi else 0, speakers, consumed
            )
            # A quote with no speaker goes on with the speaker of the quote before it in the same
            # paragraph, or, opening a paragraph, of a quote in the paragraph before.
            p_idx = doc.paragraph_index(q.start)
            opens_paragraph = bool(doc.paragraphs) and q.start == doc.paragraphs[p_idx].start
            # A short phrase with no punctuation is a scare quote, not a quote going on.
            if (
                q.speaker is None
                and (prev[0] == p_idx or (opens_paragraph and prev[0] == p_idx - 1))
                and not _is_scare(text, q.inner_start, q.inner_end)
            ):
                q.speaker = prev[1]
            if q.speaker is not None:
                prev = (doc.paragraph_index(q.end - 1), q.speaker)
                speakers.note(q.end, q.speaker)
                quote_speakers.append((q.end, q.speaker))
            qi += 1
        in_sentence = cues.between(sentence.start, sentence.end)
        if in_sentence:
            attributions.extend(
                reported_speech(
                    doc,
                    sentence,
                    in_quote,
                    consumed,
                    speakers,
                    quote_speakers,
                    in_sentence,
                    quote_starts,
                )
            )

    said = [a for a in attributions if not a.factive]
    quotes: list[Quote] = []
    for q in raw:
        speaker = q.speaker
        kind: Literal["speech", "scare"] = "speech"
        if q.nested:
            outer = next((o for o in top if o.start < q.start and q.end <= o.end), None)
            speaker = outer.speaker if outer else None
        elif speaker is None:
            host = next((a for a in said if a.start <= q.start < a.end), None)
            if host is not None:
                # inside someone's reported words, a quote is theirs (what X called "...")
                speaker = host.speaker
            elif _is_scare(text, q.inner_start, q.inner_end):
                kind = "scare"
        quotes.append(
            Quote(
                q.start,
                q.end,
                q.inner_start,
                q.inner_end,
                kind,
                speaker,
                None,
                q.mark,
                q.continued,
                q.nested,
            )
        )
    quotes, attributions = _expand_surnames(quotes, attributions)
    return VoiceLayer(tuple(quotes), tuple(attributions), _voice_words(doc, quotes, attributions))


def _expand_surnames(
    quotes: list[Quote], attributions: list[Attribution]
) -> tuple[list[Quote], list[Attribution]]:
    """Give a bare surname the full name it has elsewhere (Araghchi -> Abbas Araghchi)."""
    every = [q.speaker for q in quotes] + [a.speaker for a in attributions]
    names = {s for s in every if s and " " in s}
    full: dict[str, str] = {}
    for name in sorted(names):
        if name[:1].isupper():
            full.setdefault(name.split()[-1], name)

    def fix(speaker: str | None) -> str | None:
        if speaker and " " not in speaker and speaker in full:
            return full[speaker]
        return speaker

    if not full:
        return quotes, attributions
    return (
        [q if fix(q.speaker) == q.speaker else replace(q, speaker=fix(q.speaker)) for q in quotes],
        [
            a if fix(a.speaker) == a.speaker else replace(a, speaker=fix(a.speaker))
            for a in attributions
        ],
    )


def _voice_words(
    doc: Document, quotes: list[Quote], attributions: list[Attribution]
) -> dict[str, int]:
    text = doc.text
    speech = [(q.inner_start, q.inner_end) for q in quotes if q.kind == "speech" and not q.nested]
    quote_words = sum(count_words(text, a, b) for a, b in speech)
    attributed_words = 0
    for a in attributions:
        if a.factive:
            continue
        n = count_words(text, a.start, a.end)
        for qs, qe in speech:
            lo, hi = max(qs, a.start), min(qe, a.end)
            if lo < hi:
                n -= count_words(text, lo, hi)
        attributed_words += max(0, n)
    total = doc.word_count
    return {
        "all": total,
        "author": max(0, total - quote_words - attributed_words),
        "quote": quote_words,
        "attributed": attributed_words,
    }
