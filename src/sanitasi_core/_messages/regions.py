"""Catalogue part: the region registry.

The registry also uses the generic codes ``unknown_province``, ``region_kind_mismatch`` and
``not_blank``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["REGION_MESSAGES"]

REGION_MESSAGES: Final[Mapping[str, Mapping[str, str]]] = {
    # --- look-ups ---------------------------------------------------------------------------
    "region_unknown_province": {
        "id": "kode provinsi {code!r} tidak dikenal",
        "en": "unknown province code {code!r}",
    },
    "region_unknown_province_hint": {
        "id": "kode provinsi {code!r} tidak dikenal; mungkin maksud Anda {suggestions}?",
        "en": "unknown province code {code!r}; did you mean {suggestions}?",
    },
    "region_unknown_regency": {
        "id": "kode kabupaten/kota {code!r} tidak dikenal",
        "en": "unknown kabupaten/kota code {code!r}",
    },
    "region_unknown_regency_hint": {
        "id": "kode kabupaten/kota {code!r} tidak dikenal; mungkin maksud Anda {suggestions}?",
        "en": "unknown kabupaten/kota code {code!r}; did you mean {suggestions}?",
    },
    # --- codes and names --------------------------------------------------------------------
    "region_province_code_format": {
        "id": "kode provinsi harus dua angka (mis. '64'), didapat {got!r}",
        "en": "a province code must be two digits (e.g. '64'), got {got!r}",
    },
    "region_regency_code_format": {
        "id": "kode kabupaten/kota harus berbentuk PP.KK (mis. '64.11'), didapat {got!r}",
        "en": "a kabupaten/kota code must have the form PP.KK (e.g. '64.11'), got {got!r}",
    },
    "region_code_range": {
        "id": "nomor kabupaten/kota pada kode {code!r} harus 01-69 (kabupaten) atau 71-99 (kota)",
        "en": "the kabupaten/kota number in {code!r} must be 01-69 (kabupaten) or 71-99 (kota)",
    },
    "region_province_mismatch": {
        "id": "kode {code!r} tidak diawali kode provinsinya {province!r}",
        "en": "code {code!r} does not start with its province code {province!r}",
    },
    "region_name_prefix": {
        "id": "nama kabupaten/kota harus diawali 'Kabupaten' atau 'Kota', didapat {got!r}",
        "en": "a kabupaten/kota name must start with 'Kabupaten' or 'Kota', got {got!r}",
    },
    "region_duplicate_code": {
        "id": "kode {code!r} muncul lebih dari sekali (pertama pada {first})",
        "en": "code {code!r} appears more than once (first at {first})",
    },
    # --- CSV files ----------------------------------------------------------------------------
    "region_csv_syntax": {
        "id": "bukan CSV yang sah: {reason}",
        "en": "not valid CSV: {reason}",
    },
    "region_csv_empty": {
        "id": "berkas tidak berisi baris data",
        "en": "the file has no data rows",
    },
    "region_csv_header": {
        "id": "baris judul harus memuat kolom {expected}, didapat {got}",
        "en": "the header must have the columns {expected}, got {got}",
    },
    "region_csv_columns": {
        "id": "diharapkan {expected} kolom, didapat {got}",
        "en": "expected {expected} columns, got {got}",
    },
}
