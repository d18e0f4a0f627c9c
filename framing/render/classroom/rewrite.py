"""The neutral rewrite as plain text, Markdown and a printable HTML page.

Each format writes the changes of one :class:`~framing.classroom.rewrite.Rewrite` its own way
(``[-old-]{+new+}``, ``~~old~~ **new**``, ``<del>``/``<ins>``); the rewrite itself cuts the
paragraphs into text and changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.render.html import render
from framing.render.markdown import escape, table

if TYPE_CHECKING:
    from framing.classroom.rewrite import Change, Rewrite

__all__ = ["rewrite_html", "rewrite_markdown", "rewrite_text"]


def _label(n: int) -> str:
    return "headline" if n == 0 else f"paragraph {n}"


def _title(rw: Rewrite) -> str:
    src = rw.analysis.document.source
    return str(src.title or (Path(src.path).name if src.path else "Article"))


def _diff(original: str, c: Change) -> str:
    return f"[-{original}-]{{+{c.replacement}+}}" if c.replaced else f"[?{original}?]"


def rewrite_text(rw: Rewrite, *, diff: bool = True) -> str:
    """Plain text: the article with ``[-old-]{+new+}`` and ``[?word?]`` marks, then the notes."""
    if not diff:
        return rw.text()
    notes = [
        f"{len(rw.replaced)} replaced, {len(rw.marked)} marked for a person to decide. "
        "[-old-]{+new+} is a replacement; [?word?] has no neutral swap that fits."
    ]
    for i, c in enumerate(rw.changes, start=1):
        what = f"-> {c.replacement}" if c.replaced else "marked"
        line = f"{i}. {_label(c.paragraph)}: {c.original} {what} ({c.match.category})"
        notes.append(line + (f"\n   {c.note}" if c.note else ""))
    body = "\n\n".join(text for _, text in rw.written(_diff))
    return body + "\n\n" + "\n".join(notes) + "\n"


def rewrite_markdown(rw: Rewrite, *, diff: bool = True) -> str:
    """Markdown: ~~old~~ **new** and _[word?]_ marks, then a table of the changes."""

    def change(original: str, c: Change) -> str:
        if not c.replaced:
            return f"_\\[{escape(original)}?\\]_"
        new = escape(c.replacement or "")
        return f"~~{escape(original)}~~ **{new}**" if diff else new

    out = [f"# Neutral rewrite: {escape(_title(rw))}", ""]
    for _, text in rw.written(change, escape):
        out += [text, ""]
    out += [
        f"{len(rw.replaced)} replaced, {len(rw.marked)} marked for a person to decide. "
        "Quotes and reported speech are left as they are.",
        "",
        table(
            ["where", "original", "neutral wording", "category", "why it matters", "note"],
            [
                (
                    _label(c.paragraph),
                    c.original,
                    c.replacement or "(marked)",
                    c.match.category,
                    c.match.rationale,
                    c.note,
                )
                for c in rw.changes
            ],
        ),
        "",
    ]
    return "\n".join(out)


def rewrite_html(rw: Rewrite, *, diff: bool = True) -> str:
    """A printable HTML page: <del>/<ins> for replacements, marked places highlighted."""
    paragraphs = []
    for n, segs in rw.paragraphs():
        items: list[dict[str, Any]] = []
        for chunk, c in segs:
            if c is None:
                items.append({"kind": "text", "text": chunk})
            elif c.replaced:
                items.append({"kind": "swap", "old": chunk, "new": c.replacement or "", "note": ""})
            else:
                items.append({"kind": "mark", "text": chunk, "note": c.note})
        paragraphs.append((n, items))
    src = rw.analysis.document.source
    return render(
        "classroom/rewrite.html.j2",
        title=_title(rw),
        paragraphs=paragraphs,
        changes=rw.changes,
        diff=diff,
        replaced=len(rw.replaced),
        marked=len(rw.marked),
        source=Path(src.path).name if src.path else "",
        lexicons=rw.analysis.lexicon_info(),
        label=_label,
    )
