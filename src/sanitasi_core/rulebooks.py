"""Rulebooks and decisions as files: the names the documentation uses, in one place.

This module re-exports, for convenience and for code written against earlier versions:
reading, writing and checking rulebooks and the bundled ones (from :mod:`sanitasi_core.rules`),
and the decision JSON format (from :mod:`sanitasi_core.serialization`).
"""

from sanitasi_core.rules import (
    BUNDLED,
    EXAMPLE_RULEBOOKS,
    MAX_DEPTH_THROUGH_REFS,
    MAX_EXPANDED_NODES,
    MAX_NODE_DEPTH,
    MAX_NODES,
    MAX_RULEBOOK_BYTES,
    check_rulebook,
    default_rulebook,
    default_rulebooks,
    dump_rulebook,
    example_rulebook,
    load_rulebook,
    load_rulebook_file,
)
from sanitasi_core.serialization import (
    decision_from_dict,
    decision_to_dict,
    dump_decision,
    load_decision,
)

__all__ = [
    "BUNDLED",
    "EXAMPLE_RULEBOOKS",
    "MAX_DEPTH_THROUGH_REFS",
    "MAX_EXPANDED_NODES",
    "MAX_NODES",
    "MAX_NODE_DEPTH",
    "MAX_RULEBOOK_BYTES",
    "check_rulebook",
    "decision_from_dict",
    "decision_to_dict",
    "default_rulebook",
    "default_rulebooks",
    "dump_decision",
    "dump_rulebook",
    "example_rulebook",
    "load_decision",
    "load_rulebook",
    "load_rulebook_file",
]
