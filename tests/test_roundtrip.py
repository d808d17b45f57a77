"""Exact round trips: whatever the model accepts is written and read back equal.

And every problem at once: an object built with several bad fields raises one error naming
each of them.
"""

from __future__ import annotations

import datetime as dt
import json
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sanitasi_core.testing as s
from sanitasi_core import _validators as v
from sanitasi_core.exceptions import MAX_PROBLEMS, DossierFormatError, ValidationError
from sanitasi_core.model import Activity, AspectAssessment, Dossier, Provenance, Region
from sanitasi_core.serialization import dump_dossier, load_dossier, make_converter

CONVERTER = make_converter()


def _reachable(root: type) -> set[type]:
    """Every attrs class a value of *root* can hold."""
    import typing  # noqa: PLC0415

    found: set[type] = set()
    stack = [root]
    while stack:
        cls = stack.pop()
        if cls in found:
            continue
        found.add(cls)
        attrs.resolve_types(cls)
        for field in attrs.fields(cls):
            todo = [field.type]
            while todo:
                t = todo.pop()
                todo.extend(typing.get_args(t))
                if isinstance(t, type) and attrs.has(t):
                    stack.append(t)
    return found


# --- round trips -----------------------------------------------------------------------------


def test_every_class_reachable_from_a_dossier_has_a_strategy():
    """The round-trip property below covers every attrs class a dossier can hold."""
    from sanitasi_core.decrees import Regulation  # noqa: PLC0415

    assert _reachable(Dossier) <= set(s.MODEL_CLASSES) | {Regulation}


@pytest.mark.property
@pytest.mark.parametrize("cls", sorted(_reachable(Dossier), key=str), ids=str)
def test_every_public_type_round_trips(cls):
    """A value of every class reachable from a dossier is written and read back equal."""

    @given(st.from_type(cls))
    def check(value):
        data = json.loads(json.dumps(CONVERTER.unstructure(value)))
        assert CONVERTER.structure(data, cls) == value

    check()


@pytest.mark.property
@given(s.dossiers())
def test_dossiers_round_trip_through_json_text(dossier):
    """``load_dossier(dump_dossier(d)) == d`` for every dossier the strategies build."""
    assert load_dossier(dump_dossier(dossier)) == dossier


@pytest.mark.property
@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_any_decimal_the_model_accepts_round_trips(amount):
    """A money amount is either refused at construction or written and read back equal."""
    try:
        activity = Activity(id="a", name="n", fiscal_year=2024, planned=amount)
    except ValidationError as err:
        codes = {p.code for p in err.problems}
    else:
        codes = set()
    if codes:
        assert codes <= {"decimal_places", "decimal_digits", "non_negative"}
        return
    data = json.loads(json.dumps(CONVERTER.unstructure(activity)))
    assert CONVERTER.structure(data, Activity) == activity


def test_an_over_precise_score_is_refused_with_the_places_allowed():
    """``Decimal(100) / 3`` as a score is refused at construction, saying 20 places are allowed."""
    with pytest.raises(ValidationError) as info:
        AspectAssessment(aspect="a", score=Decimal(100) / 3, assessed_on=dt.date(2024, 1, 1))
    (problem,) = info.value.problems
    assert (problem.path, problem.code) == ("score", "decimal_places")
    assert "at most 20 decimal places" in problem.text.en
    assert "paling banyak 20 angka di belakang koma" in problem.text.id


def test_a_rounded_score_is_accepted():
    """The same score rounded to two places is accepted and round trips."""
    score = (Decimal(100) / 3).quantize(Decimal("0.01"))
    record = AspectAssessment(aspect="a", score=score, assessed_on=dt.date(2024, 1, 1))
    assert CONVERTER.structure(CONVERTER.unstructure(record), AspectAssessment) == record


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        (Decimal("1E-21"), "decimal_places"),
        (Decimal("0.000000000000000000001"), "decimal_places"),
        (Decimal("1E+40"), "decimal_digits"),
        (Decimal(10) ** 40, "decimal_digits"),
    ],
)
def test_money_the_format_cannot_carry_is_refused(amount, code):
    """Money is never rounded silently: too many places or digits are refused."""
    with pytest.raises(ValidationError) as info:
        Activity(id="a", name="n", fiscal_year=2024, planned=amount)
    assert [p.code for p in info.value.problems] == [code]


@pytest.mark.parametrize("amount", [Decimal("1E+3"), Decimal("0E+5"), Decimal("-0"), 10**39])
def test_unusual_spellings_of_a_decimal_round_trip(amount):
    """Exponents and negative zero are written in full and read back equal."""
    activity = Activity(id="a", name="n", fiscal_year=2024, planned=amount)
    assert load_dossier(dump_dossier(_with(activity))) == _with(activity)


def _with(activity: Activity) -> Dossier:
    return Dossier(region=Region(code="64.11", name="Mahakam Ulu"), activities=[activity])


def test_a_lone_surrogate_is_refused_by_the_model():
    """Text that no UTF-8 writer can write is refused at construction."""
    with pytest.raises(ValidationError) as info:
        Provenance(source="Kaltim Post \ud800")
    assert [p.code for p in info.value.problems] == ["lone_surrogate"]


def test_a_lone_surrogate_is_refused_by_the_loader():
    """A JSON escape of a lone surrogate is a format error with its path, not a UnicodeError."""
    document = '{"schema": "sanitasi.dossier/v2", "region": {"code": "64.11", "name": "\\ud800"}}'
    with pytest.raises(DossierFormatError) as info:
        load_dossier(document)
    assert [(p.path, p.code) for p in info.value.problems] == [("$.region.name", "lone_surrogate")]


# --- every problem at once -------------------------------------------------------------------

_BAD: dict[str, Any] = {
    "id": "",
    "name": "   ",
    "fiscal_year": 1800,
    "code": "1.3",
    "sub_sector": "wastewater",
    "funding_source": "APBD",
    "planned": Decimal(-1),
    "realised": Decimal(1) / 3,
    "physical_progress": Decimal(101),
    "service_model": " ",
    "planned_in": ["rkpd"],
    "provenance": [None],
}
_GOOD: dict[str, Any] = {"id": "a", "name": "n", "fiscal_year": 2024}


@pytest.mark.property
@given(st.sets(st.sampled_from(sorted(_BAD)), min_size=1))
def test_k_bad_fields_give_k_problems_with_their_paths(bad):
    """An object built with k bad fields raises one error with k problems, one per field."""
    with pytest.raises(ValidationError) as info:
        Activity(**{**_GOOD, **{name: _BAD[name] for name in bad}})
    paths = [p.path.split("[")[0] for p in info.value.problems]
    assert sorted(paths) == sorted(bad)
    assert info.value.omitted == 0


def test_the_problems_come_in_field_order():
    """Problems are listed in the order of the fields."""
    with pytest.raises(ValidationError) as info:
        Region(code="", name="")
    assert [(p.path, p.code) for p in info.value.problems] == [
        ("code", "not_blank"),
        ("name", "not_blank"),
    ]


def test_a_good_object_is_built_as_before():
    """The success path is unchanged: a valid object is built."""
    assert Activity(**_GOOD).fiscal_year == 2024


def test_the_problems_kept_are_bounded():
    """A collection of many bad parts keeps MAX_PROBLEMS problems and counts the rest."""
    ids = ["x"] * (MAX_PROBLEMS + 20)
    activities = [Activity(id=i, name="n", fiscal_year=2024) for i in ids]
    with pytest.raises(ValidationError) as info:
        Dossier(region=Region(code="64.11", name="Mahakam Ulu"), activities=activities)
    assert len(info.value.problems) == MAX_PROBLEMS
    assert info.value.omitted == len(ids) - 1 - MAX_PROBLEMS


def test_every_problem_is_thread_safe():
    """Objects failing in several threads at once each get their own problems."""

    def build(year: int) -> list[tuple[str, str]]:
        try:
            Activity(id="", name="n", fiscal_year=year)
        except ValidationError as err:
            return [(p.path, p.code) for p in err.problems]
        return []

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(build, [1800 + i % 2 * 400 for i in range(200)]))
    assert all(r == [("id", "not_blank"), ("fiscal_year", "year_range")] for r in results), results


def test_a_check_inside_another_validator_reports_its_own_value_only():
    """A check called by a plain validator does not list the object's other fields."""

    def check_weight(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        v.decimal(inst, attribute, value)

    @attrs.frozen(kw_only=True)
    class Weighted:
        name: str = attrs.field(validator=v.text_value)
        weight: Decimal = attrs.field(validator=check_weight)

    with pytest.raises(ValidationError) as info:
        Weighted(name="ok", weight=1.5)  # type: ignore[arg-type]
    assert [(p.path, p.code) for p in info.value.problems] == [("weight", "expected_type")]


def test_a_plain_validator_problem_is_kept_with_the_others():
    """When a check fails, a plain validator's problem found first is not lost."""

    def positive(_inst: object, attribute: attrs.Attribute[Any], value: int) -> None:
        if value <= 0:
            raise v.fail(attribute, "non_negative", got=value)

    @attrs.frozen(kw_only=True)
    class Mixed:
        count: int = attrs.field(validator=positive)
        name: str = attrs.field(validator=v.text_value)

    with pytest.raises(ValidationError) as info:
        Mixed(count=0, name="")
    # attrs stops at the plain validator: only it is reported; the check never ran.
    assert [p.code for p in info.value.problems] == ["non_negative"]
    with pytest.raises(ValidationError) as info:
        Mixed(count=1, name="")
    assert [p.code for p in info.value.problems] == ["not_blank"]


def test_rules_are_readable_from_the_validators():
    """The rule of a field is data on its validator, as the schema generator reads it."""
    fields = attrs.fields(Activity)
    assert v.rule_of(fields.fiscal_year.validator) == v.Rule(
        minimum=1945, maximum=2100, code="year_range"
    )
    assert v.rule_of(fields.planned.validator).minimum == 0  # type: ignore[union-attr]
    assert v.rule_of(fields.sub_sector.validator) is None
    assert "Check(" in repr(fields.name.validator)
