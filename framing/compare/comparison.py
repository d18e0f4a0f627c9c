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

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from framing._version import __version__
from framing.analysis import Analysis, AnalysisOptions, analyze, model_versions, with_models
from framing.annotate.actors import ActorLayer, find_actors, link_keys
from framing.compare.model_tables import bias_table, classifier_versions, frame_table, model_summary
from framing.compare.summary import actor_types, directional, summarize, terms_only_in_names
from framing.compare.tables import (
    MARKER_CATEGORIES,
    SCORES,
    count_table,
    label_table,
    records,
    score_table,
    speaker_table,
)
from framing.document import Document
from framing.errors import FramingError
from framing.lexicon.format import Lexicon
from framing.repr_html import html_of

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MARKER_CATEGORIES", "SCORES", "Comparison", "compare", "records"]

Source = str | os.PathLike[str] | Document | Analysis


@dataclass(frozen=True, eq=False)
class Comparison:
    """Two analysed articles, their actors, and the tables that compare them.

    Build one with :func:`compare`. ``keys`` maps every actor key of either article to the key
    both share (aliases linked across the two documents). The tables are built by
    :mod:`framing.compare.tables` and :mod:`framing.compare.model_tables`, the summary by
    :mod:`framing.compare.summary`.
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
        return label_table(self.actors, self.keys, self.actor_names)

    @cached_property
    def terms(self) -> pd.DataFrame:
        """Per lexicon term: counts (all text and own voice), rates per 1,000 words, A - B.

        Largest absolute difference first; ``marker`` flags context markers (reporting verbs,
        hedges, anonymous sourcing), which the displays leave to the scores table.
        """
        return count_table(self.analyses, ("term", "lexicon", "category"))

    @cached_property
    def categories(self) -> pd.DataFrame:
        """Per lexicon category: the same counts, rates and difference as :attr:`terms`."""
        return count_table(self.analyses, ("lexicon", "category"))

    @cached_property
    def scores(self) -> pd.DataFrame:
        """The document scores side by side: measure, label, meaning, a, b, difference."""
        return score_table(self.analyses)

    @cached_property
    def speakers(self) -> pd.DataFrame:
        """Who is quoted or cited in each article, how often, and for whom they speak if known.

        Columns: document (``a`` or ``b``), speaker, side_key, side, quotes, reported.
        """
        return speaker_table(self.analyses, self.actors, self.keys, self.actor_names)

    @cached_property
    def frames(self) -> pd.DataFrame:
        """Frame probabilities side by side, as the frame model estimates them.

        Columns: frame, label, a, b, difference, a_predicted, b_predicted; largest difference
        first. Empty without model outputs (``AnalysisOptions(models=True)``).
        """
        return frame_table(self.analyses)

    @cached_property
    def sentence_bias(self) -> pd.DataFrame:
        """Sentence bias side by side, as the bias model estimates it: measure, label, meaning,
        a, b, difference (see :data:`framing.compare.model_tables.BIAS_MEASURES`). Empty without
        model outputs."""
        return bias_table(self.analyses)

    @cached_property
    def classifier_versions(self) -> dict[str, str]:
        """kind -> version of the classifiers both articles carry outputs of (empty without)."""
        return classifier_versions(self.analyses)

    @cached_property
    def summary(self) -> list[str]:
        """A few plain sentences naming the largest differences, largest first; then, with model
        outputs, at most two on large differences in the model estimates."""
        return summarize(
            self.names,
            labels=self.labels,
            terms=self.terms,
            scores=self.scores,
            types=actor_types(self.actors, self.keys),
            directional=directional(self.analyses),
            in_names=terms_only_in_names(self.analyses),
        ) + model_summary(self.names, self.frames, self.sentence_bias)

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
        out: dict[str, Any] = {}
        if any(a.classifiers is not None for a in self.analyses):
            out["classifier_versions"] = self.classifier_versions
        if len(self.frames):
            out["frames"] = records(self.frames)
        if len(self.sentence_bias):
            out["sentence_bias"] = records(self.sentence_bias)
        return out

    def _repr_html_(self) -> str | None:
        """The summary and actor table in Jupyter (drawn by :mod:`framing.render.compare.html`)."""
        return html_of(self)


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
        with_models(x) if x.options.models and x.classifiers is None else x
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
