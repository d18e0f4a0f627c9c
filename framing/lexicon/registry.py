"""Finding lexicons: the packaged ones by name, a user's by file path."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path

from framing.errors import LexiconError
from framing.lexicon.format import Lexicon, read_lexicon

__all__ = ["DEFAULT_LEXICONS", "data_dir", "load_lexicon", "load_lexicons", "packaged_names"]

#: Packaged lexicons active by default, in priority order (earlier wins a tie on the same span).
DEFAULT_LEXICONS: tuple[str, ...] = ("conflict", "political", "sourcing")


@functools.cache
def data_dir() -> Path:
    """The folder holding the packaged lexicons.

    In an installed wheel this is ``framing/lexicons``; in a source checkout (editable install)
    the top-level ``lexicons/`` folder is the one source of truth.
    """
    packaged = resources.files("framing") / "lexicons"
    if packaged.is_dir():
        return Path(str(packaged))
    source = Path(__file__).resolve().parents[2] / "lexicons"
    if source.is_dir() and (source.parent / "pyproject.toml").exists():
        return source
    raise LexiconError(
        "the packaged lexicons are missing from this installation; reinstall framing"
    )


def packaged_names() -> list[str]:
    """Names of the packaged lexicons (defaults first, then the rest alphabetically)."""
    return list(_packaged_names())


@functools.cache
def _packaged_names() -> tuple[str, ...]:
    # listed once: the installed package does not change while it runs (and listing a folder
    # on every analyze() call cost more than analysing a short article)
    names = sorted(p.stem for p in data_dir().glob("*.tsv"))
    return (
        *(n for n in DEFAULT_LEXICONS if n in names),
        *(n for n in names if n not in DEFAULT_LEXICONS),
    )


@functools.cache
def _load_packaged(name: str) -> Lexicon:
    return read_lexicon(data_dir() / f"{name}.tsv")


@functools.cache
def _load_path(path: Path, mtime_ns: int) -> Lexicon:
    return read_lexicon(path)


def load_lexicon(name_or_path: str | Path) -> Lexicon:
    """Load a packaged lexicon by name, or a user lexicon by the path of its .tsv (or .toml)."""
    text = str(name_or_path)
    if isinstance(name_or_path, str) and name_or_path in _packaged_names():
        return _load_packaged(name_or_path)
    path = Path(text)
    if path.suffix in (".tsv", ".toml") or path.exists():
        tsv = path.with_suffix(".tsv") if path.suffix == ".toml" else path
        if not tsv.exists():
            raise LexiconError(f"no such lexicon file: {tsv}")
        resolved = tsv.resolve()
        return _load_path(resolved, resolved.stat().st_mtime_ns)
    raise LexiconError(
        f"unknown lexicon {text!r}: give a packaged name ({', '.join(packaged_names())}) "
        "or the path of a .tsv file"
    )


def load_lexicons(names: Iterable[str | Path | Lexicon] | None = None) -> tuple[Lexicon, ...]:
    """Load several lexicons (default: the packaged defaults), refusing two with one name."""
    chosen: Sequence[str | Path | Lexicon] = (
        list(DEFAULT_LEXICONS) if names is None else list(names)
    )
    if not chosen:
        raise LexiconError("no lexicon selected")
    out: list[Lexicon] = []
    for item in chosen:
        lexicon = item if isinstance(item, Lexicon) else load_lexicon(item)
        if any(other.name == lexicon.name for other in out):
            raise LexiconError(f"two lexicons are named {lexicon.name!r}; rename one in its card")
        out.append(lexicon)
    return tuple(out)
