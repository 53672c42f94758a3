"""Building blocks the window makers share: the `Built` result and small widget helpers."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from train.screens.look import Look


@dataclass
class Built:
    """A window's contents made by a maker, before it is placed on the desktop."""

    widget: QWidget
    kind: str
    title: str
    facts: dict = field(default_factory=dict)
    focus: QWidget | None = None
    size: tuple[int, int] | None = None  # logical pixels; None keeps the widget's size hint
    frameless: bool = False  # notifications and popups have no title bar


def label(text: str, role: str = "body", wrap: bool = False, px: int | None = None,
          bold: bool = False, look: Look | None = None) -> QLabel:
    """A QLabel that remembers what kind of text it holds (`role`) for the record."""
    widget = QLabel(text)
    widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    if look is not None and (px or bold):
        widget.setFont(look.qfont(px, bold))
    return widget


def button_row(labels: list[str], rng: random.Random, default: str | None = None,
               disabled: frozenset[str] = frozenset()) -> tuple[QHBoxLayout, list[QPushButton]]:
    """Buttons at the bottom right, in the order the desktop's convention puts them."""
    row = QHBoxLayout()
    if rng.random() < 0.8:
        row.addStretch(1)
    buttons = []
    for text in labels:
        button = QPushButton(text)
        button.setDefault(text == default)
        button.setEnabled(text not in disabled)
        row.addWidget(button)
        buttons.append(button)
    return row, buttons


def maybe(rng: random.Random, chance: float) -> bool:
    return rng.random() < chance
