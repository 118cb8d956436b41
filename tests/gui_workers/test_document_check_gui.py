"""The "Kiểm tra giấy tờ" page on real widgets: a paper of this office, and a file that is not there."""

from __future__ import annotations

import pytest
from gui_helpers import settle

from sonla_desktop.services.loan_queries import export_dossier
from sonla_desktop.services.setup import initialise
from sonla_desktop.services.workers import create_worker
from sonla_desktop.ui.pages.document_check_page import DocumentCheckPage
from sonla_desktop.ui.tasks import TaskRunner
from tests.sync_db.sync_helpers import add_loan, person


@pytest.fixture
def office(ctx):
    initialise(ctx.db, name="UBND phường Chiềng Cơi", communes=["03670"])
    ctx.reset_node()
    return ctx


def test_page_confirms_own_dossier_and_says_why_it_cannot_check(qtbot, office, vietnamese,
                                                              tmp_path):
    loan_id = add_loan(office, create_worker(office, person("03670")), 64_000_000)
    pdf = tmp_path / "dossier.pdf"
    export_dossier(office, loan_id, pdf)
    runner = TaskRunner()
    page = DocumentCheckPage(office, runner)
    qtbot.addWidget(page)
    page.show()

    page.check(pdf)
    # Rasterising the PDF and reading the QR take seconds on a busy machine: wait longer
    # than the default (the behaviour checked is the verdict, not the speed).
    settle(qtbot, runner, timeout=60_000)
    assert page.verdict.text().startswith("Giấy hợp lệ: hồ sơ vay vốn do UBND phường Chiềng Cơi")
    assert "64.000.000" in page.details.text() and "vẫn khớp" in page.details.text()

    page.check(tmp_path / "missing.pdf")
    settle(qtbot, runner)
    assert page.verdict.text().startswith("KHÔNG HỢP LỆ: Không tìm thấy tệp")
    assert page.open_button.isEnabled()
