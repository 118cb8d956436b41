"""``workers erase``: identity gone from the file (WAL and FTS index included), loans kept."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sonla_desktop.errors import UserError
from sonla_desktop.models import Consent, Erasure, LoanApplication, PossibleDuplicate, Worker
from sonla_desktop.services.audit import list_entries, verify_chain
from sonla_desktop.services.consents import add_consent, list_consents
from sonla_desktop.services.person_erase import erase_person
from sonla_desktop.services.workers import WorkerFilter, list_workers, update_worker
from tests.person.helpers import CCCD, NAME, PHONE, file_bytes, held, worker_with_loan


def test_after_erasure_the_values_are_nowhere_in_the_file(ctx):
    wid, loan_id = worker_with_loan(ctx)
    add_consent(ctx, wid, {"purpose": "Hỗ trợ vay vốn", "given_on": "02/02/2026",
                           "method": "written"})
    # Edits leave old versions of the row in free pages and the WAL.
    update_worker(ctx, wid, {"full_name": NAME, "birth_date": "12/03/1998", "sex": "Nam",
                             "national_id": CCCD, "phone": PHONE, "commune_code": "03670",
                             "village": "Bản Mòng Mới", "household": "poor"})
    assert held(file_bytes(ctx.db), NAME, CCCD, PHONE, "nguyen van duc") == [
        NAME, CCCD, PHONE, "nguyen van duc"]  # the test can see them before
    erase_person(ctx, wid)
    assert held(file_bytes(ctx.db), NAME, CCCD, PHONE, "nguyen van duc", "Bản Mòng") == []
    with ctx.db.session() as s:
        w = s.get(Worker, wid)
        assert (w.full_name, w.national_id, w.phone, w.birth_date, w.deleted) == (
            "Đã xoá", None, "", None, True)
        # The bank's record stays, linked only to the anonymous worker.
        loan = s.get(LoanApplication, loan_id)
        assert loan.worker_id == wid and loan.requested_vnd == 60_000_000
        tomb = s.scalar(select(Erasure).where(Erasure.worker_id == wid))
        assert tomb.origin == ctx.node_id and tomb.commune_code == "03670"
        assert s.scalar(select(Consent.withdrawn_on).where(Consent.worker_id == wid))
    # Search still works after the VACUUM (FTS rowids rebuilt) and no longer finds them.
    assert list_workers(ctx, WorkerFilter(search="duc")) == []
    assert list_consents(ctx, wid)[0].withdrawn_on is not None


def test_the_audit_chain_still_verifies_and_says_which_fields_not_values(ctx):
    wid, _ = worker_with_loan(ctx)
    erase_person(ctx, wid)
    assert verify_chain(ctx).ok
    [entry] = list_entries(ctx, action="erase", entity_id=wid)
    assert entry.changes["erased"] == [False, True]
    assert "national_id" in entry.changes["fields"][1]
    # No audit row holds a value of the person in clear (sensitive ones are keyed hashes).
    text = repr([e.changes for e in list_entries(ctx, limit=None)])
    assert held(text.encode(), NAME, CCCD, PHONE) == []


def test_erasing_twice_is_refused_and_changes_nothing(ctx):
    wid, _ = worker_with_loan(ctx)
    erase_person(ctx, wid)
    with pytest.raises(UserError):
        erase_person(ctx, wid)
    assert len(list_entries(ctx, action="erase")) == 1


def test_a_duplicate_link_holding_the_cccd_goes_too(ctx):
    wid, _ = worker_with_loan(ctx)
    with ctx.transaction() as s:
        link = PossibleDuplicate(worker_id_1=wid, worker_id_2="x" * 36, commune_code_1="03670",
                                 commune_code_2="03679", national_id=CCCD)
        s.add(link)
        ctx.stamp(s, link, check_owner=False)
    erase_person(ctx, wid)
    with ctx.db.session() as s:
        assert s.scalars(select(PossibleDuplicate)).all() == []
    assert held(file_bytes(ctx.db), CCCD) == []


def test_after_erasure_the_rules_caches_hold_nothing_of_the_person(ctx):
    """The rules remember folded names, sort keys, phone checks and keyed hashes in memory
    (an import of 10,000 people asks the same ones again and again); an erasure empties them."""
    from sonla_desktop.domain.remembered import PERSONAL_CACHES

    wid, _ = worker_with_loan(ctx)
    update_worker(ctx, wid, {"full_name": NAME, "birth_date": "12/03/1998", "sex": "Nam",
                             "national_id": CCCD, "phone": PHONE, "commune_code": "03670",
                             "village": "Bản Mòng Mới", "household": "poor"})
    assert sum(c.cache_info().currsize for c in PERSONAL_CACHES) > 0  # filled before
    erase_person(ctx, wid)
    assert [c.cache_info().currsize for c in PERSONAL_CACHES] == [0] * len(PERSONAL_CACHES)


def test_every_cache_of_the_rules_is_sorted_as_personal_or_not():
    """A new cache in domain/ must be listed as holding a person's values (emptied on
    erasure) or named here as not holding any: a test, not a memory, keeps the list whole."""
    import importlib
    import pkgutil

    import sonla_desktop.domain as domain
    from sonla_desktop.domain.remembered import PERSONAL_CACHES

    caches = {}
    for info in pkgutil.iter_modules(domain.__path__):
        module = importlib.import_module(f"sonla_desktop.domain.{info.name}")
        for value in vars(module).values():
            if hasattr(value, "cache_info") and hasattr(value, "cache_clear"):
                caches[id(value)] = value
    personal = {id(cache) for cache in PERSONAL_CACHES}
    assert personal <= caches.keys()
    others = {f"{c.__wrapped__.__module__.rsplit('.', 1)[1]}.{c.__wrapped__.__name__}"
              for key, c in caches.items() if key not in personal}
    # Month lengths, and the few spellings of "Nam"/"Nữ": nothing about a person.
    assert others == {"loans._month_days", "identity._sex_code"}
