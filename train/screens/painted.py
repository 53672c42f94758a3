"""Window makers for things drawn with QPainter: bar, line and pie charts, clocks, and the
toy eyes that X11 desktops run (a drawing with no text but the title bar's).

Each painted widget keeps `drawn`, the (text, rect, role) of every text it painted, so that
the record holds exactly what is on screen.
"""

from __future__ import annotations

import math
import random

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QWidget

from train.screens import words as w
from train.screens.look import Look
from train.screens.parts import Built, maybe

_SERIES_COLORS = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
                  "#b07aa1", "#ff9da7"]


class Painted(QWidget):
    """A widget that paints itself and remembers the texts it painted."""

    def __init__(self, look: Look) -> None:
        super().__init__()
        self.look = look
        self.drawn: list[tuple[str, QRect, str]] = []
        self.setAutoFillBackground(True)

    def text(self, painter: QPainter, rect: QRect, flags: int, text: str, role: str) -> None:
        painter.drawText(rect, flags, text)
        self.drawn.append((text, QFontMetrics(painter.font()).boundingRect(rect, flags, text),
                           role))

    def paintEvent(self, event) -> None:
        self.drawn = []
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(self.palette().windowText().color())
        self.paint(painter)
        painter.end()

    def paint(self, painter: QPainter) -> None:
        raise NotImplementedError


class Chart(Painted):
    def __init__(self, look: Look, kind: str, title: str, x_name: str, y_name: str,
                 labels: list[str], values: list[int]) -> None:
        super().__init__(look)
        self.kind, self.title, self.x_name, self.y_name = kind, title, x_name, y_name
        self.labels, self.values = labels, values

    def paint(self, painter: QPainter) -> None:
        font_px = self.look.font_px
        painter.setFont(self.look.qfont(font_px + 4, bold=True))
        width, height = self.width(), self.height()
        self.text(painter, QRect(0, 8, width, font_px * 2), Qt.AlignHCenter, self.title, "heading")
        painter.setFont(self.look.qfont(font_px - 1))
        if self.kind == "pie chart":
            self._pie(painter, QRect(20, font_px * 3, width - 40, height - font_px * 3 - 10))
        else:
            self._axes(painter, QRect(60, font_px * 3, width - 80, height - font_px * 3 - 50))

    def _axes(self, painter: QPainter, area: QRect) -> None:
        top = max(self.values) * 1.15
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawLine(area.bottomLeft(), area.topLeft())
        step = area.width() / len(self.values)
        points = []
        for i, (name, value) in enumerate(zip(self.labels, self.values, strict=True)):
            x = area.left() + step * i
            y = area.bottom() - value / top * area.height()
            if self.kind == "bar chart":
                painter.fillRect(QRectF(x + step * 0.15, y, step * 0.7, area.bottom() - y),
                                 QColor(_SERIES_COLORS[i % len(_SERIES_COLORS)]))
            points.append(QPointF(x + step / 2, y))
            self.text(painter, QRect(int(x), int(y) - 20, int(step), 18), Qt.AlignHCenter,
                      str(value), "value")
            self.text(painter, QRect(int(x), area.bottom() + 4, int(step), 18), Qt.AlignHCenter,
                      name, "axis label")
        if self.kind == "line chart":
            painter.setPen(QPen(QColor(self.look.accent), 2.5))
            painter.drawPolyline(points)
            painter.setPen(self.palette().windowText().color())
        self.text(painter, QRect(area.left(), area.bottom() + 24, area.width(), 18),
                  Qt.AlignHCenter, self.x_name, "axis title")
        painter.save()
        painter.translate(area.left() - 44, area.center().y())
        painter.rotate(-90)  # rotated text: kept out of `drawn`, OCR rarely reads it
        painter.drawText(QRect(-area.height() // 2, 0, area.height(), 18), Qt.AlignHCenter,
                         self.y_name)
        painter.restore()

    def _pie(self, painter: QPainter, area: QRect) -> None:
        side = min(area.height(), area.width() // 2)
        circle = QRect(area.left(), area.top(), side, side)
        total, angle = sum(self.values), 90 * 16
        for i, value in enumerate(self.values):
            span = -round(value / total * 360 * 16)
            painter.setBrush(QColor(_SERIES_COLORS[i % len(_SERIES_COLORS)]))
            painter.drawPie(circle, angle, span)
            angle += span
        painter.setBrush(Qt.NoBrush)
        for i, (name, value) in enumerate(zip(self.labels, self.values, strict=True)):
            y = area.top() + i * 24
            painter.fillRect(QRect(circle.right() + 20, y + 4, 12, 12),
                             QColor(_SERIES_COLORS[i % len(_SERIES_COLORS)]))
            share = round(100 * value / total)
            self.text(painter, QRect(circle.right() + 38, y, area.width() - side - 40, 20),
                      Qt.AlignLeft, f"{name} {share}%", "legend")


def make_chart(rng: random.Random, look: Look, kind: str) -> Built:
    if kind == "pie chart":
        title, x_name, y_name = w.pick(rng, ["Monthly budget", "Where the money goes",
                                             "Time spent"]), "", ""
        labels = rng.sample(w.CATEGORIES, rng.randint(3, 6))
        values = [rng.randint(5, 60) for _ in labels]
    else:
        title, x_name, y_name = w.pick(rng, w.CHART_TOPICS)
        count = rng.randint(4, 8)
        if x_name == "Month":
            start = rng.randrange(12 - count + 1)
            labels = [m[:3] for m in w.MONTHS[start:start + count]]
        elif x_name == "Day":
            labels = [d[:3] for d in w.WEEKDAYS[:count]]
        elif x_name == "Subject":
            labels = w.SUBJECT_NAMES[:min(count, len(w.SUBJECT_NAMES))]
        else:
            labels = [f"W{i + 1}" for i in range(count)]
        top = rng.choice([10, 50, 100, 500, 2000])
        values = [rng.randint(1, top) for _ in labels]
    chart = Chart(look, kind, title, x_name, y_name, labels, values)
    biggest = labels[values.index(max(values))]
    app = w.pick(rng, ["Charts", "Report", "Dashboard", "Spreadsheet"])
    return Built(chart, kind, f"{title} {w.DASH} {app}",
                 {"chart_title": title, "labels": labels, "values": values, "x": x_name,
                  "y": y_name, "biggest": biggest, "smallest":
                  labels[values.index(min(values))]},
                 size=(rng.randint(460, 720), rng.randint(340, 480)))


class Clock(Painted):
    """A clock face; the time and the city written under it unless `digital` is empty, as
    on an analog-only clock (xclock, oclock)."""

    def __init__(self, look: Look, hour: int, minute: int, digital: str, city: str) -> None:
        super().__init__(look)
        self.hour, self.minute, self.digital, self.city = hour, minute, digital, city

    def paint(self, painter: QPainter) -> None:
        width, height = self.width(), self.height()
        side = min(width, height - 70) if self.digital else min(width, height)
        face = QRectF((width - side) / 2 + 10, 10, side - 20, side - 20)
        painter.drawEllipse(face)
        center = face.center()
        radius = face.width() / 2
        for tick in range(12):
            angle = math.radians(tick * 30)
            inner = 0.85 if tick % 3 else 0.75
            painter.drawLine(QPointF(center.x() + math.sin(angle) * radius * inner,
                                     center.y() - math.cos(angle) * radius * inner),
                             QPointF(center.x() + math.sin(angle) * radius * 0.95,
                                     center.y() - math.cos(angle) * radius * 0.95))
        for length, turns, thickness in ((0.5, (self.hour % 12 + self.minute / 60) / 12, 4),
                                         (0.8, self.minute / 60, 2.5)):
            angle = turns * 2 * math.pi
            painter.setPen(QPen(self.palette().windowText().color(), thickness))
            painter.drawLine(center, QPointF(center.x() + math.sin(angle) * radius * length,
                                             center.y() - math.cos(angle) * radius * length))
        if not self.digital:
            return
        painter.setFont(self.look.qfont(self.look.font_px + 8, bold=True))
        self.text(painter, QRect(0, int(face.bottom()) + 8, width, 36), Qt.AlignHCenter,
                  self.digital, "time")
        painter.setFont(self.look.qfont())
        self.text(painter, QRect(0, int(face.bottom()) + 44, width, 22), Qt.AlignHCenter,
                  self.city, "detail")


def make_clock(rng: random.Random, look: Look) -> Built:
    hour, minute = rng.randint(0, 23), rng.randint(0, 59)
    if maybe(rng, 0.35):
        side = rng.randint(120, 260)
        return Built(Clock(look, hour, minute, "", ""), "clock",
                     w.pick(rng, ["xclock", "Clock", "oclock"]), {"time": "", "city": ""},
                     size=(side, side))
    digital = (f"{hour:02d}:{minute:02d}" if maybe(rng, 0.5) else
               f"{hour % 12 or 12}:{minute:02d} {'AM' if hour < 12 else 'PM'}")
    city = w.pick(rng, ["Local time", "London", "Tokyo", "New York", "Berlin", "Sydney"])
    side = rng.randint(240, 340)
    return Built(Clock(look, hour, minute, digital, city), "clock",
                 w.pick(rng, ["Clock", "World Clock", "Clocks"]),
                 {"time": digital, "city": city}, size=(side, side + 70))


class Eyes(Painted):
    """Two eyes, black-rimmed white ovals whose pupils look toward a point (the pointer)."""

    def __init__(self, look: Look, look_at: tuple[float, float]) -> None:
        super().__init__(look)
        self.look_at = look_at

    def paint(self, painter: QPainter) -> None:
        width, height = self.width(), self.height()
        target = QPointF(self.look_at[0] * width, self.look_at[1] * height)
        for i in range(2):
            eye = QRectF(i * width / 2 + width * 0.03, height * 0.05, width * 0.44, height * 0.9)
            painter.setPen(QPen(QColor("#000000"), max(2.0, width * 0.04)))
            painter.setBrush(QColor("#ffffff"))
            painter.drawEllipse(eye)
            center = eye.center()
            dx, dy = target.x() - center.x(), target.y() - center.y()
            reach = min(1.0, math.hypot(dx, dy) / (eye.width() / 2) or 1.0)
            angle = math.atan2(dy, dx)
            pupil = QPointF(center.x() + math.cos(angle) * eye.width() * 0.25 * reach,
                            center.y() + math.sin(angle) * eye.height() * 0.25 * reach)
            painter.setPen(Qt.NoPen)
            painter.setBrush(QColor("#000000"))
            painter.drawEllipse(pupil, eye.width() * 0.12, eye.width() * 0.12)
        painter.setBrush(Qt.NoBrush)


def make_eyes(rng: random.Random, look: Look) -> Built:
    width = rng.randint(120, 300)
    eyes = Eyes(look, (rng.uniform(-1, 2), rng.uniform(-1, 2)))
    return Built(eyes, "eyes", w.pick(rng, ["xeyes", "Eyes", "eyes"]), {},
                 size=(width, round(width * rng.uniform(0.55, 0.9))))
