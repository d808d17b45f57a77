"""Tests of finding dates, amounts, decrees, regulations and regions in text (extract).

Also the quick fuzzing of :func:`~sanitasi_core.extract.extract` (the long runs are the ``extract``
target of ``fuzz/run.py``) and the check that its time is linear in the length of the text.
"""

import datetime
import time
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanitasi_core import testing as text_strategies
from sanitasi_core.dates import DateRange, ParsedDate
from sanitasi_core.decrees import DecreeNumber, Regulation, RegulationKind
from sanitasi_core.exceptions import ValidationError
from sanitasi_core.extract import Mention, MentionKind, extract
from sanitasi_core.regions import Province, Regency, RegionRegistry, default_registry
from sanitasi_core.rupiah import Amount

D = datetime.date
K = MentionKind
REFERENCE = D(2024, 7, 22)


def _found(text: str, **kwargs: object) -> list[tuple[str, str]]:
    """(kind, text) of every mention, checking that each slices back to its text."""
    mentions = extract(text, **kwargs)  # type: ignore[arg-type]
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
    return [(m.kind.value, m.text) for m in mentions]


def _one(text: str, kind: MentionKind, **kwargs: object) -> Mention:
    """The single mention of *kind* in *text*."""
    (mention,) = [m for m in extract(text, **kwargs) if m.kind is kind]  # type: ignore[arg-type]
    return mention


def test_paragraph_with_a_decree_a_date_and_three_amounts():
    """A paragraph with a decree number, a date and three amounts yields each at its offsets."""
    text = (
        "Berdasarkan Kepmendagri 100.4.3-1037/Kep/Bangda 2023 tanggal 18 Desember 2023, "
        "pemerintah menganggarkan Rp 1,2 miliar untuk IPLT, Rp. 100.000.000,- (seratus juta "
        "rupiah) untuk operator, dan iuran warga Rp 25.000/bulan."
    )
    mentions = extract(text, kinds=["date", "decree", "amount"])
    assert [(m.kind, m.text) for m in mentions] == [
        (K.DECREE, "100.4.3-1037/Kep/Bangda 2023"),
        (K.DATE, "tanggal 18 Desember 2023"),
        (K.AMOUNT, "Rp 1,2 miliar"),
        (K.AMOUNT, "Rp. 100.000.000,- (seratus juta rupiah)"),
        (K.AMOUNT, "Rp 25.000/bulan"),
    ]
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert text.index(mention.text) == mention.start
    decree, date, first, second, third = (m.value for m in mentions)
    assert decree == DecreeNumber(
        archive_class="100.4.3",
        sequence="1037",
        kind="Kep",
        unit="Bangda",
        year=2023,
        year_separator=" ",
    )
    assert date == ParsedDate(date=D(2023, 12, 18), weekday_given=False, year_given=True)
    assert first == Amount(value=Decimal(1200000000))
    assert second == Amount(value=Decimal(100000000), words="seratus juta rupiah")
    assert third == Amount(value=Decimal(25000), period="bulan")


@pytest.mark.parametrize(
    ("text", "kind", "found", "value"),
    [
        ("Kegiatan Jumat (25/10/24) lalu", K.DATE, "Jumat (25/10/24)", D(2024, 10, 25)),
        ("digelar Rabu(2/10) di aula", K.DATE, "Rabu(2/10)", D(2024, 10, 2)),
        ("pada Jum\u2019at, 17 Mei 2024 pagi", K.DATE, "Jum\u2019at, 17 Mei 2024", D(2024, 5, 17)),
        ("pada Senin,  15  Juli 2024 pagi", K.DATE, "Senin,  15  Juli 2024", D(2024, 7, 15)),
        (
            "Samarinda, Senin (15/7/2024) | 10:03 WIB \u2014",
            K.DATE,
            "Senin (15/7/2024) | 10:03 WIB",
            D(2024, 7, 15),
        ),
        (
            "diperbarui 18/03/2021, 07:59:17 WIB.",
            K.DATE,
            "18/03/2021, 07:59:17 WIB",
            D(2021, 3, 18),
        ),
        ("Posted Monday, November 22 2021 by", K.DATE, "Monday, November 22 2021", D(2021, 11, 22)),
        ("Updated Feb 10, 2023.", K.DATE, "Feb 10, 2023", D(2023, 2, 10)),
        ("pada Rabu, Juli 2, 2025 lalu", K.DATE, "Rabu, Juli 2, 2025", D(2025, 7, 2)),
        ("tanggal 18-03-2021 di", K.DATE, "tanggal 18-03-2021", D(2021, 3, 18)),
        ("rapat (18 Desember 2023) di", K.DATE, "(18 Desember 2023)", D(2023, 12, 18)),
        (
            "rapat 13\u201314 Agustus 2025 di",
            K.DATE_RANGE,
            "13\u201314 Agustus 2025",
            DateRange(start=D(2025, 8, 13), end=D(2025, 8, 14)),
        ),
        (
            "pada 24-29 November 2022.",
            K.DATE_RANGE,
            "24-29 November 2022",
            DateRange(start=D(2022, 11, 24), end=D(2022, 11, 29)),
        ),
        (
            "pada 30 November - 2 Desember 2023.",
            K.DATE_RANGE,
            "30 November - 2 Desember 2023",
            DateRange(start=D(2023, 11, 30), end=D(2023, 12, 2)),
        ),
        ("anggaran Rp 19 M untuk", K.AMOUNT, "Rp 19 M", Amount(value=Decimal(19 * 10**9))),
        ("anggaran Rp5 ribu untuk", K.AMOUNT, "Rp5 ribu", Amount(value=Decimal(5000))),
        ("sebesar Rp 2 MILIAR untuk", K.AMOUNT, "Rp 2 MILIAR", Amount(value=Decimal(2 * 10**9))),
        (
            "sebesar Rp1,2 trilyun untuk",
            K.AMOUNT,
            "Rp1,2 trilyun",
            Amount(value=Decimal(12 * 10**11)),
        ),
        (
            "dana 48 miliar rupiah untuk",
            K.AMOUNT,
            "48 miliar rupiah",
            Amount(value=Decimal(48 * 10**9)),
        ),
        (
            "iuran Rp 5 juta per tahun.",
            K.AMOUNT,
            "Rp 5 juta per tahun",
            Amount(value=Decimal(5 * 10**6), period="tahun"),
        ),
        (
            "biaya Rp 5 juta (termasuk pajak).",
            K.AMOUNT,
            "Rp 5 juta",
            Amount(value=Decimal(5 * 10**6)),
        ),
        ("capaian 76,31% dan", K.PERCENT, "76,31%", Decimal("76.31")),
        ("capaian 95.40% dan", K.PERCENT, "95.40%", Decimal("95.40")),
        ("akses aman 30 persen pada", K.PERCENT, "30 persen", Decimal(30)),
        (
            "Keputusan 100.4.3-1290/ Kep/Bangda/2022 tentang",
            K.DECREE,
            "100.4.3-1290/ Kep/Bangda/2022",
            DecreeNumber(
                archive_class="100.4.3", sequence="1290", kind="Kep", unit="Bangda", year=2022
            ),
        ),
        (
            "nomor 800.1.2.5-012/Kep/Bangda/2024.",
            K.DECREE,
            "800.1.2.5-012/Kep/Bangda/2024",
            DecreeNumber(
                archive_class="800.1.2.5", sequence="012", kind="Kep", unit="Bangda", year=2024
            ),
        ),
        (
            "sesuai PERATURAN BUPATI MAHAKAM ULU\nNOMOR 47 TAHUN 2021 TENTANG",
            K.REGULATION,
            "PERATURAN BUPATI MAHAKAM ULU\nNOMOR 47 TAHUN 2021",
            Regulation(kind=RegulationKind.PERBUP, issuer="MAHAKAM ULU", number="47", year=2021),
        ),
        (
            "dalam Peraturan Walikota Bontang Nomor : 12A Tahun : 2010 yang",
            K.REGULATION,
            "Peraturan Walikota Bontang Nomor : 12A Tahun : 2010",
            Regulation(kind=RegulationKind.PERWALI, issuer="Bontang", number="12A", year=2010),
        ),
        (
            "menurut Peraturan Menteri Dalam Negeri Nomor 90 Tahun 2019,",
            K.REGULATION,
            "Peraturan Menteri Dalam Negeri Nomor 90 Tahun 2019",
            Regulation(kind=RegulationKind.PERMEN, issuer="Dalam Negeri", number="90", year=2019),
        ),
        (
            "target Perpres 12/2025 yaitu",
            K.REGULATION,
            "Perpres 12/2025",
            Regulation(kind=RegulationKind.PERPRES, number="12", year=2025),
        ),
        (
            "lewat Instruksi Presiden Nomor 1 Tahun 2024 yang",
            K.REGULATION,
            "Instruksi Presiden Nomor 1 Tahun 2024",
            Regulation(kind=RegulationKind.INPRES, number="1", year=2024),
        ),
    ],
)
def test_real_world_forms_in_running_text(text, kind, found, value):
    """Each form of the research note is found in running text, with its parsed value."""
    mention = _one(text, kind, reference=D(2024, 10, 3))
    assert mention.text == found
    assert text[mention.start : mention.end] == found
    got = mention.value.date if isinstance(mention.value, ParsedDate) else mention.value
    assert got == value


def test_time_and_zone_are_kept():
    """A date followed by a time and a zone keeps both on its value."""
    value = _one("Samarinda, Senin (15/7/2024) | 10:03 WIB", K.DATE).value
    assert isinstance(value, ParsedDate)
    assert (value.time, value.zone) == (datetime.time(10, 3), "WIB")


@pytest.mark.parametrize(
    "text",
    [
        "Rapat pada Jumat (1/11) di aula.",  # 1 November 2023 was a Wednesday
        "Rapat pada Desember 205 di aula.",
        "Rapat pada 1 Desember 2O2O di aula.",
        "Harga $0,12JT per unit.",
        "Dana US$ 5 juta dari donor.",
        "Dana Rp 5 triliu dari pusat.",
        "Dana Rp 5 million dari donor.",
        "Dana Rp 50k dari donor.",
        "Peraturan Bupati Mahakam Ulu Nomor 47 Tahun 2O2O.",
        "Biaya Rp 5 juta (enam juta rupiah) dibayar.",
        "Capaian 1.250% tahun ini.",
        "Rapat 14-13 Agustus 2025 dibatalkan.",
    ],
)
def test_refused_forms_are_skipped(text):
    """What looks like a form but is refused by its parser is skipped, not guessed or cut."""
    kinds = {m.kind for m in extract(text, reference=D(2023, 12, 1))}
    assert kinds <= {K.REGION}


def test_year_less_dates_need_a_reference():
    """A date without a year is found only when a reference date is given."""
    text = "Rapat digelar Senin (15/7) di Samarinda."
    assert K.DATE not in {m.kind for m in extract(text)}
    found = _one(text, K.DATE, reference=datetime.datetime(2024, 7, 22, 9, 0))
    assert isinstance(found.value, ParsedDate)
    assert found.value.date == D(2024, 7, 15)


@pytest.mark.parametrize(
    "text",
    [
        "Sebanyak 5 juta penduduk",  # a bare number is not an amount
        "pukul 12.50 tadi",  # a time without a date
        "setengah (1/2) bagian",  # a year-less date: nothing without a reference
        "tahun 2023 dan 2024",
        "kode 64.11 wilayah",
        "rasio 1/2/3",
        "puncak acara di batu besar",  # lower case: not the regions Puncak and Batu
        "Batu dan Puncak",  # names that are also words need a prefix
    ],
)
def test_ordinary_text_gives_nothing(text):
    """Ordinary numbers and words are not mistaken for mentions."""
    assert extract(text) == ()


class TestRegions:
    """Province and kabupaten/kota names, their short forms and prefixes."""

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            ("Mahakam Ulu", "64.11"),
            ("MAHAKAM ULU", "64.11"),
            ("Kabupaten Mahakam Ulu", "64.11"),
            ("Kab. Mahakam Ulu", "64.11"),
            ("Kab Mahakam Ulu", "64.11"),
            ("Pemkab Mahakam Ulu", "64.11"),
            ("Mahulu", "64.11"),
            ("Kotim", "62.02"),
            ("Kobar", "62.01"),
            ("Gumas", "62.10"),
            ("Barut", "62.05"),
            ("Bartim", "62.13"),
            ("Barsel", "62.04"),
            ("Kota Palangkaraya", "62.71"),
            ("Palangka Raya", "62.71"),
            ("Kota Bogor", "32.71"),
            ("Kabupaten Bogor", "32.01"),
            ("Kota Batu", "35.79"),
            ("Kabupaten Pangkajene dan Kepulauan", "73.10"),
            ("Kota Administrasi Jakarta Pusat", "31.71"),
            ("Kalteng", "62"),
            ("Kaltim", "64"),
            ("Provinsi Kalimantan Timur", "64"),
            ("Prov. Kalimantan Tengah", "62"),
            ("Kalimantan Tengah", "62"),
        ],
    )
    def test_names_and_short_forms(self, text, code):
        """Official names, short forms and prefixed forms give the one region meant."""
        mention = _one(f"Rapat di {text}, kemarin.", K.REGION)
        assert mention.text == text
        assert isinstance(mention.value, Province | Regency)
        assert mention.value.code == code

    def test_a_shared_bare_name_gives_the_candidates(self):
        """'Bogor' alone is the kabupaten or the kota: both are given, in code order."""
        mention = _one("Rapat di Bogor kemarin.", K.REGION)
        assert isinstance(mention.value, tuple)
        assert [r.code for r in mention.value] == ["32.01", "32.71"]

    def test_a_prefix_that_does_not_fit_is_left_out(self):
        """'Kota Mahakam Ulu' is not a kota: the kabupaten is found without the prefix."""
        mention = _one("di Kota Mahakam Ulu", K.REGION)
        assert mention.text == "Mahakam Ulu"

    def test_custom_registry(self):
        """A registry given replaces the shipped one."""
        registry = RegionRegistry(
            [Province(code="64", name="Kalimantan Timur")],
            [default_registry().regency("64.11")],
        )
        text = "Mahakam Ulu dan Kota Bogor"
        assert _found(text, registry=registry) == [("region", "Mahakam Ulu")]


def test_a_range_beats_the_dates_inside_it():
    """The longest reading wins: a date range over the date it ends with."""
    assert _found("pada 30 November - 2 Desember 2023 di") == [
        ("date_range", "30 November - 2 Desember 2023")
    ]


def test_a_regulation_beats_the_region_inside_it():
    """A regulation title wins over the region name inside it; regions outside remain."""
    text = "Bupati Mahulu menetapkan Peraturan Bupati Mahakam Ulu Nomor 47 Tahun 2021."
    assert _found(text) == [
        ("region", "Mahulu"),
        ("regulation", "Peraturan Bupati Mahakam Ulu Nomor 47 Tahun 2021"),
    ]


def test_kinds_filter_and_order():
    """Only the kinds asked for are found, as members or values; mentions come in text order."""
    text = "Mahulu, 13-14 Agustus 2025: Rp 5 juta, 30 persen."
    assert _found(text, kinds=[K.AMOUNT, "percent"]) == [
        ("amount", "Rp 5 juta"),
        ("percent", "30 persen"),
    ]
    assert _found(text, kinds="region") == [("region", "Mahulu")]
    assert [k for k, _ in _found(text)] == ["region", "date_range", "amount", "percent"]


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"text": b"Rp 5 juta"}, "text"),
        ({"text": None}, "text"),
        ({"text": "x", "reference": "2024-07-22"}, "reference"),
        ({"text": "x", "registry": {}}, "registry"),
        ({"text": "x", "kinds": ["dates"]}, "kinds"),
        ({"text": "x", "kinds": [1]}, "kinds"),
    ],
)
def test_bad_arguments_raise(kwargs, path):
    """Only bad arguments raise: a ValidationError naming the argument."""
    with pytest.raises(ValidationError) as info:
        extract(**kwargs)
    assert info.value.problems[0].path == path


def test_mention_is_frozen_and_validated():
    """A Mention is immutable, and its offsets must fit its text."""
    (mention,) = extract("Rp 5 juta")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        mention.start = 1  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Mention(kind=K.AMOUNT, start=0, end=3, text="Rp 5 juta", value=mention.value)
    with pytest.raises(ValidationError):
        Mention(kind=K.AMOUNT, start=2, end=2, text="", value=mention.value)
    with pytest.raises(TypeError):
        Mention(kind="amount", start=0, end=9, text="Rp 5 juta", value=mention.value)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Properties and fuzzing
# --------------------------------------------------------------------------------------------


@pytest.mark.property
@given(case=text_strategies.paragraphs())
def test_paragraphs_yield_their_mentions(case):
    """In generated paragraphs every mention is found, at its offsets, with its value."""
    text, expected = case
    assert extract(text) == expected


_NEAR = st.lists(
    st.sampled_from(
        [
            *"0123456789 .,-/()|:%\u2013\u2019\n",
            "Rp",
            "Rp.",
            "IDR",
            "M",
            "juta",
            "miliar",
            "rupiah",
            "/bulan",
            "Senin",
            "Jum'at",
            "Juli",
            "Agt.",
            "Feb",
            "WIB",
            "pukul",
            "s.d.",
            "Kep",
            "Bangda",
            "Peraturan",
            "Bupati",
            "Perpres",
            "Nomor",
            "Tahun",
            "Kota",
            "Kab.",
            "Mahakam",
            "Ulu",
            "Bogor",
            "persen",
            "(seratus juta rupiah)",
        ]
    ),
    max_size=30,
).map("".join)


@pytest.mark.property
@given(text=st.text(max_size=300) | _NEAR, with_reference=st.booleans())
def test_arbitrary_text_never_raises(text, with_reference):
    """For any text, extract returns non-overlapping mentions that slice back to their text."""
    mentions = extract(text, reference=REFERENCE if with_reference else None)
    end = 0
    for mention in mentions:
        assert mention.start >= end
        assert text[mention.start : mention.end] == mention.text
        end = mention.end


# --------------------------------------------------------------------------------------------
# Linear time
# --------------------------------------------------------------------------------------------

_ADVERSARIAL = (
    "1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1 11111111111111111111 1/1/1/1/1/1-1-1-1-1 "
    "Rp Rp. Rp1.000.000.000.000.000.000.000.000 Rp1,1111111111 RpRpRp IDR 1 1 1 rupiah "
    "Juli Juli 12 Juli 2024 Agt Agt. Feb 10, Senin Senin (Senin (1/ Jum'at, hari tanggal "
    "Peraturan Bupati A B C D E F G H I J K L M N O P Q R Nomor Nomor Tahun Tahun "
    "100.4.3-1037/Kep/Bangda 100.4.3-1037/Kep/ 13-14-15-16 Agustus Kota Kota Kab. Kab. "
    "Mahakam Mahakam Ulu Ulu (seratus (seratus juta ((((( 12,5% 1,5,5,5% persen persen "
)


def _seconds(text: str) -> float:
    """The best of three timings of extract on *text*."""
    best = float("inf")
    for _ in range(3):
        begin = time.perf_counter()
        extract(text, reference=REFERENCE)
        best = min(best, time.perf_counter() - begin)
    return best


@pytest.mark.parametrize(
    "unit",
    [
        _ADVERSARIAL,
        "1." * 50,
        "Rp" * 50,
        "Juli " * 20,
        "9" * 100 + " ",
        "Peraturan " + "Abc " * 30,
    ],
    ids=["mixed", "digits-and-dots", "rp", "months", "digits", "capitalised-words"],
)
def test_time_is_linear_in_the_length(unit):
    """200 KB of adversarial text takes under 11 times as long as 50 KB (linear 4, quadratic 16).

    A complexity check, not a speed goal: the bound sits between linear and quadratic growth,
    far enough from 4 that a loaded machine does not fail it.
    """
    small = (unit * (50_000 // len(unit) + 1))[:50_000]
    large = (unit * (200_000 // len(unit) + 1))[:200_000]
    _seconds(small[:5_000])  # warm up: the region index is built once
    ratio = _seconds(large) / _seconds(small)
    assert ratio < 11, f"{ratio:.1f}"
