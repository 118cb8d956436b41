"""What a print job must be, decided without a printer: the papers the office prints, the
paper size each page asks for, and which pages a typed range means (issue 19).

The renderers already choose each paper's size; the printer is then told that size, never
the other way round (a driver whose default is Letter shrank the A4 dossier to 91%).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import UserError

# ISO sizes in PostScript points, portrait. A page within TOLERANCE of one of them *is* it
# (ReportLab writes A4 as 595.2756 x 841.8898).
SIZES = {"A4": (595.28, 841.89), "A5": (419.53, 595.28), "A3": (841.89, 1190.55)}
TOLERANCE = 1.5


@dataclass(frozen=True)
class Paper:
    """One kind of printed paper: what the audit log and the print queue call it."""

    key: str
    title_vi: str
    title_en: str
    # The permission the paper's content needs (the same as saving it as a file).
    action: str
    entity: str


PAPERS: dict[str, Paper] = {p.key: p for p in (
    Paper("dossier", "Hồ sơ vay vốn", "Loan dossier", "exports.personal", "loan_application"),
    Paper("attendance_sheet", "Danh sách ký tên", "Sign-in sheet", "exports.personal", "event"),
    Paper("follow_up", "Danh sách cần gọi lại", "Follow-up list", "exports.personal",
          "follow_up"),
    Paper("flyer", "Tờ rơi tuyển lao động", "Recruitment flyer", "events.read", "flyer"),
    Paper("progress_report", "Báo cáo tiến độ", "Progress report", "reports.read",
          "progress_report"),
)}


def paper(key: str) -> Paper:
    try:
        return PAPERS[key]
    except KeyError:
        raise ValueError(f"unknown paper {key!r}") from None


@dataclass(frozen=True)
class PageFormat:
    """A page's size as the printer must be told it: a named ISO size when it is one."""

    name: str | None        # "A4", "A5", ... or None for a custom size
    width_pt: float         # portrait width (the shorter side)
    height_pt: float        # portrait height
    landscape: bool

    @property
    def label(self) -> str:
        size = self.name or f"{self.width_pt:.0f}×{self.height_pt:.0f} pt"
        return f"{size} {'ngang' if self.landscape else 'dọc'}"


def page_format(width_pt: float, height_pt: float) -> PageFormat:
    """The format of a page ``width_pt`` × ``height_pt`` as it lies (landscape when wider)."""
    if width_pt <= 0 or height_pt <= 0:
        raise ValueError("a page has a positive size")
    short, long = sorted((width_pt, height_pt))
    for name, (w, h) in SIZES.items():
        if abs(short - w) <= TOLERANCE and abs(long - h) <= TOLERANCE:
            return PageFormat(name, w, h, width_pt > height_pt)
    return PageFormat(None, short, long, width_pt > height_pt)


def parse_page_range(text: str, page_count: int) -> list[int]:
    """The 1-based pages a clerk typed ("2", "1-3", "1, 4-5"; empty = every page), in the
    order typed, each page once. Refused with a message naming the part that is wrong."""
    if page_count < 1:
        raise UserError("Tài liệu không có trang nào để in.", "The document has no pages.")
    text = (text or "").strip()
    if not text:
        return list(range(1, page_count + 1))
    pages: list[int] = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        first, sep, last = part.partition("-")
        try:
            a = int(first.strip())
            b = int(last.strip()) if sep else a
        except ValueError:
            raise UserError(f"“{part}” không phải là số trang (ví dụ: 1-3, 5).",
                            f"“{part}” is not a page number (e.g. 1-3, 5).") from None
        if a < 1 or b < a or b > page_count:
            raise UserError(f"Trang “{part}” không có: tài liệu có {page_count} trang.",
                            f"Page “{part}” does not exist: the document has {page_count} "
                            "pages.")
        pages.extend(p for p in range(a, b + 1) if p not in pages)
    if not pages:
        raise UserError("Chưa chọn trang nào để in.", "No page chosen to print.")
    return pages


def format_pages(pages: list[int]) -> str:
    """``[1, 2, 3, 5]`` -> ``"1-3,5"`` (the form ``lp -P`` and the audit entry take)."""
    runs: list[str] = []
    start = prev = None
    for p in pages + [None]:
        if start is not None and p == prev + 1:
            prev = p
            continue
        if start is not None:
            runs.append(str(start) if start == prev else f"{start}-{prev}")
        start = prev = p
    return ",".join(runs)
