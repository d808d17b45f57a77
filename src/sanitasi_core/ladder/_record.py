"""The household record: its answer columns (enums), the rungs, and its validation.

``None`` in any answer means *not known*. This module uses no ``from __future__ import
annotations``: Hypothesis infers the attrs field types of :class:`HouseholdRecord` at run time.
"""

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from enum import StrEnum
from typing import Any, Final, Literal

import attrs

from sanitasi_core import _validators as v
from sanitasi_core._messages import text as _text
from sanitasi_core._text import Text
from sanitasi_core.exceptions import ValidationError

# --------------------------------------------------------------------------------------------
# The record columns
# --------------------------------------------------------------------------------------------


class Area(StrEnum):
    """Where the household lives (*perkotaan / perdesaan*)."""

    URBAN = "urban"  #: *Perkotaan*.
    RURAL = "rural"  #: *Perdesaan*.


class Facility(StrEnum):
    """Whose toilet facility the household uses (*fasilitas tempat buang air besar*)."""

    OWN = "own"  #: *Milik sendiri*: used by this household only.
    SHARED = "shared"  #: *Bersama*: shared with specific other households.
    PUBLIC = "public"  #: *Umum*: a public facility.
    NONE = "none"  #: *Tidak ada*: no facility.


class Toilet(StrEnum):
    """The type of toilet (*jenis kloset*)."""

    GOOSENECK = "gooseneck"  #: *Leher angsa*: a water-seal toilet.
    SQUAT_PLATE = "squat_plate"  #: *Plengsengan*: a squat plate without a water seal.
    PIT = "pit"  #: *Cemplung / cubluk*: a pit without a water seal.
    NONE = "none"  #: No toilet fixture.


class Disposal(StrEnum):
    """Where the faeces end up (*tempat pembuangan akhir tinja*)."""

    SEPTIC_TANK = "septic_tank"  #: *Tangki septik* (SPALD-S).
    IPALD = "ipald"  #: A domestic wastewater treatment plant (*IPALD*, SPALD-T).
    SEWER = "sewer"  #: A sewer connection (SPALD-T).
    SOIL_PIT = "soil_pit"  #: *Lubang tanah*.
    OPEN_WATER_OR_FIELD = "open_water_or_field"  #: Pond, field, river, lake or sea.
    OTHER = "other"  #: Any other place.
    NONE = "none"  #: No disposal at all.


class Rung(StrEnum):
    """A rung of the sanitation ladder (*tangga akses sanitasi*), best first."""

    SAFELY_MANAGED = "safely_managed"  #: *Akses aman*.
    BASIC = "basic"  #: *Layak sendiri*.
    LIMITED = "limited"  #: *Layak bersama*.
    UNIMPROVED = "unimproved"  #: *Belum layak*.
    OPEN_DEFECATION = "open_defecation"  #: *BABS di tempat terbuka*.

    @property
    def rank(self) -> int:
        """Return 5 for safely managed … 1 for open defecation: higher is better."""
        return _RANK[self]

    @property
    def is_layak(self) -> bool:
        """Whether the rung counts towards the *layak* headline (safely managed, basic, limited)."""
        return _RANK[self] >= 3

    @property
    def label(self) -> Text:
        """The rung's name in both languages (*akses aman* / safely managed, …)."""
        return _text(f"rung_{self.value}")


_RANK: Final[Mapping[Rung, int]] = {rung: 5 - index for index, rung in enumerate(Rung)}

MAX_WEIGHT: Final = Decimal(1_000_000_000)
"""The largest weight a household record may carry."""

WEIGHT_PLACES: Final = 12
"""The most decimal places a weight may have (keeps exact sums small)."""

_WEIGHT_QUANTUM: Final = Decimal(1).scaleb(-WEIGHT_PLACES)


# --------------------------------------------------------------------------------------------
# The household record
# --------------------------------------------------------------------------------------------


def _check_last_emptied(_inst: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if value is None or value == "never":
        return
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise ValidationError.single(
            attribute.name,
            _text("ladder_last_emptied_type", got=f"{value!r} ({type(value).__name__})"),
            "ladder_last_emptied_type",
        )


def _check_weight(inst: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    v.decimal(inst, attribute, value)
    assert isinstance(value, Decimal)  # noqa: S101  # narrowed by v.decimal
    if not (0 < value <= MAX_WEIGHT and value.quantize(_WEIGHT_QUANTUM) == value):
        raise ValidationError.single(
            attribute.name,
            _text("ladder_weight_range", high=MAX_WEIGHT, places=WEIGHT_PLACES, got=value),
            "ladder_weight_range",
        )


EARLIEST_SURVEY_DATE: Final = dt.date(6, 1, 1)
"""The earliest survey date accepted: its five-year emptying window starts in year 1."""


def _check_survey_date(_inst: object, attribute: "attrs.Attribute[Any]", value: dt.date) -> None:
    if value < EARLIEST_SURVEY_DATE:
        raise ValidationError.single(
            attribute.name,
            _text("ladder_survey_date_too_early", got=value, earliest=EARLIEST_SURVEY_DATE),
            "ladder_survey_date_too_early",
        )


@attrs.frozen(kw_only=True)
class HouseholdRecord:
    """One household's answers to the sanitation questions of a survey (*data rumah tangga*).

    ``None`` in an answer means *not known*; it never means "no".

    Attributes:
        household_id: the household's identifier in the survey.
        area: urban or rural.
        facility: own, shared, public or no facility.
        toilet: the toilet type.
        disposal: where the faeces end up.
        last_emptied: when the septic tank was last emptied (*terakhir dikuras*), ``"never"``,
            or ``None`` when not known. It may not be after :attr:`survey_date`.
        sludge_treated: whether the emptied sludge is treated at an IPLT.
        weight: the survey weight (how many households the record stands for), more than 0,
            at most :data:`MAX_WEIGHT`, at most :data:`WEIGHT_PLACES` decimal places; default 1.
        survey_date: the date of the interview, not before :data:`EARLIEST_SURVEY_DATE`
            (0006-01-01: an earlier year is a typing error, and its five-year emptying window
            would start before year 1).
    """

    household_id: str = attrs.field(validator=v.text_value)
    area: Area | None = attrs.field(validator=v.optional(v.member_of(Area)))
    facility: Facility | None = attrs.field(validator=v.optional(v.member_of(Facility)))
    toilet: Toilet | None = attrs.field(validator=v.optional(v.member_of(Toilet)))
    disposal: Disposal | None = attrs.field(validator=v.optional(v.member_of(Disposal)))
    last_emptied: dt.date | Literal["never"] | None = attrs.field(validator=_check_last_emptied)
    sludge_treated: bool | None = attrs.field(validator=v.optional(v.flag))
    weight: Decimal = attrs.field(
        default=Decimal(1), converter=v.to_decimal, validator=_check_weight
    )
    survey_date: dt.date = attrs.field(validator=[v.date_value, _check_survey_date])

    def __attrs_post_init__(self) -> None:
        emptied = self.last_emptied
        if isinstance(emptied, dt.date) and emptied > self.survey_date:
            raise ValidationError.single(
                "last_emptied",
                _text("ladder_emptied_after_survey", emptied=emptied, survey=self.survey_date),
                "ladder_emptied_after_survey",
            )
