"""Flyer contacts and texts kept in the settings table."""

from __future__ import annotations

import pytest

from sonla_desktop.errors import ValidationError
from sonla_desktop.services.flyers import (
    DEFAULT_HEADLINE,
    get_flyer_settings,
    save_flyer_settings,
    tel_uri,
    zalo_url,
)
from sonla_desktop.services.setup import get_setting


def test_defaults_come_from_the_office(ctx):
    s = get_flyer_settings(ctx)
    assert s.office_name == "UBND phường Chiềng Cơi"  # the node's name (tests/conftest.py)
    assert s.headline == DEFAULT_HEADLINE and s.office_phone == "" and s.zalo == ""


def test_contacts_are_cleaned_and_stored(ctx):
    saved = save_flyer_settings(ctx, {"office_name": "UBND phường Chiềng Cơi",
                                      "office_phone": " 0212 3852 123 ",
                                      "jobs_website": "https://vieclam.example.vn/son-la",
                                      "zalo": "+84 912 345 678", "headline": "ĐI LÀM VIỆC",
                                      "intro": "Dòng 1\r\nDòng 2", "note": ""})
    assert saved.zalo == "0912345678" and saved.intro == "Dòng 1\nDòng 2"
    assert zalo_url(saved.zalo) == "https://zalo.me/0912345678"
    assert tel_uri(saved.office_phone) == "tel:02123852123"
    assert get_flyer_settings(ctx) == saved
    # The default office name is not frozen into the settings.
    assert get_setting(ctx, "contact.office_name") == ""
    assert zalo_url("https://zalo.me/g/abc123") == "https://zalo.me/g/abc123"


@pytest.mark.parametrize("field, value", [
    ("office_phone", "12345"), ("office_phone", "phòng"), ("jobs_website", "vieclam.sonla"),
    ("jobs_website", "ftp://x.vn"), ("zalo", "zalo của xã"),
])
def test_bad_contacts_name_their_field_and_change_nothing(ctx, field, value):
    with pytest.raises(ValidationError) as err:
        save_flyer_settings(ctx, {field: value})
    assert err.value.field == field
    assert get_setting(ctx, f"contact.{field}", "unset") == "unset"
