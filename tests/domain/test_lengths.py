"""The sizes in domain/lengths.py are the one source: the models declare their columns
with them, and the migrations made the database's columns that size."""

from __future__ import annotations

import pytest
from sqlalchemy import String, inspect

from sonla_desktop.domain import lengths
from sonla_desktop.models.event import Event
from sonla_desktop.models.loan import LoanApplication, LoanCostLine
from sonla_desktop.models.worker import Worker


@pytest.mark.parametrize(("model", "sizes"), [
    (Worker, lengths.WORKER), (Event, lengths.EVENT),
    (LoanApplication, lengths.LOAN_APPLICATION), (LoanCostLine, lengths.COST_LINE),
])
def test_sizes_match_the_model_columns(model, sizes):
    for field, size in sizes.items():
        column_type = model.__table__.c[field].type
        assert isinstance(column_type, String) and column_type.length == size, field


def test_every_sized_text_field_of_a_worker_has_its_size():
    editable = {c.name: c.type for c in Worker.__table__.c
                if isinstance(c.type, String) and c.type.length}
    text_fields = {"full_name", "village", "education", "occupation", "agency"}
    assert text_fields <= lengths.WORKER.keys()
    assert all(editable[f].length == lengths.WORKER[f] for f in text_fields)


@pytest.mark.parametrize(("table", "sizes"), [
    ("worker", lengths.WORKER), ("event", lengths.EVENT),
    ("loan_application", lengths.LOAN_APPLICATION), ("loan_cost_line", lengths.COST_LINE),
])
def test_the_migrated_database_has_the_same_sizes(db, table, sizes):
    columns = {c["name"]: c["type"] for c in inspect(db.engine).get_columns(table)}
    for field, size in sizes.items():
        assert getattr(columns[field], "length", None) == size, (table, field)
