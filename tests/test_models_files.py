"""Model files: safe loading (tampered, truncated, foreign files fail with a clear error), the
shipped models and their manifest, metrics and the confusion-matrix display."""

from __future__ import annotations

import hashlib
import io
import pickle
import zipfile
from pathlib import Path

import numpy as np
import pytest
import skops.io
from sklearn.linear_model import LogisticRegression

from framing.errors import ModelError
from framing.models import load_model, load_shipped, predict_document, save_model
from framing.models.metrics import best_threshold, expected_calibration_error
from framing.models.persistence import TRUSTED_TYPES, dumps_model
from framing.models.registry import manifest, shipped_available, shipped_versions
from framing.render.charts.evaluation import ConfusionDisplay
from framing.stats.evaluation import bootstrap_ci, classification_scores, multilabel_scores
from tests.test_models import small_bias, small_frames

DATA_DIR = Path(__file__).resolve().parents[1] / "framing" / "models" / "data"


class Foreign:
    """A class framing does not trust."""

    def __init__(self) -> None:
        self.x = 1


@pytest.fixture(scope="module")
def model_bytes() -> bytes:
    from tests.test_models import _bias_rows

    texts, labels, marked = _bias_rows()
    return dumps_model(small_bias().fit(texts, labels, biased_words=marked))


# --- safe loading -----------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"no model file at .*train one with `framing train`"):
        load_model(tmp_path / "nope.skops")


def test_truncated_file(tmp_path: Path, model_bytes: bytes) -> None:
    path = tmp_path / "cut.skops"
    path.write_bytes(model_bytes[: len(model_bytes) // 2])
    with pytest.raises(ModelError, match="is not a usable framing model"):
        load_model(path)


def test_tampered_file(tmp_path: Path, model_bytes: bytes) -> None:
    damaged = bytearray(model_bytes)
    middle = len(damaged) // 2
    damaged[middle : middle + 64] = bytes(64)
    path = tmp_path / "tampered.skops"
    path.write_bytes(bytes(damaged))
    with pytest.raises(ModelError, match="is not a usable framing model"):
        load_model(path)


def test_hash_mismatch(model_bytes: bytes) -> None:
    with pytest.raises(ModelError, match="has been modified"):
        load_model("m.skops", data=model_bytes, sha256="0" * 64)
    good = hashlib.sha256(model_bytes).hexdigest()
    assert load_model("m.skops", data=model_bytes, sha256=good).sha256 == good


def test_pickle_is_never_loaded(tmp_path: Path) -> None:
    path = tmp_path / "model.pkl"
    path.write_bytes(pickle.dumps({"format": "framing-model"}))
    with pytest.raises(ModelError, match="not a skops archive"):
        load_model(path)


def test_foreign_skops_files(tmp_path: Path) -> None:
    plain = tmp_path / "plain.skops"
    skops.io.dump(LogisticRegression(), plain)
    with pytest.raises(ModelError, match="not one written by framing"):
        load_model(plain)
    untrusted = tmp_path / "untrusted.skops"
    skops.io.dump({"format": "framing-model", "estimator": Foreign()}, untrusted)
    with pytest.raises(ModelError, match=r"types framing does not load: .*Foreign"):
        load_model(untrusted)
    fake = tmp_path / "fake.skops"
    skops.io.dump({"format": "framing-model", "format_version": 1, "kind": "bias"}, fake)
    with pytest.raises(ModelError, match="not a framing classifier"):
        load_model(fake)
    newer = tmp_path / "newer.skops"
    skops.io.dump({"format": "framing-model", "format_version": 99}, newer)
    with pytest.raises(ModelError, match="retrain it"):
        load_model(newer)


def test_saving_a_foreign_estimator(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="framing saves BiasSentenceClassifier"):
        save_model(LogisticRegression(), tmp_path / "lr.skops")


def test_model_file_holds_only_trusted_types(model_bytes: bytes) -> None:
    assert set(skops.io.get_untrusted_types(data=model_bytes)) <= set(TRUSTED_TYPES)
    names = zipfile.ZipFile(io.BytesIO(model_bytes)).namelist()
    assert "schema.json" in names and not any(n.endswith(".pkl") for n in names)


# --- shipped models ---------------------------------------------------------------------------


def test_shipped_models() -> None:
    for kind in ("bias", "frames"):
        assert shipped_available(kind)
        info = manifest()[kind]
        path = DATA_DIR / info["file"]
        assert path.stat().st_size < 20_000_000
        assert hashlib.sha256(path.read_bytes()).hexdigest() == info["sha256"]
        assert (DATA_DIR / info["card"]).is_file()
        assert load_shipped(kind).kind == kind
    assert set(shipped_versions()) == {"bias", "frames"}


def test_shipped_bias_direction() -> None:
    bias = load_shipped("bias").estimator
    loaded, plain = bias.bias_probability(
        [
            "The radical left wants to destroy America with its insane schemes.",
            "The bill passed the Senate by a vote of 52 to 48 on Tuesday.",
        ]
    )
    assert loaded > 0.8 and plain < 0.3


def test_shipped_frames_direction() -> None:
    frames = load_shipped("frames").estimator
    text = (
        "Police arrested the suspect, and prosecutors charged him with murder. The court will "
        "hear the case next month; if convicted he faces life in prison."
    )
    names = [str(c) for c in frames.classes_]
    proba = frames.predict_proba([text])[0]
    assert names[int(np.argmax(proba))] == "Crime_and_punishment"


def test_predict_document() -> None:
    text = (
        "Police arrested the suspect on Monday. Prosecutors charged him with murder.\n\n"
        "Critics called the botched raid a shameful disaster."
    )
    out = predict_document(text)
    assert len(out.sentences) == 3
    assert out.sentences[2].probability > out.sentences[0].probability
    assert out.sentences[0].start == 0 and text[out.sentences[1].start :].startswith("Prosecutors")
    assert "Crime_and_punishment" in out.predicted
    data = out.to_dict()
    assert set(data) == {"versions", "bias", "frames"}
    assert set(data["frames"]["probabilities"]) == {c for c, _ in out.frames}
    assert data["frames"]["supporting_sentences"]["Crime_and_punishment"]
    assert any("Sentence bias" in line for line in out.summary_lines(text))
    only_frames = predict_document(text, bias=False)
    assert not only_frames.sentences and "bias" not in only_frames.to_dict()


# --- metrics and display ----------------------------------------------------------------------


def test_classification_scores_pinned() -> None:
    truth = ["B", "B", "B", "N", "N", "N"]
    pred = ["B", "B", "N", "N", "N", "B"]
    scores = classification_scores(truth, pred, ["B", "N"], n_boot=200)
    assert scores["labels"]["B"]["precision"].value == pytest.approx(2 / 3)
    assert scores["labels"]["B"]["recall"].value == pytest.approx(2 / 3)
    assert scores["macro_f1"].value == pytest.approx(2 / 3)
    assert scores["accuracy"].value == pytest.approx(4 / 6)
    ci = scores["macro_f1"]
    assert ci.low <= ci.value <= ci.high
    assert str(ci).startswith("0.667 [")


def test_evaluation_intervals_resample_the_pairs() -> None:
    """The interval is the percentile interval of the statistic over resampled (true, predicted)
    pairs, drawn from numpy.random.default_rng(seed) as rng.integers(0, n, (n_boot, n))."""
    truth = np.array(["B", "N"] * 15)
    pred = np.where(np.arange(30) % 7 == 0, "N", truth)
    scores = classification_scores(truth, pred, ["B", "N"], n_boot=300, seed=4)
    picks = np.random.default_rng(4).integers(0, 30, size=(300, 30))
    accuracy = (truth[picks] == pred[picks]).mean(axis=1)
    low, high = np.quantile(accuracy, [0.025, 0.975])
    assert scores["accuracy"].value == pytest.approx(27 / 30)  # 3 of the 5 changed were B
    assert scores["accuracy"].low == pytest.approx(low, abs=1e-12)
    assert scores["accuracy"].high == pytest.approx(high, abs=1e-12)
    assert scores["accuracy"].low < scores["accuracy"].value < scores["accuracy"].high
    single = classification_scores(["B"], ["N"], ["B", "N"])  # one pair: no spread
    assert single["accuracy"].to_dict() == {"value": 0.0, "low": 0.0, "high": 0.0, "level": 0.95}


def test_multilabel_scores_and_ece() -> None:
    truth = np.array([[1, 0], [1, 1], [0, 1], [0, 0]])
    pred = np.array([[1, 0], [1, 0], [0, 1], [1, 0]])
    scores = multilabel_scores(truth, pred, ["a", "b"], n_boot=100)
    # tp 3, fp 1, fn 1 -> micro precision = recall = F1 = 0.75
    assert scores["micro_f1"].value == pytest.approx(0.75)
    assert scores["labels"]["b"]["recall"].value == pytest.approx(0.5)
    assert expected_calibration_error([1, 0, 1, 0], [1.0, 0.0, 1.0, 0.0]) == 0.0
    assert expected_calibration_error([1, 1], [0.05, 0.05]) == pytest.approx(0.95)
    assert best_threshold([1, 1, 0, 0], [0.9, 0.6, 0.4, 0.1]) == pytest.approx(0.5)
    assert bootstrap_ci([1.0, 1.0, 1.0]).value == 1.0


def test_confusion_display(tmp_path: Path) -> None:
    display = ConfusionDisplay.from_predictions(
        ["B", "B", "N", "N"], ["B", "N", "N", "N"], ["B", "N"], title="t"
    )
    np.testing.assert_array_equal(display.counts, [[1, 1], [0, 2]])
    display.plot()
    assert display.ax_ is not None
    assert [t.get_text() for t in display.ax_.get_xticklabels()] == ["B", "N"]
    assert display.ax_.get_title(loc="left") == "t"
    display.save(tmp_path / "cm.svg")
    assert "<svg" in (tmp_path / "cm.svg").read_text()
    multi = ConfusionDisplay.from_multilabel(
        np.array([[1, 0], [1, 1]]), np.array([[1, 1], [0, 1]]), ["a_b", "c"]
    )
    np.testing.assert_array_equal(multi.counts, [[1, 1, 0, 0], [1, 0, 1, 0]])
    multi.plot()
    assert [t.get_text() for t in multi.ax_.get_yticklabels()] == ["a b", "c"]  # type: ignore[union-attr]


def test_frames_model_bytes_are_small() -> None:
    from tests.test_models import _frame_rows

    texts, frames = _frame_rows()
    data = dumps_model(small_frames().fit(texts, frames))
    assert load_model("x", data=data).kind == "frames"


@pytest.mark.slow
def test_model_files_identical_across_processes(tmp_path: Path) -> None:
    """Training in two fresh processes (different hash seeds) writes byte-identical files."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    code = (
        "import sys\n"
        "from tests.test_models import _bias_rows, small_bias\n"
        "from framing.models.persistence import dumps_model\n"
        "t, l, m = _bias_rows()\n"
        "open(sys.argv[1], 'wb').write(dumps_model(small_bias().fit(t, l, biased_words=m)))\n"
    )
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"m{seed}.skops"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", code, str(out)], cwd=root, env=env, check=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
