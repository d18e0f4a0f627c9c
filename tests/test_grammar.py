"""The grammar's word lists (framing/lexicon/grammar): one home, read once, used by both layers."""

from __future__ import annotations

from importlib.resources import files

import pytest

from framing.annotate.actor_names import actor_key
from framing.annotate.attribution import cue_keys
from framing.annotate.voice import find_voices
from framing.document import Document
from framing.lexicon.grammar import name_words, negators, speech_cues, titles


def data_rows(name: str) -> list[tuple[str, ...]]:
    text = files("framing.lexicon.grammar").joinpath(name).read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [tuple(row.split("\t")) for row in (rows[1:] if "\t" in rows[0] else rows)]


@pytest.mark.parametrize(
    ("name", "key_columns"),
    [("titles.tsv", 1), ("speech_cues.tsv", 1), ("negators.txt", 1), ("name_words.tsv", 2)],
)
def test_each_list_is_lowercase_without_duplicates(name: str, key_columns: int) -> None:
    rows = data_rows(name)
    keys = [row[:key_columns] for row in rows]
    assert len(keys) == len(set(keys)), name
    assert all(row[0] == row[0].lower() == row[0].strip() for row in rows), name


def test_one_title_list_with_two_roles() -> None:
    people, office = titles("title"), titles("office")
    assert {"imam", "pope", "brigadier", "president", "gen", "dr"} <= people
    assert {"state", "national", "army", "security", "affairs"} <= office
    assert not people & office
    assert titles() == people | office
    assert titles() is titles()  # parsed once
    with pytest.raises(ValueError, match="unknown title role 'bishop'"):
        titles("bishop")  # type: ignore[arg-type]


def test_speech_cues_and_negators() -> None:
    cues = {c.cue: c for c in speech_cues()}
    assert cues["said"].kind == "verb" and cues["said"].bare_clause and not cues["said"].factive
    assert cues["confirmed"].factive and cues["confirmed"].bare_clause
    assert not cues["pledged"].bare_clause
    assert cues["adding"].kind == "participle"
    assert cues["according to"].kind == "according"
    assert {payload[2] for payload in cue_keys().values()} == set(cues)
    assert {"not", "without", "n't"} <= set(negators())


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Imam Tarek Halabi said the talks had failed.", "Tarek Halabi"),
        ("Brigadier Sami Aoun said the road was open.", "Sami Aoun"),
        ("Gen. Rana Aziz said the town had fallen.", "Rana Aziz"),
        ("Secretary of State Mira Cole said the deal was close.", "Mira Cole"),
        ("Foreign Affairs Minister Omar Vale said the talks would resume.", "Omar Vale"),
    ],
)
def test_speaker_phrases_drop_titles_and_office_words(text: str, speaker: str) -> None:
    (attribution,) = find_voices(Document.from_text(text)).attributions
    assert attribution.speaker == speaker


def test_actor_names_strip_titles_but_not_office_words() -> None:
    assert actor_key("Imam Tarek Halabi") == "tarek halabi"
    assert actor_key("Brigadier Sami Aoun") == "sami aoun"
    # office words open organisation names: they stay part of the name
    assert actor_key("State Department") == "state department"
    assert (
        actor_key("National Liberation Front of Velmora") == "national liberation front of velmora"
    )
    assert actor_key("Army of the Northern Valley") == "army of the northern valley"


def test_words_around_names() -> None:
    assert {"al", "el"} <= name_words("particle") and "al" in name_words("connector")
    assert {"bin", "of", "van"} <= name_words("connector")
    assert {"monday", "sept", "december"} <= name_words("date")
    assert {"front", "brigade", "observatory"} <= name_words("org_head")
    with pytest.raises(ValueError, match="unknown name-word role 'title'"):
        name_words("title")  # type: ignore[arg-type]
    # what they do: a particle does not change a key; a connector joins a name's words
    assert actor_key("Jabhat Fatah al-Sham") == actor_key("Jabhat Fatah Sham")
