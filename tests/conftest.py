"""Shared fixtures: a private home for settings and logs, and a tiny model bundle."""

from __future__ import annotations

import pytest

from bench.home import private_home as home_variables
from tests.tiny_bundle import write_tiny_bundle


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    """Keep every test's settings, data, cache and logs out of the real home."""
    for variable, value in home_variables(tmp_path / "home").items():
        monkeypatch.setenv(variable, value)
    return tmp_path / "home"


@pytest.fixture
def tiny_bundle(tmp_path):
    return write_tiny_bundle(tmp_path / "tiny-model")
