"""Worksheets, answer keys, the neutral rewrite and readability of the instructions."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing import analyze
from framing.analysis import Analysis
from framing.classroom import build_worksheet, gather, rewrite
from framing.classroom.evidence import part_of_name
from framing.classroom.inflect import a_or_an, apply_form, form_of, plural, singular
from framing.classroom.key import key_table
from framing.classroom.readability import flesch_kincaid_grade, syllables
from framing.classroom.tasks import LEVELS, PLAN, WORDING, Answer, Task
from framing.classroom.wording import INTRO
from framing.cli import cli
from framing.errors import FramingError
from framing.render.classroom import answer_key_html, worksheet_html

from .conftest import DATA

CLASSROOM = DATA / "classroom"
PORT_A = CLASSROOM / "port_a.txt"


class _Sections(HTMLParser):
    """Text under each <h2 id=...> of a page, and the page's visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: dict[str, list[str]] = {}
        self.current = ""
        self.skip = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self.skip += 1
        if tag == "h2":
            self.current = dict(attrs).get("id") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.text.append(data)
            self.sections.setdefault(self.current, []).append(data)


def sections(html: str) -> dict[str, str]:
    parser = _Sections()
    parser.feed(html)
    return {k: " ".join(v) for k, v in parser.sections.items()}


@pytest.fixture(scope="module")
def port_a() -> Analysis:
    return analyze(PORT_A)


@pytest.fixture(scope="module")
def iran(request: pytest.FixtureRequest) -> Analysis:
    from .conftest import shared_path

    return analyze(shared_path("examples", "iran_syria_support.txt"))


# --- the must-show example -------------------------------------------------------------------


@pytest.mark.shared
def test_answer_key_separates_outlet_and_speaker_words(iran: Analysis) -> None:
    ws = build_worksheet(iran, level="basic")
    outlet = {w.text for w in ws.evidence.outlet}
    speaker = {w.text: w for w in ws.evidence.speaker}
    for word in ("militants", "US-backed", "al-Qaeda affiliate", "backed by the US", "seized"):
        assert word in outlet
    assert {"Takfiri", "terrorist groups"} <= set(speaker)
    assert speaker["Takfiri"].match.speaker == "Abbas Araghchi"
    assert speaker["terrorist groups"].match.voice == "quote"
    # every loaded word in the reporter's own voice is listed in the key, nothing else
    expected = {
        m.text for m in iran.loaded("author") if not m.scare_quoted and not part_of_name(iran, m)
    }
    assert outlet == expected
    key = sections(answer_key_html(ws))
    own, theirs = key["outlet-words"], key["speaker-words"]
    for word in ("militants", "US-backed", "al-Qaeda affiliate", "stronghold"):
        assert word in own
    for word in ("Takfiri", "terrorist groups"):
        assert word in theirs and word not in own
    assert "Abbas Araghchi" in theirs
    # each entry carries the lexicon's rationale and alternatives
    militant = next(m for m in iran.matches if m.term == "militant")
    assert militant.rationale in own and "fighters; armed group members; gunmen" in own
    # "liberated" is listed as the other side's word, not as a neutral alternative for "seized"
    assert "took control of; captured (other side's word: liberated)" in own
    for w in ws.evidence.of("left_out"):  # e.g. "Sham" in "Hayat Tahrir-al-Sham"
        assert w.text in key["left-out"] and w.text not in own


@pytest.mark.shared
def test_worksheet_levels(iran: Analysis) -> None:
    kinds = {lvl: [t.kind for t in build_worksheet(iran, level=lvl).tasks] for lvl in LEVELS}
    assert kinds["basic"] == ["labels", "quoted", "sort", "rewrite"]
    assert len(kinds["basic"]) < len(kinds["intermediate"]) < len(kinds["advanced"])
    basic = build_worksheet(iran, level="basic")
    sort = next(t for t in basic.tasks if t.kind == "sort")
    assert len(sort.items) == 6
    whose = {a.text: a.who for a in sort.answers}
    assert whose["Takfiri"] == "Abbas Araghchi (quoted)"
    assert whose["al-Qaeda affiliate"] == "the reporter (the outlet's choice)"
    quoted = next(t for t in basic.tasks if t.kind == "quoted")
    named = {a.text: a.who for a in quoted.answers}
    assert named["Abbas Araghchi"] == "named"
    assert named["another anonymous Iranian official"] == "not named"
    page = sections(worksheet_html(basic))
    text = " ".join(page.values())
    assert "Underline the words the reporter uses for the armed groups." in text
    assert "Abbas Araghchi" in text  # the article itself
    assert "Write paragraph 10 again in neutral words." in text
    # the student's page gives no answers away: no rationale text on it
    militant = next(m for m in iran.matches if m.term == "militant")
    assert militant.rationale not in text


# --- worksheets on our own article -----------------------------------------------------------


def test_worksheet_page_and_key(port_a: Analysis) -> None:
    ws = build_worksheet(port_a, level="intermediate", title="Port <b>news</b>", paper="a4")
    html = worksheet_html(ws)
    assert "<title>Worksheet: Port &lt;b&gt;news&lt;/b&gt;</title>" in html
    assert "size: A4;" in html
    text = " ".join(sections(html).values())
    for n in range(1, 6):
        assert f" {n} " in f" {text} "  # numbered paragraphs
    assert "Rebels Storm Port City as Crisis Deepens" in text
    kinds = [t.kind for t in ws.tasks]
    assert kinds == ["labels", "actions", "quoted", "sort", "verbs", "backing", "rewrite"]
    key = answer_key_html(ws)
    parts = sections(key)
    assert "people's uprising" in parts["scare-words"]
    assert "terrorists" in parts["speaker-words"] and "Ada Korrin" in parts["speaker-words"]
    rewrite_task = next(t for t in ws.tasks if t.kind == "rewrite")
    table = key_table(rewrite_task, port_a.lexicons)
    assert table.headings[:2] == ("Word", "Automatic swap")
    rows = {row[0]: row for row in table.rows}
    assert rows["an offshoot"][1] == "a successor group"
    assert rows["foreign-backed"][1] == "no neutral swap"
    assert rows["militia"][3] == "armed group; auxiliary force (also loaded: paramilitary force)"


def test_key_table_merges_repeated_answers() -> None:
    """One row per word, kind and note, listing its paragraphs once each, headline first."""
    answers = (
        Answer("Militants", 0, who="the reporter", term="militant", rationale="why"),
        Answer("militants", 4, who="the reporter", term="militant", rationale="why"),
        Answer("militants", 4, who="the reporter", term="militant", rationale="why"),
        Answer("militants", 2, who="Ada Korrin (quoted)", term="militant", rationale="why"),
    )
    table = key_table(Task("sort", "Sort", "Sort the words.", answers=answers))
    assert table.headings == ("Word", "¶", "Whose word", "What it signals")
    assert table.rows == (
        ("Militants", "headline, 4", "the reporter", "why"),
        ("militants", "2", "Ada Korrin (quoted)", "why"),
    )
    default = key_table(Task("labels", "Labels", "Find them.", answers=answers[:1]))
    assert default.headings[-1] == "Neutral alternatives"
    assert default.rows == (("Militants", "headline", "why", "none listed"),)


def test_basic_instructions_read_easily() -> None:
    """Basic-level instructions stay at or below Flesch-Kincaid grade 6 (13-year-olds: 7-8)."""
    for kind, levels in WORDING.items():
        _, prompt = levels["basic"]
        text = prompt.format(who="the armed groups", n=3, a=5, b=4)
        assert flesch_kincaid_grade(text) <= 6.0, (kind, text)
    assert flesch_kincaid_grade(INTRO["basic"]) <= 6.0
    basic = [p.format(who="x", n=3, a=5, b=4) for k in PLAN["basic"] for p in WORDING[k]["basic"]]
    advanced = [
        p.format(who="x", n=3, a=5, b=4) for k in PLAN["advanced"] for p in WORDING[k]["advanced"]
    ]
    assert flesch_kincaid_grade(" ".join(advanced)) > flesch_kincaid_grade(" ".join(basic)) + 2


def test_readability_formula() -> None:
    assert [syllables(w) for w in ("cat", "made", "little", "reporter", "quoted")] == [
        1,
        1,
        2,
        3,
        2,
    ]
    # 0.39 * 6 words/sentence + 11.8 * 6/6 syllables/word - 15.59
    assert flesch_kincaid_grade("The cat sat on the mat.") == pytest.approx(-1.45)
    assert flesch_kincaid_grade("") == 0.0


def test_unknown_level_and_paper(port_a: Analysis) -> None:
    with pytest.raises(FramingError, match="unknown level 'expert': use one of basic"):
        build_worksheet(port_a, level="expert")
    with pytest.raises(FramingError, match="unknown paper size 'a3'"):
        build_worksheet(port_a, paper="a3")


# --- the neutral rewrite ---------------------------------------------------------------------


def test_rewrite_replaces_only_the_outlets_words(port_a: Analysis) -> None:
    rw = rewrite(port_a)
    changes = {c.original: (c.replacement, c.status) for c in rw.changes}
    assert changes["Rebels"] == ("Fighters", "replaced")  # capital kept in the headline
    assert changes["an offshoot"] == ("a successor group", "replaced")  # "an" -> "a"
    assert changes["overran"] == ("took control of", "replaced")
    assert changes["a brutal"] == ("a violent", "replaced")
    assert changes["insisted"] == ("said", "replaced")
    assert changes["regime"] == ("government", "replaced")
    # marked, not guessed: no neutral wording fits, or a verb used as a noun ("the claims")
    assert changes["foreign-backed"] == (None, "marked")
    assert changes["claims"] == (None, "marked")
    text = rw.text()
    # quotes and reported speech are untouched
    assert '"These terrorists will answer for every life they took,"' in text
    assert "liberated the port from a corrupt regime" in text
    assert 'no "people\'s uprising"' in text  # a scare quote stays
    assert "[?foreign-backed?]" in text and "The government has not let journalists" in text


def test_inflection_rules() -> None:
    assert form_of("militants", "militant") == "plural"
    assert form_of("seizing", "seized") == "ing"
    assert form_of("Vows", "vowed") == "s"
    assert form_of("backed by the US", "US-backed") is None
    assert apply_form("took control of", "ing", verb=True) == "taking control of"
    assert apply_form("took control of", "participle", verb=True) == "taken control of"
    assert apply_form("captured", "ing", verb=True) == "capturing"
    assert apply_form("promised", "s", verb=True) == "promises"
    assert apply_form("fighters", "singular", verb=False) == "fighter"
    assert apply_form("member of the group", "plural", verb=False) == "members of the group"
    assert plural("gunman") == "gunmen" and plural("militia") == "militias"
    assert singular("people") == "person" and singular("police") is None
    assert [a_or_an(w) for w in ("armed", "group", "unusual", "union", "hour", "NGO")] == [
        "an",
        "a",
        "an",
        "a",
        "an",
        "an",
    ]


def test_rewrite_tenses_and_articles() -> None:
    a = analyze(
        "Troops repelled the attack.\n\nThe rebels have seized the town and are seizing more. "
        "It was a brutal week."
    )
    rw = rewrite(a)
    assert {c.original: c.replacement for c in rw.changes} == {
        "repelled": "fought off",
        "rebels": "fighters",
        "seized": "taken control of",  # after "have": the participle
        "seizing": "taking control of",
        "a brutal": "a violent",
    }


# --- the command line ------------------------------------------------------------------------


def test_worksheet_cli_writes_page_and_key(tmp_path: Path) -> None:
    runner = CliRunner()
    out, key = tmp_path / "ws.html", tmp_path / "key.html"
    args = ["worksheet", str(PORT_A), "-o", str(out), "--answer-key", str(key), "--paper", "letter"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "size: letter;" in out.read_text(encoding="utf-8")
    assert 'id="outlet-words"' in key.read_text(encoding="utf-8")
    again = runner.invoke(cli, args)
    assert again.exit_code == 1
    assert f"Error: {key} already exists; pass --force to overwrite it" in again.output
    assert runner.invoke(cli, [*args, "--force"]).exit_code == 0
    same = runner.invoke(cli, ["worksheet", str(PORT_A), "-o", str(out), "--answer-key", str(out)])
    assert same.exit_code == 2 and "the answer key needs its own file" in same.output


def test_worksheet_cli_stdout_and_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["worksheet", str(PORT_A), "--level", "advanced"])
    assert result.exit_code == 0
    assert result.output.startswith("<!DOCTYPE html>")
    too_many = runner.invoke(cli, ["worksheet", str(PORT_A), str(PORT_A), str(PORT_A)])
    assert too_many.exit_code == 2 and "give one article, or two" in too_many.output
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(cli, ["worksheet", str(empty)])
    assert result.exit_code == 1 and result.output.startswith("Error: ")


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_rewrite_cli_formats(fmt: str) -> None:
    result = CliRunner().invoke(cli, ["rewrite", str(PORT_A), "-f", fmt])
    assert result.exit_code == 0, result.output
    out = result.output
    if fmt == "text":
        assert "[-overran-]{+took control of+}" in out
        assert "[?foreign-backed?]" in out
        assert re.search(r"\d+ replaced, \d+ marked for a person to decide", out)
    elif fmt == "md":
        assert "~~overran~~ **took control of**" in out
    else:
        assert "<del>overran</del> <ins>took control of</ins>" in out
        assert '<mark class="keep"' in out


def test_rewrite_cli_no_diff() -> None:
    out = CliRunner().invoke(cli, ["rewrite", str(PORT_A), "--no-diff"]).output
    assert "took control of two police posts" in out and "overran" not in out


def test_html_escapes_article_text(tmp_path: Path) -> None:
    p = tmp_path / "evil.txt"
    p.write_text(
        'Rebels <script>alert(1)</script> seized the town.\n\n"Terrorists!" he said.\n',
        encoding="utf-8",
    )
    a = analyze(p)
    for html in (
        worksheet_html(build_worksheet(a)),
        answer_key_html(build_worksheet(a, level="advanced")),
    ):
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;" in html


def test_evidence_groups(port_a: Analysis) -> None:
    ev = gather(port_a)
    assert ev.headline is not None
    assert len(ev.body) == 5
    assert ev.paragraph_number(0) == 0
    assert {w.text for w in ev.of("scare")} == {"people's uprising"}


def test_words_inside_names_are_left_out() -> None:
    a = analyze(
        "Hayat Tahrir-al-Sham fighters met Prime Minister Mohammed Shia al-Sudani.\n\n"
        "The Lebanese Shia militia denied it. Sham elections followed, and Sham was a sham.",
        lexicons=[CLASSROOM / "names.tsv"],
    )
    owners = [(w.text, w.owner) for w in gather(a).words]
    assert owners == [
        ("Sham", "left_out"),  # glued into a hyphenated name
        ("Shia", "left_out"),  # between two parts of a person's name
        ("Shia", "outlet"),
        ("militia", "outlet"),
        ("Sham", "outlet"),  # a capital at the start of a sentence
        ("Sham", "left_out"),  # capitalised mid-sentence, lowercase term: a name
        ("sham", "outlet"),
    ]
