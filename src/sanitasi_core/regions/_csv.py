"""The CSV files of the register: their layout, their rows, and what is wrong with each row."""

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Final

from sanitasi_core._messages import text as _text
from sanitasi_core.exceptions import Problem
from sanitasi_core.regions._names import (
    _check_province_code,
    _check_regency_code,
    _check_text,
    _describe,
    _Issue,
    _issue,
    _kind_of_code,
    _split_name,
)

_PROVINCE_COLUMNS: Final = ("code", "name")
_REGENCY_COLUMNS: Final = ("code", "province_code", "name")
_PROVINCES_FILE: Final = "provinces.csv"
_REGENCIES_FILE: Final = "regencies.csv"


def _located(issues: Iterable[_Issue], file: str, line: int) -> list[Problem]:
    return [Problem(path=p, code=c, text=t, file=file, line=line) for p, c, t in issues]


def _read_csv(
    content: str, file: str, columns: tuple[str, ...], problems: list[Problem]
) -> list[tuple[int, dict[str, str]]]:
    """Return ``(line, row)`` pairs of the data rows; add every structural problem to *problems*."""

    def problem(line: int, code: str, **params: object) -> None:
        problems.append(
            Problem(path="", code=code, text=_text(code, **params), file=file, line=line)
        )

    given: object = content
    if not isinstance(given, str):
        problem(0, "expected_type", expected="a string", got=_describe(given))
        return []
    reader = csv.reader(io.StringIO(given.removeprefix("\ufeff"), newline=""), strict=True)
    rows: list[tuple[int, dict[str, str]]] = []
    index: dict[str, int] | None = None
    width = 0
    try:
        for raw in reader:
            cells = [cell.strip() for cell in raw]
            if not any(cells):
                continue
            if index is None:
                index = {name: cells.index(name) for name in columns if cells.count(name) == 1}
                width = len(cells)
                if len(index) != len(columns):
                    expected, got = ",".join(columns), ",".join(cells)
                    problem(reader.line_num, "region_csv_header", expected=expected, got=got)
                    return []
                continue
            if len(cells) != width:
                problem(reader.line_num, "region_csv_columns", expected=width, got=len(cells))
                continue
            rows.append((reader.line_num, {name: cells[i] for name, i in index.items()}))
    except csv.Error as err:
        problem(reader.line_num, "region_csv_syntax", reason=str(err))
        return []
    if not rows and index is not None:
        problem(reader.line_num, "region_csv_empty")
    elif index is None:
        problem(1, "region_csv_empty")
    return rows


def _regency_row_issues(
    row: Mapping[str, str],
    seen: Mapping[str, int],
    province_line: Mapping[str, int],
    bad_provinces: set[str],
    provinces_readable: bool,
) -> list[_Issue]:
    """Return what is wrong with one data row of the kabupaten/kota file."""
    code, province_code, name = row["code"], row["province_code"], row["name"]
    issues = [
        *_check_regency_code("code", code),
        *_check_province_code("province_code", province_code),
        *_check_text("name", name),
    ]
    if issues:
        return issues
    split = _split_name(name)
    if split is None:
        issues.append(_issue("name", "region_name_prefix", got=name))
    else:
        actual = _kind_of_code(code)
        if actual is not None and actual != split[0]:
            issues.append(
                _issue(
                    "name",
                    "region_kind_mismatch",
                    code=code,
                    actual=actual.value,
                    kind=split[0].value,
                )
            )
    if not code.startswith(province_code + "."):
        issues.append(
            _issue("province_code", "region_province_mismatch", code=code, province=province_code)
        )
    elif (
        provinces_readable
        and province_code not in province_line
        and province_code not in bad_provinces
    ):
        issues.append(
            _issue("province_code", "unknown_province", province=province_code, code=code)
        )
    if code in seen:
        issues.append(
            _issue("code", "region_duplicate_code", code=code, first=f"line {seen[code]}")
        )
    return issues
