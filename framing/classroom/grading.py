"""Grading a whole class's quiz answers at once: scores, agreement, most-missed words.

The answers file is a CSV with a header line and one marked word a row:

=============== ============================================================================
column          meaning
=============== ============================================================================
``student``     required: the student's name or id
``word_number`` the number of a marked word as the quiz shows it; a range ``40-43`` is fine
``word``        or the marked word or phrase as typed (``militants``, ``backed by the US``)
=============== ============================================================================

At least one of ``word_number`` and ``word`` must be in the header; a row may fill either. A row
with both empty just lists a student who marked nothing. Other columns are ignored.

Agreement is measured per word of the article (marked 1, not marked 0), with the tool as one more
annotator whose marks are the words of the outlet's loaded terms: Cohen's kappa (averaged over
pairs of students, and each student against the tool) by ``sklearn.metrics.cohen_kappa_score``, and
Krippendorff's alpha by ``nltk.metrics.agreement.AnnotationTask``.
"""

from __future__ import annotations

import csv
import io
import itertools
import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from nltk.metrics.agreement import AnnotationTask
from sklearn.metrics import cohen_kappa_score

from framing.classroom.quiz import Marks, Quiz, QuizResult
from framing.errors import InputError

__all__ = ["ClassGrades", "grade_class", "read_answers"]

TOOL = "tool"
MAX_ROWS = 200_000


def read_answers(path: str | Path) -> dict[str, str]:
    """Each student's answer, as one string the quiz parser reads (see the module notes)."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {p}: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{p} is not UTF-8 text; save the CSV as UTF-8") from None
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise InputError(f"{p} is empty; write a header line: student,word_number,word")
    header = [h.strip().lower() for h in rows[0]]
    if "student" not in header or not {"word_number", "word"} & set(header):
        raise InputError(
            f"{p}: the header must have 'student' and 'word_number' or 'word' "
            f"(found: {', '.join(header) or 'nothing'})"
        )
    if len(rows) > MAX_ROWS:
        raise InputError(f"{p} has more than {MAX_ROWS} rows; split the class into files")
    col = {
        name: header.index(name) for name in ("student", "word_number", "word") if name in header
    }
    answers: dict[str, list[str]] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = {name: row[i].strip() if i < len(row) else "" for name, i in col.items()}
        student = cells["student"]
        if not student:
            raise InputError(f"{p}:{line}: the student column is empty; name the student")
        entries = answers.setdefault(student, [])
        number, word = cells.get("word_number", ""), cells.get("word", "")
        if number:
            if not all(c.isdigit() or c in " -–" for c in number):
                raise InputError(
                    f"{p}:{line}: word_number {number!r} is not a number or a range like 40-43"
                )
            entries.append(number)
        if word:
            entries.append(word.replace(",", " ").replace(";", " "))
    if not answers:
        raise InputError(f"{p} has no answers under its header")
    return {student: "; ".join(entries) for student, entries in answers.items()}


@dataclass(frozen=True)
class ClassGrades:
    """The graded class: one result per student and the agreement figures."""

    quiz: Quiz
    results: Mapping[str, QuizResult]
    marks: Mapping[str, Marks]
    agreement: Mapping[str, float]
    kappa_with_tool: Mapping[str, float]

    def scores(self) -> pd.DataFrame:
        """One row per student: found, missed, extra, precision, recall, F1, kappa with the tool."""
        rows = []
        for student, r in self.results.items():
            rows.append(
                {
                    "student": student,
                    "marked": len(self.marks[student].numbers),
                    **r.to_dict(),
                    "kappa_with_tool": self.kappa_with_tool[student],
                    "unknown": len(r.unknown),
                }
            )
        return pd.DataFrame(rows)

    def most_missed(self, limit: int | None = None) -> pd.DataFrame:
        """The outlet's loaded words by how many students missed them (most first)."""
        n = len(self.results)
        counts: Counter[tuple[str, int, tuple[int, ...]]] = Counter()
        info: dict[tuple[str, int, tuple[int, ...]], Any] = {}
        for r in self.results.values():
            for f in r.missed:
                key = (f.text, f.paragraph, f.numbers)
                counts[key] += 1
                info[key] = f
        for r in self.results.values():
            for f in r.found:
                counts.setdefault((f.text, f.paragraph, f.numbers), 0)
                info.setdefault((f.text, f.paragraph, f.numbers), f)
        rows = [
            {
                "word": key[0],
                "paragraph": key[1],
                "numbers": " ".join(map(str, key[2])),
                "missed_by": c,
                "missed_share": c / n if n else 0.0,
                "term": info[key].term,
                "rationale": info[key].rationale,
            }
            for key, c in counts.items()
        ]
        frame = pd.DataFrame(
            rows,
            columns=[
                "word",
                "paragraph",
                "numbers",
                "missed_by",
                "missed_share",
                "term",
                "rationale",
            ],
        )
        frame = frame.sort_values(
            ["missed_by", "paragraph"], ascending=[False, True], kind="stable"
        )
        frame = frame.reset_index(drop=True)
        return frame.head(limit) if limit else frame

    def common_extras(self, limit: int | None = None) -> pd.DataFrame:
        """Words students marked that are not the outlet's, by how many students marked them."""
        counts: Counter[tuple[str, int]] = Counter()
        why: dict[tuple[str, int], str] = {}
        for r in self.results.values():
            for f in r.extra:
                key = (f.text, f.paragraph)
                counts[key] += 1
                why[key] = f.message
        rows = [
            {"word": k[0], "paragraph": k[1], "marked_by": c, "feedback": why[k]}
            for k, c in counts.most_common()
        ]
        frame = pd.DataFrame(rows, columns=["word", "paragraph", "marked_by", "feedback"])
        return frame.head(limit) if limit else frame

    def to_dict(self) -> dict[str, Any]:
        return {
            "students": len(self.results),
            "targets": len(self.quiz.targets),
            "agreement": dict(self.agreement),
            "scores": _records(self.scores()),
            "most_missed": _records(self.most_missed()),
            "common_extras": _records(self.common_extras()),
        }


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for rec in frame.to_dict(orient="records"):
        out.append(
            {
                str(k): (None if isinstance(v, float) and math.isnan(v) else v)
                for k, v in rec.items()
            }
        )
    return out


def grade_class(quiz: Quiz, answers: Mapping[str, str]) -> ClassGrades:
    """Score every student and measure agreement among students and with the tool."""
    marks = {student: quiz.parse(text) for student, text in answers.items()}
    results = {student: quiz.score(m) for student, m in marks.items()}
    tool = {n for w in quiz.targets for n in quiz.numbers_of(w)}
    labels = {student: m.numbers for student, m in marks.items()}
    agreement, with_tool = _agreement(len(quiz.words), labels, frozenset(tool))
    return ClassGrades(quiz, results, marks, agreement, with_tool)


def _agreement(
    n_items: int, labels: Mapping[str, frozenset[int]], tool: frozenset[int]
) -> tuple[dict[str, float], dict[str, float]]:
    """Agreement figures over the `n_items` words (marked 1, not marked 0): Cohen's kappa of
    each student with the tool and averaged over pairs of students, Krippendorff's alpha among
    the students and with the tool."""
    students = dict(labels)
    marks = {coder: _vector(n_items, m) for coder, m in {**students, TOOL: tool}.items()}
    with_tool = {s: _kappa(marks[s], marks[TOOL]) for s in students}
    agreement: dict[str, float] = {
        "kappa_students": math.nan,
        "alpha_students": math.nan,
        "alpha_with_tool": _alpha(marks),
        "mean_kappa_with_tool": _mean(list(with_tool.values())),
    }
    if len(students) >= 2:
        pairs = [_kappa(marks[a], marks[b]) for a, b in itertools.combinations(students, 2)]
        agreement["kappa_students"] = math.fsum(pairs) / len(pairs)
        agreement["alpha_students"] = _alpha({s: marks[s] for s in students})
    return agreement, with_tool


def _vector(n_items: int, marked: frozenset[int]) -> np.ndarray:
    """Words 1..n_items as 1 (marked) or 0."""
    out = np.zeros(n_items, dtype=np.int8)
    out[[i - 1 for i in marked if 1 <= i <= n_items]] = 1
    return out


def _kappa(a: np.ndarray, b: np.ndarray) -> float:
    """Cohen's kappa of two annotators (scikit-learn's); NaN without items. Two annotators who
    both mark every word, or both none, agree perfectly: 1 (as nltk's AnnotationTask has it),
    where chance agreement is 1 too and the formula is 0/0."""
    if not len(a):
        return math.nan
    if a.min() == a.max() == b.min() == b.max():
        return 1.0
    return float(cohen_kappa_score(a, b, labels=[0, 1]))


def _alpha(marks: Mapping[str, np.ndarray]) -> float:
    """Krippendorff's alpha (nominal) of the annotators, by nltk's ``AnnotationTask``; NaN
    when no word has two annotators."""
    data = [(coder, i, int(v)) for coder, vector in marks.items() for i, v in enumerate(vector)]
    try:
        return float(AnnotationTask(data=data).alpha())
    except (ValueError, ZeroDivisionError):  # no items, or no item with two annotators
        return math.nan


def _mean(values: list[float]) -> float:
    good = [v for v in values if not math.isnan(v)]
    return sum(good) / len(good) if good else math.nan
