"""Actors in one article and the labels the article attaches to them.

>>> from framing import analyze
>>> from framing.annotate.actors import find_actors
>>> layer = find_actors(analyze("HTS militants seized the town."))    # doctest: +SKIP
>>> [(lab.actor, lab.label, lab.kind, lab.voice) for lab in layer.labels]     # doctest: +SKIP
[('Hayat Tahrir al-Sham (HTS)', 'militant', 'premodifier', 'author')]

Everything is rule-based and offline, one pass per sentence over the analysis' own spans:

- **names**: a small gazetteer of well-known actors (``framing/data/actors.tsv``: states with
  their adjectives and capitals, armed groups, organisations, leaders), then runs of capitalised
  words (titles stripped, sentence-initial common words dropped using the Brill lexicon that ships
  with TextBlob), acronyms defined in the text ("Hayat Tahrir-al-Sham (HTS)"), surnames of full
  names seen before, and adjectives of places named in the text ("Marovian" -> "Marovia");
- **labels**: the analysis' lexicon matches in :data:`LABEL_CATEGORIES`, attached by position to
  the noun phrase they sit in (``premodifier``), a noun phrase after a comma (``appositive``), a
  participle or relative clause after the actor (``postmodifier``), or a copula or a verb of
  calling (``predicate``). Negated matches ("not terrorists") are not labels.
- **unnamed actors**: a label that is itself the head of its noun phrase ("the rebels",
  "terrorists fired ...") labels an actor the text does not name there. "the <label>" refers back
  to an armed group named in the three sentences before; otherwise the label goes to one of a few
  fixed keys (:data:`UNNAMED_ARMED`, ...). "the regime" / "the government" refer to the state named
  most recently (else the first one named).

Keys (:func:`actor_key`) depend on the name alone, so layers of different documents merge without
shared state; :func:`link_keys` additionally joins keys that the documents' own aliases show to be
one actor (an acronym defined in one article, a surname in another).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from framing.annotate.actor_labels import (
    LABEL_CATEGORIES,
    STATE_PLACEHOLDER,
    UNNAMED_ARMED,
    UNNAMED_AUTHORITIES,
    UNNAMED_FORCES,
    LabelFinder,
)
from framing.annotate.actor_names import (
    actor_key,
    demonym_stems,
    gazetteer,
    known_names,
    norm_name,
    unparticle,
)
from framing.lexicon.normalize import normalize_chars

if TYPE_CHECKING:
    from framing.analysis import Analysis

__all__ = [
    "KINDS",
    "LABEL_CATEGORIES",
    "UNNAMED_ARMED",
    "UNNAMED_AUTHORITIES",
    "UNNAMED_FORCES",
    "ActorLabel",
    "ActorLayer",
    "ActorMention",
    "actor_key",
    "find_actors",
    "link_keys",
    "speaker_side",
]

#: How a label is attached to its actor.
KINDS = ("premodifier", "appositive", "postmodifier", "predicate", "head", "name")


@dataclass(frozen=True)
class ActorMention:
    """A stretch of text ``[start, end)`` naming (or, for unnamed actors, heading) an actor."""

    start: int
    end: int
    text: str
    key: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ActorLabel:
    """A label attached to an actor, with its voice and speaker from the analysis."""

    key: str
    actor: str
    label: str
    text: str
    kind: str
    start: int
    end: int
    voice: str
    speaker: str | None
    category: str | None
    direction: str | None
    loaded: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _frozen(mapping: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class ActorLayer:
    """The actors of one document: mentions, labels, and per key its aliases, name and type.

    ``names``: display name per key; ``types``: ``state``, ``person``, ``group``, ``org``,
    ``other`` or ``unnamed``; ``affiliations``: for people, the key of the state or group they
    speak for where the text (or the gazetteer) says so.
    """

    mentions: tuple[ActorMention, ...]
    labels: tuple[ActorLabel, ...]
    aliases: Mapping[str, tuple[str, ...]]
    names: Mapping[str, str] = field(default_factory=_frozen)
    types: Mapping[str, str] = field(default_factory=_frozen)
    affiliations: Mapping[str, str] = field(default_factory=_frozen)

    def to_dict(self) -> dict[str, Any]:
        return {
            "mentions": [m.to_dict() for m in self.mentions],
            "labels": [lab.to_dict() for lab in self.labels],
            "aliases": {k: list(v) for k, v in sorted(self.aliases.items())},
            "names": dict(sorted(self.names.items())),
            "types": dict(sorted(self.types.items())),
            "affiliations": dict(sorted(self.affiliations.items())),
        }


def find_actors(analysis: Analysis) -> ActorLayer:
    """The actors of an analysed document and every label it attaches to them."""
    found = LabelFinder(analysis).run()
    text = analysis.document.text
    states = sorted((n.start, n.key) for n in found.names if found.types[n.key] == "state")

    def state_at(pos: int) -> str:
        before = [k for p, k in states if p < pos]
        return before[-1] if before else states[0][1] if states else UNNAMED_AUTHORITIES

    def real(key: str, pos: int) -> str:
        return state_at(pos) if key.startswith(STATE_PLACEHOLDER) else key

    aliases: dict[str, list[str]] = {}
    for n in found.names:
        seen = aliases.setdefault(n.key, [])
        if n.text not in seen:
            seen.append(n.text)
    labels = [(lab, real(key, lab.start), kind) for lab, key, kind in found.out]
    for _, key, _ in labels:
        aliases.setdefault(key, [])
    names = {key: _display(key, found) for key in aliases}
    types = {
        k: found.types.get(k, "unnamed" if k.startswith("unnamed") else "other") for k in names
    }
    mentions = {
        (n.start, n.end, n.key): ActorMention(n.start, n.end, n.text, n.key) for n in found.names
    }
    for start, end, surface, key in found.extra:
        key = real(key, start)
        mentions.setdefault((start, end, key), ActorMention(start, end, surface, key))
    out = []
    for lab, key, kind in sorted(labels, key=lambda x: (x[0].start, x[0].end)):
        m = analysis.matches[lab.match]
        out.append(
            ActorLabel(
                key,
                names[key],
                lab.term,
                text[lab.start : lab.end],
                kind,
                lab.start,
                lab.end,
                m.voice,
                m.speaker,
                lab.category,
                lab.direction,
                lab.loaded,
            )
        )
    return ActorLayer(
        tuple(sorted(mentions.values(), key=lambda m: (m.start, m.end))),
        tuple(out),
        MappingProxyType({k: tuple(v) for k, v in aliases.items()}),
        MappingProxyType(names),
        MappingProxyType(types),
        MappingProxyType(dict(found.affiliations)),
    )


def _display(key: str, found: LabelFinder) -> str:
    """The gazetteer's name, else the longest name seen with its acronym: "Valley Front (VF)"."""
    known = gazetteer().known
    if key in known:
        return known[key].display
    if key in found.displays:
        return found.displays[key]
    named = [n.text for n in found.names if n.key == key and n.role == "name"]
    aliases = named or [n.text for n in found.names if n.key == key]
    if not aliases:
        return key
    longest = max(aliases, key=len)
    short = [a for a in aliases if a.isupper() and 2 <= len(a) <= 8 and a != longest]
    return f"{longest} ({short[0]})" if short else longest


# --- across documents --------------------------------------------------------------------------


def link_keys(layers: Iterable[ActorLayer]) -> dict[str, str]:
    """Map every key of these layers to one key per actor, joining keys the aliases connect.

    Two keys join when an alias of one normalizes to the other or to one of its aliases (an
    acronym defined in one article, "HTS" alone in another), when a one-word key is the surname of
    exactly one person's full name, or a place adjective of a place named elsewhere. The key kept
    is a gazetteer key, else an acronym, else the longest. Unnamed keys stay as they are.
    """
    layers = list(layers)
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    forms: dict[str, str] = {}
    types: dict[str, str] = {}
    acronyms: set[str] = set()
    for layer in layers:
        for key, aliases in layer.aliases.items():
            find(key)
            types.setdefault(key, layer.types.get(key, "other"))
            if key.startswith("unnamed"):
                continue
            for alias in (key, *aliases):
                if alias.isupper() and norm_name(alias) == key:
                    acronyms.add(key)
                for form in {norm_name(alias), unparticle(norm_name(alias))}:
                    if form in forms:
                        union(key, forms[form])
                    else:
                        forms[form] = key
    keys = sorted(parent)
    multi = [k for k in keys if " " in k and types.get(k) in ("person", "other")]
    singles = [k for k in keys if " " not in k and not k.startswith("unnamed")]
    for k in singles:
        if k in gazetteer().known:
            continue
        full = {m for m in multi if m.rsplit(" ", 1)[-1] == k}
        if len(full) == 1:
            union(k, full.pop())
            continue
        stems = [s for s in demonym_stems(k) if s in parent and s != k]
        if stems:
            union(k, stems[0])
    groups: dict[str, list[str]] = {}
    for k in keys:
        groups.setdefault(find(k), []).append(k)
    known = gazetteer().known
    out: dict[str, str] = {}
    for members in groups.values():
        best = min(
            members,
            key=lambda k: (k not in known, k not in acronyms, -len(k), k),
        )
        for k in members:
            out[k] = best
    return out


def speaker_side(speaker: str | None, layer: ActorLayer) -> str | None:
    """The key of the state or group a speaker speaks for, where the text or gazetteer says so.

    "Abbas Araghchi" introduced as "Iran's Foreign Minister" -> ``iran``; "a senior Iranian
    official" -> ``iran``; "Dana Ilic, a spokeswoman for the NVF" -> the NVF's key.
    """
    if not speaker:
        return None
    key = actor_key(speaker)
    if key in layer.affiliations:
        return layer.affiliations[key]
    if layer.types.get(key) in ("state", "group", "org"):
        return key
    known = gazetteer().known
    for n in known_names(speaker, normalize_chars(speaker)):
        if n.type != "person":
            return n.key
        if known[n.key].affiliation:
            return known[n.key].affiliation
    for k, aliases in layer.aliases.items():
        if layer.types.get(k) in ("state", "group", "org"):
            for alias in aliases:
                if re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", speaker):
                    return k
    return None
