"""One loan under the list: where it stands today, its schedule, repayments and costs,
and the buttons for its printed dossier."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .loan_labels import cost_label, day, group_label, money, rate_text, status_label

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _table(headers: list[str], money_from: int) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setProperty("money_from", money_from)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], highlight: set[int] | None = None) -> None:
    table.setRowCount(len(rows))
    start = table.property("money_from")
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if c >= start:
                item.setTextAlignment(_RIGHT)
            if highlight and r in highlight:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            table.setItem(r, c, item)


class LoanDetailView(QWidget):
    preview_requested = Signal()
    print_requested = Signal()
    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.preview_button = QPushButton(self.tr("Xem trước hồ sơ"))
        self.print_button = QPushButton(self.tr("In hồ sơ…"))
        self.save_button = QPushButton(self.tr("Lưu PDF…"))
        self.preview_button.clicked.connect(self.preview_requested)
        self.print_button.clicked.connect(self.print_requested)
        self.save_button.clicked.connect(self.save_requested)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        for b in (self.preview_button, self.print_button, self.save_button):
            top.addWidget(b)

        self.facts = QGridLayout()
        self.fact_labels: dict[str, QLabel] = {}
        names = [
            ("rate", self.tr("Lãi suất")), ("disbursed", self.tr("Đã giải ngân")),
            ("outstanding", self.tr("Dư nợ gốc")), ("interest_due", self.tr("Lãi đến hạn")),
            ("overdue", self.tr("Nợ gốc quá hạn")), ("overdue_interest", self.tr("Lãi quá hạn")),
            ("next_due", self.tr("Kỳ trả tới")), ("note", self.tr("Ghi chú")),
        ]
        for i, (key, text) in enumerate(names):
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fact_labels[key] = value
            self.facts.addWidget(QLabel(text + ":"), i // 4, (i % 4) * 2)
            self.facts.addWidget(value, i // 4, (i % 4) * 2 + 1)
        for col in (1, 3, 5, 7):
            self.facts.setColumnStretch(col, 1)

        self.schedule = _table([self.tr("Kỳ"), self.tr("Ngày đến hạn"), self.tr("Gốc"),
                                self.tr("Lãi"), self.tr("Tổng"), self.tr("Dư nợ còn lại")], 2)
        self.repayments = _table([self.tr("Ngày trả"), self.tr("Gốc"), self.tr("Lãi"),
                                  self.tr("Lãi quá hạn")], 1)
        self.costs = _table([self.tr("Khoản chi phí"), self.tr("Diễn giải"),
                             self.tr("Số tiền")], 2)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.schedule, self.tr("Lịch trả nợ"))
        self.tabs.addTab(self.repayments, self.tr("Các lần trả nợ"))
        self.tabs.addTab(self.costs, self.tr("Chi phí theo hợp đồng"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addLayout(self.facts)
        layout.addWidget(self.tabs, 1)
        self.set_detail(None)

    def set_detail(self, detail: dict | None) -> None:
        self.detail = detail
        for b in (self.preview_button, self.print_button, self.save_button):
            b.setEnabled(detail is not None)
        for label in self.fact_labels.values():
            label.setText("")
        if detail is None:
            self.title.setText(self.tr("<i>Chọn một khoản vay trong danh sách.</i>"))
            for table in (self.schedule, self.repayments, self.costs):
                table.setRowCount(0)
            return
        self.title.setText(self.tr("<b>{0}</b> – {1} – {2} – đơn ngày {3}").format(
            detail["full_name"], group_label(detail["policy_group"]),
            status_label(detail["status"]), day(detail["application_date"])))
        self._facts(detail)
        next_number = (detail["state"] or {}).get("next_due") or {}
        _fill(self.schedule, [
            [str(i["number"]), day(i["due_date"]), money(i["principal_vnd"]),
             money(i["interest_vnd"]), money(i["principal_vnd"] + i["interest_vnd"]),
             money(i["balance_after_vnd"])] for i in detail["schedule"]],
            highlight={next_number["number"] - 1} if next_number else None)
        _fill(self.repayments, [
            [day(r["paid_on"]), money(r["principal_vnd"]), money(r["interest_vnd"]),
             money(r["overdue_interest_vnd"])] for r in reversed(detail["repayments"])])
        _fill(self.costs, [[cost_label(c["kind"]), c["label"], money(c["amount_vnd"])]
                           for c in detail["cost_lines"]])

    def _facts(self, d: dict) -> None:
        f = self.fact_labels
        state = d["state"]
        if d["rate_pct_year"] is not None:
            # Until the payout the rate is the one the rules give on the application date.
            f["rate"].setText(rate_text(d["rate_pct_year"]) + (
                "" if d.get("terms_fixed") else " " + self.tr("(tạm tính)")))
        else:
            f["rate"].setText(self.tr("theo ngày giải ngân"))
        collateral = self.tr("Phải có tài sản bảo đảm.") if d.get("collateral_required") \
            else ""
        f["rate"].setToolTip(" ".join(t for t in (d.get("rate_basis") or "", collateral) if t))
        if d["disbursements"]:
            first = d["disbursements"][0]
            f["disbursed"].setText(self.tr("{0} đồng ngày {1}").format(
                money(sum(x["amount_vnd"] for x in d["disbursements"])),
                day(first["disbursed_on"])))
        else:
            amount = d["approved_vnd"] or d["requested_vnd"]
            f["disbursed"].setText(self.tr("chưa (đề nghị {0} đồng)").format(money(amount)))
        if state:
            f["outstanding"].setText(money(state["outstanding_vnd"]))
            f["interest_due"].setText(money(state["interest_due_vnd"]))
            overdue = state["overdue_principal_vnd"]
            f["overdue"].setText(self.tr("{0} ({1} ngày)").format(
                money(overdue), state["overdue_days"]) if overdue else "0")
            f["overdue"].setStyleSheet("color: #b00020; font-weight: bold;" if overdue else "")
            f["overdue_interest"].setText(money(state["overdue_interest_vnd"]))
            nxt = state["next_due"]
            if nxt:
                f["next_due"].setText(self.tr("{0}: gốc {1}, lãi {2}").format(
                    day(nxt["due_date"]), money(nxt["principal_vnd"]),
                    money(nxt["interest_vnd"])))
        if d["reject_reason"]:
            f["note"].setText(self.tr("Lý do từ chối: {0}").format(d["reject_reason"]))
        elif d["status"] in ("draft", "submitted", "approved"):
            f["note"].setText(self.tr("Lịch trả nợ có khi đã giải ngân"))
