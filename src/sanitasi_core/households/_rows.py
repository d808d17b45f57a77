"""The columns of a household-record file, and what becomes of each row.

:class:`RowResult` holds a row's record or its :class:`Rejection` s; a problem with the file as a
whole is a :class:`~sanitasi_core.exceptions.HouseholdFileError`.
"""

from typing import Any, Final

import attrs

from sanitasi_core._messages import text as _text
from sanitasi_core._text import Lang, Text
from sanitasi_core.exceptions import HouseholdFileError, Problem
from sanitasi_core.ladder import HouseholdRecord

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
