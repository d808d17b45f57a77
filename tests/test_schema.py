"""The shipped JSON Schema of the dossier format agrees with the model and the loader."""

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given

import sanitasi_core.testing as s
from sanitasi_core.exceptions import DossierFormatError
from sanitasi_core.serialization import (
    SCHEMA_ID,
    build_dossier_json_schema,
    dossier_from_dict,
    dossier_json_schema,
    dossier_to_dict,
)

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.json"))
VALIDATOR = jsonschema.Draft202012Validator(build_dossier_json_schema())


def shipped_text() -> str:
    return (resources.files("sanitasi_core") / "schemas" / "dossier-v2.schema.json").read_text(
        encoding="utf-8"
    )


def test_shipped_schema_is_the_generated_one():
    """The shipped file is the generator's output, byte for byte, so it cannot drift."""
    assert json.loads(shipped_text()) == build_dossier_json_schema()
    generated = json.dumps(build_dossier_json_schema(), indent=2, ensure_ascii=False) + "\n"
    assert shipped_text() == generated


def test_dossier_json_schema_reads_the_shipped_file():
    """``dossier_json_schema()`` returns the shipped schema."""
    assert dossier_json_schema() == json.loads(shipped_text())


def test_schema_is_valid_draft_2020_12():
    """The schema is itself a valid draft 2020-12 schema, with its id and format tag."""
    schema = dossier_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == SCHEMA_ID
    assert schema["properties"]["schema"]["const"] == "sanitasi.dossier/v2"
    assert set(schema["required"]) == {"region", "schema"}


def test_schema_describes_fields_from_the_docstrings():
    """Field descriptions come from the model's docstrings."""
    activity = dossier_json_schema()["$defs"]["Activity"]
    assert "pagu" in activity["properties"]["planned"]["description"]
    assert activity["additionalProperties"] is False
    assert activity["required"] == ["id", "name", "fiscal_year"]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_validate_against_the_schema(path):
    """Every shipped example is valid against the schema."""
    VALIDATOR.validate(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.property
@given(s.dossiers())
def test_every_dossier_document_validates(dossier):
    """Every document the library writes is valid against the schema."""
    VALIDATOR.validate(dossier_to_dict(dossier))


def _rejected_if_schema_invalid(data: object) -> None:
    if VALIDATOR.is_valid(data):
        return
    with pytest.raises(DossierFormatError):
        dossier_from_dict(data)


@pytest.mark.property
@given(s.mutated_documents())
def test_schema_invalid_mutations_are_rejected_by_the_loader(data):
    """A broken document the schema rejects is also rejected by the loader."""
    _rejected_if_schema_invalid(data)


@pytest.mark.property
@given(s.json_values(allow_nan=False) | s.dossier_like_objects())
def test_schema_invalid_json_is_rejected_by_the_loader(data):
    """Arbitrary JSON the schema rejects is also rejected by the loader."""
    _rejected_if_schema_invalid(data)


@pytest.mark.parametrize(
    "data",
    [
        {"schema": "sanitasi.dossier/v1", "region": {"code": "64.11", "name": "x"}, "x": 1},
        {"region": {"code": "64.11", "name": "x"}},
        {"schema": "sanitasi.dossier/v1", "region": {"code": "64.11", "name": 1}},
        {
            "schema": "sanitasi.dossier/v1",
            "region": {"code": "64.11", "name": "x"},
            "activities": [{"id": "a", "name": "n", "fiscal_year": 2024, "planned": 1.5}],
        },
    ],
)
def test_schema_and_loader_agree_on_simple_errors(data):
    """Unknown keys, a missing tag, wrong types and float money fail both checks."""
    assert not VALIDATOR.is_valid(data)
    with pytest.raises(DossierFormatError):
        dossier_from_dict(data)


# --- format v1 -------------------------------------------------------------------------------


def test_shipped_v1_schema_is_the_generated_one():
    """The v1 file is generated too: v2's rules, the v1 tag and a designation's ``year``."""
    v1 = "sanitasi.dossier/v1"
    text = (resources.files("sanitasi_core") / "schemas" / "dossier-v1.schema.json").read_text(
        encoding="utf-8"
    )
    built = build_dossier_json_schema(version=v1)
    assert text == json.dumps(built, indent=2, ensure_ascii=False) + "\n"
    assert dossier_json_schema(version=v1) == built
    assert built["properties"]["schema"]["const"] == v1
    assert "year" in built["$defs"]["Designation"]["properties"]
    assert built["$id"].endswith("/dossier-v1.schema.json")


def test_the_issues_worst_case_fails_the_v1_schema():
    """``{"schema": v1, "region": {"code": "", "name": ""}}`` fails the v1 schema and the loader."""
    data = {"schema": "sanitasi.dossier/v1", "region": {"code": "", "name": ""}}
    schema = dossier_json_schema(version="sanitasi.dossier/v1")
    assert not jsonschema.Draft202012Validator(schema).is_valid(data)
    with pytest.raises(DossierFormatError):
        dossier_from_dict(data)


def test_a_v1_designation_year_validates_and_loads():
    """A v1 designation's ``year`` is valid against the v1 schema and loads as programme_year."""
    data = {
        "schema": "sanitasi.dossier/v1",
        "region": {"code": "64.11", "name": "Mahakam Ulu"},
        "designations": [{"decree": {"kind": "kepmendagri"}, "milestone": "M4", "year": 2024}],
    }
    schema = dossier_json_schema(version="sanitasi.dossier/v1")
    jsonschema.Draft202012Validator(schema).validate(data)
    assert dossier_from_dict(data).designations[0].programme_year == 2024  # type: ignore[index]


def test_an_unknown_version_has_no_schema():
    """Asking for the schema of a version the loader does not read is a ValueError."""
    with pytest.raises(ValueError, match="no dossier schema"):
        build_dossier_json_schema(version="sanitasi.dossier/v9")
    with pytest.raises(ValueError, match="no dossier schema"):
        dossier_json_schema(version="sanitasi.dossier/v9")


# --- rules as JSON Schema --------------------------------------------------------------------


def test_type_schema_states_rules_on_lists_and_objects():
    """A rule's least number of entries and its key rule land on the list or object."""
    import typing  # noqa: PLC0415
    from decimal import Decimal  # noqa: PLC0415

    from sanitasi_core._schema import SchemaBuilder  # noqa: PLC0415
    from sanitasi_core._validators import NON_BLANK, Rule  # noqa: PLC0415

    builder = SchemaBuilder()
    listed = builder.type_schema(tuple[str, ...], rule=Rule(non_blank=True, min_items=2))
    assert listed["minItems"] == 2
    assert listed["items"]["minLength"] == 1
    mapped = builder.type_schema(dict[str, Decimal], rule=Rule(min_items=1))
    assert mapped["minProperties"] == 1
    assert "propertyNames" not in mapped
    keyed = builder.type_schema(dict[str, str], rule=Rule(keys=NON_BLANK))
    assert keyed["propertyNames"]["pattern"] == r"\S"
    assert builder.type_schema(str, rule=Rule(places=2)) == {"type": "string"}
    assert builder.type_schema(int | str)["anyOf"][1] == {"type": "string"}
    assert builder.type_schema(typing.Literal["a", "b"]) == {"enum": ["a", "b"]}
    assert builder.type_schema(Decimal)["pattern"].startswith("^-?[0-9]")
    with pytest.raises(TypeError, match="no JSON Schema"):
        builder.type_schema(float)


def test_decimal_patterns_state_the_range():
    """Unbounded, non-negative and 0-10ⁿ decimals have exact patterns; other ranges are refused."""
    import re  # noqa: PLC0415
    from decimal import Decimal  # noqa: PLC0415

    from sanitasi_core._schema import decimal_pattern  # noqa: PLC0415
    from sanitasi_core._validators import DECIMAL, Rule  # noqa: PLC0415

    anything = re.compile(decimal_pattern(DECIMAL))
    assert anything.search("-12.5")
    assert not anything.search("1e5")
    thousand = re.compile(decimal_pattern(DECIMAL.merge(Rule(minimum=0, maximum=1000))))
    assert thousand.search("1000.0")
    assert thousand.search("999.99")
    assert not thousand.search("1000.01")
    assert not thousand.search("-1")
    with pytest.raises(TypeError, match="no decimal pattern"):
        decimal_pattern(DECIMAL.merge(Rule(minimum=Decimal(1), maximum=Decimal(5))))


def test_rules_merge_and_describe_themselves():
    """Merging adds the constraints set; a rule is described in one sentence."""
    from sanitasi_core._schema import rule_text  # noqa: PLC0415
    from sanitasi_core._validators import NON_BLANK, Rule  # noqa: PLC0415

    assert NON_BLANK.merge(None) is NON_BLANK
    merged = NON_BLANK.merge(Rule(min_items=1))
    assert (merged.non_blank, merged.min_items) == (True, 1)
    assert rule_text(None) == ""
    assert rule_text(Rule()) == ""
    assert rule_text(merged) == "Rule: not blank; at least 1 entry."


def test_a_bad_score_key_names_its_path():
    """An EHRA score under a blank domain is reported at ``scores.<key>``."""
    from decimal import Decimal  # noqa: PLC0415

    from sanitasi_core.exceptions import ValidationError  # noqa: PLC0415
    from sanitasi_core.model import EhraAssessment  # noqa: PLC0415

    with pytest.raises(ValidationError) as info:
        EhraAssessment(village="64.11.01.2001", year=2024, scores={" ": Decimal(5)})
    assert [(p.path, p.code) for p in info.value.problems] == [("scores. ", "not_blank")]
