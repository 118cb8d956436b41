"""The "Khoản vay" screens driven like a clerk would: real widgets, real database."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from sonla_desktop.domain.loans import format_vnd, months_elapsed
from sonla_desktop.services import loans as svc
from sonla_desktop.services.loan_queries import loan_detail
from sonla_desktop.services.workers import create_worker
from sonla_desktop.ui.pages.dossier_preview import (
    DossierPreviewDialog,
    has_pdf_support,
    print_document,
)
from sonla_desktop.ui.pages.loan_dialogs import DisburseDialog, RepaymentDialog
from sonla_desktop.ui.pages.loan_form import open_loan_form
from sonla_desktop.ui.pages.loans_page import LoansPage
from sonla_desktop.ui.tasks import TaskRunner
from tests.conftest import dump_database


def _worker(ctx, name="Lò Thị Hương", household="poor", ethnic="03"):
    return create_worker(ctx, {"full_name": name, "sex": "F", "commune_code": "03670",
                               "household": household, "ethnic_code": ethnic,
                               "contract_months": 36, "village": "Bản Mòng",
                               "market_code": "TW"})


def _loan(ctx, worker_id, disbursed_on=None, requested=60_000_000, group="poor"):
    loan_id = svc.create_loan(ctx, worker_id, {
        "policy_group": group, "application_date": date(2025, 11, 1), "contract_months": 36,
        "term_months": 36, "requested_vnd": requested,
        "cost_lines": [{"kind": "service_fee", "amount_vnd": requested}]})
    if disbursed_on:
        svc.submit_loan(ctx, loan_id)
        svc.approve_loan(ctx, loan_id, requested)
        svc.disburse_loan(ctx, loan_id, disbursed_on, requested)
    return loan_id


@pytest.fixture
def host(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    runner = TaskRunner(widget)
    yield widget, runner
    runner.wait_idle()


def test_page_lists_filters_and_shows_the_selected_loan(qtbot, ctx, host):
    _, runner = host
    overdue = _loan(ctx, _worker(ctx), disbursed_on=date(2025, 11, 20))  # nothing repaid
    draft = _loan(ctx, _worker(ctx, "Cầm Thị Lan"))
    page = LoansPage(ctx, runner)
    qtbot.addWidget(page)
    page.resize(1176, 740)
    page.apply_filter()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert page.count.text() == "2 khoản vay"
    page.overdue.setChecked(True)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.loan_at(0).id == overdue
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail is not None)
    assert page.detail_view.schedule.rowCount() == 36
    # Nothing repaid: every instalment due before today is overdue, 1,666,666 each
    # (60,000,000 / 36), counted from the first due date, 20/12/2025.
    due = months_elapsed(date(2025, 11, 20), date.today())
    days = (date.today() - date(2025, 12, 20)).days
    assert page.detail_view.fact_labels["overdue"].text() == \
        f"{format_vnd(1_666_666 * due)} ({days} ngày)"
    assert page.buttons["repay"].isEnabled() and not page.buttons["approve"].isEnabled()
    assert not page.buttons["close"].isEnabled()  # principal still owed
    page.overdue.setChecked(False)
    page.status.setCurrentIndex(page.status.findData("draft"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.loan_at(0).id == draft)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail is not None and page.detail["id"] == draft)
    # A draft's rate is the rules' on its application date, shown as provisional with its
    # basis (a poor Thái borrower in 2025: the priority groups' poor-household rate).
    rate = page.detail_view.fact_labels["rate"]
    assert rate.text() == "6,60 %/năm (tạm tính)"
    assert rate.toolTip().startswith("NĐ 61/2015/NĐ-CP, NĐ 74/2019/NĐ-CP: lãi suất hộ nghèo")
    assert page.buttons["edit"].isEnabled() and page.buttons["submit"].isEnabled()
    assert not page.buttons["disburse"].isEnabled()


def test_form_checks_as_the_clerk_types_and_refuses_without_writing(qtbot, ctx, db, host):
    parent, runner = host
    worker_id = _worker(ctx)
    dialog = open_loan_form(parent, ctx, runner, worker_id)
    qtbot.waitUntil(lambda: dialog.ready)
    # The Thái poor-household borrower qualifies as poor and ethnic minority, not land.
    eligibility = dialog.eligibility.text()
    assert "Hộ nghèo" in eligibility and "Dân tộc thiểu số" in eligibility
    item = dialog.group.model().item(dialog.group.findData("land_revoked"))
    assert not item.isEnabled()
    dialog.land_revoked.setChecked(True)
    item = dialog.group.model().item(dialog.group.findData("land_revoked"))
    assert item.isEnabled()
    dialog.group.setCurrentIndex(dialog.group.findData("poor"))
    # The rule deciding the rate shows as soon as the facts and the date are known.
    dialog.application_date.set_date(date(2025, 11, 25))
    assert dialog.rate_note.text().startswith("<b>6,60 %/năm</b> – NĐ 61/2015")
    dialog.application_date.set_date(date(2026, 1, 5))
    assert dialog.rate_note.text().startswith("<b>6,24 %/năm</b> – NĐ 338/2025/NĐ-CP, Điều 15")
    dialog.application_date.set_date(date(2025, 11, 25))
    dialog.costs.set_lines([{"kind": "service_fee", "amount_vnd": 50_000_000},
                            {"kind": "airfare", "amount_vnd": 8_000_000}])
    assert "58.000.000" in dialog.costs.total_label.text()  # running total
    dialog.requested.setText("60.000.000")
    assert "58.000.000" in dialog.errors["requested_amount"].text()
    before = dump_database(db)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    assert dialog.isVisible() and dump_database(db) == before
    assert "60.000.000" in dialog.errors["requested_amount"].text()
    dialog.requested.setText("58.000.000")
    assert dialog.errors["requested_amount"].isHidden()
    # Applied for on 25/11/2025: Decree 61's 50,000,000 threshold, so collateral is needed.
    assert "Phải có tài sản bảo đảm</b>: khoản vay trên 50.000.000" in dialog.amount_note.text()
    # From 2026 (Decree 338, Art. 13) the threshold is 200,000,000: none needed.
    dialog.application_date.set_date(date(2026, 1, 5))
    assert "Không cần tài sản bảo đảm (ngưỡng 200.000.000" in dialog.amount_note.text()
    dialog.application_date.set_date(date(2025, 11, 25))
    saved = []
    dialog.saved.connect(saved.append)
    dialog.save()
    qtbot.waitUntil(lambda: bool(saved))
    detail = loan_detail(ctx, saved[0])
    assert detail["requested_vnd"] == 58_000_000 and detail["total_cost_vnd"] == 58_000_000
    assert detail["declared"]["land_revoked"] is True
    assert [c["kind"] for c in detail["cost_lines"]] == ["service_fee", "airfare"]
    assert (detail["rate_pct_year"], detail["collateral_required"]) == (6.6, True)
    assert detail["rate_basis"].startswith("NĐ 61/2015/NĐ-CP, NĐ 74/2019/NĐ-CP: lãi suất hộ nghèo")


def test_repayment_dialog_keeps_input_and_names_the_field(qtbot, ctx, db, host):
    parent, runner = host
    loan_id = _loan(ctx, _worker(ctx), disbursed_on=date(2025, 11, 20), requested=3_000_000)
    dialog = RepaymentDialog(ctx, runner, loan_detail(ctx, loan_id), parent)
    dialog.show()
    dialog.principal.setText("3.000.001")
    before = dump_database(db)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled())
    assert dialog.isVisible() and dump_database(db) == before
    assert "3.000.000" in dialog.errors["principal"].text()
    assert dialog.principal.text() == "3.000.001"  # what the clerk typed is still there
    dialog.principal.setText("1.000.000")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.result_value is not None)
    assert loan_detail(ctx, loan_id)["repayments"][0]["principal_vnd"] == 1_000_000


def test_disburse_dialog_shows_the_rate_the_date_fixes(qtbot, ctx, host):
    from sonla_desktop.services.loan_rules import rules_and_borrower

    parent, runner = host
    # A Thái borrower NOT in a poor household: the priority rate until 2025, 127% from 2026.
    loan_id = _loan(ctx, _worker(ctx, household="none"), group="ethnic_minority")
    svc.submit_loan(ctx, loan_id)
    svc.approve_loan(ctx, loan_id, 60_000_000)
    rules, borrower = rules_and_borrower(ctx, loan_id)
    dialog = DisburseDialog(ctx, runner, loan_detail(ctx, loan_id), rules, borrower, parent)
    dialog.on.set_date(date(2025, 11, 20))
    assert dialog.rate_label.text().startswith("6,60 %/năm")
    dialog.on.set_date(date(2025, 12, 5))
    assert dialog.rate_label.text().startswith("6,24 %/năm")
    dialog.on.set_date(date(2026, 1, 2))
    assert dialog.rate_label.text().startswith(
        "7,9248 %/năm (NĐ 338/2025/NĐ-CP, Điều 15: 127% lãi suất hộ nghèo")


def test_dossier_preview_and_print(qtbot, ctx, host, tmp_path):
    import io

    from sonla_desktop.services.loan_queries import export_dossier

    assert has_pdf_support(), "PySide6_Pdf (QtPdf) is needed for the preview"
    parent, _ = host
    loan_id = _loan(ctx, _worker(ctx), disbursed_on=date(2025, 11, 20))
    out = io.BytesIO()
    export_dossier(ctx, loan_id, out)
    pdf = out.getvalue()
    saved = []
    dialog = DossierPreviewDialog(pdf, "Lò Thị Hương", lambda: saved.append(1), parent)
    dialog.show()
    assert dialog.page_count() >= 4  # form (2), schedule, attachments
    dialog.save_button.click()
    assert saved == [1]
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    assert print_document(pdf, printer) == dialog.page_count()
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
    assert f"Pages:           {dialog.page_count()}" in info


def test_new_application_starts_by_finding_the_borrower_without_accents(qtbot, ctx, host):
    from sonla_desktop.ui.pages.loan_dialogs import WorkerPickerDialog
    from sonla_desktop.ui.pages.loan_form import LoanFormDialog

    _, runner = host
    worker_id = _worker(ctx, "Quàng Thị Ươi")
    _worker(ctx, "Lò Thị Hương")
    page = LoansPage(ctx, runner)
    qtbot.addWidget(page)
    page.new_item()
    picker = page.dialog
    assert isinstance(picker, WorkerPickerDialog)
    picker.search.setText("quang thi uoi")
    qtbot.waitUntil(lambda: picker.results.count() == 1, timeout=5000)
    assert picker.results.item(0).text().startswith("Quàng Thị Ươi")
    picker.search.returnPressed.emit()
    assert picker.worker_id == worker_id
    form = page.dialog
    assert isinstance(form, LoanFormDialog) and form.worker_id == worker_id
    qtbot.waitUntil(lambda: form.ready)
    # The Vietnamese form text stays Vietnamese: the savings group from the worker's village.
    assert form.savings_group.text() == "Tổ TK&VV bản Mòng"
    form.reject()
