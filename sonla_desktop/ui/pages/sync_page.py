"""Đồng bộ: send to and receive from USB, history, conflicts inbox, trust store."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ...errors import UserError
from ...services.context import ServiceContext
from ...services.sync_conflicts import count_open_conflicts
from ..tasks import TaskRunner
from .sync_conflicts import ConflictsPanel, HistoryPanel
from .sync_transfer import ExportPanel, ImportPanel
from .sync_trust import TrustPanel


class SyncPage(QWidget):
    def __init__(self, ctx: ServiceContext, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        title = QLabel(self.tr("Đồng bộ qua USB"))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #c62828;")
        self.notice.hide()
        self.tabs = QTabWidget()
        self.export_panel = ExportPanel(ctx, runner)
        self.import_panel = ImportPanel(ctx, runner)
        self.history = HistoryPanel(ctx, runner)
        self.conflicts = ConflictsPanel(ctx, runner)
        self.trust = TrustPanel(ctx, runner)
        self.tabs.addTab(self.export_panel, self.tr("Gửi dữ liệu"))
        self.tabs.addTab(self.import_panel, self.tr("Nhận dữ liệu"))
        self.tabs.addTab(self.history, self.tr("Lịch sử"))
        self.tabs.addTab(self.conflicts, self.tr("Xung đột"))
        self.tabs.addTab(self.trust, self.tr("Khoá và đơn vị tin cậy"))
        if ctx.owned_scope is None:  # the hub (issue #16): one bundle per commune at once
            from .sync_export_all import ExportAllPanel

            self.export_all = ExportAllPanel(ctx, runner)
            self.tabs.addTab(self.export_all, self.tr("Xuất cho tất cả xã"))
            self.export_all.exported.connect(self.history.refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)

        self.export_panel.exported.connect(self.history.refresh)
        self.import_panel.imported.connect(self._after_import)
        self.conflicts.changed.connect(self._show_conflict_count)
        self.trust.changed.connect(self.export_panel.refresh)
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())

    def refresh(self) -> None:
        """F5 and on showing: the open tab, plus the conflicts count on its tab title."""
        ctx = self.ctx

        def check():
            from ...services.sync_trust import self_info

            try:
                self_info(ctx)
                problem = ""
            except UserError as err:
                problem = str(err)
            return problem, count_open_conflicts(ctx)

        def show(result) -> None:
            problem, conflicts = result
            self.notice.setText(problem)
            self.notice.setVisible(bool(problem))
            self._show_conflict_count(conflicts)
            if not problem:
                self._refresh_current()

        self.runner.run(check, show, parent=self)

    def _refresh_current(self) -> None:
        panel = self.tabs.currentWidget()
        if hasattr(panel, "refresh"):
            panel.refresh()

    def _show_conflict_count(self, n: int) -> None:
        index = self.tabs.indexOf(self.conflicts)
        text = self.tr("Xung đột")
        self.tabs.setTabText(index, f"{text} ({n})" if n else text)

    def _after_import(self, conflicts: int) -> None:
        self.history.refresh()
        self.refresh()
