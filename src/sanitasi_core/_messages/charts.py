"""Catalogue part: the SVG charts (:mod:`sanitasi_core.charts`): titles, labels, legends."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["CHART_MESSAGES"]

CHART_MESSAGES: Final[Mapping[str, Mapping[str, str]]] = {
    # --- shared words -----------------------------------------------------------------------
    "chart_level_none": {"id": "belum ada", "en": "none"},
    "chart_no_data": {"id": "tidak ada data", "en": "no data"},
    # --- input checks -----------------------------------------------------------------------
    "chart_level_invalid": {
        "id": "tingkat {got} tidak dikenal; pilihan: None (belum ada), 'none', M1, M2, M3, M4",
        "en": "unknown level {got}; expected one of: None (none), 'none', M1, M2, M3, M4",
    },
    "chart_levels_order": {
        "id": "tingkat pasti {certain} lebih tinggi dari tingkat mungkin {possible}",
        "en": "the certain level {certain} is above the possible level {possible}",
    },
    "chart_counts_mismatch": {
        "id": (
            "menurut tingkat pasti ada {certain} kab/kota, menurut tingkat mungkin {possible}; "
            "setiap kab/kota harus dihitung sekali pada keduanya"
        ),
        "en": (
            "the certain levels count {certain} districts and the possible levels {possible}; "
            "each district must be counted once in both"
        ),
    },
    "chart_undecided_range": {
        "id": "jumlah kab/kota belum pasti harus antara {low} dan {high}, didapat {got}",
        "en": "the number of undecided districts must be between {low} and {high}, got {got}",
    },
    "chart_duplicate": {
        "id": "{got} muncul lebih dari sekali",
        "en": "{got} appears more than once",
    },
    "chart_nothing_to_draw": {
        "id": "tidak ada data untuk digambar",
        "en": "there is nothing to draw",
    },
    "chart_m4_year_level": {
        "id": "tahun M4 ke-{got} hanya berlaku bila tingkat mungkin adalah M4, didapat {possible}",
        "en": "an M4 year ({got}) applies only when the possible level is M4, got {possible}",
    },
    "chart_shares_total": {
        "id": "jumlah persentase {got} % melebihi 100 %",
        "en": "the shares add up to {got} %, more than 100 %",
    },
    # --- LevelChart ---------------------------------------------------------------------------
    "chart_levels_title": {
        "id": "Kab/kota menurut tingkat milestone",
        "en": "Districts by milestone level",
    },
    "chart_levels_title_of": {
        "id": "{subject}: kab/kota menurut tingkat milestone",
        "en": "{subject}: districts by milestone level",
    },
    "chart_levels_all": {"id": "semua kab/kota", "en": "all districts"},
    "chart_levels_group": {"id": "{group}: {count} kab/kota", "en": "{group}: {count} districts"},
    "chart_levels_certain": {"id": "tingkat pasti", "en": "certain level"},
    "chart_levels_possible": {"id": "tingkat mungkin", "en": "possible level"},
    "chart_levels_undecided": {"id": "belum pasti", "en": "undecided"},
    "chart_levels_undecided_note": {
        "id": "belum pasti: tingkat pasti ≠ tingkat mungkin",
        "en": "undecided: certain level ≠ possible level",
    },
    "chart_levels_desc": {
        "id": (
            "Diagram batang jumlah kab/kota per tingkat milestone (belum ada, M1–M4), dua batang "
            "per tingkat: tingkat pasti dan tingkat mungkin; kab/kota yang belum pasti digambar "
            "terpisah dengan arsiran. {groups}"
        ),
        "en": (
            "Bar chart of districts per milestone level (none, M1–M4), two bars per level: the "
            "certain level and the possible level; undecided districts are drawn apart, "
            "hatched. {groups}"
        ),
    },
    "chart_levels_desc_group": {
        "id": (
            "{group}: tingkat pasti {certain}; tingkat mungkin {possible}; belum pasti {undecided}."
        ),
        "en": (
            "{group}: certain level {certain}; possible level {possible}; undecided {undecided}."
        ),
    },
    # --- DistrictYearsChart -------------------------------------------------------------------
    "chart_years_title": {
        "id": "{district}: tingkat milestone per tahun",
        "en": "{district}: milestone level by year",
    },
    "chart_m4_year": {"id": "M4 th-{n}", "en": "M4 yr {n}"},
    "chart_m4_year_long": {"id": "M4 tahun ke-{n}", "en": "M4 year {n}"},
    "chart_assistance_assisted": {"id": "didampingi", "en": "assisted"},
    "chart_assistance_post_assistance": {"id": "pasca-pendampingan", "en": "post-assistance"},
    "chart_assistance_unknown": {
        "id": "pendampingan tidak diketahui",
        "en": "assistance unknown",
    },
    "chart_designation": {"id": "penetapan (SK) {milestone}", "en": "designated {milestone}"},
    "chart_designation_legend": {"id": "penetapan dengan SK", "en": "designation by decree"},
    "chart_possible_above": {
        "id": "mungkin lebih tinggi (belum pasti)",
        "en": "possibly higher (undecided)",
    },
    "chart_years_desc": {
        "id": (
            "Diagram batang tingkat milestone {district} per tahun anggaran; batang penuh "
            "menunjukkan tingkat pasti, bagian berarsir sampai tingkat mungkin. {years} {marks}"
        ),
        "en": (
            "Bar chart of the milestone level of {district} by fiscal year; the solid bar shows "
            "the certain level, the hatched part reaches up to the possible level. {years} {marks}"
        ),
    },
    "chart_years_desc_marks": {"id": "Penetapan: {marks}.", "en": "Designations: {marks}."},
    # --- AccessChart --------------------------------------------------------------------------
    "chart_access_title": {
        "id": "Akses sanitasi terhadap target nasional",
        "en": "Sanitation access against national targets",
    },
    "chart_access_title_of": {
        "id": "{subject}: akses sanitasi terhadap target nasional",
        "en": "{subject}: sanitation access against national targets",
    },
    "chart_indicator_layak": {"id": "akses layak", "en": "improved (layak)"},
    "chart_indicator_aman": {"id": "akses aman", "en": "safely managed (aman)"},
    "chart_indicator_open_defecation": {"id": "BABS terbuka", "en": "open defecation"},
    "chart_target_legend": {
        "id": "target nasional pada tahun jatuh temponya",
        "en": "national target in its due year",
    },
    "chart_years_skipped": {"id": "tahun terlewati", "en": "years skipped"},
    "chart_gap_pp": {"id": "selisih {gap} pp", "en": "gap {gap} pp"},
    "chart_target_item": {
        "id": (
            "{year} · {indicator}: target {target} % · capaian {observed} % ({observed_year}) "
            "· {gap}"
        ),
        "en": (
            "{year} · {indicator}: target {target} % · reached {observed} % ({observed_year}) "
            "· {gap}"
        ),
    },
    "chart_target_item_no_data": {
        "id": "{year} · {indicator}: target {target} % · belum ada data",
        "en": "{year} · {indicator}: target {target} % · no data yet",
    },
    "chart_access_desc": {
        "id": (
            "Diagram batang akses layak, akses aman dan BABS terbuka (%) per tahun, dengan target "
            "nasional sebagai garis putus-putus; tahun tanpa data dibiarkan kosong. {years} "
            "Target: {targets}"
        ),
        "en": (
            "Bar chart of improved, safely managed and open-defecation shares (%) by year, with "
            "the national targets as dashed lines; years without data are left empty. {years} "
            "Targets: {targets}"
        ),
    },
    "chart_access_desc_none": {"id": "tidak ada.", "en": "none."},
    # --- HouseholdLadderChart -----------------------------------------------------------------
    "chart_ladder_title": {
        "id": "Tangga akses sanitasi rumah tangga",
        "en": "Household sanitation ladder",
    },
    "chart_ladder_title_of": {
        "id": "{subject}: tangga akses sanitasi rumah tangga",
        "en": "{subject}: household sanitation ladder",
    },
    "chart_area_total": {"id": "keseluruhan", "en": "total"},
    "chart_area_urban": {"id": "perkotaan", "en": "urban"},
    "chart_area_rural": {"id": "perdesaan", "en": "rural"},
    "chart_rung_safely_managed": {"id": "akses aman", "en": "safely managed"},
    "chart_rung_basic": {"id": "layak sendiri", "en": "basic"},
    "chart_rung_limited": {"id": "layak bersama", "en": "limited"},
    "chart_rung_unimproved": {"id": "belum layak", "en": "unimproved"},
    "chart_rung_open_defecation": {"id": "BABS di tempat terbuka", "en": "open defecation"},
    "chart_rung_unknown": {"id": "tidak diketahui", "en": "unknown"},
    "chart_ladder_rest": {
        "id": "tidak tercatat (jumlahnya kurang dari 100 %)",
        "en": "not accounted for (the shares add up to less than 100 %)",
    },
    "chart_ladder_desc": {
        "id": (
            "Batang bertumpuk tangga akses sanitasi JMP per wilayah, dari akses aman sampai "
            "BABS di tempat terbuka; rumah tangga yang rungnya tidak diketahui digambar "
            "terpisah dengan arsiran. {rows}"
        ),
        "en": (
            "Stacked bars of the JMP sanitation ladder by area, from safely managed to open "
            "defecation; households whose rung is unknown are drawn apart, hatched. {rows}"
        ),
    },
    # --- CriteriaChart ------------------------------------------------------------------------
    "chart_criteria_title": {
        "id": "Kriteria per milestone",
        "en": "Criteria by milestone",
    },
    "chart_criteria_title_of": {
        "id": "{subject}: kriteria per milestone",
        "en": "{subject}: criteria by milestone",
    },
    "chart_outcome_pass": {"id": "terpenuhi", "en": "pass"},
    "chart_outcome_fail": {"id": "tidak terpenuhi", "en": "fail"},
    "chart_outcome_unknown": {"id": "belum diketahui", "en": "unknown"},
    "chart_outcome_not_applicable": {"id": "tidak berlaku", "en": "not applicable"},
    "chart_criteria_desc": {
        "id": (
            "Batang bertumpuk jumlah kriteria per milestone: terpenuhi (✓), tidak terpenuhi (✗), "
            "belum diketahui (?, berarsir) dan tidak berlaku (⊘). {rows}"
        ),
        "en": (
            "Stacked bars of the number of criteria per milestone: pass (✓), fail (✗), unknown "
            "(?, hatched) and not applicable (⊘). {rows}"
        ),
    },
}
