"""The counting pass: every document of a corpus stream to a count record, cached, in parallel.

>>> from framing.corpus.run import RunOptions, count_corpus              # doctest: +SKIP
>>> docs = iter_corpus(["corpus/"])                                       # doctest: +SKIP
>>> counts = count_corpus(docs, load_lexicons(), run=RunOptions(jobs=2))  # doctest: +SKIP

Each document is read, looked up in the cache by the hash of its text, and otherwise analysed in
a worker process; only its small count record comes back (:mod:`framing.corpus.counts`). The cache
key (:func:`analysis_config`) names everything a record depends on besides its text: the framing
version, the record schema, the lexicons, the models and a hash of every module of the package.
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
import tomllib
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from framing._version import __version__
from framing.analysis import AnalysisOptions, model_versions
from framing.corpus.cache import CountCache, text_hash
from framing.corpus.counts import (
    SCHEMA_VERSION,
    CorpusCounts,
    DocCounts,
    DocMeta,
    count_text,
    term_registry,
)
from framing.corpus.reader import CorpusDoc, Skipped
from framing.errors import FramingError, LexiconError
from framing.lexicon.format import Lexicon, parse_lexicon
from framing.models.registry import KINDS, check_shipped, load_shipped, manifest, shipped_available

__all__ = [
    "PACKAGE_ROOT",
    "Progress",
    "RunOptions",
    "analysis_config",
    "code_files",
    "code_fingerprint",
    "count_corpus",
    "load_models",
]

Progress = Callable[[int], None]

#: The folder of the installed ``framing`` package (its modules are hashed into the cache key).
PACKAGE_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class RunOptions:
    """How the counting pass runs: worker processes (0 = all cores), batch size, actor labels."""

    jobs: int = 0
    batch_size: int = 8
    actors: bool = True

    def workers(self) -> int:
        return self.jobs if self.jobs > 0 else max(1, os.cpu_count() or 1)


# --- configuration key ---------------------------------------------------------------------


#: Data files that are part of the code: the grammar word lists (titles, speech cues,
#: negators, name words) decide speakers, voices and negation as much as any module does.
CODE_DATA = ("lexicon/grammar/*.tsv", "lexicon/grammar/*.txt")


def code_files(root: Path | None = None) -> list[Path]:
    """Every module of the package (``**/*.py`` under `root`, by default
    :data:`PACKAGE_ROOT`) and the grammar data files (:data:`CODE_DATA`), sorted by relative
    path."""
    root = root or PACKAGE_ROOT
    found = set(root.rglob("*.py"))
    for pattern in CODE_DATA:
        found.update(root.glob(pattern))
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def code_fingerprint(root: Path | None = None) -> str:
    """SHA-256 over every module of the package: relative path and source of each, in order.

    Any change to any module (speaker grammar, counting rules, a renderer) gives a new value,
    so cached records never outlive the code that produced them. The grammar word lists count
    as code; templates do not (they change no count); lexicons and models enter the cache key by
    their own hashes.
    """
    root = root or PACKAGE_ROOT
    digest = hashlib.sha256()
    for path in code_files(root):
        source = path.read_bytes()
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0%d\0" % len(source))
        digest.update(source)
    return digest.hexdigest()


def analysis_config(
    lexicons: Sequence[Lexicon], options: AnalysisOptions, *, actors: bool
) -> dict[str, Any]:
    """What a count record depends on besides its text (the cache key is its hash).

    With the models on: each shipped model file's SHA-256 (None when it is not installed).
    """
    config = {
        "framing_version": __version__,
        "count_schema": SCHEMA_VERSION,
        "lexicons": [lex.info() for lex in lexicons],
        "models": model_versions(options),
        "options": options.to_dict(),
        "actors": bool(actors),
        "code": code_fingerprint(),
    }
    if options.models:
        config["model_files"] = {
            kind: manifest()[kind]["sha256"] if shipped_available(kind) else None for kind in KINDS
        }
    return config


# --- worker processes ----------------------------------------------------------------------

Snapshot = tuple[str, str, str | None]
_WORKER: dict[str, Any] = {}


def _snapshot(lexicon: Lexicon) -> Snapshot | None:
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


def _parse_snapshot(snap: Snapshot) -> Lexicon:
    path, text, card_text = snap
    card = tomllib.loads(card_text) if card_text is not None else None
    card_bytes = card_text.encode("utf-8") if card_text is not None else b""
    lexicon, problems = parse_lexicon(text, path=path, card=card, card_bytes=card_bytes)
    if lexicon is None:
        raise LexiconError(f"{path}: {problems[0] if problems else 'cannot be parsed'}")
    return lexicon


def _init_worker(snapshots: Sequence[Snapshot], options: AnalysisOptions, actors: bool) -> None:
    """Parse the lexicons in a worker process from the exact text the main process read, and
    load the shipped models once (they stay loaded for every document the worker analyses)."""
    _WORKER.update(
        lexicons=tuple(_parse_snapshot(s) for s in snapshots), options=options, actors=actors
    )
    if options.models:
        load_models()


def load_models() -> list[str]:
    """Load the installed shipped models into this process (once; returns their kinds)."""
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
    """The document's record, or the message of the FramingError that rejected it.

    A document the library refuses (a FramingError) is skipped and counted; any other exception
    is a bug and stops the run, so a report never hides a broken layer behind empty tables.
    """
    try:
        return count_text(text, lexicons, options, actors=actors)
    except FramingError as exc:
        return f"{type(exc).__name__}: {exc}"


def _start_pool(
    workers: int, lexicons: Sequence[Lexicon], options: AnalysisOptions, actors: bool
) -> ProcessPoolExecutor | None:
    """A pool of `workers` processes, or None to count in this process (one worker, or a
    lexicon without files that workers could not re-read)."""
    if workers <= 1:
        return None
    snapshots = [_snapshot(lex) for lex in lexicons]
    if any(snap is None for snap in snapshots):
        return None
    methods = mp.get_all_start_methods()
    ctx = mp.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        ctx.set_forkserver_preload(["framing.analysis", "framing.corpus.run"])
    return ProcessPoolExecutor(
        workers,
        mp_context=ctx,
        initializer=cast(Any, _init_worker),
        initargs=cast(Any, (snapshots, options, actors)),
    )


# --- the counting pass ---------------------------------------------------------------------

#: A batch on its way: the documents' metadata and their records (a list when they came from the
#: cache, a future while a worker counts them).
_Pending = tuple[list[DocMeta], "list[DocCounts | str] | Future[list[DocCounts | str]]"]


class _CountingPass:
    """The state of one counting pass: the accumulator, the batch being filled, the batches in
    flight. Records are added in corpus order whatever the scheduling."""

    def __init__(
        self,
        counts: CorpusCounts,
        count: Callable[[Sequence[str]], list[DocCounts | str]],
        pool: ProcessPoolExecutor | None,
        *,
        batch_size: int,
        window: int,
        cache: CountCache | None,
        progress: Progress | None,
    ) -> None:
        self.counts = counts
        self.count = count
        self.pool = pool
        self.batch_size = batch_size
        self.window = window
        self.cache = cache
        self.progress = progress
        self.pending: deque[_Pending] = deque()
        self.metas: list[DocMeta] = []
        self.texts: list[str] = []
        self.handled = 0

    def add(self, item: CorpusDoc | Skipped) -> None:
        """Take one item of the corpus stream: skip it, reuse its cached record, or queue it."""
        if isinstance(item, Skipped):
            self.counts.skip(item.reason, item.message)
            return
        key = text_hash(item.text)
        meta = DocMeta(item.index, item.group, item.date, key)
        if item.bad_date:
            self.counts.bad_dates += 1
        cached = self.cache.get(key) if self.cache is not None else None
        if cached is not None:
            if self.pool is None:
                self.record([meta], [cached], fresh=False)
            else:
                self.pending.append(([meta], [cached]))
                self.drain(block=False)
            return
        self.metas.append(meta)
        self.texts.append(item.text)
        if self.pool is None or len(self.metas) >= self.batch_size:
            self.submit()

    def submit(self) -> None:
        """Count the batch being filled (here, or in a worker)."""
        if not self.metas:
            return
        batch, chunk = list(self.metas), list(self.texts)
        self.metas.clear()
        self.texts.clear()
        if self.pool is None:
            self.record(batch, self.count(chunk), fresh=True)
            return
        self.pending.append((batch, self.pool.submit(_count_batch, chunk)))
        self.drain(block=False)

    def drain(self, *, block: bool) -> None:
        """Add the finished batches at the head of the queue; with `block`, wait for them all.
        Without it, wait only while too many batches are in flight."""
        in_flight = sum(1 for _, f in self.pending if not isinstance(f, list))
        while self.pending:
            batch, fut = self.pending[0]
            if isinstance(fut, list):
                self.pending.popleft()
                self.record(batch, fut, fresh=False)
                continue
            busy = in_flight >= self.window or len(self.pending) >= 8 * self.window
            if not block and not fut.done() and not busy:
                return
            self.pending.popleft()
            in_flight -= 1
            try:
                results = fut.result()
            except BrokenProcessPool:
                raise FramingError(
                    "a worker process stopped unexpectedly (out of memory?); run again, or with "
                    "--jobs 1 to see the error"
                ) from None
            self.record(batch, results, fresh=True)

    def record(
        self, batch: Sequence[DocMeta], results: Sequence[DocCounts | str], *, fresh: bool
    ) -> None:
        """Add a batch's records (a string is a skipped document's message); cache fresh ones."""
        for meta, rec in zip(batch, results, strict=True):
            if isinstance(rec, str):
                self.counts.skip("analysis failed", f"document {meta.position + 1}: {rec}")
                continue
            self.counts.add(meta, rec)
            if not fresh:
                self.counts.cache_hits += 1
                continue
            self.counts.analysed += 1
            if self.cache is not None:
                self.cache.put(meta.text_hash, rec)
        self.handled += len(batch)
        if self.progress is not None:
            self.progress(self.handled)

    def finish(self) -> None:
        self.submit()
        self.drain(block=True)


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
    A document the library rejects (a FramingError) is skipped and counted; any other error stops
    the pass.
    """
    options = options or AnalysisOptions()
    run = run or RunOptions()
    workers = run.workers()
    if options.models:
        # fail early, with the models' own message, on a damaged model file
        if workers == 1:
            load_models()
        else:
            for kind in KINDS:
                check_shipped(kind)
    pool = _start_pool(workers, lexicons, options, run.actors)

    def count_here(texts: Sequence[str]) -> list[DocCounts | str]:
        return [_safe_count(t, lexicons, options, run.actors) for t in texts]

    state = _CountingPass(
        CorpusCounts(term_registry(lexicons)),
        count_here,
        pool,
        batch_size=run.batch_size,
        window=3 * workers,
        cache=cache,
        progress=progress,
    )
    try:
        for item in docs:
            state.add(item)
        state.finish()
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
    return state.counts
