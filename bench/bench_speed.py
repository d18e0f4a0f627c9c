"""Speed of the full `framing` analysis against TextBlob's sentiment alone, same texts, same run.

Corpus: the 804 FA-KES articles. `framing` does everything `framing analyze` does (document
model, quotes and attribution, lexicon matching with voice, negation and hedges, sentiment per
sentence and document, document scores); TextBlob computes only its default sentiment. The matcher
is compiled and the sentiment lexicon loaded before timing (a one-off cost, printed separately).
Each variant runs nine times (or ``python bench/bench_speed.py ROUNDS``), interleaved. Times are
CPU time of this process (less disturbed by other work on the machine than wall time). Printed:
the best time of each, its ratio to TextBlob's best, and the median over rounds of the ratio
within a round (runs seconds apart, so robust to the machine's speed drifting on a shared host).

Two ways to call framing are timed: `analyze()` once per article, and `analyze_many()` over the
corpus (what `framing analyze FOLDER` uses), which runs each step over a batch of articles.

Run: ``python bench/bench_speed.py``
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable

from _shared import fakes_texts

import framing
from framing.analysis import analyze_many
from framing.lexicon.matcher import compile_matcher
from framing.lexicon.registry import load_lexicons


def main(rounds: int = 9) -> None:
    from textblob import TextBlob

    texts = fakes_texts()
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    lexicons = load_lexicons()
    compile_matcher(lexicons)
    framing.analyze("Warm-up sentence, officials said.", lexicons=lexicons)
    TextBlob("warm up").sentiment  # noqa: B018
    setup = time.perf_counter() - t0

    def one_by_one() -> None:
        for text in texts:
            framing.analyze(text, lexicons=lexicons).scores  # noqa: B018

    def batched() -> None:
        for a in analyze_many(texts, lexicons=lexicons):
            a.scores  # noqa: B018

    def textblob() -> None:
        for text in texts:
            TextBlob(text).sentiment  # noqa: B018

    runs: dict[str, Callable[[], None]] = {
        "TextBlob sentiment alone": textblob,
        "framing analyze() per article": one_by_one,
        "framing analyze_many() over the corpus": batched,
    }
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(rounds):
        for name, run in runs.items():
            start = time.process_time()
            run()
            times[name].append(time.process_time() - start)
    n = len(texts)
    base = times["TextBlob sentiment alone"]
    print(f"FA-KES: {n} articles, {words:,} words; one-off set-up {setup:.2f} s; {rounds} rounds")
    print(f"{'':40} {'best':>8} {'articles/s':>11} {'ratio':>6} {'median ratio':>13}")
    for name, seconds in times.items():
        best = min(seconds)
        # each round's ratio compares runs seconds apart: robust to the machine's drift
        ratios = sorted(b / s for b, s in zip(base, seconds, strict=True))
        median = statistics.median(ratios)
        print(f"{name:40} {best:6.2f} s {n / best:11.0f} {min(base) / best:5.2f}x {median:12.2f}x")
    print("ratio = TextBlob sentiment time / framing time (target >= 1.5x for the full analysis)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
