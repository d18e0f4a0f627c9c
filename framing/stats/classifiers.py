"""Frame distributions and sentence bias by group, from the classifiers' per-document outputs.

These summarize estimates of statistical models (:mod:`framing.models`), not annotations: a
group's frame share is the share of its documents for which the frame model predicts the frame,
and its mean frame probability the mean of the model's probabilities over those documents; its
sentence-bias share is the share of its sentences the bias model predicts biased (sentences
pooled over documents, per voice: the voice a sentence is mostly in). Each comes with a 95%
percentile-bootstrap interval over documents, drawn as for the rates (the group's documents
resampled with replacement, ``bootstrap`` times, from a stream that depends only on the seed, the
group's name and the statistic).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.annotate.voice import VOICES
from framing.corpus.counts import CountTables
from framing.stats.bootstrap import percentile_interval, resampled_sums
from framing.stats.options import StatsOptions, group_rng, group_rows, small_sample

__all__ = ["BIAS_COLUMNS", "FRAME_COLUMNS", "bias_by_group", "frame_distributions"]

#: The columns every frame and bias row ends with: the share's interval, the mean probability
#: with its interval, and the small-sample flag.
_ESTIMATES = [
    "ci_low",
    "ci_high",
    "mean_probability",
    "mean_ci_low",
    "mean_ci_high",
    "small_sample",
]
FRAME_COLUMNS = ["group", "frame", "documents", "predicted", "predicted_share", *_ESTIMATES]
BIAS_COLUMNS = ["group", "voice", "documents", "sentences", "biased", "biased_share", *_ESTIMATES]


def _interval(values: np.ndarray | None, options: StatsOptions, width: int) -> np.ndarray:
    """The percentile interval (2 x width) of resampled statistics (NaN without resamples)."""
    if values is None:
        return np.full((2, width), np.nan)
    return percentile_interval(values, options.confidence).reshape(2, width)


def frame_distributions(tables: CountTables, options: StatsOptions | None = None) -> pd.DataFrame:
    """Per group and frame: documents, how many the frame model predicts the frame for, that
    share with its interval, and the mean frame probability with its interval.

    One row per group x frame (frames in the model's order). Empty (with the columns) when the
    documents carry no frame outputs.
    """
    options = options or StatsOptions()
    m = tables.models
    if m is None or not m.any_frames:
        return pd.DataFrame(columns=FRAME_COLUMNS)
    width = len(m.frames)
    pieces = []
    for g, rows in enumerate(group_rows(tables)):
        name = tables.groups[g]
        idx = rows[m.has_frames[rows]]
        chosen = np.nan_to_num(m.predicted[idx])
        proba = np.nan_to_num(m.probability[idx])
        n = len(idx)
        rng = group_rng(options.seed, name, "frames")
        sums = resampled_sums(np.hstack([chosen, proba]), options.bootstrap, rng)
        bounds = _interval(None if sums is None else sums / n, options, 2 * width)
        warning = small_sample(len(rows), tables.words[rows, 3].sum(), options)
        with np.errstate(invalid="ignore"):
            share = chosen.sum(axis=0) / n if n else np.full(width, np.nan)
            mean = proba.sum(axis=0) / n if n else np.full(width, np.nan)
        pieces.append(
            pd.DataFrame(
                {
                    "group": name,
                    "frame": list(m.frames),
                    "documents": n,
                    "predicted": chosen.sum(axis=0).astype(np.int64),
                    "predicted_share": share,
                    "ci_low": bounds[0, :width],
                    "ci_high": bounds[1, :width],
                    "mean_probability": mean,
                    "mean_ci_low": bounds[0, width:],
                    "mean_ci_high": bounds[1, width:],
                    "small_sample": bool(warning),
                }
            )
        )
    return pd.concat(pieces, ignore_index=True)[FRAME_COLUMNS]


def bias_by_group(tables: CountTables, options: StatsOptions | None = None) -> pd.DataFrame:
    """Per group and voice: sentences, how many the bias model predicts biased, that share with
    its interval, and the mean bias probability of the sentences with its interval.

    Voices: ``author``, ``quote``, ``attributed`` (the voice a sentence is mostly in) and
    ``all``. Empty (with the columns) when the documents carry no bias outputs.
    """
    options = options or StatsOptions()
    m = tables.models
    if m is None or not m.any_bias:
        return pd.DataFrame(columns=BIAS_COLUMNS)
    voices = (*VOICES, "all")
    records = []
    for g, rows in enumerate(group_rows(tables)):
        name = tables.groups[g]
        idx = rows[m.has_bias[rows]]
        per_voice = m.bias[idx]  # documents x voices x (sentences, biased, probability sum)
        x = np.concatenate([per_voice, per_voice.sum(axis=1, keepdims=True)], axis=1)
        sums = resampled_sums(x, options.bootstrap, group_rng(options.seed, name, "bias"))
        ratios = None
        if sums is not None:
            with np.errstate(divide="ignore", invalid="ignore"):
                ratios = np.concatenate(
                    [sums[:, :, 1] / sums[:, :, 0], sums[:, :, 2] / sums[:, :, 0]], axis=1
                )
        bounds = _interval(ratios, options, 2 * len(voices))
        total = x.sum(axis=0)
        warning = small_sample(len(rows), tables.words[rows, 3].sum(), options)
        for v, voice in enumerate(voices):
            sentences, biased, probability = total[v]
            records.append(
                {
                    "group": name,
                    "voice": voice,
                    "documents": len(idx),
                    "sentences": int(sentences),
                    "biased": int(biased),
                    "biased_share": biased / sentences if sentences else np.nan,
                    "ci_low": bounds[0, v],
                    "ci_high": bounds[1, v],
                    "mean_probability": probability / sentences if sentences else np.nan,
                    "mean_ci_low": bounds[0, len(voices) + v],
                    "mean_ci_high": bounds[1, len(voices) + v],
                    "small_sample": bool(warning),
                }
            )
    return pd.DataFrame.from_records(records, columns=BIAS_COLUMNS)
