"""Catalogue part: generic value checks and the JSON format (validators, loaders)."""

from collections.abc import Mapping
from typing import Final

GENERIC_MESSAGES: Final[Mapping[str, Mapping[str, str]]] = {
    # --- generic value checks -------------------------------------------------------------
    "expected_type": {
        "id": "diharapkan {expected}, didapat {got}",
        "en": "expected {expected}, got {got}",
    },
    "missing_field": {
        "id": "kolom wajib {name!r} tidak ada",
        "en": "required field {name!r} is missing",
    },
    "unknown_fields": {
        "id": "kolom tidak dikenal: {names}",
        "en": "unknown field(s): {names}",
    },
    "invalid_choice": {
        "id": "nilai {got} tidak dikenal; pilihan: {choices}",
        "en": "unknown value {got}; expected one of: {choices}",
    },
    "lone_surrogate": {
        "id": (
            "teks memuat surrogate tunggal (\\u{code:04x}) pada posisi {position}: bukan "
            "teks Unicode yang sah dan tidak dapat ditulis sebagai UTF-8"
        ),
        "en": (
            "the text holds a lone surrogate (\\u{code:04x}) at position {position}: not valid "
            "Unicode, and it cannot be written as UTF-8"
        ),
    },
    "not_blank": {
        "id": "tidak boleh kosong, didapat {got}",
        "en": "must not be blank, got {got}",
    },
    "percentage_range": {
        "id": "persentase harus antara 0 dan 100, didapat {got}",
        "en": "a percentage must be between 0 and 100, got {got}",
    },
    "score_range": {
        "id": "skor harus antara 0 dan 100, didapat {got}",
        "en": "a score must be between 0 and 100, got {got}",
    },
    "non_negative": {
        "id": "tidak boleh negatif, didapat {got}",
        "en": "must not be negative, got {got}",
    },
    "finite_decimal": {
        "id": "harus bilangan desimal terhingga, didapat {got}",
        "en": "must be a finite decimal, got {got}",
    },
    "decimal_places": {
        "id": (
            "paling banyak {places} angka di belakang koma yang dapat ditulis, didapat {got} "
            "({count} angka); bulatkan dulu, misalnya dengan Decimal.quantize"
        ),
        "en": (
            "at most {places} decimal places can be written, got {got} ({count} places); "
            "round it first, e.g. with Decimal.quantize"
        ),
    },
    "decimal_digits": {
        "id": "paling banyak {digits} angka di depan koma yang dapat ditulis, didapat {got}",
        "en": "at most {digits} digits before the decimal point can be written, got {got}",
    },
    "year_range": {
        "id": "tahun harus antara {low} dan {high}, didapat {got}",
        "en": "a year must be between {low} and {high}, got {got}",
    },
    "int_range": {
        "id": "harus antara {low} dan {high}, didapat {got}",
        "en": "must be between {low} and {high}, got {got}",
    },
    "end_before_start": {
        "id": "akhir ({end}) tidak boleh sebelum awal ({start})",
        "en": "the end ({end}) must not be before the start ({start})",
    },
    "pattern": {
        "id": "format tidak sah: diharapkan {expected}, didapat {got}",
        "en": "invalid format: expected {expected}, got {got}",
    },
    "unknown_province": {
        "id": "kode provinsi {province!r} dari kode wilayah {code!r} tidak ada",
        "en": "province code {province!r} of region code {code!r} does not exist",
    },
    "region_kind_mismatch": {
        "id": "kode {code!r} adalah {actual}, bukan {kind}",
        "en": "code {code!r} is a {actual}, not a {kind}",
    },
    "duplicate_id": {
        "id": "id {got!r} dipakai lebih dari sekali",
        "en": "id {got!r} is used more than once",
    },
    "unknown_reference": {
        "id": "merujuk {kind} {got!r} yang tidak ada dalam dosir",
        "en": "refers to {kind} {got!r}, which is not in the dossier",
    },
    "unknown_regency": {
        "id": "kode kab/kota {code!r} tidak ada dalam daftar resmi Kemendagri "
        "(tandai dosir sebagai fictional untuk contoh rekaan)",
        "en": "kab/kota code {code!r} is not in the official Kemendagri list "
        "(mark the dossier fictional for a made-up example)",
    },
    "duplicate_record": {
        "id": "mengulang {first} (kunci yang sama: {key})",
        "en": "repeats {first} (same key: {key})",
    },
    "milestone_range": {
        "id": "awal rentang {first} tidak boleh setelah {last}",
        "en": "the range start {first} must not come after {last}",
    },
    "m4_year_only_for_m4": {
        "id": "tahun ke-n M4 hanya berlaku untuk penetapan M4, didapat {milestone}",
        "en": "the M4 year index applies only to an M4 designation, got {milestone}",
    },
    "coaching_clinic_kind": {
        "id": "nomor klinik (CC1-CC7) hanya untuk pertemuan jenis coaching_clinic",
        "en": "a clinic number (CC1-CC7) belongs only to a coaching_clinic meeting",
    },
    "evaluation_error": {
        "id": "masukan ini tidak dapat dievaluasi",
        "en": "this input could not be evaluated",
    },
    "problems_omitted": {
        "id": "… dan {count} masalah lain (tidak ditampilkan)",
        "en": "… and {count} more problems (not shown)",
    },
    "regulation_kind_mismatch": {
        "id": "jenis peraturan {got!r} tidak sesuai dengan jenis produk hukum {kind!r}",
        "en": "regulation kind {got!r} does not match the instrument kind {kind!r}",
    },
    "coaching_clinic_required": {
        "id": "pertemuan coaching_clinic memerlukan nomor klinik 1-7",
        "en": "a coaching_clinic meeting needs a clinic number 1-7",
    },
    "shares_exceed_100": {
        "id": "jumlah persentase tangga akses {total} melebihi 100",
        "en": "the access-ladder shares add up to {total}, more than 100",
    },
    "layak_mismatch": {
        "id": "layak {layak} tidak sama dengan aman + layak sendiri + layak bersama = {total}",
        "en": "layak {layak} differs from safely managed + basic + limited = {total}",
    },
    "access_empty": {
        "id": "catatan akses tanpa satu pun angka (persentase atau jumlah rumah tangga)",
        "en": "an access record with no figure at all (shares or household counts)",
    },
    "households_exceed_total": {
        "id": "jumlah rumah tangga per tangga {total} melebihi total {households}",
        "en": "households per rung add up to {total}, more than the total {households}",
    },
    "ssk_period": {
        "id": "periode SSK harus lima tahun, didapat {start}-{end}",
        "en": "an SSK period must span five years, got {start}-{end}",
    },
    "annual_document_year": {
        "id": "dokumen tahunan {kind} memerlukan tahun",
        "en": "the annual document {kind} needs a year",
    },
    "date_not_in_year": {
        "id": "tanggal {date} tidak jatuh pada tahun {year}",
        "en": "the date {date} is not in the year {year}",
    },
    "exceeds_generated": {
        "id": "{part} ton melebihi timbulan sampah {generated} ton",
        "en": "{part} tonnes exceed the {generated} tonnes of waste generated",
    },
    "village_outside_region": {
        "id": "desa {village} tidak berada di kab/kota {region}",
        "en": "village {village} is not in the district {region}",
    },
    "missing_more_records": {
        "id": "catatan {name} lainnya (daftar ditandai belum lengkap)",
        "en": "further {name} records (the list is marked incomplete)",
    },
    # --- the JSON format --------------------------------------------------------------------
    "invalid_json": {
        "id": "bukan JSON yang sah: {reason} (baris {line}, kolom {column})",
        "en": "not valid JSON: {reason} (line {line}, column {column})",
    },
    "schema_mismatch": {
        "id": "kolom schema harus {expected!r}, didapat {got}",
        "en": "the schema field must be {expected!r}, got {got}",
    },
    "too_large": {
        "id": "dokumen terlalu besar: {size} bita, batas {limit}",
        "en": "document too large: {size} bytes, the limit is {limit}",
    },
    "too_deep": {
        "id": "dokumen terlalu dalam: lebih dari {limit} tingkat",
        "en": "document nested too deeply: more than {limit} levels",
    },
    "unreadable_file": {
        "id": "berkas tidak dapat dibaca: {reason}",
        "en": "file cannot be read: {reason}",
    },
}
