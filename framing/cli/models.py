"""`framing classify`, `framing train`, `framing evaluate`: the sentence-bias and frame models.

The commands import :mod:`framing.models` when they run, not at module level: it loads
scikit-learn (about 1.5 s), which every other command and ``framing --help`` can do without.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
import numpy as np

from framing.cli._common import (
    emit,
    encoding_option,
    errors_as_messages,
    format_option,
    output_options,
    read_documents,
    read_text,
    warn,
)
from framing.cli.group import cli
from framing.document import Document
from framing.errors import InputError, ModelError
from framing.output import check_new
from framing.render.charts.evaluation import ConfusionDisplay

_KINDS = click.Choice(["bias", "frames"])


def _model(path: str | None, kind: str | None) -> Any:
    """The shipped model of `kind` (no `path`), or the model file at `path` (of `kind` if given)."""
    # heavy optional model: framing.models loads scikit-learn (about 1.5 s)
    from framing.models.persistence import load_model
    from framing.models.registry import load_shipped

    if path is None:
        return load_shipped(str(kind))
    return load_model(path, kind=kind)


def _model_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--model",
        "-m",
        "model_path",
        metavar="FILE",
        help="A model file from `framing train` (default: the shipped model).",
    )(func)


@cli.group()
def classify() -> None:
    """Classify sentences as biased or not, or articles by their frames.

    \b
    Examples:
      framing classify bias sentences.txt
      framing classify bias article.txt --article --format jsonl
      framing classify frames corpus/ --format jsonl > frames.jsonl
    """


@classify.command("bias")
@click.argument("source")
@click.option("--article", is_flag=True, help="SOURCE is an article: split it into sentences.")
@format_option(["text", "jsonl"])
@_model_option
@output_options
@encoding_option
@errors_as_messages
def classify_bias(
    source: str,
    article: bool,
    fmt: str,
    model_path: str | None,
    output: str | None,
    force: bool,
    encoding: str | None,
) -> None:
    """Probability that each sentence is biased (SOURCE: a file, or - for stdin).

    Input is one sentence a line, or with --article a whole article (text or HTML).

    \b
    Examples:
      framing classify bias sentences.txt
      cat article.txt | framing classify bias - --article
      framing classify bias sentences.txt --format jsonl -o bias.jsonl
    """
    text = read_text(source, encoding)
    if article:
        doc = Document.from_text(text)
        sentences = [text[s:e] for s, e in doc.sentences]
    else:
        sentences = [line.strip() for line in text.splitlines() if line.strip()]
    if not sentences:
        raise InputError(f"{source} has no sentences to classify")
    model = _model(model_path, "bias")
    estimator = model.estimator
    proba = estimator.bias_probability(sentences)
    threshold = float(estimator.threshold_)
    classes = [str(c) for c in estimator.classes_]
    positive = classes[estimator.positive_index_]
    negative = classes[1 - estimator.positive_index_]
    lines = []
    for sentence, p in zip(sentences, proba, strict=True):
        label = positive if p >= threshold else negative
        if fmt == "jsonl":
            record = {"text": sentence, "label": label, "probability": float(p)}
            lines.append(json.dumps(record, ensure_ascii=False))
        else:
            lines.append(f"{p:.2f}  {label:<10}  {' '.join(sentence.split())}")
    if fmt == "text":
        lines.append(f"({model.version}; {positive} when probability >= {threshold:.2f})")
    emit("\n".join(lines) + "\n", output, force)


@classify.command("frames")
@click.argument("paths", nargs=-1, required=True)
@format_option(["text", "jsonl"])
@_model_option
@click.option("--top", default=3, show_default=True, help="Supporting sentences per frame.")
@output_options
@encoding_option
@errors_as_messages
def classify_frames(
    paths: tuple[str, ...],
    fmt: str,
    model_path: str | None,
    top: int,
    output: str | None,
    force: bool,
    encoding: str | None,
) -> None:
    """Frames of each article: probability per frame, the predicted frames and the sentences
    that most support each.

    PATHS are text or HTML files, folders of them, or - for stdin.

    \b
    Examples:
      framing classify frames article.txt
      framing classify frames corpus/ --format jsonl > frames.jsonl
    """
    # heavy optional model: framing.models loads scikit-learn (about 1.5 s)
    from framing.models.outputs import predict_document

    model = _model(model_path, "frames")
    lines: list[str] = []
    done = 0
    single = len(paths) == 1
    for name, doc in read_documents(paths, encoding):
        if isinstance(doc, InputError):
            if single and paths[0] == name:
                raise doc
            warn(f"skipped {name}: {doc}")
            continue
        out = predict_document(doc, bias=False, frames=model, supporting=max(top, 0))
        done += 1
        if fmt == "jsonl":
            record = {"path": name, "frames": dict(out.frames), "predicted": list(out.predicted)}
            lines.append(json.dumps(record, ensure_ascii=False))
            continue
        lines.append(name)
        probabilities = dict(out.frames)
        support = dict(out.supporting)
        for frame in out.predicted:
            lines.append(f"  {probabilities[frame]:.2f}  {frame.replace('_', ' ')}")
            for i in support.get(frame, ()):
                s, e = doc.sentences[i]
                sentence = " ".join(doc.text[s:e].split())
                cut = sentence if len(sentence) <= 110 else sentence[:107] + "..."
                lines.append(f"          \u201c{cut}\u201d")
        others = sorted(((p, f) for f, p in out.frames if f not in out.predicted), reverse=True)[:3]
        if others:
            shown = ", ".join(f"{f.replace('_', ' ')} {p:.2f}" for p, f in others)
            lines.append(f"  not predicted: {shown}")
        lines.append("")
    if not done:
        raise click.ClickException("no article could be classified")
    if fmt == "text":
        lines.append(
            f"({model.version}; a frame is predicted when probability >= "
            f"{model.estimator.threshold_:.2f})"
        )
    emit("\n".join(lines) + "\n", output, force)


@cli.command()
@click.argument("kind", type=_KINDS)
@click.option("--data", "data_path", required=True, metavar="FILE", help="CSV, TSV or JSONL.")
@click.option("--text-column", default="text", show_default=True)
@click.option("--label-column", default="label", show_default=True)
@click.option(
    "--words-column",
    metavar="NAME",
    help="bias: a column with the biased words of each sentence (word-level supervision).",
)
@click.option(
    "--separator", default=",", show_default=True, help="frames: between labels in a cell."
)
@click.option("--cv", default=5, show_default=True, help="Inner cross-validation folds.")
@click.option("--seed", default=0, show_default=True, help="Seed of the fold split.")
@click.option("-o", "--output", required=True, metavar="MODEL", help="The model file to write.")
@click.option("--force", is_flag=True, help="Overwrite an existing model file.")
@errors_as_messages
def train(
    kind: str,
    data_path: str,
    text_column: str,
    label_column: str,
    words_column: str | None,
    separator: str,
    cv: int,
    seed: int,
    output: str,
    force: bool,
) -> None:
    """Train a sentence-bias or frames model on your own labelled data.

    bias: one sentence a row and a label with two values (e.g. Biased / Non-biased).
    frames: one article a row and its frames, separated by --separator.

    \b
    Examples:
      framing train bias --data babe.csv --label-column label_bias \\
          --words-column biased_words -o my-bias.skops
      framing train frames --data frames.tsv --label-column frames -o my-frames.skops
    """
    # heavy optional model: framing.models loads scikit-learn (about 1.5 s)
    from framing.models import BiasSentenceClassifier, FrameClassifier, save_model
    from framing.models.data import read_labelled

    check_new(output, force=force)
    data = read_labelled(
        data_path,
        text_column=text_column,
        label_column=label_column,
        words_column=words_column if kind == "bias" else None,
        multi_label=kind == "frames",
        separator=separator,
    )
    estimator: Any
    if kind == "bias":
        estimator = BiasSentenceClassifier(cv=cv, random_state=seed)
        estimator.fit(data.texts, data.labels, biased_words=data.biased_words)
        summary = (
            f"labels {', '.join(map(str, estimator.classes_))}; "
            f"word-level supervision {'on' if estimator.tagger_ is not None else 'off'}"
        )
    else:
        estimator = FrameClassifier(cv=cv, random_state=seed).fit(data.texts, data.labels)
        summary = f"{len(estimator.classes_)} frames"
    metadata = {
        "name": Path(output).stem,
        "version": "user",
        "data": f"{Path(data_path).name} ({len(data.texts)} rows), sha256 "
        + hashlib.sha256(Path(data_path).read_bytes()).hexdigest(),
        "params": {k: v for k, v in estimator.get_params().items() if k != "labels"},
        "threshold": estimator.threshold_,
        "training_oof_calibration_error": estimator.calibration_error_,
    }
    save_model(estimator, output, metadata=metadata, force=force)
    click.echo(
        f"Trained a {kind} model on {len(data.texts)} texts ({summary}); threshold "
        f"{estimator.threshold_:.2f}, out-of-fold calibration error "
        f"{estimator.calibration_error_:.3f}"
    )
    click.echo(f"Wrote {output}", err=True)


@cli.command()
@click.argument("model_path", metavar="MODEL")
@click.option("--data", "data_path", required=True, metavar="FILE", help="CSV, TSV or JSONL.")
@click.option("--text-column", default="text", show_default=True)
@click.option("--label-column", default="label", show_default=True)
@click.option(
    "--separator", default=",", show_default=True, help="frames: between labels in a cell."
)
@click.option("--chart", metavar="FILE", help="Write a confusion-matrix chart (.png or .svg).")
@click.option(
    "--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--seed", default=0, show_default=True, help="Seed of the bootstrap.")
@output_options
@errors_as_messages
def evaluate(
    model_path: str,
    data_path: str,
    text_column: str,
    label_column: str,
    separator: str,
    chart: str | None,
    fmt: str,
    seed: int,
    output: str | None,
    force: bool,
) -> None:
    """Precision, recall and F1 (with 95% bootstrap CIs) of a model on labelled data.

    MODEL is a model file, or `bias` / `frames` for the shipped models. Use held-out data: the
    scores are only honest on texts the model was not trained on.

    \b
    Examples:
      framing evaluate my-bias.skops --data test.csv --label-column label_bias --chart cm.png
      framing evaluate frames --data frames.tsv --label-column frames
    """
    # heavy optional model: framing.models loads scikit-learn (about 1.5 s)
    from framing.models.data import read_labelled
    from framing.models.metrics import expected_calibration_error
    from framing.stats.evaluation import classification_scores, multilabel_scores

    if chart:
        check_new(chart, force=force)
    model = (
        _model(None, model_path) if model_path in ("bias", "frames") else _model(model_path, None)
    )
    estimator = model.estimator
    multi = model.kind == "frames"
    data = read_labelled(
        data_path,
        text_column=text_column,
        label_column=label_column,
        multi_label=multi,
        separator=separator,
    )
    lines = [f"{model.version} on {data_path}: {len(data.texts)} texts"]
    display: ConfusionDisplay
    if multi:
        names = [str(c) for c in estimator.classes_]
        unknown = sorted({f for fs in data.labels for f in fs} - set(names))
        if unknown:
            warn(f"labels the model does not know are ignored: {', '.join(unknown[:5])}")
        truth = [[int(f in fs) for f in names] for fs in data.labels]
        proba = estimator.predict_proba(data.texts)
        pred = estimator.decide(proba)
        scores = multilabel_scores(truth, pred, names, seed=seed)
        ece = expected_calibration_error(truth, proba)
        head = ["micro_precision", "micro_recall", "micro_f1", "macro_f1"]
        display = ConfusionDisplay.from_multilabel(np.asarray(truth), pred, names, title=model.name)
    else:
        classes = [str(c) for c in estimator.classes_]
        labels = [str(x) for x in data.labels]
        unknown = sorted(set(labels) - set(classes))
        if unknown:
            raise ModelError(
                f"labels {', '.join(unknown[:5])} are not the model's ({', '.join(classes)}); "
                "check --label-column"
            )
        pred = [str(x) for x in estimator.predict(data.texts)]
        proba = estimator.bias_probability(data.texts)
        positive = classes[estimator.positive_index_]
        scores = classification_scores(labels, pred, classes, seed=seed)
        ece = expected_calibration_error([int(x == positive) for x in labels], proba)
        head = ["macro_f1", "accuracy"]
        display = ConfusionDisplay.from_predictions(labels, pred, classes, title=model.name)
    if fmt == "json":
        payload = {
            "model": model.version,
            "data": data_path,
            "n": scores["n"],
            **{k: scores[k].to_dict() for k in head},
            "labels": {
                lab: {k: (v.to_dict() if hasattr(v, "to_dict") else v) for k, v in s.items()}
                for lab, s in scores["labels"].items()
            },
            "calibration_error": ece,
        }
        text = json.dumps(payload, indent=2) + "\n"
    else:
        for key in head:
            lines.append(f"{key.replace('_', ' ')}: {scores[key]}")
        lines.append(f"calibration error (ECE, 10 bins): {ece:.3f}")
        lines.append(f"{'label':<46} {'precision':>21} {'recall':>21} {'F1':>21} support")
        for lab, s in scores["labels"].items():
            lines.append(
                f"{lab:<46} {s['precision']!s:>21} {s['recall']!s:>21} {s['f1']!s:>21} "
                f"{s['support']:>7}"
            )
        lines.append("(95% percentile-bootstrap intervals over texts, 1,000 resamples)")
        text = "\n".join(lines) + "\n"
    emit(text, output, force)
    if chart:
        display.plot().save(chart, force=force)
        click.echo(f"Wrote {chart}", err=True)
