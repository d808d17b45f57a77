"""The dossier model again, as peer stacks would write it: frozen msgspec Structs and frozen
pydantic v2 models, field for field the shape of ``sanitasi_core.model`` and of the current format,
``sanitasi.dossier/v2`` (``schemas/dossier-v2.schema.json``).

Both peers check what their libraries check declaratively: JSON types, enums (the library's own
``StrEnum`` classes, so the value sets are identical), unknown fields (forbidden), required fields,
dates as ISO strings, decimals as ``Decimal`` and the integer ranges of the model (years
1945-2100, regulation years 1000-9999, clinic 1-7, M4 year 1-20, household counts 0-10^8 and
0-10^5 per EHRA village, at least one EHRA score). They do NOT check what ``sanitasi_core`` also
checks: non-blank text, the decimal *string* format (msgspec and lax pydantic also take numbers
and exponents), percentage/money ranges on decimals (msgspec cannot constrain ``Decimal``),
cross-field rules (period order, shares adding up, coaching-clinic numbers, SSK = 5 years, a
regulation agreeing with its instrument), the text patterns of codes and numbers (region and
village codes against the registry, APBD codes, regulation numbers), and unique ids / resolved
references. Those extra checks are part of what the ratios measure.

Field order and defaults follow ``model.py`` so that ``msgspec`` (``omit_defaults=True``) writes
the same JSON as ``dump_dossier`` (which omits unknown and empty-default fields). Decimals are
JSON strings in v2, which both peers read and write as such.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

import msgspec
import pydantic
from pydantic import ConfigDict, Field

from sanitasi_core.decrees import RegulationKind
from sanitasi_core.model import (
    AccessSource,
    AnnualPlan,
    AreaType,
    CommitmentSubject,
    DocumentKind,
    DossierList,
    EvaluationSubject,
    FundingGroup,
    FundingSource,
    InstrumentKind,
    MeetingKind,
    MemberRole,
    Milestone,
    Office,
    Scale,
    SignatoryRole,
    SubSector,
)

SCHEMA = "sanitasi.dossier/v2"

# --------------------------------------------------------------------------------------------
# msgspec
# --------------------------------------------------------------------------------------------

MYear = Annotated[int, msgspec.Meta(ge=1945, le=2100)]
MCount = Annotated[int, msgspec.Meta(ge=0, le=100_000_000)]


class _S(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True, omit_defaults=True):
    pass


class MProvenance(_S):
    source: str
    url: str | None = None
    seen_on: dt.date | None = None
    note: str | None = None
    published_on: dt.date | None = None
    quote: str | None = None


class MRegion(_S):
    code: str
    name: str


class MRegulation(_S, kw_only=True):  # kw_only is per class: `number` follows `issuer`
    kind: RegulationKind
    issuer: str | None = None
    number: str
    year: Annotated[int, msgspec.Meta(ge=1000, le=9999)]
    subject: str | None = None


class MLegalInstrument(_S):
    kind: InstrumentKind
    number: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    title: str | None = None
    regulation: MRegulation | None = None
    provenance: tuple[MProvenance, ...] = ()


class MDesignation(_S):
    decree: MLegalInstrument
    milestone: Milestone
    programme_year: MYear | None = None
    first: Milestone | None = None
    m4_year: Annotated[int, msgspec.Meta(ge=1, le=20)] | None = None
    completed: tuple[Milestone, ...] = ()
    provenance: tuple[MProvenance, ...] = ()


class MStageReport(_S):
    year: MYear
    milestone: Milestone
    reported_on: dt.date
    first: Milestone | None = None
    m4_year: Annotated[int, msgspec.Meta(ge=1, le=20)] | None = None
    assisted: bool | None = None
    provenance: tuple[MProvenance, ...] = ()


class MMember(_S):
    office: str
    name: str | None = None
    agency: str | None = None
    role: MemberRole = MemberRole.MEMBER


class MWorkingGroup(_S):
    name: str
    decree: MLegalInstrument | None = None
    host: str | None = None
    members: tuple[MMember, ...] | None = None
    provenance: tuple[MProvenance, ...] = ()


class MMeeting(_S):
    kind: MeetingKind
    date: dt.date
    clinic: Annotated[int, msgspec.Meta(ge=1, le=7)] | None = None
    title: str | None = None
    location: str | None = None
    chaired_by: str | None = None
    provenance: tuple[MProvenance, ...] = ()


class MPlanningDocument(_S):
    kind: DocumentKind
    title: str | None = None
    period_start: MYear | None = None
    period_end: MYear | None = None
    year: MYear | None = None
    adopted_on: dt.date | None = None
    instrument: MLegalInstrument | None = None
    provenance: tuple[MProvenance, ...] = ()


class MServicePhase(_S):
    scale: Scale
    area: str
    villages: tuple[str, ...] = ()
    households: MCount | None = None
    start: dt.date | None = None
    end: dt.date | None = None


class MAspectAssessment(_S):
    aspect: str
    score: Decimal
    assessed_on: dt.date
    step: str | None = None
    evidence: str | None = None
    assessor: str | None = None
    provenance: tuple[MProvenance, ...] = ()


class MServiceModel(_S):
    id: str
    sub_sector: SubSector
    name: str
    system: str | None = None
    phases: tuple[MServicePhase, ...] | None = None
    assessments: tuple[MAspectAssessment, ...] | None = None
    provenance: tuple[MProvenance, ...] = ()


class MCommitmentTarget(_S):
    indicator: str
    value: Decimal
    unit: str
    year: MYear | None = None


class MCommitment(_S):
    office: Office
    signed_on: dt.date
    scope: str
    signatory: str | None = None
    role: SignatoryRole | None = None
    subject: CommitmentSubject | None = None
    package: str | None = None
    year: MYear | None = None
    pledged: Decimal | None = None
    targets: tuple[MCommitmentTarget, ...] = ()
    document: MLegalInstrument | None = None
    provenance: tuple[MProvenance, ...] = ()


class MActivity(_S):
    id: str
    name: str
    fiscal_year: MYear
    code: str | None = None
    sub_sector: SubSector | None = None
    funding_source: FundingSource | None = None
    planned: Decimal | None = None
    realised: Decimal | None = None
    physical_progress: Decimal | None = None
    service_model: str | None = None
    planned_in: tuple[AnnualPlan, ...] | None = None
    provenance: tuple[MProvenance, ...] = ()


class MMonitoringReport(_S):
    period_start: dt.date
    period_end: dt.date
    id: str | None = None
    issued_on: dt.date | None = None
    activities: tuple[str, ...] = ()
    funding_groups: tuple[FundingGroup, ...] = ()
    service_model: str | None = None
    provenance: tuple[MProvenance, ...] = ()


class MEvaluation(_S):
    subject: EvaluationSubject
    evaluated_on: dt.date
    service_model: str | None = None
    findings: tuple[str, ...] = ()
    lessons: tuple[str, ...] | None = None
    improvements: tuple[str, ...] | None = None
    provenance: tuple[MProvenance, ...] = ()


class MRungCounts(_S):
    total: MCount | None = None
    safely_managed: MCount | None = None
    basic: MCount | None = None
    limited: MCount | None = None
    unimproved: MCount | None = None
    open_defecation: MCount | None = None


class MAccessRecord(_S):
    year: MYear
    source: AccessSource
    area: AreaType = AreaType.TOTAL
    safely_managed: Decimal | None = None
    basic: Decimal | None = None
    limited: Decimal | None = None
    unimproved: Decimal | None = None
    open_defecation: Decimal | None = None
    layak: Decimal | None = None
    households: MRungCounts | None = None
    published_on: dt.date | None = None
    provenance: tuple[MProvenance, ...] = ()


class MVillageRecord(_S):
    code: str
    name: str | None = None
    odf: bool | None = None
    odf_verified_on: dt.date | None = None
    provenance: tuple[MProvenance, ...] = ()


class MEhraAssessment(_S):
    village: str
    year: MYear
    scores: Annotated[dict[str, Decimal], msgspec.Meta(min_length=1)]
    households: Annotated[int, msgspec.Meta(ge=0, le=100_000)] | None = None
    provenance: tuple[MProvenance, ...] = ()


class MWasteRecord(_S):
    year: MYear
    generated: Decimal | None = None
    reduced: Decimal | None = None
    handled: Decimal | None = None
    area: AreaType = AreaType.TOTAL
    provenance: tuple[MProvenance, ...] = ()


class MNawasisEntry(_S):
    milestone: Milestone
    year: MYear
    entered_on: dt.date
    completeness: Decimal | None = None
    provenance: tuple[MProvenance, ...] = ()


class MDossier(_S):
    region: MRegion
    schema: Literal["sanitasi.dossier/v2"]  # required in a document, as in sanitasi_core
    description: str | None = None
    fictional: bool = False
    designations: tuple[MDesignation, ...] | None = None
    stage_reports: tuple[MStageReport, ...] | None = None
    working_group: MWorkingGroup | None = None
    meetings: tuple[MMeeting, ...] | None = None
    documents: tuple[MPlanningDocument, ...] | None = None
    service_models: tuple[MServiceModel, ...] | None = None
    commitments: tuple[MCommitment, ...] | None = None
    activities: tuple[MActivity, ...] | None = None
    monitoring_reports: tuple[MMonitoringReport, ...] | None = None
    evaluations: tuple[MEvaluation, ...] | None = None
    access_records: tuple[MAccessRecord, ...] | None = None
    villages: tuple[MVillageRecord, ...] | None = None
    ehra: tuple[MEhraAssessment, ...] | None = None
    waste_records: tuple[MWasteRecord, ...] | None = None
    nawasis_entries: tuple[MNawasisEntry, ...] | None = None
    incomplete: tuple[DossierList, ...] = ()
    provenance: tuple[MProvenance, ...] = ()


msgspec_decoder = msgspec.json.Decoder(MDossier)
msgspec_encoder = msgspec.json.Encoder()

# --------------------------------------------------------------------------------------------
# pydantic v2
# --------------------------------------------------------------------------------------------

PYear = Annotated[int, Field(ge=1945, le=2100)]
PCount = Annotated[int, Field(ge=0, le=100_000_000)]


class _P(pydantic.BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=False)


class PProvenance(_P):
    source: str
    url: str | None = None
    seen_on: dt.date | None = None
    note: str | None = None
    published_on: dt.date | None = None
    quote: str | None = None


class PRegion(_P):
    code: str
    name: str


class PRegulation(_P):
    kind: RegulationKind
    issuer: str | None = None
    number: str
    year: Annotated[int, Field(ge=1000, le=9999)]
    subject: str | None = None


class PLegalInstrument(_P):
    kind: InstrumentKind
    number: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    title: str | None = None
    regulation: PRegulation | None = None
    provenance: tuple[PProvenance, ...] = ()


class PDesignation(_P):
    decree: PLegalInstrument
    milestone: Milestone
    programme_year: PYear | None = None
    first: Milestone | None = None
    m4_year: Annotated[int, Field(ge=1, le=20)] | None = None
    completed: tuple[Milestone, ...] = ()
    provenance: tuple[PProvenance, ...] = ()


class PStageReport(_P):
    year: PYear
    milestone: Milestone
    reported_on: dt.date
    first: Milestone | None = None
    m4_year: Annotated[int, Field(ge=1, le=20)] | None = None
    assisted: bool | None = None
    provenance: tuple[PProvenance, ...] = ()


class PMember(_P):
    office: str
    name: str | None = None
    agency: str | None = None
    role: MemberRole = MemberRole.MEMBER


class PWorkingGroup(_P):
    name: str
    decree: PLegalInstrument | None = None
    host: str | None = None
    members: tuple[PMember, ...] | None = None
    provenance: tuple[PProvenance, ...] = ()


class PMeeting(_P):
    kind: MeetingKind
    date: dt.date
    clinic: Annotated[int, Field(ge=1, le=7)] | None = None
    title: str | None = None
    location: str | None = None
    chaired_by: str | None = None
    provenance: tuple[PProvenance, ...] = ()


class PPlanningDocument(_P):
    kind: DocumentKind
    title: str | None = None
    period_start: PYear | None = None
    period_end: PYear | None = None
    year: PYear | None = None
    adopted_on: dt.date | None = None
    instrument: PLegalInstrument | None = None
    provenance: tuple[PProvenance, ...] = ()


class PServicePhase(_P):
    scale: Scale
    area: str
    villages: tuple[str, ...] = ()
    households: PCount | None = None
    start: dt.date | None = None
    end: dt.date | None = None


class PAspectAssessment(_P):
    aspect: str
    score: Decimal
    assessed_on: dt.date
    step: str | None = None
    evidence: str | None = None
    assessor: str | None = None
    provenance: tuple[PProvenance, ...] = ()


class PServiceModel(_P):
    id: str
    sub_sector: SubSector
    name: str
    system: str | None = None
    phases: tuple[PServicePhase, ...] | None = None
    assessments: tuple[PAspectAssessment, ...] | None = None
    provenance: tuple[PProvenance, ...] = ()


class PCommitmentTarget(_P):
    indicator: str
    value: Decimal
    unit: str
    year: PYear | None = None


class PCommitment(_P):
    office: Office
    signed_on: dt.date
    scope: str
    signatory: str | None = None
    role: SignatoryRole | None = None
    subject: CommitmentSubject | None = None
    package: str | None = None
    year: PYear | None = None
    pledged: Decimal | None = None
    targets: tuple[PCommitmentTarget, ...] = ()
    document: PLegalInstrument | None = None
    provenance: tuple[PProvenance, ...] = ()


class PActivity(_P):
    id: str
    name: str
    fiscal_year: PYear
    code: str | None = None
    sub_sector: SubSector | None = None
    funding_source: FundingSource | None = None
    planned: Decimal | None = None
    realised: Decimal | None = None
    physical_progress: Decimal | None = None
    service_model: str | None = None
    planned_in: tuple[AnnualPlan, ...] | None = None
    provenance: tuple[PProvenance, ...] = ()


class PMonitoringReport(_P):
    period_start: dt.date
    period_end: dt.date
    id: str | None = None
    issued_on: dt.date | None = None
    activities: tuple[str, ...] = ()
    funding_groups: tuple[FundingGroup, ...] = ()
    service_model: str | None = None
    provenance: tuple[PProvenance, ...] = ()


class PEvaluation(_P):
    subject: EvaluationSubject
    evaluated_on: dt.date
    service_model: str | None = None
    findings: tuple[str, ...] = ()
    lessons: tuple[str, ...] | None = None
    improvements: tuple[str, ...] | None = None
    provenance: tuple[PProvenance, ...] = ()


class PRungCounts(_P):
    total: PCount | None = None
    safely_managed: PCount | None = None
    basic: PCount | None = None
    limited: PCount | None = None
    unimproved: PCount | None = None
    open_defecation: PCount | None = None


class PAccessRecord(_P):
    year: PYear
    source: AccessSource
    area: AreaType = AreaType.TOTAL
    safely_managed: Decimal | None = None
    basic: Decimal | None = None
    limited: Decimal | None = None
    unimproved: Decimal | None = None
    open_defecation: Decimal | None = None
    layak: Decimal | None = None
    households: PRungCounts | None = None
    published_on: dt.date | None = None
    provenance: tuple[PProvenance, ...] = ()


class PVillageRecord(_P):
    code: str
    name: str | None = None
    odf: bool | None = None
    odf_verified_on: dt.date | None = None
    provenance: tuple[PProvenance, ...] = ()


class PEhraAssessment(_P):
    village: str
    year: PYear
    scores: Annotated[dict[str, Decimal], Field(min_length=1)]
    households: Annotated[int, Field(ge=0, le=100_000)] | None = None
    provenance: tuple[PProvenance, ...] = ()


class PWasteRecord(_P):
    year: PYear
    generated: Decimal | None = None
    reduced: Decimal | None = None
    handled: Decimal | None = None
    area: AreaType = AreaType.TOTAL
    provenance: tuple[PProvenance, ...] = ()


class PNawasisEntry(_P):
    milestone: Milestone
    year: PYear
    entered_on: dt.date
    completeness: Decimal | None = None
    provenance: tuple[PProvenance, ...] = ()


class PDossier(_P):
    region: PRegion
    # ``schema`` would shadow a BaseModel attribute: the field is aliased.
    schema_: Literal["sanitasi.dossier/v2"] = Field(alias="schema")
    description: str | None = None
    fictional: bool = False
    designations: tuple[PDesignation, ...] | None = None
    stage_reports: tuple[PStageReport, ...] | None = None
    working_group: PWorkingGroup | None = None
    meetings: tuple[PMeeting, ...] | None = None
    documents: tuple[PPlanningDocument, ...] | None = None
    service_models: tuple[PServiceModel, ...] | None = None
    commitments: tuple[PCommitment, ...] | None = None
    activities: tuple[PActivity, ...] | None = None
    monitoring_reports: tuple[PMonitoringReport, ...] | None = None
    evaluations: tuple[PEvaluation, ...] | None = None
    access_records: tuple[PAccessRecord, ...] | None = None
    villages: tuple[PVillageRecord, ...] | None = None
    ehra: tuple[PEhraAssessment, ...] | None = None
    waste_records: tuple[PWasteRecord, ...] | None = None
    nawasis_entries: tuple[PNawasisEntry, ...] | None = None
    incomplete: tuple[DossierList, ...] = ()
    provenance: tuple[PProvenance, ...] = ()


def pydantic_dump_json(dossier: PDossier) -> bytes:
    """The same JSON as the other stacks: aliases, defaults omitted."""
    return dossier.model_dump_json(by_alias=True, exclude_defaults=True).encode("utf-8")
