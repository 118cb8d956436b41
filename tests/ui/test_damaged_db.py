"""The GUI's start on a file that is not a database: a message and a way to another file."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from sonla_desktop.errors import DamagedDatabaseError
from sonla_desktop.ui.app import open_main_window
from sonla_desktop.ui.db_problem import damaged_file_box


def test_start_on_a_damaged_file_says_so_and_offers_another_file(qapp, tmp_path):
    bad = tmp_path / "xa.db"
    bad.write_bytes(b"\x00garbage" * 512)
    with pytest.raises(DamagedDatabaseError) as caught:
        open_main_window(str(bad))
    assert "không phải là cơ sở dữ liệu" in str(caught.value)
    box = damaged_file_box(caught.value)
    texts = [b.text() for b in box.buttons()]
    assert "Chọn tệp dữ liệu khác…" in texts and "Thoát" in texts
    assert box.defaultButton() is box.property("pick_button")
    assert box.icon() == QMessageBox.Icon.Critical
