"""How the sync records about sync itself merge and are checked: inbox entries, duplicates.

* Ids come from what an entry is about: a conflict from (table, row, losing version), a
  possible duplicate from its two worker ids. Two nodes that notice the same clash write the
  same row, which then merges like any other instead of being listed twice.
* Merge order per row is (rank, version): a loan further along its workflow wins over a
  concurrent write behind it (``domain.loan_invariants``), a decided inbox entry (or
  duplicate link, or move request) wins over an undecided copy of it, whatever the clocks
  said; otherwise the later version.
  Both are total orders, so merging stays order-independent.
* A resolution is a versioned decision: resolving stamps the entry and the row it keeps with
  the same version (services/sync_conflicts.py), so wherever the entry's decision wins, the
  row's data wins too, and two concurrent resolutions end as one on every node.
"""

from __future__ import annotations

import json
import re
import uuid

from ..domain.loan_invariants import RULE_NOT_PAID_OUT, RULE_OVER_APPROVED, RULE_OVER_DISBURSED
from ..domain.loan_invariants import status_rank as loan_status_rank
from ..models import utcnow
from .records import TABLES, TableSpec, decode_stored, encode_values, record_error

_NAMESPACE = uuid.UUID("0c6f3c8e-3f2e-4b0e-8d55-6f0a2f1c9b7d")
SYNC_STATE_TABLES = frozenset({"conflict", "possible_duplicate"})
# Rows whose two concurrent versions are never a clash for the inbox: the entries and links
# themselves, and a move request the hub has answered (the answer is the row: a "keep mine"
# would write an old move again as if it were the latest one).
NO_CLASH_TABLES = SYNC_STATE_TABLES | {"transfer"}
RESOLUTIONS = ("", "winner", "loser")
UNKNOWN_VALUE = "unknown_value"
# An entry with a reason a newer program added (value_lists.SHOWN_ONLY): shown with this
# label; resolving it only closes it (services.sync_conflicts).
OTHER_REASON = ("Lý do khác (từ phiên bản chương trình mới hơn)",
                "Another reason (from a newer program version)")
_REASON_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")
RULES = {
    "": ("Hai nơi cùng sửa", "Edited at both ends"),
    # A worker's move between communes (sync.transfers): an edit that came too late.
    "stale": ("Sửa sau khi người lao động đã chuyển xã/phường: không áp dụng",
              "Edited after the worker moved to another commune: not applied"),
    "moved_out": ("Người lao động đã được chuyển sang xã/phường khác trước khi bản sửa này đến",
                  "The worker was moved to another commune before this edit arrived"),
    # A record whose parent row was not here (sync.orphans): set aside, not applied.
    "orphan": ("Bản ghi trỏ tới dữ liệu không có ở đây: chưa nhập",
               "Points to data not held here: not imported"),
    # A newer program's record with a value the setting-aside office's program does not know
    # (sync.value_lists): not applied there until it is updated. The entry travels to the
    # office that wrote the record, which knows the value: the words suit both ends.
    UNKNOWN_VALUE: ("Có giá trị mà chương trình ở văn phòng nhận chưa biết (phiên bản cũ "
                    "hơn): chưa nhập, hãy cập nhật chương trình ở đó",
                    "Holds a value the receiving office's older program does not know: not "
                    "imported, update the program there"),
    RULE_OVER_APPROVED: ("Giải ngân lần hai hoặc vượt số đã duyệt: không tính",
                         "A second payout, or more than approved: kept out"),
    RULE_NOT_PAID_OUT: ("Khoản vay chưa giải ngân nên không tính giải ngân/trả nợ này",
                        "The loan is not paid out, so this payout/repayment is kept out"),
    RULE_OVER_DISBURSED: ("Trả gốc vượt số đã giải ngân: không tính",
                          "More principal repaid than paid out: kept out"),
}
DUPLICATE_STATUSES = ("open", "same_person", "different")


def reason_label(reason: str) -> tuple[str, str]:
    """(Vietnamese, English) label of an inbox entry's reason, known or not."""
    return RULES.get(reason, OTHER_REASON)


def conflict_id(table: str, row_id: str, loser_version: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"conflict:{table}:{row_id}:{loser_version}"))


def duplicate_id(worker_1: str, worker_2: str) -> str:
    a, b = sorted((worker_1, worker_2))
    return str(uuid.uuid5(_NAMESPACE, f"possible_duplicate:{a}:{b}"))


def merge_rank(table: str, values: dict) -> int:
    if table == "loan_application":
        return loan_status_rank(values["status"])
    if table == "conflict":
        return 1 if values["resolution"] else 0
    if table == "possible_duplicate":  # a hub clerk's decision wins over an open copy
        return 0 if values["status"] == "open" else 1
    if table == "transfer":
        # The hub's answer (done, refused) wins over the commune's request, even over a
        # request asked again later, before the commune learnt the answer: otherwise the
        # request would undo the move at the hub (and its order among later moves).
        return 0 if values["status"] == "requested" else 1
    return 0


def wins(table: str, incoming: dict, local: dict) -> bool:
    return ((merge_rank(table, incoming), incoming["version"])
            > (merge_rank(table, local), local["version"]))


def record_text(spec: TableSpec, values: dict) -> str:
    # Same canonical JSON as bundle_file.canonical_json (sorted keys, no spaces).
    return json.dumps(encode_values(spec, values), ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))


def conflict_values(spec: TableSpec, winner: dict, loser: dict, commune: str | None,
                    reason: str = "") -> dict:
    """An inbox entry without its stamp (origin, version: the writer adds them)."""
    now = utcnow()
    # An entry for a value this program did not know is no clash: a clash over the same
    # version (a local edit that did not know it, sync/newer_values.py) has its own entry.
    table = spec.name if reason != UNKNOWN_VALUE else f"{spec.name}:{UNKNOWN_VALUE}"
    return {"id": conflict_id(table, loser["id"], loser["version"]),
            "table_name": spec.name, "row_id": loser["id"],
            "winner": record_text(spec, winner), "loser": record_text(spec, loser),
            "commune_code": commune, "reason": reason, "resolution": "",
            "resolved_at": None, "resolved_by": "", "deleted": False,
            "created_at": now, "updated_at": now}


def decode_pair(table_name: str, winner: str, loser: str) -> tuple[TableSpec, dict, dict]:
    """The two versions of an entry as python values (ValueError if they are not records)."""
    spec = TABLES.get(table_name)
    if spec is None or table_name in SYNC_STATE_TABLES:
        raise ValueError("table")
    try:
        w = decode_stored(winner)
        lo = decode_stored(loser)
    except Exception as exc:  # any malformed text: the caller names the record
        raise ValueError("record") from exc
    if w[0] is not spec or lo[0] is not spec:
        raise ValueError("table")
    return spec, w[1], lo[1]


def check_state_records(name: str, items: list[tuple[int, dict]], scope,
                        own_id: str = "") -> None:
    """Refuse an inbox entry or duplicate link that is malformed or outside the sender's
    scope (``scope`` None: the hub). Raises the sync record error naming the line.

    An entry or link written by this very node (``own_id``) coming home after a restore
    (``inbound.admit`` let it in) is ours, not the sender's: only its form is checked. A
    ``stale`` entry of the hub is kept in the losing commune while its winner names the
    worker's new commune, so the losing commune's repair bundle carries it back."""
    def refuse(line: int, vi: str, en: str):
        raise record_error(line, name, vi, en)

    for line, v in items:
        home = bool(own_id) and v["origin"] == own_id
        if name == "conflict":
            try:
                _, w, lo = decode_pair(v["table_name"], v["winner"], v["loser"])
            except ValueError:
                refuse(line, "hai phiên bản của xung đột không đọc được",
                       "the two versions of the conflict cannot be read")
            if w["id"] != v["row_id"] or lo["id"] != v["row_id"]:
                refuse(line, "xung đột không khớp với bản ghi của nó",
                       "the conflict does not match its record")
            # A reason this program does not know labels an entry of a newer program; it
            # changes no data here, so any well-formed one is taken (value_lists.SHOWN_ONLY).
            reason_ok = v["reason"] in RULES or _REASON_NAME.fullmatch(v["reason"])
            if v["resolution"] not in RESOLUTIONS or not reason_ok:
                refuse(line, "cách giải quyết xung đột không hợp lệ",
                       "invalid conflict resolution")
            codes = [v["commune_code"]]
            if home:
                continue
            if v["reason"] == "moved_out" and v["table_name"] == "worker" and scope is not None:
                # The hub moved the worker away: only the sender's own (losing) copy is its.
                if lo["commune_code"] not in scope or v["commune_code"] not in scope:
                    refuse(line, "bản ghi ngoài phạm vi đã xác nhận cho đơn vị gửi",
                           "the record is outside the scope confirmed for the sender")
            elif v["table_name"] in ("worker", "event") and scope is not None:
                # The versions themselves must be of the sender's communes too.
                codes += [w["commune_code"], lo["commune_code"]]
                if not all(c in scope for c in codes):
                    refuse(line, "bản ghi ngoài phạm vi đã xác nhận cho đơn vị gửi",
                           "the record is outside the scope confirmed for the sender")
        else:
            if (v["worker_id_1"] >= v["worker_id_2"]
                    or v["id"] != duplicate_id(v["worker_id_1"], v["worker_id_2"])
                    or v["status"] not in DUPLICATE_STATUSES):
                refuse(line, "liên kết trùng người không hợp lệ",
                       "invalid possible-duplicate link")
            codes = [v["commune_code_1"], v["commune_code_2"]]
        if scope is not None and not home and not any(c in scope for c in codes):
            refuse(line, "bản ghi ngoài phạm vi đã xác nhận cho đơn vị gửi",
                   "the record is outside the scope confirmed for the sender")
