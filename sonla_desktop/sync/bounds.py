"""How far ahead of this computer's clock a peer's versions and sequence numbers may be.

A trusted office can still send nonsense (a PC whose date says 2099, a bug, or a person
who means harm). Two numbers in a bundle are dangerous if taken as they come:

* a record version (HLC) far in the future: observing it drags this node's clock there, so
  every later write here carries it, and near the end of twelve hex digits the clock cannot
  be written any more (every write, import and export then fails);
* a sequence number far ahead (2^62): every later genuine bundle of that sender is then
  "older" and refused as a replay.

Both are refused when beyond this computer's clock plus ``CLOCK_TOLERANCE_MS`` (one day):
versions by their millisecond part, sequence numbers (minutes since 2025-01-01,
``exporter.clock_sequence``) by the same day in minutes, counted from the later of this
clock and the last number accepted from that sender (a node that writes several bundles a
minute runs a little ahead of its clock, legitimately). The whole bundle is refused with a
``SyncError``; nothing is written.
"""

from __future__ import annotations

from datetime import UTC, datetime

from ..domain.loans import format_vnd
from ..errors import SyncError
from .exporter import clock_sequence
from .hlc import CLOCK_TOLERANCE_MS, parse_version, wall_ms

SEQUENCE_TOLERANCE = CLOCK_TOLERANCE_MS // 60_000  # the same day, in minutes

_CHECK_CLOCKS_VI = ("Có thể ngày giờ trên máy gửi hoặc trên máy này bị đặt sai: hãy kiểm "
                    "tra ngày giờ của cả hai máy, rồi đề nghị bên gửi xuất lại tệp.")
_CHECK_CLOCKS_EN = ("The date and time of the sending computer or of this one may be set "
                    "wrong: check both, then ask the sender to export the file again.")


def shown_time(ms: int) -> str:
    """A version's time for a message (UTC), even when it is beyond year 9999."""
    try:
        return datetime.fromtimestamp(ms / 1000, UTC).strftime("%d/%m/%Y %H:%M UTC")
    except (OverflowError, OSError, ValueError):
        return f"{ms} ms"


def too_far_ahead(version: str, now_ms: int | None = None) -> bool:
    """True when ``version`` (already parsed once) is beyond the clock plus the tolerance."""
    return parse_version(version)[0] > wall_ms(now_ms) + CLOCK_TOLERANCE_MS


def future_version_error(where_vi: str, where_en: str, version: str) -> SyncError:
    when = shown_time(parse_version(version)[0])
    return SyncError(
        f"Tệp đồng bộ bị từ chối: {where_vi} mang thời điểm ghi {when}, muộn hơn giờ của "
        f"máy này quá 1 ngày. {_CHECK_CLOCKS_VI} Không nhập gì cả.",
        f"The sync file was refused: {where_en} carries a write time of {when}, more than "
        f"1 day ahead of this computer's clock. {_CHECK_CLOCKS_EN} Nothing was imported.")


def check_have(have: dict[str, str], now_ms: int | None = None) -> None:
    """The sender's "have" vector (already checked for shape): no entry in the future."""
    for origin, version in have.items():
        if too_far_ahead(version, now_ms):
            raise future_version_error(
                f"danh sách phiên bản (have) của bản kê khai, mục {origin},",
                f"the manifest's version list (have), entry {origin},", version)


def check_sequence(sequence: int, last: int | None, sender_name: str,
                   now: datetime | None = None) -> None:
    """Refuse a sequence number more than a day ahead of this clock and of the last one."""
    limit = max(clock_sequence(now), last or 0) + SEQUENCE_TOLERANCE
    if sequence > limit:
        raise SyncError(
            f"Tệp đồng bộ bị từ chối: số thứ tự {format_vnd(sequence)} của tệp từ "
            f"{sender_name} vượt xa mức hợp lý (tối đa {format_vnd(limit)} theo giờ của máy "
            "này). Nếu nhận tệp này, mọi tệp đúng về sau của đơn vị đó sẽ bị coi là tệp cũ. "
            f"{_CHECK_CLOCKS_VI} Không nhập gì cả.",
            f"The sync file was refused: its sequence number {sequence:,} from {sender_name} "
            f"is far beyond what is plausible (at most {limit:,} by this computer's clock). "
            "Taking it would make every later genuine file from that unit look old. "
            f"{_CHECK_CLOCKS_EN} Nothing was imported.")
