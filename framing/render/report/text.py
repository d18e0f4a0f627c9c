"""The plain-sentence summary of a framing report, shared by the HTML and Markdown outputs.

Sentences describe what the numbers show in neutral words ("used ... more often than"), name the
statistic behind each claim, and mark groups with small samples. They are plain strings: the
HTML template escapes them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from framing.render.report.base import ci_percent, num, p_value, percent, small_groups

if TYPE_CHECKING:
    from framing.report.build import Report

__all__ = ["findings", "model_findings"]


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


def _family_sentences(report: Report, small: set[str]) -> list[str]:
    """One sentence per label family in use, naming the leading group (figures computed when
    the report was built: :func:`framing.report.leads.family_leads`)."""
    out = []
    for lead in report.family_leads:
        nexts = [f"{_flag(group, small)} ({num(rate)})" for group, rate in lead.runners_up]
        terms = lead.terms
        shown = ", ".join(f"“{t}”" for t in terms[:4]) + (", …" if len(terms) > 4 else "")
        then = f"then {_join(nexts)}; " if nexts else "no other group uses them; "
        out.append(
            f"Terms of the “{lead.family}” family ({shown}) appear most often in "
            f"{_flag(lead.group, small)}: {num(lead.rate_per_1k)} per 1,000 words "
            f"(95% CI {num(lead.ci_low)}–{num(lead.ci_high)}), {then}"
            f"the other groups together: {num(lead.rest_rate)}. {lead.own_share:.0%} of "
            f"{lead.group}'s uses are in its own voice."
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


def _label(frame: str) -> str:
    return frame.replace("_", " ")


def _clear(sub: pd.DataFrame, value: str) -> tuple[dict[Any, Any], dict[Any, Any]] | None:
    """(highest, lowest) group rows when their intervals do not overlap (small samples left out)."""
    ok = sub[~sub["small_sample"] & sub[value].notna() & sub["ci_low"].notna()]
    if len(ok) < 2:
        return None
    ranked = ok.sort_values([value, "group"], ascending=[False, True], kind="stable")
    top, bottom = ranked.iloc[0].to_dict(), ranked.iloc[-1].to_dict()
    return (top, bottom) if top["ci_low"] > bottom["ci_high"] else None


def _frame_sentences(frames: pd.DataFrame, limit: int = 2) -> list[str]:
    found = []
    for frame, sub in frames.groupby("frame", sort=False):
        pair = _clear(sub, "predicted_share")
        if pair is not None:
            found.append((pair[0]["predicted_share"] - pair[1]["predicted_share"], frame, pair))
    found.sort(key=lambda x: (-x[0], x[1]))
    out = []
    for _, frame, (top, bottom) in found[:limit]:
        out.append(
            f"Model estimate: the frame classifier predicts the {_label(str(frame))} frame for "
            f"{percent(top['predicted_share'])} of {top['group']}'s documents (95% CI "
            f"{ci_percent(top['ci_low'], top['ci_high'])}) and for "
            f"{percent(bottom['predicted_share'])} of {bottom['group']}'s "
            f"({ci_percent(bottom['ci_low'], bottom['ci_high'])})."
        )
    if not out and not frames.empty:
        out.append(
            "Model estimate: no frame's share of documents differs clearly between groups "
            "(the 95% intervals of the highest and lowest group overlap for every frame)."
        )
    return out


def _bias_sentences(bias: pd.DataFrame) -> list[str]:
    pair = _clear(bias[bias["voice"] == "author"], "biased_share")
    if pair is None:
        return []
    top, bottom = pair
    return [
        f"Model estimate: the sentence-bias classifier predicts {percent(top['biased_share'])} "
        f"of {top['group']}'s own-voice sentences biased (95% CI "
        f"{ci_percent(top['ci_low'], top['ci_high'])}), against "
        f"{percent(bottom['biased_share'])} of {bottom['group']}'s "
        f"({ci_percent(bottom['ci_low'], bottom['ci_high'])})."
    ]


def model_findings(report: Report) -> list[str]:
    """Summary sentences on clear differences in the model estimates (non-overlapping 95%
    intervals between the highest and the lowest group without a small-sample warning)."""
    out = []
    if "frames_by_group" in report.tables:
        out += _frame_sentences(report.tables["frames_by_group"])
    if "bias_by_group" in report.tables:
        out += _bias_sentences(report.tables["bias_by_group"])
    return out


def findings(report: Report) -> list[str]:
    """The summary of findings, in plain sentences."""
    small = {r["group"] for r in small_groups(report)}
    by_group = (
        _family_sentences,
        _pairwise_sentences,
        _actor_sentences,
        _distinguishing_sentences,
    )
    out = [_corpus_sentence(report)]
    for sentences in by_group:
        out += sentences(report, small)
    return out + _sentiment_sentence(report) + model_findings(report) + _small_sentence(report)
