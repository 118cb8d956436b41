"""Flyer editor: choose market and layout, edit the texts, see the printed page as you type.

The preview is the real PDF (the same renderer as ``flyer -o``) drawn by Qt's PDF module,
so what the clerk sees is what the printer gets.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QTimer
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...errors import UserError
from ...services.context import ServiceContext
from ...services.event_documents import flyer_pdf, save_flyer
from ...services.events import EventRow
from ...services.flyers import (
    clean_flyer_settings,
    get_flyer_settings,
    load_market_facts,
    save_flyer_settings,
)
from ..printing import PrintableDoc, print_paper
from ..tasks import TaskRunner
from .dialogs import ERROR_STYLE, ContactsForm

PREVIEW_DELAY_MS = 350


class FlyerEditor(QDialog):
    def __init__(self, ctx: ServiceContext, runner: TaskRunner, markets: dict[str, str],
                 event: EventRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner, self.conference = ctx, runner, event
        self.setWindowTitle(self.tr("Tờ rơi tuyển lao động"))
        self.market = QComboBox()
        self.market.addItem(self.tr("Các thị trường của hội nghị") if event
                            else self.tr("Tất cả thị trường (bảng so sánh)"), None)
        for code in load_market_facts():
            self.market.addItem(markets.get(code, code), code)
        self.layout_box = QComboBox()
        self.layout_box.addItem(self.tr("Một tờ A4"), "a4")
        self.layout_box.addItem(self.tr("Hai tờ A5 trên một tờ A4 (in hai mặt, cắt đôi)"), "a5x2")
        self.form = ContactsForm(get_flyer_settings(ctx))
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        save_pdf = QPushButton(self.tr("&Lưu PDF để in…"))
        save_pdf.clicked.connect(self.save_pdf)
        self.print_button = QPushButton(self.tr("&In…"))
        self.print_button.clicked.connect(self.print_flyer)
        save_defaults = QPushButton(self.tr("Lưu lời văn và liên hệ làm &mặc định"))
        save_defaults.clicked.connect(self.save_defaults)
        close = QPushButton(self.tr("Đóng"))
        close.clicked.connect(self.accept)

        top = QFormLayout()
        top.addRow(self.tr("&Thị trường"), self.market)
        top.addRow(self.tr("&Khổ giấy"), self.layout_box)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        if event is not None:
            info = QLabel(self.tr("Hội nghị ngày %1 – %2").replace(
                "%1", event.event_date.strftime("%d/%m/%Y")).replace("%2", event.place))
            info.setWordWrap(True)
            left_layout.addWidget(info)
        left_layout.addLayout(top)
        left_layout.addWidget(self.form)
        left_layout.addWidget(self.error)
        left_layout.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(save_defaults)
        left_layout.addLayout(row)
        row2 = QHBoxLayout()
        row2.addWidget(self.print_button)
        row2.addWidget(save_pdf)
        row2.addWidget(close)
        left_layout.addLayout(row2)

        self.preview = QLabel(self.tr("Đang tạo bản xem trước…"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([470, 760])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.pdf = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self._payload = b""
        self._generation = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.refresh_preview)
        self.form.connect_changed(self.timer.start)
        self.market.currentIndexChanged.connect(self.timer.start)
        self.layout_box.currentIndexChanged.connect(self.timer.start)
        self.resize(1250, 740)
        self.refresh_preview()

    def _choices(self) -> dict:
        """What the editor shows now, as the flyer services take it."""
        return {"market": self.market.currentData(),
                "event_id": self.conference.id if self.conference else None,
                "as_of": date.today(), "layout": self.layout_box.currentData(),
                "settings": clean_flyer_settings(self.form.values())}

    def refresh_preview(self) -> None:
        self._generation += 1
        generation = self._generation

        try:
            choices = self._choices()  # widgets are read here, on the GUI thread
        except UserError as exc:
            self._failed(exc)
            return

        def work() -> bytes:
            return flyer_pdf(self.ctx, **choices)[1]

        def done(payload: bytes) -> None:
            if generation != self._generation:
                return  # typed on meanwhile: a newer preview is coming
            self.error.clear()
            self._payload = payload
            self._show(payload)

        self.runner.run(work, done, self._failed, parent=self)

    def _show(self, payload: bytes) -> None:
        self.pdf.close()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(payload))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(self._buffer)
        if self.pdf.pageCount() < 1:
            return
        pages = self.pdf.pageCount()
        page = self.pdf.pagePointSize(0)
        gap = 12  # between the two sides of the two-A5 sheet, one above the other
        # Every side in view, as it will look in the hand; sharp on high-DPI screens.
        area = self.preview.parentWidget().size() if self.preview.parentWidget() else QSize(760, 700)
        scale = min((area.width() - 20) / page.width(),
                    (area.height() - 20 - gap * (pages - 1)) / (page.height() * pages))
        ratio = self.devicePixelRatioF()
        one = QSize(int(page.width() * scale * ratio), int(page.height() * scale * ratio))
        size = QSize(one.width(), one.height() * pages + int(gap * ratio) * (pages - 1))
        # The PDF pages have no background of their own: paint them on white paper, with a
        # grey strip between the sides.
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.lightGray)
        painter = QPainter(image)
        for number in range(pages):
            top = number * (one.height() + int(gap * ratio))
            painter.fillRect(0, top, one.width(), one.height(), Qt.GlobalColor.white)
            painter.drawImage(0, top, self.pdf.render(number, one))
        painter.end()
        image.setDevicePixelRatio(ratio)
        self.preview.setPixmap(QPixmap.fromImage(image))

    def _failed(self, exc: BaseException) -> bool:
        if isinstance(exc, UserError):
            self.error.setText(str(exc))
            return True
        return False

    def save_defaults(self) -> None:
        values = self.form.values()
        self.runner.run(lambda: save_flyer_settings(self.ctx, values),
                        lambda _: self.error.setText(self.tr("Đã lưu làm mặc định.")),
                        self._failed, parent=self)

    def print_flyer(self) -> None:
        """The flyer as the preview shows it, through the shared print path (its own size:
        A4, or the two-A5 sheet, which is A4 landscape)."""
        try:
            choices = self._choices()
        except UserError as exc:
            self._failed(exc)
            return

        def then(payload: bytes) -> None:
            doc = PrintableDoc(payload, "flyer", choices["market"] or "-",
                               self.tr("Tờ rơi {0}").format(self.market.currentText()),
                               self.save_pdf)
            print_paper(self, self.ctx, doc)

        self.runner.run(lambda: flyer_pdf(self.ctx, **choices)[1], then, self._failed,
                        parent=self)

    def save_pdf(self) -> None:
        name = f"to-roi-{self.market.currentData() or 'tat-ca'}.pdf".lower()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu tờ rơi"), name,
                                              self.tr("Tệp PDF (*.pdf)"))
        if not path:
            return
        try:
            choices = self._choices()
        except UserError as exc:
            self._failed(exc)
            return
        self.runner.run(lambda: save_flyer(self.ctx, path, **choices),
                        lambda _: self.error.setText(self.tr("Đã lưu %1").replace("%1", path)),
                        self._failed, parent=self)
