# ruff: noqa: PLC0415  # imports are lazy on purpose: child processes load only their stack
"""Seeded generator of realistic, varied, complete dossiers for the benchmark.

Every dossier is JSON-ready data (dicts, lists, strings, numbers) in the current format,
``sanitasi.dossier/v2``, for one real kabupaten/kota of ``default_registry()``. Each district
follows its own trajectory through milestones M1-M4 (start year, stalls, weak years), so the 19
criteria of the default rulebook take every outcome across districts and evaluation years.

Shape per dossier: 1-3 designations (with their decrees), a working group with 4-8 members,
4-10 meetings, 3 documents (a profile or Buku Putih, the SSK, a policy package or an MPS),
0-2 service models (phases, aspect assessments), 3-7 commitments (targets, some with a document),
35-45 activities, 0-5 monitoring reports, 0-6 evaluations, 4 yearly access records (with
household counts) and provenance. Money and shares are decimal strings, dates ISO strings.
A few values are left unknown on purpose (about 2 % of realised amounts in the latest year,
about 3 % of ``planned_in``), as in real dossiers.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from typing import Any

SEED = 20240722
LAST_YEAR = 2025

_ASPECTS = ("regulation", "institution", "financing", "technical", "participation", "communication")
_FUNDING = (
    ("apbd_district", 44),
    ("dak", 15),
    ("apbn", 8),
    ("apbd_province", 8),
    ("dana_desa", 8),
    ("csr", 5),
    ("grant", 5),
    ("community", 3),
    ("ppp", 1),
    ("other", 3),
)
_FUNDING_NAMES = [f for f, _ in _FUNDING]
_FUNDING_WEIGHTS = [w for _, w in _FUNDING]
_SUB_SECTORS = ("wastewater", "solid_waste", "drainage", "hygiene")
_CODES = {
    "wastewater": ("1.03.05.2.01.0044", "1.03.05.2.02.0011", "1.03.05.2.01.0017"),
    "solid_waste": ("2.11.03.2.01.0005", "2.11.03.2.02.0001", "1.03.04.2.01.0001"),
    "drainage": ("1.03.04.2.01.0003", "1.03.04.2.02.0008"),
    "hygiene": ("1.02.02.2.02.0034", "1.02.02.2.02.0021"),
}
_ACTIVITY_NAMES = {
    "wastewater": (
        "Pembangunan tangki septik individual",
        "Penyediaan sarana layanan lumpur tinja terjadwal",
        "Pembangunan SPALD-T skala permukiman",
        "Rehabilitasi IPLT",
        "Pengadaan truk tinja",
    ),
    "solid_waste": (
        "Pembangunan TPS3R",
        "Pengadaan kendaraan pengangkut sampah",
        "Pembinaan bank sampah desa",
        "Penataan TPA sistem lahan urug terkendali",
    ),
    "drainage": (
        "Normalisasi saluran drainase lingkungan",
        "Pembangunan drainase permukiman",
        "Pemeliharaan saluran tersier",
    ),
    "hygiene": (
        "Pemicuan STBM pilar 1",
        "Kampanye cuci tangan pakai sabun",
        "Pelatihan kader sanitasi desa",
    ),
}
_PLACES = (
    "Kecamatan Kota",
    "Kecamatan Utara",
    "Kecamatan Selatan",
    "Kecamatan Barat",
    "Kecamatan Timur",
    "Kelurahan Pasar",
    "Desa Sumber Makmur",
    "Desa Tanjung Harapan",
    "Desa Suka Maju",
    "Kelurahan Baru",
)
_PERSONS = (
    "H. Bambang Sulistyo",
    "Dr. Ratna Dewi",
    "Ir. Sri Handayani",
    "Drs. Andi Wiratama",
    "Hj. Nurhayati",
    "Ahmad Fauzi, S.T.",
    "Yohanes Kambu",
    "I Made Suarsana",
    "Teuku Rizal",
    "Maria Fransiska",
)
_MEMBERS = (
    ("Sekretaris Daerah", "Sekretariat Daerah"),
    ("Kepala Bappeda", "Bappeda"),
    ("Kepala Dinas PUPR", "Dinas Pekerjaan Umum dan Penataan Ruang"),
    ("Kepala Dinas Kesehatan", "Dinas Kesehatan"),
    ("Kepala DLH", "Dinas Lingkungan Hidup"),
    ("Kepala DPMD", "Dinas Pemberdayaan Masyarakat dan Desa"),
    ("Kepala Dinas Perkim", "Dinas Perumahan dan Kawasan Permukiman"),
    ("Kepala BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah"),
)


def _date(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def _money(rng: random.Random, low: int, high: int) -> str:
    return f"{rng.randrange(low, high, 1_000_000)}.00"


def _pct(value: float) -> str:
    return f"{value:.2f}"


class _Trajectory:
    """When a district reaches each milestone (``None``: not within the data)."""

    def __init__(self, rng: random.Random) -> None:
        self.m1 = rng.choices(range(2019, 2026), weights=(5, 15, 20, 18, 10, 6, 3))[0]
        self.m2 = self._next(rng, self.m1, (0, 1, 1), stall=0.1)
        self.m3 = self._next(rng, self.m2, (1, 1, 1, 2), stall=0.1)
        self.m4 = self._next(rng, self.m3, (1, 1, 2), stall=0.1)
        # How good the district is at spending, scoring, monitoring (varies the M4 years).
        self.quality = rng.uniform(0.55, 1.0)

    @staticmethod
    def _next(
        rng: random.Random, prev: int | None, steps: tuple[int, ...], stall: float
    ) -> int | None:
        if prev is None or rng.random() < stall:
            return None
        year = prev + rng.choice(steps)
        return year if year <= LAST_YEAR else None

    def m4_years(self) -> range:
        return range(self.m4, LAST_YEAR + 1) if self.m4 is not None else range(0)


def _instrument(
    rng: random.Random, kind: str, number: str, date: str, issuer: str, title: str | None = None
) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": kind, "number": number, "date": date, "issuer": issuer}
    if title is not None:
        out["title"] = title
    if rng.random() < 0.1:
        out["provenance"] = [{"source": "JDIH kabupaten/kota", "url": "https://jdih.example.go.id"}]
    return out


def generate_dossier(rng: random.Random, code: str, name: str) -> dict[str, Any]:
    """Return one complete dossier (JSON-ready data) for the district *code*."""
    t = _Trajectory(rng)
    kota = int(code[3:5]) >= 71
    head_office = "wali_kota" if kota else "bupati"
    head_title = ("Wali Kota " if kota else "Bupati ") + name.split(" ", 1)[1]
    perkada = "perwali" if kota else "perbup"
    short = name.split(" ", 1)[1]
    q = t.quality

    # Designations (Kepmendagri via Bangda) -----------------------------------------------------
    designations: list[dict[str, Any]] = [
        {
            "decree": _instrument(
                rng,
                "kepmendagri",
                f"100.4.3-{rng.randrange(900, 1100):04d}/Kep/Bangda/{t.m1 - 1}",
                _date(t.m1 - 1, 12, rng.randrange(10, 28)),
                "Menteri Dalam Negeri (Ditjen Bina Pembangunan Daerah)",
                f"Lokasi pendampingan implementasi SSK tahun {t.m1}",
            ),
            "milestone": "M1",
            "programme_year": t.m1,
        }
    ]
    for index, year in enumerate(list(t.m4_years())[:2]):
        designations.append(
            {
                "decree": _instrument(
                    rng,
                    "kepmendagri",
                    f"100.4.3-{rng.randrange(900, 1100):04d}/Kep/Bangda {year - 1}",
                    _date(year - 1, 12, rng.randrange(10, 28)),
                    "Menteri Dalam Negeri (Ditjen Bina Pembangunan Daerah)",
                ),
                "milestone": "M4",
                "programme_year": year,
                "m4_year": index + 1,
                "completed": ["M1", "M2", "M3"],
            }
        )
    if len(designations) == 1 and t.m3 is not None and rng.random() < 0.4:
        # A decree that is ahead of (or consistent with) the evidence.
        year = min(t.m3 + 1, LAST_YEAR)
        designations.append(
            {
                "decree": _instrument(
                    rng,
                    "kepmendagri",
                    f"100.4.3-{rng.randrange(900, 1100):04d}/Kep/Bangda/{year - 1}",
                    _date(year - 1, 12, rng.randrange(10, 28)),
                    "Menteri Dalam Negeri",
                ),
                "milestone": "M3",
                "programme_year": year,
                "completed": ["M1", "M2"],
                "provenance": [{"source": "Salinan Kepmendagri", "seen_on": _date(year, 1, 15)}],
            }
        )

    # Working group -----------------------------------------------------------------------------
    members = []
    for i, (office, agency) in enumerate(rng.sample(_MEMBERS, rng.randrange(4, 9))):
        member: dict[str, Any] = {
            "office": office,
            "agency": agency,
            "role": "chair" if i == 0 else ("secretary" if i == 1 else "member"),
        }
        if rng.random() < 0.5:
            member["name"] = rng.choice(_PERSONS)
        members.append(member)
    working_group = {
        "name": f"Pokja PKP {name}",
        "decree": _instrument(
            rng,
            "sk",
            f"188.45/{rng.randrange(10, 400)}/HK/{t.m1}",
            _date(t.m1, rng.randrange(1, 4), rng.randrange(1, 28)),
            head_title,
            "Pembentukan Kelompok Kerja Perumahan dan Kawasan Permukiman",
        ),
        "host": "Bappeda",
        "members": members,
    }

    # Meetings ----------------------------------------------------------------------------------
    meetings: list[dict[str, Any]] = []
    clinic = 1
    last_year = t.m4 or t.m3 or t.m2 or t.m1
    for _ in range(rng.randrange(4, 11)):
        year = min(rng.randrange(t.m1, last_year + 1), LAST_YEAR)
        day = _date(year, rng.randrange(1, 13), rng.randrange(1, 28))
        if clinic <= 7 and rng.random() < 0.6:
            meetings.append(
                {
                    "kind": "coaching_clinic",
                    "date": day,
                    "clinic": clinic,
                    "title": f"CC{clinic}: pendampingan implementasi SSK",
                    "location": "Ibu kota provinsi",
                }
            )
            clinic += 1
        else:
            meetings.append(
                {
                    "kind": "coordination",
                    "date": day,
                    "title": "Rakor Pokja PKP",
                    "location": f"Aula Bappeda {short}",
                    "chaired_by": head_title if rng.random() < 0.5 else "Sekretaris Daerah",
                }
            )
    meetings.sort(key=lambda m: m["date"])

    # Documents (exactly three) -----------------------------------------------------------------
    profile_kind = rng.choice(("buku_putih", "sanitation_profile"))
    # An SSK from the M1 year; districts of 2019-2020 often adopted a new one for 2021-2025.
    ssk_start = t.m1 if t.m1 >= 2021 or rng.random() < 0.4 else 2021
    documents: list[dict[str, Any]] = [
        {
            "kind": profile_kind,
            "title": f"Buku Putih Sanitasi {name}"
            if profile_kind == "buku_putih"
            else f"Profil Sanitasi {name}",
            "year": t.m1 - 1,
            "adopted_on": _date(t.m1 - 1, rng.randrange(3, 10), rng.randrange(1, 28)),
        },
        {
            "kind": "ssk",
            "title": f"Strategi Sanitasi {name} {ssk_start}-{ssk_start + 4}",
            "period_start": ssk_start,
            "period_end": ssk_start + 4,
            "adopted_on": _date(ssk_start - 1, 11, rng.randrange(1, 28)),
            "instrument": _instrument(
                rng,
                perkada,
                f"Peraturan {'Wali Kota' if kota else 'Bupati'} {short} "
                f"Nomor {rng.randrange(1, 60)} Tahun {ssk_start - 1}",
                _date(ssk_start - 1, 11, 30),
                head_title,
            ),
        },
    ]
    if t.m2 is not None:
        documents.append(
            {
                "kind": "policy_package",
                "title": "Paket kebijakan sanitasi",
                "year": t.m2,
                "adopted_on": _date(t.m2, 5, rng.randrange(1, 28)),
                "instrument": _instrument(
                    rng,
                    perkada,
                    f"{perkada.title()} {rng.randrange(1, 40)}/{t.m2}",
                    _date(t.m2, 5, rng.randrange(1, 28)),
                    head_title,
                    "Paket kebijakan pembangunan sanitasi",
                ),
            }
        )
    else:
        documents.append(
            {
                "kind": "mps",
                "title": f"Memorandum Program Sanitasi {ssk_start}-{ssk_start + 4}",
                "period_start": ssk_start,
                "period_end": ssk_start + 4,
            }
        )

    # Service models ----------------------------------------------------------------------------
    models: list[dict[str, Any]] = []
    if t.m2 is not None:
        kinds = [("lltt", "wastewater", "Layanan Lumpur Tinja Terjadwal", "SPALD-S")]
        if rng.random() < 0.5:
            kinds.append(("tps3r", "solid_waste", "TPS3R berbasis masyarakat", "TPS3R"))
        for ident, sub, title, system in kinds:
            trial_end = _date(t.m3, 12, 31) if t.m3 is not None else None
            phases: list[dict[str, Any]] = [
                {
                    "scale": "trial",
                    "area": f"{rng.choice(_PLACES)}: {rng.randrange(1, 4)} desa/kelurahan",
                    "villages": [f"{code}.01.{2000 + i}" for i in range(rng.randrange(1, 4))],
                    "households": rng.randrange(300, 2500),
                    "start": _date(t.m2, rng.randrange(6, 10), 1),
                }
            ]
            if trial_end is not None:
                phases[0]["end"] = trial_end
            if t.m4 is not None and rng.random() < 0.92:
                phases.append(
                    {
                        "scale": "expanded",
                        "area": f"{rng.choice(_PLACES)} dan sekitarnya",
                        "households": rng.randrange(2500, 12000),
                        "start": _date(t.m4, 1, rng.randrange(1, 28)),
                    }
                )
            assessments = []
            for year in range(t.m3 or LAST_YEAR + 1, LAST_YEAR + 1):
                day = _date(year, 11, rng.randrange(1, 28))
                for aspect in _ASPECTS:
                    if rng.random() < 0.06:
                        continue  # not assessed that year
                    score = rng.choices((0, 50, 75, 100), weights=(1 - q, 0.6, q, q / 2))[0]
                    assessments.append(
                        {
                            "aspect": aspect,
                            "score": str(score),
                            "assessed_on": day,
                            "evidence": "Dokumen, foto dan SK pendukung",
                            "assessor": "Tim penilai Pokja PKP",
                        }
                    )
            models.append(
                {
                    "id": ident,
                    "sub_sector": sub,
                    "name": f"{title} {short}",
                    "system": system,
                    "phases": phases,
                    "assessments": assessments,
                }
            )
    model_of = {m["sub_sector"]: m["id"] for m in models}

    # Commitments (3-7) -------------------------------------------------------------------------
    commitments: list[dict[str, Any]] = [
        {
            "office": head_office,
            "signatory": rng.choice(_PERSONS),
            "signed_on": _date(t.m1, rng.randrange(2, 5), rng.randrange(1, 28)),
            "scope": "Komitmen terhadap paket kebijakan sanitasi (M1)",
            "year": t.m1,
            "pledged": _money(rng, 500_000_000, 5_000_000_000),
            "targets": [
                {"indicator": "layak", "value": "90", "unit": "%", "year": t.m1 + 4},
                {"indicator": "safely_managed", "value": "15", "unit": "%", "year": t.m1 + 4},
            ],
            "document": _instrument(
                rng, "other", f"Surat komitmen {t.m1}", _date(t.m1, 3, 1), head_title
            ),
        }
    ]
    for year in t.m4_years():
        if rng.random() < 0.9:
            commitments.append(  # noqa: PERF401
                {
                    "office": head_office if rng.random() < 0.85 else "wakil_" + head_office,
                    "signatory": rng.choice(_PERSONS),
                    "signed_on": _date(year, 2, rng.randrange(1, 28)),
                    "scope": f"Layanan sanitasi berkelanjutan tahun {year}",
                    "year": year,
                    "pledged": _money(rng, 1_000_000_000, 9_000_000_000),
                    "targets": [
                        {
                            "indicator": "households served",
                            "value": str(rng.randrange(1000, 9000)),
                            "unit": "households",
                            "year": year,
                        }
                    ],
                }
            )
    while len(commitments) < 3 or (len(commitments) < 7 and rng.random() < 0.3):
        year = rng.randrange(t.m1, LAST_YEAR + 1)
        commitments.append(
            {
                "office": rng.choice(("sekda", "bappeda_head", "other")),
                "signatory": rng.choice(_PERSONS),
                "signed_on": _date(year, rng.randrange(1, 13), rng.randrange(1, 28)),
                "scope": "Dukungan perangkat daerah untuk program sanitasi",
            }
        )
    commitments = commitments[:7]

    # Activities (35-45) ------------------------------------------------------------------------
    first_year = t.m1 - 1
    spend = {
        y: min(1.05, rng.uniform(0.7, 1.02) * (0.85 + 0.15 * q))
        for y in range(first_year, LAST_YEAR + 1)
    }
    activities: list[dict[str, Any]] = []
    for i in range(rng.randrange(35, 46)):
        year = rng.randrange(first_year, LAST_YEAR + 1)
        sub = rng.choices(_SUB_SECTORS, weights=(45, 30, 15, 10))[0]
        source = rng.choices(_FUNDING_NAMES, weights=_FUNDING_WEIGHTS)[0]
        planned = rng.randrange(50_000_000, 5_000_000_000, 1_000_000)
        act: dict[str, Any] = {
            "id": f"act-{year}-{i:02d}",
            "name": f"{rng.choice(_ACTIVITY_NAMES[sub])} {rng.choice(_PLACES)}",
            "fiscal_year": year,
            "code": rng.choice(_CODES[sub]),
            "sub_sector": sub,
            "funding_source": source,
            "planned": f"{planned}.00",
        }
        if year == LAST_YEAR and rng.random() < 0.02:
            pass  # realisation not reported yet: unknown
        else:
            ratio = min(1.1, max(0.0, rng.gauss(spend[year], 0.08)))
            act["realised"] = f"{int(planned * ratio)}.{rng.randrange(0, 100):02d}"
            act["physical_progress"] = _pct(min(100.0, ratio * 100))
        if t.m2 is not None and year >= t.m2 and sub in model_of and rng.random() < 0.75:
            act["service_model"] = model_of[sub]
        if rng.random() >= 0.03:
            act["planned_in"] = rng.choice((["rkpd", "dpa"], ["rkpd", "renja", "dpa"], ["dpa"], []))
        if rng.random() < 0.05:
            act["provenance"] = [
                {"source": "SIPD", "seen_on": _date(min(year + 1, LAST_YEAR), 2, 1)}
            ]
        activities.append(act)

    # Monitoring reports ------------------------------------------------------------------------
    reports: list[dict[str, Any]] = []
    if t.m3 is not None:
        for year in range(t.m3, LAST_YEAR + 1):
            if rng.random() > 0.6 + 0.4 * q:
                continue
            of_year = [a for a in activities if a["fiscal_year"] == year]
            covered = rng.sample(of_year, min(len(of_year), rng.randrange(2, 7)))
            report: dict[str, Any] = {
                "id": f"mon-{year}",
                "period_start": _date(year, 1, 1),
                "period_end": _date(year, 12, 31),
                "issued_on": _date(year + 1, 1, rng.randrange(10, 28)),
                "activities": [a["id"] for a in covered],
                "funding_groups": ["apbd", "non_apbd"]
                if rng.random() < 0.5 + 0.5 * q
                else ["apbd"],
            }
            if models and rng.random() < 0.5:
                report["service_model"] = models[0]["id"]
            reports.append(report)

    # Evaluations -------------------------------------------------------------------------------
    evaluations: list[dict[str, Any]] = []
    if t.m3 is not None:
        for m in models:
            evaluation: dict[str, Any] = {
                "subject": "trial",
                "evaluated_on": _date(t.m3, 12, rng.randrange(1, 20)),
                "service_model": m["id"],
                "findings": ["Jadwal layanan terpenuhi di wilayah uji coba"],
            }
            if rng.random() < 0.9:
                evaluation["lessons"] = ["Pendataan sebelum penjadwalan mempercepat layanan"]
            evaluations.append(evaluation)
    for year in t.m4_years():
        if models and rng.random() < 0.6 + 0.4 * q:
            evaluations.append(  # noqa: PERF401
                {
                    "subject": "service_model",
                    "evaluated_on": _date(year, 12, rng.randrange(1, 20)),
                    "service_model": models[0]["id"],
                    "findings": [f"Layanan diperluas pada tahun {year}"],
                    "improvements": ["Menambah armada", "Menyusun tarif retribusi"],
                }
            )
    evaluations = evaluations[:6]

    # Access records (4 years) ------------------------------------------------------------------
    access: list[dict[str, Any]] = []
    layak = rng.uniform(62.0, 90.0)
    safe = rng.uniform(2.0, 14.0)
    total_households = rng.randrange(20_000, 400_000, 100)
    first_access = rng.choice((LAST_YEAR - 4, LAST_YEAR - 3, LAST_YEAR - 3))
    for year in range(first_access, first_access + 4):
        layak = min(99.0, layak + rng.gauss(1.2 * q, 1.0))
        safe = min(layak / 3, max(0.5, safe + rng.gauss(0.6, 0.4)))
        limited = rng.uniform(4.0, 11.0)
        basic = layak - safe - limited
        open_def = rng.uniform(0.0, min(8.0, 100 - layak))
        # Shares in hundredths of a percent, summing to exactly 100 %.
        cents = [round(x * 100) for x in (safe, basic, limited)] + [0, round(open_def * 100)]
        cents[3] = 10_000 - sum(cents)
        shares = [c / 100 for c in cents]
        households = total_households + 400 * (year - LAST_YEAR)
        counts = [households * c // 10_000 for c in cents]
        access.append(
            {
                "year": year,
                "source": "susenas",
                "area": "total",
                "safely_managed": _pct(shares[0]),
                "basic": _pct(shares[1]),
                "limited": _pct(shares[2]),
                "unimproved": _pct(shares[3]),
                "open_defecation": _pct(shares[4]),
                "layak": f"{(cents[0] + cents[1] + cents[2]) / 100:.2f}",
                "households": {
                    "total": households,
                    "safely_managed": counts[0],
                    "basic": counts[1],
                    "limited": counts[2],
                    "unimproved": counts[3],
                    "open_defecation": counts[4],
                },
            }
        )

    return {
        "schema": "sanitasi.dossier/v2",
        "region": {"code": code, "name": name},
        "description": f"Generated benchmark dossier for {name} (synthetic figures).",
        "designations": designations,
        "working_group": working_group,
        "meetings": meetings,
        "documents": documents,
        "service_models": models,
        "commitments": commitments,
        "activities": activities,
        "monitoring_reports": reports,
        "evaluations": evaluations,
        "access_records": access,
        "provenance": [
            {
                "source": "sanitasi-core benchmark generator",
                "note": "Synthetic data; not real figures.",
                "seen_on": "2026-01-15",
            }
        ],
    }


def districts() -> list[tuple[str, str]]:
    """The 514 kabupaten/kota of the shipped registry, as (code, name)."""
    from sanitasi_core.regions import default_registry

    return [(r.code, r.name) for r in default_registry().regencies()]


def generate(n: int, seed: int = SEED) -> Iterator[dict[str, Any]]:
    """Yield *n* dossiers; district i is ``districts()[i % 514]`` (repeats get new data)."""
    rng = random.Random(seed)
    regions = districts()
    for i in range(n):
        code, name = regions[i % len(regions)]
        yield generate_dossier(rng, code, name)


def to_json(data: dict[str, Any]) -> bytes:
    """Compact UTF-8 JSON, as a machine would write it."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def write_jsonl(path: str, n: int, seed: int = SEED) -> int:
    """Write *n* dossiers as JSON Lines to *path*; return the file size in bytes."""
    size = 0
    with open(path, "wb") as out:
        for data in generate(n, seed):
            line = to_json(data) + b"\n"
            out.write(line)
            size += len(line)
    return size


if __name__ == "__main__":
    import sys

    from sanitasi_core.serialization import load_dossier

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 514
    sizes = []
    for d in generate(count):
        blob = to_json(d)
        load_dossier(blob)  # every generated dossier must be valid
        sizes.append(len(blob))
    print(f"{count} valid dossiers, {sum(sizes) / len(sizes) / 1000:.1f} kB each on average")
