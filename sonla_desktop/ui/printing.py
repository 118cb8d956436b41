"""The one way every paper is printed (issue 19): the system print dialog, then the job.

``print_paper`` takes a paper already built as PDF bytes (``PrintableDoc``) and:

1. says so, and offers "Lưu PDF…", when no printer is installed (Qt would otherwise offer
   "Print to File" into the home folder, in English);
2. opens the system print dialog with the document's page count, its own paper size and
   orientation forced on the printer, "Print to File" removed;
3. a cancelled dialog ends there, with nothing written;
4. where CUPS serves the chosen printer, the PDF itself goes to the queue
   (``services.printing.print_with_cups``: vector pages, text kept, A4 as A4, the range,
   copies and sides given to CUPS); elsewhere Qt paints the chosen pages
   (``print_engine``) and the print is recorded once Qt reports it sent;
5. a refusing, stopped or missing queue gets a Vietnamese message with what to check; a
   sent job a confirmation in the status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import (
    QAbstractPrintDialog,
    QPrintDialog,
    QPrintEngine,
    QPrinter,
    QPrinterInfo,
)
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox, QWidget

from ..domain.printing import PageFormat, page_format, paper
from ..errors import UserError, current_language
from ..services import cups
from ..services.context import ServiceContext
from ..services.printing import PrintOrder, may_print, print_with_cups, record_printed
from .print_engine import force_layout, paint_pages
from .print_view import load_document
from .print_watch import JobWatch, watch_job


@dataclass
class PrintableDoc:
    """A paper ready to print: its PDF and what the audit log calls it."""

    pdf: bytes
    paper: str                   # a key of domain.printing.PAPERS
    entity_id: str = "-"
    title: str = ""
    on_save: Callable[[], None] | None = None   # "Lưu PDF…" of the paper's own page
    _document: object = field(default=None, repr=False)

    def document(self):
        if self._document is None:
            self._document = load_document(self.pdf)
        return self._document

    def page_count(self) -> int:
        return self.document().pageCount()

    def format(self) -> PageFormat:
        size = self.document().pagePointSize(0)
        return page_format(size.width(), size.height())

    def display_title(self) -> str:
        p = paper(self.paper)
        return self.title or (p.title_en if current_language() == "en" else p.title_vi)


@dataclass(frozen=True)
class PrintOutcome:
    status: str          # "printed", "cancelled", "failed", "no_printer"
    message: str = ""
    job: str = ""
    watch: JobWatch | None = None   # follows a CUPS job to its end


# Qt's choice -> what CUPS calls it.
_SIDES = {QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
          QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge"}


# Qt's CUPS print engine keeps the job options of the dialog (and its Properties) here, as
# [name, value, name, value, ...] (qcups_p.h PPK_CupsOptions).
PPK_CUPS_OPTIONS = QPrintEngine.PrintEnginePropertyKey(0xFE00)
# Options this program decides itself: the document's size, 100%, the pages it sends.
_OURS = {"page-ranges", "media", "PageSize", "PageRegion", "fit-to-page", "print-scaling",
         "scaling", "number-up", "number-up-layout", "position", "orientation-requested",
         "landscape", "copies", "sides", "job-sheets", "job-priority", "job-billing"}


def _take_cups_options(printer: QPrinter) -> dict[str, str]:
    """The CUPS options the dialog set, leaving none on the engine that would act twice: on
    CUPS, Qt's "Pages" field is such an option (the range is left to the server)."""
    engine = printer.printEngine()
    raw = list(engine.property(PPK_CUPS_OPTIONS) or [])
    options = dict(zip(raw[::2], raw[1::2], strict=False))
    if "page-ranges" in options:
        kept = [x for k, v in options.items() if k != "page-ranges" for x in (k, v)]
        engine.setProperty(PPK_CUPS_OPTIONS, kept)
    return options


def _pages_chosen(printer: QPrinter, cups_options: dict[str, str]) -> str:
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            return ranges.toString()
        return f"{printer.fromPage()}-{printer.toPage()}" if printer.fromPage() else ""
    return cups_options.get("page-ranges", "")


def make_dialog(printer: QPrinter, doc: PrintableDoc, parent: QWidget | None) -> QPrintDialog:
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("print_dialog")
    title = QCoreApplication.translate("Printing", "In: {0}")
    dialog.setWindowTitle(title.format(doc.display_title()))
    # No "Print to File": a clerk choosing it got a file in the home folder, not paper.
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCollateCopies, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintSelection, False)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, False)
    dialog.setMinMax(1, doc.page_count())
    return dialog


def announce(parent: QWidget | None, text: str) -> None:
    """A short line in the main window's status bar (nothing when there is none)."""
    widget = parent
    while widget is not None:  # a preview dialog's own window has no status bar
        if isinstance(widget, QMainWindow):
            widget.statusBar().showMessage(text, 10000)
            return
        widget = widget.parentWidget()


def _fail(parent: QWidget | None, message: str) -> PrintOutcome:
    box = QMessageBox(QMessageBox.Icon.Warning,
                      QCoreApplication.translate("Printing", "Chưa in được"), message,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("print_failed")
    box.exec()
    return PrintOutcome("failed", message)


def _no_printer(parent: QWidget | None, doc: PrintableDoc) -> PrintOutcome:
    message = QCoreApplication.translate(
        "Printing", "Máy này chưa cài máy in nào, nên chưa in được. Hãy cài máy in (Cài đặt → "
                    "Máy in) rồi in lại, hoặc lưu tệp PDF để in ở máy khác.")
    box = QMessageBox(QMessageBox.Icon.Information,
                      QCoreApplication.translate("Printing", "Chưa có máy in"), message,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("no_printer")
    save = box.addButton(QCoreApplication.translate("Printing", "Lưu PDF…"),
                         QMessageBox.ButtonRole.AcceptRole) if doc.on_save else None
    box.addButton(QCoreApplication.translate("Printing", "Đóng"),
                  QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if save is not None and box.clickedButton() is save:
        doc.on_save()
    return PrintOutcome("no_printer", message)


def print_paper(parent: QWidget | None, ctx: ServiceContext, doc: PrintableDoc,
                use_cups: bool | None = None) -> PrintOutcome:
    """Ask for a printer and print ``doc``; see the module's text. ``use_cups`` None: CUPS
    when it serves the chosen printer (False forces Qt's own path, as on Windows)."""
    try:
        may_print(ctx, doc.paper)
    except UserError as exc:
        return _fail(parent, str(exc))
    if not QPrinterInfo.availablePrinters():
        return _no_printer(parent, doc)
    fmt = doc.format()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(doc.display_title())
    force_layout(printer, fmt)
    printer.setFromTo(1, doc.page_count())
    dialog = make_dialog(printer, doc, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return PrintOutcome("cancelled")
    # The dialog may have put the printer's default paper back: the document's size wins.
    force_layout(printer, fmt)
    options = _take_cups_options(printer)
    order = PrintOrder(
        paper=doc.paper, entity_id=doc.entity_id, printer=printer.printerName(),
        page_count=doc.page_count(), pages=_pages_chosen(printer, options),
        options=tuple((k, v) for k, v in options.items() if k not in _OURS and v),
        copies=max(1, printer.copyCount()),
        sides=_SIDES.get(printer.duplex(), "one-sided"),
        # CUPS names a size it has no name for by its dimensions in points.
        media=fmt.name or f"Custom.{fmt.width_pt:.0f}x{fmt.height_pt:.0f}",
        landscape=fmt.landscape, title=doc.display_title())
    try:
        pages = order.chosen_pages()
        served = cups.available() and order.printer in cups.printers()
        if use_cups is None:
            use_cups = served
        if use_cups:
            job = print_with_cups(ctx, order, doc.pdf)
        else:
            if served:
                # Qt's CUPS engine sends whatever it is given, even to a stopped queue.
                cups.check_queue(order.printer)
            if not paint_pages(doc.document(), pages, printer):
                failed = QCoreApplication.translate(
                    "Printing", "Máy in “{0}” báo lỗi, chưa in được. Hãy kiểm tra máy in đã "
                                "bật, có giấy, rồi in lại.")
                return _fail(parent, failed.format(order.printer))
            job = ""
            record_printed(ctx, order)
    except UserError as exc:
        return _fail(parent, str(exc))
    sheets = len(pages) * order.copies
    message = QCoreApplication.translate("Printing", "Đã gửi {0} trang “{1}” tới máy in {2}.")
    message = message.format(sheets, doc.display_title(), order.printer)
    announce(parent, message)
    watch = watch_job(job, doc.display_title(), order.printer, parent) if job else None
    return PrintOutcome("printed", message, job, watch)
