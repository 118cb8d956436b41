"""The same models, migrations and services on PostgreSQL, as the hub runs them."""

from __future__ import annotations

from sonla_desktop.db import open_database
from sonla_desktop.domain.text import name_sort_key
from sonla_desktop.services.context import ServiceContext
from sonla_desktop.services.demo import generate_demo
from sonla_desktop.services.setup import initialise
from sonla_desktop.services.workers import WorkerFilter, create_worker, list_workers


def test_hub_on_postgresql_migrates_seeds_and_searches(pg_url):
    db = open_database(pg_url)
    result = initialise(db, name="Sở Nội vụ Sơn La", hub=True)
    assert result.is_hub and result.seeded.units == 75
    assert initialise(db).created is False  # idempotent there too
    ctx = ServiceContext(db, user="hub", role="admin")
    wid = create_worker(ctx, {"full_name": "Nguyễn Văn Đức", "sex": "M", "commune_code": "03670",
                              "national_id": "014098001234", "birth_date": "1998-03-12"})
    generate_demo(ctx, workers=200, seed=2)
    rows = list_workers(ctx, WorkerFilter(search="nguyen van duc"))
    assert wid in [r.id for r in rows]
    assert all("Đức" in r.full_name for r in rows)
    names = [r.full_name for r in list_workers(ctx, WorkerFilter(), limit=300)]
    assert len(names) == 201
    assert names == sorted(names, key=name_sort_key)  # Vietnamese order, not the server locale
    db.dispose()
