"""Captures screenshots of real GTK dialogs (zenity), X11 toy programs and web pages in
Chromium on a real X server, for measuring only:
`.venv/bin/python scripts/capture_gtk_screens.py OUT_DIR`.

The same kinds of program as `../shared/data/real-screens` (its README tells how it was
made), with dialogs, pages and words of our own, so that a model can be judged on more than
that set's eight screenshots. The virtual desktop and the capture are
`scripts/capture_tk_screens.py`'s; the programs come from Debian's zenity, x11-apps and
chromium (`apt-get install zenity x11-apps chromium`). OUT_DIR gets `images/NAME.png` and a
`refs.json` in the real set's format; the facts are the programs' own words, written here by
hand. Never train on these.
"""

from __future__ import annotations

import sys
import tempfile
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


# Web pages: (window title, page) shown by Chromium from a file.
PAGES = {
    "news": ("Council approves new bike lanes", """<h1>Council approves new bike lanes</h1>
<p><i>By Dana Whitfield, 12 March 2026</i></p>
<p>The city council voted 7 to 2 on Tuesday to build protected bike lanes along Harbor
Street. Work starts in June and should take four months.</p>
<p>Shop owners on the street asked for loading zones to stay; the plan keeps six of them.</p>"""),
    "cart": ("Your cart", """<h1>Your cart</h1><table cellpadding="8">
<tr><td>Trail running shoes</td><td>1</td><td>$89.00</td></tr>
<tr><td>Merino socks, 3 pairs</td><td>1</td><td>$24.50</td></tr>
<tr><td>Water bottle</td><td>2</td><td>$19.98</td></tr></table>
<p><b>Total: $133.48</b></p><button>Go to checkout</button>"""),
    "login": ("Sign in - Riverside Bank", """<h1>Riverside Bank</h1><h2>Sign in to online
banking</h2><p>User ID<br><input size="30"></p><p>Password<br><input type="password"
size="30"></p><p><button>Sign in</button></p><p><a href="#">Forgot your password?</a></p>"""),
    "missing": ("Page not found", """<h1>404</h1><h2>Page not found</h2><p>The page you were
looking for has moved or no longer exists.</p><p><a href="#">Back to the home page</a></p>"""),
    "soup": ("Red lentil soup | Weeknight Kitchen", """<h1>Red lentil soup</h1>
<p>Ready in 40 minutes &middot; Serves 4 &middot; Vegetarian</p><h2>Ingredients</h2><ul>
<li>1 cup red lentils</li><li>1 onion, chopped</li><li>2 carrots, diced</li>
<li>4 cups vegetable stock</li></ul><h2>Method</h2><ol><li>Soften the onion in a little oil.
</li><li>Add the lentils, carrots and stock and simmer for 25 minutes.</li></ol>"""),
    "register": ("Join Pinecrest Gym", """<h1>Pinecrest Gym</h1><h2>Create your member
account</h2><p>First name<br><input size="30"></p><p>Last name<br><input size="30"></p>
<p>Email<br><input size="30"></p><p>Password<br><input type="password" size="30"></p>
<p><input type="checkbox"> I agree to the terms</p><p><button>Join now</button></p>"""),
    "wiki": ("Red panda - Animal Encyclopedia", """<h1>Red panda</h1><p><i>From the Animal
Encyclopedia</i></p><p>The red panda is a small mammal native to the eastern Himalayas and
southwestern China. It has dense reddish-brown fur, a long ringed tail and a diet made
mostly of bamboo.</p><h2>Habitat</h2><p>Red pandas live in mountain forests between 2,200
and 4,800 metres, where they spend most of their time in trees.</p>"""),
    "search": ("cheap flights to lisbon - Findr Search", """<p><input size="50"
value="cheap flights to lisbon"> <button>Search</button></p><p>About 1,240,000 results</p>
<h3><a href="#">Cheap flights to Lisbon from $89 - SkyDeals</a></h3><p>Compare fares from
all airlines and book your trip to Lisbon today.</p><h3><a href="#">Lisbon travel guide -
Wanderful</a></h3><p>What to see, where to eat and how to get around Lisbon.</p>"""),
    "weather": ("Weather in Oslo", """<h1>Oslo, Norway</h1><p style="font-size: 48px">
-3&deg;C</p><p>Light snow. Wind 14 km/h.</p><table cellpadding="8"><tr><th>Thursday</th>
<th>Friday</th><th>Saturday</th></tr><tr><td>-1&deg; / -6&deg;</td><td>2&deg; / -4&deg;</td>
<td>4&deg; / 0&deg;</td></tr></table>"""),
    "inbox": ("Postbox Mail - Inbox", """<h1>Inbox</h1><table cellpadding="8">
<tr><td><b>Priya Nair</b></td><td><b>Lunch on Friday?</b></td><td>10:42</td></tr>
<tr><td><b>City Library</b></td><td><b>Your books are due soon</b></td><td>09:15</td></tr>
<tr><td>Tom Becker</td><td>Photos from the hike</td><td>Yesterday</td></tr></table>
<p><button>Compose</button></p>"""),
}


# Each screen: the command that shows it (its window is found by its --title, or else by the
# program's name; ["page", NAME] opens one of PAGES), what it says, and what a description of
# it must carry.
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
    {"name": "gtk_info_export",
     "show": zenity("info", "Export finished", "--text=Saved 24 photos to the Pictures "
                    "folder."),
     "ref": "An Export finished message says 24 photos were saved to the Pictures folder, "
            "with an OK button.",
     "must": [["export"], ["24"], ["pictures"], ["ok"]],
     "kind": MESSAGE},
    {"name": "gtk_warning_battery",
     "show": zenity("warning", "Battery low", "--text=Battery at 9%. Plug in your charger "
                    "soon."),
     "ref": "A Battery low warning says the battery is at 9% and to plug in the charger soon.",
     "must": [["battery"], ["9%", "9 %"], ["charger"], ["ok"]],
     "kind": WARNING},
    {"name": "gtk_error_printer",
     "show": zenity("error", "Printing stopped", "--text=The printer Office Laser is "
                    "offline. Check that it is turned on."),
     "ref": "A Printing stopped error says the printer Office Laser is offline and to check "
            "that it is on.",
     "must": [["printing", "printer"], ["office laser", "laser"], ["offline"], ["ok"]],
     "kind": ERROR},
    {"name": "gtk_question_quit",
     "show": zenity("question", "Quit Mail", "--text=You have 2 messages in the outbox. "
                    "Quit anyway?", "--ok-label=Quit", "--cancel-label=Stay"),
     "ref": "A Quit Mail popup asks whether to quit with 2 messages still in the outbox. You "
            "can pick Stay or Quit.",
     "must": [["quit"], ["2", "two"], ["outbox", "messages"], ["stay"]],
     "kind": QUESTION},
    {"name": "gtk_entry_folder",
     "show": zenity("entry", "New folder", "--text=Folder name:",
                    "--entry-text=Tax documents"),
     "ref": "A New folder popup has a text box for the folder name, filled in with Tax "
            "documents, with Cancel and OK buttons.",
     "must": [["folder"], ["tax documents", "tax"], ["ok"], ["cancel"]],
     "kind": ENTRY},
    {"name": "gtk_checklist_updates",
     "show": zenity("list", "Install updates", "--checklist", "--text=Updates to install:",
                    "--column=Install", "--column=Package", "TRUE", "Firefox 129",
                    "FALSE", "LibreOffice 25.2", "TRUE", "VLC 3.0.21", "--width=420",
                    "--height=300"),
     "ref": "An Install updates list with check boxes: Firefox 129 and VLC 3.0.21 are ticked, "
            "LibreOffice 25.2 is not.",
     "must": [["update"], ["firefox"], ["libreoffice"], ["vlc"]],
     "kind": [*LIST, "checkbox", "check box"]},
    {"name": "gtk_text_license",
     "show": zenity("text-info", "License agreement",
                    "--filename=/usr/share/common-licenses/Apache-2.0", "--width=640",
                    "--height=480"),
     "ref": "A License agreement window shows the text of the Apache License, version 2.0, "
            "with Cancel and OK buttons.",
     "must": [["license"], ["apache"], ["2.0"], ["ok"]],
     "kind": ["text", "document", "agreement", "license"]},
    {"name": "gtk_progress_copy",
     "show": zenity("progress", "Copying files", "--text=Copying 48 of 120 files to Backup",
                    "--percentage=40"),
     "ref": "A Copying files window shows 48 of 120 files copied to Backup, 40% done, with a "
            "Cancel button.",
     "must": [["copying", "copy"], ["48"], ["120"], ["backup"]],
     "kind": ["progress", "copying"]},
    {"name": "gtk_scale_brightness",
     "show": zenity("scale", "Brightness", "--text=Screen brightness", "--value=35"),
     "ref": "A Brightness window has a slider for the screen brightness, at 35, with Cancel "
            "and OK.",
     "must": [["brightness"], ["35"], ["ok"]],
     "kind": ["slider", "scale"]},
    {"name": "gtk_forms_signup",
     "show": zenity("forms", "Sign up", "--text=Create your account", "--add-entry=Username",
                    "--add-password=Password", "--add-entry=Email"),
     "ref": "A Sign up form to create an account asks for a username, password and email, "
            "with Cancel and OK buttons.",
     "must": [["sign up", "account"], ["username", "user"], ["password"], ["email"]],
     "kind": ["form", "sign-up", "sign up", *ENTRY]},
    {"name": "x11_logo",
     "show": ["xlogo"],
     "ref": "A window showing the X logo, a large black X.",
     "must": [["logo"], ["window"]],
     "kind": ["logo"]},
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
    {"name": "web_news", "show": ["page", "news"],
     "ref": "A news article in Chromium: the city council approved new bike lanes on Harbor "
            "Street, 7 votes to 2; work starts in June.",
     "must": [["council"], ["bike lanes", "bike"], ["harbor"], ["june", "7 to 2"]],
     "kind": ["article", "news"]},
    {"name": "web_cart", "show": ["page", "cart"],
     "ref": "A shopping cart page with trail running shoes, merino socks and two water "
            "bottles, $133.48 in all, and a Go to checkout button.",
     "must": [["cart"], ["shoes"], ["socks", "bottle"], ["133.48"], ["checkout"]],
     "kind": ["cart", "shopping"]},
    {"name": "web_login", "show": ["page", "login"],
     "ref": "A Riverside Bank page to sign in to online banking, with boxes for user ID and "
            "password and a Sign in button.",
     "must": [["riverside", "bank"], ["sign in"], ["user id", "user"], ["password"]],
     "kind": ["sign in", "sign-in", "login", "log in"]},
    {"name": "web_missing", "show": ["page", "missing"],
     "ref": "A Page not found error page, 404: the page has moved or no longer exists.",
     "must": [["not found", "404"], ["moved", "no longer", "exist"], ["home"]],
     "kind": ["error", "not found", "404"]},
    {"name": "web_soup", "show": ["page", "soup"],
     "ref": "A recipe page for red lentil soup: ready in 40 minutes, serves 4, with lentils, "
            "onion, carrots and vegetable stock, and two steps.",
     "must": [["lentil"], ["soup"], ["40"], ["carrots", "onion", "stock"]],
     "kind": ["recipe"]},
    {"name": "web_register", "show": ["page", "register"],
     "ref": "A Pinecrest Gym page to create a member account, asking for first and last "
            "name, email and password, with a terms checkbox and a Join now button.",
     "must": [["pinecrest", "gym"], ["name"], ["email"], ["password"], ["join"]],
     "kind": ["form", "sign-up", "sign up", "registration"]},
    {"name": "web_wiki", "show": ["page", "wiki"],
     "ref": "An encyclopedia article about the red panda, a small mammal of the eastern "
            "Himalayas and China with reddish-brown fur that eats mostly bamboo.",
     "must": [["red panda", "panda"], ["mammal"], ["himalayas", "china"], ["bamboo"]],
     "kind": ["article", "encyclopedia"]},
    {"name": "web_search", "show": ["page", "search"],
     "ref": "Search results for cheap flights to Lisbon: SkyDeals has flights from $89, and "
            "a Lisbon travel guide from Wanderful.",
     "must": [["lisbon"], ["flights"], ["$89", "89"], ["skydeals", "wanderful"]],
     "kind": ["search", "results"]},
    {"name": "web_weather", "show": ["page", "weather"],
     "ref": "A weather page for Oslo, Norway: minus 3 degrees and light snow, with a forecast "
            "for Thursday to Saturday.",
     "must": [["oslo"], ["-3", "3"], ["snow"], ["thursday", "friday", "saturday"]],
     "kind": ["weather", "forecast"]},
    {"name": "web_inbox", "show": ["page", "inbox"],
     "ref": "A Postbox Mail inbox with 3 unread messages: Priya Nair asks about lunch on "
            "Friday, the City Library says books are due soon, and Tom Becker sent photos.",
     "must": [["inbox", "mail"], ["priya", "lunch"], ["library", "books"], ["tom", "photos"]],
     "kind": ["inbox", "mail", "email", "e-mail"]},
]


def _command(show: list[str], scratch: Path) -> list[str]:
    """The command line of a `show` spec: a page is written to `scratch` and opens in a
    Chromium window of its own, with a fresh profile there."""
    if show[0] != "page":
        return show
    title, body = PAGES[show[1]]
    page = scratch / f"{show[1]}.html"
    page.write_text(f"<html><head><title>{title}</title></head><body style='font-family: "
                    f"sans-serif; margin: 40px'>{body}</body></html>", encoding="utf-8")
    # --test-type: no infobar about --no-sandbox, which running as root needs.
    return ["chromium", "--no-sandbox", "--test-type", "--no-first-run",
            "--no-default-browser-check", "--disable-gpu", f"--user-data-dir={scratch / show[1]}",
            "--window-position=120,60", "--window-size=1040,680", page.as_uri()]


def _title(show: list[str]) -> str:
    """The title of the window a `show` command opens, by which it is waited for."""
    if show[0] == "page":
        return f"{PAGES[show[1]][0]} - Chromium"
    titled = [option for option in show if option.startswith("--title=")]
    return titled[0].removeprefix("--title=") if titled else show[0]


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as scratch:
        capture(Path(sys.argv[1]), SCREENS, ABOUT,
                command=lambda show: _command(show, Path(scratch)), title=_title)
