from __future__ import annotations

from pathlib import Path

import pytest

from framing.errors import InputError
from framing.io import iter_article_paths, read_article, read_bytes


def test_utf8_text_is_kept_exactly(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    raw = "“Rebels” seized\r\nthe town —  twice.\n"
    p.write_bytes(raw.encode("utf-8"))
    text, source = read_article(p)
    assert text == raw and source.kind == "text" and source.encoding == "utf-8"


def test_cp1252_is_detected(tmp_path: Path) -> None:
    p = tmp_path / "b.txt"
    p.write_bytes(
        "The café owner said the régime’s soldiers had left the village before dawn on Monday, "
        "and residents returned to their homes.".encode("cp1252")
    )
    text, source = read_article(p)
    assert "café" in text and "régime’s" in text
    assert source.encoding is not None and source.encoding != "utf-8"


def test_utf16_with_bom(tmp_path: Path) -> None:
    p = tmp_path / "c.txt"
    p.write_bytes("Rebels seized the town.".encode("utf-16"))
    assert read_article(p)[0] == "Rebels seized the town."


def test_broken_utf8_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "d.txt"
    p.write_bytes("Rebels seized the café.".encode() + b" \xc3\x28 more")
    with pytest.raises(InputError, match=r"is not valid UTF-8 \(bad byte at offset 25\)"):
        read_article(p)


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    p = tmp_path / "e.txt"
    p.write_text("  \n\t\n", encoding="utf-8")
    with pytest.raises(InputError, match="is empty"):
        read_article(p)


def test_binary_file(tmp_path: Path) -> None:
    p = tmp_path / "f.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match="looks like a binary file"):
        read_article(p)


def test_too_big(tmp_path: Path) -> None:
    p = tmp_path / "g.txt"
    p.write_bytes(b"word " * 4_000_000)
    with pytest.raises(InputError, match=r"is 20\.0 MB, over the 5 MB limit"):
        read_article(p)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a folder"):
        read_article(tmp_path)


def test_html_article_text_is_extracted(tmp_path: Path) -> None:
    p = tmp_path / "h.html"
    p.write_text(
        "<html><head><title>Town falls</title></head><body><nav>Home | Sport</nav><article>"
        "<h1>Town falls</h1><p>Rebels seized the town of Merrick on Monday after two days of "
        "fighting, residents said.</p><p>“We will return,” the governor said in a statement "
        "on Tuesday.</p></article><footer>© News</footer></body></html>",
        encoding="utf-8",
    )
    text, source = read_article(p)
    assert source.kind == "html" and source.title == "Town falls"
    assert "Rebels seized the town of Merrick" in text and "Home | Sport" not in text
    assert "\n\n“We will return,”" in text


def test_html_is_sniffed_from_bytes() -> None:
    html = (
        b"<!DOCTYPE html><html><body><p>Rebels seized the town after days of heavy fighting "
        b"near the border, officials said on Monday.</p></body></html>"
    )
    text, source = read_bytes(html)
    assert source.kind == "html" and text.startswith("Rebels seized")


def test_folder_expansion(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub" / "a.html").write_text("x", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    assert [p.name for p in iter_article_paths([tmp_path])] == ["b.txt", "a.html"]
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="contains no article files"):
        list(iter_article_paths([empty]))
