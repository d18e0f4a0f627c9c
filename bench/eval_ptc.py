"""Loaded-language detection on the SemEval-2020 propaganda corpus (PTC), against baselines.

Gold: the character spans labelled ``Loaded_Language`` or ``Name_Calling,Labeling``.
Predictions: framing's matches with ``loaded = true`` (any voice), and, scored the same way in
the same run, the MPQA strong-subjective clues and Recasens et al.'s bias lexicon matched as
words. Scoring is span overlap:

- precision = predicted spans that overlap a gold span / predicted spans
- recall    = gold spans overlapped by at least one predicted span / gold spans
- F1        = harmonic mean of the two

Run: ``python bench/eval_ptc.py``. No part of the lexicons was fitted to this corpus.
"""

from __future__ import annotations

import csv
import re
import time
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable

from _shared import need

from framing import analyze
from framing.document import WORD_RE
from framing.lexicon.registry import load_lexicons

GOLD_TECHNIQUES = {"Loaded_Language", "Name_Calling,Labeling"}
Span = tuple[int, int]


def load_corpus() -> tuple[dict[str, str], dict[str, list[Span]]]:
    root = need("datasets", "ptc_propaganda")
    texts = {}
    for path in sorted((root / "articles").glob("article*.txt")):
        with open(path, encoding="utf-8", newline="") as fh:  # offsets count "\r\n" as two
            texts[path.stem.removeprefix("article")] = fh.read()
    gold: dict[str, list[Span]] = defaultdict(list)
    with open(root / "spans.tsv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["technique"] in GOLD_TECHNIQUES:
                gold[row["article_id"]].append((int(row["start"]), int(row["end"])))
    return texts, gold


def overlaps(span: Span, sorted_spans: list[Span], starts: list[int]) -> bool:
    i = bisect_left(starts, span[1])
    return any(s < span[1] and span[0] < e for s, e in sorted_spans[max(0, i - 50) : i])


def score(predicted: dict[str, list[Span]], gold: dict[str, list[Span]]) -> dict[str, float]:
    n_pred = n_pred_hit = n_gold = n_gold_hit = 0
    for aid in set(predicted) | set(gold):
        pred = sorted(predicted.get(aid, []))
        ref = sorted(gold.get(aid, []))
        pred_starts = [s for s, _ in pred]
        ref_starts = [s for s, _ in ref]
        n_pred += len(pred)
        n_gold += len(ref)
        n_pred_hit += sum(overlaps(p, ref, ref_starts) for p in pred)
        n_gold_hit += sum(overlaps(g, pred, pred_starts) for g in ref)
    p = n_pred_hit / n_pred if n_pred else 0.0
    r = n_gold_hit / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"predicted": n_pred, "gold": n_gold, "precision": p, "recall": r, "f1": f}


def word_list_predictor(exact: set[str], stems: Iterable[str] = ()) -> Callable[[str], list[Span]]:
    """Match single words of a list (and, for stemmed MPQA clues, words starting with the stem)."""
    stem_re = re.compile("|".join(sorted((re.escape(s) for s in stems), key=len, reverse=True)))

    def predict(text: str) -> list[Span]:
        out = []
        for m in WORD_RE.finditer(text):
            w = m.group().lower().replace("’", "'")
            if w in exact or (stem_re.pattern and stem_re.match(w)):
                out.append((m.start(), m.end()))
        return out

    return predict


def mpqa(strong_only: bool) -> Callable[[str], list[Span]]:
    path = need("datasets", "reference_lexicons", "mpqa", "subjclueslen1-HLTEMNLP05.tff")
    exact: set[str] = set()
    stems: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = dict(f.split("=", 1) for f in line.split() if "=" in f)
        if strong_only and fields.get("type") != "strongsubj":
            continue
        (stems if fields.get("stemmed1") == "y" else exact).add(fields["word1"])
    return word_list_predictor(exact, stems)


def recasens() -> Callable[[str], list[Span]]:
    path = need("datasets", "reference_lexicons", "recasens2013", "bias-lexicon.txt")
    words = {w.strip().lower() for w in path.read_text(encoding="utf-8").split() if w.strip()}
    return word_list_predictor(words)


def main() -> None:
    texts, gold = load_corpus()
    lexicons = load_lexicons()
    lex_info = ", ".join(f"{x.name} {x.version} ({len(x)} entries)" for x in lexicons)
    t0 = time.perf_counter()
    framing_pred: dict[str, list[Span]] = {}
    framing_author: dict[str, list[Span]] = {}
    framing_strong: dict[str, list[Span]] = {}
    for aid, text in texts.items():
        matches = [m for m in analyze(text, lexicons=lexicons).matches if m.loaded]
        framing_pred[aid] = [(m.start, m.end) for m in matches]
        framing_author[aid] = [(m.start, m.end) for m in matches if m.voice == "author"]
        framing_strong[aid] = [(m.start, m.end) for m in matches if m.weight >= 0.5]
    elapsed = time.perf_counter() - t0
    rows = [("framing, loaded matches (all voices)", score(framing_pred, gold))]
    rows.append(("framing, loaded matches (outlet's voice only)", score(framing_author, gold)))
    rows.append(("framing, loaded matches with weight >= 0.5", score(framing_strong, gold)))
    for name, predictor in (
        ("MPQA strong-subjective clues", mpqa(strong_only=True)),
        ("MPQA all subjectivity clues", mpqa(strong_only=False)),
        ("Recasens et al. 2013 bias lexicon", recasens()),
    ):
        rows.append((name, score({aid: predictor(t) for aid, t in texts.items()}, gold)))
    n_gold = sum(len(v) for v in gold.values())
    print(
        f"PTC (SemEval-2020 Task 11): {len(texts)} articles, {n_gold} gold spans "
        f"({' + '.join(sorted(GOLD_TECHNIQUES))})"
    )
    print(f"framing lexicons: {lex_info}; analysis took {elapsed:.1f} s")
    print(f"{'method':48} {'pred':>6} {'P':>6} {'R':>6} {'F1':>6}")
    for name, s in rows:
        print(
            f"{name:48} {s['predicted']:>6} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}"
        )
    base = rows[3][1]["f1"]
    print(f"F1 ratio framing / MPQA strong: {rows[0][1]['f1'] / base:.2f}x" if base else "")


if __name__ == "__main__":
    main()
