"""The one exception family of the library.

Every error a user can cause (bad input, a bad lexicon, a bad model file, an existing report)
is a :class:`FramingError` whose message says what went wrong and what to do. The CLI prints
``Error: <message>`` and exits non-zero; it never shows a traceback for these.
"""

from __future__ import annotations

__all__ = [
    "FramingError",
    "InputError",
    "LexiconError",
    "ModelError",
    "OutputExistsError",
]


class FramingError(Exception):
    """Base class of every error `framing` raises on purpose."""


class InputError(FramingError):
    """An article or corpus could not be read (missing, empty, binary, wrong encoding, too big)."""


class LexiconError(FramingError):
    """A lexicon file is missing or malformed."""


class ModelError(FramingError):
    """A model file is missing, truncated, tampered with or not a framing model."""


class OutputExistsError(FramingError):
    """An output already exists and ``--force`` was not given."""
