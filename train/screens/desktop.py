"""The desktop around the windows: wallpaper, a panel with a clock, and window title bars.

Everything here paints onto the screenshot QImage in screen pixels and returns the text it
drew as `TextLine`s, so the record keeps the desktop's own words too.
"""

from __future__ import annotations

import random
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QLinearGradient, QPainter, QPen

from train.screens import words as w
from train.screens.look import Look
from train.screens.record import Box, TextLine


def _box(rect: QRect) -> Box:
    return rect.left(), rect.top(), rect.right() + 1, rect.bottom() + 1


def wallpaper(painter: QPainter, rng: random.Random, look: Look, photo: Path | None) -> None:
    """A two-colour gradient, or a photo stretched over the screen."""
    screen = QRect(0, 0, look.width, look.height)
    if photo is not None:
        image = QImage(str(photo))
        if not image.isNull():
            painter.setRenderHint(QPainter.SmoothPixmapTransform)
            painter.drawImage(screen, image)
            return
    gradient = QLinearGradient(0, 0, rng.uniform(0, look.width), look.height)
    hue = rng.randrange(360)
    gradient.setColorAt(0, QColor.fromHsv(hue, rng.randint(60, 200), rng.randint(90, 230)))
    gradient.setColorAt(1, QColor.fromHsv((hue + rng.randint(20, 120)) % 360,
                                          rng.randint(60, 200), rng.randint(30, 160)))
    painter.fillRect(screen, gradient)


def panel(painter: QPainter, rng: random.Random, look: Look) -> tuple[QRect, list[TextLine]]:
    """A task bar at the top or bottom with a few app names and the time; returns its area."""
    height = round(30 * look.scale)
    top = rng.random() < 0.4
    area = QRect(0, 0 if top else look.height - height, look.width, height)
    dark = look.dark or rng.random() < 0.6
    painter.fillRect(area, QColor("#1c1c1c" if dark else "#e6e6e6"))
    painter.setPen(QColor("#f0f0f0" if dark else "#1a1a1a"))
    painter.setFont(look.qfont(round(look.font_px * look.scale)))
    metrics = QFontMetrics(painter.font())
    texts, x = [], round(10 * look.scale)
    for name in rng.sample(w.APPS, rng.randint(0, 4)):
        rect = metrics.boundingRect(name)
        rect.moveCenter(QPoint(x + rect.width() // 2, area.center().y()))
        painter.drawText(rect, Qt.AlignCenter, name)
        texts.append(TextLine(name, _box(rect), "panel"))
        x = rect.right() + round(24 * look.scale)
    time = w.clock_time(rng)
    rect = metrics.boundingRect(time)
    rect.moveCenter(area.center())
    rect.moveRight(look.width - round(12 * look.scale))
    painter.drawText(rect, Qt.AlignCenter, time)
    texts.append(TextLine(time, _box(rect), "clock"))
    return area, texts


def title_bar(painter: QPainter, look: Look, rect: QRect, title: str, active: bool,
              centered: bool) -> TextLine:
    """A window manager's title bar with the title and minimise, maximise and close glyphs."""
    if look.dark:
        back, fore = ("#3c3f44", "#f2f2f2") if active else ("#2a2c30", "#9a9a9a")
    else:
        back, fore = ("#d6d6d6", "#1a1a1a") if active else ("#ececec", "#8a8a8a")
    painter.fillRect(rect, QColor(back))
    painter.setFont(look.qfont(round(look.font_px * look.scale), bold=active))
    metrics = QFontMetrics(painter.font())
    glyph = round(rect.height() * 0.3)
    room = rect.adjusted(round(12 * look.scale), 0, -(glyph * 3 * 3 + 10), 0)
    text = metrics.elidedText(title, Qt.ElideRight, room.width())
    drawn = metrics.boundingRect(room, Qt.AlignVCenter | (Qt.AlignHCenter if centered else
                                                           Qt.AlignLeft), text)
    painter.setPen(QColor(fore))
    painter.drawText(drawn, Qt.AlignCenter, text)
    painter.setPen(QPen(QColor(fore), max(1.0, 1.3 * look.scale)))
    y = rect.center().y()
    for i in range(3):  # close, maximise, minimise from the right
        x = rect.right() - glyph * (3 * i + 2)
        if i == 0:
            painter.drawLine(QPointF(x - glyph / 2, y - glyph / 2), QPointF(x + glyph / 2,
                                                                            y + glyph / 2))
            painter.drawLine(QPointF(x - glyph / 2, y + glyph / 2), QPointF(x + glyph / 2,
                                                                            y - glyph / 2))
        elif i == 1:
            painter.drawRect(QRect(x - glyph // 2, y - glyph // 2, glyph, glyph))
        else:
            painter.drawLine(QPointF(x - glyph / 2, y + glyph / 2), QPointF(x + glyph / 2,
                                                                            y + glyph / 2))
    return TextLine(text, _box(drawn), "title")


def icons(painter: QPainter, rng: random.Random, look: Look, area: QRect) -> list[TextLine]:
    """A column of desktop icons with their names, down the left edge of `area`."""
    names = ["Home", "Trash", *rng.sample(w.FOLDERS, 2), w.file_name(rng), w.file_name(rng)]
    size, gap = round(40 * look.scale), round(86 * look.scale)
    painter.setFont(look.qfont(round((look.font_px - 1) * look.scale)))
    metrics = QFontMetrics(painter.font())
    texts = []
    for i, name in enumerate(names[:rng.randint(0, len(names))]):
        x, y = area.left() + round(20 * look.scale), area.top() + round(16 * look.scale) + i * gap
        if y + gap > area.bottom():
            break
        painter.fillRect(QRect(x + round(12 * look.scale), y, size, size),
                         QColor.fromHsv((i * 47) % 360, 120, 220))
        # Desktops shorten long names under an icon rather than let them run off the screen.
        name = metrics.elidedText(name, Qt.ElideMiddle, round(100 * look.scale))
        rect = metrics.boundingRect(name)
        rect.moveCenter(QPoint(x + round(12 * look.scale) + size // 2, y + size + rect.height()))
        rect.moveLeft(max(rect.left(), area.left() + 2))
        painter.setPen(QColor("#ffffff"))
        painter.drawText(rect, Qt.AlignCenter, name)
        texts.append(TextLine(name, _box(rect), "icon"))
    return texts
