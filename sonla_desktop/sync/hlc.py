"""Hybrid logical clock versions for last-writer-wins merge.

A version string sorts, as plain text, in causal-then-wall-clock order:
``<12 hex digits of ms since epoch><6 hex digits of counter>-<node id>``.
The node id at the end breaks ties between two nodes that wrote in the same
millisecond with the same counter, so every node picks the same winner.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

_MS_DIGITS = 12
_COUNTER_DIGITS = 6


def format_version(ms: int, counter: int, node_id: str) -> str:
    return f"{ms:0{_MS_DIGITS}x}{counter:0{_COUNTER_DIGITS}x}-{node_id}"


def parse_version(version: str) -> tuple[int, int, str]:
    head, _, node = version.partition("-")
    if len(head) != _MS_DIGITS + _COUNTER_DIGITS or not node:
        raise ValueError(f"not an HLC version: {version!r}")
    return int(head[:_MS_DIGITS], 16), int(head[_MS_DIGITS:], 16), node


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
        wall = int(time.time() * 1000) if now_ms is None else now_ms
        if wall > self.ms:
            self.ms, self.counter = wall, 0
        else:
            # Wall clock went back (old PC with a flat CMOS battery) or same ms: count on.
            self.counter += 1
        return format_version(self.ms, self.counter, self.node_id)

    def observe(self, version: str) -> None:
        """Move past a version seen from another node, so our next write wins over it."""
        ms, counter, _ = parse_version(version)
        if (ms, counter) > (self.ms, self.counter):
            self.ms, self.counter = ms, counter

    @property
    def last(self) -> str:
        return format_version(self.ms, self.counter, self.node_id)
