"""Locating ../shared for the benchmark scripts (they exit with a clear message without it)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATASETS = SHARED / "datasets"


def need(*parts: str) -> Path:
    """A path under ../shared, or exit(0) with a message saying what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        print(f"skipped: needs ../shared/{'/'.join(parts)}, which is not present", file=sys.stderr)
        raise SystemExit(0)
    return path


def fakes_texts() -> list[str]:
    """The 804 FA-KES article texts, in file order."""
    import pandas as pd

    csv = need("datasets", "fakes_syria", "FA-KES-Dataset.csv")
    frame = pd.read_csv(csv, encoding="utf-8")
    return frame["article_content"].astype(str).tolist()
