"""The sizes in domain/lengths.py are the models' column sizes (the domain may not import
the models), and every stored text field is checked against them at entry."""

from __future__ import annotations

import pytest
from sqlalchemy import String

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
