"""Sinks of the generated outcome code: what happens to a node's outcome, as source lines.

A node of the rule tree hands its outcome to a *sink*: return it, swap it (``not``), or feed it
to a group that leaves at the first decisive item (``all``, ``any``) or counts (``at_least``).
Each sink writes the lines for an outcome known while generating, or held in a variable. The
lines hold only generated names and the outcome names ``P``, ``F``, ``U``, ``NA`` that
:mod:`~sanitasi_core.rules._codegen` binds; they are part of its generated functions.
"""

from collections.abc import Callable, Mapping, Sequence
from typing import Final

from sanitasi_core.rules._logic import Outcome

__all__ = [
    "NAMES",
    "SWAPPED",
    "AtLeast",
    "FirstDecides",
    "Leave",
    "Not",
    "Return",
    "Sink",
    "block",
    "indent",
]

P, F, U, NA = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN, Outcome.NOT_APPLICABLE

NAMES: Final[Mapping[Outcome, str]] = {P: "P", F: "F", U: "U", NA: "NA"}
"""The name each outcome is bound to in the generated namespace."""
SWAPPED: Final[Mapping[Outcome, Outcome]] = {P: F, F: P, U: U, NA: NA}
"""An outcome under ``not``."""


def indent(lines: Sequence[str]) -> list[str]:
    return ["    " + line for line in lines]


def block(lines: Sequence[str]) -> list[str]:
    """*lines* as the body of a block (``pass`` when empty)."""
    return indent(lines) or ["    pass"]


# -- sinks: what happens to a node's outcome -------------------------------------------------


class Sink:
    """Where a node's outcome goes: lines for an outcome known at generation, or in a variable.

    A *terminal* sink's lines leave the function (``return``): a group feeding one can leave
    at its first decisive item instead of looping.
    """

    terminal = False

    def const(self, outcome: Outcome) -> list[str]:
        """Lines for *outcome*, known while generating."""
        raise NotImplementedError

    def var(self, name: str) -> list[str]:
        """Lines for the outcome held in variable *name*."""
        raise NotImplementedError


class Return(Sink):
    terminal = True

    def const(self, outcome: Outcome) -> list[str]:
        return [f"return {NAMES[outcome]}"]

    def var(self, name: str) -> list[str]:
        return [f"return {name}"]


class Not(Sink):
    def __init__(self, outer: Sink) -> None:
        self.outer = outer
        self.terminal = outer.terminal

    def const(self, outcome: Outcome) -> list[str]:
        return self.outer.const(SWAPPED[outcome])

    def var(self, name: str) -> list[str]:
        return [
            f"if {name} is P:",
            *block(self.outer.const(F)),
            f"elif {name} is F:",
            *block(self.outer.const(P)),
            "else:",
            *block(self.outer.var(name)),
        ]


Leave = Callable[[Outcome], list[str]]


class FirstDecides(Sink):
    """``all`` (decisive: fail) or ``any`` (decisive: pass).

    The group leaves at its first decisive outcome; else it is unknown over the other outcome
    over N/A (neutral).
    """

    def __init__(self, x: str, leave: Leave, decisive: Outcome) -> None:
        self.x, self.leave, self.decisive = x, leave, decisive
        self.other = SWAPPED[decisive]

    def start(self) -> list[str]:
        return [f"{self.x} = NA"]

    def end(self) -> list[str]:
        return []

    def const(self, outcome: Outcome) -> list[str]:
        x = self.x
        if outcome is self.decisive:
            return self.leave(outcome)
        if outcome is U:
            return [f"{x} = U"]
        if outcome is self.other:
            return [f"if {x} is NA:", f"    {x} = {NAMES[outcome]}"]
        return []

    def var(self, name: str) -> list[str]:
        x, decisive, other = self.x, NAMES[self.decisive], NAMES[self.other]
        return [
            f"if {name} is {decisive}:",
            *block(self.leave(self.decisive)),
            f"elif {name} is U:",
            f"    {x} = U",
            f"elif {name} is {other} and {x} is NA:",
            f"    {x} = {other}",
        ]


class AtLeast(Sink):
    """``at_least k``: count passes, unknowns and fails; leave at the k-th pass."""

    def __init__(self, x: str, leave: Leave, k: str, counters: tuple[str, str, str]) -> None:
        self.x, self.leave, self.k = x, leave, k
        self.p, self.u, self.f = counters

    def start(self) -> list[str]:
        return [f"{self.p} = {self.u} = {self.f} = ZERO"]

    def end(self) -> list[str]:
        x, p, u, k = self.x, self.p, self.u, self.k
        return [  # as combine_at_least: no live item is N/A
            f"if not ({p} or {u} or {self.f}):",
            f"    {x} = NA",
            f"elif {p} >= {k}:",
            f"    {x} = P",
            f"elif {p} + {u} < {k}:",
            f"    {x} = F",
            "else:",
            f"    {x} = U",
        ]

    def const(self, outcome: Outcome) -> list[str]:
        if outcome is P:
            return [f"{self.p} += ONE", f"if {self.p} >= {self.k}:", *block(self.leave(P))]
        if outcome is U:
            return [f"{self.u} += ONE"]
        if outcome is F:
            return [f"{self.f} += ONE"]
        return []

    def var(self, name: str) -> list[str]:
        return [
            f"if {name} is P:",
            *block(self.const(P)),
            f"elif {name} is U:",
            *block(self.const(U)),
            f"elif {name} is F:",
            *block(self.const(F)),
        ]
