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


# Title bar heights in logical pixels, by the look's decoration.
BAR_HEIGHTS = {"flat": 30, "gradient": 22, "headerbar": 44}


def title_bar_height(look: Look) -> int:
    return round(BAR_HEIGHTS[look.decoration] * look.scale)


def title_bar(painter: QPainter, look: Look, rect: QRect, title: str, active: bool,
              centered: bool) -> TextLine:
    """A window manager's title bar, in the look's decoration, with the title and the
    window buttons."""
    if look.decoration == "gradient":
        return _gradient_bar(painter, look, rect, title, active)
    if look.decoration == "headerbar":
        return _header_bar(painter, look, rect, title, active)
    return _flat_bar(painter, look, rect, title, active, centered)


def _title_text(painter: QPainter, look: Look, room: QRect, title: str, align, fore: str,
                bold: bool, px: int) -> TextLine:
    painter.setFont(look.qfont(px, bold=bold))
    metrics = QFontMetrics(painter.font())
    text = metrics.elidedText(title, Qt.ElideRight, room.width())
    drawn = metrics.boundingRect(room, Qt.AlignVCenter | align, text)
    painter.setPen(QColor(fore))
    painter.drawText(drawn, Qt.AlignCenter, text)
    return TextLine(text, _box(drawn), "title")


def _flat_bar(painter: QPainter, look: Look, rect: QRect, title: str, active: bool,
              centered: bool) -> TextLine:
    """Flat grey, minimise, maximise and close drawn as thin glyphs."""
    if look.dark:
        back, fore = ("#3c3f44", "#f2f2f2") if active else ("#2a2c30", "#9a9a9a")
    else:
        back, fore = ("#d6d6d6", "#1a1a1a") if active else ("#ececec", "#8a8a8a")
    painter.fillRect(rect, QColor(back))
    glyph = round(rect.height() * 0.3)
    room = rect.adjusted(round(12 * look.scale), 0, -(glyph * 3 * 3 + 10), 0)
    line = _title_text(painter, look, room, title,
                       Qt.AlignHCenter if centered else Qt.AlignLeft, fore, active,
                       round(look.font_px * look.scale))
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
    return line


def _gradient_bar(painter: QPainter, look: Look, rect: QRect, title: str,
                  active: bool) -> TextLine:
    """A thin bar shaded in the accent colour, the title in white bold in the middle, a
    window icon on the left and three small boxed buttons on the right."""
    accent = QColor(look.accent if active else "#9ea3a8")
    gradient = QLinearGradient(0, rect.top(), 0, rect.bottom())
    gradient.setColorAt(0, accent.lighter(150))
    gradient.setColorAt(1, accent)
    painter.fillRect(rect, gradient)
    side = round(rect.height() * 0.6)
    y = rect.top() + (rect.height() - side) // 2
    painter.fillRect(QRect(rect.left() + side // 2, y, side, side), QColor("#e8e8e8"))
    painter.setPen(QPen(QColor("#ffffff"), max(1.0, look.scale)))
    for i in range(3):
        painter.drawRect(QRect(rect.right() - (i + 1) * (side + side // 3), y, side, side))
    room = rect.adjusted(2 * side, 0, -4 * (side + side // 3), 0)
    return _title_text(painter, look, room, title, Qt.AlignHCenter,
                       "#ffffff" if active else "#eeeeee", True,
                       round((look.font_px - 1) * look.scale))


def _header_bar(painter: QPainter, look: Look, rect: QRect, title: str,
                active: bool) -> TextLine:
    """A tall bar in the window's own colour, the title bold in the middle and one round
    close button on the right."""
    back = ("#303030" if look.dark else "#ebebeb") if active else (
        "#242424" if look.dark else "#fafafa")
    fore = ("#ffffff" if look.dark else "#2e3436") if active else "#919191"
    painter.fillRect(rect, QColor(back))
    painter.setPen(QColor("#1b1b1b" if look.dark else "#d5d0cc"))
    painter.drawLine(rect.bottomLeft(), rect.bottomRight())
    side = round(rect.height() * 0.5)
    circle = QRect(rect.right() - side - round(rect.height() * 0.3),
                   rect.top() + (rect.height() - side) // 2, side, side)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setPen(Qt.NoPen)
    painter.setBrush(QColor("#4a4a4a" if look.dark else "#dadada"))
    painter.drawEllipse(circle)
    painter.setBrush(Qt.NoBrush)
    cross = side * 0.22
    center = QPointF(circle.center())
    painter.setPen(QPen(QColor(fore), max(1.0, 1.4 * look.scale)))
    painter.drawLine(center + QPointF(-cross, -cross), center + QPointF(cross, cross))
    painter.drawLine(center + QPointF(-cross, cross), center + QPointF(cross, -cross))
    painter.setRenderHint(QPainter.Antialiasing, False)
    room = rect.adjusted(2 * side + 8, 0, -(2 * side + 8), 0)
    return _title_text(painter, look, room, title, Qt.AlignHCenter, fore, True,
                       round(look.font_px * look.scale))


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
