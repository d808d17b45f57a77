"""Tests of the region registry (``sanitasi_core.regions``)."""

import os
import string
import subprocess
import sys
import textwrap
from pathlib import Path

import attrs
import pytest

import sanitasi_core.regions
from sanitasi_core._messages import CATALOGUE
from sanitasi_core._messages.regions import REGION_MESSAGES
from sanitasi_core.exceptions import SanitasiError, UnknownRegionError, ValidationError
from sanitasi_core.regions import (
    Province,
    Regency,
    RegionKind,
    RegionRegistry,
    default_registry,
)

PROVINCES = "code,name\n64,Kalimantan Timur\n65,Kalimantan Utara\n"
REGENCIES = (
    "code,province_code,name\n"
    "64.11,64,Kabupaten Mahakam Ulu\n"
    "64.01,64,Kabupaten Paser\n"
    "64.71,64,Kota Balikpapan\n"
    "65.01,65,Kabupaten Malinau\n"
)


@pytest.fixture(scope="module")
def registry() -> RegionRegistry:
    return default_registry()


def _bad_csv(provinces: str, regencies: str) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        RegionRegistry.from_csv_text(provinces, regencies)
    return info.value


# --- the shipped data ----------------------------------------------------------------------------


def test_there_are_38_provinces(registry: RegionRegistry) -> None:
    """The shipped registry holds the 38 provinces."""
    assert len(registry.provinces()) == 38


def test_there_are_514_regencies(registry: RegionRegistry) -> None:
    """The shipped registry holds the 514 kabupaten/kota, and len() counts them."""
    assert len(registry) == 514
    assert len(registry.regencies()) == 514


def test_416_kabupaten_and_98_kota(registry: RegionRegistry) -> None:
    """The shipped kabupaten/kota split into 416 kabupaten and 98 kota."""
    kinds = [r.kind for r in registry.regencies()]
    assert kinds.count(RegionKind.KABUPATEN) == 416
    assert kinds.count(RegionKind.KOTA) == 98


def test_mahakam_ulu(registry: RegionRegistry) -> None:
    """64.11 is Kabupaten Mahakam Ulu, in Kalimantan Timur."""
    mahulu = registry.regency("64.11")
    assert mahulu == Regency(
        code="64.11",
        name="Kabupaten Mahakam Ulu",
        short_name="Mahakam Ulu",
        kind=RegionKind.KABUPATEN,
        province_code="64",
    )
    assert registry.province(mahulu.province_code).name == "Kalimantan Timur"


def test_every_regency_province_exists(registry: RegionRegistry) -> None:
    """Every kabupaten/kota belongs to a province of the registry, named by its code prefix."""
    for regency in registry.regencies():
        assert registry.has_province(regency.province_code), regency
        assert regency.code.startswith(regency.province_code + "."), regency


def test_kind_agrees_with_code_range(registry: RegionRegistry) -> None:
    """Codes 01-69 are kabupaten and 71-99 kota, and the official name says the same."""
    for regency in registry.regencies():
        number = int(regency.code.split(".")[1])
        expected = RegionKind.KABUPATEN if 1 <= number <= 69 else RegionKind.KOTA
        assert number != 70, regency
        assert regency.kind is expected, regency
        prefix = "Kabupaten " if expected is RegionKind.KABUPATEN else "Kota "
        assert regency.name.startswith(prefix), regency
        assert regency.name.endswith(" " + regency.short_name), regency


def test_everything_is_in_code_order(registry: RegionRegistry) -> None:
    """provinces() and regencies() return their items sorted by code."""
    codes = [p.code for p in registry.provinces()]
    assert codes == sorted(codes)
    codes = [r.code for r in registry.regencies()]
    assert codes == sorted(codes)


def test_regencies_of_one_province(registry: RegionRegistry) -> None:
    """regencies(province_code) returns exactly that province's kabupaten/kota."""
    kaltim = registry.regencies("64")
    assert len(kaltim) == 10
    assert all(r.province_code == "64" for r in kaltim)
    assert sum(len(registry.regencies(p.code)) for p in registry.provinces()) == 514


def test_administrasi_is_not_part_of_the_short_name(registry: RegionRegistry) -> None:
    """Jakarta's 'Kota Administrasi' and 'Kabupaten Administrasi' have plain short names."""
    assert registry.regency("31.71").short_name == "Jakarta Pusat"
    assert registry.regency("31.01").short_name == "Kepulauan Seribu"


# --- look-ups and errors ------------------------------------------------------------------------


def test_has_codes(registry: RegionRegistry) -> None:
    """has_province/has_regency answer without raising, also for the wrong level."""
    assert registry.has_province("64")
    assert registry.has_regency("64.11")
    assert not registry.has_province("64.11")
    assert not registry.has_regency("64")
    assert not registry.has_regency("99.99")


@pytest.mark.parametrize("code", ["99.99", "64.99", "", "64.11 x"])
def test_unknown_regency_raises_our_error(registry: RegionRegistry, code: str) -> None:
    """An unknown kabupaten/kota code raises UnknownRegionError, also a KeyError."""
    with pytest.raises(UnknownRegionError) as info:
        registry.regency(code)
    err = info.value
    assert isinstance(err, KeyError)
    assert isinstance(err, SanitasiError)
    assert err.code == code
    assert repr(code) in err.text.en
    assert repr(code) in err.text.id
    assert err.text.en != err.text.id


@pytest.mark.parametrize("code", ["00", "70", "6", "Kalimantan"])
def test_unknown_province_raises_our_error(registry: RegionRegistry, code: str) -> None:
    """An unknown province code raises UnknownRegionError, also a KeyError."""
    with pytest.raises(KeyError):
        registry.province(code)
    with pytest.raises(UnknownRegionError, match="unknown province code"):
        registry.regencies(code)


def test_unknown_code_message_is_plain(registry: RegionRegistry) -> None:
    """str() of the error is the English sentence, not KeyError's quoted repr."""
    with pytest.raises(UnknownRegionError) as info:
        registry.regency("99.99")
    assert str(info.value) == "unknown kabupaten/kota code '99.99'"
    assert info.value.text.id == "kode kabupaten/kota '99.99' tidak dikenal"


@pytest.mark.parametrize(
    ("given", "suggested"),
    [
        ("6411", "'64.11'"),
        ("64-11", "'64.11'"),
        ("Mahakam Ulu", "'64.11'"),
        ("mahakam hulu", "'64.11'"),
    ],
)
def test_unknown_regency_suggests_close_codes(
    registry: RegionRegistry, given: str, suggested: str
) -> None:
    """A near-miss code or a name given as a code gets a 'did you mean' in both languages."""
    with pytest.raises(UnknownRegionError) as info:
        registry.regency(given)
    assert f"did you mean {suggested} (Kabupaten Mahakam Ulu)?" in info.value.text.en
    assert f"mungkin maksud Anda {suggested}" in info.value.text.id


@pytest.mark.parametrize("given", ["64.11", "Kalimantan Timur", "kalimantan timur"])
def test_unknown_province_suggests_the_code(registry: RegionRegistry, given: str) -> None:
    """A regency code or a province name given as a province code suggests the province code."""
    with pytest.raises(UnknownRegionError) as info:
        registry.province(given)
    assert info.value.text.en.endswith("did you mean '64' (Kalimantan Timur)?")


def test_find_matches_names_case_insensitively(registry: RegionRegistry) -> None:
    """find() matches the full or short name, ignoring case and spaces, in code order."""
    assert [r.code for r in registry.find("bogor")] == ["32.01", "32.71"]
    assert [r.code for r in registry.find("  KOTA   bogor ")] == ["32.71"]
    assert [r.code for r in registry.find("Kabupaten Mahakam Ulu")] == ["64.11"]
    assert [r.code for r in registry.find("Kab. Mahakam Ulu")] == ["64.11"]
    assert [r.code for r in registry.find("Kota Jakarta Pusat")] == ["31.71"]
    assert registry.find("Mahakam") == ()
    assert registry.find("") == ()


def test_every_regency_is_found_by_its_names(registry: RegionRegistry) -> None:
    """Each kabupaten/kota is found by its official name and by its short name."""
    for regency in registry.regencies():
        assert registry.find(regency.name) == (regency,)
        assert regency in registry.find(regency.short_name)


# --- caching and laziness -----------------------------------------------------------------------


def test_default_registry_is_cached() -> None:
    """default_registry() returns the same object on every call."""
    assert default_registry() is default_registry()


def test_import_reads_nothing() -> None:
    """Importing the module opens no data file and leaves the registry cache empty."""
    src = Path(sanitasi_core.regions.__file__).resolve().parents[2]
    script = textwrap.dedent(
        """
        import sys

        opened = []
        sys.addaudithook(
            lambda event, args: opened.append(str(args[0])) if event == "open" else None
        )
        import sanitasi_core.regions as regions

        assert regions.default_registry.cache_info().currsize == 0
        assert not [p for p in opened if p.endswith(".csv")], opened
        regions.default_registry()
        assert regions.default_registry.cache_info().currsize == 1
        assert [p for p in opened if p.endswith(".csv")], "the check above would see an open"
        """
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")]),
    }
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


# --- loading CSV text ---------------------------------------------------------------------------


def test_from_csv_text_builds_a_registry() -> None:
    """from_csv_text() parses the shipped layout and derives kind and short name from the name."""
    registry = RegionRegistry.from_csv_text(PROVINCES, REGENCIES)
    assert len(registry) == 4
    assert [r.code for r in registry.regencies("64")] == ["64.01", "64.11", "64.71"]
    balikpapan = registry.regency("64.71")
    assert balikpapan.kind is RegionKind.KOTA
    assert balikpapan.short_name == "Balikpapan"


def test_from_csv_text_tolerates_bom_crlf_blank_lines_and_column_order() -> None:
    """A BOM, CRLF line ends, blank lines, padded cells, reordered and extra columns are fine."""
    provinces = "\ufeffname,code\r\nKalimantan Timur, 64 \r\n\r\nKalimantan Utara,65\r\n"
    regencies = "province_code,name,code,note\n64,Kabupaten Mahakam Ulu,64.11,x\n"
    registry = RegionRegistry.from_csv_text(provinces, regencies)
    assert registry.province("64").name == "Kalimantan Timur"
    assert registry.regency("64.11").short_name == "Mahakam Ulu"


def test_from_csv_text_lists_every_bad_row_with_its_line() -> None:
    """Every bad row of both files is reported, each with file, line number and column."""
    provinces = "code,name\n64,Kalimantan Timur\n6x,Bad\n64,Again\n66,\n"
    regencies = (
        "code,province_code,name\n"
        "64.11,64,Kabupaten Mahakam Ulu\n"  # line 2: fine
        "64.1,64,Kabupaten Short Code\n"  # line 3: code format
        "64.72,64,Kabupaten Wrong Kind\n"  # line 4: kota code, kabupaten name
        "64.12,65,Kabupaten Wrong Province\n"  # line 5: prefix disagrees with province
        "67.01,67,Kabupaten No Province\n"  # line 6: province missing
        "64.11,64,Kabupaten Mahakam Ulu\n"  # line 7: duplicate
        "64.70,64,Kota Seventy\n"  # line 8: 70 is neither
        "64.13,64,Mahakam Hilir\n"  # line 9: no prefix
        "64.14,64\n"  # line 10: missing column
    )
    err = _bad_csv(provinces, regencies)
    located = [(p.file, p.line, p.path, p.code) for p in err.problems]
    assert located == [
        ("provinces.csv", 3, "code", "region_province_code_format"),
        ("provinces.csv", 4, "code", "region_duplicate_code"),
        ("provinces.csv", 5, "name", "not_blank"),
        ("regencies.csv", 3, "code", "region_regency_code_format"),
        ("regencies.csv", 4, "name", "region_kind_mismatch"),
        ("regencies.csv", 5, "province_code", "region_province_mismatch"),
        ("regencies.csv", 6, "province_code", "unknown_province"),
        ("regencies.csv", 7, "code", "region_duplicate_code"),
        ("regencies.csv", 8, "code", "region_code_range"),
        ("regencies.csv", 9, "name", "region_name_prefix"),
        ("regencies.csv", 10, "", "region_csv_columns"),
    ]
    assert "regencies.csv:7: code: code '64.11' appears more than once (first at line 2)" in str(
        err
    )
    assert "kode '64.72' adalah kota, bukan kabupaten" in err.render("id")


def test_from_csv_text_reports_a_bad_header_and_an_empty_file() -> None:
    """A header without the required columns, or a file without data rows, is one problem each."""
    err = _bad_csv("id,name\n64,Kalimantan Timur\n", "code,province_code,name\n")
    assert [(p.file, p.line, p.code) for p in err.problems] == [
        ("provinces.csv", 1, "region_csv_header"),
        ("regencies.csv", 1, "region_csv_empty"),
    ]
    assert "the header must have the columns code,name, got id,name" in str(err)


def test_from_csv_text_reports_csv_syntax_errors() -> None:
    """Text the csv module cannot parse is reported, not raised as csv.Error."""
    err = _bad_csv(PROVINCES, 'code,province_code,name\n64.11,64,"Kabupaten" Mahakam Ulu\n')
    assert [(p.line, p.code) for p in err.problems] == [(2, "region_csv_syntax")]
    err = _bad_csv(PROVINCES, 'code,province_code,name\n64.11,64,"Kabupaten Mahakam Ulu\n')
    assert [p.code for p in err.problems] == ["region_csv_syntax"]


def test_shipped_files_round_trip() -> None:
    """Loading the shipped CSV text directly gives the same registry as default_registry()."""
    folder = Path(sanitasi_core.regions.__file__).parents[1] / "data" / "wilayah"
    registry = RegionRegistry.from_csv_text(
        (folder / "provinces.csv").read_text(encoding="utf-8"),
        (folder / "regencies.csv").read_text(encoding="utf-8"),
    )
    assert registry.regencies() == default_registry().regencies()
    assert registry.provinces() == default_registry().provinces()


# --- the records and the registry object ---------------------------------------------------------


def test_regency_accepts_kind_as_text() -> None:
    """Regency converts 'kota'/'kabupaten' to RegionKind."""
    regency = Regency(
        code="64.71",
        name="Kota Balikpapan",
        short_name="Balikpapan",
        kind="kota",
        province_code="64",
    )
    assert regency.kind is RegionKind.KOTA


def test_regency_rejects_inconsistent_fields() -> None:
    """A Regency whose kind or province disagrees with its code lists both problems."""
    with pytest.raises(ValidationError) as info:
        Regency(
            code="64.71",
            name="Kota Balikpapan",
            short_name="Balikpapan",
            kind=RegionKind.KABUPATEN,
            province_code="65",
        )
    assert [(p.path, p.code) for p in info.value.problems] == [
        ("kind", "region_kind_mismatch"),
        ("province_code", "region_province_mismatch"),
    ]


def test_records_reject_bad_values() -> None:
    """Malformed codes, blank names and unknown kinds are ValidationErrors (also ValueErrors)."""
    with pytest.raises(ValueError, match="two digits"):
        Province(code="064", name="Kalimantan Timur")
    with pytest.raises(ValidationError) as info:
        Regency(code="64-11", name=" ", short_name="X", kind="desa", province_code="64")
    assert [p.path for p in info.value.problems] == ["code", "name", "kind"]


def test_records_and_registry_are_immutable(registry: RegionRegistry) -> None:
    """Records are frozen and the registry rejects attribute assignment."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        registry.regency("64.11").name = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        registry._regencies = {}


def test_registry_from_objects_checks_consistency() -> None:
    """The constructor rejects duplicate codes and kabupaten/kota without their province."""
    kaltim = Province(code="64", name="Kalimantan Timur")
    malinau = Regency(
        code="65.01",
        name="Kabupaten Malinau",
        short_name="Malinau",
        kind=RegionKind.KABUPATEN,
        province_code="65",
    )
    with pytest.raises(ValidationError) as info:
        RegionRegistry([kaltim, kaltim], [malinau])
    assert [(p.path, p.code) for p in info.value.problems] == [
        ("provinces[1].code", "region_duplicate_code"),
        ("regencies[0].province_code", "unknown_province"),
    ]
    assert len(RegionRegistry([kaltim], [])) == 0


# --- messages -----------------------------------------------------------------------------------


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_region_messages_are_bilingual_and_consistent() -> None:
    """Every region message has both languages with the same placeholders, and no code clash."""
    assert set(REGION_MESSAGES) <= set(CATALOGUE)
    for code, entry in REGION_MESSAGES.items():
        assert set(entry) == {"id", "en"}, code
        assert entry["id"].strip(), code
        assert entry["en"].strip(), code
        assert _fields(entry["id"]) == _fields(entry["en"]), code


def test_every_problem_code_is_in_a_catalogue() -> None:
    """Problem codes the registry emits exist in the region messages or the main catalogue."""
    err = _bad_csv("code,name\n6x,\n", "code,province_code,name\n64.1,64,Paser\n")
    for problem in err.problems:
        assert problem.code in REGION_MESSAGES or problem.code in CATALOGUE
    assert attrs.has(type(err.problems[0]))
