"""The wheel carries the lexicons and works without the source tree."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (path,) = out.glob("framing-*.whl")
    return path


def test_wheel_contains_every_packaged_lexicon_and_template(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for tsv in (ROOT / "lexicons").glob("*.tsv"):
        assert f"framing/lexicons/{tsv.name}" in names
        assert f"framing/lexicons/{tsv.stem}.toml" in names
    assert "framing/render/templates/analysis.html.j2" in names
    assert "framing/demo/article.txt" in names
    assert "framing/py.typed" in names
    grammar = ROOT / "framing" / "lexicon" / "grammar"
    data = [f for f in grammar.iterdir() if f.suffix in (".tsv", ".txt")]
    assert {f.name for f in data} >= {"titles.tsv", "speech_cues.tsv", "negators.txt"}
    for f in data:
        assert f"framing/lexicon/grammar/{f.name}" in names


def test_installed_wheel_loads_lexicons_from_itself(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import json, framing\n"
        "from framing.lexicon.registry import data_dir, load_lexicons\n"
        "lex = load_lexicons()\n"
        "a = framing.analyze('Militants seized the town, the army said.')\n"
        "b = framing.analyze('Imam Tarek Halabi said the militants had left.')\n"
        "print(json.dumps({'file': framing.__file__, 'data': str(data_dir()),"
        " 'names': [x.name for x in lex], 'matches': len(a.matches),"
        " 'speaker': b.voices.attributions[0].speaker}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    info = json.loads(out.stdout)
    assert info["file"].startswith(str(site))
    assert info["data"] == str(site / "framing" / "lexicons")
    assert info["names"] == ["conflict", "political", "sourcing"]
    assert info["matches"] >= 2
    assert info["speaker"] == "Tarek Halabi"  # the title list, read from the wheel
