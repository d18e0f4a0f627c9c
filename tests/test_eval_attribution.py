"""bench/eval_attribution.py measures attribution the way the reference scorer does.

The reference scorer (../shared/tools/polnear_score.py) runs `framing analyze DIR --format jsonl`
and scores the JSON; the bench script calls the library. On PolNeAR dev both must print the same
counts, so the figures the bench reports are the ones the project is measured by.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import ROOT, shared_path

pytestmark = [pytest.mark.shared, pytest.mark.slow]


@functools.cache
def _bench() -> ModuleType:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        spec = importlib.util.spec_from_file_location(
            "eval_attribution", ROOT / "bench" / "eval_attribution.py"
        )
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "bench"))


def test_bench_agrees_with_the_reference_scorer() -> None:
    scorer = shared_path("tools", "polnear_score.py")
    dev = shared_path("datasets", "polnear_attribution", "dev")
    executable = Path(sys.executable).with_name("framing")
    assert executable.exists(), "the framing script is not installed beside this Python"
    out = subprocess.run(
        [sys.executable, str(scorer), str(executable), str(dev)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    found = re.search(r"attributions found (\d+)/(\d+)", out)
    speaker = re.search(r"speaker agrees (\d+)/(\d+) \([\d.]+\), none given (\d+)", out)
    f1 = re.search(r"P ([\d.]+) R ([\d.]+) F1 ([\d.]+)", out)
    assert found and speaker and f1, out

    bench = _bench()
    tally = bench.evaluate(bench.read_split("dev"))
    scores = tally.scores()
    assert (tally.found, tally.total) == (int(found[1]), int(found[2]))
    assert (tally.speaker_ok, tally.speaker_n, tally.speaker_missing) == tuple(
        map(int, speaker.groups())
    )
    assert [f"{scores[k]:.3f}" for k in ("precision", "recall", "f1")] == list(f1.groups())


def test_brat_parser_reads_discontinuous_spans(tmp_path: Path) -> None:
    ann = tmp_path / "a_0000.ann"
    ann.write_text(
        "T1\tSource 0 9\tThe mayor\n"
        "T2\tCue 10 14\tsaid\n"
        "T3\tContent 15 25;30 40\tthe bridge ... would open\n"
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n",
        encoding="utf-8",
    )
    (gold,) = _bench().parse_ann(ann)
    assert gold.content == ((15, 25), (30, 40))
    assert (gold.source, gold.cue) == ("The mayor", "said")


@pytest.mark.parametrize(
    ("phrase", "head"),
    [("Rep. Jerry Nadler, a Democrat from New York", "nadler"), ("the campaign", "campaign")],
)
def test_source_head(phrase: str, head: str) -> None:
    assert _bench().head(phrase) == head
