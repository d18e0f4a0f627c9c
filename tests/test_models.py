"""The classifiers as scikit-learn estimators: tested like sklearn's vectorizers (in a Pipeline,
under GridSearchCV, cloned, fitted twice, saved and loaded), on tiny hand-written data."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline

from framing.errors import FramingError, ModelError
from framing.models import (
    FRAMES,
    BiasSentenceClassifier,
    FrameClassifier,
    load_model,
    save_model,
)
from framing.models.bias import parse_word_list
from framing.models.features import (
    TEXT_FEATURES,
    ModelInputError,
    TextFeatures,
    WordBiasTagger,
    word_labels,
    words,
)
from framing.models.persistence import dumps_model

DATA = Path(__file__).resolve().parent / "data" / "models"


def _bias_rows() -> tuple[list[str], list[str], list[str]]:
    with (DATA / "bias_sample.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return [r["text"] for r in rows], [r["label"] for r in rows], [r["biased_words"] for r in rows]


def _frame_rows() -> tuple[list[str], list[list[str]]]:
    with (DATA / "frames_sample.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [r["text"] for r in rows], [r["frames"].split(",") for r in rows]


def small_bias(**kw: object) -> BiasSentenceClassifier:
    return BiasSentenceClassifier(cv=3, n_features=2**12, **kw)  # type: ignore[arg-type]


def small_frames(**kw: object) -> FrameClassifier:
    return FrameClassifier(cv=3, n_features=2**12, **kw)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def bias_data() -> tuple[list[str], list[str], list[str]]:
    return _bias_rows()


@pytest.fixture(scope="module")
def fitted_bias(bias_data: tuple[list[str], list[str], list[str]]) -> BiasSentenceClassifier:
    texts, labels, marked = bias_data
    return small_bias().fit(texts, labels, biased_words=marked)


@pytest.fixture(scope="module")
def fitted_frames() -> FrameClassifier:
    texts, frames = _frame_rows()
    return small_frames().fit(texts, frames)


# --- features ---------------------------------------------------------------------------------


def test_words_and_word_labels() -> None:
    assert words("The so-called “experts” don’t know.") == [
        "the",
        "so",
        "called",
        "experts",
        "don't",
        "know",
    ]
    assert word_labels(["Radical plan, radical aims"], [["radical", "white supremacist"]]) == [
        [1, 0, 1, 0]
    ]


def test_parse_word_list() -> None:
    assert parse_word_list("['bizarre', 'characteristically']") == ["bizarre", "characteristically"]
    assert parse_word_list("bizarre, odd") == ["bizarre", "odd"]
    assert parse_word_list("[]") == []
    assert parse_word_list(None) == []
    assert parse_word_list(["a"]) == ["a"]
    with pytest.raises(ModelInputError, match="cannot read the word list"):
        parse_word_list("['unclosed")


def test_text_features_direction() -> None:
    feats = TextFeatures().fit(["x"])
    loaded, plain = feats.transform(
        ["The terrorist regime massacred them, a truly terrible crime!", "The vote is on Monday."]
    )
    assert len(loaded) == len(TEXT_FEATURES)
    named = dict(zip(TEXT_FEATURES, loaded, strict=True))
    assert named["loaded_terms"] >= 2 and named["exclamations"] == 1
    assert named["max_word_subjectivity"] > 0.5
    assert dict(zip(TEXT_FEATURES, plain, strict=True))["loaded_terms"] == 0


def test_word_bias_tagger_learns_marked_words(
    bias_data: tuple[list[str], list[str], list[str]],
) -> None:
    texts, _, marked = bias_data
    tagger = WordBiasTagger(C=10, n_features=2**12).fit(texts, [parse_word_list(m) for m in marked])
    radical, monday = tagger.word_probabilities(["radical", "monday"])
    assert radical > 0.5 > monday
    assert tagger.transform(["The radical plan."]).shape == (1, 6)


# --- BiasSentenceClassifier ---------------------------------------------------------------------


def test_bias_fit_predict(fitted_bias: BiasSentenceClassifier) -> None:
    clf = fitted_bias
    assert list(clf.classes_) == ["Biased", "Non-biased"]
    proba = clf.predict_proba(["The shameful, radical scheme.", "The vote is on Monday."])
    assert proba.shape == (2, 2)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert proba[0, 0] > proba[1, 0]  # column 0 is "Biased"
    assert list(clf.predict(["The shameful, radical scheme."])) == ["Biased"]
    assert 0.2 <= clf.threshold_ <= 0.8
    assert 0.0 <= clf.calibration_error_ <= 1.0
    assert clf.tagger_ is not None
    assert clf.word_scores("radical plan")[0][0] == "radical"
    assert clf.bias_probability([]).shape == (0,)


def test_bias_numeric_labels_and_no_words(
    bias_data: tuple[list[str], list[str], list[str]],
) -> None:
    texts, labels, _ = bias_data
    y = [int(lab == "Biased") for lab in labels]
    clf = small_bias(lexicon_features=False).fit(texts, y)
    assert clf.tagger_ is None and clf.text_features_ is None
    assert set(clf.predict(texts)) <= {0, 1}
    assert clf.positive_index_ == 1  # "Biased" is not a label: the second sorted label is


def test_bias_not_fitted_and_bad_input(bias_data: tuple[list[str], list[str], list[str]]) -> None:
    texts, labels, _ = bias_data
    with pytest.raises(NotFittedError):
        small_bias().predict(["text"])
    with pytest.raises(ModelInputError, match="single string"):
        small_bias().fit("one text", ["Biased"])
    with pytest.raises(ValueError, match="exactly two labels"):
        small_bias().fit(texts, ["Biased"] * len(texts))
    with pytest.raises(ModelInputError, match="not a text"):
        small_bias().fit([*texts[:-1], 3], labels)
    assert issubclass(ModelInputError, ModelError)


def test_bias_clone_and_refit(
    bias_data: tuple[list[str], list[str], list[str]], fitted_bias: BiasSentenceClassifier
) -> None:
    texts, labels, marked = bias_data
    cloned = clone(fitted_bias)
    assert not hasattr(cloned, "meta_")
    assert cloned.get_params() == fitted_bias.get_params()
    once = cloned.fit(texts, labels, biased_words=marked).predict_proba(texts)
    twice = cloned.fit(texts, labels, biased_words=marked).predict_proba(texts)
    np.testing.assert_array_equal(once, twice)
    np.testing.assert_array_equal(once, fitted_bias.predict_proba(texts))


@pytest.mark.slow
def test_bias_in_pipeline_and_grid_search(
    bias_data: tuple[list[str], list[str], list[str]],
) -> None:
    texts, labels, marked = bias_data
    pipe = Pipeline([("clf", small_bias())])
    pipe.fit(texts, labels, clf__biased_words=marked)
    assert pipe.predict(texts[:2]).shape == (2,)
    grid = GridSearchCV(small_bias(), {"meta_C": [0.1, 1.0]}, cv=2, scoring="f1_macro")
    grid.fit(texts, labels, biased_words=marked)  # fit params are split per fold
    assert grid.best_params_["meta_C"] in (0.1, 1.0)
    assert grid.best_estimator_.tagger_ is not None


def test_bias_save_and_load(
    tmp_path: Path, bias_data: tuple[list[str], list[str], list[str]], fitted_bias: object
) -> None:
    texts = bias_data[0]
    path = save_model(fitted_bias, tmp_path / "bias.skops", metadata={"name": "tiny"})
    loaded = load_model(path, kind="bias")
    assert loaded.kind == "bias" and loaded.name == "tiny"
    np.testing.assert_array_equal(
        loaded.estimator.predict_proba(texts),
        fitted_bias.predict_proba(texts),  # type: ignore[attr-defined]
    )
    with pytest.raises(FramingError, match="already exists"):
        save_model(fitted_bias, path)
    with pytest.raises(ModelError, match="is a bias model, not a frames model"):
        load_model(path, kind="frames")


def test_training_twice_gives_identical_weights(
    bias_data: tuple[list[str], list[str], list[str]],
) -> None:
    texts, labels, marked = bias_data
    a = small_bias().fit(texts, labels, biased_words=marked)
    b = small_bias().fit(texts, labels, biased_words=marked)
    for x, y in (
        (a.char_.named_steps["lr"].coef_, b.char_.named_steps["lr"].coef_),
        (a.word_.named_steps["lr"].coef_, b.word_.named_steps["lr"].coef_),
        (a.tagger_.model_.coef_, b.tagger_.model_.coef_),  # type: ignore[union-attr]
        (a.meta_.named_steps["lr"].coef_, b.meta_.named_steps["lr"].coef_),
    ):
        np.testing.assert_array_equal(x, y)
    assert a.threshold_ == b.threshold_
    assert dumps_model(a) == dumps_model(b)  # the model files are identical, byte for byte
    texts2, frames = _frame_rows()
    f1, f2 = small_frames().fit(texts2, frames), small_frames().fit(texts2, frames)
    np.testing.assert_array_equal(f1.level2_.estimators_[0].coef_, f2.level2_.estimators_[0].coef_)


# --- FrameClassifier ---------------------------------------------------------------------------


def test_frames_fit_predict(fitted_frames: FrameClassifier) -> None:
    clf = fitted_frames
    assert list(clf.classes_) == ["Economic", "Crime_and_punishment", "Security_and_defense"]
    text = "Soldiers and troops shelled the border; the army sent missiles and weapons."
    proba = clf.predict_proba([text])
    assert proba.shape == (1, 3)
    assert proba[0].argmax() == 2
    assert clf.predict([text]).shape == (1, 3)
    economy = "Inflation, unemployment and tax revenue: markets, prices and the budget deficit."
    labels = clf.predict_labels([text, economy])
    assert labels[0][0] == "Security_and_defense"
    assert labels[1][0] == "Economic"
    sentences = ["The weather was mild.", "Troops and soldiers attacked the army base."]
    support = clf.supporting_sentences(sentences, "Security_and_defense", k=2)
    assert support[0][0] == 1
    with pytest.raises(ModelInputError, match="unknown frame"):
        clf.supporting_sentences(sentences, "Nope")


def test_frames_indicator_matrix_and_min_labels() -> None:
    texts, frames = _frame_rows()
    names = ["Economic", "Crime_and_punishment", "Security_and_defense"]
    y = np.array([[int(n in f) for n in names] for f in frames])
    clf = small_frames(labels=names, min_labels=2).fit(texts, y)
    assert list(clf.classes_) == names
    assert (clf.predict(["Nothing in particular."]).sum(axis=1) >= 2).all()
    default = small_frames().fit(texts + texts[:1], np.vstack([y, y[:1]]))
    assert list(default.classes_) == ["label0", "label1", "label2"]
    assert FRAMES[0] == "Economic" and len(FRAMES) == 14


def test_frames_errors() -> None:
    texts, frames = _frame_rows()
    with pytest.raises(ModelInputError, match="on every text or on none"):
        small_frames().fit(texts, [["Economic"]] * len(texts))
    with pytest.raises(ModelInputError, match="need at least"):
        small_frames().fit(texts[:5], frames[:5])
    with pytest.raises(NotFittedError):
        small_frames().predict_proba(["x"])


@pytest.mark.slow
def test_frames_clone_grid_and_save(tmp_path: Path, fitted_frames: FrameClassifier) -> None:
    texts, frames = _frame_rows()
    names = list(fitted_frames.classes_)
    y = np.array([[int(n in f) for n in names] for f in frames])
    grid = GridSearchCV(small_frames(labels=names), {"C": [1.0, 10.0]}, cv=2, scoring="f1_micro")
    grid.fit(texts, y)
    assert grid.best_estimator_.predict(texts).shape == y.shape
    pipe = Pipeline([("frames", clone(fitted_frames))]).fit(texts, frames)
    np.testing.assert_array_equal(pipe.predict_proba(texts), fitted_frames.predict_proba(texts))
    path = save_model(fitted_frames, tmp_path / "frames.skops")
    loaded = load_model(path)
    assert loaded.kind == "frames"
    np.testing.assert_array_equal(
        loaded.estimator.predict_proba(texts), fitted_frames.predict_proba(texts)
    )
