"""Record filters for ``count`` nodes: a closed table of fields per record set.

Field names in a rulebook are looked up in :data:`FIELDS`; no attribute is ever fetched by a name
taken from a file. A filter on an unknown value leaves the record undecided, so a count is an
interval ``[sure, sure + undecided]``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

from dateutil.relativedelta import relativedelta

from sanitasi_core._messages import text
from sanitasi_core.indicators._core import MissingInput

if TYPE_CHECKING:
    from sanitasi_core.indicators._facts import Facts

Getter = Callable[[Any], object]

FIELDS: Final[Mapping[str, Mapping[str, tuple[str, Getter]]]] = {
    "commitments": {
        "office": ("enum", lambda c: c.office.value),
        "regional_head": ("bool", lambda c: c.office.is_regional_head),
        "signed_on": ("date", lambda c: c.signed_on),
        "year": ("int", lambda c: c.year),
    },
    "meetings": {
        "kind": ("enum", lambda m: m.kind.value),
        "clinic": ("int", lambda m: m.clinic),
        "date": ("date", lambda m: m.date),
    },
    "activities": {
        "funding_source": (
            "enum",
            lambda a: None if a.funding_source is None else a.funding_source.value,
        ),
        "funding_group": (
            "enum",
            lambda a: None if a.funding_source is None else a.funding_source.group.value,
        ),
        "sub_sector": ("enum", lambda a: None if a.sub_sector is None else a.sub_sector.value),
        "fiscal_year": ("year", lambda a: a.fiscal_year),
        "linked": ("bool", lambda a: a.service_model is not None),
        "realised_positive": ("bool", lambda a: None if a.realised is None else a.realised > 0),
        "in_annual_plan": ("bool", lambda a: None if a.planned_in is None else bool(a.planned_in)),
    },
    "evaluations": {
        "subject": ("enum", lambda e: e.subject.value),
        "evaluated_on": ("date", lambda e: e.evaluated_on),
        "has_lessons": ("bool", lambda e: None if e.lessons is None else bool(e.lessons)),
        "has_improvements": (
            "bool",
            lambda e: None if e.improvements is None else bool(e.improvements),
        ),
    },
    "monitoring_reports": {
        "period_start": ("date", lambda r: r.period_start),
        "period_end": ("date", lambda r: r.period_end),
        "covers": ("set", lambda r: {g.value for g in r.funding_groups}),
    },
    "documents": {
        "kind": ("enum", lambda d: d.kind.value),
        "adopted_on": ("date", lambda d: d.adopted_on),
        "year": ("int", lambda d: d.year),
    },
}
"""For each record set, its filterable fields: name → (type, getter)."""


def _in_window(facts: Facts, window: str, value: object) -> bool | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):  # a year
        year = value
        if window == "evaluation_year":
            return year == facts.year
        if window == "previous_year":
            return year == facts.year - 1
        return year <= facts.year
    assert isinstance(value, dt.date)  # noqa: S101  # the field table declares the type
    if window == "as_of":
        return value <= facts.as_of
    if window == "evaluation_year":
        return value.year == facts.year and value <= facts.as_of
    if window == "previous_year":
        return value.year == facts.year - 1
    return facts.as_of - relativedelta(months=12) < value <= facts.as_of


def _matches(facts: Facts, records: str, item: Any, where: Sequence[Any]) -> bool | None:
    result: bool | None = True
    for w in where:
        _, getter = FIELDS[records][w.field]
        value = getter(item)
        if w.within is not None:
            ok = _in_window(facts, w.within.value, value)
        elif value is None:
            ok = None
        elif isinstance(value, set):
            wanted = {w.equals} if w.equals is not None else set(w.one_of or ())
            ok = wanted <= value
        else:
            shown = str(value).lower() if isinstance(value, bool) else str(value)
            ok = shown == w.equals if w.equals is not None else shown in (w.one_of or ())
        if ok is False:
            return False
        if ok is None:
            result = None
    return result


def count_records(
    facts: Facts, records: Any, where: Sequence[Any]
) -> tuple[int, int | None, tuple[MissingInput, ...]]:
    """Count records matching *where*: ``(sure, upper, missing)``.

    ``upper`` is ``None`` when the list is not reported, ``-1`` when it is marked incomplete
    (no upper bound). Records are read as seen on the evaluation date; an undated one is
    undecided.
    """
    name = records.value
    items = getattr(facts.seen, name)  # the name comes from the closed RecordSet enum
    if items is None:
        return 0, None, (MissingInput(key=name, text=text("missing_records", name=name)),)
    sure = 0
    undecided = 0
    missing: list[MissingInput] = []
    for item in items:
        ok = _matches(facts, name, item.record, where)
        if not item.dated and ok is not False:
            ok = None
        if ok:
            sure += 1
        elif ok is None:
            undecided += 1
            missing.append(
                MissingInput(
                    key=f"{name}[{item.index}]",
                    text=text("missing_record_details", name=name, index=item.index),
                )
            )
    if name in facts.seen.incomplete:
        more = MissingInput(key=name, text=text("missing_more_records", name=name))
        return sure, OPEN_ENDED, (*missing, more)
    return sure, sure + undecided, tuple(missing)


OPEN_ENDED: Final = -1
"""The upper bound :func:`count_records` gives for a list marked incomplete: none."""
