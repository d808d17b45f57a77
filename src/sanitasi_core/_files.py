"""Reading input files within a size limit, and writing ``--output`` safely.

Input may be hostile: a path may name a FIFO that never ends, ``/dev/zero``, a kernel pseudo-file
that reports size 0 and streams, or a file larger than any document. :func:`read_bounded` looks
first (``os.stat``) and refuses all of these before reading a byte; it then reads at most
``limit + 1`` bytes, so a file that grows after the look is caught too.

Output must not destroy what is at the path. :func:`write_atomic` writes a regular file through a
temporary file and a rename, keeping the old mode and owner; it writes *through* a symlink,
writes a character device or a FIFO directly (``-o /dev/null`` stays a device), and refuses a
folder, a block device, a socket and a read-only file. The temporary file never outlives the
call, even when SIGTERM or SIGHUP arrives inside :func:`cleanup_on_signals`.

Every refusal is a :class:`FileRefused` with a stable code and a bilingual message.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from types import FrameType
from typing import Final

from sanitasi_core._messages import text as _text
from sanitasi_core._text import Text
from sanitasi_core.exceptions import FileRefused

__all__ = [
    "FileRefused",
    "cleanup_on_signals",
    "iter_lines_bounded",
    "read_bounded",
    "read_stdin_bounded",
    "write_atomic",
    "write_atomic_stream",
]

_CHUNK: Final = 1 << 20
_PSEUDO_ROOTS: Final = ("/proc", "/sys")
# Flags that exist only on some platforms are 0 elsewhere, so the module imports everywhere.
_NONBLOCK: Final[int] = getattr(os, "O_NONBLOCK", 0)
_COMMON: Final[int] = (
    getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
)
_SIGNALS: Final = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n))


_FILE: Final = _text("file_kind_file")


# FileRefused lives in sanitasi_core.exceptions with every public error; imported above.


# --------------------------------------------------------------------------------------------
# What a file is
# --------------------------------------------------------------------------------------------


_KINDS: Final = (
    (stat.S_ISCHR, "character_device"),
    (stat.S_ISBLK, "block_device"),
    (stat.S_ISFIFO, "fifo"),
    (stat.S_ISSOCK, "socket"),
)


def _kind(mode: int) -> Text:
    return _text("file_kind_" + next((kind for is_, kind in _KINDS if is_(mode)), "special"))


def _pseudo_root(st: os.stat_result, path: str | None) -> str | None:
    """Return ``/proc`` or ``/sys`` if the file lives there (by location or by file system)."""
    real = os.path.realpath(path) if path is not None else None
    for root in _PSEUDO_ROOTS:
        if real is not None and (real == root or real.startswith(root + "/")):
            return root
        try:
            if os.stat(root).st_dev == st.st_dev:
                return root
        except OSError:
            continue
    return None


def _refuse_unless_regular(name: str, st: os.stat_result, real: str | None) -> None:
    """Refuse a folder, a device, a FIFO, a socket or a pseudo-file; *real* is checked by path."""
    if stat.S_ISDIR(st.st_mode):
        raise FileRefused(name, "is_directory", _text("file_is_directory"))
    if not stat.S_ISREG(st.st_mode):
        raise FileRefused(name, "special_file", _text("file_special", kind=_kind(st.st_mode)))
    root = _pseudo_root(st, real)
    if root is not None:
        raise FileRefused(name, "not_regular", _text("file_pseudo", root=root))


def _os_refusal(name: str, error: OSError, what: str | Text | None = None) -> FileRefused:
    """Translate *error*; *what* (the file's role) is given when reading, None when writing."""
    if what is not None and isinstance(error, FileNotFoundError | NotADirectoryError):
        return FileRefused(name, "not_found", _text("file_not_found", what=what))
    if isinstance(error, IsADirectoryError):
        return FileRefused(name, "is_directory", _text("file_is_directory"))
    code = "unwritable" if what is None else "unreadable"
    return FileRefused(name, code, _text(f"file_{code}", reason=str(error.strerror or error)))


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------


def read_bounded(path: str | os.PathLike[str], *, limit: int, what: str | Text = _FILE) -> bytes:
    """Return the content of the regular file *path*, refusing anything else or anything larger.

    The file is looked at before it is opened (symlinks followed), and looked at again through
    the opened descriptor; the open never blocks, even if a FIFO took the file's place. The path
    ``-`` is a file named ``-`` here: standard input is :func:`read_stdin_bounded`.

    Args:
        path: the file to read.
        limit: the most bytes accepted.
        what: what the file is, for messages (a plain string is used in both languages).

    Returns:
        The whole content, at most *limit* bytes.

    Raises:
        FileRefused: with code ``not_found``, ``is_directory``, ``special_file`` (a device, a
            FIFO, a socket), ``not_regular`` (under ``/proc`` or ``/sys``), ``too_large`` (by
            its size, before reading), ``grew`` (it grew past *limit* after the look) or
            ``unreadable``.
    """
    if limit < 0:
        raise ValueError(f"limit must not be negative, got {limit}")
    name = os.fspath(path)
    handle = _open_regular(name, what, limit)
    try:
        data = _read_upto(lambda size: os.read(handle, size), limit)
    except OSError as error:
        raise _os_refusal(name, error, what) from None
    finally:
        os.close(handle)
    if len(data) > limit:
        raise FileRefused(name, "grew", _text("file_grew", what=what, limit=limit))
    return data


def _open_regular(name: str, what: str | Text, limit: int | None) -> int:
    """Look at *name*, open it without blocking and look again; return the descriptor.

    The checks of :func:`read_bounded`; *limit* ``None`` accepts any size (read line by line).
    """
    try:
        before = os.stat(name)
    except OSError as error:
        raise _os_refusal(name, error, what) from None
    _refuse_unless_regular(name, before, name)
    if limit is not None and before.st_size > limit:
        text = _text("file_too_large", what=what, size=before.st_size, limit=limit)
        raise FileRefused(name, "too_large", text)
    try:
        handle = os.open(name, os.O_RDONLY | _NONBLOCK | _COMMON)
    except OSError as error:
        raise _os_refusal(name, error, what) from None
    try:
        _check_opened(name, os.fstat(handle), what, limit)
    except OSError as error:
        os.close(handle)
        raise _os_refusal(name, error, what) from None
    except BaseException:
        os.close(handle)
        raise
    return handle


def _check_opened(name: str, opened: os.stat_result, what: str | Text, limit: int | None) -> None:
    """Look again, through the descriptor: a FIFO or a larger file may have taken its place."""
    _refuse_unless_regular(name, opened, None)
    if limit is not None and opened.st_size > limit:
        raise FileRefused(name, "grew", _text("file_grew", what=what, limit=limit))


def iter_lines_bounded(
    path: str | os.PathLike[str], *, limit: int, what: str | Text = _FILE
) -> Iterator[tuple[int, bytes | FileRefused]]:
    """Yield ``(line number, line)`` for each non-blank line of the regular file *path*.

    The file is checked as :func:`read_bounded` checks it, when iteration starts, and then read
    one line at a time: memory holds one line, whatever the size of the file. Lines end with
    LF or CRLF (the line break is not part of the line). A line longer than *limit* bytes is
    not kept: it is read past and yielded as a :class:`FileRefused` (code ``too_large``,
    path ``FILE:LINE``), so the lines after it are still read.

    Args:
        path: the file to read.
        limit: the most bytes accepted in one line.
        what: what each line is, for messages (a plain string is used in both languages).

    Raises:
        FileRefused: when the file cannot be opened or read (the codes of
            :func:`read_bounded`, except ``too_large`` and ``grew``).
    """
    name = os.fspath(path)
    handle = _open_regular(name, what, None)
    try:
        with os.fdopen(handle, "rb", buffering=_CHUNK) as stream:
            number = 0
            # Room for the CR LF after a line of exactly *limit* bytes.
            while line := stream.readline(limit + 2):
                number += 1
                size = len(line)
                ended = line.endswith(b"\n")
                while not ended and size > limit and (rest := stream.readline(_CHUNK)):
                    size, ended = size + len(rest), rest.endswith(b"\n")
                line = line.removesuffix(b"\n").removesuffix(b"\r")
                if len(line) > limit:
                    text = _text("file_too_large", what=what, size=size, limit=limit)
                    yield number, FileRefused(f"{name}:{number}", "too_large", text)
                elif line.strip():
                    yield number, line
    except OSError as error:
        raise _os_refusal(name, error, what) from None


def read_stdin_bounded(limit: int, *, what: str | Text = _FILE) -> bytes:
    """Return standard input (``sys.stdin.buffer``), reading at most ``limit + 1`` bytes.

    Raises:
        FileRefused: path ``-``, code ``too_large`` if more than *limit* bytes arrive, or
            ``unreadable`` if there is no standard input or it fails.
    """
    if limit < 0:
        raise ValueError(f"limit must not be negative, got {limit}")
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        text = _text("file_unreadable", reason=_text("file_no_stdin"))
        raise FileRefused("-", "unreadable", text)
    try:
        data = _read_upto(stream.read, limit)
    except OSError as error:
        raise _os_refusal("-", error, what) from None
    if len(data) > limit:
        raise FileRefused("-", "too_large", _text("file_stream_too_large", what=what, limit=limit))
    return data


def _read_upto(read: Callable[[int], bytes | None], limit: int) -> bytes:
    """Read to the end, or until more than *limit* bytes came (then the result is longer)."""
    chunks: list[bytes] = []
    wanted = limit + 1
    while wanted > 0 and (chunk := read(min(wanted, _CHUNK))):
        chunks.append(chunk)
        wanted -= len(chunk)
    return b"".join(chunks)


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------

# Temporary files being written, removed by the signal handler of cleanup_on_signals. Re-entrant
# because that handler runs in the main thread, possibly while the main thread holds the lock.
_PENDING: set[str] = set()
_PENDING_LOCK = threading.RLock()
# os.umask can only be read by setting it; this lock keeps two readers from restoring each
# other's temporary value. Other threads creating files are not covered, hence /proc first.
_UMASK_LOCK = threading.Lock()


def _umask_from_proc() -> int | None:
    """Return the umask from ``/proc/self/status`` (Linux 4.7+) without changing it, or None."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        return None
    return None


def _current_umask() -> int:
    umask = _umask_from_proc()
    if umask is None:
        with _UMASK_LOCK:
            # A file another thread creates in between gets 0o077 applied: narrower, never wider.
            umask = os.umask(0o077)
            os.umask(umask)
    return umask


def _write_all(handle: int, data: bytes | bytearray) -> None:
    """Write all of *data* to the descriptor (``os.write`` may write less than asked)."""
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view[:_CHUNK]) :]


_GATHER: Final = 1 << 16


def _write_chunks(handle: int, chunks: Iterable[bytes]) -> None:
    """Write every chunk, gathered into writes of about 64 KiB (many small pieces, few calls)."""
    pending = bytearray()
    for chunk in chunks:
        pending += chunk
        if len(pending) >= _GATHER:
            _write_all(handle, pending)
            pending.clear()
    _write_all(handle, pending)


def _write_direct(name: str, data: Iterable[bytes], fifo: bool) -> None:
    """Write to a character device or FIFO in place: no temporary file, no truncation."""
    try:
        handle = os.open(name, os.O_WRONLY | _NONBLOCK | _COMMON)
    except OSError as error:
        if fifo and error.errno == errno.ENXIO:
            raise FileRefused(name, "no_reader", _text("file_no_reader")) from None
        raise _os_refusal(name, error) from None
    try:
        opened = os.fstat(handle)
        if not (stat.S_ISCHR(opened.st_mode) or stat.S_ISFIFO(opened.st_mode)):
            raise FileRefused(name, "changed", _text("file_changed"))
        if _NONBLOCK:
            os.set_blocking(handle, True)  # a reader is there: wait for it as any writer would
        _write_chunks(handle, data)
    except OSError as error:
        raise _os_refusal(name, error) from None
    finally:
        os.close(handle)


def _create_temp(folder: str, base: str) -> tuple[int, str]:
    """Create and register the temporary file with SIGTERM and SIGHUP held back meanwhile.

    A signal arriving between the creation and the registration would otherwise leave the file
    behind; held back, it is handled just after, when the handler can already see the file.
    """
    mask = getattr(signal, "pthread_sigmask", None)
    old = mask(signal.SIG_BLOCK, _SIGNALS) if mask is not None else None
    try:
        handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{base}.", suffix=".tmp")
        with _PENDING_LOCK:
            _PENDING.add(temp)
    finally:
        if mask is not None and old is not None:
            mask(signal.SIG_SETMASK, old)
    return handle, temp


def _forget(temp: str, *, remove: bool) -> None:
    with _PENDING_LOCK:
        _PENDING.discard(temp)
    if remove:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def write_atomic(
    path: str | os.PathLike[str], data: bytes | str, *, encoding: str = "utf-8"
) -> None:
    """Write *data* to *path* the way ``--output`` does, never destroying what is there.

    - A symlink is followed and its target written; the link stays a link. A dangling link
      creates its target if the target's folder exists.
    - A character device (``/dev/null``, a terminal) or a FIFO is opened and written directly;
      a FIFO without a reader is refused at once instead of waiting for one.
    - A regular file is replaced through a temporary file in its folder (``.NAME.XXXX.tmp``),
      synced and renamed over it, with the old permission bits (exactly) and, where permitted,
      the old owner and group. A new file gets ``0o666`` minus the umask.
    - The temporary file is removed on every failure, and by :func:`cleanup_on_signals` on
      SIGTERM or SIGHUP.

    A replaced file that had other hard links is split from them: they keep the old content.

    Args:
        path: where to write.
        data: the content; a string is encoded with *encoding*, without newline translation.
        encoding: the encoding of a string *data*.

    Raises:
        FileRefused: code ``is_directory``, ``special_file`` (a block device, a socket),
            ``not_regular`` (under ``/proc`` or ``/sys``), ``read_only``, ``no_reader``,
            ``no_folder``, ``not_found`` (an empty path), ``changed`` or ``unwritable``.
    """
    payload = data.encode(encoding) if isinstance(data, str) else bytes(data)
    write_atomic_stream(path, (payload,))


def write_atomic_stream(
    path: str | os.PathLike[str], chunks: Iterable[bytes | str], *, encoding: str = "utf-8"
) -> None:
    """Write *chunks* one after another to *path*, as :func:`write_atomic` writes its data.

    The chunks are consumed while the temporary file is open (a report rendered as it is
    written), so memory holds about 64 KiB of output at a time. Every guarantee of
    :func:`write_atomic` holds; in particular, if consuming *chunks* raises, the temporary file
    is removed and the file at *path* is left as it was (a device or a FIFO, written directly,
    keeps what was written before the error).

    Args:
        path: where to write.
        chunks: the content, in pieces; strings are encoded with *encoding*.
        encoding: the encoding of string pieces.

    Raises:
        FileRefused: as :func:`write_atomic`.
    """
    name = os.fspath(path)
    payload = (c.encode(encoding) if isinstance(c, str) else bytes(c) for c in chunks)
    if not name:
        raise FileRefused(name, "not_found", _text("file_not_found", what=_FILE))
    try:
        before: os.stat_result | None = os.stat(name)
    except (FileNotFoundError, NotADirectoryError):
        before = None
    except OSError as error:
        raise _os_refusal(name, error) from None
    if before is not None and (stat.S_ISCHR(before.st_mode) or stat.S_ISFIFO(before.st_mode)):
        # Through the path as given: /dev/stdout is a link that only the kernel resolves right.
        _write_direct(name, payload, fifo=stat.S_ISFIFO(before.st_mode))
        return
    real = os.path.realpath(name)
    if before is None:
        folder = os.path.dirname(real)
        if not os.path.isdir(folder):
            raise FileRefused(name, "no_folder", _text("file_no_folder", folder=folder))
        mode = 0o666 & ~_current_umask()
    else:
        _refuse_unless_regular(name, before, name)
        mode = stat.S_IMODE(before.st_mode) & 0o777
        # Root passes os.access for any file, so a file without any write bit is read-only too.
        if not mode & 0o222 or not os.access(real, os.W_OK):
            raise FileRefused(name, "read_only", _text("file_read_only"))
    _replace(name, real, payload, mode, before)


def _replace(
    name: str, real: str, payload: Iterable[bytes], mode: int, before: os.stat_result | None
) -> None:
    """Write *payload* to a temporary file beside *real*, then rename it over *real*."""
    folder, base = os.path.split(real)
    try:
        handle, temp = _create_temp(folder, base)
    except OSError as error:
        raise _os_refusal(name, error) from None
    done = False
    try:
        try:
            _write_chunks(handle, payload)
            if before is not None and hasattr(os, "fchown"):
                with contextlib.suppress(OSError):  # only root may give a file away
                    os.fchown(handle, before.st_uid, before.st_gid)
            if hasattr(os, "fchmod"):
                os.fchmod(handle, mode)
            else:  # pragma: no cover - not POSIX
                os.chmod(temp, mode)
            os.fsync(handle)
        finally:
            os.close(handle)
        os.replace(temp, real)
        done = True
    except OSError as error:
        raise _os_refusal(name, error) from None
    finally:
        _forget(temp, remove=not done)
    _sync_folder(folder)


def _sync_folder(folder: str) -> None:
    """Make the rename durable where folders can be synced (POSIX); best effort."""
    if os.name != "posix":  # pragma: no cover
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY | _COMMON)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


# --------------------------------------------------------------------------------------------
# Signals
# --------------------------------------------------------------------------------------------


def _exit_on_signal(signum: int, frame: FrameType | None) -> None:
    with _PENDING_LOCK:
        pending = list(_PENDING)
    for temp in pending:
        with contextlib.suppress(OSError):
            os.unlink(temp)
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def cleanup_on_signals() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into ``SystemExit(128 + signum)`` while active.

    ``finally`` blocks then run on ``kill`` or a closed terminal, and any temporary file of
    :func:`write_atomic` is removed at once. The previous handlers come back on exit. Signal
    handlers belong to the main thread: elsewhere, and where the signals do not exist, this does
    nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, _exit_on_signal) for signum in _SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)
