"""The data files of the installed TextBlob: Pattern's sentiment lexicon, Brill's word classes.

They are read from the installed ``textblob`` package at run time, never copied into this
repository. ``importlib.util.find_spec`` only locates the package: importing textblob would import
NLTK with it (about two seconds), and all we need is where its data files are.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from framing.errors import LexiconError

__all__ = ["textblob_file"]


def textblob_file(name: str, what: str = "data file") -> Path:
    """``textblob/en/<name>`` of the installed textblob, found without importing it.

    `what` names the file in the error raised when it is missing ("sentiment lexicon").
    """
    try:
        spec = importlib.util.find_spec("textblob")  # locates the package, imports nothing
    except (ImportError, ValueError):
        spec = None
    for location in list(spec.submodule_search_locations or []) if spec is not None else []:
        path = Path(location) / "en" / name
        if path.is_file():
            return path
    raise LexiconError(
        f"TextBlob's {what} textblob/en/{name} was not found; "
        "install or reinstall textblob (pip install 'textblob>=0.18')"
    )
