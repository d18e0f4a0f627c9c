"""`framing report` on small corpora: CLI behaviour, errors, escaping, determinism, displays."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from framing.analysis import Analysis, AnalysisOptions
from framing.annotate.actors import ActorLayer
from framing.cli import cli
from framing.corpus import counts
from framing.corpus.reader import CorpusOptions, iter_corpus
from framing.corpus.run import RunOptions, count_corpus
from framing.errors import FramingError
from framing.lexicon.registry import load_lexicons
from framing.render.report import html
from framing.render.report.base import table_specs
from framing.render.report.files import report_json
from framing.report.build import ReportOptions, build_report
from framing.report.leads import family_leads
from framing.stats import StatsOptions

ARTICLES = {
    "herald": [
        "Terrorists attacked the bus station in Dunmere on Monday, killing four people.",
        "The army began a counter-terrorism operation against the terrorists in the hills.",
        "Police said the terrorist cell had been dismantled after the attack.",
    ],
    "wire": [
        "Rebels attacked a bus station in Dunmere on Monday, killing four people, police said.",
        '"These terrorists will be punished," the minister said. Rebels denied involvement.',
        "Government forces fought rebels near the river, residents said.",
    ],
}


def write_corpus(folder: Path, copies: int = 1) -> Path:
    """ARTICLES as a folder of .txt files, one subfolder per outlet (each text `copies` times,
    numbered so the copies differ)."""
    for outlet, texts in ARTICLES.items():
        (folder / outlet).mkdir(parents=True)
        for i, text in enumerate(texts * copies):
            body = text if copies == 1 else f"{text} Item {i}."
            (folder / outlet / f"{i}.txt").write_text(body, encoding="utf-8")
    return folder


@pytest.fixture
def corpus_csv(tmp_path: Path) -> Path:
    path = tmp_path / "news.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["body", "source", "day", "headline"])
        for outlet, texts in ARTICLES.items():
            for i, text in enumerate(texts):
                w.writerow([text, outlet, f"2024-03-0{i + 1}", f"{outlet} story {i}"])
        w.writerow(["", "wire", "2024-03-09", "empty"])
    return path


def run(*args: str) -> object:
    return CliRunner().invoke(cli, ["report", *args], catch_exceptions=False)


def test_cli_writes_the_folder(corpus_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "r"
    result = run(
        str(corpus_csv), "--text-column", "body", "--group-column", "source",
        "--date-column", "day", "--title-column", "headline", "-o", str(out),
        "--no-charts", "-j", "1", "--no-cache", "--bootstrap", "200", "-q",
    )  # fmt: skip
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert "Warning: skipped 1 record: empty text" in result.output  # type: ignore[attr-defined]
    assert "herald: small sample: 3 documents (< 10)" in result.output  # type: ignore[attr-defined]
    assert "Wrote" in result.output  # type: ignore[attr-defined]
    terms = pd.read_csv(out / "terms_by_group.csv")
    r = terms[(terms["group"] == "wire") & (terms["term"] == "terrorist")].set_index("voice")
    assert r.loc["author", "count"] == 0 and r.loc["quote", "count"] == 1
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert data["methods"]["corpus"]["skipped"] == {"empty text": 1}
    assert data["methods"]["statistics"]["bootstrap"] == 200


def test_cli_with_progress_bar_on_a_folder(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "corpus")
    out = tmp_path / "r"
    result = run(str(folder), "-o", str(out), "--no-charts", "-j", "1", "--no-cache")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert "Wrote" in result.output and (out / "index.html").exists()  # type: ignore[attr-defined]
    groups = pd.read_csv(out / "groups.csv")
    assert list(groups["group"]) == ["herald", "wire"]


def test_cli_refuses_existing_folder_and_bad_options(corpus_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "r"
    out.mkdir()
    (out / "keep.txt").write_text("x", encoding="utf-8")
    result = run(str(corpus_csv), "-o", str(out))
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert result.output == (  # type: ignore[attr-defined]
        f"Error: {out} already exists and is not empty; pass --force to overwrite it\n"
    )
    result = run(str(corpus_csv), "-o", str(tmp_path / "x"), "-q", "--no-cache")
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert "Error: " in result.output and "choose one with --text-column" in result.output  # type: ignore[attr-defined]
    result = run(str(corpus_csv), "--family", "oops")
    assert result.exit_code == 2  # type: ignore[attr-defined]
    assert "write NAME=STEM" in result.output  # type: ignore[attr-defined]


def test_no_usable_document_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("text,outlet\n,a\n", encoding="utf-8")
    result = run(str(path), "-o", str(tmp_path / "r"), "-q", "--no-cache")
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert "Error: no document could be used" in result.output  # type: ignore[attr-defined]
    assert "1 empty text" in result.output  # type: ignore[attr-defined]


def test_untrusted_text_is_escaped(tmp_path: Path) -> None:
    path = tmp_path / "evil.jsonl"
    rows = [
        {"text": "Terrorists <script>alert(1)</script> attacked.", "outlet": "<b>bad</b>"},
        {"text": "Rebels attacked the town.", "outlet": 'x" onload="alert(2)'},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "r"
    result = run(str(path), "-o", str(out), "-q", "--no-cache", "-j", "1", "--bootstrap", "50")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<b>bad</b>" not in html
    assert "&lt;b&gt;bad&lt;/b&gt;" in html and 'onload="alert' not in html
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "<b>bad</b>" not in md


def _options(jobs: int) -> ReportOptions:
    return ReportOptions(
        cache=None,
        charts=False,
        run=RunOptions(jobs=jobs),
        stats=StatsOptions(bootstrap=100),
        analysis=AnalysisOptions(models=True),
    )


@pytest.mark.slow
def test_same_results_with_several_processes_and_across_runs(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "c", copies=3)
    one = build_report([folder], CorpusOptions(), _options(1))
    two = build_report([folder], CorpusOptions(), _options(2))
    assert one.corpus["documents"] == two.corpus["documents"] == 18
    assert {"frames_by_group", "bias_by_group"} <= set(one.tables)
    for name in ("terms_by_group", "pairwise_tests", "distinguishing_words", "groups",
                 "frames_by_group", "bias_by_group"):  # fmt: skip
        pd.testing.assert_frame_equal(one.tables[name], two.tables[name])
    assert report_json(one) == report_json(build_report([folder], CorpusOptions(), _options(1)))


def test_a_broken_actor_layer_stops_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug in the actor layer surfaces; it never leaves a finished report with no actors."""

    def broken(analysis: object) -> None:
        raise RuntimeError("actor layer broke")

    monkeypatch.setattr(counts, "find_actors", broken)
    folder = write_corpus(tmp_path / "c")
    run = RunOptions(jobs=1)
    with pytest.raises(RuntimeError, match="actor layer broke"):
        count_corpus(iter_corpus([folder]), load_lexicons(), run=run)
    options = ReportOptions(cache=None, charts=False, run=run, stats=StatsOptions(bootstrap=0))
    with pytest.raises(RuntimeError, match="actor layer broke"):
        build_report([folder], CorpusOptions(), options)


def test_a_document_the_library_rejects_is_skipped_and_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def rejects_rebels(analysis: Analysis) -> ActorLayer:
        if "Rebels" in analysis.text:
            raise FramingError("no rebels here")
        return real(analysis)

    real = counts.find_actors
    monkeypatch.setattr(counts, "find_actors", rejects_rebels)
    folder = write_corpus(tmp_path / "c")
    result = count_corpus(iter_corpus([folder]), load_lexicons(), run=RunOptions(jobs=1))
    assert len(result) == 4 and result.skipped == {"analysis failed": 2}
    assert result.skipped_messages[0].endswith("FramingError: no rebels here")


def test_family_leads_name_the_leader_and_the_rest() -> None:
    fam = pd.DataFrame(
        {
            "group": ["a", "b", "c", "a", "b", "c"],
            "family": "terrorist",
            "voice": ["all", "all", "all", "author", "author", "author"],
            "count": [6, 2, 0, 3, 2, 0],
            "words": [1000.0, 1000.0, 1000.0, 800.0, 900.0, 1000.0],
            "rate_per_1k": [6.0, 2.0, 0.0, 3.75, 2.2, 0.0],
            "ci_low": [5.0, 1.0, 0.0, 3.0, 1.0, 0.0],
            "ci_high": [7.0, 3.0, 0.0, 4.0, 3.0, 0.0],
        }
    )
    (lead,) = family_leads(fam, {"terrorist": ["terrorist", "terror"], "rebel": ["rebel"]})
    assert (lead.family, lead.group, lead.rate_per_1k) == ("terrorist", "a", 6.0)
    assert lead.runners_up == (("b", 2.0),)  # c does not use the family
    assert lead.rest_rate == pytest.approx(1.0)  # 2 uses in 2,000 words of b and c
    assert lead.own_share == pytest.approx(0.5)
    alone = fam[fam["group"] == "a"]
    assert np.isnan(family_leads(alone, {"terrorist": ["terrorist"]})[0].rest_rate)
    assert family_leads(fam, {"terrorist": ["terrorist"]}, min_count=9) == []


def test_every_table_of_the_page_has_its_heading_and_columns() -> None:
    specs = table_specs()
    assert set(specs) == {*html.TABLES, "t-frames", "t-bias"}
    pairwise = specs["t-pairwise"]
    assert [c.key for c in pairwise.columns][:2] == ["category", "voice"]
    assert pairwise.note.format(significant=1200, tested=3400).startswith("1,200 of 3,400 tests")
    share = specs["t-actors"].columns[-1]
    assert (share.key, share.digits, share.percent) == ("share", 0, True)


# --- displays: plotted data and labels, not pixels --------------------------------------------


def test_rates_display() -> None:
    from framing.render.charts.report import RatesDisplay

    frame = pd.DataFrame(
        {
            "group": ["a", "b", "a", "b"],
            "family": ["terrorist", "terrorist", "rebel", "rebel"],
            "voice": "all",
            "rate_per_1k": [10.0, 2.0, 1.0, 5.0],
            "ci_low": [8.0, 0.5, 0.2, 3.0],
            "ci_high": [12.0, 4.0, 2.0, 7.0],
            "small_sample": [False, True, False, True],
        }
    )
    d = RatesDisplay.from_frame(frame, "family", voice="all", items=["terrorist", "rebel"]).plot()
    ax = d.axes_[0, 0]
    assert ax.get_title(loc="left") == "terrorist"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b ⚠"]
    solid, hollow = ax.collections[-2:]
    assert solid.get_offsets().tolist() == [[10.0, 0.0]]
    assert hollow.get_offsets().tolist() == [[2.0, 1.0]]


def test_heatmap_actor_and_voice_displays() -> None:
    from framing.render.charts.report import (
        ActorLabelsDisplay,
        TermHeatmapDisplay,
        VoiceCompositionDisplay,
    )

    terms = pd.DataFrame(
        {
            "group": ["a", "b", "a", "b"],
            "term": ["terrorist", "terrorist", "rebel", "rebel"],
            "voice": "all",
            "loaded": True,
            "count": [9, 1, 0, 4],
            "rate_per_1k": [9.0, 1.0, 0.0, 4.0],
        }
    )
    heat = TermHeatmapDisplay.from_frame(terms).plot()
    assert list(heat.matrix.index) == ["terrorist", "rebel"]
    assert np.allclose(heat.ax_.images[0].get_array(), [[9.0, 1.0], [0.0, 4.0]])
    labels = pd.DataFrame(
        {
            "group": ["a", "a", "b"],
            "actor_key": "olf",
            "actor": "OLF",
            "label": ["terrorist", "rebel", "rebel"],
            "voice": "author",
            "count": [3, 1, 2],
            "share": [0.75, 0.25, 1.0],
        }
    )
    d = ActorLabelsDisplay.from_frame(labels).plot()
    ax = d.axes_[0, 0]
    widths = [p.get_width() for p in ax.patches]
    assert sorted(widths) == [0.0, 0.25, 0.75, 1.0]
    assert ax.get_title(loc="left") == "OLF"
    summary = pd.DataFrame(
        {
            "group": ["a"],
            "author_words": [60],
            "quote_words": [30],
            "attributed_words": [10],
            "loaded_author": [1],
            "loaded_quote": [1],
            "loaded_attributed": [0],
        }
    )
    v = VoiceCompositionDisplay.from_frame(summary).plot()
    assert [p.get_width() for p in v.axes_[0, 0].patches] == pytest.approx([0.6, 0.3, 0.1])
