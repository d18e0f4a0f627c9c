"""The grammar of attribution: speech cues and reported speech.

Used by :mod:`framing.annotate.voice`, which decides the voice of every stretch of text. This
module knows how news copy attributes words to people:

- speech cues in one pass (``lexicon/grammar/speech_cues.tsv``): verbs of saying (``said``,
  ``warned``), of belief and finding (``believes``, ``the poll found``), of intention with an
  infinitive (``vowed to``), of judgment with an object (``accused X of``, ``called X Y``),
  factive verbs (``confirmed``), participles (``adding that``) and ``according to``;
- reported speech: ``X warned that ...``, ``X said ...``, ``..., according to X``,
  ``..., the ministry said.``, ``A, X said, B``, ``..., said X, a spokesman for Y.``,
  ``..., adding that ...``, ``quoted X as saying ...``;
- the speaker of a quote: ``"...," X said``, ``X told Reuters: "..."``, ``"..." — X``,
  ``From X: "..."``.

Who a speaker phrase names is :mod:`framing.annotate.speakers`' job. The grammar is built in; it
does not depend on the active lexicons.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import NamedTuple

import ahocorasick

from framing.annotate.speakers import (
    DETERMINERS,
    HEAD_NOUNS,
    PRONOUNS,
    Speakers,
    np_after,
    subject,
)
from framing.document import NAME_ABBREVIATIONS, Document, Span
from framing.lexicon.grammar import speech_cues
from framing.lexicon.matcher import match_key
from framing.lexicon.normalize import WordText

__all__ = [
    "Attribution",
    "CuePayload",
    "Cues",
    "after_quote",
    "before_quote",
    "clause_start",
    "cue_keys",
    "reported_speech",
]

# --- the grammar of attribution -------------------------------------------------------------


@functools.cache
def _verbs() -> tuple[str, ...]:
    """Verbs of saying and factive verbs (``speech_cues.tsv``), longest first."""
    words = {c.cue for c in speech_cues() if c.kind == "verb"}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


class _VerbFlags(NamedTuple):
    """A verb's columns in ``speech_cues.tsv``: what its reported content may be."""

    factive: bool
    bare: bool
    to: bool
    object: bool


@functools.cache
def _verb_flags() -> dict[str, _VerbFlags]:
    """Each verb's flags in one look-up (the reported-speech loop runs once per verb)."""
    return {
        c.cue: _VerbFlags(c.factive, c.bare_clause, c.to_clause, c.object)
        for c in speech_cues()
        if c.kind == "verb"
    }


@functools.cache
def _participles() -> frozenset[str]:
    """Participles that go on with the latest speaker ("..., adding that ...")."""
    return frozenset(c.cue for c in speech_cues() if c.kind == "participle")


_VERB, _PARTICIPLE, _ACCORDING = 0, 1, 2
_SUBJECT_WINDOW = 160


_NO_FLAGS = _VerbFlags(False, False, False, False)


class _Cue(NamedTuple):
    start: int
    end: int
    kind: int
    word: str


#: A speech cue's payload: (key length, kind, the cue as listed).
CuePayload = tuple[int, int, str]


@functools.cache
def cue_keys() -> dict[str, CuePayload]:
    """Keys ``" word "`` for a :class:`~framing.lexicon.normalize.WordText`: whole words only."""
    keys: dict[str, CuePayload] = {}
    kinds = {"verb": _VERB, "participle": _PARTICIPLE, "according": _ACCORDING}
    cues = [(_VERB, word) for word in _verbs()] + [
        (kinds[c.kind], c.cue) for c in speech_cues() if c.kind != "verb"
    ]
    for kind, word in cues:
        key = f" {match_key(word)} "
        keys.setdefault(key, (len(key), kind, word))
    return keys


@functools.cache
def _cue_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key, payload in cue_keys().items():
        automaton.add_word(key, payload)
    automaton.make_automaton()
    return automaton


def _find_cues(
    text: str, words: WordText, found: Iterable[tuple[int, CuePayload]] | None = None
) -> list[_Cue]:
    """Speech verbs, participles and "according to", in order, one pass over the text.

    `found` may give the cue keys' hits ``(last, payload)`` from a scan that already ran.
    Verbs and participles must be lowercase in the original ("Said" is more often a name)."""
    if found is None:
        found = _cue_automaton().iter(words.padded)
    at: dict[int, _Cue] = {}
    for last, (length, kind, word) in found:
        start, end = words.span(last, length)
        if kind != _ACCORDING and not text[start].islower():
            continue
        if start and text[start - 1] in "-‐‑":
            continue  # part of a compound: "so-called", "self-described"
        old = at.get(start)
        if old is None or old.end < end:
            at[start] = _Cue(start, end, kind, word)
    return [at[k] for k in sorted(at)]


_SENT_PUNCT_RE = re.compile(r"[.!?]\s|[.!?]$|\n\s*\n")


@dataclass(frozen=True, slots=True)
class Attribution:
    """Reported speech: the content span, who it is attributed to and by which cue."""

    start: int
    end: int
    speaker: str | None
    cue: str
    cue_start: int
    cue_end: int
    factive: bool = False
    speaker_span: Span | None = None

    def to_dict(self) -> dict[str, object]:
        """Every field but ``speaker_span`` (the speaker's name stands for it)."""
        out = asdict(self)
        del out["speaker_span"]
        return out


_TAG_TAIL_WORDS = 6
#: What may follow the verb of a trailing tag: a time, place or manner adverbial.
_ADVERBIAL_OPENERS = frozenset(
    "on in at during after before last this late early earlier later yesterday today tonight "
    "recently afterward afterwards privately publicly repeatedly also again then now via through "
    "by to when while as from with for about monday tuesday wednesday thursday friday saturday "
    "sunday january february march april may june july august september october november "
    "december".split()
)


def _trailing_tag(
    text: str, s0: int, comma: int, v0: int, v1: int, body_end: int
) -> tuple[str, int | None] | None:
    """The speaker of a tag after content: ``..., the ministry said (on Tuesday).``,
    ``..., said X, a spokesman for Y.`` or the parenthetical ``A, X said, B``.

    `s0` is where the sentence starts. Returns the speaker phrase and, for a parenthetical,
    where the content resumes."""
    lead = text[s0:comma].split()
    if len(lead) <= 3 and lead and lead[0].lower() in _ADVERBIAL_OPENERS:
        return None  # "On Thursday, X said": an introduction, not content
    between = text[comma + 1 : v0]
    after = text[v1:body_end]
    if between.strip():
        if not _adverbial_tail(after) or len(between.split()) > 16:
            return None  # the cheap test first: most verbs here open a clause ("said that")
        phrase = subject(between, lenient=False)
        if phrase is None:
            return None
        rest = after
    else:
        phrase = np_after(after.lstrip())
        if phrase is None:
            return None
        rest = after[after.find(phrase) + len(phrase) :]
        # "said X, a senior official at Y": the appositive is part of the tag
        if rest.lstrip().startswith(","):
            appositive = rest.lstrip()[1:].split(",")[0]
            head = appositive.split()[:1]
            if head and (head[0].lower() in DETERMINERS or head[0].lower() in HEAD_NOUNS):
                rest = rest[rest.find(",") + 1 + len(appositive) :]
        if not _adverbial_tail(rest):
            return None
    clause = rest.split(",", 1)
    if len(clause) == 2 and clause[1].strip():
        # ", X said, it is ..." (content resumes) or ", X said Tuesday, adding ..." (a
        # participle clause the participle rule handles)
        resumes = body_end - len(clause[1])
        first = clause[1].split()[0].lower()
        if first in _participles() or first in ("according", "citing", "referring"):
            return phrase, None
        return phrase, resumes + (len(clause[1]) - len(clause[1].lstrip()))
    return phrase, None


def _adverbial_tail(rest: str) -> bool:
    """Whether what follows a tag's verb, up to the next comma, is at most a short adverbial
    ("on Tuesday", "in a statement"), not a clause ("the bill would fail", "that ...")."""
    words = rest.split(",", 1)[0].split()
    if len(words) > _TAG_TAIL_WORDS or "that" in words:
        return False
    return not words or words[0].lower().strip(".") in _ADVERBIAL_OPENERS


def clause_start(text: str, floor: int, pos: int) -> int:
    """Start of the sentence-like stretch ending at `pos` (after the last . ! ? or paragraph)."""
    best = floor
    for m in _SENT_PUNCT_RE.finditer(text, floor, pos):
        best = m.end()
    return best


class Cues:
    """The cues of one document with range lookup."""

    def __init__(
        self, text: str, words: WordText, found: Iterable[tuple[int, CuePayload]] | None = None
    ) -> None:
        self.items = _find_cues(text, words, found)
        self.starts = [c.start for c in self.items]

    def between(self, lo: int, hi: int) -> list[_Cue]:
        i = bisect_left(self.starts, lo)
        j = bisect_left(self.starts, hi)
        return self.items[i:j]


def after_quote(text: str, cues: Cues, end: int, limit: int) -> tuple[str | None, int, int] | None:
    """Speaker phrase and verb span in ``", Araghchi stated`` / ``," said X`` after a quote."""
    window = text[end:limit]
    dash = _DASH_TAG_RE.match(window)
    if dash is not None:  # '"..." — Lina Ortiz, mayor of Dunmore': a dash attribution
        phrase = np_after(window[dash.end() :])
        if phrase is not None:
            return phrase, end + dash.start(), end + dash.end()
    stop = _AFTER_STOP_RE.search(window)
    window_end = end + (stop.start() if stop else len(window))
    verbs = [c for c in cues.between(end, min(window_end, end + 91)) if c.kind == _VERB]
    if not verbs:
        return None
    v = verbs[0]
    pre = text[end : v.start].strip(" ,\u00a0\t\n")
    if pre.split():
        last = pre.split()[-1]
        if len(pre.split()) > 9:
            return None
        # the unstripped text keeps an appositive's closing comma: '," Kerr, a senator, said'
        raw = text[end : v.start].lstrip(" ,\u00a0\t\n")
        phrase = last if last.lower() in PRONOUNS else subject(raw, lenient=False)
    else:
        phrase = np_after(text[v.end : window_end].lstrip())
    if phrase is None:
        return None
    return phrase, v.start, v.end


def before_quote(
    text: str, cues: Cues, floor: int, start: int
) -> tuple[str | None, int, int] | None:
    """Speaker in ``He told Reuters: "...`` or ``According to X, "...`` before a quote."""
    stripped = text[floor:start].rstrip()
    if (not stripped or stripped[-1] not in ":,") and not _ENDS_WITH_CUE_RE.search(stripped):
        return None
    lead = _LEAD_IN_RE.match(stripped)
    if lead is not None:
        # 'From the auditor's report: "..."', 'Ted Cruz: "..."': a source before a colon
        group = "np" if lead["np"] else "name"
        np = lead[group]
        if np.split()[0].lower() not in _LEAD_IN_STOP and not (group == "name" and np.isupper()):
            return np, floor + lead.start(group), floor + lead.end()
    found = cues.between(floor, start)
    acc = [c for c in found if c.kind == _ACCORDING]
    if acc:
        phrase = np_after(text[acc[-1].end : start].lstrip())
        if phrase:
            return phrase, acc[-1].start, acc[-1].end
    verbs = [c for c in found if c.kind == _VERB]
    if not verbs:
        return None
    v = verbs[-1]
    if len(text[v.end : start].split()) > 7:
        return None
    phrase = subject(text[floor : v.start], lenient=False)
    if phrase is None:
        return None
    return phrase, v.start, v.end


_THAT_RE = re.compile(r"\s+that\b")
_QUOTED_AS_RE = re.compile(r"\bquoted\s+(?P<np>[^,.;:\n]{2,80}?)\s+as\s+")
_DASH_TAG_RE = re.compile(r"[ \t\u00a0]*[—–][ \t\u00a0]*(?=[A-Z])")
#: A source named before a colon that opens a quote: "From the report:", "Ted Cruz:".
_LEAD_IN_RE = re.compile(
    r"\s*(?:From\s+(?P<np>[^:\n]{2,80})|(?P<name>(?:[A-Z][\w’'.\-]*\s+){0,3}[A-Z][\w’'.\-]*))\s*:$"
)
_LEAD_IN_STOP = frozenset("update note editor's photo watch read related breaking".split())
#: Ends the window after a quote; the period of a title or an initial does not
#: ("said Sen. Bernie Sanders", "Kevin D. Williamson wrote"). The titles are the sentence
#: splitter's (:data:`framing.document.NAME_ABBREVIATIONS`).
_AFTER_STOP_RE = re.compile(
    r"[!?;“\"‘\n]|[.]"
    + "".join(rf"(?<!\b{re.escape(a.capitalize())}[.])" for a in sorted(NAME_ABBREVIATIONS))
    + r"(?<!\b[A-Z][.])"
)
_ENDS_WITH_CUE_RE = re.compile(r"\b(?:that|said|says)\s*$")


# --- reported speech ------------------------------------------------------------------------

_CONTENT_START_RE = re.compile(
    r"^\s*(?:(?:to\s+)?(?:reporters|journalists|Reuters|AFP|AP|the\s+BBC|[A-Z][\w.]+|him|her|them|"
    r"us|me)\s+)?(?:(?:on|in|at|late|early|last|this|during)\s+[\w’'\- ]{1,40}?\s+)?that\b|"
    r"^\s*:",
)
#: "to" opening an infinitive ("vowed to repeal"), not a noun phrase ("agreed to a deal").
_TO_RE = re.compile(
    r"\s+to\s+(?!(?:a|an|the|this|that|these|those|his|her|its|their|our|my|your|any|some|"
    r"all|each|every|no|more|most|[A-Z]\w*|\d\w*)\b)[a-z]"
)
#: After a verb of the object kind, what cannot open its object ("called for", "urged on").
_NOT_OBJECT_RE = re.compile(r"^\s*(?:[,.;:!?)\]]|$|(?:off|out|up|back|in|into|upon|by|at)\b)", re.I)
_CLAUSE_END_RE = re.compile(r";|\s[—–]\s|,\s+(?:and|but|while|which|whereas|although|though)\b")
#: After a speech verb, a word that cannot open the reported clause (a preposition, "to" ...).
_NOT_CLAUSE_RE = re.compile(
    r"^\s*(?:[,.;:!?)\]]|$|(?:to|for|by|with|of|in|on|about|during|after|before|from|into|"
    r"over|against|so|goodbye|nothing|little|much|more|yes|no)\b|at\b(?!\s+(?:least|most)\b))",
    re.I,
)


def reported_speech(
    doc: Document,
    sentence: Span,
    in_quote: list[Span],
    consumed: set[int],
    speakers: Speakers,
    quote_speakers: list[tuple[int, str]],
    cues: list[_Cue],
    quote_starts: list[int] | None = None,
) -> list[Attribution]:
    text = doc.text
    s0, s1 = sentence
    quote_starts = [a for a, _ in in_quote] if quote_starts is None else quote_starts
    body_end = s1
    while body_end > s0 and text[body_end - 1] in ".!?”\"’' ":
        body_end -= 1

    def quoted(pos: int) -> bool:
        k = bisect_right(quote_starts, pos) - 1  # quotes do not overlap: the one starting last
        return k >= 0 and pos < in_quote[k][1]

    out: list[Attribution] = []
    verb_flags = _verb_flags()
    # "..., according to X." / "According to X, ..." / "..., according to X, ..." -- unless a
    # speaker's own verb comes first ("The army said ..., according to officials").
    first_verb = s1
    for c in cues:
        if c.kind == _VERB and not quoted(c.start):
            first_verb = c.start
            break
    for cue in cues:
        if cue.kind != _ACCORDING or quoted(cue.start) or first_verb < cue.start:
            continue
        a, a_end = cue.start, cue.end
        rest = text[a_end:s1]
        phrase = np_after(rest.lstrip())
        speaker = speakers.resolve(phrase, a)
        np_end = a_end + (rest.find(phrase) + len(phrase) if phrase else 0)
        if not text[s0:a].strip():
            comma = text.find(",", np_end, s1)
            if comma != -1:
                out.append(Attribution(comma + 1, body_end, speaker, "according to", a, a_end))
        else:
            out.append(Attribution(s0, a, speaker, "according to", a, a_end))
            comma_after = text.find(",", np_end, s1)
            if comma_after != -1 and text[comma_after + 1 : body_end].strip():
                out.append(
                    Attribution(comma_after + 1, body_end, speaker, "according to", a, a_end)
                )
        return out
    for cue in cues:
        v0, v1 = cue.start, cue.end
        if cue.kind != _VERB or v0 in consumed or quoted(v0):
            continue
        verb = cue.word
        flags = verb_flags.get(verb) or _NO_FLAGS  # "pointed out", "said in a statement"
        factive = flags.factive
        after = text[v1:body_end]
        last_comma = text.rfind(",", s0, v0)
        # "..., the ministry said." / "..., said X, an analyst at Y." / "A, X said, B." : the
        # speaker stands between a comma and the verb (or right after the verb), and what
        # follows the tag is an adverbial, an appositive or, after a comma, more content.
        # (not a verb that takes an object: "a move critics called an attempt to ...")
        if last_comma != -1 and not flags.object and text[s0:last_comma].strip():
            tag = _trailing_tag(text, s0, last_comma, v0, v1, body_end)
            if tag is not None:
                phrase, resumes = tag
                speaker = speakers.resolve(phrase, v0)
                out.append(Attribution(s0, last_comma, speaker, verb, v0, v1, factive))
                if resumes is not None:
                    out.append(Attribution(resumes, body_end, speaker, verb, v0, v1, factive))
                break
        # "X warned that ...", "X said ...": a clause after the verb, a subject before it.
        cm = _CONTENT_START_RE.match(after)
        content_end = body_end
        if cm is not None:
            c0 = v1 + cm.end()
        elif (flags.bare and not _NOT_CLAUSE_RE.match(after)) or (flags.to and _TO_RE.match(after)):
            c0 = v1  # "X said the town fell", "X vowed to fight"
        elif flags.object and not _NOT_OBJECT_RE.match(after):
            c0 = v1
            boundary = _CLAUSE_END_RE.search(text, c0, body_end)
            content_end = boundary.start() if boundary else body_end
        else:
            continue
        phrase = subject(text[max(s0, v0 - _SUBJECT_WINDOW) : v0])  # a subject is short
        if phrase is None:
            continue
        speaker = speakers.resolve(phrase, v0)
        if text[c0:content_end].strip():
            out.append(Attribution(c0, content_end, speaker, verb, v0, v1, factive))
        break
    # "..., adding that ..." : the latest speaker of this sentence goes on speaking.
    for cue in cues:
        p0 = cue.start
        if cue.kind != _PARTICIPLE or quoted(p0) or any(a.start <= p0 < a.end for a in out):
            continue
        quoted_as = _QUOTED_AS_RE.search(text, s0, p0)
        if quoted_as is not None and quoted_as.end() == p0:
            # "Interfax quoted Interior Minister Arsen Avakov as saying ...": Avakov speaks
            c0 = cue.end
            that = _THAT_RE.match(text, c0)
            c0 = that.end() if that else c0
            speaker = speakers.resolve(quoted_as["np"], p0)
            if text[c0:body_end].strip():
                out.append(Attribution(c0, body_end, speaker, "quoted as saying", p0, cue.end))
            continue
        lead = text[s0:p0].rstrip()
        if lead and not (lead.endswith(",") or lead.endswith(" and")):
            continue
        events = [(a.cue_start, a.speaker) for a in out if a.speaker] + [
            (pos, who) for pos, who in quote_speakers if s0 <= pos <= p0
        ]
        latest = max((e for e in events if e[0] <= p0), default=None)
        speaker = latest[1] if latest else speakers.last
        if speaker is None:
            continue
        c0 = cue.end
        that = _THAT_RE.match(text, c0)
        if that:
            c0 = that.end()
        if text[c0:body_end].strip():
            out.append(Attribution(c0, body_end, speaker, text[p0:c0].strip(), p0, c0))
    return out
