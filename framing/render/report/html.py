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

Tables = dict[str, pd.DataFrame]


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


def _used(frame: pd.DataFrame, item: str) -> pd.Series:
    """Rows of the items used at least once in the corpus."""
    return frame.groupby(item)["count"].transform("sum") > 0


def _families(t: Tables) -> pd.DataFrame:
    fam = t["families_by_group"]
    return _by_voice(fam[_used(fam, "family")], "family")


def _categories(t: Tables) -> pd.DataFrame:
    cats = t["categories_by_group"]
    return _by_voice(cats[cats["loaded"] & _used(cats, "category")], "category")


def _top_terms(t: Tables) -> pd.DataFrame:
    """The 12 loaded terms with the highest rate (all voices) per group."""
    terms = t["terms_by_group"]
    terms = terms[terms["loaded"] & (terms["voice"] == "all") & (terms["count"] > 0)]
    terms = terms.sort_values(["group", "rate_per_1k"], ascending=[True, False])
    return terms.groupby("group", sort=True).head(12)


def _distinguishing_terms(t: Tables) -> pd.DataFrame:
    dterms = t["distinguishing_terms"]
    dterms = dterms[(dterms["voice"] == "all") & dterms["loaded"] & (dterms["z"] >= 1.96)]
    return dterms.groupby("group", sort=True).head(8)


def _distinguishing_words(t: Tables) -> pd.DataFrame:
    words = t["distinguishing_words"]
    words = words[words["z"] >= 1.96].sort_values(["group", "z"], ascending=[True, False])
    return words.groupby("group", sort=True).head(12)


def _significant_pairs(t: Tables) -> pd.DataFrame:
    """Up to 60 pairs that pass the correction; the note's figures in ``attrs``."""
    pw = t["pairwise_tests"]
    sig = pw[pw["significant"]].sort_values(["p_adjusted", "category"]).head(60)
    sig = sig.assign(small_sample=False)
    sig.attrs = {
        "significant": int(pw["significant"].sum()),
        "tested": int(pw["p_value"].notna().sum()),
    }
    return sig


def _own_voice_labels(t: Tables) -> pd.DataFrame | None:
    labels = t["actor_labels"]
    if labels.empty:
        return None
    own = labels[labels["voice"] == "author"]
    return own.sort_values(["actor", "group", "share"], ascending=[True, True, False]).head(400)


#: The page's tables in order: id (its heading and columns are in tables.toml) and the rows it
#: shows (None: the table is left out).
TABLES: dict[str, Callable[[Tables], pd.DataFrame | None]] = {
    "t-groups": lambda t: t["groups"],
    "t-families": _families,
    "t-categories": _categories,
    "t-terms": _top_terms,
    "t-dterms": _distinguishing_terms,
    "t-dwords": _distinguishing_words,
    "t-pairwise": _significant_pairs,
    "t-sentiment": lambda t: t["sentiment_by_group"],
    "t-actors": _own_voice_labels,
}


def _tables(report: Report) -> list[dict[str, Any]]:
    out = []
    for table_id, rows in TABLES.items():
        frame = rows(report.tables)
        if frame is not None:
            out.append(table_section(table_id, frame))
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
