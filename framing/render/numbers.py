"""Numbers for reading: one rule for a missing value (an undefined rate is NaN in the data)."""

from __future__ import annotations

import math
from typing import Any

__all__ = ["MISSING", "number"]

#: How every output shows a value that does not exist (a rate over no words).
MISSING = "–"


def number(value: Any, spec: str = ".2f") -> str:
    """`value` formatted with `spec`, or :data:`MISSING` for None and NaN."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    return format(value, spec)
