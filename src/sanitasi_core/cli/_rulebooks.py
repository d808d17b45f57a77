"""Commands on rulebooks: ``rulebook check|show|table|diff`` and ``indicators``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, Final

from sanitasi_core._messages import render
from sanitasi_core._text import Lang
from sanitasi_core.cli._base import (
    EXIT_INVALID,
    EXIT_USAGE,
    Command,
    Context,
    decimal_comma,
    deliver,
    documents,
    emit,
    error_text,
    files,
    load_rulebook,
    terminal,
)
from sanitasi_core.cli._parser import help_text

__all__ = ["COMMANDS", "INDICATORS"]


def _check_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help=help_text("rulebook_files", lang)
    )


def _check(args: argparse.Namespace, ctx: Context) -> int:
    from sanitasi_core.exceptions import RulebookError  # noqa: PLC0415
    from sanitasi_core.rulebooks import load_rulebook_file  # noqa: PLC0415

    lang = ctx.lang
    for path in args.files:
        try:
            book = load_rulebook_file(path)
        except RulebookError as error:
            emit(ctx.out, terminal(f"{path}: {render('cli_invalid', lang)}") + "\n")
            for problem in error.problems:
                emit(ctx.out, terminal(f"  {problem.render(lang)}") + "\n")
            unreadable = any(p.code == "unreadable_file" for p in error.problems)
            ctx.worse(EXIT_USAGE if unreadable else EXIT_INVALID)
        else:
            criteria = sum(len(m.criteria) for m in book.milestones)
            status = render(f"report_status_{book.status.value}", lang)
            emit(
                ctx.out,
                f"{path}: {render('cli_valid', lang)} ({book.id} {book.version}, {status}, "
                f"{_criteria_count(criteria, lang)})\n",
            )
    return ctx.status


def _criteria_count(count: int, lang: Lang) -> str:
    if count == 1:
        return render("cli_criteria_count_one", lang)
    return render("cli_criteria_count", lang, count=count)


def _optional_rulebook(formats: tuple[str, ...]) -> Any:
    def arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
        parser.add_argument(
            "file", nargs="?", metavar="FILE|VERSION", help=help_text("rulebook_optional", lang)
        )
        parser.add_argument(
            "--format", choices=formats, default=formats[0], help=help_text("format", lang)
        )

    return arguments


def _show(args: argparse.Namespace, ctx: Context) -> int:
    from sanitasi_core import reports  # noqa: PLC0415
    from sanitasi_core.rulebooks import dump_rulebook  # noqa: PLC0415

    book = load_rulebook(args.file, ctx)
    if book is None:
        return ctx.status
    content = (
        dump_rulebook(book) if args.format == "json" else reports.rulebook_text(book, ctx.lang)
    )
    return deliver(args, ctx, content)


def _table(args: argparse.Namespace, ctx: Context) -> int:
    from sanitasi_core import reports  # noqa: PLC0415

    book = load_rulebook(args.file, ctx)
    if book is None:
        return ctx.status
    if args.format == "csv":
        rows = reports.rulebook_table_rows(book, ctx.lang)
        if args.decimal_comma:
            rows = decimal_comma(rows)
        sep = args.sep or (";" if args.decimal_comma else ",")
        content = reports.to_csv(rows, sep=sep, bom=args.bom)
    else:
        content = reports.rulebook_table_markdown(book, ctx.lang)
    return deliver(args, ctx, content)


def _diff_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    h = help_text
    parser.add_argument("before", metavar="A", help=h("diff_before", lang))
    parser.add_argument("after", metavar="B", help=h("diff_after", lang))
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help=h("inputs", lang))
    parser.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", help=h("format", lang)
    )


def _diff(args: argparse.Namespace, ctx: Context) -> int:
    from sanitasi_core import reports  # noqa: PLC0415
    from sanitasi_core.exceptions import SanitasiError  # noqa: PLC0415
    from sanitasi_core.rules import diff_rulebooks  # noqa: PLC0415
    from sanitasi_core.serialization import load_dossier  # noqa: PLC0415

    before = load_rulebook(args.before, ctx)
    after = load_rulebook(args.after, ctx)
    if before is None or after is None:
        return ctx.status
    dossiers = []
    for path in files(args.paths, ctx):
        for source, document in documents(path, ctx):
            try:
                dossiers.append(load_dossier(document, source=source))
            except SanitasiError as error:
                ctx.invalid(source, error_text(error, ctx.lang))
    try:
        changes = diff_rulebooks(
            before, after, dossiers, as_of=args.as_of, fiscal_year=args.fiscal_year
        )
    except SanitasiError as error:
        ctx.say(error_text(error, ctx.lang))
        ctx.worse(EXIT_USAGE)
        return ctx.status
    common: dict[str, Any] = {
        "as_of": args.as_of,
        "before": before,
        "after": after,
        "compared": len(dossiers),
        "fiscal_year": args.fiscal_year,
    }
    if args.format == "json":
        content = json.dumps(reports.diff_dict(changes, **common), ensure_ascii=False, indent=2)
    elif args.format == "markdown":
        content = reports.diff_markdown(changes, ctx.lang, **common)
    else:
        content = reports.diff_text(changes, ctx.lang, **common)
    return deliver(args, ctx, content)


def _indicators_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help=help_text("format", lang)
    )


def _indicators(args: argparse.Namespace, ctx: Context) -> int:
    from sanitasi_core import reports  # noqa: PLC0415
    from sanitasi_core.indicators import catalogue_as_json  # noqa: PLC0415

    if args.format == "json":
        content = json.dumps(catalogue_as_json(), ensure_ascii=False, indent=2)
    else:
        content = reports.indicators_text(ctx.lang)
    return deliver(args, ctx, content)


COMMANDS: Final = (
    Command(name="rulebook check", run=_check, arguments=_check_arguments),
    Command(
        name="rulebook show",
        run=_show,
        arguments=_optional_rulebook(("text", "json")),
        shared=("output",),
    ),
    Command(
        name="rulebook table",
        run=_table,
        arguments=_optional_rulebook(("markdown", "csv")),
        shared=("output", "spreadsheet"),
    ),
    Command(name="rulebook diff", run=_diff, arguments=_diff_arguments, shared=("output", "dated")),
)
"""The ``rulebook`` group, in the order ``--help`` lists it."""

INDICATORS: Final = Command(
    name="indicators", run=_indicators, arguments=_indicators_arguments, shared=("output",)
)
"""``sanitasi indicators``: the indicator catalogue."""
