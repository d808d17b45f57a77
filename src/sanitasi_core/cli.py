"""The ``sanitasi`` command line: ``main(argv) -> int``.

Commands: ``evaluate``, ``explain``, ``validate``, ``schema``, ``rulebook check|show|table|diff``,
``indicators``, ``example`` and ``access``. Every message and help text exists in Bahasa
Indonesia and English (``--lang id|en``, before or after the command; by default from ``LANG``,
falling back to ``id``).

Exit codes: 0 all good; 1 some input (a file in a batch, a line of a JSON Lines file, a household
row) was invalid, the others were still processed; 2 usage error, or input or output that cannot
be read or written. Bad input never produces a traceback.

This module is the one place that reads the clock: ``--as-of`` defaults to today, and the date
used is printed in every output format.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

import attrs

from sanitasi_core._messages import render
from sanitasi_core._text import Lang

if TYPE_CHECKING:
    from sanitasi_core.rules import CompiledRulebook, Rulebook

__all__ = ["EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "main", "write_atomic"]

EXIT_OK = 0
"""Everything was processed and valid."""
EXIT_INVALID = 1
"""Some input was invalid; the rest was processed."""
EXIT_USAGE = 2
"""Usage error, or input or output that cannot be read or written."""

_FORMATS_EVALUATE = ("text", "json", "csv", "markdown", "html")
_FORMATS_EXPLAIN = ("text", "markdown", "json")
_MILESTONES = ("M1", "M2", "M3", "M4")


_m = render


def _h(key: str, lang: Lang) -> str:
    return _m(f"cli_help_{key}", lang)


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


# --------------------------------------------------------------------------------------------
# The parser, in either language
# --------------------------------------------------------------------------------------------

_ARGPARSE_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^the following arguments are required: (?P<names>.*)$"), "cli_arg_required"),
    (re.compile(r"^unrecognized arguments: (?P<names>.*)$"), "cli_arg_unrecognized"),
    (
        re.compile(r"^invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)$"),
        "cli_arg_invalid_choice",
    ),
    (re.compile(r"^expected one argument$"), "cli_arg_one"),
    (re.compile(r"^expected at least one argument$"), "cli_arg_at_least_one"),
    (re.compile(r"^invalid (?P<kind>\S+) value: (?P<value>.*)$"), "cli_arg_invalid_value"),
    (
        re.compile(r"^ambiguous option: (?P<option>\S+) could match (?P<matches>.*)$"),
        "cli_arg_ambiguous",
    ),
)
_ARGUMENT_PREFIX = re.compile(r"^argument (?P<name>[^:]+): (?P<message>.*)$", re.DOTALL)


def _translate(message: str, lang: Lang) -> str:
    """Put an argparse error message into *lang* where its wording is known."""
    if lang == "en":
        return message
    prefixed = _ARGUMENT_PREFIX.match(message)
    if prefixed:
        inner = _translate(prefixed["message"], lang)
        return _m("cli_arg_prefix", lang, name=prefixed["name"], message=inner)
    for pattern, code in _ARGPARSE_MESSAGES:
        match = pattern.match(message)
        if match:
            return _m(code, lang, **match.groupdict())
    return message


def _parser_class(lang: Lang) -> type[argparse.ArgumentParser]:
    class Parser(argparse.ArgumentParser):
        """An argument parser whose headings, help and errors are in *lang*."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("epilog", _h("exit_codes", lang))
            super().__init__(*args, **kwargs)
            self._positionals.title = _h("positionals", lang)
            self._optionals.title = _h("options", lang)
            for action in self._actions:
                if isinstance(action, argparse._HelpAction):
                    action.help = _h("help", lang)

        def error(self, message: str) -> NoReturn:
            self.print_usage(sys.stderr)
            self.exit(
                EXIT_USAGE, f"{self.prog}: {_m('cli_error', lang)}: {_translate(message, lang)}\n"
            )

    return Parser


def _date_arg(lang: Lang) -> Callable[[str], dt.date]:
    def parse(value: str) -> dt.date:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise argparse.ArgumentTypeError(_m("cli_bad_date", lang, value=value)) from None

    return parse


def _sep_arg(lang: Lang) -> Callable[[str], str]:
    def parse(value: str) -> str:
        value = {"\\t": "\t", "tab": "\t"}.get(value, value)
        if len(value) != 1 or value in '\r\n"':
            raise argparse.ArgumentTypeError(_m("cli_bad_sep", lang, value=value))
        return value

    return parse


def _build_parser(lang: Lang) -> argparse.ArgumentParser:
    def h(key: str) -> str:
        return _h(key, lang)

    parser_class = _parser_class(lang)
    # --lang is accepted before or after the command.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=("id", "en"), default=argparse.SUPPRESS, help=h("lang"))
    output = argparse.ArgumentParser(add_help=False)
    output.add_argument("--output", "-o", type=Path, metavar="FILE", help=h("output"))
    dated = argparse.ArgumentParser(add_help=False)
    dated.add_argument("--as-of", type=_date_arg(lang), metavar="YYYY-MM-DD", help=h("as_of"))
    dated.add_argument("--fiscal-year", type=int, metavar="YEAR", help=h("fiscal_year"))
    dated.add_argument("--rulebook", metavar="FILE|VERSION", help=h("rulebook_file"))
    spreadsheet = argparse.ArgumentParser(add_help=False)
    spreadsheet.add_argument("--bom", action="store_true", help=h("bom"))
    spreadsheet.add_argument("--sep", type=_sep_arg(lang), metavar="CHAR", help=h("sep"))
    spreadsheet.add_argument("--decimal-comma", action="store_true", help=h("decimal_comma"))

    parser = parser_class(prog="sanitasi", description=h("prog"), parents=[common])
    parser.set_defaults(lang=lang)
    metavar = "PERINTAH" if lang == "id" else "COMMAND"
    sub = parser.add_subparsers(dest="command", required=True, metavar=metavar, title=h("commands"))

    def command(name: str, parents: Sequence[argparse.ArgumentParser] = ()) -> Any:
        return sub.add_parser(name, parents=[common, *parents], help=h(name), description=h(name))

    evaluate = command("evaluate", [dated, output, spreadsheet])
    evaluate.add_argument("paths", nargs="+", type=Path, metavar="PATH", help=h("inputs"))
    evaluate.add_argument("--format", choices=_FORMATS_EVALUATE, default="text", help=h("format"))
    evaluate.add_argument("--detail", action="store_true", help=h("detail"))

    explain = command("explain", [dated, output])
    explain.add_argument("file", type=Path, metavar="FILE", help=h("explain_file"))
    explain.add_argument("--milestone", required=True, choices=_MILESTONES, help=h("milestone"))
    explain.add_argument("--format", choices=_FORMATS_EXPLAIN, default="text", help=h("format"))

    validate = command("validate")
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH", help=h("inputs"))

    command("schema", [output])

    rulebook = command("rulebook")
    rb_metavar = "PERINTAH" if lang == "id" else "COMMAND"
    rb_sub = rulebook.add_subparsers(
        dest="rulebook_command", required=True, metavar=rb_metavar, title=h("commands")
    )

    def rb_command(name: str, parents: Sequence[argparse.ArgumentParser] = ()) -> Any:
        key = f"rulebook_{name}"
        return rb_sub.add_parser(name, parents=[common, *parents], help=h(key), description=h(key))

    check = rb_command("check")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE", help=h("rulebook_files"))
    show = rb_command("show", [output])
    show.add_argument("file", nargs="?", metavar="FILE|VERSION", help=h("rulebook_optional"))
    show.add_argument("--format", choices=("text", "json"), default="text", help=h("format"))
    table = rb_command("table", [output, spreadsheet])
    table.add_argument("file", nargs="?", metavar="FILE|VERSION", help=h("rulebook_optional"))
    table.add_argument(
        "--format", choices=("markdown", "csv"), default="markdown", help=h("format")
    )
    diff = rb_command("diff", [output])
    diff.add_argument("before", metavar="A", help=h("diff_before"))
    diff.add_argument("after", metavar="B", help=h("diff_after"))
    diff.add_argument("paths", nargs="+", type=Path, metavar="PATH", help=h("inputs"))
    diff.add_argument("--as-of", type=_date_arg(lang), metavar="YYYY-MM-DD", help=h("as_of"))
    diff.add_argument("--fiscal-year", type=int, metavar="YEAR", help=h("fiscal_year"))
    diff.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", help=h("format")
    )

    indicators = command("indicators", [output])
    indicators.add_argument("--format", choices=("text", "json"), default="text", help=h("format"))

    example = command("example")
    example.add_argument("directory", type=Path, metavar="DIR", help=h("example_dir"))
    example.add_argument("--force", action="store_true", help=h("force"))

    access = command("access", [output, spreadsheet])
    access.add_argument("file", type=Path, metavar="FILE", help=h("access_file"))
    access.add_argument(
        "--format", choices=("text", "json", "csv"), default="text", help=h("format")
    )
    return parser


# --------------------------------------------------------------------------------------------
# Input and output
# --------------------------------------------------------------------------------------------


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, content: str) -> None:
    """Write *content* to *path* through a temporary file in the same folder and a rename.

    On any failure the temporary file is removed and *path* is left as it was.
    """
    handle, temp = tempfile.mkstemp(
        dir=path.parent or Path(), prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(content)
        # mkstemp creates the file private (0600); a report is meant to be shared, so give it
        # the mode of the file it replaces, or what the umask allows for a new file.
        Path(temp).chmod(_mode_for(path))
        Path(temp).replace(path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


@attrs.define
class _Context:
    lang: Lang
    out: TextIO
    err: TextIO
    status: int = EXIT_OK

    def worse(self, status: int) -> None:
        self.status = max(self.status, status)

    def say(self, text: str) -> None:
        _emit(self.err, text + "\n")

    def unreadable(self, source: object, reason: object) -> None:
        self.say(f"{source}: {_m('cli_unreadable', self.lang)}: {reason}")
        self.worse(EXIT_USAGE)

    def invalid(self, source: object, details: str) -> None:
        self.say(f"{source}: {_m('cli_invalid', self.lang)}")
        for line in details.splitlines():
            self.say(f"  {line}")
        self.worse(EXIT_INVALID)


def _emit(stream: TextIO, text: str) -> None:
    """Write *text*; characters the stream cannot encode are replaced, never a traceback."""
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "replace").decode(encoding))
    stream.flush()


def _deliver(args: argparse.Namespace, ctx: _Context, content: str) -> int:
    """Write *content* to ``--output`` (atomically) or to standard output."""
    if content and not content.endswith("\n"):
        content += "\n"
    target: Path | None = getattr(args, "output", None)
    if target is None:
        _emit(ctx.out, content)
        return ctx.status
    try:
        write_atomic(target, content)
    except OSError as error:
        ctx.say(_m("cli_output_failed", ctx.lang, path=target, reason=error.strerror or error))
        ctx.worse(EXIT_USAGE)
    return ctx.status


def _reason(error: OSError) -> str:
    return str(error.strerror or error)


def _files(paths: Sequence[Path], ctx: _Context) -> list[Path]:
    """Expand folders (every ``*.json`` inside, sorted by name); an empty folder is unreadable."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            try:
                inside = sorted(
                    (p for p in path.iterdir() if p.suffix.lower() == ".json" and p.is_file()),
                    key=lambda p: p.name,
                )
            except OSError as error:
                ctx.unreadable(path, _reason(error))
                continue
            if not inside:
                ctx.unreadable(path, _m("cli_no_json_in_folder", ctx.lang))
            files.extend(inside)
        else:
            files.append(path)
    return files


def _documents(path: Path, ctx: _Context) -> Iterator[tuple[str, bytes]]:
    """Yield ``(source, document)``: the file, or each non-blank line of a ``.jsonl`` file."""
    try:
        data = path.read_bytes()
    except OSError as error:
        ctx.unreadable(path, _reason(error))
        return
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        for number, line in enumerate(data.splitlines(), start=1):
            if line.strip():
                yield f"{path}:{number}", line
    else:
        yield str(path), data


class _Progress:
    """A progress bar on standard error, shown only when it is a terminal."""

    def __init__(self, total: int, stream: TextIO) -> None:
        isatty = getattr(stream, "isatty", None)
        self.enabled = total > 1 and callable(isatty) and bool(isatty())
        self.total, self.stream, self.done = total, stream, 0

    def step(self) -> None:
        self.done += 1
        if self.enabled:
            filled = 30 * self.done // max(self.total, 1)
            self.stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total}")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 50 + "\r")
            self.stream.flush()


def _wants_color(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return callable(isatty) and bool(isatty()) and not os.environ.get("NO_COLOR")


def _bundled_or_file(path: Path | str) -> Rulebook:
    """A bundled version (``2020.1``: applied on any date) or a rulebook file."""
    from sanitasi_core.rulebooks import (  # noqa: PLC0415
        BUNDLED,
        default_rulebook,
        load_rulebook_file,
    )

    name = str(path)
    if name == "default":
        return default_rulebook()
    if name in BUNDLED and not Path(name).exists():
        # Chosen by name, a bundled rulebook is the user's choice for every date.
        return attrs.evolve(default_rulebook(name), valid_to=None)
    return load_rulebook_file(path)


def _load_rulebook(path: Path | str | None, ctx: _Context) -> Rulebook | None:
    from sanitasi_core.exceptions import SanitasiError  # noqa: PLC0415
    from sanitasi_core.rulebooks import default_rulebook  # noqa: PLC0415

    try:
        if path is None:
            return default_rulebook()
        return _bundled_or_file(path)
    except SanitasiError as error:
        ctx.say(_error_text(error, ctx.lang))
        ctx.worse(EXIT_USAGE)
        return None


def _engine(args: argparse.Namespace, ctx: _Context) -> CompiledRulebook | None:
    from sanitasi_core.exceptions import SanitasiError  # noqa: PLC0415
    from sanitasi_core.rulebooks import default_rulebooks  # noqa: PLC0415
    from sanitasi_core.rules import RulebookSet, rules_date  # noqa: PLC0415

    try:
        books = (
            RulebookSet([_bundled_or_file(args.rulebook)]) if args.rulebook else default_rulebooks()
        )
        return books.in_force(rules_date(args.as_of, args.fiscal_year))
    except SanitasiError as error:
        ctx.say(_error_text(error, ctx.lang))
        ctx.worse(EXIT_USAGE)
        return None


def _error_text(error: BaseException, lang: Lang) -> str:
    from sanitasi_core.reports import failure_message  # noqa: PLC0415

    return failure_message(error).get(lang)


# --------------------------------------------------------------------------------------------
# Commands
# --------------------------------------------------------------------------------------------


def _cmd_validate(args: argparse.Namespace, ctx: _Context) -> int:
    from sanitasi_core.exceptions import SanitasiError  # noqa: PLC0415
    from sanitasi_core.serialization import load_dossier  # noqa: PLC0415

    for path in _files(args.paths, ctx):
        for source, document in _documents(path, ctx):
            try:
                load_dossier(document, source=source)
            except SanitasiError as error:
                _emit(ctx.out, f"{source}: {_m('cli_invalid', ctx.lang)}\n")
                for line in _error_text(error, ctx.lang).splitlines():
                    _emit(ctx.out, f"  {line}\n")
                ctx.worse(EXIT_INVALID)
            else:
                _emit(ctx.out, f"{source}: {_m('cli_valid', ctx.lang)}\n")
    return ctx.status


def _cmd_evaluate(args: argparse.Namespace, ctx: _Context) -> int:
    from sanitasi_core import reports  # noqa: PLC0415
    from sanitasi_core.batch import Batch  # noqa: PLC0415

    engine = _engine(args, ctx)
    if engine is None:
        return ctx.status
    lang = ctx.lang
    files = _files(args.paths, ctx)
    batch = Batch(engine, args.as_of, fiscal_year=args.fiscal_year)
    progress = _Progress(len(files), ctx.err)
    inputs = 0
    for path in files:
        for source, document in _documents(path, ctx):
            inputs += 1
            batch.evaluate(source, document)
        progress.step()
    progress.close()
    result = batch.result(lang=lang)
    for failure in result.failures:
        ctx.invalid(failure.source, failure.message.get(lang))
    single = inputs == 1 and len(result.decisions) == 1
    fmt = args.format
    if fmt == "json":
        content = reports.decisions_json(result.decisions)
    elif fmt == "csv":
        rows = reports.csv_rows(
            result.decisions, lang, detail=args.detail, decimal_comma=args.decimal_comma
        )
        sep = args.sep or (";" if args.decimal_comma else ",")
        content = reports.to_csv(rows, sep=sep, bom=args.bom)
    elif fmt == "markdown":
        content = (
            reports.decision_markdown(result.decisions[0], lang, level=1)
            if single
            else reports.batch_markdown(result, lang, detail=args.detail)
        )
    elif fmt == "html":
        content = (
            reports.decision_page(result.decisions[0], lang)
            if single
            else reports.batch_page(result, lang)
        )
    else:
        color = args.output is None and _wants_color(ctx.out)
        content = (
            reports.decision_text(result.decisions[0], lang, color=color)
            if single
            else reports.batch_text(result, lang, color=color, detail=args.detail)
        )
    return _deliver(args, ctx, content)


def _cmd_explain(args: argparse.Namespace, ctx: _Context) -> int:
    from sanitasi_core import reports  # noqa: PLC0415
    from sanitasi_core.exceptions import SanitasiError  # noqa: PLC0415
    from sanitasi_core.serialization import load_dossier  # noqa: PLC0415

    engine = _engine(args, ctx)
    if engine is None:
        return ctx.status
    documents = list(_documents(args.file, ctx))
    if ctx.status:
        return ctx.status
    if len(documents) != 1:
        ctx.say(_m("cli_explain_one", ctx.lang, path=args.file, count=len(documents)))
        ctx.worse(EXIT_USAGE)
        return ctx.status
    source, document = documents[0]
    try:
        decision = engine.evaluate(
            load_dossier(document, source=source),
            as_of=args.as_of,
            fiscal_year=args.fiscal_year,
        )
    except SanitasiError as error:
        ctx.invalid(source, _error_text(error, ctx.lang))
        return ctx.status
    if all(m.id != args.milestone for m in decision.milestones):
        ctx.say(
            _m("cli_no_milestone", ctx.lang, milestone=args.milestone, rulebook=engine.rulebook.id)
        )
        ctx.worse(EXIT_USAGE)
        return ctx.status
    book = engine.rulebook
    if args.format == "json":
        content = json.dumps(
            reports.explain_dict(decision, args.milestone, rulebook=book),
            ensure_ascii=False,
            indent=2,
        )
    elif args.format == "markdown":
        content = reports.explain_markdown(decision, args.milestone, ctx.lang, rulebook=book)
    else:
        content = reports.explain_text(decision, args.milestone, ctx.lang, rulebook=book)
    return _deliver(args, ctx, content)


def _cmd_schema(args: argparse.Namespace, ctx: _Context) -> int:
    from sanitasi_core.serialization import dossier_json_schema  # noqa: PLC0415

    return _deliver(args, ctx, json.dumps(dossier_json_schema(), indent=2, ensure_ascii=False))


def _cmd_rulebook_check(args: argparse.Namespace, ctx: _Context) -> int:
    from sanitasi_core.exceptions import RulebookError  # noqa: PLC0415
    from sanitasi_core.rulebooks import load_rulebook_file  # noqa: PLC0415

    lang = ctx.lang
    for path in args.files:
        try:
            book = load_rulebook_file(path)
        except RulebookError as error:
            _emit(ctx.out, f"{path}: {_m('cli_invalid', lang)}\n")
            for problem in error.problems:
                _emit(ctx.out, f"  {problem.render(lang)}\n")
            unreadable = any(p.code == "unreadable_file" for p in error.problems)
            ctx.worse(EXIT_USAGE if unreadable else EXIT_INVALID)
        else:
            criteria = sum(len(m.criteria) for m in book.milestones)
            status = _m(f"report_status_{book.status.value}", lang)
            _emit(
                ctx.out,
                f"{path}: {_m('cli_valid', lang)} ({book.id} {book.version}, {status}, "
                f"{_m('cli_criteria_count', lang, count=criteria)})\n",
            )
    return ctx.status


def _cmd_rulebook_show(args: argparse.Namespace, ctx: _Context) -> int:
    from sanitasi_core import reports  # noqa: PLC0415
    from sanitasi_core.rulebooks import dump_rulebook  # noqa: PLC0415

    book = _load_rulebook(args.file, ctx)
    if book is None:
        return ctx.status
    content = (
        dump_rulebook(book) if args.format == "json" else reports.rulebook_text(book, ctx.lang)
    )
    return _deliver(args, ctx, content)


def _cmd_rulebook_table(args: argparse.Namespace, ctx: _Context) -> int:
    from sanitasi_core import reports  # noqa: PLC0415

    book = _load_rulebook(args.file, ctx)
    if book is None:
        return ctx.status
    if args.format == "csv":
        rows = reports.rulebook_table_rows(book, ctx.lang)
        if args.decimal_comma:
            rows = [rows[0], *[[_decimal_comma(cell) for cell in row] for row in rows[1:]]]
        sep = args.sep or (";" if args.decimal_comma else ",")
        content = reports.to_csv(rows, sep=sep, bom=args.bom)
    else:
        content = reports.rulebook_table_markdown(book, ctx.lang)
    return _deliver(args, ctx, content)


_PLAIN_DECIMAL = re.compile(r"^-?[0-9]+\.[0-9]+$")


def _decimal_comma(cell: str) -> str:
    return cell.replace(".", ",") if _PLAIN_DECIMAL.match(cell) else cell


def _cmd_rulebook_diff(args: argparse.Namespace, ctx: _Context) -> int:
    from sanitasi_core import reports  # noqa: PLC0415
    from sanitasi_core.exceptions import SanitasiError  # noqa: PLC0415
    from sanitasi_core.rules import diff_rulebooks  # noqa: PLC0415
    from sanitasi_core.serialization import load_dossier  # noqa: PLC0415

    before = _load_rulebook(args.before, ctx)
    after = _load_rulebook(args.after, ctx)
    if before is None or after is None:
        return ctx.status
    dossiers = []
    for path in _files(args.paths, ctx):
        for source, document in _documents(path, ctx):
            try:
                dossiers.append(load_dossier(document, source=source))
            except SanitasiError as error:
                ctx.invalid(source, _error_text(error, ctx.lang))
    try:
        changes = diff_rulebooks(
            before, after, dossiers, as_of=args.as_of, fiscal_year=args.fiscal_year
        )
    except SanitasiError as error:
        ctx.say(_error_text(error, ctx.lang))
        ctx.worse(EXIT_USAGE)
        return ctx.status
    common: dict[str, Any] = {
        "as_of": args.as_of,
        "before": before,
        "after": after,
        "compared": len(dossiers),
    }
    if args.format == "json":
        content = json.dumps(reports.diff_dict(changes, **common), ensure_ascii=False, indent=2)
    elif args.format == "markdown":
        content = reports.diff_markdown(changes, ctx.lang, **common)
    else:
        content = reports.diff_text(changes, ctx.lang, **common)
    return _deliver(args, ctx, content)


def _cmd_indicators(args: argparse.Namespace, ctx: _Context) -> int:
    from sanitasi_core import reports  # noqa: PLC0415
    from sanitasi_core.indicators import catalogue_as_json  # noqa: PLC0415

    if args.format == "json":
        content = json.dumps(catalogue_as_json(), ensure_ascii=False, indent=2)
    else:
        content = reports.indicators_text(ctx.lang)
    return _deliver(args, ctx, content)


def _example_files() -> list[tuple[str, bytes]]:
    folder = resources.files("sanitasi_core") / "data" / "examples"
    if not folder.is_dir():
        return []
    return sorted(
        (entry.name, entry.read_bytes())
        for entry in folder.iterdir()
        if entry.name.endswith(".json") and entry.is_file()
    )


def _cmd_example(args: argparse.Namespace, ctx: _Context) -> int:
    lang = ctx.lang
    try:
        examples = _example_files()
    except OSError as error:
        ctx.unreadable("sanitasi_core/data/examples", _reason(error))
        return ctx.status
    if not examples:
        ctx.say(_m("cli_no_examples", lang))
        ctx.worse(EXIT_USAGE)
        return ctx.status
    target: Path = args.directory
    existing = [target / name for name, _ in examples if (target / name).exists()]
    if existing and not args.force:
        for path in existing:
            ctx.say(f"{path}: {_m('cli_exists', lang)}")
        ctx.worse(EXIT_USAGE)
        return ctx.status
    try:
        target.mkdir(parents=True, exist_ok=True)
        for name, data in examples:
            write_atomic(target / name, data.decode("utf-8"))
            _emit(ctx.out, _m("cli_written", lang, path=target / name) + "\n")
    except (OSError, UnicodeDecodeError) as error:
        reason = _reason(error) if isinstance(error, OSError) else str(error)
        ctx.say(_m("cli_output_failed", lang, path=target, reason=reason))
        ctx.worse(EXIT_USAGE)
    return ctx.status


def _cmd_access(args: argparse.Namespace, ctx: _Context) -> int:
    from sanitasi_core import reports  # noqa: PLC0415
    from sanitasi_core.exceptions import HouseholdFileError  # noqa: PLC0415
    from sanitasi_core.households import (  # noqa: PLC0415
        ladder_to_csv_rows,
        ladder_to_json,
        ladder_to_text,
        summarise_file,
    )

    lang = ctx.lang
    try:
        report = summarise_file(args.file)
    except HouseholdFileError as error:
        for line in error.render(lang).splitlines():
            ctx.say(line)
        usage = {"household_unreadable", "household_format_guess", "household_format_unknown"}
        unreadable = any(p.code in usage for p in error.problems)
        ctx.worse(EXIT_USAGE if unreadable else EXIT_INVALID)
        return ctx.status
    counts = {"rejected_rows": report.rejected_rows, "rejected_problems": report.rejected_problems}
    if report.rejected_rows:
        ctx.worse(EXIT_INVALID)
        if args.format != "text":
            ctx.say(_m("cli_rows_rejected", lang, path=args.file, count=report.rejected_rows))
            for rejection in report.rejected[:20]:
                ctx.say(f"  {rejection.render(lang)}")
    if args.format == "json":
        data = ladder_to_json(report.summary, report.rejected, **counts)
        content = json.dumps(data, ensure_ascii=False, indent=2)
    elif args.format == "csv":
        rows = ladder_to_csv_rows(report.summary)
        if args.decimal_comma:
            rows = [rows[0], *[[_decimal_comma(cell) for cell in row] for row in rows[1:]]]
        sep = args.sep or (";" if args.decimal_comma else ",")
        content = reports.to_csv(rows, sep=sep, bom=args.bom)
    else:
        content = ladder_to_text(report.summary, report.rejected, lang, **counts)
    return _deliver(args, ctx, content)


_COMMANDS: dict[str, Callable[[argparse.Namespace, _Context], int]] = {
    "validate": _cmd_validate,
    "evaluate": _cmd_evaluate,
    "explain": _cmd_explain,
    "schema": _cmd_schema,
    "indicators": _cmd_indicators,
    "example": _cmd_example,
    "access": _cmd_access,
    "rulebook check": _cmd_rulebook_check,
    "rulebook show": _cmd_rulebook_show,
    "rulebook table": _cmd_rulebook_table,
    "rulebook diff": _cmd_rulebook_diff,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``sanitasi`` command and return its exit code.

    Args:
        argv: the arguments after the program name; ``sys.argv[1:]`` when ``None``.

    Returns:
        0 when everything was valid; 1 when some input was invalid (the rest was processed);
        2 on a usage error or input or output that cannot be read or written.
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = _pre_lang(args_list)
    parser = _build_parser(lang)
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 for --help
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    ctx = _Context(lang=args.lang, out=sys.stdout, err=sys.stderr)
    if getattr(args, "as_of", None) is None and hasattr(args, "as_of"):
        args.as_of = dt.date.today()  # the one place a clock is read; the date is printed
    name = args.command
    if name == "rulebook":
        name = f"rulebook {args.rulebook_command}"
    from sanitasi_core.exceptions import SanitasiError  # noqa: PLC0415

    try:
        return _COMMANDS[name](args, ctx)
    except (SanitasiError, OSError) as error:  # last resort: a message, never a traceback
        ctx.say(_error_text(error, ctx.lang))
        ctx.worse(EXIT_USAGE)
        return ctx.status
