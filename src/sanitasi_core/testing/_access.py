"""Access and environment data: households per rung, access shares, villages, EHRA, waste.

Valid by construction: known rungs never add up to more than the total, access shares add up
to at most 100 with a consistent *layak* headline, and reduced plus handled waste never exceeds
what was generated.
"""

from __future__ import annotations

import functools
from decimal import Decimal

from hypothesis import strategies as st

from sanitasi_core.model import (
    AccessRecord,
    AccessSource,
    AreaType,
    EhraAssessment,
    RungCounts,
    VillageRecord,
    WasteRecord,
)
from sanitasi_core.testing._records import _provenance_tuples
from sanitasi_core.testing._scalars import (
    _maybe,
    _scores,
    _village_codes,
    dates,
    decimals,
    money,
    percentages,
    texts,
    years,
)

__all__ = [
    "access_records",
    "ehra_assessments",
    "rung_counts",
    "village_records",
    "waste_records",
]


@st.composite
def _rung_counts(draw: st.DrawFn) -> RungCounts:
    parts = [draw(_maybe(st.integers(0, 200_000))) for _ in range(5)]
    known = sum(p for p in parts if p is not None)
    total = draw(_maybe(st.integers(known, known + 200_000)))
    return RungCounts(
        total=total,
        safely_managed=parts[0],
        basic=parts[1],
        limited=parts[2],
        unimproved=parts[3],
        open_defecation=parts[4],
    )


@functools.cache
def rung_counts() -> st.SearchStrategy[RungCounts]:
    """Household counts whose known rungs never add up to more than the total."""
    return _rung_counts()


@st.composite
def _access_record(draw: st.DrawFn) -> AccessRecord:
    # Shares in hundredths of a percent, drawn within what is left so they add up to <= 100.
    left = 10_000
    shares: list[Decimal | None] = []
    for _ in range(5):
        if draw(st.booleans()):
            hundredths = draw(st.integers(0, left))
            left -= hundredths
            shares.append(Decimal(hundredths).scaleb(-2))
        else:
            shares.append(None)
    safely, basic, limited = shares[:3]
    if safely is not None and basic is not None and limited is not None:
        summed = safely + basic + limited
        # Published headlines are rounded: anything within the tolerance of 0.5 is consistent.
        offset = Decimal(draw(st.integers(-40, 40))).scaleb(-2)
        layak = draw(st.none() | st.just(max(Decimal(0), min(Decimal(100), summed + offset))))
    else:
        layak = draw(_maybe(percentages()))
    households = draw(_maybe(rung_counts()))
    if all(s is None for s in shares) and layak is None and households is None:
        layak = draw(percentages())
    return AccessRecord(
        year=draw(years()),
        source=draw(st.sampled_from(AccessSource)),
        area=draw(st.sampled_from(AreaType)),
        safely_managed=safely,
        basic=basic,
        limited=limited,
        unimproved=shares[3],
        open_defecation=shares[4],
        layak=layak,
        households=households,
        published_on=draw(_maybe(dates())),
        provenance=draw(_provenance_tuples()),
    )


@functools.cache
def access_records() -> st.SearchStrategy[AccessRecord]:
    """Access records with at least one figure, shares adding up to <= 100, consistent layak."""
    return _access_record()


def _village_code_in(region_code: str) -> st.SearchStrategy[str]:
    district = st.integers(1, 99).map(lambda n: f"{n:02d}")
    village = st.sampled_from("12").flatmap(
        lambda k: st.integers(1, 999).map(lambda n: f"{k}{n:03d}")
    )
    return st.tuples(district, village).map(lambda t: f"{region_code}.{t[0]}.{t[1]}")


@functools.cache
def village_records(region_code: str | None = None) -> st.SearchStrategy[VillageRecord]:
    """Villages with an ODF status that may be unknown.

    Args:
        region_code: a kab/kota code (``64.11``) the village codes lie in (default: any).
    """
    codes = _village_codes() if region_code is None else _village_code_in(region_code)
    return st.builds(
        VillageRecord,
        code=codes,
        name=_maybe(texts()),
        odf=_maybe(st.booleans()),
        odf_verified_on=_maybe(dates()),
        provenance=_provenance_tuples(),
    )


@functools.cache
def ehra_assessments(region_code: str | None = None) -> st.SearchStrategy[EhraAssessment]:
    """EHRA results with risk scores per domain.

    Args:
        region_code: a kab/kota code (``64.11``) the village codes lie in (default: any).
    """
    codes = _village_codes() if region_code is None else _village_code_in(region_code)
    domains = st.sampled_from(
        ("water_source", "wastewater", "solid_waste", "drainage", "hygiene_behaviour")
    )
    return st.builds(
        EhraAssessment,
        village=codes,
        year=years(),
        scores=st.dictionaries(domains, _scores(), min_size=1, max_size=5),
        households=_maybe(st.integers(0, 500)),
        provenance=_provenance_tuples(),
    )


@st.composite
def _waste_record(draw: st.DrawFn) -> WasteRecord:
    generated = draw(_maybe(decimals(min_value=0, max_value=1_000_000, max_places=2)))
    reduced = handled = None
    if generated is not None:
        reduced = draw(
            _maybe(
                st.integers(0, 100).map(
                    lambda p: (generated * p / 200).quantize(Decimal("0.01"), "ROUND_DOWN")
                )
            )
        )
        handled = draw(
            _maybe(
                st.integers(0, 100).map(
                    lambda p: (generated * p / 200).quantize(Decimal("0.01"), "ROUND_DOWN")
                )
            )
        )
    else:
        reduced = draw(_maybe(money()))
        handled = draw(_maybe(money()))
    return WasteRecord(
        year=draw(years()),
        generated=generated,
        reduced=reduced,
        handled=handled,
        area=draw(st.sampled_from(AreaType)),
        provenance=draw(_provenance_tuples()),
    )


@functools.cache
def waste_records() -> st.SearchStrategy[WasteRecord]:
    """Solid-waste tonnages where reduced + handled never exceed what was generated."""
    return _waste_record()
