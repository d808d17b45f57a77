"""``sanitasi chart KIND PATH...``: the pictures of :mod:`sanitasi_core.charts` as SVG."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final

from sanitasi_core._messages import render
from sanitasi_core._text import Lang
from sanitasi_core.cli._base import (
    EXIT_INVALID,
    EXIT_USAGE,
    Command,
    Context,
    deliver,
    documents,
    engine,
    error_text,
    files,
    load_rulebook,
)
from sanitasi_core.cli._parser import help_text

if TYPE_CHECKING:
    from sanitasi_core.model import Dossier

__all__ = ["CHART", "KINDS"]

KINDS: Final = ("levels", "years", "access", "criteria", "ladder")
"""The kinds of picture, as ``sanitasi chart`` names them."""

_YEARS: Final = re.compile(r"^(?P<first>[0-9]{4})(?:-(?P<last>[0-9]{4}))?$")
_MOST_YEARS: Final = 30  # a wider range would not fit a readable chart


def years_arg(lang: Lang) -> Callable[[str], tuple[int, ...]]:
    """An argument type reading ``2021-2025`` (or one year), with its error in *lang*."""

    def parse(value: str) -> tuple[int, ...]:
        match = _YEARS.match(value.strip())
        if match:
            first = int(match["first"])
            last = int(match["last"] or first)
            if first <= last < first + _MOST_YEARS:
                return tuple(range(first, last + 1))
        raise argparse.ArgumentTypeError(render("cli_years_range", lang, got=value))

    return parse


def _arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    h = help_text
    parser.add_argument("kind", choices=KINDS, metavar="KIND", help=h("chart_kind", lang))
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help=h("chart_paths", lang))
    parser.add_argument("--by-province", action="store_true", help=h("by_province", lang))
    parser.add_argument("--years", type=years_arg(lang), metavar="YYYY-YYYY", help=h("years", lang))


def _dossiers(args: argparse.Namespace, ctx: Context) -> list[tuple[str, Dossier]]:
    """Every dossier of the inputs; an invalid one is reported (exit 1) and left out."""
    from sanitasi_core.exceptions import SanitasiError  # noqa: PLC0415
    from sanitasi_core.serialization import load_dossier  # noqa: PLC0415

    found = []
    for path in files(args.paths, ctx):
        for source, document in documents(path, ctx):
            try:
                found.append((source, load_dossier(document, source=source)))
            except SanitasiError as error:
                ctx.invalid(source, error_text(error, ctx.lang))
    return found


def _one(args: argparse.Namespace, ctx: Context) -> Dossier | None:
    """The one dossier a district chart needs; ``None`` (reported) otherwise."""
    found = _dossiers(args, ctx)
    if ctx.status == EXIT_USAGE or (ctx.status and not found):
        return None
    if len(found) != 1:
        ctx.say(render("cli_chart_one", ctx.lang, kind=args.kind, count=len(found)))
        ctx.worse(EXIT_USAGE)
        return None
    return found[0][1]


def _chart(args: argparse.Namespace, ctx: Context) -> int:
    if args.kind == "ladder":
        return _ladder(args, ctx)
    if args.kind == "levels":
        return _levels(args, ctx)
    return _district(args, ctx)


def _levels(args: argparse.Namespace, ctx: Context) -> int:
    from sanitasi_core import charts  # noqa: PLC0415
    from sanitasi_core.exceptions import SanitasiError  # noqa: PLC0415
    from sanitasi_core.reports import format_day  # noqa: PLC0415

    compiled = engine(args, ctx)
    if compiled is None:
        return ctx.status
    decisions = []
    for source, dossier in _dossiers(args, ctx):
        try:
            decisions.append(
                compiled.evaluate(dossier, as_of=args.as_of, fiscal_year=args.fiscal_year)
            )
        except SanitasiError as error:
            ctx.invalid(source, error_text(error, ctx.lang))
    if not decisions:
        ctx.say(render("cli_chart_nothing", ctx.lang))
        ctx.worse(EXIT_USAGE)
        return ctx.status
    day = render("cli_chart_as_of", ctx.lang, day=format_day(args.as_of, ctx.lang))
    overview = charts.levels_from_decisions(decisions, by_province=args.by_province, subject=day)
    return deliver(args, ctx, charts.LevelChart(data=overview, lang=ctx.lang).to_svg())


def _district(args: argparse.Namespace, ctx: Context) -> int:
    """The pictures of one district: ``criteria``, ``years`` and ``access``."""
    from sanitasi_core import charts  # noqa: PLC0415
    from sanitasi_core.exceptions import SanitasiError, ValidationError  # noqa: PLC0415
    from sanitasi_core.rulebooks import default_rulebooks  # noqa: PLC0415
    from sanitasi_core.rules import RulebookSet  # noqa: PLC0415

    dossier = _one(args, ctx)
    if dossier is None:
        return ctx.status
    lang = ctx.lang
    if args.kind == "criteria":
        compiled = engine(args, ctx)
        if compiled is None:
            return ctx.status
        try:
            decision = compiled.evaluate(dossier, as_of=args.as_of, fiscal_year=args.fiscal_year)
        except SanitasiError as error:
            ctx.invalid(args.paths[0], error_text(error, lang))
            return ctx.status
        overview = charts.criteria_from_decision(decision)
        return deliver(args, ctx, charts.CriteriaChart(data=overview, lang=lang).to_svg())
    if args.rulebook:
        book = load_rulebook(args.rulebook, ctx)
        if book is None:
            return ctx.status
        books = RulebookSet([book])
    else:
        books = default_rulebooks()
    picture: charts.DistrictYearsChart | charts.AccessChart
    if args.kind == "years":
        try:
            data = charts.years_from_dossier(dossier, books, as_of=args.as_of, years=args.years)
        except ValidationError:  # not one year could be decided
            ctx.say(render("cli_chart_nothing", lang))
            ctx.worse(EXIT_USAGE)
            return ctx.status
        picture = charts.DistrictYearsChart(data=data, lang=lang)
    else:
        targets = [t for b in books.rulebooks for t in b.targets]
        series = charts.access_from_dossier(dossier, as_of=args.as_of, targets=targets)
        picture = charts.AccessChart(data=series, lang=lang)
    return deliver(args, ctx, picture.to_svg())


def _ladder(args: argparse.Namespace, ctx: Context) -> int:
    from sanitasi_core import charts  # noqa: PLC0415
    from sanitasi_core.exceptions import HouseholdFileError  # noqa: PLC0415
    from sanitasi_core.households import summarise_file  # noqa: PLC0415

    if len(args.paths) != 1:
        ctx.say(render("cli_chart_one", ctx.lang, kind=args.kind, count=len(args.paths)))
        ctx.worse(EXIT_USAGE)
        return ctx.status
    try:
        report = summarise_file(args.paths[0])
    except HouseholdFileError as error:
        ctx.invalid(args.paths[0], error.render(ctx.lang))
        ctx.worse(EXIT_USAGE)
        return ctx.status
    if report.rejected_rows:
        ctx.say(
            render("cli_rows_rejected", ctx.lang, path=args.paths[0], count=report.rejected_rows)
        )
        ctx.worse(EXIT_INVALID)
    if report.summary.shares is None:
        ctx.say(render("cli_chart_nothing", ctx.lang))
        ctx.worse(EXIT_USAGE)
        return ctx.status
    ladder = charts.ladder_from_summary(report.summary, subject=args.paths[0].name)
    return deliver(args, ctx, charts.HouseholdLadderChart(data=ladder, lang=ctx.lang).to_svg())


CHART: Final = Command(
    name="chart", run=_chart, arguments=_arguments, shared=("dated", "rulebook", "output")
)
"""``sanitasi chart``: one picture as SVG."""
