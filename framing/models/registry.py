"""The models shipped inside the package: where they are, their versions, loading them once.

``framing/models/data/manifest.json`` lists each shipped model file with its name, version and
SHA-256; a file that does not match its hash is refused (it was modified after release).
Models are loaded lazily, once per process.
"""

from __future__ import annotations

import functools
import hashlib
import json
from importlib.resources import files
from importlib.resources.abc import Traversable
from types import MappingProxyType
from typing import Any

from framing.errors import ModelError
from framing.models.persistence import ModelFile, load_model

__all__ = [
    "KINDS",
    "card_metrics",
    "check_shipped",
    "load_shipped",
    "manifest",
    "shipped_available",
    "shipped_info",
    "shipped_versions",
]

KINDS = ("bias", "frames")


def _data() -> Traversable:
    return files("framing.models").joinpath("data")


@functools.cache
def manifest() -> MappingProxyType[str, dict[str, Any]]:
    """kind -> {file, name, version, sha256, card, ...} of each shipped model (may be empty)."""
    entry = _data().joinpath("manifest.json")
    if not entry.is_file():
        return MappingProxyType({})
    try:
        raw = json.loads(entry.read_text("utf-8"))
    except (ValueError, OSError) as exc:
        raise ModelError(
            f"the shipped model manifest is damaged ({exc}); reinstall framing"
        ) from None
    return MappingProxyType({k: dict(v) for k, v in raw.get("models", {}).items()})


def shipped_available(kind: str) -> bool:
    """Whether a model of `kind` ships with this installation."""
    info = manifest().get(kind)
    return info is not None and _data().joinpath(str(info["file"])).is_file()


@functools.cache
def load_shipped(kind: str) -> ModelFile:
    """The shipped model of `kind` (``"bias"`` or ``"frames"``), checked against its SHA-256."""
    if kind not in KINDS:
        raise ModelError(f"unknown model kind {kind!r}; use one of {', '.join(KINDS)}")
    info = manifest().get(kind)
    if not info:
        raise ModelError(
            f"no {kind} model ships with this installation; train one with "
            f"`framing train {kind}` and pass it with --model"
        )
    entry = _data().joinpath(str(info["file"]))
    if not entry.is_file():
        raise ModelError(
            f"the shipped {kind} model file {info['file']} is missing; reinstall framing"
        )
    return load_model(
        f"framing/models/data/{info['file']}",
        kind=kind,
        sha256=str(info["sha256"]),
        data=entry.read_bytes(),
    )


def check_shipped(kind: str) -> None:
    """Raise :class:`ModelError` when the shipped `kind` model file does not match its SHA-256
    (cheap: hashes the file without loading it; :func:`load_shipped` checks the same)."""
    info = manifest().get(kind)
    if not info or not shipped_available(kind):
        return
    data = _data().joinpath(str(info["file"])).read_bytes()
    if hashlib.sha256(data).hexdigest() != info["sha256"]:
        raise ModelError(
            f"framing/models/data/{info['file']} has been modified (its SHA-256 does not match "
            "the one shipped with framing); reinstall framing"
        )


def shipped_versions() -> dict[str, str]:
    """kind -> ``name version`` of each shipped model (what reports cite)."""
    return {
        kind: f"{info.get('name', kind)} {info.get('version', '')}".strip()
        for kind, info in manifest().items()
    }


#: Columns of a model card's performance table that reports quote.
_CARD_METRICS = ("macro-F1", "micro-F1", "ECE")


@functools.cache
def card_metrics(kind: str) -> str:
    """The cross-validated metrics of a shipped model, as its card states them ('' if none).

    Read from the bold row of the first table under "Cross-validated performance" in the model
    card, e.g. ``macro-F1 0.780 [0.765, 0.795]; ECE 0.021``.
    """
    info = manifest().get(kind) or {}
    card = _data().joinpath(str(info.get("card", "")))
    if not info.get("card") or not card.is_file():
        return ""
    lines = card.read_text("utf-8").splitlines()
    try:
        start = next(i for i, line in enumerate(lines) if line.startswith("## Cross-validated"))
    except StopIteration:
        return ""
    header: list[str] | None = None
    for line in lines[start + 1 :]:
        if line.startswith("## "):
            break
        if not line.startswith("|"):
            continue
        cells = [c.strip().strip("*").strip() for c in line.strip().strip("|").split("|")]
        if header is None:
            header = cells
        elif cells and cells[0] == info.get("name"):
            shown = [f"{h} {v}" for h, v in zip(header, cells, strict=False) if h in _CARD_METRICS]
            return "; ".join(shown)
    return ""


def shipped_info() -> list[dict[str, str]]:
    """What reports state about each shipped model: kind, name, version, file, SHA-256, card and
    the card's cross-validated metrics."""
    return [
        {
            "kind": kind,
            "name": str(info.get("name", kind)),
            "version": str(info.get("version", "")),
            "file": str(info.get("file", "")),
            "sha256": str(info.get("sha256", "")),
            "card": str(info.get("card", "")),
            "metrics": card_metrics(kind),
        }
        for kind, info in manifest().items()
        if shipped_available(kind)
    ]
