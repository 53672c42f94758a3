"""Reading back what a window's widgets drew: text lines with boxes, controls with states.

`probe(window, to_screen)` walks the visible widgets after rendering; `to_screen` maps a
QRect in the window's logical pixels to a box in screenshot pixels.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenuBar,
    QPlainTextEdit,
    QProgressBar,
    QRadioButton,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)

from train.screens.record import Box, Control, TextLine

ToScreen = Callable[[QRect], Box]


def _plain(text: str, mnemonic: bool = True) -> str:
    """The text as drawn. An "&" marks a shortcut letter on buttons and on labels that have
    a buddy, and is not drawn there ("&&" draws one); elsewhere it is drawn as it is."""
    if GuiQt.mightBeRichText(text):
        document = QTextDocument()
        document.setHtml(text)
        return " ".join(document.toPlainText().split())
    if mnemonic:
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.split())


def _state(widget: QWidget, state: str = "") -> str:
    return ", ".join(s for s in (state, "" if widget.isEnabled() else "disabled") if s)


def _button_type(widget: QAbstractButton) -> str:
    if isinstance(widget, QCheckBox):
        return "checkbox"
    if isinstance(widget, QRadioButton):
        return "radio"
    return "button"


def _document_lines(widget: QPlainTextEdit | QTextEdit, rect: Callable[[QRect], QRect]
                    ) -> list[tuple[str, QRect]]:
    """Each laid-out line of a text widget that lies in its visible area."""
    document = widget.document()
    viewport = widget.viewport()
    visible = viewport.rect()
    lines = []
    block = document.begin()
    while block.isValid():
        if isinstance(widget, QPlainTextEdit):
            origin = widget.blockBoundingGeometry(block).translated(widget.contentOffset())
        else:
            origin = document.documentLayout().blockBoundingRect(block).translated(
                -widget.horizontalScrollBar().value(), -widget.verticalScrollBar().value())
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            text = block.text()[line.textStart():line.textStart() + line.textLength()].strip()
            if not text:
                continue
            box = line.naturalTextRect().translated(origin.topLeft()).toAlignedRect()
            if visible.contains(box.center()):
                lines.append((text, rect(box.translated(viewport.mapTo(widget, QPoint())))))
        block = block.next()
    return lines


def _item_lines(view: QAbstractItemView, rect: Callable[[QRect], QRect]
                ) -> list[tuple[str, QRect]]:
    model, viewport, root = view.model(), view.viewport(), QModelIndex()
    lines = []
    # A list's model hides columnCount(); it has one column.
    columns = 1 if isinstance(view, QListView) else model.columnCount(root)
    for row in range(min(model.rowCount(root), 200)):
        for column in range(columns):
            index = model.index(row, column)
            text = model.data(index)
            cell = view.visualRect(index)
            if text in (None, "") or not viewport.rect().contains(cell.center()):
                continue
            lines.append((str(text), rect(cell.translated(viewport.mapTo(view, QPoint())))))
    return lines


def probe(window: QWidget, to_screen: ToScreen) -> tuple[list[TextLine], list[Control], str | None]:
    """The texts, controls and focused control's label of `window` as rendered."""
    texts: list[TextLine] = []
    controls: list[Control] = []

    def place(widget: QWidget) -> Callable[[QRect], QRect]:
        offset = widget.mapTo(window, QPoint()) if widget is not window else QPoint()
        return lambda r: r.translated(offset)

    def add_text(text: str, rect: QRect, role: str) -> None:
        text = text.strip()
        if text:
            texts.append(TextLine(text, to_screen(rect), role))

    focus_label = None
    focused = window.focusWidget()
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisibleTo(window) and widget is not window:
            continue
        if isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox)):
            continue  # the line edit inside a spin box or combo box is read with its parent
        at = place(widget)
        whole = at(widget.rect())
        name = widget.property("label") or ""
        control = None
        if isinstance(widget, QLabel) and widget.text():
            flags = int(widget.alignment()) | (Qt.TextWordWrap if widget.wordWrap() else 0)
            text = _plain(widget.text(), mnemonic=widget.buddy() is not None)
            drawn = widget.fontMetrics().boundingRect(widget.contentsRect(), flags, text)
            add_text(text, at(drawn.intersected(widget.rect())), widget.property("role") or "body")
        elif isinstance(widget, QAbstractButton) and widget.isVisibleTo(window):
            text = _plain(widget.text())
            if not (text or name):
                continue  # an icon-only arrow or tool button says nothing
            kind = _button_type(widget)
            state = ""
            if kind != "button":
                state = "checked" if widget.isChecked() else "not checked"
            add_text(text, whole, "button" if kind == "button" else "option")
            control = Control(kind, name or text, _state(widget, state), to_screen(whole))
        elif isinstance(widget, QLineEdit):
            password = widget.echoMode() == QLineEdit.Password
            value = widget.text()
            if value and not password:
                add_text(value, whole, "field")
            elif not value and widget.placeholderText():
                add_text(widget.placeholderText(), whole, "placeholder")
            state = ("filled" if value else "empty") if password else value
            control = Control("password field" if password else "text field", name,
                              _state(widget, state), to_screen(whole))
        elif isinstance(widget, QAbstractSpinBox):
            add_text(widget.text(), whole, "field")
            control = Control("number field", name, _state(widget, widget.text()),
                              to_screen(whole))
        elif isinstance(widget, QComboBox):
            add_text(widget.currentText(), whole, "field")
            control = Control("combo box", name, _state(widget, widget.currentText()),
                              to_screen(whole))
        elif isinstance(widget, QSlider):
            share = round(100 * (widget.value() - widget.minimum())
                          / max(1, widget.maximum() - widget.minimum()))
            control = Control("slider", name, _state(widget, f"{share}%"), to_screen(whole))
        elif isinstance(widget, QProgressBar):
            if widget.isTextVisible():
                add_text(widget.text(), whole, "value")
            control = Control("progress bar", name, f"{widget.value()}%", to_screen(whole))
        elif isinstance(widget, QGroupBox) and widget.title():
            add_text(widget.title(), at(QRect(0, 0, widget.width(), widget.fontMetrics().height())),
                     "heading")
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                add_text(widget.tabText(i), at(widget.tabRect(i)), "tab")
                controls.append(Control("tab", widget.tabText(i), "selected" if
                                        i == widget.currentIndex() else "", to_screen(
                                            at(widget.tabRect(i)))))
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                add_text(action.text().replace("&", ""), at(widget.actionGeometry(action)),
                         "menu")
        elif isinstance(widget, QHeaderView):
            model = widget.model()
            orientation = widget.orientation()
            for section in range(widget.count()):
                if orientation != Qt.Horizontal or widget.isSectionHidden(section):
                    continue
                text = model.headerData(section, orientation)
                x = widget.sectionViewportPosition(section)
                add_text(str(text or ""), at(QRect(x, 0, widget.sectionSize(section),
                                                   widget.height())), "header")
        elif isinstance(widget, QAbstractItemView):
            for text, rect in _item_lines(widget, at):
                add_text(text, rect, "item")
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            for text, rect in _document_lines(widget, at):
                add_text(text, rect, "body")
        elif hasattr(widget, "drawn"):
            for text, rect, role in widget.drawn:
                add_text(text, at(rect), role)
        if control is not None:
            controls.append(control)
            if widget is focused:
                focus_label = control.label or control.type
    return texts, controls, focus_label
