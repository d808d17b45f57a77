"""The official register of Indonesia's provinces and kabupaten/kota (Kemendagri codes).

A :class:`RegionRegistry` answers "which district is ``64.11``?" and "which codes are called
*Bogor*?". The registry shipped with the package (:func:`default_registry`) holds the 38 provinces
and 514 kabupaten/kota of Keputusan Menteri Dalam Negeri 300.2.2-2138 Tahun 2025, taken from
``idn-area-data`` 4.0.1 (ODbL 1.0; see ``data/wilayah/README.md`` in the package). It is read on the
first call, never at import. A newer official list can be loaded with
:meth:`RegionRegistry.from_csv_text`.

Codes are Kemendagri codes (not BPS codes): ``PP`` for a province and ``PP.KK`` for a
kabupaten/kota, where ``KK`` 01-69 is a *kabupaten* and 71-99 a *kota*.

Import every name from here, ``sanitasi_core.regions``. The parts: ``_names`` (code formats,
the kind of a code or a name, name normalisation, and the field checks), ``_records``
(:class:`Province`, :class:`Regency`), ``_csv`` (the CSV layout, reading its rows, and the checks
of a kabupaten/kota row), ``_registry`` (:class:`RegionRegistry`: building, look-ups,
suggestions), ``_shipped`` (:func:`default_registry`, from the package's data files).
"""

from sanitasi_core.codes import RegionKind
from sanitasi_core.regions._records import Province, Regency
from sanitasi_core.regions._registry import RegionRegistry
from sanitasi_core.regions._shipped import default_registry

__all__ = [
    "Province",
    "Regency",
    "RegionKind",  # defined in sanitasi_core.codes, re-exported for convenience
    "RegionRegistry",
    "default_registry",
]
