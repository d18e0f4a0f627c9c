"""Pairwise comparisons of category rates between groups, with Benjamini-Hochberg correction.

For each category, voice and pair of groups (a, b), the rates R = sum(count) / sum(words) are
compared with a Welch t-test on ratio estimators: each group's variance is the linearised
(cluster-robust) variance of a ratio estimator over its documents (Cochran 1977, Sampling
Techniques, section 6.4),

    V = n / (n - 1) * sum_i (c_i - R w_i)^2 / (sum_i w_i)^2,

t = (R_a - R_b) / sqrt(V_a + V_b), with Welch-Satterthwaite degrees of freedom. Documents are
the units, so a few long or unusual articles cannot pass for many independent words. The p-values
of all tests in the table are adjusted together for the false-discovery rate (Benjamini &
Hochberg 1995). Effect sizes: the difference in rate per 1,000 words (with its confidence
interval) and the rate ratio.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
from scipy import sparse
from scipy import stats as st

from framing.corpus.counts import VOICE_COLUMNS, CountTables
from framing.scores import rate_per_1k
from framing.stats.options import StatsOptions, group_rows, small_sample

__all__ = ["benjamini_hochberg", "pairwise_tests"]


def benjamini_hochberg(p: np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values by ``scipy.stats.false_discovery_control`` (NaN
    stays NaN and is not counted among the tests)."""
    p = np.asarray(p, dtype=float)
    out = np.full_like(p, np.nan)
    tested = ~np.isnan(p)
    if tested.any():
        out[tested] = st.false_discovery_control(p[tested], method="bh")
    return out


def _category_matrix(tables: CountTables) -> tuple[sparse.csr_matrix, list[tuple[str, str]]]:
    cats: dict[tuple[str, str], int] = {}
    for t in tables.terms:
        cats.setdefault((t.lexicon, t.category), len(cats))
    rows, cols = [], []
    for i, t in enumerate(tables.terms):
        c = cats[(t.lexicon, t.category)]
        for v in range(4):
            rows.append(4 * i + v)
            cols.append(4 * c + v)
    agg = sparse.csr_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(4 * len(tables.terms), 4 * len(cats))
    )
    return (tables.X @ agg).tocsr(), list(cats)


def pairwise_tests(tables: CountTables, options: StatsOptions | None = None) -> pd.DataFrame:
    """Welch tests of category rates for every pair of groups, BH-adjusted over the whole table.

    Columns: lexicon, category, voice, group_a, group_b, docs_a, docs_b, rate_a, rate_b,
    diff_per_1k, diff_ci_low, diff_ci_high, rate_ratio, t, df, p_value, p_adjusted, significant,
    small_sample. A pair where neither group uses the category, or a group has fewer than two
    documents, gets no test (NaN).
    """
    options = options or StatsOptions()
    C, cats = _category_matrix(tables)
    rows = group_rows(tables)
    n_groups = len(tables.groups)
    stats: dict[str, dict[str, np.ndarray]] = {}
    for voice in options.pairwise_voices:
        v = VOICE_COLUMNS.index(voice)
        cols = np.arange(len(cats)) * 4 + v
        shape = (n_groups, len(cats))
        s: dict[str, np.ndarray] = {k: np.zeros(shape) for k in ("c", "cc", "cw")}
        s["w"] = np.zeros(n_groups)
        s["ww"] = np.zeros(n_groups)
        s["n"] = np.array([len(idx) for idx in rows], dtype=float)
        for g, idx in enumerate(rows):
            Xg = C[idx][:, cols]
            w = tables.words[idx, v]
            s["c"][g] = np.asarray(Xg.sum(axis=0)).ravel()
            s["cc"][g] = np.asarray(Xg.multiply(Xg).sum(axis=0)).ravel()
            s["cw"][g] = np.asarray(Xg.T @ w).ravel()
            s["w"][g] = w.sum()
            s["ww"][g] = (w * w).sum()
        stats[voice] = s
    level = options.confidence
    records = []
    for voice, s in stats.items():
        with np.errstate(divide="ignore", invalid="ignore"):
            R = np.where(s["w"][:, None] > 0, s["c"] / s["w"][:, None], np.nan)
            sse = s["cc"] - 2 * R * s["cw"] + R * R * s["ww"][:, None]
            n = s["n"][:, None]
            V = np.where(n > 1, n / (n - 1) * np.maximum(sse, 0.0) / s["w"][:, None] ** 2, np.nan)
        warn = [
            bool(small_sample(s["n"][g], tables.words[rows[g], 3].sum(), options))
            for g in range(n_groups)
        ]
        for a, b in itertools.combinations(range(n_groups), 2):
            ra, rb = R[a], R[b]
            rate_a, rate_b = rate_per_1k(s["c"][a], s["w"][a]), rate_per_1k(s["c"][b], s["w"][b])
            va, vb = V[a], V[b]
            var = va + vb
            diff = ra - rb
            with np.errstate(divide="ignore", invalid="ignore"):
                t = diff / np.sqrt(var)
                dof = var**2 / (va**2 / (s["n"][a] - 1) + vb**2 / (s["n"][b] - 1))
                ratio = ra / rb
            untested = (
                (s["c"][a] + s["c"][b] == 0) | ~np.isfinite(t) | ~np.isfinite(dof) | (var <= 0)
            )
            t = np.where(untested, np.nan, t)
            dof = np.where(untested, np.nan, dof)
            p = np.where(
                untested, np.nan, 2 * st.t.sf(np.abs(np.nan_to_num(t)), np.nan_to_num(dof, nan=1.0))
            )
            half = st.t.ppf(0.5 + level / 2, np.nan_to_num(dof, nan=1.0)) * np.sqrt(var)
            half = np.where(untested, np.nan, half)
            for k, (lexicon, category) in enumerate(cats):
                records.append(
                    (
                        lexicon,
                        category,
                        voice,
                        tables.groups[a],
                        tables.groups[b],
                        int(s["n"][a]),
                        int(s["n"][b]),
                        rate_a[k],
                        rate_b[k],
                        1000 * diff[k],
                        1000 * (diff[k] - half[k]),
                        1000 * (diff[k] + half[k]),
                        ratio[k] if np.isfinite(ratio[k]) else np.nan,
                        t[k],
                        dof[k],
                        p[k],
                        warn[a] or warn[b],
                    )
                )
    columns = [
        "lexicon",
        "category",
        "voice",
        "group_a",
        "group_b",
        "docs_a",
        "docs_b",
        "rate_a",
        "rate_b",
        "diff_per_1k",
        "diff_ci_low",
        "diff_ci_high",
        "rate_ratio",
        "t",
        "df",
        "p_value",
        "small_sample",
    ]
    out = pd.DataFrame.from_records(records, columns=columns)
    out["p_adjusted"] = benjamini_hochberg(out["p_value"].to_numpy())
    out["significant"] = out["p_adjusted"] < options.alpha
    return out[[*columns[:-1], "p_adjusted", "significant", "small_sample"]]
