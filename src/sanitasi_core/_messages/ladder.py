"""Catalogue part: the sanitation ladder and household-record files.

Parameters that are words come in as :class:`~sanitasi_core._text.Text` and are filled in
each language from their own side.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["LADDER_MESSAGES"]

LADDER_MESSAGES: Final[Mapping[str, Mapping[str, str]]] = {
    # --- names of the rungs (tangga akses sanitasi) -------------------------------------------
    "rung_safely_managed": {"id": "akses aman", "en": "safely managed"},
    "rung_basic": {"id": "layak sendiri", "en": "basic"},
    "rung_limited": {"id": "layak bersama", "en": "limited"},
    "rung_unimproved": {"id": "belum layak", "en": "unimproved"},
    "rung_open_defecation": {"id": "BABS di tempat terbuka", "en": "open defecation"},
    "rung_unknown": {"id": "tidak diketahui", "en": "unknown"},
    "ladder_layak": {"id": "akses layak", "en": "improved (layak)"},
    # --- why a household is on its rung -------------------------------------------------------
    "ladder_reason_no_facility": {
        "id": "tidak ada fasilitas BAB: BABS di tempat terbuka",
        "en": "no toilet facility: open defecation",
    },
    "ladder_reason_public": {
        "id": "fasilitas BAB umum: belum layak",
        "en": "public toilet facility: unimproved",
    },
    "ladder_reason_no_water_seal": {
        "id": "kloset tanpa leher angsa ({toilet}): belum layak",
        "en": "toilet without a water seal ({toilet}): unimproved",
    },
    "ladder_reason_direct_discharge": {
        "id": (
            "kloset leher angsa yang dibuang langsung ke kolam, sawah, sungai atau laut "
            "(BABS tertutup): belum layak"
        ),
        "en": (
            "gooseneck toilet discharging directly to a pond, field, river or the sea "
            "(BABS tertutup): unimproved"
        ),
    },
    "ladder_reason_no_disposal": {
        "id": "kloset leher angsa tanpa pembuangan akhir yang layak ({disposal}): belum layak",
        "en": "gooseneck toilet without proper disposal ({disposal}): unimproved",
    },
    "ladder_reason_urban_soil_pit": {
        "id": "kloset leher angsa dengan lubang tanah di perkotaan: belum layak",
        "en": "gooseneck toilet with a soil pit in an urban area: unimproved",
    },
    "ladder_reason_rural_soil_pit_own": {
        "id": "kloset leher angsa milik sendiri dengan lubang tanah di perdesaan: layak sendiri",
        "en": "own gooseneck toilet with a soil pit in a rural area: basic",
    },
    "ladder_reason_rural_soil_pit_shared": {
        "id": "kloset leher angsa bersama dengan lubang tanah di perdesaan: layak bersama",
        "en": "shared gooseneck toilet with a soil pit in a rural area: limited",
    },
    "ladder_reason_septic_shared": {
        "id": (
            "kloset leher angsa bersama dengan tangki septik: layak bersama (fasilitas bersama "
            "paling tinggi layak bersama)"
        ),
        "en": (
            "shared gooseneck toilet with a septic tank: limited (a shared facility is at best "
            "limited)"
        ),
    },
    "ladder_reason_septic_safe": {
        "id": (
            "kloset leher angsa milik sendiri, tangki septik dikuras dalam 5 tahun terakhir dan "
            "lumpurnya diolah di IPLT: akses aman"
        ),
        "en": (
            "own gooseneck toilet, septic tank emptied within the last 5 years and its sludge "
            "treated at an IPLT: safely managed"
        ),
    },
    "ladder_reason_septic_not_emptied": {
        "id": (
            "kloset leher angsa milik sendiri dengan tangki septik yang tidak dikuras dalam "
            "5 tahun terakhir: layak sendiri"
        ),
        "en": (
            "own gooseneck toilet with a septic tank not emptied within the last 5 years: basic"
        ),
    },
    "ladder_reason_septic_not_treated": {
        "id": (
            "kloset leher angsa milik sendiri dengan tangki septik yang lumpurnya tidak diolah "
            "di IPLT: layak sendiri"
        ),
        "en": (
            "own gooseneck toilet with a septic tank whose sludge is not treated at an IPLT: basic"
        ),
    },
    "ladder_reason_septic_neither": {
        "id": (
            "kloset leher angsa milik sendiri dengan tangki septik yang tidak dikuras dalam "
            "5 tahun terakhir dan lumpurnya tidak diolah di IPLT: layak sendiri"
        ),
        "en": (
            "own gooseneck toilet with a septic tank neither emptied within the last 5 years "
            "nor with its sludge treated at an IPLT: basic"
        ),
    },
    "ladder_reason_spald_t_own": {
        "id": "kloset leher angsa milik sendiri tersambung ke SPALD-T ({disposal}): akses aman",
        "en": "own gooseneck toilet connected to SPALD-T ({disposal}): safely managed",
    },
    "ladder_reason_spald_t_shared": {
        "id": (
            "kloset leher angsa bersama tersambung ke SPALD-T ({disposal}): layak bersama "
            "(fasilitas bersama paling tinggi layak bersama)"
        ),
        "en": (
            "shared gooseneck toilet connected to SPALD-T ({disposal}): limited (a shared "
            "facility is at best limited)"
        ),
    },
    "ladder_reason_despite_unknown": {
        "id": "{rung_id}, apa pun jawaban yang tidak diketahui ({columns})",
        "en": "{rung_en}, whatever the unknown answers ({columns})",
    },
    "ladder_reason_unknown": {
        "id": (
            "tangga akses tidak dapat ditentukan karena jawaban ini tidak diketahui: {columns}; "
            "kemungkinan: {possible_id}"
        ),
        "en": (
            "the rung cannot be decided because these answers are not known: {columns}; "
            "possible: {possible_en}"
        ),
    },
    # --- household records (model checks) -----------------------------------------------------
    "ladder_weight_range": {
        "id": (
            "bobot harus lebih dari 0 dan paling besar {high}, dengan paling banyak {places} "
            "angka desimal; didapat {got}"
        ),
        "en": (
            "a weight must be more than 0 and at most {high}, with at most {places} decimal "
            "places; got {got}"
        ),
    },
    "ladder_emptied_after_survey": {
        "id": "tanggal pengurasan terakhir {emptied} jatuh setelah tanggal survei {survey}",
        "en": "the last emptying date {emptied} is after the survey date {survey}",
    },
    "ladder_survey_date_too_early": {
        "id": (
            "tanggal survei {got} terlalu awal: paling awal {earliest} (jendela pengurasan lima"
            " tahun tidak dapat dimulai sebelum tahun 1); periksa tahunnya"
        ),
        "en": (
            "the survey date {got} is too early: the earliest is {earliest} (the five-year"
            " emptying window cannot start before year 1); check the year"
        ),
    },
    "ladder_last_emptied_type": {
        "id": "diharapkan tanggal, 'never', atau kosong (tidak diketahui), didapat {got}",
        "en": "expected a date, 'never' or nothing (not known), got {got}",
    },
    "ladder_empty": {
        "id": "tidak ada baris rumah tangga{area_id}: tidak ada persentase yang dapat dihitung",
        "en": "no household rows{area_en}: no share can be computed",
    },
    "ladder_area_suffix": {"id": " di wilayah {area_id}", "en": " in {area_en} areas"},
    # --- household-record files: whole-file problems ------------------------------------------
    "household_no_header": {
        "id": "berkas CSV kosong: baris judul kolom tidak ada",
        "en": "the CSV file is empty: there is no header row",
    },
    "household_unknown_columns": {
        "id": "kolom tidak dikenal: {names}; kolom yang sah: {expected}",
        "en": "unknown column(s): {names}; the valid columns are: {expected}",
    },
    "household_missing_columns": {
        "id": "kolom wajib tidak ada: {names}",
        "en": "required column(s) missing: {names}",
    },
    "household_duplicate_columns": {
        "id": "kolom muncul lebih dari sekali: {names}",
        "en": "column(s) given more than once: {names}",
    },
    "household_header_syntax": {
        "id": "baris judul kolom tidak dapat dibaca: {reason}",
        "en": "the header row cannot be read: {reason}",
    },
    "household_not_utf8": {
        "id": "berkas bukan teks UTF-8 (sekitar baris {line}): {reason}",
        "en": "the file is not UTF-8 text (near line {line}): {reason}",
    },
    "household_unreadable": {
        "id": "berkas tidak dapat dibaca: {reason}",
        "en": "the file cannot be read: {reason}",
    },
    "household_format_unknown": {
        "id": "format berkas {got!r} tidak dikenal; pilihan: csv, jsonl",
        "en": "unknown file format {got!r}; expected csv or jsonl",
    },
    "household_format_guess": {
        "id": (
            "format berkas {name!r} tidak dapat ditebak dari akhiran namanya; gunakan .csv, "
            ".jsonl atau .ndjson, atau sebutkan formatnya"
        ),
        "en": (
            "cannot tell the format of {name!r} from its suffix; use .csv, .jsonl or .ndjson, "
            "or name the format"
        ),
    },
    # --- household-record files: problems of one row ------------------------------------------
    "household_line_too_long": {
        "id": "baris terlalu panjang: lebih dari {limit} karakter",
        "en": "line too long: more than {limit} characters",
    },
    "household_field_count": {
        "id": "baris berisi {got} nilai, sedangkan judul kolom berisi {expected}",
        "en": "the row has {got} values, the header has {expected}",
    },
    "household_csv_syntax": {
        "id": "baris CSV tidak dapat dibaca: {reason}",
        "en": "the CSV row cannot be read: {reason}",
    },
    "household_json_invalid": {
        "id": "bukan JSON yang sah: {reason} (karakter ke-{position})",
        "en": "not valid JSON: {reason} (character {position})",
    },
    "household_json_not_object": {
        "id": "setiap baris JSON Lines harus berupa objek JSON, didapat {got}",
        "en": "each JSON Lines row must be a JSON object, got {got}",
    },
    "household_unknown_key": {
        "id": "kolom tidak dikenal {name!r}; kolom yang sah: {expected}",
        "en": "unknown column {name!r}; the valid columns are: {expected}",
    },
    "household_missing_key": {
        "id": "kolom wajib {name!r} tidak ada",
        "en": "required column {name!r} is missing",
    },
    "household_required": {
        "id": "nilai wajib diisi",
        "en": "a value is required",
    },
    "household_value_type": {
        "id": "diharapkan {expected_id}, didapat {got}",
        "en": "expected {expected_en}, got {got}",
    },
    "household_choice": {
        "id": ("nilai {got!r} tidak dikenal; pilihan: {choices} (kosongkan bila tidak diketahui)"),
        "en": "unknown value {got!r}; expected one of: {choices} (leave empty when not known)",
    },
    "household_date": {
        "id": "{got!r} bukan tanggal YYYY-MM-DD yang sah",
        "en": "{got!r} is not a valid YYYY-MM-DD date",
    },
    "household_last_emptied": {
        "id": (
            "{got!r} bukan tanggal YYYY-MM-DD yang sah atau 'never' (kosongkan bila tidak "
            "diketahui)"
        ),
        "en": "{got!r} is neither a valid YYYY-MM-DD date nor 'never' (leave empty when not known)",
    },
    "household_weight": {
        "id": "{got!r} bukan bobot yang sah: tulis angka desimal dengan titik, misalnya '1.25'",
        "en": "{got!r} is not a valid weight: write a decimal number with a dot, e.g. '1.25'",
    },
    # --- reports ------------------------------------------------------------------------------
    "ladder_report_title": {
        "id": "Tangga akses sanitasi: baris diterima {rows}, baris ditolak {rejected}",
        "en": "Sanitation access ladder: rows accepted {rows}, rows rejected {rejected}",
    },
    "ladder_report_total": {"id": "keseluruhan", "en": "total"},
    "ladder_report_urban": {"id": "perkotaan", "en": "urban"},
    "ladder_report_rural": {"id": "perdesaan", "en": "rural"},
    "ladder_report_weight": {"id": "bobot", "en": "weight"},
    "ladder_report_area_unknown": {
        "id": "baris tanpa keterangan perkotaan/perdesaan: {rows} (bobot {weight})",
        "en": "rows without an urban/rural answer: {rows} (weight {weight})",
    },
    "ladder_report_survey_dates": {
        "id": "tanggal survei {first} sampai {last}",
        "en": "survey dates {first} to {last}",
    },
    "ladder_report_rejected": {"id": "Baris yang ditolak:", "en": "Rejected rows:"},
    "ladder_report_row": {
        "id": "baris data {row} (baris berkas {line})",
        "en": "data row {row} (file line {line})",
    },
    "ladder_report_column": {"id": "kolom {column}", "en": "column {column}"},
    "ladder_report_more": {
        "id": "... dan {count} masalah lain",
        "en": "... and {count} more problems",
    },
    "ladder_report_no_rows": {
        "id": "tidak ada baris yang diterima",
        "en": "no row was accepted",
    },
}
