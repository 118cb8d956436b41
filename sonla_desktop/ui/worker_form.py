"""Add or edit one worker: inline validation with the domain rules, duplicate CCCD check.

Keyboard first: Enter or Ctrl+S saves, Esc cancels (asking first if something was typed),
Tab follows the paper form. Nothing the clerk typed is lost on an error: the dialog stays
open with the message under the field.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.dates import format_date
from ..domain.person_rights import consent_warning, needs_consent
from ..domain.worker_rules import clean_worker
from ..errors import DuplicateError, ValidationError, current_language
from ..services.context import ServiceContext
from ..services.lookups import Lookups
from ..services.workers import create_worker, get_worker, national_id_holder, update_worker
from .tasks import TaskRunner
from .widgets.worker_fields import FORM_ORDER, WorkerFields

VALIDATE_DELAY_MS = 250


class WorkerForm(QDialog):
    saved = Signal(str)  # worker id
    open_requested = Signal(str)  # worker id of the existing person with the same CCCD
    loaded = Signal()

    def __init__(self, ctx: ServiceContext, runner: TaskRunner, lookups: Lookups,
                 worker_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.lookups = lookups
        self.refs = lookups.refs()
        self.worker_id = worker_id
        self.setWindowTitle(self.tr("Thêm người lao động") if worker_id is None
                            else self.tr("Sửa thông tin người lao động"))
        self.fields = WorkerFields(lookups)
        self.touched: set[str] = set()
        self._show_all = False
        self._saving = False
        self._snapshot = self.fields.values()
        self._checked_id: str | None = None
        self.duplicate_id: str | None = None

        self.dup_frame = QFrame()
        self.dup_frame.setStyleSheet(
            "QFrame { background: #fff3cd; border: 1px solid #e0b64c; border-radius: 3px; }"
            "QLabel { border: none; }")
        dup_layout = QHBoxLayout(self.dup_frame)
        self.dup_label = QLabel()
        self.dup_label.setWordWrap(True)
        self.dup_open = QPushButton(self.tr("Mở hồ sơ người này"))
        self.dup_open.setAutoDefault(False)
        dup_layout.addWidget(self.dup_label, 1)
        dup_layout.addWidget(self.dup_open)
        self.dup_frame.hide()
        self.dup_open.clicked.connect(self._open_duplicate)

        self.general_error = QLabel()
        self.general_error.setStyleSheet("color: #c62828;")
        self.general_error.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Lưu (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Huỷ (Esc)"))
        self.cancel_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        hint = QLabel(self.tr("Ô có dấu * là bắt buộc. Ngày gõ theo dạng ngày/tháng/năm, "
                              "ví dụ 05/12/1998."))
        hint.setStyleSheet("color: #555;")

        buttons = QHBoxLayout()
        buttons.addWidget(hint, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.dup_frame)
        # Sensitive data without a live consent (Decree 356/2025): a warning, not a refusal.
        self.consent_warning = QLabel()
        self.consent_warning.setWordWrap(True)
        self.consent_warning.setStyleSheet("color: #8a5a00;")
        self.consent_warning.hide()
        layout.addWidget(self.consent_warning)
        self.consents = None
        self.history = None
        if worker_id is None:
            layout.addWidget(self.fields, 1)
        else:  # an existing person: a second tab with what the audit says happened to them
            from .widgets.history_view import HistoryView

            self.tabs = QTabWidget()
            self.tabs.addTab(self.fields, self.tr("Thông tin"))
            self.history = HistoryView(ctx, runner, worker_id)
            self.tabs.addTab(self.history, self.tr("Lịch sử thay đổi"))
            self.tabs.currentChanged.connect(
                lambda i: self.history.load() if self.tabs.widget(i) is self.history else None)
            from .widgets.consent_view import ConsentView

            self.consents = ConsentView(ctx, runner, worker_id)
            self.tabs.insertTab(1, self.consents, self.tr("Đồng ý"))
            self.consents.changed.connect(self.validate)
            self.consents.load()
            layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)
        self.resize(1060, self.sizeHint().height())

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(VALIDATE_DELAY_MS)
        self._timer.timeout.connect(self.validate)
        self.fields.edited.connect(self._on_edited)
        self.fields.widgets["full_name"].setFocus()
        if worker_id is not None:
            self._load(worker_id)
        else:
            if lookups.home_commune:
                # The office serves one commune: that is where a new person lives, nearly
                # always. Pre-filled before the snapshot, so closing asks nothing.
                self.fields.widgets["commune_code"].set_code(lookups.home_commune)
                self._snapshot = self.fields.values()
            self.fields.setEnabled(True)
            QTimer.singleShot(0, self, self.loaded.emit)  # context: dropped if the form is gone

    # -- loading ----------------------------------------------------------------------------
    def _load(self, worker_id: str) -> None:
        self.fields.setEnabled(False)
        ctx = self.ctx
        self.runner.run(lambda: get_worker(ctx, worker_id), self._loaded, parent=self)

    def _loaded(self, values: dict) -> None:
        self.fields.set_values(values)
        self.fields.setEnabled(True)
        self._snapshot = self.fields.values()
        self._checked_id = values.get("national_id")
        self.setWindowTitle(self.tr("Sửa thông tin: {0}").format(values.get("full_name", "")))
        self.validate()
        self.fields.widgets["full_name"].setFocus()
        self.loaded.emit()

    # -- validation -------------------------------------------------------------------------
    def _on_edited(self, field: str) -> None:
        self.touched.add(field)
        self._timer.start()

    def validate(self) -> dict[str, str]:
        """Check every field with the domain rules; show messages for what the clerk touched."""
        self._timer.stop()
        clean, errors = clean_worker(self.fields.values(), self.refs)
        messages = {name: str(err) for name, err in errors.items()}
        birth = clean.get("birth_date")
        year_edit = self.fields.widgets["birth_year"]
        year_edit.setEnabled(birth is None)
        if birth is not None:
            year_edit.setText(str(birth.year))
        shown = None if self._show_all else self.touched | self._existing_fields()
        self.fields.show_errors(messages, shown)
        self._check_duplicate(clean.get("national_id") if "national_id" not in errors else None)
        self._check_consent(clean)
        return messages

    def _check_consent(self, clean: dict) -> None:
        warning = (self.consents.warning_for(clean) if self.consents is not None
                   else consent_warning(needs_consent(clean), False))
        self.consent_warning.setText("" if warning is None else
                                     warning[current_language() == "en"])
        self.consent_warning.setVisible(warning is not None)

    def _existing_fields(self) -> set[str]:
        # Editing a stored worker: every field is "touched" (it holds data already).
        return set(FORM_ORDER) if self.worker_id is not None else set()

    def _check_duplicate(self, national_id: str | None) -> None:
        if national_id == self._checked_id:
            return
        self._checked_id = national_id
        if not national_id:
            self._show_duplicate(None)
            return
        ctx, exclude = self.ctx, self.worker_id

        def find() -> tuple[str, str, str] | None:
            other = national_id_holder(ctx, national_id, exclude)
            return None if other is None else (other[0], other[1], format_date(other[2]))

        def found(result: tuple[str, str, str] | None) -> None:
            if national_id != self._checked_id:
                return  # the clerk typed on meanwhile
            if result is None:
                self._show_duplicate(None)
                return
            other_id, name, born = result
            text = self.tr("Số CCCD {0} đã có trong danh sách: <b>{1}</b>").format(
                national_id, name)
            if born:
                text += self.tr(", sinh ngày {0}").format(born)
            self._show_duplicate(other_id, text + ".")

        self.runner.run(find, found, parent=self)

    def _show_duplicate(self, other_id: str | None, text: str = "") -> None:
        self.duplicate_id = other_id
        self.dup_label.setText(text)
        self.dup_frame.setVisible(other_id is not None)

    def _open_duplicate(self) -> None:
        if self.duplicate_id:
            self.open_requested.emit(self.duplicate_id)

    # -- saving -----------------------------------------------------------------------------
    def save(self) -> None:
        if self._saving or not self.fields.isEnabled():
            return
        self._show_all = True
        messages = self.validate()
        if messages:
            first = next(f for f in FORM_ORDER if f in messages)
            self.fields.focus_widget(first).setFocus()
            self.general_error.setText(self.tr("Chưa lưu: còn {0} ô cần sửa (tô đỏ).")
                                       .format(len(messages)))
            return
        if self.duplicate_id is not None:
            self.general_error.setText(self.tr("Chưa lưu: số CCCD đã thuộc về người khác."))
            self.fields.focus_widget("national_id").setFocus()
            return
        self.general_error.clear()
        raw, ctx, worker_id = self.fields.values(), self.ctx, self.worker_id
        self._saving = True
        self.save_button.setEnabled(False)

        def work() -> str:
            if worker_id is None:
                return create_worker(ctx, raw)
            update_worker(ctx, worker_id, raw)
            return worker_id

        self.runner.run(work, self._saved, self._save_failed,
                        label=self.tr("Đang lưu…"), parent=self)

    def _saved(self, worker_id: str) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.worker_id = worker_id
        self._snapshot = self.fields.values()
        self.saved.emit(worker_id)
        super().accept()

    def _save_failed(self, exc: BaseException) -> bool:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, DuplicateError):
            self._checked_id = None
            self._show_duplicate(exc.existing_id, str(exc))
            self.general_error.setText(self.tr("Chưa lưu: số CCCD đã thuộc về người khác."))
            return True
        if isinstance(exc, ValidationError):
            errors = getattr(exc, "all_errors", None) or {exc.field: exc}
            self.fields.show_errors({k: str(v) for k, v in errors.items()})
            self.general_error.setText(str(exc))
            return True
        return False  # the task runner shows it (message box or crash dialog)

    # -- leaving ----------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self.fields.values() != self._snapshot

    def accept(self) -> None:
        # Enter in a field lands here through the default button: save, never just close.
        self.save()

    def reject(self) -> None:
        if self._saving:
            return
        if self.is_dirty():
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Chưa lưu"),
                              self.tr("Thông tin vừa nhập chưa được lưu. Lưu lại không?"),
                              QMessageBox.StandardButton.Save
                              | QMessageBox.StandardButton.Discard
                              | QMessageBox.StandardButton.Cancel, self)
            box.setDefaultButton(QMessageBox.StandardButton.Save)
            answer = box.exec()
            if answer == QMessageBox.StandardButton.Save:
                self.save()
                return
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
