"""Decree numbers and regulations: strings the parsers of :mod:`sanitasi_core.decrees` accept.

Kemendagri decree numbers (``100.4.3-1037/Kep/Bangda 2023``) and regulation titles of every kind
(Perda, Perbup, Permendagri …), with real issuers from the shipped region registry.
"""

from __future__ import annotations

import functools

from hypothesis import strategies as st

from sanitasi_core.decrees import (
    DecreeNumber,
    Regulation,
    RegulationKind,
    format_decree_number,
    format_regulation,
)
from sanitasi_core.testing._scalars import _registry_regions, years
from sanitasi_core.testing._text_forms import _FEWER_CASES, _surrounded

__all__ = ["decree_number_texts", "decree_numbers", "regulation_texts", "regulations"]


@functools.cache
def decree_numbers() -> st.SearchStrategy[DecreeNumber]:
    """Decree numbers (:class:`~sanitasi_core.decrees.DecreeNumber`) of any valid shape."""
    return st.builds(
        DecreeNumber,
        archive_class=st.sampled_from(("100.4.3", "100.9.3", "648", "050", "443.33"))
        | st.from_regex(r"[0-9]{1,4}(\.[0-9]{1,3}){0,3}", fullmatch=True),
        sequence=st.integers(1, 9999).map("{:04d}".format)
        | st.from_regex(r"[0-9]{1,6}", fullmatch=True),
        kind=st.sampled_from(("Kep", "KEP", "Kpts"))
        | st.from_regex(r"[A-Za-z]{1,6}", fullmatch=True),
        unit=st.sampled_from(("Bangda", "Otda", "Bangda.1"))
        | st.from_regex(r"[A-Za-z][A-Za-z0-9.]{0,10}", fullmatch=True),
        year=st.integers(1000, 9999),
        year_separator=st.sampled_from(("/", " ")),
    )


@st.composite
def _handwritten_decree(draw: st.DrawFn) -> str:
    klass = draw(st.sampled_from(("100.4.3", "100.9.3", "648", "050")))
    sequence = draw(st.integers(1, 9999))
    padded = draw(st.sampled_from((f"{sequence:04d}", f"{sequence:03d}", str(sequence))))
    kind = draw(st.sampled_from(("Kep", "KEP", "kep")))
    separator = draw(st.sampled_from(("/", " ")))
    year = draw(years(1990, 2035))
    return _surrounded(draw, f"{klass}-{padded}/{kind}/Bangda{separator}{year}")


@functools.cache
def decree_number_texts() -> st.SearchStrategy[str]:
    """Decree numbers that :func:`~sanitasi_core.decrees.parse_decree_number` reads.

    Written by :func:`~sanitasi_core.decrees.format_decree_number` from :func:`decree_numbers`,
    or by hand in the Kemendagri shape (``100.4.3-1037/Kep/Bangda 2023``), with surrounding
    whitespace.
    """
    return decree_numbers().map(format_decree_number) | _handwritten_decree()


_MINISTRIES = (
    "Dalam Negeri",
    "Kesehatan",
    "Pekerjaan Umum dan Perumahan Rakyat",
    "Keuangan",
    "Lingkungan Hidup dan Kehutanan",
    "Perencanaan Pembangunan Nasional",
)
_SUBJECTS = (
    "Strategi Sanitasi Kabupaten",
    "Pengelolaan Air Limbah Domestik",
    "Retribusi Penyedotan Kakus",
    "Kelompok Kerja Perumahan dan Kawasan Permukiman",
)


@st.composite
def _issuer(draw: st.DrawFn, kind: RegulationKind) -> str | None:
    kabupaten_list, kota_list, province_list = _registry_regions()
    kabupaten = st.sampled_from(kabupaten_list)
    kota = st.sampled_from(kota_list)
    provinces = st.sampled_from(province_list)
    if kind in (
        RegulationKind.PERPRES,
        RegulationKind.PP,
        RegulationKind.UU,
        RegulationKind.INPRES,
    ):
        return None
    if kind is RegulationKind.PERBUP:
        return draw(kabupaten).short_name
    if kind is RegulationKind.PERWALI:
        return draw(kota).short_name
    if kind is RegulationKind.PERGUB:
        return draw(provinces).name
    if kind is RegulationKind.PERMEN:
        return draw(st.sampled_from(_MINISTRIES))
    region = draw(
        kabupaten.map(lambda r: f"Kabupaten {r.short_name}")
        | kota.map(lambda r: f"Kota {r.short_name}")
        | provinces.map(lambda p: f"Provinsi {p.name}")
    )
    if kind is RegulationKind.INSTRUKSI:
        return draw(
            st.sampled_from(("Bupati", "Wali Kota", "Gubernur")).map(
                lambda office: f"{office} {region.split(' ', 1)[1]}"
            )
            | st.just("Menteri Dalam Negeri")
        )
    if kind is RegulationKind.SE:
        return draw(st.none() | st.just("Menteri Dalam Negeri") | st.just(f"Bupati {region}"))
    if kind is RegulationKind.PERDA and draw(st.integers(0, 9)) == 0:
        return None
    return region


_NUMBERS = st.one_of(
    st.integers(1, 999).map(str),
    st.integers(1, 99).map("{:02d}".format),
    st.tuples(st.integers(1, 99), st.sampled_from("ABC")).map(lambda t: f"{t[0]}{t[1]}"),
    st.tuples(st.integers(100, 999), st.integers(1, 9999)).map(lambda t: f"{t[0]}/{t[1]}/SJ"),
)


@st.composite
def _regulation(draw: st.DrawFn, *, subject: bool, kinds: tuple[RegulationKind, ...]) -> Regulation:
    kind = draw(st.sampled_from(kinds))
    return Regulation(
        kind=kind,
        issuer=draw(_issuer(kind)),
        number=draw(_NUMBERS),
        year=draw(st.integers(1945, 2035)),
        subject=draw(st.none() | st.sampled_from(_SUBJECTS)) if subject else None,
    )


@functools.cache
def regulations(
    *, subject: bool = True, kinds: tuple[RegulationKind, ...] = tuple(RegulationKind)
) -> st.SearchStrategy[Regulation]:
    """Regulations (:class:`~sanitasi_core.decrees.Regulation`) of the given *kinds* (all).

    Issuers are real region names of the shipped registry (``Kabupaten Mahakam Ulu`` for a
    Perda, ``Mahakam Ulu`` for a Perbup), ministries for a Permen, none for national kinds;
    numbers such as ``47``, ``05``, ``12A``, ``440/1234/SJ``.

    Args:
        subject: whether some of them have a subject (*tentang …*).
        kinds: the kinds to draw from.
    """
    return _regulation(subject=subject, kinds=kinds)


_SHORT = {
    RegulationKind.PERPRES: "Perpres",
    RegulationKind.INPRES: "Inpres",
    RegulationKind.PP: "PP",
    RegulationKind.UU: "UU",
}


@st.composite
def _handwritten_regulation(draw: st.DrawFn) -> str:
    regulation = draw(regulations(subject=False))
    title = format_regulation(regulation)
    kind, number, year = regulation.kind, regulation.number, regulation.year
    short = "/" not in number and kind not in (
        RegulationKind.LEMBARAN_DAERAH,
        RegulationKind.BERITA_DAERAH,
    )
    if short and kind in _SHORT and draw(st.booleans()):
        return f"{_SHORT[kind]} {number}/{year}"
    if short and regulation.issuer == "Dalam Negeri" and draw(st.booleans()):
        return f"Permendagri {number}/{year}"
    if kind is RegulationKind.PERWALI and draw(st.booleans()):
        title = title.replace("Wali Kota", "Walikota", 1)
    if draw(st.booleans()):
        style = draw(
            st.sampled_from(("Nomor : {} Tahun : {}", "NOMOR: {} TAHUN: {}", "No. {} Tahun {}"))
        )
        if kind in (RegulationKind.LEMBARAN_DAERAH, RegulationKind.BERITA_DAERAH):
            title = title.replace(
                f"Tahun {year} Nomor {number}", f"Tahun : {year} Nomor : {number}"
            )
        else:
            title = title.replace(f"Nomor {number} Tahun {year}", style.format(number, year))
    if draw(st.booleans()):
        title = title.replace(" Nomor", "\nNomor").replace(" Tahun", "\nTahun")
    return draw(st.sampled_from(_FEWER_CASES[:4]))(title)


@functools.cache
def regulation_texts() -> st.SearchStrategy[str]:
    """Regulation titles that :func:`~sanitasi_core.decrees.parse_regulation` reads.

    From :func:`~sanitasi_core.decrees.format_regulation`, or by hand: in capitals,
    ``Walikota``, ``Nomor : 12A Tahun : 2010``, ``No. 5 Tahun 2020``, line breaks inside,
    and the short forms ``Perpres 12/2025``, ``Permendagri 86/2017``, ``Inpres``, ``PP``,
    ``UU``.
    """
    return regulations().map(format_regulation) | _handwritten_regulation()
