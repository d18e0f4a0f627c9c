"""Jupyter's rich display without upward imports: renderers register, results look up.

:class:`~framing.analysis.Analysis` and :class:`~framing.compare.comparison.Comparison` sit below
the renderers and never import them. Their ``_repr_html_`` asks this registry; the HTML renderers
(:mod:`framing.render.html`, :mod:`framing.render.compare.html`) register their fragment
functions when imported, and ``import framing`` imports them. With nothing registered,
``_repr_html_`` returns None and Jupyter shows the plain ``repr``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["html_of", "register_html"]

_RENDERERS: dict[type, Callable[[Any], str]] = {}


def register_html(kind: type, render: Callable[[Any], str]) -> None:
    """Draw objects of `kind` (and its subclasses) with `render` in rich displays."""
    _RENDERERS[kind] = render


def html_of(obj: object) -> str | None:
    """The registered HTML of `obj`, or None when no renderer is registered for its type."""
    for kind in type(obj).__mro__:
        render = _RENDERERS.get(kind)
        if render is not None:
            return render(obj)
    return None
