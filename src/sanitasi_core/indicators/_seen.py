"""The dossier as seen on a date: the one filter that keeps records dated later out of sight.

Every indicator, count, analysis and the M4 history read a dossier through :func:`see`, never
the dossier itself, so nothing dated after the evaluation date can influence a decision. The
rule for each kind of record (which date counts) is written here once:

===================  =====================================================================
record               its date
===================  =====================================================================
designation          the decree's date; without one, the year in a Kemendagri decree number
working group        the date of its forming decree
meeting              its date
planning document    ``adopted_on``; without one, its ``year`` (or first period year)
policy instrument    the instrument's date
service phase        its start (an end after the date is not known yet: ongoing)
aspect assessment    ``assessed_on``
commitment           ``signed_on``
activity             its fiscal year (the budget exists from the year's start); its realised
                     amount and physical progress only from the year's last day

monitoring report    ``issued_on``; without one, the end of the period it reports on
evaluation           ``evaluated_on``
access record        ``published_on``; without one, the last day of its year
village ODF status   ``odf_verified_on`` (verified later: not ODF yet on the date)
EHRA survey, waste   the last day of their year (yearly figures are known when it ends)
stage report         ``reported_on``
NAWASIS entry        ``entered_on``
===================  =====================================================================

A record known to be dated later is dropped. A record whose date is not known precisely enough
stays, marked *undated* (:attr:`Item.dated` is false): the indicators then treat it as undecided
rather than guessing on which side of the date it lies. Items keep their index in the dossier, so
missing-input keys name the record as the document does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from operator import attrgetter
from typing import Generic, TypeVar

import attrs

from sanitasi_core.model import (
    AccessRecord,
    Activity,
    Commitment,
    Designation,
    Dossier,
    EhraAssessment,
    Evaluation,
    Meeting,
    MonitoringReport,
    NawasisEntry,
    PlanningDocument,
    Region,
    ServiceModel,
    StageReport,
    VillageRecord,
    WasteRecord,
    WorkingGroup,
)

__all__ = ["Item", "Seen", "see"]

T = TypeVar("T")
R = TypeVar("R")


def _trusted(record: R, **changes: object) -> R:
    """*record* with *changes*, copied without running its validators again.

    Only for changes that keep a valid record valid (a later date or amount removed, a
    sub-tuple of valid items): ``attrs.evolve`` would check every field anew, which is most of
    the cost of seeing a dossier. Tests check that the copy equals ``attrs.evolve``'s.
    """
    cls = record.__class__
    copy = object.__new__(cls)
    put = object.__setattr__
    for name in _field_names(cls):
        put(copy, name, changes[name] if name in changes else getattr(record, name))
    return copy


_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(a.name for a in attrs.fields(cls))
    return names


@attrs.frozen
class Item(Generic[T]):
    """A record of the dossier as seen on the date.

    Attributes:
        index: its index in the dossier's list (missing-input keys use it).
        record: the record, with its own later-dated parts removed.
        dated: whether it is known to be dated on or before the date (``False``: its date is
            not known precisely enough to tell).
    """

    index: int
    record: T
    dated: bool = True


Items = tuple[Item[T], ...] | None


def _by_day(
    records: tuple[T, ...] | None,
    as_of: dt.date,
    day: Callable[[T], tuple[dt.date, dt.date] | None],
) -> Items[T]:
    """Keep the records whose date window starts on or before *as_of*."""
    if records is None:
        return None
    out: list[Item[T]] = []
    for index, record in enumerate(records):
        window = day(record)
        if window is None:
            out.append(Item(index, record, dated=False))
        elif window[0] <= as_of:
            out.append(Item(index, record, dated=window[1] <= as_of))
    return tuple(out)


def _by_date(
    records: tuple[T, ...] | None, as_of: dt.date, day: Callable[[T], dt.date | None]
) -> Items[T]:
    """``_by_day`` with the window of one day (``_on``), written out: most records have one."""
    if records is None:
        return None
    out: list[Item[T]] = []
    for index, record in enumerate(records):
        when = day(record)
        if when is None:
            out.append(Item(index, record, dated=False))
        elif when <= as_of:
            out.append(Item(index, record))
    return tuple(out)


def _on(day: dt.date | None) -> tuple[dt.date, dt.date] | None:
    return None if day is None else (day, day)


def _in_year(year: int | None) -> tuple[dt.date, dt.date] | None:
    return None if year is None else (dt.date(year, 1, 1), dt.date(year, 12, 31))


def _document_window(doc: PlanningDocument) -> tuple[dt.date, dt.date] | None:
    if doc.adopted_on is not None:
        return doc.adopted_on, doc.adopted_on
    return _in_year(doc.year if doc.year is not None else doc.period_start)


def _year_end(year: int) -> tuple[dt.date, dt.date]:
    return (_last_day(year),) * 2


def _last_day(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def _activity(activity: Activity, as_of: dt.date) -> Activity:
    """Before its year has ended, what an activity realised is not known yet."""
    if as_of >= dt.date(activity.fiscal_year, 12, 31):
        return activity
    if activity.realised is None and activity.physical_progress is None:
        return activity
    return _trusted(activity, realised=None, physical_progress=None)


def _activities(activities: tuple[Activity, ...] | None, as_of: dt.date) -> Items[Activity]:
    """The activities of the years begun by *as_of*; what they realised once their year ended.

    The same as ``_by_day`` with the first day of the fiscal year, then :func:`_activity` on
    each, written out: a dossier holds dozens of activities and every evaluation sees them.
    """
    if activities is None:
        return None
    year = as_of.year
    # Fiscal years up to this one have ended by as_of (``as_of >= 31 Dec`` of the year).
    ended = year if (as_of.month, as_of.day) == (12, 31) else year - 1
    out: list[Item[Activity]] = []
    for index, a in enumerate(activities):
        fiscal = a.fiscal_year
        if fiscal > year:
            continue
        if fiscal > ended and (a.realised is not None or a.physical_progress is not None):
            a = _trusted(a, realised=None, physical_progress=None)  # noqa: PLW2901
        out.append(Item(index, a))
    return tuple(out)


def _service_model(model: ServiceModel, as_of: dt.date) -> ServiceModel:
    changed = False  # a flag, not a comparison of the tuples: most models are unchanged
    phases = model.phases
    if phases is not None:
        kept_phases = []
        for p in phases:
            if p.start is not None and p.start > as_of:
                changed = True
            elif p.end is not None and p.end > as_of:
                changed = True
                kept_phases.append(_trusted(p, end=None))
            else:
                kept_phases.append(p)
        phases = tuple(kept_phases) if changed else phases
    assessments = model.assessments
    if assessments is not None:
        kept = [a for a in assessments if a.assessed_on <= as_of]
        if len(kept) < len(assessments):
            changed = True
            assessments = tuple(kept)
    if not changed:
        return model
    return _trusted(model, phases=phases, assessments=assessments)


def _village(village: VillageRecord, as_of: dt.date) -> VillageRecord:
    verified = village.odf_verified_on
    if village.odf and verified is not None and verified > as_of:
        return attrs.evolve(village, odf=False, odf_verified_on=None)
    return village


@attrs.frozen(kw_only=True)
class Seen:
    """A dossier seen on :attr:`as_of`: each collection holds only what existed by then.

    Built by :func:`see`; the attributes mirror :class:`~sanitasi_core.model.Dossier`, each
    collection as a tuple of :class:`Item` (``None`` when the dossier does not report it).

    Attributes:
        as_of: the date.
        region: the district.
        fictional: whether the dossier is a made-up example.
        working_group: the Pokja; its forming decree removed when dated later.
        working_group_decree_later: whether a forming decree exists but is dated later.
        later_instruments: indices of planning documents whose adopting instrument is dated
            later (the instrument is removed from those documents).
        incomplete: the lists the dossier marks incomplete (a missing record is unknown).
    """

    as_of: dt.date
    region: Region
    fictional: bool
    incomplete: frozenset[str]
    designations: Items[Designation]
    stage_reports: Items[StageReport]
    working_group: WorkingGroup | None
    working_group_decree_later: bool
    meetings: Items[Meeting]
    documents: Items[PlanningDocument]
    later_instruments: frozenset[int]
    service_models: Items[ServiceModel]
    commitments: Items[Commitment]
    activities: Items[Activity]
    monitoring_reports: Items[MonitoringReport]
    evaluations: Items[Evaluation]
    access_records: Items[AccessRecord]
    villages: Items[VillageRecord]
    ehra: Items[EhraAssessment]
    waste_records: Items[WasteRecord]
    nawasis_entries: Items[NawasisEntry]

    def service_model(self, ident: str | None) -> ServiceModel | None:
        """Return the service model with id *ident* as seen, or ``None``."""
        if ident is None:
            return None
        return next((m.record for m in self.service_models or () if m.record.id == ident), None)

    def only_model(self, index: int) -> Seen:
        """Return this view with one service model, and no record linked to another model.

        Used by quantifiers (``some`` service model): a model qualifies on its own evidence.
        Records linked to no model stay visible to every model.
        """
        models = tuple(m for m in self.service_models or () if m.index == index)
        ident = models[0].record.id if models else None

        def mine(items: Items[T], link: Callable[[T], str | None]) -> Items[T]:
            if items is None:
                return None
            return tuple(i for i in items if link(i.record) in (None, ident))

        return _trusted(
            self,
            service_models=models,
            activities=mine(self.activities, lambda a: a.service_model),
            monitoring_reports=mine(self.monitoring_reports, lambda r: r.service_model),
            evaluations=mine(self.evaluations, lambda e: e.service_model),
        )


def see(dossier: Dossier, as_of: dt.date) -> Seen:
    """Return *dossier* as it was on *as_of*: nothing dated later is in it.

    Args:
        dossier: the dossier.
        as_of: the evaluation date.
    """
    group = dossier.working_group
    decree_later = False
    if group is not None and group.decree is not None and group.decree.date is not None:
        decree_later = group.decree.date > as_of
        group = attrs.evolve(group, decree=None) if decree_later else group
    documents = _by_day(dossier.documents, as_of, _document_window)
    later_instruments: set[int] = set()
    if documents is not None:
        kept = []
        for item in documents:
            instrument = item.record.instrument
            if instrument is not None and instrument.date is not None and instrument.date > as_of:
                later_instruments.add(item.index)
                kept.append(attrs.evolve(item, record=attrs.evolve(item.record, instrument=None)))
            else:
                kept.append(item)
        documents = tuple(kept)
    models = dossier.service_models
    return Seen(
        as_of=as_of,
        region=dossier.region,
        fictional=dossier.fictional,
        incomplete=frozenset(k.value for k in dossier.incomplete),
        designations=_by_day(dossier.designations, as_of, lambda d: d.decree.dated_between()),
        stage_reports=_by_date(dossier.stage_reports, as_of, attrgetter("reported_on")),
        working_group=group,
        working_group_decree_later=decree_later,
        meetings=_by_date(dossier.meetings, as_of, attrgetter("date")),
        documents=documents,
        later_instruments=frozenset(later_instruments),
        service_models=None
        if models is None
        else tuple(Item(i, _service_model(m, as_of)) for i, m in enumerate(models)),
        commitments=_by_date(dossier.commitments, as_of, attrgetter("signed_on")),
        activities=_activities(dossier.activities, as_of),
        monitoring_reports=_by_date(
            dossier.monitoring_reports, as_of, lambda r: r.issued_on or r.period_end
        ),
        evaluations=_by_date(dossier.evaluations, as_of, attrgetter("evaluated_on")),
        access_records=_by_date(
            dossier.access_records,
            as_of,
            lambda r: r.published_on or _last_day(r.year),
        ),
        villages=None
        if dossier.villages is None
        else tuple(Item(i, _village(v, as_of)) for i, v in enumerate(dossier.villages)),
        ehra=_by_date(dossier.ehra, as_of, lambda e: _last_day(e.year)),
        waste_records=_by_date(dossier.waste_records, as_of, lambda w: _last_day(w.year)),
        nawasis_entries=_by_date(dossier.nawasis_entries, as_of, attrgetter("entered_on")),
    )
