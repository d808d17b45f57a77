"""Indicators of money and monitoring: APBD realisation (and its band), monitoring coverage."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_CEILING, Decimal
from typing import TYPE_CHECKING, Final

from sanitasi_core._messages import text
from sanitasi_core.indicators._core import (
    YEAR,
    Observation,
    ValueType,
    flag,
    indicator,
    missing,
    more_records,
    unknown,
    wide,
)
from sanitasi_core.indicators._passes import passes
from sanitasi_core.model import (
    FundingGroup,
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
