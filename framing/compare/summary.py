"""The summary of a comparison: a few plain sentences naming the largest differences.

Sentences say who uses which word in whose voice, never which word is right, and use the same
template for both sides (see docs/compare.md). :func:`summarize` reads the comparison's tables
(:mod:`framing.compare.tables`) and a few facts about the two analyses, never the Comparison.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from framing.annotate.actor_names import in_name
from framing.compare.tables import records

if TYPE_CHECKING:
    import pandas as pd

    from framing.analysis import Analysis
    from framing.annotate.actors import ActorLayer

__all__ = ["actor_types", "directional", "summarize", "terms_only_in_names"]


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def _surface(texts: str, label: str) -> str:
    """The most used form, without a sentence-initial capital: "Rebels" -> "rebels"."""
    first = texts.split("; ")[0] if texts else label
    if first.lower().startswith("the ") and not label.lower().startswith("the "):
        first = first[4:]
    if first[:1].isupper() and label[:1].islower() and not first[1:2].isupper():
        return first[:1].lower() + first[1:]
    return first


def _side_phrase(
    name: str, actor: str, rows: list[dict[str, Any]], side: str, first: bool, pronoun: str
) -> str:
    """ "Outlet B calls them 'terrorists' twice in its own voice and quotes X calling them ..." """
    own: Counter[str] = Counter()
    cited: dict[tuple[str, str], Counter[str]] = {}
    for r in rows:
        surface = _surface(r["texts"], r["label"])
        if r["voice"] == "author":
            own[surface] += r[side]
        else:
            cited.setdefault((surface, r["voice"]), Counter())[
                r["speaker"] or "an unnamed source"
            ] += r[side]
    bits = []
    target = actor if first else pronoun
    if own:
        words = " and ".join(f"'{w}' {_times(n)}" for w, n in own.most_common(2))
        bits.append(f"calls {target} {words} in its own voice")
        target = pronoun
    ranked = sorted(cited.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    for (surface, voice), speakers in ranked[:2]:
        verb = "quotes" if voice == "quote" else "reports"
        who = speakers.most_common(1)[0][0]
        if len(speakers) > 1:
            who += f" and {len(speakers) - 1} other source{'s' if len(speakers) > 2 else ''}"
        n = sum(speakers.values())
        bits.append(
            f"{verb} {who} calling {target} '{surface}'" + ("" if n == 1 else f" {_times(n)}")
        )
        target = pronoun
    return f"{name} " + " and ".join(bits)


def _actor_sentences(
    names: tuple[str, str], labels: pd.DataFrame, types: Mapping[str, str]
) -> list[tuple[float, str, set[str]]]:
    """One sentence per actor whose labels differ between the articles, heaviest first."""
    out = []
    rows_by_key: dict[str, list[dict[str, Any]]] = {}
    for row in records(labels):
        rows_by_key.setdefault(row["key"], []).append(row)
    for key, rows in rows_by_key.items():
        used = {side: {r["label"] for r in rows if r[side]} for side in "ab"}
        only = {"a": used["a"] - used["b"], "b": used["b"] - used["a"]}
        if not (only["a"] or only["b"]):
            continue
        loaded = any(r["loaded"] for r in rows if r["label"] in only["a"] | only["b"])
        if not loaded and not (only["a"] and only["b"]):
            continue  # a plain word ("administration") on one side only is not worth a sentence
        actor = rows[0]["actor"]
        pronoun = "it" if types.get(key) in ("state", "org", "other") else "them"
        parts = []
        first = True
        order = [("a", names[0]), ("b", names[1])]
        if not only["a"]:
            order.reverse()
        for side, name in order:
            mine = [r for r in rows if r["label"] in only[side] and r[side]]
            target = actor if first else pronoun
            if mine:
                parts.append(_side_phrase(name, actor, mine, side, first, pronoun))
            elif used[side]:
                parts.append(f"{name} uses none of these labels for {target}")
            else:
                parts.append(f"{name} gives {target} none of these labels")
            first = False
        weight = sum(
            (r["a"] + r["b"]) * (1.0 if r["loaded"] else 0.5)
            for r in rows
            if r["label"] in only["a"] | only["b"]
        )
        sentence = "; ".join(parts) + "."
        out.append((weight, sentence, only["a"] | only["b"]))
    out.sort(key=lambda x: (-x[0], x[1]))
    return out


def _score_sentences(names: tuple[str, str], scores: pd.DataFrame, directional: bool) -> list[str]:
    first, second = names
    v = {r["measure"]: (r["a"], r["b"]) for r in records(scores)}
    out = []
    a, b = v["loaded_rate_author"]  # None where an article has no words in its own voice
    if (
        a is not None
        and b is not None
        and max(a, b) > 0
        and abs(a - b) >= max(2.0, 0.25 * max(a, b))
    ):
        out.append(
            f"{first}'s own voice carries {a:.1f} loaded terms per 1,000 words, {second}'s {b:.1f}."
        )
    a, b = v["quoted_share"]
    if abs(a - b) >= 0.10:
        out.append(f"{first} gives {a:.0%} of its words to direct quotes, {second} {b:.0%}.")
    a, b = v["balance_author"]
    if directional and abs(a - b) >= 0.5:
        out.append(
            f"In their own voice, the balance of legitimizing and delegitimizing terms is "
            f"{a:+.2f} for {first} and {b:+.2f} for {second} (-1 to +1)."
        )
    a, b = v["speakers"]
    if a != b:
        noun = "speaker" if a == 1 else "speakers"
        out.append(f"{first} quotes or cites {a:.0f} distinct {noun}, {second} {b:.0f}.")
    return out


def actor_types(actors: Sequence[ActorLayer], keys: Mapping[str, str]) -> dict[str, str]:
    """Shared actor key -> its type ("person", "state", "org", ...) from the actor layers."""
    types: dict[str, str] = {}
    for layer in actors:
        for key, kind in layer.types.items():
            types.setdefault(keys.get(key, key), kind)
    return types


def directional(analyses: Sequence[Analysis]) -> bool:
    """Whether both articles use directional (legitimizing or delegitimizing) terms in their
    own voice: only then is a difference in direction balance worth a sentence."""
    return all(
        x.scores["direction"]["author"]["legitimizing"]
        + x.scores["direction"]["author"]["delegitimizing"]
        for x in analyses
    )


def terms_only_in_names(analyses: Sequence[Analysis]) -> set[tuple[str, str]]:
    """Terms matched only inside names ("Sham" in "Fatah al-Sham"): not word choices."""
    seen: dict[tuple[str, str], bool] = {}
    for analysis in analyses:
        openings = analysis.document.sentence_openings
        for m in analysis.matches:
            key = (m.lexicon, m.term)
            seen[key] = seen.get(key, True) and in_name(m, openings)
    return {k for k, only in seen.items() if only}


def summarize(
    names: tuple[str, str],
    *,
    labels: pd.DataFrame,
    terms: pd.DataFrame,
    scores: pd.DataFrame,
    types: Mapping[str, str],
    directional: bool,
    in_names: set[tuple[str, str]],
) -> list[str]:
    """At most seven plain sentences, largest differences first, from the comparison's tables.

    `types` is :func:`actor_types`, `directional` :func:`directional` and `in_names`
    :func:`terms_only_in_names` of the two analyses.
    """
    first, second = names
    actors = _actor_sentences(names, labels, types)
    out = [s for _, s, _ in actors[:3]]
    named = set().union(*(used for *_, used in actors[:3]))
    for r in records(terms):
        skip = r["marker"] or not r["loaded"] or r["term"] in named or r["a"] == r["b"]
        if skip or (r["lexicon"], r["term"]) in in_names:
            continue
        (more, n_more), (less, n_less) = sorted(
            ((first, r["a"]), (second, r["b"])), key=lambda x: -x[1]
        )
        out.append(
            f"The largest other difference in wording is '{r['term']}': {more} uses it "
            f"{_times(n_more)}, {less} {_times(n_less) if n_less else 'never'}."
        )
        break
    out += _score_sentences(names, scores, directional)
    if not out:
        out.append(
            "The two articles attach the same labels to the same actors, and their scores are "
            "close."
        )
    return out[:7]
