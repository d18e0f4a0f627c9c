"""Metrics the classifiers use while fitting: F1 from counts, the best threshold, calibration.

Evaluation with bootstrap intervals (precision, recall and F1 of a fitted model on held-out
data) is a statistic of its own: :mod:`framing.stats.evaluation`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["best_threshold", "expected_calibration_error", "f1_from_counts"]


def f1_from_counts(tp: NDArray[Any], fp: NDArray[Any], fn: NDArray[Any]) -> NDArray[np.float64]:
    """F1 from true positives, false positives and false negatives (0 where all three are 0)."""
    denom = 2 * tp + fp + fn
    return np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 0.0)


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
        score = f1_from_counts(np.array(tp), np.array(fp), np.array(fn)).item()
        if average == "macro":
            tn = float(((1 - t) * (1 - pred)).sum())
            score = (score + f1_from_counts(np.array(tn), np.array(fn), np.array(fp)).item()) / 2
        elif average not in ("micro", "binary"):
            raise ValueError(f"unknown average {average!r}")
        key = (round(score, 12), -abs(float(th) - 0.5))
        if key > best_key:
            best, best_key = float(th), key
    return best
