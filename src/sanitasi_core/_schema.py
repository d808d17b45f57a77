"""JSON Schema (draft 2020-12) generated from the attrs model, matching the converter's rules.

Each field's single-field rules (non-blank text, code patterns, ranges, decimal places and
digits, non-empty objects) are read from its validator (:class:`~sanitasi_core._validators.Rule`,
carried by each :class:`~sanitasi_core._validators.Check`), so the schema states what the model
checks. The rules a schema cannot state (cross-field, cross-record, registry look-ups) are
checked by the library only; their problem codes are :data:`LIBRARY_ONLY_CODES`, which the
format reference lists. Every document the loader accepts validates against the schema; a
document the schema accepts is accepted by the loader unless it breaks one of those rules.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import re
import typing
from decimal import Decimal
from typing import Any, Final

import attrs

from sanitasi_core._validators import DECIMAL, Rule, rule_of
from sanitasi_core._wire import (
    DATE_PATTERN,
    DECIMAL_PATTERN,
    MAX_INTEGER,
    is_optional,
    optional_inner,
)

LIBRARY_ONLY_CODES: Final = (
    # text that is not valid Unicode (a JSON escape of a lone surrogate, such as \ud800)
    "lone_surrogate",
    # registry look-ups
    "unknown_province",
    "unknown_regency",
    # cross-record rules of a dossier
    "duplicate_id",
    "duplicate_record",
    "unknown_reference",
    "village_outside_region",
    # cross-field rules of one record
    "end_before_start",
    "ssk_period",
    "annual_document_year",
    "coaching_clinic_required",
    "coaching_clinic_kind",
    "m4_year_only_for_m4",
    "milestone_range",
    "households_exceed_total",
    "access_empty",
    "shares_exceed_100",
    "layak_mismatch",
    "exceeds_generated",
    "regulation_kind_mismatch",
    # a regulation's issuer: no keyword word, none for national kinds (depends on the kind)
    "regulation_field",
)
"""The problem codes of the rules the schema does not state: checked by the library only.

The format reference lists them under "Checked by the library only" (a test keeps the two
equal), and the schema's descriptions say so.
"""

LIBRARY_ONLY_NOTE: Final = (
    "Cross-field, cross-record and registry rules are checked by the library only (see "
    "'Checked by the library only' in the dossier format reference)."
)
"""The sentence the schema's descriptions end with where such rules apply."""

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

    def __init__(
        self,
        tag_fields: dict[type, dict[str, Any]] | None = None,
        *,
        checked_beyond: frozenset[type] = frozenset(),
    ) -> None:
        """Start with no definitions.

        Args:
            tag_fields: extra fixed properties per class (a union's tag).
            checked_beyond: the classes with rules the schema cannot state (cross-field,
                cross-record, registry); their descriptions say so.
        """
        self.defs: dict[str, Any] = {}
        self._tag_fields = tag_fields or {}
        self._checked_beyond = checked_beyond

    def type_schema(self, t: Any, *, rule: Rule | None = None) -> dict[str, Any]:
        """Return the schema of Python type *t* as the converter writes it.

        Args:
            t: the type.
            rule: the field's single-field rule, stated on the values it applies to (the
                items of a list, the values and keys of an object).
        """
        if is_optional(t):
            return {"anyOf": [self.type_schema(optional_inner(t), rule=rule), {"type": "null"}]}
        origin = typing.get_origin(t)
        if origin is tuple:
            array: dict[str, Any] = {
                "type": "array",
                "items": self.type_schema(typing.get_args(t)[0], rule=rule),
            }
            if rule is not None and rule.min_items:
                array["minItems"] = rule.min_items
            return array
        if origin is dict:
            obj: dict[str, Any] = {
                "type": "object",
                "additionalProperties": self.type_schema(typing.get_args(t)[1], rule=rule),
            }
            if rule is not None and rule.min_items:
                obj["minProperties"] = rule.min_items
            if rule is not None and rule.keys is not None:
                obj["propertyNames"] = _string_schema(rule.keys)
            return obj
        if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
            return {"anyOf": [self.type_schema(a) for a in typing.get_args(t)]}
        if typing.get_origin(t) is typing.Literal:
            return {"enum": list(typing.get_args(t))}
        if t is str:
            return _string_schema(rule) if rule is not None else {"type": "string"}
        if t is bool:
            return {"type": "boolean"}
        if t is int:
            return _integer_schema(rule)
        if t is Decimal:
            if rule is None:
                return {"type": "string", "pattern": DECIMAL_PATTERN}
            return {"type": "string", "pattern": decimal_pattern(DECIMAL.merge(rule))}
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
            rule = rule_of(field.validator)
            schema = self.type_schema(field.type, rule=rule)
            described = " ".join(d for d in (docs.get(field.name), rule_text(rule)) if d)
            if described:
                schema = {**schema, "description": described}
            properties[field.name] = schema
            if field.default is attrs.NOTHING:
                required.append(field.name)
        summary = _summary(cls)
        if cls in self._checked_beyond:
            summary = f"{summary} {LIBRARY_ONLY_NOTE}"
        self.defs[name] = {
            "type": "object",
            "title": name,
            "description": summary,
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }


def json_schema(
    root: type,
    *,
    schema_id: str,
    title: str,
    const_fields: dict[str, str],
    checked_beyond: frozenset[type] = frozenset(),
) -> dict[str, Any]:
    """Return a draft 2020-12 schema for documents whose top level is *root*.

    Args:
        root: the attrs class at the top of the document.
        schema_id: the ``$id`` of the schema.
        title: its title.
        const_fields: fields of *root* whose value is fixed (e.g. ``schema``).
        checked_beyond: the classes with rules the schema cannot state; their descriptions
            (and the top level's, when any is given) say they are checked by the library only.
    """
    builder = SchemaBuilder(checked_beyond=checked_beyond | ({root} if checked_beyond else set()))
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


# --------------------------------------------------------------------------------------------
# Rules as JSON Schema
# --------------------------------------------------------------------------------------------


def anchored(body: str) -> str:
    r"""Return a pattern matching the whole text with *body*, alike in Python and ECMA-262.

    JSON Schema's ``pattern`` searches, hence ``^`` and ``$``; Python's ``$`` also matches
    before a final newline, hence ``(?!\n)`` (always true at the end of a text in ECMA-262).
    """
    return f"^(?:{body})$(?!\\n)"


def _string_schema(rule: Rule) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    if rule.pattern is not None:
        schema["pattern"] = anchored(rule.pattern)
    elif rule.non_blank:
        schema["minLength"] = 1
        schema["pattern"] = r"\S"
    return schema


def _integer_schema(rule: Rule | None) -> dict[str, Any]:
    # The wire format reads integers of at most 18 digits; a field's range narrows that.
    low, high = -MAX_INTEGER, MAX_INTEGER
    if rule is not None and rule.minimum is not None:
        low = max(low, int(rule.minimum))
    if rule is not None and rule.maximum is not None:
        high = min(high, int(rule.maximum))
    return {"type": "integer", "minimum": low, "maximum": high}


def decimal_pattern(rule: Rule) -> str:
    """Return the pattern of the decimal strings *rule* accepts, range included.

    JSON Schema compares only numbers with ``minimum``/``maximum``, and decimals travel as
    strings, so the range is written into the pattern. Supported: no bounds, ``[0, ∞)`` and
    ``[0, 10ⁿ]`` (percentages and scores), with leading zeros and ``-0`` as the loader reads.

    Raises:
        TypeError: for bounds the generator cannot write (a new kind of rule needs code here).
    """
    places = rule.places or 0
    digits = rule.digits or 1
    fraction = rf"(?:\.[0-9]{{1,{places}}})?" if places else ""
    zeros = rf"(?:\.0{{1,{places}}})?" if places else ""
    negative_zero = rf"-0{{1,{digits}}}{zeros}"
    low, high = rule.minimum, rule.maximum
    if low is None and high is None:
        return anchored(rf"-?[0-9]{{1,{digits}}}{fraction}")
    if low == 0 and high is None:
        return anchored(rf"{negative_zero}|[0-9]{{1,{digits}}}{fraction}")
    top = str(high)
    if low == 0 and high is not None and high == int(high) and top == "1" + "0" * (len(top) - 1):
        width = len(top) - 1  # digits of the numbers below 10ⁿ
        below = rf"0{{0,{digits - width}}}[0-9]{{1,{width}}}{fraction}"
        at_top = rf"0{{0,{digits - width - 1}}}{top}{zeros}"
        return anchored(rf"{negative_zero}|{below}|{at_top}")
    msg = f"no decimal pattern for the range [{low}, {high}]"
    raise TypeError(msg)


def rule_text(rule: Rule | None) -> str:
    """Describe *rule* in one English sentence for the schema's descriptions ('' for none)."""
    if rule is None:
        return ""
    parts: list[str] = []
    if rule.non_blank:
        parts.append("not blank")
    if rule.expected is not None:
        parts.append(rule.expected)
    if rule.minimum is not None and rule.maximum is not None:
        parts.append(f"from {rule.minimum} to {rule.maximum}")
    elif rule.minimum is not None:
        parts.append(f"at least {rule.minimum}")
    if rule.places is not None:
        parts.append(f"at most {rule.places} decimal places and {rule.digits} digits before them")
    if rule.min_items:
        parts.append(f"at least {rule.min_items} entry")
    return f"Rule: {'; '.join(parts)}." if parts else ""
