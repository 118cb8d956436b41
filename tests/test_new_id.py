"""new_id: the random UUIDs every synced row gets (canonical text, version 4)."""

from __future__ import annotations

import uuid

from sonla_desktop.models import new_id


def test_ids_are_canonical_random_uuids():
    ids = [new_id() for _ in range(4000)]
    assert len(set(ids)) == len(ids)
    for text in ids:
        parsed = uuid.UUID(text)
        assert str(parsed) == text  # lowercase, hyphens where uuid puts them
        assert parsed.version == 4 and parsed.variant == uuid.RFC_4122
    # every other hex digit is random: each position shows many values
    for position in range(36):
        seen = {text[position] for text in ids}
        if position in (8, 13, 18, 23):
            assert seen == {"-"}
        elif position == 14:
            assert seen == {"4"}
        elif position == 19:
            assert seen == set("89ab")
        else:
            assert len(seen) == 16, position
