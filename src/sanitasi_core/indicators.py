"""The typed indicator catalogue: every name a rule may use, and how it is derived.

An indicator turns a dossier, seen as of a date, into one :class:`Observation`: a value, or
*unknown* with the missing inputs named, or *known to be absent*, or *not applicable*. Nothing
missing is ever read as zero. Records dated after the ``as_of`` date are invisible: the engine
never looks into the future.

Indicators are computed lazily and at most once per evaluation (:class:`Facts` memoises them).
"""

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from enum import StrEnum
from typing import Any, Final

import attrs
from dateutil.relativedelta import relativedelta

from sanitasi_core._text import Text
from sanitasi_core.model import (
    DEFAULT_ASPECTS,
    AccessRecord,
    Activity,
    AreaType,
    DocumentKind,
    Dossier,
    EvaluationSubject,
    FundingGroup,
    FundingSource,
    InstrumentKind,
    Scale,
    ServiceModel,
    ServicePhase,
)

__all__ = [
    "CATALOGUE",
    "MATURITY_SCALE",
    "Direction",
    "Facts",
    "IndicatorSpec",
    "MaturityScale",
    "MissingInput",
    "Observation",
    "Param",
    "ValueType",
    "catalogue_as_json",
]

_HUNDRED = Decimal(100)


class ValueType(StrEnum):
    """The type of an indicator's value."""

    BOOLEAN = "boolean"  #: Yes or no (a fact is there or not).
    DECIMAL = "decimal"  #: An exact decimal, e.g. a percentage.
    COUNT = "count"  #: A whole number of records or months.


class Direction(StrEnum):
    """Which way is better, used for gaps and for monotonicity."""

    HIGHER = "higher"  #: Higher is better.
    LOWER = "lower"  #: Lower is better.


@attrs.frozen(kw_only=True)
class MissingInput:
    """An input that, if reported, would help decide a criterion.

    Attributes:
        key: a stable path-like key into the dossier, e.g. ``working_group.decree``.
        text: what to provide, in both languages.
    """

    key: str
    text: Text


@attrs.frozen(kw_only=True)
class Observation:
    """What an indicator saw.

    Attributes:
        value: the value, or its lower bound for a count that is partly unknown; ``None`` when
            unknown or absent.
        upper: for a count, its upper bound when some records are undecided.
        absent: the fact is known not to exist (e.g. the aspect was never assessed).
        not_applicable: the indicator does not apply (e.g. no APBD activity that year).
        missing: inputs whose absence makes the value unknown.
        detail: supporting quantities (e.g. ``planned`` and ``realised`` Rupiah, ``households``).
    """

    value: bool | Decimal | int | None = None
    upper: int | None = None
    absent: bool = False
    not_applicable: bool = False
    missing: tuple[MissingInput, ...] = ()
    detail: Mapping[str, Decimal] = attrs.field(factory=dict)

    @property
    def known(self) -> bool:
        """Whether the value is fully known."""
        return self.value is not None and (self.upper is None or self.upper == self.value)


@attrs.frozen(kw_only=True)
class Param:
    """A parameter an indicator takes in a rule (``args``)."""

    name: str
    choices: tuple[str, ...]
    default: str | None = None
    description: Text


@attrs.frozen(kw_only=True)
class IndicatorSpec:
    """The declaration of one indicator.

    Attributes:
        name: the name rules use.
        type: boolean, decimal or count.
        unit: the unit of the value (``%``, ``pp``, ``points``, ``records``, ``months``, ``""``).
        direction: whether higher or lower is better.
        description: what it is, in both languages.
        derivation: how it is derived from the dossier, in both languages.
        quantum: the smallest meaningful step of the value (for gaps on strict comparisons).
        params: the parameters it takes.
    """

    name: str
    type: ValueType
    unit: str
    direction: Direction
    description: Text
    derivation: Text
    quantum: Decimal = Decimal("0.01")
    params: tuple[Param, ...] = ()
    compute: Callable[["Facts", Mapping[str, str]], Observation] = attrs.field(eq=False, repr=False)


class Facts:
    """A dossier seen on a date; computes each indicator once, on first use.

    Args:
        dossier: the dossier.
        as_of: the evaluation date; nothing dated later is seen.
    """

    __slots__ = ("_cache", "as_of", "dossier", "year")

    def __init__(self, dossier: Dossier, as_of: dt.date) -> None:
        self.dossier = dossier
        self.as_of = as_of
        self.year = as_of.year
        self._cache: dict[tuple[str, tuple[tuple[str, str], ...]], Observation] = {}

    @staticmethod
    def key(
        name: str, args: Mapping[str, str] | None = None
    ) -> tuple[str, tuple[tuple[str, str], ...]]:
        """Return the memo key of indicator *name* with *args* (compute it once, reuse it)."""
        return (name, tuple(sorted((args or {}).items())))

    def observe(self, name: str, args: Mapping[str, str] | None = None) -> Observation:
        """Return indicator *name* with *args*, computing it at most once."""
        return self.lookup(self.key(name, args), name, args or {})

    def lookup(
        self, key: tuple[str, tuple[tuple[str, str], ...]], name: str, args: Mapping[str, str]
    ) -> Observation:
        """Return the indicator under a precomputed *key* (see :meth:`key`), computing it once."""
        found = self._cache.get(key)
        if found is None:
            found = CATALOGUE[name].compute(self, args)
            self._cache[key] = found
        return found

    def year_of(self, args: Mapping[str, str]) -> int:
        """Resolve the ``year`` argument: the evaluation year or the one before."""
        return self.year - 1 if args.get("year") == "previous" else self.year


# --------------------------------------------------------------------------------------------
# Helpers shared by derivations
# --------------------------------------------------------------------------------------------


_CENT = Decimal("0.01")


def _percent(part: Decimal, whole: Decimal, *, higher_is_better: bool) -> Decimal:
    """Return ``part / whole × 100`` to 0.01, rounded towards the unfavourable side.

    Rounding then never lets a value pass a threshold that the exact value fails: 79.995 % of
    planned stays below 80 %.
    """
    rounding = ROUND_FLOOR if higher_is_better else ROUND_CEILING
    return (part * _HUNDRED / whole).quantize(_CENT, rounding=rounding)


def _missing(key: str, id_: str, en: str) -> MissingInput:
    return MissingInput(key=key, text=Text(id=id_, en=en))


def _unknown(*missing: MissingInput) -> Observation:
    return Observation(missing=missing)


def _flag(found: bool, undecided: list[MissingInput]) -> Observation:
    """Combine a yes/no fact over records: yes, else unknown if any is undecided, else no."""
    if found:
        return Observation(value=True)
    if undecided:
        return Observation(missing=tuple(undecided))
    return Observation(value=False)


def _count(sure: int, undecided: list[MissingInput]) -> Observation:
    if undecided:
        return Observation(value=sure, upper=sure + len(undecided), missing=tuple(undecided))
    return Observation(value=sure)


def _on_or_before(day: dt.date | None, as_of: dt.date) -> bool | None:
    return None if day is None else day <= as_of


_REGIONAL_HEAD_TEXT = ("kepala daerah", "regional head")
_POLICY_INSTRUMENTS: Final = frozenset(
    {
        InstrumentKind.PERDA,
        InstrumentKind.PERBUP,
        InstrumentKind.PERWALI,
        InstrumentKind.SK,
        InstrumentKind.SE,
        InstrumentKind.INSTRUKSI,
    }
)


# --------------------------------------------------------------------------------------------
# Derivations
# --------------------------------------------------------------------------------------------


def _designated(f: Facts, _: Mapping[str, str]) -> Observation:
    items = f.dossier.designations
    if items is None:
        return _unknown(
            _missing(
                "designations",
                "keputusan penetapan lokasi (Kepmendagri)",
                "the designation decree (Kepmendagri)",
            )
        )
    undecided = []
    for i, d in enumerate(items):
        seen = _on_or_before(d.decree.date, f.as_of)
        if seen:
            return Observation(value=True)
        if seen is None and d.year <= f.year:
            undecided.append(
                _missing(
                    f"designations[{i}].decree.date",
                    "tanggal keputusan penetapan",
                    "the date of the designation decree",
                )
            )
    return _flag(False, undecided)


def _working_group(f: Facts, _: Mapping[str, str]) -> Observation:
    group = f.dossier.working_group
    if group is None:
        return _unknown(_missing("working_group", "data Pokja", "the working group (Pokja)"))
    if group.decree is None:
        return _unknown(
            _missing(
                "working_group.decree",
                "SK pembentukan Pokja",
                "the decree forming the working group",
            )
        )
    seen = _on_or_before(group.decree.date, f.as_of)
    if seen is None:
        return _unknown(
            _missing(
                "working_group.decree.date",
                "tanggal SK pembentukan Pokja",
                "the date of the decree forming the working group",
            )
        )
    return Observation(value=seen)


_DOCS_MISSING = ("documents", "dokumen perencanaan", "the planning documents")


def _ssk_covers(f: Facts, args: Mapping[str, str]) -> Observation:
    docs = f.dossier.documents
    if docs is None:
        return _unknown(_missing(*_DOCS_MISSING))
    year = f.year_of(args)
    undecided = []
    for i, doc in enumerate(docs):
        if doc.kind is not DocumentKind.SSK:
            continue
        covers = doc.covers_year(year)
        if covers:
            return Observation(value=True)
        if covers is None:
            undecided.append(
                _missing(f"documents[{i}].period_start", "periode SSK", "the period of the SSK")
            )
    return _flag(False, undecided)


def _document_seen(f: Facts, index: int, doc: Any) -> tuple[bool | None, MissingInput | None]:
    if doc.adopted_on is not None:
        return doc.adopted_on <= f.as_of, None
    year = doc.year if doc.year is not None else doc.period_start
    if year is not None and year < f.year:
        return True, None
    if year is not None and year > f.year:
        return False, None
    return None, _missing(
        f"documents[{index}].adopted_on",
        "tanggal penetapan dokumen",
        "the date the document was adopted",
    )


def _has_document(
    kinds: frozenset[DocumentKind],
) -> Callable[[Facts, Mapping[str, str]], Observation]:
    def derive(f: Facts, _: Mapping[str, str]) -> Observation:
        docs = f.dossier.documents
        if docs is None:
            return _unknown(_missing(*_DOCS_MISSING))
        undecided: list[MissingInput] = []
        for i, doc in enumerate(docs):
            if doc.kind not in kinds:
                continue
            seen, why = _document_seen(f, i, doc)
            if seen:
                return Observation(value=True)
            if why is not None:
                undecided.append(why)
        return _flag(False, undecided)

    return derive


def _policy_adopted(f: Facts, _: Mapping[str, str]) -> Observation:
    docs = f.dossier.documents
    if docs is None:
        return _unknown(_missing(*_DOCS_MISSING))
    undecided = []
    for i, doc in enumerate(docs):
        if doc.kind is not DocumentKind.POLICY_PACKAGE:
            continue
        if doc.instrument is None:
            undecided.append(
                _missing(
                    f"documents[{i}].instrument",
                    "produk hukum yang menetapkan paket kebijakan",
                    "the legal instrument adopting the policy package",
                )
            )
            continue
        if doc.instrument.kind not in _POLICY_INSTRUMENTS:
            continue
        seen = _on_or_before(doc.instrument.date, f.as_of)
        if seen:
            return Observation(value=True)
        if seen is None:
            undecided.append(
                _missing(
                    f"documents[{i}].instrument.date",
                    "tanggal produk hukum paket kebijakan",
                    "the date of the instrument adopting the policy package",
                )
            )
    return _flag(False, undecided)


_COMMITMENTS_MISSING = ("commitments", "komitmen yang ditandatangani", "the signed commitments")


def _commitment(in_year: bool) -> Callable[[Facts, Mapping[str, str]], Observation]:
    def derive(f: Facts, args: Mapping[str, str]) -> Observation:
        items = f.dossier.commitments
        if items is None:
            return _unknown(_missing(*_COMMITMENTS_MISSING))
        year = f.year_of(args)
        found = any(
            c.office.is_regional_head
            and c.signed_on <= f.as_of
            and (not in_year or year in {c.signed_on.year, c.year})
            for c in items
        )
        return Observation(value=found)

    return derive


def _months_since_commitment(f: Facts, _: Mapping[str, str]) -> Observation:
    items = f.dossier.commitments
    if items is None:
        return _unknown(_missing(*_COMMITMENTS_MISSING))
    dates = [c.signed_on for c in items if c.office.is_regional_head and c.signed_on <= f.as_of]
    if not dates:
        return Observation(absent=True)
    delta = relativedelta(f.as_of, max(dates))
    return Observation(value=delta.years * 12 + delta.months)


_MODELS_MISSING = ("service_models", "model layanan", "the service models")
_ACTIVITIES_MISSING = (
    "activities",
    "daftar kegiatan dan anggarannya",
    "the activities and their budgets",
)


def _trial_phase(model: ServiceModel) -> ServicePhase | None:
    return next((p for p in model.phases or () if p.scale is Scale.TRIAL), None)


def _trial_models(f: Facts, _: Mapping[str, str]) -> Observation:
    models = f.dossier.service_models
    if models is None:
        return _unknown(_missing(*_MODELS_MISSING))
    sure = 0
    undecided = []
    for i, m in enumerate(models):
        if m.phases is None:
            undecided.append(
                _missing(
                    f"service_models[{i}].phases",
                    "tahap dan skala layanan",
                    "the phases and scale of the service",
                )
            )
            continue
        trial = _trial_phase(m)
        if trial is None:
            continue
        seen = _on_or_before(trial.start, f.as_of)
        if seen:
            sure += 1
        elif seen is None:
            undecided.append(
                _missing(
                    f"service_models[{i}].phases.start",
                    "tanggal mulai uji coba",
                    "the start date of the trial",
                )
            )
    return _count(sure, undecided)


def _linked_activities(f: Facts) -> list[tuple[int, Activity]] | None:
    acts = f.dossier.activities
    if acts is None:
        return None
    return [
        (i, a)
        for i, a in enumerate(acts)
        if a.service_model is not None and a.fiscal_year <= f.year
    ]


def _funded_activities(f: Facts, _: Mapping[str, str]) -> Observation:
    linked = _linked_activities(f)
    if linked is None:
        return _unknown(_missing(*_ACTIVITIES_MISSING))
    sure = 0
    undecided = []
    for i, a in linked:
        if a.planned is None or a.funding_source is None:
            undecided.append(
                _missing(
                    f"activities[{i}].planned",
                    "pagu dan sumber dana kegiatan",
                    "the planned amount and funding source",
                )
            )
        else:
            sure += 1
    return _count(sure, undecided)


def _planned_in_activities(f: Facts, _: Mapping[str, str]) -> Observation:
    linked = _linked_activities(f)
    if linked is None:
        return _unknown(_missing(*_ACTIVITIES_MISSING))
    sure = 0
    undecided = []
    for i, a in linked:
        if a.planned_in is None:
            undecided.append(
                _missing(
                    f"activities[{i}].planned_in",
                    "dokumen RKPD/Renja/DPA kegiatan",
                    "the annual plans (RKPD/Renja/DPA) of the activity",
                )
            )
        elif a.planned_in:
            sure += 1
    return _count(sure, undecided)


def _trial_years(f: Facts, model: ServiceModel) -> range | None:
    trial = _trial_phase(model)
    if trial is None or trial.start is None:
        return None
    end = trial.end.year if trial.end is not None else f.year
    return range(trial.start.year, min(end, f.year) + 1)


def _trial_realised(f: Facts, _: Mapping[str, str]) -> Observation:
    linked = _linked_activities(f)
    if linked is None:
        return _unknown(_missing(*_ACTIVITIES_MISSING))
    sure = 0
    undecided = []
    for i, a in linked:
        model = f.dossier.service_model(a.service_model or "")
        years = _trial_years(f, model) if model is not None else None
        if years is None or a.fiscal_year not in years:
            continue
        if a.realised is None:
            undecided.append(
                _missing(
                    f"activities[{i}].realised",
                    "realisasi kegiatan uji coba",
                    "the realised amount of the trial activity",
                )
            )
        elif a.realised > 0:
            sure += 1
    return _count(sure, undecided)


def _overlaps(start: dt.date, end: dt.date, years: range) -> bool:
    return start.year <= years[-1] and end.year >= years[0] if years else False


def _trial_monitoring(f: Facts, _: Mapping[str, str]) -> Observation:
    reports = f.dossier.monitoring_reports
    if reports is None:
        return _unknown(
            _missing(
                "monitoring_reports",
                "laporan monitoring uji coba",
                "the monitoring report of the trial",
            )
        )
    activity_model = {a.id: a.service_model for a in f.dossier.activities or ()}
    count = 0
    for rep in reports:
        if rep.period_start > f.as_of:
            continue
        models = {rep.service_model} | {activity_model.get(x) for x in rep.activities}
        for ident in models - {None}:
            model = f.dossier.service_model(ident or "")
            years = _trial_years(f, model) if model is not None else None
            if years and _overlaps(rep.period_start, rep.period_end, years):
                count += 1
                break
    return Observation(value=count)


def _trial_evaluations(f: Facts, _: Mapping[str, str]) -> Observation:
    items = f.dossier.evaluations
    if items is None:
        return _unknown(_missing("evaluations", "evaluasi uji coba", "the evaluation of the trial"))
    sure = 0
    undecided = []
    for i, ev in enumerate(items):
        if ev.subject is not EvaluationSubject.TRIAL or ev.evaluated_on > f.as_of:
            continue
        if ev.lessons is None:
            undecided.append(
                _missing(
                    f"evaluations[{i}].lessons",
                    "pembelajaran dari evaluasi uji coba",
                    "the lessons of the trial evaluation",
                )
            )
        elif ev.lessons:
            sure += 1
    return _count(sure, undecided)


def _aspect_score(f: Facts, args: Mapping[str, str]) -> Observation:
    aspect = args["aspect"]
    models = f.dossier.service_models
    if models is None:
        return _unknown(_missing(*_MODELS_MISSING))
    year = f.year_of(args)
    best: Decimal | None = None
    undecided = []
    for i, m in enumerate(models):
        if m.assessments is None:
            undecided.append(
                _missing(
                    f"service_models[{i}].assessments",
                    "penilaian aspek model layanan",
                    "the aspect assessments of the service model",
                )
            )
            continue
        scored = [
            a
            for a in m.assessments
            if a.aspect == aspect and a.assessed_on.year == year and a.assessed_on <= f.as_of
        ]
        if scored:
            latest = max(scored, key=lambda a: a.assessed_on).score
            best = latest if best is None else max(best, latest)
    if undecided:
        # Another model's unreported assessment could score higher: the best is a lower bound.
        return Observation(
            missing=tuple(undecided), detail={"lower_bound": best} if best is not None else {}
        )
    if best is None:
        return Observation(absent=True)
    return Observation(value=best)


def _area_expanded(f: Facts, _: Mapping[str, str]) -> Observation:
    models = f.dossier.service_models
    if models is None:
        return _unknown(_missing(*_MODELS_MISSING))
    undecided = []
    for i, m in enumerate(models):
        if m.phases is None:
            undecided.append(
                _missing(
                    f"service_models[{i}].phases",
                    "tahap dan skala layanan",
                    "the phases and scale of the service",
                )
            )
            continue
        if _trial_phase(m) is None:
            continue
        for p in m.phases:
            if p.scale is Scale.TRIAL:
                continue
            seen = _on_or_before(p.start, f.as_of)
            if seen:
                return Observation(value=True)
            if seen is None:
                undecided.append(
                    _missing(
                        f"service_models[{i}].phases.start",
                        "tanggal mulai skala diperluas",
                        "the start of the expanded phase",
                    )
                )
    return _flag(False, undecided)


def _apbd_realisation(f: Facts, args: Mapping[str, str]) -> Observation:
    acts = f.dossier.activities
    if acts is None:
        return _unknown(_missing(*_ACTIVITIES_MISSING))
    year = f.year_of(args)
    planned = Decimal(0)
    realised = Decimal(0)
    undecided = []
    any_apbd = False
    for i, a in enumerate(acts):
        if a.fiscal_year != year:
            continue
        if a.funding_source is None:
            undecided.append(
                _missing(
                    f"activities[{i}].funding_source",
                    "sumber dana kegiatan",
                    "the funding source of the activity",
                )
            )
            continue
        if a.funding_source is not FundingSource.APBD_DISTRICT:
            continue
        any_apbd = True
        if a.planned is None or a.realised is None:
            undecided.append(
                _missing(
                    f"activities[{i}].realised",
                    "pagu dan realisasi kegiatan APBD",
                    "the planned and realised amounts of the APBD activity",
                )
            )
            continue
        planned += a.planned
        realised += a.realised
    if undecided:
        return Observation(missing=tuple(undecided))
    if not any_apbd or planned == 0:
        return Observation(not_applicable=True)
    ratio = _percent(realised, planned, higher_is_better=True)
    return Observation(value=ratio, detail={"planned": planned, "realised": realised})


def _funding_groups_monitored(f: Facts, args: Mapping[str, str]) -> Observation:
    reports = f.dossier.monitoring_reports
    if reports is None:
        return _unknown(
            _missing(
                "monitoring_reports",
                "laporan monitoring kegiatan",
                "the monitoring reports of the activities",
            )
        )
    year = f.year_of(args)
    source_of = {a.id: a.funding_source for a in f.dossier.activities or ()}
    covered: set[FundingGroup] = set()
    for rep in reports:
        if rep.period_start > f.as_of or not (rep.period_start.year <= year <= rep.period_end.year):
            continue
        covered.update(rep.funding_groups)
        covered.update(s.group for x in rep.activities if (s := source_of.get(x)) is not None)
    return Observation(value=covered >= {FundingGroup.APBD, FundingGroup.NON_APBD})


def _model_evaluated(f: Facts, args: Mapping[str, str]) -> Observation:
    items = f.dossier.evaluations
    if items is None:
        return _unknown(
            _missing("evaluations", "evaluasi model layanan", "the evaluation of the service model")
        )
    year = f.year_of(args)
    subjects = {EvaluationSubject.SERVICE_MODEL, EvaluationSubject.POST_M4}
    found = any(
        ev.subject in subjects
        and ev.evaluated_on.year == year
        and ev.evaluated_on <= f.as_of
        and bool(ev.improvements or ev.findings)
        for ev in items
    )
    return Observation(value=found)


def _access_for(f: Facts, year: int) -> AccessRecord | None:
    records = [
        r
        for r in f.dossier.access_records or ()
        if r.year == year and r.area is AreaType.TOTAL and r.year <= f.year
    ]
    # Prefer a record with the full ladder, then a stable order of sources.
    records.sort(key=lambda r: (r.layak_share is None, r.source.value))
    return records[0] if records else None


_ACCESS_MISSING_ID = "angka akses sanitasi tahun {year}"
_ACCESS_MISSING_EN = "the sanitation access figures of {year}"


def _share(name: str) -> Callable[[Facts, Mapping[str, str]], Observation]:
    def derive(f: Facts, args: Mapping[str, str]) -> Observation:
        year = f.year_of(args)
        record = _access_for(f, year)
        value = (
            None
            if record is None
            else (record.layak_share if name == "layak" else getattr(record, name))
        )
        if value is None:
            return _unknown(
                _missing(
                    f"access_records[{year}].{name}",
                    _ACCESS_MISSING_ID.format(year=year),
                    _ACCESS_MISSING_EN.format(year=year),
                )
            )
        detail = {}
        if (
            record is not None
            and record.households is not None
            and record.households.total is not None
        ):
            detail["households"] = Decimal(record.households.total)
        return Observation(value=value, detail=detail)

    return derive


def _layak_change(f: Facts, _: Mapping[str, str]) -> Observation:
    now = f.observe("layak_pct")
    before = f.observe("layak_pct", {"year": "previous"})
    if now.value is None or before.value is None:
        return Observation(missing=now.missing + before.missing)
    assert isinstance(now.value, Decimal)  # noqa: S101
    assert isinstance(before.value, Decimal)  # noqa: S101
    return Observation(value=now.value - before.value, detail=dict(now.detail))


def _odf_villages(f: Facts, _: Mapping[str, str]) -> Observation:
    villages = f.dossier.villages
    if villages is None:
        return _unknown(
            _missing("villages", "daftar desa dan status ODF", "the villages and their ODF status")
        )
    undecided = []
    verified = 0
    for i, village in enumerate(villages):
        if village.odf is None:
            undecided.append(
                _missing(f"villages[{i}].odf", "status ODF desa", "the ODF status of the village")
            )
        elif village.odf and (
            village.odf_verified_on is None or village.odf_verified_on <= f.as_of
        ):
            verified += 1
    if undecided:
        return Observation(missing=tuple(undecided))
    if not villages:
        return Observation(not_applicable=True)
    share = _percent(Decimal(verified), Decimal(len(villages)), higher_is_better=True)
    return Observation(value=share, detail={"villages": Decimal(len(villages))})


def _waste_share(part: str) -> Callable[[Facts, Mapping[str, str]], Observation]:
    def derive(f: Facts, args: Mapping[str, str]) -> Observation:
        year = f.year_of(args)
        missing = _missing(
            f"waste_records[{year}].{part}",
            f"timbulan dan {'pengurangan' if part == 'reduced' else 'penanganan'} sampah tahun {year}",
            f"the waste generated and {part} in {year}",
        )
        records = [
            r for r in f.dossier.waste_records or () if r.year == year and r.area is AreaType.TOTAL
        ]
        record = records[0] if records else None
        amount = None if record is None else getattr(record, part)
        if record is None or record.generated is None or amount is None:
            return _unknown(missing)
        if record.generated == 0:
            return Observation(not_applicable=True)
        share = _percent(amount, record.generated, higher_is_better=True)
        return Observation(value=share, detail={"generated_tonnes": record.generated})

    return derive


def _aspect_maturity(f: Facts, args: Mapping[str, str]) -> Observation:
    from sanitasi_core.model import SubSector  # noqa: PLC0415  # the enum, for the lookup only

    models = f.dossier.service_models
    if models is None:
        return _unknown(_missing(*_MODELS_MISSING))
    sector = SubSector(args["sub_sector"])
    year = f.year_of(args)
    chosen = [(i, m) for i, m in enumerate(models) if m.sub_sector is sector]
    if not chosen:
        return Observation(absent=True)
    best: Decimal | None = None
    undecided = []
    for i, m in chosen:
        if m.assessments is None:
            undecided.append(
                _missing(
                    f"service_models[{i}].assessments",
                    "penilaian aspek model layanan",
                    "the aspect assessments of the service model",
                )
            )
            continue
        latest: dict[str, Decimal] = {}
        for a in sorted(m.assessments, key=lambda a: a.assessed_on):
            if a.assessed_on.year == year and a.assessed_on <= f.as_of:
                latest[a.aspect] = MATURITY_SCALE.level(a.score)
        if all(aspect in latest for aspect in DEFAULT_ASPECTS):
            mean = sum((latest[a] for a in DEFAULT_ASPECTS), Decimal(0)) / len(DEFAULT_ASPECTS)
            best = mean if best is None else max(best, mean)
    if best is not None:
        return Observation(value=best.quantize(_CENT, rounding=ROUND_FLOOR))
    if undecided:
        return Observation(missing=tuple(undecided))
    return Observation(absent=True)


def _high_risk_villages(f: Facts, args: Mapping[str, str]) -> Observation:
    from sanitasi_core.ehra import DEFAULT_CLASSES, risk_class, risk_index  # noqa: PLC0415

    surveys = f.dossier.ehra
    if surveys is None:
        return _unknown(
            _missing("ehra", "hasil survei EHRA per desa", "the EHRA survey results per village")
        )
    year = f.year_of(args)
    latest: dict[str, Any] = {}
    for s in surveys:
        newer = s.village not in latest or latest[s.village].year < s.year
        if s.year <= year and newer:
            latest[s.village] = s
    if not latest:
        return Observation(absent=True)
    high = 0
    undecided = []
    for code, survey in sorted(latest.items()):
        index = risk_index(survey.scores)
        if index is None:
            undecided.append(
                _missing(
                    f"ehra[{code}].scores",
                    "skor EHRA semua domain",
                    "the EHRA scores of every domain",
                )
            )
        elif risk_class(index) >= DEFAULT_CLASSES.count - 1:
            high += 1
    if undecided:
        return Observation(missing=tuple(undecided))
    share = _percent(Decimal(high), Decimal(len(latest)), higher_is_better=False)
    return Observation(value=share, detail={"villages": Decimal(len(latest))})


@attrs.frozen(kw_only=True)
class MaturityScale:
    """A stepped maturity scale for aspect scores: a score counts as the highest step it reaches.

    Attributes:
        steps: increasing steps from 0, e.g. 0 / 50 / 75 / 100 (the *Kabupaten/Kota Sehat*
            self-assessment steps).
    """

    steps: tuple[Decimal, ...] = (Decimal(0), Decimal(50), Decimal(75), Decimal(100))

    def level(self, score: Decimal) -> Decimal:
        """Return the highest step not above *score*."""
        return max((s for s in self.steps if s <= score), default=self.steps[0])


MATURITY_SCALE: Final = MaturityScale()
"""The default maturity scale (0 / 50 / 75 / 100); no official scale was found."""


# --------------------------------------------------------------------------------------------
# The catalogue
# --------------------------------------------------------------------------------------------

_YEAR = Param(
    name="year",
    choices=("evaluation", "previous"),
    default="evaluation",
    description=Text(
        id="tahun evaluasi atau tahun sebelumnya", en="the evaluation year or the year before"
    ),
)
_SUB_SECTOR = Param(
    name="sub_sector",
    choices=("wastewater", "solid_waste", "drainage", "hygiene"),
    description=Text(id="sub-sektor sanitasi", en="the sanitation sub-sector"),
)
_ASPECT = Param(
    name="aspect",
    choices=DEFAULT_ASPECTS,
    description=Text(id="aspek model layanan", en="the service-model aspect"),
)


def _spec(
    name: str,
    type_: ValueType,
    unit: str,
    compute: Callable[[Facts, Mapping[str, str]], Observation],
    description: tuple[str, str],
    derivation: tuple[str, str],
    *,
    direction: Direction = Direction.HIGHER,
    quantum: str = "0.01",
    params: tuple[Param, ...] = (),
) -> IndicatorSpec:
    return IndicatorSpec(
        name=name,
        type=type_,
        unit=unit,
        direction=direction,
        description=Text(id=description[0], en=description[1]),
        derivation=Text(id=derivation[0], en=derivation[1]),
        quantum=Decimal(quantum),
        params=params,
        compute=compute,
    )


B, D, C = ValueType.BOOLEAN, ValueType.DECIMAL, ValueType.COUNT

_SPECS: Final = (
    _spec(
        "designated",
        B,
        "",
        _designated,
        (
            "Kab/kota ditetapkan sebagai lokasi program dengan Kepmendagri",
            "The district is designated a programme location by a Kemendagri decree",
        ),
        (
            "ada penetapan yang keputusannya bertanggal pada atau sebelum tanggal evaluasi",
            "a designation whose decree is dated on or before the evaluation date",
        ),
    ),
    _spec(
        "working_group_formed",
        B,
        "",
        _working_group,
        ("Pokja dibentuk dengan SK", "A working group (Pokja) formed by decree"),
        (
            "Pokja dengan SK pembentukan bertanggal pada atau sebelum tanggal evaluasi",
            "a Pokja whose forming decree is dated on or before the evaluation date",
        ),
    ),
    _spec(
        "ssk_covers_year",
        B,
        "",
        _ssk_covers,
        (
            "SSK yang periodenya mencakup tahun evaluasi",
            "An SSK whose period covers the evaluation year",
        ),
        (
            "dokumen SSK dengan period_start ≤ tahun ≤ period_end",
            "an SSK document with period_start ≤ year ≤ period_end",
        ),
        params=(_YEAR,),
    ),
    _spec(
        "sanitation_profile",
        B,
        "",
        _has_document(frozenset({DocumentKind.SANITATION_PROFILE, DocumentKind.BUKU_PUTIH})),
        (
            "Profil sanitasi (atau Buku Putih Sanitasi) tersedia",
            "A sanitation profile (or Buku Putih Sanitasi) exists",
        ),
        (
            "dokumen sanitation_profile atau buku_putih yang ditetapkan pada atau sebelum tanggal evaluasi",
            "a sanitation_profile or buku_putih document adopted on or before the evaluation date",
        ),
    ),
    _spec(
        "regional_head_commitment",
        B,
        "",
        _commitment(in_year=False),
        (
            "Komitmen ditandatangani kepala daerah atau wakilnya",
            "A commitment signed by the regional head or their deputy",
        ),
        (
            "komitmen oleh Bupati/Wali Kota/wakil/Pj pada atau sebelum tanggal evaluasi",
            "a commitment by the regent/mayor/deputy/acting head on or before the evaluation date",
        ),
    ),
    _spec(
        "regional_head_commitment_in_year",
        B,
        "",
        _commitment(in_year=True),
        ("Komitmen kepala daerah untuk tahun tersebut", "A regional-head commitment for that year"),
        (
            "komitmen kepala daerah yang ditandatangani pada tahun itu atau untuk tahun itu",
            "a regional-head commitment signed in, or made for, that year",
        ),
        params=(_YEAR,),
    ),
    _spec(
        "months_since_commitment",
        C,
        "months",
        _months_since_commitment,
        (
            "Bulan sejak komitmen kepala daerah terakhir",
            "Months since the latest regional-head commitment",
        ),
        (
            "selisih bulan penuh antara komitmen terakhir dan tanggal evaluasi",
            "whole months between the latest commitment and the evaluation date",
        ),
        direction=Direction.LOWER,
        quantum="1",
    ),
    _spec(
        "policy_adopted",
        B,
        "",
        _policy_adopted,
        (
            "Paket kebijakan ditetapkan dengan produk hukum",
            "The policy package adopted by a legal instrument",
        ),
        (
            "dokumen policy_package dengan Perda/Perbup/Perwali/SK/SE/Instruksi bertanggal pada atau sebelum tanggal evaluasi",
            "a policy_package document with a Perda/Perbup/Perwali/SK/SE/Instruksi dated on or before the evaluation date",
        ),
    ),
    _spec(
        "trial_service_models",
        C,
        "records",
        _trial_models,
        ("Model layanan dengan tahap uji coba", "Service models with a trial phase"),
        (
            "model layanan dengan tahap berskala trial yang dimulai pada atau sebelum tanggal evaluasi",
            "service models with a trial-scale phase started on or before the evaluation date",
        ),
        quantum="1",
    ),
    _spec(
        "funded_model_activities",
        C,
        "records",
        _funded_activities,
        (
            "Kegiatan model layanan dengan pagu dan sumber dana",
            "Service-model activities with a planned amount and funding source",
        ),
        (
            "kegiatan yang terkait model layanan, dengan pagu dan sumber dana",
            "activities linked to a service model, with planned amount and funding source",
        ),
        quantum="1",
    ),
    _spec(
        "planned_model_activities",
        C,
        "records",
        _planned_in_activities,
        (
            "Kegiatan model layanan yang masuk RKPD/Renja/DPA",
            "Service-model activities taken into the RKPD/Renja/DPA",
        ),
        (
            "kegiatan yang terkait model layanan dengan planned_in tidak kosong",
            "activities linked to a service model with a non-empty planned_in",
        ),
        quantum="1",
    ),
    _spec(
        "trial_realised_activities",
        C,
        "records",
        _trial_realised,
        ("Kegiatan uji coba yang terealisasi", "Trial activities realised"),
        (
            "kegiatan model layanan dengan realisasi > 0 pada tahun-tahun uji coba",
            "service-model activities with realised > 0 in the trial years",
        ),
        quantum="1",
    ),
    _spec(
        "trial_monitoring_reports",
        C,
        "records",
        _trial_monitoring,
        ("Laporan monitoring uji coba", "Monitoring reports of the trial"),
        (
            "laporan yang periodenya beririsan dengan uji coba dan mencakup model atau kegiatannya",
            "reports whose period overlaps the trial and that cover the model or its activities",
        ),
        quantum="1",
    ),
    _spec(
        "trial_evaluations_with_lessons",
        C,
        "records",
        _trial_evaluations,
        ("Evaluasi uji coba dengan pembelajaran", "Evaluations of the trial with lessons"),
        (
            "evaluasi bersubjek trial dengan lessons tidak kosong",
            "evaluations with subject trial and non-empty lessons",
        ),
        quantum="1",
    ),
    _spec(
        "aspect_score",
        D,
        "points",
        _aspect_score,
        (
            "Skor aspek model layanan pada tahun tersebut",
            "Score of a service-model aspect in that year",
        ),
        (
            "skor penilaian terakhir aspek itu pada tahun tersebut, tertinggi di antara model layanan",
            "the latest assessment score of that aspect in the year, highest across service models",
        ),
        params=(_ASPECT, _YEAR),
    ),
    _spec(
        "service_area_expanded",
        B,
        "",
        _area_expanded,
        ("Wilayah layanan diperluas melebihi uji coba", "Service area expanded beyond the trial"),
        (
            "model layanan dengan tahap uji coba dan tahap diperluas/penuh yang dimulai pada atau sebelum tanggal evaluasi",
            "a service model with a trial phase and an expanded/full phase started on or before the evaluation date",
        ),
    ),
    _spec(
        "apbd_realisation_pct",
        D,
        "%",
        _apbd_realisation,
        (
            "Realisasi kegiatan sanitasi APBD kab/kota terhadap pagu",
            "Realisation of the district's APBD sanitation activities against planned",
        ),
        (
            "Σ realisasi / Σ pagu × 100 atas kegiatan apbd_district pada tahun anggaran",
            "Σ realised / Σ planned × 100 over apbd_district activities of the fiscal year",
        ),
        params=(_YEAR,),
    ),
    _spec(
        "monitoring_covers_funding_groups",
        B,
        "",
        _funding_groups_monitored,
        (
            "Monitoring mencakup kegiatan APBD dan non-APBD",
            "Monitoring covers both APBD and non-APBD activities",
        ),
        (
            "laporan monitoring tahun itu yang bersama-sama mencakup kelompok apbd dan non_apbd",
            "monitoring reports of the year that together cover the apbd and non_apbd groups",
        ),
        params=(_YEAR,),
    ),
    _spec(
        "service_model_evaluated",
        B,
        "",
        _model_evaluated,
        (
            "Model layanan dievaluasi/diperbaiki pada tahun tersebut",
            "The service model evaluated or improved in that year",
        ),
        (
            "evaluasi bersubjek service_model/post_m4 pada tahun itu dengan temuan atau perbaikan",
            "an evaluation with subject service_model/post_m4 in that year with findings or improvements",
        ),
        params=(_YEAR,),
    ),
    _spec(
        "layak_pct",
        D,
        "%",
        _share("layak"),
        (
            "Akses sanitasi layak (aman + layak sendiri + layak bersama)",
            "Improved sanitation access (safely managed + basic + limited)",
        ),
        (
            "catatan akses total tahun itu: layak, atau jumlah tiga tangga teratas",
            "the total-area access record of the year: layak, or the sum of the top three rungs",
        ),
        params=(_YEAR,),
    ),
    _spec(
        "safely_managed_pct",
        D,
        "%",
        _share("safely_managed"),
        ("Akses sanitasi aman", "Safely managed sanitation access"),
        (
            "catatan akses total tahun itu, tangga aman",
            "the total-area access record of the year, safely managed rung",
        ),
        params=(_YEAR,),
    ),
    _spec(
        "open_defecation_pct",
        D,
        "%",
        _share("open_defecation"),
        ("Rumah tangga BABS di tempat terbuka", "Households practising open defecation"),
        (
            "catatan akses total tahun itu, tangga BABS",
            "the total-area access record of the year, open-defecation rung",
        ),
        direction=Direction.LOWER,
        params=(_YEAR,),
    ),
    _spec(
        "odf_villages_pct",
        D,
        "%",
        _odf_villages,
        (
            "Desa/kelurahan terverifikasi ODF (Stop BABS)",
            "Villages verified open-defecation free (Stop BABS)",
        ),
        (
            "desa dengan odf = true (terverifikasi pada atau sebelum tanggal evaluasi) / semua desa × 100",
            "villages with odf = true (verified on or before the evaluation date) / all villages × 100",
        ),
    ),
    _spec(
        "waste_reduction_pct",
        D,
        "%",
        _waste_share("reduced"),
        ("Pengurangan sampah terhadap timbulan", "Solid waste reduced, against waste generated"),
        (
            "pengurangan / timbulan × 100 pada tahun itu (wilayah total)",
            "reduced / generated × 100 in the year (total area)",
        ),
        params=(_YEAR,),
    ),
    _spec(
        "waste_handling_pct",
        D,
        "%",
        _waste_share("handled"),
        ("Penanganan sampah terhadap timbulan", "Solid waste handled, against waste generated"),
        (
            "penanganan / timbulan × 100 pada tahun itu (wilayah total)",
            "handled / generated × 100 in the year (total area)",
        ),
        params=(_YEAR,),
    ),
    _spec(
        "aspect_maturity",
        D,
        "points",
        _aspect_maturity,
        (
            "Kematangan model layanan suatu sub-sektor (rata-rata 6 aspek)",
            "Maturity of a sub-sector's service model (mean of the 6 aspects)",
        ),
        (
            "rata-rata skor terakhir keenam aspek pada tahun itu, dibulatkan ke bawah ke tangga 0/50/75/100, tertinggi di antara model sub-sektor itu; aspek yang belum dinilai membuatnya tidak ada",
            "mean of the six aspects' latest scores in the year, each rounded down to the 0/50/75/100 steps, highest across that sub-sector's models; an unassessed aspect makes it absent",
        ),
        params=(_SUB_SECTOR, _YEAR),
    ),
    _spec(
        "high_risk_villages_pct",
        D,
        "%",
        _high_risk_villages,
        (
            "Desa berisiko sanitasi tinggi atau sangat tinggi (EHRA)",
            "Villages at high or very high sanitation risk (EHRA)",
        ),
        (
            "desa dengan indeks risiko EHRA terakhir di dua kelas tertinggi (bobot sama, 4 kelas) / desa yang disurvei × 100",
            "villages whose latest EHRA risk index is in the top two classes (equal weights, 4 classes) / villages surveyed × 100",
        ),
        direction=Direction.LOWER,
        params=(_YEAR,),
    ),
    _spec(
        "layak_change_pp",
        D,
        "pp",
        _layak_change,
        (
            "Perubahan akses layak dari tahun sebelumnya",
            "Change in improved access from the year before",
        ),
        (
            "layak tahun evaluasi − layak tahun sebelumnya, dalam poin persentase",
            "layak of the evaluation year − layak of the year before, in percentage points",
        ),
    ),
)

CATALOGUE: Final[Mapping[str, IndicatorSpec]] = {s.name: s for s in _SPECS}
"""Every indicator a rule may use, by name."""


def catalogue_as_json() -> list[dict[str, object]]:
    """Return the catalogue as JSON-ready data, for editors and user interfaces."""
    return [
        {
            "name": s.name,
            "type": s.type.value,
            "unit": s.unit,
            "direction": s.direction.value,
            "quantum": format(s.quantum, "f"),
            "description": {"id": s.description.id, "en": s.description.en},
            "derivation": {"id": s.derivation.id, "en": s.derivation.en},
            "params": [
                {
                    "name": p.name,
                    "choices": list(p.choices),
                    "default": p.default,
                    "description": {"id": p.description.id, "en": p.description.en},
                }
                for p in s.params
            ],
        }
        for s in _SPECS
    ]


def iter_names() -> Iterable[str]:
    """Return the indicator names in catalogue order."""
    return (s.name for s in _SPECS)
