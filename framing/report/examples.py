"""Example sentences for a report's top differences, fetched in a second pass over the inputs.

The counting pass keeps, for each group, term and voice, the offsets of the first few matches (not
the text); here the inputs are read again, one document at a time, and only the sentences needed
are cut out. Words and bigrams found by the log-odds comparison are searched for in the group's
documents. A document whose text changed since the counting pass is passed over (checked by hash).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from framing.corpus.cache import text_hash
from framing.corpus.reader import Skipped, iter_corpus
from framing.document import split_sentences

if TYPE_CHECKING:
    from framing.corpus.counts import CountTables
    from framing.report.build import Report

__all__ = ["collect_examples"]


def _wanted(report: Report) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """(group, kind, label) of the top differences that get examples: lexicon terms and words."""
    top = report.options.top
    terms = report.tables["distinguishing_terms"]
    terms = terms[(terms["voice"] == "all") & terms["loaded"] & (terms["z"] >= 1.96)]
    chosen_terms = [
        (str(r["group"]), str(r["lexicon"]), str(r["term"]))
        for _, sub in terms.groupby("group", sort=True)
        for r in sub.head(top).to_dict(orient="records")
    ]
    words = report.tables["distinguishing_words"]
    words = words[words["z"] >= 1.96]
    chosen_words = [
        (str(r["group"]), str(r["kind"]), str(r["feature"]))
        for _, sub in words.groupby("group", sort=True)
        for r in sub.sort_values("z", ascending=False)
        .head(max(2, top // 2))
        .to_dict(orient="records")
    ]
    return chosen_terms, chosen_words


def _feature_re(feature: str) -> re.Pattern[str]:
    parts = [re.escape(p).replace(r"\-", r"[-‐‑ ]") for p in feature.split()]
    body = r"(?:['’]s)?\s+".join(parts)
    return re.compile(rf"(?<![^\W_]){body}(?:['’]s)?(?![^\W_])", re.IGNORECASE)


def _snippet(text: str, start: int, end: int, s0: int, s1: int, width: int = 160) -> dict[str, str]:
    lo = max(s0, start - width)
    hi = min(s1, end + width)
    if lo > s0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < s1:
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    return {
        "before": ("… " if lo > s0 else "") + " ".join(text[lo:start].split(" ")).lstrip(),
        "match": text[start:end],
        "after": text[end:hi].rstrip() + (" …" if hi < s1 else ""),
    }


def collect_examples(report: Report, tables: CountTables) -> list[dict[str, Any]]:
    """Example sentences for the top differences, from a second pass over the inputs.

    Lexicon terms use the offsets kept in the count records (outlet's own voice first); words
    and bigrams are searched for in the group's documents. Texts must be unchanged since the
    counting pass (checked by hash).
    """
    per = report.options.examples
    if per <= 0:
        return []
    chosen_terms, chosen_words = _wanted(report)
    gid = {g: i for i, g in enumerate(tables.groups)}
    need: dict[int, list[tuple[int, Any]]] = {}
    out: list[dict[str, Any]] = []
    for group, lexicon, term in chosen_terms:
        key = f"{lexicon}\t{term}"
        found = []
        for voice in ("author", "quote", "attributed"):
            found += list(tables.examples.get((gid[group], key, voice), ()))
        for ex in found[:per]:
            item: dict[str, Any] = {"group": group, "kind": "term", "feature": term}
            item["voice"] = ex.voice
            out.append(item)
            need.setdefault(ex.position, []).append((len(out) - 1, ex))
    searches: dict[str, list[tuple[int, re.Pattern[str]]]] = {}
    for group, kind, feature in chosen_words:
        for _ in range(per):
            out.append({"group": group, "kind": kind, "feature": feature, "voice": None})
            searches.setdefault(group, []).append((len(out) - 1, _feature_re(feature)))
    if not need and not searches:
        return []
    done: set[int] = set()
    for doc in iter_corpus(report.inputs, report.corpus_options):
        if len(done) == len(out):
            break
        if isinstance(doc, Skipped):
            continue
        for slot, ex in need.get(doc.index, ()):
            if text_hash(doc.text) != ex.text_hash:
                continue
            found_item = out[slot]
            found_item.update(
                _snippet(doc.text, ex.start, ex.end, ex.sentence_start, ex.sentence_end)
            )
            found_item.update(id=doc.id, title=doc.title, date=str(doc.date or ""))
            done.add(slot)
        pending = [(s, p) for s, p in searches.get(doc.group, ()) if s not in done]
        matched: set[str] = set()
        sentences = None
        for slot, pattern in pending:
            if pattern.pattern in matched:
                continue  # one example of a feature per document
            m = pattern.search(doc.text)
            if m is None:
                continue
            matched.add(pattern.pattern)
            if sentences is None:
                sentences = split_sentences(doc.text)
            s0, s1 = next(((a, b) for a, b in sentences if a <= m.start() < b), (0, len(doc.text)))
            out[slot].update(_snippet(doc.text, m.start(), m.end(), s0, s1))
            out[slot].update(id=doc.id, title=doc.title, date=str(doc.date or ""))
            done.add(slot)
    return [item for i, item in enumerate(out) if i in done]
