"""Vietnamese text rules: cleaning, search folding, name sorting."""

from __future__ import annotations

import sqlite3
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sonla_desktop.domain.text import (
    SEP_LEVEL,
    clean_multiline,
    clean_text,
    fold,
    name_sort_key,
    split_name,
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# ------------------------------------------------------------------------------------------
# Strategies: Vietnamese names built from the real alphabet and tone marks.
# ------------------------------------------------------------------------------------------

ALPHABET = list("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")  # each letter is one NFC code point
VOWELS = set("aăâeêioôơuưy")
# Tone marks in their sorting order: huyền, hỏi, ngã, sắc, nặng (ngang has no mark).
TONE_MARKS = ["\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]


def _letters(toned: bool) -> str:
    letters = list(ALPHABET)
    if toned:
        letters += [nfc(v + mark) for v in sorted(VOWELS) for mark in TONE_MARKS]
    return "".join(letters + [letter.upper() for letter in letters])


def names(toned: bool = True) -> st.SearchStrategy[str]:
    # Syllables are drawn as text over the alphabet (fast to generate and shrink); a toned
    # alphabet can give a word two tones, which real syllables never have, but every rule
    # tested here holds for such words too.
    syllable = st.text(alphabet=_letters(toned), min_size=1, max_size=6)
    return st.lists(syllable, min_size=1, max_size=4).map(" ".join)


# ------------------------------------------------------------------------------------------
# clean_text / clean_multiline
# ------------------------------------------------------------------------------------------


def test_clean_text_none_is_empty() -> None:
    assert clean_text(None) == ""
    assert clean_multiline(None) == ""


def test_clean_text_stores_nfd_input_as_nfc() -> None:
    typed = nfd("Nguyễn Thị Thuỷ")
    assert typed != "Nguyễn Thị Thuỷ"  # the test is only meaningful if the input differs
    assert clean_text(typed) == "Nguyễn Thị Thuỷ"
    assert unicodedata.is_normalized("NFC", clean_text(typed))


def test_clean_text_collapses_every_kind_of_whitespace() -> None:
    raw = "\u00a0 Lò\tVăn\n\r\n  An\u2003\u200b\ufeff"
    assert clean_text(raw) == "Lò Văn An"


def test_clean_text_keeps_old_and_new_tone_placement() -> None:
    # Both spellings are correct and people keep the one on their papers.
    assert clean_text("Hoà") == "Hoà"
    assert clean_text("Hòa") == "Hòa"
    assert clean_text(nfd("Thuỷ")) == "Thuỷ"
    assert clean_text(nfd("Thủy")) == "Thủy"


def test_clean_multiline_keeps_line_breaks_and_drops_trailing_spaces() -> None:
    raw = "\r\n  Bản Nà Sài  \r\nxã  Chiềng\u00a0Mung\r\n\r\nGhi chú \t\n\n"
    assert clean_multiline(raw) == "Bản Nà Sài\nxã Chiềng Mung\n\nGhi chú"


def test_clean_multiline_normalises_each_line() -> None:
    assert clean_multiline(nfd("Sơn La\nMai Sơn")) == "Sơn La\nMai Sơn"


@given(st.text())
def test_clean_text_is_idempotent_nfc_and_single_spaced(raw: str) -> None:
    cleaned = clean_text(raw)
    assert clean_text(cleaned) == cleaned
    assert unicodedata.is_normalized("NFC", cleaned)
    assert "  " not in cleaned
    assert cleaned == cleaned.strip()
    assert "\n" not in cleaned and "\t" not in cleaned


@given(st.text())
def test_clean_multiline_is_idempotent(raw: str) -> None:
    cleaned = clean_multiline(raw)
    assert clean_multiline(cleaned) == cleaned
    assert all(line == line.rstrip() for line in cleaned.split("\n"))


@given(st.text())
def test_clean_text_does_not_depend_on_normalisation_form(raw: str) -> None:
    assert clean_text(nfd(raw)) == clean_text(nfc(raw))


# ------------------------------------------------------------------------------------------
# fold
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Nguyễn Văn Đức", "nguyen van duc"),
        ("ĐINH THỊ ƯỚC", "dinh thi uoc"),
        ("Lò-Văn  Ơn,  bản Phiêng Ngà", "lo van on ban phieng nga"),
        ("H'Hen Niê", "h hen nie"),
        ("Thuỷ", "thuy"),
        ("Thủy", "thuy"),
        ("Số 12/3", "so 12 3"),
        ("\u00d0ức", "duc"),  # legacy converters write Đ as the look-alike eth
        ("０９１２", "0912"),  # full-width digits from some input methods
        (None, ""),
        ("  ", ""),
    ],
)
def test_fold_examples(raw: str | None, folded: str) -> None:
    assert fold(raw) == folded


def test_fold_of_nfd_equals_fold_of_nfc() -> None:
    assert fold(nfd("Nguyễn Văn Đức")) == "nguyen van duc"


@given(st.text())
def test_fold_is_idempotent(raw: str) -> None:
    assert fold(fold(raw)) == fold(raw)


@given(st.text())
def test_fold_ignores_normalisation_form(raw: str) -> None:
    assert fold(nfd(raw)) == fold(raw)
    assert fold(nfc(raw)) == fold(raw)


@given(st.text())
def test_fold_output_has_no_marks_no_uppercase_and_single_spaces(raw: str) -> None:
    folded = fold(raw)
    assert not any(unicodedata.category(ch).startswith("M") for ch in folded)
    assert folded == folded.lower()
    assert "  " not in folded and folded == folded.strip()
    assert all(ch.isalnum() or ch == " " for ch in folded)


@given(names())
def test_fold_of_vietnamese_names_is_plain_ascii(name: str) -> None:
    folded = fold(name)
    assert folded.isascii()
    # Folding keeps the words: only marks go, so the word count stays.
    assert len(folded.split()) == len(name.split())


# ------------------------------------------------------------------------------------------
# name_sort_key
# ------------------------------------------------------------------------------------------


def key(name: str) -> str:
    return name_sort_key(name)


def sorted_names(items: list[str]) -> list[str]:
    return sorted(items, key=name_sort_key)


def test_given_name_an_sorts_before_anh() -> None:
    # Given name first: An < Ánh because "an" is a prefix of "anh", whatever the family name.
    assert key("Lò Văn An") < key("Hoàng Thị Ánh")


def test_d_sorts_before_d_with_stroke() -> None:
    assert key("Lò Thị Dung") < key("Cầm Văn Đông")


def test_a_sorts_before_a_circumflex() -> None:
    assert key("Quàng Văn An") < key("Lường Văn Ân")
    # Ân also comes after every An... name: â is a letter after a, not a decorated a.
    assert key("Quàng Văn Anh") < key("Lường Văn Ân")


def test_family_name_decides_between_equal_given_names() -> None:
    assert key("Cầm Thị Hoa") < key("Lò Thị Hoa")
    # ...and tones of the given name do not outrank the family name.
    assert key("Cầm Thị Hòa") < key("Lò Thị Hoa")


def test_middle_name_decides_after_family_name() -> None:
    assert key("Lò Thị Hoa") < key("Lò Văn Hoa")


def test_horn_and_circumflex_letters_follow_their_base() -> None:
    assert key("Mùa A U") < key("Mùa A Ư") < key("Mùa A V")
    assert key("Giàng A O") < key("Giàng A Ô") < key("Giàng A Ơ") < key("Giàng A P")
    assert key("Vì Văn E") < key("Vì Văn Ê") < key("Vì Văn G")
    assert key("Vì Văn A") < key("Vì Văn Ă") < key("Vì Văn Â") < key("Vì Văn B")


def test_tone_order_is_ngang_huyen_hoi_nga_sac_nang() -> None:
    tones = ["a", "à", "ả", "ã", "á", "ạ"]
    assert sorted_names(list(reversed(tones))) == tones
    assert sorted_names(["Lò Văn Mạnh", "Lò Văn Mãnh", "Lò Văn Mánh", "Lò Văn Manh"]) == [
        "Lò Văn Manh",
        "Lò Văn Mãnh",
        "Lò Văn Mánh",
        "Lò Văn Mạnh",
    ]


def test_tone_is_only_a_secondary_difference() -> None:
    # "Ánh" has a tone, "Anh" does not, but letters decide first: Anh < Ánh < Anhs.
    assert key("Anh") < key("Ánh") < key("Anhs")
    # Letters equal in every word: the tones decide, given name first.
    assert key("Lò Văn Hoa") < key("Lò Văn Hòa")
    # Tones are compared word by word in the same order as letters: given name first.
    assert key("Lò Văn Hoa") < key("Lo Văn Hòa")
    assert key("Lo Văn Hoa") < key("Lò Văn Hoa")


def test_alphabet_order_of_single_letters() -> None:
    letters = list("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")
    assert sorted_names(list(reversed(letters))) == letters


def test_sorting_is_case_insensitive() -> None:
    assert key("LÒ VĂN AN") < key("lò văn anh")
    assert key("lò văn an") < key("LÒ VĂN ANH")
    primary_and_tones = key("Lò Văn An").rsplit(SEP_LEVEL, 1)[0]
    assert key("LÒ VĂN AN").rsplit(SEP_LEVEL, 1)[0] == primary_and_tones


def test_old_and_new_tone_placement_sort_together() -> None:
    # "Hoà" and "Hòa" are one syllable with one tone; a name with either spelling sorts
    # next to the other, before "Hoá".
    assert key("Lò Thị Hoà").rsplit(SEP_LEVEL, 1)[0] == key("Lò Thị Hòa").rsplit(SEP_LEVEL, 1)[0]
    assert key("Lò Thị Hòa") < key("Lò Thị Hoá")
    assert key("Lò Thị Hoà") < key("Lò Thị Hoá")


def test_whole_list_in_vietnamese_order() -> None:
    expected = [
        "Lò Văn An",
        "Quàng Văn An",
        "Hoàng Thị Ánh",
        "Lường Văn Ân",
        "Lò Thị Dung",
        "Cầm Văn Đông",
        "Cầm Thị Hoa",
        "Lò Thị Hoa",
        "Lò Thị Hòa",
        "Giàng A Pao",
        "Mùa A Sáng",
        "Mùa Thị Ư",
    ]
    assert sorted_names(list(reversed(expected))) == expected


def test_one_word_and_empty_names() -> None:
    assert key("An") < key("An Lò")  # a one-word name before a longer one that starts alike
    assert key("") < key("A")
    assert key("   ") == key("")


def test_keys_sort_the_same_in_sqlite() -> None:
    people = [
        "Cầm Văn Đông",
        "Lò Thị Dung",
        "Lường Văn Ân",
        "Quàng Văn An",
        "Hoàng Thị Ánh",
        "Lò Văn An",
        "Lò Thị Hoa",
        "Cầm Thị Hoa",
        "Mùa A Ư",
        "Mùa A U",
        "Giàng A Ơ",
        "Giàng A Ô",
        "Giàng A O",
    ]
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE person (name TEXT, sort_key TEXT)")
    db.executemany("INSERT INTO person VALUES (?, ?)", [(n, key(n)) for n in people])
    in_sqlite = [row[0] for row in db.execute("SELECT name FROM person ORDER BY sort_key")]
    assert in_sqlite == sorted_names(people)


@given(st.lists(names(), max_size=20))
@settings(max_examples=50)
def test_sqlite_binary_collation_agrees_with_python(people: list[str]) -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE person (id INTEGER, sort_key TEXT)")
    db.executemany("INSERT INTO person VALUES (?, ?)", [(i, key(n)) for i, n in enumerate(people)])
    in_sqlite = [row[0] for row in db.execute("SELECT sort_key FROM person ORDER BY sort_key")]
    assert in_sqlite == sorted(key(n) for n in people)


@given(names())
def test_key_does_not_depend_on_normalisation_form(name: str) -> None:
    assert key(nfd(name)) == key(name)
    assert key(f"  {name}\u00a0") == key(name)


# An oracle written a different way: precomposed letters looked up in a table built from
# NFC compositions (the key function works from NFD decompositions), and comparison by
# Python tuples of lists (the key function uses one string with separators).
_LETTER_RANK = {letter: i for i, letter in enumerate(ALPHABET)}
_COMPOSED: dict[str, tuple[str, int]] = {letter: (letter, 0) for letter in ALPHABET}
for _letter in VOWELS:
    for _rank, _mark in enumerate(TONE_MARKS, start=1):
        _COMPOSED[nfc(_letter + _mark)] = (_letter, _rank)


def oracle(name: str) -> tuple:
    words = clean_text(name).lower().split()
    letters_per_word = []
    tones = []
    for word in words:
        parsed = [_COMPOSED[ch] for ch in word]
        letters_per_word.append([_LETTER_RANK[letter] for letter, _ in parsed])
        tones.append(next((tone for _, tone in parsed if tone), 0))
    order = [-1, *range(len(words) - 1)] if words else []
    return (
        [letters_per_word[i] for i in order],
        [tones[i] for i in order],
        clean_text(name),
    )


@given(names(), names())
def test_key_order_matches_the_rules(a: str, b: str) -> None:
    assert (key(a) < key(b)) == (oracle(a) < oracle(b))
    assert (key(a) == key(b)) == (oracle(a) == oracle(b))


@given(st.lists(names(), max_size=12))
def test_sorting_by_key_is_a_total_order_matching_the_rules(people: list[str]) -> None:
    assert sorted(people, key=key) == sorted(people, key=oracle)


def strip_tones(name: str) -> str:
    return nfc("".join(ch for ch in nfd(name) if ch not in TONE_MARKS))


@given(names())
def test_adding_tones_never_changes_the_primary_part(name: str) -> None:
    primary = key(name).split(SEP_LEVEL)[0]
    assert primary == key(strip_tones(name)).split(SEP_LEVEL)[0]


@given(names(toned=False), names(toned=False), st.data())
def test_tones_never_reorder_names_with_different_letters(a: str, b: str, data) -> None:
    def add_tones(name: str) -> str:
        chars = list(name)
        for i, ch in enumerate(chars):
            if ch.lower() in VOWELS and data.draw(st.booleans()):
                chars[i] = nfc(ch + data.draw(st.sampled_from(TONE_MARKS)))
        return "".join(chars)

    if key(a).split(SEP_LEVEL)[0] != key(b).split(SEP_LEVEL)[0]:
        assert (key(a) < key(b)) == (key(add_tones(a)) < key(add_tones(b)))


@given(names())
def test_case_never_changes_primary_or_tone_order(name: str) -> None:
    upper = key(name.upper()).rsplit(SEP_LEVEL, 1)[0]
    lower = key(name.lower()).rsplit(SEP_LEVEL, 1)[0]
    assert upper == lower


@given(st.text())
def test_key_never_fails_and_uses_no_nul(raw: str) -> None:
    # PostgreSQL refuses NUL in TEXT; SQLite string functions stop at it.
    assert "\x00" not in key(raw)


# ------------------------------------------------------------------------------------------
# split_name
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("full", "parts"),
    [
        ("Lò Văn An", ("Lò Văn", "An")),
        ("  Nguyễn  Thị\u00a0Minh   Khai ", ("Nguyễn Thị Minh", "Khai")),
        ("Páo", ("", "Páo")),
        ("", ("", "")),
        (nfd("Cầm Thị Hoa"), ("Cầm Thị", "Hoa")),
    ],
)
def test_split_name(full: str, parts: tuple[str, str]) -> None:
    assert split_name(full) == parts
