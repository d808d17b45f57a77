"""The fast decoder: it agrees with the detailed path and is taken on valid documents.

It also refuses, when generating, the field kinds it does not know.
The fast path (``_decode``) is optimistic: whatever it does not accept goes to the detailed
path, so it may be stricter, never laxer. The differential properties below check exactly that,
on valid dossiers and on mutated documents, with the standard library's parser and orjson's.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sanitasi_core.testing as s
from sanitasi_core import _decode, _json, _wire, serialization
from sanitasi_core import _validators as v
from sanitasi_core.decrees import Regulation
from sanitasi_core.exceptions import DossierFormatError
from sanitasi_core.model import Dossier, Milestone, Region
from sanitasi_core.serialization import dossier_from_dict, dossier_to_dict, dump_dossier

EXAMPLE = Path(__file__).parent.parent / "examples" / "mahakam-ulu-2024.json"
FAST = serialization._fast_dossier()
PARSERS = [
    pytest.param(False, id="stdlib"),
    pytest.param(
        True,
        id="orjson",
        marks=pytest.mark.skipif(not _json.FAST_AVAILABLE, reason="orjson is not installed"),
    ),
]
# Values the detailed path refuses (or must judge) in place of any leaf of a document.
_BAD_LEAVES: tuple[object, ...] = (
    "",
    "   ",
    "\t\n",
    "\ud800",
    "x" * 5000,
    "2024-02-30",
    "2024-2-3",
    "1e5",
    "-1",
    "-0",
    " 1",
    "1_000",
    "\u0663",
    "NaN",
    "100.000000000000000000001",
    "1" * 41,
    "101",
    "99.5",
    "64.11",
    "64.11.01.2001",
    "1.03.05.2.01.0044",
    "sanitasi.dossier/v1",
    "M5",
    10**19,
    -1,
    0,
    1944,
    2101,
    True,
    1.5,
    None,
    [],
    {},
)


def _outcome(load: Any, *args: Any, **kwargs: Any) -> tuple[str, Any]:
    try:
        return "ok", load(*args, **kwargs)
    except DossierFormatError as err:
        return "problems", (err.problems, err.omitted)


def _detailed_text(document: str | bytes) -> tuple[str, Any]:
    """Today's path: ``parse_json`` and the converter, no fast path."""

    def load(text: str | bytes) -> Dossier:
        try:
            data = _wire.parse_json(text)
        except _wire.DocumentProblems as err:
            raise DossierFormatError(err.problems) from None
        return serialization._detailed_dossier(data, source=None)

    return _outcome(load, document)


def _fast_or_none(data: object) -> Dossier | None:
    try:
        dossier: Dossier = FAST(data)
    except Exception:  # any refusal
        return None
    return dossier


def _leaves(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if path else []
    items = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, value in items:
        found.extend(_leaves(value, (*path, key)))
    return found


@st.composite
def _bad_leaf_documents(draw: st.DrawFn) -> Any:
    """A valid document with one to three values replaced by a value likely to be refused."""
    document: Any = dossier_to_dict(draw(s.dossiers()))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_leaves(document)))
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        parent[path[-1]] = draw(st.sampled_from(_BAD_LEAVES))
    return document


def _agree(data: object) -> None:
    """The fast path accepts only what the detailed path accepts, as an equal dossier."""
    fast = _fast_or_none(data)
    detailed = _outcome(serialization._detailed_dossier, data, source=None)
    if fast is not None:
        assert detailed == ("ok", fast)
    assert _outcome(dossier_from_dict, data) == detailed


_SETTINGS = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@_SETTINGS
@given(dossier=s.dossiers())
def test_the_fast_path_accepts_every_valid_dossier_as_an_equal_one(dossier: Dossier) -> None:
    """A dossier the library writes is read back by the fast path alone, equal."""
    assert FAST(dossier_to_dict(dossier)) == dossier


@_SETTINGS
@given(document=s.mutated_documents())
def test_fast_and_detailed_agree_on_mutated_documents(document: Any) -> None:
    """Dropped, retyped, unknown, duplicated and deeply nested values: both paths agree."""
    _agree(document)


@_SETTINGS
@given(document=_bad_leaf_documents())
def test_fast_and_detailed_agree_on_bad_values(document: Any) -> None:
    """Blank texts, bad dates and decimals, out-of-range numbers, huge strings: both agree."""
    _agree(document)


@_SETTINGS
@given(document=s.dossier_like_objects())
def test_fast_and_detailed_agree_on_dossier_like_objects(document: Any) -> None:
    """Objects with the dossier's keys holding arbitrary JSON values: both paths agree."""
    _agree(document)


@pytest.mark.parametrize("fast_json", PARSERS)
@_SETTINGS
@given(data=st.data())
def test_loading_text_agrees_with_todays_path(fast_json: bool, data: st.DataObject) -> None:
    """JSON text, valid or mutated, as str or bytes: the same dossier or the same problems."""
    document = data.draw(st.one_of(s.mutated_documents(), _bad_leaf_documents()))
    text = json.dumps(document, ensure_ascii=data.draw(st.booleans()))
    encoded: str | bytes = (
        text.encode("utf-8", "surrogatepass") if data.draw(st.booleans()) else text
    )
    expected = _detailed_text(encoded)
    assert _outcome(serialization._load_dossier, encoded, fast_json=fast_json) == expected
    try:
        fast = _decode.load(encoded, FAST, fast_json=fast_json)
    except Exception:  # refused: the detailed path decided above
        return
    assert expected == ("ok", fast)


@pytest.mark.parametrize("fast_json", PARSERS)
@pytest.mark.parametrize(
    "text",
    [
        '{"x": "\ud800"}',
        '{"schema": "sanitasi.dossier/v2", "region": {"code": "64.11", "name": "\\ud800"}}',
        "\ufeff{}",
        "[" * 100 + "]" * 100,
        '{"a": NaN}',
        "{",
        "",
    ],
)
def test_hostile_texts_give_the_detailed_problems(fast_json: bool, text: str) -> None:
    """Lone surrogates, a BOM, deep nesting, NaN, broken JSON: the detailed path's problems."""
    for document in (text, text.encode("utf-8", "surrogatepass")):
        got = _outcome(serialization._load_dossier, document, fast_json=fast_json)
        assert got == _detailed_text(document)
        assert got[0] == "problems"


def test_a_lone_surrogate_in_text_is_a_format_error() -> None:
    """A str with a lone surrogate is a DossierFormatError, not a UnicodeEncodeError."""
    with pytest.raises(DossierFormatError) as caught:
        serialization.load_dossier('{"x": "\ud800"}')
    assert [p.code for p in caught.value.problems] == ["invalid_json"]


@pytest.mark.parametrize("fast_json", PARSERS)
def test_the_fast_path_is_taken_on_a_valid_document(
    fast_json: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A valid document never reaches the detailed path (parse_json or the converter)."""
    text = EXAMPLE.read_bytes()
    expected = serialization.load_dossier(text)

    def fail(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the detailed path ran")

    monkeypatch.setattr(serialization, "_detailed_dossier", fail)
    monkeypatch.setattr(_wire, "parse_json", fail)
    assert serialization._load_dossier(text, fast_json=fast_json) == expected
    assert serialization._load_dossier(text.decode(), fast_json=fast_json) == expected
    assert dossier_from_dict(json.loads(text)) == expected


def test_a_v1_document_is_read_by_the_detailed_path() -> None:
    """The fast path refuses v1; the detailed path reads it as the v2 document it names."""
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["schema"] = "sanitasi.dossier/v1"
    assert _fast_or_none(document) is None
    assert dossier_from_dict(document).schema == "sanitasi.dossier/v2"


def test_the_schema_tag_must_be_present() -> None:
    """The format tag has a Python default, but a document without it is refused."""
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    del document["schema"]
    assert _fast_or_none(document) is None
    with pytest.raises(DossierFormatError) as caught:
        dossier_from_dict(document)
    assert "$.schema" in [p.path for p in caught.value.problems]


def test_a_check_that_reads_the_object_runs_with_it() -> None:
    """A regulation issuer is checked against the kind: no issuer for a Perpres."""
    structure = _decode.make_fast_structure(Regulation)
    assert structure({"kind": "perbup", "issuer": "Mahakam Ulu", "number": "47", "year": 2021})
    with pytest.raises(Exception):  # noqa: B017, PT011  # any refusal: the detailed path decides
        structure({"kind": "perpres", "issuer": "Mahakam Ulu", "number": "47", "year": 2021})


@pytest.mark.parametrize("value", [Milestone.M4, type("Sub", (str,), {})("M4")])
def test_a_python_enum_member_is_not_a_wire_value(value: str) -> None:
    """Values must be JSON types: a StrEnum member or a str subclass is refused, as today."""
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["designations"][0]["milestone"] = value
    assert _fast_or_none(document) is None
    with pytest.raises(DossierFormatError):
        dossier_from_dict(document)


def test_a_registry_check_is_still_made() -> None:
    """A region whose province does not exist is refused by the fast path too."""
    structure = _decode.make_fast_structure(Region)
    assert structure({"code": "64.11", "name": "Mahakam Ulu"}) == Region(
        code="64.11", name="Mahakam Ulu"
    )
    for _ in range(2):  # the second time through the memo of accepted codes
        with pytest.raises(Exception):  # noqa: B017, PT011  # any refusal
            structure({"code": "10.01", "name": "Nowhere"})


@attrs.frozen(kw_only=True)
class _WithFloat:
    x: float


@attrs.frozen(kw_only=True)
class _WithoutInit:
    x: int = attrs.field(default=1, init=False)


@attrs.frozen(kw_only=True)
class _WithPreInit:
    x: int

    def __attrs_pre_init__(self) -> None:
        pass


@attrs.frozen(kw_only=True)
class _WithMutableDefault:
    x: list[int] = attrs.field(factory=list)


@attrs.frozen(kw_only=True, cache_hash=True)
class _WithCachedHash:
    x: int


@attrs.define(kw_only=True, slots=False)
class _WithoutSlots:
    x: int


def _stripped(value: str) -> str:
    return value.strip()


@attrs.frozen(kw_only=True)
class _WithConverter:
    x: str = attrs.field(converter=_stripped)


@pytest.mark.parametrize(
    "cls",
    [
        _WithFloat,
        _WithoutInit,
        _WithPreInit,
        _WithMutableDefault,
        _WithCachedHash,
        _WithoutSlots,
        _WithConverter,
    ],
)
def test_an_unknown_kind_is_refused_when_generating(cls: type) -> None:
    """A field kind, default or class layout the generator does not know raises at once."""
    with pytest.raises(TypeError):
        _decode.make_fast_structure(cls)


def test_generated_code_is_registered_for_tracebacks() -> None:
    """The generated source is in linecache under a readable name, without literals."""
    import linecache  # noqa: PLC0415

    lines = linecache.getlines("<sanitasi decode Activity>")
    source = "".join(lines)
    assert source.startswith("def structure_Activity")
    assert '"' not in source
    assert "'" not in source
    assert re.search(r"\b[0-9]", source) is None  # no number literal either


def test_no_process_wide_switch_is_used() -> None:
    """Loading leaves attrs validators on (the trusted construction is local)."""
    serialization.load_dossier(EXAMPLE.read_bytes())
    assert attrs.validators.get_disabled() is False


def test_without_orjson_everything_still_loads() -> None:
    """With orjson hidden, FAST_AVAILABLE is false and the example loads."""
    code = (
        "import sys; sys.modules['orjson'] = None\n"
        "from sanitasi_core import _json, serialization\n"
        "assert _json.FAST_AVAILABLE is False\n"
        f"d = serialization.load_dossier(open({str(EXAMPLE)!r}, 'rb').read())\n"
        "assert d.region.code == '64.11'\n"
        "assert serialization._load_dossier(open(sys.argv[1], 'rb').read(), fast_json=True) == d\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(EXAMPLE)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def test_decimals_and_dates_are_exact() -> None:
    """Decimals keep their digits and dates are plain dates."""
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    dossier = FAST(document)
    assert dossier == dossier_from_dict(document)
    amounts = [c.pledged for c in dossier.commitments or () if c.pledged is not None]
    assert all(type(a) is Decimal for a in amounts)
    assert all(type(m.date) is dt.date for m in dossier.meetings or ())
    assert FAST(json.loads(dump_dossier(dossier))) == dossier


class _Colour(enum.Enum):
    RED = "red"


class _Size(enum.Enum):
    RED = "red"


@attrs.frozen(kw_only=True)
class _Mismatched:
    number: int = attrs.field(validator=v.text_value)
    colour: _Colour = attrs.field(validator=v.member_of(_Size))


def test_a_check_of_another_type_than_the_field_is_called() -> None:
    """A check that structuring does not imply (another type) is run, not skipped."""
    structure = _decode.make_fast_structure(_Mismatched)
    with pytest.raises(Exception):  # noqa: B017, PT011  # any refusal
        structure({"number": 1, "colour": "red"})


@given(text=st.text(alphabet="-0123456789.\n\u0663 eE", max_size=70))
def test_the_fast_patterns_accept_what_the_wire_patterns_accept(text: str) -> None:
    """The decoder's unanchored ASCII patterns agree with the wire format's, text for text."""
    decimal, date = re.compile(_wire.DECIMAL_PATTERN), re.compile(_wire.DATE_PATTERN)
    assert bool(_decode.FAST_DECIMAL.fullmatch(text)) == bool(decimal.fullmatch(text))
    assert bool(_decode.FAST_DATE.fullmatch(text)) == bool(date.fullmatch(text))


@pytest.mark.parametrize(
    "text",
    [
        "1",
        "-0",
        "1.5",
        "1.",
        ".5",
        "1\n",
        "\u0663",
        "1" * 40,
        "1" * 41,
        "1." + "0" * 21,
        "2024-02-03",
    ],
)
def test_the_fast_patterns_on_edge_cases(text: str) -> None:
    """Edge cases of the two decimal and date patterns agree."""
    decimal, date = re.compile(_wire.DECIMAL_PATTERN), re.compile(_wire.DATE_PATTERN)
    assert bool(_decode.FAST_DECIMAL.fullmatch(text)) == bool(decimal.fullmatch(text))
    assert bool(_decode.FAST_DATE.fullmatch(text)) == bool(date.fullmatch(text))
