"""The words accepted in enumerated columns that come from reference data.

Communes by name, full name ("Xã Mường Bú") or code (also without the leading zero Excel
drops: 3670 for 03670); ethnic groups by display name, 1979 source name, unambiguous
other names or code; markets by Vietnamese or English name or ISO code.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.sheets import STATIC_TABLES, static_lookup, value_key
from ...models import AdminUnit, EthnicGroup, Market
from .coerce import Lookups


def _add(table: dict[str, str], word: str, value: str, taken: dict[str, str] | None = None) -> None:
    key = value_key(word)
    if not key:
        return
    if taken is not None and key in taken and taken[key] != value:
        taken[key] = ""  # the same alias for two values: accept neither
        return
    table.setdefault(key, value)


def build_lookups(session: Session) -> Lookups:
    communes: dict[str, str] = {}
    for code, name, full_name in session.execute(
            select(AdminUnit.code, AdminUnit.name, AdminUnit.full_name).where(~AdminUnit.deleted)):
        for word in (code, code.lstrip("0"), name, full_name):
            _add(communes, word, code)

    ethnic: dict[str, str] = {}
    others: dict[str, str] = {}
    rows = list(session.execute(select(EthnicGroup.code, EthnicGroup.name,
                                       EthnicGroup.source_name, EthnicGroup.other_names)
                                .where(~EthnicGroup.deleted)))
    for code, name, source_name, _ in rows:
        for word in (code, code.lstrip("0"), name, source_name):
            _add(ethnic, word, code)
    for code, _, _, other_names in rows:
        for word in (other_names or "").replace(".", ",").split(","):
            key = value_key(word)
            if key and key not in ethnic:
                if key in others and others[key] != code:
                    others[key] = ""
                else:
                    others[key] = code
    ethnic.update({k: v for k, v in others.items() if v})

    markets: dict[str, str] = {}
    for code, name_vi, name_en in session.execute(
            select(Market.code, Market.name_vi, Market.name_en).where(~Market.deleted)):
        for word in (code, name_vi, name_en):
            _add(markets, word, code)
    # Names clerks use that differ from the list's.
    for word, code in (("Hàn", "KR"), ("Korea", "KR"), ("Nhật", "JP"), ("Đài Bắc", "TW"),
                       ("UAE", "AE"), ("Ả Rập Saudi", "SA")):
        if code in markets.values():
            _add(markets, word, code)

    tables: dict[str, dict[str, str]] = {"commune": communes, "ethnic": ethnic, "market": markets}
    for name in STATIC_TABLES:
        tables[name] = static_lookup(name)
    return tables
