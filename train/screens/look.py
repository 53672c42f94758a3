"""How a rendered screen looks: theme, Qt style, font, scale, resolution and the window
manager's title bars, drawn at random.

`Look.draw(rng)` picks one; `look.apply(app)` sets the Qt application up to paint with it.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

RESOLUTIONS = [(1280, 800), (1366, 768), (1440, 900), (1536, 864), (1600, 900), (1680, 1050),
               (1920, 1080)]
SCALES = [1.0, 1.0, 1.0, 1.25, 1.25, 1.5, 1.75, 2.0]
FONTS = ["DejaVu Sans", "DejaVu Serif", "Nimbus Sans", "URW Gothic", "DejaVu Sans Condensed",
         "C059"]
STYLES = ["Fusion", "Fusion", "Windows"]
ACCENTS = ["#2f6fde", "#1e8a5a", "#b0413e", "#7a4fc2", "#d07a12", "#1b8fa6"]
# Title bars as window managers draw them: flat grey (Windows, KDE), a coloured gradient with
# the title in white bold (openbox, xfwm and the like) and a tall header bar with the title
# in the middle and one round close button (GNOME).
DECORATIONS = ["flat", "flat", "gradient", "headerbar"]


@dataclass(frozen=True)
class Look:
    theme: str  # light | dark
    style: str  # a QStyleFactory key
    font: str
    font_px: int  # at 100% scale
    scale: float  # 1.0 is 100%
    width: int
    height: int
    accent: str
    decoration: str = "flat"

    @classmethod
    def draw(cls, rng: random.Random) -> Look:
        width, height = rng.choice(RESOLUTIONS)
        scale = rng.choice(SCALES)
        # A 200% scale on a small screen leaves no room for a window; real users do not pick it.
        scale = min(scale, round(height / 600, 2))
        return cls(theme=rng.choice(["light", "light", "dark"]), style=rng.choice(STYLES),
                   font=rng.choice(FONTS), font_px=rng.choice([12, 13, 13, 14, 15, 16]),
                   scale=scale, width=width, height=height, accent=rng.choice(ACCENTS),
                   decoration=rng.choice(DECORATIONS))

    @property
    def dark(self) -> bool:
        return self.theme == "dark"

    def palette(self) -> QPalette:
        palette = QPalette()
        if self.dark:
            colors = {QPalette.Window: "#2b2d31", QPalette.WindowText: "#e8e8e8",
                      QPalette.Base: "#1e1f22", QPalette.AlternateBase: "#26282c",
                      QPalette.Text: "#e8e8e8", QPalette.Button: "#3a3c42",
                      QPalette.ButtonText: "#eeeeee", QPalette.ToolTipBase: "#3a3c42",
                      QPalette.ToolTipText: "#eeeeee", QPalette.PlaceholderText: "#8a8a8a",
                      QPalette.Light: "#4a4c52", QPalette.Mid: "#34363b", QPalette.Dark: "#18191c"}
        else:
            colors = {QPalette.Window: "#efefef", QPalette.WindowText: "#1a1a1a",
                      QPalette.Base: "#ffffff", QPalette.AlternateBase: "#f5f5f5",
                      QPalette.Text: "#111111", QPalette.Button: "#e4e4e4",
                      QPalette.ButtonText: "#111111", QPalette.ToolTipBase: "#ffffdc",
                      QPalette.ToolTipText: "#111111", QPalette.PlaceholderText: "#8a8a8a",
                      QPalette.Light: "#ffffff", QPalette.Mid: "#b8b8b8", QPalette.Dark: "#9a9a9a"}
        for role, color in colors.items():
            palette.setColor(role, QColor(color))
        palette.setColor(QPalette.Highlight, QColor(self.accent))
        palette.setColor(QPalette.HighlightedText, QColor("#ffffff"))
        for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText):
            palette.setColor(QPalette.Disabled, role, QColor("#7c7c7c"))
        return palette

    def qfont(self, px: int | None = None, bold: bool = False) -> QFont:
        font = QFont(self.font)
        font.setPixelSize(px or self.font_px)
        font.setBold(bold)
        return font

    def apply(self, app: QApplication) -> None:
        app.setStyle(self.style)
        app.setPalette(self.palette())
        app.setFont(self.qfont())

    def to_dict(self) -> dict:
        return asdict(self)
