"""Commands on dossiers: ``validate``, ``evaluate``, ``explain``, ``schema`` and ``example``."""

from __future__ import annotations

import argparse
import itertools
import json
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TextIO

import attrs

from sanitasi_core._messages import render
from sanitasi_core._text import Lang, Text
from sanitasi_core.cli._base import (
    EXIT_INVALID,
    EXIT_USAGE,
    Command,
    Context,
    deliver,
    deliver_stream,
    documents,
    emit,
    engine,
    error_text,
    files,
    reason,
    terminal,
    wants_color,
    write_atomic,
)
from sanitasi_core.cli._parser import help_text

if TYPE_CHECKING:
    from sanitasi_core.reports.summary import Entry
    from sanitasi_core.rules import CompiledRulebook

__all__ = ["COMMANDS"]

_FORMATS_EVALUATE: Final = ("text", "json", "csv", "markdown", "html")
_FORMATS_EXPLAIN: Final = ("text", "markdown", "json")
_FORMATS_VALIDATE: Final = ("text", "json")
_SCHEMA_KINDS: Final = ("dossier", "decision", "rulebook", "ladder-result", "problems")
"""The kinds ``sanitasi schema`` prints (:data:`sanitasi_core.contracts.SCHEMA_KINDS`)."""
_MILESTONES: Final = ("M1", "M2", "M3", "M4")


class _Progress:
    """A progress bar on standard error: files done, and inputs read so far.

    Shown only when standard error is a terminal and the report does not go to that terminal
    too; redrawn after each file and every 256 inputs (a JSON Lines file may hold many).
    """

    def __init__(self, total: int, stream: TextIO, *, quiet: bool = False) -> None:
        isatty = getattr(stream, "isatty", None)
        self.enabled = not quiet and total > 0 and callable(isatty) and bool(isatty())
        self.total, self.stream, self.done, self.inputs = total, stream, 0, 0

    def _draw(self) -> None:
        if self.enabled:
            filled = 30 * self.done // max(self.total, 1)
            bar = f"[{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total}"
            self.stream.write(f"\r{bar} ({self.inputs})")
            self.stream.flush()

    def tick(self) -> None:
        """One more input read."""
        self.inputs += 1
        if not self.inputs % 256:
            self._draw()

    def step(self) -> None:
        """One more file done."""
        self.done += 1
        self._draw()

    def close(self) -> None:
        """Clear the bar (before a message, and at the end)."""
        if self.enabled:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()


def _inputs(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH", help=help_text("inputs", lang)
    )


def _validate_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    _inputs(parser, lang)
    parser.add_argument(
        "--format", choices=_FORMATS_VALIDATE, default="text", help=help_text("format", lang)
    )


@attrs.define
class _Recording(Context):
    """A context that also keeps the problems document of each input that cannot be read."""

    pending: list[dict[str, Any]] = attrs.field(factory=list)

    def unreadable(self, source: object, why: object) -> None:
        """Report an input that cannot be read (exit 2), and keep its problems document."""
        from sanitasi_core._messages import text  # noqa: PLC0415
        from sanitasi_core.exceptions import Problem  # noqa: PLC0415
        from sanitasi_core.serialization import problems_to_dict  # noqa: PLC0415

        said = text("cli_unreadable")
        # The library gives its reasons in both languages; the system's words stay as they are.
        reason = why if isinstance(why, Text) else Text(id=str(why), en=str(why))
        found = Text(id=f"{said.id}: {reason.id}", en=f"{said.en}: {reason.en}")
        problem = Problem(path="", code="cli_unreadable", text=found)
        self.pending.append(problems_to_dict(str(source), [problem]))
        super().unreadable(source, why)

    def drain(self) -> Iterator[tuple[dict[str, Any], list[str]]]:
        """Yield the kept documents of unreadable inputs (no text: stderr said it), once."""
        while self.pending:
            yield self.pending.pop(0), []


def _checked(paths: list[Path], run: _Recording) -> Iterator[tuple[dict[str, Any], list[str]]]:
    """Yield each input's problems document and its lines of the text report, in order read."""
    from sanitasi_core.exceptions import SanitasiError  # noqa: PLC0415
    from sanitasi_core.reports import failure_of  # noqa: PLC0415
    from sanitasi_core.serialization import load_dossier, problems_to_dict  # noqa: PLC0415

    lang = run.lang
    # Path by path, so that an unreadable folder keeps its place among the inputs.
    for given in paths:
        for path in files([given], run):
            for source, document in documents(path, run):
                yield from run.drain()
                try:
                    load_dossier(document, source=source)
                except SanitasiError as error:
                    run.worse(EXIT_INVALID)
                    failure = failure_of(source, error)
                    lines = [f"{source}: {render('cli_invalid', lang)}"]
                    lines += [f"  {line}" for line in error_text(error, lang).splitlines()]
                    yield problems_to_dict(source, failure.problems, omitted=failure.omitted), lines
                else:
                    yield problems_to_dict(source, []), [f"{source}: {render('cli_valid', lang)}"]
            yield from run.drain()
        yield from run.drain()


def _validate(args: argparse.Namespace, ctx: Context) -> int:
    from sanitasi_core.serialization import stream_validation  # noqa: PLC0415

    run = _Recording(lang=ctx.lang, out=ctx.out, err=ctx.err, status=ctx.status)
    checked = _checked(args.paths, run)
    # Written as the inputs are read: a large JSON Lines file is never held whole.
    pieces = (
        stream_validation(document for document, _ in checked)
        if args.format == "json"
        else ("".join(f"{terminal(line)}\n" for line in lines) for _, lines in checked)
    )
    deliver_stream(args, run, pieces)
    ctx.worse(run.status)
    return ctx.status


def _evaluate_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    _inputs(parser, lang)
    h = help_text
    parser.add_argument(
        "--format", choices=_FORMATS_EVALUATE, default="text", help=h("format", lang)
    )
    parser.add_argument("--detail", action="store_true", help=h("detail", lang))


def _entries(args: argparse.Namespace, ctx: Context, compiled: CompiledRulebook) -> Iterator[Entry]:
    """Read and evaluate the inputs one at a time, in source order, reporting failures."""
    from sanitasi_core.batch import (  # noqa: PLC0415
        Input,
        evaluate_input,
        input_files,
        read_file,
    )
    from sanitasi_core.reports import Failure  # noqa: PLC0415

    listed = input_files(args.paths, sort=True)
    isatty = getattr(ctx.out, "isatty", None)
    # The report going to the terminal too, the bar would be drawn over it.
    to_terminal = args.output is None and callable(isatty) and bool(isatty())
    progress = _Progress(len(listed), ctx.err, quiet=to_terminal)
    try:
        for path, refused in listed:
            inputs = [Input(str(path), refused, path)] if refused is not None else read_file(path)
            for item in inputs:
                entry = evaluate_input(
                    compiled, item, as_of=args.as_of, fiscal_year=args.fiscal_year
                )
                progress.tick()
                if isinstance(item.content, bytes) and isinstance(entry.result, Failure):
                    progress.close()
                    ctx.invalid(entry.source, entry.result.message.get(ctx.lang))
                elif not isinstance(item.content, bytes):
                    progress.close()
                    ctx.unreadable(item.source, item.content.text)
                yield entry
            progress.step()
    finally:
        progress.close()


def _evaluate(args: argparse.Namespace, ctx: Context) -> int:
    from sanitasi_core import reports  # noqa: PLC0415
    from sanitasi_core.reports.csv import stream_csv  # noqa: PLC0415
    from sanitasi_core.reports.html import stream_batch_page  # noqa: PLC0415
    from sanitasi_core.reports.markdown import stream_batch_markdown  # noqa: PLC0415
    from sanitasi_core.reports.records import stream_json  # noqa: PLC0415
    from sanitasi_core.reports.text import stream_batch_text  # noqa: PLC0415
    from sanitasi_core.rules import Decision  # noqa: PLC0415

    compiled = engine(args, ctx)
    if compiled is None:
        return ctx.status
    lang, fmt = ctx.lang, args.format
    entries = _entries(args, ctx, compiled)
    # Two entries are looked at first: one decision alone gets the single-dossier report.
    first = list(itertools.islice(entries, 2))
    only = first[0].result if len(first) == 1 else None
    stream = itertools.chain(first, entries)
    as_of, year = args.as_of, args.fiscal_year
    pieces: Iterable[str]
    if fmt == "json":
        pieces = stream_json(stream)
    elif fmt == "csv":
        sep = args.sep or (";" if args.decimal_comma else ",")
        pieces = stream_csv(
            stream,
            lang,
            detail=args.detail,
            decimal_comma=args.decimal_comma,
            sep=sep,
            bom=args.bom,
        )
    elif isinstance(only, Decision):
        if fmt == "markdown":
            pieces = [reports.decision_markdown(only, lang, level=1)]
        elif fmt == "html":
            pieces = [reports.decision_page(only, lang)]
        else:
            color = args.output is None and wants_color(ctx.out)
            pieces = [reports.decision_text(only, lang, color=color)]
    elif fmt == "markdown":
        pieces = stream_batch_markdown(
            stream, as_of=as_of, fiscal_year=year, lang=lang, detail=args.detail
        )
    elif fmt == "html":
        pieces = stream_batch_page(stream, as_of=as_of, fiscal_year=year, lang=lang)
    else:
        color = args.output is None and wants_color(ctx.out)
        pieces = stream_batch_text(
            stream, as_of=as_of, fiscal_year=year, lang=lang, color=color, detail=args.detail
        )
    return deliver_stream(args, ctx, pieces)


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


def _schema_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "kind",
        nargs="?",
        choices=_SCHEMA_KINDS,
        default="dossier",
        metavar="KIND",
        help=help_text("schema_kind", lang),
    )


def _schema(args: argparse.Namespace, ctx: Context) -> int:
    from sanitasi_core.contracts import json_schema  # noqa: PLC0415

    return deliver(args, ctx, json.dumps(json_schema(args.kind), indent=2, ensure_ascii=False))


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
    Command(name="validate", run=_validate, arguments=_validate_arguments, shared=("output",)),
    Command(name="schema", run=_schema, arguments=_schema_arguments, shared=("output",)),
)
"""The dossier commands, in the order ``--help`` lists them."""

EXAMPLE: Final = Command(name="example", run=_example, arguments=_example_arguments)
"""``sanitasi example DIR``: write the bundled example dossiers."""
