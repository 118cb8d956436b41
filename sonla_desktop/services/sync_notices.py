"""Plain sentences about what an export or import found beyond its counts (issue #20): a
database found restored, a peer owed a full file, workers moved out. The CLI and the sync
page show the same sentences, in the user's language."""

from __future__ import annotations

from ..errors import current_language
from .sync_conflicts import reason_text_of


def _pick(vi: str, en: str) -> str:
    return en if current_language() == "en" else vi


def export_notices(result) -> list[str]:
    out = []
    if result.repair:
        out.append(_pick(
            f"{result.to_name} đã khôi phục cơ sở dữ liệu từ bản sao lưu: tệp này là bản ĐẦY ĐỦ "
            "để họ lấy lại dữ liệu đã mất. Hãy mang tệp này tới đó và nhập.",
            f"{result.to_name} restored its database from a backup: this file is a FULL one so "
            "that it gets back what it lost. Carry it there and import it."))
    if result.restored is not None:
        out.append(_pick(result.restored.message_vi, result.restored.message_en))
    return out


def import_notices(result) -> list[str]:
    out = []
    if result.restored is not None:
        out.append(_pick(result.restored.message_vi, result.restored.message_en))
    name = result.check.sender_name
    if result.sender_restored:
        out.append(_pick(
            f"{name} đã khôi phục cơ sở dữ liệu từ bản sao lưu: tệp xuất tiếp theo cho đơn vị đó "
            "sẽ tự là bản ĐẦY ĐỦ; hãy xuất và mang tới đó.",
            f"{name} restored its database from a backup: the next file exported for it will be "
            "a FULL one by itself; export it and carry it there."))
    if result.moved_out:
        out.append(_pick(
            f"{result.moved_out} người lao động đã được văn phòng tỉnh chuyển sang xã/phường "
            "khác: đã bỏ bản sao của họ ở đây (xem: workers moves).",
            f"{result.moved_out} worker(s) were moved to another commune by the hub: their copy "
            "here was dropped (see: workers moves)."))
    return out


def reason_text(reason: str) -> str:
    """Why an inbox entry exists when it is not two concurrent edits ("" otherwise)."""
    if not reason:
        return ""
    return _pick(*reason_text_of(reason))


__all__ = ["export_notices", "import_notices", "reason_text"]
