"""Reading articles: plain text in any common encoding, HTML pages, Python strings, folders.

Articles are untrusted input. A file that is empty, binary, larger than the limit, or not
decodable fails with an :class:`~framing.errors.InputError` whose message names the file and what
to do. The text returned is kept exactly; every later offset points into it.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from framing.errors import InputError

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_BYTES",
    "Source",
    "decode_bytes",
    "iter_article_paths",
    "read_article",
]

#: Largest article accepted by default. News articles are far smaller; a bigger file is
#: almost certainly a corpus or a mistake, and the corpus commands read those row by row.
MAX_BYTES = 5_000_000
ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")
_HTML_SUFFIXES = (".html", ".htm")
_HTML_SNIFF = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]{1,3}")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class Source:
    """Where a text came from: a file (text or HTML) or a Python string."""

    kind: Literal["text", "html", "string"]
    path: str | None = None
    encoding: str | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return asdict(self)


def _name(path: str | Path | None) -> str:
    return str(path) if path is not None else "the input"


def decode_bytes(
    data: bytes, *, name: str = "the input", encoding: str | None = None
) -> tuple[str, str]:
    """Decode article bytes, returning ``(text, encoding)``.

    UTF-8 is tried first; a byte-order mark selects UTF-16/32. Text that is mostly UTF-8 but has
    broken sequences is refused (re-saving it is the fix); text with no UTF-8 at all is decoded with
    the encoding that charset-normalizer detects, or refused when none fits.
    """
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError) as exc:
            raise InputError(f"{name} cannot be decoded as {encoding}: {exc}") from None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                raise InputError(
                    f"{name} starts with a {enc} byte-order mark but is not {enc}"
                ) from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{name} looks like a binary file, not text or HTML")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if _UTF8_MULTIBYTE.search(data):
            raise InputError(
                f"{name} is not valid UTF-8 (bad byte at offset {exc.start}); "
                "re-save it as UTF-8 or give its encoding with --encoding"
            ) from None
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise InputError(
            f"{name} is not UTF-8 and its encoding could not be detected; "
            "re-save it as UTF-8 or give its encoding with --encoding"
        )
    try:
        return data.decode(best.encoding), best.encoding
    except UnicodeDecodeError:
        raise InputError(f"{name} could not be decoded (detected {best.encoding})") from None


def _extract_html(html: str, name: str) -> tuple[str, str | None]:
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        favor_precision=True,
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise InputError(f"{name}: no article text found in this HTML page")
    title = getattr(document, "title", None)
    # trafilatura puts one block element a line; a blank line between blocks makes each one a
    # paragraph for the document model (news-style quotes continue across paragraphs).
    body = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    return body, title if isinstance(title, str) else None


def read_article(
    path: str | Path,
    *,
    max_bytes: int = MAX_BYTES,
    encoding: str | None = None,
) -> tuple[str, Source]:
    """Read one article file (text or HTML) and return its text and source."""
    p = Path(path)
    name = _name(path)
    try:
        if p.is_dir():
            raise InputError(
                f"{name} is a folder; give a file, or a folder to a command that takes one"
            )
        size = p.stat().st_size
    except FileNotFoundError:
        raise InputError(f"no such file: {name}") from None
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror}") from None
    if size > max_bytes:
        raise InputError(
            f"{name} is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit for one "
            "article; "
            "split it, or use 'framing report' for a corpus"
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror}") from None
    return read_bytes(data, name=name, encoding=encoding, html=p.suffix.lower() in _HTML_SUFFIXES)


def read_bytes(
    data: bytes,
    *,
    name: str = "the input",
    encoding: str | None = None,
    html: bool | None = None,
    max_bytes: int = MAX_BYTES,
) -> tuple[str, Source]:
    """Decode (and for HTML, extract) an article given as bytes, e.g. from stdin."""
    if len(data) > max_bytes:
        raise InputError(
            f"{name} is {len(data) / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit for one "
            "article"
        )
    if not data.strip():
        raise InputError(f"{name} is empty")
    text, enc = decode_bytes(data, name=name, encoding=encoding)
    if html is None or html is False:
        html = bool(_HTML_SNIFF.match(data[:2048]))
    path = None if name in ("the input", "<stdin>") else name
    if html:
        body, title = _extract_html(text, name)
        return body, Source("html", path, enc, title)
    if not text.strip():
        raise InputError(f"{name} is empty")
    return text, Source("text", path, enc, None)


def iter_article_paths(paths: Sequence[str | Path]) -> Iterator[Path]:
    """Expand files and folders into article files (folders: .txt/.md/.html, sorted, recursive)."""
    for item in paths:
        p = Path(item)
        if p.is_dir():
            found = sorted(
                f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES
            )
            if not found:
                raise InputError(f"{p} contains no article files ({', '.join(ARTICLE_SUFFIXES)})")
            yield from found
        else:
            yield p
