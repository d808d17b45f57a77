"""The catalogue of library messages in both languages, keyed by a stable code.

Validators, loaders and the engine never write sentences inline: they name a code and its
parameters, and this catalogue renders both languages. A test checks every code exists in both.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from sanitasi_core._messages_charts import CHART_MESSAGES
from sanitasi_core._messages_files import FILE_MESSAGES
from sanitasi_core._messages_formats import FORMAT_MESSAGES
from sanitasi_core._messages_ladder import LADDER_MESSAGES
from sanitasi_core._messages_regions import REGION_MESSAGES
from sanitasi_core._messages_reports import REPORT_MESSAGES
from sanitasi_core._text import Text

__all__ = ["CATALOGUE", "phrase", "text"]

_GENERIC: Final[Mapping[str, Mapping[str, str]]] = {
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
    # --- notes beside an indicator's value ------------------------------------------------
    "fiscal_year_after": {
        "id": "tahun anggaran {year} belum dimulai pada {day}",
        "en": "the fiscal year {year} has not begun on {day}",
    },
    "note_signed_by": {
        "id": "commitments[{index}] ditandatangani {role} ({office}) pada {day}",
        "en": "commitments[{index}] was signed by {role} ({office}) on {day}",
    },
    "role_delegate": {
        "id": "pejabat atas nama kepala daerah",
        "en": "an official on behalf of the regional head",
    },
    "role_acting_head": {"id": "penjabat kepala daerah", "en": "an acting regional head"},
    "note_realisation_band": {
        "id": (
            "realisasi {share}%: kategori {band} menurut "
            "Permendagri 86/2017 (konteks, bukan ambang)"
        ),
        "en": (
            "realisation {share}%: band {band} under Permendagri 86/2017 (context, not a threshold)"
        ),
    },
    "band_very_high": {"id": "sangat tinggi (≥ 91)", "en": "very high (≥ 91)"},
    "band_high": {"id": "tinggi (76-90)", "en": "high (76-90)"},
    "band_medium": {"id": "sedang (66-75)", "en": "medium (66-75)"},
    "band_low": {"id": "rendah (51-65)", "en": "low (51-65)"},
    "band_very_low": {"id": "sangat rendah (≤ 50)", "en": "very low (≤ 50)"},
    "note_nawasis_completeness": {
        "id": "kelengkapan di NAWASIS: {share}%",
        "en": "completeness in NAWASIS: {share}%",
    },
    "note_sources_disagree": {
        "id": "sumber berbeda untuk tahun {year} ({values}); dipakai: {used}",
        "en": "sources differ for {year} ({values}); used: {used}",
    },
    # --- the engine ---------------------------------------------------------------------
    "designation_none": {
        "id": "tidak ada penetapan milestone yang tercatat sampai tanggal evaluasi",
        "en": "no milestone designation is recorded up to the evaluation date",
    },
    "designation_no_milestone": {"id": "belum ada milestone", "en": "no milestone"},
    "designation_contradicted": {
        "id": (
            "{ref} mencatat {claimed} tercapai, tetapi bukti menunjukkan paling tinggi {possible}"
        ),
        "en": "{ref} records {claimed} as reached, but the evidence allows at most {possible}",
    },
    "designation_unconfirmed": {
        "id": "{ref} mencatat {claimed} tercapai; bukti hanya memastikan: {certain} (data kurang)",
        "en": (
            "{ref} records {claimed} as reached; the evidence "
            "confirms only: {certain} (data missing)"
        ),
    },
    "designation_ahead": {
        "id": "bukti memastikan {certain}, melampaui penetapan {designated} dalam {ref}",
        "en": "the evidence confirms {certain}, beyond the designation {designated} in {ref}",
    },
    "designation_consistent": {
        "id": "bukti sesuai dengan penetapan {designated} dalam {ref}",
        "en": "the evidence agrees with the designation {designated} in {ref}",
    },
    "label_some_model": {
        "id": "satu model layanan memenuhi sendiri",
        "en": "one service model qualifies on its own",
    },
    "label_model": {"id": "model layanan {name} ({id})", "en": "service model {name} ({id})"},
    "label_aspects_at_least": {
        "id": "paling sedikit {k} dari {n} aspek ({set}) dengan skor cukup",
        "en": "at least {k} of the {n} aspects ({set}) with a sufficient score",
    },
    "missing_service_models": {"id": "model layanan", "en": "the service models"},
    "gap_no_model": {
        "id": "belum ada model layanan yang tercatat",
        "en": "no service model is recorded",
    },
    "gap_unknown": {"id": "data kurang", "en": "data missing"},
    "gap_closest_model": {
        "id": "paling dekat: {model}: {gap}",
        "en": "closest: {model}: {gap}",
    },
    "note_aspect_outside_set": {
        "id": "aspek {aspect!r} ({path}) tidak termasuk himpunan aspek {set}; tidak dihitung",
        "en": "aspect {aspect!r} ({path}) is not in the aspect set {set}; not counted",
    },
    # --- the programme history (M4 year n) -------------------------------------------------
    "history_designation": {
        "id": "penetapan {milestone} dalam {decree}",
        "en": "designation {milestone} in {decree}",
    },
    "history_stage": {
        "id": "laporan tahapan {milestone} tanggal {day}",
        "en": "stage report {milestone} of {day}",
    },
    "history_clinic": {
        "id": "coaching clinic {clinic} tanggal {day}",
        "en": "coaching clinic {clinic} of {day}",
    },
    "history_post_m4": {
        "id": "evaluasi pasca-M4 tanggal {day}",
        "en": "post-M4 evaluation of {day}",
    },
    "history_bounds": {
        "id": "M1-M3 tercatat pada tahun sebelum {first} dan M4 pada {first}",
        "en": "M1-M3 recorded in the year before {first} and M4 in {first}",
    },
    "history_conflict_order": {
        "id": "ada tahapan M1-M3 yang tercatat setelah tahun M4 pertama; tidak dipakai",
        "en": "an M1-M3 stage is recorded after the first M4 year; it is left out",
    },
    "history_conflict_index": {
        "id": "sumber tidak sepakat tentang tahun M4 pertama ({years})",
        "en": "sources disagree on the first M4 year ({years})",
    },
    "history_conflict_bounds": {
        "id": (
            "tahun M4 pertama {first} yang dinyatakan sumber "
            "bertentangan dengan tahapan lain yang tercatat"
        ),
        "en": "the first M4 year {first} stated by a source contradicts other recorded stages",
    },
    "history_conflict_assistance": {
        "id": "sumber tidak sepakat apakah tahun {year} didampingi",
        "en": "sources disagree on whether {year} was assisted",
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

# One catalogue; the parts live beside the modules that use them. Codes never collide (tested).
PARTS: Final[Mapping[str, Mapping[str, Mapping[str, str]]]] = {
    "generic": _GENERIC,
    "formats": FORMAT_MESSAGES,
    "regions": REGION_MESSAGES,
    "ladder": LADDER_MESSAGES,
    "reports": REPORT_MESSAGES,
    "charts": CHART_MESSAGES,
    "files": FILE_MESSAGES,
}
"""The parts of the catalogue, by owner; a test checks that no code is in two parts."""

CATALOGUE: Final[Mapping[str, Mapping[str, str]]] = {
    code: entry for part in PARTS.values() for code, entry in part.items()
}


_PHRASES: Final[Mapping[str, tuple[str, str]]] = {
    # English phrase → (Indonesian, English): what a field expects, used in "expected …".
    "a string": ("teks", "a string"),
    "an integer": ("bilangan bulat", "an integer"),
    "an integer of at most 18 digits": (
        "bilangan bulat paling banyak 18 angka",
        "an integer of at most 18 digits",
    ),
    "true or false": ("true atau false", "true or false"),
    "a decimal": ("bilangan desimal", "a decimal"),
    'a decimal string such as "1250000.00"': (
        'teks desimal seperti "1250000.00"',
        'a decimal string such as "1250000.00"',
    ),
    "a date": ("tanggal", "a date"),
    "a date YYYY-MM-DD": ("tanggal YYYY-MM-DD", "a date YYYY-MM-DD"),
    "a real calendar date YYYY-MM-DD": (
        "tanggal kalender yang ada, YYYY-MM-DD",
        "a real calendar date YYYY-MM-DD",
    ),
    "an array": ("larik (array)", "an array"),
    "a list": ("daftar", "a list"),
    "an object": ("objek", "an object"),
    "a valid value": ("nilai yang sah", "a valid value"),
    "a village code PP.KK.CC.DDDD such as '64.11.01.2001'": (
        "kode desa PP.KK.CC.DDDD seperti '64.11.01.2001'",
        "a village code PP.KK.CC.DDDD such as '64.11.01.2001'",
    ),
    "a kab/kota code PP.KK such as '64.11'": (
        "kode kab/kota PP.KK seperti '64.11'",
        "a kab/kota code PP.KK such as '64.11'",
    ),
}


def phrase(english: str) -> Text:
    """Return a known phrase in both languages (an unknown one, such as a class name, as is)."""
    id_, en = _PHRASES.get(english, (english, english))
    return Text(id=id_, en=en)


def text(code: str, /, **params: object) -> Text:
    """Render message *code* with *params* in both languages.

    A parameter that is itself a :class:`Text` is filled in each language from its own side.

    Raises:
        KeyError: if *code* is not in the catalogue (a programming error, caught by tests).
    """
    entry = CATALOGUE[code]
    in_id = {k: (v.id if isinstance(v, Text) else v) for k, v in params.items()}
    in_en = {k: (v.en if isinstance(v, Text) else v) for k, v in params.items()}
    return Text(id=entry["id"].format(**in_id), en=entry["en"].format(**in_en))
