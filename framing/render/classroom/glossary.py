"""The classroom glossary ("Words to watch") in Markdown and as a printable HTML page.

The rows come from :func:`framing.classroom.glossary.classroom_glossary`; the lexicons' full
glossary is drawn by :mod:`framing.render.glossary`.
"""

from __future__ import annotations

from typing import Any

from framing.classroom.glossary import CATEGORY_NAMES, GlossaryRow
from framing.render.html import render
from framing.render.markdown import escape, table

__all__ = ["glossary_html", "glossary_markdown"]


def _sections(rows: list[GlossaryRow]) -> list[dict[str, Any]]:
    """Consecutive rows of one lexicon and category, under the category's plain name."""
    out: list[dict[str, Any]] = []
    for r in rows:
        name = CATEGORY_NAMES.get(r.category, r.category.replace("_", " "))
        if not out or out[-1]["category"] != r.category or out[-1]["lexicon"] != r.lexicon:
            out.append({"lexicon": r.lexicon, "category": r.category, "name": name, "rows": []})
        out[-1]["rows"].append(r)
    return out


def glossary_markdown(rows: list[GlossaryRow]) -> str:
    """The classroom glossary in Markdown."""
    lines = [
        "# Words to watch: a glossary for the classroom",
        "",
        "What each word signals, plainer words to use instead, and an example sentence. "
        "The glossary explains wording; it does not say which side is right.",
        "",
    ]
    for section in _sections(rows):
        lines += [f"## {escape(section['name'])} ({escape(section['lexicon'])})", ""]
        lines.append(
            table(
                ["word", "what it signals", "plainer words", "example"],
                [(r.term, r.signals, r.alternatives, r.example) for r in section["rows"]],
            )
        )
        lines.append("")
    return "\n".join(lines)


def glossary_html(rows: list[GlossaryRow]) -> str:
    """The classroom glossary as a printable HTML page."""
    return render("classroom/glossary.html.j2", sections=_sections(rows), count=len(rows))
