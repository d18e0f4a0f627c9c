"""HTML pages from Jinja2 templates with autoescaping on: article text is untrusted input.

Importing this module registers :func:`article_fragment` as the rich display of an
:class:`~framing.analysis.Analysis` in Jupyter (:mod:`framing.repr_html`).
"""

from __future__ import annotations

import functools
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from framing._version import __version__
from framing.analysis import Analysis, model_versions
from framing.annotate.voice import VOICE_NAMES
from framing.render.numbers import number
from framing.render.spans import paragraph_segments
from framing.repr_html import register_html

__all__ = ["analysis_page", "article_context", "article_fragment", "environment", "render"]


@functools.cache
def environment() -> Environment:
    """The Jinja2 environment for every HTML output (autoescape on for .j2 templates)."""
    env = Environment(
        loader=PackageLoader("framing", "render/templates"),
        autoescape=select_autoescape(["html", "j2", "html.j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["framing_version"] = __version__
    env.globals["voice_labels"] = {voice: name.label for voice, name in VOICE_NAMES.items()}
    env.filters["fmt"] = number
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def article_context(analysis: Analysis) -> list[list[dict[str, Any]]]:
    """Paragraphs of segments as plain dicts for templates (text is escaped by Jinja2)."""
    text = analysis.text
    paragraphs = []
    for segs in paragraph_segments(analysis):
        items = []
        for seg in segs:
            item: dict[str, Any] = {
                "text": text[seg.start : seg.end],
                "voice": seg.voice,
                "speaker": seg.speaker,
                "scare": seg.scare,
                "match": None,
            }
            if seg.match is not None:
                m = analysis.matches[seg.match]
                item["match"] = {
                    "id": seg.match,
                    "term": m.term,
                    "lexicon": m.lexicon,
                    "category": m.category,
                    "direction": m.direction,
                    "weight": m.weight,
                    "loaded": m.loaded,
                    "rationale": m.rationale,
                    "alternatives": "; ".join(m.alternatives),
                    "negated": m.negated,
                    "hedged": m.hedged,
                }
            items.append(item)
        paragraphs.append(items)
    return paragraphs


def _summary(analysis: Analysis) -> dict[str, Any]:
    scores = analysis.scores
    terms: dict[tuple[str, str], dict[str, Any]] = {}
    for m in analysis.matches:
        if not m.loaded:
            continue
        row = terms.setdefault(
            (m.term, m.category),
            {
                "term": m.term,
                "category": m.category,
                "direction": m.direction,
                "author": 0,
                "quote": 0,
                "attributed": 0,
                "alternatives": "; ".join(m.alternatives),
            },
        )
        row[m.voice] += 1
    top = sorted(
        terms.values(), key=lambda r: (-(r["author"] + r["quote"] + r["attributed"]), r["term"])
    )
    return {"scores": scores, "terms": top}


def analysis_page(analysis: Analysis, *, title: str | None = None) -> str:
    """A self-contained HTML page: the highlighted article, the summary and the method notes."""
    src = analysis.document.source
    return render(
        "analysis.html.j2",
        title=title or src.title or (src.path or "Article"),
        source=src,
        paragraphs=article_context(analysis),
        summary=_summary(analysis),
        lexicons=analysis.lexicon_info(),
        models=model_versions(analysis.options),
        options=analysis.options.to_dict(),
        classifiers=(
            analysis.classifiers.summary_lines(analysis.text) if analysis.classifiers else []
        ),
    )


def article_fragment(analysis: Analysis) -> str:
    """The highlighted article alone (used for Jupyter's rich display)."""
    return render("article_fragment.html.j2", paragraphs=article_context(analysis))


register_html(Analysis, article_fragment)
