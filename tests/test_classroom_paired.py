"""The paired worksheet: two outlets' reports of one event, compared with framing.compare."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from framing import analyze
from framing.classroom.key import key_table, word_rows
from framing.classroom.paired import PAIR_PLAN, build_paired_worksheet
from framing.classroom.readability import flesch_kincaid_grade
from framing.classroom.wording import PAIR_WORDING
from framing.cli import cli
from framing.render.classroom import paired_answer_key_html, paired_worksheet_html

from .conftest import DATA

PORT_A = DATA / "classroom" / "port_a.txt"
PORT_B = DATA / "classroom" / "port_b.txt"
NAMES = ("Harbour Post", "Coast Daily")
SCARE = "the reporter, in scare quotes (marked as someone else's word)"


@pytest.fixture(scope="module")
def pair():  # type: ignore[no-untyped-def]
    return build_paired_worksheet(analyze(PORT_A), analyze(PORT_B), names=NAMES, level="advanced")


def test_paired_tasks(pair) -> None:  # type: ignore[no-untyped-def]
    assert [t.kind for t in pair.tasks] == list(PAIR_PLAN["advanced"])
    voice = next(t for t in pair.tasks if t.kind == "pair_voice")
    assert "'terrorists'" in voice.prompt
    whose = [a.who for a in voice.answers]
    assert whose == [
        "Harbour Post: Ada Korrin (quoted)",
        "Coast Daily: the reporter, in scare quotes (marked as someone else's word)",
    ]
    words = next(t for t in pair.tasks if t.kind == "pair_words")
    only_a = {a.text for a in words.answers if a.who == "only Harbour Post, in its own words"}
    assert {"militia", "offshoot", "overran", "brutal"} <= only_a
    count = next(t for t in pair.tasks if t.kind == "pair_count")
    assert [a.who for a in count.answers] == [
        "10 in its own words, 10 in quotes or reported speech",
        "2 in its own words, 1 in quotes or reported speech",
    ]
    speakers = {
        a.text: a.note for a in next(t for t in pair.tasks if t.kind == "pair_speakers").answers
    }
    assert speakers["Lio Varn"] == "1 quotes, 0 reported; only Coast Daily"


def test_paired_pages(pair) -> None:  # type: ignore[no-untyped-def]
    page = paired_worksheet_html(pair)
    assert "Report A: Harbour Post" in page and "Report B: Coast Daily" in page
    assert '<span class="pn">B3</span>' in page
    key = paired_answer_key_html(pair)
    assert 'id="outlet-words-a"' in key and 'id="speaker-words-b"' in key
    assert "Lio Varn" in key


def test_paired_key_tables(pair) -> None:  # type: ignore[no-untyped-def]
    """The paired key uses the single worksheet's key table: columns per kind, a row an answer."""
    lexicons = pair.sheets[0].analysis.lexicons
    tables = {t.kind: key_table(t, lexicons) for t in pair.tasks}
    voice = tables["pair_voice"]
    assert voice.headings == ("Word", "Whose word", "What it signals")
    assert voice.widths == (18, 34, 48)
    assert [row[:2] for row in voice.rows] == [
        ("terrorists", "Harbour Post: Ada Korrin (quoted)"),
        ("terrorists", "Coast Daily: " + SCARE),
    ]
    speakers = {row[0]: row[1:] for row in tables["pair_speakers"].rows}
    assert speakers["Lio Varn"] == ("Coast Daily", "1 quotes, 0 reported; only Coast Daily")
    assert tables["pair_headline"].rows == () and tables["pair_headline"].headings == ()
    rows = word_rows(pair.sheets[0].evidence.speaker, lexicons)
    rebel = next(r for r in rows if r.text == "Rebel")
    assert (rebel.paragraph, rebel.voice, rebel.speaker) == (
        "1",
        "reported speech",
        "the harbour authority",
    )
    assert [r.text for r in rows if r.voice == "direct quote"] == [
        "terrorists",
        "so-called",
        "revolution",
        "massacre",
    ]


def test_paired_basic_wording_reads_easily() -> None:
    for kind, levels in PAIR_WORDING.items():
        _, prompt = levels["basic"]
        text = prompt.format(word="terrorists")
        assert flesch_kincaid_grade(text) <= 6.0, (kind, text)


def test_paired_cli(tmp_path: Path) -> None:
    out, key = tmp_path / "pair.html", tmp_path / "key.html"
    args = ["worksheet", str(PORT_A), str(PORT_B), "--names", ",".join(NAMES)]
    result = CliRunner().invoke(cli, [*args, "-o", str(out), "--answer-key", str(key)])
    assert result.exit_code == 0, result.output
    assert "Coast Daily" in out.read_text(encoding="utf-8")
    one_name = CliRunner().invoke(cli, [*args[:-1], "Harbour Post", "-o", str(tmp_path / "x.html")])
    assert one_name.exit_code == 1
    assert "Error: names must be two different, non-empty names" in one_name.output
    single = CliRunner().invoke(cli, ["worksheet", str(PORT_A), "--names", "A,B"])
    assert single.exit_code == 2
    assert "names are for a paired worksheet of two articles" in single.output
