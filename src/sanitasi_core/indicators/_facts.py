"""The facts an evaluation reads: a dossier seen on a date, each indicator computed once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Mapping
from typing import TypeVar

from sanitasi_core._messages import text
from sanitasi_core.exceptions import EvaluationError
from sanitasi_core.indicators._catalogue import CATALOGUE
from sanitasi_core.indicators._core import IndicatorSpec, Key, Observation
from sanitasi_core.indicators._passes import Passes
from sanitasi_core.indicators._seen import Seen, see
from sanitasi_core.model import Dossier

__all__ = ["Facts"]

T = TypeVar("T")


class Facts:
    """A dossier seen on a date, for a fiscal year; computes each indicator once, on first use.

    The dossier is read only through :func:`~sanitasi_core.indicators._seen.see`: records
    dated after *as_of* are invisible to every indicator.

    Args:
        dossier: the dossier.
        as_of: the evaluation date; nothing dated later is seen.
        fiscal_year: the fiscal (programme) year assessed; by default the year of *as_of*. It
            may end before *as_of* (year *N* assessed in year *N+1*), never start after it.
        aspect_aliases: for each aspect id a rule may name, the assessment keys that count as it
            (a rulebook's aspect set); an id not listed counts only itself.
        catalogue: the indicators (default: the built-in :data:`CATALOGUE`).

    Raises:
        EvaluationError: if *fiscal_year* is after the year of *as_of*.
    """

    __slots__ = (
        "_cache",
        "_passes",
        "_scopes",
        "_shared",
        "as_of",
        "aspect_aliases",
        "catalogue",
        "scope",
        "seen",
        "year",
    )

    def __init__(
        self,
        dossier: Dossier | None,
        as_of: dt.date,
        *,
        fiscal_year: int | None = None,
        aspect_aliases: Mapping[str, tuple[str, ...]] | None = None,
        catalogue: Mapping[str, IndicatorSpec] | None = None,
        _seen: Seen | None = None,
        _scope: str | None = None,
    ) -> None:
        year = as_of.year if fiscal_year is None else fiscal_year
        if year > as_of.year:
            raise EvaluationError(text("fiscal_year_after", year=year, day=as_of.isoformat()))
        self.as_of = as_of
        self.year = year
        if _seen is None:
            assert dossier is not None  # noqa: S101  # one of the two is always given
            _seen = see(dossier, as_of)
        self.seen = _seen
        self.scope = _scope
        self.aspect_aliases: Mapping[str, tuple[str, ...]] = aspect_aliases or {}
        self.catalogue: Mapping[str, IndicatorSpec] = catalogue or CATALOGUE
        self._cache: dict[Key, Observation] = {}
        self._shared: dict[Hashable, object] = {}
        self._passes: Passes | None = None  # the collections read once (see _passes)
        self._scopes: dict[int, Facts] = {}  # a model's facts, kept for every `some` over it

    def shared(self, key: Hashable, compute: Callable[[Facts], T]) -> T:
        """Return ``compute(self)``, computed at most once per *key* for these facts.

        The engine keeps the result of a rulebook definition here, so that a definition referred
        to many times (directly or through other definitions) is evaluated once: the cost of an
        evaluation is bounded by the size of the rulebook, not by the number of paths to a node.
        """
        if key in self._shared:
            return self._shared[key]  # type: ignore[return-value]  # stored by this method
        found = compute(self)
        self._shared[key] = found
        return found

    def scoped(self, index: int) -> Facts:
        """Return the facts of one service model alone (for a ``some`` quantifier).

        The same object for the same model: quantifiers over the models (in several criteria)
        share its observations.
        """
        found = self._scopes.get(index)
        if found is not None:
            return found
        only = self.seen.only_model(index)
        ident = only.service_models[0].record.id if only.service_models else None
        found = Facts(
            None,
            self.as_of,
            fiscal_year=self.year,
            aspect_aliases=self.aspect_aliases,
            catalogue=self.catalogue,
            _seen=only,
            _scope=ident,
        )
        self._scopes[index] = found
        return found

    @staticmethod
    def key(name: str, args: Mapping[str, str] | None = None) -> Key:
        """Return the memo key of indicator *name* with *args* (compute it once, reuse it)."""
        return (name, tuple(sorted((args or {}).items())))

    def observe(self, name: str, args: Mapping[str, str] | None = None) -> Observation:
        """Return indicator *name* with *args*, computing it at most once."""
        return self.lookup(self.key(name, args), name, args or {})

    def lookup(self, key: Key, name: str, args: Mapping[str, str]) -> Observation:
        """Return the indicator under a precomputed *key* (see :meth:`key`), computing it once."""
        found = self._cache.get(key)
        if found is None:
            found = self.catalogue[name].compute(self, args)
            self._cache[key] = found
        return found

    def year_of(self, args: Mapping[str, str]) -> int:
        """Resolve the ``year`` argument: the fiscal year assessed or the one before."""
        return self.year - 1 if args.get("year") == "previous" else self.year
