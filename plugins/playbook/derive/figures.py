"""A result's figures as people read them (``+40%``, ``15天 → 7天``) and as a size to sort by."""

from __future__ import annotations

import math

from playbook.core.model import Result


def result_text(result: Result) -> str:
    """A result as one short phrase: ``+40%`` or ``15天 → 7天``."""
    if result.change:
        return result.change
    return f"{result.before} → {result.after}"


def improvement(result: Result) -> float:
    """Size of a result as a fraction (0.4 for +40%, 0.53 for 15 → 7), for sorting."""
    try:
        if result.change:
            size = abs(float(result.change.strip().rstrip("%").replace("+", ""))) / 100
        else:
            before, after = _number(result.before), _number(result.after)
            size = abs(after - before) / before if before else 0.0
    except ValueError:
        return 0.0
    # "1e999%" or a 400-digit figure parse as infinity (or NaN): no usable size.
    return size if math.isfinite(size) else 0.0


def _number(text: str) -> float:
    digits = "".join(ch for ch in text if ch.isdigit() or ch in ".-")
    return float(digits)
