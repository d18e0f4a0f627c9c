"""The report in Markdown (report.md): summary, main tables, examples and method notes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from framing._version import __version__
from framing.render.markdown import escape, table
from framing.render.report.base import EXAMPLE_VOICE, REFERENCES, Chart, num, table_files
from framing.render.report.models import has_models, method_lines, model_markdown
from framing.render.report.text import findings

if TYPE_CHECKING:
    from framing.report.build import Report

__all__ = ["report_markdown"]

Warn = Callable[[str], str]

MODELS_NOTE = (
    "- Frames and sentence bias are model estimates, not annotations. Frame shares: the share of "
    "a group's documents for which the frame classifier predicts the frame; sentence bias: the "
    "share of a group's sentences the bias classifier predicts biased (pooled over documents; a "
    "sentence's voice is the one it is mostly in). 95% percentile-bootstrap intervals over "
    "documents, as for the rates."
)
STATISTICS_NOTE = (
    "- Rates are matches per 1,000 words of the voice, summed over a group's documents, with 95% "
    "percentile-bootstrap intervals over documents. Distinguishing terms: log-odds ratio with an "
    "informative Dirichlet prior (the corpus counts), z = ratio / standard error. Pairwise "
    "tests: Welch t-tests on ratio estimators over documents, Benjamini-Hochberg adjusted over "
    "the whole table."
)


def _summary(report: Report) -> list[str]:
    out = [f"# {escape(report.title)}", "", f"framing {__version__}", "", "## Summary", ""]
    return out + [f"- {escape(s)}" for s in findings(report)]


def _groups(report: Report) -> list[str]:
    rows = [
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
        for r in report.tables["groups"].to_dict(orient="records")
    ]
    head = ["group", "documents", "words", "own words", "quotes", "reported"]
    return ["", "## Groups", "", table([*head, "loaded / 1k (own)", "warning"], rows)]


def _charts(charts: Sequence[Chart]) -> list[str]:
    if not charts:
        return []
    return ["", "## Charts", ""] + [f"![{escape(c.title)}](charts/{c.png.name})" for c in charts]


def _families(report: Report, warn: Warn) -> list[str]:
    fam = report.tables["families_by_group"]
    fam = fam[(fam["voice"] == "all") & (fam.groupby("family")["count"].transform("sum") > 0)]
    if fam.empty:
        return []
    rows = [
        (
            r["family"],
            warn(str(r["group"])),
            r["count"],
            num(r["rate_per_1k"], 2),
            f"{num(r['ci_low'], 2)}–{num(r['ci_high'], 2)}",
        )
        for r in fam.sort_values(["family", "rate_per_1k"], ascending=[True, False]).to_dict(
            orient="records"
        )
    ]
    heading = "## Label families (all voices, per 1,000 words)"
    return ["", heading, "", table(["family", "group", "count", "rate", "95% CI"], rows)]


def _distinguishing(report: Report, warn: Warn) -> list[str]:
    dterms = report.tables["distinguishing_terms"]
    dterms = dterms[(dterms["voice"] == "all") & dterms["loaded"] & (dterms["z"] >= 1.96)]
    words = report.tables["distinguishing_words"]
    words = words[words["z"] >= 1.96].sort_values(["group", "z"], ascending=[True, False])
    rows = [
        (warn(str(r["group"])), "lexicon term", r["term"], r["count"], num(r["z"], 2))
        for r in dterms.groupby("group", sort=True).head(5).to_dict(orient="records")
    ] + [
        (warn(str(r["group"])), r["kind"], r["feature"], r["count"], num(r["z"], 2))
        for r in words.groupby("group", sort=True).head(5).to_dict(orient="records")
    ]
    head = ["group", "kind", "term, word or bigram", "count", "z"]
    return ["", "## Distinguishing wording (each group vs the rest)", "", table(head, rows)]


def _examples(report: Report) -> list[str]:
    if not report.examples:
        return []
    out = ["", "## Examples", ""]
    for ex in report.examples:
        voice = EXAMPLE_VOICE.get(str(ex.get("voice")), "") if ex.get("voice") else ""
        source = escape(str(ex.get("title") or ex.get("id") or ""))
        out.append(
            f"- **{escape(str(ex['group']))}**, {escape(str(ex['feature']))}: "
            f"{escape(str(ex['before']))}**{escape(str(ex['match']))}**"
            f"{escape(str(ex['after']))} ({voice + '; ' if voice else ''}{source})"
        )
    return out


def _corpus_line(report: Report) -> str:
    c = report.corpus
    skipped = ", ".join(f"{n} {escape(r)}" for r, n in c["skipped"].items())
    return (
        f"- Corpus: {c['documents']:,} documents, {c['words']:,} words, {c['groups']} groups; "
        f"{c['skipped_total']:,} records left out"
        + (f" ({skipped})" if c["skipped_total"] else "")
        + f"; {c['analysed']:,} analysed in this run, {c['from_cache']:,} from the cache."
    )


def _methods(report: Report) -> list[str]:
    out = ["", "## Methods", "", _corpus_line(report)]
    lexicons = "; ".join(
        f"{escape(x['name'])} {x['version']} (sha256 {x['sha256']})" for x in report.lexicons
    )
    out.append(f"- Lexicons: {lexicons}")
    out.append("- Models: " + "; ".join(f"{k}: {v}" for k, v in report.models.items()))
    if has_models(report):
        out += [f"- Classifier: {escape(line)}" for line in method_lines(report)]
        out.append(MODELS_NOTE)
    statistics = report.options.stats.to_dict()
    out.append(
        "- Parameters: " + "; ".join(f"{k} = {v}" for k, v in statistics.items() if k != "families")
    )
    out.append(
        "- Label families (terms whose name has a word beginning with the stem): "
        + "; ".join(
            f"{name} = {', '.join(report.families.get(name, [])) or '—'}"
            for name, _ in report.options.stats.families
        )
    )
    out.append(STATISTICS_NOTE)
    out += ["", "### References", ""]
    out += [f"{i}. {r}" for i, r in enumerate(REFERENCES, 1)]
    return out


def _files(report: Report) -> list[str]:
    return ["", "## Files", ""] + [f"- `{name}`: {what}" for name, what in table_files(report)]


def report_markdown(report: Report, charts: Sequence[Chart] = ()) -> str:
    """The whole report as GitHub-flavoured Markdown (corpus text escaped)."""
    groups = report.tables["groups"]
    small = set(groups.loc[groups["small_sample"], "group"])

    def warn(group: str) -> str:
        return f"{group} ⚠" if group in small else group

    sections = [
        _summary(report),
        _groups(report),
        _charts(charts),
        _families(report, warn),
        _distinguishing(report, warn),
        model_markdown(report, warn),
        _examples(report),
        _methods(report),
        _files(report),
    ]
    return "\n".join(line for section in sections for line in section) + "\n"
