"""Preview, print and save the loan dossier PDF: the shared print path (``ui/printing``,
issue 19) with the dossier's titles."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QWidget

from ...domain.printing import page_format
from ...services.context import ServiceContext
from ..print_engine import force_layout, paint_pages
from ..print_view import PrintPreviewDialog, has_pdf_support, load_document
from ..printing import PrintableDoc, PrintOutcome, print_paper

__all__ = ["DossierPreviewDialog", "ask_save_path", "has_pdf_support", "print_document",
           "print_pdf"]


def print_document(pdf: bytes, printer: QPrinter) -> int:
    """Paint every page of ``pdf`` on ``printer`` at its own size and 100%; returns the
    number of pages printed (0 when the printer failed)."""
    document = load_document(pdf)
    size = document.pagePointSize(0)
    force_layout(printer, page_format(size.width(), size.height()))
    pages = list(range(1, document.pageCount() + 1))
    return len(pages) if paint_pages(document, pages, printer) else 0


def dossier_doc(pdf: bytes, loan_id: str, title: str,
                on_save: Callable[[], None] | None = None) -> PrintableDoc:
    name = QCoreApplication.translate("DossierPreview", "Hồ sơ vay vốn")
    return PrintableDoc(pdf, "dossier", loan_id, f"{name} – {title}" if title else name,
                        on_save)


def print_pdf(parent: QWidget | None, ctx: ServiceContext, pdf: bytes, loan_id: str,
              title: str = "", on_save: Callable[[], None] | None = None) -> PrintOutcome:
    """The system print dialog, then the dossier printed (and recorded once accepted)."""
    return print_paper(parent, ctx, dossier_doc(pdf, loan_id, title, on_save))


def ask_save_path(parent: QWidget | None, suggested: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("DossierPreview", "Lưu hồ sơ vay vốn"), suggested,
        QCoreApplication.translate("DossierPreview", "Tệp PDF (*.pdf)"))
    if not path:
        return None
    return path if path.lower().endswith(".pdf") else path + ".pdf"


class DossierPreviewDialog(PrintPreviewDialog):
    """The dossier as it will print, with Print and Save buttons."""

    def __init__(self, pdf: bytes, title: str, on_save: Callable[[], None],
                 parent: QWidget | None = None, ctx: ServiceContext | None = None,
                 loan_id: str = "-") -> None:
        super().__init__(dossier_doc(pdf, loan_id, title, on_save), ctx, parent)
        self.pdf = pdf
