"""Policy groups, effective-dated rates and parameters, and who qualifies for which group.

Every figure a loan rule uses (the yearly rate, the collateral threshold, the overdue
multiplier, the share of costs a loan may cover) is looked up here *by date* in rows that
carry their own validity period and legal basis. A new decree therefore means new rows
(added by an admin or received from the hub), never a new release.

A row is in force on day ``d`` when ``valid_from <= d <= valid_to``; ``valid_from=None``
means "since forever" and ``valid_to=None`` means "until further notice".
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sonla_desktop.errors import UserError, ValidationError

POOR = "poor"
NEAR_POOR = "near_poor"
ETHNIC_MINORITY = "ethnic_minority"
LAND_REVOKED = "land_revoked"
MERITORIOUS_RELATIVE = "meritorious_relative"
POOR_AREA = "poor_area"
OTHER = "other"

POLICY_GROUPS: tuple[str, ...] = (
    POOR,
    NEAR_POOR,
    ETHNIC_MINORITY,
    LAND_REVOKED,
    MERITORIOUS_RELATIVE,
    POOR_AREA,
    OTHER,
)

POLICY_GROUP_LABELS_VI: dict[str, str] = {
    POOR: "Hộ nghèo",
    NEAR_POOR: "Hộ cận nghèo",
    ETHNIC_MINORITY: "Dân tộc thiểu số",
    LAND_REVOKED: "Thu hồi đất",
    MERITORIOUS_RELATIVE: "Thân nhân người có công",
    POOR_AREA: "Vùng nghèo (xã/huyện nghèo)",
    OTHER: "Khác",
}

POLICY_GROUP_LABELS_EN: dict[str, str] = {
    POOR: "Poor household",
    NEAR_POOR: "Near-poor household",
    ETHNIC_MINORITY: "Ethnic minority",
    LAND_REVOKED: "Farmland revoked",
    MERITORIOUS_RELATIVE: "Relative of a person with meritorious service",
    POOR_AREA: "Poor area (poor commune/district)",
    OTHER: "Other",
}

# Parameter keys.
OVERDUE_MULTIPLIER_PCT = "overdue_multiplier_pct"
COLLATERAL_THRESHOLD_VND = "collateral_threshold_vnd"
MAX_LOAN_SHARE_PCT = "max_loan_share_pct"
PARAM_KEYS: tuple[str, ...] = (OVERDUE_MULTIPLIER_PCT, COLLATERAL_THRESHOLD_VND, MAX_LOAN_SHARE_PCT)


@dataclass(frozen=True)
class RateRow:
    """Yearly interest rate (percent) for one policy group over a validity period."""

    group: str
    rate_pct_year: Decimal
    valid_from: date | None
    valid_to: date | None
    basis: str


@dataclass(frozen=True)
class PolicyParam:
    """One numeric rule parameter (see ``PARAM_KEYS``) over a validity period."""

    key: str
    value: Decimal
    valid_from: date | None
    valid_to: date | None
    basis: str


_DECREE_338_START = date(2026, 1, 1)
_DECREE_61_END = date(2025, 12, 31)

DEFAULT_PARAMS: list[PolicyParam] = [
    PolicyParam(
        OVERDUE_MULTIPLIER_PCT,
        Decimal("130"),
        None,
        None,
        "Nợ quá hạn chịu lãi suất bằng 130% lãi suất cho vay (Nghị định 61/2015/NĐ-CP, "
        "quy định của NHCSXH) / Decree 61/2015/NĐ-CP and VBSP rules: overdue principal is "
        "charged 130% of the loan rate",
    ),
    PolicyParam(
        COLLATERAL_THRESHOLD_VND,
        Decimal("50000000"),
        None,
        _DECREE_61_END,
        "Nghị định 61/2015/NĐ-CP: vay trên 50 triệu đồng phải có bảo đảm tiền vay / "
        "Decree 61/2015: collateral required above 50 million VND",
    ),
    PolicyParam(
        COLLATERAL_THRESHOLD_VND,
        Decimal("200000000"),
        _DECREE_338_START,
        None,
        "Nghị định 338/2025/NĐ-CP (Luật Việc làm 74/2025/QH15): vay trên 200 triệu đồng "
        "phải có bảo đảm tiền vay / Decree 338/2025: collateral required above 200 million VND",
    ),
    PolicyParam(
        MAX_LOAN_SHARE_PCT,
        Decimal("100"),
        None,
        _DECREE_61_END,
        "Nghị định 61/2015/NĐ-CP sửa đổi bởi Nghị định 74/2019/NĐ-CP: vay tối đa 100% chi phí "
        "ghi trong hợp đồng / Decree 61/2015 as amended by 74/2019: up to 100% of contract costs",
    ),
    PolicyParam(
        MAX_LOAN_SHARE_PCT,
        Decimal("100"),
        _DECREE_338_START,
        None,
        "Nghị định 338/2025/NĐ-CP: vay tối đa 100% chi phí trước khi xuất cảnh / "
        "Decree 338/2025: up to 100% of pre-departure costs",
    ),
]


def _in_force(valid_from: date | None, valid_to: date | None, on: date) -> bool:
    return (valid_from is None or valid_from <= on) and (valid_to is None or on <= valid_to)


def _group_label(group: str) -> tuple[str, str]:
    return (
        POLICY_GROUP_LABELS_VI.get(group, group),
        POLICY_GROUP_LABELS_EN.get(group, group),
    )


def rate_on(rows: Iterable[RateRow], group: str, on: date) -> Decimal:
    """The yearly rate (percent) in force for ``group`` on ``on``.

    Raises ``UserError`` when no row is in force, or when two rows in force disagree
    (identical duplicates, e.g. the same row received twice through sync, are harmless).
    """
    rates = {
        r.rate_pct_year
        for r in rows
        if r.group == group and _in_force(r.valid_from, r.valid_to, on)
    }
    vi_group, en_group = _group_label(group)
    day = on.strftime("%d/%m/%Y")
    if not rates:
        raise UserError(
            f"Chưa có lãi suất cho đối tượng “{vi_group}” áp dụng ngày {day}. "
            "Hãy bổ sung bảng lãi suất.",
            f"No interest rate for the group “{en_group}” is in force on {on.isoformat()}. "
            "Please add it to the rate table.",
        )
    if len(rates) > 1:
        listed = ", ".join(f"{r}%" for r in sorted(rates))
        raise UserError(
            f"Bảng lãi suất có nhiều mức khác nhau ({listed}) cho đối tượng “{vi_group}” "
            f"cùng áp dụng ngày {day}. Hãy sửa ngày hiệu lực.",
            f"The rate table has conflicting rates ({listed}) for the group “{en_group}” "
            f"in force on {on.isoformat()}. Please correct the validity dates.",
        )
    return rates.pop()


def param_on(params: Iterable[PolicyParam], key: str, on: date) -> Decimal:
    """The value of parameter ``key`` in force on ``on``; same rules as ``rate_on``."""
    values = {p.value for p in params if p.key == key and _in_force(p.valid_from, p.valid_to, on)}
    day = on.strftime("%d/%m/%Y")
    if not values:
        raise UserError(
            f"Chưa có tham số chính sách “{key}” áp dụng ngày {day}.",
            f"No policy parameter “{key}” is in force on {on.isoformat()}.",
        )
    if len(values) > 1:
        listed = ", ".join(str(v) for v in sorted(values))
        raise UserError(
            f"Tham số chính sách “{key}” có nhiều giá trị khác nhau ({listed}) "
            f"cùng áp dụng ngày {day}.",
            f"The policy parameter “{key}” has conflicting values ({listed}) "
            f"in force on {on.isoformat()}.",
        )
    return values.pop()


def _csv_error(line: int, vi: str, en: str) -> UserError:
    return UserError(f"Bảng lãi suất, dòng {line}: {vi}", f"Rate table, line {line}: {en}")


def _csv_date(text: str, line: int, column: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _csv_error(
            line,
            f"ngày “{text}” ở cột {column} không hợp lệ (cần dạng YYYY-MM-DD).",
            f"date “{text}” in column {column} is not valid (expected YYYY-MM-DD).",
        ) from None


def load_rate_rows(csv_path: str | Path) -> list[RateRow]:
    """Read rate rows from a CSV with columns group, rate_pct_year, valid_from, valid_to, basis.

    Extra columns (such as ``confidence``) are ignored. Empty dates mean open-ended.
    A file saved by Excel (UTF-8 with BOM, NFD text) is accepted; text is stored NFC.
    """
    rows: list[RateRow] = []
    with open(csv_path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = {"group", "rate_pct_year", "valid_from", "valid_to", "basis"} - set(
            reader.fieldnames or ()
        )
        if missing:
            cols = ", ".join(sorted(missing))
            raise UserError(
                f"Bảng lãi suất thiếu cột: {cols}.", f"The rate table lacks columns: {cols}."
            )
        for record in reader:
            line = reader.line_num
            group = (record["group"] or "").strip()
            if group not in POLICY_GROUPS:
                raise _csv_error(
                    line,
                    f"đối tượng “{group}” không có trong danh mục.",
                    f"unknown policy group “{group}”.",
                )
            raw_rate = (record["rate_pct_year"] or "").strip().replace(",", ".")
            try:
                rate = Decimal(raw_rate)
            except InvalidOperation:
                rate = Decimal("NaN")
            if not rate.is_finite() or rate < 0:
                raise _csv_error(
                    line,
                    f"lãi suất “{raw_rate}” không hợp lệ.",
                    f"interest rate “{raw_rate}” is not valid.",
                )
            valid_from = _csv_date(record["valid_from"] or "", line, "valid_from")
            valid_to = _csv_date(record["valid_to"] or "", line, "valid_to")
            if valid_from and valid_to and valid_from > valid_to:
                raise _csv_error(
                    line,
                    "ngày bắt đầu hiệu lực sau ngày hết hiệu lực.",
                    "valid_from is after valid_to.",
                )
            basis = unicodedata.normalize("NFC", (record["basis"] or "").strip())
            rows.append(RateRow(group, rate, valid_from, valid_to, basis))
    return rows


HOUSEHOLD_STATUSES: tuple[str, ...] = ("poor", "near_poor", "none")
KINH_ETHNIC_CODE = "01"


@dataclass
class Applicant:
    """The facts that decide which priority groups a borrower belongs to."""

    household: str  # "poor" | "near_poor" | "none"
    ethnic_code: str | None  # 2-digit code of the 1979 list; "01" = Kinh
    is_poor_area_commune: bool
    land_revoked: bool
    meritorious_relative: bool


def eligible_groups(a: Applicant) -> list[str]:
    """The priority groups ``a`` qualifies for, most favoured first.

    ``other`` never appears: it is what a borrower in none of them is recorded as.
    """
    if a.household not in HOUSEHOLD_STATUSES:
        raise ValidationError(
            "household",
            f"Tình trạng hộ “{a.household}” không hợp lệ (hộ nghèo, hộ cận nghèo hoặc khác).",
            f"Household status “{a.household}” is not valid (poor, near_poor or none).",
        )
    groups: list[str] = []
    if a.household == "poor":
        groups.append(POOR)
    elif a.household == "near_poor":
        groups.append(NEAR_POOR)
    # Unknown ethnicity (None or blank) is not evidence of being a minority.
    code = (a.ethnic_code or "").strip()
    if code and code != KINH_ETHNIC_CODE:
        groups.append(ETHNIC_MINORITY)
    if a.land_revoked:
        groups.append(LAND_REVOKED)
    if a.meritorious_relative:
        groups.append(MERITORIOUS_RELATIVE)
    if a.is_poor_area_commune:
        groups.append(POOR_AREA)
    return groups


def check_group(a: Applicant, group: str) -> None:
    """Raise ``ValidationError("policy_group", ...)`` unless ``a`` qualifies for ``group``."""
    allowed = eligible_groups(a)
    if group in allowed:
        return
    # A worker in no priority group may still borrow (the loan rules give them the
    # general rate: job creation until 2025, 127% of the poor-household rate from 2026).
    if group == OTHER and not allowed:
        return
    vi_group, en_group = _group_label(group)
    if allowed:
        vi_list = ", ".join(POLICY_GROUP_LABELS_VI[g] for g in allowed)
        en_list = ", ".join(POLICY_GROUP_LABELS_EN[g] for g in allowed)
        vi_tail = f"Người vay thuộc: {vi_list}."
        en_tail = f"The borrower qualifies as: {en_list}."
    else:
        vi_tail = "Người vay không thuộc đối tượng ưu tiên nào."
        en_tail = "The borrower does not qualify for any priority group."
    raise ValidationError(
        "policy_group",
        f"Người vay không thuộc đối tượng “{vi_group}”. {vi_tail}",
        f"The borrower does not qualify for the group “{en_group}”. {en_tail}",
    )
