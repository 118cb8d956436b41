"""The one place that knows where files live, from source and from a frozen build."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import PlatformDirs

_DIRS = PlatformDirs(appname="sonla-desktop", appauthor="SonLa", roaming=False)


def resources_dir() -> Path:
    # PyInstaller unpacks data next to sys._MEIPASS; from source it sits beside the package.
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def data_file(name: str) -> Path:
    return resources_dir() / "data" / name


def font_file(name: str) -> Path:
    return resources_dir() / "fonts" / name


def user_data_dir() -> Path:
    override = os.environ.get("SONLA_DATA_DIR")
    path = Path(override) if override else Path(_DIRS.user_data_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return user_data_dir() / "sonla.db"


def log_dir() -> Path:
    path = user_data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def keys_dir() -> Path:
    path = user_data_dir() / "keys"
    path.mkdir(parents=True, exist_ok=True)
    return path
