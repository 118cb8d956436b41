"""Languages: Vietnamese by default with Qt's own texts translated, English on request."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from gui_helpers import settle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QTableView,
    QWidget,
)

from sonla_desktop import errors
from sonla_desktop.services.workers import create_worker
from sonla_desktop.ui import i18n
from sonla_desktop.ui.table_models.worker_table_model import COLUMN

ROOT = Path(__file__).resolve().parents[2]
QT_ENGLISH = {"OK", "Cancel", "Save", "Discard", "&Yes", "&No", "Close", "Yes", "No",
              "< &Back", "&Next >", "&Finish", "Apply", "Help"}


def _english_strings() -> dict[tuple[str, str], str]:
    found = {}
    for ts in (ROOT / "resources" / "translations").glob("*_en.ts"):
        for ctx in ET.parse(ts).getroot().iter("context"):
            name = ctx.find("name").text or ""
            for m in ctx.iter("message"):
                tr = m.find("translation")
                forms = list(tr.iter("numerusform"))
                text = " ".join(f.text or "" for f in forms) if forms else (tr.text or "")
                if tr.get("type") not in ("unfinished", "obsolete", "vanished") and text.strip():
                    found[(name, m.find("source").text)] = text
    return found


def _ui_texts(widget: QWidget) -> list[str]:
    texts: list[str] = []
    for w in [widget, *widget.findChildren(QWidget)]:
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            texts.extend(w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QListWidget):
            texts.extend(w.item(i).text() for i in range(w.count()))
        elif isinstance(w, QTableView) and w.model() is not None:
            texts.extend(str(w.model().headerData(c, Qt.Orientation.Horizontal))
                         for c in range(w.model().columnCount()))
        for action in w.actions():
            texts.append(action.text())
            if action.menu():
                texts.extend(a.text() for a in action.menu().actions())
    return [t for t in texts if t and t.strip()]


def test_every_ui_string_has_a_finished_english_translation(tmp_path):
    """Run lupdate over the whole UI: a string missing from every *_en.ts fails here."""
    lupdate = i18n._lrelease().replace("lrelease", "lupdate")
    sources = sorted(str(p) for p in (ROOT / "sonla_desktop" / "ui").rglob("*.py"))
    out = tmp_path / "all.ts"
    subprocess.run([lupdate, *sources, "-ts", str(out)], check=True, capture_output=True)
    translated = _english_strings()
    missing = []
    for ctx in ET.parse(out).getroot().iter("context"):
        for m in ctx.iter("message"):
            key = (ctx.find("name").text or "", m.find("source").text)
            if key not in translated:
                missing.append(key)
    assert missing == []


def test_translations_compile(tmp_path):
    lrelease = i18n._lrelease()
    for ts in (ROOT / "resources" / "translations").glob("*.ts"):
        result = subprocess.run([lrelease, str(ts), "-qm", str(tmp_path / "x.qm")],
                                check=True, capture_output=True, text=True)
        assert "0 unfinished" in result.stdout, (ts.name, result.stdout)


def test_vietnamese_is_default_and_translates_qt_standard_buttons(qapp, vietnamese):
    assert i18n.saved_language() == "vi"
    loaded = i18n.install_translations("vi", qapp)
    assert "qtbase_vi.qm" in loaded
    box = QMessageBox(QMessageBox.Icon.Question, "", "",
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel)
    assert sorted(b.text() for b in box.buttons()) == ["Huỷ", "Không lưu", "Lưu"]


def test_no_english_left_in_the_vietnamese_ui(qtbot, ctx, vietnamese):
    from sonla_desktop.services.lookups import load_lookups
    from sonla_desktop.ui.first_run import FirstRunWizard
    from sonla_desktop.ui.main_window import MainWindow
    from sonla_desktop.ui.worker_form import WorkerForm

    create_worker(ctx, {"full_name": "Lò Văn Ơn", "sex": "M", "commune_code": "03670"})
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window.runner)
    for spec_key in window.pages:
        window.show_page(spec_key)
        settle(qtbot, window.runner)
    form = WorkerForm(ctx, window.runner, load_lookups(ctx))
    qtbot.addWidget(form)
    wizard = FirstRunWizard(ctx.db)
    qtbot.addWidget(wizard)
    wizard_texts = _ui_texts(wizard)
    wizard.next()
    wizard_texts += _ui_texts(wizard)
    english = {en for (_ctx, vi), en in _english_strings().items() if en != vi} | QT_ENGLISH
    english.discard("English")  # the language picker names English in English, on purpose
    texts = _ui_texts(window) + _ui_texts(form) + wizard_texts
    leftovers = sorted({t for t in texts if t in english})
    assert leftovers == []
    assert "Người lao động" in texts and "Họ và tên *" in texts and "&Tiếp >" in texts


@pytest.fixture
def english(qapp):
    i18n.install_translations("en", qapp)
    yield
    i18n.install_translations("vi", qapp)


def test_language_switch_in_settings_shows_english_labels_after_restart(qtbot, ctx, vietnamese):
    from sonla_desktop.ui.main_window import MainWindow

    create_worker(ctx, {"full_name": "Lò Văn Ơn", "sex": "M", "commune_code": "03670"})
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    settings = window.show_page("settings")
    settle(qtbot, window.runner)
    settings.language.setCurrentIndex(settings.language.findData("en"))
    settings.save()
    settle(qtbot, window.runner)
    assert i18n.saved_language() == "en"
    assert settings.restart_button.isVisible()
    assert "mở lại chương trình" in settings.message.text()
    window.close()

    # What the next start does: load the saved language before building any window.
    i18n.install_translations(i18n.saved_language())
    try:
        assert errors.current_language() == "en"
        again = MainWindow(ctx)
        qtbot.addWidget(again)
        again.show()
        settle(qtbot, again.runner)
        labels = [again.nav.item(i).text() for i in range(again.nav.count())]
        assert labels[:3] == ["Workers", "Loans", "Counselling conferences"]
        assert [a.text() for a in again.menuBar().actions()] == ["&File", "&Go", "&Help"]
        page = again.pages["workers"]
        assert page.add_button.text() == "+ New worker (Ctrl+N)"
        assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Full name"
        assert page.filters.count_label.text() == "1 worker"
        assert page.model.index(0, COLUMN["status"]).data() == "Registered"
        assert page.model.index(0, COLUMN["household"]).data() == "Neither"
        page.new_item()
        form = page.forms[-1]
        assert form.fields.widgets["sex"].itemText(1) == "Male"
        assert form.windowTitle() == "New worker"
        form.reject()
        assert again.status_sync.text() == "Never synced"
        with pytest.raises(errors.ValidationError) as err:
            create_worker(ctx, {"full_name": "", "sex": "M", "commune_code": "03670"})
        assert str(err.value) == "full_name is required."
    finally:
        i18n.save_language("vi")
        i18n.install_translations("vi")
