"""The settings dialog: every option of desktop/settings.py, reachable with Tab, each with a
label the screen reader reads. Hotkeys are checked for clashes before anything is saved."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.hotkeys import conflicts
from desktop.settings import HOTKEY_OPTIONS, OPTIONS, Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, voices: list[dict], parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle("Lookaloud settings")
        self.fields: dict[str, QWidget] = {}
        form = QFormLayout()
        for name in HOTKEY_OPTIONS:
            self._add(form, name, QLineEdit(settings[name]))
        monitors = QComboBox()
        monitors.addItem("Every monitor", "all")
        monitors.addItem("The monitor under the pointer", "pointer")
        self._add(form, "capture_monitors", monitors)
        self._add(form, "speech", QCheckBox())
        voice = QComboBox()
        voice.addItem("System default", "")
        for entry in voices:
            voice.addItem(entry["name"], entry["id"])
        self._add(form, "voice", voice)
        rate = QSpinBox()
        rate.setRange(80, 450)
        rate.setSuffix(" words per minute")
        self._add(form, "rate", rate)
        volume = QDoubleSpinBox()
        volume.setRange(0.0, 1.0)
        volume.setSingleStep(0.1)
        self._add(form, "volume", volume)
        for name in ("style", "detail"):
            box = QComboBox()
            for choice in OPTIONS[name].choices:
                box.addItem(choice.capitalize(), choice)
            self._add(form, name, box)
        model = QLineEdit(settings["model"])
        model.setPlaceholderText("The bundled model")
        browse = QPushButton("&Browse…")
        browse.setAccessibleName("Browse for a model folder")
        browse.clicked.connect(self._browse_model)
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(model, 1)
        row_layout.addWidget(browse)
        self.fields["model"] = model
        model.setAccessibleName(OPTIONS["model"].description)
        form.addRow(QLabel(OPTIONS["model"].description), row)
        for name in ("history", "start_minimised", "close_to_tray"):
            self._add(form, name, QCheckBox())

        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setAccessibleName("Problems")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)

    def _add(self, form: QFormLayout, name: str, widget: QWidget) -> None:
        description = OPTIONS[name].description
        widget.setAccessibleName(description)
        value = self.settings[name]
        if isinstance(widget, QCheckBox):
            widget.setText(description)
            widget.setChecked(bool(value))
            form.addRow(widget)
        else:
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(widget.findData(value), 0))
            elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
                widget.setValue(value)
            label = QLabel(description)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.fields[name] = widget

    def _browse_model(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Choose a model folder")
        if folder:
            self.fields["model"].setText(folder)

    def values(self) -> dict:
        values = {}
        for name, widget in self.fields.items():
            if isinstance(widget, QCheckBox):
                values[name] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                values[name] = widget.currentData()
            elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
                values[name] = widget.value()
            else:
                values[name] = widget.text().strip()
        return values

    def hotkey_problems(self) -> list[tuple[str, str]]:
        values = self.values()
        found = []
        for name in HOTKEY_OPTIONS:
            others = {OPTIONS[o].description.lower(): values[o] for o in HOTKEY_OPTIONS
                      if o != name}
            found += [(name, problem) for problem in conflicts(values[name], others)]
        return found

    def accept(self) -> None:
        problems = self.hotkey_problems()
        if problems:
            self.problems.setText(" ".join(problem for _, problem in problems))
            self.fields[problems[0][0]].setFocus()
            return
        for name, value in self.values().items():
            self.settings.set(name, value)
        super().accept()
