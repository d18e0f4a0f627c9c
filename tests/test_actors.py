"""Actors and their labels: keys, aliases, every kind of label, voice and speaker."""

from __future__ import annotations

import json

import pytest

from framing import analyze
from framing.annotate import actor_names
from framing.annotate.actors import (
    KINDS,
    UNNAMED_ARMED,
    ActorLayer,
    actor_key,
    find_actors,
    link_keys,
    speaker_side,
)
from framing.errors import FramingError, LexiconError
from framing.lexicon import textblob_data

from .conftest import shared_path


def labels(text: str) -> list[tuple[str, str, str, str, str, str | None]]:
    """(key, label, surface, kind, voice, speaker) of every label in `text`."""
    layer = find_actors(analyze(text))
    return [(x.key, x.label, x.text, x.kind, x.voice, x.speaker) for x in layer.labels]


@pytest.mark.parametrize(
    "names",
    [
        ["HTS", "Hayat Tahrir al-Sham", "Hayat Tahrir-al-Sham", "hayat tahrir al sham"],
        [
            "Assad",
            "Bashar Assad",
            "Bashar al-Assad",
            "President Assad",
            "President Bashar al-Assad",
        ],
        ["Damascus", "Syria", "Syrian", "the Syrian Arab Republic"],
        ["US", "U.S.", "United States", "Washington", "American"],
        ["Islamic State", "ISIS", "ISIL", "Daesh", "Islamic State of Iraq and Syria"],
    ],
)
def test_actor_key_joins_aliases(names: list[str]) -> None:
    keys = {actor_key(n) for n in names}
    assert len(keys) == 1, keys


def test_actor_key_pinned_values() -> None:
    assert actor_key("Hayat Tahrir-al-Sham") == "hts"
    assert actor_key("President Assad") == "bashar al-assad"
    assert actor_key("Tehran") == "iran"
    assert actor_key("the Northern Valley Front") == "northern valley front"
    assert actor_key("Iranian Foreign Minister Abbas Araghchi") == "abbas araghchi"
    assert actor_key("Lina Haddad’s") == "lina haddad"
    assert actor_key("Abu Yusuf al-Halabi") == actor_key("Abu Yusuf Halabi") == "abu yusuf halabi"


def test_premodifier() -> None:
    assert labels("HTS militants seized the town.") == [
        ("hts", "militant", "militants", "premodifier", "author", None)
    ]
    assert labels("The Syrian regime denied the report.") == [
        ("syria", "regime", "regime", "premodifier", "author", None)
    ]


def test_premodifiers_of_an_unnamed_group() -> None:
    assert labels("US-backed Kurdish militias attacked the base.") == [
        ("unnamed kurdish armed groups", "US-backed", "US-backed", "premodifier", "author", None),
        ("unnamed kurdish armed groups", "Kurdish", "Kurdish", "premodifier", "author", None),
        ("unnamed kurdish armed groups", "militia", "militias", "head", "author", None),
    ]


def test_appositive_and_acronym_definition() -> None:
    layer = find_actors(
        analyze("The Northern Valley Front (NVF), an al-Qaeda affiliate, launched an offensive.")
    )
    assert [(x.key, x.label, x.kind) for x in layer.labels] == [
        ("nvf", "al-Qaeda affiliate", "appositive")
    ]
    assert layer.aliases["nvf"] == ("Northern Valley Front", "NVF")
    assert layer.names["nvf"] == "Northern Valley Front (NVF)"
    assert layer.types["nvf"] == "group"
    assert layer.labels[0].actor == "Northern Valley Front (NVF)"
    reverse = find_actors(analyze("NVF (Northern Valley Front) took the town."))
    assert reverse.aliases["nvf"] == ("NVF", "Northern Valley Front")


def test_postmodifier() -> None:
    assert labels("Militants backed by the US attacked the base.") == [
        (UNNAMED_ARMED, "militant", "Militants", "head", "author", None),
        (UNNAMED_ARMED, "US-backed", "backed by the US", "postmodifier", "author", None),
    ]
    assert labels("HTS, which is linked to al-Qaeda, holds Idlib.") == [
        ("hts", "linked to", "linked to", "postmodifier", "author", None)
    ]
    assert labels("The regime in Damascus denied the report.") == [
        ("syria", "regime", "regime", "postmodifier", "author", None)
    ]


def test_predicate() -> None:
    expected = [("hts", "terrorist organization", "terrorist organization", "predicate")]
    assert [x[:4] for x in labels("HTS is a terrorist organization.")] == expected
    assert [x[:4] for x in labels("Washington designated HTS a terrorist organization.")] == (
        expected
    )
    assert labels("HTS is not a terrorist organization.") == []  # negated: not a label


def test_quoted_label_keeps_voice_and_speaker() -> None:
    text = '"The NVF are freedom fighters," said Dana Ilic, a spokeswoman for the NVF.'
    layer = find_actors(analyze(text))
    assert [(x.key, x.label, x.kind, x.voice, x.speaker) for x in layer.labels] == [
        ("nvf", "freedom fighter", "predicate", "quote", "Dana Ilic")
    ]
    assert layer.affiliations == {"dana ilic": "nvf"}
    assert speaker_side("Dana Ilic", layer) == "nvf"


def test_definite_head_refers_back_to_a_recent_group() -> None:
    assert labels("The Valley Front (VF) attacked the town. The rebels later withdrew.") == [
        ("vf", "rebel", "rebels", "head", "author", None)
    ]
    # without a group named in the sentences before, the label goes to the unnamed key
    assert labels("Rebels attacked the town. The rebels later withdrew.")[1][:4] == (
        UNNAMED_ARMED,
        "rebel",
        "rebels",
        "head",
    )


def test_the_regime_refers_to_the_state_named_before() -> None:
    text = "Marovia's army shelled the town of Kessen. The regime denied it."
    assert [x[:4] for x in labels(text)] == [
        ("marovia", "army", "army", "premodifier"),
        ("marovia", "regime", "regime", "head"),
    ]


def test_place_adjective_and_surname_join_their_actor() -> None:
    text = (
        "Marovia closed the border. The Marovian government said Lina Haddad was arrested. "
        "Haddad is a journalist."
    )
    layer = find_actors(analyze(text))
    keys = {m.text: m.key for m in layer.mentions}
    assert keys["Marovian"] == keys["Marovia"] == "marovia"
    assert keys["Haddad"] == keys["Lina Haddad"] == "lina haddad"
    assert [(x.key, x.label) for x in layer.labels] == [("marovia", "government")]


def test_name_that_is_a_label() -> None:
    assert labels("Daesh fighters attacked the village.") == [
        ("isis", "Daesh", "Daesh", "name", "author", None),
        ("isis", "fighters", "fighters", "premodifier", "author", None),
    ]


def test_lowercase_term_inside_a_name_is_not_a_label() -> None:
    # political:sham matches "Sham", but here it is part of a name
    layer = find_actors(analyze("Fighters of Ahrar al-Sham entered the town."))
    assert [(x.key, x.label, x.kind) for x in layer.labels] == [
        ("ahrar al-sham", "fighters", "postmodifier")
    ]


def test_every_kind_is_documented() -> None:
    assert set(KINDS) == {"premodifier", "appositive", "postmodifier", "predicate", "head", "name"}


def test_layer_to_dict_is_json_safe_and_deterministic() -> None:
    text = "HTS militants seized Aleppo, the Syrian army said."
    first = find_actors(analyze(text)).to_dict()
    assert json.loads(json.dumps(first)) == first == find_actors(analyze(text)).to_dict()
    assert set(first) == {"mentions", "labels", "aliases", "names", "types", "affiliations"}
    assert first["labels"][0] == {
        "key": "hts",
        "actor": "Hayat Tahrir al-Sham (HTS)",
        "label": "militant",
        "text": "militants",
        "kind": "premodifier",
        "start": 4,
        "end": 13,
        "voice": "attributed",
        "speaker": "the Syrian army",
        "category": "armed_actor_label",
        "direction": "delegitimizing",
        "loaded": True,
    }


def test_link_keys_across_documents() -> None:
    layers = [
        find_actors(analyze(t))
        for t in (
            "The Northern Valley Front (NVF) took the town, Dana Ilic said.",
            "NVF rebels took the town. Ilic said they would stay.",
            "The Northern Valley Front took the town.",
        )
    ]
    keys = link_keys(layers)
    assert keys["northern valley front"] == keys["nvf"] == "nvf"
    assert keys["ilic"] == keys["dana ilic"] == "dana ilic"
    assert all(isinstance(layer, ActorLayer) for layer in layers)


def test_speaker_side_from_adjective_and_title() -> None:
    text = (
        "Iran's Foreign Minister Abbas Araghchi warned of a plot. "
        "A senior Iranian official said troops were ready."
    )
    layer = find_actors(analyze(text))
    assert speaker_side("Abbas Araghchi", layer) == "iran"
    assert speaker_side("A senior Iranian official", layer) == "iran"
    assert speaker_side("residents", layer) is None


def test_user_lexicon_without_label_categories() -> None:
    from .conftest import DATA

    analysis = analyze("Militants seized the town.", lexicons=[DATA / "lexicons" / "mini.tsv"])
    layer = find_actors(analysis)
    assert all(x.category in {"armed_actor_label"} for x in layer.labels) or not layer.labels


@pytest.mark.shared
def test_example_article_labels() -> None:
    layer = find_actors(analyze(shared_path("examples", "iran_syria_support.txt")))
    found = {(x.key, x.label, x.kind, x.voice, x.speaker) for x in layer.labels}
    assert {
        ("hts", "al-Qaeda affiliate", "appositive", "author", None),
        ("hts", "militant", "premodifier", "author", None),
        (UNNAMED_ARMED, "US-backed", "postmodifier", "author", None),
        ("unnamed kurdish armed groups", "US-backed", "premodifier", "author", None),
        ("unnamed kurdish armed groups", "militia", "head", "author", None),
        ("hezbollah", "militia", "premodifier", "author", None),
        ("syria", "government", "premodifier", "quote", "Abbas Araghchi"),
        ("bashar al-assad", "government", "premodifier", "author", None),
        ("isis", "Islamic State", "name", "author", None),
    } <= found
    assert not any(x.label == "sham" for x in layer.labels)  # "Tahrir-al-Sham" is a name
    assert layer.affiliations["abbas araghchi"] == "iran"
    assert layer.aliases["hts"] == ("Hayat Tahrir-al-Sham", "HTS")


def test_missing_brill_lexicon_is_a_framing_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textblob_data.importlib.util, "find_spec", lambda name: None)
    actor_names._brill.cache_clear()
    try:
        with pytest.raises(LexiconError, match=r"textblob/en/en-lexicon\.txt was not found") as err:
            actor_names.word_class("militants")
        assert isinstance(err.value, FramingError)
    finally:
        monkeypatch.undo()
        actor_names._brill.cache_clear()
    assert actor_names.word_class("militants") == "N"
