"""News frames: which of the 14 Media Frames Corpus dimensions an article uses (multi-label).

:class:`FrameClassifier` is a two-level stack, each level fit out of fold:

1. word 1-2-gram tf-idf (hashed) + one logistic regression per frame (and, with
   ``char=True``, character n-grams too);
2. per frame, a logistic regression on all frames' level-1 probabilities: frames come in
   company (Crime_and_punishment with Legality..., Security_and_defense with
   External_regulation...), and this level learns it; fit on out-of-fold level-1 scores, its
   probabilities are calibrated.

One decision threshold for all frames is tuned for micro-F1 on out-of-fold predictions (per-frame
thresholds over-fit on a few hundred articles), and at least ``min_labels`` frames are predicted.
:meth:`FrameClassifier.supporting_sentences` ranks an article's sentences by how much each
supports a frame in the level-1 word model, for highlighting.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.special import expit
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MultiLabelBinarizer

from framing.models.base import TextEstimatorMixin
from framing.models.features import ModelInputError, compact_linear, hashed_tfidf
from framing.models.metrics import best_threshold, expected_calibration_error

__all__ = ["FRAMES", "FrameClassifier"]

#: The 14 frame dimensions of the Media Frames Corpus (Boydstun et al.) used by SemEval-2023
#: Task 3 subtask 2, in the task's order.
FRAMES: tuple[str, ...] = (
    "Economic",
    "Capacity_and_resources",
    "Morality",
    "Fairness_and_equality",
    "Legality_Constitutionality_and_jurisprudence",
    "Policy_prescription_and_evaluation",
    "Crime_and_punishment",
    "Security_and_defense",
    "Health_and_safety",
    "Quality_of_life",
    "Cultural_identity",
    "Public_opinion",
    "Political",
    "External_regulation_and_reputation",
)


def _indicator(y: Any, labels: Sequence[str] | None) -> tuple[NDArray[np.int64], list[str]]:
    """A 0/1 matrix and its column names from label lists or from an indicator matrix."""
    if isinstance(y, np.ndarray) and y.ndim == 2:
        matrix = y
    else:
        items = list(y)
        if items and all(isinstance(v, str) for v in items):
            items = [[p.strip() for p in v.split(",") if p.strip()] for v in items]
        if items and all(isinstance(v, (list, tuple, set, frozenset)) for v in items):
            names = list(labels) if labels is not None else None
            if names is None:
                found = {str(x) for v in items for x in v}
                names = [f for f in FRAMES if f in found] + sorted(found - set(FRAMES))
            binarizer = MultiLabelBinarizer(classes=names)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", UserWarning)
                matrix = binarizer.fit_transform([[str(x) for x in v] for v in items])
            return matrix.astype(np.int64), names
        matrix = np.asarray(items)
    if matrix.ndim != 2 or not np.isin(matrix, (0, 1)).all():
        raise ModelInputError(
            "frame labels must be lists of frame names per text or a 0/1 matrix (texts x frames)"
        )
    n = matrix.shape[1]
    if labels is not None:
        names = list(labels)
    elif n == len(FRAMES):
        names = list(FRAMES)
    else:
        names = [f"label{i}" for i in range(n)]
    if len(names) != n:
        raise ModelInputError(f"{len(names)} label names for {n} label columns")
    return matrix.astype(np.int64), names


class FrameClassifier(TextEstimatorMixin, ClassifierMixin, BaseEstimator):
    """Multi-label frames of articles from raw text, with a calibrated probability per frame.

    ``fit(X, y)``: `y` is a list of frame-name lists (or comma-separated strings), or a 0/1
    matrix (texts x frames; columns named by `labels`, default :data:`FRAMES` when there are 14).
    ``predict`` returns a 0/1 matrix in :attr:`classes_` order; :meth:`predict_labels` gives
    names.

    Parameters
    ----------
    C : inverse regularization of the level-1 (n-gram) logistic regressions.
    meta_C : inverse regularization of the level-2 (frame co-occurrence) regressions.
    char : add a character 2-5-gram view at level 1 (bigger model, small gain).
    n_features : hash buckets of each n-gram view.
    cv : inner folds for the out-of-fold level-1 scores.
    tune_threshold : tune one threshold for micro-F1 on out-of-fold predictions (else 0.5).
    min_labels : always predict at least this many frames (the most probable ones).
    labels : names of the columns when `y` is a 0/1 matrix.
    random_state : seed of the inner fold split.
    """

    def __init__(
        self,
        *,
        C: float = 10.0,
        meta_C: float = 1.0,
        char: bool = False,
        n_features: int = 2**17,
        cv: int = 5,
        tune_threshold: bool = True,
        min_labels: int = 1,
        labels: Sequence[str] | None = None,
        random_state: int = 0,
    ) -> None:
        self.C = C
        self.meta_C = meta_C
        self.char = char
        self.n_features = n_features
        self.cv = cv
        self.tune_threshold = tune_threshold
        self.min_labels = min_labels
        self.labels = labels
        self.random_state = random_state

    def _views(self) -> list[str]:
        return ["word", "char"] if self.char else ["word"]

    def _level1_model(self, kind: str) -> Pipeline:
        return Pipeline(
            [
                ("tfidf", hashed_tfidf(kind, self.n_features)),
                ("ovr", OneVsRestClassifier(LogisticRegression(C=self.C, max_iter=1000))),
            ]
        )

    def _level2_model(self) -> OneVsRestClassifier:
        return OneVsRestClassifier(LogisticRegression(C=self.meta_C, max_iter=1000))

    def fit(self, X: Any, y: Any) -> Any:
        texts = self._fit_texts(X)
        matrix, names = _indicator(y, self.labels)
        if len(matrix) != len(texts):
            raise ModelInputError(f"{len(texts)} texts but {len(matrix)} label rows")
        counts = matrix.sum(axis=0)
        constant = [n for n, c in zip(names, counts, strict=True) if c in (0, len(texts))]
        if constant:
            raise ModelInputError(
                f"frames {', '.join(constant)} are on every text or on none; drop them or add "
                "examples with and without them"
            )
        if len(texts) < 2 * self.cv:
            raise ModelInputError(f"need at least {2 * self.cv} texts (cv={self.cv})")
        self.classes_ = np.asarray(names, dtype=object)
        self.__dict__.pop("_stacked", None)
        folds = KFold(self.cv, shuffle=True, random_state=self.random_state)
        z = np.zeros((len(texts), len(names) * len(self._views())))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # a frame missing from a fold
            for train, test in folds.split(texts):
                tr = [texts[i] for i in train]
                te = [texts[i] for i in test]
                z[test] = np.hstack(
                    [
                        self._level1_model(v).fit(tr, matrix[train]).predict_proba(te)
                        for v in self._views()
                    ]
                )
            oof = np.zeros(matrix.shape, dtype=np.float64)
            for train, test in folds.split(texts):
                level2 = self._level2_model().fit(z[train], matrix[train])
                oof[test] = level2.predict_proba(z[test])
        self.level1_ = [self._level1_model(v).fit(texts, matrix) for v in self._views()]
        for model in self.level1_:
            for estimator in model.named_steps["ovr"].estimators_:
                compact_linear(estimator)
        self.level2_ = self._level2_model().fit(z, matrix)
        if self.tune_threshold:
            self.threshold_ = best_threshold(
                matrix, oof, average="micro", grid=np.round(np.arange(0.1, 0.61, 0.01), 2)
            )
        else:
            self.threshold_ = 0.5
        self.calibration_error_ = expected_calibration_error(matrix, oof)
        return self

    def _weights(self) -> list[tuple[NDArray[Any], NDArray[np.float64]]]:
        """(weights: features x labels, intercepts) of each level-1 view, then of level 2;
        stacked once per loaded model (not saved: see ``__getstate__``)."""
        cache = self.__dict__.get("_stacked")
        if cache is None:
            cache = []
            for ovr in [m.named_steps["ovr"] for m in self.level1_] + [self.level2_]:
                estimators = ovr.estimators_
                # features x labels, C-contiguous float64: what sparse @ dense wants as is
                weights = np.ascontiguousarray(
                    np.vstack([e.coef_ for e in estimators]).T, dtype=np.float64
                )
                intercepts = np.array([float(e.intercept_[0]) for e in estimators])
                cache.append((weights, intercepts))
            self.__dict__["_stacked"] = cache
        return cache

    def __getstate__(self) -> dict[str, Any]:
        state: dict[str, Any] = super().__getstate__()
        state.pop("_stacked", None)
        return state

    def predict_proba(self, X: Any) -> NDArray[np.float64]:
        """Probability of each frame (texts x :attr:`classes_`)."""
        texts = self._fitted_texts(X)
        if not texts:
            return np.zeros((0, len(self.classes_)))
        stacked = self._weights()
        views = []
        for model, (weights, intercepts) in zip(self.level1_, stacked, strict=False):
            features = model.named_steps["tfidf"].transform(texts)
            views.append(expit(np.asarray(features @ weights) + intercepts))
        weights, intercepts = stacked[-1]
        proba: NDArray[np.float64] = expit(np.hstack(views) @ weights + intercepts)
        return proba

    def decide(self, proba: NDArray[np.float64]) -> NDArray[np.int64]:
        """0/1 decisions from probabilities: over the threshold, and at least `min_labels`."""
        decided = proba >= self.threshold_
        k = min(self.min_labels, proba.shape[1])
        if k > 0 and len(proba):
            top = np.argsort(-proba, axis=1, kind="stable")[:, :k]
            np.put_along_axis(decided, top, True, axis=1)
        return decided.astype(np.int64)

    def predict(self, X: Any) -> NDArray[np.int64]:
        return self.decide(self.predict_proba(X))

    def predict_labels(self, X: Any) -> list[list[str]]:
        """The predicted frame names of each text, most probable first."""
        proba = self.predict_proba(X)
        decided = self.decide(proba)
        out = []
        for p, d in zip(proba, decided, strict=True):
            order = np.argsort(-p, kind="stable")
            out.append([str(self.classes_[j]) for j in order if d[j]])
        return out

    def sentence_scores(self, sentences: Sequence[str]) -> NDArray[np.float64]:
        """How much each sentence supports each frame (sentences x :attr:`classes_`): its
        tf-idf vector times the level-1 word model's weights for the frame (no intercept)."""
        texts = self._fitted_texts(sentences, "sentences")
        if not texts:
            return np.zeros((0, len(self.classes_)))
        features = self.level1_[0].named_steps["tfidf"].transform(texts)
        weights = self._weights()[0][0]
        scores: NDArray[np.float64] = np.asarray(features @ weights)
        return scores

    def supporting_sentences(
        self, sentences: Sequence[str], frame: str, k: int = 2
    ) -> list[tuple[int, float]]:
        """Indices of the (at most `k`) sentences that most support `frame`, with their
        scores, best first; only sentences with a positive score."""
        names = [str(c) for c in self.classes_]
        if frame not in names:
            raise ModelInputError(f"unknown frame {frame!r}; known: {', '.join(names)}")
        column = self.sentence_scores(sentences)[:, names.index(frame)]
        order = np.argsort(-column, kind="stable")[:k]
        return [(int(i), float(column[i])) for i in order if column[i] > 0]

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.target_tags.multi_output = True
        tags.classifier_tags.multi_label = True
        return tags
