"""Rendering one random screen: pick a scene, build its windows, paint the desktop, record it.

    renderer = Renderer(seed=0)
    image, screen = renderer.render(7)            # QImage and its `Screen` record
    renderer.render(7, kind="calculator")         # one kind on purpose

The same (seed, index, kind) gives the same pixels and the same record.
"""

from __future__ import annotations

import csv
import logging
import os
import random
from collections.abc import Callable, Collection
from functools import partial
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from train.screens import apps, dialogs, painted
from train.screens.describe import describe
from train.screens.desktop import icons, panel, title_bar, title_bar_height, wallpaper
from train.screens.look import Look
from train.screens.parts import Built
from train.screens.probe import probe
from train.screens.record import Box, Screen, TextLine, Window

log = logging.getLogger(__name__)

FLICKR8K = Path(__file__).resolve().parents[3] / "shared" / "data" / "flickr8k"
Maker = Callable[[random.Random, Look], Built]


def flickr_photos(folder: Path = FLICKR8K, names: Collection[str] | None = None
                  ) -> list[tuple[Path, str]]:
    """(photo path, its first caption) for the Flickr8k photos in `names` (all if None),
    sorted by name; none if the data set is not there."""
    if not (folder / "captions.csv").exists():
        log.warning("No Flickr8k at %s: screens will have no photos.", folder)
        return []
    with open(folder / "captions.csv", newline="", encoding="utf-8") as file:
        first: dict[str, str] = {}
        for row in csv.DictReader(file):
            if names is None or row["image"] in names:
                first.setdefault(row["image"], row["caption"].strip(" ."))
    return [(folder / "images" / name, first[name]) for name in sorted(first)]


def makers(photos: list[tuple[Path, str]]) -> dict[str, Maker]:
    """Every window kind the renderer can draw, by name."""
    table: dict[str, Maker] = {}
    for kind in ("info message", "warning", "error message", "question"):
        table[kind] = partial(dialogs.make_message, kind=kind)
    for kind in ("text input", "password input", "number input"):
        table[kind] = partial(dialogs.make_input, kind=kind)
    table.update({
        "progress": dialogs.make_progress, "login form": dialogs.make_login,
        "sign-up form": partial(dialogs.make_login, signup=True),
        "settings": dialogs.make_settings, "file dialog": dialogs.make_file_dialog,
        "list dialog": dialogs.make_list_dialog, "slider dialog": dialogs.make_slider_dialog,
        "form dialog": dialogs.make_form_dialog,
        "notification": dialogs.make_notification, "text editor": apps.make_editor,
        "terminal": apps.make_terminal, "table": apps.make_table,
        "email inbox": apps.make_inbox, "calendar": apps.make_calendar,
        "calculator": apps.make_calculator, "media player": apps.make_player,
        "clock": painted.make_clock, "eyes": painted.make_eyes,
    })
    for kind in apps.WEB_KINDS:  # news, cart, error, recipe, sign-up, product, search
        table[kind] = partial(apps.make_web, kind=kind)
    for kind in ("bar chart", "line chart", "pie chart"):
        table[kind] = partial(painted.make_chart, kind=kind)
    if photos:
        table["image viewer"] = partial(apps.make_image_viewer, photos=photos)
    return table


def _quiet_qt(kind: QtMsgType, context, message: str) -> None:
    # The offscreen platform warns about window hints it cannot honour; nothing else is expected.
    if "propagateSizeHints" not in message:
        log.warning("Qt: %s", message)


class Renderer:
    """Draws screens; one per process, since Qt allows one application object."""

    def __init__(self, seed: int = 0, photo_names: Collection[str] | None = None) -> None:
        """`photo_names` limits the Flickr8k photos shown (image viewers, wallpapers) to those
        names: pass the training split so that validation photos and captions stay unseen."""
        self.seed = seed
        self.photo_names = photo_names
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # read when the app starts
        self.app = QApplication.instance() or QApplication([])
        QApplication.setCursorFlashTime(0)  # a blinking cursor would make pixels vary
        qInstallMessageHandler(_quiet_qt)
        self.photos = flickr_photos(names=photo_names)
        self.makers = makers(self.photos)
        self.kinds = [*self.makers, "overlapping windows", "empty desktop"]

    def render(self, index: int, kind: str | None = None) -> tuple[QImage, Screen]:
        rng = random.Random(f"{self.seed}:{index}")
        kind = kind or rng.choice(self.kinds)
        look = Look.draw(rng)
        look.apply(self.app)
        image = QImage(look.width, look.height, QImage.Format_RGB32)
        painter = QPainter(image)
        photo = rng.choice(self.photos)[0] if self.photos and rng.random() < 0.2 else None
        wallpaper(painter, rng, look, photo)
        bar, desktop_texts = panel(painter, rng, look) if rng.random() < 0.7 else (QRect(), [])
        free = QRect(0, 0, look.width, look.height)
        if bar.isValid():
            free = free.adjusted(0, bar.height(), 0, 0) if bar.top() == 0 else free.adjusted(
                0, 0, 0, -bar.height())
        if kind == "empty desktop" or rng.random() < 0.25:
            desktop_texts += icons(painter, rng, look, free)
        if kind == "overlapping windows":
            others = [k for k in self.makers if k != "notification"]
            window_kinds = rng.sample(others, rng.randint(2, 3))
        else:
            window_kinds = [] if kind == "empty desktop" else [kind]
        windows = [self._window(painter, rng, look, k, free, front=i == len(window_kinds) - 1)
                   for i, k in enumerate(window_kinds)]
        painter.end()
        _hide_covered(windows)
        screen = Screen(name=f"{self.seed}-{index:06d}", seed=self.seed, kind=kind,
                        size=(look.width, look.height), look=look.to_dict(), windows=windows,
                        desktop_texts=desktop_texts)
        screen.descriptions = describe(screen, rng)
        return image, screen

    def _window(self, painter: QPainter, rng: random.Random, look: Look, kind: str,
                free: QRect, front: bool) -> Window:
        built = self.makers[kind](rng, look)
        widget = built.widget
        scale = look.scale
        bar = 0 if built.frameless else title_bar_height(look)
        width, height = _fit_size(built, int(free.width() / scale) - 20,
                                  int((free.height() - bar) / scale) - 20)
        widget.resize(width, height)
        widget.show()
        if front and built.focus is not None:
            # Focus shows (a text cursor, a focus frame) only in the active window.
            widget.activateWindow()
            built.focus.setFocus()
            self.app.processEvents()
        content = QImage(round(width * scale), round(height * scale),
                         QImage.Format_ARGB32_Premultiplied)
        content.fill(widget.palette().window().color())
        # Widgets paint through the painter's scale as vectors: text and lines come out
        # sharp at the scale, as on a high-DPI screen.
        content_painter = QPainter(content)
        content_painter.scale(scale, scale)
        widget.render(content_painter, QPoint())
        content_painter.end()
        outer_w, outer_h = content.width(), content.height() + bar
        x, y = _place(rng, free, outer_w, outer_h, corner=built.frameless,
                      margin=round(16 * scale))
        texts: list[TextLine] = []
        if bar:
            texts.append(title_bar(painter, look, QRect(x, y, outer_w, bar), built.title,
                                   active=front, centered=rng.random() < 0.5))
        painter.drawImage(x, y + bar, content)
        painter.setPen(widget.palette().mid().color())
        painter.drawRect(QRect(x, y, outer_w - 1, outer_h - 1))
        inner = (x, y + bar, x + content.width(), y + bar + content.height())

        def to_screen(rect: QRect) -> Box:
            box = (x + round(rect.left() * scale), y + bar + round(rect.top() * scale),
                   x + round((rect.left() + rect.width()) * scale),
                   y + bar + round((rect.top() + rect.height()) * scale))
            return (max(box[0], inner[0]), max(box[1], inner[1]), min(box[2], inner[2]),
                    min(box[3], inner[3]))

        found, controls, focus = probe(widget, to_screen)
        texts += [t for t in found if t.box[2] > t.box[0] and t.box[3] > t.box[1]]
        widget.close()
        return Window(kind=kind, title=built.title, box=(x, y, x + outer_w, y + outer_h),
                      texts=texts, controls=controls, facts=built.facts,
                      focus=focus if front else None)


def _fit_size(built: Built, room_w: int, room_h: int) -> tuple[int, int]:
    """The window's logical size: the maker's wish, at least what the layout needs, at most
    the room on the desktop; a height of 0 means as tall as the contents at that width."""
    widget, layout = built.widget, built.widget.layout()
    width, height = built.size or (0, 0)
    width = min(max(width, widget.minimumSizeHint().width()), room_w)
    if not height:
        height = (layout.totalHeightForWidth(width) if layout is not None and
                  layout.hasHeightForWidth() else widget.sizeHint().height())
    return width, min(max(height, widget.minimumSizeHint().height()), room_h)


def _place(rng: random.Random, free: QRect, width: int, height: int, corner: bool,
           margin: int) -> tuple[int, int]:
    """Where a window goes: popups in a corner, half the rest centred, the others anywhere."""
    if corner:
        top = rng.random() < 0.5
        return (free.right() - width - margin,
                free.top() + margin if top else free.bottom() - height - margin)
    if rng.random() < 0.5:
        return free.center().x() - width // 2, free.center().y() - height // 2
    return (rng.randint(free.left(), max(free.left(), free.right() - width)),
            rng.randint(free.top(), max(free.top(), free.bottom() - height)))


def _hide_covered(windows: list[Window]) -> None:
    """Drop what a window in front hides: text and controls whose middle it covers."""
    def covered(box: Box, later: list[Window]) -> bool:
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        return any(o.box[0] <= cx < o.box[2] and o.box[1] <= cy < o.box[3] for o in later)

    for i, window in enumerate(windows):
        later = windows[i + 1:]
        window.texts = [t for t in window.texts if not covered(t.box, later)]
        window.controls = [c for c in window.controls if not covered(c.box, later)]

