"""Metrics with uncertainty: precision, recall and F1 with bootstrap CIs, calibration error.

Everything here takes arrays of true labels and predictions (or probabilities) and returns plain
numbers or small dataclasses, unrounded; rounding happens only when displaying.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "Estimate",
    "best_threshold",
    "bootstrap_ci",
    "classification_scores",
    "expected_calibration_error",
    "multilabel_scores",
]


@dataclass(frozen=True)
class Estimate:
    """A point estimate with a percentile-bootstrap confidence interval."""

    value: float
    low: float
    high: float
    level: float = 0.95

    def to_dict(self) -> dict[str, float]:
        return {"value": self.value, "low": self.low, "high": self.high, "level": self.level}

    def __str__(self) -> str:
        return f"{self.value:.3f} [{self.low:.3f}, {self.high:.3f}]"


def _f1(tp: NDArray[Any], fp: NDArray[Any], fn: NDArray[Any]) -> NDArray[np.float64]:
    denom = 2 * tp + fp + fn
    return np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 0.0)


def _ratio(num: NDArray[Any], den: NDArray[Any]) -> NDArray[np.float64]:
    return np.where(den > 0, num / np.maximum(den, 1), 0.0)


def _counts(
    y_true: NDArray[Any], y_pred: NDArray[Any], weights: NDArray[Any]
) -> tuple[NDArray[Any], NDArray[Any], NDArray[Any]]:
    """True positives, false positives, false negatives per resample (rows) and label (columns).

    `y_true` and `y_pred` are 0/1 matrices (samples x labels); `weights` is resamples x samples
    (how often each sample is drawn).
    """
    t = y_true.astype(np.float64)
    p = y_pred.astype(np.float64)
    tp = weights @ (t * p)
    fp = weights @ ((1 - t) * p)
    fn = weights @ (t * (1 - p))
    return tp, fp, fn


def _resample_weights(n: int, n_boot: int, seed: int) -> NDArray[np.float64]:
    """How often each of `n` samples is drawn in each of `n_boot` bootstrap resamples."""
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, n, size=(n_boot, n))
    weights = np.zeros((n_boot, n))
    np.add.at(weights, (np.repeat(np.arange(n_boot), n), draws.ravel()), 1.0)
    return weights


def _estimate(point: float, samples: NDArray[Any], level: float) -> Estimate:
    alpha = (1 - level) / 2
    low, high = np.quantile(samples, [alpha, 1 - alpha])
    return Estimate(float(point), float(low), float(high), level)


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
    weights = _resample_weights(len(x), n_boot, seed)
    return _estimate(float(x.mean()), weights @ x / len(x), level)


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
    weights = np.vstack([np.ones(len(yt)), _resample_weights(len(yt), n_boot, seed)])
    tp, fp, fn = _counts(t, p, weights)
    precision, recall, f1 = _ratio(tp, tp + fp), _ratio(tp, tp + fn), _f1(tp, fp, fn)
    accuracy = tp.sum(axis=1) / weights.sum(axis=1)
    per_label = {}
    for j, lab in enumerate(labels):
        per_label[str(lab)] = {
            "precision": _estimate(precision[0, j], precision[1:, j], level),
            "recall": _estimate(recall[0, j], recall[1:, j], level),
            "f1": _estimate(f1[0, j], f1[1:, j], level),
            "support": int(t[:, j].sum()),
        }
    macro = f1.mean(axis=1)
    return {
        "labels": per_label,
        "macro_f1": _estimate(macro[0], macro[1:], level),
        "accuracy": _estimate(accuracy[0], accuracy[1:], level),
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
    weights = np.vstack([np.ones(len(t)), _resample_weights(len(t), n_boot, seed)])
    tp, fp, fn = _counts(t, p, weights)
    stp, sfp, sfn = tp.sum(axis=1), fp.sum(axis=1), fn.sum(axis=1)
    micro = {
        "precision": _ratio(stp, stp + sfp),
        "recall": _ratio(stp, stp + sfn),
        "f1": _f1(stp, sfp, sfn),
    }
    f1 = _f1(tp, fp, fn)
    per_label = {}
    for j, lab in enumerate(labels):
        per_label[lab] = {
            "precision": _estimate(_ratio(tp, tp + fp)[0, j], _ratio(tp, tp + fp)[1:, j], level),
            "recall": _estimate(_ratio(tp, tp + fn)[0, j], _ratio(tp, tp + fn)[1:, j], level),
            "f1": _estimate(f1[0, j], f1[1:, j], level),
            "support": int(t[:, j].sum()),
        }
    macro = f1.mean(axis=1)
    return {
        "labels": per_label,
        "micro_precision": _estimate(micro["precision"][0], micro["precision"][1:], level),
        "micro_recall": _estimate(micro["recall"][0], micro["recall"][1:], level),
        "micro_f1": _estimate(micro["f1"][0], micro["f1"][1:], level),
        "macro_f1": _estimate(macro[0], macro[1:], level),
        "n": len(t),
    }


def expected_calibration_error(
    y_true: ArrayLike, probability: ArrayLike, *, n_bins: int = 10
) -> float:
    """Expected calibration error: the mean |observed rate - mean probability| over equal-width
    probability bins, weighted by the share of samples in each bin.

    `y_true` is 0/1 (any shape), `probability` the predicted probability of 1, same shape; for
    several labels every (sample, label) pair counts once.
    """
    t = np.asarray(y_true, dtype=np.float64).ravel()
    p = np.asarray(probability, dtype=np.float64).ravel()
    if t.shape != p.shape or not len(t):
        raise ValueError("y_true and probability must be non-empty and of the same shape")
    bins = np.minimum((p * n_bins).astype(int), n_bins - 1)
    total = 0.0
    for b in range(n_bins):
        mask = bins == b
        if mask.any():
            total += mask.sum() * abs(t[mask].mean() - p[mask].mean())
    return float(total / len(t))


def best_threshold(
    y_true: ArrayLike,
    probability: ArrayLike,
    *,
    average: str = "macro",
    grid: NDArray[np.float64] | None = None,
) -> float:
    """The probability threshold that maximizes F1 on these (out-of-fold) predictions.

    `average`: "macro" for a binary task (macro-F1 over both classes), "micro" for a 0/1 label
    matrix, "binary" for the F1 of the positive class. Ties go to the threshold nearest 0.5.
    """
    t = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(probability, dtype=np.float64)
    grid = np.round(np.arange(0.2, 0.801, 0.01), 2) if grid is None else grid
    best, best_key = 0.5, (-1.0, 0.0)
    for th in grid:
        pred = (p >= th).astype(np.float64)
        tp = float((t * pred).sum())
        fp = float(((1 - t) * pred).sum())
        fn = float((t * (1 - pred)).sum())
        score = _f1(np.array(tp), np.array(fp), np.array(fn)).item()
        if average == "macro":
            tn = float(((1 - t) * (1 - pred)).sum())
            score = (score + _f1(np.array(tn), np.array(fn), np.array(fp)).item()) / 2
        elif average not in ("micro", "binary"):
            raise ValueError(f"unknown average {average!r}")
        key = (round(score, 12), -abs(float(th) - 0.5))
        if key > best_key:
            best, best_key = float(th), key
    return best
