"""Markdown output: tables and the article with loaded terms marked by voice."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from framing._version import __version__
from framing.annotate.voice import VOICE_NAMES
from framing.render.numbers import number
from framing.render.spans import paragraph_segments

if TYPE_CHECKING:
    from framing.analysis import Analysis

__all__ = ["analysis_markdown", "escape", "table"]

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def escape(text: str) -> str:
    """Escape Markdown (and inline HTML) syntax in untrusted text."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A GitHub-flavoured Markdown table; cells are escaped."""
    lines = ["| " + " | ".join(escape(str(h)) for h in header) + " |"]
    lines.append("|" + "|".join("---" for _ in header) + "|")
    for row in rows:
        lines.append("| " + " | ".join(escape(str(c)) for c in row) + " |")
    return "\n".join(lines)


def article_markdown(analysis: Analysis) -> str:
    """Paragraphs with loaded terms in bold, tagged with their voice: **militants** _(own)_."""
    text = analysis.text
    paras = []
    for segs in paragraph_segments(analysis):
        parts = []
        for seg in segs:
            chunk = escape(text[seg.start : seg.end])
            if seg.match is not None and analysis.matches[seg.match].loaded:
                parts.append(f"**{chunk}** _({VOICE_NAMES[seg.voice].tag})_")
            else:
                parts.append(chunk)
        paras.append("".join(parts))
    return "\n\n".join(paras)


def analysis_markdown(analysis: Analysis) -> str:
    s = analysis.scores
    title = analysis.document.source.title or analysis.document.source.path or "Article"
    out = [f"# framing analysis: {escape(title)}", ""]
    out.append(
        table(
            ["voice", "words", "loaded terms", "per 1,000 words"],
            [
                (v, s["words"][v], s["loaded_count"][v], number(s["loaded_rate_per_1k"][v], ".1f"))
                for v in ("author", "quote", "attributed", "all")
            ],
        )
    )
    out += ["", "## Loaded terms", ""]
    out.append(
        table(
            [
                "text",
                "term",
                "category",
                "direction",
                "voice",
                "speaker",
                "sentence",
                "alternatives",
            ],
            [
                (
                    m.text,
                    m.term,
                    m.category,
                    m.direction,
                    m.voice,
                    m.speaker or "",
                    m.sentence,
                    "; ".join(m.alternatives),
                )
                for m in analysis.matches
                if m.loaded
            ],
        )
    )
    if analysis.classifiers is not None:
        out += ["", "## Classifiers", ""]
        out += [
            f"- {escape(line.strip())}"
            for line in analysis.classifiers.summary_lines(analysis.text)
        ]
    out += ["", "## Article", "", article_markdown(analysis), "", "## Method", ""]
    lex = "; ".join(
        f"{x['name']} {x['version']} (sha256 {x['sha256'][:12]})" for x in analysis.lexicon_info()
    )
    out.append(
        f"framing {__version__}; lexicons: {lex}; sentiment polarity "
        f"{s['sentiment']['polarity']:+.2f}, subjectivity {s['sentiment']['subjectivity']:.2f}; "
        f"direction balance (own words) {s['direction']['author']['balance']:+.2f}."
    )
    return "\n".join(out) + "\n"
