"""Gather a loan dossier's data from the database into ``DossierData`` (no drawing here).

Figures come from the same places as everywhere else: the schedule of a disbursed loan from
``services.loan_figures`` (the amount paid out, the rate fixed on the disbursement date);
for an application not yet paid out, from ``domain.loans.build_schedule`` with the amount
approved (or requested) and the rate in force on the application date, as if paid out that
day. The form then says so next to the rate and above the schedule, because the bank
applies the rate in force on the day it pays out.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.dates import format_date
from ..domain.loan_application import COST_KIND_LABELS_VI, frequency_label_vi
from ..domain.loans import Instalment, build_schedule, needs_collateral
from ..domain.money_words import amount_in_words
from ..domain.policy import OVERDUE_MULTIPLIER_PCT, param_on, rate_on
from ..domain.worker_rules import HOUSEHOLD_LABELS_VI
from ..models import (
    AdminUnit,
    EthnicGroup,
    LoanApplication,
    LoanCostLine,
    Market,
    Node,
    PolicyGroup,
    Setting,
    Worker,
)
from ..services.loan_figures import loan_figures, policy_params, rate_rows
from .dossier import CostLine, DossierData, ScheduleRow

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


def _rows(schedule: list[Instalment] | tuple[Instalment, ...]) -> list[ScheduleRow]:
    return [ScheduleRow(i.number, i.due_date, i.principal_vnd, i.interest_vnd,
                        i.balance_after_vnd) for i in schedule]


def dossier_data(session: Session, loan_id: str, today: date) -> DossierData:
    """The dossier of ``loan_id`` as it stands on ``today``."""
    from ..services.loans import load_loan, load_worker

    loan: LoanApplication = load_loan(session, loan_id)
    worker: Worker = load_worker(session, loan.worker_id)
    unit = session.scalar(select(AdminUnit).where(AdminUnit.code == worker.commune_code))
    ethnic = session.scalar(select(EthnicGroup.name).where(
        EthnicGroup.code == worker.ethnic_code))
    market = session.scalar(select(Market.name_vi).where(Market.code == loan.market_code))
    group_name = session.scalar(select(PolicyGroup.name_vi).where(
        PolicyGroup.key == loan.policy_group))
    office = session.scalar(select(Node.name).where(Node.is_self.is_(True))) or ""
    bank = session.get(Setting, BANK_OFFICE_SETTING)
    lines = list(session.scalars(select(LoanCostLine).where(
        LoanCostLine.loan_id == loan_id, ~LoanCostLine.deleted)
        .order_by(LoanCostLine.created_at, LoanCostLine.id)))
    params = policy_params(session)

    fig = None
    if loan.rate_pct_year is not None:
        [fig] = loan_figures(session, today, loan_ids=[loan_id])
    if fig is not None and fig.schedule:
        rate = loan.rate_pct_year
        rate_day = fig.disbursed_on
        schedule = _rows(fig.schedule)
        basis = f"cố định theo lãi suất có hiệu lực ngày giải ngân {format_date(rate_day)}"
        note = ""
    else:
        rate_day = loan.application_date
        rate = rate_on(rate_rows(session), loan.policy_group, rate_day)
        principal = loan.approved_vnd or loan.requested_vnd
        schedule = _rows(build_schedule(principal, rate, rate_day, loan.term_months,
                                        loan.frequency_months)) if principal > 0 else []
        basis = (f"mức có hiệu lực ngày làm đơn {format_date(rate_day)}; lãi suất chính thức là "
                 "mức có hiệu lực vào ngày giải ngân")
        note = (f"Lịch tạm tính như thể giải ngân ngày làm đơn {format_date(rate_day)}, với lãi "
                "suất có hiệu lực ngày đó; lịch chính thức tính từ ngày giải ngân thực tế.")
    multiplier = param_on(params, OVERDUE_MULTIPLIER_PCT, rate_day)
    collateral = needs_collateral(loan.requested_vnd, params, loan.application_date)
    household = (HOUSEHOLD_LABELS_VI.get(worker.household, "")
                 if worker.household != "none" else HOUSEHOLD_NONE_LABEL)
    return DossierData(
        loan_id=loan.id,
        office_name=office,
        commune_name=unit.full_name if unit else "",
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
    )
