"""Writing a validated plan: bulk inserts with sync stamps and audit rows, one transaction.

New rows go in through bulk INSERTs (one ORM object per row would make a 10,000-row
import several times slower) but carry exactly what ``ServiceContext.stamp`` and
``ServiceContext.audit`` give a row written one at a time: this node as origin, a fresh
HLC version each, and an audit entry with the values written.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from operator import itemgetter

from sqlalchemy import Date, DateTime, Table, insert
from sqlalchemy.orm import Session

from ...domain.audit_chain import created, redact
from ...domain.worker_rules import DERIVED_FIELDS
from ...models import (
    Attendance,
    AuditLog,
    Disbursement,
    Event,
    LoanApplication,
    Repayment,
    Worker,
    ordered_id,
    utcnow,
)
from ...search_index import suspended_worker_index
from ..audit import append_rows
from ..context import ServiceContext
from ..targets import upsert_target
from ..transfers import record_move
from .plan import ImportPlan, chunks
from .workers_sheet import audited

BATCH = 5000
# From this many new or changed workers, and at least a tenth of those already stored, the
# search index is rebuilt once after the write instead of row by row through its triggers
# (a trigger costs ~0.1 ms per worker, a rebuild ~6 µs per worker in the whole table).
BULK_WORKERS = 1_000


def _jsonable(value: object) -> object:
    """json's fallback for what it cannot write itself (same text as ServiceContext.audit)."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


# The audit entries' text, as json.dumps(..., ensure_ascii=False, sort_keys=True,
# default=_jsonable) writes it; one encoder for all rows.
_AUDIT_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=_jsonable)
# The same text for a payload whose keys are already in order and whose values are all
# plain (``audit_chain.created``): no sorting, no fallback, no cycle check.
_CREATED_JSON = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def _plain_encoder():
    """``_CREATED_JSON.encode`` with its C encoder made once: ``JSONEncoder.encode`` makes a
    new one at every call, a fifth of the time of 34,000 small payloads. The arguments are
    the ones ``JSONEncoder.iterencode`` passes (the same text: tests/excel)."""
    make = json.encoder.c_make_encoder
    if make is None:  # a Python without json's C part
        return _CREATED_JSON.encode
    c = _CREATED_JSON
    encoder = make(None, c.default, json.encoder.encode_basestring, c.indent, c.key_separator,
                   c.item_separator, c.sort_keys, c.skipkeys, c.allow_nan)
    join = "".join
    return lambda payload: join(encoder(payload, 0))


encode_created = _plain_encoder()

_STAMPS = frozenset(("id", "origin", "version", "deleted", "created_at", "updated_at"))


class _Writer:
    def __init__(self, ctx: ServiceContext, session: Session) -> None:
        self.ctx = ctx
        self.s = session
        self.clock = ctx.clock(session)
        self.node = ctx.node_id
        self.now = utcnow()
        self.audits: list[dict] = []
        self.audit_key = ctx.audit_key

    def stamp(self, row: dict) -> dict:
        row.update(origin=self.node, version=self.clock.tick(), deleted=False,
                   created_at=self.now, updated_at=self.now)
        return row

    def audit(self, action: str, entity: str, entity_id: str, changes: dict) -> None:
        self._log(action, entity, entity_id, {k: [a, b] for k, (a, b) in changes.items()})

    def _log(self, action: str, entity: str, entity_id: str, payload: dict) -> None:
        self._append(action, entity, entity_id,
                     _AUDIT_JSON.encode(redact(payload, self.audit_key)))

    def _append(self, action: str, entity: str, entity_id: str, changes: str) -> None:
        self.audits.append({
            "id": ordered_id(), "at": self.now, "user": self.ctx.user, "node_id": self.node,
            "action": action, "entity": entity, "entity_id": entity_id, "changes": changes})

    def insert(self, model, entity: str, rows: list[dict], audit_fields=None) -> None:
        key, encode = self.audit_key, encode_created
        fixed = sorted(audit_fields) if audit_fields else None
        by_keys: dict[tuple, list[str]] = {}  # the rows of one sheet share their keys
        for row in rows:
            fields = fixed
            if fields is None:
                keys = tuple(row)
                fields = by_keys.get(keys)
                if fields is None:
                    fields = by_keys[keys] = sorted(k for k in keys if k not in _STAMPS)
            self.stamp(row)
            self._append("create", entity, row["id"], encode(created(row, fields, key)))
        insert_rows(self.s, model.__table__, rows)

    def flush_audits(self) -> None:
        insert_rows(self.s, AuditLog.__table__, append_rows(self.s, self.audits))
        self.audits = []


def insert_rows(session: Session, table: Table, rows: list[dict]) -> None:
    """INSERT ``rows`` (dicts with the same keys, every column given) in batches.

    Core INSERT on the table: the ORM's bulk path adds nothing for plain new rows and costs
    about as much again. On SQLite the rows go to the driver directly, each value turned
    into what SQLAlchemy itself would send (the column type's bind processor): SQLAlchemy's
    per-row parameter handling costs as much as SQLite's own work here. Other databases
    (the PostgreSQL hub) go through SQLAlchemy as usual.
    """
    if not rows:
        return
    conn = session.connection()
    keys = list(rows[0])
    compiled = insert(table).compile(dialect=conn.dialect, column_keys=keys)
    order = compiled.positiontup if compiled.positional else None
    if conn.dialect.name != "sqlite" or order is None or sorted(order) != sorted(keys) or \
            len(keys) != len(table.columns):
        for batch in chunks(rows, BATCH):
            session.execute(insert(table), batch)
        return
    steps = [(itemgetter(k), _processor(table.c[k].type, conn.dialect)) for k in order]
    sql = str(compiled)
    for batch in chunks(rows, BATCH):
        # Column by column, zipped into rows: map and zip loop in C (a loop over each row's
        # keys runs in Python for every cell).
        columns = [map(get, batch) if p is None else map(p, map(get, batch))
                   for get, p in steps]
        conn.exec_driver_sql(sql, list(zip(*columns, strict=True)))


def _processor(kind, dialect):
    """The column type's bind processor; a date/time column's turns each distinct value into
    text once (every row of an import shares its ``created_at``/``updated_at``, many share
    their dates). Only dates and times: equal decimals (1.0, 1) may have different texts."""
    process = kind.dialect_impl(dialect).bind_processor(dialect)
    if process is None or not isinstance(kind, Date | DateTime):
        return process
    seen: dict[object, object] = {}

    def remembered(value):
        try:
            return seen[value]
        except KeyError:
            out = seen[value] = process(value)
            return out
        except TypeError:  # not hashable
            return process(value)
    return remembered


def write_plan(ctx: ServiceContext, session: Session, plan: ImportPlan,
               summary: dict[str, object]) -> None:
    w = _Writer(ctx, session)
    worker_fields = [k for k in (plan.new_workers[0] if plan.new_workers else {})
                     if k != "id" and k not in DERIVED_FIELDS]
    incoming = len(plan.new_workers) + len(plan.worker_updates)
    with suspended_worker_index(session, incoming, at_least=BULK_WORKERS, table_share=10):
        w.insert(Worker, "worker", plan.new_workers, worker_fields)
        for worker, changes in plan.worker_updates:
            for k, (_, new) in changes.items():
                setattr(worker, k, new)
            ctx.stamp(session, worker)
            w.audit("update", "worker", worker.id, audited(changes))
            if "commune_code" in changes and ctx.owned_scope is None:
                # At the hub a new commune is a move the old office must hear of.
                record_move(ctx, session, worker, changes["commune_code"][0])
        session.flush()
    w.insert(Event, "event", plan.new_events)
    w.insert(LoanApplication, "loan_application", plan.new_loans)
    w.insert(Disbursement, "disbursement", plan.new_disbursements)
    w.insert(Repayment, "repayment", plan.new_repayments)
    w.insert(Attendance, "attendance", plan.new_attendance)
    for year, commune, departures in plan.targets:
        upsert_target(ctx, session, year, commune, departures)
    ctx.next_version(session)  # persist the clock past the bulk versions
    w.audit("import", "workbook", "-", {k: (None, v) for k, v in summary.items()})
    w.flush_audits()
