"""``sanitasi access FILE``: the sanitation ladder of a household survey file."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Final

from sanitasi_core._messages import render
from sanitasi_core._text import Lang
from sanitasi_core.cli._base import (
    EXIT_INVALID,
    EXIT_USAGE,
    Command,
    Context,
    decimal_comma,
    deliver,
)
from sanitasi_core.cli._parser import help_text

__all__ = ["ACCESS"]

_UNREADABLE: Final = frozenset(
    {"household_unreadable", "household_format_guess", "household_format_unknown"}
)
"""Problem codes of a household file that cannot be read at all (exit 2, not 1)."""


def _arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help=help_text("access_file", lang))
    parser.add_argument(
        "--format", choices=("text", "json", "csv"), default="text", help=help_text("format", lang)
    )


def _access(args: argparse.Namespace, ctx: Context) -> int:
    from sanitasi_core import reports  # noqa: PLC0415
    from sanitasi_core.exceptions import HouseholdFileError  # noqa: PLC0415
    from sanitasi_core.households import (  # noqa: PLC0415
        ladder_to_csv_rows,
        ladder_to_json,
        ladder_to_text,
        summarise_file,
    )

    lang = ctx.lang
    try:
        report = summarise_file(args.file)
    except HouseholdFileError as error:
        for line in error.render(lang).splitlines():
            ctx.say(line)
        unreadable = any(p.code in _UNREADABLE for p in error.problems)
        ctx.worse(EXIT_USAGE if unreadable else EXIT_INVALID)
        return ctx.status
    counts = {"rejected_rows": report.rejected_rows, "rejected_problems": report.rejected_problems}
    if report.rejected_rows:
        ctx.worse(EXIT_INVALID)
        if args.format != "text":
            ctx.say(render("cli_rows_rejected", lang, path=args.file, count=report.rejected_rows))
            for rejection in report.rejected[:20]:
                ctx.say(f"  {rejection.render(lang)}")
    if args.format == "json":
        data = ladder_to_json(report.summary, report.rejected, **counts)
        content = json.dumps(data, ensure_ascii=False, indent=2)
    elif args.format == "csv":
        rows = ladder_to_csv_rows(report.summary)
        if args.decimal_comma:
            rows = decimal_comma(rows)
        sep = args.sep or (";" if args.decimal_comma else ",")
        content = reports.to_csv(rows, sep=sep, bom=args.bom)
    else:
        content = ladder_to_text(report.summary, report.rejected, lang, **counts)
    return deliver(args, ctx, content)


ACCESS: Final = Command(
    name="access", run=_access, arguments=_arguments, shared=("output", "spreadsheet")
)
"""``sanitasi access``: household records to the sanitation ladder."""
