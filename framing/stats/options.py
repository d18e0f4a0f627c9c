"""Options of the statistics, label families, and small helpers shared by the stats modules."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from framing.corpus.counts import CountTables, TermMeta
from framing.errors import FramingError

__all__ = ["DEFAULT_FAMILIES", "StatsOptions", "family_members", "group_rng", "small_sample"]

#: Label families: a family is every lexicon term whose canonical name (the ``term`` column)
#: contains a word beginning with the stem, e.g. "terror" takes in terrorist, terrorist group,
#: terror cell, terrorism, terrorist attack and counter-terrorism operation. Derived from the
#: term names alone, never from outlets; add your own with ``--family NAME=STEM``.
DEFAULT_FAMILIES: tuple[tuple[str, str], ...] = (
    ("terrorist", "terror"),
    ("regime", "regime"),
    ("rebel", "rebel"),
    ("militant", "militan"),
    ("extremist", "extremis"),
    ("jihadist", "jihad"),
    ("resistance", "resist"),
    ("revolution", "revolution"),
    ("martyr", "martyr"),
    ("massacre", "massacr"),
)


@dataclass(frozen=True)
class StatsOptions:
    """Parameters of every statistic in a report (all stated in its methods section).

    bootstrap: resamples of documents (within each group) for the 95% intervals;
    seed: the random seed (each group's stream also depends on the group's name, so adding a
    group leaves the others' intervals unchanged); confidence: interval coverage;
    min_docs / min_words: below either, a group carries a small-sample warning;
    prior_scale: strength of the informative Dirichlet prior in the log-odds ratios (the prior
    is the whole corpus's counts times this); min_count: a word or bigram needs this many
    occurrences in the corpus to be scored; top_features: distinguishing words/bigrams kept per
    group; families: (name, stem) label families; period: "auto", "week", "month", "quarter" or
    "year" for rates over time; alpha: the false-discovery rate for pairwise tests.
    """

    bootstrap: int = 1000
    seed: int = 20240611
    confidence: float = 0.95
    min_docs: int = 10
    min_words: int = 2000
    prior_scale: float = 1.0
    min_count: int = 5
    top_features: int = 50
    families: tuple[tuple[str, str], ...] = DEFAULT_FAMILIES
    period: str = "auto"
    alpha: float = 0.05
    pairwise_voices: tuple[str, ...] = ("author", "all")
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.bootstrap < 0:
            raise FramingError("the number of bootstrap resamples cannot be negative")
        if not 0 < self.confidence < 1:
            raise FramingError("the confidence level must be between 0 and 1, e.g. 0.95")
        if self.period not in ("auto", "week", "month", "quarter", "year"):
            raise FramingError("the period must be auto, week, month, quarter or year")
        if self.prior_scale <= 0:
            raise FramingError("the prior scale must be positive")

    def to_dict(self) -> dict[str, Any]:
        """The options as JSON-safe values (families as name -> stem), without `extra`."""
        out = asdict(self)
        del out["extra"]
        out["families"] = dict(self.families)
        out["pairwise_voices"] = list(self.pairwise_voices)
        return out


def _stem_re(stem: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W_]){re.escape(stem.lower())}")


def family_members(
    terms: Iterable[TermMeta], families: Sequence[tuple[str, str]]
) -> dict[str, list[TermMeta]]:
    """The terms of each family (in the given term order); a term may be in several."""
    out: dict[str, list[TermMeta]] = {name: [] for name, _ in families}
    patterns = [(name, _stem_re(stem)) for name, stem in families]
    for t in terms:
        name = t.term.lower().replace("-", " ")
        for family, pattern in patterns:
            if pattern.search(name):
                out[family].append(t)
    return out


def group_rng(seed: int, group: str, salt: str = "") -> np.random.Generator:
    """A random stream that depends only on the seed, the group's name and a salt."""
    return np.random.default_rng(
        [seed, zlib.crc32(group.encode("utf-8")), zlib.crc32(salt.encode())]
    )


def small_sample(docs: float, words: float, options: StatsOptions) -> str:
    """The small-sample warning for a group ('' when there is none)."""
    reasons = []
    if docs < options.min_docs:
        reasons.append(f"{int(docs)} document{'s' if docs != 1 else ''} (< {options.min_docs})")
    if words < options.min_words:
        reasons.append(f"{int(words):,} words (< {options.min_words:,})")
    return "small sample: " + ", ".join(reasons) if reasons else ""


def group_rows(tables: CountTables) -> list[np.ndarray]:
    """Row indices of each group's documents, in group order."""
    order = np.argsort(tables.doc_group, kind="stable")
    bounds = np.searchsorted(tables.doc_group[order], np.arange(len(tables.groups) + 1))
    return [order[bounds[g] : bounds[g + 1]] for g in range(len(tables.groups))]
