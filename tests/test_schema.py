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
