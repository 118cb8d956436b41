"""One window per user and database (issue #15): a second launch on the same database, e.g.
a second double-click on a ``.sldsync`` file, hands the file to the window already open and
exits; a crashed first window leaves nothing that stops the next start.

The launches are real processes (``python -m sonla_desktop``, offscreen), as Windows
starts them for a double-click.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, Qt
from PySide6.QtNetwork import QLocalSocket

from sonla_desktop.db import resolve_url
from sonla_desktop.ui import app as app_module
from sonla_desktop.ui import single_instance
from sonla_desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
# A GUI process that is still running after this long has opened its own window.
SECOND_WINDOW_SECONDS = 60


def launch(db_path: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "sonla_desktop", "--db", str(db_path), *args],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def listening(name: str) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(name)
    ok = socket.waitForConnected(200)
    socket.abort()  # no request: the server just forgets the connection
    return ok


def wait_for(condition, seconds: float, qtbot=None) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        if qtbot is not None:
            qtbot.wait(100)
        else:
            time.sleep(0.1)
    return condition()


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.communicate(timeout=30)


def test_a_second_double_click_hands_the_file_to_the_open_window(qtbot, ctx, db_path,
                                                                 tmp_path):
    # This test process is the clerk's open window on the database...
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    name = single_instance.instance_name(resolve_url(db_path))
    primary = single_instance.claim(name)
    assert primary is not None
    try:
        primary.set_handler(lambda path: app_module._handed_over(window, path))
        window.showMinimized()
        usb = tmp_path / "usb"
        usb.mkdir()
        bundle = usb / "xa-gui-tinh.sldsync"
        bundle.write_bytes(b"not really a bundle")  # shown and refused, never imported
        # ...and Windows starts the program again for the double-clicked file.
        second = launch(db_path, str(bundle))
        try:
            assert wait_for(lambda: second.poll() is not None, SECOND_WINDOW_SECONDS, qtbot), \
                "the second launch opened a window of its own"
            assert second.returncode == 0, second.communicate()[1].decode(errors="replace")
        finally:
            stop(second)
        sync = window.pages["sync"]
        assert window.current_page() is sync
        assert sync.tabs.currentWidget() is sync.import_panel
        assert sync.import_panel.file_label.text() == str(bundle)
        assert not window.windowState() & Qt.WindowState.WindowMinimized
    finally:
        primary.close()


def test_a_crashed_window_does_not_block_the_next_start(qtbot, db, db_path, tmp_path):
    name = single_instance.instance_name(resolve_url(db_path))
    lock_file = Path(QDir(QDir.tempPath()).filePath(name + ".lock"))
    first = launch(db_path)
    try:
        assert wait_for(lambda: listening(name), SECOND_WINDOW_SECONDS), \
            first.communicate(timeout=30)[1].decode(errors="replace") if first.poll() else ""
    finally:
        first.kill()  # a crash: no clean-up of the lock or the socket
        first.communicate(timeout=30)
    assert lock_file.exists()

    bundle = tmp_path / "again.sldsync"
    bundle.write_bytes(b"x")
    restarted = launch(db_path, str(bundle))
    try:
        assert wait_for(lambda: listening(name), SECOND_WINDOW_SECONDS), \
            "the start after a crash did not take over: " + (
                restarted.communicate(timeout=30)[1].decode(errors="replace")
                if restarted.poll() is not None else "still running, not listening")
        assert restarted.poll() is None  # it is the window now
        again = launch(db_path, str(bundle))
        try:
            assert wait_for(lambda: again.poll() is not None, SECOND_WINDOW_SECONDS), \
                "a launch after the restart opened a second window"
            assert again.returncode == 0
        finally:
            stop(again)
        assert restarted.poll() is None
    finally:
        stop(restarted)


def test_another_database_gets_its_own_window(qtbot, db_path, tmp_path):
    other = tmp_path / "other.db"
    assert (single_instance.instance_name(resolve_url(db_path))
            != single_instance.instance_name(resolve_url(other)))
    # Every spelling of the same file is the same database.
    relative = os.path.relpath(db_path)
    assert (single_instance.instance_name(resolve_url(relative))
            == single_instance.instance_name(resolve_url(db_path)))
    assert (single_instance.instance_name("sqlite:///x.db", user="lan")
            != single_instance.instance_name("sqlite:///x.db", user="minh"))


def test_only_one_primary_per_database(qtbot, tmp_path):
    name = single_instance.instance_name(resolve_url(tmp_path / "one.db"))
    primary = single_instance.claim(name)
    assert primary is not None
    try:
        assert single_instance.claim(name) is None
    finally:
        primary.close()
    again = single_instance.claim(name)
    assert again is not None
    again.close()


@pytest.mark.parametrize("data", [
    b"", b"not json", b"[]", b'{"open": 5}', b'{"open": "relative.sldsync"}',
    b'{"open": "/tmp/evil.exe"}', b'{"open": "/tmp/a.sldsync", "run": "rm"}',
    b'{"open": "/tmp/a\\u0000.sldsync"}', b'\xff\xfe',
    b'{"open": "/tmp/' + b"a" * 70_000 + b'.sldsync"}',
])
def test_malformed_requests_are_refused(data):
    assert single_instance.decode_request(data) == (False, None)


def test_requests_round_trip(tmp_path):
    path = (tmp_path / "Tệp xã.sldsync").resolve()
    assert single_instance.decode_request(single_instance.encode_request(path).strip()) \
        == (True, path)
    assert single_instance.decode_request(single_instance.encode_request(None).strip()) \
        == (True, None)


def test_the_server_answers_bad_to_a_malformed_request_and_keeps_serving(qtbot, tmp_path):
    name = single_instance.instance_name(resolve_url(tmp_path / "hostile.db"))
    primary = single_instance.claim(name)
    got = []
    primary.set_handler(got.append)
    try:
        socket = QLocalSocket()
        socket.connectToServer(name)
        assert socket.waitForConnected(2000)
        socket.write(b'{"open": "/tmp/evil.exe"}\n')
        qtbot.waitUntil(lambda: socket.bytesAvailable() > 0 or socket.waitForReadyRead(10),
                        timeout=5000)
        assert bytes(socket.readAll().data()).strip() == b"bad"
        assert got == []
        # A later, good request still gets through (the client runs on this thread, so the
        # handover's blocking wait is done from a second process in the tests above).
        good = tmp_path / "ok.sldsync"
        socket2 = QLocalSocket()
        socket2.connectToServer(name)
        assert socket2.waitForConnected(2000)
        socket2.write(single_instance.encode_request(good.resolve()))
        qtbot.waitUntil(lambda: bool(got), timeout=5000)
        assert got == [good.resolve()]
    finally:
        primary.close()
