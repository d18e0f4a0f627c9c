"""The chart of a two-article comparison: where the wording differs, by lexicon category.

The house style, the colours and :func:`figure_to_html` live in
:mod:`framing.render.charts.style` (re-exported here for the comparison page); the Display base
in :mod:`framing.render.charts.base`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from matplotlib.patches import Patch

from framing.errors import FramingError
from framing.render.charts.base import Display
from framing.render.charts.style import HOUSE_STYLE, MUTED, PALETTE, figure_to_html, house_style

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.container import BarContainer

    from framing.compare.comparison import Comparison

__all__ = [
    "HOUSE_STYLE",
    "PALETTE",
    "CategoryDifferenceDisplay",
    "figure_to_html",
    "house_style",
]


class CategoryDifferenceDisplay(Display):
    """Where two articles' wording differs, by lexicon category: A - B in terms per 1,000 words.

    >>> disp = CategoryDifferenceDisplay(["legitimacy"], [15.2], [13.7], ("A", "B")).plot()
    >>> [p.get_width() for p in disp.bars_]                              # doctest: +ELLIPSIS
    [1.5...]
    """

    def __init__(
        self,
        categories: Sequence[str],
        rate_a: Sequence[float],
        rate_b: Sequence[float],
        names: tuple[str, str] = ("A", "B"),
        *,
        title: str = "Word choice by category: where the two articles differ",
    ) -> None:
        if not len(categories) == len(rate_a) == len(rate_b):
            raise FramingError("categories, rate_a and rate_b must have the same length")
        self.categories = list(categories)
        self.rate_a = [float(x) for x in rate_a]
        self.rate_b = [float(x) for x in rate_b]
        self.difference = [a - b for a, b in zip(self.rate_a, self.rate_b, strict=True)]
        self.names = names
        self.title = title

    @classmethod
    def from_comparison(
        cls,
        comparison: Comparison,
        *,
        top: int = 12,
        markers: bool = False,
        ax: Axes | None = None,
    ) -> CategoryDifferenceDisplay:
        """The `top` categories with the largest differences (context markers left out unless
        `markers`), plotted on `ax` or a new figure."""
        frame = comparison.categories
        if not markers:
            frame = frame[~frame["marker"]]
        frame = frame[frame["difference"] != 0].head(top)
        repeated = frame["category"].duplicated(keep=False)
        labels = [
            f"{lex}: {cat}" if dup else cat
            for lex, cat, dup in zip(frame["lexicon"], frame["category"], repeated, strict=True)
        ]
        disp = cls(labels, frame["a_rate"].tolist(), frame["b_rate"].tolist(), comparison.names)
        return disp.plot(ax=ax)

    def _size(self) -> tuple[float, float]:
        return 7.0, 1.2 + 0.34 * max(1, len(self.categories))

    def _draw(self, axes: Any) -> None:
        """Horizontal bars of A - B, largest difference on top."""
        ax = axes[0, 0]
        first, second = self.names
        positions = list(range(len(self.categories)))
        colors = [PALETTE[0] if d > 0 else PALETTE[1] for d in self.difference]
        bars: BarContainer = ax.barh(positions, self.difference, color=colors, height=0.65)
        ax.set_yticks(positions, labels=self.categories)
        ax.invert_yaxis()
        ax.axvline(0, color=MUTED, linewidth=1)
        ax.set_xlabel(f"{first} minus {second}: terms per 1,000 words")
        ax.set_title(self.title)
        if not self.categories:
            ax.text(0.5, 0.5, "no differences", transform=ax.transAxes, ha="center")
        ax.legend(
            handles=[
                Patch(color=PALETTE[0], label=f"more in {first}"),
                Patch(color=PALETTE[1], label=f"more in {second}"),
            ],
            loc="best",
        )
        self.bars_ = bars
