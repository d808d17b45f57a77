"""The register itself: :class:`RegionRegistry`, its look-ups and its suggestions."""

import difflib
import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final, NoReturn, Self

from sanitasi_core._messages import text as _text
from sanitasi_core.codes import RegionKind
from sanitasi_core.exceptions import Problem, UnknownRegionError, ValidationError
from sanitasi_core.regions._csv import (
    _PROVINCE_COLUMNS,
    _PROVINCES_FILE,
    _REGENCIES_FILE,
    _REGENCY_COLUMNS,
    _located,
    _read_csv,
    _regency_row_issues,
)
from sanitasi_core.regions._names import (
    _REGENCY_CODE,
    _check_province_code,
    _check_text,
    _describe,
    _Issue,
    _issue,
    _normalise_name,
    _raise,
    _split_name,
)
from sanitasi_core.regions._records import Province, Regency

_SUGGESTIONS: Final = 3


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
