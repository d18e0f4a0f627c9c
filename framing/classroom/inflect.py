"""Small English inflection rules for the neutral rewrite: number, verb form, "a"/"an", capitals.

Only what can be done with simple, checkable rules. Every function returns ``None`` when it cannot
tell, and the rewrite then marks the place for a person instead of guessing.
"""

from __future__ import annotations

import re

__all__ = [
    "Form",
    "a_or_an",
    "apply_form",
    "form_of",
    "match_case",
    "plural",
    "singular",
]

#: (base, past, past participle, -ing) of irregular verbs that alternatives use.
_IRREGULAR = [
    ("take", "took", "taken", "taking"),
    ("fight", "fought", "fought", "fighting"),
    ("drive", "drove", "driven", "driving"),
    ("hold", "held", "held", "holding"),
    ("say", "said", "said", "saying"),
    ("tell", "told", "told", "telling"),
    ("win", "won", "won", "winning"),
    ("give", "gave", "given", "giving"),
    ("make", "made", "made", "making"),
    ("break", "broke", "broken", "breaking"),
    ("fall", "fell", "fallen", "falling"),
    ("run", "ran", "run", "running"),
    ("send", "sent", "sent", "sending"),
    ("speak", "spoke", "spoken", "speaking"),
    ("go", "went", "gone", "going"),
    ("leave", "left", "left", "leaving"),
    ("lead", "led", "led", "leading"),
    ("keep", "kept", "kept", "keeping"),
    ("bring", "brought", "brought", "bringing"),
    ("find", "found", "found", "finding"),
    ("shoot", "shot", "shot", "shooting"),
    ("hit", "hit", "hit", "hitting"),
    ("put", "put", "put", "putting"),
    ("set", "set", "set", "setting"),
    ("cut", "cut", "cut", "cutting"),
    ("beat", "beat", "beaten", "beating"),
    ("choose", "chose", "chosen", "choosing"),
    ("know", "knew", "known", "knowing"),
    ("see", "saw", "seen", "seeing"),
    ("begin", "began", "begun", "beginning"),
    ("rise", "rose", "risen", "rising"),
    ("seek", "sought", "sought", "seeking"),
    ("split", "split", "split", "splitting"),
    ("spread", "spread", "spread", "spreading"),
    ("strike", "struck", "struck", "striking"),
    ("withdraw", "withdrew", "withdrawn", "withdrawing"),
    ("overrun", "overran", "overrun", "overrunning"),
    ("lose", "lost", "lost", "losing"),
    ("meet", "met", "met", "meeting"),
    ("pay", "paid", "paid", "paying"),
    ("build", "built", "built", "building"),
    ("do", "did", "done", "doing"),
    ("have", "had", "had", "having"),
    ("be", "was", "been", "being"),
]
_BY_PAST = {p: row for row in _IRREGULAR for p in (row[1],)}
_BY_BASE = {row[0]: row for row in _IRREGULAR}
_BY_ING = {row[3]: row for row in _IRREGULAR}
_IRREGULAR_NOUNS = {
    "man": "men",
    "woman": "women",
    "person": "people",
    "child": "children",
    "gunman": "gunmen",
    "chairman": "chairmen",
    "spokesman": "spokesmen",
    "policeman": "policemen",
    "spokeswoman": "spokeswomen",
}
_PLURAL_ONLY = frozenset("people police troops forces authorities media data".split())
_SINGULAR_S = ("ss", "us", "is", "ics", "news")
_PREPOSITIONS = frozenset("of that who which with from in on to for by against over as".split())
#: the form of a word relative to its lexicon term
Form = str  # "same", "plural", "singular", "ing", "s", "participle"


def plural(noun: str) -> str:
    """The plural of a noun (the last word of `noun` is inflected)."""
    head, sep, last = noun.rpartition(" ")
    low = last.lower()
    if low in _IRREGULAR_NOUNS:
        out = _IRREGULAR_NOUNS[low]
    elif low.endswith("man") and len(low) > 4:
        out = last[:-3] + "men"
    elif low in _PLURAL_ONLY or is_plural(low):
        out = last
    elif low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        out = last[:-1] + "ies"
    elif low.endswith(("s", "x", "z", "ch", "sh")):
        out = last + "es"
    else:
        out = last + "s"
    return f"{head}{sep}{_same_case(last, out)}"


def singular(noun: str) -> str | None:
    """The singular of a plural noun, or None when there is none (``people`` is kept)."""
    head, sep, last = noun.rpartition(" ")
    low = last.lower()
    back = {v: k for k, v in _IRREGULAR_NOUNS.items()}
    if low in back:
        out = back[low]
    elif low.endswith("men") and len(low) > 4:
        out = last[:-3] + "man"
    elif low in _PLURAL_ONLY:
        return None
    elif not is_plural(low):
        out = last
    elif low.endswith("ies"):
        out = last[:-3] + "y"
    elif low.endswith(("sses", "xes", "zes", "ches", "shes")):
        out = last[:-2]
    else:
        out = last[:-1]
    return f"{head}{sep}{_same_case(last, out)}"


def is_plural(word: str) -> bool:
    low = word.lower()
    if low in _PLURAL_ONLY or low in _IRREGULAR_NOUNS.values():
        return True
    if low.endswith("men") and len(low) > 4:
        return True
    return low.endswith("s") and not low.endswith(_SINGULAR_S) and len(low) > 2


def _same_case(model: str, word: str) -> str:
    return word.upper() if model.isupper() and len(model) > 1 else word


def head_index(words: list[str], *, verb: bool) -> int:
    """Which word of a phrase carries the inflection: the first for verbs ("took control of"),
    else the last word before a preposition ("members of the group" -> "members")."""
    if verb:
        return 0
    for i, w in enumerate(words):
        if i and w.lower() in _PREPOSITIONS:
            return i - 1
    return len(words) - 1


def form_of(text: str, term: str) -> Form | None:
    """How the matched `text` is inflected relative to its lexicon `term`.

    Compares the last word for nouns ("militants" vs "militant": plural) and the first word for
    verbs ("seizing" vs "seized": ing). None when the two do not line up word for word.
    """
    tw, mw = _words(term), _words(text)
    if len(tw) != len(mw) or not tw:
        return None
    if [w.lower() for w in tw] == [w.lower() for w in mw]:
        return "same"
    # the words may differ in one place only
    diff = [i for i, (a, b) in enumerate(zip(tw, mw, strict=True)) if a.lower() != b.lower()]
    if len(diff) != 1:
        return None
    t, m = tw[diff[0]].lower(), mw[diff[0]].lower()
    if plural(t).lower() == m:
        return "plural"
    if singular(t) == m:
        return "singular"
    if t.endswith("ed") or t in _BY_PAST:
        base = _BY_PAST[t][0] if t in _BY_PAST else None
        if m.endswith("ing") and (base is None or _BY_BASE[base][3] == m):
            return "ing"
        if m.endswith("s") and not m.endswith("ss"):
            return "s"
        if base and _BY_BASE[base][2] == m:
            return "participle"
        if not m.endswith(("ed", "ing", "s")):
            return "base"
    return None


def _words(text: str) -> list[str]:
    return re.findall(r"[^\s]+", text.replace("-", " ").replace("‐", " "))


def verb_form(word: str, form: Form) -> str | None:
    """`word` (a past-tense verb such as "captured" or "took") in another form; None if unsure."""
    low = word.lower()
    row = _BY_PAST.get(low) or _BY_BASE.get(low) or _BY_ING.get(low)
    if row is not None:
        base, past, part, ing = row
        out = {
            "same": past,
            "participle": part,
            "ing": ing,
            "base": base,
            "s": base + ("es" if base.endswith(("s", "sh", "ch", "o")) else "s"),
        }.get(form)
        return None if out is None else _same_case(word, out)
    if not low.endswith("ed"):
        return None
    stem = word[:-2]
    if form in ("same", "participle"):
        return word
    if form == "ing":
        if low.endswith("ied"):
            return word[:-3] + "ying"
        if low.endswith("eed"):
            return word[:-1] + "ing"
        return stem + "ing"
    if form in ("s", "base"):
        # only where the base form is certain: "pushed" -> "push", "captured" -> unsure
        if low.endswith("ied"):
            base = word[:-3] + "y"
            return base if form == "base" else word[:-3] + "ies"
        if re.search(r"[aeiou][sz]$", stem.lower()):
            return stem + "e" if form == "base" else stem + "es"  # promised, seized, used
        if stem.lower().endswith(("sh", "ch", "ss", "x")):
            return stem if form == "base" else stem + "es"
        if stem.lower().endswith(("ck", "rm", "rn", "lt", "nt", "ld", "nd", "st", "ct", "pt")):
            return stem if form == "base" else stem + "s"
        return None
    return None


def apply_form(alternative: str, form: Form, *, verb: bool) -> str | None:
    """The alternative inflected like the matched text, or None when no rule is sure."""
    if form == "same":
        return alternative
    words = alternative.split(" ")
    i = head_index(words, verb=verb)
    head = words[i]
    new: str | None
    if form == "plural":
        new = plural(head)
    elif form == "singular":
        new = singular(head)
    else:
        new = verb_form(head, form)
    if new is None:
        return None
    words[i] = new
    return " ".join(words)


def a_or_an(next_word: str) -> str:
    """ "a" or "an" before `next_word`, by its sound as far as simple rules tell."""
    low = next_word.lower()
    if low.startswith(("uni", "use", "usu", "one", "once", "eu", "ewe", "ur")):
        return "a"
    if low.startswith(("hour", "honest", "honor", "honour", "heir")):
        return "an"
    if next_word[:2].isupper() and next_word[:1] in "AEFHILMNORSX":
        return "an"  # initialisms read letter by letter: "an FBI agent", "an NGO"
    return "an" if low[:1] in "aeiou" else "a"


def match_case(model: str, replacement: str, *, title: bool = False) -> str:
    """Capitalise `replacement` like `model`: a first capital, or every word in a headline."""
    if not replacement:
        return replacement
    if title:
        return " ".join(
            w[:1].upper() + w[1:] if w.lower() not in _SMALL_WORDS or not i else w
            for i, w in enumerate(replacement.split(" "))
        )
    if model[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


_SMALL_WORDS = frozenset("a an the of to in on by for and or but at as with from".split())
