"""Termination signals end Lookaloud the way its Quit command does.

Logging out sends the session's programs SIGTERM or SIGHUP, and Ctrl+C in a terminal sends
SIGINT. Python's defaults end the process on the spot, which would leave the private folder
that holds the last capture of the user's screen behind in the temporary directory.

Python runs a signal's handler only when the interpreter gets control back, and Qt's event
loop is C++ that may wait a long time for the next event. So the signal's number is also
written to a socket that the event loop watches (`signal.set_wakeup_fd`), which brings it
back to Python at once."""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

TERMINATION_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name)
)


def quit_on_termination(parent: QObject, quit_app: Callable[[], None]) -> QSocketNotifier:
    """Call `quit_app` from the event loop when a termination signal arrives. Call it from
    the main thread; the returned notifier lives as long as `parent`."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, parent)
    # Emptying the socket is all the slot does: the handlers below run as it returns.
    notifier.activated.connect(lambda *_: _drain(reader))
    notifier.sockets = (reader, writer)  # closed with the notifier, not before

    def handle(_signum, _frame) -> None:
        # Queued rather than called: a signal that comes before the event loop starts would
        # otherwise ask a loop that is not running yet to stop, which Qt ignores.
        QTimer.singleShot(0, quit_app)

    for number in TERMINATION_SIGNALS:
        signal.signal(number, handle)
    return notifier


def _drain(reader: socket.socket) -> None:
    try:
        while reader.recv(512):
            pass
    except BlockingIOError:
        pass
