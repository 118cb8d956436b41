"""Gather a loan dossier's data from the database into ``reports.dossier.DossierData``.

The renderer only draws; this service gathers (it lived in ``reports/`` and called back up
into the services; issue 14 moved it here so reports import neither services nor models).

Figures come from the same rules as everywhere else: the schedule of a disbursed loan is
``domain.loans.build_schedule`` of the amount paid out, from the first payout, at the rate
fixed that day, exactly as ``services.loan_figures`` builds it (a test holds them equal);
for an application not yet paid out, the same function with the amount
approved (or requested) and the rate in force on the application date, as if paid out that
day. The form then says so next to the rate and above the schedule, because the bank
applies the rate in force on the day it pays out.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.dates import format_date
from ..domain.loan_application import COST_KIND_LABELS_VI, frequency_label_vi
from ..domain.loan_rules import collateral_threshold, decide_rate, overdue_multiplier_pct
from ..domain.loans import Instalment, build_schedule, format_vnd
from ..domain.money_words import amount_in_words
from ..domain.worker_rules import HOUSEHOLD_LABELS_VI
from ..errors import NotFoundError
from ..models import (
    AdminUnit,
    Disbursement,
    EthnicGroup,
    LoanApplication,
    LoanCostLine,
    Market,
    Node,
    PolicyGroup,
    Setting,
    Worker,
)
from ..reports.dossier import CostLine, DossierData, ScheduleRow
from .loan_rules import loan_borrower, loan_rules, shown_terms

# Optional setting: the VBSP transaction office the commune's applications go to.
BANK_OFFICE_SETTING = "bank_office"

BASE_ATTACHMENTS = (
    "Giấy đề nghị vay vốn kiêm phương án sử dụng vốn vay (Mẫu số 01/TD)",
    "Danh sách hộ gia đình đề nghị vay vốn NHCSXH (Mẫu số 03/TD)",
    "Bản sao hợp đồng đưa người lao động đi làm việc ở nước ngoài",
    "Bảng kê các khoản chi phí của doanh nghiệp dịch vụ",
    "Bản sao Căn cước công dân của người vay",
)
GROUP_ATTACHMENTS = {
    "poor": "Giấy xác nhận hộ nghèo do UBND xã cấp",
    "near_poor": "Giấy xác nhận hộ cận nghèo do UBND xã cấp",
    "ethnic_minority": "Giấy tờ chứng minh người vay là người dân tộc thiểu số "
                       "(giấy khai sinh hoặc xác nhận của UBND xã)",
    "land_revoked": "Quyết định thu hồi đất nông nghiệp của cơ quan có thẩm quyền",
    "meritorious_relative": "Giấy xác nhận là thân nhân người có công với cách mạng",
    "poor_area": "Xác nhận nơi thường trú tại xã, huyện nghèo",
}
COLLATERAL_ATTACHMENT = "Giấy tờ về tài sản bảo đảm tiền vay"
PASSPORT_ATTACHMENT = "Bản sao hộ chiếu và thị thực (nếu đã có)"
HOUSEHOLD_NONE_LABEL = "Không thuộc hộ nghèo, hộ cận nghèo"


def attachments_for(group: str, collateral: bool) -> list[str]:
    items = list(BASE_ATTACHMENTS)
    if group in GROUP_ATTACHMENTS:
        items.append(GROUP_ATTACHMENTS[group])
    if collateral:
        items.append(COLLATERAL_ATTACHMENT)
    items.append(PASSPORT_ATTACHMENT)
    return items


def dossier_number(loan_id: str) -> str:
    """The dossier number printed on the form: the id's first 8 characters, which
    ``loans show`` and ``dossier`` accept, instead of a 36-character UUID."""
    return loan_id[:8].upper()


def _rows(schedule: list[Instalment] | tuple[Instalment, ...]) -> list[ScheduleRow]:
    return [ScheduleRow(i.number, i.due_date, i.principal_vnd, i.interest_vnd,
                        i.balance_after_vnd) for i in schedule]


def dossier_data(session: Session, loan_id: str, today: date) -> DossierData:
    """The dossier of ``loan_id`` as it stands on ``today``."""
    # One query for the loan and everything it is labelled with: this runs each time a
    # clerk previews or prints, and the benchmark holds it to plain ReportLab's pace.
    found = session.execute(
        select(LoanApplication, Worker, AdminUnit.full_name, EthnicGroup.name, Market.name_vi,
               PolicyGroup.name_vi)
        .join(Worker, Worker.id == LoanApplication.worker_id)
        .outerjoin(AdminUnit, AdminUnit.code == Worker.commune_code)
        .outerjoin(EthnicGroup, EthnicGroup.code == Worker.ethnic_code)
        .outerjoin(Market, Market.code == LoanApplication.market_code)
        .outerjoin(PolicyGroup, PolicyGroup.key == LoanApplication.policy_group)
        .where(LoanApplication.id == loan_id, ~LoanApplication.deleted)).first()
    if found is None:
        raise NotFoundError(f"Không tìm thấy khoản vay {loan_id}.", f"Loan {loan_id} not found.")
    loan, worker, commune, ethnic, market, group_name = found
    office = session.scalar(select(Node.name).where(Node.is_self.is_(True))) or ""
    bank = session.get(Setting, BANK_OFFICE_SETTING)
    lines = list(session.scalars(select(LoanCostLine).where(
        LoanCostLine.loan_id == loan_id, ~LoanCostLine.deleted)
        .order_by(LoanCostLine.created_at, LoanCostLine.id)))
    rules = loan_rules(session)
    paid_out, first = session.execute(
        select(func.coalesce(func.sum(Disbursement.amount_vnd), 0),
               func.min(Disbursement.disbursed_on))
        .where(Disbursement.loan_id == loan_id, ~Disbursement.deleted,
               Disbursement.disbursed_on <= today)).one()
    paid_out = int(paid_out)  # PostgreSQL's SUM of a bigint is a numeric (Decimal): VND are int

    first_ever = session.scalar(select(func.min(Disbursement.disbursed_on)).where(
        Disbursement.loan_id == loan_id, ~Disbursement.deleted)) if first is None else first
    terms = shown_terms(session, loan, first_ever)
    rule = f"{terms.rate_basis}; " if terms.rate_basis else ""
    if paid_out and first is not None and loan.rate_pct_year is not None:
        # What services.loan_figures builds for a loan paid out: the amount paid out,
        # from the first payout, at the rate fixed that day.
        rate = loan.rate_pct_year
        rate_day = first
        schedule = _rows(build_schedule(paid_out, rate, first, loan.term_months,
                                        loan.frequency_months))
        basis = f"{rule}cố định theo quy định có hiệu lực ngày giải ngân {format_date(rate_day)}"
        note = ""
    else:
        rate_day = loan.application_date
        rate = terms.rate_pct_year
        if rate is None:  # no rule in force for this borrower that day: say so, print nothing
            decide_rate(rules, loan_borrower(session, loan), rate_day)
        principal = loan.approved_vnd or loan.requested_vnd
        schedule = _rows(build_schedule(principal, rate, rate_day, loan.term_months,
                                        loan.frequency_months)) if principal > 0 else []
        basis = (f"{rule}mức có hiệu lực ngày làm đơn {format_date(rate_day)}; lãi suất chính "
                 "thức là mức có hiệu lực vào ngày giải ngân")
        note = (f"Lịch tạm tính như thể giải ngân ngày làm đơn {format_date(rate_day)}, với lãi "
                "suất có hiệu lực ngày đó; lịch chính thức tính từ ngày giải ngân thực tế.")
    multiplier = overdue_multiplier_pct(rules, rate_day)
    collateral = bool(terms.collateral_required)
    threshold_day = first_ever or loan.application_date
    collateral_basis = ""
    if collateral:
        threshold = collateral_threshold(rules, threshold_day)
        basis_of = next((r.legal_basis for r in rules if r.kind == "collateral_threshold"
                         and r.in_force(threshold_day)), "")
        collateral_basis = (f"số tiền vay {format_vnd(loan.approved_vnd or loan.requested_vnd)} "
                            f"đồng trên mức {format_vnd(threshold)} đồng, {basis_of}")
    household = (HOUSEHOLD_LABELS_VI.get(worker.household, "")
                 if worker.household != "none" else HOUSEHOLD_NONE_LABEL)
    return DossierData(
        loan_id=dossier_number(loan.id),
        office_name=office,
        commune_name=commune or "",
        bank_office=bank.value if bank else "",
        borrower_name=worker.full_name,
        birth_date=worker.birth_date,
        sex=worker.sex,
        national_id=worker.national_id or "",
        id_issued_on=worker.id_issued_on,
        id_issued_by="",  # not in the register: the clerk writes it from the card
        ethnicity=ethnic or "",
        household_label=household,
        village=worker.village,
        phone=worker.phone,
        policy_group_label=group_name or loan.policy_group,
        market_name=market or "",
        agency=loan.agency or worker.agency,
        occupation=worker.occupation,
        contract_months=loan.contract_months,
        cost_lines=[CostLine(c.label or COST_KIND_LABELS_VI.get(c.kind, c.kind), c.amount_vnd)
                    for c in lines],
        total_cost_vnd=loan.total_cost_vnd,
        requested_vnd=loan.requested_vnd,
        amount_words=amount_in_words(loan.requested_vnd),
        term_months=loan.term_months,
        repayment_frequency_label=frequency_label_vi(loan.frequency_months, loan.term_months),
        rate_pct_year=rate,
        rate_basis=basis,
        overdue_rate_pct_year=rate * multiplier / 100,
        purpose=loan.purpose,
        savings_group_name=loan.savings_group_name,
        savings_group_head=loan.savings_group_head,
        application_date=loan.application_date,
        schedule=schedule,
        attachments=attachments_for(loan.policy_group, collateral),
        needs_collateral=collateral,
        schedule_note=note,
        collateral_basis=collateral_basis,
        state_supported_vnd=loan.state_supported_vnd,
    )
