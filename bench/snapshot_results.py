"""Snapshot of framing's results, to show that a refactoring changes nothing.

Writes one JSON line per article (``Analysis.to_dict()`` with sorted keys, the framing version
left out) for all FA-KES and PTC articles, with models and VADER on, so every layer is
exercised, and prints one SHA-256 per corpus. Run it before and after a change and compare the
hashes (or ``diff`` the files written with ``--out``).

    python bench/snapshot_results.py --out /tmp/before
    python bench/snapshot_results.py --out /tmp/after && diff -r /tmp/before /tmp/after
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from _shared import fakes_texts, need

from framing import AnalysisOptions, analyze_many


def ptc_texts() -> list[str]:
    folder = need("datasets", "ptc_propaganda", "articles")
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def _lines(texts: list[str], options: AnalysisOptions) -> list[str]:
    lines = []
    for analysis in analyze_many(texts, options=options):
        data = analysis.to_dict()
        data.pop("framing_version", None)
        lines.append(json.dumps(data, sort_keys=True, ensure_ascii=False))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder to write fakes.jsonl and ptc.jsonl into")
    args = parser.parse_args()
    options = AnalysisOptions(sentiment="vader", models=True)
    for name, texts in (("fakes", fakes_texts()), ("ptc", ptc_texts())):
        lines = _lines(texts, options)
        blob = "\n".join(lines).encode("utf-8")
        print(f"{name}: {len(lines)} articles, sha256 {hashlib.sha256(blob).hexdigest()}")
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"{name}.jsonl").write_bytes(blob + b"\n")


if __name__ == "__main__":
    main()
