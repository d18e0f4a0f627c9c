"""The machine-readable files of a report folder: CSV (and Parquet) tables, report.json, charts."""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from framing._version import __version__
from framing.render.report.text import findings, finite

if TYPE_CHECKING:
    from framing.report.build import Report

__all__ = ["TABLE_FILES", "Chart", "draw_charts", "report_json", "table_files", "write_tables"]

#: Report table name -> file stem, and what each holds (listed in the HTML and Markdown).
TABLE_FILES: dict[str, tuple[str, str]] = {
    "groups": ("groups", "documents, words and loaded terms by voice per group; warnings"),
    "terms_by_group": (
        "terms_by_group",
        "rate per 1,000 words of each lexicon term by group and voice, with 95% bootstrap CIs",
    ),
    "categories_by_group": ("categories_by_group", "the same for each lexicon category"),
    "families_by_group": ("families_by_group", "the same for each label family"),
    "distinguishing_terms": (
        "distinguishing_terms",
        "log-odds ratios (informative Dirichlet prior) of lexicon terms, each group vs the rest",
    ),
    "distinguishing_words": (
        "distinguishing_words",
        "the top words and bigrams by log-odds z-score per group",
    ),
    "pairwise_tests": (
        "pairwise_tests",
        "Welch tests of category rates for every pair of groups, BH-adjusted",
    ),
    "sentiment_by_group": ("sentiment_by_group", "polarity and subjectivity distributions"),
    "actor_labels": ("actor_labels", "labels each group uses for each actor, with shares"),
    "rates_over_time": ("rates_over_time", "loaded-term and family rates per period"),
    "ngram_scatter": ("ngram_scatter", "z-scores of the most frequent words and bigrams"),
    "frames_by_group": (
        "frames_by_group",
        "model estimates: share of documents predicted with each frame and mean frame "
        "probability by group, with 95% bootstrap CIs",
    ),
    "bias_by_group": (
        "bias_by_group",
        "model estimates: share of sentences predicted biased and mean bias probability by "
        "group and voice, with 95% bootstrap CIs",
    ),
}


def table_files(report: Report) -> list[tuple[str, str]]:
    """(file name, what it holds) of the tables this report has."""
    return [
        (f"{stem}.csv", what) for name, (stem, what) in TABLE_FILES.items() if name in report.tables
    ]


def write_tables(report: Report, folder: Path) -> list[Path]:
    """Write every table as CSV (and Parquet when pyarrow is installed); returns the paths."""
    parquet = importlib.util.find_spec("pyarrow") is not None
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


@dataclass(frozen=True)
class Chart:
    """A drawn chart: its file stem, title, caption and the paths of its PNG and SVG."""

    name: str
    title: str
    caption: str
    png: Path
    svg: Path


def _loaded_items(frame: pd.DataFrame, key: str, voice: str, limit: int) -> list[str]:
    sub = frame[(frame["voice"] == voice)]
    if "loaded" in sub:
        sub = sub[sub["loaded"]]
    totals = sub.groupby(key)["count"].sum().sort_values(ascending=False, kind="stable")
    return [str(k) for k in totals.index[:limit] if totals[k] > 0]


def draw_charts(report: Report, folder: Path) -> list[Chart]:
    """Draw every chart the data allows into `folder` (PNG and SVG)."""
    from framing.render.charts import report as rc

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
    from framing.render.report.models import draw_model_charts

    draw_model_charts(report, save)
    return charts
