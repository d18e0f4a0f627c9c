"""Voice: quotes, speakers and reported speech on sentences written for these tests."""

from __future__ import annotations

import pytest

from framing.annotate.voice import find_voices
from framing.document import Document


def voice_of(text: str, phrase: str, occurrence: int = 1) -> tuple[str, str | None, bool]:
    doc = Document.from_text(text)
    layer = find_voices(doc)
    start = -1
    for _ in range(occurrence):
        start = text.index(phrase, start + 1)
    return layer.voice_at(start, start + len(phrase))


@pytest.mark.parametrize(
    ("text", "phrase", "speaker"),
    [
        ("“We will fight on,” said the commander.", "fight", "the commander"),
        ('"We will fight on," Hassan said.', "fight", "Hassan"),
        ("“We will fight on,” Colonel Ali Hassan told reporters.", "fight", "Ali Hassan"),
        (
            "“We are not terrorists,” insisted a spokesman for the group.",
            "terrorists",
            "a spokesman for the group",
        ),
        ("Defence Minister Lena Ruiz said: “The border is closed.”", "border", "Lena Ruiz"),
        ("According to the mayor, “the town is calm now.”", "calm", "the mayor"),
    ],
)
def test_quote_speakers(text: str, phrase: str, speaker: str) -> None:
    assert voice_of(text, phrase) == ("quote", speaker, False)


def test_pronoun_resolves_to_latest_speaker_and_surname_to_full_name() -> None:
    text = (
        "Foreign Minister Abbas Karimi warned that the crisis would spread.\n\n"
        "“Our aim is calm,” he added.\n\n"
        "“The rebels are finished,” Karimi said."
    )
    assert voice_of(text, "aim") == ("quote", "Abbas Karimi", False)
    assert voice_of(text, "rebels") == ("quote", "Abbas Karimi", False)


def test_quote_running_across_paragraphs() -> None:
    text = (
        "“The first part of the statement runs here and the fighters are heroes.\n\n"
        "“And it goes on in the second paragraph,” the minister said.\n\n"
        "The town was quiet."
    )
    doc = Document.from_text(text)
    layer = find_voices(doc)
    speech = [q for q in layer.quotes if q.kind == "speech"]
    assert len(speech) == 1 and speech[0].continued
    assert voice_of(text, "heroes") == ("quote", "the minister", False)
    assert voice_of(text, "quiet") == ("author", None, False)


def test_unclosed_quote_is_closed_at_its_paragraph_end() -> None:
    text = "“This quote never closes and rebels fled.\n\nThe rebels returned, residents said."
    assert voice_of(text, "rebels", 1)[0] == "quote"
    assert voice_of(text, "rebels", 2)[0] == "attributed"


def test_next_quote_in_paragraph_keeps_the_speaker() -> None:
    text = "“They are terrorists,” Varga told reporters. “The so-called liberation is a lie.”"
    assert voice_of(text, "liberation") == ("quote", "Varga", False)


def test_single_quotes_inside_double_are_part_of_the_quote() -> None:
    text = "\"They call it 'liberation', but it is occupation,\" she said."
    doc = Document.from_text(text)
    layer = find_voices(doc)
    nested = [q for q in layer.quotes if q.nested]
    assert len(nested) == 1 and text[nested[0].inner_start : nested[0].inner_end] == "liberation"
    assert voice_of(text, "liberation")[0] == "quote"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ('The so-called "peace plan" failed within a week.', "peace plan"),
        ("The ‘reform’ package passed the senate on Tuesday.", "reform"),
        (
            "An al-Qaeda splinter group set up the ‘Islamic State of Iraq and Syria’ (ISIS).",
            "Islamic State",
        ),
    ],
)
def test_scare_quotes_stay_in_the_outlets_voice(text: str, phrase: str) -> None:
    assert voice_of(text, phrase) == ("author", None, True)


@pytest.mark.parametrize(
    ("text", "phrase", "speaker"),
    [
        ("The group calls its dead ‘martyrs’ in its videos.", "martyrs", "The group"),
        ('Senator Ana Ruiz called the bill "a betrayal of workers".', "betrayal", "Ana Ruiz"),
        ('The mayor described the protest as "an invasion".', "invasion", "The mayor"),
    ],
)
def test_a_phrase_a_speaker_is_said_to_use_is_their_quote(
    text: str, phrase: str, speaker: str
) -> None:
    """After "called", "described as" ...: the speaker's words, not a scare quote (issue 11)."""
    assert voice_of(text, phrase) == ("quote", speaker, False)


def test_apostrophes_are_not_quotes() -> None:
    text = "The rebels’ positions near Iran’s border were shelled, and the army's tanks moved."
    doc = Document.from_text(text)
    assert find_voices(doc).quotes == ()
    assert voice_of(text, "positions")[0] == "author"


@pytest.mark.parametrize(
    ("text", "phrase", "speaker"),
    [
        ("The ministry said rebels had shelled the city.", "rebels", "The ministry"),
        ("Rebels shelled the city, the ministry said.", "Rebels", "the ministry"),
        ("Rebels shelled the city, said the ministry.", "Rebels", "the ministry"),
        ("According to the UN, 300 people were killed by militants.", "militants", "UN"),
        ("Militants killed 300 people, according to the UN.", "Militants", "UN"),
        ("The army claimed that terrorists attacked the base.", "terrorists", "The army"),
        (
            "Opposition leader Tomas Brandt warned that the regime was collapsing.",
            "regime",
            "Tomas Brandt",
        ),
        ("Earlier this week, Karimi indicated that Tehran would send troops.", "troops", "Karimi"),
        (
            "A spokesman for the Northern Front, speaking anonymously, insisted that its fighters "
            "had liberated the town.",
            "liberated",
            "A spokesman for the Northern Front",
        ),
    ],
)
def test_reported_speech(text: str, phrase: str, speaker: str) -> None:
    assert voice_of(text, phrase) == ("attributed", speaker, False)


def test_speaker_phrase_itself_is_the_outlets_voice() -> None:
    text = "The regime's spokesman said the rebels were defeated."
    assert voice_of(text, "regime")[0] == "author"
    assert voice_of(text, "rebels")[0] == "attributed"


def test_factive_verb_keeps_content_in_the_outlets_voice() -> None:
    text = "The inquiry confirmed that the regime used chemical weapons."
    doc = Document.from_text(text)
    layer = find_voices(doc)
    assert [a.factive for a in layer.attributions] == [True]
    assert voice_of(text, "regime") == ("author", None, False)


def test_participle_continues_the_speaker() -> None:
    text = (
        "“Supplies are coming,” another official added, mentioning that rebels had "
        "“lost all their positions” near the city."
    )
    assert voice_of(text, "rebels") == ("attributed", "another official", False)
    assert voice_of(text, "lost") == ("quote", "another official", False)


def test_words_per_voice_add_up() -> None:
    text = "“Rebels fled,” he said. The army said the town was calm. Troops moved in."
    layer = find_voices(Document.from_text(text))
    w = layer.words
    assert w["quote"] == 2 and w["attributed"] == 4
    assert w["author"] + w["quote"] + w["attributed"] == w["all"]


def test_plain_narration_has_no_voice_spans() -> None:
    text = "Troops entered the city on Monday. Shops reopened on Tuesday."
    layer = find_voices(Document.from_text(text))
    assert layer.quotes == () and layer.attributions == ()


def test_no_speaker_words_between_quote_and_verb() -> None:
    text = "“There are no such companies,”\u00a0\u00a0said Haugen, a former employee."
    assert voice_of(text, "companies") == ("quote", "Haugen", False)


def test_a_regime_can_be_a_speaker() -> None:
    text = "The Marovian regime said the rebels fled."
    assert voice_of(text, "rebels") == ("attributed", "The Marovian regime", False)
    assert voice_of(text, "regime")[0] == "author"
