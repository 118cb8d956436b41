"""A realistic dossier for tests and previews, without a database."""

from __future__ import annotations

import calendar
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from .model import CostLine, DossierData, ScheduleRow


def _add_months(d: date, months: int) -> date:
    month0 = d.month - 1 + months
    year, month = d.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def sample_dossier_data(schedule_months: int = 36) -> DossierData:
    """A realistic dossier (Taiwan, 60 million VND, 6.24 %/year) for tests and previews.

    The schedule follows the bank's usual shape (equal monthly principal rounded down,
    the last instalment takes the remainder; interest = balance × rate / 12, rounded
    half-up); the real one comes from domain.loans when the dossier is gathered.
    """
    requested = 60_000_000
    rate = Decimal("6.24")
    disbursed = date(2025, 12, 20)
    months = schedule_months
    base = requested // months
    schedule: list[ScheduleRow] = []
    balance = requested
    for k in range(1, months + 1):
        principal = base if k < months else balance
        interest = int((Decimal(balance) * rate / 1200).quantize(Decimal(1), ROUND_HALF_UP))
        balance -= principal
        schedule.append(ScheduleRow(k, _add_months(disbursed, k), principal, interest, balance))
    costs = [
        CostLine("Phí dịch vụ đưa người lao động đi làm việc ở nước ngoài", 36_000_000),
        CostLine("Vé máy bay một chiều Hà Nội – Đài Bắc", 7_500_000),
        CostLine("Học ngoại ngữ (tiếng Trung) và bồi dưỡng kiến thức cần thiết", 8_000_000),
        CostLine("Khám sức khoẻ, làm hộ chiếu, thị thực (visa), lý lịch tư pháp", 6_200_000),
        CostLine("Ăn ở trong thời gian đào tạo tập trung (3 tháng)", 6_800_000),
    ]
    return DossierData(
        loan_id="LV-2025-0142",
        office_name="UBND xã Chiềng Mung",
        commune_name="xã Chiềng Mung",
        bank_office="Phòng giao dịch NHCSXH huyện Mai Sơn",
        borrower_name="Lò Thị Hương",
        birth_date=date(2001, 3, 14),
        sex="F",
        national_id="014301001234",
        id_issued_on=date(2021, 5, 10),
        id_issued_by="Cục Cảnh sát quản lý hành chính về trật tự xã hội",
        ethnicity="Thái",
        household_label="Hộ nghèo",
        village="bản Nà Ngần",
        phone="0912345678",
        policy_group_label="Người lao động thuộc hộ nghèo",
        market_name="Đài Loan (Trung Quốc)",
        agency="Công ty Cổ phần Cung ứng Nhân lực Quốc tế Tây Bắc",
        occupation="Công nhân lắp ráp linh kiện điện tử",
        contract_months=36,
        cost_lines=costs,
        total_cost_vnd=sum(c.amount_vnd for c in costs),
        requested_vnd=requested,
        amount_words="Sáu mươi triệu đồng",
        term_months=36,
        repayment_frequency_label="Hàng tháng",
        rate_pct_year=rate,
        rate_basis="lãi suất cho vay hộ nghèo áp dụng từ 01/12/2025",
        overdue_rate_pct_year=rate * Decimal("1.3"),
        purpose="Chi trả các khoản chi phí để đi làm việc ở Đài Loan (Trung Quốc) theo hợp đồng",
        savings_group_name="Tổ TK&VV bản Nà Ngần",
        savings_group_head="Quàng Văn Thành",
        application_date=date(2025, 12, 5),
        schedule=schedule,
        attachments=[
            "Giấy đề nghị vay vốn kiêm phương án sử dụng vốn vay (Mẫu số 01/TD)",
            "Danh sách hộ gia đình đề nghị vay vốn NHCSXH (Mẫu số 03/TD)",
            "Bản sao hợp đồng đưa người lao động đi làm việc ở nước ngoài",
            "Bảng kê các khoản chi phí của doanh nghiệp dịch vụ",
            "Bản sao Căn cước công dân của người vay",
            "Giấy xác nhận hộ nghèo do UBND xã cấp",
            "Bản sao hộ chiếu và thị thực (nếu đã có)",
        ],
        needs_collateral=False,
    )
