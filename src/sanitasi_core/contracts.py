"""The JSON contracts of sanitasi-core: one JSON Schema per document kind the library writes.

Apps in other languages validate milestone eligibility through our JSON; each kind of document
carries its version in ``schema`` and has a JSON Schema (draft 2020-12, self-contained, with an
``$id``) shipped in the package and printed by ``sanitasi schema KIND``:

``dossier``
    ``sanitasi.dossier/v2``: the input (see :mod:`sanitasi_core.serialization`).
``decision``
    ``sanitasi.decision/v2``: what ``sanitasi evaluate --format json`` writes, one per district
    and date. Every key is present at every level, ``null`` when a value is unknown.
``rulebook``
    ``sanitasi.rulebook/v1``: a rulebook file (TOML and JSON share the structure), as people
    write it or as :func:`~sanitasi_core.rules.dump_rulebook` writes it.
``ladder-result``
    ``sanitasi.ladder-result/v1``: what ``sanitasi access --format json`` writes.
``problems``
    ``sanitasi.problems/v1`` (the problems of one input) or ``sanitasi.validation/v1`` (one
    problems document per input, what ``sanitasi validate --format json`` writes).

The decision and rulebook schemas are generated from the attrs model, the ladder-result and
problems schemas are written here as data; a test keeps every shipped file equal to what
:func:`build_json_schema` generates. Regenerate them with ``python -m sanitasi_core.contracts``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from importlib import resources
from typing import Any, Final

import attrs

from sanitasi_core import _schema, _wire
from sanitasi_core.households import LADDER_RESULT_SCHEMA
from sanitasi_core.ladder import LADDER_KEYS
from sanitasi_core.model import DOSSIER_SCHEMA
from sanitasi_core.rules import DECISION_SCHEMA, OBSERVED_TAGS, RULEBOOK_SCHEMA, Decision, Rulebook
from sanitasi_core.rules.language import NODE_TAGS, Node
from sanitasi_core.rules.results import Observed
from sanitasi_core.serialization import (
    PROBLEMS_SCHEMA,
    VALIDATION_SCHEMA,
    build_dossier_json_schema,
)

__all__ = [
    "SCHEMA_BASE",
    "SCHEMA_FILES",
    "SCHEMA_KINDS",
    "SCHEMA_TAGS",
    "build_json_schema",
    "json_schema",
    "schema_id",
]

SCHEMA_KINDS: Final = ("dossier", "decision", "rulebook", "ladder-result", "problems")
"""The document kinds that have a JSON Schema, in the order ``sanitasi schema`` lists them."""

SCHEMA_TAGS: Final[Mapping[str, tuple[str, ...]]] = {
    "dossier": (DOSSIER_SCHEMA,),
    "decision": (DECISION_SCHEMA,),
    "rulebook": (RULEBOOK_SCHEMA,),
    "ladder-result": (LADDER_RESULT_SCHEMA,),
    "problems": (PROBLEMS_SCHEMA, VALIDATION_SCHEMA),
}
"""The ``schema`` values (format name and version) each kind's schema accepts."""

SCHEMA_FILES: Final[Mapping[str, str]] = {
    "dossier": "dossier-v2.schema.json",
    "decision": "decision-v2.schema.json",
    "rulebook": "rulebook-v1.schema.json",
    "ladder-result": "ladder-result-v1.schema.json",
    "problems": "problems-v1.schema.json",
}
"""The file of each kind's schema in the package's ``schemas`` folder (named by its version)."""

SCHEMA_BASE: Final = "https://sanitasi-core.readthedocs.io/schemas/"
"""Where the schemas' ``$id`` point: ``SCHEMA_BASE`` followed by the file name."""

_DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"
_NON_BLANK: Final = r"\S"
_WEIGHT: Final = {"type": "string", "pattern": r"^[0-9]+(\.[0-9]+)?$"}
_SHARE: Final = {"type": "string", "pattern": r"^(100|[0-9]{1,2})\.[0-9]{2}$"}
_COUNT: Final = {"type": "integer", "minimum": 0}


def schema_id(kind: str) -> str:
    """Return the ``$id`` of the schema of *kind*.

    Raises:
        KeyError: if *kind* is not one of :data:`SCHEMA_KINDS`.
    """
    return SCHEMA_BASE + SCHEMA_FILES[kind]


def json_schema(kind: str = "dossier") -> dict[str, Any]:
    """Return the shipped JSON Schema (draft 2020-12) of the document kind *kind*.

    It is read from package data on each call; nothing is read at import time.

    Args:
        kind: one of :data:`SCHEMA_KINDS`.

    Raises:
        KeyError: if *kind* is not one of :data:`SCHEMA_KINDS`.
    """
    path = resources.files("sanitasi_core") / "schemas" / SCHEMA_FILES[kind]
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


def build_json_schema(kind: str) -> dict[str, Any]:
    """Generate the JSON Schema of *kind* (what is shipped, freshly built).

    Raises:
        KeyError: if *kind* is not one of :data:`SCHEMA_KINDS`.
    """
    return _BUILDERS[kind]()


# --------------------------------------------------------------------------------------------
# Generated from the model: decisions and rulebooks
# --------------------------------------------------------------------------------------------


class _UnionSchemaBuilder(_schema.SchemaBuilder):
    """A :class:`~sanitasi_core._schema.SchemaBuilder` that knows the tagged unions.

    A union registered with a tag (``Observed`` by ``kind``, ``Node`` by ``op``) becomes a
    ``oneOf`` of its members, each of which requires its tag with a ``const`` value, as the
    converter reads and writes it. It also remembers every class it defined, so that wire names
    (``Where.equals`` is written ``is``) can be applied afterwards.
    """

    def __init__(self, unions: Mapping[str, tuple[Any, Mapping[str, type]]]) -> None:
        tag_fields = {
            cls: {tag_name: {"const": tag}}
            for tag_name, (_, tags) in unions.items()
            for tag, cls in tags.items()
        }
        super().__init__(tag_fields)
        self._unions = [(union, tags) for union, tags in unions.values()]
        self.classes: dict[str, type] = {}

    def type_schema(self, t: Any, **options: Any) -> dict[str, Any]:
        """Return the schema of *t*; a tagged union is a ``oneOf`` of its tagged members.

        Args:
            t: the type.
            **options: passed on to the base class (a field's rule).
        """
        for union, tags in self._unions:
            if t == union:
                return {"oneOf": [self.type_schema(cls) for cls in tags.values()]}
        if isinstance(t, type) and attrs.has(t):
            self.classes[t.__name__] = t
        return super().type_schema(t, **options)


def _apply_wire_names(builder: _UnionSchemaBuilder) -> None:
    """Name the properties of fields with a wire name (``metadata["wire"]``) by that name."""
    for name, cls in builder.classes.items():
        renames = {a.name: a.metadata["wire"] for a in attrs.fields(cls) if "wire" in a.metadata}
        if not renames:
            continue
        definition = builder.defs[name]
        definition["properties"] = {
            renames.get(key, key): value for key, value in definition["properties"].items()
        }
        definition["required"] = [renames.get(key, key) for key in definition["required"]]


def _non_blank_texts(defs: dict[str, Any]) -> None:
    # The wire format refuses a blank ``id`` or ``en`` of a bilingual text wherever it enters.
    text = defs["Text"]
    for lang in ("id", "en"):
        text["properties"][lang] = {**text["properties"][lang], "pattern": _NON_BLANK}


def _assemble(
    builder: _UnionSchemaBuilder, root: type, *, kind: str, tag: str, title: str
) -> dict[str, Any]:
    """The document schema of *root*: its definition at the top, ``schema`` fixed to *tag*."""
    _apply_wire_names(builder)
    _non_blank_texts(builder.defs)
    top = dict(builder.defs[root.__name__])
    properties = dict(top["properties"])
    properties["schema"] = {**properties["schema"], "const": tag}
    top["properties"] = properties
    # A document always states its format tag, though the Python field has a default.
    top["required"] = ["schema", *(name for name in top["required"] if name != "schema")]
    return {
        "$schema": _DRAFT,
        "$id": schema_id(kind),
        **{k: v for k, v in top.items() if k != "title"},
        "title": title,
        "$defs": {k: v for k, v in sorted(builder.defs.items()) if k != root.__name__},
    }


def _decision_schema() -> dict[str, Any]:
    builder = _UnionSchemaBuilder({"kind": (Observed, OBSERVED_TAGS)})
    builder.type_schema(Decision)
    # Decisions are written with every key, null when unknown: every key is required.
    for definition in builder.defs.values():
        definition["required"] = list(definition["properties"])
    return _assemble(
        builder,
        Decision,
        kind="decision",
        tag=DECISION_SCHEMA,
        title=f"sanitasi-core decision ({DECISION_SCHEMA})",
    )


def _rulebook_schema() -> dict[str, Any]:
    builder = _UnionSchemaBuilder({"op": (Node, NODE_TAGS)})
    builder.type_schema(Rulebook)
    schema = _assemble(
        builder,
        Rulebook,
        kind="rulebook",
        tag=RULEBOOK_SCHEMA,
        title=f"sanitasi-core rulebook ({RULEBOOK_SCHEMA})",
    )
    _rulebook_file_forms(schema)
    schema["description"] = f"{schema['description']} {_RULEBOOK_LIBRARY_ONLY}"
    return schema


_RULEBOOK_LIBRARY_ONLY: Final = (
    "Rules that relate several values (indicators and facts of the catalogue, the operators "
    "an indicator allows, references to definitions, thresholds and sources, unique ids, "
    "milestones in order) are checked by the library only: "
    "sanitasi rulebook check."
)


def _rulebook_file_forms(schema: dict[str, Any]) -> None:
    """Add what a rulebook file may write for convenience (see ``rules/_loading.py``).

    A top-level ``sources`` library whose entries references may name by ``id``, and a plain
    string ``basis`` (a citation, the same in both languages). A dumped rulebook uses neither.
    """
    defs = schema["$defs"]
    source = defs["Source"]
    defs["SourceEntry"] = {
        **source,
        "title": "SourceEntry",
        "description": "A source of the rulebook's library, which references name by its id.",
        "properties": {
            "id": {"type": "string", "description": "the id references use."},
            **source["properties"],
        },
        "required": ["id", *source["required"]],
    }
    schema["properties"] = {
        **schema["properties"],
        "sources": {
            "type": "array",
            "items": {"$ref": "#/$defs/SourceEntry"},
            "description": "a library of sources that references may name by id (files only).",
        },
    }
    citation = {"type": "string", "pattern": _NON_BLANK}
    source_or_id = {"anyOf": [{"$ref": "#/$defs/Source"}, {"type": "string"}]}
    for name in ("Reference", "NationalTarget"):
        properties = defs[name]["properties"]
        properties["basis"] = {
            **properties["basis"],
            "anyOf": [{"$ref": "#/$defs/Text"}, citation],
        }
        properties["basis"].pop("$ref", None)
        properties["sources"] = {**properties["sources"], "items": source_or_id}
    schema["$defs"] = dict(sorted(defs.items()))


# --------------------------------------------------------------------------------------------
# Written as data: ladder results and problems
# --------------------------------------------------------------------------------------------


def _text_def() -> dict[str, Any]:
    return {
        "type": "object",
        "title": "Text",
        "description": "A sentence in Bahasa Indonesia (id) and English (en).",
        "properties": {
            "id": {"type": "string", "pattern": _NON_BLANK},
            "en": {"type": "string", "pattern": _NON_BLANK},
        },
        "required": ["id", "en"],
        "additionalProperties": False,
    }


def _object(
    title: str, description: str, properties: dict[str, Any], **more: Any
) -> dict[str, Any]:
    """An object with exactly *properties*, every one required (written even when null)."""
    return {
        "type": "object",
        "title": title,
        "description": description,
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
        **more,
    }


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _ladder_result_schema() -> dict[str, Any]:
    weight = {**_WEIGHT, "description": "an exact weighted count (households), as a string."}
    share = {**_SHARE, "description": "a percentage with 2 decimals, as a string."}

    def by_key(title: str, item: dict[str, Any], what: str) -> dict[str, Any]:
        return _object(
            title,
            f"{what} per rung of the ladder, best first, then unknown (every key present).",
            dict.fromkeys(LADDER_KEYS, item),
        )

    area = {
        "rows": {**_COUNT, "description": "the number of household records."},
        "total_weight": {**weight, "description": "the households they stand for."},
        "counts": {"$ref": "#/$defs/Counts"},
        "shares": _nullable({"$ref": "#/$defs/Shares"})
        | {"description": "shares adding up to exactly 100.00; null with no rows."},
        "layak": _nullable(share) | {"description": "the akses layak share; null with no rows."},
        "unknown_share": _nullable(share)
        | {"description": "the share whose rung is unknown; null with no rows."},
    }
    date = {"type": "string", "format": "date", "pattern": _wire.DATE_PATTERN}
    top = {
        "schema": {"const": LADDER_RESULT_SCHEMA},
        "rows": area["rows"],
        "rejected_rows": {**_COUNT, "description": "rows rejected (not counted in the ladder)."},
        "rejected_problems": {**_COUNT, "description": "problems found in rejected rows."},
        "rejected": {
            "type": "array",
            "items": {"$ref": "#/$defs/Rejection"},
            "description": "the problems listed (the first ones; see rejected_problems).",
        },
        **{k: v for k, v in area.items() if k != "rows"},
        "unit_weights": {
            "type": "boolean",
            "description": "every weight is 1, so counts are numbers of households.",
        },
        "survey_dates": _object(
            "SurveyDates",
            "The earliest and latest survey dates; null with no rows.",
            {"first": _nullable(date), "last": _nullable(date)},
        ),
        "area_unknown": _object(
            "AreaUnknown",
            "The records whose area (urban or rural) is not known: in the total only.",
            {"rows": _COUNT, "total_weight": weight},
        ),
        "by_area": _object(
            "ByArea",
            "The ladder of the urban and of the rural households.",
            {"urban": {"$ref": "#/$defs/AreaSummary"}, "rural": {"$ref": "#/$defs/AreaSummary"}},
        ),
    }
    rejection = _object(
        "Rejection",
        "A problem of a rejected row of the household file.",
        {
            "row": {"type": "integer", "minimum": 1, "description": "the 1-based data row."},
            "line": {"type": "integer", "minimum": 1, "description": "the 1-based file line."},
            "column": _nullable({"type": "string"})
            | {"description": "the column at fault; null for the row as a whole."},
            "code": {"type": "string", "description": "a stable message code, for programs."},
            "message": {"$ref": "#/$defs/Text"},
        },
    )
    return {
        "$schema": _DRAFT,
        "$id": schema_id("ladder-result"),
        **_object(
            f"sanitasi-core ladder result ({LADDER_RESULT_SCHEMA})",
            "The sanitation ladder of a household survey file (sanitasi access --format json).",
            top,
        ),
        "$defs": {
            "AreaSummary": _object("AreaSummary", "The ladder of a set of households.", area),
            "Counts": by_key("Counts", weight, "The exact weighted count"),
            "Rejection": rejection,
            "Shares": by_key("Shares", share, "The share in percent"),
            "Text": _text_def(),
        },
    }


def _problems_schema() -> dict[str, Any]:
    problem = _object(
        "Problem",
        "One thing wrong with an input, with where it is.",
        {
            "path": {
                "type": "string",
                "description": 'the JSON path ($.activities[3].planned); "" for the whole input.',
            },
            "code": {
                "type": "string",
                "description": "a stable code from the message catalogue, for programs.",
            },
            "message": {"$ref": "#/$defs/Text"},
            "file": _nullable({"type": "string"}) | {"description": "the file, when known."},
            "line": _nullable({"type": "integer", "minimum": 1})
            | {"description": "the 1-based line in file, when known."},
        },
    )
    document = _object(
        f"sanitasi-core problems ({PROBLEMS_SCHEMA})",
        "The problems of one input; valid is true exactly when there are none.",
        {
            "schema": {"const": PROBLEMS_SCHEMA},
            "source": _nullable({"type": "string"})
            | {"description": "the file (or FILE:LINE of JSON Lines) of the input, when known."},
            "valid": {"type": "boolean"},
            "problems": {
                "type": "array",
                "items": {"$ref": "#/$defs/Problem"},
                "description": "the problems kept, in the order found.",
            },
            "omitted": {**_COUNT, "description": "how many more problems were not kept."},
        },
    )
    validation = _object(
        f"sanitasi-core validation ({VALIDATION_SCHEMA})",
        "One problems document per input, valid ones included (sanitasi validate --format json).",
        {
            "schema": {"const": VALIDATION_SCHEMA},
            "valid": {"type": "boolean", "description": "whether every input is valid."},
            "inputs": {"type": "array", "items": {"$ref": "#/$defs/Problems"}},
        },
    )
    return {
        "$schema": _DRAFT,
        "$id": schema_id("problems"),
        "title": f"sanitasi-core problems ({PROBLEMS_SCHEMA}, {VALIDATION_SCHEMA})",
        "description": "The problems of one input, or of several inputs (told apart by schema).",
        "oneOf": [{"$ref": "#/$defs/Problems"}, {"$ref": "#/$defs/Validation"}],
        "$defs": {
            "Problem": problem,
            "Problems": document,
            "Text": _text_def(),
            "Validation": validation,
        },
    }


_BUILDERS: Final[Mapping[str, Callable[[], dict[str, Any]]]] = {
    "dossier": build_dossier_json_schema,
    "decision": _decision_schema,
    "rulebook": _rulebook_schema,
    "ladder-result": _ladder_result_schema,
    "problems": _problems_schema,
}


def _schema_text(kind: str) -> str:
    """The shipped file's text for *kind*: the schema, indented by 2, with a final newline."""
    return json.dumps(build_json_schema(kind), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # pragma: no cover - maintainer tool
    # The dossier schema is written by ``python -m sanitasi_core.serialization``.
    for _kind in SCHEMA_KINDS[1:]:
        _target = resources.files("sanitasi_core") / "schemas" / SCHEMA_FILES[_kind]
        with resources.as_file(_target) as _path:
            _path.write_text(_schema_text(_kind), encoding="utf-8")
