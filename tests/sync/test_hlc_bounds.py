"""The hybrid logical clock can never be pushed past what it can write."""

from __future__ import annotations

import pytest

from sonla_desktop.sync.hlc import (
    CLOCK_TOLERANCE_MS,
    MAX_COUNTER,
    MAX_MS,
    HybridClock,
    format_version,
    parse_version,
)

NODE = "0a7e33c1-5d42-4f0b-8e61-93c2b7d4e002"
NOW = 1_780_000_000_000  # a day in 2026, in ms


def test_a_full_counter_carries_into_the_milliseconds():
    clock = HybridClock(NODE, ms=NOW, counter=MAX_COUNTER)
    version = clock.tick(now_ms=NOW - 5)  # the wall clock went back: count on
    assert parse_version(version)[:2] == (NOW + 1, 0)
    assert version > format_version(NOW, MAX_COUNTER, NODE)  # still sorts after


def test_no_version_is_written_that_cannot_be_read_back():
    with pytest.raises(ValueError):
        format_version(MAX_MS + 1, 0, NODE)
    with pytest.raises(ValueError):
        format_version(NOW, MAX_COUNTER + 1, NODE)


def test_observing_a_version_beyond_the_tolerance_is_refused_and_changes_nothing():
    clock = HybridClock(NODE, ms=NOW, counter=3)
    with pytest.raises(ValueError):
        clock.observe(format_version(MAX_MS, MAX_COUNTER, NODE), now_ms=NOW)
    assert (clock.ms, clock.counter) == (NOW, 3)
    clock.observe(format_version(NOW + CLOCK_TOLERANCE_MS, 7, NODE), now_ms=NOW)
    assert (clock.ms, clock.counter) == (NOW + CLOCK_TOLERANCE_MS, 7)


@pytest.mark.parametrize("head", ["+0000000000100000a", "0000_00000100000a0", " 000000000100000a0",
                                  "0000000001A0000000"])
def test_versions_that_would_not_sort_as_text_are_not_versions(head):
    with pytest.raises(ValueError):
        parse_version(f"{head}-{NODE}")
