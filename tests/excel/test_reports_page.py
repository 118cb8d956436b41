"""The Báo cáo page, its import dialog and target editor, driven like a clerk would."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook, load_workbook
from report_data import worker
from sqlalchemy import func, select

from sonla_desktop.models import Worker
from sonla_desktop.services.targets import list_targets, set_target
from sonla_desktop.ui.pages.reports_page import ReportsPage
from sonla_desktop.ui.tasks import TaskRunner
from tests.conftest import hub_for_a_moment, make_hub

YEAR = date.today().year


def _open_page(qtbot, ctx):
    worker(ctx, "Lò Văn An", "03670", departure=date(YEAR, 1, 10), market="JP")
    worker(ctx, "Cầm Văn Bình", "03670", departure=date(YEAR, 1, 20), market="KR")
    with hub_for_a_moment(ctx):  # targets, and people of other communes, are the hub's
        worker(ctx, "Hà Văn Cường", "03646", departure=date(YEAR, 3, 3), market="JP")
        set_target(ctx, YEAR, 4)
    runner = TaskRunner()
    widget = ReportsPage(ctx, runner)
    qtbot.addWidget(widget)
    widget.resize(1170, 700)
    widget.show()
    widget.refresh()
    qtbot.waitUntil(lambda: widget.figures is not None, timeout=10000)
    return widget, runner


@pytest.fixture
def page(qtbot, ctx):
    widget, runner = _open_page(qtbot, ctx)
    yield widget
    runner.wait_idle()


@pytest.fixture
def hub_page(qtbot, ctx):
    """The page at the hub, where "Toàn tỉnh" (the first entry) is the whole province."""
    make_hub(ctx.db)
    widget, runner = _open_page(qtbot, ctx)
    yield widget
    runner.wait_idle()


def _show_province(qtbot, page):
    page.figures = None
    page.commune.setCurrentIndex(0)  # "Toàn tỉnh" at the hub
    page.refresh()  # the hub's page starts there: no index change, no signal
    qtbot.waitUntil(lambda: page.figures is not None and page.figures.whole_province,
                    timeout=10000)


def test_page_shows_the_figures_and_charts(qtbot, page, ctx):
    # The test node serves commune 03670: its own figures come first.
    assert page.commune.currentData() == "03670"
    assert page.figures.departures_total == 2


def test_hub_page_shows_the_province_figures_and_charts(qtbot, hub_page):
    page = hub_page
    assert page.commune.currentText() == "Toàn tỉnh"
    _show_province(qtbot, page)
    table = {page.table.item(r, 0).text(): page.table.item(r, 1).text()
             for r in range(page.table.rowCount())}
    assert table["Người xuất cảnh"] == "3"
    assert table["Chỉ tiêu"] == "4"
    assert table["Tỷ lệ hoàn thành"] == "75,0%"
    month = page.month_chart.chart()
    names = [s.name() for s in month.series()]
    assert "Chỉ tiêu năm: 4" in names and "Cộng dồn" in names
    bars = page.market_chart.chart().series()[0].barSets()[0]
    assert [bars.at(i) for i in range(bars.count())] == [1.0, 2.0]  # KR then JP (largest top)


def test_export_buttons_write_reports_templates_and_data(qtbot, hub_page, tmp_path):
    page = hub_page
    _show_province(qtbot, page)
    targets = {"pdf": tmp_path / "r.pdf", "xlsx": tmp_path / "r.xlsx"}
    for fmt, path in targets.items():
        page.export_report(fmt, str(path))
    page.save_template("loans", str(tmp_path / "mau.xlsx"))
    page.export_everything(str(tmp_path / "all.xlsx"))
    qtbot.waitUntil(lambda: all(p.exists() for p in (*targets.values(), tmp_path / "mau.xlsx",
                                                    tmp_path / "all.xlsx")), timeout=15000)
    page.runner.wait_idle()
    assert targets["pdf"].read_bytes().startswith(b"%PDF")
    assert load_workbook(targets["xlsx"])["Báo cáo"]["A1"].value.startswith("BÁO CÁO")
    assert load_workbook(tmp_path / "mau.xlsx").sheetnames[0] == "Khoản vay"
    assert load_workbook(tmp_path / "all.xlsx")["Người lao động"].max_row == 4


def _workers_book(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.title = "Người lao động"
    ws.append(["Họ và tên", "Giới tính", "Xã/Phường", "Ngày sinh"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_import_dialog_lists_errors_saves_a_marked_copy_then_imports(qtbot, page, ctx,
                                                                     tmp_path):
    bad = _workers_book(tmp_path / "bad.xlsx", [["Vì Văn Dũng", "Nam", "Chiềng Cơi", "1/1/1999"],
                                                ["Vì Văn 2", "Nam", "Xã Không Có", None]])
    dialog = page.open_import()
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(bad))
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=10000)
    rows = [[dialog.model.index(r, c).data() for c in range(4)] for r in range(2)]
    assert rows[0][:3] == ["Người lao động", "3", "Họ và tên"]
    assert rows[1][:3] == ["Người lao động", "3", "Xã/Phường"]
    assert dialog.save_errors_button.isEnabled()
    copy = tmp_path / "bad-loi.xlsx"
    dialog.write_errors_copy(str(copy))
    qtbot.waitUntil(copy.exists, timeout=10000)
    page.runner.wait_idle()
    assert load_workbook(copy)["Người lao động"]["C3"].comment is not None

    good = _workers_book(tmp_path / "good.xlsx", [["Vì Văn Dũng", "Nam", "Chiềng Cơi",
                                                   "01/01/1999"]])
    dialog.path_edit.setText(str(good))
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.import_button.click()
    assert dialog.model.rowCount() == 0
    assert "1 người lao động mới" in dialog.status.text()
    with ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Worker)) == 4


def test_target_editor_saves_changed_cells(as_hub, qtbot, page, ctx):
    dialog = page.edit_targets()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 76, timeout=10000)
    model = dialog.model
    assert model.index(0, 0).data() == "Toàn tỉnh" and model.index(0, 2).data() == 4
    assert model.index(0, 3).data() == 3
    row = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == "03670")
    assert model.index(row, 3).data() == 2
    assert model.setData(model.index(row, 2), "12")
    assert not model.setData(model.index(row, 2), "mười")
    assert model.setData(model.index(0, 2), "")  # remove the province target
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save()
    page.runner.wait_idle()
    assert [(t.commune_code, t.departures) for t in list_targets(ctx, YEAR)] == [("03670", 12)]


def test_main_window_opens_the_reports_page(qtbot, ctx):
    from sonla_desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert isinstance(window.show_page("reports"), ReportsPage)
    window.runner.wait_idle()
