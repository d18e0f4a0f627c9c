"""The classroom glossary: curated examples, coverage of the articles, the CLI option."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from framing import analyze
from framing.classroom.glossary import classroom_glossary, examples
from framing.classroom.readability import flesch_kincaid_grade
from framing.cli import cli
from framing.lexicon.matcher import compile_matcher
from framing.lexicon.registry import data_dir, load_lexicons

from .conftest import DATA, ROOT

ARTICLES = [
    ROOT / "framing" / "demo" / "article.txt",
    DATA / "classroom" / "port_a.txt",
    DATA / "classroom" / "port_b.txt",
]


def test_every_example_shows_its_term() -> None:
    lexicons = load_lexicons()
    rows = classroom_glossary(lexicons)
    assert len(rows) == len(examples()) >= 120
    matcher = compile_matcher(lexicons)
    for r in rows:
        hits = matcher.find(r.example)
        assert any(h.entry is r.entry for h in hits), (r.term, r.example)
        assert r.signals and r.example.endswith((".", "!", "?"))
    assert len({(r.lexicon, r.term) for r in rows}) == len(rows)  # no duplicates
    for name in ("conflict", "political", "sourcing"):
        assert sum(r.lexicon == name for r in rows) >= 20


def test_signals_read_easily() -> None:
    rows = classroom_glossary(load_lexicons())
    text = " ".join(r.signals for r in rows)
    assert flesch_kincaid_grade(text) <= 8.0


def _loaded_terms(path: Path) -> set[tuple[str, str]]:
    return {(m.lexicon, m.term) for m in analyze(path).matches if m.loaded}


def test_covers_the_terms_of_our_articles() -> None:
    covered = {(r.lexicon, r.term) for r in classroom_glossary(load_lexicons())}
    for path in ARTICLES:
        missing = _loaded_terms(path) - covered
        assert not missing, (path.name, missing)


@pytest.mark.shared
def test_covers_the_terms_of_the_example_article(example_article: Path) -> None:
    covered = {(r.lexicon, r.term) for r in classroom_glossary(load_lexicons())}
    assert not _loaded_terms(example_article) - covered


def test_data_is_not_a_lexicon() -> None:
    """The curated file sits in a subfolder, so the registry does not list it as a lexicon."""
    assert (data_dir() / "classroom" / "glossary.csv").is_file()
    assert "glossary" not in {p.stem for p in data_dir().glob("*.tsv")}


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_glossary_cli_classroom(fmt: str) -> None:
    result = CliRunner().invoke(cli, ["lexicon", "glossary", "--audience", "classroom", "-f", fmt])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Words to watch" in out
    assert "Militants fired rockets at the airport on Sunday." in out
    if fmt == "md":
        assert "| militant | Paints fighters as extreme." in out
    else:
        assert "<td><strong>militant</strong></td>" in out


def test_glossary_cli_user_lexicon_without_examples() -> None:
    mini = str(DATA / "lexicons" / "mini.tsv")
    result = CliRunner().invoke(cli, ["lexicon", "glossary", "--audience", "classroom", "-l", mini])
    assert result.exit_code == 1
    assert result.output.startswith("Error: no classroom examples for the lexicons mini;")
