"""The "Hội nghị tư vấn" page: conferences on the left; the chosen one's details, the
registration-at-the-door panel and its attendee list on the right."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.text import fold
from ...services.attendance import list_attendees, remove_attendance, set_follow_up
from ...services.context import ServiceContext
from ...services.events import (
    EventRow,
    commune_choices,
    delete_event,
    list_events,
    market_labels,
    village_names,
)
from ..events.dialogs import ContactsDialog, EventDialog, FollowUpDialog
from ..events.files import EventFiles
from ..events.flyer_editor import FlyerEditor
from ..events.models import attendee_model, event_model, make_table
from ..events.registration import RegistrationPanel
from ..tasks import TaskRunner

# #, name, birth year, sex, phone, village, market, follow-up, status (pixels at 10 pt).
ATTENDEE_WIDTHS = (38, 165, 72, 68, 110, 120, 100, 85, 100)


class EventsPage(QWidget):
    def __init__(self, ctx: ServiceContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self.communes: list[tuple[str, str]] = []
        self.default_commune: str | None = None
        self.markets: dict[str, str] = {}
        self.current: EventRow | None = None
        self._all_events: list[EventRow] = []
        self.files = EventFiles(ctx, runner, self)
        self._build()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.events = event_model(self)
        self.events_view = make_table(self.events)
        self.events_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        header = self.events_view.horizontalHeader()
        header.setStretchLastSection(False)
        # The topic takes what the date, the place and the head count leave (at 1366×768 it
        # was cut to "Tư vấn đi làm việ…"); a cut topic shows whole in its tooltip.
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self.events_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.events_view.setWordWrap(False)
        self.events_view.selectionModel().currentRowChanged.connect(self._event_chosen)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Tìm hội nghị (không cần dấu)…"))
        self.search.textChanged.connect(self._filter)
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("&Hội nghị mới"), self.new_item),
                           (self.tr("&Sửa"), self.edit_event), (self.tr("Xoá"), self.delete_event)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.events_view, 1)
        tools = QHBoxLayout()
        for text, slot in ((self.tr("Người cần liên hệ lại…"), self.show_follow_up),
                           (self.tr("Tờ rơi…"), self.open_flyer),
                           (self.tr("Liên hệ trên tờ rơi…"), self.edit_contacts)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            tools.addWidget(button)
        left_layout.addLayout(tools)

        self.title = QLabel(self.tr("Chọn một hội nghị, hoặc thêm hội nghị mới (Ctrl+N)."))
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.title.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.detail_buttons: list[QPushButton] = []
        actions = QHBoxLayout()
        for text, slot in ((self.tr("&Nhập danh sách từ Excel…"), self.import_excel),
                           (self.tr("&In danh sách ký tên…"), self.print_sheet),
                           (self.tr("Tờ &rơi cho hội nghị…"), self.open_event_flyer)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            actions.addWidget(button)
            self.detail_buttons.append(button)
        actions.addStretch(1)
        self.panel = RegistrationPanel(self.ctx, self.runner)
        self.panel.saved.connect(lambda _: self._reload_current())
        self.numbers: dict[str, int] = {}
        self.attendees = attendee_model(self.markets, self.numbers, self)
        self.attendees_view = make_table(self.attendees)
        self.attendees_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest on top
        self.attendees_view.setWordWrap(False)
        people_header = self.attendees_view.horizontalHeader()
        # Fixed, sensible widths rather than "fit the longest cell": the name, year and sex
        # stay in view at 1366×768; longer cells end in "…" and show whole in a tooltip.
        people_header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        people_header.setStretchLastSection(False)
        for column, width in enumerate(ATTENDEE_WIDTHS):
            self.attendees_view.setColumnWidth(column, width)
        self.attendees_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for text, shortcut, slot in ((self.tr("Bỏ khỏi danh sách hội nghị"),
                                      QKeySequence(Qt.Key.Key_Delete), self.remove_attendee),
                                     (self.tr("Đổi “liên hệ lại”"), QKeySequence("Ctrl+L"),
                                      self.toggle_follow_up)):
            action = QAction(text, self.attendees_view)
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.attendees_view.addAction(action)
        self.attendees_title = QLabel(self.tr("Người tham dự"))
        people = QWidget()
        people_layout = QVBoxLayout(people)
        people_layout.setContentsMargins(0, 0, 0, 0)
        people_layout.addWidget(self.attendees_title)
        people_layout.addWidget(self.attendees_view, 1)
        inner = QSplitter()
        inner.setChildrenCollapsible(False)
        inner.addWidget(self.panel)
        inner.addWidget(people)
        inner.setStretchFactor(1, 1)  # a wider window widens the list, not the form
        inner.setSizes([340, 460])
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.details)
        right_layout.addLayout(actions)
        right_layout.addWidget(inner, 1)
        outer = QSplitter()
        outer.setChildrenCollapsible(False)
        outer.addWidget(left)
        outer.addWidget(right)
        outer.setStretchFactor(1, 1)
        outer.setSizes([380, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(outer)
        self._show_event(None)

    # ------------------------------------------------------------------ loading
    def refresh(self, select_id: str | None = None) -> None:
        keep = select_id or (self.current.id if self.current else None)

        def work():
            return list_events(self.ctx), commune_choices(self.ctx), market_labels(self.ctx)

        def done(result) -> None:
            events, (communes, default), markets = result
            self.communes, self.default_commune = communes, default
            self.markets.clear()  # shared with the attendee model's market column
            self.markets.update(markets)
            self._all_events = events
            # An office serving one commune sees its name in every row: that room goes to
            # the topic instead.
            self.events_view.setColumnHidden(1, len({e.commune_code for e in events}) <= 1)
            self._filter()
            self._select(keep)

        self.runner.run(work, done, parent=self)

    def _filter(self) -> None:
        words = fold(self.search.text()).split()
        shown = [e for e in self._all_events
                 if all(w in fold(f"{e.topic} {e.place} {e.commune_name} "
                                  f"{e.event_date:%d/%m/%Y}") for w in words)]
        current = self.current.id if self.current else None
        self.events.set_rows(shown)
        self._select(current)

    def _select(self, event_id: str | None) -> None:
        proxy = self.events_view.model()
        for row in range(proxy.rowCount()):
            source = proxy.mapToSource(proxy.index(row, 0))
            if event_id is None or self.events.row_at(source.row()).id == event_id:
                self.events_view.selectRow(row)
                self._event_chosen(proxy.index(row, 0))
                return
        self._show_event(None)

    def _event_chosen(self, index) -> None:
        if not index.isValid():
            return
        source = self.events_view.model().mapToSource(index)
        event = self.events.row_at(source.row())
        if event is not None and (self.current is None or event.id != self.current.id
                                  or event != self.current):
            self._show_event(event)

    def _show_event(self, event: EventRow | None) -> None:
        self.current = event
        for button in self.detail_buttons:
            button.setEnabled(event is not None)
        if event is None:
            self.details.clear()
            self.attendees.set_rows([])
            self.panel.set_event(None)
            return
        self.title.setText(f"{event.event_date:%d/%m/%Y} – {event.place}, {event.commune_name}")
        parts = [self.tr("Chủ đề: %1").replace("%1", event.topic)]
        if event.markets:
            names = ", ".join(self.markets.get(c, c) for c in event.markets)
            parts.append(self.tr("Thị trường: %1").replace("%1", names))
        if event.counsellors:
            parts.append(self.tr("Người tư vấn: %1").replace("%1", event.counsellors))
        self.details.setText(" · ".join(parts))
        self._load_people(event, reset_panel=True)

    def _load_people(self, event: EventRow, reset_panel: bool) -> None:
        def work():
            return list_attendees(self.ctx, event.id, order="newest"), \
                village_names(self.ctx, event.commune_code)

        def done(result) -> None:
            if self.current is None or self.current.id != event.id:
                return
            people, villages = result
            self.numbers.clear()
            self.numbers.update({p.attendance_id: len(people) - i for i, p in enumerate(people)})
            self.attendees.set_rows(people)
            self.attendees_title.setText(self.tr("Người tham dự: %n", "", len(people)))
            if reset_panel:
                market_words = sorted(set(self.markets.values()))
                self.panel.set_event(event, len(people), villages, market_words)
            else:
                self.panel.set_count(len(people))
                # Keep the conference list's head count in step without reloading it (a
                # reload would reset the form the clerk is typing the next person into).
                updated = replace(event, attendees=len({p.worker_id for p in people}))
                self.events.replace_row(event, updated)
                self._all_events = [updated if e.id == event.id else e for e in self._all_events]
                self.current = updated

        self.runner.run(work, done, parent=self)

    def _reload_current(self) -> None:
        if self.current is not None:
            self._load_people(self.current, reset_panel=False)

    # ------------------------------------------------------------------ page actions
    def new_item(self) -> None:
        self._edit(None)

    def edit_event(self) -> None:
        if self.current is not None:
            self._edit(self.current)

    def _edit(self, event: EventRow | None) -> None:
        dialog = EventDialog(self.ctx, self.runner, self.communes, self.default_commune,
                             self.markets, event, self)
        if dialog.exec() and dialog.saved_id:
            self.current = None
            self.refresh(select_id=dialog.saved_id)

    def save(self) -> None:
        """Ctrl+S: save the person being registered."""
        self.panel.save()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def delete_event(self) -> None:
        event = self.current
        if event is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Xoá hội nghị"),
            self.tr("Xoá hội nghị ngày %1 tại %2? Người tham dự vẫn còn trong danh sách người "
                    "lao động.").replace("%1", f"{event.event_date:%d/%m/%Y}")
            .replace("%2", event.place))
        if answer == QMessageBox.StandardButton.Yes:
            self.runner.run(lambda: delete_event(self.ctx, event.id), lambda _: self._deleted(),
                            parent=self)

    def _deleted(self) -> None:
        self.current = None
        self.refresh()

    def _selected_attendee(self):
        index = self.attendees_view.currentIndex()
        if not index.isValid():
            return None
        return self.attendees.row_at(self.attendees_view.model().mapToSource(index).row())

    def remove_attendee(self) -> None:
        person = self._selected_attendee()
        if person is None:
            return
        answer = QMessageBox.question(self, self.tr("Bỏ khỏi danh sách"), self.tr(
            "Bỏ %1 khỏi danh sách hội nghị này?").replace("%1", person.full_name))
        if answer == QMessageBox.StandardButton.Yes:
            self.runner.run(lambda: remove_attendance(self.ctx, person.attendance_id),
                            lambda _: self._reload_current(), parent=self)

    def toggle_follow_up(self) -> None:
        person = self._selected_attendee()
        if person is not None:
            self.runner.run(lambda: set_follow_up(self.ctx, person.attendance_id,
                                                  not person.follow_up),
                            lambda _: self._reload_current(), parent=self)

    def import_excel(self) -> None:
        if self.current is not None:
            self.files.import_sign_in_sheet(self.current, self.panel.consent.currentData(),
                                            self.refresh)

    def print_sheet(self) -> None:
        if self.current is not None:
            self.files.print_sheet(self.current)

    def open_flyer(self) -> None:
        FlyerEditor(self.ctx, self.runner, self.markets, None, self).exec()

    def open_event_flyer(self) -> None:
        if self.current is not None:
            FlyerEditor(self.ctx, self.runner, self.markets, self.current, self).exec()

    def edit_contacts(self) -> None:
        ContactsDialog(self.ctx, self.runner, self).exec()

    def show_follow_up(self) -> None:
        commune = self.current.commune_code if self.current else self.default_commune
        FollowUpDialog(self.ctx, self.runner, self.communes, self.markets, self.current,
                       commune, self).exec()

