"""The report's index.html: one self-contained, offline page (charts embedded, inline CSS/JS).

All text that comes from the corpus (outlet names, titles, example sentences) reaches the page
only through Jinja2 with autoescaping; numbers are formatted here and sorted by their raw values.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from framing._version import __version__
from framing.annotate.voice import VOICES
from framing.render.html import render
from framing.render.report.base import (
    EXAMPLE_VOICE,
    REFERENCES,
    Chart,
    Column,
    num,
    small_groups,
    table_files,
    table_section,
)
from framing.render.report.models import ESTIMATES_NOTE, MODEL_CHARTS, has_models, model_tables
from framing.render.report.text import findings

if TYPE_CHECKING:
    from framing.report.build import Report

__all__ = ["report_page"]

Section = dict[str, Any]


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
    for voice in ("all", *VOICES):
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


def _used(frame: pd.DataFrame, item: str) -> pd.Series:
    """Rows of the items used at least once in the corpus."""
    return frame.groupby(item)["count"].transform("sum") > 0


def _groups_table(t: dict[str, pd.DataFrame]) -> Section:
    return table_section(
        "Groups",
        "Documents and words per group, and the share of words in each voice.",
        t["groups"],
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
    )


def _families_table(t: dict[str, pd.DataFrame]) -> Section:
    fam = t["families_by_group"]
    return table_section(
        "Label families by group",
        "Rates per 1,000 words of each voice with 95% bootstrap intervals; the families are "
        "defined in Methods.",
        _by_voice(fam[_used(fam, "family")], "family"),
        _wide_columns("family", "Family"),
        table_id="t-families",
    )


def _categories_table(t: dict[str, pd.DataFrame]) -> Section:
    cats = t["categories_by_group"]
    return table_section(
        "Loaded-language categories by group and voice",
        "Own words: per 1,000 words of the outlet's narration; quotes and reported speech: per "
        "1,000 words of each.",
        _by_voice(cats[cats["loaded"] & _used(cats, "category")], "category"),
        _wide_columns("category", "Category"),
        table_id="t-categories",
    )


def _terms_table(t: dict[str, pd.DataFrame]) -> Section:
    terms = t["terms_by_group"]
    terms = terms[terms["loaded"] & (terms["voice"] == "all") & (terms["count"] > 0)]
    terms = terms.sort_values(["group", "rate_per_1k"], ascending=[True, False])
    return table_section(
        "Most frequent loaded terms per group",
        "The 12 loaded terms with the highest rate in each group (all voices); the full table "
        "is terms_by_group.csv.",
        terms.groupby("group", sort=True).head(12),
        _rates_columns("term", "Term"),
        table_id="t-terms",
    )


def _distinguishing_terms_table(t: dict[str, pd.DataFrame]) -> Section:
    dterms = t["distinguishing_terms"]
    dterms = dterms[(dterms["voice"] == "all") & dterms["loaded"] & (dterms["z"] >= 1.96)]
    return table_section(
        "Distinguishing lexicon terms (each group vs the rest)",
        "Log-odds ratio with an informative Dirichlet prior; z ≥ 1.96 shown.",
        dterms.groupby("group", sort=True).head(8),
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
    )


def _distinguishing_words_table(t: dict[str, pd.DataFrame]) -> Section:
    words = t["distinguishing_words"]
    words = words[words["z"] >= 1.96].sort_values(["group", "z"], ascending=[True, False])
    return table_section(
        "Distinguishing words and bigrams (each group vs the rest)",
        "All words, not only lexicon terms: wording the lexicons may miss.",
        words.groupby("group", sort=True).head(12),
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
    )


def _pairwise_table(t: dict[str, pd.DataFrame]) -> Section:
    pw = t["pairwise_tests"]
    sig = pw[pw["significant"]].sort_values(["p_adjusted", "category"]).head(60)
    return table_section(
        "Pairwise differences in category rates",
        f"{int(pw['significant'].sum()):,} of {int(pw['p_value'].notna().sum()):,} tests pass "
        "the Benjamini-Hochberg correction at 5%; up to 60 shown (all in pairwise_tests.csv).",
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
    )


def _sentiment_table(t: dict[str, pd.DataFrame]) -> Section:
    return table_section(
        "Sentiment and subjectivity",
        "Per-document scores; the interval is a bootstrap interval of the mean.",
        t["sentiment_by_group"],
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
    )


def _actors_table(t: dict[str, pd.DataFrame]) -> Section | None:
    labels = t["actor_labels"]
    if labels.empty:
        return None
    own = labels[labels["voice"] == "author"].sort_values(
        ["actor", "group", "share"], ascending=[True, True, False]
    )
    return table_section(
        "Label choice per actor (own voice)",
        "Share of each label among the labels a group gives the actor.",
        own.head(400),
        [
            Column("actor", "Actor"),
            Column("group", "Group"),
            Column("label", "Label"),
            Column("count", "Count", 0),
            Column("share", "Share", 0, percent=True),
        ],
        table_id="t-actors",
    )


#: The page's tables, in order (a function returns None when its table has nothing to show).
TABLES: tuple[Callable[[dict[str, pd.DataFrame]], Section | None], ...] = (
    _groups_table,
    _families_table,
    _categories_table,
    _terms_table,
    _distinguishing_terms_table,
    _distinguishing_words_table,
    _pairwise_table,
    _sentiment_table,
    _actors_table,
)


def _tables(report: Report) -> list[Section]:
    sections = (make(report.tables) for make in TABLES)
    return [s for s in sections if s is not None]


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
    so = report.options.stats
    return {
        "corpus": report.corpus,
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
        "actors": report.options.run.actors,
        "classifiers": report.classifiers,
    }


def _chart(ch: Chart) -> dict[str, str]:
    png = "data:image/png;base64," + base64.b64encode(ch.png.read_bytes()).decode("ascii")
    return {
        "name": ch.name,
        "title": ch.title,
        "caption": ch.caption,
        "src": png,
        "svg": f"charts/{ch.svg.name}",
        "png": f"charts/{ch.png.name}",
    }


def _models_section(report: Report, charts: Sequence[Chart]) -> dict[str, Any] | None:
    if not has_models(report):
        return None
    return {
        "note": ESTIMATES_NOTE,
        "charts": [_chart(ch) for ch in charts if ch.name in MODEL_CHARTS],
        "tables": model_tables(report),
    }


def report_page(report: Report, charts: Sequence[Chart]) -> str:
    """The complete index.html."""
    return render(
        "report.html.j2",
        title=report.title,
        version=__version__,
        summary=findings(report),
        small=small_groups(report),
        charts=[_chart(ch) for ch in charts if ch.name not in MODEL_CHARTS],
        models=_models_section(report, charts),
        tables=_tables(report),
        examples=_example_blocks(report),
        methods=_methods(report),
        voice_phrase=EXAMPLE_VOICE,
    )
