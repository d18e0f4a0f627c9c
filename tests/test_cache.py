"""The SQLite cache of count records: round trip, keys, damage, and a growing corpus."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

import framing
from framing.analysis import AnalysisOptions
from framing.corpus import run as counting
from framing.corpus.cache import CountCache, config_key, text_hash
from framing.corpus.counts import count_text
from framing.corpus.reader import iter_corpus
from framing.corpus.run import RunOptions, analysis_config, code_files, count_corpus
from framing.errors import FramingError
from framing.lexicon.registry import load_lexicons

TEXT = '"These terrorists must go," the governor said. Rebels seized the town.'


@pytest.fixture(scope="module")
def record():  # type: ignore[no-untyped-def]
    return count_text(TEXT, load_lexicons(), actors=False)


def test_round_trip(tmp_path: Path, record) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "c" / "counts.sqlite"
    with CountCache(path, "cfg") as cache:
        assert cache.get(text_hash(TEXT)) is None
        cache.put(text_hash(TEXT), record)
    with CountCache(path, "cfg") as cache:
        again = cache.get(text_hash(TEXT))
        assert again == record
        assert len(cache) == 1 and cache.hits == 1
    with CountCache(path, "other config") as cache:
        assert cache.get(text_hash(TEXT)) is None


def test_config_key_changes_with_lexicons_and_options() -> None:
    lexicons = load_lexicons()
    base = analysis_config(lexicons, AnalysisOptions(), actors=False)
    assert base["framing_version"] and base["count_schema"] >= 1 and len(base["code"]) == 64
    assert config_key(base) == config_key(dict(reversed(list(base.items()))))
    assert config_key(base) != config_key(
        analysis_config(lexicons, AnalysisOptions(sentiment="vader"), actors=False)
    )
    assert config_key(base) != config_key(
        analysis_config(lexicons[:1], AnalysisOptions(), actors=False)
    )


def test_cache_key_hashes_every_module_of_the_package() -> None:
    package = Path(framing.__file__).resolve().parent
    hashed = {p.relative_to(package).as_posix() for p in code_files()}
    modules = {p.relative_to(package).as_posix() for p in package.rglob("*.py")}
    grammar = {
        p.relative_to(package).as_posix()
        for p in (package / "lexicon" / "grammar").iterdir()
        if p.suffix in (".tsv", ".txt")
    }
    assert hashed == modules | grammar
    # the grammar word lists decide speakers and voices as much as the modules do
    assert {"lexicon/grammar/speech_cues.tsv", "lexicon/grammar/titles.tsv"} <= hashed
    # the speaker grammar, actor names and labels, and safe reading: once left out of the key
    assert {
        "annotate/attribution.py",
        "annotate/actor_labels.py",
        "annotate/actor_names.py",
        "io.py",
    } <= hashed


def test_a_change_to_any_module_changes_the_cache_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = Path(framing.__file__).resolve().parent
    copy = tmp_path / "framing"
    for path in code_files():
        target = copy / path.relative_to(package)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    lexicons = load_lexicons()
    real = config_key(analysis_config(lexicons, AnalysisOptions(), actors=True))
    monkeypatch.setattr(counting, "PACKAGE_ROOT", copy)
    assert config_key(analysis_config(lexicons, AnalysisOptions(), actors=True)) == real
    attribution = copy / "annotate" / "attribution.py"
    attribution.write_text(attribution.read_text(encoding="utf-8") + "\n# a new speech verb\n")
    assert config_key(analysis_config(lexicons, AnalysisOptions(), actors=True)) != real
    shutil.copyfile(package / "annotate" / "attribution.py", attribution)
    fingerprint = counting.code_fingerprint(copy)
    for path in code_files(copy):  # every module, one at a time
        source = path.read_bytes()
        path.write_bytes(source + b"\n")
        assert counting.code_fingerprint(copy) != fingerprint, path
        path.write_bytes(source)
    assert counting.code_fingerprint(copy) == fingerprint


def test_damaged_row_is_a_miss_and_damaged_file_an_error(tmp_path: Path, record) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "counts.sqlite"
    with CountCache(path, "cfg") as cache:
        cache.put("h", record)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE records SET payload = x'00ff'")
    with CountCache(path, "cfg") as cache:
        assert cache.get("h") is None
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(FramingError, match="--no-cache"):
        CountCache(junk, "cfg")


def test_grown_corpus_analyses_only_new_documents(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "a").mkdir(parents=True)
    (corpus / "b").mkdir()
    for i in range(3):
        (corpus / "a" / f"{i}.txt").write_text(f"Militants attacked post {i}.", encoding="utf-8")
    lexicons = load_lexicons()
    key = config_key(analysis_config(lexicons, AnalysisOptions(), actors=True))
    path = tmp_path / "counts.sqlite"
    run = RunOptions(jobs=1)
    with CountCache(path, key) as cache:
        first = count_corpus(iter_corpus([corpus]), lexicons, run=run, cache=cache)
    assert (first.analysed, first.cache_hits) == (3, 0)
    (corpus / "b" / "new.txt").write_text("Rebels held the bridge.", encoding="utf-8")
    with CountCache(path, key) as cache:
        second = count_corpus(iter_corpus([corpus]), lexicons, run=run, cache=cache)
    assert (second.analysed, second.cache_hits) == (1, 3)
    a, b = first.tables(), second.tables()
    assert (a.words == b.words[:3]).all()
    assert b.groups == ("a", "b")
