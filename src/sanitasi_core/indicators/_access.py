"""Indicators of access: ladder shares, their change, ODF villages, solid waste, EHRA risk."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from sanitasi_core._messages import text
from sanitasi_core._text import Text
from sanitasi_core.ehra import DEFAULT_CLASSES, risk_class, risk_index
from sanitasi_core.indicators._core import (
    ABSENT,
    NOT_APPLICABLE,
    YEAR,
    Direction,
    Observation,
    Param,
    ValueType,
    households_gap,
    indicator,
    missing,
    more_records,
    percent,
    unknown,
    wide,
)
from sanitasi_core.indicators._passes import passes
from sanitasi_core.model import (
    AccessRecord,
    AreaType,
    EhraAssessment,
)

if TYPE_CHECKING:
    from sanitasi_core.indicators._facts import Facts


def _access_for(f: Facts, year: int, name: str) -> tuple[AccessRecord | None, list[Text]]:
    """The total-area record of *year* with a value for *name*, by source priority.

    The records of the year come sorted from the facts' index (sorted once per facts).
    """
    valued = []
    for r in passes(f).access(year):
        value = _share_of(r, name)
        if value is not None:
            valued.append((r, value))
    if not valued:
        return None, []
    if len(valued) > 1 and len({v for _, v in valued}) > 1:
        shown = "; ".join(f"{r.source.value} {v}" for r, v in valued)
        note = text(
            "note_sources_disagree", year=year, values=shown, used=valued[0][0].source.value
        )
        return valued[0][0], [note]
    return valued[0][0], []


def _share_of(record: AccessRecord, name: str) -> Decimal | None:
    value: Decimal | None = record.layak_share if name == "layak" else getattr(record, name)
    return value


def _share(name: str) -> Callable[[Facts, Mapping[str, str]], Observation]:
    def derive(f: Facts, args: Mapping[str, str]) -> Observation:
        year = f.year_of(args)
        record, notes = _access_for(f, year, name)
        if record is None:
            return unknown(
                missing(f"access_records[{year}].{name}", "missing_access_figures", year=year)
            )
        value = _share_of(record, name)
        assert value is not None  # noqa: S101  # only valued records are returned
        detail = {}
        if record.households is not None and record.households.total is not None:
            detail["households"] = Decimal(record.households.total)
        return Observation(value=value, detail=detail, notes=tuple(notes))

    return derive


layak_pct = indicator(
    "layak_pct",
    type=ValueType.DECIMAL,
    unit="%",
    description=text("indicator_layak_pct"),
    derivation=text("indicator_layak_pct_derivation"),
    params=(YEAR,),
    also=households_gap,
)(_share("layak"))


safely_managed_pct = indicator(
    "safely_managed_pct",
    type=ValueType.DECIMAL,
    unit="%",
    description=text("indicator_safely_managed_pct"),
    derivation=text("indicator_safely_managed_pct_derivation"),
    params=(YEAR,),
    also=households_gap,
)(_share("safely_managed"))


open_defecation_pct = indicator(
    "open_defecation_pct",
    type=ValueType.DECIMAL,
    unit="%",
    description=text("indicator_open_defecation_pct"),
    derivation=text("indicator_open_defecation_pct_derivation"),
    direction=Direction.LOWER,
    params=(YEAR,),
)(_share("open_defecation"))


@indicator(
    "layak_change_pp",
    type=ValueType.DECIMAL,
    unit="pp",
    description=text("indicator_layak_change_pp"),
    derivation=text("indicator_layak_change_pp_derivation"),
    also=households_gap,
)
def layak_change_pp(f: Facts, _: Mapping[str, str]) -> Observation:
    now = f.observe("layak_pct")
    before = f.observe("layak_pct", {"year": "previous"})
    if now.value is None or before.value is None:
        return Observation(missing=now.missing + before.missing)
    assert isinstance(now.value, Decimal)  # noqa: S101
    assert isinstance(before.value, Decimal)  # noqa: S101
    with wide():  # exact: both shares are quantized to 0.01
        change = now.value - before.value
    return Observation(value=change, detail=dict(now.detail), notes=now.notes + before.notes)


@indicator(
    "odf_villages_pct",
    type=ValueType.DECIMAL,
    unit="%",
    description=text("indicator_odf_villages_pct"),
    derivation=text("indicator_odf_villages_pct_derivation"),
)
def odf_villages_pct(f: Facts, _: Mapping[str, str]) -> Observation:
    villages = f.seen.villages
    if villages is None:
        return unknown(missing("villages", "missing_villages_and_their_odf_status"))
    undecided = []
    verified = 0
    for item in villages:
        if item.record.odf is None:
            undecided.append(
                missing(
                    f"villages[{item.index}].odf",
                    "missing_odf_status_of_the_village",
                )
            )
        elif item.record.odf:
            verified += 1
    more = more_records(f, "villages")
    if more is not None:
        undecided.append(more)  # the share needs every village
    if undecided:
        return Observation(missing=tuple(undecided))
    if not villages:
        return NOT_APPLICABLE
    share = percent(Decimal(verified), Decimal(len(villages)), higher_is_better=True)
    return Observation(value=share, detail={"villages": Decimal(len(villages))})


def _waste_share(part: str) -> Callable[[Facts, Mapping[str, str]], Observation]:
    def derive(f: Facts, args: Mapping[str, str]) -> Observation:
        year = f.year_of(args)
        needed = missing(f"waste_records[{year}].{part}", f"missing_waste_{part}", year=year)
        records = [
            r.record
            for r in f.seen.waste_records or ()
            if r.record.year == year and r.record.area is AreaType.TOTAL
        ]
        record = records[0] if records else None
        amount = None if record is None else getattr(record, part)
        if record is None or record.generated is None or amount is None:
            return unknown(needed)
        if record.generated == 0:
            return NOT_APPLICABLE
        share = percent(amount, record.generated, higher_is_better=True)
        return Observation(value=share, detail={"generated_tonnes": record.generated})

    return derive


waste_reduction_pct = indicator(
    "waste_reduction_pct",
    type=ValueType.DECIMAL,
    unit="%",
    description=text("indicator_waste_reduction_pct"),
    derivation=text("indicator_waste_reduction_pct_derivation"),
    params=(YEAR,),
)(_waste_share("reduced"))


waste_handling_pct = indicator(
    "waste_handling_pct",
    type=ValueType.DECIMAL,
    unit="%",
    description=text("indicator_waste_handling_pct"),
    derivation=text("indicator_waste_handling_pct_derivation"),
    params=(YEAR,),
)(_waste_share("handled"))


@indicator(
    "high_risk_villages_pct",
    type=ValueType.DECIMAL,
    unit="%",
    description=text("indicator_high_risk_villages_pct"),
    derivation=text("indicator_high_risk_villages_pct_derivation"),
    direction=Direction.LOWER,
    params=(YEAR,),
)
def high_risk_villages_pct(f: Facts, args: Mapping[str, str]) -> Observation:
    surveys = f.seen.ehra
    if surveys is None:
        return unknown(missing("ehra", "missing_ehra_survey_results_per_village"))
    year = f.year_of(args)
    latest: dict[str, EhraAssessment] = {}
    for item in surveys:
        s = item.record
        newer = s.village not in latest or latest[s.village].year < s.year
        if s.year <= year and newer:
            latest[s.village] = s
    more = more_records(f, "ehra")
    if more is not None:
        return unknown(more)  # the share needs every surveyed village
    if not latest:
        return ABSENT
    high = 0
    undecided = []
    for code, survey in sorted(latest.items()):
        index = risk_index(survey.scores)
        if index is None:
            undecided.append(
                missing(
                    f"ehra[{code}].scores",
                    "missing_ehra_scores_of_every_domain",
                )
            )
        elif risk_class(index) >= DEFAULT_CLASSES.count - 1:
            high += 1
    if undecided:
        return Observation(missing=tuple(undecided))
    share = percent(Decimal(high), Decimal(len(latest)), higher_is_better=False)
    return Observation(value=share, detail={"villages": Decimal(len(latest))})


SHARE: Final = Param(
    name="share",
    choices=("layak", "safely_managed", "open_defecation"),
    description=text("param_share"),
)
AREA: Final = Param(
    name="area",
    choices=tuple(a.value for a in AreaType),
    default="total",
    description=text("param_area"),
)


@indicator(
    "latest_share",
    type=ValueType.DECIMAL,
    unit="%",
    description=text("indicator_latest_share"),
    derivation=text("indicator_latest_share_derivation"),
    params=(SHARE, AREA),
    also=households_gap,
)
def latest_share(f: Facts, args: Mapping[str, str]) -> Observation:
    """The latest share of the ladder up to the fiscal year (for distances to targets)."""
    name = args["share"]
    shown = args.get("area", "total")
    area = _AREAS.get(shown)
    if area is None:
        area = AreaType(shown)  # not an area: raises as the enum does
    found = passes(f).latest(name, area)
    if found is None:
        return unknown(missing(f"access_records.{name}", "missing_access_share", share=name))
    record, value = found
    detail = {"year": Decimal(record.year)}
    if record.households is not None and record.households.total is not None:
        detail["households"] = Decimal(record.households.total)
    return Observation(value=value, detail=detail)


_AREAS: Final = {a.value: a for a in AreaType}
