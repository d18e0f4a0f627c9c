"""Which group leads each label family, and by how much: the figures behind the summary sentences.

Computed when the report is built, from its ``families_by_group`` table, so that the renderers
only put the figures into words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

import pandas as pd

from framing.scores import rate_per_1k

__all__ = ["FamilyLead", "family_leads"]


class FamilyLead(NamedTuple):
    """The group that uses a label family most (all voices), against the others.

    ``runners_up``: the next two groups that use the family, with their rates; ``rest_rate``:
    the rate of all the other groups together (NaN when they have no words); ``own_share``: the
    share of the leading group's uses that are in its own voice.
    """

    family: str
    terms: tuple[str, ...]
    group: str
    rate_per_1k: float
    ci_low: float
    ci_high: float
    runners_up: tuple[tuple[str, float], ...]
    rest_rate: float
    own_share: float


def family_leads(
    families_by_group: pd.DataFrame,
    families: Mapping[str, Sequence[str]],
    *,
    min_count: int = 5,
    limit: int = 6,
) -> list[FamilyLead]:
    """The leading group of each family used at least `min_count` times (the `limit` most used
    families, in the order of `families`)."""
    fam = families_by_group
    if fam.empty:
        return []
    everywhere = fam[fam["voice"] == "all"]
    used = everywhere.groupby("family")["count"].sum()
    chosen = sorted((f for f in families if used.get(f, 0) >= min_count), key=lambda f: -used[f])
    out = []
    for family in [f for f in families if f in chosen[:limit]]:
        sub = everywhere[everywhere["family"] == family]
        ranked = sub.sort_values("rate_per_1k", ascending=False, kind="stable")
        top = ranked.iloc[0]
        rest = ranked.iloc[1:]
        author = fam[
            (fam["family"] == family) & (fam["voice"] == "author") & (fam["group"] == top["group"])
        ]
        out.append(
            FamilyLead(
                family=family,
                terms=tuple(families[family]),
                group=str(top["group"]),
                rate_per_1k=float(top["rate_per_1k"]),
                ci_low=float(top["ci_low"]),
                ci_high=float(top["ci_high"]),
                runners_up=tuple(
                    (str(r["group"]), float(r["rate_per_1k"]))
                    for r in ranked.iloc[1:3].to_dict(orient="records")
                    if r["count"] > 0
                ),
                rest_rate=rate_per_1k(rest["count"].sum(), rest["words"].sum()),
                own_share=int(author["count"].sum()) / top["count"] if top["count"] else 0.0,
            )
        )
    return out
