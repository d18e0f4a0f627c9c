"""The command line, driven with click's CliRunner: outputs, safety and error messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing import analyze
from framing.cli import cli

from .conftest import DATA

MINI = str(DATA / "lexicons" / "mini.tsv")
BROKEN = str(DATA / "lexicons" / "broken.tsv")
ARTICLE = (
    "Militants seized the town.\n\n"
    "“These terrorists must go,” the governor said.\n\n"
    "The army said US-backed militias had fled, according to officials.\n"
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def article(tmp_path: Path) -> Path:
    p = tmp_path / "article.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def run(runner: CliRunner, *args: str, input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(cli, list(args), input=input, catch_exceptions=False)


def test_analyze_text_output(runner: CliRunner, article: Path) -> None:
    result = run(runner, "analyze", str(article), "-l", MINI)
    assert result.exit_code == 0
    assert "Loaded language by voice" in result.output
    assert "These terrorists must go" in result.output
    assert max(len(line) for line in result.output.splitlines()) <= 100


def test_analyze_json_equals_library(runner: CliRunner, article: Path) -> None:
    result = run(runner, "analyze", str(article), "-l", MINI, "--format", "json", "--no-models")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data == json.loads(json.dumps(analyze(article, lexicons=[MINI]).to_dict()))
    assert {"text", "matches", "scores", "lexicons", "framing_version"} <= set(data)
    by_text = {m["text"]: (m["voice"], m["speaker"]) for m in data["matches"]}
    assert by_text["Militants"] == ("author", None)
    assert by_text["terrorists"] == ("quote", "the governor")
    assert by_text["militias"] == ("attributed", "The army")
    assert data["lexicons"][0]["name"] == "mini" and len(data["lexicons"][0]["sha256"]) == 64


def test_rate_over_no_words_is_null_in_json_and_missing_in_text(runner: CliRunner) -> None:
    text = "Militants seized the town. Militias fled."  # no quotes, no reported speech
    result = run(runner, "analyze", "-", "-l", MINI, "-f", "json", "--no-models", input=text)
    assert result.exit_code == 0
    assert "NaN" not in result.output
    rates = json.loads(result.output)["scores"]["loaded_rate_per_1k"]
    assert rates["quote"] is None and rates["attributed"] is None and rates["author"] > 0
    md = run(runner, "analyze", "-", "-l", MINI, "-f", "md", "--no-models", input=text).output
    assert "| quote | 0 | 0 | – |" in md and "nan" not in md


def test_analyze_stdin(runner: CliRunner) -> None:
    result = run(runner, "analyze", "-", "-l", MINI, "-f", "json", input=ARTICLE.encode())
    assert result.exit_code == 0
    assert json.loads(result.output)["source"]["kind"] == "text"


def test_analyze_folder_jsonl_with_a_bad_file(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text("Rebels took the town.", encoding="utf-8")
    result = runner.invoke(cli, ["analyze", str(tmp_path), "-l", MINI, "-f", "jsonl"])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(x["path"]).name for x in lines] == ["a.txt", "c.txt"]
    assert f"Warning: skipped {tmp_path / 'b.txt'}: {tmp_path / 'b.txt'} is empty" in result.stderr


def test_html_escapes_untrusted_text(runner: CliRunner, tmp_path: Path) -> None:
    p = tmp_path / "evil.txt"
    p.write_text(
        'Militants <script>alert(1)</script> seized <img src=x onerror="alert(2)"> the town.',
        encoding="utf-8",
    )
    out = tmp_path / "out.html"
    result = run(runner, "analyze", str(p), "-l", MINI, "-f", "html", "-o", str(out))
    assert result.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert (
        "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    )
    assert "<img" not in page and "onerror=&#34;alert(2)&#34;" in page
    assert 'class="m v-author d-delegitimizing"' in page


def test_output_is_not_overwritten_without_force(
    runner: CliRunner, article: Path, tmp_path: Path
) -> None:
    out = tmp_path / "a.md"
    assert (
        run(runner, "analyze", str(article), "-l", MINI, "-f", "md", "-o", str(out)).exit_code == 0
    )
    first = out.read_text(encoding="utf-8")
    assert "| text | term | category |" in first
    again = runner.invoke(cli, ["analyze", str(article), "-l", MINI, "-f", "md", "-o", str(out)])
    assert again.exit_code == 1
    assert again.output == f"Error: {out} already exists; pass --force to overwrite it\n"
    forced = run(runner, "analyze", str(article), "-l", MINI, "-f", "md", "-o", str(out), "--force")
    assert forced.exit_code == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "{p} is empty"),
        (
            "binary.txt",
            b"\x00\x01\x02PNG\x00" * 20,
            "{p} looks like a binary file, not text or HTML",
        ),
        (
            "bad.txt",
            "Rebels seized the café.".encode() + b" \xc3\x28",
            "{p} is not valid UTF-8 (bad byte at offset 25); re-save it as UTF-8 or give its "
            "encoding with --encoding",
        ),
        (
            "big.txt",
            b"word " * 4_000_000,
            "{p} is 20.0 MB, over the 5 MB limit for one article; split it, or use "
            "'framing report' for a corpus",
        ),
    ],
)
def test_bad_input_gives_one_line_error(
    runner: CliRunner, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    result = runner.invoke(cli, ["analyze", str(p), "-l", MINI])
    assert result.exit_code == 1
    assert result.output == "Error: " + message.format(p=p) + "\n"
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_folder_without_articles(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    result = runner.invoke(cli, ["analyze", str(tmp_path), "-l", MINI])
    assert result.exit_code == 1
    assert (
        result.output
        == f"Error: {tmp_path} contains no article files (.txt, .text, .md, .html, .htm)\n"
    )


def test_malformed_lexicon(runner: CliRunner, article: Path) -> None:
    result = runner.invoke(cli, ["analyze", str(article), "-l", BROKEN])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {BROKEN}:3: direction 'sideways' must be one of")
    assert result.output.count("\n") == 1
    assert f"Run 'framing lexicon validate {BROKEN}' to see every problem." in result.output


def test_lexicon_validate(runner: CliRunner) -> None:
    ok = runner.invoke(cli, ["lexicon", "validate", MINI])
    assert ok.exit_code == 0 and ok.output == f"{MINI}: OK\n"
    bad = runner.invoke(cli, ["lexicon", "validate", BROKEN])
    assert bad.exit_code == 1
    lines = bad.output.splitlines()
    assert (
        lines[0]
        == f"{BROKEN}:3: direction 'sideways' must be one of delegitimizing, legitimizing, neutral"
    )
    assert lines[-1] == "Error: 6 problems found"


def test_python_dash_m(article: Path) -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "framing", "analyze", str(article), "-l", MINI, "-f", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout)["scores"]["words"]["all"] > 0


def test_lexicon_list_and_show(runner: CliRunner) -> None:
    listed = run(runner, "lexicon", "list")
    assert listed.exit_code == 0
    for name in ("conflict", "political", "sourcing"):
        assert name in listed.output
    shown = run(runner, "lexicon", "show", "conflict", "--category", "sponsorship", "-f", "json")
    data = json.loads(shown.output)
    assert data["card"]["name"] == "conflict" and len(data["card"]["sha256"]) == 64
    terms = {e["term"] for e in data["entries"]}
    assert "US-backed" in terms and all(e["category"] == "sponsorship" for e in data["entries"])
    bad = runner.invoke(cli, ["lexicon", "show", "conflict", "--category", "nope"])
    assert bad.exit_code == 2 and "'nope' is not a category of conflict" in bad.output


def test_lexicon_glossary_formats(runner: CliRunner, tmp_path: Path) -> None:
    md = run(runner, "lexicon", "glossary", "-l", MINI)
    assert md.exit_code == 0
    assert "## Mini test lexicon (mini 0.1)" in md.output
    assert "| freedom fighter | legitimizing | yes | fighters |" in md.output
    out = tmp_path / "g.html"
    html = run(runner, "lexicon", "glossary", "-l", MINI, "-f", "html", "-o", str(out))
    assert html.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert '<h3 id="mini-actor">actor</h3>' in page and "Grants a cause moral standing" in page
