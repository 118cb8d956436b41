"""Amounts in Vietnamese words, as written on loan forms ("Bằng chữ: ...").

Conventions: "mười" for 10–19 and "mươi" for 20–90; after "mươi" a 1 is "mốt", a 4 is
"tư" and a 5 is "lăm"; after "mười" a 1 stays "một", a 4 stays "bốn" and a 5 is "lăm".
A zero tens digit after hundreds is read "linh" (or "lẻ", see ``odd``). A group of three
digits that follows a higher non-zero group is read in full ("không trăm ..."), and
all-zero groups are skipped: 1 000 001 is "một triệu không trăm linh một". Amounts of a
thousand billion and more are counted in "tỷ": 2 500 000 000 000 is
"hai nghìn năm trăm tỷ".
"""

from __future__ import annotations

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_BILLION = 10**9
_LIMIT = 10**15


def _group_words(n: int, full: bool, odd: str) -> list[str]:
    """Words for 1 <= n <= 999; ``full`` when a higher non-zero group precedes it."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append(odd)
            words.append(_DIGITS[units])
    elif tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else _DIGITS[units])
    else:
        words += [_DIGITS[tens], "mươi"]
        if units:
            words.append({1: "mốt", 4: "tư", 5: "lăm"}.get(units, _DIGITS[units]))
    return words


def _below_billion(n: int, full: bool, odd: str) -> list[str]:
    words: list[str] = []
    for size, unit in ((10**6, "triệu"), (10**3, "nghìn"), (1, "")):
        group, n = divmod(n, size) if size > 1 else (n, 0)
        if group:
            words += _group_words(group, full, odd)
            if unit:
                words.append(unit)
            full = True
    return words


def _words(n: int, odd: str) -> list[str]:
    billions, rest = divmod(n, _BILLION)
    words: list[str] = []
    if billions:
        words = _below_billion(billions, False, odd) + ["tỷ"]
    return words + _below_billion(rest, bool(billions), odd)


def number_in_words(n: int, odd: str = "linh") -> str:
    """``n`` (0 <= n < 10**15) in lower-case Vietnamese words: 105 -> "một trăm linh năm"."""
    if n < 0:
        raise ValueError("negative amounts have no words")
    if n >= _LIMIT:
        raise ValueError("amount too large (at most 999 999 999 999 999)")
    if odd not in ("linh", "lẻ"):
        raise ValueError('odd must be "linh" or "lẻ"')
    if n == 0:
        return _DIGITS[0]
    return " ".join(_words(n, odd))


def amount_in_words(n: int, odd: str = "linh") -> str:
    """An amount of VND as written on forms: 60_000_000 -> "Sáu mươi triệu đồng"."""
    text = number_in_words(n, odd) + " đồng"
    return text[0].upper() + text[1:]
