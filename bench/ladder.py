"""Benchmark (not a test): classify and count a million household records, in bounded memory.

Phases, each run twice (once timed, once under tracemalloc for the peak of Python allocations):

1. ``generator``: records built one by one by a generator, fed to ``LadderAccumulator``.
2. ``read_csv``: the same records written to a temporary CSV file, read back with
   ``read_csv`` and counted with ``summarise_rows``.

Both phases must give the same summary. ``maxrss`` is the process's peak resident set size so
far (``resource.getrusage``), after the phase. CPU seconds (``time.process_time``) are reported
beside wall-clock seconds: on a shared machine they are the steadier figure.

Usage::

    PYTHONPATH=src .venv/bin/python bench/ladder.py            # 1,000,000 records
    PYTHONPATH=src .venv/bin/python bench/ladder.py --quick    # 100,000 records
    PYTHONPATH=src .venv/bin/python bench/ladder.py --json
"""

import argparse
import datetime as dt
import json
import os
import platform
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from sanitasi_core.households import COLUMNS, read_csv, summarise_rows
from sanitasi_core.ladder import (
    Area,
    Disposal,
    Facility,
    HouseholdRecord,
    LadderAccumulator,
    LadderSummary,
    Toilet,
)

SEED = 20240715
POOL = 4096  # distinct answer sets, cycled, so that random draws do not dominate the timing
SURVEY = dt.date(2024, 7, 15)


def _answers(rng: random.Random) -> tuple[Any, ...]:
    def pick(values: list[Any], weights: list[int]) -> Any:
        return rng.choices(values, weights)[0]

    area = pick([Area.URBAN, Area.RURAL, None], [45, 53, 2])
    facility = pick(
        [Facility.OWN, Facility.SHARED, Facility.PUBLIC, Facility.NONE, None], [78, 9, 2, 7, 4]
    )
    toilet = pick(
        [Toilet.GOOSENECK, Toilet.SQUAT_PLATE, Toilet.PIT, Toilet.NONE, None], [85, 6, 5, 1, 3]
    )
    disposal = pick(
        [
            Disposal.SEPTIC_TANK,
            Disposal.SEWER,
            Disposal.IPALD,
            Disposal.SOIL_PIT,
            Disposal.OPEN_WATER_OR_FIELD,
            Disposal.OTHER,
            Disposal.NONE,
            None,
        ],
        [62, 2, 1, 17, 10, 2, 2, 4],
    )
    emptied = pick(["recent", "old", "never", None], [12, 8, 70, 10])
    last_emptied: Any = {
        "recent": SURVEY - dt.timedelta(days=rng.randrange(0, 5 * 365)),
        "old": SURVEY - dt.timedelta(days=rng.randrange(5 * 366, 15 * 365)),
        "never": "never",
        None: None,
    }[emptied]
    treated = pick([True, False, None], [40, 45, 15])
    weight = pick([Decimal(1), Decimal("1.25"), Decimal("0.8")], [80, 10, 10])
    return area, facility, toilet, disposal, last_emptied, treated, weight


def generate(rows: int) -> Iterator[HouseholdRecord]:
    """Yield *rows* records, built one at a time."""
    rng = random.Random(SEED)
    pool = [_answers(rng) for _ in range(POOL)]
    for index in range(rows):
        area, facility, toilet, disposal, last_emptied, treated, weight = pool[index % POOL]
        yield HouseholdRecord(
            household_id=f"H{index:07d}",
            area=area,
            facility=facility,
            toilet=toilet,
            disposal=disposal,
            last_emptied=last_emptied,
            sludge_treated=treated,
            weight=weight,
            survey_date=SURVEY,
        )


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def write_csv(path: Path, rows: int) -> None:
    """Write *rows* generated records to *path*, streaming."""
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(",".join(COLUMNS) + "\n")
        for record in generate(rows):
            out.write(",".join(_cell(getattr(record, column)) for column in COLUMNS) + "\n")


def _maxrss() -> int:
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return usage if sys.platform == "darwin" else usage * 1024  # Linux reports KiB


def _measure(
    name: str, rows: int, run: Callable[[], LadderSummary]
) -> tuple[dict[str, Any], LadderSummary]:
    start, cpu_start = time.perf_counter(), time.process_time()
    summary = run()
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    tracemalloc.start()
    try:
        run()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    result = {
        "phase": name,
        "records": rows,
        "seconds": round(seconds, 3),
        "records_per_second": round(rows / seconds),
        "cpu_seconds": round(cpu_seconds, 3),
        "records_per_cpu_second": round(rows / cpu_seconds),
        "tracemalloc_peak_bytes": peak,
        "maxrss_bytes": _maxrss(),
    }
    return result, summary


def run_generator(rows: int) -> LadderSummary:
    accumulator = LadderAccumulator()
    accumulator.add_all(generate(rows))
    return accumulator.summary()


def run_csv(path: Path) -> LadderSummary:
    with path.open(encoding="utf-8", newline="") as stream:
        report = summarise_rows(read_csv(stream, source=str(path)))
    if report.rejected_rows:
        raise SystemExit(f"unexpected rejections: {report.rejected[:3]}")
    return report.summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100,000 records instead of 1,000,000")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--rows", type=int, help="number of records (overrides --quick)")
    args = parser.parse_args()
    rows = args.rows or (100_000 if args.quick else 1_000_000)
    load = [round(x, 2) for x in os.getloadavg()]

    phases = []
    result, from_generator = _measure(
        "generator -> LadderAccumulator", rows, lambda: run_generator(rows)
    )
    phases.append(result)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "households.csv"
        write_csv(path, rows)
        size = path.stat().st_size
        result, from_csv = _measure(
            "temp CSV -> read_csv -> summarise_rows", rows, lambda: run_csv(path)
        )
        result["csv_bytes"] = size
        phases.append(result)
    if from_csv != from_generator:
        raise SystemExit("the CSV round trip changed the summary")

    payload = {
        "benchmark": "ladder",
        "records": rows,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average": load,
        "phases": phases,
        "summary": {
            "total_weight": format(from_generator.total_weight, "f"),
            "shares": {k: str(v) for k, v in (from_generator.shares or {}).items()},
            "layak": str(from_generator.layak),
        },
    }
    if args.json:
        print(json.dumps(payload, indent=2))
        return 0
    print(f"ladder benchmark: {rows:,} records, Python {payload['python']}, {payload['platform']}")
    print(f"load average before: {payload['load_average']}")
    print(
        f"{'phase':<42}{'seconds':>9}{'records/s':>12}{'cpu s':>8}{'records/cpu s':>15}"
        f"{'tracemalloc peak':>18}{'maxrss':>10}"
    )
    for phase in phases:
        print(
            f"{phase['phase']:<42}{phase['seconds']:>9.2f}{phase['records_per_second']:>12,}"
            f"{phase['cpu_seconds']:>8.2f}{phase['records_per_cpu_second']:>15,}"
            f"{phase['tracemalloc_peak_bytes'] / 2**20:>15.2f} MiB"
            f"{phase['maxrss_bytes'] / 2**20:>6.0f} MiB"
        )
    print(f"CSV file: {phases[1]['csv_bytes'] / 2**20:.1f} MiB; both phases give the same summary")
    print(f"layak {payload['summary']['layak']} %, shares {payload['summary']['shares']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
