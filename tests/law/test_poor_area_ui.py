"""The hub admin ticks a commune of the Government's list of particularly difficult areas
in the loan rules window; a commune office sees the list but cannot change it."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from sonla_desktop.models import AdminUnit, AuditLog
from sonla_desktop.ui.pages.loan_rules_dialog import LoanRulesDialog
from sonla_desktop.ui.tasks import TaskRunner


@pytest.fixture
def host(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    runner = TaskRunner(widget)
    yield widget, runner
    runner.wait_idle()


def _flag(db, code: str) -> bool:
    with db.session() as s:
        return s.scalar(select(AdminUnit.is_poor_area).where(AdminUnit.code == code))


def _open_areas(qtbot, ctx, runner, parent):
    rules = LoanRulesDialog(ctx, runner, parent)
    qtbot.waitUntil(lambda: rules.table.rowCount() > 0)
    rules.areas_button.click()
    areas = rules.areas
    qtbot.waitUntil(lambda: areas.table.rowCount() == 75)
    return areas


def test_the_hub_admin_ticks_a_unit_and_it_is_saved_and_audited(qtbot, ctx, db, host, as_hub):
    parent, runner = host
    areas = _open_areas(qtbot, ctx, runner, parent)
    areas.search.setText("chieng coi")
    row = areas.row_of("03670")
    assert not areas.table.isRowHidden(row)
    assert areas.table.isRowHidden(areas.row_of("03646"))  # Tô Hiệu does not match
    box = areas.table.item(row, 0)
    assert box.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert box.checkState() == Qt.CheckState.Unchecked
    box.setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: "03670" in areas.message.text())
    assert _flag(db, "03670") is True
    runner.wait_idle()
    qtbot.waitUntil(lambda: areas.table.isEnabled())
    areas.table.item(areas.row_of("03670"), 0).setCheckState(Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: "bỏ dấu" in areas.message.text())
    assert _flag(db, "03670") is False
    with db.session() as s:
        changes = [json.loads(a.changes) for a in s.scalars(
            select(AuditLog).where(AuditLog.entity == "admin_unit").order_by(AuditLog.seq))]
    assert changes == [{"is_poor_area": [False, True]}, {"is_poor_area": [True, False]}]


def test_a_commune_office_sees_the_list_but_cannot_tick(qtbot, ctx, db, host):
    parent, runner = host
    areas = _open_areas(qtbot, ctx, runner, parent)
    box = areas.table.item(areas.row_of("03670"), 0)
    assert not box.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert "văn phòng tỉnh" in areas.intro.text()
    assert _flag(db, "03670") is False
