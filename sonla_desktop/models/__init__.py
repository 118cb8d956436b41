"""SQLAlchemy ORM tables. Import from here so every table is registered on ``Base``.

The model modules deliberately do not use ``from __future__ import annotations``: with string
annotations SQLAlchemy evaluates every ``Mapped[...]`` at import, which made importing the
models take three times as long (about 0.16 s more CPU at every program start).
"""

from .base import SYNC_COLUMNS, Base, SyncedMixin, new_id, ordered_id, reference_id, utcnow
from .event import Attendance, Event
from .loan import COST_KINDS, LOAN_STATUSES, Disbursement, LoanApplication, LoanCostLine, Repayment
from .local import AuditLog, BundleLog, DroppedRow, Node, PeerAck, Setting, SyncExtra
from .person import Consent, Erasure
from .reference import (
    AdminUnit,
    EthnicGroup,
    LoanRule,
    Market,
    PolicyGroup,
    PolicyParam,
    PolicyRate,
    Target,
)
from .sync_state import Conflict, PossibleDuplicate
from .transfer import TRANSFER_STATUSES, Transfer
from .user import AppUser
from .worker import HOUSEHOLD_STATUSES, WORKER_STATUSES, Worker

# Tables that travel in sync bundles, parents before children (import order matters for FKs).
SYNCED_MODELS = (
    AdminUnit, EthnicGroup, Market, PolicyGroup, PolicyRate, PolicyParam, LoanRule, Target,
    Worker, LoanApplication, LoanCostLine, Disbursement, Repayment, Event, Attendance, Transfer,
    Consent, Erasure,
    # About sync itself, after the rows they point to (sync_state.py).
    Conflict, PossibleDuplicate,
)

__all__ = [
    "SYNC_COLUMNS", "SYNCED_MODELS", "Base", "SyncedMixin", "new_id", "ordered_id", "reference_id",
    "utcnow",
    "AdminUnit", "EthnicGroup", "Market", "PolicyGroup", "PolicyRate", "PolicyParam", "LoanRule",
    "Target", "Worker", "WORKER_STATUSES", "HOUSEHOLD_STATUSES",
    "LoanApplication", "LoanCostLine", "Disbursement", "Repayment", "LOAN_STATUSES", "COST_KINDS",
    "Event", "Attendance", "Transfer", "TRANSFER_STATUSES",
    "AppUser", "Node", "Setting", "AuditLog", "PeerAck", "BundleLog", "DroppedRow", "SyncExtra", "Conflict",
    "PossibleDuplicate", "Consent", "Erasure",
]
