"""Window makers for application windows: text editor, terminal, table, e-mail inbox, web
pages, calendar, calculator, media player and image viewer. Each `make_*(rng, look) -> Built`."""

from __future__ import annotations

import random
from html import escape
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QFont, QPalette, QPixmap
from PySide6.QtWidgets import (
    QCalendarWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from train.screens import words as w
from train.screens.look import Look
from train.screens.parts import Built, label, maybe

MINUS, TIMES = "\u2212", "\u00d7"  # the calculator's keys, as real calculators label them


def _with_menu(body: QWidget, menus: list[str]) -> QWidget:
    """`body` under a menu bar, as most application windows are."""
    root = QWidget()
    layout = QVBoxLayout(root)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    bar = QMenuBar()
    for name in menus:
        bar.addMenu(name)
    layout.addWidget(bar)
    layout.addWidget(body, 1)
    return root


def make_editor(rng: random.Random, look: Look) -> Built:
    file = f"{w.pick(rng, w.FILE_STEMS)}.{w.pick(rng, ['txt', 'md', 'txt'])}"
    lines = rng.sample(w.SENTENCES, rng.randint(2, 7))
    if maybe(rng, 0.4):
        lines.insert(0, w.pick(rng, ["Shopping list", "To do", "Notes", "Ideas"]))
    edit = QPlainTextEdit("\n".join(lines))
    app = w.pick(rng, ["Text Editor", "Notepad", "Notes", "Writer"])
    unsaved = maybe(rng, 0.3)
    title = f"{'*' if unsaved else ''}{file} {w.DASH} {app}"
    root = _with_menu(edit, ["File", "Edit", "View", "Help"])
    return Built(root, "text editor", title, {"file": file, "app": app, "lines": lines,
                                              "unsaved": unsaved},
                 focus=edit, size=(rng.randint(520, 900), rng.randint(320, 560)))


def make_terminal(rng: random.Random, look: Look) -> Built:
    user, host = w.pick(rng, w.FIRST_NAMES).lower(), w.pick(rng, ["laptop", "desk", "pi"])
    prompt = f"{user}@{host}:~$ "
    lines, commands = [], []
    for command, output in rng.sample(w.COMMANDS, rng.randint(1, 4)):
        lines.append(prompt + command)
        lines.extend(line.format(user=user) for line in output)
        commands.append(command)
    lines.append(prompt)
    edit = QPlainTextEdit("\n".join(lines))
    font = QFont(w.pick(rng, ["DejaVu Sans Mono", "Nimbus Mono PS"]))
    font.setPixelSize(look.font_px)
    edit.setFont(font)
    palette = edit.palette()
    dark = not maybe(rng, 0.2)
    palette.setColor(QPalette.Base, QColor("#101010" if dark else "#ffffff"))
    palette.setColor(QPalette.Text, QColor(w.pick(rng, ["#d0d0d0", "#7fdc7f"]) if dark
                                           else "#111111"))
    edit.setPalette(palette)
    title = w.pick(rng, [f"{user}@{host}: ~", "Terminal", "Command Prompt"])
    return Built(edit, "terminal", title, {"commands": commands, "last": lines[-2],
                                           "lines": lines}, focus=edit,
                 size=(rng.randint(560, 860), rng.randint(300, 480)))


def make_table(rng: random.Random, look: Look) -> Built:
    kind = w.pick(rng, ["people", "expenses", "products"])
    if kind == "people":
        headers = ["Name", "Email", "Phone"]
        rows = [[n, w.email(rng, n), f"555-{rng.randint(0, 9999):04d}"]
                for n in (w.person(rng) for _ in range(rng.randint(3, 10)))]
        file = "contacts.csv"
    elif kind == "expenses":
        headers = ["Date", "Category", "Amount"]
        rows = [[w.date(rng), w.pick(rng, w.CATEGORIES), w.money(rng, 3, 400)]
                for _ in range(rng.randint(3, 10))]
        file = f"{w.pick(rng, ['budget_2024', 'expenses-march'])}.xlsx"
    else:
        headers = ["Product", "Price", "In stock"]
        rows = [[name, f"${price:.2f}", str(rng.randint(0, 80))]
                for name, price in rng.sample(w.PRODUCTS, rng.randint(3, 8))]
        file = "inventory.ods"
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))
    table.setColumnWidth(0, 200)
    table.setColumnWidth(1, 220)
    app = w.pick(rng, ["Spreadsheet", "Calc", "Sheets"])
    root = _with_menu(table, ["File", "Edit", "Insert", "Format"])
    return Built(root, "table", f"{file} {w.DASH} {app}",
                 {"file": file, "headers": headers, "rows": rows},
                 focus=table, size=(rng.randint(600, 820), rng.randint(280, 480)))


def make_inbox(rng: random.Random, look: Look) -> Built:
    mails = [(w.person(rng), w.pick(rng, w.SUBJECTS), w.date(rng))
             for _ in range(rng.randint(3, 9))]
    unread = rng.randint(0, len(mails))
    splitter = QSplitter()
    folders = QTreeWidget()
    folders.setHeaderHidden(True)
    for name in ["Inbox", "Sent", "Drafts", "Spam", "Trash"]:
        folders.addTopLevelItem(QTreeWidgetItem([f"Inbox ({unread})" if name == "Inbox" and
                                                 unread else name]))
    splitter.addWidget(folders)
    right = QWidget()
    right_layout = QVBoxLayout(right)
    right_layout.setContentsMargins(0, 0, 0, 0)
    search = QLineEdit()
    search.setPlaceholderText("Search mail")
    right_layout.addWidget(search)
    listing = QTreeWidget()
    listing.setHeaderLabels(["From", "Subject", "Date"])
    listing.setRootIsDecorated(False)
    for sender, subject, day in mails:
        listing.addTopLevelItem(QTreeWidgetItem([sender, subject, day]))
    listing.setColumnWidth(0, 150)
    listing.setColumnWidth(1, 230)
    right_layout.addWidget(listing, 1)
    splitter.addWidget(right)
    splitter.setSizes([140, 500])
    title = f"Inbox {w.DASH} {w.email(rng)} {w.DASH} {w.pick(rng, ['Mail', 'Mailbox'])}"
    return Built(_with_menu(splitter, ["File", "Edit", "View", "Message"]), "email inbox",
                 title, {"mails": [f"{s} from {n}" for n, s, _ in mails], "unread": unread,
                         "count": len(mails)},
                 size=(rng.randint(640, 900), rng.randint(340, 520)))


def _page(rng: random.Random, kind: str) -> tuple[str, str, dict]:
    """(page title, HTML body, facts) of a web-like page."""
    site = f"{w.pick(rng, w.BRANDS).lower()}.{w.pick(rng, ['com', 'org', 'news'])}"
    if kind == "web article":
        headline = w.pick(rng, w.HEADLINES)
        body = rng.sample(w.SENTENCES, rng.randint(2, 5))
        author = w.person(rng)
        html = (f"<h1>{escape(headline)}</h1><p><i>By {author}, {w.date(rng)}</i></p>"
                + "".join(f"<p>{escape(s)}</p>" for s in body))
        return headline, html, {"site": site, "headline": headline, "author": author,
                                "first": body[0]}
    if kind == "shopping cart":
        items = rng.sample(w.PRODUCTS, rng.randint(1, 4))
        total = sum(price for _, price in items)
        rows = "".join(f"<tr><td>{escape(name)}</td><td>${price:.2f}</td></tr>"
                       for name, price in items)
        html = (f"<h2>Your cart ({len(items)} items)</h2><table cellpadding='6'>{rows}</table>"
                f"<p><b>Total: ${total:.2f}</b></p><p>[ Checkout ]</p>")
        return "Shopping cart", html, {"site": site, "items": [n for n, _ in items],
                                       "total": f"${total:.2f}"}
    code, name, detail = w.pick(rng, w.ERROR_PAGES)
    html = (f"<h1>{code + f' {w.DASH} ' if code else ''}{name}</h1><p>{escape(detail)}</p>"
            f"<p><u>Go to the home page</u></p>")
    return f"{code} {name}".strip(), html, {"site": site, "code": code, "error": name,
                                            "detail": detail}


def make_web(rng: random.Random, look: Look, kind: str) -> Built:
    page_title, html, facts = _page(rng, kind)
    root = QWidget()
    layout = QVBoxLayout(root)
    layout.setContentsMargins(4, 4, 4, 4)
    path = {"web article": "news", "shopping cart": "cart", "error page": "help"}[kind]
    address = QLineEdit(f"https://{facts['site']}/{path if maybe(rng, 0.7) else ''}")
    address.setProperty("label", "Address")
    bar = QHBoxLayout()
    for text, name in [("←", "Back"), ("→", "Forward"), ("⟳", "Reload")]:
        button = QPushButton(text)
        button.setProperty("label", name)
        button.setFixedWidth(32)
        bar.addWidget(button)
    bar.addWidget(address, 1)
    layout.addLayout(bar)
    browser = QTextBrowser()
    browser.setHtml(html)
    layout.addWidget(browser, 1)
    browser_name = w.pick(rng, ["Web Browser", "Browser", "Navigator"])
    return Built(root, kind, f"{page_title} {w.DASH} {browser_name}", facts,
                 size=(rng.randint(640, 1000), rng.randint(380, 620)))


def make_calendar(rng: random.Random, look: Look) -> Built:
    calendar = QCalendarWidget()
    # Years long past keep today's date, which Qt marks, out of the picture: same seed, same pixels.
    day = QDate(rng.randint(2018, 2023), rng.randint(1, 12), rng.randint(1, 28))
    calendar.setSelectedDate(day)
    calendar.setGridVisible(maybe(rng, 0.5))
    selected = day.toString("dddd d MMMM yyyy")
    return Built(calendar, "calendar", w.pick(rng, ["Calendar", "Choose a date"]),
                 {"month": day.toString("MMMM yyyy"), "selected": selected},
                 focus=calendar, size=(rng.randint(320, 440), rng.randint(240, 320)))


def make_calculator(rng: random.Random, look: Look) -> Built:
    root = QWidget()
    layout = QVBoxLayout(root)
    a, b = rng.randint(1, 9999), rng.randint(1, 999)
    op = w.pick(rng, ["+", MINUS, TIMES, "÷"])
    value = {"+": a + b, MINUS: a - b, TIMES: a * b, "÷": round(a / b, 4)}[op]
    shown = w.pick(rng, [str(value), f"{a} {op} {b}", str(a)])
    display = QLineEdit(shown)
    display.setAlignment(Qt.AlignRight)
    display.setReadOnly(True)
    display.setFont(look.qfont(look.font_px * 2))
    display.setProperty("label", "Display")
    layout.addWidget(display)
    grid = QGridLayout()
    keys = ["C", "±", "%", "÷", "7", "8", "9", TIMES, "4", "5", "6", MINUS, "1", "2", "3", "+",
            "0", ".", "⌫", "="]
    for i, key in enumerate(keys):
        button = QPushButton(key)
        button.setMinimumHeight(36)
        grid.addWidget(button, i // 4, i % 4)
    layout.addLayout(grid)
    return Built(root, "calculator", "Calculator", {"display": shown},
                 size=(rng.randint(240, 320), rng.randint(320, 400)))


def make_player(rng: random.Random, look: Look) -> Built:
    song, artist = w.pick(rng, w.SONGS)
    length = rng.randint(120, 400)
    position = rng.randint(0, length)
    playing = maybe(rng, 0.6)
    root = QWidget()
    layout = QVBoxLayout(root)
    layout.addWidget(label(song, "heading", look=look, px=look.font_px + 6, bold=True))
    layout.addWidget(label(artist, "detail"))
    seek = QSlider(Qt.Horizontal)
    seek.setRange(0, length)
    seek.setValue(position)
    seek.setProperty("label", "Position")
    times = QHBoxLayout()
    times.addWidget(label(f"{position // 60}:{position % 60:02d}", "detail"))
    times.addStretch(1)
    times.addWidget(label(f"{length // 60}:{length % 60:02d}", "detail"))
    layout.addWidget(seek)
    layout.addLayout(times)
    controls = QHBoxLayout()
    controls.addStretch(1)
    for text in ["⏮", "⏸" if playing else "▶", "⏭"]:
        button = QPushButton(text)
        button.setProperty("label", {"⏮": "Previous", "⏭": "Next", "⏸": "Pause",
                                     "▶": "Play"}[text])
        controls.addWidget(button)
    controls.addStretch(1)
    layout.addLayout(controls)
    app = w.pick(rng, ["Music Player", "Music", "Player"])
    return Built(root, "media player", f"{song} {w.DASH} {app}",
                 {"song": song, "artist": artist, "playing": playing,
                  "time": f"{position // 60}:{position % 60:02d}"},
                 size=(rng.randint(320, 460), 0))


def make_image_viewer(rng: random.Random, look: Look,
                      photos: list[tuple[Path, str]]) -> Built:
    path, caption = w.pick(rng, photos)
    viewer = QLabel()
    viewer.setAlignment(Qt.AlignCenter)
    viewer.setStyleSheet("background: #202020;")
    width, height = rng.randint(520, 860), rng.randint(380, 620)
    pixmap = QPixmap(str(path))
    shown = pixmap.scaled(int(width * look.scale), int(height * look.scale),
                          Qt.KeepAspectRatio, Qt.SmoothTransformation)
    shown.setDevicePixelRatio(look.scale)
    viewer.setPixmap(shown)
    name = w.pick(rng, [path.name, f"IMG_{rng.randint(1000, 9999)}.jpg"])
    app = w.pick(rng, ["Photo Viewer", "Image Viewer", "Photos"])
    return Built(viewer, "image viewer", f"{name} {w.DASH} {app}",
                 {"file": name, "photo": path.name, "caption": caption},
                 size=(width, height))
