"""Shared fixtures: a private home for settings and logs, and a tiny model bundle."""

from __future__ import annotations

import pytest

from tests.tiny_bundle import write_tiny_bundle


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    """Keep every test's settings, data, cache and logs out of the real home."""
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(variable, str(tmp_path / "home" / variable.lower()))
    return tmp_path / "home"


@pytest.fixture
def tiny_bundle(tmp_path):
    return write_tiny_bundle(tmp_path / "tiny-model")
