"""What a rendered screen shows, exactly: windows, text lines with boxes, controls, focus.

`Screen.to_json()` is one line of the JSONL that `python -m train.screens` writes.
Boxes are (x0, y0, x1, y1) in pixels of the final screenshot.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

Box = tuple[int, int, int, int]


@dataclass
class TextLine:
    """A piece of text drawn on screen; `role` says what it is (title, body, button, item...)."""

    text: str
    box: Box
    role: str = "body"


@dataclass
class Control:
    """Something a person can operate: its type, its label and its state."""

    type: str  # button, checkbox, radio, text field, password field, slider, combo box, tab...
    label: str
    state: str = ""  # "checked", "off", "disabled", the value typed in, "42%"...
    box: Box = (0, 0, 0, 0)


@dataclass
class Window:
    """One window on the desktop, with what its kind needs said about it in `facts`."""

    kind: str
    title: str
    box: Box
    texts: list[TextLine] = field(default_factory=list)
    controls: list[Control] = field(default_factory=list)
    facts: dict = field(default_factory=dict)
    focus: str | None = None  # label of the control that has keyboard focus


@dataclass
class Screen:
    """A whole screenshot: its look, its windows (front last) and the descriptions of it."""

    name: str
    seed: int
    kind: str  # the scene: a window's kind, "overlapping windows" or "empty desktop"
    size: tuple[int, int]
    look: dict
    windows: list[Window] = field(default_factory=list)
    desktop_texts: list[TextLine] = field(default_factory=list)
    descriptions: dict = field(default_factory=dict)

    @property
    def front(self) -> Window | None:
        return self.windows[-1] if self.windows else None

    def to_dict(self) -> dict:
        front = self.front
        return {
            "name": self.name, "seed": self.seed, "kind": self.kind,
            "title": front.title if front else "", "size": list(self.size), "look": self.look,
            "focus": front.focus if front else None,
            "texts": [asdict(t) for t in self.all_texts()],
            "controls": [asdict(c) for w in self.windows for c in w.controls],
            "windows": [{"kind": w.kind, "title": w.title, "box": list(w.box), "facts": w.facts,
                         "focus": w.focus} for w in self.windows],
            "descriptions": self.descriptions,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    def all_texts(self) -> list[TextLine]:
        return [t for w in self.windows for t in w.texts] + self.desktop_texts
