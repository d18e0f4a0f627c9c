from __future__ import annotations

import random

import pytest

from framing.document import Document
from framing.lexicon.format import read_lexicon
from framing.lexicon.matcher import ExtraKeys, Matcher, compile_matcher
from framing.lexicon.normalize import compact, normalize_chars, translator, word_text

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


# --- the fast paths the analysis relies on ---------------------------------------------------


def test_translator_equals_str_translate() -> None:
    """ASCII text goes through bytes, other text through regexes: both as str.translate."""
    mapping = dict.fromkeys(",.;:!?()-\u2014\u201c\u201d\u00a0\t\n", " ") | {"\u2019": "'"}
    fast, table = translator(mapping), str.maketrans(mapping)
    rng = random.Random(11)
    alphabet = "ab Z,.;:!?()-\u2014\u201c\u201d\u2019'\u00a0\t\n\u00e9\u0130"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert fast(text) == text.translate(table), repr(text)
    with pytest.raises(ValueError, match="must not itself be mapped"):
        translator({"a": "b", "b": "c"})


def test_orig_spans_maps_like_orig_and_orig_end() -> None:
    rng = random.Random(5)
    for _ in range(2000):
        text = "".join(rng.choice("ab   ") for _ in range(rng.randint(1, 40)))
        ct = compact(text)
        n = len(ct.text)
        spans = [
            (a, rng.randint(a + 1, n), tag)
            for tag, a in enumerate(rng.randint(0, n - 1) for _ in range(4))
            if n
        ]
        assert ct.orig_spans(spans) == sorted(
            (ct.orig(s), ct.orig_end(e), tag) for s, e, tag in spans
        ), (text, spans)


def test_extra_keys_come_back_from_the_same_scan() -> None:
    text = "Officials said the militias did not withdraw, according\nto witnesses."
    keys = [" said ", " not ", " according to ", " militias "]
    matcher = compile_matcher([MINI], ExtraKeys("test-extra", {key: key for key in keys}))
    words = word_text(normalize_chars(text))
    spans, extras = matcher.scan(text, Document.from_text(text).sentence_openings, words)
    # the lexicon hits are as without extra keys, "militias" included, which both have
    assert spans == Matcher([MINI]).spans(text)
    assert [text[s:e] for s, e, _ in spans] == ["militias"]
    found = [text[slice(*words.span(last, len(key)))] for last, key in extras]
    assert found == ["said", "militias", "not", "according\nto"]
