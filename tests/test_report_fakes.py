"""The must-show run on FA-KES (804 articles, 15 outlets): label families and small samples.

One module-scoped run of the whole corpus (2 worker processes, its own cache, no charts).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from framing.corpus.reader import CorpusOptions
from framing.corpus.run import RunOptions
from framing.render.report.files import write_report
from framing.report.build import Report, ReportOptions, build_report

from .conftest import shared_path

pytestmark = [pytest.mark.shared, pytest.mark.slow]


@pytest.fixture(scope="module")
def fakes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Path]:
    csv = shared_path("datasets", "fakes_syria", "FA-KES-Dataset.csv")
    tmp = tmp_path_factory.mktemp("fakes")
    options = ReportOptions(cache=str(tmp / "counts.sqlite"), charts=False, run=RunOptions(jobs=2))
    corpus = CorpusOptions(text_column="article_content", group_column="source")
    report = build_report([csv], corpus, options)
    return report, write_report(report, tmp / "report")


def _family_ranking(terms: pd.DataFrame, family: str) -> list[str]:
    """Groups by the family's rate, from terms_by_group.csv alone (voice all)."""
    sub = terms[
        (terms["voice"] == "all")
        & terms["families"].fillna("").str.split(";").apply(lambda fams: family in fams)
    ]
    per = sub.groupby("group").agg(count=("count", "sum"), words=("words", "first"))
    return list((1000 * per["count"] / per["words"]).sort_values(ascending=False).index)


def test_terrorist_family_top_three(fakes: tuple[Report, Path]) -> None:
    report, folder = fakes
    terms = pd.read_csv(folder / "terms_by_group.csv")
    assert report.corpus["documents"] == 804 and report.corpus["groups"] == 15
    assert _family_ranking(terms, "terrorist")[:3] == ["sana", "manar", "alalam"]
    fam = report.tables["families_by_group"]
    top = fam[(fam["family"] == "terrorist") & (fam["voice"] == "all")].nlargest(3, "rate_per_1k")
    assert list(top["group"]) == ["sana", "manar", "alalam"]


def test_regime_top_three_includes_etilaf(fakes: tuple[Report, Path]) -> None:
    _, folder = fakes
    terms = pd.read_csv(folder / "terms_by_group.csv")
    assert "etilaf" in _family_ranking(terms, "regime")[:3]
    regime = terms[(terms["term"] == "regime") & (terms["voice"] == "all")]
    assert "etilaf" in list(regime.nlargest(3, "rate_per_1k")["group"])


def test_tass_carries_a_small_sample_warning(fakes: tuple[Report, Path]) -> None:
    report, folder = fakes
    terms = pd.read_csv(folder / "terms_by_group.csv")
    flags = terms.groupby("group")["small_sample"].all()
    assert flags["tass"] and not flags["sana"]
    groups = report.tables["groups"].set_index("group")
    assert groups.loc["tass", "documents"] == 5
    assert groups.loc["tass", "warning"].startswith("small sample: 5 documents")
    assert "tass (small sample)" in (folder / "index.html").read_text(encoding="utf-8")
