"""fold and name_sort_key work word by word with a cache (Excel imports repeat the same
names and villages thousands of times) and take a short cut for plain ASCII; clean_text
returns text that is already clean as it is. These tests hold them to the whole-string
definitions they replace, over any text."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from sonla_desktop.domain.text import clean_text, fold, name_sort_key

# ------------------------------------------------------------------------------------------
# The definitions as they were written before the fast paths: one pass over the whole string.
# ------------------------------------------------------------------------------------------

_SPACE_RUN = re.compile("[\\s\u200b\u2060\ufeff]+")
_FORMAT_RUN = re.compile("[\u00ad\u061c\u180e\u200c-\u200f\u202a-\u202e\u2066-\u2069]+")


def reference_clean_text(value: object) -> str:
    if value is None:
        return ""
    # Invisible formatting characters (bidi overrides, zero-width joiners) go first.
    text = unicodedata.normalize("NFC", _FORMAT_RUN.sub("", str(value)))
    text = _SPACE_RUN.sub(" ", text).strip()
    return unicodedata.normalize("NFC", text)


_STROKE_D = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def _fold_once(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower()).translate(_STROKE_D)
    kept = [ch if ch.isalnum() else " " for ch in text
            if not unicodedata.category(ch).startswith("M")]
    return " ".join("".join(kept).split())


def reference_fold(value: str | None) -> str:
    folded = _fold_once(clean_text(value))
    for _ in range(4):
        again = _fold_once(folded)
        if again == folded:
            break
        folded = again
    return folded


_ALPHABET = unicodedata.normalize("NFC", "0123456789aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")
_CODE = {letter: chr(0x30 + i) for i, letter in enumerate(_ALPHABET)}
_MARKS = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê",
          ("o", "\u0302"): "ô", ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}
_TONES = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}


def _word(word: str) -> tuple[str, str]:
    clusters: list[str] = []
    for ch in unicodedata.normalize("NFD", word):
        if clusters and unicodedata.category(ch).startswith("M"):
            clusters[-1] += ch
        else:
            clusters.append(ch)
    primary, tone = [], "0"
    for cluster in clusters:
        base = cluster[0].translate(str.maketrans({"ð": "đ"}))
        if base not in _CODE:
            if base.isalnum():
                primary.append(base)
            continue
        letter = base
        for mark in cluster[1:]:
            letter = _MARKS.get((letter, mark), letter)
            if mark in _TONES and tone == "0":
                tone = _TONES[mark]
        primary.append(_CODE[letter])
    return "".join(primary), tone


def reference_sort_key(full_name: str) -> str:
    words = [w for w in (_word(x) for x in clean_text(full_name).lower().split(" ")) if w[0]]
    if words:
        words = [words[-1], *words[:-1]]
    primary = "#".join(code for code, _ in words)
    secondary = "".join(tone for _, tone in words)
    tertiary = "".join(ch for ch in clean_text(full_name) if unicodedata.category(ch) != "Cc")
    return f"{primary}!{secondary}!{tertiary}"


# Characters where word-by-word folding could differ from whole-string folding if it were
# wrong: Greek capital sigma (its lowercase depends on the neighbouring letters), letters
# whose lowercase or decomposition grows ("İ", Hangul, ligatures), combining marks that may
# start a word, case-ignorable characters, and every kind of space clean_text collapses.
TRICKY = ("Σσς İıI ǅ ß ﬁ 각한 ㄱ \u0301\u0323\u0308\u0306\u031b\u0345 ' . : · \u00ad "
          "\u200b\u2060\ufeff\u00a0\t\n\u3000 ΑΒΓ Đđðа Ơư 0１² ⑴ Ⅻ")
text_strategy = (st.text(alphabet=st.sampled_from(sorted(set(TRICKY))) | st.characters())
                 # a few characters only, so that they meet often: "ΑΣ" then a space...
                 | st.text(alphabet="ΣΑσİI\u0301\u0345'. \u200b\u00a0"))


@settings(max_examples=1000)
@given(text_strategy)
def test_clean_text_short_cut_equals_the_full_cleaning(raw: str) -> None:
    assert clean_text(raw) == reference_clean_text(raw)
    cleaned = clean_text(raw)
    assert clean_text(cleaned) == cleaned  # the short cut's own case


def test_clean_text_examples_of_both_paths() -> None:
    assert clean_text("Lò Văn Ơn") == "Lò Văn Ơn"  # already clean
    assert clean_text(unicodedata.normalize("NFD", "Lò Văn Ơn")) == "Lò Văn Ơn"
    for messy in (" Lò Văn", "Lò Văn ", "Lò  Văn", "Lò\tVăn", "Lò\u00a0Văn", "Lò\u200bVăn"):
        assert clean_text(messy) == reference_clean_text(messy) != messy
    assert clean_text(12) == "12" and clean_text("") == ""


@settings(max_examples=1000)
@given(text_strategy)
def test_fold_word_by_word_equals_whole_string_fold(raw: str) -> None:
    assert fold(raw) == reference_fold(raw)


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)))
def test_fold_short_cut_for_ascii_equals_whole_string_fold(raw: str) -> None:
    assert fold(raw) == reference_fold(raw)


def test_fold_examples_of_both_paths() -> None:
    assert fold("ΣΑΣ ΣΑΣ") == reference_fold("ΣΑΣ ΣΑΣ") == "σας σας"
    assert fold("Lò Văn Ơn, 0912 345 678") == "lo van on 0912 345 678"
    assert fold("CCCD-014201862130") == "cccd 014201862130"
    # words without marks inside a name with marks: plain, with punctuation, and numbers
    mixed = "Lò Văn-An 014201862130 A.B Bản-Mé ĐỨC"
    assert fold(mixed) == reference_fold(mixed) == "lo van an 014201862130 a b ban me duc"


@settings(max_examples=1000)
@given(text_strategy)
def test_cached_sort_key_equals_the_whole_string_definition(raw: str) -> None:
    assert name_sort_key(raw) == reference_sort_key(raw)


def test_repeated_words_give_the_same_key_as_the_first_time() -> None:
    names = ["Lò Văn An", "Lò Thị An", "Cầm Văn Ánh", "Lò Văn An"]
    assert [name_sort_key(n) for n in names] == [reference_sort_key(n) for n in names]
    # given name first: a = ":" (0x30 + 10), n = "K"; then Lò, Văn (ă = ";"); tones 0, 1, 0
    assert name_sort_key("Lò Văn An") == ":K#IL#V;K!010!Lò Văn An"
