"""sanitasi-core: Indonesia's district sanitation programme (PPSP) as a typed Python library.

The public names are re-exported here and imported lazily: ``import sanitasi_core`` reads no
data file and builds no converter until a name is used.

``_EXPORTS`` is the table of names and their modules; the type checkers' imports and
``__all__`` restate it and ``tests/test_public_api.py`` keeps the three equal.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    __version__: str

    from sanitasi_core._text import Text
    from sanitasi_core.exceptions import (
        DossierFormatError,
        EvaluationError,
        NoRulebookInForceError,
        ParseError,
        Problem,
        RulebookError,
        SanitasiError,
        UnknownRegionError,
        ValidationError,
    )
    from sanitasi_core.model import (
        AccessRecord,
        Activity,
        AspectAssessment,
        Commitment,
        Designation,
        Dossier,
        Evaluation,
        FundingSource,
        LegalInstrument,
        Meeting,
        Milestone,
        MonitoringReport,
        NationalTarget,
        PlanningDocument,
        Provenance,
        Region,
        ServiceModel,
        ServicePhase,
        SubSector,
        WorkingGroup,
    )
    from sanitasi_core.serialization import (
        dossier_from_dict,
        dossier_json_schema,
        dossier_to_dict,
        dump_dossier,
        load_dossier,
    )

_EXPORTS: dict[str, str] = {
    "Text": "sanitasi_core._text",
    **dict.fromkeys(
        (
            "DossierFormatError",
            "EvaluationError",
            "NoRulebookInForceError",
            "ParseError",
            "Problem",
            "RulebookError",
            "SanitasiError",
            "UnknownRegionError",
            "ValidationError",
        ),
        "sanitasi_core.exceptions",
    ),
    **dict.fromkeys(
        (
            "AccessRecord",
            "Activity",
            "AspectAssessment",
            "Commitment",
            "Designation",
            "Dossier",
            "Evaluation",
            "FundingSource",
            "LegalInstrument",
            "Meeting",
            "Milestone",
            "MonitoringReport",
            "NationalTarget",
            "PlanningDocument",
            "Provenance",
            "Region",
            "ServiceModel",
            "ServicePhase",
            "SubSector",
            "WorkingGroup",
        ),
        "sanitasi_core.model",
    ),
    **dict.fromkeys(
        (
            "dossier_from_dict",
            "dossier_json_schema",
            "dossier_to_dict",
            "dump_dossier",
            "load_dossier",
        ),
        "sanitasi_core.serialization",
    ),
}

__all__ = [
    "AccessRecord",
    "Activity",
    "AspectAssessment",
    "Commitment",
    "Designation",
    "Dossier",
    "DossierFormatError",
    "Evaluation",
    "EvaluationError",
    "FundingSource",
    "LegalInstrument",
    "Meeting",
    "Milestone",
    "MonitoringReport",
    "NationalTarget",
    "NoRulebookInForceError",
    "ParseError",
    "PlanningDocument",
    "Problem",
    "Provenance",
    "Region",
    "RulebookError",
    "SanitasiError",
    "ServiceModel",
    "ServicePhase",
    "SubSector",
    "Text",
    "UnknownRegionError",
    "ValidationError",
    "WorkingGroup",
    "__version__",
    "dossier_from_dict",
    "dossier_json_schema",
    "dossier_to_dict",
    "dump_dossier",
    "load_dossier",
]


if not TYPE_CHECKING:  # type checkers see the imports above: a misspelt name stays an error

    def __getattr__(name: str) -> Any:
        if name == "__version__":
            from importlib.metadata import version  # noqa: PLC0415

            return version("sanitasi-core")
        module = _EXPORTS.get(name)
        if module is None:
            msg = f"module 'sanitasi_core' has no attribute {name!r}"
            raise AttributeError(msg)
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return __all__
