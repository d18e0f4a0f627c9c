"""Confusion-matrix chart of an evaluation, in the house style (compute first, plot on demand).

A thin wrapper over scikit-learn's ``ConfusionMatrixDisplay``: for a single-label model the
matrix (true label x predicted label) is counted by ``sklearn.metrics.confusion_matrix`` and drawn
by ``ConfusionMatrixDisplay`` on the house style's Axes. For frames (multi-label) there is no
square matrix: the chart is one row per frame with its true positives, false negatives, false
positives and true negatives (``sklearn.metrics.multilabel_confusion_matrix``), shaded by each
row's shares.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sklearn.metrics import ConfusionMatrixDisplay, confusion_matrix, multilabel_confusion_matrix

from framing.render.charts.base import Display
from framing.render.charts.style import INK

__all__ = ["ConfusionDisplay"]

_MULTI_COLUMNS = ("true pos.", "false neg.", "false pos.", "true neg.")


class ConfusionDisplay(Display):
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

    @classmethod
    def from_predictions(
        cls, y_true: Sequence[Any], y_pred: Sequence[Any], labels: Sequence[Any], title: str = ""
    ) -> ConfusionDisplay:
        """True label x predicted label counts of a single-label classifier (pairs with a label
        not in `labels` are left out)."""
        counts = confusion_matrix(list(y_true), list(y_pred), labels=list(labels))
        names = [str(x) for x in labels]
        return cls(counts, names, names, title=title)

    @classmethod
    def from_multilabel(
        cls, y_true: NDArray[Any], y_pred: NDArray[Any], labels: Sequence[str], title: str = ""
    ) -> ConfusionDisplay:
        """Per label: true positives, false negatives, false positives, true negatives."""
        per_label = multilabel_confusion_matrix(np.asarray(y_true), np.asarray(y_pred))
        (tn, fp), (fn, tp) = per_label[:, 0].T, per_label[:, 1].T
        counts = np.column_stack([tp, fn, fp, tn])
        return cls(counts, labels, _MULTI_COLUMNS, title=title, xlabel="", ylabel="")

    def _multilabel(self) -> bool:
        return self.columns == list(_MULTI_COLUMNS)

    def _size(self) -> tuple[float, float]:
        return max(4.5, 1.3 * len(self.columns) + 3.5), max(3.0, 0.35 * len(self.rows) + 1.5)

    def _draw(self, axes: Any) -> None:
        ax = axes[0, 0]
        names = [r.replace("_", " ") for r in self.rows]
        if self._multilabel():
            self._draw_rows(ax, names)
        else:
            ConfusionMatrixDisplay(self.counts, display_labels=names).plot(
                ax=ax, cmap="Blues", colorbar=False, values_format=","
            )
        ax.set_xlabel(self.xlabel)
        ax.set_ylabel(self.ylabel)
        ax.grid(False)
        if self.title:
            ax.set_title(self.title)

    def _draw_rows(self, ax: Any, names: list[str]) -> None:
        """The multi-label table: counts, shaded by the share of each row."""
        shown = self.counts / np.maximum(self.counts.sum(axis=1, keepdims=True), 1)
        ax.imshow(shown, cmap="Blues", aspect="auto")
        top = shown.max() if shown.size else 0.0
        for (i, j), count in np.ndenumerate(self.counts):
            dark = top and shown[i, j] > 0.6 * top
            ax.text(j, i, f"{count:,}", ha="center", va="center", color="white" if dark else INK)
        ax.set_xticks(range(len(self.columns)), self.columns)
        ax.set_yticks(range(len(self.rows)), names)
