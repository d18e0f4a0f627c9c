from __future__ import annotations

from framing.document import Document
from framing.lexicon.format import read_lexicon
from framing.lexicon.matcher import Matcher, compile_matcher

from .conftest import DATA

MINI = read_lexicon(DATA / "lexicons" / "mini.tsv")


def hits(text: str) -> list[tuple[str, str]]:
    doc = Document.from_text(text)
    return [
        (text[h.start : h.end], h.entry.term)
        for h in Matcher([MINI]).find(text, doc.sentence_openings)
    ]


def test_hyphen_space_and_abbreviation_variants_are_one_label() -> None:
    text = "US-backed forces, U.S.-backed units, US backed militias and militants backed by the US."
    assert hits(text) == [
        ("US-backed", "US-backed"),
        ("U.S.-backed", "US-backed"),
        ("US backed", "US-backed"),
        ("militias", "militia"),
        ("militants", "militant"),
        ("backed by the US", "US-backed"),
    ]


def test_longest_match_wins() -> None:
    text = "They are freedom fighters, not a terror group."
    assert hits(text) == [("freedom fighters", "freedom fighter"), ("terror group", "terrorist")]


def test_whole_words_only() -> None:
    assert hits("Antiterrorists and militantly minded people.") == []


def test_multi_word_terms_match_across_line_breaks_and_spaces() -> None:
    text = "an armed\n  rebellion began"
    assert hits(text) == [("armed\n  rebellion", "armed rebellion")]


def test_avoid_phrase_drops_the_unloaded_sense() -> None:
    assert hits("The militant union went on strike with militants.") == [("militants", "militant")]


def test_case_lower_keeps_names_out_but_allows_sentence_openings() -> None:
    text = "The Islamic Resistance in Iraq spoke. Resistance fighters left. They joined the resistance."  # noqa: E501
    found = hits(text)
    assert found == [("Resistance", "resistance"), ("resistance", "resistance")]
    assert text.index("Resistance fighters") == Document.from_text(text).sentences[1].start


def test_case_exact() -> None:
    assert hits("ISIS and isis and Isis.") == [("ISIS", "ISIS")]


def test_wildcard_forms() -> None:
    text = "Russia sent troops at Assad’s request and later at the request of Damascus."
    assert hits(text) == [
        ("at Assad’s request", "request"),
        ("at the request of Damascus", "request"),
    ]


def test_typographic_apostrophes_and_quotes() -> None:
    text = "“Terrorists,” he said; the terrorists’ base fell."
    assert [t for t, _ in hits(text)] == ["Terrorists", "terrorists"]


def test_offsets_survive_unicode_and_spacing() -> None:
    text = "İstanbul said  “terrorists”\u00a0and  armed   rebellion."
    for (surface, _term), h in zip(hits(text), Matcher([MINI]).find(text), strict=True):
        assert text[h.start : h.end] == surface
    assert [t for t, _ in hits(text)] == ["terrorists", "armed   rebellion"]


def test_compile_matcher_is_cached_by_content() -> None:
    assert compile_matcher([MINI]) is compile_matcher([MINI])


def test_wildcard_does_not_swallow_another_term() -> None:
    text = "A senior Iranian official spoke; a senior regime official did not."
    assert hits(text) == [("A senior Iranian official", "senior official"), ("regime", "regime")]


def test_wildcard_does_not_cross_punctuation() -> None:
    assert hits("It came at Assad, request or not.") == []
