"""Train the two shipped models from ../shared/datasets, with fixed seeds, bit for bit.

Writes framing/models/data/bias-babe.skops and frames-semeval.skops and the manifest.json that
lists them with their SHA-256. Everything is deterministic: fixed fold seeds, liblinear-free
lbfgs solvers, no threads that change summation order (run it with one thread to be sure:
``OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1``). Re-running it on the same data, package versions
and lexicons gives the same weights (tests/test_models_train.py checks this on a small sample).

Run: ``python bench/train_models.py [--force]``
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time

from _shared import ROOT, need

from framing.models import BiasSentenceClassifier, FrameClassifier, save_model
from framing.models.data import read_babe, read_semeval_frames

DATA = ROOT / "framing" / "models" / "data"
VERSION = "1.0"

#: The shipped configurations (also what bench/eval_models.py cross-validates).
BIAS_PARAMS = {"random_state": 0}
FRAMES_PARAMS = {"random_state": 0}


def train_bias() -> tuple[BiasSentenceClassifier, dict[str, object]]:
    data = read_babe(need("datasets", "babe", "babe_sg2_dev.csv"))
    model = BiasSentenceClassifier(**BIAS_PARAMS).fit(
        data.texts, data.labels, biased_words=data.biased_words
    )
    meta = {
        "name": "bias-babe",
        "version": VERSION,
        "data": "BABE (Spinde et al. 2021), SG2 part in ../shared: "
        f"{len(data.texts)} sentences, Biased/Non-biased, with the biased words",
        "license": "AGPL-3.0 (the training data's license; see bias-babe.md)",
        "params": model.get_params(),
        "threshold": model.threshold_,
        "training_oof_calibration_error": model.calibration_error_,
    }
    return model, meta


def train_frames() -> tuple[FrameClassifier, dict[str, object]]:
    _, texts, frames = read_semeval_frames(need("datasets", "semeval2023_frames"))
    model = FrameClassifier(**FRAMES_PARAMS).fit(texts, frames)
    meta = {
        "name": "frames-semeval",
        "version": VERSION,
        "data": "SemEval-2023 Task 3 subtask 2 (English), part of the training set in "
        f"../shared: {len(texts)} articles, 14 frames, multi-label",
        "license": "research data without a license file (see frames-semeval.md)",
        "params": {k: v for k, v in model.get_params().items() if k != "labels"},
        "threshold": model.threshold_,
        "training_oof_calibration_error": model.calibration_error_,
    }
    return model, meta


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="overwrite the model files")
    parser.add_argument("--only", choices=["bias", "frames"], help="train one model")
    args = parser.parse_args()
    manifest_path = DATA / "manifest.json"
    manifest = {"models": {}}
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text("utf-8"))
    for kind, train, stem in (
        ("bias", train_bias, "bias-babe"),
        ("frames", train_frames, "frames-semeval"),
    ):
        if args.only and args.only != kind:
            continue
        start = time.perf_counter()
        model, meta = train()
        path = save_model(model, DATA / f"{stem}.skops", metadata=meta, force=args.force)
        data = path.read_bytes()
        manifest["models"][kind] = {
            "file": path.name,
            "name": stem,
            "version": VERSION,
            "card": f"{stem}.md",
            "sha256": hashlib.sha256(data).hexdigest(),
            "bytes": len(data),
        }
        took = time.perf_counter() - start
        print(f"{kind}: wrote {path} ({len(data) / 1e6:.1f} MB) in {took:.0f} s", file=sys.stderr)
    manifest_path.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", "utf-8")
    print(f"wrote {manifest_path}", file=sys.stderr)


if __name__ == "__main__":
    main()
