"""`framing compare` driven with click's CliRunner: every format, stdin, safety, errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.analysis import AnalysisOptions
from framing.cli import cli
from framing.compare import compare

from .conftest import DATA

A = str(DATA / "compare" / "outlet_a.txt")
B = str(DATA / "compare" / "outlet_b.txt")
NAMES = "Outlet A,Outlet B"
EVIL = (
    "Militants <script>alert(1)</script> seized the town.\n\n"
    'The <img src=x onerror="alert(2)"> regime denied it.\n'
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str, input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(cli, ["compare", *args], input=input, catch_exceptions=False)


def test_text_output_fits_100_columns(runner: CliRunner) -> None:
    result = run(runner, A, B, "--names", NAMES)
    assert result.exit_code == 0
    out = result.output
    assert out.startswith("framing compare: Outlet A / Outlet B")
    assert "Outlet A calls Northern Valley Front (NVF) 'rebels' 3 times in its own voice" in out
    assert "Who is called what" in out and "Scores side by side" in out
    assert "freedom fighter ×1" in out and "(quote: Dana Ilic)" in out  # the cell may wrap
    assert max(len(line) for line in out.splitlines()) <= 100


def test_json_equals_library(runner: CliRunner) -> None:
    result = run(runner, A, B, "--names", NAMES, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    options = AnalysisOptions(models=True)  # the command's default, the library's opt-in
    library = compare(A, B, names=("Outlet A", "Outlet B"), options=options)
    expected = json.loads(json.dumps(library.to_dict()))
    assert data == expected
    quoted = [r for r in data["labels"] if r["label"] == "freedom fighter"]
    assert [(r["voice"], r["speaker"], r["b"]) for r in quoted] == [("quote", "Dana Ilic", 1)]
    assert [d["source"]["path"] for d in data["documents"]] == [A, B]


def test_markdown_output(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "cmp.md"
    result = run(runner, A, B, "-n", NAMES, "-f", "md", "-o", str(out))
    assert result.exit_code == 0
    assert result.output == f"Wrote {out}\n"
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# framing compare: Outlet A / Outlet B")
    assert "| actor | labels in Outlet A | labels in Outlet B |" in md
    assert "| Marovia | government ×2 \\(own\\) | regime ×2 \\(own\\) |" in md
    assert "## Outlet B" in md and "**terrorists** _(own)_" in md


def test_html_page_side_by_side_with_chart(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "cmp.html"
    result = run(runner, A, B, "-n", NAMES, "-f", "html", "-o", str(out))
    assert result.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert page.count('<div class="article">') == 2
    assert '<mark class="m v-author d-delegitimizing"' in page
    assert '<mark class="m v-quote d-legitimizing"' in page  # the quoted "freedom fighters"
    assert "<svg " in page and 'aria-label="Difference in terms per 1,000 words' in page
    assert "<h2>Who is called what</h2>" in page
    assert "freedom fighter ×1 (quote: Dana Ilic)" in page
    # self-contained: no scripts, styles or images fetched from elsewhere
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)
    assert "<link" not in page


def test_html_escapes_article_text_and_names(runner: CliRunner, tmp_path: Path) -> None:
    evil = tmp_path / "evil.txt"
    evil.write_text(EVIL, encoding="utf-8")
    out = tmp_path / "evil.html"
    result = run(runner, str(evil), B, "-n", "<b>Bold</b>,B", "-f", "html", "-o", str(out))
    assert result.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img" not in page and 'onerror="' not in page and "onerror=&#34;" in page
    assert "<b>Bold</b>" not in page and "&lt;b&gt;Bold&lt;/b&gt;" in page
    assert page.count("<script>") == 1  # the page's own panel script only


def test_stdin_for_one_side(runner: CliRunner) -> None:
    text = Path(A).read_text(encoding="utf-8")
    result = run(runner, "-", B, "-f", "json", input=text.encode())
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["documents"][0]["text"] == text
    assert data["documents"][0]["source"]["path"] is None
    both = runner.invoke(cli, ["compare", "-", "-"], input="x")
    assert both.exit_code == 2
    assert "Error: only one of A and B can be - (stdin)" in both.output


def test_output_is_not_overwritten_without_force(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "cmp.json"
    assert run(runner, A, B, "-f", "json", "-o", str(out)).exit_code == 0
    again = runner.invoke(cli, ["compare", A, B, "-f", "json", "-o", str(out)])
    assert again.exit_code == 1
    assert again.output == f"Error: {out} already exists; pass --force to overwrite it\n"
    assert run(runner, A, B, "-f", "json", "-o", str(out), "--force").exit_code == 0
    text_out = tmp_path / "cmp.txt"
    assert run(runner, A, B, "-o", str(text_out)).exit_code == 0
    assert "Who is called what" in text_out.read_text(encoding="utf-8")


def test_errors_are_one_line(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(cli, ["compare", A, str(empty)])
    assert result.exit_code == 1
    assert result.output == f"Error: {empty} is empty\n"
    missing = runner.invoke(cli, ["compare", A, str(tmp_path / "nope.txt")])
    assert missing.output == f"Error: no such file: {tmp_path / 'nope.txt'}\n"
    names = runner.invoke(cli, ["compare", A, B, "--names", "Only one"])
    assert names.exit_code == 1
    assert names.output.startswith("Error: names must be two different, non-empty names")


def test_help_has_examples(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["compare", "--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.output
    assert "framing compare a.html b.html --format html -o compare.html" in result.output
