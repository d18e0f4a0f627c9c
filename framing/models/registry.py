"""The models shipped inside the package: where they are, their versions, loading them once.

``framing/models/data/manifest.json`` lists each shipped model file with its name, version and
SHA-256; a file that does not match its hash is refused (it was modified after release).
Models are loaded lazily, once per process.
"""

from __future__ import annotations

import functools
import json
from importlib.resources import files
from importlib.resources.abc import Traversable
from types import MappingProxyType
from typing import Any

from framing.errors import ModelError
from framing.models.persistence import ModelFile, load_model

__all__ = ["KINDS", "load_shipped", "manifest", "shipped_available", "shipped_versions"]

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


def shipped_versions() -> dict[str, str]:
    """kind -> ``name version`` of each shipped model (what reports cite)."""
    return {
        kind: f"{info.get('name', kind)} {info.get('version', '')}".strip()
        for kind, info in manifest().items()
    }
