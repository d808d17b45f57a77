"""Decisions as CSV rows for spreadsheets, and the rows as CSV text."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Final

from sanitasi_core._messages import render
from sanitasi_core._text import Lang
from sanitasi_core.reports._batch import Entry, Failure
from sanitasi_core.reports._words import (
    criterion_message,
    gap_text,
    outcome_word,
    unit_word,
    yes_no,
)
from sanitasi_core.rules import (
    Decision,
    Observed,
    ObservedCount,
    ObservedFlag,
    ObservedItem,
    ObservedNumber,
    Outcome,
)

__all__ = ["csv_rows", "stream_csv", "to_csv"]

_COMMON = (
    "report_csv_region_code",
    "report_csv_region_name",
    "report_csv_as_of",
    "report_csv_rulebook",
    "report_csv_rulebook_version",
    "report_csv_certain",
    "report_csv_possible",
    "report_csv_m4_year",
    "report_csv_milestone",
)
_SUMMARY = ("report_csv_outcome", "report_csv_fiscal_year", "report_csv_open")
_DETAIL = (
    "report_csv_criterion_id",
    "report_csv_outcome",
    "report_csv_criterion",
    "report_csv_observed",
    "report_csv_threshold",
    "report_csv_unit",
    "report_csv_threshold_source",
    "report_csv_gap",
)


def _number(value: Decimal | int, *, decimal_comma: bool) -> str:
    raw = format(value, "f") if isinstance(value, Decimal) else str(value)
    return raw.replace(".", ",") if decimal_comma else raw


def _observed(value: Observed | None, lang: Lang, *, decimal_comma: bool) -> str:
    """A cell machines read back: plain digits (``85.16``), ``3..5`` for a partly known count."""
    match value:
        case None:
            return ""
        case ObservedFlag(value=flag):
            return yes_no(flag, lang)
        case ObservedNumber(value=number):
            return _number(number, decimal_comma=decimal_comma)
        case ObservedCount() | ObservedItem():
            return str(value)


def _header(lang: Lang, *, detail: bool) -> list[str]:
    return [render(code, lang) for code in (*_COMMON, *(_DETAIL if detail else _SUMMARY))]


def _decision_rows(
    d: Decision, lang: Lang, *, detail: bool, decimal_comma: bool
) -> Iterator[list[str]]:
    """The rows of one decision: one per milestone (or per criterion with *detail*)."""
    for milestone in d.milestones:
        head = [
            d.region.code,
            d.region.name,
            d.as_of.isoformat(),
            d.rulebook.id,
            d.rulebook.version,
            d.certain_level.value if d.certain_level else "",
            d.possible_level.value if d.possible_level else "",
            str(d.m4_year or ""),
            milestone.id.value,
        ]
        if not detail:
            open_ = [
                c.id for c in milestone.criteria if c.outcome in (Outcome.FAIL, Outcome.UNKNOWN)
            ]
            yield [
                *head,
                outcome_word(milestone.outcome, lang),
                str(milestone.fiscal_year or ""),
                " ".join(open_),
            ]
            continue
        for c in milestone.criteria:
            yield [
                *head,
                c.id,
                outcome_word(c.outcome, lang),
                criterion_message(c, lang),
                _observed(c.observed, lang, decimal_comma=decimal_comma),
                "" if c.threshold is None else _number(c.threshold, decimal_comma=decimal_comma),
                unit_word(c.unit, lang),
                "" if c.threshold_source is None else str(c.threshold_source),
                gap_text(c, lang),
            ]


def csv_rows(
    decisions: Iterable[Decision],
    lang: Lang = "id",
    *,
    detail: bool = False,
    decimal_comma: bool = False,
) -> list[list[str]]:
    """Return CSV rows, header first: one per district × milestone (or × criterion).

    Column names and outcomes are in *lang*; dates are ISO (``2024-12-31``), which spreadsheets
    read as dates in every locale.

    Args:
        decisions: the decisions.
        lang: ``id`` or ``en``.
        detail: one row per district × criterion instead of district × milestone.
        decimal_comma: write decimals with a comma (``85,17``), as Indonesian spreadsheets do.
    """
    rows = [_header(lang, detail=detail)]
    for d in decisions:
        rows.extend(_decision_rows(d, lang, detail=detail, decimal_comma=decimal_comma))
    return rows


def stream_csv(
    entries: Iterable[Entry],
    lang: Lang = "id",
    *,
    detail: bool = False,
    decimal_comma: bool = False,
    sep: str = ",",
    bom: bool = False,
) -> Iterator[str]:
    """Yield the CSV of a batch piece by piece, reading *entries* one at a time.

    The header, then the rows of each decision in the order given: the same text as
    :func:`to_csv` of :func:`csv_rows`. An input that could not be evaluated has no row (a
    table of districts has no place for it; the command line reports it on standard error).

    Args:
        entries: the inputs, each a decision or a failure with its source.
        lang: ``id`` or ``en``.
        detail: one row per district × criterion instead of district × milestone.
        decimal_comma: write decimals with a comma.
        sep: the field separator.
        bom: start with a UTF-8 byte-order mark.

    Yields:
        Pieces of CSV text: the header, then the rows of one decision at a time.
    """
    yield to_csv([_header(lang, detail=detail)], sep=sep, bom=bom)
    for entry in entries:
        if isinstance(entry.result, Failure):
            continue
        rows = _decision_rows(entry.result, lang, detail=detail, decimal_comma=decimal_comma)
        yield to_csv(rows, sep=sep)


_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER: Final = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")


def _neutral(cell: object) -> object:
    """*cell*, with ``'`` before it when a spreadsheet would read it as a formula."""
    if (
        isinstance(cell, str)
        and cell.startswith(_FORMULA_START)
        and not _PLAIN_NUMBER.fullmatch(cell)
    ):
        return "'" + cell
    return cell


def to_csv(rows: Iterable[Sequence[str]], *, sep: str = ",", bom: bool = False) -> str:
    """Return *rows* as CSV text (CRLF line ends, quoting where needed).

    Cells cannot inject formulas (the OWASP rule): a cell that starts with ``=``, ``+``, ``-``,
    ``@``, a tab or a carriage return is written with a single quote before it
    (``'=HYPERLINK(…)``), so a spreadsheet shows it as text. A plain number (``-0.5``,
    ``-0,5``, ``+3``: an optional sign, digits, optionally a ``.`` or ``,`` and digits) is left
    as it is, so numbers stay numbers. Every CSV the library writes goes through here.

    Args:
        rows: the rows, header first.
        sep: the field separator, e.g. ``;`` for spreadsheets that use a decimal comma.
        bom: start with a UTF-8 byte-order mark, so that Excel reads the file as UTF-8.
    """
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=sep, lineterminator="\r\n").writerows(
        [_neutral(cell) for cell in row] for row in rows
    )
    return ("\ufeff" if bom else "") + buffer.getvalue()
