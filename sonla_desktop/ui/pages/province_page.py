"""Toàn tỉnh (issue #16 item 1): the hub's table of the 75 communes and wards for a year,
coloured by achievement; communes silent for 30 days stand out; plan against actual
2025-2030 below; Excel and PDF export. All figures from ``services.province_table``."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.progress import year_period
from ...errors import current_language
from ...services.context import ServiceContext
from ...services.province_table import PLAN_YEARS, SILENT_DAYS, ProvinceTable
from ..labels import group_digits
from ..tasks import TaskRunner
from ..widgets.history_view import make_table

RED, AMBER, GREEN = "#F8D7DA", "#FFF3CD", "#D4EDDA"


def _num(v: int | None) -> str:
    return "" if v is None else group_digits(v)


def _band(percent: float | None) -> str | None:
    if percent is None:
        return None
    return RED if percent < 50 else AMBER if percent < 80 else GREEN


class ProvincePage(QWidget):
    def __init__(self, ctx: ServiceContext, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self.data: ProvinceTable | None = None
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.valueChanged.connect(self.refresh)
        xlsx = QPushButton(self.tr("Xuất Excel…"))
        xlsx.clicked.connect(lambda: self._export("xlsx"))
        pdf = QPushButton(self.tr("Xuất PDF…"))
        pdf.clicked.connect(lambda: self._export("pdf"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = make_table([
            self.tr("Mã"), self.tr("Xã/Phường"), self.tr("Chỉ tiêu"), self.tr("Xuất cảnh"),
            self.tr("%"), self.tr("Khoản vay"), self.tr("Số tiền (đồng)"),
            self.tr("Dư nợ (đồng)"), self.tr("Quá hạn (đồng)"), self.tr("Hội nghị"),
            self.tr("Người dự"), self.tr("Tệp cuối nhận"), self.tr("Số ngày")])
        self.plan = make_table([self.tr("Mã"), self.tr("Xã/Phường")] + [
            f"{y} {k}" for y in PLAN_YEARS for k in (self.tr("KH"), self.tr("TH"))])
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Năm:")))
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(xlsx)
        top.addWidget(pdf)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(QLabel(self.tr("<b>Kế hoạch (KH) và thực hiện (TH) 2025–2030</b>")))
        inner.addWidget(self.plan)
        split.addWidget(box)
        split.setSizes([500, 250])
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h2>Toàn tỉnh theo xã, phường</h2>")))
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

    def show_year(self, year: int) -> None:
        """Open on ``year`` (``make screenshots`` shows the demo's year, not today's)."""
        self.year.setValue(year)

    def refresh(self) -> None:
        from ...services.province_table import province_table

        ctx, period = self.ctx, year_period(self.year.value())
        self.runner.run(lambda: province_table(ctx, period), self._show, parent=self)

    def _show(self, t: ProvinceTable) -> None:
        self.data = t
        silent = sum(1 for r in t.rows if r.silent)
        self.summary.setText(self.tr(
            "Sắp xếp: xã chậm nhất trước. Màu ô %: đỏ dưới 50%, vàng dưới 80%, xanh từ 80%. "
            "{0} xã/phường chưa gửi tệp nào trong {1} ngày (tô đỏ).").format(silent,
                                                                        SILENT_DAYS))
        rows = [*t.rows, t.total]
        self.table.setRowCount(len(rows))
        bold = QFont()
        bold.setBold(True)
        for i, r in enumerate(rows):
            pct = "" if r.percent is None else f"{r.percent:.1f}"
            if current_language() != "en":
                pct = pct.replace(".", ",")  # Vietnamese decimal comma
            values = [r.code, r.name, _num(r.target), _num(r.departures), pct, _num(r.loans),
                      _num(r.amount_vnd), _num(r.outstanding_vnd), _num(r.overdue_vnd),
                      _num(r.events), _num(r.attendees),
                      r.last_bundle.strftime("%d/%m/%Y") if r.last_bundle else
                      self.tr("chưa nhận"), _num(r.age_days)]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if r is t.total:
                    item.setFont(bold)
                self.table.setItem(i, c, item)
            if r is t.total:
                continue
            band = _band(r.percent)
            if band:
                self.table.item(i, 4).setBackground(QBrush(QColor(band)))
            if r.silent:
                for c in (11, 12):
                    self.table.item(i, c).setBackground(QBrush(QColor(RED)))
        self.plan.setRowCount(len(rows))
        for i, r in enumerate(rows):
            values = [r.code, r.name] + [_num(v) for y in PLAN_YEARS for v in r.plan[y]]
            for c, value in enumerate(values):
                self.plan.setItem(i, c, QTableWidgetItem(value))

    def _export(self, fmt: str) -> None:
        from ...services.province_table import export_province

        if self.data is None:
            return
        name = f"tien-do-theo-xa-{self.year.value()}.{fmt}"
        flt = self.tr("Excel (*.xlsx)") if fmt == "xlsx" else self.tr("PDF (*.pdf)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu báo cáo"), name, flt)
        if not path:
            return
        ctx, data = self.ctx, self.data
        self.runner.run(lambda: export_province(ctx, data, path, fmt),
                        lambda _r: self.summary.setText(self.tr("Đã ghi {0}").format(path)),
                        parent=self)
