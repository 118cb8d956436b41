"""Interface language: Qt translators for our strings and Qt's own standard texts.

Source strings are Vietnamese. ``resources/translations/<feature>_<lang>.ts`` files are
compiled to ``.qm`` by ``make translations`` (pyside6-lrelease); at start-up every
``*_<lang>.qm`` is loaded, plus Qt's ``qtbase_<lang>.qm`` when PySide6 ships one. PySide6 ships
no Vietnamese Qt translation, so ``qtbase_vi.ts`` (ours) translates the standard buttons and
context menus that would otherwise stay English in the Vietnamese UI.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .. import errors, paths
from .settings import ui_settings

LANGUAGES: tuple[tuple[str, str], ...] = (("vi", "Tiếng Việt"), ("en", "English"))
DEFAULT_LANGUAGE = "vi"
_SETTING = "ui/language"

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return paths.resources_dir() / "translations"


def saved_language() -> str:
    value = str(ui_settings().value(_SETTING, DEFAULT_LANGUAGE))
    return value if value in dict(LANGUAGES) else DEFAULT_LANGUAGE


def save_language(lang: str) -> None:
    if lang not in dict(LANGUAGES):
        raise ValueError(lang)
    settings = ui_settings()
    settings.setValue(_SETTING, lang)
    settings.sync()


def _lrelease() -> str | None:
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    return str(beside) if beside.exists() else None


def compile_translations(force: bool = False) -> list[Path]:
    """Compile every stale .ts to .qm (what ``make translations`` does); return those compiled.

    Run from source checkouts only: a frozen build ships its .qm files already compiled.
    """
    if getattr(sys, "frozen", False):
        return []
    tool = _lrelease()
    done: list[Path] = []
    for ts in sorted(translations_dir().glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not force and qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        if tool is None:
            raise RuntimeError("pyside6-lrelease not found: install PySide6 (make translations)")
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        done.append(qm)
    return done


def install_translations(lang: str, app: QCoreApplication | None = None) -> list[str]:
    """Switch the running app to ``lang``; return the .qm files loaded (for tests and logs)."""
    app = app or QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    errors.set_language(lang)
    QLocale.setDefault(QLocale("en_GB" if lang == "en" else "vi_VN"))
    # Stale .qm files are still better than none; `make translations` reports why it failed.
    with contextlib.suppress(OSError, RuntimeError, subprocess.CalledProcessError):
        compile_translations()
    files: list[Path] = []
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if (qt_dir / f"qtbase_{lang}.qm").exists():
        files.append(qt_dir / f"qtbase_{lang}.qm")
    files.extend(sorted(translations_dir().glob(f"*_{lang}.qm")))
    loaded: list[str] = []
    for path in files:
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(path.name)
    return loaded


def language() -> str:
    """The language the UI is running in now."""
    return errors.current_language()
