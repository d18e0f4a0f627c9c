"""The house style of every chart: one rcParams dict, the colours, and writing figures out.

:data:`HOUSE_STYLE` is applied with ``matplotlib.rc_context`` by :func:`house_style`; every
Display draws and saves inside it (:class:`framing.render.charts.base.Display`). The colours of
series, voices and marks live here and nowhere else.

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
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

import matplotlib
from cycler import cycler
from markupsafe import Markup

from framing.annotate.voice import VOICE_NAMES
from framing.errors import FramingError
from framing.output import write_bytes

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "HOUSE_STYLE",
    "PALETTE",
    "VOICE_COLORS",
    "figure_bytes",
    "figure_to_html",
    "house_style",
    "save_figure",
    "voice_label",
    "write_figure",
]

#: Colours in order of use: first article or group, second, then further series.
PALETTE: tuple[str, ...] = ("#1a73e8", "#e8710a", "#188038", "#c5221f", "#9334e6", "#5f6368")
INK, MUTED, RULE = "#1d1d1f", "#5f6368", "#dadce0"
#: Marks of the report's charts: a group's estimate, one flagged as a small sample, its
#: interval, an "other" share, and dark text on a light cell.
POINT, SMALL_SAMPLE, INTERVAL, OTHER, DARK = "#1b6ca8", "#d1495b", "#8a8a8a", "#c9c9c9", "#30343f"
#: Each voice's colour (the voices' names: :data:`framing.annotate.voice.VOICE_NAMES`).
VOICE_COLORS: Mapping[str, str] = MappingProxyType(
    {"author": "#f4a259", "quote": "#5b8def", "attributed": "#a98ee0"}
)
#: The classroom chart's bars: precision, recall and the most-missed words.
GRADE_COLORS: Mapping[str, str] = MappingProxyType(
    {"precision": "#4c78a8", "recall": "#f58518", "missed": "#9d755d"}
)

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
        "text.color": INK,
        "axes.titlesize": 11,
        "axes.titleweight": "bold",
        "axes.titlelocation": "left",
        "axes.labelsize": 10,
        "axes.labelcolor": INK,
        "axes.edgecolor": MUTED,
        "axes.linewidth": 0.8,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "axes.grid.axis": "x",
        "axes.axisbelow": True,
        "axes.prop_cycle": cycler(color=list(PALETTE)),
        "grid.color": RULE,
        "grid.linewidth": 0.8,
        "xtick.color": MUTED,
        "ytick.color": MUTED,
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
    style: Any = dict(HOUSE_STYLE)  # matplotlib's stubs want literal keys
    with matplotlib.rc_context(style):
        yield


def voice_label(voice: str) -> str:
    """A voice's name on a chart (a series of it: "direct quotes"); "all" is "all voices"."""
    name = VOICE_NAMES.get(voice)  # type: ignore[call-overload]
    return "all voices" if voice == "all" else name.plural if name else voice


_XML_HEAD = re.compile(r"^\s*<\?xml[^>]*>\s*(?:<!DOCTYPE[^>]*>\s*)?", re.S)
_NO_DATE = {"svg": {"Date": None}, "png": {"Software": None}}


def figure_bytes(figure: Figure, fmt: Literal["svg", "png"]) -> bytes:
    """The figure as PNG or SVG bytes in the house style, without dates (reproducible)."""
    buffer = io.BytesIO()
    with house_style():
        figure.savefig(buffer, format=fmt, metadata=_NO_DATE[fmt])
    return buffer.getvalue()


def write_figure(
    figure: Figure, path: str | Path, *, fmt: str | None = None, force: bool = False
) -> Path:
    """Write the figure as PNG or SVG (`fmt`, else by the file's suffix), atomically; an existing
    file needs `force`."""
    fmt = fmt or Path(path).suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise FramingError(f"cannot write a chart as {fmt or 'no suffix'}; use .png or .svg")
    return write_bytes(path, figure_bytes(figure, fmt), force=force)  # type: ignore[arg-type]


def figure_to_html(
    figure: Figure, *, fmt: Literal["svg", "png"] = "svg", alt: str = "chart"
) -> Markup:
    """The figure as self-contained HTML: an inline ``<svg>`` or a base64 PNG ``<img>``.

    Text in the figure reaches the SVG only as glyph outlines and XML-escaped comments, and
    `alt` is escaped, so the result is safe to insert into an autoescaped template as is.
    """
    if fmt not in ("svg", "png"):
        raise FramingError(f"unknown figure format {fmt!r}; use 'svg' or 'png'")
    label = html.escape(alt, quote=True)
    data = figure_bytes(figure, fmt)
    if fmt == "svg":
        svg = _XML_HEAD.sub("", data.decode("utf-8"), count=1)
        return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))
    encoded = base64.b64encode(data).decode("ascii")
    return Markup(f'<img src="data:image/png;base64,{encoded}" alt="{label}">')


def save_figure(figure: Figure, folder: Path, name: str) -> dict[str, Path]:
    """Write `figure` as ``name.png`` and ``name.svg`` in `folder` (a report's charts).

    The layout is computed once (for the PNG) and kept for the SVG, whose text stays text
    (searchable and editable for publication)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    with house_style():
        buf = io.BytesIO()
        figure.savefig(buf, format="png", metadata={"Software": "framing"})
        out["png"] = folder / f"{name}.png"
        out["png"].write_bytes(buf.getvalue())
        figure.set_layout_engine("none")
        with matplotlib.rc_context({"svg.fonttype": "none"}):
            buf = io.BytesIO()
            figure.savefig(buf, format="svg", metadata={"Date": None, "Creator": "framing"})
        out["svg"] = folder / f"{name}.svg"
        out["svg"].write_bytes(buf.getvalue())
    return out
