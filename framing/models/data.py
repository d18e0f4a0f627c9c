"""Reading labelled data for training and evaluation: CSV, TSV or JSON lines, by column name.

Also the two public data sets the shipped models are trained on, in the layout of
``../shared/datasets`` (BABE's CSV; SemEval-2023 Task 3's articles and ``labels.tsv``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from framing.errors import ModelError

__all__ = ["LabelledData", "read_babe", "read_labelled", "read_semeval_frames"]


@dataclass(frozen=True)
class LabelledData:
    """Texts with their labels (one label per text, or a list of frames per text) and, for
    sentence bias, optionally the marked biased words of each text."""

    texts: list[str]
    labels: list[Any]
    biased_words: list[Any] | None = None


def _frame(path: Path) -> Any:
    suffix = path.suffix.lower()
    try:
        if suffix in (".jsonl", ".ndjson"):
            rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
            return pd.DataFrame(rows)
        if suffix == ".json":
            return pd.DataFrame(json.loads(path.read_text("utf-8")))
        sep = "\t" if suffix in (".tsv", ".tab") else ","
        return pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False)
    except FileNotFoundError:
        raise ModelError(f"no data file at {path}") from None
    except (ValueError, UnicodeDecodeError, OSError) as exc:
        raise ModelError(
            f"cannot read {path} as {suffix.lstrip('.') or 'CSV'} data ({exc}); give a UTF-8 "
            "CSV, TSV or JSON-lines file with a header"
        ) from None


def read_labelled(
    path: str | Path,
    *,
    text_column: str = "text",
    label_column: str = "label",
    words_column: str | None = None,
    multi_label: bool = False,
    separator: str = ",",
) -> LabelledData:
    """Texts and labels from a CSV (``,``), TSV (``.tsv``) or JSON-lines (``.jsonl``) file.

    With `multi_label`, a label cell holds several labels split on `separator` (or a JSON list).
    Rows with an empty text or label are skipped.
    """
    p = Path(path)
    frame = _frame(p)
    for column in (text_column, label_column, words_column):
        if column is not None and column not in frame.columns:
            raise ModelError(
                f"{p} has no column {column!r}; its columns are: "
                f"{', '.join(map(str, frame.columns))}"
            )
    texts: list[str] = []
    labels: list[Any] = []
    marked: list[Any] = []
    for _, row in frame.iterrows():
        text = row[text_column]
        label = row[label_column]
        if not isinstance(text, str) or not text.strip():
            continue
        if multi_label:
            if isinstance(label, str):
                parts = [x.strip() for x in label.split(separator) if x.strip()]
            elif isinstance(label, (list, tuple)):
                parts = [str(x) for x in label]
            else:
                parts = []
            labels.append(parts)
        else:
            if label is None or (isinstance(label, str) and not label.strip()):
                continue
            labels.append(str(label).strip())
        texts.append(text)
        if words_column is not None:
            marked.append(row[words_column])
    if not texts:
        raise ModelError(f"{p} has no rows with both a text and a label")
    return LabelledData(texts, labels, marked if words_column is not None else None)


def read_babe(path: str | Path) -> LabelledData:
    """BABE's CSV (text, label_bias, biased_words), keeping Biased and Non-biased rows."""
    data = read_labelled(
        path, text_column="text", label_column="label_bias", words_column="biased_words"
    )
    keep = [i for i, lab in enumerate(data.labels) if lab in ("Biased", "Non-biased")]
    assert data.biased_words is not None
    return LabelledData(
        [data.texts[i] for i in keep],
        [data.labels[i] for i in keep],
        [data.biased_words[i] for i in keep],
    )


def read_semeval_frames(folder: str | Path) -> tuple[list[str], list[str], list[list[str]]]:
    """SemEval-2023 Task 3 subtask 2: (article ids, texts, frame lists) in labels.tsv order."""
    root = Path(folder)
    labels = root / "labels.tsv"
    if not labels.is_file():
        raise ModelError(f"{root} has no labels.tsv; give the semeval2023_frames folder")
    ids, texts, frames = [], [], []
    for line in labels.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        article, _, names = line.partition("\t")
        ids.append(article)
        texts.append((root / "articles" / f"article{article}.txt").read_text("utf-8"))
        frames.append([n.strip() for n in names.split(",") if n.strip()])
    return ids, texts, frames
