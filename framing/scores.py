"""Document scores: rates of lexicon matches per 1,000 words, by category, voice and direction.

:func:`rate_per_1k` is the one definition of a rate in framing; every score, table and chart
calls it. :func:`document_scores` computes one article's scores from its analysis layers
(``Analysis.scores``); :func:`json_safe` writes their undefined rates (NaN) as None.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from operator import itemgetter
from typing import TYPE_CHECKING, Any, overload

import numpy as np
import numpy.typing as npt

from framing.annotate.voice import VOICES

if TYPE_CHECKING:
    from framing.analysis import Match
    from framing.annotate.sentiment import SentimentScore
    from framing.annotate.voice import VoiceLayer

__all__ = ["document_scores", "json_safe", "rate_per_1k"]

HEDGE, BOOSTER, ANONYMOUS = "hedge", "booster", "anonymous_source"
REPORTING = ("reporting_verb", "loaded_reporting_verb")


@overload
def rate_per_1k(count: float, words: float) -> float: ...
@overload
def rate_per_1k(count: npt.ArrayLike, words: npt.ArrayLike) -> npt.NDArray[np.float64]: ...
def rate_per_1k(count: npt.ArrayLike, words: npt.ArrayLike) -> float | npt.NDArray[np.float64]:
    """``1000 * count / words``: matches per 1,000 words.

    The rule for zero words: the rate is undefined and comes back as NaN (a voice with no words,
    a group with no documents). It is never 0, which would claim the words were there and clean,
    and never divided by ``max(1, words)``, which would understate a rate over a few words.
    Scalars give a float, arrays (or pandas Series, via ``np.asarray``) an array of floats.
    Outputs that cannot hold NaN (JSON) write it as ``null``.
    """
    if isinstance(words, (int, float)) and isinstance(count, (int, float)):
        # plain Python for scalars: the same two float operations as the array path
        return 1000.0 * count / words if words else math.nan
    if np.ndim(count) == 0 and np.ndim(words) == 0:  # numpy scalars
        w = float(words)  # type: ignore[arg-type]
        return 1000.0 * float(count) / w if w else math.nan  # type: ignore[arg-type]
    num = np.asarray(count, dtype=float)
    den = np.asarray(words, dtype=float)
    out = np.full(np.broadcast(num, den).shape, np.nan)
    np.divide(1000.0 * num, den, out=out, where=den != 0)
    return out


def json_safe(value: Any) -> Any:
    """`value` (dicts, lists and tuples of scalars) with every NaN float written as None.

    JSON has no NaN: an undefined rate (a voice with no words) becomes ``null``.
    """
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    return value


_CATEGORY_KEY = itemgetter(4, 5, 8, 9)  # Match: lexicon, category, loaded, voice
_CATEGORY = itemgetter(5)
_VOICE_SLOT = {"author": 3, "quote": 4, "attributed": 5}


def document_scores(
    voices: VoiceLayer,
    matches: Sequence[Match],
    sentiment: SentimentScore,
    vader: Sequence[float] | None,
    sentences: int,
) -> dict[str, Any]:
    """One article's scores in one pass over its matches (unrounded; see ``Analysis.scores``).

    Rates are :func:`rate_per_1k` of the words in their scope: NaN where the scope has no words
    (an article without quotes has no rate in quotes).
    """
    words = dict(voices.words)
    # counts keyed by (lexicon, category, loaded, voice) and by (voice, direction), in C loops
    by_category = Counter(map(_CATEGORY_KEY, matches))
    markers = Counter(map(_CATEGORY, matches))
    by_direction: dict[tuple[str, str], list[float]] = {}
    for m in matches:
        if m.loaded:
            slot = by_direction.get((m.voice, m.direction))
            if slot is None:
                by_direction[(m.voice, m.direction)] = [1, m.weight]
            else:
                slot[0] += 1
                slot[1] += m.weight
    # per "lexicon:category": [lexicon, category, loaded, author, quote, attributed]
    per_category: dict[str, list[Any]] = {}
    for (lexicon, category, loaded, voice), n in by_category.items():
        slot = per_category.get(f"{lexicon}:{category}")
        if slot is None:
            slot = per_category[f"{lexicon}:{category}"] = [lexicon, category, loaded, 0, 0, 0]
        slot[_VOICE_SLOT[voice]] += n
    total, author = words["all"], words["author"]
    keys = sorted(per_category)
    in_all = [sum(per_category[key][3:]) for key in keys]
    in_own = [per_category[key][3] for key in keys]
    rates = [rate_per_1k(n, total) for n in in_all]
    own_rates = [rate_per_1k(n, author) for n in in_own]
    categories: dict[str, dict[str, Any]] = {}
    for key, count, rate, own_rate in zip(keys, in_all, rates, own_rates, strict=True):
        lexicon, category, loaded, in_author, in_quote, in_attributed = per_category[key]
        categories[key] = {
            "lexicon": lexicon,
            "category": category,
            "loaded": loaded,
            "count": count,
            "author": in_author,
            "quote": in_quote,
            "attributed": in_attributed,
            "rate_per_1k": rate,
            "author_rate_per_1k": own_rate,
        }
    counts: dict[str, int] = dict.fromkeys((*VOICES, "all"), 0)
    weighted: dict[str, float] = dict.fromkeys(VOICES, 0.0)
    direction: dict[str, dict[str, Any]] = {}
    for scope in ("author", "all"):
        d: dict[str, Any] = {"legitimizing": 0, "delegitimizing": 0, "neutral": 0}
        leg: float = 0.0
        deleg: float = 0.0
        for (voice, way), (hits, weight) in by_direction.items():
            if scope == "all" or voice == scope:
                d[way] += int(hits)
                if way == "legitimizing":
                    leg += weight
                elif way == "delegitimizing":
                    deleg += weight
        d["balance"] = (leg - deleg) / (leg + deleg) if leg + deleg else 0.0
        direction[scope] = d
    for (voice, _), (hits, weight) in by_direction.items():
        counts[voice] += int(hits)
        counts["all"] += int(hits)
        weighted[voice] += weight
    feeling: dict[str, Any] = {
        "model": "pattern",
        "polarity": sentiment.polarity,
        "subjectivity": sentiment.subjectivity,
    }
    if vader is not None:
        feeling["vader_compound_mean"] = sum(vader) / len(vader) if vader else 0.0
    quotes = voices.quotes
    scopes = (*VOICES, "all")
    scope_counts = [counts[v] for v in scopes]
    scope_words = [words[v] for v in scopes]
    scope_rates = [rate_per_1k(n, w) for n, w in zip(scope_counts, scope_words, strict=True)]
    return {
        "words": words,
        "loaded_count": counts,
        "loaded_weight": weighted,
        "loaded_rate_per_1k": dict(zip(scopes, scope_rates, strict=True)),
        "categories": categories,
        "direction": direction,
        "sentiment": feeling,
        "hedges": markers.get(HEDGE, 0),
        "boosters": markers.get(BOOSTER, 0),
        "anonymous_sources": markers.get(ANONYMOUS, 0),
        "reporting_verbs": {c: markers.get(c, 0) for c in REPORTING},
        "quotes": {
            "speech": sum(1 for q in quotes if q.kind == "speech" and not q.nested),
            "scare": sum(1 for q in quotes if q.kind == "scare"),
            "quoted_share": words["quote"] / total if total else 0.0,
            "attributed_share": words["attributed"] / total if total else 0.0,
        },
        "speakers": voices.speakers,
        "sentences": sentences,
    }
