from __future__ import annotations

import random
import re
import string
from pathlib import Path

import pytest

from framing.document import Document, count_words, split_paragraphs, to_document
from framing.errors import FramingError


def sentences(text: str) -> list[str]:
    doc = Document.from_text(text)
    return [text[s:e] for s, e in doc.sentences]


def test_abbreviations_do_not_end_sentences() -> None:
    text = "Gen. Smith met Sen. Jones on Jan. 5 in the U.S. The U.S.-backed group left."
    assert sentences(text) == [
        "Gen. Smith met Sen. Jones on Jan. 5 in the U.S.",
        "The U.S.-backed group left.",
    ]


def test_initials_and_times() -> None:
    text = "Mr. A. B. Cole arrived at 3 p.m. Tuesday. He left."
    assert sentences(text) == ["Mr. A. B. Cole arrived at 3 p.m. Tuesday.", "He left."]


def test_line_break_inside_a_sentence_is_not_a_break() -> None:
    text = "The armed\nrebellion began in the north and\nspread quickly. Then it stopped."
    assert sentences(text) == [
        "The armed\nrebellion began in the north and\nspread quickly.",
        "Then it stopped.",
    ]


def test_headline_line_ends_a_sentence() -> None:
    text = "Rebels Take Northern Town\nRebels took the town on Monday, residents said."
    assert sentences(text)[0] == "Rebels Take Northern Town"


def test_quote_closing_after_period() -> None:
    text = "“We will stay.” The minister left. ‘Not now,’ he said."
    assert sentences(text) == ["“We will stay.”", "The minister left.", "‘Not now,’ he said."]


def test_paragraphs_split_on_blank_lines_and_trim() -> None:
    text = "  First para.\n\n\n  Second para.  \n"
    spans = split_paragraphs(text)
    assert [text[s:e] for s, e in spans] == ["First para.", "Second para."]


def test_long_lines_without_blank_lines_are_paragraphs() -> None:
    line = "This is a long line of text that goes on and on about events in the region today. " * 2
    text = f"{line}\n{line}\n{line}"
    assert len(split_paragraphs(text)) == 3


@pytest.mark.parametrize(
    "word",
    ["US-backed", "U.S.-backed", "Iran-backed", "al-Qaeda", "Tahrir-al-Sham", "Assad’s", "280,000"],
)
def test_compounds_are_single_tokens(word: str) -> None:
    doc = Document.from_text(f"The {word} group.")
    assert word in [t.text for t in doc.tokens]


def test_token_offsets_point_into_the_text() -> None:
    text = "“Takfiri terrorist groups” — so said Gen. X… in Idlib (HTS’s base)."
    doc = Document.from_text(text)
    assert all(text[t.start : t.end] == t.text for t in doc.tokens)
    kinds = {t.text: t.kind for t in doc.tokens}
    assert kinds["“"] == "quote" and kinds["—"] == "dash" and kinds["Idlib"] == "word"


def test_word_count_counts_compounds_once() -> None:
    assert count_words("US-backed Kurdish militias seized 3 towns.") == 6


def test_sentence_index_and_openings() -> None:
    text = "One here. “Two there,” she said. Three."
    doc = Document.from_text(text)
    assert doc.sentence_index(text.index("Two")) == 1
    assert text.index("Two") in doc.sentence_openings
    assert doc.sentence_index(text.index("Three")) == 2


def test_word_count_fast_path_equals_the_definition() -> None:
    """ASCII text is counted through bytes; the count is that of the definition."""
    punct_token = re.compile(r"\s[^\w\s]+(?=\s)")
    rng = random.Random(7)
    alphabet = string.printable + "\x1c\x1f"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        expected = len(text.split()) - len(punct_token.findall(f" {text} "))
        assert count_words(text) == expected, repr(text)
    assert count_words("U.S.-backed forces - 280,000 , Iran's _ ...") == 5


def test_to_document_takes_documents_paths_and_text(tmp_path: Path) -> None:
    doc = Document.from_text("Rebels took the town.")
    assert to_document(doc) is doc
    path = tmp_path / "a.txt"
    path.write_text("Rebels took the town.\n\nThe army left.", encoding="utf-8")
    from_path = to_document(path)
    assert from_path.source.path == str(path) and len(from_path.paragraphs) == 2
    assert to_document(str(path)).text == from_path.text  # a one-line str naming a file
    assert to_document("Rebels took the town.").source.kind == "string"
    with pytest.raises(FramingError, match="the text is empty"):
        to_document(" \n ")
    with pytest.raises(FramingError, match="cannot analyse a int; give text or a path"):
        to_document(3)  # type: ignore[arg-type]
