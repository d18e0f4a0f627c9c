"""The report folder: CSV (and Parquet) tables, report.json, charts, and the two pages.

:func:`write_report` writes a built :class:`~framing.report.build.Report` into a folder; the rest
of :mod:`framing.render.report` (``base`` <- ``text`` <- ``models`` <- ``html``, ``markdown``)
renders its parts.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from framing._version import __version__
from framing.output import commit_dir, prepare_dir, staging_dir
from framing.render.charts import report as rc
from framing.render.report.base import TABLE_FILES, Chart, finite
from framing.render.report.html import report_page
from framing.render.report.markdown import report_markdown
from framing.render.report.models import draw_model_charts
from framing.render.report.text import findings

if TYPE_CHECKING:
    from framing.report.build import Report

__all__ = ["draw_charts", "report_json", "write_report", "write_tables"]


def write_tables(report: Report, folder: Path) -> list[Path]:
    """Write every table as CSV (and Parquet when pyarrow is installed); returns the paths."""
    parquet = importlib.util.find_spec("pyarrow") is not None  # the optional framing[parquet]
    paths = []
    for name, (stem, _) in TABLE_FILES.items():
        frame = report.tables.get(name)
        if frame is None:
            continue
        path = folder / f"{stem}.csv"
        frame.to_csv(path, index=False, lineterminator="\n")
        paths.append(path)
        if parquet:
            frame.to_parquet(folder / f"{stem}.parquet", index=False)
    examples = pd.DataFrame(report.examples)
    if not examples.empty:
        path = folder / "examples.csv"
        examples.to_csv(path, index=False, lineterminator="\n")
        paths.append(path)
    return paths


#: Tables left out of report.json (chart data, also in its CSV file).
JSON_SKIP = frozenset({"ngram_scatter"})


def _split_json(frame: pd.DataFrame) -> str:
    """A table as JSON ``{"columns": [...], "data": [[...], ...]}`` (NaN as null)."""
    return frame.to_json(orient="split", index=False, double_precision=15, force_ascii=False)


def report_json(report: Report) -> str:
    """Every number, JSON-safe: methods, summary, each table as columns + rows, examples."""
    head = {
        "title": report.title,
        "framing_version": __version__,
        "methods": report.methods(),
        "summary": findings(report),
        "examples": [{k: finite(v) for k, v in ex.items()} for ex in report.examples],
    }
    body = json.dumps(head, ensure_ascii=False, allow_nan=False)
    tables = ",".join(
        f"{json.dumps(name)}:{_split_json(frame)}"
        for name, frame in report.tables.items()
        if name not in JSON_SKIP
    )
    return body[:-1] + ',"tables":{' + tables + "}}\n"


def _loaded_items(frame: pd.DataFrame, key: str, voice: str, limit: int) -> list[str]:
    sub = frame[(frame["voice"] == voice)]
    if "loaded" in sub:
        sub = sub[sub["loaded"]]
    totals = sub.groupby(key)["count"].sum().sort_values(ascending=False, kind="stable")
    return [str(k) for k in totals.index[:limit] if totals[k] > 0]


def draw_charts(report: Report, folder: Path) -> list[Chart]:
    """Draw every chart the data allows into `folder` (PNG and SVG)."""
    charts: list[Chart] = []

    def save(display: Any, name: str, title: str, caption: str) -> None:
        paths = rc.save_figure(display.figure_, folder, name)
        charts.append(Chart(name, title, caption, paths["png"], paths["svg"]))

    t = report.tables
    d: Any
    families = [f for f in _loaded_items(t["families_by_group"], "family", "all", 9)]
    if families:
        d = rc.RatesDisplay.from_frame(
            t["families_by_group"], "family", voice="all", items=families
        ).plot()
        save(
            d,
            "family_rates",
            "Label families by group",
            "Rate per 1,000 words (all voices) with 95% bootstrap intervals; hollow red points "
            "are groups with small samples.",
        )
    cats = t["categories_by_group"]
    categories = _loaded_items(cats, "category", "author", 9)
    if categories:
        d = rc.RatesDisplay.from_frame(cats, "category", voice="author", items=categories).plot()
        save(
            d,
            "category_rates",
            "Lexicon categories by group, outlet's own voice",
            "Loaded-language categories per 1,000 words of each group's own narration, with 95% "
            "bootstrap intervals over documents.",
        )
    terms = t["terms_by_group"]
    if (terms["count"] > 0).any():
        d = rc.TermHeatmapDisplay.from_frame(terms, voice="all", top=25).plot()
        save(
            d,
            "term_heatmap",
            "Most frequent loaded terms by group",
            "Rate per 1,000 words (all voices) of the 25 loaded terms used most in the corpus.",
        )
    labels = t["actor_labels"]
    if not labels.empty and (labels["voice"] == "author").any():
        d = rc.ActorLabelsDisplay.from_frame(labels, voice="author").plot()
        save(
            d,
            "actor_labels",
            "Label choice per actor",
            "Share of each label among the labels a group gives an actor in its own voice.",
        )
    scatter = t["ngram_scatter"]
    if not scatter.empty and report.groups:
        d = rc.DistinguishingTermsDisplay.from_frame(scatter).plot()
        save(
            d,
            "distinguishing_terms",
            "Distinguishing words and bigrams per group",
            "Log-odds z-score (each group against the rest, informative Dirichlet prior) against "
            "the feature's count in the corpus; beyond the dashed lines |z| > 1.96.",
        )
    d = rc.VoiceCompositionDisplay.from_frame(t["groups"]).plot()
    save(
        d,
        "voice_composition",
        "Voice composition by group",
        "Share of words, and of loaded terms, in the outlet's own words, direct quotes and "
        "reported speech.",
    )
    if report.sentiment:
        d = rc.SentimentDisplay(report.sentiment).plot()
        save(
            d,
            "sentiment",
            "Sentiment and subjectivity of documents",
            "Distribution of document scores per group (box: quartiles; line: median).",
        )
    over = t["rates_over_time"]
    if not over.empty:
        d = rc.RatesOverTimeDisplay.from_frame(over, measure="loaded terms", voice="author").plot()
        if len(d.frame):
            save(
                d,
                "rates_over_time",
                f"Loaded terms over time (per {report.period})",
                "Loaded terms per 1,000 words of each group's own voice, per period with at "
                "least two documents.",
            )
    draw_model_charts(report, save)
    return charts


def write_report(report: Report, folder: str | Path, *, force: bool = False) -> Path:
    """Write the report folder atomically: built beside it, then moved into place.

    Refuses an existing non-empty folder unless `force` (then it is replaced only once the new
    report is complete). Writes index.html, report.md, report.json, the CSV tables (and Parquet
    when pyarrow is installed) and charts/ with PNG and SVG files.
    """
    target = prepare_dir(folder, force=force)
    staging = staging_dir(target)
    try:
        charts = draw_charts(report, staging / "charts") if report.options.charts else []
        write_tables(report, staging)
        (staging / "report.json").write_text(report_json(report), encoding="utf-8")
        (staging / "report.md").write_text(report_markdown(report, charts), encoding="utf-8")
        (staging / "index.html").write_text(report_page(report, charts), encoding="utf-8")
        return commit_dir(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
