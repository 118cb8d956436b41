"""A report, template or flyer is written whole or not at all, with a message a clerk reads."""

from __future__ import annotations

import os

import pytest

from sonla_desktop import files
from sonla_desktop.errors import UserError


def _leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".~"))


def test_the_file_is_written(tmp_path):
    target = tmp_path / "báo cáo.pdf"
    files.write_bytes_atomically(target, b"%PDF-1.4 new")
    assert target.read_bytes() == b"%PDF-1.4 new"
    assert _leftovers(tmp_path) == []


def test_a_failure_half_way_leaves_last_weeks_file(tmp_path):
    target = tmp_path / "báo cáo.xlsx"
    target.write_bytes(b"last week")

    def save(tmp: str) -> None:
        with open(tmp, "wb") as fh:
            fh.write(b"half a work")
        raise OSError(28, "No space left on device")

    # A full disk is a message the clerk can act on (issue #12), not a traceback.
    with pytest.raises(UserError, match="Không đủ chỗ trống"):
        files.save_atomically(target, save)
    assert target.read_bytes() == b"last week"
    assert _leftovers(tmp_path) == []


def test_the_old_file_open_in_excel_is_named_in_the_message(tmp_path, monkeypatch):
    target = tmp_path / "mẫu.xlsx"
    target.write_bytes(b"open in Excel")

    def locked(src, dst):  # what Windows does while Excel holds the file
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(UserError) as err:
        files.save_atomically(target, lambda tmp: open(tmp, "wb").close(), files.EXCEL)
    assert str(err.value).startswith("Không ghi được tệp mẫu.xlsx: tệp đang mở trong Excel")
    assert err.value.en.startswith("Cannot write mẫu.xlsx: the file is open in Excel")
    assert target.read_bytes() == b"open in Excel"
    assert _leftovers(tmp_path) == []


def test_a_missing_folder_is_named(tmp_path):
    with pytest.raises(UserError) as err:
        files.write_bytes_atomically(tmp_path / "USB" / "tờ rơi.pdf", b"x")
    assert str(err.value) == f"Không có thư mục {tmp_path / 'USB'} để lưu tệp tờ rơi.pdf."


def test_a_saved_file_gets_the_permissions_of_any_new_file(tmp_path):
    # Not the private 0600 of the temporary file: others on a shared folder can read it.
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(b"x")
    target = tmp_path / "báo cáo.pdf"
    files.write_bytes_atomically(target, b"%PDF-1.4")
    assert target.stat().st_mode & 0o777 == plain.stat().st_mode & 0o777
