"""Terminal views of the quiz and of a graded class (rich renderables). Pure functions of the
data: no input, no output."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from framing.classroom.grading import ClassGrades
    from framing.classroom.quiz import Quiz, QuizResult

__all__ = ["grades_renderable", "numbered_article", "result_renderable"]

_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def numbered_article(quiz: Quiz, *, marked: frozenset[int] = frozenset()) -> Text:
    """The article with a small number after every word (marked words underlined)."""
    text = quiz.analysis.text
    ev = quiz.evidence
    out = Text()
    spans = ([ev.headline] if ev.headline else []) + list(ev.body)
    words = quiz.words
    i = 0
    for p, (s, e) in enumerate(spans):
        label = "" if ev.headline is not None and p == 0 else f"[{p if ev.headline else p + 1}] "
        if p:
            out.append("\n\n")
        out.append(label, "bold dim")
        pos = s
        while i < len(words) and words[i].start < e:
            tok = words[i]
            if tok.start >= s:
                out.append(text[pos : tok.start])
                style = "bold underline" if i + 1 in marked else ""
                if ev.headline is not None and p == 0:
                    style = (style + " bold").strip()
                out.append(tok.text, style)
                out.append(str(i + 1).translate(_SUP), "dim cyan")
                pos = tok.end
            i += 1
        out.append(text[pos:e])
    return out


def result_renderable(result: QuizResult) -> Group:
    """Score and feedback for one student's answer."""
    head = Text()
    head.append(
        f"Found {len(result.found)} of {len(result.found) + len(result.missed)} words. ",
        "bold",
    )
    head.append(
        f"Precision {result.precision:.0%} (how many of your words were right), "
        f"recall {result.recall:.0%} (how many of the words you found)."
    )
    parts: list[Text | Table] = [head]
    for title, items, style in (
        ("Found", result.found, "green"),
        ("Missed", result.missed, "yellow"),
        ("Extra", result.extra, "magenta"),
        ("Not counted", result.not_counted, "dim"),
    ):
        if not items:
            continue
        parts.append(Text(f"\n{title}", style=f"bold {style}"))
        for f in items:
            line = Text("• ")
            line.append(f.message)
            if f.rationale:
                line.append(f" Why: {f.rationale}", "italic")
            if f.kind in ("found", "missed") and f.alternatives:
                line.append(f" Neutral words: {'; '.join(f.alternatives)}.", "dim")
            parts.append(line)
    if result.unknown:
        parts.append(Text(f"\nNot found in the article: {', '.join(result.unknown)}", "dim"))
    return Group(*parts)


def grades_renderable(grades: ClassGrades, *, limit: int = 10) -> Group:
    """Tables for a graded class: scores, agreement, most-missed words, common extras."""
    scores = grades.scores()
    t1 = Table(title="Scores", title_justify="left")
    for col in ("student", "found", "missed", "extra", "precision", "recall", "F1", "κ tool"):
        t1.add_column(col, justify="left" if col == "student" else "right")
    for rec in scores.to_dict(orient="records"):
        t1.add_row(
            str(rec["student"]),
            str(rec["found"]),
            str(rec["missed"]),
            str(rec["extra"]),
            f"{rec['precision']:.2f}",
            f"{rec['recall']:.2f}",
            f"{rec['f1']:.2f}",
            _fmt(float(rec["kappa_with_tool"])),
        )
    ag = grades.agreement
    t2 = Table(title="Agreement (per word of the article)", title_justify="left", show_header=False)
    t2.add_column("measure")
    t2.add_column("value", justify="right")
    t2.add_row("Cohen's kappa among students (mean of pairs)", _fmt(ag["kappa_students"]))
    t2.add_row("Krippendorff's alpha among students", _fmt(ag["alpha_students"]))
    t2.add_row("Cohen's kappa with the tool (mean of students)", _fmt(ag["mean_kappa_with_tool"]))
    t2.add_row("Krippendorff's alpha, students and tool", _fmt(ag["alpha_with_tool"]))
    t3 = Table(title="Most-missed words (the outlet's own)", title_justify="left")
    for col in ("word", "¶", "missed by", "why it matters"):
        t3.add_column(col, justify="right" if col in ("¶", "missed by") else "left")
    n = len(grades.results)
    for row in grades.most_missed(limit).itertuples(index=False):
        t3.add_row(str(row.word), str(row.paragraph), f"{row.missed_by} of {n}", str(row.rationale))
    parts: list[Table | Text] = [t1, t2, t3]
    extras = grades.common_extras(limit)
    if len(extras):
        t4 = Table(title="Marked, but not the outlet's words", title_justify="left")
        for col in ("word", "¶", "marked by", "feedback"):
            t4.add_column(col, justify="right" if col in ("¶", "marked by") else "left")
        for row in extras.itertuples(index=False):
            t4.add_row(str(row.word), str(row.paragraph), str(row.marked_by), str(row.feedback))
        parts.append(t4)
    return Group(*parts)


def _fmt(x: float) -> str:
    return "n/a" if x != x else f"{x:.2f}"  # NaN: undefined (e.g. a student marked nothing)
