"""A comparison as Markdown: summary, tables, and both articles with loaded terms marked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from framing._version import __version__
from framing.compare.tables import records
from framing.render.compare.common import (
    actor_rows,
    bias_rows,
    frame_rows,
    model_note,
    score_rows,
    term_rows,
)
from framing.render.markdown import article_markdown, escape, table

if TYPE_CHECKING:
    from framing.compare.comparison import Comparison

__all__ = ["comparison_markdown"]


def _model_sections(c: Comparison) -> list[str]:
    """Frames and sentence bias side by side (model estimates), when the comparison has them."""
    first, second = c.names
    out: list[str] = []
    if len(c.frames):
        out += ["", "## Frames (model estimates)", ""]
        out.append(
            table(
                ["frame", first, second, "difference", "predicted in"],
                [
                    (r["label"], r["a"], r["b"], r["difference"], r["predicted"])
                    for r in frame_rows(c)
                ],
            )
        )
    if len(c.sentence_bias):
        out += ["", "## Sentence bias (model estimates)", ""]
        out.append(
            table(
                ["measure", first, second, "difference"],
                [(r["label"], r["a"], r["b"], r["difference"]) for r in bias_rows(c)],
            )
        )
    if out:
        out += ["", escape(model_note(c))]
    return out


def comparison_markdown(c: Comparison) -> str:
    first, second = c.names
    out = [f"# framing compare: {escape(first)} / {escape(second)}", "", "## Summary", ""]
    out += [f"- {escape(s)}" for s in c.summary]
    out += ["", "## Who is called what", ""]
    out.append(
        table(
            ["actor", f"labels in {first}", f"labels in {second}"],
            [
                (r["actor"], "; ".join(r["a"]) or "—", "; ".join(r["b"]) or "—")
                for r in actor_rows(c)
            ],
        )
    )
    out += [
        "",
        "Voice: own = the outlet's own words; quote = direct quote; reported = reported speech.",
        "",
        "## Word choice",
        "",
    ]
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
                    f"{r['difference']:+.1f}",
                )
                for r in term_rows(c)
            ],
        )
    )
    out += ["", "## Scores", ""]
    out.append(
        table(
            ["measure", first, second, "difference"],
            [(r["label"], r["a"], r["b"], r["difference"]) for r in score_rows(c)],
        )
    )
    out += _model_sections(c)
    out += ["", "## Speakers", ""]
    out.append(
        table(
            ["article", "speaker", "speaks for", "quotes", "reported"],
            [
                (
                    first if r["document"] == "a" else second,
                    r["speaker"],
                    r["side"] or "—",
                    r["quotes"],
                    r["reported"],
                )
                for r in records(c.speakers)
            ],
        )
    )
    for name, analysis in zip(c.names, c.analyses, strict=True):
        out += ["", f"## {escape(name)}", "", article_markdown(analysis)]
    lex = "; ".join(
        f"{x['name']} {x['version']} (sha256 {x['sha256'][:12]})" for x in c.lexicon_info()
    )
    out += ["", "## Method", "", f"framing {__version__}; lexicons: {lex}."]
    return "\n".join(out) + "\n"
