"""The ``sanitasi`` command line: ``main(argv) -> int``.

Commands: ``evaluate``, ``explain``, ``validate``, ``schema``, ``rulebook check|show|table|diff``,
``indicators``, ``example``, ``access`` and ``extract``. Every message and help text exists in
Bahasa Indonesia and English (``--lang id|en``, before or after the command; without it from
``SANITASI_LANG``, then the locale: ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` starting ``id`` give
``id``, anything else or none ``en``).

Exit codes: 0 all good; 1 some input (a file in a batch, a line of a JSON Lines file, a household
row) was invalid, the others were still processed; 2 usage error, or input or output that cannot
be read or written; 70 an internal error (a bug: one line asks for a report with the version,
``--debug`` shows the traceback). Bad input never produces a traceback.

This package is the one place that reads the clock: ``--as-of`` defaults to today, and the date
used is printed in every output format.

The parts: ``_base`` (exit codes, the run's :class:`~sanitasi_core.cli._base.Context`, reading
inputs and writing outputs, the :class:`~sanitasi_core.cli._base.Command` record), ``_parser``
(the parser in either language), and one module per family of commands: ``_dossiers``,
``_rulebooks``, ``_access``, ``_extract``. A new command is a ``Command`` in its family's
module, listed in :data:`COMMANDS` below, with its help text ``cli_help_<name>`` in the message
catalogue.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from typing import Final

from sanitasi_core._messages import render
from sanitasi_core.cli import _access, _charts, _dossiers, _extract, _rulebooks
from sanitasi_core.cli._base import (
    EXIT_INTERNAL,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    Command,
    Context,
    error_text,
    write_atomic,
)
from sanitasi_core.cli._parser import build_parser, package_version, pre_lang

__all__ = ["EXIT_INTERNAL", "EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "main", "write_atomic"]

COMMANDS: Final[tuple[Command, ...]] = (
    *_dossiers.COMMANDS,
    *_rulebooks.COMMANDS,
    _rulebooks.INDICATORS,
    _dossiers.EXAMPLE,
    _access.ACCESS,
    _charts.CHART,
    _extract.EXTRACT,
)
"""Every command, in the order ``sanitasi --help`` lists them."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``sanitasi`` command and return its exit code.

    Args:
        argv: the arguments after the program name; ``sys.argv[1:]`` when ``None``.

    Returns:
        0 when everything was valid; 1 when some input was invalid (the rest was processed);
        2 on a usage error or input or output that cannot be read or written.
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(pre_lang(args_list), COMMANDS)
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 for --help
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    ctx = Context(lang=args.lang, out=sys.stdout, err=sys.stderr)
    if getattr(args, "as_of", None) is None and hasattr(args, "as_of"):
        args.as_of = dt.date.today()  # the one place a clock is read; the date is printed
    from sanitasi_core._files import cleanup_on_signals  # noqa: PLC0415
    from sanitasi_core.exceptions import SanitasiError  # noqa: PLC0415

    try:
        with cleanup_on_signals():  # SIGTERM/SIGHUP: exit 143/129, no temporary file left
            return int(args.run(args, ctx))
    except (SanitasiError, OSError) as error:  # last resort: a message, never a traceback
        ctx.say(error_text(error, ctx.lang))
        ctx.worse(EXIT_USAGE)
        return ctx.status
    except Exception as error:  # a bug: say so, and how to report it
        if getattr(args, "debug", False):
            raise
        shown = f"{type(error).__name__}: {error}"
        message = render("cli_internal_error", ctx.lang, version=package_version(), error=shown)
        ctx.say(f"sanitasi: {message}")
        return EXIT_INTERNAL
