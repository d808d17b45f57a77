"""Build a small dossier in Python, write it as JSON, read it back.

Run with the package installed (``python examples/build_dossier.py``) or from a checkout with
``PYTHONPATH=src python examples/build_dossier.py``. The district is fictional.
"""

import datetime as dt
from decimal import Decimal

from sanitasi_core.model import (
    Activity,
    AnnualPlan,
    Commitment,
    CommitmentSubject,
    Designation,
    Dossier,
    FundingSource,
    InstrumentKind,
    LegalInstrument,
    Milestone,
    Office,
    Region,
    SubSector,
)
from sanitasi_core.serialization import dump_dossier, load_dossier

dossier = Dossier(
    region=Region(code="64.60", name="Kabupaten Sungai Lestari (fiktif)"),
    description="A small fictional dossier built in Python code.",
    fictional=True,
    designations=(
        Designation(
            decree=LegalInstrument(
                kind=InstrumentKind.KEPMENDAGRI,
                number="100.4.3-0997/Kep/Bangda 2023",
                date=dt.date(2023, 12, 18),
                issuer="Menteri Dalam Negeri",
            ),
            milestone=Milestone.M4,
            programme_year=2024,
            m4_year=1,
            completed=(Milestone.M1, Milestone.M2, Milestone.M3),
        ),
    ),
    commitments=(
        Commitment(
            office=Office.BUPATI,
            signed_on=dt.date(2024, 2, 22),
            scope="Pengembangan dan pengelolaan layanan sanitasi berkelanjutan tahun 2024",
            subject=CommitmentSubject.SERVICE,
            year=2024,
            pledged=Decimal("6000000000.00"),
        ),
    ),
    activities=(
        Activity(
            id="ww-2024-apbd",
            name="Perluasan layanan lumpur tinja terjadwal",
            fiscal_year=2024,
            code="1.03.05.2.01.0044",
            sub_sector=SubSector.WASTEWATER,
            funding_source=FundingSource.APBD_DISTRICT,
            planned=Decimal("2000000000.00"),  # Rupiah: exact decimals, never floats
            realised=Decimal("1700000000.00"),
            planned_in=(AnnualPlan.RKPD, AnnualPlan.DPA),
        ),
    ),
)

text = dump_dossier(dossier)
assert load_dossier(text) == dossier  # the JSON format loses nothing

(act,) = dossier.activities or ()
assert act.planned is not None  # None would mean unknown: the example knows both amounts
assert act.realised is not None
share = act.realised / act.planned * 100
print(
    f"{dossier.region.name}: {len(dossier.activities or ())} activity, "
    f"{share:.0f} % of Rp{act.planned} realised; JSON round trip OK ({len(text)} bytes)"
)
