"""The words of every task instruction, one version per level, and the pages' introductions.

Basic: short sentences and common words, for 13-year-olds (the tests hold each instruction to
Flesch-Kincaid grade 6 or below). Intermediate: plain, a little longer. Advanced: the terms of
media analysis (attribution, verdict, framing). ``{who}``, ``{n}``, ``{a}``, ``{b}`` and
``{word}`` are filled in when a worksheet is built.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["INTRO", "LEVELS", "PAIR_INTRO", "PAIR_WORDING", "QUIZ_HELP", "WORDING", "Level"]

Level = Literal["basic", "intermediate", "advanced"]
LEVELS: tuple[Level, ...] = ("basic", "intermediate", "advanced")

#: The worksheet's opening instruction, per level.
INTRO: dict[Level, str] = {
    "basic": "Read the article. The paragraphs have numbers. Then do the tasks. "
    "Some words are the reporter's own. Some words belong to people the reporter quotes.",
    "intermediate": "Read the article carefully; the paragraphs are numbered. Then do the "
    "tasks. Keep apart the reporter's own words and the words of the people quoted.",
    "advanced": "Read the article closely; paragraphs are numbered for reference. The tasks "
    "ask you to separate the outlet's own wording from its sources' and to weigh each choice.",
}
#: The paired worksheet's opening instruction (all levels).
PAIR_INTRO = (
    "Two outlets reported the same event. Read both reports. The paragraphs have "
    "numbers: A1, A2 ... and B1, B2 .... Then do the tasks."
)
#: What the interactive quiz tells the student before the article.
QUIZ_HELP = (
    "Find the loaded words in the reporter's OWN words: words that take a side or add a "
    "feeling. Skip words inside quotes and words the reporter says someone else said.\n"
    "Type the small numbers after the words (like 12, or 40-43 for a phrase), or type the "
    "words. Use commas between answers. Press Enter on an empty line when you are done."
)

#: (title, instruction) per task and level. ``{who}``, ``{n}``, ``{a}``, ``{b}`` are filled in.
WORDING: dict[str, dict[Level, tuple[str, str]]] = {
    "labels": {
        "basic": (
            "Words for groups",
            "Underline the words the reporter uses for {who}. "
            "Mark only the reporter's own words. Skip words inside quote marks.",
        ),
        "intermediate": (
            "Labels for groups",
            "Underline every word or phrase the reporter uses, in their own voice, to label "
            "{who}. Leave out words inside quotes and words credited to a speaker.",
        ),
        "advanced": (
            "Labels",
            "Identify every label the outlet applies to {who} in its own voice. For each, say "
            "whether it only describes or also adds a verdict.",
        ),
    },
    "judgement": {
        "basic": (
            "Words that take a side",
            "Underline the words the reporter uses that show a feeling or take a side. "
            "Mark only the reporter's own words.",
        ),
        "intermediate": (
            "Judgement words",
            "Underline the words in the reporter's own voice that add a feeling or a judgement "
            "to the facts.",
        ),
        "advanced": (
            "Evaluative language",
            "Identify the evaluative words in the outlet's own voice: words that add a verdict "
            "or an emotion to a plain description.",
        ),
    },
    "actions": {
        "basic": (
            "Words for what happened",
            "Underline the words the reporter uses for what happened. Which ones take a side?",
        ),
        "intermediate": (
            "Words for events",
            "How does the reporter describe what happened? Underline the reporter's own words "
            "for actions and events that carry a judgement.",
        ),
        "advanced": (
            "Events and narratives",
            "Identify the outlet's own words for actions, events and the conflict as a whole. "
            "What story does each word fit the events into?",
        ),
    },
    "quoted": {
        "basic": (
            "Who speaks?",
            "Who is quoted in the article? Write their names. Does anyone speak without a name?",
        ),
        "intermediate": (
            "Sources",
            "List everyone the article quotes or reports. Which sources are named and which "
            "are not? Why might a source not be named?",
        ),
        "advanced": (
            "Sourcing",
            "List the sources, direct quotes and reported speech alike. Which are named and "
            "which anonymous? Whose perspective is missing?",
        ),
    },
    "sort": {
        "basic": (
            "Whose word is it?",
            "Who chose each word: the reporter, or a person the reporter quotes? "
            "Tick one box for each word.",
        ),
        "intermediate": (
            "Whose word is it?",
            "For each word, decide whose word it is: the reporter's own, or a speaker's. "
            "If it is a speaker's word, write who said it.",
        ),
        "advanced": (
            "Attribution",
            "Attribute each term to the outlet's own voice, a direct quote or reported speech, "
            "and name the speaker. How does attribution change the weight of the word?",
        ),
    },
    "verbs": {
        "basic": (
            "Saying words",
            "Find the words the reporter uses to say that someone spoke, like 'said'. "
            "Circle the ones that add a judgement.",
        ),
        "intermediate": (
            "Saying verbs",
            "Find the verbs the reporter uses to tell us someone spoke (like 'said'). Circle "
            "the ones that add a judgement about the speaker or the claim.",
        ),
        "advanced": (
            "Reporting verbs",
            "Examine the reporting verbs. Which are neutral and which imply doubt, guilt, "
            "certainty or drama? Suggest a neutral verb for each loaded one.",
        ),
    },
    "backing": {
        "basic": (
            "Who is behind a group?",
            "Find words that link a group to a country or to another group, or name its "
            "religion or people. Why does the reporter add them?",
        ),
        "intermediate": (
            "Backers and identities",
            "Find the words that link a group to a sponsor, a country or another group, and "
            "words that name a group's religion or people. What do they make you think?",
        ),
        "advanced": (
            "Sponsorship and identity",
            "Identify the sponsorship and identity markers in the outlet's voice. Which are "
            "needed to understand the events, and which steer the reader's view of a side?",
        ),
    },
    "mirror": {
        "basic": (
            "The other side's word",
            "For each word, write a word the other side might use, and a plain word.",
        ),
        "intermediate": (
            "Mirror words",
            "For each word, write a word the other side might use, and a neutral word.",
        ),
        "advanced": (
            "Mirror words",
            "Each term below has a mirror term that the opposing side would use. Write the "
            "mirror term and a neutral description.",
        ),
    },
    "certainty": {
        "basic": (
            "How sure is it?",
            "Find words that show how sure the article is, like 'reportedly'. "
            "Find sources without names.",
        ),
        "intermediate": (
            "Certainty and sources",
            "Find the words that show how certain the article is ('reportedly', 'clearly') "
            "and the sources without names. How do they change how much you trust a claim?",
        ),
        "advanced": (
            "Hedges, boosters and anonymity",
            "Identify the hedges, boosters and anonymous sources. How does each affect the "
            "strength of the claim it supports?",
        ),
    },
    "headline": {
        "basic": ("The headline", "Read the headline. Which words take a side?"),
        "intermediate": (
            "The headline",
            "Which words in the headline carry a judgement? Does the article support them?",
        ),
        "advanced": (
            "The headline",
            "Which words in the headline carry a verdict, and in whose voice? Does the body of "
            "the article support that framing?",
        ),
    },
    "rewrite": {
        "basic": (
            "Say it in plain words",
            "Write paragraph {n} again in neutral words. Swap each word that takes a side for "
            "a plain word. Keep the facts the same.",
        ),
        "intermediate": (
            "Neutral rewrite",
            "Rewrite paragraph {n} so that the reporter's own words are neutral. Leave quotes "
            "as they are.",
        ),
        "advanced": (
            "Neutral rewrite",
            "Rewrite paragraph {n} in neutral wording. Change only the outlet's own words, keep "
            "quotes and reported speech intact, and note any word with no neutral equivalent.",
        ),
    },
    "reflect": {
        "basic": (
            "Think about it",
            "Why might a reporter leave a strong word inside a quote?",
        ),
        "intermediate": (
            "Think about it",
            "The reporter uses {a} loaded words in their own voice; speakers use {b}. Why might "
            "a reporter leave a strong word inside a quote?",
        ),
        "advanced": (
            "Reflection",
            "The outlet uses {a} loaded terms in its own voice and its sources use {b}. Why "
            "might a reporter keep a strong word inside a quote rather than use it? Does the "
            "choice change how you read the article?",
        ),
    },
}

#: The paired worksheet's tasks (two outlets, one event).
PAIR_WORDING: dict[str, dict[Level, tuple[str, str]]] = {
    "pair_words": {
        "basic": (
            "Same event, different words",
            "Both reports tell the same story. Find the words each reporter uses for the same "
            "people or acts. Write them in the table.",
        ),
        "intermediate": (
            "Same event, different words",
            "For each row, find the word each outlet uses in its own voice. Which word is "
            "plainer, and which takes a side?",
        ),
        "advanced": (
            "Competing labels",
            "Compare the labels each outlet applies in its own voice to the same actors and "
            "acts. What does each choice ask the reader to believe?",
        ),
    },
    "pair_speakers": {
        "basic": (
            "Who speaks?",
            "Who speaks in report A? Who speaks in report B? Who speaks in only one of them?",
        ),
        "intermediate": (
            "Sources",
            "List the people each report quotes or reports. Who appears in only one report? "
            "How does that change the story?",
        ),
        "advanced": (
            "Sourcing",
            "Compare the sources of the two reports: who is quoted, who is paraphrased, who is "
            "anonymous, and whose perspective each report leaves out.",
        ),
    },
    "pair_voice": {
        "basic": (
            "Same word, different voice",
            "Both reports use the word '{word}'. In which report is it the reporter's own "
            "word? In which is it someone else's word?",
        ),
        "intermediate": (
            "Same word, different voice",
            "Both reports use '{word}'. Whose word is it in each report? Why does that matter?",
        ),
        "advanced": (
            "Same word, different voice",
            "Both reports contain '{word}'. Attribute it in each report and explain how the "
            "attribution changes its effect.",
        ),
    },
    "pair_count": {
        "basic": (
            "Count them",
            "Count the words that take a side in each reporter's own words. Which report has more?",
        ),
        "intermediate": (
            "Loaded words in each outlet's voice",
            "Count the loaded words in each outlet's own voice. Which report leaves more of "
            "the judging to its sources?",
        ),
        "advanced": (
            "Loaded language by voice",
            "Estimate each outlet's rate of loaded terms in its own voice and in quoted speech. "
            "What does the difference say about each outlet's style?",
        ),
    },
    "pair_summary": {
        "basic": ("What the tool found", "Here is what the tool found. Check each sentence."),
        "intermediate": (
            "What the tool found",
            "Check each finding below against the two reports. Is it right? What did it miss?",
        ),
        "advanced": (
            "Check the tool",
            "The tool summarised the differences as below. Verify each claim in the text and "
            "note anything it misses or overstates.",
        ),
    },
    "pair_headline": {
        "basic": (
            "Your headline",
            "Write one headline that both outlets could use. Use plain words.",
        ),
        "intermediate": (
            "A neutral headline",
            "Write a headline for the event that neither outlet would object to.",
        ),
        "advanced": (
            "A neutral headline",
            "Write a neutral headline and first sentence for the event, and justify each word "
            "choice.",
        ),
    },
}
