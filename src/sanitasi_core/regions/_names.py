"""Codes and names: the code formats, the kind a code or a name stands for, and the checks.

Each check returns the issues it finds as ``(path, message code, text)``; :func:`_raise` turns
them into a :class:`~sanitasi_core.exceptions.ValidationError`.
"""

import re
from collections.abc import Sequence
from typing import Final

from sanitasi_core._messages import text as _text
from sanitasi_core._text import Text
from sanitasi_core.codes import RegionKind
from sanitasi_core.exceptions import Problem, ValidationError

_PROVINCE_CODE: Final = re.compile(r"[0-9]{2}")
_REGENCY_CODE: Final = re.compile(r"[0-9]{2}\.[0-9]{2}")
# Longest first: "Kota Administrasi Jakarta Pusat" has the short name "Jakarta Pusat".
_NAME_PREFIXES: Final = (
    ("kabupaten administrasi ", RegionKind.KABUPATEN),
    ("kota administrasi ", RegionKind.KOTA),
    ("kabupaten ", RegionKind.KABUPATEN),
    ("kota ", RegionKind.KOTA),
)

_Issue = tuple[str, str, Text]  # (path, message code, text)


def _issue(path: str, code: str, /, **params: object) -> _Issue:
    return (path, code, _text(code, **params))


def _describe(value: object) -> str:
    return f"{value!r} ({type(value).__name__})"


def _kind_of_code(code: str) -> RegionKind | None:
    """Return the kind a ``PP.KK`` code stands for, or ``None`` if ``KK`` is 00 or 70."""
    number = int(code[3:])
    if 1 <= number <= 69:
        return RegionKind.KABUPATEN
    if 71 <= number <= 99:
        return RegionKind.KOTA
    return None


def _split_name(name: str) -> tuple[RegionKind, str] | None:
    """Split an official name into its kind and short name, or ``None`` without a known prefix.

    ``"Kabupaten Mahakam Ulu"`` gives ``(KABUPATEN, "Mahakam Ulu")`` and ``"Kota Administrasi
    Jakarta Pusat"`` gives ``(KOTA, "Jakarta Pusat")``. The prefix is matched case-insensitively.
    """
    folded = name.casefold()
    for prefix, kind in _NAME_PREFIXES:
        rest = name[len(prefix) :].strip()
        if folded.startswith(prefix) and rest:
            return kind, rest
    return None


def _normalise_name(name: str) -> str:
    """Fold case and spaces, and read the abbreviation ``Kab.`` as ``Kabupaten``."""
    folded = " ".join(name.split()).casefold()
    for abbreviation in ("kab. ", "kab "):
        if folded.startswith(abbreviation):
            return "kabupaten " + folded[len(abbreviation) :].lstrip()
    if folded.startswith("kab."):
        return "kabupaten " + folded[len("kab.") :]
    return folded


def _to_kind(value: RegionKind | str) -> RegionKind:
    """Accept ``"kabupaten"``/``"kota"`` for the enum; leave anything else to the validation."""
    if isinstance(value, str) and not isinstance(value, RegionKind):
        try:
            return RegionKind(value)
        except ValueError:
            pass
    return value  # type: ignore[return-value]  # rejected with a clear message


def _check_text(path: str, value: object) -> list[_Issue]:
    if not isinstance(value, str):
        return [_issue(path, "expected_type", expected="a string", got=_describe(value))]
    if not value.strip():
        return [_issue(path, "not_blank", got=repr(value))]
    return []


def _check_province_code(path: str, code: object) -> list[_Issue]:
    if not isinstance(code, str):
        return [_issue(path, "expected_type", expected="a string", got=_describe(code))]
    if not _PROVINCE_CODE.fullmatch(code):
        return [_issue(path, "region_province_code_format", got=code)]
    return []


def _check_regency_code(path: str, code: object) -> list[_Issue]:
    if not isinstance(code, str):
        return [_issue(path, "expected_type", expected="a string", got=_describe(code))]
    if not _REGENCY_CODE.fullmatch(code):
        return [_issue(path, "region_regency_code_format", got=code)]
    if _kind_of_code(code) is None:
        return [_issue(path, "region_code_range", code=code)]
    return []


def _raise(issues: Sequence[_Issue]) -> None:
    if issues:
        raise ValidationError(Problem(path=p, code=c, text=t) for p, c, t in issues)
