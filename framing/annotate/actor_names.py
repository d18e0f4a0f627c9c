"""Names of actors in a text, and the keys that identify actors across documents.

The first half of actor analysis (see :mod:`framing.annotate.actors` for the labels): a gazetteer of
well-known actors (``framing/data/actors.tsv``), runs of capitalised words, acronyms defined in
the text, surnames and place adjectives, and :func:`actor_key`, which depends on a name alone so
that documents can be merged without shared state. Word classes come from the Brill lexicon that
ships with TextBlob, read from the installed package without importing it (or NLTK).
"""

from __future__ import annotations

import functools
import itertools
import re
from bisect import bisect_right
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from importlib.resources import files
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

import ahocorasick

from framing.document import WORD_RE
from framing.errors import LexiconError
from framing.lexicon.grammar import name_words, titles
from framing.lexicon.normalize import normalize_chars
from framing.lexicon.textblob_data import textblob_file

if TYPE_CHECKING:
    from framing.analysis import Analysis, Match

__all__ = [
    "CALL_VERBS",
    "COPULA",
    "COPULA_VERBS",
    "NEGATION",
    "RELATIVE",
    "Name",
    "actor_key",
    "demonym_stems",
    "find_names",
    "gazetteer",
    "in_name",
    "known_names",
    "norm_name",
    "unparticle",
    "word_class",
]


# --- names and keys ----------------------------------------------------------------------------

_DOT_ACRONYM = re.compile(r"\b((?:[a-z]\.){2,})")
_TRIM = " \t\n,.;:!?\"'()[]{}"


def norm_name(name: str) -> str:
    """Lowercase, hyphens and apostrophes normalized, dotted acronyms joined, 'the' and 's off."""
    n = normalize_chars(name)
    n = _DOT_ACRONYM.sub(lambda m: m.group(1).replace(".", ""), n)
    n = " ".join(n.strip(_TRIM).split())
    if n.endswith("'s"):
        n = n[:-2].rstrip()
    elif n.endswith("s'"):
        n = n[:-1]
    if n.startswith("the "):
        n = n[4:]
    return n


def unparticle(n: str) -> str:
    words = n.split()
    particles = name_words("particle")
    return " ".join(w for i, w in enumerate(words) if i == 0 or w not in particles)


class Known(NamedTuple):
    key: str
    type: str
    display: str
    affiliation: str | None


@dataclass(frozen=True)
class Gazetteer:
    known: Mapping[str, Known]
    lookup: Mapping[str, tuple[str, str]]  # normalized alias -> (key, role)
    automaton: Any  # over normalize_chars(alias): (length, key, role, alias)


def _gazetteer_rows() -> list[list[str]]:
    text = files("framing").joinpath("data", "actors.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return [row + [""] * (7 - len(row)) for row in rows[1:]]


@functools.cache
def gazetteer() -> Gazetteer:
    known: dict[str, Known] = {}
    lookup: dict[str, tuple[str, str]] = {}
    automaton = ahocorasick.Automaton()
    for key, kind, display, names, adjectives, metonyms, affiliation in _gazetteer_rows():
        known[key] = Known(key, kind, display, affiliation.strip() or None)
        for role, column in (("name", names), ("adjective", adjectives), ("metonym", metonyms)):
            for alias in (a.strip() for a in column.split(";")):
                if not alias:
                    continue
                for form in (norm_name(alias), unparticle(norm_name(alias))):
                    lookup.setdefault(form, (key, role))
                pattern = " ".join(normalize_chars(alias).split())
                old = automaton.get(pattern, None)
                if old is None or sum(c.isupper() for c in alias) < sum(
                    c.isupper() for c in old[3]
                ):
                    automaton.add_word(pattern, (len(pattern), key, role, alias))
        lookup.setdefault(key, (key, "name"))
    automaton.make_automaton()
    return Gazetteer(MappingProxyType(known), MappingProxyType(lookup), automaton)


def _name_titles() -> frozenset[str]:
    """The titles stripped from actor names: role ``title`` of ``lexicon/grammar/titles.tsv``.

    Not the ``office`` words (``state``, ``national``, ``army``): they open organisation names
    ("State Department", "National Coalition", "Army of Islam") as often as an office's title.
    """
    return titles("title")


def _strip_titles(n: str) -> tuple[str, bool]:
    words = n.split()
    name_titles = _name_titles()
    titled = False
    gaz = gazetteer().lookup
    if len(words) > 2 and gaz.get(words[0], ("", ""))[1] == "adjective" and words[1] in name_titles:
        words = words[1:]
    while len(words) > 1 and words[0].rstrip(".") in name_titles:
        words = words[1:]
        titled = True
    return " ".join(words), titled


def actor_key(name: str) -> str:
    """The canonical key of an actor's name, the same in every document.

    Titles, "the", possessives, hyphens, dots in acronyms and Arabic article particles inside a
    name do not matter; known actors map to one key whatever alias is used, and capitals and
    adjectives map to their state:

    >>> actor_key("Hayat Tahrir-al-Sham"), actor_key("HTS"), actor_key("President Assad")
    ('hts', 'hts', 'bashar al-assad')
    >>> actor_key("Damascus"), actor_key("Syrian"), actor_key("the Northern Valley Front")
    ('syria', 'syria', 'northern valley front')
    """
    n = norm_name(name)
    gaz = gazetteer().lookup
    hit = gaz.get(n) or gaz.get(unparticle(n))
    if hit:
        return hit[0]
    stripped, _ = _strip_titles(n)
    hit = gaz.get(stripped) or gaz.get(unparticle(stripped))
    return hit[0] if hit else unparticle(stripped)


# --- the Brill lexicon of TextBlob, for word classes ------------------------------------------


@functools.cache
def _brill() -> Mapping[str, str]:
    """Word -> most frequent part-of-speech tag (Brill's lexicon as shipped with TextBlob)."""
    path = textblob_file("en-lexicon.txt")
    out: dict[str, str] = {}
    try:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if not line.startswith(";;;"):
                    parts = line.split(None, 2)
                    if len(parts) >= 2:
                        out.setdefault(parts[0], parts[1])
    except OSError as exc:
        raise LexiconError(f"cannot read {path}: {exc.strerror}; reinstall textblob") from None
    return MappingProxyType(out)


COPULA_VERBS = frozenset(
    "is are was were be been being remains remain remained became become becomes".split()
)
COPULA = COPULA_VERBS | frozenset(
    "has have had still also now widely often long considered regarded seen designated "
    "described labelled labeled branded listed known called dubbed named viewed as".split()
)
CALL_VERBS = frozenset(
    "call calls called calling label labels labelled labeled labelling labeling brand brands "
    "branded branding describe describes described describing designate designates designated "
    "designating consider considers considered deem deems deemed regard regards regarded "
    "dub dubs dubbed".split()
)
NEGATION = frozenset("not never no n't longer".split())
RELATIVE = frozenset("which who that".split())
_BOUNDARY_WORDS = COPULA | CALL_VERBS | RELATIVE | NEGATION | {"and", "or", "but"}


def word_class(word: str) -> str:
    """``D`` determiner, ``M`` premodifier, ``N`` noun, ``V`` verb form, ``B`` other."""
    low = word.lower()
    if low in _BOUNDARY_WORDS:
        return "B"
    brill = _brill()
    tag = brill.get(word) or brill.get(low)
    if low.startswith(("pro-", "anti-")):
        return "M"
    if tag is None and "-" in word.strip("-"):
        cls = word_class(word.strip("-").rsplit("-", 1)[1])  # "US-backed" is a verb form
        return "N" if cls in ("B", "D") else cls
    if tag is None:
        if word[:1].isupper():
            tag = "NNP"
        elif low.endswith("ed"):
            tag = "VBN"
        elif low.endswith("ing"):
            tag = "VBG"
        elif low.endswith("ly"):
            tag = "RB"
        else:
            tag = "NN"
    if low == "that":
        return "B"
    if tag in ("DT", "PDT", "PRP$", "WP$"):
        return "D"
    if tag in ("JJ", "JJR", "JJS", "CD"):
        return "M"
    if tag in ("VBN", "VBG", "VBD"):
        return "V"
    if tag.startswith("NN") or tag == "FW":
        return "N"
    return "B"


# --- names in a text ---------------------------------------------------------------------------


@dataclass(slots=True)
class Name:
    start: int
    end: int
    text: str
    key: str
    type: str  # state | person | group | org | other
    role: str = "name"  # name | adjective | metonym
    lead: int = -1  # start of the run before titles were stripped
    known: bool = False  # from the gazetteer


def _case_ok(alias: str, surface: str) -> bool:
    """Capitalised words of the alias are capitalised in the text; acronyms match exactly."""
    a_words = normalize_chars(alias, lower=False).split()
    s_words = normalize_chars(surface, lower=False).split()
    if len(a_words) != len(s_words):
        return False
    for a, s in zip(a_words, s_words, strict=True):
        bare = a.replace(".", "")
        if len(bare) >= 2 and bare.isupper():
            if s.replace(".", "") != bare:
                return False
        elif a[:1].isupper() and not s[:1].isupper():
            return False
    return True


def known_names(text: str, low: str) -> list[Name]:
    """Gazetteer aliases in the text, longest first, not overlapping."""
    gaz = gazetteer()
    found: list[tuple[int, int, str, str]] = []
    n = len(low)
    for last, (length, key, role, alias) in gaz.automaton.iter(low):
        start, end = last - length + 1, last + 1
        if (start and low[start - 1].isalnum()) or (end < n and low[end].isalnum()):
            continue
        if _case_ok(alias, text[start:end]):
            found.append((start, end, key, role))
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    out: list[Name] = []
    for start, end, key, role in found:
        if out and start < out[-1].end:
            continue
        kind = gaz.known[key].type
        out.append(Name(start, end, text[start:end], key, kind, role, start, True))
    return out


def _is_cap(word: str) -> bool:
    return word[:1].isupper() or (word[:3].lower() in ("al-", "el-") and word[3:4].isupper())


def _common(word: str) -> bool:
    """A word the Brill lexicon knows in lowercase (so a capital may only open a sentence)."""
    tag = _brill().get(word.lower())
    return tag is not None and not tag.startswith("NNP")


_CLOSED_TAGS = frozenset("DT IN CC PRP PRP$ RB WDT WP WRB MD CD EX PDT TO UH".split())


def _droppable(word: str, first: bool, covered: bool) -> tuple[bool, bool]:
    """(drop this word from a name's edge, it is a title)."""
    low = word.lower().rstrip(".")
    if low in _name_titles():
        return True, True
    tag = _brill().get(low)
    date = low in name_words("date")
    drop = covered or date or (tag in _CLOSED_TAGS) or (first and _common(word))
    return drop, False


def in_name(match: Match, openings: Collection[int]) -> bool:
    """A lowercase lexicon term written with a capital inside a sentence is part of a name
    ("Sham" in "Fatah al-Sham"), not the word itself."""
    return (
        match.text[:1].isupper()
        and match.term[:1].islower()
        and match.start not in openings
        and not match.text.isupper()
    )


def _run_names(analysis: Analysis, claimed: list[Name]) -> list[Name]:
    """Runs of capitalised words that are not gazetteer names, trimmed of titles and the like."""
    doc = analysis.document
    text = doc.text
    spans = [(n.start, n.end) for n in claimed]
    openings = doc.sentence_openings
    matched = sorted((m.start, m.end) for m in analysis.matches if not in_name(m, openings))
    speakers = [s for s in analysis.voices.speakers if s[:1].isupper()]
    connectors = name_words("connector")

    def inside(start: int, end: int, among: list[tuple[int, int]]) -> bool:
        """Whether [start, end) overlaps one of `among` (sorted, not nested)."""
        i = bisect_right(among, (end, -1)) - 1
        while i >= 0 and among[i][1] > start - 200:
            if among[i][0] < end and start < among[i][1]:
                return True
            i -= 1
        return False

    out: list[Name] = []
    for s0, s1 in doc.sentences:
        words = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text, s0, s1)]
        caps = sum(1 for w in words if _is_cap(w[2]))
        ended = text[s0:s1].rstrip().endswith((".", "!", "?", '"', "”", "'", "’"))
        if len(words) >= 4 and caps >= 0.6 * len(words) and not ended:
            continue  # a headline in title case: only gazetteer names count there
        runs: list[list[_Word]] = []
        run: list[_Word] = []
        for i, (a, b, w) in enumerate(words):
            possessive = w.endswith(("'s", "’s")) and len(w) > 2
            if possessive:
                b, w = b - 2, w[:-2]
            gap = text[run[-1][1] : a] if run else " "
            if run and (gap.strip() or "\n" in gap):
                runs.append(run)
                run = []
            if inside(a, b, spans):
                if run:
                    runs.append(run)
                run = []
                continue
            nxt = words[i + 1][2] if i + 1 < len(words) else ""
            if _is_cap(w) or (run and w.lower() in connectors and _is_cap(nxt)):
                run.append((a, b, w, i))
            elif run:
                runs.append(run)
                run = []
            if possessive and run:
                runs.append(run)
                run = []
        if run:
            runs.append(run)
        for run in _split_at_titles(runs):
            name = _trimmed(text, s0, run, lambda a, b: inside(a, b, matched), speakers)
            if name is not None:
                out.append(name)
    return out


_Word = tuple[int, int, str, int]  # start, end, text, index in the sentence


def _split_at_titles(runs: list[list[_Word]]) -> list[list[_Word]]:
    """Split before titles: "Marovian Interior Minister X" -> "Marovian", "Interior Minister X"."""
    out = []
    name_titles = _name_titles()
    for run in runs:
        j = next(
            (
                j
                for j in range(1, len(run))
                if run[j][2].lower().rstrip(".") in name_titles
                and run[j - 1][2].lower().rstrip(".") not in name_titles
            ),
            0,
        )
        out += [run[:j], run[j:]] if j else [run]
    return out


def _trimmed(
    text: str,
    floor: int,
    run: list[_Word],
    matched: Callable[[int, int], bool],
    speakers: list[str],
) -> Name | None:
    """The name in a run of capitalised words, or None when nothing name-like is left."""
    lead = run[0][0]
    titled = False
    org = run[-1][2].lower() in name_words("org_head") and len(run) > 1
    while run:
        first = run[0][3] == 0 and not org
        drop, title = _droppable(run[0][2], first, matched(*run[0][:2]))
        if not drop:
            break
        titled = titled or title
        run = run[1:]
    while run and (
        run[-1][2].lower() in name_words("connector")
        or _droppable(run[-1][2], run[-1][3] == 0, matched(*run[-1][:2]))[0]
    ):
        run = run[:-1]
    if not run:
        return None
    a, b = run[0][0], run[-1][1]
    name = text[a:b]
    before = text[max(floor, a - 4) : a].lower()
    acronym = len(name) >= 2 and name.isupper()
    common = len(name) < 2 or (_common(name) and not before.endswith("the "))
    if len(run) == 1 and not acronym and common:
        return None
    kind = "other"
    last = name.split()[-1].lower()
    spoke = not before.endswith("the ") and any(
        s == name or s.endswith(" " + name) for s in speakers
    )
    if titled or spoke:
        kind = "person"
    elif last in name_words("org_head"):
        kind = "org" if last in ("ministry", "agency", "observatory") else "group"
    elif name.isupper() and 2 <= len(name) <= 8:
        kind = "group"
    return Name(a, b, name, actor_key(name), kind, "name", lead)


_DEMONYM_SUFFIXES = ("ian", "ean", "an", "ese", "ish", "i", "n")


def demonym_stems(word: str) -> list[str]:
    low = word.lower()
    out = []
    for suffix in _DEMONYM_SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            stem = low[: -len(suffix)]
            out += [stem, stem + "a", stem + "ia", stem + "y"]
    return out


def _link_names(text: str, names: list[Name]) -> None:
    """Acronyms defined in the text, surnames and place adjectives take their actor's key."""
    remap: dict[str, str] = {}
    for n1, n2 in itertools.pairwise(names):
        if text[n1.end : n2.start].strip() != "(" or text[n2.end : n2.end + 1] != ")":
            continue
        short, long = (n2, n1) if n2.text.isupper() else (n1, n2)
        if not (short.text.isupper() and " " in long.text):
            continue
        canonical = long.key if long.known else short.key
        remap[long.key if canonical == short.key else short.key] = canonical
        for n in (short, long):
            if n.type == "other":
                n.type = "group"
    for n in names:
        n.key = remap.get(n.key, n.key)
    multi = [n for n in names if " " in n.key and not n.known and n.type in ("person", "other")]
    singles = {n.key for n in names if " " not in n.key}
    for n in names:
        if n.known or " " in n.key:
            continue
        full = {m.key for m in multi if m.key.rsplit(" ", 1)[-1] == n.key}
        if len(full) == 1:
            n.key = full.pop()
            n.type = "person" if n.type == "other" else n.type
            continue
        if n.type == "other":
            stems = [s for s in demonym_stems(n.text) if s in singles and s != n.key]
            if stems:
                n.key, n.role = stems[0], "adjective"
    types: dict[str, str] = {}
    for n in names:
        if n.role == "adjective" and not n.known:
            types[n.key] = "state"
        elif n.type != "other":
            types.setdefault(n.key, n.type)
    for n in names:
        n.type = types.get(n.key, n.type)


_ROLE_RE = re.compile(
    r",\s+(?:a|an|the)?\s*(?:[\w'’-]+\s+){0,3}?(?:spokes\w+|commander|leader|official|member|"
    r"head|chief|envoy|ambassador|representative|founder|minister|adviser|advisor)\s+"
    r"(?:for|of|at|with|to)\s+(?:the\s+)?$"
)


def _affiliations(text: str, names: list[Name]) -> dict[str, str]:
    """Whom people speak for: "Iran's Foreign Minister X", "X, a spokeswoman for the NVF"."""
    out: dict[str, str] = {}
    gaz = gazetteer().known
    by_end = {n.end: n for n in names}
    by_start = {n.start: n for n in names}
    for n in names:
        if n.type != "person":
            continue
        if n.known and gaz[n.key].affiliation:
            out.setdefault(n.key, gaz[n.key].affiliation or "")
            continue
        gap = text[max(0, n.lead - 3) : n.lead]
        back = 3 if gap.endswith(("'s ", "’s ")) else 1 if gap.endswith(" ") else 0
        owner = by_end.get(n.lead - back) if back else None
        if owner is not None and owner.type != "person":
            out.setdefault(n.key, owner.key)
            continue
        window = text[n.end : n.end + 120]
        for m in by_start.values():
            if n.end < m.start <= n.end + 120 and m.type != "person":
                if _ROLE_RE.search(window[: m.start - n.end]):
                    out.setdefault(n.key, m.key)
                break
    return out


def find_names(analysis: Analysis) -> tuple[list[Name], dict[str, str]]:
    """Every actor name in the analysed text with its key and type, and people's affiliations."""
    doc = analysis.document
    known = known_names(doc.text, doc.normalized)
    names = sorted(known + _run_names(analysis, known), key=lambda n: n.start)
    _link_names(doc.text, names)
    return names, _affiliations(doc.text, names)
