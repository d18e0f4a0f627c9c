"""Confusion-matrix chart of an evaluation, in the house style (compute first, plot on demand).

Follows scikit-learn's ``ConfusionMatrixDisplay``: the constructor stores the counts,
:meth:`ConfusionDisplay.plot` draws on a new or given Axes and returns ``self`` with ``ax_`` and
``figure_``. For a single-label model the matrix is true label x predicted label; for frames
(multi-label) it is one row per frame with its true positives, false negatives, false positives
and true negatives.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from framing.errors import FramingError

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["ConfusionDisplay"]

_MULTI_COLUMNS = ("true pos.", "false neg.", "false pos.", "true neg.")


class ConfusionDisplay:
    """Counts (rows x columns) with row and column names and a title."""

    def __init__(
        self,
        counts: NDArray[np.int64],
        rows: Sequence[str],
        columns: Sequence[str],
        *,
        title: str = "",
        xlabel: str = "predicted",
        ylabel: str = "true",
    ) -> None:
        self.counts = np.asarray(counts, dtype=np.int64)
        self.rows = list(rows)
        self.columns = list(columns)
        self.title = title
        self.xlabel = xlabel
        self.ylabel = ylabel
        self.ax_: Axes | None = None
        self.figure_: Figure | None = None

    @classmethod
    def from_predictions(
        cls, y_true: Sequence[Any], y_pred: Sequence[Any], labels: Sequence[Any], title: str = ""
    ) -> ConfusionDisplay:
        """True label x predicted label counts of a single-label classifier."""
        index = {lab: i for i, lab in enumerate(labels)}
        counts = np.zeros((len(labels), len(labels)), dtype=np.int64)
        for t, p in zip(y_true, y_pred, strict=True):
            if t in index and p in index:
                counts[index[t], index[p]] += 1
        names = [str(x) for x in labels]
        return cls(counts, names, names, title=title)

    @classmethod
    def from_multilabel(
        cls, y_true: NDArray[Any], y_pred: NDArray[Any], labels: Sequence[str], title: str = ""
    ) -> ConfusionDisplay:
        """Per label: true positives, false negatives, false positives, true negatives."""
        t = np.asarray(y_true, dtype=bool)
        p = np.asarray(y_pred, dtype=bool)
        counts = np.column_stack(
            [(t & p).sum(0), (t & ~p).sum(0), (~t & p).sum(0), (~t & ~p).sum(0)]
        )
        return cls(counts, labels, _MULTI_COLUMNS, title=title, xlabel="", ylabel="")

    def plot(self, ax: Axes | None = None) -> ConfusionDisplay:
        """Draw the matrix with its counts; returns self."""
        from framing.render.charts.common import house_style, new_axes

        with house_style():
            if ax is None:
                height = max(3.0, 0.35 * len(self.rows) + 1.5)
                ax = new_axes((max(4.5, 1.3 * len(self.columns) + 3.5), height))
            shown = self.counts.astype(float)
            if self.columns == list(_MULTI_COLUMNS):  # shade by share of each row
                shown = shown / np.maximum(shown.sum(axis=1, keepdims=True), 1)
            ax.imshow(shown, cmap="Blues", aspect="auto")
            top = shown.max() if shown.size else 0.0
            for i in range(self.counts.shape[0]):
                for j in range(self.counts.shape[1]):
                    dark = top and shown[i, j] > 0.6 * top
                    ax.text(
                        j,
                        i,
                        f"{self.counts[i, j]:,}",
                        ha="center",
                        va="center",
                        color="white" if dark else "#1d1d1f",
                    )
            ax.set_xticks(range(len(self.columns)), self.columns)
            ax.set_yticks(range(len(self.rows)), [r.replace("_", " ") for r in self.rows])
            ax.set_xlabel(self.xlabel)
            ax.set_ylabel(self.ylabel)
            ax.grid(False)
            if self.title:
                ax.set_title(self.title)
        self.ax_ = ax
        self.figure_ = ax.figure  # type: ignore[assignment]
        return self

    def save(self, path: str | Path, *, force: bool = False) -> Path:
        """Write the chart as PNG or SVG (by the file's suffix), atomically."""
        import io

        from framing.output import write_bytes
        from framing.render.charts.common import house_style

        fmt = Path(path).suffix.lower().lstrip(".")
        if fmt not in ("png", "svg"):
            raise FramingError(f"cannot write a chart as {fmt or 'no suffix'}; use .png or .svg")
        if self.figure_ is None:
            self.plot()
        assert self.figure_ is not None
        buffer = io.BytesIO()
        with house_style():
            meta = {"Date": None} if fmt == "svg" else {"Software": None}
            self.figure_.savefig(buffer, format=fmt, metadata=meta)
        return write_bytes(path, buffer.getvalue(), force=force)
