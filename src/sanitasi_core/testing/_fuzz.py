"""Broken input for fuzzing the loaders and parsers: JSON values, mutated documents and texts.

Valid dossier and rulebook documents, or valid texts, broken by a few random mutations near the
accepted language; the result may by chance still be valid.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import attrs
from hypothesis import strategies as st

from sanitasi_core.model import Dossier
from sanitasi_core.testing._dossiers import dossiers
from sanitasi_core.testing._rulebooks import rulebooks

__all__ = [
    "dossier_like_objects",
    "json_values",
    "mutated_documents",
    "mutated_rulebook_documents",
    "mutated_texts",
]

_TRICKY_STRINGS = (
    "",
    " ",
    "None",
    "null",
    "false",
    "true",
    "2024-07-15",
    "2024-02-30",
    "15/07/2024",
    "1250000.00",
    "1,5",
    "1e3",
    "NaN",
    "-0",
    "64.11",
    "99.01",
    "1.03.05.2.01.0044",
    "M4",
    "apbd_district",
    "coaching_clinic",
    "sanitasi.dossier/v1",
)


@functools.cache
def json_values(*, allow_nan: bool = True) -> st.SearchStrategy[Any]:
    """Arbitrary JSON-like values: null, booleans, numbers, text, arrays and objects.

    Args:
        allow_nan: include NaN and infinities (Python's ``json`` writes them; JSON has none).
    """
    scalars = (
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=allow_nan, allow_infinity=allow_nan)
        | st.text(max_size=20)
        | st.sampled_from(_TRICKY_STRINGS)
    )
    return st.recursive(
        scalars,
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(st.text(max_size=10), children, max_size=4)
        ),
        max_leaves=12,
    )


def _locations(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path (keys and indices) to a value inside *node*, the root included."""
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_locations(value, (*path, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_locations(value, (*path, index)))
    return found


def _mutate(draw: st.DrawFn, document: Any) -> Any:
    """Apply one random mutation at one random place of *document* (changed in place)."""
    path = draw(st.sampled_from(_locations(document)))
    value = document
    for step in path:
        value = value[step]
    operation = draw(st.sampled_from(("drop", "retype", "unknown_key", "deep_nest", "duplicate")))
    if operation == "unknown_key" and isinstance(value, dict):
        value[draw(st.text(max_size=12))] = draw(json_values())
        return document
    if operation == "duplicate" and isinstance(value, list) and value:
        value.append(value[draw(st.integers(0, len(value) - 1))])
        return document
    if not path:  # the root itself: replace or wrap it
        if operation == "deep_nest":
            return _nest(document, draw(st.integers(1, 40)), draw(st.booleans()))
        return draw(json_values())
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if operation == "drop":
        del parent[last]
    elif operation == "deep_nest":
        parent[last] = _nest(value, draw(st.integers(1, 40)), draw(st.booleans()))
    else:
        parent[last] = draw(json_values())
    return document


def _nest(value: Any, depth: int, in_lists: bool) -> Any:
    for _ in range(depth):
        value = [value] if in_lists else {"x": value}
    return value


@st.composite
def _mutated_document(draw: st.DrawFn) -> Any:
    from sanitasi_core.serialization import dossier_to_dict  # noqa: PLC0415  # cattrs, when drawn

    document: Any = dossier_to_dict(draw(dossiers()))
    for _ in range(draw(st.integers(1, 3))):
        document = _mutate(draw, document)
    return document


@functools.cache
def mutated_documents() -> st.SearchStrategy[Any]:
    """Valid dossier documents (decoded JSON) broken by one to three random mutations.

    A mutation drops a key or an array item, replaces a value by an arbitrary JSON value,
    inserts an unknown key, duplicates an array item, or nests a value up to 40 levels deep.
    The result may by chance still be valid.
    """
    return _mutated_document()


@functools.cache
def dossier_like_objects() -> st.SearchStrategy[dict[str, Any]]:
    """JSON objects with the dossier's keys (some of them) holding arbitrary JSON values."""
    keys = [f.name for f in attrs.fields(Dossier)]
    return st.fixed_dictionaries(
        {},
        optional={key: json_values() for key in keys}
        | {"schema": st.just("sanitasi.dossier/v1") | json_values()},
    )


@st.composite
def _mutated_rulebook_document(draw: st.DrawFn) -> Any:
    from sanitasi_core.rules import dump_rulebook  # noqa: PLC0415  # cattrs, when drawn

    document: Any = json.loads(dump_rulebook(draw(rulebooks(max_criteria=2))))
    for _ in range(draw(st.integers(1, 3))):
        document = _mutate(draw, document)
    return document


@functools.cache
def mutated_rulebook_documents() -> st.SearchStrategy[Any]:
    """Valid rulebook documents (decoded JSON) broken by one to three random mutations.

    The mutations are those of :func:`mutated_documents`; the result may still be valid.
    """
    return _mutated_rulebook_document()


_TEXT_MUTATIONS = ("delete", "insert", "replace", "duplicate", "truncate", "swap")


def _mutate_text(draw: st.DrawFn, text: str) -> str:
    operation = draw(st.sampled_from(_TEXT_MUTATIONS))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, min(len(text), start + 16)))
    if operation == "delete":
        return text[:start] + text[end:]
    if operation == "insert":
        return text[:start] + draw(_NOISE) + text[start:]
    if operation == "replace":
        return text[:start] + draw(_NOISE) + text[end:]
    if operation == "duplicate":
        return text[:end] + text[start:end] * draw(st.integers(1, 3)) + text[end:]
    if operation == "truncate":
        return text[:start]
    other = draw(st.integers(0, len(text)))  # swap two slices of up to 16 characters
    low, high = sorted((start, other))
    return text[:low] + text[high : high + 16] + text[low + 16 : high] + text[low : low + 16]


_NOISE = st.sampled_from(
    ('"', "'", ",", ".", "-", "/", "\n", "\r", "\x00", "\ufeff", "[", "]", "{", "}", "=", " ")
) | st.text(max_size=6)


@st.composite
def _mutated_text(draw: st.DrawFn, base: st.SearchStrategy[str], max_mutations: int) -> str:
    text = draw(base)
    for _ in range(draw(st.integers(1, max_mutations))):
        text = _mutate_text(draw, text)
    return text


@functools.cache
def mutated_texts(
    base: st.SearchStrategy[str], *, max_mutations: int = 3
) -> st.SearchStrategy[str]:
    """Texts of *base* broken by one to *max_mutations* character-level mutations.

    A mutation deletes, inserts or replaces a short slice (with quotes, separators, line
    breaks, NUL, a byte-order mark, brackets or any short text), duplicates or swaps slices, or
    cuts the text short. Use it on valid documents (:func:`household_documents`,
    :func:`date_texts`, a TOML file …) to fuzz a parser near its accepted language. The result
    may by chance still be valid.

    Args:
        base: the texts to mutate.
        max_mutations: the most mutations applied to one text.
    """
    return _mutated_text(base, max_mutations)
