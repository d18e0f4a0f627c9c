"""Comparing two articles: the planted differences, the FA-KES pair, charts and errors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import framing
from framing import FramingError, analyze, compare
from framing.compare.comparison import Comparison
from framing.compare.model_tables import bias_table, frame_table, model_summary
from framing.compare.summary import actor_types, directional, summarize, terms_only_in_names
from framing.compare.tables import count_table, records
from framing.render.charts.common import HOUSE_STYLE, CategoryDifferenceDisplay, figure_to_html

from .conftest import DATA, shared_path

PAIR = DATA / "compare"
A, B = PAIR / "outlet_a.txt", PAIR / "outlet_b.txt"
#: FA-KES, Aleppo, 7 October 2016: SANA and Al-Araby report the same shelling.
FAKES_PAIR = {"sana": 1926479017, "alaraby": 1923102906}


@pytest.fixture(scope="module")
def pair() -> Comparison:
    return compare(A, B, names=("Outlet A", "Outlet B"))


def label_totals(c: Comparison) -> dict[tuple[str, str], tuple[int, int]]:
    """(actor key, label) -> (count in A, count in B), summed over voices."""
    out: dict[tuple[str, str], tuple[int, int]] = {}
    for r in c.labels.itertuples():
        a, b = out.get((r.key, r.label), (0, 0))
        out[(r.key, r.label)] = (a + r.a, b + r.b)
    return out


def test_label_table_names_exactly_the_planted_differences(pair: Comparison) -> None:
    differing = {k: v for k, v in label_totals(pair).items() if v[0] != v[1]}
    assert differing == {
        ("nvf", "rebel"): (3, 0),
        ("nvf", "terrorist"): (0, 2),
        ("nvf", "freedom fighter"): (0, 1),
        ("marovia", "government"): (2, 0),
        ("marovia", "regime"): (0, 2),
    }
    rows = pair.labels.set_index(["key", "label"])
    assert rows.loc[("nvf", "rebel"), "voice"] == "author"
    assert rows.loc[("nvf", "terrorist"), "voice"] == "author"
    quoted = rows.loc[("nvf", "freedom fighter")]
    assert (quoted["voice"], quoted["speaker"]) == ("quote", "Dana Ilic")
    assert set(pair.labels["actor"]) >= {"Northern Valley Front (NVF)", "Marovia"}


def test_summary_names_the_planted_differences(pair: Comparison) -> None:
    assert pair.summary[:2] == [
        "Outlet A calls Northern Valley Front (NVF) 'rebels' 3 times in its own voice; "
        "Outlet B calls them 'terrorists' twice in its own voice and quotes Dana Ilic calling "
        "them 'freedom fighters'.",
        "Outlet A calls Marovia 'government' twice in its own voice; Outlet B calls it 'regime' "
        "twice in its own voice.",
    ]
    rest = " ".join(pair.summary[2:])
    for word in ("rebel", "terrorist", "freedom", "regime", "government"):
        assert word not in rest  # no other sentence repeats or adds label differences


def test_term_table_differences(pair: Comparison) -> None:
    terms = pair.terms
    loaded = terms[terms["loaded"] & (terms["a"] != terms["b"])]
    assert list(loaded["term"]) == ["rebel", "terrorist", "regime", "freedom fighter"]
    row = terms.set_index("term").loc["terrorist"]
    assert (row["a"], row["b"], row["a_author"], row["b_author"]) == (0, 3, 0, 2)
    assert row["difference"] == pytest.approx(-1000 * 3 / 146)
    gov = terms.set_index("term").loc["government"]
    assert (gov["a"], gov["b"], bool(gov["loaded"])) == (2, 0, False)
    assert list(terms["difference"].abs()) == sorted(terms["difference"].abs(), reverse=True)
    cats = pair.categories.set_index("category")
    assert cats.loc["legitimacy", "a"] == 2 and cats.loc["legitimacy", "b"] == 2


def test_scores_and_speakers_side_by_side(pair: Comparison) -> None:
    scores = pair.scores.set_index("measure")
    assert list(scores.columns) == ["label", "meaning", "a", "b", "difference"]
    assert scores.loc["words", "a"] == 132 and scores.loc["words", "b"] == 146
    assert scores.loc["balance_author", "b"] == pytest.approx(-1.0)
    assert scores.loc["quoted_share", "difference"] == pytest.approx(
        scores.loc["quoted_share", "a"] - scores.loc["quoted_share", "b"]
    )
    speakers = pair.speakers
    b = speakers[speakers["document"] == "b"].set_index("speaker")
    assert b.loc["Dana Ilic", "side"] == "Northern Valley Front (NVF)"
    assert b.loc["Dana Ilic", "quotes"] == 1
    assert b.loc["Pavel Ostrov", "side_key"] == "marovia"


def test_to_dict_holds_everything_and_is_deterministic(pair: Comparison) -> None:
    data = pair.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data == compare(A, B, names=("Outlet A", "Outlet B")).to_dict()
    assert data["names"] == ["Outlet A", "Outlet B"]
    assert [d["name"] for d in data["documents"]] == ["Outlet A", "Outlet B"]
    assert data["documents"][0]["text"] == A.read_text(encoding="utf-8")
    assert {"labels", "mentions", "aliases"} <= set(data["documents"][1]["actors"])
    assert data["summary"] == pair.summary
    assert len(data["labels"]) == len(pair.labels) and len(data["terms"]) == len(pair.terms)
    assert data["actor_keys"]["nvf"] == "nvf"
    assert len(data["lexicons"]) == 3


def test_summary_is_built_from_tables_alone(pair: Comparison) -> None:
    """summarize and model_summary take tables (and facts of the analyses), not a Comparison."""
    labels = pd.DataFrame(records(pair.labels))  # plain rows, as a JSON reader would have them
    kw = {"labels": labels, "terms": pair.terms, "scores": pair.scores, "in_names": set()}
    typed = summarize(("P", "Q"), types=actor_types(pair.actors, pair.keys), directional=True, **kw)
    assert typed[0].startswith("P calls Northern Valley Front (NVF) 'rebels' 3 times")
    assert typed[1] == (
        "P calls Marovia 'government' twice in its own voice; "
        "Q calls it 'regime' twice in its own voice."
    )
    untyped = summarize(("P", "Q"), types={}, directional=False, **kw)
    assert untyped[1].endswith("Q calls them 'regime' twice in its own voice.")  # no type: "them"
    assert directional(pair.analyses) is False and terms_only_in_names(pair.analyses) == set()
    frames = pd.DataFrame(
        [
            {
                "frame": "Security_and_defense",
                "label": "Security and defense",
                "a": 0.9,
                "b": 0.2,
                "difference": 0.7,
                "a_predicted": True,
                "b_predicted": False,
            }
        ]
    )
    assert model_summary(("P", "Q"), frames, bias_table(pair.analyses)) == [
        "Model estimate: the frame classifier gives the Security and defense frame a probability "
        "of 0.90 in P and 0.20 in Q (predicted for P only)."
    ]
    assert frame_table(pair.analyses).empty  # the library default leaves the models off


def test_a_rate_over_no_words_is_missing() -> None:
    """Rates per 1,000 words are rate_per_1k: NaN (null in JSON, – on screen) over no words."""
    c = compare("Rebels took the town, the army said.", "— … —")
    rebel = c.terms.set_index("term").loc["rebel"]
    assert rebel["a_rate"] == pytest.approx(1000 / 7) and rebel["b"] == 0
    assert np.isnan(rebel["b_rate"]) and np.isnan(rebel["difference"])
    assert records(c.terms)[0]["b_rate"] is None
    assert count_table(c.analyses, ("lexicon", "category"))["b_rate"].isna().all()
    json.dumps(c.to_dict(), allow_nan=False)  # raises on NaN
    assert not any("per 1,000 words" in s for s in c.summary)


def test_jupyter_display(pair: Comparison) -> None:
    fragment = pair._repr_html_()
    assert fragment.startswith('<div class="framing-fragment">')
    assert "<td>regime ×2 (own)</td>" in fragment and "<li>Outlet A calls Marovia" in fragment


def test_inputs_texts_documents_and_analyses() -> None:
    text_a, text_b = A.read_text(encoding="utf-8"), B.read_text(encoding="utf-8")
    by_text = compare(text_a, text_b)
    by_analysis = compare(analyze(text_a), framing.Document.from_text(text_b))
    assert by_text.names == ("A", "B")
    assert by_text.labels.equals(by_analysis.labels)
    assert compare(text_a, text_b, names="X, Y").names == ("X", "Y")


def test_errors_say_what_to_do(tmp_path: Path) -> None:
    mini = DATA / "lexicons" / "mini.tsv"
    with pytest.raises(FramingError, match="different lexicons; analyse both with the same"):
        compare(analyze("Rebels took the town."), analyze("Rebels left.", lexicons=[mini]))
    with pytest.raises(FramingError, match="names must be two different, non-empty names"):
        compare("Rebels took the town.", "Rebels left.", names=("Same", "Same"))
    with pytest.raises(FramingError, match="the text is empty"):
        compare("Rebels took the town.", "  ")


def test_category_difference_display_plots_the_data(pair: Comparison) -> None:
    disp = CategoryDifferenceDisplay.from_comparison(pair)
    frame = pair.categories[~pair.categories["marker"] & (pair.categories["difference"] != 0)]
    assert disp.categories == list(frame["category"])
    assert [p.get_width() for p in disp.bars_] == pytest.approx(list(frame["difference"]))
    assert [t.get_text() for t in disp.ax_.get_yticklabels()] == disp.categories
    assert disp.ax_.get_xlabel() == "Outlet A minus Outlet B: terms per 1,000 words"
    legend = [t.get_text() for t in disp.ax_.get_legend().get_texts()]
    assert legend == ["more in Outlet A", "more in Outlet B"]
    assert disp.figure_ is disp.ax_.get_figure()

    small = CategoryDifferenceDisplay(["x", "y"], [3.0, 1.0], [1.0, 4.0], ("P", "Q")).plot()
    assert [p.get_width() for p in small.bars_] == [2.0, -3.0]
    assert small.bars_[0].get_facecolor() != small.bars_[1].get_facecolor()
    with pytest.raises(FramingError, match="same length"):
        CategoryDifferenceDisplay(["x"], [1.0, 2.0], [1.0])


def test_figure_to_html_is_self_contained_and_escaped() -> None:
    disp = CategoryDifferenceDisplay(["a"], [2.0], [1.0], ("<script>x</script>", "B")).plot()
    svg = figure_to_html(disp.figure_, alt='say "hi" <b>')
    assert svg.startswith("<svg ") and "<script" not in svg
    assert 'aria-label="say &#34;hi&#34; &lt;b&gt;"' in svg or "say &quot;hi&quot;" in svg
    assert svg == figure_to_html(disp.figure_, alt='say "hi" <b>')  # reproducible
    png = figure_to_html(disp.figure_, fmt="png")
    assert png.startswith('<img src="data:image/png;base64,')
    assert HOUSE_STYLE["svg.fonttype"] == "path"
    with pytest.raises(TypeError):
        HOUSE_STYLE["font.size"] = 12  # type: ignore[index]


def _fakes_rows() -> dict[int, dict[str, str]]:
    path = shared_path("datasets", "fakes_syria", "FA-KES-Dataset.csv")
    wanted = set(FAKES_PAIR.values())
    with path.open(encoding="utf-8", newline="") as fh:
        return {int(r["unit_id"]): r for r in csv.DictReader(fh) if int(r["unit_id"]) in wanted}


@pytest.mark.shared
def test_fakes_pair_shows_the_terrorist_regime_contrast() -> None:
    rows = _fakes_rows()
    sana, araby = rows[FAKES_PAIR["sana"]], rows[FAKES_PAIR["alaraby"]]
    assert (sana["source"], araby["source"]) == ("sana", "alaraby")
    assert (sana["date"], sana["location"]) == (araby["date"], araby["location"])
    c = compare(sana["article_content"], araby["article_content"], names=("SANA", "Al-Araby"))
    totals = label_totals(c)
    unnamed = "unnamed armed groups"
    assert totals[(unnamed, "terrorist")] == (7, 0)
    assert totals[(unnamed, "rebel")] == (0, 3)
    assert totals[("syria", "regime")] == (0, 1)
    assert totals[("syria", "regime forces")] == (0, 2)
    own = c.labels[(c.labels["voice"] == "author")].set_index(["key", "label"])
    assert own.loc[(unnamed, "terrorist"), "a"] == 3
    assert c.summary[0].startswith("SANA calls unnamed armed groups 'terrorists' 3 times in its")
    assert "Al-Araby calls them 'rebels' 3 times in its own voice" in c.summary[0]
    assert any("'regime" in s and "Syria" in s for s in c.summary)
