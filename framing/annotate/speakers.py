"""Speakers: the noun phrase that names who is speaking, and who a pronoun stands for.

Used by :mod:`framing.annotate.attribution` for the subject before a speech verb (``Iran's
Foreign Minister Abbas Araghchi has warned``), the noun phrase after it (``said the minister``),
asides and appositives (``Rep. Jerry Nadler, a Democrat from New York, said``), and by
:class:`Speakers`, which resolves pronouns to the latest speaker and surnames to full names.
A speaker is a person, an organization or a collective; never a time, a number, a possessive,
a place abbreviation, a party-and-state tag or a title alone.
"""

from __future__ import annotations

import functools
import re

from framing.lexicon.grammar import titles

__all__ = [
    "DETERMINERS",
    "HEAD_NOUNS",
    "PRONOUNS",
    "Speakers",
    "np_after",
    "np_before",
    "subject",
]

_AUX = frozenset(
    "has have had also previously later earlier again reportedly repeatedly publicly "
    "separately then once already would will".split()
)

#: Between a subject and its speech verb: "was quick to retort", "went on to say".
_VERB_CHAIN_RE = re.compile(
    r"\s+(?:(?:was|were|is|are|has been|had been)\s+(?:quick|eager|keen|careful|happy|swift|"
    r"(?:the\s+)?(?:first|last))|went\s+on|goes\s+on|took\s+to\s+\w+)\s+to\s*$"
)


def _strip_aux(segment: str) -> str:
    """`segment` without its trailing auxiliaries and adverbs ("has also"), untrimmed."""
    if segment.endswith("to ") or segment.endswith("to"):
        chain = _VERB_CHAIN_RE.search(segment)
        if chain is not None:
            segment = segment[: chain.start()]
    while True:
        head_last = segment.rsplit(None, 1)
        if not head_last:
            return ""
        if head_last[-1].lower() not in _AUX:
            return segment
        segment = head_last[0] if len(head_last) == 2 else ""


PRONOUNS = frozenset("he she they it we i".split())
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
HEAD_NOUNS = frozenset(_HEADS)
DETERMINERS = frozenset(
    "the a an another one two three several some other its his her their".split()
)


@functools.lru_cache(maxsize=4096)
def _canonical(phrase: str) -> str:
    """A speaker's name from the phrase naming them: titles and possessors dropped."""
    phrase = _without_party_tags(phrase)
    words = phrase.strip(" ,").split()
    if not words:
        return phrase
    for k, w in enumerate(words[:-1]):
        if w.lower() in HEAD_NOUNS and words[k + 1].lower() in ("for", "of", "at", "to", "from"):
            return " ".join(words)
        if (
            k
            and words[k + 1].lower() in ("of", "from")
            and w[:1].isupper()
            and words[k - 1][:1].isupper()
        ):
            words = words[: k + 1]  # "Bernie Sanders of Vermont": the name, not the place
            break
    cut = -1
    speaker_titles = titles()  # titles and words of an office's description
    for k, w in enumerate(words):
        low = w.lower().rstrip(",")
        if (
            low.rstrip(".") in speaker_titles
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


def np_before(segment: str) -> str | None:
    """The noun phrase that ends `segment` (a subject before a speech verb), or None."""
    segment = _strip_aux(segment)
    if not segment:
        return None
    parts = [p.strip() for p in segment.rsplit(",", 3)]
    # "A senior official, speaking anonymously to Reuters, confirmed": skip the parenthetical.
    while len(parts) > 1 and (
        not parts[-1]
        or (parts[-1].split()[0].islower() and parts[-1].split()[0] not in DETERMINERS)
    ):
        parts.pop()
    last = parts[-1] if parts else ""
    words = last.split()
    if not words:
        return None
    head = words[-1].lower().strip("’'")
    if head in PRONOUNS:
        return words[-1]
    if head in _NOT_SUBJECT_END:
        return None  # "killed during the siege and called ...": a clause, not a subject
    if not (words[-1][:1].isupper() or head in HEAD_NOUNS or words[-1].startswith(("al-", "el-"))):
        # "The inquiry", "a local monitoring group": a determiner and up to three lowercase words
        for k in range(len(words) - 1, max(-1, len(words) - 5), -1):
            if words[k].lower() in DETERMINERS:
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
            or low in DETERMINERS
            or (head in HEAD_NOUNS and w.isalpha())
            or low.startswith(("al-", "el-", "bin"))
        ):
            k -= 1
            if low in DETERMINERS:
                break
        else:
            break
    # "a spokesman for the Northern Front": take in the head noun the name depends on.
    if (
        k >= 2
        and words[k - 1].lower() in ("for", "of", "at", "from")
        and words[k - 2].lower() in HEAD_NOUNS
    ):
        k -= 2
        while k > 0 and (
            words[k - 1].lower() in DETERMINERS
            or words[k - 1][:1].isupper()
            or (
                words[k - 1].isalpha()
                and words[k - 1].islower()
                and words[k - 1].lower() not in _STOP_AFTER
                and k - 1 >= len(words) - 12
            )
        ):
            k -= 1
            if words[k].lower() in DETERMINERS:
                break
    np = " ".join(words[k:])
    if words[k].lower() in _INTRO_STOP and len(words) - k > 1:
        np = " ".join(words[k + 1 :])
    return np or None


_STOP_AFTER = frozenset(
    "on in at during after before following when while who which that to from about as with "
    "late early earlier later yesterday today".split()
)


_ASIDE_RE = re.compile(r"\s*(?:\([^()]{1,120}\)|[—–]\s[^—–]{1,120}\s[—–])\s*")
#: A party-and-state tag: "(R-Ky.)", "D-Calif.".
_PARTY_TAG_RE = re.compile(r",?\s*\(?\b[RDI]-[A-Z][A-Za-z.]*\.?\)?")
#: "Jerry Nadler, a Democrat from New York, said": the appositive closing the subject.
_APPOSITIVE_RE = re.compile(
    r"(?<=[A-Za-z.’'])\s*,\s*(?:"
    r"(?:a|an|the|who|whose|which|[a-z]+(?:’s|'s))\s[^,]{1,120}"  # ", a Democrat from Ohio,"
    # ", 59, of Ashton, Md.,"
    r"|(?:\d{1,3}\s*,\s*)?(?:of|from)\s+[A-Z][^,]{0,60}(?:,\s*[A-Z][A-Za-z.]{1,12})?"
    r"|\d{1,3}"  # ", 59,"
    r"),\s*$"
)


def _without_party_tags(text: str) -> str:
    """`text` without party-and-state tags (a cheap test first: most text has none)."""
    if "R-" in text or "D-" in text or "I-" in text:
        return _PARTY_TAG_RE.sub("", text)
    return text


_SUBJECT_OPENERS = frozenset("and but so yet or still also".split())
#: Words that end a clause, not a subject: a subject before a speech verb never ends with them.
_NOT_SUBJECT_END = frozenset(
    "is was are were be been being has have had do does did not n't to of for with in on at by "
    "and or but than as if because when while after before".split()
)


def subject(segment: str, *, lenient: bool = True) -> str | None:
    """The subject before a speech verb (``X said ...``): a noun phrase, with any aside in
    parentheses or between dashes taken out (``Joyce — a lawyer — told``), or else a short
    lowercase collective (``those surveyed say``, ``Iowa biofuels advocates say``)."""
    if "(" in segment or "—" in segment or "–" in segment:
        segment = _ASIDE_RE.sub(" ", segment)
    segment = _without_party_tags(segment)
    if segment.rstrip().endswith(","):
        appositive = _APPOSITIVE_RE.search(segment, max(0, len(segment) - 130))
        if appositive is not None:
            segment = segment[: appositive.start()] + " "
    phrase = np_before(segment)
    if phrase is not None or not lenient:
        return phrase
    stretch = _strip_aux(segment).rsplit(",", 1)[-1].split()
    while stretch and stretch[0].lower() in _SUBJECT_OPENERS:
        stretch = stretch[1:]
    if not 2 <= len(stretch) <= 5 or stretch[-1].lower() in _NOT_SUBJECT_END:
        return None
    if not all(w.replace("’", "'").replace("'", "").replace("-", "").isalnum() for w in stretch):
        return None
    return " ".join(stretch)


_FINITE = frozenset(
    "is was are were will would has have had could should can may might must did does do".split()
)


def np_after(text: str) -> str | None:
    """The noun phrase right after a verb (``said the minister, ...``)."""
    words: list[str] = []
    for w in re.findall(r"[\w’'.\-]+|[,;:.!?“”\"]", text[:160]):
        if w in ',;:.!?“”"' or (w.lower() in _STOP_AFTER and words):
            break
        words.append(w)
        if len(words) >= 9:
            break
    if not words or any(w.lower() in _FINITE for w in words):
        return None  # "..., said the bill was a sham": a clause, not a speaker
    last = words[-1]
    if last.endswith(".") and not re.fullmatch(r"(?:[A-Za-z]\.)+", last):
        words[-1] = last = last.rstrip(".")
    if not (
        last[:1].isupper()
        or last.lower() in HEAD_NOUNS
        or last.lower() in PRONOUNS
        or (words[0].lower() in DETERMINERS and len(words) <= 5)
    ):
        return None
    return " ".join(words)


#: Words that open a clause before its subject: "Although Trump", "When Clinton".
_CLAUSE_OPENERS = frozenset(
    "although though when while whereas if since because after before as once unless until "
    "however meanwhile still yet but and so recently also then now later earlier".split()
)
#: Never a speaker on their own: times, numbers, possessives, determiners, modals.
_NOT_A_SPEAKER = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight january "
    "february march april june july august september october november december one two three "
    "four five six seven eight nine ten his her their its our my your the a an this that these "
    "those some many most all both each either neither none another other others".split()
)
_MODALS = frozenset("should would could can will might must".split())
_NOT_A_SPEAKER |= _MODALS


@functools.lru_cache(maxsize=4096)
def _speaker_name(name: str) -> str | None:
    """`name` as a speaker, or None when it cannot be one.

    A clause opener comes off ("Although Trump" is Trump); a time, a number, a possessive, a
    determiner or a modal is never a speaker ("Wednesday", "three", "his", "I should"), nor is
    a bare place abbreviation ("Va.") or a title alone ("Sen")."""
    words = name.split()
    while len(words) > 1 and words[0].lower() in _CLAUSE_OPENERS:
        words = words[1:]
    last = words[-1].strip(".,") if words else ""
    if not words or (last.lower() in _NOT_A_SPEAKER and (last.islower() or len(words) == 1)):
        return None  # "Theresa May" is a name; "may", "his", "Wednesday" are not
    if len(words) == 1:
        low = words[0].lower().strip(".,")
        if (
            low in _CLAUSE_OPENERS
            or low in titles()
            or re.fullmatch(r"[A-Z][a-z]{0,4}\.", words[0])
        ):
            return None
    if len(words) > 1 and any(w.lower().split("’")[0].split("'")[0] in PRONOUNS for w in words):
        return None  # "he’s heralded", "That much she no": a clause fragment, not a name
    if any(w in _MODALS for w in words):  # lowercase only: "Will" may be a name
        return None
    return " ".join(words)


class Speakers:
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
        first, *rest = phrase.split()
        if first.lower() in PRONOUNS and all(w.islower() for w in rest):
            return self.last  # "he", "He apparently", "she has also"
        name = _speaker_name(_canonical(phrase))
        if name is None:
            return None
        if name[:1].isupper() and " " not in name:
            for full in reversed(self.names):
                if full.endswith(" " + name):
                    name = full
                    break
        if name[:1].isupper():
            self.names.append(name)
        self.note(pos, name)
        return name
