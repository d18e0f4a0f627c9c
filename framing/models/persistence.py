"""Saving and loading models safely: skops files with an explicit list of trusted types.

A framing model file is a skops archive (zip) holding a small dict: ``format``,
``format_version``, ``kind`` (``"bias"`` or ``"frames"``), the framing and scikit-learn versions
it was trained with, JSON-safe ``metadata`` (data, metrics, training options) and the fitted
``estimator``. Loading never unpickles: skops rebuilds only scikit-learn, NumPy and SciPy types it
trusts by default plus the few framing estimator classes in :data:`TRUSTED_TYPES`. Anything else
in a file (a foreign class, a function) is refused before any object is built. A truncated,
tampered or foreign file fails with a :class:`~framing.errors.ModelError` that says what to do;
a shipped model is also checked against the SHA-256 in the package's manifest.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sklearn
import skops.io
from sklearn.utils.validation import check_is_fitted

from framing._version import __version__
from framing.errors import ModelError
from framing.output import write_bytes

__all__ = ["FORMAT", "TRUSTED_TYPES", "ModelFile", "dumps_model", "load_model", "save_model"]

FORMAT = "framing-model"
FORMAT_VERSION = 1

#: framing's own classes a model file may contain, beyond what skops trusts by default
#: (scikit-learn estimators, NumPy arrays and scalars, SciPy sparse matrices, builtins).
TRUSTED_TYPES: tuple[str, ...] = (
    "framing.models.bias.BiasSentenceClassifier",
    "framing.models.features.TextFeatures",
    "framing.models.features.WordBiasTagger",
    "framing.models.frames.FrameClassifier",
)

_KINDS = {
    "bias": "framing.models.bias.BiasSentenceClassifier",
    "frames": "framing.models.frames.FrameClassifier",
}


@dataclass(frozen=True)
class ModelFile:
    """A loaded model: the estimator, its kind, the metadata saved with it and the file's hash."""

    estimator: Any
    kind: str
    metadata: dict[str, Any] = field(default_factory=dict)
    framing_version: str = ""
    sklearn_version: str = ""
    sha256: str = ""
    path: str = ""

    @property
    def name(self) -> str:
        return str(self.metadata.get("name", Path(self.path).stem or self.kind))

    @property
    def version(self) -> str:
        """``name version (sha256 prefix)``: what reports cite."""
        version = self.metadata.get("version", "")
        return f"{self.name} {version} ({self.sha256[:12]})".replace("  ", " ")


def _kind_of(estimator: Any) -> str:
    qualified = f"{type(estimator).__module__}.{type(estimator).__qualname__}"
    for kind, cls in _KINDS.items():
        if qualified == cls:
            return kind
    raise ModelError(
        f"cannot save a {type(estimator).__name__}: framing saves BiasSentenceClassifier and "
        "FrameClassifier models"
    )


def dumps_model(estimator: Any, *, metadata: dict[str, Any] | None = None) -> bytes:
    """The bytes of a model file for a fitted `estimator`."""
    kind = _kind_of(estimator)
    check_is_fitted(estimator)
    meta = json.loads(json.dumps(metadata or {}))  # JSON-safe, plain builtins only
    payload = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "kind": kind,
        "framing_version": __version__,
        "sklearn_version": sklearn.__version__,
        "metadata": meta,
        "estimator": estimator,
    }
    return _canonical(skops.io.dumps(payload))


def _canonical(data: bytes) -> bytes:
    """The same skops archive, byte-for-byte reproducible: object ids (memory addresses in
    skops' schema and array file names) renumbered in order of appearance, scikit-learn's
    ``_stop_words_id`` (another address, a cache it rebuilds) dropped, fixed timestamps."""
    source = zipfile.ZipFile(io.BytesIO(data))
    schema = json.loads(source.read("schema.json"))
    numbers: dict[int, int] = {}

    def renumber(node: Any) -> Any:
        if isinstance(node, dict):
            out = {}
            for key, value in node.items():
                if key == "_stop_words_id":  # scikit-learn's cache of id(stop_words): an address
                    continue
                if key == "__id__" and isinstance(value, int):
                    value = numbers.setdefault(value, len(numbers) + 1)
                elif key == "file" and isinstance(value, str) and value.endswith(".npy"):
                    stem = value[: -len(".npy")]
                    if stem.isdigit():
                        value = f"{numbers.setdefault(int(stem), len(numbers) + 1)}.npy"
                out[key] = renumber(value)
            return out
        if isinstance(node, list):
            return [renumber(item) for item in node]
        return node

    canonical = renumber(schema)
    files = {"schema.json": json.dumps(canonical, indent=2).encode("utf-8")}
    for name in source.namelist():
        if name != "schema.json":
            stem = name[: -len(".npy")] if name.endswith(".npy") else ""
            if stem.isdigit() and int(stem) in numbers:
                name_out = f"{numbers[int(stem)]}.npy"
            else:
                name_out = name
            files[name_out] = source.read(name)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, files[name])
    return buffer.getvalue()


def save_model(
    estimator: Any,
    path: str | Path,
    *,
    metadata: dict[str, Any] | None = None,
    force: bool = False,
) -> Path:
    """Save a fitted framing estimator to `path` (atomically; an existing file needs `force`)."""
    return write_bytes(path, dumps_model(estimator, metadata=metadata), force=force)


def _not_a_model(name: str, why: str) -> ModelError:
    return ModelError(
        f"{name} is not a usable framing model ({why}); use a file written by `framing train` "
        "or framing.models.save_model, or retrain it"
    )


def load_model(
    path: str | Path,
    *,
    kind: str | None = None,
    sha256: str | None = None,
    data: bytes | None = None,
) -> ModelFile:
    """Load a model file written by :func:`save_model` (or `data`, its bytes).

    `kind` (``"bias"``/``"frames"``) requires that kind; `sha256` requires that exact file.
    """
    name = str(path)
    if data is None:
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError:
            raise ModelError(
                f"no model file at {name}; train one with `framing train` or check the path"
            ) from None
        except OSError as exc:
            raise ModelError(f"cannot read the model file {name}: {exc.strerror or exc}") from None
    digest = hashlib.sha256(data).hexdigest()
    if sha256 is not None and digest != sha256:
        raise ModelError(
            f"{name} has been modified (its SHA-256 does not match the one shipped with "
            "framing); reinstall framing"
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise _not_a_model(name, "not a skops archive; truncated or another format")
    try:
        untrusted = set(skops.io.get_untrusted_types(data=data))
    except Exception as exc:  # any damage inside the archive
        raise _not_a_model(name, f"damaged archive: {type(exc).__name__}") from None
    foreign = sorted(untrusted - set(TRUSTED_TYPES))
    if foreign:
        shown = ", ".join(foreign[:3]) + (" ..." if len(foreign) > 3 else "")
        raise _not_a_model(name, f"it contains types framing does not load: {shown}")
    try:
        payload = skops.io.loads(data, trusted=list(TRUSTED_TYPES))
    except Exception as exc:  # a damaged archive that still lists only trusted types
        raise _not_a_model(name, f"damaged archive: {type(exc).__name__}") from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise _not_a_model(name, "a skops file, but not one written by framing")
    if payload.get("format_version") != FORMAT_VERSION:
        raise ModelError(
            f"{name} uses model format {payload.get('format_version')!r}; this framing "
            f"({__version__}) reads format {FORMAT_VERSION}: retrain it with `framing train`"
        )
    found = str(payload.get("kind"))
    estimator = payload.get("estimator")
    if found not in _KINDS or _kind_of_safe(estimator) != found:
        raise _not_a_model(name, "its estimator is not a framing classifier")
    if kind is not None and found != kind:
        raise ModelError(f"{name} is a {found} model, not a {kind} model; give a {kind} model")
    metadata = payload.get("metadata")
    return ModelFile(
        estimator=estimator,
        kind=found,
        metadata=metadata if isinstance(metadata, dict) else {},
        framing_version=str(payload.get("framing_version", "")),
        sklearn_version=str(payload.get("sklearn_version", "")),
        sha256=digest,
        path=name,
    )


def _kind_of_safe(estimator: Any) -> str | None:
    try:
        return _kind_of(estimator)
    except ModelError:
        return None
