"""The official register of Indonesia's provinces and kabupaten/kota (Kemendagri codes).

A :class:`RegionRegistry` answers "which district is ``64.11``?" and "which codes are called
*Bogor*?". The registry shipped with the package (:func:`default_registry`) holds the 38 provinces
and 514 kabupaten/kota of Keputusan Menteri Dalam Negeri 300.2.2-2138 Tahun 2025, taken from
``idn-area-data`` 4.0.1 (ODbL 1.0; see ``data/wilayah/README.md`` in the package). It is read on the
first call, never at import. A newer official list can be loaded with
:meth:`RegionRegistry.from_csv_text`.

Codes are Kemendagri codes (not BPS codes): ``PP`` for a province and ``PP.KK`` for a
kabupaten/kota, where ``KK`` 01-69 is a *kabupaten* and 71-99 a *kota*.
"""

import csv
import difflib
import functools
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from importlib.resources import files
from types import MappingProxyType
from typing import Final, NoReturn, Self

import attrs

from sanitasi_core._messages import text
from sanitasi_core._text import Text
from sanitasi_core.codes import RegionKind
from sanitasi_core.exceptions import Problem, UnknownRegionError, ValidationError

__all__ = [
    "Province",
    "Regency",
    "RegionKind",  # defined in sanitasi_core.codes, re-exported for convenience
    "RegionRegistry",
    "default_registry",
]


_PROVINCE_CODE: Final = re.compile(r"[0-9]{2}")
_REGENCY_CODE: Final = re.compile(r"[0-9]{2}\.[0-9]{2}")
# Longest first: "Kota Administrasi Jakarta Pusat" has the short name "Jakarta Pusat".
_NAME_PREFIXES: Final = (
    ("kabupaten administrasi ", RegionKind.KABUPATEN),
    ("kota administrasi ", RegionKind.KOTA),
    ("kabupaten ", RegionKind.KABUPATEN),
    ("kota ", RegionKind.KOTA),
)
_PROVINCE_COLUMNS: Final = ("code", "name")
_REGENCY_COLUMNS: Final = ("code", "province_code", "name")
_PROVINCES_FILE: Final = "provinces.csv"
_REGENCIES_FILE: Final = "regencies.csv"
_SUGGESTIONS: Final = 3

_Issue = tuple[str, str, Text]  # (path, message code, text)


_text = text


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


@attrs.frozen(kw_only=True)
class Province:
    """A province (*provinsi*).

    Attributes:
        code: the two-digit Kemendagri code, e.g. ``"64"``.
        name: the official name, e.g. ``"Kalimantan Timur"``.

    Raises:
        ValidationError: if the code is not two digits or the name is blank.
    """

    code: str
    name: str

    def __attrs_post_init__(self) -> None:
        _raise([*_check_province_code("code", self.code), *_check_text("name", self.name)])


@attrs.frozen(kw_only=True)
class Regency:
    """A kabupaten (regency) or kota (city): a district of the sanitation programme.

    Attributes:
        code: the Kemendagri code ``PP.KK``, e.g. ``"64.11"``.
        name: the official name with its prefix, e.g. ``"Kabupaten Mahakam Ulu"``.
        short_name: the name without ``Kabupaten``/``Kota`` (nor ``Administrasi``), e.g.
            ``"Mahakam Ulu"``.
        kind: kabupaten or kota; must agree with the code (``KK`` 01-69 kabupaten, 71-99 kota).
        province_code: the code of its province, which must be the first part of *code*.

    Raises:
        ValidationError: listing every inconsistency between the fields.
    """

    code: str
    name: str
    short_name: str
    kind: RegionKind = attrs.field(converter=_to_kind)
    province_code: str

    def __attrs_post_init__(self) -> None:
        issues = [
            *_check_regency_code("code", self.code),
            *_check_text("name", self.name),
            *_check_text("short_name", self.short_name),
            *_check_province_code("province_code", self.province_code),
        ]
        kind: object = self.kind  # checked at run time: attrs does not enforce annotations
        if not isinstance(kind, RegionKind):
            choices = ", ".join(k.value for k in RegionKind)
            issues.append(_issue("kind", "invalid_choice", got=repr(kind), choices=choices))
        if not issues:
            actual = _kind_of_code(self.code)
            if actual is not None and actual != self.kind:
                issues.append(
                    _issue(
                        "kind",
                        "region_kind_mismatch",
                        code=self.code,
                        actual=actual.value,
                        kind=self.kind.value,
                    )
                )
            if not self.code.startswith(self.province_code + "."):
                issues.append(
                    _issue(
                        "province_code",
                        "region_province_mismatch",
                        code=self.code,
                        province=self.province_code,
                    )
                )
        _raise(issues)


class RegionRegistry:
    """An immutable register of provinces and kabupaten/kota, looked up by Kemendagri code.

    Build one from objects, with :meth:`from_csv_text`, or use :func:`default_registry`. Every
    sequence it returns is in code order. ``len(registry)`` is the number of kabupaten/kota.

    Args:
        provinces: the provinces.
        regencies: the kabupaten/kota; each one's province must be among *provinces*.

    Raises:
        ValidationError: listing every duplicate code and every kabupaten/kota whose province is
            missing.
    """

    __slots__ = ("_by_name", "_provinces", "_regencies", "_regencies_of")

    _provinces: Mapping[str, Province]
    _regencies: Mapping[str, Regency]
    _regencies_of: Mapping[str, tuple[Regency, ...]]
    _by_name: Mapping[str, tuple[Regency, ...]]

    def __init__(self, provinces: Iterable[Province], regencies: Iterable[Regency]) -> None:
        issues: list[_Issue] = []
        province_map: dict[str, Province] = {}
        first_at: dict[str, str] = {}
        given_provinces: Iterable[object] = provinces  # checked at run time
        given_regencies: Iterable[object] = regencies
        for index, province in enumerate(given_provinces):
            path = f"provinces[{index}]"
            if not isinstance(province, Province):
                issues.append(
                    _issue(path, "expected_type", expected="Province", got=_describe(province))
                )
            elif province.code in province_map:
                first = first_at[province.code]
                issues.append(
                    _issue(f"{path}.code", "region_duplicate_code", code=province.code, first=first)
                )
            else:
                province_map[province.code] = province
                first_at[province.code] = path
        regency_map: dict[str, Regency] = {}
        for index, regency in enumerate(given_regencies):
            path = f"regencies[{index}]"
            if not isinstance(regency, Regency):
                issues.append(
                    _issue(path, "expected_type", expected="Regency", got=_describe(regency))
                )
            elif regency.code in regency_map:
                first = first_at[regency.code]
                issues.append(
                    _issue(f"{path}.code", "region_duplicate_code", code=regency.code, first=first)
                )
            else:
                regency_map[regency.code] = regency
                first_at[regency.code] = path
                if regency.province_code not in province_map:
                    issues.append(
                        _issue(
                            f"{path}.province_code",
                            "unknown_province",
                            province=regency.province_code,
                            code=regency.code,
                        )
                    )
        _raise(issues)

        ordered = sorted(regency_map.values(), key=lambda r: r.code)
        regencies_of: dict[str, list[Regency]] = {code: [] for code in sorted(province_map)}
        by_name: dict[str, list[Regency]] = {}
        for regency in ordered:
            regencies_of[regency.province_code].append(regency)
            prefix = "Kabupaten" if regency.kind is RegionKind.KABUPATEN else "Kota"
            keys = {regency.name, regency.short_name, f"{prefix} {regency.short_name}"}
            for key in {_normalise_name(k) for k in keys}:
                by_name.setdefault(key, []).append(regency)

        def freeze(items: Mapping[str, list[Regency]]) -> Mapping[str, tuple[Regency, ...]]:
            return MappingProxyType({key: tuple(value) for key, value in items.items()})

        object.__setattr__(
            self,
            "_provinces",
            MappingProxyType({code: province_map[code] for code in sorted(province_map)}),
        )
        object.__setattr__(self, "_regencies", MappingProxyType({r.code: r for r in ordered}))
        object.__setattr__(self, "_regencies_of", freeze(regencies_of))
        object.__setattr__(self, "_by_name", freeze(by_name))

    def __setattr__(self, name: str, value: object) -> NoReturn:
        msg = f"{type(self).__name__} is immutable"
        raise AttributeError(msg)

    def __delattr__(self, name: str) -> NoReturn:
        msg = f"{type(self).__name__} is immutable"
        raise AttributeError(msg)

    # --- loading ------------------------------------------------------------------------------

    @classmethod
    def from_csv_text(cls, provinces: str, regencies: str) -> Self:
        """Build a registry from the text of the two CSV files; no file is read.

        The files have the layout of the shipped data: ``provinces.csv`` with the columns
        ``code,name`` and ``regencies.csv`` with ``code,province_code,name``, each with a header
        row (columns may come in any order; extra columns are ignored). Names of kabupaten/kota
        must start with ``Kabupaten`` or ``Kota``; the kind and short name are derived from it.
        Surrounding spaces in fields, blank lines and a byte-order mark are tolerated.

        Args:
            provinces: the content of the provinces file.
            regencies: the content of the kabupaten/kota file.

        Returns:
            The registry.

        Raises:
            ValidationError: listing every bad row of both files, each with its file name and
                line number.
        """
        problems: list[Problem] = []
        province_rows = _read_csv(provinces, _PROVINCES_FILE, _PROVINCE_COLUMNS, problems)
        regency_rows = _read_csv(regencies, _REGENCIES_FILE, _REGENCY_COLUMNS, problems)

        province_list: list[Province] = []
        province_line: dict[str, int] = {}
        for line, row in province_rows:
            code, name = row["code"], row["name"]
            issues = [*_check_province_code("code", code), *_check_text("name", name)]
            if not issues and code in province_line:
                first = f"line {province_line[code]}"
                issues.append(_issue("code", "region_duplicate_code", code=code, first=first))
            if issues:
                problems.extend(_located(issues, _PROVINCES_FILE, line))
                continue
            province_line[code] = line
            province_list.append(Province(code=code, name=name))

        # A province missing from a readable file is worth reporting; one whose own row was bad
        # (already reported) or whose file could not be read is not, or one error would cascade.
        bad_provinces = {row["code"] for _, row in province_rows} - set(province_line)
        readable = bool(province_rows)
        regency_list: list[Regency] = []
        regency_line: dict[str, int] = {}
        for line, row in regency_rows:
            issues = _regency_row_issues(row, regency_line, province_line, bad_provinces, readable)
            if issues:
                problems.extend(_located(issues, _REGENCIES_FILE, line))
                continue
            split = _split_name(row["name"])
            assert split is not None  # noqa: S101  # checked by _regency_row_issues
            regency_line[row["code"]] = line
            regency_list.append(
                Regency(
                    code=row["code"],
                    name=row["name"],
                    short_name=split[1],
                    kind=split[0],
                    province_code=row["province_code"],
                )
            )

        if problems:
            files_order = (_PROVINCES_FILE, _REGENCIES_FILE)
            raise ValidationError(
                sorted(problems, key=lambda p: (files_order.index(p.file or ""), p.line or 0))
            )
        return cls(province_list, regency_list)

    # --- look-ups -----------------------------------------------------------------------------

    def province(self, code: str) -> Province:
        """Return the province with Kemendagri *code* (``"64"``).

        Raises:
            UnknownRegionError: if there is none; the message suggests close matches.
        """
        try:
            return self._provinces[code]
        except (KeyError, TypeError):
            raise self._unknown_province(code) from None

    def regency(self, code: str) -> Regency:
        """Return the kabupaten/kota with Kemendagri *code* (``"64.11"``).

        Raises:
            UnknownRegionError: if there is none; the message suggests close matches.
        """
        try:
            return self._regencies[code]
        except (KeyError, TypeError):
            raise self._unknown_regency(code) from None

    def has_province(self, code: str) -> bool:
        """Return whether a province has Kemendagri *code*."""
        return isinstance(code, str) and code in self._provinces

    def has_regency(self, code: str) -> bool:
        """Return whether a kabupaten/kota has Kemendagri *code*."""
        return isinstance(code, str) and code in self._regencies

    def provinces(self) -> tuple[Province, ...]:
        """Return every province, in code order."""
        return tuple(self._provinces.values())

    def regencies(self, province_code: str | None = None) -> tuple[Regency, ...]:
        """Return every kabupaten/kota, or those of one province, in code order.

        Args:
            province_code: a province code to filter on, or ``None`` for all.

        Raises:
            UnknownRegionError: if *province_code* is given and is not a known province.
        """
        if province_code is None:
            return tuple(self._regencies.values())
        try:
            return self._regencies_of[province_code]
        except (KeyError, TypeError):
            raise self._unknown_province(province_code) from None

    def find(self, name: str) -> tuple[Regency, ...]:
        """Return the kabupaten/kota called *name*, in code order (empty if none).

        The match is on the whole name, ignoring case and extra spaces, against the official
        name (``"Kabupaten Bogor"``), the short name (``"Bogor"``: both the kabupaten and the
        kota) and the name without ``Administrasi`` (``"Kota Jakarta Pusat"``). ``Kab.`` is read
        as ``Kabupaten``.
        """
        given: object = name
        if not isinstance(given, str):
            return ()
        return self._by_name.get(_normalise_name(given), ())

    def __len__(self) -> int:
        return len(self._regencies)

    def __repr__(self) -> str:
        return (
            f"<{type(self).__name__}: {len(self._provinces)} provinces, "
            f"{len(self._regencies)} kabupaten/kota>"
        )

    # --- errors -------------------------------------------------------------------------------

    def _unknown_province(self, code: object) -> UnknownRegionError:
        shown = code if isinstance(code, str) else repr(code)
        hints: list[str] = []
        if isinstance(code, str):
            query = code.strip()
            if _REGENCY_CODE.fullmatch(query) and query[:2] in self._provinces:
                hints.append(query[:2])
            elif query in self._provinces:
                hints.append(query)
            else:
                names = {_normalise_name(p.name): c for c, p in self._provinces.items()}
                wanted = _normalise_name(query)
                if wanted in names:
                    hints.append(names[wanted])
                else:
                    close = difflib.get_close_matches(wanted, names, _SUGGESTIONS, 0.75)
                    hints.extend(names[n] for n in close)
        suggestions = ", ".join(f"{c!r} ({self._provinces[c].name})" for c in hints)
        return _unknown(shown, "region_unknown_province", suggestions)

    def _unknown_regency(self, code: object) -> UnknownRegionError:
        shown = code if isinstance(code, str) else repr(code)
        hints: list[str] = []
        if isinstance(code, str):
            digits = re.sub(r"[^0-9]", "", code)
            normalised = f"{digits[:2]}.{digits[2:]}" if len(digits) == 4 else None
            if normalised is not None and normalised in self._regencies:
                hints.append(normalised)
            elif any(c.isalpha() for c in code):
                hints.extend(r.code for r in self.find(code))
                if not hints:
                    hints.extend(self._close(_normalise_name(code), self._by_name))
            else:
                hints.extend(
                    difflib.get_close_matches(code.strip(), self._regencies, _SUGGESTIONS, 0.8)
                )
        suggestions = ", ".join(f"{c!r} ({self._regencies[c].name})" for c in hints)
        return _unknown(shown, "region_unknown_regency", suggestions)

    @staticmethod
    def _close(query: str, by_name: Mapping[str, tuple[Regency, ...]]) -> list[str]:
        close = difflib.get_close_matches(query, by_name, _SUGGESTIONS, 0.8)
        codes = sorted({r.code for name in close for r in by_name[name]})
        return codes[:_SUGGESTIONS]


def _unknown(code: str, message: str, suggestions: str) -> UnknownRegionError:
    if suggestions:
        return UnknownRegionError(
            code, _text(f"{message}_hint", code=code, suggestions=suggestions)
        )
    return UnknownRegionError(code, _text(message, code=code))


def _located(issues: Iterable[_Issue], file: str, line: int) -> list[Problem]:
    return [Problem(path=p, code=c, text=t, file=file, line=line) for p, c, t in issues]


def _read_csv(
    content: str, file: str, columns: tuple[str, ...], problems: list[Problem]
) -> list[tuple[int, dict[str, str]]]:
    """Return ``(line, row)`` pairs of the data rows; add every structural problem to *problems*."""

    def problem(line: int, code: str, **params: object) -> None:
        problems.append(
            Problem(path="", code=code, text=_text(code, **params), file=file, line=line)
        )

    given: object = content
    if not isinstance(given, str):
        problem(0, "expected_type", expected="a string", got=_describe(given))
        return []
    reader = csv.reader(io.StringIO(given.removeprefix("\ufeff"), newline=""), strict=True)
    rows: list[tuple[int, dict[str, str]]] = []
    index: dict[str, int] | None = None
    width = 0
    try:
        for raw in reader:
            cells = [cell.strip() for cell in raw]
            if not any(cells):
                continue
            if index is None:
                index = {name: cells.index(name) for name in columns if cells.count(name) == 1}
                width = len(cells)
                if len(index) != len(columns):
                    expected, got = ",".join(columns), ",".join(cells)
                    problem(reader.line_num, "region_csv_header", expected=expected, got=got)
                    return []
                continue
            if len(cells) != width:
                problem(reader.line_num, "region_csv_columns", expected=width, got=len(cells))
                continue
            rows.append((reader.line_num, {name: cells[i] for name, i in index.items()}))
    except csv.Error as err:
        problem(reader.line_num, "region_csv_syntax", reason=str(err))
        return []
    if not rows and index is not None:
        problem(reader.line_num, "region_csv_empty")
    elif index is None:
        problem(1, "region_csv_empty")
    return rows


def _regency_row_issues(
    row: Mapping[str, str],
    seen: Mapping[str, int],
    province_line: Mapping[str, int],
    bad_provinces: set[str],
    provinces_readable: bool,
) -> list[_Issue]:
    """Return what is wrong with one data row of the kabupaten/kota file."""
    code, province_code, name = row["code"], row["province_code"], row["name"]
    issues = [
        *_check_regency_code("code", code),
        *_check_province_code("province_code", province_code),
        *_check_text("name", name),
    ]
    if issues:
        return issues
    split = _split_name(name)
    if split is None:
        issues.append(_issue("name", "region_name_prefix", got=name))
    else:
        actual = _kind_of_code(code)
        if actual is not None and actual != split[0]:
            issues.append(
                _issue(
                    "name",
                    "region_kind_mismatch",
                    code=code,
                    actual=actual.value,
                    kind=split[0].value,
                )
            )
    if not code.startswith(province_code + "."):
        issues.append(
            _issue("province_code", "region_province_mismatch", code=code, province=province_code)
        )
    elif (
        provinces_readable
        and province_code not in province_line
        and province_code not in bad_provinces
    ):
        issues.append(
            _issue("province_code", "unknown_province", province=province_code, code=code)
        )
    if code in seen:
        issues.append(
            _issue("code", "region_duplicate_code", code=code, first=f"line {seen[code]}")
        )
    return issues


def _load_shipped() -> RegionRegistry:
    folder = files("sanitasi_core") / "data" / "wilayah"
    return RegionRegistry.from_csv_text(
        (folder / _PROVINCES_FILE).read_text(encoding="utf-8"),
        (folder / _REGENCIES_FILE).read_text(encoding="utf-8"),
    )


@functools.cache
def default_registry() -> RegionRegistry:
    """Return the registry shipped with the package, reading it on the first call only.

    The data are the 38 provinces and 514 kabupaten/kota (416 kabupaten, 98 kota) of Keputusan
    Menteri Dalam Negeri 300.2.2-2138 Tahun 2025, from ``idn-area-data`` 4.0.1 under the Open
    Database License 1.0. The result is cached: every call returns the same object.
    """
    return _load_shipped()
