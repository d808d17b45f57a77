"""Hypothesis strategies for every public record of :mod:`sanitasi_core.model`.

Every strategy builds objects that are valid by construction: they respect each field validator
and each cross-field rule of the model (ordered periods, five-year SSK periods, a year for annual
documents, a clinic number exactly for coaching clinics, ``m4_year`` only for M4, access shares
adding up to at most 100 with a consistent *layak* headline, household counts within the total,
unique ids and references that resolve).

Importing this module has no side effects: no data file is read and no strategy is registered.
Call :func:`register_all` (the test suite does so in ``conftest.py``) to make
``st.from_type(Dossier)`` and friends work.

Decimals are always finite, have a bounded number of places and are built from integers, so
they travel through the JSON format exactly. Factories are cached: calling one twice returns the
same strategy object, which keeps drawing large dossiers fast.

The last section builds *broken* documents (arbitrary JSON values, mutated dossier documents)
for fuzzing the loader.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Literal, TypeVar

import attrs
from hypothesis import strategies as st

from sanitasi_core.model import (
    DEFAULT_ASPECTS,
    AccessRecord,
    AccessSource,
    Activity,
    AnnualPlan,
    AreaType,
    AspectAssessment,
    Commitment,
    CommitmentTarget,
    Designation,
    DocumentKind,
    Dossier,
    EhraAssessment,
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
    NationalTarget,
    Office,
    PlanningDocument,
    Provenance,
    Region,
    RungCounts,
    Scale,
    ServiceModel,
    ServicePhase,
    SubSector,
    TargetIndicator,
    VillageRecord,
    WasteRecord,
    WorkingGroup,
)

__all__ = [
    "MODEL_CLASSES",
    "Completeness",
    "access_records",
    "activities",
    "apbd_codes",
    "aspect_assessments",
    "commitment_targets",
    "commitments",
    "dates",
    "decimals",
    "designations",
    "dossier_like_objects",
    "dossiers",
    "ehra_assessments",
    "evaluations",
    "identifiers",
    "json_values",
    "legal_instruments",
    "meetings",
    "members",
    "money",
    "monitoring_reports",
    "mutated_documents",
    "national_targets",
    "percentages",
    "planning_documents",
    "provenances",
    "regions",
    "register_all",
    "rung_counts",
    "service_models",
    "service_phases",
    "texts",
    "village_records",
    "waste_records",
    "working_groups",
    "years",
]

T = TypeVar("T")

Completeness = Literal["minimal", "sparse", "full", "any"]
"""How much of a dossier :func:`dossiers` fills in.

``minimal``: only the region. ``sparse``: each section independently absent (unknown), empty or
filled. ``full``: every section present and non-empty. ``any``: one of the three.
"""

_MAX_ITEMS = 3  # keeps generated dossiers small enough to be fast

_ANNUAL_DOCUMENTS = frozenset({DocumentKind.RKPD, DocumentKind.RENJA, DocumentKind.DPA})
_SANITATION_PROGRAMMES = ("1.03.04", "1.03.05", "1.03.06")


# --------------------------------------------------------------------------------------------
# Scalars
# --------------------------------------------------------------------------------------------


@functools.cache
def _maybe(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """Return ``None`` (unknown) or a value of *strategy*."""
    return st.none() | strategy


@functools.cache
def _small_tuples(
    strategy: st.SearchStrategy[T], *, min_size: int = 0, max_size: int = _MAX_ITEMS
) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, min_size=min_size, max_size=max_size).map(tuple)


_WORDS = (
    "Kabupaten Sungai Lestari",
    "Pokja PKP",
    "Bappeda",
    "Dinas PUPR",
    "Dinas Kesehatan",
    "Sekretaris Daerah",
    "Bupati",
    "Rakor Pokja PKP",
    "Layanan lumpur tinja terjadwal (LLTT)",
    "TPS3R Desa Maju",
    "Kecamatan Long Bagun",
    "Kaltim Post, 22 Juli 2024",
    "NAWASIS",
    "Ujoh Bilang",
    "Pembangunan IPLT",
    "Peraturan Bupati tentang paket kebijakan sanitasi",
    "Komitmen bupati 2024",
    "Evaluasi uji coba",
    "Perluasan layanan",
)


@functools.cache
def texts(*, max_size: int = 12) -> st.SearchStrategy[str]:
    """Non-blank text: programme vocabulary or any printable Unicode, never only spaces."""
    # A first character that is not whitespace keeps the text non-blank without filtering.
    first = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp"))
    rest = st.text(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=max_size - 1
    )
    free = st.builds(operator.add, first, rest)
    return st.sampled_from(_WORDS) | free


_ID_STEMS = ("lltt", "spald", "tps3r", "iplt", "act", "mon", "sm", "r", "ev", "x")


@functools.cache
def identifiers() -> st.SearchStrategy[str]:
    """Record identifiers such as ``lltt-2024`` (lowercase ASCII, digits and dashes)."""
    readable = st.builds("{}-{}".format, st.sampled_from(_ID_STEMS), st.integers(0, 2030))
    return readable | st.from_regex(r"[a-z][a-z0-9-]{0,11}", fullmatch=True)


@functools.cache
def years(min_year: int = 2010, max_year: int = 2035) -> st.SearchStrategy[int]:
    """Programme years (the model accepts 1945-2100; the programme runs from 2010)."""
    return st.integers(min_year, max_year)


@functools.cache
def dates(min_year: int = 2010, max_year: int = 2035) -> st.SearchStrategy[dt.date]:
    """Plain dates (never ``datetime``) within the given years."""
    return st.dates(dt.date(min_year, 1, 1), dt.date(max_year, 12, 31))


@functools.cache
def decimals(
    *, min_value: int = 0, max_value: int = 100, max_places: int = 2
) -> st.SearchStrategy[Decimal]:
    """Finite decimals in [*min_value*, *max_value*] with at most *max_places* places.

    Built from integers (``Decimal(n).scaleb(-places)``), never from floats.
    """

    @st.composite
    def build(draw: st.DrawFn) -> Decimal:
        places = draw(st.integers(0, max_places))
        scale = 10**places
        units = draw(st.integers(min_value * scale, max_value * scale))
        return Decimal(units).scaleb(-places)

    return build()


@functools.cache
def money() -> st.SearchStrategy[Decimal]:
    """Rupiah amounts: 0 to 10 trillion, with at most two places (sen)."""
    return decimals(min_value=0, max_value=10**13, max_places=2)


@functools.cache
def percentages() -> st.SearchStrategy[Decimal]:
    """Percentages in [0, 100] with at most two places."""
    return decimals(min_value=0, max_value=100, max_places=2)


@functools.cache
def _scores() -> st.SearchStrategy[Decimal]:
    steps = st.sampled_from((0, 50, 75, 100)).map(Decimal)
    return steps | percentages()


@functools.cache
def _urls() -> st.SearchStrategy[str]:
    return st.from_regex(r"https://example\.org/[a-z0-9-]{1,20}", fullmatch=True)


@functools.cache
def _village_codes() -> st.SearchStrategy[str]:
    # Province 11-99 (two digits, never 10 or below), district 01-69, village desa/kelurahan.
    return st.from_regex(
        r"(1[1-9]|[2-9][0-9])\.[0-6][1-9]\.[0-9][1-9]\.[12][0-9]{3}", fullmatch=True
    )


@functools.cache
def apbd_codes() -> st.SearchStrategy[str]:
    """APBD nomenclature codes: sanitation sub-activities like ``1.03.05.2.01.0044`` or others."""

    @st.composite
    def sub_activity(draw: st.DrawFn) -> str:
        programme = draw(st.sampled_from(_SANITATION_PROGRAMMES))
        activity = draw(st.integers(1, 2)), draw(st.integers(1, 20))
        number = draw(st.integers(1, 9999))
        return f"{programme}.{activity[0]}.{activity[1]:02d}.{number:04d}"

    other = st.from_regex(
        r"[0-9](\.[0-9]{2}(\.[0-9]{2}(\.[0-9]\.[0-9]{2}(\.[0-9]{4})?)?)?)?", fullmatch=True
    )
    return sub_activity() | other


@functools.cache
def _decree_numbers() -> st.SearchStrategy[str]:
    @st.composite
    def build(draw: st.DrawFn) -> str:
        klass = draw(st.sampled_from(("100.4.3", "100.9.3", "648", "050")))
        sequence = draw(st.integers(1, 9999))
        separator = draw(st.sampled_from(("/", " ")))
        year = draw(years())
        return f"{klass}-{sequence:04d}/Kep/Bangda{separator}{year}"

    return build() | texts()


# --------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------


@functools.cache
def provenances() -> st.SearchStrategy[Provenance]:
    """Sources of records."""
    return st.builds(
        Provenance,
        source=texts(),
        url=_maybe(_urls()),
        seen_on=_maybe(dates()),
        note=_maybe(texts(max_size=24)),
    )


@functools.cache
def _provenance_tuples() -> st.SearchStrategy[tuple[Provenance, ...]]:
    return _small_tuples(provenances(), max_size=1)


@functools.cache
def regions() -> st.SearchStrategy[Region]:
    """Real kabupaten/kota from the shipped registry (read on first draw, not at import)."""

    def from_registry() -> st.SearchStrategy[Region]:
        from sanitasi_core.regions import default_registry  # noqa: PLC0415  # lazy data

        regencies = default_registry().regencies()
        return st.sampled_from(regencies).map(lambda r: Region(code=r.code, name=r.name))

    return st.deferred(from_registry)


@functools.cache
def legal_instruments(
    kinds: tuple[InstrumentKind, ...] = tuple(InstrumentKind),
) -> st.SearchStrategy[LegalInstrument]:
    """Legal instruments of the given *kinds*; numbers are decree-shaped or free text."""
    return st.builds(
        LegalInstrument,
        kind=st.sampled_from(kinds),
        number=_maybe(_decree_numbers()),
        date=_maybe(dates()),
        issuer=_maybe(texts()),
        title=_maybe(texts(max_size=24)),
        provenance=_provenance_tuples(),
    )


@st.composite
def _designation(draw: st.DrawFn) -> Designation:
    milestone = draw(st.sampled_from(Milestone))
    below = [m for m in Milestone if m.rank < milestone.rank]
    completed = draw(st.lists(st.sampled_from(below), unique=True)) if below else []
    return Designation(
        decree=draw(legal_instruments((InstrumentKind.KEPMENDAGRI, InstrumentKind.OTHER))),
        milestone=milestone,
        year=draw(years()),
        m4_year=draw(_maybe(st.integers(1, 20))) if milestone is Milestone.M4 else None,
        completed=tuple(sorted(completed, key=lambda m: m.rank)),
        provenance=draw(_provenance_tuples()),
    )


@functools.cache
def designations() -> st.SearchStrategy[Designation]:
    """Milestone designations; ``m4_year`` only for M4, ``completed`` milestones below it."""
    return _designation()


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
    annual = kind in _ANNUAL_DOCUMENTS
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
        evidence=_maybe(texts()),
        assessor=_maybe(texts()),
        provenance=_provenance_tuples(),
    )


@functools.cache
def service_models(ident: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[ServiceModel]:
    """Service models; *ident* draws the id (unique ids are the dossier's business)."""
    return st.builds(
        ServiceModel,
        id=ident if ident is not None else identifiers(),
        sub_sector=st.sampled_from(SubSector),
        name=texts(),
        system=_maybe(st.sampled_from(("SPALD-S", "SPALD-T", "TPS3R", "TPA")) | texts()),
        phases=_maybe(_small_tuples(service_phases())),
        assessments=_maybe(_small_tuples(aspect_assessments(), max_size=4)),
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
        code=_maybe(apbd_codes()),
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
    """Evaluations; lessons and improvements unknown, empty or listed."""
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


@st.composite
def _rung_counts(draw: st.DrawFn) -> RungCounts:
    parts = [draw(_maybe(st.integers(0, 200_000))) for _ in range(5)]
    known = sum(p for p in parts if p is not None)
    total = draw(_maybe(st.integers(known, known + 200_000)))
    return RungCounts(
        total=total,
        safely_managed=parts[0],
        basic=parts[1],
        limited=parts[2],
        unimproved=parts[3],
        open_defecation=parts[4],
    )


@functools.cache
def rung_counts() -> st.SearchStrategy[RungCounts]:
    """Household counts whose known rungs never add up to more than the total."""
    return _rung_counts()


@st.composite
def _access_record(draw: st.DrawFn) -> AccessRecord:
    # Shares in hundredths of a percent, drawn within what is left so they add up to <= 100.
    left = 10_000
    shares: list[Decimal | None] = []
    for _ in range(5):
        if draw(st.booleans()):
            hundredths = draw(st.integers(0, left))
            left -= hundredths
            shares.append(Decimal(hundredths).scaleb(-2))
        else:
            shares.append(None)
    safely, basic, limited = shares[:3]
    if safely is not None and basic is not None and limited is not None:
        summed = safely + basic + limited
        # Published headlines are rounded: anything within the tolerance of 0.5 is consistent.
        offset = Decimal(draw(st.integers(-40, 40))).scaleb(-2)
        layak = draw(st.none() | st.just(max(Decimal(0), min(Decimal(100), summed + offset))))
    else:
        layak = draw(_maybe(percentages()))
    households = draw(_maybe(rung_counts()))
    if all(s is None for s in shares) and layak is None and households is None:
        layak = draw(percentages())
    return AccessRecord(
        year=draw(years()),
        source=draw(st.sampled_from(AccessSource)),
        area=draw(st.sampled_from(AreaType)),
        safely_managed=safely,
        basic=basic,
        limited=limited,
        unimproved=shares[3],
        open_defecation=shares[4],
        layak=layak,
        households=households,
        provenance=draw(_provenance_tuples()),
    )


@functools.cache
def access_records() -> st.SearchStrategy[AccessRecord]:
    """Access records with at least one figure, shares adding up to <= 100, consistent layak."""
    return _access_record()


def _village_code_in(region_code: str) -> st.SearchStrategy[str]:
    district = st.integers(1, 99).map(lambda n: f"{n:02d}")
    village = st.sampled_from("12").flatmap(
        lambda k: st.integers(1, 999).map(lambda n: f"{k}{n:03d}")
    )
    return st.tuples(district, village).map(lambda t: f"{region_code}.{t[0]}.{t[1]}")


@functools.cache
def village_records(region_code: str | None = None) -> st.SearchStrategy[VillageRecord]:
    """Villages with an ODF status that may be unknown; codes inside *region_code* if given."""
    codes = _village_codes() if region_code is None else _village_code_in(region_code)
    return st.builds(
        VillageRecord,
        code=codes,
        name=_maybe(texts()),
        odf=_maybe(st.booleans()),
        odf_verified_on=_maybe(dates()),
        provenance=_provenance_tuples(),
    )


@functools.cache
def ehra_assessments(region_code: str | None = None) -> st.SearchStrategy[EhraAssessment]:
    """EHRA results with risk scores per domain; village codes inside *region_code* if given."""
    codes = _village_codes() if region_code is None else _village_code_in(region_code)
    domains = st.sampled_from(
        ("water_source", "wastewater", "solid_waste", "drainage", "hygiene_behaviour")
    )
    return st.builds(
        EhraAssessment,
        village=codes,
        year=years(),
        scores=st.dictionaries(domains, _scores(), min_size=1, max_size=5),
        households=_maybe(st.integers(0, 500)),
        provenance=_provenance_tuples(),
    )


@st.composite
def _waste_record(draw: st.DrawFn) -> WasteRecord:
    generated = draw(_maybe(decimals(min_value=0, max_value=1_000_000, max_places=2)))
    reduced = handled = None
    if generated is not None:
        reduced = draw(
            _maybe(
                st.integers(0, 100).map(
                    lambda p: (generated * p / 200).quantize(Decimal("0.01"), "ROUND_DOWN")
                )
            )
        )
        handled = draw(
            _maybe(
                st.integers(0, 100).map(
                    lambda p: (generated * p / 200).quantize(Decimal("0.01"), "ROUND_DOWN")
                )
            )
        )
    else:
        reduced = draw(_maybe(money()))
        handled = draw(_maybe(money()))
    return WasteRecord(
        year=draw(years()),
        generated=generated,
        reduced=reduced,
        handled=handled,
        area=draw(st.sampled_from(AreaType)),
        provenance=draw(_provenance_tuples()),
    )


@functools.cache
def waste_records() -> st.SearchStrategy[WasteRecord]:
    """Solid-waste tonnages where reduced + handled never exceed what was generated."""
    return _waste_record()


@functools.cache
def national_targets() -> st.SearchStrategy[NationalTarget]:
    """Dated national targets."""
    return st.builds(
        NationalTarget,
        id=identifiers(),
        indicator=st.sampled_from(TargetIndicator),
        value=percentages(),
        year=years(),
        basis=texts(),
        area=st.sampled_from(AreaType),
        url=_maybe(_urls()),
    )


# --------------------------------------------------------------------------------------------
# Dossiers
# --------------------------------------------------------------------------------------------


@functools.cache
def _unique_ids(min_size: int, max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(identifiers(), min_size=min_size, max_size=max_size, unique=True)


@st.composite
def _dossier(draw: st.DrawFn, mode: Literal["minimal", "sparse", "full"]) -> Dossier:
    region = draw(regions())
    if mode == "minimal":
        return Dossier(region=region)
    full = mode == "full"
    # A full dossier has one or two records per section, a sparse one up to three.
    least, most = (1, 2) if full else (0, _MAX_ITEMS)

    def present() -> bool:
        return full or draw(st.booleans())

    def section(records: st.SearchStrategy[Any]) -> tuple[Any, ...] | None:
        """Draw a section: unknown or empty (sparse only), or filled."""
        if not present():
            return None
        return draw(_small_tuples(records, min_size=least, max_size=most))

    def reference(ids: Sequence[str]) -> str | None:
        """Draw ``None`` or one of *ids*: references never dangle."""
        if not ids or draw(st.booleans()):
            return None
        return ids[draw(st.integers(0, len(ids) - 1))]

    # Ids first, then the records that carry them, then references drawn from them.
    model_ids = draw(_unique_ids(least, most)) if present() else None
    activity_ids = draw(_unique_ids(least, most)) if present() else None
    report_ids: list[str | None] | None = [*draw(_unique_ids(least, most))] if present() else None
    if report_ids is not None and not full and draw(st.booleans()):
        report_ids.append(None)  # report ids are optional; only set ones must be unique
    known_models = model_ids or []
    known_activities = activity_ids or []

    models = None
    if model_ids is not None:
        models = tuple(attrs.evolve(draw(service_models()), id=i) for i in model_ids)
    acts = None
    if activity_ids is not None:
        acts = tuple(
            attrs.evolve(draw(activities()), id=i, service_model=reference(known_models))
            for i in activity_ids
        )
    reports = None
    if report_ids is not None:
        reports = tuple(
            attrs.evolve(
                draw(monitoring_reports()),
                id=i,
                activities=tuple(
                    known_activities[j] for j in draw(_indices(len(known_activities)))
                ),
                service_model=reference(known_models),
            )
            for i in report_ids
        )
    evals = section(evaluations())
    if evals is not None:
        evals = tuple(attrs.evolve(e, service_model=reference(known_models)) for e in evals)
    return Dossier(
        region=region,
        description=draw(texts(max_size=24) if full else _maybe(texts(max_size=24))),
        fictional=draw(st.booleans()),
        designations=section(designations()),
        working_group=draw(working_groups() if full else _maybe(working_groups())),
        meetings=section(meetings()),
        documents=section(planning_documents()),
        service_models=models,
        commitments=section(commitments()),
        activities=acts,
        monitoring_reports=reports,
        evaluations=evals,
        access_records=section(access_records()),
        villages=_unique_villages(section(village_records(region.code))),
        ehra=section(ehra_assessments(region.code)),
        waste_records=section(waste_records()),
        provenance=draw(_small_tuples(provenances(), min_size=least, max_size=2)),
    )


def _unique_villages(
    villages: tuple[VillageRecord, ...] | None,
) -> tuple[VillageRecord, ...] | None:
    if villages is None:
        return None
    return tuple({v.code: v for v in villages}.values())


@functools.cache
def _indices(size: int) -> st.SearchStrategy[list[int]]:
    if size == 0:
        return st.just([])
    return st.lists(st.integers(0, size - 1), max_size=_MAX_ITEMS)


@functools.cache
def dossiers(completeness: Completeness = "any") -> st.SearchStrategy[Dossier]:
    """Valid dossiers, from nearly empty (only the region) to complete.

    Args:
        completeness: ``minimal``, ``sparse``, ``full`` or ``any`` (see :data:`Completeness`).
    """
    if completeness == "any":
        return st.one_of(_dossier("minimal"), _dossier("sparse"), _dossier("full"))
    return _dossier(completeness)


# --------------------------------------------------------------------------------------------
# Documents: JSON values and broken dossier documents, for fuzzing the loader
# --------------------------------------------------------------------------------------------

_TRICKY_STRINGS = (
    "",
    " ",
    "None",
    "null",
    "false",
    "true",
    "2024-07-15",
    "2024-02-30",
    "15/07/2024",
    "1250000.00",
    "1,5",
    "1e3",
    "NaN",
    "-0",
    "64.11",
    "99.01",
    "1.03.05.2.01.0044",
    "M4",
    "apbd_district",
    "coaching_clinic",
    "sanitasi.dossier/v1",
)


@functools.cache
def json_values(*, allow_nan: bool = True) -> st.SearchStrategy[Any]:
    """Arbitrary JSON-like values: null, booleans, numbers, text, arrays and objects.

    Args:
        allow_nan: include NaN and infinities (Python's ``json`` writes them; JSON has none).
    """
    scalars = (
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=allow_nan, allow_infinity=allow_nan)
        | st.text(max_size=20)
        | st.sampled_from(_TRICKY_STRINGS)
    )
    return st.recursive(
        scalars,
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(st.text(max_size=10), children, max_size=4)
        ),
        max_leaves=12,
    )


def _locations(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path (keys and indices) to a value inside *node*, the root included."""
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_locations(value, (*path, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_locations(value, (*path, index)))
    return found


def _mutate(draw: st.DrawFn, document: Any) -> Any:
    """Apply one random mutation at one random place of *document* (changed in place)."""
    path = draw(st.sampled_from(_locations(document)))
    value = document
    for step in path:
        value = value[step]
    operation = draw(st.sampled_from(("drop", "retype", "unknown_key", "deep_nest", "duplicate")))
    if operation == "unknown_key" and isinstance(value, dict):
        value[draw(st.text(max_size=12))] = draw(json_values())
        return document
    if operation == "duplicate" and isinstance(value, list) and value:
        value.append(value[draw(st.integers(0, len(value) - 1))])
        return document
    if not path:  # the root itself: replace or wrap it
        if operation == "deep_nest":
            return _nest(document, draw(st.integers(1, 40)), draw(st.booleans()))
        return draw(json_values())
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if operation == "drop":
        del parent[last]
    elif operation == "deep_nest":
        parent[last] = _nest(value, draw(st.integers(1, 40)), draw(st.booleans()))
    else:
        parent[last] = draw(json_values())
    return document


def _nest(value: Any, depth: int, in_lists: bool) -> Any:
    for _ in range(depth):
        value = [value] if in_lists else {"x": value}
    return value


@st.composite
def _mutated_document(draw: st.DrawFn) -> Any:
    from sanitasi_core.serialization import dossier_to_dict  # noqa: PLC0415

    document: Any = dossier_to_dict(draw(dossiers()))
    for _ in range(draw(st.integers(1, 3))):
        document = _mutate(draw, document)
    return document


@functools.cache
def mutated_documents() -> st.SearchStrategy[Any]:
    """Valid dossier documents (decoded JSON) broken by one to three random mutations.

    A mutation drops a key or an array item, replaces a value by an arbitrary JSON value,
    inserts an unknown key, duplicates an array item, or nests a value up to 40 levels deep.
    The result may by chance still be valid.
    """
    return _mutated_document()


@functools.cache
def dossier_like_objects() -> st.SearchStrategy[dict[str, Any]]:
    """JSON objects with the dossier's keys (some of them) holding arbitrary JSON values."""
    keys = [f.name for f in attrs.fields(Dossier)]
    return st.fixed_dictionaries(
        {},
        optional={key: json_values() for key in keys}
        | {"schema": st.just("sanitasi.dossier/v1") | json_values()},
    )


# --------------------------------------------------------------------------------------------
# Registration
# --------------------------------------------------------------------------------------------


def register_all() -> None:
    """Register a strategy for every public model class, so ``st.from_type(cls)`` works."""
    table: dict[type, st.SearchStrategy[Any]] = {
        Provenance: provenances(),
        Region: regions(),
        LegalInstrument: legal_instruments(),
        Designation: designations(),
        Member: members(),
        WorkingGroup: working_groups(),
        Meeting: meetings(),
        PlanningDocument: planning_documents(),
        ServicePhase: service_phases(),
        AspectAssessment: aspect_assessments(),
        ServiceModel: service_models(),
        CommitmentTarget: commitment_targets(),
        Commitment: commitments(),
        Activity: activities(),
        MonitoringReport: monitoring_reports(),
        Evaluation: evaluations(),
        RungCounts: rung_counts(),
        AccessRecord: access_records(),
        NationalTarget: national_targets(),
        VillageRecord: village_records(),
        EhraAssessment: ehra_assessments(),
        WasteRecord: waste_records(),
        Dossier: dossiers(),
    }
    for cls, strategy in table.items():
        st.register_type_strategy(cls, strategy)


MODEL_CLASSES: tuple[type, ...] = (
    Provenance,
    Region,
    LegalInstrument,
    Designation,
    Member,
    WorkingGroup,
    Meeting,
    PlanningDocument,
    ServicePhase,
    AspectAssessment,
    ServiceModel,
    CommitmentTarget,
    Commitment,
    Activity,
    MonitoringReport,
    Evaluation,
    RungCounts,
    AccessRecord,
    NationalTarget,
    VillageRecord,
    EhraAssessment,
    WasteRecord,
    Dossier,
)
"""Every public record class of the model, in dependency order."""
