"""The report in Markdown (report.md): summary, main tables, examples and method notes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from framing._version import __version__
from framing.render.markdown import escape, table
from framing.render.report.files import Chart, table_files
from framing.render.report.html import REFERENCES
from framing.render.report.text import EXAMPLE_VOICE, findings, num

if TYPE_CHECKING:
    from framing.report.build import Report

__all__ = ["report_markdown"]


def _warn(group: str, small: set[str]) -> str:
    return f"{group} ⚠" if group in small else group


def report_markdown(report: Report, charts: Sequence[Chart] = ()) -> str:
    """The whole report as GitHub-flavoured Markdown (corpus text escaped)."""
    t = report.tables
    groups = t["groups"]
    small = set(groups.loc[groups["small_sample"], "group"])
    out = [f"# {escape(report.title)}", "", f"framing {__version__}", "", "## Summary", ""]
    out += [f"- {escape(s)}" for s in findings(report)]
    out += ["", "## Groups", ""]
    out.append(
        table(
            [
                "group",
                "documents",
                "words",
                "own words",
                "quotes",
                "reported",
                "loaded / 1k (own)",
                "warning",
            ],
            [
                (
                    r["group"],
                    r["documents"],
                    f"{r['words']:,}",
                    num(100 * r["author_share"], 0),
                    num(100 * r["quote_share"], 0),
                    num(100 * r["attributed_share"], 0),
                    num(r["loaded_author_rate_per_1k"]),
                    r["warning"],
                )
                for r in groups.to_dict(orient="records")
            ],
        )
    )
    if charts:
        out += ["", "## Charts", ""]
        out += [f"![{escape(c.title)}](charts/{c.png.name})" for c in charts]
    fam = t["families_by_group"]
    fam = fam[(fam["voice"] == "all") & (fam.groupby("family")["count"].transform("sum") > 0)]
    if not fam.empty:
        out += ["", "## Label families (all voices, per 1,000 words)", ""]
        out.append(
            table(
                ["family", "group", "count", "rate", "95% CI"],
                [
                    (
                        r["family"],
                        _warn(str(r["group"]), small),
                        r["count"],
                        num(r["rate_per_1k"], 2),
                        f"{num(r['ci_low'], 2)}–{num(r['ci_high'], 2)}",
                    )
                    for r in fam.sort_values(
                        ["family", "rate_per_1k"], ascending=[True, False]
                    ).to_dict(orient="records")
                ],
            )
        )
    dterms = t["distinguishing_terms"]
    dterms = dterms[(dterms["voice"] == "all") & dterms["loaded"] & (dterms["z"] >= 1.96)]
    dterms = dterms.groupby("group", sort=True).head(5)
    words = t["distinguishing_words"]
    words = words[words["z"] >= 1.96].sort_values(["group", "z"], ascending=[True, False])
    words = words.groupby("group", sort=True).head(5)
    out += ["", "## Distinguishing wording (each group vs the rest)", ""]
    out.append(
        table(
            ["group", "kind", "term, word or bigram", "count", "z"],
            [
                (
                    _warn(str(r["group"]), small),
                    "lexicon term",
                    r["term"],
                    r["count"],
                    num(r["z"], 2),
                )
                for r in dterms.to_dict(orient="records")
            ]
            + [
                (_warn(str(r["group"]), small), r["kind"], r["feature"], r["count"], num(r["z"], 2))
                for r in words.to_dict(orient="records")
            ],
        )
    )
    from framing.render.report.models import has_models, method_lines, model_markdown

    out += model_markdown(report, lambda g: _warn(g, small))
    if report.examples:
        out += ["", "## Examples", ""]
        for ex in report.examples:
            voice = EXAMPLE_VOICE.get(str(ex.get("voice")), "") if ex.get("voice") else ""
            source = escape(str(ex.get("title") or ex.get("id") or ""))
            out.append(
                f"- **{escape(str(ex['group']))}**, {escape(str(ex['feature']))}: "
                f"{escape(str(ex['before']))}**{escape(str(ex['match']))}**"
                f"{escape(str(ex['after']))} ({voice + '; ' if voice else ''}{source})"
            )
    m = report.methods()
    c = m["corpus"]
    out += ["", "## Methods", ""]
    out.append(
        f"- Corpus: {c['documents']:,} documents, {c['words']:,} words, {c['groups']} groups; "
        f"{c['skipped_total']:,} records left out"
        + (
            " (" + ", ".join(f"{n} {escape(r)}" for r, n in c["skipped"].items()) + ")"
            if c["skipped_total"]
            else ""
        )
        + f"; {c['analysed']:,} analysed in this run, {c['from_cache']:,} from the cache."
    )
    out.append(
        "- Lexicons: "
        + "; ".join(
            f"{escape(x['name'])} {x['version']} (sha256 {x['sha256']})" for x in report.lexicons
        )
    )
    out.append("- Models: " + "; ".join(f"{k}: {v}" for k, v in report.models.items()))
    if has_models(report):
        out += [f"- Classifier: {escape(line)}" for line in method_lines(report)]
        out.append(
            "- Frames and sentence bias are model estimates, not annotations. Frame shares: the "
            "share of a group's documents for which the frame classifier predicts the frame; "
            "sentence bias: the share of a group's sentences the bias classifier predicts biased "
            "(pooled over documents; a sentence's voice is the one it is mostly in). 95% "
            "percentile-bootstrap intervals over documents, as for the rates."
        )
    out.append(
        "- Parameters: "
        + "; ".join(f"{k} = {v}" for k, v in m["statistics"].items() if k != "families")
    )
    out.append(
        "- Label families (terms whose name has a word beginning with the stem): "
        + "; ".join(
            f"{name} = {', '.join(report.families.get(name, [])) or '—'}"
            for name, _ in report.options.stats.families
        )
    )
    out.append(
        "- Rates are matches per 1,000 words of the voice, summed over a group's documents, with "
        "95% percentile-bootstrap intervals over documents. Distinguishing terms: log-odds ratio "
        "with an informative Dirichlet prior (the corpus counts), z = ratio / standard error. "
        "Pairwise tests: Welch t-tests on ratio estimators over documents, Benjamini-Hochberg "
        "adjusted over the whole table."
    )
    out += ["", "### References", ""]
    out += [f"{i}. {r}" for i, r in enumerate(REFERENCES, 1)]
    out += ["", "## Files", ""]
    out += [f"- `{name}`: {what}" for name, what in table_files(report)]
    return "\n".join(out) + "\n"
