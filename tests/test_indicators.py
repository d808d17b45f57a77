"""The indicator catalogue: declarations, JSON export, and honest derivations."""

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from sanitasi_core.indicators import CATALOGUE, Facts, ValueType, catalogue_as_json
from sanitasi_core.model import DEFAULT_ASPECTS
from sanitasi_core.serialization import dossier_from_dict

DEMO = Path(__file__).parent.parent / "examples" / "demo-sungai-lestari.json"
BASE = {"dossier": json.loads(DEMO.read_text("utf-8"))}


def facts(as_of: dt.date = dt.date(2025, 12, 31), **changes) -> Facts:
    """Return the complete base dossier with *changes*, seen on *as_of*."""
    return Facts(dossier_from_dict({**BASE["dossier"], **changes}), as_of)


def test_catalogue_exports_as_json():
    """The catalogue exports every indicator with type, unit, direction and both languages."""
    exported = catalogue_as_json()
    assert [e["name"] for e in exported] == list(CATALOGUE)
    json.dumps(exported)  # plain JSON data
    for entry in exported:
        assert entry["type"] in {t.value for t in ValueType}
        description, derivation = entry["description"], entry["derivation"]
        assert isinstance(description, dict)
        assert isinstance(derivation, dict)
        assert description["id"] != description["en"]
        assert derivation["id"]
        assert derivation["en"]


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_every_indicator_computes_on_a_complete_dossier(name):
    """Each indicator yields a value of its declared type on a complete dossier."""
    spec = CATALOGUE[name]
    args = {
        p.name: p.default or (p.choices or DEFAULT_ASPECTS)[0]
        for p in spec.params
        if not p.optional
    }
    obs = facts().observe(name, args)
    assert obs.value is not None or obs.absent or obs.not_applicable
    if obs.value is not None:
        expected = {ValueType.BOOLEAN: bool, ValueType.DECIMAL: Decimal, ValueType.COUNT: int}
        assert isinstance(obs.value, expected[spec.type])


def test_indicators_are_computed_once():
    """Facts memoise each indicator: a second look returns the same object."""
    f = facts()
    assert f.observe("apbd_realisation_pct") is f.observe("apbd_realisation_pct")


def test_unreported_is_unknown_not_zero():
    """Activities not reported make the APBD ratio unknown and name the input."""
    obs = facts(activities=None, monitoring_reports=None).observe("apbd_realisation_pct")
    assert obs.value is None
    assert not obs.not_applicable
    assert [m.key for m in obs.missing] == ["activities"]


def test_no_apbd_activity_is_not_applicable():
    """Reported activities with no APBD money that year make the ratio not applicable."""
    obs = facts(activities=[], monitoring_reports=[]).observe("apbd_realisation_pct")
    assert obs.not_applicable


def test_never_assessed_aspect_is_absent():
    """An aspect never assessed in the year is known to be absent, not unknown."""
    obs = facts(as_of=dt.date(2030, 12, 31)).observe("aspect_score", {"aspect": "regulation"})
    assert obs.absent


def test_future_records_are_invisible():
    """A commitment signed after the evaluation date does not count."""
    before = facts(as_of=dt.date(2019, 12, 31))
    assert before.observe("regional_head_commitment").value is False


def test_layak_change_in_percentage_points():
    """The change in layak is this year's share minus last year's, exactly."""
    f = facts()
    now = f.observe("layak_pct").value
    before = f.observe("layak_pct", {"year": "previous"}).value
    assert isinstance(now, Decimal)
    assert isinstance(before, Decimal)
    assert f.observe("layak_change_pp").value == now - before


def test_months_since_commitment():
    """Months since the latest regional-head commitment count whole months."""
    f = facts(as_of=dt.date(2026, 3, 31))
    value = f.observe("months_since_commitment").value
    assert isinstance(value, int)
    assert value >= 0


def test_odf_share_of_villages():
    """The ODF share counts verified villages over all villages; an unknown status is unknown."""
    villages = [
        {"code": "64.60.01.2001", "odf": True, "odf_verified_on": "2024-05-01"},
        {"code": "64.60.01.2002", "odf": False},
        {"code": "64.60.01.2003", "odf": True},
        {"code": "64.60.01.2004", "odf": True, "odf_verified_on": "2026-05-01"},
    ]
    assert facts(villages=villages).observe("odf_villages_pct").value == Decimal("50.00")
    unknown = facts(villages=[*villages, {"code": "64.60.01.2005"}]).observe("odf_villages_pct")
    assert unknown.value is None
    assert [m.key for m in unknown.missing] == ["villages[4].odf"]


def test_waste_reduction_and_handling_shares():
    """Reduction and handling are shares of the waste generated in the year."""
    waste = [{"year": 2025, "generated": "1000", "reduced": "250", "handled": "600"}]
    f = facts(waste_records=waste)
    assert f.observe("waste_reduction_pct").value == Decimal("25.00")
    assert f.observe("waste_handling_pct").value == Decimal("60.00")
    assert facts(waste_records=[]).observe("waste_handling_pct").value is None


def test_aspect_maturity_rounds_down_to_the_steps():
    """Maturity is the mean of the six aspects, each rounded down to 0/50/75/100."""
    assessments = [
        {"aspect": a, "score": s, "assessed_on": "2025-06-01"}
        for a, s in zip(
            (
                "regulation",
                "institution",
                "financing",
                "technical",
                "participation",
                "communication",
            ),
            ("100", "80", "75", "74", "50", "49"),
            strict=True,
        )
    ]
    model = {"id": "m", "sub_sector": "wastewater", "name": "x", "assessments": assessments}
    f = facts(service_models=[model], activities=None, monitoring_reports=None, evaluations=None)
    # 100 + 75 + 75 + 50 + 50 + 0 = 350 / 6
    assert f.observe("aspect_maturity", {"sub_sector": "wastewater"}).value == Decimal("58.33")
    assert f.observe("aspect_maturity", {"sub_sector": "drainage"}).absent


def test_high_risk_villages_from_ehra():
    """Villages whose latest EHRA index is in the top two classes count as high risk."""
    high = dict.fromkeys(
        ("water_source", "wastewater", "solid_waste", "drainage", "hygiene_behaviour"), "80"
    )
    low = dict.fromkeys(high, "10")
    ehra = [
        {"village": "64.60.01.2001", "year": 2024, "scores": high},
        {"village": "64.60.01.2001", "year": 2025, "scores": low},
        {"village": "64.60.01.2002", "year": 2025, "scores": high},
    ]
    assert facts(ehra=ehra).observe("high_risk_villages_pct").value == Decimal("50.00")


def test_rounding_never_passes_an_exact_failure():
    """79.995 % of planned is shown as 79.99 %, so it does not pass a threshold of 80 %."""
    acts = [
        {
            "id": "a",
            "name": "x",
            "fiscal_year": 2025,
            "funding_source": "apbd_district",
            "planned": "200000",
            "realised": "159990",
        }
    ]
    obs = facts(activities=acts, monitoring_reports=None).observe("apbd_realisation_pct")
    assert obs.value == Decimal("79.99")
