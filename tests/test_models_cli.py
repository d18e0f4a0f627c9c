"""`framing classify`, `train`, `evaluate` and the models in `framing analyze`, via CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import framing
from framing.analysis import AnalysisOptions
from framing.cli import cli

DATA = Path(__file__).resolve().parent / "data" / "models"
SENTENCES = "The radical left wants to destroy America.\n\nThe bill passed the Senate on Tuesday.\n"
ARTICLE = (
    "Police arrested the suspect on Monday. Prosecutors charged him with murder.\n\n"
    "Critics called the botched raid a shameful disaster."
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_classify_bias_text_and_jsonl(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_text(SENTENCES, encoding="utf-8")
    result = runner.invoke(cli, ["classify", "bias", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[1] == "Biased" and lines[1].split()[1] == "Non-biased"
    assert "bias-babe" in lines[-1]
    result = runner.invoke(cli, ["classify", "bias", str(path), "--format", "jsonl"])
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [r["text"] for r in records] == [
        "The radical left wants to destroy America.",
        "The bill passed the Senate on Tuesday.",
    ]
    assert set(records[0]) == {"text", "label", "probability"}
    assert records[0]["probability"] > 0.5 > records[1]["probability"]


def test_classify_bias_article_from_stdin(runner: CliRunner) -> None:
    result = runner.invoke(
        cli, ["classify", "bias", "-", "--article", "-f", "jsonl"], input=ARTICLE
    )
    assert result.exit_code == 0, result.output
    texts = [json.loads(line)["text"] for line in result.output.splitlines()]
    assert texts == [
        "Police arrested the suspect on Monday.",
        "Prosecutors charged him with murder.",
        "Critics called the botched raid a shameful disaster.",
    ]


def test_classify_frames(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Troops shelled the border as the army fought.", "utf-8")
    result = runner.invoke(cli, ["classify", "frames", str(tmp_path), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [Path(r["path"]).name for r in records] == ["a.txt", "b.txt"]
    assert set(records[0]) == {"path", "frames", "predicted"}
    assert len(records[0]["frames"]) == 14
    assert "Crime_and_punishment" in records[0]["predicted"]
    text = runner.invoke(cli, ["classify", "frames", str(tmp_path / "a.txt")]).output
    assert "Crime and punishment" in text and "\u201cProsecutors charged" in text


def test_classify_errors(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(cli, ["classify", "bias", str(empty)])
    assert result.exit_code == 1 and result.output.startswith("Error: ")
    broken = tmp_path / "broken.skops"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    sentences = tmp_path / "s.txt"
    sentences.write_text(SENTENCES, encoding="utf-8")
    result = runner.invoke(cli, ["classify", "bias", str(sentences), "--model", str(broken)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {broken} is not a usable framing model")
    result = runner.invoke(cli, ["classify", "bias", str(sentences), "-m", str(tmp_path / "x")])
    assert result.output.startswith("Error: no model file at")


@pytest.mark.slow
def test_train_and_evaluate_bias(runner: CliRunner, tmp_path: Path) -> None:
    model = tmp_path / "bias.skops"
    args = ["train", "bias", "--data", str(DATA / "bias_sample.csv"), "--cv", "3"]
    result = runner.invoke(cli, [*args, "--words-column", "biased_words", "-o", str(model)])
    assert result.exit_code == 0, result.output
    assert "word-level supervision on" in result.output and model.is_file()
    again = runner.invoke(cli, [*args, "-o", str(model)])
    assert again.exit_code == 1 and "already exists; pass --force" in again.output
    chart = tmp_path / "cm.png"
    result = runner.invoke(
        cli,
        ["evaluate", str(model), "--data", str(DATA / "bias_sample.csv"), "--chart", str(chart)],
    )
    assert result.exit_code == 0, result.output
    assert "macro f1: " in result.output and "Biased" in result.output
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    result = runner.invoke(
        cli, ["evaluate", str(model), "--data", str(DATA / "bias_sample.csv"), "-f", "json"]
    )
    payload = json.loads(result.output)
    assert payload["n"] == 30 and 0 <= payload["macro_f1"]["low"] <= payload["macro_f1"]["value"]
    result = runner.invoke(
        cli,
        ["evaluate", str(model), "--data", str(DATA / "bias_sample.csv"), "--label-column", "nope"],
    )
    assert result.exit_code == 1 and "has no column 'nope'" in result.output


@pytest.mark.slow
def test_train_and_evaluate_frames(runner: CliRunner, tmp_path: Path) -> None:
    model = tmp_path / "frames.skops"
    data = str(DATA / "frames_sample.tsv")
    result = runner.invoke(
        cli,
        [
            "train",
            "frames",
            "--data",
            data,
            "--label-column",
            "frames",
            "--cv",
            "3",
            "-o",
            str(model),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "3 frames" in result.output
    chart = tmp_path / "cm.svg"
    result = runner.invoke(
        cli,
        ["evaluate", str(model), "--data", data, "--label-column", "frames", "--chart", str(chart)],
    )
    assert result.exit_code == 0, result.output
    assert "micro f1: " in result.output and "<svg" in chart.read_text()
    result = runner.invoke(cli, ["classify", "frames", data, "-m", str(model), "-f", "jsonl"])
    assert result.exit_code == 0


def test_analyze_with_and_without_models(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    data = json.loads(runner.invoke(cli, ["analyze", str(path), "-f", "json"]).output)
    assert data["options"]["models"] is True
    assert {"bias", "frames"} <= set(data["models"])
    assert len(data["classifiers"]["bias"]["sentences"]) == len(data["sentences"])
    assert "Crime_and_punishment" in data["classifiers"]["frames"]["predicted"]
    plain = json.loads(
        runner.invoke(cli, ["analyze", str(path), "-f", "json", "--no-models"]).output
    )
    assert "classifiers" not in plain and "bias" not in plain["models"]
    text = runner.invoke(cli, ["analyze", str(path)]).output
    assert "Sentence bias (bias-babe" in text and "Frames (frames-semeval" in text
    page = runner.invoke(cli, ["analyze", str(path), "-f", "html"]).output
    assert "<h2>Classifiers</h2>" in page


def test_library_models_option() -> None:
    assert framing.analyze(ARTICLE).classifiers is None  # off by default in the library
    a = framing.analyze(ARTICLE, options=AnalysisOptions(models=True))
    assert a.classifiers is not None
    assert len(a.classifiers.sentences) == len(a.document.sentences)
    assert a.to_dict()["classifiers"]["versions"]["bias"].startswith("bias-babe")
    assert a.to_dict() == framing.analyze(ARTICLE, options=AnalysisOptions(models=True)).to_dict()
