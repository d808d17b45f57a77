"""Decree numbers (*nomor keputusan*) of ministerial decrees, e.g. ``100.4.3-1037/Kep/Bangda 2023``.

The shape is ``<archive class>-<sequence>/<kind>/<unit>[/ ]<year>``:

- the archive classification code (*kode klasifikasi arsip*): ``100.4.3``, ``648``;
- the sequence number (*nomor urut*), leading zeros kept: ``015``;
- the kind of instrument: ``Kep`` (*Keputusan*, decree);
- the issuing unit: ``Bangda`` (Directorate General of Regional Development);
- the year, after a ``/`` or a single space; both spellings occur and are kept as written.

:func:`format_decree_number` gives back exactly the text :func:`parse_decree_number` read.
"""

import re
from collections.abc import Callable
from typing import Final, Literal

import attrs

from sanitasi_core._messages import text as _text
from sanitasi_core._parsing import require_text as _require_text
from sanitasi_core.exceptions import ParseError, ValidationError

__all__ = ["DecreeNumber", "format_decree_number", "parse_decree_number"]

_EXPECTED: Final = (
    "a decree number '<archive class>-<sequence>/<kind>/<unit>[/ ]<year>' "
    "such as '100.4.3-1037/Kep/Bangda 2023'"
)

_ARCHIVE_CLASS = r"[0-9]+(?:\.[0-9]+)*"
_SEQUENCE = r"[0-9]+"
_KIND = r"[A-Za-z]+"
_UNIT = r"[A-Za-z][A-Za-z0-9.]*"
_YEAR_SEPARATORS: Final = ("/", " ")

_DECREE_RE: Final = re.compile(
    rf"(?P<archive_class>{_ARCHIVE_CLASS})-(?P<sequence>{_SEQUENCE})"
    rf"/(?P<kind>{_KIND})/(?P<unit>{_UNIT})(?P<year_separator>[/ ])(?P<year>[0-9]{{4}})",
    re.ASCII,
)


def _pattern(
    regex: str, expected_id: str, expected_en: str
) -> Callable[[object, "attrs.Attribute[str]", object], None]:
    """Return an attrs validator: the value must be a ``str`` matching *regex* in full."""
    compiled = re.compile(regex, re.ASCII)

    def check(_instance: object, attribute: "attrs.Attribute[str]", value: object) -> None:
        if not isinstance(value, str) or compiled.fullmatch(value) is None:
            raise ValidationError.single(
                attribute.name,
                _text(
                    "decree_field",
                    field=attribute.name,
                    expected_id=expected_id,
                    expected_en=expected_en,
                    got=value,
                ),
                "decree_field",
            )

    return check


def _check_year(_instance: object, attribute: "attrs.Attribute[int]", value: object) -> None:
    """Attrs validator: the year must be an ``int`` written with four digits (1000-9999)."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1000 <= value <= 9999:
        raise ValidationError.single(
            attribute.name,
            _text(
                "decree_field",
                field=attribute.name,
                expected_id="tahun empat angka (1000-9999)",
                expected_en="a four-digit year (1000-9999)",
                got=value,
            ),
            "decree_field",
        )


def _check_separator(_instance: object, attribute: "attrs.Attribute[str]", value: object) -> None:
    """Attrs validator: the year separator must be ``"/"`` or ``" "``."""
    if value not in _YEAR_SEPARATORS:
        raise ValidationError.single(
            attribute.name,
            _text(
                "decree_field",
                field=attribute.name,
                expected_id="'/' atau satu spasi",
                expected_en="'/' or a single space",
                got=value,
            ),
            "decree_field",
        )


@attrs.frozen(kw_only=True)
class DecreeNumber:
    """A decree number (*nomor keputusan*), part by part, as written.

    Attributes:
        archive_class: the archive classification code (*kode klasifikasi*), digits separated by
            dots: ``100.4.3``, ``648``.
        sequence: the sequence number (*nomor urut*), digits, leading zeros kept: ``015``.
        kind: the kind of instrument, letters: ``Kep`` (*Keputusan*).
        unit: the issuing unit, a letter then letters, digits or dots: ``Bangda``.
        year: the year of issue, four digits.
        year_separator: ``"/"`` or ``" "``, whichever the original put before the year.
    """

    archive_class: str = attrs.field(
        validator=_pattern(
            _ARCHIVE_CLASS,
            "angka dipisah titik, misalnya '100.4.3'",
            "dotted digits like '100.4.3'",
        )
    )
    sequence: str = attrs.field(
        validator=_pattern(_SEQUENCE, "angka, misalnya '015'", "digits like '015'")
    )
    kind: str = attrs.field(
        validator=_pattern(_KIND, "huruf, misalnya 'Kep'", "letters like 'Kep'")
    )
    unit: str = attrs.field(
        validator=_pattern(_UNIT, "nama unit, misalnya 'Bangda'", "a unit name like 'Bangda'")
    )
    year: int = attrs.field(validator=_check_year)
    year_separator: Literal["/", " "] = attrs.field(default="/", validator=_check_separator)

    def __str__(self) -> str:
        return format_decree_number(self)


def parse_decree_number(text: str) -> DecreeNumber:
    """Read a decree number (*nomor keputusan*).

    Surrounding whitespace is ignored; inside, the text must follow the shape exactly.

    Args:
        text: e.g. ``100.4.3-1037/Kep/Bangda 2023``, ``100.9.3-015/Kep/Bangda/2025``.

    Returns:
        The decree number, part by part.

    Raises:
        ParseError: if *text* does not have the shape
            ``<archive class>-<sequence>/<kind>/<unit>[/ ]<year>``; also for non-``str`` input
            and texts longer than 200 characters.
    """
    raw = _require_text(
        text, what_id="nomor keputusan", what_en="a decree number", expected=_EXPECTED
    )
    match = _DECREE_RE.fullmatch(raw.strip())
    if match is None or match["year"].startswith("0"):
        raise ParseError(raw, _EXPECTED, _text("decree_invalid", got=raw))
    separator: Literal["/", " "] = "/" if match["year_separator"] == "/" else " "
    return DecreeNumber(
        archive_class=match["archive_class"],
        sequence=match["sequence"],
        kind=match["kind"],
        unit=match["unit"],
        year=int(match["year"]),
        year_separator=separator,
    )


def format_decree_number(decree: DecreeNumber) -> str:
    """Write a decree number as it was spelled: ``100.4.3-1037/Kep/Bangda 2023``.

    Args:
        decree: the decree number.

    Returns:
        The text; :func:`parse_decree_number` reads it back to an equal value.
    """
    return (
        f"{decree.archive_class}-{decree.sequence}/{decree.kind}/{decree.unit}"
        f"{decree.year_separator}{decree.year}"
    )
