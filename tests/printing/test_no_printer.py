"""No printer installed (issue 19): the clerk is told so in Vietnamese and offered "Lưu PDF…";
Qt's English "Print to File" into the home folder is never reached, nothing is recorded.

The program runs in a child process whose CUPS client points at a scheduler that does not
exist: to Qt and to ``lpstat`` alike, a machine with no printer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sonla_desktop.services.audit import list_entries

from .cups_support import need_cups

pytestmark = [pytest.mark.cups, pytest.mark.sqlite_only("the child opens the database file")]

CHILD = r"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sonla_desktop.db import open_database
from sonla_desktop.services.context import ServiceContext
from sonla_desktop.ui.printing import PrintableDoc, print_paper

app = QApplication([])
ctx = ServiceContext(open_database(sys.argv[1]), user="admin", role="admin")
saved, seen = [], []

def answer():
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        seen.append((box.objectName(), box.text(), [b.text() for b in box.buttons()]))
        [b for b in box.buttons() if b.text() == "Lưu PDF…"][0].click()

timer = QTimer(); timer.timeout.connect(answer); timer.start(30)
pdf = open(sys.argv[2], "rb").read()
outcome = print_paper(None, ctx, PrintableDoc(pdf, "flyer", "-", "Tờ rơi",
                                              lambda: saved.append(1)))
print(json.dumps({"status": outcome.status, "seen": seen, "saved": len(saved)}))
"""


def test_no_printer_says_so_and_offers_to_save_the_pdf(ctx, db_path, tmp_path):
    need_cups()
    from sonla_desktop.services.event_documents import flyer_pdf

    pdf = tmp_path / "flyer.pdf"
    pdf.write_bytes(flyer_pdf(ctx)[1])
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "CUPS_SERVER": str(tmp_path / "no-scheduler.sock")}
    done = subprocess.run([sys.executable, "-c", CHILD, str(db_path), str(pdf)], env=env,
                          capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    assert answer["status"] == "no_printer"
    ((name, text, buttons),) = answer["seen"]
    assert name == "no_printer" and "chưa cài máy in nào" in text
    assert "Lưu PDF…" in buttons and answer["saved"] == 1
    assert list_entries(ctx, action="print") == []
