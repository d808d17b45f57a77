"""Behaviour of the dossier model's validators and cross-field rules (sanitasi_core.model)."""

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import sanitasi_core.testing as s
from sanitasi_core.exceptions import SanitasiError, ValidationError
from sanitasi_core.model import (
    AccessRecord,
    AccessSource,
    Activity,
    AnnualPlan,
    AspectAssessment,
    Commitment,
    CommitmentTarget,
    Designation,
    DocumentKind,
    Dossier,
    Evaluation,
    EvaluationSubject,
    FundingGroup,
    FundingSource,
    InstrumentKind,
    LegalInstrument,
    Meeting,
    MeetingKind,
    Member,
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
    WorkingGroup,
)

REGION = Region(code="64.11", name="Kabupaten Mahakam Ulu")
DAY = dt.date(2024, 7, 15)
KEPMENDAGRI = LegalInstrument(kind=InstrumentKind.KEPMENDAGRI)


def problems_of(build: Any) -> list[tuple[str, str]]:
    """Call *build*, expect our ValidationError, and return its (path, code) pairs."""
    with pytest.raises(ValidationError) as info:
        build()
    return [(p.path, p.code) for p in info.value.problems]


def activity(**changes: Any) -> Activity:
    return Activity(**{"id": "a1", "name": "Pembangunan IPLT", "fiscal_year": 2024, **changes})


def access(**changes: Any) -> AccessRecord:
    return AccessRecord(**{"year": 2024, "source": AccessSource.SUSENAS, **changes})


# --- the error type -------------------------------------------------------------------------


def test_validation_error_is_a_value_error():
    """A broken rule raises our ValidationError, which is also a ValueError and a SanitasiError."""
    with pytest.raises(ValueError, match="percentage") as info:
        activity(physical_progress=Decimal(101))
    assert isinstance(info.value, ValidationError)
    assert isinstance(info.value, SanitasiError)


def test_problem_text_is_bilingual():
    """Each problem carries its message in Bahasa Indonesia and English."""
    with pytest.raises(ValidationError) as info:
        activity(physical_progress=Decimal(101))
    (problem,) = info.value.problems
    assert problem.text.en == "a percentage must be between 0 and 100, got 101"
    assert problem.text.id == "persentase harus antara 0 dan 100, didapat 101"


# --- single-field rules ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (lambda: Provenance(source="  "), [("source", "not_blank")]),
        (lambda: Provenance(source=5), [("source", "expected_type")]),  # type: ignore[arg-type]  # wrong type on purpose
        (lambda: Region(code="64", name="x"), [("code", "pattern")]),
        (lambda: Region(code="64.11.01", name="x"), [("code", "pattern")]),
        (lambda: Region(code="Mahakam", name="x"), [("code", "pattern")]),
        (lambda: Region(code=" 64.11", name="x"), [("code", "pattern")]),
        (lambda: Region(code="64.11", name=""), [("name", "not_blank")]),
        (lambda: LegalInstrument(kind="perbup"), [("kind", "invalid_choice")]),  # type: ignore[arg-type]  # not a kind
        (
            lambda: LegalInstrument(kind=InstrumentKind.SK, date="2024-01-01"),  # type: ignore[arg-type]  # wrong type on purpose
            [("date", "expected_type")],
        ),
        (
            lambda: LegalInstrument(kind=InstrumentKind.SK, date=dt.datetime(2024, 1, 1)),
            [("date", "expected_type")],
        ),
        (
            lambda: Designation(decree=KEPMENDAGRI, milestone=Milestone.M4, programme_year=1900),
            [("programme_year", "year_range")],
        ),
        (
            lambda: Designation(
                decree=KEPMENDAGRI, milestone=Milestone.M4, programme_year=2024, m4_year=0
            ),
            [("m4_year", "int_range")],
        ),
        (
            lambda: Designation(decree=KEPMENDAGRI, milestone=Milestone.M4, programme_year=2024.0),  # type: ignore[arg-type]  # wrong type on purpose
            [("programme_year", "expected_type")],
        ),
        (
            lambda: Designation(
                decree=KEPMENDAGRI, milestone=Milestone.M4, programme_year=2024, completed=["M1"]
            ),
            [("completed[0]", "invalid_choice")],
        ),
        (lambda: Member(office="Sekda", role="chair"), [("role", "invalid_choice")]),  # type: ignore[arg-type]  # not a role
        (lambda: WorkingGroup(name="Pokja", members="Sekda"), [("members", "expected_type")]),
        (
            lambda: Meeting(kind=MeetingKind.COACHING_CLINIC, date=DAY, clinic=8),
            [("clinic", "int_range")],
        ),
        (
            lambda: ServicePhase(scale=Scale.TRIAL, area="Long Bagun", households=-1),
            [("households", "int_range")],
        ),
        (
            lambda: AspectAssessment(aspect="regulation", score=Decimal(101), assessed_on=DAY),
            [("score", "score_range")],
        ),
        (
            lambda: AspectAssessment(aspect="regulation", score=Decimal(-1), assessed_on=DAY),
            [("score", "score_range")],
        ),
        (
            lambda: CommitmentTarget(indicator="layak", value=Decimal("NaN"), unit="%"),
            [("value", "finite_decimal")],
        ),
        (
            lambda: CommitmentTarget(indicator="layak", value="Infinity", unit="%"),
            [("value", "finite_decimal")],
        ),
        (
            lambda: Commitment(office=Office.BUPATI, signed_on=DAY, scope="x", pledged=Decimal(-1)),
            [("pledged", "non_negative")],
        ),
        (lambda: activity(code="1.3.5"), [("code", "pattern")]),
        (lambda: activity(planned="12,5"), [("planned", "expected_type")]),
        (lambda: activity(planned=True), [("planned", "expected_type")]),
        (lambda: activity(planned_in="rkpd"), [("planned_in", "expected_type")]),
        (lambda: activity(funding_source="apbd"), [("funding_source", "invalid_choice")]),
        (lambda: RungCounts(total=-1), [("total", "int_range")]),
        (lambda: access(layak=Decimal("-0.01")), [("layak", "percentage_range")]),
        (
            lambda: NationalTarget(
                id="t", indicator=TargetIndicator.LAYAK, value=150, year=2024, basis="RPJMN"
            ),
            [("value", "percentage_range")],
        ),
        (lambda: Dossier(region=REGION, fictional="no"), [("fictional", "expected_type")]),  # type: ignore[arg-type]  # wrong type on purpose
        (lambda: Dossier(region=REGION, schema="v2"), [("schema", "schema_mismatch")]),
        (lambda: Dossier(region="64.11"), [("region", "expected_type")]),  # type: ignore[arg-type]  # wrong type on purpose
    ],
)
def test_field_rule_rejects(build, expected):
    """Each field validator rejects a bad value with the field's path and a stable code."""
    assert problems_of(build) == expected


@pytest.mark.parametrize("value", [Decimal("100.01"), Decimal("-0.01"), Decimal(1000), -1])
@pytest.mark.parametrize(
    "field", ["safely_managed", "basic", "limited", "unimproved", "open_defecation", "layak"]
)
def test_percentage_outside_0_100_is_rejected(field, value):
    """Every access share outside 0-100 is rejected as percentage_range at that field."""
    assert problems_of(lambda: access(**{field: value})) == [(field, "percentage_range")]


@pytest.mark.parametrize("value", [Decimal(0), Decimal(100), Decimal("99.99")])
def test_percentage_bounds_are_inclusive(value):
    """0 and 100 are valid percentages."""
    assert activity(physical_progress=value).physical_progress == value


def test_region_province_must_exist():
    """A region whose province does not exist is rejected, though the code is well formed."""
    assert problems_of(lambda: Region(code="99.01", name="Kabupaten Fiktif")) == [
        ("code", "unknown_province")
    ]


def test_region_regency_need_not_be_registered():
    """Only the province is checked: a new or fictional regency of a real province is accepted."""
    region = Region(code="64.60", name="Kabupaten Sungai Lestari (fiktif)")
    assert region.province_code == "64"
    assert not region.is_kota


def test_region_kota():
    """Codes 71-99 are a kota."""
    assert Region(code="64.72", name="Kota Samarinda").is_kota


# --- cross-field rules ----------------------------------------------------------------------


def test_designation_m4_year_only_for_m4():
    """An M4 year index on a non-M4 designation is rejected; on M4 it is accepted."""
    assert problems_of(
        lambda: Designation(
            decree=KEPMENDAGRI, milestone=Milestone.M2, programme_year=2023, m4_year=1
        )
    ) == [("m4_year", "m4_year_only_for_m4")]
    m4 = Designation(decree=KEPMENDAGRI, milestone=Milestone.M4, programme_year=2025, m4_year=2)
    assert m4.m4_year == 2


def test_coaching_clinic_needs_its_number():
    """A coaching clinic without a number is rejected."""
    assert problems_of(lambda: Meeting(kind=MeetingKind.COACHING_CLINIC, date=DAY)) == [
        ("clinic", "coaching_clinic_required")
    ]


@pytest.mark.parametrize("kind", [MeetingKind.COORDINATION, MeetingKind.OTHER])
def test_clinic_number_only_on_coaching_clinics(kind):
    """A clinic number on any other meeting is rejected."""
    assert problems_of(lambda: Meeting(kind=kind, date=DAY, clinic=3)) == [
        ("clinic", "coaching_clinic_kind")
    ]


def test_planning_period_end_before_start_is_rejected():
    """A planning document whose period ends before it starts is rejected."""
    assert problems_of(
        lambda: PlanningDocument(kind=DocumentKind.RPJMD, period_start=2026, period_end=2021)
    ) == [("period_end", "end_before_start")]


@pytest.mark.parametrize(("start", "end"), [(2022, 2025), (2022, 2027), (2022, 2022)])
def test_ssk_period_must_span_five_years(start, end):
    """An SSK period is exactly five years (start + 4)."""
    assert problems_of(
        lambda: PlanningDocument(kind=DocumentKind.SSK, period_start=start, period_end=end)
    ) == [("period_end", "ssk_period")]


def test_ssk_five_year_period_is_accepted():
    """An SSK 2022-2026 covers 2024 and not 2027."""
    ssk = PlanningDocument(kind=DocumentKind.SSK, period_start=2022, period_end=2026)
    assert ssk.covers_year(2024)
    assert not ssk.covers_year(2027)
    assert PlanningDocument(kind=DocumentKind.SSK).covers_year(2024) is None


@pytest.mark.parametrize("kind", [DocumentKind.RKPD, DocumentKind.RENJA, DocumentKind.DPA])
def test_annual_documents_need_a_year(kind):
    """RKPD, Renja and DPA without a year are rejected."""
    assert problems_of(lambda: PlanningDocument(kind=kind)) == [("year", "annual_document_year")]
    assert PlanningDocument(kind=kind, year=2024).year == 2024


def test_service_phase_end_before_start_is_rejected():
    """A service phase ending before it starts is rejected at ``end``."""
    assert problems_of(
        lambda: ServicePhase(
            scale=Scale.TRIAL, area="x", start=dt.date(2024, 1, 2), end=dt.date(2024, 1, 1)
        )
    ) == [("end", "end_before_start")]


def test_monitoring_period_end_before_start_is_rejected():
    """A monitoring report whose period ends before it starts is rejected."""
    assert problems_of(
        lambda: MonitoringReport(period_start=dt.date(2024, 12, 31), period_end=dt.date(2024, 1, 1))
    ) == [("period_end", "end_before_start")]


def test_one_day_period_is_accepted():
    """A period may start and end on the same day."""
    report = MonitoringReport(period_start=DAY, period_end=DAY)
    assert report.period_start == report.period_end


def test_realised_above_planned_is_accepted():
    """Realised may exceed planned: overspend happens and is reported, not rejected."""
    act = activity(planned=Decimal("1000000"), realised=Decimal("1250000.50"))
    assert act.realised is not None
    assert act.planned is not None
    assert act.realised > act.planned


def test_households_above_total_are_rejected():
    """Household counts per rung adding up to more than the total are rejected."""
    assert problems_of(lambda: RungCounts(total=100, basic=60, unimproved=41)) == [
        ("total", "households_exceed_total")
    ]
    assert RungCounts(total=100, basic=60, unimproved=40).total == 100
    assert RungCounts(basic=60, unimproved=400).total is None


def test_access_record_needs_a_figure():
    """An access record with no share and no household count is rejected."""
    assert problems_of(access) == [("", "access_empty")]


def test_access_shares_above_100_are_rejected():
    """Rung shares adding up to more than 100 (beyond the 0.5 rounding tolerance) are rejected."""
    assert problems_of(lambda: access(basic=Decimal(60), unimproved=Decimal("40.6"))) == [
        ("", "shares_exceed_100")
    ]
    assert access(basic=Decimal(60), unimproved=Decimal("40.5")).basic == 60


def test_layak_must_match_its_rungs():
    """A published layak far from safely managed + basic + limited is rejected."""
    parts = {"safely_managed": Decimal(10), "basic": Decimal(60), "limited": Decimal(10)}
    assert problems_of(lambda: access(**parts, layak=Decimal("80.6"))) == [
        ("layak", "layak_mismatch")
    ]
    assert access(**parts, layak=Decimal("80.4")).layak_share == Decimal("80.4")
    assert access(**parts).layak_share == 80


def test_layak_share_unknown_when_a_rung_is_unknown():
    """Without a headline and with a rung unknown, the layak share is unknown, not a guess."""
    record = access(safely_managed=Decimal(10), basic=Decimal(60))
    assert record.layak_share is None


# --- conversions ----------------------------------------------------------------------------


@pytest.mark.parametrize("value", [12.5, 0.0, float("nan"), float("inf")])
def test_floats_are_rejected_for_decimals(value):
    """A float has already lost the exact amount, so Decimal fields reject it."""
    assert problems_of(lambda: activity(planned=value)) == [("planned", "expected_type")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1250000.00", Decimal("1250000.00")), (" 12.5 ", Decimal("12.5")), (7, Decimal(7))],
)
def test_decimal_strings_and_ints_are_converted(value, expected):
    """Decimal strings and ints become ``Decimal`` exactly."""
    planned = activity(planned=value).planned
    assert isinstance(planned, Decimal)
    assert planned == expected


def test_lists_become_tuples():
    """Lists given from Python become tuples, so records stay immutable and hashable."""
    act = activity(
        planned_in=[AnnualPlan.RKPD, AnnualPlan.DPA], provenance=[Provenance(source="x")]
    )
    assert act.planned_in == (AnnualPlan.RKPD, AnnualPlan.DPA)
    assert act.provenance == (Provenance(source="x"),)
    dossier = Dossier(region=REGION, activities=[act])
    assert dossier.activities == (act,)
    assert hash(dossier) == hash(Dossier(region=REGION, activities=(act,)))


def test_none_stays_unknown():
    """``None`` means unknown and is kept: never turned into zero, false or empty."""
    act = activity()
    assert act.planned is None
    assert act.planned_in is None
    assert act.funding_source is None
    dossier = Dossier(region=REGION)
    assert dossier.activities is None
    assert dossier.service_models is None
    evaluation = Evaluation(subject=EvaluationSubject.TRIAL, evaluated_on=DAY)
    assert evaluation.lessons is None
    assert evaluation.findings == ()


def test_empty_collection_differs_from_unknown():
    """An empty tuple was reported as having no entries, which differs from unknown."""
    assert Dossier(region=REGION, activities=[]) != Dossier(region=REGION)
    assert Dossier(region=REGION, activities=[]).activities == ()


def test_records_are_frozen():
    """Records cannot be changed after they are built."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        REGION.code = "64.02"  # type: ignore[misc]


def test_funding_groups():
    """Only the district's own budget is APBD; every other source is non-APBD."""
    assert FundingSource.APBD_DISTRICT.group is FundingGroup.APBD
    assert {s.group for s in FundingSource if s is not FundingSource.APBD_DISTRICT} == {
        FundingGroup.NON_APBD
    }


# --- the dossier ----------------------------------------------------------------------------


def test_dossier_reports_every_cross_reference_problem_at_once():
    """Duplicate ids and dangling references are all reported together, each with its path."""
    model = ServiceModel(id="lltt", sub_sector=SubSector.WASTEWATER, name="LLTT")
    report = MonitoringReport(
        period_start=DAY, period_end=DAY, id="r1", activities=("a1", "ghost"), service_model="x"
    )
    assert problems_of(
        lambda: Dossier(
            region=REGION,
            service_models=[model, model],
            activities=[activity(service_model="nope"), activity(), activity(id="a2")],
            monitoring_reports=[report, report],
            evaluations=[
                Evaluation(subject=EvaluationSubject.TRIAL, evaluated_on=DAY, service_model="y")
            ],
        )
    ) == [
        ("service_models[1].id", "duplicate_id"),
        ("activities[1].id", "duplicate_id"),
        ("monitoring_reports[1].id", "duplicate_id"),
        ("activities[0].service_model", "unknown_reference"),
        ("monitoring_reports[0].service_model", "unknown_reference"),
        ("monitoring_reports[0].activities[1]", "unknown_reference"),
        ("monitoring_reports[1].service_model", "unknown_reference"),
        ("monitoring_reports[1].activities[1]", "unknown_reference"),
        ("evaluations[0].service_model", "unknown_reference"),
    ]


def test_monitoring_reports_without_ids_are_not_duplicates():
    """Report ids are optional: several reports without one are fine."""
    report = MonitoringReport(period_start=DAY, period_end=DAY)
    assert Dossier(region=REGION, monitoring_reports=[report, report]).monitoring_reports


def test_dossier_service_model_lookup():
    """``Dossier.service_model`` finds a model by id, or returns None."""
    model = ServiceModel(id="tps3r", sub_sector=SubSector.SOLID_WASTE, name="TPS3R")
    dossier = Dossier(region=REGION, service_models=[model])
    assert dossier.service_model("tps3r") is model
    assert dossier.service_model("lltt") is None
    assert Dossier(region=REGION).service_model("tps3r") is None


# --- properties -----------------------------------------------------------------------------


@pytest.mark.property
@given(st.sampled_from(s.MODEL_CLASSES).flatmap(st.from_type))
def test_generated_records_satisfy_every_rule(record):
    """Every generated record rebuilds without error: the strategies are valid by construction."""
    assert attrs.evolve(record) == record


@pytest.mark.property
@given(s.dossiers("full"))
def test_full_dossiers_fill_every_section(dossier):
    """The ``full`` knob fills every section of a dossier."""
    for field in attrs.fields(Dossier):
        if field.name not in ("fictional", "incomplete"):  # a full dossier's lists are complete
            assert getattr(dossier, field.name) not in (None, ()), field.name


@pytest.mark.property
@given(s.dossiers("minimal"))
def test_minimal_dossiers_only_have_a_region(dossier):
    """The ``minimal`` knob leaves everything but the region unknown."""
    assert dossier == Dossier(region=dossier.region)


@pytest.mark.property
@given(
    st.decimals(allow_nan=False, allow_infinity=False, places=3).filter(lambda d: not 0 <= d <= 100)
)
def test_any_percentage_outside_range_is_rejected(value):
    """Any finite decimal outside 0-100 is rejected as a percentage."""
    assert problems_of(lambda: activity(physical_progress=value)) == [
        ("physical_progress", "percentage_range")
    ]


@pytest.mark.property
@given(st.floats())
def test_any_float_is_rejected_for_money(value):
    """No float, of any value, is accepted as money."""
    assert problems_of(lambda: activity(realised=value)) == [("realised", "expected_type")]


@pytest.mark.property
@given(st.integers(0, 10**20), s.decimals(min_value=0, max_value=10**9, max_places=4))
def test_ints_and_decimal_strings_convert_exactly(number, amount):
    """Ints and decimal strings convert to exactly the same ``Decimal``."""
    assert activity(planned=number).planned == Decimal(number)
    assert activity(planned=str(amount)).planned == amount


@pytest.mark.property
@given(s.money(), s.money())
def test_any_realised_amount_is_accepted(planned, realised):
    """Realised may be below, equal to or above planned."""
    act = activity(planned=planned, realised=realised)
    assert (act.planned, act.realised) == (planned, realised)


@pytest.mark.property
@given(s.dates(), s.dates())
def test_any_reversed_period_is_rejected(first, second):
    """A monitoring period is accepted exactly when its end is not before its start."""
    if second < first:
        assert problems_of(lambda: MonitoringReport(period_start=first, period_end=second)) == [
            ("period_end", "end_before_start")
        ]
    else:
        assert MonitoringReport(period_start=first, period_end=second).period_end == second


@pytest.mark.property
@given(s.years(), s.years())
def test_ssk_period_rule(start, end):
    """An SSK period is accepted exactly when it spans five years."""
    build = lambda: PlanningDocument(kind=DocumentKind.SSK, period_start=start, period_end=end)  # noqa: E731
    if end == start + 4:
        assert build().period_end == end
    else:
        code = "end_before_start" if end < start else "ssk_period"
        assert problems_of(build) == [("period_end", code)]


@pytest.mark.property
@given(st.lists(st.integers(0, 10_000), min_size=5, max_size=5))
def test_access_share_sum_rule(hundredths):
    """Rung shares are accepted exactly when they add up to at most 100.5."""
    shares = [Decimal(h).scaleb(-2) for h in hundredths]
    fields = ["safely_managed", "basic", "limited", "unimproved", "open_defecation"]
    assume(all(x <= 100 for x in shares))
    build = lambda: access(**dict(zip(fields, shares, strict=True)))  # noqa: E731
    if sum(shares) > Decimal("100.5"):
        assert problems_of(build) == [("", "shares_exceed_100")]
    else:
        assert build().layak_share == sum(shares[:3])


def _fresh_id(data: st.DataObject, taken: set[str]) -> str:
    return data.draw(s.identifiers().filter(lambda ident: ident not in taken))


@pytest.mark.property
@given(s.dossiers(), st.data())
def test_a_dangling_reference_is_reported_at_its_path(dossier, data):
    """An activity pointing at a service model that is not in the dossier is reported there."""
    acts = dossier.activities or ()
    known = {m.id for m in dossier.service_models or ()}
    ghost = _fresh_id(data, known)
    new = activity(id=_fresh_id(data, {a.id for a in acts}), service_model=ghost)
    index = data.draw(st.integers(0, len(acts)))
    broken = (*acts[:index], new, *acts[index:])
    assert problems_of(lambda: attrs.evolve(dossier, activities=broken)) == [
        (f"activities[{index}].service_model", "unknown_reference")
    ]


@pytest.mark.property
@given(s.dossiers(), st.data())
def test_a_duplicate_activity_id_is_reported_at_its_path(dossier, data):
    """Repeating an activity id is reported at the later one, and nothing else is."""
    acts = dossier.activities or (activity(),)
    index = data.draw(st.integers(0, len(acts) - 1))
    doubled = (*acts, acts[index])
    assert problems_of(lambda: attrs.evolve(dossier, activities=doubled)) == [
        (f"activities[{len(doubled) - 1}].id", "duplicate_id")
    ]


def test_activity_keeps_every_field():
    """An activity keeps every field it was given."""
    act = activity(
        code="1.03.05.2.01.0044",
        sub_sector=SubSector.WASTEWATER,
        funding_source=FundingSource.DAK,
        planned="1250000000.00",
        realised="1062500000.00",
        physical_progress="85",
        planned_in=[AnnualPlan.RKPD],
    )
    assert act.realised is not None
    assert act.planned is not None
    assert act.realised / act.planned == Decimal("0.85")


class TestVillagesAndWaste:
    def test_village_outside_the_district_is_refused(self):
        """A village code of another district is reported with its path."""
        from sanitasi_core.model import Dossier, Region, VillageRecord  # noqa: PLC0415

        with pytest.raises(ValidationError) as info:
            Dossier(
                region=Region(code="64.11", name="Kabupaten Mahakam Ulu"),
                villages=[VillageRecord(code="64.02.01.2001")],
            )
        assert [p.code for p in info.value.problems] == ["village_outside_region"]
        assert info.value.problems[0].path == "villages[0].code"

    def test_waste_parts_cannot_exceed_what_was_generated(self):
        """Reduced plus handled tonnes above the tonnes generated is refused."""
        from sanitasi_core.model import WasteRecord  # noqa: PLC0415

        with pytest.raises(ValidationError) as info:
            WasteRecord(year=2024, generated=Decimal(100), reduced=Decimal(60), handled=Decimal(50))
        assert info.value.problems[0].code == "exceeds_generated"

    def test_village_code_must_be_a_village(self):
        """A kab/kota code is not a village code."""
        from sanitasi_core.model import VillageRecord  # noqa: PLC0415

        with pytest.raises(ValidationError):
            VillageRecord(code="64.11")


def test_repeated_natural_keys_are_refused_with_both_paths() -> None:
    """Two access records for the same year, source and area name each other's path."""
    from sanitasi_core.model import AccessRecord, AccessSource  # noqa: PLC0415

    records = [
        AccessRecord(year=2024, source=AccessSource.SUSENAS, layak=Decimal(80)),
        AccessRecord(year=2024, source=AccessSource.EHRA, layak=Decimal(82)),
        AccessRecord(year=2024, source=AccessSource.SUSENAS, layak=Decimal(81)),
    ]
    with pytest.raises(ValidationError) as info:
        Dossier(region=REGION, access_records=records)
    (problem,) = info.value.problems
    assert problem.path == "access_records[2]"
    assert problem.code == "duplicate_record"
    assert "access_records[0]" in problem.text.en


def test_a_region_code_must_exist_unless_fictional() -> None:
    """64.99 is no kab/kota: refused for a real dossier, allowed for a made-up one."""
    made_up = Region(code="64.99", name="Kabupaten Contoh")
    with pytest.raises(ValidationError) as info:
        Dossier(region=made_up)
    assert [(p.path, p.code) for p in info.value.problems] == [("region.code", "unknown_regency")]
    assert Dossier(region=made_up, fictional=True).region == made_up


@pytest.mark.property
@given(st.permutations(range(3)))
def test_the_order_of_access_records_does_not_matter(order: list[int]) -> None:
    """Two sources for a year: the decision reads the same figure in any order of records."""
    import datetime as dt  # noqa: PLC0415

    from sanitasi_core.model import AccessRecord, AccessSource  # noqa: PLC0415
    from sanitasi_core.rulebooks import default_rulebooks  # noqa: PLC0415

    records = [
        AccessRecord(year=2024, source=AccessSource.DISTRICT_REPORT, layak=Decimal(85)),
        AccessRecord(year=2024, source=AccessSource.SUSENAS, layak=Decimal(80)),
        AccessRecord(year=2025, source=AccessSource.SUSENAS, layak=Decimal("79.5")),
    ]
    dossier = Dossier(region=REGION, access_records=[records[i] for i in order])
    decision = default_rulebooks().evaluate(dossier, as_of=dt.date(2025, 12, 31))
    result = decision.criterion("m4.access_not_lower")
    assert str(result.observed) == "-0.5"
    assert any("susenas 80" in n.en for n in result.notes)


def test_a_legal_instrument_holds_a_regulation_number_of_its_own_kind() -> None:
    """A regulation number round-trips on a legal instrument; a kind that disagrees is refused."""
    from sanitasi_core.decrees import RegulationKind, parse_regulation  # noqa: PLC0415
    from sanitasi_core.model import InstrumentKind, LegalInstrument  # noqa: PLC0415

    title = "PERATURAN BUPATI MAHAKAM ULU NOMOR 47 TAHUN 2021"
    regulation = parse_regulation(title)
    decree = LegalInstrument(kind=InstrumentKind.PERBUP, regulation=regulation)
    assert decree.regulation is not None
    assert (decree.regulation.number, decree.regulation.year) == ("47", 2021)
    other = LegalInstrument(kind=InstrumentKind.OTHER, regulation=regulation)
    assert other.regulation is not None
    assert other.regulation.kind is RegulationKind.PERBUP
    with pytest.raises(ValidationError) as info:
        LegalInstrument(kind=InstrumentKind.PERDA, regulation=regulation)
    (problem,) = info.value.problems
    assert (problem.path, problem.code) == ("regulation.kind", "regulation_kind_mismatch")
    assert "perbup" in problem.text.id
    assert "perda" in problem.text.en


# --- every problem of an object at once -------------------------------------------------------


def test_every_bad_field_of_a_record_is_reported_at_once() -> None:
    """A record with several bad fields reports each, not only the first."""
    assert problems_of(lambda: activity(id=" ", fiscal_year=1800, planned=Decimal(-1))) == [
        ("id", "not_blank"),
        ("fiscal_year", "year_range"),
        ("planned", "non_negative"),
    ]


def test_every_cross_field_problem_of_a_designation_is_reported() -> None:
    """``m4_year`` off M4 and a reversed range are reported together."""
    build = lambda: Designation(  # noqa: E731
        decree=KEPMENDAGRI, milestone=Milestone.M2, first=Milestone.M3, m4_year=1
    )
    assert problems_of(build) == [("m4_year", "m4_year_only_for_m4"), ("first", "milestone_range")]


def test_every_cross_field_problem_of_a_document_is_reported() -> None:
    """A reversed period and a missing year of an annual document are reported together."""
    build = lambda: PlanningDocument(  # noqa: E731
        kind=DocumentKind.RKPD, period_start=2025, period_end=2024
    )
    assert problems_of(build) == [
        ("period_end", "end_before_start"),
        ("year", "annual_document_year"),
    ]


def test_every_cross_field_problem_of_an_access_record_is_reported() -> None:
    """Shares above 100 and a layak headline off its rungs are reported together."""
    build = lambda: access(  # noqa: E731
        safely_managed=Decimal(60), basic=Decimal(30), limited=Decimal(20), layak=Decimal(50)
    )
    assert problems_of(build) == [("", "shares_exceed_100"), ("layak", "layak_mismatch")]


def test_both_waste_parts_above_generated_are_reported() -> None:
    """Reduced and handled both above generated give two problems."""
    from sanitasi_core.model import WasteRecord  # noqa: PLC0415

    build = lambda: WasteRecord(  # noqa: E731
        year=2024, generated=Decimal(10), reduced=Decimal(11), handled=Decimal(12)
    )
    assert problems_of(build) == [
        ("reduced", "exceeds_generated"),
        ("handled", "exceeds_generated"),
    ]
    combined = lambda: WasteRecord(  # noqa: E731
        year=2024, generated=Decimal(10), reduced=Decimal(6), handled=Decimal(6)
    )
    assert problems_of(combined) == [("handled", "exceeds_generated")]
