"""The report's rate intervals: framing's sparse ratio bootstrap against scipy.stats.bootstrap.

Both resample a group's documents 1,000 times from the same random stream and take the
percentile interval of each rate (1,000 x count / words, summed over the drawn documents), for
every term x voice column a group uses. framing's helper (``framing.stats.bootstrap.
rate_intervals``) draws each chunk of resamples as a sparse matrix of how often each document is
drawn and multiplies it with the sparse counts; ``scipy.stats.bootstrap`` (paired, vectorized)
indexes dense copies of the columns. The script checks that the intervals agree and prints the
time of each and their ratio, in one process, for a few group sizes.

Run: ``python bench/bench_bootstrap.py [--resamples 1000]``
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from scipy import sparse
from scipy import stats as st

from framing.stats.bootstrap import CELLS, rate_intervals

TERMS = 3000  # lexicon terms, four voice columns each (author, quote, attributed, all)


def corpus(docs: int, seed: int = 0) -> tuple[sparse.csr_matrix, np.ndarray, np.ndarray]:
    """Sparse term counts (documents x 4 TERMS), words per voice, and each column's voice."""
    rng = np.random.default_rng(seed)
    words = rng.integers(150, 900, size=(docs, 3)).astype(float)
    words = np.column_stack([words, words.sum(axis=1)])
    used = rng.random((docs, TERMS)) < 0.02
    counts = np.where(used, rng.integers(1, 4, size=(docs, TERMS)), 0)
    share = rng.dirichlet([6, 2, 1], size=(docs, TERMS))
    by_voice = np.floor(counts[..., None] * share).astype(int)
    by_voice[..., 0] += counts - by_voice.sum(axis=2)
    X = np.concatenate([by_voice, counts[..., None]], axis=2).reshape(docs, 4 * TERMS)
    return sparse.csr_matrix(X.astype(float)), words, np.tile(np.arange(4), TERMS)


def with_scipy(
    X: sparse.csr_matrix, W: np.ndarray, voice: np.ndarray, used: np.ndarray, B: int, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    cols = np.flatnonzero(used)
    counts = X[:, cols].toarray()
    words = W[:, voice[cols]]

    def rate(c: np.ndarray, w: np.ndarray, axis: int = -1) -> np.ndarray:
        return np.asarray(1000.0 * c.sum(axis=axis) / w.sum(axis=axis))

    n = X.shape[0]
    result = st.bootstrap(
        (counts, words),
        rate,
        n_resamples=B,
        batch=max(1, CELLS // (n * len(cols))),
        vectorized=True,
        paired=True,
        method="percentile",
        rng=np.random.default_rng(seed),
    )
    lo = np.zeros(len(used))
    hi = np.zeros(len(used))
    lo[cols] = result.confidence_interval.low
    hi[cols] = result.confidence_interval.high
    return lo, hi


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--resamples", type=int, default=1000)
    args = parser.parse_args()
    B = args.resamples
    print(f"{TERMS} terms x 4 voices; {B} resamples; times in seconds (best of 2)")
    print(
        f"{'documents':>9} {'columns used':>12} {'framing':>8} {'scipy':>8} {'scipy/framing':>13}"
    )
    for docs in (10, 50, 200):
        X, W, voice = corpus(docs)
        used = np.asarray(X.sum(axis=0)).ravel() > 0
        times = {}
        results = {}
        for name in ("framing", "scipy"):
            best = np.inf
            for _ in range(2):
                start = time.perf_counter()
                if name == "framing":
                    rng = np.random.default_rng(1)
                    results[name] = rate_intervals(X, W, voice, used, B, rng, 0.95)
                else:
                    results[name] = with_scipy(X, W, voice, used, B, 1)
                best = min(best, time.perf_counter() - start)
            times[name] = best
        gap = max(
            float(np.max(np.abs(a - b) / np.maximum(np.abs(a), 1e-12)))
            for a, b in zip(results["framing"], results["scipy"], strict=True)
        )
        assert gap < 1e-12, f"the intervals differ by {gap:.2e} (relative)"
        print(
            f"{docs:>9} {int(used.sum()):>12} {times['framing']:>8.2f} {times['scipy']:>8.2f} "
            f"{times['scipy'] / times['framing']:>13.1f}"
        )
    print("The intervals agree (same draws; ends within 1e-12 relative).")


if __name__ == "__main__":
    main()
