"""xã or phường: the word for an administrative unit, from its kind in the reference data.

Chiềng Cơi is a ward (phường), Mường Bú a commune (xã); documents, flyers and examples say
the word of the unit they are about, never one fixed word for all.
"""

from __future__ import annotations

from collections.abc import Iterable

UNIT_WORDS = {"ward": "phường", "commune": "xã"}
BOTH = "xã/phường"


def unit_word(kinds: Iterable[str | None]) -> str:
    """"phường" when every unit is a ward, "xã" when every one is a commune, else
    "xã/phường" (several kinds, none known, or the whole province)."""
    words = {UNIT_WORDS.get(k or "") for k in kinds}
    if len(words) == 1 and None not in words:
        return words.pop()
    return BOTH


def office_example(kind: str | None, name: str) -> str:
    """The example office name a form shows: "UBND phường Chiềng Cơi"."""
    return f"UBND {unit_word([kind])} {name}"
