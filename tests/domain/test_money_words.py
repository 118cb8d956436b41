import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sonla_desktop.domain.money_words import amount_in_words, number_in_words

# ------------------------------------------------------------ an independent reader
# Reads the words back by a different method than the writer uses (a running sum with
# multipliers that swallow everything smaller before them), so a round trip checks both.
_DIGIT = {
    "không": 0,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "lăm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
}
_SCALE = {"nghìn": 10**3, "triệu": 10**6, "tỷ": 10**9}


def read_words(text: str) -> int:
    parts: list[tuple[int, int]] = []  # (value, scale it was multiplied by)
    small = 0
    pending = 0
    for word in text.split(" "):
        if word in _DIGIT:
            pending = _DIGIT[word]
        elif word == "trăm":
            small += pending * 100
            pending = 0
        elif word == "mươi":
            small += pending * 10
            pending = 0
        elif word == "mười":
            small += 10
        elif word in ("linh", "lẻ"):
            pass
        elif word in _SCALE:
            scale = _SCALE[word]
            lower = sum(v for v, s in parts if s < scale)
            parts = [(v, s) for v, s in parts if s >= scale]
            parts.append(((lower + small + pending) * scale, scale))
            small = pending = 0
        else:
            raise AssertionError(f"unexpected word {word!r} in {text!r}")
    return sum(v for v, _ in parts) + small + pending


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "không"),
        (5, "năm"),
        (10, "mười"),
        (11, "mười một"),
        (14, "mười bốn"),
        (15, "mười lăm"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (101, "một trăm linh một"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (111, "một trăm mười một"),
        (115, "một trăm mười lăm"),
        (121, "một trăm hai mươi mốt"),
        (1_005, "một nghìn không trăm linh năm"),
        (10_000, "mười nghìn"),
        (2_500_000_000_000, "hai nghìn năm trăm tỷ"),
    ],
)
def test_number_in_words_hand_examples(n, words):
    assert number_in_words(n) == words


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "Không đồng"),
        (60_000_000, "Sáu mươi triệu đồng"),
        (100_000_000, "Một trăm triệu đồng"),
        (1_250_500, "Một triệu hai trăm năm mươi nghìn năm trăm đồng"),
        (1_005_000, "Một triệu không trăm linh năm nghìn đồng"),
        (1_000_050, "Một triệu không trăm năm mươi đồng"),
        (1_000_001, "Một triệu không trăm linh một đồng"),
        (1_000_000_000, "Một tỷ đồng"),
        (1_000_000_000_000, "Một nghìn tỷ đồng"),
        (5_015_000_000, "Năm tỷ không trăm mười lăm triệu đồng"),
        (330_000, "Ba trăm ba mươi nghìn đồng"),
    ],
)
def test_amount_in_words_as_on_loan_forms(n, words):
    assert amount_in_words(n) == words


def test_odd_reading_le_for_other_regions():
    assert number_in_words(105, odd="lẻ") == "một trăm lẻ năm"
    assert amount_in_words(1_000_001, odd="lẻ") == "Một triệu không trăm lẻ một đồng"


def test_refuses_negative_and_out_of_range():
    with pytest.raises(ValueError):
        amount_in_words(-1)
    with pytest.raises(ValueError):
        number_in_words(10**15)
    assert read_words(number_in_words(10**15 - 1)) == 10**15 - 1


@given(st.integers(min_value=0, max_value=10**12))
def test_words_are_clean_and_read_back_to_the_number(n):
    words = number_in_words(n)
    assert unicodedata.normalize("NFC", words) == words
    assert "  " not in words and words == words.strip()
    for wrong in ("mươi một", "mươi năm", "mười mốt", "mười tư"):
        assert wrong not in words
    assert read_words(words) == n
    amount = amount_in_words(n)
    assert amount == words[0].upper() + words[1:] + " đồng"
    assert unicodedata.normalize("NFC", amount) == amount


@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_round_trip_up_to_the_limit_with_le(n):
    assert read_words(number_in_words(n, odd="lẻ")) == n
