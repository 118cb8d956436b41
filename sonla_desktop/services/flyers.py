"""What a recruitment flyer says, gathered from the database, settings and data files.

Nothing a flyer promises about money is typed here: the loan rate, the share of costs a
loan may cover and the collateral threshold are read from the effective-dated policy
tables on the day the flyer is printed, and market facts come from
resources/data/market_facts.csv (with their source printed on the flyer).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from .. import paths
from ..domain.identity import normalize_phone
from ..domain.policy import (
    COLLATERAL_THRESHOLD_VND,
    MAX_LOAN_SHARE_PCT,
    OVERDUE_MULTIPLIER_PCT,
    RateRow,
    param_on,
    rate_on,
)
from ..domain.text import clean_multiline, clean_text
from ..errors import UserError, ValidationError
from ..models import Market, Node, PolicyGroup, Setting
from .context import ServiceContext
from .events import get_event
from .loan_figures import policy_params, rate_rows
from .setup import set_settings

LAYOUTS = ("a4", "a5x2")

DEFAULT_HEADLINE = "ĐI LÀM VIỆC Ở NƯỚC NGOÀI THEO HỢP ĐỒNG"
DEFAULT_INTRO = (
    "Thu nhập ổn định, học nghề, tích luỹ vốn cho gia đình. Người lao động được tư vấn "
    "miễn phí, được vay vốn ưu đãi của Ngân hàng Chính sách xã hội để trang trải chi phí "
    "trước khi đi.")
DEFAULT_NOTE = "Tư vấn miễn phí tại UBND xã/phường vào giờ hành chính."
# The province's own jobs website (job offers, job seekers' profiles, market information),
# as the provincial Department's news gives it (docs/DOMAIN.md). Shipped as the default so
# a fresh office's flyer already carries one scannable contact; the office adds its phone
# and Zalo, and may replace or clear this one (a stored empty value is respected).
DEFAULT_JOBS_WEBSITE = "http://vieclamsonla.net"


@dataclass(frozen=True)
class FlyerSettings:
    """Office texts and contacts printed on flyers (the ``setting`` table, keys below)."""

    office_name: str = ""
    office_address: str = ""
    office_phone: str = ""
    jobs_website: str = DEFAULT_JOBS_WEBSITE
    zalo: str = ""  # a mobile number or a https://zalo.me/... link
    headline: str = DEFAULT_HEADLINE
    intro: str = DEFAULT_INTRO
    note: str = DEFAULT_NOTE


SETTING_KEYS = {
    "office_name": "contact.office_name", "office_address": "contact.office_address",
    "office_phone": "contact.office_phone", "jobs_website": "contact.jobs_website",
    "zalo": "contact.zalo", "headline": "flyer.headline", "intro": "flyer.intro",
    "note": "flyer.note",
}
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*\.[^\s]+$", re.IGNORECASE)


def get_flyer_settings(ctx: ServiceContext) -> FlyerSettings:
    defaults = FlyerSettings()
    with ctx.db.session() as s:
        stored = {row.key: row.value for row in s.scalars(
            select(Setting).where(Setting.key.in_(list(SETTING_KEYS.values()))))}
        node = s.scalar(select(Node).where(Node.is_self.is_(True)))
    values = {f: stored.get(key, getattr(defaults, f)) for f, key in SETTING_KEYS.items()}
    if not values["office_name"] and node is not None:
        values["office_name"] = node.name
    return FlyerSettings(**values)


def clean_flyer_settings(raw: Mapping[str, object]) -> FlyerSettings:
    """Validated settings; raises ValidationError naming the first bad field."""
    values = {f.name: clean_text(raw.get(f.name)) for f in fields(FlyerSettings)}
    values["intro"] = clean_multiline(raw.get("intro"))
    values["note"] = clean_multiline(raw.get("note"))
    phone = values["office_phone"]
    digits = re.sub(r"[\s.\-()]", "", phone)
    if phone and not (digits.isdigit() and digits.startswith("0") and 10 <= len(digits) <= 11):
        raise ValidationError(
            "office_phone", f"Số điện thoại văn phòng “{phone}” không hợp lệ: cần 10–11 chữ "
            "số, bắt đầu bằng 0 (ví dụ 0212 3852 123).",
            f"Office phone “{phone}” is not valid: 10–11 digits starting with 0.")
    if values["jobs_website"] and not _URL.match(values["jobs_website"]):
        raise ValidationError(
            "jobs_website", "Địa chỉ trang việc làm phải bắt đầu bằng https:// hoặc http://.",
            "The jobs website must start with https:// or http://.")
    zalo = values["zalo"]
    if zalo and not _URL.match(zalo):
        try:
            values["zalo"] = normalize_phone(zalo)
        except ValidationError:
            raise ValidationError(
                "zalo", "Zalo: nhập số điện thoại di động hoặc đường dẫn https://zalo.me/...",
                "Zalo: enter a mobile number or a https://zalo.me/... link.") from None
    return FlyerSettings(**values)


def save_flyer_settings(ctx: ServiceContext, raw: Mapping[str, object]) -> FlyerSettings:
    clean = clean_flyer_settings(raw)
    values = {key: getattr(clean, f) for f, key in SETTING_KEYS.items()}
    with ctx.db.session() as s:
        node = s.scalar(select(Node).where(Node.is_self.is_(True)))
    if node is not None and clean.office_name == node.name:
        # Left at the default: keep following the office's name if it is renamed later.
        values[SETTING_KEYS["office_name"]] = ""
    set_settings(ctx, values)
    return clean


def tel_uri(phone: str) -> str:
    return "tel:" + re.sub(r"\D", "", phone)


def zalo_url(zalo: str) -> str:
    return zalo if _URL.match(zalo) else f"https://zalo.me/{zalo}"


# --------------------------------------------------------------------------- facts

@dataclass(frozen=True)
class MarketFacts:
    code: str
    name_vi: str
    jobs: tuple[str, ...]
    wage_min_vnd: int
    wage_max_vnd: int
    contract: str
    typical_loan_min_vnd: int
    typical_loan_max_vnd: int
    costs: str
    source: str
    caveat: str


def load_market_facts(names: Mapping[str, str] | None = None) -> dict[str, MarketFacts]:
    """Rows of market_facts.csv by ISO code (``names`` gives the Vietnamese market names)."""
    names = names or {}
    facts: dict[str, MarketFacts] = {}
    with paths.data_file("market_facts.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code = row["code"].strip().upper()
            facts[code] = MarketFacts(
                code, names.get(code, code),
                tuple(clean_text(j) for j in row["jobs"].split(";") if clean_text(j)),
                int(row["wage_min_vnd"]), int(row["wage_max_vnd"]), clean_text(row["contract"]),
                int(row["typical_loan_min_vnd"]), int(row["typical_loan_max_vnd"]),
                clean_text(row["costs"]), clean_text(row["source"]), clean_text(row["caveat"]))
    return facts


@dataclass(frozen=True)
class GroupRate:
    label: str
    rate_pct_year: Decimal
    valid_from: date | None


@dataclass(frozen=True)
class LoanSupport:
    max_share_pct: Decimal | None
    rates: tuple[GroupRate, ...]  # priority groups with a rate in force on the day
    collateral_threshold_vnd: int | None
    overdue_multiplier_pct: Decimal | None

    @property
    def single_rate(self) -> GroupRate | None:
        """The rate when every priority group borrows at the same one (as until 2025)."""
        distinct = {r.rate_pct_year for r in self.rates}
        if len(distinct) != 1:
            return None
        latest = max((r.valid_from for r in self.rates if r.valid_from), default=None)
        return GroupRate("", distinct.pop(), latest)


def _param(params, key: str, on: date) -> Decimal | None:
    try:
        return param_on(params, key, on)
    except UserError:
        return None


def _in_force_from(rows: list[RateRow], group: str, on: date) -> date | None:
    return max((r.valid_from for r in rows if r.group == group and r.valid_from
                and r.valid_from <= on and (r.valid_to is None or on <= r.valid_to)),
               default=None)


def loan_support(session, on: date) -> LoanSupport:
    rows = rate_rows(session)
    params = policy_params(session)
    rates = []
    for group in session.scalars(select(PolicyGroup).where(~PolicyGroup.deleted)
                                 .order_by(PolicyGroup.sort_order)):
        if group.key == "other":
            continue
        try:
            rate = rate_on(rows, group.key, on)
        except UserError:
            continue  # no row in force for this group: the flyer says nothing about it
        rates.append(GroupRate(group.name_vi, rate, _in_force_from(rows, group.key, on)))
    threshold = _param(params, COLLATERAL_THRESHOLD_VND, on)
    return LoanSupport(
        _param(params, MAX_LOAN_SHARE_PCT, on), tuple(rates),
        int(threshold) if threshold is not None else None,
        _param(params, OVERDUE_MULTIPLIER_PCT, on))


@dataclass(frozen=True)
class EventLine:
    event_date: date
    place: str
    commune_name: str
    topic: str


@dataclass(frozen=True)
class FlyerData:
    as_of: date
    settings: FlyerSettings
    markets: tuple[MarketFacts, ...]
    loan: LoanSupport
    groups: tuple[str, ...]  # who qualifies, as the policy-group table names them
    event: EventLine | None = None
    layout: str = "a4"


def gather_flyer_data(
    ctx: ServiceContext, market: str | None = None, event_id: str | None = None,
    as_of: date | None = None, layout: str = "a4",
    settings: FlyerSettings | None = None,
) -> FlyerData:
    """Everything one flyer prints. Without ``market`` the event's markets are shown, or
    every market that has facts; ``settings`` overrides the stored ones (live preview)."""
    as_of = as_of or date.today()
    if layout not in LAYOUTS:
        raise UserError(f"Khổ tờ rơi “{layout}” không hợp lệ (a4 hoặc a5x2).",
                        f"Unknown flyer layout “{layout}” (a4 or a5x2).")
    event = get_event(ctx, event_id) if event_id else None
    with ctx.db.session() as s:
        names = {m.code: m.name_vi for m in s.scalars(select(Market))}
        facts = load_market_facts(names)
        if market:
            code = market.strip().upper()
            if code not in names:
                raise UserError(f"Không có thị trường mã “{market}”.", f"Unknown market “{market}”.")
            if code not in facts:
                raise UserError(
                    f"Chưa có thông tin thị trường {names[code]} cho tờ rơi "
                    f"(tệp market_facts.csv có: {', '.join(sorted(facts))}).",
                    f"No flyer facts for {code} (market_facts.csv has {', '.join(sorted(facts))}).")
            codes = [code]
        elif event and any(c in facts for c in event.markets):
            codes = [c for c in event.markets if c in facts]
        else:
            codes = [c for c in ("JP", "TW", "KR") if c in facts] + sorted(
                c for c in facts if c not in ("JP", "TW", "KR"))
        loan = loan_support(s, as_of)
        groups = tuple(g.name_vi for g in s.scalars(
            select(PolicyGroup).where(~PolicyGroup.deleted, PolicyGroup.key != "other")
            .order_by(PolicyGroup.sort_order)))
    line = (EventLine(event.event_date, event.place, event.commune_name, event.topic)
            if event else None)
    return FlyerData(as_of, settings or get_flyer_settings(ctx),
                     tuple(facts[c] for c in codes), loan, groups, line, layout)

