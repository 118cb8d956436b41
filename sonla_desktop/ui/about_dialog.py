"""Giới thiệu (About): version, where the data is, this office's node id, and the licences of
what the program ships (fonts and libraries), as the LGPL and the OFL ask of a bundle."""

from __future__ import annotations

import platform
from importlib import metadata
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import __version__, paths

if TYPE_CHECKING:
    from ..services.context import ServiceContext
    from .tasks import TaskRunner

# (shown name, distribution for the version or None, licence). Licences as the projects
# publish them; the full texts travel in the bundle (dist-info folders, resources/fonts/OFL.txt).
COMPONENTS: tuple[tuple[str, str | None, str], ...] = (
    (QT_TRANSLATE_NOOP("AboutDialog", "Phông chữ Noto Sans, Noto Serif"), None,
     "SIL Open Font License 1.1"),
    ("Python", "python", "PSF License 2.0"),
    ("Qt / PySide6", "PySide6-Essentials", "LGPL-3.0"),
    ("SQLAlchemy", "SQLAlchemy", "MIT"),
    ("Alembic", "alembic", "MIT"),
    ("Mako", "Mako", "MIT"),
    ("ReportLab", "reportlab", "BSD"),
    ("openpyxl", "openpyxl", "MIT"),
    ("platformdirs", "platformdirs", "MIT"),
    ("phonenumbers", "phonenumbers", "Apache-2.0"),
    ("PyNaCl (libsodium)", "PyNaCl", "Apache-2.0 (libsodium: ISC)"),
    ("pyrage (age)", "pyrage", "MIT"),
    ("defusedxml", "defusedxml", "PSF License 2.0"),
    ("segno", "segno", "BSD-3-Clause"),
    ("cbor2", "cbor2", "MIT"),
    ("pycose", "pycose", "BSD-3-Clause"),
    ("base45", "base45", "MIT"),
    ("zxing-cpp", "zxing-cpp", "Apache-2.0"),
    ("Pillow", "pillow", "MIT-CMU"),
    ("psycopg", "psycopg", "LGPL-3.0"),
)


def component_version(dist: str | None) -> str:
    if dist is None:
        return "2.004"  # the fonts: resources/fonts/README.md
    if dist == "python":
        return platform.python_version()
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:  # not installed (psycopg is optional)
        return ""


class AboutDialog(QDialog):
    def __init__(self, ctx: ServiceContext, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Giới thiệu"))
        title = QLabel(f"<h2>{self._app_title()}</h2>")
        title.setWordWrap(True)
        icon = QLabel()
        icon.setPixmap(self.windowIcon().pixmap(64, 64))
        head = QHBoxLayout()
        head.addWidget(icon)
        head.addWidget(title, 1)
        blurb = QLabel(self.tr(
            "Quản lý người lao động đi làm việc ở nước ngoài theo hợp đồng, hồ sơ vay vốn ưu "
            "đãi, hội nghị tư vấn và đồng bộ dữ liệu với tỉnh bằng USB."))
        blurb.setWordWrap(True)

        self.version_label = QLabel(__version__)
        self.db_label = QLabel(ctx.db.url.removeprefix("sqlite:///"))
        self.node_label = QLabel("…")
        self.log_label = QLabel(str(paths.log_dir()))
        facts = QFormLayout()
        for text, label in ((self.tr("Phiên bản:"), self.version_label),
                            (self.tr("Cơ sở dữ liệu:"), self.db_label),
                            (self.tr("Mã đơn vị (node):"), self.node_label),
                            (self.tr("Nhật ký lỗi:"), self.log_label),
                            (self.tr("Qt:"), QLabel(qVersion()))):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            facts.addRow(text, label)

        self.licences = QTableWidget(len(COMPONENTS), 3)
        self.licences.setHorizontalHeaderLabels(
            [self.tr("Thành phần"), self.tr("Phiên bản"), self.tr("Giấy phép")])
        for row, (name, dist, licence) in enumerate(COMPONENTS):
            shown = QCoreApplication.translate("AboutDialog", name)
            for col, text in enumerate((shown, component_version(dist), licence)):
                self.licences.setItem(row, col, QTableWidgetItem(text))
        header = self.licences.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.licences.verticalHeader().hide()
        self.licences.verticalHeader().setDefaultSectionSize(22)
        self.licences.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.licences.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.licences.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        own = QLabel(self.tr(
            "Chương trình phát hành theo giấy phép MIT. Toàn văn giấy phép của các thành phần "
            "nằm trong thư mục cài đặt."))
        own.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(blurb)
        layout.addLayout(facts)
        layout.addWidget(QLabel(self.tr("<b>Phông chữ và thư viện kèm theo</b>")))
        layout.addWidget(self.licences, 1)
        layout.addWidget(own)
        layout.addWidget(buttons)
        self.resize(620, 640)

        # The node id is in the database: read on the runner like every other query.
        runner.run(lambda: ctx.node_id, self.node_label.setText, owner=self)

    def _app_title(self) -> str:
        from .main_window import app_title

        return app_title()
