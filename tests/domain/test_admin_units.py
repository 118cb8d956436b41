"""xã or phường from the unit's kind (issue 17, item 4)."""

from __future__ import annotations

from sonla_desktop.domain.admin_units import office_example, unit_word


def test_the_word_follows_the_kind():
    assert unit_word(["ward"]) == "phường"
    assert unit_word(["commune", "commune"]) == "xã"
    assert unit_word(["ward", "commune"]) == "xã/phường"
    assert unit_word([]) == "xã/phường"
    assert office_example("ward", "Chiềng Cơi") == "UBND phường Chiềng Cơi"
    assert office_example("commune", "Mường Bú") == "UBND xã Mường Bú"
