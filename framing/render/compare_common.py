"""Display rows shared by the terminal, Markdown and HTML views of a comparison.

Pure functions of a :class:`~framing.compare.Comparison`'s tables: rounding happens here, at
display time, never in the tables themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from framing.compare import records

if TYPE_CHECKING:
    from framing.compare import Comparison

__all__ = ["VOICE_TAGS", "actor_rows", "format_score", "label_cell", "score_rows", "term_rows"]

VOICE_TAGS = {"author": "own", "quote": "quote", "attributed": "reported"}
_PERCENT = frozenset({"quoted_share", "attributed_share"})
_SIGNED = frozenset({"balance_author", "balance_all", "polarity", "vader"})
_COUNTS = frozenset({"hedges", "boosters", "anonymous_sources", "speakers", "words"})


def label_cell(row: dict[str, Any], side: str) -> str:
    """ "rebel ×3 (own)", "freedom fighter ×1 (quote: Dana Ilic)" """
    tag = VOICE_TAGS.get(row["voice"], row["voice"])
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


def format_score(measure: str, value: float) -> str:
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
        if r["measure"] in _COUNTS or r["measure"] in _PERCENT:
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
