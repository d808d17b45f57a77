# ruff: noqa: PLC0415  # imports are lazy on purpose: child processes load only their stack
"""Profile one hot path with cProfile: ``python bench/profile_hot.py {decode,encode,evaluate,m2}``.

Prints the functions that dominate, by own time and by cumulative time. Uses the same generated
dossiers as ``bench/run.py``. cProfile inflates the cost of small Python calls, so read the
proportions, not the absolute times.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import pstats
import sys
from pathlib import Path

import attrs

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
try:
    import sanitasi_core  # noqa: F401
except ImportError:
    sys.path.insert(0, str(HERE.parent / "src"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("decode", "encode", "evaluate", "m2"))
    parser.add_argument("-n", type=int, default=200, help="dossiers (default 200)")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()

    import data

    from sanitasi_core.indicators import Facts
    from sanitasi_core.rulebooks import default_rulebook
    from sanitasi_core.rules import compile_rulebook
    from sanitasi_core.serialization import dump_dossier, load_dossier

    blobs = [data.to_json(d) for d in data.generate(args.n)]
    dossiers = [load_dossier(b) for b in blobs]
    compiled = compile_rulebook(attrs.evolve(default_rulebook("2020.1"), valid_to=None))
    dates = [dt.date(y, 12, 31) for y in range(2021, 2026)]

    if args.what == "decode":

        def work() -> None:
            for b in blobs:
                load_dossier(b)

    elif args.what == "encode":

        def work() -> None:
            for d in dossiers:
                dump_dossier(d, indent=None)

    elif args.what == "evaluate":

        def work() -> None:
            for as_of in dates:
                for d in dossiers:
                    compiled.evaluate(d, as_of=as_of)

    else:
        m2 = compiled._milestones[1]
        facts = []
        for as_of in dates:
            for d in dossiers:
                f = Facts(d, as_of)
                compiled._milestone(m2, f)  # fills the indicator cache
                facts.append(f)

        def work() -> None:
            for _ in range(5):
                for f in facts:
                    compiled._milestone(m2, f)

    work()  # warm up
    profiler = cProfile.Profile()
    profiler.enable()
    work()
    profiler.disable()
    stats = pstats.Stats(profiler).strip_dirs()
    print(f"== {args.what}: top {args.top} by own time ==")
    stats.sort_stats("tottime").print_stats(args.top)
    print(f"== {args.what}: top {args.top} by cumulative time ==")
    stats.sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
