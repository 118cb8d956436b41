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


def test_ordered_ids_are_version_7_uuids_in_the_order_they_were_made():
    from sonla_desktop.models import ordered_id

    ids = [ordered_id() for _ in range(20_000)]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    for text in ids[:500]:
        parsed = uuid.UUID(text)
        assert str(parsed) == text
        assert parsed.version == 7 and parsed.variant == uuid.RFC_4122


def test_ordered_ids_keep_their_order_when_the_clock_goes_back(monkeypatch):
    from sonla_desktop.models import base, ordered_id

    now = [1_800_000_000_000 * 1_000_000]
    monkeypatch.setattr(base.time, "time_ns", lambda: now[0])
    first = ordered_id()
    now[0] -= 3_600 * 10**9  # an old PC's clock set back an hour
    second = ordered_id()
    now[0] += 7_200 * 10**9
    third = ordered_id()
    assert first < second < third
    # the first 48 bits are the milliseconds (RFC 9562), the later clock's in the third
    assert int(third.replace("-", "")[:12], 16) == now[0] // 1_000_000
