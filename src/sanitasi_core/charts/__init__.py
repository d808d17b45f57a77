"""Small, self-contained, accessible SVG charts of the programme's figures.

Each chart is a frozen object built from a plain input record of this package (not from the
library's decisions, so that any source can fill it) and a language, ``"id"`` or ``"en"``:

* :class:`LevelChart` — districts by milestone level, certain and possible, undecided apart
  (input :class:`LevelOverview` of :class:`LevelCounts`);
* :class:`DistrictYearsChart` — one district's level by fiscal year, with its "M4 year *n*",
  assistance and designations (input :class:`DistrictYears` of :class:`YearLevel` and
  :class:`DesignationMark`);
* :class:`AccessChart` — *akses layak*, *akses aman* and open defecation by year against the
  dated national targets (input :class:`AccessSeries` of :class:`AccessPoint` and
  :class:`AccessTarget`);
* :class:`HouseholdLadderChart` — the JMP sanitation ladder by area, unknown apart (input
  :class:`HouseholdLadder` of :class:`LadderShares`);
* :class:`CriteriaChart` — one decision's criteria per milestone: pass, fail, unknown, not
  applicable (input :class:`CriteriaOverview` of :class:`MilestoneCriteria`).

Each input can also be filled from the library's own objects: :func:`levels_from_decisions`,
:func:`years_from_dossier`, :func:`access_from_dossier`, :func:`ladder_from_summary` and
:func:`criteria_from_decision`.

Every chart has ``to_svg()``, ``save(path)`` and shows itself in Jupyter (``_repr_svg_``).

Each chart paints its own fixed white background and writes dark text, so it reads the same in a
light or a dark notebook theme and in print; unknown and undecided parts are hatched and named,
never told by colour alone; the same input always gives the same bytes. The standard library is
all it needs.
"""

from __future__ import annotations

from sanitasi_core.charts._access import AccessChart
from sanitasi_core.charts._adapters import (
    TARGET_HORIZON,
    LevelTally,
    access_from_dossier,
    criteria_from_decision,
    ladder_from_summary,
    levels_from_decisions,
    years_from_dossier,
)
from sanitasi_core.charts._criteria import CriteriaChart
from sanitasi_core.charts._data import (
    LEVELS,
    AccessPoint,
    AccessSeries,
    AccessTarget,
    CriteriaOverview,
    DesignationMark,
    DistrictYears,
    HouseholdLadder,
    LadderShares,
    LevelCounts,
    LevelOverview,
    MilestoneCriteria,
    YearLevel,
)
from sanitasi_core.charts._ladder import RUNG_COLOURS, HouseholdLadderChart
from sanitasi_core.charts._levels import LevelChart
from sanitasi_core.charts._years import DistrictYearsChart

__all__ = [
    "LEVELS",
    "RUNG_COLOURS",
    "TARGET_HORIZON",
    "AccessChart",
    "AccessPoint",
    "AccessSeries",
    "AccessTarget",
    "CriteriaChart",
    "CriteriaOverview",
    "DesignationMark",
    "DistrictYears",
    "DistrictYearsChart",
    "HouseholdLadder",
    "HouseholdLadderChart",
    "LadderShares",
    "LevelChart",
    "LevelCounts",
    "LevelOverview",
    "LevelTally",
    "MilestoneCriteria",
    "YearLevel",
    "access_from_dossier",
    "criteria_from_decision",
    "ladder_from_summary",
    "levels_from_decisions",
    "years_from_dossier",
]


def __dir__() -> list[str]:
    return __all__
