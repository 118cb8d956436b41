"""Rules of the progress report: periods, targets and achievement (pure).

Definitions (issue 7, also in docs/architecture.md):
- a departure counts in a period when the worker's departure date lies in it and the
  worker's status is departed or returned;
- a loan counts by its (first) disbursement date;
- outstanding balances are taken on the period's last day, or today while the period runs;
- the target of a period is the sum of the yearly targets of the calendar years the period
  covers completely (none for a quarter: a yearly target is not split by month);
- achievement = departures / target × 100, rounded half-up to one decimal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from ..errors import ValidationError

MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_TARGET = 1_000_000


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def whole_years(self) -> list[int]:
        """Calendar years lying completely inside the period."""
        return [y for y in range(self.start.year, self.end.year + 1)
                if self.start <= date(y, 1, 1) and date(y, 12, 31) <= self.end]

    def as_of(self, today: date) -> date:
        """The day balances are read: the last day, or today while the period runs."""
        return min(self.end, max(today, self.start))


def check_year(year: int, field: str = "year") -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(field, f"Năm {year} không hợp lệ (từ {MIN_YEAR} đến {MAX_YEAR}).",
                              f"Year {year} is out of range ({MIN_YEAR}-{MAX_YEAR}).")
    return year


def check_departures(count: int, field: str = "departures") -> int:
    if not 0 <= count <= MAX_TARGET:
        raise ValidationError(field, f"Chỉ tiêu phải là số người từ 0 đến {MAX_TARGET:,}."
                              .replace(",", "."),
                              f"The target must be a number of people from 0 to {MAX_TARGET:,}.")
    return count


def year_period(year: int) -> Period:
    check_year(year)
    return Period(date(year, 1, 1), date(year, 12, 31))


def make_period(year: int | None, start: date | None, end: date | None, today: date) -> Period:
    """``--year`` or ``--from``/``--to`` (either end may be left out); default this year."""
    if year is not None and (start is not None or end is not None):
        raise ValidationError("period", "Chọn theo năm hoặc theo khoảng ngày, không cả hai.",
                              "Give a year or a date range, not both.")
    if year is not None:
        return year_period(year)
    if start is None and end is None:
        return year_period(today.year)
    start = start or date(end.year, 1, 1)
    end = end or date(start.year, 12, 31)
    if end < start:
        raise ValidationError("period", "Ngày kết thúc phải sau ngày bắt đầu.",
                              "The end date must not be before the start date.")
    return Period(start, end)


def achievement_pct(total: int, target: int | None) -> float | None:
    """``total / target × 100`` to one decimal (half-up); None without a (positive) target."""
    if not target:
        return None
    value = (Decimal(total) * 100 / Decimal(target)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return float(value)


PROVINCE_LABEL = "Toàn tỉnh Sơn La"


@dataclass(frozen=True)
class ReportScope:
    """The communes a report covers, and how its title names them.

    ``whole_province`` only at the hub (or when every commune is in scope): a commune
    office's database holds only its own communes, so calling its figures the province's
    would compare them with the wrong target.
    """

    communes: tuple[str, ...]
    label: str
    whole_province: bool = False


@dataclass(frozen=True)
class ReportTarget:
    """The target a report compares with, and where it came from.

    ``basis``: "province" (the province's own target), "communes" (the sum of the targets
    of the communes in scope; for the province when it has none of its own), or "none"
    (``missing`` lists the communes in scope without a target for a year).
    """

    departures: int | None
    basis: str
    years: tuple[int, ...] = ()
    communes: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()

    def as_json(self) -> dict:
        return {"departures": self.departures, "basis": self.basis, "years": list(self.years),
                "communes": list(self.communes), "missing": list(self.missing)}


@dataclass(frozen=True)
class ProgressFigures:
    """Everything the progress report shows, gathered once for JSON, Excel, PDF and screen.

    Dicts are ordered for display: markets by count (largest first), communes by code,
    policy groups in their fixed order (all seven, zeros included).
    """

    period: Period
    commune_code: str | None
    as_of: date
    departures_total: int
    departures_by_market: dict[str, int]
    departures_by_commune: dict[str, int]
    target: int | None
    loans_count: int
    loans_amount_vnd: int
    loans_by_group: dict[str, int]
    outstanding_vnd: int
    borrowers: int
    overdue_vnd: int
    events: int
    attendees: int
    departures_by_month: tuple[int, ...] = ()  # 12 values when the period is one year
    market_names: dict[str, str] | None = None
    commune_names: dict[str, str] | None = None
    scope: ReportScope | None = None
    target_used: ReportTarget | None = None

    @property
    def whole_province(self) -> bool:
        return self.scope.whole_province if self.scope else self.commune_code is None

    @property
    def scope_label(self) -> str:
        if self.scope is not None:
            return self.scope.label
        return self.commune_name(self.commune_code)

    @property
    def achievement_pct(self) -> float | None:
        return achievement_pct(self.departures_total, self.target)

    def as_json(self) -> dict:
        """Exactly the shape of issue 7 (keys in English, ISO markets, policy-group keys)."""
        return {
            "period": {"from": self.period.start.isoformat(), "to": self.period.end.isoformat()},
            "commune": self.commune_code,
            "scope": list(self.scope.communes) if self.scope else (
                [self.commune_code] if self.commune_code else []),
            "scope_label": self.scope_label,
            "whole_province": self.whole_province,
            "target": self.target_used.as_json() if self.target_used else None,
            "departures": {
                "total": self.departures_total,
                "by_market": dict(self.departures_by_market),
                "by_commune": dict(self.departures_by_commune),
                "target": self.target,
                "achievement_pct": self.achievement_pct,
            },
            "loans": {
                "count": self.loans_count,
                "amount_vnd": self.loans_amount_vnd,
                "by_policy_group": dict(self.loans_by_group),
            },
            "outstanding": {
                "balance_vnd": self.outstanding_vnd,
                "borrowers": self.borrowers,
                "overdue_vnd": self.overdue_vnd,
            },
            "counselling": {"events": self.events, "attendees": self.attendees},
        }

    def market_name(self, code: str) -> str:
        return (self.market_names or {}).get(code, code)

    def commune_name(self, code: str | None) -> str:
        if code is None:
            return PROVINCE_LABEL
        return (self.commune_names or {}).get(code, code)
