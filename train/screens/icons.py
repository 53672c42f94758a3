"""The icon of a message box, as the desktop's icon theme draws it.

Qt's own standard icons are one theme of several a user meets: GNOME's older theme has a light
bulb for information, a "no entry" sign for errors and a blue diamond for questions; flat
themes (Breeze, Windows) draw plain coloured badges; symbolic themes draw outlines in the text
colour. A model that has seen one theme only reads the icon of another as noise, and then
cannot tell a warning from an error or a question.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QLinearGradient, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QStyle

from train.screens.look import Look

DESIGNS = ["style", "style", "badge", "badge", "gnome", "symbolic"]
KINDS = ("info message", "warning", "error message", "question")

_STANDARD = {"info message": QStyle.SP_MessageBoxInformation,
             "warning": QStyle.SP_MessageBoxWarning,
             "error message": QStyle.SP_MessageBoxCritical,
             "question": QStyle.SP_MessageBoxQuestion}
# One colour per kind in every coloured theme, a little varied between themes.
_COLORS = {"info message": ["#3584e4", "#1d99f3", "#0063b1"],
           "warning": ["#f5c211", "#f67400", "#ffb900"],
           "error message": ["#e01b24", "#da4453", "#c42b1c"],
           "question": ["#3584e4", "#5e81ac", "#0078d4"]}
_GLYPHS = {"info message": "i", "warning": "!", "question": "?"}  # an error's cross is drawn


def message_icon(rng: random.Random, look: Look, kind: str, px: int) -> QLabel:
    """A label showing `kind`'s icon at `px` logical pixels, in a theme drawn at random."""
    widget = QLabel()
    widget.setAlignment(Qt.AlignTop)
    widget.setPixmap(icon_pixmap(rng.choice(DESIGNS), look, kind, px, rng))
    return widget


def icon_pixmap(design: str, look: Look, kind: str, px: int, rng: random.Random) -> QPixmap:
    """`kind`'s icon as the theme `design` draws it; `rng` picks a flat badge's colour."""
    if design == "style":
        return QApplication.style().standardIcon(_STANDARD[kind]).pixmap(QSize(px, px),
                                                                         look.scale)
    pixmap = QPixmap(round(px * look.scale), round(px * look.scale))
    pixmap.setDevicePixelRatio(look.scale)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.Antialiasing)
    box = QRectF(1, 1, px - 2, px - 2)
    if design == "badge":
        _badge(painter, box, kind, QColor(rng.choice(_COLORS[kind])))
    elif design == "gnome":
        _gnome(painter, box, kind)
    else:
        ink = QColor("#e8e8e8" if look.dark else "#2e3436")
        _outline(painter, box, kind, ink)
    painter.end()
    return pixmap


def _shape(box: QRectF, kind: str) -> QPainterPath:
    """A warning is a triangle; every other kind a circle."""
    if kind == "warning":
        return _polygon([QPointF(box.center().x(), box.top()), box.bottomRight(),
                         box.bottomLeft()])
    path = QPainterPath()
    path.addEllipse(box)
    return path


def _polygon(corners: list[QPointF]) -> QPainterPath:
    path = QPainterPath()
    path.moveTo(corners[0])
    for corner in corners[1:]:
        path.lineTo(corner)
    path.closeSubpath()
    return path


def _glyph(painter: QPainter, box: QRectF, kind: str, color: QColor) -> None:
    if kind == "error message":
        inset = box.width() * 0.32
        painter.setPen(QPen(color, box.width() * 0.12, Qt.SolidLine, Qt.RoundCap))
        painter.drawLine(box.topLeft() + QPointF(inset, inset),
                         box.bottomRight() - QPointF(inset, inset))
        painter.drawLine(box.topRight() + QPointF(-inset, inset),
                         box.bottomLeft() + QPointF(inset, -inset))
        return
    font = QFont("DejaVu Sans")
    font.setBold(True)
    font.setPixelSize(round(box.height() * (0.5 if kind == "warning" else 0.65)))
    painter.setFont(font)
    painter.setPen(color)
    text_box = box.adjusted(0, box.height() * 0.18, 0, 0) if kind == "warning" else box
    painter.drawText(text_box, Qt.AlignCenter, _GLYPHS[kind])


def _badge(painter: QPainter, box: QRectF, kind: str, color: QColor) -> None:
    painter.setPen(Qt.NoPen)
    painter.setBrush(color)
    painter.drawPath(_shape(box, kind))
    _glyph(painter, box, kind, QColor("#202020" if kind == "warning" else "#ffffff"))


def _outline(painter: QPainter, box: QRectF, kind: str, ink: QColor) -> None:
    painter.setPen(QPen(ink, max(1.5, box.width() * 0.07)))
    painter.setBrush(Qt.NoBrush)
    inner = box.adjusted(2, 2, -2, -2)
    painter.drawPath(_shape(inner, kind))
    _glyph(painter, inner, kind, ink)


def _gnome(painter: QPainter, box: QRectF, kind: str) -> None:
    """GNOME's older theme: a bulb, an orange triangle, a "no entry" sign, a blue diamond."""
    if kind == "info message":
        _bulb(painter, box)
        return
    c = box.center()
    path = (_polygon([QPointF(c.x(), box.top()), QPointF(box.right(), c.y()),
                      QPointF(c.x(), box.bottom()), QPointF(box.left(), c.y())])
            if kind == "question" else _shape(box, kind))
    light, dark = {"warning": ("#fcaf3e", "#ce5c00"), "error message": ("#ef2929", "#a40000"),
                   "question": ("#9ab8e0", "#3465a4")}[kind]
    gradient = QLinearGradient(box.topLeft(), box.bottomLeft())
    gradient.setColorAt(0, QColor(light))
    gradient.setColorAt(1, QColor(dark))
    painter.setPen(QPen(QColor(dark), 1))
    painter.setBrush(gradient)
    painter.drawPath(path)
    if kind == "error message":
        bar = QRectF(box.left() + box.width() * 0.2, box.center().y() - box.height() * 0.08,
                     box.width() * 0.6, box.height() * 0.16)
        painter.setPen(Qt.NoPen)
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(bar, 2, 2)
    else:
        _glyph(painter, box, kind, QColor("#2e3436" if kind == "warning" else "#ffffff"))


def _bulb(painter: QPainter, box: QRectF) -> None:
    glass = QRectF(box.left() + box.width() * 0.2, box.top(), box.width() * 0.6,
                   box.height() * 0.62)
    gradient = QLinearGradient(glass.topLeft(), glass.bottomRight())
    gradient.setColorAt(0, QColor("#ffffff"))
    gradient.setColorAt(1, QColor("#e9e6a0"))
    painter.setPen(QPen(QColor("#888a85"), max(1.0, box.width() * 0.03)))
    painter.setBrush(gradient)
    painter.drawEllipse(glass)
    base = QRectF(box.left() + box.width() * 0.36, glass.bottom() - box.height() * 0.04,
                  box.width() * 0.28, box.height() * 0.3)
    painter.setBrush(QColor("#babdb6"))
    painter.drawRoundedRect(base, 2, 2)
    for step in (0.3, 0.55, 0.8):
        y = base.top() + base.height() * step
        painter.drawLine(QPointF(base.left(), y), QPointF(base.right(), y))
