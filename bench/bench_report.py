"""Wall time and peak memory of `framing report` on FA-KES at 1x and 10x its size.

    .venv/bin/python bench/bench_report.py            # 1x and 10x, 2 worker processes
    .venv/bin/python bench/bench_report.py --jobs 1 --scales 1
    .venv/bin/python bench/bench_report.py --scales 1 --models both   # without and with models

The 10x corpus is FA-KES repeated ten times with distinct ids and texts (each copy ends with its
own archive note), so the cache cannot short-circuit it: every one of the 8,040 documents is
analysed. Each configuration runs in a fresh process with an empty cache (and the 1x one once more
with the warm cache); the report, charts included, is written to a temporary folder. Peak memory
is the maximum resident set size of the main process and of the largest worker process
(sampled from /proc, so Linux only). `--models` runs without the classifiers (`off`, the default,
as before), with them (`on`, as `framing report` does by default) or both.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _shared import ROOT, need


def make_corpus(source: Path, scale: int, folder: Path) -> Path:
    """FA-KES repeated `scale` times as a gzipped CSV, one distinct text and id per copy."""
    out = folder / f"fakes_x{scale}.csv.gz"
    with source.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    with gzip.open(out, "wt", encoding="utf-8", newline="") as gz:
        w = csv.writer(gz)
        w.writerow(["uid", "source", "date", "article_content"])
        for copy in range(scale):
            for row in rows:
                text = row["article_content"]
                if copy:
                    text = f"{text}\n\n(Archive copy {copy}.)"
                w.writerow([f"{row['unit_id']}-{copy}", row["source"], row["date"], text])
    return out


class DescendantPeak:
    """Samples the peak RSS (VmHWM) of this process's descendants (the worker processes)."""

    def __init__(self) -> None:
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _descendants(self) -> list[int]:
        parents: dict[int, int] = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                    parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
                except (OSError, ValueError, IndexError):
                    continue
        found, frontier = [], [os.getpid()]
        while frontier:
            pid = frontier.pop()
            kids = [p for p, parent in parents.items() if parent == pid]
            found += kids
            frontier += kids
        return found

    def _run(self) -> None:
        while not self._stop.wait(0.25):
            for pid in self._descendants():
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                for line in status.splitlines():
                    if line.startswith("VmHWM:"):
                        self.peak_kb = max(self.peak_kb, int(line.split()[1]))

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak_kb


def child(corpus: str, jobs: int, cache: str, out: str, models: bool) -> None:
    """Build and write one report; print wall time and peak RSS as JSON."""
    from framing.analysis import AnalysisOptions
    from framing.corpus.reader import CorpusOptions
    from framing.corpus.run import RunOptions
    from framing.render.report.files import write_report
    from framing.report.build import ReportOptions, build_report

    sampler = DescendantPeak()
    start = time.perf_counter()
    options = ReportOptions(
        cache=cache, run=RunOptions(jobs=jobs), analysis=AnalysisOptions(models=models)
    )
    corpus_options = CorpusOptions(
        text_column="article_content", group_column="source", id_column="uid", date_column="date"
    )
    report = build_report([corpus], corpus_options, options)
    counted = time.perf_counter() - start
    write_report(report, out, force=True)
    total = time.perf_counter() - start
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = sampler.stop() / 1024
    print(
        json.dumps(
            {
                "documents": report.corpus["documents"],
                "analysed": report.corpus["analysed"],
                "from_cache": report.corpus["from_cache"],
                "seconds_to_statistics": round(counted, 1),
                "seconds_total": round(total, 1),
                "peak_rss_main_mb": round(me),
                "peak_rss_worker_mb": round(workers),
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--models", choices=["off", "on", "both"], default="off")
    parser.add_argument("--child", nargs=5, metavar=("CORPUS", "JOBS", "CACHE", "OUT", "MODELS"))
    args = parser.parse_args()
    if args.child:
        corpus, jobs, cache, out, models = args.child
        child(corpus, int(jobs), cache, out, models == "on")
        return
    source = need("datasets", "fakes_syria", "FA-KES-Dataset.csv")
    print(f"framing report on FA-KES, {args.jobs} worker processes, charts included")
    print(f"{'run':<26} {'docs':>6} {'analysed':>8} {'stats s':>8} {'total s':>8} "
          f"{'main MB':>8} {'worker MB':>9}")  # fmt: skip
    settings = ["off", "on"] if args.models == "both" else [args.models]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for scale in args.scales:
            corpus = make_corpus(source, scale, folder)
            for models in settings:
                cache = folder / f"cache_x{scale}_{models}.sqlite"
                runs = [f"{scale}x cold cache"] + ([f"{scale}x warm cache"] if scale == 1 else [])
                for label in runs:
                    result = subprocess.run(
                        [sys.executable, __file__, "--child", str(corpus), str(args.jobs),
                         str(cache), str(folder / f"report_x{scale}"), models],
                        capture_output=True, text=True, cwd=ROOT, check=True,
                    )  # fmt: skip
                    r = json.loads(result.stdout.strip().splitlines()[-1])
                    shown = f"{label}, models {models}"
                    print(
                        f"{shown:<26} {r['documents']:>6} {r['analysed']:>8} "
                        f"{r['seconds_to_statistics']:>8} {r['seconds_total']:>8} "
                        f"{r['peak_rss_main_mb']:>8} {r['peak_rss_worker_mb']:>9}"
                    )


if __name__ == "__main__":
    main()
