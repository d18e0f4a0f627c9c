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
The grammar here (speech verbs, titles) is built in; it does not depend on the active lexicons.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import Literal, NamedTuple

import ahocorasick

from framing.document import Document, Span, count_words

__all__ = ["Attribution", "Quote", "Voice", "VoiceLayer", "find_voices"]

Voice = Literal["author", "quote", "attributed"]

# --- the grammar of attribution -------------------------------------------------------------

_SPEECH = (
    "said says say told tells stated added adds noted declared announced explained wrote writes "
    "asked replied responded continued insisted insists claimed claims argued argues warned warns "
    "urged stressed emphasized emphasised underlined underscored affirmed reaffirmed indicated "
    "mentioned remarked commented observed concluded admitted conceded alleged alleges suggested "
    "vowed pledged promised threatened demanded charged accused denied maintained contended "
    "asserted reiterated recalled tweeted posted quipped joked complained lamented boasted "
    "cautioned predicted estimated explained countered retorted acknowledged"
).split()
_FACTIVE = frozenset(
    "confirmed confirms revealed reveals disclosed discloses showed shows proved proves "
    "demonstrated demonstrates established acknowledged acknowledges".split()
)
#: Verbs whose reported content may follow without "that" ("said the town fell"); the other
#: speech verbs often take a plain object ("pledged its support") and need "that" or a colon.
_BARE_CLAUSE = frozenset(
    "said says say stated added adds claimed claims argued argues insisted insists warned warns "
    "noted explained wrote writes suggested maintained contended asserted reiterated indicated "
    "alleged alleges predicted estimated conceded admitted acknowledged countered told tells "
    "confirmed revealed".split()
)
_PARTICIPLES = (
    "saying adding noting mentioning stressing warning insisting claiming arguing explaining "
    "stating declaring emphasizing emphasising indicating alleging suggesting accusing telling"
).split()
_VERBS = sorted(
    set(_SPEECH) | _FACTIVE | {"pointed out", "said in a statement"}, key=len, reverse=True
)
_AUX = frozenset(
    "has have had also previously later earlier again reportedly repeatedly publicly "
    "separately then once already would will".split()
)
_VERB, _PARTICIPLE, _ACCORDING = 0, 1, 2
_SUBJECT_WINDOW = 160


class _Cue(NamedTuple):
    start: int
    end: int
    kind: int
    word: str


@functools.cache
def _cue_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for kind, words in (
        (_VERB, _VERBS),
        (_PARTICIPLE, _PARTICIPLES),
        (_ACCORDING, ["according to"]),
    ):
        for word in words:
            automaton.add_word(word, (len(word), kind, word))
    automaton.make_automaton()
    return automaton


def _find_cues(text: str, low: str) -> list[_Cue]:
    """Speech verbs, participles and "according to", in order, one pass over the text.

    `low` is the normalized (lowercased, same-length) text. Verbs and participles must be
    lowercase in the original ("Said" is more often a name)."""
    n = len(low)
    found: dict[int, _Cue] = {}
    for last, (length, kind, word) in _cue_automaton().iter(low):
        start = last - length + 1
        end = last + 1
        if (start > 0 and low[start - 1].isalnum()) or (end < n and low[end].isalnum()):
            continue
        if kind != _ACCORDING and not text[start].islower():
            continue
        old = found.get(start)
        if old is None or old.end < end:
            found[start] = _Cue(start, end, kind, word)
    return [found[k] for k in sorted(found)]


def _strip_aux(segment: str) -> str:
    words = segment.split()
    while words and words[-1].lower() in _AUX:
        words.pop()
    return " ".join(words)


_PRONOUNS = frozenset("he she they it we i".split())
_TITLES = frozenset(
    "president prime minister foreign defense defence interior secretary general gen gen. "
    "spokesman spokeswoman spokesperson ambassador envoy king queen prince sheikh emir "
    "chancellor senator sen sen. rep rep. representative governor gov gov. mayor chief "
    "commander colonel col col. lieutenant lt lt. major maj maj. captain capt capt. sergeant "
    "admiral deputy vice acting former supreme leader ayatollah mr mr. mrs mrs. ms ms. dr dr. "
    "prof prof. judge justice director chairman chairwoman head officer lord sir state "
    "affairs security national army military minister's spokesman's".split()
)
_INTRO_STOP = frozenset(
    "in on at during after before earlier later also meanwhile then but and however still yet "
    "on friday".split()
)
_HEADS = (
    "official officials spokesman spokeswoman spokesperson minister ministry source sources "
    "statement diplomat diplomats commander analyst analysts expert experts lawmaker lawmakers "
    "senator witness witnesses resident residents activist activists leader leaders president "
    "envoy ambassador representative agency army military government authorities police group "
    "monitor observatory report officer officers doctor doctors medic medics journalist "
    "correspondent aide aides adviser advisers advisor negotiator mediator prosecutor judge "
    "court council committee campaigners critics supporters opponents protesters survivor "
    "survivors man woman people spokesmen media outlet agency's groups organizations "
    "organisations agencies charities ministries regime regimes junta administration "
    "cabinet presidency embassy kremlin pentagon"
).split()
_HEAD_SET = frozenset(_HEADS)
_DETERMINERS = frozenset(
    "the a an another one two three several some other its his her their".split()
)
_SENT_PUNCT_RE = re.compile(r"[.!?]\s|[.!?]$|\n\s*\n")


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
        return {
            "start": self.start,
            "end": self.end,
            "inner_start": self.inner_start,
            "inner_end": self.inner_end,
            "kind": self.kind,
            "speaker": self.speaker,
            "mark": self.mark,
            "continued": self.continued,
            "nested": self.nested,
        }


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
        return {
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "cue": self.cue,
            "cue_start": self.cue_start,
            "cue_end": self.cue_end,
            "factive": self.factive,
        }


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

    @property
    def speakers(self) -> list[str]:
        """Distinct named speakers, in order of first appearance."""
        seen: dict[str, None] = {}
        found = [(q.start, q.speaker) for q in self.quotes]
        found += [(a.start, a.speaker) for a in self.attributions]
        for _, speaker in sorted(found, key=lambda x: x[0]):
            if speaker and speaker.lower() not in _PRONOUNS:
                seen.setdefault(speaker, None)
        return list(seen)


# --- quotes ---------------------------------------------------------------------------------

_DQ_RE = re.compile(r"[\"“”„«»]")
_SQ_RE = re.compile(r"['‘’]")
_OPEN_CONTEXT = set(" \t\n\r([{—–-/\u00a0")


def _role(text: str, i: int) -> str:
    c = text[i]
    if c in "“„«":
        return "open"
    if c in "”»":
        return "close"
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev in _OPEN_CONTEXT and not nxt.isspace():
        return "open"
    if not prev.isspace() and (nxt.isspace() or not nxt.isalnum()):
        return "close"
    return "toggle"


def _double_quotes(doc: Document) -> list[tuple[int, int, bool]]:
    """(open index, end index after the closing mark, continued across paragraphs)."""
    text = doc.text
    out: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    last_para = 0
    continued = False
    for m in _DQ_RE.finditer(text):
        i = m.start()
        role = _role(text, i)
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
            elif text[i] == '"':
                out.append((open_at, i + 1, continued))
                open_at = None
        elif open_at is not None:
            out.append((open_at, i + 1, continued))
            open_at = None
    if open_at is not None and doc.paragraphs:
        out.append((open_at, doc.paragraphs[last_para].end, continued))
    return out


def _single_quotes(doc: Document) -> list[tuple[int, int]]:
    text = doc.text
    out: list[tuple[int, int]] = []
    pending: int | None = None
    pending_para = -1
    for m in _SQ_RE.finditer(text):
        i = m.start()
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


# --- speakers -------------------------------------------------------------------------------


def _canonical(phrase: str) -> str:
    """A speaker's name from the phrase naming them: titles and possessors dropped."""
    words = phrase.strip(" ,").split()
    if not words:
        return phrase
    for k, w in enumerate(words[:-1]):
        if w.lower() in _HEAD_SET and words[k + 1].lower() in ("for", "of", "at", "to", "from"):
            return " ".join(words)
    cut = -1
    for k, w in enumerate(words):
        low = w.lower().rstrip(",")
        if (
            low in _TITLES
            or w.endswith(("’s", "'s"))
            or not (
                w[:1].isupper() or low.startswith(("al-", "el-", "bin", "ibn", "de", "van", "von"))
            )
        ):
            cut = k
    name = words[cut + 1 :]
    if not name:
        return " ".join(words)
    return " ".join(name)


def _np_before(segment: str) -> str | None:
    """The noun phrase that ends `segment` (a subject before a speech verb), or None."""
    segment = _strip_aux(segment)
    if not segment:
        return None
    parts = [p.strip() for p in segment.rsplit(",", 3)]
    # "A senior official, speaking anonymously to Reuters, confirmed": skip the parenthetical.
    while len(parts) > 1 and (
        not parts[-1]
        or (parts[-1].split()[0].islower() and parts[-1].split()[0] not in _DETERMINERS)
    ):
        parts.pop()
    last = parts[-1] if parts else ""
    words = last.split()
    if not words:
        return None
    head = words[-1].lower().strip("’'")
    if head in _PRONOUNS:
        return words[-1]
    if not (words[-1][:1].isupper() or head in _HEAD_SET or words[-1].startswith(("al-", "el-"))):
        # "The inquiry", "a local monitoring group": a determiner and up to three lowercase words
        for k in range(len(words) - 1, max(-1, len(words) - 5), -1):
            if words[k].lower() in _DETERMINERS:
                if all(w.isalpha() and w.islower() for w in words[k + 1 :]):
                    return " ".join(words[k:])
                break
        return None
    # Walk back over the noun phrase: capitalised words, determiners, adjectives of a descriptor.
    k = len(words) - 1
    while k > 0:
        w = words[k - 1]
        low = w.lower()
        if low in _INTRO_STOP and w[:1].isupper() and k - 1 == 0:
            break
        if (
            w[:1].isupper()
            or low in _DETERMINERS
            or (head in _HEAD_SET and w.isalpha())
            or low.startswith(("al-", "el-", "bin"))
        ):
            k -= 1
            if low in _DETERMINERS:
                break
        else:
            break
    # "a spokesman for the Northern Front": take in the head noun the name depends on.
    if (
        k >= 2
        and words[k - 1].lower() in ("for", "of", "at", "from")
        and words[k - 2].lower() in _HEAD_SET
    ):
        k -= 2
        while k > 0 and (
            words[k - 1].lower() in _DETERMINERS
            or words[k - 1][:1].isupper()
            or (
                words[k - 1].isalpha()
                and words[k - 1].islower()
                and words[k - 1].lower() not in _STOP_AFTER
                and k - 1 >= len(words) - 12
            )
        ):
            k -= 1
            if words[k].lower() in _DETERMINERS:
                break
    np = " ".join(words[k:])
    if words[k].lower() in _INTRO_STOP and len(words) - k > 1:
        np = " ".join(words[k + 1 :])
    return np or None


_STOP_AFTER = frozenset(
    "on in at during after before following when while who which that to from about as with "
    "late early earlier later yesterday today".split()
)


def _np_after(text: str) -> str | None:
    """The noun phrase right after a verb (``said the minister, ...``)."""
    words: list[str] = []
    for w in re.findall(r"[\w’'.\-]+|[,;:.!?“”\"]", text[:160]):
        if w in ',;:.!?“”"' or (w.lower() in _STOP_AFTER and words):
            break
        words.append(w)
        if len(words) >= 9:
            break
    if not words:
        return None
    last = words[-1]
    if last.endswith(".") and not re.fullmatch(r"(?:[A-Za-z]\.)+", last):
        words[-1] = last = last.rstrip(".")
    if not (
        last[:1].isupper()
        or last.lower() in _HEAD_SET
        or last.lower() in _PRONOUNS
        or (words[0].lower() in _DETERMINERS and len(words) <= 5)
    ):
        return None
    return " ".join(words)


class _Speakers:
    """Resolves pronouns to the latest speaker and surnames to full names seen before."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.last: str | None = None
        self.last_pos = -1

    def note(self, pos: int, name: str | None) -> None:
        """Record that `name` spoke at `pos` (the latest position wins)."""
        if name and pos >= self.last_pos:
            self.last, self.last_pos = name, pos

    def resolve(self, phrase: str | None, pos: int = -1) -> str | None:
        if not phrase:
            return None
        if phrase.lower() in _PRONOUNS:
            return self.last
        name = _canonical(phrase)
        if name[:1].isupper() and " " not in name:
            for full in reversed(self.names):
                if full.endswith(" " + name):
                    name = full
                    break
        if name[:1].isupper():
            self.names.append(name)
        self.note(pos, name)
        return name


def _clause_start(text: str, floor: int, pos: int) -> int:
    """Start of the sentence-like stretch ending at `pos` (after the last . ! ? or paragraph)."""
    best = floor
    for m in _SENT_PUNCT_RE.finditer(text, floor, pos):
        best = m.end()
    return best


class _Cues:
    """The cues of one document with range lookup."""

    def __init__(self, text: str, low: str) -> None:
        self.items = _find_cues(text, low)
        self.starts = [c.start for c in self.items]

    def between(self, lo: int, hi: int) -> list[_Cue]:
        i = bisect_left(self.starts, lo)
        j = bisect_left(self.starts, hi)
        return self.items[i:j]


def _after_quote(
    text: str, cues: _Cues, end: int, limit: int
) -> tuple[str | None, int, int] | None:
    """Speaker phrase and verb span in ``", Araghchi stated`` / ``," said X`` after a quote."""
    window = text[end:limit]
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
        phrase = last if last.lower() in _PRONOUNS else _np_before(pre)
    else:
        phrase = _np_after(text[v.end : window_end].lstrip())
    if phrase is None:
        return None
    return phrase, v.start, v.end


def _before_quote(
    text: str, cues: _Cues, floor: int, start: int
) -> tuple[str | None, int, int] | None:
    """Speaker in ``He told Reuters: "...`` or ``According to X, "...`` before a quote."""
    stripped = text[floor:start].rstrip()
    if (not stripped or stripped[-1] not in ":,") and not _ENDS_WITH_CUE_RE.search(stripped):
        return None
    found = cues.between(floor, start)
    acc = [c for c in found if c.kind == _ACCORDING]
    if acc:
        phrase = _np_after(text[acc[-1].end : start].lstrip())
        if phrase:
            return phrase, acc[-1].start, acc[-1].end
    verbs = [c for c in found if c.kind == _VERB]
    if not verbs:
        return None
    v = verbs[-1]
    if len(text[v.end : start].split()) > 7:
        return None
    phrase = _np_before(text[floor : v.start])
    if phrase is None:
        return None
    return phrase, v.start, v.end


_THAT_RE = re.compile(r"\s+that\b")
_AFTER_STOP_RE = re.compile(r"[.!?;“\"‘]|\n")
_ENDS_WITH_CUE_RE = re.compile(r"\b(?:that|said|says)\s*$")


# --- reported speech ------------------------------------------------------------------------

_CONTENT_START_RE = re.compile(
    r"^\s*(?:(?:to\s+)?(?:reporters|journalists|Reuters|AFP|AP|the\s+BBC|[A-Z][\w.]+|him|her|them|"
    r"us|me)\s+)?(?:(?:on|in|at|late|early|last|this|during)\s+[\w’'\- ]{1,40}?\s+)?that\b|"
    r"^\s*:",
)
#: After a speech verb, a word that cannot open the reported clause (a preposition, "to" ...).
_NOT_CLAUSE_RE = re.compile(
    r"^\s*(?:[,.;:!?)\]]|$|(?:to|for|by|with|of|in|on|at|about|during|after|before|from|into|"
    r"over|against|so|goodbye|nothing|little|much|more|yes|no)\b)",
    re.I,
)


def _reported(
    doc: Document,
    sentence: Span,
    in_quote: list[Span],
    consumed: set[int],
    speakers: _Speakers,
    quote_speakers: list[tuple[int, str]],
    cues: list[_Cue],
) -> list[Attribution]:
    text = doc.text
    s0, s1 = sentence
    body_end = s1
    while body_end > s0 and text[body_end - 1] in ".!?”\"’' ":
        body_end -= 1

    def quoted(pos: int) -> bool:
        return any(a <= pos < b for a, b in in_quote)

    out: list[Attribution] = []
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
        phrase = _np_after(rest.lstrip())
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
        factive = verb in _FACTIVE
        # a subject is short: look at most _SUBJECT_WINDOW characters back
        before = text[max(s0, v0 - _SUBJECT_WINDOW) : v0]
        after = text[v1:body_end]
        last_comma = text.rfind(",", s0, v0)
        # "..., the ministry said." : content before the comma, speaker between comma and verb.
        if last_comma != -1 and len(after.split()) <= 6 and "that" not in after.split():
            between = text[last_comma + 1 : v0]
            phrase = _np_before(between) or (
                _np_after(after.lstrip()) if not between.strip() else None
            )
            if phrase is not None:
                speaker = speakers.resolve(phrase, v0)
                out.append(Attribution(s0, last_comma, speaker, verb, v0, v1, factive))
                break
        phrase = _np_before(before)
        if phrase is None:
            continue
        cm = _CONTENT_START_RE.match(after)
        if cm is not None:
            c0 = v1 + cm.end()
        elif verb in _BARE_CLAUSE and not _NOT_CLAUSE_RE.match(after):
            c0 = v1
        else:
            continue
        speaker = speakers.resolve(phrase, v0)
        if text[c0:body_end].strip():
            out.append(Attribution(c0, body_end, speaker, verb, v0, v1, factive))
        break
    # "..., adding that ..." : the latest speaker of this sentence goes on speaking.
    for cue in cues:
        p0 = cue.start
        if cue.kind != _PARTICIPLE or quoted(p0) or any(a.start <= p0 < a.end for a in out):
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
    for start, end, continued in _double_quotes(doc):
        inner_end = end - 1 if text[end - 1] in '"”»' else end
        if count_words(text[start + 1 : inner_end]):
            raw.append(_RawQuote(start, end, start + 1, inner_end, "double", continued))
    doubles = list(raw)
    for a, b in _single_quotes(doc):
        if count_words(text[a + 1 : b - 1]):
            nested = any(q.start < a and b <= q.end for q in doubles)
            raw.append(_RawQuote(a, b, a + 1, b - 1, "single", nested=nested))
    raw.sort(key=lambda q: q.start)
    return raw


def _quote_speaker(
    doc: Document,
    cues: _Cues,
    q: _RawQuote,
    previous_end: int,
    speakers: _Speakers,
    consumed: set[int],
) -> str | None:
    text = doc.text
    last_para = (
        doc.paragraphs[doc.paragraph_index(q.end - 1)] if doc.paragraphs else Span(0, len(text))
    )
    found = _after_quote(text, cues, q.end, last_para.end)
    if found is None:
        first_para = (
            doc.paragraphs[doc.paragraph_index(q.start)] if doc.paragraphs else Span(0, len(text))
        )
        floor = max(first_para.start, previous_end)
        found = _before_quote(text, cues, _clause_start(text, floor, q.start), q.start)
    if found is None:
        return None
    phrase, v0, _v1 = found
    consumed.add(v0)
    return speakers.resolve(phrase, q.end)


def find_voices(doc: Document) -> VoiceLayer:
    """Find quotes, their speakers and reported speech in `doc`, in one pass in reading order."""
    text = doc.text
    raw = _raw_quotes(doc)
    top = [q for q in raw if not q.nested]
    in_quote = [Span(q.inner_start, q.inner_end) for q in top]
    cues = _Cues(text, doc.normalized)
    speakers = _Speakers()
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
            if q.speaker is None and (
                prev[0] == p_idx or (opens_paragraph and prev[0] == p_idx - 1)
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
                _reported(doc, sentence, in_quote, consumed, speakers, quote_speakers, in_sentence)
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
            if host is not None and host.speaker:
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
