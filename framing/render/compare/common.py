"""Display rows shared by the terminal, Markdown and HTML views of a comparison.

Pure functions of a :class:`~framing.compare.comparison.Comparison`'s tables: rounding happens
here, at display time, never in the tables themselves. :func:`comparison_context` gathers all of
it once; the terminal, Markdown and HTML views each draw that same context.
"""

from __future__ import annotations

from typing import Any

from framing.analysis import model_versions
from framing.annotate.voice import VOICE_NAMES
from framing.compare.comparison import Comparison
from framing.compare.tables import records
from framing.render.numbers import number

__all__ = [
    "VOICE_NOTE",
    "actor_rows",
    "bias_rows",
    "biased_sentences",
    "comparison_context",
    "format_score",
    "frame_rows",
    "label_cell",
    "model_note",
    "score_rows",
    "speaker_rows",
    "term_rows",
]

#: The note under the actor table: what the voice tags of :func:`label_cell` mean.
VOICE_NOTE = (
    "Voice: own = the outlet's own words; quote = direct quote; reported = reported speech."
)
_PERCENT = frozenset({"quoted_share", "attributed_share"})
_SIGNED = frozenset({"balance_author", "balance_all", "polarity", "vader"})
_COUNTS = frozenset({"hedges", "boosters", "anonymous_sources", "speakers", "words"})


def label_cell(row: dict[str, Any], side: str) -> str:
    """ "rebel ×3 (own)", "freedom fighter ×1 (quote: Dana Ilic)" """
    name = VOICE_NAMES.get(row["voice"])
    tag = name.tag if name is not None else row["voice"]
    who = f": {row['speaker']}" if row["speaker"] and row["voice"] != "author" else ""
    return f"{row['label']} ×{row[side]} ({tag}{who})"


def actor_rows(comparison: Comparison, limit: int | None = None) -> list[dict[str, Any]]:
    """One row per actor: its name and the labels each article gives it, most used first.

    Each row has ``key``, ``actor``, ``a`` and ``b`` (lists of cells as :func:`label_cell`
    writes them) and ``differs`` (whether the two lists name different labels).
    """
    out: dict[str, dict[str, Any]] = {}
    for row in records(comparison.labels):
        item = out.setdefault(
            row["key"], {"key": row["key"], "actor": row["actor"], "a": [], "b": [], "sets": {}}
        )
        for side in "ab":
            if row[side]:
                item[side].append((row[side], label_cell(row, side)))
                item["sets"].setdefault(side, set()).add(row["label"])
    rows = []
    for item in out.values():
        sets = item.pop("sets")
        for side in "ab":
            item[side] = [cell for _, cell in sorted(item[side], key=lambda x: (-x[0], x[1]))]
        item["differs"] = sets.get("a", set()) != sets.get("b", set())
        rows.append(item)
    return rows[:limit] if limit is not None else rows


def term_rows(comparison: Comparison, limit: int | None = None) -> list[dict[str, Any]]:
    """Terms that are not context markers and occur in either article, largest difference first."""
    rows = [r for r in records(comparison.terms) if not r["marker"]]
    return rows[:limit] if limit is not None else rows


def format_score(measure: str, value: float | None) -> str:
    """A score for reading (a rate over no words, None in the records, as missing)."""
    if value is None:
        return number(value)
    if measure in _PERCENT:
        return f"{100 * value:.0f}%"
    if measure in _SIGNED:
        return f"{value:+.2f}"
    if measure in _COUNTS:
        return f"{value:.0f}"
    return f"{value:.1f}" if measure.startswith("loaded_rate") else f"{value:.2f}"


def score_rows(comparison: Comparison) -> list[dict[str, str]]:
    """The scores side by side, formatted: label, meaning, a, b, difference."""
    out = []
    for r in records(comparison.scores):
        diff = format_score(r["measure"], r["difference"])
        if r["difference"] is not None and (r["measure"] in _COUNTS or r["measure"] in _PERCENT):
            diff = ("+" if r["difference"] > 0 else "") + diff
        out.append(
            {
                "measure": r["measure"],
                "label": r["label"],
                "meaning": r["meaning"],
                "a": format_score(r["measure"], r["a"]),
                "b": format_score(r["measure"], r["b"]),
                "difference": diff,
            }
        )
    return out


# --- model estimates (framing.compare.model_tables) ---

_BIAS_SHARES = frozenset({"biased_share", "author_biased_share"})


def _predicted_in(row: dict[str, Any], names: tuple[str, str]) -> str:
    if row["a_predicted"] and row["b_predicted"]:
        return "both"
    if row["a_predicted"] or row["b_predicted"]:
        return names[0] if row["a_predicted"] else names[1]
    return "—"


def frame_rows(comparison: Comparison) -> list[dict[str, str]]:
    """The frame table formatted: label, a, b, difference, predicted (in which article)."""
    return [
        {
            "label": r["label"],
            "a": f"{r['a']:.2f}",
            "b": f"{r['b']:.2f}",
            "difference": f"{r['difference']:+.2f}" if abs(r["difference"]) >= 0.005 else "0.00",
            "predicted": _predicted_in(r, comparison.names),
        }
        for r in records(comparison.frames)
    ]


def _bias_value(measure: str, value: float, signed: bool = False) -> str:
    sign = "+" if signed and value > 0 else ""
    if measure in _BIAS_SHARES:
        return f"{sign}{100 * value:.0f}%"
    if measure == "mean_probability":
        return f"{value:+.2f}" if signed else f"{value:.2f}"
    return f"{sign}{value:.0f}"


def bias_rows(comparison: Comparison) -> list[dict[str, str]]:
    """The sentence-bias table formatted: label, meaning, a, b, difference."""
    return [
        {
            "measure": r["measure"],
            "label": r["label"],
            "meaning": r["meaning"],
            "a": _bias_value(r["measure"], r["a"]),
            "b": _bias_value(r["measure"], r["b"]),
            "difference": _bias_value(r["measure"], r["difference"], signed=True),
        }
        for r in records(comparison.sentence_bias)
    ]


def biased_sentences(comparison: Comparison, k: int = 3) -> list[list[dict[str, Any]]]:
    """Per article, its `k` most probably biased sentences (predicted biased only).

    Each: ``text``, ``probability`` (formatted), ``voice`` (the voice's tag in
    :data:`~framing.annotate.voice.VOICE_NAMES`) and ``band`` (1-4, for tinting: 0.5-0.6,
    0.6-0.7, 0.7-0.85, 0.85 and over).
    """
    out = []
    for analysis in comparison.analyses:
        found = analysis.classifiers.sentences if analysis.classifiers is not None else ()
        top = sorted((s for s in found if s.biased), key=lambda s: -s.probability)[:k]
        voices = analysis.voices.dominant_voices([(s.start, s.end) for s in top])
        out.append(
            [
                {
                    "text": " ".join(analysis.text[s.start : s.end].split()),
                    "probability": f"{s.probability:.2f}",
                    "voice": VOICE_NAMES[voice].tag,
                    "band": 1 + sum(s.probability >= t for t in (0.6, 0.7, 0.85)),
                }
                for s, voice in zip(top, voices, strict=True)
            ]
        )
    return out


def model_note(comparison: Comparison) -> str:
    """The plain note under the model tables: what the numbers are, and the model versions."""
    versions = "; ".join(f"{k}: {v}" for k, v in comparison.classifier_versions.items())
    return (
        "Estimates of statistical classifiers (framing.models), not findings: see their model "
        f"cards for accuracy and limits. Models: {versions}."
    )


def speaker_rows(comparison: Comparison) -> list[tuple[str, str, str, int, int]]:
    """The speakers table for text views: article name, speaker, speaks for (or —), quotes,
    reported."""
    first, second = comparison.names
    return [
        (
            first if r["document"] == "a" else second,
            r["speaker"],
            r["side"] or "—",
            r["quotes"],
            r["reported"],
        )
        for r in records(comparison.speakers)
    ]


def model_context(comparison: Comparison) -> dict[str, Any] | None:
    """The model-estimates section (None when the comparison has no model outputs)."""
    if not (len(comparison.frames) or len(comparison.sentence_bias)):
        return None
    return {
        "frames": frame_rows(comparison),
        "bias": bias_rows(comparison),
        "sentences": biased_sentences(comparison) if len(comparison.sentence_bias) else [[], []],
        "note": model_note(comparison),
    }


def comparison_context(comparison: Comparison) -> dict[str, Any]:
    """Everything the views of a comparison show, formatted once: names, summary, the actor, term,
    category, score and speaker rows, the model section (or None) and the method notes."""
    first = comparison.analyses[0]
    return {
        "names": comparison.names,
        "summary": comparison.summary,
        "actors": actor_rows(comparison),
        "terms": term_rows(comparison),
        "categories": [r for r in records(comparison.categories) if not r["marker"]],
        "scores": score_rows(comparison),
        "speakers": records(comparison.speakers),
        "speaker_rows": speaker_rows(comparison),
        "model": model_context(comparison),
        "lexicons": comparison.lexicon_info(),
        "models": model_versions(first.options),
        "options": first.options.to_dict(),
        "sources": [a.document.source for a in comparison.analyses],
    }
