"""The chart base and house style: plot(ax=None) on new or given Axes, save by suffix, one style."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pandas as pd
import pytest
from matplotlib.figure import Figure

from framing.annotate.voice import VOICE_NAMES
from framing.errors import FramingError
from framing.render.charts.evaluation import ConfusionDisplay
from framing.render.charts.report import VoiceCompositionDisplay
from framing.render.charts.style import HOUSE_STYLE, house_style, voice_label


def _confusion() -> ConfusionDisplay:
    return ConfusionDisplay.from_predictions(
        ["B", "B", "N", "N", "X"], ["B", "N", "N", "N", "B"], ["B", "N"], title="t"
    )


def test_plot_draws_on_given_axes_and_returns_the_display() -> None:
    figure = Figure()
    ax = figure.add_subplot()
    display = _confusion()
    assert display.plot(ax=ax) is display
    assert display.ax_ is ax and display.figure_ is figure and display.axes_.shape == (1, 1)
    shown = sorted(t.get_text() for t in ax.texts)  # scikit-learn's ConfusionMatrixDisplay
    assert shown == ["0", "1", "1", "2"]  # the pair with label X is left out
    assert ax.get_xlabel() == "predicted" and ax.get_title(loc="left") == "t"


def test_plot_needs_one_axes_per_panel() -> None:
    summary = pd.DataFrame(
        {
            "group": ["a"],
            **{f"{v}_words": [10] for v in ("author", "quote", "attributed")},
            **{f"loaded_{v}": [1] for v in ("author", "quote", "attributed")},
        }
    )
    display = VoiceCompositionDisplay.from_frame(summary)
    with pytest.raises(FramingError, match="VoiceCompositionDisplay draws 2 panels"):
        display.plot(ax=Figure().add_subplot())
    two = Figure().subplots(1, 2)
    assert display.plot(ax=two).axes_[0, 1] is two[1]
    legend = [t.get_text() for t in two[1].get_legend().get_texts()]
    assert legend == ["outlet's own words", "direct quotes", "reported speech"]


def test_save_by_suffix(tmp_path: Path) -> None:
    display = _confusion()
    assert display.save(tmp_path / "cm.png").read_bytes()[:4] == b"\x89PNG"  # plots first
    assert "<svg" in display.save(tmp_path / "cm.svg").read_text()
    assert display.save(tmp_path / "cm.chart", fmt="png").read_bytes()[:4] == b"\x89PNG"
    with pytest.raises(FramingError, match=r"cannot write a chart as jpg; use \.png or \.svg"):
        display.save(tmp_path / "cm.jpg")
    with pytest.raises(FramingError, match="already exists"):
        display.save(tmp_path / "cm.svg")


def test_one_house_style() -> None:
    before = matplotlib.rcParams["font.size"]
    with house_style():
        assert matplotlib.rcParams["savefig.dpi"] == HOUSE_STYLE["savefig.dpi"] == 150
        assert matplotlib.rcParams["figure.constrained_layout.use"]
    assert matplotlib.rcParams["font.size"] == before  # restored
    assert voice_label("quote") == VOICE_NAMES["quote"].plural == "direct quotes"
    assert voice_label("all") == "all voices"
