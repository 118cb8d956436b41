"""``make screenshots``: the main screens rendered offscreen at 1366x768 (the usual office
screen) in Vietnamese with demo data on a temporary database, into docs/screenshots/.

Every page in ``ui.pages.PAGES`` gets a picture, so pages added later appear by themselves;
a few dialogs (worker form, first-run wizard) are added by name below.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..services.context import ServiceContext

SIZE = (1366, 768)
DEMO_WORKERS = 2000
DEMO_TODAY = date(2025, 12, 2)  # fixed, so the pictures only change when the screens do
SETTLE_SECONDS = 0.3  # let late paints and queued results land before each grab


def _accounts(db) -> ServiceContext:
    """The office's accounts as the Accounts page shows them: an administrator (logged in
    for the pictures), a clerk, a counsellor and a disabled viewer."""
    from ..services.context import ServiceContext
    from ..services.users import (
        add_user,
        create_first_admin,
        disable_user,
        list_users,
        needs_first_admin,
    )

    if needs_first_admin(db):
        ctx = create_first_admin(db, "hoa.lt", "ảnh-chụp-màn-hình")
    else:  # a database that has its accounts already (the tests' template)
        ctx = ServiceContext(db, user="hoa.lt", role="admin")
    have = {u.name for u in list_users(ctx)}
    for name, role in (("lan.nt", "clerk"), ("tong.vv", "counsellor"), ("minh.lv", "viewer")):
        if name not in have:
            add_user(ctx, name, role, "ảnh-chụp-màn-hình")
    disable_user(ctx, "minh.lv")
    return ctx


def _settle(runner=None, seconds: float | None = None) -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    end = time.monotonic() + 30
    while runner is not None and runner.busy() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    stop = time.monotonic() + (SETTLE_SECONDS if seconds is None else seconds)
    while time.monotonic() < stop:
        app.processEvents()
        time.sleep(0.01)


def _use_bundled_font() -> None:
    """Noto Sans from resources/fonts: the same glyphs on every machine that renders these."""
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    from .. import paths

    for name in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf"):
        QFontDatabase.addApplicationFont(str(paths.font_file(name)))
    QApplication.setFont(QFont("Noto Sans", 10))


def render_all(out_dir: Path, workers: int = DEMO_WORKERS,
               database: Path | None = None) -> list[Path]:
    """Write the PNGs; return their paths.

    ``database``: an already initialised file to fill with demo data (tests pass a copy of
    their seeded template); by default a new one is made in a temporary folder.
    """
    from PySide6.QtWidgets import QApplication

    saved_dir = os.environ.get("SONLA_DATA_DIR")
    saved_font = QApplication.font() if QApplication.instance() else None
    with tempfile.TemporaryDirectory(prefix="sonla-shots-") as tmp:
        os.environ["SONLA_DATA_DIR"] = str(Path(tmp) / "userdata")  # no trace in real settings
        try:
            return _render(Path(out_dir), database or Path(tmp) / "demo.db", workers,
                           Path(tmp) / "fresh.db", Path(tmp) / "hub.db")
        finally:
            if saved_dir is None:
                os.environ.pop("SONLA_DATA_DIR", None)
            else:
                os.environ["SONLA_DATA_DIR"] = saved_dir
            if saved_font is not None:
                QApplication.setFont(saved_font)


def _render(out_dir: Path, db_path: Path, workers: int, fresh_path: Path,
            hub_path: Path) -> list[Path]:
    from ..db import open_database
    from ..services.context import ServiceContext
    from ..services.demo import generate_demo, own_communes
    from ..services.setup import initialise, set_settings
    from ..services.status import OFFICE_NAME_SETTING
    from .app import create_app
    from .first_run import FirstRunWizard
    from .main_window import MainWindow
    from .pages import PAGES

    app = create_app([sys.argv[0]], lang="vi")
    _use_bundled_font()
    db = open_database(db_path)
    initialise(db, name="UBND phường Chiềng Cơi", communes=["03670"])
    ctx = _accounts(db)
    set_settings(ctx, {OFFICE_NAME_SETTING: "UBND phường Chiềng Cơi"})
    generate_demo(ctx, workers=workers, seed=1, today=DEMO_TODAY,
                  communes=own_communes(ctx))

    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def save(widget, name: str) -> None:
        path = out_dir / f"{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    window = MainWindow(ctx)
    window.showNormal()  # a fixed size, not the (offscreen) screen a first start fills
    window.resize(*SIZE)
    _settle(window.runner)
    def shoot(win, number: int, key: str) -> None:
        page = win.show_page(key)
        _settle(win.runner)
        # Pages that open on the current year show the demo's year instead.
        if callable(getattr(page, "show_year", None)):
            page.show_year(DEMO_TODAY.year)
            _settle(win.runner)
        save(win, f"{number:02d}-{key}")

    for number, spec in enumerate(PAGES, start=1):
        if not spec.hub_only:
            shoot(window, number, spec.key)

    # Dialogs the worker pages open, at the size they open with, over the main window.
    workers_page = window.show_page("workers")
    _settle(window.runner)
    extras: list[tuple[str, Callable[[], object]]] = [
        ("workers-form", lambda: _existing_form(workers_page, window.runner)),
        ("workers-form-errors", lambda: _form_with_errors(workers_page, window.runner)),
        ("workers-form-duplicate", lambda: _form_duplicate(workers_page, window.runner)),
        ("workers-search", lambda: _search(workers_page, window.runner, window)),
    ]
    for name, make in extras:
        widget = make()
        save(widget, name)
        if widget is not window:
            widget.done(0)  # close without the unsaved-changes question
            _settle(window.runner)
    window.close()

    # The province's own pages (hidden at a commune office) as the hub sees them: every
    # commune's demo people, not one commune's row.
    hub_db = open_database(hub_path)
    initialise(hub_db, name="Sở Nội vụ tỉnh Sơn La", hub=True)
    hub_ctx = ServiceContext(hub_db, user="minh.nv", role="admin")
    generate_demo(hub_ctx, workers=workers, seed=1, today=DEMO_TODAY)
    _registered_twice(hub_ctx)
    hub_window = MainWindow(hub_ctx)
    hub_window.showNormal()
    hub_window.resize(*SIZE)
    _settle(hub_window.runner)
    for number, spec in enumerate(PAGES, start=1):
        if spec.hub_only:
            shoot(hub_window, number, spec.key)
    hub_window.close()
    hub_db.dispose()

    fresh = open_database(fresh_path)
    wizard = FirstRunWizard(fresh)
    wizard.show()
    wizard.office.search.setText("chieng")
    _settle()
    save(wizard, "first-run")
    wizard.close()
    db.dispose()
    fresh.dispose()
    app.processEvents()
    return written


def _registered_twice(ctx) -> None:
    """Three demo people registered again by another commune, as happens when someone
    signs up where they work and where they live (the duplicates page then has pairs to
    show; its name match ignores accents, so one twin is typed without them)."""
    from ..domain.text import fold
    from ..services.worker_rows import WorkerFilter
    from ..services.workers import create_worker, get_worker, list_workers

    rows = list_workers(ctx, WorkerFilter(), limit=40)
    for index, row in enumerate(rows[5:35:10]):
        person = get_worker(ctx, row.id)
        if person["birth_date"] is None:
            continue
        other = "03679" if person["commune_code"] != "03679" else "03670"
        name = fold(person["full_name"]).title() if index == 1 else person["full_name"]
        create_worker(ctx, {"full_name": name, "birth_date": person["birth_date"],
                            "sex": person["sex"], "commune_code": other,
                            "village": person["village"], "phone": person["phone"]})


def _existing_form(page, runner):
    page.view.selectRow(2)
    form = page.open_form(page.model.row_at(2).id)
    _settle(runner)
    return form


def _form_with_errors(page, runner):
    form = page.open_form(None)
    _settle(runner)
    form.fields.set_values({
        "full_name": "Lò Thị Ánh Tuyết", "birth_date": "05/12/1998", "sex": "F",
        "national_id": "01419800123", "phone": "0912 345 67", "commune_code": "03670",
        "village": "Bản Hài", "status": "departed"})
    form.save()  # every message at once, as a clerk sees after pressing Enter
    _settle(runner)
    return form


def _form_duplicate(page, runner):
    other = next(r for r in (page.model.row_at(i) for i in range(page.model.rowCount()))
                 if r.national_id and r.birth_date)
    form = page.open_form(None)
    _settle(runner)
    form.fields.set_values({"full_name": other.full_name, "national_id": other.national_id,
                            "birth_date": other.birth_date, "sex": other.sex,
                            "commune_code": other.commune_code})
    form.touched.add("national_id")
    form.validate()
    _settle(runner)
    return form


def _search(page, runner, window):
    page.filters.search.setText("lo thi")
    page.filters.flush()
    _settle(runner)
    return window


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = Path(args[0]) if args else Path("docs/screenshots")
    for path in render_all(out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
