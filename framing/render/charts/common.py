"""Charts in the house style: compute first, draw on demand, embed in HTML without files.

Display objects follow scikit-learn's (``ConfusionMatrixDisplay``): the constructor stores the
computed values, ``plot(ax=None)`` draws and returns ``self`` with ``ax_`` and ``figure_`` set,
and ``from_comparison`` computes and plots in one call. The house style is one rcParams dict,
:data:`HOUSE_STYLE`, applied with ``matplotlib.rc_context`` (:func:`house_style`).

Nothing here opens a window or touches the global backend: figures are plain
``matplotlib.figure.Figure`` objects (never pyplot), rendered by the Agg canvas for PNG and the SVG
canvas for SVG. :func:`figure_to_html` turns a figure into self-contained HTML (inline SVG, or a
base64 PNG), reproducibly (no dates in the metadata, a fixed SVG id salt).
"""

from __future__ import annotations

import base64
import html
import io
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

from cycler import cycler
from markupsafe import Markup

from framing.errors import FramingError

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.container import BarContainer
    from matplotlib.figure import Figure

    from framing.compare.comparison import Comparison

__all__ = [
    "HOUSE_STYLE",
    "PALETTE",
    "CategoryDifferenceDisplay",
    "figure_to_html",
    "house_style",
    "new_axes",
]

#: Colours in order of use: first article or group, second, then further series.
PALETTE: tuple[str, ...] = ("#1a73e8", "#e8710a", "#188038", "#c5221f", "#9334e6", "#5f6368")
_INK, _MUTED, _RULE = "#1d1d1f", "#5f6368", "#dadce0"

#: The house style: one rcParams dict for every chart (apply it with :func:`house_style`).
HOUSE_STYLE: Mapping[str, Any] = MappingProxyType(
    {
        "figure.figsize": (7.0, 4.0),
        "figure.dpi": 100,
        "figure.facecolor": "white",
        "figure.constrained_layout.use": True,
        "savefig.dpi": 150,
        "savefig.facecolor": "white",
        "font.family": "DejaVu Sans",
        "font.size": 10,
        "text.color": _INK,
        "axes.titlesize": 11,
        "axes.titleweight": "bold",
        "axes.titlelocation": "left",
        "axes.labelsize": 10,
        "axes.labelcolor": _INK,
        "axes.edgecolor": _MUTED,
        "axes.linewidth": 0.8,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "axes.grid.axis": "x",
        "axes.axisbelow": True,
        "axes.prop_cycle": cycler(color=list(PALETTE)),
        "grid.color": _RULE,
        "grid.linewidth": 0.8,
        "xtick.color": _MUTED,
        "ytick.color": _MUTED,
        "xtick.labelsize": 9,
        "ytick.labelsize": 9,
        "legend.frameon": False,
        "legend.fontsize": 9,
        "svg.fonttype": "path",
        "svg.hashsalt": "framing",
    }
)


@contextmanager
def house_style() -> Iterator[None]:
    """Apply :data:`HOUSE_STYLE` for the duration of a ``with`` block."""
    import matplotlib

    style: Any = dict(HOUSE_STYLE)  # matplotlib's stubs want literal keys
    with matplotlib.rc_context(style):
        yield


def new_axes(figsize: tuple[float, float] | None = None) -> Axes:
    """One Axes on a new Figure in the house style (no pyplot, no window)."""
    from matplotlib.figure import Figure

    with house_style():
        fig = Figure(figsize=figsize) if figsize else Figure()
        return fig.add_subplot()


_XML_HEAD = re.compile(r"^\s*<\?xml[^>]*>\s*(?:<!DOCTYPE[^>]*>\s*)?", re.S)


def figure_to_html(
    figure: Figure, *, fmt: Literal["svg", "png"] = "svg", alt: str = "chart"
) -> Markup:
    """The figure as self-contained HTML: an inline ``<svg>`` or a base64 PNG ``<img>``.

    Text in the figure reaches the SVG only as glyph outlines and XML-escaped comments, and
    `alt` is escaped, so the result is safe to insert into an autoescaped template as is.
    """
    with house_style():
        if fmt == "svg":
            buffer = io.StringIO()
            figure.savefig(buffer, format="svg", metadata={"Date": None})
            svg = _XML_HEAD.sub("", buffer.getvalue(), count=1)
            label = html.escape(alt, quote=True)
            svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
            return Markup(svg)
        if fmt == "png":
            raw = io.BytesIO()
            figure.savefig(raw, format="png", metadata={"Software": None})
            data = base64.b64encode(raw.getvalue()).decode("ascii")
            label = html.escape(alt, quote=True)
            return Markup(f'<img src="data:image/png;base64,{data}" alt="{label}">')
    raise FramingError(f"unknown figure format {fmt!r}; use 'svg' or 'png'")


class CategoryDifferenceDisplay:
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
    ) -> None:
        if not len(categories) == len(rate_a) == len(rate_b):
            raise FramingError("categories, rate_a and rate_b must have the same length")
        self.categories = list(categories)
        self.rate_a = [float(x) for x in rate_a]
        self.rate_b = [float(x) for x in rate_b]
        self.difference = [a - b for a, b in zip(self.rate_a, self.rate_b, strict=True)]
        self.names = names

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

    def plot(
        self, ax: Axes | None = None, *, title: str | None = None
    ) -> CategoryDifferenceDisplay:
        """Draw horizontal bars of A - B, largest difference on top; returns self."""
        from matplotlib.patches import Patch

        first, second = self.names
        with house_style():
            if ax is None:
                ax = new_axes((7.0, 1.2 + 0.34 * max(1, len(self.categories))))
            positions = list(range(len(self.categories)))
            colors = [PALETTE[0] if d > 0 else PALETTE[1] for d in self.difference]
            bars: BarContainer = ax.barh(positions, self.difference, color=colors, height=0.65)
            ax.set_yticks(positions, labels=self.categories)
            ax.invert_yaxis()
            ax.axvline(0, color=_MUTED, linewidth=1)
            ax.set_xlabel(f"{first} minus {second}: terms per 1,000 words")
            ax.set_title(title or "Word choice by category: where the two articles differ")
            if not self.categories:
                ax.text(0.5, 0.5, "no differences", transform=ax.transAxes, ha="center")
            ax.legend(
                handles=[
                    Patch(color=PALETTE[0], label=f"more in {first}"),
                    Patch(color=PALETTE[1], label=f"more in {second}"),
                ],
                loc="best",
            )
        self.ax_ = ax
        self.figure_: Figure = ax.get_figure(root=True)  # type: ignore[assignment]
        self.bars_ = bars
        return self
