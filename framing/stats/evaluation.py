"""Evaluating a classifier: precision, recall and F1 with bootstrap intervals.

Everything here takes arrays of true labels and predictions and returns plain numbers or small
dataclasses, unrounded; rounding happens only when displaying. Intervals are percentile
bootstraps over the (true, predicted) pairs (:func:`framing.stats.bootstrap.paired_bootstrap`,
i.e. ``scipy.stats.bootstrap``), 1,000 resamples with a fixed seed. The helpers the estimators
use while fitting (:func:`~framing.models.metrics.best_threshold`,
:func:`~framing.models.metrics.expected_calibration_error`) live in :mod:`framing.models.metrics`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from framing.models.metrics import f1_from_counts
from framing.stats.bootstrap import paired_bootstrap

__all__ = ["Estimate", "bootstrap_ci", "classification_scores", "multilabel_scores"]


@dataclass(frozen=True)
class Estimate:
    """A point estimate with a percentile-bootstrap confidence interval."""

    value: float
    low: float
    high: float
    level: float = 0.95

    def to_dict(self) -> dict[str, float]:
        return asdict(self)

    def __str__(self) -> str:
        return f"{self.value:.3f} [{self.low:.3f}, {self.high:.3f}]"


def _ratio(num: NDArray[Any], den: NDArray[Any]) -> NDArray[np.float64]:
    return np.where(den > 0, num / np.maximum(den, 1), 0.0)


def _counts(t: NDArray[Any], p: NDArray[Any]) -> tuple[NDArray[Any], NDArray[Any], NDArray[Any]]:
    """True positives, false positives and false negatives of 0/1 arrays, summed over the last
    axis (the samples)."""
    t = t.astype(bool)
    p = p.astype(bool)
    tp = (t & p).sum(axis=-1).astype(np.float64)
    fp = (~t & p).sum(axis=-1).astype(np.float64)
    fn = (t & ~p).sum(axis=-1).astype(np.float64)
    return tp, fp, fn


def _estimates(
    point: NDArray[np.float64], low: NDArray[np.float64], high: NDArray[np.float64], level: float
) -> list[Estimate]:
    return [
        Estimate(float(v), float(lo), float(hi), level)
        for v, lo, hi in zip(point, low, high, strict=True)
    ]


def bootstrap_ci(
    values: ArrayLike,
    statistic: str = "mean",
    *,
    n_boot: int = 1000,
    level: float = 0.95,
    seed: int = 0,
) -> Estimate:
    """The mean of `values` with a percentile-bootstrap CI (resampling the values)."""
    if statistic != "mean":
        raise ValueError("only the mean is supported")
    x = np.asarray(values, dtype=np.float64)

    def mean(v: NDArray[Any], axis: int = -1) -> NDArray[np.float64]:
        return np.asarray(v.mean(axis=axis))[None]

    (estimate,) = _estimates(
        *paired_bootstrap([x], mean, n_resamples=n_boot, confidence=level, seed=seed), level
    )
    return estimate


def _label_scores(
    labels: Sequence[Any], estimates: list[Estimate], support: NDArray[Any]
) -> dict[str, dict[str, Any]]:
    """Per label: precision, recall and F1 (the first 3 x len(labels) estimates) and support."""
    k = len(labels)
    return {
        str(lab): {
            "precision": estimates[j],
            "recall": estimates[k + j],
            "f1": estimates[2 * k + j],
            "support": int(support[j]),
        }
        for j, lab in enumerate(labels)
    }


def _per_label(t: NDArray[Any], p: NDArray[Any]) -> list[NDArray[np.float64]]:
    """Precision, recall and F1 of each label (labels x ... x samples -> labels x ...)."""
    tp, fp, fn = _counts(t, p)
    return [_ratio(tp, tp + fp), _ratio(tp, tp + fn), f1_from_counts(tp, fp, fn)]


def classification_scores(
    y_true: Sequence[Any] | NDArray[Any],
    y_pred: Sequence[Any] | NDArray[Any],
    labels: Sequence[Any],
    *,
    n_boot: int = 1000,
    level: float = 0.95,
    seed: int = 0,
) -> dict[str, Any]:
    """Precision, recall and F1 per label, macro-F1 and accuracy, each with a bootstrap CI.

    Resamples the (true, predicted) pairs `n_boot` times with a fixed `seed`.
    """
    yt = np.asarray(y_true, dtype=object)
    yp = np.asarray(y_pred, dtype=object)
    if yt.shape != yp.shape or yt.ndim != 1 or not len(yt):
        raise ValueError("y_true and y_pred must be non-empty 1-D arrays of the same length")
    t = np.column_stack([yt == lab for lab in labels])
    p = np.column_stack([yp == lab for lab in labels])

    def statistic(t: NDArray[Any], p: NDArray[Any], axis: int = -1) -> NDArray[np.float64]:
        precision, recall, f1 = _per_label(t, p)
        tp = _counts(t, p)[0]
        accuracy = tp.sum(axis=0) / t.shape[-1]
        return np.concatenate([precision, recall, f1, f1.mean(axis=0)[None], accuracy[None]])

    estimates = _estimates(
        *paired_bootstrap([t, p], statistic, n_resamples=n_boot, confidence=level, seed=seed),
        level,
    )
    return {
        "labels": _label_scores(labels, estimates, t.sum(axis=0)),
        "macro_f1": estimates[-2],
        "accuracy": estimates[-1],
        "n": len(yt),
    }


def multilabel_scores(
    y_true: ArrayLike,
    y_pred: ArrayLike,
    labels: Sequence[str],
    *,
    n_boot: int = 1000,
    level: float = 0.95,
    seed: int = 0,
) -> dict[str, Any]:
    """Micro and macro precision, recall and F1 of a 0/1 label matrix, resampling documents."""
    t = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    if t.shape != p.shape or t.ndim != 2 or t.shape[1] != len(labels) or not len(t):
        raise ValueError("y_true and y_pred must be documents x labels matrices of one shape")

    def statistic(t: NDArray[Any], p: NDArray[Any], axis: int = -1) -> NDArray[np.float64]:
        precision, recall, f1 = _per_label(t, p)
        tp, fp, fn = (c.sum(axis=0) for c in _counts(t, p))
        micro = [_ratio(tp, tp + fp), _ratio(tp, tp + fn), f1_from_counts(tp, fp, fn)]
        return np.concatenate([precision, recall, f1, np.stack([*micro, f1.mean(axis=0)])], axis=0)

    estimates = _estimates(
        *paired_bootstrap([t, p], statistic, n_resamples=n_boot, confidence=level, seed=seed),
        level,
    )
    micro_precision, micro_recall, micro_f1, macro_f1 = estimates[-4:]
    return {
        "labels": _label_scores(labels, estimates, t.sum(axis=0)),
        "micro_precision": micro_precision,
        "micro_recall": micro_recall,
        "micro_f1": micro_f1,
        "macro_f1": macro_f1,
        "n": len(t),
    }
