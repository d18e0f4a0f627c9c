"""Features for the classifiers: hashed tf-idf, lexicon and sentiment features, word-level bias.

All of them take raw text. Nothing here stores a vocabulary of strings: the n-gram features are
hashed (:class:`~sklearn.feature_extraction.text.HashingVectorizer`), so a saved model holds only
numeric arrays, loads fast and does not carry the training texts' words.

* :func:`hashed_tfidf` -- word or character n-gram tf-idf as a two-step Pipeline;
* :class:`TextFeatures` -- a few dense features from framing's own lexicons (loaded terms, their
  weight, hedges, boosters) and the Pattern sentiment of TextBlob (polarity, subjectivity, the
  strongest subjective word), quotes and punctuation; stateless;
* :class:`WordBiasTagger` -- learns, from sentences whose biased words are marked (BABE's
  ``biased_words``), how likely each word is to be marked; gives each sentence the strongest of
  its words' probabilities and a few summaries of them.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from scipy.special import expit
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.utils.validation import check_is_fitted, validate_data

from framing.annotate.sentiment import pattern_lexicon, pattern_sentiment
from framing.errors import ModelError
from framing.lexicon.matcher import Matcher, compile_matcher
from framing.lexicon.normalize import normalize_chars, word_text
from framing.lexicon.registry import load_lexicons

__all__ = [
    "TEXT_FEATURES",
    "ModelInputError",
    "TextFeatures",
    "WordBiasTagger",
    "check_texts",
    "hashed_tfidf",
    "words",
]

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


class ModelInputError(ModelError, ValueError):
    """Data an estimator cannot use: not a list of texts, one class only, mismatched lengths."""


def words(text: str) -> list[str]:
    """The lowercased words of `text` (letters, with an inner apostrophe: "doesn't")."""
    return [w.lower().replace("’", "'") for w in _WORD_RE.findall(text)]


def check_texts(X: Any, name: str = "X") -> list[str]:
    """`X` as a list of str; a single string or non-text items are an error."""
    if isinstance(X, (str, bytes)):
        raise ModelInputError(f"{name} must be a list of texts, not a single string")
    try:
        texts = list(X)
    except TypeError:
        raise ModelInputError(f"{name} must be a list of texts") from None
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            raise ModelInputError(f"{name}[{i}] is a {type(t).__name__}, not a text")
    return texts


def hashed_tfidf(kind: str, n_features: int) -> Pipeline:
    """Sublinear tf-idf over hashed n-grams: ``"word"`` 1-2-grams or ``"char"`` 2-5-grams
    (within word boundaries), L2-normalized rows."""
    if kind == "word":
        hashing = HashingVectorizer(
            ngram_range=(1, 2), n_features=n_features, alternate_sign=False, norm=None
        )
    elif kind == "char":
        hashing = HashingVectorizer(
            analyzer="char_wb",
            ngram_range=(2, 5),
            n_features=n_features,
            alternate_sign=False,
            norm=None,
        )
    else:
        raise ValueError(f"unknown n-gram kind {kind!r}")
    return Pipeline([("hash", hashing), ("tfidf", TfidfTransformer(sublinear_tf=True))])


def char_wb_counts(hashing: HashingVectorizer, texts: Sequence[str]) -> sp.csr_matrix:
    """``hashing.transform(texts)`` for a ``char_wb`` HashingVectorizer, computed per distinct
    whitespace token.

    ``char_wb`` n-grams never cross a token (each token is padded with spaces on its own), so a
    text's counts are the sum of its tokens' counts: hashing each distinct token of a batch once
    and adding them up gives exactly the same matrix, several times faster on many texts.
    """
    if hashing.analyzer != "char_wb" or hashing.norm is not None or hashing.alternate_sign:
        return hashing.transform(texts)
    index: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for i, text in enumerate(texts):
        for token in (text.lower() if hashing.lowercase else text).split():
            rows.append(i)
            cols.append(index.setdefault(token, len(index)))
    if not index:
        return sp.csr_matrix((len(texts), hashing.n_features), dtype=hashing.dtype)
    ones = np.ones(len(rows), dtype=hashing.dtype)
    tokens = sp.csr_matrix((ones, (rows, cols)), shape=(len(texts), len(index)))
    result: sp.csr_matrix = (tokens @ _token_rows(hashing, list(index))).tocsr()
    result.sort_indices()
    return result


#: token -> (column indices, counts) of its char_wb n-grams, per hashing configuration; shared
#: by all models of a process (the same token hashes the same way), bounded.
_TOKEN_ROWS: dict[tuple[Any, ...], dict[str, tuple[NDArray[Any], NDArray[Any]]]] = {}
_TOKEN_CACHE_SIZE = 200_000


def _token_rows(hashing: HashingVectorizer, tokens: list[str]) -> sp.csr_matrix:
    """``hashing.transform(tokens)``, with each token's row remembered across calls."""
    key = (hashing.n_features, hashing.ngram_range, hashing.lowercase, str(hashing.dtype))
    cache = _TOKEN_ROWS.setdefault(key, {})
    missing = [t for t in tokens if t not in cache]
    if missing:
        if len(cache) + len(missing) > _TOKEN_CACHE_SIZE:
            cache.clear()
        fresh = hashing.transform(missing).tocsr()
        fresh.sort_indices()
        for i, token in enumerate(missing):
            lo, hi = fresh.indptr[i], fresh.indptr[i + 1]
            cache[token] = (fresh.indices[lo:hi].copy(), fresh.data[lo:hi].copy())
    rows = [cache[t] for t in tokens]
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum([len(r[0]) for r in rows], out=indptr[1:])
    indices = np.concatenate([r[0] for r in rows])
    data = np.concatenate([r[1] for r in rows])
    return sp.csr_matrix((data, indices, indptr), shape=(len(rows), hashing.n_features))


def predict_positive(model: Pipeline, texts: Sequence[str]) -> NDArray[np.float64]:
    """P(class 1) of a ``hashed_tfidf`` + logistic regression Pipeline (fast ``char_wb`` path)."""
    hashing = model.named_steps["tfidf"].named_steps["hash"]
    counts = char_wb_counts(hashing, texts)
    features = model.named_steps["tfidf"].named_steps["tfidf"].transform(counts)
    return linear_positive(model.named_steps["lr"], features)


def linear_positive(model: LogisticRegression, X: Any) -> NDArray[np.float64]:
    """P(class 1) of a fitted binary logistic regression: ``expit(X w + b)``, computed directly
    (scikit-learn's checks cost more than the product on a handful of sentences)."""
    scores = np.asarray(X @ model.coef_.T, dtype=np.float64).ravel() + float(model.intercept_[0])
    proba: NDArray[np.float64] = expit(scores)
    return proba


def compact_linear(model: LogisticRegression) -> LogisticRegression:
    """Store a fitted logistic regression's weights as float32 (half the size on disk; the
    predicted probabilities change by less than 1e-6)."""
    model.coef_ = model.coef_.astype(np.float32)
    return model


# --- Lexicon and sentiment features ---------------------------------------------------------------

#: Names of the columns :class:`TextFeatures` gives, in order.
TEXT_FEATURES: tuple[str, ...] = (
    "polarity",
    "abs_polarity",
    "subjectivity",
    "sentiment_words",
    "max_word_subjectivity",
    "strongly_subjective_words",
    "max_word_abs_polarity",
    "loaded_terms",
    "loaded_weight",
    "hedges",
    "boosters",
    "quote_marks",
    "exclamations",
    "questions",
    "log_words",
)


@functools.cache
def _matcher() -> Matcher:
    return compile_matcher(load_lexicons())


def _lexicon_counts(text: str) -> tuple[int, float, int, int]:
    """Loaded terms, their summed weight, hedges and boosters in `text` (one sentence)."""
    opening = next((i for i, c in enumerate(text) if c.isalnum()), 0)
    loaded, weight, hedges, boosters = 0, 0.0, 0, 0
    for hit in _matcher().find(text, frozenset((opening,)), word_text(normalize_chars(text))):
        entry = hit.entry
        if entry.loaded:
            loaded += 1
            weight += entry.weight
        elif entry.category == "hedge":
            hedges += 1
        elif entry.category == "booster":
            boosters += 1
    return loaded, weight, hedges, boosters


def text_features(text: str, *, lexicons: bool = True) -> list[float]:
    """The :data:`TEXT_FEATURES` of one text."""
    table = pattern_lexicon()
    score = pattern_sentiment(text)
    ws = words(text)
    subjectivity = 0.0
    polarity = 0.0
    strong = 0
    for w in ws:
        entry = table.get(w)
        if entry is not None:
            subjectivity = max(subjectivity, entry.subjectivity)
            polarity = max(polarity, abs(entry.polarity))
            strong += entry.subjectivity > 0.5
    lex = _lexicon_counts(text) if lexicons and text.strip() else (0, 0.0, 0, 0)
    return [
        score.polarity,
        abs(score.polarity),
        score.subjectivity,
        float(score.assessed),
        subjectivity,
        float(strong),
        polarity,
        float(lex[0]),
        lex[1],
        float(lex[2]),
        float(lex[3]),
        float(sum(text.count(q) for q in '"“”')),
        float(text.count("!")),
        float(text.count("?")),
        math.log1p(len(ws)),
    ]


class TextFeatures(TransformerMixin, BaseEstimator):
    """Dense, stateless features of each text (see :data:`TEXT_FEATURES`).

    Sentiment is TextBlob's Pattern lexicon (computed by :mod:`framing.annotate.sentiment`); loaded
    terms, hedges and boosters come from framing's packaged lexicons (``lexicons=False`` leaves
    them out, for lexicon-independent models).
    """

    def __init__(self, lexicons: bool = True) -> None:
        self.lexicons = lexicons

    def fit(self, X: Any, y: Any = None) -> TextFeatures:
        validate_data(self, X=check_texts(X), skip_check_array=True)
        self.n_output_features_ = len(TEXT_FEATURES)
        return self

    def transform(self, X: Any) -> NDArray[np.float64]:
        check_is_fitted(self)
        texts = check_texts(X)
        out = np.zeros((len(texts), len(TEXT_FEATURES)))
        for i, text in enumerate(texts):
            out[i] = text_features(text, lexicons=self.lexicons)
        return out

    def get_feature_names_out(self, input_features: Any = None) -> NDArray[np.object_]:
        return np.asarray(TEXT_FEATURES, dtype=object)

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        tags.requires_fit = False
        return tags


# --- Word-level supervision -----------------------------------------------------------------

#: Names of the columns :meth:`WordBiasTagger.transform` gives, in order.
WORD_BIAS_FEATURES: tuple[str, ...] = (
    "max_word_bias",
    "top2_word_bias",
    "top3_word_bias",
    "sum_word_bias",
    "words_over_half",
    "any_word_bias",
)


def word_labels(texts: Sequence[str], marked: Sequence[Iterable[str]]) -> list[list[int]]:
    """For each text, 1 for each of its :func:`words` that is among its marked words, else 0.

    Marked items may be phrases ("white supremacist"): each of their words counts.
    """
    out = []
    for text, items in zip(texts, marked, strict=True):
        chosen = {w for item in items for w in words(str(item))}
        out.append([int(w in chosen) for w in words(text)])
    return out


class WordBiasTagger(BaseEstimator):
    """Word-level supervision: how likely a word is to be marked as biased.

    Fit on sentences and, for each, the words annotators marked as biased. A logistic
    regression over the word itself and its character 2-5-grams (hashed) and its Pattern
    subjectivity and polarity predicts whether a word occurrence is marked, so words never
    marked in training but built like marked ones ("-ist", "radical-") still score.
    :meth:`transform` turns a sentence into :data:`WORD_BIAS_FEATURES`.
    """

    def __init__(self, C: float = 10.0, n_features: int = 2**17) -> None:
        self.C = C
        self.n_features = n_features

    def _vectorizers(self) -> tuple[HashingVectorizer, HashingVectorizer]:
        whole = HashingVectorizer(
            analyzer="word",
            token_pattern=r"\S+",
            lowercase=False,
            n_features=self.n_features,
            alternate_sign=False,
            norm=None,
        )
        chars = HashingVectorizer(
            analyzer="char_wb",
            ngram_range=(2, 5),
            lowercase=False,
            n_features=self.n_features,
            alternate_sign=False,
        )
        return whole, chars

    def _design(self, vocab: Sequence[str]) -> sp.csr_matrix:
        table = pattern_lexicon()
        whole, chars = self._vectorizers()
        dense = np.zeros((len(vocab), 3))
        for i, w in enumerate(vocab):
            entry = table.get(w)
            if entry is not None:
                dense[i] = (abs(entry.polarity), entry.subjectivity, 1.0)
        return sp.hstack(
            [whole.transform(vocab), chars.transform(vocab), sp.csr_matrix(dense)], format="csr"
        )

    def fit(self, X: Any, marked: Sequence[Iterable[str]]) -> WordBiasTagger:
        texts = check_texts(X)
        validate_data(self, X=texts, skip_check_array=True)
        if len(marked) != len(texts):
            raise ModelInputError(
                f"{len(texts)} texts but {len(marked)} lists of marked words; give one per text"
            )
        labels = word_labels(texts, marked)
        self.__dict__.pop("_word_cache", None)
        vocab: dict[str, int] = {}
        rows, ys = [], []
        for text, labs in zip(texts, labels, strict=True):
            for w, lab in zip(words(text), labs, strict=True):
                rows.append(vocab.setdefault(w, len(vocab)))
                ys.append(lab)
        if len(set(ys)) < 2:
            raise ModelInputError(
                "word-level supervision needs some marked and some unmarked words; "
                "check the biased-words column"
            )
        design = self._design(list(vocab))[np.asarray(rows)]
        model = LogisticRegression(C=self.C, max_iter=3000)
        self.model_ = compact_linear(model.fit(design, np.asarray(ys)))
        return self

    def word_probabilities(self, vocab: Sequence[str]) -> NDArray[np.float64]:
        """P(marked as biased) for each (lowercased) word."""
        check_is_fitted(self)
        if not len(vocab):
            return np.zeros(0)
        cache = self.__dict__.setdefault("_word_cache", {})
        missing = [w for w in dict.fromkeys(vocab) if w not in cache]
        if missing:
            if len(cache) + len(missing) > _TOKEN_CACHE_SIZE:
                cache.clear()
            cache.update(
                zip(missing, linear_positive(self.model_, self._design(missing)), strict=True)
            )
        return np.array([cache[w] for w in vocab], dtype=np.float64)

    def __getstate__(self) -> dict[str, Any]:
        state: dict[str, Any] = super().__getstate__()
        state.pop("_word_cache", None)  # derived from the weights; never saved
        return state

    def transform(self, X: Any) -> NDArray[np.float64]:
        check_is_fitted(self)
        tokenized = [words(t) for t in check_texts(X)]
        vocab = sorted({w for ws in tokenized for w in ws})
        proba = dict(zip(vocab, self.word_probabilities(vocab).tolist(), strict=True))
        out = np.zeros((len(tokenized), len(WORD_BIAS_FEATURES)))
        for i, ws in enumerate(tokenized):
            if not ws:
                continue
            q = sorted((proba[w] for w in ws), reverse=True)
            out[i] = (
                q[0],
                sum(q[:2]) / len(q[:2]),
                sum(q[:3]) / len(q[:3]),
                sum(q),
                float(sum(p > 0.5 for p in q)),
                1.0 - math.prod(1.0 - p for p in q),
            )
        return out

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        return tags
