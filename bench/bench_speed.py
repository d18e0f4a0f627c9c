"""Speed of the full `framing` analysis against TextBlob's sentiment alone, same texts, same run.

Corpus: the 804 FA-KES articles. `framing` does everything `framing analyze` does (document
model, quotes and attribution, lexicon matching with voice, negation and hedges, sentiment per
sentence and document, scores); TextBlob computes only its default sentiment. The matcher is
compiled and the sentiment lexicon loaded before timing (a one-off cost, printed separately).
Each side runs three times, interleaved; the best time counts.

Run: ``python bench/bench_speed.py``
"""

from __future__ import annotations

import time

from _shared import fakes_texts

import framing
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

    def run_framing() -> float:
        start = time.perf_counter()
        for text in texts:
            a = framing.analyze(text, lexicons=lexicons)
            a.scores  # noqa: B018 - scores are part of the full analysis
        return time.perf_counter() - start

    def run_textblob() -> float:
        start = time.perf_counter()
        for text in texts:
            TextBlob(text).sentiment  # noqa: B018
        return time.perf_counter() - start

    f_times, t_times = [], []
    for _ in range(3):
        f_times.append(run_framing())
        t_times.append(run_textblob())
    f, t = min(f_times), min(t_times)
    n = len(texts)
    print(f"FA-KES: {n} articles, {words:,} words; one-off set-up {setup:.2f} s")
    print(f"framing full analysis : {f:6.2f} s  {n / f:7.0f} articles/s")
    print(f"TextBlob sentiment    : {t:6.2f} s  {n / t:7.0f} articles/s")
    print(f"framing is {t / f:.2f}x the speed of TextBlob sentiment alone (target >= 1.5x)")


if __name__ == "__main__":
    main()
