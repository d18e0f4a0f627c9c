"""Worksheets printed to PDF by headless Chromium fit their pages with nothing cut off.

The check itself lives in bench/check_worksheet_pdf.py (it also runs over every level, paper
and article from the command line); these tests run it on a few pages and prove it catches a
page that does overflow. They skip, saying why, where Chromium or pdftotext is not installed.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from framing import analyze
from framing.classroom.worksheet import build_worksheet
from framing.render.classroom import answer_key_html, worksheet_html

from .conftest import DATA, ROOT

PORT_A = DATA / "classroom" / "port_a.txt"


def _checker() -> ModuleType:
    path = ROOT / "bench" / "check_worksheet_pdf.py"
    spec = importlib.util.spec_from_file_location("check_worksheet_pdf", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def checker() -> ModuleType:
    module = _checker()
    why = module.missing_tools()
    if why:
        pytest.skip(f"PDF check needs Chromium and pdftotext: {why}")
    return module


@pytest.mark.parametrize(
    ("level", "paper", "kind"),
    [("basic", "a4", "worksheet"), ("advanced", "letter", "key")],
)
def test_printed_worksheet_fits_its_pages(
    checker: ModuleType, tmp_path: Path, level: str, paper: str, kind: str
) -> None:
    ws = build_worksheet(analyze(PORT_A), level=level, paper=paper)
    html = worksheet_html(ws) if kind == "worksheet" else answer_key_html(ws)
    pages, problems = checker.check_page(html, f"{level}-{paper}-{kind}", tmp_path)
    assert problems == []
    assert pages >= 2
    size = checker.read_pdf(tmp_path / f"{level}-{paper}-{kind}.pdf")[0][0]
    expected = (595, 842) if paper == "a4" else (612, 792)
    assert (round(size.width), round(size.height)) == expected


def test_the_check_catches_cut_off_text(checker: ModuleType, tmp_path: Path) -> None:
    html = worksheet_html(build_worksheet(analyze(PORT_A), level="basic", paper="a4"))
    broken = html.replace(
        '<p class="intro">',
        '<p style="white-space: nowrap">' + "overflowing " * 40 + '</p><p class="intro">',
    ).replace("</main>", '<p style="position: absolute; left: -80mm">lostword</p></main>')
    _, problems = checker.check_page(broken, "broken", tmp_path)
    # Chromium clips what runs past the printable area: the clipped words go missing
    assert "broken.pdf: 'overflowing' appears 40x in the HTML, 10x in the PDF" in problems
    assert "broken.pdf: 'lostword' appears 1x in the HTML, 0x in the PDF" in problems
