"""Characters and lengths that no stored text may have, whatever door it came through.

Used by the sync import (``sync.inbound``) after the same cleaning as the form
(``text.clean_text`` / ``text.clean_multiline``): what is left that cleaning does not turn
into a space is refused, never silently dropped, so the clerk who typed it can be told.

* Control characters (C0, DEL, C1): a bell or an escape in a village name breaks the Excel
  export (XML cannot hold them) and the PDFs. Only the line break survives, in multi-line
  notes.
* Bidirectional overrides, embeddings, isolates and marks: they make a name display in a
  different order than it is stored ("Trojan source"), so two records that look the same are
  not, and a list can be made to lie.
* Lone surrogates: JSON can carry them, but no database can store them as UTF-8.
"""

from __future__ import annotations

import re

__all__ = ["LONG_TEXT_LIMIT", "unsafe_character"]

# Text columns without a declared length (notes, purposes) still go into one spreadsheet
# cell on export, and Excel holds at most 32,767 characters in a cell.
LONG_TEXT_LIMIT = 32_767

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(rf"[\x00-\x1f\x7f-\x9f\ud800-\udfff{_BIDI}]")
_UNSAFE_MULTILINE = re.compile(rf"[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff{_BIDI}]")


def unsafe_character(text: str, multiline: bool = False) -> str | None:
    """The first refused character of ``text`` as ``U+XXXX``, or None when there is none.

    ``text`` is expected to be cleaned already (tabs and other whitespace made spaces);
    ``multiline`` allows the line break ``\\n``.
    """
    found = (_UNSAFE_MULTILINE if multiline else _UNSAFE).search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"
