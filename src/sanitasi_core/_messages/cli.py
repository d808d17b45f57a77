"""Catalogue part: the command line (help texts, errors, progress)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

CLI_MESSAGES: Final[Mapping[str, Mapping[str, str]]] = {
    "cli_error": {"id": "kesalahan", "en": "error"},
    "cli_valid": {"id": "sah", "en": "valid"},
    "cli_invalid": {"id": "tidak sah", "en": "invalid"},
    "cli_unreadable": {"id": "tidak dapat dibaca", "en": "cannot be read"},
    "cli_no_json_in_folder": {
        "id": "folder ini tidak berisi berkas *.json atau *.jsonl",
        "en": "the folder holds no *.json or *.jsonl file",
    },
    "cli_criteria_count": {"id": "{count} kriteria", "en": "{count} criteria"},
    "cli_criteria_count_one": {"id": "1 kriteria", "en": "1 criterion"},
    "cli_bad_date": {
        "id": "tanggal tidak sah, diharapkan YYYY-MM-DD: {value!r}",
        "en": "invalid date, expected YYYY-MM-DD: {value!r}",
    },
    "cli_bad_sep": {
        "id": "pemisah harus satu karakter (bukan tanda kutip atau baris baru): {value!r}",
        "en": "the separator must be one character (not a quote or a line break): {value!r}",
    },
    "cli_output_failed": {
        "id": "keluaran tidak dapat ditulis ke {path}: {reason}",
        "en": "cannot write the output to {path}: {reason}",
    },
    "cli_explain_one": {
        "id": "explain menjelaskan satu dosir, sedangkan {path} berisi {count}",
        "en": "explain explains one dossier, but {path} holds {count}",
    },
    "cli_no_milestone": {
        "id": "{milestone} tidak ada dalam rulebook {rulebook}",
        "en": "{milestone} is not in the rulebook {rulebook}",
    },
    "cli_no_examples": {
        "id": "contoh dosir tidak ditemukan dalam paket (sanitasi_core/data/examples)",
        "en": "the example dossiers are not in the package (sanitasi_core/data/examples)",
    },
    "cli_exists": {
        "id": "sudah ada dan tidak ditimpa (gunakan --force untuk menimpa)",
        "en": "already exists and is not overwritten (use --force to overwrite)",
    },
    "cli_written": {"id": "ditulis: {path}", "en": "written: {path}"},
    "cli_rows_rejected": {
        "id": "{path}: {count} baris ditolak",
        "en": "{path}: {count} row(s) rejected",
    },
    "cli_arg_required": {
        "id": "argumen berikut wajib diisi: {names}",
        "en": "the following arguments are required: {names}",
    },
    "cli_arg_unrecognized": {
        "id": "argumen tidak dikenal: {names}",
        "en": "unrecognized arguments: {names}",
    },
    "cli_arg_invalid_choice": {
        "id": "pilihan tidak sah: {value} (pilih dari {choices})",
        "en": "invalid choice: {value} (choose from {choices})",
    },
    "cli_arg_prefix": {"id": "argumen {name}: {message}", "en": "argument {name}: {message}"},
    "cli_arg_one": {"id": "diharapkan satu nilai", "en": "expected one argument"},
    "cli_arg_at_least_one": {
        "id": "diharapkan paling sedikit satu nilai",
        "en": "expected at least one argument",
    },
    "cli_arg_invalid_value": {
        "id": "nilai {kind} tidak sah: {value}",
        "en": "invalid {kind} value: {value}",
    },
    "cli_arg_ambiguous": {
        "id": "opsi {option} tidak jelas, bisa berarti {matches}",
        "en": "ambiguous option: {option} could match {matches}",
    },
    "cli_help_prog": {
        "id": "Pustaka PPSP: dosir sanitasi kab/kota, milestone SSK M1-M4, dan keputusannya.",
        "en": (
            "PPSP library: district sanitation dossiers, SSK milestones M1-M4 and their decisions."
        ),
    },
    "cli_help_exit_codes": {
        "id": (
            "Kode keluar: 0 semua sah; 1 ada masukan yang tidak sah (masukan lain tetap "
            "diproses); 2 kesalahan penggunaan, atau masukan/keluaran tidak dapat dibaca/ditulis; "
            "70 kesalahan internal (bug; laporkan)."
        ),
        "en": (
            "Exit codes: 0 all valid; 1 some input was invalid (the rest was still processed); "
            "2 usage error, or input/output that cannot be read/written; 70 internal error (a bug; "
            "please report it)."
        ),
    },
    "cli_help_help": {"id": "tampilkan bantuan ini lalu keluar", "en": "show this help and exit"},
    "cli_help_positionals": {"id": "argumen posisi", "en": "positional arguments"},
    "cli_help_options": {"id": "opsi", "en": "options"},
    "cli_help_commands": {"id": "perintah", "en": "commands"},
    "cli_help_lang": {"id": "bahasa keluaran (id atau en)", "en": "output language (id or en)"},
    "cli_help_debug": {
        "id": "tampilkan jejak lengkap (traceback) bila terjadi kesalahan internal",
        "en": "show the full traceback of an internal error",
    },
    "cli_help_version": {"id": "tampilkan versi lalu keluar", "en": "show the version and exit"},
    "cli_internal_error": {
        "id": (
            "kesalahan internal (bug di sanitasi-core {version}): {error}. Mohon laporkan "
            "dengan versi ini dan perintah yang dijalankan; --debug menampilkan jejaknya."
        ),
        "en": (
            "internal error (a bug in sanitasi-core {version}): {error}. Please report it with "
            "this version and the command you ran; --debug shows the traceback."
        ),
    },
    "cli_help_inputs": {
        "id": (
            "berkas dosir .json, folder (semua *.json di dalamnya, urut nama) atau berkas JSON "
            "Lines .jsonl (satu dosir per baris)"
        ),
        "en": (
            "dossier .json files, folders (every *.json inside, by name) or JSON Lines .jsonl "
            "files (one dossier per line)"
        ),
    },
    "cli_help_as_of": {
        "id": "tanggal evaluasi YYYY-MM-DD (bawaan: hari ini; tanggal yang dipakai selalu dicetak)",
        "en": "evaluation date YYYY-MM-DD (default: today; the date used is always printed)",
    },
    "cli_help_fiscal_year": {
        "id": (
            "tahun anggaran yang dinilai (bawaan: tahun dari --as-of); boleh berakhir sebelum "
            "--as-of, misalnya 2024 dinilai pada 2025-03-31"
        ),
        "en": (
            "the fiscal year assessed (default: the year of --as-of); it may end before --as-of, "
            "e.g. 2024 assessed on 2025-03-31"
        ),
    },
    "cli_help_rulebook_file": {
        "id": (
            "berkas rulebook TOML/JSON, atau versi bawaan (2020.1, 2025.1) yang dipakai pada "
            "tanggal berapa pun (bawaan: rulebook bawaan yang berlaku untuk tahun itu)"
        ),
        "en": (
            "a rulebook file, TOML or JSON, or a bundled version (2020.1, 2025.1) applied on any "
            "date (default: the bundled rulebook in force for the year)"
        ),
    },
    "cli_help_rulebook_files": {
        "id": "berkas rulebook TOML/JSON",
        "en": "rulebook files, TOML or JSON",
    },
    "cli_help_rulebook_optional": {
        "id": "berkas rulebook TOML/JSON atau versi bawaan (bawaan: rulebook bawaan terbaru)",
        "en": "a rulebook file, TOML or JSON, or a bundled version (default: the latest bundled)",
    },
    "cli_help_format": {"id": "format keluaran", "en": "output format"},
    "cli_help_output": {
        "id": (
            "tulis ke berkas ini (lewat berkas sementara lalu rename; tidak ada berkas "
            "setengah jadi)"
        ),
        "en": "write to this file (through a temporary file and a rename; never a partial file)",
    },
    "cli_help_detail": {
        "id": (
            "lebih rinci: CSV satu baris per kab/kota × kriteria; teks dan Markdown dengan "
            "laporan lengkap tiap kab/kota"
        ),
        "en": (
            "more detail: CSV with one row per district × criterion; text and Markdown with "
            "the full report of every district"
        ),
    },
    "cli_help_bom": {
        "id": "CSV diawali BOM UTF-8 (agar Excel membacanya sebagai UTF-8)",
        "en": "start the CSV with a UTF-8 BOM (so that Excel reads it as UTF-8)",
    },
    "cli_help_sep": {
        "id": "pemisah kolom CSV, mis. ';' (bawaan ',', atau ';' dengan --decimal-comma)",
        "en": "CSV field separator, e.g. ';' (default ',', or ';' with --decimal-comma)",
    },
    "cli_help_decimal_comma": {
        "id": "tulis angka desimal CSV dengan koma (85,17)",
        "en": "write CSV decimals with a comma (85,17)",
    },
    "cli_help_evaluate": {
        "id": "tentukan milestone dosir pada suatu tanggal dan laporkan",
        "en": "decide the milestone of dossiers on a date and report it",
    },
    "cli_help_explain": {
        "id": (
            "jelaskan satu milestone satu dosir: setiap kriteria, nilai, ambang, dasar dan "
            "kekurangannya"
        ),
        "en": (
            "explain one milestone of one dossier: every criterion, value, threshold, basis and gap"
        ),
    },
    "cli_help_explain_file": {"id": "berkas dosir JSON", "en": "dossier JSON file"},
    "cli_help_milestone": {"id": "milestone yang dijelaskan", "en": "the milestone to explain"},
    "cli_help_validate": {"id": "periksa berkas dosir JSON", "en": "check dossier JSON files"},
    "cli_help_schema": {
        "id": "cetak JSON Schema sebuah jenis dokumen (bawaan: dosir)",
        "en": "print the JSON Schema of a kind of document (default: dossier)",
    },
    "cli_help_schema_kind": {
        "id": (
            "jenis dokumen: dossier (dosir), decision (keputusan), rulebook, ladder-result "
            "(hasil tangga sanitasi) atau problems (masalah masukan); bawaan: dossier"
        ),
        "en": (
            "the kind of document: dossier, decision, rulebook, ladder-result or problems; "
            "default: dossier"
        ),
    },
    "cli_help_rulebook": {"id": "kelola rulebook", "en": "work with rulebooks"},
    "cli_help_rulebook_check": {
        "id": "periksa berkas rulebook dan laporkan semua masalah",
        "en": "check rulebook files and report every problem",
    },
    "cli_help_rulebook_show": {
        "id": "tampilkan rulebook (teks yang mudah dibaca, atau JSON)",
        "en": "print a rulebook (readable text, or JSON)",
    },
    "cli_help_rulebook_table": {
        "id": "tabel kriteria × ambang × sumber (Markdown atau CSV)",
        "en": "table of criterion × threshold × source (Markdown or CSV)",
    },
    "cli_help_rulebook_diff": {
        "id": "kab/kota yang tingkatnya berubah antara rulebook A dan B, dan kriteria penyebabnya",
        "en": "districts whose level changes between rulebooks A and B, and the criteria why",
    },
    "cli_help_diff_before": {
        "id": "rulebook A: berkas, atau 'default' untuk rulebook bawaan",
        "en": "rulebook A: a file, or 'default' for the bundled rulebook",
    },
    "cli_help_diff_after": {
        "id": "rulebook B: berkas, atau 'default' untuk rulebook bawaan",
        "en": "rulebook B: a file, or 'default' for the bundled rulebook",
    },
    "cli_help_indicators": {
        "id": "katalog indikator yang dapat dipakai rulebook",
        "en": "the catalogue of indicators rulebooks may use",
    },
    "cli_help_example": {
        "id": "tulis contoh dosir bawaan ke sebuah folder",
        "en": "write the bundled example dossiers into a folder",
    },
    "cli_help_example_dir": {
        "id": "folder tujuan (dibuat bila belum ada)",
        "en": "target folder (created when absent)",
    },
    "cli_help_force": {"id": "timpa berkas yang sudah ada", "en": "overwrite existing files"},
    "cli_help_access": {
        "id": "tangga akses sanitasi dari berkas rumah tangga (CSV atau JSON Lines)",
        "en": "the sanitation access ladder from a household file (CSV or JSON Lines)",
    },
    "cli_help_access_file": {
        "id": "berkas rumah tangga .csv, .jsonl atau .ndjson",
        "en": "household file, .csv, .jsonl or .ndjson",
    },
    "cli_help_extract": {
        "id": "temukan tanggal, jumlah Rupiah, nomor keputusan, peraturan dan wilayah dalam teks",
        "en": "find the dates, Rupiah amounts, decree numbers, regulations and regions in a text",
    },
    "cli_help_extract_file": {
        "id": "berkas teks UTF-8 (berita, laporan, isi keputusan); - untuk masukan standar",
        "en": "a UTF-8 text file (news, report, text of a decree); - for standard input",
    },
    "cli_help_reference": {
        "id": (
            "tanggal penulisan teks YYYY-MM-DD (misalnya tanggal terbit berita), untuk tanggal "
            "tanpa tahun; tanpa ini tanggal semacam itu dilewati"
        ),
        "en": (
            "the date the text was written YYYY-MM-DD (e.g. a news item's publication date), "
            "for dates without a year; without it such dates are skipped"
        ),
    },
    "cli_not_utf8": {
        "id": "bukan teks UTF-8 (bita {position})",
        "en": "not UTF-8 text (byte {position})",
    },
    "cli_extract_none": {
        "id": "tidak ada yang ditemukan",
        "en": "nothing found",
    },
    "cli_extract_found": {
        "id": "{source}: {count} temuan",
        "en": "{source}: {count} found",
    },
    # --- sanitasi chart ------------------------------------------------------------------------
    "cli_help_chart": {
        "id": "gambar SVG: tingkat milestone, tahun-tahun kabupaten/kota, akses, tangga, kriteria",
        "en": "an SVG picture: milestone levels, a district's years, access, ladder, criteria",
    },
    "cli_help_chart_kind": {
        "id": (
            "jenis gambar: levels (kabupaten/kota per tingkat), years (satu daerah per tahun), "
            "access (akses terhadap target nasional), criteria (kriteria satu keputusan), "
            "ladder (tangga sanitasi dari berkas rumah tangga)"
        ),
        "en": (
            "the kind of picture: levels (districts by level), years (one district by year), "
            "access (access against the national targets), criteria (one decision's criteria), "
            "ladder (the sanitation ladder of a household file)"
        ),
    },
    "cli_help_chart_paths": {
        "id": (
            "dosir .json, folder atau .jsonl (levels: banyak; years, access, criteria: satu); "
            "berkas rumah tangga untuk ladder"
        ),
        "en": (
            "dossier .json, folder or .jsonl (levels: many; years, access, criteria: one); "
            "a household file for ladder"
        ),
    },
    "cli_help_by_province": {
        "id": "satu panel per provinsi (levels)",
        "en": "one panel per province (levels)",
    },
    "cli_help_years": {
        "id": "tahun anggaran yang digambar, mis. 2021-2025 (years; bawaan: lima tahun terakhir)",
        "en": "the fiscal years drawn, e.g. 2021-2025 (years; default: the last five years)",
    },
    "cli_chart_one": {
        "id": "gambar {kind} memerlukan satu masukan, diberikan {count}",
        "en": "the {kind} chart needs one input, {count} given",
    },
    "cli_chart_as_of": {"id": "Per {day}", "en": "As of {day}"},
    "cli_chart_nothing": {
        "id": "tidak ada yang dapat digambar: tidak ada masukan yang sah",
        "en": "nothing to draw: no valid input",
    },
    "cli_years_range": {
        "id": "rentang tahun {got!r} tidak sah; contoh: 2021-2025 atau 2024",
        "en": "invalid year range {got!r}; for example 2021-2025 or 2024",
    },
}
