"""Analysis of one article: lexicon matches with their voice and context, and document scores.

Orchestration only: the layers below (voice and attribution, the lexicon matcher, sentiment,
the classifiers) do the work; the document scores are :mod:`framing.scores`.

>>> from framing import analyze
>>> a = analyze("Rebels seized the town, the ministry said.")
>>> [(m.text, m.voice) for m in a.matches if m.loaded]            # doctest: +SKIP
[('Rebels', 'attributed'), ('seized', 'attributed')]
"""

from __future__ import annotations

import dataclasses
import functools
import os
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from framing._version import __version__
from framing.annotate.attribution import Cues, cue_keys
from framing.annotate.sentiment import (
    SENTIMENT_MODELS,
    SentimentScore,
    document_sentiment,
    vader_sentences,
    word_keys,
)
from framing.annotate.voice import VOICES, Voice, VoiceLayer, find_voices
from framing.document import WORD_RE, Document, to_document
from framing.lexicon.format import Entry, Lexicon
from framing.lexicon.grammar import negators
from framing.lexicon.matcher import ExtraKeys, compile_matcher
from framing.lexicon.normalize import normalize_chars
from framing.lexicon.registry import load_lexicons
from framing.repr_html import html_of
from framing.scores import HEDGE, document_scores, json_safe

if TYPE_CHECKING:
    import pandas as pd

    from framing.models.outputs import ModelOutputs

__all__ = [
    "VOICES",
    "Analysis",
    "AnalysisOptions",
    "Match",
    "analyze",
    "analyze_many",
    "to_document",
]


class Match(NamedTuple):
    """One lexicon match in an article, with whose voice it is in and its context.

    A named tuple: cheap to build by the thousand, and read by field name.
    """

    start: int
    end: int
    text: str
    term: str
    lexicon: str
    category: str
    direction: str
    weight: float
    loaded: bool
    voice: Voice
    speaker: str | None
    negated: bool
    hedged: bool
    scare_quoted: bool
    sentence: int
    alternatives: tuple[str, ...]
    rationale: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {**self._asdict(), "alternatives": list(self.alternatives)}


@dataclass(frozen=True)
class AnalysisOptions:
    """Options that change results; every report states them.

    sentiment: ``"pattern"`` (TextBlob's bundled Pattern lexicon, computed in our own pass) or
    ``"vader"`` (adds VADER compound scores beside the Pattern ones).
    models: add the shipped classifiers' sentence bias probabilities and article frames
    (:mod:`framing.models`; off by default in the library, on by default in ``framing analyze``).
    """

    sentiment: Literal["pattern", "vader"] = "pattern"
    models: bool = False

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Analysis:
    """The result of analysing one document. Build it with :func:`analyze`."""

    document: Document
    voices: VoiceLayer
    matches: tuple[Match, ...]
    lexicons: tuple[Lexicon, ...]
    sentiment: SentimentScore
    sentence_sentiment: tuple[SentimentScore, ...]
    options: AnalysisOptions = field(default_factory=AnalysisOptions)
    vader: tuple[float, ...] | None = None
    classifiers: ModelOutputs | None = None

    @property
    def text(self) -> str:
        return self.document.text

    def loaded(self, voice: Voice | None = None) -> list[Match]:
        """Loaded matches, optionally only those in one voice."""
        return [m for m in self.matches if m.loaded and (voice is None or m.voice == voice)]

    @cached_property
    def scores(self) -> dict[str, Any]:
        """Document scores (unrounded): rates per voice, categories, direction, ...

        A rate over no words (the quote rate of an article without quotes) is NaN; ``to_dict``
        writes it as null. See :func:`framing.scores.document_scores`.
        """
        return document_scores(
            self.voices, self.matches, self.sentiment, self.vader, len(self.document.sentences)
        )

    def lexicon_info(self) -> list[dict[str, str]]:
        return [lex.info() for lex in self.lexicons]

    def to_dict(self) -> dict[str, Any]:
        """Everything, JSON-safe; equal to what ``framing analyze --format json`` prints."""
        doc = self.document
        sentences = []
        for i, (s, e) in enumerate(doc.sentences):
            score = self.sentence_sentiment[i]
            item: dict[str, Any] = {
                "start": s,
                "end": e,
                "polarity": score.polarity,
                "subjectivity": score.subjectivity,
            }
            if self.vader is not None:
                item["vader_compound"] = self.vader[i]
            sentences.append(item)
        out = {
            "framing_version": __version__,
            "source": doc.source.to_dict(),
            "text": doc.text,
            "lexicons": self.lexicon_info(),
            "models": model_versions(self.options),
            "options": self.options.to_dict(),
            "scores": json_safe(self.scores),
            "matches": [m.to_dict() for m in self.matches],
            "quotes": [q.to_dict() for q in self.voices.quotes],
            "attributions": [a.to_dict() for a in self.voices.attributions],
            "sentences": sentences,
        }
        if self.classifiers is not None:
            out["classifiers"] = self.classifiers.to_dict()
        return out

    def to_frame(self) -> pd.DataFrame:
        """A pandas DataFrame with one row per match."""
        import pandas as pd

        columns = list(Match._fields)
        rows = [m.to_dict() for m in self.matches]
        return pd.DataFrame(rows, columns=columns)

    def _repr_html_(self) -> str | None:
        """The highlighted article in Jupyter (drawn by :mod:`framing.render.html`)."""
        return html_of(self)


def model_versions(options: AnalysisOptions) -> dict[str, str]:
    """Versions of the models an analysis used (stated in every report)."""
    out = {"sentiment": SENTIMENT_MODELS["pattern"]}
    if options.sentiment == "vader":
        out["vader"] = SENTIMENT_MODELS["vader"]
    if options.models:
        # heavy optional model: framing.models loads scikit-learn (about 1.5 s), only with models
        from framing.models.registry import shipped_versions

        out.update(shipped_versions())
    return out


def analyze(
    text_or_path: str | os.PathLike[str] | Document,
    *,
    lexicons: Iterable[str | os.PathLike[str] | Lexicon] | None = None,
    options: AnalysisOptions | None = None,
    encoding: str | None = None,
) -> Analysis:
    """Analyse one article: find loaded terms, their voice and speaker, and score the document.

    `lexicons` are packaged names, paths of .tsv files or Lexicon objects (default: the packaged
    conflict, political and sourcing lexicons).
    """
    doc = to_document(text_or_path, encoding=encoding)
    (result,) = _analyze_batch([doc], _active(lexicons), options or AnalysisOptions())
    return result


def analyze_many(
    items: Iterable[str | os.PathLike[str] | Document],
    *,
    lexicons: Iterable[str | os.PathLike[str] | Lexicon] | None = None,
    options: AnalysisOptions | None = None,
    batch_size: int = 32,
) -> Iterator[Analysis]:
    """Analyse many articles, yielding one :class:`Analysis` each, in order.

    Same results as calling :func:`analyze` on each, but faster on a corpus: articles are taken
    in batches and each step (voice, matching, sentiment) runs over a whole batch before the
    next, so its tables stay in the processor's cache. Items are read lazily, a batch at a time.
    """
    active = _active(lexicons)
    options = options or AnalysisOptions()
    batch: list[Document] = []
    for item in items:
        batch.append(to_document(item))
        if len(batch) >= batch_size:
            yield from _analyze_batch(batch, active, options)
            batch = []
    if batch:
        yield from _analyze_batch(batch, active, options)


def _active(lexicons: Iterable[str | os.PathLike[str] | Lexicon] | None) -> tuple[Lexicon, ...]:
    return load_lexicons(None if lexicons is None else [_as_lexicon_arg(x) for x in lexicons])


def _analyze_batch(
    docs: list[Document], active: tuple[Lexicon, ...], options: AnalysisOptions
) -> list[Analysis]:
    """Analyse documents step by step across the batch (see :func:`analyze_many`)."""
    matcher = compile_matcher(active, _grammar())
    # one scan per document finds lexicon terms, speech cues, negators and sentiment words
    scans = [matcher.scan(doc.text, doc.sentence_openings, doc.match_text) for doc in docs]
    voices = [
        find_voices(doc, Cues(doc.text, doc.match_text, _found(extras, _CUE)))
        for doc, (_, extras) in zip(docs, scans, strict=True)
    ]
    matches = [
        _matches(doc, layer, found, matcher.entries, _negator_ends(doc, _found(extras, _NEGATOR)))
        for doc, layer, (found, extras) in zip(docs, voices, scans, strict=True)
    ]
    sentiments = [
        document_sentiment(
            doc.text,
            list(doc.sentences),
            words=doc.match_text,
            found=_found(extras, _SENTIMENT),
        )
        for doc, (_, extras) in zip(docs, scans, strict=True)
    ]
    out = []
    for doc, layer, found, (overall, per_sentence) in zip(
        docs, voices, matches, sentiments, strict=True
    ):
        vader = None
        if options.sentiment == "vader":
            vader = tuple(vader_sentences(doc.text, list(doc.sentences)))
        analysis = Analysis(
            doc, layer, tuple(found), active, overall, tuple(per_sentence), options, vader
        )
        out.append(with_models(analysis) if options.models else analysis)
    return out


def with_models(analysis: Analysis) -> Analysis:
    """The analysis with the shipped classifiers' outputs (those that are installed)."""
    # heavy optional model: framing.models loads scikit-learn (about 1.5 s), only with models
    from framing.models.outputs import predict_document
    from framing.models.registry import shipped_available

    bias, frames = shipped_available("bias"), shipped_available("frames")
    if not (bias or frames):
        return analysis
    outputs = predict_document(analysis.document, bias=bias, frames=frames)
    return dataclasses.replace(analysis, classifiers=outputs)


def _matches(
    doc: Document,
    voices: VoiceLayer,
    hits: list[tuple[int, int, int]],
    entries: list[Entry],
    negators: list[int],
) -> list[Match]:
    """Matches with voice, speaker, sentence, negation and hedging, from matcher hits."""
    if not hits:
        return []
    text = doc.text
    starts = [sp.start for sp in doc.sentences] or [0]
    fields = _entry_fields(entries)
    # sentences, and the sentences holding a hedge, in one walk over the sorted hits
    sentence_of = []
    hedge_sentences = set()
    k, n = 0, len(starts)
    for start, _, idx in hits:
        while k + 1 < n and starts[k + 1] <= start:
            k += 1
        sentence_of.append(k)
        if fields[idx][2]:
            hedge_sentences.add(k)
    voice_of = voices.voices_for([(s, e) for s, e, _ in hits])
    new = tuple.__new__
    out = []
    for (start, end, idx), (voice, speaker, scare), sentence in zip(
        hits, voice_of, sentence_of, strict=True
    ):
        head, tail, is_hedge = fields[idx]
        negated = False
        if negators:  # a negator ending within 60 characters before, in the same sentence?
            last = bisect_right(negators, start) - 1
            if last >= 0 and negators[last] > max(starts[sentence], start - 60):
                negated = _negated(text, negators[last], start)
        hedged = not is_hedge and sentence in hedge_sentences
        # concatenation, not unpacking: measured faster here, and this runs for every match
        out.append(
            new(
                Match,
                (start, end, text[start:end])  # noqa: RUF005
                + head
                + (voice, speaker, negated, hedged, scare, sentence)
                + tail,
            )
        )
    return out


#: An entry's Match fields: (term, lexicon, category, direction, weight, loaded),
#: (alternatives, rationale), and whether it is a hedge.
_EntryFields = tuple[tuple[str, str, str, str, float, bool], tuple[tuple[str, ...], str], bool]


_FIELDS: dict[int, tuple[list[Entry], list[_EntryFields]]] = {}


def _entry_fields(entries: list[Entry]) -> list[_EntryFields]:
    """Per entry of a compiled matcher (its long-lived list), the fields every Match copies."""
    cached = _FIELDS.get(id(entries))
    if cached is not None and cached[0] is entries:
        return cached[1]
    if len(_FIELDS) >= 16:
        _FIELDS.clear()
    fields: list[_EntryFields] = [
        (
            (e.term, e.lexicon, e.category, e.direction, e.weight, e.loaded),
            (e.alternatives, e.rationale),
            e.category == HEDGE,
        )
        for e in entries
    ]
    _FIELDS[id(entries)] = (entries, fields)
    return fields


def _as_lexicon_arg(item: str | os.PathLike[str] | Lexicon) -> str | Path | Lexicon:
    if isinstance(item, (str, Lexicon)):
        return item
    return Path(item)


# --- the grammar words one scan finds beside the lexicons -----------------------------------

_CUE, _NEGATOR, _SENTIMENT = 0, 1, 2


@functools.cache
def _grammar() -> ExtraKeys:
    """Speech cues, negators and sentiment words, found in the lexicon matcher's scan.

    A key's payload holds, per pass, what that pass needs from a hit (or None)."""
    passes: dict[str, list[Any]] = {}
    for key, cue in cue_keys().items():
        passes.setdefault(key, [None, None, None])[_CUE] = cue
    for word in negators():
        if word == "n't":  # its apostrophe is blanked: the core "n t" of a 4-character key
            passes.setdefault("n t ", [None, None, None])[_NEGATOR] = (5, True)
        else:
            passes.setdefault(f" {word} ", [None, None, None])[_NEGATOR] = (len(word) + 2, False)
    for key, length in word_keys().items():
        passes.setdefault(key, [None, None, None])[_SENTIMENT] = length
    return ExtraKeys("grammar-1", {key: tuple(payload) for key, payload in passes.items()})


def _found(extras: list[tuple[int, Any]], kind: int) -> list[tuple[int, Any]]:
    """One pass's share of a scan's grammar hits: ``(last, payload)``."""
    return [(last, payload[kind]) for last, payload in extras if payload[kind] is not None]


def _negator_ends(doc: Document, found: list[tuple[int, tuple[int, bool]]]) -> list[int]:
    """End offsets of negators (not, no, never, n't, without ...), in order."""
    words, text = doc.match_text, doc.text
    out = []
    for last, (length, contracted) in found:
        start, end = words.span(last, length)
        if contracted and normalize_chars(text[start + 1]) != "'":
            continue  # "n t" is n't only where the blank was an apostrophe
        out.append(end)
    return out


def _negated(text: str, negator_end: int, start: int) -> bool:
    """Whether the negator ending at `negator_end` is among the three words before `start`."""
    between = text[negator_end:start]
    return len(WORD_RE.findall(between)) <= 2 and not any(c in between for c in ".;:!?")
