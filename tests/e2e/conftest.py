"""A virtual desktop session per test, started by the test itself (see session.py)."""

import pytest

from tests.e2e.session import SessionError, desktop_session


@pytest.fixture
def display(tmp_path):
    """Yield an environment pointing at a fresh virtual desktop session."""
    try:
        with desktop_session(tmp_path / "speech") as env:
            yield env
    except SessionError as error:
        pytest.fail(str(error))
