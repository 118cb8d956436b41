"""The longest text each stored field holds: the size of its database column.

The domain may not import the models (it stays free of SQLAlchemy), so the sizes are
restated here and ``tests/domain/test_lengths.py`` checks them against the models' column
sizes. Text columns without a size get ``text.MAX_TEXT_LENGTH``. A value longer than its
column is refused where it enters (form, Excel import, sync): on PostgreSQL it would
otherwise fail the whole transaction, and on SQLite (which does not enforce sizes) it would
be stored and then block the next sync to the hub.
"""

from __future__ import annotations

WORKER = {
    "full_name": 120, "village": 120, "education": 60, "occupation": 120, "agency": 200,
    "phone": 15, "national_id": 12,
}
EVENT = {"place": 200, "topic": 300, "organiser": 200, "markets": 100}
LOAN_APPLICATION = {"agency": 200, "savings_group_name": 200, "savings_group_head": 120}
COST_LINE = {"label": 200}
