"""Our temporary files, and removing the ones a killed process left behind.

A save (an export, a report, a backup, a sync file) writes its data to temporary files
first: in the destination folder, never the system's temp folder, because they hold the
same personal data as the result. They are removed when the save ends, however it ends,
except when the process itself is killed (power cut, task manager, SIGKILL). Those are
found again in two ways:

* **The journal.** Before a save makes its first temporary file it opens a small file in
  ``<user data>/unfinished/`` named after its process and lists there, one a line, every
  temporary file and folder it makes; the journal is deleted when the save ends. A journal
  that is still there while its process is gone names exactly what that process left, in
  whatever folder the clerk had chosen (a USB stick, the desktop). :func:`clean_at_start`
  (GUI and command-line start) removes them.
* **The name.** Every temporary file or folder is called ``.~sonla-<process id>-…``. Folders
  the program itself owns (the data folder, the backups folder, the database's folder) and
  each folder a save goes into are scanned for such names whose process is gone and that are
  older than :data:`SAFE_AGE_SECONDS` (the age guards a folder shared over the network, where
  another computer's process ids mean nothing here).

Nothing else is ever removed: an entry must carry our prefix with the process id of the
journal that lists it (so an edited journal cannot name a clerk's file), be a regular file
or our own folder (never a link), and its process must be gone.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

TEMP_PREFIX = ".~sonla-"
_OURS = re.compile(re.escape(TEMP_PREFIX) + r"(\d+)-")
# A save takes seconds, a 100,000-worker export a minute or two: an hour old is long dead.
SAFE_AGE_SECONDS = 3600
# A journal this old whose process id is alive belongs to a process that reused the id.
_JOURNAL_STALE_SECONDS = 24 * 3600
_JOURNAL_DIR = "unfinished"
_JOURNAL_HEADER = "sonla-desktop temporary files\n"


def our_prefix() -> str:
    """The name prefix of this process's temporary files."""
    return f"{TEMP_PREFIX}{os.getpid()}-"


class Journal:
    """The list of one save's temporary files, kept until the save ends."""

    def __init__(self) -> None:
        self._path: Path | None = None
        self._file = None
        self._broken = False

    def add(self, path: str | os.PathLike) -> None:
        """Note ``path`` (made by this process) before data goes into it."""
        if self._broken:
            return
        try:
            if self._file is None:
                folder = _journal_dir()
                folder.mkdir(parents=True, exist_ok=True)
                self._path = folder / f"{os.getpid()}-{uuid.uuid4().hex}.txt"
                self._file = open(self._path, "x", encoding="utf-8")  # noqa: SIM115
                self._file.write(_JOURNAL_HEADER)
            self._file.write(os.path.abspath(path) + "\n")
            # Flushed to the OS: a killed process's writes survive it (a power cut may lose
            # the line; the scan by name finds those files in the folders we know).
            self._file.flush()
        except OSError:
            # A data folder that cannot be written must not stop the clerk's save.
            self._broken = True

    def close(self) -> None:
        """The save is over and its temporary files are gone: forget them."""
        if self._file is not None:
            with contextlib.suppress(OSError):
                self._file.close()
            with contextlib.suppress(OSError):
                os.unlink(self._path)  # type: ignore[arg-type]
            self._file = None


@contextmanager
def journal() -> Iterator[Journal]:
    record = Journal()
    try:
        yield record
    finally:
        record.close()


def new_temp_file(folder: str | os.PathLike, suffix: str, record: Journal) -> str:
    """An empty temporary file of ours in ``folder``, noted in ``record``."""
    fd, name = tempfile.mkstemp(prefix=our_prefix(), suffix=suffix, dir=folder)
    os.close(fd)
    record.add(name)
    return name


@contextmanager
def temp_folder(parent: str | os.PathLike, label: str) -> Iterator[Path]:
    """A private (0700) temporary folder of ours in ``parent``, removed with its content at
    the end; a killed process's one is removed at the next start."""
    with journal() as record:
        folder = Path(tempfile.mkdtemp(prefix=f"{our_prefix()}{label}-", dir=parent))
        record.add(folder)
        try:
            yield folder
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def _journal_dir() -> Path:
    from . import paths

    return paths.user_data_dir() / _JOURNAL_DIR


def _process_gone(pid: int) -> bool:
    if pid == os.getpid():
        return False  # a save of this very process, maybe on another thread
    if sys.platform == "win32":
        return False  # no cheap, harmless liveness test there: the caller goes by age
    try:
        os.kill(pid, 0)  # signal 0 only asks whether the process exists
    except ProcessLookupError:
        return True
    except OSError:
        return False  # it exists, run by another user
    return False


def _age(path: str | os.PathLike) -> float:
    try:
        return time.time() - os.lstat(path).st_mtime
    except OSError:
        return 0.0


def _remove(path: Path) -> bool:
    """Remove our file or folder ``path``; never follows a link."""
    try:
        if path.is_symlink():
            return False
        if path.is_dir():
            shutil.rmtree(path)
        elif path.is_file():
            path.unlink()
        else:
            return False
    except OSError:
        return False  # in use (Windows) or not ours to remove: left for next time
    return True


def remove_leftovers(folder: str | os.PathLike) -> int:
    """Remove from ``folder`` the temporary files and folders of ours whose process is gone
    and that are older than :data:`SAFE_AGE_SECONDS`. Returns how many went."""
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        found = _OURS.match(entry.name)
        if found is None or entry.is_symlink():
            continue
        pid = int(found.group(1))
        old = _age(entry.path) > SAFE_AGE_SECONDS
        if old and (sys.platform == "win32" or _process_gone(pid)):
            removed += _remove(Path(entry.path))
    return removed


def _journaled_leftovers() -> tuple[int, set[Path]]:
    """Remove what the journals of gone processes list; returns (removed, their folders)."""
    removed, folders = 0, set()
    try:
        journals = list(_journal_dir().glob("*.txt"))
    except OSError:
        return 0, folders
    for path in journals:
        head = path.name.split("-", 1)[0]
        if not head.isdigit():
            continue
        pid = int(head)
        stale = _age(path) > (SAFE_AGE_SECONDS if sys.platform == "win32"
                              else _JOURNAL_STALE_SECONDS)
        if not (stale or _process_gone(pid)) or pid == os.getpid():
            continue
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            lines = []
        everything_went = True
        for line in lines[1:] if lines[:1] == [_JOURNAL_HEADER.strip()] else []:
            leftover = Path(line)
            found = _OURS.match(leftover.name)
            if not leftover.is_absolute() or found is None or int(found.group(1)) != pid:
                continue  # not a name this process made: never touched
            folders.add(leftover.parent)
            if not os.path.lexists(leftover):
                continue
            if _remove(leftover):
                removed += 1
            else:
                everything_went = False
        if everything_went:
            with contextlib.suppress(OSError):
                path.unlink()
    return removed, folders


def clean_at_start(folders: Iterable[str | os.PathLike] = ()) -> int:
    """What killed processes left: everything their journals list, then our old leftovers
    in ``folders`` (the program's own folders). Cheap: a few directory listings."""
    removed, _ = _journaled_leftovers()
    for folder in folders:
        removed += remove_leftovers(folder)
    return removed
