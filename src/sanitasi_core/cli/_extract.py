"""``sanitasi extract FILE``: every date, amount, decree, regulation and region in a text."""

from __future__ import annotations

import argparse
import bisect
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from sanitasi_core._messages import render
from sanitasi_core._text import Lang
from sanitasi_core.cli._base import EXIT_USAGE, Command, Context, deliver, error_text
from sanitasi_core.cli._parser import date_arg, help_text

if TYPE_CHECKING:
    from sanitasi_core.extract import Mention

__all__ = ["EXTRACT", "MAX_TEXT_BYTES", "MENTIONS_SCHEMA"]

MAX_TEXT_BYTES: Final = 1024 * 1024
"""The largest text ``sanitasi extract`` reads: 1 MiB (a report of some 500 pages).

Extraction keeps every mention of the text, and a text dense with mentions holds one every ten
characters: 1 MiB is read in about 2 s and 150 MiB at worst; a longer text is cut into parts.
"""

MENTIONS_SCHEMA: Final = "sanitasi.mentions/v1"
"""The ``schema`` field of ``sanitasi extract --format json``."""

_CONTEXT: Final = 30
"""Characters of context shown on each side of a mention in the text format."""

_CSV_HEADER: Final = ("kind", "start", "end", "line", "column", "text", "value")


def _arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    h = help_text
    parser.add_argument("file", metavar="FILE", help=h("extract_file", lang))
    parser.add_argument(
        "--reference", type=date_arg(lang), metavar="YYYY-MM-DD", help=h("reference", lang)
    )
    parser.add_argument(
        "--format", choices=("text", "json", "csv"), default="text", help=h("format", lang)
    )


def _read(name: str, ctx: Context) -> str | None:
    """The text of *name* (``-``: standard input), bounded in size; ``None`` when refused."""
    from sanitasi_core._files import read_bounded, read_stdin_bounded  # noqa: PLC0415
    from sanitasi_core.exceptions import SanitasiError  # noqa: PLC0415

    try:
        if name == "-":
            data = read_stdin_bounded(MAX_TEXT_BYTES)
        else:
            data = read_bounded(name, limit=MAX_TEXT_BYTES)
    except SanitasiError as error:
        ctx.say(error_text(error, ctx.lang))
        ctx.worse(EXIT_USAGE)
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        ctx.unreadable(name, render("cli_not_utf8", ctx.lang, position=error.start))
        return None


_SPACES: Final = str.maketrans("\n\r\t", "   ")


def _visible(text: str) -> str:
    """*text* on one line: line breaks and tabs as spaces, other control characters escaped."""
    from sanitasi_core.reports._words import visible  # noqa: PLC0415  # the one escaper

    return visible(text.translate(_SPACES))


class _Lines:
    """Line and column (both from 1) of an offset in a text."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]

    def at(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def _as_text(source: str, text: str, mentions: Sequence[Mention], lang: Lang) -> str:
    from sanitasi_core.extract import value_text  # noqa: PLC0415

    lines = _Lines(text)
    out = [render("cli_extract_found", lang, source=source, count=len(mentions))]
    if not mentions:
        out.append(render("cli_extract_none", lang))
    for m in mentions:
        line, column = lines.at(m.start)
        before = text[max(0, m.start - _CONTEXT) : m.start]
        after = text[m.end : m.end + _CONTEXT]
        left = ("…" if m.start > _CONTEXT else "") + _visible(before)
        right = _visible(after) + ("…" if m.end + _CONTEXT < len(text) else "")
        out.append(f"{line}:{column}  {m.kind.value:<10}  {_visible(value_text(m))}")
        out.append(f"    {left}[{_visible(m.text)}]{right}")
    return "\n".join(out)


def _as_json(source: str, text: str, mentions: Sequence[Mention], args: argparse.Namespace) -> str:
    from sanitasi_core.extract import mention_data  # noqa: PLC0415

    lines = _Lines(text)
    found = []
    for m in mentions:
        line, column = lines.at(m.start)
        found.append({**mention_data(m), "line": line, "column": column})
    document = {
        "schema": MENTIONS_SCHEMA,
        "source": source,
        "reference": args.reference.isoformat() if args.reference else None,
        "mentions": found,
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def _as_csv(text: str, mentions: Sequence[Mention]) -> str:
    from sanitasi_core import reports  # noqa: PLC0415
    from sanitasi_core.extract import value_text  # noqa: PLC0415

    lines = _Lines(text)
    rows = [list(_CSV_HEADER)]
    for m in mentions:
        line, column = lines.at(m.start)
        cells = [m.kind.value, str(m.start), str(m.end), str(line), str(column)]
        rows.append([*cells, m.text, value_text(m)])
    return reports.to_csv(rows)


def _extract(args: argparse.Namespace, ctx: Context) -> int:
    from sanitasi_core.extract import extract  # noqa: PLC0415

    text = _read(args.file, ctx)
    if text is None:
        return ctx.status
    mentions = extract(text, reference=args.reference)
    source = "-" if args.file == "-" else str(Path(args.file))
    if args.format == "json":
        content = _as_json(source, text, mentions, args)
    elif args.format == "csv":
        content = _as_csv(text, mentions)
    else:
        content = _as_text(source, text, mentions, ctx.lang)
    return deliver(args, ctx, content)


EXTRACT: Final = Command(name="extract", run=_extract, arguments=_arguments, shared=("output",))
"""``sanitasi extract``: mentions found in a text."""
