"""Settings: defaults, a round trip through the file, bad values and a corrupted file."""

import json

import pytest

from desktop.settings import SCHEMA, Settings


def test_defaults_then_round_trip(qtbot, tmp_path):
    path = tmp_path / "settings.json"
    settings = Settings(path)
    assert settings["style"] == "casual" and settings["history"] is True
    with qtbot.waitSignal(settings.changed) as blocker:
        settings.set("rate", 220)
    assert blocker.args == ["rate"]
    settings.set("style", "plain")
    settings.set("hotkey_screen", "<ctrl>+<alt>+<shift>+q")
    again = Settings(path)
    assert (again["rate"], again["style"], again["hotkey_screen"]) == (
        220, "plain", "<ctrl>+<alt>+<shift>+q")


def test_invalid_values_are_refused(tmp_path):
    settings = Settings(tmp_path / "settings.json")
    with pytest.raises(ValueError):
        settings.set("style", "pirate")
    with pytest.raises(ValueError):
        settings.set("history", "yes")
    with pytest.raises(KeyError):
        settings.set("colour", "blue")


def test_a_corrupted_or_tampered_file_falls_back_to_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{broken")
    assert Settings(path)["rate"] == 180
    path.write_text(json.dumps({"rate": "fast", "style": "plain", "unknown": 1}))
    settings = Settings(path)
    assert settings["rate"] == 180 and settings["style"] == "plain"


def test_every_option_has_a_description():
    assert all(option.description for option in SCHEMA)
