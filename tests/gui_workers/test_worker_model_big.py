"""The worker table model over a large register: pages, never the whole table.

The issue asks for 100,000 demo workers, and that is what runs (generating them takes
~50 s of the suite on a 2-core machine). For a quicker local run of this file set
SONLA_GUI_BIG_WORKERS=20000: the point holds at any size above a few pages.
"""

from __future__ import annotations

import os

import pytest
from gui_helpers import settle
from PySide6.QtWidgets import QTableView

from sonla_desktop.domain.text import fold
from sonla_desktop.services.workers import WorkerFilter, count_workers

BIG = int(os.environ.get("SONLA_GUI_BIG_WORKERS", "100000"))


@pytest.fixture(scope="module")
def big_ctx(tmp_path_factory):
    from sonla_desktop.db import open_database
    from sonla_desktop.services.context import ServiceContext
    from sonla_desktop.services.demo import generate_demo
    from sonla_desktop.services.setup import initialise

    db = open_database(tmp_path_factory.mktemp("big") / "big.db")
    initialise(db, name="Test", communes=["03670"])
    ctx = ServiceContext(db, role="admin")
    generate_demo(ctx, workers=BIG, seed=3)
    yield ctx
    db.dispose()


@pytest.fixture
def big_view(qtbot, big_ctx, vietnamese):
    from sonla_desktop.ui.table_models.worker_table_model import WorkerTableModel
    from sonla_desktop.ui.tasks import TaskRunner

    runner = TaskRunner()
    model = WorkerTableModel(big_ctx, runner)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(1366, 768)
    view.show()
    model.reload()
    settle(qtbot, runner)
    return view, model, runner


def test_only_the_first_page_is_loaded(big_view):
    from sonla_desktop.ui.table_models.worker_table_model import PAGE_SIZE

    _view, model, _runner = big_view
    assert model.total == BIG
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()


def test_scrolling_to_the_bottom_fetches_the_next_page(qtbot, big_view):
    from sonla_desktop.ui.table_models.worker_table_model import PAGE_SIZE

    view, model, runner = big_view
    first_page = [model.row_at(i).id for i in range(PAGE_SIZE)]
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 2 * PAGE_SIZE, timeout=5000)
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 3 * PAGE_SIZE, timeout=5000)
    settle(qtbot, runner)
    assert model.rowCount() == 3 * PAGE_SIZE  # three pages, not the whole register
    ids = [model.row_at(i).id for i in range(model.rowCount())]
    assert ids[:PAGE_SIZE] == first_page and len(set(ids)) == len(ids)
    keys = [model.row_at(i).full_name for i in range(model.rowCount())]
    assert len(keys) == 3 * PAGE_SIZE


def test_search_replaces_the_rows_with_the_first_page_of_matches(qtbot, big_ctx, big_view):
    _view, model, runner = big_view
    flt = WorkerFilter(search="lo thi")
    model.set_filter(flt)
    settle(qtbot, runner)
    with big_ctx.db.session() as s:
        expected = count_workers(s, flt)
    assert 0 < expected < BIG
    assert model.total == expected
    assert model.rowCount() == min(expected, 200)
    for i in range(model.rowCount()):
        r = model.row_at(i)
        words = fold(f"{r.full_name} {r.village}").split()
        assert any(w.startswith("lo") for w in words) and any(w.startswith("thi") for w in words)


def test_a_late_page_from_an_older_search_is_dropped(qtbot, big_view):
    _view, model, runner = big_view
    model.set_filter(WorkerFilter(search="nguyen"))
    model.set_filter(WorkerFilter(search="quang thi"))  # typed on before the first answered
    settle(qtbot, runner)
    assert model.filter.search == "quang thi"
    for i in range(model.rowCount()):
        r = model.row_at(i)
        words = fold(f"{r.full_name} {r.village}").split()
        assert any(w.startswith("quang") for w in words), r.full_name


@pytest.mark.parametrize("query", ["lo thi", "nguyen van", "duc", "014", "quang thi hoa"])
def test_both_search_plans_give_the_same_page_and_count(big_ctx, monkeypatch, query):
    """The list picks its SQL plan by how many rows match; the answer must not depend on it."""
    import sonla_desktop.services.workers as workers

    flt = WorkerFilter(search=query)
    answers = []
    for cap in (0, 10**9):  # always walk the name index / always start from FTS
        monkeypatch.setattr(workers, "FTS_FIRST_MAX", cap)
        with big_ctx.db.session() as s:
            ids = [r.id for r in workers.search_workers(s, flt, 0, 200)]
            more = [r.id for r in workers.search_workers(s, flt, 200, 200, "commune", True)]
            answers.append((ids, more, workers.count_workers(s, flt)))
    assert answers[0] == answers[1]
    assert answers[0][2] > 0
