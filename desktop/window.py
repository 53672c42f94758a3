"""The main window: drop, open or paste pictures and read or hear what the engine says.

Everything is reachable from the keyboard, every control has an accessible name, and each
new description is put in a read-only text area (reviewable word by word with a screen
reader or braille display) and announced to the screen reader.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAction,
    QGuiApplication,
    QImage,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.engine_client import EngineClient

log = logging.getLogger(__name__)

IMAGE_FILTER = "Pictures (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff);;All files (*)"


class MainWindow(QMainWindow):
    """Signals:
        description_shown: (str) a description or a message was put in the text area.
    """

    description_shown = Signal(str)

    def __init__(self, engine: EngineClient):
        super().__init__()
        self.engine = engine
        self._queue: list[str] = []
        self._engine_message = "Starting…"
        self._private_dir = tempfile.TemporaryDirectory(prefix="lookaloud-")
        os.chmod(self._private_dir.name, 0o700)
        self.setWindowTitle("Lookaloud")
        self.setAcceptDrops(True)
        self.resize(640, 420)

        self.status = QLabel("Starting…")
        self.status.setAccessibleName("Status")
        self.status.setWordWrap(True)
        self.drop_hint = QLabel("Drop pictures here, open them with Ctrl+O, or paste with Ctrl+V.")
        self.drop_hint.setWordWrap(True)
        self.open_button = QPushButton("&Open pictures…")
        self.open_button.setAccessibleName("Open pictures")
        self.open_button.setAccessibleDescription("Choose picture files to describe")
        self.open_button.clicked.connect(self.open_files)
        self.description = QPlainTextEdit()
        self.description.setReadOnly(True)
        # Keyboard users and screen readers review the text with the cursor, word by word.
        self.description.setTextInteractionFlags(
            Qt.TextSelectableByKeyboard | Qt.TextSelectableByMouse
        )
        self.description.setAccessibleName("Description")
        self.description.setAccessibleDescription("What Lookaloud said about the last picture")

        layout = QVBoxLayout()
        layout.addWidget(self.drop_hint)
        layout.addWidget(self.open_button)
        layout.addWidget(self.description, stretch=1)
        layout.addWidget(self.status)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        self.setTabOrder(self.open_button, self.description)
        self._build_menus()

        engine.state_changed.connect(self._on_engine_state)
        engine.described.connect(self._on_described)
        engine.problem.connect(self.show_message)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        for text, shortcut, slot in (
            ("&Open pictures…", QKeySequence.Open, self.open_files),
            ("&Paste picture", QKeySequence.Paste, self.paste_image),
            ("&Quit", QKeySequence.Quit, self.close),
        ):
            action = QAction(text, self)
            action.setShortcut(shortcut)
            action.triggered.connect(slot)
            file_menu.addAction(action)
        copy = QAction("&Copy description", self)
        copy.setShortcut(QKeySequence("Ctrl+Shift+C"))
        copy.triggered.connect(
            lambda: QGuiApplication.clipboard().setText(self.description.toPlainText())
        )
        self.menuBar().addMenu("&Edit").addAction(copy)

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
            self.show_message("The clipboard has no picture in it.")
            return
        path = Path(self._private_dir.name) / "clipboard.png"
        image.save(str(path), "PNG")
        self.describe_paths([str(path)])

    def describe_paths(self, paths: list[str]) -> None:
        """Describe the pictures one after another; a folder is reported, not opened."""
        self._queue = []
        for path in paths:
            if Path(path).is_dir():
                self.show_message(f"{Path(path).name} is a folder; drop the pictures in it.")
            else:
                self._queue.append(path)
        self._next()

    def _next(self) -> None:
        if self._queue:
            path = self._queue.pop(0)
            self.status.setText(f"Describing {Path(path).name}…")
            self.engine.describe(path)

    def _on_described(self, _request_id: int, reply: dict) -> None:
        self.show_message(reply["text"] if reply.get("ok") else reply.get("error", ""))
        self.status.setText(self._engine_message)
        self._next()

    def _on_engine_state(self, _state: str, message: str) -> None:
        self._engine_message = message
        self.status.setText(message)

    def show_message(self, text: str) -> None:
        self.description.setPlainText(text)
        if self.isActiveWindow():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.description, text))
        self.description_shown.emit(text)

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
            path = Path(self._private_dir.name) / "dropped.png"
            QImage(mime.imageData()).save(str(path), "PNG")
            self.describe_paths([str(path)])
        else:
            self.show_message("Only pictures saved on this computer can be described.")
        event.acceptProposedAction()

    def closeEvent(self, event) -> None:
        self.engine.stop()
        self._private_dir.cleanup()
        super().closeEvent(event)
