"""Programme records of the dossier model, one strategy per record class, valid by construction.

Every field validator and cross-field rule of :mod:`sanitasi_core.model` holds: ordered
periods, five-year SSK periods, a year for annual documents, a clinic number exactly for
coaching clinics, ``m4_year`` only for M4 and completed milestones only below the designated
one. Access and environment data are in ``_access``; unique ids and references that resolve
are the business of ``_dossiers``.
"""

from __future__ import annotations

import datetime as dt
import functools

from hypothesis import strategies as st

from sanitasi_core.decrees import format_decree_number
from sanitasi_core.model import (
    ANNUAL_DOCUMENTS,
    DEFAULT_ASPECTS,
    REGULATION_KINDS,
    Activity,
    AnnualPlan,
    AspectAssessment,
    Commitment,
    CommitmentSubject,
    CommitmentTarget,
    Designation,
    DocumentKind,
    Evaluation,
    EvaluationSubject,
    FundingGroup,
    FundingSource,
    InstrumentKind,
    LegalInstrument,
    Meeting,
    MeetingKind,
    Member,
    MemberRole,
    Milestone,
    MonitoringReport,
    NawasisEntry,
    Office,
    PlanningDocument,
    Provenance,
    Scale,
    ServiceModel,
    ServicePhase,
    SignatoryRole,
    StageReport,
    SubSector,
    WorkingGroup,
)
from sanitasi_core.testing._decrees import decree_numbers, regulations
from sanitasi_core.testing._scalars import (
    _maybe,
    _scores,
    _small_tuples,
    _unique,
    _urls,
    _village_codes,
    dates,
    decimals,
    identifiers,
    money,
    percentages,
    texts,
    years,
)
from sanitasi_core.testing._text_forms import apbd_code_texts

__all__ = [
    "activities",
    "aspect_assessments",
    "commitment_targets",
    "commitments",
    "designations",
    "evaluations",
    "legal_instruments",
    "meetings",
    "members",
    "monitoring_reports",
    "nawasis_entries",
    "planning_documents",
    "provenances",
    "service_models",
    "service_phases",
    "stage_reports",
    "working_groups",
]


@functools.cache
def provenances() -> st.SearchStrategy[Provenance]:
    """Sources of records."""
    return st.builds(
        Provenance,
        source=texts(),
        url=_maybe(_urls()),
        seen_on=_maybe(dates()),
        note=_maybe(texts(max_size=24)),
        published_on=_maybe(dates()),
        quote=_maybe(texts(max_size=24)),
    )


@functools.cache
def _provenance_tuples() -> st.SearchStrategy[tuple[Provenance, ...]]:
    return _small_tuples(provenances(), max_size=1)


@functools.cache
def legal_instruments(
    kinds: tuple[InstrumentKind, ...] = tuple(InstrumentKind),
) -> st.SearchStrategy[LegalInstrument]:
    """Legal instruments of the given *kinds*; numbers are decree-shaped or free text.

    Args:
        kinds: the kinds of instrument to draw from (default: all).
    """
    return st.sampled_from(kinds).flatmap(_legal_instrument)


@functools.cache
def _legal_instrument(kind: InstrumentKind) -> st.SearchStrategy[LegalInstrument]:
    # A regulation's number must be of the regulation kind its instrument kind names.
    named = REGULATION_KINDS.get(kind)
    return st.builds(
        LegalInstrument,
        kind=st.just(kind),
        number=_maybe(decree_numbers().map(format_decree_number) | texts()),
        date=_maybe(dates()),
        issuer=_maybe(texts()),
        title=_maybe(texts(max_size=24)),
        regulation=_maybe(regulations(kinds=(named,)) if named else regulations()),
        provenance=_provenance_tuples(),
    )


@st.composite
def _designation(draw: st.DrawFn) -> Designation:
    milestone = draw(st.sampled_from(Milestone))
    below = [m for m in Milestone if m.rank < milestone.rank]
    completed = draw(st.lists(st.sampled_from(below), unique=True)) if below else []
    first = draw(_maybe(st.sampled_from([m for m in Milestone if m.rank <= milestone.rank])))
    return Designation(
        decree=draw(legal_instruments((InstrumentKind.KEPMENDAGRI, InstrumentKind.OTHER))),
        milestone=milestone,
        programme_year=draw(_maybe(years())),
        first=first,
        m4_year=draw(_maybe(st.integers(1, 20))) if milestone is Milestone.M4 else None,
        completed=tuple(sorted(completed, key=lambda m: m.rank)),
        provenance=draw(_provenance_tuples()),
    )


@functools.cache
def designations() -> st.SearchStrategy[Designation]:
    """Milestone designations; ``m4_year`` only for M4, ``completed`` milestones below it."""
    return _designation()


@st.composite
def _stage_report(draw: st.DrawFn) -> StageReport:
    milestone = draw(st.sampled_from(Milestone))
    return StageReport(
        year=draw(years()),
        milestone=milestone,
        reported_on=draw(dates()),
        first=draw(_maybe(st.sampled_from([m for m in Milestone if m.rank <= milestone.rank]))),
        m4_year=draw(_maybe(st.integers(1, 20))) if milestone is Milestone.M4 else None,
        assisted=draw(_maybe(st.booleans())),
        provenance=draw(_provenance_tuples()),
    )


@functools.cache
def stage_reports() -> st.SearchStrategy[StageReport]:
    """Reported programme stages; ``m4_year`` only for M4."""
    return _stage_report()


@functools.cache
def nawasis_entries() -> st.SearchStrategy[NawasisEntry]:
    """Milestone outputs entered in NAWASIS."""
    return st.builds(
        NawasisEntry,
        milestone=st.sampled_from(Milestone),
        year=years(),
        entered_on=dates(),
        completeness=_maybe(percentages()),
        provenance=_provenance_tuples(),
    )


@functools.cache
def members() -> st.SearchStrategy[Member]:
    """Working-group members."""
    return st.builds(
        Member,
        office=texts(),
        name=_maybe(texts()),
        agency=_maybe(texts()),
        role=st.sampled_from(MemberRole),
    )


@functools.cache
def working_groups() -> st.SearchStrategy[WorkingGroup]:
    """Working groups (Pokja); members unknown, none, or listed."""
    return st.builds(
        WorkingGroup,
        name=texts(),
        decree=_maybe(legal_instruments((InstrumentKind.SK, InstrumentKind.PERBUP))),
        host=_maybe(texts()),
        members=_maybe(_small_tuples(members(), max_size=5)),
        provenance=_provenance_tuples(),
    )


@st.composite
def _meeting(draw: st.DrawFn) -> Meeting:
    kind = draw(st.sampled_from(MeetingKind))
    return Meeting(
        kind=kind,
        date=draw(dates()),
        clinic=draw(st.integers(1, 7)) if kind is MeetingKind.COACHING_CLINIC else None,
        title=draw(_maybe(texts())),
        location=draw(_maybe(texts())),
        chaired_by=draw(_maybe(texts())),
        provenance=draw(_provenance_tuples()),
    )


@functools.cache
def meetings() -> st.SearchStrategy[Meeting]:
    """Meetings; a clinic number 1-7 exactly for coaching clinics."""
    return _meeting()


@st.composite
def _planning_document(draw: st.DrawFn) -> PlanningDocument:
    kind = draw(st.sampled_from(DocumentKind))
    start: int | None = draw(_maybe(years()))
    end: int | None
    if kind is DocumentKind.SSK:
        end = start + 4 if start is not None else None
        # An SSK may also report only one end of its period.
        which = draw(st.sampled_from(("both", "start", "end")))
        if which == "start":
            end = None
        elif which == "end":
            start = None
    elif start is not None:
        end = draw(_maybe(st.integers(start, start + 10)))
    else:
        end = draw(_maybe(years()))
    annual = kind in ANNUAL_DOCUMENTS
    return PlanningDocument(
        kind=kind,
        title=draw(_maybe(texts(max_size=24))),
        period_start=start,
        period_end=end,
        year=draw(years()) if annual else draw(_maybe(years())),
        adopted_on=draw(_maybe(dates())),
        instrument=draw(_maybe(legal_instruments())),
        provenance=draw(_provenance_tuples()),
    )


@functools.cache
def planning_documents() -> st.SearchStrategy[PlanningDocument]:
    """Planning documents: ordered periods, five-year SSK periods, a year for annual documents."""
    return _planning_document()


@st.composite
def _ordered_dates(draw: st.DrawFn) -> tuple[dt.date, dt.date]:
    start = draw(dates())
    end = draw(st.dates(start, dt.date(2040, 12, 31)))
    return start, end


@st.composite
def _service_phase(draw: st.DrawFn) -> ServicePhase:
    start = draw(_maybe(dates()))
    end = draw(_maybe(st.dates(start or dt.date(2010, 1, 1), dt.date(2040, 12, 31))))
    return ServicePhase(
        scale=draw(st.sampled_from(Scale)),
        area=draw(texts()),
        villages=draw(_small_tuples(_village_codes())),
        households=draw(_maybe(st.integers(0, 100_000))),
        start=start,
        end=end,
    )


@functools.cache
def service_phases() -> st.SearchStrategy[ServicePhase]:
    """Service-model phases whose end is never before their start."""
    return _service_phase()


@functools.cache
def aspect_assessments() -> st.SearchStrategy[AspectAssessment]:
    """Aspect assessments: default aspects or other identifiers, scores 0-100."""
    return st.builds(
        AspectAssessment,
        aspect=st.sampled_from(DEFAULT_ASPECTS) | identifiers(),
        score=_scores(),
        assessed_on=dates(),
        step=_maybe(st.sampled_from(("containment", "emptying", "treatment"))),
        evidence=_maybe(texts()),
        assessor=_maybe(texts()),
        provenance=_provenance_tuples(),
    )


@functools.cache
def service_models(ident: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[ServiceModel]:
    """Service models with phases and aspect assessments unknown, empty or listed.

    Args:
        ident: draws the id (default: any identifier; unique ids are the dossier's business).
    """
    return st.builds(
        ServiceModel,
        id=ident if ident is not None else identifiers(),
        sub_sector=st.sampled_from(SubSector),
        name=texts(),
        system=_maybe(st.sampled_from(("SPALD-S", "SPALD-T", "TPS3R", "TPA")) | texts()),
        phases=_maybe(_small_tuples(service_phases())),
        assessments=_maybe(
            _small_tuples(aspect_assessments(), max_size=4).map(
                lambda items: _unique(items, lambda a: (a.aspect, a.step, a.assessed_on))
            )
        ),
        provenance=_provenance_tuples(),
    )


@functools.cache
def commitment_targets() -> st.SearchStrategy[CommitmentTarget]:
    """Targets named in commitments (any finite value, including negative changes)."""
    return st.builds(
        CommitmentTarget,
        indicator=texts(),
        value=decimals(min_value=-(10**6), max_value=10**13, max_places=2),
        unit=st.sampled_from(("%", "households", "Rp")) | texts(max_size=10),
        year=_maybe(years()),
    )


@functools.cache
def commitments() -> st.SearchStrategy[Commitment]:
    """Signed commitments."""
    return st.builds(
        Commitment,
        office=st.sampled_from(Office),
        signed_on=dates(),
        scope=texts(max_size=24),
        signatory=_maybe(texts()),
        role=_maybe(st.sampled_from(SignatoryRole)),
        subject=_maybe(st.sampled_from(CommitmentSubject)),
        package=_maybe(texts()),
        year=_maybe(years()),
        pledged=_maybe(money()),
        targets=_small_tuples(commitment_targets(), max_size=2),
        document=_maybe(legal_instruments()),
        provenance=_provenance_tuples(),
    )


@functools.cache
def activities(
    ident: st.SearchStrategy[str] | None = None,
    service_model: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Activity]:
    """Activities; realised may exceed planned (overspend happens).

    Args:
        ident: draws the id (default: any identifier).
        service_model: draws the service-model reference (default: ``None`` or any identifier).
    """
    return st.builds(
        Activity,
        id=ident if ident is not None else identifiers(),
        name=texts(max_size=24),
        fiscal_year=years(),
        code=_maybe(apbd_code_texts(spaced=False)),
        sub_sector=_maybe(st.sampled_from(SubSector)),
        funding_source=_maybe(st.sampled_from(FundingSource)),
        planned=_maybe(money()),
        realised=_maybe(money()),
        physical_progress=_maybe(percentages()),
        service_model=service_model if service_model is not None else _maybe(identifiers()),
        planned_in=_maybe(st.lists(st.sampled_from(AnnualPlan), unique=True).map(tuple)),
        provenance=_provenance_tuples(),
    )


@functools.cache
def monitoring_reports(
    ident: st.SearchStrategy[str | None] | None = None,
    activity_ids: tuple[str, ...] | None = None,
    service_model: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[MonitoringReport]:
    """Monitoring reports over ordered periods.

    Args:
        ident: draws the id (default: ``None`` or any identifier).
        activity_ids: the activity ids it may cover (default: any identifiers).
        service_model: draws the service-model reference (default: ``None`` or any identifier).
    """
    if activity_ids is None:
        covered = _small_tuples(identifiers())
    elif activity_ids:
        covered = _small_tuples(st.sampled_from(tuple(activity_ids)))
    else:
        covered = st.just(())

    @st.composite
    def build(draw: st.DrawFn) -> MonitoringReport:
        start, end = draw(_ordered_dates())
        return MonitoringReport(
            period_start=start,
            period_end=end,
            id=draw(ident if ident is not None else _maybe(identifiers())),
            issued_on=draw(_maybe(dates())),
            activities=draw(covered),
            funding_groups=draw(st.lists(st.sampled_from(FundingGroup), unique=True).map(tuple)),
            service_model=draw(
                service_model if service_model is not None else _maybe(identifiers())
            ),
            provenance=draw(_provenance_tuples()),
        )

    return build()


@functools.cache
def evaluations(
    service_model: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Evaluation]:
    """Evaluations; lessons and improvements unknown, empty or listed.

    Args:
        service_model: draws the service-model reference (default: ``None`` or any identifier).
    """
    return st.builds(
        Evaluation,
        subject=st.sampled_from(EvaluationSubject),
        evaluated_on=dates(),
        service_model=service_model if service_model is not None else _maybe(identifiers()),
        findings=_small_tuples(texts(max_size=24)),
        lessons=_maybe(_small_tuples(texts(max_size=24))),
        improvements=_maybe(_small_tuples(texts(max_size=24))),
        provenance=_provenance_tuples(),
    )
