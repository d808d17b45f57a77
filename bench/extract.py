"""Throughput of ``sanitasi_core.extract.extract`` on generated news: ``python bench/extract.py``.

Usage::

    python bench/extract.py [--mb 1.0] [--repeat 3] [--seed 2024]

Builds about ``--mb`` megabytes of news-like Indonesian text (sentences about coordination
meetings, budgets, decrees and regulations, with dates, amounts, percentages and region names,
written by a seeded random generator: no real article is used), runs ``extract`` on it
``--repeat`` times and prints the best time, the throughput in MB/s and the mentions found by
kind. Standard library and the package only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import random
import sys
import time
from pathlib import Path

try:
    import sanitasi_core  # noqa: F401
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sanitasi_core.dates import DateRange, format_date, format_date_range
from sanitasi_core.extract import extract

_PLACES = (
    "Kabupaten Mahakam Ulu",
    "Mahulu",
    "Kota Samarinda",
    "Kotim",
    "Kobar",
    "Gunung Mas",
    "Barito Utara",
    "Kabupaten Seruyan",
    "Kota Palangkaraya",
    "Kalteng",
    "Kaltim",
    "Provinsi Kalimantan Selatan",
    "Kab. Kapuas",
    "Kota Bogor",
)
_OFFICES = ("Bupati", "Wakil Bupati", "Sekda", "Kepala Bappeda", "Kepala Dinas PUPR", "Ketua Pokja")
_TOPICS = (
    "pengelolaan air limbah domestik",
    "layanan lumpur tinja",
    "pengelolaan sampah",
    "strategi sanitasi kabupaten",
    "uji coba model layanan",
    "perubahan perilaku masyarakat",
)
_FILLER = (
    "Kegiatan ini dihadiri oleh perwakilan perangkat daerah dan mitra pembangunan.",
    "Menurutnya, kerja sama lintas sektor menjadi kunci keberhasilan program.",
    "Ia berharap seluruh pihak dapat mendukung pelaksanaan kegiatan secara berkelanjutan.",
    "Hasil pertemuan akan dilaporkan kepada tim nasional untuk ditindaklanjuti.",
    "Peserta juga membahas kendala di lapangan serta rencana tindak lanjut tahun depan.",
)


def _date(rng: random.Random) -> str:
    day = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(1800))
    form = rng.randrange(4)
    if form == 0:
        return format_date(day, weekday=True)
    if form == 1:
        return f"{format_date(day, weekday=True).split(',')[0]} ({day.day}/{day.month})"
    if form == 2:
        return format_date(
            day, weekday=True, style="numeric", time=dt.time(rng.randrange(7, 17), 0), zone="WITA"
        )
    return format_date_range(DateRange(start=day, end=day + dt.timedelta(days=rng.randrange(1, 3))))


def _amount(rng: random.Random) -> str:
    form = rng.randrange(4)
    if form == 0:
        return f"Rp{rng.randrange(1, 999)},{rng.randrange(1, 9)} miliar"
    if form == 1:
        return f"Rp {rng.randrange(1, 999):,}.000".replace(",", ".")
    if form == 2:
        return f"Rp {rng.randrange(5, 50)}.000/bulan"
    return f"{rng.randrange(2, 90)} miliar rupiah"


def _sentence(rng: random.Random) -> str:
    place = rng.choice(_PLACES)
    office = rng.choice(_OFFICES)
    topic = rng.choice(_TOPICS)
    kind = rng.randrange(6)
    if kind == 0:
        return f"{place}, {_date(rng)} - {office} {place} membuka rapat koordinasi tentang {topic}."
    if kind == 1:
        return (
            f"Pemerintah {place} mengalokasikan anggaran {_amount(rng)} untuk {topic}, "
            f"atau {rng.randrange(1, 99)},{rng.randrange(10, 99)}% dari total belanja."
        )
    if kind == 2:
        return (
            f"Berdasarkan Keputusan Menteri Dalam Negeri Nomor 100.4.3-{rng.randrange(1000, 1999)}"
            f"/Kep/Bangda {rng.randrange(2021, 2026)}, {place} ditetapkan melaksanakan milestone 4."
        )
    if kind == 3:
        return (
            f"Hal itu diatur dalam Peraturan Bupati {place.split()[-1]} "
            f"Nomor {rng.randrange(1, 60)} Tahun {rng.randrange(2015, 2026)} tentang {topic}."
        )
    if kind == 4:
        return (
            f"Target akses sanitasi aman sebesar {rng.randrange(10, 40)} persen sesuai "
            f"Perpres {rng.randrange(1, 30)}/{rng.randrange(2018, 2026)}."
        )
    return rng.choice(_FILLER)


def news_text(megabytes: float, seed: int) -> str:
    """About *megabytes* MB of generated news paragraphs."""
    rng = random.Random(seed)
    size = int(megabytes * 1_000_000)
    paragraphs: list[str] = []
    total = 0
    while total < size:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randrange(3, 7)))
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def main(argv: list[str] | None = None) -> int:
    """Time extract on generated news text and print the throughput."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="megabytes of text (default 1)")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is kept")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)

    text = news_text(args.mb, args.seed)
    megabytes = len(text.encode("utf-8")) / 1_000_000
    reference = dt.date(2026, 1, 1)
    extract("Mahulu", reference=reference)  # build the region index outside the timing
    best = float("inf")
    mentions: tuple[object, ...] = ()
    for _ in range(args.repeat):
        start = time.perf_counter()
        mentions = extract(text, reference=reference)
        best = min(best, time.perf_counter() - start)
    counts = collections.Counter(m.kind.value for m in mentions)  # type: ignore[attr-defined]
    print(f"text: {megabytes:.2f} MB, {len(mentions)} mentions")
    print("  " + ", ".join(f"{kind} {count}" for kind, count in sorted(counts.items())))
    print(f"extract: {best:.3f} s (best of {args.repeat}) = {megabytes / best:.2f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
