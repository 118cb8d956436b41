"""The pages of the left navigation, in order.

A page is a QWidget whose constructor is ``Page(ctx: ServiceContext, runner: TaskRunner,
parent=None)``. The main window calls these optional methods when they exist:
``refresh()`` (F5 and on showing), ``new_item()`` (Ctrl+N), ``focus_search()`` (Ctrl+F),
``save()`` (Ctrl+S). A page whose module is ``None`` shows a "coming" placeholder.
The first page (shown at start) also takes ``start=``: the ``services.quick_start.StartData``
read before the window was built, if any.
Adding a page = one line here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # translated with QCoreApplication.translate("pages", title)
    target: str | None  # "module:Class" inside sonla_desktop.ui.pages, or None
    hub_only: bool = False  # hidden in the navigation of a commune office


PAGES: tuple[PageSpec, ...] = (
    PageSpec("workers", QT_TRANSLATE_NOOP("pages", "Người lao động"), "workers_page:WorkersPage"),
    PageSpec("loans", QT_TRANSLATE_NOOP("pages", "Khoản vay"), "loans_page:LoansPage"),
    PageSpec("events", QT_TRANSLATE_NOOP("pages", "Hội nghị tư vấn"), "events:EventsPage"),
    PageSpec("reports", QT_TRANSLATE_NOOP("pages", "Báo cáo"), "reports_page:ReportsPage"),
    PageSpec("sync", QT_TRANSLATE_NOOP("pages", "Đồng bộ"), "sync_page:SyncPage"),
    PageSpec("settings", QT_TRANSLATE_NOOP("pages", "Cài đặt"), "settings_page:SettingsPage"),
    PageSpec("backup", QT_TRANSLATE_NOOP("pages", "Sao lưu"), "backup_page:BackupPage"),
    PageSpec("audit", QT_TRANSLATE_NOOP("pages", "Nhật ký"), "audit_page:AuditPage"),
    PageSpec("documents", QT_TRANSLATE_NOOP("pages", "Kiểm tra giấy tờ"),
             "document_check_page:DocumentCheckPage"),
    # The hub's pages (issue #16): the province by commune, people registered twice.
    PageSpec("province", QT_TRANSLATE_NOOP("pages", "Toàn tỉnh"), "province_page:ProvincePage",
             hub_only=True),
    PageSpec("duplicates", QT_TRANSLATE_NOOP("pages", "Trùng người"),
             "duplicates_page:DuplicatesPage", hub_only=True),
    PageSpec("users", QT_TRANSLATE_NOOP("pages", "Tài khoản"), "users_page:UsersPage"),
)
