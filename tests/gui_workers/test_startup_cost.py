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


def test_the_start_up_modules_do_not_load_sqlalchemy():
    # SQLAlchemy is most of a cold start: the window and its first page must not need it
    # (it loads afterwards on a worker thread). See the note at the top of ui/app.py.
    code = ("import sys; import sonla_desktop.ui.app, sonla_desktop.ui.main_window, "
            "sonla_desktop.ui.pages.workers_page, sonla_desktop.services.quick_start; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.strip()
    assert out == "[]"


def test_an_ordinary_start_shows_the_list_before_any_background_work(qtbot, ctx, vietnamese):
    from sonla_desktop.services.workers import create_worker
    from sonla_desktop.ui.app import open_main_window

    for name, sex in (("Lò Văn Hùng", "M"), ("Cầm Thị Dung", "F")):
        create_worker(ctx, {"full_name": name, "birth_year": "1995", "sex": sex,
                            "commune_code": "03670"})
    window = open_main_window(str(ctx.db.path))
    qtbot.addWidget(window)
    page = window.pages["workers"]
    # Before the event loop has run once: rows, names and pick-lists are already there.
    assert [page.model.row_at(i).full_name for i in range(page.model.rowCount())] == \
        ["Cầm Thị Dung", "Lò Văn Hùng"]
    assert page.add_button.isEnabled() and page.lookups is not None
    assert page.filters.commune.count() >= 75
    # The background queries (which load SQLAlchemy) wait for the first frame.
    assert window.runner.is_held() and window.runner.busy()
    settle(qtbot, window.runner)
    assert not window.runner.is_held()
    assert page.filters.count_label.text() == "2 người"
    assert window.status_office.text() == "UBND phường Chiềng Cơi"
    # The rest goes through the ORM as usual: a diacritics-free search finds her.
    page.filters.search.setText("cam thi")
    page.filters.flush()
    settle(qtbot, window.runner)
    assert [page.model.row_at(i).full_name for i in range(page.model.rowCount())] == \
        ["Cầm Thị Dung"]
    window.close()
