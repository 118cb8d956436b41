"""USB sticks the clerk can write a bundle to: removable drives on Windows, mounts elsewhere."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStorageInfo

_DRIVE_REMOVABLE = 2  # GetDriveTypeW


@dataclass(frozen=True)
class Drive:
    path: Path
    label: str
    free_bytes: int


def _windows_removable(root: str) -> bool:
    import ctypes

    return ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)) == _DRIVE_REMOVABLE


def _unix_removable(root: str) -> bool:
    # Desktop Linux mounts sticks under /media/<user> or /run/media/<user>; macOS under /Volumes.
    user = os.environ.get("USER", "")
    prefixes = [f"/media/{user}/", f"/run/media/{user}/", "/media/", "/Volumes/"]
    return any(root.startswith(p) for p in prefixes) and root != "/Volumes/Macintosh HD"


def removable_drives() -> list[Drive]:
    """Mounted, writable, removable volumes, in the order the OS lists them."""
    found = []
    for volume in QStorageInfo.mountedVolumes():
        if not (volume.isValid() and volume.isReady()) or volume.isReadOnly():
            continue
        root = volume.rootPath()
        if sys.platform == "win32":
            if not _windows_removable(root):
                continue
        elif not _unix_removable(root.rstrip("/") + "/"):
            continue
        name = volume.displayName() or root
        found.append(Drive(Path(root), name, int(volume.bytesAvailable())))
    return found
