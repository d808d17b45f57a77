"""The generated encoders write exactly what the converter and ``json.dumps`` write.

The converter (:func:`sanitasi_core._wire.make_converter`) defines the format; the generated
per-class functions of :mod:`sanitasi_core._encode` must give the same data (same key order) and
the same text, byte for byte, with the standard library and with orjson (the ``fast`` extra):
``json.dumps(data, ensure_ascii=False, indent=indent)``, compact (``separators=(",", ":")``,
no spaces) for ``indent=None``.
"""

from __future__ import annotations

import ast
import datetime as dt
import decimal
import itertools
import json
import linecache
import subprocess
import sys
from decimal import Decimal
from enum import IntEnum, StrEnum
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sanitasi_core.testing as s
from sanitasi_core import _encode, _json, _wire
from sanitasi_core.exceptions import ValidationError
from sanitasi_core.model import Activity, Dossier, Provenance, Region
from sanitasi_core.serialization import (
    _converter,
    _dump_dossier,
    dossier_to_dict,
    dump_dossier,
    make_converter,
)

_NO_ORJSON = pytest.mark.skipif(not _json.FAST_AVAILABLE, reason="the fast extra is not installed")
FAST = [False, pytest.param(True, marks=_NO_ORJSON)]
INDENTS = [None, 2, 0, 4]


def _json_dumps(data: object, indent: int | str | None) -> str:
    """The text expected: ``json.dumps``'s, compact (no spaces) on one line."""
    if indent is None:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(data, ensure_ascii=False, indent=indent)


def _reference(obj: object, indent: int | str | None) -> str:
    """The converter's data written by ``json.dumps`` (compact on one line)."""
    return _json_dumps(_converter().unstructure(obj), indent)


def _assert_same(dossier: Dossier) -> None:
    data = _converter().unstructure(dossier)
    mine = dossier_to_dict(dossier)
    assert mine == data
    for indent in INDENTS:
        expected = _json_dumps(data, indent)
        assert _dump_dossier(dossier, indent=indent, fast_json=False) == expected
        if _json.FAST_AVAILABLE:
            assert _dump_dossier(dossier, indent=indent, fast_json=True) == expected


# --- properties ------------------------------------------------------------------------------


@pytest.mark.property
@settings(max_examples=min(settings().max_examples, 100))
@given(s.dossiers())
def test_generated_data_and_text_equal_the_converters(dossier):
    """For every dossier: the same dict (same key order) and the same text at every indent."""
    _assert_same(dossier)


_SPECIALS = st.sampled_from(
    ['"', "\\", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1f", "\x7f", "\u2028", "\u2029", "é"]
)
_HOSTILE = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]) | _SPECIALS, max_size=20)


@pytest.mark.property
@settings(max_examples=min(settings().max_examples, 100))
@given(_HOSTILE, _HOSTILE)
def test_every_character_is_escaped_as_json_dumps_escapes_it(source, description):
    """Control characters, quotes, backslashes, DEL, U+2028/2029 and non-ASCII: same bytes."""
    provenance = Provenance(source="x" + source, quote="q" + description)
    dossier = Dossier(
        region=Region(code="64.11", name="Mahakam Ulu " + source),
        description="d" + description,
        provenance=(provenance,),
    )
    _assert_same(dossier)


@pytest.mark.property
@settings(max_examples=min(settings().max_examples, 100))
@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_every_decimal_the_model_admits_is_written_as_the_converter_writes_it(amount):
    """Exponents, negative zero, many digits: fixed-point text, as ``format(d, "f")``."""
    try:
        activity = Activity(id="a", name="n", fiscal_year=2024, planned=abs(amount))
    except ValidationError:
        return
    _assert_same(Dossier(region=Region(code="64.11", name="Mahakam Ulu"), activities=[activity]))


# --- examples --------------------------------------------------------------------------------


@pytest.mark.parametrize("amount", ["1E+3", "0E+5", "-0", "1E-7", "1.000E+2", "0.000001"])
def test_unusual_spellings_of_a_decimal_are_written_in_full(amount):
    """A decimal whose ``str()`` has an exponent is written fixed-point, as before."""
    activity = Activity(id="a", name="n", fiscal_year=2024, planned=Decimal(amount))
    dossier = Dossier(region=Region(code="64.11", name="Mahakam Ulu"), activities=[activity])
    _assert_same(dossier)
    assert '"planned": "' + format(Decimal(amount), "f") + '"' in dump_dossier(dossier)


def test_a_decimal_context_without_capitals_changes_nothing():
    """``str(Decimal)`` writes ``1e+3`` under ``capitals=0``: the text is still fixed-point."""
    activity = Activity(id="a", name="n", fiscal_year=2024, planned=Decimal("1E+3"))
    dossier = Dossier(region=Region(code="64.11", name="Mahakam Ulu"), activities=[activity])
    with decimal.localcontext(capitals=0):
        assert dossier_to_dict(dossier)["activities"][0]["planned"] == "1000"
        _assert_same(dossier)


def test_a_string_indent_falls_back_to_json_dumps():
    """An indentation the writer does not generate (a string) is json.dumps's own."""
    dossier = Dossier(region=Region(code="64.11", name="Mahakam Ulu"), description="d")
    expected = _reference(dossier, "\t")
    for fast in (False, True):
        assert _dump_dossier(dossier, indent="\t", fast_json=fast) == expected  # type: ignore[arg-type]


class _Colour(StrEnum):
    RED = "red"
    BLUE = "blue"


@attrs.frozen(kw_only=True)
class _Inner:
    when: dt.date | None = None
    shares: dict[str, Decimal] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class _Mixed:
    first: int | None = None  # written after the required fields, as cattrs orders them
    name: str
    colour: _Colour = _Colour.RED
    flag: bool = False
    big: int = 0
    inners: tuple[_Inner, ...] = ()
    nested: tuple[tuple[str, ...], ...] | None = None
    maybe: Decimal | None = attrs.field(default=Decimal(1))


_MIXED_CASES = [
    _Mixed(name="a"),
    _Mixed(name="b", first=3, colour=_Colour.BLUE, flag=True, maybe=None),
    _Mixed(
        name="c",
        big=2**70,  # beyond orjson's 64 bits: the standard library writes it
        inners=(_Inner(), _Inner(when=dt.date(2024, 2, 29), shares={"x": Decimal("1E+2")})),
        nested=((), ("p", "q")),
        maybe=Decimal("-0.50"),
    ),
]


@pytest.mark.parametrize("value", _MIXED_CASES)
@pytest.mark.parametrize("omit_unknown", [True, False])
@pytest.mark.parametrize("fast", FAST)
@pytest.mark.parametrize("indent", INDENTS)
def test_any_attrs_class_of_known_field_types_is_written_as_the_converter_writes_it(
    value, omit_unknown, fast, indent
):
    """Field order, defaults, enums, nested collections, dicts of decimals, big integers."""
    data = make_converter(omit_unknown=omit_unknown).unstructure(value)
    assert _encode.to_dict(value, _Mixed, omit_unknown=omit_unknown) == data
    expected = _json_dumps(data, indent)
    text = _encode.dump(value, _Mixed, indent=indent, fast_json=fast, omit_unknown=omit_unknown)
    assert text == expected


class _Day(dt.date):
    """A date subclass: orjson refuses it, so the generated writer writes it."""


@pytest.mark.parametrize("fast", FAST)
@pytest.mark.parametrize("indent", INDENTS)
def test_dates_and_enums_left_to_orjson_are_written_as_the_standard_library_writes_them(
    fast, indent
):
    """Years below 1000, a date subclass (orjson refuses it) and enums: the same text."""
    value = _Mixed(
        name="d",
        colour=_Colour.BLUE,
        inners=(_Inner(when=dt.date(1, 2, 3)), _Inner(when=dt.date(999, 12, 31))),
    )
    odd = _Mixed(name="e", inners=(_Inner(when=_Day(2024, 2, 29)),))
    for obj in (value, odd):
        expected = _json_dumps(_encode.to_dict(obj, _Mixed), indent)
        assert _encode.dump(obj, _Mixed, indent=indent, fast_json=fast) == expected
    assert '"when":"2024-02-29"' in _encode.dump(odd, _Mixed, indent=None, fast_json=fast)


def test_the_key_order_is_the_converters():
    """Fields always written come first, then the omittable ones, each in declaration order."""
    keys = ["name", "first", "colour", "flag", "maybe"]  # maybe: None is not its default
    assert list(_encode.to_dict(_MIXED_CASES[1], _Mixed)) == keys


def test_an_unknown_field_type_is_refused_when_generating():
    """A float (or any type without a generator) is refused, never written some other way."""

    @attrs.frozen
    class Floating:
        x: float

    with pytest.raises(_encode.UnsupportedTypeError, match="float"):
        _encode.encoders(Floating)


class _Level(IntEnum):
    LOW = 1


@pytest.mark.parametrize(
    "field_type", [int | str, tuple[int, int], dict[int, str], _Level], ids=str
)
def test_shapes_the_converter_writes_differently_are_refused(field_type):
    """Unions, fixed tuples, non-string keys and non-string enums are not generated."""
    cls = attrs.make_class("Shape", {"x": attrs.field(type=field_type)})
    with pytest.raises(_encode.UnsupportedTypeError):
        _encode.encoders(cls)


def test_a_default_that_takes_self_is_refused():
    """A default computed from the instance cannot be compared without it: refused."""

    @attrs.frozen
    class Derived:
        x: int = attrs.field(default=attrs.Factory(lambda self: 1, takes_self=True))

    with pytest.raises(_encode.UnsupportedTypeError, match="takes self"):
        _encode.encoders(Derived)


def test_the_generated_source_holds_no_literal_and_is_shown_in_tracebacks():
    """Every constant is a bound global; each class's source is registered in linecache."""
    enc = _encode.encoders(Dossier)
    filename = enc.compact.__code__.co_filename
    assert filename == "<sanitasi encode Dossier>"
    names = [name for name in linecache.cache if name.startswith("<sanitasi encode ")]
    assert len(names) >= 20
    for name in names:
        tree = ast.parse("".join(linecache.getlines(name)))
        # `None` is a keyword (as in `v is not None`), not data.
        literals = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)]
        assert set(literals) <= {None}, name


def test_an_error_inside_generated_code_names_its_source_line():
    """A traceback through a generated function shows the generated line."""
    broken = attrs.evolve(Dossier(region=Region(code="64.11", name="Mahakam Ulu")))
    object.__setattr__(broken, "region", object())  # a frozen object forced into a bad state
    with pytest.raises(AttributeError) as info:
        dossier_to_dict(broken)
    entries = [entry for entry in info.traceback if "sanitasi encode" in str(entry.path)]
    assert entries
    assert "o.code" in str(entries[-1].statement)


def test_data_orjson_refuses_is_reported_as_none():
    """``dumps_indent_2`` and ``dumps_compact`` leave what orjson cannot write to the caller."""
    if not _json.FAST_AVAILABLE:
        assert _json.dumps_indent_2({"a": 1}) is None
        assert _json.dumps_compact({"a": 1}) is None
        return
    assert _json.dumps_indent_2({"a": 2**70}) is None
    assert _json.dumps_compact({"a": 2**70}) is None
    assert _json.dumps_indent_2({"a": [1]}) == b'{\n  "a": [\n    1\n  ]\n}'
    assert _json.dumps_compact({"a": [1, {"b": "c"}]}) == b'{"a":[1,{"b":"c"}]}'


def test_one_line_text_is_compact_and_loads_as_before():
    """``indent=None`` writes no space outside strings; the data read back is unchanged."""
    dossier = Dossier(region=Region(code="64.11", name="Mahakam Ulu"), description="a, b: c")
    for fast in (False, True):
        text = _dump_dossier(dossier, indent=None, fast_json=fast)
        assert text == (
            '{"region":{"code":"64.11","name":"Mahakam Ulu"},'
            '"schema":"sanitasi.dossier/v2","description":"a, b: c"}'
        )
        assert json.loads(text) == json.loads(json.dumps(dossier_to_dict(dossier)))


@_NO_ORJSON
@pytest.mark.parametrize(
    "character", [chr(i) for i in range(0x80)] + ["\u2028", "\u2029", "\ufeff", "é", "😀"]
)
def test_orjson_escapes_every_character_as_the_standard_library(character):
    """The premise of the fast path, character by character, compact and with indent=2."""
    data: dict[str, Any] = {"k": [character], character: {}}
    expected = json.dumps(data, ensure_ascii=False, indent=2).encode()
    assert _json.dumps_indent_2(data) == expected
    compact = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    assert _json.dumps_compact(data) == compact


def test_the_wire_modules_decimal_hook_agrees_with_decimal_text():
    """``decimal_text`` is ``_wire._unstructure_decimal`` (fixed-point), only cheaper."""
    for text in ["1E+3", "-0", "0E-9", "123.4500", "1E-7", "-1.5E+4"]:
        value = Decimal(text)
        assert _encode.decimal_text(value) == _wire._unstructure_decimal(value)


def test_without_the_fast_extra_the_same_text_is_written(tmp_path):
    """With orjson hidden, ``dump_dossier`` writes the same text (the standard library's)."""
    script = tmp_path / "no_orjson.py"
    script.write_text(
        "import json, sys\n"
        "sys.modules['orjson'] = None  # import orjson now raises ImportError\n"
        "from sanitasi_core import _json\n"
        "from sanitasi_core.model import Dossier, Region\n"
        "from sanitasi_core.serialization import dump_dossier, dossier_to_dict\n"
        "assert not _json.FAST_AVAILABLE and _json.dumps_indent_2({}) is None\n"
        "assert _json.dumps_compact({}) is None\n"
        "region = Region(code='64.11', name='Mahakam \\u2028 Ulu')\n"
        "d = Dossier(region=region, description='\\x00')\n"
        "for indent in (None, 2):\n"
        "    compact = (',', ':') if indent is None else None\n"
        "    data = dossier_to_dict(d)\n"
        "    expected = json.dumps(data, ensure_ascii=False, indent=indent, separators=compact)\n"
        "    assert dump_dossier(d, indent=indent) == expected\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_a_converter_that_takes_the_instance_is_refused():
    """A default converted with the instance cannot be compared without it: refused."""

    def same(value: int, _self: object) -> int:
        return value

    converter = attrs.Converter(same, takes_self=True)
    field = attrs.field(type=int, default=1, converter=converter)
    converted = attrs.make_class("Converted", {"x": field})

    with pytest.raises(_encode.UnsupportedTypeError, match="converter"):
        _encode.encoders(converted)


@attrs.frozen(kw_only=True)
class _Sparse:
    name: str
    amount: Decimal | None = None
    when: dt.date | None = None
    colour: _Colour | None = None
    tags: tuple[str, ...] = ()


@pytest.mark.parametrize("omit_unknown", [True, False])
@pytest.mark.parametrize("indent", INDENTS)
def test_every_mix_of_written_and_omitted_fields_is_written_as_json_dumps_writes_it(
    omit_unknown, indent
):
    """Each omittable field written or left out, in every combination: the same text."""
    choices = itertools.product(
        (None, Decimal("-1.50"), Decimal("1E+3")),
        (None, dt.date(2024, 2, 29)),
        (None, _Colour.BLUE),
        ((), ('q"\n', "r")),
    )
    for amount, when, colour, tags in choices:
        value = _Sparse(name="s", amount=amount, when=when, colour=colour, tags=tags)
        data = make_converter(omit_unknown=omit_unknown).unstructure(value)
        text = _encode.dump(
            value, _Sparse, indent=indent, fast_json=False, omit_unknown=omit_unknown
        )
        assert text == _json_dumps(data, indent)
