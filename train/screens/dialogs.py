"""Window makers for dialogs: message boxes, input, progress, login and sign-up, settings,
file dialogs and notifications. Each `make_*(rng, look) -> Built`."""

from __future__ import annotations

import random

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QRadioButton,
    QSlider,
    QSpinBox,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from train.screens import messages
from train.screens import words as w
from train.screens.icons import message_icon
from train.screens.look import Look
from train.screens.parts import Built, button_row, label, maybe


def make_message(rng: random.Random, look: Look, kind: str) -> Built:
    title, message, gist, buttons = messages.message(rng, kind)
    root = QWidget()
    layout = QVBoxLayout(root)
    layout.setContentsMargins(16, 16, 16, 12)
    row = QHBoxLayout()
    row.addWidget(message_icon(rng, look, kind, rng.choice([32, 48])))
    text = QVBoxLayout()
    if maybe(rng, 0.5):  # GTK puts the title in bold above the message as well
        text.addWidget(label(title, "heading", look=look, bold=True, px=look.font_px + 2))
    text.addWidget(label(message, wrap=len(message) > 50))
    row.addLayout(text, 1)
    layout.addLayout(row)
    buttons_row, widgets = button_row(buttons, rng, default=buttons[-1])
    layout.addLayout(buttons_row)
    return Built(root, kind, title, {"message": message, "gist": gist, "buttons": buttons},
                 focus=widgets[-1], size=(rng.randint(300, 420), 0))


_INPUTS = {
    "password input": [("Wi-Fi password", None, None), ("Authentication required", None, None),
                       ("Unlock keyring", None, None)],
    "number input": [("Print", "Number of copies:", (1, 99)), ("Font size", "Size:", (6, 72)),
                     ("Timer", "Minutes:", (1, 120)), ("Resize image", "Width in pixels:",
                                                       (16, 4000))],
}


def make_input(rng: random.Random, look: Look, kind: str) -> Built:
    title, prompt, value_maker = (messages.entry(rng) if kind == "text input" else
                                  w.pick(rng, _INPUTS[kind]))
    root = QWidget()
    layout = QVBoxLayout(root)
    layout.setContentsMargins(16, 14, 16, 12)
    if kind == "password input":
        prompt = w.pick(rng, [f"Enter the password for {w.pick(rng, w.WIFI)}:", "Password:",
                              "Enter your password to continue:"])
    layout.addWidget(label(prompt, "label", wrap=True))
    value = ""
    if kind == "number input":
        field = QSpinBox()
        field.setRange(*value_maker)
        field.setValue(rng.randint(*value_maker))
        value = str(field.value())
    else:
        field = QLineEdit()
        if kind == "password input":
            field.setEchoMode(QLineEdit.Password)
            field.setText("x" * rng.randint(0, 10))
        elif maybe(rng, 0.7):
            field.setText(value_maker(rng))
            value = field.text()
        else:
            field.setPlaceholderText(w.pick(rng, ["Type here", "Required", ""]))
    field.setProperty("label", prompt.rstrip(":"))
    layout.addWidget(field)
    buttons = ["Cancel", "OK"] if maybe(rng, 0.8) else ["OK", "Cancel"]
    # Many dialogs grey out OK until something is typed.
    empty = kind == "text input" and not value and maybe(rng, 0.5)
    row, _ = button_row(buttons, rng, default="OK", disabled=frozenset({"OK"} if empty else ()))
    layout.addLayout(row)
    return Built(root, kind, title, {"prompt": prompt.rstrip(":"), "value": value,
                                     "buttons": buttons}, focus=field,
                 size=(rng.randint(300, 400), 0))


def make_progress(rng: random.Random, look: Look) -> Built:
    file, folder = w.file_name(rng), w.pick(rng, w.FOLDERS)
    percent = rng.randint(1, 99)
    title, message = w.pick(rng, [
        ("Copying files", f"Copying {file} to {folder}"),
        ("Installing updates", f"Installing {w.pick(rng, w.APPS)} update"),
        ("Downloading", f"Downloading {file}"),
        ("Exporting", f"Exporting {file}"),
        ("Scanning", f"Scanning {folder} for problems"),
    ])
    minutes = rng.randint(1, 40)
    remaining = w.pick(rng, [f"About {minutes} minutes left", f"{minutes} min remaining", ""])
    root = QWidget()
    layout = QVBoxLayout(root)
    layout.setContentsMargins(16, 14, 16, 12)
    layout.addWidget(label(message, wrap=True))
    bar = QProgressBar()
    bar.setValue(percent)
    bar.setProperty("label", title)
    layout.addWidget(bar)
    if remaining:
        layout.addWidget(label(remaining, "detail"))
    buttons = w.pick(rng, [["Cancel"], ["Pause", "Cancel"]])
    row, widgets = button_row(buttons, rng)
    layout.addLayout(row)
    return Built(root, "progress", title, {"message": message, "percent": percent,
                                           "remaining": remaining, "buttons": buttons},
                 focus=widgets[-1], size=(rng.randint(340, 460), 0))


def make_login(rng: random.Random, look: Look, signup: bool = False) -> Built:
    brand = w.pick(rng, w.BRANDS)
    name = w.person(rng)
    root = QWidget()
    layout = QVBoxLayout(root)
    layout.setContentsMargins(28, 20, 28, 20)
    # A sign-up form asks for its own set of details, under its own heading and button, so
    # that a description has to read them rather than recite the usual four.
    heading = (w.pick(rng, w.SIGNUP_HEADINGS).format(org=brand) if signup else
               w.pick(rng, [f"Sign in to {brand}", f"Welcome back to {brand}", "Log in"]))
    layout.addWidget(label(heading, "heading", look=look, px=look.font_px + 6, bold=True))
    form = QFormLayout()
    labels = (w.signup_fields(rng) if signup else
              [w.pick(rng, ["Username", "Email", "Email or phone"]), "Password"])
    fields, filled = [], []
    for text in labels:
        field = QLineEdit()
        field.setProperty("label", text)
        if "assword" in text:
            field.setEchoMode(QLineEdit.Password)
            if maybe(rng, 0.5):
                field.setText("secret")
        elif signup:
            field.setText(w.signup_entry(rng, text))
        elif maybe(rng, 0.5):
            field.setText(name if "name" in text.lower() and "user" not in text.lower()
                          else w.email(rng, name))
        if field.text() and "assword" not in text:
            filled.append(f"{text}: {field.text()}")
        form.addRow(label(f"{text}:", "label"), field)
        fields.append(field)
    layout.addLayout(form)
    box = QCheckBox(w.pick(rng, w.SIGNUP_CHECKBOXES) if signup else
                    w.pick(rng, ["Remember me", "Keep me signed in", "Stay signed in"]))
    box.setChecked(maybe(rng, 0.5))
    layout.addWidget(box)
    action = (w.pick(rng, w.SIGNUP_BUTTONS) if signup else
              w.pick(rng, ["Sign in", "Log in"]))
    row, _ = button_row([action] if maybe(rng, 0.6) else ["Cancel", action], rng, default=action)
    layout.addLayout(row)
    if not signup and maybe(rng, 0.6):
        layout.addWidget(label("Forgot password?", "link"))
    title = f"{brand} {w.DASH} {'Sign up' if signup else 'Sign in'}"
    empty = next((f for f in fields if not f.text()), fields[0])
    return Built(root, "sign-up form" if signup else "login form", title,
                 {"heading": heading, "fields": labels, "filled": filled, "action": action,
                  "brand": brand, "checkbox": box.text()},
                 focus=empty, size=(rng.randint(360, 460), 0))


def make_settings(rng: random.Random, look: Look) -> Built:
    app = w.pick(rng, w.APPS)
    root = QWidget()
    layout = QVBoxLayout(root)
    tabs = QTabWidget()
    names = rng.sample(["General", "Appearance", "Privacy", "Sound", "Notifications",
                        "Advanced"], rng.randint(2, 4))
    page = QWidget()
    page_layout = QVBoxLayout(page)
    options = rng.sample(["Start at login", "Show notifications", "Check for updates",
                          "Send usage statistics", "Play sounds", "Use dark mode",
                          "Open files in new window", "Show hidden files"], rng.randint(2, 4))
    states = []
    for text in options:
        box = QCheckBox(text)
        box.setChecked(maybe(rng, 0.5))
        box.setEnabled(maybe(rng, 0.85))
        page_layout.addWidget(box)
        states.append(f"{text} {'on' if box.isChecked() else 'off'}")
    group = QGroupBox(w.pick(rng, ["Theme", "Startup", "Quality"]))
    group.setEnabled(maybe(rng, 0.9))
    group_layout = QHBoxLayout(group)
    choices = {"Theme": ["Light", "Dark", "System"], "Startup": ["Blank", "Last session"],
               "Quality": ["Low", "Medium", "High"]}[group.title()]
    chosen = rng.randrange(len(choices))
    buttons = QButtonGroup(root)
    for i, text in enumerate(choices):
        radio = QRadioButton(text)
        radio.setChecked(i == chosen)
        buttons.addButton(radio)
        group_layout.addWidget(radio)
    page_layout.addWidget(group)
    slider_row = QHBoxLayout()
    slider_name = w.pick(rng, ["Volume", "Brightness", "Font size", "Zoom"])
    slider_row.addWidget(label(f"{slider_name}:", "label"))
    slider = QSlider(Qt.Horizontal)
    slider.setRange(0, 100)
    slider.setValue(rng.randint(0, 100))
    slider.setProperty("label", slider_name)
    slider_row.addWidget(slider, 1)
    page_layout.addLayout(slider_row)
    combo_row = QHBoxLayout()
    combo_name = w.pick(rng, ["Language", "Save files to", "Update channel"])
    combo_row.addWidget(label(f"{combo_name}:", "label"))
    combo = QComboBox()
    combo.addItems({"Language": ["English", "Deutsch", "Español", "Français"],
                    "Save files to": w.FOLDERS[:5],
                    "Update channel": ["Stable", "Beta"]}[combo_name])
    combo.setCurrentIndex(rng.randrange(combo.count()))
    combo.setProperty("label", combo_name)
    combo_row.addWidget(combo, 1)
    page_layout.addLayout(combo_row)
    page_layout.addStretch(1)
    tabs.addTab(page, names[0])
    for name in names[1:]:
        tabs.addTab(QWidget(), name)
    layout.addWidget(tabs)
    labels = w.pick(rng, [["Cancel", "Apply", "OK"], ["Close"], ["Cancel", "Save"]])
    row, _ = button_row(labels, rng, default=labels[-1])
    layout.addLayout(row)
    title = w.pick(rng, [f"{app} Settings", "Preferences", f"{app} {w.DASH} Preferences"])
    return Built(root, "settings", title,
                 {"tabs": names, "tab": names[0], "options": states,
                  "choice": f"{group.title()}: {choices[chosen]}",
                  "slider": f"{slider_name} {slider.value()}%",
                  "combo": f"{combo_name}: {combo.currentText()}", "buttons": labels},
                 focus=slider if maybe(rng, 0.3) else None,
                 size=(rng.randint(420, 560), rng.randint(400, 480)))


def make_file_dialog(rng: random.Random, look: Look) -> Built:
    saving = maybe(rng, 0.35)
    folder = w.pick(rng, w.FOLDERS)
    root = QWidget()
    layout = QVBoxLayout(root)
    path = QLineEdit(f"/home/{w.pick(rng, w.FIRST_NAMES).lower()}/{folder}")
    path.setProperty("label", "Location")
    layout.addWidget(path)
    middle = QHBoxLayout()
    places = QListWidget()
    places.addItems(["Home", *rng.sample(w.FOLDERS, 5), "Trash"])
    places.setFixedWidth(rng.randint(120, 160))
    middle.addWidget(places)
    files = QTreeWidget()
    files.setHeaderLabels(["Name", "Size", "Modified"])
    files.setRootIsDecorated(False)
    names = sorted({w.file_name(rng) for _ in range(rng.randint(3, 12))})
    for name in names:
        files.addTopLevelItem(QTreeWidgetItem([name, w.size(rng), w.date(rng)]))
    selected = rng.randrange(len(names)) if maybe(rng, 0.7) else None
    if selected is not None:
        files.setCurrentItem(files.topLevelItem(selected))
    files.setColumnWidth(0, 220)
    middle.addWidget(files, 1)
    layout.addLayout(middle, 1)
    form = QFormLayout()
    name_field = QLineEdit(names[selected] if selected is not None else
                           (w.file_name(rng) if saving else ""))
    name_field.setProperty("label", "File name")
    form.addRow(label("File name:", "label"), name_field)
    layout.addLayout(form)
    action = "Save" if saving else "Open"
    row, _ = button_row(["Cancel", action], rng, default=action)
    layout.addLayout(row)
    title = w.pick(rng, ["Save As", "Save File"] if saving else ["Open File", "Open",
                                                                  "Choose a File"])
    return Built(root, "file dialog", title,
                 {"folder": folder, "files": names, "selected": name_field.text(),
                  "buttons": ["Cancel", action], "saving": saving},
                 focus=name_field, size=(rng.randint(600, 760), rng.randint(380, 480)))


def _notice(rng: random.Random) -> tuple[str, str, str]:
    """(program, title, message) of a notification: ten programs, each saying one of several
    things, so that a description reads them rather than recites the commonest."""
    name, n = w.person(rng), rng.randint(2, 30)
    notices = {
        "Mail": [(f"New mail from {name}", w.pick(rng, w.SUBJECTS)),
                 (f"{n} new messages", f"Latest from {name}")],
        "Calendar": [(w.pick(rng, w.EVENTS), f"Starts at {w.clock_time(rng)}"),
                     (w.pick(rng, w.EVENTS), f"In {rng.choice([5, 10, 15, 30])} minutes")],
        "Messages": [(name, w.pick(rng, w.CHAT_LINES))],
        "Updates": [("Updates available", f"{n} updates are ready to install"),
                    ("Restart required", "Restart to finish installing updates")],
        "Battery": [("Battery low", f"{rng.randint(3, 15)}% remaining"),
                    ("Fully charged", "You can unplug your charger")],
        "Downloads": [(w.pick(rng, ["Download complete", "Download finished"]),
                       w.file_name(rng)),
                      ("Download failed", f"{w.file_name(rng)} could not be saved")],
        "Backup": [("Backup complete", f"{n * 37} files copied to {w.pick(rng, w.DRIVES)}"),
                   ("Backup failed", f"{w.pick(rng, w.DRIVES)} is not connected")],
        "Reminders": [(w.pick(rng, w.REMINDERS), f"Due at {w.clock_time(rng)}")],
        "Network": [(f"Connected to {w.pick(rng, w.WIFI)}", "You're online"),
                    ("Wi-Fi disconnected", f"Lost connection to {w.pick(rng, w.WIFI)}")],
        "Screenshot": [("Screenshot saved", w.file_name(rng, "picture"))],
    }
    app = w.pick(rng, sorted(notices))
    return (app, *w.pick(rng, notices[app]))


def make_notification(rng: random.Random, look: Look) -> Built:
    app, title, message = _notice(rng)
    root = QWidget()
    root.setAutoFillBackground(True)
    layout = QVBoxLayout(root)
    layout.setContentsMargins(14, 10, 14, 10)
    layout.addWidget(label(app, "app", look=look, px=max(10, look.font_px - 2)))
    layout.addWidget(label(title, "heading", look=look, bold=True))
    layout.addWidget(label(message, wrap=True))
    buttons = w.pick(rng, [[], ["Dismiss"], ["Reply", "Dismiss"]] if app == "Messages" else
                     [[], ["Dismiss"], ["Open", "Dismiss"]])
    if buttons:
        row, _ = button_row(buttons, rng)
        layout.addLayout(row)
    return Built(root, "notification", title, {"app": app, "message": message,
                                               "buttons": buttons},
                 size=(rng.randint(280, 360), 0), frameless=True)


_LISTS = [
    ("Wi-Fi", "Choose a network to join:", ["Network", "Signal"],
     lambda r: (w.pick(r, w.WIFI), w.pick(r, ["Strong", "Good", "Weak", "Medium"])),
     ["Cancel", "Connect"]),
    ("Printers", "Select a printer:", ["Printer", "Status"],
     lambda r: (f"{w.pick(r, w.BRANDS)} {w.pick(r, ['LaserJet', 'Ink 200', 'Office Pro'])}",
                w.pick(r, ["Ready", "Offline", "Out of paper", "Busy"])),
     ["Cancel", "Print"]),
    ("Restore files", "Pick the files to restore:", ["File", "Size"],
     lambda r: (w.file_name(r), w.size(r)), ["Cancel", "Restore"]),
    ("Language", "Choose your language:", ["Language", "Region"],
     lambda r: w.pick(r, [("English", "United Kingdom"), ("English", "United States"),
                          ("Deutsch", "Deutschland"), ("Español", "México"),
                          ("Français", "Canada"), ("Italiano", "Italia")]), ["Cancel", "OK"]),
    ("Devices", "Bluetooth devices nearby:", ["Device", "State"],
     lambda r: (f"{w.pick(r, w.FIRST_NAMES)}'s {w.pick(r, ['phone', 'headphones', 'speaker'])}",
                w.pick(r, ["Paired", "Not paired", "Connected"])), ["Close", "Pair"]),
]


def make_list_dialog(rng: random.Random, look: Look) -> Built:
    title, prompt, headers, row_maker, buttons = w.pick(rng, _LISTS)
    rows: list[tuple[str, str]] = []
    for _ in range(rng.randint(2, 7)):
        row = row_maker(rng)
        if row[0] not in {r[0] for r in rows}:
            rows.append(row)
    root = QWidget()
    layout = QVBoxLayout(root)
    layout.addWidget(label(prompt, "label"))
    listing = QTreeWidget()
    listing.setHeaderLabels(headers)
    listing.setRootIsDecorated(False)
    for row in rows:
        listing.addTopLevelItem(QTreeWidgetItem(list(row)))
    listing.setColumnWidth(0, 200)
    selected = rng.randrange(len(rows)) if maybe(rng, 0.5) else None
    if selected is not None:
        listing.setCurrentItem(listing.topLevelItem(selected))
    layout.addWidget(listing, 1)
    row, _ = button_row(buttons, rng, default=buttons[-1])
    layout.addLayout(row)
    return Built(root, "list dialog", title,
                 {"prompt": prompt.rstrip(":"), "headers": headers, "rows": rows,
                  "selected": rows[selected][0] if selected is not None else "",
                  "buttons": buttons},
                 focus=listing, size=(rng.randint(340, 460), rng.randint(260, 360)))


_SLIDERS = [
    ("Volume", "Speaker volume", (0, 100)), ("Brightness", "Screen brightness", (0, 100)),
    ("Zoom", "Zoom level in percent", (25, 400)), ("Sleep timer", "Minutes until sleep", (1, 120)),
    ("Mouse speed", "Pointer speed", (1, 10)), ("Image quality", "JPEG quality", (10, 100)),
    ("Balance", "Left and right balance", (-50, 50)),
]


def make_slider_dialog(rng: random.Random, look: Look) -> Built:
    """One slider with its value shown above it, as `zenity --scale` and its kin draw it."""
    title, prompt, (low, high) = w.pick(rng, _SLIDERS)
    value = rng.randint(low, high)
    root = QWidget()
    layout = QVBoxLayout(root)
    layout.setContentsMargins(16, 14, 16, 12)
    layout.addWidget(label(f"{prompt}:" if maybe(rng, 0.5) else prompt, "label", wrap=True))
    readout = label(str(value), "value")
    slider = QSlider(Qt.Horizontal)
    slider.setRange(low, high)
    slider.setValue(value)
    slider.setProperty("label", prompt)
    if maybe(rng, 0.6):
        layout.addWidget(readout, alignment=Qt.AlignHCenter)
        layout.addWidget(slider)
    else:
        row = QHBoxLayout()
        row.addWidget(slider, 1)
        row.addWidget(readout)
        layout.addLayout(row)
    buttons = ["Cancel", "OK"] if maybe(rng, 0.8) else ["OK", "Cancel"]
    row, _ = button_row(buttons, rng, default="OK")
    layout.addLayout(row)
    return Built(root, "slider dialog", title, {"prompt": prompt, "value": str(value),
                                                "buttons": buttons},
                 focus=slider, size=(rng.randint(280, 420), 0))


_FORMS = [
    ("New contact", "Contact details", ["First name", "Last name", "Phone", "Email"]),
    ("Add event", "When and where is it?", ["Title", "Date", "Start time", "Place"]),
    ("Shipping address", "Where should we send your order?",
     ["Full name", "Street", "City", "Postcode"]),
    ("Book a table", "Your reservation", ["Name", "Date", "Time", "Guests"]),
    ("Report a problem", "Tell us what went wrong", ["Summary", "Steps", "Your email"]),
    ("Register device", "About this device", ["Device name", "Serial number", "Owner"]),
    ("Add guest", "Guest details", ["Name", "Email", "Arrival"]),
]


def _form_value(rng: random.Random, field: str) -> str:
    makers = {"name": lambda: w.person(rng), "email": lambda: w.email(rng),
              "phone": lambda: w.phone(rng), "date": lambda: w.date(rng),
              "time": lambda: w.clock_time(rng), "guests": lambda: str(rng.randint(1, 9)),
              "first name": lambda: w.pick(rng, w.FIRST_NAMES)}
    key = field.lower()
    maker = makers.get(key) or next((m for k, m in makers.items() if k in key), None)
    return maker() if maker else ""


def make_form_dialog(rng: random.Random, look: Look) -> Built:
    """A few labelled text boxes under a heading, as `zenity --forms` draws them."""
    title, heading, fields = w.pick(rng, _FORMS)
    fields = fields[: rng.randint(2, len(fields))]
    root = QWidget()
    layout = QVBoxLayout(root)
    layout.setContentsMargins(12, 10, 12, 10)
    group = QGroupBox(heading) if maybe(rng, 0.5) else None
    form = QFormLayout(group) if group else QFormLayout()
    if group is None:
        layout.addWidget(label(heading, "heading", look=look, bold=True))
    filled, boxes = [], []
    for name in fields:
        box = QLineEdit()
        box.setProperty("label", name)
        value = _form_value(rng, name) if maybe(rng, 0.3) else ""
        if value:
            box.setText(value)
            filled.append(name.lower())
        form.addRow(label(name, "label"), box)
        boxes.append(box)
    if group:
        layout.addWidget(group)
    else:
        layout.addLayout(form)
    buttons = ["Cancel", "OK"] if maybe(rng, 0.8) else ["OK", "Cancel"]
    row, _ = button_row(buttons, rng, default="OK")
    layout.addLayout(row)
    return Built(root, "form dialog", title, {"heading": heading, "fields": fields,
                                              "filled": filled, "buttons": buttons},
                 focus=boxes[0], size=(rng.randint(300, 440), 0))
