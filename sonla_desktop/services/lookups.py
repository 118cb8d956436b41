"""Reference lists for pick-lists and labels (communes, ethnic groups, markets).

Read once per screen set-up: a few hundred short rows, so the GUI keeps them in memory and
never joins them per row it shows. The queries are plain SQL run through any DB-API style
``execute`` (a SQLAlchemy connection or a bare sqlite3 one), so the GUI's first window can
have them before SQLAlchemy has loaded (see ``quick_start``).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from .. import paths
from ..domain.text import clean_text, fold
from ..domain.worker_rules import ReferenceCodes
from .context import ServiceContext

# ``NOT deleted`` reads the same on SQLite (0/1) and PostgreSQL (boolean).
COMMUNES_SQL = "SELECT code, name, name_en, full_name, kind FROM admin_unit WHERE NOT deleted"
# Groups living in Son La first: they are the ones a clerk picks every day.
ETHNIC_GROUPS_SQL = ("SELECT code, name, search_text FROM ethnic_group WHERE NOT deleted "
                     "ORDER BY in_son_la DESC, code")
MARKETS_SQL = "SELECT code, name_vi, name_en, min_age FROM market WHERE NOT deleted"
SELF_SQL = "SELECT scope, is_hub FROM node WHERE is_self"

Execute = Callable[[str], Iterable[Sequence]]


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
    market_min_age: dict[str, int] = field(default_factory=dict)
    # The commune a new person most likely lives in: the office's own when it serves exactly
    # one (a commune office); None at the hub or an office serving several.
    home_commune: str | None = None

    def refs(self) -> ReferenceCodes:
        return ReferenceCodes(
            communes=frozenset(c.code for c in self.communes),
            ethnic_groups=frozenset(c.code for c in self.ethnic_groups),
            markets=frozenset(c.code for c in self.markets),
            market_min_age=dict(self.market_min_age),
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
    ctx.require("lookups.read")
    with ctx.db.session() as s:
        conn = s.connection()
        return read_lookups(lambda sql: conn.exec_driver_sql(sql).all())


def read_lookups(execute: Execute) -> Lookups:
    """The three lists from ``execute(sql) -> rows``."""
    communes = tuple(
        Choice(code, full_name,
               f"{name_en} {'Ward' if kind == 'ward' else 'Commune'}" if name_en else full_name,
               fold(f"{full_name} {name} {code}"), name, name_en)
        for code, name, name_en, full_name, kind in execute(COMMUNES_SQL)
    )
    ethnic = tuple(Choice(code, name, name, search or fold(name))
                   for code, name, search in execute(ETHNIC_GROUPS_SQL))
    market_rows = list(execute(MARKETS_SQL))
    markets = tuple(Choice(code, name_vi, name_en, fold(f"{name_vi} {name_en} {code}"))
                    for code, name_vi, name_en, _ in market_rows)
    communes = tuple(sorted(communes, key=lambda c: _place_order(c.short_vi)))
    markets = tuple(sorted(markets, key=lambda c: _place_order(c.label_vi)))
    scopes = [(scope or "", bool(hub)) for scope, hub in execute(SELF_SQL)]
    own = [c for c in scopes[0][0].split(",") if c] if scopes and not scopes[0][1] else []
    known = {c.code for c in communes}
    home = own[0] if len(own) == 1 and own[0] in known else None
    return Lookups(communes, ethnic, markets,
                   {code: int(age) for code, *_, age in market_rows if age is not None}, home)


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
