"""The rows of the progress report's figure table, shared by the Excel and PDF versions."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.dates import format_date
from ..domain.loans import format_vnd
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
    """The communes the report covers ("Toàn tỉnh Sơn La" only for the whole province)."""
    return f.scope_label


def target_text(f: ProgressFigures) -> str:
    """Which target the achievement is measured against, so a reader can check it."""
    t = f.target_used
    if t is None:
        return ""
    years = ", ".join(str(y) for y in t.years)
    if t.departures is None:
        if t.missing:
            names = ", ".join(f.commune_name(c) for c in t.missing)
            return f"Chưa so với chỉ tiêu: chưa có chỉ tiêu năm {years} của {names}."
        return "Chưa so với chỉ tiêu: kỳ báo cáo không trọn năm hoặc chưa có chỉ tiêu."
    number = format_vnd(t.departures)
    if t.basis == "province":
        return f"Chỉ tiêu so sánh: {number} người, chỉ tiêu toàn tỉnh năm {years}."
    if f.whole_province:
        return (f"Chỉ tiêu so sánh: {number} người, tổng chỉ tiêu các xã, phường năm {years} "
                "(tỉnh chưa có chỉ tiêu riêng).")
    if len(t.communes) == 1:
        return (f"Chỉ tiêu so sánh: {number} người, chỉ tiêu năm {years} của "
                f"{f.commune_name(t.communes[0])}.")
    return (f"Chỉ tiêu so sánh: {number} người, tổng chỉ tiêu năm {years} của "
            f"{len(t.communes)} xã, phường trong phạm vi.")


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
