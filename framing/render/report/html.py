"""The report's index.html: one self-contained, offline page (charts embedded, inline CSS/JS).

All text that comes from the corpus (outlet names, titles, example sentences) reaches the page
only through Jinja2 with autoescaping; numbers are formatted here and sorted by their raw values.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from framing._version import __version__
from framing.render.html import render
from framing.render.report.files import Chart, table_files
from framing.render.report.text import EXAMPLE_VOICE, findings, num, small_groups

if TYPE_CHECKING:
    from framing.report.build import Report

__all__ = ["Column", "report_page", "table_context"]

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


@dataclass(frozen=True)
class Column:
    """A displayed column: the table key, its heading, and how to show numbers."""

    key: str
    label: str
    digits: int | None = None  # None: text
    percent: bool = False


def table_context(
    frame: pd.DataFrame, columns: Sequence[Column], *, table_id: str, warn_key: str = "group"
) -> dict[str, Any]:
    """Rows of display cells: ``text`` (shown), ``value`` (sorted on), ``num`` and a warning."""
    small = frame["small_sample"].to_numpy(bool) if "small_sample" in frame else None
    rows = []
    for i, record in enumerate(frame.to_dict(orient="records")):
        cells = []
        for col in columns:
            value = record.get(col.key)
            if col.digits is None:
                text = (
                    ""
                    if value is None or (isinstance(value, float) and value != value)
                    else str(value)
                )
                cells.append({"text": text, "value": text.lower(), "num": False, "warn": False})
                continue
            if col.percent and value is not None and value == value:
                shown = num(100 * value, col.digits) + " %"
            else:
                shown = num(value, col.digits)
            sortable = "" if value is None or value != value else repr(float(value))
            cells.append({"text": shown, "value": sortable, "num": True, "warn": False})
        if small is not None and small[i]:
            for col, cell in zip(columns, cells, strict=True):
                if col.key == warn_key:
                    cell["warn"] = True
        rows.append(cells)
    return {"id": table_id, "columns": columns, "rows": rows}


def _data_uri(chart: Chart) -> str:
    return "data:image/png;base64," + base64.b64encode(chart.png.read_bytes()).decode("ascii")


def _rates_columns(item: str, item_label: str) -> list[Column]:
    return [
        Column("group", "Group"),
        Column(item, item_label),
        Column("voice", "Voice"),
        Column("count", "Count", 0),
        Column("words", "Words", 0),
        Column("rate_per_1k", "Per 1,000 words", 2),
        Column("ci_low", "95% CI low", 2),
        Column("ci_high", "95% CI high", 2),
    ]


def _by_voice(frame: pd.DataFrame, item: str) -> pd.DataFrame:
    """One row per group and item, with the rate (and interval) of each voice side by side."""
    keys = ["group", "lexicon", item] if "lexicon" in frame else ["group", item]
    wide = frame[frame["voice"] == "all"][[*keys, "count", "small_sample"]].copy()
    for voice in ("all", "author", "quote", "attributed"):
        sub = frame[frame["voice"] == voice].set_index(keys)
        idx = pd.MultiIndex.from_frame(wide[keys])
        wide[f"rate_{voice}"] = sub["rate_per_1k"].reindex(idx).to_numpy()
        low = sub["ci_low"].reindex(idx).to_numpy()
        high = sub["ci_high"].reindex(idx).to_numpy()
        wide[f"ci_{voice}"] = [
            "" if lo != lo else f"{num(lo, 2)}–{num(hi, 2)}"
            for lo, hi in zip(low, high, strict=True)
        ]
    return wide


def _wide_columns(item: str, item_label: str) -> list[Column]:
    return [
        Column("group", "Group"),
        Column(item, item_label),
        Column("count", "Count", 0),
        Column("rate_all", "All voices / 1k", 2),
        Column("ci_all", "95% CI"),
        Column("rate_author", "Own words / 1k", 2),
        Column("ci_author", "95% CI"),
        Column("rate_quote", "Quotes / 1k", 2),
        Column("rate_attributed", "Reported / 1k", 2),
    ]


def _tables(report: Report) -> list[dict[str, Any]]:
    t = report.tables
    out = []
    groups = t["groups"]
    out.append(
        {
            "title": "Groups",
            "note": "Documents and words per group, and the share of words in each voice.",
            **table_context(
                groups,
                [
                    Column("group", "Group"),
                    Column("documents", "Documents", 0),
                    Column("words", "Words", 0),
                    Column("author_share", "Own words", 0, percent=True),
                    Column("quote_share", "Quotes", 0, percent=True),
                    Column("attributed_share", "Reported", 0, percent=True),
                    Column("loaded_author_rate_per_1k", "Loaded / 1k (own)", 1),
                    Column("loaded_all_rate_per_1k", "Loaded / 1k (all)", 1),
                    Column("warning", "Warning"),
                ],
                table_id="t-groups",
            ),
        }
    )
    fam = t["families_by_group"]
    fam = fam[fam.groupby("family")["count"].transform("sum") > 0]
    out.append(
        {
            "title": "Label families by group",
            "note": "Rates per 1,000 words of each voice with 95% bootstrap intervals; the "
            "families are defined in Methods.",
            **table_context(
                _by_voice(fam, "family"), _wide_columns("family", "Family"), table_id="t-families"
            ),
        }
    )
    cats = t["categories_by_group"]
    cats = cats[cats["loaded"] & (cats.groupby("category")["count"].transform("sum") > 0)]
    out.append(
        {
            "title": "Loaded-language categories by group and voice",
            "note": "Own words: per 1,000 words of the outlet's narration; quotes and reported "
            "speech: per 1,000 words of each.",
            **table_context(
                _by_voice(cats, "category"),
                _wide_columns("category", "Category"),
                table_id="t-categories",
            ),
        }
    )
    terms = t["terms_by_group"]
    terms = terms[terms["loaded"] & (terms["voice"] == "all") & (terms["count"] > 0)]
    terms = terms.sort_values(["group", "rate_per_1k"], ascending=[True, False])
    terms = terms.groupby("group", sort=True).head(12)
    out.append(
        {
            "title": "Most frequent loaded terms per group",
            "note": "The 12 loaded terms with the highest rate in each group (all voices); the "
            "full table is terms_by_group.csv.",
            **table_context(terms, _rates_columns("term", "Term"), table_id="t-terms"),
        }
    )
    dterms = t["distinguishing_terms"]
    dterms = dterms[(dterms["voice"] == "all") & dterms["loaded"] & (dterms["z"] >= 1.96)]
    dterms = dterms.groupby("group", sort=True).head(8)
    out.append(
        {
            "title": "Distinguishing lexicon terms (each group vs the rest)",
            "note": "Log-odds ratio with an informative Dirichlet prior; z ≥ 1.96 shown.",
            **table_context(
                dterms,
                [
                    Column("group", "Group"),
                    Column("term", "Term"),
                    Column("category", "Category"),
                    Column("count", "Count", 0),
                    Column("rate_per_1k", "Per 1k", 2),
                    Column("rate_rest_per_1k", "Per 1k, rest", 2),
                    Column("log_odds", "Log-odds ratio", 2),
                    Column("z", "z", 2),
                ],
                table_id="t-dterms",
            ),
        }
    )
    words = t["distinguishing_words"]
    words = words[words["z"] >= 1.96].sort_values(["group", "z"], ascending=[True, False])
    words = words.groupby("group", sort=True).head(12)
    out.append(
        {
            "title": "Distinguishing words and bigrams (each group vs the rest)",
            "note": "All words, not only lexicon terms: wording the lexicons may miss.",
            **table_context(
                words,
                [
                    Column("group", "Group"),
                    Column("feature", "Word or bigram"),
                    Column("kind", "Kind"),
                    Column("count", "Count", 0),
                    Column("count_rest", "Count, rest", 0),
                    Column("log_odds", "Log-odds ratio", 2),
                    Column("z", "z", 2),
                ],
                table_id="t-dwords",
            ),
        }
    )
    pw = t["pairwise_tests"]
    sig = pw[pw["significant"]].sort_values(["p_adjusted", "category"]).head(60)
    out.append(
        {
            "title": "Pairwise differences in category rates",
            "note": f"{int(pw['significant'].sum()):,} of {int(pw['p_value'].notna().sum()):,} "
            "tests pass the Benjamini-Hochberg correction at 5%; up to 60 shown "
            "(all in pairwise_tests.csv).",
            **table_context(
                sig.assign(small_sample=False),
                [
                    Column("category", "Category"),
                    Column("voice", "Voice"),
                    Column("group_a", "Group A"),
                    Column("group_b", "Group B"),
                    Column("rate_a", "A per 1k", 2),
                    Column("rate_b", "B per 1k", 2),
                    Column("diff_per_1k", "Difference", 2),
                    Column("rate_ratio", "Ratio", 2),
                    Column("p_adjusted", "p (BH)", 4),
                ],
                table_id="t-pairwise",
            ),
        }
    )
    sent = t["sentiment_by_group"]
    out.append(
        {
            "title": "Sentiment and subjectivity",
            "note": "Per-document scores; the interval is a bootstrap interval of the mean.",
            **table_context(
                sent,
                [
                    Column("group", "Group"),
                    Column("measure", "Measure"),
                    Column("n", "Documents", 0),
                    Column("mean", "Mean", 3),
                    Column("ci_low", "95% CI low", 3),
                    Column("ci_high", "95% CI high", 3),
                    Column("median", "Median", 3),
                    Column("sd", "SD", 3),
                ],
                table_id="t-sentiment",
            ),
        }
    )
    labels = t["actor_labels"]
    if not labels.empty:
        own = labels[labels["voice"] == "author"].sort_values(
            ["actor", "group", "share"], ascending=[True, True, False]
        )
        out.append(
            {
                "title": "Label choice per actor (own voice)",
                "note": "Share of each label among the labels a group gives the actor.",
                **table_context(
                    own.head(400),
                    [
                        Column("actor", "Actor"),
                        Column("group", "Group"),
                        Column("label", "Label"),
                        Column("count", "Count", 0),
                        Column("share", "Share", 0, percent=True),
                    ],
                    table_id="t-actors",
                ),
            }
        )
    return out


def _example_blocks(report: Report) -> list[dict[str, Any]]:
    blocks: dict[tuple[str, str, str], dict[str, Any]] = {}
    for ex in report.examples:
        key = (str(ex["group"]), str(ex["kind"]), str(ex["feature"]))
        block = blocks.setdefault(
            key, {"group": key[0], "kind": key[1], "feature": key[2], "entries": []}
        )
        block["entries"].append(ex)
    return list(blocks.values())


def _methods(report: Report) -> dict[str, Any]:
    c = report.corpus
    so = report.options.stats
    return {
        "corpus": c,
        "inputs": report.inputs,
        "corpus_options": report.corpus_options.to_dict(),
        "lexicons": report.lexicons,
        "models": report.models,
        "analysis": report.options.analysis.to_dict(),
        "stats": so.to_dict(),
        "families": [
            {"name": name, "stem": stem, "terms": report.families.get(name, [])}
            for name, stem in so.families
        ],
        "period": report.period,
        "references": REFERENCES,
        "files": table_files(report),
        "actor_module": c.get("actor_module"),
        "classifiers": report.classifiers,
    }


def _chart(ch: Chart) -> dict[str, str]:
    return {
        "name": ch.name,
        "title": ch.title,
        "caption": ch.caption,
        "src": _data_uri(ch),
        "svg": f"charts/{ch.svg.name}",
        "png": f"charts/{ch.png.name}",
    }


def report_page(report: Report, charts: Sequence[Chart]) -> str:
    """The complete index.html."""
    from framing.render.report.models import (
        ESTIMATES_NOTE,
        MODEL_CHARTS,
        has_models,
        model_tables,
    )

    models = None
    if has_models(report):
        models = {
            "note": ESTIMATES_NOTE,
            "charts": [_chart(ch) for ch in charts if ch.name in MODEL_CHARTS],
            "tables": model_tables(report),
        }
    return render(
        "report.html.j2",
        title=report.title,
        version=__version__,
        summary=findings(report),
        small=small_groups(report),
        charts=[_chart(ch) for ch in charts if ch.name not in MODEL_CHARTS],
        models=models,
        tables=_tables(report),
        examples=_example_blocks(report),
        methods=_methods(report),
        voice_phrase=EXAMPLE_VOICE,
    )
