"""The rules engine: rulebooks as data, checked and compiled once, explainable decisions.

A :class:`Rulebook` holds milestones M1-M4, each with criteria written in a closed language
(:mod:`sanitasi_core.rules.language`). Nothing in a rulebook is executed: every name it uses is
looked up in the typed indicator catalogue (:mod:`sanitasi_core.indicators`) or in the rulebook
itself. :func:`compile_rulebook` checks a rulebook and compiles it once; its
:meth:`~CompiledRulebook.evaluate` returns a :class:`Decision` that explains itself criterion by
criterion (:mod:`sanitasi_core.rules.results`).

Outcomes are four-valued (:class:`Outcome`) and combined soundly (Kleene): a decided outcome
never changes whatever the missing data turns out to be. Every node kind decides in one place,
used by the explained and the outcome-only path alike.

The parts: ``language`` (the AST, public), ``results`` (what an evaluation returns, public),
``_logic`` (four-valued logic and each node's decision), ``_check`` (the checks),
``_engine`` (the compiler of nodes to closures: the explained path and the reference),
``_codegen`` (the outcome path as generated Python source; ``_sinks``, the lines each
node's outcome becomes), ``_sharing`` (the bounded memos of shared explanations),
``_compiled`` (:class:`CompiledRulebook`: evaluation, the ladder, what blocks),
``_explain`` (gaps in words),
``_analyses`` (designation check, target distances), ``_sets`` (rulebooks over time, diffs),
``_loading`` (TOML/JSON files and the bundled rulebooks).
"""

import importlib
from typing import TYPE_CHECKING

from sanitasi_core.rules._check import (
    MAX_DEPTH_THROUGH_REFS,
    MAX_EXPANDED_NODES,
    MAX_NODE_DEPTH,
    MAX_NODES,
    check_rulebook,
)
from sanitasi_core.rules._compiled import CompiledRulebook, compile_rulebook
from sanitasi_core.rules._engine import rules_date
from sanitasi_core.rules._logic import (
    Cmp,
    Outcome,
    combine_all,
    combine_any,
    combine_at_least,
    negate,
)
from sanitasi_core.rules._sets import RulebookSet, diff_rulebooks
from sanitasi_core.rules.language import (
    COUNT_FIELDS,
    NODE_TAGS,
    RULEBOOK_SCHEMA,
    AbsentNode,
    AllNode,
    AnyNode,
    Aspect,
    AspectSet,
    AspectsNode,
    AtLeastNode,
    ChainStep,
    Collection,
    CompareNode,
    CountNode,
    Criterion,
    MilestoneRule,
    Node,
    NotNode,
    PresentNode,
    RecordSet,
    Reference,
    RefNode,
    Rulebook,
    RulebookStatus,
    Severity,
    SomeNode,
    Threshold,
    ThresholdStep,
    Where,
    Window,
    content_hash,
    expand_aspects,
)
from sanitasi_core.rules.results import (
    DECISION_SCHEMA,
    OBSERVED_TAGS,
    Assistance,
    CriterionResult,
    Decision,
    DesignationCheck,
    Gap,
    LevelChange,
    M4Stage,
    MilestoneResult,
    MissingRank,
    Observed,
    ObservedCount,
    ObservedFlag,
    ObservedItem,
    ObservedNumber,
    RegionRef,
    RulebookInfo,
    TargetDistance,
    ThresholdRef,
)

# Reading files needs cattrs: it is imported when one of these names is first used, so that
# importing the engine (and ``sanitasi_core.testing``, run by Hypothesis's entry point) stays
# light.
_LOADING = frozenset(
    {
        "BUNDLED",
        "EXAMPLE_RULEBOOKS",
        "MAX_RULEBOOK_BYTES",
        "default_rulebook",
        "default_rulebooks",
        "dump_rulebook",
        "example_rulebook",
        "load_rulebook",
        "load_rulebook_file",
    }
)

if TYPE_CHECKING:
    from sanitasi_core.rules._loading import (
        BUNDLED,
        EXAMPLE_RULEBOOKS,
        MAX_RULEBOOK_BYTES,
        default_rulebook,
        default_rulebooks,
        dump_rulebook,
        example_rulebook,
        load_rulebook,
        load_rulebook_file,
    )
else:

    def __getattr__(name: str) -> object:
        if name not in _LOADING:
            msg = f"module {__name__!r} has no attribute {name!r}"
            raise AttributeError(msg)
        value = getattr(importlib.import_module("sanitasi_core.rules._loading"), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "BUNDLED",
    "COUNT_FIELDS",
    "DECISION_SCHEMA",
    "EXAMPLE_RULEBOOKS",
    "MAX_DEPTH_THROUGH_REFS",
    "MAX_EXPANDED_NODES",
    "MAX_NODES",
    "MAX_NODE_DEPTH",
    "MAX_RULEBOOK_BYTES",
    "NODE_TAGS",
    "OBSERVED_TAGS",
    "RULEBOOK_SCHEMA",
    "AbsentNode",
    "AllNode",
    "AnyNode",
    "Aspect",
    "AspectSet",
    "AspectsNode",
    "Assistance",
    "AtLeastNode",
    "ChainStep",
    "Cmp",
    "Collection",
    "CompareNode",
    "CompiledRulebook",
    "CountNode",
    "Criterion",
    "CriterionResult",
    "Decision",
    "DesignationCheck",
    "Gap",
    "LevelChange",
    "M4Stage",
    "MilestoneResult",
    "MilestoneRule",
    "MissingRank",
    "Node",
    "NotNode",
    "Observed",
    "ObservedCount",
    "ObservedFlag",
    "ObservedItem",
    "ObservedNumber",
    "Outcome",
    "PresentNode",
    "RecordSet",
    "RefNode",
    "Reference",
    "RegionRef",
    "Rulebook",
    "RulebookInfo",
    "RulebookSet",
    "RulebookStatus",
    "Severity",
    "SomeNode",
    "TargetDistance",
    "Threshold",
    "ThresholdRef",
    "ThresholdStep",
    "Where",
    "Window",
    "check_rulebook",
    "combine_all",
    "combine_any",
    "combine_at_least",
    "compile_rulebook",
    "content_hash",
    "default_rulebook",
    "default_rulebooks",
    "diff_rulebooks",
    "dump_rulebook",
    "example_rulebook",
    "expand_aspects",
    "load_rulebook",
    "load_rulebook_file",
    "negate",
    "rules_date",
]
