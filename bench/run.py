# ruff: noqa: PLC0415  # imports are lazy on purpose: child processes load only their stack
"""Benchmark sanitasi-core against its peers, as same-run ratios: ``python bench/run.py``.

Usage::

    python bench/run.py [--quick] [--json] [--json-file PATH]

Every ratio is *ours / peer* measured in this one run with the stacks interleaved inside each
repetition (so < 1 means sanitasi-core is faster), reported as the median of the per-repetition
ratios with their spread (min-max and quartiles). ``rules_vs_rule_engine`` is the other way round:
how many times faster we are. Nothing here asserts anything about time. See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import importlib.metadata
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

_ENV = dict(os.environ)
try:
    import sanitasi_core  # noqa: F401
except ImportError:  # a checkout without an install: use src/, in child processes too
    sys.path.insert(0, str(ROOT / "src"))
    _ENV["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH")) if p
    )

YEARS = (2021, 2022, 2023, 2024, 2025)
STREAM_NOTE = (
    "ours streams the JSON Lines file with the library's loader, "
    "list(sanitasi_core.batch.load_dossiers(path)): one line read and decoded at a time"
)

# Goals from the issues (#9 and #14; ratios ours/peer unless stated; see bench/README.md).
GOALS: dict[str, dict[str, Any]] = {
    "decode_vs_pydantic": {"max": 1.5},
    "decode_fast_vs_pydantic": {"max": 1.0},
    "decode_vs_msgspec": {"max": 4.5, "stretch": 3.5},
    "decode_fast_vs_msgspec": {"max": 4.5, "stretch": 3.5},
    "encode_vs_msgspec": {"max": 5.0},
    "encode_fast_vs_msgspec": {"max": 3.0},
    "held_memory_vs_msgspec": {"max": 1.1},
    "peak_load_10k_vs_msgspec": {"max": 2.0},
    "import_vs_deps": {"max": 1.3},
    "cli_help_vs_deps": {"max": 1.5},
    "rules_flat_vs_handwritten": {"max": 3.0},
    "rules_vs_rule_engine": {"min": 15.0},
    "rules_dossier_vs_handwritten": {"max": 2.5},
    "explain_batch_vs_decode": {"max": 1.0},
    "batch_peak_growth": {"max": 1.5},
    "problems_peak_growth": {"max": 1.5},
}


def _log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------
# Statistics and timing
# --------------------------------------------------------------------------------------------


def summary(values: Sequence[float], digits: int = 4) -> dict[str, float]:
    """Median, min, max and quartiles of *values*."""
    ordered = sorted(values)
    out = {
        "median": statistics.median(ordered),
        "min": ordered[0],
        "max": ordered[-1],
    }
    if len(ordered) >= 2:
        q1, _, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
        out["q1"], out["q3"] = q1, q3
    return {k: round(v, digits) for k, v in out.items()}


def interleaved(
    stacks: Sequence[tuple[str, Callable[[], object]]], reps: int, warmup: bool = True
) -> dict[str, list[float]]:
    """Time each stack once per repetition, alternating the order; return seconds per rep."""
    if warmup:
        for _, fn in stacks:
            fn()
    times: dict[str, list[float]] = {name: [] for name, _ in stacks}
    for rep in range(reps):
        order = stacks if rep % 2 == 0 else list(reversed(stacks))
        for name, fn in order:
            gc.collect()
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    return times


def calibrated(fn: Callable[[], object], target: float) -> tuple[Callable[[], object], int]:
    """Repeat *fn* enough times that one call takes about *target* seconds."""
    start = time.perf_counter()
    fn()
    once = max(time.perf_counter() - start, 1e-7)
    loops = max(1, math.ceil(target / once))

    def run() -> None:
        for _ in range(loops):
            fn()

    return run, loops


def ratio_block(
    key: str,
    ours: list[float],
    peer: list[float],
    *,
    per: float,
    ours_name: str = "ours",
    peer_name: str,
    unit: str = "us",
    invert: bool = False,
) -> dict[str, Any]:
    """Per-repetition ratios ours/peer (or peer/ours with *invert*) and per-item times."""
    ratios = [(p / o) if invert else (o / p) for o, p in zip(ours, peer, strict=True)]
    scale = 1e6 if unit == "us" else 1e3
    block: dict[str, Any] = {
        "ratio": summary(ratios),
        f"{ours_name}_{unit}": summary([t / per * scale for t in ours], 2),
        f"{peer_name}_{unit}": summary([t / per * scale for t in peer], 2),
        "reps": len(ratios),
    }
    block.update(goal_check(key, block["ratio"]["median"]))
    return block


def goal_check(key: str, median: float) -> dict[str, Any]:
    goal = GOALS[key]
    if "min" in goal:
        return {"goal": f">= {goal['min']}x", "meets_goal": median >= goal["min"]}
    out: dict[str, Any] = {"goal": f"<= {goal['max']}x", "meets_goal": median <= goal["max"]}
    if "stretch" in goal:
        out["goal"] += f" (stretch {goal['stretch']}x)"
        out["meets_stretch"] = median <= goal["stretch"]
    return out


# --------------------------------------------------------------------------------------------
# Machine
# --------------------------------------------------------------------------------------------


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _mem_total() -> str | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def _version(dist: str) -> str | None:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def _git() -> str | None:
    try:
        head = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no", "src"],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return head + (" + uncommitted changes in src/" if dirty else "")


def machine() -> dict[str, Any]:
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    return {
        "platform": platform.platform(),
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "cores_usable": usable,
        "memory": _mem_total(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "executable": sys.executable,
        "libraries": {
            d: _version(d)
            for d in (
                "sanitasi-core",
                "attrs",
                "cattrs",
                "python-dateutil",
                "msgspec",
                "pydantic",
                "pydantic-core",
                "rule-engine",
                "orjson",
            )
        },
        "sanitasi_core_git": _git(),
        "loadavg_start": list(os.getloadavg()),
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }


# --------------------------------------------------------------------------------------------
# Benchmarks
# --------------------------------------------------------------------------------------------


def bench_serialization(blobs: list[bytes], reps: int) -> dict[str, Any]:
    """JSON bytes -> validated dossier (3 stacks) and dossier -> JSON bytes (ours, msgspec).

    Ours runs twice: on the standard library's JSON parser and encoder, and with the ``fast``
    extra (orjson), through the private entries the public functions call with the choice made.
    Without orjson installed, the ``*_fast_*`` keys say so and hold no ratio.
    """
    import peers

    from sanitasi_core import _json
    from sanitasi_core.serialization import _dump_dossier, _load_dossier

    fast = _json.FAST_AVAILABLE
    decode_m = peers.msgspec_decoder.decode
    validate_p = peers.PDossier.model_validate_json
    encode_m = peers.msgspec_encoder.encode

    # The three stacks must read and write the same data; ours the same with and without orjson.
    ours_objs = [_load_dossier(b, fast_json=False) for b in blobs]
    m_objs = [decode_m(b) for b in blobs]
    p_objs = [validate_p(b) for b in blobs]
    same = all(
        json.loads(_dump_dossier(o, indent=None, fast_json=False))
        == json.loads(encode_m(m))
        == json.loads(peers.pydantic_dump_json(p))
        for o, m, p in zip(ours_objs, m_objs, p_objs, strict=True)
    )
    same_fast = not fast or all(
        _load_dossier(b, fast_json=True) == o
        and _dump_dossier(o, indent=None, fast_json=True)
        == _dump_dossier(o, indent=None, fast_json=False)
        for b, o in zip(blobs, ours_objs, strict=True)
    )

    def decoder(fast_json: bool) -> Callable[[], None]:
        def run() -> None:
            for b in blobs:
                _load_dossier(b, fast_json=fast_json)

        return run

    def msgspec_decode() -> None:
        for b in blobs:
            decode_m(b)

    def pydantic_decode() -> None:
        for b in blobs:
            validate_p(b)

    stacks = [("ours", decoder(False)), ("msgspec", msgspec_decode), ("pydantic", pydantic_decode)]
    if fast:
        stacks.append(("ours_fast", decoder(True)))
    _log(f"decode: {len(blobs)} dossiers x {reps} reps ({', '.join(n for n, _ in stacks)})")
    t = interleaved(stacks, reps)
    n = len(blobs)
    size = sum(map(len, blobs)) / n
    common = {
        "n_dossiers": n,
        "mean_json_bytes": round(size),
        "same_data_all_stacks": same,
        "same_results_with_fast_extra": same_fast,
        "what": "JSON bytes -> validated frozen objects, per dossier (load_dossier vs "
        "msgspec.json.Decoder(MDossier).decode vs PDossier.model_validate_json); *_fast_* with "
        "the fast extra (orjson parses)",
    }
    missing = {"ratio": None, "meets_goal": None, "goal": "-", "note": "orjson not installed"}
    out: dict[str, Any] = {}
    for ours_key, label in (("ours", ""), ("ours_fast", "_fast")):
        for peer in ("msgspec", "pydantic"):
            key = f"decode{label}_vs_{peer}"
            if ours_key not in t:
                out[key] = missing | common
                continue
            block = ratio_block(key, t[ours_key], t[peer], per=n, peer_name=peer)
            out[key] = block | common

    def encoder(fast_json: bool) -> Callable[[], None]:
        def run() -> None:
            for o in ours_objs:
                _dump_dossier(o, indent=None, fast_json=fast_json).encode("utf-8")

        return run

    def msgspec_encode() -> None:
        for m in m_objs:
            encode_m(m)

    stacks = [("ours", encoder(False)), ("msgspec", msgspec_encode)]
    if fast:
        stacks.append(("ours_fast", encoder(True)))
    _log(f"encode: {n} dossiers x {reps} reps ({', '.join(n for n, _ in stacks)})")
    t = interleaved(stacks, reps)
    what = {
        "n_dossiers": n,
        "what": "dossier -> compact JSON bytes (dump_dossier(d, indent=None).encode() vs "
        "msgspec.json.Encoder().encode); *_fast_* with the fast extra",
    }
    out["encode_vs_msgspec"] = (
        ratio_block("encode_vs_msgspec", t["ours"], t["msgspec"], per=n, peer_name="msgspec") | what
    )
    if fast:
        out["encode_fast_vs_msgspec"] = (
            ratio_block(
                "encode_fast_vs_msgspec", t["ours_fast"], t["msgspec"], per=n, peer_name="msgspec"
            )
            | what
        )
    else:
        out["encode_fast_vs_msgspec"] = missing | what
    return out


def memory_worker(stack: str, path: str) -> None:
    """Child process: load a JSON Lines file with one stack under tracemalloc; print JSON."""
    import resource
    import tracemalloc

    with open(path, "rb") as fh:
        first = fh.readline()
    if stack == "ours_stream":
        from sanitasi_core.batch import load_dossiers
        from sanitasi_core.serialization import load_dossier

        load_dossier(first)  # build the decoders and load the region registry untraced

        def load() -> list[Any]:
            loaded = load_dossiers(path)
            out = list(loaded)
            if loaded.failures:
                raise RuntimeError(f"bench data failed to load: {loaded.failures[:1]}")
            return out

    else:
        import msgspec
        import peers

        decoder = msgspec.json.Decoder(peers.MDossier)
        decoder.decode(first)
        if stack == "msgspec_stream":

            def load() -> list[Any]:
                out = []
                with open(path, "rb") as fh:
                    for line in fh:
                        out.append(decoder.decode(line))  # noqa: PERF401
                return out

        else:  # msgspec_bulk: the whole file, then decode_lines

            def load() -> list[Any]:
                with open(path, "rb") as fh:
                    data = fh.read()
                out = decoder.decode_lines(data)
                del data
                return out

    del first
    gc.collect()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    tracemalloc.start()
    base, _ = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    start = time.perf_counter()
    loaded = load()
    elapsed = time.perf_counter() - start
    gc.collect()
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        json.dumps(
            {
                "stack": stack,
                "n": len(loaded),
                "held_bytes": current - base,
                "peak_bytes": peak - base,
                "seconds_under_tracemalloc": round(elapsed, 2),
                "max_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                "max_rss_before_load_bytes": rss_before,
            }
        )
    )


# --------------------------------------------------------------------------------------------
# Flat memory: streamed batches and bounded problems
# --------------------------------------------------------------------------------------------

SMALL_DOSSIER = {
    "schema": "sanitasi.dossier/v2",
    "region": {"code": "64.11", "name": "Kabupaten Mahakam Ulu"},
}
"""The smallest valid dossier: a batch of 100,000 of them evaluates in minutes, not hours."""


def flat_worker(kind: str, n: int, folder: str) -> None:
    """Child process: peak traced memory of one run, after an untraced warm-up; print JSON.

    ``batch``: ``sanitasi evaluate`` in-process over a JSON Lines file of *n* small dossiers,
    ``--format csv`` to a file. ``problems``: ``load_dossier`` of one dossier whose activity list
    holds *n* items that are not objects (every one a problem; the library keeps a bounded
    number and counts the rest).
    """
    import contextlib
    import io
    import tracemalloc

    from sanitasi_core.cli import main as cli_main
    from sanitasi_core.exceptions import DossierFormatError
    from sanitasi_core.serialization import dossier_from_dict

    line = json.dumps(SMALL_DOSSIER)
    if kind == "batch":
        data, warm = Path(folder) / f"batch-{n}.jsonl", Path(folder) / "warm.jsonl"
        data.write_text(f"{line}\n" * n, encoding="utf-8")
        # 2,000 inputs untraced: CPython's free lists (a tuple freed is kept for reuse, up to
        # 2,000 per size, and tracemalloc counts it as allocated) fill up before tracing starts.
        warm.write_text(f"{line}\n" * 2_000, encoding="utf-8")

        def run(path: Path) -> object:
            argv = ["evaluate", str(path), "--as-of", "2025-12-31", "--format", "csv"]
            with contextlib.redirect_stderr(io.StringIO()):
                return cli_main([*argv, "-o", str(Path(folder) / f"out-{n}.csv")])

        gc.collect()  # before the warm-up: a full collection empties the free lists again
        run(warm)
        size = data.stat().st_size
        work: Callable[[], object] = lambda: run(data)  # noqa: E731
    else:
        document = json.dumps({**SMALL_DOSSIER, "activities": [0] * n}).encode()
        size = len(document)
        # Decoded before tracing: the decoded document is the input, and it grows with it by
        # nature; what is measured is what reading it as a dossier adds (problems included).
        decoded = json.loads(document)

        def parse(data: object) -> object:
            try:
                return dossier_from_dict(data)
            except DossierFormatError as error:
                return (len(error.problems), getattr(error, "omitted", 0))

        parse({**SMALL_DOSSIER, "activities": [0] * 3})
        gc.collect()
        parse({**SMALL_DOSSIER, "activities": [0] * 2_000})
        work = lambda: parse(decoded)  # noqa: E731
    tracemalloc.start()
    base, _ = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    started = time.perf_counter()
    outcome = work()
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        json.dumps(
            {
                "n": n,
                "input_MiB": round(size / 2**20, 2),
                "peak_bytes": peak - base,
                "seconds_under_tracemalloc": round(elapsed, 2),
                "outcome": outcome,
            }
        )
    )


def bench_flat(small: int, large: int) -> dict[str, Any]:
    """Peak memory of a streamed batch and of a many-problem dossier, at two sizes (children)."""
    note = (
        ""
        if (small, large) == (10_000, 100_000)
        else f"quick run: {small:,} and {large:,} instead of 10,000 and 100,000"
    )
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as folder:
        for kind in ("batch", "problems"):
            _log(f"flat memory: {kind}, {small:,} and {large:,} (two child processes)")
            children = [
                subprocess.Popen(
                    [sys.executable, __file__, "--flat-worker", kind, str(n), folder],
                    stdout=subprocess.PIPE,
                    text=True,
                    env=_ENV,
                )
                for n in (small, large)
            ]
            found = []
            for child in children:
                stdout, _ = child.communicate()
                if child.returncode:
                    raise RuntimeError(f"flat-memory child failed: {kind}")
                found.append(json.loads(stdout.strip().splitlines()[-1]))
            what = (
                "peak traced memory of `sanitasi evaluate FILE.jsonl --format csv -o FILE` "
                "in-process, small dossiers, after a warm-up"
                if kind == "batch"
                else "peak traced memory of dossier_from_dict on one decoded dossier with that "
                "many bad activity items, beyond the decoded document itself (all problems "
                "counted; the first 100 kept)"
            )
            for label, measured in zip(("10k", "100k"), found, strict=True):
                block = {
                    "peak_MiB": round(measured["peak_bytes"] / 2**20, 2),
                    "n": measured["n"],
                    "input_MiB": measured["input_MiB"],
                    "seconds_under_tracemalloc": measured["seconds_under_tracemalloc"],
                    "what": what,
                }
                if note:
                    block["quick_note"] = note
                out[f"{kind}_{label}_peak_mib"] = block
            growth = found[1]["peak_bytes"] / max(found[0]["peak_bytes"], 1)
            block = {
                "ratio": round(growth, 3),
                "what": f"{kind}_100k_peak_mib / {kind}_10k_peak_mib (tenfold input; flat <= 1.5)",
                **goal_check(f"{kind}_peak_growth", growth),
            }
            if note:
                block["quick_note"] = note
            out[f"{kind}_peak_growth"] = block
    return out


def bench_memory(n: int) -> dict[str, Any]:
    """Held and peak memory of loading *n* dossiers, one child process per stack."""
    import data

    mib = 1024 * 1024
    with tempfile.TemporaryDirectory(prefix="sanitasi-bench-") as tmp:
        path = os.path.join(tmp, "dossiers.jsonl")
        _log(f"memory: writing {n} dossiers as JSON Lines")
        size = data.write_jsonl(path, n)

        # Memory is not timed: run ours (slow under tracemalloc) beside the two msgspec
        # children, which run one after the other; each child has its own process.
        def start(stack: str) -> subprocess.Popen[str]:
            _log(f"memory: {stack} loading {n} dossiers under tracemalloc (child process)")
            return subprocess.Popen(
                [sys.executable, str(Path(__file__).resolve()), "--memory-worker", stack, path],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=_ENV,
            )

        def finish(stack: str, proc: subprocess.Popen[str]) -> dict[str, Any]:
            out, err = proc.communicate()
            if proc.returncode != 0:
                raise RuntimeError(f"memory worker {stack} failed:\n{err}")
            return json.loads(out.strip().splitlines()[-1])

        ours_proc = start("ours_stream")
        results = {}
        for stack in ("msgspec_stream", "msgspec_bulk"):
            results[stack] = finish(stack, start(stack))
        results["ours_stream"] = finish("ours_stream", ours_proc)
    ours = results["ours_stream"]
    m_stream, m_bulk = results["msgspec_stream"], results["msgspec_bulk"]
    best = min((m_stream, m_bulk), key=lambda r: r["peak_bytes"])

    def mb(value: int) -> float:
        return round(value / mib, 1)

    details = {
        stack: {
            "held_MiB": mb(r["held_bytes"]),
            "peak_MiB": mb(r["peak_bytes"]),
            "max_rss_MiB": mb(r["max_rss_bytes"]),
            "max_rss_before_load_MiB": mb(r["max_rss_before_load_bytes"]),
            "seconds_under_tracemalloc": r["seconds_under_tracemalloc"],
        }
        for stack, r in results.items()
    }
    held_ratio = ours["held_bytes"] / m_stream["held_bytes"]
    peak_ratio = ours["peak_bytes"] / best["peak_bytes"]
    held = {
        "ratio": round(held_ratio, 4),
        "n_dossiers": n,
        "ours_held_MiB": mb(ours["held_bytes"]),
        "msgspec_held_MiB": mb(m_stream["held_bytes"]),
        "ours_bytes_per_dossier": round(ours["held_bytes"] / n),
        "msgspec_bytes_per_dossier": round(m_stream["held_bytes"] / n),
        "reps": 1,
        "what": "tracemalloc current after loading (input freed), one child process per stack",
        "stacks": details,
    } | goal_check("held_memory_vs_msgspec", held_ratio)
    peak = {
        "ratio": round(peak_ratio, 4),
        "n_dossiers": n,
        "file_MiB": mb(size),
        "ours_peak_MiB": mb(ours["peak_bytes"]),
        "msgspec_best_peak_MiB": mb(best["peak_bytes"]),
        "msgspec_best_approach": best["stack"],
        "ratio_vs_msgspec_bulk": round(ours["peak_bytes"] / m_bulk["peak_bytes"], 4),
        "reps": 1,
        "what": "tracemalloc peak while loading the JSON Lines file; ours streams line by line, "
        "msgspec's best of streaming per line and decode_lines over the whole file",
        "note": STREAM_NOTE,
        "stacks": details,
    } | goal_check("peak_load_10k_vs_msgspec", peak_ratio)
    return {"held_memory_vs_msgspec": held, "peak_load_10k_vs_msgspec": peak}


def bench_imports(runs: int) -> dict[str, Any]:
    """Fresh-process wall times: ``import sanitasi_core``, the CLI's --help, the bare deps."""
    py = sys.executable
    # Bytecode must be cacheable for every module alike: an environment with
    # PYTHONDONTWRITEBYTECODE=1 and an uncompiled checkout would make us recompile
    # sanitasi_core's sources on every run while the installed deps load their .pyc files.
    # A private cache prefix (written by the warm-up runs) treats all modules the same and
    # writes nothing into the source tree.
    pycache = tempfile.mkdtemp(prefix="sanitasi-bench-pycache-")
    env = {k: v for k, v in _ENV.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = pycache
    commands = {
        "bare": [py, "-c", "pass"],
        "ours": [py, "-c", "import sanitasi_core"],
        "deps": [py, "-c", "import attrs, cattrs, dateutil.parser"],
        "cli_help": [py, "-m", "sanitasi_core", "--help"],
    }

    def once(cmd: list[str]) -> float:
        start = time.perf_counter()
        subprocess.run(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True
        )
        return time.perf_counter() - start

    _log(f"imports: {runs} interleaved runs of {', '.join(commands)}")
    names = list(commands)
    for _ in range(2):  # write the bytecode cache, warm the file cache
        for name in names:
            once(commands[name])
    times: dict[str, list[float]] = {name: [] for name in names}
    for run in range(runs):
        shift = run % len(names)
        for name in names[shift:] + names[:shift]:
            times[name].append(once(commands[name]))

    def modules(code: str) -> int:
        out = subprocess.run(
            [
                py,
                "-c",
                f"import sys; n = len(sys.modules)\n{code}\n"
                "print(len(sys.modules) - n, file=sys.stderr)",
            ],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        return int(out.stderr.strip().splitlines()[-1])

    loaded = {
        "ours": modules("import sanitasi_core"),
        "deps": modules("import attrs, cattrs, dateutil.parser"),
        "cli_help": modules(
            "import runpy\nsys.argv = ['sanitasi', '--help']\n"
            "try:\n runpy.run_module('sanitasi_core', run_name='__main__')\nexcept SystemExit: pass"
        ),
    }
    med = {name: statistics.median(v) for name, v in times.items()}
    shutil.rmtree(pycache, ignore_errors=True)

    def block(key: str, ours: str) -> dict[str, Any]:
        b = ratio_block(
            key, times[ours], times["deps"], per=1, ours_name=ours, peer_name="deps", unit="ms"
        )
        net = (med[ours] - med["bare"]) / (med["deps"] - med["bare"])
        b |= {
            "ratio_net_of_bare_interpreter": round(net, 4),
            "bare_interpreter_ms": summary([t * 1e3 for t in times["bare"]], 2),
            "modules_loaded": {ours: loaded[ours], "deps": loaded["deps"]},
            "runs": runs,
            "bytecode": "cached for all modules alike in a private PYTHONPYCACHEPREFIX",
            "what": f"wall time of `{' '.join(commands[ours][1:])}` vs "
            f"`{' '.join(commands['deps'][1:])}` in fresh processes, per interleaved run",
        }
        return b

    return {
        "import_vs_deps": block("import_vs_deps", "ours"),
        "cli_help_vs_deps": block("cli_help_vs_deps", "cli_help"),
    }


def _baseline_rulebook() -> Any:
    """The rulebook the hand-written baseline encodes: 2020.1, applied on every date.

    Its M2 is four leaves in a conjunction (2025.1 makes M2 an ``any``), which ``handwritten``
    and the rule-engine rule restate by hand.
    """
    import attrs

    from sanitasi_core.rulebooks import default_rulebook

    return attrs.evolve(default_rulebook("2020.1"), valid_to=None)


def _m2_nodes(compiled: Any) -> list[tuple[str, dict[str, str]]]:
    m2 = next(m for m in compiled.rulebook.milestones if m.id == "M2")
    nodes = []
    for crit in m2.criteria:
        test = crit.test
        name = getattr(test, "indicator", None) or test.fact
        nodes.append((name, dict(test.args)))
    return nodes


def _prepared(obs: Any) -> Any:
    """An M2 fact as ``handwritten.m2_flat`` takes it: a flag, or a count as ``(sure, upper)``.

    ``upper`` is ``None`` for a list marked incomplete (no bound); ``None`` alone: unknown. The
    lower bound alone (``obs.value``) would make a partly unknown count fail where it is unknown.
    """
    value = obs.value
    if value is None or isinstance(value, bool):
        return False if obs.absent else value
    return value, None if obs.open_ended else (value if obs.upper is None else obs.upper)


def bench_rules_flat(
    dossiers: list[Any], years: Sequence[int], reps: int, target: float
) -> dict[str, Any]:
    """M2 on prepared facts: compiled criteria vs hand-written vs rule-engine."""
    import handwritten
    import rule_engine

    from sanitasi_core.indicators import Facts
    from sanitasi_core.rules import combine_all, compile_rulebook

    compiled = compile_rulebook(_baseline_rulebook())
    m2 = next(m for m in compiled._milestones if m.id == "M2")
    closures = m2.fast  # the closure compiler: the reference the generated code is tested against
    keys, generated = compiled._prepared_milestone("M2")
    nodes = _m2_nodes(compiled)
    names = [name for name, _ in nodes]
    expected = [
        "policy_adopted",
        "trial_service_models",
        "funded_model_activities",
        "planned_model_activities",
    ]
    if names != expected or [k for k, _ in keys] != expected:
        raise RuntimeError(f"M2 of rulebook 2020.1 changed: {names}; update the bench")

    facts, observations, flat, dicts = [], [], [], []
    for year in years:
        as_of = dt.date(year, 12, 31)
        for d in dossiers:
            f = Facts(d, as_of)
            observed = tuple(f.observe(name, args) for name, args in keys)
            facts.append(f)  # its indicator cache now holds the four observations
            observations.append(observed)
            flat.append(tuple(_prepared(o) for o in observed))
            dicts.append(dict(zip(names, (o.value for o in observed), strict=True)))
    rule = rule_engine.Rule(
        "policy_adopted and trial_service_models >= 1 and funded_model_activities >= 1 "
        "and planned_model_activities >= 1"
    )
    milestone = compiled._milestone
    m2_flat = handwritten.m2_flat
    matches = rule.matches

    ours_out = [generated(*o).value for o in observations]
    if ours_out != [milestone(m2, f).outcome.value for f in facts] or ours_out != [
        combine_all([run(f) for run in closures]).value for f in facts
    ]:
        raise RuntimeError("the generated, closure and explained paths disagree on M2")
    hand_out = [m2_flat(*v) for v in flat]
    engine_out = [matches(x) for x in dicts]
    agree_hand = sum(a == b for a, b in zip(ours_out, hand_out, strict=True))
    agree_engine = sum((a == "pass") == b for a, b in zip(ours_out, engine_out, strict=True))

    def ours() -> None:
        for o in observations:
            generated(*o)

    def explained() -> None:
        for f in facts:
            milestone(m2, f)

    def hand() -> None:
        for v in flat:
            m2_flat(*v)

    def engine() -> None:
        for x in dicts:
            matches(x)

    ours_run, ours_loops = calibrated(ours, target)
    explained_run, explained_loops = calibrated(explained, target)
    hand_run, hand_loops = calibrated(hand, target)
    engine_run, engine_loops = calibrated(engine, target)
    n = len(facts)
    _log(f"rules flat (M2): {n} prepared facts x {reps} reps (ours, hand-written, rule-engine)")
    t = interleaved(
        [
            ("ours", ours_run),
            ("explained", explained_run),
            ("hand", hand_run),
            ("engine", engine_run),
        ],
        reps,
        warmup=False,
    )
    t_ours = [x / ours_loops for x in t["ours"]]
    t_explained = [x / explained_loops for x in t["explained"]]
    t_hand = [x / hand_loops for x in t["hand"]]
    t_engine = [x / engine_loops for x in t["engine"]]
    common = {
        "n_prepared_facts": n,
        "ours_explained_us": summary([x / n * 1e6 for x in t_explained], 2),
        "eligible_for_M2": ours_out.count("pass"),
        "outcomes_agree": {
            "hand_written": f"{agree_hand}/{n}",
            "rule_engine": f"{agree_engine}/{n}",
        },
    }
    flat_block = (
        ratio_block("rules_flat_vs_handwritten", t_ours, t_hand, per=n, peer_name="handwritten")
        | common
        | {
            "what": "M2 of rulebook 2020.1 on prepared facts: the rulebook's generated M2 "
            "function (the one CompiledRulebook.outcomes calls; CompiledRulebook."
            "_prepared_milestone) over the four prepared observations vs plain Python over the "
            "same four facts (counts as (sure, upper) intervals); ours_explained_us is the same "
            "M2 with full explanations (CompiledRulebook._milestone)",
        }
    )
    engine_block = (
        ratio_block(
            "rules_vs_rule_engine", t_ours, t_engine, per=n, peer_name="rule_engine", invert=True
        )
        | common
        | {
            "ratio_means": "times_faster_than_rule_engine = rule_engine time / our time "
            "(> 1: we are faster)",
            "rule": "policy_adopted and trial_service_models >= 1 and funded_model_activities >= 1 "
            "and planned_model_activities >= 1 (rule_engine.Rule.matches over a dict of facts)",
        }
    )
    engine_block["times_faster_than_rule_engine"] = engine_block.pop("ratio")
    return {"rules_flat_vs_handwritten": flat_block, "rules_vs_rule_engine": engine_block}


def bench_rules_dossier(dossiers: list[Any], years: Sequence[int], reps: int) -> dict[str, Any]:
    """Full evaluation over the object graph vs hand-written Python with fused loops."""
    import handwritten

    from sanitasi_core.indicators import Facts
    from sanitasi_core.rules import compile_rulebook

    compiled = compile_rulebook(_baseline_rulebook())
    items = [(d, dt.date(y, 12, 31)) for y in years for d in dossiers]
    evaluate = compiled.evaluate
    milestone = compiled._milestone
    milestones = compiled._milestones
    hand_eval = handwritten.evaluate

    mismatches = 0
    first_mismatch = None
    for d, as_of in items:
        decision = evaluate(d, as_of=as_of)
        ours = tuple(c.outcome.value for m in decision.milestones for c in m.criteria)
        level = decision.certain_level.value if decision.certain_level else None
        hand, hand_level = hand_eval(d, as_of)
        if ours != hand or level != hand_level:
            mismatches += 1
            if first_mismatch is None:
                first_mismatch = f"{d.region.code} {as_of}"

    def ours_full() -> None:
        for d, as_of in items:
            evaluate(d, as_of=as_of)

    def ours_criteria() -> None:
        for d, as_of in items:
            f = Facts(d, as_of)
            for m in milestones:
                milestone(m, f)

    def hand() -> None:
        for d, as_of in items:
            hand_eval(d, as_of)

    n = len(items)
    _log(f"rules over dossiers: {n} evaluations x {reps} reps (ours, ours criteria only, hand)")
    t = interleaved([("ours", ours_full), ("criteria", ours_criteria), ("hand", hand)], reps)
    block = ratio_block(
        "rules_dossier_vs_handwritten", t["ours"], t["hand"], per=n, peer_name="handwritten"
    )
    criteria_ratios = [c / h for c, h in zip(t["criteria"], t["hand"], strict=True)]
    block |= {
        "n_evaluations": n,
        "n_dossiers": len(dossiers),
        "as_of": [f"{y}-12-31" for y in years],
        "outcome_mismatches": mismatches,
        "first_mismatch": first_mismatch,
        "breakdown": {
            "ours_criteria_only_us": summary([x / n * 1e6 for x in t["criteria"]], 2),
            "ratio_criteria_only_vs_handwritten": summary(criteria_ratios),
            "note": "criteria only = Facts + the 19 explained criteria of M1-M4; evaluate() also "
            "re-evaluates M4 for earlier years (m4_year), ranks missing inputs, checks the "
            "designation decree and measures national targets",
        },
        "what": "CompiledRulebook.evaluate(dossier, as_of) vs hand-written Python computing the "
        "same 19 criterion outcomes and the certain level from the same dossier objects",
    }
    return {"rules_dossier_vs_handwritten": block}


def bench_explain_batch(
    dossiers: list[Any], blobs: list[bytes], years: Sequence[int], reps: int
) -> dict[str, Any]:
    """Explained decisions for every district and year vs decoding those dossiers."""
    from sanitasi_core.rules import compile_rulebook
    from sanitasi_core.serialization import load_dossier

    compiled = compile_rulebook(_baseline_rulebook())
    dates = [dt.date(y, 12, 31) for y in years]
    evaluate = compiled.evaluate

    def explain() -> None:
        for as_of in dates:
            for d in dossiers:
                evaluate(d, as_of=as_of)

    def decode() -> None:
        for b in blobs:
            load_dossier(b)

    _log(
        f"explain batch: {len(dossiers)} districts x {len(dates)} years vs decoding "
        f"{len(blobs)} dossiers, {reps} reps"
    )
    t = interleaved([("explain", explain), ("decode", decode)], reps)
    block = ratio_block(
        "explain_batch_vs_decode",
        t["explain"],
        t["decode"],
        per=1,
        ours_name="explain",
        peer_name="decode",
        unit="ms",
    )
    block |= {
        "n_districts": len(dossiers),
        "years": list(years),
        "n_decisions": len(dossiers) * len(dates),
        "what": "time to evaluate (explained Decision objects) every district on 31 Dec of every "
        "year vs time to load_dossier() the same districts' JSON once (the decoder users get: "
        "with the fast extra when it is installed); times are per batch",
    }
    return {"explain_batch_vs_decode": block}


def bench_extract(megabytes: float, reps: int) -> dict[str, Any]:
    """Throughput of ``extract`` on generated news text (see ``bench/extract.py``)."""
    import extract as news  # bench/extract.py: the text generator

    from sanitasi_core.extract import extract

    text = news.news_text(megabytes, seed=2024)
    size = len(text.encode("utf-8")) / 1_000_000
    times, found = [], 0
    for _ in range(reps):
        started = time.perf_counter()
        found = len(extract(text, reference=dt.date(2024, 7, 22)))
        times.append(time.perf_counter() - started)
    rates = [size / t for t in times]
    return {
        "extract_mb_per_s": {
            "megabytes": round(size, 3),
            "mentions": found,
            "reps": reps,
            "seconds": summary(times),
            "mb_per_s": summary(rates),
        }
    }


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------

ORDER = (
    "decode_vs_pydantic",
    "decode_fast_vs_pydantic",
    "decode_vs_msgspec",
    "decode_fast_vs_msgspec",
    "encode_vs_msgspec",
    "encode_fast_vs_msgspec",
    "held_memory_vs_msgspec",
    "peak_load_10k_vs_msgspec",
    "import_vs_deps",
    "cli_help_vs_deps",
    "rules_flat_vs_handwritten",
    "rules_vs_rule_engine",
    "rules_dossier_vs_handwritten",
    "explain_batch_vs_decode",
    "batch_peak_growth",
    "problems_peak_growth",
)


REPORTED = (
    "extract_mb_per_s",
    "batch_10k_peak_mib",
    "batch_100k_peak_mib",
    "problems_10k_peak_mib",
    "problems_100k_peak_mib",
)
"""Keys reported without a goal."""


def _main_value(block: dict[str, Any]) -> Any:
    return block.get("ratio", block.get("times_faster_than_rule_engine"))


def text_report(result: dict[str, Any]) -> str:
    m = result["machine"]
    lines = [
        f"sanitasi-core benchmark ({'quick' if result['quick'] else 'full'} run)",
        "ratios are ours / peer, measured in this run with the stacks interleaved; < 1 means "
        "sanitasi-core is faster",
        "(rules_vs_rule_engine is the other way round: how many times faster we are)",
        "",
        f"machine: {m['platform']}; {m['cpu']}; {m['cores']} cores "
        f"({m['cores_usable']} usable); {m['memory']}",
        f"python:  {m['python']} ({m['executable']})",
        "libs:    " + ", ".join(f"{k} {v}" for k, v in m["libraries"].items()),
        f"source:  sanitasi_core {m['sanitasi_core_git']}; load average at start "
        f"{', '.join(f'{x:.2f}' for x in m['loadavg_start'])}, at end "
        f"{', '.join(f'{x:.2f}' for x in m['loadavg_end'])}",
        "",
        f"{'key':<30} {'median':>8}  {'spread min-max':>16}  {'IQR':>15}  {'goal':<24} status",
        "-" * 110,
    ]
    for key in ORDER:
        block = result[key]
        value = _main_value(block)
        if value is None:
            lines.append(f"{key:<30} {'-':>8}  {block['note']}")
            continue
        if isinstance(value, dict):
            med = f"{value['median']:.3g}x"
            spread = f"{value['min']:.3g}-{value['max']:.3g}"
            iqr = f"{value['q1']:.3g}-{value['q3']:.3g}" if "q1" in value else "-"
        else:
            med, spread, iqr = f"{value:.3g}x", "(1 run)", "-"
        status = "ok" if block["meets_goal"] else "MISSED"
        if block.get("meets_stretch"):
            status += " (stretch met)"
        lines.append(f"{key:<30} {med:>8}  {spread:>16}  {iqr:>15}  {block['goal']:<24} {status}")
    lines += ["", "details"]

    def us(block: dict[str, Any], name: str, unit: str = "us") -> str:
        v = block[f"{name}_{unit}"]
        return f"{v['median']:.1f} {unit} (min {v['min']:.1f})"

    d = result["decode_vs_msgspec"]
    p = result["decode_vs_pydantic"]
    lines.append(
        f"  decode per dossier ({d['n_dossiers']} dossiers, {d['mean_json_bytes']} B JSON each, "
        f"{d['reps']} reps): ours {us(d, 'ours')}, msgspec {us(d, 'msgspec')}, "
        f"pydantic {us(p, 'pydantic')}; same data in all stacks: {d['same_data_all_stacks']}"
    )
    e = result["encode_vs_msgspec"]
    lines.append(f"  encode per dossier: ours {us(e, 'ours')}, msgspec {us(e, 'msgspec')}")
    df, ef = result["decode_fast_vs_msgspec"], result["encode_fast_vs_msgspec"]
    if df["ratio"] is None:
        lines.append("  fast extra: orjson not installed (pip install 'sanitasi-core[fast]')")
    else:
        lines.append(
            f"  with the fast extra (orjson): decode {us(df, 'ours')}, encode {us(ef, 'ours')}; "
            f"same results as without: {df['same_results_with_fast_extra']}"
        )
    h = result["held_memory_vs_msgspec"]
    lines.append(
        f"  held after loading {h['n_dossiers']} dossiers: ours {h['ours_held_MiB']} MiB, "
        f"msgspec {h['msgspec_held_MiB']} MiB ({h['ours_bytes_per_dossier']} vs "
        f"{h['msgspec_bytes_per_dossier']} B/dossier)"
    )
    k = result["peak_load_10k_vs_msgspec"]
    lines.append(
        f"  peak loading a {k['file_MiB']} MiB JSON Lines file: ours (streaming) "
        f"{k['ours_peak_MiB']} MiB, msgspec best ({k['msgspec_best_approach']}) "
        f"{k['msgspec_best_peak_MiB']} MiB; vs msgspec decode_lines: {k['ratio_vs_msgspec_bulk']}x"
    )
    for stack, s in k["stacks"].items():
        lines.append(
            f"    {stack:<15} held {s['held_MiB']:>7} MiB  peak {s['peak_MiB']:>7} MiB  "
            f"max RSS {s['max_rss_MiB']:>7} MiB (before load {s['max_rss_before_load_MiB']})  "
            f"{s['seconds_under_tracemalloc']} s under tracemalloc"
        )
    lines.append(f"    note: {k['note']}")
    for key, name in (("import_vs_deps", "ours"), ("cli_help_vs_deps", "cli_help")):
        b = result[key]
        lines.append(
            f"  {key}: {name} {us(b, name, 'ms')}, deps {us(b, 'deps', 'ms')}, bare interpreter "
            f"{b['bare_interpreter_ms']['median']:.1f} ms; net of the bare interpreter "
            f"{b['ratio_net_of_bare_interpreter']:.3g}x; modules loaded {b['modules_loaded']}; "
            f"{b['runs']} runs"
        )
    r = result["rules_flat_vs_handwritten"]
    g = result["rules_vs_rule_engine"]
    lines.append(
        f"  M2 on prepared facts ({r['n_prepared_facts']} items, {r['eligible_for_M2']} eligible): "
        f"ours {us(r, 'ours')}, hand-written {us(r, 'handwritten')}, rule-engine "
        f"{us(g, 'rule_engine')}; outcomes agree {r['outcomes_agree']}"
    )
    o = result["rules_dossier_vs_handwritten"]
    bd = o["breakdown"]
    lines.append(
        f"  full evaluation ({o['n_evaluations']} = {o['n_dossiers']} dossiers x "
        f"{len(o['as_of'])} dates): evaluate() {us(o, 'ours')}, criteria only "
        f"{bd['ours_criteria_only_us']['median']:.1f} us "
        f"({bd['ratio_criteria_only_vs_handwritten']['median']:.3g}x hand-written), "
        f"hand-written {us(o, 'handwritten')}; outcome mismatches {o['outcome_mismatches']}"
    )
    for kind in ("batch", "problems"):
        small, large = result[f"{kind}_10k_peak_mib"], result[f"{kind}_100k_peak_mib"]
        lines.append(
            f"  {kind}_10k_peak_mib / {kind}_100k_peak_mib: {small['peak_MiB']} / "
            f"{large['peak_MiB']} MiB peak for {small['n']:,} / {large['n']:,} "
            f"({small['input_MiB']} / {large['input_MiB']} MiB of input; "
            f"{large['seconds_under_tracemalloc']} s traced)"
            + (f"; {small['quick_note']}" if "quick_note" in small else "")
        )
    x = result["explain_batch_vs_decode"]
    lines.append(
        f"  explain batch ({x['n_districts']} districts x {len(x['years'])} years = "
        f"{x['n_decisions']} decisions): {us(x, 'explain', 'ms')} per batch; decoding "
        f"{x['n_districts']} dossiers {us(x, 'decode', 'ms')}"
    )
    ex = result["extract_mb_per_s"]
    lines.append(
        f"  extract_mb_per_s: {ex['mb_per_s']['median']:.2f} MB/s on {ex['megabytes']} MB of "
        f"generated news ({ex['mentions']} mentions; best {ex['mb_per_s']['max']:.2f} MB/s, "
        f"{ex['reps']} runs)"
    )
    missed = [key for key in ORDER if result[key]["meets_goal"] is False]
    lines += ["", f"goals missed: {', '.join(missed) if missed else 'none'}"]
    lines.append(f"total benchmark time: {result['machine']['seconds']:.0f} s")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (well under a minute)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--json-file", help="also write the JSON object to this file")
    parser.add_argument(
        "--memory-worker", nargs=2, metavar=("STACK", "FILE"), help=argparse.SUPPRESS
    )
    parser.add_argument(
        "--flat-worker", nargs=3, metavar=("KIND", "N", "DIR"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.memory_worker:
        memory_worker(*args.memory_worker)
        return 0
    if args.flat_worker:
        kind, n, folder = args.flat_worker
        flat_worker(kind, int(n), folder)
        return 0

    started = time.perf_counter()
    import data

    from sanitasi_core.serialization import load_dossier

    quick = args.quick
    n_districts = 50 if quick else 514
    years = (2024, 2025) if quick else YEARS
    _log(f"generating {n_districts} dossiers (seed {data.SEED})")
    blobs = [data.to_json(d) for d in data.generate(n_districts)]
    dossiers = [load_dossier(b) for b in blobs]
    gc.collect()
    gc.freeze()  # fixtures are long-lived: keep the collector from rescanning them

    result: dict[str, Any] = {"machine": machine(), "quick": quick}
    result |= bench_serialization(blobs[: 60 if quick else 300], reps=3 if quick else 7)
    result |= bench_rules_flat(
        dossiers, years, reps=3 if quick else 7, target=0.05 if quick else 0.25
    )
    result |= bench_rules_dossier(dossiers[: 50 if quick else 200], years, reps=3 if quick else 7)
    result |= bench_explain_batch(dossiers, blobs, years, reps=3 if quick else 5)
    result |= bench_imports(runs=5 if quick else 15)
    result |= bench_memory(500 if quick else 10_000)
    result |= bench_extract(0.1 if quick else 1.0, reps=3 if quick else 5)
    result |= bench_flat(*((300, 3_000) if quick else (10_000, 100_000)))
    if quick:
        note = "quick run: 500 dossiers instead of 10,000"
        result["peak_load_10k_vs_msgspec"]["quick_note"] = note
        result["held_memory_vs_msgspec"]["quick_note"] = note
    result["machine"]["loadavg_end"] = list(os.getloadavg())
    result["machine"]["seconds"] = round(time.perf_counter() - started, 1)
    result = {k: result[k] for k in ("machine", "quick", *ORDER, *REPORTED)}

    text = json.dumps(result, indent=2)
    if args.json_file:
        Path(args.json_file).write_text(text + "\n", encoding="utf-8")
    print(text if args.json else text_report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
