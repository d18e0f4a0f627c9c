"""Document scores: rates of lexicon matches per 1,000 words, by category, voice and direction.

:func:`rate_per_1k` is the one definition of a rate in framing; every score, table and chart
calls it.
"""

from __future__ import annotations

from typing import overload

import numpy as np
import numpy.typing as npt

__all__ = ["rate_per_1k"]


@overload
def rate_per_1k(count: float, words: float) -> float: ...
@overload
def rate_per_1k(count: npt.ArrayLike, words: npt.ArrayLike) -> npt.NDArray[np.float64]: ...
def rate_per_1k(count: npt.ArrayLike, words: npt.ArrayLike) -> float | npt.NDArray[np.float64]:
    """``1000 * count / words``: matches per 1,000 words.

    The rule for zero words: the rate is undefined and comes back as NaN (a voice with no words,
    a group with no documents). It is never 0, which would claim the words were there and clean,
    and never divided by ``max(1, words)``, which would understate a rate over a few words.
    Scalars give a float, arrays (or pandas Series, via ``np.asarray``) an array of floats.
    Outputs that cannot hold NaN (JSON) write it as ``null``.
    """
    if np.ndim(count) == 0 and np.ndim(words) == 0:
        w = float(words)  # type: ignore[arg-type]
        return 1000.0 * float(count) / w if w else float("nan")  # type: ignore[arg-type]
    num = np.asarray(count, dtype=float)
    den = np.asarray(words, dtype=float)
    out = np.full(np.broadcast(num, den).shape, np.nan)
    np.divide(1000.0 * num, den, out=out, where=den != 0)
    return out
