"""The admin's "Quy định cho vay" dialog and the loan form's rule line, driven like a user
would, on a real database; renders of both are saved for a person to look at."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from sonla_desktop.models import LoanRule
from sonla_desktop.services.workers import create_worker
from sonla_desktop.ui.pages.loan_form import open_loan_form
from sonla_desktop.ui.pages.loan_rules_dialog import LoanRulesDialog
from sonla_desktop.ui.tasks import TaskRunner
from tests.conftest import dump_database

SHOTS = os.environ.get("SONLA_SCREENSHOTS")  # a folder: save renders there to look at them


@pytest.fixture
def host(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    runner = TaskRunner(widget)
    yield widget, runner
    runner.wait_idle()


def _shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / name))


def test_admin_adds_a_new_poor_household_rate_with_its_basis(qtbot, ctx, db, host, as_hub):
    parent, runner = host
    dialog = LoanRulesDialog(ctx, runner, parent)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() >= 15)
    keys = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert {"poor_household_rate", "labour_export_general", "collateral_threshold"} <= keys
    dialog.kind.setCurrentIndex(dialog.kind.findData("series"))
    dialog.key.setCurrentText("poor_household_rate")
    dialog.valid_from.set_date(date(2026, 7, 1))
    dialog.value.setText("6,0")
    # No legal basis: refused under the field, nothing written.
    before = dump_database(db)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.add_button.isEnabled())
    assert "căn cứ pháp lý" in dialog.errors["legal_basis"].text()
    assert dump_database(db) == before
    dialog.legal_basis.setText("QĐ 99/2026/QĐ-TTg")
    dialog.label_vi.setText("lãi suất cho vay hộ nghèo")
    dialog.note.setText("Thông báo của NHCSXH tỉnh ngày 20/6/2026")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 16)
    _shot(dialog, "loan_rules_dialog.png")
    with ctx.db.session() as s:
        rows = s.scalars(select(LoanRule).where(LoanRule.key == "poor_household_rate")
                         .order_by(LoanRule.valid_from.nulls_first())).all()
        assert [(r.valid_from, r.valid_to, r.value) for r in rows][-2:] == [
            (date(2025, 12, 1), date(2026, 6, 30), Decimal("6.24")), (date(2026, 7, 1), None, 6)]
        assert rows[-1].legal_basis == "QĐ 99/2026/QĐ-TTg"


def test_the_loan_form_shows_the_deciding_rule_and_collateral_at_once(qtbot, ctx, host):
    parent, runner = host
    wid = create_worker(ctx, {"full_name": "Lò Văn Ơn", "sex": "M", "commune_code": "03670",
                              "household": "none", "ethnic_code": "03",
                              "contract_months": 36, "village": "Bản Mòng",
                              "market_code": "JP"})
    dialog = open_loan_form(parent, ctx, runner, wid)
    qtbot.waitUntil(lambda: dialog.ready)
    dialog.application_date.set_date(date(2026, 3, 2))
    dialog.costs.set_lines([{"kind": "service_fee", "amount_vnd": 240_000_000},
                            {"kind": "training", "amount_vnd": 12_000_000}])
    dialog.supported.setText("2.000.000")
    dialog.requested.setText("250.000.000")
    assert dialog.rate_note.text().startswith(
        "<b>7,9248 %/năm</b> – NĐ 338/2025/NĐ-CP, Điều 15: 127% lãi suất hộ nghèo")
    assert "Tối đa 250.000.000 đồng (NĐ 338/2025/NĐ-CP, Điều 12)" in dialog.amount_note.text()
    assert "Phải có tài sản bảo đảm</b>: khoản vay trên 200.000.000" in \
        dialog.amount_note.text()
    dialog.resize(1180, 760)
    _shot(dialog, "loan_form_2026.png")
    dialog.supported.setText("3.000.000")
    assert "vượt mức tối đa 249.000.000 đồng" in dialog.errors["requested_amount"].text()


def test_a_commune_office_reads_the_rules_but_cannot_add_one(qtbot, ctx, host):
    """Rules are the hub's: at a commune the form is shut and says whom to ask."""
    parent, runner = host
    dialog = LoanRulesDialog(ctx, runner, parent)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0)
    assert not dialog.add_button.isEnabled() and not dialog.value.isEnabled()
    assert "văn phòng tỉnh" in dialog.read_only_note.text()
