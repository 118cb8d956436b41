"""One chunk of worksheet XML at a time: what it adds to the rectangle calamine would build.

Used by ``sheet_scan.scan_part``; read its docstring first. Two ways through a chunk:

- ``plain_chunk``: the form Excel, LibreOffice and openpyxl write (``<row r="7"`` and
  ``<c r="B7"``, the reference the first attribute, no prefixes). Three C-speed searches
  prove the chunk has that form and read every cell's column letters at once; it answers
  False, having changed nothing, as soon as one fact does not hold.
- ``general_chunk``: anything else, any syntax quick-xml (calamine's XML reader) accepts.

How calamine places a cell (calamine 0.3x, ``xlsx/cells_reader.rs``, checked against
python-calamine 0.9 by the tests): from the cell's ``r`` attribute, and with several ``r``
attributes on one cell from the LAST one; an ``r`` may follow a closing quote with no space
(``t="n"r="B2"``). A cell without ``r`` goes one column right of the previous cell, on the
current row; the column goes back to 0 at each ``</row>``; the row is set by a row's ``r``
and goes one down at each ``</row>``, so a cell without ``r`` after nested rows or outside any
row sits below every row number written in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384
_ROW_DIGITS = len(str(EXCEL_MAX_ROWS))


@dataclass
class Tally:
    """What the chunks so far add up to (a reference's row and column, 1-based)."""

    max_row: int = 0  # the farthest row any r attribute names
    max_col: int = 0  # the farthest column any r attribute names
    cells: int = 0  # <c> start tags seen
    row_starts: int = 0  # <row> start tags seen (an upper bound on the </row> calamine meets)
    refless: bool = False  # a cell without a usable r was seen
    run: int = 0  # cells without r since the last real </row>
    widest_run: int = 0

    @property
    def rows(self) -> int:
        # A cell without r sits on the last row an r named, plus one per </row> since: never
        # more than one per <row> start (quick-xml refuses an unmatched end tag).
        return max(self.max_row, 1) + (self.row_starts if self.refless else 0)

    @property
    def columns(self) -> int:
        # A cell without r sits one column right of the previous cell, whose column is at most
        # max_col if it had an r, so at most max_col plus the run of cells without r.
        return max(self.max_col, 1) + self.widest_run

    def add_columns(self, letters: set[bytes]) -> None:
        # A sheet has few distinct columns: only the distinct values are looked at in Python.
        for col in {x.upper() for x in letters}:
            number = EXCEL_MAX_COLUMNS + 1 if len(col) > 3 else _column_number(col)
            self.max_col = max(self.max_col, number)

    def add_rows(self, digits: set[bytes]) -> None:
        if digits:
            # (Leading zeros make length no guide to size: every distinct value is converted
            # unless one is longer than any row number Excel can hold, however written.)
            longest = len(max(digits, key=len))
            far = EXCEL_MAX_ROWS + 1 if longest > 12 else max(map(int, digits))
            self.max_row = max(self.max_row, far)


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters:  # upper-case, at most 3 letters here
        number = number * 26 + ch - 64
    return number


# --- The plain form ---------------------------------------------------------------------
# A prefixed cell or row tag (start or end): the plain patterns would not see it.
_PREFIXED = re.compile(rb":(?:c|row)[\s/>]")
# Any r attribute (after whitespace or straight after a closing quote, as quick-xml reads
# attribute names; spaces around "=" or not) other than one written ` r=` right after `<c`
# or `<row`. With none, every cell's only r is its first attribute, so the one calamine uses
# is the one read below. (Text that only looks like an attribute counts too: such a chunk
# takes the general way, which is merely slower.) Every chunk but the first starts at a
# "<", so the look-behinds never need bytes from the chunk before.
_OTHER_R = re.compile(rb"""r(?<=[\s"']r)\s*=(?<!<c r=)(?<!<row r=)""")
# Every row start tag; the group is empty unless its first attribute is a plain r="7", a
# number without leading zeros that Excel could hold (so the largest is found without
# converting each one, below).
_PLAIN_ROW = re.compile(rb'<row(?=[\s/>])(?: r="([1-9][0-9]{0,%d})")?' % (_ROW_DIGITS - 1))
# Any <c start tag (not <col, <cfRule...): a cell.
_ANY_PLAIN_CELL = re.compile(rb"<c[\s/>]")


def _at_most(bound: int) -> bytes:
    """A pattern for a decimal number <= ``bound`` (>= 1) and nothing else, leading zeros
    allowed, followed by the closing quote. Written as a trie on the digits of ``bound`` so
    that a number is decided in a step or two: fewer digits than ``bound``, or as many and
    not greater digit by digit (for numbers of equal length, the same order as their value).
    """
    digits = str(bound).encode()

    def same_length(rest: bytes) -> bytes:
        first, tail = rest[:1], rest[1:]
        if not tail:
            return b"[0-%s]" % first
        lower = (b"[0-%d][0-9]{%d}|" % (first[0] - 49, len(tail))) if first != b"0" else b""
        return b"(?:%s%s%s)" % (lower, first, same_length(tail))

    shorter = b"[0-9]{1,%d}+|" % (len(digits) - 1) if len(digits) > 1 else b""
    # 0*+ takes every leading zero (possessive: never given back), so what follows starts
    # with the first significant digit, or is empty and matches nothing.
    return b'0*+(?:%s%s)"' % (shorter, same_length(digits))


def _cell_pattern(bound: int) -> re.Pattern[bytes]:
    # Every cell start tag; the group holds the column letters when the first attribute is a
    # plain r="A1" whose row is at most ``bound``, and is empty otherwise. (re caches the
    # compiled pattern: one per chunk, a tenth of a millisecond.)
    return re.compile(rb'<c(?: r="([A-Z]{1,3})' + _at_most(bound) + rb"|[\s/>])")


def plain_chunk(data: bytes, end: int, tally: Tally) -> bool:
    """Add ``data[:end]`` to ``tally`` if it has the plain form and say True; else False,
    with ``tally`` unchanged. The plain form: no prefixed cell or row tag; no r attribute
    except the first attribute of a cell or row, written ` r="`; every row's r a number; every
    cell's r a column and a row number, the row no farther than the farthest row tag so far
    (so one pass checks all cells' rows: a file whose rows go back and forth takes the
    general way). ``end`` rather than a slice: no copy of the megabyte."""
    if _PREFIXED.search(data, 0, end) or _OTHER_R.search(data, 0, end):
        return False
    row_refs = _PLAIN_ROW.findall(data, 0, end)
    if b"" in row_refs:
        return False
    bound = tally.max_row
    if row_refs:
        # Without leading zeros the longer number is the larger, and of two as long the
        # larger compares larger as bytes: the largest at C speed, one int() per chunk.
        bound = max(bound, int(max(zip(map(len, row_refs), row_refs, strict=True))[1]))
    if bound < 1 or bound > EXCEL_MAX_ROWS:
        if _ANY_PLAIN_CELL.search(data, 0, end):
            return False  # cells before any row, or a row past Excel's: the general way
        letters: list[bytes] = []
    else:
        letters = _cell_pattern(bound).findall(data, 0, end)
    columns = set(letters)
    if b"" in columns:
        return False
    # Every cell has its own reference here: none continues from its neighbour, so the run
    # of cells without r (if a general chunk left one open) is left as it is, which can only
    # over-count it; and no cell of this chunk lies below ``bound``.
    tally.add_columns(columns)
    tally.max_row = bound
    tally.cells += len(letters)
    tally.row_starts += len(row_refs)
    return True


# --- Any form -----------------------------------------------------------------------------
_NAME_PREFIX = rb"(?:[A-Za-z_][\w.\-]*:)?"
# A <row ...> or <c ...> start tag, any prefix; attribute values may hold ">" when quoted.
_CELL_TAG = re.compile(rb"<" + _NAME_PREFIX + rb"c(?=[\s/>])")
_ROW_TAG = re.compile(rb"<" + _NAME_PREFIX + rb"row(?=[\s/>])")
# Any r attribute as quick-xml reads one (see _OTHER_R), on any element: a cell's column
# letters, and the row number of a cell or a row. A superset of what calamine reads.
_COLUMN_REF = re.compile(rb"""r(?<=[\s"']r)\s*=\s*["']([A-Za-z]+)""")
_ROW_REF = re.compile(rb"""r(?<=[\s"']r)\s*=\s*["'][A-Za-z]*([0-9]+)""")
# A cell start tag whose attributes, read one by one as quick-xml reads them (name, "=",
# quoted value; XML whitespace only), hold no r starting with a letter: calamine places it
# after its neighbour. Stricter than quick-xml (no "<" inside a value), which only makes more
# cells count as lacking an r. Each look-ahead stops at the next "<": linear in the chunk.
_XML_WS = rb"[ \t\r\n]"
_ATTRIBUTE = (rb"[^ \t\r\n=<>]+" + _XML_WS + rb"*=" + _XML_WS
              + rb"""*(?:"[^"<]*"|'[^'<]*')""" + _XML_WS + rb"*")
_REFLESS_CELL = re.compile(
    rb"<" + _NAME_PREFIX + rb"c(?=[\s/>])(?!" + _XML_WS + rb"+(?:" + _ATTRIBUTE + rb")*?r"
    + _XML_WS + rb"*=" + _XML_WS + rb"""*["'][A-Za-z])""")
# A real </row> (calamine sets the column back to 0 there), unless the chunk holds markup
# that could show one that is not: a comment, CDATA, a processing instruction (but not the
# XML declaration every Excel part starts with, when it holds no "<" or ">"), or a "<"
# inside a quoted attribute value (quick-xml accepts that; text after `="` counts too).
_ROW_END = re.compile(rb"</" + _NAME_PREFIX + rb"row" + _XML_WS + rb"*>")
_FAKE_MARKUP = re.compile(
    rb"""<!|<\?(?!xml[ \t\r\n][^<>]*\?>)|=[ \t\r\n]*(?:"[^"<]*<|'[^'<]*<)""")


def general_chunk(data: bytes, tally: Tally) -> None:
    """Add ``data`` to ``tally``, whatever its syntax; errs on the large side."""
    tally.add_columns(set(_COLUMN_REF.findall(data)))
    tally.add_rows(set(_ROW_REF.findall(data)))
    tally.cells += len(_CELL_TAG.findall(data))
    tally.row_starts += len(_ROW_TAG.findall(data))
    if not _REFLESS_CELL.search(data):
        return
    # Cells without r: count them from one real </row> to the next (the run goes on across
    # chunks). Where a </row> could be fake, the run is not cut there: larger, never smaller.
    tally.refless = True
    pieces = [data] if _FAKE_MARKUP.search(data) else _ROW_END.split(data)
    for index, piece in enumerate(pieces):
        if index:
            tally.run = 0
        tally.run += len(_REFLESS_CELL.findall(piece))
        tally.widest_run = max(tally.widest_run, tally.run)
