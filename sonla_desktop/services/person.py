"""A person's request to see what is held about them (Law 91/2025/QH15, art. 4; answered
within 2 working days by the office): everything about one worker as JSON, plus a readable
PDF beside it. One user action, audited as an ``export`` of the worker.

"Everything" includes what only sync keeps: copies in the conflicts inbox, possible-duplicate
links, columns a newer program version sent with the person's rows (``sync/extra.py``) and
the rows of a person who moved to another commune, kept here for a while after the move
(``sync/dropped.py``). A person moved away is still answered from that archive.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..domain.person_rights import METHOD_LABELS_VI
from ..domain.worker_rules import STATUS_LABELS_VI
from ..errors import NotFoundError
from ..files import write_bytes_atomically
from ..models import (
    Attendance,
    AuditLog,
    Conflict,
    Consent,
    Disbursement,
    DroppedRow,
    Erasure,
    Event,
    LoanApplication,
    LoanCostLine,
    Node,
    PossibleDuplicate,
    Repayment,
    SyncExtra,
    Transfer,
    Worker,
)
from ..reports.person_pdf import PersonSheet, PersonTable, render_person_pdf
from ..sync.conflict_rules import reason_label
from ..sync.dropped import KEEP_DAYS
from ..sync.records import TABLE_KEY
from .audit import _entry
from .context import ServiceContext
from .duplicates import STATUS_VI

FORMAT = "sonla-desktop/person-export/1"
# Columns that only serve this program (search folding, collation key): not the person's data.
_INTERNAL = {"search_text", "sort_key"}


def _value(v: object) -> object:
    if isinstance(v, date | datetime):
        return v.isoformat()
    if isinstance(v, Decimal):
        return str(v)
    return v


def _row(obj: object) -> dict:
    return {c.name: _value(getattr(obj, c.name)) for c in obj.__table__.columns
            if c.name not in _INTERNAL}


def _where(s: Session, model, *conds) -> list:
    return list(s.scalars(select(model).where(*conds).order_by(model.created_at, model.id)))


def _in(s: Session, column, ids: set[str], *select_from) -> list:
    """Rows whose ``column`` is one of ``ids`` (in slices: SQLite's variable limit)."""
    ordered, out = sorted(ids), []
    for start in range(0, len(ordered), 500):
        out.extend(s.execute(select(*select_from).where(column.in_(ordered[start:start + 500])))
                   .all())
    return out


def _archived(s: Session, worker_id: str) -> list[dict]:
    """The person's rows a move dropped here, as the bundle records kept (sync/dropped.py)."""
    out = []
    for row in s.scalars(select(DroppedRow).where(DroppedRow.worker_id == worker_id)
                         .order_by(DroppedRow.table_name, DroppedRow.row_id)):
        record = {k: v for k, v in json.loads(row.record).items()
                  if k != TABLE_KEY and k not in _INTERNAL}
        out.append({"table": row.table_name, "row_id": row.row_id,
                    "dropped_at": _value(row.dropped_at), "record": record})
    return out


def person_row_ids(s: Session, worker_id: str) -> set[str]:
    """The ids of every row about one worker: the worker, loans with their lines, payouts
    and repayments, attendances, consents, transfers, erasures."""
    ids = {worker_id}
    loans = set(s.scalars(select(LoanApplication.id).where(
        LoanApplication.worker_id == worker_id)))
    ids |= loans
    for model in (LoanCostLine, Disbursement, Repayment):
        ids.update(r for (r,) in _in(s, model.loan_id, loans, model.id))
    for model in (Attendance, Consent, Transfer, Erasure):
        ids.update(s.scalars(select(model.id).where(model.worker_id == worker_id)))
    return ids


def gather(s: Session, worker_id: str) -> dict:
    """Every row this database holds about one worker, as JSON-safe dicts."""
    worker = s.get(Worker, worker_id)
    archived = _archived(s, worker_id)
    held = _row(worker) if worker is not None else next(
        (a["record"] for a in archived if a["table"] == "worker"), None)
    if held is None:
        raise NotFoundError(f"Không tìm thấy người lao động {worker_id}.",
                            f"Worker {worker_id} not found.")
    loans = []
    for loan in _where(s, LoanApplication, LoanApplication.worker_id == worker_id):
        item = _row(loan)
        for key, model in (("cost_lines", LoanCostLine), ("disbursements", Disbursement),
                           ("repayments", Repayment)):
            item[key] = [_row(c) for c in _where(s, model, model.loan_id == loan.id)]
        loans.append(item)
    attendances = []
    for att in _where(s, Attendance, Attendance.worker_id == worker_id):
        item = _row(att)
        event = s.get(Event, att.event_id)
        item["event"] = {"date": _value(event.event_date), "place": event.place,
                         "topic": event.topic} if event else None
        attendances.append(item)
    consents = _where(s, Consent, Consent.worker_id == worker_id)
    transfers = _where(s, Transfer, Transfer.worker_id == worker_id)
    erasures = _where(s, Erasure, Erasure.worker_id == worker_id)
    ids = person_row_ids(s, worker_id) | {a["row_id"] for a in archived}
    audit = [_entry(r).as_json() for (r,) in sorted(
        _in(s, AuditLog.entity_id, ids, AuditLog), key=lambda r: r[0].seq)]
    inbox = [{"id": c.id, "table": c.table_name, "row_id": c.row_id, "reason": c.reason,
              "resolution": c.resolution, "created_at": _value(c.created_at),
              "winner": json.loads(c.winner), "loser": json.loads(c.loser)}
             for (c,) in sorted(_in(s, Conflict.row_id, ids, Conflict),
                                key=lambda r: (r[0].created_at, r[0].id))]
    duplicates = _where(s, PossibleDuplicate, or_(PossibleDuplicate.worker_id_1 == worker_id,
                                                  PossibleDuplicate.worker_id_2 == worker_id))
    kept = {row_id: json.loads(columns) for row_id, columns in sorted(
        _in(s, SyncExtra.row_id, ids, SyncExtra.row_id, SyncExtra.columns))}
    office = s.scalar(select(Node.name).where(Node.is_self.is_(True))) or ""
    return {
        "format": FORMAT, "office": office, "worker": held, "held_here": worker is not None,
        "loans": loans, "attendances": attendances, "consents": [_row(c) for c in consents],
        "transfers": [_row(t) for t in transfers], "erasures": [_row(e) for e in erasures],
        "audit": audit, "inbox": inbox, "possible_duplicates": [_row(d) for d in duplicates],
        "kept_columns": kept, "archived": archived,
    }


_IDENTITY_LABELS = (
    ("full_name", "Họ và tên"), ("birth_date", "Ngày sinh"), ("birth_year", "Năm sinh"),
    ("sex", "Giới tính"), ("national_id", "Số CCCD"), ("id_issued_on", "Ngày cấp CCCD"),
    ("phone", "Điện thoại"), ("ethnic_code", "Dân tộc (mã)"), ("commune_code", "Xã/phường (mã)"),
    ("village", "Bản/Tổ dân phố"), ("household", "Hộ nghèo/cận nghèo"),
    ("education", "Trình độ học vấn"), ("market_code", "Thị trường"),
    ("occupation", "Ngành nghề"), ("agency", "Doanh nghiệp đưa đi"), ("status", "Trạng thái"),
    ("departure_date", "Ngày xuất cảnh"), ("return_date", "Ngày về nước"),
    ("contract_months", "Thời hạn hợp đồng (tháng)"), ("notes", "Ghi chú"),
)
_HOUSEHOLD_VI = {"poor": "Hộ nghèo", "near_poor": "Hộ cận nghèo", "none": "Không"}


def _text(v: object) -> str:
    if v is None or v == "":
        return ""
    if isinstance(v, bool):
        return "Có" if v else "Không"
    if isinstance(v, str) and len(v) == 10 and v[4] == "-" and v[7] == "-":
        return f"{v[8:]}/{v[5:7]}/{v[:4]}"
    return str(v)


def _vnd(v: int | None) -> str:
    return "" if v is None else f"{v:,}".replace(",", ".")  # Vietnamese digit grouping


def sheet(data: dict, today: date) -> PersonSheet:
    """The PDF's data classes from the gathered JSON (so both files say the same)."""
    w = data["worker"]
    shown = {**w, "sex": {"M": "Nam", "F": "Nữ"}.get(w["sex"], w["sex"]),
             "household": _HOUSEHOLD_VI.get(w["household"], w["household"]),
             "status": STATUS_LABELS_VI.get(w["status"], w["status"])}
    identity = [(label, _text(shown.get(k))) for k, label in _IDENTITY_LABELS]
    loans = [[_text(x["application_date"]), x["status"], _vnd(x["requested_vnd"]),
              _vnd(x["approved_vnd"]), _vnd(sum(d["amount_vnd"] for d in x["disbursements"])),
              _vnd(sum(r["principal_vnd"] for r in x["repayments"]))] for x in data["loans"]]
    tables = [
        PersonTable("Khoản vay", ["Ngày đề nghị", "Tình trạng", "Đề nghị (đồng)",
                                  "Được duyệt (đồng)", "Đã giải ngân (đồng)", "Đã trả gốc (đồng)"],
                    loans),
        PersonTable("Tham dự hội nghị", ["Ngày", "Địa điểm", "Chủ đề"],
                    [[_text(a["event"]["date"]), a["event"]["place"], a["event"]["topic"]]
                     for a in data["attendances"] if a["event"]]),
        PersonTable("Sự đồng ý xử lý dữ liệu cá nhân",
                    ["Mục đích", "Ngày", "Hình thức", "Người làm chứng", "Người ghi nhận",
                     "Rút lại ngày"],
                    [[c["purpose"], _text(c["given_on"]),
                      METHOD_LABELS_VI.get(c["method"], c["method"]), c["witness"],
                      c["recorded_by"], _text(c["withdrawn_on"])]
                     for c in data["consents"] if not c["deleted"]]),
        PersonTable("Chuyển xã/phường", ["Từ", "Sang", "Tình trạng", "Ngày ghi"],
                    [[t["from_commune"], t["to_commune"], t["status"], _text(t["created_at"][:10])]
                     for t in data["transfers"]]),
        PersonTable("Nhật ký truy cập và thay đổi", ["Thời điểm", "Người thực hiện", "Việc",
                                                     "Bản ghi", "Trường"],
                    [[e["at"].replace("T", " "), e["user"], e["action"], e["entity"],
                      ", ".join(sorted(e["changes"]))] for e in data["audit"]]),
        PersonTable("Bản sao trong mục Xung đột đồng bộ", ["Ngày ghi", "Bảng", "Lý do", "Đã xử lý"],
                    [[_text(c["created_at"][:10]), _TABLE_VI.get(c["table"], c["table"]),
                      _reason(c["reason"]), "Có" if c["resolution"] else "Chưa"]
                     for c in data["inbox"]]),
        PersonTable("Hồ sơ có thể trùng", ["Mã hồ sơ kia", "Số CCCD", "Tình trạng"],
                    [[d["worker_id_2"] if d["worker_id_1"] == w["id"] else d["worker_id_1"],
                      d["national_id"], STATUS_VI.get(d["status"], d["status"])]
                     for d in data["possible_duplicates"]]),
        PersonTable("Dữ liệu do phiên bản chương trình mới hơn gửi đến",
                    ["Bản ghi", "Trường", "Giá trị"],
                    [[row_id, column, _text(value)]
                     for row_id, columns in data["kept_columns"].items()
                     for column, value in sorted(columns.items())]),
        PersonTable("Bản lưu sau khi chuyển đi xã/phường khác", ["Bảng", "Mã bản ghi", "Lưu từ"],
                    [[_TABLE_VI.get(a["table"], a["table"]), a["row_id"],
                      _text(a["dropped_at"][:10])] for a in data["archived"]]),
    ]
    note = ("Giá trị nhạy cảm trong nhật ký được lưu dưới dạng mã băm, không lưu nguyên văn. "
            "Bản đầy đủ ở tệp JSON đi kèm.")
    if not data["held_here"]:
        note = (f"Người này đã chuyển sang xã/phường khác: đơn vị chỉ còn giữ bản lưu (tối đa "
                f"{KEEP_DAYS} ngày sau khi chuyển, để khôi phục nếu cần). " + note)
    return PersonSheet(w["full_name"], w["id"], data["office"], today, identity, tables,
                       note=note)


_TABLE_VI = {"worker": "Người lao động", "loan_application": "Hồ sơ vay",
             "loan_cost_line": "Chi phí vay", "disbursement": "Giải ngân",
             "repayment": "Trả nợ", "attendance": "Tham dự hội nghị", "consent": "Sự đồng ý",
             "transfer": "Chuyển xã/phường", "erasure": "Xoá thông tin"}


def _reason(key: str) -> str:
    """The inbox's own words for a reason (a newer program's: its generic label)."""
    return reason_label(key)[0]


def export_person(ctx: ServiceContext, worker_id: str, target: Path,
                  today: date | None = None) -> tuple[Path, Path]:
    """Write ``target`` (JSON) and the same name with ``.pdf``; returns both paths."""
    ctx.require("exports.workers")
    target = Path(target)
    pdf = target.with_suffix(".pdf")
    with ctx.db.session() as s:
        data = gather(s, worker_id)
    data["exported_at"] = datetime.now().isoformat(timespec="seconds")
    data["exported_by"] = ctx.user
    payload = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
    write_bytes_atomically(target, payload)
    render_person_pdf(sheet(data, today or date.today()), pdf)
    with ctx.transaction() as s:
        ctx.audit(s, "export", "worker", worker_id,
                  {"file": (None, target.name), "pdf": (None, pdf.name)})
    return target, pdf
