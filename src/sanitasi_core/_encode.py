"""Writing attrs objects as JSON data or text with generated per-class functions.

The wire format is defined by :mod:`sanitasi_core._wire`'s converter; this module writes the
same thing faster. For each attrs class it generates, from the class's fields and their types,
Python source for three functions: one returning the JSON-ready ``dict`` (equal to the
converter's, same key order), one writing compact JSON text, byte-identical to
``json.dumps(data, ensure_ascii=False, separators=(",", ":"))`` of that dict (what orjson and
msgspec write), and one writing indented JSON text, byte-identical to
``json.dumps(data, ensure_ascii=False, indent=...)``.

The source holds only names we generate and fixed operator tokens: every constant (keys, the
pieces of text between values, defaults, the functions called) is a bound global of the
namespace the code runs in, never spliced into the text. Each class's source is registered in
:mod:`linecache` under ``<sanitasi encode ClassName>``, so that tracebacks show it.

A field type the generator does not know is refused when the functions are generated, never
written some other way.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import itertools
import json
import linecache
import re
import threading
import types
import typing
from collections.abc import Callable, Iterator
from decimal import Decimal
from json.encoder import encode_basestring  # what json.dumps(ensure_ascii=False) escapes with
from typing import Any, Final

import attrs

from sanitasi_core import _json

__all__ = ["UnsupportedTypeError", "dump", "to_dict"]


class UnsupportedTypeError(TypeError):
    """A field whose type the encoder generator does not know.

    A programming error met when the functions are generated (the model's classes are all
    generated on first use, which the tests do), never an error about data: so not one of the
    :class:`~sanitasi_core.exceptions.SanitasiError` family callers handle.
    """


def decimal_text(value: Decimal) -> str:
    """*value* as the wire format writes it: fixed-point, never exponent notation.

    ``str()`` is three times cheaper than ``format(value, "f")`` and gives the same text whenever
    it has no exponent (its letter follows the context's ``capitals``: both cases are checked).
    """
    text = str(value)
    if "E" in text or "e" in text:
        return format(value, "f")
    return text


_DATE_TEXTS: Final[dict[dt.date, str]] = {}
_MAX_DATE_TEXTS: Final = 4096  # about eleven years of days


def date_text(value: dt.date) -> str:
    """``value.isoformat()``, remembered for the next time (the first few thousand dates)."""
    text = dt.date.isoformat(value)
    # Plain dates only (the model's); adding to a dict is atomic, and a race between threads
    # only computes a text twice.
    if type(value) is dt.date and len(_DATE_TEXTS) < _MAX_DATE_TEXTS:
        _DATE_TEXTS[value] = text
    return text


Writer = Callable[[Any], str]
IndentWriter = Callable[[Any, str, str], str]
Unstructure = Callable[[Any], dict[str, Any]]


@attrs.frozen(kw_only=True)
class Encoders:
    """The three generated functions of one class."""

    to_dict: Unstructure
    compact: Writer
    indented: IndentWriter


# --------------------------------------------------------------------------------------------
# Field kinds
# --------------------------------------------------------------------------------------------

_LEAVES: Final = (str, int, bool, Decimal, dt.date)


def _is_optional(t: object) -> bool:
    return typing.get_origin(t) in (typing.Union, types.UnionType) and type(
        None
    ) in typing.get_args(t)


def _inner(t: object) -> Any:
    args = [a for a in typing.get_args(t) if a is not type(None)]
    if len(args) != 1:
        msg = f"unions other than X | None are not generated: {t!r}"
        raise UnsupportedTypeError(msg)
    return args[0]


def _check(t: Any) -> None:
    """Refuse a type the generator cannot write exactly like the converter."""
    if _is_optional(t):
        _check(_inner(t))
    elif typing.get_origin(t) is tuple:
        args = typing.get_args(t)
        if len(args) != 2 or args[1] is not Ellipsis:  # tuple[X, ...]
            msg = f"only tuple[X, ...] is generated: {t!r}"
            raise UnsupportedTypeError(msg)
        _check(args[0])
    elif typing.get_origin(t) is dict:
        key, value = typing.get_args(t)
        if key is not str:
            msg = f"only dict[str, X] is generated: {t!r}"
            raise UnsupportedTypeError(msg)
        _check(value)
    elif isinstance(t, type) and issubclass(t, enum.Enum):
        if not all(isinstance(m.value, str) for m in t):
            msg = f"only enums of strings are generated: {t!r}"
            raise UnsupportedTypeError(msg)
    elif not (t in _LEAVES or (isinstance(t, type) and attrs.has(t))):
        msg = f"no encoder is generated for {t!r}"
        raise UnsupportedTypeError(msg)


# --------------------------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------------------------

_NAME_SAFE: Final = re.compile(r"\W")
_LOCAL: Final = re.compile(r"t\d+")  # the locals made by decimal_local() and date_local()


class _Generator:
    """Generates the functions of every class reachable from one root, into one namespace."""

    def __init__(self, *, omit_unknown: bool, native: bool = False) -> None:
        self.omit_unknown = omit_unknown
        # Only the data function, leaving dates and enums to orjson, which writes them natively
        # (the same text as ours) and saves a fifth of the time.
        self.native = native
        self.conditions: dict[attrs.Attribute[Any], str | None] = {}
        self.ns: dict[str, Any] = {
            "_q": encode_basestring,
            "_dec": decimal_text,
            "_iso": dt.date.isoformat,
            "_dates": _DATE_TEXTS,
            "_date_text": date_text,
            "_null": "null",
            "_true": "true",
            "_false": "false",
            "_c": ",",  # the item separator, compact and indented (then before a newline)
            "_colon": ":",  # the key separator, compact
            "_icolon": ": ",  # ... and indented
            "_lb": "[",
            "_rb": "]",
            "_lc": "{",
            "_rc": "}",
            "_empty_list": "[]",
            "_empty_dict": "{}",
            "_empty": "",
            "_dq": '"',
            "_E": "E",
            "_e": "e",
            "_fmt": format,
            "_f": "f",
        }
        self.names: dict[type, str] = {}
        self.counter = itertools.count()
        self.pending: list[type] = []
        self.locals = itertools.count()  # the decimal texts' locals of the function being made
        self.depth = 0  # how many levels of collections the indented writer being made uses

    def const(self, value: object) -> str:
        """Bind *value* as a global of the namespace and return its generated name."""
        name = f"_k{next(self.counter)}"
        self.ns[name] = value
        return name

    def name_of(self, cls: type) -> str:
        if cls not in self.names:
            self.names[cls] = f"{_NAME_SAFE.sub('_', cls.__name__)}_{len(self.names)}"
            self.pending.append(cls)
        return self.names[cls]

    def run(self, root: type) -> Encoders:
        base = self.generate(root)
        return Encoders(
            to_dict=self.ns[f"u_{base}"],
            compact=self.ns[f"w_{base}"],
            indented=self.ns[f"i_{base}"],
        )

    def run_native(self, root: type) -> Unstructure:
        base = self.generate(root)
        function: Unstructure = self.ns[f"u_{base}"]
        return function

    def generate(self, root: type) -> str:
        """Generate the functions of *root* and of the classes it reaches; return its name."""
        self.name_of(root)
        while self.pending:
            self.compile_class(self.pending.pop())
        return self.names[root]

    # -- one class -----------------------------------------------------------------------

    def compile_class(self, cls: type) -> None:
        attrs.resolve_types(cls)
        fields = attrs.fields(cls)
        for a in fields:
            _check(a.type)
        # The converter's order: the fields always written first, then the omittable ones
        # (each in declaration order); a dict's order is its JSON text's order.
        always = [a for a in fields if self.omit_condition(a) is None]
        omittable = [a for a in fields if self.omit_condition(a) is not None]
        base = self.names[cls]
        lines = list(self.gen_dict(base, always, omittable))
        if not self.native:
            lines += ["", *self.gen_compact(base, always, omittable)]
            lines += ["", *self.gen_indented(base, always, omittable)]
        source = "\n".join(lines) + "\n"
        suffix = ("" if self.omit_unknown else ", every key") + (", orjson" if self.native else "")
        filename = _unique_filename(cls.__qualname__ + suffix)
        # Registered as attrs does, so that tracebacks and debuggers show the source.
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        exec(compile(source, filename, "exec"), self.ns)  # noqa: S102  # generated names only

    def omit_condition(self, a: attrs.Attribute[Any]) -> str | None:
        """The test (on the local ``v``) under which field *a* is written, or None: always."""
        if a not in self.conditions:
            self.conditions[a] = self._omit_condition(a)
        return self.conditions[a]

    def _omit_condition(self, a: attrs.Attribute[Any]) -> str | None:
        converter: Any = a.converter
        if isinstance(converter, attrs.Converter):
            msg = f"{a.name}: a converter that takes the instance is not generated"
            raise UnsupportedTypeError(msg)
        if not self.omit_unknown or a.name == "schema" or a.default is attrs.NOTHING:
            return None
        default: Any = a.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # a class at runtime
            if default.takes_self:
                msg = f"{a.name}: a default that takes self is not generated"
                raise UnsupportedTypeError(msg)
            empty = default.factory()
            if converter is not None:
                empty = converter(empty)  # as cattrs compares
            if type(empty) in (tuple, list, dict) and not empty:
                return "v"  # an empty collection: truthiness, not a comparison
            return f"v != {self.const(empty)}"
        if default is None:
            return "v is not None"
        if converter is not None:
            default = converter(default)
        return f"v != {self.const(default)}"

    # -- values --------------------------------------------------------------------------

    def written_type(self, a: attrs.Attribute[Any]) -> Any:
        """The type of field *a* where it is written: ``X`` for ``X | None`` omitted when None."""
        if _is_optional(a.type) and self.omit_condition(a) == "v is not None":
            return _inner(a.type)
        return a.type

    def decimal_local(self, x: str, pre: list[str]) -> str:
        """Statements (appended to *pre*) putting the text of the decimal *x* in a new local."""
        local = f"t{next(self.locals)}"
        # Inlined decimal_text(): a function call per decimal would cost a third of the time.
        pre.append(f"{local} = str({x})")
        pre.append(f"if _E in {local} or _e in {local}:")
        pre.append(f"    {local} = _fmt({x}, _f)")
        return local

    def date_local(self, x: str, pre: list[str]) -> str:
        """Statements (appended to *pre*) putting the text of the date *x* in a new local."""
        local = f"t{next(self.locals)}"
        # isoformat() costs 13 times a look-up; the dates of documents repeat (years, months).
        pre.append(f"{local} = _dates.get({x})")
        pre.append(f"if {local} is None:")
        pre.append(f"    {local} = _date_text({x})")
        return local

    def dict_value(self, t: Any, x: str, pre: list[str] | None = None) -> str:
        """An expression converting *x* (of type *t*) to JSON-ready data.

        Where *pre* is given, statements that must run first may be appended to it.
        """
        if _is_optional(t):
            inner = self.dict_value(_inner(t), x)
            return x if inner == x else f"(None if {x} is None else {inner})"
        origin = typing.get_origin(t)
        if origin is tuple:
            expr = self.dict_value(typing.get_args(t)[0], "x")
            return f"list({x})" if expr == "x" else _mapped(expr, "x", x)
        if origin is dict:
            expr = self.dict_value(typing.get_args(t)[1], "y")
            return f"dict({x})" if expr == "y" else f"{{k: {expr} for k, y in {x}.items()}}"
        if t is Decimal:
            return f"_dec({x})" if pre is None else self.decimal_local(x, pre)
        if self.native and (t is dt.date or (isinstance(t, type) and issubclass(t, enum.Enum))):
            return x  # orjson writes them (an enum as its value)
        if t is dt.date:
            return f"_iso({x})" if pre is None else self.date_local(x, pre)
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return f"{x}._value_"
        if isinstance(t, type) and attrs.has(t):
            return f"u_{self.name_of(t)}({x})"
        return x  # str, int, bool: as they are

    def text_parts(
        self,
        t: Any,
        x: str,
        *,
        indent: bool,
        depth: int = 0,
        pre: list[str] | None = None,
        nonempty: bool = False,
    ) -> list[str]:
        """Expressions whose texts, one after the other, write *x* (of type *t*) as JSON.

        Each is a string, except an integer's when *pre* is given (then the parts go into an
        f-string, which formats it). Indented, the value starts on a line indented by the local
        ``m`` (depth 0) or ``l<k>`` (items of collections *k* levels deeper); ``u`` is one level.
        """
        if _is_optional(t):
            inner = self.text_expr(_inner(t), x, indent=indent, depth=depth)
            return [f"(_null if {x} is None else {inner})"]
        origin = typing.get_origin(t)
        if origin in (tuple, dict):
            return self.collection_parts(t, x, indent=indent, depth=depth, nonempty=nonempty)
        if isinstance(t, type) and issubclass(t, enum.Enum) and pre is not None and _plain(t):
            return ["_dq", f"{x}._value_", "_dq"]  # no value needs an escape
        if t is str or (isinstance(t, type) and issubclass(t, str)):
            return [f"_q({x})"]  # a StrEnum member is written as its value
        if t is bool:
            return [f"(_true if {x} else _false)"]
        if t is int:
            return [x if pre is not None else f"str({x})"]
        if t is Decimal:
            if pre is None:
                return [f"_q(_dec({x}))"]
            return ["_dq", self.decimal_local(x, pre), "_dq"]  # digits, "-", ".": never escaped
        if t is dt.date:
            if pre is None:
                return ["_dq", f"_iso({x})", "_dq"]
            return ["_dq", self.date_local(x, pre), "_dq"]  # digits and "-": never escaped
        if isinstance(t, type) and issubclass(t, enum.Enum):  # pragma: no cover - str enums only
            return [f"_q({x}._value_)"]
        name = self.name_of(t)
        if not indent:
            return [f"w_{name}({x})"]
        return [f"i_{name}({x}, {_level(depth)}, u)"]

    def text_expr(self, t: Any, x: str, *, indent: bool, depth: int) -> str:
        """One expression writing *x* (of type *t*) as JSON text."""
        return " + ".join(self.text_parts(t, x, indent=indent, depth=depth))

    def collection_parts(
        self, t: Any, x: str, *, indent: bool, depth: int, nonempty: bool = False
    ) -> list[str]:
        """Parts writing the tuple or ``dict[str, X]`` *x* (known *nonempty*, or tested)."""
        here, below = _level(depth), _level(depth + 1)
        self.depth = max(self.depth, depth + 1)
        if typing.get_origin(t) is tuple:
            item = self.text_expr(typing.get_args(t)[0], "x", indent=indent, depth=depth + 1)
            items = _mapped(item, "x", x)
            opening, closing, empty = "_lb", "_rb", "_empty_list"
        else:
            value = self.text_expr(typing.get_args(t)[1], "y", indent=indent, depth=depth + 1)
            colon = "_icolon" if indent else "_colon"
            items = f"[_q(k) + {colon} + {value} for k, y in {x}.items()]"
            opening, closing, empty = "_lc", "_rc", "_empty_dict"
        if not indent:  # "[]" and "{}" come out of the join of nothing
            return [opening, f"_c.join({items})", closing]
        parts = [opening, below, f"(_c + {below}).join({items})", here, closing]
        if nonempty:
            return parts
        return [f"(({' + '.join(parts)}) if {x} else {empty})"]

    def fstring(self, parts: list[str]) -> str:
        """An f-string writing the texts of the expressions *parts* one after the other.

        Neighbouring constants are merged into one (bound) constant: fewer pieces to join.
        """
        return "f'" + "".join(f"{{{part}}}" for part in self.merged(parts)) + "'"

    def merged(self, parts: list[str]) -> list[str]:
        """*parts* with neighbouring constants merged into one (bound) constant."""
        merged: list[str] = []
        for part in parts:
            if merged and _is_const(self.ns, merged[-1]) and _is_const(self.ns, part):
                merged[-1] = self.const(self.ns[merged[-1]] + self.ns[part])
            else:
                merged.append(part)
        return merged

    # -- the three functions -------------------------------------------------------------

    def gen_dict(
        self, base: str, always: list[attrs.Attribute[Any]], omittable: list[attrs.Attribute[Any]]
    ) -> Iterator[str]:
        self.locals = itertools.count()
        yield f"def u_{base}(o):"
        pre: list[str] = []
        items = ", ".join(
            f"{self.const(_key(a))}: {self.dict_value(a.type, f'o.{a.name}', pre)}" for a in always
        )
        yield from (f"    {line}" for line in pre)
        yield f"    r = {{{items}}}"
        for a in omittable:
            pre = []
            value = self.dict_value(self.written_type(a), "v", pre)
            yield f"    v = o.{a.name}"
            yield f"    if {self.omit_condition(a)}:"
            yield from (f"        {line}" for line in pre)
            yield f"        r[{self.const(_key(a))}] = {value}"
        yield "    return r"

    def gen_compact(
        self, base: str, always: list[attrs.Attribute[Any]], omittable: list[attrs.Attribute[Any]]
    ) -> Iterator[str]:
        self.locals = itertools.count()
        yield f"def w_{base}(o):"
        if always:
            pre: list[str] = []
            parts = []
            for i, a in enumerate(always):
                parts.append(self.const(("{" if i == 0 else ",") + _quoted_key(a, ":")))
                parts += self.text_parts(a.type, f"o.{a.name}", indent=False, pre=pre)
            yield from (f"    {line}" for line in pre)
            pieces = itertools.count()
            for a in omittable:
                pre = []
                field_parts = [self.const("," + _quoted_key(a, ":"))]
                field_parts += self.text_parts(self.written_type(a), "v", indent=False, pre=pre)
                yield from self.omittable_pieces(a, field_parts, pre, pieces, parts)
            yield f"    return {self.fstring([*parts, '_rc'])}"
            return
        # Nothing is always written: the first field written opens without a comma.
        yield "    p = []"
        for a in omittable:
            pre = []
            parts = [self.const(_quoted_key(a, ":"))]
            parts += self.text_parts(self.written_type(a), "v", indent=False, pre=pre)
            yield f"    v = o.{a.name}"
            yield f"    if {self.omit_condition(a)}:"
            yield from (f"        {line}" for line in pre)
            yield f"        p.append({self.fstring(parts)})"
        yield "    return _lc + _c.join(p) + _rc"

    def omittable_pieces(
        self,
        a: attrs.Attribute[Any],
        field_parts: list[str],
        pre: list[str],
        pieces: Iterator[int],
        parts: list[str],
    ) -> Iterator[str]:
        """Lines putting the parts writing field *a* in locals, empty texts when it is omitted.

        The locals are appended to *parts*, which one f-string joins at the end: about a tenth
        cheaper than growing a string with ``s += ...`` per field written.
        """
        field_parts = self.merged(field_parts)
        # A decimal's or date's text is already in a local of its own.
        names = [p if _LOCAL.fullmatch(p) else f"p{next(pieces)}" for p in field_parts]
        yield f"    v = o.{a.name}"
        yield f"    if {self.omit_condition(a)}:"
        yield from (f"        {line}" for line in pre)
        yield from (
            f"        {n} = {part}" for n, part in zip(names, field_parts, strict=True) if n != part
        )
        yield "    else:"
        yield f"        {' = '.join(names)} = _empty"
        parts += names

    def gen_indented(
        self, base: str, always: list[attrs.Attribute[Any]], omittable: list[attrs.Attribute[Any]]
    ) -> Iterator[str]:
        # n: the newline and indentation of this object's closing brace; u: one level;
        # m: those of its members, c: the comma before each member after the first.
        self.locals = itertools.count()
        self.depth = 0
        body = list(self.indented_body(always, omittable))
        yield f"def i_{base}(o, n, u):"
        yield "    m = n + u"
        yield "    c = _c + m"
        for level in range(1, self.depth + 1):
            yield f"    {_level(level)} = {_level(level - 1)} + u"
        yield from body

    def indented_body(
        self, always: list[attrs.Attribute[Any]], omittable: list[attrs.Attribute[Any]]
    ) -> Iterator[str]:
        if always:
            pre: list[str] = []
            parts = []
            for i, a in enumerate(always):
                parts += ["_lc", "m"] if i == 0 else ["c"]
                parts.append(self.const(_quoted_key(a, ": ")))
                parts += self.text_parts(a.type, f"o.{a.name}", indent=True, pre=pre)
            yield from (f"    {line}" for line in pre)
            pieces = itertools.count()
            for a in omittable:
                pre = []
                field_parts = ["c", self.const(_quoted_key(a, ": "))]
                field_parts += self.text_parts(
                    self.written_type(a),
                    "v",
                    indent=True,
                    pre=pre,
                    nonempty=self.omit_condition(a) == "v",
                )
                yield from self.omittable_pieces(a, field_parts, pre, pieces, parts)
            yield f"    return {self.fstring([*parts, 'n', '_rc'])}"
            return
        yield "    p = []"
        for a in omittable:
            pre = []
            parts = [self.const(_quoted_key(a, ": "))]
            parts += self.text_parts(
                self.written_type(a),
                "v",
                indent=True,
                pre=pre,
                nonempty=self.omit_condition(a) == "v",
            )
            yield f"    v = o.{a.name}"
            yield f"    if {self.omit_condition(a)}:"
            yield from (f"        {line}" for line in pre)
            yield f"        p.append({self.fstring(parts)})"
        yield "    return (_lc + m + c.join(p) + n + _rc) if p else _empty_dict"


def _plain(t: type[enum.Enum]) -> bool:
    """Whether no value of the enum *t* needs an escape in JSON."""
    return all(encode_basestring(m.value) == f'"{m.value}"' for m in t)


def _level(depth: int) -> str:
    """The local holding the newline and indentation of values *depth* collections down."""
    return "m" if depth == 0 else f"l{depth}"


def _mapped(expr: str, item: str, items: str) -> str:
    """A list of *expr* for each *item* of *items*: ``map`` where *expr* is ``f(item)``."""
    call = re.fullmatch(rf"(\w+)\({item}\)", expr)
    if call:  # map() runs the loop in C, without a comprehension's frame
        return f"[*map({call.group(1)}, {items})]"
    return f"[{expr} for {item} in {items}]"


_FILENAMES: Final[set[str]] = set()


def _unique_filename(name: str) -> str:
    """``<sanitasi encode NAME>``, numbered when a class is generated again (another root)."""
    filename = f"<sanitasi encode {name}>"
    for number in itertools.count(2):
        if filename not in _FILENAMES:
            break
        filename = f"<sanitasi encode {name} #{number}>"
    _FILENAMES.add(filename)
    return filename


def _is_const(ns: dict[str, Any], part: str) -> bool:
    """Whether the f-string part *part* is the name of a constant text of namespace *ns*."""
    return part.isidentifier() and part.startswith("_") and isinstance(ns.get(part), str)


def _quoted_key(a: attrs.Attribute[Any], colon: str) -> str:
    """The field's name as JSON writes it before its value, then the key separator *colon*."""
    return encode_basestring(_key(a)) + colon


def _key(a: attrs.Attribute[Any]) -> str:
    """The field's name in documents (``Where.equals`` is written ``is``)."""
    key: str = a.metadata.get("wire", a.name)
    return key


_LOCK: Final = threading.Lock()


def encoders(cls: type, *, omit_unknown: bool = True) -> Encoders:
    """The generated functions of *cls* (built on first use, then cached).

    Args:
        cls: an attrs class.
        omit_unknown: leave out unknown (``None``) and default fields, as dossiers are written;
            ``False`` writes every key, ``null`` when unknown, as decisions are.

    Raises:
        UnsupportedTypeError: for a field type the generator does not know.
    """
    return _encoders(cls, omit_unknown)  # one cache key however it is called


@functools.cache
def _encoders(cls: type, omit_unknown: bool) -> Encoders:
    with _LOCK:  # one generation at a time: the file names and linecache are shared
        return _Generator(omit_unknown=omit_unknown).run(cls)


@functools.cache
def _native_to_dict(cls: type, omit_unknown: bool) -> Unstructure:
    """:func:`to_dict`'s function for orjson: dates and enums left as they are (it writes them)."""
    with _LOCK:
        return _Generator(omit_unknown=omit_unknown, native=True).run_native(cls)


def to_dict(obj: object, cls: type, *, omit_unknown: bool = True) -> dict[str, Any]:
    """Return the JSON-ready data of *obj*, an instance of the attrs class *cls*."""
    return encoders(cls, omit_unknown=omit_unknown).to_dict(obj)


# --------------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------------


def dump(
    obj: object,
    cls: type,
    *,
    indent: int | None,
    fast_json: bool,
    omit_unknown: bool = True,
) -> str:
    """Return *obj* as JSON text, identical to ``json.dumps(data, ensure_ascii=False, ...)``.

    Args:
        obj: an instance of the attrs class *cls*.
        cls: its class (the functions are generated from its fields).
        indent: ``None`` for compact text on one line (``separators=(",", ":")``: no spaces),
            or spaces per level.
        fast_json: use orjson (the ``fast`` extra) where it writes the same text faster: compact
            (its default layout) and with ``indent=2`` (its one indented layout), from data
            whose dates and enums it writes itself. It has no other indentation. Ignored
            without the extra.
        omit_unknown: as :func:`encoders`.
    """
    enc = encoders(cls, omit_unknown=omit_unknown)
    if fast_json and _json.FAST_AVAILABLE and (indent is None or indent == _json.ORJSON_INDENT):
        data = _native_to_dict(cls, omit_unknown)(obj)
        raw = _json.dumps_compact(data) if indent is None else _json.dumps_indent_2(data)
        if raw is not None:  # else a value orjson refuses (it is stricter): see below
            return raw.decode("utf-8")
    if indent is None:
        return enc.compact(obj)
    if type(indent) is int:
        return enc.indented(obj, "\n", " " * indent)
    # An indentation json.dumps accepts beyond the annotation (a string): its own writer.
    return json.dumps(enc.to_dict(obj), ensure_ascii=False, indent=indent)
