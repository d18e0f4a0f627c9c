"""Writing outputs safely: atomically, and never over an existing file without ``force``."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from framing.errors import FramingError, OutputExistsError

__all__ = ["check_new", "commit_dir", "prepare_dir", "staging_dir", "write_bytes", "write_text"]


def check_new(path: str | Path, *, force: bool) -> Path:
    """Refuse an existing output unless `force`; return the path."""
    p = Path(path)
    if p.exists() and not force:
        raise OutputExistsError(f"{p} already exists; pass --force to overwrite it")
    return p


def write_bytes(path: str | Path, data: bytes, *, force: bool = False) -> Path:
    """Write `data` to `path` atomically (temporary file in the same folder, then rename)."""
    p = check_new(path, force=force)
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, p)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise FramingError(f"cannot write {p}: {exc.strerror or exc}") from None
    return p


def write_text(path: str | Path, text: str, *, force: bool = False) -> Path:
    """Write UTF-8 `text` to `path` atomically."""
    return write_bytes(path, text.encode("utf-8"), force=force)


def prepare_dir(path: str | Path, *, force: bool) -> Path:
    """A fresh, empty output folder: refuses an existing non-empty one unless `force`.

    With `force`, an existing folder is replaced only after the new content is complete; callers
    write into the folder returned by :func:`staging_dir` and then call :func:`commit_dir`.
    """
    p = Path(path)
    if p.exists() and any(p.iterdir()) and not force:
        raise OutputExistsError(
            f"{p} already exists and is not empty; pass --force to overwrite it"
        )
    return p


def staging_dir(path: str | Path) -> Path:
    """A temporary sibling folder to build an output folder in."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{p.name}.", dir=p.parent))


def commit_dir(staging: Path, path: str | Path) -> Path:
    """Move a finished staging folder into place, replacing any old one."""
    p = Path(path)
    old = None
    if p.exists():
        old = p.with_name(f".{p.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        os.replace(p, old)
    os.replace(staging, p)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return p
