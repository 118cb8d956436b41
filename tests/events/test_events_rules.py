"""Pure rules of conferences: markets as people write them, event checks, the duplicate rule."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sonla_desktop.domain.events import (
    REASON_NAME,
    REASON_NAME_YEAR,
    REASON_NATIONAL_ID,
    REASON_PHONE,
    MarketName,
    PersonKey,
    clean_door_person,
    clean_event,
    guess_sex,
    market_lookup,
    match_reasons,
    parse_market,
    parse_markets,
)
from sonla_desktop.domain.text import fold
from sonla_desktop.domain.worker_rules import ReferenceCodes
from sonla_desktop.errors import ValidationError

LOOKUP = market_lookup([MarketName("JP", "Nhật Bản", "Japan"), MarketName("TW", "Đài Loan", "Taiwan"),
                        MarketName("KR", "Hàn Quốc", "South Korea")])
REFS = ReferenceCodes(frozenset({"03670", "03646"}), frozenset({"03"}), frozenset({"JP", "TW", "KR"}))


@pytest.mark.parametrize("text, code", [
    ("JP", "JP"), ("jp", "JP"), ("Nhật Bản", "JP"), ("nhat ban", "JP"), ("Nhật", "JP"),
    ("  NHẬT   BẢN ", "JP"), (unicodedata.normalize("NFD", "Hàn Quốc"), "KR"), ("Hàn", "KR"),
    ("Đài Loan (Trung Quốc)", "TW"), ("dai loan", "TW"), ("Taiwan", "TW"), ("", None),
    (None, None),
])
def test_markets_are_read_the_way_sign_in_sheets_write_them(text, code):
    assert parse_market(text, LOOKUP) == code


def test_an_unknown_market_is_refused_with_an_example():
    with pytest.raises(ValidationError) as err:
        parse_market("Sao Hoả", LOOKUP)
    assert err.value.field == "interest_market"
    assert "Sao Hoả" in err.value.vi and "Nhật Bản" in err.value.vi


def test_several_markets_keep_their_order_without_repeats():
    assert parse_markets("Nhật; TW, Nhật Bản ,KR", LOOKUP) == ["JP", "TW", "KR"]


def test_event_needs_date_commune_place_and_topic():
    clean, errors = clean_event({"event_date": "5/12/2025", "commune_code": "03670",
                                 "place": "  Nhà văn hoá  bản Hẹo ", "topic": "Tư vấn",
                                 "markets": "Nhật"}, REFS.communes, LOOKUP)
    assert errors == {}
    assert clean["event_date"] == date(2025, 12, 5)
    assert clean["place"] == "Nhà văn hoá bản Hẹo" and clean["markets"] == "JP"
    _, errors = clean_event({"event_date": "31/02/2025", "commune_code": "99999"},
                            REFS.communes, LOOKUP)
    assert set(errors) == {"event_date", "commune_code", "place", "topic"}
    assert errors["place"].vi == "Chưa nhập địa điểm."


def test_event_dates_far_from_today_are_typing_errors():
    _, errors = clean_event({"event_date": "05/12/2205", "commune_code": "03670",
                             "place": "x", "topic": "y"}, REFS.communes, LOOKUP,
                            today=date(2025, 12, 1))
    assert "event_date" in errors


def test_door_registration_needs_year_and_village_but_not_id_or_phone():
    clean, errors = clean_door_person(
        {"full_name": "Lò Văn Ơn", "birth_year": "1998", "sex": "nam", "village": "Bản Hẹo"},
        REFS, "03670")
    assert errors == {}
    assert clean["commune_code"] == "03670" and clean["status"] == "registered"
    assert clean["birth_year"] == 1998 and clean["birth_date"] is None
    assert clean["national_id"] is None and clean["phone"] == ""
    _, errors = clean_door_person({"full_name": "Lò Văn Ơn", "sex": "nam"}, REFS, "03670")
    assert list(errors) == ["birth_year", "village"]  # in the order of the form


def test_door_registration_checks_the_cccd_against_sex():
    _, errors = clean_door_person(
        {"full_name": "Lò Văn Ơn", "birth_year": 1998, "sex": "Nữ", "village": "Bản Hẹo",
         "national_id": "014098001234"}, REFS, "03670")
    assert "national_id" in errors


@pytest.mark.parametrize("name, sex", [("Lò Văn Ơn", "M"), ("Cầm Thị Hoa", "F"),
                                       ("Giàng A Páo", None), ("Thị", None)])
def test_sex_is_only_guessed_from_the_middle_name(name, sex):
    assert guess_sex(name) == sex


def _key(**kw) -> PersonKey:
    base = {"national_id": None, "phone": None, "folded_name": "lo van on", "birth_year": 1998,
            "commune_code": "03670"}
    base.update(kw)
    return PersonKey(**base)


def test_the_duplicate_rule():
    me = _key(national_id="014098001234", phone="0912345678")
    assert match_reasons(me, _key(national_id="014098001234", folded_name="x")) \
        == [REASON_NATIONAL_ID]
    assert match_reasons(me, _key(phone="0912345678", folded_name="cam thi hoa")) == [REASON_PHONE]
    assert match_reasons(me, _key()) == [REASON_NAME_YEAR]
    assert match_reasons(me, _key(national_id="014098001234", phone="0912345678")) \
        == [REASON_NATIONAL_ID, REASON_NAME_YEAR, REASON_PHONE]
    # Same name and year in another commune, or another year: not the same person.
    assert match_reasons(me, _key(commune_code="03646")) == []
    assert match_reasons(me, _key(birth_year=1999)) == []
    # Unknown values never match each other.
    assert match_reasons(_key(folded_name=None), _key(folded_name=None)) == []


def test_same_name_is_only_a_hint_while_the_year_is_not_typed():
    typing = _key(birth_year=None)
    assert match_reasons(typing, _key()) == []
    assert match_reasons(typing, _key(), name_hints=True) == [REASON_NAME]


NAMES = st.sampled_from(["Lò Văn Ơn", "Cầm Thị Hương", "Nguyễn Văn Đức", "Giàng A Páo",
                         "Quàng Thị Ếnh", "Điêu Chính Tới"])


@given(NAMES, st.sampled_from(["NFC", "NFD"]), st.booleans(), st.integers(1950, 2008))
def test_names_match_however_they_were_typed(name, form, upper, year):
    typed = unicodedata.normalize(form, name.upper() if upper else name)
    stored = _key(folded_name=fold(name), birth_year=year)
    typed_key = _key(folded_name=fold(f"  {typed} "), birth_year=year)
    assert match_reasons(typed_key, stored) == [REASON_NAME_YEAR]
