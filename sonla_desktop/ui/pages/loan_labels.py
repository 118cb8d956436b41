"""Translatable labels and display formats shared by the loan screens.

The domain keeps Vietnamese labels for documents; the screens need them through Qt's
translation (``pyside6-lupdate`` only sees literal strings), hence this list.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...domain.dates import format_date
from ...domain.loans import format_vnd

CTX = "LoanLabels"

STATUS = {
    "draft": QT_TRANSLATE_NOOP("LoanLabels", "Nháp"),
    "submitted": QT_TRANSLATE_NOOP("LoanLabels", "Đã nộp"),
    "approved": QT_TRANSLATE_NOOP("LoanLabels", "Đã duyệt"),
    "disbursed": QT_TRANSLATE_NOOP("LoanLabels", "Đã giải ngân"),
    "closed": QT_TRANSLATE_NOOP("LoanLabels", "Đã tất toán"),
    "rejected": QT_TRANSLATE_NOOP("LoanLabels", "Bị từ chối"),
}
GROUP = {
    "poor": QT_TRANSLATE_NOOP("LoanLabels", "Hộ nghèo"),
    "near_poor": QT_TRANSLATE_NOOP("LoanLabels", "Hộ cận nghèo"),
    "ethnic_minority": QT_TRANSLATE_NOOP("LoanLabels", "Dân tộc thiểu số"),
    "land_revoked": QT_TRANSLATE_NOOP("LoanLabels", "Thu hồi đất"),
    "meritorious_relative": QT_TRANSLATE_NOOP("LoanLabels", "Thân nhân người có công"),
    "poor_area": QT_TRANSLATE_NOOP("LoanLabels", "Vùng nghèo"),
    "other": QT_TRANSLATE_NOOP("LoanLabels", "Khác"),
}
COST_KIND = {
    "service_fee": QT_TRANSLATE_NOOP("LoanLabels", "Phí dịch vụ"),
    "airfare": QT_TRANSLATE_NOOP("LoanLabels", "Vé máy bay"),
    "training": QT_TRANSLATE_NOOP("LoanLabels", "Đào tạo, ngoại ngữ"),
    "visa_health": QT_TRANSLATE_NOOP("LoanLabels", "Khám sức khoẻ, hộ chiếu, visa"),
    "deposit": QT_TRANSLATE_NOOP("LoanLabels", "Tiền ký quỹ"),
    "other": QT_TRANSLATE_NOOP("LoanLabels", "Chi phí khác"),
}
HOUSEHOLD = {
    "poor": QT_TRANSLATE_NOOP("LoanLabels", "Hộ nghèo"),
    "near_poor": QT_TRANSLATE_NOOP("LoanLabels", "Hộ cận nghèo"),
    "none": QT_TRANSLATE_NOOP("LoanLabels", "Không nghèo, không cận nghèo"),
}
# (months, label); 0 = the whole principal at maturity.
FREQUENCIES = (
    (1, QT_TRANSLATE_NOOP("LoanLabels", "Hàng tháng")),
    (3, QT_TRANSLATE_NOOP("LoanLabels", "Hàng quý")),
    (6, QT_TRANSLATE_NOOP("LoanLabels", "6 tháng một lần")),
    (12, QT_TRANSLATE_NOOP("LoanLabels", "Hàng năm")),
    (0, QT_TRANSLATE_NOOP("LoanLabels", "Một lần khi đến hạn")),
)


def translate_label(text: str) -> str:
    """Translate one of the QT_TRANSLATE_NOOP labels above."""
    return QCoreApplication.translate(CTX, text)


def status_label(key: str) -> str:
    return translate_label(STATUS.get(key, key))


def group_label(key: str) -> str:
    return translate_label(GROUP.get(key, key))


def cost_label(key: str) -> str:
    return translate_label(COST_KIND.get(key, key))


def household_label(key: str) -> str:
    return translate_label(HOUSEHOLD.get(key, key))


def money(amount: int | None) -> str:
    return "" if amount is None else format_vnd(amount)


def day(value: date | str | None) -> str:
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return format_date(value)


def rate_text(rate: Decimal | float | None) -> str:
    """``6.24`` -> ``"6,24 %/năm"`` (the way the bank writes it)."""
    if rate is None:
        return ""
    value = Decimal(str(rate)).normalize()
    if -value.as_tuple().exponent < 2:  # 6.6 -> 6,60 as on the dossier
        value = value.quantize(Decimal("0.01"))
    text = f"{value:f}".replace(".", ",")
    return QCoreApplication.translate("LoanLabels", "{0} %/năm").format(text)
