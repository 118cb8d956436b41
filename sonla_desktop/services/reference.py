"""Loading the shipped reference data (units, ethnic groups, markets, policy data).

Seeding is idempotent: rows are keyed by their natural code with deterministic UUIDs,
so running ``init`` twice, or on two nodes, gives identical rows.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import paths
from ..domain.text import clean_text, fold
from ..domain.worker_rules import ADULT_AGE
from ..models import (
    AdminUnit,
    EthnicGroup,
    Market,
    PolicyGroup,
    PolicyParam,
    PolicyRate,
    reference_id,
)
from .context import ServiceContext

# The 1979 list spells some names in old or hyphenated forms; clerks and the 2019 census
# write them like this. The source spelling is kept in ``source_name``.
ETHNIC_DISPLAY_NAMES = {
    "05": "Khmer", "08": "Mông", "10": "Gia Rai", "12": "Ê Đê", "13": "Ba Na",
    "14": "Xơ Đăng", "16": "Cơ Ho", "20": "Mnông", "21": "Ra Glai", "22": "Xtiêng",
    "23": "Bru - Vân Kiều", "26": "Cơ Tu", "27": "Giẻ Triêng", "29": "Khơ Mú",
    "31": "Tà Ôi", "32": "Chơ Ro", "34": "Xinh Mun", "36": "Chu Ru", "54": "Rơ Măm",
}

POLICY_GROUP_ROWS = (
    ("poor", "Hộ nghèo", "Poor household"),
    ("near_poor", "Hộ cận nghèo", "Near-poor household"),
    ("ethnic_minority", "Người dân tộc thiểu số", "Ethnic minority"),
    ("land_revoked", "Hộ bị thu hồi đất nông nghiệp", "Farmland revoked"),
    ("meritorious_relative", "Thân nhân người có công", "Relative of a person with merit"),
    ("poor_area", "Người ở huyện, xã nghèo", "Resident of a poor area"),
    ("other", "Khác", "Other"),
)


@dataclass(frozen=True)
class SeedSummary:
    units: int
    ethnic_groups: int
    markets: int
    policy_rates: int
    policy_params: int


def _read_csv(name: str) -> list[dict[str, str]]:
    path: Path = paths.data_file(name)
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: clean_text(v) for k, v in row.items()} for row in csv.DictReader(fh)]


def _opt_date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _upsert(session: Session, model, key_field: str, key: str, values: dict, ctx) -> None:
    row = session.scalar(select(model).where(getattr(model, key_field) == key))
    if row is None:
        row = model(id=reference_id(model.__tablename__, key), **{key_field: key}, **values)
        session.add(row)
        ctx.stamp(session, row, check_owner=False)
        return
    changed = {k: v for k, v in values.items() if getattr(row, k) != v}
    if changed:
        for k, v in changed.items():
            setattr(row, k, v)
        ctx.stamp(session, row, check_owner=False)


def shipped_unit_codes() -> set[str]:
    """The commune/ward codes of the shipped reference list (no database needed)."""
    return {u["code"] for u in _read_csv("sonla_units.csv")}


def seed_reference(ctx: ServiceContext, session: Session) -> SeedSummary:
    """Insert or refresh the shipped reference rows inside the caller's transaction."""
    from ..domain.policy import DEFAULT_PARAMS

    units = _read_csv("sonla_units.csv")
    for u in units:
        _upsert(session, AdminUnit, "code", u["code"], {
            "name": u["name"], "name_en": u["name_en"], "full_name": u["full_name"],
            "kind": u["kind"], "search_text": fold(f"{u['full_name']} {u['code']}"),
        }, ctx)
    groups = _read_csv("ethnic_groups.csv")
    for g in groups:
        display = ETHNIC_DISPLAY_NAMES.get(g["code"], g["name"])
        _upsert(session, EthnicGroup, "code", g["code"], {
            "name": display, "source_name": g["name"], "other_names": g["other_names"],
            "in_son_la": g["in_son_la"] == "yes",
            "search_text": fold(f"{display} {g['name']} {g['other_names']}"),
        }, ctx)
    markets = _read_csv("markets.csv")
    for m in markets:
        _upsert(session, Market, "code", m["code"], {
            "name_vi": m["name_vi"], "name_en": m["name_en"], "region": m["region"],
            # Empty = the legal minimum; a market's own higher minimum is data, not code.
            "min_age": max(ADULT_AGE, int(m.get("min_age") or ADULT_AGE)),
        }, ctx)
    for order, (key, vi, en) in enumerate(POLICY_GROUP_ROWS):
        _upsert(session, PolicyGroup, "key", key,
                {"name_vi": vi, "name_en": en, "sort_order": order}, ctx)
    rates = _read_csv("policy_rates.csv")
    for r in rates:
        natural = f"{r['group']}|{r['valid_from']}"
        _upsert_by_id(session, PolicyRate, natural, {
            "group_key": r["group"], "rate_pct_year": Decimal(r["rate_pct_year"]),
            "valid_from": _opt_date(r["valid_from"]), "valid_to": _opt_date(r["valid_to"]),
            "basis": r["basis"], "confidence": r["confidence"],
        }, ctx)
    for p in DEFAULT_PARAMS:
        natural = f"{p.key}|{p.valid_from.isoformat() if p.valid_from else ''}"
        _upsert_by_id(session, PolicyParam, natural, {
            "key": p.key, "value": Decimal(p.value), "valid_from": p.valid_from,
            "valid_to": p.valid_to, "basis": p.basis,
        }, ctx)
    from .loan_rules import seed_loan_rules

    seed_loan_rules(ctx, session)
    return SeedSummary(len(units), len(groups), len(markets), len(rates), len(DEFAULT_PARAMS))


def _upsert_by_id(session: Session, model, natural: str, values: dict, ctx) -> None:
    # Shipped rate rows are inserted once; rows an admin or the hub edited later are
    # left alone, so a re-run of init never undoes a correction.
    rid = reference_id(model.__tablename__, natural)
    if session.get(model, rid) is None:
        row = model(id=rid, **values)
        session.add(row)
        ctx.stamp(session, row, check_owner=False)
