"""Whole numbers in Indonesian words (*terbilang*): ``seratus juta`` is 100,000,000.

Used to check the amount in words that decrees and budgets write after a figure
(``Rp. 100.000.000,- (seratus juta rupiah)``), and to write it. Only whole numbers below
10^15 (a thousand *triliun*) are read and written; *koma* (decimals) and *sen* are not.
"""

from typing import Final

__all__ = ["LIMIT", "amount_in_words", "int_to_words", "words_to_int"]

LIMIT: Final = 10**15
"""Numbers from 0 to ``LIMIT - 1`` are read and written."""

_UNITS: Final = (
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
)
_UNIT_VALUES: Final = {word: value for value, word in enumerate(_UNITS)}
# Powers of ten of the scale words, largest first when writing.
_SCALES: Final = {"triliun": 12, "trilyun": 12, "miliar": 9, "milyar": 9, "juta": 6, "ribu": 3}
_WRITTEN_SCALES: Final = (("triliun", 12), ("miliar", 9), ("juta", 6), ("ribu", 3))
# Rank of the words inside a group below one thousand: hundreds, then tens, then units.
_RANKS: Final = {"ratus": 3, "puluh": 2, "belas": 2}
_SE: Final = frozenset(("puluh", "belas", "ratus", *_SCALES))


def _tokens(text: str) -> list[str] | None:
    """Split *text* into words, reading ``se``-words as ``satu`` and the word (``seratus``)."""
    words: list[str] = []
    for word in text.lower().replace("-", " ").split():
        if word.startswith("se") and word[2:] in _SE:
            words.extend(("satu", word[2:]))
        elif word in _UNIT_VALUES or word in _RANKS or word in _SCALES:
            words.append(word)
        else:
            return None
    return words or None


def words_to_int(text: str) -> int | None:
    """Read a whole number written in Indonesian words; ``None`` if it is not one.

    The order must be the spoken one: within each group below one thousand the hundreds
    (*ratus*), then the tens (*puluh*, or *belas* for 11-19), then the units; the groups by
    decreasing scale (*triliun*, *miliar*/*milyar*, *juta*, *ribu*). ``se`` stands for *satu*
    (``seratus``, ``seribu``, ``sebelas``).

    Args:
        text: e.g. ``seratus juta``, ``dua ratus lima belas ribu``.

    Returns:
        The number, or ``None`` if *text* is not a number in words.
    """
    words = _tokens(text)
    if words is None:
        return None
    total, group, rank, pending, last_scale = 0, 0, 4, None, 99
    for word in words:
        if word in _UNIT_VALUES:
            if pending is not None or rank <= 1:
                return None
            pending = _UNIT_VALUES[word]
        elif word in _RANKS:
            new_rank = _RANKS[word]
            if pending is None or pending == 0 or new_rank >= rank:
                return None
            group += {"ratus": pending * 100, "puluh": pending * 10}.get(word, 10 + pending)
            rank, pending = (1 if word == "belas" else new_rank), None
        else:
            exponent = _SCALES[word]
            value = group + (pending or 0)
            if value == 0 or exponent >= last_scale:
                return None
            total += value * 10**exponent
            group, rank, pending, last_scale = 0, 4, None, exponent
    if pending == 0 and (total or group):
        return None
    return total + group + (pending or 0)


def _below_thousand(number: int) -> list[str]:
    """Words of 1-999 (nothing for 0)."""
    words: list[str] = []
    hundreds, rest = divmod(number, 100)
    if hundreds == 1:
        words.append("seratus")
    elif hundreds:
        words += [_UNITS[hundreds], "ratus"]
    if rest == 10:
        words.append("sepuluh")
    elif rest == 11:
        words.append("sebelas")
    elif 12 <= rest <= 19:
        words += [_UNITS[rest - 10], "belas"]
    elif rest >= 20:
        tens, units = divmod(rest, 10)
        words += [_UNITS[tens], "puluh", *([_UNITS[units]] if units else [])]
    elif rest:
        words.append(_UNITS[rest])
    return words


def int_to_words(number: int) -> str:
    """Write a whole number from 0 to 10^15 - 1 in Indonesian words (*terbilang*).

    Args:
        number: the number.

    Returns:
        e.g. ``seratus juta`` for 100,000,000, ``seribu dua ratus`` for 1,200.

    Raises:
        ValueError: if *number* is negative or not below 10^15 (a programming error: callers
            check the range first).
    """
    if not 0 <= number < LIMIT:
        msg = f"{number} is outside 0..10**15 - 1"
        raise ValueError(msg)
    if number == 0:
        return "nol"
    words: list[str] = []
    for name, exponent in _WRITTEN_SCALES:
        group, number = divmod(number, 10**exponent)
        if group == 1 and exponent == 3:
            words.append("seribu")
        elif group:
            words += [*_below_thousand(group), name]
    return " ".join([*words, *_below_thousand(number)])


def amount_in_words(words: str) -> int | None:
    """The whole amount that words after a figure say (a final *rupiah* allowed), or ``None``."""
    body = words.lower().removesuffix("rupiah").strip()
    return None if not body else words_to_int(body)
