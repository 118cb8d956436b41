"""Messages that name the actual fault, in the clerk's words (issue 17, item 7)."""

from __future__ import annotations

import time

import pytest

from sonla_desktop.domain.dates import format_local_time
from sonla_desktop.domain.loan_application import clean_application
from sonla_desktop.domain.worker_rules import ReferenceCodes, clean_worker


def _name_error(name: str) -> str:
    refs = ReferenceCodes(frozenset(), frozenset(), frozenset())
    _clean, errors = clean_worker({"full_name": name}, refs)
    return errors["full_name"].vi


def test_a_name_with_a_digit_is_told_about_the_digit_only():
    text = _name_error("Vì Văn X1")
    assert "chữ số" in text and "120" not in text


def test_a_name_too_long_is_told_about_the_length_only():
    text = _name_error("Lò " * 50)
    assert "120" in text and "chữ số" not in text


@pytest.fixture
def hanoi_clock(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_file_time_is_shown_on_the_local_clock_day_first(hanoi_clock):
    assert format_local_time("2026-12-06T17:37:58Z") == "07/12/2026 00:37"
    assert format_local_time("garbled") == "garbled"


def test_a_zero_loan_term_blames_the_term_not_the_contract():
    _clean, errors = clean_application({
        "policy_group": "poor", "application_date": "01/12/2026", "term_months": 0,
        "contract_months": 0, "cost_lines": [{"kind": "airfare", "amount_vnd": 1000000}],
        "requested_vnd": 1000000})
    first = next(iter(errors.values()))
    assert "Thời hạn vay" in first.vi
