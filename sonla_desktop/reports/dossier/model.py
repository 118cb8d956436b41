"""What the dossier prints: plain frozen dataclasses and the form's fixed words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

FORM_CODE = "Mẫu số 01/TD"
TITLE = "GIẤY ĐỀ NGHỊ VAY VỐN KIÊM PHƯƠNG ÁN SỬ DỤNG VỐN VAY"
SUBTITLE = "(Dùng cho người lao động đi làm việc ở nước ngoài theo hợp đồng)"
SCHEDULE_TITLE = "LỊCH TRẢ NỢ DỰ KIẾN"
CHECKLIST_TITLE = "DANH MỤC HỒ SƠ KÈM THEO"
BANK = "Ngân hàng Chính sách xã hội"

_BLANK = "……………………………"
_SEX = {"M": "Nam", "F": "Nữ"}
_COMMUNE_KINDS = ("xã ", "phường ", "thị trấn ", "đặc khu ")
_VILLAGE_KINDS = ("bản ", "thôn ", "tiểu khu ", "tổ ", "xóm ", "khối ", "ấp ", "làng ")


@dataclass(frozen=True)
class CostLine:
    label: str
    amount_vnd: int


@dataclass(frozen=True)
class ScheduleRow:
    number: int
    due_date: date
    principal_vnd: int
    interest_vnd: int
    balance_after_vnd: int


@dataclass(frozen=True)
class DossierData:
    """Everything the dossier prints, already looked up and formatted as labels.

    ``commune_name`` may carry its kind ("xã Chiềng Mung", "phường Tô Hiệu"); a bare name
    is taken to be a xã. ``village`` likewise ("bản Nà Ngần", "tiểu khu 3"; bare = bản).
    ``amount_words`` is the requested amount in words (domain.money_words); "đồng" is
    added if it is missing. Empty strings and ``None`` dates print as dotted blanks for
    the clerk to fill in by hand.
    """

    loan_id: str
    office_name: str
    commune_name: str
    bank_office: str  # e.g. "Phòng giao dịch NHCSXH huyện Mai Sơn"
    borrower_name: str
    birth_date: date | None
    sex: str  # "M" / "F"
    national_id: str
    id_issued_on: date | None
    id_issued_by: str
    ethnicity: str
    household_label: str  # "Hộ nghèo", ...
    village: str
    phone: str
    policy_group_label: str
    market_name: str
    agency: str
    occupation: str
    contract_months: int
    cost_lines: list[CostLine]
    total_cost_vnd: int
    requested_vnd: int
    amount_words: str
    term_months: int
    repayment_frequency_label: str  # "Hàng tháng", ...
    rate_pct_year: Decimal
    rate_basis: str
    overdue_rate_pct_year: Decimal
    purpose: str
    savings_group_name: str
    savings_group_head: str
    application_date: date | None
    schedule: list[ScheduleRow]
    attachments: list[str]
    needs_collateral: bool
    # Printed under the schedule's title, e.g. that it assumes a disbursement date.
    schedule_note: str = ""
    # Why collateral is required (threshold and legal basis), printed in section 7.
    collateral_basis: str = ""
    state_supported_vnd: int = 0  # costs the state budget pays: not lent (NĐ 338, Art. 12)
    # The signed statement (services.document_seal) drawn as a QR code; "" draws none.
    seal: str = ""

