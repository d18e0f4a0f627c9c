"""The one bootstrap of framing: percentile intervals over resampled documents (or samples).

Every interval resamples the same way: a random stream draws ``rng.integers(0, n, (B, n))``, B
resamples of the n units with replacement (the draws do not depend on how many resamples are
drawn at once, so chunks only bound memory). What is recomputed on each resample:

* :func:`resampled_sums`: column sums of a dense array (means, shares, ratios of sums), for the
  report's sentiment, frame and bias tables;
* :func:`rate_intervals`: rates per 1,000 words of sparse term counts, for the report's rate
  tables (thousands of sparse columns: each chunk of resamples is a sparse matrix of how often
  each document is drawn; ``bench/bench_bootstrap.py`` measures it against
  ``scipy.stats.bootstrap``);
* :func:`paired_bootstrap`: any vectorized statistic of paired samples, by
  ``scipy.stats.bootstrap`` (model evaluation, :mod:`framing.stats.evaluation`).

:func:`percentile_interval` turns resampled statistics into intervals, ignoring resamples where
a statistic is undefined (NaN). The report's tables keep NumPy's quantile rather than
``scipy.stats.bootstrap``'s own (``scipy.stats.quantile``): the two differ in the last bit, and
the report's numbers stay the same from release to release.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from scipy import stats as st

from framing.scores import rate_per_1k

__all__ = [
    "paired_bootstrap",
    "percentile_interval",
    "rate_intervals",
    "resampled_sums",
    "resamples",
]

CELLS = 2_000_000  # resampled cells drawn at once (bounds memory)


def resamples(
    n: int, n_resamples: int, rng: np.random.Generator, *, width: int = 1
) -> Iterator[tuple[slice, NDArray[np.int64]]]:
    """Chunks of resamples: (rows of the output, drawn indices: resamples x `n`).

    `width`: the cells one drawn unit takes in the caller's work (columns), which sets the
    chunk size; the draws are the same whatever it is.
    """
    step = max(1, CELLS // max(n * width, 1))
    for start in range(0, n_resamples, step):
        b = min(step, n_resamples - start)
        yield slice(start, start + b), rng.integers(0, n, size=(b, n))


def resampled_sums(
    x: NDArray[Any], n_resamples: int, rng: np.random.Generator
) -> NDArray[np.float64] | None:
    """Column sums of `x` (units x ...) over `n_resamples` resamples of its units (rows), as
    resamples x ...; None without units or resamples."""
    n = x.shape[0]
    if not n or not n_resamples:
        return None
    width = int(np.prod(x.shape[1:]))
    out = np.empty((n_resamples, *x.shape[1:]))
    for rows, idx in resamples(n, n_resamples, rng, width=width):
        out[rows] = x[idx].sum(axis=1)
    return out


def percentile_interval(resampled: NDArray[Any], confidence: float) -> NDArray[np.float64]:
    """The percentile interval (2 x ...: low, high) of statistics resampled along axis 0,
    ignoring NaN resamples (a column of NaN only gives NaN)."""
    alpha = (1.0 - confidence) / 2.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.asarray(np.nanquantile(resampled, (alpha, 1.0 - alpha), axis=0))


def rate_intervals(
    counts: sparse.csr_matrix,
    words: NDArray[Any],
    voice: NDArray[np.intp],
    used: NDArray[np.bool_],
    n_resamples: int,
    rng: np.random.Generator,
    confidence: float,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Percentile intervals of rates per 1,000 words, resampling documents.

    `counts` is documents x columns, `words` documents x voices, `voice` the voice (column of
    `words`) of each count column; only the `used` columns are resampled (the others get 0).
    A resample whose documents have no words in a column's voice is left out of its interval.
    """
    n = counts.shape[0]
    cols = np.flatnonzero(used)
    lo = np.zeros(len(used))
    hi = np.zeros(len(used))
    if n_resamples == 0 or n == 0 or not len(cols):
        lo[:] = hi[:] = np.nan
        return lo, hi
    chosen = counts.tocsc()[:, cols].tocsr()
    vcols = voice[cols]
    out = np.empty((n_resamples, len(cols)))
    for rows, picks in resamples(n, n_resamples, rng, width=max(1, len(cols) // n)):
        b = rows.stop - rows.start
        drawn = sparse.csr_matrix(
            (np.ones(b * n), (np.repeat(np.arange(b), n), picks.ravel())), shape=(b, n)
        )
        num = np.asarray((drawn @ chosen).todense())
        den = np.asarray(drawn @ words)[:, vcols]
        out[rows] = rate_per_1k(num, den)
    lo[cols], hi[cols] = percentile_interval(out, confidence)
    return lo, hi


def paired_bootstrap(
    data: Sequence[NDArray[Any]],
    statistic: Callable[..., NDArray[np.float64]],
    *,
    n_resamples: int = 1000,
    confidence: float = 0.95,
    seed: int = 0,
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """Point estimates and percentile intervals of a vectorized `statistic` of paired samples.

    `data`: arrays with the samples along axis 0 (e.g. true and predicted labels); `statistic`
    takes them with the samples along the last axis and returns floats (any leading shape),
    reducing that axis. Resamples the pairs by ``scipy.stats.bootstrap`` with the stream of
    ``numpy.random.default_rng(seed)``. Returns ``(point, low, high)``.
    """
    arrays = [np.asarray(a) for a in data]
    point = np.asarray(statistic(*[np.moveaxis(a, 0, -1) for a in arrays], axis=-1), float)
    n = len(arrays[0])
    if n < 2 or not n_resamples:  # every resample of one sample is that sample
        return point, point.copy(), point.copy()
    width = max(1, int(np.prod(arrays[0].shape[1:])))
    result = st.bootstrap(
        arrays,
        statistic,
        n_resamples=n_resamples,
        batch=max(1, CELLS // (n * width)),
        vectorized=True,
        paired=True,
        axis=0,
        confidence_level=confidence,
        method="percentile",
        rng=np.random.default_rng(seed),
    )
    ci = result.confidence_interval
    return point, np.asarray(ci.low, float), np.asarray(ci.high, float)
