"""Model outputs for one document: sentence bias probabilities and article frames.

:func:`predict_document` is what ``framing analyze`` (and, later, compare and report) call: it
takes a :class:`~framing.document.Document` (or anything with a ``document``, such as an
:class:`~framing.analysis.Analysis`, or text) and returns a small :class:`ModelOutputs` with a
JSON-safe :meth:`~ModelOutputs.to_dict`.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from framing.annotate.voice import VOICES
from framing.document import Document, to_document
from framing.models.persistence import ModelFile
from framing.models.registry import load_shipped

if TYPE_CHECKING:
    from framing.annotate.voice import VoiceLayer

__all__ = [
    "BIAS_VOICES",
    "BiasTally",
    "ModelOutputs",
    "SentenceBias",
    "bias_by_voice",
    "classify_sentences",
    "predict_document",
]

#: The voices sentence bias is tallied in (a sentence's voice is the one it is mostly in):
#: :data:`framing.annotate.voice.VOICES`.
BIAS_VOICES: tuple[str, ...] = VOICES


@dataclass(frozen=True)
class SentenceBias:
    """One sentence's bias probability; `start`/`end` are offsets into the document text."""

    index: int
    start: int
    end: int
    probability: float
    biased: bool

    def to_dict(self) -> dict[str, Any]:
        """The fields, with `index` written as ``sentence`` (first)."""
        out = {"sentence": self.index, **dataclasses.asdict(self)}
        del out["index"]
        return out


@dataclass(frozen=True)
class ModelOutputs:
    """What the classifiers say about one document.

    sentences: bias probability per sentence (empty when the bias model was off);
    frames: probability per frame (empty when the frame model was off), in the model's order;
    predicted: the predicted frames, most probable first;
    supporting: frame -> indices of the sentences that most support it (best first);
    versions: kind -> model version (name, version, SHA-256 prefix).
    """

    sentences: tuple[SentenceBias, ...] = ()
    frames: tuple[tuple[str, float], ...] = ()
    predicted: tuple[str, ...] = ()
    supporting: tuple[tuple[str, tuple[int, ...]], ...] = ()
    versions: tuple[tuple[str, str], ...] = ()

    @property
    def biased_share(self) -> float:
        """Share of the sentences classified Biased."""
        return (
            sum(s.biased for s in self.sentences) / len(self.sentences) if self.sentences else 0.0
        )

    @property
    def mean_bias(self) -> float:
        """Mean bias probability over the sentences."""
        if not self.sentences:
            return 0.0
        return sum(s.probability for s in self.sentences) / len(self.sentences)

    def summary_lines(self, text: str, *, width: int = 90) -> list[str]:
        """A few plain lines for reports: biased share, most biased sentences, frames."""

        def cut(s: str) -> str:
            s = " ".join(s.split())
            return s if len(s) <= width else s[: width - 3] + "..."

        versions = dict(self.versions)
        lines = []
        if self.sentences:
            n_biased = sum(s.biased for s in self.sentences)
            lines.append(
                f"Sentence bias ({versions.get('bias', 'model')}): {n_biased} of "
                f"{len(self.sentences)} sentences classified biased; mean probability "
                f"{self.mean_bias:.2f}"
            )
            top = sorted(self.sentences, key=lambda s: -s.probability)[:3]
            for s in top:
                if s.biased:
                    lines.append(f"  {s.probability:.2f} \u201c{cut(text[s.start : s.end])}\u201d")
        if self.frames:
            probability = dict(self.frames)
            shown = ", ".join(f"{f.replace('_', ' ')} {probability[f]:.2f}" for f in self.predicted)
            lines.append(f"Frames ({versions.get('frames', 'model')}): {shown or 'none'}")
        return lines

    def by_voice(self, voices: VoiceLayer) -> dict[str, BiasTally]:
        """Sentence bias tallied by the voice each sentence is mostly in (:func:`bias_by_voice`)."""
        return bias_by_voice(self, voices)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"versions": dict(self.versions)}
        if self.sentences:
            out["bias"] = {
                "biased_share": self.biased_share,
                "mean_probability": self.mean_bias,
                "sentences": [s.to_dict() for s in self.sentences],
            }
        if self.frames:
            out["frames"] = {
                "probabilities": dict(self.frames),
                "predicted": list(self.predicted),
                "supporting_sentences": {f: list(ix) for f, ix in self.supporting},
            }
        return out


class BiasTally(NamedTuple):
    """Sentences, how many are predicted biased, and the sum of their bias probabilities."""

    sentences: int = 0
    biased: int = 0
    probability: float = 0.0


def bias_by_voice(outputs: ModelOutputs, voices: VoiceLayer) -> dict[str, BiasTally]:
    """Sentence bias tallied by the voice each sentence is mostly in (see :data:`BIAS_VOICES`).

    `voices` is the document's voice layer (``Analysis.voices``); a sentence's voice is the one it
    is mostly in (:meth:`~framing.annotate.voice.VoiceLayer.dominant_voices`: ``quote`` or
    ``attributed``
    when direct quotes or reported speech hold at least a third of it, else ``author``).
    """
    spans = [(s.start, s.end) for s in outputs.sentences]
    tallies = {v: [0, 0, 0.0] for v in BIAS_VOICES}
    for s, voice in zip(outputs.sentences, voices.dominant_voices(spans), strict=True):
        slot = tallies[voice]
        slot[0] += 1
        slot[1] += int(s.biased)
        slot[2] += s.probability
    return {v: BiasTally(int(n), int(k), float(p)) for v, (n, k, p) in tallies.items()}


def classify_sentences(sentences: list[str], model: ModelFile | None = None) -> list[float]:
    """Bias probability of each sentence (the shipped model unless `model` is given)."""
    m = model or load_shipped("bias")
    return [float(p) for p in m.estimator.bias_probability(sentences)]


def predict_document(
    source: Document | str | os.PathLike[str],
    *,
    bias: bool | ModelFile = True,
    frames: bool | ModelFile = True,
    supporting: int = 2,
) -> ModelOutputs:
    """Sentence bias and frames of a Document (or a path, or text) with the shipped models.

    An :class:`~framing.analysis.Analysis` also works: its Document is used.

    Pass a loaded :class:`~framing.models.persistence.ModelFile` as `bias`/`frames` to use your
    own model, or False to skip one. Sentences are the document's own (offsets into its text).
    """
    document = to_document(getattr(source, "document", source))
    text = document.text
    spans = list(document.sentences)
    sentence_texts = [text[s:e] for s, e in spans]
    versions: list[tuple[str, str]] = []
    sentences: tuple[SentenceBias, ...] = ()
    if bias is not False:
        model = bias if isinstance(bias, ModelFile) else load_shipped("bias")
        versions.append(("bias", model.version))
        estimator = model.estimator
        proba = estimator.bias_probability(sentence_texts) if sentence_texts else np.zeros(0)
        threshold = float(estimator.threshold_)
        sentences = tuple(
            SentenceBias(i, s, e, float(p), bool(p >= threshold))
            for i, ((s, e), p) in enumerate(zip(spans, proba, strict=True))
        )
    frame_items: tuple[tuple[str, float], ...] = ()
    predicted: tuple[str, ...] = ()
    support: list[tuple[str, tuple[int, ...]]] = []
    if frames is not False:
        model = frames if isinstance(frames, ModelFile) else load_shipped("frames")
        versions.append(("frames", model.version))
        estimator = model.estimator
        proba = estimator.predict_proba([text])[0]
        names = [str(c) for c in estimator.classes_]
        frame_items = tuple((n, float(p)) for n, p in zip(names, proba, strict=True))
        decided = estimator.decide(proba[None, :])[0]
        order = np.argsort(-proba, kind="stable")
        predicted = tuple(names[j] for j in order if decided[j])
        if predicted and sentence_texts and supporting > 0:
            scores = estimator.sentence_scores(sentence_texts)
            for name in predicted:
                column = scores[:, names.index(name)]
                best = np.argsort(-column, kind="stable")[:supporting]
                support.append((name, tuple(int(i) for i in best if column[i] > 0)))
    return ModelOutputs(sentences, frame_items, predicted, tuple(support), tuple(versions))
