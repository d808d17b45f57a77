"""The indicator catalogue: declarations, JSON export, and honest derivations."""

import datetime as dt
import json
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

import pytest

from sanitasi_core import Text
from sanitasi_core.exceptions import RulebookError
from sanitasi_core.indicators import (
    CATALOGUE,
    Facts,
    MissingInput,
    Observation,
    ValueType,
    catalogue_as_json,
    indicator,
)
from sanitasi_core.model import DEFAULT_ASPECTS, MeetingKind
from sanitasi_core.rulebooks import load_rulebook
from sanitasi_core.rules import CriterionResult, ObservedNumber, Outcome, compile_rulebook
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


# --------------------------------------------------------------------------------------------
# A toy indicator, added the way docs/explanation/design.md says
# --------------------------------------------------------------------------------------------


@indicator(
    "coordination_meetings",
    type=ValueType.COUNT,
    unit="records",
    quantum="1",
    description=Text(id="Rapat koordinasi tahun ini", en="Coordination meetings this year"),
    derivation=Text(
        id="jumlah rapat koordinasi pada tahun anggaran yang dinilai",
        en="the number of coordination meetings in the fiscal year assessed",
    ),
)
def coordination_meetings(facts: Facts, _args: Mapping[str, str]) -> Observation:
    """Count the coordination meetings held in the fiscal year; unknown when none are reported."""
    if facts.seen.meetings is None:
        where = Text(id="daftar rapat", en="the list of meetings")
        return Observation(missing=(MissingInput(key="meetings", text=where),))
    held = [
        item.record
        for item in facts.seen.meetings
        if item.record.kind is MeetingKind.COORDINATION and item.record.date.year == facts.year
    ]
    return Observation(value=len(held))


TOY_RULEBOOK = """
schema = "sanitasi.rulebook/v1"
id = "toy"
version = "1"
status = "official"
valid_from = 2020-01-01
title = { id = "Contoh", en = "Toy" }

[[milestones]]
id = "M1"
title = { id = "Komitmen", en = "Commitment" }

[[milestones.criteria]]
id = "m1.meets"
message = { id = "Pokja rapat dua kali setahun", en = "The working group meets twice a year" }
reference = { basis = "a toy rule" }
test = { op = "compare", indicator = "coordination_meetings", cmp = ">=", value = "2" }
"""


def _meetings(*days: dt.date) -> list[dict[str, str]]:
    return [{"kind": "coordination", "date": day.isoformat()} for day in days]


def test_a_toy_indicator_decides_a_rulebook_that_uses_it():
    """An indicator declared with ``indicator`` and added to the catalogue decides a criterion."""
    catalogue = CATALOGUE.with_indicators(coordination_meetings)
    engine = compile_rulebook(load_rulebook(TOY_RULEBOOK, catalogue=catalogue), catalogue=catalogue)
    region = {"code": "62.01", "name": "Kabupaten Kotawaringin Barat"}
    day = dt.date(2025, 12, 31)

    def criterion(**dossier: object) -> CriterionResult:
        document = {"schema": "sanitasi.dossier/v2", "region": region, **dossier}
        return engine.evaluate(dossier_from_dict(document), as_of=day).criterion("m1.meets")

    twice = criterion(meetings=_meetings(dt.date(2025, 3, 1), dt.date(2025, 9, 1)))
    assert (twice.outcome, twice.observed) == (Outcome.PASS, ObservedNumber(value=Decimal(2)))
    once = criterion(meetings=_meetings(dt.date(2024, 3, 1), dt.date(2025, 9, 1)))
    assert once.outcome is Outcome.FAIL
    assert once.gap is not None
    assert once.gap.amount == 1
    unreported = criterion()
    assert unreported.outcome is Outcome.UNKNOWN
    assert [m.key for m in unreported.missing] == ["meetings"]


def test_a_rulebook_naming_an_unregistered_indicator_is_refused():
    """Without the toy in its catalogue, the loader and the compiler name the unknown indicator."""
    with pytest.raises(RulebookError) as info:
        load_rulebook(TOY_RULEBOOK)
    assert [p.code for p in info.value.problems] == ["unknown_indicator"]
    book = load_rulebook(TOY_RULEBOOK, catalogue=CATALOGUE.with_indicators(coordination_meetings))
    with pytest.raises(RulebookError, match="coordination_meetings"):
        compile_rulebook(book)


def test_the_built_in_catalogue_is_not_changed_by_adding_to_it():
    """``with_indicators`` returns a new catalogue; nothing is registered globally."""
    bigger = CATALOGUE.with_indicators(coordination_meetings)
    assert "coordination_meetings" in bigger
    assert "coordination_meetings" not in CATALOGUE
    with pytest.raises(ValueError, match="declared twice"):
        bigger.with_indicators(coordination_meetings)
