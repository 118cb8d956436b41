"""Rules for counselling conferences (hội nghị tư vấn) and the people who attend them.

Pure: validation of an event, reading a market the way people write it ("Nhật", "JP",
"Hàn Quốc"), the consent methods, and the duplicate rule that decides whether a person
at the door is probably someone already on file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from ..errors import ValidationError
from . import lengths
from .dates import parse_date, parse_year
from .text import clean_multiline, clean_text, fold, text_errors
from .worker_rules import ReferenceCodes, clean_worker, under_age_note

CONSENT_METHODS = ("written", "verbal")
CONSENT_LABELS_VI = {"written": "Bằng văn bản (ký phiếu)", "verbal": "Bằng lời, có người làm chứng",
                     "": "Chưa đồng ý"}
CONSENT_LABELS_EN = {"written": "Written (signed)", "verbal": "Verbal, witnessed", "": "Not given"}

EVENT_FIELD_LABELS_VI = {
    "event_date": "Ngày tổ chức", "commune_code": "Xã/Phường", "place": "Địa điểm",
    "topic": "Chủ đề", "organiser": "Đơn vị tổ chức", "counsellors": "Người tư vấn",
    "agencies": "Doanh nghiệp tham dự", "markets": "Thị trường giới thiệu", "notes": "Ghi chú",
}

# Short forms people write on sign-in sheets, folded. Full names (Vietnamese and English)
# and ISO codes are matched from the market table itself.
MARKET_ALIASES = {
    "nhat": "JP", "han": "KR", "dai": "TW", "dai loan trung quoc": "TW", "uc": "AU",
    "a rap": "SA", "a rap xe ut": "SA", "arap": "SA", "uae": "AE", "dubai": "AE",
    "hong kong trung quoc": "HK", "macau": "MO", "ma cao trung quoc": "MO", "czech": "CZ",
    "sec": "CZ", "cong hoa sec": "CZ", "nga": "RU", "lien bang nga": "RU",
}


@dataclass(frozen=True)
class MarketName:
    code: str
    name_vi: str
    name_en: str


def market_lookup(markets: Iterable[MarketName]) -> dict[str, str]:
    """Folded code / Vietnamese name / English name / alias -> ISO code."""
    table: dict[str, str] = {}
    codes = set()
    for m in markets:
        codes.add(m.code)
        for key in (m.code, m.name_vi, m.name_en):
            table[fold(key)] = m.code
    for alias, code in MARKET_ALIASES.items():
        if code in codes:
            table.setdefault(alias, code)
    return table


def parse_market(raw: object, lookup: Mapping[str, str], field: str = "interest_market") -> str | None:
    """ISO code of a market written as a code or a name (any case, with or without marks)."""
    text = clean_text(None if raw is None else str(raw))
    if not text:
        return None
    code = lookup.get(fold(text))
    if code is None:
        raise ValidationError(
            field, f"Không biết thị trường “{text}”: hãy ghi tên nước (ví dụ Nhật Bản) "
            "hoặc mã 2 chữ cái (JP).",
            f"Unknown market “{text}”: write a country name (e.g. Japan) or a 2-letter code (JP).")
    return code


def parse_markets(raw: object, lookup: Mapping[str, str]) -> list[str]:
    """Several markets separated by commas or semicolons, in the order given, no repeats."""
    if raw is None:
        return []
    parts = raw if isinstance(raw, list | tuple) else str(raw).replace(";", ",").split(",")
    codes: list[str] = []
    for part in parts:
        code = parse_market(part, lookup, field="markets")
        if code and code not in codes:
            codes.append(code)
    return codes


def clean_event(
    raw: Mapping[str, object], communes: frozenset[str], lookup: Mapping[str, str],
    today: date | None = None,
) -> tuple[dict, dict[str, ValidationError]]:
    """(clean values, errors by field) for one conference, like ``clean_worker``."""
    today = today or date.today()
    clean: dict = {}
    errors: dict[str, ValidationError] = {}

    def need(field: str, value: str, limit: int) -> str:
        if not value:
            label = EVENT_FIELD_LABELS_VI[field]
            raise ValidationError(field, f"Chưa nhập {label.lower()}.", f"{field} is required.")
        if len(value) > limit:
            label = EVENT_FIELD_LABELS_VI[field]
            raise ValidationError(field, f"{label} dài quá {limit} ký tự.",
                                  f"{field} is longer than {limit} characters.")
        return value

    def when() -> date:
        d = parse_date(raw.get("event_date"), "event_date")
        # Conferences are planned up to a year ahead; a date far off is a typing error.
        if not date(2000, 1, 1) <= d <= date(today.year + 1, 12, 31):
            raise ValidationError("event_date", f"Ngày tổ chức {d:%d/%m/%Y} không hợp lý.",
                                  f"The conference date {d:%d/%m/%Y} is implausible.")
        return d

    def commune() -> str:
        code = clean_text(raw.get("commune_code"))
        if not code:
            raise ValidationError("commune_code", "Chưa chọn xã/phường.", "No commune chosen.")
        if code not in communes:
            raise ValidationError("commune_code", f"Không có xã/phường mã “{code}” trong danh mục.",
                                  f"Unknown commune code “{code}”.")
        return code

    for field, fn in (
        ("event_date", when),
        ("commune_code", commune),
        ("place", lambda: need("place", clean_text(raw.get("place")), 200)),
        ("topic", lambda: need("topic", clean_text(raw.get("topic")), 300)),
        ("markets", lambda: ",".join(parse_markets(raw.get("markets"), lookup))),
    ):
        try:
            clean[field] = fn()
        except ValidationError as err:
            errors[field] = err
    clean["organiser"] = clean_text(raw.get("organiser"))[:200]
    for field in ("counsellors", "agencies", "notes"):
        clean[field] = clean_multiline(raw.get(field))
    for field, err in text_errors(clean, lengths.EVENT, EVENT_FIELD_LABELS_VI).items():
        errors.setdefault(field, err)
    return clean, errors


def clean_birth_year(raw: object) -> int:
    """A required birth year from a sign-in sheet or the door form."""
    if raw is None or clean_text(str(raw)) == "":
        raise ValidationError("birth_year", "Chưa nhập năm sinh.", "The birth year is missing.")
    return parse_year(raw, "birth_year")


def clean_consent(method: object) -> str:
    value = clean_text(None if method is None else str(method))
    if value not in ("", *CONSENT_METHODS):
        raise ValidationError("consent_method", f"Hình thức đồng ý “{value}” không hợp lệ.",
                              f"Unknown consent method “{value}”.")
    return value


# What a person registered at the door (or on a sign-in sheet) must have. CCCD and the full
# date of birth may be missing; the phone too, since a few attendees have none and must
# still be counted (the follow-up list shows them without a number).
DOOR_FIELDS = ("full_name", "birth_year", "sex", "phone", "national_id", "village")


def clean_door_person(
    raw: Mapping[str, object], refs: ReferenceCodes, commune_code: str, today: date | None = None,
) -> tuple[dict, dict[str, ValidationError]]:
    """``clean_worker`` for an attendee: commune = the event's, status "registered",
    birth year and village required."""
    values = {k: raw.get(k) for k in DOOR_FIELDS}
    errors: dict[str, ValidationError] = {}
    try:
        values["birth_year"] = clean_birth_year(raw.get("birth_year"))
    except ValidationError as err:
        errors["birth_year"] = err
        values["birth_year"] = None
    values.update(commune_code=commune_code, status="registered")
    clean, worker_errors = clean_worker(values, refs, today)
    for field, err in worker_errors.items():
        errors.setdefault(field, err)
    if not clean_text(raw.get("village")) and "village" not in errors:
        errors["village"] = ValidationError("village", "Chưa nhập bản/tổ dân phố.",
                                            "The village is missing.")
    # Interest from someone under 18 is welcome; the worker's record says why they cannot
    # depart yet, so nobody schedules a departure by mistake.
    note = under_age_note(clean.get("birth_year"), today or date.today())
    if note is not None and not errors:
        clean["notes"] = "\n".join(p for p in (clean.get("notes"), note[0]) if p)
    return clean, errors


def guess_sex(full_name: str) -> str | None:
    """"M"/"F" when the middle name says it (Văn, Thị), else None: only a pre-filled default."""
    words = fold(full_name).split()
    middle = words[1:-1]
    if "thi" in middle:
        return "F"
    if "van" in middle:
        return "M"
    return None


# ------------------------------------------------------------------------- duplicate rule

@dataclass(frozen=True)
class PersonKey:
    """What is known about a person at the door, cleaned (any part may still be missing)."""

    national_id: str | None = None
    phone: str | None = None
    folded_name: str | None = None
    birth_year: int | None = None
    commune_code: str | None = None


REASON_NATIONAL_ID = "national_id"
REASON_PHONE = "phone"
REASON_NAME_YEAR = "name_year_commune"
REASON_NAME = "name_commune"  # a hint while the birth year is not typed yet

REASON_LABELS_VI = {
    REASON_NATIONAL_ID: "trùng số CCCD", REASON_PHONE: "trùng số điện thoại",
    REASON_NAME_YEAR: "trùng họ tên, năm sinh, xã", REASON_NAME: "trùng họ tên trong xã",
}
REASON_LABELS_EN = {
    REASON_NATIONAL_ID: "same ID number", REASON_PHONE: "same phone",
    REASON_NAME_YEAR: "same name, birth year and commune", REASON_NAME: "same name in commune",
}
# Strongest first: the order candidates are listed in and the order an import trusts them.
REASON_RANK = {REASON_NATIONAL_ID: 0, REASON_NAME_YEAR: 1, REASON_PHONE: 2, REASON_NAME: 3}


def match_reasons(key: PersonKey, other: PersonKey, name_hints: bool = False) -> list[str]:
    """Why ``other`` is probably the person ``key`` describes (empty list: not a candidate).

    The rule: same CCCD, or same phone, or same folded name + birth year + commune. With
    ``name_hints`` a same-name person in the commune counts while the year is not known yet.
    """
    reasons = []
    if key.national_id and key.national_id == other.national_id:
        reasons.append(REASON_NATIONAL_ID)
    if key.phone and key.phone == other.phone:
        reasons.append(REASON_PHONE)
    same_name = bool(key.folded_name) and key.folded_name == other.folded_name \
        and bool(key.commune_code) and key.commune_code == other.commune_code
    if same_name and key.birth_year and key.birth_year == other.birth_year:
        reasons.append(REASON_NAME_YEAR)
    elif same_name and name_hints and not key.birth_year:
        reasons.append(REASON_NAME)
    return sorted(reasons, key=REASON_RANK.__getitem__)
