"""The quiz and class grading: parsing answers, scores, feedback, agreement, the CLI session."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing import analyze
from framing.analysis import Analysis
from framing.classroom.grading import (
    ClassGrades,
    grade_class,
    read_answers,
)
from framing.classroom.quiz import Quiz
from framing.cli import cli
from framing.errors import InputError
from framing.render.charts.classroom import ClassGradesDisplay

from .conftest import DATA

CLASSROOM = DATA / "classroom"
PORT_A = CLASSROOM / "port_a.txt"
ANSWERS = CLASSROOM / "class_answers.csv"
#: word numbers of the outlet's own loaded words in port_a.txt (what the tool expects)
TARGETS = {
    1: "Rebels",
    6: "Crisis",
    37: "foreign-backed",
    38: "militia",
    40: "offshoot",
    46: "overran",
    55: "brutal",
    88: "insisted",
    109: "regime",
    119: "claims",
}


@pytest.fixture(scope="module")
def port_a() -> Analysis:
    return analyze(PORT_A)


@pytest.fixture(scope="module")
def quiz(port_a: Analysis) -> Quiz:
    return Quiz(port_a)


@pytest.fixture(scope="module")
def grades(quiz: Quiz) -> ClassGrades:
    return grade_class(quiz, read_answers(ANSWERS))


def test_targets_are_the_outlets_own_words(quiz: Quiz) -> None:
    got = {quiz.numbers_of(w)[0]: w.text for w in quiz.targets}
    assert got == TARGETS
    assert len(quiz.words) == 126
    owners = {w.text: w.owner for w in quiz.evidence.words}
    assert owners["terrorists"] == "speaker"
    assert owners["people's uprising"] == "scare"


def test_parse_numbers_ranges_and_words(quiz: Quiz) -> None:
    marks = quiz.parse("1, 37-38; 200\nregime, zebra")
    # "regime" occurs in a speaker's reported words (99) and the outlet's own (109)
    assert marks.numbers == {1, 37, 38, 109}
    assert marks.unknown == ("200", "zebra")
    # a typed word with no occurrence in the outlet's voice marks its other occurrences
    assert quiz.parse("terrorists").numbers == {62}
    # singular typed for a plural in the text
    assert quiz.parse("terrorist").numbers == {62}
    assert quiz.parse("foreign backed").numbers == {37}


def test_score_and_feedback(quiz: Quiz) -> None:
    result = quiz.score(quiz.parse("1, 6, 62, 106, 58-59, 109"))
    assert [f.text for f in result.found] == ["Rebels", "Crisis", "regime"]
    assert len(result.missed) == 7
    assert [f.text for f in result.extra] == ["the fish", "terrorists"]
    assert [f.text for f in result.not_counted] == ["people's uprising"]
    assert result.precision == pytest.approx(3 / 5)
    assert result.recall == pytest.approx(3 / 10)
    assert result.f1 == pytest.approx(2 * 0.6 * 0.3 / 0.9)
    speaker = result.extra[1]
    assert "inside a quote by Ada Korrin" in speaker.message
    assert speaker.rationale  # every loaded word explains itself
    missed = {f.text: f for f in result.missed}
    assert missed["overran"].alternatives == ("took control of", "captured")
    assert "the tool did not flag this" in result.extra[0].message


def test_empty_answer_scores_zero(quiz: Quiz) -> None:
    result = quiz.score(set())
    assert (result.precision, result.recall, result.f1) == (0.0, 0.0, 0.0)
    assert len(result.missed) == 10


def test_read_answers(tmp_path: Path) -> None:
    answers = read_answers(ANSWERS)
    assert list(answers) == ["amira", "ben", "chen", "dara", "eli"]
    assert answers["dara"] == ""
    assert answers["ben"] == "militia; terrorists; regime; brutal; massacre"
    bad = tmp_path / "bad.csv"
    bad.write_text("name,answer\nx,1\n", encoding="utf-8")
    with pytest.raises(InputError, match="the header must have 'student'"):
        read_answers(bad)
    bad.write_text("student,word_number\nx,one\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.csv:2: word_number 'one' is not a number"):
        read_answers(bad)


def test_graded_class_pinned(grades: ClassGrades) -> None:
    scores = grades.scores().set_index("student")
    assert scores["found"].to_dict() == {"amira": 8, "ben": 3, "chen": 10, "dara": 0, "eli": 2}
    assert scores["extra"].to_dict() == {"amira": 0, "ben": 2, "chen": 0, "dara": 0, "eli": 3}
    assert scores["precision"].to_dict() == pytest.approx(
        {"amira": 1.0, "ben": 0.6, "chen": 1.0, "dara": 0.0, "eli": 0.4}
    )
    assert scores["recall"].to_dict() == pytest.approx(
        {"amira": 0.8, "ben": 0.3, "chen": 1.0, "dara": 0.0, "eli": 0.2}
    )
    kappa = scores["kappa_with_tool"].to_dict()
    assert kappa["chen"] == pytest.approx(1.0)
    assert kappa["amira"] == pytest.approx(0.8804554, abs=1e-6)
    assert kappa["eli"] == pytest.approx(0.2025316, abs=1e-6)
    assert kappa["dara"] == pytest.approx(0.0, abs=1e-9)  # marked nothing: no agreement
    ag = grades.agreement
    assert ag["kappa_students"] == pytest.approx(0.2462803, abs=1e-6)
    assert ag["alpha_students"] == pytest.approx(0.3143037, abs=1e-6)
    assert ag["alpha_with_tool"] == pytest.approx(0.4114008, abs=1e-6)
    missed = grades.most_missed()
    assert list(missed["word"][:2]) == ["offshoot", "claims"]
    assert list(missed["missed_by"][:2]) == [4, 4]
    extras = grades.common_extras()
    assert extras.iloc[0].to_dict()["word"] == "terrorists"
    assert extras.iloc[0].to_dict()["marked_by"] == 2


def test_agreement_equals_plain_nltk(quiz: Quiz, grades: ClassGrades) -> None:
    """The agreement figures are nltk's own: the mean pairwise Cohen's kappa (computed with
    scikit-learn) and Krippendorff's alpha of a plain AnnotationTask."""
    from nltk.metrics.agreement import AnnotationTask

    n = len(quiz.words)
    data = [(s, i, int(i in m.numbers)) for s, m in grades.marks.items() for i in range(1, n + 1)]
    plain = AnnotationTask(data=data)
    assert grades.agreement["kappa_students"] == pytest.approx(plain.kappa())
    assert grades.agreement["alpha_students"] == pytest.approx(plain.alpha())


def test_chart_plots_the_data(grades: ClassGrades, tmp_path: Path) -> None:
    display = ClassGradesDisplay(grades, top=3).plot()
    ax1, ax2 = display.axes_[0]  # one row of two panels
    assert [t.get_text() for t in ax1.get_yticklabels()] == ["amira", "ben", "chen", "dara", "eli"]
    widths = sorted(round(p.get_width(), 2) for p in ax1.patches)
    assert widths == sorted([1.0, 0.6, 1.0, 0.0, 0.4, 0.8, 0.3, 1.0, 0.0, 0.2])
    assert [t.get_text() for t in ax2.get_yticklabels()][:2] == ["offshoot (¶2)", "claims (¶5)"]
    out = display.save(tmp_path / "class.png")
    assert out.read_bytes()[:4] == b"\x89PNG"


def run(runner: CliRunner, *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(cli, list(args), input=input, catch_exceptions=False)


def test_scripted_quiz_session() -> None:
    runner = CliRunner()
    result = run(runner, "quiz", str(PORT_A), input="1, 6\nterrorists\n109, 300\n\n")
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())  # rich wraps lines at the terminal's width
    assert "Rebels¹" in out and "militia³⁸" in out  # every word is numbered
    assert "Marked: Rebels (1), Crisis (6)" in out
    assert "Not in the article: 300" in out
    assert "Found 3 of 10 words. Precision 75%" in out
    assert "recall 30%" in out
    assert "inside a quote by Ada Korrin" in out
    assert "Missed: 'overran' (paragraph 2) is the reporter's own word." in out


def test_quiz_ends_at_end_of_input() -> None:
    result = run(CliRunner(), "quiz", str(PORT_A), input="militia\n")
    assert result.exit_code == 0
    assert "Found 1 of 10 words." in " ".join(result.output.split())


def test_grade_cli_text_json_csv_chart(tmp_path: Path) -> None:
    runner = CliRunner()
    chart = tmp_path / "class.png"
    args = ("quiz", "--grade", str(ANSWERS), "--article", str(PORT_A))
    result = run(runner, *args, "--chart", str(chart))
    assert result.exit_code == 0, result.output
    assert "Krippendorff's alpha among students" in result.output
    assert "offshoot" in result.output and chart.exists()
    again = runner.invoke(cli, [*args, "--chart", str(chart)])
    assert again.exit_code == 1
    assert f"Error: {chart} already exists; pass --force to overwrite it" in again.output
    data = json.loads(run(runner, *args, "-f", "json").output)
    assert data["students"] == 5 and data["targets"] == 10
    assert math.isclose(data["agreement"]["alpha_with_tool"], 0.4114008, abs_tol=1e-6)
    csv_out = run(runner, *args, "-f", "csv").output.splitlines()
    assert csv_out[0].startswith("student,marked,found,missed,extra,precision,recall,f1")
    assert csv_out[3].startswith("chen,10,10,0,0,1.0,1.0,1.0")


def test_quiz_usage_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["quiz"])
    assert result.exit_code == 2 and "give the article" in result.output
    result = runner.invoke(cli, ["quiz", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "Error: no such article file:" in result.output
    empty = tmp_path / "a.csv"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(cli, ["quiz", "--grade", str(empty), "--article", str(PORT_A)])
    assert result.exit_code == 1
    assert f"Error: {empty} is empty; write a header line: student,word_number,word" in (
        result.output
    )
