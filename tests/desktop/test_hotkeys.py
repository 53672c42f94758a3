"""Hotkeys: notation, clashes with screen readers, desktops and each other, and Wayland."""

import pytest

from desktop.hotkeys import HotkeyListener, conflicts, normalise, unavailable_reason
from desktop.settings import HOTKEY_OPTIONS, OPTIONS


def test_normalise_orders_modifiers_and_rejects_nonsense():
    assert normalise("<SHIFT>+<ctrl>+D") == "<ctrl>+<shift>+d"
    with pytest.raises(ValueError):
        normalise("<ctrl>+a+b")
    with pytest.raises(ValueError):
        normalise("<ctrl>+<nosuchkey>")


def test_defaults_clash_with_nothing():
    defaults = {name: OPTIONS[name].default for name in HOTKEY_OPTIONS}
    for name, combo in defaults.items():
        others = {other: value for other, value in defaults.items() if other != name}
        assert conflicts(combo, others) == [], name


@pytest.mark.parametrize(
    ("combo", "words"),
    [
        ("<ctrl>+<alt>+n", "NVDA"),
        ("<cmd>+<alt>+s", "Orca"),
        ("<cmd>+<ctrl>+<enter>", "Narrator"),
        ("<cmd>+<f5>", "VoiceOver"),
        ("<ctrl>+<alt>+t", "terminal"),
        ("<insert>+d", "screen reader key"),
        ("d", "no modifier"),
        ("<ctrl>+<alt>+<shift>+w", "already the hotkey for"),
    ],
)
def test_clashes_are_named(combo, words):
    problems = conflicts(combo, {"describing the window": "<shift>+<alt>+<ctrl>+w"})
    assert any(words in problem for problem in problems), problems


def test_wayland_is_explained(monkeypatch, qtbot):
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")
    assert "Wayland" in unavailable_reason()
    listener = HotkeyListener()
    with qtbot.waitSignal(listener.unavailable) as blocker:
        assert listener.start({"hotkey_screen": "<ctrl>+<alt>+<shift>+d"}) is False
    assert "Describe menu" in blocker.args[0]


def test_no_display_is_explained(monkeypatch):
    monkeypatch.delenv("XDG_SESSION_TYPE", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    assert "No X display" in unavailable_reason()
