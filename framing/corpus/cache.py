"""A disk cache of per-document count records (SQLite): a grown corpus only analyses new texts.

A record is stored under two keys: the SHA-256 of the document's text, and a *configuration key*
that fingerprints everything else the record depends on (framing version, the count-record schema,
each active lexicon's name/version/SHA-256, model versions, analysis options, and a hash of the
analysis code itself). Change any of them and old records are simply not found.

Records are zlib-compressed JSON: nothing is unpickled, and a damaged row is treated as a miss.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from framing.corpus.counts import DocCounts
from framing.errors import FramingError

__all__ = ["DEFAULT_CACHE", "CountCache", "config_key", "text_hash"]

#: Default cache location, relative to the working folder (ignored by git).
DEFAULT_CACHE = Path(".framing-cache") / "counts.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    text_hash TEXT NOT NULL,
    config TEXT NOT NULL,
    payload BLOB NOT NULL,
    PRIMARY KEY (text_hash, config)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def text_hash(text: str) -> str:
    """SHA-256 of a document's text (UTF-8), hex."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def config_key(parts: Mapping[str, Any]) -> str:
    """A stable hash of the configuration that a record depends on."""
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("ascii")).hexdigest()


class CountCache:
    """Count records by (text hash, configuration key). Use as a context manager."""

    def __init__(self, path: str | Path, config: str) -> None:
        self.path = Path(path)
        self.config = config
        self.hits = 0
        self.misses = 0
        self._pending: list[tuple[str, str, bytes]] = []
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(self.path), timeout=30.0)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)
        except (sqlite3.DatabaseError, OSError) as exc:
            raise FramingError(
                f"cannot use the cache {self.path} ({exc}); delete it, choose another file with "
                "--cache, or pass --no-cache"
            ) from None

    def __enter__(self) -> CountCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, key: str) -> DocCounts | None:
        """The record for a text hash, or None (also for a damaged row)."""
        try:
            row = self._db.execute(
                "SELECT payload FROM records WHERE text_hash = ? AND config = ?",
                (key, self.config),
            ).fetchone()
        except sqlite3.DatabaseError as exc:
            raise FramingError(
                f"the cache {self.path} is damaged ({exc}); delete it or pass --no-cache"
            ) from None
        if row is None:
            self.misses += 1
            return None
        try:
            record = DocCounts.from_json(json.loads(zlib.decompress(row[0])))
        except (zlib.error, ValueError, KeyError, TypeError, IndexError):
            self.misses += 1
            return None
        self.hits += 1
        return record

    def put(self, key: str, record: DocCounts) -> None:
        """Store a record (written at the next :meth:`flush`, every 256 records, or on close)."""
        payload = zlib.compress(
            json.dumps(record.to_json(), separators=(",", ":"), ensure_ascii=False).encode(), 6
        )
        self._pending.append((key, self.config, payload))
        if len(self._pending) >= 256:
            self.flush()

    def put_many(self, items: Iterable[tuple[str, DocCounts]]) -> None:
        for key, record in items:
            self.put(key, record)

    def flush(self) -> None:
        if not self._pending:
            return
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO records (text_hash, config, payload) VALUES (?, ?, ?)",
                    self._pending,
                )
        except sqlite3.DatabaseError as exc:
            raise FramingError(
                f"cannot write to the cache {self.path} ({exc}); delete it or pass --no-cache"
            ) from None
        self._pending.clear()

    def __len__(self) -> int:
        row = self._db.execute(
            "SELECT COUNT(*) FROM records WHERE config = ?", (self.config,)
        ).fetchone()
        return int(row[0])

    def keys(self) -> Sequence[str]:
        rows = self._db.execute("SELECT text_hash FROM records WHERE config = ?", (self.config,))
        return [r[0] for r in rows]

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self._db.close()
