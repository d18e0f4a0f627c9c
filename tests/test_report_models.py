"""The classifiers in `framing report`: records, cache keys, statistics, displays, --no-models."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from framing.analysis import AnalysisOptions
from framing.cli import cli
from framing.corpus.cache import CountCache, config_key
from framing.corpus.counts import SCHEMA_VERSION, CorpusCounts, DocCounts, DocMeta, count_text
from framing.corpus.model_counts import ModelRecord
from framing.corpus.reader import iter_corpus
from framing.corpus.run import RunOptions, analysis_config, count_corpus
from framing.lexicon.registry import load_lexicons
from framing.models.registry import load_shipped, shipped_available
from framing.stats import StatsOptions, bias_by_group, frame_distributions

from .test_report import ARTICLES, write_corpus

MODELS = AnalysisOptions(models=True)
needs_models = pytest.mark.skipif(
    not (shipped_available("bias") and shipped_available("frames")),
    reason="the shipped models are not installed",
)
TEXT = '"These terrorists must go," the governor said. Rebels seized the town.'


def _doc(
    frames: tuple[bool, ...] | None, bias: tuple[tuple[int, int, float], ...] = ()
) -> DocCounts:
    models = None
    if frames is not None:
        record = tuple(
            (name, 0.9 if chosen else 0.1, chosen)
            for name, chosen in zip(("Political", "Economic"), frames, strict=True)
        )
        models = ModelRecord(record, bias)
    return DocCounts((80, 10, 10, 100), {}, {}, 0.0, 0.0, models=models)


#: group a: Political predicted in 2 of 3 documents; group b: never; one document without models
DOCS = [
    ("a", _doc((True, False), ((4, 2, 2.5), (1, 1, 0.9), (0, 0, 0.0)))),
    ("a", _doc((True, True), ((2, 0, 0.4), (0, 0, 0.0), (2, 1, 1.0)))),
    ("a", _doc((False, False), ((4, 0, 0.8), (0, 0, 0.0), (0, 0, 0.0)))),
    ("b", _doc((False, False), ((5, 1, 1.5), (0, 0, 0.0), (0, 0, 0.0)))),
    ("b", _doc((False, True), ((5, 1, 1.5), (0, 0, 0.0), (0, 0, 0.0)))),
    ("b", _doc(None)),
]


def _counts(items: list[tuple[int, tuple[str, DocCounts]]]) -> CorpusCounts:
    counts = CorpusCounts({})
    for position, (group, rec) in items:
        counts.add(DocMeta(position, group), rec)
    return counts


def test_frame_shares_and_bias_from_records() -> None:
    tables = _counts(list(enumerate(DOCS))).tables()
    options = StatsOptions(bootstrap=200)
    frames = frame_distributions(tables, options).set_index(["group", "frame"])
    assert frames.loc[("a", "Political"), "documents"] == 3
    assert frames.loc[("b", "Political"), "documents"] == 2  # the document without outputs is out
    assert frames.loc[("a", "Political"), "predicted"] == 2
    assert frames.loc[("a", "Political"), "predicted_share"] == pytest.approx(2 / 3)
    assert frames.loc[("a", "Political"), "mean_probability"] == pytest.approx(1.9 / 3)
    assert frames.loc[("b", "Economic"), "predicted_share"] == pytest.approx(0.5)
    b = frames.loc[("b", "Political")]
    assert (b["predicted_share"], b["ci_low"], b["ci_high"]) == (0.0, 0.0, 0.0)
    a = frames.loc[("a", "Political")]
    assert 0.0 <= a["ci_low"] < a["predicted_share"] < a["ci_high"] <= 1.0
    assert frames["small_sample"].all()

    bias = bias_by_group(tables, options).set_index(["group", "voice"])
    assert bias.loc[("a", "author"), "sentences"] == 10
    assert bias.loc[("a", "author"), "biased_share"] == pytest.approx(2 / 10)
    assert bias.loc[("a", "all"), "biased"] == 4 and bias.loc[("a", "all"), "sentences"] == 13
    assert bias.loc[("a", "all"), "mean_probability"] == pytest.approx(5.6 / 13)
    assert np.isnan(bias.loc[("b", "quote"), "biased_share"])  # no quoted sentence in b
    assert bias.loc[("b", "author"), "ci_low"] == pytest.approx(0.2)  # every document at 20%
    assert (bias.loc[("b", "author"), "documents"], bias.loc[("b", "all"), "sentences"]) == (2, 10)

    again = frame_distributions(tables, options)
    pd.testing.assert_frame_equal(again, frame_distributions(tables, options))


def test_merged_accumulators_give_the_same_tables() -> None:
    items = list(enumerate(DOCS))
    whole = _counts(items).tables()
    merged = _counts(items[3:]).merge(_counts(items[:3])).tables()
    options = StatsOptions(bootstrap=100)
    for statistic in (frame_distributions, bias_by_group):
        pd.testing.assert_frame_equal(statistic(whole, options), statistic(merged, options))


def test_without_model_outputs_the_tables_are_empty() -> None:
    tables = _counts([(0, ("a", _doc(None)))]).tables()
    assert tables.models is None
    assert frame_distributions(tables).empty and bias_by_group(tables).empty
    assert "predicted_share" in frame_distributions(tables).columns


def test_record_round_trip_keeps_models_and_actor_aliases() -> None:
    rec = DOCS[0][1]
    assert DocCounts.from_json(json.loads(json.dumps(rec.to_json()))) == rec
    linked = DocCounts(
        (1, 0, 0, 1), {}, {}, 0.0, 0.0, actor_aliases={"nvf": ["NVF"]}, actor_types={"nvf": "group"}
    )
    assert DocCounts.from_json(linked.to_json()) == linked
    assert SCHEMA_VERSION >= 2


@needs_models
def test_counted_text_carries_model_outputs() -> None:
    rec = count_text(TEXT, load_lexicons(), MODELS, actors=False)
    assert rec.models is not None
    assert len(rec.models.frames) == 14
    assert all(0.0 <= p <= 1.0 for _, p, _ in rec.models.frames)
    assert any(chosen for _, _, chosen in rec.models.frames)
    sentences = sum(n for n, _, _ in rec.models.bias)
    assert sentences == 2 and rec.models.bias[1][0] == 1  # the governor's quote
    assert count_text(TEXT, load_lexicons(), actors=False).models is None


def test_cache_key_names_the_model_files() -> None:
    lexicons = load_lexicons()
    plain = analysis_config(lexicons, AnalysisOptions(), actors=False)
    with_models = analysis_config(lexicons, MODELS, actors=False)
    assert "model_files" not in plain
    assert config_key(plain) != config_key(with_models)
    if shipped_available("frames"):
        assert len(with_models["model_files"]["frames"]) == 64
        assert with_models["models"]["frames"].startswith("frames-semeval")
    assert set(with_models["model_files"]) == {"frames", "bias"}
    assert with_models["code"] == plain["code"]  # every module, models or not


@needs_models
def test_cached_records_give_the_same_model_tables(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    lexicons = load_lexicons()
    key = config_key(analysis_config(lexicons, MODELS, actors=False))
    run = RunOptions(jobs=1, actors=False)
    tables = []
    for _ in range(2):
        with CountCache(tmp_path / "c.sqlite", key) as cache:
            counts = count_corpus(iter_corpus([corpus]), lexicons, MODELS, run=run, cache=cache)
        tables.append(counts.tables())
    assert counts.cache_hits == 6 and counts.analysed == 0
    options = StatsOptions(bootstrap=50)
    first, second = (frame_distributions(t, options) for t in tables)
    assert len(first) == 2 * 14
    pd.testing.assert_frame_equal(first, second)


@needs_models
def test_workers_load_the_models_once() -> None:
    from framing.corpus import run

    snapshots = [run._snapshot(lex) for lex in load_lexicons()]
    run._init_worker(snapshots, MODELS, False)  # what each worker process runs first
    before = load_shipped.cache_info()
    assert before.currsize == 2
    results = run._count_batch(["Rebels took the town.", "Militants fled.", "Calm returned."])
    assert all(isinstance(r, DocCounts) and r.models is not None for r in results)
    assert load_shipped.cache_info().misses == before.misses  # no model was loaded again


def test_shares_display_plots_the_shares() -> None:
    from framing.render.charts.models import SharesDisplay

    frames = frame_distributions(_counts(list(enumerate(DOCS))).tables(), StatsOptions(bootstrap=0))
    d = SharesDisplay.from_frames(frames).plot()
    assert list(d.frame["item"].cat.categories) == ["Political", "Economic"]
    ax = d.axes_[0, 0]
    assert ax.get_title(loc="left") == "Political"
    assert ax.get_xlim() == (0.0, 1.02) and ax.get_xlabel() == "share of documents"
    hollow = ax.collections[-1]  # every group is a small sample here
    assert hollow.get_offsets()[:, 0].tolist() == pytest.approx([2 / 3, 0.0])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a ⚠", "b ⚠"]
    bias = bias_by_group(_counts(list(enumerate(DOCS))).tables(), StatsOptions(bootstrap=0))
    v = SharesDisplay.from_bias(bias, voices=("author", "all")).plot()
    assert [ax.get_title(loc="left") for ax in v.axes_.ravel()[:2]] == [
        "outlet's own words",
        "all voices",
    ]
    assert v.xlabel == "share of sentences"


def test_cli_no_models_has_no_model_sections(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "c")
    out = tmp_path / "r"
    args = ["report", str(folder), "-o", str(out), "-q", "--no-cache", "-j", "1"]
    result = CliRunner().invoke(cli, [*args, "--no-models", "--bootstrap", "50"])
    assert result.exit_code == 0, result.output
    assert not (out / "frames_by_group.csv").exists() and not (out / "bias_by_group.csv").exists()
    assert not {"frame_shares.png", "sentence_bias.png"} & {
        p.name for p in (out / "charts").iterdir()
    }
    html = (out / "index.html").read_text(encoding="utf-8")
    assert 'id="models"' not in html and "frames_by_group.csv" not in html
    assert "Classifier" not in html and "Model estimate" not in html
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "Model estimates" not in md and "frames_by_group" not in md
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert not {"frames_by_group", "bias_by_group"} & set(data["tables"])
    assert data["methods"]["classifiers"] == []
    assert data["methods"]["analysis_options"]["models"] is False
    assert set(data["methods"]["models"]) == {"sentiment"}


def test_a_modified_model_file_stops_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from types import MappingProxyType

    from framing.models import registry

    real = registry.manifest()
    if "frames" not in real:
        pytest.skip("the shipped models are not installed")
    forged = {k: dict(v) for k, v in real.items()}
    forged["frames"]["sha256"] = "0" * 64
    monkeypatch.setattr(registry, "manifest", lambda: MappingProxyType(forged))
    folder = tmp_path / "c" / "herald"
    folder.mkdir(parents=True)
    (folder / "1.txt").write_text(ARTICLES["herald"][0], encoding="utf-8")
    args = ["report", str(tmp_path / "c"), "-o", str(tmp_path / "r"), "-q", "--no-cache"]
    result = CliRunner().invoke(cli, [*args, "-j", "2"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: framing/models/data/frames-semeval.skops has been modified (its SHA-256 does not "
        "match the one shipped with framing); reinstall framing\n"
    )
