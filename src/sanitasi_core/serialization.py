"""Reading and writing the JSON formats of dossiers and decisions.

Dossiers are ``sanitasi.dossier/v2`` (v1 is still read), decisions ``sanitasi.decision/v2``.

The format is defined once, by the converter in :mod:`sanitasi_core._wire`. A document that is
not valid raises one :class:`~sanitasi_core.exceptions.DossierFormatError` listing **every**
problem with its JSON path, e.g. ``$.activities[3].planned: expected a decimal string such as
"1250000.00", got 12.5 (number)``.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from typing import Any, Final

import attrs
import cattrs

from sanitasi_core import _decode, _encode, _json, _wire
from sanitasi_core._messages import text as message
from sanitasi_core.exceptions import DecisionFormatError, DossierFormatError, Problem
from sanitasi_core.model import DOSSIER_SCHEMA, DOSSIER_SCHEMAS, Dossier
from sanitasi_core.rules import DECISION_SCHEMA, OBSERVED_TAGS, Decision, Observed

__all__ = [
    "PROBLEMS_SCHEMA",
    "VALIDATION_SCHEMA",
    "build_dossier_json_schema",
    "decision_from_dict",
    "decision_to_dict",
    "dossier_from_dict",
    "dossier_json_schema",
    "dossier_to_dict",
    "dump_decision",
    "dump_dossier",
    "load_decision",
    "load_dossier",
    "make_converter",
    "observed_to_dict",
    "problem_to_dict",
    "problems_to_dict",
    "stream_validation",
    "validation_to_dict",
]


def make_converter(*, omit_unknown: bool = True) -> cattrs.Converter:
    """Return a new converter that reads and writes the dossier and decision formats.

    It is the one definition of the wire format (exact decimals as strings, ISO dates, enums by
    value, unknown fields refused, unions with a stable tag); extend it to embed our types in a
    format of your own.

    Args:
        omit_unknown: leave out unknown (``None``) and empty default fields, as dossiers are
            written; decisions are written with ``False``: every key, ``null`` when unknown.
    """
    conv = _wire.make_converter(omit_unknown=omit_unknown)
    # A criterion's observed value is one of four shapes, told apart by "kind".
    _wire.register_tagged_union(conv, Observed, OBSERVED_TAGS, "kind")
    return conv


@functools.cache
def _converter() -> cattrs.Converter:
    # Built on first use, not at import: building hooks costs time `import sanitasi_core` must not.
    return make_converter()


@functools.cache
def _decision_converter() -> cattrs.Converter:
    # Decisions keep every key (null when unknown): consumers never have to guess a key.
    return make_converter(omit_unknown=False)


_V1: Final = DOSSIER_SCHEMAS[0]


def _from_v1(data: dict[str, Any]) -> dict[str, Any]:
    """Return a v1 document as the v2 document it names.

    v2 only adds: optional fields and collections, and renames a designation's ``year`` to
    ``programme_year`` (which v2 also lets be unknown).
    """
    out = dict(data, schema=DOSSIER_SCHEMA)
    designations = data.get("designations")
    if isinstance(designations, list):
        out["designations"] = [
            {("programme_year" if k == "year" else k): v for k, v in d.items()}
            if isinstance(d, dict)
            else d
            for d in designations
        ]
    return out


_V2_NAME = re.compile(r"^(\$\.designations\[\d+\])\.programme_year")


def _v1_path(problem: Problem) -> Problem:
    """Name a problem of a v1 document by the v1 field it is about."""
    return attrs.evolve(problem, path=_V2_NAME.sub(r"\1.year", problem.path))


def dossier_from_dict(data: object, *, source: str | None = None) -> Dossier:
    """Build a dossier from decoded JSON data (dicts, lists, strings, numbers).

    Documents of format v1 are read too, as the v2 document they name; the dossier returned is
    always v2 (and :func:`dump_dossier` writes v2).

    Args:
        data: the decoded document.
        source: a file name or label, carried by the error.

    Raises:
        DossierFormatError: listing every problem with its JSON path.
    """
    # The optimistic fast path (it refuses v1); on any exception the detailed path decides,
    # so every problem (and its JSON path) is the detailed path's own.
    try:
        return _fast_dossier()(data)
    except Exception:  # noqa: S110  # the detailed path reports it
        pass
    return _detailed_dossier(data, source=source)


def _detailed_dossier(data: object, *, source: str | None) -> Dossier:
    """The detailed path of :func:`dossier_from_dict`: every problem, with its JSON path."""
    v1 = isinstance(data, dict) and data.get("schema") == _V1
    if v1:
        assert isinstance(data, dict)  # noqa: S101  # narrowed above
        data = _from_v1(data)
    result = _wire.structure(_converter(), data, Dossier)
    if isinstance(result, list):
        omitted = getattr(result, "omitted", 0)
        problems = [_v1_path(p) for p in result] if v1 else list(result)
        raise DossierFormatError(problems, source=source, omitted=omitted)
    return result


def load_dossier(document: str | bytes, *, source: str | None = None) -> Dossier:
    """Parse and validate a dossier from JSON text.

    Size and nesting depth are bounded, so hostile input is rejected cheaply.

    Args:
        document: the JSON text (``bytes`` are read as UTF-8, with or without a BOM).
        source: a file name or label, carried by the error.

    Raises:
        DossierFormatError: listing every problem with its JSON path.
    """
    return _load_dossier(document, source=source, fast_json=_json.FAST_AVAILABLE)


@functools.cache
def _fast_dossier() -> Callable[[object], Dossier]:
    # Generated on first use, not at import (like the converter).
    return _decode.make_fast_structure(Dossier)


def _load_dossier(document: str | bytes, source: str | None = None, *, fast_json: bool) -> Dossier:
    """:func:`load_dossier` with the parser of the fast path chosen (the benchmark runs both).

    The fast path (:mod:`sanitasi_core._decode`) validates each field once; on any exception
    the detailed path runs on the original document and reports every problem.
    """
    try:
        dossier: Dossier = _decode.load(document, _fast_dossier(), fast_json=fast_json)
    except Exception:  # noqa: S110  # the detailed path below reports it
        pass
    else:
        return dossier
    try:
        data = _wire.parse_json(document)
    except _wire.DocumentProblems as err:
        raise DossierFormatError(err.problems, source=source) from None
    return _detailed_dossier(data, source=source)


def dossier_to_dict(dossier: Dossier) -> dict[str, Any]:
    """Return the JSON-ready data of *dossier* (unknown fields are omitted)."""
    # Generated per class (:mod:`sanitasi_core._encode`): equal to the converter's unstructure.
    return _encode.to_dict(dossier, Dossier)


def dump_dossier(dossier: Dossier, *, indent: int | None = 2) -> str:
    """Return *dossier* as JSON text (UTF-8, Indonesian names unescaped).

    Args:
        dossier: the dossier to write.
        indent: spaces per level (the default, 2, is the layout of the examples), or ``None``
            for compact JSON on one line with no spaces between items (``{"a":1,"b":[2]}``):
            the smallest text, as ``json.dumps(..., separators=(",", ":"))``, orjson and
            msgspec write it.
    """
    return _dump_dossier(dossier, indent=indent, fast_json=_json.FAST_AVAILABLE)


def _dump_dossier(dossier: Dossier, *, indent: int | None, fast_json: bool) -> str:
    """:func:`dump_dossier` with the encoder chosen (the benchmark runs both).

    The text is ``json.dumps(dossier_to_dict(dossier), ensure_ascii=False, indent=indent)``,
    with ``separators=(",", ":")`` when *indent* is ``None``, byte for byte, whichever encoder
    writes it.
    """
    return _encode.dump(dossier, Dossier, indent=indent, fast_json=fast_json)


SCHEMA_ID = "https://sanitasi-core.readthedocs.io/schemas/dossier-v2.schema.json"


def _schema_file(version: str) -> str:
    """The shipped file of format *version*: ``dossier-v2.schema.json`` for v2."""
    if version not in DOSSIER_SCHEMAS:
        msg = f"no dossier schema for {version!r}; known: {', '.join(DOSSIER_SCHEMAS)}"
        raise ValueError(msg)
    return f"dossier-{version.rsplit('/', 1)[1]}.schema.json"


def build_dossier_json_schema(*, version: str = DOSSIER_SCHEMA) -> dict[str, Any]:
    """Generate the dossier JSON Schema from the model (what is shipped, freshly built).

    The shipped files are this function's output; a test keeps them identical. Regenerate with
    ``python -m sanitasi_core.serialization``.

    Args:
        version: the format version, ``sanitasi.dossier/v2`` (default) or ``…/v1``. A v1
            document is read as the v2 document it names, so its schema is v2's with the v1
            tag and a designation's ``year`` (the v1 name of ``programme_year``).

    Raises:
        ValueError: for a version the loader does not read.
    """
    from sanitasi_core import _schema, model  # noqa: PLC0415
    from sanitasi_core.decrees import Regulation  # noqa: PLC0415

    name = _schema_file(version)
    # Records with cross-field rules (checked after their fields), the region (a registry
    # look-up) and regulation numbers: their descriptions say what only the library checks.
    beyond = frozenset(
        cls
        for cls in vars(model).values()
        if isinstance(cls, type) and attrs.has(cls) and hasattr(cls, "__attrs_post_init__")
    ) | {model.Region, Regulation}
    schema = _schema.json_schema(
        Dossier,
        schema_id=SCHEMA_ID.replace(_schema_file(DOSSIER_SCHEMA), name),
        title=f"sanitasi-core dossier ({version})",
        const_fields={"schema": version},
        checked_beyond=beyond,
    )
    if version == _V1:
        designation = schema["$defs"]["Designation"]["properties"]
        year = dict(designation["programme_year"])
        year["description"] = "the v1 name of programme_year. " + year["description"]
        designation["year"] = year
    return schema


def dossier_json_schema(*, version: str = DOSSIER_SCHEMA) -> dict[str, Any]:
    """Return the shipped JSON Schema (draft 2020-12) of the dossier format.

    It is read from package data on each call; nothing is read at import time.

    Args:
        version: the format version, ``sanitasi.dossier/v2`` (default) or ``…/v1``.

    Raises:
        ValueError: for a version the loader does not read.
    """
    path = resources.files("sanitasi_core") / "schemas" / _schema_file(version)
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


# --------------------------------------------------------------------------------------------
# Decisions
# --------------------------------------------------------------------------------------------


def decision_to_dict(decision: Decision) -> dict[str, Any]:
    """Return the JSON-ready data of *decision* (``sanitasi.decision/v2``).

    Every key is written at every level, ``null`` when a value is unknown or absent: the keys of
    a decision document never depend on the data.
    """
    data: dict[str, Any] = _decision_converter().unstructure(decision)
    return data


def observed_to_dict(observed: Observed) -> dict[str, Any]:
    """Return an observed value as decision documents write it: ``{"kind": "number", ...}``."""
    data: dict[str, Any] = _decision_converter().unstructure(observed, unstructure_as=Observed)
    return data


def dump_decision(decision: Decision, *, indent: int | None = 2) -> str:
    """Return *decision* as JSON text."""
    return json.dumps(decision_to_dict(decision), ensure_ascii=False, indent=indent)


def decision_from_dict(data: object) -> Decision:
    """Build a decision from decoded JSON data.

    Raises:
        DecisionFormatError: listing the problems with their JSON paths.
    """
    if isinstance(data, dict) and "schema" in data and data["schema"] != DECISION_SCHEMA:
        # Another version of the format is refused as such, not read field by field.
        got = _wire.describe(data["schema"])
        found = message("schema_mismatch", expected=DECISION_SCHEMA, got=got)
        raise DecisionFormatError([Problem(path="$.schema", code="schema_mismatch", text=found)])
    result = _wire.structure(_decision_converter(), data, Decision)
    if isinstance(result, list):
        raise DecisionFormatError(result, DECISION_SCHEMA)
    return result


def load_decision(document: str | bytes) -> Decision:
    """Parse a decision from JSON text.

    Raises:
        DecisionFormatError: listing the problems with their JSON paths.
    """
    try:
        data = _wire.parse_json(document)
    except _wire.DocumentProblems as err:
        raise DecisionFormatError(err.problems, DECISION_SCHEMA) from None
    return decision_from_dict(data)


# Problems
# --------------------------------------------------------------------------------------------

PROBLEMS_SCHEMA: Final = "sanitasi.problems/v1"
"""The version tag of a problems document (what is wrong with one input)."""


def problem_to_dict(problem: Problem) -> dict[str, Any]:
    """Return one problem as problems documents write it; every key, ``null`` when unknown.

    Keys: ``path`` (JSON path, ``""`` for the whole input), ``code`` (stable, from the message
    catalogue), ``message`` (``{"id": ..., "en": ...}``), ``file`` and ``line``.
    """
    return {
        "path": problem.path,
        "code": problem.code,
        "message": {"id": problem.text.id, "en": problem.text.en},
        "file": problem.file,
        "line": problem.line,
    }


def problems_to_dict(
    source: str | None, problems: Iterable[Problem], *, omitted: int = 0
) -> dict[str, Any]:
    """Return a ``sanitasi.problems/v1`` document: the problems of one input.

    Args:
        source: the file (or ``FILE:LINE``) the input came from, when known.
        problems: the problems kept, in the order found.
        omitted: how many more problems were found and not kept.
    """
    listed = [problem_to_dict(p) for p in problems]
    return {
        "schema": PROBLEMS_SCHEMA,
        "source": source,
        "valid": not listed and not omitted,
        "problems": listed,
        "omitted": omitted,
    }


VALIDATION_SCHEMA: Final = "sanitasi.validation/v1"
"""The version tag of a validation document (the problems documents of several inputs)."""


def validation_to_dict(inputs: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Return a ``sanitasi.validation/v1`` document, as ``sanitasi validate --format json``.

    Keys: ``schema``, ``inputs`` (one problems document, :func:`problems_to_dict`, per input,
    valid inputs included, in the order read) and ``valid`` (every input is valid). ``valid``
    comes last so that the document can be written while the inputs are read
    (:func:`stream_validation`).

    Args:
        inputs: the problems documents of the inputs.
    """
    listed = list(inputs)
    return {
        "schema": VALIDATION_SCHEMA,
        "inputs": listed,
        "valid": all(document["valid"] for document in listed),
    }


def stream_validation(inputs: Iterable[dict[str, Any]]) -> Iterator[str]:
    """Yield the JSON text of :func:`validation_to_dict` piece by piece, one input at a time.

    Joined, the pieces are exactly ``json.dumps(validation_to_dict(inputs), indent=2,
    ensure_ascii=False)``; *inputs* is read one document at a time, never held whole.

    Args:
        inputs: the problems documents of the inputs.
    """
    yield f'{{\n  "schema": {json.dumps(VALIDATION_SCHEMA)},\n  "inputs": ['
    valid, first = True, True
    for document in inputs:
        valid = valid and bool(document["valid"])
        # Newlines inside strings are escaped by json.dumps: only the layout's are indented.
        text = json.dumps(document, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        yield ("\n    " if first else ",\n    ") + text
        first = False
    yield ("]" if first else "\n  ]") + f',\n  "valid": {json.dumps(valid)}\n}}'


if __name__ == "__main__":  # pragma: no cover - maintainer tool
    for version in DOSSIER_SCHEMAS:
        target = resources.files("sanitasi_core") / "schemas" / _schema_file(version)
        built = build_dossier_json_schema(version=version)
        text = json.dumps(built, indent=2, ensure_ascii=False) + "\n"
        with resources.as_file(target) as path:
            path.write_text(text, encoding="utf-8")
