"""Speed of the full `framing` analysis against TextBlob's sentiment alone, same texts, same run.

Corpus: the 804 FA-KES articles. `framing` does everything `framing analyze` does (document
model, quotes and attribution, lexicon matching with voice, negation and hedges, sentiment per
sentence and document, document scores); TextBlob computes only its default sentiment. The matcher
is compiled and the sentiment lexicon loaded before timing (a one-off cost, printed separately).
Each variant runs five times, interleaved; the best time counts. Times are CPU time of this
process (less disturbed by other work on the machine than wall time).

Two ways to call framing are timed: `analyze()` once per article, and `analyze_many()` over the
corpus (what `framing analyze FOLDER` uses), which runs each step over a batch of articles.

Run: ``python bench/bench_speed.py``
"""

from __future__ import annotations

import time
from collections.abc import Callable

from _shared import fakes_texts

import framing
from framing.analysis import analyze_many
from framing.lexicon.matcher import compile_matcher
from framing.lexicon.registry import load_lexicons


def main() -> None:
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
        "framing analyze() per article": one_by_one,
        "framing analyze_many() over the corpus": batched,
        "TextBlob sentiment alone": textblob,
    }
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(5):
        for name, run in runs.items():
            start = time.process_time()
            run()
            best[name] = min(best[name], time.process_time() - start)
    n = len(texts)
    base = best["TextBlob sentiment alone"]
    print(f"FA-KES: {n} articles, {words:,} words; one-off set-up {setup:.2f} s")
    for name, seconds in best.items():
        print(f"{name:40} {seconds:6.2f} s  {n / seconds:7.0f} articles/s  {base / seconds:5.2f}x")
    print("ratio = TextBlob sentiment time / framing time (target >= 1.5x for the full analysis)")


if __name__ == "__main__":
    main()
