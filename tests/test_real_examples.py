"""The real example dossiers: public facts only, each record quoting its source.

The M4 years and the assistance the provincial reports state are the ones the library reads back.
The dossiers are ``examples/real/*.json`` (Kalimantan Tengah, cohorts 2021-2025) and
``examples/mahakam-ulu-2024.json`` (Kalimantan Timur); the package ships byte-identical copies in
``sanitasi_core/data/examples/`` for ``sanitasi example``.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from pathlib import Path

import pytest

from sanitasi_core import load_dossier
from sanitasi_core.model import DOSSIER_SCHEMA, Dossier
from sanitasi_core.regions import default_registry
from sanitasi_core.rulebooks import default_rulebooks
from sanitasi_core.serialization import build_dossier_json_schema

ROOT = Path(__file__).resolve().parent.parent
REAL = sorted((ROOT / "examples" / "real").glob("*.json"))
MAHAKAM_ULU = ROOT / "examples" / "mahakam-ulu-2024.json"
ALL_REAL = [*REAL, MAHAKAM_ULU]
PACKAGED = resources.files("sanitasi_core") / "data" / "examples"
AS_OF = dt.date(2025, 12, 31)
RECORDS = (
    "designations",
    "stage_reports",
    "meetings",
    "commitments",
    "evaluations",
    "access_records",
    "documents",
)
COLLECTIONS = (
    *RECORDS,
    "service_models",
    "activities",
    "monitoring_reports",
    "villages",
    "ehra",
    "waste_records",
    "nawasis_entries",
)

# "M4 year n" as the provincial reports state it (real-facts: m4_year / milestone_stage facts
# with a year index): kaltengtimes.co.id 25/10/2024 (years 2-4 of 2024, Lamandau and Katingan at
# their first M4 clinic), kaltengterkini.co.id 6/11/2025 (years 2-5 of 2025),
# metrokalimantan.co.id 24/6/2022 (Barito Selatan and Sukamara at M4 after M1-M3 in 2021) and
# penakalteng.id 13/8/2025 (Gunung Mas and Barito Utara at M4 after the early stage of 2024).
STATED_M4_YEARS = [
    ("kalteng-barito-selatan", 2022, 1),
    ("kalteng-barito-selatan", 2024, 3),
    ("kalteng-barito-selatan", 2025, 4),
    ("kalteng-sukamara", 2022, 1),
    ("kalteng-sukamara", 2024, 3),
    ("kalteng-sukamara", 2025, 4),
    ("kalteng-kotawaringin-timur", 2024, 4),
    ("kalteng-kotawaringin-timur", 2025, 5),
    ("kalteng-kotawaringin-barat", 2024, 4),
    ("kalteng-kotawaringin-barat", 2025, 5),
    ("kalteng-murung-raya", 2024, 2),
    ("kalteng-murung-raya", 2025, 3),
    ("kalteng-barito-timur", 2024, 2),
    ("kalteng-barito-timur", 2025, 3),
    ("kalteng-lamandau", 2024, 1),
    ("kalteng-lamandau", 2025, 2),
    ("kalteng-katingan", 2024, 1),
    ("kalteng-katingan", 2025, 2),
    ("kalteng-gunung-mas", 2025, 1),
    ("kalteng-barito-utara", 2025, 1),
]

# Years the sources put before M4 (Milestones 1 to 3): no M4 year yet.
STATED_BEFORE_M4 = [
    ("kalteng-kapuas", 2025),  # Kepmendagri 100.9.3-015/Kep/Bangda/2025 (humabetang.com)
    ("kalteng-seruyan", 2025),
    ("kalteng-gunung-mas", 2024),  # "tahap awal pada 2024" (penakalteng.id)
    ("kalteng-barito-utara", 2024),
    ("kalteng-lamandau", 2023),  # Coaching Clinic 1, 22/6/2023 (Bappedalitbang Kalteng)
    ("kalteng-katingan", 2023),
    ("kalteng-murung-raya", 2022),  # "sasaran pendampingan 2022" (ANTARA Kalteng)
    ("kalteng-barito-timur", 2022),
    ("kalteng-barito-selatan", 2021),  # M1-M3 "tahun 2021" (metrokalimantan.co.id)
    ("kalteng-sukamara", 2021),
]

# Assistance where a source states it: "mendapatkan pendampingan" (humabetang.com 2025 for
# every district designated in 2025; penakalteng.id 2025 "pendampingan lanjutan"), "sasaran
# pendampingan 2022" (ANTARA Kalteng), and the post-M4 evaluation of August 2025 of the districts
# "yang sebelumnya telah mendapatkan pendampingan", each with its year of assistance
# (khabar.co.id).
STATED_ASSISTANCE = [
    ("kalteng-kapuas", 2025, "assisted"),
    ("kalteng-seruyan", 2025, "assisted"),
    ("kalteng-gunung-mas", 2025, "assisted"),
    ("kalteng-barito-utara", 2025, "assisted"),
    ("kalteng-murung-raya", 2022, "assisted"),
    ("kalteng-barito-timur", 2022, "assisted"),
    ("kalteng-kotawaringin-timur", 2021, "assisted"),
    ("kalteng-kotawaringin-barat", 2021, "assisted"),
    ("kalteng-barito-selatan", 2022, "assisted"),
    ("kalteng-sukamara", 2022, "assisted"),
    ("kalteng-murung-raya", 2023, "assisted"),
    ("kalteng-barito-timur", 2023, "assisted"),
    ("kalteng-lamandau", 2024, "assisted"),
    ("kalteng-katingan", 2024, "assisted"),
    *(
        (slug, 2025, "post_assistance")
        for slug in (
            "kalteng-lamandau",
            "kalteng-katingan",
            "kalteng-murung-raya",
            "kalteng-barito-timur",
            "kalteng-barito-selatan",
            "kalteng-sukamara",
            "kalteng-kotawaringin-timur",
            "kalteng-kotawaringin-barat",
        )
    ),
]

KALTENG = {
    "kalteng-kotawaringin-barat": "62.01",
    "kalteng-kotawaringin-timur": "62.02",
    "kalteng-kapuas": "62.03",
    "kalteng-barito-selatan": "62.04",
    "kalteng-barito-utara": "62.05",
    "kalteng-katingan": "62.06",
    "kalteng-seruyan": "62.07",
    "kalteng-sukamara": "62.08",
    "kalteng-lamandau": "62.09",
    "kalteng-gunung-mas": "62.10",
    "kalteng-murung-raya": "62.12",
    "kalteng-barito-timur": "62.13",
}


def _load(path: Path) -> Dossier:
    return load_dossier(path.read_bytes(), source=str(path))


def _real(slug: str) -> Dossier:
    return _load(ROOT / "examples" / "real" / f"{slug}.json")


def _records(dossier: Dossier) -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []
    for name in RECORDS:
        found += [(f"{name}[{i}]", r) for i, r in enumerate(getattr(dossier, name) or ())]
    if dossier.working_group is not None:
        found.append(("working_group", dossier.working_group))
    return found


def _ids(path: Path) -> str:
    return path.stem


def test_every_cohort_district_has_a_real_example() -> None:
    """Each of the twelve Kalimantan Tengah districts of the 2021-2025 cohorts has its dossier."""
    assert {p.stem for p in REAL} == set(KALTENG)
    for slug, code in KALTENG.items():
        assert _real(slug).region.code == code


@pytest.mark.parametrize("path", ALL_REAL, ids=_ids)
def test_real_example_loads_as_a_real_v2_dossier(path: Path) -> None:
    """The file is format v2, loads, is not fictional, and names a district of the registry."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["schema"] == DOSSIER_SCHEMA
    dossier = _load(path)
    assert dossier.fictional is False
    assert default_registry().has_regency(dossier.region.code)
    assert dossier.description
    assert dossier.provenance


@pytest.mark.parametrize("path", ALL_REAL, ids=_ids)
def test_real_example_validates_against_the_json_schema(path: Path) -> None:
    """The file is valid against the dossier JSON Schema the model generates."""
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(build_dossier_json_schema())
    errors = [e.message for e in validator.iter_errors(json.loads(path.read_bytes()))]
    assert errors == []


@pytest.mark.parametrize("path", ALL_REAL, ids=_ids)
def test_no_collection_is_written_empty(path: Path) -> None:
    """No collection is an empty list: what no source reports is absent (unknown), not 'none'."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    for name in COLLECTIONS:
        assert raw.get(name, None) != [], name


@pytest.mark.parametrize("path", ALL_REAL, ids=_ids)
def test_every_record_quotes_its_public_source(path: Path) -> None:
    """Every record, and the dossier itself, cites a source with its title, URL and a quote."""
    dossier = _load(path)
    records = _records(dossier)
    assert records
    for where, record in [*records, ("dossier", dossier)]:
        provenance = record.provenance  # type: ignore[attr-defined]
        assert provenance, where
        for p in provenance:
            assert p.source, where
            assert p.url, where
            assert p.quote, where
            assert p.url.startswith(("http://", "https://")), where


@pytest.mark.parametrize("path", ALL_REAL, ids=_ids)
def test_no_record_is_dated_before_its_source_was_published(path: Path) -> None:
    """A stage report or access figure is never dated before the article it rests on appeared."""
    dossier = _load(path)
    for report in dossier.stage_reports or ():
        for p in report.provenance:
            if p.published_on is not None:
                assert report.reported_on >= p.published_on
    for record in dossier.access_records or ():
        assert record.published_on is not None
        for p in record.provenance:
            if p.published_on is not None:
                assert record.published_on >= p.published_on


@pytest.mark.parametrize("path", ALL_REAL, ids=_ids)
def test_packaged_copy_is_byte_identical(path: Path) -> None:
    """The copy that ``sanitasi example`` writes is byte for byte the one in examples/."""
    packaged = PACKAGED / path.name
    assert packaged.is_file()
    assert packaged.read_bytes() == path.read_bytes()


def test_every_packaged_example_has_its_source_copy() -> None:
    """Each bundled example is one of the files in examples/ or examples/real/, unchanged."""
    folders = (ROOT / "examples", ROOT / "examples" / "real")
    for entry in PACKAGED.iterdir():
        if not entry.name.endswith(".json"):
            continue
        copies = [f / entry.name for f in folders if (f / entry.name).is_file()]
        assert len(copies) == 1, entry.name
        assert copies[0].read_bytes() == entry.read_bytes(), entry.name


@pytest.mark.parametrize(("slug", "year", "n"), STATED_M4_YEARS)
def test_stated_m4_year_is_read_from_the_history(slug: str, year: int, n: int) -> None:
    """Evaluated at the end of 2025 for the fiscal year, "M4 year n" is the one stated."""
    decision = default_rulebooks().evaluate(_real(slug), as_of=AS_OF, fiscal_year=year)
    assert decision.m4_year == n
    assert decision.m4.year_range is None
    assert decision.m4.conflicts == ()


@pytest.mark.parametrize(("slug", "year"), STATED_BEFORE_M4)
def test_years_before_m4_have_no_m4_year(slug: str, year: int) -> None:
    """A year the sources put at Milestones 1 to 3 has no M4 year."""
    decision = default_rulebooks().evaluate(_real(slug), as_of=AS_OF, fiscal_year=year)
    assert decision.m4_year is None
    assert decision.m4.year_range is None


@pytest.mark.parametrize(("slug", "year", "assistance"), STATED_ASSISTANCE)
def test_stated_assistance_is_read_from_the_history(slug: str, year: int, assistance: str) -> None:
    """Assisted or post-assistance, as the source says, for that fiscal year."""
    decision = default_rulebooks().evaluate(_real(slug), as_of=AS_OF, fiscal_year=year)
    assert decision.m4.assistance.value == assistance


@pytest.mark.parametrize("path", ALL_REAL, ids=_ids)
def test_each_year_2021_to_2025_evaluates_without_conflict(path: Path) -> None:
    """Evaluated year by year, every decision is made and no two sources contradict."""
    dossier = _load(path)
    books = default_rulebooks()
    for year in range(2021, 2026):
        decision = books.evaluate(dossier, as_of=AS_OF, fiscal_year=year)
        assert decision.fiscal_year == year
        assert decision.designation_check.status in {
            "consistent",
            "unconfirmed",
            "contradicted",
            "ahead",
            "no_designation",
        }
        assert decision.m4.conflicts == ()


def test_a_report_counts_only_from_the_day_it_was_published() -> None:
    """Kotim's "M4 year 4" of 2024 is unknown the day before the report of 25 October 2024."""
    books = default_rulebooks()
    kotim = _real("kalteng-kotawaringin-timur")
    before = books.evaluate(kotim, as_of=dt.date(2024, 10, 24), fiscal_year=2024)
    on_the_day = books.evaluate(kotim, as_of=dt.date(2024, 10, 25), fiscal_year=2024)
    assert (before.m4_year, on_the_day.m4_year) == (None, 4)


def test_clinics_fix_lamandau_first_m4_year_before_any_index_is_published() -> None:
    """At the end of 2024, CC1 in 2023 and CC7 in 2024 already make 2024 Lamandau's M4 year 1."""
    decision = default_rulebooks().evaluate(
        _real("kalteng-lamandau"), as_of=dt.date(2024, 12, 31), fiscal_year=2024
    )
    assert decision.m4_year == 1
    assert decision.m4.assistance.value == "assisted"


def test_mahakam_ulu_access_is_not_seen_before_november_2025() -> None:
    """The November 2025 access figures are unseen in mid-2025 (no look-ahead), seen at its end."""
    books = default_rulebooks()
    dossier = _load(MAHAKAM_ULU)
    assert dossier.access_records is not None
    (record,) = dossier.access_records
    assert record.published_on == dt.date(2025, 11, 30)
    mid = books.evaluate(dossier, as_of=dt.date(2025, 6, 30))
    end = books.evaluate(dossier, as_of=AS_OF)
    assert all(t.observed is None for t in mid.targets)
    assert any(t.observed is not None for t in end.targets)
