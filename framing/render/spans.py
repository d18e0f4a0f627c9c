"""Cutting an analysed text into segments with one voice and at most one match each.

Rendering is a pure function of the text and its spans: terminal, HTML, Markdown, worksheets
and rewrites all draw from these segments.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from framing.annotate.voice import Voice

if TYPE_CHECKING:
    from framing.analysis import Analysis

__all__ = ["Segment", "paragraph_segments"]


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of text ``[start, end)`` with its voice, scare-quote flag and match index."""

    start: int
    end: int
    voice: Voice
    speaker: str | None
    scare: bool
    match: int | None


def paragraph_segments(analysis: Analysis) -> list[list[Segment]]:
    """Segments of each paragraph, in order; matches are never split."""
    doc = analysis.document
    voices = analysis.voices
    cuts: set[int] = set()
    for q in voices.quotes:
        cuts.update((q.inner_start, q.inner_end))
    for a in voices.attributions:
        if not a.factive:
            cuts.update((a.start, a.end))
    match_at = {m.start: i for i, m in enumerate(analysis.matches)}
    for m in analysis.matches:
        cuts.update((m.start, m.end))
    inside_match = [(m.start, m.end) for m in analysis.matches]
    out: list[list[Segment]] = []
    mi = 0
    for ps, pe in doc.paragraphs:
        points = sorted({ps, pe, *(c for c in cuts if ps < c < pe)})
        segs: list[Segment] = []
        for s, e in pairwise(points):
            while mi < len(inside_match) and inside_match[mi][1] <= s:
                mi += 1
            if mi < len(inside_match) and inside_match[mi][0] < s < inside_match[mi][1]:
                continue  # inside a match already emitted whole
            idx = match_at.get(s)
            if idx is not None:
                e = max(e, analysis.matches[idx].end)
            if idx is None:
                voice, speaker, scare = voices.voice_at(s, e)
            else:
                m = analysis.matches[idx]
                voice, speaker, scare = m.voice, m.speaker, m.scare_quoted
            segs.append(Segment(s, e, voice, speaker, scare, idx))
        out.append(segs)
    return out
