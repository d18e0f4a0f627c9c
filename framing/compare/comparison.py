"""Two articles side by side: who is called what, which words differ, whose voice carries them.

>>> import framing
>>> c = framing.compare("a.txt", "b.txt", names=("Outlet A", "Outlet B"))  # doctest: +SKIP
>>> c.summary[0]                                                          # doctest: +SKIP
"Outlet A calls Northern Valley Front (NVF) 'rebels' 3 times in its own voice; ..."
>>> c.labels.head()     # one row per actor, label, voice and speaker     # doctest: +SKIP

Every table is a pandas DataFrame with unrounded values; the columns ``a`` and ``b`` hold the
first and second article's values (their display names are :attr:`Comparison.names`), and
``difference`` is always A minus B. Rates are per 1,000 words of the article's whole text.
The summary names the largest differences in plain words and takes no side: it says who uses which
word in whose voice, never which word is right.
"""

from __future__ import annotations

import math
import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from framing._version import __version__
from framing.analysis import Analysis, AnalysisOptions, _with_models, analyze, model_versions
from framing.annotate.actors import ActorLayer, find_actors, link_keys, speaker_side
from framing.document import Document
from framing.errors import FramingError
from framing.lexicon.format import Lexicon

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MARKER_CATEGORIES", "SCORES", "Comparison", "compare"]

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
_VOICE_WORDS = {"author": "own", "quote": "quote", "attributed": "reported"}

Source = str | os.PathLike[str] | Document | Analysis


@dataclass(frozen=True, eq=False)
class Comparison:
    """Two analysed articles, their actors, and the tables that compare them.

    Build one with :func:`compare`. ``keys`` maps every actor key of either article to the key
    both share (aliases linked across the two documents).
    """

    names: tuple[str, str]
    analyses: tuple[Analysis, Analysis]
    actors: tuple[ActorLayer, ActorLayer]
    keys: Mapping[str, str]

    # --- tables ----------------------------------------------------------------------------------

    @cached_property
    def actor_names(self) -> dict[str, str]:
        """Display name per shared key: the gazetteer's, else the most informative one seen."""
        out: dict[str, str] = {}
        for layer in self.actors:
            for key, name in layer.names.items():
                shared = self.keys.get(key, key)
                if len(name) > len(out.get(shared, "")):
                    out[shared] = name
        return out

    @cached_property
    def labels(self) -> pd.DataFrame:
        """Per actor, label, voice and speaker: how often each article uses the label.

        Columns: key, actor, label, category, direction, loaded, voice, speaker, texts (surface
        forms, those used as nouns first), a, b, difference. Actors with the most labels come
        first.
        """
        import pandas as pd

        rows: dict[tuple[Any, ...], dict[str, Any]] = {}
        for side, layer in zip("ab", self.actors, strict=True):
            for lab in layer.labels:
                key = self.keys.get(lab.key, lab.key)
                row = rows.setdefault(
                    (key, lab.label, lab.voice, lab.speaker),
                    {
                        "key": key,
                        "actor": self.actor_names.get(key, lab.actor),
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
        columns = [
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
        return pd.DataFrame(ordered, columns=columns)

    def _counted(self, by: Sequence[str]) -> pd.DataFrame:
        import pandas as pd

        rows: dict[tuple[Any, ...], dict[str, Any]] = {}
        for side, analysis in zip("ab", self.analyses, strict=True):
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
        words = [max(1, a.scores["words"]["all"]) for a in self.analyses]
        for row in rows.values():
            row["a_rate"] = 1000.0 * row["a"] / words[0]
            row["b_rate"] = 1000.0 * row["b"] / words[1]
            row["difference"] = row["a_rate"] - row["b_rate"]
            row["marker"] = row["category"] in MARKER_CATEGORIES
        ordered = sorted(
            rows.values(), key=lambda r: (-abs(r["difference"]), *(str(r[k]) for k in by))
        )
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

    @cached_property
    def terms(self) -> pd.DataFrame:
        """Per lexicon term: counts (all text and own voice), rates per 1,000 words, A - B.

        Largest absolute difference first; ``marker`` flags context markers (reporting verbs,
        hedges, anonymous sourcing), which the displays leave to the scores table.
        """
        return self._counted(("term", "lexicon", "category"))

    @cached_property
    def categories(self) -> pd.DataFrame:
        """Per lexicon category: the same counts, rates and difference as :attr:`terms`."""
        return self._counted(("lexicon", "category"))

    @cached_property
    def scores(self) -> pd.DataFrame:
        """The document scores side by side: measure, label, meaning, a, b, difference."""

        values = [_score_values(a) for a in self.analyses]
        return side_by_side(values, _score_rows(self.analyses))

    @cached_property
    def speakers(self) -> pd.DataFrame:
        """Who is quoted or cited in each article, how often, and for whom they speak if known.

        Columns: document (``a`` or ``b``), speaker, side_key, side, quotes, reported.
        """
        import pandas as pd

        rows = []
        for side, analysis, layer in zip("ab", self.analyses, self.actors, strict=True):
            voices = analysis.voices
            quotes = Counter(
                q.speaker for q in voices.quotes if q.kind == "speech" and not q.nested
            )
            reported = Counter(a.speaker for a in voices.attributions if not a.factive)
            for speaker in voices.speakers:
                key = speaker_side(speaker, layer)
                shared = self.keys.get(key, key) if key else None
                rows.append(
                    {
                        "document": side,
                        "speaker": speaker,
                        "side_key": shared,
                        "side": self.actor_names.get(shared, layer.names.get(key or "", key))
                        if shared
                        else None,
                        "quotes": quotes[speaker],
                        "reported": reported[speaker],
                    }
                )
        columns = ["document", "speaker", "side_key", "side", "quotes", "reported"]
        return pd.DataFrame(rows, columns=columns)

    @cached_property
    def frames(self) -> pd.DataFrame:
        """Frame probabilities side by side, as the frame model estimates them.

        Columns: frame, label, a, b, difference, a_predicted, b_predicted; largest difference
        first. Empty without model outputs (``AnalysisOptions(models=True)``).
        """
        from framing.compare.model_tables import frame_table

        return frame_table(self)

    @cached_property
    def sentence_bias(self) -> pd.DataFrame:
        """Sentence bias side by side, as the bias model estimates it: measure, label, meaning,
        a, b, difference (see :data:`framing.compare.model_tables.BIAS_MEASURES`). Empty without
        model outputs."""
        from framing.compare.model_tables import bias_table

        return bias_table(self)

    @cached_property
    def summary(self) -> list[str]:
        """A few plain sentences naming the largest differences, largest first; then, with model
        outputs, at most two on large differences in the model estimates."""
        from framing.compare.model_tables import model_summary
        from framing.compare.summary import summarize

        return summarize(self) + model_summary(self)

    # --- output ----------------------------------------------------------------------------------

    def lexicon_info(self) -> list[dict[str, str]]:
        return self.analyses[0].lexicon_info()

    def to_dict(self) -> dict[str, Any]:
        """Everything, JSON-safe: both analyses with their actors, every table and the summary."""
        a = self.analyses[0]
        return {
            "framing_version": __version__,
            "names": list(self.names),
            "lexicons": self.lexicon_info(),
            "models": model_versions(a.options),
            "options": a.options.to_dict(),
            "summary": list(self.summary),
            "actor_keys": dict(sorted(self.keys.items())),
            "actor_names": dict(sorted(self.actor_names.items())),
            "labels": records(self.labels),
            "terms": records(self.terms),
            "categories": records(self.categories),
            "scores": records(self.scores),
            "speakers": records(self.speakers),
            **self._model_dict(),
            "documents": [
                {"name": name, **analysis.to_dict(), "actors": layer.to_dict()}
                for name, analysis, layer in zip(
                    self.names, self.analyses, self.actors, strict=True
                )
            ],
        }

    def _model_dict(self) -> dict[str, Any]:
        from framing.compare.model_tables import classifier_versions

        out: dict[str, Any] = {}
        if any(a.classifiers is not None for a in self.analyses):
            out["classifier_versions"] = classifier_versions(self)
        if len(self.frames):
            out["frames"] = records(self.frames)
        if len(self.sentence_bias):
            out["sentence_bias"] = records(self.sentence_bias)
        return out

    def _repr_html_(self) -> str:
        from framing.render.compare.html import comparison_fragment

        return comparison_fragment(self)


def _by_use(item: tuple[str, int]) -> tuple[int, int, str]:
    text, weight = item
    return (-(weight // 1000), -(weight % 1000), text)


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


def _names(names: Sequence[str] | str | None) -> tuple[str, str]:
    if names is None:
        return ("A", "B")
    if isinstance(names, str):
        names = [n.strip() for n in names.split(",")]
    items = [str(n).strip() for n in names]
    if len(items) != 2 or not all(items) or items[0] == items[1]:
        raise FramingError(
            "names must be two different, non-empty names, e.g. names=('Outlet A', 'Outlet B') "
            "or --names 'Outlet A,Outlet B'"
        )
    return items[0], items[1]


def compare(
    a: Source,
    b: Source,
    names: Sequence[str] | str | None = None,
    *,
    lexicons: Iterable[str | os.PathLike[str] | Lexicon] | None = None,
    options: AnalysisOptions | None = None,
) -> Comparison:
    """Compare two articles: texts, paths, Documents or Analyses (same lexicons for both).

    `names` are the two articles' display names (default ``("A", "B")``); a string is split at
    its comma. An Analysis given for one side lends its lexicons and options to the other side
    unless `lexicons` or `options` are given. With ``options.models`` both articles carry the
    classifiers' outputs and the comparison has :attr:`Comparison.frames` and
    :attr:`Comparison.sentence_bias` (the library default leaves the models off).
    """
    pair = _names(names)
    given = [x for x in (a, b) if isinstance(x, Analysis)]
    if given and lexicons is None:
        lexicons = list(given[0].lexicons)
    if given and options is None:
        options = given[0].options
    analyses = tuple(
        _with_models(x) if x.options.models and x.classifiers is None else x
        for x in (
            x if isinstance(x, Analysis) else analyze(x, lexicons=lexicons, options=options)
            for x in (a, b)
        )
    )
    first, second = analyses
    if first.lexicon_info() != second.lexicon_info():
        raise FramingError(
            "the two articles were analysed with different lexicons; analyse both with the same "
            "lexicons (or pass texts or paths and give lexicons= once)"
        )
    if first.options != second.options:
        raise FramingError(
            "the two articles were analysed with different options; analyse both with the same "
            "AnalysisOptions"
        )
    layers = (find_actors(first), find_actors(second))
    return Comparison(pair, (first, second), layers, link_keys(layers))


SIDE_BY_SIDE_COLUMNS = ["measure", "label", "meaning", "a", "b", "difference"]


def side_by_side(
    values: list[dict[str, Any]], measures: Iterable[tuple[str, str, str]]
) -> pd.DataFrame:
    """Measures of the two articles side by side: measure, label, meaning, a, b, difference."""
    import pandas as pd

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
