"""The plain-sentence summary of a framing report, shared by the HTML and Markdown outputs.

Sentences describe what the numbers show in neutral words ("used ... more often than"), name the
statistic behind each claim, and mark groups with small samples. They are plain strings: the
HTML template escapes them.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from framing.report.build import Report

__all__ = ["EXAMPLE_VOICE", "findings", "num", "small_groups"]


#: How an example sentence's voice is named beside it.
EXAMPLE_VOICE = {
    "author": "the outlet's own words",
    "quote": "inside a direct quote",
    "attributed": "in reported speech",
}


def num(x: Any, digits: int = 1) -> str:
    """A number for reading: thousands separators, `digits` decimals, '–' for missing."""
    if x is None:
        return "–"
    try:
        value = float(x)
    except (TypeError, ValueError):
        return str(x)
    if math.isnan(value):
        return "–"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if float(value).is_integer() and digits == 0:
        return f"{int(value):,}"
    return f"{value:,.{digits}f}"


def p_value(p: float) -> str:
    if p != p:
        return "–"
    return "< 0.001" if p < 0.001 else f"{p:.3f}"


def small_groups(report: Report) -> list[dict[str, Any]]:
    groups = report.tables["groups"]
    return [dict(r) for _, r in groups[groups["small_sample"]].iterrows()]


def _flag(group: str, small: set[str]) -> str:
    return f"{group} (small sample)" if group in small else group


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _corpus_sentence(report: Report) -> str:
    c = report.corpus
    groups = report.tables["groups"].sort_values("documents", ascending=False)
    parts = [f"{r['group']} ({r['documents']:,})" for r in groups.to_dict(orient="records")]
    text = (
        f"This report compares {c['documents']:,} documents ({c['words']:,} words) from "
        f"{c['groups']} groups: {_join(parts)}."
    )
    if c["skipped_total"]:
        text += f" {c['skipped_total']:,} records could not be used and are left out (see Methods)."
    return text


def _family_sentences(report: Report, small: set[str], limit: int = 6) -> list[str]:
    """One sentence per label family in use (the `limit` most used), naming the leading group."""
    fam = report.tables["families_by_group"]
    if fam.empty:
        return []
    everywhere = fam[fam["voice"] == "all"]
    used = everywhere.groupby("family")["count"].sum()
    chosen = [f for f in report.families if used.get(f, 0) >= 5]
    chosen = sorted(chosen, key=lambda f: -used[f])[:limit]
    out = []
    for family in [f for f in report.families if f in chosen]:
        sub = everywhere[everywhere["family"] == family]
        ranked = sub.sort_values("rate_per_1k", ascending=False, kind="stable")
        top = ranked.iloc[0]
        rest = ranked.iloc[1:]
        rest_rate = 1000 * rest["count"].sum() / rest["words"].sum() if rest["words"].sum() else 0
        author = fam[
            (fam["family"] == family) & (fam["voice"] == "author") & (fam["group"] == top["group"])
        ]
        share = int(author["count"].sum()) / top["count"] if top["count"] else 0.0
        nexts = [
            f"{_flag(str(r['group']), small)} ({num(r['rate_per_1k'])})"
            for r in ranked.iloc[1:3].to_dict(orient="records")
            if r["count"] > 0
        ]
        terms = report.families[family]
        shown = ", ".join(f"“{t}”" for t in terms[:4]) + (", …" if len(terms) > 4 else "")
        then = f"then {_join(nexts)}; " if nexts else "no other group uses them; "
        out.append(
            f"Terms of the “{family}” family ({shown}) appear most often in "
            f"{_flag(str(top['group']), small)}: {num(top['rate_per_1k'])} per 1,000 words "
            f"(95% CI {num(top['ci_low'])}–{num(top['ci_high'])}), {then}"
            f"the other groups together: {num(rest_rate)}. {share:.0%} of "
            f"{top['group']}'s uses are in its own voice."
        )
    return out


def _pairwise_sentences(report: Report, small: set[str], limit: int = 5) -> list[str]:
    pw = report.tables["pairwise_tests"]
    cats = report.tables["categories_by_group"]
    if pw.empty:
        return []
    loaded = set(cats.loc[cats["loaded"], "category"]) if "loaded" in cats else set()
    sig = pw[pw["significant"] & (pw["voice"] == "author") & pw["category"].isin(loaded)]
    if sig.empty:
        return [
            "No difference in category rates in the outlets' own voice passes the "
            "Benjamini-Hochberg correction at a 5% false-discovery rate."
        ]
    sig = sig.assign(size=sig["diff_per_1k"].abs()).sort_values("size", ascending=False)
    out = []
    seen: set[str] = set()
    for r in sig.to_dict(orient="records"):
        category = str(r["category"])
        if category in seen:
            continue
        seen.add(category)
        flip = float(r["diff_per_1k"]) < 0
        a, b = str(r["group_a"]), str(r["group_b"])
        hi, lo = (b, a) if flip else (a, b)
        rate_hi, rate_lo = (r["rate_b"], r["rate_a"]) if flip else (r["rate_a"], r["rate_b"])
        low, high = float(r["diff_ci_low"]), float(r["diff_ci_high"])
        ci = (-high, -low) if flip else (low, high)
        out.append(
            f"In their own voice, {_flag(hi, small)} used {category.replace('_', ' ')} terms "
            f"more often than {_flag(lo, small)}: {num(rate_hi)} against {num(rate_lo)} per "
            f"1,000 words (difference {num(abs(float(r['diff_per_1k'])))}, 95% CI {num(ci[0])} "
            f"to {num(ci[1])}; Welch test, BH-adjusted p {p_value(float(r['p_adjusted']))})."
        )
        if len(out) >= limit:
            break
    return out


def _distinguishing_sentences(report: Report, small: set[str]) -> list[str]:
    terms = report.tables["distinguishing_terms"]
    words = report.tables["distinguishing_words"]
    out = []
    for group in report.groups:
        t = terms[
            (terms["group"] == group)
            & (terms["voice"] == "all")
            & terms["loaded"]
            & (terms["z"] >= 1.96)
        ].head(4)
        w = (
            words[(words["group"] == group) & (words["z"] >= 1.96)]
            .sort_values("z", ascending=False)
            .head(4)
        )
        if t.empty and w.empty:
            continue
        bits = []
        if not t.empty:
            bits.append(
                "lexicon terms "
                + ", ".join(
                    f"“{r['term']}” (z = {num(r['z'])})" for r in t.to_dict(orient="records")
                )
            )
        if not w.empty:
            bits.append(
                "words and bigrams "
                + ", ".join(
                    f"“{r['feature']}” ({num(r['z'])})" for r in w.to_dict(orient="records")
                )
            )
        out.append(
            f"Wording that sets {_flag(group, small)} apart from the other groups: "
            f"{'; '.join(bits)}."
        )
    return out


def _actor_sentences(report: Report, small: set[str], limit: int = 3) -> list[str]:
    labels = report.tables["actor_labels"]
    if labels.empty:
        return []
    own = labels[labels["voice"] == "author"]
    out = []
    totals = own.groupby("actor_key")["count"].sum().sort_values(ascending=False)
    for key in totals.index[:limit]:
        sub = own[own["actor_key"] == key]
        name = str(sub["actor"].iloc[0])
        parts = []
        for group, g in sub.groupby("group", sort=True):
            best = g.sort_values(["share", "label"], ascending=[False, True]).iloc[0]
            parts.append(f"{_flag(str(group), small)} “{best['label']}” ({best['share']:.0%})")
        out.append(f"Most frequent label for {name} in each group's own voice: {_join(parts)}.")
    return out


def _sentiment_sentence(report: Report) -> list[str]:
    s = report.tables["sentiment_by_group"]
    pol = s[s["measure"] == "polarity"].sort_values("mean")
    if len(pol) < 2:
        return []
    lo, hi = pol.iloc[0], pol.iloc[-1]
    return [
        f"Mean document polarity (Pattern, −1 to +1) ranges from {num(lo['mean'], 3)} in "
        f"{lo['group']} to {num(hi['mean'], 3)} in {hi['group']}."
    ]


def _small_sentence(report: Report) -> list[str]:
    rows = small_groups(report)
    if not rows:
        return []
    so = report.options.stats
    listed = _join(
        [f"{r['group']} ({r['documents']:,} documents, {r['words']:,} words)" for r in rows]
    )
    return [
        f"Small samples (fewer than {so.min_docs} documents or {so.min_words:,} words): {listed}. "
        "Their rates have wide intervals; they are marked ⚠ beside their numbers."
    ]


def findings(report: Report) -> list[str]:
    """The summary of findings, in plain sentences."""
    small = {r["group"] for r in small_groups(report)}
    out = [_corpus_sentence(report)]
    out += _family_sentences(report, small)
    out += _pairwise_sentences(report, small)
    out += _actor_sentences(report, small)
    out += _distinguishing_sentences(report, small)
    out += _sentiment_sentence(report)
    from framing.render.report.models import model_findings

    out += model_findings(report)
    out += _small_sentence(report)
    return out


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
