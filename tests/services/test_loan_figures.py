from __future__ import annotations

from datetime import date
from decimal import Decimal

from sonla_desktop.models import Disbursement, LoanApplication, Repayment
from sonla_desktop.services.loan_figures import loan_figures
from sonla_desktop.services.workers import create_worker


def test_balance_from_stored_disbursement_and_repayments(ctx):
    wid = create_worker(ctx, {"full_name": "Lò Văn Ơn", "sex": "M", "commune_code": "03670"})
    with ctx.transaction() as s:
        loan = LoanApplication(worker_id=wid, policy_group="poor",
                               application_date=date(2025, 11, 1), total_cost_vnd=64_500_000,
                               requested_vnd=60_000_000, approved_vnd=60_000_000,
                               term_months=36, frequency_months=1, status="disbursed",
                               rate_pct_year=Decimal("6.6"))
        s.add(loan)
        s.flush()
        s.add(Disbursement(loan_id=loan.id, disbursed_on=date(2025, 11, 20),
                           amount_vnd=60_000_000))
        # 60,000,000 / 36 = 1,666,666 a month (last instalment takes the remainder).
        s.add(Repayment(loan_id=loan.id, paid_on=date(2025, 12, 20), principal_vnd=1_666_666,
                        interest_vnd=330_000))
        loan_id = loan.id
    [fig] = loan_figures(ctx.db.session(), as_of=date(2026, 1, 5))
    assert fig.loan_id == loan_id and fig.commune_code == "03670"
    assert fig.disbursed_vnd == 60_000_000 and len(fig.schedule) == 36
    assert sum(i.principal_vnd for i in fig.schedule) == 60_000_000
    assert fig.state.outstanding_vnd == 60_000_000 - 1_666_666
    # Instalment 2 was due 20/01/2026: not yet overdue on 05/01/2026.
    assert fig.state.overdue_principal_vnd == 0
    [later] = loan_figures(ctx.db.session(), as_of=date(2026, 1, 25))
    assert later.state.overdue_principal_vnd == 1_666_666
    [before] = loan_figures(ctx.db.session(), as_of=date(2025, 11, 1))
    assert before.state is None and before.disbursed_vnd == 0
