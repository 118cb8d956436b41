"""The word (xã / phường) for this office's units, read from the reference data, and the
hub admin's "particularly difficult area" flag of each unit (Decree 338/2025, Art. 15)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.admin_units import BOTH, office_example, unit_word
from ..domain.text import clean_text
from ..errors import ValidationError
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


# ------------------------------------------------------------------ "poor areas"
# Decree 338/2025, Art. 15 lends at the poor-household rate to Kinh workers of poor
# households living in areas with particularly difficult socio-economic conditions, as the
# Government lists them. No sourced list for Son La's new communes ships with the program
# (resources/data/SOURCES.md), so every flag starts off and the hub's admin sets it from the
# Government's decision; the flag is hub data and reaches the communes by sync.

@dataclass(frozen=True)
class UnitRow:
    code: str
    name: str
    full_name: str
    kind: str
    is_poor_area: bool


def list_units(ctx: ServiceContext) -> list[UnitRow]:
    """Every commune and ward of the province with its "difficult area" flag, by code."""
    ctx.require("settings.read")
    with ctx.db.session() as s:
        return [UnitRow(u.code, u.name, u.full_name, u.kind, bool(u.is_poor_area))
                for u in s.scalars(select(AdminUnit).where(~AdminUnit.deleted)
                                   .order_by(AdminUnit.code))]


def set_poor_area(ctx: ServiceContext, code: str, flag: bool) -> bool:
    """Set or clear one unit's flag (hub only: ``sync.ownership``), audited.

    Returns False when the flag already had that value (nothing is written then)."""
    ctx.require("rules.write")
    code = clean_text(str(code or ""))
    with ctx.transaction() as s:
        unit = s.scalar(select(AdminUnit).where(AdminUnit.code == code, ~AdminUnit.deleted))
        if unit is None:
            raise ValidationError(
                "code", f"Không có xã/phường mã “{code}” trong danh mục tỉnh Sơn La. "
                "Chưa có gì được ghi.",
                f"There is no commune or ward with code “{code}” in Son La. Nothing was "
                "written.")
        if bool(unit.is_poor_area) == flag:
            return False
        ctx.apply(s, unit, "admin_unit", {"is_poor_area": (bool(unit.is_poor_area), flag)})
        return True
