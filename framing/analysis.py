"""Analysis of one article: lexicon matches with their voice and context, and document scores.

>>> from framing import analyze
>>> a = analyze("Rebels seized the town, the ministry said.")
>>> [(m.text, m.voice) for m in a.matches if m.loaded]            # doctest: +SKIP
[('Rebels', 'attributed'), ('seized', 'attributed')]
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from framing._version import __version__
from framing.document import WORD_RE, Document
from framing.errors import FramingError
from framing.lexicon.format import Lexicon
from framing.lexicon.matcher import compile_matcher
from framing.lexicon.registry import load_lexicons
from framing.sentiment import SENTIMENT_MODELS, SentimentScore, document_sentiment, vader_sentences
from framing.voice import Voice, VoiceLayer, find_voices

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["VOICES", "Analysis", "AnalysisOptions", "Match", "analyze", "to_document"]

VOICES: tuple[Voice, ...] = ("author", "quote", "attributed")
HEDGE, BOOSTER, ANONYMOUS = "hedge", "booster", "anonymous_source"
REPORTING = ("reporting_verb", "loaded_reporting_verb")
_NEGATORS = frozenset(
    "not no never n't without nor neither none nobody nothing cannot hardly barely".split()
)
_NEG_TAIL_RE = re.compile(r"n[’']t$")


@dataclass(frozen=True, slots=True)
class Match:
    """One lexicon match in an article, with whose voice it is in and its context."""

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
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "term": self.term,
            "lexicon": self.lexicon,
            "category": self.category,
            "direction": self.direction,
            "weight": self.weight,
            "loaded": self.loaded,
            "voice": self.voice,
            "speaker": self.speaker,
            "negated": self.negated,
            "hedged": self.hedged,
            "scare_quoted": self.scare_quoted,
            "sentence": self.sentence,
            "alternatives": list(self.alternatives),
            "rationale": self.rationale,
        }


@dataclass(frozen=True)
class AnalysisOptions:
    """Options that change results; every report states them.

    sentiment: ``"pattern"`` (TextBlob's bundled Pattern lexicon, computed in our own pass) or
    ``"vader"`` (adds VADER compound scores beside the Pattern ones).
    """

    sentiment: Literal["pattern", "vader"] = "pattern"

    def to_dict(self) -> dict[str, Any]:
        return {"sentiment": self.sentiment}


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

    @property
    def text(self) -> str:
        return self.document.text

    def loaded(self, voice: Voice | None = None) -> list[Match]:
        """Loaded matches, optionally only those in one voice."""
        return [m for m in self.matches if m.loaded and (voice is None or m.voice == voice)]

    @property
    def scores(self) -> dict[str, Any]:
        """Document scores (JSON-safe, unrounded): rates per voice, categories, direction, ..."""
        return _scores(self)

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
        return {
            "framing_version": __version__,
            "source": doc.source.to_dict(),
            "text": doc.text,
            "lexicons": self.lexicon_info(),
            "models": model_versions(self.options),
            "options": self.options.to_dict(),
            "scores": self.scores,
            "matches": [m.to_dict() for m in self.matches],
            "quotes": [q.to_dict() for q in self.voices.quotes],
            "attributions": [a.to_dict() for a in self.voices.attributions],
            "sentences": sentences,
        }

    def to_frame(self) -> pd.DataFrame:
        """A pandas DataFrame with one row per match."""
        import pandas as pd

        columns = list(Match.__dataclass_fields__)
        rows = [m.to_dict() for m in self.matches]
        return pd.DataFrame(rows, columns=columns)

    def _repr_html_(self) -> str:
        from framing.render.html import article_fragment

        return article_fragment(self)


def model_versions(options: AnalysisOptions) -> dict[str, str]:
    """Versions of the models an analysis used (stated in every report)."""
    out = {"sentiment": SENTIMENT_MODELS["pattern"]}
    if options.sentiment == "vader":
        out["vader"] = SENTIMENT_MODELS["vader"]
    return out


def to_document(source: str | os.PathLike[str] | Document, *, encoding: str | None = None) -> Document:
    """A Document from a Document, a path, or text.

    A ``Path`` is always read as a file. A ``str`` is read as a file when it is a single line that
    names an existing file; any other string is the article text itself.
    """
    if isinstance(source, Document):
        return source
    if isinstance(source, os.PathLike):
        return Document.from_path(Path(source), encoding=encoding)
    if not isinstance(source, str):
        raise FramingError(f"cannot analyse a {type(source).__name__}; give text or a path")
    if "\n" not in source and len(source) < 1024 and os.path.isfile(source):
        return Document.from_path(source, encoding=encoding)
    if not source.strip():
        raise FramingError("the text is empty")
    return Document.from_text(source)


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
    options = options or AnalysisOptions()
    doc = to_document(text_or_path, encoding=encoding)
    active = load_lexicons(None if lexicons is None else [_as_lexicon_arg(x) for x in lexicons])
    voices = find_voices(doc)
    hits = compile_matcher(active).find(doc.text, doc.sentence_openings, doc.normalized)
    text = doc.text
    hedge_sentences = {doc.sentence_index(h.start) for h in hits if h.entry.category == HEDGE}
    matches = []
    for h in hits:
        entry = h.entry
        voice, speaker, scare = voices.voice_at(h.start, h.end)
        sentence = doc.sentence_index(h.start)
        matches.append(
            Match(
                start=h.start,
                end=h.end,
                text=text[h.start : h.end],
                term=entry.term,
                lexicon=entry.lexicon,
                category=entry.category,
                direction=entry.direction,
                weight=entry.weight,
                loaded=entry.loaded,
                voice=voice,
                speaker=speaker,
                negated=_negated(text, doc.sentences[sentence].start if doc.sentences else 0, h.start),
                hedged=sentence in hedge_sentences and entry.category != HEDGE,
                scare_quoted=scare,
                sentence=sentence,
                alternatives=entry.alternatives,
                rationale=entry.rationale,
            )
        )
    overall, per_sentence = document_sentiment(text, list(doc.sentences))
    vader = None
    if options.sentiment == "vader":
        vader = tuple(vader_sentences(text, list(doc.sentences)))
    return Analysis(doc, voices, tuple(matches), active, overall, tuple(per_sentence), options, vader)


def _as_lexicon_arg(item: str | os.PathLike[str] | Lexicon) -> str | Path | Lexicon:
    if isinstance(item, (str, Lexicon)):
        return item
    return Path(item)


def _negated(text: str, floor: int, start: int) -> bool:
    """A negator among the three words before `start` in the same sentence."""
    words = WORD_RE.findall(text, max(floor, start - 60), start)[-3:]
    for w in words:
        low = w.lower()
        if low in _NEGATORS or _NEG_TAIL_RE.search(low):
            return True
    return False


def _rate(count: float, words: int) -> float:
    return 1000.0 * count / words if words else 0.0


def _scores(a: Analysis) -> dict[str, Any]:
    words = dict(a.voices.words)
    loaded = [m for m in a.matches if m.loaded]
    by_voice = Counter(m.voice for m in loaded)
    weighted: defaultdict[str, float] = defaultdict(float)
    for m in loaded:
        weighted[m.voice] += m.weight
    counts = {v: by_voice.get(v, 0) for v in VOICES}
    counts["all"] = len(loaded)
    loaded_rate = {v: _rate(counts[v], words[v]) for v in (*VOICES, "all")}
    categories: dict[str, dict[str, Any]] = {}
    for m in a.matches:
        key = f"{m.lexicon}:{m.category}"
        cat = categories.setdefault(
            key,
            {"lexicon": m.lexicon, "category": m.category, "loaded": m.loaded, "count": 0}
            | {v: 0 for v in VOICES},
        )
        cat["count"] += 1
        cat[m.voice] += 1
    for cat in categories.values():
        cat["rate_per_1k"] = _rate(cat["count"], words["all"])
        cat["author_rate_per_1k"] = _rate(cat["author"], words["author"])
    direction: dict[str, Any] = {}
    for scope in ("author", "all"):
        pool = [m for m in loaded if scope == "all" or m.voice == scope]
        leg = sum(m.weight for m in pool if m.direction == "legitimizing")
        deleg = sum(m.weight for m in pool if m.direction == "delegitimizing")
        direction[scope] = {
            "legitimizing": sum(1 for m in pool if m.direction == "legitimizing"),
            "delegitimizing": sum(1 for m in pool if m.direction == "delegitimizing"),
            "neutral": sum(1 for m in pool if m.direction == "neutral"),
            "balance": (leg - deleg) / (leg + deleg) if leg + deleg else 0.0,
        }
    quotes = a.voices.quotes
    sentiment: dict[str, Any] = {
        "model": "pattern",
        "polarity": a.sentiment.polarity,
        "subjectivity": a.sentiment.subjectivity,
    }
    if a.vader is not None:
        sentiment["vader_compound_mean"] = sum(a.vader) / len(a.vader) if a.vader else 0.0
    return {
        "words": words,
        "loaded_count": counts,
        "loaded_weight": {v: weighted.get(v, 0.0) for v in VOICES},
        "loaded_rate_per_1k": loaded_rate,
        "categories": dict(sorted(categories.items())),
        "direction": direction,
        "sentiment": sentiment,
        "hedges": sum(1 for m in a.matches if m.category == HEDGE),
        "boosters": sum(1 for m in a.matches if m.category == BOOSTER),
        "anonymous_sources": sum(1 for m in a.matches if m.category == ANONYMOUS),
        "reporting_verbs": {c: sum(1 for m in a.matches if m.category == c) for c in REPORTING},
        "quotes": {
            "speech": sum(1 for q in quotes if q.kind == "speech" and not q.nested),
            "scare": sum(1 for q in quotes if q.kind == "scare"),
            "quoted_share": words["quote"] / words["all"] if words["all"] else 0.0,
            "attributed_share": words["attributed"] / words["all"] if words["all"] else 0.0,
        },
        "speakers": a.voices.speakers,
        "sentences": len(a.document.sentences),
    }

