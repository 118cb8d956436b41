"""What a flyer shows, as plain data: ``services.flyers`` gathers it, ``reports.flyer`` draws it.

Defined on the reports side so the renderer needs nothing from the services or the models
(tests/test_layers.py); the services re-export these names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

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


# A web address a QR code may carry (the settings form checks it too).
URL_PATTERN = re.compile(r"^https?://[^\s/$.?#][^\s]*\.[^\s]+$", re.IGNORECASE)


def tel_uri(phone: str) -> str:
    return "tel:" + re.sub(r"\D", "", phone)


def zalo_url(zalo: str) -> str:
    return zalo if URL_PATTERN.match(zalo) else f"https://zalo.me/{zalo}"


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


@dataclass(frozen=True)
class GroupRate:
    label: str  # who pays it, in the rule's words ("người dân tộc thiểu số và hộ nghèo")
    rate_pct_year: Decimal
    valid_from: date | None
    basis: str = ""  # the legal basis of the rule(s)


@dataclass(frozen=True)
class LoanSupport:
    max_share_pct: Decimal | None
    rates: tuple[GroupRate, ...]  # by who pays what, cheapest first
    collateral_threshold_vnd: int | None
    overdue_multiplier_pct: Decimal | None
    cap_label: str = ""  # the cap as the decree states it
    cap_basis: str = ""

    @property
    def single_rate(self) -> GroupRate | None:
        """The rate when every borrower the rules name pays the same one."""
        distinct = {r.rate_pct_year for r in self.rates}
        if len(distinct) != 1:
            return None
        latest = max((r.valid_from for r in self.rates if r.valid_from), default=None)
        return GroupRate("", distinct.pop(), latest, self.rates[0].basis)


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
    # "xã", "phường" or "xã/phường": the office's units (domain.admin_units).
    unit_word: str = "xã/phường"
