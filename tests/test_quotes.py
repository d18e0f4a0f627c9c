"""The quotes table: one row per direct quote or reported speech, offsets into the text."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from framing.cli import cli
from framing.corpus.quotes import COLUMNS, quote_table

TEXT = (
    '"The levy is a scam," said Mayor Lina Ortiz. The so-called "reform" passed anyway.\n\n'
    "The council confirmed the vote was final. Ortiz said she would appeal."
)


def test_rows_in_text_order_with_kind_speaker_cue_and_offsets() -> None:
    table = quote_table([TEXT])
    assert tuple(table.columns) == COLUMNS
    cells = table[["kind", "speaker", "cue", "text"]]
    cells = cells.astype(object).where(cells.notna(), None)  # missing cells as None
    rows = [tuple(r) for r in cells.itertuples(index=False)]
    assert rows == [
        ("quote", "Lina Ortiz", None, "The levy is a scam,"),
        ("scare", None, None, "reform"),
        ("factive", "The council", "confirmed", "the vote was final"),
        ("reported", "Lina Ortiz", "said", "she would appeal"),
    ]
    for r in table.itertuples():
        assert TEXT[r.start : r.end] == r.text


def test_documents_are_named_by_path_or_given_names(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Ortiz said the levy was fair.", encoding="utf-8")
    assert quote_table([path])["document"].tolist() == [str(path)]
    named = quote_table(
        ["Ortiz said the levy was fair.", "Kerr said the levy was unfair."], names=["a", "b"]
    )
    assert named["document"].tolist() == ["a", "b"]
    assert named["speaker"].tolist() == ["Ortiz", "Kerr"]


def test_no_quotes_gives_an_empty_table_with_the_columns() -> None:
    table = quote_table(["The council met on Tuesday."])
    assert table.empty and tuple(table.columns) == COLUMNS


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["quotes", *args], catch_exceptions=False)


def test_cli_csv_and_jsonl_give_the_library_rows(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    csv = _run(str(path), "--format", "csv")
    assert csv.exit_code == 0
    lines = csv.output.splitlines()
    assert lines[0] == ",".join(COLUMNS)
    assert lines[1] == f'{path},1,20,quote,Lina Ortiz,,"The levy is a scam,"'
    jsonl = _run(str(path), "--format", "jsonl")
    records = [json.loads(line) for line in jsonl.output.splitlines()]
    assert [(r["kind"], r["speaker"], r["cue"]) for r in records] == [
        ("quote", "Lina Ortiz", None),
        ("scare", None, None),
        ("factive", "The council", "confirmed"),
        ("reported", "Lina Ortiz", "said"),
    ]


def test_cli_folder_skips_an_unreadable_file_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Ortiz said the levy was fair.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    result = CliRunner().invoke(cli, ["quotes", str(tmp_path), "-f", "md"])
    assert result.exit_code == 0
    assert "| Ortiz | said | the levy was fair |" in result.output
    assert "Warning: skipped" in result.stderr and "b.txt" in result.stderr


def test_cli_missing_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["quotes", str(tmp_path / "none.txt")])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "Traceback" not in result.output
