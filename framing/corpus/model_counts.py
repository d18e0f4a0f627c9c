"""Model outputs in the report's count records: frame probabilities and sentence-bias tallies.

A document's :class:`~framing.models.outputs.ModelOutputs` reduce to a :class:`ModelRecord`:
each frame's probability and whether it was predicted, and per voice the number of sentences,
how many are predicted biased and the sum of their bias probabilities. Part of a
:class:`~framing.corpus.counts.DocCounts` (cached with it); :class:`ModelCounts` accumulates
records in
a :class:`~framing.corpus.counts.CorpusCounts` and hands the statistics a :class:`ModelTables`.
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from framing.models.outputs import BIAS_VOICES, bias_by_voice

if TYPE_CHECKING:
    from framing.annotate.voice import VoiceLayer
    from framing.models.outputs import ModelOutputs

__all__ = ["ModelCounts", "ModelRecord", "ModelTables"]


@dataclass(frozen=True, slots=True)
class ModelRecord:
    """What a report keeps of one document's model outputs.

    frames: (frame, probability, predicted) in the model's order (empty without the frame model);
    bias: per voice of :data:`~framing.models.outputs.BIAS_VOICES`, (sentences, predicted
    biased, sum of bias probabilities) (empty without the bias model).
    """

    frames: tuple[tuple[str, float, bool], ...] = ()
    bias: tuple[tuple[int, int, float], ...] = ()

    @classmethod
    def from_outputs(cls, outputs: ModelOutputs, voices: VoiceLayer) -> ModelRecord:
        predicted = set(outputs.predicted)
        frames = tuple((name, float(p), name in predicted) for name, p in outputs.frames)
        bias: tuple[tuple[int, int, float], ...] = ()
        if "bias" in dict(outputs.versions):
            tally = bias_by_voice(outputs, voices)
            bias = tuple(
                (tally[v].sentences, tally[v].biased, tally[v].probability) for v in BIAS_VOICES
            )
        return cls(frames, bias)

    def to_json(self) -> dict[str, Any]:
        return {
            "f": [[name, p, int(k)] for name, p, k in self.frames],
            "b": [list(x) for x in self.bias],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ModelRecord:
        return cls(
            tuple((str(n), float(p), bool(k)) for n, p, k in data.get("f", [])),
            tuple((int(n), int(k), float(p)) for n, k, p in data.get("b", [])),
        )


@dataclass(frozen=True)
class ModelTables:
    """Per-document model outputs as arrays, rows in corpus order (as :class:`CountTables`).

    ``probability`` and ``predicted`` are documents x frames (NaN where a document has no frame
    output, ``has_frames`` False); ``bias`` is documents x voices x (sentences, biased,
    probability sum), voices in :data:`~framing.models.outputs.BIAS_VOICES` order (zeros where a
    document has no bias output, ``has_bias`` False).
    """

    frames: tuple[str, ...]
    probability: np.ndarray
    predicted: np.ndarray
    has_frames: np.ndarray
    bias: np.ndarray
    has_bias: np.ndarray

    @property
    def any_frames(self) -> bool:
        return bool(self.frames) and bool(self.has_frames.any())

    @property
    def any_bias(self) -> bool:
        return bool(self.has_bias.any())


class ModelCounts:
    """Accumulates :class:`ModelRecord` s by row; mergeable, like :class:`CorpusCounts`."""

    def __init__(self) -> None:
        self.frames: dict[str, int] = {}
        self._frame_rows: array[int] = array("q")
        self._frame_ids: array[int] = array("i")
        self._frame_p: array[float] = array("d")
        self._frame_k: array[int] = array("b")
        self._bias_rows: array[int] = array("q")
        self._bias: array[float] = array("d")
        self._frame_docs: array[int] = array("q")

    def __bool__(self) -> bool:
        """Whether any document had model outputs."""
        return bool(len(self._frame_docs) or len(self._bias_rows))

    def add(self, row: int, record: ModelRecord | None) -> None:
        """Add the record of the document in accumulator row `row` (None: no model outputs)."""
        if record is None:
            return
        if record.frames:
            self._frame_docs.append(row)
        for name, p, chosen in record.frames:
            fid = self.frames.setdefault(name, len(self.frames))
            self._frame_rows.append(row)
            self._frame_ids.append(fid)
            self._frame_p.append(p)
            self._frame_k.append(int(chosen))
        if len(record.bias) == len(BIAS_VOICES):
            self._bias_rows.append(row)
            for n, k, total in record.bias:
                self._bias.extend((float(n), float(k), total))

    def merge(self, other: ModelCounts, offset: int) -> None:
        """Add `other`'s records; its rows follow this accumulator's first `offset` rows."""
        fmap = {
            fid: self.frames.setdefault(name, len(self.frames))
            for name, fid in other.frames.items()
        }
        self._frame_rows.extend(r + offset for r in other._frame_rows)
        self._frame_ids.extend(fmap[f] for f in other._frame_ids)
        self._frame_p.extend(other._frame_p)
        self._frame_k.extend(other._frame_k)
        self._frame_docs.extend(r + offset for r in other._frame_docs)
        self._bias_rows.extend(r + offset for r in other._bias_rows)
        self._bias.extend(other._bias)

    def tables(self, inverse: np.ndarray) -> ModelTables:
        """Arrays with rows in corpus order; `inverse` maps an accumulator row to its new row."""
        n, width = len(inverse), len(self.frames)
        probability = np.full((n, width), np.nan)
        predicted = np.full((n, width), np.nan)
        has_frames = np.zeros(n, dtype=bool)
        if len(self._frame_rows):
            rows = inverse[np.frombuffer(self._frame_rows, dtype=np.int64)]
            cols = np.frombuffer(self._frame_ids, dtype=np.int32)
            probability[rows, cols] = np.frombuffer(self._frame_p, dtype=float)
            predicted[rows, cols] = np.frombuffer(self._frame_k, dtype=np.int8)
            has_frames[inverse[np.frombuffer(self._frame_docs, dtype=np.int64)]] = True
        bias = np.zeros((n, len(BIAS_VOICES), 3))
        has_bias = np.zeros(n, dtype=bool)
        if len(self._bias_rows):
            rows = inverse[np.frombuffer(self._bias_rows, dtype=np.int64)]
            values = np.frombuffer(self._bias, dtype=float).reshape(-1, len(BIAS_VOICES), 3)
            bias[rows] = values
            has_bias[rows] = True
        return ModelTables(tuple(self.frames), probability, predicted, has_frames, bias, has_bias)
