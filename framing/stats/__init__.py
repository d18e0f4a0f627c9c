"""Statistics across groups (outlets), computed from per-document count records only.

Every function takes :class:`~framing.corpus.counts.CountTables` (from
:meth:`framing.corpus.counts.CorpusCounts.tables`) and returns a tidy pandas DataFrame, unrounded:
one row per group x term (or category, family, feature, pair, frame) x voice. Rounding happens
only when a report displays the numbers. See docs/report.md for the methods in plain words.
Every interval comes from one bootstrap (:mod:`framing.stats.bootstrap`); a classifier's
evaluation on held-out data is :mod:`framing.stats.evaluation`.

>>> from framing.stats import StatsOptions, term_rates              # doctest: +SKIP
>>> term_rates(tables, StatsOptions(bootstrap=1000, seed=7))         # doctest: +SKIP
"""

from framing.stats.classifiers import bias_by_group, frame_distributions
from framing.stats.distributions import actor_labels, sentiment_summary
from framing.stats.keyness import distinguishing_ngrams, distinguishing_terms, log_odds_dirichlet
from framing.stats.options import DEFAULT_FAMILIES, StatsOptions, family_members
from framing.stats.pairwise import benjamini_hochberg, pairwise_tests
from framing.stats.rates import (
    category_rates,
    family_rates,
    group_summary,
    rate_tables,
    rates_over_time,
    term_rates,
)

__all__ = [
    "DEFAULT_FAMILIES",
    "StatsOptions",
    "actor_labels",
    "benjamini_hochberg",
    "bias_by_group",
    "category_rates",
    "distinguishing_ngrams",
    "distinguishing_terms",
    "family_members",
    "family_rates",
    "frame_distributions",
    "group_summary",
    "log_odds_dirichlet",
    "pairwise_tests",
    "rate_tables",
    "rates_over_time",
    "sentiment_summary",
    "term_rates",
]
