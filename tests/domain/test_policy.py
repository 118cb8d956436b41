import unicodedata
from datetime import date
from decimal import Decimal

import pytest

from sonla_desktop.domain.policy import (
    COLLATERAL_THRESHOLD_VND,
    DEFAULT_PARAMS,
    MAX_LOAN_SHARE_PCT,
    OVERDUE_MULTIPLIER_PCT,
    POLICY_GROUP_LABELS_EN,
    POLICY_GROUP_LABELS_VI,
    POLICY_GROUPS,
    Applicant,
    PolicyParam,
    RateRow,
    check_group,
    eligible_groups,
    load_rate_rows,
    param_on,
    rate_on,
)
from sonla_desktop.errors import UserError, ValidationError

# The format of the shipped policy_rates.csv (with an Excel BOM and the extra
# "confidence" column), cut down to what the tests need.
RATES_CSV = (
    "\ufeffgroup,rate_pct_year,valid_from,valid_to,basis,confidence\n"
    'poor,6.6,,2025-11-30,"Decree 61/2015/NĐ-CP, Decree 74/2019/NĐ-CP: poor-household rate",'
    "stated by the provincial VBSP branch\n"
    "ethnic_minority,6.6,,2025-11-30,same as poor,stated\n"
    "poor,6.24,2025-12-01,,poor-household rate lowered to 0.52%/month from 1 Dec 2025,reported\n"
    "ethnic_minority,6.24,2025-12-01,,follows the poor-household rate,reported\n"
)


@pytest.fixture
def rate_rows(tmp_path):
    path = tmp_path / "policy_rates.csv"
    path.write_text(RATES_CSV, encoding="utf-8")
    return load_rate_rows(path)


def test_groups_and_labels_cover_each_other():
    assert POLICY_GROUPS == (
        "poor",
        "near_poor",
        "ethnic_minority",
        "land_revoked",
        "meritorious_relative",
        "poor_area",
        "other",
    )
    assert set(POLICY_GROUP_LABELS_VI) == set(POLICY_GROUP_LABELS_EN) == set(POLICY_GROUPS)
    assert POLICY_GROUP_LABELS_VI["poor_area"] == "Vùng nghèo (xã/huyện nghèo)"
    for label in POLICY_GROUP_LABELS_VI.values():
        assert unicodedata.normalize("NFC", label) == label


def test_load_rate_rows_reads_the_shipped_format(rate_rows):
    assert rate_rows[0] == RateRow(
        "poor",
        Decimal("6.6"),
        None,
        date(2025, 11, 30),
        "Decree 61/2015/NĐ-CP, Decree 74/2019/NĐ-CP: poor-household rate",
    )
    assert rate_rows[2].valid_from == date(2025, 12, 1)
    assert rate_rows[2].valid_to is None


def test_load_rate_rows_stores_excel_nfd_text_as_nfc(tmp_path):
    path = tmp_path / "r.csv"
    basis = unicodedata.normalize("NFD", "Nghị định 338/2025/NĐ-CP")
    path.write_text(
        f"group,rate_pct_year,valid_from,valid_to,basis\npoor,6.24,2026-01-01,,{basis}\n"
    )
    (row,) = load_rate_rows(path)
    assert row.basis == unicodedata.normalize("NFC", basis)


@pytest.mark.parametrize(
    ("line", "needle"),
    [
        ("nobody,6.6,,,x", "nobody"),
        ("poor,abc,,,x", "abc"),
        ("poor,-1,,,x", "-1"),
        ("poor,6.6,01/12/2025,,x", "01/12/2025"),
        ("poor,6.6,2025-12-01,2025-11-01,x", "valid_from"),
    ],
)
def test_load_rate_rows_names_the_bad_line(tmp_path, line, needle):
    path = tmp_path / "r.csv"
    path.write_text("group,rate_pct_year,valid_from,valid_to,basis\npoor,6.6,,,ok\n" + line + "\n")
    with pytest.raises(UserError) as info:
        load_rate_rows(path)
    assert "dòng 3" in info.value.vi and "line 3" in info.value.en
    assert needle in info.value.en


def test_rate_changes_on_1_december_2025(rate_rows):
    # A poor household disbursed on 20 Nov 2025 borrows at 6.6 %, one on 5 Dec at 6.24 %.
    assert rate_on(rate_rows, "poor", date(2025, 11, 20)) == Decimal("6.6")
    assert rate_on(rate_rows, "poor", date(2025, 11, 30)) == Decimal("6.6")
    assert rate_on(rate_rows, "poor", date(2025, 12, 1)) == Decimal("6.24")
    assert rate_on(rate_rows, "poor", date(2025, 12, 5)) == Decimal("6.24")
    assert rate_on(rate_rows, "ethnic_minority", date(2030, 1, 1)) == Decimal("6.24")
    # "since forever": the first row has no start date.
    assert rate_on(rate_rows, "poor", date(2016, 1, 1)) == Decimal("6.6")


def test_rate_missing_for_a_group_is_a_user_error(rate_rows):
    with pytest.raises(UserError) as info:
        rate_on(rate_rows, "near_poor", date(2025, 12, 5))
    assert "Hộ cận nghèo" in info.value.vi and "05/12/2025" in info.value.vi
    assert "Near-poor" in info.value.en and "2025-12-05" in info.value.en


def test_rate_rows_that_overlap_with_different_rates_are_refused(rate_rows):
    extra = RateRow("poor", Decimal("7.92"), date(2025, 12, 1), date(2025, 12, 31), "typo")
    with pytest.raises(UserError) as info:
        rate_on([*rate_rows, extra], "poor", date(2025, 12, 10))
    assert "6.24%" in info.value.vi and "7.92%" in info.value.en
    # Outside the overlap the table is fine.
    assert rate_on([*rate_rows, extra], "poor", date(2026, 1, 1)) == Decimal("6.24")


def test_identical_duplicate_rows_are_harmless(rate_rows):
    # The same row can arrive twice, e.g. from the installer and again from the hub.
    assert rate_on(rate_rows + rate_rows, "poor", date(2025, 12, 5)) == Decimal("6.24")


def test_collateral_threshold_follows_decree_338_from_2026():
    assert param_on(DEFAULT_PARAMS, COLLATERAL_THRESHOLD_VND, date(2025, 12, 31)) == 50_000_000
    assert param_on(DEFAULT_PARAMS, COLLATERAL_THRESHOLD_VND, date(2026, 1, 1)) == 200_000_000


def test_default_params_cover_every_day_and_name_their_basis():
    for day in (date(2015, 8, 1), date(2025, 12, 31), date(2026, 1, 1), date(2040, 1, 1)):
        assert param_on(DEFAULT_PARAMS, OVERDUE_MULTIPLIER_PCT, day) == 130
        assert param_on(DEFAULT_PARAMS, MAX_LOAN_SHARE_PCT, day) == 100
    assert all("Nghị định" in p.basis and "Decree" in p.basis for p in DEFAULT_PARAMS)


def test_param_missing_or_conflicting_is_a_user_error():
    with pytest.raises(UserError):
        param_on([], OVERDUE_MULTIPLIER_PCT, date(2026, 1, 1))
    clash = PolicyParam(OVERDUE_MULTIPLIER_PCT, Decimal("150"), date(2026, 1, 1), None, "x")
    with pytest.raises(UserError) as info:
        param_on([*DEFAULT_PARAMS, clash], OVERDUE_MULTIPLIER_PCT, date(2026, 3, 1))
    assert "130" in info.value.en and "150" in info.value.en


def _applicant(**kw):
    base = dict(
        household="none",
        ethnic_code="01",
        is_poor_area_commune=False,
        land_revoked=False,
        meritorious_relative=False,
    )
    base.update(kw)
    return Applicant(**base)


def test_eligible_groups_in_priority_order():
    everything = _applicant(
        household="poor",
        ethnic_code="13",  # Mông
        is_poor_area_commune=True,
        land_revoked=True,
        meritorious_relative=True,
    )
    assert eligible_groups(everything) == [
        "poor",
        "ethnic_minority",
        "land_revoked",
        "meritorious_relative",
        "poor_area",
    ]
    assert eligible_groups(_applicant(household="near_poor")) == ["near_poor"]


def test_kinh_and_unknown_ethnicity_are_not_minority_but_every_other_code_is():
    assert eligible_groups(_applicant(ethnic_code="01")) == []
    assert eligible_groups(_applicant(ethnic_code=None)) == []
    assert eligible_groups(_applicant(ethnic_code="03")) == ["ethnic_minority"]  # Thái


def test_other_is_never_automatic():
    assert "other" not in eligible_groups(_applicant(household="poor", ethnic_code="03"))
    with pytest.raises(ValidationError):
        check_group(_applicant(household="poor"), "other")


def test_check_group_accepts_a_group_the_borrower_qualifies_for():
    check_group(_applicant(ethnic_code="03", land_revoked=True), "land_revoked")


def test_check_group_refuses_and_lists_what_the_borrower_qualifies_for():
    with pytest.raises(ValidationError) as info:
        check_group(_applicant(ethnic_code="03", is_poor_area_commune=True), "poor")
    err = info.value
    assert err.field == "policy_group"
    assert "Hộ nghèo" in err.vi
    assert "Dân tộc thiểu số, Vùng nghèo (xã/huyện nghèo)" in err.vi
    assert "Poor household" in err.en and "Ethnic minority" in err.en
    assert unicodedata.normalize("NFC", err.vi) == err.vi


def test_check_group_when_the_borrower_qualifies_for_nothing():
    with pytest.raises(ValidationError) as info:
        check_group(_applicant(), "near_poor")
    assert "không thuộc đối tượng ưu tiên nào" in info.value.vi


def test_unknown_household_status_is_a_validation_error():
    with pytest.raises(ValidationError) as info:
        eligible_groups(_applicant(household="rich"))
    assert info.value.field == "household"


def test_a_borrower_in_no_priority_group_is_recorded_as_other():
    # Decree 338 lends to every worker (at 127% of the poor-household rate): a Kinh worker
    # from an ordinary household is recorded as "other", which is refused for anyone else.
    check_group(_applicant(ethnic_code="01"), "other")
