"""The grammar's word lists: titles, speech cues, negators, words around names; data files here.

Each list exists once, in a small file beside this module with a comment header saying what it
is for (``titles.tsv``, ``speech_cues.tsv``, ``negators.txt``, ``name_words.tsv``); the layers
that need it (attribution, actor names, the analysis' negation check) read it from here. Files
are read with :mod:`importlib.resources`, parsed once, and returned as read-only sets and
tuples.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib.resources import files
from types import MappingProxyType
from typing import Literal, NamedTuple

from framing.errors import LexiconError

__all__ = [
    "NameWordRole",
    "SpeechCue",
    "TitleRole",
    "name_words",
    "negators",
    "speech_cues",
    "titles",
]

#: ``title``: stands before a person's name; ``office``: a word of an office's description that
#: also opens organisation names (dropped from speaker phrases, never from actor names).
TitleRole = Literal["title", "office"]
_TITLE_ROLES = ("title", "office")
_CUE_KINDS = ("verb", "participle", "according")
#: The roles of a word around actor names (see ``name_words.tsv``).
NameWordRole = Literal["particle", "connector", "date", "org_head"]
_NAME_WORD_ROLES = ("particle", "connector", "date", "org_head")


def _rows(name: str, columns: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The data rows of a grammar file: comments (``#``) and blank lines skipped; a header row
    naming `columns` first when there is more than one column."""
    text = files(__name__).joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if len(columns) > 1:
        header = tuple(lines.pop(0).split("\t")) if lines else ()
        if header != columns:
            raise LexiconError(f"grammar file {name}: header {header} is not {columns}")
    rows = [tuple(line.split("\t")) for line in lines]
    for row in rows:
        if len(row) != len(columns) or any(not cell or cell != cell.strip() for cell in row):
            raise LexiconError(f"grammar file {name}: bad row {row!r}; expected {columns}")
    return rows


@functools.cache
def _role_table(name: str, known: tuple[str, ...]) -> Mapping[str, frozenset[str]]:
    """Role -> its words, from a grammar file of ``word`` and ``role`` columns."""
    out: dict[str, set[str]] = {role: set() for role in known}
    for word, role in _rows(name, ("word", "role")):
        if role not in out:
            raise LexiconError(f"{name}: {word!r} has unknown role {role!r}; use one of {known}")
        out[role].add(word)
    return MappingProxyType({role: frozenset(words) for role, words in out.items()})


def _check_role(role: str, known: tuple[str, ...], what: str) -> None:
    if role not in known:
        raise ValueError(f"unknown {what} role {role!r}; use one of {known}")


@functools.cache
def titles(*roles: TitleRole) -> frozenset[str]:
    """Titles and honorifics (``president``, ``gen``, ``imam``), lowercase, without a period.

    With `roles`, only the words of those roles (``"title"``, ``"office"``); without, all.
    """
    for role in roles:
        _check_role(role, _TITLE_ROLES, "title")
    table = _role_table("titles.tsv", _TITLE_ROLES)
    return frozenset().union(*(table[role] for role in roles or _TITLE_ROLES))


@functools.cache
def name_words(role: NameWordRole) -> frozenset[str]:
    """The words of one role around actor names: ``particle`` (``al``, ``el``), ``connector``
    (``bin``, ``of``), ``date`` (``monday``, ``jan``) or ``org_head`` (``front``, ``brigade``)."""
    _check_role(role, _NAME_WORD_ROLES, "name-word")
    return _role_table("name_words.tsv", _NAME_WORD_ROLES)[role]


class SpeechCue(NamedTuple):
    """A speech cue: the word(s), its kind (``verb``, ``participle``, ``according``), whether
    it is factive, and what its reported content may be: a clause without "that"
    (`bare_clause`), an infinitive (`to_clause`), or an object and its complement (`object`)."""

    cue: str
    kind: str
    factive: bool
    bare_clause: bool
    to_clause: bool = False
    object: bool = False


_CUE_COLUMNS = ("cue", "kind", "factive", "bare_clause", "to_clause", "object")


@functools.cache
def speech_cues() -> tuple[SpeechCue, ...]:
    """The speech cues of ``speech_cues.tsv``, in file order."""
    out = []
    for cue, kind, *flags in _rows("speech_cues.tsv", _CUE_COLUMNS):
        if kind not in _CUE_KINDS or any(f not in ("yes", "no") for f in flags):
            raise LexiconError(f"speech_cues.tsv: bad row for {cue!r}")
        factive, bare, to, obj = (f == "yes" for f in flags)
        out.append(SpeechCue(cue, kind, factive, bare, to, obj))
    return tuple(out)


@functools.cache
def negators() -> tuple[str, ...]:
    """Words that negate a lexicon match a few words after them (``not``, ``without``, ``n't``)."""
    return tuple(word for (word,) in _rows("negators.txt", ("word",)))
