"""The wire format: one cattrs converter of our own, strict hooks, and JSON-path error reports.

This module is the single place that decides how model objects look as JSON. It never touches
cattrs' global converter. Structuring is strict: no ``2.7 → 2``, no ``None → "None"``, no
``"false" → True``; decimals travel as strings, dates as ``YYYY-MM-DD``.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import re
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any, Final, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from sanitasi_core._messages import phrase, text
from sanitasi_core._text import Text, lone_surrogate
from sanitasi_core._validators import DECIMAL_DIGITS, DECIMAL_PLACES
from sanitasi_core.exceptions import MAX_PROBLEMS, Problem, ProblemCollector, ValidationError

T = TypeVar("T")

# "$(?!\n)": in Python (and so in Python's jsonschema) "$" also matches before a final newline;
# in ECMA-262, JSON Schema's dialect, the look-ahead is always true. Both then end at the end.
DECIMAL_PATTERN: Final = rf"^-?[0-9]{{1,{DECIMAL_DIGITS}}}(\.[0-9]{{1,{DECIMAL_PLACES}}})?$(?!\n)"
DATE_PATTERN: Final = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$(?!\n)"
_DECIMAL_RE: Final = re.compile(DECIMAL_PATTERN)
_DATE_RE: Final = re.compile(DATE_PATTERN)

MAX_DOCUMENT_BYTES: Final = 16 * 1024 * 1024
MAX_DEPTH: Final = 32


class WireTypeError(TypeError):
    """A JSON value of the wrong type or shape (internal; becomes a :class:`Problem`)."""

    def __init__(self, expected: str, got: object, code: str = "expected_type") -> None:
        self.expected = expected
        self.got = got
        self.code = code
        super().__init__(f"expected {expected}, got {describe(got).en}")


class MissingTagError(Exception):
    """A document without its ``schema`` field (internal; becomes a :class:`Problem`)."""


class OmittedProblems(Exception):  # noqa: N818  # a count carried through the exception tree
    """Problems of list items or mapping values beyond the first few (internal).

    A hook keeps the exceptions of its first :data:`~sanitasi_core.exceptions.MAX_PROBLEMS`
    bad items and only counts the problems of the others, so that a document with a hundred
    thousand bad items costs a hundred exceptions (each holds its traceback), not all of them.
    """

    def __init__(self, count: int) -> None:
        super().__init__(count)
        self.count = count


class ProblemList(list[Problem]):
    """The problems kept of a document, with :attr:`omitted`: how many more there were."""

    omitted: int = 0


def _collect(errors: list[Exception], dropped: list[int], exc: Exception) -> bool:
    """Keep *exc* among *errors*, or count its problems in *dropped*; whether it was kept."""
    if len(errors) < MAX_PROBLEMS:
        errors.append(exc)
        return True
    dropped[0] += _count(exc)
    _forget(exc)
    return False


def _forget(exc: BaseException) -> None:
    """Cut *exc*'s tracebacks, so that a dropped error is freed at once.

    A traceback holds frames whose locals hold the exception: a cycle that only the garbage
    collector would free, later.
    """
    exc.__traceback__ = None
    exc.__context__ = None
    for member in getattr(exc, "exceptions", ()):
        _forget(member)


def _count(exc: BaseException) -> int:
    """How many problems :func:`problems_from` would yield for *exc*, without writing them."""
    if isinstance(exc, OmittedProblems):
        return exc.count
    if isinstance(exc, ValidationError):
        return len(exc.problems) + exc.omitted
    if isinstance(exc, BaseExceptionGroup):  # cattrs' class and iterable errors among them
        return sum(_count(member) for member in exc.exceptions)
    return 1  # a missing field, a wrong type, unknown keys, a missing tag: one problem each


def _grouped(errors: list[Exception], dropped: list[int]) -> list[Exception]:
    return [*errors, OmittedProblems(dropped[0])] if dropped[0] else errors


_KINDS: Final[Mapping[type, tuple[str, str]]] = {
    bool: ("boolean", "boolean"),
    int: ("angka", "number"),
    float: ("angka", "number"),
    str: ("teks", "string"),
    list: ("larik", "array"),
    dict: ("objek", "object"),
    type(None): ("null", "null"),
}


def describe(value: object) -> Text:
    """Describe a JSON value for a message: its JSON spelling (cut short) and JSON type."""
    kind_id, kind_en = _KINDS.get(type(value), (type(value).__name__, type(value).__name__))
    if isinstance(value, list | dict):
        return Text(id=f"sebuah {kind_id}", en=f"an {kind_en}")
    try:
        shown = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        try:
            shown = repr(value)
        except ValueError:  # an integer with more digits than Python will print
            shown = "<too long to show>"
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return Text(id=f"{shown} ({kind_id})", en=f"{shown} ({kind_en})")


# --------------------------------------------------------------------------------------------
# Strict hooks
# --------------------------------------------------------------------------------------------


def _structure_str(value: object, t: type) -> str:
    # The hook registered for ``str`` also receives StrEnum subclasses (cattrs dispatches on
    # the class hierarchy), so hand those to the enum hook.
    if t is not str:
        return _enum_hook(t)(value, t)  # type: ignore[return-value]
    if type(value) is not str:
        raise WireTypeError("a string", value)
    _refuse_surrogate(value)
    return value


def _refuse_surrogate(value: str) -> None:
    at = lone_surrogate(value)
    if at is not None:
        found = text("lone_surrogate", code=ord(value[at]), position=at)
        raise ValidationError.single("", found, "lone_surrogate")


MAX_INTEGER: Final = 10**18 - 1  # every integer field of the model is far smaller


def _structure_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise WireTypeError("an integer", value)
    if not -MAX_INTEGER <= value <= MAX_INTEGER:
        raise WireTypeError("an integer of at most 18 digits", value)
    return value


def _structure_bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise WireTypeError("true or false", value)
    return value


def _structure_decimal(value: object, _: type) -> Decimal:
    if type(value) is not str or not _DECIMAL_RE.fullmatch(value):
        raise WireTypeError('a decimal string such as "1250000.00"', value)
    return Decimal(value)


def _unstructure_decimal(value: Decimal) -> str:
    # Fixed-point, never exponent notation, so the string always matches DECIMAL_PATTERN.
    return format(value, "f")


def _structure_date(value: object, _: type) -> dt.date:
    if type(value) is not str or not _DATE_RE.fullmatch(value):
        raise WireTypeError("a date YYYY-MM-DD", value)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise WireTypeError("a real calendar date YYYY-MM-DD", value) from None


def _is_enum(t: object) -> bool:
    return isinstance(t, type) and issubclass(t, enum.Enum)


@functools.cache
def _enum_hook(t: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    by_value = {m.value: m for m in t}
    choices = ", ".join(repr(v) for v in by_value)

    def hook(value: object, _: type) -> enum.Enum:
        if type(value) is not str or value not in by_value:
            raise WireTypeError(f"one of {choices}", value, code="invalid_choice")
        return by_value[value]

    return hook


def _is_var_tuple(t: object) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def is_optional(t: object) -> bool:
    """Whether *t* is ``X | None``."""
    return typing.get_origin(t) in (typing.Union, types.UnionType) and type(
        None
    ) in typing.get_args(t)


def optional_inner(t: object) -> Any:
    """Return ``X`` for ``X | None``."""
    args = [a for a in typing.get_args(t) if a is not type(None)]
    return args[0] if len(args) == 1 else typing.Union[tuple(args)]  # noqa: UP007


def _make_tuple_hook(
    conv: cattrs.Converter,
) -> Callable[[Any], Callable[[object, type], tuple[Any, ...]]]:
    def factory(t: Any) -> Callable[[object, type], tuple[Any, ...]]:
        item_type = typing.get_args(t)[0]
        item_hook = conv.get_structure_hook(item_type)

        def hook(value: object, _: type) -> tuple[Any, ...]:
            if type(value) is not list:
                raise WireTypeError("an array", value)
            out: list[Any] = []
            errors: list[Exception] = []
            dropped = [0]
            for index, item in enumerate(value):
                try:
                    out.append(item_hook(item, item_type))
                except Exception as exc:  # collected (bounded) and re-raised as a group
                    if _collect(errors, dropped, exc):
                        exc.add_note(IterableValidationNote(f"@ index {index}", index, item_type))
            if errors:
                group = _grouped(errors, dropped)
                raise IterableValidationError("while structuring an array", group, t)
            return tuple(out)

        return hook

    return factory


def _make_optional_hook(conv: cattrs.Converter) -> Callable[[Any], Callable[[object, type], Any]]:
    def factory(t: Any) -> Callable[[object, type], Any]:
        inner = optional_inner(t)
        inner_hook = conv.get_structure_hook(inner)

        def hook(value: object, _: type) -> Any:
            return None if value is None else inner_hook(value, inner)

        return hook

    return factory


def _make_class_hooks(
    conv: cattrs.Converter, *, omit_unknown: bool
) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    def structure_factory(cls: Any) -> Callable[[object, type], Any]:
        renames = {
            a.name: override(rename=a.metadata["wire"])
            for a in attrs.fields(cls)
            if "wire" in a.metadata
        }
        inner = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True, **renames)  # type: ignore[arg-type]
        # A format tag has a default in Python, but a document must always state it.
        tagged = any(a.name == "schema" for a in attrs.fields(cls))

        def hook(value: object, t: type) -> Any:
            if type(value) is not dict:
                raise WireTypeError("an object", value)
            if tagged and "schema" not in value:
                # Report the missing tag together with every other problem of the document.
                errors: list[Exception] = [MissingTagError()]
                try:
                    inner(value, t)
                except ClassValidationError as exc:
                    errors.extend(exc.exceptions)
                raise ClassValidationError(f"While structuring {cls.__name__}", errors, cls)
            return inner(value, t)

        return hook

    def unstructure_factory(cls: Any) -> Callable[[Any], dict[str, Any]]:
        # Unknown (None) and empty defaults are omitted; the schema tag is always written.
        keep = {
            a.name: override(omit_if_default=False) for a in attrs.fields(cls) if a.name == "schema"
        }
        # Written under the same wire name it is read from (``Where.equals`` is ``is``).
        keep |= {
            a.name: override(rename=a.metadata["wire"])
            for a in attrs.fields(cls)
            if "wire" in a.metadata
        }
        return make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=omit_unknown, **keep)  # type: ignore[arg-type]

    return structure_factory, unstructure_factory


def _is_str_dict(t: object) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is dict and len(args) == 2 and args[0] is str


def _make_dict_hook(
    conv: cattrs.Converter,
) -> Callable[[Any], Callable[[object, type], dict[str, Any]]]:
    def factory(t: Any) -> Callable[[object, type], dict[str, Any]]:
        value_type = typing.get_args(t)[1]
        value_hook = conv.get_structure_hook(value_type)

        def hook(value: object, _: type) -> dict[str, Any]:
            if type(value) is not dict:
                raise WireTypeError("an object", value)
            out: dict[str, Any] = {}
            errors: list[Exception] = []
            dropped = [0]
            for key, item in value.items():
                try:
                    out[key] = value_hook(item, value_type)
                except Exception as exc:  # collected (bounded) and re-raised as a group
                    if _collect(errors, dropped, exc):
                        note = AttributeValidationNote(f"@ key {key}", str(key), value_type)
                        exc.add_note(note)
            if errors:
                group = _grouped(errors, dropped)
                raise ClassValidationError("while structuring an object", group, t)
            return out

        return hook

    return factory


def register_tagged_union(
    conv: cattrs.Converter, union: Any, tags: typing.Mapping[str, type], tag_name: str
) -> None:
    """Read and write *union* as objects carrying a stable tag (``{"op": "all", ...}``)."""
    tag_of = {cls: tag for tag, cls in tags.items()}
    choices = ", ".join(repr(t) for t in tags)

    def structure(value: object, _: type) -> Any:
        if type(value) is not dict:
            raise WireTypeError("an object", value)
        tag = value.get(tag_name)
        cls = tags.get(tag) if type(tag) is str else None
        if cls is None:
            if tag_name not in value:
                raise ValidationError.single(
                    tag_name, text("missing_field", name=tag_name), "missing_field"
                )
            raise ValidationError.single(
                tag_name,
                text("invalid_choice", got=describe(tag), choices=choices),
                "invalid_choice",
            )
        body = {k: v for k, v in value.items() if k != tag_name}
        return conv.structure(body, cls)

    def unstructure(node: Any) -> dict[str, Any]:
        return {tag_name: tag_of[type(node)], **conv.unstructure(node, unstructure_as=type(node))}

    def unstructure_optional(node: Any) -> dict[str, Any] | None:
        return None if node is None else unstructure(node)

    conv.register_structure_hook_func(lambda t: t == union, structure)
    conv.register_unstructure_hook_func(lambda t: t == union, unstructure)
    # cattrs would write an optional union's member untagged: ``X | None`` writes the tag too.
    conv.register_unstructure_hook_func(
        lambda t: is_optional(t) and optional_inner(t) == union, unstructure_optional
    )


def _structure_text(value: object, _: type) -> Text:
    """A bilingual text from a document: an object with a non-blank ``id`` and ``en``."""
    if type(value) is not dict:
        raise WireTypeError("an object", value)
    unknown = set(value) - {"id", "en"}
    if unknown:
        raise ForbiddenExtraKeysError("", Text, unknown)
    problems = []
    for lang in ("id", "en"):
        if lang not in value:
            problems.append(
                Problem(path=lang, code="missing_field", text=text("missing_field", name=lang))
            )
            continue
        item = value[lang]
        if type(item) is not str:
            problems.append(
                Problem(
                    path=lang,
                    code="expected_type",
                    text=text("expected_type", expected=phrase("a string"), got=describe(item)),
                )
            )
        elif not item.strip():
            problems.append(
                Problem(path=lang, code="not_blank", text=text("not_blank", got=repr(item)))
            )
        elif (at := lone_surrogate(item)) is not None:
            found = text("lone_surrogate", code=ord(item[at]), position=at)
            problems.append(Problem(path=lang, code="lone_surrogate", text=found))
    if problems:
        raise ValidationError(problems)
    return Text(id=value["id"], en=value["en"])


def make_converter(*, omit_unknown: bool = True) -> cattrs.Converter:
    """Return a new converter configured with the library's wire format.

    Args:
        omit_unknown: leave out fields that are unknown (``None``) or empty at their default,
            as dossiers are written; ``False`` writes every field (``null`` when unknown), as
            decisions are, so that consumers always find every key.

    Returns:
        A converter independent of cattrs' global one; safe to customise further.
    """
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(Decimal, _unstructure_decimal)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_structure_hook_factory(_is_enum, _enum_hook)
    conv.register_unstructure_hook_func(_is_enum, lambda e: e.value)
    conv.register_structure_hook_factory(_is_var_tuple, _make_tuple_hook(conv))
    conv.register_structure_hook_factory(is_optional, _make_optional_hook(conv))
    conv.register_structure_hook_factory(_is_str_dict, _make_dict_hook(conv))
    structure_cls, unstructure_cls = _make_class_hooks(conv, omit_unknown=omit_unknown)
    conv.register_structure_hook_factory(attrs.has, structure_cls)
    conv.register_unstructure_hook_factory(attrs.has, unstructure_cls)
    conv.register_structure_hook(Text, _structure_text)
    return conv


# --------------------------------------------------------------------------------------------
# From exception trees to problems with JSON paths
# --------------------------------------------------------------------------------------------


def _join(path: str, relative: str) -> str:
    if not relative:
        return path
    return f"{path}{relative}" if relative.startswith("[") else f"{path}.{relative}"


def problems_from(
    exc: BaseException, path: str = "$", *, omitted: list[int] | None = None
) -> Iterator[Problem]:
    """Walk a structuring exception tree and yield every problem with its JSON path.

    Args:
        exc: the exception raised while structuring.
        path: the JSON path of the value it concerns.
        omitted: a one-item counter to which the problems only counted by the hooks (beyond
            the first of a list or mapping) are added.
    """
    if isinstance(exc, OmittedProblems):
        if omitted is not None:
            omitted[0] += exc.count
        return
    if isinstance(exc, ClassValidationError | IterableValidationError):
        for sub in exc.exceptions:
            sub_path = path
            for note in getattr(sub, "__notes__", ()):
                if isinstance(note, AttributeValidationNote):
                    sub_path = _join(path, note.name)
                elif isinstance(note, IterableValidationNote):
                    sub_path = f"{path}[{note.index}]"
            if (
                isinstance(sub, KeyError)
                and sub_path != path
                and not isinstance(sub, ValidationError)
            ):
                name = sub_path.rsplit(".", 1)[-1]
                yield Problem(
                    path=sub_path, code="missing_field", text=text("missing_field", name=name)
                )
            else:
                yield from problems_from(sub, sub_path, omitted=omitted)
    elif isinstance(exc, MissingTagError):
        yield Problem(
            path=_join(path, "schema"),
            code="missing_field",
            text=text("missing_field", name="schema"),
        )
    elif isinstance(exc, ForbiddenExtraKeysError):
        names = ", ".join(sorted(exc.extra_fields))
        yield Problem(path=path, code="unknown_fields", text=text("unknown_fields", names=names))
    elif isinstance(exc, ValidationError):
        for p in exc.problems:
            yield attrs.evolve(p, path=_join(path, p.path))
    elif isinstance(exc, WireTypeError):
        if exc.code == "invalid_choice":
            choices = exc.expected.removeprefix("one of ")
            yield Problem(
                path=path,
                code=exc.code,
                text=text(exc.code, got=describe(exc.got), choices=choices),
            )
        else:
            yield Problem(
                path=path,
                code=exc.code,
                text=text(exc.code, expected=phrase(exc.expected), got=describe(exc.got)),
            )
    elif isinstance(exc, BaseExceptionGroup):
        for member in exc.exceptions:
            yield from problems_from(member, path, omitted=omitted)
    else:  # pragma: no cover - a bug in a hook; still reported rather than crashing
        yield Problem(
            path=path,
            code="expected_type",
            text=text(
                "expected_type",
                expected=phrase("a valid value"),
                got=f"{type(exc).__name__}: {exc}",
            ),
        )


def _bounded(exc: BaseException) -> ProblemList:
    """The first :data:`~sanitasi_core.exceptions.MAX_PROBLEMS` problems of *exc*, and a count."""
    counter = [0]
    collector = ProblemCollector()
    collector.extend(problems_from(exc, omitted=counter))
    found = ProblemList(collector.kept)
    found.omitted = collector.omitted + counter[0]
    return found


def structure(conv: cattrs.Converter, data: object, cls: type[T]) -> T | list[Problem]:
    """Structure *data* as *cls*; return the object, or the problems found.

    At most :data:`~sanitasi_core.exceptions.MAX_PROBLEMS` problems are returned, as a
    :class:`ProblemList` whose ``omitted`` counts the others.
    """
    try:
        return conv.structure(data, cls)
    except (
        ClassValidationError,
        IterableValidationError,
        WireTypeError,
        ValidationError,
        MissingTagError,
        ForbiddenExtraKeysError,
    ) as exc:
        return _bounded(exc)
    except KeyError as exc:  # a required field missing outside detailed validation
        return [
            Problem(
                path="$", code="missing_field", text=text("missing_field", name=str(exc.args[0]))
            )
        ]


# --------------------------------------------------------------------------------------------
# Reading JSON text safely
# --------------------------------------------------------------------------------------------


def _inside(node: dict[Any, Any] | list[Any]) -> Iterator[object]:
    return iter(node.values() if isinstance(node, dict) else node)


def depth_ok(data: object, limit: int) -> bool:
    """Whether *data* (decoded JSON or TOML) nests no deeper than *limit*, without recursion.

    The walk holds one iterator per level it is in, so its memory grows with the depth (at most
    *limit*), not with the width: a list of a million items costs one iterator, not a million
    entries on a stack.
    """
    if limit < 1:
        return False
    if not isinstance(data, dict | list):
        return True
    stack = [_inside(data)]  # the containers being walked; the deepest last
    while stack:
        child = next(stack[-1], _END)
        if child is _END:
            stack.pop()
            continue
        if len(stack) + 1 > limit:  # the root is at depth 1, its items at 2, ...
            return False
        if isinstance(child, dict | list):
            stack.append(_inside(child))
    return True


_END: Final = object()


def _reject_constant(name: str) -> object:
    raise ValueError(name)  # NaN / Infinity are not JSON


class DocumentProblems(Exception):  # noqa: N818  # internal carrier, never escapes the library
    """Problems found before structuring (not JSON, too large, too deep)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(problems)


def parse_json(
    document: str | bytes, *, max_bytes: int = MAX_DOCUMENT_BYTES, max_depth: int = MAX_DEPTH
) -> object:
    """Parse JSON text with bounded size and depth.

    Raises:
        DocumentProblems: with the problem found.
    """
    try:
        return _parse_json(document, max_bytes, max_depth)
    except RecursionError:
        raise DocumentProblems(
            [Problem(path="$", code="too_deep", text=text("too_deep", limit=max_depth))]
        ) from None


def _problem(code: str, at_line: int | None = None, **params: object) -> DocumentProblems:
    return DocumentProblems([Problem(path="$", code=code, text=text(code, **params), line=at_line)])


def _parse_json(document: str | bytes, max_bytes: int, max_depth: int) -> object:
    try:
        size = len(document.encode("utf-8") if isinstance(document, str) else document)
    except UnicodeEncodeError as err:  # a lone surrogate: the text is not valid Unicode
        reason = f"not valid Unicode (lone surrogate {ord(err.object[err.start]):#x})"
        raise _problem("invalid_json", reason=reason, line="?", column=err.start + 1) from None
    if size > max_bytes:
        raise _problem("too_large", size=size, limit=max_bytes)
    if isinstance(document, bytes):
        try:
            document = document.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            reason = f"not UTF-8 ({err.reason})"
            raise _problem("invalid_json", reason=reason, line="?", column=err.start + 1) from None
    try:
        data = json.loads(document, parse_constant=_reject_constant)
    except json.JSONDecodeError as err:
        raise _problem(
            "invalid_json", err.lineno, reason=err.msg, line=err.lineno, column=err.colno
        ) from None
    except ValueError as err:  # NaN/Infinity, or an integer beyond Python's digit limit
        raise _problem("invalid_json", reason=str(err)[:80], line="?", column="?") from None
    if not depth_ok(data, max_depth):
        raise _problem("too_deep", limit=max_depth)
    return data
