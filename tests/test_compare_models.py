"""Comparing two articles with the classifiers: frames and sentence bias side by side."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing import analyze, compare
from framing.analysis import VOICES, AnalysisOptions
from framing.cli import cli
from framing.compare.comparison import Comparison
from framing.compare.model_tables import BIAS_MEASURES, FRAME_COLUMNS
from framing.models import FRAMES
from framing.models.outputs import BIAS_VOICES
from framing.models.registry import shipped_available

from .conftest import DATA

A, B = DATA / "compare" / "outlet_a.txt", DATA / "compare" / "outlet_b.txt"
NAMES = ("Outlet A", "Outlet B")
MODELS = AnalysisOptions(models=True)

pytestmark = pytest.mark.skipif(
    not (shipped_available("bias") and shipped_available("frames")),
    reason="the shipped models are not installed",
)


@pytest.fixture(scope="module")
def pair() -> Comparison:
    return compare(A, B, names=NAMES, options=MODELS)


def test_frames_side_by_side(pair: Comparison) -> None:
    frames = pair.frames
    assert list(frames.columns) == FRAME_COLUMNS
    assert sorted(frames["frame"]) == sorted(FRAMES)
    for side in "ab":
        assert frames[side].between(0.0, 1.0).all()
        predicted = set(frames.loc[frames[f"{side}_predicted"], "frame"])
        outputs = pair.analyses["ab".index(side)].classifiers
        assert outputs is not None and predicted == set(outputs.predicted)
        assert dict(zip(frames["frame"], frames[side], strict=True)) == dict(outputs.frames)
    assert (frames["difference"] == frames["a"] - frames["b"]).all()
    gaps = frames["difference"].abs().round(2).tolist()
    assert gaps == sorted(gaps, reverse=True)
    assert frames.loc[0, "label"] == frames.loc[0, "frame"].replace("_", " ")
    # the two articles report the same event: the same frames are predicted in both
    assert (frames["a_predicted"] == frames["b_predicted"]).all()
    assert "Security_and_defense" in set(frames.loc[frames["a_predicted"], "frame"])


def test_sentence_bias_side_by_side(pair: Comparison) -> None:
    bias = pair.sentence_bias.set_index("measure")
    assert list(bias.index) == [key for key, _, _ in BIAS_MEASURES]
    assert list(bias.columns) == ["label", "meaning", "a", "b", "difference"]
    words = [len(a.document.sentences) for a in pair.analyses]
    assert [bias.loc["sentences", side] for side in "ab"] == words == [8, 9]
    # B's own voice calls the NVF "terrorists"; A's says "rebels": the model marks B's sentences
    assert (bias.loc["biased", "a"], bias.loc["biased", "b"]) == (0, 3)
    assert (bias.loc["biased_author", "b"], bias.loc["biased_quote", "b"]) == (2, 1)
    for side in "ab":
        by_voice = sum(bias.loc[f"biased_{v}", side] for v in VOICES)
        assert by_voice == bias.loc["biased", side]
        for share in ("biased_share", "author_biased_share", "mean_probability"):
            assert 0.0 <= bias.loc[share, side] <= 1.0
    assert bias.loc["biased_share", "b"] == pytest.approx(3 / 9)
    assert (bias["difference"] == bias["a"] - bias["b"]).all()


def test_summary_adds_a_model_line_only_for_large_differences(pair: Comparison) -> None:
    assert pair.summary[-1] == (
        "Model estimate: the sentence-bias classifier marks none of the 8 sentences of Outlet A "
        "and 3 of 9 sentences of Outlet B (2 mostly in its own voice) as biased."
    )
    assert sum(s.startswith("Model estimate:") for s in pair.summary) == 1
    same = compare(A, A, names=NAMES, options=MODELS)
    assert not any(s.startswith("Model estimate") for s in same.summary)
    assert len(same.frames) == len(FRAMES) and (same.frames["difference"] == 0).all()


def test_to_dict_keys(pair: Comparison) -> None:
    data = pair.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert set(data["classifier_versions"]) == {"bias", "frames"}
    assert data["classifier_versions"]["bias"].startswith("bias-babe ")
    assert [r["frame"] for r in data["frames"]] == list(pair.frames["frame"])
    assert [r["measure"] for r in data["sentence_bias"]] == [k for k, _, _ in BIAS_MEASURES]
    assert data["models"]["frames"].startswith("frames-semeval")
    assert all("classifiers" in d for d in data["documents"])
    assert data["options"]["models"] is True


def test_library_default_has_no_model_section() -> None:
    plain = compare(A, B, names=NAMES)
    assert plain.frames.empty and list(plain.frames.columns) == FRAME_COLUMNS
    assert plain.sentence_bias.empty
    data = plain.to_dict()
    assert not {"frames", "sentence_bias", "classifier_versions"} & set(data)
    assert not any(s.startswith("Model estimate") for s in plain.summary)


def test_analyses_asked_for_models_get_them() -> None:
    first = analyze(A, options=MODELS)
    bare = dataclasses.replace(analyze(B, options=MODELS), classifiers=None)
    c = compare(first, bare, names=NAMES)
    assert all(a.classifiers is not None for a in c.analyses)
    assert len(c.frames) == len(FRAMES)


def test_sentences_mostly_in_a_quote() -> None:
    a = analyze(B)
    spans = [tuple(s) for s in a.document.sentences]
    texts = [a.text[s:e] for s, e in spans]
    voices = dict(zip(texts, a.voices.dominant_voices(spans), strict=True))
    quoted = next(t for t in voices if t.startswith('"The NVF are freedom fighters'))
    assert voices[quoted] == "quote"  # the quote is about half; the rest is its attribution tag
    assert voices["NVF terrorists entered the town from the north at dawn."] == "author"
    reported = next(t for t in voices if t.startswith("At least 14 people"))
    assert voices[reported] == "attributed"
    assert BIAS_VOICES == VOICES


# --- the command --------------------------------------------------------------------------


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, ["compare", str(A), str(B), "-n", ",".join(NAMES), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_text_json_md_html_with_models(tmp_path: Path) -> None:
    text = run()
    assert "Frames (model estimates)" in text and "Sentence bias (model estimates)" in text
    assert "Models: bias: bias-babe 1.0 (" in text.replace("\n", " ")
    assert max(len(line) for line in text.splitlines()) <= 100
    data = json.loads(run("-f", "json"))
    assert {"frames", "sentence_bias", "classifier_versions"} <= set(data)
    md = run("-f", "md")
    assert "## Frames (model estimates)" in md and "## Sentence bias (model estimates)" in md
    assert "| Share of sentences predicted biased | 0% | 33% | -33% |" in md
    out = tmp_path / "c.html"
    run("-f", "html", "-o", str(out))
    page = out.read_text(encoding="utf-8")
    assert "<h2>Model estimates: frames and sentence bias</h2>" in page
    assert re.search(r'<span class="bias bias-\d">NVF terrorists entered the town', page)
    assert "bias-babe 1.0 (" in page and "frames-semeval 1.0 (" in page


def test_cli_no_models_removes_them(tmp_path: Path) -> None:
    text = run("--no-models")
    assert "model estimates" not in text and "Model estimate" not in text
    data = json.loads(run("--no-models", "-f", "json"))
    assert not {"frames", "sentence_bias", "classifier_versions"} & set(data)
    assert data["options"]["models"] is False and "bias" not in data["models"]
    assert all("classifiers" not in d for d in data["documents"])
    assert "model estimates" not in run("--no-models", "-f", "md")
    out = tmp_path / "c.html"
    run("--no-models", "-f", "html", "-o", str(out))
    assert "Model estimates" not in out.read_text(encoding="utf-8")


def test_biased_sentences_are_escaped(tmp_path: Path) -> None:
    evil = tmp_path / "evil.txt"
    evil.write_text(
        "The reckless, corrupt <b>regime</b> butchered innocent civilians in a savage massacre.\n",
        encoding="utf-8",
    )
    out = tmp_path / "evil.html"
    result = CliRunner().invoke(cli, ["compare", str(evil), str(B), "-f", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<b>regime</b>" not in page
    assert re.search(r'<span class="bias bias-4">The reckless, corrupt &lt;b&gt;regime', page)
