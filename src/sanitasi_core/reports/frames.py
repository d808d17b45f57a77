"""Decisions as tidy pandas data frames, for analysts: one row per decision, or per criterion.

Both frames have the same column names in every language (snake_case English keys, never
translated) and typed columns:

- dates (``as_of``, ``threshold_since``) are ``datetime64[s]``: second resolution holds every
  date the library accepts (years 1 to 9999), where ``datetime64[ns]`` ends in 2262;
- years and counts that may be unknown (``fiscal_year``, ``m4_year``, ``gap_more``) are the
  nullable integer ``Int64``;
- outcomes and milestones are ordered ``category`` columns (:data:`OUTCOME_ORDER`,
  :data:`LEVEL_ORDER`), so ``frame.certain_level >= "M2"`` and sorting work as expected;
- text is pandas' ``string`` dtype;
- numbers (``observed``, ``threshold``, ``gap``) are :class:`~decimal.Decimal` objects, exact as
  the decision holds them: ``85.16`` stays ``85.16``. Convert with ``.astype(float)`` to plot.

pandas is an optional dependency (``pip install 'sanitasi-core[pandas]'``), imported only when a
frame is built; without it both functions raise
:class:`~sanitasi_core.exceptions.PandasMissingError`.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Final

from sanitasi_core._messages import text
from sanitasi_core.exceptions import PandasMissingError
from sanitasi_core.model import Milestone
from sanitasi_core.reports.records import records
from sanitasi_core.reports.summary import BatchResult
from sanitasi_core.rules import (
    CriterionResult,
    Decision,
    Observed,
    ObservedCount,
    ObservedFlag,
    ObservedNumber,
    Outcome,
    Severity,
)

__all__ = ["LEVEL_ORDER", "OUTCOME_ORDER", "criteria_frame", "decisions_frame"]

OUTCOME_ORDER: Final[tuple[str, ...]] = (
    Outcome.FAIL.value,
    Outcome.UNKNOWN.value,
    Outcome.NOT_APPLICABLE.value,
    Outcome.PASS.value,
)
"""The order of the outcome categories, from "holds a milestone back for sure" to "met".

``not_applicable`` sits just below ``pass``: like a pass, it never holds a milestone back, so
``frame.outcome >= "not_applicable"`` selects what does not block.
"""

LEVEL_ORDER: Final[tuple[str, ...]] = tuple(m.value for m in Milestone)
"""The order of the milestone categories: ``M1`` < ``M2`` < ``M3`` < ``M4`` (none is missing)."""

_DATE: Final = "datetime64[s]"

# records() keys that are renamed in the frame, so every column is a snake_case name.
_RENAMED: Final = {
    "certain": "certain_level",
    "possible": "possible_level",
    **{m.value: f"{m.value.lower()}_outcome" for m in Milestone},
}


def _pandas(function: str) -> Any:
    """Return the pandas module, or raise the error that says how to install it."""
    try:
        return importlib.import_module("pandas")
    except ImportError as error:
        raise PandasMissingError(text("report_frame_pandas_missing", function=function)) from error


def _decisions(decisions: Iterable[Decision] | BatchResult) -> list[Decision]:
    """The decisions of *decisions* as a list (an iterator is read once, here)."""
    return list(decisions.decisions if isinstance(decisions, BatchResult) else decisions)


def _categories(pd: Any, values: tuple[str, ...]) -> Any:
    return pd.CategoricalDtype(categories=list(values), ordered=True)


def _typed(pd: Any, rows: list[dict[str, Any]], dtypes: dict[str, Any]) -> Any:
    """A frame of *rows* with exactly the columns of *dtypes*, in that order and those types."""
    numpy = importlib.import_module("numpy")  # installed with pandas
    frame = pd.DataFrame(rows, columns=list(dtypes))
    for column, dtype in dtypes.items():
        if dtype == _DATE:
            # Through numpy at second resolution: exact for any day, whatever pandas would infer.
            days = numpy.array(list(frame[column]), dtype=_DATE)
            frame[column] = pd.Series(days, dtype=_DATE, index=frame.index)
        elif dtype is not object:
            frame[column] = frame[column].astype(dtype)
    return frame


def decisions_frame(decisions: Iterable[Decision] | BatchResult) -> Any:
    """Return one row per decision (district × date) as a :class:`pandas.DataFrame`.

    The rows are :func:`~sanitasi_core.reports.records` with typed columns and a few more:

    ========================  ===================  =========================================
    column                    dtype                value
    ========================  ===================  =========================================
    ``region_code``           string               the district's code (``62.01``)
    ``region_name``           string               its name
    ``as_of``                 datetime64[s]        the evaluation date
    ``fiscal_year``           Int64                the fiscal year assessed
    ``rulebook_id``           string               the rulebook that decided
    ``rulebook_version``      string               its version
    ``certain_level``         ordered category     highest milestone reached for sure
    ``possible_level``        ordered category     highest milestone not ruled out
    ``next_milestone``        ordered category     the milestone after the certain level
    ``m4_year``               Int64                "M4 year *n*" of the fiscal year
    ``m1_outcome`` …          ordered category     each milestone's outcome (``m4_outcome``)
    ``undecided``             bool                 certain and possible levels differ
    ``blocking``              Int64                criteria of the next milestone that fail
                                                   or are unknown
    ``unknown``               Int64                criteria of the decision that are unknown
    ========================  ===================  =========================================

    A missing level (no milestone reached) is a missing value (``NaN`` in a category column).

    Args:
        decisions: the decisions, any iterable (read once), or a
            :class:`~sanitasi_core.reports.BatchResult`.

    Raises:
        PandasMissingError: (an :class:`ImportError`) if pandas is not installed.
    """
    pd = _pandas("decisions_frame")
    chosen = _decisions(decisions)
    rows = [{_RENAMED.get(k, k): v for k, v in row.items()} for row in records(chosen)]
    for row, d in zip(rows, chosen, strict=True):
        row.update(
            rulebook_id=d.rulebook.id,
            rulebook_version=d.rulebook.version,
            next_milestone=d.next_milestone.value if d.next_milestone else None,
            undecided=d.certain_level != d.possible_level,
            blocking=len(d.blocking),
            unknown=sum(c.outcome is Outcome.UNKNOWN for m in d.milestones for c in m.criteria),
        )
    level = _categories(pd, LEVEL_ORDER)
    outcome = _categories(pd, OUTCOME_ORDER)
    dtypes: dict[str, Any] = {
        "region_code": "string",
        "region_name": "string",
        "as_of": _DATE,
        "fiscal_year": "Int64",
        "rulebook_id": "string",
        "rulebook_version": "string",
        "certain_level": level,
        "possible_level": level,
        "next_milestone": level,
        "m4_year": "Int64",
        **{_RENAMED[m.value]: outcome for m in Milestone},
        "undecided": "bool",
        "blocking": "Int64",
        "unknown": "Int64",
    }
    return _typed(pd, rows, dtypes)


def _observed(value: Observed | None) -> tuple[object, str | None]:
    """The value a criterion saw as a plain cell, and its kind (``number``, ``flag`` …)."""
    match value:
        case None:
            return None, None
        case ObservedNumber(value=number):
            return number, "number"
        case ObservedFlag(value=flag):
            return flag, "flag"
        case ObservedCount():
            return str(value), "count"
        case _:  # the last shape, an ObservedItem
            return value.id, "item"


def _criterion_row(d: Decision, milestone: Milestone, c: CriterionResult) -> dict[str, Any]:
    observed, kind = _observed(c.observed)
    source = c.threshold_source
    gap = c.gap
    amount: Decimal | None = gap.amount if gap is not None else None
    return {
        "region_code": d.region.code,
        "region_name": d.region.name,
        "as_of": d.as_of,
        "fiscal_year": d.fiscal_year,
        "milestone": milestone.value,
        "criterion_id": c.id,
        "outcome": c.outcome.value,
        "severity": c.severity.value if c.severity is not None else None,
        "advisory": c.severity is Severity.ADVISORY,
        "blocking": c.id in d.blocking,
        "defaulted": c.defaulted,
        "observed": observed,
        "observed_kind": kind,
        "threshold": c.threshold,
        "unit": c.unit,
        "threshold_id": source.id if source is not None else None,
        "threshold_since": source.since if source is not None else None,
        "gap": amount,
        "gap_unit": gap.unit if gap is not None else None,
        "gap_more": gap.more if gap is not None else None,
    }


def criteria_frame(decisions: Iterable[Decision] | BatchResult) -> Any:
    """Return one row per criterion of every decision as a :class:`pandas.DataFrame`.

    Rows follow the decisions, then each decision's milestones and criteria in rulebook order.

    ======================  ==================  ===============================================
    column                  dtype               value
    ======================  ==================  ===============================================
    ``region_code``         string              the district's code
    ``region_name``         string              its name
    ``as_of``               datetime64[s]       the evaluation date
    ``fiscal_year``         Int64               the fiscal year assessed
    ``milestone``           ordered category    ``M1`` … ``M4``
    ``criterion_id``        string              the criterion (``m4.apbd_realisation``)
    ``outcome``             ordered category    ``fail`` < ``unknown`` < ``not_applicable``
                                                < ``pass``
    ``severity``            category            ``blocking`` or ``advisory``
    ``advisory``            bool                the criterion never blocks its milestone
    ``blocking``            bool                it is among the decision's blocking criteria
    ``defaulted``           bool                its outcome is a declared default
    ``observed``            object              the value seen: a Decimal (number), a bool
                                                (flag), ``"3..5"`` (a partly known count) or an
                                                item id; missing when unknown
    ``observed_kind``       category            ``number``, ``flag``, ``count`` or ``item``
    ``threshold``           object (Decimal)    the threshold applied
    ``unit``                string              the unit of observed and threshold
    ``threshold_id``        string              the rulebook threshold it comes from
    ``threshold_since``     datetime64[s]       the date that threshold value applies from
    ``gap``                 object (Decimal)    the distance to pass, in ``gap_unit``
    ``gap_unit``            string              its unit
    ``gap_more``            Int64               how many more records or items are needed
    ======================  ==================  ===============================================

    Args:
        decisions: the decisions, any iterable (read once), or a
            :class:`~sanitasi_core.reports.BatchResult`.

    Raises:
        PandasMissingError: (an :class:`ImportError`) if pandas is not installed.
    """
    pd = _pandas("criteria_frame")
    rows = [
        _criterion_row(d, m.id, c)
        for d in _decisions(decisions)
        for m in d.milestones
        for c in m.criteria
    ]
    dtypes: dict[str, Any] = {
        "region_code": "string",
        "region_name": "string",
        "as_of": _DATE,
        "fiscal_year": "Int64",
        "milestone": _categories(pd, LEVEL_ORDER),
        "criterion_id": "string",
        "outcome": _categories(pd, OUTCOME_ORDER),
        "severity": pd.CategoricalDtype([s.value for s in Severity]),
        "advisory": "bool",
        "blocking": "bool",
        "defaulted": "bool",
        "observed": object,
        "observed_kind": pd.CategoricalDtype(["number", "flag", "count", "item"]),
        "threshold": object,
        "unit": "string",
        "threshold_id": "string",
        "threshold_since": _DATE,
        "gap": object,
        "gap_unit": "string",
        "gap_more": "Int64",
    }
    return _typed(pd, rows, dtypes)
