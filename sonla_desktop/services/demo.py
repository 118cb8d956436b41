"""Realistic, deterministic demo data (same seed, same database).

Workers are inserted in bulk through SQLAlchemy Core (100,000 in well under a minute):
one ORM object per row would be ten times slower and the rows need nothing the ORM adds.
"""

from __future__ import annotations

import importlib
import random
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import insert, select

from ..domain.text import name_sort_key
from ..domain.worker_rules import worker_search_text
from ..models import AdminUnit, Worker, utcnow
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
_UNASSIGNED_BLOCKS = ("0890", "0891", "0892", "0893", "0894", "0895")

# Other features add their demo records after the workers, in the same transaction:
# "module:function" called as fn(ctx, session, rng, today, summary).
DEMO_EXTENSIONS: tuple[str, ...] = ()


@dataclass
class DemoSummary:
    workers: int = 0
    extra: dict[str, int] = field(default_factory=dict)


def _weighted(rng: random.Random, items: list, weights: list[float]):
    return rng.choices(items, weights=weights, k=1)[0]


class _WorkerFactory:
    def __init__(self, rng: random.Random, communes: list[tuple[str, str]], today: date) -> None:
        self.rng = rng
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
            if number.startswith(_UNASSIGNED_BLOCKS):
                # Blocks 0890-0895 are not assigned: the phone rule (and sync's import
                # check) refuses them. Moved without another draw: same stream per seed.
                number = "0899" + number[4:]
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
        birth = self.today - timedelta(days=age_days)
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


def generate_demo(
    ctx: ServiceContext, workers: int = 1000, seed: int = 1, today: date | None = None,
    progress=None,
) -> DemoSummary:
    """Add ``workers`` demo workers (and the other demo records) in one transaction."""
    rng = random.Random(seed)
    today = today or date.today()
    summary = DemoSummary()
    with ctx.transaction() as s:
        communes = list(s.execute(select(AdminUnit.code, AdminUnit.kind).order_by(AdminUnit.code)))
        factory = _WorkerFactory(rng, [tuple(c) for c in communes], today)
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
