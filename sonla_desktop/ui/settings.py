"""Per-user UI preferences (language, window geometry) in an INI file in the user data folder.

Not the platform's default QSettings store (the Windows registry): one file next to the
database and logs is easy to back up or reset, and tests isolate it through SONLA_DATA_DIR.
Office-wide settings (office name) live in the database's ``setting`` table instead.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from .. import paths


def ui_settings() -> QSettings:
    return QSettings(str(paths.user_data_dir() / "settings.ini"), QSettings.Format.IniFormat)
