"""A comparison in the terminal: the summary and rich tables that fit 100 columns.

Draws :func:`~framing.render.compare.common.comparison_context`, as the Markdown and HTML views do.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from framing.compare.comparison import Comparison
from framing.render.compare.common import VOICE_NOTE, comparison_context
from framing.render.numbers import number

__all__ = ["comparison_renderable"]


def _actor_table(view: dict[str, Any], limit: int = 15) -> Table:
    first, second = view["names"]
    table = Table(title="Who is called what", title_justify="left", show_lines=True)
    table.add_column("Actor", ratio=2, overflow="fold")
    table.add_column(f"Labels in {first}", ratio=3, overflow="fold")
    table.add_column(f"Labels in {second}", ratio=3, overflow="fold")
    rows = view["actors"]
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


def _term_table(view: dict[str, Any], limit: int = 15) -> Table:
    first, second = view["names"]
    table = Table(title="Word choice (largest difference first)", title_justify="left")
    table.add_column("Term", overflow="fold")
    table.add_column("Category", overflow="ellipsis", max_width=18)
    table.add_column("Dir.")
    table.add_column(first, justify="right", overflow="fold")
    table.add_column(second, justify="right", overflow="fold")
    table.add_column("Diff. per 1k", justify="right")
    rows = view["terms"]
    for r in rows[:limit]:
        table.add_row(
            r["term"] + ("" if r["loaded"] else " °"),
            r["category"],
            r["direction"][:5],
            f"{r['a']} ({r['a_author']} own)",
            f"{r['b']} ({r['b_author']} own)",
            number(r["difference"], "+.1f"),
        )
    note = "° context word, not loaded; Diff. = first minus second, per 1,000 words"
    if len(rows) > limit:
        note += f"; {len(rows) - limit} more terms in --format json or html"
    table.caption = note
    return table


def _side_by_side(
    title: str, names: tuple[str, str], rows: list[dict[str, str]], *, first: str = "Measure"
) -> Table:
    """Measures (or frames) of the two articles side by side, with the difference; frame rows
    add the article they are predicted in."""
    table = Table(title=title, title_justify="left")
    table.add_column(first, overflow="fold")
    table.add_column(names[0], justify="right", overflow="fold")
    table.add_column(names[1], justify="right", overflow="fold")
    table.add_column("Difference", justify="right")
    extra = rows and "predicted" in rows[0]
    if extra:
        table.add_column("Predicted in", overflow="fold")
    for r in rows:
        cells = [r["label"], r["a"], r["b"], r["difference"]]
        table.add_row(*cells, *([r["predicted"]] if extra else []))
    return table


def _speaker_table(view: dict[str, Any]) -> Table:
    table = Table(title="Speakers quoted or cited", title_justify="left")
    table.add_column("Article", overflow="fold")
    table.add_column("Speaker", overflow="fold")
    table.add_column("Speaks for", overflow="fold")
    table.add_column("Quotes", justify="right")
    table.add_column("Reported", justify="right")
    rows = view["speaker_rows"]
    for name, speaker, side, quotes, reported in rows:
        table.add_row(name, speaker, side, str(quotes), str(reported))
    if not rows:
        table.add_row("—", "no speakers found", "", "", "")
    return table


def _model_parts(view: dict[str, Any]) -> list[Table | Text]:
    model = view["model"]
    if model is None:
        return []
    parts: list[Table | Text] = []
    if model["frames"]:
        frames = _side_by_side(
            "Frames (model estimates)", view["names"], model["frames"], first="Frame"
        )
        frames.caption = "Probability of each frame; largest difference first"
        parts += [frames, Text()]
    if model["bias"]:
        parts += [_side_by_side("Sentence bias (model estimates)", view["names"], model["bias"])]
        parts += [Text()]
    if parts:
        parts.insert(len(parts) - 1, Text(model["note"], style="dim"))
    return parts


def comparison_renderable(c: Comparison) -> Group:
    """Everything `framing compare` prints in text format."""
    view = comparison_context(c)
    first, second = view["names"]
    summary = Text()
    for sentence in view["summary"]:
        summary.append("• ")
        summary.append(sentence + "\n")
    return Group(
        Text(f"framing compare: {first} / {second}", style="bold"),
        Text(),
        summary,
        _actor_table(view),
        Text(f"{VOICE_NOTE} Bold actors are labelled differently.", style="dim"),
        Text(),
        _term_table(view),
        Text(),
        _side_by_side("Scores side by side", view["names"], view["scores"]),
        Text(),
        *_model_parts(view),
        _speaker_table(view),
        Text("The articles side by side, highlighted: --format html.", style="dim"),
    )
