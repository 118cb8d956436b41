"""Rows of the "Chỉ tiêu" sheet: one departure target per year and commune (an empty
commune is the province's target). A row whose target cell is empty is skipped, so the
template can list every commune and the clerk fills in the ones they know."""

from __future__ import annotations

from ...domain.progress import check_departures, check_year
from ...errors import UserError
from ...sync.ownership import hub_only_refusal
from .plan import ImportPlan
from .reader import Row, SheetData


def plan_targets(plan: ImportPlan, sheets: list[SheetData]) -> None:
    seen: dict[tuple, Row] = {}
    for sheet in sheets:
        for row in sheet.rows:
            v = row.values
            if row.bad:
                continue
            if v.get("departures") is None:
                continue
            if plan.owned:
                refusal = hub_only_refusal("target")
                row.error("departures", refusal.vi, refusal.en)
                continue
            year = v.get("year")
            if year is None:
                row.error("year", "Chưa nhập năm.", "The year is missing.")
                continue
            try:
                check_year(year)
            except UserError as err:
                row.error("year", err.vi, err.en)
                continue
            try:
                count = check_departures(v["departures"])
            except UserError as err:
                row.error("departures", err.vi, err.en)
                continue
            key = (year, v.get("commune_code"))
            if key in seen:
                row.error("departures", f"Chỉ tiêu trùng với dòng {seen[key].number}.",
                          f"The target repeats row {seen[key].number}.")
                continue
            seen[key] = row
            plan.targets.append((year, v.get("commune_code"), count))
