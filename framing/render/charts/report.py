"""Charts of a framing report, as Display objects in the manner of scikit-learn's.

Each display is built from the tidy tables of :mod:`framing.stats` (``from_frame``), keeps the
plotted data on itself, and draws with ``plot()`` (which returns the display, with ``figure_``
and ``ax_``/``axes_`` set). Drawing uses the Agg backend and the house style; nothing is shown on
screen. :func:`save_figure` writes PNG and SVG.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import numpy as np
import pandas as pd

__all__ = [
    "ActorLabelsDisplay",
    "DistinguishingTermsDisplay",
    "RatesDisplay",
    "RatesOverTimeDisplay",
    "SentimentDisplay",
    "TermHeatmapDisplay",
    "VoiceCompositionDisplay",
    "house_style",
    "save_figure",
]

#: Used until the shared house style (framing.render.charts.common.HOUSE_STYLE) is available.
_FALLBACK_STYLE: dict[str, Any] = {
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "font.size": 9,
    "font.family": "DejaVu Sans",
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "axes.labelsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "x",
    "grid.color": "#e3e3e3",
    "grid.linewidth": 0.6,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 8,
    "legend.frameon": False,
    "svg.fonttype": "none",
    "svg.hashsalt": "framing",
    "figure.constrained_layout.use": True,
    "axes.prop_cycle": __import__("cycler").cycler(
        color=["#1b6ca8", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f", "#30343f"]
    ),
}
VOICE_COLORS = {"author": "#f4a259", "quote": "#5b8def", "attributed": "#a98ee0"}
VOICE_NAMES = {
    "author": "outlet's own words",
    "quote": "direct quotes",
    "attributed": "reported speech",
    "all": "all voices",
}


def house_style() -> dict[str, Any]:
    """The house rcParams: the shared style when present, with our SVG settings on top."""
    style = dict(_FALLBACK_STYLE)
    try:
        charts = importlib.import_module("framing.render.charts.common")
        shared = getattr(charts, "HOUSE_STYLE", None)
        if isinstance(shared, Mapping):
            style.update(shared)
            style["svg.hashsalt"] = "framing"
    except ImportError:
        pass
    return style


@contextlib.contextmanager
def _style() -> Iterator[None]:
    import matplotlib

    with matplotlib.rc_context(cast(Any, house_style())):
        yield


def _new(nrows: int = 1, ncols: int = 1, *, width: float = 7.5, height: float = 4.0) -> Any:
    """A new Figure (no pyplot, no window) and its grid of axes; call inside ``_style()``."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height))
    axes = fig.subplots(nrows, ncols, squeeze=False)
    return fig, axes


def save_figure(figure: Any, folder: Path, name: str) -> dict[str, Path]:
    """Write `figure` as ``name.png`` and ``name.svg`` in `folder`.

    The layout is computed once (for the PNG) and kept for the SVG, whose text stays text
    (searchable and editable for publication)."""
    import matplotlib

    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    with _style():
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


def _short(text: str, n: int = 28) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


@dataclass
class RatesDisplay:
    """Rates by group with intervals: one small panel per item (a category or a family).

    `frame` has group, item, rate_per_1k, ci_low, ci_high and small_sample columns.
    """

    frame: pd.DataFrame
    title: str = ""
    xlabel: str = "per 1,000 words"
    figure_: Any = field(default=None, init=False)
    axes_: Any = field(default=None, init=False)

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

    def plot(self) -> RatesDisplay:
        items = [i for i in self.frame["item"].cat.categories if (self.frame["item"] == i).any()]
        groups = sorted(self.frame["group"].unique())
        ncols = min(3, max(1, len(items)))
        nrows = max(1, math.ceil(len(items) / ncols))
        with _style():
            fig, axes = _new(
                nrows, ncols, width=3.0 * ncols + 1.2, height=0.24 * len(groups) * nrows + 1.2
            )
            for k, ax in enumerate(axes.ravel()):
                if k >= len(items):
                    ax.set_visible(False)
                    continue
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
                    ecolor="#8a8a8a",
                    elinewidth=1,
                    capsize=2,
                )
                ax.scatter(rate[~small], y[~small], s=18, color="#1b6ca8", zorder=3)
                ax.scatter(
                    rate[small],
                    y[small],
                    s=18,
                    facecolor="white",
                    edgecolor="#d1495b",
                    zorder=3,
                    label="small sample",
                )
                ax.set_yticks(y)
                ax.set_yticklabels(
                    [
                        _short(g, 18) + (" ⚠" if s else "")
                        for g, s in zip(groups, small, strict=True)
                    ]
                    if k % ncols == 0
                    else []
                )
                ax.invert_yaxis()
                ax.set_title(_short(str(items[k]), 36), loc="left")
                ax.set_xlim(left=0)
                if k // ncols == nrows - 1:
                    ax.set_xlabel(self.xlabel)
            if self.title:
                fig.suptitle(self.title, x=0.01, ha="left", fontweight="bold")
        self.figure_, self.axes_ = fig, axes
        return self


@dataclass
class TermHeatmapDisplay:
    """Rates of the most used loaded terms (rows) by group (columns)."""

    matrix: pd.DataFrame
    title: str = ""
    figure_: Any = field(default=None, init=False)
    ax_: Any = field(default=None, init=False)

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

    def plot(self) -> TermHeatmapDisplay:
        m = self.matrix
        with _style():
            fig, axes = _new(
                width=max(5.0, 0.55 * len(m.columns) + 2.5), height=max(2.5, 0.28 * len(m) + 1.5)
            )
            ax = axes[0, 0]
            ax.grid(False)
            values = m.to_numpy(float)
            image = ax.imshow(np.nan_to_num(values), aspect="auto", cmap="Oranges")
            ax.set_xticks(range(len(m.columns)))
            ax.set_xticklabels([_short(str(c), 16) for c in m.columns], rotation=45, ha="right")
            ax.set_yticks(range(len(m.index)))
            ax.set_yticklabels([_short(str(t), 30) for t in m.index])
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
                        color="white" if v > 0.6 * top else "#30343f",
                    )
            fig.colorbar(image, ax=ax, label="per 1,000 words", shrink=0.8)
            if self.title:
                ax.set_title(self.title, loc="left")
        self.figure_, self.ax_ = fig, ax
        return self


@dataclass
class ActorLabelsDisplay:
    """Label shares per actor and group: one panel per actor, one stacked bar per group."""

    frame: pd.DataFrame
    title: str = ""
    figure_: Any = field(default=None, init=False)
    axes_: Any = field(default=None, init=False)

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

    def plot(self) -> ActorLabelsDisplay:
        keys = list(dict.fromkeys(self.frame["actor_key"]))
        ncols = 2 if len(keys) > 1 else 1
        nrows = max(1, math.ceil(len(keys) / ncols))
        groups = sorted(self.frame["group"].unique())
        with _style():
            fig, axes = _new(
                nrows, ncols, width=5.2 * ncols, height=(0.3 * len(groups) + 1.3) * nrows
            )
            colors = house_style()["axes.prop_cycle"].by_key()["color"]
            for k, ax in enumerate(axes.ravel()):
                if k >= len(keys):
                    ax.set_visible(False)
                    continue
                sub = self.frame[self.frame["actor_key"] == keys[k]]
                table = (
                    sub.pivot_table(index="group", columns="label", values="share", aggfunc="sum")
                    .reindex(groups)
                    .fillna(0.0)
                )
                order = sub.groupby("label")["count"].sum().sort_values(ascending=False).index
                left = np.zeros(len(groups))
                for i, label in enumerate(order):
                    share = (
                        table[label].to_numpy(float) if label in table else np.zeros(len(groups))
                    )
                    ax.barh(
                        range(len(groups)),
                        share,
                        left=left,
                        label=_short(str(label), 22),
                        color="#c9c9c9" if label == "other" else colors[i % len(colors)],
                    )
                    left += share
                ax.set_yticks(range(len(groups)))
                ax.set_yticklabels([_short(g, 18) for g in groups])
                ax.invert_yaxis()
                ax.set_xlim(0, 1)
                ax.set_title(_short(str(sub["actor"].iloc[0]), 40), loc="left")
                ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=7)
                ax.set_xlabel("share of the actor's labels")
            if self.title:
                fig.suptitle(self.title, x=0.01, ha="left", fontweight="bold")
        self.figure_, self.axes_ = fig, axes
        return self


@dataclass
class DistinguishingTermsDisplay:
    """z-score against corpus frequency of words and bigrams, one panel per group (Monroe et al.
    2008, fig. 4 style); the top `label` features of each group are named."""

    frame: pd.DataFrame
    label: int = 6
    title: str = ""
    figure_: Any = field(default=None, init=False)
    axes_: Any = field(default=None, init=False)

    @classmethod
    def from_frame(
        cls, scatter: pd.DataFrame, *, label: int = 6, title: str = ""
    ) -> DistinguishingTermsDisplay:
        return cls(scatter.reset_index(drop=True), label, title)

    def plot(self) -> DistinguishingTermsDisplay:
        groups = sorted(self.frame["group"].unique())
        ncols = min(3, max(1, len(groups)))
        nrows = max(1, math.ceil(len(groups) / ncols))
        with _style():
            fig, axes = _new(nrows, ncols, width=3.4 * ncols, height=2.8 * nrows)
            for k, ax in enumerate(axes.ravel()):
                if k >= len(groups):
                    ax.set_visible(False)
                    continue
                sub = self.frame[self.frame["group"] == groups[k]]
                x = sub["corpus_count"].to_numpy(float)
                z = sub["z"].to_numpy(float)
                strong = np.abs(z) >= 1.96
                ax.scatter(x[~strong], z[~strong], s=3, color="#c9c9c9", rasterized=True)
                ax.scatter(
                    x[strong],
                    z[strong],
                    s=5,
                    c=np.where(z[strong] > 0, "#d1495b", "#1b6ca8"),
                    rasterized=True,
                )
                ax.set_xscale("log")
                from matplotlib.ticker import NullLocator

                ax.xaxis.set_minor_locator(NullLocator())
                ax.axhline(1.96, color="#8a8a8a", lw=0.6, ls="--")
                ax.axhline(-1.96, color="#8a8a8a", lw=0.6, ls="--")
                ax.grid(False)
                best = sub.sort_values("z", ascending=False).head(self.label)
                for _, row in best.iterrows():
                    ax.annotate(
                        _short(str(row["feature"]), 22),
                        (row["corpus_count"], row["z"]),
                        fontsize=6.5,
                        xytext=(2, 0),
                        textcoords="offset points",
                    )
                ax.set_title(_short(groups[k], 30), loc="left")
                if k % ncols == 0:
                    ax.set_ylabel("z (log-odds, informative prior)")
                if k // ncols == nrows - 1:
                    ax.set_xlabel("count in the corpus")
            if self.title:
                fig.suptitle(self.title, x=0.01, ha="left", fontweight="bold")
        self.figure_, self.axes_ = fig, axes
        return self


@dataclass
class VoiceCompositionDisplay:
    """Share of words, and of loaded terms, in each voice per group (stacked bars)."""

    frame: pd.DataFrame
    title: str = ""
    figure_: Any = field(default=None, init=False)
    axes_: Any = field(default=None, init=False)

    @classmethod
    def from_frame(cls, summary: pd.DataFrame, *, title: str = "") -> VoiceCompositionDisplay:
        cols = (
            ["group"] + [f"{v}_words" for v in VOICE_COLORS] + [f"loaded_{v}" for v in VOICE_COLORS]
        )
        return cls(summary[cols].sort_values("group").reset_index(drop=True), title)

    def plot(self) -> VoiceCompositionDisplay:
        f = self.frame
        groups = list(f["group"])
        with _style():
            fig, axes = _new(1, 2, width=9.0, height=0.28 * len(groups) + 1.6)
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
                        label=VOICE_NAMES[voice],
                    )
                    left += shares[i]
                ax.set_yticks(range(len(groups)))
                ax.set_yticklabels([_short(g, 18) for g in groups])
                ax.invert_yaxis()
                ax.set_xlim(0, 1)
                ax.set_title(title, loc="left")
                ax.set_xlabel("share")
            axes[0, 1].legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
            if self.title:
                fig.suptitle(self.title, x=0.01, ha="left", fontweight="bold")
        self.figure_, self.axes_ = fig, axes
        return self


@dataclass
class SentimentDisplay:
    """Distributions of document polarity and subjectivity per group (box plots)."""

    values: Mapping[str, Mapping[str, np.ndarray]]
    title: str = ""
    figure_: Any = field(default=None, init=False)
    axes_: Any = field(default=None, init=False)

    def plot(self) -> SentimentDisplay:
        groups = sorted(self.values)
        measures = list(next(iter(self.values.values()))) if self.values else []
        with _style():
            fig, axes = _new(
                1,
                max(1, len(measures)),
                width=3.6 * max(1, len(measures)) + 1.0,
                height=0.3 * len(groups) + 1.6,
            )
            for ax, measure in zip(axes.ravel(), measures, strict=False):
                data = [np.asarray(self.values[g][measure], float) for g in groups]
                ax.boxplot(
                    data,
                    orientation="horizontal",
                    widths=0.6,
                    showfliers=True,
                    flierprops={"markersize": 2, "markeredgecolor": "#8a8a8a"},
                    medianprops={"color": "#d1495b"},
                )
                ax.set_yticks(range(1, len(groups) + 1))
                ax.set_yticklabels([_short(g, 18) for g in groups])
                ax.invert_yaxis()
                ax.set_title(measure.replace("_", " "), loc="left")
                if measure == "subjectivity":
                    ax.set_xlim(0, 1)
                else:
                    ax.set_xlim(-1, 1)
                    ax.axvline(0, color="#8a8a8a", lw=0.6)
            if self.title:
                fig.suptitle(self.title, x=0.01, ha="left", fontweight="bold")
        self.figure_, self.axes_ = fig, axes
        return self


@dataclass
class RatesOverTimeDisplay:
    """A measure's rate per period, one line per group (periods with < `min_docs` hidden)."""

    frame: pd.DataFrame
    ylabel: str = "per 1,000 words"
    title: str = ""
    figure_: Any = field(default=None, init=False)
    ax_: Any = field(default=None, init=False)

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

    def plot(self) -> RatesOverTimeDisplay:
        with _style():
            fig, axes = _new(width=8.0, height=3.8)
            ax = axes[0, 0]
            ax.grid(True, axis="y")
            for group, sub in self.frame.groupby("group", sort=True):
                x = pd.to_datetime(sub["period"])
                ax.plot(
                    x, sub["rate_per_1k"], marker="o", ms=3, lw=1.2, label=_short(str(group), 18)
                )
            ax.set_ylabel(self.ylabel)
            ax.set_ylim(bottom=0)
            if self.title:
                ax.set_title(self.title, loc="left")
            if len(self.frame):
                ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
            fig.autofmt_xdate()
        self.figure_, self.ax_ = fig, ax
        return self
