"""Analysis of one article: match fields, context flags and document scores."""

from __future__ import annotations

import ast
import json
import math
from pathlib import Path

import pytest

from framing import Analysis, AnalysisOptions, Document, FramingError, Match, analyze, repr_html
from framing import analysis as analysis_module
from framing.annotate.sentiment import pattern_sentiment

from .conftest import DATA

MINI = DATA / "lexicons" / "mini.tsv"
TEXT = (
    "Militants seized the town. They are not terrorists, the mayor said.\n\n"
    "“These terrorists must go,” the governor said. Reportedly, militias fled.\n\n"
    "The army said the resistance had collapsed."
)


@pytest.fixture(scope="module")
def result():  # type: ignore[no-untyped-def]
    return analyze(TEXT, lexicons=[MINI])


def test_match_fields(result) -> None:  # type: ignore[no-untyped-def]
    first = result.matches[0]
    assert (first.text, first.term, first.lexicon, first.category) == (
        "Militants",
        "militant",
        "mini",
        "actor",
    )
    assert (first.direction, first.weight, first.loaded) == ("delegitimizing", 0.5, True)
    assert (first.voice, first.speaker, first.sentence) == ("author", None, 0)
    assert first.alternatives == ("fighters",)
    assert TEXT[first.start : first.end] == first.text


def test_negated_hedged_and_voices(result) -> None:  # type: ignore[no-untyped-def]
    by = {(m.text, m.sentence): m for m in result.matches}
    negated = by[("terrorists", 1)]
    assert negated.negated and negated.voice == "attributed" and negated.speaker == "the mayor"
    quoted = by[("terrorists", 2)]
    assert not quoted.negated and quoted.voice == "quote" and quoted.speaker == "the governor"
    fled = by[("militias", 3)]
    assert fled.hedged and not by[("Militants", 0)].hedged
    assert by[("resistance", 4)].voice == "attributed"


def test_scores(result) -> None:  # type: ignore[no-untyped-def]
    s = result.scores
    words = s["words"]
    assert words["author"] + words["quote"] + words["attributed"] == words["all"]
    assert s["loaded_count"] == {"author": 2, "quote": 1, "attributed": 2, "all": 5}
    assert s["loaded_rate_per_1k"]["quote"] == pytest.approx(1000 * 1 / words["quote"])
    assert s["hedges"] == 1
    assert s["categories"]["mini:actor"]["author"] == 2
    # weighted: militant 0.5 + militia 0.3 are in the outlet's words; militia is neutral
    assert s["direction"]["author"]["delegitimizing"] == 1
    assert s["direction"]["author"]["balance"] == -1.0
    assert s["speakers"] == ["the mayor", "the governor", "The army"]


def test_sentiment_is_patterns_on_the_text(result) -> None:  # type: ignore[no-untyped-def]
    expected = pattern_sentiment(TEXT)
    assert result.scores["sentiment"]["polarity"] == pytest.approx(expected.polarity)
    assert len(result.sentence_sentiment) == len(result.document.sentences)


def test_vader_option() -> None:
    a = analyze(
        "The attack was horrible and tragic.",
        lexicons=[MINI],
        options=AnalysisOptions(sentiment="vader"),
    )
    assert a.scores["sentiment"]["vader_compound_mean"] < -0.5
    assert "vader" in a.to_dict()["models"]


def test_to_dict_is_json_and_to_frame_has_a_row_per_match(result) -> None:  # type: ignore[no-untyped-def]
    data = result.to_dict()
    assert json.loads(json.dumps(data)) == data
    frame = result.to_frame()
    assert len(frame) == len(result.matches)
    assert {"start", "end", "voice", "speaker", "negated", "hedged", "scare_quoted"} <= set(frame)


def test_rates_over_no_words_are_nan_and_written_as_null() -> None:
    a = analyze("Militants seized the town. Militias fled.", lexicons=[MINI])
    s = a.scores
    assert s["words"]["quote"] == 0 and s["words"]["attributed"] == 0
    assert math.isnan(s["loaded_rate_per_1k"]["quote"])
    assert math.isnan(s["loaded_rate_per_1k"]["attributed"])
    assert s["loaded_rate_per_1k"]["author"] == pytest.approx(1000 * 2 / s["words"]["author"])
    data = a.to_dict()
    json.dumps(data, allow_nan=False)  # raises on NaN
    assert data["scores"]["loaded_rate_per_1k"]["quote"] is None
    assert data["scores"]["loaded_rate_per_1k"]["author"] == s["loaded_rate_per_1k"]["author"]


def test_to_dict_of_a_match_and_the_options(result) -> None:  # type: ignore[no-untyped-def]
    first = result.matches[0].to_dict()
    assert list(first) == list(Match._fields)
    assert first["alternatives"] == ["fighters"] and first["text"] == "Militants"
    assert AnalysisOptions().to_dict() == {"sentiment": "pattern", "models": False}
    assert AnalysisOptions("vader", True).to_dict() == {"sentiment": "vader", "models": True}


def test_rich_display_goes_through_the_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Analysis draws itself in Jupyter through the registry the HTML renderer fills when
    imported (``import framing`` imports it); analysis.py imports no renderer."""
    a = analyze("Militants seized the town.", lexicons=[MINI])
    assert (a._repr_html_() or "").startswith('<div class="framing-fragment">')
    monkeypatch.setattr(repr_html, "_RENDERERS", {})
    assert a._repr_html_() is None  # Jupyter then shows the plain repr
    repr_html.register_html(Analysis, lambda x: f"<p>{len(x.matches)} matches</p>")
    assert a._repr_html_() == "<p>1 matches</p>"
    tree = ast.parse(Path(analysis_module.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not {m for m in imported if m and m.startswith("framing.render")}


def test_repr_html_escapes(tmp_path: Path) -> None:
    a = analyze("Militants <b>seized</b> the town.", lexicons=[MINI])
    html = a._repr_html_()
    assert html is not None
    assert "&lt;b&gt;seized&lt;/b&gt;" in html and "<b>" not in html


def test_input_kinds(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Militants seized the town.", encoding="utf-8")
    assert analyze(p, lexicons=[MINI]).document.source.path == str(p)
    assert analyze(str(p), lexicons=[MINI]).document.source.kind == "text"
    assert (
        analyze(Document.from_text("Militants left."), lexicons=[MINI]).matches[0].text
        == "Militants"
    )
    with pytest.raises(FramingError, match="the text is empty"):
        analyze("   ", lexicons=[MINI])


def test_same_input_same_output() -> None:
    assert analyze(TEXT, lexicons=[MINI]).to_dict() == analyze(TEXT, lexicons=[MINI]).to_dict()


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("They aren't militants.", True),
        ("They are never militants.", True),
        ("There is no militant here.", True),
        ("Not only militants came.", True),
        ("The piano militants played.", False),
        ("No. Militants came anyway.", False),
        ("Nobody in the old town said anything about the militants.", False),
    ],
)
def test_negation_window(text: str, negated: bool) -> None:
    m = next(m for m in analyze(text, lexicons=[MINI]).matches if m.term == "militant")
    assert m.negated is negated


def test_analyze_many_equals_analyze_one_by_one() -> None:
    from framing.analysis import analyze_many

    texts = [TEXT, "Militants left. “They are terrorists,” he said.", "Reportedly, it fell."]
    many = list(analyze_many(texts * 3, lexicons=[MINI], batch_size=2))
    single = [analyze(t, lexicons=[MINI]) for t in texts * 3]
    assert [a.to_dict() for a in many] == [a.to_dict() for a in single]
