"""Per-group distributions: document sentiment and subjectivity, and actor-label choices."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.corpus.counts import CountTables
from framing.stats.bootstrap import percentile_interval, resampled_sums
from framing.stats.options import StatsOptions, group_rng, group_rows, small_sample

__all__ = ["actor_labels", "sentiment_summary", "sentiment_values"]


def sentiment_values(tables: CountTables) -> dict[str, np.ndarray]:
    """The per-document measures: Pattern polarity and subjectivity, and VADER when computed."""
    out = {"polarity": tables.polarity, "subjectivity": tables.subjectivity}
    if tables.vader is not None:
        out["vader_compound"] = tables.vader
    return out


def sentiment_summary(tables: CountTables, options: StatsOptions | None = None) -> pd.DataFrame:
    """Distribution of each sentiment measure per group: n, mean (with a bootstrap interval),
    standard deviation and quartiles. One row per group x measure."""
    options = options or StatsOptions()
    records = []
    for g, idx in enumerate(group_rows(tables)):
        name = tables.groups[g]
        warning = small_sample(len(idx), tables.words[idx, 3].sum(), options)
        for measure, values in sentiment_values(tables).items():
            x = values[idx]
            sums = resampled_sums(x, options.bootstrap, group_rng(options.seed, name, measure))
            lo, hi = (
                (np.nan, np.nan)
                if sums is None
                else percentile_interval(sums / len(x), options.confidence)
            )
            q = np.quantile(x, [0.25, 0.5, 0.75]) if len(x) else [np.nan] * 3
            records.append(
                {
                    "group": name,
                    "measure": measure,
                    "n": len(x),
                    "mean": float(x.mean()) if len(x) else np.nan,
                    "ci_low": lo,
                    "ci_high": hi,
                    "sd": float(x.std(ddof=1)) if len(x) > 1 else np.nan,
                    "q25": q[0],
                    "median": q[1],
                    "q75": q[2],
                    "small_sample": bool(warning),
                }
            )
    return pd.DataFrame.from_records(records)


def actor_labels(tables: CountTables, options: StatsOptions | None = None) -> pd.DataFrame:
    """Which labels each group uses for each actor, with shares (from ``framing.annotate.actors``).

    One row per group x actor x label x voice ("author", "quote", "attributed" and "all"):
    count, the actor's label total in that group and voice, and share = count / total.
    Empty (with the columns) when the actor layer found no labels.
    """
    options = options or StatsOptions()
    columns = [
        "group",
        "actor_key",
        "actor",
        "label",
        "voice",
        "count",
        "actor_total",
        "share",
        "small_sample",
    ]
    if not tables.actor_labels:
        return pd.DataFrame(columns=columns)
    rows = group_rows(tables)
    warn = [bool(small_sample(len(idx), tables.words[idx, 3].sum(), options)) for idx in rows]
    records = [
        (tables.groups[g], key, tables.actor_names.get(key, key), label, voice, n)
        for (g, key, label, voice), n in tables.actor_labels.items()
    ]
    frame = pd.DataFrame.from_records(
        records, columns=["group", "actor_key", "actor", "label", "voice", "count"]
    )
    both = frame.assign(voice="all")
    frame = (
        pd.concat([frame, both], ignore_index=True)
        .groupby(["group", "actor_key", "actor", "label", "voice"], sort=True)["count"]
        .sum()
        .reset_index()
    )
    frame["actor_total"] = frame.groupby(["group", "actor_key", "voice"])["count"].transform("sum")
    frame["share"] = frame["count"] / frame["actor_total"]
    frame["small_sample"] = [warn[tables.groups.index(g)] for g in frame["group"]]
    return frame[columns]
