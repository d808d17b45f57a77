"""Hypothesis strategies for every public type of sanitasi-core, for your own tests.

Install with the ``testing`` extra, which brings Hypothesis::

    pip install "sanitasi-core[testing]"

Every strategy builds values that are **valid by construction**: dossiers respect every field
validator and cross-field rule of :mod:`sanitasi_core.model` (ordered periods, five-year SSK
periods, a year for annual documents, a clinic number exactly for coaching clinics, ``m4_year``
only for M4, access shares adding up to at most 100 with a consistent *layak* headline,
household counts within the total, unique ids and references that resolve); rulebooks load
(``load_rulebook(dump_rulebook(rb), fmt="json") == rb``) and evaluate; household records pass
their checks; and the Indonesian text forms are strings their parsers accept.

Groups of strategies:

- scalars: :func:`texts`, :func:`identifiers`, :func:`years`, :func:`dates`, :func:`decimals`,
  :func:`money`, :func:`percentages`;
- Indonesian text forms (strings): :func:`date_texts`, :func:`rupiah_texts`,
  :func:`decree_number_texts`, :func:`region_code_texts`, :func:`apbd_code_texts`, and the
  structured values :func:`decree_numbers`, :func:`region_codes`, :func:`apbd_codes`;
- dossier records, one per model class (:data:`MODEL_CLASSES`), and :func:`dossiers` of
  tunable :data:`Completeness`;
- household records: :func:`household_records` and whole :func:`household_documents`
  (CSV or JSON Lines text);
- rulebooks: :func:`references`, :func:`thresholds`, :func:`criteria_trees`,
  :func:`criteria`, :func:`milestone_rules`, :func:`rulebooks`;
- broken input for fuzzing loaders: :func:`json_values`, :func:`mutated_documents`,
  :func:`dossier_like_objects`, :func:`mutated_rulebook_documents`, :func:`mutated_texts`.

:func:`register_strategies` registers a strategy for each public class, so that
``st.from_type(Dossier)`` (and ``@given(dossier=...)`` via ``st.builds``) work. When
sanitasi-core is installed, Hypothesis calls it by itself on import through its
``hypothesis`` entry point; calling it again is harmless.

Decimals are always finite, have a bounded number of places and are built from integers, so
they travel through the JSON format exactly. Factories are cached: calling one twice returns the
same strategy object, which keeps drawing large dossiers fast. Nothing is read from disk until a
strategy is drawn from.
"""

from __future__ import annotations

# Defined before Hypothesis is imported: if this module is the one importing Hypothesis,
# Hypothesis runs its entry points (this hook among them) while this module is half-built.
_REGISTER_WHEN_LOADED = False


def _hypothesis_setup_hook() -> None:
    """Register the strategies; Hypothesis calls this on import (entry point ``hypothesis``)."""
    register = globals().get("register_strategies")
    if register is None:  # this module is still importing Hypothesis: register at its end
        global _REGISTER_WHEN_LOADED  # noqa: PLW0603
        _REGISTER_WHEN_LOADED = True
    else:
        register()


try:
    from hypothesis import strategies as st
except ImportError as _error:  # pragma: no cover - exercised in a subprocess by the tests
    _MESSAGE = (
        "sanitasi_core.testing needs Hypothesis, which is not installed: "
        "pip install 'sanitasi-core[testing]'. "
        "/ sanitasi_core.testing memerlukan Hypothesis, yang belum terpasang: "
        "pip install 'sanitasi-core[testing]'."
    )
    raise ImportError(_MESSAGE, name="hypothesis") from _error

import csv  # noqa: E402
import datetime as dt  # noqa: E402
import functools  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import operator  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from decimal import Decimal  # noqa: E402
from typing import Any, Literal, TypeVar  # noqa: E402

import attrs  # noqa: E402

from sanitasi_core._records import FIELDS  # noqa: E402
from sanitasi_core._text import Text  # noqa: E402
from sanitasi_core.codes import (  # noqa: E402
    ApbdCode,
    RegionCode,
    format_apbd_code,
    format_region_code,
)
from sanitasi_core.dates import IndonesianParserInfo, format_date  # noqa: E402
from sanitasi_core.decrees import DecreeNumber, format_decree_number  # noqa: E402
from sanitasi_core.indicators import CATALOGUE, IndicatorSpec, ValueType  # noqa: E402
from sanitasi_core.ladder import Area, Disposal, Facility, HouseholdRecord, Toilet  # noqa: E402
from sanitasi_core.model import (  # noqa: E402
    DEFAULT_ASPECTS,
    AccessRecord,
    AccessSource,
    Activity,
    AnnualPlan,
    AreaType,
    AspectAssessment,
    Commitment,
    CommitmentSubject,
    CommitmentTarget,
    Designation,
    DocumentKind,
    Dossier,
    DossierList,
    EhraAssessment,
    Evaluation,
    EvaluationSubject,
    FundingGroup,
    FundingSource,
    InstrumentKind,
    LegalInstrument,
    Meeting,
    MeetingKind,
    Member,
    MemberRole,
    Milestone,
    MonitoringReport,
    NationalTarget,
    NawasisEntry,
    Office,
    PlanningDocument,
    Provenance,
    Region,
    RungCounts,
    Scale,
    ServiceModel,
    ServicePhase,
    SignatoryRole,
    Source,
    StageReport,
    SubSector,
    TargetIndicator,
    VillageRecord,
    WasteRecord,
    WorkingGroup,
)
from sanitasi_core.rules import (  # noqa: E402
    AbsentNode,
    AllNode,
    AnyNode,
    Aspect,
    AspectSet,
    AspectsNode,
    AtLeastNode,
    ChainStep,
    Cmp,
    Collection,
    CompareNode,
    CountNode,
    Criterion,
    MilestoneRule,
    Node,
    NotNode,
    Outcome,
    PresentNode,
    RecordSet,
    Reference,
    RefNode,
    Rulebook,
    RulebookStatus,
    Severity,
    SomeNode,
    Threshold,
    ThresholdStep,
    Where,
    Window,
)
from sanitasi_core.rupiah import SCALES, format_rupiah  # noqa: E402

__all__ = [
    "HOUSEHOLD_CLASSES",
    "MODEL_CLASSES",
    "RULEBOOK_CLASSES",
    "TEXT_FORM_CLASSES",
    "Completeness",
    "access_records",
    "activities",
    "apbd_code_texts",
    "apbd_codes",
    "aspect_assessments",
    "aspect_sets",
    "bilingual_texts",
    "commitment_targets",
    "commitments",
    "count_filters",
    "criteria",
    "criteria_trees",
    "date_texts",
    "dates",
    "decimals",
    "decree_number_texts",
    "decree_numbers",
    "designations",
    "dossier_like_objects",
    "dossiers",
    "ehra_assessments",
    "evaluations",
    "household_documents",
    "household_records",
    "identifiers",
    "json_values",
    "legal_instruments",
    "meetings",
    "members",
    "milestone_rules",
    "money",
    "monitoring_reports",
    "mutated_documents",
    "mutated_rulebook_documents",
    "mutated_texts",
    "national_targets",
    "nawasis_entries",
    "percentages",
    "planning_documents",
    "provenances",
    "references",
    "region_code_texts",
    "region_codes",
    "regions",
    "register_strategies",
    "rulebooks",
    "rung_counts",
    "rupiah_texts",
    "service_models",
    "service_phases",
    "sources",
    "stage_reports",
    "texts",
    "threshold_steps",
    "thresholds",
    "village_records",
    "waste_records",
    "working_groups",
    "years",
]

T = TypeVar("T")

Completeness = Literal["minimal", "sparse", "full", "any"]
"""How much of a dossier :func:`dossiers` fills in.

``minimal``: only the region. ``sparse``: each section independently absent (unknown), empty or
filled. ``full``: every section present and non-empty. ``any``: one of the three.
"""

_MAX_ITEMS = 3  # keeps generated dossiers small enough to be fast

_ANNUAL_DOCUMENTS = frozenset({DocumentKind.RKPD, DocumentKind.RENJA, DocumentKind.DPA})
_SANITATION_PROGRAMMES = ("1.03.04", "1.03.05", "1.03.06")


# --------------------------------------------------------------------------------------------
# Scalars
# --------------------------------------------------------------------------------------------


@functools.cache
def _maybe(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """Return ``None`` (unknown) or a value of *strategy*."""
    return st.none() | strategy


@functools.cache
def _small_tuples(
    strategy: st.SearchStrategy[T], *, min_size: int = 0, max_size: int = _MAX_ITEMS
) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, min_size=min_size, max_size=max_size).map(tuple)


_WORDS = (
    "Kabupaten Sungai Lestari",
    "Pokja PKP",
    "Bappeda",
    "Dinas PUPR",
    "Dinas Kesehatan",
    "Sekretaris Daerah",
    "Bupati",
    "Rakor Pokja PKP",
    "Layanan lumpur tinja terjadwal (LLTT)",
    "TPS3R Desa Maju",
    "Kecamatan Long Bagun",
    "Kaltim Post, 22 Juli 2024",
    "NAWASIS",
    "Ujoh Bilang",
    "Pembangunan IPLT",
    "Peraturan Bupati tentang paket kebijakan sanitasi",
    "Komitmen bupati 2024",
    "Evaluasi uji coba",
    "Perluasan layanan",
)


@functools.cache
def texts(*, max_size: int = 12) -> st.SearchStrategy[str]:
    """Non-blank text: programme vocabulary or any printable Unicode, never only spaces.

    Args:
        max_size: the most characters of free text.
    """
    # A first character that is not whitespace keeps the text non-blank without filtering.
    first = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp"))
    rest = st.text(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=max_size - 1
    )
    free = st.builds(operator.add, first, rest)
    return st.sampled_from(_WORDS) | free


_ID_STEMS = ("lltt", "spald", "tps3r", "iplt", "act", "mon", "sm", "r", "ev", "x")


@functools.cache
def identifiers() -> st.SearchStrategy[str]:
    """Record identifiers such as ``lltt-2024`` (lowercase ASCII, digits and dashes)."""
    readable = st.builds("{}-{}".format, st.sampled_from(_ID_STEMS), st.integers(0, 2030))
    return readable | st.from_regex(r"[a-z][a-z0-9-]{0,11}", fullmatch=True)


@functools.cache
def years(min_year: int = 2010, max_year: int = 2035) -> st.SearchStrategy[int]:
    """Programme years (the model accepts 1945-2100; the programme runs from 2010).

    Args:
        min_year: the earliest year.
        max_year: the latest year.
    """
    return st.integers(min_year, max_year)


@functools.cache
def dates(min_year: int = 2010, max_year: int = 2035) -> st.SearchStrategy[dt.date]:
    """Plain dates (never ``datetime``) within the given years.

    Args:
        min_year: the earliest year.
        max_year: the latest year.
    """
    return st.dates(dt.date(min_year, 1, 1), dt.date(max_year, 12, 31))


@functools.cache
def decimals(
    *, min_value: int = 0, max_value: int = 100, max_places: int = 2
) -> st.SearchStrategy[Decimal]:
    """Finite decimals in [*min_value*, *max_value*] with at most *max_places* places.

    Built from integers (``Decimal(n).scaleb(-places)``), never from floats.

    Args:
        min_value: the smallest value.
        max_value: the largest value.
        max_places: the most decimal places.
    """

    @st.composite
    def build(draw: st.DrawFn) -> Decimal:
        places = draw(st.integers(0, max_places))
        scale = 10**places
        units = draw(st.integers(min_value * scale, max_value * scale))
        return Decimal(units).scaleb(-places)

    return build()


@functools.cache
def money() -> st.SearchStrategy[Decimal]:
    """Rupiah amounts: 0 to 10 trillion, with at most two places (sen)."""
    return decimals(min_value=0, max_value=10**13, max_places=2)


@functools.cache
def percentages() -> st.SearchStrategy[Decimal]:
    """Percentages in [0, 100] with at most two places."""
    return decimals(min_value=0, max_value=100, max_places=2)


@functools.cache
def _scores() -> st.SearchStrategy[Decimal]:
    steps = st.sampled_from((0, 50, 75, 100)).map(Decimal)
    return steps | percentages()


@functools.cache
def _urls() -> st.SearchStrategy[str]:
    return st.from_regex(r"https://example\.org/[a-z0-9-]{1,20}", fullmatch=True)


@functools.cache
def _village_codes() -> st.SearchStrategy[str]:
    # Province 11-99 (two digits, never 10 or below), district 01-69, village desa/kelurahan.
    return st.from_regex(
        r"(1[1-9]|[2-9][0-9])\.[0-6][1-9]\.[0-9][1-9]\.[12][0-9]{3}", fullmatch=True
    )


# --------------------------------------------------------------------------------------------
# Indonesian text forms: strings the parsers accept, written by the library or by hand
# --------------------------------------------------------------------------------------------

_SPACES = st.sampled_from((" ", " ", " ", "  ", "\t"))
_EDGE_SPACES = st.sampled_from(("", "", "", " ", "  ", "\t", "\n", " \t "))
_CASES: tuple[Callable[[str], str], ...] = (str, str, str.upper, str.lower, str.title)
_SCALE_EXPONENTS = {**{str(word): power for word, power in SCALES.items()}, "milyar": 9}


def _glue(draw: st.DrawFn, *parts: str) -> str:
    """Join non-empty *parts* with drawn whitespace (one space, two, or a tab)."""
    return "".join(
        part if index == 0 else draw(_SPACES) + part
        for index, part in enumerate(p for p in parts if p)
    )


def _surrounded(draw: st.DrawFn, text: str) -> str:
    """Return *text* with drawn whitespace around it (every parser ignores it)."""
    return draw(_EDGE_SPACES) + text + draw(_EDGE_SPACES)


@st.composite
def _handwritten_date(draw: st.DrawFn, days: st.SearchStrategy[dt.date]) -> str:
    day = draw(days)
    year = f"{day.year:04d}"
    day_text = draw(st.sampled_from((str(day.day), f"{day.day:02d}")))
    weekday = None
    if draw(st.booleans()):
        weekday = draw(st.sampled_from(IndonesianParserInfo.WEEKDAYS[day.weekday()]))
        if "'" in weekday and draw(st.booleans()):
            weekday = weekday.replace("'", "\u2019")  # a typographic apostrophe
    form = draw(st.sampled_from(("long", "numeric", "news")))
    if form == "long":
        month = draw(st.sampled_from(IndonesianParserInfo.MONTHS[day.month - 1]))
        dot = draw(st.sampled_from(("", ".")))
        body = _glue(draw, day_text, month + dot, year)
    else:
        month_text = draw(st.sampled_from((str(day.month), f"{day.month:02d}")))
        separator = draw(st.sampled_from(("/", "-")))
        body = f"{day_text}{separator}{month_text}{separator}{year}"
        if form == "news":
            body = f"({body})"
    prefix = draw(st.sampled_from(("", "", "tanggal ", "tgl ", "tgl. ", "tgl.")))
    body = prefix + body
    if weekday is not None:
        lead = draw(st.sampled_from(("", "hari ")))
        after = ", " if form == "long" else draw(st.sampled_from((" ", ", ")))
        if form == "news" and not prefix and draw(st.booleans()):
            after = ""  # "Rabu(17/9/2025)"
        body = f"{lead}{weekday}{after}{body}"
    return _surrounded(draw, draw(st.sampled_from(_CASES))(body))


@functools.cache
def date_texts(min_year: int = 1, max_year: int = 9999) -> st.SearchStrategy[str]:
    """Indonesian dates that :func:`~sanitasi_core.dates.parse_date` reads without a reference.

    Half come from :func:`~sanitasi_core.dates.format_date` (long or numeric style, with or
    without the weekday), half are written by hand: abbreviated and old month names
    (``Agt.``, ``Nopember``), ``tgl``/``tanggal``/``hari`` filler words, ``Jum'at`` with either
    apostrophe, zero-padded days, ``-`` or ``/``, the news form ``Rabu (17/9/2025)``, any letter
    case and extra whitespace. A weekday, when written, is the right one.

    Args:
        min_year: the earliest year (at least 1).
        max_year: the latest year (at most 9999).
    """
    days = st.dates(dt.date(min_year, 1, 1), dt.date(max_year, 12, 31))
    written = st.builds(
        format_date,
        days,
        weekday=st.booleans(),
        style=st.sampled_from(("long", "numeric")),
    )
    return written | _handwritten_date(days)


@st.composite
def _handwritten_rupiah(draw: st.DrawFn) -> str:
    sign = draw(st.sampled_from(("", "", "-", "- ")))
    prefix = draw(
        st.sampled_from(("Rp", "Rp ", "Rp.", "Rp. ", "RP", "rp ", "IDR ", "idr", "Idr", ""))
    )
    integer = draw(st.integers(0, 10**4) | st.integers(0, 10**15))
    digits = str(integer)
    if integer >= 1000 and draw(st.booleans()):  # grouped by thousands, dots maybe spaced
        head = len(digits) % 3 or 3
        groups = [digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))]
        digits = draw(st.sampled_from((".", ".", " . ", ". "))).join(groups)
    scale = draw(st.none() | st.sampled_from(("ribu", "juta", "miliar", "milyar", "triliun")))
    if scale is None:
        fraction = draw(st.sampled_from(("", "", ",-", ",0", ",5", ",00", ",50", ",99")))
        tail = ""
    else:
        exponent = _SCALE_EXPONENTS[scale]
        places = draw(st.integers(0, exponent + 2))
        fraction = "," + draw(st.text("0123456789", min_size=places, max_size=places))
        fraction = "" if fraction == "," else fraction
        tail = draw(st.sampled_from(("", " ", "  "))) + draw(st.sampled_from(_CASES))(scale)
    return _surrounded(draw, f"{sign}{prefix}{digits}{fraction}{tail}")


@st.composite
def _written_rupiah(draw: st.DrawFn) -> str:
    scale = draw(st.none() | st.sampled_from(tuple(SCALES)))
    decimals = draw(st.integers(0, 2))
    sen = draw(st.integers(-(10**17), 10**17))
    amount = Decimal(sen).scaleb(-2)
    if scale is None:
        amount = amount.quantize(Decimal(1).scaleb(-decimals))
    prefix = draw(st.sampled_from(("Rp", "Rp ", "Rp.", "IDR ", "")))
    return format_rupiah(amount, prefix=prefix, decimals=decimals, scale=scale)


@functools.cache
def rupiah_texts() -> st.SearchStrategy[str]:
    """Rupiah amounts that :func:`~sanitasi_core.rupiah.parse_rupiah` reads.

    Half come from :func:`~sanitasi_core.rupiah.format_rupiah` (every prefix it documents,
    0-2 decimals, or a scale word), half are written by hand: ``Rp. 130.000,00``,
    ``Rp.1 . 800.000.000``, ``Rp 215.000,-``, ``IDR 5 juta``, ``Rp117,797 MILIAR``, ``milyar``,
    a leading minus, ungrouped digits, extra whitespace.
    """
    return _written_rupiah() | _handwritten_rupiah()


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


@st.composite
def _region_code(draw: st.DrawFn) -> RegionCode:
    level = draw(st.integers(1, 4))
    province = draw(st.from_regex(r"1[1-9]|[2-9][0-9]", fullmatch=True))
    regency = draw(st.from_regex(r"0[1-9]|[1-6][0-9]|7[1-9]|[89][0-9]", fullmatch=True))
    district = draw(st.from_regex(r"0[1-9]|[1-9][0-9]", fullmatch=True))
    village = draw(st.from_regex(r"[12][0-9]{3}", fullmatch=True))
    return RegionCode(
        province=province,
        regency=regency if level >= 2 else None,
        district=district if level >= 3 else None,
        village=village if level >= 4 else None,
    )


@functools.cache
def region_codes() -> st.SearchStrategy[RegionCode]:
    """Kemendagri region codes (:class:`~sanitasi_core.codes.RegionCode`) of every level.

    The shape is valid; the region need not exist (see :func:`regions` for real ones).
    """
    return _region_code()


@st.composite
def _spaced(draw: st.DrawFn, texts: st.SearchStrategy[str]) -> str:
    return _surrounded(draw, draw(texts))


@functools.cache
def region_code_texts() -> st.SearchStrategy[str]:
    """Region codes that :func:`~sanitasi_core.codes.parse_region_code` reads.

    Written by :func:`~sanitasi_core.codes.format_region_code` from :func:`region_codes`, or
    real kab/kota codes of the shipped registry (``64.11``), with surrounding whitespace.
    """
    return _spaced(region_codes().map(format_region_code) | regions().map(lambda r: r.code))


@st.composite
def _apbd_code(draw: st.DrawFn) -> ApbdCode:
    level = draw(st.integers(1, 5))
    affair = draw(st.from_regex(r"[0-9]", fullmatch=True))
    parts = [
        draw(st.from_regex(r"[0-9]{2}", fullmatch=True)),
        draw(st.from_regex(r"[0-9]{2}", fullmatch=True)),
        draw(st.from_regex(r"[0-9]\.[0-9]{2}", fullmatch=True)),
        draw(st.from_regex(r"[0-9]{4}", fullmatch=True)),
    ]
    given: list[str | None] = [p if n + 2 <= level else None for n, p in enumerate(parts)]
    return ApbdCode(
        affair=affair,
        field=given[0],
        programme=given[1],
        activity=given[2],
        sub_activity=given[3],
    )


@functools.cache
def apbd_codes() -> st.SearchStrategy[ApbdCode]:
    """APBD nomenclature codes (:class:`~sanitasi_core.codes.ApbdCode`) of every level."""
    return _apbd_code()


@st.composite
def _sanitation_sub_activity(draw: st.DrawFn) -> str:
    programme = draw(st.sampled_from(_SANITATION_PROGRAMMES))
    activity = draw(st.integers(1, 2)), draw(st.integers(1, 20))
    number = draw(st.integers(1, 9999))
    return f"{programme}.{activity[0]}.{activity[1]:02d}.{number:04d}"


@functools.cache
def apbd_code_texts(*, spaced: bool = True) -> st.SearchStrategy[str]:
    """APBD codes that :func:`~sanitasi_core.codes.parse_apbd_code` reads.

    Sanitation sub-activities such as ``1.03.05.2.01.0044``, or codes of any level written by
    :func:`~sanitasi_core.codes.format_apbd_code` from :func:`apbd_codes`.

    Args:
        spaced: also draw surrounding whitespace (which the parser ignores).
    """
    codes = _sanitation_sub_activity() | apbd_codes().map(format_apbd_code)
    return _spaced(codes) if spaced else codes


# --------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------


@functools.cache
def provenances() -> st.SearchStrategy[Provenance]:
    """Sources of records."""
    return st.builds(
        Provenance,
        source=texts(),
        url=_maybe(_urls()),
        seen_on=_maybe(dates()),
        note=_maybe(texts(max_size=24)),
        published_on=_maybe(dates()),
        quote=_maybe(texts(max_size=24)),
    )


@functools.cache
def _provenance_tuples() -> st.SearchStrategy[tuple[Provenance, ...]]:
    return _small_tuples(provenances(), max_size=1)


@functools.cache
def regions() -> st.SearchStrategy[Region]:
    """Real kabupaten/kota from the shipped registry (read on first draw, not at import)."""

    def from_registry() -> st.SearchStrategy[Region]:
        from sanitasi_core.regions import default_registry  # noqa: PLC0415  # lazy data

        regencies = default_registry().regencies()
        return st.sampled_from(regencies).map(lambda r: Region(code=r.code, name=r.name))

    return st.deferred(from_registry)


@functools.cache
def legal_instruments(
    kinds: tuple[InstrumentKind, ...] = tuple(InstrumentKind),
) -> st.SearchStrategy[LegalInstrument]:
    """Legal instruments of the given *kinds*; numbers are decree-shaped or free text.

    Args:
        kinds: the kinds of instrument to draw from (default: all).
    """
    return st.builds(
        LegalInstrument,
        kind=st.sampled_from(kinds),
        number=_maybe(decree_numbers().map(format_decree_number) | texts()),
        date=_maybe(dates()),
        issuer=_maybe(texts()),
        title=_maybe(texts(max_size=24)),
        provenance=_provenance_tuples(),
    )


@st.composite
def _designation(draw: st.DrawFn) -> Designation:
    milestone = draw(st.sampled_from(Milestone))
    below = [m for m in Milestone if m.rank < milestone.rank]
    completed = draw(st.lists(st.sampled_from(below), unique=True)) if below else []
    first = draw(_maybe(st.sampled_from([m for m in Milestone if m.rank <= milestone.rank])))
    return Designation(
        decree=draw(legal_instruments((InstrumentKind.KEPMENDAGRI, InstrumentKind.OTHER))),
        milestone=milestone,
        programme_year=draw(_maybe(years())),
        first=first,
        m4_year=draw(_maybe(st.integers(1, 20))) if milestone is Milestone.M4 else None,
        completed=tuple(sorted(completed, key=lambda m: m.rank)),
        provenance=draw(_provenance_tuples()),
    )


@functools.cache
def designations() -> st.SearchStrategy[Designation]:
    """Milestone designations; ``m4_year`` only for M4, ``completed`` milestones below it."""
    return _designation()


@st.composite
def _stage_report(draw: st.DrawFn) -> StageReport:
    milestone = draw(st.sampled_from(Milestone))
    return StageReport(
        year=draw(years()),
        milestone=milestone,
        reported_on=draw(dates()),
        first=draw(_maybe(st.sampled_from([m for m in Milestone if m.rank <= milestone.rank]))),
        m4_year=draw(_maybe(st.integers(1, 20))) if milestone is Milestone.M4 else None,
        assisted=draw(_maybe(st.booleans())),
        provenance=draw(_provenance_tuples()),
    )


@functools.cache
def stage_reports() -> st.SearchStrategy[StageReport]:
    """Reported programme stages; ``m4_year`` only for M4."""
    return _stage_report()


@functools.cache
def nawasis_entries() -> st.SearchStrategy[NawasisEntry]:
    """Milestone outputs entered in NAWASIS."""
    return st.builds(
        NawasisEntry,
        milestone=st.sampled_from(Milestone),
        year=years(),
        entered_on=dates(),
        completeness=_maybe(percentages()),
        provenance=_provenance_tuples(),
    )


@functools.cache
def members() -> st.SearchStrategy[Member]:
    """Working-group members."""
    return st.builds(
        Member,
        office=texts(),
        name=_maybe(texts()),
        agency=_maybe(texts()),
        role=st.sampled_from(MemberRole),
    )


@functools.cache
def working_groups() -> st.SearchStrategy[WorkingGroup]:
    """Working groups (Pokja); members unknown, none, or listed."""
    return st.builds(
        WorkingGroup,
        name=texts(),
        decree=_maybe(legal_instruments((InstrumentKind.SK, InstrumentKind.PERBUP))),
        host=_maybe(texts()),
        members=_maybe(_small_tuples(members(), max_size=5)),
        provenance=_provenance_tuples(),
    )


@st.composite
def _meeting(draw: st.DrawFn) -> Meeting:
    kind = draw(st.sampled_from(MeetingKind))
    return Meeting(
        kind=kind,
        date=draw(dates()),
        clinic=draw(st.integers(1, 7)) if kind is MeetingKind.COACHING_CLINIC else None,
        title=draw(_maybe(texts())),
        location=draw(_maybe(texts())),
        chaired_by=draw(_maybe(texts())),
        provenance=draw(_provenance_tuples()),
    )


@functools.cache
def meetings() -> st.SearchStrategy[Meeting]:
    """Meetings; a clinic number 1-7 exactly for coaching clinics."""
    return _meeting()


@st.composite
def _planning_document(draw: st.DrawFn) -> PlanningDocument:
    kind = draw(st.sampled_from(DocumentKind))
    start: int | None = draw(_maybe(years()))
    end: int | None
    if kind is DocumentKind.SSK:
        end = start + 4 if start is not None else None
        # An SSK may also report only one end of its period.
        which = draw(st.sampled_from(("both", "start", "end")))
        if which == "start":
            end = None
        elif which == "end":
            start = None
    elif start is not None:
        end = draw(_maybe(st.integers(start, start + 10)))
    else:
        end = draw(_maybe(years()))
    annual = kind in _ANNUAL_DOCUMENTS
    return PlanningDocument(
        kind=kind,
        title=draw(_maybe(texts(max_size=24))),
        period_start=start,
        period_end=end,
        year=draw(years()) if annual else draw(_maybe(years())),
        adopted_on=draw(_maybe(dates())),
        instrument=draw(_maybe(legal_instruments())),
        provenance=draw(_provenance_tuples()),
    )


@functools.cache
def planning_documents() -> st.SearchStrategy[PlanningDocument]:
    """Planning documents: ordered periods, five-year SSK periods, a year for annual documents."""
    return _planning_document()


@st.composite
def _ordered_dates(draw: st.DrawFn) -> tuple[dt.date, dt.date]:
    start = draw(dates())
    end = draw(st.dates(start, dt.date(2040, 12, 31)))
    return start, end


@st.composite
def _service_phase(draw: st.DrawFn) -> ServicePhase:
    start = draw(_maybe(dates()))
    end = draw(_maybe(st.dates(start or dt.date(2010, 1, 1), dt.date(2040, 12, 31))))
    return ServicePhase(
        scale=draw(st.sampled_from(Scale)),
        area=draw(texts()),
        villages=draw(_small_tuples(_village_codes())),
        households=draw(_maybe(st.integers(0, 100_000))),
        start=start,
        end=end,
    )


@functools.cache
def service_phases() -> st.SearchStrategy[ServicePhase]:
    """Service-model phases whose end is never before their start."""
    return _service_phase()


@functools.cache
def aspect_assessments() -> st.SearchStrategy[AspectAssessment]:
    """Aspect assessments: default aspects or other identifiers, scores 0-100."""
    return st.builds(
        AspectAssessment,
        aspect=st.sampled_from(DEFAULT_ASPECTS) | identifiers(),
        score=_scores(),
        assessed_on=dates(),
        step=_maybe(st.sampled_from(("containment", "emptying", "treatment"))),
        evidence=_maybe(texts()),
        assessor=_maybe(texts()),
        provenance=_provenance_tuples(),
    )


@functools.cache
def service_models(ident: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[ServiceModel]:
    """Service models with phases and aspect assessments unknown, empty or listed.

    Args:
        ident: draws the id (default: any identifier; unique ids are the dossier's business).
    """
    return st.builds(
        ServiceModel,
        id=ident if ident is not None else identifiers(),
        sub_sector=st.sampled_from(SubSector),
        name=texts(),
        system=_maybe(st.sampled_from(("SPALD-S", "SPALD-T", "TPS3R", "TPA")) | texts()),
        phases=_maybe(_small_tuples(service_phases())),
        assessments=_maybe(
            _small_tuples(aspect_assessments(), max_size=4).map(
                lambda items: _unique(items, lambda a: (a.aspect, a.step, a.assessed_on))
            )
        ),
        provenance=_provenance_tuples(),
    )


@functools.cache
def commitment_targets() -> st.SearchStrategy[CommitmentTarget]:
    """Targets named in commitments (any finite value, including negative changes)."""
    return st.builds(
        CommitmentTarget,
        indicator=texts(),
        value=decimals(min_value=-(10**6), max_value=10**13, max_places=2),
        unit=st.sampled_from(("%", "households", "Rp")) | texts(max_size=10),
        year=_maybe(years()),
    )


@functools.cache
def commitments() -> st.SearchStrategy[Commitment]:
    """Signed commitments."""
    return st.builds(
        Commitment,
        office=st.sampled_from(Office),
        signed_on=dates(),
        scope=texts(max_size=24),
        signatory=_maybe(texts()),
        role=_maybe(st.sampled_from(SignatoryRole)),
        subject=_maybe(st.sampled_from(CommitmentSubject)),
        package=_maybe(texts()),
        year=_maybe(years()),
        pledged=_maybe(money()),
        targets=_small_tuples(commitment_targets(), max_size=2),
        document=_maybe(legal_instruments()),
        provenance=_provenance_tuples(),
    )


@functools.cache
def activities(
    ident: st.SearchStrategy[str] | None = None,
    service_model: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Activity]:
    """Activities; realised may exceed planned (overspend happens).

    Args:
        ident: draws the id (default: any identifier).
        service_model: draws the service-model reference (default: ``None`` or any identifier).
    """
    return st.builds(
        Activity,
        id=ident if ident is not None else identifiers(),
        name=texts(max_size=24),
        fiscal_year=years(),
        code=_maybe(apbd_code_texts(spaced=False)),
        sub_sector=_maybe(st.sampled_from(SubSector)),
        funding_source=_maybe(st.sampled_from(FundingSource)),
        planned=_maybe(money()),
        realised=_maybe(money()),
        physical_progress=_maybe(percentages()),
        service_model=service_model if service_model is not None else _maybe(identifiers()),
        planned_in=_maybe(st.lists(st.sampled_from(AnnualPlan), unique=True).map(tuple)),
        provenance=_provenance_tuples(),
    )


@functools.cache
def monitoring_reports(
    ident: st.SearchStrategy[str | None] | None = None,
    activity_ids: tuple[str, ...] | None = None,
    service_model: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[MonitoringReport]:
    """Monitoring reports over ordered periods.

    Args:
        ident: draws the id (default: ``None`` or any identifier).
        activity_ids: the activity ids it may cover (default: any identifiers).
        service_model: draws the service-model reference (default: ``None`` or any identifier).
    """
    if activity_ids is None:
        covered = _small_tuples(identifiers())
    elif activity_ids:
        covered = _small_tuples(st.sampled_from(tuple(activity_ids)))
    else:
        covered = st.just(())

    @st.composite
    def build(draw: st.DrawFn) -> MonitoringReport:
        start, end = draw(_ordered_dates())
        return MonitoringReport(
            period_start=start,
            period_end=end,
            id=draw(ident if ident is not None else _maybe(identifiers())),
            issued_on=draw(_maybe(dates())),
            activities=draw(covered),
            funding_groups=draw(st.lists(st.sampled_from(FundingGroup), unique=True).map(tuple)),
            service_model=draw(
                service_model if service_model is not None else _maybe(identifiers())
            ),
            provenance=draw(_provenance_tuples()),
        )

    return build()


@functools.cache
def evaluations(
    service_model: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Evaluation]:
    """Evaluations; lessons and improvements unknown, empty or listed.

    Args:
        service_model: draws the service-model reference (default: ``None`` or any identifier).
    """
    return st.builds(
        Evaluation,
        subject=st.sampled_from(EvaluationSubject),
        evaluated_on=dates(),
        service_model=service_model if service_model is not None else _maybe(identifiers()),
        findings=_small_tuples(texts(max_size=24)),
        lessons=_maybe(_small_tuples(texts(max_size=24))),
        improvements=_maybe(_small_tuples(texts(max_size=24))),
        provenance=_provenance_tuples(),
    )


@st.composite
def _rung_counts(draw: st.DrawFn) -> RungCounts:
    parts = [draw(_maybe(st.integers(0, 200_000))) for _ in range(5)]
    known = sum(p for p in parts if p is not None)
    total = draw(_maybe(st.integers(known, known + 200_000)))
    return RungCounts(
        total=total,
        safely_managed=parts[0],
        basic=parts[1],
        limited=parts[2],
        unimproved=parts[3],
        open_defecation=parts[4],
    )


@functools.cache
def rung_counts() -> st.SearchStrategy[RungCounts]:
    """Household counts whose known rungs never add up to more than the total."""
    return _rung_counts()


@st.composite
def _access_record(draw: st.DrawFn) -> AccessRecord:
    # Shares in hundredths of a percent, drawn within what is left so they add up to <= 100.
    left = 10_000
    shares: list[Decimal | None] = []
    for _ in range(5):
        if draw(st.booleans()):
            hundredths = draw(st.integers(0, left))
            left -= hundredths
            shares.append(Decimal(hundredths).scaleb(-2))
        else:
            shares.append(None)
    safely, basic, limited = shares[:3]
    if safely is not None and basic is not None and limited is not None:
        summed = safely + basic + limited
        # Published headlines are rounded: anything within the tolerance of 0.5 is consistent.
        offset = Decimal(draw(st.integers(-40, 40))).scaleb(-2)
        layak = draw(st.none() | st.just(max(Decimal(0), min(Decimal(100), summed + offset))))
    else:
        layak = draw(_maybe(percentages()))
    households = draw(_maybe(rung_counts()))
    if all(s is None for s in shares) and layak is None and households is None:
        layak = draw(percentages())
    return AccessRecord(
        year=draw(years()),
        source=draw(st.sampled_from(AccessSource)),
        area=draw(st.sampled_from(AreaType)),
        safely_managed=safely,
        basic=basic,
        limited=limited,
        unimproved=shares[3],
        open_defecation=shares[4],
        layak=layak,
        households=households,
        published_on=draw(_maybe(dates())),
        provenance=draw(_provenance_tuples()),
    )


@functools.cache
def access_records() -> st.SearchStrategy[AccessRecord]:
    """Access records with at least one figure, shares adding up to <= 100, consistent layak."""
    return _access_record()


def _village_code_in(region_code: str) -> st.SearchStrategy[str]:
    district = st.integers(1, 99).map(lambda n: f"{n:02d}")
    village = st.sampled_from("12").flatmap(
        lambda k: st.integers(1, 999).map(lambda n: f"{k}{n:03d}")
    )
    return st.tuples(district, village).map(lambda t: f"{region_code}.{t[0]}.{t[1]}")


@functools.cache
def village_records(region_code: str | None = None) -> st.SearchStrategy[VillageRecord]:
    """Villages with an ODF status that may be unknown.

    Args:
        region_code: a kab/kota code (``64.11``) the village codes lie in (default: any).
    """
    codes = _village_codes() if region_code is None else _village_code_in(region_code)
    return st.builds(
        VillageRecord,
        code=codes,
        name=_maybe(texts()),
        odf=_maybe(st.booleans()),
        odf_verified_on=_maybe(dates()),
        provenance=_provenance_tuples(),
    )


@functools.cache
def ehra_assessments(region_code: str | None = None) -> st.SearchStrategy[EhraAssessment]:
    """EHRA results with risk scores per domain.

    Args:
        region_code: a kab/kota code (``64.11``) the village codes lie in (default: any).
    """
    codes = _village_codes() if region_code is None else _village_code_in(region_code)
    domains = st.sampled_from(
        ("water_source", "wastewater", "solid_waste", "drainage", "hygiene_behaviour")
    )
    return st.builds(
        EhraAssessment,
        village=codes,
        year=years(),
        scores=st.dictionaries(domains, _scores(), min_size=1, max_size=5),
        households=_maybe(st.integers(0, 500)),
        provenance=_provenance_tuples(),
    )


@st.composite
def _waste_record(draw: st.DrawFn) -> WasteRecord:
    generated = draw(_maybe(decimals(min_value=0, max_value=1_000_000, max_places=2)))
    reduced = handled = None
    if generated is not None:
        reduced = draw(
            _maybe(
                st.integers(0, 100).map(
                    lambda p: (generated * p / 200).quantize(Decimal("0.01"), "ROUND_DOWN")
                )
            )
        )
        handled = draw(
            _maybe(
                st.integers(0, 100).map(
                    lambda p: (generated * p / 200).quantize(Decimal("0.01"), "ROUND_DOWN")
                )
            )
        )
    else:
        reduced = draw(_maybe(money()))
        handled = draw(_maybe(money()))
    return WasteRecord(
        year=draw(years()),
        generated=generated,
        reduced=reduced,
        handled=handled,
        area=draw(st.sampled_from(AreaType)),
        provenance=draw(_provenance_tuples()),
    )


@functools.cache
def waste_records() -> st.SearchStrategy[WasteRecord]:
    """Solid-waste tonnages where reduced + handled never exceed what was generated."""
    return _waste_record()


@functools.cache
def national_targets() -> st.SearchStrategy[NationalTarget]:
    """Dated national targets."""
    return st.builds(
        NationalTarget,
        id=identifiers(),
        indicator=st.sampled_from(TargetIndicator),
        value=percentages(),
        year=years(),
        basis=bilingual_texts(),
        area=st.sampled_from(AreaType),
        url=_maybe(_urls()),
        sources=_small_tuples(sources(), max_size=2),
    )


# --------------------------------------------------------------------------------------------
# Dossiers
# --------------------------------------------------------------------------------------------


@functools.cache
def _unique_ids(min_size: int, max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(identifiers(), min_size=min_size, max_size=max_size, unique=True)


@st.composite
def _dossier(draw: st.DrawFn, mode: Literal["minimal", "sparse", "full"]) -> Dossier:
    region = draw(regions())
    if mode == "minimal":
        return Dossier(region=region)
    full = mode == "full"
    # A full dossier has one or two records per section, a sparse one up to three.
    least, most = (1, 2) if full else (0, _MAX_ITEMS)

    def present() -> bool:
        return full or draw(st.booleans())

    def section(records: st.SearchStrategy[Any]) -> tuple[Any, ...] | None:
        """Draw a section: unknown or empty (sparse only), or filled."""
        if not present():
            return None
        return draw(_small_tuples(records, min_size=least, max_size=most))

    def reference(ids: Sequence[str]) -> str | None:
        """Draw ``None`` or one of *ids*: references never dangle."""
        if not ids or draw(st.booleans()):
            return None
        return ids[draw(st.integers(0, len(ids) - 1))]

    # Ids first, then the records that carry them, then references drawn from them.
    model_ids = draw(_unique_ids(least, most)) if present() else None
    activity_ids = draw(_unique_ids(least, most)) if present() else None
    report_ids: list[str | None] | None = [*draw(_unique_ids(least, most))] if present() else None
    if report_ids is not None and not full and draw(st.booleans()):
        report_ids.append(None)  # report ids are optional; only set ones must be unique
    known_models = model_ids or []
    known_activities = activity_ids or []

    models = None
    if model_ids is not None:
        models = tuple(attrs.evolve(draw(service_models()), id=i) for i in model_ids)
    acts = None
    if activity_ids is not None:
        acts = tuple(
            attrs.evolve(draw(activities()), id=i, service_model=reference(known_models))
            for i in activity_ids
        )
    reports = None
    if report_ids is not None:
        reports = tuple(
            attrs.evolve(
                draw(monitoring_reports()),
                id=i,
                activities=tuple(
                    known_activities[j] for j in draw(_indices(len(known_activities)))
                ),
                service_model=reference(known_models),
            )
            for i in report_ids
        )
    evals = section(evaluations())
    if evals is not None:
        evals = tuple(attrs.evolve(e, service_model=reference(known_models)) for e in evals)
    return Dossier(
        region=region,
        description=draw(texts(max_size=24) if full else _maybe(texts(max_size=24))),
        fictional=draw(st.booleans()),
        designations=_unique(
            section(designations()),
            lambda d: (d.decree.number, d.milestone) if d.decree.number else None,
        ),
        stage_reports=section(stage_reports()),
        working_group=draw(working_groups() if full else _maybe(working_groups())),
        meetings=_unique(
            section(meetings()), lambda m: (m.kind, m.clinic, m.date) if m.clinic else None
        ),
        documents=section(planning_documents()),
        service_models=models,
        commitments=section(commitments()),
        activities=acts,
        monitoring_reports=reports,
        evaluations=evals,
        access_records=_unique(section(access_records()), lambda r: (r.year, r.source, r.area)),
        villages=_unique(section(village_records(region.code)), lambda v: v.code),
        ehra=_unique(section(ehra_assessments(region.code)), lambda e: (e.village, e.year)),
        waste_records=_unique(section(waste_records()), lambda w: (w.year, w.area)),
        nawasis_entries=_unique(
            section(nawasis_entries()), lambda e: (e.milestone, e.year, e.entered_on)
        ),
        incomplete=tuple(draw(st.lists(st.sampled_from(DossierList), unique=True, max_size=3)))
        if not full
        else (),
        provenance=draw(_small_tuples(provenances(), min_size=least, max_size=2)),
    )


def _unique(
    records: tuple[T, ...] | None, key: Callable[[T], object | None]
) -> tuple[T, ...] | None:
    """Keep the first record of each natural key (the model refuses repeated keys)."""
    if records is None:
        return None
    seen: set[object] = set()
    out = []
    for record in records:
        k = key(record)
        if k is not None and k in seen:
            continue
        seen.add(k)
        out.append(record)
    return tuple(out)


@functools.cache
def _indices(size: int) -> st.SearchStrategy[list[int]]:
    if size == 0:
        return st.just([])
    return st.lists(st.integers(0, size - 1), max_size=_MAX_ITEMS)


@functools.cache
def dossiers(completeness: Completeness = "any") -> st.SearchStrategy[Dossier]:
    """Valid dossiers, from nearly empty (only the region) to complete.

    Args:
        completeness: ``minimal``, ``sparse``, ``full`` or ``any`` (see :data:`Completeness`).
    """
    if completeness == "any":
        return st.one_of(_dossier("minimal"), _dossier("sparse"), _dossier("full"))
    return _dossier(completeness)


# --------------------------------------------------------------------------------------------
# Household records and household-record files
# --------------------------------------------------------------------------------------------


@functools.cache
def _household_ids() -> st.SearchStrategy[str]:
    numbered = st.builds("RT-{:05d}".format, st.integers(0, 99_999))
    return numbered | identifiers()


@functools.cache
def _weights() -> st.SearchStrategy[Decimal]:
    @st.composite
    def build(draw: st.DrawFn) -> Decimal:
        places = draw(st.integers(0, 4))
        units = draw(st.integers(1, 10_000 * 10**places))
        return Decimal(units).scaleb(-places)

    return st.just(Decimal(1)) | build()


@st.composite
def _household_record(draw: st.DrawFn, min_year: int, max_year: int) -> HouseholdRecord:
    survey = draw(dates(min_year, max_year))
    emptied = st.dates(dt.date(min_year - 10, 1, 1), survey)
    return HouseholdRecord(
        household_id=draw(_household_ids()),
        area=draw(_maybe(st.sampled_from(Area))),
        facility=draw(_maybe(st.sampled_from(Facility))),
        toilet=draw(_maybe(st.sampled_from(Toilet))),
        disposal=draw(_maybe(st.sampled_from(Disposal))),
        last_emptied=draw(st.none() | emptied) if draw(st.integers(0, 3)) else "never",
        sludge_treated=draw(_maybe(st.booleans())),
        weight=draw(_weights()),
        survey_date=survey,
    )


@functools.cache
def household_records(
    min_year: int = 2015, max_year: int = 2030
) -> st.SearchStrategy[HouseholdRecord]:
    """Household survey records: any answer may be unknown; emptied never after the survey.

    Args:
        min_year: the earliest survey year (emptying dates go back ten years more).
        max_year: the latest survey year.
    """
    return _household_record(min_year, max_year)


_HOUSEHOLD_COLUMNS = (
    "household_id",
    "area",
    "facility",
    "toilet",
    "disposal",
    "last_emptied",
    "sludge_treated",
    "weight",
    "survey_date",
)


def _household_cell(draw: st.DrawFn, record: HouseholdRecord, column: str) -> str:
    """One CSV cell as people type it: any case, empty for unknown, padded with spaces."""
    value: object = getattr(record, column)
    if value is None:
        cell = ""
    elif isinstance(value, bool):
        cell = "yes" if value else "no"
    elif isinstance(value, dt.date):
        cell = value.isoformat()
    elif isinstance(value, Decimal):
        cell = format(value, "f")
    else:
        cell = str(value)
    if column not in ("household_id", "weight", "survey_date", "last_emptied"):
        cell = draw(st.sampled_from(_CASES))(cell)
    if column != "household_id" and draw(st.integers(0, 9)) == 0:
        cell = f" {cell} "
    return cell


def _household_json(draw: st.DrawFn, record: HouseholdRecord, column: str) -> object:
    value: object = getattr(record, column)
    if value is None:
        return draw(st.sampled_from((None, "")))
    if isinstance(value, bool):
        return draw(st.sampled_from((value, "yes" if value else "no")))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        if value == value.to_integral_value() and draw(st.booleans()):
            return int(value)  # a JSON number
        return format(value, "f")
    return str(value)


@st.composite
def _household_document(
    draw: st.DrawFn, fmt: Literal["csv", "jsonl"], min_rows: int, max_rows: int
) -> str:
    records = draw(st.lists(household_records(), min_size=min_rows, max_size=max_rows))
    columns = list(_HOUSEHOLD_COLUMNS)
    weighted = draw(st.booleans()) or any(r.weight != 1 for r in records)
    if not weighted:
        columns.remove("weight")
    columns = draw(st.permutations(columns))
    newline = draw(st.sampled_from(("\n", "\r\n")))
    if fmt == "jsonl":
        lines = [
            json.dumps({c: _household_json(draw, r, c) for c in columns}, ensure_ascii=False)
            for r in records
        ]
        return "".join(line + newline for line in lines)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=newline)
    writer.writerow([draw(st.sampled_from(_CASES))(c) for c in columns])
    for r in records:
        writer.writerow([_household_cell(draw, r, c) for c in columns])
    return out.getvalue()


@functools.cache
def household_documents(
    fmt: Literal["csv", "jsonl"] = "csv", *, min_rows: int = 0, max_rows: int = 5
) -> st.SearchStrategy[str]:
    """Whole household-record files whose every row is accepted by the reader.

    CSV files have a header in any column order and letter case (``weight`` is left out when
    every weight is 1, at times); values are in any case, sometimes padded with spaces, empty
    for unknown. JSON Lines rows use ``null`` or ``""`` for unknown, ``true``/``false`` or
    ``yes``/``no``, and whole weights as JSON numbers at times. Line ends are LF or CRLF.

    Args:
        fmt: ``csv`` or ``jsonl``.
        min_rows: the fewest data rows.
        max_rows: the most data rows.
    """
    return _household_document(fmt, min_rows, max_rows)


# --------------------------------------------------------------------------------------------
# Rulebooks and criteria trees
# --------------------------------------------------------------------------------------------


@functools.cache
def bilingual_texts(*, max_size: int = 24) -> st.SearchStrategy[Text]:
    """Bilingual texts (:class:`~sanitasi_core.Text`): non-blank Indonesian and English."""
    return st.builds(Text, id=texts(max_size=max_size), en=texts(max_size=max_size))


@functools.cache
def _labels() -> st.SearchStrategy[Text | None]:
    return _maybe(bilingual_texts())


@functools.cache
def references() -> st.SearchStrategy[Reference]:
    """Bases of criteria and thresholds (:class:`~sanitasi_core.rules.Reference`)."""
    return st.builds(
        Reference,
        basis=bilingual_texts(max_size=40),
        sources=_small_tuples(sources(), max_size=2),
        assumption=_maybe(bilingual_texts()),
        regulation=_maybe(st.sampled_from(("Permendagri 87/2022", "Perpres 18/2020")) | texts()),
        clause=_maybe(texts()),
        url=_maybe(_urls()),
    )


@functools.cache
def sources() -> st.SearchStrategy[Source]:
    """Public sources of rules and targets (:class:`~sanitasi_core.model.Source`)."""
    return st.builds(
        Source,
        title=texts(max_size=24),
        publisher=_maybe(texts()),
        published_on=_maybe(dates()),
        url=_maybe(_urls()),
        quote=_maybe(texts(max_size=24)),
        note=_maybe(texts()),
    )


@functools.cache
def aspect_sets() -> st.SearchStrategy[AspectSet]:
    """Aspect sets: the six keys of the 2020 reconstruction, some required, some aliased."""

    @st.composite
    def build(draw: st.DrawFn) -> AspectSet:
        ids: list[str] = draw(
            st.lists(st.sampled_from(DEFAULT_ASPECTS), min_size=1, max_size=6, unique=True)
        )
        spare = [a for a in DEFAULT_ASPECTS if a not in ids]
        aspects = []
        for ident in ids:
            alias: str | None = None
            take: bool = draw(st.booleans())
            if spare and take:
                alias = draw(st.sampled_from(spare))
            if alias is not None:
                spare.remove(alias)
            aspects.append(
                Aspect(
                    id=ident,
                    name=draw(bilingual_texts()),
                    required=draw(st.booleans()),
                    aliases=(alias,) if alias else (),
                )
            )
        steps = draw(
            st.lists(st.sampled_from(("containment", "emptying", "treatment")), unique=True)
        )
        return AspectSet(
            id=draw(identifiers()),
            title=draw(bilingual_texts()),
            aspects=tuple(aspects),
            reference=draw(references()),
            steps=tuple(ChainStep(id=i, name=draw(bilingual_texts())) for i in steps),
        )

    return build()


def _numeric_specs() -> tuple[IndicatorSpec, ...]:
    return tuple(s for s in CATALOGUE.values() if s.type is not ValueType.BOOLEAN)


def _fact_specs() -> tuple[IndicatorSpec, ...]:
    return tuple(s for s in CATALOGUE.values() if s.type is ValueType.BOOLEAN)


def _units() -> tuple[str, ...]:
    return tuple(sorted({s.unit for s in _numeric_specs()}))


@functools.cache
def _values_in(unit: str) -> st.SearchStrategy[Decimal]:
    """Threshold and comparison values that make sense in *unit*."""
    if unit == "%":
        return percentages()
    if unit == "points":
        return _scores()
    if unit in ("records", "months"):
        return st.integers(0, 24).map(Decimal)
    if unit == "pp":
        return decimals(min_value=-20, max_value=20, max_places=2)
    return decimals(min_value=0, max_value=1000, max_places=2)


@functools.cache
def threshold_steps(unit: str = "%") -> st.SearchStrategy[ThresholdStep]:
    """Single threshold values in force from a date (:class:`~sanitasi_core.rules.ThresholdStep`).

    Args:
        unit: the unit the value is in (``%``, ``points``, ``records``, ``months``, ``pp``).
    """
    return st.builds(ThresholdStep, since=dates(), value=_values_in(unit))


def _threshold_series(
    draw: st.DrawFn, unit: str | None, valid_from: dt.date | None, ident: str | None = None
) -> Threshold:
    """Draw a threshold whose first step starts on or before *valid_from*."""
    unit = unit if unit is not None else draw(st.sampled_from(_units()))
    latest = valid_from if valid_from is not None else dt.date(2035, 12, 31)
    first = latest - dt.timedelta(days=draw(st.integers(0, 5 * 366)))
    gaps = draw(st.lists(st.integers(1, 5 * 366), max_size=2))
    days = [first]
    for gap in gaps:
        days.append(days[-1] + dt.timedelta(days=gap))
    values = _values_in(unit)
    return Threshold(
        id=ident if ident is not None else draw(identifiers()),
        unit=unit,
        steps=tuple(ThresholdStep(since=d, value=draw(values)) for d in days),
        reference=draw(references()),
        description=draw(bilingual_texts()),
    )


@functools.cache
def thresholds(
    unit: str | None = None, valid_from: dt.date | None = None
) -> st.SearchStrategy[Threshold]:
    """Dated threshold series (:class:`~sanitasi_core.rules.Threshold`), steps in date order.

    Args:
        unit: the unit (default: any unit of a numeric indicator of the catalogue).
        valid_from: the ``valid_from`` of the rulebook the threshold is for: the first step
            starts on or before it, so the threshold has a value whenever the rulebook is in
            force (default: the first step is at the latest on 2035-12-31).
    """

    @st.composite
    def build(draw: st.DrawFn) -> Threshold:
        return _threshold_series(draw, unit, valid_from)

    return build()


def _args(draw: st.DrawFn, spec: IndicatorSpec) -> dict[str, str]:
    """Parameters for *spec*: every required one, optional ones at times, from the choices.

    Aspects come from the six keys a rulebook without an aspect set accepts; service-chain
    steps, which only an aspect set declares, are left out.
    """
    out = {}
    for p in spec.params:
        choices = p.choices or (DEFAULT_ASPECTS if p.name == "aspect" else ())
        if not choices:
            continue
        if (p.default is None and not p.optional) or draw(st.booleans()):
            out[p.name] = draw(st.sampled_from(choices))
    return out


def _defaults() -> st.SearchStrategy[Outcome | None]:
    return st.sampled_from((None, None, Outcome.PASS, Outcome.FAIL))


# Trees are drawn from strategies built once, with placeholders where the rulebook matters:
# a ``compare`` node may carry ``threshold = _SLOT + n`` (use the n-th threshold of its unit,
# if any), and a ``ref`` node names ``_SLOT + n`` (use the n-th definition, if any). Resolving
# them afterwards is much faster than building new strategies for each rulebook drawn.
_SLOT = "\x00slot:"


@st.composite
def _compare_node(draw: st.DrawFn) -> CompareNode:
    spec = draw(st.sampled_from(_numeric_specs()))
    slot = draw(st.none() | st.integers(0, 7))
    return CompareNode(
        indicator=spec.name,
        cmp=draw(st.sampled_from(Cmp)),
        threshold=None if slot is None else f"{_SLOT}{slot}",
        value=draw(_values_in(spec.unit)),
        args=_args(draw, spec),
        label=draw(_labels()),
        if_unknown=draw(_defaults()),
    )


@st.composite
def _fact_node(draw: st.DrawFn, cls: type[PresentNode | AbsentNode]) -> PresentNode | AbsentNode:
    spec = draw(st.sampled_from(_fact_specs()))
    return cls(
        fact=spec.name, args=_args(draw, spec), label=draw(_labels()), if_unknown=draw(_defaults())
    )


# Values of the enumerated fields a ``count`` filter can test; other fields by their kind.
_FILTER_VALUES: dict[tuple[str, str], tuple[str, ...]] = {
    ("commitments", "office"): tuple(m.value for m in Office),
    ("meetings", "kind"): tuple(m.value for m in MeetingKind),
    ("activities", "funding_source"): tuple(m.value for m in FundingSource),
    ("activities", "funding_group"): tuple(m.value for m in FundingGroup),
    ("activities", "sub_sector"): tuple(m.value for m in SubSector),
    ("evaluations", "subject"): tuple(m.value for m in EvaluationSubject),
    ("monitoring_reports", "covers"): tuple(m.value for m in FundingGroup),
    ("documents", "kind"): tuple(m.value for m in DocumentKind),
}


@functools.cache
def _filter_values(records: str, name: str, kind: str) -> st.SearchStrategy[str]:
    if kind == "bool":
        return st.sampled_from(("true", "false"))
    if kind in ("int", "year"):
        return st.integers(1, 2035).map(str)
    known = _FILTER_VALUES.get((records, name))
    return st.sampled_from(known) if known else identifiers()


@st.composite
def _where(draw: st.DrawFn, records: RecordSet) -> Where:
    fields = FIELDS[records.value]
    name = draw(st.sampled_from(sorted(fields)))
    kind = fields[name][0]
    if kind == "date" or (kind == "year" and draw(st.booleans())):
        return Where(field=name, within=draw(st.sampled_from(Window)))
    values = _filter_values(records.value, name, kind)
    if draw(st.booleans()):
        return Where(field=name, equals=draw(values))
    return Where(field=name, one_of=tuple(draw(st.lists(values, min_size=1, max_size=3))))


@functools.cache
def count_filters(records: RecordSet | None = None) -> st.SearchStrategy[Where]:
    """Filters of ``count`` nodes (:class:`~sanitasi_core.rules.Where`) valid for *records*.

    Fields come from the record set's declared fields; dates are filtered by a window,
    enumerations by their real values, yes/no fields by ``true``/``false``.

    Args:
        records: the record set counted (default: any, and the filter fits one of them).
    """
    if records is None:
        return st.sampled_from(RecordSet).flatmap(count_filters)
    return _where(records)


@st.composite
def _count_node(draw: st.DrawFn) -> CountNode:
    records = draw(st.sampled_from(RecordSet))
    return CountNode(
        records=records,
        where=tuple(draw(st.lists(count_filters(records), max_size=2))),
        cmp=draw(st.sampled_from(Cmp)),
        value=draw(st.integers(0, 5)),
        label=draw(_labels()),
        if_unknown=draw(_defaults()),
    )


def _group_of(children: st.SearchStrategy[Node]) -> st.SearchStrategy[tuple[Node, ...]]:
    return st.lists(children, min_size=1, max_size=3).map(tuple)


def _all_nodes(children: st.SearchStrategy[Node]) -> st.SearchStrategy[AllNode]:
    return st.builds(AllNode, of=_group_of(children), label=_labels())


def _any_nodes(children: st.SearchStrategy[Node]) -> st.SearchStrategy[AnyNode]:
    return st.builds(AnyNode, of=_group_of(children), label=_labels())


def _not_nodes(children: st.SearchStrategy[Node]) -> st.SearchStrategy[NotNode]:
    return st.builds(NotNode, of=children, label=_labels())


def _at_least_nodes(children: st.SearchStrategy[Node]) -> st.SearchStrategy[AtLeastNode]:
    return _group_of(children).flatmap(
        lambda of: st.builds(
            AtLeastNode, k=st.integers(1, len(of)), of=st.just(of), label=_labels()
        )
    )


def _some_nodes(children: st.SearchStrategy[Node]) -> st.SearchStrategy[SomeNode]:
    return st.builds(SomeNode, over=st.sampled_from(Collection), test=children, label=_labels())


def _extend(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    return st.one_of(
        _all_nodes(children),
        _any_nodes(children),
        _not_nodes(children),
        _at_least_nodes(children),
        _some_nodes(children),
    )


@functools.cache
def _template_trees(max_leaves: int) -> st.SearchStrategy[Node]:
    leaves: st.SearchStrategy[Node] = st.one_of(
        _compare_node(),
        _fact_node(PresentNode),
        _fact_node(AbsentNode),
        _count_node(),
        st.integers(0, 7).map(lambda n: RefNode(criterion=f"{_SLOT}{n}")),
        st.builds(
            AspectsNode,
            k=st.integers(1, 6),
            cmp=st.sampled_from(Cmp),
            threshold=st.none() | st.integers(0, 7).map(lambda n: f"{_SLOT}{n}"),
            value=_scores(),
            label=_labels(),
        ),
    )
    return st.recursive(leaves, _extend, max_leaves=max_leaves)


def _resolve(
    node: Node,
    known: Sequence[tuple[str, str]],
    definitions: Sequence[str],
    aspects: tuple[str, ...] = (),
) -> Node:
    """Replace the placeholders of a template tree by the thresholds and definitions given.

    *aspects* are the ids of the rulebook's aspect set (none: ``aspects`` nodes become
    ``present`` ones, and ``aspect`` arguments keep the six keys of a rulebook without a set).
    """
    if isinstance(node, AllNode | AnyNode | AtLeastNode):
        return attrs.evolve(
            node, of=tuple(_resolve(n, known, definitions, aspects) for n in node.of)
        )
    if isinstance(node, NotNode):
        return attrs.evolve(node, of=_resolve(node.of, known, definitions, aspects))
    if isinstance(node, SomeNode):
        return attrs.evolve(node, test=_resolve(node.test, known, definitions, aspects))
    if isinstance(node, AspectsNode):
        if not aspects:
            return PresentNode(fact=_fact_specs()[node.k % len(_fact_specs())].name)
        k = min(node.k, len(aspects))
        points = [ident for ident, unit in known if unit == "points"]
        slot = int(node.threshold.removeprefix(_SLOT)) if node.threshold else None
        if slot is None or not points:
            return attrs.evolve(node, k=k, threshold=None)
        return attrs.evolve(node, k=k, threshold=points[slot % len(points)], value=None)
    if isinstance(node, CompareNode) and aspects and "aspect" in node.args:
        # The aspect set decides which ids are valid: map the six keys onto it.
        index = DEFAULT_ASPECTS.index(node.args["aspect"]) % len(aspects)
        node = attrs.evolve(node, args={**node.args, "aspect": aspects[index]})
    if isinstance(node, CompareNode) and node.threshold is not None:
        unit = CATALOGUE[node.indicator].unit
        matching = [ident for ident, u in known if u == unit]
        if not matching:
            return attrs.evolve(node, threshold=None)
        slot = int(node.threshold.removeprefix(_SLOT))
        return attrs.evolve(node, threshold=matching[slot % len(matching)], value=None)
    if isinstance(node, RefNode):
        slot = int(node.criterion.removeprefix(_SLOT))
        if definitions:
            return RefNode(criterion=definitions[slot % len(definitions)])
        facts = _fact_specs()
        return PresentNode(fact=facts[slot % len(facts)].name)
    return node


@functools.cache
def criteria_trees(
    *,
    thresholds: Sequence[Threshold] = (),
    definitions: Sequence[str] = (),
    max_leaves: int = 6,
) -> st.SearchStrategy[Node]:
    """Valid criteria trees (:data:`~sanitasi_core.rules.Node`) of the criterion language.

    Leaves use real indicator names of :data:`~sanitasi_core.indicators.CATALOGUE` with the
    right operator for their type (``compare`` for numbers, ``present``/``absent`` for facts),
    parameters from their declared choices (every required one), comparison values in the
    indicator's unit, ``count`` nodes with filters on declared fields, and declared defaults
    ``pass``/``fail`` at times. Inner nodes are ``all``, ``any``, ``not`` and ``at_least``
    (with 1 ≤ k ≤ items), a few levels deep.

    Args:
        thresholds: thresholds (of the same rulebook) that ``compare`` nodes may use, each only
            by an indicator of the same unit. Pass a tuple: the strategy is cached.
        definitions: ids of named criteria that ``ref`` nodes may use (none by default). Pass a
            tuple.
        max_leaves: about how many leaves a tree has at most.
    """
    known = tuple((t.id, t.unit) for t in thresholds)
    names = tuple(definitions)
    return _template_trees(max_leaves).map(lambda node: _resolve(node, known, names))


@functools.cache
def _template_criteria(max_leaves: int) -> st.SearchStrategy[Criterion]:
    return st.builds(
        Criterion,
        id=identifiers(),
        message=bilingual_texts(),
        reference=references(),
        test=_template_trees(max_leaves),
        severity=st.sampled_from(Severity),
    )


def _criterion(
    draw: st.DrawFn,
    ident: str,
    known: Sequence[tuple[str, str]],
    definitions: Sequence[str],
    max_leaves: int = 6,
    aspects: tuple[str, ...] = (),
) -> Criterion:
    template = draw(_template_criteria(max_leaves))
    test = _resolve(template.test, known, definitions, aspects)
    return attrs.evolve(template, id=ident, test=test)


@functools.cache
def criteria(
    *, thresholds: Sequence[Threshold] = (), definitions: Sequence[str] = ()
) -> st.SearchStrategy[Criterion]:
    """Named criteria (:class:`~sanitasi_core.rules.Criterion`) with a valid test.

    Args:
        thresholds: thresholds the test may use (see :func:`criteria_trees`); a tuple.
        definitions: ids of named criteria the test may ``ref``; a tuple.
    """
    known = tuple((t.id, t.unit) for t in thresholds)
    names = tuple(definitions)
    return _template_criteria(6).map(lambda c: attrs.evolve(c, test=_resolve(c.test, known, names)))


@functools.cache
def milestone_rules(milestone: Milestone | None = None) -> st.SearchStrategy[MilestoneRule]:
    """Milestones with one to three criteria of unique ids, using no thresholds nor refs.

    Args:
        milestone: which milestone (default: any).
    """

    @st.composite
    def build(draw: st.DrawFn) -> MilestoneRule:
        ids = draw(_unique_ids(1, 3))
        return MilestoneRule(
            id=milestone if milestone is not None else draw(st.sampled_from(Milestone)),
            title=draw(bilingual_texts()),
            criteria=tuple(_criterion(draw, i, (), ()) for i in ids),
            per_fiscal_year=draw(st.booleans()),
        )

    return build()


@st.composite
def _rulebook(draw: st.DrawFn, max_criteria: int) -> Rulebook:
    valid_from = draw(dates(2015, 2030))
    valid_to = None
    if draw(st.booleans()):
        valid_to = valid_from + dt.timedelta(days=draw(st.integers(1, 20 * 366)))
    series = tuple(
        _threshold_series(draw, None, valid_from, ident) for ident in draw(_unique_ids(0, 4))
    )
    known = tuple((t.id, t.unit) for t in series)
    chosen = sorted(draw(st.sets(st.sampled_from(Milestone), min_size=1)), key=lambda m: m.rank)
    sizes = [draw(st.integers(1, max_criteria)) for _ in chosen]
    n_definitions = draw(st.integers(0, 3))
    total = n_definitions + sum(sizes)
    ids = draw(_unique_ids(total, total))
    names, ids = ids[:n_definitions], ids[n_definitions:]
    # A definition may only use the ones before it, so references never form a cycle.
    aspect_set = draw(_maybe(aspect_sets()))
    n_aspects = tuple(a.id for a in aspect_set.aspects) if aspect_set is not None else ()
    definitions = tuple(
        _criterion(draw, name, known, names[:index], max_leaves=4, aspects=n_aspects)
        for index, name in enumerate(names)
    )
    milestones = []
    for milestone, size in zip(chosen, sizes, strict=True):
        own, ids = ids[:size], ids[size:]
        milestones.append(
            MilestoneRule(
                id=milestone,
                title=draw(bilingual_texts()),
                criteria=tuple(_criterion(draw, i, known, names, aspects=n_aspects) for i in own),
                per_fiscal_year=milestone is Milestone.M4 and draw(st.booleans()),
            )
        )
    targets = draw(st.lists(national_targets(), max_size=2, unique_by=lambda t: t.id))
    return Rulebook(
        id=draw(st.sampled_from(("ppsp-ssk-milestones", "uji-coba")) | identifiers()),
        version=draw(_versions()),
        title=draw(bilingual_texts()),
        status=draw(st.sampled_from(RulebookStatus)),
        valid_from=valid_from,
        valid_to=valid_to,
        milestones=tuple(milestones),
        thresholds=series,
        definitions=definitions,
        targets=tuple(targets),
        aspects=aspect_set,
    )


@functools.cache
def _versions() -> st.SearchStrategy[str]:
    return st.from_regex(r"20[0-9]{2}\.[0-9]{1,2}(-[a-z]{1,8})?", fullmatch=True)


@functools.cache
def rulebooks(*, max_criteria: int = 3) -> st.SearchStrategy[Rulebook]:
    """Valid rulebooks: they load, and they evaluate any dossier on a day they are in force.

    ``load_rulebook(dump_rulebook(rb), fmt="json") == rb`` holds for every one. A rulebook has
    one or more milestones in order (M4 per fiscal year at times), criteria with ids unique
    across the rulebook, up to four thresholds of the catalogue's units whose first step is on
    or before ``valid_from``, up to three definitions that reference only earlier ones (so
    references are acyclic), and up to two national targets.

    Args:
        max_criteria: the most criteria per milestone.
    """
    return _rulebook(max_criteria)


# --------------------------------------------------------------------------------------------
# Documents: JSON values and broken dossier documents, for fuzzing the loader
# --------------------------------------------------------------------------------------------

_TRICKY_STRINGS = (
    "",
    " ",
    "None",
    "null",
    "false",
    "true",
    "2024-07-15",
    "2024-02-30",
    "15/07/2024",
    "1250000.00",
    "1,5",
    "1e3",
    "NaN",
    "-0",
    "64.11",
    "99.01",
    "1.03.05.2.01.0044",
    "M4",
    "apbd_district",
    "coaching_clinic",
    "sanitasi.dossier/v1",
)


@functools.cache
def json_values(*, allow_nan: bool = True) -> st.SearchStrategy[Any]:
    """Arbitrary JSON-like values: null, booleans, numbers, text, arrays and objects.

    Args:
        allow_nan: include NaN and infinities (Python's ``json`` writes them; JSON has none).
    """
    scalars = (
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=allow_nan, allow_infinity=allow_nan)
        | st.text(max_size=20)
        | st.sampled_from(_TRICKY_STRINGS)
    )
    return st.recursive(
        scalars,
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(st.text(max_size=10), children, max_size=4)
        ),
        max_leaves=12,
    )


def _locations(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path (keys and indices) to a value inside *node*, the root included."""
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_locations(value, (*path, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_locations(value, (*path, index)))
    return found


def _mutate(draw: st.DrawFn, document: Any) -> Any:
    """Apply one random mutation at one random place of *document* (changed in place)."""
    path = draw(st.sampled_from(_locations(document)))
    value = document
    for step in path:
        value = value[step]
    operation = draw(st.sampled_from(("drop", "retype", "unknown_key", "deep_nest", "duplicate")))
    if operation == "unknown_key" and isinstance(value, dict):
        value[draw(st.text(max_size=12))] = draw(json_values())
        return document
    if operation == "duplicate" and isinstance(value, list) and value:
        value.append(value[draw(st.integers(0, len(value) - 1))])
        return document
    if not path:  # the root itself: replace or wrap it
        if operation == "deep_nest":
            return _nest(document, draw(st.integers(1, 40)), draw(st.booleans()))
        return draw(json_values())
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if operation == "drop":
        del parent[last]
    elif operation == "deep_nest":
        parent[last] = _nest(value, draw(st.integers(1, 40)), draw(st.booleans()))
    else:
        parent[last] = draw(json_values())
    return document


def _nest(value: Any, depth: int, in_lists: bool) -> Any:
    for _ in range(depth):
        value = [value] if in_lists else {"x": value}
    return value


@st.composite
def _mutated_document(draw: st.DrawFn) -> Any:
    from sanitasi_core.serialization import dossier_to_dict  # noqa: PLC0415

    document: Any = dossier_to_dict(draw(dossiers()))
    for _ in range(draw(st.integers(1, 3))):
        document = _mutate(draw, document)
    return document


@functools.cache
def mutated_documents() -> st.SearchStrategy[Any]:
    """Valid dossier documents (decoded JSON) broken by one to three random mutations.

    A mutation drops a key or an array item, replaces a value by an arbitrary JSON value,
    inserts an unknown key, duplicates an array item, or nests a value up to 40 levels deep.
    The result may by chance still be valid.
    """
    return _mutated_document()


@functools.cache
def dossier_like_objects() -> st.SearchStrategy[dict[str, Any]]:
    """JSON objects with the dossier's keys (some of them) holding arbitrary JSON values."""
    keys = [f.name for f in attrs.fields(Dossier)]
    return st.fixed_dictionaries(
        {},
        optional={key: json_values() for key in keys}
        | {"schema": st.just("sanitasi.dossier/v1") | json_values()},
    )


@st.composite
def _mutated_rulebook_document(draw: st.DrawFn) -> Any:
    from sanitasi_core.rulebooks import dump_rulebook  # noqa: PLC0415  # heavy, only when drawn

    document: Any = json.loads(dump_rulebook(draw(rulebooks(max_criteria=2))))
    for _ in range(draw(st.integers(1, 3))):
        document = _mutate(draw, document)
    return document


@functools.cache
def mutated_rulebook_documents() -> st.SearchStrategy[Any]:
    """Valid rulebook documents (decoded JSON) broken by one to three random mutations.

    The mutations are those of :func:`mutated_documents`; the result may still be valid.
    """
    return _mutated_rulebook_document()


_TEXT_MUTATIONS = ("delete", "insert", "replace", "duplicate", "truncate", "swap")


def _mutate_text(draw: st.DrawFn, text: str) -> str:
    operation = draw(st.sampled_from(_TEXT_MUTATIONS))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, min(len(text), start + 16)))
    if operation == "delete":
        return text[:start] + text[end:]
    if operation == "insert":
        return text[:start] + draw(_NOISE) + text[start:]
    if operation == "replace":
        return text[:start] + draw(_NOISE) + text[end:]
    if operation == "duplicate":
        return text[:end] + text[start:end] * draw(st.integers(1, 3)) + text[end:]
    if operation == "truncate":
        return text[:start]
    other = draw(st.integers(0, len(text)))  # swap two slices of up to 16 characters
    low, high = sorted((start, other))
    return text[:low] + text[high : high + 16] + text[low + 16 : high] + text[low : low + 16]


_NOISE = st.sampled_from(
    ('"', "'", ",", ".", "-", "/", "\n", "\r", "\x00", "\ufeff", "[", "]", "{", "}", "=", " ")
) | st.text(max_size=6)


@st.composite
def _mutated_text(draw: st.DrawFn, base: st.SearchStrategy[str], max_mutations: int) -> str:
    text = draw(base)
    for _ in range(draw(st.integers(1, max_mutations))):
        text = _mutate_text(draw, text)
    return text


@functools.cache
def mutated_texts(
    base: st.SearchStrategy[str], *, max_mutations: int = 3
) -> st.SearchStrategy[str]:
    """Texts of *base* broken by one to *max_mutations* character-level mutations.

    A mutation deletes, inserts or replaces a short slice (with quotes, separators, line
    breaks, NUL, a byte-order mark, brackets or any short text), duplicates or swaps slices, or
    cuts the text short. Use it on valid documents (:func:`household_documents`,
    :func:`date_texts`, a TOML file …) to fuzz a parser near its accepted language. The result
    may by chance still be valid.

    Args:
        base: the texts to mutate.
        max_mutations: the most mutations applied to one text.
    """
    return _mutated_text(base, max_mutations)


# --------------------------------------------------------------------------------------------
# Registration
# --------------------------------------------------------------------------------------------


def _registered(strategy: st.SearchStrategy[T], _cls: type[T]) -> st.SearchStrategy[T]:
    return strategy


def register_strategies() -> None:
    """Register a strategy for every public class, so that ``st.from_type(cls)`` works.

    Covers :data:`MODEL_CLASSES`, :data:`RULEBOOK_CLASSES`, :data:`HOUSEHOLD_CLASSES` and
    :data:`TEXT_FORM_CLASSES`. Hypothesis calls this by itself when sanitasi-core is installed
    (entry point group ``hypothesis``); calling it again replaces the same registrations.

    Example:
        >>> from hypothesis import strategies as st
        >>> from sanitasi_core import Dossier
        >>> register_strategies()
        >>> isinstance(st.from_type(Dossier).example(), Dossier)  # doctest: +SKIP
        True
    """
    trees = criteria_trees()
    table: dict[type, st.SearchStrategy[Any]] = {
        Provenance: provenances(),
        Region: regions(),
        LegalInstrument: legal_instruments(),
        Designation: designations(),
        StageReport: stage_reports(),
        NawasisEntry: nawasis_entries(),
        Source: sources(),
        Member: members(),
        WorkingGroup: working_groups(),
        Meeting: meetings(),
        PlanningDocument: planning_documents(),
        ServicePhase: service_phases(),
        AspectAssessment: aspect_assessments(),
        ServiceModel: service_models(),
        CommitmentTarget: commitment_targets(),
        Commitment: commitments(),
        Activity: activities(),
        MonitoringReport: monitoring_reports(),
        Evaluation: evaluations(),
        RungCounts: rung_counts(),
        AccessRecord: access_records(),
        NationalTarget: national_targets(),
        VillageRecord: village_records(),
        EhraAssessment: ehra_assessments(),
        WasteRecord: waste_records(),
        Dossier: dossiers(),
        Text: bilingual_texts(),
        Reference: references(),
        Aspect: aspect_sets().map(lambda a: a.aspects[0]),
        ChainStep: st.builds(ChainStep, id=identifiers(), name=bilingual_texts()),
        AspectSet: aspect_sets(),
        ThresholdStep: st.sampled_from(_units()).flatmap(threshold_steps),
        Threshold: thresholds(),
        Where: count_filters(),
        CompareNode: _compare_node().map(lambda node: _resolve(node, (), ())),
        PresentNode: _fact_node(PresentNode),
        AbsentNode: _fact_node(AbsentNode),
        CountNode: _count_node(),
        RefNode: st.builds(RefNode, criterion=identifiers()),
        AllNode: _all_nodes(trees),
        AnyNode: _any_nodes(trees),
        NotNode: _not_nodes(trees),
        AtLeastNode: _at_least_nodes(trees),
        SomeNode: _some_nodes(trees),
        Criterion: criteria(),
        MilestoneRule: milestone_rules(),
        Rulebook: rulebooks(),
        HouseholdRecord: household_records(),
        DecreeNumber: decree_numbers(),
        RegionCode: region_codes(),
        ApbdCode: apbd_codes(),
    }
    for cls, strategy in table.items():
        # Registered as a function, so that nothing (the region registry) is read before a draw.
        st.register_type_strategy(cls, functools.partial(_registered, strategy))


MODEL_CLASSES: tuple[type, ...] = (
    Provenance,
    Region,
    LegalInstrument,
    Designation,
    StageReport,
    Member,
    WorkingGroup,
    Meeting,
    PlanningDocument,
    ServicePhase,
    AspectAssessment,
    ServiceModel,
    CommitmentTarget,
    Commitment,
    Activity,
    MonitoringReport,
    Evaluation,
    RungCounts,
    AccessRecord,
    Source,
    NationalTarget,
    VillageRecord,
    EhraAssessment,
    WasteRecord,
    NawasisEntry,
    Dossier,
)
"""Every public record class of the dossier model, in dependency order."""

RULEBOOK_CLASSES: tuple[type, ...] = (
    Text,
    Reference,
    Aspect,
    ChainStep,
    AspectSet,
    ThresholdStep,
    Threshold,
    Where,
    CompareNode,
    PresentNode,
    AbsentNode,
    CountNode,
    RefNode,
    AllNode,
    AnyNode,
    NotNode,
    AtLeastNode,
    SomeNode,
    Criterion,
    MilestoneRule,
    Rulebook,
)
"""Every public class a rulebook is made of (a lone ``RefNode`` is valid only in a rulebook
whose definitions include the id it names)."""

HOUSEHOLD_CLASSES: tuple[type, ...] = (HouseholdRecord,)
"""The household survey record."""

TEXT_FORM_CLASSES: tuple[type, ...] = (DecreeNumber, RegionCode, ApbdCode)
"""The parsed forms of Indonesian text (dates and Rupiah parse to plain ``date`` and
``Decimal``: draw their text with :func:`date_texts` and :func:`rupiah_texts`)."""

if _REGISTER_WHEN_LOADED:  # Hypothesis ran the entry point while this module imported it
    register_strategies()
