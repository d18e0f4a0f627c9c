"""Sentiment: TextBlob's pattern polarity and subjectivity in one fast pass, and VADER's compound.

:func:`pattern_sentiment` returns what ``TextBlob(text).sentiment`` returns (its default
``PatternAnalyzer``, the algorithm of Pattern's ``pattern.en.sentiment``), computed here in our own
single pass about ten times faster. The lexicon is Pattern's ``en-sentiment.xml`` as shipped
inside the installed ``textblob`` package: it is read from there at run time (never copied into
this repository), parsed once, lazily, into plain read-only mappings.

How it reproduces TextBlob
--------------------------
TextBlob lowercases the tokens of its ``find_tokens`` and feeds them to ``Sentiment.assessments``.
Only a few tokens matter there: lexicon words, the negations ``no``/``not``/``never``, ``!``,
``(!)`` and emoticons. Every other token only matters through its length (a negation is kept
across tokens of at most one character, a modifier such as ``very`` across tokens of at most
two). So one compiled regular expression reproduces ``find_tokens``' token boundaries exactly:

* ``n't`` is split from the word before it (``didn't`` -> ``did n ' t``); every ASCII or
  typographic quote/apostrophe is a token of its own, so ``n't`` is never seen as a negation
  (as in TextBlob);
* leading punctuation ``,;:!?()[]{}`@#$^&*+-|=~_`` is split char by char, trailing punctuation
  too, ``...`` (three or more periods) is one token, a final period is split unless the word is
  an abbreviation by TextBlob's rules (``U.S.``, ``Mr.``, ``etc.``, ``e.g.``; case-sensitive);
* runs of tokens TextBlob's emoticon and ``(!)`` rules glue together (``: )``, ``( ! )``,
  ``8 )``) are merged by the same rules, only when a cheap pre-check finds one.

The assessment rules are TextBlob's, in the same order and with the same float arithmetic, so
polarity and subjectivity are equal to TextBlob's (not just to two decimals) on every one of the
804 FA-KES articles, the 301 PTC articles and the 2,904 BABE sentences we test against.

Known differences (none occurs in those data sets): TextBlob applies its emoticon regex per
sentence, we apply it to the whole text, so a paragraph break (``\\n\\n``) inside a spaced
emoticon, e.g. ``:`` / blank line / ``)``, is treated like a space; and where two emoticons of
TextBlob's table overlap (``: c )`` is ``:c`` or ``:c)``) TextBlob's choice depends on the
process's string-hash seed, ours prefers the longer one.

Sentences
---------
:func:`document_sentiment` makes the same pass over a whole document and attributes each
assessment to the caller's sentence that holds its (last) lexicon word, so the document score is
exactly :func:`pattern_sentiment` of the text and each sentence's score equals
``pattern_sentiment`` of the sentence's slice, except where a negation or modifier reaches across a
sentence boundary (``... not. Good ...``), as TextBlob's own whole-text pass does.

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
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from framing.errors import LexiconError, ModelError

__all__ = [
    "SENTIMENT_MODELS",
    "SentimentScore",
    "document_sentiment",
    "pattern_sentiment",
    "vader_compound",
    "vader_sentences",
]


@dataclass(frozen=True, slots=True)
class SentimentScore:
    """Polarity (-1..1), subjectivity (0..1) and how many assessments carried sentiment."""

    polarity: float
    subjectivity: float
    assessed: int


# --- TextBlob's tokenizer tables (textblob/_text.py, MIT; from Pattern, BSD-3-Clause) ----------

#: ``textblob._text.PUNCTUATION``: split from the start and end of a word (periods separately).
TEXTBLOB_PUNCTUATION = ".,;:!?()[]{}`''\"@#$^&*+-|=~_"
#: ``textblob._text.ABBREVIATIONS``: words whose final period is kept.
TEXTBLOB_ABBREVIATIONS = frozenset(
    "a. adj. adv. al. a.m. c. cf. comp. conf. def. ed. e.g. esp. etc. ex. f. fig. gen. id. i.e. "
    "int. l. m. Med. Mil. Mr. n. n.q. orig. pl. pred. pres. p.m. ref. v. vs. w/".split()
)
#: ``textblob._text.EMOTICONS``: (expression, polarity) -> emoticons, in TextBlob's order.
TEXTBLOB_EMOTICONS: Mapping[tuple[str, float], frozenset[str]] = MappingProxyType(
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
        ("gasp", +0.05): frozenset(
            (">:o", ":-O", ":O", ":o", ":-o", "o_O", "o.O", "°O°", "°o°")
        ),
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
_PUNCT = "".join(sorted(set(TEXTBLOB_PUNCTUATION) - set(_QUOTES) - {"."}))


def _char_class(chars: str) -> str:
    return "".join("\\" + c if c in "\\]^-[" else c for c in chars)


def _abbreviation_pattern() -> str:
    """Words whose final period `find_tokens` keeps: its three regexes and its list."""
    covered = re.compile(r"(?:[A-Za-z]\.)+")
    listed = sorted(
        (a[:-1] for a in TEXTBLOB_ABBREVIATIONS if a.endswith(".") and not covered.fullmatch(a)),
        key=lambda a: (-len(a), a),
    )
    return (
        r"(?:(?:[A-Za-z]\.)+"  # "e.g.", "U.S.", "T."
        r"|[A-Z][bcdfghjklmnpqrstvwxz|]+\."  # "Mr.", "Dr.", "Ltd." (TextBlob's RE_ABBR3)
        r"|(?:" + "|".join(re.escape(a) for a in listed) + r")\.)"
    )


def _token_pattern() -> str:
    q, p = _char_class(_QUOTES), _char_class(_PUNCT)
    rest_is_tail = rf"(?=[{p}.]*(?:[\s{q}]|\Z))"  # only punctuation/periods up to the word's end
    return (
        rf"[{q}]"  # a quote or apostrophe
        rf"|[{p}]"  # leading or trailing punctuation, one char a token
        rf"|\.{{3,}}{rest_is_tail}"  # trailing ellipsis
        rf"|\.{rest_is_tail}"  # trailing period
        rf"|{_abbreviation_pattern()}(?!\.\.){rest_is_tail}"  # abbreviation keeps its period
        rf"|[^\s{q}{p}](?:[^\s{q}]*[^\s{q}{p}.])?"  # the word up to its last non-punctuation
    )


#: One token of TextBlob's ``find_tokens`` (after its ``n't`` -> `` n't`` replacement).
_TOKEN_RE = re.compile(_token_pattern())


def _spaced(emoticon: str) -> str:
    """TextBlob's pattern for an emoticon typed with spaces between its characters.

    A standalone period ends TextBlob's sentence, and its emoticon rule works per sentence: a
    period with a space on both sides cannot be inside an emoticon.
    """
    out = re.escape(emoticon[0])
    for prev, char in zip(emoticon, emoticon[1:], strict=False):
        if prev == "." and out.endswith(r" ?\."):
            out = out[: -len(r" ?\.")] + r"(?:\. ?| \.)" + re.escape(char)
        else:
            out += " ?" + re.escape(char)
    return out


def _trie_pattern(words: Sequence[str]) -> str:
    """A regex alternation of literal `words`, factored by common prefixes (fast to scan)."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        alts = [re.escape(char) + render(child) for char, child in sorted(node.items()) if char]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return render(tree)


def _spacings(emoticon: str) -> Iterator[str]:
    """Every way to type `emoticon` with at least one space between its characters."""
    gaps = len(emoticon) - 1
    for mask in range(1, 2**gaps):
        yield emoticon[0] + "".join(
            (" " if mask >> k & 1 else "") + c for k, c in enumerate(emoticon[1:])
        )


_ALL_EMOTICONS = sorted(
    {e for group in TEXTBLOB_EMOTICONS.values() for e in group}, key=lambda e: (-len(e), e)
)
#: TextBlob's ``RE_SARCASM`` and ``RE_EMOTICONS`` (longest emoticon first where two overlap).
_SARCASM_RE = re.compile(r"\( ?\! ?\)")
_EMOTICON_RE = re.compile(r"(%s)($|\s)" % "|".join(_spaced(e) for e in _ALL_EMOTICONS))
#: Cheap test: could either rule glue tokens together in this space-joined token string?
_GLUE_RE = re.compile(
    r"\( ! \)|(?:%s)(?!\S)"
    % _trie_pattern(sorted({s for e in _ALL_EMOTICONS for s in _spacings(e)}))
)
#: Lowercased emoticon -> polarity. TextBlob compares lowercased tokens, tries the groups in
#: order, and skips alphabetic tokens ("xd") and substrings of its punctuation string.
_EMOTICON_POLARITY: Mapping[str, float] = MappingProxyType(
    {
        e.lower(): polarity
        for (_name, polarity), group in reversed(TEXTBLOB_EMOTICONS.items())
        for e in group
        if not e.lower().isalpha() and len(e) <= 5 and e.lower() not in TEXTBLOB_PUNCTUATION
    }
)


def _glue(match: re.Match[str]) -> str:
    return match.group(1).replace(" ", "") + match.group(2)


def _raw_tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text.replace("n't", " n't"))


def _lower_tokens(raw: list[str]) -> list[str]:
    """Lowercased tokens after TextBlob's sarcasm and emoticon rules glued some together."""
    joined = " ".join(raw)
    if _GLUE_RE.search(joined):
        joined = _EMOTICON_RE.sub(_glue, _SARCASM_RE.sub("(!)", joined))
    return joined.lower().split()


def _positioned_tokens(text: str) -> tuple[list[str], list[int]]:
    """Lowercased tokens (as :func:`_lower_tokens`) and their start offsets into `text`."""
    spaced = text.replace("n't", " n't")
    raw: list[str] = []
    starts: list[int] = []
    for match in _TOKEN_RE.finditer(spaced):
        raw.append(match.group())
        starts.append(match.start())
    if len(spaced) != len(text):  # undo the inserted spaces: the j-th went in at k_j + j
        spaces = [m.start() + j for j, m in enumerate(re.finditer("n't", text))]
        starts = [start - bisect_left(spaces, start) for start in starts]
    tokens = _lower_tokens(raw)
    if len(tokens) != len(raw):  # some were glued: a glued token starts where its first did
        glued_starts = []
        k = 0
        for token in tokens:
            glued_starts.append(starts[k])
            length = len(raw[k])
            k += 1
            while length < len(token):
                length += len(raw[k])
                k += 1
        starts = glued_starts
    return tokens, starts


# --- The lexicon --------------------------------------------------------------------------------

#: Modifier kinds: a lexicon word with an adverb (RB) sense modifies the next word; only an
#: ``-ly`` modifier can take a following negation into its own assessment ("really not").
_NOT_MODIFIER, _MODIFIER, _LY_MODIFIER = 0, 1, 2


@dataclass(frozen=True, slots=True)
class _PatternLexicon:
    #: word -> (polarity, subjectivity, intensity, modifier kind, is a negation)
    words: Mapping[str, tuple[float, float, float, int, bool]]
    #: tokens outside `words` that are not just their length: negations, "!", "(!)", emoticons
    special: frozenset[str]


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


def _avg(values: Sequence[float]) -> float:
    return sum(values) / float(len(values) or 1)


@functools.cache
def _pattern_lexicon() -> _PatternLexicon:
    """Pattern's lexicon, averaged exactly as TextBlob's ``Sentiment.load`` does."""
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
    for form, by_pos in senses.items():
        averaged: dict[str | None, Sequence[float]] = {
            pos: [_avg(each) for each in zip(*psi, strict=True)] for pos, psi in by_pos.items()
        }
        averaged[None] = [_avg(each) for each in zip(*averaged.values(), strict=True)]
        words[form] = averaged
    # textblob.en.Sentiment.load: "terrible" (JJ) also gives the adverb "terribly" (RB).
    for form, by_pos in list(words.items()):
        if "JJ" in by_pos:
            stem = form[:-1] + "i" if form.endswith("y") else form
            if stem.endswith("le"):
                stem = stem[:-2]
            scores = tuple(by_pos["JJ"])
            adverb = words.setdefault(stem + "ly", {})
            adverb["RB"] = adverb[None] = scores
    table: dict[str, tuple[float, float, float, int, bool]] = {}
    for form, by_pos in words.items():
        p, s, i = by_pos[None]
        kind = _NOT_MODIFIER
        if "RB" in by_pos:
            kind = _LY_MODIFIER if form.endswith("ly") else _MODIFIER
        table[form] = (p, s, i, kind, form in NEGATIONS)
    special = (NEGATIONS | {"!", "(!)"} | _EMOTICON_POLARITY.keys()) - table.keys()
    return _PatternLexicon(words=MappingProxyType(table), special=frozenset(special))


# --- Assessments ----------------------------------------------------------------------------------


def _assess(tokens: list[str]) -> list[list[float]]:
    """TextBlob's ``Sentiment.assessments`` over lowercased tokens.

    Returns one ``[polarity, subjectivity, intensity, negated, token index]`` per assessment;
    ``negated`` is -1.0 where TextBlob's final ``p * -0.5`` applies, else 1.0.
    """
    lexicon = _pattern_lexicon()
    words_get = lexicon.words.get
    special = lexicon.special
    assessments: list[list[float]] = []
    append = assessments.append
    modifier = _NOT_MODIFIER  # the preceding modifier ("very good"), if any
    negated = False  # a preceding negation ("not good")
    for index, w in enumerate(tokens):
        entry = words_get(w)
        if entry is not None:
            p, s, i, kind, is_negation = entry
            if not modifier:
                append([p, s, i, 1.0, index])
            else:
                last = assessments[-1]
                intensity = last[2]
                last[0] = max(-1.0, min(p * intensity, 1.0))
                last[1] = max(-1.0, min(s * intensity, 1.0))
                last[2] = i
                last[4] = index
            if negated:
                last = assessments[-1]
                last[2] = 1.0 / last[2]
                last[3] = -1.0
            modifier = kind
            negated = is_negation
        elif negated or modifier or w in special:
            # TextBlob's rules for a word outside the lexicon. Other words only count by length:
            # a negation is kept across one-character tokens ("not a good"), a modifier across
            # tokens of up to two ("very, very good").
            if w in NEGATIONS:
                negated = True
            elif negated and len(w.strip("'")) > 1:
                negated = False
            if negated and modifier == _LY_MODIFIER:  # "really not good"
                assessments[-1][3] = -1.0
                negated = False
            elif modifier and len(w) > 2:
                modifier = _NOT_MODIFIER
            if w == "!":
                if assessments:
                    last = assessments[-1]
                    last[0] = max(-1.0, min(last[0] * 1.25, 1.0))
            elif w == "(!)":
                append([0.0, 1.0, 1.0, 1.0, index])  # irony
            else:
                emoticon = _EMOTICON_POLARITY.get(w)
                if emoticon is not None:
                    append([emoticon, 1.0, 1.0, 1.0, index])
    return assessments


def _score(assessments: Sequence[list[float]]) -> SentimentScore:
    polarity = 0.0
    subjectivity = 0.0
    for p, s, _i, n, _index in assessments:
        polarity += p * -0.5 if n < 0 else p
        subjectivity += s
    count = len(assessments)
    return SentimentScore(polarity / float(count or 1), subjectivity / float(count or 1), count)


def pattern_sentiment(text: str) -> SentimentScore:
    """Polarity and subjectivity of `text`, equal to ``TextBlob(text).sentiment``.

    >>> pattern_sentiment("The plan is very good.").polarity > 0
    True
    """
    return _score(_assess(_lower_tokens(_raw_tokens(text))))


def document_sentiment(
    text: str, sentences: Sequence[tuple[int, int]]
) -> tuple[SentimentScore, list[SentimentScore]]:
    """The score of `text` and one score per sentence span ``[start, end)``, in one pass.

    The document score equals :func:`pattern_sentiment` of `text`. Each assessment belongs to the
    sentence holding its last lexicon word (or its emoticon), so a sentence's score equals
    ``pattern_sentiment(text[start:end])`` unless a negation or modifier reaches into it from
    the sentence before. Assessments outside every span count for the document only. Spans may
    come in any order; they should not overlap (an assessment goes to the span starting last at
    or before it, if that span holds it).
    """
    tokens, starts = _positioned_tokens(text)
    assessments = _assess(tokens)
    order = sorted(range(len(sentences)), key=lambda k: sentences[k])
    bounds = [sentences[k][0] for k in order]
    per_sentence: list[list[list[float]]] = [[] for _ in sentences]
    for assessment in assessments:
        offset = starts[int(assessment[4])]
        slot = bisect_right(bounds, offset) - 1
        if slot >= 0 and offset < sentences[order[slot]][1]:
            per_sentence[order[slot]].append(assessment)
    return _score(assessments), [_score(group) for group in per_sentence]


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
