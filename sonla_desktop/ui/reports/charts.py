"""The dashboard's charts (QtCharts): departures per month against the target, departures
by market, loans by policy group. Each chart view is built once and refilled on refresh."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

BAR = QColor("#1F4E78")
LINE = QColor("#2E7D32")
TARGET = QColor("#C62828")


class _ChartView(QChartView):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setTitle(title)
        font = QFont(chart.titleFont())
        font.setBold(True)
        chart.setTitleFont(font)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)

    def _reset(self) -> QChart:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        return chart


class MonthChart(_ChartView):
    """Bars: departures each month; green line: running total; red line: the year's target."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Xuất cảnh theo tháng so với chỉ tiêu"), parent)
        self.chart().legend().setAlignment(Qt.AlignmentFlag.AlignBottom)

    def set_data(self, months: Sequence[int], target: int | None) -> None:
        chart = self._reset()
        months = list(months) or [0] * 12
        bars = QBarSet(self.tr("Trong tháng"))
        bars.append([float(n) for n in months])
        bars.setColor(BAR)
        series = QBarSeries()
        series.append(bars)
        chart.addSeries(series)
        running = QLineSeries()
        running.setName(self.tr("Cộng dồn"))
        total = 0
        for i, n in enumerate(months):
            total += n
            running.append(i, total)
        running.setPen(QPen(LINE, 2.5))
        chart.addSeries(running)
        axis_x = QBarCategoryAxis()
        axis_x.append([self.tr("T{0}").format(m) for m in range(1, 13)])
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%d")
        axis_y.setRange(0, max(total, target or 0, 4) * 1.08)
        axis_y.applyNiceNumbers()
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        for s in (series, running):
            s.attachAxis(axis_x)
            s.attachAxis(axis_y)
        if target:
            line = QLineSeries()
            line.setName(self.tr("Chỉ tiêu năm: {0}").format(target))
            line.append(-0.5, target)
            line.append(11.5, target)
            pen = QPen(TARGET, 2)
            pen.setStyle(Qt.PenStyle.DashLine)
            line.setPen(pen)
            chart.addSeries(line)
            line.attachAxis(axis_x)
            line.attachAxis(axis_y)


class CategoryChart(_ChartView):
    """Horizontal bars, one per category (largest at the top)."""

    def __init__(self, title: str, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.empty_text = empty_text
        self.chart().legend().hide()

    def set_data(self, items: Sequence[tuple[str, int]]) -> None:
        chart = self._reset()
        items = list(items)
        if not items:
            items = [(self.empty_text, 0)]
        items = items[::-1]  # Qt draws the first category at the bottom
        bars = QBarSet("")
        bars.append([float(n) for _, n in items])
        bars.setColor(BAR)
        bars.setLabelColor(QColor("#FFFFFF"))
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsInsideEnd)
        chart.addSeries(series)
        axis_y = QBarCategoryAxis()
        axis_y.append([label for label, _ in items])
        axis_x = QValueAxis()
        axis_x.setLabelFormat("%d")
        axis_x.setRange(0, max(max(n for _, n in items), 4) * 1.08)
        axis_x.applyNiceNumbers()
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_y)
        series.attachAxis(axis_x)
