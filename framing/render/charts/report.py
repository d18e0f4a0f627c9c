"""Charts of a framing report, as Display objects in the manner of scikit-learn's.

Each display is built from the tidy tables of :mod:`framing.stats` (``from_frame``), keeps the
plotted data on itself, and draws with ``plot()`` (which returns the display, with ``figure_``
``ax_`` and ``axes_`` set; :class:`~framing.render.charts.base.Display`). Drawing uses the house
style; nothing is shown on screen. :func:`save_figure` writes PNG and SVG.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.ticker import NullLocator

from framing.render.charts.base import Display, group_ticks, panels, short, suptitle
from framing.render.charts.style import (
    DARK,
    INTERVAL,
    OTHER,
    PALETTE,
    POINT,
    SMALL_SAMPLE,
    VOICE_COLORS,
    save_figure,
    voice_label,
)

__all__ = [
    "ActorLabelsDisplay",
    "DistinguishingTermsDisplay",
    "RatesDisplay",
    "RatesOverTimeDisplay",
    "SentimentDisplay",
    "TermHeatmapDisplay",
    "VoiceCompositionDisplay",
    "save_figure",  # the report's PNG + SVG writer, from framing.render.charts.style
]


def _grid(count: int, most: int) -> tuple[int, int]:
    """Rows and columns for `count` panels, at most `most` a row."""
    ncols = min(most, max(1, count))
    return max(1, math.ceil(count / ncols)), ncols


@dataclass
class RatesDisplay(Display):
    """Rates by group with intervals: one small panel per item (a category or a family).

    `frame` has group, item, rate_per_1k, ci_low, ci_high and small_sample columns.
    """

    frame: pd.DataFrame
    title: str = ""
    xlabel: str = "per 1,000 words"

    @classmethod
    def from_frame(
        cls, rates: pd.DataFrame, item: str, *, voice: str, items: Sequence[str], title: str = ""
    ) -> RatesDisplay:
        sub = rates[(rates["voice"] == voice) & rates[item].isin(items)]
        frame = sub.rename(columns={item: "item"})[
            ["group", "item", "rate_per_1k", "ci_low", "ci_high", "small_sample"]
        ]
        frame = frame.assign(item=pd.Categorical(frame["item"], categories=list(items)))
        return cls(frame.sort_values(["item", "group"]).reset_index(drop=True), title)

    def _items(self) -> list[Any]:
        return [i for i in self.frame["item"].cat.categories if (self.frame["item"] == i).any()]

    def _groups(self) -> list[str]:
        return sorted(self.frame["group"].unique())

    def _shape(self) -> tuple[int, int]:
        return _grid(len(self._items()), 3)

    def _size(self) -> tuple[float, float]:
        nrows, ncols = self._shape()
        return 3.0 * ncols + 1.2, 0.24 * len(self._groups()) * nrows + 1.2

    def _draw(self, axes: Any) -> None:
        items, groups = self._items(), self._groups()
        nrows, ncols = axes.shape
        for k, ax in enumerate(panels(axes, len(items))):
            sub = self.frame[self.frame["item"] == items[k]].set_index("group").reindex(groups)
            y = np.arange(len(groups))
            rate = sub["rate_per_1k"].to_numpy(float)
            lo = np.nan_to_num(rate - sub["ci_low"].to_numpy(float), nan=0.0)
            hi = np.nan_to_num(sub["ci_high"].to_numpy(float) - rate, nan=0.0)
            small = sub["small_sample"].fillna(False).to_numpy(bool)
            ax.errorbar(
                rate,
                y,
                xerr=[np.maximum(lo, 0), np.maximum(hi, 0)],
                fmt="none",
                ecolor=INTERVAL,
                elinewidth=1,
                capsize=2,
            )
            ax.scatter(rate[~small], y[~small], s=18, color=POINT, zorder=3)
            ax.scatter(
                rate[small],
                y[small],
                s=18,
                facecolor="white",
                edgecolor=SMALL_SAMPLE,
                zorder=3,
                label="small sample",
            )
            labels = [
                short(g, 18) + (" ⚠" if s else "") for g, s in zip(groups, small, strict=True)
            ]
            group_ticks(ax, groups, labels if k % ncols == 0 else [])
            ax.set_title(short(str(items[k]), 36), loc="left")
            ax.set_xlim(left=0)
            if k // ncols == nrows - 1:
                ax.set_xlabel(self.xlabel)
        suptitle(axes, self.title)


@dataclass
class TermHeatmapDisplay(Display):
    """Rates of the most used loaded terms (rows) by group (columns)."""

    matrix: pd.DataFrame
    title: str = ""

    @classmethod
    def from_frame(
        cls, terms: pd.DataFrame, *, voice: str = "all", top: int = 25, title: str = ""
    ) -> TermHeatmapDisplay:
        sub = terms[(terms["voice"] == voice) & terms["loaded"]]
        totals = sub.groupby("term")["count"].sum().sort_values(ascending=False, kind="stable")
        chosen = [t for t in totals.index[:top] if totals[t] > 0]
        matrix = sub[sub["term"].isin(chosen)].pivot_table(
            index="term", columns="group", values="rate_per_1k", aggfunc="sum"
        )
        return cls(matrix.reindex(chosen), title)

    def _size(self) -> tuple[float, float]:
        m = self.matrix
        return max(5.0, 0.55 * len(m.columns) + 2.5), max(2.5, 0.28 * len(m) + 1.5)

    def _draw(self, axes: Any) -> None:
        m = self.matrix
        ax = axes[0, 0]
        ax.grid(False)
        values = m.to_numpy(float)
        image = ax.imshow(np.nan_to_num(values), aspect="auto", cmap="Oranges")
        ax.set_xticks(range(len(m.columns)))
        ax.set_xticklabels([short(str(c), 16) for c in m.columns], rotation=45, ha="right")
        ax.set_yticks(range(len(m.index)))
        ax.set_yticklabels([short(str(t), 30) for t in m.index])
        top = np.nanmax(values) if values.size else 0
        for (i, j), v in np.ndenumerate(values):
            if np.isfinite(v) and v > 0:
                ax.text(
                    j,
                    i,
                    f"{v:.1f}",
                    ha="center",
                    va="center",
                    fontsize=6.5,
                    color="white" if v > 0.6 * top else DARK,
                )
        ax.get_figure(root=True).colorbar(image, ax=ax, label="per 1,000 words", shrink=0.8)
        if self.title:
            ax.set_title(self.title, loc="left")


@dataclass
class ActorLabelsDisplay(Display):
    """Label shares per actor and group: one panel per actor, one stacked bar per group."""

    frame: pd.DataFrame
    title: str = ""

    @classmethod
    def from_frame(
        cls,
        labels: pd.DataFrame,
        *,
        voice: str = "author",
        actors: int = 6,
        labels_per: int = 6,
        title: str = "",
    ) -> ActorLabelsDisplay:
        sub = labels[labels["voice"] == voice]
        top_actors = (
            sub.groupby("actor_key")["count"].sum().sort_values(ascending=False, kind="stable")
        )
        keep = list(top_actors.index[:actors])
        sub = sub[sub["actor_key"].isin(keep)].copy()
        ranks = sub.groupby(["actor_key", "label"])["count"].sum().reset_index()
        ranks["rank"] = ranks.groupby("actor_key")["count"].rank(ascending=False, method="first")
        top_labels = set(
            zip(
                ranks.loc[ranks["rank"] <= labels_per, "actor_key"],
                ranks.loc[ranks["rank"] <= labels_per, "label"],
                strict=True,
            )
        )
        sub["label"] = [
            lab if (k, lab) in top_labels else "other"
            for k, lab in zip(sub["actor_key"], sub["label"], strict=True)
        ]
        frame = sub.groupby(["actor_key", "actor", "group", "label"], as_index=False)[
            ["count", "share"]
        ].sum()
        frame["order"] = frame["actor_key"].map({k: i for i, k in enumerate(keep)})
        return cls(frame.sort_values(["order", "group", "label"]).reset_index(drop=True), title)

    def _keys(self) -> list[Any]:
        return list(dict.fromkeys(self.frame["actor_key"]))

    def _shape(self) -> tuple[int, int]:
        return _grid(len(self._keys()), 2)

    def _size(self) -> tuple[float, float]:
        nrows, ncols = self._shape()
        return 5.2 * ncols, (0.3 * self.frame["group"].nunique() + 1.3) * nrows

    def _draw(self, axes: Any) -> None:
        keys = self._keys()
        groups = sorted(self.frame["group"].unique())
        for k, ax in enumerate(panels(axes, len(keys))):
            sub = self.frame[self.frame["actor_key"] == keys[k]]
            table = (
                sub.pivot_table(index="group", columns="label", values="share", aggfunc="sum")
                .reindex(groups)
                .fillna(0.0)
            )
            order = sub.groupby("label")["count"].sum().sort_values(ascending=False).index
            left = np.zeros(len(groups))
            for i, label in enumerate(order):
                share = table[label].to_numpy(float) if label in table else np.zeros(len(groups))
                ax.barh(
                    range(len(groups)),
                    share,
                    left=left,
                    label=short(str(label), 22),
                    color=OTHER if label == "other" else PALETTE[i % len(PALETTE)],
                )
                left += share
            group_ticks(ax, groups)
            ax.set_xlim(0, 1)
            ax.set_title(short(str(sub["actor"].iloc[0]), 40), loc="left")
            ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=7)
            ax.set_xlabel("share of the actor's labels")
        suptitle(axes, self.title)


@dataclass
class DistinguishingTermsDisplay(Display):
    """z-score against corpus frequency of words and bigrams, one panel per group (Monroe et al.
    2008, fig. 4 style); the top `label` features of each group are named."""

    frame: pd.DataFrame
    label: int = 6
    title: str = ""

    @classmethod
    def from_frame(
        cls, scatter: pd.DataFrame, *, label: int = 6, title: str = ""
    ) -> DistinguishingTermsDisplay:
        return cls(scatter.reset_index(drop=True), label, title)

    def _groups(self) -> list[str]:
        return sorted(self.frame["group"].unique())

    def _shape(self) -> tuple[int, int]:
        return _grid(len(self._groups()), 3)

    def _size(self) -> tuple[float, float]:
        nrows, ncols = self._shape()
        return 3.4 * ncols, 2.8 * nrows

    def _draw(self, axes: Any) -> None:
        groups = self._groups()
        nrows, ncols = axes.shape
        for k, ax in enumerate(panels(axes, len(groups))):
            sub = self.frame[self.frame["group"] == groups[k]]
            x = sub["corpus_count"].to_numpy(float)
            z = sub["z"].to_numpy(float)
            strong = np.abs(z) >= 1.96
            ax.scatter(x[~strong], z[~strong], s=3, color=OTHER, rasterized=True)
            ax.scatter(
                x[strong],
                z[strong],
                s=5,
                c=np.where(z[strong] > 0, SMALL_SAMPLE, POINT),
                rasterized=True,
            )
            ax.set_xscale("log")
            ax.xaxis.set_minor_locator(NullLocator())
            ax.axhline(1.96, color=INTERVAL, lw=0.6, ls="--")
            ax.axhline(-1.96, color=INTERVAL, lw=0.6, ls="--")
            ax.grid(False)
            best = sub.sort_values("z", ascending=False).head(self.label)
            for _, row in best.iterrows():
                ax.annotate(
                    short(str(row["feature"]), 22),
                    (row["corpus_count"], row["z"]),
                    fontsize=6.5,
                    xytext=(2, 0),
                    textcoords="offset points",
                )
            ax.set_title(short(groups[k], 30), loc="left")
            if k % ncols == 0:
                ax.set_ylabel("z (log-odds, informative prior)")
            if k // ncols == nrows - 1:
                ax.set_xlabel("count in the corpus")
        suptitle(axes, self.title)


@dataclass
class VoiceCompositionDisplay(Display):
    """Share of words, and of loaded terms, in each voice per group (stacked bars)."""

    frame: pd.DataFrame
    title: str = ""

    @classmethod
    def from_frame(cls, summary: pd.DataFrame, *, title: str = "") -> VoiceCompositionDisplay:
        cols = (
            ["group"] + [f"{v}_words" for v in VOICE_COLORS] + [f"loaded_{v}" for v in VOICE_COLORS]
        )
        return cls(summary[cols].sort_values("group").reset_index(drop=True), title)

    def _shape(self) -> tuple[int, int]:
        return (1, 2)

    def _size(self) -> tuple[float, float]:
        return 9.0, 0.28 * len(self.frame) + 1.6

    def _draw(self, axes: Any) -> None:
        f = self.frame
        groups = list(f["group"])
        for ax, prefix, suffix, title in (
            (axes[0, 0], "", "_words", "Words by voice"),
            (axes[0, 1], "loaded_", "", "Loaded terms by voice"),
        ):
            values = np.array([f[f"{prefix}{v}{suffix}"].to_numpy(float) for v in VOICE_COLORS])
            totals = values.sum(axis=0)
            shares = np.divide(values, totals, out=np.zeros_like(values), where=totals > 0)
            left = np.zeros(len(groups))
            for i, voice in enumerate(VOICE_COLORS):
                ax.barh(
                    range(len(groups)),
                    shares[i],
                    left=left,
                    color=VOICE_COLORS[voice],
                    label=voice_label(voice),
                )
                left += shares[i]
            group_ticks(ax, groups)
            ax.set_xlim(0, 1)
            ax.set_title(title, loc="left")
            ax.set_xlabel("share")
        axes[0, 1].legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
        suptitle(axes, self.title)


@dataclass
class SentimentDisplay(Display):
    """Distributions of document polarity and subjectivity per group (box plots)."""

    values: Mapping[str, Mapping[str, np.ndarray]]
    title: str = ""

    def _measures(self) -> list[str]:
        return list(next(iter(self.values.values()))) if self.values else []

    def _shape(self) -> tuple[int, int]:
        return (1, max(1, len(self._measures())))

    def _size(self) -> tuple[float, float]:
        return 3.6 * self._shape()[1] + 1.0, 0.3 * len(self.values) + 1.6

    def _draw(self, axes: Any) -> None:
        groups = sorted(self.values)
        for ax, measure in zip(axes.ravel(), self._measures(), strict=False):
            data = [np.asarray(self.values[g][measure], float) for g in groups]
            ax.boxplot(
                data,
                orientation="horizontal",
                widths=0.6,
                showfliers=True,
                flierprops={"markersize": 2, "markeredgecolor": INTERVAL},
                medianprops={"color": SMALL_SAMPLE},
            )
            ax.set_yticks(range(1, len(groups) + 1))
            ax.set_yticklabels([short(g, 18) for g in groups])
            ax.invert_yaxis()
            ax.set_title(measure.replace("_", " "), loc="left")
            if measure == "subjectivity":
                ax.set_xlim(0, 1)
            else:
                ax.set_xlim(-1, 1)
                ax.axvline(0, color=INTERVAL, lw=0.6)
        suptitle(axes, self.title)


@dataclass
class RatesOverTimeDisplay(Display):
    """A measure's rate per period, one line per group (periods with < `min_docs` hidden)."""

    frame: pd.DataFrame
    ylabel: str = "per 1,000 words"
    title: str = ""

    @classmethod
    def from_frame(
        cls,
        over_time: pd.DataFrame,
        *,
        measure: str = "loaded terms",
        voice: str = "author",
        min_docs: int = 2,
        title: str = "",
    ) -> RatesOverTimeDisplay:
        sub = over_time[(over_time["measure"] == measure) & (over_time["voice"] == voice)]
        sub = sub[sub["docs"] >= min_docs]
        return cls(sub.reset_index(drop=True), title=title)

    def _size(self) -> tuple[float, float]:
        return 8.0, 3.8

    def _draw(self, axes: Any) -> None:
        ax = axes[0, 0]
        ax.grid(True, axis="y")
        for group, sub in self.frame.groupby("group", sort=True):
            x = pd.to_datetime(sub["period"])
            ax.plot(x, sub["rate_per_1k"], marker="o", ms=3, lw=1.2, label=short(str(group), 18))
        ax.set_ylabel(self.ylabel)
        ax.set_ylim(bottom=0)
        if self.title:
            ax.set_title(self.title, loc="left")
        if len(self.frame):
            ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
        ax.get_figure(root=True).autofmt_xdate()
