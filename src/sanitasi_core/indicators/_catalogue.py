"""The built-in catalogue: every indicator the package derives, by name."""

from typing import Final

from sanitasi_core.indicators import _access, _finance, _planning, _service
from sanitasi_core.indicators._core import Catalogue

__all__ = ["CATALOGUE", "catalogue_as_json"]

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
