"""Commands on dossiers: ``validate``, ``evaluate``, ``explain``, ``schema`` and ``example``."""

from __future__ import annotations

import argparse
import json
from importlib import resources
from pathlib import Path
from typing import Final, TextIO

from sanitasi_core._messages import render
from sanitasi_core._text import Lang
from sanitasi_core.cli._base import (
    EXIT_INVALID,
    EXIT_USAGE,
    Command,
    Context,
    deliver,
    documents,
    emit,
    engine,
    error_text,
    files,
    reason,
    wants_color,
    write_atomic,
)
from sanitasi_core.cli._parser import help_text

__all__ = ["COMMANDS"]

_FORMATS_EVALUATE: Final = ("text", "json", "csv", "markdown", "html")
_FORMATS_EXPLAIN: Final = ("text", "markdown", "json")
_MILESTONES: Final = ("M1", "M2", "M3", "M4")


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


def _inputs(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH", help=help_text("inputs", lang)
    )


def _validate(args: argparse.Namespace, ctx: Context) -> int:
    from sanitasi_core.exceptions import SanitasiError  # noqa: PLC0415
    from sanitasi_core.serialization import load_dossier  # noqa: PLC0415

    for path in files(args.paths, ctx):
        for source, document in documents(path, ctx):
            try:
                load_dossier(document, source=source)
            except SanitasiError as error:
                emit(ctx.out, f"{source}: {render('cli_invalid', ctx.lang)}\n")
                for line in error_text(error, ctx.lang).splitlines():
                    emit(ctx.out, f"  {line}\n")
                ctx.worse(EXIT_INVALID)
            else:
                emit(ctx.out, f"{source}: {render('cli_valid', ctx.lang)}\n")
    return ctx.status


def _evaluate_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    _inputs(parser, lang)
    h = help_text
    parser.add_argument(
        "--format", choices=_FORMATS_EVALUATE, default="text", help=h("format", lang)
    )
    parser.add_argument("--detail", action="store_true", help=h("detail", lang))


def _evaluate(args: argparse.Namespace, ctx: Context) -> int:
    from sanitasi_core import reports  # noqa: PLC0415
    from sanitasi_core.batch import Batch  # noqa: PLC0415

    compiled = engine(args, ctx)
    if compiled is None:
        return ctx.status
    lang = ctx.lang
    paths = files(args.paths, ctx)
    batch = Batch(compiled, args.as_of, fiscal_year=args.fiscal_year)
    progress = _Progress(len(paths), ctx.err)
    inputs = 0
    for path in paths:
        for source, document in documents(path, ctx):
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
        color = args.output is None and wants_color(ctx.out)
        content = (
            reports.decision_text(result.decisions[0], lang, color=color)
            if single
            else reports.batch_text(result, lang, color=color, detail=args.detail)
        )
    return deliver(args, ctx, content)


def _explain_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    h = help_text
    parser.add_argument("file", type=Path, metavar="FILE", help=h("explain_file", lang))
    parser.add_argument(
        "--milestone", required=True, choices=_MILESTONES, help=h("milestone", lang)
    )
    parser.add_argument(
        "--format", choices=_FORMATS_EXPLAIN, default="text", help=h("format", lang)
    )


def _explain(args: argparse.Namespace, ctx: Context) -> int:
    from sanitasi_core import reports  # noqa: PLC0415
    from sanitasi_core.exceptions import SanitasiError  # noqa: PLC0415
    from sanitasi_core.serialization import load_dossier  # noqa: PLC0415

    compiled = engine(args, ctx)
    if compiled is None:
        return ctx.status
    found = list(documents(args.file, ctx))
    if ctx.status:
        return ctx.status
    if len(found) != 1:
        ctx.say(render("cli_explain_one", ctx.lang, path=args.file, count=len(found)))
        ctx.worse(EXIT_USAGE)
        return ctx.status
    source, document = found[0]
    try:
        decision = compiled.evaluate(
            load_dossier(document, source=source),
            as_of=args.as_of,
            fiscal_year=args.fiscal_year,
        )
    except SanitasiError as error:
        ctx.invalid(source, error_text(error, ctx.lang))
        return ctx.status
    book = compiled.rulebook
    if all(m.id != args.milestone for m in decision.milestones):
        ctx.say(render("cli_no_milestone", ctx.lang, milestone=args.milestone, rulebook=book.id))
        ctx.worse(EXIT_USAGE)
        return ctx.status
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
    return deliver(args, ctx, content)


def _schema(args: argparse.Namespace, ctx: Context) -> int:
    from sanitasi_core.serialization import dossier_json_schema  # noqa: PLC0415

    return deliver(args, ctx, json.dumps(dossier_json_schema(), indent=2, ensure_ascii=False))


def _example_files() -> list[tuple[str, bytes]]:
    folder = resources.files("sanitasi_core") / "data" / "examples"
    if not folder.is_dir():
        return []
    return sorted(
        (entry.name, entry.read_bytes())
        for entry in folder.iterdir()
        if entry.name.endswith(".json") and entry.is_file()
    )


def _example_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("directory", type=Path, metavar="DIR", help=help_text("example_dir", lang))
    parser.add_argument("--force", action="store_true", help=help_text("force", lang))


def _example(args: argparse.Namespace, ctx: Context) -> int:
    lang = ctx.lang
    try:
        examples = _example_files()
    except OSError as error:
        ctx.unreadable("sanitasi_core/data/examples", reason(error))
        return ctx.status
    if not examples:
        ctx.say(render("cli_no_examples", lang))
        ctx.worse(EXIT_USAGE)
        return ctx.status
    target: Path = args.directory
    existing = [target / name for name, _ in examples if (target / name).exists()]
    if existing and not args.force:
        for path in existing:
            ctx.say(f"{path}: {render('cli_exists', lang)}")
        ctx.worse(EXIT_USAGE)
        return ctx.status
    try:
        target.mkdir(parents=True, exist_ok=True)
        for name, data in examples:
            write_atomic(target / name, data.decode("utf-8"))
            emit(ctx.out, render("cli_written", lang, path=target / name) + "\n")
    except (OSError, UnicodeDecodeError) as error:
        why = reason(error) if isinstance(error, OSError) else str(error)
        ctx.say(render("cli_output_failed", lang, path=target, reason=why))
        ctx.worse(EXIT_USAGE)
    return ctx.status


COMMANDS: Final = (
    Command(
        name="evaluate",
        run=_evaluate,
        arguments=_evaluate_arguments,
        shared=("dated", "rulebook", "output", "spreadsheet"),
    ),
    Command(
        name="explain",
        run=_explain,
        arguments=_explain_arguments,
        shared=("dated", "rulebook", "output"),
    ),
    Command(name="validate", run=_validate, arguments=_inputs),
    Command(name="schema", run=_schema, shared=("output",)),
)
"""The dossier commands, in the order ``--help`` lists them."""

EXAMPLE: Final = Command(name="example", run=_example, arguments=_example_arguments)
"""``sanitasi example DIR``: write the bundled example dossiers."""
