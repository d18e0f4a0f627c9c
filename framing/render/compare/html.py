"""A comparison as a self-contained HTML page: the two articles side by side, tables, a chart.

Everything goes through Jinja2 templates with autoescaping (article text is untrusted input);
the chart is inline SVG made by :mod:`framing.render.charts.common`, so the page needs no other
file and
no network.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from framing.compare.comparison import records
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

if TYPE_CHECKING:
    from framing.compare.comparison import Comparison

__all__ = ["comparison_fragment", "comparison_page"]


def _context(c: Comparison) -> dict[str, Any]:
    from framing.analysis import model_versions

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
    from framing.render.charts.common import CategoryDifferenceDisplay, figure_to_html

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
