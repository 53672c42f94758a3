"""Captures screenshots of real Tk and Xaw programs on a real X server, for measuring only:
`.venv/bin/python scripts/capture_tk_screens.py OUT_DIR`.

The renderer draws every training screen with Qt; these come from other toolkits (Tk's own
message boxes and dialogs, the Athena widgets of xmessage) under the openbox window manager
on Xvfb, the way `../shared/data/real-screens` was made. OUT_DIR gets `images/NAME.png` and a
`refs.json` in that set's format (a reference, the facts a description must carry, the words
that say its kind), so `python -m train.evaluate --real-screens OUT_DIR` scores a model on
it. The facts are the dialogs' own words, written here by hand. Never train on these.

The virtual desktop is the end-to-end tests' (`tests/e2e/session.py`: Xvfb, openbox, D-Bus,
xdotool, which `make test` installs); the windows need Python's tkinter and xmessage.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.e2e.session import desktop_session, screenshot, wait_for_window

MESSAGE = ["message", "notice", "popup", "dialog", "notification", "info"]
QUESTION = ["question", "asking", "asks", "confirm", "wants to know"]
ENTRY = ["text box", "text field", "input", "entry", "typed", "type"]

# Each screen: how to show it, what it says, and what a description of it must carry.
SCREENS = [
    {"name": "tk_info_backup", "show": ["info", "Backup complete",
                                        "All 1,204 files were copied to the USB drive."],
     "ref": "A Backup complete message says all 1,204 files were copied to the USB drive, "
            "with an OK button.",
     "must": [["backup"], ["complete", "done", "finished"], ["1,204", "1204"], ["usb"], ["ok"]],
     "kind": MESSAGE},
    {"name": "tk_warning_battery", "show": ["warning", "Battery low",
                                            "Only 8% battery left. Plug in your charger."],
     "ref": "A Battery low warning says only 8% battery is left and to plug in the charger.",
     "must": [["battery"], ["8%", "8 percent", "eight percent"], ["charger", "plug"], ["ok"]],
     "kind": ["warning"]},
    {"name": "tk_error_save", "show": ["error", "Save failed",
                                       "Could not save notes.txt: the disk is full."],
     "ref": "A Save failed error says notes.txt could not be saved because the disk is full.",
     "must": [["save"], ["notes.txt", "notes"], ["disk", "full"], ["ok"]],
     "kind": ["error", "problem", "failed"]},
    {"name": "tk_question_delete", "show": ["yesno", "Delete photo",
                                            "Delete beach-day.jpg for good?"],
     "ref": "A Delete photo box asks whether to delete beach-day.jpg for good: Yes or No.",
     "must": [["delete"], ["beach-day", "beach day"], ["yes"], ["no"]],
     "kind": QUESTION},
    {"name": "tk_question_update", "show": ["okcancel", "Update ready",
                                            "Version 3.2 is ready. Restart now to install it?"],
     "ref": "An Update ready box asks whether to restart now to install version 3.2, with OK "
            "and Cancel.",
     "must": [["update"], ["3.2"], ["restart"], ["ok"], ["cancel"]],
     "kind": QUESTION},
    {"name": "tk_entry_rename", "show": ["entry", "Rename file", "New name:", "holiday-2025.zip"],
     "ref": "A Rename file window asks for a new name; holiday-2025.zip is typed in, with OK "
            "and Cancel.",
     "must": [["rename"], ["name"], ["holiday-2025", "holiday 2025"], ["ok"], ["cancel"]],
     "kind": ENTRY},
    {"name": "tk_entry_email", "show": ["entry", "Add account", "Email address:",
                                        "sam.lee@example.org"],
     "ref": "An Add account window asks for an email address, and sam.lee@example.org is "
            "typed in, with OK and Cancel.",
     "must": [["account"], ["email"], ["sam.lee"], ["ok"], ["cancel"]],
     "kind": ENTRY},
    {"name": "tk_list_printers", "show": ["list", "Choose a printer", "Printers:",
                                          ["Office LaserJet", "Kitchen Inkjet", "Save as PDF"],
                                          ["Cancel", "Print"]],
     "ref": "A Choose a printer list shows Office LaserJet, Kitchen Inkjet and Save as PDF, "
            "with Cancel and Print.",
     "must": [["printer"], ["laserjet"], ["inkjet"], ["pdf"], ["print"]],
     "kind": ["list"]},
    {"name": "tk_list_language", "show": ["list", "Language", "Pick a language:",
                                          ["English", "Deutsch", "Español", "Français"],
                                          ["Cancel", "OK"]],
     "ref": "A Language list to pick from: English, Deutsch, Español and Français, with Cancel "
            "and OK.",
     "must": [["language"], ["english"], ["deutsch"], ["français", "francais"], ["ok"]],
     "kind": ["list"]},
    {"name": "tk_login", "show": ["login", "Sign in to Notes", ["Username", "Password"],
                                  "Sign in"],
     "ref": "A Sign in to Notes window with boxes for a username and a password and a Sign in "
            "button.",
     "must": [["notes"], ["username", "user name"], ["password"], ["sign in"]],
     "kind": ["login", "log in", "sign-in", "sign in", "form"]},
    {"name": "tk_progress_copy", "show": ["progress", "Copying files",
                                          "Copying 37 of 120 files to Backup", 31, "Cancel"],
     "ref": "A Copying files progress window: 37 of 120 files copied to Backup, with a Cancel "
            "button.",
     "must": [["copying", "copy"], ["37"], ["120"], ["backup"], ["cancel"]],
     "kind": ["progress"]},
    {"name": "tk_editor_letter", "show": ["editor", "letter.txt - Editor",
                                          "Dear Ms. Rivera,\n\nThank you for the quick reply. "
                                          "I can start on Monday, 3 March.\n\nBest wishes,\nTom"],
     "ref": "A text editor with letter.txt open: a letter to Ms. Rivera saying Tom can start "
            "on Monday, 3 March.",
     "must": [["letter.txt", "letter"], ["rivera"], ["monday"], ["3 march", "march"]],
     "kind": ["editor", "writing", "text file", "document"]},
    {"name": "xmessage_meeting", "show": ["xmessage", "Team meeting starts in 5 minutes.",
                                          "Snooze,Dismiss"],
     "ref": "A small message says the team meeting starts in 5 minutes, with Snooze and "
            "Dismiss buttons.",
     "must": [["meeting"], ["5", "five"], ["snooze"], ["dismiss"]],
     "kind": MESSAGE},
    {"name": "xmessage_shutdown", "show": ["xmessage", "The system will shut down at 22:00.",
                                           "OK"],
     "ref": "A message says the system will shut down at 22:00, with an OK button.",
     "must": [["shut down", "shutdown"], ["22:00"], ["ok"]],
     "kind": MESSAGE},
]


def show(spec: list) -> None:
    """Show one screen's window and wait to be killed (runs in its own process)."""
    kind, *args = spec
    if kind == "xmessage":
        text, buttons = args
        os.execvp("xmessage", ["xmessage", "-center", "-buttons", buttons, text])
    import tkinter as tk
    from tkinter import messagebox

    root = tk.Tk()
    if kind in ("info", "warning", "error", "yesno", "okcancel"):
        root.withdraw()
        title, message = args
        ask = {"info": messagebox.showinfo, "warning": messagebox.showwarning,
               "error": messagebox.showerror, "yesno": messagebox.askyesno,
               "okcancel": messagebox.askokcancel}[kind]
        ask(title, message)
        return
    root.title(args[0])
    frame = tk.Frame(root, padx=16, pady=12)
    frame.pack(fill="both", expand=True)
    if kind == "entry":
        _, label, value = args
        tk.Label(frame, text=label, anchor="w").pack(fill="x")
        entry = tk.Entry(frame, width=32)
        entry.insert(0, value)
        entry.pack(fill="x", pady=6)
        entry.focus_set()
        buttons = ["Cancel", "OK"]
    elif kind == "list":
        _, label, items, buttons = args
        tk.Label(frame, text=label, anchor="w").pack(fill="x")
        box = tk.Listbox(frame, height=len(items) + 1, width=30)
        for item in items:
            box.insert("end", item)
        box.selection_set(0)
        box.pack(fill="both", pady=6)
    elif kind == "progress":
        _, label, percent, button = args
        from tkinter import ttk

        tk.Label(frame, text=label, anchor="w").pack(fill="x")
        bar = ttk.Progressbar(frame, length=320, maximum=100)
        bar["value"] = percent
        bar.pack(fill="x", pady=8)
        buttons = [button]
    elif kind == "editor":
        _, text = args
        menu = tk.Menu(root)
        for name in ("File", "Edit", "View", "Help"):
            menu.add_cascade(label=name, menu=tk.Menu(menu, tearoff=0))
        root.config(menu=menu)
        area = tk.Text(frame, width=70, height=18, wrap="word")
        area.insert("1.0", text)
        area.pack(fill="both", expand=True)
        area.focus_set()
        buttons = []
    else:  # login
        _, fields, button = args
        for field in fields:
            tk.Label(frame, text=field + ":", anchor="w").pack(fill="x")
            tk.Entry(frame, width=30, show="*" if field == "Password" else "").pack(
                fill="x", pady=(0, 6))
        buttons = [button]
    row = tk.Frame(frame)
    row.pack(anchor="e", pady=(6, 0))
    for name in buttons:
        tk.Button(row, text=name, width=8).pack(side="left", padx=4)
    root.update_idletasks()
    x = (root.winfo_screenwidth() - root.winfo_reqwidth()) // 2
    y = (root.winfo_screenheight() - root.winfo_reqheight()) // 3
    root.geometry(f"+{x}+{y}")
    root.mainloop()


def wallpaper() -> None:
    """A desktop-type window under every other one: a diagonal two-colour gradient (runs in
    its own process)."""
    import tkinter as tk

    root = tk.Tk()
    root.attributes("-type", "desktop")
    width, height = root.winfo_screenwidth(), root.winfo_screenheight()
    root.geometry(f"{width}x{height}+0+0")
    canvas = tk.Canvas(root, width=width, height=height, highlightthickness=0)
    canvas.pack()
    for i in range(0, width + height, 8):
        t = i / (width + height)
        red, green, blue = int(40 + 60 * t), int(90 + 40 * t), int(70 + 90 * t)
        canvas.create_line(i, 0, i - height, height, fill=f"#{red:02x}{green:02x}{blue:02x}",
                           width=9)
    root.mainloop()


def _title(spec: list) -> str:
    """The title of the window a `show` spec opens, by which it is waited for."""
    return "xmessage" if spec[0] == "xmessage" else spec[1]


ABOUT = ("Real Tk and xmessage windows under openbox on Xvfb, captured by "
         "scripts/capture_tk_screens.py; same format as real-screens. Measure with it, never "
         "train on it.")


def capture(out: Path, screens: list[dict] = SCREENS, about: str = ABOUT,
            command=lambda show: [sys.executable, __file__, "--show", json.dumps(show)],
            title=_title) -> None:
    """Show each of `screens` on the virtual desktop by `command(spec["show"])`, wait for
    its window called `title(spec["show"])` and capture the screen. The window's standard
    input stays open (a progress dialog reads it)."""
    (out / "images").mkdir(parents=True, exist_ok=True)
    refs = {"_about": about}
    with tempfile.TemporaryDirectory() as speech, desktop_session(Path(speech)) as env:
        desktop = subprocess.Popen([sys.executable, __file__, "--wallpaper"], env=env)
        try:
            for spec in screens:
                window = subprocess.Popen(command(spec["show"]), env=env,
                                          stdin=subprocess.PIPE)
                wait_for_window(env, title(spec["show"]), timeout=20)
                time.sleep(0.5)  # mapped is not yet painted
                screenshot(env, str(out / "images" / f"{spec['name']}.png"))
                window.kill()
                window.wait()
                refs[spec["name"]] = {key: spec[key] for key in ("ref", "must", "kind")}
                print(spec["name"], flush=True)
        finally:
            desktop.kill()
    (out / "refs.json").write_text(json.dumps(refs, indent=1, ensure_ascii=False),
                                   encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1] == "--show":
        show(json.loads(sys.argv[2]))
    elif sys.argv[1] == "--wallpaper":
        wallpaper()
    else:
        capture(Path(sys.argv[1]))
