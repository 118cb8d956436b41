"""Qt's own print path, for printers CUPS does not serve (Windows' drivers): every chosen
page painted at 100% and centred on a sheet of the document's own size, as an opaque image
at the printer's resolution (issue 19).

Why opaque: QtPdf renders onto a transparent image; painted as is, Qt's print engine sends
a black picture plus a transparency mask, and a driver that drops the mask prints black
pages. Each page is therefore first painted onto white.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from ..domain.printing import PageFormat

# Beyond this the page image of an A4 sheet passes 35 MB and prints no sharper on the
# offices' 300/600 dpi lasers.
MAX_DPI = 300

_IDS = {"A4": QPageSize.PageSizeId.A4, "A5": QPageSize.PageSizeId.A5,
        "A3": QPageSize.PageSizeId.A3}


def page_size(fmt: PageFormat) -> QPageSize:
    if fmt.name in _IDS:
        return QPageSize(_IDS[fmt.name])
    return QPageSize(QSizeF(fmt.width_pt, fmt.height_pt), QPageSize.Unit.Point, "",
                     QPageSize.SizeMatchPolicy.ExactMatch)


def force_layout(printer: QPrinter, fmt: PageFormat) -> bool:
    """The document's size and orientation on the printer, with no margins of Qt's own
    (full page: the document carries its margins). False if the printer refused them."""
    printer.setFullPage(True)
    orientation = (QPageLayout.Orientation.Landscape if fmt.landscape
                   else QPageLayout.Orientation.Portrait)
    layout = QPageLayout(page_size(fmt), orientation, QMarginsF(0, 0, 0, 0),
                         QPageLayout.Unit.Point)
    layout.setMode(QPageLayout.Mode.FullPageMode)
    return printer.setPageLayout(layout)


def opaque_page(document, index: int, dpi: int) -> QImage:
    """Page ``index`` of a QPdfDocument at ``dpi``, painted on white (no alpha channel)."""
    points = document.pagePointSize(index)
    size = QSize(max(1, round(points.width() * dpi / 72)),
                 max(1, round(points.height() * dpi / 72)))
    rendered = document.render(index, size)
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return image


def paint_pages(document, pages: list[int], printer: QPrinter) -> bool:
    """Paint the 1-based ``pages`` of ``document`` on ``printer`` (its layout already forced),
    each at 100% in the middle of the sheet. False when the printer could not start or
    reports an error (then nothing is recorded)."""
    painter = QPainter()
    if not painter.begin(printer):
        return False
    resolution = printer.resolution()
    dpi = min(resolution, MAX_DPI)
    try:
        paper = printer.paperRect(QPrinter.Unit.DevicePixel)
        for n, page in enumerate(pages):
            if n and not printer.newPage():
                return False
            points = document.pagePointSize(page - 1)
            width = points.width() * resolution / 72
            height = points.height() * resolution / 72
            # Full-page mode: the painter's origin is the sheet's corner.
            x = (paper.width() - width) / 2
            y = (paper.height() - height) / 2
            painter.drawImage(QRectF(x, y, width, height), opaque_page(document, page - 1, dpi))
    finally:
        painter.end()
    return printer.printerState() != QPrinter.PrinterState.Error
