"""JSON Schema (draft 2020-12) generated from the attrs model, matching the converter's rules.

The schema is deliberately a little looser than the loader: cross-field rules (a period's end
before its start, shares above 100 %) are checked by the model only. Every document the loader
accepts validates against the schema; the reverse need not hold.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import re
import typing
from decimal import Decimal
from typing import Any

import attrs

from sanitasi_core._wire import DATE_PATTERN, DECIMAL_PATTERN, is_optional, optional_inner

_SECTION = re.compile(r"^\s*Attributes:\s*$")
_ENTRY = re.compile(r"^\s{4}(\w+):\s*(.*)$")


def _attribute_docs(cls: type) -> dict[str, str]:
    """Read the Google-style ``Attributes:`` section of *cls*'s docstring."""
    docs: dict[str, str] = {}
    # Dedented first: Python 3.13 strips docstring indentation at compile time, 3.11 does not.
    lines = inspect.cleandoc(cls.__doc__ or "").splitlines()
    inside = False
    current: str | None = None
    for line in lines:
        if _SECTION.match(line):
            inside = True
            continue
        if not inside:
            continue
        match = _ENTRY.match(line)
        if match:
            current = match.group(1)
            docs[current] = match.group(2).strip()
        elif current and line.strip() and line.startswith(" " * 8):
            docs[current] += " " + line.strip()
        elif line.strip() and not line.startswith(" " * 4):
            break
    return docs


def _summary(cls: type) -> str:
    return (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ else cls.__name__


class SchemaBuilder:
    """Builds ``$defs`` for attrs classes reachable from a root class."""

    def __init__(self, tag_fields: dict[type, dict[str, Any]] | None = None) -> None:
        self.defs: dict[str, Any] = {}
        self._tag_fields = tag_fields or {}

    def type_schema(self, t: Any) -> dict[str, Any]:
        """Return the schema of Python type *t* as the converter writes it."""
        if is_optional(t):
            return {"anyOf": [self.type_schema(optional_inner(t)), {"type": "null"}]}
        origin = typing.get_origin(t)
        if origin is tuple:
            return {"type": "array", "items": self.type_schema(typing.get_args(t)[0])}
        if origin is dict:
            return {
                "type": "object",
                "additionalProperties": self.type_schema(typing.get_args(t)[1]),
            }
        if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
            return {"anyOf": [self.type_schema(a) for a in typing.get_args(t)]}
        if typing.get_origin(t) is typing.Literal:
            return {"enum": list(typing.get_args(t))}
        if t is str:
            return {"type": "string"}
        if t is bool:
            return {"type": "boolean"}
        if t is int:
            return {"type": "integer"}
        if t is Decimal:
            return {"type": "string", "pattern": DECIMAL_PATTERN}
        if t is dt.date:
            return {"type": "string", "format": "date", "pattern": DATE_PATTERN}
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return {"enum": [m.value for m in t]}
        if isinstance(t, type) and attrs.has(t):
            self._define(t)
            return {"$ref": f"#/$defs/{t.__name__}"}
        msg = f"no JSON Schema for type {t!r}"
        raise TypeError(msg)

    def _define(self, cls: type) -> None:
        name = cls.__name__
        if name in self.defs:
            return
        self.defs[name] = {}  # placeholder against recursion
        attrs.resolve_types(cls)  # string annotations (forward references) become types
        docs = _attribute_docs(cls)
        properties: dict[str, Any] = dict(self._tag_fields.get(cls, {}))
        required: list[str] = list(properties)
        for field in attrs.fields(cls):
            schema = self.type_schema(field.type)
            if field.name in docs:
                schema = {**schema, "description": docs[field.name]}
            properties[field.name] = schema
            if field.default is attrs.NOTHING:
                required.append(field.name)
        self.defs[name] = {
            "type": "object",
            "title": name,
            "description": _summary(cls),
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }


def json_schema(
    root: type, *, schema_id: str, title: str, const_fields: dict[str, str]
) -> dict[str, Any]:
    """Return a draft 2020-12 schema for documents whose top level is *root*.

    Args:
        root: the attrs class at the top of the document.
        schema_id: the ``$id`` of the schema.
        title: its title.
        const_fields: fields of *root* whose value is fixed (e.g. ``schema``).
    """
    builder = SchemaBuilder()
    builder.type_schema(root)
    top = dict(builder.defs[root.__name__])
    properties = dict(top["properties"])
    for name, value in const_fields.items():
        properties[name] = {**properties[name], "const": value}
    top["properties"] = properties
    top["required"] = sorted(set(top["required"]) | set(const_fields))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id,
        **{k: v for k, v in top.items() if k != "title"},
        "title": title,
        "$defs": {k: v for k, v in sorted(builder.defs.items()) if k != root.__name__},
    }
