"""Who said what, as a table: one row per direct quote or reported speech in each document.

>>> from framing.corpus.quotes import quote_table
>>> quote_table(["Ortiz said the levy was fair."])          # doctest: +NORMALIZE_WHITESPACE
   document  start  end      kind speaker   cue                  text
0         0     11   28  reported   Ortiz  said   the levy was fair

Rows come from the voice layer alone (:func:`framing.annotate.voice.find_voices`): no lexicon is
needed, so a corpus of quotes is fast to build. Offsets are ``[start, end)`` into the document's
text. ``kind`` is ``quote`` (the inner span of a direct quote), ``scare`` (a scare quote, in the
outlet's voice), ``reported`` (reported speech) or ``factive`` (a factive verb such as
"confirmed": recorded, but the outlet asserts the content itself).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from framing.annotate.voice import VoiceLayer, find_voices
from framing.document import Document, to_document

__all__ = ["COLUMNS", "quote_rows", "quote_table"]

COLUMNS = ("document", "start", "end", "kind", "speaker", "cue", "text")


def quote_rows(document: Any, doc: Document, layer: VoiceLayer) -> Iterator[dict[str, Any]]:
    """The rows of one document, in text order; `document` names it in every row."""
    text = doc.text
    rows: list[tuple[int, int, str, str | None, str | None]] = []
    for q in layer.quotes:
        if not q.nested:
            rows.append(
                (
                    q.inner_start,
                    q.inner_end,
                    "quote" if q.kind == "speech" else "scare",
                    q.speaker,
                    None,
                )
            )
    for a in layer.attributions:
        rows.append((a.start, a.end, "factive" if a.factive else "reported", a.speaker, a.cue))
    for start, end, kind, speaker, cue in sorted(rows, key=lambda r: (r[0], r[1])):
        span = text[start:end]
        start += len(span) - len(span.lstrip())  # offsets of the words, without the spaces
        end -= len(span) - len(span.rstrip())
        yield {
            "document": document,
            "start": start,
            "end": end,
            "kind": kind,
            "speaker": speaker,
            "cue": cue,
            "text": text[start:end],
        }


def quote_table(
    items: Iterable[str | Path | Document], names: Sequence[Any] | None = None
) -> pd.DataFrame:
    """One row per quote or reported speech of each item (article text, path or Document).

    `names` label the documents (default: the path of a file, else the item's position).
    """
    rows: list[dict[str, Any]] = []
    for i, doc in enumerate(map(to_document, items)):
        name = names[i] if names is not None else (doc.source.path or i)
        rows.extend(quote_rows(name, doc, find_voices(doc)))
    return pd.DataFrame(rows, columns=list(COLUMNS))
