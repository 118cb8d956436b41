"""An import pauses Python's cyclic garbage collector while it runs (it keeps every row
anyway); the collector must be back afterwards, whether the import succeeded or not, and a
program that had switched it off itself must find it still off."""

from __future__ import annotations

import gc
from datetime import date

import pytest
from openpyxl import load_workbook
from workbook_factory import COMMUNES, fill_workbook, make_people

from sonla_desktop.errors import ImportRowsError
from sonla_desktop.services.excel_import import import_workbook
from sonla_desktop.services.spreadsheets import make_template
from tests.conftest import serve_communes

TODAY = date(2025, 12, 31)


@pytest.fixture
def books(ctx, tmp_path):
    make_template(ctx, "workers", tmp_path / "w.xlsx")
    make_template(ctx, "loans", tmp_path / "l.xlsx")
    people, loans = make_people(12, seed=4)
    serve_communes(ctx, *COMMUNES)  # one office for the three communes of the list
    good = tmp_path / "good.xlsx"
    fill_workbook(tmp_path / "w.xlsx", tmp_path / "l.xlsx", good, people, loans)
    wb = load_workbook(good)
    wb["Người lao động"]["B5"] = "31/02/2001"
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    return good, bad


@pytest.fixture
def collector_restored():
    """Whatever the suite runs with (the GUI switches automatic collection off), put back."""
    was_enabled = gc.isenabled()
    yield
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def test_the_collector_runs_again_after_an_import(ctx, books, collector_restored):
    good, bad = books
    gc.enable()  # as in the command line
    with pytest.raises(ImportRowsError):
        import_workbook(ctx, bad, today=TODAY)
    assert gc.isenabled()
    assert import_workbook(ctx, good, today=TODAY).counts["workers_created"] == 12
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_program_stays_off(ctx, books, collector_restored):
    good, _ = books
    gc.disable()  # as in the GUI, which collects on its own thread (ui/gc_guard)
    import_workbook(ctx, good, today=TODAY, dry_run=True)
    assert not gc.isenabled()
