"""The wire format (``sanitasi_core._wire``): renamed fields, value descriptions, error trees."""

import cattrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanitasi_core import _wire
from sanitasi_core.exceptions import DossierFormatError
from sanitasi_core.model import Provenance
from sanitasi_core.rules import Where, Window
from sanitasi_core.serialization import dossier_from_dict


@pytest.mark.parametrize(
    ("where", "data"),
    [
        (Where(field="kind", equals="coaching_clinic"), {"field": "kind", "is": "coaching_clinic"}),
        (Where(field="clinic", one_of=("1", "2")), {"field": "clinic", "in": ["1", "2"]}),
        (Where(field="date", within=Window.AS_OF), {"field": "date", "within": "as_of"}),
    ],
)
def test_renamed_fields_are_written_as_they_are_read(where, data):
    """A field with a wire name is written under that name and read back from it."""
    converter = _wire.make_converter()
    assert converter.unstructure(where) == data
    assert converter.structure(data, Where) == where


def test_long_values_are_cut_short_in_messages():
    """A value is shown in at most 60 characters, a huge integer without printing it."""
    shown = _wire.describe("x" * 100)
    assert shown.en == f'"{"x" * 56}... (string)'
    assert _wire.describe(10**5000).en == "<too long to show> (number)"
    assert _wire.describe([1, 2]).en == "an array"


def test_a_mapping_must_be_an_object():
    """A mapping field given an array is reported at its path."""
    data = {
        "schema": "sanitasi.dossier/v1",
        "region": {"code": "64.11", "name": "Kabupaten Mahakam Ulu"},
        "ehra": [{"village": "64.11.01.2001", "year": 2023, "scores": ["80"]}],
    }
    with pytest.raises(DossierFormatError) as info:
        dossier_from_dict(data)
    (problem,) = info.value.problems
    assert problem.path == "$.ehra[0].scores"
    assert problem.text.en == "expected an object, got an array"


def test_exception_groups_are_walked():
    """Problems inside a plain exception group keep the path they were raised at."""
    group = ExceptionGroup("two", [_wire.WireTypeError("a string", 3), _wire.MissingTagError()])
    problems = list(_wire.problems_from(group, "$.x"))
    assert [(p.path, p.code) for p in problems] == [
        ("$.x", "expected_type"),
        ("$.x.schema", "missing_field"),
    ]


def test_structure_reports_errors_of_a_plain_converter():
    """Without detailed validation, unknown keys and missing fields are still problems."""
    plain = cattrs.Converter(forbid_extra_keys=True, detailed_validation=False)
    problems = _wire.structure(plain, {"source": "NAWASIS", "bogus": 1}, Provenance)
    assert isinstance(problems, list)
    (extra,) = problems
    assert (extra.path, extra.code) == ("$", "unknown_fields")
    problems = _wire.structure(plain, {}, Provenance)
    assert isinstance(problems, list)
    (missing,) = problems
    assert (missing.path, missing.code) == ("$", "missing_field")
    assert "source" in missing.text.en


@given(st.integers(min_value=0, max_value=400), st.integers(min_value=1, max_value=3))
@settings(max_examples=25, deadline=None)
def test_problems_beyond_the_cap_are_counted_exactly(items: int, extra: int) -> None:
    """However many bad items, the problems kept plus those omitted are all of them."""
    from sanitasi_core.exceptions import MAX_PROBLEMS, DossierFormatError  # noqa: PLC0415
    from sanitasi_core.serialization import dossier_from_dict  # noqa: PLC0415

    data = {
        "schema": "sanitasi.dossier/v2",
        "region": {"code": "64.11", "name": "Kabupaten Mahakam Ulu"},
        # Each bad activity: three required fields missing, and unknown keys (one problem).
        "activities": [{f"bad{k}": i for k in range(extra)} for i in range(items)],
    }
    if not items:
        dossier_from_dict(data)
        return
    with pytest.raises(DossierFormatError) as caught:
        dossier_from_dict(data)
    assert len(caught.value.problems) == min(4 * items, MAX_PROBLEMS)
    assert len(caught.value.problems) + caught.value.omitted == 4 * items


def test_memory_of_many_bad_items_does_not_grow_with_them() -> None:
    """Ten times the bad items cost no more memory beyond the document: only a count grows."""
    import gc  # noqa: PLC0415
    import tracemalloc  # noqa: PLC0415

    from sanitasi_core.exceptions import DossierFormatError  # noqa: PLC0415
    from sanitasi_core.serialization import dossier_from_dict  # noqa: PLC0415

    def document(items: int) -> dict[str, object]:
        return {
            "schema": "sanitasi.dossier/v2",
            "region": {"code": "64.11", "name": "Kabupaten Mahakam Ulu"},
            "activities": [{"bad": i} for i in range(items)],
        }

    def peak(items: int) -> int:
        data = document(items)
        gc.collect()
        tracing = tracemalloc.is_tracing()  # another test may have left it on: measure a delta
        if not tracing:
            tracemalloc.start()
        base, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        with pytest.raises(DossierFormatError) as caught:
            dossier_from_dict(data)
        _, top = tracemalloc.get_traced_memory()
        if not tracing:
            tracemalloc.stop()
        assert caught.value.omitted > 0
        return top - base

    peak(300)  # the converter and the region register are built once, on first use
    assert peak(20_000) < 2 * peak(2_000)


def _depth(value: object) -> int:
    """The nesting depth of decoded JSON, by definition (recursive): a scalar is 1."""
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 1


_JSON = st.recursive(
    st.none() | st.integers() | st.text(max_size=2),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=2), inner),
    max_leaves=30,
)


@given(_JSON, st.integers(min_value=0, max_value=8))
def test_the_depth_check_is_the_nesting_depth(value: object, limit: int) -> None:
    """``depth_ok`` says exactly whether the nesting depth is within the limit."""
    from sanitasi_core._wire import depth_ok  # noqa: PLC0415

    assert depth_ok(value, limit) == (_depth(value) <= limit)


def test_the_depth_check_holds_one_entry_per_level_not_per_item() -> None:
    """A list of 200,000 items is checked without a stack entry per item (memory of the depth)."""
    import tracemalloc  # noqa: PLC0415

    from sanitasi_core._wire import depth_ok  # noqa: PLC0415

    wide = [[0]] * 200_000
    tracemalloc.start()
    assert depth_ok(wide, 3)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 64 * 1024
