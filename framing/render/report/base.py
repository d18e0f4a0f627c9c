"""What every part of a rendered report shares: number formats, table cells, the files listed.

The bottom of :mod:`framing.render.report`: ``text`` (summary sentences), ``models`` (the
classifiers' section), ``html`` and ``markdown`` (the two pages) and ``files`` (the folder) build
on it, in that order.
"""

from __future__ import annotations

import functools
import math
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd

from framing.annotate.voice import VOICE_NAMES, VOICES
from framing.render.numbers import MISSING

if TYPE_CHECKING:
    from framing.report.build import Report

__all__ = [
    "EXAMPLE_VOICE",
    "REFERENCES",
    "TABLE_FILES",
    "Chart",
    "Column",
    "ci_percent",
    "finite",
    "num",
    "p_value",
    "percent",
    "small_groups",
    "table_context",
    "table_files",
    "table_section",
    "table_specs",
]

#: How an example sentence's voice is named beside it.
EXAMPLE_VOICE: dict[str, str] = {v: VOICE_NAMES[v].example for v in VOICES}

REFERENCES = [
    "Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical feature "
    "selection and evaluation for identifying the content of political conflict. Political "
    "Analysis, 16(4), 372–403. doi:10.1093/pan/mpn018",
    "Efron, B., & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall.",
    "Benjamini, Y., & Hochberg, Y. (1995). Controlling the false discovery rate: a practical and "
    "powerful approach to multiple testing. Journal of the Royal Statistical Society B, 57(1), "
    "289–300.",
    "Cochran, W. G. (1977). Sampling Techniques (3rd ed.), ch. 6: ratio estimators. Wiley.",
    "Welch, B. L. (1947). The generalization of 'Student's' problem when several different "
    "population variances are involved. Biometrika, 34(1–2), 28–35.",
    "De Smedt, T., & Daelemans, W. (2012). Pattern for Python. Journal of Machine Learning "
    "Research, 13, 2063–2067 (the sentiment lexicon TextBlob bundles).",
]

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


@dataclass(frozen=True)
class Chart:
    """A drawn chart: its file stem, title, caption and the paths of its PNG and SVG."""

    name: str
    title: str
    caption: str
    png: Path
    svg: Path


def num(x: Any, digits: int = 1) -> str:
    """A number for reading: thousands separators, `digits` decimals, :data:`MISSING` for a
    value that does not exist."""
    if x is None:
        return MISSING
    try:
        value = float(x)
    except (TypeError, ValueError):
        return str(x)
    if math.isnan(value):
        return MISSING
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if float(value).is_integer() and digits == 0:
        return f"{int(value):,}"
    return f"{value:,.{digits}f}"


def p_value(p: float) -> str:
    if p != p:
        return "–"
    return "< 0.001" if p < 0.001 else f"{p:.3f}"


def percent(x: float) -> str:
    """A share as a whole percentage ('–' for missing)."""
    return "–" if x != x else f"{100 * x:.0f}%"


def ci_percent(lo: float, hi: float) -> str:
    """An interval of shares as percentages ('' for missing)."""
    return "" if lo != lo else f"{100 * lo:.0f}–{100 * hi:.0f}%"


def finite(x: Any) -> Any:
    """A JSON-safe scalar: NaN and infinities become None, numpy scalars Python ones."""
    if isinstance(x, (np.floating, float)):
        return float(x) if np.isfinite(x) else None
    if isinstance(x, np.integer):
        return int(x)
    if isinstance(x, np.bool_):
        return bool(x)
    if x is pd.NaT:
        return None
    return x


def small_groups(report: Report) -> list[dict[str, Any]]:
    """The rows of the groups table that carry a small-sample warning."""
    groups = report.tables["groups"]
    return [dict(r) for _, r in groups[groups["small_sample"]].iterrows()]


@dataclass(frozen=True)
class Column:
    """A displayed column: the table key, its heading, and how to show numbers."""

    key: str
    label: str
    digits: int | None = None  # None: text
    percent: bool = False


def _cell(col: Column, value: Any) -> dict[str, Any]:
    """One display cell: ``text`` (shown), ``value`` (sorted on), ``num``, ``warn``."""
    if col.digits is None:
        missing = value is None or (isinstance(value, float) and value != value)
        text = "" if missing else str(value)
        return {"text": text, "value": text.lower(), "num": False, "warn": False}
    if col.percent and value is not None and value == value:
        shown = num(100 * value, col.digits) + " %"
    else:
        shown = num(value, col.digits)
    sortable = "" if value is None or value != value else repr(float(value))
    return {"text": shown, "value": sortable, "num": True, "warn": False}


def table_context(
    frame: pd.DataFrame, columns: Sequence[Column], *, table_id: str, warn_key: str = "group"
) -> dict[str, Any]:
    """Rows of display cells for the page's table macro; small-sample rows warn on `warn_key`."""
    small = frame["small_sample"].to_numpy(bool) if "small_sample" in frame else None
    rows = []
    for i, record in enumerate(frame.to_dict(orient="records")):
        cells = [_cell(col, record.get(col.key)) for col in columns]
        if small is not None and small[i]:
            for col, cell in zip(columns, cells, strict=True):
                if col.key == warn_key:
                    cell["warn"] = True
        rows.append(cells)
    return {"id": table_id, "columns": columns, "rows": rows}


class TableSpec(NamedTuple):
    """How a table of the page is headed: title, note (may name figures of the table's
    ``attrs`` in braces) and its columns."""

    title: str
    note: str
    columns: tuple[Column, ...]


def _column(spec: Sequence[Any]) -> Column:
    key, label, *rest = spec
    digits = rest[0] if rest else None
    return Column(key, label, digits, percent=rest[1:] == ["percent"])


@functools.cache
def table_specs() -> Mapping[str, TableSpec]:
    """The page's tables by id, from ``tables.toml`` beside this module (parsed once)."""
    data = tomllib.loads(
        (files("framing.render.report") / "tables.toml").read_text(encoding="utf-8")
    )
    return MappingProxyType(
        {
            table_id: TableSpec(t["title"], t["note"], tuple(_column(c) for c in t["columns"]))
            for table_id, t in data.items()
        }
    )


def table_section(table_id: str, frame: pd.DataFrame) -> dict[str, Any]:
    """A titled table of the page (see :func:`table_specs`): heading, note and display rows."""
    spec = table_specs()[table_id]
    return {
        "title": spec.title,
        "note": spec.note.format_map({str(k): v for k, v in frame.attrs.items()}),
        **table_context(frame, spec.columns, table_id=table_id),
    }
