"""The print decisions that need no printer (issue 19): typed page ranges, paper sizes, and
the ``lp`` command the CUPS path runs."""

from __future__ import annotations

import pytest

from sonla_desktop.domain.printing import format_pages, page_format, parse_page_range
from sonla_desktop.errors import UserError
from sonla_desktop.services.cups import JobRequest, lp_args


@pytest.mark.parametrize("typed, pages", [
    ("", [1, 2, 3, 4, 5]), ("2", [2]), ("2-2", [2]), ("1-3", [1, 2, 3]),
    ("1, 4-5", [1, 4, 5]), ("3,1", [3, 1]), ("1-2,2-3", [1, 2, 3]), (" 5 ", [5]),
])
def test_page_ranges_as_typed(typed, pages):
    assert parse_page_range(typed, 5) == pages


@pytest.mark.parametrize("typed, named", [("0", "0"), ("6", "6"), ("3-2", "3-2"),
                                          ("1,x", "x"), ("1-", "1-"), ("4-9", "4-9")])
def test_bad_page_ranges_name_the_wrong_part(typed, named):
    with pytest.raises(UserError) as err:
        parse_page_range(typed, 5)
    assert f"“{named}”" in err.value.vi and f"“{named}”" in err.value.en


def test_format_pages_is_the_lp_form():
    assert format_pages([1, 2, 3, 5]) == "1-3,5"
    assert format_pages([2]) == "2" and format_pages([4, 5, 1]) == "4-5,1"


def test_page_formats_of_reportlab_and_ghostscript_pages():
    a4 = page_format(595.2756, 841.8898)
    assert (a4.name, a4.landscape) == ("A4", False) and a4.label == "A4 dọc"
    assert page_format(842, 595).name == "A4" and page_format(842, 595).landscape
    assert page_format(419.5, 595.3).name == "A5"
    letter = page_format(612, 792)
    assert letter.name is None and letter.width_pt == 612


def test_lp_forces_the_size_and_100_percent_and_passes_only_option_names():
    args = lp_args(JobRequest("sonla-pdf", "Hồ sơ", pages="2", copies=3,
                              sides="two-sided-long-edge", landscape=True,
                              options=(("InputSlot", "Tray2"), ("bad name", "x"),
                                       ("-d", "other"))))
    joined = " ".join(args)
    assert "-d sonla-pdf" in joined and "-n 3" in joined and "-P 2" in joined
    assert "media=A4" in joined and "print-scaling=none" in joined
    assert "fit-to-page=false" in joined and "sides=two-sided-long-edge" in joined
    assert "orientation-requested=4" in joined and "InputSlot=Tray2" in joined
    assert "bad name" not in joined and "-d=other" not in joined and "other" not in joined
    assert args[-2:] == ["--", "-"]
