"""Validation of one worker record, shared by the form, the CLI, Excel import and sync.

Pure: the caller passes the reference codes it knows. Every problem is collected
(field -> error) so a form can show them all at once and an import can list them by column.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import date
from functools import lru_cache
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


def _required(field: str) -> ValidationError:
    label = FIELD_LABELS_VI.get(field, field)
    return ValidationError(field, f"Chưa nhập {label.lower()}.", f"{field} is required.")


def _unknown_code(field: str, value: str) -> ValidationError:
    label = FIELD_LABELS_VI.get(field, field)
    return ValidationError(field, f"{label}: không có mã “{value}” trong danh mục.",
                           f"{field}: unknown code “{value}”.")


def _not_allowed(field: str, value: str) -> ValidationError:
    label = FIELD_LABELS_VI.get(field, field)
    return ValidationError(field, f"{label}: giá trị “{value}” không hợp lệ.",
                           f"{field}: “{value}” is not a valid value.")


def _has_digit(value: str) -> bool:
    # No character is both a letter (isalpha) and a digit (isdigit), so a name of letters
    # and single spaces, the usual one, is answered without looking at each character.
    return not value.replace(" ", "").isalpha() and any(ch.isdigit() for ch in value)


_OTHER_DATES = ("departure_date", "return_date", "id_issued_on")
_FREE_TEXT = ("village", "education", "occupation", "agency")
# Full names repeat in a commune (and a sheet is checked, then imported): key each once.
_sort_key = lru_cache(maxsize=16_384)(name_sort_key)


def clean_worker(
    raw: Mapping[str, object], refs: ReferenceCodes, today: date | None = None
) -> tuple[dict, dict[str, ValidationError]]:
    """Return (clean values, errors by field). Clean values are only usable if errors is empty.

    Written out field by field, in a fixed order (a field's clean value is set only when it
    has no error; later rules read earlier values): an Excel import runs it on every row, so
    it builds no closures and calls no helper per field.
    """
    today = today or date.today()
    clean: dict = {}
    errors: dict[str, ValidationError] = {}
    get = raw.get

    value = clean_text(get("full_name"))
    # Name the fault found, not every rule: "Vì Văn X1" only has a digit.
    if not value:
        errors["full_name"] = _required("full_name")
    elif _has_digit(value):
        errors["full_name"] = ValidationError(
            "full_name", "Họ và tên không được chứa chữ số.", "The name must not contain digits.")
    elif len(value) > 120:
        errors["full_name"] = ValidationError(
            "full_name", f"Họ và tên dài {len(value)} ký tự, quá 120 ký tự cho phép.",
            f"The name is {len(value)} characters long, over the 120 allowed.")
    else:
        clean["full_name"] = value

    try:
        birth = parse_optional_date(get("birth_date"), "birth_date")
    except ValidationError as err:
        errors["birth_date"] = err
    else:
        if birth is not None and not (date(today.year - 100, 1, 1) <= birth <= today):
            errors["birth_date"] = ValidationError(
                "birth_date", f"Ngày sinh {birth:%d/%m/%Y} không hợp lệ (trong tương lai hoặc quá 100 tuổi).",
                f"Birth date {birth:%d/%m/%Y} is in the future or over 100 years ago.")
        else:
            clean["birth_date"] = birth

    try:
        clean["sex"] = parse_sex(get("sex"))
    except ValidationError as err:
        errors["sex"] = err
    try:
        clean["phone"] = normalize_phone(get("phone"))
    except ValidationError as err:
        errors["phone"] = err

    value = clean_text(get("commune_code"))
    if not value:
        errors["commune_code"] = _required("commune_code")
    elif value not in refs.communes:
        errors["commune_code"] = _unknown_code("commune_code", value)
    else:
        clean["commune_code"] = value
    value = clean_text(get("ethnic_code"))
    if value and value not in refs.ethnic_groups:
        errors["ethnic_code"] = _unknown_code("ethnic_code", value)
    else:
        clean["ethnic_code"] = value or None
    value = clean_text(get("market_code")).upper()
    if value and value not in refs.markets:
        errors["market_code"] = _unknown_code("market_code", value)
    else:
        clean["market_code"] = value or None

    value = clean_text(get("household")) or "none"
    if value in HOUSEHOLD_STATUSES:
        clean["household"] = value
    else:
        errors["household"] = _not_allowed("household", value)
    value = clean_text(get("status")) or "registered"
    if value in WORKER_STATUSES:
        clean["status"] = value
    else:
        errors["status"] = _not_allowed("status", value)

    for field in _OTHER_DATES:
        try:
            clean[field] = parse_optional_date(get(field), field)
        except ValidationError as err:
            errors[field] = err

    value = get("contract_months")
    if value in (None, ""):
        clean["contract_months"] = None
    else:
        try:
            number = int(str(value).strip())
        except ValueError:
            number = -1
        if 1 <= number <= 120:
            clean["contract_months"] = number
        else:
            errors["contract_months"] = ValidationError(
                "contract_months", "Thời hạn hợp đồng phải là số tháng từ 1 đến 120.",
                "Contract length must be 1 to 120 months.")

    value = get("national_id")
    # Plain digits, the usual cell, are not blank: no need to clean them to know.
    if not (value.__class__ is str and value.isascii() and value.isdigit()) and (
            value in (None, "") or clean_text(str(value)) == ""):
        clean["national_id"] = None
    else:
        try:
            clean["national_id"] = validate_national_id(
                value, clean.get("birth_date"), clean.get("sex"))
        except ValidationError as err:
            errors["national_id"] = err

    for field in _FREE_TEXT:
        clean[field] = clean_text(get(field))
    clean["notes"] = clean_multiline(get("notes"))
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
        clean["sort_key"] = _sort_key(clean["full_name"])
    return clean, errors


# Computed by clean_worker from the other fields: written with them, but never audited
# (they say nothing a person changed) and not compared in sync.
DERIVED_FIELDS = ("search_text", "sort_key")


_SEARCH_PARTS = ("full_name", "national_id", "phone", "village")


def worker_search_text(values: Mapping[str, object]) -> str:
    """fold() of the name, CCCD, phone and village joined by spaces.

    Folded part by part, which gives the same: fold works word by word, and a space can
    neither compose with a neighbour (NFC) nor join two words. So a name or a village,
    which repeat, is folded once, and a CCCD or phone is just lowercased, as fold would.
    """
    words = []
    for key in _SEARCH_PARTS:
        part = values.get(key)
        if not part:
            continue
        text = str(part)
        if text.isascii() and text.isalnum():
            folded = text.lower()
        elif text.__class__ is str and len(text) <= _FOLD_CACHED_LENGTH:
            folded = _fold_part(text)
        else:
            folded = fold(text)
        if folded:
            words.append(folded)
    return " ".join(words)


# Names and villages (at most 120 characters when valid); longer text is not kept.
_FOLD_CACHED_LENGTH = 120
_fold_part = lru_cache(maxsize=16_384)(fold)
