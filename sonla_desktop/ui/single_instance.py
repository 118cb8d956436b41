"""One window per user and database: a second launch hands its ``.sldsync`` file to the first.

Double-clicking a bundle on the USB stick while the program is open must not start a second
window on the same database (two windows would each keep their own idea of the screen, the
idle lock and the daily backup). The first program to start on a database becomes the
*primary*: it holds a ``QLockFile`` and listens on a ``QLocalServer`` (a Unix socket / a
Windows named pipe) whose name is derived from the user and the database. A later launch
finds the lock taken, connects, sends the file's path and exits once the primary answered;
the primary shows the file on the sync page's receive tab (nothing is imported before the
clerk confirms, as for a first launch) and brings its window to the front.

A crash leaves the lock file and, on Unix, the socket file behind. ``QLockFile`` sees that
the process named in the lock is gone and takes the lock over; the primary then removes the
old socket before listening. Two launches at the same instant are decided by the lock alone.

Protocol: the client sends one line of UTF-8 JSON ``{"open": "/abs/path.sldsync"}`` or
``{"open": null}`` (just bring the window forward); the primary answers ``ok\\n`` or
``bad\\n``. The server accepts only the current user (``UserAccessOption``) and still
treats every message as hostile: bounded size, a JSON object, a path ending in ``.sldsync``.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile, QObject, Qt
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

SYNC_SUFFIX = ".sldsync"
MAX_MESSAGE_BYTES = 64 * 1024  # a path, not a payload
# How long a second launch keeps trying to reach a primary that holds the lock but may still
# be starting (its server listens a moment after the lock is taken).
HANDOVER_SECONDS = 10.0
REPLY_MS = 20_000  # the primary may be busy (a migration) before its event loop runs


def instance_name(db_url: str, user: str | None = None) -> str:
    """The server's name for this user and database (``db.resolve_url``'s form, so every
    spelling of the same file agrees). Hashed: short enough for a Unix socket path, and the
    database path or URL does not appear in /tmp."""
    who = user if user is not None else _user()
    digest = hashlib.sha256(f"{who}\n{db_url}".encode()).hexdigest()[:24]
    return f"sonla-desktop-{digest}"


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container without passwd entry)
        return "?"


def encode_request(sync_file: Path | None) -> bytes:
    return json.dumps({"open": str(sync_file) if sync_file else None}).encode() + b"\n"


def decode_request(data: bytes) -> tuple[bool, Path | None]:
    """(valid, file) for one request line; ``(False, None)`` for anything else."""
    if len(data) > MAX_MESSAGE_BYTES:
        return False, None
    try:
        message = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return False, None
    if not isinstance(message, dict) or set(message) != {"open"}:
        return False, None
    value = message["open"]
    if value is None:
        return True, None
    if (not isinstance(value, str) or "\x00" in value or not value.lower().endswith(SYNC_SUFFIX)
            or not Path(value).is_absolute()):
        return False, None
    return True, Path(value)


def hand_over(name: str, sync_file: Path | None, seconds: float = HANDOVER_SECONDS) -> bool:
    """Send ``sync_file`` (or just "come forward") to the primary; True once it answered ok."""
    _allow_primary_to_come_forward()
    deadline = time.monotonic() + seconds
    while True:
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(1000):
            socket.write(encode_request(sync_file))
            socket.flush()
            reply = b""
            while b"\n" not in reply and socket.waitForReadyRead(REPLY_MS):
                reply += bytes(socket.readAll().data())
            socket.disconnectFromServer()
            return reply.strip() == b"ok"
        if time.monotonic() >= deadline:
            log.warning("the running program on this database does not answer (%s): %s",
                        name, socket.errorString())
            return False
        time.sleep(0.2)


def _allow_primary_to_come_forward() -> None:
    """Windows lets only the process the clerk just started take the foreground; this one
    passes the right on so the primary's ``activateWindow`` works. Nothing to do elsewhere."""
    if sys.platform == "win32":
        import ctypes

        ASFW_ANY = -1  # noqa: N806 - the Win32 name
        ctypes.windll.user32.AllowSetForegroundWindow(ASFW_ANY)


class Primary(QObject):
    """The first program on a database: holds the lock, serves later launches.

    ``handler`` gets each valid request's file (or None) on the GUI thread; requests that
    arrive before ``set_handler`` (the clerk is still at the login dialog) wait for it.
    """

    def __init__(self, name: str, lock: QLockFile) -> None:
        super().__init__()
        self.name = name
        self._lock = lock
        self._handler: Callable[[Path | None], None] | None = None
        self._pending: list[Path | None] = []
        self._buffers: dict[QLocalSocket, bytes] = {}
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # The lock is ours, so any socket of that name is a dead primary's leftover.
        QLocalServer.removeServer(name)
        if not self.server.listen(name):
            log.warning("single-instance server %s: %s", name, self.server.errorString())
        self.server.newConnection.connect(self._accept)

    def set_handler(self, handler: Callable[[Path | None], None]) -> None:
        self._handler = handler
        pending, self._pending = self._pending, []
        for sync_file in pending:
            handler(sync_file)

    def close(self) -> None:
        self.server.close()
        self._lock.unlock()

    def _accept(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        data = self._buffers[socket] + bytes(socket.readAll().data())
        if b"\n" not in data and len(data) <= MAX_MESSAGE_BYTES:
            self._buffers[socket] = data
            return
        del self._buffers[socket]
        valid, sync_file = decode_request(data.split(b"\n", 1)[0])
        if not valid:
            log.warning("single-instance server: refused a malformed request")
        socket.write(b"ok\n" if valid else b"bad\n")
        socket.flush()
        socket.disconnectFromServer()
        if valid:
            if self._handler is None:
                # Still at the first-run wizard or the login: that dialog comes forward;
                # the file waits for the window.
                self._pending.append(sync_file)
                if (dialog := QApplication.activeModalWidget()) is not None:
                    come_forward(dialog)
            else:
                self._handler(sync_file)


def come_forward(window: QWidget) -> None:
    """Un-minimise (keeping maximised), raise and activate ``window``."""
    state = window.windowState()
    if state & Qt.WindowState.WindowMinimized:
        window.setWindowState((state & ~Qt.WindowState.WindowMinimized)
                              | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()


def claim(name: str) -> Primary | None:
    """This launch's role for ``instance_name(...)``: a ``Primary`` if no live program has
    this user's database open, else None (then ``hand_over`` to it). Needs a Qt app."""
    lock = QLockFile(QDir(QDir.tempPath()).filePath(name + ".lock"))
    # Never stale by age (the program runs for days); a crashed holder is recognised by its
    # process id, which QLockFile checks whatever this setting.
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        return Primary(name, lock)
    return None
