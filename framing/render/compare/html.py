"""A comparison as a self-contained HTML page: the two articles side by side, tables, a chart.

Everything goes through Jinja2 templates with autoescaping (article text is untrusted input);
the chart is inline SVG made by :mod:`framing.render.charts.common`, so the page needs no other
file and no network. Importing this module registers :func:`comparison_fragment` as the rich
display of a :class:`~framing.compare.comparison.Comparison` in Jupyter
(:mod:`framing.repr_html`).
"""

from __future__ import annotations

from typing import Any

from framing.analysis import model_versions
from framing.compare.comparison import Comparison
from framing.compare.tables import records
from framing.render.charts.common import CategoryDifferenceDisplay, figure_to_html
from framing.render.compare.common import (
    actor_rows,
    bias_rows,
    biased_sentences,
    frame_rows,
    model_note,
    score_rows,
    term_rows,
)
from framing.render.html import article_context, render
from framing.repr_html import register_html

__all__ = ["comparison_fragment", "comparison_page"]


def _context(c: Comparison) -> dict[str, Any]:
    categories = [r for r in records(c.categories) if not r["marker"]]
    return {
        "names": c.names,
        "summary": c.summary,
        "actors": actor_rows(c),
        "terms": term_rows(c),
        "categories": categories,
        "scores": score_rows(c),
        "speakers": records(c.speakers),
        "lexicons": c.lexicon_info(),
        "models": model_versions(c.analyses[0].options),
        "options": c.analyses[0].options.to_dict(),
        "sources": [a.document.source for a in c.analyses],
    }


def comparison_page(c: Comparison, *, title: str | None = None, chart: bool = True) -> str:
    """The whole page: summary, both articles highlighted by voice and category, tables, chart."""
    figure = None
    if chart:
        display = CategoryDifferenceDisplay.from_comparison(c)
        figure = figure_to_html(
            display.figure_, alt="Difference in terms per 1,000 words by lexicon category"
        )
    first, second = c.names
    return render(
        "compare.html.j2",
        title=title or f"{first} / {second}",
        articles=[
            {"name": name, "paragraphs": article_context(analysis), "scores": analysis.scores}
            for name, analysis in zip(c.names, c.analyses, strict=True)
        ],
        chart=figure,
        model=_model_context(c),
        **_context(c),
    )


def _model_context(c: Comparison) -> dict[str, Any] | None:
    """The model-estimates section (None when the comparison has no model outputs)."""
    if not (len(c.frames) or len(c.sentence_bias)):
        return None
    return {
        "frames": frame_rows(c),
        "bias": bias_rows(c),
        "sentences": biased_sentences(c) if len(c.sentence_bias) else [[], []],
        "note": model_note(c),
    }


def comparison_fragment(c: Comparison) -> str:
    """The summary and the actor table alone (Jupyter's rich display of a Comparison)."""
    return render("compare_fragment.html.j2", **_context(c))


register_html(Comparison, comparison_fragment)
