"""A comparison in the terminal: the summary and rich tables that fit 100 columns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text

from framing.compare.tables import records
from framing.render.compare.common import (
    actor_rows,
    bias_rows,
    frame_rows,
    model_note,
    score_rows,
    term_rows,
)

if TYPE_CHECKING:
    from framing.compare.comparison import Comparison

__all__ = ["comparison_renderable"]


def _actor_table(c: Comparison, limit: int = 15) -> Table:
    first, second = c.names
    table = Table(title="Who is called what", title_justify="left", show_lines=True)
    table.add_column("Actor", ratio=2, overflow="fold")
    table.add_column(f"Labels in {first}", ratio=3, overflow="fold")
    table.add_column(f"Labels in {second}", ratio=3, overflow="fold")
    rows = actor_rows(c)
    for row in rows[:limit]:
        style = "bold" if row["differs"] else ""
        table.add_row(
            Text(row["actor"], style=style), "\n".join(row["a"]) or "—", "\n".join(row["b"]) or "—"
        )
    if not rows:
        table.add_row("no labelled actors found", "", "")
    elif len(rows) > limit:
        table.caption = f"{len(rows) - limit} more actors: use --format json or html for all"
    return table


def _term_table(c: Comparison, limit: int = 15) -> Table:
    first, second = c.names
    table = Table(title="Word choice (largest difference first)", title_justify="left")
    table.add_column("Term", overflow="fold")
    table.add_column("Category", overflow="ellipsis", max_width=18)
    table.add_column("Dir.")
    table.add_column(first, justify="right", overflow="fold")
    table.add_column(second, justify="right", overflow="fold")
    table.add_column("Diff. per 1k", justify="right")
    rows = term_rows(c)
    for r in rows[:limit]:
        table.add_row(
            r["term"] + ("" if r["loaded"] else " °"),
            r["category"],
            r["direction"][:5],
            f"{r['a']} ({r['a_author']} own)",
            f"{r['b']} ({r['b_author']} own)",
            f"{r['difference']:+.1f}",
        )
    note = "° context word, not loaded; Diff. = first minus second, per 1,000 words"
    if len(rows) > limit:
        note += f"; {len(rows) - limit} more terms in --format json or html"
    table.caption = note
    return table


def _score_table(c: Comparison) -> Table:
    first, second = c.names
    table = Table(title="Scores side by side", title_justify="left")
    table.add_column("Measure", overflow="fold")
    table.add_column(first, justify="right", overflow="fold")
    table.add_column(second, justify="right", overflow="fold")
    table.add_column("Difference", justify="right")
    for r in score_rows(c):
        table.add_row(r["label"], r["a"], r["b"], r["difference"])
    return table


def _speaker_table(c: Comparison) -> Table:
    table = Table(title="Speakers quoted or cited", title_justify="left")
    table.add_column("Article", overflow="fold")
    table.add_column("Speaker", overflow="fold")
    table.add_column("Speaks for", overflow="fold")
    table.add_column("Quotes", justify="right")
    table.add_column("Reported", justify="right")
    rows = records(c.speakers)
    for r in rows:
        name = c.names[0] if r["document"] == "a" else c.names[1]
        table.add_row(name, r["speaker"], r["side"] or "—", str(r["quotes"]), str(r["reported"]))
    if not rows:
        table.add_row("—", "no speakers found", "", "", "")
    return table


def _frame_table(c: Comparison) -> Table:
    first, second = c.names
    table = Table(title="Frames (model estimates)", title_justify="left")
    table.add_column("Frame", overflow="fold")
    table.add_column(first, justify="right", overflow="fold")
    table.add_column(second, justify="right", overflow="fold")
    table.add_column("Difference", justify="right")
    table.add_column("Predicted in", overflow="fold")
    for r in frame_rows(c):
        table.add_row(r["label"], r["a"], r["b"], r["difference"], r["predicted"])
    table.caption = "Probability of each frame; largest difference first"
    return table


def _bias_table(c: Comparison) -> Table:
    first, second = c.names
    table = Table(title="Sentence bias (model estimates)", title_justify="left")
    table.add_column("Measure", overflow="fold")
    table.add_column(first, justify="right", overflow="fold")
    table.add_column(second, justify="right", overflow="fold")
    table.add_column("Difference", justify="right")
    for r in bias_rows(c):
        table.add_row(r["label"], r["a"], r["b"], r["difference"])
    return table


def _model_parts(c: Comparison) -> list[Table | Text]:
    parts: list[Table | Text] = []
    if len(c.frames):
        parts += [_frame_table(c), Text()]
    if len(c.sentence_bias):
        parts += [_bias_table(c), Text()]
    if parts:
        parts.insert(len(parts) - 1, Text(model_note(c), style="dim"))
    return parts


def comparison_renderable(c: Comparison) -> Group:
    """Everything `framing compare` prints in text format."""
    first, second = c.names
    summary = Text()
    for sentence in c.summary:
        summary.append("• ")
        summary.append(sentence + "\n")
    return Group(
        Text(f"framing compare: {first} / {second}", style="bold"),
        Text(),
        summary,
        _actor_table(c),
        Text(
            "Voice: own = the outlet's own words; quote = direct quote; reported = reported "
            "speech. Bold actors are labelled differently.",
            style="dim",
        ),
        Text(),
        _term_table(c),
        Text(),
        _score_table(c),
        Text(),
        *_model_parts(c),
        _speaker_table(c),
        Text("The articles side by side, highlighted: --format html.", style="dim"),
    )
