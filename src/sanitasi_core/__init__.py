"""sanitasi-core: Indonesia's district sanitation programme (PPSP) as a typed Python library.

The public names are re-exported here and imported lazily: ``import sanitasi_core`` reads no
data file and builds no converter (nor imports pandas) until a name is used.

An analyst's three lines, from a folder of dossiers to tidy data frames::

    import datetime as dt
    import sanitasi_core as sc

    books, as_of = sc.default_rulebooks(), dt.date(2025, 12, 31)
    decisions = [books.evaluate(d, as_of=as_of) for d in sc.load_dossiers(["dossiers"])]
    frame, criteria = sc.decisions_frame(decisions), sc.criteria_frame(decisions)

``_EXPORTS`` is the table of names and their modules; the type checkers' imports and
``__all__`` restate it and ``tests/test_public_api.py`` keeps the three equal. Every exception
class of :mod:`sanitasi_core.exceptions` is here too (a test keeps it so).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    __version__: str

    from sanitasi_core._text import Text
    from sanitasi_core.batch import (
        evaluate_batch,
        load_dossiers,
    )
    from sanitasi_core.exceptions import (
        DecisionFormatError,
        DossierFormatError,
        EvaluationError,
        FileRefused,
        HouseholdFileError,
        NoRulebookInForceError,
        PandasMissingError,
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
    from sanitasi_core.reports import (
        BatchResult,
        criteria_frame,
        decisions_frame,
    )
    from sanitasi_core.rules import (
        CompiledRulebook,
        CriterionResult,
        Decision,
        MilestoneResult,
        Outcome,
        Rulebook,
        RulebookSet,
        Severity,
        compile_rulebook,
        default_rulebook,
        default_rulebooks,
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
            "evaluate_batch",
            "load_dossiers",
        ),
        "sanitasi_core.batch",
    ),
    **dict.fromkeys(
        (
            "DecisionFormatError",
            "DossierFormatError",
            "EvaluationError",
            "FileRefused",
            "HouseholdFileError",
            "NoRulebookInForceError",
            "PandasMissingError",
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
            "BatchResult",
            "criteria_frame",
            "decisions_frame",
        ),
        "sanitasi_core.reports",
    ),
    **dict.fromkeys(
        (
            "CompiledRulebook",
            "CriterionResult",
            "Decision",
            "MilestoneResult",
            "Outcome",
            "Rulebook",
            "RulebookSet",
            "Severity",
            "compile_rulebook",
            "default_rulebook",
            "default_rulebooks",
        ),
        "sanitasi_core.rules",
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
    "BatchResult",
    "Commitment",
    "CompiledRulebook",
    "CriterionResult",
    "Decision",
    "DecisionFormatError",
    "Designation",
    "Dossier",
    "DossierFormatError",
    "Evaluation",
    "EvaluationError",
    "FileRefused",
    "FundingSource",
    "HouseholdFileError",
    "LegalInstrument",
    "Meeting",
    "Milestone",
    "MilestoneResult",
    "MonitoringReport",
    "NationalTarget",
    "NoRulebookInForceError",
    "Outcome",
    "PandasMissingError",
    "ParseError",
    "PlanningDocument",
    "Problem",
    "Provenance",
    "Region",
    "Rulebook",
    "RulebookError",
    "RulebookSet",
    "SanitasiError",
    "ServiceModel",
    "ServicePhase",
    "Severity",
    "SubSector",
    "Text",
    "UnknownRegionError",
    "ValidationError",
    "WorkingGroup",
    "__version__",
    "compile_rulebook",
    "criteria_frame",
    "decisions_frame",
    "default_rulebook",
    "default_rulebooks",
    "dossier_from_dict",
    "dossier_json_schema",
    "dossier_to_dict",
    "dump_dossier",
    "evaluate_batch",
    "load_dossier",
    "load_dossiers",
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
