"""The one base of framing's charts, after scikit-learn's Display objects
(``sklearn.metrics.ConfusionMatrixDisplay``).

Compute first: a Display's constructor (or a ``from_*`` class method) takes the finished numbers,
it never computes a statistic. Draw on demand: ``plot(ax=None)`` draws in the house style on new
Axes or on the ones given, sets ``figure_``, ``ax_`` (the first Axes) and ``axes_`` (all of them,
rows x columns) and returns the display. ``save(path)`` writes PNG or SVG.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

import numpy as np
from matplotlib.figure import Figure

from framing.errors import FramingError
from framing.render.charts.style import house_style, write_figure

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["Display", "group_ticks", "panels", "short", "suptitle"]


def short(text: str, n: int = 28) -> str:
    """`text` cut to `n` characters with an ellipsis (for tick labels and panel titles)."""
    return text if len(text) <= n else text[: n - 1] + "…"


def panels(axes: Any, count: int) -> list[Axes]:
    """The first `count` Axes of a grid, row by row; the rest are hidden."""
    flat = list(axes.ravel())
    for ax in flat[count:]:
        ax.set_visible(False)
    return flat[:count]


def group_ticks(ax: Axes, groups: Sequence[str], labels: Sequence[str] | None = None) -> None:
    """Groups down the y axis, first on top (`labels` replace the shortened names)."""
    ax.set_yticks(range(len(groups)))
    ax.set_yticklabels([short(g, 18) for g in groups] if labels is None else list(labels))
    ax.invert_yaxis()


def suptitle(axes: Any, title: str) -> None:
    """The chart's title over all its panels, on the left (nothing when `title` is empty)."""
    if title:
        axes[0, 0].get_figure(root=True).suptitle(title, x=0.01, ha="left", fontweight="bold")


class Display:
    """Base of every chart. Subclasses draw in :meth:`_draw` and may say their panel grid
    (:meth:`_shape`) and figure size (:meth:`_size`)."""

    # set by plot(), as on scikit-learn's displays
    figure_: Figure
    ax_: Axes
    axes_: Any  # NumPy array of Axes, rows x columns

    def _shape(self) -> tuple[int, int]:
        """Rows and columns of panels."""
        return (1, 1)

    def _size(self) -> tuple[float, float] | None:
        """The figure's size in inches (None: the house style's)."""
        return None

    def _draw(self, axes: Any) -> None:
        raise NotImplementedError

    def plot(self, ax: Axes | Sequence[Axes] | Any | None = None) -> Self:
        """Draw on `ax` (an Axes, or as many as the chart has panels) or on a new figure;
        returns the display."""
        rows, cols = self._shape()
        with house_style():
            if ax is None:
                axes = Figure(figsize=self._size()).subplots(rows, cols, squeeze=False)
            else:
                axes = np.asarray(ax, dtype=object).reshape(-1)
                if axes.size != rows * cols:
                    raise FramingError(
                        f"{type(self).__name__} draws {rows * cols} panels: pass as many Axes, "
                        "or none for a new figure"
                    )
                axes = axes.reshape(rows, cols)
            self._draw(axes)
        self.axes_ = axes
        self.ax_ = axes[0, 0]
        self.figure_ = axes[0, 0].get_figure(root=True)
        return self

    def save(self, path: str | Path, *, fmt: str | None = None, force: bool = False) -> Path:
        """Write the chart (drawn first if need be) as PNG or SVG (`fmt`, else by the file's
        suffix), atomically; an existing file needs `force`."""
        if not hasattr(self, "figure_"):
            self.plot()
        return write_figure(self.figure_, path, fmt=fmt, force=force)
