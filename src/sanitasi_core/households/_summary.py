"""Summaries: a file's rows counted into the ladder, rejections kept in bounded memory."""

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Final, TextIO

import attrs

from sanitasi_core import _files
from sanitasi_core.households._read import Format, read_records
from sanitasi_core.households._rows import Rejection, RowResult, _file_error
from sanitasi_core.ladder import LadderAccumulator, LadderSummary

_DEFAULT_KEEP: Final = 1000
_SUFFIXES: Final[dict[str, Format]] = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}


# --------------------------------------------------------------------------------------------
# Summaries
# --------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class HouseholdReport:
    """A household-record file read into the ladder.

    Attributes:
        summary: the ladder of the accepted rows.
        rejected: the first rejections (at most the number asked for), in file order.
        rejected_rows: how many rows were rejected in all.
        rejected_problems: how many problems those rows had in all (at least one per row).
        source: the file or label read, when known.
    """

    summary: LadderSummary
    rejected: tuple[Rejection, ...]
    rejected_rows: int
    rejected_problems: int
    source: str | None = None

    @property
    def truncated(self) -> bool:
        """Whether some rejections were counted but not kept."""
        return self.rejected_problems > len(self.rejected)


def summarise_rows(
    results: Iterable[RowResult], *, keep: int = _DEFAULT_KEEP, source: str | None = None
) -> HouseholdReport:
    """Count accepted rows into the ladder and collect rejections, in bounded memory.

    Args:
        results: row results, e.g. from :func:`read_csv` (consumed lazily).
        keep: how many rejections to keep; all are counted.
        source: the file or label, copied into the report.
    """
    accumulator = LadderAccumulator()
    kept: list[Rejection] = []
    rejected_rows = problems = 0
    for result in results:
        if result.record is not None:
            accumulator.add(result.record)
            continue
        rejected_rows += 1
        problems += len(result.rejections)
        room = keep - len(kept)
        if room > 0:
            kept.extend(result.rejections[:room])
    return HouseholdReport(
        summary=accumulator.summary(),
        rejected=tuple(kept),
        rejected_rows=rejected_rows,
        rejected_problems=problems,
        source=source,
    )


def _open_regular(path: Path) -> TextIO:
    """Open *path* as UTF-8 text if it is a regular file (the rows are streamed, never read whole).

    A FIFO would hang and ``/dev/zero`` would never end: like every input, the file is looked at
    before it is opened, and opened without blocking, then looked at again.

    Raises:
        FileRefused: a folder, a device, a FIFO, a socket or a pseudo-file.
        OSError: the system refused to open it.
    """
    name = os.fspath(path)
    _files._refuse_unless_regular(name, os.stat(name), name)  # the readers' rule
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    handle = os.open(name, flags)
    try:  # a FIFO swapped in after the look: the open did not block, the second look refuses it
        _files._refuse_unless_regular(name, os.fstat(handle), None)
    except BaseException:
        os.close(handle)
        raise
    return os.fdopen(handle, encoding="utf-8-sig", newline="")


def summarise_file(
    file: str | os.PathLike[str] | TextIO,
    fmt: Format | None = None,
    *,
    keep: int = _DEFAULT_KEEP,
    source: str | None = None,
) -> HouseholdReport:
    """Read a household-record file into the ladder.

    Args:
        file: a path, or an open text stream.
        fmt: ``csv`` or ``jsonl``; guessed from a path's suffix (``.csv``, ``.jsonl``,
            ``.ndjson``) when ``None``.
        keep: how many rejections to keep in the report; all are counted.
        source: the label used in messages; defaults to the path.

    Raises:
        HouseholdFileError: if the format cannot be told, the file cannot be opened, is not a
            regular file (a FIFO, a device, a folder: refused before reading), is not UTF-8, or
            its header is not valid.
    """
    if isinstance(file, str | os.PathLike):
        path = Path(file)
        label = source or str(path)
        if fmt is None:
            fmt = _SUFFIXES.get(path.suffix.lower())
            if fmt is None:
                raise _file_error("household_format_guess", label, name=path.name)
        try:
            stream = _open_regular(path)
        except _files.FileRefused as refused:
            raise _file_error("household_unreadable", label, reason=refused.text) from None
        except OSError as err:
            raise _file_error("household_unreadable", label, reason=err.strerror or err) from None
        with stream:
            return summarise_rows(read_records(stream, fmt, source=label), keep=keep, source=label)
    name = getattr(file, "name", None)
    stream_label = source or (name if isinstance(name, str) else None)
    if fmt is None:
        fmt = _SUFFIXES.get(Path(stream_label).suffix.lower()) if stream_label else None
        if fmt is None:
            raise _file_error(
                "household_format_guess", stream_label, name=stream_label or "<stream>"
            )
    return summarise_rows(
        read_records(file, fmt, source=stream_label), keep=keep, source=stream_label
    )
