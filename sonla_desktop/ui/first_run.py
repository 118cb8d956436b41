"""First start on an empty database: office name, communes served, optional demo data."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..db import Database
from ..domain.text import clean_text, fold
from ..errors import current_language
from ..services.context import ServiceContext
from ..services.demo import generate_demo, own_communes
from ..services.lookups import shipped_communes
from ..services.setup import initialise, set_settings
from ..services.status import OFFICE_NAME_SETTING
from .labels import group_digits
from .tasks import TaskRunner

DEMO_WORKERS = 2000


class OfficePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Văn phòng sử dụng chương trình"))
        self.setSubTitle(self.tr("Chương trình cần biết tên văn phòng và các xã/phường bạn "
                                 "phụ trách. Có thể sửa tên sau trong phần Cài đặt."))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("ví dụ: UBND xã Mường Bú"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Gõ tên xã/phường để lọc (không cần dấu)…"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        lang = current_language()
        for choice in shipped_communes():
            item = QListWidgetItem(choice.label(lang))
            item.setData(Qt.ItemDataRole.UserRole, choice.code)
            item.setData(Qt.ItemDataRole.UserRole + 1, choice.search)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.chosen = QLabel()
        self.chosen.setWordWrap(True)
        layout = QVBoxLayout(self)
        name_label = QLabel(self.tr("Tên văn phòng:"))
        name_label.setBuddy(self.name)
        layout.addWidget(name_label)
        layout.addWidget(self.name)
        commune_label = QLabel(self.tr("Xã/phường phụ trách (đánh dấu một hoặc nhiều):"))
        commune_label.setBuddy(self.search)
        layout.addWidget(commune_label)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.chosen)
        self.search.textChanged.connect(self.filter)
        self.search.returnPressed.connect(self._check_single)
        self.name.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.list.itemChanged.connect(self._changed)
        self._changed()

    def filter(self, text: str) -> None:
        words = fold(text).split()
        for i in range(self.list.count()):
            item = self.list.item(i)
            key = item.data(Qt.ItemDataRole.UserRole + 1).split()
            item.setHidden(not all(any(k.startswith(w) for k in key) for w in words))

    def visible_items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())
                if not self.list.item(i).isHidden()]

    def _check_single(self) -> None:
        # Enter with one match left ticks it: type "chieng coi", Enter, done.
        shown = self.visible_items()
        if len(shown) == 1:
            shown[0].setCheckState(Qt.CheckState.Checked)
            self.search.clear()

    def communes(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def _changed(self, *_args) -> None:
        names = [self.list.item(i).text() for i in range(self.list.count())
                 if self.list.item(i).checkState() == Qt.CheckState.Checked]
        self.chosen.setText(self.tr("Đã chọn: {0}").format(", ".join(names)) if names
                            else self.tr("Chưa chọn xã/phường nào."))
        if names and current_language() != "en":  # "Phường Chiềng Cơi" -> "UBND phường …"
            self.name.setPlaceholderText(
                self.tr("ví dụ: {0}").format("UBND " + names[0][:1].lower() + names[0][1:]))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return bool(clean_text(self.name.text())) and bool(self.communes())


class DemoPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Dữ liệu mẫu"))
        self.setSubTitle(self.tr("Để tập sử dụng, chương trình có thể tạo sẵn danh sách người "
                                 "lao động giả (tên, số CCCD và số điện thoại không có thật)."))
        self.demo = QCheckBox(self.tr("Tạo dữ liệu mẫu ({0} người lao động)")
                              .format(group_digits(DEMO_WORKERS)))
        note = QLabel(self.tr("Không nên tạo dữ liệu mẫu trên máy dùng thật: dữ liệu mẫu "
                              "sẽ lẫn với dữ liệu thật khi đồng bộ lên tỉnh."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.demo)
        layout.addWidget(note)
        layout.addStretch(1)


class FirstRunWizard(QWizard):
    """``accept()`` creates the node (and demo data) off the GUI thread, then closes."""

    initialised = Signal()

    def __init__(self, db: Database, runner: TaskRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner or TaskRunner(self)
        self.setWindowTitle(self.tr("Thiết lập lần đầu"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.office = OfficePage()
        self.demo_page = DemoPage()
        self.addPage(self.office)
        self.addPage(self.demo_page)
        self.resize(640, 560)
        self._working = False

    def accept(self) -> None:
        if self._working:
            return
        self._working = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        name = clean_text(self.office.name.text())
        communes = self.office.communes()
        demo = self.demo_page.demo.isChecked()
        db = self.db

        def work(report) -> None:
            initialise(db, name=name, communes=communes)
            # A brand-new database has no account yet, nothing to protect: set-up acts as the
            # administrator the login dialog creates right after (``ui.app.log_in``).
            ctx = ServiceContext(db, user="admin", role="admin")
            set_settings(ctx, {OFFICE_NAME_SETTING: name})
            if demo:
                generate_demo(ctx, workers=DEMO_WORKERS, progress=report,
                              communes=own_communes(ctx))

        def failed(_exc: BaseException) -> bool:
            self._working = False
            self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
            self.button(QWizard.WizardButton.BackButton).setEnabled(True)
            return False

        self.runner.run(work, self._done, failed, label=self.tr("Đang chuẩn bị dữ liệu…"),
                        parent=self, progress=True)

    def _done(self, _result: object) -> None:
        self._working = False
        self.initialised.emit()
        super().accept()

    def reject(self) -> None:
        if not self._working:
            super().reject()
