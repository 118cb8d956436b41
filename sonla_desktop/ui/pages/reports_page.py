"""Báo cáo (dashboard): progress against the target by year and commune, with charts, the
figures table, report export (Excel, PDF), targets, and the Excel data tools (templates,
import, full export)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.loans import format_vnd
from ...domain.policy import POLICY_GROUPS
from ...domain.progress import ProgressFigures, year_period
from ...errors import current_language
from ...services.context import ServiceContext
from ...services.lookups import load_lookups
from ...services.progress_report import (
    export_progress,
    progress_figures,
    progress_pdf,
    report_scope,
)
from ...services.setup import get_self_node
from ...services.spreadsheets import default_export_name, export_workbook, make_template
from ..print_view import preview_paper
from ..printing import PrintableDoc
from ..reports.charts import CategoryChart, MonthChart
from ..reports.import_dialog import ImportDialog
from ..reports.targets_dialog import TargetsDialog
from ..tasks import TaskRunner

XLSX_FILTER = "Excel (*.xlsx)"
# Source texts for lupdate: the policy groups as the templates write them.
GROUP_LABELS = {
    "poor": QT_TRANSLATE_NOOP("ReportsPage", "Hộ nghèo"),
    "near_poor": QT_TRANSLATE_NOOP("ReportsPage", "Hộ cận nghèo"),
    "ethnic_minority": QT_TRANSLATE_NOOP("ReportsPage", "Dân tộc thiểu số"),
    "land_revoked": QT_TRANSLATE_NOOP("ReportsPage", "Thu hồi đất"),
    "meritorious_relative": QT_TRANSLATE_NOOP("ReportsPage", "Thân nhân người có công"),
    "poor_area": QT_TRANSLATE_NOOP("ReportsPage", "Vùng nghèo"),
    "other": QT_TRANSLATE_NOOP("ReportsPage", "Khác"),
}


def _number(n: int) -> str:
    """Digit grouping of the UI language: 6.700.000 in Vietnamese, 6,700,000 in English."""
    return f"{n:,}" if current_language() == "en" else format_vnd(n)


class ReportsPage(QWidget):
    def __init__(self, ctx: ServiceContext, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.figures: ProgressFigures | None = None
        self.office = ""
        self.market_en: dict[str, str] = {}
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.valueChanged.connect(self.refresh)
        self.commune = QComboBox()
        self.commune.setMinimumWidth(190)
        self.commune.addItem(self.tr("Toàn tỉnh"), None)
        self.commune.currentIndexChanged.connect(self.refresh)
        self._communes_loaded = False
        self._request = 0

        self.export_xlsx_button = QPushButton(self.tr("Xuất báo cáo Excel…"))
        self.export_xlsx_button.clicked.connect(lambda: self.export_report("xlsx"))
        self.export_pdf_button = QPushButton(self.tr("Xuất báo cáo PDF…"))
        self.export_pdf_button.clicked.connect(lambda: self.export_report("pdf"))
        self.print_button = QPushButton(self.tr("In báo cáo…"))
        self.print_button.clicked.connect(self.print_report)
        targets = QPushButton(self.tr("Chỉ tiêu…"))
        targets.clicked.connect(self.edit_targets)
        import_button = QPushButton(self.tr("Nhập từ Excel…"))
        import_button.clicked.connect(self.open_import)
        # A push button draws its menu arrow in room of its own; the tool button's arrow sat
        # over the end of "Tải tệp mẫu" (issue 17, item 9).
        self.template_button = QPushButton(self.tr("Tải tệp mẫu"))
        menu = QMenu(self.template_button)
        for kind, text in (("workers", self.tr("Mẫu danh sách người lao động")),
                           ("loans", self.tr("Mẫu danh sách khoản vay")),
                           ("attendance", self.tr("Mẫu điểm danh hội nghị")),
                           ("targets", self.tr("Mẫu chỉ tiêu theo xã"))):
            menu.addAction(text, lambda k=kind: self.save_template(k))
        self.template_button.setMenu(menu)
        export_all = QPushButton(self.tr("Xuất toàn bộ dữ liệu…"))
        export_all.clicked.connect(self.export_everything)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Năm:")))
        bar.addWidget(self.year)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Xã/Phường:")))
        bar.addWidget(self.commune)
        bar.addStretch(1)
        bar.addWidget(self.export_xlsx_button)
        bar.addWidget(self.export_pdf_button)
        bar.addWidget(self.print_button)
        tools = QHBoxLayout()
        tools.addWidget(QLabel(self.tr("Dữ liệu Excel:")))
        for w in (import_button, self.template_button, export_all):
            tools.addWidget(w)
        tools.addStretch(1)
        tools.addWidget(targets)

        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Chỉ số"), self.tr("Giá trị")])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.month_chart = MonthChart()
        self.market_chart = CategoryChart(self.tr("Xuất cảnh theo thị trường"),
                                          self.tr("(chưa có)"))
        self.loan_chart = CategoryChart(self.tr("Khoản vay giải ngân theo đối tượng"),
                                        self.tr("(chưa có)"))
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addWidget(self.status)
        grid = QGridLayout()
        grid.addLayout(left, 0, 0)
        grid.addWidget(self.month_chart, 0, 1)
        grid.addWidget(self.market_chart, 1, 0)
        grid.addWidget(self.loan_chart, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(tools)
        layout.addLayout(grid, 1)

    # -- data -----------------------------------------------------------------
    def _load_communes(self) -> list[tuple[str, str]]:
        # load_lookups sorts them as a clerk reads a list of places.
        return [(c.code, c.short_vi) for c in load_lookups(self.ctx).communes]

    def _fill_communes(self, data: tuple) -> None:
        communes, self.office, scope, self.market_en, office_scope = data
        self.commune.blockSignals(True)
        if not office_scope.whole_province:
            # The first entry is what `report` without --commune covers: this office's
            # communes, never "the province" (its database holds only its own communes).
            self.commune.setItemText(0, self.tr("Phạm vi văn phòng: {0}")
                                     .format(office_scope.label))
        for code, name in communes:
            self.commune.addItem(f"{name} ({code})", code)
        if len(scope) == 1:  # a commune office looks at its own commune first
            index = self.commune.findData(scope[0])
            self.commune.setCurrentIndex(max(index, 0))
        self.commune.blockSignals(False)
        self._communes_loaded = True
        self.refresh()

    def show_year(self, year: int) -> None:
        self.year.setValue(year)

    def refresh(self) -> None:
        if not self._communes_loaded:
            def load():
                node = get_self_node(self.ctx)
                scope = [c for c in (node.scope if node else "").split(",") if c]
                market_en = {m.code: m.label_en for m in load_lookups(self.ctx).markets}
                return self._load_communes(), node.name if node else "", \
                    [] if node is not None and node.is_hub else scope, market_en, \
                    report_scope(self.ctx)
            self.runner.run(load, self._fill_communes, parent=self)
            return
        year, commune = self.year.value(), self.commune.currentData()
        self.status.setText(self.tr("Đang tính…"))
        # Pickers change faster than figures are counted: only the latest request is shown.
        self._request += 1
        request = self._request

        def done(figures: ProgressFigures) -> None:
            if request == self._request:
                self.show_figures(figures)

        self.runner.run(lambda: progress_figures(self.ctx, year_period(year), commune),
                        done, parent=self)

    def show_figures(self, f: ProgressFigures) -> None:
        self.figures = f
        na = self.tr("chưa có")
        pct = f.achievement_pct
        en = current_language() == "en"
        pct_text = na if pct is None else (f"{pct:.1f}%" if en else f"{pct:.1f}%".replace(".", ","))
        rows = [
            (self.tr("Người xuất cảnh"), _number(f.departures_total)),
            (self.tr("Chỉ tiêu"), na if f.target is None else _number(f.target)),
            (self.tr("Tỷ lệ hoàn thành"), pct_text),
            (self.tr("Khoản vay giải ngân"), _number(f.loans_count)),
            (self.tr("Số tiền giải ngân (đồng)"), _number(f.loans_amount_vnd)),
            (self.tr("Dư nợ ngày {0} (đồng)").format(f"{f.as_of:%d/%m/%Y}"),
             _number(f.outstanding_vnd)),
            (self.tr("Người còn dư nợ"), _number(f.borrowers)),
            (self.tr("Nợ gốc quá hạn (đồng)"), _number(f.overdue_vnd)),
            (self.tr("Hội nghị tư vấn"), _number(f.events)),
            (self.tr("Lượt người tham dự"), _number(f.attendees)),
        ]
        self.table.setRowCount(len(rows))
        for r, (label, value) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(label))
            item = QTableWidgetItem(value)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, 1, item)
        self.month_chart.set_data(f.departures_by_month, f.target)
        markets = list(f.departures_by_market.items())
        names = self.market_en if en else {}
        top = [(names.get(code) or f.market_name(code), n) for code, n in markets[:7]]
        if len(markets) > 7:
            top.append((self.tr("Khác"), sum(n for _, n in markets[7:])))
        self.market_chart.set_data(top)
        self.loan_chart.set_data([(self.tr(GROUP_LABELS[g]), f.loans_by_group.get(g, 0))
                                  for g in POLICY_GROUPS])
        self.status.setText(self.tr("Năm {0}, {1}. Người xuất cảnh được tính theo ngày xuất "
                                    "cảnh; khoản vay theo ngày giải ngân.")
                            .format(f.period.start.year, self.commune.currentText()))

    # -- actions ----------------------------------------------------------------
    def _save_path(self, title: str, name: str, file_filter: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, name, file_filter)
        return path

    def export_report(self, fmt: str, path: str | None = None) -> None:
        f = self.figures
        if f is None:
            return
        name = f"bao-cao-{f.period.start.year}{'-' + f.commune_code if f.commune_code else ''}"
        path = path or self._save_path(self.tr("Lưu báo cáo"), f"{name}.{fmt}",
                                       XLSX_FILTER if fmt == "xlsx" else "PDF (*.pdf)")
        if not path:
            return

        def write() -> str:
            export_progress(self.ctx, f, path, fmt)
            return path

        self.runner.run(write, lambda p: self.status.setText(self.tr("Đã lưu {0}").format(p)),
                        label=self.tr("Đang xuất báo cáo…"), parent=self)

    def print_report(self) -> None:
        """The report on screen, previewed as it prints, then the print dialog."""
        f = self.figures
        if f is None:
            return

        def show(pdf: bytes) -> None:
            doc = PrintableDoc(pdf, "progress_report", f.commune_code or "-",
                               self.tr("Báo cáo tiến độ {0}").format(f.period.start.year),
                               lambda: self.export_report("pdf"))
            self.preview = preview_paper(self, self.ctx, doc)

        self.runner.run(lambda: progress_pdf(self.ctx, f), show,
                        label=self.tr("Đang lập báo cáo…"), parent=self)

    def save_template(self, kind: str, path: str | None = None) -> None:
        names = {"workers": "mau-nguoi-lao-dong.xlsx", "loans": "mau-khoan-vay.xlsx",
                 "attendance": "mau-diem-danh.xlsx", "targets": "mau-chi-tieu.xlsx"}
        path = path or self._save_path(self.tr("Lưu tệp mẫu"), names[kind], XLSX_FILTER)
        if path:
            year = self.year.value()
            self.runner.run(lambda: make_template(self.ctx, kind, path, year),
                            lambda _: self.status.setText(self.tr("Đã lưu {0}").format(path)),
                            parent=self)

    def export_everything(self, path: str | None = None) -> None:
        path = path or self._save_path(self.tr("Xuất toàn bộ dữ liệu"), default_export_name(),
                                       XLSX_FILTER)
        if path:
            self.runner.run(lambda: export_workbook(self.ctx, path),
                            lambda _: self.status.setText(self.tr("Đã lưu {0}").format(path)),
                            label=self.tr("Đang xuất dữ liệu…"), parent=self)

    def open_import(self) -> ImportDialog:
        dialog = ImportDialog(self.ctx, self.runner, self)
        dialog.imported.connect(lambda _: self.refresh())
        dialog.open()
        return dialog

    def edit_targets(self) -> TargetsDialog:
        dialog = TargetsDialog(self.ctx, self.runner, self.year.value(), self)
        dialog.saved.connect(self.refresh)
        dialog.open()
        return dialog
