"""A private home for the app a benchmark runs, so that its settings and history stay out of
the user's own."""

from __future__ import annotations

from pathlib import Path

VARIABLES = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")


def private_home(folder: Path) -> dict[str, str]:
    """Environment variables that put the app's settings, data, cache and logs in `folder`."""
    return {variable: str(folder / variable.lower()) for variable in VARIABLES}
