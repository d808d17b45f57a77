"""The register shipped with the package, read from its CSV files on the first call only."""

import functools
from importlib.resources import files

from sanitasi_core.regions._csv import _PROVINCES_FILE, _REGENCIES_FILE
from sanitasi_core.regions._registry import RegionRegistry


def _load_shipped() -> RegionRegistry:
    folder = files("sanitasi_core") / "data" / "wilayah"
    return RegionRegistry.from_csv_text(
        (folder / _PROVINCES_FILE).read_text(encoding="utf-8"),
        (folder / _REGENCIES_FILE).read_text(encoding="utf-8"),
    )


@functools.cache
def default_registry() -> RegionRegistry:
    """Return the registry shipped with the package, reading it on the first call only.

    The data are the 38 provinces and 514 kabupaten/kota (416 kabupaten, 98 kota) of Keputusan
    Menteri Dalam Negeri 300.2.2-2138 Tahun 2025, from ``idn-area-data`` 4.0.1 under the Open
    Database License 1.0. The result is cached: every call returns the same object.
    """
    return _load_shipped()
