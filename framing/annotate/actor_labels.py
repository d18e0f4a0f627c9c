"""Attaching lexicon labels to actors, one sentence at a time (see :mod:`framing.annotate.actors`).

Each sentence is cut into words, names and lexicon matches, then into noun phrases
((determiner) (premodifiers) nouns, a possessive opening the next phrase) with word classes from
the Brill lexicon. A label phrase without a name of its own is attached to a noun phrase before it
when a comma (appositive), a relative or participle clause (postmodifier), a copula or a verb of
calling (predicate) joins them, or to a named group after "of"/"from"; otherwise it refers to an
actor by its head: a recent armed group for "the rebels", a fixed unnamed key for other armed
labels, and the latest state named for "the regime".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from framing.annotate.actor_names import (
    CALL_VERBS,
    COPULA,
    COPULA_VERBS,
    RELATIVE,
    Name,
    find_names,
    in_name,
    word_class,
)
from framing.document import WORD_RE
from framing.lexicon.matcher import compile_matcher

if TYPE_CHECKING:
    from framing.analysis import Analysis
    from framing.lexicon.format import Lexicon

__all__ = [
    "LABEL_CATEGORIES",
    "STATE_PLACEHOLDER",
    "UNNAMED_ARMED",
    "UNNAMED_AUTHORITIES",
    "UNNAMED_FORCES",
    "Label",
    "LabelFinder",
]

#: Lexicon categories whose matches can label an actor.
LABEL_CATEGORIES = frozenset(
    "armed_actor_label identity_marker sponsorship legitimacy name_calling partisan_label "
    "emotive".split()
)
UNNAMED_ARMED = "unnamed armed groups"
UNNAMED_FORCES = "unnamed forces"
UNNAMED_AUTHORITIES = "unnamed authorities"
#: Armed-actor terms with a common political sense: they label named actors but never, alone,
#: make an unnamed armed group.
_AMBIGUOUS = frozenset({"opposition", "resistance", "radicals", "revolutionaries", "loyalists"})
#: Heads of state forces: with a state's name they label the state, else "unnamed forces".
_STATE_FORCES = frozenset(
    "forces|armed forces|security forces|troops|soldiers|army|government forces|regime forces|"
    "Assad's forces|elite troops|occupation forces|invading forces|our troops|peacekeepers".split(
        "|"
    )
)


# --- noun phrases ------------------------------------------------------------------------------

_TOKEN_RE = re.compile(WORD_RE.pattern + r"|[^\w\s]")
_PREPOSITIONS = frozenset("by to with of as in on at for from".split())
_DEFINITE = frozenset("the these those this".split())
STATE_PLACEHOLDER = "\x00state\x00"


class _Unit(NamedTuple):
    """A word, a punctuation mark, a name or a lexicon match inside one sentence."""

    start: int
    end: int
    kind: str  # name | label | match | word | punct | poss
    cls: str  # D determiner, M premodifier, V verb form, N noun, P postmodifier label, B other
    word: str
    name: Name | None = None
    match: int | None = None
    inner: tuple[Name, ...] = ()


@dataclass(eq=False)
class _NP:
    units: list[_Unit]
    possessor: _NP | None = None

    @property
    def start(self) -> int:
        return self.units[0].start

    @property
    def head(self) -> _Unit:
        return next((u for u in reversed(self.units) if u.cls == "N"), self.units[-1])


_Item = _NP | _Unit


def _chunk(units: list[_Unit]) -> list[_Item]:
    """Noun phrases: (determiner) (premodifiers) nouns; a possessive opens the next phrase."""
    items: list[_Item] = []
    chain: list[_Unit] = []
    seen_noun = False
    owner: _NP | None = None

    def close() -> None:
        nonlocal chain, seen_noun, owner
        if chain:
            items.append(_NP(chain, owner))
        chain, seen_noun, owner = [], False, None

    for u in units:
        if u.kind == "poss":
            if chain:
                np = _NP(chain, owner)
                items.append(np)
                chain, seen_noun, owner = [], False, np
            continue
        if u.cls == "D":
            if chain:
                close()
            chain.append(u)
        elif u.cls in ("M", "V"):
            if seen_noun:
                close()
                if u.cls == "V" and u.kind != "name":
                    items.append(u)
                    continue
            chain.append(u)
        elif u.cls == "N":
            chain.append(u)
            seen_noun = True
        else:
            close()
            items.append(u)
    close()
    return items


def _word(item: _Item | None) -> str:
    return item.word if isinstance(item, _Unit) else ""


class Label(NamedTuple):
    start: int
    end: int
    term: str
    category: str
    direction: str
    loaded: bool
    match: int
    actor: str | None = None  # an actor named inside the match ("Syrian regime" -> syria)
    kind: str | None = None


_WILDCARDS: dict[tuple[str, str], frozenset[str]] = {}


def _wildcard_terms(lexicons: Iterable[Lexicon]) -> frozenset[tuple[str, str]]:
    """Entries with a ``*`` form ("at X's request"): they describe acts, not actors."""
    out: set[tuple[str, str]] = set()
    for lex in lexicons:
        key = (lex.name, lex.sha256)
        if key not in _WILDCARDS:
            wild = (e.term for e in lex.entries if any("*" in f for f in e.forms))
            _WILDCARDS[key] = frozenset(wild)
        out.update((lex.name, term) for term in _WILDCARDS[key])
    return frozenset(out)


class LabelFinder:
    """Attaches labels to actors, one sentence at a time, in reading order."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.text = analysis.document.text
        self.names, self.affiliations = find_names(analysis)
        self.types: dict[str, str] = {n.key: n.type for n in self.names}
        self.displays: dict[str, str] = {}
        skip = _wildcard_terms(analysis.lexicons)
        self.labelling = {
            i
            for i, m in enumerate(analysis.matches)
            if m.category in LABEL_CATEGORIES
            and (m.lexicon, m.term) not in skip
            and not in_name(m, analysis.document.sentence_openings)
        }
        self.groups = [(n.start, n.key) for n in self.names if n.type == "group"]
        self.sentence_starts = [s.start for s in analysis.document.sentences]
        doc = analysis.document
        self.names_in: dict[int, list[Name]] = {}
        for n in self.names:
            self.names_in.setdefault(doc.sentence_index(n.start), []).append(n)
        self.matches_in: dict[int, list[int]] = {}
        for i, m in enumerate(analysis.matches):
            self.matches_in.setdefault(doc.sentence_index(m.start), []).append(i)
        self.out: list[tuple[Label, str, str]] = []  # label, actor key, kind
        self.extra: list[tuple[int, int, str, str]] = []  # unnamed heads: start, end, text, key
        self.memo: dict[int, str | None] = {}
        self.owned: set[int] = set()

    # units ------------------------------------------------------------------------------------

    def _label(self, u: _Unit) -> Label:
        """The label of a label unit; for "Syrian regime", "regime" with Syria as its actor."""
        m = self.analysis.matches[u.match or 0]
        inner = [n for n in u.inner if m.category != "sponsorship"]
        plain = Label(m.start, m.end, m.term, m.category, m.direction, m.loaded, u.match or 0)
        if not inner:
            return plain
        chars = list(self.text[m.start : m.end])
        for n in inner:
            a = max(n.start, m.start)
            stop = n.end + (2 if self.text[n.end : n.end + 2] in ("'s", "’s") else 0)
            chars[a - m.start : stop - m.start] = " " * (stop - a)
        residual = "".join(chars)
        hits = [
            h
            for h in compile_matcher(self.analysis.lexicons).find(residual)
            if h.entry.category in LABEL_CATEGORIES
        ]
        kind = "premodifier" if inner[0].start <= m.start else "postmodifier"
        if not hits:
            return plain._replace(actor=inner[-1].key, kind=kind)
        h = max(hits, key=lambda h: h.end - h.start)
        kind = "premodifier" if inner[0].start < m.start + h.start else "postmodifier"
        e = h.entry
        return Label(
            m.start + h.start,
            m.start + h.end,
            e.term,
            e.category,
            e.direction,
            e.loaded,
            u.match or 0,
            inner[-1].key,
            kind,
        )

    def _units(self, index: int, s0: int, s1: int) -> list[_Unit]:
        matches = self.analysis.matches
        spans: list[tuple[int, int, int, _Unit]] = []
        for n in self.names_in.get(index, ()):
            if s0 <= n.start < s1:
                cls = "M" if n.role == "adjective" else "N"
                spans.append((n.start, n.end, 0, _Unit(n.start, n.end, "name", cls, n.text, n)))
        for i in self.matches_in.get(index, ()):
            m = matches[i]
            if s0 <= m.start < s1:
                kind = "label" if i in self.labelling and not m.negated else "match"
                words = WORD_RE.findall(m.text)
                cls = word_class(words[-1]) if words else "B"
                cls = {"D": "N", "B": "N"}.get(cls, cls) if kind == "label" else cls
                if (
                    kind == "label"
                    and len(words) > 1
                    and word_class(words[0]) != "N"
                    and any(w.lower() in _PREPOSITIONS for w in words[1:])
                ):
                    cls = "P"
                elif cls == "V" and kind == "label":
                    cls = "M"
                spans.append((m.start, m.end, 1, _Unit(m.start, m.end, kind, cls, m.text, match=i)))
        spans.sort(key=lambda s: (s[0], s[0] - s[1], s[2]))
        chosen: list[_Unit] = []
        for start, end, _, unit in spans:
            if chosen and start < chosen[-1].end:
                last = chosen[-1]
                if end > last.end and unit.kind == "label" and last.name is not None:
                    # "President Bashar Assad's government": the match takes the name inside
                    chosen[-1] = unit._replace(start=last.start, inner=(last.name,))
                elif end <= last.end and unit.name is not None and last.kind != "name":
                    chosen[-1] = last._replace(inner=(*last.inner, unit.name))
                elif (start, end) == (last.start, last.end) and unit.kind == "label":
                    chosen[-1] = last._replace(match=unit.match)  # the name is itself a label
                continue
            chosen.append(unit)
        out: list[_Unit] = []
        ci = 0
        for tok in _TOKEN_RE.finditer(self.text, s0, s1):
            a, b = tok.span()
            while ci < len(chosen) and chosen[ci].end <= a:
                ci += 1
            if ci < len(chosen) and chosen[ci].start < b:
                if not out or out[-1] is not chosen[ci]:
                    out.append(chosen[ci])
                if self.text[chosen[ci].end : b] in ("'s", "’s"):
                    out.append(_Unit(b - 2, b, "poss", "B", "'s"))
                continue
            w = tok.group()
            if not (w[0].isalnum()):
                out.append(_Unit(a, b, "punct", "B", w))
                continue
            poss = len(w) > 2 and w.endswith(("'s", "’s"))
            if poss:
                w, b = w[:-2], b - 2
            out.append(_Unit(a, b, "word", word_class(w), w.lower()))
            if poss:
                out.append(_Unit(b, b + 2, "poss", "B", "'s"))
        return out

    # resolution -------------------------------------------------------------------------------

    def _labels(self, np: _NP) -> list[tuple[Label, _Unit]]:
        out = []
        for u in np.units:
            if u.match is not None and (
                u.kind == "label" or (u.kind == "name" and self._is_label(u))
            ):
                lab = self._label(u) if u.kind == "label" else self._plain(u)
                out.append((lab, u))
        return out

    def _sponsorship(self, u: _Unit) -> bool:
        return self.analysis.matches[u.match or 0].category == "sponsorship"

    def _is_label(self, u: _Unit) -> bool:
        return u.match in self.labelling and not self.analysis.matches[u.match or 0].negated

    def _plain(self, u: _Unit) -> Label:
        m = self.analysis.matches[u.match or 0]
        key = u.name.key if u.name else None
        return Label(
            m.start, m.end, m.term, m.category, m.direction, m.loaded, u.match or 0, key, "name"
        )

    def _class(self, lab: Label, noun: bool) -> str:
        """What a label says its actor is: armed, state forces, an authority, or other."""
        if lab.category == "armed_actor_label" and lab.term in _STATE_FORCES:
            return "authority" if lab.term.startswith(("regime", "government")) else "forces"
        if lab.category == "armed_actor_label":
            return "armed"
        if lab.category == "sponsorship" and noun:
            return "armed"
        if lab.category == "legitimacy" and noun:
            return "authority"
        return "other"

    def _np_class(self, np: _NP) -> str:
        head = np.head
        if head.kind == "name" and not self._is_label(head):
            return "name"
        classes = [self._class(lab, u.cls == "N") for lab, u in self._labels(np)]
        if head.kind == "label" and classes:
            head_class = self._class(self._label(head), head.cls == "N")
            if head_class != "other":
                return head_class
        for c in ("armed", "authority", "forces"):
            if c in classes:
                return c
        return "other"

    def _named(self, np: _NP, cls: str) -> Name | None:
        head = np.head
        if head.kind == "name" and head.name is not None:
            return head.name
        names: list[Name] = []
        for u in np.units:
            if u.kind == "name" and u.name is not None:
                names.append(u.name)
            elif u.kind == "label" and u.inner and not self._sponsorship(u):
                names.extend(u.inner)
        if cls == "armed":
            names = [
                n
                for n in names
                if n.role == "name"
                and self.types.get(n.key) != "state"
                and (self.types.get(n.key) != "other" or " " in n.text or n.text.isupper())
            ]
        return names[-1] if names else None

    def resolve(self, np: _NP, sentence: int) -> str | None:
        """The key of the actor a noun phrase names or, failing that, refers to."""
        if id(np) in self.memo:
            return self.memo[id(np)]
        cls = self._np_class(np)
        named = self._named(np, cls)
        key: str | None = None
        if named is not None:
            key = named.key
        elif cls in ("authority", "forces") and np.possessor is not None:
            key = self.resolve(np.possessor, sentence)
            if key is not None:
                self.owned.add(id(np))
        if key is None and cls == "armed" and self._ambiguous(np):
            key = None  # "the opposition" may well be political: no unnamed armed group
        elif key is None and cls == "armed":
            head = np.head
            if np.units[0].word.lower() in _DEFINITE and head.kind == "label":
                key = self._group_before(np.start, sentence)
            key = key or self._unnamed(np)
        elif key is None and cls == "forces":
            key = UNNAMED_FORCES
        elif key is None and cls == "authority":
            key = f"{STATE_PLACEHOLDER}{np.start}"
        self.memo[id(np)] = key
        return key

    def _ambiguous(self, np: _NP) -> bool:
        """Only labels with a political sense too ("opposition", "resistance")."""
        return all(lab.term in _AMBIGUOUS for lab, _ in self._labels(np))

    def _group_before(self, pos: int, sentence: int) -> str | None:
        floor = self.sentence_starts[max(0, sentence - 3)]
        found = [k for p, k in self.groups if floor <= p < pos]
        return found[-1] if found else None

    def _unnamed(self, np: _NP) -> str:
        for lab, _ in self._labels(np):
            if lab.category == "identity_marker" and lab.direction == "neutral":
                key = f"unnamed {lab.term.lower()} armed groups"
                self.displays[key] = f"unnamed {lab.term} armed groups"
                return key
        return UNNAMED_ARMED

    # relations --------------------------------------------------------------------------------

    def _anchor(self, items: list[_Item], i: int) -> tuple[int, str] | None:
        """The noun phrase item ``items[i]`` (a label phrase) describes, and how."""
        k = i - 1
        words = []
        while k >= 0 and _word(items[k]) in COPULA:
            words.append(_word(items[k]))
            k -= 1
        prev = items[k] if k >= 0 else None
        if words:
            if _word(prev) in RELATIVE:
                k -= 2 if k >= 1 and _word(items[k - 1]) == "," else 1
                return (k, "postmodifier") if k >= 0 and isinstance(items[k], _NP) else None
            if _word(prev) == ",":
                ok = k >= 1 and isinstance(items[k - 1], _NP)
                return (k - 1, "postmodifier") if ok else None
            copula = any(w in COPULA_VERBS for w in words) or _word(items[k - 1]) in CALL_VERBS
            if isinstance(prev, _NP) and copula:
                return k, "predicate"
            return None
        if isinstance(items[i], _Unit):  # a postmodifier label: "militants backed by the US"
            if _word(prev) == "," and k >= 1:
                k -= 1
            if k >= 0 and isinstance(items[k], _NP):
                return k, "postmodifier"
            nxt = i + 2 if i + 1 < len(items) and _word(items[i + 1]) == "," else i + 1
            if k < 0 and nxt < len(items) and isinstance(items[nxt], _NP):
                return nxt, "postmodifier"
            return None
        if isinstance(prev, _NP) and k >= 1 and _word(items[k - 1]) in CALL_VERBS:
            return k, "predicate"
        acronym = k >= 3 and _word(items[k - 1]) == ")" and _word(items[k - 3]) == "("
        if _word(prev) == "," and acronym and isinstance(items[k - 2], _NP):
            k -= 3  # "Hayat Tahrir-al-Sham (HTS), an al-Qaeda affiliate"
        if _word(prev) == "," and k >= 1 and isinstance(items[k - 1], _NP):
            x = items[i]
            assert isinstance(x, _NP)
            rest = [_word(it) for it in items[i + 1 : i + 4]]
            if rest[:1] in (["and"], ["or"]) or (
                rest[:1] == [","] and rest[1:2] in (["and"], ["or"])
            ):
                return None
            if x.units[0].word.lower() in ("a", "an") or not rest or rest[0] in (",", ".", ";"):
                return k - 1, "appositive"
        return None

    def _owner_after(self, items: list[_Item], i: int) -> tuple[int, str] | None:
        """ "fighters of the NVF", "militants from HTS": a named group after "of" or "from"."""
        if i + 2 >= len(items) or _word(items[i + 1]) not in ("of", "from"):
            return None
        x, owner = items[i], items[i + 2]
        if not (isinstance(x, _NP) and isinstance(owner, _NP)):
            return None
        if self._np_class(x) != "armed" or self._named(owner, "armed") is None:
            return None
        return i + 2, "postmodifier"

    def sentence(self, index: int, s0: int, s1: int) -> None:
        if not any(i in self.labelling for i in self.matches_in.get(index, ())):
            return  # no label in this sentence
        items = _chunk(self._units(index, s0, s1))
        self.memo = {}  # by id() of this sentence's phrases, which stay alive until the next
        self.owned = set()  # phrases whose actor is their possessor: "Marovia's army"
        attached: dict[int, tuple[str, str]] = {}
        for i, item in enumerate(items):
            is_phrase = isinstance(item, _NP) and self._labels(item)
            is_post = isinstance(item, _Unit) and item.cls == "P"
            if not (is_phrase or is_post):
                continue
            if isinstance(item, _NP) and self._named(item, self._np_class(item)) is not None:
                continue
            found = self._anchor(items, i)
            if found is None and isinstance(item, _NP):
                found = self._owner_after(items, i)
            if found is None:
                continue
            anchor = items[found[0]]
            assert isinstance(anchor, _NP)
            key = self.resolve(anchor, index)
            if key is not None:
                attached[i] = (key, found[1])
        for i, item in enumerate(items):
            if isinstance(item, _Unit):
                if i in attached and item.cls == "P":
                    self._emit(self._label(item), *attached[i])
                continue
            labels = self._labels(item)
            if not labels:
                continue
            if i in attached:
                key, kind = attached[i]
                for lab, _ in labels:
                    self._emit(lab, lab.actor or key, lab.kind or kind)
                continue
            key = self.resolve(item, index)
            if key is None:
                continue
            named = self._named(item, self._np_class(item)) is not None or id(item) in self.owned
            head = item.head
            if not named and head.kind == "label":
                self.extra.append((head.start, head.end, head.word, key))
            if named and any(self._class(lab, u.cls == "N") == "armed" for lab, u in labels):
                self.groups.append((item.start, key))
            for lab, u in labels:
                kind = lab.kind or ("premodifier" if named or u is not head else "head")
                self._emit(lab, lab.actor or key, kind)

    def _emit(self, lab: Label, key: str, kind: str) -> None:
        """Record a label; an unknown actor called a government, regime or army is a state."""
        statelike = self._class(lab, True) in ("authority", "forces")
        promote = statelike and self.types.get(key) in ("other", None)
        if promote and not key.startswith(("\x00", "unnamed")):
            self.types[key] = "state"
        self.out.append((lab, key, kind))

    def run(self) -> LabelFinder:
        for index, (s0, s1) in enumerate(self.analysis.document.sentences):
            self.sentence(index, s0, s1)
        return self
