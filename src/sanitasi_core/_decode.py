"""The fast decoder: validate once, construct without re-validating (an optimistic path).

:func:`make_fast_structure` generates Python source per attrs class, from a closed table of
field kinds (text, integer range, bool, decimal string, ISO date, enum by value, ``tuple[X,
...]``, ``X | None``, nested attrs class, ``dict[str, X]``, the ``schema`` tag). Every field is
checked once, with the single-field rule its validator declares (read with
:func:`~sanitasi_core._validators.rule_of`, as the JSON Schema generator reads it); validators
that only check the type are skipped, since structuring guarantees it; any other validator is
called as it is (memoised by value when it cannot depend on the object). Objects are built by
``object.__new__`` and the slot descriptors, then ``__attrs_post_init__`` runs: no validator
runs twice and no process-wide switch is touched, so it is thread-safe.

The path is optimistic: it raises *some* exception on anything it does not accept, and the
caller then runs the detailed path (``_wire``'s converter) on the original input, which alone
writes problems with JSON paths. So the fast path may be stricter than the detailed one, never
laxer; a differential test (``tests/test_decode.py``) keeps the two in agreement.

Generated code holds only identifiers we generate and fixed operator tokens: every literal
(bounds, sets, classes, functions) is bound as a global of its namespace, never written as text.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import linecache
import re
import types
import typing
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any, Final

import attrs

from sanitasi_core import _validators as v
from sanitasi_core._json import fast_loads
from sanitasi_core._text import Text
from sanitasi_core._wire import (
    MAX_DOCUMENT_BYTES,
    MAX_INTEGER,
    is_optional,
    optional_inner,
)

__all__ = ["Rejected", "load", "make_fast_structure", "parse"]

MEMO_SIZE: Final = 4096
"""The most accepted values remembered per memoised check (then it is simply called)."""
# The wire format's DECIMAL_PATTERN and DATE_PATTERN for ``fullmatch``: without the anchors and
# with ASCII ``\d`` they accept the same texts and run about 1.8 times faster (a test compares).
FAST_DECIMAL: Final = re.compile(
    rf"-?\d{{1,{v.DECIMAL_DIGITS}}}(?:\.\d{{1,{v.DECIMAL_PLACES}}})?", re.ASCII
)
FAST_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)

MEMO_LENGTH: Final = 64
"""The longest text remembered: codes are short, and a memo must not hold a huge string."""


class Rejected(Exception):  # noqa: N818  # a signal to take the detailed path, not an error
    """The fast path does not accept the input; the detailed path decides (internal)."""


# Validators of ``_validators`` the generator knows, by the qualified name of their function.
_MODULE: Final = v.__name__
_FROM_RULE: Final = {
    "text_check.<locals>.check": str,
    "decimal_check.<locals>.check": Decimal,
    "integer.<locals>.check": int,
    "_score_map": dict,
}
"""Checks whose acceptance is exactly their rule (inlined from it), with the type they check."""
_TYPE_ONLY: Final = {
    "member_of.<locals>.check": "enum_type",
    "instance.<locals>.check": "cls",
    "_date_value": None,
    "_flag": None,
}
"""Checks of the type alone (skipped: structuring guarantees the type), with the closure cell
naming the type they require."""
_WRAPPERS: Final = {
    "optional.<locals>.check": "inner_check",
    "items.<locals>.check": "item_check",
    "all_of.<locals>.check": "inner",
}
"""Checks that only combine others, with the closure cell holding them."""

# Converters that change nothing on a value the generated code produced (a Decimal, a tuple).
_IDENTITY_CONVERTERS: Final = frozenset(
    {v.to_decimal, v.to_optional_decimal, v.to_tuple, v.to_optional_tuple}
)

_IMMUTABLE: Final = (type(None), bool, int, str, Decimal, dt.date, tuple, frozenset, enum.Enum)


def _cells(fn: Callable[..., Any]) -> dict[str, Any]:
    code = fn.__code__
    return dict(zip(code.co_freevars, (c.cell_contents for c in fn.__closure__ or ()), strict=True))


def _leaves(fn: Callable[..., Any]) -> Iterator[tuple[str, Callable[..., Any]]]:
    """Yield ``(kind, function)`` for each leaf check under *fn*: rule, type or opaque."""
    name = getattr(fn, "__qualname__", "")
    if getattr(fn, "__module__", None) != _MODULE:
        yield "opaque", fn
    elif name in _WRAPPERS:
        inner = _cells(fn)[_WRAPPERS[name]]
        for each in inner if isinstance(inner, tuple) else (inner,):
            yield from _leaves(each)
    elif name in _FROM_RULE:
        yield "rule", fn
    elif name in _TYPE_ONLY:
        yield "type", fn
    else:
        yield "opaque", fn


def _type_args(t: Any) -> Iterator[Any]:
    """*t*, its origin (``dict`` for ``dict[str, X]``) and the same of its arguments."""
    yield t
    yield typing.get_origin(t)
    for arg in typing.get_args(t):
        yield from _type_args(arg)


def _is_pure(fn: Callable[..., Any]) -> bool:
    """Whether a check cannot depend on the object: its first parameter is unused (``_inst``)."""
    code = getattr(fn, "__code__", None)
    return code is not None and code.co_argcount >= 1 and code.co_varnames[0].startswith("_")


class _Generator:
    """Generates the structuring functions of one root class and the classes it reaches."""

    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {"Rejected": Rejected}
        self.names: dict[type, str] = {}
        self._bound: dict[int, str] = {}
        self._count = 0

    def fresh(self, stem: str) -> str:
        self._count += 1
        return f"{stem}{self._count}"

    def bind(self, value: object, stem: str = "g") -> str:
        """Return the global name bound to *value* (a literal never enters the source)."""
        key = id(value)
        if key not in self._bound:
            name = self.fresh(stem)
            self.namespace[name] = value
            self._bound[key] = name
        return self._bound[key]

    def function_of(self, cls: type) -> str:
        if cls not in self.names:
            self.names[cls] = f"structure_{cls.__name__}_{len(self.names)}"
            self._generate(cls)
        return self.names[cls]

    # ----------------------------------------------------------------------------------------
    # Values
    # ----------------------------------------------------------------------------------------

    def value(self, t: Any, rule: v.Rule | None, x: str, ind: str) -> list[str]:
        """Lines that check the JSON value in variable *x* and replace it by the Python value."""
        reject = f"{ind}    raise Rejected"
        if is_optional(t):
            inner = self.value(optional_inner(t), rule, x, ind + "    ")
            return [f"{ind}if {x} is not None:", *inner] if inner else []
        origin = typing.get_origin(t)
        args = typing.get_args(t)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return self._tuple(args[0], rule, x, ind)
        if origin is dict and len(args) == 2 and args[0] is str:
            return self._dict(args[1], rule, x, ind)
        if t is str:
            return self._text(rule, x, ind)
        if t is bool:
            return [f"{ind}if type({x}) is not bool:", reject]
        if t is int:
            low, high = -MAX_INTEGER, MAX_INTEGER
            if rule is not None and rule.minimum is not None:
                low = max(low, int(rule.minimum))
            if rule is not None and rule.maximum is not None:
                high = min(high, int(rule.maximum))
            lo, hi = self.bind(low, "lo"), self.bind(high, "hi")
            return [f"{ind}if type({x}) is not int or not {lo} <= {x} <= {hi}:", reject]
        if t is Decimal:
            return self._decimal(rule, x, ind)
        if t is dt.date:
            match = self.bind(FAST_DATE.fullmatch, "date_match")
            iso = self.bind(dt.date.fromisoformat, "fromisoformat")
            return [
                f"{ind}if type({x}) is not str or {match}({x}) is None:",
                reject,
                f"{ind}{x} = {iso}({x})",
            ]
        if isinstance(t, type) and issubclass(t, enum.Enum):
            members = self.bind({m.value: m for m in t}, "members")
            return [f"{ind}if type({x}) is not str:", reject, f"{ind}{x} = {members}[{x}]"]
        if isinstance(t, type) and attrs.has(t) and t is not Text:
            return [f"{ind}{x} = {self.function_of(t)}({x})"]
        msg = f"the fast decoder has no field kind for {t!r}"
        raise TypeError(msg)

    def _tuple(self, item: Any, rule: v.Rule | None, x: str, ind: str) -> list[str]:
        lines = [f"{ind}if type({x}) is not list:", f"{ind}    raise Rejected"]
        if rule is not None and rule.min_items:
            least = self.bind(rule.min_items, "least")
            lines += [f"{ind}if len({x}) < {least}:", f"{ind}    raise Rejected"]
        if isinstance(item, type) and attrs.has(item) and item is not Text:
            fn = self.function_of(item)
            return [*lines, f"{ind}{x} = tuple(map({fn}, {x}))"]
        each, out = self.fresh("i"), self.fresh("out")
        return [
            *lines,
            f"{ind}{out} = []",
            f"{ind}for {each} in {x}:",
            *self.value(item, rule, each, ind + "    "),
            f"{ind}    {out}.append({each})",
            f"{ind}{x} = tuple({out})",
        ]

    def _dict(self, item: Any, rule: v.Rule | None, x: str, ind: str) -> list[str]:
        lines = [f"{ind}if type({x}) is not dict:", f"{ind}    raise Rejected"]
        if rule is not None and rule.min_items:
            least = self.bind(rule.min_items, "least")
            lines += [f"{ind}if len({x}) < {least}:", f"{ind}    raise Rejected"]
        key, each, out = self.fresh("k"), self.fresh("i"), self.fresh("out")
        keys = rule.keys if rule is not None else None
        return [
            *lines,
            f"{ind}{out} = {{}}",
            f"{ind}for {key}, {each} in {x}.items():",
            *self._text(keys, key, ind + "    "),
            *self.value(item, rule, each, ind + "    "),
            f"{ind}    {out}[{key}] = {each}",
            f"{ind}{x} = {out}",
        ]

    def _text(self, rule: v.Rule | None, x: str, ind: str) -> list[str]:
        lines = [f"{ind}if type({x}) is not str:", f"{ind}    raise Rejected"]
        checks = []
        if rule is not None and rule.non_blank:
            # ``not x.strip()`` without building the stripped copy
            checks += [f"{ind}if not {x} or {x}.isspace():", f"{ind}    raise Rejected"]
        # Encoding fails on a lone surrogate (which no UTF-8 writer can write): the caller falls
        # back to the detailed path, which names it.
        checks += [f"{ind}if not {x}.isascii():", f"{ind}    {x}.encode()"]
        if rule is None or rule.pattern is None:
            return lines + checks
        # Codes repeat across records: a text that matched once is remembered (bounded).
        memo = self.bind(set(), "seen")
        size, length = self.bind(MEMO_SIZE, "size"), self.bind(MEMO_LENGTH, "length")
        match = self.bind(re.compile(rule.pattern).fullmatch, "match")
        checks += [f"{ind}if {match}({x}) is None:", f"{ind}    raise Rejected"]
        return [
            *lines,
            f"{ind}if {x} not in {memo}:",
            *[f"    {line}" for line in checks],
            f"{ind}    if len({memo}) < {size} and len({x}) <= {length}:",
            f"{ind}        {memo}.add({x})",
        ]

    def _decimal(self, rule: v.Rule | None, x: str, ind: str) -> list[str]:
        reject = f"{ind}    raise Rejected"
        match = self.bind(FAST_DECIMAL.fullmatch, "decimal_match")
        lines = [
            f"{ind}if type({x}) is not str or {match}({x}) is None:",
            reject,
            f"{ind}{x} = {self.bind(Decimal, 'Decimal')}({x})",
        ]
        if rule is None:
            return lines
        # The wire pattern already bounds places and digits to the format's limits.
        if rule.places is not None and rule.places < v.DECIMAL_PLACES:
            places = self.bind(rule.places, "places")
            lines += [f"{ind}if -{x}.as_tuple().exponent > {places}:", reject]
        if rule.digits is not None and rule.digits < v.DECIMAL_DIGITS:
            digits = self.bind(rule.digits, "digits")
            lines += [f"{ind}if {x} and {x}.adjusted() >= {digits}:", reject]
        if rule.minimum is not None:
            lines += [f"{ind}if {x} < {self.bind(rule.minimum, 'lo')}:", reject]
        if rule.maximum is not None:
            lines += [f"{ind}if {x} > {self.bind(rule.maximum, 'hi')}:", reject]
        return lines

    # ----------------------------------------------------------------------------------------
    # Classes
    # ----------------------------------------------------------------------------------------

    def _opaque_checks(self, field: attrs.Attribute[Any]) -> list[Callable[..., None]]:
        """The validators of *field* that must be called as they are (not known from the rule)."""
        validator = field.validator
        if validator is None:
            return []
        if not isinstance(validator, v.Check):
            # A plain function, an attrs validator, or an attrs ``and_`` holding one of them:
            # called as it is.
            members = getattr(validator, "_validators", None)
            if members is None or not all(isinstance(m, v.Check) for m in members):
                return [validator]
        tops = list(v.checks_of(validator))
        leaves = [(top, kind, fn) for top in tops for kind, fn in _leaves(top.check)]
        allowed = {a for a in _type_args(field.type) if isinstance(a, type)}
        from_rule = sum(1 for _, kind, _ in leaves if kind == "rule")
        opaque: list[Callable[..., None]] = []
        for top in tops:
            for _, kind, fn in (leaf for leaf in leaves if leaf[0] is top):
                cell = _TYPE_ONLY.get(getattr(fn, "__qualname__", ""))
                # A check of another type than the field's is not implied by structuring, nor
                # inlined from its rule.
                checked = _cells(fn)[cell] if kind == "type" and cell is not None else None
                if kind == "rule":
                    checked = _FROM_RULE[fn.__qualname__]
                other_type = checked is not None and checked not in allowed
                # Two rules merged would keep only one pattern: then the checks decide.
                if kind == "opaque" or other_type or (kind == "rule" and from_rule > 1):
                    opaque.append(top.check)
                    break
        return opaque

    def _generate(self, cls: type) -> None:  # noqa: PLR0915
        name = self.names[cls]
        attrs.resolve_types(cls)
        if hasattr(cls, "__attrs_pre_init__"):
            msg = f"{cls.__name__} has __attrs_pre_init__: no fast decoder"
            raise TypeError(msg)
        fields = attrs.fields(cls)
        slots = set(getattr(cls, "__slots__", ())) - {"__weakref__"}
        if slots != {f.name for f in fields}:
            msg = f"{cls.__name__}: slots other than its fields (e.g. a cached hash)"
            raise TypeError(msg)
        o = "o"
        keys = self.bind(frozenset(f.metadata.get("wire", f.name) for f in fields), "keys")
        body = [
            f"def {name}({o}):",
            f"    if type({o}) is not dict or not {keys}.issuperset({o}):",
            "        raise Rejected",
        ]
        after: list[str] = []
        for field in fields:
            if not field.init:
                msg = f"{cls.__name__}.{field.name} has init=False: no fast decoder"
                raise TypeError(msg)
            key = field.metadata.get("wire", field.name)
            x = f"f_{field.name}"
            rule = v.rule_of(field.validator)
            check = self.value(field.type, rule, x, "        ")
            if field.converter is not None and field.converter not in _IDENTITY_CONVERTERS:
                # Its validators would see the converted value: not a kind of the table.
                msg = f"{cls.__name__}.{field.name}: converter {field.converter!r} not supported"
                raise TypeError(msg)
            k = self.bind(key, "key")
            # The format tag has a default in Python, but a document must always state it.
            required = field.default is attrs.NOTHING or field.name == "schema"
            if required:
                body += [f"    {x} = {o}[{k}]", *[line[4:] for line in check]]
            elif field.default is None and is_optional(field.type):
                # Absent and null are both None here: one look-up (the check skips None).
                body += [f"    {x} = {o}.get({k})", *[line[4:] for line in check]]
            else:
                default = self._default(cls, field)
                absent = self.bind(_ABSENT, "absent")
                body += [
                    f"    {x} = {o}.get({k}, {absent})",
                    f"    if {x} is {absent}:",
                    f"        {x} = {default}",
                    "    else:",
                    *(check or ["        pass"]),
                ]
            for fn in self._opaque_checks(field):
                attribute = self.bind(field, "attribute")
                call = self.bind(fn, "check")
                if _is_pure_check(fn) and str in set(_type_args(field.type)):
                    memo = self.bind(set(), "accepted")
                    size, length = self.bind(MEMO_SIZE, "size"), self.bind(MEMO_LENGTH, "length")
                    after += [
                        f"    if type({x}) is not str or {x} not in {memo}:",
                        f"        {call}(self, {attribute}, {x})",
                        f"        if type({x}) is str and len({memo}) < {size}"
                        f" and len({x}) <= {length}:",
                        f"            {memo}.add({x})",
                    ]
                else:
                    after.append(f"    {call}(self, {attribute}, {x})")
        body.append(f"    self = {self.bind(object.__new__, 'new')}({self.bind(cls, 'cls')})")
        for field in fields:
            descriptor = getattr(cls, field.name, None)
            if not isinstance(descriptor, types.MemberDescriptorType):
                msg = f"{cls.__name__}.{field.name} is not a slot: no fast decoder"
                raise TypeError(msg)
            body.append(f"    {self.bind(descriptor.__set__, 'set')}(self, f_{field.name})")
        body += after
        post = getattr(cls, "__attrs_post_init__", None)
        if post is not None:
            body.append(f"    {self.bind(post, 'post_init')}(self)")
        body.append("    return self")
        self._compile(cls, "\n".join(body) + "\n")

    def _default(self, cls: type, field: attrs.Attribute[Any]) -> str:
        default: Any = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            if default.takes_self:
                msg = f"{cls.__name__}.{field.name}: a default that takes self"
                raise TypeError(msg)
            default = default.factory()
        converter: Any = field.converter
        if converter is not None:
            default = converter(default)
        if not isinstance(default, _IMMUTABLE):
            msg = f"{cls.__name__}.{field.name}: mutable default {default!r}"
            raise TypeError(msg)
        return self.bind(default, "default")

    def _compile(self, cls: type, source: str) -> None:
        filename = f"<sanitasi decode {cls.__name__}>"
        # Registered as attrs does, so that a traceback through the generated code shows it.
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        exec(compile(source, filename, "exec"), self.namespace)  # noqa: S102  # generated above


_ABSENT: Final = object()


def _is_pure_check(fn: Callable[..., Any]) -> bool:
    """Whether every opaque leaf under check *fn* ignores the object it is called with."""
    return all(_is_pure(leaf) for kind, leaf in _leaves(fn) if kind != "type")


def make_fast_structure(cls: type[Any]) -> Callable[[object], Any]:
    """Generate the fast structuring function of attrs class *cls*: ``data -> instance``.

    It raises :class:`Rejected` (or another exception) for anything it does not accept; the
    caller then takes the detailed path.

    Raises:
        TypeError: for a field kind, converter, default or class layout the generator does not
            know (it never accepts one silently).
    """
    generator = _Generator()
    name = generator.function_of(cls)
    function: Callable[[object], Any] = generator.namespace[name]
    return function


def _reject_constant(name: str) -> object:
    raise Rejected(name)  # NaN / Infinity are not JSON


def parse(document: str | bytes, *, fast_json: bool) -> object:
    """Parse JSON text on the fast path: size bounded, no depth walk.

    No depth walk is needed: the structuring that follows is directed by the model and refuses
    unknown keys, so an accepted document is never deeper than the model; a deeper one fails
    (at worst with ``RecursionError`` from the parser) and the detailed path reports it.

    Args:
        document: the JSON text.
        fast_json: parse with orjson (the ``fast`` extra) rather than :mod:`json`.

    Raises:
        Exception: anything; the caller takes the detailed path.
    """
    # For a str, encoding also refuses lone surrogates, as the detailed path does.
    size = len(document.encode("utf-8") if isinstance(document, str) else document)
    if size > MAX_DOCUMENT_BYTES:
        raise Rejected
    loads = fast_loads() if fast_json else None
    if loads is not None:
        return loads(document)
    if isinstance(document, bytes):
        document = document.decode("utf-8-sig")
    return json.loads(document, parse_constant=_reject_constant)


def load(document: str | bytes, structure: Callable[[object], Any], *, fast_json: bool) -> Any:
    """Parse and structure *document* on the fast path.

    Args:
        document: the JSON text.
        structure: a function made by :func:`make_fast_structure`.
        fast_json: parse with orjson (only when it is installed).

    Raises:
        Exception: anything; the caller takes the detailed path.
    """
    return structure(parse(document, fast_json=fast_json))
