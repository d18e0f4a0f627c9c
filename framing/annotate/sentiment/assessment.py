"""The scoring pass: TextBlob's ``Sentiment.assessments`` rules over the tokens that count.

Only a few tokens matter to TextBlob's assessments: lexicon words, the negations
``no``/``not``/``never``, ``!``, ``(!)`` and emoticons; any other token only through its length
(a negation is kept across tokens of one character, a modifier such as ``very`` across tokens
of up to two), and only while a negation or modifier is pending. So the fast path finds the
tokens that matter with an Aho-Corasick automaton over the text with its punctuation blanked,
checks that each is one of ``find_tokens``' tokens, and tokenizes the stretch between two of
them only while something is pending; where TextBlob could glue tokens into an emoticon or
``(!)``, or a text holds its ``END-OF-SENTENCE`` marker, the full tokenization runs
(:mod:`framing.annotate.sentiment.tokens`).

The assessment rules are TextBlob's, in the same order with the same float arithmetic, so both
numbers are equal to TextBlob's, not just to two decimals.

Sentences
---------
:func:`document_sentiment` finds the tokens that matter once and runs the assessment rules over
each sentence's share of them and over the whole (the full tokenization, where needed, marks the
sentence boundaries in the text), so the document score is exactly :func:`pattern_sentiment` of
the text and each sentence's score exactly ``pattern_sentiment`` of its slice. A negation,
modifier or ``!`` reaching across a sentence boundary (``... not. Good ...``) counts for the
document, as in TextBlob's whole-text pass, but not for either sentence.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from framing.annotate.sentiment.lexicon import (
    LY_MODIFIER,
    NOT_MODIFIER,
    pattern_table,
    vader_scorer,
    word_automaton,
)
from framing.annotate.sentiment.tokens import (
    EMOTICON_POLARITY,
    EOS,
    GLUE_CANDIDATE_RE,
    NEGATIONS,
    SEPARATORS,
    TOKEN_RE,
    is_token,
    marked_tokens,
    space_breaks,
    textblob_tokens,
)
from framing.errors import InputError
from framing.lexicon.normalize import WordText

__all__ = [
    "SentimentScore",
    "document_sentiment",
    "pattern_sentiment",
    "vader_compound",
    "vader_sentences",
]


class SentimentScore(NamedTuple):
    """Polarity (-1..1), subjectivity (0..1) and how many assessments carried sentiment.

    A named tuple: built once per sentence, by the hundred per article."""

    polarity: float
    subjectivity: float
    assessed: int


#: Where a scan of the text's WordText may miss a token of TextBlob's: ``*`` stays in a WordText
#: but TextBlob splits it off; these control characters are its whitespace but not ours; and a
#: WordText keeps ``n't`` on the word before it. (``in`` tests: much faster than one regex.)
_WORD_TEXT_MISSES = ("*", "n't", "\x1c", "\x1d", "\x1e", "\x1f", "\x85")

#: A token that counts: ``(start, end, lowercased token)``, in text or token-list coordinates.
_Item = tuple[int, int, str]
#: The tokens between two positions (the same coordinates).
_Gap = Callable[[int, int], Sequence[str]]


def _fast_items(text: str, found: list[tuple[int, int]] | None = None) -> list[_Item] | None:
    """The tokens of `text` that count, by offset; None where the full tokenization is needed.

    `text` has TextBlob's ``n't`` -> `` n't`` replacement applied. `found` may give the
    candidate spans from a scan that already ran (a superset of the lexicon words' tokens).
    """
    low = text.lower()
    if len(low) != len(text) or EOS in text or GLUE_CANDIDATE_RE.search(text):
        return None
    if found is None:
        found = [
            (last - length + 1, last - 1)  # the key's spaces shift offsets by one
            for last, length in word_automaton().iter(" " + space_breaks(low) + " ")
        ]
    table = pattern_table()
    items = []
    for start, end in found:
        if is_token(text, start, end):
            word = low[start:end]
            if word in table:
                items.append((start, end, word))
    if "!" in text:
        i = text.find("!")
        while i != -1:
            if is_token(text, i, i + 1):
                items.append((i, i + 1, "!"))
            i = text.find("!", i + 1)
        items.sort()
    return items


def _token_items(tokens: Sequence[str]) -> list[_Item]:
    """The tokens that count in a token list, by index."""
    table = pattern_table()
    return [(i, i + 1, w) for i, w in enumerate(tokens) if w in table]


# --- Assessments ----------------------------------------------------------------------------------


def _across(
    tokens: Iterable[str], negated: bool, modifier: int, assessments: list[list[float]]
) -> tuple[bool, int]:
    """The pending negation and modifier after tokens outside the lexicon: only their length
    counts. A negation is kept across tokens of one character ("not a good"), a modifier across
    tokens of up to two ("very, very good")."""
    for other in tokens:
        if negated and len(other.strip("'")) > 1:
            negated = False
        if negated and modifier == LY_MODIFIER:  # "really not good"
            assessments[-1][3] = -1.0
            negated = False
        elif modifier and len(other) > 2:
            modifier = NOT_MODIFIER
        if not (negated or modifier):
            break
    return negated, modifier


def _assess(
    items: Sequence[_Item], first: int, stop: int, gap: _Gap, end: int | None = None
) -> tuple[list[list[float]], bool]:
    """TextBlob's ``Sentiment.assessments``, rule for rule, over the tokens ``items[first:stop]``.

    `gap(end, start)` gives the tokens between two items; only their lengths matter, and only
    while a negation or modifier is pending. Returns one ``[polarity, subjectivity, intensity,
    negated]`` per assessment (``negated`` is -1.0 where TextBlob's final ``p * -0.5`` applies,
    else 1.0), and whether running on into what follows could change them: a negation or
    modifier is pending at the end (after the tokens up to `end`, when given), or a ``!`` comes
    before the first assessment (it would boost the assessment before, in a longer run).
    """
    table = pattern_table()
    emoticons = EMOTICON_POLARITY
    assessments: list[list[float]] = []
    append = assessments.append
    modifier = NOT_MODIFIER  # a preceding modifier ("very good")
    negated = False  # a preceding negation ("not good")
    carries = False
    previous_end = -1
    for k in range(first, stop):
        start, stop_at, w = items[k]
        if (negated or modifier) and previous_end >= 0:
            negated, modifier = _across(gap(previous_end, start), negated, modifier, assessments)
        previous_end = stop_at
        entry = table[w]
        if entry is not None:  # a lexicon word
            p, s, i, kind, is_negation = entry
            if not modifier:
                append([p, s, i, 1.0])
            else:  # "very good": the modifier's assessment becomes the pair's
                last = assessments[-1]
                intensity = last[2]
                last[0] = max(-1.0, min(p * intensity, 1.0))
                last[1] = max(-1.0, min(s * intensity, 1.0))
                last[2] = i
            if negated:
                last = assessments[-1]
                last[2] = 1.0 / last[2]
                last[3] = -1.0
            modifier = kind
            negated = is_negation
            continue
        # A negation, "!", "(!)" or an emoticon outside the lexicon: the same length rules,
        # then its own effect.
        if w in NEGATIONS:
            negated = True
        elif negated and len(w.strip("'")) > 1:
            negated = False
        if negated and modifier == LY_MODIFIER:
            assessments[-1][3] = -1.0
            negated = False
        elif modifier and len(w) > 2:
            modifier = NOT_MODIFIER
        if w == "!":  # boosts the polarity before it
            if assessments:
                last = assessments[-1]
                last[0] = max(-1.0, min(last[0] * 1.25, 1.0))
            else:
                carries = True
        elif w == "(!)":  # irony
            append([0.0, 1.0, 1.0, 1.0])
        elif w in emoticons:
            append([emoticons[w], 1.0, 1.0, 1.0])
    if (negated or modifier) and end is not None and previous_end >= 0:
        negated, modifier = _across(gap(previous_end, end), negated, modifier, assessments)
    return assessments, carries or negated or bool(modifier)


def _score(assessments: Sequence[list[float]]) -> SentimentScore:
    if not assessments:
        return _NO_SENTIMENT
    polarity = 0.0
    subjectivity = 0.0
    for p, s, _i, n in assessments:  # summed in order, as TextBlob does (not with sum())
        polarity += p * -0.5 if n < 0 else p
        subjectivity += s
    count = len(assessments)
    return SentimentScore(polarity / count, subjectivity / count, count)


_NO_SENTIMENT = SentimentScore(0.0, 0.0, 0)


def _split_nt(text: str) -> str:
    """TextBlob's first step: ``n't`` becomes a token of its own."""
    return text.replace("n't", " n't") if "n't" in text else text


def pattern_sentiment(text: str) -> SentimentScore:
    """Polarity and subjectivity of `text`, equal to ``TextBlob(text).sentiment``.

    >>> score = pattern_sentiment("The plan is very good.")
    >>> round(score.polarity, 2), round(score.subjectivity, 2), score.assessed
    (0.91, 0.78, 1)
    """
    split = _split_nt(text)
    items = _fast_items(split)
    if items is not None:
        return _score(_assess(items, 0, len(items), functools.partial(TOKEN_RE.findall, split))[0])
    tokens = textblob_tokens(text)
    items = _token_items(tokens)
    return _score(_assess(items, 0, len(items), lambda a, b: tokens[a:b])[0])


def _shifted(text: str, offsets: Sequence[int]) -> dict[int, int] | None:
    """Where `offsets` of `text` move to in ``_split_nt(text)``; None if one is inside ``n't``."""
    found = []
    i = text.find("n't")
    while i != -1:
        found.append(i)
        i = text.find("n't", i + 3)
    out = {}
    for offset in offsets:
        k = bisect_left(found, offset)
        if (k < len(found) and found[k] < offset + 2) or (k and found[k - 1] + 3 > offset):
            return None  # a cut next to an n't could change a token
        out[offset] = offset + k
    return out


def _run(
    items: Sequence[_Item], spans: Sequence[tuple[int, int]], gap: _Gap
) -> tuple[SentimentScore, list[SentimentScore]]:
    """Scores of the whole run of `items` and of each span ``[start, end)`` of it."""
    starts = [item[0] for item in items]
    per_span = []
    carries, covered, ordered, last_end = False, 0, True, 0
    for start, end in spans:
        first, stop = bisect_left(starts, start), bisect_left(starts, end)
        if first < stop:
            assessments, carry = _assess(items, first, stop, gap, end)
            per_span.append(assessments)
            carries = carries or carry
            covered += stop - first
        else:
            per_span.append([])
        ordered = ordered and start >= last_end
        last_end = end
    if carries or not ordered or covered != len(items):
        document = _assess(items, 0, len(items), gap)[0]
    else:  # the spans hold every item and nothing reaches across: the same assessments
        document = [assessment for assessments in per_span for assessment in assessments]
    return _score(document), [_score(assessments) for assessments in per_span]


def document_sentiment(
    text: str,
    sentences: Sequence[tuple[int, int]],
    *,
    words: WordText | None = None,
    found: Iterable[tuple[int, int]] | None = None,
) -> tuple[SentimentScore, list[SentimentScore]]:
    """The score of `text` and one score per sentence span ``[start, end)``, in one pass.

    The document score equals :func:`pattern_sentiment` of `text`, and each sentence's score
    equals ``pattern_sentiment(text[start:end])``: a negation, modifier or ``!`` reaching across
    a sentence boundary counts for the document (as in TextBlob's whole-text pass), not for the
    sentences. Where a boundary would change a token (it falls inside a word), the sentences are
    scored one by one instead, with the same results.

    `found` may give the :func:`word_keys` hits ``(last, key length)`` in ``words.padded`` of
    the text's :class:`~framing.lexicon.normalize.WordText` `words`, from a scan that already
    ran; where such a scan may miss a token, the text is scanned again.
    """
    size = len(text)
    bounds = {0, size}
    for start, end in sentences:
        if not 0 <= start <= end <= size:
            raise InputError(
                f"sentence span ({start}, {end}) is outside the text of {size} characters"
            )
        bounds.add(start)
        bounds.add(end)
    cuts = sorted(bounds - {0, size})
    separators = SEPARATORS
    if any(text[cut - 1] not in separators and text[cut] not in separators for cut in cuts):
        return pattern_sentiment(text), [pattern_sentiment(text[a:b]) for a, b in sentences]
    split = _split_nt(text)
    moved = _shifted(text, sorted(bounds)) if split is not text else None
    if split is text or moved is not None:
        candidates = None
        if (
            words is not None
            and found is not None
            and not any(miss in text for miss in _WORD_TEXT_MISSES)
        ):
            candidates = words.spans(found)
        items = _fast_items(split, candidates)
        if items is not None:
            spans = sentences if moved is None else [(moved[a], moved[b]) for a, b in sentences]
            return _run(items, spans, functools.partial(TOKEN_RE.findall, split))
    marked = marked_tokens(text, cuts)
    if marked is None:
        return pattern_sentiment(text), [pattern_sentiment(text[a:b]) for a, b in sentences]
    tokens, marks = marked
    # token positions: a sentence starts after the mark at its start and stops at its end's mark
    first_at = {0: 0, size: len(tokens)} | {c: m + 1 for c, m in zip(cuts, marks, strict=True)}
    stop_at = {0: 0, size: len(tokens)} | dict(zip(cuts, marks, strict=True))
    spans = [(first_at[a], stop_at[b]) for a, b in sentences]
    return _run(_token_items(tokens), spans, lambda a, b: tokens[a:b])


def vader_compound(text: str) -> float:
    """VADER's compound score of `text` (-1..1), as ``SentimentIntensityAnalyzer`` gives it."""
    return float(vader_scorer()(text)["compound"])


def vader_sentences(text: str, sentences: Sequence[tuple[int, int]]) -> list[float]:
    """VADER's compound score of each sentence span ``[start, end)`` of `text`."""
    scorer = vader_scorer()
    return [float(scorer(text[start:end])["compound"]) for start, end in sentences]
