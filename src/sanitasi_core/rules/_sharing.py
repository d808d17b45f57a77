"""Shared explanations: the bounded memos of a compiler's explained nodes.

Every explanation is a frozen value, so an explanation met again is the object built the first
time: :class:`Sharing` holds, per compiled node, a bounded memo from what the result depends on
(:func:`content` of an observation, or the ids of the children's results) to the result.
"""

from collections.abc import Hashable
from decimal import Decimal
from typing import Any, Final, TypeVar

from sanitasi_core.indicators import Observation

__all__ = ["SHARED_CAPACITY", "Sharing", "content"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

SHARED_CAPACITY: Final = 256
"""How many explanations each compiled node remembers before it starts over."""


class Sharing:
    """The memos of one compiler's explained nodes: equal explanations are the same object.

    Every result is frozen, so an explanation met again (the same observation against the same
    threshold, the same children) is the object built the first time, not a copy. Each memo is
    a plain dict emptied when it holds ``capacity`` entries: memory stays bounded, and under the
    GIL an insert lost between threads only costs time. A memo of an inner node is keyed by the
    ids of its children's results, and holds them (through its value), so no id is reused while
    its entry lives.

    Args:
        capacity: entries per memo; 0 shares nothing (every result is built afresh).
    """

    __slots__ = ("_tables", "capacity")

    def __init__(self, capacity: int = SHARED_CAPACITY) -> None:
        self.capacity = capacity
        self._tables: list[dict[Any, Any]] = []

    def table(self) -> dict[Any, Any]:
        """Return a new memo, bounded by this sharing's capacity."""
        table: dict[Any, Any] = {}
        self._tables.append(table)
        return table

    def keep(self, table: dict[K, V], key: K, value: V) -> V:
        """Remember *value* under *key* in *table* (emptied first when full); return it."""
        capacity = self.capacity
        if capacity:
            if len(table) >= capacity:
                table.clear()
            table[key] = value
        return value

    def sizes(self) -> list[int]:
        """The number of entries of each memo (for tests: they stay bounded)."""
        return [len(t) for t in self._tables]

    def off(self) -> None:
        """Stop sharing: forget everything and build every result afresh from now on."""
        self.capacity = 0
        for table in self._tables:
            table.clear()


def content(obs: Observation) -> tuple[object, ...]:
    """What an explained leaf's result depends on in *obs* (its ``detail`` aside).

    The value is keyed by its type and, for a decimal, its digits: ``True``, ``1`` and
    ``Decimal("1.0")`` compare equal but are explained differently.
    """
    value = obs.value
    return (
        value.__class__,
        str(value) if value.__class__ is Decimal else value,
        obs.upper,
        obs.open_ended,
        obs.absent,
        obs.not_applicable,
        obs.missing,
        obs.notes,
    )
