"""The JSON contracts: each shipped schema is valid, generated, and accepts what we write."""

import datetime as dt
import json
import shutil
import subprocess
import tomllib
from collections.abc import Iterator
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sanitasi_core.testing as s
from sanitasi_core import contracts
from sanitasi_core.exceptions import (
    DecisionFormatError,
    DossierFormatError,
    Problem,
    SanitasiError,
)
from sanitasi_core.households import ladder_to_json, read_csv, summarise_rows
from sanitasi_core.ladder import summarise
from sanitasi_core.rulebooks import (
    BUNDLED,
    EXAMPLE_RULEBOOKS,
    default_rulebook,
    default_rulebooks,
    dump_rulebook,
    example_rulebook,
    load_rulebook,
)
from sanitasi_core.rules import DECISION_SCHEMA, Rulebook, compile_rulebook
from sanitasi_core.serialization import (
    PROBLEMS_SCHEMA,
    VALIDATION_SCHEMA,
    decision_to_dict,
    dossier_from_dict,
    dump_decision,
    load_decision,
    load_dossier,
    problems_to_dict,
    stream_validation,
    validation_to_dict,
)

ROOT = Path(__file__).parent.parent
PACKAGED = resources.files("sanitasi_core") / "data" / "examples"
EXAMPLES = sorted(
    [(f"package/{e.name}", e.read_bytes()) for e in PACKAGED.iterdir() if e.name.endswith(".json")]
    + [(str(p.relative_to(ROOT)), p.read_bytes()) for p in (ROOT / "examples").rglob("*.json")]
)
FORMATS = jsonschema.Draft202012Validator.FORMAT_CHECKER


def validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(contracts.json_schema(kind), format_checker=FORMATS)


DECISIONS = validator("decision")
RULEBOOKS = validator("rulebook")
LADDERS = validator("ladder-result")
PROBLEMS = validator("problems")


def shipped_text(kind: str) -> str:
    path = resources.files("sanitasi_core") / "schemas" / contracts.SCHEMA_FILES[kind]
    return path.read_text(encoding="utf-8")


def nodes(schema: object) -> Iterator[dict[str, Any]]:
    """Every object of a schema, nested ones included."""
    if isinstance(schema, dict):
        yield schema
        for value in schema.values():
            yield from nodes(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from nodes(value)


# --------------------------------------------------------------------------------------------
# The schemas themselves
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", contracts.SCHEMA_KINDS)
def test_shipped_schema_is_the_generated_one(kind):
    """Each shipped file is the generator's output, byte for byte, so it cannot drift."""
    generated = json.dumps(contracts.build_json_schema(kind), indent=2, ensure_ascii=False)
    assert shipped_text(kind) == generated + "\n" == contracts._schema_text(kind)
    assert contracts.json_schema(kind) == json.loads(shipped_text(kind))


@pytest.mark.parametrize("kind", contracts.SCHEMA_KINDS)
def test_schema_is_valid_draft_2020_12_and_self_contained(kind):
    """Each schema is a valid draft 2020-12 schema with its $id, and refers only to itself."""
    schema = contracts.json_schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == contracts.schema_id(kind)
    assert schema["$id"].endswith(f"/{kind}-v{contracts.SCHEMA_TAGS[kind][0][-1]}.schema.json")
    refs = {node["$ref"] for node in nodes(schema) if isinstance(node.get("$ref"), str)}
    assert refs
    for ref in refs:
        assert ref.startswith("#/$defs/")
        assert ref.removeprefix("#/$defs/") in schema["$defs"]


@pytest.mark.parametrize("kind", contracts.SCHEMA_KINDS)
def test_schema_uses_no_python_specific_format(kind):
    """The only format used is ``date`` (with a pattern beside it); the rest is patterns."""
    for node in nodes(contracts.json_schema(kind)):
        if isinstance(node.get("format"), str):
            assert node["format"] == "date"
            assert "pattern" in node


_PYTHON_ONLY = ("(?P", "\\A", "\\Z", "(?i", "(?s", "(?x", "(?m", "(?#", "\\N{")


def _patterns() -> list[str]:
    return sorted(
        {
            node["pattern"]
            for kind in contracts.SCHEMA_KINDS
            for node in nodes(contracts.json_schema(kind))
            if isinstance(node.get("pattern"), str)
        }
    )


def test_patterns_use_no_python_only_syntax():
    """Patterns are ECMA-262 regular expressions, as JSON Schema says: no Python-only syntax."""
    for pattern in _patterns():
        assert not any(token in pattern for token in _PYTHON_ONLY), pattern


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not on PATH (CI has it)")
def test_patterns_compile_in_javascript():
    """Every pattern compiles as a JavaScript regular expression (Unicode mode)."""
    script = (
        "const ps = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "for (const p of ps) new RegExp(p, 'u');"
    )
    node = shutil.which("node")
    assert node is not None
    done = subprocess.run(
        [node, "-e", script],
        input=json.dumps(_patterns()),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("kind", contracts.SCHEMA_KINDS)
def test_schema_fixes_the_version_tag(kind):
    """Every document schema states its ``schema`` tag as a constant, required."""
    schema = contracts.json_schema(kind)
    tops = [schema] if "properties" in schema else [schema["$defs"]["Problems"]]
    if kind == "problems":
        tops.append(schema["$defs"]["Validation"])
    tags = [top["properties"]["schema"]["const"] for top in tops]
    assert tags == list(contracts.SCHEMA_TAGS[kind])
    assert all("schema" in top["required"] for top in tops)


def test_unknown_kind_is_a_key_error():
    """Asking for a kind that has no schema raises ``KeyError``."""
    with pytest.raises(KeyError):
        contracts.json_schema("decree")
    with pytest.raises(KeyError):
        contracts.build_json_schema("decree")


def test_default_kind_is_the_dossier():
    """``json_schema()`` without a kind is the dossier schema."""
    assert contracts.json_schema()["properties"]["schema"]["const"] == "sanitasi.dossier/v2"


# --------------------------------------------------------------------------------------------
# Decisions
# --------------------------------------------------------------------------------------------


def test_decision_schema_requires_every_key_at_every_level():
    """Decisions write every key (null when unknown), so every object requires all its keys."""
    schema = contracts.json_schema("decision")
    for node in nodes(schema):
        if node.get("type") == "object" and "properties" in node:
            assert set(node["required"]) == set(node["properties"]), node.get("title")
            assert node["additionalProperties"] is False


def test_decision_schema_tags_the_observed_union():
    """``observed`` is null or one of four shapes told apart by a constant ``kind``."""
    schema = contracts.json_schema("decision")
    observed = schema["$defs"]["CriterionResult"]["properties"]["observed"]
    shapes, null = observed["anyOf"]
    assert null == {"type": "null"}
    names = [ref["$ref"].removeprefix("#/$defs/") for ref in shapes["oneOf"]]
    kinds = [schema["$defs"][name]["properties"]["kind"]["const"] for name in names]
    assert kinds == ["number", "flag", "count", "item"]
    assert all("kind" in schema["$defs"][name]["required"] for name in names)


def _books() -> list[Rulebook]:
    # Each bundled rulebook on its own, at any date from its first day on.
    return [attrs.evolve(default_rulebook(version), valid_to=None) for version in BUNDLED]


def _days(book: Rulebook) -> list[dt.date]:
    start = book.valid_from
    return [start, start + dt.timedelta(days=200), start.replace(year=start.year + 2)]


@pytest.mark.parametrize(("name", "data"), EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_decisions_of_the_examples_validate(name, data):
    """Every example's decision, by both default rulebooks on several dates, validates."""
    dossier = load_dossier(data, source=name)
    for book in _books():
        compiled = compile_rulebook(book)
        for day in _days(book):
            document = decision_to_dict(compiled.evaluate(dossier, as_of=day))
            DECISIONS.validate(document)
            assert set(document) == set(contracts.json_schema("decision")["required"])
    # The rulebook set (what ``sanitasi evaluate`` uses) too, on the day its rules change.
    DECISIONS.validate(
        decision_to_dict(default_rulebooks().evaluate(dossier, as_of=dt.date(2025, 1, 1)))
    )


@pytest.mark.property
@settings(deadline=None)  # evaluating or loading a whole rulebook takes its time
@given(s.dossiers(), st.dates(dt.date(2021, 1, 1), dt.date(2027, 12, 31)))
def test_every_decision_validates(dossier, day):
    """The decision of any dossier on any date validates, with format checking."""
    DECISIONS.validate(json.loads(dump_decision(default_rulebooks().evaluate(dossier, as_of=day))))


def test_a_decision_the_schema_refuses_has_the_wrong_version():
    """The decision schema and ``load_decision`` both refuse another version."""
    dossier = load_dossier(EXAMPLES[0][1])
    document = decision_to_dict(default_rulebooks().evaluate(dossier, as_of=dt.date(2025, 6, 30)))
    document["schema"] = "sanitasi.decision/v3"
    assert not DECISIONS.is_valid(document)
    with pytest.raises(DecisionFormatError) as info:
        load_decision(json.dumps(document))
    assert [p.code for p in info.value.problems] == ["schema_mismatch"]
    assert DECISION_SCHEMA in info.value.problems[0].text.en


# --------------------------------------------------------------------------------------------
# Rulebooks
# --------------------------------------------------------------------------------------------


def _bundled_rulebooks() -> list[Rulebook]:
    named = [example_rulebook(name) for name in EXAMPLE_RULEBOOKS]
    return [default_rulebook(version) for version in BUNDLED] + named


@pytest.mark.parametrize("book", _bundled_rulebooks(), ids=lambda b: f"{b.id}-{b.version}")
def test_dumped_rulebooks_validate(book):
    """Every bundled and example rulebook, as ``dump_rulebook`` writes it, validates."""
    RULEBOOKS.validate(json.loads(dump_rulebook(book)))


@pytest.mark.parametrize(
    "name",
    [*BUNDLED.values(), *EXAMPLE_RULEBOOKS.values()],
)
def test_rulebook_files_as_written_validate(name):
    """The bundled TOML files themselves validate (a source library, plain-string bases)."""
    folder = resources.files("sanitasi_core") / "data" / "rulebooks"
    data = tomllib.loads((folder / name).read_text(encoding="utf-8"))
    RULEBOOKS.validate(json.loads(json.dumps(data, default=dt.date.isoformat)))


@pytest.mark.property
@settings(deadline=None)  # evaluating or loading a whole rulebook takes its time
@given(s.rulebooks())
def test_every_rulebook_document_validates(book):
    """Every rulebook the library writes validates against the rulebook schema."""
    RULEBOOKS.validate(json.loads(dump_rulebook(book)))


@pytest.mark.property
@settings(deadline=None)  # evaluating or loading a whole rulebook takes its time
@given(s.mutated_rulebook_documents())
def test_schema_invalid_rulebooks_are_refused_by_the_loader(data):
    """A rulebook document the schema refuses is refused by the loader too."""
    if RULEBOOKS.is_valid(data):
        return
    with pytest.raises(SanitasiError):
        load_rulebook(json.dumps(data), fmt="json")


def test_rulebook_schema_uses_the_wire_names():
    """A ``count`` filter is written with ``is`` and ``in``, as in files."""
    where = contracts.json_schema("rulebook")["$defs"]["Where"]
    assert list(where["properties"]) == ["field", "is", "in", "within"]
    assert where["required"] == ["field"]


@pytest.mark.parametrize(
    "change",
    [
        {"schema": "sanitasi.rulebook/v2"},
        {"status": "draft"},
        {"valid_from": "2025-13-01"},
        {"title": {"id": " ", "en": "x"}},
        {"extra": 1},
    ],
)
def test_rulebook_schema_and_loader_agree_on_simple_errors(change):
    """A wrong tag, an unknown status, a bad date, a blank text, an unknown key fail both."""
    data = {**json.loads(dump_rulebook(default_rulebook())), **change}
    assert not RULEBOOKS.is_valid(data)
    with pytest.raises(SanitasiError):
        load_rulebook(json.dumps(data), fmt="json")


# --------------------------------------------------------------------------------------------
# Ladder results
# --------------------------------------------------------------------------------------------


def test_ladder_result_with_rejections_validates():
    """A ladder result with accepted and rejected rows, of both areas, validates."""
    header = (
        "household_id,area,facility,toilet,disposal,last_emptied,sludge_treated,weight,survey_date"
    )
    rows = [
        "h1,urban,own,gooseneck,septic_tank,2023-01-01,yes,2.5,2024-07-15",
        "h2,rural,shared,gooseneck,soil_pit,,,1,2024-07-16",
        "h3,,none,,,,,,2024-07-16",
        "h4,town,own,gooseneck,septic_tank,,yes,,2024-07-15",
    ]
    import io  # noqa: PLC0415

    report = summarise_rows(read_csv(io.StringIO("\n".join([header, *rows]) + "\n")))
    document = ladder_to_json(report.summary, report.rejected, rejected_rows=report.rejected_rows)
    assert document["rejected"]
    LADDERS.validate(document)
    assert set(document) == set(contracts.json_schema("ladder-result")["required"])


def test_empty_ladder_result_validates():
    """With no rows, shares are null and the result still validates."""
    LADDERS.validate(ladder_to_json(summarise([]), []))


@pytest.mark.property
@given(st.lists(s.household_records(), max_size=8))
def test_every_ladder_result_validates(records):
    """The ladder result of any household records validates, with format checking."""
    LADDERS.validate(json.loads(json.dumps(ladder_to_json(summarise(records), []))))


def test_ladder_schema_refuses_a_share_as_a_number():
    """Shares are decimal strings with two places, never JSON numbers."""
    document = ladder_to_json(summarise([]), [])
    document["layak"] = 12.5
    assert not LADDERS.is_valid(document)
    document["layak"] = "12.5"
    assert not LADDERS.is_valid(document)
    document["layak"] = "12.50"
    assert LADDERS.is_valid(document)


# --------------------------------------------------------------------------------------------
# Problems
# --------------------------------------------------------------------------------------------


def _problems_of(data: object) -> dict[str, Any] | None:
    try:
        dossier_from_dict(data, source="input.json")
    except DossierFormatError as error:
        return problems_to_dict(error.source, error.problems, omitted=error.omitted)
    return None


@pytest.mark.property
@settings(deadline=None)  # a large mutated dossier takes its time to check
@given(s.mutated_documents())
def test_problems_of_invalid_dossiers_validate(data):
    """The problems document of any refused dossier validates, alone and in a validation."""
    document = _problems_of(data)
    if document is None:
        return
    assert document["valid"] is False
    PROBLEMS.validate(document)
    PROBLEMS.validate(validation_to_dict([document, problems_to_dict("ok.json", [])]))


def test_problems_of_a_hostile_dossier_validate():
    """The worst case of the issue (blank code and name) gives a valid problems document."""
    document = _problems_of({"schema": "sanitasi.dossier/v1", "region": {"code": "", "name": ""}})
    assert document is not None
    PROBLEMS.validate(document)
    assert {p["path"] for p in document["problems"]} >= {"$.region.code"}


def test_valid_input_and_validation_document():
    """A valid input has ``valid: true`` and no problems; a validation is valid if all are."""
    good = problems_to_dict("a.json", [])
    assert good == {
        "schema": PROBLEMS_SCHEMA,
        "source": "a.json",
        "valid": True,
        "problems": [],
        "omitted": 0,
    }
    bad = _problems_of({"region": 1})
    assert bad is not None
    assert validation_to_dict([good]) == {
        "schema": VALIDATION_SCHEMA,
        "valid": True,
        "inputs": [good],
    }
    assert validation_to_dict([good, bad])["valid"] is False
    assert validation_to_dict([])["valid"] is True
    for document in (good, bad, validation_to_dict([good, bad]), validation_to_dict([])):
        PROBLEMS.validate(document)


def test_problems_schema_tells_the_two_documents_apart():
    """A document with another tag, or a problems list inside a validation, is refused."""
    good = problems_to_dict("a.json", [])
    assert not PROBLEMS.is_valid({**good, "schema": VALIDATION_SCHEMA})
    assert not PROBLEMS.is_valid({"schema": VALIDATION_SCHEMA, "valid": True, "inputs": [1]})
    assert not PROBLEMS.is_valid({**good, "omitted": -1})
    assert not PROBLEMS.is_valid([good])


_PROBLEMS = st.builds(
    Problem,
    path=st.text(max_size=20),
    code=st.sampled_from(["not_blank", "invalid_json", "cli_unreadable"]),
    text=s.bilingual_texts(),
    file=st.none() | st.text(max_size=20),
    line=st.none() | st.integers(1, 10**6),
)
_DOCUMENTS = st.builds(
    lambda source, problems, omitted: problems_to_dict(source, problems, omitted=omitted),
    st.none() | st.text(max_size=20),
    st.lists(_PROBLEMS, max_size=3),
    st.integers(0, 3),
)


@pytest.mark.property
@given(st.lists(_DOCUMENTS, max_size=4))
def test_streamed_validation_is_the_document(documents):
    """Written piece by piece, a validation is exactly the JSON of the whole, and validates."""
    whole = validation_to_dict(documents)
    streamed = "".join(stream_validation(iter(documents)))
    assert streamed == json.dumps(whole, indent=2, ensure_ascii=False)
    assert whole["valid"] is all(d["valid"] for d in documents)
    PROBLEMS.validate(json.loads(streamed))


def test_omitted_problems_are_counted():
    """Problems beyond those kept are counted in ``omitted`` and the input is not valid."""
    document = problems_to_dict("big.json", [], omitted=3)
    assert document["valid"] is False
    PROBLEMS.validate(document)


def test_decimal_strings_in_schemas_are_plain():
    """The ladder's weights are plain decimal strings, never exponent notation."""
    weight = contracts.json_schema("ladder-result")["$defs"]["Counts"]["properties"]["basic"]
    check = jsonschema.Draft202012Validator(weight)
    assert check.is_valid(format(Decimal("1234.5"), "f"))
    assert not check.is_valid(str(Decimal("1E+3")))
