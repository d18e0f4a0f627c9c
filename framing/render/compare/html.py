"""A comparison as a self-contained HTML page: the two articles side by side, tables, a chart.

Everything goes through Jinja2 templates with autoescaping (article text is untrusted input);
the chart is inline SVG made by :mod:`framing.render.charts.common`, so the page needs no other
file and no network. Importing this module registers :func:`comparison_fragment` as the rich
display of a :class:`~framing.compare.comparison.Comparison` in Jupyter
(:mod:`framing.repr_html`).
"""

from __future__ import annotations

from framing.compare.comparison import Comparison
from framing.render.charts.common import CategoryDifferenceDisplay, figure_to_html
from framing.render.compare.common import comparison_context
from framing.render.html import article_context, render
from framing.repr_html import register_html

__all__ = ["comparison_fragment", "comparison_page"]


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
        **comparison_context(c),
    )


def comparison_fragment(c: Comparison) -> str:
    """The summary and the actor table alone (Jupyter's rich display of a Comparison)."""
    return render("compare_fragment.html.j2", **comparison_context(c))


register_html(Comparison, comparison_fragment)
