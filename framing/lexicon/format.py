"""Reading and checking lexicon files: a TSV of entries and a TOML card (docs/lexicon-format.md)."""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from framing.errors import LexiconError
from framing.lexicon.normalize import normalize_pattern

__all__ = [
    "DIRECTIONS",
    "Entry",
    "Lexicon",
    "Problem",
    "expand_pattern",
    "parse_lexicon",
    "read_lexicon",
    "validate_lexicon",
]

Direction = Literal["delegitimizing", "legitimizing", "neutral"]
CaseMode = Literal["any", "lower", "exact"]
DIRECTIONS: frozenset[str] = frozenset({"delegitimizing", "legitimizing", "neutral"})
CASE_MODES: frozenset[str] = frozenset({"any", "lower", "exact"})
REQUIRED_COLUMNS = ("term", "category", "direction", "weight", "loaded", "rationale")
OPTIONAL_COLUMNS = ("forms", "alternatives", "case", "avoid", "style_guides")
MAX_EXPANSIONS = 256
MAX_FILE_BYTES = 20_000_000
_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_GROUP_RE = re.compile(r"\{([^{}]*)\}")
_WORD_RE = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found in a lexicon file, located by path and line (0 for the card)."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry: a term, its surface forms and what it signals."""

    term: str
    forms: tuple[str, ...]
    category: str
    direction: Direction
    weight: float
    loaded: bool
    alternatives: tuple[str, ...]
    rationale: str
    case: CaseMode = "any"
    avoid: tuple[str, ...] = ()
    style_guides: str = ""
    lexicon: str = ""
    line: int = 0

    def to_dict(self) -> dict[str, object]:
        return {
            "term": self.term,
            "forms": list(self.forms),
            "category": self.category,
            "direction": self.direction,
            "weight": self.weight,
            "loaded": self.loaded,
            "alternatives": list(self.alternatives),
            "rationale": self.rationale,
            "case": self.case,
            "avoid": list(self.avoid),
            "style_guides": self.style_guides,
            "lexicon": self.lexicon,
        }


@dataclass(frozen=True)
class Lexicon:
    """A parsed lexicon: its card and its entries. Immutable; identified by name, version, hash."""

    name: str
    version: str
    entries: tuple[Entry, ...]
    categories: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    title: str = ""
    license: str = ""
    description: str = ""
    inclusion_rule: str = ""
    sha256: str = ""
    path: str = ""

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def info(self) -> dict[str, str]:
        """Name, version and content hash: what every report states."""
        return {"name": self.name, "version": self.version, "sha256": self.sha256}


def expand_pattern(pattern: str) -> list[str]:
    """Expand `{a|b}` alternations in one pattern into its forms (no nesting).

    Raises ValueError with a readable message on unbalanced braces or too many forms.
    """
    if pattern.count("{") != pattern.count("}"):
        raise ValueError(f"unbalanced braces in pattern {pattern!r}")
    pieces: list[list[str]] = []
    pos = 0
    for m in _GROUP_RE.finditer(pattern):
        pieces.append([pattern[pos : m.start()]])
        pieces.append(m.group(1).split("|"))
        pos = m.end()
    rest = pattern[pos:]
    if "{" in rest or "}" in rest or any("{" in p or "}" in p for ps in pieces for p in ps):
        raise ValueError(f"nested or stray braces in pattern {pattern!r}")
    pieces.append([rest])
    forms = [""]
    for options in pieces:
        forms = [f + o for f in forms for o in options]
        if len(forms) > MAX_EXPANSIONS:
            raise ValueError(f"pattern {pattern!r} expands to more than {MAX_EXPANSIONS} forms")
    return [" ".join(f.split()) for f in forms if f.strip()]


def _split_list(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def _check_form(form: str) -> str | None:
    """Return a problem message for an expanded form, or None when it is usable."""
    words = form.split()
    if not words:
        return "empty form"
    if not _WORD_RE.search(form):
        return f"form {form!r} has no letters or digits"
    if all(w == "*" for w in words):
        return f"form {form!r} is only wildcards"
    for w in words:
        if "*" in w and w not in ("*", "*'s", "*’s"):
            return f"'*' must stand alone as a word (or as *'s), not inside {w!r}"
    return None


def _card_problems(card: Mapping[str, object], where: str) -> list[Problem]:
    problems = []
    for key in ("name", "version", "license", "description"):
        if not isinstance(card.get(key), str) or not str(card.get(key)).strip():
            problems.append(Problem(where, 0, f"card is missing the text field {key!r}"))
    name = card.get("name")
    if isinstance(name, str) and not _NAME_RE.match(name):
        problems.append(
            Problem(where, 0, f"card name {name!r} must be lowercase letters, digits, '-' or '_'")
        )
    cats = card.get("categories")
    if not isinstance(cats, dict) or not cats:
        problems.append(Problem(where, 0, "card has no [categories] table"))
    elif not all(isinstance(v, str) and v.strip() for v in cats.values()):
        problems.append(Problem(where, 0, "every category needs a one-line definition"))
    return problems


def _read_card(tsv_path: Path) -> tuple[dict[str, object] | None, list[Problem]]:
    card_path = tsv_path.with_suffix(".toml")
    if not card_path.exists():
        return None, []
    try:
        card = tomllib.loads(card_path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return None, [Problem(str(card_path), 0, f"card is not valid TOML: {exc}")]
    return card, _card_problems(card, str(card_path))


def parse_lexicon(
    tsv_text: str,
    *,
    path: str = "<string>",
    card: Mapping[str, object] | None = None,
    card_bytes: bytes = b"",
) -> tuple[Lexicon | None, list[Problem]]:
    """Parse lexicon TSV text (and an optional card) into a Lexicon, collecting every problem.

    Returns ``(lexicon, problems)``; the lexicon is None when any problem was found.
    """
    problems: list[Problem] = []
    name = str(card.get("name", "")) if card else Path(path).stem
    categories_raw = card.get("categories") if card else None
    categories: dict[str, str] = (
        {str(k): str(v) for k, v in categories_raw.items()}
        if isinstance(categories_raw, dict)
        else {}
    )
    header: list[str] | None = None
    entries: list[Entry] = []
    seen_forms: dict[tuple[str, str], int] = {}
    for lineno, raw in enumerate(tsv_text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = raw.rstrip("\r\n").split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            missing = [c for c in REQUIRED_COLUMNS if c not in header]
            unknown = [c for c in header if c not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
            dupes = sorted({c for c in header if header.count(c) > 1})
            if missing:
                problems.append(
                    Problem(path, lineno, f"header lacks columns: {', '.join(missing)}")
                )
            if unknown:
                problems.append(Problem(path, lineno, f"unknown columns: {', '.join(unknown)}"))
            if dupes:
                problems.append(Problem(path, lineno, f"repeated columns: {', '.join(dupes)}"))
            if missing or dupes:
                return None, problems
            continue
        if len(cells) > len(header):
            problems.append(
                Problem(path, lineno, f"{len(cells)} fields but the header has {len(header)}")
            )
            continue
        row = dict(zip(header, (c.strip() for c in cells), strict=False))
        entry, row_problems = _parse_row(row, lineno, path, name, categories)
        problems.extend(row_problems)
        if entry is None:
            continue
        for form in entry.forms:
            key = (normalize_pattern(form, lower=entry.case != "exact"), entry.case)
            if key in seen_forms:
                problems.append(
                    Problem(
                        path,
                        lineno,
                        f"form {form!r} is already an entry's form on line {seen_forms[key]}",
                    )
                )
            else:
                seen_forms[key] = lineno
        entries.append(entry)
    if header is None:
        problems.append(Problem(path, 1, "no header line (and no entries)"))
    elif not entries and not problems:
        problems.append(Problem(path, 1, "the lexicon has no entries"))
    if problems:
        return None, problems
    digest = hashlib.sha256(card_bytes + b"\0" + tsv_text.encode("utf-8")).hexdigest()
    get = (lambda k: str(card.get(k, ""))) if card else (lambda k: "")
    lexicon = Lexicon(
        name=name,
        version=get("version") or "0",
        entries=tuple(entries),
        categories=MappingProxyType(categories),
        title=get("title") or name,
        license=get("license"),
        description=get("description"),
        inclusion_rule=get("inclusion_rule"),
        sha256=digest,
        path=path,
    )
    return lexicon, []


def _parse_row(
    row: dict[str, str], lineno: int, path: str, lexicon: str, categories: Mapping[str, str]
) -> tuple[Entry | None, list[Problem]]:
    problems: list[Problem] = []

    def bad(message: str) -> None:
        problems.append(Problem(path, lineno, message))

    term = row.get("term", "")
    if not term:
        bad("empty term")
    category = row.get("category", "")
    if not category:
        bad("empty category")
    elif categories and category not in categories:
        bad(f"category {category!r} is not defined in the card")
    direction = row.get("direction", "")
    if direction not in DIRECTIONS:
        bad(f"direction {direction!r} must be one of {', '.join(sorted(DIRECTIONS))}")
    weight = 0.0
    try:
        weight = float(row.get("weight", ""))
        if not 0.0 <= weight <= 1.0:
            bad(f"weight {weight} must be between 0 and 1")
    except ValueError:
        bad(f"weight {row.get('weight', '')!r} is not a number")
    loaded_cell = row.get("loaded", "").lower()
    if loaded_cell not in ("true", "false"):
        bad(f"loaded {row.get('loaded', '')!r} must be true or false")
    rationale = row.get("rationale", "")
    if not rationale:
        bad("empty rationale")
    case = row.get("case", "") or "any"
    if case not in CASE_MODES:
        bad(f"case {case!r} must be one of any, lower, exact")
    forms: list[str] = []
    avoid: list[str] = []
    for column, target in (("forms", forms), ("avoid", avoid)):
        for pattern in _split_list(row.get(column, "")) or ([term] if column == "forms" else []):
            try:
                expanded = expand_pattern(pattern)
            except ValueError as exc:
                bad(str(exc))
                continue
            for form in expanded:
                message = _check_form(form)
                if message:
                    bad(message)
                elif form not in target:
                    target.append(form)
    if problems:
        return None, problems
    entry = Entry(
        term=term,
        forms=tuple(forms),
        category=category,
        direction=direction,  # type: ignore[arg-type]
        weight=weight,
        loaded=loaded_cell == "true",
        alternatives=tuple(_split_list(row.get("alternatives", ""))),
        rationale=rationale,
        case=case,  # type: ignore[arg-type]
        avoid=tuple(avoid),
        style_guides=row.get("style_guides", ""),
        lexicon=lexicon,
        line=lineno,
    )
    return entry, []


def _read_tsv(path: Path) -> tuple[str | None, list[Problem]]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(str(path), 0, "no such lexicon file")]
    except OSError as exc:
        return None, [Problem(str(path), 0, f"cannot read the lexicon file: {exc.strerror}")]
    if len(data) > MAX_FILE_BYTES:
        return None, [Problem(str(path), 0, "lexicon file is larger than 20 MB")]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [Problem(str(path), line, "lexicon file is not valid UTF-8")]


def _load(
    path: str | Path, *, past_card_problems: bool
) -> tuple[Path, Lexicon | None, list[Problem]]:
    """The lexicon at `path` (a .tsv, or its .toml card) and its problems; its rows are parsed
    despite problems in its card only when `past_card_problems` (to report them all)."""
    tsv_path = Path(path)
    if tsv_path.suffix == ".toml":
        tsv_path = tsv_path.with_suffix(".tsv")
    text, problems = _read_tsv(tsv_path)
    card, card_problems = _read_card(tsv_path)
    problems += card_problems
    if text is None or (card_problems and not past_card_problems):
        return tsv_path, None, problems
    card_bytes = tsv_path.with_suffix(".toml").read_bytes() if card is not None else b""
    lexicon, row_problems = parse_lexicon(
        text, path=str(tsv_path), card=card, card_bytes=card_bytes
    )
    return tsv_path, lexicon, problems + row_problems


def validate_lexicon(path: str | Path) -> list[Problem]:
    """Every problem in the lexicon at `path` (a .tsv, with its optional .toml card)."""
    return _load(path, past_card_problems=True)[2]


def read_lexicon(path: str | Path) -> Lexicon:
    """Load the lexicon at `path`, raising LexiconError that lists its problems."""
    tsv_path, lexicon, problems = _load(path, past_card_problems=False)
    if lexicon is None or problems:
        shown = "; ".join(str(p) for p in problems[:3])
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise LexiconError(
            f"{shown}{more}. Run 'framing lexicon validate {tsv_path}' to see every problem."
        )
    return lexicon
