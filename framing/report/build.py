"""Framing reports across outlets: count a corpus, compute the statistics, write a report folder.

>>> from framing.report.build import ReportOptions, build_report, write_report   # doctest: +SKIP
>>> report = build_report(["corpus/"])                                     # doctest: +SKIP
>>> write_report(report, "reports/corpus")                                 # doctest: +SKIP

The counting pass streams the corpus: each document is read, looked up in the cache by the hash
of its text, and otherwise analysed in a worker process; only its small count record comes back
(:mod:`framing.corpus.counts`). Every statistic is computed from those records
(:mod:`framing.stats`).
A second, cheap pass over the inputs fetches the example sentences shown for the top differences.
"""

from __future__ import annotations

import hashlib
import importlib.util
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import pandas as pd

from framing._version import __version__
from framing.analysis import AnalysisOptions, model_versions
from framing.corpus.cache import DEFAULT_CACHE, CountCache, config_key, text_hash
from framing.corpus.counts import (
    SCHEMA_VERSION,
    CorpusCounts,
    DocCounts,
    DocMeta,
    actor_finder,
    count_text,
    term_registry,
)
from framing.corpus.reader import CorpusDoc, CorpusOptions, Skipped, iter_corpus
from framing.errors import FramingError, InputError, LexiconError
from framing.lexicon.format import Lexicon
from framing.stats import StatsOptions

__all__ = [
    "Report",
    "ReportOptions",
    "RunOptions",
    "analysis_config",
    "build_report",
    "count_corpus",
    "write_report",
]

Progress = Callable[[int], None]


@dataclass(frozen=True)
class RunOptions:
    """How the counting pass runs: worker processes (0 = all cores), batch size, actor labels."""

    jobs: int = 0
    batch_size: int = 8
    actors: bool = True

    def workers(self) -> int:
        import os

        return self.jobs if self.jobs > 0 else max(1, os.cpu_count() or 1)


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


# --- configuration key ---------------------------------------------------------------------

_CODE_FILES = (
    "analysis.py",
    "document.py",
    "voice.py",
    "sentiment.py",
    "counts.py",
    "model_counts.py",
    "actors.py",
    "lexicon/format.py",
    "lexicon/matcher.py",
    "lexicon/normalize.py",
)


#: The modules that turn a text into model outputs (part of the key when the models are on).
_MODEL_CODE_FILES = (
    "models/outputs.py",
    "models/bias.py",
    "models/frames.py",
    "models/features.py",
)


def code_fingerprint(files: Sequence[str] = _CODE_FILES) -> str:
    """SHA-256 of the source of the modules that produce count records."""
    spec = importlib.util.find_spec("framing")
    root = Path(next(iter(spec.submodule_search_locations or []))) if spec else Path()
    digest = hashlib.sha256()
    for name in files:
        path = root / name
        if path.is_file():
            digest.update(name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def analysis_config(
    lexicons: Sequence[Lexicon], options: AnalysisOptions, *, actors: bool
) -> dict[str, Any]:
    """What a count record depends on besides its text (the cache key is its hash).

    With the models on: each shipped model file's SHA-256 (None when it is not installed) and
    a hash of the code that runs them.
    """
    config = {
        "framing_version": __version__,
        "count_schema": SCHEMA_VERSION,
        "lexicons": [lex.info() for lex in lexicons],
        "models": model_versions(options),
        "options": options.to_dict(),
        "actors": bool(actors and actor_finder() is not None),
        "code": code_fingerprint(),
    }
    if options.models:
        from framing.models.registry import KINDS, manifest, shipped_available

        config["model_files"] = {
            kind: manifest()[kind]["sha256"] if shipped_available(kind) else None for kind in KINDS
        }
        config["model_code"] = code_fingerprint(_MODEL_CODE_FILES)
    return config


# --- the counting pass ---------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _snapshot(lexicon: Lexicon) -> tuple[str, str, str | None] | None:
    """The lexicon's files as text, for worker processes (None when it has no files)."""
    tsv = Path(lexicon.path)
    if not tsv.is_file():
        return None
    card = tsv.with_suffix(".toml")
    snap = (
        str(tsv),
        tsv.read_bytes().decode("utf-8-sig"),
        card.read_text(encoding="utf-8") if card.is_file() else None,
    )
    if _parse_snapshot(snap).sha256 != lexicon.sha256:
        raise LexiconError(
            f"the lexicon {tsv} changed on disk after it was loaded; run the report again"
        )
    return snap


def _parse_snapshot(snap: tuple[str, str, str | None]) -> Lexicon:
    import tomllib

    from framing.lexicon.format import parse_lexicon

    path, text, card_text = snap
    card = tomllib.loads(card_text) if card_text is not None else None
    card_bytes = card_text.encode("utf-8") if card_text is not None else b""
    lexicon, problems = parse_lexicon(text, path=path, card=card, card_bytes=card_bytes)
    if lexicon is None:
        raise LexiconError(f"{path}: {problems[0] if problems else 'cannot be parsed'}")
    return lexicon


def _init_worker(
    snapshots: Sequence[tuple[str, str, str | None]], options: AnalysisOptions, actors: bool
) -> None:
    """Parse the lexicons in a worker process from the exact text the main process read, and
    load the shipped models once (they stay loaded for every document the worker analyses)."""
    _WORKER.update(
        lexicons=tuple(_parse_snapshot(s) for s in snapshots), options=options, actors=actors
    )
    if options.models:
        load_models()


def load_models() -> list[str]:
    """Load the installed shipped models into this process (once; returns their kinds)."""
    from framing.models.registry import KINDS, load_shipped, shipped_available

    kinds = [kind for kind in KINDS if shipped_available(kind)]
    for kind in kinds:
        load_shipped(kind)  # functools.cache: later calls return the same loaded model
    return kinds


def _count_batch(texts: Sequence[str]) -> list[DocCounts | str]:
    w = _WORKER
    return [_safe_count(t, w["lexicons"], w["options"], w["actors"]) for t in texts]


def _safe_count(
    text: str, lexicons: Sequence[Lexicon], options: AnalysisOptions, actors: bool
) -> DocCounts | str:
    try:
        return count_text(text, lexicons, options, actors=actors)
    except Exception as exc:  # one bad document must not stop a corpus
        return f"{type(exc).__name__}: {exc}"


def count_corpus(
    docs: Iterable[CorpusDoc | Skipped],
    lexicons: Sequence[Lexicon],
    options: AnalysisOptions | None = None,
    *,
    run: RunOptions | None = None,
    cache: CountCache | None = None,
    progress: Progress | None = None,
) -> CorpusCounts:
    """Count every document of a corpus stream into a :class:`~framing.corpus.counts.CorpusCounts`.

    Cached records are reused; the rest are analysed in ``run.jobs`` processes with at most a
    few batches in flight, so memory does not depend on the corpus size. Records are added in
    corpus order whatever the scheduling. `progress` gets the number of records handled so far.
    """
    options = options or AnalysisOptions()
    run = run or RunOptions()
    counts = CorpusCounts(term_registry(lexicons))
    workers = run.workers()
    if options.models:
        # fail early, with the models' own message, on a damaged model file
        if workers == 1:
            load_models()
        else:
            from framing.models.registry import KINDS, check_shipped

            for kind in KINDS:
                check_shipped(kind)
    pool = None
    snapshots = [_snapshot(lex) for lex in lexicons] if workers > 1 else []
    if workers > 1 and all(snap is not None for snap in snapshots):
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        methods = mp.get_all_start_methods()
        ctx = mp.get_context("forkserver" if "forkserver" in methods else "spawn")
        if "forkserver" in methods:
            ctx.set_forkserver_preload(
                ["framing.analysis", "framing.corpus.counts", "framing.report.build"]
            )
        pool = ProcessPoolExecutor(
            workers,
            mp_context=ctx,
            initializer=cast(Any, _init_worker),
            initargs=cast(Any, (snapshots, options, run.actors)),
        )
    pending: deque[tuple[list[DocMeta], Any]] = deque()
    metas: list[DocMeta] = []
    texts: list[str] = []
    handled = 0
    window = 3 * workers

    def finish(batch: list[DocMeta], results: Sequence[DocCounts | str], fresh: bool) -> None:
        nonlocal handled
        for meta, rec in zip(batch, results, strict=True):
            if isinstance(rec, str):
                counts.skip("analysis failed", f"document {meta.position + 1}: {rec}")
            else:
                counts.add(meta, rec)
                if not fresh:
                    counts.cache_hits += 1
                else:
                    counts.analysed += 1
                    if cache is not None:
                        cache.put(meta.text_hash, rec)
        handled += len(batch)
        if progress is not None:
            progress(handled)

    def drain(block: bool) -> None:
        in_flight = sum(1 for _, f in pending if not isinstance(f, list))
        while pending:
            batch, fut = pending[0]
            if isinstance(fut, list):
                pending.popleft()
                finish(batch, fut, False)
                continue
            if not block and not fut.done() and in_flight < window and len(pending) < 8 * window:
                return
            pending.popleft()
            in_flight -= 1
            try:
                results = fut.result()
            except BrokenProcessPool:
                raise FramingError(
                    "a worker process stopped unexpectedly (out of memory?); run again, or with "
                    "--jobs 1 to see the error"
                ) from None
            finish(batch, results, True)

    def submit() -> None:
        if not metas:
            return
        batch, chunk = list(metas), list(texts)
        metas.clear()
        texts.clear()
        if pool is None:
            finish(batch, [_safe_count(t, lexicons, options, run.actors) for t in chunk], True)
            return
        pending.append((batch, pool.submit(_count_batch, chunk)))
        drain(False)

    try:
        for item in docs:
            if isinstance(item, Skipped):
                counts.skip(item.reason, item.message)
                continue
            key = text_hash(item.text)
            meta = DocMeta(item.index, item.group, item.date, key)
            if item.bad_date:
                counts.bad_dates += 1
            cached = cache.get(key) if cache is not None else None
            if cached is not None:
                if pool is None:
                    finish([meta], [cached], False)
                else:
                    pending.append(([meta], [cached]))
                    drain(False)
                continue
            metas.append(meta)
            texts.append(item.text)
            if pool is None or len(metas) >= run.batch_size:
                submit()
        submit()
        drain(True)
    except BaseException:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
            pool = None
        raise
    finally:
        if pool is not None:
            pool.shutdown()
        if cache is not None:
            cache.flush()
    return counts


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
    from framing import stats
    from framing.lexicon.registry import load_lexicons
    from framing.stats.distributions import sentiment_values
    from framing.stats.keyness import ngram_scatter

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
        "actor_module": actor_finder() is not None and options.run.actors,
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
        families={name: [t.term for t in members[name]] for name, _ in so.families},
        period=over_time.attrs.get("period") if len(over_time) else None,
        classifiers=_classifiers(tables),
    )
    from framing.report.examples import collect_examples

    report.examples = collect_examples(report, tables)
    return report


def _classifiers(tables: Any) -> list[dict[str, str]]:
    """The shipped models whose outputs the report's documents carry (for its Methods)."""
    from framing.models.registry import shipped_info

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


# --- writing the folder --------------------------------------------------------------------


def write_report(report: Report, folder: str | Path, *, force: bool = False) -> Path:
    """Write the report folder atomically: built beside it, then moved into place.

    Refuses an existing non-empty folder unless `force` (then it is replaced only once the new
    report is complete). Writes index.html, report.md, report.json, the CSV tables (and Parquet
    when pyarrow is installed) and charts/ with PNG and SVG files.
    """
    import shutil

    from framing.output import commit_dir, prepare_dir, staging_dir
    from framing.render.report.files import draw_charts, report_json, write_tables
    from framing.render.report.html import report_page
    from framing.render.report.markdown import report_markdown

    target = prepare_dir(folder, force=force)
    staging = staging_dir(target)
    try:
        charts = draw_charts(report, staging / "charts") if report.options.charts else []
        write_tables(report, staging)
        (staging / "report.json").write_text(report_json(report), encoding="utf-8")
        (staging / "report.md").write_text(report_markdown(report, charts), encoding="utf-8")
        (staging / "index.html").write_text(report_page(report, charts), encoding="utf-8")
        return commit_dir(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
