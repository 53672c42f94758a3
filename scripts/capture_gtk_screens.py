"""Captures screenshots of real GTK dialogs (zenity) and X11 toy programs on a real X server,
for measuring only: `.venv/bin/python scripts/capture_gtk_screens.py OUT_DIR`.

The same kinds of program as `../shared/data/real-screens` (its README tells how it was
made), with dialogs and words of our own, so that a model can be judged on more than that
set's eight screenshots. The virtual desktop and the capture are
`scripts/capture_tk_screens.py`'s; the programs come from Debian's zenity and x11-apps
(`apt-get install zenity x11-apps`). OUT_DIR gets `images/NAME.png` and a `refs.json` in the
real set's format; the facts are the dialogs' own words, written here by hand. Never train on
these.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from capture_tk_screens import ENTRY, MESSAGE, QUESTION, capture

ABOUT = ("Real GTK dialogs (zenity) and X11 toy programs under openbox on Xvfb, captured by "
         "scripts/capture_gtk_screens.py; same format as real-screens. Measure with it, never "
         "train on it.")
ERROR = ["error", "problem", "failed", "couldn't", "could not"]
WARNING = ["warning"]
LIST = ["list"]


def zenity(kind: str, title: str, *options: str) -> list[str]:
    return ["zenity", f"--{kind}", f"--title={title}", *options]


# Each screen: the command that shows it (its window is found by its --title, or else by the
# program's name), what it says, and what a description of it must carry.
SCREENS = [
    {"name": "gtk_question_overwrite",
     "show": zenity("question", "Replace file", "--text=A file named budget-2026.xlsx already "
                    "exists. Do you want to replace it?", "--ok-label=Replace",
                    "--cancel-label=Cancel"),
     "ref": "A Replace file popup asks whether to replace budget-2026.xlsx, which already "
            "exists. You can pick Cancel or Replace.",
     "must": [["budget-2026", "budget"], ["exists"], ["replace"], ["cancel"]],
     "kind": QUESTION},
    {"name": "gtk_question_delete",
     "show": zenity("question", "Delete photos", "--text=Delete 4 photos permanently?"),
     "ref": "A Delete photos popup asks whether to delete 4 photos permanently, with No and "
            "Yes buttons.",
     "must": [["delete"], ["4", "four"], ["photos"], ["yes"], ["no"]],
     "kind": QUESTION},
    {"name": "gtk_info_update",
     "show": zenity("info", "Update installed", "--text=Firefox was updated to version 128.2."),
     "ref": "An Update installed message says Firefox was updated to version 128.2, with an OK "
            "button.",
     "must": [["update"], ["firefox"], ["128.2"], ["ok"]],
     "kind": MESSAGE},
    {"name": "gtk_warning_disk",
     "show": zenity("warning", "Low disk space",
                    "--text=Only 2.1 GB left on the Home volume."),
     "ref": "A Low disk space warning says only 2.1 GB are left on the Home volume. There's an "
            "OK button.",
     "must": [["disk", "space"], ["2.1"], ["home"], ["ok"]],
     "kind": WARNING},
    {"name": "gtk_error_connect",
     "show": zenity("error", "Connection failed", "--text=Could not connect to "
                    "mail.example.com. The server did not respond."),
     "ref": "A Connection failed error says it could not connect to mail.example.com because "
            "the server did not respond. There's an OK button.",
     "must": [["connect"], ["mail.example.com"], ["server", "respond"], ["ok"]],
     "kind": ERROR},
    {"name": "gtk_entry_rename",
     "show": zenity("entry", "Rename file", "--text=New name:",
                    "--entry-text=holiday-notes.txt"),
     "ref": "A Rename file popup has a text box for the new name, filled in with "
            "holiday-notes.txt, with Cancel and OK buttons.",
     "must": [["rename"], ["name"], ["holiday-notes", "holiday"], ["ok"], ["cancel"]],
     "kind": ENTRY},
    {"name": "gtk_password",
     "show": zenity("password", "Authentication required"),
     "ref": "An Authentication required popup asks for a password, with Cancel and OK buttons.",
     "must": [["authentication"], ["password"], ["ok"], ["cancel"]],
     "kind": ["password", *ENTRY]},
    {"name": "gtk_list_printers",
     "show": zenity("list", "Choose a printer", "--text=Print to:", "--column=Printer",
                    "--column=Status", "Office Laser", "Ready", "Kitchen Inkjet", "Offline",
                    "Save as PDF", "Ready", "--height=300"),
     "ref": "A Choose a printer list shows Office Laser, ready; Kitchen Inkjet, offline; and "
            "Save as PDF.",
     "must": [["printer"], ["office laser", "office"], ["kitchen inkjet", "kitchen"],
              ["pdf"], ["offline", "ready"]],
     "kind": LIST},
    {"name": "gtk_progress_download",
     "show": zenity("progress", "Downloading updates",
                    "--text=Downloading package 12 of 30", "--percentage=45"),
     "ref": "A Downloading updates window shows package 12 of 30 downloading, 45% done, with a "
            "Cancel button.",
     "must": [["download"], ["12"], ["30"], ["45", "cancel"]],
     "kind": ["progress", "downloading"]},
    {"name": "gtk_calendar",
     "show": zenity("calendar", "Pick a date", "--text=Choose the day of the meeting",
                    "--day=14", "--month=5", "--year=2026"),
     "ref": "A Pick a date window shows a calendar for May 2026 with the 14th selected, to "
            "choose the day of the meeting.",
     "must": [["date", "day"], ["meeting"], ["may"], ["2026"]],
     "kind": ["calendar"]},
    {"name": "gtk_scale_volume",
     "show": zenity("scale", "Volume", "--text=Set the speaker volume", "--value=70"),
     "ref": "A Volume window has a slider to set the speaker volume, at 70, with Cancel and OK.",
     "must": [["volume"], ["speaker"], ["70"], ["ok"]],
     "kind": ["slider", "scale"]},
    {"name": "gtk_forms_friend",
     "show": zenity("forms", "Add friend", "--text=Enter your friend's details",
                    "--add-entry=First name", "--add-entry=Email", "--add-entry=Phone"),
     "ref": "An Add friend form asks for a friend's first name, email and phone, with Cancel "
            "and OK buttons.",
     "must": [["friend"], ["first name", "name"], ["email"], ["phone"]],
     "kind": ["form", *ENTRY]},
    {"name": "x11_clock",
     "show": ["xclock"],
     "ref": "A small window with an analog clock.",
     "must": [["clock"], ["window"]],
     "kind": ["clock"]},
    {"name": "x11_calculator",
     "show": ["xcalc", "-title", "xcalc"],
     "ref": "A calculator window with number and function keys.",
     "must": [["calculator", "calc"], ["window", "keys", "buttons"]],
     "kind": ["calculator"]},
]


def _title(show: list[str]) -> str:
    """The title of the window a `show` command opens, by which it is waited for."""
    titled = [option for option in show if option.startswith("--title=")]
    return titled[0].removeprefix("--title=") if titled else show[0]


if __name__ == "__main__":
    capture(Path(sys.argv[1]), SCREENS, ABOUT, command=list, title=_title)
