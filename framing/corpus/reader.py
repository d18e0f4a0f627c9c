"""Reading a corpus for `framing report`: documents with their group (outlet), date and title.

Inputs, any number of them, in order:

- a **folder** of ``.txt``/``.html`` files whose outlet is the name of the subfolder each file is
  in (``corpus/sana/a1.txt``), or given by a **sidecar metadata file** (CSV/TSV/JSONL with a
  ``path`` column; found as ``metadata.csv``/``.tsv``/``.jsonl`` in the folder, or named with
  ``CorpusOptions.metadata``);
- a **table**: CSV, TSV, JSON lines or Parquet (``.gz`` accepted for the text formats), one
  document a row, with the columns named in :class:`CorpusOptions`.

Everything streams: one document is read at a time and texts are not kept. A record that cannot be
used (empty text, no group, an unreadable file, a bad JSON line) is yielded as a :class:`Skipped`
with the reason, so the caller can warn and count it; problems with the input as a whole (a
missing file, a missing column) raise :class:`~framing.errors.InputError`.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import importlib
import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any, Literal

from framing.errors import InputError
from framing.io import ARTICLE_SUFFIXES, MAX_BYTES, read_article

__all__ = [
    "METADATA_NAMES",
    "CorpusDoc",
    "CorpusOptions",
    "Skipped",
    "count_documents",
    "input_kind",
    "iter_corpus",
    "parse_date",
]

InputKind = Literal["folder", "csv", "tsv", "jsonl", "parquet", "article"]
#: Sidecar metadata files recognised in the top of a corpus folder.
METADATA_NAMES = ("metadata.csv", "metadata.tsv", "metadata.jsonl")
_TABLE_SUFFIXES: dict[str, InputKind] = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}
_BATCH = 1000


@dataclass(frozen=True)
class CorpusOptions:
    """How to read a corpus. Column names apply to tables and to sidecar metadata files."""

    text_column: str = "text"
    group_column: str = "outlet"
    date_column: str | None = None
    title_column: str | None = None
    id_column: str | None = None
    path_column: str = "path"
    metadata: str | None = None
    date_format: str | None = None
    encoding: str | None = None
    max_chars: int = MAX_BYTES

    def to_dict(self) -> dict[str, Any]:
        """The options a report states (how the bytes are decoded and the size limit are not)."""
        return {k: v for k, v in asdict(self).items() if k not in ("encoding", "max_chars")}


@dataclass(frozen=True, slots=True)
class CorpusDoc:
    """One document of a corpus. `index` is its position in corpus order (0-based)."""

    index: int
    id: str
    group: str
    text: str
    date: dt.date | None = None
    title: str | None = None
    origin: str = ""
    bad_date: bool = False


@dataclass(frozen=True, slots=True)
class Skipped:
    """A record that was not used: where it was, a short reason (counted), and the message."""

    origin: str
    reason: str
    message: str


def input_kind(path: str | Path) -> InputKind:
    """What kind of input a path is: a folder, a table format, or a single article."""
    p = Path(path)
    if p.is_dir():
        return "folder"
    suffixes = [s.lower() for s in p.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    if suffixes and suffixes[-1] in _TABLE_SUFFIXES:
        return _TABLE_SUFFIXES[suffixes[-1]]
    return "article"


def parse_date(value: object, fmt: str | None = None) -> dt.date | None:
    """A date from ISO text (``2017-04-05``, with or without a time), ``M/D/YYYY``, or `fmt`.

    Returns None for an empty value; raises ValueError for one that cannot be read.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text or text.lower() in ("nan", "nat", "none", "null"):
        return None
    if fmt:
        return dt.datetime.strptime(text, fmt).date()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for pattern in ("%m/%d/%Y", "%m/%d/%y", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"unreadable date {text!r}")


def iter_corpus(
    inputs: Sequence[str | Path], options: CorpusOptions | None = None
) -> Iterator[CorpusDoc | Skipped]:
    """Documents (and skipped records) of all inputs, in order, one at a time."""
    options = options or CorpusOptions()
    if not inputs:
        raise InputError("no input given; name a folder or a CSV/TSV/JSONL/Parquet file")
    for item in inputs:
        if not Path(item).exists():
            raise InputError(f"no such file or folder: {item}")
    index = 0
    for item in inputs:
        for record in _iter_input(Path(item), options):
            if isinstance(record, Skipped):
                yield record
                continue
            yield _document(record, index, options)
            index += 1


def count_documents(
    inputs: Sequence[str | Path], options: CorpusOptions | None = None
) -> int | None:
    """The number of records when it is cheap to know (folders, Parquet), else None."""
    options = options or CorpusOptions()
    total = 0
    for item in inputs:
        kind = input_kind(item)
        if kind == "folder":
            total += sum(1 for _ in _article_files(Path(item), options))
        elif kind == "article":
            total += 1
        elif kind == "parquet":
            try:
                total += _pyarrow_parquet().ParquetFile(str(item)).metadata.num_rows
            except Exception:
                return None
        else:
            return None
    return total


# --- records ----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Raw:
    origin: str
    default_id: str
    text: object
    group: object
    date: object = None
    title: object = None
    id: object = None


def _document(raw: _Raw, index: int, options: CorpusOptions) -> CorpusDoc | Skipped:
    text = raw.text
    if text is None or (isinstance(text, float) and text != text):
        return Skipped(raw.origin, "no text", f"{raw.origin}: no text")
    if not isinstance(text, str):
        text = str(text)
    if not text.strip():
        return Skipped(raw.origin, "empty text", f"{raw.origin}: the text is empty")
    if len(text) > options.max_chars:
        return Skipped(
            raw.origin,
            "text too long",
            f"{raw.origin}: the text has {len(text):,} characters, over the limit of "
            f"{options.max_chars:,}",
        )
    group = _clean(raw.group)
    if not group:
        return Skipped(
            raw.origin,
            "no group",
            f"{raw.origin}: no value in the group column {options.group_column!r}",
        )
    date: dt.date | None = None
    bad_date = False
    if raw.date is not None:
        try:
            date = parse_date(raw.date, options.date_format)
        except ValueError:
            bad_date = True
    return CorpusDoc(
        index=index,
        id=_clean(raw.id) or raw.default_id,
        group=group,
        text=text,
        date=date,
        title=_clean(raw.title) or None,
        origin=raw.origin,
        bad_date=bad_date,
    )


def _clean(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return " ".join(str(value).split())


def _iter_input(path: Path, options: CorpusOptions) -> Iterator[_Raw | Skipped]:
    kind = input_kind(path)
    if kind == "folder":
        yield from _iter_folder(path, options)
    elif kind == "article":
        raise InputError(
            f"{path} is a single article; 'framing report' needs a folder of articles (one "
            "subfolder per outlet) or a CSV/TSV/JSONL/Parquet table"
        )
    else:
        rows = _iter_rows(path, kind, options.encoding)
        yield from _table_records(path, rows, options)


# --- tables -----------------------------------------------------------------------------------


def _open_text(path: Path, encoding: str | None) -> IO[str]:
    binary: Any
    try:
        binary = gzip.open(path, "rb") if path.suffix.lower() == ".gz" else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    return io.TextIOWrapper(binary, encoding=encoding or "utf-8-sig", newline="")


def _iter_rows(
    path: Path, kind: InputKind, encoding: str | None
) -> Iterator[tuple[int, Mapping[str, Any] | Skipped]]:
    """(row number, row) of a table; the row number counts data rows from 1."""
    try:
        if kind in ("csv", "tsv"):
            yield from _csv_rows(path, "\t" if kind == "tsv" else ",", encoding)
        elif kind == "jsonl":
            yield from _jsonl_rows(path, encoding)
        else:
            yield from _parquet_rows(path)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path} is not valid {encoding or 'UTF-8'} (byte offset {exc.start}); re-save it "
            "as UTF-8 or give its encoding with --encoding"
        ) from None
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise InputError(f"cannot read {path}: {exc}") from None


def _csv_rows(
    path: Path, delimiter: str, encoding: str | None
) -> Iterator[tuple[int, Mapping[str, Any] | Skipped]]:
    csv.field_size_limit(2**31 - 1)
    with _open_text(path, encoding) as fh:
        reader = csv.reader(fh, delimiter=delimiter)
        try:
            header = next(reader)
        except StopIteration:
            raise InputError(f"{path} is empty") from None
        except csv.Error as exc:
            raise InputError(f"{path}: the header line is not valid CSV ({exc})") from None
        header = [h.strip() for h in header]
        yield 0, {"__header__": header}
        n = 0
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                n += 1
                yield n, Skipped(f"{path}:row {n}", "bad CSV row", f"{path}: row {n}: {exc}")
                continue
            n += 1
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            if len(row) != len(header):
                yield (
                    n,
                    Skipped(
                        f"{path}:row {n}",
                        "bad CSV row",
                        f"{path}: row {n} has {len(row)} fields, the header has {len(header)}",
                    ),
                )
                continue
            yield n, dict(zip(header, row, strict=True))


def _jsonl_rows(
    path: Path, encoding: str | None
) -> Iterator[tuple[int, Mapping[str, Any] | Skipped]]:
    with _open_text(path, encoding) as fh:
        yield 0, {"__header__": None}
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield (
                    n,
                    Skipped(
                        f"{path}:line {n}",
                        "bad JSON line",
                        f"{path}: line {n} is not JSON ({exc.msg})",
                    ),
                )
                continue
            if not isinstance(row, dict):
                yield (
                    n,
                    Skipped(
                        f"{path}:line {n}",
                        "bad JSON line",
                        f"{path}: line {n} is not a JSON object",
                    ),
                )
                continue
            yield n, row


def _parquet_rows(path: Path) -> Iterator[tuple[int, Mapping[str, Any] | Skipped]]:
    pq = _pyarrow_parquet(path)
    try:
        handle = pq.ParquetFile(str(path))
    except Exception as exc:
        raise InputError(f"{path} is not a readable Parquet file ({exc})") from None
    yield 0, {"__header__": list(handle.schema_arrow.names)}
    n = 0
    for batch in handle.iter_batches(batch_size=_BATCH):
        for row in batch.to_pylist():
            n += 1
            yield n, row


def _pyarrow_parquet(path: Path | str = "a Parquet file") -> Any:
    try:
        return importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise InputError(
            f"reading {path} needs pyarrow; install it with: pip install 'framing[parquet]'"
        ) from None


def _table_records(
    path: Path,
    rows: Iterator[tuple[int, Mapping[str, Any] | Skipped]],
    options: CorpusOptions,
) -> Iterator[_Raw | Skipped]:
    _, first = next(rows)
    header = first.get("__header__") if isinstance(first, Mapping) else None
    wanted = {
        "--text-column": options.text_column,
        "--group-column": options.group_column,
        "--date-column": options.date_column,
        "--title-column": options.title_column,
        "--id-column": options.id_column,
    }
    if header is not None:
        _check_columns(path, header, wanted)
    checked = header is not None
    line = "line" if input_kind(path) == "jsonl" else "row"
    for n, row in rows:
        if isinstance(row, Skipped):
            yield row
            continue
        if not checked:
            _check_columns(path, list(row), wanted, first_row=True)
            checked = True
        yield _Raw(
            origin=f"{path}:{line} {n}",
            default_id=f"{path.name.split('.')[0]}:{n}",
            text=row.get(options.text_column),
            group=row.get(options.group_column),
            date=row.get(options.date_column) if options.date_column else None,
            title=row.get(options.title_column) if options.title_column else None,
            id=row.get(options.id_column) if options.id_column else None,
        )


def _check_columns(
    path: Path, columns: Iterable[str], wanted: Mapping[str, str | None], first_row: bool = False
) -> None:
    have = list(columns)
    for flag, name in wanted.items():
        if name is not None and name not in have:
            where = "the first record" if first_row else "the header"
            raise InputError(
                f"{path}: no column {name!r} in {where} (columns: {', '.join(have[:20])}); "
                f"choose one with {flag}"
            )


# --- folders ----------------------------------------------------------------------------------


def _metadata_file(folder: Path, options: CorpusOptions) -> Path | None:
    if options.metadata:
        meta = Path(options.metadata)
        if not meta.exists():
            raise InputError(f"no such metadata file: {meta}")
        return meta
    for name in METADATA_NAMES:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def _article_files(folder: Path, options: CorpusOptions) -> Iterator[Path]:
    meta = _metadata_file(folder, options)
    for f in sorted(folder.rglob("*")):
        if not f.is_file() or f.suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        if meta is not None and f.resolve() == meta.resolve():
            continue
        if any(part.startswith(".") for part in f.relative_to(folder).parts):
            continue
        yield f


def _read_metadata(meta: Path, options: CorpusOptions) -> dict[str, Mapping[str, Any]]:
    """Rows of a sidecar file keyed by normalised relative path."""
    kind = input_kind(meta)
    if kind not in ("csv", "tsv", "jsonl"):
        raise InputError(f"{meta}: a metadata file must be CSV, TSV or JSONL")
    out: dict[str, Mapping[str, Any]] = {}
    rows = _iter_rows(meta, kind, options.encoding)
    _, first = next(rows)
    header = first.get("__header__") if isinstance(first, Mapping) else None
    if header is not None and options.path_column not in header:
        raise InputError(
            f"{meta}: no column {options.path_column!r} (columns: {', '.join(header[:20])}); "
            "a metadata file needs a column with each article's path relative to the folder"
        )
    for _, row in rows:
        if isinstance(row, Skipped):
            continue
        key = _clean(row.get(options.path_column))
        if key:
            out[Path(key).as_posix().lstrip("./")] = row
    return out


def _iter_folder(folder: Path, options: CorpusOptions) -> Iterator[_Raw | Skipped]:
    meta_path = _metadata_file(folder, options)
    metadata = _read_metadata(meta_path, options) if meta_path else {}
    base = meta_path.parent if meta_path else folder
    files = list(_article_files(folder, options))
    if not files:
        raise InputError(f"{folder} contains no article files ({', '.join(ARTICLE_SUFFIXES)})")
    seen: set[str] = set()
    for f in files:
        rel = f.relative_to(folder)
        key = _relative_key(f, base, rel)
        row = metadata.get(key) or metadata.get(rel.as_posix())
        if row is not None:
            seen.add(key if key in metadata else rel.as_posix())
        origin = str(f)
        try:
            text, source = read_article(f, encoding=options.encoding, max_bytes=options.max_chars)
        except InputError as exc:
            yield Skipped(origin, "unreadable file", str(exc))
            continue
        subfolder = rel.parts[0] if len(rel.parts) > 1 else ""
        group = row.get(options.group_column) if row is not None else None
        if not _clean(group):
            group = subfolder
        if not group:
            yield Skipped(
                origin,
                "no group",
                f"{f}: not in an outlet subfolder and not in a metadata file; put it in a folder "
                "named after its outlet",
            )
            continue
        yield _Raw(
            origin=origin,
            default_id=rel.as_posix(),
            text=text,
            group=group,
            date=row.get(options.date_column or "date") if row is not None else None,
            title=(row.get(options.title_column or "title") if row is not None else None)
            or source.title,
            id=row.get(options.id_column or "id") if row is not None else None,
        )
    for key in metadata:
        if key not in seen and not (base / key).exists():
            yield Skipped(
                f"{meta_path}:{key}", "missing file", f"{meta_path}: {key} is listed but missing"
            )


def _relative_key(f: Path, base: Path, rel: Path) -> str:
    try:
        return f.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return rel.as_posix()
