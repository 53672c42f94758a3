"""The main window: drop, open or paste pictures, or capture the screen, and hear what is there.

Everything is reachable from the keyboard, every control has an accessible name, and each
new description is put in a read-only text area (reviewable word by word with a screen
reader or braille display), announced to the screen reader, and spoken.

Signals:
    description_shown: (str) a description or a message was put in the text area.
"""

from __future__ import annotations

import itertools
import logging
import os
import random
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAction,
    QGuiApplication,
    QIcon,
    QImage,
    QKeySequence,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.capture import CaptureError, capture
from desktop.engine_client import EngineClient
from desktop.history import History
from desktop.settings import Settings
from desktop.settings_dialog import SettingsDialog
from desktop.speech import Speech

log = logging.getLogger(__name__)

IMAGE_FILTER = "Pictures (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff);;All files (*)"
# The window manager needs a moment to take our window off the screen before a capture.
HIDE_DELAY_MS = 150
# "Say it differently" draws this many samples in one batch and says the first that differs
# from what was said last: a model sampled cool (engine: a bundle's sample_temperature) often
# repeats itself, and a user who asked for something different should not hear the same words.
DIFFERENT_DRAWS = 5


def _hotkey_label(combo: str) -> str:
    return "+".join(part.strip("<>").capitalize() for part in combo.split("+"))


class MainWindow(QMainWindow):
    description_shown = Signal(str)

    def __init__(self, engine: EngineClient, settings: Settings, speech: Speech,
                 history: History):
        super().__init__()
        self.engine = engine
        self.settings = settings
        self.speech = speech
        self.history = history
        self._queue: list[tuple[str, str]] = []  # (path, source) still to describe
        self._current: dict | None = None  # the request whose answer we are waiting for
        self._last: dict | None = None  # the last picture described: path, source
        self._last_text = ""
        self._capturing = False
        self._engine_message = "Starting…"
        self._private_dir = tempfile.TemporaryDirectory(prefix="lookaloud-")
        os.chmod(self._private_dir.name, 0o700)
        self._capture_count = 0
        self._quitting = False
        self.tray = None  # the app sets it when the desktop has a system tray

        self.setWindowTitle("Lookaloud")
        self.setAcceptDrops(True)
        self.resize(760, 480)
        self._build_widgets()
        self._build_menus()
        self.refresh_history()

        engine.state_changed.connect(self._on_engine_state)
        engine.described.connect(self._on_described)
        engine.problem.connect(self.report)
        speech.availability_changed.connect(self._on_speech_availability)

    # -- building --------------------------------------------------------------------------

    def _button(self, text: str, name: str, description: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setAccessibleDescription(description)
        button.clicked.connect(slot)
        return button

    def _build_widgets(self) -> None:
        self.drop_hint = QLabel("Drop pictures here, open them with Ctrl+O, paste with Ctrl+V, "
                                "or press a hotkey anywhere to describe the screen.")
        self.drop_hint.setWordWrap(True)
        self.open_button = self._button("&Open pictures…", "Open pictures",
                                        "Choose picture files to describe", self.open_files)
        self.screen_button = self._button("Describe the &screen", "Describe the screen",
                                          "Capture the whole screen and describe it",
                                          lambda: self.capture_and_describe("screen"))
        self.stop_button = self._button("S&top speaking", "Stop speaking",
                                        "Stop the speech at once", self.speech.stop)
        self.settings_button = self._button("Se&ttings…", "Settings",
                                            "Hotkeys, voice, style and history",
                                            self.open_settings)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.screen_button, self.stop_button,
                       self.settings_button):
            buttons.addWidget(button)

        self.description = QPlainTextEdit()
        self.description.setReadOnly(True)
        # Keyboard users and screen readers review the text with the cursor, word by word.
        self.description.setTextInteractionFlags(
            Qt.TextSelectableByKeyboard | Qt.TextSelectableByMouse
        )
        self.description.setTabChangesFocus(True)
        font = self.description.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)  # large print for low-vision readers
        self.description.setFont(font)
        self.description.setAccessibleName("Description")
        self.description.setAccessibleDescription("What Lookaloud said about the last picture")

        self.history_list = QListWidget()
        self.history_list.setAccessibleName("History")
        self.history_list.setWordWrap(True)
        self.history_list.setAccessibleDescription("Recent descriptions, newest first")
        self.history_list.itemActivated.connect(
            lambda item: self.show_text(item.data(Qt.UserRole)))
        self.clear_history_button = self._button("C&lear history", "Clear history",
                                                 "Delete every stored description",
                                                 self.clear_history)
        history_panel = QWidget()
        history_layout = QVBoxLayout(history_panel)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_title = QLabel("&History")
        history_title.setBuddy(self.history_list)
        history_layout.addWidget(history_title)
        history_layout.addWidget(self.history_list, 1)
        history_layout.addWidget(self.clear_history_button)

        splitter = QSplitter()
        splitter.addWidget(self.description)
        splitter.addWidget(history_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.status = QLabel(self._engine_message)
        self.status.setWordWrap(True)
        self.speech_status = QLabel()
        self.speech_status.setWordWrap(True)
        self.speech_status.hide()

        layout = QVBoxLayout()
        layout.addWidget(self.drop_hint)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.speech_status)
        layout.addWidget(self.status)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        order = [self.open_button, self.screen_button, self.stop_button, self.settings_button,
                 self.description, self.history_list, self.clear_history_button]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

    def _action(self, menu, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        describe = self.menuBar().addMenu("&Describe")
        self._action(describe, "&Open pictures…", QKeySequence.Open, self.open_files)
        self._action(describe, "&Paste picture", QKeySequence.Paste, self.paste_image)
        describe.addSeparator()
        self.hotkey_actions: dict[str, QAction] = {}
        for name, text, target in (
            ("hotkey_screen", "Describe the &screen", "screen"),
            ("hotkey_window", "Describe the active &window", "window"),
            ("hotkey_pointer", "Describe around the p&ointer", "pointer"),
            ("hotkey_clipboard", "Describe the &clipboard picture", "clipboard"),
        ):
            self.hotkey_actions[name] = self._action(
                describe, text, None, lambda _=False, t=target: self.capture_and_describe(t))
        self.update_hotkey_labels()
        describe.addSeparator()
        self._action(describe, "Se&ttings…", QKeySequence("Ctrl+,"), self.open_settings)
        self._action(describe, "&Quit", QKeySequence.Quit, self.quit)

        speech = self.menuBar().addMenu("&Speech")
        self._action(speech, "&Stop speaking", QKeySequence("Esc"), self.speech.stop)
        self._action(speech, "&Repeat", QKeySequence("Ctrl+R"), self.repeat)
        self._action(speech, "Say it &differently", QKeySequence("Ctrl+D"), self.say_differently)
        self._action(speech, "&More detail", QKeySequence("Ctrl+M"), self.more_detail)
        self._action(speech, "&Copy description", QKeySequence("Ctrl+Shift+C"),
                     self.copy_description)

    def update_hotkey_labels(self) -> None:
        """Menus show each global hotkey, in the shortcut column, without binding it locally
        (the global listener already hears it, also while this window has focus)."""
        for name, action in self.hotkey_actions.items():
            text = action.text().split("\t")[0]
            action.setText(f"{text}\t{_hotkey_label(self.settings[name])}")

    # -- describing ------------------------------------------------------------------------

    def open_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Open pictures", str(Path.home()),
                                                IMAGE_FILTER)
        self.describe_paths(paths)

    def paste_image(self) -> None:
        clipboard = QGuiApplication.clipboard()
        mime = clipboard.mimeData()
        if mime is not None and mime.hasUrls():
            self.describe_paths([url.toLocalFile() for url in mime.urls() if url.isLocalFile()])
            return
        image: QImage = clipboard.image()
        if image.isNull():
            self.report("The clipboard has no picture in it.")
            return
        self._describe_image(image, "clipboard")

    def describe_paths(self, paths: list[str]) -> None:
        """Describe the pictures one after another; a folder is reported, not opened."""
        self._queue = []
        for path in paths:
            if Path(path).is_dir():
                self.report(f"{Path(path).name} is a folder; drop the pictures in it instead.")
            else:
                self._queue.append((path, Path(path).name))
        self._next()

    def capture_and_describe(self, target: str) -> None:
        """Capture (screen, window, pointer) or take the clipboard, then describe it. A new
        press while one is running replaces it; presses during a capture are dropped."""
        if target == "clipboard":
            self.paste_image()
            return
        if self._capturing:
            return
        self._capturing = True
        self.speech.stop()
        visible = self.isVisible() and not self.isMinimized()
        if visible:
            self.hide()  # the capture must never include our own window
        QTimer.singleShot(HIDE_DELAY_MS if visible else 0,
                          lambda: self._grab(target, restore=visible))

    def _grab(self, target: str, restore: bool) -> None:
        try:
            image = capture(target, self.settings["capture_monitors"])
        except CaptureError as error:
            image = None
            self.report(str(error))
        finally:
            self._capturing = False
            if restore:
                self.setAttribute(Qt.WA_ShowWithoutActivating, True)
                self.show()
                self.setAttribute(Qt.WA_ShowWithoutActivating, False)
        if image is not None:
            self._describe_image(image, target)

    def _describe_image(self, image: QImage, source: str) -> None:
        self._capture_count += 1
        path = Path(self._private_dir.name) / f"{source}-{self._capture_count}.png"
        if not image.save(str(path), "PNG", 100):  # 100: no compression, the fastest save
            self.report("The picture could not be prepared for describing.")
            return
        self._queue = [(str(path), source)]
        self._next()

    def _next(self) -> None:
        if not self._queue:
            return
        path, source = self._queue.pop(0)
        self.status.setText(f"Describing {source}…")
        self._send(path, source)

    def _send(self, path: str, source: str, **options) -> None:
        options = {"style": self.settings["style"], "detail": self.settings["detail"],
                   **options}
        request_id = self.engine.describe(path, **options)
        self._current = {"id": request_id, "path": path, "source": source, **options}

    def _on_described(self, request_id: int, reply: dict) -> None:
        if self._current is None or request_id != self._current["id"]:
            return  # an answer to a request the user has since replaced
        request, self._current = self._current, None
        self.status.setText(self._engine_message)
        if reply.get("ok"):
            text = reply["text"]
            if request.get("samples", 1) > 1:
                samples = reply.get("samples") or [text]
                drawn = samples[1:] or samples  # the first is the description itself
                text = next((t for t in drawn if t != self._last_text), drawn[0])
            if request.get("detail") == "full" and reply.get("details"):
                text = reply["details"]
            self._replace_last(request)
            self.show_text(text, speak=True)
            self._remember(text, request)
        else:
            self.report(reply.get("error") or "The picture could not be described.")
        self._next()

    def _replace_last(self, request: dict) -> None:
        """Keep the last picture for "say it differently" and "more detail"; a capture that
        it replaces is deleted at once."""
        previous = self._last
        self._last = {"path": request["path"], "source": request["source"]}
        if previous and previous["path"] != request["path"]:
            self._delete_if_private(previous["path"])

    def _delete_if_private(self, path: str) -> None:
        if Path(path).parent == Path(self._private_dir.name):
            Path(path).unlink(missing_ok=True)

    def _remember(self, text: str, request: dict) -> None:
        if not self.settings["history"]:
            return
        image = QImage(request["path"])
        self.history.add(text, request["source"], image)
        self.refresh_history()

    # -- speech actions --------------------------------------------------------------------

    def repeat(self) -> None:
        if self._last_text:
            self.speech.say(self._last_text)
            self._announce(self._last_text)

    def say_differently(self) -> None:
        if self._last is None:
            self.report("There is nothing to describe again yet.")
            return
        self._send(self._last["path"], self._last["source"], samples=1 + DIFFERENT_DRAWS,
                   seed=random.randrange(2**31))

    def more_detail(self) -> None:
        if self._last is None:
            self.report("There is nothing to describe in more detail yet.")
            return
        self._send(self._last["path"], self._last["source"], detail="full")

    def copy_description(self) -> None:
        QGuiApplication.clipboard().setText(self.description.toPlainText())
        self.status.setText("Description copied.")

    # -- showing ---------------------------------------------------------------------------

    def show_text(self, text: str, speak: bool = False) -> None:
        self._last_text = text
        self.description.setPlainText(text)
        self._announce(text)
        if speak and self.settings["speech"]:
            self.speech.say(text)
        self.description_shown.emit(text)

    def report(self, message: str) -> None:
        """A problem or notice: shown, announced and spoken like a description."""
        self.show_text(message, speak=True)

    def _announce(self, text: str) -> None:
        if self.isActiveWindow():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.description, text))

    def refresh_history(self) -> None:
        self.history_list.clear()
        for entry in reversed(self.history.entries()):
            when = time.strftime("%H:%M", time.localtime(entry.time))
            item = QListWidgetItem(f"{when}, {entry.source}: {entry.text}")
            item.setData(Qt.UserRole, entry.text)
            thumbnail = self.history.thumbnail_path(entry)
            if thumbnail is not None and thumbnail.exists():
                item.setIcon(QIcon(QPixmap(str(thumbnail))))
            self.history_list.addItem(item)
        self.clear_history_button.setEnabled(self.history_list.count() > 0)

    def clear_history(self) -> None:
        self.history.clear()
        self.refresh_history()
        self.status.setText("History cleared.")

    def open_settings(self) -> None:
        SettingsDialog(self.settings, self.speech.voices, self).exec()

    def _on_engine_state(self, _state: str, message: str) -> None:
        self._engine_message = message
        if self._current is None:
            self.status.setText(message)

    def _on_speech_availability(self, available: bool, reason: str) -> None:
        self.speech_status.setVisible(not available)
        if not available:
            self.speech_status.setText(
                f"Speech is off: {reason}. Descriptions are still shown here and sent to "
                "your screen reader.")

    # -- drag and drop, closing ------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        mime = event.mimeData()
        urls: list[QUrl] = mime.urls()
        local = [url.toLocalFile() for url in urls if url.isLocalFile()]
        if local:
            self.describe_paths(local)
        elif mime.hasImage():
            self._describe_image(QImage(mime.imageData()), "dropped picture")
        elif urls:
            self.report("That picture is on the web, not on this computer; save it first, "
                        "then drop the file.")
        else:
            self.report("Only pictures can be described.")
        event.acceptProposedAction()

    def quit(self) -> None:
        self._quitting = True
        self.close()

    def closeEvent(self, event) -> None:
        if (self.settings["close_to_tray"] and self.tray is not None and self.tray.isVisible()
                and not self._quitting):
            self.hide()
            self.tray.showMessage("Lookaloud", "Still running here; the hotkeys keep working.")
            event.ignore()
            return
        self.engine.stop()
        self.speech.shutdown()
        self._private_dir.cleanup()
        super().closeEvent(event)
        QGuiApplication.quit()

