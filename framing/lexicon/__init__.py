"""Lexicons: the file format, the packaged lexicons and the matcher."""

from framing.lexicon.format import Entry, Lexicon, Problem, read_lexicon, validate_lexicon
from framing.lexicon.registry import DEFAULT_LEXICONS, load_lexicon, load_lexicons, packaged_names

__all__ = [
    "DEFAULT_LEXICONS",
    "Entry",
    "Lexicon",
    "Problem",
    "load_lexicon",
    "load_lexicons",
    "packaged_names",
    "read_lexicon",
    "validate_lexicon",
]
