"""clean_worker runs on every row of an Excel import, so it and the rules it calls take short
cuts for the usual values: a name of letters and spaces, a CCCD of plain digits, a date cell,
the same few spellings of a sex, names and villages folded once for the search text. These
tests hold each short cut to the definition it stands for, over any input."""

from __future__ import annotations

import sys
import unicodedata
from datetime import date, datetime

from hypothesis import example, given, settings
from hypothesis import strategies as st

from sonla_desktop.domain import worker_rules
from sonla_desktop.domain.dates import parse_date, parse_optional_date
from sonla_desktop.domain.identity import cccd_consistency, parse_sex, validate_national_id
from sonla_desktop.domain.text import fold
from sonla_desktop.errors import ValidationError

# Text the way it arrives: Vietnamese in both normal forms, odd spaces, controls, marks
# with nothing to sit on, digits of other scripts, and anything else.
_PIECES = ["Nguyễn", "Văn", "Đức", "Lò", "Hoà", "Hòa", "Nu\u0303", "Nam", "nữ", "Bản", "Tổ 6",
           " ", "  ", "\t", "\u00a0", "\u200b", "\u200d", "\u202e", "\u3000", "\ufeff", "\n",
           "\x00", "\x07", "\u0301", "\u0323", "-", "'", ".", "0", "7", "٣", "²", "９", "İ",
           "ß", "ﬁ", "ð", "x"]
texts = st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=10).map("".join)


def outcome(fn, *args) -> tuple:
    try:
        return ("ok", fn(*args))
    except ValidationError as err:
        return ("error", err.field, err.vi, err.en)


def test_no_character_is_both_a_letter_and_a_digit() -> None:
    # What the name check's short cut rests on: a name of letters and spaces has no digit.
    both = [hex(c) for c in range(sys.maxunicode + 1)
            if chr(c).isalpha() and chr(c).isdigit()]
    assert both == []


@settings(max_examples=2000)
@given(texts)
@example("Vì Văn X1")
@example("H'Hen Niê")
@example("Lò Văn ²")
def test_the_name_digit_check_is_any_digit(name: str) -> None:
    assert worker_rules._has_digit(name) == any(ch.isdigit() for ch in name)


def reference_search_text(values: dict) -> str:
    """The search text as first written: fold of the parts joined by spaces."""
    parts = [values.get("full_name"), values.get("national_id"), values.get("phone"),
             values.get("village")]
    return fold(" ".join(str(p) for p in parts if p))


parts = texts | st.none() | st.integers() | st.text(alphabet="0123456789", max_size=12)


@settings(max_examples=3000)
@given(parts, parts, parts, parts)
@example("Lò Văn An", "014201862130", "0912345678", "Bản Mòng")
@example("a\u200d", "\u0301b", None, " ")
@example("Lò-Văn", "", 912345678, "x" * 130)
def test_search_text_folded_by_part_is_fold_of_the_whole(name, nid, phone, village) -> None:
    values = {"full_name": name, "national_id": nid, "phone": phone, "village": village}
    assert worker_rules.worker_search_text(values) == reference_search_text(values)
    # A second time, from the cache, the same.
    assert worker_rules.worker_search_text(values) == reference_search_text(values)


def reference_parse_sex(raw: object) -> str:
    words = {"m": "M", "nam": "M", "nam gioi": "M", "male": "M",
             "f": "F", "nu": "F", "nu gioi": "F", "female": "F"}
    word = fold(str(raw)) if raw is not None else ""
    if word in words:
        return words[word]
    raise ValidationError("sex", "", "")


@settings(max_examples=2000)
@given(st.sampled_from(["Nam", "Nữ", "Nu\u0303", "NU", " nam giới ", "M", "f", "x"]) | texts
       | st.integers() | st.none())
def test_sex_parsed_from_the_cache_as_from_fold(raw: object) -> None:
    for _ in range(2):  # once computed, once cached
        expected = outcome(reference_parse_sex, raw)
        got = outcome(parse_sex, raw)
        assert got[0] == expected[0]
        if got[0] == "ok":
            assert got == expected


def cccd_for(born: date, female: bool, serial: int) -> str:
    century = (born.year // 100 - 19) * 2 + female
    return f"014{century}{born.year % 100:02d}{serial:06d}"


births = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))
sexes = st.sampled_from([None, "M", "F", "Nam", "Nữ", "x", ""])


@settings(max_examples=2000)
@given(births, st.booleans(), st.integers(0, 999_999), births | st.none(), sexes,
       st.text(alphabet="0123456789", min_size=1, max_size=14))
def test_a_cccd_of_plain_digits_reads_as_through_cleaning(
        born, female, serial, birth, sex, digits) -> None:
    # A surrounding space and a non-breaking space send the same ID through clean_text,
    # NFKC and the separators; "M"/"F" and "Nam"/"Nữ" through the sex short cut or not.
    for nid in (cccd_for(born, female, serial), digits):
        assert outcome(validate_national_id, nid, birth, sex) == \
            outcome(validate_national_id, f" {nid}\u00a0", birth, sex)
    long_sex = {"M": "Nam", "F": "Nữ"}.get(sex or "", sex)
    nid = cccd_for(born, female, serial)
    assert outcome(validate_national_id, nid, birth, sex) == \
        outcome(validate_national_id, nid, birth, long_sex)
    assert cccd_consistency(nid, birth, sex) == cccd_consistency(nid, birth, long_sex)


@settings(max_examples=1000)
@given(st.dates() | st.datetimes() | st.none())
@example(date(1899, 12, 31))
@example(date(2101, 1, 1))
@example(datetime(2000, 1, 1, 12, 0))
def test_a_date_cell_reads_as_parse_date_reads_it(value) -> None:
    got = outcome(parse_optional_date, value, "birth_date")
    if value is None:
        assert got == ("ok", None)
    else:
        assert got == outcome(parse_date, value, "birth_date")


def test_search_text_is_nfc_safe_at_the_joins() -> None:
    # What folding part by part rests on: no canonical composition involves a space, so
    # NFC never joins across the space put between two parts.
    assert [c for c in range(sys.maxunicode + 1)
            if (d := unicodedata.decomposition(chr(c))) and not d.startswith("<")
            and "0020" in d.split()] == []
