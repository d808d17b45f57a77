"""Tests of the sanitation ladder from household records (sanitasi_core.ladder)."""

import datetime as dt
import decimal
import itertools
import string
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanitasi_core import _messages
from sanitasi_core._messages.ladder import LADDER_MESSAGES
from sanitasi_core.exceptions import ValidationError
from sanitasi_core.ladder import (
    LADDER_KEYS,
    Area,
    Classification,
    Disposal,
    Facility,
    HouseholdRecord,
    LadderAccumulator,
    Rung,
    Toilet,
    classify,
    emptied_recently,
    summarise,
    to_access_record,
)
from sanitasi_core.model import AccessSource, AreaType

D = dt.date
SURVEY = D(2024, 7, 15)
RECENT = D(2022, 3, 1)  # within five years of SURVEY
OLD = D(2018, 1, 1)  # more than five years before SURVEY

SM, BASIC, LIMITED = Rung.SAFELY_MANAGED, Rung.BASIC, Rung.LIMITED
UNIMPROVED, OD = Rung.UNIMPROVED, Rung.OPEN_DEFECATION
URBAN, RURAL = Area.URBAN, Area.RURAL
OWN, SHARED, PUBLIC = Facility.OWN, Facility.SHARED, Facility.PUBLIC
GOOSENECK = Toilet.GOOSENECK
SEPTIC, SOIL_PIT, SEWER, IPALD = (
    Disposal.SEPTIC_TANK,
    Disposal.SOIL_PIT,
    Disposal.SEWER,
    Disposal.IPALD,
)
OPEN_WATER = Disposal.OPEN_WATER_OR_FIELD

COLUMNS = ("area", "facility", "toilet", "disposal", "last_emptied", "sludge_treated")


def record(**changes: object) -> HouseholdRecord:
    """An own gooseneck toilet with a recently emptied septic tank, sludge treated, rural."""
    fields: dict[str, object] = {
        "household_id": "h1",
        "area": RURAL,
        "facility": OWN,
        "toilet": GOOSENECK,
        "disposal": SEPTIC,
        "last_emptied": RECENT,
        "sludge_treated": True,
        "survey_date": SURVEY,
    }
    fields.update(changes)
    return HouseholdRecord(**fields)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# The ladder table of DOMAIN.md §5, row by row
# --------------------------------------------------------------------------------------------

LADDER_TABLE = [
    # safely managed (akses aman)
    pytest.param({"area": URBAN}, SM, id="aman-septic-emptied-treated-urban"),
    pytest.param({"area": RURAL}, SM, id="aman-septic-emptied-treated-rural"),
    pytest.param(
        {"disposal": SEWER, "last_emptied": "never", "sludge_treated": False},
        SM,
        id="aman-spald-t-sewer",
    ),
    pytest.param({"disposal": IPALD, "area": URBAN}, SM, id="aman-spald-t-ipald"),
    # basic (layak sendiri)
    pytest.param({"last_emptied": OLD}, BASIC, id="layak-sendiri-septic-not-emptied-5y"),
    pytest.param({"last_emptied": "never"}, BASIC, id="layak-sendiri-septic-never-emptied"),
    pytest.param({"sludge_treated": False}, BASIC, id="layak-sendiri-septic-sludge-untreated"),
    pytest.param(
        {"last_emptied": OLD, "sludge_treated": False, "area": URBAN},
        BASIC,
        id="layak-sendiri-septic-neither",
    ),
    pytest.param(
        {"area": RURAL, "disposal": SOIL_PIT}, BASIC, id="layak-sendiri-rural-soil-pit-exception"
    ),
    # limited (layak bersama)
    pytest.param({"facility": SHARED}, LIMITED, id="layak-bersama-septic-emptied-treated"),
    pytest.param(
        {"facility": SHARED, "last_emptied": OLD}, LIMITED, id="layak-bersama-septic-not-emptied"
    ),
    pytest.param(
        {"facility": SHARED, "area": RURAL, "disposal": SOIL_PIT},
        LIMITED,
        id="layak-bersama-rural-soil-pit-exception",
    ),
    pytest.param({"facility": SHARED, "disposal": SEWER}, LIMITED, id="layak-bersama-sewer"),
    pytest.param({"facility": SHARED, "disposal": IPALD}, LIMITED, id="layak-bersama-ipald"),
    # unimproved (belum layak)
    pytest.param(
        {"area": URBAN, "disposal": SOIL_PIT}, UNIMPROVED, id="belum-layak-urban-soil-pit-own"
    ),
    pytest.param(
        {"area": URBAN, "disposal": SOIL_PIT, "facility": SHARED},
        UNIMPROVED,
        id="belum-layak-urban-soil-pit-shared",
    ),
    pytest.param({"toilet": Toilet.SQUAT_PLATE}, UNIMPROVED, id="belum-layak-squat-plate"),
    pytest.param({"toilet": Toilet.PIT, "disposal": SEWER}, UNIMPROVED, id="belum-layak-pit"),
    pytest.param({"toilet": Toilet.NONE}, UNIMPROVED, id="belum-layak-no-toilet-fixture"),
    pytest.param(
        {"facility": PUBLIC, "disposal": SEWER}, UNIMPROVED, id="belum-layak-public-facility"
    ),
    pytest.param({"disposal": Disposal.NONE}, UNIMPROVED, id="belum-layak-gooseneck-no-disposal"),
    pytest.param(
        {"disposal": Disposal.OTHER}, UNIMPROVED, id="belum-layak-gooseneck-other-disposal"
    ),
    pytest.param(
        {"disposal": OPEN_WATER}, UNIMPROVED, id="belum-layak-babs-tertutup-own-direct-discharge"
    ),
    pytest.param(
        {"disposal": OPEN_WATER, "facility": SHARED, "area": URBAN},
        UNIMPROVED,
        id="belum-layak-babs-tertutup-shared-direct-discharge",
    ),
    # open defecation (BABS di tempat terbuka)
    pytest.param({"facility": Facility.NONE}, OD, id="babs-no-facility"),
    pytest.param(
        {"facility": Facility.NONE, "toilet": Toilet.NONE, "disposal": Disposal.NONE},
        OD,
        id="babs-no-facility-nothing-else",
    ),
]


@pytest.mark.parametrize(("changes", "expected"), LADDER_TABLE)
def test_ladder_table(changes: dict[str, object], expected: Rung) -> None:
    """Every row of the DOMAIN.md §5 ladder, and the rural soil-pit exception, gives its rung."""
    result = classify(record(**changes))
    assert result.rung is expected
    assert result.possible == (expected,)
    assert result.depends_on == ()
    assert result.reason.id != result.reason.en
    assert expected.label.en in result.reason.en
    assert expected.label.id in result.reason.id


def test_every_rung_is_covered_by_the_table():
    """The table above reaches all five rungs."""
    assert {p.values[1] for p in LADDER_TABLE} == set(Rung)


def test_rungs_are_ordered_best_first():
    """Rungs are listed best first with ranks 5…1, and layak is the top three."""
    assert [r.rank for r in Rung] == [5, 4, 3, 2, 1]
    assert [r for r in Rung if r.is_layak] == [SM, BASIC, LIMITED]
    assert (*(r.value for r in Rung), "unknown") == LADDER_KEYS
    assert SM.label.id == "akses aman"
    assert OD.label.id == "BABS di tempat terbuka"


# --------------------------------------------------------------------------------------------
# The five-year rule
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("survey", "emptied", "expected"),
    [
        pytest.param(SURVEY, D(2019, 7, 15), SM, id="exactly-5-years-counts"),
        pytest.param(SURVEY, D(2019, 7, 14), BASIC, id="one-day-earlier-does-not"),
        pytest.param(SURVEY, SURVEY, SM, id="on-the-survey-date"),
        pytest.param(D(2024, 2, 29), D(2019, 2, 28), SM, id="leap-day-back-to-28-feb"),
        pytest.param(D(2024, 2, 29), D(2019, 2, 27), BASIC, id="leap-day-one-day-earlier"),
        pytest.param(D(2023, 3, 1), D(2018, 3, 1), SM, id="first-of-march"),
    ],
)
def test_five_year_window_boundaries(survey, emptied, expected):
    """Emptied on or after survey date - 5 years (dateutil) and not after it counts."""
    assert classify(record(survey_date=survey, last_emptied=emptied)).rung is expected


def test_emptied_recently():
    """The window helper: None for not known, False for never, inclusive both ends."""
    assert emptied_recently(None, SURVEY) is None
    assert emptied_recently("never", SURVEY) is False
    assert emptied_recently(D(2019, 7, 15), SURVEY) is True
    assert emptied_recently(D(2019, 7, 14), SURVEY) is False
    assert emptied_recently(SURVEY + dt.timedelta(days=1), SURVEY) is False


def test_emptying_after_the_survey_is_rejected():
    """A last emptying after the survey date is not valid data."""
    with pytest.raises(ValidationError) as info:
        record(last_emptied=SURVEY + dt.timedelta(days=1))
    assert info.value.problems[0].path == "last_emptied"
    assert info.value.problems[0].code == "ladder_emptied_after_survey"


# --------------------------------------------------------------------------------------------
# Unknown answers: unknown only where they matter
# --------------------------------------------------------------------------------------------

ALL_UNKNOWN = dict.fromkeys(COLUMNS)


@pytest.mark.parametrize(
    ("changes", "expected", "depends_on"),
    [
        pytest.param(
            {**ALL_UNKNOWN, "facility": Facility.NONE}, OD, (), id="no-facility-decides-od"
        ),
        pytest.param({**ALL_UNKNOWN, "facility": PUBLIC}, UNIMPROVED, (), id="public-decides"),
        pytest.param(
            {"last_emptied": None}, None, ("last_emptied",), id="own-septic-emptying-unknown"
        ),
        pytest.param(
            {"last_emptied": None, "sludge_treated": False},
            BASIC,
            (),
            id="untreated-sludge-decides-basic",
        ),
        pytest.param(
            {"last_emptied": "never", "sludge_treated": None},
            BASIC,
            (),
            id="never-emptied-decides-basic",
        ),
        pytest.param(
            {"sludge_treated": None}, None, ("sludge_treated",), id="treatment-unknown-matters"
        ),
        pytest.param({"area": None}, SM, (), id="area-irrelevant-for-septic"),
        pytest.param(
            {"area": None, "disposal": SOIL_PIT}, None, ("area",), id="area-matters-for-soil-pit"
        ),
        pytest.param(
            {"area": None, "disposal": SOIL_PIT, "facility": SHARED},
            None,
            ("area",),
            id="area-matters-for-shared-soil-pit",
        ),
        pytest.param(
            {"facility": SHARED, "last_emptied": None, "sludge_treated": None},
            LIMITED,
            (),
            id="shared-septic-at-best-limited",
        ),
        pytest.param({"facility": None}, None, ("facility",), id="facility-unknown-matters"),
        pytest.param(
            {"toilet": None, "disposal": OPEN_WATER}, UNIMPROVED, (), id="toilet-irrelevant"
        ),
        pytest.param({"toilet": None, "disposal": SEWER}, None, ("toilet",), id="toilet-matters"),
        pytest.param({"disposal": None}, None, ("disposal",), id="disposal-matters"),
        pytest.param(
            {"disposal": SEWER, "last_emptied": None, "sludge_treated": None},
            SM,
            (),
            id="emptying-irrelevant-for-sewer",
        ),
        pytest.param(
            {"area": URBAN, "disposal": SOIL_PIT, "facility": None},
            None,
            ("facility",),
            id="facility-matters-urban-soil-pit",
        ),
        pytest.param(ALL_UNKNOWN, None, COLUMNS, id="all-unknown"),
    ],
)
def test_unknowns_only_where_they_matter(changes, expected, depends_on):
    """An unknown answer makes the rung unknown only when the rung depends on it."""
    result = classify(record(**changes))
    assert result.rung is expected
    assert result.depends_on == depends_on
    if expected is None:
        assert len(result.possible) >= 2
        assert result.key == "unknown"
        for column in depends_on:
            assert column in result.reason.en
            assert column in result.reason.id
    else:
        assert result.possible == (expected,)


def test_unknown_reason_names_the_possible_rungs():
    """An own septic tank with unknown emptying is 'safely managed or basic'."""
    result = classify(record(last_emptied=None))
    assert result.possible == (SM, BASIC)
    assert "safely managed, basic" in result.reason.en
    assert "akses aman, layak sendiri" in result.reason.id


# --------------------------------------------------------------------------------------------
# The record
# --------------------------------------------------------------------------------------------


def test_weight_defaults_to_one_and_converts():
    """A record's weight is 1 by default; ints and decimal strings are converted."""
    assert record().weight == Decimal(1)
    assert record(weight=3).weight == Decimal(3)
    assert record(weight="2.5").weight == Decimal("2.5")


@pytest.mark.parametrize("weight", [0, -1, "1e10", "0.0000000000001", "NaN", 1.5, True])
def test_bad_weights_are_rejected(weight):
    """A weight must be a decimal > 0, at most 10^9, with at most 12 places; floats refused."""
    with pytest.raises(ValidationError) as info:
        record(weight=weight)
    assert info.value.problems[0].path == "weight"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("area", "urban"),
        ("facility", "own"),
        ("last_emptied", "2020-01-01"),
        ("last_emptied", dt.datetime(2020, 1, 1)),
        ("sludge_treated", "yes"),
        ("household_id", " "),
        ("survey_date", "2024-07-15"),
    ],
)
def test_record_fields_are_typed(field, value):
    """Python callers pass enum members, dates and bools: wire strings are refused."""
    with pytest.raises(ValidationError) as info:
        record(**{field: value})
    assert info.value.problems[0].path == field


def test_classification_is_pure_and_shared():
    """Classifying equal answers twice gives the same (cached) object."""
    assert classify(record()) is classify(record(household_id="other", weight=7))
    assert isinstance(classify(record()), Classification)


# --------------------------------------------------------------------------------------------
# Aggregation
# --------------------------------------------------------------------------------------------


def test_summary_counts_shares_and_areas():
    """A small mixed set: exact counts, shares by largest remainder, urban/rural split."""
    records = [
        record(household_id="1", area=URBAN),  # safely managed
        record(household_id="2", area=RURAL, facility=SHARED, weight="2.5"),  # limited
        record(household_id="3", area=None, facility=Facility.NONE),  # open defecation
        record(household_id="4", area=RURAL, last_emptied=None),  # unknown
    ]
    summary = summarise(records)
    assert summary.rows == 4
    assert summary.total_weight == Decimal("5.5")
    assert summary.counts == {
        "safely_managed": 1,
        "basic": 0,
        "limited": Decimal("2.5"),
        "unimproved": 0,
        "open_defecation": 1,
        "unknown": 1,
    }
    # 1/5.5 = 18.18…, 2.5/5.5 = 45.45…: the missing hundredth goes to the largest remainder.
    assert summary.shares == {
        "safely_managed": Decimal("18.18"),
        "basic": Decimal("0.00"),
        "limited": Decimal("45.46"),
        "unimproved": Decimal("0.00"),
        "open_defecation": Decimal("18.18"),
        "unknown": Decimal("18.18"),
    }
    assert summary.layak == Decimal("63.64")
    assert summary.unknown_share == Decimal("18.18")
    assert summary.unit_weights is False
    assert summary.area_unknown_rows == 1
    assert summary.area_unknown_weight == 1
    assert summary.by_area["urban"].rows == 1
    urban_shares = summary.by_area["urban"].shares
    assert urban_shares is not None
    assert urban_shares["safely_managed"] == 100
    assert summary.by_area["rural"].total_weight == Decimal("3.5")
    rural_shares = summary.by_area["rural"].shares
    assert rural_shares is not None
    assert rural_shares["limited"] == Decimal("71.43")
    assert summary.first_survey_date == summary.last_survey_date == SURVEY


def test_empty_summary_has_no_shares():
    """With no rows, counts are zero and shares are unknown (None), not zero."""
    summary = summarise([])
    assert summary.rows == 0
    assert summary.total_weight == 0
    assert set(summary.counts) == set(LADDER_KEYS)
    assert summary.shares is None
    assert summary.layak is None
    assert summary.by_area["urban"].shares is None
    assert summary.first_survey_date is None


def test_accumulator_streams_a_generator():
    """The accumulator takes records one at a time from a generator and can be summarised twice."""
    accumulator = LadderAccumulator()
    first = accumulator.add(record())
    assert first.rung is SM
    accumulator.add_all(record(household_id=str(i), facility=SHARED) for i in range(999))
    assert accumulator.rows == 1000
    summary = accumulator.summary()
    assert summary.counts["limited"] == 999
    assert summary.shares is not None
    assert summary.shares["limited"] == Decimal("99.90")
    accumulator.add(record())
    assert accumulator.summary().rows == 1001


def test_sums_are_exact_beyond_the_default_precision():
    """Sums never round, even past the default 28 significant digits."""
    big = Decimal("999999999.999999999999")
    summary = summarise(record(household_id=str(i), weight=big) for i in range(20))
    with decimal.localcontext(prec=100):
        assert summary.total_weight == big * 20


# --------------------------------------------------------------------------------------------
# Into the dossier
# --------------------------------------------------------------------------------------------


def test_access_record_with_unit_weights():
    """Unit weights give shares, layak and household counts; the note states rows and dates."""
    records = [
        record(household_id="1"),
        record(household_id="2", facility=SHARED, survey_date=D(2024, 8, 1)),
        record(household_id="3", last_emptied=None),
    ]
    access = to_access_record(summarise(records), year=2024, source_note="Survei Kab. X 2024")
    assert access.source is AccessSource.HOUSEHOLD_RECORDS
    assert access.area is AreaType.TOTAL
    assert access.safely_managed == Decimal("33.34")  # a tie for the last hundredth: best rung
    assert access.limited == Decimal("33.33")
    assert access.layak == Decimal("66.67")
    assert access.households is not None
    assert access.households.total == 3
    assert access.households.safely_managed == 1
    assert access.households.limited == 1
    assert access.provenance[0].source == "Survei Kab. X 2024"
    note = access.provenance[0].note
    assert note is not None
    assert note.startswith("3 rows, survey dates 2024-07-15 to 2024-08-01")
    assert "not known" in note


def test_access_record_with_survey_weights_has_only_shares():
    """With weights other than 1, only shares are given (no household counts)."""
    access = to_access_record(summarise([record(weight="1.5")]), year=2024, source_note="Survei")
    assert access.households is None
    assert access.safely_managed == 100
    note = access.provenance[0].note
    assert note is not None
    assert "weighted" in note


def test_access_record_for_an_area():
    """An urban or rural record copies that area's split; an empty area cannot be copied."""
    summary = summarise([record(area=URBAN), record(area=URBAN, facility=Facility.NONE)])
    urban = to_access_record(summary, year=2024, source_note="S", area=AreaType.URBAN)
    assert urban.area is AreaType.URBAN
    assert urban.open_defecation == 50
    with pytest.raises(ValidationError) as info:
        to_access_record(summary, year=2024, source_note="S", area=AreaType.RURAL)
    assert info.value.problems[0].code == "ladder_empty"
    assert "perdesaan" in info.value.problems[0].text.id
    with pytest.raises(ValidationError):
        to_access_record(summarise([]), year=2024, source_note="S")


# --------------------------------------------------------------------------------------------
# The messages of this part of the catalogue
# --------------------------------------------------------------------------------------------


def _fields(template: str) -> set[str]:
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    return {n.removesuffix("_id").removesuffix("_en") for n in names}


@pytest.mark.parametrize("code", sorted(LADDER_MESSAGES))
def test_ladder_messages_exist_in_both_languages(code):
    """Each ladder message has distinct Indonesian and English texts with the same fields."""
    entry = LADDER_MESSAGES[code]
    assert set(entry) == {"id", "en"}
    assert entry["id"].strip()
    assert entry["en"].strip()
    assert entry["id"] != entry["en"]
    assert _fields(entry["id"]) == _fields(entry["en"])


def test_ladder_message_codes_do_not_clash():
    """No ladder code is already used elsewhere in the catalogue (they are to be merged)."""
    others = {**_messages.CATALOGUE}
    for code, entry in LADDER_MESSAGES.items():
        assert others.get(code, entry) == entry


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------


_OPTIONAL = {
    "area": st.none() | st.sampled_from(Area),
    "facility": st.none() | st.sampled_from(Facility),
    "toilet": st.none() | st.sampled_from(Toilet),
    "disposal": st.none() | st.sampled_from(Disposal),
    "sludge_treated": st.none() | st.booleans(),
}
_SURVEY_DATES = st.dates(D(2015, 1, 1), D(2025, 12, 31))
_EMPTIED_DAYS_BEFORE = st.none() | st.just("never") | st.integers(0, 8 * 365)
_WEIGHTS = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(1000), places=3)


@st.composite
def records(draw):
    survey = draw(_SURVEY_DATES)
    days = draw(_EMPTIED_DAYS_BEFORE)
    emptied = days if days in (None, "never") else survey - dt.timedelta(days=days)
    return HouseholdRecord(
        household_id="h",
        **{column: draw(strategy) for column, strategy in _OPTIONAL.items()},
        last_emptied=emptied,
        weight=draw(_WEIGHTS),
        survey_date=survey,
    )


RECORD_LISTS = st.lists(records(), max_size=20)


def _completions(rec):
    """Every record that fills the unknown answers of *rec* (emptying: recent or never)."""
    choices: dict[str, list[object]] = {
        "area": list(Area),
        "facility": list(Facility),
        "toilet": list(Toilet),
        "disposal": list(Disposal),
        "last_emptied": [rec.survey_date, "never"],
        "sludge_treated": [True, False],
    }
    unknown = [c for c in COLUMNS if getattr(rec, c) is None]
    for values in itertools.product(*(choices[c] for c in unknown)):
        yield (
            dict(zip(unknown, values, strict=True)),
            attrs.evolve(rec, **dict(zip(unknown, values, strict=True))),
        )


@pytest.mark.property
@given(records())
def test_every_record_gets_exactly_one_rung_or_unknown(rec):
    """Each record gets one rung, or unknown with its deciding columns and possible rungs."""
    result = classify(rec)
    assert result.key in LADDER_KEYS
    if result.rung is None:
        assert result.depends_on
        assert set(result.depends_on) <= {c for c in COLUMNS if getattr(rec, c) is None}
        assert len(result.possible) >= 2
    else:
        assert result.possible == (result.rung,)
        assert result.depends_on == ()


@pytest.mark.property
@given(records(), st.data())
def test_known_rung_is_sound(rec, data):
    """A rung given despite unknown answers stays the same however they are filled in."""
    result = classify(rec)
    if result.rung is None:
        return
    survey = rec.survey_date
    filled = {
        "area": st.sampled_from(Area),
        "facility": st.sampled_from(Facility),
        "toilet": st.sampled_from(Toilet),
        "disposal": st.sampled_from(Disposal),
        "last_emptied": st.just("never")
        | st.integers(0, 8 * 365).map(lambda days: survey - dt.timedelta(days=days)),
        "sludge_treated": st.booleans(),
    }
    changes = {c: data.draw(filled[c], label=c) for c in COLUMNS if getattr(rec, c) is None}
    assert classify(attrs.evolve(rec, **changes)).rung is result.rung


@pytest.mark.property
@given(records())
def test_unknown_rung_is_complete(rec):
    """Unknown means the completions disagree, on exactly the named columns and rungs."""
    result = classify(rec)
    outcomes = [(changes, classify(full).rung) for changes, full in _completions(rec)]
    assert all(rung is not None for _, rung in outcomes)
    assert set(result.possible) == {rung for _, rung in outcomes}
    assert (result.rung is None) == (len(result.possible) > 1)
    unknown = [c for c in COLUMNS if getattr(rec, c) is None]
    for column in unknown:
        by_rest: dict[tuple[object, ...], set[Rung | None]] = {}
        for changes, rung in outcomes:
            rest = tuple(v for k, v in changes.items() if k != column)
            by_rest.setdefault(rest, set()).add(rung)
        matters = any(len(rungs) > 1 for rungs in by_rest.values())
        assert matters == (column in result.depends_on)


def _upgrades(rec):
    if rec.facility is SHARED:
        yield attrs.evolve(rec, facility=OWN)
    if rec.disposal is SOIL_PIT:
        yield attrs.evolve(rec, disposal=SEPTIC)
    if rec.toilet in (Toilet.PIT, Toilet.SQUAT_PLATE):
        yield attrs.evolve(rec, toilet=GOOSENECK)
    if rec.facility is Facility.NONE:
        yield attrs.evolve(rec, facility=OWN, toilet=GOOSENECK, disposal=SEPTIC)


@pytest.mark.property
@given(records())
def test_upgrades_never_move_down(rec):
    """Shared→own, soil pit→septic tank, pit→gooseneck, none→own gooseneck septic never drop."""
    before = classify(rec).rung
    for upgraded in _upgrades(rec):
        after = classify(upgraded).rung
        if before is not None and after is not None:
            assert after.rank >= before.rank


@pytest.mark.property
@given(RECORD_LISTS)
def test_shares_add_up_to_exactly_100(recs):
    """Shares add up to exactly 100.00 and each is within 0.01 of the exact percentage."""
    summary = summarise(recs)
    for part in (summary, *summary.by_area.values()):
        if part.rows == 0:
            assert part.shares is None
            continue
        assert part.shares is not None
        assert part.layak is not None
        assert sum(part.shares.values()) == Decimal("100.00")
        for key in LADDER_KEYS:
            exact = Fraction(part.counts[key]) * 100 / Fraction(part.total_weight)
            assert abs(Fraction(part.shares[key]) - exact) < Fraction(1, 100)
            assert part.shares[key] == part.shares[key].quantize(Decimal("0.01"))
        layak = sum(Fraction(part.counts[r.value]) for r in Rung if r.is_layak)
        exact_layak = layak * 100 / Fraction(part.total_weight)
        assert abs(Fraction(part.layak) - exact_layak) <= Fraction(1, 200)


@pytest.mark.property
@given(RECORD_LISTS, st.randoms(use_true_random=False))
def test_summary_is_invariant_to_row_order(recs, random):
    """Shuffling the records changes nothing in the summary."""
    shuffled = list(recs)
    random.shuffle(shuffled)
    assert summarise(shuffled) == summarise(recs)
    assert [classify(r) for r in shuffled] == [classify(r) for r in shuffled]


@pytest.mark.property
@given(
    RECORD_LISTS,
    st.decimals(min_value=Decimal("0.5"), max_value=Decimal(1000), places=2),
)
def test_weights_scale_counts_linearly(recs, k):
    """Multiplying every weight by k multiplies counts by k and leaves shares unchanged."""
    scaled = [attrs.evolve(r, weight=r.weight * k) for r in recs]
    before, after = summarise(recs), summarise(scaled)
    with decimal.localcontext(prec=100):
        for part_before, part_after in zip(
            (before, *before.by_area.values()), (after, *after.by_area.values()), strict=True
        ):
            assert part_after.total_weight == part_before.total_weight * k
            for key in LADDER_KEYS:
                assert part_after.counts[key] == part_before.counts[key] * k
            assert part_after.shares == part_before.shares
            assert part_after.layak == part_before.layak


@pytest.mark.property
@given(st.lists(records(), min_size=1, max_size=20), st.booleans())
def test_access_record_is_always_valid(recs, unit):
    """Any non-empty summary turns into a valid AccessRecord (shares ≤ 100, layak consistent)."""
    if unit:
        recs = [attrs.evolve(r, weight=Decimal(1)) for r in recs]
    summary = summarise(recs)
    access = to_access_record(summary, year=2024, source_note="S")
    assert (access.households is not None) == summary.unit_weights
    assert access.layak_share == summary.layak
    assert access.safely_managed is not None
    assert access.basic is not None
    assert access.limited is not None
    assert access.layak is not None
    parts = [access.safely_managed, access.basic, access.limited]
    assert abs(sum(parts) - access.layak) <= Decimal("0.03")
