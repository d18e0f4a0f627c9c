"""`framing worksheet`, `framing quiz`, `framing rewrite`: classroom media-literacy exercises."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.text import Text

from framing.analysis import Analysis, analyze
from framing.classroom.grading import grade_class, read_answers
from framing.classroom.paired import build_paired_worksheet
from framing.classroom.quiz import Marks, Quiz
from framing.classroom.rewrite import rewrite as build_rewrite
from framing.classroom.wording import LEVELS, QUIZ_HELP
from framing.classroom.worksheet import PAPERS, build_worksheet
from framing.cli._common import emit, errors_as_messages, lexicon_option, output_options
from framing.cli.group import cli
from framing.errors import InputError
from framing.lexicon.registry import load_lexicons
from framing.output import check_new, write_text
from framing.render.charts.classroom import ClassGradesDisplay
from framing.render.classroom import (
    answer_key_html,
    grades_renderable,
    numbered_article,
    paired_answer_key_html,
    paired_worksheet_html,
    result_renderable,
    rewrite_html,
    rewrite_markdown,
    rewrite_text,
    worksheet_html,
)
from framing.render.terminal import console

F = TypeVar("F", bound=Callable[..., Any])


def _choice(*decls: str, choices: Sequence[str], help: str | None = None) -> Callable[[F], F]:
    """An option taking one of `choices`; the first is the default."""
    return click.option(
        *decls, type=click.Choice(choices), default=choices[0], show_default=True, help=help
    )


def _analyse(path: str, lexicons: tuple[str, ...]) -> Analysis:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"no such article file: {path}; give the path of a .txt or .html file")
    return analyze(p, lexicons=load_lexicons(lexicons or None))


@cli.command()
@click.argument("articles", nargs=-1, required=True, metavar="ARTICLE [ARTICLE_B]")
@_choice(
    "--level",
    choices=LEVELS,
    help="basic: 13-year-olds, fewer tasks in plain words; advanced: more tasks, analysis terms.",
)
@click.option("--title", help="Title at the top of the worksheet (default: the headline).")
@click.option(
    "--answer-key",
    type=click.Path(dir_okay=False),
    help="Also write the teacher's answer key to this HTML file.",
)
@_choice("--paper", choices=PAPERS, help="Page size for printing (auto: the printer's default).")
@click.option(
    "--names",
    metavar="A,B",
    help="Outlet names for a paired worksheet, separated by a comma (default: Report A,Report B).",
)
@lexicon_option
@output_options
@errors_as_messages
def worksheet(
    articles: tuple[str, ...],
    level: str,
    title: str | None,
    answer_key: str | None,
    paper: str,
    names: str | None,
    lexicons: tuple[str, ...],
    output: str | None,
    force: bool,
) -> None:
    """Make a printable worksheet (and answer key) from an article, or from two outlets' articles.

    The worksheet shows the article with numbered paragraphs and tasks built from the analysis;
    the answer key, in its own file, gives the expected answers with the reasons.

    \b
    Examples:
      framing worksheet article.txt -o worksheet.html --answer-key key.html
      framing worksheet article.txt --level advanced --paper a4 -o ws.html
      framing worksheet outlet_a.txt outlet_b.txt --names "Outlet A,Outlet B" -o pair.html
    """
    if len(articles) > 2:
        raise click.UsageError("give one article, or two for a paired worksheet")
    if names and len(articles) != 2:
        raise click.BadParameter(
            "names are for a paired worksheet of two articles", param_hint="--names"
        )
    if answer_key and output and Path(answer_key).resolve() == Path(output).resolve():
        raise click.BadParameter("the answer key needs its own file", param_hint="--answer-key")
    if answer_key:
        check_new(answer_key, force=force)
    if output:
        check_new(output, force=force)
    analyses = [_analyse(a, lexicons) for a in articles]
    if len(analyses) == 2:
        pair = build_paired_worksheet(
            analyses[0],
            analyses[1],
            names=[n.strip() for n in names.split(",")] if names else None,
            level=level,
            title=title,
            paper=paper,
        )
        page, key = paired_worksheet_html(pair), paired_answer_key_html(pair)
    else:
        ws = build_worksheet(analyses[0], level=level, title=title, paper=paper)
        page, key = worksheet_html(ws), answer_key_html(ws)
    emit(page, output, force)
    if answer_key:
        write_text(answer_key, key, force=force)
        click.echo(f"Wrote {answer_key}", err=True)


@cli.command()
@click.argument("article", required=False)
@click.option(
    "--grade",
    "answers",
    type=click.Path(dir_okay=False),
    help="Grade a class: a CSV with columns student and word_number or word.",
)
@click.option("--article", "article_opt", help="The article the class answered (with --grade).")
@_choice(
    "--format",
    "-f",
    "fmt",
    choices=("text", "json", "csv"),
    help="With --grade: tables, JSON, or one CSV row per student.",
)
@click.option("--chart", type=click.Path(dir_okay=False), help="With --grade: write a PNG chart.")
@lexicon_option
@output_options
@errors_as_messages
def quiz(
    article: str | None,
    answers: str | None,
    article_opt: str | None,
    fmt: str,
    chart: str | None,
    lexicons: tuple[str, ...],
    output: str | None,
    force: bool,
) -> None:
    """Quiz: find the loaded words in the reporter's own voice, then see your score.

    Every word has a small number. Type numbers (12, or 40-43), or the words themselves,
    separated by commas; an empty line finishes. With --grade, score a whole class's answers
    from a CSV instead (see docs/classroom.md for the format).

    \b
    Examples:
      framing quiz article.txt
      framing quiz --grade answers.csv --article article.txt --chart class.png
      framing quiz --grade answers.csv --article article.txt -f csv -o scores.csv
    """
    if article and article_opt and article != article_opt:
        raise click.UsageError("give the article once (as ARTICLE or --article)")
    path = article or article_opt
    if path is None:
        raise click.UsageError("give the article: framing quiz ARTICLE")
    if answers is None:
        if chart or fmt != "text" or output:
            raise click.UsageError("--chart, --format and -o go with --grade")
        _interactive(_analyse(path, lexicons))
        return
    _grade(_analyse(path, lexicons), answers, fmt, chart, output, force)


def _interactive(analysis: Analysis) -> None:
    q = Quiz(analysis)
    con = console()
    con.print(Text(QUIZ_HELP))
    con.print()
    con.print(numbered_article(q))
    con.print()
    chosen: set[int] = set()
    unknown: list[str] = []
    while True:
        try:
            line = click.prompt("Your words (empty line to finish)", default="", show_default=False)
        except click.Abort:
            break
        if not line.strip():
            break
        marks = q.parse(line)
        chosen |= marks.numbers
        unknown += marks.unknown
        got = ", ".join(f"{q.words[n - 1].text} ({n})" for n in sorted(marks.numbers))
        if got:
            con.print(Text(f"Marked: {got}", style="dim"))
        for entry in marks.unknown:
            con.print(Text(f"Not in the article: {entry}", style="yellow"))
    result = q.score(Marks(frozenset(chosen), tuple(unknown)))
    con.print()
    con.print(result_renderable(result))


def _grade(
    analysis: Analysis,
    answers: str,
    fmt: str,
    chart: str | None,
    output: str | None,
    force: bool,
) -> None:
    if chart:
        check_new(chart, force=force)
    if output:
        check_new(output, force=force)
    grades = grade_class(Quiz(analysis), read_answers(answers))
    if fmt == "json":
        emit(json.dumps(grades.to_dict(), ensure_ascii=False, indent=2) + "\n", output, force)
    elif fmt == "csv":
        emit(grades.scores().to_csv(index=False), output, force)
    else:
        buffer: Any = io.StringIO() if output else None
        con = console(width=100, file=buffer) if output else console()
        con.print(grades_renderable(grades))
        if output:
            emit(buffer.getvalue(), output, force)
    if chart:
        ClassGradesDisplay(grades).plot().save(chart, fmt="png", force=force)
        click.echo(f"Wrote {chart}", err=True)


@cli.command()
@click.argument("article")
@_choice("--format", "-f", "fmt", choices=("text", "html", "md"))
@click.option("--no-diff", is_flag=True, help="Show only the rewritten text, not the old words.")
@lexicon_option
@output_options
@errors_as_messages
def rewrite(
    article: str,
    fmt: str,
    no_diff: bool,
    lexicons: tuple[str, ...],
    output: str | None,
    force: bool,
) -> None:
    """Rewrite an article's loaded words (the reporter's own only) in neutral words, as a diff.

    Quotes and reported speech stay as they are. Places with no neutral swap that fits are
    marked [?like this?] for a person to decide, never guessed.

    \b
    Examples:
      framing rewrite article.txt
      framing rewrite article.txt --format html -o rewrite.html
      framing rewrite article.txt --format md --no-diff
    """
    rw = build_rewrite(_analyse(article, lexicons))
    if fmt == "html":
        emit(rewrite_html(rw, diff=not no_diff), output, force)
    elif fmt == "md":
        emit(rewrite_markdown(rw, diff=not no_diff), output, force)
    else:
        emit(rewrite_text(rw, diff=not no_diff), output, force)
