"""Reading rulebooks: TOML for people, JSON for machines; the bundled ones.

Loading never executes anything from the file and is bounded in size, depth and node count.
Every problem is reported at once, with the file, the line where it can be found, and the
path: unknown keys, unknown indicators (with a "did you mean"), operators that do not fit an
indicator's type, unknown or cyclic references, duplicate ids, unordered milestones.
"""

import bisect
import datetime as dt
import functools
import json
import re
import tomllib
import typing
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Final, Literal

import attrs
import cattrs

from sanitasi_core import _files, _wire
from sanitasi_core._messages import phrase
from sanitasi_core.exceptions import Problem, RulebookError
from sanitasi_core.indicators import CATALOGUE, IndicatorSpec
from sanitasi_core.rules._check import check_rulebook, problem, suggestion
from sanitasi_core.rules._sets import RulebookSet
from sanitasi_core.rules.language import NODE_TAGS, Node, Rulebook

__all__ = [
    "BUNDLED",
    "EXAMPLE_RULEBOOKS",
    "LATEST",
    "MAX_RULEBOOK_BYTES",
    "default_rulebook",
    "default_rulebooks",
    "dump_rulebook",
    "example_rulebook",
    "load_rulebook",
    "load_rulebook_file",
]

MAX_RULEBOOK_BYTES: Final = 1024 * 1024
"""The largest rulebook file read, in bytes."""


@functools.cache
def converter() -> cattrs.Converter:
    """The rulebook wire format: the library's converter, criteria as objects tagged ``op``."""
    conv = _wire.make_converter()
    _wire.register_tagged_union(conv, Node, NODE_TAGS, "op")
    return conv


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


def _too_deep(line: int | None = None) -> _wire.DocumentProblems:
    deep = problem("$", "too_deep", limit=_wire.MAX_DEPTH * 2)
    return _wire.DocumentProblems([attrs.evolve(deep, line=line)])


def _parse(document: str, fmt: Literal["toml", "json"]) -> object:
    if fmt == "json":
        # The same depth as TOML: a rulebook read from TOML round-trips through its JSON.
        return _wire.parse_json(
            document, max_bytes=MAX_RULEBOOK_BYTES, max_depth=_wire.MAX_DEPTH * 2
        )
    deep = _dotted_keys_too_deep(document)
    if deep is not None:
        raise _too_deep(deep)
    try:
        data: object = tomllib.loads(document)
    except ValueError as err:  # TOMLDecodeError, or an integer beyond Python's digit limit
        invalid = problem("$", "invalid_toml", reason=err)
        raise _wire.DocumentProblems(
            [attrs.evolve(invalid, line=getattr(err, "lineno", None))]
        ) from None
    except RecursionError:
        raise _too_deep() from None
    if not _wire.depth_ok(data, _wire.MAX_DEPTH * 2):  # shared bound
        raise _too_deep()
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
        got = _wire.describe(raw)
        problems.append(problem("$.sources", "expected_type", expected=phrase("an array"), got=got))
        raw = []
    for i, entry in enumerate(raw):
        ident = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(ident, str):
            problems.append(problem(f"$.sources[{i}].id", "source_needs_id"))
            continue
        if ident in library:
            problems.append(problem(f"$.sources[{i}].id", "duplicate_id", got=ident))
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
                            problem(
                                f"{path}.sources[{j}]",
                                "unknown_source",
                                name=item,
                                suggestion=suggestion(item, library),
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
    document: str | bytes,
    *,
    fmt: Literal["toml", "json"] = "toml",
    source: str | None = None,
    catalogue: Mapping[str, IndicatorSpec] = CATALOGUE,
) -> Rulebook:
    """Load and check a rulebook from TOML or JSON text.

    Args:
        document: the text (``bytes`` are read as UTF-8).
        fmt: ``toml`` or ``json``.
        source: the file name, used in problems.
        catalogue: the indicators its criteria may use (default: the built-in ones).

    Raises:
        RulebookError: listing every problem with file, line where known, and path.
    """

    def refused(code: str, /, **params: object) -> RulebookError:
        return RulebookError([attrs.evolve(problem("$", code, **params), file=source)], source)

    if isinstance(document, bytes):
        if len(document) > MAX_RULEBOOK_BYTES:
            raise refused("too_large", size=len(document), limit=MAX_RULEBOOK_BYTES)
        try:
            document = document.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise refused("invalid_text") from None
    if len(document) > MAX_RULEBOOK_BYTES:
        raise refused("too_large_text", size=len(document), limit=MAX_RULEBOOK_BYTES)
    try:
        parsed = _parse(document, fmt)
    except _wire.DocumentProblems as err:
        raise RulebookError([attrs.evolve(p, file=source) for p in err.problems], source) from None
    data, problems = _resolve_sources(parsed)
    result = _wire.structure(converter(), data, Rulebook)
    if isinstance(result, list):
        # Unknown keys must not hide the other problems: drop them and check what remains.
        retry = _wire.structure(converter(), _without_unknown_keys(data, Rulebook), Rulebook)
        problems += result
        if isinstance(retry, Rulebook):
            problems += check_rulebook(retry, catalogue=catalogue)
    else:
        problems += check_rulebook(result, catalogue=catalogue)
    if problems:
        index = _LineIndex.of(document)
        located = [
            attrs.evolve(p, file=source, line=p.line or _locate(index, parsed, p.path))
            for p in problems
        ]
        raise RulebookError(located, source, omitted=getattr(result, "omitted", 0))
    assert isinstance(result, Rulebook)  # noqa: S101
    return result


def load_rulebook_file(
    path: str | Path, *, catalogue: Mapping[str, IndicatorSpec] = CATALOGUE
) -> Rulebook:
    """Load a rulebook file; the format follows the suffix (``.json``, else TOML).

    The file is looked at before it is read, as every input is: a FIFO, a device (``/dev/zero``),
    a folder or a file larger than :data:`MAX_RULEBOOK_BYTES` is refused without reading it.

    Raises:
        RulebookError: if the file cannot be read (problem ``unreadable_file``) or is not valid.
    """
    path = Path(path)
    try:
        raw = _files.read_bounded(path, limit=MAX_RULEBOOK_BYTES)
    except _files.FileRefused as refused:
        unreadable = problem("$", "unreadable_file", reason=refused.text)
        raise RulebookError([attrs.evolve(unreadable, file=str(path))], str(path)) from None
    fmt: Literal["toml", "json"] = "json" if path.suffix.lower() == ".json" else "toml"
    return load_rulebook(raw, fmt=fmt, source=str(path), catalogue=catalogue)


BUNDLED: Final = {
    "2020.1": "ppsp-milestones-2020.toml",
    "2025.1": "ppsp-milestones-2025.toml",
}
"""The bundled rulebooks by version, oldest first: each a reconstruction, in force from its
``valid_from``."""

LATEST: Final = "2025.1"
"""The version :func:`default_rulebook` returns by default."""

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
    version = version or LATEST
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
    return json.dumps(converter().unstructure(rulebook), ensure_ascii=False, indent=indent)
