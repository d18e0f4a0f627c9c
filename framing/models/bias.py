"""Sentence bias: is a news sentence Biased or Non-biased (with a calibrated probability)?

:class:`BiasSentenceClassifier` stacks three views of a sentence, each fit out of fold:

1. character 2-5-gram tf-idf (hashed) + logistic regression: wording and morphology;
2. word 1-2-gram tf-idf (hashed) + logistic regression: phrases;
3. word-level supervision (when the data marks biased words, as BABE does): a
   :class:`~framing.models.features.WordBiasTagger` learns how likely each word is to be marked,
   and the sentence gets its strongest words' probabilities;

plus :class:`~framing.models.features.TextFeatures` (framing's lexicons, Pattern sentiment,
quotes). A logistic regression on standardized level-1 scores combines them; it is fit on
scores the base models gave to sentences they did not see (inner K-fold), so its probabilities
are calibrated like Platt scaling. A decision threshold is tuned on the same out-of-fold
predictions. Everything is learned from the training data passed to ``fit``, so under an outer
cross-validation nothing leaks from the test fold.

>>> clf = BiasSentenceClassifier().fit(texts, labels, biased_words=marked)   # doctest: +SKIP
>>> clf.predict_proba(["The radical plan will destroy jobs."])[:, 1]           # doctest: +SKIP
"""

from __future__ import annotations

import ast
import warnings
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.utils.validation import check_is_fitted

from framing.models.base import TextEstimatorMixin
from framing.models.features import (
    TEXT_FEATURES,
    WORD_BIAS_FEATURES,
    ModelInputError,
    TextFeatures,
    WordBiasTagger,
    compact_linear,
    hashed_tfidf,
    linear_positive,
    predict_positive,
    words,
)
from framing.models.metrics import best_threshold, expected_calibration_error

__all__ = ["BiasSentenceClassifier", "parse_word_list"]


def parse_word_list(value: Any) -> list[str]:
    """Marked words from a list, a Python/JSON list string (``"['a', 'b']"``) or ``"a, b"``."""
    if value is None:
        return []
    if isinstance(value, float) and np.isnan(value):
        return []
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return []
        if text.startswith("["):
            try:
                parsed = ast.literal_eval(text)
            except (ValueError, SyntaxError):
                raise ModelInputError(
                    f"cannot read the word list {text[:60]!r}; write it as ['word', 'word'] "
                    "or as words separated by commas"
                ) from None
            return [str(x) for x in parsed] if isinstance(parsed, (list, tuple)) else []
        return [w.strip() for w in text.replace(";", ",").split(",") if w.strip()]
    if isinstance(value, Iterable):
        return [str(x) for x in value]
    raise ModelInputError(f"cannot read a word list from a {type(value).__name__}")


class BiasSentenceClassifier(TextEstimatorMixin, ClassifierMixin, BaseEstimator):
    """Biased / Non-biased sentences from raw text, with calibrated probabilities.

    Parameters
    ----------
    char_C, word_C : inverse regularization of the character and word n-gram models.
    word_bias_C : inverse regularization of the word-level tagger (used when ``fit`` gets
        ``biased_words``).
    meta_C : inverse regularization of the combining logistic regression.
    lexicon_features : add :class:`~framing.models.features.TextFeatures`.
    n_features : hash buckets of each n-gram view.
    cv : inner folds for the out-of-fold scores the combiner is fit on.
    tune_threshold : choose the decision threshold that maximizes macro-F1 on out-of-fold
        predictions (else 0.5).
    positive_label : the class whose probability is the bias probability (when it is among the
        labels; otherwise the second of the sorted labels).
    random_state : seed of the inner fold split (everything else is deterministic).
    """

    def __init__(
        self,
        *,
        char_C: float = 1.0,
        word_C: float = 10.0,
        word_bias_C: float = 10.0,
        meta_C: float = 1.0,
        lexicon_features: bool = True,
        n_features: int = 2**18,
        cv: int = 5,
        tune_threshold: bool = True,
        positive_label: Any = "Biased",
        random_state: int = 0,
    ) -> None:
        self.char_C = char_C
        self.word_C = word_C
        self.word_bias_C = word_bias_C
        self.meta_C = meta_C
        self.lexicon_features = lexicon_features
        self.n_features = n_features
        self.cv = cv
        self.tune_threshold = tune_threshold
        self.positive_label = positive_label
        self.random_state = random_state

    # --- building blocks ------------------------------------------------------------------------

    def _ngram_model(self, kind: str) -> Pipeline:
        C = self.char_C if kind == "char" else self.word_C
        return Pipeline(
            [("tfidf", hashed_tfidf(kind, self.n_features)), ("lr", LogisticRegression(C=C))]
        )

    def _tagger(self) -> WordBiasTagger:
        return WordBiasTagger(C=self.word_bias_C, n_features=max(self.n_features // 2, 1024))

    def _level1(
        self,
        texts: list[str],
        char: Pipeline,
        word: Pipeline,
        tagger: WordBiasTagger | None,
        extra: NDArray[np.float64] | None,
    ) -> NDArray[np.float64]:
        columns = [predict_positive(char, texts)[:, None], predict_positive(word, texts)[:, None]]
        if tagger is not None:
            columns.append(tagger.transform(texts))
        if extra is not None:
            columns.append(extra)
        return np.hstack(columns)

    # --- fit / predict --------------------------------------------------------------------------

    def fit(self, X: Any, y: Any, biased_words: Sequence[Any] | None = None) -> Any:
        """Fit on sentences `X` and labels `y`; `biased_words` (optional) gives, per sentence,
        the words annotators marked as biased (a list, or a string such as ``"['a', 'b']"``)."""
        texts = self._fit_texts(X)
        labels = np.asarray(y)
        if labels.ndim != 1 or len(labels) != len(texts):
            raise ModelInputError(f"{len(texts)} texts but {labels.shape} labels; give one each")
        self.classes_ = np.unique(labels)
        if len(self.classes_) != 2:
            raise ModelInputError(
                f"sentence bias needs exactly two labels, found {len(self.classes_)}: "
                f"{', '.join(map(str, self.classes_[:5]))}"
            )
        positive = self.positive_label
        if positive not in set(self.classes_.tolist()):
            positive = self.classes_[1]
        self.positive_index_ = int(np.flatnonzero(self.classes_ == positive)[0])
        target = (labels == positive).astype(int)
        if min(target.sum(), len(target) - target.sum()) < self.cv:
            raise ModelInputError(
                f"each label needs at least {self.cv} sentences (cv={self.cv}); add examples"
            )
        marked = None
        if biased_words is not None:
            if len(biased_words) != len(texts):
                raise ModelInputError(
                    f"{len(texts)} texts but {len(biased_words)} biased-word lists"
                )
            marked = [parse_word_list(v) for v in biased_words]
            if not any(marked):
                marked = None
        extra = TextFeatures().fit(texts).transform(texts) if self.lexicon_features else None

        folds = StratifiedKFold(self.cv, shuffle=True, random_state=self.random_state)
        z = None
        for train, test in folds.split(np.zeros(len(texts)), target):
            tr = [texts[i] for i in train]
            te = [texts[i] for i in test]
            char = self._ngram_model("char").fit(tr, target[train])
            word = self._ngram_model("word").fit(tr, target[train])
            tagger = None
            if marked is not None:
                tagger = self._tagger().fit(tr, [marked[i] for i in train])
            block = self._level1(te, char, word, tagger, None if extra is None else extra[test])
            if z is None:
                z = np.zeros((len(texts), block.shape[1]))
            z[test] = block
        assert z is not None
        self.char_ = self._ngram_model("char").fit(texts, target)
        self.word_ = self._ngram_model("word").fit(texts, target)
        for model in (self.char_, self.word_):
            compact_linear(model.named_steps["lr"])
        self.tagger_ = None if marked is None else self._tagger().fit(texts, marked)
        self.text_features_ = None if extra is None else TextFeatures().fit(texts[:1])
        meta = Pipeline([("scale", StandardScaler()), ("lr", LogisticRegression(C=self.meta_C))])
        self.meta_ = clone(meta).fit(z, target)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            oof = cross_val_predict(meta, z, target, cv=folds, method="predict_proba")[:, 1]
        self.threshold_ = best_threshold(target, oof) if self.tune_threshold else 0.5
        self.calibration_error_ = expected_calibration_error(target, oof)
        self.feature_names_ = self._feature_names()
        return self

    def _feature_names(self) -> list[str]:
        names = ["char_ngrams", "word_ngrams"]
        if self.tagger_ is not None:
            names += WORD_BIAS_FEATURES
        if self.text_features_ is not None:
            names += TEXT_FEATURES
        return names

    def bias_probability(self, X: Any) -> NDArray[np.float64]:
        """P(positive label), i.e. the probability each sentence is biased."""
        texts = self._fitted_texts(X)
        if not texts:
            return np.zeros(0)
        extra = None if self.text_features_ is None else self.text_features_.transform(texts)
        z = self._level1(texts, self.char_, self.word_, self.tagger_, extra)
        scale = self.meta_.named_steps["scale"]
        return linear_positive(self.meta_.named_steps["lr"], (z - scale.mean_) / scale.scale_)

    def predict_proba(self, X: Any) -> NDArray[np.float64]:
        positive = self.bias_probability(X)
        out = np.zeros((len(positive), 2))
        out[:, self.positive_index_] = positive
        out[:, 1 - self.positive_index_] = 1.0 - positive
        return out

    def predict(self, X: Any) -> NDArray[Any]:
        positive = self.bias_probability(X) >= self.threshold_
        index = np.where(positive, self.positive_index_, 1 - self.positive_index_)
        result: NDArray[Any] = self.classes_[index]
        return result

    def word_scores(self, text: str) -> list[tuple[str, float]]:
        """Each word of `text` with its learned probability of being marked biased (empty when
        the model was fit without marked words)."""
        check_is_fitted(self)
        if self.tagger_ is None:
            return []
        ws = words(text)
        vocab = sorted(set(ws))
        proba = dict(zip(vocab, self.tagger_.word_probabilities(vocab).tolist(), strict=True))
        return [(w, proba[w]) for w in ws]
