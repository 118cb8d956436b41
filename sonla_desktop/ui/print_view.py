"""The preview every paper shows before it prints: its pages as they will come out, the
paper size they ask for, and the "In…" and "Lưu PDF…" buttons (issue 19).

QtPdf's ``QPdfView`` (the PySide6_Pdf wheel; it renders offscreen too) draws the pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from ..services.context import ServiceContext
    from .printing import PrintableDoc, PrintOutcome

try:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
except ImportError:  # pragma: no cover - only without the PySide6_Pdf wheel
    QPdfDocument = QPdfView = None


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


class PrintPreviewDialog(QDialog):
    """A paper as it will print, with "In…" (the system print dialog) and "Lưu PDF…"."""

    def __init__(self, doc: PrintableDoc, ctx: ServiceContext | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc, self.ctx = doc, ctx
        self.outcome: PrintOutcome | None = None
        self.setObjectName("print_preview")
        self.setWindowTitle(self.tr("Xem trước: {0}").format(doc.display_title()))
        layout = QVBoxLayout(self)
        if has_pdf_support():
            self.document = load_document(doc.pdf, self)
            self.view = QPdfView(self)
            self.view.setDocument(self.document)
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            layout.addWidget(self.view, 1)
            fmt = doc.format()
            self.info = QLabel(self.tr("{0} trang, khổ {1}. In đúng cỡ (100%), không co "
                                       "giãn.").format(self.document.pageCount(), fmt.label))
        else:
            self.document = self.view = None
            self.info = QLabel(self.tr(
                "Máy này thiếu thành phần xem PDF (PySide6_Pdf). Hãy dùng “Lưu PDF…” rồi mở "
                "tệp bằng chương trình đọc PDF."))
        layout.addWidget(self.info)
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(self.tr("In…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton(self.tr("Lưu PDF…"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.setEnabled(has_pdf_support() and ctx is not None)
        self.save_button.setEnabled(doc.on_save is not None)
        self.print_button.clicked.connect(self.print_now)
        if doc.on_save is not None:
            self.save_button.clicked.connect(doc.on_save)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(860, 700)

    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0

    def print_now(self) -> None:
        from .printing import print_paper

        self.outcome = print_paper(self, self.ctx, self.doc)
        if self.outcome.status == "printed":
            self.accept()


def preview_paper(parent: QWidget | None, ctx: ServiceContext,
                  doc: PrintableDoc) -> PrintPreviewDialog:
    """Open the preview of ``doc`` (window-modal, returns at once)."""
    dialog = PrintPreviewDialog(doc, ctx, parent)
    dialog.open()
    return dialog
