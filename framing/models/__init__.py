"""Classifiers: sentence bias and news frames, as honest scikit-learn estimators.

>>> from framing.models import predict_document
>>> out = predict_document("Critics slammed the reckless plan.")        # doctest: +SKIP
>>> out.to_dict()["bias"]["sentences"][0]["probability"]                 # doctest: +SKIP

* :class:`BiasSentenceClassifier`: Biased / Non-biased sentences (trained on BABE);
* :class:`FrameClassifier`: the 14 Media Frames Corpus frames of an article (SemEval-2023);
* :func:`save_model` / :func:`load_model`: skops files with an explicit list of trusted types;
* :func:`load_shipped`: the models that ship with the package (checked against their SHA-256);
* :func:`predict_document`: both models on one document, as :class:`ModelOutputs`.
"""

from framing.models.bias import BiasSentenceClassifier
from framing.models.frames import FRAMES, FrameClassifier
from framing.models.outputs import ModelOutputs, SentenceBias, classify_sentences, predict_document
from framing.models.persistence import ModelFile, load_model, save_model
from framing.models.registry import load_shipped, shipped_available, shipped_versions

__all__ = [
    "FRAMES",
    "BiasSentenceClassifier",
    "FrameClassifier",
    "ModelFile",
    "ModelOutputs",
    "SentenceBias",
    "classify_sentences",
    "load_model",
    "load_shipped",
    "predict_document",
    "save_model",
    "shipped_available",
    "shipped_versions",
]
