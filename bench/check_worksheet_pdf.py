"""Print worksheets and answer keys to PDF with headless Chromium and check nothing is cut off.

Usage:
    python bench/check_worksheet_pdf.py [ARTICLE ...]   # default: the demo, our test article and
                                                         # ../shared's example when present

For every article, level (basic, intermediate, advanced) and paper size (A4, Letter), the
worksheet and its answer key are printed with ``chromium --headless --print-to-pdf`` and read
back with poppler's ``pdftotext -bbox`` (each word with its box on its page). A page passes when:

1. **every word lies inside the printable area**: its box is within the page, inside the
   ``@page`` margins (less a 2 pt tolerance). Text that runs past the right edge, under a margin
   or off the page fails here, even when a PDF viewer would show it clipped;
2. **every word of the HTML is in the PDF**: the visible words of the page (the HTML parsed, style
   and script left out) are counted and each must be found in the PDF as often (a word broken across
   lines counts when its pieces, up to four, follow each other). Text hidden by clipping,
   dropped by the printer or pushed out of the page fails here;
3. **no page is empty** (a blank page means a layout rule went wrong).

Chromium clips what runs past the printable area, so in practice cut-off text shows up in check 2
(the clipped words are missing from the PDF); check 1 guards against a printer or a version that
draws it anyway. Only text is checked: a clipped picture or border would not be seen.

It exits 1 listing the problems, 0 when every page passes, and 0 with "skipped: ..." when
Chromium or pdftotext is not installed (``apt-get install chromium poppler-utils``). No PDF is
kept: they are written to a temporary folder and removed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MM = 72 / 25.4
#: The @page margins of framing/render/templates/classroom/base.html.j2 (top, right, bottom, left).
MARGINS_MM = (15.0, 14.0, 16.0, 14.0)
TOLERANCE_PT = 2.0
_WORD_RE = re.compile(r"\w+")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
    "--print-to-pdf-no-header",
)


def chromium_path() -> str | None:
    """The Chromium binary: $FRAMING_CHROMIUM, /usr/bin/chromium, or one on PATH."""
    for candidate in (
        os.environ.get("FRAMING_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        shutil.which("google-chrome"),
    ):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def missing_tools() -> str | None:
    """Why the check cannot run here, or None."""
    if chromium_path() is None:
        return "Chromium is not installed (apt-get install chromium)"
    if shutil.which("pdftotext") is None:
        return "pdftotext is not installed (apt-get install poppler-utils)"
    return None


def print_to_pdf(html: Path, pdf: Path, *, timeout: float = 120) -> None:
    """Print `html` to `pdf` with headless Chromium and a fresh, empty profile."""
    chromium = chromium_path()
    if chromium is None:
        raise RuntimeError("Chromium is not installed")
    with tempfile.TemporaryDirectory(prefix="framing-chromium-") as profile:
        cmd = [
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--print-to-pdf={pdf}",
            html.resolve().as_uri(),
        ]
        subprocess.run(cmd, check=True, capture_output=True, timeout=timeout)
    if not pdf.exists() or pdf.stat().st_size == 0:
        raise RuntimeError(f"Chromium wrote no PDF for {html}")


@dataclass(frozen=True)
class PdfWord:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


@dataclass(frozen=True)
class PdfPage:
    number: int
    width: float
    height: float


class _BboxParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.pages: list[PdfPage] = []
        self.words: list[PdfWord] = []
        self._box: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "page":
            n = len(self.pages) + 1
            self.pages.append(PdfPage(n, float(a["width"]), float(a["height"])))
        elif tag == "word":
            self._box = a

    def handle_data(self, data: str) -> None:
        if self._box is not None:
            b = self._box
            self.words.append(
                PdfWord(
                    len(self.pages),
                    float(b["xmin"]),
                    float(b["ymin"]),
                    float(b["xmax"]),
                    float(b["ymax"]),
                    data,
                )
            )

    def handle_endtag(self, tag: str) -> None:
        if tag == "word":
            self._box = None


def read_pdf(pdf: Path) -> tuple[list[PdfPage], list[PdfWord]]:
    """Pages and words with their boxes (points, origin top left), via pdftotext -bbox."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, timeout=120
    ).stdout.decode("utf-8")
    parser = _BboxParser()
    parser.feed(out)
    return parser.pages, parser.words


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hidden = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script", "head", "title"):
            self.hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "head", "title"):
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def words_of(text: str) -> list[str]:
    return _WORD_RE.findall(unicodedata.normalize("NFKC", text).lower())


def html_words(html: str) -> list[str]:
    """The visible words of an HTML page, lowercased, in document order."""
    parser = _VisibleText()
    parser.feed(html)
    return words_of(" ".join(parser.parts))


def check_pdf(html: str, pdf: Path, margins_mm: tuple[float, ...] = MARGINS_MM) -> list[str]:
    """Problems of a printed page (empty when nothing is cut off); see the module notes."""
    pages, words = read_pdf(pdf)
    problems: list[str] = []
    if not pages:
        return [f"{pdf.name}: no pages"]
    top, right, bottom, left = (m * MM - TOLERANCE_PT for m in margins_mm)
    for p in pages:
        on_page = [w for w in words if w.page == p.number]
        if not on_page:
            problems.append(f"{pdf.name}: page {p.number} is empty")
        for w in on_page:
            if w.x0 < left or w.y0 < top or w.x1 > p.width - right or w.y1 > p.height - bottom:
                problems.append(
                    f"{pdf.name}: page {p.number}: {w.text!r} at "
                    f"({w.x0:.0f}, {w.y0:.0f})-({w.x1:.0f}, {w.y1:.0f}) is outside the printable "
                    f"area of the {p.width:.0f} x {p.height:.0f} pt page"
                )
    printed = [t for w in words for t in words_of(w.text)]
    have = Counter(printed)
    joined = Counter(
        "".join(printed[i : i + k]) for k in (2, 3, 4) for i in range(len(printed) - k + 1)
    )
    for word, count in Counter(html_words(html)).items():
        short = count - have[word]
        if short > 0 and joined[word] < short:
            problems.append(
                f"{pdf.name}: {word!r} appears {count}x in the HTML, {have[word]}x in the PDF"
            )
    return problems


def check_page(html: str, name: str, workdir: Path) -> tuple[int, list[str]]:
    """Write `html`, print it, check it: (pages, problems)."""
    src = workdir / f"{name}.html"
    src.write_text(html, encoding="utf-8")
    pdf = workdir / f"{name}.pdf"
    print_to_pdf(src, pdf)
    pages, _ = read_pdf(pdf)
    return len(pages), check_pdf(html, pdf)


def default_articles() -> list[Path]:
    found = [
        ROOT / "framing" / "demo" / "article.txt",
        ROOT / "tests" / "data" / "classroom" / "port_a.txt",
    ]
    shared = ROOT.parent / "shared" / "examples" / "iran_syria_support.txt"
    if shared.exists():
        found.append(shared)
    return found


def main(argv: list[str]) -> int:
    why = missing_tools()
    if why:
        print(f"skipped: {why}", file=sys.stderr)
        return 0
    from framing import analyze
    from framing.classroom.worksheet import build_worksheet
    from framing.render.classroom import answer_key_html, worksheet_html

    articles = [Path(a) for a in argv] or default_articles()
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="framing-pdf-check-") as tmp:
        work = Path(tmp)
        for article in articles:
            analysis = analyze(article)
            for level in ("basic", "intermediate", "advanced"):
                for paper in ("a4", "letter"):
                    ws = build_worksheet(analysis, level=level, paper=paper)
                    for kind, html in (
                        ("worksheet", worksheet_html(ws)),
                        ("key", answer_key_html(ws)),
                    ):
                        name = f"{article.stem}-{level}-{paper}-{kind}"
                        pages, found = check_page(html, name, work)
                        status = "OK" if not found else f"{len(found)} problems"
                        print(f"{name}: {pages} pages, {status}")
                        problems += found
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
