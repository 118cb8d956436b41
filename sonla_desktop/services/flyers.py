"""What a recruitment flyer says, gathered from the database, settings and data files.

Nothing a flyer promises about money is typed here: the loan rates (by who pays what),
the cap as the decree states it and the collateral threshold are read from the loan rules
(``loan_rule``) in force on the day the flyer is printed, and market facts come from
resources/data/market_facts.csv (with their source printed on the flyer).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import fields
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from .. import paths
from ..domain.identity import normalize_phone
from ..domain.loan_rules import (
    LOAN_RATE,
    LoanRule,
    collateral_threshold,
    describe_conditions,
    loan_cap,
    overdue_multiplier_pct,
    rule_rate,
)
from ..domain.text import clean_multiline, clean_text
from ..errors import UserError, ValidationError
from ..models import Market, Node, PolicyGroup, Setting

# The flyer's data classes live beside its renderer; re-exported here for callers.
from ..reports.flyer_data import DEFAULT_HEADLINE as DEFAULT_HEADLINE
from ..reports.flyer_data import DEFAULT_JOBS_WEBSITE as DEFAULT_JOBS_WEBSITE
from ..reports.flyer_data import URL_PATTERN as _URL
from ..reports.flyer_data import (
    EventLine,
    FlyerData,
    FlyerSettings,
    GroupRate,
    LoanSupport,
    MarketFacts,
)
from ..reports.flyer_data import tel_uri as tel_uri
from ..reports.flyer_data import zalo_url as zalo_url
from .admin_units import office_unit_word
from .context import ServiceContext
from .events import get_event
from .loan_rules import loan_rules
from .setup import set_settings

LAYOUTS = ("a4", "a5x2")

SETTING_KEYS = {
    "office_name": "contact.office_name", "office_address": "contact.office_address",
    "office_phone": "contact.office_phone", "jobs_website": "contact.jobs_website",
    "zalo": "contact.zalo", "headline": "flyer.headline", "intro": "flyer.intro",
    "note": "flyer.note",
}


def get_flyer_settings(ctx: ServiceContext) -> FlyerSettings:
    ctx.require("events.read")
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
    ctx.require("flyers.write")
    clean = clean_flyer_settings(raw)
    values = {key: getattr(clean, f) for f, key in SETTING_KEYS.items()}
    with ctx.db.session() as s:
        node = s.scalar(select(Node).where(Node.is_self.is_(True)))
    if node is not None and clean.office_name == node.name:
        # Left at the default: keep following the office's name if it is renamed later.
        values[SETTING_KEYS["office_name"]] = ""
    set_settings(ctx, values)
    return clean


# --------------------------------------------------------------------------- facts

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


def _or_none(fn, *args):
    try:
        return fn(*args)
    except UserError:
        return None


def rates_by_payer(rules: list[LoanRule], on: date) -> tuple[GroupRate, ...]:
    """Each loan rate in force on ``on`` with who pays it. A borrower pays the lowest that
    fits (the decree's "most favourable"), so the list reads cheapest first and the rule for
    everyone is "other workers" once more specific rules come before it."""
    found: dict[Decimal, list[tuple[str, date | None, str]]] = {}
    for rule in rules:
        if rule.kind != LOAN_RATE or not rule.in_force(on):
            continue
        rate = _or_none(rule_rate, rules, rule, on)
        if rate is None:
            continue
        series_from = max((r.valid_from for r in rules if r.kind == "series"
                           and r.key == rule.base and r.in_force(on) and r.valid_from),
                          default=None)
        since = max((d for d in (rule.valid_from, series_from) if d), default=None)
        found.setdefault(rate, []).append(
            (describe_conditions(rule.conditions), since, rule.legal_basis))
    out = []
    for rate in sorted(found):
        entries = found[rate]
        label = ", hoặc ".join(e[0] for e in entries)
        if label == "mọi người lao động" and len(found) > 1:
            label = "người lao động khác"
        since = max((e[1] for e in entries if e[1]), default=None)
        out.append(GroupRate(label, rate, since, "; ".join(dict.fromkeys(e[2] for e in entries))))
    return tuple(out)


def loan_support(session, on: date) -> LoanSupport:
    rules = loan_rules(session)
    cap = _or_none(loan_cap, rules, 100, 0, on)
    threshold = _or_none(collateral_threshold, rules, on)
    return LoanSupport(
        cap.share_pct if cap else None, rates_by_payer(rules, on), threshold,
        _or_none(overdue_multiplier_pct, rules, on),
        cap.rule.label_vi if cap else "", cap.rule.legal_basis if cap else "")


def gather_flyer_data(
    ctx: ServiceContext, market: str | None = None, event_id: str | None = None,
    as_of: date | None = None, layout: str = "a4",
    settings: FlyerSettings | None = None,
) -> FlyerData:
    """Everything one flyer prints. Without ``market`` the event's markets are shown, or
    every market that has facts; ``settings`` overrides the stored ones (live preview)."""
    ctx.require("events.read")
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
                     tuple(facts[c] for c in codes), loan, groups, line, layout,
                     office_unit_word(ctx))

