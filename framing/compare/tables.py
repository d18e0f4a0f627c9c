"""The tables of a comparison, built from the two analyses: labels, terms, scores, speakers.

Every table is a pandas DataFrame with unrounded values; the columns ``a`` and ``b`` hold the
first and second article's values and ``difference`` is always A minus B. Rates are
:func:`~framing.scores.rate_per_1k` of the article's whole text. :func:`records` turns a table
into JSON-safe rows for outputs and summaries.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from framing.annotate.actors import ActorLayer, speaker_side
from framing.scores import rate_per_1k

if TYPE_CHECKING:
    import pandas as pd

    from framing.analysis import Analysis

__all__ = [
    "MARKER_CATEGORIES",
    "SCORES",
    "SIDE_BY_SIDE_COLUMNS",
    "count_table",
    "label_table",
    "records",
    "score_table",
    "side_by_side",
    "speaker_table",
]

#: Context-marker categories: counted in the scores, left out of the word-choice tables' display.
MARKER_CATEGORIES = frozenset(
    "reporting_verb loaded_reporting_verb factive_verb anonymous_source hedge booster".split()
)
#: The scores compared side by side: (key, label, what it means).
SCORES: tuple[tuple[str, str, str], ...] = (
    ("loaded_rate_author", "Loaded terms per 1,000 words, own voice", "the outlet's narration"),
    ("loaded_rate_all", "Loaded terms per 1,000 words, all text", "quotes included"),
    ("quoted_share", "Share of words in direct quotes", "0 to 1"),
    ("attributed_share", "Share of words in reported speech", "0 to 1"),
    ("balance_author", "Direction balance, own voice", "-1 delegitimizing to +1 legitimizing"),
    ("balance_all", "Direction balance, all text", "-1 delegitimizing to +1 legitimizing"),
    ("polarity", "Sentiment polarity (Pattern)", "-1 negative to +1 positive"),
    ("subjectivity", "Subjectivity (Pattern)", "0 factual to 1 opinionated"),
    ("hedges", "Hedges", "reportedly, allegedly, likely ..."),
    ("boosters", "Boosters", "clearly, undeniably ..."),
    ("anonymous_sources", "Anonymous sources", "a senior official, sources said ..."),
    ("speakers", "Distinct speakers quoted or cited", "named people and bodies"),
    ("words", "Words", "whole text"),
)
SIDE_BY_SIDE_COLUMNS = ["measure", "label", "meaning", "a", "b", "difference"]
_LABEL_COLUMNS = [
    "key",
    "actor",
    "label",
    "category",
    "direction",
    "loaded",
    "voice",
    "speaker",
    "texts",
    "a",
    "b",
    "difference",
]
_SPEAKER_COLUMNS = ["document", "speaker", "side_key", "side", "quotes", "reported"]


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """DataFrame rows as JSON-safe dicts (native Python scalars, NaN as None), unrounded."""
    out = []
    for row in frame.to_dict("records"):
        clean = {}
        for k, v in row.items():
            if hasattr(v, "item"):
                v = v.item()
            if isinstance(v, float) and math.isnan(v):
                v = None
            clean[str(k)] = v
        out.append(clean)
    return out


def side_by_side(
    values: Sequence[Mapping[str, Any]], measures: Iterable[tuple[str, str, str]]
) -> pd.DataFrame:
    """Measures of the two articles side by side: measure, label, meaning, a, b, difference."""
    import pandas as pd  # pandas loads in about 0.3 s: only when a table is built

    rows = [
        {
            "measure": key,
            "label": label,
            "meaning": meaning,
            "a": values[0][key],
            "b": values[1][key],
            "difference": values[0][key] - values[1][key],
        }
        for key, label, meaning in measures
    ]
    return pd.DataFrame(rows, columns=SIDE_BY_SIDE_COLUMNS)


def _by_use(item: tuple[str, int]) -> tuple[int, int, str]:
    text, weight = item
    return (-(weight // 1000), -(weight % 1000), text)


def label_table(
    actors: Sequence[ActorLayer], keys: Mapping[str, str], names: Mapping[str, str]
) -> pd.DataFrame:
    """Per actor, label, voice and speaker: how often each article uses the label.

    `keys` maps every actor key to the key both articles share, `names` a shared key to its
    display name. Columns: key, actor, label, category, direction, loaded, voice, speaker, texts
    (surface forms, those used as nouns first), a, b, difference. Actors with the most labels
    come first.
    """
    import pandas as pd  # pandas loads in about 0.3 s: only when a table is built

    rows: dict[tuple[Any, ...], dict[str, Any]] = {}
    for side, layer in zip("ab", actors, strict=True):
        for lab in layer.labels:
            key = keys.get(lab.key, lab.key)
            row = rows.setdefault(
                (key, lab.label, lab.voice, lab.speaker),
                {
                    "key": key,
                    "actor": names.get(key, lab.actor),
                    "label": lab.label,
                    "category": lab.category,
                    "direction": lab.direction,
                    "loaded": lab.loaded,
                    "voice": lab.voice,
                    "speaker": lab.speaker,
                    "texts": Counter(),
                    "a": 0,
                    "b": 0,
                },
            )
            row[side] += 1
            # forms used as nouns ("terrorists") before premodifiers ("terrorist attack")
            row["texts"][lab.text] += 1 if lab.kind == "premodifier" else 1000
    totals: Counter[str] = Counter()
    for row in rows.values():
        totals[row["key"]] += row["a"] + row["b"]
        row["texts"] = "; ".join(t for t, _ in sorted(row["texts"].items(), key=_by_use))
        row["difference"] = row["a"] - row["b"]
    ordered = sorted(
        rows.values(),
        key=lambda r: (
            -totals[r["key"]],
            r["key"],
            -abs(r["difference"]),
            -(r["a"] + r["b"]),
            r["label"],
            r["voice"],
            r["speaker"] or "",
        ),
    )
    return pd.DataFrame(ordered, columns=_LABEL_COLUMNS)


def count_table(analyses: Sequence[Analysis], by: Sequence[str]) -> pd.DataFrame:
    """Lexicon matches counted per `by` (term, lexicon, category) in each article.

    Counts in all text and in the outlet's own voice, rates per 1,000 words of the whole text,
    and A - B of the rates; largest absolute difference first; ``marker`` flags context markers.
    """
    import pandas as pd  # pandas loads in about 0.3 s: only when a table is built

    rows: dict[tuple[Any, ...], dict[str, Any]] = {}
    for side, analysis in zip("ab", analyses, strict=True):
        for m in analysis.matches:
            fields = {
                "term": m.term,
                "lexicon": m.lexicon,
                "category": m.category,
                "direction": m.direction,
                "loaded": m.loaded,
            }
            if "term" not in by:
                fields = {k: v for k, v in fields.items() if k in ("lexicon", "category")}
            row = rows.setdefault(
                tuple(fields[k] for k in by),
                {**fields, "a": 0, "b": 0, "a_author": 0, "b_author": 0},
            )
            row[side] += 1
            if m.voice == "author":
                row[f"{side}_author"] += 1
    words = [a.scores["words"]["all"] for a in analyses]
    for row in rows.values():
        row["a_rate"] = rate_per_1k(row["a"], words[0])
        row["b_rate"] = rate_per_1k(row["b"], words[1])
        row["difference"] = row["a_rate"] - row["b_rate"]
        row["marker"] = row["category"] in MARKER_CATEGORIES
    ordered = sorted(rows.values(), key=lambda r: (-abs(r["difference"]), *(str(r[k]) for k in by)))
    first = list(by) + [c for c in ("direction", "loaded") if "term" in by and c not in by]
    columns = [
        *first,
        "marker",
        "a",
        "b",
        "a_author",
        "b_author",
        "a_rate",
        "b_rate",
        "difference",
    ]
    return pd.DataFrame(ordered, columns=columns)


def _score_rows(analyses: Iterable[Analysis]) -> list[tuple[str, str, str]]:
    vader = all(a.vader is not None for a in analyses)
    rows = list(SCORES)
    if vader:
        rows.insert(8, ("vader", "VADER compound (mean of sentences)", "-1 to +1"))
    return rows


def _score_values(a: Analysis) -> dict[str, float]:
    s = a.scores
    return {
        "loaded_rate_author": s["loaded_rate_per_1k"]["author"],
        "loaded_rate_all": s["loaded_rate_per_1k"]["all"],
        "quoted_share": s["quotes"]["quoted_share"],
        "attributed_share": s["quotes"]["attributed_share"],
        "balance_author": s["direction"]["author"]["balance"],
        "balance_all": s["direction"]["all"]["balance"],
        "polarity": s["sentiment"]["polarity"],
        "subjectivity": s["sentiment"]["subjectivity"],
        "vader": s["sentiment"].get("vader_compound_mean", 0.0),
        "hedges": s["hedges"],
        "boosters": s["boosters"],
        "anonymous_sources": s["anonymous_sources"],
        "speakers": len(s["speakers"]),
        "words": s["words"]["all"],
    }


def score_table(analyses: Sequence[Analysis]) -> pd.DataFrame:
    """The document scores side by side (:data:`SCORES`): measure, label, meaning, a, b,
    difference."""
    return side_by_side([_score_values(a) for a in analyses], _score_rows(analyses))


def speaker_table(
    analyses: Sequence[Analysis],
    actors: Sequence[ActorLayer],
    keys: Mapping[str, str],
    names: Mapping[str, str],
) -> pd.DataFrame:
    """Who is quoted or cited in each article, how often, and for whom they speak if known.

    Columns: document (``a`` or ``b``), speaker, side_key, side, quotes, reported.
    """
    import pandas as pd  # pandas loads in about 0.3 s: only when a table is built

    rows = []
    for side, analysis, layer in zip("ab", analyses, actors, strict=True):
        voices = analysis.voices
        quotes = Counter(q.speaker for q in voices.quotes if q.kind == "speech" and not q.nested)
        reported = Counter(a.speaker for a in voices.attributions if not a.factive)
        for speaker in voices.speakers:
            key = speaker_side(speaker, layer)
            shared = keys.get(key, key) if key else None
            rows.append(
                {
                    "document": side,
                    "speaker": speaker,
                    "side_key": shared,
                    "side": names.get(shared, layer.names.get(key or "", key)) if shared else None,
                    "quotes": quotes[speaker],
                    "reported": reported[speaker],
                }
            )
    return pd.DataFrame(rows, columns=_SPEAKER_COLUMNS)
