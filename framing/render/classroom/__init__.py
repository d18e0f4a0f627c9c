"""Pages and terminal views of the classroom exercises, one module per kind of page.

>>> from framing.classroom import build_worksheet
>>> from framing.render.classroom import answer_key_html, worksheet_html
>>> ws = build_worksheet(analysis, level="basic")                    # doctest: +SKIP
>>> page, key = worksheet_html(ws), answer_key_html(ws)              # doctest: +SKIP
"""

from framing.render.classroom.glossary import glossary_html, glossary_markdown
from framing.render.classroom.quiz import grades_renderable, numbered_article, result_renderable
from framing.render.classroom.rewrite import rewrite_html, rewrite_markdown, rewrite_text
from framing.render.classroom.worksheet import (
    answer_key_html,
    paired_answer_key_html,
    paired_worksheet_html,
    worksheet_html,
)

__all__ = [
    "answer_key_html",
    "glossary_html",
    "glossary_markdown",
    "grades_renderable",
    "numbered_article",
    "paired_answer_key_html",
    "paired_worksheet_html",
    "result_renderable",
    "rewrite_html",
    "rewrite_markdown",
    "rewrite_text",
    "worksheet_html",
]
