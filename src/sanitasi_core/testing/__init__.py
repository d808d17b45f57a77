"""Hypothesis strategies for every public type of sanitasi-core, for your own tests.

Install with the ``testing`` extra, which brings Hypothesis::

    pip install "sanitasi-core[testing]"

Every strategy builds values that are **valid by construction**: dossiers respect every field
validator and cross-field rule of :mod:`sanitasi_core.model` (ordered periods, five-year SSK
periods, a year for annual documents, a clinic number exactly for coaching clinics, ``m4_year``
only for M4, access shares adding up to at most 100 with a consistent *layak* headline,
household counts within the total, unique ids and references that resolve); rulebooks load
(``load_rulebook(dump_rulebook(rb), fmt="json") == rb``) and evaluate; household records pass
their checks; and the Indonesian text forms are strings their parsers accept.

Groups of strategies:

- scalars: :func:`texts`, :func:`identifiers`, :func:`years`, :func:`dates`, :func:`decimals`,
  :func:`money`, :func:`percentages`;
- Indonesian text forms (strings): :func:`date_texts`, :func:`date_range_texts`,
  :func:`rupiah_texts`, :func:`amount_texts`, :func:`percent_texts`,
  :func:`decree_number_texts`, :func:`regulation_texts`, :func:`region_code_texts`,
  :func:`apbd_code_texts`, and the structured values :func:`date_ranges`, :func:`amounts`,
  :func:`decree_numbers`, :func:`regulations`, :func:`region_codes`, :func:`apbd_codes`
  (:data:`TEXT_FORM_CLASSES`);
- running text with the mentions :func:`~sanitasi_core.extract.extract` must find in it:
  :func:`paragraphs`;
- dossier records, one per model class (:data:`MODEL_CLASSES`), and :func:`dossiers` of
  tunable :data:`Completeness`;
- household records: :func:`household_records` and whole :func:`household_documents`
  (CSV or JSON Lines text);
- rulebooks: :func:`bilingual_texts`, :func:`references`, :func:`sources`,
  :func:`national_targets`, :func:`aspect_sets`, :func:`thresholds`, :func:`count_filters`,
  :func:`criteria_trees`, :func:`criteria`, :func:`milestone_rules`, :func:`rulebooks`;
- broken input for fuzzing loaders: :func:`json_values`, :func:`mutated_documents`,
  :func:`dossier_like_objects`, :func:`mutated_rulebook_documents`, :func:`mutated_texts`.

:func:`register_strategies` registers a strategy for each public class, so that
``st.from_type(Dossier)`` (and ``@given(dossier=...)`` via ``st.builds``) work. When
sanitasi-core is installed, Hypothesis calls it by itself on import through its
``hypothesis`` entry point; calling it again is harmless.

Decimals are always finite, have a bounded number of places and are built from integers, so
they travel through the JSON format exactly. Factories are cached: calling one twice returns the
same strategy object, which keeps drawing large dossiers fast. Nothing is read from disk until a
strategy is drawn from.
"""

# This module is the public face; the strategies live in private parts, one concern each, and
# every public name is re-exported here (checked at import by _check_exports, at the end):
#
#   _scalars       texts, identifiers, years, dates, decimals, money, percentages, regions;
#                  the helpers every part shares
#   _text_forms    dates and ranges of days, Rupiah amounts and percentages, region and APBD
#                  codes: their text forms and values
#   _decrees       decree numbers and regulations: their text forms and values
#   _paragraphs    running text with known mentions, for extract()
#   _records       programme records of the dossier model (designations ... evaluations)
#   _access        access and environment data (rung counts, access, villages, EHRA, waste)
#   _dossiers      whole dossiers of tunable completeness
#   _households    household survey records and household-record files
#   _criteria      bilingual texts, references, sources; criteria trees and criteria
#   _rulebooks     national targets, aspect sets, thresholds, milestones, rulebooks
#   _fuzz          JSON values, mutated documents and texts
#   _hook          Hypothesis's entry point (no import of the rest, see its docstring)
#
# The parts import only public modules of the library (tests/test_testing.py checks it).

# First of all, before a part imports Hypothesis: Hypothesis calls its entry points while it is
# imported, and an entry point installed by an older version names this alias of the hook.
from sanitasi_core.testing._hook import hypothesis_setup_hook as _hypothesis_setup_hook  # noqa: F401
from sanitasi_core.testing._hook import package_ready as _package_ready

# isort: split

try:
    from hypothesis import strategies as st
except ImportError as _error:  # pragma: no cover - exercised in a subprocess by the tests
    raise ImportError(
        "sanitasi_core.testing needs Hypothesis, which is not installed: "
        "pip install 'sanitasi-core[testing]'. "
        "/ sanitasi_core.testing memerlukan Hypothesis, yang belum terpasang: "
        "pip install 'sanitasi-core[testing]'.",
        name="hypothesis",
    ) from _error

import functools
import sys
from typing import Any, TypeVar

from sanitasi_core import Text
from sanitasi_core.codes import ApbdCode, RegionCode
from sanitasi_core.dates import DateRange
from sanitasi_core.decrees import DecreeNumber, Regulation
from sanitasi_core.ladder import HouseholdRecord
from sanitasi_core.model import (
    AccessRecord,
    Activity,
    AspectAssessment,
    Commitment,
    CommitmentTarget,
    Designation,
    Dossier,
    EhraAssessment,
    Evaluation,
    LegalInstrument,
    Meeting,
    Member,
    MonitoringReport,
    NationalTarget,
    NawasisEntry,
    PlanningDocument,
    Provenance,
    Region,
    RungCounts,
    ServiceModel,
    ServicePhase,
    Source,
    StageReport,
    VillageRecord,
    WasteRecord,
    WorkingGroup,
)
from sanitasi_core.rules import (
    AbsentNode,
    AllNode,
    AnyNode,
    Aspect,
    AspectSet,
    AtLeastNode,
    ChainStep,
    CompareNode,
    CountNode,
    Criterion,
    MilestoneRule,
    NotNode,
    PresentNode,
    Reference,
    RefNode,
    Rulebook,
    SomeNode,
    Threshold,
    ThresholdStep,
    Where,
)
from sanitasi_core.rupiah import Amount
from sanitasi_core.testing._access import (
    access_records,
    ehra_assessments,
    rung_counts,
    village_records,
    waste_records,
)
from sanitasi_core.testing._criteria import (
    _all_nodes,
    _any_nodes,
    _at_least_nodes,
    _compare_node,
    _count_node,
    _fact_node,
    _not_nodes,
    _resolve,
    _some_nodes,
    _units,
    bilingual_texts,
    count_filters,
    criteria,
    criteria_trees,
    references,
    sources,
)
from sanitasi_core.testing._decrees import (
    decree_number_texts,
    decree_numbers,
    regulation_texts,
    regulations,
)
from sanitasi_core.testing._dossiers import Completeness, dossiers
from sanitasi_core.testing._fuzz import (
    dossier_like_objects,
    json_values,
    mutated_documents,
    mutated_rulebook_documents,
    mutated_texts,
)
from sanitasi_core.testing._households import household_documents, household_records
from sanitasi_core.testing._paragraphs import paragraphs
from sanitasi_core.testing._records import (
    activities,
    aspect_assessments,
    commitment_targets,
    commitments,
    designations,
    evaluations,
    legal_instruments,
    meetings,
    members,
    monitoring_reports,
    nawasis_entries,
    planning_documents,
    provenances,
    service_models,
    service_phases,
    stage_reports,
    working_groups,
)
from sanitasi_core.testing._rulebooks import (
    aspect_sets,
    milestone_rules,
    national_targets,
    rulebooks,
    threshold_steps,
    thresholds,
)
from sanitasi_core.testing._scalars import (
    dates,
    decimals,
    identifiers,
    money,
    percentages,
    regions,
    texts,
    years,
)
from sanitasi_core.testing._text_forms import (
    amount_texts,
    amounts,
    apbd_code_texts,
    apbd_codes,
    date_range_texts,
    date_ranges,
    date_texts,
    percent_texts,
    region_code_texts,
    region_codes,
    rupiah_texts,
)

__all__ = [
    "HOUSEHOLD_CLASSES",
    "MODEL_CLASSES",
    "RULEBOOK_CLASSES",
    "TEXT_FORM_CLASSES",
    "Completeness",
    "access_records",
    "activities",
    "amount_texts",
    "amounts",
    "apbd_code_texts",
    "apbd_codes",
    "aspect_assessments",
    "aspect_sets",
    "bilingual_texts",
    "commitment_targets",
    "commitments",
    "count_filters",
    "criteria",
    "criteria_trees",
    "date_range_texts",
    "date_ranges",
    "date_texts",
    "dates",
    "decimals",
    "decree_number_texts",
    "decree_numbers",
    "designations",
    "dossier_like_objects",
    "dossiers",
    "ehra_assessments",
    "evaluations",
    "household_documents",
    "household_records",
    "identifiers",
    "json_values",
    "legal_instruments",
    "meetings",
    "members",
    "milestone_rules",
    "money",
    "monitoring_reports",
    "mutated_documents",
    "mutated_rulebook_documents",
    "mutated_texts",
    "national_targets",
    "nawasis_entries",
    "paragraphs",
    "percent_texts",
    "percentages",
    "planning_documents",
    "provenances",
    "references",
    "region_code_texts",
    "region_codes",
    "regions",
    "register_strategies",
    "regulation_texts",
    "regulations",
    "rulebooks",
    "rung_counts",
    "rupiah_texts",
    "service_models",
    "service_phases",
    "sources",
    "stage_reports",
    "texts",
    "threshold_steps",
    "thresholds",
    "village_records",
    "waste_records",
    "working_groups",
    "years",
]

T = TypeVar("T")


def _registered(strategy: st.SearchStrategy[T], _cls: type[T]) -> st.SearchStrategy[T]:
    return strategy


def register_strategies() -> None:
    """Register a strategy for every public class, so that ``st.from_type(cls)`` works.

    Covers :data:`MODEL_CLASSES`, :data:`RULEBOOK_CLASSES`, :data:`HOUSEHOLD_CLASSES` and
    :data:`TEXT_FORM_CLASSES`. Hypothesis calls this by itself when sanitasi-core is installed
    (entry point group ``hypothesis``); calling it again replaces the same registrations.

    Example:
        >>> from hypothesis import strategies as st
        >>> from sanitasi_core import Dossier
        >>> register_strategies()
        >>> isinstance(st.from_type(Dossier).example(), Dossier)  # doctest: +SKIP
        True
    """
    trees = criteria_trees()
    table: dict[type, st.SearchStrategy[Any]] = {
        Provenance: provenances(),
        Region: regions(),
        LegalInstrument: legal_instruments(),
        Designation: designations(),
        StageReport: stage_reports(),
        NawasisEntry: nawasis_entries(),
        Source: sources(),
        Member: members(),
        WorkingGroup: working_groups(),
        Meeting: meetings(),
        PlanningDocument: planning_documents(),
        ServicePhase: service_phases(),
        AspectAssessment: aspect_assessments(),
        ServiceModel: service_models(),
        CommitmentTarget: commitment_targets(),
        Commitment: commitments(),
        Activity: activities(),
        MonitoringReport: monitoring_reports(),
        Evaluation: evaluations(),
        RungCounts: rung_counts(),
        AccessRecord: access_records(),
        NationalTarget: national_targets(),
        VillageRecord: village_records(),
        EhraAssessment: ehra_assessments(),
        WasteRecord: waste_records(),
        Dossier: dossiers(),
        Text: bilingual_texts(),
        Reference: references(),
        Aspect: aspect_sets().map(lambda a: a.aspects[0]),
        ChainStep: st.builds(ChainStep, id=identifiers(), name=bilingual_texts()),
        AspectSet: aspect_sets(),
        ThresholdStep: st.sampled_from(_units()).flatmap(threshold_steps),
        Threshold: thresholds(),
        Where: count_filters(),
        CompareNode: _compare_node().map(lambda node: _resolve(node, (), ())),
        PresentNode: _fact_node(PresentNode),
        AbsentNode: _fact_node(AbsentNode),
        CountNode: _count_node(),
        RefNode: st.builds(RefNode, criterion=identifiers()),
        AllNode: _all_nodes(trees),
        AnyNode: _any_nodes(trees),
        NotNode: _not_nodes(trees),
        AtLeastNode: _at_least_nodes(trees),
        SomeNode: _some_nodes(trees),
        Criterion: criteria(),
        MilestoneRule: milestone_rules(),
        Rulebook: rulebooks(),
        HouseholdRecord: household_records(),
        DecreeNumber: decree_numbers(),
        RegionCode: region_codes(),
        ApbdCode: apbd_codes(),
        DateRange: date_ranges(),
        Regulation: regulations(),
        Amount: amounts(),
    }
    for cls, strategy in table.items():
        # Registered as a function, so that nothing (the region registry) is read before a draw.
        st.register_type_strategy(cls, functools.partial(_registered, strategy))


MODEL_CLASSES: tuple[type, ...] = (
    Provenance,
    Region,
    LegalInstrument,
    Designation,
    StageReport,
    Member,
    WorkingGroup,
    Meeting,
    PlanningDocument,
    ServicePhase,
    AspectAssessment,
    ServiceModel,
    CommitmentTarget,
    Commitment,
    Activity,
    MonitoringReport,
    Evaluation,
    RungCounts,
    AccessRecord,
    Source,
    NationalTarget,
    VillageRecord,
    EhraAssessment,
    WasteRecord,
    NawasisEntry,
    Dossier,
)
"""Every public record class of the dossier model, in dependency order."""

RULEBOOK_CLASSES: tuple[type, ...] = (
    Text,
    Reference,
    Aspect,
    ChainStep,
    AspectSet,
    ThresholdStep,
    Threshold,
    Where,
    CompareNode,
    PresentNode,
    AbsentNode,
    CountNode,
    RefNode,
    AllNode,
    AnyNode,
    NotNode,
    AtLeastNode,
    SomeNode,
    Criterion,
    MilestoneRule,
    Rulebook,
)
"""Every public class a rulebook is made of (a lone ``RefNode`` is valid only in a rulebook
whose definitions include the id it names)."""

HOUSEHOLD_CLASSES: tuple[type, ...] = (HouseholdRecord,)
"""The household survey record."""

TEXT_FORM_CLASSES: tuple[type, ...] = (
    DecreeNumber,
    RegionCode,
    ApbdCode,
    DateRange,
    Regulation,
    Amount,
)
"""The classes Indonesian text parses to (a single date parses to a ``ParsedDate`` and a bare
Rupiah amount to a ``Decimal``: draw their text with :func:`date_texts` and
:func:`rupiah_texts`)."""

_PARTS = (
    "_scalars",
    "_text_forms",
    "_decrees",
    "_paragraphs",
    "_records",
    "_access",
    "_dossiers",
    "_households",
    "_criteria",
    "_rulebooks",
    "_fuzz",
)


def _check_exports() -> None:
    """Refuse to import if ``__all__`` and the names defined here or in the parts disagree.

    The guard of Hypothesis's ``strategies/__init__.py``: every name in ``__all__`` is defined,
    once, and every public name of a private part is in ``__all__``.
    """
    exported = set(__all__)
    undefined = sorted(exported - set(globals()))
    repeated = len(__all__) - len(exported)
    parts = {name for part in _PARTS for name in sys.modules[f"{__name__}.{part}"].__all__}
    unexported = sorted(parts - exported)
    if undefined or repeated or unexported:
        msg = (
            f"sanitasi_core.testing.__all__ is out of date: undefined {undefined}, "
            f"{repeated} repeated, not exported {unexported}"
        )
        raise ImportError(msg)


_check_exports()
_package_ready(register_strategies)  # last: Hypothesis may be waiting for it (see _hook)
