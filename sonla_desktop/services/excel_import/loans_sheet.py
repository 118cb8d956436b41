"""Rows of the "Khoản vay" and "Trả nợ" sheets.

A loan row makes a loan application (requested = approved = the amount, status
"disbursed", or "closed" once the principal is fully repaid), its disbursement and, when
"Đã trả gốc" is above zero, one repayment of that principal dated **on the day of the
import**: the sheet says how much was repaid by now, not when, and dating it earlier
would invent history. An export carries the real repayments on its "Trả nợ" sheet, linked
by the loan's internal id; those replace the single repayment.

The rules are the loans' own: the rate in force on the disbursement date for the group
(``policy.rate_on``) unless one is given, the term against the labour contract
(``loans.check_term``), the amount (``loans.check_amount``, and the cap in force on the
application date with the loan form's rule, ``loan_rules.check_cap``: from 2026 the
pre-departure costs minus the state-supported amount) and, for the groups the
worker's record can prove (poor and near-poor households, ethnic minority), the group
(``policy.check_group``). A loan already in the database (same borrower, disbursement
date and amount, or the same internal id) is left alone, so importing a file twice does
not double the loans.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from ...domain.identity import validate_national_id
from ...domain.loan_application import Declarations, encode_notes
from ...domain.loan_rules import BorrowerFacts, loan_terms
from ...domain.loans import check_amount, check_term, format_vnd
from ...domain.policy import (
    ETHNIC_MINORITY,
    NEAR_POOR,
    POOR,
    Applicant,
    check_group,
)
from ...domain.sheets import LOAN_STATUS_LABELS
from ...errors import UserError
from ...models import AdminUnit, Disbursement, LoanApplication, Worker, new_id
from ..loan_figures import policy_params
from ..loan_rules import loan_rules
from .loan_checks import Checker, check_row_cap
from .plan import ImportPlan, PendingLoan, WorkerRef, chunks
from .reader import Row, SheetData
from .workers_sheet import quick_nid, restored_zeros

UNDISBURSED = ("draft", "submitted", "approved", "rejected")
_PROVABLE_GROUPS = (POOR, NEAR_POOR, ETHNIC_MINORITY)
MIN_RATE, MAX_RATE = Decimal(1), Decimal(30)


def _db_workers(plan: ImportPlan, sheets: list[SheetData]) -> tuple[dict, dict]:
    nids, ids = set(), set()
    for sheet in sheets:
        for row in sheet.rows:
            nid = quick_nid(row.values.get("national_id"))
            if nid and nid not in plan.workers_by_nid:
                nids.add(nid)
            rid = row.values.get("worker_record_id")
            if rid and rid not in plan.workers_by_record:
                ids.add(rid)
    by_nid: dict[str, WorkerRef] = {}
    by_id: dict[str, WorkerRef] = {}
    cols = (Worker.id, Worker.national_id, Worker.household, Worker.ethnic_code,
            Worker.contract_months, Worker.market_code, Worker.agency, Worker.birth_date,
            Worker.commune_code)
    for chunk in chunks(sorted(nids)):
        for r in plan.session.execute(select(*cols).where(Worker.national_id.in_(chunk),
                                                          ~Worker.deleted)):
            by_nid.setdefault(r[1], WorkerRef(r[0], *r[2:8], commune_code=r[8]))
    for chunk in chunks(sorted(ids)):
        for r in plan.session.execute(select(*cols).where(Worker.id.in_(chunk), ~Worker.deleted)):
            by_id[r[0]] = WorkerRef(r[0], *r[2:8], commune_code=r[8])
    return by_nid, by_id


def _db_loans(plan: ImportPlan, worker_ids: set[str], record_ids: set[str]):
    """Existing loans: {(worker, first disbursement, amount): id} and the known ids."""
    keys: dict[tuple, str] = {}
    first = func.min(Disbursement.disbursed_on)
    for chunk in chunks(sorted(worker_ids)):
        stmt = (select(LoanApplication.id, LoanApplication.worker_id, first,
                       func.sum(Disbursement.amount_vnd))
                .join(Disbursement, Disbursement.loan_id == LoanApplication.id)
                .where(LoanApplication.worker_id.in_(chunk), ~LoanApplication.deleted,
                       ~Disbursement.deleted)
                .group_by(LoanApplication.id, LoanApplication.worker_id))
        for loan_id, worker_id, on, amount in plan.session.execute(stmt):
            keys[(worker_id, on, int(amount))] = loan_id
    known: set[str] = set()
    for chunk in chunks(sorted(record_ids)):
        known.update(plan.session.scalars(select(LoanApplication.id).where(
            LoanApplication.id.in_(chunk), ~LoanApplication.deleted)))
    return keys, known


def _borrower(plan: ImportPlan, row: Row, db_nid: dict, db_id: dict) -> WorkerRef | None:
    rid = row.values.get("worker_record_id")
    if rid:
        found = plan.workers_by_record.get(rid) or db_id.get(rid)
        if found is not None:
            return found
    raw = row.values.get("national_id")
    if raw in (None, ""):
        if "national_id" not in row.bad:
            row.error("national_id", "Chưa nhập số CCCD của người vay.",
                      "The borrower's ID number is missing.")
        return None
    nid = quick_nid(raw)
    if nid is None:
        try:
            validate_national_id(raw)
        except UserError as err:
            row.error("national_id", err.vi, err.en)
        return None
    restored_zeros(row, raw, nid)
    found = plan.workers_by_nid.get(nid) or db_nid.get(nid)
    if found is None:
        row.error("national_id",
                  f"Không tìm thấy người lao động có số CCCD {nid} trong trang “Người lao "
                  "động” của tệp hoặc trong cơ sở dữ liệu.",
                  f"No worker with ID number {nid} on the workers sheet or in the database.")
    return found


def plan_loans(plan: ImportPlan, sheets: list[SheetData]) -> None:
    rates, params = loan_rules(plan.session), policy_params(plan.session)
    poor_areas = set(plan.session.scalars(select(AdminUnit.code).where(
        AdminUnit.is_poor_area.is_(True), ~AdminUnit.deleted)))
    db_nid, db_id = _db_workers(plan, sheets)
    worker_ids = {w.id for w in (*db_nid.values(), *db_id.values())}
    # A worker this file creates has no loan in the database yet: asking for the loans of
    # 10,000 new ids costs 20 queries that can only come back empty.
    new_ids = {w["id"] for w in plan.new_workers}
    worker_ids |= {w.id for w in plan.workers_by_nid.values() if w.id not in new_ids}
    record_ids = {r.values["record_id"] for s in sheets for r in s.rows if r.values.get("record_id")}
    existing, known = _db_loans(plan, worker_ids, record_ids)
    seen: dict[tuple, Row] = {}
    for sheet in sheets:
        for row in sheet.rows:
            record_id = row.values.get("record_id")
            if record_id and record_id in known:
                plan.loans_by_record[record_id] = record_id
                plan.count("loans_unchanged")
                continue
            pending = _plan_row(plan, row, rates, params, db_nid, db_id, poor_areas)
            if record_id:
                plan.loans_by_record[record_id] = pending
            if pending is None or not pending.valid:
                continue
            loan = pending.loan
            key = (loan["worker_id"], pending.disbursed_on, pending.amount_vnd)
            if pending.disbursed_on is not None and key in seen:
                row.error("amount_vnd", f"Khoản vay trùng với dòng {seen[key].number} (cùng người "
                          "vay, ngày giải ngân và số tiền).",
                          f"The loan repeats row {seen[key].number} (same borrower, date and "
                          "amount).")
                pending.valid = False
                continue
            seen[key] = row
            if pending.disbursed_on is not None and key in existing:
                if record_id:
                    plan.loans_by_record[record_id] = existing[key]
                plan.count("loans_unchanged")
                continue
            plan.pending_loans.append(pending)


def _plan_row(plan: ImportPlan, row: Row, rates, params, db_nid, db_id,
              poor_areas: set[str]) -> PendingLoan | None:
    c = Checker(row)
    v = row.values
    worker = _borrower(plan, row, db_nid, db_id)
    if worker is None:
        c.ok = False
    group = c.need("policy_group", "Chưa chọn đối tượng chính sách.",
                   "The policy group is missing.")
    amount = c.need("amount_vnd", "Chưa nhập số tiền vay.", "The loan amount is missing.")
    term = c.need("term_months", "Chưa nhập thời hạn vay (tháng).",
                  "The loan term (months) is missing.")
    status = v.get("loan_status") or "disbursed"
    disbursed_on: date | None = v.get("disbursed_on")
    repaid = v.get("repaid_vnd")
    if status in UNDISBURSED:
        if disbursed_on is not None:
            c.fail("disbursed_on", f"Khoản vay “{LOAN_STATUS_LABELS[status]}” chưa giải ngân: "
                   "để trống ngày giải ngân.",
                   "A loan that is not disbursed has no disbursement date.")
        if repaid:
            c.fail("repaid_vnd", "Khoản vay chưa giải ngân thì chưa có gốc đã trả.",
                   "A loan that is not disbursed has no repaid principal.")
    else:
        disbursed_on = c.need("disbursed_on", "Chưa nhập ngày giải ngân.",
                              "The disbursement date is missing.")
        if disbursed_on is not None and disbursed_on > plan.today:
            c.fail("disbursed_on", f"Ngày giải ngân {disbursed_on:%d/%m/%Y} ở tương lai.",
                   f"The disbursement date {disbursed_on:%d/%m/%Y} is in the future.")
    on = disbursed_on or plan.today
    if amount is not None:
        c.rule("amount_vnd", lambda: check_amount(amount, amount, params, on))
    if repaid is not None and amount is not None and repaid > amount:
        c.fail("repaid_vnd", "Số gốc đã trả lớn hơn số tiền vay.",
               "The principal repaid is more than the loan amount.")
    if term is not None:
        contract = worker.contract_months if worker and worker.contract_months else 120
        c.rule("term_months", lambda: check_term(term, contract))
    frequency = v.get("frequency_months") or 1
    if term is not None and not 1 <= frequency <= term:
        c.fail("frequency_months", f"Kỳ trả gốc phải từ 1 đến {term} tháng.",
               f"The principal period must be 1 to {term} months.")
    rate = v.get("rate_pct_year")
    if rate is not None and not MIN_RATE <= rate <= MAX_RATE:
        c.fail("rate_pct_year",
               f"Lãi suất {rate}%/năm không hợp lý: hãy nhập lãi suất theo năm, ví dụ 6,6 "
               "(0,55%/tháng là 6,6%/năm).",
               f"A rate of {rate}%/year is implausible: enter the yearly rate, e.g. 6.6.")
    costs, supported = check_row_cap(c, rates, amount, v.get("application_date") or on)
    terms = None
    if worker is not None and group and amount is not None:
        # The sheet's group stands for the facts the register cannot prove (land revoked,
        # meritorious relative): the bank granted the loan on them. A difficult area is also
        # the borrower's unit's flag, as in the form (loan_rules.borrower_facts).
        borrower = BorrowerFacts(worker.household or "none", worker.ethnic_code,
                                 group == "poor_area" or worker.commune_code in poor_areas,
                                 group == "land_revoked",
                                 group == "meritorious_relative")
        terms = c.rule("rate_pct_year", lambda: loan_terms(rates, borrower, amount, on))
    if rate is None and terms is not None and disbursed_on is not None:
        rate = terms.rate.rate_pct_year
    if disbursed_on is None:
        terms = None  # not paid out: `loans show` reads the rules on the application date
    if worker is not None and worker.valid and group in _PROVABLE_GROUPS:
        applicant = Applicant(worker.household or "none", worker.ethnic_code, False, False, False)
        c.rule("policy_group", lambda: check_group(applicant, group))
    if not c.ok or worker is None:
        return PendingLoan(row, {}, disbursed_on, amount or 0, repaid, False, valid=False)

    loan_id = new_id()
    loan = {
        "id": loan_id, "worker_id": worker.id, "policy_group": group,
        "application_date": v.get("application_date") or disbursed_on or plan.today,
        "market_code": worker.market_code, "agency": worker.agency,
        "contract_months": worker.contract_months or term, "total_cost_vnd": costs,
        "requested_vnd": amount, "state_supported_vnd": supported,
        "approved_vnd": None if status in ("draft", "submitted", "rejected") else amount,
        "term_months": term, "frequency_months": frequency, "purpose": "",
        "savings_group_name": "", "savings_group_head": "", "status": status,
        "reject_reason": "", "rate_pct_year": rate, "notes": _notes(v),
        # A rate typed in the sheet is the bank's; its basis is shown only if the rules agree.
        "rate_basis": terms.rate.basis if terms and terms.rate.rate_pct_year == rate else "",
        "collateral_required": terms.collateral_required if terms else None,
    }
    return PendingLoan(row, loan, disbursed_on, amount, repaid,
                       status_given=v.get("loan_status") is not None)


def _notes(v: dict) -> str:
    """The stored notes: the declaration columns (when the sheet has them) joined to the
    clerk's text the way the loan form stores them; otherwise the text as it is."""
    free = v.get("notes") or ""
    if v.get("land_revoked") is None and v.get("meritorious_relative") is None:
        return free
    return encode_notes(Declarations(bool(v.get("land_revoked")),
                                     bool(v.get("meritorious_relative"))), free)


def plan_repayments(plan: ImportPlan, sheets: list[SheetData]) -> None:
    wanted = {r.values.get("loan_record_id") for s in sheets for r in s.rows} - {None}
    unknown = wanted - plan.loans_by_record.keys()
    in_db: set[str] = set()
    for chunk in chunks(sorted(unknown)):
        in_db.update(plan.session.scalars(select(LoanApplication.id).where(
            LoanApplication.id.in_(chunk), ~LoanApplication.deleted)))
    for sheet in sheets:
        for row in sheet.rows:
            _repayment_row(plan, row, in_db)


def _repayment_row(plan: ImportPlan, row: Row, in_db: set[str]) -> None:
    c = Checker(row)
    ref = c.need("loan_record_id", "Chưa có mã khoản vay.", "The loan id is missing.")
    paid_on = c.need("paid_on", "Chưa nhập ngày trả.", "The payment date is missing.")
    v = row.values
    amounts = [v.get(f) or 0 for f in ("principal_vnd", "interest_vnd", "overdue_interest_vnd")]
    if not any(amounts) and c.ok:
        c.fail("principal_vnd", "Dòng trả nợ không có số tiền nào.", "The payment has no amount.")
    if ref is None:
        return
    target = plan.loans_by_record.get(ref)
    if target is None and ref not in plan.loans_by_record:
        if ref in in_db:
            plan.count("repayments_unchanged")
            return
        c.fail("loan_record_id", "Không có khoản vay mang mã này trong trang “Khoản vay” hoặc "
               "trong cơ sở dữ liệu.", "No loan with this id on the loans sheet or in the database.")
        return
    if target is None or not isinstance(target, PendingLoan):
        if isinstance(target, str):
            plan.count("repayments_unchanged")  # its loan is already in the database
        return
    if paid_on is not None and target.disbursed_on is not None and paid_on < target.disbursed_on:
        c.fail("paid_on", f"Ngày trả {paid_on:%d/%m/%Y} trước ngày giải ngân "
               f"{target.disbursed_on:%d/%m/%Y}.",
               f"Paid on {paid_on:%d/%m/%Y}, before the disbursement.")
    if paid_on is not None and paid_on > plan.today:
        c.fail("paid_on", f"Ngày trả {paid_on:%d/%m/%Y} ở tương lai.",
               f"The payment date {paid_on:%d/%m/%Y} is in the future.")
    if target.disbursed_on is None:
        c.fail("loan_record_id", "Khoản vay này chưa giải ngân nên chưa có trả nợ.",
               "This loan is not disbursed, so it has no repayments.")
    if c.ok and target.valid:
        target.repayments.append({"paid_on": paid_on, "principal_vnd": amounts[0],
                                  "interest_vnd": amounts[1], "overdue_interest_vnd": amounts[2],
                                  "_row": row})


def settle_loans(plan: ImportPlan) -> None:
    """After both sheets: the repayments of each new loan, its status, and the rows to write."""
    for pending in plan.pending_loans:
        if not pending.valid:
            continue
        loan = pending.loan
        reps = sorted(pending.repayments, key=lambda r: r["paid_on"])
        if reps:
            total = sum(r["principal_vnd"] for r in reps)
            if pending.repaid_vnd is not None and pending.repaid_vnd != total:
                pending.row.error(
                    "repaid_vnd", f"Đã trả gốc ghi {format_vnd(pending.repaid_vnd)} đồng nhưng "
                    f"trang “Trả nợ” cộng lại {format_vnd(total)} đồng.",
                    f"Principal repaid says {pending.repaid_vnd:,} VND but the repayments "
                    f"sheet adds up to {total:,} VND.")
                continue
        else:
            total = pending.repaid_vnd or 0
            if total:
                reps = [{"paid_on": plan.today, "principal_vnd": total, "interest_vnd": 0,
                         "overdue_interest_vnd": 0}]
        if total > pending.amount_vnd:
            pending.row.error("repaid_vnd", "Tổng gốc đã trả lớn hơn số tiền vay.",
                              "The principal repaid adds up to more than the loan.")
            continue
        if not pending.status_given and loan["status"] == "disbursed" and \
                total == pending.amount_vnd:
            loan["status"] = "closed"
        plan.new_loans.append(loan)
        plan.count("loans_created")
        if pending.disbursed_on is not None:
            plan.new_disbursements.append({"id": new_id(), "loan_id": loan["id"],
                                           "disbursed_on": pending.disbursed_on,
                                           "amount_vnd": pending.amount_vnd})
        for rep in reps:
            rep.pop("_row", None)
            plan.new_repayments.append({"id": new_id(), "loan_id": loan["id"], **rep})
            plan.count("repayments_created")
