"""Rows of the "Người lao động" sheet: a CCCD already in the database updates that worker,
otherwise a new worker is created. Every row goes through ``worker_rules.clean_worker``,
exactly like the entry form.

On an update, an empty cell keeps what is stored: a list that lacks, say, phone numbers
must not erase the ones the office already has.
"""

from __future__ import annotations

from sqlalchemy import select

from ...domain.identity import validate_national_id
from ...domain.worker_rules import DERIVED_FIELDS, clean_worker
from ...errors import UserError
from ...models import Worker, new_id
from ...sync.ownership import move_refusal, outside_scope_refusal
from ..context import changed_fields
from ..workers import EDITABLE_FIELDS
from .plan import ImportPlan, WorkerRef, chunks
from .reader import Row, SheetData

# Fields the sheet can carry (the rest of EDITABLE_FIELDS are derived).
SHEET_FIELDS = (
    "full_name", "birth_date", "sex", "national_id", "phone", "ethnic_code", "commune_code",
    "village", "household", "market_code", "occupation", "agency", "status", "departure_date",
    "notes", "return_date", "birth_year", "education", "contract_months", "id_issued_on",
)
# Where to show a rule's complaint about a field the sheet has no column for.
_FALLBACK = {"return_date": "status", "birth_year": "birth_date", "id_issued_on": "national_id",
             "contract_months": "status", "departure_date": "status"}


def quick_nid(value: object) -> str | None:
    """The CCCD a cell stands for, or None when it is not a readable ID (reported later)."""
    if value in (None, ""):
        return None
    try:
        return _nid_cache[value]
    except (KeyError, TypeError):
        pass
    try:
        nid = validate_national_id(value)
    except UserError:
        nid = None
    if len(_nid_cache) > 200_000:
        _nid_cache.clear()
    _nid_cache[value] = nid
    return nid


# Each ID is looked up several times per import (prefetch, its row, the loans sheet).
_nid_cache: dict[object, str | None] = {}


def restored_zeros(row: Row, raw: object, nid: str) -> None:
    """Say so when a number cell lost the ID's leading zeros and we put them back."""
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        typed = str(int(raw))
        if typed != nid:
            row.notice("national_id",
                       f"Dòng {row.number}: số CCCD {typed} đã được thêm số 0 đầu thành {nid}.",
                       f"Row {row.number}: ID number {typed} had its leading zero restored: "
                       f"{nid}.")


def _ref(worker_id: str, values: dict, valid: bool, row: int | None) -> WorkerRef:
    return WorkerRef(worker_id, values.get("household"), values.get("ethnic_code"),
                     values.get("contract_months"), values.get("market_code"),
                     values.get("agency") or "", values.get("birth_date"), valid, row,
                     values.get("commune_code"))


def _prefetch(plan: ImportPlan, sheets: list[SheetData]) -> tuple[dict, dict]:
    nids, ids = set(), set()
    for sheet in sheets:
        for row in sheet.rows:
            nid = quick_nid(row.values.get("national_id"))
            if nid:
                nids.add(nid)
            if row.values.get("record_id"):
                ids.add(row.values["record_id"])
    s = plan.session
    by_nid: dict[str, Worker] = {}
    by_id: dict[str, Worker] = {}
    for chunk in chunks(sorted(nids)):
        for w in s.scalars(select(Worker).where(Worker.national_id.in_(chunk), ~Worker.deleted)):
            by_nid.setdefault(w.national_id, w)
    for chunk in chunks(sorted(ids)):
        for w in s.scalars(select(Worker).where(Worker.id.in_(chunk), ~Worker.deleted)):
            by_id[w.id] = w
    return by_nid, by_id


def plan_workers(plan: ImportPlan, sheets: list[SheetData]) -> None:
    by_nid, by_id = _prefetch(plan, sheets)
    seen_nid: dict[str, Row] = {}
    seen_id: dict[str, Row] = {}
    for sheet in sheets:
        present = [f for f in SHEET_FIELDS if f in sheet.columns]
        for row in sheet.rows:
            _plan_row(plan, row, present, by_nid, by_id, seen_nid, seen_id)


def _plan_row(plan: ImportPlan, row: Row, present: list[str], by_nid: dict, by_id: dict,
              seen_nid: dict, seen_id: dict) -> None:
    values = row.values
    record_id = values.get("record_id")
    raw_nid = values.get("national_id")
    nid = quick_nid(raw_nid)
    existing: Worker | None = by_id.get(record_id) if record_id else None
    if existing is None and nid:
        existing = by_nid.get(nid)

    if existing is not None:
        raw = {k: getattr(existing, k) for k in EDITABLE_FIELDS}
        for f in present:
            if values.get(f) not in (None, ""):
                raw[f] = values[f]
    else:
        # The row's values hold exactly the sheet's columns, and the rule reads only
        # SHEET_FIELDS: a copy limited to the present ones would read the same.
        raw = values
    clean, errors = clean_worker(raw, plan.refs, plan.today)
    for f, err in errors.items():
        if f not in row.bad:
            row.error(f, err.vi, err.en, at=_FALLBACK.get(f))

    ok = not errors and not row.bad
    owned = plan.owned
    if ok and existing is None and owned and clean["commune_code"] not in owned:
        # The form's rule (sync.ownership): a new worker of a commune this office does not
        # serve would never travel.
        refusal = outside_scope_refusal(clean["commune_code"], owned)
        row.error("commune_code", refusal.vi, refusal.en, at=_FALLBACK.get("commune_code"))
        ok = False
    if nid and clean.get("national_id") == nid:
        restored_zeros(row, raw_nid, nid)
        if nid in seen_nid:
            row.error("national_id", f"Số CCCD {nid} trùng với dòng {seen_nid[nid].number}.",
                      f"ID number {nid} repeats row {seen_nid[nid].number}.")
            ok = False
        else:
            seen_nid[nid] = row
        other = by_nid.get(nid)
        if existing is not None and other is not None and other.id != existing.id:
            row.error("national_id",
                      f"Số CCCD {nid} đã thuộc về người khác: {other.full_name}.",
                      f"ID number {nid} already belongs to {other.full_name}.")
            ok = False
    if record_id:
        if record_id in seen_id:
            row.error("record_id", f"Mã người lao động trùng với dòng {seen_id[record_id].number}.",
                      f"Worker id repeats row {seen_id[record_id].number}.")
            ok = False
        seen_id[record_id] = row

    worker_id = existing.id if existing is not None else new_id()
    ref = _ref(worker_id, clean if ok else raw, ok, row.number)
    if nid:
        plan.workers_by_nid.setdefault(nid, ref)
    if record_id:
        plan.workers_by_record.setdefault(record_id, ref)
    if not ok:
        return
    if existing is None:
        plan.new_workers.append({"id": worker_id, "source": "import",
                                 **{k: clean[k] for k in EDITABLE_FIELDS}})
        plan.count("workers_created")
        return
    changes = changed_fields(existing, clean, EDITABLE_FIELDS)
    if owned and existing.commune_code in owned and clean["commune_code"] not in owned:
        refusal = move_refusal(existing.commune_code, clean["commune_code"])
        row.error("commune_code", refusal.vi, refusal.en, at=_FALLBACK.get("commune_code"))
        return
    if changes:
        plan.worker_updates.append((existing, changes))
        plan.count("workers_updated")
    else:
        plan.count("workers_unchanged")


def audited(changes: dict) -> dict:
    return {k: v for k, v in changes.items() if k not in DERIVED_FIELDS}
