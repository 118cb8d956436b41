"""The command line speaks Vietnamese in one style (issue 17, item 6)."""

from __future__ import annotations

import argparse
import json

import pytest

from sonla_desktop.cli import build_parser
from tests.cli.test_cli import run


def _actions(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _actions(sub, (*path, name))
        else:
            yield path, action


def test_every_option_and_argument_has_help():
    missing = [(" ".join(path), action.dest) for path, action in _actions(build_parser())
               if not action.help]
    assert missing == []


def test_help_headings_are_vietnamese(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["workers", "list", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("cách dùng: ")
    assert "tuỳ chọn:" in out and "in hướng dẫn này rồi thoát" in out
    assert "usage" not in out and "options:" not in out and "show this help" not in out


@pytest.mark.parametrize(("args", "expected"), [
    (["demo", "--workers", "hai"], "giá trị số nguyên không hợp lệ: 'hai'"),
    (["workers", "list", "--bogus"], "tham số không nhận ra: --bogus"),
    (["workers", "move"], "thiếu tham số bắt buộc: id, --commune"),
    (["workers", "list", "--format", "xml"], "lựa chọn không hợp lệ: 'xml'"),
])
def test_usage_errors_are_vietnamese_with_exit_2(capsys, args, expected):
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(args)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("cách dùng: ") and expected in err
    assert "invalid" not in err and "unrecognized" not in err and "required" not in err


def test_status_accepts_the_vietnamese_word_with_or_without_marks():
    parser = build_parser()
    for word in ("departed", "Đã xuất cảnh", "da xuat canh"):
        assert parser.parse_args(["workers", "list", "--status", word]).status == "departed"
    assert parser.parse_args(["loans", "list", "--status", "đã giải ngân"]).status == "disbursed"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("lang") / "t.db"
    run(db, "init")
    run(db, "demo", "--workers", "120", "--seed", "5")
    return db


def test_workers_list_says_when_it_stops_at_the_limit(demo_db):
    proc = run(demo_db, "workers", "list", "--limit", "50")
    assert "50 / 120 người" in proc.stderr
    whole = run(demo_db, "workers", "list", "--limit", "500")
    assert " / " not in whole.stderr


def test_loans_show_is_readable_by_default_and_json_on_request(demo_db, tmp_path):
    loan = json.loads(run(demo_db, "loans", "list", "--format", "json").stdout)[0]
    text = run(demo_db, "loans", "show", loan["id"][:8]).stdout
    assert "Ngày đến hạn" in text and not text.lstrip().startswith("{")
    assert json.loads(run(demo_db, "loans", "show", loan["id"][:8], "--format",
                          "json").stdout)["id"] == loan["id"]
    out = tmp_path / "hs.pdf"
    done = run(demo_db, "dossier", loan["id"][:8], "-o", str(out))
    assert str(out) in done.stdout and out.read_bytes().startswith(b"%PDF")


def test_a_conference_is_named_by_a_short_prefix_and_shows_market_names(demo_db):
    events = json.loads(run(demo_db, "events", "list", "--format", "json").stdout)
    shown = next(e for e in events if e["attendees"])
    text = run(demo_db, "events", "show", shown["id"][:8]).stdout
    people = json.loads(run(demo_db, "events", "show", shown["id"][:6], "--format",
                            "json").stdout)["people"]
    codes = {p["interest_market"] for p in people if p["interest_market"]}
    assert codes, "the demo's attendees name a market"
    table_markets = {line.split("  ")[-1].strip() for line in text.splitlines()[3:]}
    assert not codes & table_markets  # names in the table, codes only in the JSON
    bad = run(demo_db, "events", "show", "zzzzzzzz", check=False)
    assert bad.returncode == 1 and "Không tìm thấy hội nghị" in bad.stderr
