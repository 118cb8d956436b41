"""Writing a file the clerk asked for, all or nothing.

Every report, template, flyer and marked workbook is written to a temporary file in the
target folder and renamed over the target, so a crash or a full USB stick never leaves half
a file where last week's good one was. The usual failure on the office PCs' Windows is the
previous copy still open in Excel or a PDF viewer, which locks it: the message says so.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from .errors import UserError

EXCEL = ("Excel", "Excel")
ANOTHER_PROGRAM = ("chương trình khác", "another program")


def save_atomically(path: str | os.PathLike, save: Callable[[str], None],
                    opened_in: tuple[str, str] = ANOTHER_PROGRAM) -> None:
    """Call ``save(tmp_path)``, then move the result to ``path``.

    ``opened_in`` names (vi, en) the program that may hold the old file open.
    """
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".~", suffix=target.suffix, dir=target.parent)
    except FileNotFoundError as exc:
        raise UserError(f"Không có thư mục {target.parent} để lưu tệp {target.name}.",
                        f"The folder {target.parent} for {target.name} does not exist.") from exc
    except PermissionError as exc:
        raise cannot_write(target, opened_in) from exc
    os.close(fd)
    try:
        # mkstemp makes the file private (0600); a saved report should get the permissions
        # any new file gets here (0666 less the umask).
        os.chmod(tmp, 0o666 & ~_UMASK)
        save(tmp)
        os.replace(tmp, target)
    except PermissionError as exc:
        raise cannot_write(target, opened_in) from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


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
