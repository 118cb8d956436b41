"""What every service function receives: the database, who acts, and on which node.

``user`` is the logged-in account (who the audit records) and ``role`` its role: every
service function starts with ``ctx.require(ACTION)``, which refuses an action the role may
not take (the one table is ``domain.roles.PERMISSIONS``). A context without a role (nobody
logged in) is refused everything; ``services.users.login`` makes the real ones.

Making a context is free: the models (and with them SQLAlchemy) are imported by the methods
that touch the database, so the GUI can build its window before the ORM has loaded.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from ..db import Database
from ..domain.audit_chain import redact
from ..domain.roles import ROLE_LABELS, allowed
from ..errors import PermissionDenied
from ..sync.hlc import HybridClock

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

HLC_SETTING = "hlc_last"


def _jsonable(value: object) -> object:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def changed_fields(row: object, clean: Mapping[str, object],
                   fields: Iterable[str]) -> dict[str, tuple[object, object]]:
    """``{field: (old, new)}`` for the ``fields`` whose clean value differs from ``row``'s."""
    return {k: (getattr(row, k), clean[k]) for k in fields if getattr(row, k) != clean[k]}


@dataclass
class ServiceContext:
    db: Database
    user: str = "clerk"
    role: str | None = None
    _node_id: str | None = field(default=None, repr=False)
    _clock: HybridClock | None = field(default=None, repr=False)
    _scope: tuple[frozenset[str] | None] | None = field(default=None, repr=False)
    _audit_key: tuple[str, bytes | None] | None = field(default=None, repr=False)

    def require(self, action: str) -> None:
        """Refuse ``action`` unless this context's role may take it (``domain.roles``).

        Called first thing by every service function, before any read or write, so a
        refused action has touched nothing."""
        if allowed(self.role, action):
            return
        if self.role is None:
            raise PermissionDenied("Chưa đăng nhập: hãy đăng nhập trước.",
                                   "Not logged in: please log in first.")
        vi, en = ROLE_LABELS.get(self.role, (self.role, self.role))
        raise PermissionDenied(
            f"Tài khoản “{self.user}” (vai trò {vi}) không được phép làm việc này ({action}).",
            f"Account “{self.user}” (role {en}) may not do this ({action}).")

    def may(self, action: str) -> bool:
        """Whether ``require(action)`` would pass: for screens hiding what is refused."""
        return allowed(self.role, action)

    @property
    def node_id(self) -> str:
        if self._node_id is None:
            from sqlalchemy import select

            from ..models import Node

            with self.db.session() as s:
                node = s.scalar(select(Node).where(Node.is_self.is_(True)))
                # Before `init` there is no node: writes are then attributed to "local".
                self._node_id = node.id if node else "local"
        return self._node_id

    def reset_node(self) -> None:
        self._node_id = None
        self._clock = None
        self._scope = None

    @property
    def owned_scope(self) -> frozenset[str] | None:
        """The communes this node owns (``sync.ownership``); None at the hub or before set-up."""
        if self._scope is None:
            from sqlalchemy import select

            from ..models import Node

            with self.db.session() as s:
                node = s.scalar(select(Node).where(Node.is_self.is_(True)))
            codes = None
            if node is not None and not node.is_hub:
                codes = frozenset(c for c in node.scope.split(",") if c) or None
            self._scope = (codes,)
        return self._scope[0]

    @contextmanager
    def transaction(self, isolation: str | None = None) -> Iterator[Session]:
        """One user action's writes. On PostgreSQL it first waits for the writer turn (several
        hub clerks at once, ``db.WRITER_LOCK``), then catches up with the clock another
        clerk's program may have moved meanwhile, so that this write's version is later."""
        with self.db.transaction(isolation=isolation, writer=True) as session:
            if not self.db.is_sqlite and self._clock is not None:
                from ..models import Setting

                stored = session.get(Setting, HLC_SETTING)
                if stored is not None and stored.value > self._clock.last:
                    self._clock = None  # clock() resumes from the stored value
            yield session

    def clock(self, session: Session) -> HybridClock:
        if self._clock is None or self._clock.node_id != self.node_id:
            from ..models import Setting

            last = session.get(Setting, HLC_SETTING)
            self._clock = HybridClock.resume(self.node_id, last.value if last else None)
        return self._clock

    def next_version(self, session: Session) -> str:
        """A new HLC version, persisted in the same transaction as the write it stamps."""
        from ..models import Setting

        version = self.clock(session).tick()
        setting = session.get(Setting, HLC_SETTING)
        if setting is None:
            session.add(Setting(key=HLC_SETTING, value=version))
        else:
            setting.value = version
        return version

    def stamp(self, session: Session, row: object, check_owner: bool = True) -> None:
        """Mark a synced row as written here, now.

        A write this node does not own (``sync.ownership``) is refused here, at entry, so it
        rolls back with the rest of the action; ``check_owner=False`` is for seeding the
        reference tables at ``init``, which every node does alike and the hub overrides.
        """
        from ..models import utcnow

        if check_owner:
            from ..sync.ownership import check_write

            check_write(session, self.owned_scope, row)
        row.origin = self.node_id
        row.version = self.next_version(session)
        row.updated_at = utcnow()

    def apply(self, session: Session, row: object, entity: str,
              changes: Mapping[str, tuple[object, object]], action: str = "update",
              not_audited: Collection[str] = ()) -> None:
        """Write ``changes`` (``{field: (old, new)}``) to ``row``, stamp it and audit them."""
        for k, (_, new) in changes.items():
            setattr(row, k, new)
        self.stamp(session, row)
        self.audit(session, action, entity, row.id,
                   {k: v for k, v in changes.items() if k not in not_audited})

    def audit(
        self,
        session: Session,
        action: str,
        entity: str,
        entity_id: str,
        changes: Mapping[str, tuple[object, object]] | None = None,
    ) -> None:
        """One audit row: who, when, which record, which fields. Sensitive values are kept
        only as keyed hashes and the row joins the hash chain (``services.audit``)."""
        from ..models import AuditLog, ordered_id, utcnow
        from .audit import append_rows

        payload = {k: [_jsonable(a), _jsonable(b)]
                   for k, (a, b) in redact(changes or {}, self.audit_key).items()}
        row = {"id": ordered_id(), "at": utcnow(), "user": self.user, "node_id": self.node_id,
               "action": action, "entity": entity, "entity_id": entity_id,
               "changes": json.dumps(payload, ensure_ascii=False, sort_keys=True)}
        append_rows(session, [row])
        session.add(AuditLog(**row))

    @property
    def audit_key(self) -> bytes | None:
        """The node's secret for keyed hashes in the audit (``services.audit.audit_key``)."""
        if self._audit_key is None or self._audit_key[0] != self.node_id:
            from .audit import audit_key

            self._audit_key = (self.node_id, audit_key(self.node_id))
        return self._audit_key[1]
