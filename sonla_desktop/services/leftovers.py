"""Removing what a killed save left behind, when the program starts (issue #12, item 7).

Called by the GUI and the command line before anything else touches the database: the
journals of saves whose process is gone (``temp_files``) name their temporary files in any
folder, and the program's own folders are scanned for old temporary files of ours. A few
directory listings: cheap enough for every start. It never fails a start.
"""

from __future__ import annotations

import os
from pathlib import Path

from .. import paths, temp_files


def clean_leftovers(db_arg: str | os.PathLike | None = None) -> int:
    """Remove the temporary files of killed saves; returns how many went. No permission
    step: it runs before anyone logs in and touches only files this program made."""
    try:
        data = paths.user_data_dir()
        folders = [data, data / "backups"]
        database = _database_folder(db_arg)
        if database is not None and database not in folders:
            folders.append(database)
        return temp_files.clean_at_start(f for f in folders if f.is_dir())
    except OSError:
        return 0  # a data folder that cannot be read: the next start tries again


def _database_folder(db_arg: str | os.PathLike | None) -> Path | None:
    from ..db import resolve_url

    url = resolve_url(db_arg)
    if not url.startswith("sqlite:///"):
        return None
    return Path(url.removeprefix("sqlite:///")).parent
