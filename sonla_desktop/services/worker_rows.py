"""What the worker list shows and filters by: plain values, no database types.

Kept apart from ``services.workers`` so the GUI can hold rows and filters (and show the
first page, see ``quick_start``) before SQLAlchemy is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class WorkerRow:
    id: str
    full_name: str
    birth_date: date | None
    birth_year: int | None
    sex: str
    national_id: str | None
    phone: str
    ethnic_code: str | None
    ethnic_group: str | None
    commune_code: str
    commune_name: str
    village: str
    household: str
    market: str | None
    status: str
    departure_date: date | None

    def as_json(self) -> dict:
        return {
            "id": self.id, "full_name": self.full_name,
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "birth_year": self.birth_year, "sex": self.sex, "national_id": self.national_id,
            "phone": self.phone, "ethnic_code": self.ethnic_code, "ethnic_group": self.ethnic_group,
            "commune_code": self.commune_code, "commune_name": self.commune_name,
            "village": self.village, "household": self.household, "market": self.market,
            "status": self.status,
            "departure_date": self.departure_date.isoformat() if self.departure_date else None,
        }


@dataclass(frozen=True)
class WorkerFilter:
    search: str = ""
    commune_code: str | None = None
    status: str | None = None
    market_code: str | None = None
    ethnic_code: str | None = None
    household: str | None = None
    include_deleted: bool = False
