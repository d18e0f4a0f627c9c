"""The classifiers' part of a report: summary sentences, tables, charts and method notes.

Present only when the report's documents carry model outputs (``frames_by_group`` and
``bias_by_group`` among its tables, from :mod:`framing.stats.classifiers`). Every sentence,
caption and note says that these are estimates of statistical models, not annotations, and the
Methods give each model's version, SHA-256 and cross-validated accuracy from its model card.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from framing.render.charts.models import SharesDisplay
from framing.render.markdown import escape, table
from framing.render.report.base import ci_percent, num, percent, table_section

if TYPE_CHECKING:
    from framing.report.build import Report

__all__ = [
    "ESTIMATES_NOTE",
    "MODEL_CHARTS",
    "draw_model_charts",
    "has_models",
    "method_lines",
    "model_markdown",
    "model_tables",
]

#: Names of the charts that belong to the model-estimates section.
MODEL_CHARTS = frozenset({"frame_shares", "sentence_bias"})
ESTIMATES_NOTE = (
    "Frames and sentence bias are estimates of two statistical classifiers (framing.models), "
    "not annotations: each is right only part of the time (see their cross-validated accuracy "
    "in Methods), and their errors may differ between outlets. Intervals are 95% bootstrap "
    "intervals over documents; they show sampling uncertainty, not the models' errors."
)


def has_models(report: Report) -> bool:
    return "frames_by_group" in report.tables or "bias_by_group" in report.tables


def _with_intervals(frame: pd.DataFrame) -> pd.DataFrame:
    """The table with its share and mean-probability intervals as display strings."""
    low, high = frame["mean_ci_low"], frame["mean_ci_high"]
    return frame.assign(
        share_ci=[
            ci_percent(lo, hi) for lo, hi in zip(frame["ci_low"], frame["ci_high"], strict=True)
        ],
        mean_ci=[
            "" if lo != lo else f"{lo:.2f}–{hi:.2f}" for lo, hi in zip(low, high, strict=True)
        ],
    )


def _shown_frames(frames: pd.DataFrame) -> pd.DataFrame:
    """The rows of frames predicted for at least one document, frames in the model's order."""
    used = frames.groupby("frame", sort=False)["predicted"].transform("sum") > 0
    order = {name: i for i, name in enumerate(dict.fromkeys(frames["frame"]))}
    frames = frames[used].sort_values(
        ["frame", "group"], key=lambda col: col.map(order) if col.name == "frame" else col
    )
    return _with_intervals(frames.assign(frame_label=frames["frame"].str.replace("_", " ")))


def model_tables(report: Report) -> list[dict[str, Any]]:
    """The model tables of index.html (as :func:`framing.render.report.base.table_section`)."""
    out = []
    if "frames_by_group" in report.tables:
        out.append(table_section("t-frames", _shown_frames(report.tables["frames_by_group"])))
    if "bias_by_group" in report.tables:
        out.append(table_section("t-bias", _with_intervals(report.tables["bias_by_group"])))
    return out


def model_markdown(report: Report, warn: Callable[[str], str]) -> list[str]:
    """The model-estimates section of report.md (`warn` marks small-sample groups)."""
    if not has_models(report):
        return []
    out = ["", "## Model estimates: frames and sentence bias", "", escape(ESTIMATES_NOTE)]
    if "frames_by_group" in report.tables:
        frames = _shown_frames(report.tables["frames_by_group"])
        out += ["", "### Frames by group (share of documents the frame is predicted for)", ""]
        out.append(
            table(
                ["frame", "group", "documents", "predicted for", "95% CI", "mean probability"],
                [
                    (
                        r["frame_label"],
                        warn(str(r["group"])),
                        r["documents"],
                        percent(r["predicted_share"]),
                        r["share_ci"],
                        num(r["mean_probability"], 2),
                    )
                    for r in frames.sort_values(["frame_label", "group"], kind="stable").to_dict(
                        orient="records"
                    )
                ],
            )
        )
    if "bias_by_group" in report.tables:
        bias = _with_intervals(report.tables["bias_by_group"])
        out += ["", "### Sentence bias by group and voice", ""]
        out.append(
            table(
                ["group", "voice", "sentences", "predicted biased", "share", "95% CI", "mean p"],
                [
                    (
                        warn(str(r["group"])),
                        r["voice"],
                        r["sentences"],
                        r["biased"],
                        percent(r["biased_share"]),
                        r["share_ci"],
                        num(r["mean_probability"], 2),
                    )
                    for r in bias.to_dict(orient="records")
                ],
            )
        )
    return out


def method_lines(report: Report) -> list[str]:
    """Plain lines naming each classifier: version, SHA-256, cross-validated metrics."""
    return [
        f"{c['name']} {c['version']} ({c['kind']}; file {c['file']}, sha256 {c['sha256']}): "
        f"{c['metrics'] or 'see the model card'} (5-fold cross-validation, model card "
        f"{c['card']})"
        for c in report.classifiers
    ]


def draw_model_charts(report: Report, save: Callable[[Any, str, str, str], None]) -> None:
    """Draw the frame-share and sentence-bias charts with `save(display, name, title, caption)`."""
    frames = report.tables.get("frames_by_group")
    if frames is not None and (frames["predicted"] > 0).any():
        save(
            SharesDisplay.from_frames(frames).plot(),
            "frame_shares",
            "Frames by group (model estimates)",
            "Share of each group's documents for which the frame classifier predicts the frame, "
            "with 95% bootstrap intervals over documents; the frames whose share differs most "
            "between groups. Model estimates, not annotations.",
        )
    bias = report.tables.get("bias_by_group")
    if bias is not None and np.isfinite(bias["biased_share"].to_numpy(float)).any():
        save(
            SharesDisplay.from_bias(bias).plot(),
            "sentence_bias",
            "Sentence bias by group and voice (model estimates)",
            "Share of sentences the sentence-bias classifier predicts biased, by the voice each "
            "sentence is mostly in, with 95% bootstrap intervals over documents.",
        )
