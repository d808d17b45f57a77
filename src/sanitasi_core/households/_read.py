"""Reading: lines in bounded memory, and the CSV and JSON Lines readers built on them."""

import csv
import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Final, Literal, TextIO

from sanitasi_core._messages import text as _text
from sanitasi_core.exceptions import HouseholdFileError, Problem
from sanitasi_core.households._rows import (
    COLUMNS,
    MAX_LINE_LENGTH,
    REQUIRED_COLUMNS,
    Rejection,
    RowResult,
    _file_error,
)
from sanitasi_core.households._values import _PARSERS, _rejected, _row, _shown

Format = Literal["csv", "jsonl"]


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


def _parse_csv_line(text: str, sep: str = ",") -> list[str]:
    return next(csv.reader((text,), delimiter=sep, strict=True), [])


_SEPARATORS: Final = (",", ";", "\t")
"""The separators a household CSV may use, the one the header shows being chosen."""

_COMMA_DECIMAL: Final = re.compile(r"\s*\d+,\d+\s*")


def _separator(header: str) -> str:
    """The separator of a CSV file, from its header: the first that splits it into known names.

    Spreadsheets set to Indonesian write ``;`` and a decimal comma (the library's own
    ``--sep ';' --decimal-comma`` output); tab-separated exports occur too.
    """
    for sep in _SEPARATORS:
        try:
            names = [n.strip().lower() for n in _parse_csv_line(header, sep)]
        except csv.Error:
            continue
        if len(names) > 1 and set(names) <= set(COLUMNS):
            return sep
    return ","


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
    header = text.removeprefix("\ufeff")
    sep = _separator(header)
    try:
        names = [n.strip().lower() for n in _parse_csv_line(header, sep)]
    except csv.Error as err:
        raise _file_error(
            "household_header_syntax", source, at_line=number, reason=str(err)
        ) from None
    if not names or names == [""]:
        raise _file_error("household_no_header", source, at_line=number)
    _check_header(names, source, number)
    return _csv_rows(lines, names, sep)


def _csv_rows(
    lines: Iterator[tuple[int, str | None]], names: list[str], sep: str
) -> Iterator[RowResult]:
    width = len(names)
    # With ";" or a tab between cells, a comma in a number is its decimal mark (2,5 = 2.5).
    weight = names.index("weight") if sep != "," and "weight" in names else None
    row = 0
    for number, text in lines:
        if text is not None and not text.strip():
            continue
        row += 1
        if text is None:
            yield _rejected(row, number, "household_line_too_long", limit=MAX_LINE_LENGTH)
            continue
        try:
            cells = _parse_csv_line(text, sep)
        except csv.Error as err:
            yield _rejected(row, number, "household_csv_syntax", reason=str(err))
            continue
        if len(cells) != width:
            yield _rejected(row, number, "household_field_count", got=len(cells), expected=width)
            continue
        if weight is not None and _COMMA_DECIMAL.fullmatch(cells[weight]):
            cells[weight] = cells[weight].replace(",", ".")
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
