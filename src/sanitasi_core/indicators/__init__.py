"""The typed indicator catalogue: every name a rule may use, and how it is derived.

An indicator turns a dossier, seen as of a date, into one :class:`Observation`: a value, or
*unknown* with the missing inputs named, or *known to be absent*, or *not applicable*. Nothing
missing is ever read as zero. Records dated after the ``as_of`` date are invisible: the engine
never looks into the future (every derivation reads the dossier through one filter,
:mod:`sanitasi_core.indicators._seen`).

Each indicator is declared by :func:`indicator` on the function that derives it; the built-in
ones are collected in :data:`CATALOGUE`. To add your own, declare it the same way and pass
``CATALOGUE.with_indicators(spec)`` to the rulebook loader and compiler (nothing is registered
globally). Indicators are computed lazily and at most once per evaluation (:class:`Facts`).
"""

from typing import Final

from sanitasi_core.indicators import _access, _finance, _planning, _service
from sanitasi_core.indicators._access import SOURCE_ORDER
from sanitasi_core.indicators._core import (
    Also,
    Catalogue,
    Derive,
    Direction,
    Facts,
    IndicatorSpec,
    MissingInput,
    Observation,
    Param,
    ValueType,
    indicator,
)
from sanitasi_core.indicators._finance import realisation_band
from sanitasi_core.indicators._service import MATURITY_SCALE, MaturityScale

__all__ = [
    "CATALOGUE",
    "MATURITY_SCALE",
    "SOURCE_ORDER",
    "Also",
    "Catalogue",
    "Derive",
    "Direction",
    "Facts",
    "IndicatorSpec",
    "MaturityScale",
    "MissingInput",
    "Observation",
    "Param",
    "ValueType",
    "catalogue_as_json",
    "indicator",
    "realisation_band",
]

CATALOGUE: Final = Catalogue(
    [
        _planning.designated,
        _planning.working_group_formed,
        _planning.ssk_covers_year,
        _planning.sanitation_profile,
        _planning.advocacy_material,
        _planning.policy_package_drafted,
        _planning.policy_commitment,
        _planning.service_commitment_in_year,
        _service.nawasis_entered,
        _planning.regional_head_commitment,
        _planning.regional_head_commitment_in_year,
        _planning.months_since_commitment,
        _planning.policy_adopted,
        _service.trial_service_models,
        _service.funded_model_activities,
        _service.planned_model_activities,
        _service.trial_realised_activities,
        _service.trial_monitoring_reports,
        _service.trial_evaluations_with_lessons,
        _service.aspect_score,
        _service.service_area_expanded,
        _finance.apbd_realisation_pct,
        _finance.monitoring_covers_funding_groups,
        _service.service_model_evaluated,
        _access.layak_pct,
        _access.safely_managed_pct,
        _access.open_defecation_pct,
        _access.odf_villages_pct,
        _access.waste_reduction_pct,
        _access.waste_handling_pct,
        _service.aspect_maturity,
        _access.high_risk_villages_pct,
        _access.layak_change_pp,
        _access.latest_share,
    ]
)
"""Every built-in indicator a rule may use, by name."""


def catalogue_as_json() -> list[dict[str, object]]:
    """Return the built-in catalogue as JSON-ready data, for editors and user interfaces."""
    return CATALOGUE.as_json()
