"""The longest text each stored field holds: the one place these sizes are written.

The models declare their columns with these sizes (``models/worker.py``, ``event.py``,
``loan.py``), so the form, the Excel import (through the domain rules) and the sync import
(which reads each column's size from the model, ``sync.records``) all refuse the same
lengths; ``tests/domain/test_lengths.py`` checks that the migrated database's columns have
them too (the migrations state sizes of their own, as migrations must). Text columns without
a size get ``text.MAX_TEXT_LENGTH``. A value longer than its column is refused where it
enters (form, Excel import, sync, command line): on PostgreSQL it would otherwise fail the
whole transaction, and on SQLite (which does not enforce sizes) it would be stored and then
block the next sync to the hub.
"""

from __future__ import annotations

WORKER = {
    "full_name": 120, "village": 120, "education": 60, "occupation": 120, "agency": 200,
    "phone": 15, "national_id": 12,
}
EVENT = {"place": 200, "topic": 300, "organiser": 200, "markets": 100}
LOAN_APPLICATION = {"agency": 200, "savings_group_name": 200, "savings_group_head": 120}
COST_LINE = {"label": 200}
