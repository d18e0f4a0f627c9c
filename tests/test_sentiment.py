"""Sentiment: our pattern pass against TextBlob's own, pinned values, sentences, VADER.

The agreement tests on real data need ../shared and skip with a clear reason without it.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from framing.annotate.sentiment import (
    SENTIMENT_MODELS,
    SentimentScore,
    assessment,
    document_sentiment,
    lexicon,
    pattern_lexicon,
    pattern_sentiment,
    tokens,
    vader_compound,
    vader_sentences,
    word_keys,
)
from framing.errors import FramingError, InputError, LexiconError
from framing.lexicon import textblob_data
from framing.lexicon.matcher import ExtraKeys, compile_matcher
from framing.lexicon.normalize import WordText, normalize_chars, word_text

DATASETS = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"


def textblob_sentiment(text: str) -> tuple[float, float]:
    from textblob import TextBlob

    result = TextBlob(text).sentiment
    return result.polarity, result.subjectivity


def ours(text: str) -> tuple[float, float]:
    score = pattern_sentiment(text)
    return score.polarity, score.subjectivity


# --- Pinned values and directions -------------------------------------------------------------


def test_intensifier_makes_it_more_positive() -> None:
    plain, very = (
        pattern_sentiment("The plan is good."),
        pattern_sentiment("The plan is very good."),
    )
    assert plain.polarity > 0 and very.polarity > plain.polarity
    assert (very.polarity, very.subjectivity, very.assessed) == pytest.approx((0.91, 0.78, 1))


def test_negation_flips_and_halves() -> None:
    score = pattern_sentiment("The plan is not good.")
    assert score.polarity == pytest.approx(-0.35)  # good is 0.7: "not good" is -0.5 * 0.7
    assert score.subjectivity == pytest.approx(0.6)
    assert pattern_sentiment("Not a good plan.").polarity == pytest.approx(-0.35)  # across "a"
    assert pattern_sentiment("No, the plan is good.").polarity == pytest.approx(0.7)  # too far


def test_contracted_negation_is_not_a_negation_as_in_textblob() -> None:
    # find_tokens turns "isn't" into "is n ' t": TextBlob never sees the negation.
    assert ours("The plan isn't good.") == pytest.approx((0.7, 0.6))


def test_exclamation_marks_boost_and_saturate() -> None:
    assert pattern_sentiment("The plan is good!").polarity == pytest.approx(0.875)
    assert pattern_sentiment("The plan is good!!!").polarity == 1.0
    assert pattern_sentiment("The plan is bad!").polarity < pattern_sentiment("It is bad.").polarity


def test_irony_and_emoticons() -> None:
    irony = pattern_sentiment("What a great idea (!)")
    assert irony.assessed == 2 and irony.polarity == pytest.approx(0.4)
    assert pattern_sentiment("He was extremely happy :)").polarity == pytest.approx(0.65)
    assert pattern_sentiment("The talks were productive :-(").polarity == pytest.approx(-0.75)


def test_no_sentiment_words() -> None:
    assert pattern_sentiment("Rebels shelled the town; civilians fled.") == SentimentScore(0, 0, 0)
    assert pattern_sentiment("") == SentimentScore(0.0, 0.0, 0)


# --- Equal to TextBlob ------------------------------------------------------------------------

HANDWRITTEN = [
    "The plan is very good.",
    "The plan is not good.",
    "The plan is good!",
    "The plan is good!!!",
    "The plan isn't good.",
    "What a great idea (!)",
    "Not a good plan.",
    "It is really not good.",
    "He was extremely happy :)",
    "Officials said the talks were productive :-(",
    "The U.S. envoy called the deal excellent.",
    "Mr. Smith is a terrible negotiator.",
    "The attack was horrible, brutal and senseless.",
    "The ceasefire is never good news.",
    "It was very, very bad.",
    "She said: 'This is a wonderful day.'",
    "\u201cA disastrous decision,\u201d the minister said.",
    "Prices fell sharply; analysts were worried.",
    "The report (published in 2018) was fairly balanced.",
    "Nothing here is remarkable...",
    "An absolutely outstanding result!",
    "A rather mediocre performance.",
    "The government's response was inadequate and slow.",
    "The so-called peace plan is a complete failure.",
    "They were not very impressed.",
    "He never said it was easy.",
    "The talks, however, ended in bitter disagreement.",
    "The new policy is fair, reasonable and long overdue.",
    "Notes: [1] see page 8) for the awful details",
    "A good start.\n\n) Then a sad end :\n\n)",
    "Gen. Smith, Ltd. and e.g. Fig. 3 were fine. The UN. Not. Good.",
]


@pytest.mark.parametrize("text", HANDWRITTEN)
def test_equals_textblob_on_handwritten_sentences(text: str) -> None:
    assert ours(text) == pytest.approx(textblob_sentiment(text), abs=1e-9)


def test_equals_textblob_on_random_strings() -> None:
    """Random mixes of lexicon words, negations, punctuation, emoticons and line breaks."""
    pieces = (
        "good bad very not no never really terribly nice sad amazing much too extremely "
        "a I is it US U.S. Mr. Gen. etc. e.g. don't isn't n't 8 2018 x xD XD o_O <3 :) :( ;) "
        ":-) 8) :3 (!) ! !! ? ... .. . , ; : ( ) [ ] { } - -- ' \" \u201c \u201d \u2018 \u2019 "
        "= * ^ _ / \\ < > | \u00b0 \u2665 END-OF-SENTENCE"
    ).split()
    gaps = [" ", " ", " ", "", "\n", "\n\n", "\t", "\xa0", "\r\n\r\n"]
    rng = random.Random(20240601)
    for _ in range(400):
        text = "".join(rng.choice(pieces) + rng.choice(gaps) for _ in range(rng.randint(1, 25)))
        assert ours(text) == textblob_sentiment(text), repr(text)


def test_lexicon_equals_textblobs() -> None:
    """Every word, with TextBlob's averaging over senses and parts of speech and -ly adverbs."""
    import textblob.en

    reference = textblob.en.sentiment
    reference("warm up")  # loads the lexicon
    table = pattern_lexicon()
    words = {word for word, entry in table.items() if entry is not None}
    assert words == set(reference)
    for word in words:
        entry = table[word]
        assert entry is not None
        p, s, i, kind, _negation = entry
        assert (p, s, i) == tuple(reference[word][None]), word
        assert (entry.polarity, entry.subjectivity, entry.intensity) == (p, s, i)
        assert lexicon.pattern_table()[word] == tuple(entry)  # the scoring pass's plain tuples
        assert (kind != lexicon.NOT_MODIFIER) == ("RB" in reference[word]), word


def test_tables_equal_textblobs() -> None:
    from textblob import _text

    assert tokens.TB_PUNCTUATION == _text.PUNCTUATION
    assert tokens.TB_ABBREVIATIONS == _text.ABBREVIATIONS
    assert {k: set(v) for k, v in tokens.TB_EMOTICONS.items()} == _text.EMOTICONS
    assert list(tokens.TB_EMOTICONS) == list(_text.EMOTICONS)
    # Where one emoticon starts another (":c", ":c)"), TextBlob's regex tries the longer one
    # first, as its group comes first: our longest-first order makes the same choice.
    groups = {e: k for k, (_name, group) in enumerate(_text.EMOTICONS.items()) for e in group}
    for short in groups:
        for long in groups:
            if long != short and long.startswith(short):
                assert groups[long] < groups[short], (short, long)


def test_missing_lexicon_is_a_framing_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textblob_data.importlib.util, "find_spec", lambda name: None)
    lexicon.pattern_table.cache_clear()
    pattern_lexicon.cache_clear()
    try:
        with pytest.raises(LexiconError, match=r"en-sentiment\.xml was not found") as caught:
            pattern_sentiment("good")
        assert isinstance(caught.value, FramingError)
    finally:
        monkeypatch.undo()
        lexicon.pattern_table.cache_clear()
        pattern_lexicon.cache_clear()
    assert pattern_sentiment("good").polarity == pytest.approx(0.7)


# --- Sentences --------------------------------------------------------------------------------

TEXT = (
    "The first plan was very good. The second one was not good at all!\n\n"
    "Critics called it a disaster :( Some said: \u201cIt is really not bad.\u201d No. Good."
)


def spans_of(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"\S[^.!?]*(?:[.!?]+[\u201d\"']?|$)", text)]


def test_document_sentiment_per_sentence() -> None:
    spans = spans_of(TEXT)
    assert [TEXT[a:b] for a, b in spans][3:] == ["No.", "Good."]
    document, sentences = document_sentiment(TEXT, spans)
    assert document == pattern_sentiment(TEXT)
    assert sentences == [pattern_sentiment(TEXT[a:b]) for a, b in spans]
    first, second = sentences[0], sentences[1]
    assert first.polarity > 0 > second.polarity
    # "No. Good.": TextBlob's whole-text pass negates "good" across the sentence boundary;
    # the sentence "Good." on its own is positive.
    assert sentences[-1].polarity == pytest.approx(0.7)
    assert document.assessed == sum(s.assessed for s in sentences)
    mean = sum(s.polarity * s.assessed for s in sentences) / document.assessed
    assert document.polarity == pytest.approx(mean - (0.7 + 0.35) / document.assessed)


def test_document_sentiment_odd_spans() -> None:
    spans = [(0, 9), (4, 30), (30, 30), (35, 40), (45, len(TEXT))]  # overlapping, mid-word, empty
    document, sentences = document_sentiment(TEXT, spans)
    assert document == pattern_sentiment(TEXT)
    assert sentences == [pattern_sentiment(TEXT[a:b]) for a, b in spans]
    assert document_sentiment("", [(0, 0)]) == (
        SentimentScore(0.0, 0.0, 0),
        [SentimentScore(0, 0, 0)],
    )
    with pytest.raises(InputError, match="outside the text"):
        document_sentiment(TEXT, [(5, len(TEXT) + 1)])


def shared_scan(text: str) -> tuple[WordText, list[tuple[int, int]]]:
    """What framing.analyze hands document_sentiment: a one-pass scan's sentiment-word hits."""
    keys = word_keys()
    matcher = compile_matcher((), ExtraKeys("sentiment-test", keys))
    words = word_text(normalize_chars(text))
    return words, list(matcher.scan(text, (), words)[1])


SHARED_SCAN_TEXTS = [
    *HANDWRITTEN,
    TEXT,
    "A good*bad plan, a very*good one.",  # TextBlob splits the * off, a WordText keeps it
    "It isn't good; it wasn't bad; goodn't.",  # n't is split off the word before it
    "A good\x85plan and a bad\x1cidea.",  # control characters TextBlob reads as whitespace
    "The well-off and the ill-fated; a top-notch, mind-boggling result.",
]


@pytest.mark.parametrize("text", SHARED_SCAN_TEXTS)
def test_shared_scan_gives_the_same_scores(text: str) -> None:
    spans = spans_of(text)
    words, found = shared_scan(text)
    assert document_sentiment(text, spans, words=words, found=found) == document_sentiment(
        text, spans
    )


def test_shared_scan_spares_the_own_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The plan was very good. The second one was not good at all!"
    words, found = shared_scan(text)
    assert len(found) >= 4  # very, good, not, good (and more lexicon words)

    def no_scan() -> None:
        raise AssertionError("document_sentiment scanned the text again")

    monkeypatch.setattr(assessment, "word_automaton", no_scan)
    document, _ = document_sentiment(text, spans_of(text), words=words, found=found)
    assert (document.polarity, document.subjectivity) == pytest.approx(textblob_sentiment(text))


def test_shared_scan_gives_the_same_scores_on_random_strings() -> None:
    pieces = (
        "good bad very not no never really terribly nice sad well-off top-notch f*cking * "
        "isn't goodn't U.S. Mr. ... , ; : ( ) - -- ' \" \u201c \u201d \u2019 ! \x85 \x1c"
    ).split()
    rng = random.Random(20261126)
    for _ in range(300):
        text = "".join(rng.choice(pieces) + rng.choice(" \n\t") for _ in range(rng.randint(1, 20)))
        spans = spans_of(text)
        words, found = shared_scan(text)
        assert document_sentiment(text, spans, words=words, found=found) == document_sentiment(
            text, spans
        ), repr(text)


# --- VADER ------------------------------------------------------------------------------------


def test_vader_compound_is_vaders() -> None:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    for text in ("The plan is very good.", "The attack was horrible.", "The meeting is today."):
        assert vader_compound(text) == analyzer.polarity_scores(text)["compound"]
    assert vader_compound("The plan is very good.") > 0 > vader_compound("The attack was horrible.")
    spans = spans_of(TEXT)
    assert vader_sentences(TEXT, spans) == [vader_compound(TEXT[a:b]) for a, b in spans]


def test_model_versions() -> None:
    assert set(SENTIMENT_MODELS) == {"pattern", "vader"}
    assert re.fullmatch(r"textblob-pattern \d+\.\d+.*", SENTIMENT_MODELS["pattern"])
    assert re.fullmatch(r"vaderSentiment \d+\.\d+.*", SENTIMENT_MODELS["vader"])


# --- Real data: every document equal to TextBlob --------------------------------------------------


def dataset(*parts: str) -> Path:
    path = DATASETS.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared/datasets/{'/'.join(parts)} (not present in this checkout)")
    return path


def fakes_articles() -> list[str]:
    import pandas as pd

    frame = pd.read_csv(dataset("fakes_syria", "FA-KES-Dataset.csv"), encoding="utf-8")
    return frame["article_content"].astype(str).tolist()


def ptc_articles() -> list[str]:
    files = sorted(dataset("ptc_propaganda", "articles").glob("*.txt"))
    return [path.read_text(encoding="utf-8") for path in files]


def babe_sentences() -> list[str]:
    import pandas as pd

    frame = pd.read_csv(dataset("babe", "babe_sg2_dev.csv"), encoding="utf-8")
    return frame["text"].astype(str).tolist()


def assert_agrees(texts: list[str], expected_count: int) -> None:
    assert len(texts) == expected_count
    equal, worst = 0, 0.0
    for text in texts:
        (p, s), (tp, ts) = ours(text), textblob_sentiment(text)
        worst = max(worst, abs(p - tp), abs(s - ts))
        equal += round(p, 2) == round(tp, 2) and round(s, 2) == round(ts, 2)
    assert equal == len(texts), f"{equal}/{len(texts)} equal to two decimals; worst {worst}"
    assert worst <= 1e-9, f"worst absolute difference {worst}"


@pytest.mark.shared
def test_agrees_with_textblob_on_fakes() -> None:
    assert_agrees(fakes_articles(), 804)


@pytest.mark.shared
def test_agrees_with_textblob_on_ptc() -> None:
    assert_agrees(ptc_articles(), 301)


@pytest.mark.shared
def test_agrees_with_textblob_on_babe() -> None:
    assert_agrees(babe_sentences(), 2904)


@pytest.mark.shared
def test_document_sentiment_on_ptc() -> None:
    """Real articles (typographic quotes, paragraph breaks, "(8)", "Notes: [1]")."""
    for text in ptc_articles():
        spans = spans_of(text)
        document, sentences = document_sentiment(text, spans)
        assert document == pattern_sentiment(text)
        assert sentences == [pattern_sentiment(text[a:b]) for a, b in spans]
