"""The classifiers' view of two articles: frame probabilities and sentence bias side by side.

Used by :class:`~framing.compare.comparison.Comparison` (``frames``, ``sentence_bias`` and the
last lines of ``summary``) when both analyses carry model outputs
(``AnalysisOptions(models=True)``). The functions take the two analyses, or the tables built from
them, never the Comparison. The numbers are estimates of statistical models
(:mod:`framing.models`, see their model cards), not findings; the summary lines say so and appear
only when a difference is large.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from framing.annotate.voice import VOICES
from framing.compare.tables import SIDE_BY_SIDE_COLUMNS, records, side_by_side

if TYPE_CHECKING:
    import pandas as pd

    from framing.analysis import Analysis

__all__ = [
    "BIAS_COLUMNS",
    "BIAS_MEASURES",
    "FRAME_COLUMNS",
    "bias_table",
    "bias_values",
    "classifier_versions",
    "frame_label",
    "frame_table",
    "has_model",
    "model_summary",
]

FRAME_COLUMNS = ["frame", "label", "a", "b", "difference", "a_predicted", "b_predicted"]
BIAS_COLUMNS = SIDE_BY_SIDE_COLUMNS
#: The sentence-bias measures compared side by side: (key, label, what it means).
BIAS_MEASURES: tuple[tuple[str, str, str], ...] = (
    ("sentences", "Sentences", "all sentences of the article"),
    ("biased", "Sentences predicted biased", "bias probability at or above the model's threshold"),
    ("biased_share", "Share of sentences predicted biased", "0 to 1"),
    ("mean_probability", "Mean bias probability", "0 to 1, mean over sentences"),
    ("biased_author", "Predicted biased, mostly own voice", "the outlet's narration"),
    ("biased_quote", "Predicted biased, mostly direct quotes", "words of people quoted"),
    ("biased_attributed", "Predicted biased, mostly reported speech", "'X said that ...'"),
    ("author_biased_share", "Share of own-voice sentences predicted biased", "0 to 1"),
)
#: A summary line needs at least this difference in frame probability (and a different
#: prediction), or in the share of sentences predicted biased.
FRAME_GAP, BIAS_GAP = 0.3, 0.2


def frame_label(name: str) -> str:
    """ "Security_and_defense" -> "Security and defense" """
    return name.replace("_", " ")


def has_model(analyses: Sequence[Analysis], kind: str) -> bool:
    """Whether both articles carry outputs of the `kind` model ("bias" or "frames")."""
    return all(a.classifiers is not None and kind in dict(a.classifiers.versions) for a in analyses)


def classifier_versions(analyses: Sequence[Analysis]) -> dict[str, str]:
    """kind -> ``name version (sha256 prefix)`` of the models both articles were classified with."""
    first = analyses[0].classifiers
    return dict(first.versions) if first is not None else {}


def frame_table(analyses: Sequence[Analysis]) -> pd.DataFrame:
    """One row per frame: probability in A and B, A - B, and whether each predicts it.

    Largest absolute difference first (to two decimals; then the more probable frame). Empty
    (with the columns) without the frame model.
    """
    import pandas as pd  # pandas loads in about 0.3 s: only when a table is built

    if not has_model(analyses, "frames"):
        return pd.DataFrame(columns=FRAME_COLUMNS)
    outputs = [a.classifiers for a in analyses]
    probs = [dict(o.frames) for o in outputs if o is not None]
    predicted = [set(o.predicted) for o in outputs if o is not None]
    rows: list[dict[str, Any]] = [
        {
            "frame": name,
            "label": frame_label(name),
            "a": probs[0][name],
            "b": probs[1].get(name, 0.0),
            "difference": probs[0][name] - probs[1].get(name, 0.0),
            "a_predicted": name in predicted[0],
            "b_predicted": name in predicted[1],
        }
        for name in probs[0]
    ]
    # differences below 0.005 count as ties, which the more probable frame wins
    rows.sort(key=lambda r: (-round(abs(r["difference"]), 2), -max(r["a"], r["b"]), r["frame"]))
    return pd.DataFrame(rows, columns=FRAME_COLUMNS)


def bias_values(analysis: Analysis) -> dict[str, float]:
    """The sentence-bias measures of one analysed article (see :data:`BIAS_MEASURES`)."""
    out = analysis.classifiers
    if out is None or not out.sentences:
        return {key: 0.0 for key, _, _ in BIAS_MEASURES}
    tally = out.by_voice(analysis.voices)
    values: dict[str, float] = {
        "sentences": len(out.sentences),
        "biased": sum(s.biased for s in out.sentences),
        "biased_share": out.biased_share,
        "mean_probability": out.mean_bias,
    }
    for voice in VOICES:
        values[f"biased_{voice}"] = tally[voice].biased
    own = tally["author"]
    values["author_biased_share"] = own.biased / own.sentences if own.sentences else 0.0
    return values


def bias_table(analyses: Sequence[Analysis]) -> pd.DataFrame:
    """The sentence-bias measures side by side: measure, label, meaning, a, b, difference.

    Empty (with the columns) without the bias model.
    """
    import pandas as pd  # pandas loads in about 0.3 s: only when a table is built

    if not has_model(analyses, "bias"):
        return pd.DataFrame(columns=BIAS_COLUMNS)
    return side_by_side([bias_values(a) for a in analyses], BIAS_MEASURES)


def _frame_sentence(names: tuple[str, str], frames: pd.DataFrame) -> list[str]:
    first, second = names
    for r in records(frames):
        if r["a_predicted"] == r["b_predicted"] or abs(r["difference"]) < FRAME_GAP:
            continue
        only = first if r["a_predicted"] else second
        return [
            f"Model estimate: the frame classifier gives the {r['label']} frame a probability of "
            f"{r['a']:.2f} in {first} and {r['b']:.2f} in {second} (predicted for {only} only)."
        ]
    return []


def _bias_sentence(names: tuple[str, str], sentence_bias: pd.DataFrame) -> list[str]:
    v: dict[str, Any] = {r["measure"]: r for r in records(sentence_bias)}
    if not v or min(v["sentences"]["a"], v["sentences"]["b"]) < 3:
        return []
    if abs(v["biased_share"]["difference"]) < BIAS_GAP:
        return []

    def side(name: str, k: str) -> str:
        n, biased = v["sentences"][k], v["biased"][k]
        if not biased:
            return f"none of the {n:.0f} sentences of {name}"
        own = v["biased_author"][k]
        return f"{biased:.0f} of {n:.0f} sentences of {name} ({own:.0f} mostly in its own voice)"

    first, second = names
    return [
        f"Model estimate: the sentence-bias classifier marks {side(first, 'a')} and "
        f"{side(second, 'b')} as biased."
    ]


def model_summary(
    names: tuple[str, str], frames: pd.DataFrame, sentence_bias: pd.DataFrame
) -> list[str]:
    """At most two plain sentences on large differences in the model estimates (from the
    :func:`frame_table` and :func:`bias_table` of the two articles named `names`)."""
    return _frame_sentence(names, frames) + _bias_sentence(names, sentence_bias)
