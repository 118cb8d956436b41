"""Hybrid logical clock versions for last-writer-wins merge.

A version string sorts, as plain text, in causal-then-wall-clock order:
``<12 hex digits of ms since epoch><6 hex digits of counter>-<node id>``.
The node id at the end breaks ties between two nodes that wrote in the same
millisecond with the same counter, so every node picks the same winner.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

_MS_DIGITS = 12
_COUNTER_DIGITS = 6
MAX_MS = 16**_MS_DIGITS - 1
MAX_COUNTER = 16**_COUNTER_DIGITS - 1

# How far ahead of this computer's clock a received version (or a peer's sequence number)
# may be. Offices' PCs disagree by minutes, sometimes hours (time zone set wrong, a flat CMOS
# battery); a whole day covers that. Anything further is refused rather than observed:
# observing it would drag this node's clock (and every later write) that far ahead, and
# twelve hex digits of milliseconds would eventually overflow (sync.bounds).
CLOCK_TOLERANCE_MS = 24 * 3600 * 1000


def format_version(ms: int, counter: int, node_id: str) -> str:
    # Never write a version that parse_version would refuse: one such version in the
    # settings table stops every later write on this node.
    if not (0 <= ms <= MAX_MS and 0 <= counter <= MAX_COUNTER):
        raise ValueError(f"clock value out of range: {ms}, {counter}")
    return f"{ms:0{_MS_DIGITS}x}{counter:0{_COUNTER_DIGITS}x}-{node_id}"


_HEAD_RE = re.compile(rf"[0-9a-f]{{{_MS_DIGITS + _COUNTER_DIGITS}}}")


def parse_version(version: str) -> tuple[int, int, str]:
    head, _, node = version.partition("-")
    # Lowercase hex only: int(..., 16) would also take "+", "_" or spaces, and such a
    # version would not sort as text in clock order.
    if not _HEAD_RE.fullmatch(head) or not node:
        raise ValueError(f"not an HLC version: {version!r}")
    return int(head[:_MS_DIGITS], 16), int(head[_MS_DIGITS:], 16), node


def wall_ms(now_ms: int | None = None) -> int:
    """This computer's clock in milliseconds since the epoch (or the given test value)."""
    return int(time.time() * 1000) if now_ms is None else now_ms


@dataclass
class HybridClock:
    """One node's clock. ``tick()`` for a local write, ``observe()`` for a received version."""

    node_id: str
    ms: int = 0
    counter: int = 0

    @classmethod
    def resume(cls, node_id: str, last_version: str | None) -> HybridClock:
        clock = cls(node_id)
        if last_version:
            clock.ms, clock.counter, _ = parse_version(last_version)
        return clock

    def tick(self, now_ms: int | None = None) -> str:
        wall = wall_ms(now_ms)
        if wall > self.ms:
            self.ms, self.counter = wall, 0
        elif self.counter < MAX_COUNTER:
            # Wall clock went back (old PC with a flat CMOS battery) or same ms: count on.
            self.counter += 1
        else:
            # The counter is full (16 million writes in one millisecond of clock time, or a
            # received version with a full counter): carry into the milliseconds, as a
            # counter would, instead of writing a seven-digit counter no node can parse.
            self.ms, self.counter = self.ms + 1, 0
        return format_version(self.ms, self.counter, self.node_id)

    def observe(self, version: str, now_ms: int | None = None) -> None:
        """Move past a version seen from another node, so our next write wins over it.

        A version beyond this computer's clock plus ``CLOCK_TOLERANCE_MS`` is a bug of the
        caller (imports refuse such versions first, ``sync.bounds``): observing it would
        carry this node's clock, and every write after it, into the far future.
        """
        ms, counter, _ = parse_version(version)
        if ms > wall_ms(now_ms) + CLOCK_TOLERANCE_MS:
            raise ValueError(f"version too far ahead of this computer's clock: {version!r}")
        if (ms, counter) > (self.ms, self.counter):
            self.ms, self.counter = ms, counter

    @property
    def last(self) -> str:
        return format_version(self.ms, self.counter, self.node_id)
