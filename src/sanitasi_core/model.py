"""The domain model: a district's PPSP dossier and every record in it.

All classes are frozen and keyword-only. ``None`` always means *unknown / not reported*: it is
never read as zero, false or empty. A collection that is ``None`` was not reported; an empty
tuple was reported as having no entries. Every record can carry its provenance.

Indonesian terms are given in each docstring; see the glossary in the docs.
"""

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Any, Final

import attrs

from sanitasi_core import _validators as v
from sanitasi_core._messages import text
from sanitasi_core._text import Text, brief
from sanitasi_core.codes import parse_apbd_code, parse_region_code
from sanitasi_core.decrees import Regulation, RegulationKind, parse_decree_number
from sanitasi_core.exceptions import ParseError, Problem, ValidationError
from sanitasi_core.regions import default_registry  # loads its data on first call, not here

__all__ = [
    "ANNUAL_DOCUMENTS",
    "APBD_SOURCES",
    "DEFAULT_ASPECTS",
    "DOSSIER_SCHEMA",
    "DOSSIER_SCHEMAS",
    "REGULATION_KINDS",
    "AccessRecord",
    "AccessSource",
    "Activity",
    "AnnualPlan",
    "AreaType",
    "AspectAssessment",
    "Commitment",
    "CommitmentSubject",
    "CommitmentTarget",
    "Designation",
    "DocumentKind",
    "Dossier",
    "DossierList",
    "EhraAssessment",
    "Evaluation",
    "EvaluationSubject",
    "FundingGroup",
    "FundingSource",
    "InstrumentKind",
    "LegalInstrument",
    "Meeting",
    "MeetingKind",
    "Member",
    "MemberRole",
    "Milestone",
    "MonitoringReport",
    "NationalTarget",
    "NawasisEntry",
    "Office",
    "PlanningDocument",
    "Provenance",
    "Region",
    "RungCounts",
    "Scale",
    "ServiceModel",
    "ServicePhase",
    "SignatoryRole",
    "Source",
    "StageReport",
    "SubSector",
    "TargetIndicator",
    "VillageRecord",
    "WasteRecord",
    "WorkingGroup",
]

DOSSIER_SCHEMA: Final = "sanitasi.dossier/v2"
"""The format name and version written in every dossier document's ``schema`` field."""

DOSSIER_SCHEMAS: Final = ("sanitasi.dossier/v1", DOSSIER_SCHEMA)
"""Every format version the loader reads; a v1 document is read as the v2 document it names."""


# --------------------------------------------------------------------------------------------
# Enumerations (wire values are the enum values and never change)
# --------------------------------------------------------------------------------------------


class Milestone(StrEnum):
    """An implementation milestone of the SSK (*milestone implementasi SSK*)."""

    M1 = "M1"  #: *Komitmen kepala daerah* — the regional head's commitment.
    M2 = "M2"  #: *Penetapan kebijakan* — policy adopted.
    M3 = "M3"  #: *Uji coba skala terbatas* — limited-scale trial.
    M4 = "M4"  #: *Penyelenggaraan layanan sanitasi berkelanjutan* — sustainable service.

    @property
    def rank(self) -> int:
        """Return 1 for M1 … 4 for M4."""
        return int(self.value[1])


class SubSector(StrEnum):
    """A sanitation sub-sector (*sub-sektor sanitasi*)."""

    WASTEWATER = "wastewater"  #: *Air limbah domestik*.
    SOLID_WASTE = "solid_waste"  #: *Persampahan*.
    DRAINAGE = "drainage"  #: *Drainase lingkungan*.
    HYGIENE = "hygiene"  #: *Higiene* / PHBS / STBM.


class InstrumentKind(StrEnum):
    """The kind of a legal instrument (*produk hukum*)."""

    KEPMENDAGRI = "kepmendagri"  #: Decree of the Minister of Home Affairs.
    PERMENDAGRI = "permendagri"  #: Regulation of the Minister of Home Affairs.
    PERDA = "perda"  #: Regional regulation (*Peraturan Daerah*).
    PERBUP = "perbup"  #: Regent's regulation (*Peraturan Bupati*).
    PERWALI = "perwali"  #: Mayor's regulation (*Peraturan Wali Kota*).
    SK = "sk"  #: Decree (*Surat Keputusan*), e.g. *SK Bupati*.
    SE = "se"  #: Circular (*Surat Edaran*).
    INSTRUKSI = "instruksi"  #: Instruction (*Instruksi Bupati/Wali Kota*).
    OTHER = "other"  #: Any other instrument.


REGULATION_KINDS: Final[dict[InstrumentKind, RegulationKind]] = {
    InstrumentKind.PERMENDAGRI: RegulationKind.PERMEN,
    InstrumentKind.PERDA: RegulationKind.PERDA,
    InstrumentKind.PERBUP: RegulationKind.PERBUP,
    InstrumentKind.PERWALI: RegulationKind.PERWALI,
    InstrumentKind.SE: RegulationKind.SE,
    InstrumentKind.INSTRUKSI: RegulationKind.INSTRUKSI,
}
"""The regulation kind a :class:`LegalInstrument`'s ``regulation`` must have, by its kind."""


class MeetingKind(StrEnum):
    """The kind of a meeting (*pertemuan*)."""

    COORDINATION = "coordination"  #: Coordination meeting (*rapat koordinasi*, *rakor*).
    COACHING_CLINIC = "coaching_clinic"  #: Coaching clinic CC1-CC7.
    OTHER = "other"  #: Any other meeting.


class DocumentKind(StrEnum):
    """The kind of a planning document (*dokumen perencanaan*)."""

    SSK = "ssk"  #: *Strategi Sanitasi Kabupaten/Kota* (5-year strategy).
    BUKU_PUTIH = "buku_putih"  #: *Buku Putih Sanitasi* (baseline).
    MPS = "mps"  #: *Memorandum Program Sanitasi* (investment memorandum).
    SANITATION_PROFILE = "sanitation_profile"  #: Sanitation profile.
    LSS = "lss"  #: *Laporan Status Sanitasi* (sanitation status report), an M1 output.
    ADVOCACY_MATERIAL = "advocacy_material"  #: *Materi advokasi* for the regional head (M1).
    POLICY_PACKAGE_DRAFT = "policy_package_draft"  #: *Rancangan paket kebijakan* (M1).
    POLICY_PACKAGE = "policy_package"  #: *Paket kebijakan sanitasi* as adopted (M2).
    RPJMD = "rpjmd"  #: Regional medium-term development plan.
    RENSTRA = "renstra"  #: Agency strategic plan.
    RKPD = "rkpd"  #: Regional annual work plan.
    RENJA = "renja"  #: Agency annual work plan.
    DPA = "dpa"  #: Budget implementation document (*Dokumen Pelaksanaan Anggaran*).
    ROADMAP = "roadmap"  #: *Roadmap Sanitasi Provinsi*.
    OTHER = "other"  #: Any other document.


class DossierList(StrEnum):
    """A list of records in the dossier (the JSON key of the collection)."""

    DESIGNATIONS = "designations"
    STAGE_REPORTS = "stage_reports"
    MEETINGS = "meetings"
    DOCUMENTS = "documents"
    SERVICE_MODELS = "service_models"
    COMMITMENTS = "commitments"
    ACTIVITIES = "activities"
    MONITORING_REPORTS = "monitoring_reports"
    EVALUATIONS = "evaluations"
    ACCESS_RECORDS = "access_records"
    VILLAGES = "villages"
    EHRA = "ehra"
    WASTE_RECORDS = "waste_records"
    NAWASIS_ENTRIES = "nawasis_entries"


class AnnualPlan(StrEnum):
    """An annual plan an activity can be taken into (*internalisasi*)."""

    RKPD = "rkpd"  #: *Rencana Kerja Pemerintah Daerah*.
    RENJA = "renja"  #: *Rencana Kerja Perangkat Daerah*.
    DPA = "dpa"  #: *Dokumen Pelaksanaan Anggaran*.


ANNUAL_DOCUMENTS: Final = frozenset({DocumentKind.RKPD, DocumentKind.RENJA, DocumentKind.DPA})
"""The annual planning documents: each needs its ``year``."""


class Scale(StrEnum):
    """The scale of a service model phase (*skala layanan*)."""

    TRIAL = "trial"  #: Limited-scale trial (*uji coba skala terbatas*).
    EXPANDED = "expanded"  #: Expanded scale (*skala diperluas*).
    FULL = "full"  #: Full scale (*skala penuh*).


class Office(StrEnum):
    """The office of a signatory (*jabatan*)."""

    BUPATI = "bupati"  #: Regent.
    WAKIL_BUPATI = "wakil_bupati"  #: Deputy regent.
    WALI_KOTA = "wali_kota"  #: Mayor.
    WAKIL_WALI_KOTA = "wakil_wali_kota"  #: Deputy mayor.
    PJ_KEPALA_DAERAH = "pj_kepala_daerah"  #: Acting regional head (*Penjabat*).
    SEKDA = "sekda"  #: Regional secretary (*Sekretaris Daerah*).
    BAPPEDA_HEAD = "bappeda_head"  #: Head of Bappeda.
    OTHER = "other"  #: Any other office.

    @property
    def is_regional_head(self) -> bool:
        """Whether the office is the regional head or their deputy (*kepala daerah*)."""
        return self in _REGIONAL_HEADS


_REGIONAL_HEADS: Final = frozenset(
    {
        Office.BUPATI,
        Office.WAKIL_BUPATI,
        Office.WALI_KOTA,
        Office.WAKIL_WALI_KOTA,
        Office.PJ_KEPALA_DAERAH,
    }
)


class SignatoryRole(StrEnum):
    """In what capacity a commitment was signed (*kapasitas penandatangan*)."""

    REGIONAL_HEAD = "regional_head"  #: The regent or mayor (*Bupati / Wali Kota*).
    DEPUTY = "deputy"  #: Their deputy (*Wakil Bupati / Wakil Wali Kota*).
    ACTING_HEAD = "acting_head"  #: An acting regional head (*Penjabat / Plt kepala daerah*).
    DELEGATE = "delegate"  #: Another official signing for the regional head, e.g. the Sekda.
    OTHER = "other"  #: An official signing on their own account.

    @property
    def for_regional_head(self) -> bool:
        """Whether the signature stands for the regional head (everything but ``other``)."""
        return self is not SignatoryRole.OTHER


_ROLE_OF_OFFICE: Final = {
    Office.BUPATI: SignatoryRole.REGIONAL_HEAD,
    Office.WALI_KOTA: SignatoryRole.REGIONAL_HEAD,
    Office.WAKIL_BUPATI: SignatoryRole.DEPUTY,
    Office.WAKIL_WALI_KOTA: SignatoryRole.DEPUTY,
    Office.PJ_KEPALA_DAERAH: SignatoryRole.ACTING_HEAD,
}


class CommitmentSubject(StrEnum):
    """What a commitment commits to (*komitmen terhadap …*)."""

    POLICY_PACKAGE = "policy_package"  #: The drafted sanitation policy package (M1).
    SERVICE = "service"  #: Developing and managing sustainable services in a year (M4).
    OTHER = "other"  #: Anything else (targets, budgets, a declaration).


class MemberRole(StrEnum):
    """A role in the working group (*Pokja*)."""

    CHAIR = "chair"  #: *Ketua*.
    VICE_CHAIR = "vice_chair"  #: *Wakil ketua*.
    SECRETARY = "secretary"  #: *Sekretaris*.
    MEMBER = "member"  #: *Anggota*.


class FundingSource(StrEnum):
    """A funding source (*sumber pendanaan*).

    "APBD" in milestone wording means the district's own budget (:attr:`APBD_DISTRICT`);
    "non-APBD" is every other source.
    """

    APBN = "apbn"  #: State budget.
    DAK = "dak"  #: Special allocation fund (*Dana Alokasi Khusus*, an APBN transfer).
    APBD_PROVINCE = "apbd_province"  #: Provincial budget (*APBD Provinsi*).
    APBD_DISTRICT = "apbd_district"  #: The district's own budget (*APBD Kabupaten/Kota*).
    DANA_DESA = "dana_desa"  #: Village fund.
    CSR = "csr"  #: Corporate social responsibility / private.
    GRANT = "grant"  #: Donor or grant (*hibah*).
    COMMUNITY = "community"  #: Community contribution (*swadaya masyarakat*).
    PPP = "ppp"  #: Public-private partnership (*KPBU*).
    OTHER = "other"  #: Any other source.

    @property
    def group(self) -> "FundingGroup":
        """Return ``apbd`` for the district's own budget, ``non_apbd`` otherwise."""
        return FundingGroup.APBD if self is FundingSource.APBD_DISTRICT else FundingGroup.NON_APBD


class FundingGroup(StrEnum):
    """The two funding groups of the milestone wording."""

    APBD = "apbd"  #: The district's own budget.
    NON_APBD = "non_apbd"  #: Every other source.


APBD_SOURCES: Final = frozenset({FundingSource.APBD_DISTRICT})
"""The funding sources counted as "APBD" in milestone wording."""


class EvaluationSubject(StrEnum):
    """What an evaluation (*evaluasi*) looked at."""

    TRIAL = "trial"  #: The limited-scale trial (M3).
    SERVICE_MODEL = "service_model"  #: The running service model (M4, yearly).
    POST_M4 = "post_m4"  #: The post-M4 evaluation.


class AccessSource(StrEnum):
    """Where an access figure came from."""

    SUSENAS = "susenas"  #: BPS national socio-economic survey.
    EHRA = "ehra"  #: Environmental Health Risk Assessment survey.
    NAWASIS = "nawasis"  #: The national water and sanitation information system.
    DISTRICT_REPORT = "district_report"  #: Figures reported by the district.
    HOUSEHOLD_RECORDS = "household_records"  #: Computed from household records by this library.
    OTHER = "other"  #: Any other source.


class AreaType(StrEnum):
    """Urban / rural split of a figure (*perkotaan / perdesaan*)."""

    TOTAL = "total"
    URBAN = "urban"
    RURAL = "rural"


class TargetIndicator(StrEnum):
    """An indicator that national targets are set on."""

    LAYAK = "layak"  #: Improved access (*akses layak*) — safely managed + basic + limited.
    SAFELY_MANAGED = "safely_managed"  #: *Akses aman*.
    OPEN_DEFECATION = "open_defecation"  #: *BABS di tempat terbuka* (lower is better).
    WASTE_REDUCTION = "waste_reduction"  #: Solid-waste reduction (*pengurangan*).
    WASTE_HANDLING = "waste_handling"  #: Solid-waste handling (*penanganan*).

    @property
    def higher_is_better(self) -> bool:
        """Whether a higher value is better (false only for open defecation)."""
        return self is not TargetIndicator.OPEN_DEFECATION


DEFAULT_ASPECTS: Final = (
    "regulation",
    "institution",
    "financing",
    "technical",
    "participation",
    "communication",
)
"""The six aspect keys of the 2020 reconstruction (*regulasi, kelembagaan, pendanaan, teknis,
peran serta masyarakat dan swasta, komunikasi / perubahan perilaku*). Assessments may name any
identifier: which ones count, and under which aliases, is the rulebook's aspect set (Kemendagri
names five aspects; see the rulebook format reference)."""


# --------------------------------------------------------------------------------------------
# Field helpers: one spelling for each kind of field keeps the classes readable
# --------------------------------------------------------------------------------------------


def _to_text(value: Text | str) -> Text:
    """Normalise a plain string (a citation, the same in both languages) to :class:`Text`."""
    return Text(id=value, en=value) if isinstance(value, str) else value


def _text_field() -> Any:
    return attrs.field(validator=v.text_value)


def _opt_text() -> Any:
    return attrs.field(default=None, validator=v.optional(v.text_value))


def _opt_date() -> Any:
    return attrs.field(default=None, validator=v.optional(v.date_value))


def _opt_money() -> Any:
    return attrs.field(
        default=None, converter=v.to_optional_decimal, validator=v.optional(v.non_negative)
    )


def _opt_pct() -> Any:
    return attrs.field(
        default=None, converter=v.to_optional_decimal, validator=v.optional(v.percentage)
    )


def _provenance() -> Any:
    return attrs.field(factory=tuple, converter=v.to_tuple, validator=v.instances(Provenance))


def _ids_unique(path: str, ids: list[str | None], problems: list[Problem]) -> set[str]:
    seen: set[str] = set()
    for index, ident in enumerate(ids):
        if ident is None:
            continue
        if ident in seen:
            problems.append(
                Problem(
                    path=f"{path}[{index}].id",
                    code="duplicate_id",
                    text=text("duplicate_id", got=ident),
                )
            )
        seen.add(ident)
    return seen


def _key_problems(
    path: str, keyed: list[tuple[int, tuple[object, ...] | None]], problems: list[Problem]
) -> None:
    """Report every record whose natural key repeats an earlier one, naming both paths."""
    first: dict[tuple[object, ...], int] = {}
    for index, key in keyed:
        if key is None:
            continue
        if key in first:
            code = "duplicate_record"
            shown = ", ".join(str(getattr(k, "value", k)) for k in key)
            problems.append(
                Problem(
                    path=f"{path}[{index}]",
                    code=code,
                    text=text(code, first=f"{path}[{first[key]}]", key=shown),
                )
            )
        else:
            first[key] = index


def _natural_keys_unique(dossier: "Dossier", problems: list[Problem]) -> None:
    """Two records with the same natural key would make a decision depend on their order."""
    _key_problems(
        "access_records",
        [(i, (r.year, r.source, r.area)) for i, r in enumerate(dossier.access_records or ())],
        problems,
    )
    _key_problems(
        "waste_records",
        [(i, (r.year, r.area)) for i, r in enumerate(dossier.waste_records or ())],
        problems,
    )
    _key_problems(
        "ehra", [(i, (r.village, r.year)) for i, r in enumerate(dossier.ehra or ())], problems
    )
    _key_problems(
        "designations",
        [
            (i, (d.decree.number, d.milestone) if d.decree.number is not None else None)
            for i, d in enumerate(dossier.designations or ())
        ],
        problems,
    )
    _key_problems(
        "meetings",
        [
            (i, (m.kind, m.clinic, m.date)) if m.clinic is not None else (i, None)
            for i, m in enumerate(dossier.meetings or ())
        ],
        problems,
    )
    _key_problems(
        "nawasis_entries",
        [
            (i, (e.milestone, e.year, e.entered_on))
            for i, e in enumerate(dossier.nawasis_entries or ())
        ],
        problems,
    )
    for m_index, model in enumerate(dossier.service_models or ()):
        _key_problems(
            f"service_models[{m_index}].assessments",
            [(i, (a.aspect, a.step, a.assessed_on)) for i, a in enumerate(model.assessments or ())],
            problems,
        )


def _unique(keys: list[Any]) -> bool:
    return len(set(keys)) == len(keys)


def _cross_records_ok(dossier: "Dossier") -> bool:
    """Whether every cross-record rule of *dossier* holds, as a yes/no without any problem built.

    The common case on loading: the rules that name the failing paths run only when it is no.
    """
    models = [m.id for m in dossier.service_models or ()]
    activities = dossier.activities or ()
    reports = dossier.monitoring_reports or ()
    villages = [x.code for x in dossier.villages or ()]
    ehra = dossier.ehra or ()
    known_activities = {a.id for a in activities}
    if not (
        _unique(models)
        and len(known_activities) == len(activities)
        and _unique([r.id for r in reports if r.id is not None])
        and _unique(villages)
    ):
        return False
    known_models = set(models)
    referenced = {a.service_model for a in activities} | {r.service_model for r in reports}
    referenced |= {e.service_model for e in dossier.evaluations or ()}
    referenced.discard(None)
    if not known_models.issuperset(referenced) or not all(
        known_activities.issuperset(r.activities) for r in reports
    ):
        return False
    prefix = dossier.region.code + "."
    if not all(c.startswith(prefix) for c in villages) or not all(
        x.village.startswith(prefix) for x in ehra
    ):
        return False
    if not dossier.fictional and not default_registry().has_regency(dossier.region.code):
        return False
    numbered = [d for d in dossier.designations or () if d.decree.number is not None]
    clinics = [m for m in dossier.meetings or () if m.clinic is not None]
    return (
        _unique([(r.year, r.source, r.area) for r in dossier.access_records or ()])
        and _unique([(r.year, r.area) for r in dossier.waste_records or ()])
        and _unique([(r.village, r.year) for r in ehra])
        and _unique([(d.decree.number, d.milestone) for d in numbered])
        and _unique([(m.kind, m.clinic, m.date) for m in clinics])
        and _unique([(e.milestone, e.year, e.entered_on) for e in dossier.nawasis_entries or ()])
        and all(
            _unique([(a.aspect, a.step, a.assessed_on) for a in m.assessments or ()])
            for m in dossier.service_models or ()
        )
    )


def _problem(path: str, code: str, /, **params: object) -> Problem:
    return Problem(path=path, code=code, text=text(code, **params))


def _raise_all(problems: list[Problem]) -> None:
    """Raise one error with every cross-field problem of an object, if there is any."""
    if problems:
        raise ValidationError(problems)


def _check_stage(milestone: "Milestone", first: "Milestone | None", m4_year: int | None) -> None:
    """The cross-field rules of a designation and a stage report, all reported together."""
    problems = []
    if m4_year is not None and milestone is not Milestone.M4:
        problems.append(_problem("m4_year", "m4_year_only_for_m4", milestone=milestone.value))
    if first is not None and first.rank > milestone.rank:
        problems.append(
            _problem("first", "milestone_range", first=first.value, last=milestone.value)
        )
    _raise_all(problems)


def _check_period(start: object, end: object) -> None:
    if start is not None and end is not None and end < start:  # type: ignore[operator]
        raise v.invalid("end", "end_before_start", start=start, end=end)


# Region and APBD codes, in the subset of regular expressions Python and JSON Schema read alike.
_PROVINCE: Final = r"(?:1[1-9]|[2-9][0-9])"
_REGENCY: Final = rf"{_PROVINCE}\.(?:0[1-9]|[1-6][0-9]|7[1-9]|[89][0-9])"
_VILLAGE: Final = rf"{_REGENCY}\.(?:0[1-9]|[1-9][0-9])\.[12][0-9]{{3}}"
_APBD: Final = r"[0-9](?:\.[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]\.[0-9]{2}(?:\.[0-9]{4})?)?)?)?"


def _diagnose(parse: Any) -> Any:
    """Return a function giving the parser's own message for a text that is not a code."""

    def diagnose(value: str) -> Text | None:
        try:
            parse(value)
        except ParseError as err:
            return err.text
        return None

    return diagnose


_REGENCY_CODE: Final = v.text_check(
    v.Rule(non_blank=True, pattern=_REGENCY, expected="a kab/kota code PP.KK such as '64.11'"),
    _diagnose(parse_region_code),
)
"""A kab/kota code ``PP.KK`` written as such (province 11-99; 01-69 kabupaten, 71-99 kota)."""

_VILLAGE_CODE: Final = v.text_check(
    v.Rule(
        non_blank=True,
        pattern=_VILLAGE,
        expected="a village code PP.KK.CC.DDDD such as '64.11.01.2001'",
    ),
    _diagnose(parse_region_code),
)
"""A village code ``PP.KK.CC.DDDD`` written as such."""

_APBD_CODE: Final = v.text_check(
    v.Rule(
        non_blank=True,
        pattern=_APBD,
        expected="an APBD code such as '1.03.05.2.01.0044', without spaces around it",
    ),
    _diagnose(parse_apbd_code),
)
"""An APBD nomenclature code written as such (``1.03.05.2.01.0044``)."""


def _province_exists(_inst: object, attribute: "attrs.Attribute[str]", value: str) -> None:
    # A registry look-up: checked by the library only (the schema states the pattern).
    province = value[:2]
    if not default_registry().has_province(province):
        raise v.fail(attribute, "unknown_province", province=province, code=value)


# --------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Provenance:
    """Where a record or figure came from (*sumber data*).

    Attributes:
        source: the source document or system, e.g. "Kaltim Post, 22 Juli 2024" or "NAWASIS".
        url: a link to it, when there is one.
        seen_on: the date the source was read.
        note: anything an official should know about the source.
        published_on: the date the source was published, when known.
        quote: a short verbatim quote of the source that the record rests on.
    """

    source: str = _text_field()
    url: str | None = _opt_text()
    seen_on: dt.date | None = _opt_date()
    note: str | None = _opt_text()
    published_on: dt.date | None = _opt_date()
    quote: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class Region:
    """The district a dossier is about: a *kabupaten* or *kota* (together *kab/kota*).

    Attributes:
        code: the Kemendagri code ``PP.KK`` (``64.11``); its province must exist.
        name: the district's name, e.g. "Kabupaten Mahakam Ulu".
    """

    code: str = attrs.field(validator=v.all_of(_REGENCY_CODE, v.Check(_province_exists)))
    name: str = _text_field()

    @property
    def province_code(self) -> str:
        """Return the two-digit province code (``64``)."""
        return self.code[:2]

    @property
    def is_kota(self) -> bool:
        """Whether the district is a city (*kota*: codes 71-99) rather than a *kabupaten*."""
        return int(self.code[3:5]) >= 71


@attrs.frozen(kw_only=True)
class LegalInstrument:
    """A legal instrument (*produk hukum*): decree, regulation, circular or instruction.

    Attributes:
        kind: Kepmendagri, Perda, Perbup, Perwali, SK, SE, Instruksi, ….
        number: the number as written (``100.4.3-1037/Kep/Bangda 2023``); see
            :func:`sanitasi_core.decrees.parse_decree_number` for Kemendagri decrees.
        date: the date it was signed (*tanggal penetapan*).
        issuer: who issued it (e.g. "Menteri Dalam Negeri", "Bupati Mahakam Ulu").
        title: its title or subject (*tentang …*).
        regulation: for a regulation, its number as its title gives it (*Peraturan Bupati
            Mahakam Ulu Nomor 47 Tahun 2021*): kind, issuer, number and year, read with
            :func:`sanitasi_core.decrees.parse_regulation`. Its kind must agree with
            :attr:`kind` where both name the same kind of instrument.
    """

    kind: InstrumentKind = attrs.field(validator=v.member_of(InstrumentKind))
    number: str | None = _opt_text()
    date: dt.date | None = _opt_date()
    issuer: str | None = _opt_text()
    title: str | None = _opt_text()
    regulation: Regulation | None = attrs.field(
        default=None, validator=v.optional(v.instance(Regulation))
    )
    provenance: "tuple[Provenance, ...]" = _provenance()

    def __attrs_post_init__(self) -> None:
        if self.regulation is None:
            return
        expected = REGULATION_KINDS.get(self.kind)
        if expected is not None and self.regulation.kind is not expected:
            raise v.invalid(
                "regulation.kind",
                "regulation_kind_mismatch",
                got=self.regulation.kind.value,
                kind=self.kind.value,
            )

    def dated_between(self) -> tuple[dt.date, dt.date] | None:
        """The earliest and latest day it can have been signed; ``None`` when nothing tells.

        The date when known; otherwise, for a Kemendagri decree, the year in its number
        (``…/Kep/Bangda/2025`` was signed in 2025).
        """
        if self.date is not None:
            return self.date, self.date
        if self.number is None or self.kind is not InstrumentKind.KEPMENDAGRI:
            return None
        try:
            year = parse_decree_number(self.number).year
        except ParseError:
            return None
        return dt.date(year, 1, 1), dt.date(year, 12, 31)


@attrs.frozen(kw_only=True)
class Designation:
    """A designation of the district at a milestone by decree (*penetapan lokasi dan tahapan*).

    A decree dated in December of one year governs the next programme year (Kepmendagri
    ``100.4.3-1037/Kep/Bangda 2023`` of 18 December 2023 put Mahakam Ulu into M4 for 2024), so
    the programme year is recorded as stated, never derived from the decree's date.

    Attributes:
        decree: the decree (usually a Kepmendagri issued through Bangda).
        milestone: the (highest) milestone the district is designated to implement.
        programme_year: the programme year the designation governs; ``None`` when the source
            does not state it.
        first: for a designation of a range of milestones ("M1 hingga M3"), its first
            milestone; ``None`` for a single milestone.
        m4_year: for M4, the year index (M4 year 1, 2, …) when the source states it.
        completed: milestones the decree records as completed (e.g. M1-M3).
    """

    decree: LegalInstrument = attrs.field(validator=v.instance(LegalInstrument))
    milestone: Milestone = attrs.field(validator=v.member_of(Milestone))
    programme_year: int | None = attrs.field(default=None, validator=v.optional(v.year))
    first: Milestone | None = attrs.field(
        default=None, validator=v.optional(v.member_of(Milestone))
    )
    m4_year: int | None = attrs.field(default=None, validator=v.optional(v.integer(1, 20)))
    completed: tuple[Milestone, ...] = attrs.field(
        factory=tuple, converter=v.to_tuple, validator=v.items(v.member_of(Milestone))
    )
    provenance: "tuple[Provenance, ...]" = _provenance()

    def __attrs_post_init__(self) -> None:
        _check_stage(self.milestone, self.first, self.m4_year)

    @property
    def claimed(self) -> Milestone | None:
        """The highest milestone the decree records as completed, or implies.

        Designating M*n* implies M1 … M*n−1* complete, unless the designation is a range
        (M1-M3: the district is to implement all of them in the programme year).
        """
        start = self.first or self.milestone
        ranks = [m.rank for m in self.completed] + [start.rank - 1]
        best = max(ranks)
        return next((m for m in Milestone if m.rank == best), None)


@attrs.frozen(kw_only=True)
class StageReport:
    """The district's stage in one programme year as a public source reports it (*tahapan*).

    Provincial Pokja pages report each district's stage every year ("M4 tahun ke-3",
    "tahapan Milestone 1 hingga 3"); such a report is evidence of the programme's history, not
    a decree.

    Attributes:
        year: the programme year reported on.
        milestone: the (highest) milestone the district works on that year.
        reported_on: the date of the report (required: undated history could look ahead).
        first: for a range ("M1-M3"), its first milestone.
        m4_year: for M4, the year index the source states (M4 year 1, 2, …).
        assisted: whether the source says the district was assisted (*didampingi*) that year
            (``False``: post-assistance, e.g. a post-M4 evaluation); ``None`` when not stated.
    """

    year: int = attrs.field(validator=v.year)
    milestone: Milestone = attrs.field(validator=v.member_of(Milestone))
    reported_on: dt.date = attrs.field(validator=v.date_value)
    first: Milestone | None = attrs.field(
        default=None, validator=v.optional(v.member_of(Milestone))
    )
    m4_year: int | None = attrs.field(default=None, validator=v.optional(v.integer(1, 20)))
    assisted: bool | None = attrs.field(default=None, validator=v.optional(v.flag))
    provenance: "tuple[Provenance, ...]" = _provenance()

    def __attrs_post_init__(self) -> None:
        _check_stage(self.milestone, self.first, self.m4_year)


@attrs.frozen(kw_only=True)
class NawasisEntry:
    """Milestone outputs entered in NAWASIS, the national water and sanitation information system.

    Attributes:
        milestone: the milestone whose outputs were entered.
        year: the programme year they belong to.
        entered_on: the date they were entered (or the completeness was read).
        completeness: the completeness percentage NAWASIS shows for the district, when known.
    """

    milestone: Milestone = attrs.field(validator=v.member_of(Milestone))
    year: int = attrs.field(validator=v.year)
    entered_on: dt.date = attrs.field(validator=v.date_value)
    completeness: Decimal | None = _opt_pct()
    provenance: "tuple[Provenance, ...]" = _provenance()


@attrs.frozen(kw_only=True)
class Member:
    """A member of the working group (*anggota Pokja*).

    Attributes:
        office: the office or position held (e.g. "Sekda", "Kepala Bappeda").
        name: the person's name, when known.
        agency: the agency (*perangkat daerah*) they represent.
        role: chair, vice chair, secretary or member.
    """

    office: str = _text_field()
    name: str | None = _opt_text()
    agency: str | None = _opt_text()
    role: MemberRole = attrs.field(default=MemberRole.MEMBER, validator=v.member_of(MemberRole))


@attrs.frozen(kw_only=True)
class WorkingGroup:
    """The district's sanitation working group (*Pokja PKP / PPAS / AMPL / Sanitasi*).

    Attributes:
        name: its name as used locally, e.g. "Pokja PKP".
        decree: the decree forming it (*SK Bupati/Wali Kota*); ``None`` when unknown.
        host: the agency hosting it (usually Bappeda).
        members: its members; ``None`` when not reported.
    """

    name: str = _text_field()
    decree: LegalInstrument | None = attrs.field(
        default=None, validator=v.optional(v.instance(LegalInstrument))
    )
    host: str | None = _opt_text()
    members: tuple[Member, ...] | None = attrs.field(
        default=None,
        converter=v.to_optional_tuple,
        validator=v.optional(v.instances(Member)),
    )
    provenance: tuple[Provenance, ...] = _provenance()


@attrs.frozen(kw_only=True)
class Meeting:
    """A meeting: a coordination meeting (*rakor*) or a coaching clinic (CC1-CC7).

    Attributes:
        kind: coordination, coaching clinic or other.
        date: the day it was held.
        clinic: for a coaching clinic, its number 1-7 (CC1 belongs to M1, CC6-CC7 to M4).
        title: its title or agenda.
        location: where it was held.
        chaired_by: who opened or chaired it.
    """

    kind: MeetingKind = attrs.field(validator=v.member_of(MeetingKind))
    date: dt.date = attrs.field(validator=v.date_value)
    clinic: int | None = attrs.field(default=None, validator=v.optional(v.integer(1, 7)))
    title: str | None = _opt_text()
    location: str | None = _opt_text()
    chaired_by: str | None = _opt_text()
    provenance: tuple[Provenance, ...] = _provenance()

    def __attrs_post_init__(self) -> None:
        if self.kind is MeetingKind.COACHING_CLINIC and self.clinic is None:
            code = "coaching_clinic_required"
            raise v.invalid("clinic", code)
        if self.kind is not MeetingKind.COACHING_CLINIC and self.clinic is not None:
            code = "coaching_clinic_kind"
            raise v.invalid("clinic", code)


@attrs.frozen(kw_only=True)
class PlanningDocument:
    """A planning document: SSK, Buku Putih, MPS, sanitation profile, policy package, RKPD, ….

    Attributes:
        kind: what the document is.
        title: its title.
        period_start: first year of a multi-year period (the SSK's five years).
        period_end: last year of that period (inclusive).
        year: the year of an annual document (RKPD, Renja, DPA).
        adopted_on: the date it was adopted or completed.
        instrument: the legal instrument adopting it (e.g. the Perbup adopting a policy package).
    """

    kind: DocumentKind = attrs.field(validator=v.member_of(DocumentKind))
    title: str | None = _opt_text()
    period_start: int | None = attrs.field(default=None, validator=v.optional(v.year))
    period_end: int | None = attrs.field(default=None, validator=v.optional(v.year))
    year: int | None = attrs.field(default=None, validator=v.optional(v.year))
    adopted_on: dt.date | None = _opt_date()
    instrument: LegalInstrument | None = attrs.field(
        default=None, validator=v.optional(v.instance(LegalInstrument))
    )
    provenance: tuple[Provenance, ...] = _provenance()

    def __attrs_post_init__(self) -> None:
        problems = []
        start, end = self.period_start, self.period_end
        if start is not None and end is not None:
            if end < start:
                problems.append(_problem("period_end", "end_before_start", start=start, end=end))
            elif self.kind is DocumentKind.SSK and end - start != 4:
                problems.append(_problem("period_end", "ssk_period", start=start, end=end))
        if self.kind in ANNUAL_DOCUMENTS and self.year is None:
            problems.append(_problem("year", "annual_document_year", kind=self.kind.value))
        _raise_all(problems)

    def covers_year(self, year: int) -> bool | None:
        """Whether the document's period covers *year*; ``None`` when the period is unknown."""
        if self.period_start is None or self.period_end is None:
            return None
        return self.period_start <= year <= self.period_end


@attrs.frozen(kw_only=True)
class ServicePhase:
    """One phase of a service model at one scale (*tahap layanan*).

    Attributes:
        scale: trial, expanded or full.
        area: the service area, as described (e.g. "Kecamatan Long Bagun").
        villages: region codes of the villages served, when listed.
        households: households served in this phase, when known.
        start: when the phase started.
        end: when it ended (``None``: ongoing or unknown).
    """

    scale: Scale = attrs.field(validator=v.member_of(Scale))
    area: str = _text_field()
    villages: tuple[str, ...] = attrs.field(
        factory=tuple, converter=v.to_tuple, validator=v.items(v.text_value)
    )
    households: int | None = attrs.field(
        default=None, validator=v.optional(v.integer(0, 100_000_000))
    )
    start: dt.date | None = _opt_date()
    end: dt.date | None = _opt_date()

    def __attrs_post_init__(self) -> None:
        _check_period(self.start, self.end)


@attrs.frozen(kw_only=True)
class AspectAssessment:
    """An assessment of one aspect of a service model (*penilaian aspek*).

    Attributes:
        aspect: the aspect's identifier as the assessment names it (a rulebook's aspect set
            says which identifiers it counts, and under which aliases).
        score: the score, 0-100 (e.g. on the steps 0 / 50 / 75 / 100).
        assessed_on: the date of the assessment.
        step: the step of the service chain assessed (*rantai layanan*, e.g. ``emptying``),
            when the assessment is per step; ``None`` for the service as a whole.
        evidence: what the score rests on (document, photo, decree).
        assessor: who assessed it.
    """

    aspect: str = attrs.field(validator=v.text_value)
    score: Decimal = attrs.field(converter=v.to_decimal, validator=v.score)
    assessed_on: dt.date = attrs.field(validator=v.date_value)
    step: str | None = _opt_text()
    evidence: str | None = _opt_text()
    assessor: str | None = _opt_text()
    provenance: tuple[Provenance, ...] = _provenance()


@attrs.frozen(kw_only=True)
class ServiceModel:
    """A service model of one sub-sector (*model layanan*), assessed across aspects.

    Attributes:
        id: an identifier unique in the dossier, used by activities and reports.
        sub_sector: the sub-sector it serves.
        name: its name (e.g. "LLTT Kecamatan Long Bagun").
        system: the technical system, e.g. "SPALD-S" or "TPS3R".
        phases: its phases in order (trial first); ``None`` when not reported.
        assessments: the aspect assessments; ``None`` when not reported.
    """

    id: str = _text_field()
    sub_sector: SubSector = attrs.field(validator=v.member_of(SubSector))
    name: str = _text_field()
    system: str | None = _opt_text()
    phases: tuple[ServicePhase, ...] | None = attrs.field(
        default=None,
        converter=v.to_optional_tuple,
        validator=v.optional(v.instances(ServicePhase)),
    )
    assessments: tuple[AspectAssessment, ...] | None = attrs.field(
        default=None,
        converter=v.to_optional_tuple,
        validator=v.optional(v.instances(AspectAssessment)),
    )
    provenance: tuple[Provenance, ...] = _provenance()


@attrs.frozen(kw_only=True)
class CommitmentTarget:
    """A target named in a commitment (e.g. 95 % layak by 2026).

    Attributes:
        indicator: what is targeted, free text or an indicator name.
        value: the target value.
        unit: its unit (``%``, ``households``, ``Rp``).
        year: the year it is due.
    """

    indicator: str = _text_field()
    value: Decimal = attrs.field(converter=v.to_decimal, validator=v.decimal)
    unit: str = _text_field()
    year: int | None = attrs.field(default=None, validator=v.optional(v.year))


@attrs.frozen(kw_only=True)
class Commitment:
    """A signed commitment (*komitmen*) of a regional head or official.

    At M1 the regional head commits to the drafted policy package (*komitmen Bupati terhadap
    paket kebijakan sanitasi*); a delegate, such as the regional secretary (Sekda), may sign for
    them, and a new regional head signs again. In M4 the commitment is renewed every year.

    Attributes:
        office: the signatory's office (Bupati, Wali Kota, Sekda, …).
        signed_on: the date it was signed.
        scope: what is committed to, as written.
        signatory: the signatory's name.
        role: the capacity in which it was signed; ``None`` when not stated (see
            :attr:`signatory_role`).
        subject: what it commits to: the policy package, the year's services, or other.
        package: the name of the policy package, e.g. "SERUYAN BARASIH".
        year: the programme year the commitment is for (M4 commitments are yearly).
        pledged: a pledged budget in Rupiah, when stated.
        targets: targets it names.
        document: the document it was signed as, when known.
    """

    office: Office = attrs.field(validator=v.member_of(Office))
    signed_on: dt.date = attrs.field(validator=v.date_value)
    scope: str = _text_field()
    signatory: str | None = _opt_text()
    role: SignatoryRole | None = attrs.field(
        default=None, validator=v.optional(v.member_of(SignatoryRole))
    )
    subject: CommitmentSubject | None = attrs.field(
        default=None, validator=v.optional(v.member_of(CommitmentSubject))
    )
    package: str | None = _opt_text()
    year: int | None = attrs.field(default=None, validator=v.optional(v.year))
    pledged: Decimal | None = _opt_money()
    targets: tuple[CommitmentTarget, ...] = attrs.field(
        factory=tuple, converter=v.to_tuple, validator=v.instances(CommitmentTarget)
    )
    document: LegalInstrument | None = attrs.field(
        default=None, validator=v.optional(v.instance(LegalInstrument))
    )
    provenance: tuple[Provenance, ...] = _provenance()

    @property
    def signatory_role(self) -> SignatoryRole | None:
        """The role as stated, else as the office implies it; ``None`` when it cannot be told.

        A regent, mayor, deputy or acting head signs in that capacity; whether a Sekda or a
        Bappeda head signed *for* the regional head must be stated (``role = "delegate"``).
        """
        if self.role is not None:
            return self.role
        return _ROLE_OF_OFFICE.get(self.office)


@attrs.frozen(kw_only=True)
class Activity:
    """A programme activity (*program / kegiatan / sub-kegiatan*) with its money.

    Attributes:
        id: an identifier unique in the dossier.
        name: its name as in the budget.
        fiscal_year: the fiscal year (*tahun anggaran*, = calendar year).
        code: its APBD nomenclature code (``1.03.05.2.01.0044``), when it has one.
        sub_sector: the sanitation sub-sector.
        funding_source: where the money comes from; ``None`` when unknown.
        planned: the planned amount (*pagu*) in Rupiah; ``None`` when unknown.
        realised: the realised amount (*realisasi*) in Rupiah; ``None`` when unknown.
            Realised may exceed planned (overspend happens).
        physical_progress: physical progress in percent.
        service_model: the id of the service model it serves.
        planned_in: the annual plans it was taken into; ``None`` when unknown.
    """

    id: str = _text_field()
    name: str = _text_field()
    fiscal_year: int = attrs.field(validator=v.year)
    code: str | None = attrs.field(default=None, validator=v.optional(_APBD_CODE))
    sub_sector: SubSector | None = attrs.field(
        default=None, validator=v.optional(v.member_of(SubSector))
    )
    funding_source: FundingSource | None = attrs.field(
        default=None, validator=v.optional(v.member_of(FundingSource))
    )
    planned: Decimal | None = _opt_money()
    realised: Decimal | None = _opt_money()
    physical_progress: Decimal | None = _opt_pct()
    service_model: str | None = _opt_text()
    planned_in: tuple[AnnualPlan, ...] | None = attrs.field(
        default=None,
        converter=v.to_optional_tuple,
        validator=v.optional(v.items(v.member_of(AnnualPlan))),
    )
    provenance: tuple[Provenance, ...] = _provenance()


@attrs.frozen(kw_only=True)
class MonitoringReport:
    """A monitoring report (*laporan monitoring / pemantauan*).

    Attributes:
        period_start: first day of the period monitored.
        period_end: last day of the period monitored.
        id: an identifier, when referenced.
        issued_on: the date of the report.
        activities: ids of the activities it covers.
        funding_groups: the funding groups it covers (``apbd``, ``non_apbd``).
        service_model: the id of the service model it monitors.
    """

    period_start: dt.date = attrs.field(validator=v.date_value)
    period_end: dt.date = attrs.field(validator=v.date_value)
    id: str | None = _opt_text()
    issued_on: dt.date | None = _opt_date()
    activities: tuple[str, ...] = attrs.field(
        factory=tuple, converter=v.to_tuple, validator=v.items(v.text_value)
    )
    funding_groups: tuple[FundingGroup, ...] = attrs.field(
        factory=tuple, converter=v.to_tuple, validator=v.items(v.member_of(FundingGroup))
    )
    service_model: str | None = _opt_text()
    provenance: tuple[Provenance, ...] = _provenance()

    def __attrs_post_init__(self) -> None:
        if self.period_end < self.period_start:
            code = "end_before_start"
            raise v.invalid("period_end", code, start=self.period_start, end=self.period_end)


@attrs.frozen(kw_only=True)
class Evaluation:
    """An evaluation (*evaluasi*) of a trial or of a running service model.

    Attributes:
        subject: the trial, the service model, or the post-M4 evaluation.
        evaluated_on: the date of the evaluation.
        service_model: the id of the service model evaluated.
        findings: what was found.
        lessons: lessons learned (*pembelajaran*); ``None`` when not reported.
        improvements: improvements decided (*perbaikan*); ``None`` when not reported.
    """

    subject: EvaluationSubject = attrs.field(validator=v.member_of(EvaluationSubject))
    evaluated_on: dt.date = attrs.field(validator=v.date_value)
    service_model: str | None = _opt_text()
    findings: tuple[str, ...] = attrs.field(
        factory=tuple, converter=v.to_tuple, validator=v.items(v.text_value)
    )
    lessons: tuple[str, ...] | None = attrs.field(
        default=None, converter=v.to_optional_tuple, validator=v.optional(v.items(v.text_value))
    )
    improvements: tuple[str, ...] | None = attrs.field(
        default=None, converter=v.to_optional_tuple, validator=v.optional(v.items(v.text_value))
    )
    provenance: tuple[Provenance, ...] = _provenance()


def _opt_count() -> Any:
    return attrs.field(default=None, validator=v.optional(v.integer(0, 100_000_000)))


@attrs.frozen(kw_only=True)
class RungCounts:
    """Household counts per rung of the sanitation ladder (*jumlah rumah tangga*).

    Attributes:
        total: all households of the area.
        safely_managed: households with *akses aman*.
        basic: households with *layak sendiri*.
        limited: households with *layak bersama*.
        unimproved: households with *belum layak*.
        open_defecation: households practising open defecation (*BABS di tempat terbuka*).
    """

    total: int | None = _opt_count()
    safely_managed: int | None = _opt_count()
    basic: int | None = _opt_count()
    limited: int | None = _opt_count()
    unimproved: int | None = _opt_count()
    open_defecation: int | None = _opt_count()

    def __attrs_post_init__(self) -> None:
        parts = [
            c
            for c in (
                self.safely_managed,
                self.basic,
                self.limited,
                self.unimproved,
                self.open_defecation,
            )
            if c is not None
        ]
        if self.total is not None and sum(parts) > self.total:
            code = "households_exceed_total"
            raise v.invalid("total", code, total=sum(parts), households=self.total)


_SHARE_TOLERANCE: Final = Decimal("0.5")  # published shares are rounded; allow that much


@attrs.frozen(kw_only=True)
class AccessRecord:
    """Access to sanitation for one year and area (*akses sanitasi*), by rung of the ladder.

    Shares are percentages of households. ``layak`` is the headline (safely managed + basic +
    limited) when published on its own; :attr:`layak_share` derives it when the rungs are known.

    Attributes:
        year: the year the figures describe.
        source: where they come from.
        area: total, urban or rural.
        safely_managed: share with *akses aman*.
        basic: share with *layak sendiri*.
        limited: share with *layak bersama*.
        unimproved: share with *belum layak*.
        open_defecation: share practising open defecation.
        layak: the published *akses layak* headline share.
        households: household counts, when known.
        published_on: the date the figures were published; records published after an
            evaluation date are not seen on that date.
    """

    year: int = attrs.field(validator=v.year)
    source: AccessSource = attrs.field(validator=v.member_of(AccessSource))
    area: AreaType = attrs.field(default=AreaType.TOTAL, validator=v.member_of(AreaType))
    safely_managed: Decimal | None = _opt_pct()
    basic: Decimal | None = _opt_pct()
    limited: Decimal | None = _opt_pct()
    unimproved: Decimal | None = _opt_pct()
    open_defecation: Decimal | None = _opt_pct()
    layak: Decimal | None = _opt_pct()
    households: RungCounts | None = attrs.field(
        default=None, validator=v.optional(v.instance(RungCounts))
    )
    published_on: dt.date | None = _opt_date()
    provenance: tuple[Provenance, ...] = _provenance()

    def __attrs_post_init__(self) -> None:
        rungs = (
            self.safely_managed,
            self.basic,
            self.limited,
            self.unimproved,
            self.open_defecation,
        )
        if all(r is None for r in rungs) and self.layak is None and self.households is None:
            raise v.invalid("", "access_empty")
        problems = []
        total = sum((r for r in rungs if r is not None), Decimal(0))
        if total > 100 + _SHARE_TOLERANCE:
            problems.append(_problem("", "shares_exceed_100", total=total))
        parts = (self.safely_managed, self.basic, self.limited)
        if self.layak is not None and all(p is not None for p in parts):
            summed = sum(p for p in parts if p is not None)
            if abs(summed - self.layak) > _SHARE_TOLERANCE:
                problems.append(_problem("layak", "layak_mismatch", layak=self.layak, total=summed))
        _raise_all(problems)

    @property
    def layak_share(self) -> Decimal | None:
        """The *layak* share: published, or the sum of its three rungs; ``None`` if unknown."""
        if self.layak is not None:
            return self.layak
        parts = (self.safely_managed, self.basic, self.limited)
        if any(p is None for p in parts):
            return None
        return sum((p for p in parts if p is not None), Decimal(0))


@attrs.frozen(kw_only=True)
class VillageRecord:
    """A village (*desa* or *kelurahan*) of the district and its STBM status.

    Attributes:
        code: the village's Kemendagri code ``PP.KK.CC.DDDD``; it must lie in the dossier's
            district.
        name: its name.
        odf: whether it is verified and declared open-defecation free (*Stop BABS*, STBM
            pillar 1); ``None`` when not known.
        odf_verified_on: the date of the ODF verification.
    """

    code: str = attrs.field(validator=_VILLAGE_CODE)
    name: str | None = _opt_text()
    odf: bool | None = attrs.field(default=None, validator=v.optional(v.flag))
    odf_verified_on: dt.date | None = _opt_date()
    provenance: tuple[Provenance, ...] = _provenance()


@attrs.frozen(kw_only=True)
class EhraAssessment:
    """An EHRA household survey result for one village (*Environmental Health Risk Assessment*).

    Scores are risk scores 0-100 per domain (higher is riskier), e.g. ``water_source``,
    ``wastewater``, ``solid_waste``, ``drainage``, ``hygiene_behaviour``; see
    :mod:`sanitasi_core.ehra` for the risk index built from them.

    Attributes:
        village: the village's code ``PP.KK.CC.DDDD``.
        year: the survey year.
        scores: risk score per domain.
        households: households surveyed (the method asks for at least 40 per village).
    """

    village: str = attrs.field(validator=_VILLAGE_CODE)
    year: int = attrs.field(validator=v.year)
    scores: dict[str, Decimal] = attrs.field(validator=v.score_map)
    households: int | None = attrs.field(default=None, validator=v.optional(v.integer(0, 100_000)))
    provenance: tuple[Provenance, ...] = _provenance()


@attrs.frozen(kw_only=True)
class WasteRecord:
    """Solid-waste tonnages of one year (*timbulan, pengurangan, penanganan sampah*).

    Attributes:
        year: the year.
        generated: waste generated (*timbulan*), tonnes per year.
        reduced: waste reduced at source (*pengurangan*: 3R, waste banks), tonnes per year.
        handled: waste handled (*penanganan*: collected, transported, processed), tonnes per year.
        area: total, urban or rural.
    """

    year: int = attrs.field(validator=v.year)
    generated: Decimal | None = _opt_money()
    reduced: Decimal | None = _opt_money()
    handled: Decimal | None = _opt_money()
    area: AreaType = attrs.field(default=AreaType.TOTAL, validator=v.member_of(AreaType))
    provenance: tuple[Provenance, ...] = _provenance()

    def __attrs_post_init__(self) -> None:
        generated = self.generated
        if generated is None:
            return
        problems = [
            _problem(name, "exceeds_generated", part=part, generated=generated)
            for name, part in (("reduced", self.reduced), ("handled", self.handled))
            if part is not None and part > generated
        ]
        if not problems and self.reduced is not None and self.handled is not None:
            total = self.reduced + self.handled
            if total > generated:
                problems.append(
                    _problem("handled", "exceeds_generated", part=total, generated=generated)
                )
        _raise_all(problems)


@attrs.frozen(kw_only=True)
class Source:
    """A public source a rule, threshold or target rests on (*sumber rujukan*).

    Attributes:
        title: its title as published.
        publisher: who published it (a ministry, a provincial office, a newspaper).
        published_on: its date of publication, when known.
        url: where it can be read, when known.
        quote: a short verbatim quote that the rule rests on (in the source's language).
        note: how the source was used, when that needs saying.
    """

    title: str = _text_field()
    publisher: str | None = _opt_text()
    published_on: dt.date | None = _opt_date()
    url: str | None = _opt_text()
    quote: str | None = _opt_text()
    note: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class NationalTarget:
    """A dated national target (*target nasional*), e.g. RPJMN 2020-2024: 90 % layak by 2024.

    Attributes:
        id: a stable identifier, e.g. ``rpjmn-2024-layak``.
        indicator: the indicator targeted.
        value: the target share in percent.
        year: the year by which it is due.
        basis: the document that sets it, in both languages (e.g. "RPJMN 2020-2024 (Perpres
            18/2020)").
        area: total, urban or rural.
        url: a link to the basis.
        sources: the public sources that report it.
    """

    id: str = _text_field()
    indicator: TargetIndicator = attrs.field(validator=v.member_of(TargetIndicator))
    value: Decimal = attrs.field(converter=v.to_decimal, validator=v.percentage)
    year: int = attrs.field(validator=v.year)
    basis: Text = attrs.field(converter=_to_text, validator=v.instance(Text))
    area: AreaType = attrs.field(default=AreaType.TOTAL, validator=v.member_of(AreaType))
    url: str | None = _opt_text()
    sources: tuple[Source, ...] = attrs.field(
        factory=tuple, converter=v.to_tuple, validator=v.instances(Source)
    )


def _schema_tag(_inst: object, attribute: "attrs.Attribute[str]", value: object) -> None:
    if value != DOSSIER_SCHEMA:
        raise v.fail(attribute, "schema_mismatch", expected=DOSSIER_SCHEMA, got=repr(value))


@attrs.frozen(kw_only=True)
class Dossier:
    """Everything known about one district's sanitation programme (*dosir kab/kota*).

    Collections that are ``None`` were not reported (unknown); an empty tuple was reported as
    having no entries. Ids of service models, activities and monitoring reports are unique and
    every reference to them resolves; all problems are reported together.

    Attributes:
        schema: the format name and version, always :data:`DOSSIER_SCHEMA`.
        region: the district.
        description: what the dossier is and where it comes from.
        fictional: true for a made-up district used in demonstrations.
        designations: milestone designations by decree.
        stage_reports: the district's stage per programme year as public sources report it.
        working_group: the Pokja.
        meetings: coordination meetings and coaching clinics.
        documents: planning documents (SSK, Buku Putih, policy package, …).
        service_models: service models with their phases and aspect assessments.
        commitments: signed commitments.
        activities: programme activities with their money.
        monitoring_reports: monitoring reports.
        evaluations: evaluations of the trial and of the service model.
        access_records: access figures by year.
        villages: the district's villages and their ODF status.
        ehra: EHRA survey results per village.
        waste_records: solid-waste tonnages by year.
        nawasis_entries: milestone outputs entered in NAWASIS.
        incomplete: the lists that hold only the records known (a dossier built from public
            facts): a record missing from them is unknown, not absent. Every other reported
            list is read as complete.
        provenance: sources for the dossier as a whole.
    """

    region: Region = attrs.field(validator=v.instance(Region))
    schema: str = attrs.field(default=DOSSIER_SCHEMA, validator=v.Check(_schema_tag))
    description: str | None = _opt_text()
    fictional: bool = attrs.field(default=False, validator=v.flag)
    designations: tuple[Designation, ...] | None = attrs.field(
        default=None,
        converter=v.to_optional_tuple,
        validator=v.optional(v.instances(Designation)),
    )
    stage_reports: tuple[StageReport, ...] | None = attrs.field(
        default=None,
        converter=v.to_optional_tuple,
        validator=v.optional(v.instances(StageReport)),
    )
    working_group: WorkingGroup | None = attrs.field(
        default=None, validator=v.optional(v.instance(WorkingGroup))
    )
    meetings: tuple[Meeting, ...] | None = attrs.field(
        default=None,
        converter=v.to_optional_tuple,
        validator=v.optional(v.instances(Meeting)),
    )
    documents: tuple[PlanningDocument, ...] | None = attrs.field(
        default=None,
        converter=v.to_optional_tuple,
        validator=v.optional(v.instances(PlanningDocument)),
    )
    service_models: tuple[ServiceModel, ...] | None = attrs.field(
        default=None,
        converter=v.to_optional_tuple,
        validator=v.optional(v.instances(ServiceModel)),
    )
    commitments: tuple[Commitment, ...] | None = attrs.field(
        default=None,
        converter=v.to_optional_tuple,
        validator=v.optional(v.instances(Commitment)),
    )
    activities: tuple[Activity, ...] | None = attrs.field(
        default=None,
        converter=v.to_optional_tuple,
        validator=v.optional(v.instances(Activity)),
    )
    monitoring_reports: tuple[MonitoringReport, ...] | None = attrs.field(
        default=None,
        converter=v.to_optional_tuple,
        validator=v.optional(v.instances(MonitoringReport)),
    )
    evaluations: tuple[Evaluation, ...] | None = attrs.field(
        default=None,
        converter=v.to_optional_tuple,
        validator=v.optional(v.instances(Evaluation)),
    )
    access_records: tuple[AccessRecord, ...] | None = attrs.field(
        default=None,
        converter=v.to_optional_tuple,
        validator=v.optional(v.instances(AccessRecord)),
    )
    villages: tuple[VillageRecord, ...] | None = attrs.field(
        default=None,
        converter=v.to_optional_tuple,
        validator=v.optional(v.instances(VillageRecord)),
    )
    ehra: tuple[EhraAssessment, ...] | None = attrs.field(
        default=None,
        converter=v.to_optional_tuple,
        validator=v.optional(v.instances(EhraAssessment)),
    )
    waste_records: tuple[WasteRecord, ...] | None = attrs.field(
        default=None,
        converter=v.to_optional_tuple,
        validator=v.optional(v.instances(WasteRecord)),
    )
    nawasis_entries: tuple[NawasisEntry, ...] | None = attrs.field(
        default=None,
        converter=v.to_optional_tuple,
        validator=v.optional(v.instances(NawasisEntry)),
    )
    incomplete: tuple[DossierList, ...] = attrs.field(
        factory=tuple, converter=v.to_tuple, validator=v.items(v.member_of(DossierList))
    )
    provenance: tuple[Provenance, ...] = _provenance()

    def __attrs_post_init__(self) -> None:
        if _cross_records_ok(self):
            return
        problems: list[Problem] = []
        models = _ids_unique("service_models", [m.id for m in self.service_models or ()], problems)
        activities = _ids_unique("activities", [a.id for a in self.activities or ()], problems)
        _ids_unique("monitoring_reports", [r.id for r in self.monitoring_reports or ()], problems)

        def ref(path: str, kind: str, ident: str | None, known: set[str]) -> None:
            if ident is not None and ident not in known:
                code = "unknown_reference"
                problems.append(
                    Problem(path=path, code=code, text=text(code, kind=kind, got=ident))
                )

        for i, act in enumerate(self.activities or ()):
            ref(f"activities[{i}].service_model", "service model", act.service_model, models)
        for i, rep in enumerate(self.monitoring_reports or ()):
            ref(
                f"monitoring_reports[{i}].service_model", "service model", rep.service_model, models
            )
            for j, ident in enumerate(rep.activities):
                ref(f"monitoring_reports[{i}].activities[{j}]", "activity", ident, activities)
        for i, ev in enumerate(self.evaluations or ()):
            ref(f"evaluations[{i}].service_model", "service model", ev.service_model, models)
        village_codes: set[str] = set()
        for i, village in enumerate(self.villages or ()):
            if village.code in village_codes:
                code = "duplicate_id"
                problems.append(
                    Problem(
                        path=f"villages[{i}].code", code=code, text=text(code, got=village.code)
                    )
                )
            village_codes.add(village.code)
        located = [(f"villages[{i}].code", x.code) for i, x in enumerate(self.villages or ())]
        located += [(f"ehra[{i}].village", x.village) for i, x in enumerate(self.ehra or ())]
        for path, village_code in located:
            if not village_code.startswith(self.region.code + "."):
                code = "village_outside_region"
                problems.append(
                    Problem(
                        path=path,
                        code=code,
                        text=text(code, village=village_code, region=self.region.code),
                    )
                )
        if not self.fictional and not default_registry().has_regency(self.region.code):
            code = "unknown_regency"
            problems.append(
                Problem(path="region.code", code=code, text=text(code, code=self.region.code))
            )
        _natural_keys_unique(self, problems)
        if problems:
            raise ValidationError(problems)

    def service_model(self, ident: str) -> ServiceModel | None:
        """Return the service model with id *ident*, or ``None``."""
        return next((m for m in self.service_models or () if m.id == ident), None)

    def __repr__(self) -> str:
        # One short line: the district and how many records each non-empty list holds.
        counts = [
            f"{field.name} {len(value)}"
            for field in attrs.fields(Dossier)
            if isinstance(value := getattr(self, field.name), tuple)
            and value
            and field.name not in ("incomplete", "provenance")
        ]
        fictional = " (fictional)" if self.fictional else ""
        shown = f": {', '.join(counts)}" if counts else ""
        code, name = brief(self.region.code, 20), brief(self.region.name)
        return f"<Dossier {code} {name}{fictional}{shown}>"
