"""The demo corpus report: every planted difference is recovered; the folder is complete and
opens in headless Chromium (Debian's, driven by playwright) without console errors and with every
image loaded. The report is built with the classifiers on (as `framing report` and `make demo`
do), so their tables, charts and sections are checked here too; the figures it quotes from the
model cards are read from the shipped cards, not pinned here."""

from __future__ import annotations

import json
import os
import re
import shutil
import tomllib
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from playwright.sync_api import Browser, ConsoleMessage, sync_playwright

from framing.analysis import AnalysisOptions
from framing.models.registry import shipped_available
from framing.render.report.files import write_report
from framing.report.build import Report, ReportOptions, RunOptions, build_report

DEMO = Path(str(resources.files("framing") / "demo" / "corpus"))
TRUTH = tomllib.loads((DEMO / "ground_truth.toml").read_text(encoding="utf-8"))
REQUIRED = "group,term,category,voice,count,words,rate_per_1k,ci_low,ci_high"
FRAME_HEADER = (
    "group,frame,documents,predicted,predicted_share,ci_low,ci_high,mean_probability,"
    "mean_ci_low,mean_ci_high"
)
MODELS = shipped_available("bias") and shipped_available("frames")
needs_models = pytest.mark.skipif(not MODELS, reason="the shipped models are not installed")
# the module's report fixture builds the demo report with the classifiers (about 10 s)
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report() -> Report:
    options = ReportOptions(
        cache=None, run=RunOptions(jobs=1), analysis=AnalysisOptions(models=True)
    )
    return build_report([DEMO], options=options)


@pytest.fixture(scope="module")
def folder(report: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_report(report, tmp_path_factory.mktemp("demo") / "demo")


def _table(report: Report, kind: str) -> tuple[pd.DataFrame, str]:
    name = {"family": "families_by_group", "term": "terms_by_group"}.get(kind)
    return report.tables[name or "categories_by_group"], kind


@pytest.mark.parametrize("planted", TRUTH["difference"], ids=lambda d: f"{d['outlet']}:{d['name']}")
def test_planted_difference_is_recovered(report: Report, planted: dict[str, str]) -> None:
    frame, kind = _table(report, planted["kind"])
    sub = frame[(frame[kind] == planted["name"]) & (frame["voice"] == planted["voice"])]
    if kind == "category":
        sub = sub.groupby("group", as_index=False).agg(
            rate_per_1k=("rate_per_1k", "max"), ci_low=("ci_low", "max")
        )
    sub = sub.set_index("group")
    outlet = planted["outlet"]
    others = sub.drop(index=outlet)
    assert sub["rate_per_1k"].idxmax() == outlet, planted["why"]
    assert sub.loc[outlet, "ci_low"] > others["rate_per_1k"].max(), planted["why"]
    if kind == "term":
        d = report.tables["distinguishing_terms"]
        z = d[(d["group"] == outlet) & (d["term"] == planted["name"])]
        assert z[z["voice"] == planted["voice"]]["z"].iloc[0] >= 1.96


@pytest.mark.parametrize("planted", TRUTH["contrast"], ids=lambda d: d["outlet"])
def test_voice_contrast_is_recovered(report: Report, planted: dict[str, str]) -> None:
    fam = report.tables["families_by_group"]
    sub = fam[(fam["group"] == planted["outlet"]) & (fam["family"] == planted["family"])]
    by_voice = sub.set_index("voice")
    assert by_voice.loc[planted["used_in"], "count"] > 0
    assert by_voice.loc[planted["never_in"], "count"] == 0


def test_small_sample_warning(report: Report) -> None:
    groups = report.tables["groups"]
    assert sorted(groups.loc[groups["small_sample"], "group"]) == TRUTH["small_sample"]
    terms = report.tables["terms_by_group"]
    assert terms.groupby("group")["small_sample"].all().to_dict()["Harbor Post"]
    assert not terms[terms["group"] == "Velbrod Herald"]["small_sample"].any()


@pytest.mark.parametrize("planted", TRUTH["label"], ids=lambda d: d["outlet"])
def test_preferred_labels_per_actor(report: Report, planted: dict[str, Any]) -> None:
    labels = report.tables["actor_labels"]
    assert not labels.empty, "no actor labels: the actor layer (framing.annotate.actors) found none"
    from framing.annotate.actors import actor_key

    keys = {actor_key(n) for n in planted["actors"]} | {n.lower() for n in planted["actors"]}
    own = labels[
        (labels["group"] == planted["outlet"])
        & (labels["voice"] == "author")
        & labels["actor_key"].isin(keys)
    ]
    totals = own.groupby("label")["count"].sum().sort_values(ascending=False)
    assert len(totals), f"no labels for {planted['actors']} in {planted['outlet']}"
    assert totals.index[0] in report.families[planted["family"]], totals.to_dict()


def test_summary_names_the_planted_leaders(report: Report) -> None:
    from framing.render.report.text import findings

    text = " ".join(findings(report))
    assert "“terrorist” family" in text and "in Velbrod Herald" in text
    assert "Harbor Post (3 documents" in text
    assert "Wording that sets Kessra Free Press apart" in text


def test_examples_highlight_the_wording(report: Report) -> None:
    examples = report.examples
    assert {ex["group"] for ex in examples} >= {"Velbrod Herald", "Kessra Free Press"}
    for ex in examples:
        assert ex["match"] and ex["before"] is not None and ex["after"] is not None
        if ex["kind"] != "term":
            words = ex["match"].lower().replace("’", "'").replace("-", " ").split()
            assert words[0].startswith(ex["feature"].split()[0].split("-")[0]), ex
    herald = [ex for ex in examples if ex["group"] == "Velbrod Herald" and ex["kind"] == "term"]
    assert any(ex["feature"] == "terrorist" and ex["voice"] == "author" for ex in herald)


def test_folder_files(folder: Path, report: Report) -> None:
    names = {p.name for p in folder.iterdir()}
    assert {"index.html", "report.md", "report.json", "terms_by_group.csv", "charts"} <= names
    header = (folder / "terms_by_group.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith(REQUIRED)
    terms = pd.read_csv(folder / "terms_by_group.csv")
    assert set(terms["voice"]) == {"author", "quote", "attributed", "all"}
    if shutil.which("python") and _has_pyarrow():
        assert (folder / "terms_by_group.parquet").exists()
    charts = {p.name for p in (folder / "charts").iterdir()}
    for stem in ("family_rates", "category_rates", "term_heatmap", "voice_composition",
                 "sentiment", "rates_over_time", "distinguishing_terms"):  # fmt: skip
        assert {f"{stem}.png", f"{stem}.svg"} <= charts
    data = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert data["methods"]["lexicons"][0]["sha256"]
    assert data["tables"]["terms_by_group"]["columns"][:9] == REQUIRED.split(",")
    assert data["methods"]["corpus"]["documents"] == 48


def _has_pyarrow() -> bool:
    import importlib.util

    return importlib.util.find_spec("pyarrow") is not None


def test_html_is_self_contained(folder: Path) -> None:
    html = (folder / "index.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in html
    sources = re.findall(r'\b(?:src|href)="([^"]*)"', html)
    assert sources and all(s.startswith(("data:", "#", "charts/")) for s in sources), [
        s for s in sources if not s.startswith(("data:", "#", "charts/"))
    ][:5]
    assert '<link rel="stylesheet"' not in html and "http://" not in html.split("<body>")[0]
    assert html.count("<img ") >= 7
    assert "Benjamini" in html and "Monroe" in html
    # the Herald's example sentence for the term, with exactly the term's span highlighted
    assert (
        "<blockquote>President Aurel Danescu declared three days of national mourning and ordered "
        "the security forces to step up their <mark>counter-terrorism operation</mark> in the "
        "north.</blockquote>"
    ) in html


@needs_models
def test_frame_distributions_by_group(report: Report, folder: Path) -> None:
    frames = report.tables["frames_by_group"]
    header = (folder / "frames_by_group.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith(FRAME_HEADER)
    assert len(frames) == 14 * 5 and set(frames["group"]) == set(report.groups)
    for value, low, high in (
        ("predicted_share", "ci_low", "ci_high"),
        ("mean_probability", "mean_ci_low", "mean_ci_high"),
    ):
        assert frames[[value, low, high]].stack().between(0.0, 1.0).all()
        assert (frames[low] <= frames[value] + 1e-12).all()
        assert (frames[value] <= frames[high] + 1e-12).all()
    counts = report.tables["groups"].set_index("group")["documents"]
    assert (frames["documents"] == frames["group"].map(counts)).all()
    assert (frames["predicted_share"] == frames["predicted"] / frames["documents"]).all()
    assert frames.groupby("group")["small_sample"].all()["Harbor Post"]
    political = frames[frames["frame"] == "Political"].set_index("group")
    # the opposition outlet's stories are about politics more often than the state outlet's
    assert political.loc["Kessra Free Press", "ci_low"] > political.loc["Velbrod Herald", "ci_high"]


@needs_models
def test_sentence_bias_by_group(report: Report, folder: Path) -> None:
    bias = report.tables["bias_by_group"]
    header = (folder / "bias_by_group.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("group,voice,documents,sentences,biased,biased_share,ci_low,ci_high")
    assert set(bias["voice"]) == {"author", "quote", "attributed", "all"}
    shares = bias.dropna(subset=["biased_share"])
    assert (shares["ci_low"] <= shares["biased_share"] + 1e-12).all()
    assert (shares["biased_share"] <= shares["ci_high"] + 1e-12).all()
    assert shares[["biased_share", "ci_low", "ci_high"]].stack().between(0.0, 1.0).all()
    parts = bias[bias["voice"] != "all"].groupby("group")[["sentences", "biased"]].sum()
    whole = bias[bias["voice"] == "all"].set_index("group")[["sentences", "biased"]]
    pd.testing.assert_frame_equal(parts.sort_index(), whole.sort_index())
    own = bias[bias["voice"] == "author"].set_index("group")["biased_share"]
    # the tabloid's emotive narration against the wire's neutral one
    assert own.idxmax() == "Daily Courier" and own.idxmin() == "Continental Wire"


@needs_models
def test_model_sections_and_methods(report: Report, folder: Path) -> None:
    from framing.render.report.text import findings

    text = findings(report)
    assert any(
        s.startswith("Model estimate: the frame classifier predicts the Political") for s in text
    )
    assert any("of Daily Courier's own-voice sentences biased" in s for s in text)
    charts = {p.name for p in (folder / "charts").iterdir()}
    assert {"frame_shares.png", "frame_shares.svg", "sentence_bias.png"} <= charts
    html = (folder / "index.html").read_text(encoding="utf-8")
    assert '<section id="models">' in html and 'id="chart-frame_shares"' in html
    assert "estimates of two statistical classifiers" in html
    md = (folder / "report.md").read_text(encoding="utf-8")
    assert "## Model estimates: frames and sentence bias" in md
    plain_md = md.replace("\\", "")  # markdown escapes brackets and parentheses
    shipped = _shipped_manifest()
    assert {c["kind"]: c["name"] for c in report.classifiers} == {
        kind: info["name"] for kind, info in shipped.items()
    }
    for info in report.classifiers:
        model = shipped[info["kind"]]
        assert info["sha256"] == model["sha256"] and info["version"] == model["version"]
        assert f"<code>{info['sha256']}</code>" in html
        assert f"- Classifier: {model['name']} {model['version']} (" in plain_md
        assert f"sha256 {model['sha256']}" in plain_md
        # the card's headline figure (in bold) and calibration error, as the card states them
        figures, headline = _card_figures(model)
        for quoted in (f"{headline} {figures[headline]}", f"ECE {figures['ECE']}"):
            assert quoted in info["metrics"] and quoted in html and quoted in plain_md, quoted
    data = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert data["tables"]["frames_by_group"]["columns"][:10] == FRAME_HEADER.split(",")
    assert "bias_by_group" in data["tables"]
    assert data["methods"]["classifiers"][0]["sha256"] == report.classifiers[0]["sha256"]
    assert data["methods"]["analysis_options"]["models"] is True


MODEL_DATA = resources.files("framing") / "models" / "data"


def _shipped_manifest() -> dict[str, dict[str, str]]:
    """kind -> name, version, sha256, card of each shipped model (its manifest.json)."""
    return json.loads((MODEL_DATA / "manifest.json").read_text(encoding="utf-8"))["models"]


def _card_figures(model: dict[str, str]) -> tuple[dict[str, str], str]:
    """The cross-validated figures of a shipped model as its card's table states them, by
    column, and the column whose figure the card puts in bold (its headline metric).

    Read from the card, so that retraining a model (which rewrites its card) needs no test edit.
    """
    card = (MODEL_DATA / model["card"]).read_text(encoding="utf-8")
    section = card.split("## Cross-validated performance", 1)[1].split("\n## ", 1)[0]
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in section.splitlines()
        if line.startswith("|") and not line.startswith("|---")
    ]
    header, own = rows[0], next(r for r in rows if r[0] == f"**{model['name']}**")
    headline = next(h for h, cell in zip(header[1:], own[1:], strict=True) if cell.startswith("**"))
    return {h: cell.strip("*") for h, cell in zip(header, own, strict=True)}, headline


def test_refuses_to_overwrite(report: Report, folder: Path) -> None:
    from framing.errors import OutputExistsError

    with pytest.raises(OutputExistsError, match="--force"):
        write_report(report, folder)


# --- headless Chromium, driven by playwright -------------------------------------------------

# Debian's chromium, never a browser downloaded by `playwright install` (.ci/run installs it)
CHROMIUM = shutil.which("chromium") or next(
    (p for p in ("/usr/bin/chromium",) if os.path.exists(p)), None
)
CHROMIUM_ARGS = [
    "--no-sandbox",  # the tests run as root in CI
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium); .ci/run installs it")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


def open_page(browser: Browser, url: str) -> tuple[list[list[Any]], list[str]]:
    """Load `url` in a new page; return its images' [complete, naturalWidth] and the errors seen
    while loading: console errors and failed assertions, uncaught exceptions, failed requests."""
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type in ("error", "assert"):
            errors.append(f"console.{message.type}: {message.text}")

    page = browser.new_page()
    page.on("console", on_console)
    page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))
    page.on("requestfailed", lambda r: errors.append(f"request failed: {r.url} ({r.failure})"))
    try:
        page.goto(url, wait_until="load", timeout=60_000)
        images = page.evaluate("Array.from(document.images, i => [i.complete, i.naturalWidth])")
    finally:
        page.close()
    return images, errors


def test_chromium_harness_sees_errors(browser: Browser, tmp_path: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<html><body><img src="missing.png"><script>console.error("boom");'
        'console.assert(1 === 2, "one is two");undefinedFunction();</script></body></html>',
        encoding="utf-8",
    )
    images, errors = open_page(browser, bad.as_uri())
    assert images == [[True, 0]]
    assert "console.error: boom" in errors
    assert any(e.startswith("console.assert: ") and "one is two" in e for e in errors), errors
    assert any(e.startswith("uncaught: ") and "undefinedFunction" in e for e in errors), errors
    missing = (tmp_path / "missing.png").as_uri()
    assert f"request failed: {missing} (net::ERR_FILE_NOT_FOUND)" in errors


def test_report_opens_in_chromium(browser: Browser, folder: Path) -> None:
    images, errors = open_page(browser, (folder / "index.html").as_uri())
    assert errors == []
    assert len(images) >= 7
    assert all(complete and width > 0 for complete, width in images), images
