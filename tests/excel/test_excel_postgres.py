"""The hub runs PostgreSQL: the import, export and report give there what they give on SQLite."""

from __future__ import annotations

from datetime import date

import pytest
from report_data import event
from sqlalchemy import select
from workbook_factory import fill_workbook, make_people

from sonla_desktop.db import open_database
from sonla_desktop.domain.progress import year_period
from sonla_desktop.models import Worker
from sonla_desktop.services.context import ServiceContext
from sonla_desktop.services.excel_import import import_workbook
from sonla_desktop.services.progress_report import progress_figures
from sonla_desktop.services.setup import initialise
from sonla_desktop.services.spreadsheets import export_workbook, make_template
from sonla_desktop.services.targets import list_targets, set_target
from tests.conftest import make_hub

# Targets and province-wide reports are the hub's work (sync.ownership).
pytestmark = pytest.mark.usefixtures("as_hub")


def test_import_export_and_report_on_postgresql(pg_url, ctx, tmp_path):
    make_hub(ctx.db)  # both sides hold every commune's records: both report the province
    make_template(ctx, "workers", tmp_path / "w.xlsx")
    make_template(ctx, "loans", tmp_path / "l.xlsx")
    people, loans = make_people(120, seed=4)
    fill_workbook(tmp_path / "w.xlsx", tmp_path / "l.xlsx", tmp_path / "in.xlsx", people, loans)

    db = open_database(pg_url)
    initialise(db, name="Hub", hub=True)
    hub = ServiceContext(db, role="admin")
    try:
        for c in (ctx, hub):
            import_workbook(c, tmp_path / "in.xlsx", today=date(2025, 12, 31))
            set_target(c, 2025, 70)
            set_target(c, 2025, 20, "03670")
        with ctx.db.session() as s:
            first = s.scalar(select(Worker.id).where(Worker.national_id == people[0].nid))
        event(ctx, date(2025, 5, 5), attendees=(first,))
        export_workbook(ctx, tmp_path / "out.xlsx")
        result = import_workbook(hub, tmp_path / "out.xlsx", today=date(2026, 1, 5))
        assert result.counts["events_created"] == 1 and result.counts["attendees_created"] == 1
        assert result.counts["workers_unchanged"] == 120
        for commune in (None, "03670"):
            assert progress_figures(hub, year_period(2025), commune, date(2026, 6, 1)).as_json() \
                == progress_figures(ctx, year_period(2025), commune, date(2026, 6, 1)).as_json()
        assert [(t.commune_code, t.departures) for t in list_targets(hub, 2025)] == [
            (None, 70), ("03670", 20)]
    finally:
        db.dispose()
