"""Reading rulebooks (TOML for people, JSON for machines) and writing decisions as JSON.

Loading never executes anything from the file and is bounded in size, depth and node count.
Every problem is reported at once, with the file, the line where it can be found, and the
path: unknown keys, unknown indicators (with a "did you mean"), operators that do not fit an
indicator's type, unknown or cyclic references, duplicate ids, unordered milestones.
"""

import bisect
import datetime as dt
import difflib
import functools
import json
import re
import tomllib
import typing
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Final, Literal

import attrs
import cattrs

from sanitasi_core import _wire
from sanitasi_core._records import FIELDS
from sanitasi_core._text import Text
from sanitasi_core.exceptions import Problem, RulebookError
from sanitasi_core.indicators import CATALOGUE, ValueType
from sanitasi_core.model import DEFAULT_ASPECTS
from sanitasi_core.rules import (
    DECISION_SCHEMA,
    NODE_TAGS,
    RULEBOOK_SCHEMA,
    AbsentNode,
    AllNode,
    AnyNode,
    AspectsNode,
    AtLeastNode,
    CompareNode,
    CountNode,
    Criterion,
    Decision,
    Node,
    NotNode,
    Outcome,
    PresentNode,
    RefNode,
    Rulebook,
    RulebookSet,
    SomeNode,
)

__all__ = [
    "BUNDLED",
    "EXAMPLE_RULEBOOKS",
    "MAX_NODES",
    "MAX_RULEBOOK_BYTES",
    "decision_from_dict",
    "decision_to_dict",
    "default_rulebook",
    "default_rulebooks",
    "dump_decision",
    "dump_rulebook",
    "example_rulebook",
    "load_decision",
    "load_rulebook",
    "load_rulebook_file",
]

MAX_RULEBOOK_BYTES: Final = 1024 * 1024
MAX_NODES: Final = 5000
MAX_NODE_DEPTH: Final = 24
MAX_DEPTH_THROUGH_REFS: Final = 4 * MAX_NODE_DEPTH


@functools.cache
def _converter() -> cattrs.Converter:
    conv = _wire.make_converter()
    _wire.register_tagged_union(conv, Node, NODE_TAGS, "op")
    return conv


def _problem(path: str, en: str, id_: str, code: str = "rulebook") -> Problem:
    return Problem(path=path, code=code, text=Text(id=id_, en=en))


# --------------------------------------------------------------------------------------------
# Reading the file
# --------------------------------------------------------------------------------------------


def _toml_dates_to_text(data: object) -> object:
    """TOML has a date type, JSON does not: write dates as ISO text for the one wire format."""
    if isinstance(data, dict):
        return {k: _toml_dates_to_text(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_toml_dates_to_text(v) for v in data]
    if isinstance(data, dt.date) and not isinstance(data, dt.datetime):
        return data.isoformat()
    return data


# A dotted key of k parts costs tomllib O(k²) time and memory (it records every prefix), so a
# key with more parts than the nesting allowed is refused before parsing. A key starts a line,
# or follows "{", "," or "[" (inline tables, table headers), so a dotted text inside a string is
# not taken for one; each search attempt is linear.
_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_DEEP_DOTTED_KEY = re.compile(
    rf"(?:^|[{{,\[])[ \t]*{_KEY_PART}(?:[ \t]*\.[ \t]*{_KEY_PART}){{{_wire.MAX_DEPTH * 2},}}"
)


def _dotted_keys_too_deep(document: str) -> int | None:
    """Return the first line holding a dotted key nested deeper than allowed, if any."""
    limit = _wire.MAX_DEPTH * 2
    for number, line in enumerate(document.splitlines(), 1):
        if line.count(".") >= limit and _DEEP_DOTTED_KEY.search(line):
            return number
    return None


def _parse(document: str, fmt: Literal["toml", "json"]) -> object:
    if fmt == "json":
        return _wire.parse_json(document, max_bytes=MAX_RULEBOOK_BYTES)
    deep = _dotted_keys_too_deep(document)
    if deep is not None:
        raise _wire.DocumentProblems(
            [
                attrs.evolve(
                    _problem(
                        "$", "document nested too deeply", "dokumen terlalu dalam", "too_deep"
                    ),
                    line=deep,
                )
            ]
        )
    try:
        data: object = tomllib.loads(document)
    except ValueError as err:  # TOMLDecodeError, or an integer beyond Python's digit limit
        line = getattr(err, "lineno", None)
        raise _wire.DocumentProblems(
            [_problem("$", f"not valid TOML: {err}", f"bukan TOML yang sah: {err}", "invalid_toml")]
            if line is None
            else [
                attrs.evolve(
                    _problem(
                        "$", f"not valid TOML: {err}", f"bukan TOML yang sah: {err}", "invalid_toml"
                    ),
                    line=line,
                )
            ]
        ) from None
    except RecursionError:
        raise _wire.DocumentProblems(
            [_problem("$", "document nested too deeply", "dokumen terlalu dalam", "too_deep")]
        ) from None
    if not _wire._depth_ok(data, _wire.MAX_DEPTH * 2):  # shared bound
        raise _wire.DocumentProblems(
            [_problem("$", "document nested too deeply", "dokumen terlalu dalam", "too_deep")]
        )
    return _toml_dates_to_text(data)


_PATH_PART = re.compile(r"\.(\w+)|\[(\d+)\]")
_KEY_AT = re.compile(r"""(?:^|[\s{,])["']?(\w+)["']?\s*[=:]""")
_ID_AT = re.compile(r"""(?:^|[\s{,])["']?id["']?\s*[=:]\s*(?:"([^"]*)"|'([^']*)')""")


@attrs.frozen
class _LineIndex:
    """Where keys and ``id`` values occur in a document, read once for all its problems."""

    ids: dict[str, int]  # id value → first line it is written on
    keys: dict[str, list[int]]  # key → the lines it is written on, in order

    @classmethod
    def of(cls, document: str) -> "_LineIndex":
        ids: dict[str, int] = {}
        keys: dict[str, list[int]] = {}
        for number, line in enumerate(document.splitlines(), 1):
            for match in _ID_AT.finditer(line):
                ids.setdefault(
                    match.group(1) if match.group(1) is not None else match.group(2), number
                )
            for match in _KEY_AT.finditer(line):
                found = keys.setdefault(match.group(1), [])
                if not found or found[-1] != number:
                    found.append(number)
        return cls(ids, keys)


def _locate(index: _LineIndex, data: object, path: str) -> int | None:
    """Find the line of *path*: the line of the nearest enclosing ``id``, then of the last key."""
    node: Any = data
    anchor_line = None
    last_key = None
    for match in _PATH_PART.finditer(path):
        key, position = match.group(1), match.group(2)
        try:
            node = node[key] if key is not None else node[int(position)]
        except (KeyError, IndexError, TypeError):
            break
        last_key = key or last_key
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            anchor_line = index.ids.get(node["id"]) or anchor_line
    if last_key is None:
        return anchor_line
    lines = index.keys.get(last_key, [])
    at = bisect.bisect_left(lines, anchor_line or 1)
    return lines[at] if at < len(lines) else anchor_line


def _without_unknown_keys(data: object, t: Any) -> object:
    """Return *data* without the keys that type *t* does not declare (for a second look)."""
    if _wire.is_optional(t):
        return _without_unknown_keys(data, _wire.optional_inner(t))
    if t == Node and isinstance(data, dict):
        op = data.get("op")
        cls = NODE_TAGS.get(op) if isinstance(op, str) else None
        if cls is None:
            return data
        inner = _without_unknown_keys({k: v for k, v in data.items() if k != "op"}, cls)
        return {"op": op, **inner} if isinstance(inner, dict) else inner
    if typing.get_origin(t) is tuple and isinstance(data, list):
        item = typing.get_args(t)[0]
        return [_without_unknown_keys(v, item) for v in data]
    if isinstance(t, type) and attrs.has(t) and isinstance(data, dict):
        fields = {a.metadata.get("wire", a.name): a.type for a in attrs.fields(t)}
        return {k: _without_unknown_keys(v, fields[k]) for k, v in data.items() if k in fields}
    return data


def _basis_text(value: object) -> object:
    """A plain-string ``basis`` is a citation: the same text in both languages."""
    return {"id": value, "en": value} if isinstance(value, str) else value


def _resolve_sources(data: object) -> tuple[object, list[Problem]]:
    """Replace source ids by the entries of the rulebook's ``sources`` library.

    The library is a convenience of the file: references may name a source by id or write it
    inline. The rulebook keeps every source inline, so a dumped rulebook needs no library.
    Plain-string ``basis`` values become bilingual texts here too.
    """
    if not isinstance(data, dict):
        return data, []
    problems: list[Problem] = []
    library: dict[str, object] = {}
    raw = data.get("sources", [])
    if "sources" in data and not isinstance(raw, list):
        problems.append(
            _problem("$.sources", "must be an array", "harus berupa larik", "expected_type")
        )
        raw = []
    for i, entry in enumerate(raw):
        ident = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(ident, str):
            problems.append(
                _problem(
                    f"$.sources[{i}].id",
                    "a source of the library needs a text id",
                    "sumber dalam pustaka memerlukan id berupa teks",
                    "missing_field",
                )
            )
            continue
        if ident in library:
            problems.append(
                _problem(
                    f"$.sources[{i}].id",
                    f"id {ident!r} is used more than once",
                    f"id {ident!r} dipakai lebih dari sekali",
                    "duplicate_id",
                )
            )
        library[ident] = {k: v for k, v in entry.items() if k != "id"}

    def reference(ref: object, path: str) -> object:
        if not isinstance(ref, dict):
            return ref
        out = dict(ref)
        if "basis" in out:
            out["basis"] = _basis_text(out["basis"])
        sources = out.get("sources")
        if isinstance(sources, list):
            resolved = []
            for j, item in enumerate(sources):
                if isinstance(item, str):
                    if item not in library:
                        problems.append(
                            _problem(
                                f"{path}.sources[{j}]",
                                f"unknown source {item!r}{_suggest(item, library)}",
                                f"sumber {item!r} tidak dikenal{_suggest_id(item, library)}",
                                "unknown_reference",
                            )
                        )
                        continue
                    resolved.append(library[item])
                else:
                    resolved.append(item)
            out["sources"] = resolved
        return out

    def resolve(key: str, value: object, path: str) -> object:
        if key == "reference":
            return reference(value, f"{path}.{key}")
        if key == "basis" and path.startswith("$.targets["):
            return _basis_text(value)
        if key == "sources" and path.startswith("$.targets["):
            return reference({"sources": value}, path)["sources"]  # type: ignore[index]
        return value

    def walk(node: object, path: str) -> object:
        if isinstance(node, dict):
            return {
                key: walk(resolve(key, value, path), f"{path}.{key}") for key, value in node.items()
            }
        if isinstance(node, list):
            return [walk(v, f"{path}[{i}]") for i, v in enumerate(node)]
        return node

    body = {k: v for k, v in data.items() if k != "sources"}
    return walk(body, "$"), problems


def load_rulebook(
    document: str | bytes, *, fmt: Literal["toml", "json"] = "toml", source: str | None = None
) -> Rulebook:
    """Load and check a rulebook from TOML or JSON text.

    Args:
        document: the text (``bytes`` are read as UTF-8).
        fmt: ``toml`` or ``json``.
        source: the file name, used in problems.

    Raises:
        RulebookError: listing every problem with file, line where known, and path.
    """

    def refused(en: str, id_: str, code: str) -> RulebookError:
        return RulebookError([attrs.evolve(_problem("$", en, id_, code), file=source)], source)

    if isinstance(document, bytes):
        if len(document) > MAX_RULEBOOK_BYTES:
            raise refused(
                f"file too large ({len(document)} bytes)",
                f"berkas terlalu besar ({len(document)} bita)",
                "too_large",
            )
        try:
            document = document.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise refused("not UTF-8 text", "bukan teks UTF-8", "invalid_text") from None
    if len(document) > MAX_RULEBOOK_BYTES:
        raise refused(
            f"file too large ({len(document)} characters)",
            f"berkas terlalu besar ({len(document)} karakter)",
            "too_large",
        )
    try:
        parsed = _parse(document, fmt)
    except _wire.DocumentProblems as err:
        raise RulebookError([attrs.evolve(p, file=source) for p in err.problems], source) from None
    data, problems = _resolve_sources(parsed)
    result = _wire.structure(_converter(), data, Rulebook)
    if isinstance(result, list):
        # Unknown keys must not hide the other problems: drop them and check what remains.
        retry = _wire.structure(_converter(), _without_unknown_keys(data, Rulebook), Rulebook)
        problems += result + (list(check_rulebook(retry)) if isinstance(retry, Rulebook) else [])
    else:
        problems += list(check_rulebook(result))
    if problems:
        index = _LineIndex.of(document)
        located = [
            attrs.evolve(p, file=source, line=p.line or _locate(index, parsed, p.path))
            for p in problems
        ]
        raise RulebookError(located, source)
    assert isinstance(result, Rulebook)  # noqa: S101
    return result


def load_rulebook_file(path: str | Path) -> Rulebook:
    """Load a rulebook file; the format follows the suffix (``.json``, else TOML).

    Raises:
        RulebookError: if the file cannot be read or is not valid.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise RulebookError(
            [
                _problem(
                    "$",
                    f"cannot be read: {err.strerror or err}",
                    f"tidak dapat dibaca: {err.strerror or err}",
                    "unreadable_file",
                )
            ],
            str(path),
        ) from None
    return load_rulebook(
        raw, fmt="json" if path.suffix.lower() == ".json" else "toml", source=str(path)
    )


BUNDLED: Final = {
    "2020.1": "ppsp-milestones-2020.toml",
    "2025.1": "ppsp-milestones-2025.toml",
}
"""The bundled rulebooks by version: each a reconstruction, in force from its ``valid_from``."""

EXAMPLE_RULEBOOKS: Final = {"kalteng-6-aspects": "kalteng-six-aspects.toml"}
"""Example rulebooks shipped beside the defaults (not in the default set)."""


def _bundled(folder: str, name: str) -> Rulebook:
    ref = resources.files("sanitasi_core") / "data" / folder / name
    return load_rulebook(ref.read_bytes(), fmt="toml", source=f"sanitasi_core/data/{folder}/{name}")


def default_rulebook(version: str | None = None) -> Rulebook:
    """Return a bundled default rulebook (status ``reconstructed``): the latest, or *version*.

    The latest is ``2025.1`` (in force from 2025-01-01); ``2020.1`` keeps the rules of
    2020-2024. Both are read from package data on each call; nothing is read at import time.
    See ``docs/explanation/milestones.md`` for how they were reconstructed and from what.

    Raises:
        KeyError: if no bundled rulebook has that version.
    """
    version = version or max(BUNDLED)
    return _bundled("rulebooks", BUNDLED[version])


def example_rulebook(name: str) -> Rulebook:
    """Return an example rulebook shipped with the library, e.g. ``kalteng-6-aspects``.

    Raises:
        KeyError: if there is no such example.
    """
    return _bundled("rulebooks", EXAMPLE_RULEBOOKS[name])


def default_rulebooks() -> RulebookSet:
    """Return the bundled rulebooks as a set that picks the one in force for a date and year."""
    return RulebookSet(default_rulebook(v) for v in BUNDLED)


def dump_rulebook(rulebook: Rulebook, *, indent: int | None = 2) -> str:
    """Return *rulebook* as JSON text (the machine format)."""
    return json.dumps(_converter().unstructure(rulebook), ensure_ascii=False, indent=indent)


# --------------------------------------------------------------------------------------------
# Checks beyond types
# --------------------------------------------------------------------------------------------


def _suggest(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
    return f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""


def _suggest_id(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
    return f"; mungkin maksud Anda {', '.join(repr(c) for c in close)}?" if close else ""


def _rulebook_choices(book: Rulebook, param: str) -> tuple[str, ...]:
    """The values the rulebook itself allows for a parameter whose choices it decides."""
    if param == "aspect":
        return (
            DEFAULT_ASPECTS if book.aspects is None else tuple(a.id for a in book.aspects.aspects)
        )
    if param == "step":
        return () if book.aspects is None else tuple(s.id for s in book.aspects.steps)
    return ()


def _check_args(
    path: str, indicator: str, args: Mapping[str, str], book: Rulebook
) -> Iterator[Problem]:
    spec = CATALOGUE[indicator]
    params = {p.name: p for p in spec.params}
    for key, value in args.items():
        param = params.get(key)
        if param is None:
            yield _problem(
                f"{path}.args.{key}",
                f"indicator {indicator!r} takes no parameter {key!r}{_suggest(key, params)}",
                f"indikator {indicator!r} tidak punya parameter {key!r}{_suggest_id(key, params)}",
            )
            continue
        choices = param.choices or _rulebook_choices(book, key)
        if value not in choices:
            yield _problem(
                f"{path}.args.{key}",
                f"{value!r} is not one of {', '.join(choices) or '(none declared)'}",
                f"{value!r} bukan salah satu dari {', '.join(choices) or '(tidak ada yang dideklarasikan)'}",
                "invalid_choice",
            )
    for name, param in params.items():
        if param.default is None and not param.optional and name not in args:
            yield _problem(
                f"{path}.args",
                f"indicator {indicator!r} needs the parameter {name!r}",
                f"indikator {indicator!r} memerlukan parameter {name!r}",
            )


def _check_node(
    node: Node, path: str, book: Rulebook, depth: int, counter: list[int]
) -> Iterator[Problem]:
    counter[0] += 1
    if depth > MAX_NODE_DEPTH:
        yield _problem(
            path,
            f"criteria nested deeper than {MAX_NODE_DEPTH} levels",
            f"kriteria bersarang lebih dari {MAX_NODE_DEPTH} tingkat",
            "too_deep",
        )
        return
    thresholds = {t.id: t for t in book.thresholds}
    if isinstance(node, AllNode | AnyNode | AtLeastNode):
        if not node.of:
            yield _problem(
                f"{path}.of", "needs at least one item", "memerlukan paling sedikit satu butir"
            )
        if isinstance(node, AtLeastNode) and not 1 <= node.k <= max(len(node.of), 1):
            yield _problem(
                f"{path}.k",
                f"k must be between 1 and {len(node.of)}, got {node.k}",
                f"k harus antara 1 dan {len(node.of)}, didapat {node.k}",
            )
        for i, item in enumerate(node.of):
            yield from _check_node(item, f"{path}.of[{i}]", book, depth + 1, counter)
    elif isinstance(node, NotNode):
        yield from _check_node(node.of, f"{path}.of", book, depth + 1, counter)
    elif isinstance(node, SomeNode):
        yield from _check_node(node.test, f"{path}.test", book, depth + 1, counter)
    elif isinstance(node, AspectsNode):
        yield from _check_aspects(node, path, book, thresholds)
    elif isinstance(node, CompareNode | PresentNode | AbsentNode):
        name = node.indicator if isinstance(node, CompareNode) else node.fact
        field = "indicator" if isinstance(node, CompareNode) else "fact"
        if node.if_unknown not in (None, Outcome.PASS, Outcome.FAIL):
            yield _problem(
                f"{path}.if_unknown",
                "a declared default must be 'pass' or 'fail'",
                "nilai bawaan harus 'pass' atau 'fail'",
            )
        spec = CATALOGUE.get(name)
        if spec is None:
            yield _problem(
                f"{path}.{field}",
                f"unknown indicator {name!r}{_suggest(name, CATALOGUE)}",
                f"indikator {name!r} tidak dikenal{_suggest_id(name, CATALOGUE)}",
                "unknown_indicator",
            )
            return
        yield from _check_args(path, name, node.args, book)
        if isinstance(node, CompareNode):
            if spec.type is ValueType.BOOLEAN:
                yield _problem(
                    f"{path}.cmp",
                    f"{name!r} is a yes/no fact: use op 'present' or 'absent', not a comparison",
                    f"{name!r} adalah fakta ya/tidak: gunakan op 'present' atau 'absent', bukan perbandingan",
                    "operator_type",
                )
            if (node.threshold is None) == (node.value is None):
                yield _problem(
                    path,
                    "give exactly one of 'threshold' and 'value'",
                    "isi tepat satu dari 'threshold' dan 'value'",
                )
            if node.threshold is not None:
                t = thresholds.get(node.threshold)
                if t is None:
                    yield _problem(
                        f"{path}.threshold",
                        f"unknown threshold {node.threshold!r}{_suggest(node.threshold, thresholds)}",
                        f"ambang {node.threshold!r} tidak dikenal{_suggest_id(node.threshold, thresholds)}",
                        "unknown_reference",
                    )
                elif t.unit != spec.unit:
                    yield _problem(
                        f"{path}.threshold",
                        f"threshold {t.id!r} is in {t.unit!r} but {name!r} is in {spec.unit!r}",
                        f"ambang {t.id!r} dalam {t.unit!r} tetapi {name!r} dalam {spec.unit!r}",
                        "unit_mismatch",
                    )
        elif spec.type is not ValueType.BOOLEAN:
            yield _problem(
                f"{path}.{field}",
                f"{name!r} is a {spec.type.value}, not a yes/no fact: use op 'compare'",
                f"{name!r} bertipe {spec.type.value}, bukan fakta ya/tidak: gunakan op 'compare'",
                "operator_type",
            )
    elif isinstance(node, CountNode):
        if node.if_unknown not in (None, Outcome.PASS, Outcome.FAIL):
            yield _problem(
                f"{path}.if_unknown",
                "a declared default must be 'pass' or 'fail'",
                "nilai bawaan harus 'pass' atau 'fail'",
            )
        fields = FIELDS[node.records.value]
        if node.value < 0:
            yield _problem(
                f"{path}.value", "a count cannot be negative", "jumlah tidak boleh negatif"
            )
        for i, w in enumerate(node.where):
            where = f"{path}.where[{i}]"
            if w.field not in fields:
                yield _problem(
                    f"{where}.field",
                    f"{node.records.value} have no field {w.field!r}{_suggest(w.field, fields)}",
                    f"{node.records.value} tidak punya kolom {w.field!r}{_suggest_id(w.field, fields)}",
                    "unknown_field",
                )
                continue
            given = sum(x is not None for x in (w.equals, w.one_of, w.within))
            if given != 1:
                yield _problem(
                    where,
                    "give exactly one of 'is', 'in' and 'within'",
                    "isi tepat satu dari 'is', 'in' dan 'within'",
                )
            kind = fields[w.field][0]
            if w.within is not None and kind not in ("date", "year"):
                yield _problem(
                    f"{where}.within",
                    f"{w.field!r} is not a date: 'within' does not apply",
                    f"{w.field!r} bukan tanggal: 'within' tidak berlaku",
                    "operator_type",
                )
            if w.within is None and kind in ("date",):
                yield _problem(
                    f"{where}.field",
                    f"{w.field!r} is a date: use 'within'",
                    f"{w.field!r} adalah tanggal: gunakan 'within'",
                    "operator_type",
                )
    elif isinstance(node, RefNode):
        known = {d.id for d in book.definitions}
        if node.criterion not in known:
            yield _problem(
                f"{path}.criterion",
                f"unknown criterion {node.criterion!r}{_suggest(node.criterion, known)}",
                f"kriteria {node.criterion!r} tidak dikenal{_suggest_id(node.criterion, known)}",
                "unknown_reference",
            )


def _check_aspects(
    node: AspectsNode, path: str, book: Rulebook, thresholds: Mapping[str, Any]
) -> Iterator[Problem]:
    if book.aspects is None:
        yield _problem(
            path,
            "an 'aspects' node needs the rulebook's aspect set ([aspects])",
            "simpul 'aspects' memerlukan himpunan aspek rulebook ([aspects])",
            "unknown_reference",
        )
        return
    count = len(book.aspects.aspects)
    if not 1 <= node.k <= count:
        yield _problem(
            f"{path}.k",
            f"k must be between 1 and {count} (the aspects of the set), got {node.k}",
            f"k harus antara 1 dan {count} (aspek dalam himpunan), didapat {node.k}",
            "int_range",
        )
    if (node.threshold is None) == (node.value is None):
        yield _problem(
            path,
            "give exactly one of 'threshold' and 'value'",
            "isi tepat satu dari 'threshold' dan 'value'",
            "exactly_one",
        )
    if node.threshold is not None:
        t = thresholds.get(node.threshold)
        if t is None:
            yield _problem(
                f"{path}.threshold",
                f"unknown threshold {node.threshold!r}{_suggest(node.threshold, thresholds)}",
                f"ambang {node.threshold!r} tidak dikenal{_suggest_id(node.threshold, thresholds)}",
                "unknown_reference",
            )
        elif t.unit != CATALOGUE["aspect_score"].unit:
            yield _problem(
                f"{path}.threshold",
                f"threshold {t.id!r} is in {t.unit!r} but aspect scores are in 'points'",
                f"ambang {t.id!r} dalam {t.unit!r} tetapi skor aspek dalam 'points'",
                "unit_mismatch",
            )
    steps = [s.id for s in book.aspects.steps]
    if node.step is not None and node.step not in steps:
        yield _problem(
            f"{path}.step",
            f"unknown service-chain step {node.step!r}{_suggest(node.step, steps)}",
            f"langkah rantai layanan {node.step!r} tidak dikenal{_suggest_id(node.step, steps)}",
            "unknown_reference",
        )


def _check_aspect_set(book: Rulebook) -> Iterator[Problem]:
    if book.aspects is None:
        return
    aspects = book.aspects.aspects
    if not aspects:
        yield _problem(
            "$.aspects.aspects",
            "needs at least one aspect",
            "memerlukan paling sedikit satu aspek",
            "empty_list",
        )
    seen: dict[str, str] = {}
    for i, aspect in enumerate(aspects):
        for j, key in enumerate((aspect.id, *aspect.aliases)):
            where = f"$.aspects.aspects[{i}]" + (".id" if j == 0 else f".aliases[{j - 1}]")
            if key in seen:
                yield _problem(
                    where,
                    f"{key!r} already names the aspect {seen[key]!r}",
                    f"{key!r} sudah menjadi nama aspek {seen[key]!r}",
                    "duplicate_id",
                )
            seen.setdefault(key, aspect.id)
    step_ids: set[str] = set()
    for i, step in enumerate(book.aspects.steps):
        if step.id in step_ids:
            yield _problem(
                f"$.aspects.steps[{i}].id",
                f"id {step.id!r} is used more than once",
                f"id {step.id!r} dipakai lebih dari sekali",
                "duplicate_id",
            )
        step_ids.add(step.id)


def _refs(node: Node) -> Iterator[str]:
    if isinstance(node, RefNode):
        yield node.criterion
    elif isinstance(node, AllNode | AnyNode | AtLeastNode):
        for item in node.of:
            yield from _refs(item)
    elif isinstance(node, NotNode):
        yield from _refs(node.of)
    elif isinstance(node, SomeNode):
        yield from _refs(node.test)


def _cycles(definitions: tuple[Criterion, ...]) -> Iterator[Problem]:
    graph = {d.id: set(_refs(d.test)) for d in definitions}
    state: dict[str, int] = {}

    def visit(start: str) -> Iterator[list[str]]:
        # Depth-first with an explicit stack: a chain of references may be thousands long.
        state[start] = 1
        stack = [(start, iter(sorted(graph[start])))]
        while stack:
            name, successors = stack[-1]
            nxt = next(successors, None)
            if nxt is None:
                state[name] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                yield [*(n for n, _ in stack), nxt]
            elif nxt in graph and state.get(nxt) is None:
                state[nxt] = 1
                stack.append((nxt, iter(sorted(graph[nxt]))))

    for index, d in enumerate(definitions):
        if state.get(d.id) is None:
            for cycle in visit(d.id):
                loop = " → ".join(cycle[cycle.index(cycle[-1]) :])
                yield _problem(
                    f"$.definitions[{index}].test",
                    f"cyclic reference: {loop}",
                    f"rujukan melingkar: {loop}",
                    "cyclic_reference",
                )


def check_rulebook(book: Rulebook) -> Iterator[Problem]:
    """Yield every problem of a structurally valid rulebook (ids, references, types, order)."""
    if book.schema != RULEBOOK_SCHEMA:
        yield _problem(
            "$.schema",
            f"must be {RULEBOOK_SCHEMA!r}, got {book.schema!r}",
            f"harus {RULEBOOK_SCHEMA!r}, didapat {book.schema!r}",
            "schema_mismatch",
        )
    if book.valid_to is not None and book.valid_to <= book.valid_from:
        yield _problem(
            "$.valid_to",
            f"valid_to ({book.valid_to}) must be after valid_from ({book.valid_from})",
            f"valid_to ({book.valid_to}) harus setelah valid_from ({book.valid_from})",
            "end_before_start",
        )
    seen: dict[str, str] = {}
    located = [(f"$.definitions[{i}]", c) for i, c in enumerate(book.definitions)]
    located += [
        (f"$.milestones[{i}].criteria[{j}]", c)
        for i, m in enumerate(book.milestones)
        for j, c in enumerate(m.criteria)
    ]
    for path, crit in located:
        if crit.id in seen:
            yield _problem(
                f"{path}.id",
                f"id {crit.id!r} is used more than once (first at {seen[crit.id]})",
                f"id {crit.id!r} dipakai lebih dari sekali (pertama di {seen[crit.id]})",
                "duplicate_id",
            )
        seen.setdefault(crit.id, path)
    groups: tuple[tuple[str, tuple[Any, ...]], ...] = (
        ("thresholds", book.thresholds),
        ("targets", book.targets),
    )
    for kind, items in groups:
        ids: set[str] = set()
        for i, item in enumerate(items):
            if item.id in ids:
                yield _problem(
                    f"$.{kind}[{i}].id",
                    f"id {item.id!r} is used more than once",
                    f"id {item.id!r} dipakai lebih dari sekali",
                    "duplicate_id",
                )
            ids.add(item.id)
    ranks = [m.id.rank for m in book.milestones]
    if ranks != sorted(set(ranks)):
        yield _problem(
            "$.milestones",
            f"milestones must be listed once each, in order: got {', '.join(m.id.value for m in book.milestones)}",
            f"milestone harus tercantum sekali, berurutan: didapat {', '.join(m.id.value for m in book.milestones)}",
            "milestone_order",
        )
    for i, t in enumerate(book.thresholds):
        days = [s.since for s in t.steps]
        if not days:
            yield _problem(
                f"$.thresholds[{i}].steps",
                "needs at least one step",
                "memerlukan paling sedikit satu nilai",
            )
        elif days != sorted(set(days)):
            yield _problem(
                f"$.thresholds[{i}].steps",
                "steps must be in date order without repeats",
                "nilai harus berurutan tanggal tanpa pengulangan",
            )
        elif days[0] > book.valid_from:
            yield _problem(
                f"$.thresholds[{i}].steps[0].since",
                f"the first value starts {days[0]}, after the rulebook's valid_from {book.valid_from}",
                f"nilai pertama mulai {days[0]}, setelah valid_from {book.valid_from}",
                "threshold_gap",
            )
    yield from _check_aspect_set(book)
    counter = [0]
    for path, crit in located:
        yield from _check_node(crit.test, f"{path}.test", book, 1, counter)
    if counter[0] > MAX_NODES:
        yield _problem(
            "$",
            f"too many criteria nodes ({counter[0]} > {MAX_NODES})",
            f"terlalu banyak simpul kriteria ({counter[0]} > {MAX_NODES})",
            "too_large",
        )
    cycles = list(_cycles(book.definitions))
    yield from cycles
    if not cycles:
        yield from _too_deep_through_refs(book, located)


def _tree_depth(node: Node, depths: Mapping[str, int]) -> int:
    """The nesting depth of *node*, a ``ref`` counting as the definition it stands for."""
    if isinstance(node, AllNode | AnyNode | AtLeastNode):
        return 1 + max((_tree_depth(item, depths) for item in node.of), default=0)
    if isinstance(node, NotNode):
        return 1 + _tree_depth(node.of, depths)
    if isinstance(node, SomeNode):
        return 1 + _tree_depth(node.test, depths)
    if isinstance(node, AspectsNode):
        return 3  # all → at_least → compare
    if isinstance(node, RefNode):
        return 1 + depths.get(node.criterion, 0)
    return 1


def _too_deep_through_refs(
    book: Rulebook, located: list[tuple[str, Criterion]]
) -> Iterator[Problem]:
    """Bound the nesting of criteria counting referenced definitions (needs acyclic refs).

    Evaluation recurses through the nesting, so a long chain of definitions each referencing
    the next would exhaust the stack although each definition is shallow.
    """
    by_id = {d.id: d for d in book.definitions}
    depths: dict[str, int] = {}
    for start in by_id:
        stack = [start]
        while stack:  # definitions first, the ones they reference before them (no recursion)
            name = stack[-1]
            pending = [r for r in _refs(by_id[name].test) if r in by_id and r not in depths]
            if name in depths or not pending:
                depths.setdefault(name, _tree_depth(by_id[name].test, depths))
                stack.pop()
            else:
                stack.extend(pending)
    for path, crit in located:
        if _tree_depth(crit.test, depths) > MAX_DEPTH_THROUGH_REFS:
            yield _problem(
                f"{path}.test",
                f"criteria nested deeper than {MAX_DEPTH_THROUGH_REFS} levels, counting the definitions they reference",
                f"kriteria bersarang lebih dari {MAX_DEPTH_THROUGH_REFS} tingkat, termasuk definisi yang dirujuknya",
                "too_deep",
            )


# --------------------------------------------------------------------------------------------
# Decisions as JSON
# --------------------------------------------------------------------------------------------


def decision_to_dict(decision: Decision) -> dict[str, Any]:
    """Return the JSON-ready data of *decision* (``sanitasi.decision/v1``)."""
    data: dict[str, Any] = _converter().unstructure(decision)
    return data


def dump_decision(decision: Decision, *, indent: int | None = 2) -> str:
    """Return *decision* as JSON text."""
    return json.dumps(decision_to_dict(decision), ensure_ascii=False, indent=indent)


def decision_from_dict(data: object) -> Decision:
    """Build a decision from JSON data.

    Raises:
        RulebookError: listing the problems with their JSON paths.
    """
    result = _wire.structure(_converter(), data, Decision)
    if isinstance(result, list):
        raise RulebookError(result, DECISION_SCHEMA)
    return result


def load_decision(document: str | bytes) -> Decision:
    """Parse a decision from JSON text."""
    try:
        data = _wire.parse_json(document)
    except _wire.DocumentProblems as err:
        raise RulebookError(err.problems, DECISION_SCHEMA) from None
    return decision_from_dict(data)
