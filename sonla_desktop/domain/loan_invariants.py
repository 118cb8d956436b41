"""Rules across a loan's records that must hold after any sync merge (issue #20).

Two offices can act on one loan before they sync: the hub approves 50M and pays out, the
commune approves 40M and pays out. Each row then merges on its own, so without these rules
the loan would end approved for 40M with two payouts (90M outstanding).

* One state machine: a loan row further along the workflow wins over a concurrent write
  that is behind it (``STATUS_RANK``; the sync merge compares it before the clock version),
  so a concurrent approval never takes a disbursed loan back to "approved".
* Paid out at most once and at most the approved amount; repaid at most what was paid out.
  ``kept_rows`` decides which disbursements and repayments stand. It looks only at what
  every node ends up holding (the loan row and the ids, amounts and creation times of its
  rows, tombstoned or not), never at the order bundles arrived in, so every node decides the
  same. Rows it leaves out are shown to a person in the conflicts inbox.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

STATUS_RANK = {"draft": 0, "submitted": 1, "approved": 2, "rejected": 2, "disbursed": 3,
               "closed": 4}
PAID_OUT = ("disbursed", "closed")

# Why a row was kept out (keys stored with the inbox entry).
RULE_NOT_PAID_OUT = "loan_not_paid_out"  # a payout or repayment on a loan not paid out
RULE_OVER_APPROVED = "over_approved"  # a second payout, or more than approved
RULE_OVER_DISBURSED = "over_disbursed"  # repaid more principal than was paid out


@dataclass(frozen=True)
class Payout:
    id: str
    amount_vnd: int
    created_at: datetime


@dataclass(frozen=True)
class Payment:
    id: str
    principal_vnd: int
    paid_on: date
    created_at: datetime


def status_rank(status: str) -> int:
    return STATUS_RANK.get(status, 0)


def kept_rows(status: str, approved_vnd: int | None, payouts: list[Payout],
              payments: list[Payment]) -> tuple[set[str], dict[str, str]]:
    """(ids that stand, {id: rule} for the ids kept out) over all of a loan's payout and
    repayment rows, tombstoned ones included (a row kept out earlier comes back when the
    loan's state makes it fit again)."""
    out: dict[str, str] = {}
    kept: set[str] = set()
    paid_out = 0
    if status in PAID_OUT:
        fitting = [p for p in payouts if p.amount_vnd <= (approved_vnd or 0)]
        # The payout closest to the approved amount; then the later, then the id: all of
        # them fixed when the row was created, so the choice never flips afterwards.
        if fitting:
            best = max(fitting, key=lambda p: (p.amount_vnd, p.created_at, p.id))
            kept.add(best.id)
            paid_out = best.amount_vnd
        for p in payouts:
            if p.id not in kept:
                out[p.id] = RULE_OVER_APPROVED
    else:
        out.update({p.id: RULE_NOT_PAID_OUT for p in payouts})
    repaid = 0
    for p in sorted(payments, key=lambda p: (p.paid_on, p.created_at, p.id)):
        if not kept:
            out[p.id] = RULE_NOT_PAID_OUT
        elif repaid + p.principal_vnd > paid_out:
            out[p.id] = RULE_OVER_DISBURSED
        else:
            repaid += p.principal_vnd
            kept.add(p.id)
    return kept, out
