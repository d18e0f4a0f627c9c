"""Sentiment: TextBlob's pattern polarity and subjectivity, fast, per document and sentence; VADER.

:func:`pattern_sentiment` returns what ``TextBlob(text).sentiment`` returns (its default
``PatternAnalyzer``, the algorithm of Pattern's ``pattern.en.sentiment``), equal to the last bit,
computed in our own pass several times faster (``bench/bench_sentiment.py``).
:func:`document_sentiment` gives the same for a document and each of its sentences from one
tokenization. The lexicon is Pattern's ``en-sentiment.xml`` as shipped inside the installed
``textblob`` package: read from there at run time (never copied into this repository), parsed
once, lazily, into a read-only mapping.

How it reproduces TextBlob
--------------------------
TextBlob lowercases the tokens of its ``find_tokens`` and feeds them to ``Sentiment.assessments``.
Only a few tokens matter there: lexicon words, the negations ``no``/``not``/``never``, ``!``,
``(!)`` and emoticons; any other token only through its length (a negation is kept across
tokens of one character, a modifier such as ``very`` across tokens of up to two), and only
while a negation or modifier is pending. So:

* the fast path finds the tokens that matter with an Aho-Corasick automaton over the text with
  its punctuation blanked, checks that each is one of ``find_tokens``' tokens (most are bounded
  by spaces; the others are checked by tokenizing their whitespace-delimited chunk), and
  tokenizes the stretch between two of them only while something is pending;
* where TextBlob could glue tokens into an emoticon or ``(!)`` (a cheap pattern finds every
  place it might), or a text holds its ``END-OF-SENTENCE`` marker, the full tokenization runs.

One compiled regular expression reproduces ``find_tokens``' token boundaries exactly:

* ``n't`` is split from the word before it (``didn't`` -> ``did n ' t``), and every ASCII or
  typographic quote or apostrophe is a token of its own, so TextBlob never sees ``n't`` as a
  negation, nor do we;
* punctuation ``,;:!?()[]{}`@#$^&*+-|=~_`` is split char by char from the start and end of a
  word, three or more periods are one token, and a final period is split unless the word is an
  abbreviation by TextBlob's case-sensitive rules (``U.S.``, ``Mr.``, ``etc.``, ``e.g.``);
* where TextBlob's ``(!)`` and emoticon rules glue tokens back together (``( ! )``, ``: )``,
  ``: [``, ``8 )``), we run the rest of ``find_tokens`` as it does: sentences (a paragraph
  break ends one), then those two rules per sentence.

The assessment rules are TextBlob's, in the same order with the same float arithmetic, so both
numbers are equal to TextBlob's, not just to two decimals: on every one of the 804 FA-KES
articles, 301 PTC articles and 2,904 BABE sentences, and on over 100,000 random strings of
lexicon words, negations, punctuation, emoticons, abbreviations and line breaks. No difference
is known.

Sentences
---------
:func:`document_sentiment` finds the tokens that matter once and runs the assessment rules over
each sentence's share of them and over the whole (the full tokenization, where needed, marks the
sentence boundaries in the text), so the document score is exactly :func:`pattern_sentiment` of
the text and each sentence's score exactly ``pattern_sentiment`` of its slice. A negation,
modifier or ``!`` reaching across a sentence boundary (``... not. Good ...``) counts for the
document, as in TextBlob's whole-text pass, but not for either sentence.

VADER
-----
:func:`vader_compound` is ``vaderSentiment``'s ``SentimentIntensityAnalyzer().polarity_scores``
compound score; the analyzer reads its lexicons from its own package (no network) and is built
once, lazily.

Licences: the lexicon ``en-sentiment.xml`` is Pattern's (Tom De Smedt, Walter Daelemans), PDDL
per its XML header; we read it from the installed ``textblob`` (MIT) and do not redistribute
it. The small tables below (punctuation, abbreviations, emoticons) restate TextBlob's
``textblob/_text.py`` (MIT, from Pattern, BSD-3-Clause); the tests check they still equal the
installed TextBlob's.
"""

from __future__ import annotations

import functools
import importlib
import importlib.metadata
import importlib.util
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

import ahocorasick

from framing.errors import InputError, LexiconError, ModelError
from framing.lexicon.matcher import match_key
from framing.lexicon.normalize import WordText, translator

__all__ = [
    "SENTIMENT_MODELS",
    "SentimentScore",
    "document_sentiment",
    "pattern_sentiment",
    "vader_compound",
    "vader_sentences",
]


class SentimentScore(NamedTuple):
    """Polarity (-1..1), subjectivity (0..1) and how many assessments carried sentiment.

    A named tuple: built once per sentence, by the hundred per article."""

    polarity: float
    subjectivity: float
    assessed: int


# --- TextBlob's tokenizer tables (textblob/_text.py, MIT; from Pattern, BSD-3-Clause) ----------

#: ``textblob._text.PUNCTUATION``: split from the start and end of a word (periods separately).
_TB_PUNCTUATION = ".,;:!?()[]{}`''\"@#$^&*+-|=~_"
#: ``textblob._text.ABBREVIATIONS``: words whose final period is kept.
_TB_ABBREVIATIONS = frozenset(
    "a. adj. adv. al. a.m. c. cf. comp. conf. def. ed. e.g. esp. etc. ex. f. fig. gen. id. i.e. "
    "int. l. m. Med. Mil. Mr. n. n.q. orig. pl. pred. pres. p.m. ref. v. vs. w/".split()
)
#: ``textblob._text.EMOTICONS``: (expression, polarity) -> emoticons, in TextBlob's order.
_TB_EMOTICONS: Mapping[tuple[str, float], frozenset[str]] = MappingProxyType(
    {
        ("love", +1.00): frozenset(("<3", "♥")),
        ("grin", +1.00): frozenset(
            (">:D", ":-D", ":D", "=-D", "=D", "X-D", "x-D", "XD", "xD", "8-D")
        ),
        ("taunt", +0.75): frozenset(
            (">:P", ":-P", ":P", ":-p", ":p", ":-b", ":b", ":c)", ":o)", ":^)")
        ),
        ("smile", +0.50): frozenset(
            (">:)", ":-)", ":)", "=)", "=]", ":]", ":}", ":>", ":3", "8)", "8-)")
        ),
        ("wink", +0.25): frozenset((">;]", ";-)", ";)", ";-]", ";]", ";D", ";^)", "*-)", "*)")),
        ("gasp", +0.05): frozenset((">:o", ":-O", ":O", ":o", ":-o", "o_O", "o.O", "°O°", "°o°")),
        ("worry", -0.25): frozenset(
            (">:/", ":-/", ":/", ":\\", ">:\\", ":-.", ":-s", ":s", ":S", ":-S", ">.>")
        ),
        ("frown", -0.75): frozenset(
            (">:[", ":-(", ":(", "=(", ":-[", ":[", ":{", ":-<", ":c", ":-c", "=/")
        ),
        ("cry", -1.00): frozenset((":'(", ":'''(", ";'(")),
    }
)
#: Negations of TextBlob's English ``Sentiment`` (``n't`` never survives its tokenizer).
_NEGATIONS = frozenset(("no", "not", "never", "n't"))

_QUOTES = "'\"\u201c\u201d\u2018\u2019"  # ' " “ ” ‘ ’ : always tokens of their own
_PUNCT = "".join(sorted(set(_TB_PUNCTUATION) - set(_QUOTES) - {"."}))


def _char_class(chars: str) -> str:
    return "".join("\\" + c if c in "\\]^-[" else c for c in chars)


def _abbreviation_pattern() -> str:
    """Words whose final period `find_tokens` keeps: its three regexes and its list."""
    covered = re.compile(r"(?:[A-Za-z]\.)+")
    listed = sorted(
        (a[:-1] for a in _TB_ABBREVIATIONS if a.endswith(".") and not covered.fullmatch(a)),
        key=lambda a: (-len(a), a),
    )
    return (
        r"(?:(?:[A-Za-z]\.)+"  # "e.g.", "U.S.", "T."
        r"|[A-Z][bcdfghjklmnpqrstvwxz|]+\."  # "Mr.", "Dr.", "Ltd." (TextBlob's RE_ABBR3)
        r"|(?:" + "|".join(re.escape(a) for a in listed) + r")\.)"
    )


def _token_pattern(quotes: str) -> str:
    """One token of ``find_tokens``; `quotes` are the chars that are always a token of their own."""
    q, p = _char_class(quotes), _char_class(_PUNCT)
    rest_is_tail = rf"(?=[{p}.]*(?:[\s{q}]|\Z))"  # only punctuation/periods up to the word's end
    return (
        r"(?=\S)(?:"  # skip whitespace fast
        rf"[^\s{q}{p}.]++(?= )"  # most words
        rf"|[^\s{q}{p}.]++(?=[{p}]*+(?:[\s{q}]|\Z))"  # a word before trailing punctuation
        rf"|[{q}{p}]"  # a quote, or leading or trailing punctuation: one char a token
        rf"|\.{{3,}}{rest_is_tail}"  # trailing ellipsis (one token however long)
        rf"|\.{rest_is_tail}"  # trailing period
        rf"|{_abbreviation_pattern()}(?!\.\.){rest_is_tail}"  # an abbreviation keeps its period
        rf"|[^\s{q}{p}](?:[^\s{q}]*[^\s{q}{p}.])?"  # a word up to its last non-punctuation
        r")"
    )


#: A token of TextBlob's ``find_tokens`` (in a text after its ``n't`` -> `` n't`` replacement).
_TOKEN_RE = re.compile(_token_pattern(_QUOTES))
#: The same, in a text whose sentence boundaries are marked with `_MARK` (a token of its own).
_MARK = "\x00"
_MARKED_TOKEN_RE = re.compile(_token_pattern(_QUOTES + _MARK))
#: Characters that always end a token: whitespace (as ``str.isspace`` and regex ``\s``) and quotes.
_SEPARATORS = frozenset(
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000" + _QUOTES
)


def _glue_pattern(emoticons: Iterable[str]) -> str:
    """Finds, in space-joined tokens, a place where TextBlob's sarcasm or emoticon rule glues.

    That takes a space inside a match: the pattern starts at the first such space (the regex
    engine only stops at spaces), then checks the characters around it, then the emoticons.
    """
    after_first_space: dict[str, set[str]] = {}
    for emoticon in emoticons:
        for mask in range(1, 2 ** (len(emoticon) - 1)):  # every spacing with a space in it
            spaced = emoticon[0] + "".join(
                (" " if mask >> k & 1 else "") + c for k, c in enumerate(emoticon[1:])
            )
            head, _, tail = spaced.partition(" ")
            after_first_space.setdefault(head, set()).add(tail)
    heads = sorted(after_first_space, key=lambda h: (-len(h), h))
    lasts = _char_class("".join(sorted({h[-1] for h in heads})))
    firsts = _char_class("".join(sorted({t[0] for ts in after_first_space.values() for t in ts})))
    branches = "|".join(
        f"(?<={re.escape(h)} )(?:{'|'.join(map(re.escape, sorted(after_first_space[h])))})"
        for h in heads
    )
    return rf" (?<=[({lasts}] )(?:(?<=\( )! \)|(?=[{firsts}])(?:{branches})(?!\S))"


#: ``find_tokens`` marks a paragraph break (two or more line breaks) with this token.
_EOS = "END-OF-SENTENCE"
_PARAGRAPH_BREAK_RE = re.compile(r"(?:\r?\n){2,}")
_SENTENCE_ENDS = frozenset(("...", ".", "!", "?", _EOS))
_SENTENCE_END_RUN = frozenset(("'", '"', "\u201d", "\u2019", "...", ".", "!", "?", ")", _EOS))
#: Longest first: where one emoticon starts another (":c", ":c)") TextBlob tries the longer one
#: first too, as its group comes first in ``EMOTICONS``.
_ALL_EMOTICONS = sorted(
    {e for group in _TB_EMOTICONS.values() for e in group}, key=lambda e: (-len(e), e)
)
#: TextBlob's ``RE_SARCASM`` and ``RE_EMOTICONS``.
_SARCASM_RE = re.compile(r"\( ?\! ?\)")
_EMOTICON_RE = re.compile(
    "({})($|\\s)".format("|".join(" ?".join(map(re.escape, e)) for e in _ALL_EMOTICONS))
)
_GLUE_RE = re.compile(_glue_pattern(_ALL_EMOTICONS))
#: Lowercased emoticon -> polarity. TextBlob compares lowercased tokens, tries the groups in
#: order, and skips alphabetic tokens ("xd") and substrings of its punctuation string.
_EMOTICON_POLARITY: Mapping[str, float] = MappingProxyType(
    {
        e.lower(): polarity
        for (_name, polarity), group in reversed(list(_TB_EMOTICONS.items()))
        for e in group
        if not e.lower().isalpha() and len(e) <= 5 and e.lower() not in _TB_PUNCTUATION
    }
)


def _glue(match: re.Match[str]) -> str:
    return match.group(1).replace(" ", "") + match.group(2)


def _tokens(text: str) -> list[str]:
    """TextBlob's lowercased tokens of `text`: ``" ".join(find_tokens(text)).lower().split()``.

    Paragraph breaks, where ``find_tokens`` puts a sentence-ending token that it removes again,
    only matter for its emoticon rule (which works per sentence): :func:`_glued_tokens`.
    """
    spaced = text.replace("n't", " n't")
    joined = " ".join(_TOKEN_RE.findall(spaced))
    if _GLUE_RE.search(joined) or _EOS in text:
        return _glued_tokens(spaced)
    return joined.lower().split()


def _glued_tokens(spaced: str) -> list[str]:
    """The rest of ``find_tokens`` as TextBlob runs it: sentences, then sarcasm and emoticons."""
    tokens = [
        "..." if len(t) > 2 and not t.strip(".") else t
        for t in _TOKEN_RE.findall(_PARAGRAPH_BREAK_RE.sub(f" {_EOS} ", spaced))
    ]
    sentences: list[list[str]] = [[]]
    i = j = 0
    while j < len(tokens):
        if tokens[j] in _SENTENCE_ENDS:
            while j < len(tokens) and tokens[j] in _SENTENCE_END_RUN:
                if tokens[j] in ("'", '"') and sentences[-1].count(tokens[j]) % 2 == 0:
                    break  # (always: the sentence is empty until it is extended)
                j += 1
            sentences[-1].extend(t for t in tokens[i:j] if t != _EOS)
            sentences.append([])
            i = j
        j += 1
    sentences[-1].extend(tokens[i:j])
    return (
        " ".join(
            _EMOTICON_RE.sub(_glue, _SARCASM_RE.sub("(!)", " ".join(sentence)))
            for sentence in sentences
            if sentence
        )
        .lower()
        .split()
    )


def _marked_tokens(text: str, cuts: Sequence[int]) -> tuple[list[str], list[int]] | None:
    """:func:`_tokens` of `text` with a mark token at each cut, and the marks' indexes.

    Tokenizes the text once, with the cuts marked in it. A mark is a one-character token that
    the assessment rules pass over like any other. None where a mark could change a token (a cut
    inside a word, or inside an ``n't``) or where TextBlob glues tokens into an emoticon.
    """
    if _MARK in text or _EOS in text:
        return None
    if cuts:
        separators = _SEPARATORS
        for cut in cuts:
            if text[cut - 1] not in separators and text[cut] not in separators:
                return None
        if "n't" in text and any("n't" in text[max(cut - 2, 0) : cut + 2] for cut in cuts):
            return None
        bounds = [0, *cuts, len(text)]
        text = _MARK.join([text[bounds[k] : bounds[k + 1]] for k in range(len(bounds) - 1)])
    joined = " ".join(_MARKED_TOKEN_RE.findall(text.replace("n't", " n't")))
    if _GLUE_RE.search(joined.replace(" " + _MARK, "")):
        return None
    tokens = joined.lower().split()
    marks: list[int] = []
    index = -1
    for _ in cuts:
        index = tokens.index(_MARK, index + 1)
        marks.append(index)
    return tokens, marks


# --- The lexicon --------------------------------------------------------------------------------

#: Modifier kinds: a lexicon word with an adverb (RB) sense modifies the next word; only an
#: ``-ly`` modifier can take a following negation into its own assessment ("really not").
_NOT_MODIFIER, _MODIFIER, _LY_MODIFIER = 0, 1, 2

#: A lexicon word's (polarity, subjectivity, intensity, modifier kind, is a negation).
_Entry = tuple[float, float, float, int, bool]


def _lexicon_path() -> Path:
    """``textblob/en/en-sentiment.xml`` of the installed textblob, found without importing it.

    ``importlib.resources.files("textblob.en")`` would import textblob and with it NLTK (about two
    seconds); the package's location is all we need.
    """
    try:
        spec = importlib.util.find_spec("textblob")
    except (ImportError, ValueError):
        spec = None
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    for location in locations:
        path = Path(location) / "en" / "en-sentiment.xml"
        if path.is_file():
            return path
    raise LexiconError(
        "TextBlob's sentiment lexicon textblob/en/en-sentiment.xml was not found; "
        "install or reinstall textblob (pip install 'textblob>=0.18')"
    )


def _parse_xml(path: Path) -> Any:
    try:
        etree: Any = importlib.import_module("defusedxml.ElementTree")
    except ImportError:  # pragma: no cover - defusedxml is optional
        etree = importlib.import_module("xml.etree.ElementTree")
    try:
        return etree.parse(str(path)).getroot()
    except Exception as exc:  # ParseError, defusedxml's refusals, OSError
        raise LexiconError(
            f"cannot read TextBlob's sentiment lexicon {path}: {exc}; reinstall textblob"
        ) from exc


@functools.cache
def _pattern_lexicon() -> Mapping[str, _Entry | None]:
    """Pattern's lexicon, averaged exactly as TextBlob's ``Sentiment.load`` does.

    Maps each word to its :data:`_Entry`, and the other tokens that matter (negations, ``!``,
    ``(!)``, emoticons) to None.
    """
    path = _lexicon_path()
    root = _parse_xml(path)
    senses: dict[str, dict[str | None, list[tuple[float, float, float]]]] = {}
    for element in root.findall("word"):
        attrib = element.attrib
        form = attrib.get("form")
        if form:
            scores = (
                float(attrib.get("polarity", 0.0)),
                float(attrib.get("subjectivity", 0.0)),
                float(attrib.get("intensity", 1.0)),
            )
            senses.setdefault(form, {}).setdefault(attrib.get("pos"), []).append(scores)
    if not senses:
        raise LexiconError(f"TextBlob's sentiment lexicon {path} has no words; reinstall textblob")
    # Average the senses per part of speech, then the parts of speech (key None).
    words: dict[str, dict[str | None, Sequence[float]]] = {}
    for form, psi_by_pos in senses.items():
        averaged: dict[str | None, Sequence[float]] = {
            pos: [sum(each) / len(each) for each in zip(*psi, strict=True)]
            for pos, psi in psi_by_pos.items()
        }  # textblob._text.avg: sum() / len()
        averaged[None] = [sum(each) / len(each) for each in zip(*averaged.values(), strict=True)]
        words[form] = averaged
    # textblob.en.Sentiment.load: "terrible" (JJ) also gives the adverb "terribly" (RB).
    for form, by_pos in list(words.items()):
        if "JJ" in by_pos:
            stem = form[:-1] + "i" if form.endswith("y") else form
            if stem.endswith("le"):
                stem = stem[:-2]
            adverb = words.setdefault(stem + "ly", {})
            adverb["RB"] = adverb[None] = by_pos["JJ"]
    table: dict[str, _Entry | None] = {}
    for form, by_pos in words.items():
        p, s, i = by_pos[None]
        kind = _NOT_MODIFIER
        if "RB" in by_pos:
            kind = _LY_MODIFIER if form.endswith("ly") else _MODIFIER
        table[form] = (p, s, i, kind, form in _NEGATIONS)
    # Tokens outside the lexicon that count for more than their length.
    for token in (*_NEGATIONS, "!", "(!)", *_EMOTICON_POLARITY):
        table.setdefault(token, None)
    return MappingProxyType(table)


# --- The tokens that count ---------------------------------------------------------------------
#
# Most tokens only matter through their length, and only while a negation or modifier is pending.
# So the fast path finds the tokens that count (lexicon words, negations, "!") with an
# Aho-Corasick automaton, checks each is one of TextBlob's tokens, and tokenizes the stretch
# between two of them only while something is pending. Where TextBlob could glue tokens into an
# emoticon or "(!)", or a paragraph holds its END-OF-SENTENCE marker, the full tokenization runs.

#: Characters that end a token or can be split from its edges: all become spaces in `_spaced`.
_BREAKS = "".join(sorted(_SEPARATORS | set(_TB_PUNCTUATION) | {"."}))


_spaced = translator(dict.fromkeys(_BREAKS, " "))


def _token_keys(key_of: Callable[[str], str]) -> dict[str, int]:
    """``" key "`` -> its length, for every lexicon form that can be a token."""
    keys = {}
    for form in _pattern_lexicon():
        if any(c in _SEPARATORS for c in form):
            continue  # a token never holds whitespace or a quote
        key = key_of(form)
        if key:
            keys[f" {key} "] = len(key) + 2
    return keys


@functools.cache
def _word_automaton() -> ahocorasick.Automaton:
    """Keys `` word `` for every lexicon form that can be a token, punctuation as spaces."""
    automaton = ahocorasick.Automaton()
    for key, length in _token_keys(lambda form: " ".join(_spaced(form).split())).items():
        automaton.add_word(key, length)
    automaton.make_automaton()
    return automaton


@functools.cache
def word_keys() -> dict[str, int]:
    """The lexicon's keys for a scan of a :class:`~framing.lexicon.normalize.WordText`
    (``" word "``, as :func:`~framing.lexicon.matcher.match_key` makes them), with their lengths.

    Pass that scan's hits to :func:`document_sentiment` to spare it its own.
    """
    return _token_keys(lambda form: match_key(form).strip())


#: Where a scan of the text's WordText may miss a token of TextBlob's: ``*`` stays in a WordText
#: but TextBlob splits it off; these control characters are its whitespace but not ours; and a
#: WordText keeps ``n't`` on the word before it. (``in`` tests: much faster than one regex.)
_WORD_TEXT_MISSES = ("*", "n't", "\x1c", "\x1d", "\x1e", "\x1f", "\x85")


def _trie_pattern(words: Iterable[str], gap: str) -> str:
    """A regular expression matching any of `words`, `gap` between characters, as a trie."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}

    def branch(node: dict[str, Any], first: bool) -> str:
        branches = [
            ("" if first else gap) + re.escape(c) + branch(child, False)
            for c, child in sorted(node.items())
            if c
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return branch(trie, True)


#: Every emoticon and ``(!)`` with any whitespace between its characters: where TextBlob may
#: glue tokens (joined by single spaces) into one, or see one.
_GLUE_CANDIDATE_RE = re.compile(_trie_pattern((*_ALL_EMOTICONS, "(!)"), r"\s*"))


def _is_token(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is one of TextBlob's tokens of `text` (``n't`` split off)."""
    separators = _SEPARATORS
    n = len(text)
    if (not start or text[start - 1] in separators) and (end == n or text[end] in separators):
        return True
    # Punctuation at an edge: tokenize the whitespace-delimited chunk, as find_tokens does.
    chunk_start, chunk_end = start, end
    while chunk_start and text[chunk_start - 1] not in separators:
        chunk_start -= 1
    while chunk_end < n and text[chunk_end] not in separators:
        chunk_end += 1
    for m in _TOKEN_RE.finditer(text, chunk_start, chunk_end):
        if m.start() >= start:
            return m.start() == start and m.end() == end
    return False


#: A token that counts: ``(start, end, lowercased token)``, in text or token-list coordinates.
_Item = tuple[int, int, str]
#: The tokens between two positions (the same coordinates).
_Gap = Callable[[int, int], Sequence[str]]


def _fast_items(text: str, found: list[tuple[int, int]] | None = None) -> list[_Item] | None:
    """The tokens of `text` that count, by offset; None where the full tokenization is needed.

    `text` has TextBlob's ``n't`` -> `` n't`` replacement applied. `found` may give the
    candidate spans from a scan that already ran (a superset of the lexicon words' tokens).
    """
    low = text.lower()
    if len(low) != len(text) or _EOS in text or _GLUE_CANDIDATE_RE.search(text):
        return None
    if found is None:
        found = [
            (last - length + 1, last - 1)  # the key's spaces shift offsets by one
            for last, length in _word_automaton().iter(" " + _spaced(low) + " ")
        ]
    table = _pattern_lexicon()
    items = []
    for start, end in found:
        if _is_token(text, start, end):
            word = low[start:end]
            if word in table:
                items.append((start, end, word))
    if "!" in text:
        i = text.find("!")
        while i != -1:
            if _is_token(text, i, i + 1):
                items.append((i, i + 1, "!"))
            i = text.find("!", i + 1)
        items.sort()
    return items


def _token_items(tokens: Sequence[str]) -> list[_Item]:
    """The tokens that count in a token list, by index."""
    table = _pattern_lexicon()
    return [(i, i + 1, w) for i, w in enumerate(tokens) if w in table]


# --- Assessments ----------------------------------------------------------------------------------


def _across(
    tokens: Iterable[str], negated: bool, modifier: int, assessments: list[list[float]]
) -> tuple[bool, int]:
    """The pending negation and modifier after tokens outside the lexicon: only their length
    counts. A negation is kept across tokens of one character ("not a good"), a modifier across
    tokens of up to two ("very, very good")."""
    for other in tokens:
        if negated and len(other.strip("'")) > 1:
            negated = False
        if negated and modifier == _LY_MODIFIER:  # "really not good"
            assessments[-1][3] = -1.0
            negated = False
        elif modifier and len(other) > 2:
            modifier = _NOT_MODIFIER
        if not (negated or modifier):
            break
    return negated, modifier


def _assess(
    items: Sequence[_Item], first: int, stop: int, gap: _Gap, end: int | None = None
) -> tuple[list[list[float]], bool]:
    """TextBlob's ``Sentiment.assessments``, rule for rule, over the tokens ``items[first:stop]``.

    `gap(end, start)` gives the tokens between two items; only their lengths matter, and only
    while a negation or modifier is pending. Returns one ``[polarity, subjectivity, intensity,
    negated]`` per assessment (``negated`` is -1.0 where TextBlob's final ``p * -0.5`` applies,
    else 1.0), and whether running on into what follows could change them: a negation or
    modifier is pending at the end (after the tokens up to `end`, when given), or a ``!`` comes
    before the first assessment (it would boost the assessment before, in a longer run).
    """
    table = _pattern_lexicon()
    emoticons = _EMOTICON_POLARITY
    assessments: list[list[float]] = []
    append = assessments.append
    modifier = _NOT_MODIFIER  # a preceding modifier ("very good")
    negated = False  # a preceding negation ("not good")
    carries = False
    previous_end = -1
    for k in range(first, stop):
        start, stop_at, w = items[k]
        if (negated or modifier) and previous_end >= 0:
            negated, modifier = _across(gap(previous_end, start), negated, modifier, assessments)
        previous_end = stop_at
        entry = table[w]
        if entry is not None:  # a lexicon word
            p, s, i, kind, is_negation = entry
            if not modifier:
                append([p, s, i, 1.0])
            else:  # "very good": the modifier's assessment becomes the pair's
                last = assessments[-1]
                intensity = last[2]
                last[0] = max(-1.0, min(p * intensity, 1.0))
                last[1] = max(-1.0, min(s * intensity, 1.0))
                last[2] = i
            if negated:
                last = assessments[-1]
                last[2] = 1.0 / last[2]
                last[3] = -1.0
            modifier = kind
            negated = is_negation
            continue
        # A negation, "!", "(!)" or an emoticon outside the lexicon: the same length rules,
        # then its own effect.
        if w in _NEGATIONS:
            negated = True
        elif negated and len(w.strip("'")) > 1:
            negated = False
        if negated and modifier == _LY_MODIFIER:
            assessments[-1][3] = -1.0
            negated = False
        elif modifier and len(w) > 2:
            modifier = _NOT_MODIFIER
        if w == "!":  # boosts the polarity before it
            if assessments:
                last = assessments[-1]
                last[0] = max(-1.0, min(last[0] * 1.25, 1.0))
            else:
                carries = True
        elif w == "(!)":  # irony
            append([0.0, 1.0, 1.0, 1.0])
        elif w in emoticons:
            append([emoticons[w], 1.0, 1.0, 1.0])
    if (negated or modifier) and end is not None and previous_end >= 0:
        negated, modifier = _across(gap(previous_end, end), negated, modifier, assessments)
    return assessments, carries or negated or bool(modifier)


def _score(assessments: Sequence[list[float]]) -> SentimentScore:
    if not assessments:
        return _NO_SENTIMENT
    polarity = 0.0
    subjectivity = 0.0
    for p, s, _i, n in assessments:  # summed in order, as TextBlob does (not with sum())
        polarity += p * -0.5 if n < 0 else p
        subjectivity += s
    count = len(assessments)
    return SentimentScore(polarity / count, subjectivity / count, count)


_NO_SENTIMENT = SentimentScore(0.0, 0.0, 0)


def _split_nt(text: str) -> str:
    """TextBlob's first step: ``n't`` becomes a token of its own."""
    return text.replace("n't", " n't") if "n't" in text else text


def pattern_sentiment(text: str) -> SentimentScore:
    """Polarity and subjectivity of `text`, equal to ``TextBlob(text).sentiment``.

    >>> score = pattern_sentiment("The plan is very good.")
    >>> round(score.polarity, 2), round(score.subjectivity, 2), score.assessed
    (0.91, 0.78, 1)
    """
    split = _split_nt(text)
    items = _fast_items(split)
    if items is not None:
        return _score(_assess(items, 0, len(items), functools.partial(_TOKEN_RE.findall, split))[0])
    tokens = _tokens(text)
    items = _token_items(tokens)
    return _score(_assess(items, 0, len(items), lambda a, b: tokens[a:b])[0])


def _shifted(text: str, offsets: Sequence[int]) -> dict[int, int] | None:
    """Where `offsets` of `text` move to in ``_split_nt(text)``; None if one is inside ``n't``."""
    found = []
    i = text.find("n't")
    while i != -1:
        found.append(i)
        i = text.find("n't", i + 3)
    out = {}
    for offset in offsets:
        k = bisect_left(found, offset)
        if (k < len(found) and found[k] < offset + 2) or (k and found[k - 1] + 3 > offset):
            return None  # a cut next to an n't could change a token
        out[offset] = offset + k
    return out


def _run(
    items: Sequence[_Item], spans: Sequence[tuple[int, int]], gap: _Gap
) -> tuple[SentimentScore, list[SentimentScore]]:
    """Scores of the whole run of `items` and of each span ``[start, end)`` of it."""
    starts = [item[0] for item in items]
    per_span = []
    carries, covered, ordered, last_end = False, 0, True, 0
    for start, end in spans:
        first, stop = bisect_left(starts, start), bisect_left(starts, end)
        if first < stop:
            assessments, carry = _assess(items, first, stop, gap, end)
            per_span.append(assessments)
            carries = carries or carry
            covered += stop - first
        else:
            per_span.append([])
        ordered = ordered and start >= last_end
        last_end = end
    if carries or not ordered or covered != len(items):
        document = _assess(items, 0, len(items), gap)[0]
    else:  # the spans hold every item and nothing reaches across: the same assessments
        document = [assessment for assessments in per_span for assessment in assessments]
    return _score(document), [_score(assessments) for assessments in per_span]


def document_sentiment(
    text: str,
    sentences: Sequence[tuple[int, int]],
    *,
    words: WordText | None = None,
    found: Iterable[tuple[int, int]] | None = None,
) -> tuple[SentimentScore, list[SentimentScore]]:
    """The score of `text` and one score per sentence span ``[start, end)``, in one pass.

    The document score equals :func:`pattern_sentiment` of `text`, and each sentence's score
    equals ``pattern_sentiment(text[start:end])``: a negation, modifier or ``!`` reaching across
    a sentence boundary counts for the document (as in TextBlob's whole-text pass), not for the
    sentences. Where a boundary would change a token (it falls inside a word), the sentences are
    scored one by one instead, with the same results.

    `found` may give the :func:`word_keys` hits ``(last, key length)`` in ``words.padded`` of
    the text's :class:`~framing.lexicon.normalize.WordText` `words`, from a scan that already
    ran; where such a scan may miss a token, the text is scanned again.
    """
    size = len(text)
    bounds = {0, size}
    for start, end in sentences:
        if not 0 <= start <= end <= size:
            raise InputError(
                f"sentence span ({start}, {end}) is outside the text of {size} characters"
            )
        bounds.add(start)
        bounds.add(end)
    cuts = sorted(bounds - {0, size})
    separators = _SEPARATORS
    if any(text[cut - 1] not in separators and text[cut] not in separators for cut in cuts):
        return pattern_sentiment(text), [pattern_sentiment(text[a:b]) for a, b in sentences]
    split = _split_nt(text)
    moved = _shifted(text, sorted(bounds)) if split is not text else None
    if split is text or moved is not None:
        candidates = None
        if (
            words is not None
            and found is not None
            and not any(miss in text for miss in _WORD_TEXT_MISSES)
        ):
            candidates = words.spans(found)
        items = _fast_items(split, candidates)
        if items is not None:
            spans = sentences if moved is None else [(moved[a], moved[b]) for a, b in sentences]
            return _run(items, spans, functools.partial(_TOKEN_RE.findall, split))
    marked = _marked_tokens(text, cuts)
    if marked is None:
        return pattern_sentiment(text), [pattern_sentiment(text[a:b]) for a, b in sentences]
    tokens, marks = marked
    # token positions: a sentence starts after the mark at its start and stops at its end's mark
    first_at = {0: 0, size: len(tokens)} | {c: m + 1 for c, m in zip(cuts, marks, strict=True)}
    stop_at = {0: 0, size: len(tokens)} | dict(zip(cuts, marks, strict=True))
    spans = [(first_at[a], stop_at[b]) for a, b in sentences]
    return _run(_token_items(tokens), spans, lambda a, b: tokens[a:b])


# --- VADER ----------------------------------------------------------------------------------------


@functools.cache
def _vader_scorer() -> Callable[[str], dict[str, float]]:
    try:
        module: Any = importlib.import_module("vaderSentiment.vaderSentiment")
        analyzer = module.SentimentIntensityAnalyzer()
    except (ImportError, OSError) as exc:
        raise ModelError(
            f"VADER is not available ({exc}); install or reinstall vaderSentiment "
            "(pip install 'vaderSentiment>=3.3')"
        ) from exc
    scorer: Callable[[str], dict[str, float]] = analyzer.polarity_scores
    return scorer


def vader_compound(text: str) -> float:
    """VADER's compound score of `text` (-1..1), as ``SentimentIntensityAnalyzer`` gives it."""
    return float(_vader_scorer()(text)["compound"])


def vader_sentences(text: str, sentences: Sequence[tuple[int, int]]) -> list[float]:
    """VADER's compound score of each sentence span ``[start, end)`` of `text`."""
    scorer = _vader_scorer()
    return [float(scorer(text[start:end])["compound"]) for start, end in sentences]


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


#: Sentiment model name -> the version string reports cite.
SENTIMENT_MODELS: Mapping[str, str] = MappingProxyType(
    {
        "pattern": f"textblob-pattern {_version('textblob')}",
        "vader": f"vaderSentiment {_version('vaderSentiment')}",
    }
)
