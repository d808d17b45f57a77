"""The argument parser, in either language: headings, help, and argparse's own errors."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final, NoReturn

from sanitasi_core._messages import render
from sanitasi_core._text import Lang
from sanitasi_core.cli._base import EXIT_USAGE, Command

__all__ = [
    "LANG_VARIABLE",
    "build_parser",
    "date_arg",
    "default_lang",
    "help_text",
    "package_version",
    "pre_lang",
    "sep_arg",
]


def package_version() -> str:
    """The installed version of sanitasi-core (``unknown`` in a source tree not installed)."""
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        return version("sanitasi-core")
    except PackageNotFoundError:  # run from a source tree that is not installed
        return "unknown"


def help_text(key: str, lang: Lang) -> str:
    """The help text *key* (``cli_help_<key>`` in the catalogue) in *lang*."""
    return render(f"cli_help_{key}", lang)


LANG_VARIABLE: Final = "SANITASI_LANG"
"""The environment variable that chooses the language when ``--lang`` is not given."""

_LOCALE_VARIABLES: Final = ("LC_ALL", "LC_MESSAGES", "LANG")


def default_lang(environ: Mapping[str, str]) -> Lang:
    """The language without ``--lang``: from ``SANITASI_LANG``, else from the locale.

    ``SANITASI_LANG`` is ``id`` or ``en`` (any other value is ignored). The locale is the first
    of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set and not empty, as POSIX reads it: a
    value starting ``id`` (``id_ID.UTF-8``) gives Bahasa Indonesia; anything else (``C``,
    ``POSIX``, ``en_US.UTF-8``) and no locale at all give English.

    Args:
        environ: the environment, e.g. :data:`os.environ` (a parameter, so tests pass their own).
    """
    chosen = environ.get(LANG_VARIABLE, "").strip().lower()
    if chosen in ("id", "en"):
        return "id" if chosen == "id" else "en"
    for name in _LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            return "id" if value.lower().startswith("id") else "en"
    return "en"


def pre_lang(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> Lang:
    """The language of the run: ``--lang`` if given, else :func:`default_lang`.

    Read before the parser is built, so that ``--help`` and usage errors are in that language.

    Args:
        argv: the command-line arguments.
        environ: the environment; :data:`os.environ` when ``None``.
    """
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv) and argv[index + 1] in ("id", "en"):
            return "en" if argv[index + 1] == "en" else "id"
        if arg in ("--lang=en", "--lang=id"):
            return "en" if arg.endswith("en") else "id"
    return default_lang(os.environ if environ is None else environ)


_ARGPARSE_MESSAGES: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
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
_ARGUMENT_PREFIX: Final = re.compile(r"^argument (?P<name>[^:]+): (?P<message>.*)$", re.DOTALL)


def _translate(message: str, lang: Lang) -> str:
    """Put an argparse error message into *lang* where its wording is known."""
    if lang == "en":
        return message
    prefixed = _ARGUMENT_PREFIX.match(message)
    if prefixed:
        inner = _translate(prefixed["message"], lang)
        return render("cli_arg_prefix", lang, name=prefixed["name"], message=inner)
    for pattern, code in _ARGPARSE_MESSAGES:
        match = pattern.match(message)
        if match:
            return render(code, lang, **match.groupdict())
    return message


def _parser_class(lang: Lang) -> type[argparse.ArgumentParser]:
    class Parser(argparse.ArgumentParser):
        """An argument parser whose headings, help and errors are in *lang*."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("epilog", help_text("exit_codes", lang))
            super().__init__(*args, **kwargs)
            self._positionals.title = help_text("positionals", lang)
            self._optionals.title = help_text("options", lang)
            for action in self._actions:
                if isinstance(action, argparse._HelpAction):
                    action.help = help_text("help", lang)

        def error(self, message: str) -> NoReturn:
            self.print_usage(sys.stderr)
            error = render("cli_error", lang)
            self.exit(EXIT_USAGE, f"{self.prog}: {error}: {_translate(message, lang)}\n")

    return Parser


def date_arg(lang: Lang) -> Callable[[str], dt.date]:
    """An argument type reading an ISO date, with its error in *lang*."""

    def parse(value: str) -> dt.date:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise argparse.ArgumentTypeError(render("cli_bad_date", lang, value=value)) from None

    return parse


def sep_arg(lang: Lang) -> Callable[[str], str]:
    """An argument type reading a one-character CSV separator (``tab`` for a tab)."""

    def parse(value: str) -> str:
        value = {"\\t": "\t", "tab": "\t"}.get(value, value)
        if len(value) != 1 or value in '\r\n"':
            raise argparse.ArgumentTypeError(render("cli_bad_sep", lang, value=value))
        return value

    return parse


def _shared(lang: Lang) -> dict[str, argparse.ArgumentParser]:
    """The option groups commands share, by the names :attr:`Command.shared` uses."""

    def h(key: str) -> str:
        return help_text(key, lang)

    common = argparse.ArgumentParser(add_help=False)
    # --lang and --debug are accepted before or after the command.
    common.add_argument("--lang", choices=("id", "en"), default=argparse.SUPPRESS, help=h("lang"))
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=h("debug"))
    output = argparse.ArgumentParser(add_help=False)
    output.add_argument("--output", "-o", type=Path, metavar="FILE", help=h("output"))
    dated = argparse.ArgumentParser(add_help=False)
    dated.add_argument("--as-of", type=date_arg(lang), metavar="YYYY-MM-DD", help=h("as_of"))
    dated.add_argument("--fiscal-year", type=int, metavar="YEAR", help=h("fiscal_year"))
    rulebook = argparse.ArgumentParser(add_help=False)
    rulebook.add_argument("--rulebook", metavar="FILE|VERSION", help=h("rulebook_file"))
    spreadsheet = argparse.ArgumentParser(add_help=False)
    spreadsheet.add_argument("--bom", action="store_true", help=h("bom"))
    spreadsheet.add_argument("--sep", type=sep_arg(lang), metavar="CHAR", help=h("sep"))
    spreadsheet.add_argument("--decimal-comma", action="store_true", help=h("decimal_comma"))
    return {
        "common": common,
        "output": output,
        "dated": dated,
        "rulebook": rulebook,
        "spreadsheet": spreadsheet,
    }


def build_parser(lang: Lang, commands: Sequence[Command]) -> argparse.ArgumentParser:
    """The parser of ``sanitasi`` with *commands*; a command named ``group sub`` joins a group.

    Each command's parser knows its :class:`Command` as ``args.run``.
    """
    parser_class = _parser_class(lang)
    shared = _shared(lang)
    parser = parser_class(
        prog="sanitasi", description=help_text("prog", lang), parents=[shared["common"]]
    )
    # Not debug=False here: set_defaults changes the default of the --debug action, which the
    # commands' parsers share (parents), and a command would then reset an earlier --debug.
    parser.set_defaults(lang=lang)
    parser.add_argument(
        "--version",
        action="version",
        version=f"sanitasi {package_version()}",
        help=help_text("version", lang),
    )
    metavar = "PERINTAH" if lang == "id" else "COMMAND"
    title = help_text("commands", lang)
    top = parser.add_subparsers(dest="command", required=True, metavar=metavar, title=title)
    groups: dict[str, Any] = {}
    for command in commands:
        group, _, sub = command.name.rpartition(" ")
        if group and group not in groups:
            holder = top.add_parser(
                group,
                parents=[shared["common"]],
                help=help_text(group, lang),
                description=help_text(group, lang),
            )
            groups[group] = holder.add_subparsers(
                dest=f"{group}_command", required=True, metavar=metavar, title=title
            )
        into = groups[group] if group else top
        key = command.name.replace(" ", "_")
        own = into.add_parser(
            sub,
            parents=[shared["common"], *(shared[name] for name in command.shared)],
            help=help_text(key, lang),
            description=help_text(key, lang),
        )
        command.arguments(own, lang)
        own.set_defaults(run=command.run)
    return parser
