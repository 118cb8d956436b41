"""Consent records per worker and the form's warning (Decree 356/2025)."""

from __future__ import annotations

from datetime import date

import pytest

from sonla_desktop.errors import UserError, ValidationError
from sonla_desktop.models import AuditLog, Consent
from sonla_desktop.services.consents import (
    add_consent,
    delete_consent,
    form_warning,
    list_consents,
    withdraw_consent,
)
from sonla_desktop.services.workers import create_worker
from tests.conftest import dump_database
from tests.person.helpers import DUC, worker_with_loan

WRITTEN = {"purpose": "Tư vấn và hỗ trợ vay vốn", "given_on": "01/02/2026", "method": "written"}


def test_a_consent_is_recorded_listed_withdrawn_and_removed(ctx):
    wid = create_worker(ctx, DUC)
    cid = add_consent(ctx, wid, WRITTEN)
    [row] = list_consents(ctx, wid)
    assert (row.purpose, row.given_on, row.method, row.recorded_by, row.active) == (
        "Tư vấn và hỗ trợ vay vốn", date(2026, 2, 1), "written", "admin", True)
    withdraw_consent(ctx, cid, on=date(2026, 3, 1))
    assert list_consents(ctx, wid)[0].withdrawn_on == date(2026, 3, 1)
    with pytest.raises(UserError):
        withdraw_consent(ctx, cid)
    delete_consent(ctx, cid)
    assert list_consents(ctx, wid) == []
    with ctx.db.session() as s:
        row = s.get(Consent, cid)
        assert row.deleted and row.origin == ctx.node_id  # a tombstone that syncs
        actions = [a for a, in s.query(AuditLog.action).filter(AuditLog.entity_id == cid)]
    assert actions == ["create", "withdraw", "delete"]


def test_a_verbal_consent_needs_a_witness_and_nothing_is_written_without_one(ctx):
    wid = create_worker(ctx, DUC)
    before = dump_database(ctx.db)
    with pytest.raises(ValidationError) as err:
        add_consent(ctx, wid, {**WRITTEN, "method": "verbal"})
    assert err.value.field == "witness"
    assert dump_database(ctx.db) == before
    add_consent(ctx, wid, {**WRITTEN, "method": "verbal", "witness": "Lò Văn Hùng"})
    assert list_consents(ctx, wid)[0].witness == "Lò Văn Hùng"


@pytest.mark.parametrize("raw, field", [
    ({**WRITTEN, "purpose": " "}, "purpose"),
    ({**WRITTEN, "method": "email"}, "method"),
    ({**WRITTEN, "given_on": "31/12/2099"}, "given_on"),
    ({**WRITTEN, "withdrawn_on": "01/01/2026"}, "withdrawn_on"),  # before it was given
])
def test_bad_consents_are_refused_naming_the_field(ctx, raw, field):
    wid = create_worker(ctx, DUC)
    with pytest.raises(ValidationError) as err:
        add_consent(ctx, wid, raw)
    assert err.value.field == field


def test_the_form_warns_about_sensitive_data_without_a_live_consent(ctx):
    plain = {**DUC, "ethnic_code": "", "household": "none"}
    wid = create_worker(ctx, plain)
    assert form_warning(ctx, wid, plain) is None
    # Ethnic group and poverty status typed in the form: a warning naming both.
    vi, en = form_warning(ctx, wid, DUC)
    assert "dân tộc" in vi and "hộ nghèo" in vi and "Decree 356/2025" in en
    # A new worker (not saved yet) gets the reminder too.
    assert form_warning(ctx, None, DUC) is not None
    cid = add_consent(ctx, wid, WRITTEN)
    assert form_warning(ctx, wid, DUC) is None
    withdraw_consent(ctx, cid)  # a withdrawn consent no longer covers the data
    assert form_warning(ctx, wid, DUC) is not None


def test_a_loan_alone_calls_for_a_consent(ctx):
    wid, _ = worker_with_loan(ctx, ethnic_code="", household="none")
    plain = {**DUC, "ethnic_code": "", "household": "none"}
    vi, _ = form_warning(ctx, wid, plain)
    assert "khoản vay" in vi
