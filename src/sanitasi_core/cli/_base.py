"""What every command shares: exit codes, the run's context, reading inputs, writing outputs.

The library is imported inside the functions that need it, not at the top: ``sanitasi --help``
and a usage error then answer without loading the engine, the reports or cattrs.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO

import attrs

from sanitasi_core._messages import render
from sanitasi_core._text import Lang, Text

if TYPE_CHECKING:
    from sanitasi_core.rules import CompiledRulebook, Rulebook

__all__ = [
    "EXIT_INTERNAL",
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "Command",
    "Context",
    "Run",
    "decimal_comma",
    "deliver",
    "deliver_stream",
    "documents",
    "emit",
    "engine",
    "error_text",
    "files",
    "load_rulebook",
    "reason",
    "terminal",
    "wants_color",
    "write_atomic",
]

EXIT_OK: Final = 0
"""Everything was processed and valid."""
EXIT_INVALID: Final = 1
"""Some input was invalid; the rest was processed."""
EXIT_USAGE: Final = 2
"""Usage error, or input or output that cannot be read or written."""
EXIT_INTERNAL: Final = 70
"""An internal error: a bug (``EX_SOFTWARE`` of ``sysexits.h``); please report it."""


@attrs.define
class Context:
    """The state of one run: the language, the streams and the exit status so far."""

    lang: Lang
    out: TextIO
    err: TextIO
    status: int = EXIT_OK

    def worse(self, status: int) -> None:
        """Raise the exit status to *status* (never lower it)."""
        self.status = max(self.status, status)

    def say(self, text: str) -> None:
        """Write a message to standard error, control characters of data shown escaped."""
        emit(self.err, terminal(text) + "\n")

    def unreadable(self, source: object, why: object) -> None:
        """Report an input that cannot be read (exit 2); *why* may be a bilingual text."""
        shown = why.get(self.lang) if isinstance(why, Text) else why
        self.say(f"{source}: {render('cli_unreadable', self.lang)}: {shown}")
        self.worse(EXIT_USAGE)

    def invalid(self, source: object, details: str) -> None:
        """Report an invalid input with its problems, one per line (exit 1)."""
        self.say(f"{source}: {render('cli_invalid', self.lang)}")
        for line in details.splitlines():
            self.say(f"  {line}")
        self.worse(EXIT_INVALID)


def terminal(text: str) -> str:
    r"""*text* as a terminal may show it: each line's control characters escaped (``\x1b``).

    A file name or a value from data can hold an escape sequence; written raw, it would colour
    the terminal, move its cursor or forge a line. The line breaks of *text* itself are kept.
    """
    from sanitasi_core.reports._words import visible  # noqa: PLC0415  # the one escaper

    return "\n".join(visible(line) for line in text.split("\n"))


Run = Callable[[argparse.Namespace, Context], int]
"""A command's body: the parsed arguments and the context in, the exit status out."""


@attrs.frozen(kw_only=True)
class Command:
    """One command of ``sanitasi``: its name, its own arguments and its body.

    Attributes:
        name: ``evaluate``, or ``rulebook check`` for a command of a group.
        run: the body.
        arguments: adds the command's own arguments to its parser, in a language.
        shared: the shared option groups it takes: ``dated`` (``--as-of``, ``--fiscal-year``),
            ``rulebook`` (``--rulebook``), ``output`` (``--output``), ``spreadsheet`` (``--bom``,
            ``--sep``, ``--decimal-comma``).
    """

    name: str
    run: Run
    arguments: Callable[[argparse.ArgumentParser, Lang], None] = lambda _parser, _lang: None
    shared: tuple[str, ...] = ()


def emit(stream: TextIO, text: str) -> None:
    """Write *text*; characters the stream cannot encode are replaced, never a traceback."""
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "replace").decode(encoding))
    stream.flush()


def write_atomic(path: Path, content: str) -> None:
    """Write *content* to *path* safely, as ``--output`` does.

    A regular file is replaced through a temporary file and a rename, keeping its mode and
    owner; a symlink is followed; a device or a FIFO is written directly; a folder, a socket or
    a read-only file is refused. The temporary file never stays behind, also on SIGTERM.

    Raises:
        FileRefused: (a :class:`~sanitasi_core.exceptions.SanitasiError`) with the reason.
    """
    from sanitasi_core import _files  # noqa: PLC0415

    _files.write_atomic(path, content)


def deliver(args: argparse.Namespace, ctx: Context, content: str) -> int:
    """Write *content* to ``--output`` (atomically) or to standard output."""
    if content and not content.endswith("\n"):
        content += "\n"
    target: Path | None = getattr(args, "output", None)
    if target is None:
        emit(ctx.out, content)
        return ctx.status
    from sanitasi_core._files import FileRefused  # noqa: PLC0415

    try:
        write_atomic(target, content)
    except FileRefused as error:
        why = error.text.get(ctx.lang)
        ctx.say(render("cli_output_failed", ctx.lang, path=target, reason=why))
        ctx.worse(EXIT_USAGE)
    except OSError as error:
        ctx.say(render("cli_output_failed", ctx.lang, path=target, reason=reason(error)))
        ctx.worse(EXIT_USAGE)
    return ctx.status


def _silence(stream: TextIO) -> None:
    """Point *stream*'s descriptor at the null device, so that flushing at exit cannot fail."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, stream.fileno())
        finally:
            os.close(null)


def reason(error: OSError) -> str:
    """Why an operation on a file failed, as the system says it."""
    return str(error.strerror or error)


def files(paths: Sequence[Path], ctx: Context, *, sort: bool = False) -> list[Path]:
    """Expand folders (every ``*.json``, ``*.jsonl`` and ``*.ndjson`` inside, sorted by name).

    A folder that cannot be listed or holds no input is reported unreadable (exit 2). The
    expansion is :func:`sanitasi_core.batch.input_files`, which ``load_dossiers`` uses too.

    Args:
        paths: the paths given.
        ctx: the run.
        sort: sort the files by path, so that the order of the arguments does not matter.
    """
    from sanitasi_core.batch import input_files  # noqa: PLC0415

    found: list[Path] = []
    for path, refused in input_files(paths, sort=sort):
        if refused is not None:
            ctx.unreadable(path, refused.text)
        else:
            found.append(path)
    return found


def documents(path: Path, ctx: Context) -> Iterator[tuple[str, bytes]]:
    """Yield ``(source, document)``: the file, or each non-blank line of a ``.jsonl`` file.

    The file is looked at before it is read: a device, a FIFO, a folder or a ``.json`` file
    larger than the format's limit is refused without reading it (exit 2). A JSON Lines file is
    read one line at a time, so it may be of any size; a line longer than the format's limit is
    refused (exit 2) and the lines after it are still read. The reading is
    :func:`sanitasi_core.batch.read_file`, which ``load_dossiers`` uses too.
    """
    from sanitasi_core.batch import read_file  # noqa: PLC0415

    for source, content, _ in read_file(path):
        if isinstance(content, bytes):
            yield source, content
        else:
            ctx.unreadable(source, content.text)


def deliver_stream(args: argparse.Namespace, ctx: Context, pieces: Iterable[str]) -> int:
    """Write *pieces* to ``--output`` (atomically) or to standard output as they come.

    The report is never held whole: on standard output each piece is written at once; with
    ``--output`` the pieces go into the temporary file, which is renamed over the target at the
    end (:func:`sanitasi_core._files.write_atomic_stream`). A line break is added at the end if
    the last piece has none, as :func:`deliver` does.
    """
    ended = [True]

    def tracked() -> Iterator[str]:
        for piece in pieces:
            if piece:
                ended[0] = piece.endswith("\n")
                yield piece
        if not ended[0]:
            yield "\n"

    target: Path | None = getattr(args, "output", None)
    if target is None:
        try:
            for piece in tracked():
                emit(ctx.out, piece)
        except BrokenPipeError:
            # The reader left (``| head``): stop reading inputs, quietly, as other tools do.
            _silence(ctx.out)
        return ctx.status
    from sanitasi_core import _files  # noqa: PLC0415
    from sanitasi_core.exceptions import FileRefused  # noqa: PLC0415

    try:
        _files.write_atomic_stream(target, tracked())
    except FileRefused as error:
        why = error.text.get(ctx.lang)
        ctx.say(render("cli_output_failed", ctx.lang, path=target, reason=why))
        ctx.worse(EXIT_USAGE)
    except OSError as error:
        ctx.say(render("cli_output_failed", ctx.lang, path=target, reason=reason(error)))
        ctx.worse(EXIT_USAGE)
    return ctx.status


def wants_color(stream: TextIO) -> bool:
    """Whether to colour the text written to *stream*: a terminal, and ``NO_COLOR`` unset."""
    isatty = getattr(stream, "isatty", None)
    return callable(isatty) and bool(isatty()) and not os.environ.get("NO_COLOR")


def error_text(error: BaseException, lang: Lang) -> str:
    """The message of *error* in *lang*, every problem on its own line."""
    from sanitasi_core.reports import failure_message  # noqa: PLC0415

    return failure_message(error).get(lang)


_PLAIN_DECIMAL: Final = re.compile(r"^-?[0-9]+\.[0-9]+$")


def decimal_comma(rows: list[list[str]]) -> list[list[str]]:
    """The rows with every plain decimal cell written with a comma (the header is kept)."""

    def cell(value: str) -> str:
        return value.replace(".", ",") if _PLAIN_DECIMAL.match(value) else value

    return [rows[0], *[[cell(value) for value in row] for row in rows[1:]]]


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


def load_rulebook(path: Path | str | None, ctx: Context) -> Rulebook | None:
    """The rulebook named (file or bundled version; the default when ``None``), or ``None``.

    A rulebook that cannot be read or is not valid is reported (exit 2).
    """
    from sanitasi_core.exceptions import SanitasiError  # noqa: PLC0415
    from sanitasi_core.rulebooks import default_rulebook  # noqa: PLC0415

    try:
        if path is None:
            return default_rulebook()
        return _bundled_or_file(path)
    except SanitasiError as error:
        ctx.say(error_text(error, ctx.lang))
        ctx.worse(EXIT_USAGE)
        return None


def engine(args: argparse.Namespace, ctx: Context) -> CompiledRulebook | None:
    """The rulebook in force for ``--as-of`` and ``--fiscal-year`` (or ``--rulebook``), compiled.

    ``None`` when there is none, reported (exit 2).
    """
    from sanitasi_core.exceptions import SanitasiError  # noqa: PLC0415
    from sanitasi_core.rulebooks import default_rulebooks  # noqa: PLC0415
    from sanitasi_core.rules import RulebookSet, rules_date  # noqa: PLC0415

    try:
        books = (
            RulebookSet([_bundled_or_file(args.rulebook)]) if args.rulebook else default_rulebooks()
        )
        return books.in_force(rules_date(args.as_of, args.fiscal_year))
    except SanitasiError as error:
        ctx.say(error_text(error, ctx.lang))
        ctx.worse(EXIT_USAGE)
        return None
