"""The shipped examples load, round-trip, and say exactly what their sources say."""

import datetime as dt
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from sanitasi_core.model import (
    APBD_SOURCES,
    DEFAULT_ASPECTS,
    AccessSource,
    DocumentKind,
    Dossier,
    EvaluationSubject,
    FundingGroup,
    InstrumentKind,
    MeetingKind,
    Milestone,
    Office,
    Scale,
    SubSector,
)
from sanitasi_core.regions import default_registry
from sanitasi_core.serialization import dump_dossier, load_dossier

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
JSON_EXAMPLES = sorted(EXAMPLES.glob("*.json"))


def load(name: str) -> Dossier:
    path = EXAMPLES / name
    return load_dossier(path.read_bytes(), source=str(path))


@pytest.fixture(scope="module")
def mahakam_ulu() -> Dossier:
    return load("mahakam-ulu-2024.json")


@pytest.fixture(scope="module")
def demo() -> Dossier:
    return load("demo-sungai-lestari.json")


def test_there_are_examples():
    """Both JSON examples are shipped."""
    assert {p.name for p in JSON_EXAMPLES} >= {
        "mahakam-ulu-2024.json",
        "demo-sungai-lestari.json",
    }


@pytest.mark.parametrize("path", JSON_EXAMPLES, ids=lambda p: p.name)
def test_example_loads_and_round_trips(path):
    """Every example loads and survives dump -> load unchanged."""
    dossier = load_dossier(path.read_bytes(), source=str(path))
    assert load_dossier(dump_dossier(dossier)) == dossier


# --- Mahakam Ulu: the public facts of DOMAIN.md §8, nothing more ------------------------------


def test_mahakam_ulu_region(mahakam_ulu):
    """The region is Kabupaten Mahakam Ulu, 64.11, in the registry; the dossier is real."""
    assert mahakam_ulu.region.code == "64.11"
    assert mahakam_ulu.region.name == "Kabupaten Mahakam Ulu"
    assert default_registry().has_regency("64.11")
    assert mahakam_ulu.fictional is False


def test_mahakam_ulu_designation(mahakam_ulu):
    """Kepmendagri 100.4.3-1037/Kep/Bangda 2023 of 18 December 2023: M1-M3 done, designated M4."""
    (designation,) = mahakam_ulu.designations
    assert designation.decree.kind is InstrumentKind.KEPMENDAGRI
    assert designation.decree.number == "100.4.3-1037/Kep/Bangda 2023"
    assert designation.decree.date == dt.date(2023, 12, 18)
    assert designation.milestone is Milestone.M4
    assert designation.completed == (Milestone.M1, Milestone.M2, Milestone.M3)
    assert designation.m4_year is None  # not stated in the source


def test_mahakam_ulu_commitment(mahakam_ulu):
    """On 15 July 2024 the regent Bonifasius Belawan Geh signed the 2024 commitment."""
    (commitment,) = mahakam_ulu.commitments
    assert commitment.office is Office.BUPATI
    assert commitment.signatory == "Bonifasius Belawan Geh"
    assert commitment.signed_on == dt.date(2024, 7, 15)
    assert commitment.year == 2024
    assert "berkelanjutan" in commitment.scope
    assert commitment.pledged is None  # budgets are not public


def test_mahakam_ulu_rakor(mahakam_ulu):
    """The Rakor of the Pokja PKP was held on Monday 15 July 2024 in Samarinda."""
    assert mahakam_ulu.working_group.name == "Pokja PKP"
    (meeting,) = mahakam_ulu.meetings
    assert meeting.kind is MeetingKind.COORDINATION
    assert meeting.date == dt.date(2024, 7, 15)
    assert meeting.date.weekday() == 0  # Monday, as the article says
    assert "Samarinda" in meeting.location


def test_mahakam_ulu_access(mahakam_ulu):
    """The November 2025 report: 91.2 % layak and 0 % aman, other rungs unknown."""
    (record,) = mahakam_ulu.access_records
    assert record.layak == Decimal("91.2")
    assert record.safely_managed == 0
    assert record.layak_share == Decimal("91.2")
    assert (record.basic, record.limited, record.unimproved, record.open_defecation) == (
        None,
        None,
        None,
        None,
    )
    assert record.households is None


def test_mahakam_ulu_leaves_the_unknown_unknown(mahakam_ulu):
    """Activities, service models, documents and aspect scores are not public: absent, not empty."""
    assert mahakam_ulu.activities is None
    assert mahakam_ulu.service_models is None
    assert mahakam_ulu.documents is None
    assert mahakam_ulu.monitoring_reports is None
    assert mahakam_ulu.evaluations is None
    assert mahakam_ulu.working_group.members is None


def test_mahakam_ulu_cites_its_sources(mahakam_ulu):
    """Every record of the real example carries its provenance."""
    records = [
        *mahakam_ulu.designations,
        *mahakam_ulu.meetings,
        *mahakam_ulu.commitments,
        *mahakam_ulu.access_records,
        mahakam_ulu.working_group,
    ]
    assert all(record.provenance for record in records)
    assert mahakam_ulu.provenance


# --- the fictional demo ---------------------------------------------------------------------


def test_demo_is_labelled_fictional(demo):
    """The demo says it is fictional, and its regency code is not a real one."""
    assert demo.fictional is True
    assert "fictional" in demo.description.lower()
    assert "fiktif" in demo.region.name
    assert demo.region.code == "64.60"
    assert not default_registry().has_regency(demo.region.code)
    assert default_registry().has_province(demo.region.province_code)


def test_demo_is_complete(demo):
    """The demo fills every section of a dossier."""
    for name in (
        "designations",
        "working_group",
        "meetings",
        "documents",
        "service_models",
        "commitments",
        "activities",
        "monitoring_reports",
        "evaluations",
        "access_records",
        "provenance",
    ):
        assert getattr(demo, name), name


def test_demo_designations(demo):
    """M1 in 2022, then M4 year 1 in 2024 and M4 year 2 in 2025."""
    assert [(d.milestone, d.programme_year, d.m4_year) for d in demo.designations] == [
        (Milestone.M1, 2022, None),
        (Milestone.M4, 2024, 1),
        (Milestone.M4, 2025, 2),
    ]


def test_demo_coaching_clinics(demo):
    """Coaching clinics CC1 to CC7 run from 2022 to 2024, in order."""
    clinics = [m for m in demo.meetings if m.kind is MeetingKind.COACHING_CLINIC]
    assert [m.clinic for m in clinics] == [1, 2, 3, 4, 5, 6, 7]
    assert {m.date.year for m in clinics} == {2022, 2023, 2024}


def test_demo_documents(demo):
    """SSK 2022-2026, policy package adopted by a Perbup in 2023, RKPD and DPA for 2023-2025."""
    kinds = {d.kind for d in demo.documents}
    assert kinds >= {
        DocumentKind.SSK,
        DocumentKind.BUKU_PUTIH,
        DocumentKind.SANITATION_PROFILE,
        DocumentKind.MPS,
        DocumentKind.POLICY_PACKAGE,
    }
    (ssk,) = [d for d in demo.documents if d.kind is DocumentKind.SSK]
    assert (ssk.period_start, ssk.period_end) == (2022, 2026)
    (policy,) = [d for d in demo.documents if d.kind is DocumentKind.POLICY_PACKAGE]
    assert policy.instrument.kind is InstrumentKind.PERBUP
    assert policy.instrument.date.year == 2023
    for kind in (DocumentKind.RKPD, DocumentKind.DPA):
        assert sorted(d.year for d in demo.documents if d.kind is kind) == [2023, 2024, 2025]


def test_demo_service_models(demo):
    """Wastewater (trial 2023, expanded from 2024) and TPS3R, each scored on six aspects twice."""
    assert {m.sub_sector for m in demo.service_models} == {
        SubSector.WASTEWATER,
        SubSector.SOLID_WASTE,
    }
    for model in demo.service_models:
        assert [p.scale for p in model.phases] == [Scale.TRIAL, Scale.EXPANDED]
        for year in (2024, 2025):
            scores = {a.aspect: a.score for a in model.assessments if a.assessed_on.year == year}
            assert set(scores) == set(DEFAULT_ASPECTS)
            assert set(scores.values()) <= {0, 50, 75, 100}


def test_demo_activities(demo):
    """Activities 2023-2025 with APBD and non-APBD money; APBD realisation about 85 % in M4."""
    assert 10 <= len(demo.activities) <= 15
    assert {a.funding_source.group for a in demo.activities} == {
        FundingGroup.APBD,
        FundingGroup.NON_APBD,
    }
    for year in (2024, 2025):
        apbd = [
            a for a in demo.activities if a.fiscal_year == year and a.funding_source in APBD_SOURCES
        ]
        planned = sum(a.planned for a in apbd)
        realised = sum(a.realised for a in apbd)
        assert Decimal("0.80") <= realised / planned <= Decimal("0.90")


def test_demo_monitoring_and_evaluations(demo):
    """Monitoring covers APBD and non-APBD each year; trial and yearly evaluations exist."""
    for year in (2023, 2024, 2025):
        (report,) = [r for r in demo.monitoring_reports if r.period_start.year == year]
        assert set(report.funding_groups) == {FundingGroup.APBD, FundingGroup.NON_APBD}
    trial = [e for e in demo.evaluations if e.subject is EvaluationSubject.TRIAL]
    assert trial
    assert all(e.lessons for e in trial)
    yearly = [e for e in demo.evaluations if e.subject is EvaluationSubject.SERVICE_MODEL]
    assert {e.evaluated_on.year for e in yearly} == {2024, 2025}
    assert all(e.improvements for e in yearly)


def test_demo_access_rises(demo):
    """Layak rises each year from 78.40 (2022) to 84.10 (2025); rungs and counts add up."""
    records = sorted(demo.access_records, key=lambda r: r.year)
    assert [r.year for r in records] == [2022, 2023, 2024, 2025]
    layak = [r.layak_share for r in records]
    assert layak == sorted(layak)
    assert (layak[0], layak[-1]) == (Decimal("78.40"), Decimal("84.10"))
    for record in records:
        assert record.source is AccessSource.SUSENAS
        rungs = (
            record.safely_managed,
            record.basic,
            record.limited,
            record.unimproved,
            record.open_defecation,
        )
        assert sum(rungs) == 100
        counts = record.households
        assert 40_000 <= counts.total <= 50_000
        assert (
            counts.safely_managed
            + counts.basic
            + counts.limited
            + counts.unimproved
            + counts.open_defecation
            == counts.total
        )


# --- the Python example ---------------------------------------------------------------------


def test_build_dossier_script_runs():
    """``python examples/build_dossier.py`` builds, dumps and reloads a dossier, exiting 0."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "build_dossier.py")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "round trip OK" in result.stdout
    assert len(result.stdout.splitlines()) == 1
