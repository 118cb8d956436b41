"""Preview, print and save the loan dossier PDF.

Preview uses QtPdf's ``QPdfView`` (the PySide6_Pdf wheel; it renders offscreen too).
Printing goes through the system print dialog: each page is rendered by QtPdf at up to
300 dpi and painted on the ``QPrinter`` page, which works with every printer driver
(the commune offices' printers are mostly old laser printers without PDF support).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

try:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
except ImportError:  # pragma: no cover - only without the PySide6_Pdf wheel
    QPdfDocument = QPdfView = None

MAX_PRINT_DPI = 300


def has_pdf_support() -> bool:
    return QPdfDocument is not None


def load_document(pdf: bytes, parent=None):
    """A QPdfDocument reading from memory (the buffer lives as long as the document)."""
    document = QPdfDocument(parent)
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    document.setProperty("keep_buffer", buffer)  # keeps the Python wrapper alive
    return document


def print_document(pdf: bytes, printer: QPrinter) -> int:
    """Paint every page of ``pdf`` on ``printer``; returns the number of pages printed."""
    document = load_document(pdf)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    count = document.pageCount()
    try:
        for index in range(count):
            if index:
                printer.newPage()
            page = document.pagePointSize(index)
            target = QRectF(painter.viewport())
            # Keep the page's proportions inside the printable area.
            scale = min(target.width() / page.width(), target.height() / page.height())
            width, height = page.width() * scale, page.height() * scale
            image = document.render(index, QSize(round(page.width() * dpi / 72),
                                                 round(page.height() * dpi / 72)))
            painter.drawImage(QRectF(target.x(), target.y(), width, height), image)
    finally:
        painter.end()
    return count


def print_pdf(parent: QWidget | None, pdf: bytes) -> bool:
    """Ask for a printer with the system dialog and print; False if the clerk cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setDocName(QCoreApplication.translate("DossierPreview", "Hồ sơ vay vốn"))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("DossierPreview", "In hồ sơ vay vốn"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return print_document(pdf, printer) > 0


def ask_save_path(parent: QWidget | None, suggested: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("DossierPreview", "Lưu hồ sơ vay vốn"), suggested,
        QCoreApplication.translate("DossierPreview", "Tệp PDF (*.pdf)"))
    if not path:
        return None
    return path if path.lower().endswith(".pdf") else path + ".pdf"


class DossierPreviewDialog(QDialog):
    """The dossier as it will print, with Print and Save buttons."""

    def __init__(self, pdf: bytes, title: str, on_save: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.setWindowTitle(self.tr("Xem trước: {0}").format(title))
        layout = QVBoxLayout(self)
        if has_pdf_support():
            self.document = load_document(pdf, self)
            self.view = QPdfView(self)
            self.view.setDocument(self.document)
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            layout.addWidget(self.view, 1)
        else:
            self.document = self.view = None
            layout.addWidget(QLabel(self.tr(
                "Máy này thiếu thành phần xem PDF (PySide6_Pdf). Hãy dùng “Lưu PDF…” rồi mở "
                "tệp bằng chương trình đọc PDF.")), 1)
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(self.tr("In…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton(self.tr("Lưu PDF…"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.setEnabled(has_pdf_support())
        self.print_button.clicked.connect(lambda: print_pdf(self, self.pdf))
        self.save_button.clicked.connect(on_save)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(860, 700)

    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0
