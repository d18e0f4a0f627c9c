"""Glossaries of lexicon terms, in Markdown and HTML."""

from __future__ import annotations

from collections.abc import Sequence

from framing.lexicon.format import Lexicon
from framing.render.html import render
from framing.render.markdown import escape, table

__all__ = ["glossary_html", "glossary_markdown"]


def _sections(lexicons: Sequence[Lexicon]) -> list[dict[str, object]]:
    out = []
    for lex in lexicons:
        cats = []
        for cat, definition in lex.categories.items() or [
            (c, "") for c in sorted({e.category for e in lex})
        ]:
            entries = sorted((e for e in lex if e.category == cat), key=lambda e: e.term.lower())
            if entries:
                cats.append({"name": cat, "definition": definition, "entries": entries})
        out.append({"lexicon": lex, "categories": cats})
    return out


def glossary_markdown(lexicons: Sequence[Lexicon]) -> str:
    lines = ["# Glossary of loaded terms", ""]
    for section in _sections(lexicons):
        lex = section["lexicon"]
        assert isinstance(lex, Lexicon)
        lines += [
            f"## {escape(lex.title)} ({lex.name} {lex.version})",
            "",
            escape(lex.description.strip()),
            "",
        ]
        for cat in section["categories"]:  # type: ignore[attr-defined]
            lines += [f"### {escape(cat['name'])}", "", escape(cat["definition"]), ""]
            lines.append(
                table(
                    [
                        "term",
                        "direction",
                        "loaded",
                        "neutral alternatives",
                        "why it matters",
                        "style guides",
                    ],
                    [
                        (
                            e.term,
                            e.direction,
                            "yes" if e.loaded else "marker",
                            "; ".join(e.alternatives),
                            e.rationale,
                            e.style_guides,
                        )
                        for e in cat["entries"]
                    ],
                )
            )
            lines.append("")
    return "\n".join(lines)


def glossary_html(lexicons: Sequence[Lexicon]) -> str:
    return render("glossary.html.j2", sections=_sections(lexicons))
