"""A real print system for the printing tests (issue 19): the CUPS queues of
``tools/cups_test_queues.sh`` (cups-pdf), a clerk answering the real print dialog and the
message boxes, and checks on the PDF that comes out of the queue.

In CI (``CI`` set) a missing CUPS, cups-pdf or poppler is a failure; on a developer machine
the tests skip with the command that sets them up.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QSpinBox,
)

OUT = Path(os.environ.get("SONLA_CUPS_PDF_OUT", "/var/spool/cups-pdf/sonla-tests"))
QUEUES = ("sonla-pdf", "sonla-letter", "sonla-stopped", "sonla-refusing", "sonla-jammed")
A4 = (595.28, 841.89)


def need_cups() -> None:
    """The queues, or fail (CI) / skip (a developer machine without them)."""
    problem = None
    if not all(shutil.which(t) for t in ("lp", "lpstat", "pdfinfo", "pdftotext", "pdftoppm",
                                         "pdfimages", "ipptool")):
        problem = "CUPS client tools or poppler-utils are not installed"
    else:
        listed = subprocess.run(["lpstat", "-e"], capture_output=True, text=True).stdout.split()
        missing = [q for q in QUEUES if q not in listed]
        if missing:
            problem = f"CUPS queues missing: {', '.join(missing)}"
    if problem:
        message = f"{problem}; run tools/cups_test_queues.sh as root"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    # A job left by an earlier run (the stopped queue keeps them) must not be waited for.
    subprocess.run(["cancel", "-a", *QUEUES], capture_output=True)


def outputs() -> set[Path]:
    return set(OUT.glob("*.pdf"))


def _busy() -> bool:
    """A job still waiting or printing on one of the test queues."""
    waiting = subprocess.run(["lpstat", "-o"], capture_output=True, text=True).stdout
    return any(line.startswith(q + "-") for line in waiting.splitlines() for q in QUEUES)


def wait_for_pdf(before: set[Path], timeout: float = 30) -> Path:
    """The PDF cups-pdf wrote for the job just sent, once CUPS says the job is done."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        new = sorted(outputs() - before, key=lambda p: p.stat().st_mtime)
        if new and not _busy() and subprocess.run(["pdfinfo", str(new[-1])],
                                                  capture_output=True).returncode == 0:
            return new[-1]
        QApplication.processEvents()
        time.sleep(0.1)
    raise AssertionError(f"no PDF arrived in {OUT} within {timeout} s")


def pdfinfo(path: Path) -> dict[str, str]:
    text = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in
                                                 text.splitlines())}


def page_sizes(path: Path) -> list[tuple[float, float]]:
    """Each page's size as it reads (width, height in points), its /Rotate applied: a
    landscape page may come as an A4 sheet turned a quarter."""
    text = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(path)], capture_output=True,
                          text=True, check=True).stdout
    sizes, turns = [], []
    for line in text.splitlines():
        if line.startswith("Page") and " size:" in line:
            w, _, h = line.split(":", 1)[1].split("pts")[0].strip().partition(" x ")
            sizes.append((float(w), float(h)))
        elif line.startswith("Page") and " rot:" in line:
            turns.append(int(line.split(":", 1)[1]) % 180 == 90)
    return [(h, w) if turned else (w, h) for (w, h), turned in zip(sizes, turns, strict=True)]


def text_of(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def raster(path: Path, page: int, dpi: int = 40):
    """Page ``page`` of the PDF at ``path`` as a grey PIL image (poppler draws it)."""
    import io

    from PIL import Image

    png = subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page),
                          "-gray", "-png", str(path)], capture_output=True, check=True).stdout
    return Image.open(io.BytesIO(png)).convert("L")


def difference(a, b) -> float:
    """Mean difference of two grey pages of the same size, 0 (same) to 255."""
    from PIL import ImageChops, ImageStat

    assert a.size == b.size, (a.size, b.size)
    return ImageStat.Stat(ImageChops.difference(a, b)).mean[0]


def spooled_document(job: str) -> bytes:
    """The document as CUPS received it for ``job`` (its spool keeps finished jobs' files)."""
    number = int(job.rsplit("-", 1)[-1])
    return Path(f"/var/spool/cups/d{number:05d}-001").read_bytes()


def ink_box(path: Path, page: int, dpi: int = 40) -> tuple[float, float, float, float]:
    """Where the ink is on ``page``, as fractions of the sheet (left, top, right, bottom)."""
    from PIL import ImageOps

    image = raster(path, page, dpi)
    box = ImageOps.invert(image).point(lambda v: 255 if v > 40 else 0).getbbox()
    assert box, f"page {page} of {path.name} is blank"
    w, h = image.size
    return box[0] / w, box[1] / h, box[2] / w, box[3] / h


class Clerk:
    """Answers the modal windows as they open: the print dialog (printer, pages, copies,
    sides; or Cancel) and message boxes (their text is kept, then closed)."""

    def __init__(self, printer: str = "sonla-pdf", pages: str = "", copies: int = 1,
                 duplex: bool = False, cancel: bool = False, save: bool = False) -> None:
        self.printer, self.pages, self.copies = printer, pages, copies
        self.duplex, self.cancel, self.save = duplex, cancel, save
        self.dialogs: list[QPrintDialog] = []
        self.messages: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(30)
        self.timer.timeout.connect(self._answer)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _answer(self) -> None:
        window = QApplication.activeModalWidget()
        if isinstance(window, QPrintDialog) and window.isVisible():
            self.dialogs.append(window)
            self.fill(window)
        elif isinstance(window, QMessageBox) and window.isVisible():
            self.messages.append(window.text())
            buttons = [b for b in window.buttons()
                       if self.save and b.text().replace("&", "") == "Lưu PDF…"]
            (buttons[0] if buttons else window.buttons()[-1]).click()

    def fill(self, dialog: QPrintDialog) -> None:
        if self.cancel:
            dialog.reject()
            return
        combo = dialog.findChild(QComboBox, "printers")
        index = combo.findText(self.printer)
        assert index >= 0, f"{self.printer} is not offered by the print dialog"
        combo.setCurrentIndex(index)
        if self.pages:
            dialog.findChild(QRadioButton, "pagesRadioButton").setChecked(True)
            dialog.findChild(QLineEdit, "pagesLineEdit").setText(self.pages)
        dialog.findChild(QSpinBox, "copies").setValue(self.copies)
        dialog.findChild(QCheckBox, "collate").setChecked(True)
        if self.duplex:
            dialog.findChild(QRadioButton, "duplexLong").setChecked(True)
        # The Print button, as a clerk does: a Python call of accept() would run QDialog's,
        # not QPrintDialog's, which is what copies the choices into the printer.
        box = dialog.findChild(QDialogButtonBox)
        accept = [b for b in box.buttons()
                  if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole]
        accept[0].click()


def job_attributes(job: str) -> dict[str, str]:
    """What CUPS holds of a job (``sonla-pdf-12``): copies, sides, media, job-state..."""
    number = job.rsplit("-", 1)[-1]
    text = subprocess.run(["ipptool", "-tv", f"ipp://localhost/jobs/{number}",
                           "get-job-attributes.test"], capture_output=True, text=True).stdout
    found = {}
    for line in text.splitlines():
        name, sep, value = line.strip().partition(" = ")
        if sep and " (" in name:
            found[name.split(" (")[0]] = value
    return found
