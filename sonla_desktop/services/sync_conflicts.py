"""The conflicts inbox: versions that lost last-writer-wins while both sides were editing,
and payouts or repayments a loan rule kept out after a merge.

Entries travel in bundles (models/sync_state.py), so the office whose edit lost sees it too.
They store the winner and the loser; "mine" is the version this office wrote, if either.
Resolving never deletes history: the chosen version is written again as a new local edit,
and the entry records the decision, both stamped with the SAME clock version. Entry and row
then win or lose together on every node: a later decision elsewhere supersedes this one
everywhere, data included (sync/conflict_rules.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from ..domain.loan_invariants import status_rank
from ..domain.text import name_sort_key
from ..domain.worker_rules import clean_worker, worker_search_text
from ..errors import DuplicateError, NotFoundError, UserError
from ..models import SYNCED_MODELS, Conflict, Node, utcnow
from ..sync.conflict_rules import RULES, UNKNOWN_VALUE, reason_label
from ..sync.merge import conflict_records
from ..sync.records import encode_values
from ..sync.value_lists import unknown_columns
from .context import ServiceContext
from .workers import find_by_national_id, reference_codes

KEEP_CHOICES = ("mine", "theirs")
_MODELS = {m.__tablename__: m for m in SYNCED_MODELS}

TABLE_LABELS_VI = {
    "admin_unit": "Xã/phường", "ethnic_group": "Dân tộc", "market": "Thị trường",
    "policy_group": "Nhóm chính sách", "policy_rate": "Lãi suất", "policy_param": "Tham số",
    "loan_rule": "Quy định cho vay", "target": "Chỉ tiêu", "worker": "Người lao động",
    "loan_application": "Khoản vay",
    "loan_cost_line": "Chi phí khoản vay", "disbursement": "Giải ngân", "repayment": "Trả nợ",
    "event": "Hội nghị tư vấn", "attendance": "Người dự hội nghị",
    "transfer": "Chuyển xã/phường",
}
TABLE_LABELS_EN = {
    "admin_unit": "Commune/ward", "ethnic_group": "Ethnic group", "market": "Market",
    "policy_group": "Policy group", "policy_rate": "Interest rate", "policy_param": "Parameter",
    "loan_rule": "Loan rule", "target": "Target", "worker": "Worker",
    "loan_application": "Loan",
    "loan_cost_line": "Loan cost", "disbursement": "Disbursement", "repayment": "Repayment",
    "event": "Counselling event", "attendance": "Event attendance",
    "transfer": "Move between communes",
}


# Plain sentences for inbox entries that are not two concurrent edits (sync.transfers).
REASON_TEXT_VI = {
    "stale": "Bản sửa này đến sau khi văn phòng tỉnh đã chuyển người lao động sang xã/phường "
             "khác; nó không được áp dụng. Giữ bản của họ (theirs) để chép các thông tin đã sửa "
             "nhưng giữ nguyên xã/phường mới.",
    "moved_out": "Văn phòng tỉnh đã chuyển người lao động này sang xã/phường khác trước khi "
                 "nhận được bản sửa này ở đây; bản sao ở đây đã bị bỏ. Hãy báo bản sửa cho văn "
                 "phòng tỉnh hoặc xã/phường mới. (Nếu bản ghi là của văn phòng tỉnh thì tỉnh đã "
                 "mất nó khi khôi phục: hãy nhập lại ở tỉnh.)",
    "orphan": "Bản ghi này (khoản vay, giải ngân, trả nợ, danh sách dự hội nghị…) đến trong một "
              "tệp đồng bộ nhưng người lao động, khoản vay hoặc hội nghị mà nó thuộc về không có "
              "ở đây (thường do một bên đã khôi phục cơ sở dữ liệu từ bản sao lưu); nó chưa được "
              "nhập, phần còn lại của tệp đã nhập. Hãy đề nghị bên gửi xuất tệp đầy đủ (--full); "
              "bản ghi sẽ được nhập khi dữ liệu nó thuộc về đến, và mục này tự đóng. Đánh dấu đã "
              "giải quyết chỉ đóng mục này.",
    UNKNOWN_VALUE: "Bản ghi này đến từ văn phòng dùng phiên bản chương trình mới hơn và có giá "
                   "trị (ví dụ một trạng thái mới) mà chương trình ở văn phòng nhận chưa biết; "
                   "nó chưa được nhập ở đó, phần còn lại của tệp đã nhập. Hãy cập nhật chương "
                   "trình ở văn phòng đó: các tệp đồng bộ sau sẽ tự mang bản ghi tới và nó được "
                   "nhập. Đánh dấu đã giải quyết chỉ đóng mục này.",
}
REASON_TEXT_EN = {
    "stale": "This edit arrived after the hub had moved the worker to another commune; it was "
             "not applied. Keep theirs to copy the edited fields while keeping the new commune.",
    "moved_out": "The hub moved this worker to another commune before it received this edit "
                 "made here; the copy here was dropped. Pass the edit on to the hub or the new "
                 "commune. (When the hub's own record is shown, the hub had lost it in a "
                 "restore: enter it again at the hub.)",
    "orphan": "This record (a loan, payout, repayment, attendance…) came in a sync file, but "
              "the worker, loan or event it belongs to is not held here (usually because an "
              "office restored its database from a backup); it was not imported, the rest of "
              "the file was. Ask the sender for a full export (--full); the record imports once "
              "what it belongs to arrives, and this entry then closes by itself. Resolving "
              "only closes this entry.",
    UNKNOWN_VALUE: "This record came from an office whose program is newer and holds a value "
                   "(a new status, say) that the program of the office that received it does "
                   "not know yet; it was not imported there, the rest of the file was. Update "
                   "the program at that office: the next sync files bring the record again by "
                   "themselves and it imports. Resolving only closes this entry.",
}
# An entry whose reason this program does not know: a newer program wrote it.
OTHER_REASON_TEXT = (
    "Mục này do phiên bản chương trình mới hơn ở một văn phòng khác ghi, với lý do mà chương "
    "trình này chưa biết; dữ liệu không bị thay đổi vì nó. Hãy cập nhật chương trình để xem "
    "rõ lý do. Đánh dấu đã giải quyết chỉ đóng mục này.",
    "A newer program version at another office wrote this entry, for a reason this program "
    "does not know yet; no data was changed because of it. Update the program to see the "
    "reason. Resolving only closes this entry.")


@dataclass(frozen=True)
class ConflictView:
    id: str
    table: str
    row_id: str
    title: str  # e.g. the worker's name, for the list
    created_at: datetime
    resolved_at: datetime | None
    resolution: str
    mine: dict  # JSON-safe record values
    theirs: dict
    differing: list[str]  # data columns whose values differ
    mine_by: str = ""  # name of the office that wrote each version
    theirs_by: str = ""
    in_use: str = ""  # "mine" | "theirs" | "" (the row changed again since)
    reason: str = ""  # "" (edited at both ends), a rule key (conflict_rules.RULES), or
    # "stale" / "moved_out" (a worker's move between communes, sync.transfers)
    resolved_by: str = ""  # name of the office that decided

    @property
    def reason_vi(self) -> str:
        return reason_label(self.reason)[0]

    @property
    def reason_en(self) -> str:
        return reason_label(self.reason)[1]

    def as_json(self) -> dict:
        return {"id": self.id, "table": self.table, "row_id": self.row_id, "title": self.title,
                "created_at": self.created_at.isoformat(),
                "resolved_at": self.resolved_at.isoformat() if self.resolved_at else None,
                "resolution": self.resolution or None, "differing": self.differing,
                "in_use": self.in_use or None, "mine_by": self.mine_by,
                "theirs_by": self.theirs_by, "mine": self.mine, "theirs": self.theirs,
                "reason": self.reason or None, "reason_en": self.reason_en,
                "reason_text": reason_text_of(self.reason)[0] or None,
                "resolved_by": self.resolved_by or None}


def reason_text_of(reason: str) -> tuple[str, str]:
    """(Vietnamese, English) sentence saying why an entry is here ("" for two edits and the
    loan rules, whose label says it)."""
    if reason and reason not in RULES:
        return OTHER_REASON_TEXT
    return REASON_TEXT_VI.get(reason, ""), REASON_TEXT_EN.get(reason, "")


def _title(table: str, values: dict) -> str:
    for key in ("full_name", "topic", "name", "name_vi", "label", "key", "code"):
        if values.get(key):
            return str(values[key])
    if table == "target":
        return f"{values.get('year')} {values.get('commune_code') or ''}".strip()
    return values.get("id", "")


def _sides(row: Conflict, me: str) -> tuple[object, dict, dict, bool]:
    """(spec, mine, theirs, mine_is_loser): "mine" is the version this office wrote."""
    spec, winner, loser = conflict_records(row)
    if loser["origin"] == me:  # (a payout a rule kept out: even if tombstoned here)
        return spec, loser, winner, True
    return spec, winner, loser, False


def _relative(resolution: str, mine_is_loser: bool) -> str:
    if not resolution:
        return ""
    return "mine" if (resolution == "loser") == mine_is_loser else "theirs"


def _view(s, row: Conflict, names: dict[str, str], me: str) -> ConflictView:
    spec, mine, theirs, mine_is_loser = _sides(row, me)
    differing = [c for c in spec.data_columns if mine[c] != theirs[c]]
    mine_j = encode_values(spec, mine)
    theirs_j = encode_values(spec, theirs)
    mine_j.pop("table")
    theirs_j.pop("table")
    current = s.get(_MODELS[spec.name], row.row_id)
    in_use = ""
    if current is not None:
        # By the data, not the version: a resolution writes the kept version again.
        for label, values in (("mine", mine), ("theirs", theirs)):
            if all(getattr(current, c) == values[c] for c in spec.data_columns):
                in_use = label
                break
    return ConflictView(row.id, row.table_name, row.row_id, _title(row.table_name, theirs),
                        row.created_at, row.resolved_at,
                        _relative(row.resolution, mine_is_loser), mine_j, theirs_j,
                        differing, names.get(mine["origin"], mine["origin"]),
                        names.get(theirs["origin"], theirs["origin"]), in_use, row.reason,
                        names.get(row.resolved_by, row.resolved_by))


def _names(s) -> dict[str, str]:
    return {n.id: n.name for n in s.scalars(select(Node))}


def list_conflicts(ctx: ServiceContext, include_resolved: bool = False) -> list[ConflictView]:
    ctx.require("sync.read")
    with ctx.db.session() as s:
        stmt = select(Conflict).order_by(Conflict.created_at, Conflict.id)
        if not include_resolved:
            stmt = stmt.where(Conflict.resolved_at.is_(None))
        names = _names(s)
        return [_view(s, r, names, ctx.node_id) for r in s.scalars(stmt)]


def count_open_conflicts(ctx: ServiceContext) -> int:
    ctx.require("status.read")
    with ctx.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Conflict)
                            .where(Conflict.resolved_at.is_(None))) or 0)


def get_conflict(ctx: ServiceContext, conflict_id: str) -> ConflictView:
    ctx.require("sync.read")
    with ctx.db.session() as s:
        return _view(s, _load(s, conflict_id), _names(s), ctx.node_id)


def _load(s, conflict_id: str) -> Conflict:
    row = s.get(Conflict, conflict_id)
    if row is None:
        matches = s.scalars(select(Conflict).where(Conflict.id.startswith(conflict_id))).all()
        row = matches[0] if len(matches) == 1 and len(conflict_id) >= 4 else None
    if row is None:
        raise NotFoundError(f"Không có xung đột {conflict_id}.", f"No conflict {conflict_id}.")
    return row


def resolve_conflict(ctx: ServiceContext, conflict_id: str, keep: str) -> bool:
    """Keep ``mine`` or ``theirs``. Returns True if the row's data had to change.

    The row is written again even when its data already matches (keeping the version in
    place): the decision and the row share one new version, so a concurrent decision made
    elsewhere meets this one with the same outcome for both (case 7 of issue #20).
    """
    ctx.require("sync.write")
    if keep not in KEEP_CHOICES:
        raise UserError("Chọn giữ bản của tôi (mine) hoặc bản của họ (theirs).",
                        "Choose to keep mine or theirs.")
    with ctx.transaction() as s:
        conflict = _load(s, conflict_id)
        if conflict.resolved_at is not None:
            raise UserError("Xung đột này đã được giải quyết.",
                            "This conflict is already resolved.")
        spec, mine, theirs, mine_is_loser = _sides(conflict, ctx.node_id)
        chosen = mine if keep == "mine" else theirs
        keeps_loser = (keep == "mine") == mine_is_loser
        model = _MODELS[spec.name]
        row = s.get(model, conflict.row_id)
        # A moved-out copy has no row left here; an orphan's row is the sender's (here only
        # once its parent came), so is a record set aside for a value this program did not
        # know; a reason a newer program added may mean anything: resolving only says the
        # clerk has read it.
        if ((row is None and conflict.reason == "moved_out")
                or conflict.reason in ("orphan", UNKNOWN_VALUE)
                or conflict.reason not in RULES):
            # Nothing left here to write: the clerk has read it; the decision still travels.
            conflict.origin, conflict.version = ctx.node_id, ctx.next_version(s)
            conflict.updated_at = conflict.resolved_at = utcnow()
            conflict.resolution = "loser" if keeps_loser else "winner"
            conflict.resolved_by = ctx.node_id
            ctx.audit(s, "resolve", spec.name, conflict.row_id, {"keep": (None, keep)})
            return False
        if row is None:
            raise NotFoundError("Bản ghi của xung đột này không còn trong cơ sở dữ liệu.",
                                "The record of this conflict is no longer in the database.")
        # Edits (both ends, or a late one after a move) can be kept either way; a row a
        # loan rule kept out cannot be put back from here.
        editable = conflict.reason in ("", "stale")
        # Settling a clash never moves a worker: a move is `workers move`, which records the
        # transfer every office follows (a kept edit made before the hub moved the worker
        # would otherwise put it back where it left, with no transfer saying so).
        keep_here = {"id", "commune_code"} if spec.name == "worker" else {"id"}
        changes: dict = {}
        if not editable and keeps_loser:
            raise UserError(
                f"Không giữ được bản này: {conflict_rule_vi(conflict.reason)}. Hãy sửa khoản "
                "vay (số duyệt, giải ngân) cho đúng rồi nhập lại nếu cần.",
                f"Cannot keep this version: {reason_label(conflict.reason)[1]}. Correct the loan "
                "(approved amount, payout) first and enter it again if needed.")
        if editable:
            _check_known_values(spec.name, chosen)
            changes = {c: (getattr(row, c), chosen[c]) for c in spec.data_columns
                       if c not in keep_here and getattr(row, c) != chosen[c]}
            _check_state_machine(spec.name, row, chosen)
            if spec.name == "worker":
                if changes:
                    _check_worker(s, chosen, row.national_id)
                row.search_text = worker_search_text(chosen)
                row.sort_key = name_sort_key(chosen["full_name"])
            for c, (_, new) in changes.items():
                setattr(row, c, new)
        version = ctx.next_version(s)
        if editable:
            row.origin, row.version, row.updated_at = ctx.node_id, version, utcnow()
        conflict.origin, conflict.version, conflict.updated_at = ctx.node_id, version, utcnow()
        conflict.resolved_at = utcnow()
        conflict.resolution = "loser" if keeps_loser else "winner"
        conflict.resolved_by = ctx.node_id
        ctx.audit(s, "resolve", spec.name, conflict.row_id,
                  {"keep": (None, keep), **changes})
        return bool(changes)


def conflict_rule_vi(reason: str) -> str:
    return reason_label(reason)[0].lower()


def _check_known_values(table: str, chosen: dict) -> None:
    """A version a newer program wrote (the entry came from an office already upgraded) may
    hold a value this program does not know: writing it here would make this office send
    it on, and an office of this version refuse the whole bundle (sync/value_lists.py)."""
    unknown = unknown_columns(table, chosen)
    if unknown:
        shown = ", ".join(f"{c} = {chosen[c]}" for c in unknown)
        raise UserError(
            f"Không giữ được bản này ở đây: nó có giá trị mà phiên bản chương trình này chưa "
            f"biết ({shown}). Hãy cập nhật chương trình rồi chọn lại.",
            f"Cannot keep this version here: it holds a value this program version does not "
            f"know ({shown}). Update the program, then choose again.")


def _check_state_machine(table: str, row, chosen: dict) -> None:
    """A loan never goes back along its workflow, not even by a resolution."""
    if table == "loan_application" and status_rank(chosen["status"]) < status_rank(row.status):
        raise UserError(
            "Không giữ được bản này: khoản vay đã sang bước sau (ví dụ đã giải ngân) và không "
            "quay lại bước trước được.",
            "Cannot keep this version: the loan has moved on (e.g. it was paid out) and cannot "
            "go back a step.")


def _check_worker(s, values: dict, current_national_id: str | None) -> None:
    _, errors = clean_worker(values, reference_codes(s))
    if errors:
        err = next(iter(errors.values()))
        raise UserError(f"Không giữ được bản này: {err.vi}", f"Cannot keep this version: {err.en}")
    nid = values.get("national_id")
    # The same CCCD already on two records came from two ends and is linked as a possible
    # duplicate (sync/invariants.py): keeping it is no new duplicate.
    if nid and not values["deleted"] and nid != current_national_id:
        other = find_by_national_id(s, nid, exclude_id=values["id"])
        if other is not None:
            raise DuplicateError(
                f"Không giữ được bản này: số CCCD {nid} đã thuộc về {other.full_name}.",
                f"Cannot keep this version: national ID {nid} belongs to {other.full_name}.",
                existing_id=other.id)
