"""Reference data shared by every node: units, ethnic groups, markets, policy data."""

from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, Date, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, DecimalText, SyncedMixin


class AdminUnit(SyncedMixin, Base):
    """A ward (phường) or commune (xã) of Son La after the 1 July 2025 reform."""

    __tablename__ = "admin_unit"
    code: Mapped[str] = mapped_column(String(5), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100), default="")
    full_name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(10))  # ward | commune
    is_poor_area: Mapped[bool] = mapped_column(Boolean, default=False)
    search_text: Mapped[str] = mapped_column(String(200), default="")


class EthnicGroup(SyncedMixin, Base):
    """The 54 groups, codes of Decision 121-TCTK/PPCĐ (1979)."""

    __tablename__ = "ethnic_group"
    code: Mapped[str] = mapped_column(String(2), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    source_name: Mapped[str] = mapped_column(String(60), default="")
    other_names: Mapped[str] = mapped_column(Text, default="")
    in_son_la: Mapped[bool] = mapped_column(Boolean, default=False)
    search_text: Mapped[str] = mapped_column(String(300), default="")


class Market(SyncedMixin, Base):
    __tablename__ = "market"
    code: Mapped[str] = mapped_column(String(2), unique=True)  # ISO 3166-1 alpha-2
    name_vi: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))
    region: Mapped[str] = mapped_column(String(40), default="")
    # A market may require more than the legal minimum of 18 (Law 69/2020/QH14, Art. 44).
    min_age: Mapped[int] = mapped_column(Integer, default=18, server_default="18")


class PolicyGroup(SyncedMixin, Base):
    __tablename__ = "policy_group"
    key: Mapped[str] = mapped_column(String(30), unique=True)
    name_vi: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class PolicyRate(SyncedMixin, Base):
    """Yearly loan rate of one policy group over a date range (both ends inclusive)."""

    __tablename__ = "policy_rate"
    group_key: Mapped[str] = mapped_column(String(30), index=True)
    rate_pct_year: Mapped[Decimal] = mapped_column(DecimalText)
    valid_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    valid_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    basis: Mapped[str] = mapped_column(Text, default="")
    confidence: Mapped[str] = mapped_column(Text, default="")


class PolicyParam(SyncedMixin, Base):
    """Other effective-dated figures: overdue multiplier, collateral threshold, max share."""

    __tablename__ = "policy_param"
    key: Mapped[str] = mapped_column(String(40), index=True)
    value: Mapped[Decimal] = mapped_column(DecimalText)
    valid_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    valid_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    basis: Mapped[str] = mapped_column(Text, default="")


class LoanRule(SyncedMixin, Base):
    """One effective-dated loan rule or published rate (see ``domain.loan_rules``)."""

    __tablename__ = "loan_rule"
    key: Mapped[str] = mapped_column(String(60), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    valid_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    valid_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    conditions: Mapped[str] = mapped_column(Text, default="any")
    value_kind: Mapped[str] = mapped_column(String(40))
    value: Mapped[Decimal] = mapped_column(DecimalText)
    base: Mapped[str] = mapped_column(String(60), default="")
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    label_vi: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    confidence: Mapped[str] = mapped_column(Text, default="")


class Target(SyncedMixin, Base):
    """Departure target for a year, province-wide (commune NULL) or for one commune."""

    __tablename__ = "target"
    __table_args__ = (UniqueConstraint("year", "commune_code", name="uq_target_year_commune"),)
    year: Mapped[int] = mapped_column(Integer)
    commune_code: Mapped[str | None] = mapped_column(String(5), nullable=True)
    departures: Mapped[int] = mapped_column(Integer)
