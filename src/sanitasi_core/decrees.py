"""Decree numbers (*nomor keputusan*) and regulation titles (*judul peraturan*).

**Decree numbers** of ministerial decrees, e.g. ``100.4.3-1037/Kep/Bangda 2023``, have the
shape ``<archive class>-<sequence>/<kind>/<unit>[/ ]<year>``:

- the archive classification code (*kode klasifikasi arsip*), one to five levels: ``100.4.3``,
  ``648``, ``800.1.2.5``;
- the sequence number (*nomor urut*), leading zeros kept: ``015``;
- the kind of instrument: ``Kep`` (*Keputusan*, decree);
- the issuing unit: ``Bangda`` (Directorate General of Regional Development);
- the year, after a ``/`` or a single space; both spellings occur and are kept as written.

:func:`parse_decree_number` also reads spaces around a slash (``100.4.3-1290/ Kep/Bangda/2022``,
as PDFs and news pages write it); :func:`format_decree_number` gives the canonical form without
them, and otherwise exactly the text that was read.

**Regulations** are named by their title: ``PERATURAN BUPATI MAHAKAM ULU NOMOR 47 TAHUN 2021``,
``Peraturan Daerah Kabupaten X Nomor 5 Tahun 2021``, ``Peraturan Menteri Dalam Negeri Nomor 90
Tahun 2019``, ``Instruksi Presiden Nomor 1 Tahun 2024``, or the short forms ``Perpres 12/2025``,
``Permendagri 86/2017``. :func:`parse_regulation` splits a title into a :class:`Regulation`:
its kind (:class:`RegulationKind`), issuer, number and year; :func:`format_regulation` writes
the canonical title back.
"""

import re
from collections.abc import Callable
from enum import StrEnum
from typing import Final, Literal

import attrs

from sanitasi_core import _decrees_forms as _forms
from sanitasi_core import _validators as _v
from sanitasi_core._messages import text as _text
from sanitasi_core._parsing import require_text as _require_text
from sanitasi_core.exceptions import ParseError, ValidationError

__all__ = [
    "DecreeNumber",
    "Regulation",
    "RegulationKind",
    "format_decree_number",
    "format_regulation",
    "parse_decree_number",
    "parse_regulation",
]

_EXPECTED: Final = (
    "a decree number '<archive class>-<sequence>/<kind>/<unit>[/ ]<year>' "
    "such as '100.4.3-1037/Kep/Bangda 2023'"
)

_ARCHIVE_CLASS = _forms.ARCHIVE_CLASS
_SEQUENCE = r"[0-9]+"
_KIND = r"[A-Za-z]+"
_UNIT = r"[A-Za-z][A-Za-z0-9.]*"
_YEAR_SEPARATORS: Final = ("/", " ")


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
        archive_class: the archive classification code (*kode klasifikasi*), one to five levels
            of digits separated by dots: ``100.4.3``, ``648``, ``800.1.2.5``.
        sequence: the sequence number (*nomor urut*), digits, leading zeros kept: ``015``.
        kind: the kind of instrument, letters: ``Kep`` (*Keputusan*).
        unit: the issuing unit, a letter then letters, digits or dots: ``Bangda``.
        year: the year of issue, four digits.
        year_separator: ``"/"`` or ``" "``, whichever the original put before the year.
    """

    archive_class: str = attrs.field(
        validator=_pattern(
            _ARCHIVE_CLASS,
            "angka dipisah titik (satu sampai lima tingkat), misalnya '100.4.3'",
            "one to five levels of dotted digits like '100.4.3'",
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

    Surrounding whitespace is ignored; inside, the text must follow the shape exactly, except
    that spaces may stand around a slash (``100.4.3-1290/ Kep/Bangda/2022``).

    Args:
        text: e.g. ``100.4.3-1037/Kep/Bangda 2023``, ``100.9.3-015/Kep/Bangda/2025``,
            ``800.1.2.5-012/Kep/Bangda/2024``.

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
    match = _forms.DECREE_RE.fullmatch(raw.strip())
    if match is None or match["year"].startswith("0"):
        raise ParseError(raw, _EXPECTED, _text("decree_invalid", got=raw))
    separator: Literal["/", " "] = "/" if "/" in match["year_separator"] else " "
    return DecreeNumber(
        archive_class=match["archive_class"],
        sequence=match["sequence"],
        kind=match["kind"],
        unit=match["unit"],
        year=int(match["year"]),
        year_separator=separator,
    )


def format_decree_number(decree: DecreeNumber) -> str:
    """Write a decree number in its canonical form: ``100.4.3-1037/Kep/Bangda 2023``.

    The form is the one read, without spaces around the slashes.

    Args:
        decree: the decree number.

    Returns:
        The text; :func:`parse_decree_number` reads it back to an equal value.
    """
    return (
        f"{decree.archive_class}-{decree.sequence}/{decree.kind}/{decree.unit}"
        f"{decree.year_separator}{decree.year}"
    )


# --------------------------------------------------------------------------------------------
# Regulations (peraturan)
# --------------------------------------------------------------------------------------------

_EXPECTED_REGULATION: Final = (
    "a regulation title such as 'Peraturan Bupati Mahakam Ulu Nomor 47 Tahun 2021' "
    "or 'Perpres 12/2025'"
)


class RegulationKind(StrEnum):
    """The kind of a regulation or other legal instrument named by its title."""

    PERDA = "perda"
    """*Peraturan Daerah*: regional regulation of a province, kabupaten or kota."""
    PERBUP = "perbup"
    """*Peraturan Bupati*: regent's regulation."""
    PERWALI = "perwali"
    """*Peraturan Wali Kota* (also written *Walikota*): mayor's regulation."""
    PERGUB = "pergub"
    """*Peraturan Gubernur*: governor's regulation."""
    PERMEN = "permen"
    """*Peraturan Menteri*: ministerial regulation (*Permendagri*, *Permenkes*, …)."""
    PERPRES = "perpres"
    """*Peraturan Presiden*: presidential regulation."""
    PP = "pp"
    """*Peraturan Pemerintah*: government regulation."""
    UU = "uu"
    """*Undang-Undang*: law."""
    INPRES = "inpres"
    """*Instruksi Presiden*: presidential instruction."""
    INSTRUKSI = "instruksi"
    """*Instruksi* of a regional head or minister (*Instruksi Bupati X*)."""
    SE = "se"
    """*Surat Edaran*: circular."""
    LEMBARAN_DAERAH = "lembaran_daerah"
    """*Lembaran Daerah*: the regional gazette a Perda is published in."""
    BERITA_DAERAH = "berita_daerah"
    """*Berita Daerah*: the regional bulletin a regional head's regulation is published in."""


_TITLES: Final[dict[RegulationKind, str]] = {
    RegulationKind.PERDA: "Peraturan Daerah",
    RegulationKind.PERBUP: "Peraturan Bupati",
    RegulationKind.PERWALI: "Peraturan Wali Kota",
    RegulationKind.PERGUB: "Peraturan Gubernur",
    RegulationKind.PERMEN: "Peraturan Menteri",
    RegulationKind.PERPRES: "Peraturan Presiden",
    RegulationKind.PP: "Peraturan Pemerintah",
    RegulationKind.UU: "Undang-Undang",
    RegulationKind.INPRES: "Instruksi Presiden",
    RegulationKind.INSTRUKSI: "Instruksi",
    RegulationKind.SE: "Surat Edaran",
    RegulationKind.LEMBARAN_DAERAH: "Lembaran Daerah",
    RegulationKind.BERITA_DAERAH: "Berita Daerah",
}
# National instruments name no issuer in their title (the Republic is implied).
_NO_ISSUER: Final = frozenset(
    (RegulationKind.PERPRES, RegulationKind.PP, RegulationKind.UU, RegulationKind.INPRES)
)
# Gazettes write the year before the number.
_YEAR_FIRST: Final = frozenset((RegulationKind.LEMBARAN_DAERAH, RegulationKind.BERITA_DAERAH))
_ISSUER_WORD: Final = re.compile(r"[A-Za-z][A-Za-z.'\-]*", re.ASCII)
_KEYWORDS: Final = frozenset(("nomor", "nomer", "no", "no.", "tahun", "thn", "thn.", "th", "th."))
_NUMBER: Final = re.compile(r"[A-Za-z0-9]+(?:[./\-][A-Za-z0-9]+)*", re.ASCII)
_REPUBLIC: Final = re.compile(r"(?:^| )republik indonesia$", re.IGNORECASE | re.ASCII)


def _regulation_field(
    field: str, expected_id: str, expected_en: str, got: object
) -> ValidationError:
    return ValidationError.single(
        field,
        _text(
            "regulation_field",
            field=field,
            expected_id=expected_id,
            expected_en=expected_en,
            got=got,
        ),
        "regulation_field",
    )


def _check_kind(
    _instance: object, attribute: "attrs.Attribute[RegulationKind]", value: object
) -> None:
    if not isinstance(value, RegulationKind):
        choices = ", ".join(k.value for k in RegulationKind)
        raise _regulation_field(
            attribute.name, f"salah satu dari {choices}", f"one of {choices}", value
        )


def _check_issuer(
    instance: object, attribute: "attrs.Attribute[str | None]", value: object
) -> None:
    kind = getattr(instance, "kind", None)
    if value is None:
        return
    words = value.split(" ") if isinstance(value, str) else []
    if (
        not isinstance(value, str)
        or not words
        or any(_ISSUER_WORD.fullmatch(w) is None or w.lower() in _KEYWORDS for w in words)
        or _REPUBLIC.search(value) is not None
        or kind in _NO_ISSUER
        or (kind is RegulationKind.INSTRUKSI and words[0].lower() == "presiden")
    ):
        raise _regulation_field(
            attribute.name,
            "nama penerbit (kata-kata huruf, tanpa 'Nomor'/'Tahun'; tidak ada untuk Perpres, PP, "
            "UU, Inpres)",
            "an issuer name (words of letters, no 'Nomor'/'Tahun'; none for Perpres, PP, UU, "
            "Inpres)",
            value,
        )


def _check_number(_instance: object, attribute: "attrs.Attribute[str]", value: object) -> None:
    if (
        not isinstance(value, str)
        or _NUMBER.fullmatch(value) is None
        or not any(c.isdigit() for c in value)
    ):
        raise _regulation_field(
            attribute.name,
            "nomor berupa huruf dan angka dengan sedikitnya satu angka, misalnya '47' atau '12A'",
            "a number of letters and digits with at least one digit, like '47' or '12A'",
            value,
        )


def _check_subject(
    _instance: object, attribute: "attrs.Attribute[str | None]", value: object
) -> None:
    if value is not None and (
        not isinstance(value, str) or not value.strip() or " ".join(value.split()) != value
    ):
        raise _regulation_field(
            attribute.name,
            "teks tanpa spasi berlebih",
            "a text without extra whitespace",
            value,
        )


# The single-field rules of a regulation as data, stated by the dossier's JSON Schema (the
# checks above give the messages; tests/test_schema_differential.py keeps the two equal). That an
# issuer is no keyword and is absent for national kinds is checked by the library only.
_ISSUER_RULE: Final = _v.Rule(pattern=r"[A-Za-z][A-Za-z.'\-]*(?: [A-Za-z][A-Za-z.'\-]*)*")
_NUMBER_RULE: Final = _v.Rule(
    pattern=r"(?:[A-Za-z0-9]+[./\-])*[A-Za-z]*[0-9][A-Za-z0-9]*(?:[./\-][A-Za-z0-9]+)*"
)
_YEAR_RULE: Final = _v.Rule(minimum=1000, maximum=9999, code="decree_field")
_SUBJECT_RULE: Final = _v.Rule(non_blank=True, pattern=r"\S+(?: \S+)*")


@attrs.frozen(kw_only=True)
class Regulation:
    """A regulation or other legal instrument as named by its title (*judul peraturan*).

    Attributes:
        kind: the kind: Perda, Perbup, Perwali, Pergub, Permen, Perpres, PP, UU, Inpres, …
        issuer: who issued it, as written in the title after the kind: ``Kabupaten Mahakam
            Ulu`` for a Perda, ``Mahakam Ulu`` for a Perbup (*Peraturan Bupati Mahakam Ulu*),
            ``Dalam Negeri`` for a Permen (*Peraturan Menteri Dalam Negeri*); ``None`` when the
            title names none, and always for Perpres, PP, UU and Inpres.
        number: the number (*nomor*) as written, letters and digits, leading zeros kept:
            ``47``, ``12A``, ``05``, ``440/1234/SJ``.
        year: the year (*tahun*), four digits.
        subject: what it is about (*tentang …*), when the title says so.

    Raises:
        ValidationError: if a field is malformed.
    """

    kind: RegulationKind = attrs.field(validator=_check_kind)
    issuer: str | None = attrs.field(default=None, validator=_v.Check(_check_issuer, _ISSUER_RULE))
    number: str = attrs.field(validator=_v.Check(_check_number, _NUMBER_RULE))
    year: int = attrs.field(validator=_v.Check(_check_year, _YEAR_RULE))
    subject: str | None = attrs.field(
        default=None, validator=_v.Check(_check_subject, _SUBJECT_RULE)
    )

    def __str__(self) -> str:
        return format_regulation(self)


def parse_regulation(text: str) -> Regulation:
    """Read a regulation title (*judul peraturan*) into its parts.

    Read are the full titles of regional and national instruments, in any letter case and with
    line breaks anywhere: ``PERATURAN DAERAH KABUPATEN/KOTA X``, ``PERATURAN BUPATI X``,
    ``PERATURAN WALIKOTA X`` or ``WALI KOTA X``, ``PERATURAN GUBERNUR X``, ``Peraturan Menteri
    …``, ``Peraturan Presiden``, ``Peraturan Pemerintah``, ``Undang-Undang``, ``Instruksi
    Presiden``, ``Instruksi <office> X``, ``Surat Edaran …``, ``Lembaran Daerah X`` and
    ``Berita Daerah X``; and the short forms ``Perda``, ``Perbup``, ``Perwali``, ``Pergub``,
    ``Permen``, ``Permendagri``, ``Permenkes``, ``Perpres``, ``Inpres``, ``PP``, ``UU``, ``SE``.
    Then the number and year: ``NOMOR 47 TAHUN 2021``, ``Nomor : 12A Tahun : 2010``, ``No. 5
    Tahun 2020``, ``12 Tahun 2025``, ``86/2017``; gazettes write ``Tahun 2021 Nomor 5``. A
    trailing ``Republik Indonesia`` after the issuer is dropped, and ``tentang …`` after the year
    is kept as the subject.

    Args:
        text: the title, e.g. ``PERATURAN BUPATI MAHAKAM ULU NOMOR 47 TAHUN 2021``.

    Returns:
        The regulation.

    Raises:
        ParseError: if the text is not such a title; the message says when the number or the
            year is missing, or the year is truncated or garbled (``2O2O``). Also for
            non-``str`` input and texts longer than 200 characters.
    """
    raw = _require_text(
        text, what_id="judul peraturan", what_en="a regulation title", expected=_EXPECTED_REGULATION
    )
    normalised = " ".join(raw.split())
    match = _forms.REGULATION_RE.fullmatch(normalised)
    if match is None:
        raise _diagnose_regulation(raw, normalised)
    kind_value, implied = _forms.HEADS[" ".join(match["head"].lower().split())]
    kind = RegulationKind(kind_value)
    issuer = match["issuer"]
    if issuer is not None:
        issuer = _REPUBLIC.sub("", issuer) or None
    if implied is not None:
        if issuer is not None:
            raise _regulation_error(raw, "regulation_invalid")
        issuer = implied
    if kind in _NO_ISSUER and issuer is not None:
        raise _regulation_error(raw, "regulation_no_issuer", kind=kind.value, issuer=issuer)
    number = next(n for n in (match["n1"], match["n2"], match["n3"], match["n4"]) if n)
    if not any(c.isdigit() for c in number):
        raise _regulation_error(raw, "regulation_missing_number")
    year_text = next(y for y in (match["y1"], match["y2"], match["y3"], match["y4"]) if y)
    year = _regulation_year(raw, year_text)
    try:
        return Regulation(
            kind=kind, issuer=issuer, number=number, year=year, subject=match["subject"]
        )
    except ValidationError:
        raise _regulation_error(raw, "regulation_invalid") from None


def _regulation_error(raw: str, code: str, **params: object) -> ParseError:
    return ParseError(raw, _EXPECTED_REGULATION, _text(code, got=raw, **params))


def _regulation_year(raw: str, year_text: str) -> int:
    """Read a four-digit year, saying why another is refused (a letter in it, truncated)."""
    if year_text.isdigit() and len(year_text) == 4 and not year_text.startswith("0"):
        return int(year_text)
    letter = next((c for c in year_text if not c.isdigit()), None)
    if letter is not None:
        raise _regulation_error(raw, "year_letter", year=year_text, letter=letter)
    if len(year_text) < 4:
        raise _regulation_error(raw, "year_truncated", year=year_text)
    raise _regulation_error(raw, "regulation_invalid")


def _diagnose_regulation(raw: str, normalised: str) -> ParseError:
    """Say why a text is not a regulation title: no number, no year, or not a title at all."""
    head = _forms.HEAD_RE.match(normalised)
    if head is None:
        return _regulation_error(raw, "regulation_invalid")
    rest = normalised[head.end() :]
    nomor = _forms.NOMOR_RE.search(rest)
    tahun = _forms.TAHUN_RE.search(rest)
    before_year = rest if tahun is None else rest[: tahun.start()]
    if nomor is None:
        has_number = any(w[:1].isdigit() for w in before_year.split())
    else:
        has_number = bool(before_year[nomor.end() :].strip(" :"))
    if not has_number:
        return _regulation_error(raw, "regulation_missing_number")
    if tahun is None:
        return _regulation_error(raw, "regulation_missing_year")
    return _regulation_error(raw, "regulation_invalid")


def format_regulation(regulation: Regulation) -> str:
    """Write the canonical title of a regulation; :func:`parse_regulation` reads it back.

    Args:
        regulation: the regulation.

    Returns:
        e.g. ``Peraturan Bupati Mahakam Ulu Nomor 47 Tahun 2021``, ``Peraturan Presiden Nomor
        12 Tahun 2025``, ``Lembaran Daerah Kabupaten Mahakam Ulu Tahun 2021 Nomor 5``, with
        ``tentang <subject>`` at the end when there is a subject.

    Raises:
        ValidationError: if *regulation* is not a :class:`Regulation`.
    """
    if not isinstance(regulation, Regulation):
        raise _regulation_field("regulation", "Regulation", "a Regulation", regulation)
    words = [_TITLES[regulation.kind]]
    if regulation.issuer is not None:
        words.append(regulation.issuer)
    if regulation.kind in _YEAR_FIRST:
        words += ["Tahun", str(regulation.year), "Nomor", regulation.number]
    else:
        words += ["Nomor", regulation.number, "Tahun", str(regulation.year)]
    if regulation.subject is not None:
        words += ["tentang", regulation.subject]
    return " ".join(words)
