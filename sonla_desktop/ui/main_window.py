"""The main window shell: title, icon, navigation placeholder, status bar."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from .. import APP_TITLE_VI
from ..services.context import ServiceContext


class MainWindow(QMainWindow):
    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(APP_TITLE_VI)
        self.resize(1280, 720)
        self.setCentralWidget(QLabel("Sơn La – người lao động đi làm việc ở nước ngoài"))
        self.statusBar().showMessage(f"Cơ sở dữ liệu: {ctx.db.url}")
