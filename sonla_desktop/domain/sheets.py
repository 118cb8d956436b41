"""The spreadsheets the program reads and writes: sheet names, column headers, value kinds.

One description per sheet serves the empty template, the import (headers are matched
ignoring case, diacritics and spacing, in any order) and the export (an export re-imports
cleanly because it writes the very same headers). Pure data: no openpyxl, no database.

The first columns of the workers, loans and attendance sheets are exactly those of the
published templates, in order. Columns marked ``extra`` are not in the template; the export
adds them after the template's columns so that nothing is lost in a round trip, and an
import recognises them when they are present.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .text import fold

# Value kinds. A "choice:<table>" column is looked up in a named table of accepted words
# (labels, codes, English names) folded the same way as headers.
TEXT = "text"
MULTILINE = "multiline"
RAW = "raw"  # handed to the domain rule unchanged (CCCD, phone, sex): they accept numbers
DATE = "date"
INT = "int"
MONEY = "money"
DECIMAL = "decimal"
YEAR = "year"
BOOL = "bool"


def choice(table: str) -> str:
    return f"choice:{table}"


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    kind: str = TEXT
    required: bool = False  # the column must exist (an empty cell is judged by the rules)
    extra: bool = False  # not in the template; written by the export
    aliases: tuple[str, ...] = ()
    help_vi: str = ""
    help_en: str = ""
    width: int = 16

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(header_key(h) for h in (self.header, *self.aliases))


@dataclass(frozen=True)
class SheetSpec:
    kind: str
    title: str
    columns: tuple[Column, ...]
    aliases: tuple[str, ...] = ()
    title_en: str = ""
    by_field: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_field", {c.field: c for c in self.columns})

    @property
    def template_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if not c.extra)

    def column(self, field_name: str) -> Column:
        return self.by_field[field_name]

    def header(self, field_name: str) -> str:
        return self.by_field[field_name].header


def header_key(text: object) -> str:
    """How a header or sheet name is compared: no case, no marks, no spaces or punctuation."""
    return fold(str(text) if text is not None else "").replace(" ", "")


def value_key(text: object) -> str:
    """How a word in an enumerated column is compared (same as headers)."""
    return header_key(text)


# ------------------------------------------------------------------ enumerated values

SEX_LABELS = {"M": "Nam", "F": "Nữ"}
HOUSEHOLD_TEMPLATE_LABELS = {"poor": "Hộ nghèo", "near_poor": "Hộ cận nghèo", "none": "Không"}
STATUS_TEMPLATE_LABELS = {
    "registered": "Đăng ký", "training": "Đào tạo", "departed": "Đã xuất cảnh",
    "returned": "Đã về nước", "cancelled": "Huỷ",
}
POLICY_GROUP_TEMPLATE_LABELS = {
    "poor": "Hộ nghèo", "near_poor": "Hộ cận nghèo", "ethnic_minority": "Dân tộc thiểu số",
    "land_revoked": "Thu hồi đất", "meritorious_relative": "Thân nhân người có công",
    "poor_area": "Vùng nghèo", "other": "Khác",
}
LOAN_STATUS_LABELS = {
    "draft": "Nháp", "submitted": "Đã nộp", "approved": "Đã duyệt", "disbursed": "Đã giải ngân",
    "closed": "Đã tất toán", "rejected": "Bị từ chối",
}
CONSENT_METHOD_LABELS = {"written": "Văn bản", "verbal": "Lời nói"}
BOOL_LABELS = {True: "Có", False: "Không"}

# Extra words accepted on import for the static tables (the labels and keys always are).
STATIC_ALIASES: dict[str, dict[str, str]] = {
    "household": {"Hộ không nghèo": "none", "Khác": "none", "Bình thường": "none",
                  "Cận nghèo": "near_poor", "Nghèo": "poor"},
    "status": {"Đăng kí": "registered", "Đang đào tạo": "training", "Xuất cảnh": "departed",
               "Đang ở nước ngoài": "departed", "Về nước": "returned", "Đã huỷ": "cancelled",
               "Hủy bỏ": "cancelled"},
    "policy_group": {"Người dân tộc thiểu số": "ethnic_minority", "DTTS": "ethnic_minority",
                     "Hộ bị thu hồi đất": "land_revoked",
                     "Hộ bị thu hồi đất nông nghiệp": "land_revoked",
                     "Vùng nghèo (xã/huyện nghèo)": "poor_area",
                     "Người ở huyện, xã nghèo": "poor_area", "Xã nghèo": "poor_area",
                     "Cận nghèo": "near_poor", "Nghèo": "poor"},
    "loan_status": {"Giải ngân": "disbursed", "Tất toán": "closed", "Từ chối": "rejected"},
    "consent_method": {"Viết": "written", "Bằng văn bản": "written", "Miệng": "verbal",
                       "Bằng lời": "verbal"},
}

STATIC_TABLES: dict[str, dict[str, str]] = {
    "household": HOUSEHOLD_TEMPLATE_LABELS,
    "status": STATUS_TEMPLATE_LABELS,
    "policy_group": POLICY_GROUP_TEMPLATE_LABELS,
    "loan_status": LOAN_STATUS_LABELS,
    "consent_method": CONSENT_METHOD_LABELS,
}


def static_lookup(table: str) -> dict[str, str]:
    """Folded word -> value for one static table: labels, keys and known aliases."""
    out: dict[str, str] = {}
    for value, label in STATIC_TABLES[table].items():
        out[value_key(value)] = value
        out[value_key(label)] = value
    for word, value in STATIC_ALIASES.get(table, {}).items():
        out.setdefault(value_key(word), value)
    return out


_TRUE_WORDS = {"co", "x", "1", "true", "yes", "dong y"}
_FALSE_WORDS = {"khong", "0", "false", "no", ""}


def parse_bool(value: object) -> bool | None:
    """Có/Không, x, 1/0, TRUE/FALSE; None when the word means neither."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return bool(value)
    word = fold(str(value) if value is not None else "")
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    return None


# ------------------------------------------------------------------ sheets

_DATE_HELP_VI = "Ngày/tháng/năm, ví dụ 25/03/1998 (ô kiểu ngày của Excel cũng được)."
_DATE_HELP_EN = "Day/month/year, e.g. 25/03/1998 (Excel date cells work too)."

WORKERS = SheetSpec(
    kind="workers",
    title="Người lao động",
    title_en="Workers",
    aliases=("Danh sách người lao động", "Lao động", "NLĐ", "Workers"),
    columns=(
        Column("full_name", "Họ và tên", TEXT, required=True, aliases=("Họ tên", "Tên"),
               help_vi="Bắt buộc. Họ, tên đệm và tên, không có chữ số.",
               help_en="Required. Full name, no digits.", width=26),
        Column("birth_date", "Ngày sinh", DATE, help_vi=_DATE_HELP_VI, help_en=_DATE_HELP_EN,
               width=13),
        Column("sex", "Giới tính", RAW, required=True, help_vi="Bắt buộc. Nam hoặc Nữ.",
               help_en="Required. Nam (male) or Nữ (female).", width=10),
        Column("national_id", "Số CCCD", RAW, aliases=("CCCD", "Số CCCD/CMND", "CMND",
                                                        "Số căn cước"),
               help_vi="12 chữ số (CMND cũ 9 chữ số). Nên định dạng ô là Văn bản; nếu Excel "
                       "đã bỏ số 0 đầu, chương trình tự thêm lại và ghi rõ trong báo cáo nhập. "
                       "Số CCCD đã có trong cơ sở dữ liệu: cập nhật người đó.",
               help_en="12 digits (old CMND: 9). An ID already in the database updates that "
                       "person; leading zeros lost by Excel are restored and reported.",
               width=15),
        Column("phone", "Số điện thoại", RAW, aliases=("Điện thoại", "SĐT", "Di động"),
               help_vi="Số di động 10 chữ số; +84, dấu cách, dấu chấm đều được.",
               help_en="10-digit mobile number; +84, spaces and dots are accepted.", width=14),
        Column("ethnic_code", "Dân tộc", choice("ethnic"),
               help_vi="Chọn trong danh sách (tên hoặc mã dân tộc).",
               help_en="Pick from the list (name or code).", width=12),
        Column("commune_code", "Xã/Phường", choice("commune"), required=True,
               aliases=("Xã", "Phường", "Xã phường"),
               help_vi="Bắt buộc. Tên hoặc mã xã/phường (ví dụ Chiềng Cơi hoặc 03670).",
               help_en="Required. Commune or ward name or code (e.g. 03670).", width=16),
        Column("village", "Bản/Tổ dân phố", TEXT, aliases=("Bản", "Thôn bản", "Bản/Tổ"),
               help_vi="Tên bản, tiểu khu hoặc tổ dân phố.", help_en="Village or residential group.",
               width=16),
        Column("household", "Diện hộ", choice("household"),
               help_vi="Hộ nghèo, Hộ cận nghèo hoặc Không (để trống = Không).",
               help_en="Poor, near-poor or none (empty = none).", width=14),
        Column("market_code", "Thị trường", choice("market"),
               help_vi="Nước đến làm việc: tên tiếng Việt hoặc mã (JP, TW, KR…).",
               help_en="Destination: Vietnamese name or ISO code (JP, TW, KR…).", width=14),
        Column("occupation", "Ngành nghề", TEXT, help_vi="Ngành nghề dự kiến.",
               help_en="Occupation.", width=18),
        Column("agency", "Doanh nghiệp", TEXT, help_vi="Doanh nghiệp dịch vụ đưa đi.",
               help_en="Licensed agency.", width=22),
        Column("status", "Trạng thái", choice("status"),
               help_vi="Đăng ký, Đào tạo, Đã xuất cảnh, Đã về nước hoặc Huỷ "
                       "(để trống = Đăng ký).",
               help_en="Registered, training, departed, returned or cancelled "
                       "(empty = registered).", width=14),
        Column("departure_date", "Ngày xuất cảnh", DATE,
               help_vi="Bắt buộc khi trạng thái là Đã xuất cảnh hoặc Đã về nước. "
                       + _DATE_HELP_VI,
               help_en="Required for departed and returned workers. " + _DATE_HELP_EN, width=14),
        # In the template because the rules require it for a returned worker (issue 13).
        Column("return_date", "Ngày về nước", DATE,
               help_vi="Bắt buộc khi trạng thái là Đã về nước. " + _DATE_HELP_VI,
               help_en="Required for returned workers. " + _DATE_HELP_EN, width=13),
        Column("notes", "Ghi chú", MULTILINE, help_vi="Tuỳ ý.", help_en="Free text.", width=24),
        # -- not in the template: the export writes them so a round trip keeps everything.
        Column("birth_year", "Năm sinh", INT, extra=True,
               help_vi="Khi không biết ngày sinh.", help_en="When the birth date is unknown.",
               width=10),
        Column("education", "Trình độ học vấn", TEXT, extra=True, width=14),
        Column("contract_months", "Thời hạn hợp đồng (tháng)", INT, extra=True, width=12),
        Column("id_issued_on", "Ngày cấp CCCD", DATE, extra=True, width=13),
        Column("record_id", "Mã người lao động", TEXT, extra=True,
               help_vi="Mã nội bộ do chương trình ghi khi xuất; không cần nhập.",
               help_en="Internal id written by the export; never typed.", width=38),
    ),
)

LOANS = SheetSpec(
    kind="loans",
    title="Khoản vay",
    title_en="Loans",
    aliases=("Vay vốn", "Danh sách vay vốn", "Loans"),
    columns=(
        Column("national_id", "Số CCCD", RAW, required=True, aliases=("CCCD", "Số CCCD/CMND"),
               help_vi="Bắt buộc. Số CCCD của người vay; người này phải có trong trang "
                       "Người lao động của tệp hoặc trong cơ sở dữ liệu.",
               help_en="Required. The borrower's ID; the borrower must be on the workers "
                       "sheet or already in the database.", width=15),
        Column("policy_group", "Đối tượng chính sách", choice("policy_group"), required=True,
               aliases=("Đối tượng", "Đối tượng ưu tiên"),
               help_vi="Bắt buộc. Hộ nghèo, Hộ cận nghèo, Dân tộc thiểu số, Thu hồi đất, "
                       "Thân nhân người có công, Vùng nghèo hoặc Khác.",
               help_en="Required. Policy group.", width=22),
        Column("amount_vnd", "Số tiền vay", MONEY, required=True,
               aliases=("Số tiền vay (VND)", "Số tiền vay (đồng)", "Số tiền"),
               help_vi="Bắt buộc. Số đồng, ví dụ 100000000 hoặc 100.000.000.",
               help_en="Required. Amount in VND.", width=15),
        Column("disbursed_on", "Ngày giải ngân", DATE, required=True,
               help_vi="Bắt buộc. " + _DATE_HELP_VI, help_en="Required. " + _DATE_HELP_EN,
               width=14),
        Column("term_months", "Thời hạn (tháng)", INT, required=True,
               aliases=("Thời hạn vay (tháng)", "Thời hạn vay", "Thời hạn"),
               help_vi="Bắt buộc. Số tháng, từ 1 đến 120, không dài hơn hợp đồng lao động.",
               help_en="Required. Months, 1 to 120, not longer than the labour contract.",
               width=12),
        Column("rate_pct_year", "Lãi suất (%/năm)", DECIMAL,
               aliases=("Lãi suất", "Lãi suất (%)", "Lãi suất %/năm"),
               help_vi="Để trống = lãi suất đang áp dụng vào ngày giải ngân theo bảng lãi suất. "
                       "Nhập theo năm, ví dụ 6,6.",
               help_en="Empty = the rate in force on the disbursement date. Yearly, e.g. 6.6.",
               width=12),
        Column("repaid_vnd", "Đã trả gốc", MONEY, aliases=("Đã trả gốc (VND)", "Gốc đã trả"),
               help_vi="Số tiền gốc đã trả đến nay (để trống = 0). Được ghi là một lần trả "
                       "vào ngày nhập tệp.",
               help_en="Principal repaid so far (empty = 0), recorded as one repayment on the "
                       "day of the import.", width=14),
        Column("notes", "Ghi chú", MULTILINE, width=24),
        # Decree 338/2025, Art. 12: from 2026 the cap is the pre-departure costs minus what
        # the state budget supports (the loan form's and `loans create --state-supported`).
        # After the published template's columns, so that an old filled-in file still fits.
        Column("total_cost_vnd", "Chi phí trước xuất cảnh", MONEY,
               aliases=("Tổng chi phí", "Chi phí", "Tổng chi phí trước xuất cảnh"),
               help_vi="Tổng chi phí người lao động trả trước khi xuất cảnh theo hợp đồng "
                       "(đồng). Để trống = bằng số tiền vay; bắt buộc khi có phần Nhà nước hỗ "
                       "trợ.",
               help_en="The costs the worker pays before departure under the contract (VND). "
                       "Empty = the loan amount; required with a state-supported amount.",
               width=15),
        Column("state_supported_vnd", "Nhà nước hỗ trợ", MONEY,
               aliases=("Phần Nhà nước hỗ trợ", "Ngân sách hỗ trợ", "State-supported"),
               help_vi="Phần chi phí do ngân sách Nhà nước hỗ trợ (giáo dục định hướng, đào "
                       "tạo nghề, ngoại ngữ…), không được vay; để trống = 0. Từ 01/01/2026 số "
                       "tiền vay tối đa = chi phí trước xuất cảnh − phần này (NĐ 338/2025, "
                       "Điều 12).",
               help_en="Costs the state budget pays (orientation, skills and language "
                       "training…), not lent; empty = 0. From 1 Jan 2026 the cap is the "
                       "pre-departure costs minus this (Decree 338/2025, Art. 12).",
               width=14),
        Column("full_name", "Họ và tên", TEXT, extra=True,
               help_vi="Chỉ để đọc; người vay được xác định theo số CCCD.",
               help_en="For reading only; the borrower is found by ID.", width=24),
        Column("loan_status", "Trạng thái khoản vay", choice("loan_status"), extra=True,
               help_vi="Để trống = Đã giải ngân (Đã tất toán nếu đã trả hết gốc).",
               help_en="Empty = disbursed (closed when fully repaid).", width=14),
        Column("frequency_months", "Kỳ trả gốc (tháng)", INT, extra=True, width=10),
        Column("application_date", "Ngày đề nghị", DATE, extra=True, width=13),
        Column("record_id", "Mã khoản vay", TEXT, extra=True, width=38),
        Column("worker_record_id", "Mã người lao động", TEXT, extra=True, width=38),
        # What the applicant declared (decree 338 priority groups), as the clerk reads it;
        # stored inside loan_application.notes (domain.loan_application.encode_notes).
        Column("land_revoked", "Khai: hộ bị thu hồi đất NN", BOOL, extra=True, width=12),
        Column("meritorious_relative", "Khai: thân nhân người có công", BOOL, extra=True,
               width=12),
    ),
)

REPAYMENTS = SheetSpec(
    kind="repayments",
    title="Trả nợ",
    title_en="Repayments",
    aliases=("Trả nợ gốc", "Repayments"),
    columns=(
        Column("loan_record_id", "Mã khoản vay", TEXT, required=True, width=38),
        Column("national_id", "Số CCCD", RAW, width=15),
        Column("full_name", "Họ và tên", TEXT, width=24),
        Column("paid_on", "Ngày trả", DATE, required=True, width=13),
        Column("principal_vnd", "Tiền gốc", MONEY, width=14),
        Column("interest_vnd", "Tiền lãi", MONEY, width=14),
        Column("overdue_interest_vnd", "Lãi quá hạn", MONEY, width=14),
    ),
)

EVENTS = SheetSpec(
    kind="events",
    title="Hội nghị",
    title_en="Events",
    aliases=("Hội nghị tư vấn", "Events"),
    columns=(
        Column("record_id", "Mã hội nghị", TEXT, width=38),
        Column("event_date", "Ngày", DATE, required=True, aliases=("Ngày tổ chức",), width=13),
        Column("commune_code", "Xã/Phường", choice("commune"), required=True, width=16),
        Column("place", "Địa điểm", TEXT, required=True, width=24),
        Column("topic", "Chủ đề", TEXT, required=True, width=30),
        Column("organiser", "Đơn vị tổ chức", TEXT, width=20),
        Column("counsellors", "Tư vấn viên", TEXT, width=20),
        Column("agencies", "Doanh nghiệp tham gia", TEXT, width=22),
        Column("markets", "Thị trường", TEXT, width=16),
        Column("notes", "Ghi chú", MULTILINE, width=24),
    ),
)

ATTENDEES = SheetSpec(
    kind="attendees",
    title="Người tham dự",
    title_en="Attendees",
    aliases=("Attendees",),
    columns=(
        Column("event_record_id", "Mã hội nghị", TEXT, required=True, width=38),
        Column("event_date", "Ngày hội nghị", DATE, width=13),
        Column("full_name", "Họ và tên", TEXT, width=24),
        Column("national_id", "Số CCCD", RAW, width=15),
        Column("worker_record_id", "Mã người lao động", TEXT, width=38),
        Column("interest_market", "Thị trường quan tâm", choice("market"), width=14),
        Column("consent_given", "Đồng ý xử lý dữ liệu", BOOL, width=10),
        Column("consent_method", "Hình thức đồng ý", choice("consent_method"), width=12),
        Column("consent_date", "Ngày đồng ý", DATE, width=13),
        Column("follow_up", "Cần liên hệ lại", BOOL, width=10),
    ),
)

ATTENDANCE = SheetSpec(
    kind="attendance",
    title="Điểm danh",
    title_en="Attendance",
    aliases=("Danh sách điểm danh", "Attendance"),
    columns=(
        Column("full_name", "Họ và tên", TEXT, required=True, aliases=("Họ tên",),
               help_vi="Bắt buộc.", help_en="Required.", width=26),
        Column("birth_year", "Năm sinh", YEAR, help_vi="4 chữ số, ví dụ 1998.",
               help_en="4 digits, e.g. 1998.", width=10),
        Column("sex", "Giới tính", RAW, help_vi="Nam hoặc Nữ.", help_en="Nam or Nữ.", width=10),
        Column("phone", "Số điện thoại", RAW, aliases=("Điện thoại", "SĐT"),
               help_vi="Số di động 10 chữ số.", help_en="10-digit mobile number.", width=14),
        Column("village", "Bản/Tổ dân phố", TEXT, aliases=("Bản",), width=16),
        Column("interest_market", "Thị trường quan tâm", choice("market"),
               aliases=("Thị trường",),
               help_vi="Tên tiếng Việt hoặc mã nước (JP, TW, KR…).",
               help_en="Vietnamese name or ISO code.", width=16),
    ),
)

TARGETS = SheetSpec(
    kind="targets",
    title="Chỉ tiêu",
    title_en="Targets",
    aliases=("Chỉ tiêu xuất cảnh", "Kế hoạch", "Targets"),
    columns=(
        Column("year", "Năm", INT, required=True, help_vi="Bắt buộc, ví dụ 2026.",
               help_en="Required, e.g. 2026.", width=8),
        Column("commune_code", "Xã/Phường", choice("commune"),
               help_vi="Để trống = chỉ tiêu toàn tỉnh.", help_en="Empty = province-wide target.",
               width=18),
        Column("departures", "Chỉ tiêu xuất cảnh", INT, required=True,
               aliases=("Chỉ tiêu", "Số người", "Chỉ tiêu (người)"),
               help_vi="Số người đi làm việc ở nước ngoài trong năm; để trống = bỏ qua dòng.",
               help_en="Number of departures in the year; empty = row skipped.", width=14),
    ),
)

ALL_SHEETS: tuple[SheetSpec, ...] = (
    WORKERS, LOANS, REPAYMENTS, EVENTS, ATTENDEES, ATTENDANCE, TARGETS,
)
TEMPLATES: dict[str, SheetSpec] = {
    "workers": WORKERS, "loans": LOANS, "attendance": ATTENDANCE, "targets": TARGETS,
}
