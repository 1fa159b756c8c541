"""A live plot of training and validation loss per epoch (Qt Charts: it ships in the PySide6 wheel the app
already depends on, so the plot costs no new package and follows the app's palette and translations)."""

from __future__ import annotations

import math

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QWidget

LN2 = math.log(2)


class LossPlot(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setLocalizeNumbers(True)  # 2,5 in Spanish
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.train = QLineSeries()
        self.train.setName(self.tr("Training loss"))
        self.valid = QLineSeries()
        self.valid.setName(self.tr("Validation loss"))
        pen = QPen(self.valid.pen())
        pen.setWidthF(2.5)
        self.valid.setPen(pen)
        self.x_axis, self.y_axis = QValueAxis(), QValueAxis()
        self.x_axis.setTitleText(self.tr("Epoch"))
        self.x_axis.setLabelFormat("%.0f")
        self.x_axis.setTickType(QValueAxis.TickType.TicksDynamic)  # whole epochs only: no label twice
        self.x_axis.setTickAnchor(0)
        # in bits, as the result is given (a token is one note, rest or hold, so per token is per note)
        self.y_axis.setTitleText(self.tr("bits per note (lower is better)"))
        self.y_axis.setLabelFormat("%.1f")
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self.train, self.valid):
            chart.addSeries(series)
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(200)
        self.clear()

    def clear(self) -> None:
        self.train.clear()
        self.valid.clear()
        self._rescale()

    def add_step(self, epoch_position: float, loss: float) -> None:
        """The running training loss (nats per token, as training reports it) at a fraction of the way through
        training (epoch 1.5 = half of epoch 2); shown in bits."""
        self.train.append(epoch_position, loss / LN2)
        self._rescale()

    def add_epoch(self, epoch: int, train_loss: float, valid_loss: float) -> None:
        self.train.append(float(epoch), train_loss / LN2)
        self.valid.append(float(epoch), valid_loss / LN2)
        self._rescale()

    def epoch_labels(self) -> list[float]:
        """The epochs the x axis labels (whole numbers, each once)."""
        high, step = self.x_axis.max(), self.x_axis.tickInterval()
        return [i * step for i in range(int(high // step) + 1)]

    def point_count(self) -> int:
        return self.train.count() + self.valid.count()

    def _rescale(self) -> None:
        points = [p for s in (self.train, self.valid) for p in s.points()]
        if not points:
            self.x_axis.setTickInterval(1)
            self.x_axis.setRange(0, 1)
            self.y_axis.setRange(0, 8)
            return
        xs, ys = [p.x() for p in points], [p.y() for p in points]
        last = max(1, math.ceil(max(xs)))
        self.x_axis.setTickInterval(max(1, math.ceil(last / 8)))
        self.x_axis.setRange(0, last)
        low, high = min(ys), max(ys)
        pad = max(0.1, (high - low) * 0.08)
        self.y_axis.setRange(max(0.0, low - pad), high + pad)
