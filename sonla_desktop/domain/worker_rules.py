"""Validation of one worker record, shared by the form, the CLI, Excel import and sync.

Pure: the caller passes the reference codes it knows. Every problem is collected
(field -> error) so a form can show them all at once and an import can list them by column.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import date
from types import MappingProxyType

from ..errors import ValidationError
from . import lengths
from .dates import parse_optional_date
from .identity import normalize_phone, parse_sex, validate_national_id
from .text import clean_multiline, clean_text, fold, name_sort_key, text_errors

WORKER_STATUSES = ("registered", "training", "departed", "returned", "cancelled")
HOUSEHOLD_STATUSES = ("poor", "near_poor", "none")

STATUS_LABELS_VI = {
    "registered": "Đăng ký", "training": "Đào tạo", "departed": "Đã xuất cảnh",
    "returned": "Đã về nước", "cancelled": "Huỷ",
}
STATUS_LABELS_EN = {
    "registered": "Registered", "training": "Training", "departed": "Departed",
    "returned": "Returned", "cancelled": "Cancelled",
}
HOUSEHOLD_LABELS_VI = {"poor": "Hộ nghèo", "near_poor": "Hộ cận nghèo", "none": "Không"}
HOUSEHOLD_LABELS_EN = {"poor": "Poor", "near_poor": "Near-poor", "none": "Neither"}

FIELD_LABELS_VI = {
    "full_name": "Họ và tên", "birth_date": "Ngày sinh", "sex": "Giới tính",
    "national_id": "Số CCCD", "phone": "Số điện thoại", "ethnic_code": "Dân tộc",
    "commune_code": "Xã/Phường", "village": "Bản/Tổ dân phố", "household": "Diện hộ",
    "education": "Trình độ học vấn", "market_code": "Thị trường", "occupation": "Ngành nghề",
    "agency": "Doanh nghiệp", "status": "Trạng thái", "departure_date": "Ngày xuất cảnh",
    "return_date": "Ngày về nước", "contract_months": "Thời hạn hợp đồng (tháng)",
    "notes": "Ghi chú", "birth_year": "Năm sinh", "id_issued_on": "Ngày cấp CCCD",
}


# Law 69/2020/QH14, Art. 44: a worker going abroad under contract is at least 18.
ADULT_AGE = 18


@dataclass(frozen=True)
class ReferenceCodes:
    communes: frozenset[str]
    ethnic_groups: frozenset[str]
    markets: frozenset[str]
    # market code -> minimum age at departure (market.min_age); a market missing here, or a
    # caller that does not pass them, still gets the legal minimum of 18.
    market_min_age: Mapping[str, int] = dc_field(
        default_factory=lambda: MappingProxyType({}), hash=False)

    def min_age(self, market_code: str | None) -> int:
        return max(ADULT_AGE, self.market_min_age.get(market_code or "", ADULT_AGE))


def age_on(birth: date, day: date) -> int:
    """Completed years on ``day``. Someone born on 29 February turns a year older on
    1 March in a common year (the birthday has not come while the date is 28 February)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def adult_from(birth: date, years: int) -> date:
    """The first day on which someone born on ``birth`` is ``years`` old."""
    try:
        return birth.replace(year=birth.year + years)
    except ValueError:  # 29 February -> 1 March of a common year
        return date(birth.year + years, 3, 1)


def under_age_note(birth_year: int | None, today: date) -> tuple[str, str] | None:
    """For registering interest (a conference): a person under 18 may say they are
    interested, but may not depart before 18. Returns a note (vi, en), or None."""
    if birth_year is None or today.year - birth_year >= ADULT_AGE:
        return None
    year = birth_year + ADULT_AGE
    return (f"Chưa đủ {ADULT_AGE} tuổi (sinh năm {birth_year}): chỉ ghi nhận nguyện vọng, chưa "
            f"được xuất cảnh trước khi đủ {ADULT_AGE} tuổi (năm {year}; Luật 69/2020/QH14, "
            "Điều 44).",
            f"Under {ADULT_AGE} (born {birth_year}): interest recorded only; may not depart "
            f"before turning {ADULT_AGE} (in {year}; Law 69/2020/QH14, Art. 44).")


def _check_departure_age(clean: dict, refs: ReferenceCodes) -> ValidationError | None:
    """A departure before the worker's minimum age (18, or the market's own) is refused."""
    dep = clean.get("departure_date")
    if dep is None:
        return None
    need = refs.min_age(clean.get("market_code"))
    label = FIELD_LABELS_VI["departure_date"]
    birth = clean.get("birth_date")
    if birth is not None:
        if age_on(birth, dep) >= need:
            return None
        since = adult_from(birth, need)
        return ValidationError(
            "departure_date",
            f"{label} {dep:%d/%m/%Y}: người lao động sinh ngày {birth:%d/%m/%Y} chưa đủ "
            f"{need} tuổi (đủ {need} tuổi từ ngày {since:%d/%m/%Y}; Luật 69/2020/QH14, "
            "Điều 44).",
            f"Departure date {dep:%d/%m/%Y}: the worker, born {birth:%d/%m/%Y}, is under "
            f"{need} (turns {need} on {since:%d/%m/%Y}; Law 69/2020/QH14, Art. 44).")
    year = clean.get("birth_year")
    # With only a birth year, refuse only what is certain: even a 1 January birthday
    # would leave the worker under age on the departure date.
    if year and dep.year - year < need:
        return ValidationError(
            "departure_date",
            f"{label} {dep:%d/%m/%Y}: người lao động sinh năm {year} chưa đủ {need} tuổi "
            f"(sớm nhất đủ {need} tuổi trong năm {year + need}; Luật 69/2020/QH14, Điều 44).",
            f"Departure date {dep:%d/%m/%Y}: the worker, born in {year}, is under {need} "
            f"(turns {need} in {year + need} at the earliest; Law 69/2020/QH14, Art. 44).")
    return None


def _need(field: str, value: str) -> None:
    if not value:
        label = FIELD_LABELS_VI.get(field, field)
        raise ValidationError(field, f"Chưa nhập {label.lower()}.", f"{field} is required.")


def _check(errors: dict, clean: dict, field: str, fn) -> None:
    try:
        clean[field] = fn()
    except ValidationError as err:
        errors[field] = err


def clean_worker(
    raw: Mapping[str, object], refs: ReferenceCodes, today: date | None = None
) -> tuple[dict, dict[str, ValidationError]]:
    """Return (clean values, errors by field). Clean values are only usable if errors is empty."""
    today = today or date.today()
    clean: dict = {}
    errors: dict[str, ValidationError] = {}

    def name() -> str:
        value = clean_text(raw.get("full_name"))
        _need("full_name", value)
        # Name the fault found, not every rule: "Vì Văn X1" only has a digit.
        if any(ch.isdigit() for ch in value):
            raise ValidationError(
                "full_name", "Họ và tên không được chứa chữ số.",
                "The name must not contain digits.")
        if len(value) > 120:
            raise ValidationError(
                "full_name", f"Họ và tên dài {len(value)} ký tự, quá 120 ký tự cho phép.",
                f"The name is {len(value)} characters long, over the 120 allowed.")
        return value

    def birth() -> date | None:
        d = parse_optional_date(raw.get("birth_date"), "birth_date")
        if d is not None and not (date(today.year - 100, 1, 1) <= d <= today):
            raise ValidationError(
                "birth_date", f"Ngày sinh {d:%d/%m/%Y} không hợp lệ (trong tương lai hoặc quá 100 tuổi).",
                f"Birth date {d:%d/%m/%Y} is in the future or over 100 years ago.")
        return d

    def choice(field: str, allowed, default: str | None = None):
        def inner():
            value = clean_text(raw.get(field)) or default
            if value not in allowed:
                label = FIELD_LABELS_VI.get(field, field)
                raise ValidationError(
                    field, f"{label}: giá trị “{value}” không hợp lệ.",
                    f"{field}: “{value}” is not a valid value.")
            return value
        return inner

    def ref(field: str, codes: frozenset[str], required: bool):
        def inner():
            value = clean_text(raw.get(field)).upper() if field == "market_code" else clean_text(raw.get(field))
            if not value:
                if required:
                    _need(field, value)
                return None
            if value not in codes:
                label = FIELD_LABELS_VI.get(field, field)
                raise ValidationError(
                    field, f"{label}: không có mã “{value}” trong danh mục.",
                    f"{field}: unknown code “{value}”.")
            return value
        return inner

    def months() -> int | None:
        value = raw.get("contract_months")
        if value in (None, ""):
            return None
        try:
            number = int(str(value).strip())
        except ValueError:
            number = -1
        if not 1 <= number <= 120:
            raise ValidationError(
                "contract_months", "Thời hạn hợp đồng phải là số tháng từ 1 đến 120.",
                "Contract length must be 1 to 120 months.")
        return number

    _check(errors, clean, "full_name", name)
    _check(errors, clean, "birth_date", birth)
    _check(errors, clean, "sex", lambda: parse_sex(raw.get("sex")))
    _check(errors, clean, "phone", lambda: normalize_phone(raw.get("phone")))
    _check(errors, clean, "commune_code", ref("commune_code", refs.communes, True))
    _check(errors, clean, "ethnic_code", ref("ethnic_code", refs.ethnic_groups, False))
    _check(errors, clean, "market_code", ref("market_code", refs.markets, False))
    _check(errors, clean, "household", choice("household", HOUSEHOLD_STATUSES, "none"))
    _check(errors, clean, "status", choice("status", WORKER_STATUSES, "registered"))
    _check(errors, clean, "departure_date",
           lambda: parse_optional_date(raw.get("departure_date"), "departure_date"))
    _check(errors, clean, "return_date",
           lambda: parse_optional_date(raw.get("return_date"), "return_date"))
    _check(errors, clean, "id_issued_on",
           lambda: parse_optional_date(raw.get("id_issued_on"), "id_issued_on"))
    _check(errors, clean, "contract_months", months)

    def national_id() -> str | None:
        value = raw.get("national_id")
        if value in (None, "") or clean_text(str(value)) == "":
            return None
        return validate_national_id(value, clean.get("birth_date"), clean.get("sex"))

    _check(errors, clean, "national_id", national_id)
    for field in ("village", "education", "occupation", "agency"):
        clean[field] = clean_text(raw.get(field))
    clean["notes"] = clean_multiline(raw.get("notes"))
    for field, err in text_errors(clean, lengths.WORKER, FIELD_LABELS_VI).items():
        errors.setdefault(field, err)

    status = clean.get("status")
    dep, ret = clean.get("departure_date"), clean.get("return_date")
    if status in ("departed", "returned") and dep is None and "departure_date" not in errors:
        errors["departure_date"] = ValidationError(
            "departure_date", "Người đã xuất cảnh phải có ngày xuất cảnh.",
            "A departed worker needs a departure date.")
    if status == "returned" and ret is None and "return_date" not in errors:
        errors["return_date"] = ValidationError(
            "return_date", "Người đã về nước phải có ngày về nước.",
            "A returned worker needs a return date.")
    if dep and ret and ret < dep:
        errors["return_date"] = ValidationError(
            "return_date", "Ngày về nước phải sau ngày xuất cảnh.",
            "The return date must be after the departure date.")
    if dep and clean.get("birth_date") and dep <= clean["birth_date"]:
        errors["departure_date"] = ValidationError(
            "departure_date", "Ngày xuất cảnh phải sau ngày sinh.",
            "The departure date must be after the birth date.")

    birth_year = raw.get("birth_year")
    if clean.get("birth_date"):
        clean["birth_year"] = clean["birth_date"].year
    elif birth_year not in (None, ""):
        try:
            year = int(str(birth_year).strip())
        except ValueError:
            year = 0
        if not today.year - 100 <= year <= today.year:
            errors["birth_year"] = ValidationError(
                "birth_year", "Năm sinh không hợp lệ.", "Invalid birth year.")
        clean["birth_year"] = year
    else:
        clean["birth_year"] = None

    if "departure_date" not in errors and "birth_date" not in errors \
            and "birth_year" not in errors:
        age_error = _check_departure_age(clean, refs)
        if age_error is not None:
            errors["departure_date"] = age_error

    if not errors:
        clean["search_text"] = worker_search_text(clean)
        clean["sort_key"] = name_sort_key(clean["full_name"])
    return clean, errors


# Computed by clean_worker from the other fields: written with them, but never audited
# (they say nothing a person changed) and not compared in sync.
DERIVED_FIELDS = ("search_text", "sort_key")


def worker_search_text(values: Mapping[str, object]) -> str:
    parts = [values.get("full_name"), values.get("national_id"), values.get("phone"),
             values.get("village")]
    return fold(" ".join(str(p) for p in parts if p))
