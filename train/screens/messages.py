"""What message boxes and input dialogs say, composed from parts so that no sentence names a kind.

A handful of fixed scenarios taught the model to name a dialog's kind from its words: a
warning that "Only 2.1 GB left on the Home volume" was called a Volume slider. Here each
situation is built from word lists (what happened, to what, where, how much), the titles are
as often a program's name or the toolkit's default ("Warning", "Question") as a summary, and
the same subjects turn up under several kinds, so the icon and the layout are what tell them
apart and the text is what the decoder copies.

`message(rng, kind) -> (title, message, gist, buttons)`: the gist is the message said in a
person's words. `entry(rng) -> (title, prompt, value_maker)` for text input dialogs.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from train.screens import words as w

Message = tuple[str, str, str, list[str]]

_TASKS = [  # (noun, -ing, past participle)
    ("Download", "downloading", "downloaded"), ("Upload", "uploading", "uploaded"),
    ("Export", "exporting", "exported"), ("Backup", "backing up", "backed up"),
    ("Sync", "syncing", "synced"), ("Print job", "printing", "printed"),
    ("Scan", "scanning", "scanned"), ("Conversion", "converting", "converted"),
    ("Import", "importing", "imported"), ("Transfer", "transferring", "transferred"),
]
_DONE = ["finished", "complete", "done"]
_PLACES = ["this drive", "the disk", "this computer", "the backup drive", "the USB stick",
           "the system disk", "the external disk", "your phone", "the SD card", "the server",
           "the Home volume", "the data volume", "the boot volume"]
_DEVICE_TROUBLE = ["is not responding", "was disconnected", "could not be found", "is busy",
                   "stopped working", "is not ready", "is offline", "needs attention"]
_PLURAL_VERBS = {"is": "are", "was": "were", "needs": "need"}
_FILE_ACTIONS = [("open", "opened"), ("save", "saved"), ("copy", "copied"),
                 ("delete", "deleted"), ("move", "moved"), ("print", "printed")]
_FILE_REASONS = [("because it is damaged", "it's damaged"),
                 ("because it is in use by another program", "another program is using it"),
                 ("because the disk is full", "the disk is full"),
                 ("because it no longer exists", "it's gone"),
                 ("because the format is not supported", "the format isn't supported"),
                 ("", "")]
_SERVERS = ["the server", "the mail server", "the update server", "the printer",
            "the shared folder", "the VPN", "the website"]
_PERMISSIONS = ["camera", "microphone", "location", "contacts", "notifications"]
_EVENTS = ["The team meeting", "Your dentist appointment", "The webinar", "Yoga class",
           "The school concert", "Your video call", "The train to work"]
_UNSAVED = ["documents", "files", "changes", "drafts", "tabs"]
_LEAVING = [("Quit", "quit"), ("Close", "close"), ("Log Out", "log out"),
            ("Restart", "restart"), ("Shut Down", "shut down")]
DEFAULT_TITLES = {"info message": "Information", "warning": "Warning",
                  "error message": "Error", "question": "Question"}


def _title(rng: random.Random, kind: str, summary: str, app: str) -> str:
    """A summary as often as a program's name or the toolkit's default title."""
    return w.pick(rng, [summary, summary, app, DEFAULT_TITLES[kind]])


def _ok(rng: random.Random) -> list[str]:
    return [w.pick(rng, ["OK", "OK", "Close", "Got It"])]


def _yes_no(rng: random.Random, verb: str) -> list[str]:
    return w.pick(rng, [["No", "Yes"], ["Cancel", "OK"], ["Cancel", verb]])


def _info(rng: random.Random, file: str, app: str, n: int, folder: str) -> tuple[str, str, str]:
    noun, doing, done = w.pick(rng, _TASKS)
    person, wifi, device = w.person(rng), w.pick(rng, w.WIFI), w.pick(rng, w.DEVICES)
    event = w.pick(rng, _EVENTS)
    return w.pick(rng, [
        (f"{noun} {w.pick(rng, _DONE)}", f"{file} has finished {doing}.",
         f"{file} has finished {doing}"),
        (f"{noun} {w.pick(rng, _DONE)}", f"{n * 7} files were {done} to {folder}.",
         f"{n * 7} files got {done} to {folder}"),
        (f"{noun} {w.pick(rng, _DONE)}", f"{file} was {done} successfully.",
         f"{file} was {done}"),
        ("Update installed", f"{app} was updated to version {n}.{rng.randint(0, 9)}.",
         f"{app} got updated to version {n}"),
        ("Up to date", f"{app} is up to date.", f"{app} is already up to date"),
        ("Saved", f"Your changes to {file} were saved.", f"{file} was saved"),
        ("Message sent", f"Your message to {person} was sent.", f"your message to {person} went"),
        ("Connected", f"You are now connected to {wifi}.", f"you're connected to {wifi}"),
        ("Device ready", f"The {device} {'are' if device.endswith('s') else 'is'} connected.",
         f"the {device} got connected"),
        ("Reminder", f"{event} starts in {n * 5} minutes.",
         f"{event[:1].lower()}{event[1:]} starts in {n * 5} minutes"),
        ("Copied", f"{n} items were copied to the clipboard.", f"{n} items got copied"),
    ])


def _warning(rng: random.Random, file: str, app: str, n: int, folder: str) -> Message:
    place, amount = w.pick(rng, _PLACES), f"{n}.{rng.randint(0, 9)} {w.pick(rng, ['GB', 'MB'])}"
    ok = _ok(rng)
    return w.pick(rng, [
        ("Low battery", f"Battery is at {n}%. Plug in your charger soon.",
         f"the battery is down to {n}% and you should plug in", ok),
        ("Low disk space", f"Only {amount} left on {place}.",
         f"there's only {amount} left on {place}", w.pick(rng, [ok, ["Ignore", "Clean Up"]])),
        ("Storage almost full", f"{place.capitalize()} is almost full. Free up some space.",
         f"{place} is nearly full", ok),
        ("Unsaved changes", f"Save changes to {file} before closing?",
         f"you want to save {file} before closing", ["Don't Save", "Cancel", "Save"]),
        ("Large file", f"{file} is {n * 10} MB. Send it anyway?",
         f"{file} is {n * 10} MB and whether to send it anyway", ["Cancel", "Send"]),
        ("Password expiring", f"Your password expires in {n} days.",
         f"your password runs out in {n} days", ok),
        ("Not responding", f"{app} is not responding. Wait, or force it to quit?",
         f"{app} has hung", ["Wait", "Force Quit"]),
        ("Unsafe file", f"{file} was downloaded from the internet and might be unsafe.",
         f"{file} came from the internet and could be unsafe", ["Cancel", "Open Anyway"]),
        ("Caps Lock", "Caps Lock is on.", "Caps Lock is on", ok),
        ("Slow connection", f"The connection to {w.pick(rng, w.WIFI)} is weak.",
         "the connection is weak", ok),
        ("Sync paused", f"{folder} will not sync until you sign in again.",
         f"{folder} stopped syncing until you sign in", w.pick(rng, [ok, ["Later", "Sign In"]])),
    ])


def _error(rng: random.Random, file: str, app: str, n: int, folder: str) -> tuple[str, str, str]:
    device, server = w.pick(rng, w.DEVICES), w.pick(rng, _SERVERS)
    trouble = w.pick(rng, _DEVICE_TROUBLE)
    if device.endswith("s"):  # "the headphones are", not "is"
        verb_first, rest = trouble.split(" ", 1)
        trouble = f"{_PLURAL_VERBS.get(verb_first, verb_first)} {rest}"
    verb, done = w.pick(rng, _FILE_ACTIONS)
    reason, said_reason = w.pick(rng, _FILE_REASONS)
    because = f", because {said_reason}" if said_reason else ""
    return w.pick(rng, [
        (f"{device.capitalize()} error", f"The {device} {trouble}.", f"the {device} {trouble}"),
        (f"Cannot {verb} file", f"{file} could not be {done} {reason}".strip() + ".",
         f"{file} couldn't be {done}{because}"),
        (f"{verb.capitalize()} failed", f"There was a problem: {file} was not {done}.",
         f"{file} wasn't {done}"),
        ("Connection failed", f"Could not connect to {server}. Check your network.",
         f"it couldn't reach {server}"),
        ("Wrong password", f"Could not connect to {w.pick(rng, w.WIFI)}. Check the password.",
         "the password was wrong"),
        ("Access denied", f"You don't have permission to save in {folder}.",
         f"you're not allowed to save in {folder}"),
        ("Payment declined", "Your card was declined. Try another card.",
         "your card was declined"),
        (f"{app} crashed", f"{app} quit unexpectedly.", f"{app} crashed"),
        (f"{app} error", f"An unexpected error occurred (code {n * 111}).",
         f"something went wrong, error {n * 111}"),
        ("Not enough space", f"{file} needs {n * 100} MB, but {folder} is full.",
         f"there's no room for {file}"),
    ])


def _question(rng: random.Random, file: str, app: str, n: int, folder: str) -> Message:
    leave, leaving = w.pick(rng, _LEAVING)
    unsaved, access = w.pick(rng, _UNSAVED), w.pick(rng, _PERMISSIONS)
    remove = w.pick(rng, ["permanently delete", "delete", "remove"])
    person = w.person(rng)
    title, message, gist, verb = w.pick(rng, [
        (f"{remove.split()[-1].capitalize()} file", f"Are you sure you want to {remove} {file}?",
         f"you're sure you want to {remove} {file}", "Delete"),
        (leave, f"You have {n} unsaved {unsaved}. {leave} anyway?",
         f"you want to {leaving} with {n} unsaved {unsaved}", leave),
        (leave, f"{leave} now? Open programs will be closed.", f"you want to {leaving} now", leave),
        ("Replace file", f"{file} already exists in {folder}. Replace it?",
         f"you want to replace {file}, which already exists", "Replace"),
        ("Empty trash", f"Permanently delete all {n} items in the trash?",
         f"you want to permanently delete the {n} items in the trash", "Empty Trash"),
        ("Install update", f"Install the {app} update now? The computer will restart.",
         f"you want to install the {app} update now", "Install"),
        ("Save changes", f"Do you want to save the changes to {file}?",
         f"you want to save your changes to {file}", "Save"),
        ("Allow access", f"Allow {app} to use your {access}?",
         f"{app} may use your {access}", "Allow"),
        ("Send file", f"Send {file} to {person}?", f"you want to send {file} to {person}", "Send"),
        ("Move to folder", f"Move {n} files to {folder}?",
         f"you want to move {n} files to {folder}", "Move"),
    ])
    return title, message, gist, _yes_no(rng, verb)


def message(rng: random.Random, kind: str) -> Message:
    """(title, message, gist, buttons) for a message box of `kind`."""
    file, app, n, folder = (w.file_name(rng), w.pick(rng, w.APPS), rng.randint(2, 9),
                            w.pick(rng, w.FOLDERS))
    if kind in ("question", "warning"):
        maker = _question if kind == "question" else _warning
        summary, text, gist, buttons = maker(rng, file, app, n, folder)
    else:
        maker = _info if kind == "info message" else _error
        summary, text, gist = maker(rng, file, app, n, folder)
        buttons = _ok(rng)
    return _title(rng, kind, summary, app), text, gist, buttons


_ENTRIES: list[tuple[list[str], list[str], Callable[[random.Random], str]]] = [
    # (titles, prompts, what a filled-in box holds); a prompt names what is asked for, so
    # that "asking for {prompt}" reads right
    (["New contact", "Add contact", "Edit contact"],
     ["Phone number:", "Mobile number:", "Telephone:"],
     w.phone),
    (["New contact", "Add guest", "Guest list"], ["Full name:", "Name:", "Guest name:"],
     w.person),
    (["Rename file", "Rename", "Save as"], ["New name:", "File name:"],
     w.file_name),
    (["New folder", "Create folder"], ["Folder name:", "Name of the new folder:"],
     lambda r: w.pick(r, w.FOLDERS)),
    (["Share document", "Invite", "Send link"], ["Email address:", "Recipient:", "Email:"],
     w.email),
    (["Go to line", "Jump"], ["Line number:"], lambda r: str(r.randint(1, 900))),
    (["Find", "Search"], ["Text to find:", "Search words:"],
     lambda r: w.pick(r, w.SEARCH_QUERIES)),
    (["New playlist", "Add playlist"], ["Playlist name:", "Name:"],
     lambda r: w.pick(r, ["Road trip", "Focus", "Sunday morning", "Workout", "Party"])),
    (["Add bookmark", "Open location"], ["Address:", "Web address:", "URL:"],
     lambda r: f"www.{w.pick(r, w.BRANDS).lower()}.com"),
    (["Sign in", "Account"], ["User name:", "Username:"],
     lambda r: w.pick(r, w.FIRST_NAMES).lower() + str(r.randint(1, 99))),
    (["Delivery address", "Shipping"], ["Postcode:", "ZIP code:", "Street:"],
     lambda r: f"{r.randint(10000, 99999)}"),
    (["New event", "Reminder"], ["Event name:", "Title:", "Reminder text:"],
     lambda r: w.pick(r, w.SUBJECTS).rstrip("?!")),
]


def entry(rng: random.Random) -> tuple[str, str, Callable[[random.Random], str]]:
    """(title, prompt, value maker) for a dialog that asks for one line of text."""
    titles, prompts, value = w.pick(rng, _ENTRIES)
    return w.pick(rng, titles), w.pick(rng, prompts), value
