"""Corpus readers: folders (subfolders or a metadata file) and tables, streaming, bad records."""

from __future__ import annotations

import datetime as dt
import gzip
import importlib.util
import json
from pathlib import Path

import pytest

from framing.corpus.reader import (
    CorpusDoc,
    CorpusOptions,
    Skipped,
    count_documents,
    input_kind,
    iter_corpus,
    parse_date,
)
from framing.errors import InputError

TEXT = "Rebels seized the town on Monday, the army said."


def _docs(items: list[CorpusDoc | Skipped]) -> list[CorpusDoc]:
    return [d for d in items if isinstance(d, CorpusDoc)]


def _skipped(items: list[CorpusDoc | Skipped]) -> list[Skipped]:
    return [d for d in items if isinstance(d, Skipped)]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for outlet, n in (("alpha", 2), ("beta", 1)):
        (root / outlet).mkdir(parents=True)
        for i in range(n):
            (root / outlet / f"{i}.txt").write_text(f"{TEXT} Story {i}.", encoding="utf-8")
    return root


def test_folder_groups_are_subfolders(folder: Path) -> None:
    items = list(iter_corpus([folder]))
    docs = _docs(items)
    assert [(d.group, d.id) for d in docs] == [
        ("alpha", "alpha/0.txt"),
        ("alpha", "alpha/1.txt"),
        ("beta", "beta/0.txt"),
    ]
    assert [d.index for d in docs] == [0, 1, 2]
    assert count_documents([folder]) == 3


def test_folder_skips_bad_files_and_files_without_group(folder: Path) -> None:
    (folder / "alpha" / "empty.txt").write_bytes(b"")
    (folder / "loose.txt").write_text(TEXT, encoding="utf-8")
    items = list(iter_corpus([folder]))
    reasons = sorted(s.reason for s in _skipped(items))
    assert reasons == ["no group", "unreadable file"]
    assert len(_docs(items)) == 3
    message = next(s.message for s in _skipped(items) if s.reason == "no group")
    assert "folder named after its outlet" in message


def test_sidecar_metadata_sets_group_date_title(folder: Path) -> None:
    (folder / "metadata.csv").write_text(
        "path,outlet,date,title\n"
        "alpha/0.txt,Alpha Daily,2024-03-04,First\n"
        "beta/0.txt,,03/05/2024,Second\n"
        "gone/9.txt,Gamma,2024-01-01,Missing\n",
        encoding="utf-8",
    )
    items = list(iter_corpus([folder]))
    docs = {d.id: d for d in _docs(items)}
    assert docs["alpha/0.txt"].group == "Alpha Daily"
    assert docs["alpha/0.txt"].date == dt.date(2024, 3, 4)
    assert docs["alpha/0.txt"].title == "First"
    assert docs["beta/0.txt"].group == "beta"  # empty outlet in the sidecar: the subfolder
    assert docs["beta/0.txt"].date == dt.date(2024, 3, 5)
    assert docs["alpha/1.txt"].date is None
    assert [s.reason for s in _skipped(items)] == ["missing file"]


def test_jsonl_metadata_named_explicitly(tmp_path: Path, folder: Path) -> None:
    meta = tmp_path / "meta.jsonl"
    meta.write_text(json.dumps({"path": "beta/0.txt", "source": "B"}) + "\n", encoding="utf-8")
    options = CorpusOptions(group_column="source", metadata=str(meta))
    docs = _docs(list(iter_corpus([folder], options)))
    assert [d.group for d in docs] == ["alpha", "alpha", "B"]


def test_csv_columns_and_bad_records(tmp_path: Path) -> None:
    csv = tmp_path / "news.csv"
    csv.write_text(
        "id,body,source,when\n"
        f'a1,"{TEXT}",sana,4/5/2017\n'
        "a2,,sana,4/6/2017\n"
        f'a3,"{TEXT}",,4/7/2017\n'
        f'a4,"{TEXT}",reuters,not a date\n'
        f'a5,"{TEXT}",reuters\n',
        encoding="utf-8",
    )
    options = CorpusOptions(
        text_column="body", group_column="source", date_column="when", id_column="id"
    )
    items = list(iter_corpus([csv], options))
    docs = _docs(items)
    assert [(d.id, d.group, d.date) for d in docs] == [
        ("a1", "sana", dt.date(2017, 4, 5)),
        ("a4", "reuters", None),
    ]
    assert docs[1].bad_date
    assert sorted(s.reason for s in _skipped(items)) == ["bad CSV row", "empty text", "no group"]


def test_tsv_gzip_and_several_inputs_keep_order(tmp_path: Path) -> None:
    tsv = tmp_path / "a.tsv.gz"
    with gzip.open(tsv, "wt", encoding="utf-8") as fh:
        fh.write(f"text\toutlet\n{TEXT}\tone\n{TEXT} Again.\ttwo\n")
    jsonl = tmp_path / "b.jsonl"
    jsonl.write_text(
        json.dumps({"text": TEXT, "outlet": "three"}) + "\n{not json\n[1, 2]\n",
        encoding="utf-8",
    )
    assert input_kind(tsv) == "tsv" and input_kind(jsonl) == "jsonl"
    items = list(iter_corpus([tsv, jsonl]))
    docs = _docs(items)
    assert [(d.index, d.group) for d in docs] == [(0, "one"), (1, "two"), (2, "three")]
    assert [s.reason for s in _skipped(items)] == ["bad JSON line", "bad JSON line"]
    assert count_documents([tsv]) is None


def test_missing_column_is_an_error_that_names_the_option(tmp_path: Path) -> None:
    csv = tmp_path / "x.csv"
    csv.write_text(f"article_content,source\n{TEXT},sana\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"no column 'text'.*--text-column"):
        list(iter_corpus([csv]))
    with pytest.raises(InputError, match=r"no column 'outlet'.*--group-column"):
        list(iter_corpus([csv], CorpusOptions(text_column="article_content")))


def test_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(iter_corpus([tmp_path / "nope.csv"]))
    article = tmp_path / "one.txt"
    article.write_text(TEXT, encoding="utf-8")
    with pytest.raises(InputError, match="single article"):
        list(iter_corpus([article]))
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no article files"):
        list(iter_corpus([tmp_path / "empty"]))
    bad = tmp_path / "latin.csv"
    bad.write_bytes("text,outlet\ncaf\xe9 \u00e9t\u00e9,x\n".encode("latin-1"))
    with pytest.raises(InputError, match="--encoding"):
        list(iter_corpus([bad]))
    assert _docs(list(iter_corpus([bad], CorpusOptions(encoding="latin-1"))))[0].text == (
        "café été"
    )


@pytest.mark.skipif(importlib.util.find_spec("pyarrow") is None, reason="pyarrow not installed")
def test_parquet(tmp_path: Path) -> None:
    import pandas as pd

    path = tmp_path / "x.parquet"
    pd.DataFrame(
        {"text": [TEXT, ""], "outlet": ["a", "b"], "date": ["2020-01-02", None]}
    ).to_parquet(path)
    items = list(iter_corpus([path], CorpusOptions(date_column="date")))
    assert [(d.group, d.date) for d in _docs(items)] == [("a", dt.date(2020, 1, 2))]
    assert count_documents([path]) == 2


def test_parse_date() -> None:
    assert parse_date("2017-04-05T10:00:00Z") == dt.date(2017, 4, 5)
    assert parse_date("4/5/2017") == dt.date(2017, 4, 5)
    assert parse_date("5 April 2017") == dt.date(2017, 4, 5)
    assert parse_date("05.04.2017", "%d.%m.%Y") == dt.date(2017, 4, 5)
    assert parse_date("") is None and parse_date(None) is None
    with pytest.raises(ValueError):
        parse_date("yesterday")
