"""What an import will write, built while every row is validated (nothing is written yet).

The handlers (workers, loans, events, targets) fill one ``ImportPlan``; rows of later
sheets refer to rows of earlier ones (a loan to its borrower by CCCD, a repayment to its
loan, an attendee to an event) through the maps kept here, or to rows already in the
database.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from ...domain.worker_rules import ReferenceCodes
from .coerce import Lookups
from .reader import Row


@dataclass
class WorkerRef:
    """A borrower or attendee as later sheets need to know them."""

    id: str
    household: str | None
    ethnic_code: str | None
    contract_months: int | None
    market_code: str | None
    agency: str
    birth_date: date | None
    valid: bool = True  # False: its own row has errors (no further messages about it)
    in_file_row: int | None = None
    # Where the borrower lives: the unit's "particularly difficult area" flag is one of the
    # facts the loan rules read (Decree 338, Art. 15), as the form reads it.
    commune_code: str | None = None


@dataclass
class PendingLoan:
    """A new loan whose repayments are settled once the repayments sheet has been read."""

    row: Row
    loan: dict
    disbursed_on: date | None
    amount_vnd: int
    repaid_vnd: int | None  # the "Đã trả gốc" cell (None: empty or no such column)
    status_given: bool
    valid: bool = True
    repayments: list[dict] = field(default_factory=list)


@dataclass
class ImportPlan:
    session: Session
    today: date
    lookups: Lookups
    refs: ReferenceCodes
    # file references (CCCD or internal id written by the export) -> worker / loan / event
    workers_by_nid: dict[str, WorkerRef] = field(default_factory=dict)
    workers_by_record: dict[str, WorkerRef] = field(default_factory=dict)
    # a new loan, the id of a loan already in the database, or None (its row is wrong)
    loans_by_record: dict[str, PendingLoan | str | None] = field(default_factory=dict)
    events_by_record: dict[str, str | None] = field(default_factory=dict)  # None: invalid row
    # rows to write (plain dicts for bulk inserts; updates as (id, {field: (old, new)}))
    new_workers: list[dict] = field(default_factory=list)
    worker_updates: list[tuple[object, dict]] = field(default_factory=list)
    pending_loans: list[PendingLoan] = field(default_factory=list)
    new_loans: list[dict] = field(default_factory=list)
    new_disbursements: list[dict] = field(default_factory=list)
    new_repayments: list[dict] = field(default_factory=list)
    new_events: list[dict] = field(default_factory=list)
    new_attendance: list[dict] = field(default_factory=list)
    targets: list[tuple[int, str | None, int]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    # The communes this node owns (sync.ownership); None at the hub: a commune office's
    # file may not set targets or move a worker out of its communes.
    owned: frozenset[str] | None = None

    def count(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n


def chunks(items: Iterable, size: int = 500) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
