"""The hand-annotated example article: every gold phrase is matched with its annotated voice."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from framing import analyze
from framing.analysis import Analysis


def gold_rows(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def phrase_span(text: str, phrase: str, occurrence: int) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


@pytest.fixture(scope="module")
def analysis(request: pytest.FixtureRequest) -> Analysis:
    from .conftest import shared_path

    return analyze(shared_path("examples", "iran_syria_support.txt"))


def test_every_gold_phrase_is_matched_with_its_voice(
    analysis: Analysis, example_gold: Path
) -> None:
    text = analysis.text
    missing = []
    for row in gold_rows(example_gold):
        s, e = phrase_span(text, row["phrase"], int(row["occurrence"]))
        hits = [m for m in analysis.matches if m.start < e and s < m.end]
        if not any(m.voice == row["voice"] for m in hits):
            missing.append((row["phrase"], row["voice"], [(m.text, m.voice) for m in hits]))
    assert missing == []


def match_in(analysis: Analysis, phrase: str, occurrence: int = 1) -> list:  # type: ignore[type-arg]
    s, e = phrase_span(analysis.text, phrase, occurrence)
    return [m for m in analysis.matches if m.start < e and s < m.end]


def test_key_voices_and_speakers(analysis: Analysis) -> None:
    for phrase in ("HTS militants", "US-backed Kurdish militias"):
        assert {m.voice for m in match_in(analysis, phrase) if m.loaded} == {"author"}
    takfiri = match_in(analysis, "Takfiri terrorist groups")
    assert {(m.voice, m.speaker) for m in takfiri} == {("quote", "Abbas Araghchi")}
    assert {m.voice for m in match_in(analysis, "Islamist militants")} == {"attributed"}
    assert {m.speaker for m in match_in(analysis, "jihadist attacks")} == {"Abbas Araghchi"}


def test_scare_quoted_name_is_not_speech(analysis: Analysis) -> None:
    scare = [q for q in analysis.voices.quotes if q.kind == "scare"]
    assert [analysis.text[q.inner_start : q.inner_end] for q in scare] == [
        "Islamic State of Iraq and Syria"
    ]
