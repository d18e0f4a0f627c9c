"""Per-document count records and their corpus-wide accumulation.

An analysed article reduces to a :class:`DocCounts`: words per voice, each lexicon term's count per
voice, sentiment, actor-label pairs, content-word unigrams and bigrams, and where each term first
occurs (for example sentences). Records are small, JSON-serialisable (the cache stores them) and
independent of the document's group, so the same record serves any grouping.

:class:`CorpusCounts` adds records one at a time (texts are never kept) and merges with another
accumulator, so a multi-process pass, a cache read or partitions computed elsewhere all end in the
same state. :meth:`CorpusCounts.tables` hands the statistics module compact arrays.

With ``AnalysisOptions(models=True)`` a record also keeps the classifiers' outputs, reduced to a
:class:`~framing.corpus.model_counts.ModelRecord` (frame probabilities, sentence-bias tallies by
voice).
"""

from __future__ import annotations

import datetime as dt
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
from scipy import sparse

from framing.analysis import Analysis, AnalysisOptions, analyze
from framing.annotate.actors import ActorLayer, find_actors, link_keys
from framing.corpus.model_counts import ModelCounts, ModelRecord, ModelTables

if TYPE_CHECKING:
    from framing.lexicon.format import Lexicon

__all__ = [
    "SCHEMA_VERSION",
    "STOP_WORDS",
    "VOICE_COLUMNS",
    "CorpusCounts",
    "CountTables",
    "DocCounts",
    "DocMeta",
    "Example",
    "TermMeta",
    "count_document",
    "count_text",
    "ngram_counts",
    "term_registry",
]

#: Bumped whenever the record layout or its counting rules change (part of every cache key).
#: 2: model outputs (frame probabilities, sentence bias by voice); actor aliases kept in the cache.
SCHEMA_VERSION = 2
#: Voices in record order; "all" is their sum and comes last in the tables.
VOICE_COLUMNS: tuple[str, ...] = ("author", "quote", "attributed", "all")
_VOICE_INDEX = {"author": 0, "quote": 1, "attributed": 2}

#: English function words left out of the word and bigram counts used for distinguishing terms:
#: articles, pronouns, prepositions, conjunctions, auxiliaries and a few very common adverbs.
#: Written for this project (content words such as "fire", "system" or "said" stay in: see
#: Nothman, Qin & Yurchak 2018 on stop lists that drop meaningful words).
STOP_WORDS: frozenset[str] = frozenset(
    """
    a about above after again against all also am among an and another any are around as at be
    because been before being below between both but by can could did do does doing down during
    each either else ever every few for from further had has have having he her here hers herself
    him himself his how however i if in into is it its itself just least less many may me might
    more most much must my myself neither no nor not now of off on once one only onto or other
    others our ours ourselves out over own per quite rather same shall she should since so some
    such than that the their theirs them themselves then there these they this those though
    through thus to too toward towards under until up upon us very via was we were what whatever
    when where whether which while who whom whose why will with within without would yet you your
    yours yourself yourselves ago along already although anyway became become becomes besides
    cannot etc hence hereby indeed instead likewise meanwhile moreover nevertheless nonetheless
    otherwise perhaps whereas wherever whilst whoever don doesn didn isn wasn weren hasn haven
    hadn won wouldn couldn shouldn aren ll ve re mr mrs ms
    """.split()
)
_NGRAM_WORD = re.compile(r"[^\W\d_]+(?:['’\-‐‑][^\W\d_]+)*")
_NGRAM_FOLD = str.maketrans({"’": "'", "‐": "-", "‑": "-"})


class TermMeta(NamedTuple):
    """A lexicon term as the report sees it."""

    key: str
    lexicon: str
    term: str
    category: str
    direction: str
    loaded: bool
    weight: float


def term_key(lexicon: str, term: str) -> str:
    return f"{lexicon}\t{term}"


def term_registry(lexicons: Iterable[Lexicon]) -> dict[str, TermMeta]:
    """Every term of the active lexicons, keyed by ``lexicon<TAB>term``, in lexicon order."""
    out: dict[str, TermMeta] = {}
    for lexicon in lexicons:
        for e in lexicon.entries:
            key = term_key(lexicon.name, e.term)
            out.setdefault(
                key,
                TermMeta(key, lexicon.name, e.term, e.category, e.direction, e.loaded, e.weight),
            )
    return out


def ngram_counts(text: str) -> tuple[Counter[str], Counter[str]]:
    """Content-word unigrams and bigrams of `text`, lowercased.

    Words are runs of letters joined by apostrophes or hyphens (``us-backed``, ``so-called``);
    a possessive ``'s`` is dropped; numbers, one-letter words and :data:`STOP_WORDS` are left out.
    A bigram is two kept words next to each other with only spaces between them (punctuation or a
    left-out word in between breaks it).
    """
    unigrams: Counter[str] = Counter()
    bigrams: Counter[str] = Counter()
    prev: str | None = None
    prev_end = 0
    for m in _NGRAM_WORD.finditer(text):
        word = m.group().lower().translate(_NGRAM_FOLD)
        if word.endswith("'s"):
            word = word[:-2]
        word = word.strip("'")
        keep = len(word) > 1 and word not in STOP_WORDS
        if keep:
            unigrams[word] += 1
            if prev is not None and text[prev_end : m.start()].isspace():
                bigrams[f"{prev} {word}"] += 1
        prev = word if keep else None
        prev_end = m.end()
    return unigrams, bigrams


@dataclass(slots=True)
class DocCounts:
    """The counts of one document; everything the report's statistics need from it."""

    words: tuple[int, int, int, int]
    terms: dict[str, tuple[int, int, int]]
    first: dict[str, tuple[int, int, int, int, int]]
    polarity: float
    subjectivity: float
    vader: float | None = None
    unigrams: dict[str, int] = field(default_factory=dict)
    bigrams: dict[str, int] = field(default_factory=dict)
    actors: list[tuple[str, str, str, str, int]] = field(default_factory=list)
    actor_aliases: dict[str, list[str]] = field(default_factory=dict)
    actor_types: dict[str, str] = field(default_factory=dict)
    models: ModelRecord | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "w": list(self.words),
            "t": {k: list(v) for k, v in self.terms.items()},
            "f": {k: list(v) for k, v in self.first.items()},
            "p": self.polarity,
            "s": self.subjectivity,
            "v": self.vader,
            "u": self.unigrams,
            "b": self.bigrams,
            "a": [list(x) for x in self.actors],
            "aa": self.actor_aliases,
            "at": self.actor_types,
            "m": None if self.models is None else self.models.to_json(),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> DocCounts:
        w = data["w"]
        return cls(
            words=(int(w[0]), int(w[1]), int(w[2]), int(w[3])),
            terms={k: (int(v[0]), int(v[1]), int(v[2])) for k, v in data["t"].items()},
            first={
                k: (int(v[0]), int(v[1]), int(v[2]), int(v[3]), int(v[4]))
                for k, v in data["f"].items()
            },
            polarity=float(data["p"]),
            subjectivity=float(data["s"]),
            vader=None if data.get("v") is None else float(data["v"]),
            unigrams={str(k): int(v) for k, v in data.get("u", {}).items()},
            bigrams={str(k): int(v) for k, v in data.get("b", {}).items()},
            actors=[
                (str(a), str(b), str(c), str(d), int(e)) for a, b, c, d, e in data.get("a", [])
            ],
            actor_aliases={str(k): [str(x) for x in v] for k, v in data.get("aa", {}).items()},
            actor_types={str(k): str(v) for k, v in data.get("at", {}).items()},
            models=None if data.get("m") is None else ModelRecord.from_json(data["m"]),
        )


def count_document(analysis: Analysis, actors: ActorLayer | None = None) -> DocCounts:
    """Reduce an analysis (and, when given, its actor layer) to a :class:`DocCounts`.

    `actors` is a ``framing.annotate.actors.ActorLayer`` (its ``labels`` have ``key``, ``actor``,
    ``label`` and ``voice``; its ``aliases`` and ``types`` are kept for the labelled actors, so
    keys can be linked across documents). ``first`` maps ``term<TAB>voice`` to the voice index
    and the offsets of the first such match and of its sentence. The analysis' model outputs,
    when it has them, become ``models``.
    """
    words = analysis.voices.words
    terms: dict[str, list[int]] = {}
    first: dict[str, tuple[int, int, int, int, int]] = {}
    sentences = analysis.document.sentences
    for m in analysis.matches:
        key = term_key(m.lexicon, m.term)
        slot = terms.get(key)
        if slot is None:
            slot = terms[key] = [0, 0, 0]
        v = _VOICE_INDEX[m.voice]
        slot[v] += 1
        fkey = f"{key}\t{m.voice}"
        if fkey not in first and m.sentence < len(sentences):
            s0, s1 = sentences[m.sentence]
            first[fkey] = (v, m.start, m.end, s0, s1)
    pairs: Counter[tuple[str, str, str, str]] = Counter()
    for lab in getattr(actors, "labels", ()):
        pairs[(str(lab.key), str(lab.actor), str(lab.label), str(lab.voice))] += 1
    keys = sorted({k[0] for k in pairs})
    aliases = getattr(actors, "aliases", {}) or {}
    types = getattr(actors, "types", {}) or {}
    unigrams, bigrams = ngram_counts(analysis.text)
    vader = analysis.scores["sentiment"].get("vader_compound_mean")
    return DocCounts(
        words=(
            int(words.get("author", 0)),
            int(words.get("quote", 0)),
            int(words.get("attributed", 0)),
            int(words.get("all", 0)),
        ),
        terms={k: (v[0], v[1], v[2]) for k, v in terms.items()},
        first=first,
        polarity=float(analysis.sentiment.polarity),
        subjectivity=float(analysis.sentiment.subjectivity),
        vader=None if vader is None else float(vader),
        unigrams=dict(unigrams),
        bigrams=dict(bigrams),
        actors=[(*k, n) for k, n in sorted(pairs.items())],
        actor_aliases={k: [str(a) for a in aliases.get(k, ())] for k in keys},
        actor_types={k: str(types.get(k, "other")) for k in keys},
        models=(
            None
            if analysis.classifiers is None
            else ModelRecord.from_outputs(analysis.classifiers, analysis.voices)
        ),
    )


class DocMeta(NamedTuple):
    """What the accumulator keeps of a document besides its counts."""

    position: int
    group: str
    date: dt.date | None = None
    text_hash: str = ""


class Example(NamedTuple):
    """Where a term occurs: document index, voice, match and sentence offsets."""

    position: int
    voice: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    text_hash: str


@dataclass(frozen=True)
class CountTables:
    """Compact arrays for the statistics, one row per document in corpus order.

    ``X`` holds term counts with four columns per term (author, quote, attributed, all):
    column ``4 * t + v`` is term ``terms[t]`` in voice ``VOICE_COLUMNS[v]``.
    """

    groups: tuple[str, ...]
    doc_index: np.ndarray
    doc_group: np.ndarray
    doc_date: np.ndarray
    words: np.ndarray
    terms: tuple[TermMeta, ...]
    X: sparse.csr_matrix
    polarity: np.ndarray
    subjectivity: np.ndarray
    vader: np.ndarray | None
    unigrams: tuple[Counter[str], ...]
    bigrams: tuple[Counter[str], ...]
    actor_labels: Mapping[tuple[int, str, str, str], int]
    actor_names: Mapping[str, str]
    examples: Mapping[tuple[int, str, str], Sequence[Example]]
    models: ModelTables | None = None

    @property
    def n_docs(self) -> int:
        return int(self.doc_group.shape[0])


class CorpusCounts:
    """Accumulates document records into per-corpus counts; mergeable with another one."""

    def __init__(self, registry: Mapping[str, TermMeta], *, examples_per_term: int = 3) -> None:
        self.registry = dict(registry)
        self.examples_per_term = examples_per_term
        self.groups: dict[str, int] = {}
        self._term_ids: dict[str, int] = {}
        self._index: array[int] = array("q")
        self._group: array[int] = array("i")
        self._date: array[int] = array("i")
        self._words: array[int] = array("q")
        self._polarity: array[float] = array("d")
        self._subjectivity: array[float] = array("d")
        self._vader: array[float] = array("d")
        self._has_vader = True
        self._rows: array[int] = array("q")
        self._cols: array[int] = array("i")
        self._vals: array[int] = array("i")
        self.unigrams: dict[int, Counter[str]] = {}
        self.bigrams: dict[int, Counter[str]] = {}
        self.actor_labels: Counter[tuple[int, str, str, str]] = Counter()
        self.actor_names: dict[str, str] = {}
        self.actor_aliases: dict[str, set[str]] = {}
        self.actor_types: dict[str, str] = {}
        self.examples: dict[tuple[int, str, str], list[Example]] = {}
        self.models = ModelCounts()
        self.skipped: Counter[str] = Counter()
        self.skipped_messages: list[str] = []
        self.bad_dates = 0
        self.cache_hits = 0
        self.analysed = 0

    def __len__(self) -> int:
        return len(self._index)

    def skip(self, reason: str, message: str) -> None:
        self.skipped[reason] += 1
        if len(self.skipped_messages) < 50:
            self.skipped_messages.append(message)

    def _group_id(self, group: str) -> int:
        gid = self.groups.get(group)
        if gid is None:
            gid = self.groups[group] = len(self.groups)
            self.unigrams[gid] = Counter()
            self.bigrams[gid] = Counter()
        return gid

    def _term_id(self, key: str) -> int:
        tid = self._term_ids.get(key)
        if tid is None:
            if key not in self.registry:
                lexicon, _, term = key.partition("\t")
                self.registry[key] = TermMeta(key, lexicon, term, "unknown", "neutral", False, 0.0)
            tid = self._term_ids[key] = len(self._term_ids)
        return tid

    def add(self, meta: DocMeta, rec: DocCounts) -> None:
        """Add one document's record."""
        gid = self._group_id(meta.group)
        row = len(self._index)
        self._index.append(meta.position)
        self._group.append(gid)
        self._date.append(meta.date.toordinal() if meta.date else 0)
        self._words.extend(rec.words)
        self._polarity.append(rec.polarity)
        self._subjectivity.append(rec.subjectivity)
        if rec.vader is None:
            self._has_vader = False
        self._vader.append(rec.vader if rec.vader is not None else 0.0)
        for key, counts in rec.terms.items():
            tid = self._term_id(key)
            for v, n in enumerate(counts):
                if n:
                    self._rows.append(row)
                    self._cols.append(4 * tid + v)
                    self._vals.append(n)
        self.unigrams[gid].update(rec.unigrams)
        self.bigrams[gid].update(rec.bigrams)
        self.models.add(row, rec.models)
        for key, actor, label, voice, n in rec.actors:
            self.actor_labels[(gid, key, label, voice)] += n
            self.actor_names.setdefault(key, actor)
        for key, found in rec.actor_aliases.items():
            self.actor_aliases.setdefault(key, set()).update(found)
        for key, kind in rec.actor_types.items():
            self.actor_types.setdefault(key, kind)
        k = self.examples_per_term
        for fkey, (_v, start, end, s0, s1) in rec.first.items():
            tkey, _, voice = fkey.rpartition("\t")
            slot = self.examples.setdefault((gid, tkey, voice), [])
            if len(slot) < k:
                slot.append(Example(meta.position, voice, start, end, s0, s1, meta.text_hash))

    def merge(self, other: CorpusCounts) -> CorpusCounts:
        """Add everything `other` accumulated (documents keep their corpus indices)."""
        gmap = {other.groups[g]: self._group_id(g) for g in other.groups}
        for key in other.registry:
            self.registry.setdefault(key, other.registry[key])
        tmap = {tid: self._term_id(key) for key, tid in other._term_ids.items()}
        offset = len(self._index)
        self._index.extend(other._index)
        self._group.extend(gmap[g] for g in other._group)
        self._date.extend(other._date)
        self._words.extend(other._words)
        self._polarity.extend(other._polarity)
        self._subjectivity.extend(other._subjectivity)
        self._vader.extend(other._vader)
        self._has_vader = self._has_vader and other._has_vader
        self._rows.extend(r + offset for r in other._rows)
        self._cols.extend(4 * tmap[c // 4] + c % 4 for c in other._cols)
        self._vals.extend(other._vals)
        self.models.merge(other.models, offset)
        for gid, counter in other.unigrams.items():
            self.unigrams[gmap[gid]].update(counter)
        for gid, counter in other.bigrams.items():
            self.bigrams[gmap[gid]].update(counter)
        for (gid, key, label, voice), n in other.actor_labels.items():
            self.actor_labels[(gmap[gid], key, label, voice)] += n
        for key, name in other.actor_names.items():
            self.actor_names.setdefault(key, name)
        for key, found in other.actor_aliases.items():
            self.actor_aliases.setdefault(key, set()).update(found)
        for key, kind in other.actor_types.items():
            self.actor_types.setdefault(key, kind)
        for (gid, tkey, voice), examples in other.examples.items():
            slot = self.examples.setdefault((gmap[gid], tkey, voice), [])
            slot.extend(examples)
            slot.sort(key=lambda e: e.position)
            del slot[self.examples_per_term :]
        self.skipped.update(other.skipped)
        room = 50 - len(self.skipped_messages)
        self.skipped_messages.extend(other.skipped_messages[: max(0, room)])
        self.bad_dates += other.bad_dates
        self.cache_hits += other.cache_hits
        self.analysed += other.analysed
        return self

    def actor_links(self) -> dict[str, str]:
        """One key per actor across documents (``framing.annotate.actors.link_keys``)."""
        if not self.actor_aliases:
            return {}
        layer = ActorLayer(
            mentions=(),
            labels=(),
            aliases={k: tuple(sorted(v)) for k, v in sorted(self.actor_aliases.items())},
            types=dict(self.actor_types),
        )
        return dict(link_keys([layer]))

    def tables(self) -> CountTables:
        """Arrays for the statistics, rows sorted by corpus index, groups sorted by name."""
        n = len(self._index)
        order = np.argsort(np.frombuffer(self._index, dtype=np.int64), kind="stable")
        names = sorted(self.groups)
        remap = np.zeros(max(len(self.groups), 1), dtype=np.int64)
        for new, name in enumerate(names):
            remap[self.groups[name]] = new
        group = remap[np.frombuffer(self._group, dtype=np.int32)][order] if n else np.zeros(0, int)
        ordinals = np.frombuffer(self._date, dtype=np.int32)[order] if n else np.zeros(0, int)
        dates = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
        dated = ordinals > 0
        if dated.any():
            epoch = dt.date(1970, 1, 1).toordinal()
            dates[dated] = (ordinals[dated] - epoch).astype("timedelta64[D]") + np.datetime64(
                "1970-01-01", "D"
            )
        words = np.frombuffer(self._words, dtype=np.int64).reshape(n, 4)[order].astype(float)
        # Terms sorted by registry order, then the three voice columns plus "all".
        reg_order = {key: i for i, key in enumerate(self.registry)}
        keys = sorted(self._term_ids, key=lambda k: reg_order.get(k, len(reg_order)))
        new_tid = {self._term_ids[k]: i for i, k in enumerate(keys)}
        inverse = np.empty(n, dtype=np.int64)
        inverse[order] = np.arange(n)
        rows = (
            inverse[np.frombuffer(self._rows, dtype=np.int64)] if self._rows else np.zeros(0, int)
        )
        cols_old = np.frombuffer(self._cols, dtype=np.int32) if self._cols else np.zeros(0, int)
        tmap = np.array([new_tid[t] for t in range(len(keys))], dtype=np.int64)
        cols = 4 * tmap[cols_old // 4] + cols_old % 4 if len(cols_old) else cols_old
        vals = (
            np.frombuffer(self._vals, dtype=np.int32).astype(float) if self._vals else np.zeros(0)
        )
        all_cols = 4 * (cols // 4) + 3
        X = sparse.csr_matrix(
            (
                np.concatenate([vals, vals]),
                (np.concatenate([rows, rows]), np.concatenate([cols, all_cols])),
            ),
            shape=(n, 4 * len(keys)),
        )
        X.sum_duplicates()
        vader = np.frombuffer(self._vader, dtype=float)[order] if self._has_vader and n else None
        gids = {self.groups[name]: new for new, name in enumerate(names)}
        links = self.actor_links()
        actor_labels: Counter[tuple[int, str, str, str]] = Counter()
        for (g, k, lab, v), c in self.actor_labels.items():
            actor_labels[(gids[g], links.get(k, k), lab, v)] += c
        actor_names: dict[str, str] = {}
        for key, name in sorted(self.actor_names.items()):
            best = links.get(key, key)
            if len(name) > len(actor_names.get(best, "")):
                actor_names[best] = name
        return CountTables(
            groups=tuple(names),
            doc_index=np.frombuffer(self._index, dtype=np.int64)[order],
            doc_group=group,
            doc_date=dates,
            words=words,
            terms=tuple(self.registry[k] for k in keys),
            X=X,
            polarity=np.frombuffer(self._polarity, dtype=float)[order],
            subjectivity=np.frombuffer(self._subjectivity, dtype=float)[order],
            vader=vader,
            unigrams=tuple(self.unigrams[self.groups[name]] for name in names),
            bigrams=tuple(self.bigrams[self.groups[name]] for name in names),
            actor_labels={
                (gids[g], k, lab, v): c for (g, k, lab, v), c in self.actor_labels.items()
            },
            actor_names=dict(self.actor_names),
            examples={(gids[g], t, v): ex for (g, t, v), ex in self.examples.items()},
            models=self.models.tables(inverse) if self.models else None,
        )


def count_text(
    text: str,
    lexicons: Sequence[Lexicon],
    options: AnalysisOptions | None = None,
    *,
    actors: bool = True,
) -> DocCounts:
    """Analyse one text and reduce it to its count record (with actor labels unless `actors`
    is False). Errors of any layer propagate: a record is never silently incomplete."""
    analysis = analyze(text, lexicons=lexicons, options=options)
    return count_document(analysis, find_actors(analysis) if actors else None)
