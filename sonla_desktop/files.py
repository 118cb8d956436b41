"""Writing a file the clerk asked for, all or nothing.

Every report, template, flyer and marked workbook is written to a temporary file in the
target folder and renamed over the target, so a crash or a full USB stick never leaves half
a file where last week's good one was. The usual failure on the office PCs' Windows is the
previous copy still open in Excel or a PDF viewer, which locks it: the message says so.

Temporary files hold the same personal data as the result, so they never go to the system's
temp folder: the result's temporary file, and the per-sheet XML files openpyxl streams a
workbook through, are made in the target folder under a name that says whose they are
(``.~sonla-<process id>-…``). They are removed on any failure; if the process is killed,
the next start removes them (``temp_files``: each save lists its temporary files in a
journal in the data folder until it ends).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import UserError

# TEMP_PREFIX and remove_leftovers are part of this module's interface (tests, callers).
from .temp_files import (  # noqa: F401
    TEMP_PREFIX,
    Journal,
    journal,
    new_temp_file,
    remove_leftovers,
)

EXCEL = ("Excel", "Excel")
ANOTHER_PROGRAM = ("chương trình khác", "another program")


def save_atomically(path: str | os.PathLike, save: Callable[[str], None],
                    opened_in: tuple[str, str] = ANOTHER_PROGRAM) -> None:
    """Call ``save(tmp_path)``, then move the result to ``path``.

    ``opened_in`` names (vi, en) the program that may hold the old file open.
    """
    target = Path(path)
    if target.is_dir():
        raise UserError(f"{target} là một thư mục: hãy chọn tên tệp để lưu.",
                        f"{target} is a folder: choose a file name to save to.")
    remove_leftovers(target.parent)
    with journal() as record:
        try:
            tmp = new_temp_file(target.parent, target.suffix, record)
        except FileNotFoundError as exc:
            raise UserError(f"Không có thư mục {target.parent} để lưu tệp {target.name}.",
                            f"The folder {target.parent} for {target.name} does not exist."
                            ) from exc
        except OSError as exc:
            raise _os_error(exc, target, opened_in) from exc
        try:
            # mkstemp makes the file private (0600); a saved report should get the
            # permissions any new file gets here (0666 less the umask).
            os.chmod(tmp, 0o666 & ~_UMASK)
            with _openpyxl_temp_files_in(target.parent, record):
                save(tmp)
            os.replace(tmp, target)
        except OSError as exc:
            raise _os_error(exc, target, opened_in) from exc
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)


def _os_error(exc: OSError, target: Path, opened_in: tuple[str, str]) -> BaseException:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return UserError(
            f"Không đủ chỗ trống trên ổ đĩa để lưu tệp {target.name}: tệp cũ (nếu có) vẫn "
            "giữ nguyên. Hãy giải phóng chỗ trống hoặc chọn ổ khác.",
            f"Not enough disk space to save {target.name}; the old file (if any) is "
            "unchanged. Free some space or choose another drive.")
    if exc.errno == errno.EROFS:
        return UserError(
            f"Ổ đĩa chứa {target.parent} chỉ cho phép đọc: không lưu được tệp {target.name}.",
            f"The drive holding {target.parent} is read-only: cannot save {target.name}.")
    if isinstance(exc, PermissionError):
        return cannot_write(target, opened_in)
    return exc


_local = threading.local()
_patch_lock = threading.Lock()


@contextmanager
def _openpyxl_temp_files_in(folder: Path, record: Journal) -> Iterator[None]:
    """openpyxl streams each sheet through a temporary XML file in the system's temp
    folder, removed only at a normal exit: route them to ``folder``, named like ours, for
    saves on this thread."""
    if "openpyxl" not in sys.modules:
        yield  # nothing saved here uses openpyxl
        return
    _install_openpyxl_hook()
    previous = (getattr(_local, "folder", None), getattr(_local, "made", None),
                getattr(_local, "journal", None))
    _local.folder, _local.made, _local.journal = folder, [], record
    try:
        yield
    finally:
        # openpyxl removes its files after a good save, but not after a failed one (a full
        # disk): every file made for this save goes, whatever happened.
        for name in _local.made:
            # One that cannot go now is removed at the next start (the journal).
            with contextlib.suppress(OSError):
                os.unlink(name)
        _local.folder, _local.made, _local.journal = previous


def _install_openpyxl_hook() -> None:
    from openpyxl.worksheet import _writer

    with _patch_lock:
        if getattr(_writer.create_temporary_file, "_sonla", False):
            return
        original = _writer.create_temporary_file

        def create_temporary_file(suffix: str = "") -> str:
            folder = getattr(_local, "folder", None)
            if folder is None:
                return original(suffix)
            name = new_temp_file(folder, suffix or ".xml", _local.journal)
            _writer.ALL_TEMP_FILES.append(name)
            _local.made.append(name)
            return name

        create_temporary_file._sonla = True  # type: ignore[attr-defined]
        _writer.create_temporary_file = create_temporary_file


def regular_file_size(path: Path) -> int:
    """The size of ``path``, or ``UserError`` if it is not an ordinary file. Checked with
    stat before anything opens it: opening a FIFO (named pipe) would wait forever, and a
    folder cannot be read as a file."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise UserError(f"Không tìm thấy tệp {path}.", f"File not found: {path}.") from None
    except OSError as exc:
        raise UserError(f"Không đọc được tệp {path} (không có quyền truy cập hoặc ổ đĩa lỗi).",
                      f"Cannot read {path}: {exc.strerror or exc}.") from exc
    if stat.S_ISDIR(info.st_mode):
        raise UserError(f"{path} là một thư mục, không phải tệp: hãy chọn một tệp.",
                      f"{path} is a folder, not a file: choose a file.")
    if not stat.S_ISREG(info.st_mode):
        raise UserError(f"{path} không phải là tệp thông thường (có thể là thiết bị hoặc "
                      "đường ống): hãy chọn một tệp.",
                      f"{path} is not an ordinary file (a device or a pipe): choose a file.")
    return info.st_size



def _read_umask() -> int:
    # Reading the umask means setting it: done once, at import, while single-threaded.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def write_bytes_atomically(path: str | os.PathLike, payload: bytes,
                           opened_in: tuple[str, str] = ANOTHER_PROGRAM) -> None:
    save_atomically(path, lambda tmp: Path(tmp).write_bytes(payload), opened_in)


def cannot_write(path: Path, opened_in: tuple[str, str] = ANOTHER_PROGRAM) -> UserError:
    vi, en = opened_in
    return UserError(
        f"Không ghi được tệp {path.name}: tệp đang mở trong {vi} hoặc thư mục không cho phép "
        "ghi. Hãy đóng tệp rồi thử lại.",
        f"Cannot write {path.name}: the file is open in {en} or the folder is read-only. "
        "Close the file and try again.")
