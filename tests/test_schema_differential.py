"""The shipped dossier schema and the loader agree, both ways, on whole documents and records.

(a) Documents generated from the schema (hypothesis-jsonschema) are accepted by the loader, or
refused only for rules on the documented list of rules checked by the library only
(``LIBRARY_ONLY_CODES``, listed in the format reference). (b) Dossiers and records from
``sanitasi_core.testing``, written by the library, validate against the schema with format
checking. Every disagreement found became a named regression test at the end of this file.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.internal.conjecture import utils as _conjecture_utils
from hypothesis_jsonschema import from_schema

import sanitasi_core.testing as s
from sanitasi_core import _wire
from sanitasi_core._schema import LIBRARY_ONLY_CODES
from sanitasi_core.exceptions import DossierFormatError
from sanitasi_core.model import Dossier
from sanitasi_core.serialization import (
    dossier_from_dict,
    dossier_json_schema,
    dossier_to_dict,
    make_converter,
)

DOCS = Path(__file__).parent.parent / "docs" / "reference" / "dossier-format.md"
SCHEMA = dossier_json_schema()
FORMATS = jsonschema.Draft202012Validator.FORMAT_CHECKER
CONVERTER = make_converter()
RECORDS = sorted(SCHEMA["$defs"])


def _old_style_more(self: Any) -> bool:
    """``many.more()``, the loop hypothesis-jsonschema 0.23 uses, on Hypothesis's newer ``many``.

    Newer Hypothesis drives ``many`` as ``with many(...) as m: for _ in m:``; hypothesis-jsonschema
    0.23.1 (the latest) still calls ``while m.more():``. This adapter runs the new protocol one
    step per call, so object schemas can be generated; it is installed only when missing.
    """
    if getattr(self, "_adapter", None) is None:
        self.__enter__()
        self._adapter = iter(self)
    try:
        next(self._adapter)
    except StopIteration:
        self.__exit__(None)
        return False
    return True


if not hasattr(_conjecture_utils.many, "more"):
    _conjecture_utils.many.more = _old_style_more  # type: ignore[attr-defined]


def _few(dev: int, ci: int) -> settings:
    """Return *dev* examples in the quick profile, *ci* in the thorough one (300 by default).

    Generating from a large schema is slow by nature; this file stays under a minute.
    """
    current = settings.default
    thorough = current is not None and current.max_examples >= 300
    return settings(
        max_examples=ci if thorough else dev,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )


@functools.cache
def _record_schema(name: str) -> dict[str, Any]:
    """The schema of one record: its definition, with every definition it may refer to."""
    return {"$schema": SCHEMA["$schema"], "$defs": SCHEMA["$defs"], **SCHEMA["$defs"][name]}


@functools.cache
def _validator(name: str | None) -> jsonschema.Draft202012Validator:
    schema = SCHEMA if name is None else _record_schema(name)
    return jsonschema.Draft202012Validator(schema, format_checker=FORMATS)


def _record_class(name: str) -> type:
    from sanitasi_core import decrees, model  # noqa: PLC0415

    found = getattr(model, name, None) or getattr(decrees, name)
    assert isinstance(found, type)
    return found


def _unexplained(problems: list[Any]) -> list[str]:
    return [f"{p.path}: {p.code}: {p}" for p in problems if p.code not in LIBRARY_ONLY_CODES]


# --- the documented list ---------------------------------------------------------------------


def test_the_format_reference_lists_exactly_the_library_only_codes():
    """The docs' "Checked by the library only" table names the codes of LIBRARY_ONLY_CODES."""
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("## Checked by the library only", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^\| `([a-z0-9_]+)` \|", section, flags=re.MULTILINE)
    assert listed == list(LIBRARY_ONLY_CODES)


def test_the_schema_says_which_rules_only_the_library_checks():
    """The top level and the records with such rules say so in their description."""
    note = "checked by the library only"
    assert note in SCHEMA["description"]
    for name in ("Region", "AccessRecord", "Meeting", "PlanningDocument", "Regulation"):
        assert note in SCHEMA["$defs"][name]["description"], name
    assert note not in SCHEMA["$defs"]["Provenance"]["description"]


# --- (a) from the schema to the loader -------------------------------------------------------


def _assert_loads_or_explained(document: object) -> None:
    """*document* loads, or every problem it has is a documented library-only rule."""
    try:
        dossier_from_dict(document)
    except DossierFormatError as err:
        unexplained = _unexplained(list(err.problems))
    else:
        unexplained = []
    assert unexplained == []


@pytest.mark.property
@_few(10, 30)
@given(from_schema(SCHEMA))
def test_documents_generated_from_the_schema_are_accepted(document):
    """A whole document valid against the schema loads, unless it breaks a library-only rule."""
    _assert_loads_or_explained(document)


@pytest.mark.property
@_few(5, 15)
@given(from_schema(dossier_json_schema(version="sanitasi.dossier/v1")))
def test_v1_documents_generated_from_the_v1_schema_are_accepted(document):
    """A v1 document valid against the v1 schema loads, unless it breaks a library-only rule."""
    _assert_loads_or_explained(document)


@pytest.mark.property
@pytest.mark.parametrize("name", RECORDS)
def test_records_generated_from_the_schema_are_accepted(name):
    """Every record valid against its schema is built, unless it breaks a library-only rule."""
    cls = _record_class(name)

    @_few(8, 15)
    @given(from_schema(_record_schema(name)))
    def check(data):
        result = _wire.structure(CONVERTER, data, cls)
        if isinstance(result, list):
            assert _unexplained(result) == []

    check()


# --- (b) from the library to the schema ------------------------------------------------------


@pytest.mark.property
@_few(20, 40)
@given(s.dossiers())
def test_dossiers_written_by_the_library_validate(dossier):
    """Every dossier the library writes is valid against the shipped schema, formats included."""
    _validator(None).validate(dossier_to_dict(dossier))


@pytest.mark.property
@pytest.mark.parametrize("cls", s.MODEL_CLASSES, ids=lambda c: c.__name__)
def test_records_written_by_the_library_validate(cls):
    """Every record of every model class, as the library writes it, is valid against its schema."""
    if cls.__name__ not in SCHEMA["$defs"]:
        pytest.skip(f"{cls.__name__} is not part of a dossier")

    @_few(8, 15)
    @given(st.from_type(cls))
    def check(record):
        _validator(cls.__name__).validate(CONVERTER.unstructure(record))

    check()


def test_every_record_of_a_dossier_has_a_strategy():
    """The records checked one by one are every definition of the schema."""
    covered = {c.__name__ for c in s.MODEL_CLASSES} | {"Regulation"}
    assert set(RECORDS) <= covered


# --- regressions: disagreements found, now agreed ---------------------------------------------


def _loads(data: dict[str, Any]) -> list[str]:
    try:
        dossier_from_dict(data)
    except DossierFormatError as err:
        return [p.code for p in err.problems]
    return []


def _region(code: str = "64.11", name: str = "Mahakam Ulu") -> dict[str, Any]:
    return {"schema": "sanitasi.dossier/v2", "region": {"code": code, "name": name}}


def test_blank_region_is_refused_by_the_schema_too():
    """The issue's worst case: blank region code and name now fail the schema, as the loader."""
    data = _region(code="", name="")
    assert not _validator(None).is_valid(data)
    assert sorted(_loads(data)) == ["not_blank", "not_blank"]


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("fiscal_year", 1800, "year_range"),
        ("planned", "-1", "non_negative"),
        ("physical_progress", "100.5", "percentage_range"),
        ("code", " 1.03", "pattern"),
        ("name", "   ", "not_blank"),
    ],
)
def test_single_field_rules_are_refused_by_both(field, value, code):
    """Years, money, percentages, codes and blank text: the schema refuses what the loader does."""
    activity = {"id": "a", "name": "n", "fiscal_year": 2024, field: value}
    data = {**_region(), "activities": [activity]}
    assert not _validator(None).is_valid(data)
    assert _loads(data) == [code]


@pytest.mark.parametrize("value", ["100", "100.00", "0", "-0", "-0.0", "007.5", "99.99"])
def test_percentage_strings_the_loader_reads_are_valid(value):
    """Leading zeros, ``-0`` and the bounds are accepted by both (the pattern encodes 0-100)."""
    data = {**_region(), "activities": [{"id": "a", "name": "n", "fiscal_year": 2024}]}
    data["activities"][0]["physical_progress"] = value
    assert _validator(None).is_valid(data)
    assert _loads(data) == []


def test_empty_ehra_scores_are_refused_by_both():
    """An EHRA result without a single score is refused by the schema and the loader."""
    data = {
        **_region(),
        "ehra": [{"village": "64.11.01.2001", "year": 2024, "scores": {}}],
    }
    assert not _validator(None).is_valid(data)
    assert _loads(data) == ["expected_type"]


def test_registry_rules_are_left_to_the_library():
    """A well-formed code of no province passes the schema and is refused as documented."""
    data = _region(code="29.01")
    assert _validator(None).is_valid(data)
    assert set(_loads(data)) <= set(LIBRARY_ONLY_CODES)
    assert _loads(data)


def test_the_shipped_examples_validate_with_formats():
    """Every bundled example is valid against the schema with format checking."""
    for path in sorted((Path(__file__).parent.parent / "examples").glob("*.json")):
        _validator(None).validate(json.loads(path.read_text(encoding="utf-8")))


def test_every_field_rule_of_the_model_reaches_the_schema():
    """Each field whose validator carries a rule states something beyond its bare type."""
    from sanitasi_core._validators import rule_of  # noqa: PLC0415

    for name in RECORDS:
        cls = _record_class(name)
        for field in attrs.fields(cls):
            if rule_of(field.validator) is None:
                continue
            stated = json.dumps(SCHEMA["$defs"][name]["properties"][field.name])
            assert any(k in stated for k in ("pattern", "minimum", "minLength")), (name, field)


def test_dossier_is_the_root():
    """The top level of the schema is the dossier."""
    assert set(SCHEMA["properties"]) == {f.name for f in attrs.fields(Dossier)}


def test_integers_the_format_cannot_read_are_refused_by_the_schema():
    """Found by (a): a regulation year of 19 digits passed the schema; the wire reads 18.

    The year now has its own range; any integer without one is bounded by the wire's limit.
    """
    from sanitasi_core._schema import SchemaBuilder  # noqa: PLC0415

    bare = SchemaBuilder().type_schema(int)
    assert (bare["minimum"], bare["maximum"]) == (-_wire.MAX_INTEGER, _wire.MAX_INTEGER)
    data = {"kind": "pp", "number": "5", "year": 10**18}
    assert not _validator("Regulation").is_valid(data)
    assert isinstance(_wire.structure(CONVERTER, data, _record_class("Regulation")), list)


# --- rules declared beside a check keep to it -------------------------------------------------


def _accepts(cls: type, **fields: Any) -> bool:
    try:
        cls(**fields)
    except Exception:  # any refusal counts
        return False
    return True


_ASCII_SOUP = st.text(st.sampled_from("aZ09./-' \t\u00a0x"), max_size=12)


@pytest.mark.property
@given(_ASCII_SOUP | st.text(max_size=8) | _ASCII_SOUP.map(lambda t: t + "\n"))
def test_regulation_rules_match_their_checks(text):
    """A regulation's number and subject pass their check exactly when they match the pattern."""
    from sanitasi_core.decrees import Regulation, RegulationKind  # noqa: PLC0415

    def stated(field: str) -> re.Pattern[str]:
        pattern = _record_schema("Regulation")["properties"][field]
        pattern = pattern.get("pattern") or pattern["anyOf"][0]["pattern"]
        return re.compile(pattern)

    base = {"kind": RegulationKind.PERBUP, "number": "47", "year": 2021}
    number_ok = stated("number").search(text) is not None
    assert _accepts(Regulation, **{**base, "number": text}) == number_ok
    subject_ok = stated("subject").search(text) is not None
    assert _accepts(Regulation, **base, subject=text) == subject_ok
    if _accepts(Regulation, **base, issuer=text):
        assert stated("issuer").search(text) is not None


@pytest.mark.property
@given(st.text(st.sampled_from("0123456789. "), max_size=16))
def test_code_patterns_match_the_parsers(text):
    """Region, village and APBD codes match their pattern exactly when the model takes them."""
    from sanitasi_core.model import Activity, Region, VillageRecord  # noqa: PLC0415

    props = SCHEMA["$defs"]
    regency = re.compile(props["Region"]["properties"]["code"]["pattern"])
    village = re.compile(props["VillageRecord"]["properties"]["code"]["pattern"])
    apbd = re.compile(props["Activity"]["properties"]["code"]["anyOf"][0]["pattern"])
    region_ok = _accepts(Region, code=text, name="x")
    # A well-formed code of no province is refused by the registry (library only).
    assert region_ok <= (regency.search(text) is not None)
    assert _accepts(VillageRecord, code=text) == (village.search(text) is not None)
    activity = {"id": "a", "name": "n", "fiscal_year": 2024, "code": text}
    assert _accepts(Activity, **activity) == (apbd.search(text) is not None)


@pytest.mark.parametrize(
    ("field", "value"),
    [("planned", "12\n"), ("code", "1.03\n"), ("name", "n\n")],
)
def test_a_final_newline_is_refused_by_python_validators_too(field, value):
    """Found by the pattern tests: Python's "$" also matched before a final newline.

    The loader's fullmatch did not; patterns now end with a look-ahead ECMA-262 reads alike.
    """
    activity = {"id": "a", "name": "n", "fiscal_year": 2024, field: value}
    data = {**_region(), "activities": [activity]}
    if field == "name":  # free text may end with a newline, in both
        assert _validator(None).is_valid(data)
        assert _loads(data) == []
        return
    assert not _validator(None).is_valid(data)
    assert _loads(data)
