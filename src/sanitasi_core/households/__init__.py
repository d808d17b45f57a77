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

Import every name from here, ``sanitasi_core.households``. The parts: ``_rows`` (the columns,
the line limit, :class:`Rejection` and :class:`RowResult`), ``_values`` (each column's parser,
and one row's values into a result), ``_read`` (lines in bounded memory, :func:`read_csv`,
:func:`read_jsonl`, :func:`read_records`), ``_summary`` (:class:`HouseholdReport`,
:func:`summarise_rows`, :func:`summarise_file`), ``_output`` (:func:`ladder_to_json`,
:func:`ladder_to_csv_rows`, :func:`ladder_to_text`).
"""

from typing import Final

from sanitasi_core.households import _output, _rows
from sanitasi_core.households._output import ladder_to_csv_rows, ladder_to_json, ladder_to_text
from sanitasi_core.households._read import Format, read_csv, read_jsonl, read_records
from sanitasi_core.households._rows import Rejection, RowResult
from sanitasi_core.households._summary import HouseholdReport, summarise_file, summarise_rows

# The constants are bound here, not only imported, so that the API reference (which reads the
# docstrings of data from this file) documents them.
COLUMNS: Final = _rows.COLUMNS
"""Every column of a household-record file, in the documented order."""

REQUIRED_COLUMNS: Final = _rows.REQUIRED_COLUMNS
"""The columns a file must have; a missing ``weight`` column means every weight is 1."""

MAX_LINE_LENGTH: Final = _rows.MAX_LINE_LENGTH
"""The longest line (in characters, without its line break) that is read; longer lines are
rejected as a row without being held in memory."""

LADDER_RESULT_SCHEMA: Final = _output.LADDER_RESULT_SCHEMA
"""The ``schema`` field of the JSON written by :func:`ladder_to_json`."""

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
