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
from sanitasi_core.indicators._core import Key
from sanitasi_core.model import Designation, Milestone, NationalTarget, TargetIndicator
from sanitasi_core.rules.results import DesignationCheck, TargetDistance

__all__ = ["Targets", "designation_check", "target_distances"]

_RANK: Final = {None: 0} | {m: m.rank for m in Milestone}

_ZERO: Final = Decimal(0)
_NO_MILESTONE: Final = text("designation_no_milestone")
# Frozen, the same for every dossier without a dated designation: built once.
_NO_DESIGNATION: Final = DesignationCheck(status="no_designation", text=text("designation_none"))

_TargetPlan = tuple[NationalTarget, TargetDistance, Key | None, dict[str, str], bool]
"""A target, its distance when unknown, the ``latest_share`` lookup and its direction."""

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
        return _NO_DESIGNATION
    year = facts.year

    def order(d: Designation) -> tuple[bool, dt.date, int]:
        return (d.programme_year == year, d.decree.date or dt.date.min, _RANK[d.milestone])

    latest = max(dated, key=order)
    claimed = latest.claimed
    ref = latest.decree.number or latest.decree.kind.value
    none = _NO_MILESTONE
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
    elif _RANK[certain] > _RANK[latest.milestone]:
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
    return Targets(targets).distances(facts)


class Targets:
    """National targets prepared once (for a compiled rulebook): the lookup each one needs.

    Args:
        targets: the targets, in the order the distances are reported.
    """

    __slots__ = ("_plans",)

    def __init__(self, targets: Sequence[NationalTarget]) -> None:
        plans: list[_TargetPlan] = []
        for target in targets:
            # The distance of a target without a figure: the same frozen object every time.
            unknown = TargetDistance(target=target)
            share = _SHARE.get(target.indicator)
            if share is None:
                plans.append((target, unknown, None, {}, True))
                continue
            args = {"share": share, "area": target.area.value}
            key = Facts.key("latest_share", args)
            plans.append((target, unknown, key, args, target.indicator.higher_is_better))
        self._plans = tuple(plans)

    def distances(self, facts: Facts) -> tuple[TargetDistance, ...]:
        """The distance of the latest access figure (``latest_share``) to each target."""
        out = []
        for target, unknown, key, args, higher in self._plans:
            if key is None:
                out.append(unknown)
                continue
            obs = facts.lookup(key, "latest_share", args)
            value = obs.value
            if not isinstance(value, Decimal):
                out.append(unknown)
                continue
            gap = max(target.value - value, _ZERO) if higher else max(value - target.value, _ZERO)
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
