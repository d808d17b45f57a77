"""The sanitation access ladder (*tangga akses sanitasi*) computed from household records.

A :class:`HouseholdRecord` holds one household's survey answers; ``None`` in any answer means
*not known*. :func:`classify` puts the household on a :class:`Rung` of Indonesia's version of
the WHO/UNICEF JMP ladder (the Susenas-based definitions of *akses aman*, *layak sendiri*,
*layak bersama*, *belum layak* and *BABS*, published on NAWASIS:
https://www.nawasis.org/portal/database/home/definisi; JMP: https://washdata.org/monitoring/
sanitation), or leaves the rung unknown and names the unknown
answers it depends on. An unknown answer makes the rung unknown **only when the rung really
depends on it**: the classification is evaluated under every possible completion of the unknown
answers, and a rung is given only when all completions agree.

:class:`LadderAccumulator` adds records one at a time in bounded memory and produces a
:class:`LadderSummary`: exact weighted counts and shares in percent, by urban and rural area.
:func:`to_access_record` turns a summary into a dossier :class:`~sanitasi_core.model.AccessRecord`.

Import every name from here, ``sanitasi_core.ladder``. The parts: ``_record`` (the answer
enums, :class:`Rung`, :class:`HouseholdRecord` and its validators), ``_classify``
(:class:`Classification`, :func:`classify`, :func:`emptied_recently`), ``_summary``
(:class:`AreaSummary`, :class:`LadderSummary`, :class:`LadderAccumulator`, :func:`summarise`,
the largest-remainder shares), ``_access`` (:func:`to_access_record`).
"""

from typing import Final

from sanitasi_core.ladder import _classify, _record, _summary
from sanitasi_core.ladder._access import to_access_record
from sanitasi_core.ladder._classify import Classification, classify, emptied_recently
from sanitasi_core.ladder._record import (
    Area,
    Disposal,
    Facility,
    HouseholdRecord,
    Rung,
    Toilet,
)
from sanitasi_core.ladder._summary import (
    AreaSummary,
    LadderAccumulator,
    LadderSummary,
    summarise,
)

# The constants are bound here, not only imported, so that the API reference (which reads the
# docstrings of data from this file) documents them.
EMPTYING_WINDOW: Final = _classify.EMPTYING_WINDOW
"""How far back from the survey date a septic-tank emptying counts (inclusive)."""

LADDER_KEYS: Final = _summary.LADDER_KEYS
"""The keys of every count and share mapping: the five rungs, best first, then ``unknown``."""

MAX_WEIGHT: Final = _record.MAX_WEIGHT
"""The largest weight a household record may carry."""

WEIGHT_PLACES: Final = _record.WEIGHT_PLACES
"""The most decimal places a weight may have (keeps exact sums small)."""

__all__ = [
    "EMPTYING_WINDOW",
    "LADDER_KEYS",
    "MAX_WEIGHT",
    "WEIGHT_PLACES",
    "Area",
    "AreaSummary",
    "Classification",
    "Disposal",
    "Facility",
    "HouseholdRecord",
    "LadderAccumulator",
    "LadderSummary",
    "Rung",
    "Toilet",
    "classify",
    "emptied_recently",
    "summarise",
    "to_access_record",
]
