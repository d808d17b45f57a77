"""The records of the register: :class:`Province` and :class:`Regency`, validated when made."""

import attrs

from sanitasi_core.codes import RegionKind
from sanitasi_core.regions._names import (
    _check_province_code,
    _check_regency_code,
    _check_text,
    _issue,
    _kind_of_code,
    _raise,
    _to_kind,
)


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
