"""Catalogue part: the reports (text, Markdown, CSV, HTML, explanations, rulebook tables)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

REPORT_MESSAGES: Final[Mapping[str, Mapping[str, str]]] = {
    "report_yes": {"id": "ya", "en": "yes"},
    "report_no": {"id": "tidak", "en": "no"},
    "report_level_none": {"id": "belum ada", "en": "none"},
    "report_unknown_value": {"id": "tidak diketahui", "en": "unknown"},
    "report_outcome_pass": {"id": "terpenuhi", "en": "met"},
    "report_outcome_fail": {"id": "tidak terpenuhi", "en": "not met"},
    "report_outcome_unknown": {"id": "belum dapat diputuskan", "en": "undecided"},
    "report_outcome_not_applicable": {"id": "tidak berlaku", "en": "not applicable"},
    "report_status_reconstructed": {"id": "rekonstruksi", "en": "reconstructed"},
    "report_status_official": {"id": "resmi", "en": "official"},
    "report_milestone_M1": {"id": "Komitmen kepala daerah", "en": "Regional head's commitment"},
    "report_milestone_M2": {"id": "Penetapan kebijakan", "en": "Policy adopted"},
    "report_milestone_M3": {"id": "Uji coba skala terbatas", "en": "Limited-scale trial"},
    "report_milestone_M4": {
        "id": "Penyelenggaraan layanan sanitasi berkelanjutan",
        "en": "Sustainable service at full scale",
    },
    "report_unit_record": {"id": "catatan", "en": "record"},
    "report_unit_records": {"id": "catatan", "en": "records"},
    "report_unit_months": {"id": "bulan", "en": "months"},
    "report_unit_points": {"id": "poin", "en": "points"},
    "report_unit_pp": {"id": "poin persen", "en": "pp"},
    "report_area_total": {"id": "keseluruhan", "en": "total"},
    "report_area_urban": {"id": "perkotaan", "en": "urban"},
    "report_area_rural": {"id": "perdesaan", "en": "rural"},
    "report_indicator_layak": {"id": "Akses sanitasi layak", "en": "Improved sanitation"},
    "report_indicator_safely_managed": {
        "id": "Akses sanitasi aman",
        "en": "Safely managed sanitation",
    },
    "report_indicator_open_defecation": {
        "id": "BABS di tempat terbuka",
        "en": "Open defecation",
    },
    "report_indicator_waste_reduction": {
        "id": "Pengurangan sampah",
        "en": "Solid-waste reduction",
    },
    "report_indicator_waste_handling": {"id": "Penanganan sampah", "en": "Solid-waste handling"},
    "report_type_boolean": {"id": "ya/tidak", "en": "yes/no"},
    "report_type_decimal": {"id": "desimal", "en": "decimal"},
    "report_type_count": {"id": "bilangan cacah", "en": "count"},
    "report_as_of": {"id": "Tanggal evaluasi: {date}", "en": "Evaluation date: {date}"},
    "report_rulebook": {
        "id": "Buku aturan (rulebook): {id} {version} ({status})",
        "en": "Rulebook: {id} {version} ({status})",
    },
    "report_levels": {
        "id": "Tingkat pasti: {certain} · tingkat mungkin: {possible}",
        "en": "Certain level: {certain} · possible level: {possible}",
    },
    "report_m4_year": {"id": "M4 tahun ke-{year}", "en": "M4 year {year}"},
    "report_m4_year_at_least": {
        "id": "M4 paling sedikit tahun ke-{year}",
        "en": "M4 year {year} or later",
    },
    "report_m4_year_between": {
        "id": "M4 tahun ke-{low} sampai ke-{high}",
        "en": "M4 year {low} to {high}",
    },
    "report_fiscal_year_assessed": {
        "id": "Tahun anggaran yang dinilai: {year}",
        "en": "Fiscal year assessed: {year}",
    },
    "report_assistance_assisted": {"id": "didampingi", "en": "assisted"},
    "report_assistance_post_assistance": {"id": "pasca-pendampingan", "en": "post-assistance"},
    "report_assistance_unknown": {
        "id": "pendampingan tidak diketahui",
        "en": "assistance unknown",
    },
    "report_advisory": {"id": "anjuran, tidak menghalangi", "en": "advisory, never blocking"},
    "report_assumption_label": {
        "id": "ASUMSI: tidak ada sumber publik yang memberikan aturan atau angka ini",
        "en": "ASSUMPTION: no public source gives this rule or number",
    },
    "report_ladder": {"id": "Tangga milestone", "en": "Milestone ladder"},
    "report_fiscal_year": {"id": "(tahun anggaran {year})", "en": "(fiscal year {year})"},
    "report_defaulted": {
        "id": "hasil bawaan rulebook karena datanya kurang",
        "en": "the rulebook's default outcome, as the data is lacking",
    },
    "report_gap_raise": {
        "id": "naikkan {amount} (dari {observed} menjadi {threshold})",
        "en": "raise by {amount} (from {observed} to {threshold})",
    },
    "report_gap_lower": {
        "id": "turunkan {amount} (dari {observed} menjadi {threshold})",
        "en": "lower by {amount} (from {observed} to {threshold})",
    },
    "report_gap_rupiah": {
        "id": "≈ {amount} lagi harus direalisasikan",
        "en": "≈ {amount} more to be realised",
    },
    "report_gap_households": {"id": "≈ {count} rumah tangga", "en": "≈ {count} households"},
    "report_blocking": {
        "id": "Penghambat menuju {milestone}: {criteria}",
        "en": "Blocking {milestone}: {criteria}",
    },
    "report_missing_head": {
        "id": "Data yang kurang (urut menurut banyaknya kriteria yang akan terputuskan):",
        "en": "Missing data (ranked by how many criteria each would settle):",
    },
    "report_missing_item": {
        "id": "{what} ({key}): {count} kriteria",
        "en": "{what} ({key}): would settle {count}",
    },
    "report_designation": {"id": "Penetapan: {text}", "en": "Designation: {text}"},
    "report_targets_head": {"id": "Target nasional:", "en": "National targets:"},
    "report_target": {
        "id": "{indicator} ({area}) {cmp} {value} pada {year}",
        "en": "{indicator} ({area}) {cmp} {value} by {year}",
    },
    "report_target_unknown": {"id": "belum ada angka", "en": "no figure yet"},
    "report_target_met": {
        "id": "tercapai: {observed} ({year})",
        "en": "met: {observed} ({year})",
    },
    "report_target_gap": {
        "id": "{observed} ({year}), kurang {gap}",
        "en": "{observed} ({year}), {gap} to go",
    },
    "report_summary_levels": {
        "id": "Kab/kota menurut tingkat pasti: {levels}",
        "en": "Districts by certain level: {levels}",
    },
    "report_summary_undecided": {
        "id": "Belum pasti (tingkat mungkin di atas tingkat pasti): {count}",
        "en": "Undecided (possible level above the certain level): {count}",
    },
    "report_summary_invalid": {
        "id": "Masukan tidak sah: {count}",
        "en": "Invalid inputs: {count}",
    },
    "report_failures_head": {
        "id": "Masukan yang tidak dapat dievaluasi:",
        "en": "Inputs that could not be evaluated:",
    },
    "report_batch_head": {
        "id": "Evaluasi milestone SSK pada {date} (tahun anggaran {year})",
        "en": "SSK milestone evaluation on {date} (fiscal year {year})",
    },
    "report_summary_head": {"id": "Ringkasan", "en": "Summary"},
    "report_summary_total": {"id": "Masukan: {count}", "en": "Inputs: {count}"},
    "report_failure_row": {
        "id": "tidak dapat dievaluasi: {source}",
        "en": "could not be evaluated: {source}",
    },
    "report_col_region_code": {"id": "Kode", "en": "Code"},
    "report_col_region_name": {"id": "Kab/kota", "en": "District"},
    "report_col_certain": {"id": "Tingkat pasti", "en": "Certain level"},
    "report_col_possible": {"id": "Tingkat mungkin", "en": "Possible level"},
    "report_col_milestone": {"id": "Tahapan", "en": "Milestone"},
    "report_col_criterion": {"id": "Kriteria", "en": "Criterion"},
    "report_col_criterion_id": {"id": "Kode kriteria", "en": "Criterion id"},
    "report_col_condition": {"id": "Syarat", "en": "Condition"},
    "report_col_outcome": {"id": "Hasil", "en": "Outcome"},
    "report_col_observed": {"id": "Teramati", "en": "Observed"},
    "report_col_threshold": {"id": "Ambang", "en": "Threshold"},
    "report_col_threshold_source": {"id": "Sumber ambang", "en": "Threshold source"},
    "report_col_gap": {"id": "Kekurangan", "en": "Gap"},
    "report_col_reference": {"id": "Rujukan", "en": "Reference"},
    "report_col_status": {"id": "Status rulebook", "en": "Rulebook status"},
    "report_csv_region_code": {"id": "kode_wilayah", "en": "region_code"},
    "report_csv_region_name": {"id": "nama_wilayah", "en": "region_name"},
    "report_csv_as_of": {"id": "tanggal_evaluasi", "en": "as_of"},
    "report_csv_rulebook": {"id": "id_rulebook", "en": "rulebook_id"},
    "report_csv_rulebook_version": {"id": "versi_rulebook", "en": "rulebook_version"},
    "report_csv_certain": {"id": "tingkat_pasti", "en": "certain_level"},
    "report_csv_possible": {"id": "tingkat_mungkin", "en": "possible_level"},
    "report_csv_m4_year": {"id": "tahun_ke_m4", "en": "m4_year"},
    "report_csv_milestone": {"id": "tahapan", "en": "milestone"},
    "report_csv_outcome": {"id": "hasil", "en": "outcome"},
    "report_csv_fiscal_year": {"id": "tahun_anggaran", "en": "fiscal_year"},
    "report_csv_open": {"id": "kriteria_terbuka", "en": "open_criteria"},
    "report_csv_criterion_id": {"id": "kode_kriteria", "en": "criterion_id"},
    "report_csv_criterion": {"id": "persyaratan", "en": "requirement"},
    "report_csv_observed": {"id": "nilai_teramati", "en": "observed"},
    "report_csv_threshold": {"id": "ambang", "en": "threshold"},
    "report_csv_unit": {"id": "satuan", "en": "unit"},
    "report_csv_threshold_source": {"id": "sumber_ambang", "en": "threshold_source"},
    "report_csv_gap": {"id": "kekurangan", "en": "gap"},
    "report_explain_title": {
        "id": "Penjelasan {milestone} ({name}): {region} ({code})",
        "en": "Explanation of {milestone} ({name}): {region} ({code})",
    },
    "report_at_least": {
        "id": "paling sedikit {k} dari {n} harus terpenuhi",
        "en": "at least {k} of {n} must be met",
    },
    "report_threshold_constant": {
        "id": "nilai tetap dalam rulebook",
        "en": "a fixed value in the rulebook",
    },
    "report_threshold_source": {
        "id": "ambang {id}, berlaku sejak {since}",
        "en": "threshold {id}, in force since {since}",
    },
    "report_reference_basis": {
        "id": "dasar: {basis}",
        "en": "basis: {basis}",
    },
    "report_node_some": {
        "id": "untuk salah satu dari {over}, sendiri-sendiri:",
        "en": "for some one of the {over}, on its own:",
    },
    "report_reference_assumption": {
        "id": "ASUMSI: {why}",
        "en": "ASSUMPTION: {why}",
    },
    "report_reference_source": {"id": "sumber: {source}", "en": "source: {source}"},
    "report_reference_regulation": {
        "id": "peraturan: {regulation}",
        "en": "regulation: {regulation}",
    },
    "report_reference_clause": {"id": "pasal: {clause}", "en": "clause: {clause}"},
    "report_references_head": {"id": "Rujukan", "en": "References"},
    "report_validity": {"id": "berlaku {start} – {end}", "en": "in force {start} – {end}"},
    "report_open_ended": {"id": "seterusnya", "en": "open-ended"},
    "report_thresholds_head": {"id": "Ambang:", "en": "Thresholds:"},
    "report_threshold_step": {"id": "{value} sejak {since}", "en": "{value} from {since}"},
    "report_definitions_head": {"id": "Definisi bersama:", "en": "Shared definitions:"},
    "report_per_fiscal_year": {
        "id": "dinilai per tahun anggaran",
        "en": "evaluated per fiscal year",
    },
    "report_node_all": {"id": "semua syarat berikut:", "en": "all of:"},
    "report_node_any": {"id": "salah satu syarat berikut:", "en": "any of:"},
    "report_node_at_least": {
        "id": "paling sedikit {k} syarat berikut:",
        "en": "at least {k} of:",
    },
    "report_node_not": {
        "id": "syarat berikut harus tidak terpenuhi:",
        "en": "the following must not hold:",
    },
    "report_node_ref": {"id": "lihat definisi {name}", "en": "see the definition {name}"},
    "report_node_present": {"id": "harus ada: {what} ({name})", "en": "must hold: {what} ({name})"},
    "report_node_absent": {
        "id": "harus tidak ada: {what} ({name})",
        "en": "must not hold: {what} ({name})",
    },
    "report_node_count": {
        "id": "jumlah {what} ({records}) {cmp} {value}",
        "en": "number of {what} ({records}) {cmp} {value}",
    },
    "report_required_present": {"id": "harus ada", "en": "required"},
    "report_required_absent": {"id": "harus tidak ada", "en": "must be absent"},
    "report_diff_title": {
        "id": "Perbandingan rulebook {before} → {after} pada {date} (tahun anggaran {year})",
        "en": "Rulebook comparison {before} → {after} on {date} (fiscal year {year})",
    },
    "report_diff_count": {
        "id": "{changed} dari {compared} dosir berubah tingkat",
        "en": "{changed} of {compared} dossiers change level",
    },
    "report_diff_change": {
        "id": (
            "{region} ({code}): tingkat pasti {certain_before} → {certain_after}, "
            "tingkat mungkin {possible_before} → {possible_after}"
        ),
        "en": (
            "{region} ({code}): certain level {certain_before} → {certain_after}, "
            "possible level {possible_before} → {possible_after}"
        ),
    },
    "report_diff_criteria": {
        "id": "kriteria penyebab: {criteria}",
        "en": "criteria responsible: {criteria}",
    },
    "report_indicators_title": {
        "id": "Katalog indikator ({count})",
        "en": "Indicator catalogue ({count})",
    },
    "report_derivation": {"id": "cara menurunkan", "en": "derivation"},
    "report_param": {
        "id": "parameter {name}: {description}; pilihan: {choices}; bawaan: {default}",
        "en": "parameter {name}: {description}; choices: {choices}; default: {default}",
    },
    "report_frame_pandas_missing": {
        "id": "{function} memerlukan pandas, yang belum terpasang: pip install 'sanitasi-core[pandas]'",
        "en": "{function} needs pandas, which is not installed: pip install 'sanitasi-core[pandas]'",
    },
    "report_pandas_missing": {
        "id": "to_dataframe memerlukan pandas, yang belum terpasang: pip install pandas",
        "en": "to_dataframe needs pandas, which is not installed: pip install pandas",
    },
}
