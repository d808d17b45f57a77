"""Catalogue part: the file-safety primitives (:mod:`sanitasi_core._files`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["FILE_MESSAGES"]

FILE_MESSAGES: Final[Mapping[str, Mapping[str, str]]] = {
    # --- reading ----------------------------------------------------------------------------
    "file_not_found": {
        "id": "{what} tidak ditemukan",
        "en": "{what} not found",
    },
    "file_is_directory": {
        "id": "ini sebuah folder, bukan berkas",
        "en": "is a folder, not a file",
    },
    "file_special": {
        "id": "ini {kind}, bukan berkas biasa",
        "en": "is a {kind}, not a regular file",
    },
    "file_pseudo": {
        "id": "berkas semu sistem di {root}: isinya dibuat saat dibaca, ukurannya tak diketahui",
        "en": "is a system pseudo-file in {root}: made as it is read, of no known size",
    },
    "file_too_large": {
        "id": "{what} terlalu besar: {size} bita, batasnya {limit}",
        "en": "{what} too large: {size} bytes, the limit is {limit}",
    },
    "file_stream_too_large": {
        "id": "{what} terlalu besar: lebih dari {limit} bita, batasnya {limit}",
        "en": "{what} too large: more than {limit} bytes, the limit is {limit}",
    },
    "file_grew": {
        "id": "{what} bertambah besar saat dibaca: lebih dari {limit} bita, melampaui batas",
        "en": "{what} grew while being read: more than {limit} bytes, over the limit",
    },
    "file_unreadable": {
        "id": "tidak dapat dibaca: {reason}",
        "en": "cannot be read: {reason}",
    },
    "file_no_stdin": {
        "id": "tidak ada masukan standar",
        "en": "there is no standard input",
    },
    # --- writing ----------------------------------------------------------------------------
    "file_unwritable": {
        "id": "tidak dapat ditulis: {reason}",
        "en": "cannot be written: {reason}",
    },
    "file_no_folder": {
        "id": "folder {folder} tidak ada",
        "en": "the folder {folder} does not exist",
    },
    "file_no_reader": {
        "id": "pipa bernama (FIFO) tanpa pembaca; tidak ada yang ditulis",
        "en": "is a named pipe (FIFO) with no reader; nothing was written",
    },
    "file_read_only": {
        "id": "berkas hanya-baca; berkas tidak ditimpa",
        "en": "is read-only; it was not replaced",
    },
    "file_changed": {
        "id": "jenis berkas berubah saat dibuka; tidak ada yang ditulis",
        "en": "changed kind while being opened; nothing was written",
    },
    # --- names of file kinds, filled into the sentences above --------------------------------
    "file_kind_file": {"id": "berkas", "en": "file"},
    "file_kind_character_device": {"id": "perangkat karakter", "en": "character device"},
    "file_kind_block_device": {"id": "perangkat blok", "en": "block device"},
    "file_kind_fifo": {"id": "pipa bernama (FIFO)", "en": "named pipe (FIFO)"},
    "file_kind_socket": {"id": "soket", "en": "socket"},
    "file_kind_special": {"id": "berkas khusus", "en": "special file"},
}
