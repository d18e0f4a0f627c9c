"""TextBlob-compatible tokenization: the token boundaries of ``find_tokens`` and its gluing rules.

TextBlob lowercases the tokens of its ``find_tokens`` and feeds them to ``Sentiment.assessments``.
One compiled regular expression (:data:`TOKEN_RE`) reproduces ``find_tokens``' token boundaries
exactly:

* ``n't`` is split from the word before it (``didn't`` -> ``did n ' t``), and every ASCII or
  typographic quote or apostrophe is a token of its own, so TextBlob never sees ``n't`` as a
  negation, nor do we;
* punctuation ``,;:!?()[]{}`@#$^&*+-|=~_`` is split char by char from the start and end of a
  word, three or more periods are one token, and a final period is split unless the word is an
  abbreviation by TextBlob's case-sensitive rules (``U.S.``, ``Mr.``, ``etc.``, ``e.g.``);
* where TextBlob's ``(!)`` and emoticon rules glue tokens back together (``( ! )``, ``: )``,
  ``: [``, ``8 )``), we run the rest of ``find_tokens`` as it does: sentences (a paragraph
  break ends one), then those two rules per sentence (:func:`textblob_tokens`). A cheap
  pattern (:data:`GLUE_CANDIDATE_RE`) finds every place where that might happen.

The small tables below (punctuation, abbreviations, emoticons) restate TextBlob's
``textblob/_text.py`` (MIT, from Pattern, BSD-3-Clause); the tests check they still equal the
installed TextBlob's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

from framing.lexicon.normalize import translator

# --- TextBlob's tokenizer tables (textblob/_text.py, MIT; from Pattern, BSD-3-Clause) ----------

#: ``textblob._text.PUNCTUATION``: split from the start and end of a word (periods separately).
TB_PUNCTUATION = ".,;:!?()[]{}`''\"@#$^&*+-|=~_"
#: ``textblob._text.ABBREVIATIONS``: words whose final period is kept.
TB_ABBREVIATIONS = frozenset(
    "a. adj. adv. al. a.m. c. cf. comp. conf. def. ed. e.g. esp. etc. ex. f. fig. gen. id. i.e. "
    "int. l. m. Med. Mil. Mr. n. n.q. orig. pl. pred. pres. p.m. ref. v. vs. w/".split()
)
#: ``textblob._text.EMOTICONS``: (expression, polarity) -> emoticons, in TextBlob's order.
TB_EMOTICONS: Mapping[tuple[str, float], frozenset[str]] = MappingProxyType(
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
NEGATIONS = frozenset(("no", "not", "never", "n't"))

_QUOTES = "'\"\u201c\u201d\u2018\u2019"  # ' " “ ” ‘ ’ : always tokens of their own
_PUNCT = "".join(sorted(set(TB_PUNCTUATION) - set(_QUOTES) - {"."}))


def _char_class(chars: str) -> str:
    return "".join("\\" + c if c in "\\]^-[" else c for c in chars)


def _abbreviation_pattern() -> str:
    """Words whose final period `find_tokens` keeps: its three regexes and its list."""
    covered = re.compile(r"(?:[A-Za-z]\.)+")
    listed = sorted(
        (a[:-1] for a in TB_ABBREVIATIONS if a.endswith(".") and not covered.fullmatch(a)),
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
TOKEN_RE = re.compile(_token_pattern(_QUOTES))
#: The same, in a text whose sentence boundaries are marked with `_MARK` (a token of its own).
_MARK = "\x00"
_MARKED_TOKEN_RE = re.compile(_token_pattern(_QUOTES + _MARK))
#: Characters that always end a token: whitespace (as ``str.isspace`` and regex ``\s``) and quotes.
SEPARATORS = frozenset(
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
EOS = "END-OF-SENTENCE"
_PARAGRAPH_BREAK_RE = re.compile(r"(?:\r?\n){2,}")
_SENTENCE_ENDS = frozenset(("...", ".", "!", "?", EOS))
_SENTENCE_END_RUN = frozenset(("'", '"', "\u201d", "\u2019", "...", ".", "!", "?", ")", EOS))
#: Longest first: where one emoticon starts another (":c", ":c)") TextBlob tries the longer one
#: first too, as its group comes first in ``EMOTICONS``.
_ALL_EMOTICONS = sorted(
    {e for group in TB_EMOTICONS.values() for e in group}, key=lambda e: (-len(e), e)
)
#: TextBlob's ``RE_SARCASM`` and ``RE_EMOTICONS``.
_SARCASM_RE = re.compile(r"\( ?\! ?\)")
_EMOTICON_RE = re.compile(
    "({})($|\\s)".format("|".join(" ?".join(map(re.escape, e)) for e in _ALL_EMOTICONS))
)
_GLUE_RE = re.compile(_glue_pattern(_ALL_EMOTICONS))
#: Lowercased emoticon -> polarity. TextBlob compares lowercased tokens, tries the groups in
#: order, and skips alphabetic tokens ("xd") and substrings of its punctuation string.
EMOTICON_POLARITY: Mapping[str, float] = MappingProxyType(
    {
        e.lower(): polarity
        for (_name, polarity), group in reversed(list(TB_EMOTICONS.items()))
        for e in group
        if not e.lower().isalpha() and len(e) <= 5 and e.lower() not in TB_PUNCTUATION
    }
)


def _glue(match: re.Match[str]) -> str:
    return match.group(1).replace(" ", "") + match.group(2)


def textblob_tokens(text: str) -> list[str]:
    """TextBlob's lowercased tokens of `text`: ``" ".join(find_tokens(text)).lower().split()``.

    Paragraph breaks, where ``find_tokens`` puts a sentence-ending token that it removes again,
    only matter for its emoticon rule (which works per sentence): :func:`_glued_tokens`.
    """
    spaced = text.replace("n't", " n't")
    joined = " ".join(TOKEN_RE.findall(spaced))
    if _GLUE_RE.search(joined) or EOS in text:
        return _glued_tokens(spaced)
    return joined.lower().split()


def _glued_tokens(spaced: str) -> list[str]:
    """The rest of ``find_tokens`` as TextBlob runs it: sentences, then sarcasm and emoticons."""
    tokens = [
        "..." if len(t) > 2 and not t.strip(".") else t
        for t in TOKEN_RE.findall(_PARAGRAPH_BREAK_RE.sub(f" {EOS} ", spaced))
    ]
    sentences: list[list[str]] = [[]]
    i = j = 0
    while j < len(tokens):
        if tokens[j] in _SENTENCE_ENDS:
            while j < len(tokens) and tokens[j] in _SENTENCE_END_RUN:
                if tokens[j] in ("'", '"') and sentences[-1].count(tokens[j]) % 2 == 0:
                    break  # (always: the sentence is empty until it is extended)
                j += 1
            sentences[-1].extend(t for t in tokens[i:j] if t != EOS)
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


def marked_tokens(text: str, cuts: Sequence[int]) -> tuple[list[str], list[int]] | None:
    """:func:`textblob_tokens` of `text` with a mark token at each cut, and the marks' indexes.

    Tokenizes the text once, with the cuts marked in it. A mark is a one-character token that
    the assessment rules pass over like any other. None where a mark could change a token (a cut
    inside a word, or inside an ``n't``) or where TextBlob glues tokens into an emoticon.
    """
    if _MARK in text or EOS in text:
        return None
    if cuts:
        separators = SEPARATORS
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


# --- The tokens that count ---------------------------------------------------------------------
#
# Most tokens only matter through their length, and only while a negation or modifier is pending.
# So the fast path finds the tokens that count (lexicon words, negations, "!") with an
# Aho-Corasick automaton, checks each is one of TextBlob's tokens, and tokenizes the stretch
# between two of them only while something is pending. Where TextBlob could glue tokens into an
# emoticon or "(!)", or a paragraph holds its END-OF-SENTENCE marker, the full tokenization runs.

#: Characters that end a token or can be split from its edges: all become spaces in `space_breaks`.
_BREAKS = "".join(sorted(SEPARATORS | set(TB_PUNCTUATION) | {"."}))


space_breaks = translator(dict.fromkeys(_BREAKS, " "))


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
GLUE_CANDIDATE_RE = re.compile(_trie_pattern((*_ALL_EMOTICONS, "(!)"), r"\s*"))


def is_token(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is one of TextBlob's tokens of `text` (``n't`` split off)."""
    separators = SEPARATORS
    n = len(text)
    if (not start or text[start - 1] in separators) and (end == n or text[end] in separators):
        return True
    # Punctuation at an edge: tokenize the whitespace-delimited chunk, as find_tokens does.
    chunk_start, chunk_end = start, end
    while chunk_start and text[chunk_start - 1] not in separators:
        chunk_start -= 1
    while chunk_end < n and text[chunk_end] not in separators:
        chunk_end += 1
    for m in TOKEN_RE.finditer(text, chunk_start, chunk_end):
        if m.start() >= start:
            return m.start() == start and m.end() == end
    return False
