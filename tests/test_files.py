"""File safety: bounded reads refuse special files; ``--output`` writes destroy nothing."""

import io
import os
import pickle
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanitasi_core import _files
from sanitasi_core._files import (
    FileRefused,
    cleanup_on_signals,
    read_bounded,
    read_stdin_bounded,
    write_atomic,
)
from sanitasi_core._messages.files import FILE_MESSAGES
from sanitasi_core.exceptions import SanitasiError

ROOT = Path(__file__).resolve().parent.parent

posix = pytest.mark.skipif(os.name != "posix", reason="POSIX file semantics")
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
needs_root = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root may chown"
)


def _within(seconds: float, call: Callable[[], Any]) -> Any:
    """Run *call* in a thread and fail, instead of hanging, if it takes longer than *seconds*."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = call()
        except BaseException as error:  # handed back to the test below
            outcome["error"] = error

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still blocked after {seconds} s"
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _refusal(call: Callable[[], object]) -> FileRefused:
    with pytest.raises(FileRefused) as caught:
        call()
    return caught.value


def _temps(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def _with_size(result: os.stat_result, size: int) -> os.stat_result:
    fields = list(result[:10])
    fields[stat.ST_SIZE] = size
    return os.stat_result(fields)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_027() -> Any:
    old = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(old)


# ============================================================================================
# Reading
# ============================================================================================


def test_regular_read(tmp_path: Path) -> None:
    """A regular file within the limit is returned whole, also at exactly the limit."""
    path = tmp_path / "dossier.json"
    path.write_bytes(b'{"a": 1}')
    assert read_bounded(path, limit=8) == b'{"a": 1}'
    assert read_bounded(str(path), limit=100) == b'{"a": 1}'


def test_symlink_to_regular_file_read(tmp_path: Path) -> None:
    """A symlink is followed to the regular file it names."""
    (tmp_path / "real.json").write_bytes(b"[]")
    (tmp_path / "link.json").symlink_to("real.json")
    assert read_bounded(tmp_path / "link.json", limit=10) == b"[]"


def test_dash_is_a_file_named_dash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``read_bounded('-')`` reads a file named ``-``; standard input has its own function."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").write_bytes(b"dash")
    assert read_bounded("-", limit=10) == b"dash"


def test_too_large_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file larger than the limit is refused by its size, without being opened (sparse 4 GiB)."""
    limit = 4 << 30
    path = tmp_path / "huge.json"
    with path.open("wb") as stream:
        stream.truncate(limit + 1)

    def no_open(*args: object, **kwargs: object) -> int:
        raise AssertionError("opened a file that is too large")

    monkeypatch.setattr(os, "open", no_open)
    refused = _refusal(lambda: read_bounded(path, limit=limit))
    assert refused.code == "too_large"
    assert str(limit + 1) in refused.render("en")


def test_dev_zero_refused() -> None:
    """``/dev/zero`` (endless) is refused as a special file."""
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    refused = _within(5, lambda: _refusal(lambda: read_bounded("/dev/zero", limit=10)))
    assert refused.code == "special_file"
    assert "character device" in refused.render("en")
    assert "perangkat karakter" in refused.render("id")


def test_dev_null_read_refused() -> None:
    """``/dev/null`` is a device, not an empty file: reading it is refused."""
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null")
    assert _refusal(lambda: read_bounded("/dev/null", limit=10)).code == "special_file"


@needs_fifo
def test_fifo_read_refused(tmp_path: Path) -> None:
    """A FIFO without a writer is refused at once instead of blocking the reader forever."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    refused = _within(5, lambda: _refusal(lambda: read_bounded(fifo, limit=10)))
    assert refused.code == "special_file"
    assert "FIFO" in refused.render("en")


@needs_fifo
def test_fifo_swapped_in_after_stat_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A FIFO that takes a file's place between stat and open neither blocks nor is read."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    regular = tmp_path / "plain"
    regular.write_bytes(b"x")
    real_stat = os.stat

    def fake_stat(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        return real_stat(regular if os.fspath(path) == str(fifo) else path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", fake_stat)
    refused = _within(5, lambda: _refusal(lambda: read_bounded(fifo, limit=10)))
    assert refused.code == "special_file"


def test_directory_read_refused(tmp_path: Path) -> None:
    """A folder is refused with its own code."""
    assert _refusal(lambda: read_bounded(tmp_path, limit=10)).code == "is_directory"


def test_proc_file_read_refused() -> None:
    """``/proc/self/status`` reports size 0 but streams: refused as a pseudo-file."""
    if not Path("/proc/self/status").exists():
        pytest.skip("no /proc")
    refused = _refusal(lambda: read_bounded("/proc/self/status", limit=1 << 20))
    assert refused.code == "not_regular"
    assert "/proc" in refused.render("en")


def test_missing_file_refused(tmp_path: Path) -> None:
    """A missing file, or a path through a file, is ``not_found``, naming *what* it is."""
    refused = _refusal(lambda: read_bounded(tmp_path / "nope.json", limit=10, what="rulebook"))
    assert refused.code == "not_found"
    assert refused.render("en").endswith("rulebook not found")
    (tmp_path / "file").write_bytes(b"")
    assert _refusal(lambda: read_bounded(tmp_path / "file" / "x", limit=10)).code == "not_found"


@posix
def test_symlink_loop_unreadable(tmp_path: Path) -> None:
    """A path the system cannot resolve (a symlink loop) is ``unreadable`` with the reason."""
    loop = tmp_path / "loop"
    loop.symlink_to("loop")
    assert _refusal(lambda: read_bounded(loop, limit=10)).code == "unreadable"


def test_file_that_grew_after_stat_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that passed the size check and then was found larger when opened is ``grew``."""
    path = tmp_path / "growing.json"
    path.write_bytes(b"x" * 100)
    real_stat = os.stat

    def small_stat(target: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        result = real_stat(target, *args, **kwargs)
        return _with_size(result, 10) if os.fspath(target) == str(path) else result

    monkeypatch.setattr(os, "stat", small_stat)
    assert _refusal(lambda: read_bounded(path, limit=50)).code == "grew"


def test_file_that_grew_while_read_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """More than *limit* bytes arriving while reading is ``grew``, whatever the sizes said."""
    path = tmp_path / "growing.json"
    path.write_bytes(b"x" * 100)
    inode = path.stat().st_ino
    real_stat, real_fstat = os.stat, os.fstat

    def small(result: os.stat_result) -> os.stat_result:
        return _with_size(result, 10) if result.st_ino == inode else result

    monkeypatch.setattr(os, "stat", lambda p, *a, **k: small(real_stat(p, *a, **k)))
    monkeypatch.setattr(os, "fstat", lambda fd: small(real_fstat(fd)))
    refused = _refusal(lambda: read_bounded(path, limit=50))
    assert refused.code == "grew"
    assert "more than 50 bytes" in refused.render("en")


@posix
def test_socket_read_and_write_refused(tmp_path: Path) -> None:
    """A Unix socket is neither read nor written."""
    path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(path))
        assert _refusal(lambda: read_bounded(path, limit=10)).code == "special_file"
        assert _refusal(lambda: write_atomic(path, b"x")).code == "special_file"
    assert stat.S_ISSOCK(path.stat().st_mode)


@posix
def test_block_device_refused(tmp_path: Path) -> None:
    """A block device is neither read nor written (refused before it is opened)."""
    path = tmp_path / "disk"
    try:
        os.mknod(path, stat.S_IFBLK | 0o600, os.makedev(7, 200))
    except OSError:
        pytest.skip("cannot create a block device here")
    assert _refusal(lambda: read_bounded(path, limit=10)).code == "special_file"
    refused = _refusal(lambda: write_atomic(path, b"x"))
    assert refused.code == "special_file"
    assert "block device" in refused.render("en")
    assert stat.S_ISBLK(path.stat().st_mode)


def test_stdin_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Standard input is read whole when within the limit."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"abc")))
    assert read_stdin_bounded(3) == b"abc"


def test_stdin_too_large_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """More than *limit* bytes on standard input is ``too_large`` for the path ``-``."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 5000)))
    refused = _refusal(lambda: read_stdin_bounded(10))
    assert (refused.path, refused.code) == ("-", "too_large")
    assert sys.stdin.buffer.read() == b"x" * (5000 - 11)  # stopped after limit + 1


def test_no_stdin_unreadable(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without standard input (``sys.stdin`` is None) the read is ``unreadable``."""
    monkeypatch.setattr(sys, "stdin", None)
    assert _refusal(lambda: read_stdin_bounded(10)).code == "unreadable"


def test_negative_limit_is_a_programming_error(tmp_path: Path) -> None:
    """A negative limit raises ValueError (a bug in the caller, not a file to refuse)."""
    with pytest.raises(ValueError, match="negative"):
        read_bounded(tmp_path, limit=-1)
    with pytest.raises(ValueError, match="negative"):
        read_stdin_bounded(-1)


# ============================================================================================
# Writing
# ============================================================================================


@posix
def test_new_file_gets_umask_mode(tmp_path: Path, umask_027: None) -> None:
    """A new file gets 0o666 minus the umask, not mkstemp's private 0o600."""
    path = tmp_path / "report.html"
    write_atomic(path, "laporan")
    assert path.read_text(encoding="utf-8") == "laporan"
    assert _mode(path) == 0o640


@posix
def test_umask_read_without_proc(
    tmp_path: Path, umask_027: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without ``/proc`` the umask is read by setting it, and is restored afterwards."""
    monkeypatch.setattr(_files, "_umask_from_proc", lambda: None)
    write_atomic(tmp_path / "report.html", b"x")
    assert _mode(tmp_path / "report.html") == 0o640
    assert os.umask(0o027) == 0o027


@posix
@pytest.mark.parametrize("mode", [0o640, 0o600, 0o664, 0o604])
def test_replaced_file_keeps_exact_mode(tmp_path: Path, mode: int) -> None:
    """A replaced file keeps exactly its permission bits, neither widened nor narrowed."""
    path = tmp_path / "report.csv"
    path.write_bytes(b"old")
    path.chmod(mode)
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new"
    assert _mode(path) == mode
    assert not _temps(tmp_path)


@needs_root
def test_replaced_file_keeps_owner(tmp_path: Path) -> None:
    """Run as root, a replaced file keeps its owner and group instead of becoming root's."""
    path = tmp_path / "report.csv"
    path.write_bytes(b"old")
    os.chown(path, 4242, 4343)
    write_atomic(path, b"new")
    assert (path.stat().st_uid, path.stat().st_gid) == (4242, 4343)


def test_string_is_encoded_without_newline_translation(tmp_path: Path) -> None:
    """A string is encoded with the given encoding, and a newline is not translated."""
    path = tmp_path / "out.txt"
    write_atomic(path, "Rp 1.250.000\n", encoding="utf-16-le")
    assert path.read_bytes() == "Rp 1.250.000\n".encode("utf-16-le")


@posix
def test_symlink_target_written_and_link_kept(tmp_path: Path) -> None:
    """Writing through a symlink replaces its target; the link stays a link."""
    target = tmp_path / "real.json"
    target.write_bytes(b"old")
    target.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to("real.json")
    write_atomic(link, b"new")
    assert link.is_symlink()
    assert target.read_bytes() == b"new"
    assert _mode(target) == 0o640
    assert not _temps(tmp_path)


@posix
def test_dangling_symlink_creates_target(tmp_path: Path) -> None:
    """A dangling symlink gets its target created; the link stays a link."""
    link = tmp_path / "link.json"
    link.symlink_to("made.json")
    write_atomic(link, b"new")
    assert link.is_symlink()
    assert (tmp_path / "made.json").read_bytes() == b"new"


@posix
def test_dangling_symlink_into_missing_folder_refused(tmp_path: Path) -> None:
    """A dangling symlink into a missing folder is ``no_folder``, and so is a plain path."""
    link = tmp_path / "link.json"
    link.symlink_to("missing/made.json")
    refused = _refusal(lambda: write_atomic(link, b"new"))
    assert refused.code == "no_folder"
    assert str(tmp_path / "missing") in refused.render("en")
    assert _refusal(lambda: write_atomic(tmp_path / "a" / "b.json", b"x")).code == "no_folder"
    assert link.is_symlink()


@posix
def test_dev_null_written_directly() -> None:
    """``-o /dev/null`` writes into the device, which stays a character device (even as root)."""
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null")
    write_atomic("/dev/null", b"discarded")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert not [p for p in Path("/dev").iterdir() if p.name.startswith(".null.")]


@posix
def test_full_device_write_fails_cleanly() -> None:
    """A device that refuses the bytes (``/dev/full``) is ``unwritable``, not a traceback."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    refused = _refusal(lambda: write_atomic("/dev/full", b"x"))
    assert refused.code == "unwritable"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


@needs_fifo
def test_fifo_with_reader_written_directly(tmp_path: Path) -> None:
    """A FIFO with a reader gets the bytes directly (more than a pipe buffer), and stays a FIFO."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    payload = os.urandom(1 << 20)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader exists from here on
    os.set_blocking(reader, True)
    received = bytearray()

    def read_all() -> None:
        deadline = time.monotonic() + 20
        while len(received) < len(payload) and time.monotonic() < deadline:
            chunk = os.read(reader, 65536)
            if chunk:
                received.extend(chunk)
            else:  # no writer yet, or the writer is done
                time.sleep(0.01)

    thread = threading.Thread(target=read_all, daemon=True)
    thread.start()
    try:
        _within(20, lambda: write_atomic(fifo, payload))
        thread.join(20)
    finally:
        os.close(reader)
    assert bytes(received) == payload
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert not _temps(tmp_path)


@needs_fifo
def test_fifo_without_reader_refused(tmp_path: Path) -> None:
    """A FIFO nobody reads is refused at once (``no_reader``) instead of waiting for a reader."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    refused = _within(5, lambda: _refusal(lambda: write_atomic(fifo, b"x")))
    assert refused.code == "no_reader"
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@posix
def test_read_only_file_refused_and_unchanged(tmp_path: Path) -> None:
    """A file without write permission is refused, not replaced, even when run as root."""
    path = tmp_path / "final.csv"
    path.write_bytes(b"signed")
    path.chmod(0o444)
    refused = _refusal(lambda: write_atomic(path, b"overwritten"))
    assert refused.code == "read_only"
    assert path.read_bytes() == b"signed"
    assert _mode(path) == 0o444
    assert not _temps(tmp_path)


def test_directory_write_refused(tmp_path: Path) -> None:
    """A folder is never replaced by a file."""
    folder = tmp_path / "reports"
    folder.mkdir()
    assert _refusal(lambda: write_atomic(folder, b"x")).code == "is_directory"
    assert folder.is_dir()
    assert not _temps(tmp_path)


def test_proc_file_write_refused() -> None:
    """A pseudo-file under ``/proc`` is refused before anything is created."""
    if not Path("/proc/self/status").exists():
        pytest.skip("no /proc")
    assert _refusal(lambda: write_atomic("/proc/self/status", b"x")).code == "not_regular"


def test_empty_path_refused() -> None:
    """An empty path is ``not_found``, never the current folder."""
    assert _refusal(lambda: write_atomic("", b"x")).code == "not_found"


@posix
def test_symlink_loop_write_unwritable(tmp_path: Path) -> None:
    """An output path the system cannot resolve (a symlink loop) is ``unwritable``."""
    loop = tmp_path / "loop"
    loop.symlink_to("loop")
    assert _refusal(lambda: write_atomic(loop, b"x")).code == "unwritable"
    assert loop.is_symlink()


@needs_fifo
def test_regular_file_swapped_in_for_a_fifo_is_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A regular file that took a FIFO's place is ``changed``: never written in place."""
    path = tmp_path / "report.csv"
    path.write_bytes(b"old content")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    real_stat = os.stat

    def fake_stat(target: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        return real_stat(fifo if os.fspath(target) == str(path) else target, *args, **kwargs)

    monkeypatch.setattr(os, "stat", fake_stat)
    assert _refusal(lambda: write_atomic(path, b"new")).code == "changed"
    assert path.read_bytes() == b"old content"


def test_temp_file_not_creatable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the folder takes no new file, the write is ``unwritable`` and nothing is pending."""

    def no_temp(**kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", no_temp)
    refused = _refusal(lambda: write_atomic(tmp_path / "report.csv", b"x"))
    assert refused.code == "unwritable"
    assert "Permission denied" in refused.render("id")
    assert not _files._PENDING


def test_no_temp_left_after_failed_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the rename fails, the temporary file is removed and the old file is left as it was."""
    path = tmp_path / "report.csv"
    path.write_bytes(b"old")

    def failing_replace(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    refused = _refusal(lambda: write_atomic(path, b"new"))
    assert refused.code == "unwritable"
    assert "No space left on device" in refused.render("en")
    assert path.read_bytes() == b"old"
    assert not _temps(tmp_path)
    assert not _files._PENDING


def test_no_temp_left_after_interrupt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An exception that is not an OSError (Ctrl-C) passes through, and still removes the temp."""

    def interrupted(handle: int, data: bytes) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(_files, "_write_all", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "report.csv", b"new")
    assert not list(tmp_path.iterdir())


# ============================================================================================
# Signals
# ============================================================================================


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGHUP here")
def test_cleanup_on_signals_exits_and_restores() -> None:
    """Inside, SIGHUP becomes ``SystemExit(128 + SIGHUP)``; outside, the old handler is back."""
    before = signal.getsignal(signal.SIGHUP)
    with pytest.raises(SystemExit) as caught, cleanup_on_signals():
        signal.raise_signal(signal.SIGHUP)
    assert caught.value.code == 128 + signal.SIGHUP
    assert signal.getsignal(signal.SIGHUP) == before


@posix
def test_signal_handler_removes_registered_temp(tmp_path: Path) -> None:
    """The handler removes every registered temporary file before the ``finally`` blocks run."""
    handle, temp = _files._create_temp(str(tmp_path), "report.csv")
    os.close(handle)
    try:
        with pytest.raises(SystemExit), cleanup_on_signals():
            signal.raise_signal(signal.SIGTERM)
        assert not Path(temp).exists()
    finally:
        _files._forget(temp, remove=True)


def test_cleanup_on_signals_does_nothing_outside_main_thread() -> None:
    """In another thread (where handlers cannot be set) the context manager is a no-op."""
    seen: list[object] = []

    def run() -> None:
        with cleanup_on_signals():
            seen.append(signal.getsignal(signal.SIGTERM))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert seen == [signal.getsignal(signal.SIGTERM)]


_CHILD = """
import sys, time
from pathlib import Path
from sanitasi_core import _files

target, marker = sys.argv[1], sys.argv[2]

def slow_write(handle, data):
    Path(marker).write_text("temporary file created")
    time.sleep(60)

_files._write_all = slow_write
with _files.cleanup_on_signals():
    _files.write_atomic(target, b"x" * 10_000_000)
"""


@posix
def test_sigterm_during_write_leaves_no_temp(tmp_path: Path) -> None:
    """SIGTERM in the middle of a write exits 143 and removes the temporary file."""
    out = tmp_path / "out"
    out.mkdir()
    target, marker = out / "report.html", tmp_path / "started.marker"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(target), str(marker)],
        env=env,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while not marker.exists() and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert marker.exists(), child.stderr.read() if child.stderr else ""
        assert len(_temps(out)) == 1  # the write really is under way
        child.send_signal(signal.SIGTERM)
        _, stderr = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    assert child.returncode == 128 + signal.SIGTERM, stderr
    assert not _temps(out)
    assert not target.exists()


# ============================================================================================
# The refusal and its messages
# ============================================================================================


def test_refusal_renders_one_line_in_both_languages(tmp_path: Path) -> None:
    """``render`` gives ``path: reason`` on one line; an unprintable path is quoted."""
    refused = _refusal(lambda: read_bounded(tmp_path, limit=1))
    assert isinstance(refused, SanitasiError)
    assert refused.render("en") == f"{tmp_path}: is a folder, not a file"
    assert refused.render("id") == f"{tmp_path}: ini sebuah folder, bukan berkas"
    assert str(refused) == refused.render("en")
    odd = FileRefused("a\nb", "not_found", refused.text)
    assert "\n" not in odd.render("en")


def test_refusal_pickles(tmp_path: Path) -> None:
    """A refusal survives pickling (for multiprocessing), with its fields."""
    refused = _refusal(lambda: read_bounded(tmp_path, limit=1))
    copy = pickle.loads(pickle.dumps(refused))  # noqa: S301  # our own object
    assert (copy.path, copy.code, copy.text) == (refused.path, refused.code, refused.text)


def test_messages_are_bilingual_and_distinct() -> None:
    """Every file message has distinct Indonesian and English text and a ``file_`` key."""
    for key, entry in FILE_MESSAGES.items():
        assert key.startswith("file_")
        assert set(entry) == {"id", "en"}
        assert entry["id"] != entry["en"]


# ============================================================================================
# Property
# ============================================================================================


@pytest.mark.property
@posix
@settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(payload=st.binary(max_size=4096), mode=st.sampled_from([0o600, 0o640, 0o644, 0o664]))
def test_write_over_existing_keeps_mode_and_content(
    tmp_path: Path, payload: bytes, mode: int
) -> None:
    """Over an existing file, the content becomes the payload and the mode stays the same."""
    path = tmp_path / "report.bin"  # the same file for every example: reset below
    path.write_bytes(b"previous")
    path.chmod(mode)
    write_atomic(path, payload)
    assert path.read_bytes() == payload
    assert _mode(path) == mode
    assert not _temps(tmp_path)
