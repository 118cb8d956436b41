"""The worker form's fields, laid out and tab-ordered like the paper registration form.

Values go out as the raw strings a clerk typed; ``domain.worker_rules.clean_worker`` decides
what is valid, so the form, Excel import and the CLI share one set of rules and messages.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ...domain.dates import format_date
from ...domain.identity import format_phone
from ...domain.worker_rules import HOUSEHOLD_STATUSES, WORKER_STATUSES
from ...errors import current_language
from ...services.lookups import Lookups
from ..labels import household_label, status_label
from .date_edit import DateEdit
from .field_error import ErrorLabel
from .fold_combo import FoldComboBox

# The order of the paper form, which is also the tab order.
FORM_ORDER = (
    "full_name", "birth_date", "birth_year", "sex", "national_id", "id_issued_on", "phone",
    "ethnic_code", "commune_code", "village", "household",
    "education", "market_code", "occupation", "agency", "status", "departure_date",
    "return_date", "contract_months", "notes",
)


class WorkerFields(QWidget):
    edited = Signal(str)  # field name

    def __init__(self, lookups: Lookups, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lookups = lookups
        w: dict[str, QWidget] = {}
        w["full_name"] = QLineEdit()
        w["full_name"].setMaxLength(120)
        w["birth_date"] = DateEdit()
        w["birth_year"] = QLineEdit()
        w["birth_year"].setMaxLength(4)
        w["birth_year"].setMaximumWidth(70)
        w["birth_year"].setToolTip(self.tr("Chỉ nhập khi không biết ngày sinh đầy đủ."))
        sex = QComboBox()
        sex.addItem(self.tr("— chọn —"), "")
        sex.addItem(self.tr("Nam"), "M")
        sex.addItem(self.tr("Nữ"), "F")
        w["sex"] = sex
        w["national_id"] = QLineEdit()
        w["national_id"].setMaxLength(16)
        w["national_id"].setPlaceholderText(self.tr("12 chữ số"))
        w["id_issued_on"] = DateEdit()
        w["phone"] = QLineEdit()
        w["phone"].setMaxLength(20)
        lang = current_language()
        ethnic = FoldComboBox(placeholder=self.tr("gõ tên dân tộc…"))
        ethnic.set_items((c.code, c.label(lang), c.search) for c in lookups.ethnic_groups)
        w["ethnic_code"] = ethnic
        commune = FoldComboBox(placeholder=self.tr("gõ tên xã/phường…"))
        commune.set_items((c.code, c.label(lang), c.search) for c in lookups.communes)
        w["commune_code"] = commune
        w["village"] = QLineEdit()
        household = QComboBox()
        for code in HOUSEHOLD_STATUSES:
            household.addItem(household_label(code), code)
        household.setCurrentIndex(household.findData("none"))
        w["household"] = household
        w["education"] = QLineEdit()
        w["education"].setPlaceholderText(self.tr("ví dụ: THPT, 9/12, Trung cấp"))
        market = FoldComboBox(placeholder=self.tr("gõ tên nước…"))
        market.set_items([(None, self.tr("— chưa chọn —"), ""),
                          *((c.code, c.label(lang), c.search) for c in lookups.markets)])
        w["market_code"] = market
        w["occupation"] = QLineEdit()
        w["agency"] = QLineEdit()
        status = QComboBox()
        for code in WORKER_STATUSES:
            status.addItem(status_label(code), code)
        w["status"] = status
        w["departure_date"] = DateEdit()
        w["return_date"] = DateEdit()
        w["contract_months"] = QLineEdit()
        w["contract_months"].setMaxLength(3)
        w["contract_months"].setMaximumWidth(70)
        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)
        notes.setFixedHeight(54)
        w["notes"] = notes
        self.widgets = w
        self.errors = {name: ErrorLabel(widget) for name, widget in w.items()}

        personal = self._group(self.tr("Thông tin cá nhân"), [
            ("full_name", self.tr("Họ và tên *")),
            ("birth_date", self.tr("Ngày sinh")),
            ("birth_year", self.tr("Năm sinh (nếu không rõ ngày)")),
            ("sex", self.tr("Giới tính *")),
            ("national_id", self.tr("Số CCCD/CMND")),
            ("id_issued_on", self.tr("Ngày cấp CCCD")),
            ("phone", self.tr("Số điện thoại")),
            ("ethnic_code", self.tr("Dân tộc")),
            ("commune_code", self.tr("Xã/Phường *")),
            ("village", self.tr("Bản/Tổ dân phố")),
            ("household", self.tr("Diện hộ")),
        ])
        work = self._group(self.tr("Nguyện vọng và hợp đồng"), [
            ("education", self.tr("Trình độ học vấn")),
            ("market_code", self.tr("Thị trường")),
            ("occupation", self.tr("Ngành nghề")),
            ("agency", self.tr("Doanh nghiệp dịch vụ")),
            ("status", self.tr("Trạng thái")),
            ("departure_date", self.tr("Ngày xuất cảnh")),
            ("return_date", self.tr("Ngày về nước")),
            ("contract_months", self.tr("Thời hạn hợp đồng (tháng)")),
            ("notes", self.tr("Ghi chú")),
        ])
        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addWidget(personal, 1)
        columns.addWidget(work, 1)
        for before, after in zip(FORM_ORDER, FORM_ORDER[1:], strict=False):
            QWidget.setTabOrder(self.focus_widget(before), self.focus_widget(after))
        self._connect()

    def _group(self, title: str, rows: list[tuple[str, str]]) -> QGroupBox:
        box = QGroupBox(title)
        grid = QGridLayout(box)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        for i, (name, label_text) in enumerate(rows):
            label = QLabel(label_text)
            label.setBuddy(self.widgets[name])
            grid.addWidget(label, 2 * i, 0, Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(self.widgets[name], 2 * i, 1)
            grid.addWidget(self.errors[name], 2 * i + 1, 1)
        grid.setRowStretch(2 * len(rows), 1)
        return box

    def focus_widget(self, name: str) -> QWidget:
        widget = self.widgets[name]
        return widget.lineEdit() if isinstance(widget, FoldComboBox) else widget

    def _connect(self) -> None:
        for name, widget in self.widgets.items():
            def emit(*_args, field: str = name) -> None:
                self.edited.emit(field)
            if isinstance(widget, FoldComboBox):
                widget.lineEdit().textEdited.connect(emit)
                widget.activated.connect(emit)
                widget.currentIndexChanged.connect(emit)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(emit)
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(emit)
            else:
                widget.textEdited.connect(emit)

    # -- values -----------------------------------------------------------------------------
    def values(self) -> dict[str, object]:
        raw: dict[str, object] = {}
        for name, widget in self.widgets.items():
            if isinstance(widget, FoldComboBox):
                raw[name] = widget.code() or ""
            elif isinstance(widget, QComboBox):
                raw[name] = widget.currentData() or ""
            elif isinstance(widget, QPlainTextEdit):
                raw[name] = widget.toPlainText()
            else:
                raw[name] = widget.text()
        return raw

    def set_values(self, values: dict[str, object]) -> None:
        for name, widget in self.widgets.items():
            value = values.get(name)
            widget.blockSignals(True)
            if isinstance(widget, FoldComboBox):
                widget.set_code(value if value else None)
            elif isinstance(widget, QComboBox):
                index = widget.findData(value if value is not None else "")
                if index >= 0:
                    widget.setCurrentIndex(index)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(str(value or ""))
            elif isinstance(value, date):
                widget.setText(format_date(value))
            elif name == "phone":
                widget.setText(format_phone(str(value or "")))
            else:
                widget.setText("" if value is None else str(value))
            if isinstance(widget, QLineEdit):
                widget.setCursorPosition(0)  # a long agency name shows its start, not its end
            widget.blockSignals(False)

    def show_errors(self, messages: dict[str, str], shown_fields: set[str] | None = None) -> None:
        """Show ``messages`` for ``shown_fields`` (all fields when None); clear the rest."""
        for name, label in self.errors.items():
            visible = shown_fields is None or name in shown_fields
            label.show_error(messages.get(name) if visible else None)

    def error_text(self, name: str) -> str:
        return self.errors[name].message()
