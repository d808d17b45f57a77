"""The input classes of the charts: plain, frozen records of exactly what each chart draws.

They hold no decision objects on purpose: an adapter from the library's decisions (or from a
spreadsheet) fills them, and the charts depend on nothing else. Percentages are ``Decimal``
(``int`` and decimal strings are converted; floats are refused), counts are ``int``. Levels are
written ``"none"``, ``"M1"`` … ``"M4"``; ``None`` and the library's ``Milestone`` members are
accepted and converted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from sanitasi_core import _validators as v
from sanitasi_core.charts._checks import (
    AREAS,
    ASSISTANCE,
    INDICATORS,
    LEVELS,
    MILESTONES,
    OUTCOMES,
    RUNGS,
    Area,
    Assistance,
    Indicator,
    Level,
    MilestoneLevel,
    check_count,
    check_counts,
    check_level,
    check_name,
    check_percent,
    error,
    not_empty,
    one_of,
    rank,
    to_counts,
    to_level,
    unique,
)

__all__ = [
    "AREAS",
    "INDICATORS",
    "LEVELS",
    "MILESTONES",
    "OUTCOMES",
    "RUNGS",
    "AccessPoint",
    "AccessSeries",
    "AccessTarget",
    "Area",
    "Assistance",
    "CriteriaOverview",
    "DesignationMark",
    "DistrictYears",
    "HouseholdLadder",
    "Indicator",
    "LadderShares",
    "Level",
    "LevelCounts",
    "LevelOverview",
    "MilestoneCriteria",
    "MilestoneLevel",
    "YearLevel",
]

_MAX_M4_YEAR: Final = 100  # an "M4 year n" beyond a century is a data error


# --------------------------------------------------------------------------------------------
# Levels of many districts (LevelChart)
# --------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class LevelCounts:
    """Districts of one group (a province, a batch) counted by milestone level.

    Every district is counted once by its certain level and once by its possible level, so both
    mappings add up to the same number of districts.

    Attributes:
        group: the group's name, e.g. a province (``"Kalimantan Timur"``); ``None`` when the
            counts cover every district of the chart.
        certain: districts per **certain** level (``"none"``, ``"M1"`` … ``"M4"``); a level that
            is not given counts 0.
        possible: districts per **possible** level, likewise.
        undecided: how many districts have a possible level above their certain level.
    """

    group: str | None = attrs.field(default=None, validator=check_name)
    certain: Mapping[Level, int] = attrs.field(converter=to_counts, validator=check_counts)
    possible: Mapping[Level, int] = attrs.field(converter=to_counts, validator=check_counts)
    undecided: int = attrs.field(validator=check_count)

    def __attrs_post_init__(self) -> None:
        total, other = sum(self.certain.values()), sum(self.possible.values())
        if total != other:
            raise error("possible", "chart_counts_mismatch", certain=total, possible=other)
        # At least as many districts differ as must move to turn one histogram into the other.
        low = sum(max(0, self.certain[k] - self.possible[k]) for k in LEVELS)
        if not low <= self.undecided <= total:
            raise error(
                "undecided", "chart_undecided_range", low=low, high=total, got=self.undecided
            )

    @property
    def total(self) -> int:
        """The number of districts counted."""
        return sum(self.certain.values())


@attrs.frozen(kw_only=True)
class LevelOverview:
    """The milestone levels of many districts: one group, or one group per province.

    Attributes:
        subject: what the districts are, for the title (``"Batch 2024"``, a province); optional.
        groups: the groups, drawn in this order; at least one, names unique.
    """

    subject: str | None = attrs.field(default=None, validator=check_name)
    groups: tuple[LevelCounts, ...] = attrs.field(
        converter=v.to_tuple, validator=v.instances(LevelCounts)
    )

    def __attrs_post_init__(self) -> None:
        not_empty("groups", self.groups)
        unique("groups", (g.group for g in self.groups))

    @classmethod
    def from_rows(
        cls,
        rows: Iterable[tuple[str, str, str | None, str | None]],
        *,
        subject: str | None = None,
        by_province: bool = True,
    ) -> LevelOverview:
        """Count districts given as ``(region code, province name, certain, possible)`` rows.

        Args:
            rows: one row per district; levels as for :class:`LevelCounts` (``None`` is none).
            subject: what the districts are, for the title.
            by_province: one group per province (sorted by name), or one group for all.

        Raises:
            ValidationError: a region code given twice, an unknown level, or a certain level
                above the possible level.
        """
        seen: set[str] = set()
        tallies: dict[str | None, tuple[dict[Level, int], dict[Level, int], list[int]]] = {}
        for index, (code, province, certain_, possible_) in enumerate(rows):
            certain, possible = to_level(certain_), to_level(possible_)
            path = f"rows[{index}]"
            if code in seen:
                raise error(path, "chart_duplicate", got=repr(code))
            seen.add(code)
            for level in (certain, possible):
                if level not in LEVELS:
                    raise error(path, "chart_level_invalid", got=repr(level))
            if rank(certain) > rank(possible):
                raise error(path, "chart_levels_order", certain=certain, possible=possible)
            key = province if by_province else None
            low, high, undecided = tallies.setdefault(
                key, (dict.fromkeys(LEVELS, 0), dict.fromkeys(LEVELS, 0), [0])
            )
            low[certain] += 1
            high[possible] += 1
            undecided[0] += certain != possible
        groups = [
            LevelCounts(group=key, certain=low, possible=high, undecided=undecided[0])
            for key, (low, high, undecided) in sorted(
                tallies.items(), key=lambda item: (str(item[0]).casefold(), str(item[0]))
            )
        ]
        return cls(subject=subject, groups=tuple(groups))


# --------------------------------------------------------------------------------------------
# One district over the years (DistrictYearsChart)
# --------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class YearLevel:
    """The level a district reached in one fiscal year (*tahun anggaran*).

    Attributes:
        year: the fiscal year.
        certain: the certain level (``"none"``, ``"M1"`` … ``"M4"``).
        possible: the possible level; at or above *certain*.
        m4_year: the "M4 year *n*" of the decision (1 for the first year at M4), if any; only
            when the possible level is M4.
        assistance: whether the year was ``"assisted"``, ``"post_assistance"`` or ``"unknown"``;
            ``None`` when it does not apply (no marker drawn).
    """

    year: int = attrs.field(validator=v.year)
    certain: Level = attrs.field(converter=to_level, validator=check_level)
    possible: Level = attrs.field(converter=to_level, validator=check_level)
    m4_year: int | None = attrs.field(
        default=None, validator=v.optional(v.integer(1, _MAX_M4_YEAR))
    )
    assistance: Assistance | None = attrs.field(
        default=None, validator=v.optional(one_of(ASSISTANCE))
    )

    def __attrs_post_init__(self) -> None:
        if rank(self.certain) > rank(self.possible):
            raise error(
                "certain", "chart_levels_order", certain=self.certain, possible=self.possible
            )
        if self.m4_year is not None and self.possible != "M4":
            raise error("m4_year", "chart_m4_year_level", got=self.m4_year, possible=self.possible)


@attrs.frozen(kw_only=True)
class DesignationMark:
    """A milestone designated by decree (*penetapan dengan SK*), marked on the year axis.

    Attributes:
        year: the year of the decree.
        milestone: the milestone designated, ``"M1"`` … ``"M4"``.
    """

    year: int = attrs.field(validator=v.year)
    milestone: MilestoneLevel = attrs.field(converter=to_level, validator=one_of(MILESTONES))


@attrs.frozen(kw_only=True)
class DistrictYears:
    """One district's levels over the fiscal years, with its designations.

    Attributes:
        district: the district's name, for the title (``"Kabupaten Mahakam Ulu"``).
        years: one entry per year with a decision; at least one, years unique, any order (drawn
            by year). A year without an entry is left as a gap.
        designations: the designations by decree; at most one per year and milestone.
    """

    district: str = attrs.field(validator=v.text_value)
    years: tuple[YearLevel, ...] = attrs.field(
        converter=v.to_tuple, validator=v.instances(YearLevel)
    )
    designations: tuple[DesignationMark, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.instances(DesignationMark)
    )

    def __attrs_post_init__(self) -> None:
        not_empty("years", self.years)
        unique("years", (y.year for y in self.years))
        unique("designations", ((d.year, d.milestone) for d in self.designations))


# --------------------------------------------------------------------------------------------
# Access against targets (AccessChart)
# --------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class AccessPoint:
    """The access shares of one year, in percent; ``None`` where the figure is not known.

    Attributes:
        year: the year of the figures.
        layak: households with improved sanitation (*akses layak*), %.
        aman: households with safely managed sanitation (*akses aman*), %.
        open_defecation: households defecating in the open (*BABS di tempat terbuka*), %.
    """

    year: int = attrs.field(validator=v.year)
    layak: Decimal | None = attrs.field(
        default=None, converter=v.to_optional_decimal, validator=check_percent
    )
    aman: Decimal | None = attrs.field(
        default=None, converter=v.to_optional_decimal, validator=check_percent
    )
    open_defecation: Decimal | None = attrs.field(
        default=None, converter=v.to_optional_decimal, validator=check_percent
    )

    def value(self, indicator: Indicator) -> Decimal | None:
        """Return the share of *indicator* (``"layak"``, ``"aman"``, ``"open_defecation"``)."""
        found: Decimal | None = getattr(self, indicator)
        return found


@attrs.frozen(kw_only=True)
class AccessTarget:
    """A dated national target, e.g. 90 % *akses layak* by 2024 (RPJMN 2020-2024).

    Attributes:
        indicator: ``"layak"``, ``"aman"`` or ``"open_defecation"``.
        year: the year by which it is due.
        value: the target share, %.
    """

    indicator: Indicator = attrs.field(validator=one_of(INDICATORS))
    year: int = attrs.field(validator=v.year)
    value: Decimal = attrs.field(converter=v.to_decimal, validator=v.percentage)


@attrs.frozen(kw_only=True)
class AccessSeries:
    """A district's (or the nation's) access figures by year, with the targets to compare.

    Attributes:
        subject: whose figures these are, for the title; optional.
        points: the figures, one per year (years unique, any order).
        targets: the targets; at most one per indicator and year.
    """

    subject: str | None = attrs.field(default=None, validator=check_name)
    points: tuple[AccessPoint, ...] = attrs.field(
        converter=v.to_tuple, validator=v.instances(AccessPoint)
    )
    targets: tuple[AccessTarget, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.instances(AccessTarget)
    )

    def __attrs_post_init__(self) -> None:
        not_empty("points", self.points, self.targets)
        unique("points", (p.year for p in self.points))
        unique("targets", ((t.indicator, t.year) for t in self.targets))


# --------------------------------------------------------------------------------------------
# The household ladder (HouseholdLadderChart)
# --------------------------------------------------------------------------------------------


def _share() -> Any:
    return attrs.field(default=Decimal(0), converter=v.to_decimal, validator=v.percentage)


@attrs.frozen(kw_only=True)
class LadderShares:
    """The shares of households on each rung of the sanitation ladder in one area, in percent.

    The shares add up to at most 100; what is short of 100 is drawn as an empty, outlined part.

    Attributes:
        area: ``"total"``, ``"urban"`` (*perkotaan*) or ``"rural"`` (*perdesaan*).
        safely_managed: *akses aman*, %.
        basic: *layak sendiri*, %.
        limited: *layak bersama*, %.
        unimproved: *belum layak*, %.
        open_defecation: *BABS di tempat terbuka*, %.
        unknown: households whose rung is not known, %; drawn apart, never on a rung.
    """

    area: Area = attrs.field(validator=one_of(AREAS))
    safely_managed: Decimal = _share()
    basic: Decimal = _share()
    limited: Decimal = _share()
    unimproved: Decimal = _share()
    open_defecation: Decimal = _share()
    unknown: Decimal = _share()

    def __attrs_post_init__(self) -> None:
        if self.total > 100:
            raise error("unknown", "chart_shares_total", got=self.total)

    @property
    def total(self) -> Decimal:
        """The sum of the shares, ``unknown`` included."""
        return sum((self.share(key) for key in (*RUNGS, "unknown")), Decimal(0))

    def share(self, key: str) -> Decimal:
        """Return the share of rung *key* (or ``"unknown"``)."""
        found: Decimal = getattr(self, key)
        return found

    @classmethod
    def from_shares(cls, area: Area, shares: Mapping[str, Decimal]) -> LadderShares:
        """Build from a mapping keyed by rung name (and ``unknown``), e.g. a ladder summary's.

        Raises:
            ValidationError: if a share is not a percentage, or they add up to more than 100.
        """
        return cls(area=area, **{key: shares.get(key, Decimal(0)) for key in (*RUNGS, "unknown")})


@attrs.frozen(kw_only=True)
class HouseholdLadder:
    """The sanitation ladder of one district (or survey) by area.

    Attributes:
        subject: whose households these are, for the title; optional.
        rows: one entry per area, drawn total, urban, rural; at least one, areas unique.
    """

    subject: str | None = attrs.field(default=None, validator=check_name)
    rows: tuple[LadderShares, ...] = attrs.field(
        converter=v.to_tuple, validator=v.instances(LadderShares)
    )

    def __attrs_post_init__(self) -> None:
        not_empty("rows", self.rows)
        unique("rows", (r.area for r in self.rows))


# --------------------------------------------------------------------------------------------
# Criteria of one decision (CriteriaChart)
# --------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class MilestoneCriteria:
    """How the criteria of one milestone came out.

    Attributes:
        milestone: ``"M1"`` … ``"M4"``.
        passed: criteria met (*terpenuhi*).
        failed: criteria not met (*tidak terpenuhi*).
        unknown: criteria undecided for want of data (*belum diketahui*).
        not_applicable: criteria that do not apply (*tidak berlaku*).
    """

    milestone: MilestoneLevel = attrs.field(converter=to_level, validator=one_of(MILESTONES))
    passed: int = attrs.field(default=0, validator=check_count)
    failed: int = attrs.field(default=0, validator=check_count)
    unknown: int = attrs.field(default=0, validator=check_count)
    not_applicable: int = attrs.field(default=0, validator=check_count)

    @property
    def total(self) -> int:
        """The number of criteria."""
        return self.passed + self.failed + self.unknown + self.not_applicable

    def count(self, outcome: str) -> int:
        """Return the count of *outcome* (``"passed"``, ``"failed"``, ``"unknown"``, …)."""
        found: int = getattr(self, outcome)
        return found


@attrs.frozen(kw_only=True)
class CriteriaOverview:
    """The criteria outcomes of one decision, per milestone.

    Attributes:
        subject: whose decision it is, for the title (a district, a date); optional.
        milestones: one entry per milestone, drawn M1 … M4; at least one, milestones unique.
    """

    subject: str | None = attrs.field(default=None, validator=check_name)
    milestones: tuple[MilestoneCriteria, ...] = attrs.field(
        converter=v.to_tuple, validator=v.instances(MilestoneCriteria)
    )

    def __attrs_post_init__(self) -> None:
        not_empty("milestones", self.milestones)
        unique("milestones", (m.milestone for m in self.milestones))
