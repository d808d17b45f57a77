"""The typed indicator catalogue: every name a rule may use, and how it is derived.

An indicator turns a dossier, seen as of a date, into one :class:`Observation`: a value, or
*unknown* with the missing inputs named, or *known to be absent*, or *not applicable*. Nothing
missing is ever read as zero. Records dated after the ``as_of`` date are invisible: the engine
never looks into the future.

Indicators are computed lazily and at most once per evaluation (:class:`Facts` memoises them),
and read the dossier only as seen on the evaluation date (:mod:`sanitasi_core._seen`).
"""

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from enum import StrEnum
from typing import Final

import attrs
from dateutil.relativedelta import relativedelta

from sanitasi_core._messages import text
from sanitasi_core._seen import Seen, see
from sanitasi_core._text import Text
from sanitasi_core.ehra import DEFAULT_CLASSES, risk_class, risk_index
from sanitasi_core.exceptions import EvaluationError
from sanitasi_core.model import (
    DEFAULT_ASPECTS,
    AccessRecord,
    AccessSource,
    Activity,
    AreaType,
    Commitment,
    CommitmentSubject,
    DocumentKind,
    Dossier,
    EhraAssessment,
    EvaluationSubject,
    FundingGroup,
    FundingSource,
    InstrumentKind,
    Scale,
    ServiceModel,
    ServicePhase,
    SignatoryRole,
    SubSector,
)

__all__ = [
    "CATALOGUE",
    "MATURITY_SCALE",
    "SOURCE_ORDER",
    "Direction",
    "Facts",
    "IndicatorSpec",
    "MaturityScale",
    "MissingInput",
    "Observation",
    "Param",
    "ValueType",
    "catalogue_as_json",
    "realisation_band",
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
        open_ended: for a count over a list the dossier marks incomplete: the value is a lower
            bound with no upper bound.
        absent: the fact is known not to exist (e.g. the aspect was never assessed).
        not_applicable: the indicator does not apply (e.g. no APBD activity that year).
        missing: inputs whose absence makes the value unknown.
        detail: supporting quantities (e.g. ``planned`` and ``realised`` Rupiah, ``households``).
        notes: what an official should know beside the value (a delegate signed, the
            realisation band, two sources disagree), in both languages.
    """

    value: bool | Decimal | int | None = None
    upper: int | None = None
    open_ended: bool = False
    absent: bool = False
    not_applicable: bool = False
    missing: tuple[MissingInput, ...] = ()
    detail: Mapping[str, Decimal] = attrs.field(factory=dict)
    notes: tuple[Text, ...] = ()

    @property
    def known(self) -> bool:
        """Whether the value is fully known."""
        return (
            self.value is not None
            and not self.open_ended
            and (self.upper is None or self.upper == self.value)
        )


@attrs.frozen(kw_only=True)
class Param:
    """A parameter an indicator takes in a rule (``args``).

    Attributes:
        name: its name in ``args``.
        choices: the values it takes; empty when the rulebook decides (aspect ids come from
            the rulebook's aspect set, service-chain steps from its steps).
        default: its value when not given; ``None`` makes it required (unless optional).
        description: what it is, in both languages.
        optional: it may be left out without a default (e.g. no service-chain step).
    """

    name: str
    choices: tuple[str, ...]
    optional: bool = False
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
    """A dossier seen on a date, for a fiscal year; computes each indicator once, on first use.

    The dossier is read only through :func:`~sanitasi_core._seen.see`: records dated after
    *as_of* are invisible to every indicator.

    Args:
        dossier: the dossier.
        as_of: the evaluation date; nothing dated later is seen.
        fiscal_year: the fiscal (programme) year assessed; by default the year of *as_of*. It
            may end before *as_of* (year *N* assessed in year *N+1*), never start after it.
        aspect_aliases: for each aspect id a rule may name, the assessment keys that count as it
            (a rulebook's aspect set); an id not listed counts only itself.

    Raises:
        EvaluationError: if *fiscal_year* is after the year of *as_of*.
    """

    __slots__ = ("_cache", "as_of", "aspect_aliases", "scope", "seen", "year")

    def __init__(
        self,
        dossier: Dossier | None,
        as_of: dt.date,
        *,
        fiscal_year: int | None = None,
        aspect_aliases: Mapping[str, tuple[str, ...]] | None = None,
        _seen: Seen | None = None,
        _scope: str | None = None,
    ) -> None:
        year = as_of.year if fiscal_year is None else fiscal_year
        if year > as_of.year:
            raise EvaluationError(text("fiscal_year_after", year=year, day=as_of.isoformat()))
        self.as_of = as_of
        self.year = year
        if _seen is None:
            assert dossier is not None  # noqa: S101  # one of the two is always given
            _seen = see(dossier, as_of)
        self.seen = _seen
        self.scope = _scope
        self.aspect_aliases: Mapping[str, tuple[str, ...]] = aspect_aliases or {}
        self._cache: dict[tuple[str, tuple[tuple[str, str], ...]], Observation] = {}

    def scoped(self, index: int) -> "Facts":
        """Return the facts of one service model alone (for a ``some`` quantifier)."""
        only = self.seen.only_model(index)
        ident = only.service_models[0].record.id if only.service_models else None
        return Facts(
            None,
            self.as_of,
            fiscal_year=self.year,
            aspect_aliases=self.aspect_aliases,
            _seen=only,
            _scope=ident,
        )

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
        """Resolve the ``year`` argument: the fiscal year assessed or the one before."""
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


def _more(f: Facts, name: str) -> MissingInput | None:
    """What to provide when the dossier marks list *name* incomplete; ``None`` when complete.

    A list marked incomplete (a dossier built from public facts) holds only what is known:
    a record missing from it is unknown, never absent.
    """
    if name not in f.seen.incomplete:
        return None
    return MissingInput(key=name, text=text("missing_more_records", name=name))


def _flag(
    found: bool,
    undecided: list[MissingInput],
    notes: Iterable[Text] = (),
    more: MissingInput | None = None,
) -> Observation:
    """Combine a yes/no fact over records: yes, else unknown if any is undecided, else no."""
    if found:
        return Observation(value=True, notes=tuple(notes))
    if more is not None:
        undecided = [*undecided, more]
    if undecided:
        return Observation(missing=tuple(undecided))
    return Observation(value=False)


def _count(
    sure: int, undecided: list[MissingInput], more: MissingInput | None = None
) -> Observation:
    if more is not None:
        return Observation(value=sure, open_ended=True, missing=(*undecided, more))
    if undecided:
        return Observation(value=sure, upper=sure + len(undecided), missing=tuple(undecided))
    return Observation(value=sure)


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
    items = f.seen.designations
    if items is None:
        return _unknown(
            _missing(
                "designations",
                "keputusan penetapan lokasi (Kepmendagri)",
                "the designation decree (Kepmendagri)",
            )
        )
    undecided = []
    for item in items:
        if item.dated:
            return Observation(value=True)
        undecided.append(
            _missing(
                f"designations[{item.index}].decree.date",
                "tanggal keputusan penetapan",
                "the date of the designation decree",
            )
        )
    return _flag(False, undecided, more=_more(f, "designations"))


def _working_group(f: Facts, _: Mapping[str, str]) -> Observation:
    group = f.seen.working_group
    if group is None:
        return _unknown(_missing("working_group", "data Pokja", "the working group (Pokja)"))
    if f.seen.working_group_decree_later:
        return Observation(value=False)
    if group.decree is None:
        return _unknown(
            _missing(
                "working_group.decree",
                "SK pembentukan Pokja",
                "the decree forming the working group",
            )
        )
    if group.decree.date is None:
        return _unknown(
            _missing(
                "working_group.decree.date",
                "tanggal SK pembentukan Pokja",
                "the date of the decree forming the working group",
            )
        )
    return Observation(value=True)


_DOCS_MISSING = ("documents", "dokumen perencanaan", "the planning documents")


def _ssk_covers(f: Facts, args: Mapping[str, str]) -> Observation:
    docs = f.seen.documents
    if docs is None:
        return _unknown(_missing(*_DOCS_MISSING))
    year = f.year_of(args)
    undecided = []
    for item in docs:
        doc = item.record
        if doc.kind is not DocumentKind.SSK:
            continue
        covers = doc.covers_year(year)
        if covers and item.dated:
            return Observation(value=True)
        if covers is None:
            undecided.append(
                _missing(
                    f"documents[{item.index}].period_start", "periode SSK", "the period of the SSK"
                )
            )
        elif covers:
            undecided.append(_undated_document(item.index))
    return _flag(False, undecided, more=_more(f, "documents"))


def _undated_document(index: int) -> MissingInput:
    return _missing(
        f"documents[{index}].adopted_on",
        "tanggal penetapan dokumen",
        "the date the document was adopted",
    )


def _has_document(
    kinds: frozenset[DocumentKind],
) -> Callable[[Facts, Mapping[str, str]], Observation]:
    def derive(f: Facts, _: Mapping[str, str]) -> Observation:
        docs = f.seen.documents
        if docs is None:
            return _unknown(_missing(*_DOCS_MISSING))
        undecided: list[MissingInput] = []
        for item in docs:
            if item.record.kind not in kinds:
                continue
            if item.dated:
                return Observation(value=True)
            undecided.append(_undated_document(item.index))
        return _flag(False, undecided, more=_more(f, "documents"))

    return derive


def _policy_adopted(f: Facts, _: Mapping[str, str]) -> Observation:
    docs = f.seen.documents
    if docs is None:
        return _unknown(_missing(*_DOCS_MISSING))
    undecided = []
    for item in docs:
        i, doc = item.index, item.record
        if doc.kind is not DocumentKind.POLICY_PACKAGE or i in f.seen.later_instruments:
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
        if doc.instrument.date is not None:
            return Observation(value=True)
        undecided.append(
            _missing(
                f"documents[{i}].instrument.date",
                "tanggal produk hukum paket kebijakan",
                "the date of the instrument adopting the policy package",
            )
        )
    return _flag(False, undecided, more=_more(f, "documents"))


_COMMITMENTS_MISSING = ("commitments", "komitmen yang ditandatangani", "the signed commitments")


def _commitment(in_year: bool) -> Callable[[Facts, Mapping[str, str]], Observation]:
    def derive(f: Facts, args: Mapping[str, str]) -> Observation:
        items = f.seen.commitments
        if items is None:
            return _unknown(_missing(*_COMMITMENTS_MISSING))
        year = f.year_of(args)
        found = any(
            c.record.office.is_regional_head
            and (not in_year or year in {c.record.signed_on.year, c.record.year})
            for c in items
        )
        return _flag(found, [], more=_more(f, "commitments"))

    return derive


def _signed_for_head(
    index: int, c: Commitment
) -> tuple[bool | None, MissingInput | None, Text | None]:
    """Whether commitment *c* was signed for the regional head, and what to say about it."""
    role = c.signatory_role
    if role is None:
        return (
            None,
            _missing(
                f"commitments[{index}].role",
                "kapasitas penandatangan komitmen (mis. Sekda atas nama Bupati)",
                "the capacity the commitment was signed in (e.g. the Sekda for the regent)",
            ),
            None,
        )
    if not role.for_regional_head:
        return False, None, None
    note = None
    if role in (SignatoryRole.DELEGATE, SignatoryRole.ACTING_HEAD):
        note = text(
            "note_signed_by",
            index=index,
            role=text(f"role_{role.value}"),
            office=c.office.value,
            day=c.signed_on.isoformat(),
        )
    return True, None, note


def _subject_missing(index: int) -> MissingInput:
    return _missing(
        f"commitments[{index}].subject",
        "isi komitmen (paket kebijakan atau layanan tahun itu)",
        "what the commitment commits to (the policy package or the year's services)",
    )


def _policy_commitment(f: Facts, _: Mapping[str, str]) -> Observation:
    """The commitment in force (the latest) to the policy package, signed for the regional head."""
    items = f.seen.commitments
    if items is None:
        return _unknown(_missing(*_COMMITMENTS_MISSING))
    relevant = [c for c in items if c.record.subject in (CommitmentSubject.POLICY_PACKAGE, None)]
    if not relevant:
        return _flag(False, [], more=_more(f, "commitments"))
    latest_day = max(c.record.signed_on for c in relevant)
    latest = [c for c in relevant if c.record.signed_on == latest_day]
    undecided: list[MissingInput] = []
    notes: list[Text] = []
    found = False
    for c in latest:
        if c.record.subject is None:
            undecided.append(_subject_missing(c.index))
            continue
        ok, why, note = _signed_for_head(c.index, c.record)
        if ok:
            found = True
            notes.extend([note] if note else [])
        elif why is not None:
            undecided.append(why)
    # A later commitment missing from an incomplete list could be the one in force.
    return _flag(found, undecided, notes, more=None if found else _more(f, "commitments"))


def _service_commitment(f: Facts, args: Mapping[str, str]) -> Observation:
    """A commitment to the year's services, signed in or for the year, for the regional head."""
    items = f.seen.commitments
    if items is None:
        return _unknown(_missing(*_COMMITMENTS_MISSING))
    year = f.year_of(args)
    undecided: list[MissingInput] = []
    notes: list[Text] = []
    found = False
    for item in items:
        c = item.record
        if year not in {c.signed_on.year, c.year}:
            continue
        if c.subject is None:
            undecided.append(_subject_missing(item.index))
            continue
        if c.subject is not CommitmentSubject.SERVICE:
            continue
        ok, why, note = _signed_for_head(item.index, c)
        if ok:
            found = True
            notes.extend([note] if note else [])
        elif why is not None:
            undecided.append(why)
    return _flag(found, undecided, notes, more=_more(f, "commitments"))


def _months_since_commitment(f: Facts, _: Mapping[str, str]) -> Observation:
    items = f.seen.commitments
    if items is None:
        return _unknown(_missing(*_COMMITMENTS_MISSING))
    dates = [c.record.signed_on for c in items if c.record.office.is_regional_head]
    more = _more(f, "commitments")
    if more is not None:
        return _unknown(more)  # a later commitment may be missing from the list
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


def _phases_missing(index: int) -> MissingInput:
    return _missing(
        f"service_models[{index}].phases",
        "tahap dan skala layanan",
        "the phases and scale of the service",
    )


def _trial_models(f: Facts, _: Mapping[str, str]) -> Observation:
    models = f.seen.service_models
    if models is None:
        return _unknown(_missing(*_MODELS_MISSING))
    sure = 0
    undecided = []
    for item in models:
        m = item.record
        if m.phases is None:
            undecided.append(_phases_missing(item.index))
            continue
        trial = _trial_phase(m)
        if trial is None:
            continue
        if trial.start is not None:
            sure += 1
        else:
            undecided.append(
                _missing(
                    f"service_models[{item.index}].phases.start",
                    "tanggal mulai uji coba",
                    "the start date of the trial",
                )
            )
    return _count(sure, undecided, _more(f, "service_models"))


def _linked_activities(f: Facts) -> list[tuple[int, Activity]] | None:
    acts = f.seen.activities
    if acts is None:
        return None
    return [
        (a.index, a.record)
        for a in acts
        if a.record.service_model is not None and a.record.fiscal_year <= f.year
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
    return _count(sure, undecided, _more(f, "activities"))


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
    return _count(sure, undecided, _more(f, "activities"))


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
        model = f.seen.service_model(a.service_model)
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
    return _count(sure, undecided, _more(f, "activities"))


def _overlaps(start: dt.date, end: dt.date, years: range) -> bool:
    return start.year <= years[-1] and end.year >= years[0] if years else False


def _trial_monitoring(f: Facts, _: Mapping[str, str]) -> Observation:
    reports = f.seen.monitoring_reports
    if reports is None:
        return _unknown(
            _missing(
                "monitoring_reports",
                "laporan monitoring uji coba",
                "the monitoring report of the trial",
            )
        )
    activity_model = {a.record.id: a.record.service_model for a in f.seen.activities or ()}
    count = 0
    for item in reports:
        rep = item.record
        models = {rep.service_model} | {activity_model.get(x) for x in rep.activities}
        for ident in models - {None}:
            model = f.seen.service_model(ident)
            years = _trial_years(f, model) if model is not None else None
            if years and _overlaps(rep.period_start, rep.period_end, years):
                count += 1
                break
    return _count(count, [], _more(f, "monitoring_reports"))


def _trial_evaluations(f: Facts, _: Mapping[str, str]) -> Observation:
    items = f.seen.evaluations
    if items is None:
        return _unknown(_missing("evaluations", "evaluasi uji coba", "the evaluation of the trial"))
    sure = 0
    undecided = []
    for item in items:
        ev = item.record
        if ev.subject is not EvaluationSubject.TRIAL:
            continue
        if ev.lessons is None:
            undecided.append(
                _missing(
                    f"evaluations[{item.index}].lessons",
                    "pembelajaran dari evaluasi uji coba",
                    "the lessons of the trial evaluation",
                )
            )
        elif ev.lessons:
            sure += 1
    return _count(sure, undecided, _more(f, "evaluations"))


def _assessments_missing(index: int) -> MissingInput:
    return _missing(
        f"service_models[{index}].assessments",
        "penilaian aspek model layanan",
        "the aspect assessments of the service model",
    )


def _aspect_score(f: Facts, args: Mapping[str, str]) -> Observation:
    aspect = args["aspect"]
    keys = f.aspect_aliases.get(aspect, (aspect,))
    step = args.get("step")
    models = f.seen.service_models
    if models is None:
        return _unknown(_missing(*_MODELS_MISSING))
    year = f.year_of(args)
    best: Decimal | None = None
    undecided = []
    for item in models:
        m = item.record
        if m.assessments is None:
            undecided.append(_assessments_missing(item.index))
            continue
        scored = [
            a
            for a in m.assessments
            if a.aspect in keys and a.assessed_on.year == year and (step is None or a.step == step)
        ]
        if scored:
            latest = max(scored, key=lambda a: a.assessed_on).score
            best = latest if best is None else max(best, latest)
    more = _more(f, "service_models")
    if undecided or (more is not None and best is None):
        # Another model's unreported assessment could score higher: the best is a lower bound.
        return Observation(
            missing=(*undecided, *([more] if more else [])),
            detail={"lower_bound": best} if best is not None else {},
        )
    if best is None:
        return Observation(absent=True)
    return Observation(value=best)


def _area_expanded(f: Facts, _: Mapping[str, str]) -> Observation:
    models = f.seen.service_models
    if models is None:
        return _unknown(_missing(*_MODELS_MISSING))
    undecided = []
    for item in models:
        m = item.record
        if m.phases is None:
            undecided.append(_phases_missing(item.index))
            continue
        if _trial_phase(m) is None:
            continue
        for p in m.phases:
            if p.scale is Scale.TRIAL:
                continue
            if p.start is not None:
                return Observation(value=True)
            undecided.append(
                _missing(
                    f"service_models[{item.index}].phases.start",
                    "tanggal mulai skala diperluas",
                    "the start of the expanded phase",
                )
            )
    return _flag(False, undecided, more=_more(f, "service_models"))


_BANDS: Final = (
    (Decimal(91), "band_very_high"),
    (Decimal(76), "band_high"),
    (Decimal(66), "band_medium"),
    (Decimal(51), "band_low"),
    (Decimal(0), "band_very_low"),
)


def realisation_band(share: Decimal) -> Text:
    """Name the Permendagri 86/2017 band of a realisation share (context, not a threshold).

    The bands are those of the evaluation of regional development plans: ≥ 91 very high,
    76-90 high, 66-75 medium, 51-65 low, ≤ 50 very low (a share between two bands, such as
    90.5, takes the lower one).
    """
    code = next(code for low, code in _BANDS if share >= low)
    return text("note_realisation_band", band=text(code), share=share)


def _apbd_realisation(f: Facts, args: Mapping[str, str]) -> Observation:
    acts = f.seen.activities
    if acts is None:
        return _unknown(_missing(*_ACTIVITIES_MISSING))
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
    more = _more(f, "activities")
    if more is not None:
        undecided.append(more)  # an APBD activity of the year may be missing from the list
    if undecided:
        return Observation(missing=tuple(undecided))
    if not any_apbd or planned == 0:
        return Observation(not_applicable=True)
    ratio = _percent(realised, planned, higher_is_better=True)
    return Observation(
        value=ratio,
        detail={"planned": planned, "realised": realised},
        notes=(realisation_band(ratio),),
    )


def _funding_groups_monitored(f: Facts, args: Mapping[str, str]) -> Observation:
    reports = f.seen.monitoring_reports
    if reports is None:
        return _unknown(
            _missing(
                "monitoring_reports",
                "laporan monitoring kegiatan",
                "the monitoring reports of the activities",
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
    return _flag(both, [], more=_more(f, "monitoring_reports"))


def _model_evaluated(f: Facts, args: Mapping[str, str]) -> Observation:
    items = f.seen.evaluations
    if items is None:
        return _unknown(
            _missing("evaluations", "evaluasi model layanan", "the evaluation of the service model")
        )
    year = f.year_of(args)
    subjects = {EvaluationSubject.SERVICE_MODEL, EvaluationSubject.POST_M4}
    found = any(
        ev.record.subject in subjects
        and ev.record.evaluated_on.year == year
        and bool(ev.record.improvements or ev.record.findings)
        for ev in items
    )
    return _flag(found, [], more=_more(f, "evaluations"))


def _nawasis_entered(f: Facts, args: Mapping[str, str]) -> Observation:
    entries = f.seen.nawasis_entries
    if entries is None:
        return _unknown(
            _missing(
                "nawasis_entries",
                "catatan input keluaran milestone di NAWASIS",
                "the milestone outputs entered in NAWASIS",
            )
        )
    year = f.year_of(args)
    mine = [e.record for e in entries if e.record.year == year]
    if not mine:
        return _flag(False, [], more=_more(f, "nawasis_entries"))
    latest = max(mine, key=lambda e: e.entered_on)
    notes: tuple[Text, ...] = ()
    if latest.completeness is not None:
        notes = (text("note_nawasis_completeness", share=latest.completeness),)
    return Observation(value=True, notes=notes)


# Official statistics first, then the national system, then computed and survey figures: two
# sources for the same year must not make the result depend on the order of the records.
SOURCE_ORDER: Final[tuple[AccessSource, ...]] = (
    AccessSource.SUSENAS,
    AccessSource.NAWASIS,
    AccessSource.HOUSEHOLD_RECORDS,
    AccessSource.EHRA,
    AccessSource.DISTRICT_REPORT,
    AccessSource.OTHER,
)


def _access_for(f: Facts, year: int, name: str) -> tuple[AccessRecord | None, list[Text]]:
    """The total-area record of *year* with a value for *name*, by source priority."""
    records = [
        r.record
        for r in f.seen.access_records or ()
        if r.record.year == year and r.record.area is AreaType.TOTAL
    ]
    valued = [(r, _share_of(r, name)) for r in records]
    valued = [(r, v) for r, v in valued if v is not None]
    valued.sort(key=lambda rv: SOURCE_ORDER.index(rv[0].source))
    if not valued:
        return None, []
    notes = []
    if len({v for _, v in valued}) > 1:
        shown = "; ".join(f"{r.source.value} {v}" for r, v in valued)
        notes.append(
            text("note_sources_disagree", year=year, values=shown, used=valued[0][0].source.value)
        )
    return valued[0][0], notes


def _share_of(record: AccessRecord, name: str) -> Decimal | None:
    value: Decimal | None = record.layak_share if name == "layak" else getattr(record, name)
    return value


_ACCESS_MISSING_ID = "angka akses sanitasi tahun {year}"
_ACCESS_MISSING_EN = "the sanitation access figures of {year}"


def _share(name: str) -> Callable[[Facts, Mapping[str, str]], Observation]:
    def derive(f: Facts, args: Mapping[str, str]) -> Observation:
        year = f.year_of(args)
        record, notes = _access_for(f, year, name)
        if record is None:
            return _unknown(
                _missing(
                    f"access_records[{year}].{name}",
                    _ACCESS_MISSING_ID.format(year=year),
                    _ACCESS_MISSING_EN.format(year=year),
                )
            )
        value = _share_of(record, name)
        assert value is not None  # noqa: S101  # only valued records are returned
        detail = {}
        if record.households is not None and record.households.total is not None:
            detail["households"] = Decimal(record.households.total)
        return Observation(value=value, detail=detail, notes=tuple(notes))

    return derive


def _layak_change(f: Facts, _: Mapping[str, str]) -> Observation:
    now = f.observe("layak_pct")
    before = f.observe("layak_pct", {"year": "previous"})
    if now.value is None or before.value is None:
        return Observation(missing=now.missing + before.missing)
    assert isinstance(now.value, Decimal)  # noqa: S101
    assert isinstance(before.value, Decimal)  # noqa: S101
    return Observation(
        value=now.value - before.value, detail=dict(now.detail), notes=now.notes + before.notes
    )


def _odf_villages(f: Facts, _: Mapping[str, str]) -> Observation:
    villages = f.seen.villages
    if villages is None:
        return _unknown(
            _missing("villages", "daftar desa dan status ODF", "the villages and their ODF status")
        )
    undecided = []
    verified = 0
    for item in villages:
        if item.record.odf is None:
            undecided.append(
                _missing(
                    f"villages[{item.index}].odf",
                    "status ODF desa",
                    "the ODF status of the village",
                )
            )
        elif item.record.odf:
            verified += 1
    more = _more(f, "villages")
    if more is not None:
        undecided.append(more)  # the share needs every village
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
            r.record
            for r in f.seen.waste_records or ()
            if r.record.year == year and r.record.area is AreaType.TOTAL
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
    models = f.seen.service_models
    if models is None:
        return _unknown(_missing(*_MODELS_MISSING))
    sector = SubSector(args["sub_sector"])
    year = f.year_of(args)
    chosen = [item for item in models if item.record.sub_sector is sector]
    more = _more(f, "service_models")
    if not chosen:
        return _unknown(more) if more is not None else Observation(absent=True)
    best: Decimal | None = None
    undecided = []
    for item in chosen:
        m = item.record
        if m.assessments is None:
            undecided.append(_assessments_missing(item.index))
            continue
        latest: dict[str, Decimal] = {}
        for a in sorted(m.assessments, key=lambda a: a.assessed_on):
            if a.assessed_on.year == year:
                latest[a.aspect] = MATURITY_SCALE.level(a.score)
        if all(aspect in latest for aspect in DEFAULT_ASPECTS):
            mean = sum((latest[a] for a in DEFAULT_ASPECTS), Decimal(0)) / len(DEFAULT_ASPECTS)
            best = mean if best is None else max(best, mean)
    if best is not None:
        return Observation(value=best.quantize(_CENT, rounding=ROUND_FLOOR))
    if more is not None:
        undecided.append(more)
    if undecided:
        return Observation(missing=tuple(undecided))
    return Observation(absent=True)


def _high_risk_villages(f: Facts, args: Mapping[str, str]) -> Observation:
    surveys = f.seen.ehra
    if surveys is None:
        return _unknown(
            _missing("ehra", "hasil survei EHRA per desa", "the EHRA survey results per village")
        )
    year = f.year_of(args)
    latest: dict[str, EhraAssessment] = {}
    for item in surveys:
        s = item.record
        newer = s.village not in latest or latest[s.village].year < s.year
        if s.year <= year and newer:
            latest[s.village] = s
    more = _more(f, "ehra")
    if more is not None:
        return _unknown(more)  # the share needs every surveyed village
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
    choices=tuple(s.value for s in SubSector),
    description=Text(id="sub-sektor sanitasi", en="the sanitation sub-sector"),
)
_ASPECT = Param(
    name="aspect",
    choices=(),
    description=Text(
        id="aspek model layanan (dari himpunan aspek rulebook)",
        en="the service-model aspect (from the rulebook's aspect set)",
    ),
)
_STEP = Param(
    name="step",
    choices=(),
    optional=True,
    description=Text(
        id="langkah rantai layanan (dari rulebook); tanpa ini: layanan secara keseluruhan",
        en="the service-chain step (from the rulebook); without it: the service as a whole",
    ),
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
        _has_document(
            frozenset({DocumentKind.SANITATION_PROFILE, DocumentKind.BUKU_PUTIH, DocumentKind.LSS})
        ),
        (
            "Profil sanitasi, LSS atau Buku Putih Sanitasi tersedia",
            "A sanitation profile, LSS or Buku Putih Sanitasi exists",
        ),
        (
            "dokumen sanitation_profile, lss atau buku_putih yang ditetapkan pada atau sebelum tanggal evaluasi",
            "a sanitation_profile, lss or buku_putih document adopted on or before the evaluation date",
        ),
    ),
    _spec(
        "advocacy_material",
        B,
        "",
        _has_document(frozenset({DocumentKind.ADVOCACY_MATERIAL})),
        (
            "Materi advokasi untuk kepala daerah tersedia",
            "Advocacy material for the regional head exists",
        ),
        (
            "dokumen advocacy_material yang ditetapkan pada atau sebelum tanggal evaluasi",
            "an advocacy_material document adopted on or before the evaluation date",
        ),
    ),
    _spec(
        "policy_package_drafted",
        B,
        "",
        _has_document(frozenset({DocumentKind.POLICY_PACKAGE_DRAFT, DocumentKind.POLICY_PACKAGE})),
        (
            "Paket kebijakan sanitasi telah disusun",
            "The sanitation policy package has been drafted",
        ),
        (
            "dokumen policy_package_draft atau policy_package pada atau sebelum tanggal evaluasi",
            "a policy_package_draft or policy_package document on or before the evaluation date",
        ),
    ),
    _spec(
        "policy_commitment",
        B,
        "",
        _policy_commitment,
        (
            "Komitmen yang berlaku terhadap paket kebijakan, ditandatangani untuk kepala daerah",
            "The commitment in force to the policy package, signed for the regional head",
        ),
        (
            "komitmen terakhir bersubjek policy_package sampai tanggal evaluasi, oleh kepala daerah, wakil, Pj/Plt atau pejabat atas namanya (dicatat)",
            "the latest commitment with subject policy_package up to the evaluation date, by the regional head, deputy, acting head or an official on their behalf (noted)",
        ),
    ),
    _spec(
        "service_commitment_in_year",
        B,
        "",
        _service_commitment,
        (
            "Komitmen kepala daerah atas layanan sanitasi tahun tersebut",
            "A regional-head commitment to the sanitation services of that year",
        ),
        (
            "komitmen bersubjek service yang ditandatangani pada tahun itu atau untuk tahun itu, oleh kepala daerah atau atas namanya (dicatat)",
            "a commitment with subject service signed in, or made for, that year, by the regional head or on their behalf (noted)",
        ),
        params=(_YEAR,),
    ),
    _spec(
        "nawasis_entered",
        B,
        "",
        _nawasis_entered,
        (
            "Keluaran milestone tahun tersebut diinput ke NAWASIS",
            "The year's milestone outputs entered in NAWASIS",
        ),
        (
            "catatan nawasis_entries untuk tahun itu pada atau sebelum tanggal evaluasi",
            "a nawasis_entries record for that year on or before the evaluation date",
        ),
        params=(_YEAR,),
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
            "skor penilaian terakhir aspek itu (atau aliasnya dalam himpunan aspek rulebook) pada tahun tersebut, tertinggi di antara model layanan yang ditinjau (satu model di dalam some)",
            "the latest assessment score of that aspect (or an alias in the rulebook's aspect set) in the year, highest across the service models in view (one model inside some)",
        ),
        params=(_ASPECT, _STEP, _YEAR),
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
                    "optional": p.optional,
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
