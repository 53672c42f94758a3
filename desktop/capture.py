"""Screen capture through Qt: every monitor, the one under the pointer, the active window, or
the area around the pointer. A capture that comes back black is reported, not described.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QCursor, QGuiApplication, QImage, QPainter

log = logging.getLogger(__name__)

# Around the pointer: big enough for a dialog or a paragraph, small enough to stay on topic.
POINTER_AREA = (800, 500)


class CaptureError(Exception):
    """The screen could not be captured; the message says why, for the user."""


def _screens_for(monitors: str):
    screens = QGuiApplication.screens()
    if not screens:
        raise CaptureError("No screen was found to capture.")
    if monitors == "pointer":
        under = QGuiApplication.screenAt(QCursor.pos())
        return [under or QGuiApplication.primaryScreen()]
    return screens


def grab_desktop(monitors: str = "all") -> tuple[QImage, QRect]:
    """The chosen monitors as one image, and their area in desktop coordinates (monitors left
    of or above the primary one have negative coordinates)."""
    screens = _screens_for(monitors)
    area = QRect()
    for screen in screens:
        area = area.united(screen.geometry())
    canvas = QImage(area.size(), QImage.Format_RGB32)
    canvas.fill(0)
    painter = QPainter(canvas)
    try:
        for screen in screens:
            shot = screen.grabWindow(0)
            if shot.isNull():
                raise CaptureError("The screen could not be captured; the desktop refused it.")
            geometry = screen.geometry()
            painter.drawPixmap(QRect(geometry.topLeft() - area.topLeft(), geometry.size()), shot)
    finally:
        painter.end()
    return canvas, area


def capture(target: str, monitors: str = "all") -> QImage:
    """`target` is "screen", "window" or "pointer"."""
    desktop, area = grab_desktop("all" if target != "screen" else monitors)
    if target == "screen":
        image = desktop
    else:
        region = _active_window_rect() if target == "window" else _pointer_rect()
        region = region.intersected(area) if region is not None else area
        image = desktop.copy(region.translated(-area.topLeft()))
    if is_blank(image):
        raise CaptureError("The capture came back black: a screen curtain or protected "
                           "content may be hiding the screen, so there is nothing to describe.")
    return image


def _pointer_rect() -> QRect:
    width, height = POINTER_AREA
    return QRect(QCursor.pos() - QPoint(width // 2, height // 2), QRect(0, 0, width, height).size())


def _active_window_rect() -> QRect | None:
    """The focused window's frame on X11; None elsewhere (then the whole screen is used)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        from Xlib import X, display

        xdisplay = display.Display()
        try:
            root = xdisplay.screen().root
            active = root.get_full_property(xdisplay.intern_atom("_NET_ACTIVE_WINDOW"),
                                            X.AnyPropertyType)
            if not active or not active.value or not active.value[0]:
                return None
            window = xdisplay.create_resource_object("window", active.value[0])
            geometry = window.get_geometry()
            origin = window.translate_coords(root, 0, 0)
            return QRect(-origin.x, -origin.y, geometry.width, geometry.height)
        finally:
            xdisplay.close()
    except Exception as error:  # no X server, or a window manager without EWMH
        log.info("active window unknown (%s); capturing the screen", error)
        return None


def is_blank(image: QImage) -> bool:
    """True when the image is black all over (allowing for a little noise)."""
    small = image.scaled(64, 40).convertToFormat(QImage.Format_Grayscale8)
    data = bytes(small.constBits())[: small.sizeInBytes()]
    return max(data) < 12 if data else True
