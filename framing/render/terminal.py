"""Terminal output with rich: the article highlighted by voice, and summary tables."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from framing.annotate.voice import VOICE_NAMES, VOICES
from framing.render.numbers import number
from framing.render.spans import paragraph_segments

if TYPE_CHECKING:
    from framing.analysis import Analysis

__all__ = ["VOICE_STYLES", "analysis_renderable", "highlighted_article", "legend"]

VOICE_STYLES = {
    "author": "bold black on rgb(255,200,140)",
    "quote": "bold black on rgb(170,205,255)",
    "attributed": "bold black on rgb(215,195,255)",
}
CONTEXT_STYLE = "underline"
REGION_STYLES = {"quote": "italic", "attributed": "italic", "author": ""}


def legend() -> Text:
    text = Text("Legend: ")
    for voice in VOICES:
        text.append(f" {VOICE_NAMES[voice].label} ", VOICE_STYLES[voice])
        text.append(" ")
    text.append(" ")
    text.append("context marker", CONTEXT_STYLE)
    text.append("  ")
    text.append("italic = quoted or reported text", "italic")
    return text


def highlighted_article(analysis: Analysis) -> Text:
    """The article as rich Text: loaded terms coloured by voice, quoted text in italics."""
    out = Text()
    source = analysis.text
    for p, segs in enumerate(paragraph_segments(analysis)):
        if p:
            out.append("\n\n")
        for seg in segs:
            chunk = source[seg.start : seg.end]
            if seg.match is not None:
                m = analysis.matches[seg.match]
                style = VOICE_STYLES[seg.voice] if m.loaded else CONTEXT_STYLE
                out.append(chunk, style)
            else:
                out.append(chunk, REGION_STYLES[seg.voice])
    return out


def summary_table(analysis: Analysis) -> Table:
    s = analysis.scores
    table = Table(title="Loaded language by voice", title_justify="left")
    table.add_column("Voice")
    table.add_column("Words", justify="right")
    table.add_column("Loaded", justify="right")
    table.add_column("Per 1k words", justify="right")
    scopes = [(v, VOICE_NAMES[v].plural) for v in VOICES] + [("all", "all")]
    for v, name in scopes:
        table.add_row(
            name,
            str(s["words"][v]),
            str(s["loaded_count"][v]),
            number(s["loaded_rate_per_1k"][v], ".1f"),
        )
    return table


def terms_table(analysis: Analysis, limit: int = 20) -> Table:
    table = Table(title="Loaded terms", title_justify="left")
    table.add_column("Term")
    table.add_column("Category")
    table.add_column("Dir.")
    table.add_column("Own", justify="right")
    table.add_column("Quote", justify="right")
    table.add_column("Rep.", justify="right")
    table.add_column("Neutral alternatives", max_width=28)
    rows: dict[tuple[str, str], list] = {}
    for m in analysis.matches:
        if not m.loaded:
            continue
        row = rows.setdefault((m.term, m.category), [m.direction[:5], 0, 0, 0, m.alternatives])
        row[1 + VOICES.index(m.voice)] += 1
    ordered = sorted(rows.items(), key=lambda kv: (-(kv[1][1] + kv[1][2] + kv[1][3]), kv[0][0]))
    for (term, cat), (direction, a, q, r, alts) in ordered[:limit]:
        table.add_row(term, cat, direction, str(a), str(q), str(r), "; ".join(alts[:3]))
    if len(ordered) > limit:
        table.caption = f"{len(ordered) - limit} more terms: use --format json or html for all"
    return table


def facts_table(analysis: Analysis) -> Table:
    s = analysis.scores
    table = Table(title="Scores", title_justify="left", show_header=False)
    table.add_column("Measure")
    table.add_column("Value", justify="right")
    table.add_row(
        "Direction balance, own words (-1..+1)", f"{s['direction']['author']['balance']:+.2f}"
    )
    table.add_row("Sentiment polarity (Pattern)", f"{s['sentiment']['polarity']:+.2f}")
    table.add_row("Subjectivity", f"{s['sentiment']['subjectivity']:.2f}")
    if "vader_compound_mean" in s["sentiment"]:
        table.add_row("VADER compound (mean)", f"{s['sentiment']['vader_compound_mean']:+.2f}")
    table.add_row("Quoted share of words", f"{100 * s['quotes']['quoted_share']:.0f}%")
    table.add_row("Reported-speech share", f"{100 * s['quotes']['attributed_share']:.0f}%")
    table.add_row("Hedges / boosters", f"{s['hedges']} / {s['boosters']}")
    table.add_row("Anonymous sources", str(s["anonymous_sources"]))
    speakers = s["speakers"]
    table.add_row("Speakers", "; ".join(speakers) if speakers else "none named")
    return table


def analysis_renderable(analysis: Analysis, *, title: str | None = None) -> Group:
    """Everything `framing analyze` prints in text format."""
    head = Text(title or analysis.document.source.path or "article", style="bold")
    return Group(
        head,
        legend(),
        Text(),
        highlighted_article(analysis),
        Text(),
        summary_table(analysis),
        terms_table(analysis),
        facts_table(analysis),
        *_classifier_lines(analysis),
    )


def _classifier_lines(analysis: Analysis) -> list[Text]:
    """The classifiers' summary (framing.models), when the analysis has it."""
    if analysis.classifiers is None:
        return []
    lines = analysis.classifiers.summary_lines(analysis.text, width=70)
    return [Text(), *(Text(line) for line in lines)]


def console(*, width: int | None = None, file: IO[str] | None = None) -> Console:
    """A console no wider than 100 columns (tables are laid out to fit)."""
    con = Console(file=file, width=width)
    if width is None and con.width > 100:
        con = Console(file=file, width=100)
    return con
