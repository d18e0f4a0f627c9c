from __future__ import annotations

from pathlib import Path

import pytest

from framing.errors import LexiconError
from framing.lexicon.format import expand_pattern, read_lexicon, validate_lexicon
from framing.lexicon.registry import load_lexicon, load_lexicons

from .conftest import DATA

MINI = DATA / "lexicons" / "mini.tsv"
BROKEN = DATA / "lexicons" / "broken.tsv"


def test_expand_pattern_alternations() -> None:
    assert expand_pattern("terrorist{|s}") == ["terrorist", "terrorists"]
    assert expand_pattern("backed by {the |}{US|U.S.}") == [
        "backed by the US",
        "backed by the U.S.",
        "backed by US",
        "backed by U.S.",
    ]


@pytest.mark.parametrize("bad", ["a{b|c", "a{b{c}}", "x}"])
def test_expand_pattern_rejects_bad_braces(bad: str) -> None:
    with pytest.raises(ValueError):
        expand_pattern(bad)


def test_expansion_limit() -> None:
    with pytest.raises(ValueError, match="more than 256"):
        expand_pattern("{a|b|c|d}{a|b|c|d}{a|b|c|d}{a|b|c|d}{a|b}")


def test_mini_lexicon_reads_with_card() -> None:
    lex = read_lexicon(MINI)
    assert lex.name == "mini" and lex.version == "0.1" and len(lex) == 12
    us = next(e for e in lex if e.term == "US-backed")
    assert "backed by the United States" in us.forms and "U.S.-backed" in us.forms
    militant = next(e for e in lex if e.term == "militant")
    assert militant.avoid == (
        "militant union",
        "militant unions",
        "militant trade union",
        "militant trade unions",
    )
    assert len(lex.sha256) == 64


def test_hash_changes_with_content(tmp_path: Path) -> None:
    copy = tmp_path / "mini.tsv"
    copy.write_text(MINI.read_text(encoding="utf-8").replace("0.9", "0.8"), encoding="utf-8")
    (tmp_path / "mini.toml").write_text((MINI.with_suffix(".toml")).read_text(), encoding="utf-8")
    assert read_lexicon(copy).sha256 != read_lexicon(MINI).sha256


def test_validate_reports_every_problem_with_line() -> None:
    problems = [str(p) for p in validate_lexicon(BROKEN)]
    path = str(BROKEN)
    assert (
        f"{path}:3: direction 'sideways' must be one of delegitimizing, legitimizing, neutral"
        in problems
    )
    assert f"{path}:4: weight 'heavy' is not a number" in problems
    assert f"{path}:5: empty rationale" in problems
    assert f"{path}:6: loaded 'maybe' must be true or false" in problems
    assert f"{path}:7: form 'good' is already an entry's form on line 2" in problems
    assert f"{path}:8: 7 fields but the header has 6" in problems
    assert len(problems) == 6


def test_read_broken_lexicon_raises_with_hint() -> None:
    with pytest.raises(LexiconError, match=r"and 3 more\)\. Run 'framing lexicon validate"):
        read_lexicon(BROKEN)


def test_category_must_be_in_card(tmp_path: Path) -> None:
    tsv = tmp_path / "x.tsv"
    tsv.write_text(
        "term\tcategory\tdirection\tweight\tloaded\trationale\n"
        "foo\tnope\tneutral\t0.1\tfalse\tA reason.\n",
        encoding="utf-8",
    )
    (tmp_path / "x.toml").write_text(
        'name = "x"\nversion = "1"\nlicense = "CC0-1.0"\ndescription = "d"\n'
        '[categories]\nactor = "labels"\n',
        encoding="utf-8",
    )
    assert [str(p) for p in validate_lexicon(tsv)] == [
        f"{tsv}:2: category 'nope' is not defined in the card"
    ]


def test_missing_header_columns(tmp_path: Path) -> None:
    tsv = tmp_path / "y.tsv"
    tsv.write_text("term\tcategory\nfoo\tbar\n", encoding="utf-8")
    problems = [str(p) for p in validate_lexicon(tsv)]
    assert problems == [f"{tsv}:1: header lacks columns: direction, weight, loaded, rationale"]


def test_not_utf8_lexicon(tmp_path: Path) -> None:
    tsv = tmp_path / "z.tsv"
    tsv.write_bytes(b"term\tcategory\tdirection\tweight\tloaded\trationale\nna\xefve\n")
    assert [p.message for p in validate_lexicon(tsv)] == ["lexicon file is not valid UTF-8"]


def test_unknown_lexicon_name() -> None:
    with pytest.raises(LexiconError, match="unknown lexicon 'nosuch'"):
        load_lexicon("nosuch")


def test_two_lexicons_with_one_name() -> None:
    with pytest.raises(LexiconError, match="two lexicons are named 'mini'"):
        load_lexicons([MINI, MINI])


def test_packaged_lexicons_validate_and_share_no_form() -> None:
    from framing.lexicon.matcher import match_key
    from framing.lexicon.registry import data_dir, packaged_names

    owners: dict[tuple[str, str], str] = {}
    clashes = []
    total = 0
    for name in packaged_names():
        assert validate_lexicon(data_dir() / f"{name}.tsv") == []
        lex = load_lexicon(name)
        total += len(lex)
        for entry in lex:
            assert entry.rationale and entry.category in lex.categories
            for form in entry.forms:
                key = (match_key(form).strip(), entry.case)
                if owners.setdefault(key, name) != name:
                    clashes.append((key, owners[key], name))
    assert clashes == []
    assert total >= 1500
