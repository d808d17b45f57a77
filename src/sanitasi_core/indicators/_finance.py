"""Indicators of money and monitoring: APBD realisation (and its band), monitoring coverage."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_CEILING, Decimal
from typing import TYPE_CHECKING, Final

from sanitasi_core._messages import text
from sanitasi_core.indicators._core import (
    NOT_APPLICABLE,
    YEAR,
    Observation,
    ValueType,
    flag,
    indicator,
    missing,
    more_records,
    percent,
    realisation_band,
    unknown,
    wide,
)
from sanitasi_core.indicators._passes import passes
from sanitasi_core.model import (
    FundingGroup,
    FundingSource,
)

if TYPE_CHECKING:
    from sanitasi_core.indicators._facts import Facts

_SEN: Final = Decimal("0.01")
_BOTH_GROUPS: Final = frozenset({FundingGroup.APBD, FundingGroup.NON_APBD})


def _rupiah_gap(
    obs: Observation, gap: Decimal, limit: Decimal, strict: bool
) -> Mapping[str, Decimal]:
    """The realisation still needed, in Rupiah, from the exact amounts (not the rounded share)."""
    planned, realised = obs.detail.get("planned"), obs.detail.get("realised")
    if planned is None or realised is None or gap <= 0:
        return {}
    with wide(ROUND_CEILING):  # exact for every amount the format admits; never too little
        needed = planned * limit / 100 - realised + (_SEN if strict else 0)
        needed = needed.quantize(_SEN, rounding=ROUND_CEILING)
    return {"rupiah": needed} if needed > 0 else {}


def _reference_apbd_realisation_pct(f: Facts, args: Mapping[str, str]) -> Observation:
    """APBD realisation computed on its own (the fused pass must equal it; tests compare)."""
    acts = f.seen.activities
    if acts is None:
        return unknown(missing("activities", "missing_activities_and_budgets"))
    year = f.year_of(args)
    planned = Decimal(0)
    realised = Decimal(0)
    undecided = []
    any_apbd = False
    for item in acts:
        i, a = item.index, item.record
        if a.fiscal_year != year:
            continue
        if a.funding_source is None:
            undecided.append(
                missing(
                    f"activities[{i}].funding_source",
                    "missing_funding_source_of_the_activity",
                )
            )
            continue
        if a.funding_source is not FundingSource.APBD_DISTRICT:
            continue
        any_apbd = True
        if a.planned is None or a.realised is None:
            undecided.append(
                missing(
                    f"activities[{i}].realised",
                    "missing_planned_and_realised_amounts_of_the",
                )
            )
            continue
        with wide():  # the sums are exact (the default context keeps only 28 digits)
            planned += a.planned
            realised += a.realised
    more = more_records(f, "activities")
    if more is not None:
        undecided.append(more)  # an APBD activity of the year may be missing from the list
    if undecided:
        return Observation(missing=tuple(undecided))
    if not any_apbd or planned == 0:
        return NOT_APPLICABLE
    ratio = percent(realised, planned, higher_is_better=True)
    return Observation(
        value=ratio,
        detail={"planned": planned, "realised": realised},
        notes=(realisation_band(ratio),),
    )


@indicator(
    "apbd_realisation_pct",
    type=ValueType.DECIMAL,
    unit="%",
    description=text("indicator_apbd_realisation_pct"),
    derivation=text("indicator_apbd_realisation_pct_derivation"),
    params=(YEAR,),
    also=_rupiah_gap,
)
def apbd_realisation_pct(f: Facts, args: Mapping[str, str]) -> Observation:
    if f.seen.activities is None:
        return unknown(missing("activities", "missing_activities_and_budgets"))
    return passes(f).activities().apbd(f.year_of(args))


def _reference_monitoring_covers_funding_groups(f: Facts, args: Mapping[str, str]) -> Observation:
    """Monitoring coverage with its own activity map (the indexed one must equal it)."""
    reports = f.seen.monitoring_reports
    if reports is None:
        return unknown(
            missing(
                "monitoring_reports",
                "missing_monitoring_reports_of_the_activities",
            )
        )
    year = f.year_of(args)
    source_of = {a.record.id: a.record.funding_source for a in f.seen.activities or ()}
    covered: set[FundingGroup] = set()
    for item in reports:
        rep = item.record
        if not rep.period_start.year <= year <= rep.period_end.year:
            continue
        covered.update(rep.funding_groups)
        covered.update(s.group for x in rep.activities if (s := source_of.get(x)) is not None)
    both = covered >= {FundingGroup.APBD, FundingGroup.NON_APBD}
    return flag(both, [], more=more_records(f, "monitoring_reports"))


@indicator(
    "monitoring_covers_funding_groups",
    type=ValueType.BOOLEAN,
    unit="",
    description=text("indicator_monitoring_covers_funding_groups"),
    derivation=text("indicator_monitoring_covers_funding_groups_derivation"),
    params=(YEAR,),
)
def monitoring_covers_funding_groups(f: Facts, args: Mapping[str, str]) -> Observation:
    reports = f.seen.monitoring_reports
    if reports is None:
        return unknown(
            missing(
                "monitoring_reports",
                "missing_monitoring_reports_of_the_activities",
            )
        )
    year = f.year_of(args)
    source_of = passes(f).activity_source()
    covered: set[FundingGroup] = set()
    for item in reports:
        rep = item.record
        if not rep.period_start.year <= year <= rep.period_end.year:
            continue
        covered.update(rep.funding_groups)
        covered.update(s.group for x in rep.activities if (s := source_of.get(x)) is not None)
    both = covered >= _BOTH_GROUPS
    return flag(both, [], more=more_records(f, "monitoring_reports"))
