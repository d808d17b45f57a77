"""Catalogue part: reading and checking rulebooks (every problem a rulebook file can have)."""

from collections.abc import Mapping
from typing import Final

RULEBOOK_MESSAGES: Final[Mapping[str, Mapping[str, str]]] = {
    # --- reading the file ------------------------------------------------------------------
    "invalid_toml": {"id": "bukan TOML yang sah: {reason}", "en": "not valid TOML: {reason}"},
    "invalid_text": {"id": "bukan teks UTF-8", "en": "not UTF-8 text"},
    "too_large_text": {
        "id": "berkas terlalu besar: {size} karakter, batas {limit}",
        "en": "file too large: {size} characters, the limit is {limit}",
    },
    "did_you_mean": {"id": "; mungkin maksud Anda {names}?", "en": "; did you mean {names}?"},
    "source_needs_id": {
        "id": "sumber dalam pustaka memerlukan id berupa teks",
        "en": "a source of the library needs a text id",
    },
    "unknown_source": {
        "id": "sumber {name!r} tidak dikenal{suggestion}",
        "en": "unknown source {name!r}{suggestion}",
    },
    # --- checking what it says ---------------------------------------------------------------
    "duplicate_id_at": {
        "id": "id {got!r} dipakai lebih dari sekali (pertama di {first})",
        "en": "id {got!r} is used more than once (first at {first})",
    },
    "valid_to_after": {
        "id": "valid_to ({end}) harus setelah valid_from ({start})",
        "en": "valid_to ({end}) must be after valid_from ({start})",
    },
    "milestone_order": {
        "id": "milestone harus tercantum sekali, berurutan: didapat {got}",
        "en": "milestones must be listed once each, in order: got {got}",
    },
    "threshold_no_steps": {
        "id": "memerlukan paling sedikit satu nilai",
        "en": "needs at least one step",
    },
    "threshold_steps_order": {
        "id": "nilai harus berurutan tanggal tanpa pengulangan",
        "en": "steps must be in date order without repeats",
    },
    "threshold_gap": {
        "id": "nilai pertama mulai {first}, setelah valid_from {start}",
        "en": "the first value starts {first}, after the rulebook's valid_from {start}",
    },
    "too_many_nodes": {
        "id": "terlalu banyak simpul kriteria ({count} > {limit})",
        "en": "too many criteria nodes ({count} > {limit})",
    },
    "cyclic_reference": {"id": "rujukan melingkar: {loop}", "en": "cyclic reference: {loop}"},
    "too_deep_criteria": {
        "id": "kriteria bersarang lebih dari {limit} tingkat",
        "en": "criteria nested deeper than {limit} levels",
    },
    "too_many_expanded_nodes": {
        "id": (
            "kriteria rulebook berisi {count} simpul bila setiap rujukan ke definisi dijabarkan; "
            "batasnya {limit}"
        ),
        "en": (
            "the rulebook's criteria hold {count} nodes with every reference to a definition "
            "expanded; the limit is {limit}"
        ),
    },
    "too_deep_refs": {
        "id": "kriteria bersarang lebih dari {limit} tingkat, termasuk definisi yang dirujuknya",
        "en": "criteria nested deeper than {limit} levels, counting the definitions they reference",
    },
    "needs_item": {
        "id": "memerlukan paling sedikit satu butir",
        "en": "needs at least one item",
    },
    "k_range": {
        "id": "k harus antara 1 dan {n}, didapat {k}",
        "en": "k must be between 1 and {n}, got {k}",
    },
    "if_unknown_choice": {
        "id": "nilai bawaan harus 'pass' atau 'fail'",
        "en": "a declared default must be 'pass' or 'fail'",
    },
    "unknown_indicator": {
        "id": "indikator {name!r} tidak dikenal{suggestion}",
        "en": "unknown indicator {name!r}{suggestion}",
    },
    "no_parameter": {
        "id": "indikator {indicator!r} tidak punya parameter {key!r}{suggestion}",
        "en": "indicator {indicator!r} takes no parameter {key!r}{suggestion}",
    },
    "not_a_choice": {
        "id": "{value!r} bukan salah satu dari {choices}",
        "en": "{value!r} is not one of {choices}",
    },
    "no_choice_declared": {
        "id": "{value!r} tidak dapat dipakai: rulebook tidak mendeklarasikan pilihannya",
        "en": "{value!r} cannot be used: the rulebook declares no choices for it",
    },
    "needs_parameter": {
        "id": "indikator {indicator!r} memerlukan parameter {name!r}",
        "en": "indicator {indicator!r} needs the parameter {name!r}",
    },
    "fact_not_compared": {
        "id": "{name!r} adalah fakta ya/tidak: gunakan op 'present' atau 'absent', bukan perbandingan",
        "en": "{name!r} is a yes/no fact: use op 'present' or 'absent', not a comparison",
    },
    "not_a_fact": {
        "id": "{name!r} bertipe {type}, bukan fakta ya/tidak: gunakan op 'compare'",
        "en": "{name!r} is a {type}, not a yes/no fact: use op 'compare'",
    },
    "exactly_one_limit": {
        "id": "isi tepat satu dari 'threshold' dan 'value'",
        "en": "give exactly one of 'threshold' and 'value'",
    },
    "unknown_threshold": {
        "id": "ambang {name!r} tidak dikenal{suggestion}",
        "en": "unknown threshold {name!r}{suggestion}",
    },
    "unit_mismatch": {
        "id": "ambang {threshold!r} dalam {unit!r} tetapi {name!r} dalam {other!r}",
        "en": "threshold {threshold!r} is in {unit!r} but {name!r} is in {other!r}",
    },
    "negative_count": {"id": "jumlah tidak boleh negatif", "en": "a count cannot be negative"},
    "unknown_field": {
        "id": "{records} tidak punya kolom {field!r}{suggestion}",
        "en": "{records} have no field {field!r}{suggestion}",
    },
    "exactly_one_filter": {
        "id": "isi tepat satu dari 'is', 'in' dan 'within'",
        "en": "give exactly one of 'is', 'in' and 'within'",
    },
    "within_not_date": {
        "id": "{field!r} bukan tanggal: 'within' tidak berlaku",
        "en": "{field!r} is not a date: 'within' does not apply",
    },
    "date_needs_within": {
        "id": "{field!r} adalah tanggal: gunakan 'within'",
        "en": "{field!r} is a date: use 'within'",
    },
    "unknown_criterion": {
        "id": "kriteria {name!r} tidak dikenal{suggestion}",
        "en": "unknown criterion {name!r}{suggestion}",
    },
    "aspects_need_set": {
        "id": "simpul 'aspects' memerlukan himpunan aspek rulebook ([aspects])",
        "en": "an 'aspects' node needs the rulebook's aspect set ([aspects])",
    },
    "aspects_k_range": {
        "id": "k harus antara 1 dan {n} (aspek dalam himpunan), didapat {k}",
        "en": "k must be between 1 and {n} (the aspects of the set), got {k}",
    },
    "aspect_threshold_unit": {
        "id": "ambang {threshold!r} dalam {unit!r} tetapi skor aspek dalam 'points'",
        "en": "threshold {threshold!r} is in {unit!r} but aspect scores are in 'points'",
    },
    "unknown_step": {
        "id": "langkah rantai layanan {step!r} tidak dikenal{suggestion}",
        "en": "unknown service-chain step {step!r}{suggestion}",
    },
    "aspect_set_empty": {
        "id": "memerlukan paling sedikit satu aspek",
        "en": "needs at least one aspect",
    },
    "aspect_key_taken": {
        "id": "{key!r} sudah menjadi nama aspek {aspect!r}",
        "en": "{key!r} already names the aspect {aspect!r}",
    },
    # --- several rulebooks over time ---------------------------------------------------------
    "rulebook_overlap": {
        "id": "masa berlaku {a} dan {b} tumpang tindih",
        "en": "the validity of {a} and {b} overlaps",
    },
    "no_rulebook_in_force": {
        "id": "tidak ada rulebook yang berlaku pada {day} (tersedia: {spans})",
        "en": "no rulebook is in force on {day} (available: {spans})",
    },
    "threshold_no_value": {
        "id": "ambang {id} belum berlaku pada {day}",
        "en": "threshold {id} has no value on {day}",
    },
}
