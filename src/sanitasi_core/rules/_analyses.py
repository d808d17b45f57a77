"""Analyses beside the milestones: the designation check and the distances to national targets.

Both read the facts (the dossier as seen on the evaluation date, and its indicators), never the
raw dossier.
"""

import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_CEILING, Decimal
from typing import Final, Literal

from sanitasi_core._messages import text
from sanitasi_core._text import Text
from sanitasi_core.indicators import Facts
from sanitasi_core.model import Designation, Milestone, NationalTarget, TargetIndicator
from sanitasi_core.rules.results import DesignationCheck, TargetDistance

__all__ = ["designation_check", "target_distances"]

_RANK: Final = {None: 0} | {m: m.rank for m in Milestone}

_SHARE: Final = {
    TargetIndicator.LAYAK: "layak",
    TargetIndicator.SAFELY_MANAGED: "safely_managed",
    TargetIndicator.OPEN_DEFECATION: "open_defecation",
}


def designation_check(
    facts: Facts, certain: Milestone | None, possible: Milestone | None
) -> DesignationCheck:
    """Compare the designation that governs the fiscal year (else the latest) with the evidence."""
    dated = [item.record for item in facts.seen.designations or () if item.dated]
    if not dated:
        return DesignationCheck(status="no_designation", text=text("designation_none"))

    def order(d: Designation) -> tuple[bool, dt.date, int]:
        day = d.decree.date or dt.date.min
        return (d.programme_year == facts.year, day, d.milestone.rank)

    latest = max(dated, key=order)
    claimed = latest.claimed
    ref = latest.decree.number or latest.decree.kind.value
    none = text("designation_no_milestone")
    claimed_name: Text | str = claimed.value if claimed else none
    certain_name: Text | str = certain.value if certain else none
    possible_name: Text | str = possible.value if possible else none
    status: Literal["consistent", "unconfirmed", "contradicted", "ahead"]
    if _RANK[possible] < _RANK[claimed]:
        status = "contradicted"
        found = text(
            "designation_contradicted", ref=ref, claimed=claimed_name, possible=possible_name
        )
    elif _RANK[certain] < _RANK[claimed]:
        status = "unconfirmed"
        found = text("designation_unconfirmed", ref=ref, claimed=claimed_name, certain=certain_name)
    elif _RANK[certain] > latest.milestone.rank:
        status = "ahead"
        found = text(
            "designation_ahead", ref=ref, certain=certain_name, designated=latest.milestone.value
        )
    else:
        status = "consistent"
        found = text("designation_consistent", ref=ref, designated=latest.milestone.value)
    return DesignationCheck(
        status=status,
        text=found,
        decree=latest.decree.number,
        designated=latest.milestone,
        claimed=claimed,
        programme_year=latest.programme_year,
    )


def target_distances(targets: Sequence[NationalTarget], facts: Facts) -> tuple[TargetDistance, ...]:
    """The distance of the latest access figure (indicator ``latest_share``) to each target."""
    out = []
    for target in targets:
        share = _SHARE.get(target.indicator)
        if share is None:
            out.append(TargetDistance(target=target))
            continue
        obs = facts.observe("latest_share", {"share": share, "area": target.area.value})
        value = obs.value
        if not isinstance(value, Decimal):
            out.append(TargetDistance(target=target))
            continue
        if target.indicator.higher_is_better:
            gap = max(target.value - value, Decimal(0))
        else:
            gap = max(value - target.value, Decimal(0))
        total = obs.detail.get("households")
        households = None
        if total is not None:
            households = int((gap * total / 100).to_integral_value(rounding=ROUND_CEILING))
        out.append(
            TargetDistance(
                target=target,
                observed=value,
                observed_year=int(obs.detail["year"]),
                gap_pp=gap,
                gap_households=households,
                met=gap == 0,
            )
        )
    return tuple(out)
