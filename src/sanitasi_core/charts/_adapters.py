"""Chart inputs from the library's own objects: decisions, dossiers, household summaries.

The chart records of :mod:`sanitasi_core.charts._data` stay plain, so that any source can fill
them; these functions fill them from what the library computes, so that a chart shows exactly
the figures of the decisions and summaries it is drawn from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Protocol

from sanitasi_core.charts._checks import LEVELS, Area, Indicator
from sanitasi_core.charts._checks import Assistance as ChartAssistance
from sanitasi_core.charts._data import (
    AccessPoint,
    AccessSeries,
    AccessTarget,
    CriteriaOverview,
    DesignationMark,
    DistrictYears,
    HouseholdLadder,
    LadderShares,
    LevelCounts,
    LevelOverview,
    MilestoneCriteria,
    YearLevel,
)
from sanitasi_core.exceptions import NoRulebookInForceError, UnknownRegionError
from sanitasi_core.ladder import LadderSummary
from sanitasi_core.model import AccessRecord, AreaType, Dossier, NationalTarget, TargetIndicator
from sanitasi_core.regions import default_registry
from sanitasi_core.rules import Assistance, Decision, Outcome

__all__ = [
    "TARGET_HORIZON",
    "LevelTally",
    "access_from_dossier",
    "criteria_from_decision",
    "ladder_from_summary",
    "levels_from_decisions",
    "years_from_dossier",
]

TARGET_HORIZON = 5
"""By default, the access chart shows targets due at most this many years after the as-of year."""

_OUTCOME_FIELDS = {
    Outcome.PASS: "passed",
    Outcome.FAIL: "failed",
    Outcome.UNKNOWN: "unknown",
    Outcome.NOT_APPLICABLE: "not_applicable",
}

_TARGET_INDICATORS: dict[TargetIndicator, Indicator] = {
    TargetIndicator.LAYAK: "layak",
    TargetIndicator.SAFELY_MANAGED: "aman",
    TargetIndicator.OPEN_DEFECATION: "open_defecation",
}

_ASSISTANCE: dict[Assistance, ChartAssistance] = {
    Assistance.ASSISTED: "assisted",
    Assistance.POST_ASSISTANCE: "post_assistance",
    Assistance.UNKNOWN: "unknown",
}


class _Evaluator(Protocol):
    """What evaluates a dossier: a compiled rulebook or a rulebook set."""

    def evaluate(
        self, dossier: Dossier, *, as_of: dt.date, fiscal_year: int | None = None
    ) -> Decision: ...


def _level(level: object) -> str | None:
    return None if level is None else str(getattr(level, "value", level))


def _province_namer() -> Callable[[str], str]:
    registry = default_registry()

    def name(code: str) -> str:
        prefix = code.split(".", 1)[0][:2]
        try:
            return registry.province(prefix).name
        except UnknownRegionError:
            return prefix  # a code outside the registry still gets its own panel
        # (the dossier loader checks codes; a hand-built decision may carry any code)

    return name


class LevelTally:
    """Counts decisions by certain and possible level as they come, per province.

    A stream of decisions (a batch being written) is counted in memory that grows with the
    number of provinces, not of decisions: each decision counts once, as it is added.
    """

    def __init__(self) -> None:
        self._province: Callable[[str], str] | None = None
        self._groups: dict[str, tuple[dict[str, int], dict[str, int], list[int]]] = {}

    def add(self, decision: Decision) -> None:
        """Count *decision* under its province (named from the first two digits of its code)."""
        if self._province is None:
            self._province = _province_namer()  # the register is read on first use only
        group = self._province(decision.region.code)
        certain, possible, undecided = self._groups.setdefault(
            group, (dict.fromkeys(LEVELS, 0), dict.fromkeys(LEVELS, 0), [0])
        )
        low = _level(decision.certain_level) or "none"
        high = _level(decision.possible_level) or "none"
        certain[low] += 1
        possible[high] += 1
        undecided[0] += low != high

    def __len__(self) -> int:
        return sum(sum(certain.values()) for certain, _, _ in self._groups.values())

    def overview(self, *, by_province: bool = False, subject: str | None = None) -> LevelOverview:
        """The counts as a :class:`LevelOverview`: one panel per province (by name), or one.

        Raises:
            ValidationError: if nothing was counted (there is nothing to draw).
        """
        groups: list[tuple[str | None, dict[str, int], dict[str, int], int]] = []
        if by_province:
            for name in sorted(self._groups, key=lambda n: (n.casefold(), n)):
                certain, possible, undecided = self._groups[name]
                groups.append((name, certain, possible, undecided[0]))
        elif self._groups:
            low: dict[str, int] = dict.fromkeys(LEVELS, 0)
            high: dict[str, int] = dict.fromkeys(LEVELS, 0)
            for certain, possible, _ in self._groups.values():
                for level in LEVELS:
                    low[level] += certain[level]
                    high[level] += possible[level]
            total = sum(u[0] for _, _, u in self._groups.values())
            groups.append((None, low, high, total))
        return LevelOverview(
            subject=subject,
            groups=tuple(
                LevelCounts(group=name, certain=certain, possible=possible, undecided=undecided)
                for name, certain, possible, undecided in groups
            ),
        )


def levels_from_decisions(
    decisions: Iterable[Decision], *, by_province: bool = False, subject: str | None = None
) -> LevelOverview:
    """Count decisions by certain and possible level, for a :class:`LevelChart`.

    A district decided more than once (several dates) counts once, by its latest decision.

    Args:
        decisions: the decisions, e.g. a batch's.
        by_province: one panel per province (named from the official register by the first
            two digits of the region code), or one panel for all.
        subject: what the districts are, for the title.
    """
    latest: dict[str, Decision] = {}
    for decision in decisions:
        known = latest.get(decision.region.code)
        if known is None or (decision.as_of, decision.fiscal_year) >= (
            known.as_of,
            known.fiscal_year,
        ):
            latest[decision.region.code] = decision
    tally = LevelTally()
    for _, decision in sorted(latest.items()):
        tally.add(decision)
    return tally.overview(by_province=by_province, subject=subject)


def criteria_from_decision(decision: Decision, *, subject: str | None = None) -> CriteriaOverview:
    """Count one decision's criteria per milestone by outcome, for a :class:`CriteriaChart`.

    Only the top-level criteria of each milestone are counted (a group counts once, by its own
    outcome), as the decision reports show them.

    Args:
        decision: the decision.
        subject: for the title; by default the district's name and the as-of date.
    """
    rows = []
    for result in decision.milestones:
        counts = dict.fromkeys(_OUTCOME_FIELDS.values(), 0)
        for criterion in result.criteria:
            counts[_OUTCOME_FIELDS[criterion.outcome]] += 1
        rows.append(MilestoneCriteria(milestone=str(result.id.value), **counts))
    title = subject or f"{decision.region.name} ({decision.as_of.isoformat()})"
    return CriteriaOverview(subject=title, milestones=tuple(rows))


def years_from_dossier(
    dossier: Dossier,
    engine: _Evaluator,
    *,
    as_of: dt.date,
    years: Sequence[int] | None = None,
) -> DistrictYears:
    """Decide one district's level for each fiscal year, for a :class:`DistrictYearsChart`.

    Each year *y* is decided as it stood at its end: on 31 December of *y*, or on *as_of* for
    the year of *as_of*; nothing dated later is seen. Years in which no rulebook of *engine* is
    in force are left out (a gap in the chart).

    Args:
        dossier: the district's dossier.
        engine: a compiled rulebook or a rulebook set.
        as_of: the evaluation date; no year after it is decided.
        years: the fiscal years to decide; by default the five years up to that of *as_of*.

    Raises:
        ValidationError: if not one of the years can be decided.
    """
    chosen = sorted(set(years)) if years is not None else range(as_of.year - 4, as_of.year + 1)
    points = []
    for year in chosen:
        if year > as_of.year:
            continue
        on = min(as_of, dt.date(year, 12, 31))
        try:
            decision = engine.evaluate(dossier, as_of=on, fiscal_year=year)
        except NoRulebookInForceError:
            continue
        possible = _level(decision.possible_level) or "none"
        points.append(
            YearLevel(
                year=year,
                certain=_level(decision.certain_level) or "none",
                possible=possible,
                m4_year=decision.m4_year if possible == "M4" else None,
                assistance=_ASSISTANCE[decision.m4.assistance] if possible == "M4" else None,
            )
        )
    marks = {
        (d.decree.date.year, str(d.milestone.value))
        for d in dossier.designations or ()
        if d.decree.date is not None and d.decree.date <= as_of
    }
    return DistrictYears(
        district=dossier.region.name,
        years=tuple(points),
        designations=tuple(
            DesignationMark(year=year, milestone=milestone) for year, milestone in sorted(marks)
        ),
    )


def _seen_records(dossier: Dossier, as_of: dt.date) -> dict[int, AccessRecord]:
    """The district-wide access record of each year seen on *as_of* (latest published wins)."""
    chosen: dict[int, AccessRecord] = {}
    for record in dossier.access_records or ():
        if record.area is not AreaType.TOTAL or record.year > as_of.year:
            continue
        if record.published_on is not None and record.published_on > as_of:
            continue
        known = chosen.get(record.year)
        if known is None or (record.published_on or dt.date.min) >= (
            known.published_on or dt.date.min
        ):
            chosen[record.year] = record
    return chosen


def access_from_dossier(
    dossier: Dossier,
    *,
    as_of: dt.date,
    targets: Iterable[NationalTarget] = (),
    horizon: int = TARGET_HORIZON,
) -> AccessSeries:
    """Collect a district's access figures by year and the targets, for an :class:`AccessChart`.

    For each year, the district-wide record published by *as_of* is used (the latest published
    when there are several); *layak* is the published headline or the sum of its three rungs.
    Targets on *layak*, *aman* and open defecation are kept when district-wide and due from the
    first year shown up to *horizon* years after that of *as_of* (a long-term vision would
    otherwise stretch the axis); of two targets on one indicator and year, the first given wins.

    Args:
        dossier: the district's dossier.
        as_of: nothing published later is shown.
        targets: the national targets, e.g. those of every rulebook of ``default_rulebooks()``.
        horizon: how many years after *as_of* a target may be due and still be shown.
    """
    records = _seen_records(dossier, as_of)
    points = tuple(
        AccessPoint(
            year=year,
            layak=record.layak_share,
            aman=record.safely_managed,
            open_defecation=record.open_defecation,
        )
        for year, record in sorted(records.items())
    )
    first = min(records, default=as_of.year)
    kept: dict[tuple[Indicator, int], Decimal] = {}
    for target in targets:
        indicator = _TARGET_INDICATORS.get(target.indicator)
        if indicator is None or target.area is not AreaType.TOTAL:
            continue
        if first <= target.year <= as_of.year + horizon:
            kept.setdefault((indicator, target.year), target.value)
    return AccessSeries(
        subject=dossier.region.name,
        points=points,
        targets=tuple(
            AccessTarget(indicator=indicator, year=year, value=value)
            for (indicator, year), value in sorted(kept.items())
        ),
    )


def ladder_from_summary(summary: LadderSummary, *, subject: str | None = None) -> HouseholdLadder:
    """The household ladder of a summary by area, for a :class:`HouseholdLadderChart`.

    Areas with no household are left out; the shares are the summary's (2 places, adding up to
    100), ``unknown`` drawn apart.

    Args:
        summary: a ladder summary (``ladder.summarise`` or a household file's report).
        subject: whose households these are, for the title.
    """
    rows = []
    if summary.shares is not None:
        rows.append(LadderShares.from_shares("total", summary.shares))
    areas: tuple[Area, ...] = ("urban", "rural")
    for area in areas:
        part = summary.by_area.get(area)
        if part is not None and part.shares is not None:
            rows.append(LadderShares.from_shares(area, part.shares))
    return HouseholdLadder(subject=subject, rows=tuple(rows))
