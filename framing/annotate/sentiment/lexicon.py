"""The sentiment lexicons: Pattern's, read from the installed textblob, and VADER's analyzer.

The Pattern lexicon is ``en-sentiment.xml`` as shipped inside the installed ``textblob``
package: read from there at run time (never copied into this repository), parsed once, lazily,
into a read-only mapping (:func:`pattern_lexicon`), averaged exactly as TextBlob's
``Sentiment.load`` does. Its words also give the keys of the scans that find them
(:func:`word_automaton`, :func:`word_keys`).

VADER's ``SentimentIntensityAnalyzer`` reads its lexicons from its own package (no network) and
is built once, lazily (:func:`vader_scorer`).

Licences: ``en-sentiment.xml`` is Pattern's (Tom De Smedt, Walter Daelemans), PDDL per its XML
header; we read it from the installed ``textblob`` (MIT) and do not redistribute it.
"""

from __future__ import annotations

import functools
import importlib
import importlib.metadata
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

import ahocorasick

from framing.annotate.sentiment.tokens import (
    EMOTICON_POLARITY,
    NEGATIONS,
    SEPARATORS,
    space_breaks,
)
from framing.errors import LexiconError, ModelError
from framing.lexicon.matcher import match_key
from framing.lexicon.textblob_data import textblob_file

__all__ = [
    "LY_MODIFIER",
    "MODIFIER",
    "NOT_MODIFIER",
    "SENTIMENT_MODELS",
    "PatternEntry",
    "pattern_lexicon",
    "pattern_table",
    "vader_scorer",
    "word_automaton",
    "word_keys",
]

# --- Pattern's lexicon ----------------------------------------------------------------------------

#: Modifier kinds: a lexicon word with an adverb (RB) sense modifies the next word; only an
#: ``-ly`` modifier can take a following negation into its own assessment ("really not").
NOT_MODIFIER, MODIFIER, LY_MODIFIER = 0, 1, 2


class PatternEntry(NamedTuple):
    """A word of Pattern's lexicon, its senses averaged as TextBlob averages them."""

    polarity: float  # -1..1
    subjectivity: float  # 0..1
    intensity: float  # how much it scales the next word's scores, as a modifier
    modifier: int  # NOT_MODIFIER, MODIFIER (an adverb sense) or LY_MODIFIER (an -ly adverb)
    negation: bool  # a negation itself ("not", "never")


def _parse_xml(path: Path) -> Any:
    try:
        etree: Any = importlib.import_module("defusedxml.ElementTree")
    except ImportError:  # pragma: no cover - defusedxml is optional
        etree = importlib.import_module("xml.etree.ElementTree")
    try:
        return etree.parse(str(path)).getroot()
    except Exception as exc:  # ParseError, defusedxml's refusals, OSError
        raise LexiconError(
            f"cannot read TextBlob's sentiment lexicon {path}: {exc}; reinstall textblob"
        ) from exc


#: A :class:`PatternEntry` as a plain tuple, as the assessment pass unpacks it (a plain tuple
#: unpacks about three times faster than a named one).
RawEntry = tuple[float, float, float, int, bool]


@functools.cache
def pattern_lexicon() -> Mapping[str, PatternEntry | None]:
    """Pattern's lexicon, averaged exactly as TextBlob's ``Sentiment.load`` does.

    Maps each word to its :class:`PatternEntry`, and the other tokens that matter (negations,
    ``!``, ``(!)``, emoticons) to None.
    """
    return MappingProxyType(
        {w: None if e is None else PatternEntry(*e) for w, e in pattern_table().items()}
    )


@functools.cache
def pattern_table() -> Mapping[str, RawEntry | None]:
    """:func:`pattern_lexicon` with plain tuples: read and parsed once, for the scoring pass."""
    path = textblob_file("en-sentiment.xml", "sentiment lexicon")
    root = _parse_xml(path)
    senses: dict[str, dict[str | None, list[tuple[float, float, float]]]] = {}
    for element in root.findall("word"):
        attrib = element.attrib
        form = attrib.get("form")
        if form:
            scores = (
                float(attrib.get("polarity", 0.0)),
                float(attrib.get("subjectivity", 0.0)),
                float(attrib.get("intensity", 1.0)),
            )
            senses.setdefault(form, {}).setdefault(attrib.get("pos"), []).append(scores)
    if not senses:
        raise LexiconError(f"TextBlob's sentiment lexicon {path} has no words; reinstall textblob")
    # Average the senses per part of speech, then the parts of speech (key None).
    words: dict[str, dict[str | None, Sequence[float]]] = {}
    for form, psi_by_pos in senses.items():
        averaged: dict[str | None, Sequence[float]] = {
            pos: [sum(each) / len(each) for each in zip(*psi, strict=True)]
            for pos, psi in psi_by_pos.items()
        }  # textblob._text.avg: sum() / len()
        averaged[None] = [sum(each) / len(each) for each in zip(*averaged.values(), strict=True)]
        words[form] = averaged
    # textblob.en.Sentiment.load: "terrible" (JJ) also gives the adverb "terribly" (RB).
    for form, by_pos in list(words.items()):
        if "JJ" in by_pos:
            stem = form[:-1] + "i" if form.endswith("y") else form
            if stem.endswith("le"):
                stem = stem[:-2]
            adverb = words.setdefault(stem + "ly", {})
            adverb["RB"] = adverb[None] = by_pos["JJ"]
    table: dict[str, RawEntry | None] = {}
    for form, by_pos in words.items():
        p, s, i = by_pos[None]
        kind = NOT_MODIFIER
        if "RB" in by_pos:
            kind = LY_MODIFIER if form.endswith("ly") else MODIFIER
        table[form] = (p, s, i, kind, form in NEGATIONS)
    # Tokens outside the lexicon that count for more than their length.
    for token in (*NEGATIONS, "!", "(!)", *EMOTICON_POLARITY):
        table.setdefault(token, None)
    return MappingProxyType(table)


def _token_keys(key_of: Callable[[str], str]) -> dict[str, int]:
    """``" key "`` -> its length, for every lexicon form that can be a token."""
    keys = {}
    for form in pattern_table():
        if any(c in SEPARATORS for c in form):
            continue  # a token never holds whitespace or a quote
        key = key_of(form)
        if key:
            keys[f" {key} "] = len(key) + 2
    return keys


@functools.cache
def word_automaton() -> ahocorasick.Automaton:
    """Keys `` word `` for every lexicon form that can be a token, punctuation as spaces."""
    automaton = ahocorasick.Automaton()
    for key, length in _token_keys(lambda form: " ".join(space_breaks(form).split())).items():
        automaton.add_word(key, length)
    automaton.make_automaton()
    return automaton


@functools.cache
def word_keys() -> dict[str, int]:
    """The lexicon's keys for a scan of a :class:`~framing.lexicon.normalize.WordText`
    (``" word "``, as :func:`~framing.lexicon.matcher.match_key` makes them), with their lengths.

    Pass that scan's hits to :func:`document_sentiment` to spare it its own.
    """
    return _token_keys(lambda form: match_key(form).strip())


# --- VADER ----------------------------------------------------------------------------------------


@functools.cache
def vader_scorer() -> Callable[[str], dict[str, float]]:
    """VADER's ``SentimentIntensityAnalyzer().polarity_scores``, built once.

    Imported here, not at the top: VADER is an optional sentiment model (``sentiment="vader"``),
    and building its analyzer reads its lexicon files.
    """
    try:
        module: Any = importlib.import_module("vaderSentiment.vaderSentiment")
        analyzer = module.SentimentIntensityAnalyzer()
    except (ImportError, OSError) as exc:
        raise ModelError(
            f"VADER is not available ({exc}); install or reinstall vaderSentiment "
            "(pip install 'vaderSentiment>=3.3')"
        ) from exc
    scorer: Callable[[str], dict[str, float]] = analyzer.polarity_scores
    return scorer


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


#: Sentiment model name -> the version string reports cite.
SENTIMENT_MODELS: Mapping[str, str] = MappingProxyType(
    {
        "pattern": f"textblob-pattern {_version('textblob')}",
        "vader": f"vaderSentiment {_version('vaderSentiment')}",
    }
)
