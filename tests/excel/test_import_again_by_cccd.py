"""A clerk's own list (no internal ids, borrowers named by CCCD) imported a second time: its
workers are found by CCCD and its loans by (borrower, disbursement date, amount), so nothing
is added. The loans planner asks the database only about the workers it already holds (the
ones this import creates cannot have loans there); this holds it to finding them all."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from workbook_factory import fill_workbook, make_people

from sonla_desktop.models import Disbursement, LoanApplication, Repayment, Worker
from sonla_desktop.services.excel_import import import_workbook
from sonla_desktop.services.spreadsheets import make_template
from tests.conftest import make_hub

pytestmark = pytest.mark.usefixtures("as_hub")

IMPORT_DAY = date(2025, 12, 31)


def _counts(ctx) -> list[int]:
    with ctx.db.session() as s:
        return [s.scalar(select(func.count()).select_from(m))
                for m in (Worker, LoanApplication, Disbursement, Repayment)]


def test_a_list_imported_twice_adds_no_worker_and_no_loan(ctx, tmp_path):
    make_hub(ctx.db)  # the factory's people live in three communes
    make_template(ctx, "workers", tmp_path / "workers.xlsx")
    make_template(ctx, "loans", tmp_path / "loans.xlsx")
    people, loans = make_people(60, seed=5, loans_share=0.5)
    book = tmp_path / "list.xlsx"
    fill_workbook(tmp_path / "workers.xlsx", tmp_path / "loans.xlsx", book, people, loans)

    first = import_workbook(ctx, book, today=IMPORT_DAY)
    assert first.counts["workers_created"] == len(people)
    assert first.counts["loans_created"] == len(loans) > 10
    after_first = _counts(ctx)

    again = import_workbook(ctx, book, today=IMPORT_DAY)
    assert again.counts.get("workers_created", 0) == 0
    assert again.counts.get("loans_created", 0) == 0
    assert again.counts["loans_unchanged"] == len(loans)
    assert _counts(ctx) == after_first
