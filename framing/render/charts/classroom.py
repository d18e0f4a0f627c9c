"""The chart of a graded class: precision and recall per student, and the most-missed words.

The grades are computed by :func:`framing.classroom.grading.grade_class`; this only draws them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from framing.render.charts.base import Display
from framing.render.charts.style import GRADE_COLORS

if TYPE_CHECKING:
    from framing.classroom.grading import ClassGrades

__all__ = ["ClassGradesDisplay"]


class ClassGradesDisplay(Display):
    """Two panels: each student's precision and recall, and the `top` most-missed words.

    ``ClassGradesDisplay(grade_class(quiz, answers)).plot()`` returns the display, with
    ``figure_`` and ``axes_`` set; ``save("class.png")`` writes it.
    """

    def __init__(self, grades: ClassGrades, *, top: int = 10) -> None:
        self.grades = grades
        self.top = top
        self.scores = grades.scores().sort_values("student", kind="stable")
        self.missed = grades.most_missed(top)

    def _shape(self) -> tuple[int, int]:
        return (1, 2)

    def _size(self) -> tuple[float, float]:
        return 10.0, max(3.0, 0.28 * max(len(self.scores), len(self.missed)) + 1.4)

    def _draw(self, axes: Any) -> None:
        scores, missed = self.scores, self.missed
        ax1, ax2 = axes[0]
        y = list(range(len(scores)))
        for shift, measure in ((-0.2, "precision"), (0.2, "recall")):
            ax1.barh(
                [v + shift for v in y],
                scores[measure],
                0.4,
                label=measure,
                color=GRADE_COLORS[measure],
            )
        ax1.set_yticks(y, list(scores["student"]))
        ax1.invert_yaxis()
        ax1.set_xlim(0, 1)
        ax1.set_xlabel("share (0 to 1)")
        ax1.set_title("Score per student")
        ax1.legend(loc="lower right", fontsize=8)
        labels = [f"{w} (¶{p})" for w, p in zip(missed["word"], missed["paragraph"], strict=True)]
        ax2.barh(range(len(missed)), missed["missed_by"], color=GRADE_COLORS["missed"])
        ax2.set_yticks(range(len(missed)), labels)
        ax2.invert_yaxis()
        ax2.set_xlabel("students who missed it")
        ax2.set_title("Most-missed words (the outlet's own)")
