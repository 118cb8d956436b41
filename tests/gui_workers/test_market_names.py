"""The market column shows names whichever arrives first, the rows or the lookups (issue 17:
codes after the first-run wizard, names after a restart)."""

from __future__ import annotations

from sonla_desktop.services.demo import generate_demo
from sonla_desktop.services.workers import WorkerFilter, list_workers


def test_rows_read_before_the_lookups_arrived_still_show_market_names(qapp, ctx, lookups,
                                                                      vietnamese):
    from sonla_desktop.ui.table_models.worker_table_model import (
        COLUMNS,
        PAGE_SIZE,
        WorkerTableModel,
    )
    from sonla_desktop.ui.tasks import TaskRunner

    generate_demo(ctx, workers=40, seed=2)
    rows = list_workers(ctx, WorkerFilter(), 0, PAGE_SIZE)
    assert any(r.market for r in rows)
    model = WorkerTableModel(ctx, TaskRunner())
    column = next(i for i, c in enumerate(COLUMNS) if c.key == "market")
    # The page was read on the worker thread while the lookups were still loading, and the
    # lookups reached the GUI thread first: the order the first run produces.
    page = model._with_cells(rows)
    model.set_lookups(lookups)
    model._first_page(model._generation, page, PAGE_SIZE)
    names = {c.code: c.label_vi for c in lookups.markets}
    shown = {model.index(i, column).data() for i, r in enumerate(rows) if r.market}
    assert shown and shown <= set(names.values())
