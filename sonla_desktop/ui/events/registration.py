"""Registration at the door: one person after another, keyboard only.

Enter moves to the next field. After the name, birth year, phone and CCCD fields the people
already on file who match (same CCCD, same phone, or same name + birth year + commune)
are looked up; strong matches take the focus: Enter links that person, Esc goes on with a
new one. Enter on the last field (or Ctrl+Enter anywhere) saves and starts the next person.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import parse_year
from ...domain.events import REASON_NAME, guess_sex
from ...domain.identity import format_phone, normalize_phone, parse_sex, validate_national_id
from ...domain.text import clean_text
from ...errors import DuplicateError, ValidationError, current_language
from ...services.attendance import Candidate, lookup_candidates, register_attendee
from ...services.context import ServiceContext
from ...services.events import EventRow
from ..tasks import TaskRunner
from .candidates import CandidateList

FIELDS = ("full_name", "birth_year", "sex", "phone", "national_id", "village", "interest_market")
LOOKUP_FIELDS = ("full_name", "birth_year", "phone", "national_id")
IDENTITY = ("full_name", "birth_year", "sex", "phone", "national_id", "village")
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class RegistrationPanel(QWidget):
    saved = Signal(object)  # RegisterResult, after each person

    def __init__(self, ctx: ServiceContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self.conference: EventRow | None = None
        self.linked: Candidate | None = None
        self.shown: list[Candidate] = []
        self.count = 0
        self._dismissed: set[str] = set()
        self._return_to: QWidget | None = None
        self._generation = 0
        self._saving = False
        self._last_village = ""
        self._build()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        labels = {
            "full_name": self.tr("&Họ và tên"), "birth_year": self.tr("&Năm sinh"),
            "sex": self.tr("&Giới tính"), "phone": self.tr("Số điện &thoại"),
            "national_id": self.tr("Số &CCCD"), "village": self.tr("&Bản/Tổ dân phố"),
            "interest_market": self.tr("Thị trường &quan tâm"),
        }
        hints = {
            "full_name": self.tr("Ví dụ: Lò Văn Ơn"), "birth_year": self.tr("4 chữ số, ví dụ 1998"),
            "sex": self.tr("Nam hoặc Nữ (gõ nam / nu)"), "phone": self.tr("Không bắt buộc"),
            "national_id": self.tr("Không bắt buộc"), "village": self.tr("Ví dụ: Bản Hẹo"),
            "interest_market": self.tr("Nhật Bản, Đài Loan, Hàn Quốc… (không bắt buộc)"),
        }
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for field in FIELDS:
            edit = QLineEdit()
            edit.setObjectName(field)
            edit.setPlaceholderText(hints[field])
            edit.installEventFilter(self)
            self.edits[field] = edit
            label = QLabel(labels[field])
            label.setBuddy(edit)
            form.addRow(label, edit)
        self.edits["birth_year"].setMaxLength(4)
        self.follow_up = QCheckBox(self.tr("Muốn được &liên hệ lại"))
        self.follow_up.installEventFilter(self)
        form.addRow("", self.follow_up)
        self.village_model = QStringListModel(self)
        self._completer(self.edits["village"], self.village_model)
        self.market_model = QStringListModel(self)
        self._completer(self.edits["interest_market"], self.market_model)

        self.consent = QComboBox()
        self.consent.addItem(self.tr("Bằng lời, có người làm chứng"), "verbal")
        self.consent.addItem(self.tr("Bằng văn bản (ký phiếu)"), "written")
        self.consent.addItem(self.tr("Chưa đồng ý"), "")
        consent_row = QHBoxLayout()
        consent_row.addWidget(QLabel(self.tr("Đồng ý lưu thông tin:")))
        consent_row.addWidget(self.consent, 1)

        self.counter = QLabel()
        self.counter.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #FFF4CE; padding: 4px;")
        self.banner.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.candidates = CandidateList()
        self.candidates.installEventFilter(self)
        save = QPushButton(self.tr("Lưu (Ctrl+Enter)"))
        save.clicked.connect(self.save)
        clear = QPushButton(self.tr("Nhập lại"))
        clear.clicked.connect(self.clear)
        buttons = QHBoxLayout()
        # The big head count on a line of its own: beside the buttons it made the panel
        # ~430 px wide at least and left the attendee list too little room at 1366×768.
        buttons.addStretch(1)
        buttons.addWidget(clear)
        buttons.addWidget(save)

        layout = QVBoxLayout(self)
        help_text = QLabel(self.tr("Enter: sang ô tiếp theo · Ctrl+Enter: lưu ngay · "
                                   "↓: xem người có sẵn · Esc: bỏ chọn người có sẵn"))
        help_text.setWordWrap(True)
        help_text.setStyleSheet("color: #555;")
        layout.addWidget(help_text)
        layout.addLayout(consent_row)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.counter)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.candidates.label)
        layout.addWidget(self.candidates)
        layout.addStretch(1)
        self.setTabOrder(self.edits["interest_market"], self.follow_up)
        self.set_event(None)

    def _completer(self, edit: QLineEdit, model: QStringListModel) -> None:
        completer = QCompleter(model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # Inline: the rest of the word appears selected and Enter keeps it; no popup to
        # steal the Enter key.
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        edit.setCompleter(completer)

    # ------------------------------------------------------------------ state
    def set_event(self, event: EventRow | None, count: int = 0,
                  villages: list[str] | None = None, markets: list[str] | None = None) -> None:
        self.conference = event
        self.count = count
        self.setEnabled(event is not None)
        if villages is not None:
            self.village_model.setStringList(villages)
        if markets is not None:
            self.market_model.setStringList(markets)
        self._last_village = ""
        self.clear()
        self._show_count()

    def set_count(self, count: int) -> None:
        self.count = count
        self._show_count()

    def _show_count(self) -> None:
        self.counter.setText(self.tr("Đã đăng ký: %n người", "", self.count))

    def clear(self) -> None:
        self._generation += 1
        for edit in self.edits.values():
            edit.clear()
            edit.setReadOnly(False)
        self.follow_up.setChecked(False)
        self.linked = None
        self.banner.hide()
        self._dismissed.clear()
        self._show_candidates([])
        self.edits["full_name"].setFocus()

    def raw(self) -> dict:
        values: dict = {f: e.text() for f, e in self.edits.items()}
        values["consent_method"] = self.consent.currentData()
        values["follow_up"] = self.follow_up.isChecked()
        return values

    def _order(self) -> list[QWidget]:
        return [*self.edits.values(), self.follow_up]

    # ------------------------------------------------------------------ keys
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key, mods = event.key(), event.modifiers()
        if key in _ENTER and mods & Qt.KeyboardModifier.ControlModifier:
            self.save()
            return True
        if obj is self.candidates:
            if key in _ENTER:
                self._link_current()
                return True
            if key == Qt.Key.Key_Escape:
                self._dismiss()
                return True
            return False
        if key in _ENTER and obj in self._order():
            self._advance(obj)  # type: ignore[arg-type]
            return True
        if key == Qt.Key.Key_Down and isinstance(obj, QLineEdit) and self.shown:
            self._return_to = obj
            self._focus_candidates()
            return True
        if key == Qt.Key.Key_Escape and self.linked is not None:
            self._unlink()
            return True
        return False

    def _advance(self, widget: QWidget) -> None:
        if widget is self.follow_up:
            self.save()
            return
        field = widget.objectName()
        if not self._field_ok(field):
            return
        order = self._order()
        nxt = order[order.index(widget) + 1]
        if field in LOOKUP_FIELDS and self.linked is None and self.conference is not None:
            self._lookup(nxt)
        else:
            self._focus(nxt)

    def _field_ok(self, field: str) -> bool:
        """Check one field as soon as it is left, so a typo is fixed while the person is there."""
        text = clean_text(self.edits[field].text())
        checks = {
            "birth_year": lambda: parse_year(text, "birth_year") if text else None,
            "sex": lambda: parse_sex(text) if text else None,
            "phone": lambda: normalize_phone(text),
            "national_id": lambda: validate_national_id(text) if text else None,
        }
        try:
            if field in checks and self.linked is None:
                checks[field]()
        except ValidationError as err:
            self.status.setText(f"<span style='color:#B00020'>{err}</span>")
            return False
        self.status.clear()
        return True

    def _focus(self, widget: QWidget) -> None:
        name = widget.objectName()
        if self.linked is None and name == "sex" and not self.edits["sex"].text():
            guessed = guess_sex(self.edits["full_name"].text())
            if guessed:
                self.edits["sex"].setText(self.tr("Nam") if guessed == "M" else self.tr("Nữ"))
        if self.linked is None and name == "village" and not self.edits["village"].text():
            self.edits["village"].setText(self._last_village)
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    # ------------------------------------------------------------------ candidates
    def _lookup(self, then: QWidget) -> None:
        self._generation += 1
        generation = self._generation
        raw, event_id = self.raw(), self.conference.id  # type: ignore[union-attr]

        def done(found: list[Candidate]) -> None:
            if generation != self._generation:
                return  # the form moved on (saved or cleared) meanwhile
            self._show_candidates(found)
            strong = [c for c in found if c.worker_id not in self._dismissed
                      and c.reasons[0] != REASON_NAME]
            if strong:
                self._return_to = then
                self._focus_candidates()
            else:
                self._focus(then)

        self.runner.run(lambda: lookup_candidates(self.ctx, raw, event_id), done, parent=self)

    def _show_candidates(self, found: list[Candidate]) -> None:
        self.shown = list(found)
        self.candidates.show_candidates(found)

    def _focus_candidates(self) -> None:
        self.candidates.setCurrentRow(0)
        self.candidates.setFocus()

    def _dismiss(self) -> None:
        self._dismissed.update(c.worker_id for c in self.shown)
        target = self._return_to or self.edits["full_name"]
        self._return_to = None
        self._focus(target)

    def _link_current(self) -> None:
        row = self.candidates.currentRow()
        if not 0 <= row < len(self.shown):
            return
        chosen = self.shown[row]
        if chosen.attended:
            self.status.setText(self.tr("%1 đã có trong danh sách hội nghị này: không cần "
                                        "đăng ký lại.").replace("%1", chosen.full_name))
            self.clear()
            return
        self.linked = chosen
        values = {"full_name": chosen.full_name, "birth_year": str(chosen.birth_year or ""),
                  "sex": self.tr("Nam") if chosen.sex == "M" else self.tr("Nữ"),
                  "phone": format_phone(chosen.phone), "national_id": chosen.national_id or "",
                  "village": chosen.village}
        for field in IDENTITY:
            # What was typed is kept where the record has nothing: it fills the blank.
            if values[field] or field not in ("phone", "village", "birth_year"):
                self.edits[field].setText(values[field])
            self.edits[field].setReadOnly(True)
        self.banner.setText(self.tr("Đã chọn người có sẵn: <b>%1</b> (%2). Enter để lưu · "
                                    "Esc để bỏ chọn và nhập người mới.")
                            .replace("%1", chosen.full_name)
                            .replace("%2", chosen.commune_name))
        self.banner.show()
        self._show_candidates([])
        self._focus(self.edits["interest_market"])

    def _unlink(self) -> None:
        self.linked = None
        self.banner.hide()
        for edit in self.edits.values():
            edit.setReadOnly(False)
        self._focus(self.edits["full_name"])

    # ------------------------------------------------------------------ save
    def save(self) -> None:
        if self._saving or self.conference is None:
            return
        raw, event_id = self.raw(), self.conference.id
        worker_id = self.linked.worker_id if self.linked else None
        self._saving = True
        self.runner.run(lambda: register_attendee(self.ctx, event_id, raw, worker_id),
                        self._saved, self._failed, parent=self)

    def _saved(self, result) -> None:
        self._saving = False
        self.count += 1
        self._show_count()
        self._last_village = self.edits["village"].text()
        kind = self.tr("người mới") if result.created_worker else self.tr("người đã có")
        text = self.tr("Đã lưu: %1 (%2).").replace("%1", result.full_name).replace("%2", kind)
        if result.note:  # e.g. under 18: interest recorded, no departure yet
            note = result.note[1] if current_language() == "en" else result.note[0]
            text += f" <span style='color:#8A5A00'>{html.escape(note)}</span>"
        self.status.setText(text)
        self.clear()
        self.saved.emit(result)

    def _failed(self, exc: BaseException) -> bool:
        self._saving = False
        if isinstance(exc, DuplicateError) and exc.existing_id and self.linked is None:
            self.status.setText(f"<span style='color:#B00020'>{exc}</span>")
            self._lookup(self.edits["village"])
            return True
        if isinstance(exc, ValidationError):
            self.status.setText(f"<span style='color:#B00020'>{exc}</span>")
            edit = self.edits.get(exc.field)
            if edit is not None:
                self._focus(edit)
            return True
        if isinstance(exc, DuplicateError):
            self.status.setText(str(exc))
            self.clear()
            return True
        return False
