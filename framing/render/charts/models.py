"""Charts of the classifiers' estimates in a report: frame shares and sentence bias by group.

Display objects like those of :mod:`framing.render.charts.report` (whose :class:`RatesDisplay`
they extend): ``from_frames`` / ``from_bias`` take the tidy tables of
:mod:`framing.stats.classifiers`, ``plot(ax=None)`` draws in the house style and returns the
display.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from matplotlib.ticker import PercentFormatter

from framing.render.charts.report import RatesDisplay
from framing.render.charts.style import voice_label

__all__ = ["SharesDisplay"]


def _label(frame: str) -> str:
    """A frame's name for a panel title: "Legality_Constitutionality_and_jurisprudence" ->
    "Legality Constitutionality" (long names are cut before their "and")."""
    label = frame.replace("_", " ")
    if len(label) > 24 and " and " in label:
        label = label.split(" and ")[0]
    return label


@dataclass
class SharesDisplay(RatesDisplay):
    """Shares (0 to 1) by group with their intervals: one small panel per frame or voice.

    `frame` has group, item, rate_per_1k (the share), ci_low, ci_high and small_sample columns,
    as for :class:`RatesDisplay`; the x axis runs from 0 to 100%.
    """

    xlabel: str = "share of documents"

    @classmethod
    def from_frames(
        cls,
        frames: pd.DataFrame,
        *,
        items: Sequence[str] | None = None,
        top: int = 6,
        title: str = "",
    ) -> SharesDisplay:
        """Frame shares from ``frames_by_group``: the given frames, or up to `top` frames whose
        share differs between groups, largest spread first (when none differs: the three
        frames predicted most often)."""
        if items is None:
            by = frames.groupby("frame", sort=False)
            spread = by["predicted_share"].max() - by["predicted_share"].min()
            used = by["predicted"].sum()
            ranked = sorted(
                (f for f in used.index if used[f] > 0), key=lambda f: (-spread[f], -used[f], f)
            )
            items = [f for f in ranked if spread[f] > 0][:top] or ranked[:3]
        sub = frames[frames["frame"].isin(items)]
        panels = [_label(f) for f in items]
        return cls._shares(sub, sub["frame"].map(_label), panels, "predicted_share", title)

    @classmethod
    def from_bias(
        cls,
        bias: pd.DataFrame,
        *,
        voices: Sequence[str] = ("author", "quote", "attributed", "all"),
        title: str = "",
    ) -> SharesDisplay:
        """Shares of sentences predicted biased from ``bias_by_group``, one panel per voice."""
        sub = bias[bias["voice"].isin(voices)]
        panels = [voice_label(v) for v in voices]
        return cls._shares(
            sub, sub["voice"].map(voice_label), panels, "biased_share", title, "share of sentences"
        )

    @classmethod
    def _shares(
        cls,
        sub: pd.DataFrame,
        names: pd.Series,
        panels: list[str],
        share: str,
        title: str,
        xlabel: str = "share of documents",
    ) -> SharesDisplay:
        """The display of the `share` column of `sub`, one panel per name (in `panels` order)."""
        frame = pd.DataFrame(
            {
                "group": sub["group"].to_numpy(),
                "item": pd.Categorical(names, categories=panels),
                "rate_per_1k": sub[share].to_numpy(float),
                "ci_low": sub["ci_low"].to_numpy(float),
                "ci_high": sub["ci_high"].to_numpy(float),
                "small_sample": sub["small_sample"].to_numpy(bool),
            }
        )
        return cls(frame.sort_values(["item", "group"]).reset_index(drop=True), title, xlabel)

    def _draw(self, axes: Any) -> None:
        super()._draw(axes)
        for ax in axes.ravel():
            if ax.get_visible():
                ax.set_xlim(0, 1.02)
                ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
