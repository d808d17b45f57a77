"""Catalogue part: the engine (indicator notes, decisions, the M4 history, gaps)."""

from collections.abc import Mapping
from typing import Final

ENGINE_MESSAGES: Final[Mapping[str, Mapping[str, str]]] = {
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
    # --- gaps: what it takes to pass --------------------------------------------------------
    "gap_provide": {"id": "lengkapi: {first}{more}", "en": "provide: {first}{more}"},
    "gap_provide_more": {"id": " (+{n} lainnya)", "en": " (+{n} more)"},
    "gap_data": {"id": "data yang kurang", "en": "the missing data"},
    "gap_must_not_hold": {
        "id": "kondisi di dalamnya harus tidak terpenuhi",
        "en": "the inner condition must not hold",
    },
    "gap_nothing_recorded": {
        "id": "belum ada data: {label}",
        "en": "nothing recorded yet: {label}",
    },
    "gap_needed": {"id": "perlu: {label}", "en": "needed: {label}"},
    "gap_must_not_exist": {"id": "harus tidak ada: {label}", "en": "must not exist: {label}"},
    "gap_more_records": {
        "id": "perlu {need} catatan lagi: {label}",
        "en": "{need} more needed: {label}",
    },
    "gap_too_many": {"id": "terlalu banyak: {label}", "en": "too many: {label}"},
    "gap_raise": {
        "id": "naikkan {size} {unit} (dari {value} ke {limit})",
        "en": "raise by {size} {unit} (from {value} to {limit})",
    },
    "gap_lower": {
        "id": "turunkan {size} {unit} (dari {value} ke {limit})",
        "en": "lower by {size} {unit} (from {value} to {limit})",
    },
    "gap_cheapest": {"id": "cara termurah: {label}", "en": "cheapest branch: {label}"},
    "gap_more_of": {"id": "perlu {need} lagi dari: {names}", "en": "{need} more of: {names}"},
    "gap_still_open": {"id": "belum terpenuhi: {names}", "en": "still open: {names}"},
    "gap_no_branch": {"id": "tidak ada cabang", "en": "no branch"},
    "label_count": {"id": "jumlah {records}", "en": "number of {records}"},
    # A distance between two percentages is in percentage points, not in percent.
    "unit_gap_%": {"id": "poin persentase", "en": "percentage points"},
    "unit_gap_pp": {"id": "poin persentase", "en": "percentage points"},
    "unit_gap_points": {"id": "poin", "en": "points"},
    "unit_gap_records": {"id": "catatan", "en": "records"},
    "unit_gap_months": {"id": "bulan", "en": "months"},
    "records_commitments": {"id": "komitmen", "en": "commitments"},
    "records_meetings": {"id": "pertemuan", "en": "meetings"},
    "records_activities": {"id": "kegiatan", "en": "activities"},
    "records_evaluations": {"id": "evaluasi", "en": "evaluations"},
    "records_monitoring_reports": {"id": "laporan monitoring", "en": "monitoring reports"},
    "records_documents": {"id": "dokumen", "en": "documents"},
}
