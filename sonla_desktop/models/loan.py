"""Preferential loans through the Bank for Social Policies (VBSP)."""

from datetime import date
from decimal import Decimal

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..domain import lengths
from .base import Base, DecimalText, SyncedMixin

LOAN_STATUSES = ("draft", "submitted", "approved", "disbursed", "closed", "rejected")
COST_KINDS = ("service_fee", "airfare", "training", "visa_health", "deposit", "other")


class LoanApplication(SyncedMixin, Base):
    __tablename__ = "loan_application"
    worker_id: Mapped[str] = mapped_column(String(36), ForeignKey("worker.id"), index=True)
    policy_group: Mapped[str] = mapped_column(String(30))
    application_date: Mapped[date] = mapped_column(Date)
    market_code: Mapped[str | None] = mapped_column(
        String(2), ForeignKey("market.code"), nullable=True
    )
    agency: Mapped[str] = mapped_column(String(lengths.LOAN_APPLICATION["agency"]), default="")
    contract_months: Mapped[int] = mapped_column(Integer, default=36)
    total_cost_vnd: Mapped[int] = mapped_column(BigInteger, default=0)
    requested_vnd: Mapped[int] = mapped_column(BigInteger, default=0)
    approved_vnd: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    term_months: Mapped[int] = mapped_column(Integer, default=36)
    frequency_months: Mapped[int] = mapped_column(Integer, default=1)
    purpose: Mapped[str] = mapped_column(Text, default="")
    savings_group_name: Mapped[str] = mapped_column(String(lengths.LOAN_APPLICATION["savings_group_name"]), default="")
    savings_group_head: Mapped[str] = mapped_column(String(lengths.LOAN_APPLICATION["savings_group_head"]), default="")
    status: Mapped[str] = mapped_column(String(12), default="draft", index=True)
    reject_reason: Mapped[str] = mapped_column(Text, default="")
    # Costs the state budget pays (training, orientation...): not lent from 2026 (NĐ 338 Art. 12).
    state_supported_vnd: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    # Decided by the loan rules on the borrower's facts from the draft on (application date),
    # fixed when the money is paid out (disbursement date). See domain.loan_rules.
    rate_pct_year: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    rate_basis: Mapped[str] = mapped_column(Text, default="", server_default="")
    collateral_required: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class LoanCostLine(SyncedMixin, Base):
    __tablename__ = "loan_cost_line"
    loan_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("loan_application.id"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(String(lengths.COST_LINE["label"]), default="")
    amount_vnd: Mapped[int] = mapped_column(BigInteger)


class Disbursement(SyncedMixin, Base):
    __tablename__ = "disbursement"
    loan_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("loan_application.id"), index=True
    )
    disbursed_on: Mapped[date] = mapped_column(Date, index=True)
    amount_vnd: Mapped[int] = mapped_column(BigInteger)


class Repayment(SyncedMixin, Base):
    __tablename__ = "repayment"
    loan_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("loan_application.id"), index=True
    )
    paid_on: Mapped[date] = mapped_column(Date)
    principal_vnd: Mapped[int] = mapped_column(BigInteger, default=0)
    interest_vnd: Mapped[int] = mapped_column(BigInteger, default=0)
    overdue_interest_vnd: Mapped[int] = mapped_column(BigInteger, default=0)
