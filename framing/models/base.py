"""What framing's raw-text classifiers share: texts in, and scikit-learn's tags saying so.

:class:`~framing.models.bias.BiasSentenceClassifier` and
:class:`~framing.models.frames.FrameClassifier` take a list of texts (not a 2-D array), so
scikit-learn's common checks and meta-estimators see them as string-input estimators.
"""

from __future__ import annotations

from typing import Any

from sklearn.utils.validation import check_is_fitted, validate_data

from framing.models.features import check_texts

__all__ = ["TextEstimatorMixin"]


class TextEstimatorMixin:
    """Mixin (first in the bases, before scikit-learn's) for estimators of raw text."""

    def _fit_texts(self, X: Any) -> list[str]:
        """`X` as texts, validated for ``fit`` (records the number of inputs)."""
        texts = check_texts(X)
        validate_data(self, X=texts, skip_check_array=True)
        return texts

    def _fitted_texts(self, X: Any, name: str = "X") -> list[str]:
        """`X` as texts, for a fitted estimator (not fitted: scikit-learn's NotFittedError)."""
        check_is_fitted(self)
        return check_texts(X, name)

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()  # type: ignore[misc]
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        return tags
