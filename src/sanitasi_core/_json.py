"""The JSON parser and encoder of the optional ``fast`` extra (orjson), when it is installed.

``pip install 'sanitasi-core[fast]'`` installs orjson; the library then parses and writes JSON
with it on its fast paths, with results identical to the standard library's (tests compare
both). Without it everything runs on :mod:`json`. Nothing here is a switch: whether orjson is
importable is fixed for the life of the process, and the functions that use it take the choice
as an argument, so that tests and the benchmark can run both in one process.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

__all__ = ["FAST_AVAILABLE", "ORJSON_INDENT", "dumps_compact", "dumps_indent_2", "fast_loads"]

try:  # pragma: no branch - which branch runs depends on the installed extras
    import orjson as _orjson_module
except ImportError:  # pragma: no cover - CI runs a test with orjson hidden in a subprocess
    _orjson_module = None  # type: ignore[assignment]

_orjson: Any = _orjson_module

FAST_AVAILABLE: Final = _orjson is not None
"""Whether the ``fast`` extra (orjson) is installed."""


def fast_loads() -> Callable[[bytes | str], Any] | None:
    """Return orjson's parser, or ``None`` without the extra.

    It is strict where :func:`json.loads` is lenient (it refuses NaN, a byte-order mark, lone
    surrogates and integers beyond 64 bits): callers use it only on an optimistic path that
    falls back to the standard library's detailed path on any error.
    """
    return None if _orjson is None else _orjson.loads


ORJSON_INDENT: Final = 2
"""The one indentation orjson writes (``OPT_INDENT_2``): the same layout as ``indent=2``."""

_INDENT_2: Final = 0 if _orjson is None else _orjson.OPT_INDENT_2


def dumps_indent_2(data: object) -> bytes | None:
    """Return *data* as UTF-8 JSON text laid out as ``json.dumps(data, indent=2)`` would.

    ``None`` without the extra, or for data orjson refuses where the standard library does not
    (integers beyond 64 bits, lone surrogates, keys that are not strings): the caller writes it
    with the standard library. Its escapes are the standard library's with ``ensure_ascii=False``
    (the same short forms, ``u00XX`` for the other control characters, DEL, U+2028 and U+2029
    as they are): tests compare them character by character.
    """
    if _orjson is None:  # pragma: no cover - CI runs the suite without the extra too
        return None
    try:
        text: bytes = _orjson.dumps(data, option=_INDENT_2)
    except _orjson.JSONEncodeError:
        return None
    return text


def dumps_compact(data: object) -> bytes | None:
    """Return *data* as compact UTF-8 JSON text (no spaces), orjson's default layout.

    The same text as ``json.dumps(data, ensure_ascii=False, separators=(",", ":"))``. ``None``
    without the extra, or for data orjson refuses, as :func:`dumps_indent_2` (same escapes).
    """
    if _orjson is None:  # pragma: no cover - CI runs the suite without the extra too
        return None
    try:
        text: bytes = _orjson.dumps(data)
    except _orjson.JSONEncodeError:
        return None
    return text
