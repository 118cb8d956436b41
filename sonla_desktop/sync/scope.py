"""Which records a node may send and receive: scopes and the hub's authority.

A scope is a set of commune codes, or ``None`` for the whole province (the hub).

* The hub alone writes the shared tables (``HUB_ONLY_TABLES``: administrative units, ethnic
  groups, markets, policy groups, policy rates and parameters, targets). A commune never
  sends them, and a bundle from a commune that holds them is refused.
* People's records belong to a commune: a worker by ``commune_code``; a loan, its cost
  lines, disbursements and repayments through the worker; an event by ``commune_code``; an
  attendance through both its event and its worker (both must be in scope, so that a record
  never arrives without the rows it points to).
* What travels between two nodes is the intersection of both scopes.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, and_, or_, select

from ..models import Event, LoanApplication, Transfer, Worker
from .ownership import HUB_TABLES

HUB_SCOPE_TEXT = "hub"
Scope = frozenset[str] | None

# The hub's tables, from the one ownership table (``ownership.OWNERS``).
HUB_ONLY_TABLES = HUB_TABLES
# Tables whose rows hang on a loan, a worker or an event (for scope and for incremental
# export: when a parent travels, its children travel with it).
LOAN_CHILD_TABLES = ("loan_cost_line", "disbursement", "repayment")
# Natural keys a table keeps unique besides its id (hub-only tables only).
NATURAL_KEYS = {
    "admin_unit": ("code",), "ethnic_group": ("code",), "market": ("code",),
    "policy_group": ("key",), "target": ("year", "commune_code"),
}


def parse_scope(text: str) -> Scope:
    """``"hub"`` -> None (everything); ``"03670,03671"`` -> frozenset of codes."""
    parts = [p.strip() for p in (text or "").split(",") if p.strip()]
    if HUB_SCOPE_TEXT in parts:
        return None
    return frozenset(parts)


def scope_text(scope: Scope) -> str:
    return HUB_SCOPE_TEXT if scope is None else ",".join(sorted(scope))


def intersect(a: Scope, b: Scope) -> Scope:
    if a is None:
        return b
    if b is None:
        return a
    return a & b


def workers_in(scope: frozenset[str]) -> Select:
    return select(Worker.id).where(Worker.commune_code.in_(sorted(scope)))


def loans_in(scope: frozenset[str]) -> Select:
    return select(LoanApplication.id).where(LoanApplication.worker_id.in_(workers_in(scope)))


def moved_away_from(scope: frozenset[str]) -> Select:
    """Ids of workers the hub moved out of ``scope``'s communes (those offices may still
    keep the rows the move dropped: ``sync/dropped.py``)."""
    return select(Transfer.worker_id).where(Transfer.from_commune.in_(sorted(scope)),
                                            Transfer.status == "done")


def events_in(scope: frozenset[str]) -> Select:
    return select(Event.id).where(Event.commune_code.in_(sorted(scope)))


def scope_condition(table: str, t, scope: Scope) -> ColumnElement[bool] | None:
    """The SQL condition for rows of ``table`` (Core table ``t``) inside ``scope``."""
    if scope is None:
        return None
    codes = sorted(scope)
    if table == "worker":
        return t.c.commune_code.in_(codes)
    if table == "loan_application":
        return t.c.worker_id.in_(workers_in(scope))
    if table in LOAN_CHILD_TABLES:
        return t.c.loan_id.in_(loans_in(scope))
    if table == "event":
        return t.c.commune_code.in_(codes)
    if table in ("consent", "erasure"):  # a person's rights follow the worker
        return t.c.worker_id.in_(workers_in(scope))
    if table == "attendance":
        return and_(t.c.event_id.in_(events_in(scope)), t.c.worker_id.in_(workers_in(scope)))
    if table == "transfer":
        # Both offices concerned: the one the worker leaves learns it is "moved out". A
        # request is between the asking commune and the hub; only the hub's answer goes to
        # the other commune (a request held there would be a third office's row, which a
        # restored hub refuses when it comes back, inbound.admit). A row only ever enters
        # that scope (requested -> done | refused), never leaves it.
        return or_(t.c.from_commune.in_(codes),
                   and_(t.c.to_commune.in_(codes), t.c.status != "requested"))
    if table == "target":
        return or_(t.c.commune_code.is_(None), t.c.commune_code.in_(codes))
    if table == "conflict":  # inbox entries go where the row they are about goes
        return t.c.commune_code.in_(codes)
    if table == "possible_duplicate":
        # Where its workers are (both communes of the pair see it), like a loan: the
        # communes written in a link are those of whoever wrote it last, and a link whose
        # workers were moved away must leave the old commune's scope with them.
        held = workers_in(scope)
        return or_(t.c.worker_id_1.in_(held), t.c.worker_id_2.in_(held))
    return None  # shared reference tables: all rows


def tables_sent(sender_is_hub: bool, tables: tuple[str, ...]) -> tuple[str, ...]:
    """The tables a node puts in its bundles: a commune leaves out the hub's tables."""
    return tuple(t for t in tables if sender_is_hub or t not in HUB_ONLY_TABLES)


def parent_links(table: str) -> tuple[tuple[str, str], ...]:
    """(column, parent table) pairs by which a row follows its parent into a bundle."""
    return {
        "loan_application": (("worker_id", "worker"),),
        "loan_cost_line": (("loan_id", "loan_application"),),
        "disbursement": (("loan_id", "loan_application"),),
        "repayment": (("loan_id", "loan_application"),),
        "attendance": (("event_id", "event"), ("worker_id", "worker")),
        "consent": (("worker_id", "worker"),),
        "erasure": (("worker_id", "worker"),),
        "possible_duplicate": (("worker_id_1", "worker"), ("worker_id_2", "worker")),
    }.get(table, ())


__all__ = [
    "HUB_ONLY_TABLES", "HUB_SCOPE_TEXT", "LOAN_CHILD_TABLES", "NATURAL_KEYS", "Scope",
    "events_in", "intersect", "loans_in", "moved_away_from", "parent_links", "parse_scope", "scope_condition",
    "scope_text", "tables_sent", "workers_in",
]
