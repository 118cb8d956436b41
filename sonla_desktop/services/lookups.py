"""Reference lists for pick-lists and labels (communes, ethnic groups, markets).

Read once per screen set-up: a few hundred short rows, so the GUI keeps them in memory and
never joins them per row it shows.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import select

from .. import paths
from ..domain.text import clean_text, fold
from ..domain.worker_rules import ReferenceCodes
from ..models import AdminUnit, EthnicGroup, Market
from .context import ServiceContext


@dataclass(frozen=True)
class Choice:
    code: str
    label_vi: str
    label_en: str
    # Folded words the type-ahead matches against (name, other names, code).
    search: str
    # Short form for table cells ("Chiềng Cơi" rather than "Phường Chiềng Cơi").
    short_vi: str = ""
    short_en: str = ""

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" and self.label_en else self.label_vi

    def short(self, lang: str) -> str:
        text = self.short_en if lang == "en" else self.short_vi
        return text or self.label(lang)


@dataclass(frozen=True)
class Lookups:
    communes: tuple[Choice, ...]
    ethnic_groups: tuple[Choice, ...]
    markets: tuple[Choice, ...]

    def refs(self) -> ReferenceCodes:
        return ReferenceCodes(
            communes=frozenset(c.code for c in self.communes),
            ethnic_groups=frozenset(c.code for c in self.ethnic_groups),
            markets=frozenset(c.code for c in self.markets),
        )

    @cached_property
    def _by_code(self) -> dict[str, dict[str, Choice]]:
        return {"commune": {c.code: c for c in self.communes},
                "market": {c.code: c for c in self.markets},
                "ethnic": {c.code: c for c in self.ethnic_groups}}

    def commune_name(self, code: str | None, lang: str = "vi") -> str:
        choice = self._by_code["commune"].get(code or "")
        return choice.short(lang) if choice else (code or "")

    def commune_label(self, code: str | None, lang: str = "vi") -> str:
        choice = self._by_code["commune"].get(code or "")
        return choice.label(lang) if choice else (code or "")

    def market_name(self, code: str | None, lang: str = "vi") -> str:
        choice = self._by_code["market"].get(code or "")
        return choice.label(lang) if choice else (code or "")


def load_lookups(ctx: ServiceContext) -> Lookups:
    with ctx.db.session() as s:
        communes = tuple(
            Choice(code, full_name,
                   f"{name_en} {'Ward' if kind == 'ward' else 'Commune'}" if name_en else full_name,
                   fold(f"{full_name} {name} {code}"), name, name_en)
            for code, name, name_en, full_name, kind in s.execute(
                select(AdminUnit.code, AdminUnit.name, AdminUnit.name_en, AdminUnit.full_name,
                       AdminUnit.kind).where(~AdminUnit.deleted))
        )
        # Groups living in Son La first: they are the ones a clerk picks every day.
        ethnic = tuple(
            Choice(code, name, name, search or fold(name))
            for code, name, search, _ in s.execute(
                select(EthnicGroup.code, EthnicGroup.name, EthnicGroup.search_text,
                       EthnicGroup.in_son_la)
                .where(~EthnicGroup.deleted)
                .order_by(EthnicGroup.in_son_la.desc(), EthnicGroup.code))
        )
        markets = tuple(
            Choice(code, name_vi, name_en, fold(f"{name_vi} {name_en} {code}"))
            for code, name_vi, name_en in s.execute(
                select(Market.code, Market.name_vi, Market.name_en)
                .where(~Market.deleted))
        )
    communes = tuple(sorted(communes, key=lambda c: _place_order(c.short_vi)))
    markets = tuple(sorted(markets, key=lambda c: _place_order(c.label_vi)))
    return Lookups(communes, ethnic, markets)


def _place_order(name: str) -> tuple[str, str]:
    # Alphabetical as a clerk reads a list of places; marks only break ties.
    return (fold(name), name)


def shipped_communes() -> tuple[Choice, ...]:
    """The 75 units from the shipped list, for the first-run wizard (before any seeding)."""
    with paths.data_file("sonla_units.csv").open(encoding="utf-8", newline="") as fh:
        rows = [{k: clean_text(v) for k, v in row.items()} for row in csv.DictReader(fh)]
    return tuple(
        Choice(r["code"], r["full_name"],
               f"{r['name_en']} {'Ward' if r['kind'] == 'ward' else 'Commune'}",
               fold(f"{r['full_name']} {r['name']} {r['code']}"), r["name"], r["name_en"])
        for r in sorted(rows, key=lambda r: _place_order(r["name"]))
    )
