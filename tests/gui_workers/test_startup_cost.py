"""What keeps the start fast: no Alembic when the schema is current, pages built on demand."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from gui_helpers import settle

from sonla_desktop.db import _fast_head, head_revision, open_database

ROOT = Path(__file__).resolve().parents[2]


def test_fast_head_agrees_with_alembic():
    assert _fast_head() == head_revision()


def test_opening_a_current_database_does_not_import_alembic(db):
    code = ("import sys; from sonla_desktop.db import open_database; "
            f"d = open_database({str(db.path)!r}); assert d.check_schema() == 'current'; "
            "print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.strip()
    assert out == "False"


def test_empty_and_current_databases_are_told_apart(tmp_path, db):
    fresh = open_database(tmp_path / "new.db", upgrade=False)
    assert fresh.current_revision() is None and fresh.check_schema() == "empty"
    assert db.current_revision() == head_revision() and db.check_schema() == "current"
    fresh.dispose()


def test_only_the_first_page_is_built_at_start(qtbot, ctx, vietnamese):
    from sonla_desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window.runner)
    assert list(window.pages.built()) == ["workers"]
    settings = window.show_page("settings")
    assert window.stack.currentWidget() is settings
    assert set(window.pages.built()) == {"workers", "settings"}
    assert window.show_page("settings") is settings  # built once
