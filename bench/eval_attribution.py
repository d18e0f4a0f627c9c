"""Attribution accuracy on PolNeAR: whose words are reported, and who is said to speak.

PolNeAR (Newell, Margolin & Ruths 2018) annotates every attribution relation in US election news
as Source (who), Cue (said, according to ...) and Content (what), with character spans. One
annotator's file per article, the first by name. Measured on the words of each article, exactly
as ../shared/tools/polnear_score.py measures a framing build (a test checks they agree):

- reported-speech words: a word inside a gold Content span is "reported"; framing's is inside a
  speech quote's inner span or an attribution span (``Analysis.to_dict()["quotes"]`` and
  ``["attributions"]``, the interface measured). Precision, recall, F1.
- attributions found: gold attributions whose Content words are at least half reported.
- speaker agreement, for found attributions whose Source is a name or noun phrase (not a
  pronoun): the head of either (its last word before any comma, leaving out determiners and
  titles) appears in the other. The share given no speaker is printed beside it.

Anchor: Citron (BBC R&D, spaCy + CRFs trained on PARC 3.0): content-span F1 83.2 (overlap),
source F1 82.0.

    python bench/eval_attribution.py                 # dev split
    python bench/eval_attribution.py --split train   # the same figures on train
    python bench/eval_attribution.py --errors 40     # a sample of misses and wrong speakers
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from _shared import need

from framing import analyze_many

WORD = re.compile(r"\w+")
PRONOUNS = frozenset("he she they it i we you him her them his its their who which that".split())
STOP = frozenset("the a an of 's mr mrs ms dr sen rep gov pres".split())


@dataclass(frozen=True)
class GoldAttribution:
    content: tuple[tuple[int, int], ...]
    source: str | None
    cue: str | None


@dataclass
class Article:
    name: str
    text: str
    gold: list[GoldAttribution]


def parse_ann(path: Path) -> list[GoldAttribution]:
    """Attribution events of a brat standoff file (discontinuous spans as ``s e;s e``)."""
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...], str]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 2:
            kind, _, locs = parts[1].partition(" ")
            ranges = tuple((int(a), int(b)) for a, b in (r.split() for r in locs.split(";")))
            spans[parts[0]] = (kind, ranges, parts[2] if len(parts) > 2 else "")
        elif parts[0].startswith("E") and len(parts) >= 2:
            events.append(dict(a.split(":", 1) for a in parts[1].split() if ":" in a))
    out = []
    for event in events:
        content = spans.get(event.get("Content", ""))
        source = spans.get(event.get("Source", ""))
        cue = spans.get(event.get("Cue", ""))
        if content:
            out.append(
                GoldAttribution(content[1], source[2] if source else None, cue[2] if cue else None)
            )
    return out


def read_split(split: str) -> list[Article]:
    folder = need("datasets", "polnear_attribution", split)
    first: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        first.setdefault(re.sub(r"_[0-9a-f]{4}\.ann$", "", ann.name), ann)
    articles = []
    for name, ann in first.items():
        text_path = folder / "text" / f"{name}.txt"
        if text_path.exists():
            articles.append(Article(name, text_path.read_text(encoding="utf-8"), parse_ann(ann)))
    return articles


def head(phrase: str) -> str:
    words = [w for w in WORD.findall(phrase.split(",")[0].lower()) if w not in STOP]
    return words[-1] if words else ""


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    found: int = 0
    total: int = 0
    speaker_ok: int = 0
    speaker_n: int = 0
    speaker_missing: int = 0
    pronoun_sources: int = 0
    missed: list[tuple[str, str, str | None]] = field(default_factory=list)
    wrong: list[tuple[str, str, str, str]] = field(default_factory=list)
    pronouns: list[tuple[str, str, str, str]] = field(default_factory=list)

    def scores(self) -> dict[str, float]:
        p = self.tp / max(self.tp + self.fp, 1)
        r = self.tp / max(self.tp + self.fn, 1)
        return {
            "precision": p,
            "recall": r,
            "f1": 2 * p * r / max(p + r, 1e-9),
            "found": self.found / max(self.total, 1),
            "speaker": self.speaker_ok / max(self.speaker_n, 1),
            "no_speaker": self.speaker_missing / max(self.speaker_n, 1),
        }


def predicted(data: dict[str, object], size: int) -> list[str | None]:
    """Per character: the speaker framing gives it ("" for no speaker), or None (not reported).

    Longer regions first, so a shorter region inside a longer one has the last word.
    """
    regions = [
        (q["inner_start"], q["inner_end"], q.get("speaker"))
        for q in data["quotes"]  # type: ignore[attr-defined]
        if q.get("kind") == "speech"
    ]
    regions += [
        (a["start"], a["end"], a.get("speaker"))
        for a in data["attributions"]  # type: ignore[attr-defined]
    ]
    out: list[str | None] = [None] * size
    for start, end, speaker in sorted(regions, key=lambda r: r[1] - r[0], reverse=True):
        for i in range(max(0, start), min(end, size)):
            out[i] = speaker or ""
    return out


def score_article(article: Article, pred: list[str | None], tally: Tally) -> None:
    text = article.text
    gold_mask = bytearray(len(text))
    for g in article.gold:
        for s, e in g.content:
            gold_mask[s:e] = b"\x01" * (e - s)
    for m in WORD.finditer(text):
        g, p = gold_mask[m.start()] == 1, pred[m.start()] is not None
        tally.tp += g and p
        tally.fp += (not g) and p
        tally.fn += g and not p
        tally.tn += (not g) and not p
    for g in article.gold:
        words = [m for s, e in g.content for m in WORD.finditer(text, s, e)]
        if not words:
            continue
        tally.total += 1
        covered = [pred[m.start()] for m in words if pred[m.start()] is not None]
        content = " ".join(text[s:e] for s, e in g.content)
        if len(covered) * 2 < len(words):
            tally.missed.append((article.name, content, g.cue))
            continue
        tally.found += 1
        source = (g.source or "").strip()
        if not source:
            continue
        said = Counter(covered).most_common(1)[0][0] or ""
        if head(source) in PRONOUNS or source.lower() in PRONOUNS:
            tally.pronoun_sources += 1
            start = g.content[0][0]
            context = text[max(0, start - 300) : start + 80].replace("\n", " ")
            tally.pronouns.append((article.name, source, said, context))
            continue
        tally.speaker_n += 1
        if not said:
            tally.speaker_missing += 1
            tally.wrong.append((article.name, source, "(none)", content))
            continue
        a, b = head(source), head(said)
        ok = bool(a) and (a in WORD.findall(said.lower()) or b in WORD.findall(source.lower()))
        tally.speaker_ok += ok
        if not ok:
            tally.wrong.append((article.name, source, said, content))


def evaluate(articles: list[Article]) -> Tally:
    tally = Tally()
    analyses = analyze_many([a.text for a in articles])
    for article, analysis in zip(articles, analyses, strict=True):
        score_article(article, predicted(analysis.to_dict(), len(article.text)), tally)
    return tally


def _sample(rows: list[tuple[str, ...]], n: int, seed: int = 0) -> Iterator[tuple[str, ...]]:
    yield from random.Random(seed).sample(rows, min(n, len(rows)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--errors", type=int, default=0, help="print a sample of N errors each")
    parser.add_argument(
        "--pronouns",
        type=int,
        default=0,
        help="print N attributions with a pronoun source, with context, to check by hand",
    )
    args = parser.parse_args()
    articles = read_split(args.split)
    tally = evaluate(articles)
    s = tally.scores()
    print(
        f"PolNeAR {args.split}, {len(articles)} articles, {tally.total} attributions\n"
        f"reported-speech words  P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}\n"
        f"attributions found     {tally.found}/{tally.total} ({s['found']:.3f})\n"
        f"speaker agrees         {tally.speaker_ok}/{tally.speaker_n} ({s['speaker']:.3f}), "
        f"no speaker {tally.speaker_missing} ({s['no_speaker']:.3f}), "
        f"pronoun sources {tally.pronoun_sources}\n"
        "anchor (Citron, PARC 3.0): content-span F1 0.832 (overlap), source F1 0.820"
    )
    if args.errors:
        print(f"\n-- missed attributions (cue, content), {args.errors} of {len(tally.missed)}")
        for name, content, cue in _sample(tally.missed, args.errors):  # type: ignore[misc]
            print(f"[{name[:30]}] cue={cue!r}: {content[:160]!r}")
        print(f"\n-- wrong or missing speakers, {args.errors} of {len(tally.wrong)}")
        for name, source, said, content in _sample(tally.wrong, args.errors):  # type: ignore[misc]
            print(f"[{name[:30]}] gold={source!r} framing={said!r}: {content[:100]!r}")
    if args.pronouns:
        named = sum(1 for *_, said, _ in tally.pronouns if said and said.lower() not in PRONOUNS)
        print(
            f"\n-- pronoun sources: {len(tally.pronouns)}, framing names a speaker for {named} "
            f"({named / max(len(tally.pronouns), 1):.3f}); {args.pronouns} to check by hand:"
        )
        for name, source, said, context in _sample(tally.pronouns, args.pronouns):  # type: ignore[misc]
            print(f"[{name[:30]}] gold={source!r} framing={said!r}\n    ...{context}")


if __name__ == "__main__":
    main()
