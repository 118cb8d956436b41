"""QR codes drawn as vector squares in a PDF, so they print sharp at any printer resolution.

segno computes the symbol; we only paint its dark modules. Error correction "M" survives
a fold or a smudge on a handed-out flyer; the quiet zone of 4 modules is what phone
cameras need to find the code.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

import segno
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

QUIET_ZONE = 4


class QRFlowable(Flowable):
    """A square QR code of side ``size`` points (quiet zone included) encoding ``data``."""

    def __init__(self, data: str, size: float) -> None:
        super().__init__()
        self.data = data
        self.size = size
        self.width = self.height = size
        self._qr = segno.make(data, error="m", micro=False)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        rows = [list(r) for r in self._qr.matrix_iter(scale=1, border=QUIET_ZONE)]
        module = self.size / len(rows)
        c = self.canv
        c.saveState()
        c.setFillColor(colors.white)
        c.rect(0, 0, self.size, self.size, stroke=0, fill=1)
        c.setFillColor(colors.black)
        path = c.beginPath()
        for y, row in enumerate(rows):
            x = 0
            while x < len(row):
                if not row[x]:
                    x += 1
                    continue
                start = x
                while x < len(row) and row[x]:
                    x += 1
                # One rectangle per horizontal run: fewer path operations, no hairline gaps.
                top = self.size - (y + 1) * module
                path.rect(start * module, top, (x - start) * module, module)
        c.drawPath(path, stroke=0, fill=1)
        c.restoreState()


# Printed beside the signed statement (issue #18): how a reader checks the paper.
CHECK_LINE = ("Mã QR mang chữ ký số của đơn vị lập giấy này (không chứa họ tên, CCCD, số điện "
              "thoại). Kiểm tra: trang “Kiểm tra giấy tờ” của phần mềm, hoặc lệnh "
              "“sonla-desktop verify-document TỆP” với bản PDF hay ảnh chụp giấy.")
STATEMENT_SIZE = 4.2 * cm


def statement_table(text: str, style: ParagraphStyle, width: float) -> Table:
    """The signed statement's QR code with the line saying how to check it, side by side.

    The services sign the statement and hand it over as text: reports draw, they never sign.
    4.2 cm keeps each module above 3 pixels in a 150 dpi scan, enough for a blurred photo.
    """
    caption = Paragraph(escape(CHECK_LINE), style)
    table = Table([[QRFlowable(text, STATEMENT_SIZE), caption]],
                  colWidths=[STATEMENT_SIZE + 0.3 * cm, width - STATEMENT_SIZE - 0.3 * cm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (0, 0), 0)]))
    return table


def statement_block(text: str, style: ParagraphStyle, width: float) -> Flowable:
    """``statement_table`` kept in one piece on its page, a little below what precedes it."""
    return KeepTogether([Spacer(1, 6), statement_table(text, style, width)])
