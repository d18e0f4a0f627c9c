"""A comparison as Markdown: summary, tables, and both articles with loaded terms marked.

Draws :func:`~framing.render.compare.common.comparison_context`, as the terminal and HTML views
do.
"""

from __future__ import annotations

from typing import Any

from framing._version import __version__
from framing.compare.comparison import Comparison
from framing.render.compare.common import VOICE_NOTE, comparison_context
from framing.render.markdown import article_markdown, escape, table
from framing.render.numbers import number

__all__ = ["comparison_markdown"]


def _side_by_side(names: tuple[str, str], rows: list[dict[str, str]], first: str) -> str:
    """Measures (or frames, with the article they are predicted in) side by side."""
    extra = bool(rows) and "predicted" in rows[0]
    header = [first, *names, "difference", *(["predicted in"] if extra else [])]
    cells = [
        (r["label"], r["a"], r["b"], r["difference"], *([r["predicted"]] if extra else []))
        for r in rows
    ]
    return table(header, cells)


def _model_sections(view: dict[str, Any]) -> list[str]:
    """Frames and sentence bias side by side (model estimates), when the comparison has them."""
    model = view["model"]
    if model is None:
        return []
    out: list[str] = []
    if model["frames"]:
        out += ["", "## Frames (model estimates)", ""]
        out.append(_side_by_side(view["names"], model["frames"], "frame"))
    if model["bias"]:
        out += ["", "## Sentence bias (model estimates)", ""]
        out.append(_side_by_side(view["names"], model["bias"], "measure"))
    if out:
        out += ["", escape(model["note"])]
    return out


def comparison_markdown(c: Comparison) -> str:
    view = comparison_context(c)
    first, second = view["names"]
    out = [f"# framing compare: {escape(first)} / {escape(second)}", "", "## Summary", ""]
    out += [f"- {escape(s)}" for s in view["summary"]]
    out += ["", "## Who is called what", ""]
    out.append(
        table(
            ["actor", f"labels in {first}", f"labels in {second}"],
            [
                (r["actor"], "; ".join(r["a"]) or "—", "; ".join(r["b"]) or "—")
                for r in view["actors"]
            ],
        )
    )
    out += ["", VOICE_NOTE, "", "## Word choice", ""]
    out.append(
        table(
            [
                "term",
                "category",
                "direction",
                "loaded",
                first,
                second,
                "difference per 1,000 words",
            ],
            [
                (
                    r["term"],
                    r["category"],
                    r["direction"],
                    "yes" if r["loaded"] else "no",
                    f"{r['a']} ({r['a_author']} own)",
                    f"{r['b']} ({r['b_author']} own)",
                    number(r["difference"], "+.1f"),
                )
                for r in view["terms"]
            ],
        )
    )
    out += ["", "## Scores", "", _side_by_side(view["names"], view["scores"], "measure")]
    out += _model_sections(view)
    out += ["", "## Speakers", ""]
    out.append(
        table(["article", "speaker", "speaks for", "quotes", "reported"], view["speaker_rows"])
    )
    for name, analysis in zip(c.names, c.analyses, strict=True):
        out += ["", f"## {escape(name)}", "", article_markdown(analysis)]
    lex = "; ".join(
        f"{x['name']} {x['version']} (sha256 {x['sha256'][:12]})" for x in view["lexicons"]
    )
    out += ["", "## Method", "", f"framing {__version__}; lexicons: {lex}."]
    return "\n".join(out) + "\n"
