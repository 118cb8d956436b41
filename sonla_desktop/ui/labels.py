"""Labels for stored codes, in the UI language (codes stay English in the database)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..domain.worker_rules import (
    HOUSEHOLD_LABELS_EN,
    HOUSEHOLD_LABELS_VI,
    STATUS_LABELS_EN,
    STATUS_LABELS_VI,
)
from ..errors import current_language


def status_label(code: str | None) -> str:
    labels = STATUS_LABELS_EN if current_language() == "en" else STATUS_LABELS_VI
    return labels.get(code or "", code or "")


def household_label(code: str | None) -> str:
    labels = HOUSEHOLD_LABELS_EN if current_language() == "en" else HOUSEHOLD_LABELS_VI
    return labels.get(code or "", code or "")


def sex_label(code: str | None) -> str:
    if code == "M":
        return QCoreApplication.translate("labels", "Nam")
    if code == "F":
        return QCoreApplication.translate("labels", "Nữ")
    return ""


def group_digits(n: int) -> str:
    """12345 -> "12.345" in Vietnamese, "12,345" in English."""
    text = f"{n:,}"
    return text if current_language() == "en" else text.replace(",", ".")


def people_count(n: int) -> str:
    return QCoreApplication.translate("labels", "{0} người", "", n).format(group_digits(n))
