"""The JSON format of dossiers: round trips, exact messages, strictness and fuzzing."""

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sanitasi_core.testing as s
from sanitasi_core import _wire
from sanitasi_core.exceptions import DecisionFormatError, DossierFormatError
from sanitasi_core.model import DOSSIER_SCHEMA, Dossier, Region
from sanitasi_core.rules import (
    OBSERVED_TAGS,
    Observed,
    ObservedCount,
    ObservedFlag,
    ObservedItem,
    ObservedNumber,
)
from sanitasi_core.serialization import (
    decision_from_dict,
    decision_to_dict,
    dossier_from_dict,
    dossier_to_dict,
    dump_dossier,
    load_dossier,
    make_converter,
    observed_to_dict,
)

CONVERTER = _wire.make_converter()
REGION = {"code": "64.11", "name": "Kabupaten Mahakam Ulu"}


def document(**fields: Any) -> dict[str, Any]:
    """A minimal valid document with *fields* added or replaced."""
    return {"schema": DOSSIER_SCHEMA, "region": REGION, **fields}


def activity(**fields: Any) -> dict[str, Any]:
    """A minimal valid activity with *fields* added or replaced."""
    return {"id": "a0", "name": "Pembangunan IPLT", "fiscal_year": 2024, **fields}


def rendered(data: object, lang: str = "en") -> list[str]:
    """Load *data* (decoded JSON), expect a DossierFormatError, and return its lines."""
    with pytest.raises(DossierFormatError) as info:
        dossier_from_dict(data)
    return [problem.render(lang) for problem in info.value.problems]  # type: ignore[arg-type]


def load_rendered(text: str | bytes) -> list[str]:
    """Load JSON *text*, expect a DossierFormatError, and return its lines."""
    with pytest.raises(DossierFormatError) as info:
        load_dossier(text)
    return [problem.render("en") for problem in info.value.problems]


# --- round trips ----------------------------------------------------------------------------


@pytest.mark.property
@pytest.mark.parametrize("cls", s.MODEL_CLASSES, ids=lambda c: c.__name__)
@given(data=st.data())
def test_every_model_round_trips_through_the_converter(cls, data):
    """Every model object survives unstructure -> JSON text -> structure unchanged."""
    obj = data.draw(st.from_type(cls))
    wire = json.loads(json.dumps(CONVERTER.unstructure(obj)))
    assert CONVERTER.structure(wire, type(obj)) == obj


@pytest.mark.property
@given(s.dossiers())
def test_dossier_round_trips_through_json(dossier):
    """``load_dossier(dump_dossier(x)) == x``, indented or compact."""
    assert load_dossier(dump_dossier(dossier)) == dossier
    assert load_dossier(dump_dossier(dossier, indent=None).encode("utf-8")) == dossier


@pytest.mark.property
@given(s.dossiers("sparse"))
def test_dump_writes_decimals_as_strings_and_omits_unknowns(dossier):
    """Unknown (None) fields are omitted, the schema tag is written, and no float appears."""

    def walk(node: object) -> None:
        assert node is not None
        assert not isinstance(node, float)
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    data = dossier_to_dict(dossier)
    assert data["schema"] == DOSSIER_SCHEMA
    walk(data)


def test_decimal_travels_as_fixed_point_string():
    """Decimals are written as fixed-point strings, keeping their places, never as numbers."""
    dossier = dossier_from_dict(
        document(activities=[activity(planned="1250000.00", realised="0.5")])
    )
    written = dossier_to_dict(dossier)["activities"][0]
    assert written["planned"] == "1250000.00"
    assert written["realised"] == "0.5"
    assert dossier.activities is not None
    assert dossier.activities[0].planned == Decimal("1250000.00")


def test_empty_collection_is_kept_and_unknown_is_omitted():
    """An empty list stays an empty list; an unknown collection is omitted."""
    dossier = dossier_from_dict(document(activities=[], meetings=None))
    assert dossier.activities == ()
    assert dossier.meetings is None
    written = dossier_to_dict(dossier)
    assert written["activities"] == []
    assert "meetings" not in written


def test_indonesian_text_is_written_unescaped():
    """Indonesian names are written as UTF-8 text, not as escape sequences."""
    dossier = dossier_from_dict(document(description="Ujoh Bilang — Rakor Pokja PKP"))
    assert "Ujoh Bilang — Rakor" in dump_dossier(dossier)


# --- golden messages ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            document(
                activities=[
                    activity(id="a0"),
                    activity(id="a1"),
                    activity(id="a2"),
                    activity(id="a3", planned=12.5),
                ]
            ),
            '$.activities[3].planned: expected a decimal string such as "1250000.00", '
            "got 12.5 (number)",
        ),
        (
            document(activities=[activity(fiscal_year=2.7)]),
            "$.activities[0].fiscal_year: expected an integer, got 2.7 (number)",
        ),
        (
            document(activities=[activity(fiscal_year="2024")]),
            '$.activities[0].fiscal_year: expected an integer, got "2024" (string)',
        ),
        (
            document(region={"code": "64.11", "name": None}),
            "$.region.name: expected a string, got null (null)",
        ),
        (
            document(description=5),
            "$.description: expected a string, got 5 (number)",
        ),
        (
            document(fictional="false"),
            '$.fictional: expected true or false, got "false" (string)',
        ),
        (
            document(fictional=0),
            "$.fictional: expected true or false, got 0 (number)",
        ),
        (
            document(activities=[activity(planned_in="rkpd")]),
            '$.activities[0].planned_in: expected an array, got "rkpd" (string)',
        ),
        (
            document(meetings="CC1"),
            '$.meetings: expected an array, got "CC1" (string)',
        ),
        (
            document(activities=[activity(funding_source="APBD")]),
            '$.activities[0].funding_source: unknown value "APBD" (string); expected one of: '
            "'apbn', 'dak', 'apbd_province', 'apbd_district', 'dana_desa', 'csr', 'grant', "
            "'community', 'ppp', 'other'",
        ),
        (
            document(meetings=[{"kind": "coordination", "date": "15/07/2024"}]),
            '$.meetings[0].date: expected a date YYYY-MM-DD, got "15/07/2024" (string)',
        ),
        (
            document(meetings=[{"kind": "coordination", "date": "2024-02-30"}]),
            '$.meetings[0].date: expected a real calendar date YYYY-MM-DD, got "2024-02-30" '
            "(string)",
        ),
        (
            document(activities=[activity(planned="1e6")]),
            '$.activities[0].planned: expected a decimal string such as "1250000.00", '
            'got "1e6" (string)',
        ),
        (
            document(activities=[activity(planned="12.5\n")]),
            '$.activities[0].planned: expected a decimal string such as "1250000.00", '
            'got "12.5\\n" (string)',
        ),
        (
            document(region={"code": "99.01", "name": "Kabupaten Fiktif"}),
            "$.region.code: province code '99' of region code '99.01' does not exist",
        ),
        (
            document(
                service_models=[
                    {
                        "id": "lltt",
                        "sub_sector": "wastewater",
                        "name": "LLTT",
                        "assessments": [
                            {"aspect": "regulation", "score": "120", "assessed_on": "2024-01-01"}
                        ],
                    }
                ]
            ),
            "$.service_models[0].assessments[0].score: a score must be between 0 and 100, got 120",
        ),
        (
            document(
                access_records=[
                    {"year": 2024, "source": "susenas", "basic": "60", "unimproved": "41"}
                ]
            ),
            "$.access_records[0]: the access-ladder shares add up to 101, more than 100",
        ),
        (
            document(schema="sanitasi.dossier/v3"),
            "$.schema: the schema field must be 'sanitasi.dossier/v2', got 'sanitasi.dossier/v3'",
        ),
        (
            document(activities=[activity(fiscal_year=10**30)]),
            "$.activities[0].fiscal_year: expected an integer of at most 18 digits, "
            "got 1000000000000000000000000000000 (number)",
        ),
    ],
)
def test_golden_message(data, expected):
    """Each problem is reported as one exact line: JSON path, what was expected, what came."""
    assert rendered(data) == [expected]


def test_golden_message_in_indonesian():
    """The same problem renders in Bahasa Indonesia with the same path."""
    assert rendered(document(activities=[activity(fiscal_year=2.7)]), "id") == [
        "$.activities[0].fiscal_year: diharapkan bilangan bulat, didapat 2.7 (angka)"
    ]
    assert rendered(document(region={"code": "99.01", "name": "x"}), "id") == [
        "$.region.code: kode provinsi '99' dari kode wilayah '99.01' tidak ada"
    ]


def test_problem_paths_and_codes():
    """Problems carry the JSON path and a stable code for programs."""
    with pytest.raises(DossierFormatError) as info:
        dossier_from_dict(document(activities=[activity(planned=12.5)]), source="d.json")
    (problem,) = info.value.problems
    assert (problem.path, problem.code) == ("$.activities[0].planned", "expected_type")
    assert info.value.source == "d.json"
    assert isinstance(info.value, ValueError)


# --- strictness -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("fiscal_year", 2.7),
        ("fiscal_year", 2024.0),
        ("fiscal_year", True),
        ("fiscal_year", "2024"),
        ("name", None),
        ("name", 5),
        ("name", ["Pembangunan IPLT"]),
        ("planned", 1250000),
        ("planned", 12.5),
        ("planned", "Rp1.250.000"),
        ("planned", " 12.5"),
        ("planned_in", "rkpd"),
        ("planned_in", {"rkpd": True}),
        ("funding_source", "APBD_DISTRICT"),
        ("funding_source", 3),
    ],
)
def test_no_lax_coercion(field, value):
    """No ``2.7 -> 2``, ``None -> "None"``, number -> decimal, or string-as-list."""
    lines = rendered(document(activities=[activity(**{field: value})]))
    assert len(lines) == 1
    assert lines[0].startswith(f"$.activities[0].{field}: ")


@pytest.mark.parametrize("value", ["false", "true", 0, 1, None, "no"])
def test_booleans_must_be_booleans(value):
    """``"false"`` is not true, nor is 1: only JSON booleans are accepted."""
    assert rendered(document(fictional=value))[0].startswith("$.fictional: expected true or false")


def test_unknown_keys_are_rejected_at_every_level():
    """Unknown keys are reported, at the top level and inside records."""
    assert rendered(
        document(region={**REGION, "population": 1}, extra=True, activities=[activity(pagu="1")])
    ) == [
        "$.region: unknown field(s): population",
        "$.activities[0]: unknown field(s): pagu",
        "$: unknown field(s): extra",
    ]


def test_missing_schema_is_rejected():
    """A document without its ``schema`` tag is rejected, though Python has a default."""
    assert rendered({"region": REGION}) == ["$.schema: required field 'schema' is missing"]


def test_missing_required_fields_are_reported():
    """Every missing required field is reported with its path."""
    assert rendered(document(activities=[{"id": "a0"}])) == [
        "$.activities[0].name: required field 'name' is missing",
        "$.activities[0].fiscal_year: required field 'fiscal_year' is missing",
    ]
    assert rendered({"schema": DOSSIER_SCHEMA}) == ["$.region: required field 'region' is missing"]


@pytest.mark.parametrize("data", [[], None, "dossier", 3, 2.5, True])
def test_top_level_must_be_an_object(data):
    """A document that is not a JSON object is rejected at ``$``."""
    assert rendered(data)[0].startswith("$: expected an object, got ")


# --- JSON text ------------------------------------------------------------------------------


def test_invalid_json_reports_its_line():
    """Invalid JSON is a DossierFormatError with the line and column."""
    with pytest.raises(DossierFormatError) as info:
        load_dossier('{"schema": "sanitasi.dossier/v1",\n "region": }', source="bad.json")
    (problem,) = info.value.problems
    assert (problem.code, problem.line) == ("invalid_json", 2)
    assert problem.text.en == "not valid JSON: Expecting value (line 2, column 12)"
    assert info.value.source == "bad.json"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "1: $: not valid JSON: Expecting value (line 1, column 1)"),
        ('{"a": NaN}', "$: not valid JSON: NaN (line ?, column ?)"),
        ("[Infinity]", "$: not valid JSON: Infinity (line ?, column ?)"),
        ("[-Infinity]", "$: not valid JSON: -Infinity (line ?, column ?)"),
        ("[" * 33 + "]" * 33, "$: document nested too deeply: more than 32 levels"),
        ("[" * 100_000 + "]" * 100_000, "$: document nested too deeply: more than 32 levels"),
        (b'{"a": "\xff"}', "$: not valid JSON: not UTF-8 (invalid start byte) (line ?, column 8)"),
    ],
)
def test_hostile_json_is_a_format_error(text, expected):
    """NaN, infinities, deep nesting and bad UTF-8 are rejected as DossierFormatError."""
    assert load_rendered(text) == [expected]


def test_huge_integer_is_a_format_error():
    """An integer beyond Python's digit limit is rejected, never a ValueError traceback."""
    lines = load_rendered('{"schema": "sanitasi.dossier/v1", "fictional": ' + "1" * 5000 + "}")
    assert len(lines) == 1
    assert lines[0].startswith("$: not valid JSON: Exceeds the limit (4300 digits)")


def test_huge_python_integer_is_a_format_error():
    """A huge int handed to ``dossier_from_dict`` is reported with a short message (regression)."""
    lines = rendered(document(activities=[activity(fiscal_year=10**5000)]))
    assert lines == [
        "$.activities[0].fiscal_year: expected an integer of at most 18 digits, "
        "got <too long to show> (number)"
    ]
    assert rendered(document(region=10**5000)) == [
        "$.region: expected an object, got <too long to show> (number)"
    ]


def test_too_large_document_is_rejected_before_parsing():
    """A document above the size limit is rejected without being parsed."""
    text = " " * (_wire.MAX_DOCUMENT_BYTES + 1)
    assert load_rendered(text) == [
        f"$: document too large: {_wire.MAX_DOCUMENT_BYTES + 1} bytes, "
        f"the limit is {_wire.MAX_DOCUMENT_BYTES}"
    ]


def test_bytes_with_bom_are_read():
    """Bytes are read as UTF-8, with or without a byte-order mark."""
    text = json.dumps(document(description="Sungai Lestari — fiktif"), ensure_ascii=False)
    assert load_dossier("\ufeff".encode() + text.encode("utf-8")) == load_dossier(text)


# --- all problems at once -------------------------------------------------------------------


def test_all_problems_of_a_document_are_reported_at_once():
    """One error lists every problem of the document, each with its path."""
    assert rendered(
        {
            "region": {"code": "64", "name": ""},
            "fictional": "yes",
            "activities": [
                activity(planned=12.5, fiscal_year="2024"),
                activity(id="a1", funding_source="APBD"),
                {"name": "x"},
            ],
            "meetings": [{"kind": "coaching_clinic", "date": "2024-07-15"}],
            "pagu": 1,
        }
    ) == [
        "$.schema: required field 'schema' is missing",
        "$.region.code: invalid format: expected a kab/kota code PP.KK such as '64.11', got 64",
        "$.region.name: must not be blank, got ''",
        '$.fictional: expected true or false, got "yes" (string)',
        "$.meetings[0].clinic: a coaching_clinic meeting needs a clinic number 1-7",
        '$.activities[0].fiscal_year: expected an integer, got "2024" (string)',
        '$.activities[0].planned: expected a decimal string such as "1250000.00", '
        "got 12.5 (number)",
        '$.activities[1].funding_source: unknown value "APBD" (string); expected one of: '
        "'apbn', 'dak', 'apbd_province', 'apbd_district', 'dana_desa', 'csr', 'grant', "
        "'community', 'ppp', 'other'",
        "$.activities[2].id: required field 'id' is missing",
        "$.activities[2].fiscal_year: required field 'fiscal_year' is missing",
        "$: unknown field(s): pagu",
    ]


def test_all_cross_reference_problems_are_reported_at_once():
    """Once every record is well formed, all duplicate ids and dangling references are listed."""
    assert rendered(
        document(
            activities=[activity(service_model="ghost"), activity(), activity(id="a1")],
            monitoring_reports=[
                {
                    "period_start": "2024-01-01",
                    "period_end": "2024-12-31",
                    "activities": ["a1", "a9"],
                }
            ],
        )
    ) == [
        "$.activities[1].id: id 'a0' is used more than once",
        "$.activities[0].service_model: refers to service model 'ghost', "
        "which is not in the dossier",
        "$.monitoring_reports[0].activities[1]: refers to activity 'a9', "
        "which is not in the dossier",
    ]


# --- fuzzing --------------------------------------------------------------------------------


def _outcome(load: Any, argument: object) -> object:
    """Return what *load* returns, or the DossierFormatError it raises; anything else escapes."""
    try:
        return load(argument)
    except DossierFormatError as err:
        return err


def _loads_or_format_error(data: object) -> None:
    """Load *data* as a dict and as JSON text: a Dossier or a DossierFormatError, nothing else."""
    outcomes = [_outcome(dossier_from_dict, data)]
    try:
        text = json.dumps(data)
    except ValueError:  # a Python value json cannot write (a circular one): nothing to load
        pass
    else:
        outcomes.append(_outcome(load_dossier, text))
    for outcome in outcomes:
        if isinstance(outcome, DossierFormatError):
            assert outcome.problems
            assert all(p.path.startswith("$") for p in outcome.problems)
        else:
            assert isinstance(outcome, Dossier)


@pytest.mark.property
@given(s.json_values() | s.dossier_like_objects())
def test_arbitrary_json_loads_or_raises_format_error(data):
    """Arbitrary JSON values never make the loader raise anything but DossierFormatError."""
    _loads_or_format_error(data)


@pytest.mark.property
@given(s.mutated_documents())
def test_mutated_documents_load_or_raise_format_error(data):
    """Broken dossier documents never make the loader raise anything but DossierFormatError."""
    _loads_or_format_error(data)


@pytest.mark.property
@given(s.dossiers("sparse"), st.text(min_size=1, max_size=20))
def test_any_unknown_key_is_rejected(dossier, key):
    """A key the format does not define is rejected, whatever its name."""
    data = dossier_to_dict(dossier)
    if key in {field.name for field in attrs.fields(Dossier)}:
        return
    data[key] = None
    assert rendered(data)[-1].startswith("$: unknown field(s): ")


@pytest.mark.property
@given(s.dossiers("sparse"))
def test_dropping_the_schema_tag_is_rejected(dossier):
    """Whatever the dossier, a document without ``schema`` is rejected."""
    data = dossier_to_dict(dossier)
    del data["schema"]
    assert rendered(data)[0] == "$.schema: required field 'schema' is missing"


_OBSERVED = st.one_of(
    st.builds(ObservedNumber, value=st.decimals(allow_nan=False, allow_infinity=False, places=2)),
    st.builds(ObservedFlag, value=st.booleans()),
    st.builds(
        ObservedCount,
        low=st.integers(0, 10**6),
        high=st.none() | st.integers(0, 10**6),
    ),
    st.builds(ObservedItem, id=st.text(min_size=1)),
)


@given(_OBSERVED)
def test_observed_values_round_trip_with_their_kind(observed):
    """Every shape of an observed value is written with its ``kind`` and read back equal."""
    data = observed_to_dict(observed)
    assert data["kind"] == {v: k for k, v in OBSERVED_TAGS.items()}[type(observed)]
    converter = make_converter()
    read: Observed = converter.structure(json.loads(json.dumps(data)), Observed)  # type: ignore[arg-type]  # a union is no type[T] to mypy
    assert read == observed


def test_an_observed_value_without_kind_is_refused():
    """A decision whose observed value lacks ``kind`` is a format error naming the path."""
    with pytest.raises(DecisionFormatError, match=r"observed\.kind"):
        decision_from_dict(_decision_with_observed({"value": "1"}))


def _decision_with_observed(observed: object) -> dict[str, Any]:
    from sanitasi_core.rulebooks import default_rulebooks  # noqa: PLC0415

    dossier = Dossier(region=Region(code="62.01", name="Kabupaten Kotawaringin Barat"))
    decision = default_rulebooks().evaluate(dossier, as_of=dt.date(2025, 12, 31))
    data = decision_to_dict(decision)
    data["milestones"][0]["criteria"][0]["observed"] = observed
    return data


@pytest.mark.parametrize(
    "where",
    [
        {"region": {**REGION, "name": "Kabupaten Mahakam Ulu \ud800"}},
        {"description": "catatan \udc00"},
    ],
)
def test_a_lone_surrogate_is_refused_at_load_with_its_path(where):
    """A lone-surrogate escape in any text is a format error at its path, not a crash."""
    with pytest.raises(DossierFormatError) as info:
        dossier_from_dict(document(**where))
    (problem,) = info.value.problems
    assert problem.code == "lone_surrogate"
    assert problem.path in ("$.region.name", "$.description")


def test_a_lone_surrogate_is_refused_when_built_in_python():
    """A model text holding a lone surrogate is refused at construction, in both languages."""
    from sanitasi_core.exceptions import ValidationError  # noqa: PLC0415

    with pytest.raises(ValidationError) as info:
        Region(code="64.11", name="Mahakam \ud800 Ulu")
    (problem,) = info.value.problems
    assert (problem.path, problem.code) == ("name", "lone_surrogate")
    assert "\\ud800" in problem.text.en
    assert "surrogate tunggal" in problem.text.id


@given(st.text(min_size=1).filter(str.strip))
def test_every_text_the_loader_accepts_can_be_written(name):
    """Whatever text the loader accepts is encodable as UTF-8 (so a report can be written)."""
    try:
        dossier = dossier_from_dict(document(description=name))
    except DossierFormatError:
        return
    assert dossier.description is not None
    dossier.description.encode("utf-8")


def _criteria(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every criterion result of a decision document, inner results included."""
    found = []
    for result in results:
        found.append(result)
        found.extend(_criteria(result["children"]))
    return found


@given(s.dossiers(), st.dates(dt.date(2021, 1, 1), dt.date(2026, 12, 31)))
def test_decision_json_writes_every_key_whatever_the_data(dossier, day):
    """Every field of a decision and its parts is a key (null when unknown), whatever the data."""
    from sanitasi_core.rulebooks import default_rulebooks  # noqa: PLC0415
    from sanitasi_core.rules import CriterionResult, Decision, DesignationCheck, M4Stage  # noqa: PLC0415

    def names(cls: type) -> set[str]:
        return {a.name for a in attrs.fields(cls)}

    for each in (dossier, Dossier(region=dossier.region)):
        data = decision_to_dict(default_rulebooks().evaluate(each, as_of=day))
        assert set(data) == names(Decision)
        assert set(data["m4"]) == names(M4Stage)
        assert set(data["designation_check"]) == names(DesignationCheck)
        for milestone in data["milestones"]:
            for criterion in _criteria(milestone["criteria"]):
                assert set(criterion) == names(CriterionResult)


def test_a_decision_of_another_version_is_refused_as_such():
    """``load_decision`` refuses an unknown version at ``$.schema`` before reading fields."""
    data = _decision_with_observed({"kind": "number", "value": "1"})
    data["schema"] = "sanitasi.decision/v9"
    with pytest.raises(DecisionFormatError) as info:
        decision_from_dict(data)
    (problem,) = info.value.problems
    assert (problem.path, problem.code) == ("$.schema", "schema_mismatch")
