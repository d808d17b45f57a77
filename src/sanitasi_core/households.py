"""Household-record files (CSV and JSON Lines), read row by row into the sanitation ladder.

Both formats carry the columns of :data:`COLUMNS` (see the "Household records" reference page):
``household_id``, ``area``, ``facility``, ``toilet``, ``disposal``, ``last_emptied``,
``sludge_treated``, ``weight`` (optional) and ``survey_date``. An empty value (``null`` in JSON)
means *not known*; an empty ``weight`` means 1.

:func:`read_csv` and :func:`read_jsonl` stream: they hold one line at a time and yield one
:class:`RowResult` per data row, either a :class:`~sanitasi_core.ladder.HouseholdRecord` or the
row's :class:`Rejection` s (row number, file line, column, bilingual message). No bad row is
dropped silently. A problem with the file as a whole (its header, its encoding) raises
:class:`HouseholdFileError`. :func:`summarise_file` reads a file into a :class:`HouseholdReport`;
``ladder_to_json``, ``ladder_to_csv_rows`` and ``ladder_to_text`` render the result.
"""

import csv
import datetime as dt
import functools
import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any, Final, Literal, TextIO

import attrs

from sanitasi_core._messages import text as _text
from sanitasi_core._text import Lang, Text
from sanitasi_core.exceptions import HouseholdFileError, Problem, ValidationError
from sanitasi_core.ladder import (
    LADDER_KEYS,
    Area,
    AreaSummary,
    Disposal,
    Facility,
    HouseholdRecord,
    LadderAccumulator,
    LadderSummary,
    Toilet,
)

__all__ = [
    "COLUMNS",
    "LADDER_RESULT_SCHEMA",
    "MAX_LINE_LENGTH",
    "REQUIRED_COLUMNS",
    "Format",
    "HouseholdReport",
    "Rejection",
    "RowResult",
    "ladder_to_csv_rows",
    "ladder_to_json",
    "ladder_to_text",
    "read_csv",
    "read_jsonl",
    "read_records",
    "summarise_file",
    "summarise_rows",
]

COLUMNS: Final = (
    "household_id",
    "area",
    "facility",
    "toilet",
    "disposal",
    "last_emptied",
    "sludge_treated",
    "weight",
    "survey_date",
)
"""Every column of a household-record file, in the documented order."""

REQUIRED_COLUMNS: Final = tuple(c for c in COLUMNS if c != "weight")
"""The columns a file must have; a missing ``weight`` column means every weight is 1."""

MAX_LINE_LENGTH: Final = 4096
"""The longest line (in characters, without its line break) that is read; longer lines are
rejected as a row without being held in memory."""

LADDER_RESULT_SCHEMA: Final = "sanitasi.ladder-result/v1"
"""The ``schema`` field of the JSON written by :func:`ladder_to_json`."""

Format = Literal["csv", "jsonl"]

_DEFAULT_KEEP: Final = 1000
_SUFFIXES: Final[dict[str, Format]] = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
_DECIMAL: Final = re.compile(r"\d+(?:\.\d+)?")
_MAX_SPELLINGS: Final = 256


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


def _file_error(
    code: str, source: str | None, *, at_line: int | None = None, **params: object
) -> HouseholdFileError:
    problem = Problem(path="", code=code, text=_text(code, **params), file=source, line=at_line)
    return HouseholdFileError([problem], source)


@attrs.frozen(kw_only=True)
class Rejection:
    """One problem with one data row; the row is not counted.

    Attributes:
        row: the 1-based number of the data row (blank lines and the CSV header not counted).
        line: the 1-based line of the file the row is on.
        column: the column at fault, or ``None`` for the row as a whole (e.g. bad JSON).
        code: a stable message code, for programs.
        message: the problem in both languages.
    """

    row: int
    line: int
    column: str | None
    code: str
    message: Text

    def render(self, lang: Lang = "en") -> str:
        """Return the rejection as one line in *lang*."""
        where = _text("ladder_report_row", row=self.row, line=self.line).get(lang)
        if self.column is not None:
            where += ", " + _text("ladder_report_column", column=self.column).get(lang)
        return f"{where}: {self.message.get(lang)}"

    def to_json(self) -> dict[str, Any]:
        """Return the rejection as a JSON object (``message`` holds both languages)."""
        return {
            "row": self.row,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "message": {"id": self.message.id, "en": self.message.en},
        }


@attrs.frozen(kw_only=True)
class RowResult:
    """What became of one data row: a record, or the reasons it was rejected.

    Attributes:
        row: the 1-based number of the data row.
        line: the 1-based line of the file.
        record: the household record, ``None`` when the row was rejected.
        rejections: every problem of the row; empty when it was accepted.
    """

    row: int
    line: int
    record: HouseholdRecord | None
    rejections: tuple[Rejection, ...] = ()

    @property
    def accepted(self) -> bool:
        """Whether the row became a record."""
        return self.record is not None


@attrs.frozen(kw_only=True)
class HouseholdReport:
    """A household-record file read into the ladder.

    Attributes:
        summary: the ladder of the accepted rows.
        rejected: the first rejections (at most the number asked for), in file order.
        rejected_rows: how many rows were rejected in all.
        rejected_problems: how many problems those rows had in all (at least one per row).
        source: the file or label read, when known.
    """

    summary: LadderSummary
    rejected: tuple[Rejection, ...]
    rejected_rows: int
    rejected_problems: int
    source: str | None = None

    @property
    def truncated(self) -> bool:
        """Whether some rejections were counted but not kept."""
        return self.rejected_problems > len(self.rejected)


# --------------------------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------------------------


class _BadValue(Exception):  # noqa: N818  # internal signal, never escapes this module
    def __init__(self, code: str, text: Text) -> None:
        super().__init__(code)
        self.code = code
        self.text = text


def _bad(code: str, **params: object) -> _BadValue:
    return _BadValue(code, _text(code, **params))


def _shown(value: object) -> str:
    shown = json.dumps(value, ensure_ascii=False, default=str)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _as_text(value: object) -> str | None:
    """Return a JSON or CSV value as stripped text; ``None`` for null (JSON)."""
    if isinstance(value, str):
        return value.strip()
    if value is None:
        return None
    raise _BadValue(
        "household_value_type",
        _text(
            "household_value_type",
            expected_id="teks atau null",
            expected_en="a string or null",
            got=_shown(value),
        ),
    )


def _household_id(value: object) -> str:
    value = _as_text(value)
    if not value:
        raise _bad("household_required")
    return value


def _choice(enum_type: type[StrEnum]) -> Callable[[object], object]:
    members = {member.value: member for member in enum_type}
    choices = ", ".join(members)
    spellings: dict[object, object] = {}  # raw value → member, for the few spellings seen

    def parse(value: object) -> object:
        member = spellings.get(value) if isinstance(value, str) else None
        if member is not None:
            return member
        text = _as_text(value)
        if not text:
            return None
        member = members.get(text.lower())
        if member is None:
            raise _bad("household_choice", got=text, choices=choices)
        if len(spellings) < _MAX_SPELLINGS:
            spellings[value] = member
        return member

    return parse


def _date(text: str) -> dt.date | None:
    if len(text) != 10 or not _ISO_DATE.fullmatch(text):
        return None
    return _iso_date(text)


@functools.lru_cache(maxsize=4096)  # surveys have few distinct dates; keys are 10 characters
def _iso_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _last_emptied(value: object) -> object:
    text = _as_text(value)
    if not text:
        return None
    if text.lower() == "never":
        return "never"
    day = _date(text)
    if day is None:
        raise _bad("household_last_emptied", got=text)
    return day


def _sludge_treated(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    text = _as_text(value)
    if not text:
        return None
    lowered = text.lower()
    if lowered in ("yes", "no"):
        return lowered == "yes"
    raise _bad("household_choice", got=text, choices="yes, no")


def _weight(value: object) -> Decimal:
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, Decimal):  # a JSON number, read exactly from its digits
        return value
    text = _as_text(value)
    if not text:
        return Decimal(1)
    if not _DECIMAL.fullmatch(text):
        raise _bad("household_weight", got=text)
    return Decimal(text)


def _survey_date(value: object) -> dt.date:
    text = _as_text(value)
    if not text:
        raise _bad("household_required")
    day = _date(text)
    if day is None:
        raise _bad("household_date", got=text)
    return day


_PARSERS: Final[dict[str, Callable[[object], object]]] = {
    "household_id": _household_id,
    "area": _choice(Area),
    "facility": _choice(Facility),
    "toilet": _choice(Toilet),
    "disposal": _choice(Disposal),
    "last_emptied": _last_emptied,
    "sludge_treated": _sludge_treated,
    "weight": _weight,
    "survey_date": _survey_date,
}


def _row(row: int, line: int, values: Iterable[tuple[str, object]]) -> RowResult:
    """Turn the raw *values* of one row (column, text or JSON value) into a result."""
    fields: dict[str, object] = {}
    rejections: list[Rejection] = []
    for column, raw in values:
        try:
            fields[column] = _PARSERS[column](raw)
        except _BadValue as bad:
            rejections.append(
                Rejection(row=row, line=line, column=column, code=bad.code, message=bad.text)
            )
    if not rejections:
        try:
            return RowResult(row=row, line=line, record=HouseholdRecord(**fields))  # type: ignore[arg-type]
        except ValidationError as err:
            rejections.extend(
                Rejection(row=row, line=line, column=p.path or None, code=p.code, message=p.text)
                for p in err.problems
            )
    return RowResult(row=row, line=line, record=None, rejections=tuple(rejections))


def _rejected(row: int, line: int, code: str, **params: object) -> RowResult:
    rejection = Rejection(row=row, line=line, column=None, code=code, message=_text(code, **params))
    return RowResult(row=row, line=line, record=None, rejections=(rejection,))


# --------------------------------------------------------------------------------------------
# Lines
# --------------------------------------------------------------------------------------------


def _lines(stream: TextIO, source: str | None) -> Iterator[tuple[int, str | None]]:
    """Yield ``(line number, text without its line break)`` for each line of *stream*.

    The text is ``None`` when the line is longer than :data:`MAX_LINE_LENGTH`; its rest is
    skipped in bounded chunks, never held.
    """
    limit = MAX_LINE_LENGTH + 2  # room for "\r\n"
    number = 0
    while True:
        try:
            chunk = stream.readline(limit)
        except UnicodeDecodeError as err:
            raise _file_error(
                "household_not_utf8", source, at_line=number + 1, line=number + 1, reason=err.reason
            ) from None
        if not chunk:
            return
        number += 1
        ended = chunk.endswith(("\n", "\r"))
        text = chunk.rstrip("\r\n") if ended else chunk
        if ended and len(text) <= MAX_LINE_LENGTH:
            yield number, text
            continue
        if not ended and len(chunk) < limit:  # the last line, without a line break
            yield number, text if len(text) <= MAX_LINE_LENGTH else None
            continue
        while not ended:  # skip the rest of an overlong line, one bounded chunk at a time
            try:
                chunk = stream.readline(limit)
            except UnicodeDecodeError as err:
                raise _file_error(
                    "household_not_utf8", source, at_line=number, line=number, reason=err.reason
                ) from None
            ended = not chunk or chunk.endswith(("\n", "\r"))
        yield number, None


# --------------------------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------------------------


def _check_header(names: Sequence[str], source: str | None, line: int) -> None:
    problems: list[Problem] = []

    def problem(code: str, **params: object) -> None:
        text = _text(code, **params)
        problems.append(Problem(path="", code=code, text=text, file=source, line=line))

    tally = Counter(names)
    duplicates = [n for n, times in tally.items() if times > 1]
    unknown = [n for n in tally if n not in COLUMNS]
    missing = [c for c in REQUIRED_COLUMNS if c not in tally]
    if unknown:
        shown = ", ".join(repr(n) for n in unknown)
        problem("household_unknown_columns", names=shown, expected=", ".join(COLUMNS))
    if missing:
        problem("household_missing_columns", names=", ".join(missing))
    if duplicates:
        problem("household_duplicate_columns", names=", ".join(duplicates))
    if problems:
        raise HouseholdFileError(problems, source)


def _parse_csv_line(text: str) -> list[str]:
    return next(csv.reader((text,), strict=True), [])


def read_csv(stream: TextIO, *, source: str | None = None) -> Iterator[RowResult]:
    """Read household records from CSV text, one row at a time.

    The first line is the header: column names from :data:`COLUMNS` in any order, case and
    surrounding spaces ignored. The header is checked at once; rows are read as the result is
    iterated. Values may be quoted but may not contain line breaks. Blank lines are skipped and
    not counted as rows.

    Args:
        stream: the text to read (a file opened with ``encoding="utf-8"``; a leading byte-order
            mark is ignored).
        source: the file name or label used in messages.

    Returns:
        An iterator of one :class:`RowResult` per data row.

    Raises:
        HouseholdFileError: if there is no header, it names an unknown column, lacks a required
            one or repeats one, or the text is not UTF-8 (possibly while iterating).
    """
    lines = _lines(stream, source)
    first = next(lines, None)
    if first is None:
        raise _file_error("household_no_header", source)
    number, text = first
    if text is None:
        raise _file_error(
            "household_header_syntax",
            source,
            at_line=number,
            reason=_text("household_line_too_long", limit=MAX_LINE_LENGTH).en,
        )
    try:
        names = [n.strip().lower() for n in _parse_csv_line(text.removeprefix("\ufeff"))]
    except csv.Error as err:
        raise _file_error(
            "household_header_syntax", source, at_line=number, reason=str(err)
        ) from None
    if not names or names == [""]:
        raise _file_error("household_no_header", source, at_line=number)
    _check_header(names, source, number)
    return _csv_rows(lines, names)


def _csv_rows(lines: Iterator[tuple[int, str | None]], names: list[str]) -> Iterator[RowResult]:
    width = len(names)
    row = 0
    for number, text in lines:
        if text is not None and not text.strip():
            continue
        row += 1
        if text is None:
            yield _rejected(row, number, "household_line_too_long", limit=MAX_LINE_LENGTH)
            continue
        try:
            cells = _parse_csv_line(text)
        except csv.Error as err:
            yield _rejected(row, number, "household_csv_syntax", reason=str(err))
            continue
        if len(cells) != width:
            yield _rejected(row, number, "household_field_count", got=len(cells), expected=width)
            continue
        yield _row(row, number, zip(names, cells, strict=True))


# --------------------------------------------------------------------------------------------
# JSON Lines
# --------------------------------------------------------------------------------------------


def _no_constant(name: str) -> object:
    msg = f"{name} is not a number"
    raise ValueError(msg)


def _json_row(row: int, number: int, text: str) -> RowResult:
    try:
        value = json.loads(text, parse_float=Decimal, parse_constant=_no_constant)
    except json.JSONDecodeError as err:
        return _rejected(
            row, number, "household_json_invalid", reason=err.msg, position=err.pos + 1
        )
    except (ValueError, RecursionError) as err:
        reason = str(err) if isinstance(err, ValueError) else "nested too deeply"
        return _rejected(row, number, "household_json_invalid", reason=reason, position=1)
    if not isinstance(value, dict):
        return _rejected(row, number, "household_json_not_object", got=_shown(value))
    rejections = [
        Rejection(
            row=row,
            line=number,
            column=key,
            code="household_unknown_key",
            message=_text("household_unknown_key", name=key, expected=", ".join(COLUMNS)),
        )
        for key in value
        if key not in _PARSERS
    ]
    rejections.extend(
        Rejection(
            row=row,
            line=number,
            column=key,
            code="household_missing_key",
            message=_text("household_missing_key", name=key),
        )
        for key in REQUIRED_COLUMNS
        if key not in value
    )
    if rejections:
        return RowResult(row=row, line=number, record=None, rejections=tuple(rejections))
    return _row(row, number, value.items())


def read_jsonl(stream: TextIO, *, source: str | None = None) -> Iterator[RowResult]:
    """Read household records from JSON Lines text, one row at a time.

    Each non-blank line is one JSON object whose keys are columns of :data:`COLUMNS`. Every
    column but ``weight`` must be present; ``null`` or ``""`` means not known. Values are
    strings (``sludge_treated`` may also be ``true``/``false``; ``weight`` may be a JSON number,
    read exactly from its digits). An unknown or missing key rejects the row.

    Args:
        stream: the text to read (UTF-8; a leading byte-order mark is ignored).
        source: the file name or label used in messages.

    Returns:
        An iterator of one :class:`RowResult` per non-blank line.

    Raises:
        HouseholdFileError: while iterating, if the text is not UTF-8.
    """
    return _jsonl_rows(_lines(stream, source))


def _jsonl_rows(lines: Iterator[tuple[int, str | None]]) -> Iterator[RowResult]:
    row = 0
    for number, raw in lines:
        text = raw.removeprefix("\ufeff") if raw is not None and number == 1 else raw
        if text is not None and not text.strip():
            continue
        row += 1
        if text is None:
            yield _rejected(row, number, "household_line_too_long", limit=MAX_LINE_LENGTH)
        else:
            yield _json_row(row, number, text)


def read_records(stream: TextIO, fmt: Format, *, source: str | None = None) -> Iterator[RowResult]:
    """Read *stream* as CSV or JSON Lines (see :func:`read_csv`, :func:`read_jsonl`).

    Raises:
        HouseholdFileError: if *fmt* is not ``csv`` or ``jsonl``, or as the readers do.
    """
    if fmt == "csv":
        return read_csv(stream, source=source)
    if fmt == "jsonl":
        return read_jsonl(stream, source=source)
    raise _file_error("household_format_unknown", source, got=fmt)


# --------------------------------------------------------------------------------------------
# Summaries
# --------------------------------------------------------------------------------------------


def summarise_rows(
    results: Iterable[RowResult], *, keep: int = _DEFAULT_KEEP, source: str | None = None
) -> HouseholdReport:
    """Count accepted rows into the ladder and collect rejections, in bounded memory.

    Args:
        results: row results, e.g. from :func:`read_csv` (consumed lazily).
        keep: how many rejections to keep; all are counted.
        source: the file or label, copied into the report.
    """
    accumulator = LadderAccumulator()
    kept: list[Rejection] = []
    rejected_rows = problems = 0
    for result in results:
        if result.record is not None:
            accumulator.add(result.record)
            continue
        rejected_rows += 1
        problems += len(result.rejections)
        room = keep - len(kept)
        if room > 0:
            kept.extend(result.rejections[:room])
    return HouseholdReport(
        summary=accumulator.summary(),
        rejected=tuple(kept),
        rejected_rows=rejected_rows,
        rejected_problems=problems,
        source=source,
    )


def summarise_file(
    file: str | os.PathLike[str] | TextIO,
    fmt: Format | None = None,
    *,
    keep: int = _DEFAULT_KEEP,
    source: str | None = None,
) -> HouseholdReport:
    """Read a household-record file into the ladder.

    Args:
        file: a path, or an open text stream.
        fmt: ``csv`` or ``jsonl``; guessed from a path's suffix (``.csv``, ``.jsonl``,
            ``.ndjson``) when ``None``.
        keep: how many rejections to keep in the report; all are counted.
        source: the label used in messages; defaults to the path.

    Raises:
        HouseholdFileError: if the format cannot be told, the file cannot be opened or is not
            UTF-8, or its header is not valid.
    """
    if isinstance(file, str | os.PathLike):
        path = Path(file)
        label = source or str(path)
        if fmt is None:
            fmt = _SUFFIXES.get(path.suffix.lower())
            if fmt is None:
                raise _file_error("household_format_guess", label, name=path.name)
        try:
            stream = path.open(encoding="utf-8-sig", newline="")
        except OSError as err:
            raise _file_error("household_unreadable", label, reason=err.strerror or err) from None
        with stream:
            return summarise_rows(read_records(stream, fmt, source=label), keep=keep, source=label)
    name = getattr(file, "name", None)
    stream_label = source or (name if isinstance(name, str) else None)
    if fmt is None:
        fmt = _SUFFIXES.get(Path(stream_label).suffix.lower()) if stream_label else None
        if fmt is None:
            raise _file_error(
                "household_format_guess", stream_label, name=stream_label or "<stream>"
            )
    return summarise_rows(
        read_records(file, fmt, source=stream_label), keep=keep, source=stream_label
    )


# --------------------------------------------------------------------------------------------
# Rendering (for ``sanitasi access FILE --format text|json|csv``)
# --------------------------------------------------------------------------------------------


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _area_json(part: AreaSummary) -> dict[str, Any]:
    return {
        "rows": part.rows,
        "total_weight": _dec(part.total_weight),
        "counts": {key: _dec(part.counts[key]) for key in LADDER_KEYS},
        "shares": (None if part.shares is None else {k: _dec(part.shares[k]) for k in LADDER_KEYS}),
        "layak": _dec(part.layak),
        "unknown_share": _dec(part.unknown_share),
    }


def _rejected_rows(rejected: Sequence[Rejection], rejected_rows: int | None) -> int:
    return len({r.row for r in rejected}) if rejected_rows is None else rejected_rows


def ladder_to_json(
    summary: LadderSummary,
    rejected: Sequence[Rejection],
    *,
    rejected_rows: int | None = None,
    rejected_problems: int | None = None,
) -> dict[str, Any]:
    """Return the ladder result as a JSON-ready object (decimals as strings).

    Shape: ``schema``, ``rows``, ``rejected_rows``, ``rejected_problems``, ``rejected``
    (the listed problems: ``row``, ``line``,
    ``column``, ``code``, ``message`` with ``id``/``en``), ``total_weight``, ``counts``,
    ``shares`` (keyed by :data:`~sanitasi_core.ladder.LADDER_KEYS`, adding up to exactly 100,
    ``null`` with no rows), ``layak``, ``unknown_share``, ``unit_weights``, ``survey_dates``
    (``first``, ``last``), ``area_unknown`` (``rows``, ``total_weight``) and ``by_area``
    (``urban``, ``rural``: ``rows``, ``total_weight``, ``counts``, ``shares``, ``layak``,
    ``unknown_share``).

    Args:
        summary: the ladder of the accepted rows.
        rejected: the rejections to list.
        rejected_rows: the number of rejected rows, when more were counted than listed;
            by default the distinct rows of *rejected*.
        rejected_problems: the number of problems counted; by default ``len(rejected)``.
    """
    first, last = summary.first_survey_date, summary.last_survey_date
    return {
        "schema": LADDER_RESULT_SCHEMA,
        "rows": summary.rows,
        "rejected_rows": _rejected_rows(rejected, rejected_rows),
        "rejected_problems": len(rejected) if rejected_problems is None else rejected_problems,
        "rejected": [r.to_json() for r in rejected],
        **{k: v for k, v in _area_json(summary).items() if k != "rows"},
        "unit_weights": summary.unit_weights,
        "survey_dates": {
            "first": None if first is None else first.isoformat(),
            "last": None if last is None else last.isoformat(),
        },
        "area_unknown": {
            "rows": summary.area_unknown_rows,
            "total_weight": _dec(summary.area_unknown_weight),
        },
        "by_area": {area: _area_json(part) for area, part in summary.by_area.items()},
    }


def _areas(summary: LadderSummary) -> list[tuple[str, AreaSummary]]:
    return [("total", summary), *summary.by_area.items()]


def _layak_weight(part: AreaSummary) -> Decimal:
    return part.counts["safely_managed"] + part.counts["basic"] + part.counts["limited"]


def ladder_to_csv_rows(summary: LadderSummary) -> list[list[str]]:
    """Return the ladder as CSV rows, header first: ``area, indicator, weight, share``.

    For each area (``total``, ``urban``, ``rural``) there is a row per key of
    :data:`~sanitasi_core.ladder.LADDER_KEYS`, then ``layak`` and ``total``. A share is empty
    when the area has no rows. Rejections are not part of the CSV.
    """
    rows = [["area", "indicator", "weight", "share"]]
    for area, part in _areas(summary):
        shares = part.shares
        for key in LADDER_KEYS:
            share = "" if shares is None else format(shares[key], "f")
            rows.append([area, key, format(part.counts[key], "f"), share])
        rows.append([area, "layak", format(_layak_weight(part), "f"), _dec(part.layak) or ""])
        total_share = "" if shares is None else "100.00"
        rows.append([area, "total", format(part.total_weight, "f"), total_share])
    return rows


def ladder_to_text(
    summary: LadderSummary,
    rejected: Sequence[Rejection],
    lang: Lang,
    *,
    rejected_rows: int | None = None,
    rejected_problems: int | None = None,
    limit: int = 20,
) -> str:
    """Return the ladder as a plain-text table in *lang*, then the first *limit* rejections.

    Args:
        summary: the ladder of the accepted rows.
        rejected: the rejections to list.
        lang: ``id`` or ``en``.
        rejected_rows: the number of rejected rows (default: distinct rows of *rejected*).
        rejected_problems: the number of problems counted (default: ``len(rejected)``).
        limit: how many rejections to print; the rest are counted.
    """
    count = _rejected_rows(rejected, rejected_rows)
    lines = [_text("ladder_report_title", rows=summary.rows, rejected=count).get(lang)]
    first, last = summary.first_survey_date, summary.last_survey_date
    if first is not None:
        lines.append(_text("ladder_report_survey_dates", first=first, last=last).get(lang))
    if summary.rows == 0:
        lines.append(_text("ladder_report_no_rows").get(lang))
    else:
        labels = [_text(f"rung_{key}").get(lang) for key in LADDER_KEYS]
        labels += [_text("ladder_layak").get(lang), _text("ladder_report_weight").get(lang)]
        width = max(len(label) for label in labels) + 2
        areas = _areas(summary)
        heads = [_text(f"ladder_report_{name}").get(lang) for name, _ in areas]
        lines.append("")
        lines.append(" " * width + "".join(f"{head:>24}" for head in heads))
        for key, label in zip(LADDER_KEYS, labels, strict=False):
            cells = [_cell(_share(part, key), part.counts[key]) for _, part in areas]
            lines.append(f"{label:<{width}}" + "".join(cells))
        cells = [_cell(part.layak, _layak_weight(part)) for _, part in areas]
        lines.append(f"{labels[-2]:<{width}}" + "".join(cells))
        cells = [f"{format(part.total_weight, 'f'):>24}" for _, part in areas]
        lines.append(f"{labels[-1]:<{width}}" + "".join(cells))
        if summary.area_unknown_rows:
            unknown = _text(
                "ladder_report_area_unknown",
                rows=summary.area_unknown_rows,
                weight=format(summary.area_unknown_weight, "f"),
            )
            lines.append(unknown.get(lang))
    if rejected:
        shown = rejected[:limit]
        total = len(rejected) if rejected_problems is None else rejected_problems
        lines.append("")
        lines.append(_text("ladder_report_rejected").get(lang))
        lines.extend(f"  {r.render(lang)}" for r in shown)
        if total > len(shown):
            more = _text("ladder_report_more", count=total - len(shown))
            lines.append(f"  {more.get(lang)}")
    return "\n".join(lines)


def _share(part: AreaSummary, key: str) -> Decimal | None:
    return None if part.shares is None else part.shares[key]


def _cell(share: Decimal | None, weight: Decimal) -> str:
    shown = "-" if share is None else f"{share} %"
    return f"{shown:>10} {format(weight, 'f'):>13}"
