"""Dialogs of the conferences page: a conference, flyer contacts, the follow-up list."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.identity import format_phone
from ...errors import ValidationError
from ...services.context import ServiceContext
from ...services.event_documents import export_follow_up, follow_up_pdf
from ...services.events import EventRow, FollowUpRow, create_event, follow_up_list, update_event
from ...services.flyers import FlyerSettings, get_flyer_settings, save_flyer_settings
from ..print_view import preview_paper
from ..printing import PrintableDoc
from ..tasks import TaskRunner
from .models import RowsModel

ERROR_STYLE = "color: #B00020;"


class EventDialog(QDialog):
    """Add or edit one conference. Enter in a line field saves; every error is shown."""

    def __init__(self, ctx: ServiceContext, runner: TaskRunner, communes: list[tuple[str, str]],
                 default_commune: str | None, markets: dict[str, str],
                 event: EventRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner, self.conference = ctx, runner, event
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("Sửa hội nghị") if event else self.tr("Hội nghị tư vấn mới"))
        self.date = QLineEdit((event.event_date if event else date.today()).strftime("%d/%m/%Y"))
        self.commune = QComboBox()
        for code, name in communes:
            self.commune.addItem(f"{name} ({code})", code)
        chosen = event.commune_code if event else default_commune
        if chosen:
            self.commune.setCurrentIndex(max(0, self.commune.findData(chosen)))
        self.place = QLineEdit(event.place if event else "")
        self.topic = QLineEdit(event.topic if event else self.tr(
            "Tư vấn đi làm việc ở nước ngoài theo hợp đồng"))
        self.organiser = QLineEdit(event.organiser if event else "")
        self.counsellors = QLineEdit(event.counsellors if event else "")
        self.agencies = QPlainTextEdit(event.agencies if event else "")
        self.agencies.setTabChangesFocus(True)
        self.agencies.setMaximumHeight(70)
        self.markets = QLineEdit(", ".join(markets.get(c, c) for c in event.markets)
                                 if event else "")
        self.markets.setPlaceholderText(self.tr("Ví dụ: Nhật Bản, Đài Loan"))
        self.notes = QPlainTextEdit(event.notes if event else "")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(60)
        self.fields = {"event_date": self.date, "commune_code": self.commune, "place": self.place,
                       "topic": self.topic, "organiser": self.organiser,
                       "counsellors": self.counsellors, "agencies": self.agencies,
                       "markets": self.markets, "notes": self.notes}
        form = QFormLayout()
        for label, widget in ((self.tr("&Ngày (ngày/tháng/năm)"), self.date),
                              (self.tr("&Xã/Phường"), self.commune),
                              (self.tr("&Địa điểm"), self.place), (self.tr("&Chủ đề"), self.topic),
                              (self.tr("Đơn vị tổ &chức"), self.organiser),
                              (self.tr("Người &tư vấn"), self.counsellors),
                              (self.tr("Doanh nghiệp tham dự"), self.agencies),
                              (self.tr("Thị trường &giới thiệu"), self.markets),
                              (self.tr("Ghi chú"), self.notes)):
            form.addRow(label, widget)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Lưu"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Huỷ"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def raw(self) -> dict:
        return {"event_date": self.date.text(), "commune_code": self.commune.currentData(),
                "place": self.place.text(), "topic": self.topic.text(),
                "organiser": self.organiser.text(), "counsellors": self.counsellors.text(),
                "agencies": self.agencies.toPlainText(), "markets": self.markets.text(),
                "notes": self.notes.toPlainText()}

    def save(self) -> None:
        raw, event = self.raw(), self.conference

        def work() -> str:
            if event is None:
                return create_event(self.ctx, raw)
            update_event(self.ctx, event.id, raw)
            return event.id

        def done(event_id: str) -> None:
            self.saved_id = event_id
            self.accept()

        self.runner.run(work, done, self._failed, parent=self)

    def _failed(self, exc: BaseException) -> bool:
        if not isinstance(exc, ValidationError):
            return False
        errors = getattr(exc, "all_errors", {exc.field: exc})
        self.error.setText("<br>".join(str(e) for e in errors.values()))
        widget = self.fields.get(next(iter(errors)))
        if widget is not None:
            widget.setFocus()
        return True


class ContactsForm(QWidget):
    """Office texts and contacts printed on flyers (stored in the settings table)."""

    FIELDS = ("office_name", "office_address", "office_phone", "jobs_website", "zalo",
              "headline", "intro", "note")

    def __init__(self, values: FlyerSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        labels = {
            "office_name": self.tr("Tên đơn vị"), "office_address": self.tr("Địa chỉ"),
            "office_phone": self.tr("Điện thoại văn phòng"),
            "jobs_website": self.tr("Trang việc làm của tỉnh"),
            "zalo": self.tr("Zalo (số điện thoại hoặc đường dẫn)"),
            "headline": self.tr("Tiêu đề tờ rơi"), "intro": self.tr("Lời giới thiệu"),
            "note": self.tr("Dòng cuối"),
        }
        self.widgets: dict[str, QLineEdit | QPlainTextEdit] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for field in self.FIELDS:
            if field == "intro":
                widget: QLineEdit | QPlainTextEdit = QPlainTextEdit(getattr(values, field))
                widget.setTabChangesFocus(True)
                widget.setMaximumHeight(80)
            else:
                widget = QLineEdit(getattr(values, field))
            widget.setObjectName(field)
            self.widgets[field] = widget
            form.addRow(labels[field], widget)
        self.widgets["jobs_website"].setPlaceholderText("https://…")
        self.widgets["office_phone"].setPlaceholderText(self.tr("Ví dụ: 0212 3852 123"))

    def values(self) -> dict[str, str]:
        return {f: (w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text())
                for f, w in self.widgets.items()}

    def connect_changed(self, slot) -> None:
        for widget in self.widgets.values():
            widget.textChanged.connect(slot)


class ContactsDialog(QDialog):
    def __init__(self, ctx: ServiceContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self.setWindowTitle(self.tr("Liên hệ và lời văn trên tờ rơi"))
        self.form = ContactsForm(get_flyer_settings(ctx))
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Lưu"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Huỷ"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Mỗi liên hệ được in kèm mã QR để người dân quét bằng "
                                        "điện thoại.")))
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(620, self.sizeHint().height())

    def save(self) -> None:
        values = self.form.values()
        self.runner.run(lambda: save_flyer_settings(self.ctx, values), lambda _: self.accept(),
                        self._failed, parent=self)

    def _failed(self, exc: BaseException) -> bool:
        if not isinstance(exc, ValidationError):
            return False
        self.error.setText(str(exc))
        widget = self.form.widgets.get(exc.field)
        if widget is not None:
            widget.setFocus()
        return True


class FollowUpDialog(QDialog):
    """People to call back: of one conference, or of a whole commune."""

    def __init__(self, ctx: ServiceContext, runner: TaskRunner, communes: list[tuple[str, str]],
                 markets: dict[str, str], event: EventRow | None = None,
                 commune: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner, self.markets = ctx, runner, markets
        self.conference = event
        self.setWindowTitle(self.tr("Người cần liên hệ lại"))
        self.scope = QComboBox()
        if event is not None:
            self.scope.addItem(self.tr("Hội nghị ngày %1 – %2")
                               .replace("%1", event.event_date.strftime("%d/%m/%Y"))
                               .replace("%2", event.place), ("event", event.id))
        for code, name in communes:
            self.scope.addItem(self.tr("Cả %1").replace("%1", name), ("commune", code))
        if event is None and commune:
            self.scope.setCurrentIndex(max(0, self.scope.findData(("commune", commune))))
        self.scope.currentIndexChanged.connect(self.reload)
        self.model = RowsModel([
            (self.tr("Họ và tên"), lambda r: r.full_name, lambda r: r.full_name),
            (self.tr("Năm sinh"), lambda r: str(r.birth_year or ""), lambda r: r.birth_year),
            (self.tr("Điện thoại"), lambda r: format_phone(r.phone), lambda r: r.phone),
            (self.tr("Bản/Tổ dân phố"), lambda r: r.village, lambda r: r.village),
            (self.tr("Thị trường"), lambda r: markets.get(r.interest_market or "", ""),
             lambda r: r.interest_market or ""),
            (self.tr("Hội nghị"), lambda r: r.event_date.strftime("%d/%m/%Y"),
             lambda r: r.event_date),
        ], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.count = QLabel()
        export = QPushButton(self.tr("&Xuất CSV / Excel…"))
        export.clicked.connect(lambda: self.export())
        self.print_button = QPushButton(self.tr("&In…"))
        self.print_button.clicked.connect(self.print_list)
        close = QPushButton(self.tr("Đóng"))
        close.clicked.connect(self.accept)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Phạm vi:")))
        top.addWidget(self.scope, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(export)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Người đã đề nghị được liên hệ lại và vẫn ở trạng thái “Đăng ký” "
                              "(chưa đào tạo, chưa xuất cảnh)."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.resize(900, 520)
        self.rows: list[FollowUpRow] = []
        self.reload()

    def _filter(self) -> tuple[str | None, str | None]:
        """(event id, commune code) of the chosen scope: one of them is set, or neither."""
        kind, key = self.scope.currentData() or ("commune", None)
        return (key if kind == "event" else None), (key if kind == "commune" else None)

    def reload(self) -> None:
        event_id, commune = self._filter()

        def done(rows: list[FollowUpRow]) -> None:
            self.rows = rows
            self.model.set_rows(rows)
            self.count.setText(self.tr("%n người", "", len(rows)))

        self.runner.run(lambda: follow_up_list(self.ctx, event_id, commune), done, parent=self)

    def print_list(self) -> None:
        """Preview the list as it prints (A4 landscape), then the print dialog."""
        event_id, commune = self._filter()
        scope = self.scope.currentText()

        def show(pdf: bytes) -> None:
            doc = PrintableDoc(pdf, "follow_up", event_id or commune or "-",
                               self.tr("Danh sách cần liên hệ lại"), self.save_pdf)
            self.preview = preview_paper(self, self.ctx, doc)

        self.runner.run(lambda: follow_up_pdf(self.ctx, event_id, commune, scope), show,
                        parent=self)

    def save_pdf(self) -> None:
        self.export("can-lien-he-lai.pdf")

    def export(self, name: str = "can-lien-he-lai.xlsx") -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Xuất danh sách"), name,
            self.tr("Excel (*.xlsx);;CSV (*.csv);;PDF (*.pdf)"))
        if not path:
            return
        event_id, commune = self._filter()
        self.runner.run(lambda: export_follow_up(self.ctx, path, event_id, commune),
                        lambda rows: self.count.setText(
                            self.tr("Đã xuất %n người.", "", len(rows))),
                        parent=self)

