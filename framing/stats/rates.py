"""Rates per 1,000 words by group and voice, with bootstrap intervals over documents.

A group's rate for a term (or category, or label family) in a voice is
``1000 * (matches in that voice) / (words in that voice)``, summed over the group's documents:
author-voice matches per 1,000 words of the outlet's own narration, quote matches per 1,000
quoted words, and so on; ``all`` counts every match against every word.

The interval is a percentile bootstrap over documents: the group's documents are resampled with
replacement (as many as it has) `bootstrap` times and the rate recomputed each time; the 2.5th
and 97.5th percentiles of those rates bound the 95% interval. Terms, categories and families
share the same resamples, so their intervals are consistent with one another.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse

from framing.corpus.counts import VOICE_COLUMNS, CountTables
from framing.scores import rate_per_1k
from framing.stats.bootstrap import rate_intervals
from framing.stats.options import (
    StatsOptions,
    family_members,
    group_rng,
    group_rows,
    small_sample,
)

__all__ = [
    "category_rates",
    "family_rates",
    "group_summary",
    "rate_tables",
    "rates_over_time",
    "term_rates",
]


@dataclass(frozen=True)
class _Block:
    """Features of one kind (terms, categories or families), four voice columns each."""

    kind: str
    matrix: sparse.csr_matrix
    labels: pd.DataFrame  # one row per feature (without voice)


def _blocks(tables: CountTables, options: StatsOptions) -> list[_Block]:
    terms = tables.terms
    n_terms = len(terms)
    term_labels = pd.DataFrame(
        {
            "lexicon": [t.lexicon for t in terms],
            "term": [t.term for t in terms],
            "category": [t.category for t in terms],
            "direction": [t.direction for t in terms],
            "loaded": [t.loaded for t in terms],
        }
    )
    members = family_members(terms, options.families)
    term_families = [
        ";".join(f for f, ts in members.items() if any(m.key == t.key for m in ts)) for t in terms
    ]
    term_labels["families"] = term_families
    cats: dict[tuple[str, str], int] = {}
    for t in terms:
        cats.setdefault((t.lexicon, t.category), len(cats))
    rows, cols = [], []
    for i, t in enumerate(terms):
        c = cats[(t.lexicon, t.category)]
        for v in range(4):
            rows.append(4 * i + v)
            cols.append(4 * c + v)
    s_cat = sparse.csr_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(4 * n_terms, 4 * len(cats))
    )
    loaded_share = {
        key: any(t.loaded for t in terms if (t.lexicon, t.category) == key) for key in cats
    }
    cat_labels = pd.DataFrame(
        {
            "lexicon": [k[0] for k in cats],
            "category": [k[1] for k in cats],
            "loaded": [loaded_share[k] for k in cats],
        }
    )
    index = {t.key: i for i, t in enumerate(terms)}
    rows, cols = [], []
    for f, (family, _) in enumerate(options.families):
        for t in members[family]:
            for v in range(4):
                rows.append(4 * index[t.key] + v)
                cols.append(4 * f + v)
    s_fam = sparse.csr_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(4 * n_terms, 4 * len(options.families))
    )
    fam_labels = pd.DataFrame(
        {
            "family": [name for name, _ in options.families],
            "stem": [stem for _, stem in options.families],
            "terms": [len(members[name]) for name, _ in options.families],
        }
    )
    X = tables.X
    return [
        _Block("terms", X, term_labels),
        _Block("categories", (X @ s_cat).tocsr(), cat_labels),
        _Block("families", (X @ s_fam).tocsr(), fam_labels),
    ]


def rate_tables(
    tables: CountTables, options: StatsOptions | None = None
) -> dict[str, pd.DataFrame]:
    """Rates of terms, categories and label families by group and voice, with intervals.

    Returns ``{"terms": ..., "categories": ..., "families": ...}``, each with the columns
    group, <labels>, voice, count, docs, words, rate_per_1k, ci_low, ci_high, documents,
    small_sample. Only terms seen somewhere in the corpus are listed (with zeros for the groups
    that never use them).
    """
    options = options or StatsOptions()
    blocks = _blocks(tables, options)
    pieces: dict[str, list[pd.DataFrame]] = {b.kind: [] for b in blocks}
    all_rows = group_rows(tables)
    stacked = sparse.hstack([b.matrix for b in blocks]).tocsr()
    widths = [b.matrix.shape[1] for b in blocks]
    voice = np.tile(np.arange(4), sum(widths) // 4)
    for g, name in enumerate(tables.groups):
        idx = all_rows[g]
        Xg = stacked[idx]
        Wg = tables.words[idx]
        counts = np.asarray(Xg.sum(axis=0)).ravel()
        docs = np.asarray((Xg > 0).sum(axis=0)).ravel()
        words = Wg.sum(axis=0)
        den = words[voice]
        rate = rate_per_1k(counts, den)
        lo, hi = rate_intervals(
            Xg,
            Wg,
            voice,
            counts > 0,
            options.bootstrap,
            group_rng(options.seed, name),
            options.confidence,
        )
        zero = (counts == 0) & (den > 0)
        lo[zero] = hi[zero] = 0.0
        warning = small_sample(len(idx), words[3], options)
        start = 0
        for block, width in zip(blocks, widths, strict=True):
            sl = slice(start, start + width)
            start += width
            labels = block.labels.loc[block.labels.index.repeat(4)].reset_index(drop=True)
            frame = pd.DataFrame(
                {
                    "group": name,
                    **{c: labels[c].to_numpy() for c in labels.columns},
                    "voice": np.tile(VOICE_COLUMNS, width // 4),
                    "count": counts[sl].astype(np.int64),
                    "docs": docs[sl].astype(np.int64),
                    "words": den[sl].astype(np.int64),
                    "rate_per_1k": rate[sl],
                    "ci_low": lo[sl],
                    "ci_high": hi[sl],
                    "documents": len(idx),
                    "small_sample": bool(warning),
                }
            )
            pieces[block.kind].append(frame)
    out = {}
    for block in blocks:
        frames = pieces[block.kind]
        out[block.kind] = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    return out


def term_rates(tables: CountTables, options: StatsOptions | None = None) -> pd.DataFrame:
    """Rates of each lexicon term by group and voice (see :func:`rate_tables`)."""
    return rate_tables(tables, options)["terms"]


def category_rates(tables: CountTables, options: StatsOptions | None = None) -> pd.DataFrame:
    """Rates of each lexicon category by group and voice (see :func:`rate_tables`)."""
    return rate_tables(tables, options)["categories"]


def family_rates(tables: CountTables, options: StatsOptions | None = None) -> pd.DataFrame:
    """Rates of each label family by group and voice (see :func:`rate_tables`)."""
    return rate_tables(tables, options)["families"]


def _loaded_columns(tables: CountTables) -> np.ndarray:
    loaded = np.array([t.loaded for t in tables.terms], dtype=bool)
    return np.repeat(loaded, 4)


def group_summary(tables: CountTables, options: StatsOptions | None = None) -> pd.DataFrame:
    """One row per group: documents, words by voice and their shares, loaded terms by voice,
    dates, and the small-sample warning."""
    options = options or StatsOptions()
    loaded_cols = _loaded_columns(tables)
    X = tables.X[:, np.flatnonzero(loaded_cols)] if loaded_cols.any() else None
    records = []
    for g, idx in enumerate(group_rows(tables)):
        words = tables.words[idx].sum(axis=0)
        loaded = (
            np.asarray(X[idx].sum(axis=0)).ravel().reshape(-1, 4).sum(axis=0)
            if X is not None
            else np.zeros(4)
        )
        dates = tables.doc_date[idx]
        dated = dates[~np.isnat(dates)]
        warning = small_sample(len(idx), words[3], options)
        row: dict[str, object] = {"group": tables.groups[g], "documents": len(idx)}
        row["words"] = int(words[3])
        for v, voice in enumerate(VOICE_COLUMNS[:3]):
            row[f"{voice}_words"] = int(words[v])
        for v, voice in enumerate(VOICE_COLUMNS[:3]):
            row[f"{voice}_share"] = words[v] / words[3] if words[3] else np.nan
        for v, voice in enumerate(VOICE_COLUMNS):
            row[f"loaded_{voice}"] = int(loaded[v])
        for v, voice in enumerate(VOICE_COLUMNS):
            row[f"loaded_{voice}_rate_per_1k"] = rate_per_1k(float(loaded[v]), float(words[v]))
        row["dated_documents"] = len(dated)
        row["first_date"] = str(dated.min()) if len(dated) else ""
        row["last_date"] = str(dated.max()) if len(dated) else ""
        row["small_sample"] = bool(warning)
        row["warning"] = warning
        records.append(row)
    return pd.DataFrame.from_records(records)


_FREQ = {"week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}


def choose_period(dates: np.ndarray, period: str = "auto") -> str:
    """The period for rates over time: `period`, or by the span of the dates when "auto"."""
    if period != "auto":
        return period
    dated = dates[~np.isnat(dates)]
    if not len(dated):
        return "month"
    span = int((dated.max() - dated.min()).astype(int))
    if span <= 120:
        return "week"
    if span <= 3 * 366:
        return "month"
    if span <= 10 * 366:
        return "quarter"
    return "year"


def rates_over_time(tables: CountTables, options: StatsOptions | None = None) -> pd.DataFrame:
    """Loaded-term and label-family rates per group and period (dated documents only).

    Columns: group, period (its first day), period_label, measure ("loaded terms" or a family),
    voice, docs, words, count, rate_per_1k. Empty when no document has a date.
    """
    options = options or StatsOptions()
    dated = ~np.isnat(tables.doc_date)
    columns = ["group", "period", "period_label", "measure", "voice", "docs", "words", "count"]
    if not dated.any():
        return pd.DataFrame(columns=[*columns, "rate_per_1k"])
    period = choose_period(tables.doc_date, options.period)
    periods = pd.Series(tables.doc_date[dated]).dt.to_period(_FREQ[period])
    loaded = _loaded_columns(tables)
    Xd = tables.X[np.flatnonzero(dated)]
    measures: list[tuple[str, str, np.ndarray]] = []
    for v in (0, 3):
        cols = np.flatnonzero(loaded & (np.arange(len(loaded)) % 4 == v))
        measures.append(("loaded terms", VOICE_COLUMNS[v], cols))
    members = family_members(tables.terms, options.families)
    index = {t.key: i for i, t in enumerate(tables.terms)}
    for family, _ in options.families:
        cols = np.array([4 * index[t.key] + 3 for t in members[family]], dtype=np.int64)
        if len(cols):
            measures.append((family, "all", cols))
    base = pd.DataFrame(
        {
            "group": np.asarray(tables.groups, dtype=object)[tables.doc_group[dated]],
            "period": periods.dt.start_time.dt.date.astype(str).to_numpy(),
            "period_label": periods.astype(str).to_numpy(),
            "docs": 1,
        }
    )
    frames = []
    for measure, voice, cols in measures:
        v = VOICE_COLUMNS.index(voice)
        counts = np.asarray(Xd[:, cols].sum(axis=1)).ravel() if len(cols) else np.zeros(len(base))
        f = base.assign(measure=measure, voice=voice, words=tables.words[dated][:, v], count=counts)
        frames.append(f)
    long = pd.concat(frames, ignore_index=True)
    out = (
        long.groupby(["group", "period", "period_label", "measure", "voice"], sort=True)[
            ["docs", "words", "count"]
        ]
        .sum()
        .reset_index()
    )
    out["words"] = out["words"].astype(np.int64)
    out["count"] = out["count"].astype(np.int64)
    out["rate_per_1k"] = rate_per_1k(out["count"], out["words"])
    out = out[[*columns, "rate_per_1k"]]
    out.attrs["period"] = period
    return out
