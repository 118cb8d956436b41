"""The rows of the progress report's figure table, shared by the Excel and PDF versions."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.dates import format_date
from ..domain.policy import POLICY_GROUPS
from ..domain.progress import ProgressFigures
from ..domain.sheets import POLICY_GROUP_TEMPLATE_LABELS

TITLE = "BÁO CÁO KẾT QUẢ ĐƯA NGƯỜI LAO ĐỘNG ĐI LÀM VIỆC Ở NƯỚC NGOÀI THEO HỢP ĐỒNG"


@dataclass(frozen=True)
class FigureRow:
    label: str
    value: int | float | None
    kind: str  # "count" | "vnd" | "pct"


def figure_rows(f: ProgressFigures) -> list[FigureRow]:
    return [
        FigureRow("Số người xuất cảnh trong kỳ", f.departures_total, "count"),
        FigureRow("Chỉ tiêu", f.target, "count"),
        FigureRow("Tỷ lệ hoàn thành chỉ tiêu (%)", f.achievement_pct, "pct"),
        FigureRow("Số khoản vay giải ngân trong kỳ", f.loans_count, "count"),
        FigureRow("Số tiền giải ngân trong kỳ (đồng)", f.loans_amount_vnd, "vnd"),
        FigureRow(f"Dư nợ đến ngày {format_date(f.as_of)} (đồng)", f.outstanding_vnd, "vnd"),
        FigureRow("Số người còn dư nợ", f.borrowers, "count"),
        FigureRow("Nợ gốc quá hạn (đồng)", f.overdue_vnd, "vnd"),
        FigureRow("Số hội nghị tư vấn", f.events, "count"),
        FigureRow("Số lượt người tham dự hội nghị", f.attendees, "count"),
    ]


def scope_text(f: ProgressFigures) -> str:
    if f.commune_code is None:
        return "Toàn tỉnh Sơn La"
    return f"Xã/phường {f.commune_name(f.commune_code)} ({f.commune_code})"


def period_text(f: ProgressFigures) -> str:
    years = f.period.whole_years
    if years == [f.period.start.year] and f.period.end.year == f.period.start.year:
        return f"Năm {f.period.start.year} (từ {format_date(f.period.start)} đến " \
               f"{format_date(f.period.end)})"
    return f"Từ {format_date(f.period.start)} đến {format_date(f.period.end)}"


def group_rows(f: ProgressFigures) -> list[tuple[str, int]]:
    return [(POLICY_GROUP_TEMPLATE_LABELS[g], f.loans_by_group.get(g, 0)) for g in POLICY_GROUPS]


def market_rows(f: ProgressFigures) -> list[tuple[str, str, int, float]]:
    """(code, name, departures, share %) largest first."""
    total = f.departures_total or 1
    return [(code, f.market_name(code), n, round(n * 100 / total, 1))
            for code, n in f.departures_by_market.items()]
