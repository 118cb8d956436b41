"""Record ids are version-4 UUIDs in their usual text form (other offices' ids arrive through
sync and are checked as UUIDs; two offices must never draw the same id)."""

import uuid

from sonla_desktop.models.base import new_id


def test_new_ids_are_random_version_4_uuids():
    ids = [new_id() for _ in range(20_000)]
    assert len(set(ids)) == len(ids)
    for text in ids:
        parsed = uuid.UUID(text)
        assert str(parsed) == text
        assert parsed.version == 4 and parsed.variant == uuid.RFC_4122
    # Every hex digit of the random part appears at every random position: no fixed digits
    # beyond the version and variant.
    for position in (0, 9, 15, 20, 35):
        assert len({t[position] for t in ids}) == 16
    assert {t[14] for t in ids} == {"4"} and {t[19] for t in ids} <= set("89ab")
    assert len({t[19] for t in ids}) == 4
