"""Household survey records and whole household-record files (CSV or JSON Lines)."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
from decimal import Decimal
from typing import Literal

from hypothesis import strategies as st

from sanitasi_core.households import COLUMNS
from sanitasi_core.ladder import Area, Disposal, Facility, HouseholdRecord, Toilet
from sanitasi_core.testing._scalars import _maybe, dates, identifiers
from sanitasi_core.testing._text_forms import _CASES

__all__ = ["household_documents", "household_records"]


@functools.cache
def _household_ids() -> st.SearchStrategy[str]:
    numbered = st.builds("RT-{:05d}".format, st.integers(0, 99_999))
    return numbered | identifiers()


@functools.cache
def _weights() -> st.SearchStrategy[Decimal]:
    @st.composite
    def build(draw: st.DrawFn) -> Decimal:
        places = draw(st.integers(0, 4))
        units = draw(st.integers(1, 10_000 * 10**places))
        return Decimal(units).scaleb(-places)

    return st.just(Decimal(1)) | build()


@st.composite
def _household_record(draw: st.DrawFn, min_year: int, max_year: int) -> HouseholdRecord:
    survey = draw(dates(min_year, max_year))
    emptied = st.dates(dt.date(min_year - 10, 1, 1), survey)
    return HouseholdRecord(
        household_id=draw(_household_ids()),
        area=draw(_maybe(st.sampled_from(Area))),
        facility=draw(_maybe(st.sampled_from(Facility))),
        toilet=draw(_maybe(st.sampled_from(Toilet))),
        disposal=draw(_maybe(st.sampled_from(Disposal))),
        last_emptied=draw(st.none() | emptied) if draw(st.integers(0, 3)) else "never",
        sludge_treated=draw(_maybe(st.booleans())),
        weight=draw(_weights()),
        survey_date=survey,
    )


@functools.cache
def household_records(
    min_year: int = 2015, max_year: int = 2030
) -> st.SearchStrategy[HouseholdRecord]:
    """Household survey records: any answer may be unknown; emptied never after the survey.

    Args:
        min_year: the earliest survey year (emptying dates go back ten years more).
        max_year: the latest survey year.
    """
    return _household_record(min_year, max_year)


def _household_cell(draw: st.DrawFn, record: HouseholdRecord, column: str) -> str:
    """One CSV cell as people type it: any case, empty for unknown, padded with spaces."""
    value: object = getattr(record, column)
    if value is None:
        cell = ""
    elif isinstance(value, bool):
        cell = "yes" if value else "no"
    elif isinstance(value, dt.date):
        cell = value.isoformat()
    elif isinstance(value, Decimal):
        cell = format(value, "f")
    else:
        cell = str(value)
    if column not in ("household_id", "weight", "survey_date", "last_emptied"):
        cell = draw(st.sampled_from(_CASES))(cell)
    if column != "household_id" and draw(st.integers(0, 9)) == 0:
        cell = f" {cell} "
    return cell


def _household_json(draw: st.DrawFn, record: HouseholdRecord, column: str) -> object:
    value: object = getattr(record, column)
    if value is None:
        return draw(st.sampled_from((None, "")))
    if isinstance(value, bool):
        return draw(st.sampled_from((value, "yes" if value else "no")))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        if value == value.to_integral_value() and draw(st.booleans()):
            return int(value)  # a JSON number
        return format(value, "f")
    return str(value)


@st.composite
def _household_document(
    draw: st.DrawFn, fmt: Literal["csv", "jsonl"], min_rows: int, max_rows: int
) -> str:
    records = draw(st.lists(household_records(), min_size=min_rows, max_size=max_rows))
    columns = list(COLUMNS)
    weighted = draw(st.booleans()) or any(r.weight != 1 for r in records)
    if not weighted:
        columns.remove("weight")
    columns = draw(st.permutations(columns))
    newline = draw(st.sampled_from(("\n", "\r\n")))
    if fmt == "jsonl":
        lines = [
            json.dumps({c: _household_json(draw, r, c) for c in columns}, ensure_ascii=False)
            for r in records
        ]
        return "".join(line + newline for line in lines)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=newline)
    writer.writerow([draw(st.sampled_from(_CASES))(c) for c in columns])
    for r in records:
        writer.writerow([_household_cell(draw, r, c) for c in columns])
    return out.getvalue()


@functools.cache
def household_documents(
    fmt: Literal["csv", "jsonl"] = "csv", *, min_rows: int = 0, max_rows: int = 5
) -> st.SearchStrategy[str]:
    """Whole household-record files whose every row is accepted by the reader.

    CSV files have a header in any column order and letter case (``weight`` is left out when
    every weight is 1, at times); values are in any case, sometimes padded with spaces, empty
    for unknown. JSON Lines rows use ``null`` or ``""`` for unknown, ``true``/``false`` or
    ``yes``/``no``, and whole weights as JSON numbers at times. Line ends are LF or CRLF.

    Args:
        fmt: ``csv`` or ``jsonl``.
        min_rows: the fewest data rows.
        max_rows: the most data rows.
    """
    return _household_document(fmt, min_rows, max_rows)
