"""Values: each column's parser, and one row's raw values turned into a :class:`RowResult`.

A value that cannot be read becomes a :class:`Rejection` naming its column; every column of a row
is read, so that a row's rejections list all its problems.
"""

import datetime as dt
import functools
import json
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from enum import StrEnum
from typing import Final

from sanitasi_core._messages import text as _text
from sanitasi_core._text import Text, lone_surrogate
from sanitasi_core.exceptions import ValidationError
from sanitasi_core.households._rows import Rejection, RowResult
from sanitasi_core.ladder import Area, Disposal, Facility, HouseholdRecord, Toilet

_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
_DECIMAL: Final = re.compile(r"\d+(?:\.\d+)?")
_MAX_SPELLINGS: Final = 256


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
        at = lone_surrogate(value)
        if at is not None:
            code = ord(value[at])
            raise _BadValue("lone_surrogate", _text("lone_surrogate", code=code, position=at))
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
