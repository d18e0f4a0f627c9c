"""Speed and agreement of our pattern sentiment against TextBlob's own, same texts, same run.

Corpus: the 804 FA-KES articles. TextBlob computes ``TextBlob(text).sentiment``; we compute
:func:`framing.annotate.sentiment.pattern_sentiment` (the same numbers) and
:func:`framing.annotate.sentiment.document_sentiment` (the same, plus one score per sentence, found
by
``framing.document.split_sentences`` and not timed). Both lexicons are loaded before timing.
Each side runs three times, interleaved; the best time counts.

Run: ``python bench/bench_sentiment.py``
"""

from __future__ import annotations

import time
from collections.abc import Callable

from _shared import fakes_texts

from framing.annotate.sentiment import document_sentiment, pattern_sentiment
from framing.document import split_sentences


def timed(job: Callable[[], object]) -> float:
    start = time.perf_counter()
    job()
    return time.perf_counter() - start


def main() -> None:
    from textblob import TextBlob

    texts = fakes_texts()
    spans = [split_sentences(text) for text in texts]
    t0 = time.perf_counter()
    pattern_sentiment("warm up")
    TextBlob("warm up").sentiment  # noqa: B018
    setup = time.perf_counter() - t0

    theirs = [TextBlob(text).sentiment for text in texts]
    ours = [pattern_sentiment(text) for text in texts]
    n = len(texts)
    equal = sum(
        round(a.polarity, 2) == round(b.polarity, 2)
        and round(a.subjectivity, 2) == round(b.subjectivity, 2)
        for a, b in zip(theirs, ours, strict=True)
    )
    exact = sum(
        (a.polarity, a.subjectivity) == (b.polarity, b.subjectivity)
        for a, b in zip(theirs, ours, strict=True)
    )
    worst = max(
        max(abs(a.polarity - b.polarity), abs(a.subjectivity - b.subjectivity))
        for a, b in zip(theirs, ours, strict=True)
    )

    pairs = list(zip(texts, spans, strict=True))
    tb_times, ours_times, doc_times = [], [], []
    for _ in range(3):
        tb_times.append(timed(lambda: [TextBlob(text).sentiment for text in texts]))
        ours_times.append(timed(lambda: [pattern_sentiment(text) for text in texts]))
        doc_times.append(timed(lambda: [document_sentiment(t, s) for t, s in pairs]))
    tb, us, doc = min(tb_times), min(ours_times), min(doc_times)
    sentences = sum(map(len, spans))
    print(f"FA-KES: {n} articles, {sentences:,} sentences; one-off set-up {setup:.2f} s")
    for name, seconds in (
        ("TextBlob(text).sentiment", tb),
        ("pattern_sentiment", us),
        ("document_sentiment", doc),
    ):
        print(f"{name:25s}: {seconds:6.3f} s {n / seconds:7.0f} articles/s {tb / seconds:5.1f}x")
    print(
        f"agreement: {equal}/{n} ({equal / n:.1%}) equal to two decimals, "
        f"{exact}/{n} exactly equal; max abs diff {worst:.3g}"
    )


if __name__ == "__main__":
    main()
