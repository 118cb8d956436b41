"""The list of people on file who may be the person at the door, with why they match."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

from ...domain.events import REASON_NAME, REASON_NAME_YEAR, REASON_NATIONAL_ID, REASON_PHONE
from ...domain.identity import format_phone
from ...services.attendance import Candidate


class CandidateList(QListWidget):
    """Two lines per person: who (name · year · phone), then where and why they match.
    ``label`` is its caption; both hide when there is nobody to show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("candidates")
        self.setMaximumHeight(150)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.label = QLabel(self.tr("Người có thể đã có trong danh sách "
                                    "(Enter: chọn người này · Esc: nhập người mới):"))
        self.label.setWordWrap(True)

    def reason(self, reason: str) -> str:
        return {
            REASON_NATIONAL_ID: self.tr("trùng số CCCD"),
            REASON_PHONE: self.tr("trùng số điện thoại"),
            REASON_NAME_YEAR: self.tr("trùng họ tên, năm sinh, xã"),
            REASON_NAME: self.tr("trùng họ tên trong xã"),
        }.get(reason, reason)

    def show_candidates(self, found: list[Candidate]) -> None:
        self.clear()
        for c in found:
            head = " · ".join([c.full_name, str(c.birth_year or "?"),
                               format_phone(c.phone) or "–"])
            where = ", ".join(p for p in (c.village, c.commune_name) if p)
            why = ", ".join(self.reason(r) for r in c.reasons)
            mark = self.tr("[đã có trong hội nghị này] ") if c.attended else ""
            QListWidgetItem(f"{mark}{head}\n    {where} – {why}", self)
        self.setVisible(bool(found))
        self.label.setVisible(bool(found))
