"""The grammar of decree numbers and regulation titles, for parsing and for finding them in text.

:mod:`sanitasi_core.decrees` matches one normalised text in full against the parse patterns;
:mod:`sanitasi_core.extract` runs the extraction patterns over running text. The extraction
patterns bound every repetition and separate their tokens by disjoint character classes, so a
match attempt costs a bounded amount of work wherever it starts.
"""

import re
from typing import Final

__all__ = [
    "DECREE_RE",
    "EXTRACT_DECREE",
    "EXTRACT_REGULATION",
    "HEADS",
    "HEAD_RE",
    "NOMOR_RE",
    "REGULATION_RE",
    "TAHUN_RE",
]

#: Levels of an archive classification code: ``100``, ``100.4.3``, up to ``800.1.2.5.1``.
ARCHIVE_CLASS: Final = r"[0-9]+(?:\.[0-9]+){0,4}"

#: A decree number matched in full; spaces are allowed around each slash (``1290/ Kep``).
DECREE_RE: Final = re.compile(
    rf"(?P<archive_class>{ARCHIVE_CLASS})-(?P<sequence>[0-9]+)"
    r" */ *(?P<kind>[A-Za-z]+) */ *(?P<unit>[A-Za-z][A-Za-z0-9.]*)"
    r"(?P<year_separator> */ *| )(?P<year>[0-9]{4})",
    re.ASCII,
)

#: Decree-number candidates in running text.
EXTRACT_DECREE: Final = re.compile(
    r"(?<![0-9A-Za-z.\-])[0-9]{1,4}(?:\.[0-9]{1,4}){0,4}-[0-9]{1,6}"
    r"[ ]{0,2}/[ ]{0,2}[A-Za-z]{1,10}[ ]{0,2}/[ ]{0,2}[A-Za-z][A-Za-z0-9.]{0,15}"
    r"(?:[ ]{0,2}/[ ]{0,2}|[ ])[0-9]{4}(?![0-9A-Za-z])",
    re.ASCII,
)

#: The words that open a regulation title, lower-cased with single spaces → (kind, implied
#: issuer). ``PP``, ``UU`` and ``SE`` are read only in capitals.
HEADS: Final[dict[str, tuple[str, str | None]]] = {
    "peraturan daerah": ("perda", None),
    "perda": ("perda", None),
    "peraturan bupati": ("perbup", None),
    "perbup": ("perbup", None),
    "peraturan wali kota": ("perwali", None),
    "peraturan walikota": ("perwali", None),
    "perwali": ("perwali", None),
    "perwal": ("perwali", None),
    "peraturan gubernur": ("pergub", None),
    "pergub": ("pergub", None),
    "peraturan menteri": ("permen", None),
    "permen": ("permen", None),
    "permendagri": ("permen", "Dalam Negeri"),
    "permenkes": ("permen", "Kesehatan"),
    "permenpupr": ("permen", "Pekerjaan Umum dan Perumahan Rakyat"),
    "peraturan presiden": ("perpres", None),
    "perpres": ("perpres", None),
    "peraturan pemerintah": ("pp", None),
    "pp": ("pp", None),
    "undang-undang": ("uu", None),
    "uu": ("uu", None),
    "instruksi presiden": ("inpres", None),
    "inpres": ("inpres", None),
    "instruksi": ("instruksi", None),
    "surat edaran": ("se", None),
    "se": ("se", None),
    "lembaran daerah": ("lembaran_daerah", None),
    "berita daerah": ("berita_daerah", None),
}
_CAPITALS_ONLY: Final = frozenset(("pp", "uu", "se"))


def _heads(ws: str) -> str:
    """An alternation of the heads, longest first, with *ws* between words."""
    words = sorted((h for h in HEADS if h not in _CAPITALS_ONLY), key=lambda h: (-len(h), h))
    spelled = [re.escape(h).replace(r"\ ", ws) for h in words]
    return "(?:" + "|".join([*spelled, "(?-i:PP|UU|SE)"]) + r")(?![A-Za-z\-])"


_KEYWORD: Final = r"(?:nomor|nomer|no|tahun|thn|th|tentang)(?![A-Za-z])"
_NOMOR: Final = r"(?:nomor|nomer|no\.?)"
_TAHUN: Final = r"(?:tahun|thn\.?|th\.?)"
# A year is checked in code: it starts with a digit, and letters in it (2O2O) are reported.
_YEAR: Final = r"[0-9][0-9A-Za-z]{0,5}"


def _grammar(*, ws: str, ows: str, word: str, num: str, more: str, rep: str) -> str:
    """The title grammar with the given whitespace, issuer word and repetition bounds."""
    colon = rf"(?:{ows}:{ows}|{ws}|(?<=\.))"
    num_short = rf"[A-Za-z0-9]{num}(?:[.\-][A-Za-z0-9]{num}){rep}"
    num_digit = rf"[0-9][A-Za-z0-9]{more}(?:[.\-][A-Za-z0-9]{num}){rep}"
    num_any = rf"[A-Za-z0-9]{num}(?:[./\-][A-Za-z0-9]{num}){rep}"
    return (
        rf"(?P<head>{_heads(ws)})"
        rf"(?:{ws}(?P<issuer>{word}(?:{ws}{word}){{0,15}}))?"
        r"(?:"
        rf"{ws}{_NOMOR}{colon}(?P<n1>{num_any}),?{ws}{_TAHUN}{colon}(?P<y1>{_YEAR})"
        rf"|{ws}(?:{_NOMOR}{colon})?(?P<n2>{num_short}){ows}/{ows}(?P<y2>{_YEAR})"
        rf"|{ws}(?P<n3>{num_digit}),?{ws}{_TAHUN}{colon}(?P<y3>{_YEAR})"
        rf"|{ws}{_TAHUN}{colon}(?P<y4>{_YEAR}),?{ws}{_NOMOR}{colon}(?P<n4>{num_any})"
        r")(?![A-Za-z0-9])"
    )


_WORD_PARSE: Final = rf"(?!{_KEYWORD})[A-Za-z][A-Za-z.'\-]*"
# In running text an issuer word starts with a capital (or is the "dan" of a name).
_WORD_EXTRACT: Final = rf"(?!{_KEYWORD})(?:(?-i:[A-Z])[A-Za-z.'\-]{{0,30}}|dan(?![A-Za-z]))"

#: A regulation title matched in full against a whitespace-normalised text.
REGULATION_RE: Final = re.compile(
    _grammar(ws=" ", ows=" ?", word=_WORD_PARSE, num="+", more="*", rep="*")
    + r"(?: tentang (?P<subject>.+))?",
    re.IGNORECASE | re.ASCII,
)
#: Regulation candidates in running text (the subject after *tentang* is not part of them).
EXTRACT_REGULATION: Final = re.compile(
    r"(?<![A-Za-z0-9\-])"
    + _grammar(
        ws=r"\s{1,3}", ows=r"\s{0,3}", word=_WORD_EXTRACT, num="{1,12}", more="{0,11}", rep="{0,5}"
    ),
    re.IGNORECASE,
)

#: The head of a title at the start of a text, for diagnosing a title that does not parse.
HEAD_RE: Final = re.compile(_heads(" "), re.IGNORECASE | re.ASCII)
NOMOR_RE: Final = re.compile(rf"(?<![A-Za-z]){_NOMOR}(?![A-Za-z])", re.IGNORECASE | re.ASCII)
TAHUN_RE: Final = re.compile(
    rf"(?<![A-Za-z]){_TAHUN}(?![A-Za-z])|/ ?[0-9]", re.IGNORECASE | re.ASCII
)
