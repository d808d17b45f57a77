"""The ``sanitasi`` command line: ``main(argv) -> int``.

Exit codes: 0 all good; 1 some input was found invalid; 2 usage error or unreadable input.
Bad input never produces a traceback: every :class:`SanitasiError` becomes a message.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

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
    "evaluate": Text(
        id="tentukan milestone dosir pada suatu tanggal",
        en="decide the milestone of dossiers on a date",
    ),
    "as_of": Text(
        id="tanggal evaluasi YYYY-MM-DD (wajib: tidak ada 'hari ini' tersembunyi)",
        en="evaluation date YYYY-MM-DD (required: no hidden 'today')",
    ),
    "rulebook_file": Text(
        id="berkas rulebook TOML/JSON (bawaan: rulebook PPSP rekonstruksi)",
        en="rulebook file, TOML or JSON (default: the reconstructed PPSP rulebook)",
    ),
    "format": Text(id="format keluaran", en="output format"),
    "output": Text(
        id="tulis ke berkas ini (lewat berkas sementara lalu rename)",
        en="write to this file (through a temporary file and a rename)",
    ),
    "rulebook": Text(id="periksa rulebook", en="work with rulebooks"),
    "rulebook_check": Text(
        id="periksa berkas rulebook dan laporkan semua masalah",
        en="check rulebook files and report every problem",
    ),
    "bad_date": Text(
        id="tanggal tidak sah, diharapkan YYYY-MM-DD", en="invalid date, expected YYYY-MM-DD"
    ),
    "certain": Text(id="pasti", en="certain"),
    "possible": Text(id="mungkin", en="possible"),
    "blocking": Text(id="penghambat", en="blocking"),
    "missing": Text(id="data yang kurang", en="missing data"),
    "designation": Text(id="penetapan", en="designation"),
    "none": Text(id="belum ada", en="none"),
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

    # --lang is accepted before or after the command.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=("id", "en"), default=argparse.SUPPRESS, help=h("lang"))
    parser = argparse.ArgumentParser(prog="sanitasi", description=h("prog"), parents=[common])
    parser.set_defaults(lang=lang)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = sub.add_parser(
        "validate", parents=[common], help=h("validate"), description=h("validate")
    )
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE", help=h("files"))

    sub.add_parser("schema", parents=[common], help=h("schema"), description=h("schema"))

    evaluate = sub.add_parser(
        "evaluate", parents=[common], help=h("evaluate"), description=h("evaluate")
    )
    evaluate.add_argument("files", nargs="+", type=Path, metavar="FILE", help=h("files"))
    evaluate.add_argument("--as-of", required=True, type=_date_arg(lang), help=h("as_of"))
    evaluate.add_argument("--rulebook", type=Path, metavar="FILE", help=h("rulebook_file"))
    evaluate.add_argument("--format", choices=("text", "json"), default="text", help=h("format"))
    evaluate.add_argument("--output", type=Path, metavar="FILE", help=h("output"))

    rulebook = sub.add_parser(
        "rulebook", parents=[common], help=h("rulebook"), description=h("rulebook")
    )
    rb_sub = rulebook.add_subparsers(dest="rulebook_command", required=True, metavar="COMMAND")
    check = rb_sub.add_parser(
        "check", parents=[common], help=h("rulebook_check"), description=h("rulebook_check")
    )
    check.add_argument("files", nargs="+", type=Path, metavar="FILE", help=h("rulebook_file"))
    return parser


def _date_arg(lang: Lang) -> Callable[[str], dt.date]:
    def parse(value: str) -> dt.date:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{_HELP['bad_date'].get(lang)}: {value!r}") from None

    return parse


def write_atomic(path: Path, content: str) -> None:
    """Write *content* to *path* through a temporary file in the same folder and a rename."""
    handle, temp = tempfile.mkstemp(
        dir=path.parent or Path(), prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(content)
        Path(temp).replace(path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


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


def _message(exc: BaseException, lang: Lang) -> str:
    render = getattr(exc, "render", None)
    if callable(render):
        return str(render(lang))
    text = getattr(exc, "text", None)
    return text.get(lang) if isinstance(text, Text) else str(exc)


def _level(value: object, lang: Lang) -> str:
    return str(value) if value is not None else _HELP["none"].get(lang)


def _render_text(decision: Any, lang: Lang) -> str:
    lines = [
        f"{decision.region.name} ({decision.region.code}) — {decision.as_of.isoformat()}"
        f" — {decision.rulebook.id} {decision.rulebook.version} ({decision.rulebook.status})",
        f"  {_HELP['certain'].get(lang)}: {_level(decision.certain_level, lang)}"
        f"   {_HELP['possible'].get(lang)}: {_level(decision.possible_level, lang)}"
        + (f"   M4 #{decision.m4_year}" if decision.m4_year else ""),
    ]
    marks = {"pass": "✓", "fail": "✗", "unknown": "?", "not_applicable": "–"}
    for milestone in decision.milestones:
        lines.append(f"  {marks[milestone.outcome.value]} {milestone.id}")
        for crit in milestone.criteria:
            message = crit.message.get(lang) if crit.message else crit.id
            observed = (
                f" [{crit.observed}{' ' + crit.unit if crit.unit else ''}]" if crit.observed else ""
            )
            lines.append(f"      {marks[crit.outcome.value]} {crit.id}: {message}{observed}")
            if crit.gap is not None and crit.outcome.value in ("fail", "unknown"):
                lines.append(f"          → {crit.gap.text.get(lang)}")
    if decision.blocking:
        lines.append(
            f"  {_HELP['blocking'].get(lang)} ({decision.next_milestone}): {', '.join(decision.blocking)}"
        )
    if decision.missing:
        lines.append(f"  {_HELP['missing'].get(lang)}:")
        lines.extend(f"    - {m.text.get(lang)} ({m.key}; {m.settles})" for m in decision.missing)
    lines.append(f"  {_HELP['designation'].get(lang)}: {decision.designation_check.text.get(lang)}")
    return "\n".join(lines)


def _cmd_evaluate(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    from sanitasi_core.exceptions import SanitasiError  # noqa: PLC0415
    from sanitasi_core.rulebooks import (  # noqa: PLC0415
        decision_to_dict,
        default_rulebooks,
        load_rulebook_file,
    )
    from sanitasi_core.rules import RulebookSet  # noqa: PLC0415
    from sanitasi_core.serialization import load_dossier  # noqa: PLC0415

    try:
        books = (
            RulebookSet([load_rulebook_file(args.rulebook)])
            if args.rulebook
            else default_rulebooks()
        )
        engine = books.in_force(args.as_of)
    except SanitasiError as exc:
        print(_message(exc, lang), file=err)
        return EXIT_USAGE
    status = EXIT_OK
    decisions: list[Any] = []
    for path in args.files:
        try:
            document = _read(path)
        except OSError as exc:
            print(f"{path}: {_HELP['unreadable'].get(lang)}: {exc.strerror or exc}", file=err)
            status = max(status, EXIT_USAGE)
            continue
        try:
            decisions.append(
                engine.evaluate(load_dossier(document, source=str(path)), as_of=args.as_of)
            )
        except SanitasiError as exc:
            print(f"{path}: {_HELP['invalid'].get(lang)}", file=err)
            print(_message(exc, lang), file=err)
            status = max(status, EXIT_INVALID)
    if args.format == "json":
        payload = [decision_to_dict(d) for d in decisions]
        content = json.dumps(
            payload[0] if len(args.files) == 1 and payload else payload,
            ensure_ascii=False,
            indent=2,
        )
    else:
        content = "\n\n".join(_render_text(d, lang) for d in decisions)
    if args.output is not None:
        write_atomic(args.output, content + "\n")
    elif content:
        print(content, file=out)
    return status


def _cmd_rulebook_check(files: Sequence[Path], lang: Lang, out: TextIO) -> int:
    from sanitasi_core.exceptions import RulebookError  # noqa: PLC0415
    from sanitasi_core.rulebooks import load_rulebook_file  # noqa: PLC0415

    status = EXIT_OK
    for path in files:
        try:
            book = load_rulebook_file(path)
        except RulebookError as exc:
            print(f"{path}: {_HELP['invalid'].get(lang)}", file=out)
            for problem in exc.problems:
                print(f"  {problem.render(lang)}", file=out)
            unreadable = any(p.code == "unreadable_file" for p in exc.problems)
            status = max(status, EXIT_USAGE if unreadable else EXIT_INVALID)
        else:
            criteria = sum(len(m.criteria) for m in book.milestones)
            print(
                f"{path}: {_HELP['valid'].get(lang)} ({book.id} {book.version}, {book.status}, {criteria})",
                file=out,
            )
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
    if args.command == "evaluate":
        return _cmd_evaluate(args, lang, out, err)
    if args.command == "rulebook":
        return _cmd_rulebook_check(args.files, lang, out)
    return _cmd_schema(out)
