"""The district's programme history: its first M4 year, "M4 year *n*", assisted or not.

"M4 year *n*" counts programme years from the district's first M4 year and keeps counting after
assistance ends (Kalimantan Tengah reported years 2 to 5 in 2025, with only the newest cohort
assisted). It is read from the dossier's history, as seen on the evaluation date — designations,
stage reports, coaching clinics and evaluations — and never from which rulebook is in force, so
a change of rulebook cannot restart the count.

Signals, per programme year:

* an **explicit index** ("M4 tahun ke-3" in 2024) fixes the first M4 year (2022);
* **at M4** in year *Y* (an M4 designation or stage report, coaching clinic 6 or 7) means the
  first M4 year is *Y* or earlier; a **post-M4 evaluation** in *Y* means it is before *Y*;
* **before M4** in year *Y* (an M1-M3 designation or stage report, coaching clinics 1-5, a trial
  evaluation) means the first M4 year is after *Y*.

The first M4 year is known when explicit indices agree, or when the bounds meet (M1-M3 in 2023
and M4 in 2024); otherwise the year index is unknown and the decision gives the range it lies in.
Undated records do not count: they could be dated after the evaluation date.
"""

from __future__ import annotations

from enum import StrEnum

import attrs

from sanitasi_core._text import Text
from sanitasi_core.indicators._core import said
from sanitasi_core.indicators._seen import Seen
from sanitasi_core.model import EvaluationSubject, MeetingKind, Milestone

__all__ = ["Assistance", "M4Stage", "m4_stage"]

_M4_CLINICS = frozenset({6, 7})


class Assistance(StrEnum):
    """Whether the programme assisted the district in a year (*pendampingan*)."""

    ASSISTED = "assisted"  #: Assisted (*didampingi*): designated, or coached at a clinic.
    POST_ASSISTANCE = "post_assistance"  #: After assistance ended (e.g. a post-M4 evaluation).
    UNKNOWN = "unknown"  #: No source says, or sources disagree.


@attrs.frozen(kw_only=True)
class M4Stage:
    """Where the district stands among its M4 years in one fiscal year, from its history.

    Attributes:
        fiscal_year: the programme (fiscal) year described.
        first_year: the first M4 programme year, when the history fixes it.
        earliest: the earliest first M4 year the history allows (``None``: no lower bound).
        latest: the latest first M4 year the history allows (``None``: no M4 seen yet).
        year: "M4 year *n*" of :attr:`fiscal_year` (1 for the first M4 year); ``None`` when
            unknown or before M4.
        assistance: whether the year was assisted, post-assistance, or unknown.
        basis: what the reading rests on, one sentence per record used.
        conflicts: records that contradict each other (the reading then leaves them out).
    """

    fiscal_year: int
    first_year: int | None = None
    earliest: int | None = None
    latest: int | None = None
    year: int | None = None
    assistance: Assistance = Assistance.UNKNOWN
    basis: tuple[Text, ...] = ()
    conflicts: tuple[Text, ...] = ()

    @property
    def year_range(self) -> tuple[int, int | None] | None:
        """The range "M4 year *n*" lies in when it is not known exactly (``None``: no range).

        The upper end is ``None`` when the history gives no lower bound on the first M4 year.
        """
        if self.year is not None or self.latest is None or self.fiscal_year < self.latest:
            return None
        low = self.fiscal_year - self.latest + 1
        high = None if self.earliest is None else self.fiscal_year - self.earliest + 1
        return (low, high)


@attrs.define
class _Signals:
    """What the history says, per programme year (see the module docstring)."""

    firsts: dict[int, list[Text]] = attrs.field(factory=dict)  # first M4 year → sources
    at_m4: list[int] = attrs.field(factory=list)  # the first M4 year is this one or earlier
    before_m4: list[int] = attrs.field(factory=list)  # the first M4 year is after this one
    assisted: list[Text] = attrs.field(factory=list)  # assistance in the fiscal year
    post: list[Text] = attrs.field(factory=list)  # post-assistance in the fiscal year
    stated: dict[bool, list[Text]] = attrs.field(factory=lambda: {True: [], False: []})

    def stage(self, year: int, milestone: Milestone, m4_year: int | None, where: Text) -> None:
        if milestone is Milestone.M4:
            self.at_m4.append(year)
            if m4_year is not None:
                self.firsts.setdefault(year - m4_year + 1, []).append(where)
        else:
            self.before_m4.append(year)


def _signals(seen: Seen, fiscal_year: int) -> _Signals:
    found = _Signals()
    for item in seen.designations or ():
        d = item.record
        if not item.dated or d.programme_year is None:
            continue
        ref = d.decree.number or d.decree.kind.value
        where = said("history_designation", decree=ref, milestone=d.milestone.value)
        found.stage(d.programme_year, d.milestone, d.m4_year, where)
        if d.programme_year == fiscal_year:
            found.assisted.append(where)
    for reported in seen.stage_reports or ():
        r = reported.record
        where = said("history_stage", day=r.reported_on.isoformat(), milestone=r.milestone.value)
        found.stage(r.year, r.milestone, r.m4_year, where)
        if r.year == fiscal_year and r.assisted is not None:
            found.stated[r.assisted].append(where)
    for held in seen.meetings or ():
        m = held.record
        if m.kind is not MeetingKind.COACHING_CLINIC or m.clinic is None:
            continue
        (found.at_m4 if m.clinic in _M4_CLINICS else found.before_m4).append(m.date.year)
        if m.date.year == fiscal_year:
            found.assisted.append(said("history_clinic", clinic=m.clinic, day=m.date.isoformat()))
    for evaluated in seen.evaluations or ():
        e = evaluated.record
        year = e.evaluated_on.year
        if e.subject is EvaluationSubject.POST_M4:
            found.at_m4.append(year - 1)  # assistance had ended: M4 began before this year
            if year == fiscal_year:
                found.post.append(said("history_post_m4", day=e.evaluated_on.isoformat()))
        elif e.subject is EvaluationSubject.TRIAL:
            found.before_m4.append(year)
    return found


def _first_year(
    found: _Signals, basis: list[Text], conflicts: list[Text]
) -> tuple[int | None, int | None, int | None]:
    """The first M4 year when the history fixes it, and the bounds it lies in."""
    latest = min(found.at_m4, default=None)
    earlier = [y for y in found.before_m4 if latest is None or y < latest]
    if len(earlier) < len(found.before_m4):
        conflicts.append(said("history_conflict_order"))
    earliest = max(earlier) + 1 if earlier else None
    first: int | None = None
    if len(found.firsts) > 1:
        years = ", ".join(map(str, sorted(found.firsts)))
        conflicts.append(said("history_conflict_index", years=years))
    elif found.firsts:
        ((first, sources),) = found.firsts.items()
        basis.extend(sources)
    elif earliest is not None and earliest == latest:
        first = earliest
        basis.append(said("history_bounds", first=first))
    if first is not None:
        if (earliest is not None and first < earliest) or (latest is not None and first > latest):
            conflicts.append(said("history_conflict_bounds", first=first))
        earliest = latest = first
    return first, earliest, latest


def _assistance(
    found: _Signals, fiscal_year: int, basis: list[Text], conflicts: list[Text]
) -> Assistance:
    """Stated assistance first; else designations and clinics against post-M4 evaluations."""
    yes, no = found.stated[True], found.stated[False]
    if not (yes or no):
        yes, no = found.assisted, found.post
    if yes and no:
        conflicts.append(said("history_conflict_assistance", year=fiscal_year))
        return Assistance.UNKNOWN
    if yes or no:
        basis.extend(yes or no)
        return Assistance.ASSISTED if yes else Assistance.POST_ASSISTANCE
    return Assistance.UNKNOWN


def m4_stage(seen: Seen, fiscal_year: int) -> M4Stage:
    """Read the M4 history of the dossier seen on a date, for *fiscal_year*.

    Args:
        seen: the dossier as seen on the evaluation date.
        fiscal_year: the programme year to describe.
    """
    found = _signals(seen, fiscal_year)
    basis: list[Text] = []
    conflicts: list[Text] = []
    first, earliest, latest = _first_year(found, basis, conflicts)
    assistance = _assistance(found, fiscal_year, basis, conflicts)
    year = fiscal_year - first + 1 if first is not None and fiscal_year >= first else None
    return M4Stage(
        fiscal_year=fiscal_year,
        first_year=first,
        earliest=earliest,
        latest=latest,
        year=year,
        assistance=assistance,
        basis=tuple(dict.fromkeys(basis)),
        conflicts=tuple(conflicts),
    )
