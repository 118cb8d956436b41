"""Trùng người (issue #16 item 3): pairs of worker records that may be one person, both
records side by side; a hub clerk marks a pair "same person" or "different people"
(``services.duplicates``). The decision travels back to both communes with the next bundle."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services.context import ServiceContext
from ...services.duplicates import REASON_VI, STATUS_VI, DuplicateRow
from ..tasks import TaskRunner
from ..widgets.history_view import fill_table, make_table


def _born(side) -> str:
    return side.birth_date.strftime("%d/%m/%Y") if side.birth_date else ""


class DuplicatesPage(QWidget):
    def __init__(self, ctx: ServiceContext, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self.rows: list[DuplicateRow] = []
        self.decided = QCheckBox(self.tr("Hiện cả các cặp đã xét"))
        self.decided.toggled.connect(self.refresh)
        self.same = QPushButton(self.tr("Cùng một người"))
        self.same.clicked.connect(lambda: self._decide("same_person"))
        self.different = QPushButton(self.tr("Hai người khác nhau"))
        self.different.clicked.connect(lambda: self._decide("different"))
        self.table = make_table([
            self.tr("Lý do"), self.tr("Họ tên (1)"), self.tr("Ngày sinh (1)"),
            self.tr("CCCD (1)"), self.tr("Xã/Phường (1)"), self.tr("Họ tên (2)"),
            self.tr("Ngày sinh (2)"), self.tr("CCCD (2)"), self.tr("Xã/Phường (2)"),
            self.tr("Kết quả")])
        self.table.itemSelectionChanged.connect(self._selection)
        self.message = QLabel()
        self.message.setWordWrap(True)
        note = QLabel(self.tr(
            "Các cặp hồ sơ có thể là một người: trùng CCCD, hoặc trùng họ tên (không kể dấu), "
            "ngày sinh và giới tính. Cả hai hồ sơ vẫn được giữ nguyên; kết quả xét đi theo tệp "
            "đồng bộ về cả hai xã/phường để họ sửa hoặc xoá hồ sơ thừa."))
        note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.decided)
        top.addStretch(1)
        top.addWidget(self.same)
        top.addWidget(self.different)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h2>Nghi trùng người giữa các xã</h2>")))
        layout.addWidget(note)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self._selection()

    def refresh(self) -> None:
        from ...services.duplicates import list_duplicates, scan_duplicates

        ctx, everything = self.ctx, self.decided.isChecked()

        def work():
            scan_duplicates(ctx)  # at the hub: pairs that appeared since the last look
            return list_duplicates(ctx, include_decided=everything)

        self.runner.run(work, self._show, parent=self)

    def _show(self, rows: list[DuplicateRow]) -> None:
        self.rows = rows
        fill_table(self.table, [
            (REASON_VI.get(r.reason, r.reason), r.first.full_name, _born(r.first),
             r.first.national_id, r.first.commune_name, r.second.full_name, _born(r.second),
             r.second.national_id, r.second.commune_name, STATUS_VI.get(r.status, r.status))
            for r in rows])
        self.message.setText(self.tr("{0} cặp.").format(len(rows)))
        self._selection()

    def _selection(self) -> None:
        chosen = bool(self.table.selectionModel().selectedRows())
        at_hub = self.ctx.owned_scope is None
        self.same.setEnabled(chosen and at_hub)
        self.different.setEnabled(chosen and at_hub)

    def _decide(self, decision: str) -> None:
        from ...services.duplicates import resolve_duplicate

        picked = self.table.selectionModel().selectedRows()
        if not picked:
            return
        ctx, link = self.ctx, self.rows[picked[0].row()].id
        self.runner.run(lambda: resolve_duplicate(ctx, link, decision),
                        lambda _r: self.refresh(), parent=self)
