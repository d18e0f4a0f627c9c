"""The quotes table: one row per direct quote or reported speech, offsets into the text."""

from __future__ import annotations

from pathlib import Path

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
