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

from sanitasi_core.indicators._catalogue import CATALOGUE, catalogue_as_json
from sanitasi_core.indicators._core import (
    Also,
    Catalogue,
    Derive,
    Direction,
    IndicatorSpec,
    MissingInput,
    Observation,
    Param,
    ValueType,
    indicator,
    realisation_band,
)
from sanitasi_core.indicators._facts import Facts
from sanitasi_core.indicators._passes import SOURCE_ORDER
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
