"""The ``sanitasi`` command line: ``main(argv) -> int``.

Exit codes: 0 all good; 1 some input was found invalid; 2 usage error or unreadable input.
Bad input never produces a traceback: every :class:`SanitasiError` becomes a message.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from sanitasi_core._text import Lang, Text

__all__ = ["main"]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

_HELP: dict[str, Text] = {
    "prog": Text(
        id="Pustaka PPSP: dosir sanitasi kab/kota, milestone SSK M1-M4, dan keputusannya.",
        en="PPSP library: district sanitation dossiers, SSK milestones M1-M4 and their decisions.",
    ),
    "lang": Text(id="bahasa keluaran (id atau en)", en="output language (id or en)"),
    "validate": Text(id="periksa berkas dosir JSON", en="check dossier JSON files"),
    "files": Text(id="berkas dosir JSON", en="dossier JSON files"),
    "schema": Text(
        id="cetak JSON Schema format dosir", en="print the JSON Schema of the dossier format"
    ),
    "valid": Text(id="sah", en="valid"),
    "invalid": Text(id="tidak sah", en="invalid"),
    "unreadable": Text(id="tidak dapat dibaca", en="cannot be read"),
}


def _default_lang() -> Lang:
    value = os.environ.get("LANG", "").lower()
    return "en" if value.startswith("en") else "id"


def _pre_lang(argv: Sequence[str]) -> Lang:
    """Find ``--lang`` before building the parser, so that ``--help`` is in that language."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv) and argv[index + 1] in ("id", "en"):
            return "en" if argv[index + 1] == "en" else "id"
        if arg in ("--lang=en", "--lang=id"):
            return "en" if arg.endswith("en") else "id"
    return _default_lang()


def _build_parser(lang: Lang) -> argparse.ArgumentParser:
    def h(key: str) -> str:
        return _HELP[key].get(lang)

    parser = argparse.ArgumentParser(prog="sanitasi", description=h("prog"))
    parser.add_argument("--lang", choices=("id", "en"), default=lang, help=h("lang"))
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = sub.add_parser("validate", help=h("validate"), description=h("validate"))
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE", help=h("files"))

    sub.add_parser("schema", help=h("schema"), description=h("schema"))
    return parser


def _read(path: Path) -> bytes:
    return path.read_bytes()


def _cmd_validate(files: Sequence[Path], lang: Lang, out: TextIO, err: TextIO) -> int:
    from sanitasi_core.exceptions import DossierFormatError  # noqa: PLC0415
    from sanitasi_core.serialization import load_dossier  # noqa: PLC0415

    status = EXIT_OK
    for path in files:
        try:
            document = _read(path)
        except OSError as exc:
            print(f"{path}: {_HELP['unreadable'].get(lang)}: {exc.strerror or exc}", file=err)
            status = max(status, EXIT_USAGE)
            continue
        try:
            load_dossier(document, source=str(path))
        except DossierFormatError as exc:
            print(f"{path}: {_HELP['invalid'].get(lang)}", file=out)
            for problem in exc.problems:
                print(f"  {problem.render(lang)}", file=out)
            status = max(status, EXIT_INVALID)
        else:
            print(f"{path}: {_HELP['valid'].get(lang)}", file=out)
    return status


def _cmd_schema(out: TextIO) -> int:
    from sanitasi_core.serialization import dossier_json_schema  # noqa: PLC0415

    print(json.dumps(dossier_json_schema(), indent=2, ensure_ascii=False), file=out)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``sanitasi`` command and return its exit code.

    Args:
        argv: the arguments after the program name; ``sys.argv[1:]`` when ``None``.
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = _pre_lang(args_list)
    parser = _build_parser(lang)
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 for --help
        return int(exc.code or 0)
    lang = args.lang
    out, err = sys.stdout, sys.stderr
    if args.command == "validate":
        return _cmd_validate(args.files, lang, out, err)
    return _cmd_schema(out)
