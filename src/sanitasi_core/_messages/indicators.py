"""Catalogue part: the indicators (what each is, how it is derived, what to provide)."""

from collections.abc import Mapping
from typing import Final

INDICATOR_MESSAGES: Final[Mapping[str, Mapping[str, str]]] = {
    # --- what each indicator is, and how it is derived ----------------------------------
    "indicator_designated": {
        "id": "Kab/kota ditetapkan sebagai lokasi program dengan Kepmendagri",
        "en": "The district is designated a programme location by a Kemendagri decree",
    },
    "indicator_designated_derivation": {
        "id": "ada penetapan yang keputusannya bertanggal pada atau sebelum tanggal evaluasi",
        "en": "a designation whose decree is dated on or before the evaluation date",
    },
    "indicator_working_group_formed": {
        "id": "Pokja dibentuk dengan SK",
        "en": "A working group (Pokja) formed by decree",
    },
    "indicator_working_group_formed_derivation": {
        "id": "Pokja dengan SK pembentukan bertanggal pada atau sebelum tanggal evaluasi",
        "en": "a Pokja whose forming decree is dated on or before the evaluation date",
    },
    "indicator_ssk_covers_year": {
        "id": "SSK yang periodenya mencakup tahun evaluasi",
        "en": "An SSK whose period covers the evaluation year",
    },
    "indicator_ssk_covers_year_derivation": {
        "id": "dokumen SSK dengan period_start ≤ tahun ≤ period_end",
        "en": "an SSK document with period_start ≤ year ≤ period_end",
    },
    "indicator_sanitation_profile": {
        "id": "Profil sanitasi, LSS atau Buku Putih Sanitasi tersedia",
        "en": "A sanitation profile, LSS or Buku Putih Sanitasi exists",
    },
    "indicator_sanitation_profile_derivation": {
        "id": "dokumen sanitation_profile, lss atau buku_putih yang ditetapkan pada atau sebelum tanggal evaluasi",
        "en": "a sanitation_profile, lss or buku_putih document adopted on or before the evaluation date",
    },
    "indicator_advocacy_material": {
        "id": "Materi advokasi untuk kepala daerah tersedia",
        "en": "Advocacy material for the regional head exists",
    },
    "indicator_advocacy_material_derivation": {
        "id": "dokumen advocacy_material yang ditetapkan pada atau sebelum tanggal evaluasi",
        "en": "an advocacy_material document adopted on or before the evaluation date",
    },
    "indicator_policy_package_drafted": {
        "id": "Paket kebijakan sanitasi telah disusun",
        "en": "The sanitation policy package has been drafted",
    },
    "indicator_policy_package_drafted_derivation": {
        "id": "dokumen policy_package_draft atau policy_package pada atau sebelum tanggal evaluasi",
        "en": "a policy_package_draft or policy_package document on or before the evaluation date",
    },
    "indicator_policy_commitment": {
        "id": "Komitmen yang berlaku terhadap paket kebijakan, ditandatangani untuk kepala daerah",
        "en": "The commitment in force to the policy package, signed for the regional head",
    },
    "indicator_policy_commitment_derivation": {
        "id": "komitmen terakhir bersubjek policy_package sampai tanggal evaluasi, oleh kepala daerah, wakil, Pj/Plt atau pejabat atas namanya (dicatat)",
        "en": "the latest commitment with subject policy_package up to the evaluation date, by the regional head, deputy, acting head or an official on their behalf (noted)",
    },
    "indicator_service_commitment_in_year": {
        "id": "Komitmen kepala daerah atas layanan sanitasi tahun tersebut",
        "en": "A regional-head commitment to the sanitation services of that year",
    },
    "indicator_service_commitment_in_year_derivation": {
        "id": "komitmen bersubjek service yang ditandatangani pada tahun itu atau untuk tahun itu, oleh kepala daerah atau atas namanya (dicatat)",
        "en": "a commitment with subject service signed in, or made for, that year, by the regional head or on their behalf (noted)",
    },
    "indicator_nawasis_entered": {
        "id": "Keluaran milestone tahun tersebut diinput ke NAWASIS",
        "en": "The year's milestone outputs entered in NAWASIS",
    },
    "indicator_nawasis_entered_derivation": {
        "id": "catatan nawasis_entries untuk tahun itu pada atau sebelum tanggal evaluasi",
        "en": "a nawasis_entries record for that year on or before the evaluation date",
    },
    "indicator_regional_head_commitment": {
        "id": "Komitmen ditandatangani kepala daerah atau wakilnya",
        "en": "A commitment signed by the regional head or their deputy",
    },
    "indicator_regional_head_commitment_derivation": {
        "id": "komitmen oleh Bupati/Wali Kota/wakil/Pj pada atau sebelum tanggal evaluasi",
        "en": "a commitment by the regent/mayor/deputy/acting head on or before the evaluation date",
    },
    "indicator_regional_head_commitment_in_year": {
        "id": "Komitmen kepala daerah untuk tahun tersebut",
        "en": "A regional-head commitment for that year",
    },
    "indicator_regional_head_commitment_in_year_derivation": {
        "id": "komitmen kepala daerah yang ditandatangani pada tahun itu atau untuk tahun itu",
        "en": "a regional-head commitment signed in, or made for, that year",
    },
    "indicator_months_since_commitment": {
        "id": "Bulan sejak komitmen kepala daerah terakhir",
        "en": "Months since the latest regional-head commitment",
    },
    "indicator_months_since_commitment_derivation": {
        "id": "selisih bulan penuh antara komitmen terakhir dan tanggal evaluasi",
        "en": "whole months between the latest commitment and the evaluation date",
    },
    "indicator_policy_adopted": {
        "id": "Paket kebijakan ditetapkan dengan produk hukum",
        "en": "The policy package adopted by a legal instrument",
    },
    "indicator_policy_adopted_derivation": {
        "id": "dokumen policy_package dengan Perda/Perbup/Perwali/SK/SE/Instruksi bertanggal pada atau sebelum tanggal evaluasi",
        "en": "a policy_package document with a Perda/Perbup/Perwali/SK/SE/Instruksi dated on or before the evaluation date",
    },
    "indicator_trial_service_models": {
        "id": "Model layanan dengan tahap uji coba",
        "en": "Service models with a trial phase",
    },
    "indicator_trial_service_models_derivation": {
        "id": "model layanan dengan tahap berskala trial yang dimulai pada atau sebelum tanggal evaluasi",
        "en": "service models with a trial-scale phase started on or before the evaluation date",
    },
    "indicator_funded_model_activities": {
        "id": "Kegiatan model layanan dengan pagu dan sumber dana",
        "en": "Service-model activities with a planned amount and funding source",
    },
    "indicator_funded_model_activities_derivation": {
        "id": "kegiatan yang terkait model layanan, dengan pagu dan sumber dana",
        "en": "activities linked to a service model, with planned amount and funding source",
    },
    "indicator_planned_model_activities": {
        "id": "Kegiatan model layanan yang masuk RKPD/Renja/DPA",
        "en": "Service-model activities taken into the RKPD/Renja/DPA",
    },
    "indicator_planned_model_activities_derivation": {
        "id": "kegiatan yang terkait model layanan dengan planned_in tidak kosong",
        "en": "activities linked to a service model with a non-empty planned_in",
    },
    "indicator_trial_realised_activities": {
        "id": "Kegiatan uji coba yang terealisasi",
        "en": "Trial activities realised",
    },
    "indicator_trial_realised_activities_derivation": {
        "id": "kegiatan model layanan dengan realisasi > 0 pada tahun-tahun uji coba",
        "en": "service-model activities with realised > 0 in the trial years",
    },
    "indicator_trial_monitoring_reports": {
        "id": "Laporan monitoring uji coba",
        "en": "Monitoring reports of the trial",
    },
    "indicator_trial_monitoring_reports_derivation": {
        "id": "laporan yang periodenya beririsan dengan uji coba dan mencakup model atau kegiatannya",
        "en": "reports whose period overlaps the trial and that cover the model or its activities",
    },
    "indicator_trial_evaluations_with_lessons": {
        "id": "Evaluasi uji coba dengan pembelajaran",
        "en": "Evaluations of the trial with lessons",
    },
    "indicator_trial_evaluations_with_lessons_derivation": {
        "id": "evaluasi bersubjek trial dengan lessons tidak kosong",
        "en": "evaluations with subject trial and non-empty lessons",
    },
    "indicator_aspect_score": {
        "id": "Skor aspek model layanan pada tahun tersebut",
        "en": "Score of a service-model aspect in that year",
    },
    "indicator_aspect_score_derivation": {
        "id": "skor penilaian terakhir aspek itu (atau aliasnya dalam himpunan aspek rulebook) pada tahun tersebut, tertinggi di antara model layanan yang ditinjau (satu model di dalam some)",
        "en": "the latest assessment score of that aspect (or an alias in the rulebook's aspect set) in the year, highest across the service models in view (one model inside some)",
    },
    "indicator_service_area_expanded": {
        "id": "Wilayah layanan diperluas melebihi uji coba",
        "en": "Service area expanded beyond the trial",
    },
    "indicator_service_area_expanded_derivation": {
        "id": "model layanan dengan tahap uji coba dan tahap diperluas/penuh yang dimulai pada atau sebelum tanggal evaluasi",
        "en": "a service model with a trial phase and an expanded/full phase started on or before the evaluation date",
    },
    "indicator_apbd_realisation_pct": {
        "id": "Realisasi kegiatan sanitasi APBD kab/kota terhadap pagu",
        "en": "Realisation of the district's APBD sanitation activities against planned",
    },
    "indicator_apbd_realisation_pct_derivation": {
        "id": "Σ realisasi / Σ pagu × 100 atas kegiatan apbd_district pada tahun anggaran",
        "en": "Σ realised / Σ planned × 100 over apbd_district activities of the fiscal year",
    },
    "indicator_monitoring_covers_funding_groups": {
        "id": "Monitoring mencakup kegiatan APBD dan non-APBD",
        "en": "Monitoring covers both APBD and non-APBD activities",
    },
    "indicator_monitoring_covers_funding_groups_derivation": {
        "id": "laporan monitoring tahun itu yang bersama-sama mencakup kelompok apbd dan non_apbd",
        "en": "monitoring reports of the year that together cover the apbd and non_apbd groups",
    },
    "indicator_service_model_evaluated": {
        "id": "Model layanan dievaluasi/diperbaiki pada tahun tersebut",
        "en": "The service model evaluated or improved in that year",
    },
    "indicator_service_model_evaluated_derivation": {
        "id": "evaluasi bersubjek service_model/post_m4 pada tahun itu dengan temuan atau perbaikan",
        "en": "an evaluation with subject service_model/post_m4 in that year with findings or improvements",
    },
    "indicator_layak_pct": {
        "id": "Akses sanitasi layak (aman + layak sendiri + layak bersama)",
        "en": "Improved sanitation access (safely managed + basic + limited)",
    },
    "indicator_layak_pct_derivation": {
        "id": "catatan akses total tahun itu: layak, atau jumlah tiga tangga teratas",
        "en": "the total-area access record of the year: layak, or the sum of the top three rungs",
    },
    "indicator_safely_managed_pct": {
        "id": "Akses sanitasi aman",
        "en": "Safely managed sanitation access",
    },
    "indicator_safely_managed_pct_derivation": {
        "id": "catatan akses total tahun itu, tangga aman",
        "en": "the total-area access record of the year, safely managed rung",
    },
    "indicator_open_defecation_pct": {
        "id": "Rumah tangga BABS di tempat terbuka",
        "en": "Households practising open defecation",
    },
    "indicator_open_defecation_pct_derivation": {
        "id": "catatan akses total tahun itu, tangga BABS",
        "en": "the total-area access record of the year, open-defecation rung",
    },
    "indicator_odf_villages_pct": {
        "id": "Desa/kelurahan terverifikasi ODF (Stop BABS)",
        "en": "Villages verified open-defecation free (Stop BABS)",
    },
    "indicator_odf_villages_pct_derivation": {
        "id": "desa dengan odf = true (terverifikasi pada atau sebelum tanggal evaluasi) / semua desa × 100",
        "en": "villages with odf = true (verified on or before the evaluation date) / all villages × 100",
    },
    "indicator_waste_reduction_pct": {
        "id": "Pengurangan sampah terhadap timbulan",
        "en": "Solid waste reduced, against waste generated",
    },
    "indicator_waste_reduction_pct_derivation": {
        "id": "pengurangan / timbulan × 100 pada tahun itu (wilayah total)",
        "en": "reduced / generated × 100 in the year (total area)",
    },
    "indicator_waste_handling_pct": {
        "id": "Penanganan sampah terhadap timbulan",
        "en": "Solid waste handled, against waste generated",
    },
    "indicator_waste_handling_pct_derivation": {
        "id": "penanganan / timbulan × 100 pada tahun itu (wilayah total)",
        "en": "handled / generated × 100 in the year (total area)",
    },
    "indicator_aspect_maturity": {
        "id": "Kematangan model layanan suatu sub-sektor (rata-rata 6 aspek)",
        "en": "Maturity of a sub-sector's service model (mean of the 6 aspects)",
    },
    "indicator_aspect_maturity_derivation": {
        "id": "rata-rata skor terakhir keenam aspek pada tahun itu, dibulatkan ke bawah ke tangga 0/50/75/100, tertinggi di antara model sub-sektor itu; aspek yang belum dinilai membuatnya tidak ada",
        "en": "mean of the six aspects' latest scores in the year, each rounded down to the 0/50/75/100 steps, highest across that sub-sector's models; an unassessed aspect makes it absent",
    },
    "indicator_high_risk_villages_pct": {
        "id": "Desa berisiko sanitasi tinggi atau sangat tinggi (EHRA)",
        "en": "Villages at high or very high sanitation risk (EHRA)",
    },
    "indicator_high_risk_villages_pct_derivation": {
        "id": "desa dengan indeks risiko EHRA terakhir di dua kelas tertinggi (bobot sama, 4 kelas) / desa yang disurvei × 100",
        "en": "villages whose latest EHRA risk index is in the top two classes (equal weights, 4 classes) / villages surveyed × 100",
    },
    "indicator_layak_change_pp": {
        "id": "Perubahan akses layak dari tahun sebelumnya",
        "en": "Change in improved access from the year before",
    },
    "indicator_layak_change_pp_derivation": {
        "id": "layak tahun evaluasi − layak tahun sebelumnya, dalam poin persentase",
        "en": "layak of the evaluation year − layak of the year before, in percentage points",
    },
    # --- parameters ------------------------------------------------------------------
    "param_year": {
        "id": "tahun evaluasi atau tahun sebelumnya",
        "en": "the evaluation year or the year before",
    },
    "param_sub_sector": {"id": "sub-sektor sanitasi", "en": "the sanitation sub-sector"},
    "param_aspect": {
        "id": "aspek model layanan (dari himpunan aspek rulebook)",
        "en": "the service-model aspect (from the rulebook's aspect set)",
    },
    "param_step": {
        "id": "langkah rantai layanan (dari rulebook); tanpa ini: layanan secara keseluruhan",
        "en": "the service-chain step (from the rulebook); without it: the service as a whole",
    },
    # --- inputs to provide -------------------------------------------------------------
    "missing_access_figures": {
        "id": "angka akses sanitasi tahun {year}",
        "en": "the sanitation access figures of {year}",
    },
    "missing_activities_and_budgets": {
        "id": "daftar kegiatan dan anggarannya",
        "en": "the activities and their budgets",
    },
    "missing_annual_plans_rkpd_renja_dpa_of": {
        "id": "dokumen RKPD/Renja/DPA kegiatan",
        "en": "the annual plans (RKPD/Renja/DPA) of the activity",
    },
    "missing_aspect_assessments_of_the_service_model": {
        "id": "penilaian aspek model layanan",
        "en": "the aspect assessments of the service model",
    },
    "missing_capacity_the_commitment_was_signed_in": {
        "id": "kapasitas penandatangan komitmen (mis. Sekda atas nama Bupati)",
        "en": "the capacity the commitment was signed in (e.g. the Sekda for the regent)",
    },
    "missing_date_of_the_decree_forming_the": {
        "id": "tanggal SK pembentukan Pokja",
        "en": "the date of the decree forming the working group",
    },
    "missing_date_of_the_designation_decree": {
        "id": "tanggal keputusan penetapan",
        "en": "the date of the designation decree",
    },
    "missing_date_of_the_instrument_adopting_the": {
        "id": "tanggal produk hukum paket kebijakan",
        "en": "the date of the instrument adopting the policy package",
    },
    "missing_date_the_document_was_adopted": {
        "id": "tanggal penetapan dokumen",
        "en": "the date the document was adopted",
    },
    "missing_decree_forming_the_working_group": {
        "id": "SK pembentukan Pokja",
        "en": "the decree forming the working group",
    },
    "missing_designation_decree_kepmendagri": {
        "id": "keputusan penetapan lokasi (Kepmendagri)",
        "en": "the designation decree (Kepmendagri)",
    },
    "missing_ehra_scores_of_every_domain": {
        "id": "skor EHRA semua domain",
        "en": "the EHRA scores of every domain",
    },
    "missing_ehra_survey_results_per_village": {
        "id": "hasil survei EHRA per desa",
        "en": "the EHRA survey results per village",
    },
    "missing_evaluation_of_the_service_model": {
        "id": "evaluasi model layanan",
        "en": "the evaluation of the service model",
    },
    "missing_evaluation_of_the_trial": {
        "id": "evaluasi uji coba",
        "en": "the evaluation of the trial",
    },
    "missing_funding_source_of_the_activity": {
        "id": "sumber dana kegiatan",
        "en": "the funding source of the activity",
    },
    "missing_legal_instrument_adopting_the_policy_package": {
        "id": "produk hukum yang menetapkan paket kebijakan",
        "en": "the legal instrument adopting the policy package",
    },
    "missing_lessons_of_the_trial_evaluation": {
        "id": "pembelajaran dari evaluasi uji coba",
        "en": "the lessons of the trial evaluation",
    },
    "missing_milestone_outputs_entered_in_nawasis": {
        "id": "catatan input keluaran milestone di NAWASIS",
        "en": "the milestone outputs entered in NAWASIS",
    },
    "missing_monitoring_report_of_the_trial": {
        "id": "laporan monitoring uji coba",
        "en": "the monitoring report of the trial",
    },
    "missing_monitoring_reports_of_the_activities": {
        "id": "laporan monitoring kegiatan",
        "en": "the monitoring reports of the activities",
    },
    "missing_odf_status_of_the_village": {
        "id": "status ODF desa",
        "en": "the ODF status of the village",
    },
    "missing_period_of_the_ssk": {"id": "periode SSK", "en": "the period of the SSK"},
    "missing_phases_and_scale_of_the_service": {
        "id": "tahap dan skala layanan",
        "en": "the phases and scale of the service",
    },
    "missing_planned_amount_and_funding_source": {
        "id": "pagu dan sumber dana kegiatan",
        "en": "the planned amount and funding source",
    },
    "missing_planned_and_realised_amounts_of_the": {
        "id": "pagu dan realisasi kegiatan APBD",
        "en": "the planned and realised amounts of the APBD activity",
    },
    "missing_planning_documents": {"id": "dokumen perencanaan", "en": "the planning documents"},
    "missing_realised_amount_of_the_trial_activity": {
        "id": "realisasi kegiatan uji coba",
        "en": "the realised amount of the trial activity",
    },
    "missing_record_details": {
        "id": "kelengkapan {name}[{index}]",
        "en": "details of {name}[{index}]",
    },
    "missing_records": {"id": "data {name}", "en": "the {name}"},
    "missing_signed_commitments": {
        "id": "komitmen yang ditandatangani",
        "en": "the signed commitments",
    },
    "missing_start_date_of_the_trial": {
        "id": "tanggal mulai uji coba",
        "en": "the start date of the trial",
    },
    "missing_start_of_the_expanded_phase": {
        "id": "tanggal mulai skala diperluas",
        "en": "the start of the expanded phase",
    },
    "missing_villages_and_their_odf_status": {
        "id": "daftar desa dan status ODF",
        "en": "the villages and their ODF status",
    },
    "missing_waste_handled": {
        "id": "timbulan dan penanganan sampah tahun {year}",
        "en": "the waste generated and handled in {year}",
    },
    "missing_waste_reduced": {
        "id": "timbulan dan pengurangan sampah tahun {year}",
        "en": "the waste generated and reduced in {year}",
    },
    "missing_what_the_commitment_commits_to_the": {
        "id": "isi komitmen (paket kebijakan atau layanan tahun itu)",
        "en": "what the commitment commits to (the policy package or the year's services)",
    },
    "missing_working_group_pokja": {"id": "data Pokja", "en": "the working group (Pokja)"},
    "indicator_latest_share": {
        "id": "Angka akses terakhir (untuk jarak ke target)",
        "en": "The latest access share (for distances to targets)",
    },
    "indicator_latest_share_derivation": {
        "id": "catatan akses terakhir sampai tahun anggaran pada wilayah itu; sumber diurutkan (Susenas lebih dulu)",
        "en": "the latest access record up to the fiscal year for the area; sources ranked (Susenas first)",
    },
    "param_share": {
        "id": "tangga akses: layak, aman atau BABS",
        "en": "the ladder share: layak, safely managed or open defecation",
    },
    "param_area": {
        "id": "wilayah: total, perkotaan, perdesaan",
        "en": "the area: total, urban, rural",
    },
    "missing_access_share": {
        "id": "angka akses ({share}) sampai tahun anggaran",
        "en": "the access figure ({share}) up to the fiscal year",
    },
}
