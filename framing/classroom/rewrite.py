"""The neutral rewrite: loaded words in the outlet's own voice replaced by neutral alternatives.

Only the reporter's own words change; quotes, reported speech and scare-quoted words stay as they
are. For each loaded word the lexicon's alternatives are tried in order, and the first one that
fits is used: it must be a plain wording (not "named group" or "... (attributed)"), carry no
loaded language itself, and take the same word form (plural, "-ing", "has taken"). "a"/"an"
before it is fixed, and capitals follow the original (a sentence start, a headline).

Where no alternative fits, the place is **marked, not guessed**: identity words (a religion or
ethnic group: swapping them would change the facts), verbs used as nouns ("the claims"), phrases
whose alternatives need the sentence rebuilt ("at Assad's request"), and words with no listed
neutral alternative.

>>> from framing import analyze
>>> rw = rewrite(analyze("Militants seized the town."))          # doctest: +SKIP
>>> rw.text()                                                    # doctest: +SKIP
'Fighters took control of the town.'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from framing.classroom.evidence import Evidence, gather, is_title_case
from framing.classroom.inflect import Form, a_or_an, apply_form, form_of, is_plural, match_case
from framing.lexicon.matcher import compile_matcher

if TYPE_CHECKING:
    from framing.analysis import Analysis, Match
    from framing.lexicon.format import Lexicon

__all__ = [
    "Change",
    "Rewrite",
    "format_alternatives",
    "is_neutral_wording",
    "rewrite",
    "split_alternatives",
]

#: Categories whose neutral-direction words are not swapped: they name a real group or belief
#: (slurs in these categories are delegitimizing and do get their listed alternative).
KEEP_CATEGORIES = frozenset({"identity_marker"})
#: Categories whose terms are verbs (the alternative's first word carries the verb form).
VERB_CATEGORIES = frozenset(
    {"control", "loaded_reporting_verb", "reporting_verb", "factive_verb", "combative_verb"}
)
_ADJECTIVE_CATEGORIES = frozenset(
    {"emotive", "intensifier", "sponsorship", "legitimacy", "name_calling", "partisan_label"}
)
_DETERMINERS = frozenset(
    "the a an these those this that its their his her our your both all such any".split()
)
_PERFECT = frozenset("has have had having been be being is was were are".split())
_PREPOSITIONS = frozenset("of to from by with for in on at against about".split())
#: Not a wording to put in the text: notes in brackets, "said ... would", "named group" (advice to
#: use the group's name), wildcards.
_BAD_ALT_RE = re.compile(r"[()*/…]|\.\.\.|\bnamed\b")
_ARTICLE_RE = re.compile(r"\b(an?|An?|AN?)\s+$")


@dataclass(frozen=True)
class Change:
    """One place in the rewrite: a replacement, or a mark where no neutral wording fits."""

    start: int
    end: int
    original: str
    replacement: str | None
    status: Literal["replaced", "marked"]
    note: str
    match: Match
    paragraph: int

    @property
    def replaced(self) -> bool:
        return self.status == "replaced"


@dataclass(frozen=True)
class Rewrite:
    """An article and the changes of its neutral rewrite."""

    evidence: Evidence
    changes: tuple[Change, ...]

    @property
    def analysis(self) -> Analysis:
        return self.evidence.analysis

    def segments(self, start: int, end: int) -> list[tuple[str, Change | None]]:
        """The text of ``[start, end)`` cut into plain stretches and changes."""
        text = self.analysis.text
        out: list[tuple[str, Change | None]] = []
        pos = start
        for c in self.changes:
            if c.start < start or c.end > end:
                continue
            if c.start > pos:
                out.append((text[pos : c.start], None))
            out.append((c.original, c))
            pos = c.end
        if pos < end:
            out.append((text[pos:end], None))
        return out

    def paragraphs(self) -> list[tuple[int, list[tuple[str, Change | None]]]]:
        """(display number, segments) for the headline (0) and every body paragraph."""
        ev = self.evidence
        out = []
        if ev.headline is not None:
            out.append((0, self.segments(*ev.headline)))
        for i, (s, e) in enumerate(ev.body, start=1):
            out.append((i, self.segments(s, e)))
        return out

    def written(
        self, change: Callable[[str, Change], str], plain: Callable[[str], str] = str
    ) -> list[tuple[int, str]]:
        """(display number, text) of every paragraph, each change written by
        ``change(original, c)`` and the text around it by ``plain``."""
        return [
            (n, "".join(plain(chunk) if c is None else change(chunk, c) for chunk, c in segs))
            for n, segs in self.paragraphs()
        ]

    def text(self, *, marks: bool = True) -> str:
        """The rewritten article: replacements _applied, marked places as ``[?word?]``."""
        paragraphs = self.written(_applied if marks else _applied_unmarked)
        return "\n\n".join(text for _, text in paragraphs) + "\n"

    def paragraph_text(self, number: int) -> str:
        """One rewritten paragraph (0 is the headline)."""
        for n, text in self.written(_applied):
            if n == number:
                return text
        raise IndexError(number)

    @property
    def replaced(self) -> list[Change]:
        return [c for c in self.changes if c.replaced]

    @property
    def marked(self) -> list[Change]:
        return [c for c in self.changes if not c.replaced]


def _applied(original: str, c: Change) -> str:
    """A change as the rewrite reads: its replacement, or ``[?original?]`` where it is marked."""
    return (c.replacement or "") if c.replaced else f"[?{original}?]"


def _applied_unmarked(original: str, c: Change) -> str:
    return (c.replacement or "") if c.replaced else original


def rewrite(analysis: Analysis, evidence: Evidence | None = None) -> Rewrite:
    """The neutral rewrite of an analysed article (see the module notes for the rules)."""
    ev = evidence or gather(analysis)
    changes = [_change(analysis, w.match, w.paragraph) for w in ev.outlet]
    return Rewrite(ev, tuple(changes))


def _is_verb(m: Match) -> bool:
    """Whether the term is a verb: by category, or a single past-tense word ("massacred")."""
    if m.category in VERB_CATEGORIES:
        return True
    term = m.term.lower()
    return (
        term.endswith("ed")
        and not any(c in term for c in " -'")
        and m.category not in _ADJECTIVE_CATEGORIES
    )


def _change(analysis: Analysis, m: Match, paragraph: int) -> Change:
    text = analysis.text

    def marked(note: str) -> Change:
        return Change(m.start, m.end, m.text, None, "marked", note, m, paragraph)

    if m.category in KEEP_CATEGORIES and m.direction == "neutral":
        return marked(
            "An identity word (religion, ethnic group or belief). Swapping it would change the "
            "facts: keep it only if it matters to the story."
        )
    before = text[max(0, m.start - 30) : m.start].split()
    prev = before[-1].lower() if before else ""
    after = text[m.end : m.end + 30].split()
    nxt = re.sub(r"\W+$", "", after[0].lower()) if after else ""
    ends_clause = not after or (not text[m.end : m.end + 1].isspace() and text[m.end] in ".,;:!?)")
    verb = _is_verb(m)
    if verb and prev in _DETERMINERS:
        return marked(
            f"Used as a noun here ({prev} {m.text}); no alternative is listed for that use."
        )
    form = form_of(m.text, m.term)
    if form is None:
        return marked(
            "The alternatives do not fit this sentence word for word; rewrite the sentence "
            f"by hand (ideas: {'; '.join(m.alternatives) or 'none listed'})."
        )
    if verb and form == "same" and prev in _PERFECT:
        form = "participle"
    title = is_title_case(analysis.document.sentence_text(m.sentence))
    tried = []
    for alt in m.alternatives:
        if not is_neutral_wording(alt, analysis.lexicons):
            continue
        last = alt.split()[-1].lower()
        if last in _PREPOSITIONS and (ends_clause or nxt in _PREPOSITIONS):
            continue  # "area held by" needs an object the sentence does not give
        tried.append(alt)
        new = apply_form(alt, _verb_form(form) if verb else form, verb=verb)
        if new is None:
            continue
        new = match_case(m.text, new, title=title)
        start = m.start
        art = _ARTICLE_RE.search(text, max(0, m.start - 4), m.start)
        if art and art.end() == m.start:
            first = new.split()[0]
            article = "" if is_plural(first) and not verb else a_or_an(first)
            if article:
                article = match_case(art.group(1), article)
            new = f"{article} {new}" if article else new
            start = art.start()
            if start in analysis.document.sentence_openings:
                new = new[:1].upper() + new[1:]
        return Change(start, m.end, text[start : m.end], new, "replaced", "", m, paragraph)
    if tried:
        return marked(
            f"No rule puts the alternatives ({'; '.join(tried)}) in the form of "
            f"{m.text!r}; choose the wording by hand."
        )
    return marked("No neutral alternative is listed that fits here.")


def _verb_form(form: Form) -> Form:
    return {"plural": "s", "singular": "base"}.get(form, form)


def is_neutral_wording(alt: str, lexicons: tuple[Lexicon, ...]) -> bool:
    """A plain wording with no loaded language of its own."""
    if not alt.strip() or _BAD_ALT_RE.search(alt):
        return False
    return not _loaded_in(alt, lexicons)


_LOADED_CACHE: dict[tuple[tuple[str, ...], str], bool] = {}


def _loaded_in(alt: str, lexicons: tuple[Lexicon, ...]) -> bool:
    key = (tuple(lex.sha256 for lex in lexicons), alt)
    found = _LOADED_CACHE.get(key)
    if found is None:
        if len(_LOADED_CACHE) > 20_000:
            _LOADED_CACHE.clear()
        found = any(h.entry.loaded for h in compile_matcher(lexicons).find(alt))
        _LOADED_CACHE[key] = found
    return found


def split_alternatives(
    alternatives: tuple[str, ...], lexicons: tuple[Lexicon, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The lexicon's alternatives split into (neutral, loaded): a loaded alternative is another
    side's word ("liberated" for "seized"), shown as such rather than as a neutral choice."""
    neutral: list[str] = []
    loaded: list[str] = []
    for alt in alternatives:
        (loaded if _loaded_in(alt, lexicons) else neutral).append(alt)
    return tuple(neutral), tuple(loaded)


def format_alternatives(
    alternatives: tuple[str, ...], lexicons: tuple[Lexicon, ...], direction: str = ""
) -> str:
    """Neutral alternatives first; a loaded one is named as such, or as the other side's word
    when it leans the opposite way ("liberated" for "seized")."""
    neutral, loaded = split_alternatives(alternatives, lexicons)
    out = "; ".join(neutral) or "none listed"
    mirror: list[str] = []
    other: list[str] = []
    for alt in loaded:
        dirs = {h.entry.direction for h in compile_matcher(lexicons).find(alt) if h.entry.loaded}
        opposite = {"legitimizing": "delegitimizing", "delegitimizing": "legitimizing"}
        (mirror if opposite.get(direction) in dirs else other).append(alt)
    if mirror:
        out += f" (other side's word: {'; '.join(mirror)})"
    if other:
        out += f" (also loaded: {'; '.join(other)})"
    return out
