"""`make screenshots` renders every registered page (and the worker dialogs) at 1366x768."""

from __future__ import annotations

from PySide6.QtGui import QImage

from sonla_desktop.ui.pages import PAGES
from sonla_desktop.ui.screenshots import render_all


def test_every_page_in_the_registry_gets_a_screenshot(qtbot, tmp_path, db, vietnamese,
                                                      monkeypatch):
    import sonla_desktop.ui.screenshots as screenshots

    monkeypatch.setattr(screenshots, "SETTLE_SECONDS", 0.05)
    written = render_all(tmp_path / "shots", workers=150, database=db.path)
    names = {p.stem for p in written}
    for number, spec in enumerate(PAGES, start=1):
        assert f"{number:02d}-{spec.key}" in names
    assert {"workers-form", "workers-form-errors", "workers-form-duplicate",
            "first-run"} <= names
    main = QImage(str(tmp_path / "shots" / "01-workers.png"))
    assert (main.width(), main.height()) == (1366, 768)
    # Not blank: a rendered table has many colours, an empty grab has one.
    colours = {main.pixel(x, y) for x in range(0, 1366, 37) for y in range(0, 768, 23)}
    assert len(colours) > 5
