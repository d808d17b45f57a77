"""Chart inputs filled from decisions, dossiers and household summaries (charts._adapters)."""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanitasi_core import Text, charts, load_dossier
from sanitasi_core.exceptions import ValidationError
from sanitasi_core.households import summarise_file
from sanitasi_core.model import (
    AccessRecord,
    AccessSource,
    AreaType,
    Dossier,
    NationalTarget,
    TargetIndicator,
)
from sanitasi_core.rulebooks import default_rulebooks
from sanitasi_core.rules import Decision, Outcome

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "src/sanitasi_core/data/examples"
AS_OF = dt.date(2025, 12, 31)


@functools.cache
def _dossiers() -> tuple[Dossier, ...]:
    return tuple(load_dossier(p.read_bytes()) for p in sorted(EXAMPLES.glob("*.json")))


@functools.cache
def _decisions() -> tuple[Decision, ...]:
    books = default_rulebooks()
    return tuple(books.evaluate(d, as_of=AS_OF) for d in _dossiers())


def _level(decision: Decision, attribute: str) -> str:
    level = getattr(decision, attribute)
    return "none" if level is None else str(level.value)


def _mahakam_ulu() -> Dossier:
    return next(d for d in _dossiers() if "Mahakam" in d.region.name)


@given(st.lists(st.sampled_from(range(14)), unique=True, min_size=1))
@settings(max_examples=30, deadline=None)
def test_level_counts_are_the_decisions_levels(chosen: list[int]) -> None:
    """Per level, the chart counts exactly the decisions whose certain/possible level it is."""
    decisions = [_decisions()[i] for i in chosen]
    overview = charts.levels_from_decisions(decisions)
    (group,) = overview.groups
    assert dict(group.certain) == {
        level: sum(_level(d, "certain_level") == level for d in decisions)
        for level in charts.LEVELS
    }
    assert dict(group.possible) == {
        level: sum(_level(d, "possible_level") == level for d in decisions)
        for level in charts.LEVELS
    }
    assert group.undecided == sum(d.certain_level != d.possible_level for d in decisions)


def test_levels_by_province_name_the_provinces_from_the_register() -> None:
    """One panel per province, named from the official register, in name order."""
    overview = charts.levels_from_decisions(_decisions(), by_province=True)
    assert [g.group for g in overview.groups] == ["Kalimantan Tengah", "Kalimantan Timur"]
    assert sum(g.total for g in overview.groups) == len(_decisions())


def test_a_code_outside_the_register_gets_a_panel_of_its_own() -> None:
    """A hand-built decision with an unregistered province code is grouped under its prefix."""
    stray = attrs.evolve(_decisions()[0], region=attrs.evolve(_decisions()[0].region, code="99.01"))
    overview = charts.levels_from_decisions([stray], by_province=True)
    assert [g.group for g in overview.groups] == ["99"]


def test_a_district_decided_twice_counts_once_by_its_latest_decision() -> None:
    """Two decisions of one district on different dates count once, as of the later date."""
    books = default_rulebooks()
    district = _mahakam_ulu()
    early = books.evaluate(district, as_of=dt.date(2021, 6, 30))
    late = books.evaluate(district, as_of=AS_OF)
    for order in ([early, late], [late, early]):
        (group,) = charts.levels_from_decisions(order).groups
        assert group.total == 1
        assert {str(k): n for k, n in group.certain.items()}[_level(late, "certain_level")] == 1


def test_criteria_counts_are_the_top_level_outcomes() -> None:
    """Each milestone's bar counts its top-level criteria by outcome, and titles the district."""
    field = {
        Outcome.PASS: "passed",
        Outcome.FAIL: "failed",
        Outcome.UNKNOWN: "unknown",
        Outcome.NOT_APPLICABLE: "not_applicable",
    }
    for decision in _decisions():
        overview = charts.criteria_from_decision(decision)
        assert overview.subject is not None
        assert decision.region.name in overview.subject
        for result, drawn in zip(decision.milestones, overview.milestones, strict=True):
            assert drawn.milestone == result.id.value
            assert drawn.total == len(result.criteria)
            for outcome, name in field.items():
                assert drawn.count(name) == sum(c.outcome is outcome for c in result.criteria)
    assert charts.criteria_from_decision(decision, subject="X").subject == "X"


def test_years_are_decided_as_they_stood_at_their_end() -> None:
    """Each year's level is the decision on 31 December of that year (as-of for the last)."""
    books = default_rulebooks()
    district = _mahakam_ulu()
    data = charts.years_from_dossier(district, books, as_of=AS_OF, years=[2022, 2024, 2030])
    assert [y.year for y in data.years] == [2022, 2024]  # 2030 is after the as-of date
    for entry in data.years:
        decision = books.evaluate(
            district, as_of=dt.date(entry.year, 12, 31), fiscal_year=entry.year
        )
        assert entry.certain == _level(decision, "certain_level")
        assert entry.possible == _level(decision, "possible_level")
    assert [(d.year, d.milestone) for d in data.designations] == [(2023, "M4")]


def test_years_default_to_the_last_five_and_skip_years_without_a_rulebook() -> None:
    """By default the five years up to the as-of year; a year before every rulebook is a gap."""
    books = default_rulebooks()
    data = charts.years_from_dossier(_mahakam_ulu(), books, as_of=dt.date(2022, 3, 1))
    assert [y.year for y in data.years] == [2020, 2021, 2022]  # 2018, 2019: no rulebook
    assert data.designations == ()  # the 2023 decree is not seen in 2022


def test_no_decidable_year_is_a_validation_error() -> None:
    """Years that no rulebook covers leave nothing to draw: a ValidationError, not a chart."""
    with pytest.raises(ValidationError):
        charts.years_from_dossier(
            _mahakam_ulu(), default_rulebooks(), as_of=AS_OF, years=[2010, 2011]
        )


def _record(
    year: int, source: AccessSource = AccessSource.SUSENAS, **fields: object
) -> AccessRecord:
    return AccessRecord(year=year, source=source, **fields)  # type: ignore[arg-type]


def _target(ident: str, indicator: str, value: str, year: int, **more: object) -> NationalTarget:
    return NationalTarget(
        id=ident,
        indicator=TargetIndicator(indicator),
        value=Decimal(value),
        year=year,
        basis=Text(id="dasar", en="basis"),
        **more,  # type: ignore[arg-type]
    )


def test_access_points_are_the_records_seen_on_the_date() -> None:
    """District-wide records by year; later publications and other areas are left out."""
    records = (
        _record(2021, layak=Decimal("70"), published_on=dt.date(2022, 5, 1)),
        _record(2021, AccessSource.NAWASIS, layak=Decimal("71"), published_on=dt.date(2022, 9, 1)),
        _record(2022, safely_managed=Decimal("5"), basic=Decimal("60"), limited=Decimal("8")),
        _record(2023, layak=Decimal("80"), published_on=dt.date(2026, 1, 1)),
        _record(2022, layak=Decimal("99"), area=AreaType.URBAN),
        _record(2024, open_defecation=Decimal("3.5")),
    )
    district = attrs.evolve(_mahakam_ulu(), access_records=records)
    series = charts.access_from_dossier(district, as_of=dt.date(2025, 6, 30))
    assert [(p.year, p.layak, p.aman, p.open_defecation) for p in series.points] == [
        (2021, Decimal("71"), None, None),
        (2022, Decimal("73"), Decimal("5"), None),
        (2024, None, None, Decimal("3.5")),
    ]
    assert series.subject == district.region.name


def test_access_targets_within_the_horizon_are_kept() -> None:
    """Targets from the first year shown to as-of + horizon; other indicators and areas dropped."""
    district = attrs.evolve(_mahakam_ulu(), access_records=(_record(2022, layak=Decimal("70")),))
    targets = [
        _target("a", "layak", "90", 2024),
        _target("b", "layak", "95", 2024),  # same indicator and year: the first wins
        _target("c", "safely_managed", "30", 2029),
        _target("d", "safely_managed", "70", 2045),  # beyond the horizon
        _target("e", "open_defecation", "0", 2020),  # before the first year shown
        _target("f", "waste_handling", "80", 2025),  # not an access indicator
        _target("g", "layak", "100", 2025, area=AreaType.RURAL),  # not district-wide
    ]
    series = charts.access_from_dossier(district, as_of=AS_OF, targets=targets)
    assert [(t.indicator, t.year, t.value) for t in series.targets] == [
        ("aman", 2029, Decimal("30")),
        ("layak", 2024, Decimal("90")),
    ]
    wide = charts.access_from_dossier(district, as_of=AS_OF, targets=targets, horizon=20)
    assert ("aman", 2045) in {(t.indicator, t.year) for t in wide.targets}


def test_the_default_rulebooks_give_the_2024_and_2029_targets() -> None:
    """The national targets drawn are RPJMN's: 90 % layak by 2024, 30 % aman by 2029, …."""
    district = attrs.evolve(_mahakam_ulu(), access_records=(_record(2020, layak=Decimal("70")),))
    targets = [t for b in default_rulebooks().rulebooks for t in b.targets]
    series = charts.access_from_dossier(district, as_of=dt.date(2025, 1, 1), targets=targets)
    shown = {(t.indicator, t.year): t.value for t in series.targets}
    assert shown[("layak", 2024)] == Decimal("90")
    assert shown[("aman", 2024)] == Decimal("15")
    assert shown[("open_defecation", 2024)] == Decimal("0")
    assert shown[("aman", 2029)] == Decimal("30")
    assert shown[("layak", 2029)] == Decimal("100")


def test_ladder_rows_are_the_summary_shares() -> None:
    """Total, urban and rural rows carry the summary's own shares, unknown included."""
    report = summarise_file(ROOT / "examples/households-sungai-lestari.csv")
    ladder = charts.ladder_from_summary(report.summary, subject="Sungai Lestari")
    assert [r.area for r in ladder.rows] == ["total", "urban", "rural"]
    parts = {"total": report.summary, **report.summary.by_area}
    for row in ladder.rows:
        shares = parts[row.area].shares
        assert shares is not None
        for key, value in shares.items():
            assert row.share(key) == value
    assert ladder.subject == "Sungai Lestari"


def _drawn(svg: str, series: str) -> dict[str, int]:
    """The bars of one series of a one-panel level chart as drawn: level → value."""
    import xml.etree.ElementTree as ET  # noqa: PLC0415

    root = ET.fromstring(svg)  # noqa: S314  # our own output
    found: dict[str, int] = {}
    for rect in root.iter("{http://www.w3.org/2000/svg}rect"):
        if rect.get("data-series") == series:
            found[rect.get("data-level") or ""] = int(rect.get("data-value", "0"))
    return found


@given(st.lists(st.sampled_from(range(14)), unique=True, min_size=1))
@settings(max_examples=15, deadline=None)
def test_the_level_bars_drawn_are_the_decisions_frame_counts(chosen: list[int]) -> None:
    """Each certain and possible bar drawn carries the count the decisions frame gives."""
    pd = pytest.importorskip("pandas")
    from sanitasi_core import decisions_frame  # noqa: PLC0415

    decisions = [_decisions()[i] for i in chosen]
    frame = decisions_frame(decisions)
    svg = charts.LevelChart(data=charts.levels_from_decisions(decisions)).to_svg()
    for series in ("certain", "possible"):
        column = frame[f"{series}_level"].astype(object).where(frame[f"{series}_level"].notna())
        counts = column.fillna("none").value_counts()
        drawn = _drawn(svg, series)
        for level in charts.LEVELS:
            assert drawn[level] == int(counts.get(level, 0)), (series, level)
    assert isinstance(frame, pd.DataFrame)


def test_the_criteria_bars_drawn_are_the_criteria_frame_counts() -> None:
    """Per milestone and outcome, the criteria chart counts the criteria frame's rows."""
    pytest.importorskip("pandas")
    from sanitasi_core import criteria_frame  # noqa: PLC0415

    names = {"pass": "passed", "fail": "failed", "unknown": "unknown"}
    names["not_applicable"] = "not_applicable"
    for decision in _decisions():
        frame = criteria_frame([decision])
        overview = charts.criteria_from_decision(decision)
        for row in overview.milestones:
            mine = frame[frame["milestone"] == row.milestone]
            for outcome, name in names.items():
                assert row.count(name) == int((mine["outcome"] == outcome).sum())
