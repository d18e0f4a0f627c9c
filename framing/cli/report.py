"""`framing report`: compare how outlets frame the same subjects, as a report folder."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from framing.analysis import AnalysisOptions
from framing.cli._common import (
    errors_as_messages,
    lexicon_option,
    models_option,
    sentiment_option,
    warn,
)
from framing.cli.group import cli
from framing.corpus.reader import CorpusOptions, count_documents
from framing.corpus.run import RunOptions
from framing.errors import OutputExistsError
from framing.render.report.files import write_report
from framing.report.build import Report, ReportOptions, build_report
from framing.stats import DEFAULT_FAMILIES, StatsOptions

T = TypeVar("T")


def _family(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> list[tuple[str, str]]:
    out = []
    for value in values:
        name, sep, stem = value.partition("=")
        if not sep or not name.strip() or not stem.strip():
            raise click.BadParameter(f"{value!r}: write NAME=STEM, e.g. terrorist=terror")
        out.append((name.strip(), stem.strip()))
    return out


def _whole_number(*names: str, minimum: int, default: int, help: str) -> Callable[[Any], Any]:
    """An integer option of at least `minimum`, its default shown in the help."""
    return click.option(
        *names, type=click.IntRange(min=minimum), default=default, show_default=True, help=help
    )


def _options_from(cls: type[T], params: Mapping[str, Any]) -> T:
    """The options dataclass `cls` from the command's parameters of the same names."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in params.items() if k in names})


def _default_name(inputs: tuple[str, ...]) -> str:
    first = Path(inputs[0])
    stem = first.name if first.is_dir() else first.name.split(".")[0]
    return re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-.") or "report"


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--name", help="Report name: the folder is reports/NAME (default: the input's name).")
@click.option(
    "-o", "--output", type=click.Path(file_okay=False), help="Report folder (overrides --name)."
)
@click.option("--force", is_flag=True, help="Replace an existing report folder.")
@click.option("--title", help="Title shown on the report.")
@click.option(
    "--text-column", default="text", show_default=True, help="Column with the article text."
)
@click.option(
    "--group-column", default="outlet", show_default=True, help="Column with the outlet (group)."
)
@click.option("--date-column", help="Column with the date (ISO, M/D/YYYY, or see --date-format).")
@click.option("--title-column", help="Column with the article title.")
@click.option("--id-column", help="Column with a document id.")
@click.option(
    "--metadata",
    type=click.Path(exists=True, dir_okay=False),
    help="Sidecar CSV/TSV/JSONL for a folder (a 'path' column plus the others).",
)
@click.option("--date-format", help="strptime format of the dates, e.g. %d.%m.%Y.")
@click.option(
    "--encoding",
    help="Encoding of the inputs (default: UTF-8; article files in other encodings are detected).",
)
@lexicon_option
@sentiment_option
@models_option("Add frame distributions and sentence bias by group from the shipped classifiers.")
@_whole_number("--jobs", "-j", minimum=0, default=0, help="Worker processes (0: all cores).")
@click.option(
    "--cache",
    "cache_path",
    default=".framing-cache/counts.sqlite",
    show_default=True,
    help="SQLite cache of per-document counts.",
)
@click.option("--no-cache", is_flag=True, help="Analyse every document again and keep nothing.")
@_whole_number(
    "--bootstrap", minimum=0, default=1000, help="Bootstrap resamples for the intervals."
)
@click.option(
    "--seed", type=int, default=20240611, show_default=True, help="Random seed of the bootstrap."
)
@click.option(
    "--family",
    "families",
    multiple=True,
    callback=_family,
    metavar="NAME=STEM",
    help="Add a label family: terms whose name has a word starting with STEM (repeat).",
)
@_whole_number(
    "--min-docs", minimum=1, default=10, help="Fewer documents than this: small-sample warning."
)
@_whole_number(
    "--min-words", minimum=1, default=2000, help="Fewer words than this: small-sample warning."
)
@click.option(
    "--period",
    type=click.Choice(["auto", "week", "month", "quarter", "year"]),
    default="auto",
    show_default=True,
    help="Period for rates over time.",
)
@click.option("--no-charts", is_flag=True, help="Skip the charts (faster).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@errors_as_messages
def report(
    inputs: tuple[str, ...],
    name: str | None,
    output: str | None,
    force: bool,
    title: str | None,
    text_column: str,
    group_column: str,
    date_column: str | None,
    title_column: str | None,
    id_column: str | None,
    metadata: str | None,
    date_format: str | None,
    encoding: str | None,
    lexicons: tuple[str, ...],
    sentiment: str,
    models: bool,
    jobs: int,
    cache_path: str,
    no_cache: bool,
    bootstrap: int,
    seed: int,
    families: list[tuple[str, str]],
    min_docs: int,
    min_words: int,
    period: str,
    no_charts: bool,
    quiet: bool,
) -> None:
    """Compare outlets: rates of loaded terms by voice, distinguishing wording, tests, charts,
    and the shipped classifiers' frames and sentence bias by group (--no-models: without them).

    INPUTS are folders of .txt/.html articles (one subfolder per outlet, or a metadata file) or
    CSV/TSV/JSONL/Parquet tables (.gz accepted), one article a row. The report goes to
    reports/NAME/ (index.html, report.md, report.json, CSV tables, charts/).

    \b
    Examples:
      framing report corpus/
      framing report articles.csv --text-column body --group-column source --date-column date
      framing report news.jsonl.gz --name news --jobs 2 --force
      framing report corpus/ --no-models
    """
    folder = Path(output) if output else Path("reports") / (name or _default_name(inputs))
    if folder.exists() and any(folder.iterdir()) and not force:
        raise OutputExistsError(
            f"{folder} already exists and is not empty; pass --force to overwrite it"
        )
    params = click.get_current_context().params
    corpus_options = _options_from(CorpusOptions, params)
    known = {n for n, _ in families}
    extended = tuple(f for f in DEFAULT_FAMILIES if f[0] not in known) + tuple(families)
    stats = _options_from(StatsOptions, {**params, "families": extended})
    options = ReportOptions(
        title=title,
        lexicons=lexicons or None,
        analysis=AnalysisOptions(sentiment=sentiment, models=models),  # type: ignore[arg-type]
        stats=stats,
        run=RunOptions(jobs=jobs),
        cache=None if no_cache else cache_path,
        charts=not no_charts,
    )
    started = time.perf_counter()
    if quiet:
        result = build_report(list(inputs), corpus_options, options)
        _write(result, folder, force)
    else:
        result = _with_progress(list(inputs), corpus_options, options, folder, force)
    elapsed = time.perf_counter() - started
    c = result.corpus
    click.echo(
        f"Wrote {folder}/index.html: {c['documents']:,} documents in {c['groups']} groups "
        f"({c['analysed']:,} analysed, {c['from_cache']:,} from cache) in {elapsed:.1f} s",
        err=True,
    )


def _write(result: Report, folder: Path, force: bool) -> None:
    """Warn about skipped records, unreadable dates and small samples; write the folder."""
    for reason, n in result.corpus["skipped"].items():
        warn(f"skipped {n} record{'s' if n != 1 else ''}: {reason}")
    for message in result.corpus["skipped_examples"][:3]:
        warn(message)
    if result.corpus["unreadable_dates"]:
        warn(f"{result.corpus['unreadable_dates']} unreadable dates (treated as undated)")
    small = result.tables["groups"]
    for row in small[small["small_sample"]].to_dict(orient="records"):
        warn(f"{row['group']}: {row['warning']}")
    write_report(result, folder, force=force)


def _with_progress(
    inputs: list[str],
    corpus_options: CorpusOptions,
    options: ReportOptions,
    folder: Path,
    force: bool,
) -> Report:
    """Build and write the report with a progress bar on stderr (rich)."""
    total = count_documents(inputs, corpus_options)
    columns: list[ProgressColumn] = [
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
    ]
    if total:
        columns += [BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()]
    else:
        columns += [TextColumn("{task.completed:,} documents")]
    columns.append(TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("Analysing", total=total)

        def tick(done: int) -> None:
            if done == total:
                progress.update(task, completed=done, description="Computing statistics")
            else:
                progress.update(task, completed=done)

        result = build_report(inputs, corpus_options, options, progress=tick)
        progress.update(task, description="Writing report")
        _write(result, folder, force)
    return result
