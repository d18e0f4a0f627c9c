"""Two articles side by side: :func:`compare` builds a :class:`Comparison` (label, score and
classifier tables) and a plain-language summary of the differences."""

from framing.compare.comparison import Comparison, compare

__all__ = ["Comparison", "compare"]
