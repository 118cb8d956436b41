"""The word (xã / phường) for this office's units, read from the reference data."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.admin_units import BOTH, office_example, unit_word
from ..models import AdminUnit, Node
from .context import ServiceContext


def _own_codes(session: Session) -> list[str] | None:
    node = session.scalar(select(Node).where(Node.is_self.is_(True)))
    if node is None or node.is_hub:
        return None
    return [c for c in node.scope.split(",") if c] or None


def words_for(session: Session, codes: Iterable[str] | None) -> str:
    """xã, phường or xã/phường for the given unit codes (None: the whole province)."""
    if not codes:
        return BOTH
    kinds = session.scalars(select(AdminUnit.kind).where(AdminUnit.code.in_(list(codes))))
    return unit_word(kinds)


def office_unit_word(ctx: ServiceContext) -> str:
    """The word for the units this office serves: "phường" for Chiềng Cơi's office."""
    ctx.require("settings.read")
    with ctx.db.session() as s:
        return words_for(s, _own_codes(s))


def office_name_example(ctx: ServiceContext) -> str:
    """"UBND phường Chiềng Cơi" for an office serving that ward; a generic example else."""
    ctx.require("settings.read")
    with ctx.db.session() as s:
        codes = _own_codes(s)
        unit = s.scalar(select(AdminUnit).where(AdminUnit.code == codes[0])) if codes else None
        if unit is not None:
            return office_example(unit.kind, unit.name)
    return "UBND xã Mường Bú"
