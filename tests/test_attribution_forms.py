"""How news attributes words, one construction at a time, on sentences we wrote ourselves.

Each case names the words that must be in the speaker's voice (a direct quote or reported
speech) and who the speaker is; the speaker rules at the end say what is never a speaker.
"""

from __future__ import annotations

import pytest

from framing.annotate.voice import VoiceLayer, find_voices
from framing.document import Document


def voice(text: str, phrase: str) -> tuple[str, str | None]:
    layer: VoiceLayer = find_voices(Document.from_text(text))
    start = text.index(phrase)
    kind, speaker, _ = layer.voice_at(start, start + len(phrase))
    return kind, speaker


STATEMENTS = [
    ("Mayor Lina Ortiz said the bridge would reopen in May.", "bridge would reopen", "Lina Ortiz"),
    ("The bridge would reopen in May, Mayor Lina Ortiz said.", "bridge would reopen", "Lina Ortiz"),
    ("The bridge, Mayor Lina Ortiz said, would reopen in May.", "would reopen", "Lina Ortiz"),
    (
        "The bridge would reopen in May, said Lina Ortiz, the mayor of Dunmore.",
        "reopen",
        "Lina Ortiz",
    ),
    ("Ortiz told reporters the bridge was safe.", "bridge was safe", "Ortiz"),
    ("Ortiz added that the repairs were on budget.", "repairs were on budget", "Ortiz"),
    ("Ortiz argued that the levy was fair.", "levy was fair", "Ortiz"),
    ("Ortiz insisted the levy was fair.", "levy was fair", "Ortiz"),
    ("Ortiz accused the council of a reckless cover-up.", "reckless cover-up", "Ortiz"),
    ("Ortiz called the council's plan a disgrace.", "disgrace", "Ortiz"),
    ("Ortiz described the audit as a witch hunt.", "witch hunt", "Ortiz"),
    ("Ortiz warned that the dam could fail.", "dam could fail", "Ortiz"),
    ("Ortiz urged residents to leave the valley.", "leave the valley", "Ortiz"),
    ("Ortiz vowed to fight the ruling.", "fight the ruling", "Ortiz"),
    ("Ortiz pledged to repeal the levy.", "repeal the levy", "Ortiz"),
    ("Ortiz denied that the audit had found fraud.", "audit had found fraud", "Ortiz"),
    ("Ortiz conceded that the plan had failed.", "plan had failed", "Ortiz"),
    (
        "Rep. Omar Diaz, a Democrat from Ohio, said the bill was a sham.",
        "bill was a sham",
        "Omar Diaz",
    ),
    ("Sen. Ada Kerr (R-Utah) said the bill was a sham.", "bill was a sham", "Ada Kerr"),
    ("The bill is a sham, Sen. Ada Kerr (R-Utah) said on Friday.", "bill is a sham", "Ada Kerr"),
]

BELIEFS = [
    ("Ortiz believes the audit was rigged.", "audit was rigged", "Ortiz"),
    ("Ortiz thinks the levy is unfair.", "levy is unfair", "Ortiz"),
    ("Ortiz wants to abolish the levy.", "abolish the levy", "Ortiz"),
    ("Ortiz hopes the strike will end soon.", "strike will end soon", "Ortiz"),
    ("Farmers fear the drought will ruin the harvest.", "drought will ruin", "Farmers"),
    ("Economists expect prices to fall.", "prices to fall", "Economists"),
    ("Ortiz plans to veto the budget.", "veto the budget", "Ortiz"),
]

SOURCES_WITHOUT_A_VERB = [
    ("According to Ortiz, the levy was illegal.", "levy was illegal", "Ortiz"),
    (
        "The levy was illegal, according to the city auditor.",
        "levy was illegal",
        "the city auditor",
    ),
    ("Ortiz wrote that the levy was illegal.", "levy was illegal", "Ortiz"),
    ("Ortiz tweeted that the levy was a scam.", "levy was a scam", "Ortiz"),
    ("Ortiz posted that the levy was a scam.", "levy was a scam", "Ortiz"),
    (
        "Interfax quoted Interior Minister Arsen Avakov as saying the border was closed.",
        "border was closed",
        "Arsen Avakov",
    ),
    (
        "In a statement, the ministry said the strike was lawful.",
        "strike was lawful",
        "the ministry",
    ),
    (
        "In an interview with the Dunmore Gazette, Ortiz said the levy was fair.",
        "levy was fair",
        "Ortiz",
    ),
    ("In a tweet, Ortiz called the ruling a disgrace.", "disgrace", "Ortiz"),
    ('From the auditor\'s report: "Samples vary widely by county."', "Samples vary", "report"),
    (
        '"We will fight this in every court." — Lina Ortiz, mayor of Dunmore',
        "fight this",
        "Lina Ortiz",
    ),
]

QUOTES = [
    ('"The levy is a scam," Ortiz said.', "levy is a scam", "Ortiz"),
    ('"The levy is a scam," said Ortiz. "It must go."', "It must go", "Ortiz"),
    ('Ortiz said: "The levy is a scam."', "levy is a scam", "Ortiz"),
    ('Ortiz was quick to retort: "The audit is a farce."', "audit is a farce", "Ortiz"),
    ('Ortiz said on Tuesday that "the levy is a scam".', "levy is a scam", "Ortiz"),
    ("''The levy is a scam,'' Ortiz said.", "levy is a scam", "Ortiz"),
    ('Ortiz called the plan "a betrayal of the valley".', "betrayal", "Ortiz"),
    ('Ortiz said he was "shocked and appalled" by the vote.', "shocked and appalled", "Ortiz"),
    (
        '"The levy is a scam. It must go.\n\n"We will fight it in court," Ortiz said.',
        "It must go",
        "Ortiz",
    ),
]


@pytest.mark.parametrize(
    ("text", "phrase", "speaker"), STATEMENTS + BELIEFS + SOURCES_WITHOUT_A_VERB + QUOTES
)
def test_attribution_form(text: str, phrase: str, speaker: str) -> None:
    kind, said = voice(text, phrase)
    assert kind in ("quote", "attributed")
    assert said is not None and (said == speaker or said.endswith(speaker))


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("On Thursday, the council approved the levy.", "approved the levy"),
        ("The so-called reform passed on Tuesday.", "reform passed"),
        ("The council agreed to a new levy on Friday.", "new levy"),
    ],
)
def test_the_outlets_own_words_stay_its_own(text: str, phrase: str) -> None:
    assert voice(text, phrase) == ("author", None)


@pytest.mark.parametrize(
    ("text", "phrase", "speaker"),
    [
        # never a weekday or a time: the subject after the introduction speaks
        ("On Thursday, the senator said the bill would fail.", "bill would fail", "the senator"),
        ("However, Ortiz said the levy was fair.", "levy was fair", "Ortiz"),
        # never a party-and-state tag or a title alone
        ('"We will win," said Sen. Ada Kerr of Utah.', "We will win", "Ada Kerr"),
        ('"We will win," said Rep. Omar Diaz (D-Ohio).', "We will win", "Omar Diaz"),
        # never a place named after the person
        ('"It is over," said Ada Kerr, a senator from Utah.', "It is over", "Ada Kerr"),
        # an age or a hometown after the name is not the speaker
        ("Ann Lee, 44, of Ashton, Md., said the line was long.", "line was long", "Ann Lee"),
        ('"No," Ada Kerr, the senator from Utah, said.', "No", "Ada Kerr"),
        # a clause opener is not part of the name; a name that is also a word stays a name
        ("Although Ortiz lost, Ortiz said the levy was fair.", "levy was fair", "Ortiz"),
        ("Theresa May said the deal was done.", "deal was done", "Theresa May"),
        # a pronoun resolves to the speaker named before
        ('Ada Kerr said the vote was close. "It is over," she said.', "It is over", "Ada Kerr"),
    ],
)
def test_speaker_rules(text: str, phrase: str, speaker: str) -> None:
    kind, said = voice(text, phrase)
    assert (kind in ("quote", "attributed"), said) == (True, speaker)


def test_a_phrase_inside_reported_words_is_a_quote_even_without_a_named_speaker() -> None:
    text = 'He attacked what he called "the levy lapdogs" on Friday.'
    layer = find_voices(Document.from_text(text))
    assert [q.kind for q in layer.quotes] == ["speech"]


@pytest.mark.parametrize(
    "text",
    [
        '"It is over," Wednesday said.',  # a weekday heading a line is no speaker
        '"We lost," his said.',
        '"We lost," That much she no said.',  # a clause fragment with a pronoun is no name
    ],
)
def test_never_a_speaker(text: str) -> None:
    layer = find_voices(Document.from_text(text))
    assert [q.speaker for q in layer.quotes] == [None]


def test_an_introduction_is_not_content() -> None:
    """ "On Thursday, X said ...": the words before the comma are not X's."""
    text = "On Thursday, the senator said the bill would fail."
    assert voice(text, "On Thursday") == ("author", None)
