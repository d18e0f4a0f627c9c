"""Distinguishing terms: log-odds ratios with an informative Dirichlet prior (Monroe et al. 2008).

For a feature w (a lexicon term, a word or a bigram), group i and the rest of the corpus j:

    delta_w = log[(y_iw + a_w) / (n_i + a_0 - y_iw - a_w)]
            - log[(y_jw + a_w) / (n_j + a_0 - y_jw - a_w)]
    var_w   ~ 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
    z_w     = delta_w / sqrt(var_w)

y are counts, n totals, and the prior a_w = prior_scale x (count of w in the whole corpus), with
a_0 = prior_scale x (corpus total). The prior shrinks differences in rare features towards zero,
so a large z needs both a large difference and enough evidence (Monroe, Colaresi & Quinn 2008,
"Fightin' Words", Political Analysis 16(4), section 3.5).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from framing.corpus.counts import VOICE_COLUMNS, CountTables
from framing.scores import rate_per_1k
from framing.stats.options import StatsOptions, group_rows, small_sample

__all__ = ["distinguishing_ngrams", "distinguishing_terms", "log_odds_dirichlet"]


def log_odds_dirichlet(
    counts: np.ndarray, totals: np.ndarray | None = None, *, prior_scale: float = 1.0
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Log-odds ratio of each group against the rest, its standard error and z-score.

    `counts` is groups x features; `totals` the groups' total counts (default: the row sums, i.e.
    the features are the whole vocabulary). Returns ``(delta, se, z)``, each groups x features.
    """
    y = np.asarray(counts, dtype=float)
    n = y.sum(axis=1) if totals is None else np.asarray(totals, dtype=float)
    corpus = y.sum(axis=0)
    a = prior_scale * corpus
    a0 = prior_scale * n.sum()
    y_rest = corpus[None, :] - y
    n_rest = n.sum() - n
    with np.errstate(divide="ignore", invalid="ignore"):
        li = np.log(y + a) - np.log(n[:, None] + a0 - y - a)
        lj = np.log(y_rest + a) - np.log(n_rest[:, None] + a0 - y_rest - a)
        delta = li - lj
        var = 1.0 / (y + a) + 1.0 / (y_rest + a)
        se = np.sqrt(var)
        z = delta / se
    bad = ~np.isfinite(z)
    delta[bad] = se[bad] = z[bad] = np.nan
    return delta, se, z


def distinguishing_terms(tables: CountTables, options: StatsOptions | None = None) -> pd.DataFrame:
    """Lexicon terms that distinguish each group from the rest (voices ``author`` and ``all``).

    The multinomial is over all words: a term's count against the voice's word total. Columns:
    group, lexicon, term, category, direction, loaded, voice, count, count_rest, words,
    words_rest, rate_per_1k, rate_rest_per_1k, log_odds, se, z, small_sample. Sorted by group,
    voice and descending z.
    """
    options = options or StatsOptions()
    rows = group_rows(tables)
    G, T = len(tables.groups), len(tables.terms)
    frames = []
    for voice in ("author", "all"):
        v = VOICE_COLUMNS.index(voice)
        counts = np.zeros((G, T))
        words = np.zeros(G)
        cols = np.arange(T) * 4 + v
        for g, idx in enumerate(rows):
            counts[g] = np.asarray(tables.X[idx][:, cols].sum(axis=0)).ravel()
            words[g] = tables.words[idx, v].sum()
        delta, se, z = log_odds_dirichlet(counts, words, prior_scale=options.prior_scale)
        for g, name in enumerate(tables.groups):
            rest_counts = counts.sum(axis=0) - counts[g]
            rest_words = words.sum() - words[g]
            docs_words = tables.words[rows[g], 3].sum()
            frames.append(
                pd.DataFrame(
                    {
                        "group": name,
                        "lexicon": [t.lexicon for t in tables.terms],
                        "term": [t.term for t in tables.terms],
                        "category": [t.category for t in tables.terms],
                        "direction": [t.direction for t in tables.terms],
                        "loaded": [t.loaded for t in tables.terms],
                        "voice": voice,
                        "count": counts[g].astype(np.int64),
                        "count_rest": rest_counts.astype(np.int64),
                        "words": int(words[g]),
                        "words_rest": int(rest_words),
                        "rate_per_1k": rate_per_1k(counts[g], words[g]),
                        "rate_rest_per_1k": rate_per_1k(rest_counts, rest_words),
                        "log_odds": delta[g],
                        "se": se[g],
                        "z": z[g],
                        "small_sample": bool(small_sample(len(rows[g]), docs_words, options)),
                    }
                )
            )
    if not frames:
        return pd.DataFrame()
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(
        ["group", "voice", "z"], ascending=[True, False, False], na_position="last"
    ).reset_index(drop=True)


def _matrix(counters: Sequence[Counter[str]], min_count: int) -> tuple[list[str], np.ndarray]:
    total: Counter[str] = Counter()
    for c in counters:
        total.update(c)
    vocab = sorted(w for w, n in total.items() if n >= min_count)
    index = {w: i for i, w in enumerate(vocab)}
    counts = np.zeros((len(counters), len(vocab)))
    for g, c in enumerate(counters):
        for w, n in c.items():
            i = index.get(w)
            if i is not None:
                counts[g, i] = n
    return vocab, counts


@dataclass(frozen=True)
class _Scored:
    """Words or bigrams (`kind`) scored against the rest: groups x features arrays."""

    kind: str
    vocab: list[str]
    counts: np.ndarray
    totals: np.ndarray
    corpus: np.ndarray
    delta: np.ndarray
    se: np.ndarray
    z: np.ndarray


def _ngrams(tables: CountTables, options: StatsOptions) -> Iterator[_Scored]:
    """Words, then bigrams, seen at least `min_count` times, with their log-odds per group."""
    for kind, counters in (("word", tables.unigrams), ("bigram", tables.bigrams)):
        totals = np.array([sum(c.values()) for c in counters], dtype=float)
        vocab, counts = _matrix(counters, options.min_count)
        if vocab:
            scores = log_odds_dirichlet(counts, totals, prior_scale=options.prior_scale)
            yield _Scored(kind, vocab, counts, totals, counts.sum(axis=0), *scores)


def distinguishing_ngrams(
    tables: CountTables, options: StatsOptions | None = None, *, keep: int | None = None
) -> pd.DataFrame:
    """Words and bigrams that distinguish each group from the rest (all voices).

    Words and bigrams are scored separately (each against its own totals, over features seen at
    least `min_count` times in the corpus). The `keep` (default `top_features`) highest z per
    group and kind are returned, with columns group, kind, feature, count, count_rest,
    rate_per_1k (per 1,000 counted words or bigrams), rate_rest_per_1k, corpus_count, log_odds,
    se, z, rank, small_sample.
    """
    options = options or StatsOptions()
    keep = options.top_features if keep is None else keep
    rows = group_rows(tables)
    frames = []
    for n in _ngrams(tables, options):
        kind, vocab, counts, totals, corpus = n.kind, n.vocab, n.counts, n.totals, n.corpus
        delta, se, z = n.delta, n.se, n.z
        for g, name in enumerate(tables.groups):
            zg = np.nan_to_num(z[g], nan=-np.inf)
            top = np.argsort(-zg, kind="stable")[:keep]
            top = top[np.isfinite(zg[top])]
            rest_total = totals.sum() - totals[g]
            frames.append(
                pd.DataFrame(
                    {
                        "group": name,
                        "kind": kind,
                        "feature": [vocab[i] for i in top],
                        "count": counts[g, top].astype(np.int64),
                        "count_rest": (corpus[top] - counts[g, top]).astype(np.int64),
                        "rate_per_1k": rate_per_1k(counts[g, top], totals[g]),
                        "rate_rest_per_1k": rate_per_1k(corpus[top] - counts[g, top], rest_total),
                        "corpus_count": corpus[top].astype(np.int64),
                        "log_odds": delta[g, top],
                        "se": se[g, top],
                        "z": z[g, top],
                        "rank": np.arange(1, len(top) + 1),
                        "small_sample": bool(
                            small_sample(len(rows[g]), tables.words[rows[g], 3].sum(), options)
                        ),
                    }
                )
            )
    if not frames:
        return pd.DataFrame(
            columns=["group", "kind", "feature", "count", "count_rest", "rate_per_1k", "z"]
        )
    return pd.concat(frames, ignore_index=True)


def ngram_scatter(
    tables: CountTables, options: StatsOptions | None = None, *, limit: int = 1000
) -> pd.DataFrame:
    """z against corpus frequency for the `limit` most frequent words and bigrams, per group
    (the data of the distinguishing-terms chart): group, kind, feature, corpus_count, z."""
    options = options or StatsOptions()
    frames = []
    for n in _ngrams(tables, options):
        top = np.argsort(-n.corpus, kind="stable")[:limit]
        for g, name in enumerate(tables.groups):
            frames.append(
                pd.DataFrame(
                    {
                        "group": name,
                        "kind": n.kind,
                        "feature": [n.vocab[i] for i in top],
                        "count": n.counts[g, top].astype(np.int64),
                        "corpus_count": n.corpus[top].astype(np.int64),
                        "z": n.z[g, top],
                    }
                )
            )
    if not frames:
        return pd.DataFrame(columns=["group", "kind", "feature", "count", "corpus_count", "z"])
    return pd.concat(frames, ignore_index=True)
