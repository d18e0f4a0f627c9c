"""The corpus report as data: a :class:`Report` built from the count records of a corpus.

>>> from framing.report.build import ReportOptions, build_report            # doctest: +SKIP
>>> from framing.render.report.files import write_report                     # doctest: +SKIP
>>> report = build_report(["corpus/"])                                     # doctest: +SKIP
>>> write_report(report, "reports/corpus")                                 # doctest: +SKIP

The counting pass (:func:`framing.corpus.run.count_corpus`) streams the corpus into small count
records; every statistic is computed from them (:mod:`framing.stats`). A second, cheap pass over
the inputs fetches the example sentences shown for the top differences
(:mod:`framing.report.examples`). Writing the folder (HTML, Markdown, tables, charts) is the
renderer's job: :func:`framing.render.report.files.write_report`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from framing import stats
from framing._version import __version__
from framing.analysis import AnalysisOptions, model_versions
from framing.corpus.cache import DEFAULT_CACHE, CountCache, config_key
from framing.corpus.counts import CountTables
from framing.corpus.reader import CorpusOptions, iter_corpus
from framing.corpus.run import Progress, RunOptions, analysis_config, count_corpus
from framing.errors import InputError
from framing.lexicon.registry import load_lexicons
from framing.models.registry import shipped_info
from framing.report.examples import collect_examples
from framing.report.leads import FamilyLead, family_leads
from framing.stats import StatsOptions
from framing.stats.distributions import sentiment_values
from framing.stats.keyness import ngram_scatter

__all__ = [
    "Report",
    "ReportOptions",
    "RunOptions",
    "build_report",
]


@dataclass(frozen=True)
class ReportOptions:
    """Everything that shapes a report besides its inputs (all of it is stated in the report).

    lexicons: packaged names or .tsv paths (None: the packaged defaults); cache: the SQLite file
    (None: no cache); charts: draw the PNG/SVG charts; examples: sentences per top difference;
    top: top differences per group that get examples and summary sentences.
    """

    title: str | None = None
    lexicons: tuple[str, ...] | None = None
    analysis: AnalysisOptions = field(default_factory=AnalysisOptions)
    stats: StatsOptions = field(default_factory=StatsOptions)
    run: RunOptions = field(default_factory=RunOptions)
    cache: str | None = str(DEFAULT_CACHE)
    charts: bool = True
    examples: int = 2
    top: int = 5


# --- the report ----------------------------------------------------------------------------


@dataclass
class Report:
    """Everything a report shows: tables (tidy DataFrames), examples and the method notes."""

    title: str
    inputs: list[str]
    corpus_options: CorpusOptions
    options: ReportOptions
    tables: dict[str, pd.DataFrame]
    sentiment: dict[str, dict[str, Any]]
    examples: list[dict[str, Any]]
    corpus: dict[str, Any]
    lexicons: list[dict[str, str]]
    models: dict[str, str]
    families: dict[str, list[str]]
    period: str | None = None
    classifiers: list[dict[str, str]] = field(default_factory=list)
    family_leads: list[FamilyLead] = field(default_factory=list)

    @property
    def groups(self) -> list[str]:
        return list(self.tables["groups"]["group"])

    def methods(self) -> dict[str, Any]:
        """The method notes as data (versions, parameters, corpus summary)."""
        return {
            "framing_version": __version__,
            "lexicons": self.lexicons,
            "models": self.models,
            "analysis_options": self.options.analysis.to_dict(),
            "statistics": self.options.stats.to_dict(),
            "corpus_options": self.corpus_options.to_dict(),
            "inputs": self.inputs,
            "families": self.families,
            "period": self.period,
            "corpus": self.corpus,
            "classifiers": self.classifiers,
        }


def build_report(
    inputs: Sequence[str | Path],
    corpus_options: CorpusOptions | None = None,
    options: ReportOptions | None = None,
    *,
    progress: Progress | None = None,
) -> Report:
    """Read, count and compare a corpus; raises InputError when no document could be used.

    With ``options.run.jobs`` other than 1, call this under ``if __name__ == "__main__":`` in a
    script (worker processes import the main module).
    """
    corpus_options = corpus_options or CorpusOptions()
    options = options or ReportOptions()
    lexicons = load_lexicons(options.lexicons)
    docs = iter_corpus(inputs, corpus_options)
    cache = None
    if options.cache:
        config = analysis_config(lexicons, options.analysis, actors=options.run.actors)
        cache = CountCache(options.cache, config_key(config))
    try:
        counts = count_corpus(
            docs, lexicons, options.analysis, run=options.run, cache=cache, progress=progress
        )
    finally:
        if cache is not None:
            cache.close()
    if not len(counts):
        reasons = ", ".join(f"{n} {r}" for r, n in counts.skipped.most_common()) or "none found"
        raise InputError(
            f"no document could be used from {', '.join(map(str, inputs))} ({reasons}); check "
            "--text-column and --group-column, or the folder layout (one subfolder per outlet)"
        )
    tables = counts.tables()
    so = options.stats
    rates = stats.rate_tables(tables, so)
    over_time = stats.rates_over_time(tables, so)
    result = {
        "groups": stats.group_summary(tables, so),
        "terms_by_group": _term_columns(rates["terms"]),
        "categories_by_group": rates["categories"],
        "families_by_group": rates["families"],
        "distinguishing_terms": stats.distinguishing_terms(tables, so),
        "distinguishing_words": stats.distinguishing_ngrams(tables, so),
        "pairwise_tests": stats.pairwise_tests(tables, so),
        "sentiment_by_group": stats.sentiment_summary(tables, so),
        "actor_labels": stats.actor_labels(tables, so),
        "rates_over_time": over_time,
        "ngram_scatter": ngram_scatter(tables, so),
    }
    if tables.models is not None and tables.models.any_frames:
        result["frames_by_group"] = stats.frame_distributions(tables, so)
    if tables.models is not None and tables.models.any_bias:
        result["bias_by_group"] = stats.bias_by_group(tables, so)
    values = sentiment_values(tables)
    sentiment = {
        name: {m: v[tables.doc_group == g] for m, v in values.items()}
        for g, name in enumerate(tables.groups)
    }
    members = stats.family_members(tables.terms, so.families)
    families = {name: [t.term for t in members[name]] for name, _ in so.families}
    corpus = {
        "inputs": [str(p) for p in inputs],
        "documents": len(counts),
        "groups": len(tables.groups),
        "words": int(tables.words[:, 3].sum()),
        "skipped": dict(counts.skipped.most_common()),
        "skipped_total": sum(counts.skipped.values()),
        "skipped_examples": counts.skipped_messages[:10],
        "unreadable_dates": counts.bad_dates,
        "dated_documents": int((~pd.isna(tables.doc_date)).sum()),
        "analysed": counts.analysed,
        "from_cache": counts.cache_hits,
        "actor_labels": bool(tables.actor_labels),
    }
    title = options.title or f"Framing report: {Path(str(inputs[0])).name}"
    report = Report(
        title=title,
        inputs=[str(p) for p in inputs],
        corpus_options=corpus_options,
        options=options,
        tables=result,
        sentiment=sentiment,
        examples=[],
        corpus=corpus,
        lexicons=[lex.info() for lex in lexicons],
        models=model_versions(options.analysis),
        families=families,
        period=over_time.attrs.get("period") if len(over_time) else None,
        classifiers=_classifiers(tables),
        family_leads=family_leads(result["families_by_group"], families),
    )
    report.examples = collect_examples(report, tables)
    return report


def _classifiers(tables: CountTables) -> list[dict[str, str]]:
    """The shipped models whose outputs the report's documents carry (for its Methods)."""
    m = tables.models
    if m is None:
        return []
    used = {"frames": m.any_frames, "bias": m.any_bias}
    return [info for info in shipped_info() if used.get(info["kind"])]


_TERM_COLUMNS = [
    "group",
    "term",
    "category",
    "voice",
    "count",
    "words",
    "rate_per_1k",
    "ci_low",
    "ci_high",
]


def _term_columns(frame: pd.DataFrame) -> pd.DataFrame:
    rest = [c for c in frame.columns if c not in _TERM_COLUMNS]
    return frame[_TERM_COLUMNS + rest]
