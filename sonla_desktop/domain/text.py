"""Vietnamese text rules: cleaning, search folding and name sorting.

Text reaches the program from Windows keyboards (Unikey, Vietkey, the built-in Telex input),
from Excel sheets and from copy-paste out of PDFs and web pages. The same visible word can
arrive as precomposed (NFC) or decomposed (NFD) code points, with non-breaking spaces or tabs
between the words. Everything we store goes through :func:`clean_text` so that equal-looking
strings are equal strings; searching goes through :func:`fold`; lists of people are sorted by
:func:`name_sort_key`.

Old-style tone placement ("hoà", "thuỷ") and new-style ("hòa", "thủy") are both correct
spellings that people use for their own names, so cleaning never moves a tone mark; only
sorting and searching treat the two as the same syllable.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

from ..errors import ValidationError

__all__ = ["MAX_TEXT_LENGTH", "bad_character", "check_text", "clean_multiline", "clean_text",
           "fold", "group_digits", "name_sort_key", "search_words", "split_name",
           "text_errors"]

# Characters that are not Unicode whitespace (str.isspace() is False) but that pasted text
# carries between words all the same: zero-width space, word joiner, and the byte-order mark
# that Notepad and some CSV exports put at the start of a file.
_INVISIBLE_SPACES = "\u200b\u2060\ufeff"
_SPACE_RUN = re.compile(rf"[\s{_INVISIBLE_SPACES}]+")
# Invisible formatting characters that carry no letter: the bidirectional embeddings,
# overrides and isolates (U+202A-U+202E, U+2066-U+2069: "Trojan source" text that shows one
# thing and sorts, searches or prints as another), the direction marks, zero-width (non-)
# joiners and the soft hyphen. Vietnamese never needs them; they are removed, not refused,
# because copy-paste from web pages and Word brings them in innocently.
_FORMAT_CHARS = "\u00ad\u061c\u180e\u200c-\u200f\u202a-\u202e\u2066-\u2069"
_FORMAT_RUN = re.compile(f"[{_FORMAT_CHARS}]+")
# Anything clean_text would change apart from the normalisation form: whitespace other than
# the space (str.isspace's set, written out), one of the invisible spaces or formatting
# characters; doubled, leading and trailing spaces are tested apart (faster than one regex).
_ODD_CHAR = re.compile("[\t\n\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029"
                       f"\u202f\u205f\u3000{_INVISIBLE_SPACES}{_FORMAT_CHARS}]")
# The one rule for characters refused in stored text, at every door (the form, the Excel
# import, sync records arriving, the command line), run on cleaned text:
# - C0 controls but the line break, DEL, C1 controls: a bell or an escape in a village name
#   breaks the Excel export (XML cannot hold them) and the PDFs; PostgreSQL refuses NUL.
#   Cleaning has already made tabs, CR, U+001C-U+001F and NEL spaces or line breaks, and
#   only multi-line fields keep "\n".
# - lone surrogates: JSON can carry them (a sync record), no database stores them as UTF-8;
# - the 66 non-characters (U+FDD0-U+FDEF and the last two code points of every plane):
#   never text, and U+FFFE/U+FFFF cannot be written into a workbook;
# - the invisible formatting characters and zero-width spaces cleaning removes (bidi
#   embeddings, overrides, isolates, marks, joiners): refused should one ever be left, so
#   that no door can store text that displays in another order than it sorts ("Trojan
#   source").
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000))
_BAD_CHAR = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff"
                       f"{_NONCHARACTERS}{_FORMAT_CHARS}{_INVISIBLE_SPACES}]")
# The longest free text (notes, purpose, a list of counsellors) any field accepts: what one
# Excel cell holds, so that every stored text survives the export (the sync import uses
# the same bound). Sized fields have their column's size (domain/lengths.py).
MAX_TEXT_LENGTH = 32_767


def clean_text(value: str | None) -> str:
    """Return ``value`` in NFC with every run of whitespace turned into one space, stripped.

    ``None`` becomes "" so that optional fields need no special case.
    """
    if value is None:
        return ""
    text = value if value.__class__ is str else str(value)
    if text in _KNOWN_CLEAN:
        return text  # cleaned a moment ago (the cell, then the rule, then the search key)
    if not _ODD_CHAR.search(text) and "  " not in text and text[:1] != " " \
            and text[-1:] != " " and unicodedata.is_normalized("NFC", text):
        clean = text  # already clean, as most text is by the time it is cleaned again
    else:
        clean = unicodedata.normalize("NFC", _FORMAT_RUN.sub("", text))
        clean = _SPACE_RUN.sub(" ", clean).strip()
        # A second NFC is cheap and makes the result NFC even in the odd case where removing
        # a space put a base letter next to a combining mark typed after the space.
        clean = unicodedata.normalize("NFC", clean)
    if len(_KNOWN_CLEAN) >= _KNOWN_CLEAN_SIZE:
        _KNOWN_CLEAN.clear()
    _KNOWN_CLEAN.add(clean)
    return clean


# Results of clean_text, which are their own cleaning (clean_text(clean_text(x)) ==
# clean_text(x)): an Excel import cleans each cell, then the domain rule cleans the value
# again, then folding for the search key cleans it once more. A set lookup answers the
# repeats (a string's hash is computed once and kept by the string). Bounded; emptied when
# full.
_KNOWN_CLEAN: set[str] = set()
_KNOWN_CLEAN_SIZE = 65_536


def clean_multiline(value: str | None) -> str:
    """Like :func:`clean_text` for each line, but line breaks are kept.

    Used for free-text notes and addresses where the clerk's line breaks mean something.
    Each line is cleaned on its own (indentation is not meaningful in these fields and Excel
    cells often carry stray spaces); blank lines between paragraphs stay, blank lines at the
    start and end go. Every line-break convention (CRLF, CR, LF, U+2028) becomes "\\n".
    """
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", _FORMAT_RUN.sub("", str(value)))
    lines = [clean_text(line) for line in text.splitlines()]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def bad_character(text: str) -> str | None:
    """The first character of ``text`` that stored text may not hold, or None.

    Run on cleaned text (:func:`clean_text`, :func:`clean_multiline`): whitespace controls
    (tab, CR, U+001C-U+001F) have become spaces or line breaks by then, and the line break
    is what multi-line fields are made of. The same rule at every door.
    """
    found = _BAD_CHAR.search(text)
    return found.group() if found else None


def check_text(field: str, value: str, max_length: int, label_vi: str, label_en: str) -> None:
    """Raise ``ValidationError`` on ``field`` if cleaned ``value`` holds a control character
    or is longer than ``max_length`` characters. The same rule for every door (form, Excel
    import, sync), so that nothing stored can later block an export or a bundle."""
    bad = bad_character(value)
    if bad is not None:
        code = f"U+{ord(bad):04X}"
        raise ValidationError(
            field, f"{label_vi}: có ký tự điều khiển không hiển thị được ({code}); hãy gõ lại "
            "nội dung này.",
            f"{label_en}: contains an invisible control character ({code}); retype it.")
    if len(value) > max_length:
        raise ValidationError(
            field, f"{label_vi}: dài {group_digits(len(value))} ký tự, tối đa "
            f"{group_digits(max_length)} ký tự.",
            f"{label_en}: {len(value):,} characters long, at most {max_length:,}.")


def text_errors(clean: Mapping[str, object], lengths: Mapping[str, int],
                labels_vi: Mapping[str, str]) -> dict[str, ValidationError]:
    """``check_text`` on every text field of a cleaned record, as {field: error}.

    Fields without a size in ``lengths`` get :data:`MAX_TEXT_LENGTH`.
    """
    errors: dict[str, ValidationError] = {}
    for field, value in clean.items():
        if value.__class__ is not str:
            continue
        limit = lengths.get(field, MAX_TEXT_LENGTH)
        if len(value) <= limit and value.isprintable():
            continue  # the common case; isprintable is False for controls and line breaks
        try:
            check_text(field, value, limit, labels_vi.get(field, field), field)
        except ValidationError as err:
            errors[field] = err
    return errors


# A search box query is a name, a CCCD or a phone: longer input is pasted by mistake (or by
# someone probing), and each word costs the database a pass (70,000 characters took 45 s).
MAX_SEARCH_LENGTH = 200
MAX_SEARCH_WORDS = 8


def search_words(query: str | None) -> list[str]:
    """The folded words of a search query, capped to what a person types."""
    return fold((query or "")[:MAX_SEARCH_LENGTH]).split()[:MAX_SEARCH_WORDS]


def group_digits(number: int) -> str:
    """1234567 -> "1.234.567", the Vietnamese digit grouping."""
    return f"{number:,}".replace(",", ".")


# Letters with a stroke have no Unicode decomposition, so stripping marks does not reach them.
# U+00D0/U+00F0 (Icelandic eth) look exactly like Đ/đ and are what some legacy converters
# (TCVN3/VNI fonts to Unicode) produce for them, so they are treated as đ too.
_STROKE_D = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def fold(value: str | None) -> str:
    """Return the search form of ``value``: lowercase words without any marks.

    "Nguyễn Văn Đức" -> "nguyen van duc". Punctuation becomes a space so that "Lò-Văn" and
    "Lò Văn" are found by the same query; letters and digits of other scripts are kept
    (without their marks). Inputs that look the same fold the same, whatever their
    normalisation form, and folding a folded string changes nothing.
    """
    text = clean_text(value)
    if text.isascii():
        return _fold_ascii(text)
    # Each word folds on its own (a space never combines with its neighbours, and lowercasing
    # looks past no space), and the words of names, villages and so on repeat a lot.
    words = []
    for word in text.split(" "):
        if word.isascii():  # numbers (a CCCD, a phone) are new every time: no cache
            folded = word.lower() if word.isalnum() else _fold_ascii(word)
        else:
            folded = _fold_word(word)
        if folded:
            words.append(folded)
    return " ".join(words)


_ASCII_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def _fold_ascii(text: str) -> str:
    # Nothing to decompose or strip: lowercase letters and digits, the rest spaces.
    return " ".join(_ASCII_NOT_ALNUM.sub(" ", text.lower()).split())


@lru_cache(maxsize=32_768)
def _fold_word(word: str) -> str:
    folded = _fold_once(word)
    # Lowercasing and decomposing can expose characters that change again on a second pass
    # (rare letters such as "İ" or Hangul); iterate to the fixed point so that
    # fold(fold(x)) == fold(x) always holds. Vietnamese text is stable after one pass.
    for _ in range(4):
        again = _fold_once(folded)
        if again == folded:
            break
        folded = again
    return folded


def _fold_once(text: str) -> str:
    # NFKD (not NFD) also folds compatibility forms: full-width digits from Asian IMEs,
    # ligatures such as "ﬁ", superscripts. It is a search key, never shown to anyone.
    text = unicodedata.normalize("NFKD", text.lower()).translate(_STROKE_D)
    kept = [
        ch if ch.isalnum() else " "
        for ch in text
        # Tone marks, breve, circumflex, horn and every other combining mark.
        if not unicodedata.category(ch).startswith("M")
    ]
    return " ".join("".join(kept).split())


# ---------------------------------------------------------------------------------------------
# Name sorting
#
# Vietnamese lists of people are sorted by given name (the last word) first, then by the
# family and middle names, the way a commune's registers and VBSP group lists are kept.
# Letter order is the Vietnamese alphabet, where ă, â, đ, ê, ô, ơ, ư are letters of their own
# (a < ă < â < b ...), not a with a decoration. Tones (dấu thanh) are a secondary difference:
# they only decide between names whose letters are all equal.
#
# The key is a plain string so that both Python and SQLite (BINARY collation, i.e. comparing
# UTF-8 bytes, which orders like code points) sort by it without a custom collation:
#
#   primary  SEP_LEVEL  secondary  SEP_LEVEL  tertiary
#
# primary   = the words' letters as sortable code points, given name first, words joined by
#             SEP_WORD. SEP_WORD is below every letter so that "An" < "Anh" and "An Lò" <
#             "Anh Cầm"; SEP_LEVEL is below SEP_WORD so that a name that is a whole-word prefix
#             of another ("An" vs "An Lò") sorts first.
# secondary = one tone digit per word, in the same word order. One per *syllable* (not per
#             letter) so that "Hoà" and "Hòa" are equal here: same syllable, same tone.
# tertiary  = the cleaned name itself, so that the order is total and the same everywhere even
#             for names that differ only in case, punctuation or tone placement.
#
# Only printable ASCII is used for the first two parts: no NUL (PostgreSQL refuses it in TEXT,
# SQLite functions stop at it), and keys stay readable in a debugger.
# ---------------------------------------------------------------------------------------------

SEP_LEVEL = "!"  # 0x21: lowest character of any key part
SEP_WORD = "#"  # 0x23: between words of the primary part

# Digits first, then the Vietnamese alphabet with the foreign letters f, j, w, z where they
# fall in the Latin alphabet. Each gets one code point from "0" (0x30) upward, so every
# mapped character is above both separators.
_ALPHABET = unicodedata.normalize("NFC", "0123456789aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")
_PRIMARY_CODE = {letter: chr(0x30 + i) for i, letter in enumerate(_ALPHABET)}

# Marks that make a different *letter* of the alphabet (combined with their base letter).
_BREVE, _CIRCUMFLEX, _HORN = "\u0306", "\u0302", "\u031b"
_LETTER_MARKS = {
    ("a", _BREVE): "ă",
    ("a", _CIRCUMFLEX): "â",
    ("e", _CIRCUMFLEX): "ê",
    ("o", _CIRCUMFLEX): "ô",
    ("o", _HORN): "ơ",
    ("u", _HORN): "ư",
}

# The five tone marks, in the traditional order ngang (none) < huyền < hỏi < ngã < sắc < nặng.
_TONE_RANK = {
    "\u0300": "1",  # huyền (grave)
    "\u0309": "2",  # hỏi (hook above)
    "\u0303": "3",  # ngã (tilde)
    "\u0301": "4",  # sắc (acute)
    "\u0323": "5",  # nặng (dot below)
}
_NO_TONE = "0"


# Keep đ as its own letter (it sorts after d); only the eth look-alike is mapped onto it.
_STROKE_D_LETTER = str.maketrans({"ð": "đ"})


@lru_cache(maxsize=32_768)  # family, middle and given names repeat a lot
def _word_codes(word: str) -> tuple[str, str]:
    """Return (primary code, tone digit) for one lowercase word."""
    primary: list[str] = []
    tone = _NO_TONE
    # NFD splits "ậ" into a + dot below + circumflex (marks in canonical order, which
    # may put the tone before the letter mark), so marks are collected per base letter.
    for cluster in _clusters(unicodedata.normalize("NFD", word)):
        base, marks = cluster[0], cluster[1:]
        base = base.translate(_STROKE_D_LETTER)
        if base not in _PRIMARY_CODE:
            if base.isalnum():
                # A letter of another script (or ø, ß ...): after all Latin letters, in code
                # point order. Such letters are all above U+007F, hence above our codes.
                primary.append(base)
            # Punctuation (apostrophes in "H'Hen", hyphens) is ignored here, as ICU does.
            continue
        letter = base
        for mark in marks:
            letter = _LETTER_MARKS.get((letter, mark), letter)
            if mark in _TONE_RANK and tone == _NO_TONE:
                # A syllable has one tone; a second mark only occurs in foreign names and is
                # left to the tertiary level.
                tone = _TONE_RANK[mark]
        primary.append(_PRIMARY_CODE[letter])
    return "".join(primary), tone


def _clusters(text: str) -> list[str]:
    """Split decomposed text into base character + following combining marks."""
    clusters: list[str] = []
    for ch in text:
        if clusters and unicodedata.category(ch).startswith("M"):
            clusters[-1] += ch
        else:
            clusters.append(ch)
    return clusters


def _name_words(cleaned: str) -> list[tuple[str, str]]:
    """Words of the (cleaned) name as (primary, tone), given name first, words without
    letters dropped."""
    words = [_word_codes(word) for word in cleaned.lower().split(" ")]
    words = [w for w in words if w[0]]
    if not words:
        return []
    return [words[-1], *words[:-1]]


def name_sort_key(full_name: str) -> str:
    """Return a key that sorts full names in Vietnamese order with plain string comparison.

    Works for Python ``sorted(..., key=name_sort_key)`` and for an SQLite TEXT column with the
    default BINARY collation. See the comment block above for the layout of the key.
    """
    cleaned = clean_text(full_name)
    words = _name_words(cleaned)
    primary = SEP_WORD.join(code for code, _ in words)
    secondary = "".join(tone for _, tone in words)
    # A printable string has no control characters (Cc) to drop.
    tertiary = cleaned if cleaned.isprintable() else "".join(
        ch for ch in cleaned if unicodedata.category(ch) != "Cc")
    return f"{primary}{SEP_LEVEL}{secondary}{SEP_LEVEL}{tertiary}"


def split_name(full_name: str | None) -> tuple[str, str]:
    """Split a full name into (family and middle names, given name).

    The given name is the last word: "Lò Văn An" -> ("Lò Văn", "An"). A one-word name is
    all given name.
    """
    text = clean_text(full_name)
    family, _, given = text.rpartition(" ")
    return family, given
