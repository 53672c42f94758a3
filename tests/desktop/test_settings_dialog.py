"""The settings dialog saves what the user chose, and refuses clashing hotkeys."""

from desktop.settings import Settings
from desktop.settings_dialog import SettingsDialog


def test_changes_are_saved_on_ok(qtbot, tmp_path):
    settings = Settings(tmp_path / "settings.json")
    dialog = SettingsDialog(settings, [{"id": "en", "name": "English"}])
    qtbot.addWidget(dialog)
    dialog.fields["rate"].setValue(240)
    dialog.fields["style"].setCurrentIndex(dialog.fields["style"].findData("plain"))
    dialog.fields["voice"].setCurrentIndex(dialog.fields["voice"].findData("en"))
    dialog.fields["history"].setChecked(False)
    dialog.accept()
    again = Settings(tmp_path / "settings.json")
    assert (again["rate"], again["style"], again["voice"], again["history"]) == (
        240, "plain", "en", False)


def test_a_clashing_hotkey_is_refused_and_focused(qtbot, tmp_path):
    settings = Settings(tmp_path / "settings.json")
    dialog = SettingsDialog(settings, [])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fields["hotkey_window"].setText("<ctrl>+<alt>+t")
    dialog.accept()
    assert dialog.isVisible()
    assert "terminal" in dialog.problems.text()
    assert settings["hotkey_window"] == "<ctrl>+<alt>+<shift>+w"


def test_every_field_has_an_accessible_name(qtbot, tmp_path):
    dialog = SettingsDialog(Settings(tmp_path / "settings.json"), [])
    qtbot.addWidget(dialog)
    assert all(widget.accessibleName() for widget in dialog.fields.values())
