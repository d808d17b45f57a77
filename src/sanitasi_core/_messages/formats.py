"""Catalogue part: the text-format parsers (dates, Rupiah, decrees, regulations, codes)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["FORMAT_MESSAGES"]

FORMAT_MESSAGES: Final[Mapping[str, Mapping[str, str]]] = {
    # --- shared input guards ----------------------------------------------------------------
    "input_not_text": {
        "id": "diharapkan teks berisi {what_id}, didapat {got}",
        "en": "expected a text holding {what_en}, got {got}",
    },
    "input_too_long": {
        "id": "teks terlalu panjang untuk {what_id}: {length} karakter, batasnya {limit}",
        "en": "text too long for {what_en}: {length} characters, the limit is {limit}",
    },
    "format_field_type": {
        "id": "diharapkan {expected_id}, didapat {got!r}",
        "en": "expected {expected_en}, got {got!r}",
    },
    # --- dates (tanggal) --------------------------------------------------------------------
    "date_invalid": {
        "id": (
            "{got!r} bukan tanggal yang dikenali; contoh bentuk yang sah: '18 Desember 2023', "
            "'Senin, 15 Juli 2024', 'Rabu (17/9/2025)', 'Senin (15/7)'"
        ),
        "en": (
            "{got!r} is not a recognised Indonesian date; valid forms are e.g. "
            "'18 Desember 2023', 'Senin, 15 Juli 2024', 'Rabu (17/9/2025)', 'Senin (15/7)'"
        ),
    },
    "date_year_digits": {
        "id": "tahun {year!r} pada {got!r} harus ditulis dengan empat angka",
        "en": "the year {year!r} in {got!r} must be written with four digits",
    },
    "date_no_such_day": {
        "id": "{got!r}: tanggal {day}/{month}/{year} tidak ada dalam kalender",
        "en": "{got!r}: there is no such day as {day}/{month}/{year}",
    },
    "date_weekday_mismatch": {
        "id": "{got!r}: tanggal {date} jatuh pada hari {actual_id}, bukan hari {given_id}",
        "en": "{got!r}: {date} is a {actual_en} ({actual_id}), not a {given_en} ({given_id})",
    },
    "date_reference_required": {
        "id": (
            "{got!r} tidak menyebut tahun; berikan tanggal acuan (reference) untuk menentukan "
            "tahunnya"
        ),
        "en": "{got!r} has no year; a reference date is required to resolve it",
    },
    "date_year_unresolved": {
        "id": (
            "{got!r} tidak menyebut tahun dan tidak cocok dengan tahun {year} maupun {previous} "
            "(tanggal acuan {reference})"
        ),
        "en": (
            "{got!r} has no year and fits neither {year} nor {previous} "
            "(reference date {reference})"
        ),
    },
    "date_invalid_style": {
        "id": "gaya penulisan tanggal {got!r} tidak dikenal; pilihan: 'long', 'numeric'",
        "en": "unknown date style {got!r}; expected 'long' or 'numeric'",
    },
    "date_weekday_mismatch_yearless": {
        "id": (
            "{got!r}: tanpa tahun, tanggal ini dibaca sebagai {date} (hari terdekat pada atau "
            "sebelum tanggal acuan {reference}), yang jatuh pada hari {actual_id}, bukan hari "
            "{given_id}; tahun lain tidak dicoba"
        ),
        "en": (
            "{got!r}: without a year this is {date} (the nearest such day on or before the "
            "reference date {reference}), which is a {actual_en} ({actual_id}), not a "
            "{given_en} ({given_id}); no other year is tried"
        ),
    },
    "date_year_truncated": {
        "id": (
            "{got!r}: tahun {year!r} terpotong; tahun ditulis dengan empat angka (dua angka, "
            "dibaca 20YY, hanya pada tanggal angka seperti 25/10/24)"
        ),
        "en": (
            "{got!r}: the year {year!r} is truncated; a year is written with four digits (two "
            "digits, read as 20YY, only in numeric dates such as 25/10/24)"
        ),
    },
    "year_truncated": {
        "id": "{got!r}: tahun {year!r} terpotong; tahun ditulis dengan empat angka",
        "en": "{got!r}: the year {year!r} is truncated; a year is written with four digits",
    },
    "year_letter": {
        "id": (
            "{got!r}: tahun {year!r} memuat huruf {letter!r} (kesalahan ketik atau OCR, "
            "misalnya O untuk 0); tahun yang rusak tidak ditebak"
        ),
        "en": (
            "{got!r}: the year {year!r} contains the letter {letter!r} (a typing or OCR error, "
            "such as O for 0); a garbled year is not guessed"
        ),
    },
    "date_time_invalid": {
        "id": "{got!r}: {time!r} bukan jam yang ada (jam 0-23, menit dan detik 0-59)",
        "en": "{got!r}: {time!r} is not a time of day (hours 0-23, minutes and seconds 0-59)",
    },
    "date_time_option": {
        "id": "jam harus datetime.time tanpa zona waktu dan tanpa mikrodetik, didapat {got!r}",
        "en": "a time must be a datetime.time without tzinfo or microseconds, got {got!r}",
    },
    "date_zone_option": {
        "id": "zona waktu harus WIB, WITA, atau WIT, dan hanya bersama jam; didapat {got!r}",
        "en": "a time zone must be WIB, WITA or WIT, and only with a time; got {got!r}",
    },
    "date_range_invalid": {
        "id": (
            "{got!r} bukan rentang tanggal yang dikenali; contoh bentuk yang sah: "
            "'13\u201314 Agustus 2025', '24-29 November 2022', '30 November - 2 Desember 2023'"
        ),
        "en": (
            "{got!r} is not a recognised range of days; valid forms are e.g. "
            "'13\u201314 Agustus 2025', '24-29 November 2022', '30 November - 2 Desember 2023'"
        ),
    },
    "date_range_reversed": {
        "id": "{got!r}: rentang berakhir ({end}) sebelum dimulai ({start})",
        "en": "{got!r}: the range ends ({end}) before it starts ({start})",
    },
    # --- Rupiah -----------------------------------------------------------------------------
    "rupiah_invalid": {
        "id": (
            "{got!r} bukan jumlah Rupiah yang dikenali; contoh bentuk yang sah: "
            "'Rp1.250.000.000,00', 'Rp 215.000', 'Rp485,9 miliar'"
        ),
        "en": (
            "{got!r} is not a recognised Rupiah amount; valid forms are e.g. "
            "'Rp1.250.000.000,00', 'Rp 215.000', 'Rp485,9 miliar'"
        ),
    },
    "rupiah_bad_group": {
        "id": (
            "{got!r}: titik adalah pemisah ribuan dan harus diikuti tepat tiga angka, dan "
            "kelompok pertama terdiri atas satu sampai tiga angka tanpa nol di depan"
        ),
        "en": (
            "{got!r}: a dot separates thousands and must be followed by exactly three digits, "
            "after a first group of one to three digits with no leading zero"
        ),
    },
    "rupiah_too_many_decimals": {
        "id": (
            "{got!r}: tanpa satuan (ribu, juta, miliar, triliun) paling banyak dua angka di "
            "belakang koma; '1,250' bisa berarti seribu dua ratus lima puluh dalam penulisan "
            "Inggris"
        ),
        "en": (
            "{got!r}: without a scale word (ribu, juta, miliar, triliun) at most two digits may "
            "follow the decimal comma; '1,250' could be English for one thousand two hundred "
            "and fifty"
        ),
    },
    "rupiah_below_sen": {
        "id": "{got!r} bernilai {amount}, lebih rinci daripada satu sen (dua angka desimal)",
        "en": "{got!r} amounts to {amount}, finer than one sen (two decimal places)",
    },
    "rupiah_not_decimal": {
        "id": "jumlah uang harus Decimal yang terhingga, didapat {got!r}",
        "en": "an amount of money must be a finite Decimal, got {got!r}",
    },
    "rupiah_decimals_option": {
        "id": "jumlah angka desimal harus 0, 1, atau 2, didapat {got!r}",
        "en": "the number of decimal places must be 0, 1 or 2, got {got!r}",
    },
    "rupiah_scale_option": {
        "id": "satuan {got!r} tidak dikenal; pilihan: ribu, juta, miliar, triliun",
        "en": "unknown scale {got!r}; expected one of ribu, juta, miliar, triliun",
    },
    "rupiah_would_round": {
        "id": (
            "{amount} tidak dapat ditulis dengan {decimals} angka desimal tanpa pembulatan; "
            "bulatkan dahulu (Decimal.quantize)"
        ),
        "en": (
            "{amount} cannot be written with {decimals} decimal places without rounding; "
            "round it first (Decimal.quantize)"
        ),
    },
    "rupiah_period": {
        "id": (
            "{got!r} adalah jumlah per {period}; parse_rupiah hanya mengembalikan angka, "
            "gunakan parse_amount agar periodenya tidak hilang"
        ),
        "en": (
            "{got!r} is an amount per {period}; parse_rupiah returns a bare number, use "
            "parse_amount so that the period is not lost"
        ),
    },
    "amount_foreign_currency": {
        "id": "{got!r} dalam mata uang asing ({currency!r}), bukan Rupiah",
        "en": "{got!r} is in a foreign currency ({currency!r}), not in Rupiah",
    },
    "amount_unknown_scale": {
        "id": (
            "{got!r}: {word!r} bukan satuan yang dikenal (ribu/rb, juta/jt, miliar/milyar/M, "
            "triliun/trilyun/T)"
        ),
        "en": (
            "{got!r}: {word!r} is not a known scale word (ribu/rb, juta/jt, miliar/milyar/M, "
            "triliun/trilyun/T)"
        ),
    },
    "amount_truncated_scale": {
        "id": "{got!r}: satuan {word!r} terpotong (maksudnya {full!r}?); tidak ditebak",
        "en": "{got!r}: the scale word {word!r} is truncated ({full!r}?); it is not guessed",
    },
    "amount_scale_needs_prefix": {
        "id": "{got!r}: singkatan {word!r} hanya dibaca sebagai satuan sesudah Rp atau IDR",
        "en": "{got!r}: the abbreviation {word!r} is read as a scale only after Rp or IDR",
    },
    "amount_unknown_period": {
        "id": "{got!r}: {word!r} bukan periode yang dikenal (hari, minggu, bulan, tahun)",
        "en": "{got!r}: {word!r} is not a known period (hari, minggu, bulan, tahun)",
    },
    "amount_words_invalid": {
        "id": "{got!r}: {words!r} di dalam kurung bukan bilangan dalam kata-kata (terbilang)",
        "en": "{got!r}: {words!r} in parentheses is not a number in Indonesian words",
    },
    "amount_words_mismatch": {
        "id": "{got!r}: angkanya {amount}, tetapi terbilangnya {words_amount}",
        "en": "{got!r}: the figure says {amount} but the words say {words_amount}",
    },
    "amount_period_option": {
        "id": "periode harus salah satu dari hari, minggu, bulan, tahun, didapat {got!r}",
        "en": "a period must be one of hari, minggu, bulan, tahun, got {got!r}",
    },
    "amount_words_field": {
        "id": (
            "terbilang {got!r} harus berupa kata-kata bilangan (spasi tunggal) yang sama "
            "dengan jumlah {amount}"
        ),
        "en": (
            "the amount in words {got!r} must be Indonesian number words (single spaces) "
            "saying the amount {amount}"
        ),
    },
    "percent_invalid": {
        "id": (
            "{got!r} bukan persentase yang dikenali; contoh bentuk yang sah: '76,31%', "
            "'95.40%', '12 persen'"
        ),
        "en": (
            "{got!r} is not a recognised percentage; valid forms are e.g. '76,31%', '95.40%', "
            "'12 persen'"
        ),
    },
    "percent_ambiguous": {
        "id": (
            "{got!r}: tanda desimal yang diikuti tepat tiga angka bisa juga pemisah ribuan; "
            "tidak ditebak"
        ),
        "en": (
            "{got!r}: a decimal mark followed by exactly three digits could also separate "
            "thousands; it is not guessed"
        ),
    },
    # --- decree numbers (nomor keputusan) ---------------------------------------------------
    "decree_invalid": {
        "id": (
            "{got!r} bukan nomor keputusan yang dikenali; bentuk yang sah: "
            "'<kode klasifikasi>-<nomor urut>/<jenis>/<unit>[/ ]<tahun>', misalnya "
            "'100.4.3-1037/Kep/Bangda 2023'"
        ),
        "en": (
            "{got!r} is not a recognised decree number; expected "
            "'<archive class>-<sequence>/<kind>/<unit>[/ ]<year>', e.g. "
            "'100.4.3-1037/Kep/Bangda 2023'"
        ),
    },
    "decree_field": {
        "id": "bagian {field} nomor keputusan tidak sah: diharapkan {expected_id}, didapat {got!r}",
        "en": "invalid decree-number {field}: expected {expected_en}, got {got!r}",
    },
    # --- regulations (peraturan) -------------------------------------------------------------
    "regulation_invalid": {
        "id": (
            "{got!r} bukan judul peraturan yang dikenali; contoh bentuk yang sah: "
            "'Peraturan Bupati Mahakam Ulu Nomor 47 Tahun 2021', 'Perpres 12/2025'"
        ),
        "en": (
            "{got!r} is not a recognised regulation title; valid forms are e.g. "
            "'Peraturan Bupati Mahakam Ulu Nomor 47 Tahun 2021', 'Perpres 12/2025'"
        ),
    },
    "regulation_missing_number": {
        "id": "{got!r}: peraturan tanpa nomor (Nomor ...); nomor tidak ditebak",
        "en": "{got!r}: the regulation has no number (Nomor ...); a number is not guessed",
    },
    "regulation_missing_year": {
        "id": "{got!r}: peraturan tanpa tahun (Tahun YYYY atau /YYYY)",
        "en": "{got!r}: the regulation has no year (Tahun YYYY or /YYYY)",
    },
    "regulation_no_issuer": {
        "id": "{got!r}: peraturan jenis {kind} tidak menyebut penerbit, didapat {issuer!r}",
        "en": "{got!r}: a regulation of kind {kind} names no issuer, got {issuer!r}",
    },
    "regulation_field": {
        "id": "bagian {field} peraturan tidak sah: diharapkan {expected_id}, didapat {got!r}",
        "en": "invalid regulation {field}: expected {expected_en}, got {got!r}",
    },
    # --- extraction (sanitasi_core.extract) ---------------------------------------------------
    "mention_offsets": {
        "id": (
            "posisi sebutan tidak sah: awal {start}, akhir {end}, panjang teks {length}; "
            "harus 0 <= awal < akhir dan panjang teks = akhir - awal"
        ),
        "en": (
            "invalid mention offsets: start {start}, end {end}, text length {length}; "
            "need 0 <= start < end and text length == end - start"
        ),
    },
    # --- region codes (kode wilayah) --------------------------------------------------------
    "region_code_invalid": {
        "id": (
            "{got!r} bukan kode wilayah Kemendagri yang dikenali; bentuk yang sah: '64', "
            "'64.11', '64.11.01', '64.11.01.2001'"
        ),
        "en": (
            "{got!r} is not a recognised Kemendagri region code; expected '64', '64.11', "
            "'64.11.01' or '64.11.01.2001'"
        ),
    },
    "region_code_part": {
        "id": "bagian {part_id} kode wilayah tidak sah: diharapkan {expected_id}, didapat {got!r}",
        "en": "invalid {part_en} part of a region code: expected {expected_en}, got {got!r}",
    },
    "region_code_gap": {
        "id": "kode wilayah dengan {part_id} memerlukan juga {parent_id}",
        "en": "a region code with a {part_en} also needs a {parent_en}",
    },
    # --- APBD nomenclature codes (kode nomenklatur, Permendagri 90/2019) -----------------------
    "apbd_code_invalid": {
        "id": (
            "{got!r} bukan kode nomenklatur APBD yang dikenali; bentuk yang sah: '1', '1.03', "
            "'1.03.05', '1.03.05.2.01', '1.03.05.2.01.0044'"
        ),
        "en": (
            "{got!r} is not a recognised APBD nomenclature code; expected '1', '1.03', "
            "'1.03.05', '1.03.05.2.01' or '1.03.05.2.01.0044'"
        ),
    },
    "apbd_code_part": {
        "id": "bagian {part_id} kode APBD tidak sah: diharapkan {expected_id}, didapat {got!r}",
        "en": "invalid {part_en} part of an APBD code: expected {expected_en}, got {got!r}",
    },
    "apbd_code_gap": {
        "id": "kode APBD dengan {part_id} memerlukan juga {parent_id}",
        "en": "an APBD code with a {part_en} also needs a {parent_en}",
    },
}
