"""Evaluation of the classifiers, baselines in the same run: everything issue 5 asks to show.

* Sentence bias, 5-fold stratified cross-validation on BABE (../shared/datasets/babe):
  macro-F1 with a bootstrap CI, per-class precision/recall/F1, calibration error (ECE), for the
  baseline (tf-idf character n-grams + logistic regression) and BiasSentenceClassifier (word-level
  supervision learned inside each training fold only).
* Frames, 5-fold cross-validation on semeval2023_frames: micro-F1 with a bootstrap CI, macro-F1,
  ECE, for the baselines (tf-idf + one-vs-rest logistic regression: scikit-learn defaults, and
  tuned word 1-2-grams with C=10) and FrameClassifier.
* The shipped model files: size, load time, inference speed on one core.

Every model is fit on the training folds only; thresholds and calibration are learned inside
those folds. CIs: percentile bootstrap over the out-of-fold predictions (1,000 resamples,
seed 0). Run: ``python bench/eval_models.py [--ablations] [--json out.json]``
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core: speeds and weights comparable run to run

import argparse  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402
from typing import Any  # noqa: E402

import numpy as np  # noqa: E402
from _shared import ROOT, fakes_texts, need  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import KFold, StratifiedKFold  # noqa: E402
from sklearn.multiclass import OneVsRestClassifier  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402

from framing.models import BiasSentenceClassifier, FrameClassifier, load_model  # noqa: E402
from framing.models.data import read_babe, read_semeval_frames  # noqa: E402
from framing.models.metrics import expected_calibration_error  # noqa: E402
from framing.stats.evaluation import classification_scores, multilabel_scores  # noqa: E402

SEED = 0
RESULTS: dict[str, Any] = {}


def _line(name: str, scores: dict[str, Any], ece: float | None, took: float) -> None:
    main = scores.get("macro_f1") if "micro_f1" not in scores else scores["micro_f1"]
    metric = "micro-F1" if "micro_f1" in scores else "macro-F1"
    extra = f"  macro-F1 {scores['macro_f1']}" if "micro_f1" in scores else ""
    cal = f"  ECE {ece:.3f}" if ece is not None else ""
    print(f"  {name:<44} {metric} {main}{extra}{cal}  ({took:.0f} s)", flush=True)


def _jsonable(scores: dict[str, Any]) -> Any:
    if isinstance(scores, dict):
        return {k: _jsonable(v) for k, v in scores.items()}
    return scores.to_dict() if hasattr(scores, "to_dict") else scores


def bias(ablations: bool) -> None:
    data = read_babe(need("datasets", "babe", "babe_sg2_dev.csv"))
    texts = np.asarray(data.texts, dtype=object)
    labels = np.asarray(data.labels)
    marked = np.asarray(data.biased_words, dtype=object)
    target = (labels == "Biased").astype(int)
    folds = list(StratifiedKFold(5, shuffle=True, random_state=SEED).split(texts, labels))
    print(f"Sentence bias: BABE, {len(texts)} sentences, 5-fold stratified CV (seed {SEED})")

    def run(name: str, make: Any, use_words: bool) -> None:
        start = time.perf_counter()
        pred = np.empty(len(texts), dtype=object)
        proba = np.zeros(len(texts))
        for train, test in folds:
            model = make()
            if use_words:
                model.fit(list(texts[train]), labels[train], biased_words=list(marked[train]))
            else:
                model.fit(list(texts[train]), labels[train])
            pred[test] = model.predict(list(texts[test]))
            classes = list(model.classes_)
            proba[test] = model.predict_proba(list(texts[test]))[:, classes.index("Biased")]
        scores = classification_scores(labels, pred, ["Biased", "Non-biased"], seed=SEED)
        ece = expected_calibration_error(target, proba)
        _line(name, scores, ece, time.perf_counter() - start)
        for lab, s in scores["labels"].items():
            print(f"      {lab:<11} P {s['precision']}  R {s['recall']}  F1 {s['f1']}")
        RESULTS.setdefault("bias", {})[name] = {**_jsonable(scores), "ece": ece}

    run(
        "baseline: char n-gram tf-idf + LR",
        lambda: make_pipeline(
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
            LogisticRegression(max_iter=2000),
        ),
        False,
    )
    if ablations:
        run(
            "BiasSentenceClassifier without biased words",
            lambda: BiasSentenceClassifier(random_state=SEED),
            False,
        )
    run("BiasSentenceClassifier (shipped config)", lambda: BiasSentenceClassifier(), True)
    print("  target: macro-F1 >= 0.77\n")


def frames(ablations: bool) -> None:
    _, texts_list, frame_lists = read_semeval_frames(need("datasets", "semeval2023_frames"))
    texts = np.asarray(texts_list, dtype=object)
    names = sorted({f for fs in frame_lists for f in fs})
    y = np.array([[f in fs for f in names] for fs in frame_lists], dtype=int)
    folds = list(KFold(5, shuffle=True, random_state=SEED).split(texts))
    print(f"Frames: semeval2023_frames, {len(texts)} articles, 14 frames, 5-fold CV (seed {SEED})")

    def run(name: str, make: Any, threshold: float | None = 0.5) -> None:
        start = time.perf_counter()
        pred = np.zeros(y.shape, dtype=int)
        proba = np.zeros(y.shape)
        for train, test in folds:
            model = make().fit(list(texts[train]), y[train])
            proba[test] = model.predict_proba(list(texts[test]))
            pred[test] = model.predict(list(texts[test]))
        scores = multilabel_scores(y, pred, names, seed=SEED)
        ece = expected_calibration_error(y, proba)
        _line(name, scores, ece, time.perf_counter() - start)
        RESULTS.setdefault("frames", {})[name] = {**_jsonable(scores), "ece": ece}

    run(
        "baseline: tf-idf + OvR LR (sklearn defaults)",
        lambda: make_pipeline(
            TfidfVectorizer(), OneVsRestClassifier(LogisticRegression(max_iter=2000))
        ),
    )
    run(
        "baseline: tf-idf 1-2-grams + OvR LR, C=10",
        lambda: make_pipeline(
            TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2),
            OneVsRestClassifier(LogisticRegression(C=10, max_iter=2000)),
        ),
    )
    if ablations:
        run("FrameClassifier with char n-grams", lambda: FrameClassifier(char=True))
    run("FrameClassifier (shipped config)", lambda: FrameClassifier(labels=names))
    print("  target: micro-F1 >= 0.72\n")


def shipped() -> None:
    data_dir = ROOT / "framing" / "models" / "data"
    babe = read_babe(need("datasets", "babe", "babe_sg2_dev.csv"))
    _, articles, _ = read_semeval_frames(need("datasets", "semeval2023_frames"))
    print("Shipped models (one core)")
    for kind, stem in (("bias", "bias-babe"), ("frames", "frames-semeval")):
        path = data_dir / f"{stem}.skops"
        if not path.exists():
            print(f"  {stem}: not built (run bench/train_models.py)")
            continue
        loads = []
        for _ in range(3):
            start = time.perf_counter()
            model = load_model(path, kind=kind)
            loads.append(time.perf_counter() - start)
        est = model.estimator
        if kind == "bias":
            sentences = babe.texts
            est.bias_probability(sentences[:50])
            start = time.perf_counter()
            est.bias_probability(sentences)
            rate = len(sentences) / (time.perf_counter() - start)
            unit = f"{rate:,.0f} sentences/s (target >= 2,000)"
        else:
            from framing.document import split_sentences

            n_sentences = sum(len(split_sentences(t)) for t in articles)
            start = time.perf_counter()
            est.predict_proba(articles)
            took = time.perf_counter() - start
            unit = (
                f"{len(articles) / took:,.0f} articles/s = "
                f"{n_sentences / took:,.0f} sentences/s (target >= 2,000)"
            )
        size = path.stat().st_size / 1e6
        print(f"  {stem}: {size:.1f} MB (< 20), load {min(loads):.2f} s (< 1), {unit}")
        RESULTS.setdefault("shipped", {})[stem] = {
            "megabytes": size,
            "load_seconds": min(loads),
            "speed": unit,
            "threshold": float(est.threshold_),
        }


def analyze_cost(n: int = 200) -> None:
    """What the models add to `framing analyze` (FA-KES articles, best of three)."""
    import framing
    from framing.analysis import AnalysisOptions

    texts = fakes_texts()[:n]
    framing.analyze(texts[0], options=AnalysisOptions(models=True))  # load models, warm up

    def best(options: AnalysisOptions) -> float:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            for text in texts:
                framing.analyze(text, options=options)
            times.append(time.perf_counter() - start)
        return min(times)

    plain, with_models = best(AnalysisOptions()), best(AnalysisOptions(models=True))
    print(
        f"  framing.analyze on {n} FA-KES articles: {n / plain:,.0f} articles/s without models, "
        f"{n / with_models:,.0f} with (x{with_models / plain:.1f} the time)"
    )
    RESULTS.setdefault("shipped", {})["analyze_articles_per_s"] = {
        "without_models": n / plain,
        "with_models": n / with_models,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ablations", action="store_true", help="also run the ablations")
    parser.add_argument("--only", choices=["bias", "frames", "shipped"])
    parser.add_argument("--json", help="also write the results to this JSON file")
    args = parser.parse_args()
    if args.only in (None, "bias"):
        bias(args.ablations)
    if args.only in (None, "frames"):
        frames(args.ablations)
    if args.only in (None, "shipped"):
        shipped()
        analyze_cost()
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(RESULTS, fh, indent=2)


if __name__ == "__main__":
    main()
