"""Realistic, deterministic demo data (same seed, same database).

Workers are inserted in bulk through SQLAlchemy Core (100,000 in well under a minute):
one ORM object per row would be ten times slower and the rows need nothing the ORM adds.
"""

from __future__ import annotations

import importlib
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import insert, select

from ..domain.text import name_sort_key
from ..domain.worker_rules import ADULT_AGE, age_on, worker_search_text
from ..models import AdminUnit, Market, Node, Worker, utcnow
from .context import ServiceContext
from .demo_names import (
    AGENCIES,
    EDUCATION,
    ETHNIC_NAMES,
    MARKET_MIX,
    MOBILE_PREFIXES,
    OCCUPATIONS,
    OTHER_OCCUPATIONS,
    OTHER_PROVINCE_CODES,
    VILLAGE_NAMES,
)

BATCH = 5000

# Other features add their demo records after the workers, in the same transaction:
# "module:function" called as fn(ctx, session, rng, today, summary).
DEMO_EXTENSIONS: tuple[str, ...] = (
    "sonla_desktop.services.demo_loans:add_demo_loans",
    "sonla_desktop.services.demo_events:add_demo_events",
    "sonla_desktop.services.targets:demo_targets",
)


@dataclass
class DemoSummary:
    workers: int = 0
    extra: dict[str, int] = field(default_factory=dict)


def _weighted(rng: random.Random, items: list, weights: list[float]):
    return rng.choices(items, weights=weights, k=1)[0]


class _WorkerFactory:
    def __init__(self, rng: random.Random, communes: list[tuple[str, str]], today: date,
                 min_age: dict[str, int] | None = None) -> None:
        self.rng = rng
        self.min_age = {m: max(ADULT_AGE, a) for m, a in (min_age or {}).items()}
        self.communes = communes
        self.today = today
        self.ethnic_codes = list(ETHNIC_NAMES)
        self.ethnic_weights = [ETHNIC_NAMES[c][0] for c in self.ethnic_codes]
        self.used_ids: set[str] = set()
        self.used_phones: set[str] = set()

    def national_id(self, birth: date, sex: str) -> str:
        rng = self.rng
        province = "014" if rng.random() < 0.9 else rng.choice(OTHER_PROVINCE_CODES)
        century = (0 if birth.year < 2000 else 2) + (1 if sex == "F" else 0)
        while True:
            nid = f"{province}{century}{birth.year % 100:02d}{rng.randrange(10**6):06d}"
            if nid not in self.used_ids:
                self.used_ids.add(nid)
                return nid

    def phone(self) -> str:
        while True:
            number = self.rng.choice(MOBILE_PREFIXES) + f"{self.rng.randrange(10**7):07d}"
            if number not in self.used_phones:
                self.used_phones.add(number)
                return number

    def make(self) -> dict:
        rng = self.rng
        ethnic = _weighted(rng, self.ethnic_codes, self.ethnic_weights)
        _, families, mid_m, mid_f, given_m, given_f = ETHNIC_NAMES[ethnic]
        sex = "M" if rng.random() < 0.62 else "F"
        middle = rng.choice(mid_m if sex == "M" else mid_f)
        given = rng.choice(given_m if sex == "M" else given_f)
        full_name = f"{rng.choice(families)} {middle} {given}"
        age_days = rng.randint(18 * 365 + 5, 40 * 365)
        commune_code, kind = rng.choice(self.communes)
        village = (f"Tổ dân phố {rng.randint(1, 12)}" if kind == "ward"
                   else rng.choice(VILLAGE_NAMES))
        market, months = _weighted(rng, [(m, c) for m, _, c in MARKET_MIX],
                                   [w for _, w, _ in MARKET_MIX])
        status = _weighted(rng, ["registered", "training", "departed", "returned", "cancelled"],
                           [0.33, 0.15, 0.37, 0.10, 0.05])
        departure = ret = None
        if status in ("departed", "returned"):
            start = date(2023, 1, 1)
            span = (self.today - start).days
            departure = start + timedelta(days=rng.randrange(span))
            if status == "returned":
                ret = departure + timedelta(days=rng.randint(180, 36 * 30))
                if ret >= self.today:
                    status, ret = "departed", None
        # The drawn age (18 to 40) is the age today, or at departure when that would
        # otherwise leave a worker who left years ago under age on the day (Law 69/2020,
        # Art. 44; a market may ask for more). 18 years hold at most 5 leap days, so
        # 18 * 365 + 5 days is always a completed 18 years.
        birth = self.today - timedelta(days=age_days)
        need = self.min_age.get(market, ADULT_AGE)
        if departure is not None and age_on(birth, departure) < need:
            birth = departure - timedelta(days=age_days)
            while age_on(birth, departure) < need:  # a market minimum above 18
                birth -= timedelta(days=366)
        household = _weighted(rng, ["poor", "near_poor", "none"], [0.15, 0.12, 0.73])
        row = {
            "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "full_name": full_name, "birth_date": birth, "birth_year": birth.year, "sex": sex,
            "national_id": self.national_id(birth, sex) if rng.random() < 0.97 else None,
            "id_issued_on": None,
            "phone": self.phone() if rng.random() < 0.92 else "",
            "ethnic_code": ethnic, "commune_code": commune_code, "village": village,
            "household": household, "education": rng.choice(EDUCATION),
            "market_code": market if status != "registered" or rng.random() < 0.7 else None,
            "occupation": rng.choice(OCCUPATIONS.get(market, OTHER_OCCUPATIONS)),
            "agency": rng.choice(AGENCIES) if status != "registered" else "",
            "status": status, "departure_date": departure, "return_date": ret,
            "contract_months": months if status in ("training", "departed", "returned") else None,
            "source": "office", "notes": "",
        }
        row["search_text"] = worker_search_text(row)
        row["sort_key"] = name_sort_key(full_name)
        return row


def own_communes(ctx: ServiceContext) -> list[str] | None:
    """The communes a commune office serves; None at the hub or before set-up."""
    ctx.require("lookups.read")
    with ctx.db.session() as s:
        node = s.scalar(select(Node).where(Node.is_self.is_(True)))
    if node is None or node.is_hub:
        return None
    return [c for c in node.scope.split(",") if c] or None


def generate_demo(
    ctx: ServiceContext, workers: int = 1000, seed: int = 1, today: date | None = None,
    progress=None, communes: Sequence[str] | None = None,
) -> DemoSummary:
    """Add ``workers`` demo workers (and the other demo records) in one transaction.

    ``communes`` limits where the workers live (a commune office's own scope, see
    ``own_communes``); by default they are spread over the whole province, as at the hub.
    """
    ctx.require("demo.write")
    rng = random.Random(seed)
    today = today or date.today()
    summary = DemoSummary()
    with ctx.transaction() as s:
        stmt = select(AdminUnit.code, AdminUnit.kind).order_by(AdminUnit.code)
        if communes:
            stmt = stmt.where(AdminUnit.code.in_(list(communes)))
        units = [tuple(c) for c in s.execute(stmt)]
        min_age = {c: a for c, a in s.execute(select(Market.code, Market.min_age))}
        factory = _WorkerFactory(rng, units, today, min_age)
        existing = set(s.scalars(select(Worker.national_id).where(Worker.national_id.is_not(None))))
        factory.used_ids |= existing
        clock = ctx.clock(s)
        now = utcnow()
        batch: list[dict] = []
        for i in range(workers):
            row = factory.make()
            row.update(origin=ctx.node_id, version=clock.tick(), deleted=False,
                       created_at=now, updated_at=now)
            batch.append(row)
            if len(batch) >= BATCH:
                s.execute(insert(Worker), batch)
                batch.clear()
                if progress:
                    progress(i + 1, workers)
        if batch:
            s.execute(insert(Worker), batch)
        summary.workers = workers
        for target in DEMO_EXTENSIONS:
            module_name, _, fn_name = target.partition(":")
            fn = getattr(importlib.import_module(module_name), fn_name)
            fn(ctx, s, rng, today, summary)
        ctx.next_version(s)  # persist the clock past the bulk versions
        ctx.audit(s, "demo", "worker", "-", {"count": (None, workers), "seed": (None, seed)})
    return summary
