"""Classroom media-literacy exercises built from an analysis.

Teachers use worksheets with answer keys, a quiz (interactive, or a whole class graded from a CSV),
a neutral rewrite of the outlet's own wording, and a glossary written for the classroom. Every
exercise teaches from the evidence in the article: these words, in this voice, and what else the
writer could have said. The tool explains wording; it never says which side is right.

The package holds the exercises as data; their pages are drawn by :mod:`framing.render.classroom`.

>>> from framing import analyze
>>> from framing.classroom import build_worksheet
>>> ws = build_worksheet(analyze("article.txt"), level="basic")       # doctest: +SKIP
"""

from framing.classroom.evidence import Evidence, Word, gather
from framing.classroom.grading import ClassGrades, grade_class, read_answers
from framing.classroom.quiz import Quiz, QuizResult
from framing.classroom.rewrite import Change, Rewrite, rewrite
from framing.classroom.worksheet import Worksheet, build_worksheet

__all__ = [
    "Change",
    "ClassGrades",
    "Evidence",
    "Quiz",
    "QuizResult",
    "Rewrite",
    "Word",
    "Worksheet",
    "build_worksheet",
    "gather",
    "grade_class",
    "read_answers",
    "rewrite",
]
