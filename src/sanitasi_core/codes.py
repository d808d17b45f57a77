"""Structured codes: Kemendagri region codes (*kode wilayah*) and APBD nomenclature codes.

Region codes (Permendagri 58/2021 and the yearly Kepmendagri updates) are dotted: ``PP``
province, ``PP.KK`` regency or city (*kabupaten* 01-69, *kota* 71-99), ``PP.KK.CC`` district
(*kecamatan*), ``PP.KK.CC.DDDD`` village (*desa* when DDDD starts with 2, *kelurahan* with 1).
BPS statistical codes are a different scheme and are not read here. This module checks the
shape of a code only; whether the region exists is the registry's business.

APBD nomenclature codes (Permendagri 90/2019) have the shape ``U.BB.PP.K.KK.SSSS``: affair
(*urusan*) ``1``, field (*bidang urusan*) ``1.03``, programme ``1.03.05``, activity
(*kegiatan*) ``1.03.05.2.01``, sub-activity (*sub-kegiatan*) ``1.03.05.2.01.0044``.
"""

import re
from collections.abc import Callable, Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Final

import attrs

from sanitasi_core._messages import text as _text
from sanitasi_core._parsing import require_text as _require_text
from sanitasi_core.exceptions import ParseError, ValidationError

__all__ = [
    "SUB_SECTOR_PROGRAMMES",
    "ApbdCode",
    "ApbdLevel",
    "RegionCode",
    "RegionKind",
    "RegionLevel",
    "VillageKind",
    "format_apbd_code",
    "format_region_code",
    "parse_apbd_code",
    "parse_region_code",
]


class RegionLevel(StrEnum):
    """The level of an administrative region in the Kemendagri hierarchy."""

    PROVINCE = "province"
    """*Provinsi*: ``PP``."""
    REGENCY = "regency"
    """*Kabupaten* or *kota*: ``PP.KK``."""
    DISTRICT = "district"
    """*Kecamatan*: ``PP.KK.CC``."""
    VILLAGE = "village"
    """*Desa* or *kelurahan*: ``PP.KK.CC.DDDD``."""


class RegionKind(StrEnum):
    """Whether a second-level region is a *kabupaten* (regency) or a *kota* (city)."""

    KABUPATEN = "kabupaten"
    """Code ``KK`` 01-69."""
    KOTA = "kota"
    """Code ``KK`` 71-99."""


class VillageKind(StrEnum):
    """Whether a village is a *desa* (rural village) or a *kelurahan* (urban ward)."""

    DESA = "desa"
    """Code ``DDDD`` starting with 2."""
    KELURAHAN = "kelurahan"
    """Code ``DDDD`` starting with 1."""


class ApbdLevel(StrEnum):
    """The level of an APBD nomenclature code (Permendagri 90/2019)."""

    AFFAIR = "affair"
    """*Urusan*: ``1``."""
    FIELD = "field"
    """*Bidang urusan*: ``1.03``."""
    PROGRAMME = "programme"
    """*Program*: ``1.03.05``."""
    ACTIVITY = "activity"
    """*Kegiatan*: ``1.03.05.2.01``."""
    SUB_ACTIVITY = "sub_activity"
    """*Sub-kegiatan*: ``1.03.05.2.01.0044``."""


#: Programme codes of the sanitation sub-sectors: domestic wastewater (*air limbah domestik*),
#: drainage (*drainase*) and solid waste (*persampahan*).
SUB_SECTOR_PROGRAMMES: Final[Mapping[str, str]] = MappingProxyType(
    {"1.03.05": "wastewater", "1.03.06": "drainage", "1.03.04": "solid_waste"}
)

_Validator = Callable[[object, "attrs.Attribute[Any]", object], None]

# Part names for messages: (Indonesian, English).
_PART_NAMES: Final[Mapping[str, tuple[str, str]]] = {
    "province": ("provinsi", "province"),
    "regency": ("kabupaten/kota", "regency"),
    "district": ("kecamatan", "district"),
    "village": ("desa/kelurahan", "village"),
    "affair": ("urusan", "affair"),
    "field": ("bidang urusan", "field"),
    "programme": ("program", "programme"),
    "activity": ("kegiatan", "activity"),
    "sub_activity": ("sub-kegiatan", "sub-activity"),
}


def _part(
    message: str, regex: str, expected_id: str, expected_en: str, *, optional: bool
) -> _Validator:
    """Return an attrs validator: a ``str`` matching *regex* in full (or ``None`` if optional)."""
    compiled = re.compile(regex, re.ASCII)

    def check(_instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, str) or compiled.fullmatch(value) is None:
            part_id, part_en = _PART_NAMES[attribute.name]
            raise ValidationError.single(
                attribute.name,
                _text(
                    message,
                    part_id=part_id,
                    part_en=part_en,
                    expected_id=expected_id,
                    expected_en=expected_en,
                    got=value,
                ),
                message,
            )

    return check


def _gap(message: str, names: tuple[str, ...], values: tuple[str | None, ...]) -> None:
    """Raise ValidationError if a part is given while the part above it is missing."""
    for upper, lower, upper_value, lower_value in zip(
        names, names[1:], values, values[1:], strict=False
    ):
        if lower_value is not None and upper_value is None:
            part_id, part_en = _PART_NAMES[lower]
            parent_id, parent_en = _PART_NAMES[upper]
            raise ValidationError.single(
                upper,
                _text(
                    message,
                    part_id=part_id,
                    part_en=part_en,
                    parent_id=parent_id,
                    parent_en=parent_en,
                ),
                message,
            )


# --- region codes --------------------------------------------------------------------------

_REGION_NAMES: Final = ("province", "regency", "district", "village")
_REGION_RE: Final = re.compile(
    r"(?P<province>[0-9]{2})(?:\.(?P<regency>[0-9]{2})"
    r"(?:\.(?P<district>[0-9]{2})(?:\.(?P<village>[0-9]{4}))?)?)?",
    re.ASCII,
)
_REGION_EXPECTED: Final = (
    "a Kemendagri region code such as '64', '64.11', '64.11.01' or '64.11.01.2001'"
)


@attrs.frozen(kw_only=True)
class RegionCode:
    """A Kemendagri region code (*kode wilayah*), part by part.

    A code names a province, a regency or city, a district, or a village; the parts below its
    level are ``None``. Building one with a part out of range, or with a part below a missing
    one, raises :class:`~sanitasi_core.exceptions.ValidationError`.

    Attributes:
        province: two digits, 11-99 (``64``).
        regency: two digits, 01-69 for a *kabupaten* or 71-99 for a *kota* (``11``).
        district: two digits, 01-99 (``01``): the *kecamatan*.
        village: four digits starting with 1 (*kelurahan*) or 2 (*desa*) (``2001``).
    """

    province: str = attrs.field(
        validator=_part(
            "region_code_part",
            r"1[1-9]|[2-9][0-9]",
            "dua angka 11-99",
            "two digits 11-99",
            optional=False,
        )
    )
    regency: str | None = attrs.field(
        default=None,
        validator=_part(
            "region_code_part",
            r"0[1-9]|[1-6][0-9]|7[1-9]|[89][0-9]",
            "dua angka 01-69 (kabupaten) atau 71-99 (kota)",
            "two digits 01-69 (kabupaten) or 71-99 (kota)",
            optional=True,
        ),
    )
    district: str | None = attrs.field(
        default=None,
        validator=_part(
            "region_code_part",
            r"0[1-9]|[1-9][0-9]",
            "dua angka 01-99",
            "two digits 01-99",
            optional=True,
        ),
    )
    village: str | None = attrs.field(
        default=None,
        validator=_part(
            "region_code_part",
            r"[12][0-9]{3}",
            "empat angka diawali 1 (kelurahan) atau 2 (desa)",
            "four digits starting with 1 (kelurahan) or 2 (desa)",
            optional=True,
        ),
    )

    def __attrs_post_init__(self) -> None:
        _gap("region_code_gap", _REGION_NAMES, self._parts())

    def _parts(self) -> tuple[str | None, ...]:
        return (self.province, self.regency, self.district, self.village)

    @property
    def level(self) -> RegionLevel:
        """The level of the region this code names."""
        if self.village is not None:
            return RegionLevel.VILLAGE
        if self.district is not None:
            return RegionLevel.DISTRICT
        if self.regency is not None:
            return RegionLevel.REGENCY
        return RegionLevel.PROVINCE

    @property
    def regency_kind(self) -> RegionKind | None:
        """*Kabupaten* or *kota*, from the regency part; ``None`` for a province code."""
        if self.regency is None:
            return None
        return RegionKind.KABUPATEN if self.regency < "70" else RegionKind.KOTA

    @property
    def village_kind(self) -> VillageKind | None:
        """*Desa* or *kelurahan*, from the village part; ``None`` above village level."""
        if self.village is None:
            return None
        return VillageKind.DESA if self.village.startswith("2") else VillageKind.KELURAHAN

    @property
    def province_code(self) -> str:
        """The code of the province: ``"64"``."""
        return self.province

    @property
    def regency_code(self) -> str | None:
        """The code of the regency or city (``"64.11"``); ``None`` for a province code."""
        return None if self.regency is None else f"{self.province}.{self.regency}"

    @property
    def parent(self) -> "RegionCode | None":
        """The code one level up (``64.11.01`` → ``64.11``); ``None`` for a province code."""
        if self.village is not None:
            return attrs.evolve(self, village=None)
        if self.district is not None:
            return attrs.evolve(self, district=None)
        if self.regency is not None:
            return attrs.evolve(self, regency=None)
        return None

    def __str__(self) -> str:
        return ".".join(p for p in self._parts() if p is not None)


def parse_region_code(text: str) -> RegionCode:
    """Read a dotted Kemendagri region code (*kode wilayah*).

    Surrounding whitespace is ignored. The province need not exist: see
    :mod:`sanitasi_core.regions` for that check.

    Args:
        text: ``64``, ``64.11``, ``64.11.01`` or ``64.11.01.2001``.

    Returns:
        The code, part by part.

    Raises:
        ParseError: if *text* is not a dotted code of one of these shapes, or a part is out of
            range (province 11-99, regency 01-69 or 71-99, district 01-99, village starting with
            1 or 2); also for non-``str`` input and texts longer than 200 characters.
    """
    raw = _require_text(
        text, what_id="kode wilayah", what_en="a region code", expected=_REGION_EXPECTED
    )
    match = _REGION_RE.fullmatch(raw.strip())
    if match is None:
        raise ParseError(raw, _REGION_EXPECTED, _text("region_code_invalid", got=raw))
    try:
        return RegionCode(
            province=match["province"],
            regency=match["regency"],
            district=match["district"],
            village=match["village"],
        )
    except ValidationError as err:
        raise ParseError(raw, _REGION_EXPECTED, err.problems[0].text) from None


def format_region_code(code: RegionCode) -> str:
    """Write a region code in its dotted form: ``64.11.01.2001``.

    Args:
        code: the region code.

    Returns:
        The text; :func:`parse_region_code` reads it back to an equal value.
    """
    return str(code)


# --- APBD nomenclature codes ---------------------------------------------------------------

_APBD_NAMES: Final = ("affair", "field", "programme", "activity", "sub_activity")
_APBD_RE: Final = re.compile(
    r"(?P<affair>[0-9])(?:\.(?P<field>[0-9]{2})(?:\.(?P<programme>[0-9]{2})"
    r"(?:\.(?P<activity>[0-9]\.[0-9]{2})(?:\.(?P<sub_activity>[0-9]{4}))?)?)?)?",
    re.ASCII,
)
_APBD_EXPECTED: Final = "an APBD nomenclature code such as '1.03', '1.03.05' or '1.03.05.2.01.0044'"


@attrs.frozen(kw_only=True)
class ApbdCode:
    """An APBD nomenclature code (*kode nomenklatur*, Permendagri 90/2019), part by part.

    The parts below the code's level are ``None``. Building one with a malformed part, or with a
    part below a missing one, raises :class:`~sanitasi_core.exceptions.ValidationError`.

    Attributes:
        affair: *urusan*, one digit (``1``).
        field: *bidang urusan*, two digits (``03``).
        programme: *program*, two digits (``05``).
        activity: *kegiatan*, one digit, a dot and two digits (``2.01``).
        sub_activity: *sub-kegiatan*, four digits (``0044``).
    """

    affair: str = attrs.field(
        validator=_part("apbd_code_part", r"[0-9]", "satu angka", "one digit", optional=False)
    )
    field: str | None = attrs.field(
        default=None,
        validator=_part("apbd_code_part", r"[0-9]{2}", "dua angka", "two digits", optional=True),
    )
    programme: str | None = attrs.field(
        default=None,
        validator=_part("apbd_code_part", r"[0-9]{2}", "dua angka", "two digits", optional=True),
    )
    activity: str | None = attrs.field(
        default=None,
        validator=_part(
            "apbd_code_part",
            r"[0-9]\.[0-9]{2}",
            "satu angka, titik, dua angka (misalnya '2.01')",
            "one digit, a dot and two digits (e.g. '2.01')",
            optional=True,
        ),
    )
    sub_activity: str | None = attrs.field(
        default=None,
        validator=_part("apbd_code_part", r"[0-9]{4}", "empat angka", "four digits", optional=True),
    )

    def __attrs_post_init__(self) -> None:
        _gap("apbd_code_gap", _APBD_NAMES, self._parts())

    def _parts(self) -> tuple[str | None, ...]:
        return (self.affair, self.field, self.programme, self.activity, self.sub_activity)

    @property
    def level(self) -> ApbdLevel:
        """The level of this code, from affair to sub-activity."""
        if self.sub_activity is not None:
            return ApbdLevel.SUB_ACTIVITY
        if self.activity is not None:
            return ApbdLevel.ACTIVITY
        if self.programme is not None:
            return ApbdLevel.PROGRAMME
        if self.field is not None:
            return ApbdLevel.FIELD
        return ApbdLevel.AFFAIR

    @property
    def programme_code(self) -> str | None:
        """The programme this code belongs to (``"1.03.05"``); ``None`` above programme level.

        Look it up in :data:`SUB_SECTOR_PROGRAMMES` for the sanitation sub-sector.
        """
        if self.programme is None:
            return None
        return f"{self.affair}.{self.field}.{self.programme}"

    def __str__(self) -> str:
        return ".".join(p for p in self._parts() if p is not None)


def parse_apbd_code(text: str) -> ApbdCode:
    """Read an APBD nomenclature code (*kode nomenklatur*, Permendagri 90/2019).

    Surrounding whitespace is ignored. Whether the code exists in the nomenclature is not
    checked.

    Args:
        text: ``1``, ``1.03``, ``1.03.05``, ``1.03.05.2.01`` or ``1.03.05.2.01.0044``.

    Returns:
        The code, part by part.

    Raises:
        ParseError: if *text* is not a code of one of these shapes; also for non-``str`` input
            and texts longer than 200 characters.
    """
    raw = _require_text(text, what_id="kode APBD", what_en="an APBD code", expected=_APBD_EXPECTED)
    match = _APBD_RE.fullmatch(raw.strip())
    if match is None:
        raise ParseError(raw, _APBD_EXPECTED, _text("apbd_code_invalid", got=raw))
    return ApbdCode(
        affair=match["affair"],
        field=match["field"],
        programme=match["programme"],
        activity=match["activity"],
        sub_activity=match["sub_activity"],
    )


def format_apbd_code(code: ApbdCode) -> str:
    """Write an APBD nomenclature code in its dotted form: ``1.03.05.2.01.0044``.

    Args:
        code: the APBD code.

    Returns:
        The text; :func:`parse_apbd_code` reads it back to an equal value.
    """
    return str(code)
