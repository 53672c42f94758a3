"""Window makers for application windows: text editor, terminal, table, e-mail inbox, web
pages, calendar, calculator, media player and image viewer. Each `make_*(rng, look) -> Built`."""

from __future__ import annotations

import random
from collections.abc import Iterable
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
    QTabBar,
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
from train.screens.parts import Built, button_row, label, maybe


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
        rows = [[n, w.email(rng, n), w.phone(rng)]
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


def _slug(text: str) -> str:
    """`text` as the last part of an address: 'Easy pancakes' -> 'easy-pancakes'."""
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _box(text: str, width: int = 320) -> str:
    """A bordered cell that stands in for an HTML text box; `text` is what is typed in it."""
    return (f"<table border='1' cellspacing='0' cellpadding='4' width='{width}' "
            f"style='border-color:#8a8a8a; border-style:solid'><tr><td width='{width}'>"
            f"{escape(text) if text else '&nbsp;'}</td></tr></table>")


def _row(cells: Iterable[str]) -> str:
    """Cells side by side (tabs, buttons): a table row, so no spacing characters get between."""
    return "<table cellpadding='4'><tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr></table>"


def _article(rng: random.Random, site: str) -> tuple[str, str, dict]:
    headline = w.pick(rng, w.HEADLINES)
    body = rng.sample(w.SENTENCES, rng.randint(2, 5))
    author = w.person(rng)
    html = (f"<h1>{escape(headline)}</h1><p><i>By {author}, {w.date(rng)}</i></p>"
            + "".join(f"<p>{escape(s)}</p>" for s in body))
    return headline, html, {"site": site, "headline": headline, "author": author,
                            "first": body[0]}


def _cart(rng: random.Random, site: str) -> tuple[str, str, dict]:
    items = rng.sample(w.PRODUCTS, rng.randint(1, 4))
    total = sum(price for _, price in items)
    rows = "".join(f"<tr><td>{escape(name)}</td><td>${price:.2f}</td></tr>"
                   for name, price in items)
    html = (f"<h2>Your cart ({len(items)} items)</h2><table cellpadding='6'>{rows}</table>"
            f"<p><b>Total: ${total:.2f}</b></p><p>[ Checkout ]</p>")
    return "Shopping cart", html, {"site": site, "items": [n for n, _ in items],
                                   "total": f"${total:.2f}"}


def _error(rng: random.Random, site: str) -> tuple[str, str, dict]:
    code, name, detail = w.pick(rng, w.ERROR_PAGES)
    html = (f"<h1>{code + f' {w.DASH} ' if code else ''}{name}</h1><p>{escape(detail)}</p>"
            f"<p><u>Go to the home page</u></p>")
    return f"{code} {name}".strip(), html, {"site": site, "code": code, "error": name,
                                            "detail": detail}


def _minutes(rng: random.Random, low: int, high: int) -> str:
    """A cooking time as recipe sites write it: '25 min', '1 hr 10 min', '40 minutes'."""
    total = rng.randrange(low, high + 1, 5)
    hours, minutes = divmod(total, 60)
    if not hours:
        return f"{total} {w.pick(rng, ['min', 'mins', 'minutes'])}"
    return f"{hours} hr" + (f" {minutes} min" if minutes else "")


def _recipe(rng: random.Random, site: str) -> tuple[str, str, dict]:
    """A recipe: dish, times and servings, ingredients with quantities, numbered steps; three
    layouts (stacked, with a table of times, ingredients beside the steps)."""
    site = f"{w.pick(rng, w.BRANDS).lower()}{w.pick(rng, ['kitchen', 'recipes', 'eats'])}.com"
    dish = w.pick(rng, w.DISHES)
    prep, cook = _minutes(rng, 5, 30), _minutes(rng, 10, 90)
    servings = str(rng.choice([2, 4, 4, 6, 8, 12]))
    ingredients = [f"{w.pick(rng, amounts)} {name}"
                   for amounts, name in rng.sample(w.INGREDIENTS, rng.randint(4, 8))]
    # The step list runs from preparing to serving; a sample keeps that order.
    steps = [w.RECIPE_STEPS[i] for i in sorted(rng.sample(range(len(w.RECIPE_STEPS)),
                                                          rng.randint(3, 6)))]
    have = f"<h3>{w.pick(rng, ['Ingredients', 'You will need', 'What you need'])}</h3>"
    method = f"<h3>{w.pick(rng, ['Method', 'Steps', 'Directions', 'Instructions'])}</h3>"
    listed = "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in ingredients) + "</ul>"
    numbered = "<ol>" + "".join(f"<li>{escape(s)}</li>" for s in steps) + "</ol>"
    layout = rng.randrange(3)
    if layout == 1:
        cells = "".join(f"<td><small>{name}</small><br><b>{value}</b></td>" for name, value in
                        [("Prep time", prep), ("Cook time", cook), ("Serves", servings)])
        meta = f"<table cellpadding='6' border='1' cellspacing='0'><tr>{cells}</tr></table>"
    else:
        meta = "<p>" + w.pick(rng, [
            f"Prep: {prep} | Cook: {cook} | Serves: {servings}",
            f"Prep time {prep} &middot; Cook time {cook} &middot; Serves {servings}",
            f"Serves {servings}. Preparation {prep}, cooking {cook}.",
        ]) + "</p>"
    praise = w.pick(rng, ["A family favourite", "Quick and easy", "Simple and tasty",
                          "Ready on a weeknight"])
    intro = f"<p><i>{praise}, by {w.person(rng)}</i></p>" if maybe(rng, 0.5) else ""
    if layout == 2:
        body = (f"<table cellpadding='8' width='100%'><tr><td valign='top' width='40%'>{have}"
                f"{listed}</td><td valign='top'>{method}{numbered}</td></tr></table>")
    else:
        body = have + listed + method + numbered
    html = f"<h1>{escape(dish)}</h1>{intro}{meta}{body}"
    return dish, html, {"site": site, "dish": dish, "prep": prep, "cook": cook,
                        "servings": servings, "ingredients": ingredients, "steps": len(steps)}


def _signup_page(rng: random.Random, site: str) -> tuple[str, str, dict]:
    """An organisation's page to create an account: labelled boxes (a random set), maybe a
    checkbox line and a button line; labels above, beside or inside the boxes."""
    pattern, perk = w.pick(rng, w.SIGNUP_ORGS)
    brand = w.pick(rng, w.BRANDS)
    org = pattern.format(brand=brand)
    site = f"{_slug(org).replace('-', '')[:18]}.{w.pick(rng, ['com', 'org', 'net'])}"
    heading = w.pick(rng, w.SIGNUP_HEADINGS).format(org=org)
    names = w.signup_fields(rng)
    fields = [(n, w.signup_entry(rng, n)) for n in names]
    checkbox = w.pick(rng, w.SIGNUP_CHECKBOXES) if maybe(rng, 0.7) else ""
    button = w.pick(rng, w.SIGNUP_BUTTONS)
    # Labels above the boxes take the most height: only short forms use them.
    layout = rng.randrange(3) if len(names) <= 4 else rng.choice([1, 2])
    rows = []
    for name, value in fields:
        shown = "\u2022" * 8 if "assword" in name and maybe(rng, 0.3) else value
        if layout == 0:
            rows.append(f"<p style='margin-bottom:2px'>{name}</p>{_box(shown)}")
        elif layout == 1:
            rows.append(f"<tr><td>{name}:</td><td>{_box(shown, 260)}</td></tr>")
        else:
            rows.append(_box(shown) if shown else
                        f"<table border='1' cellspacing='0' cellpadding='4' width='320' "
                        f"style='border-color:#8a8a8a'><tr><td><font color='#777'>{name}"
                        f"</font></td></tr></table>")
            if shown:
                rows[-1] = f"<p style='margin-bottom:2px'><small>{name}</small></p>" + rows[-1]
    form = (f"<table cellpadding='4'>{''.join(rows)}</table>" if layout == 1
            else "".join(rows))
    checked = maybe(rng, 0.3)
    tick = f"<p>[{'x' if checked else ' '}] {escape(checkbox)}</p>" if checkbox else ""
    intro = w.pick(rng, [f"<p>Sign up to get {perk}.</p>", f"<p>Welcome to {escape(org)}.</p>",
                         f"<p>It only takes a minute. Join {escape(org)} for {perk}.</p>", ""])
    after = w.pick(rng, ["<p><u>Already have an account? Sign in</u></p>",
                         "<p><small>We never share your details.</small></p>", ""])
    html = (f"<h3>{escape(org)}</h3><h2>{escape(heading)}</h2>{intro}{form}{tick}"
            f"<p><b>[ {button} ]</b></p>{after}")
    return f"{heading} | {org}", html, {
        "site": site, "org": org, "heading": heading, "fields": names,
        "filled": [f"{n}: {v}" for n, v in fields if v], "checkbox": checkbox,
        "checked": checked, "button": button}


def _product(rng: random.Random, site: str) -> tuple[str, str, dict]:
    """One product for sale: name, price, rating, a short description and Add to cart."""
    name, price = w.pick(rng, w.PRODUCTS)
    site = f"{w.pick(rng, w.BRANDS).lower()}{w.pick(rng, ['', 'shop', 'store'])}.com"
    price_text = f"${price:.2f}"
    rating = f"{rng.randint(30, 50) / 10:.1f}"
    reviews = rng.randint(3, 2400)
    stars = "★" * round(float(rating)) + "☆" * (5 - round(float(rating)))
    rated = w.pick(rng, [f"{stars} {rating} out of 5 ({reviews} reviews)",
                         f"Rating: {rating}/5 from {reviews} reviews",
                         f"{rating} stars &middot; {reviews} ratings"])
    blurb = " ".join(rng.sample(w.PRODUCT_BLURBS, rng.randint(1, 2)))
    stock = w.pick(rng, ["In stock", "In stock", f"Only {rng.randint(1, 5)} left", ""])
    buttons = ["Add to cart"] + ([w.pick(rng, ["Buy now", "Add to wish list"])]
                                 if maybe(rng, 0.5) else [])
    crumbs = (f"<p><small>Home &gt; Shop &gt; {escape(name)}</small></p>"
              if maybe(rng, 0.5) else "")
    details = (f"<h1>{escape(name)}</h1><p>{rated}</p><h2>{price_text}</h2>"
               + (f"<p><b>{stock}</b></p>" if stock else "") + f"<p>{escape(blurb)}</p>"
               + _row(f"<b>[ {b} ]</b>" for b in buttons))
    if maybe(rng, 0.5):  # a grey box where the photo goes, beside the details
        html = (f"{crumbs}<table cellpadding='10'><tr><td bgcolor='#dddddd' width='200' "
                f"height='180'>&nbsp;</td><td valign='top'>{details}</td></tr></table>")
    else:
        html = crumbs + details
    return name, html, {"site": site, "product": name, "price": price_text, "rating": rating,
                        "reviews": str(reviews), "blurb": blurb, "stock": stock,
                        "buttons": buttons}


def _search(rng: random.Random, site: str) -> tuple[str, str, dict]:
    """A search engine's results: the box with the query, then 3-5 titles, addresses, snippets."""
    engine = w.pick(rng, w.SEARCH_ENGINES)
    site = f"{engine.lower()}.com"
    query = w.pick(rng, w.SEARCH_QUERIES)
    results = []
    count = rng.randint(3, 5)
    for template, brand in zip(rng.sample(w.SEARCH_TITLES, count), rng.sample(w.BRANDS, count),
                               strict=True):
        words = {"query": query, "Query": query[:1].upper() + query[1:], "brand": brand,
                 "dash": w.DASH}
        url = f"www.{brand.lower()}.{w.pick(rng, ['com', 'org', 'net'])}/{_slug(query)}"
        results.append((template.format(**words), url,
                        w.pick(rng, w.SEARCH_SNIPPETS).format(**words)))
    tabs = _row(w.pick(rng, [["All", "Images", "News", "Maps"], ["All", "Videos", "Shopping"]])
                ) if maybe(rng, 0.6) else ""
    found = (f"<p><small>About {rng.randint(2, 900):,},{rng.randint(0, 999):03d} results"
             f"</small></p>" if maybe(rng, 0.5) else "")
    address_first = maybe(rng, 0.5)
    items = []
    for title, url, snippet in results:
        link = f"<font color='#1a0dab' size='+1'><u>{escape(title)}</u></font>"
        where = f"<font color='#0b6b2a'>{escape(url)}</font>"
        items.append(f"<p>{where}<br>{link}<br>{escape(snippet)}</p>" if address_first
                     else f"<p>{link}<br>{where}<br>{escape(snippet)}</p>")
    html = (f"<h2>{engine}</h2><table><tr><td>{_box(query, 380)}</td><td>&nbsp;<b>[ Search ]"
            f"</b></td></tr></table>{tabs}{found}{''.join(items)}")
    return f"{query} {w.DASH} {engine}", html, {
        "site": site, "engine": engine, "query": query, "results": [r[0] for r in results],
        "urls": [r[1] for r in results], "snippets": [r[2] for r in results]}


# Each web page kind: its page maker and the address paths a browser may show for it.
_PAGES = {
    "web article": (_article, lambda f: ["news", "news/local", "articles"]),
    "shopping cart": (_cart, lambda f: ["cart", "basket", "checkout/cart"]),
    "error page": (_error, lambda f: ["help", "account", "page"]),
    "recipe page": (_recipe, lambda f: [f"recipes/{_slug(f['dish'])}", _slug(f["dish"])]),
    "web sign-up page": (_signup_page, lambda f: ["signup", "register", "join",
                                                  "account/create"]),
    "product page": (_product, lambda f: [f"products/{_slug(f['product'])}",
                                          f"shop/{_slug(f['product'])}"]),
    "search results": (_search, lambda f: [f"search?q={f['query'].replace(' ', '+')}"]),
}
WEB_KINDS = tuple(_PAGES)


def _page(rng: random.Random, kind: str) -> tuple[str, str, dict]:
    """(page title, HTML body, facts) of a web-like page."""
    site = f"{w.pick(rng, w.BRANDS).lower()}.{w.pick(rng, ['com', 'org', 'news'])}"
    return _PAGES[kind][0](rng, site)


_BROWSERS = ["Web Browser", "Browser", "Navigator", "Chromium", "Firefox", "Google Chrome"]
# What browsers show beside the address: a profile button says "Sign in" on every page, so
# those words must not make a page a login form.
_PROFILE_BUTTONS = ["Sign in", "Sign in to Chromium?", "Guest", "Paused", "Work"]
_OTHER_TABS = ["New Tab", "Inbox (3)", "Weather", "Maps", "Untitled", "Settings"]


def _tab_strip(rng: random.Random, page_title: str) -> QHBoxLayout:
    """The tabs browsers draw along their top edge, the page's tab first."""
    tabs = QTabBar()
    tabs.setElideMode(Qt.ElideNone)  # the record keeps the tab's text whole, so it must show
    tabs.setExpanding(False)
    tabs.setTabsClosable(maybe(rng, 0.7))
    tabs.addTab(page_title[:rng.randint(16, 30)].rstrip())
    for _ in range(rng.choice([0, 0, 1, 2])):
        tabs.addTab(w.pick(rng, _OTHER_TABS))
    strip = QHBoxLayout()
    strip.addWidget(tabs)
    new_tab = QPushButton("+")
    new_tab.setProperty("label", "New tab")
    new_tab.setFixedWidth(28)
    strip.addWidget(new_tab)
    strip.addStretch(1)
    return strip


def _address(rng: random.Random, kind: str, facts: dict) -> str:
    # Searches always show the query in the address; other pages may show just the site.
    path = w.pick(rng, _PAGES[kind][1](facts))
    path = path if kind == "search results" or maybe(rng, 0.7) else ""
    page = f"{facts['site']}/{path}"
    return w.pick(rng, [f"https://{page}", f"https://{page}", page,
                        f"/home/{w.pick(rng, w.FIRST_NAMES).lower()}/{_slug(path or 'index')}"
                        f".html"])


def make_web(rng: random.Random, look: Look, kind: str) -> Built:
    page_title, html, facts = _page(rng, kind)
    root = QWidget()
    layout = QVBoxLayout(root)
    layout.setContentsMargins(4, 4, 4, 4)
    if maybe(rng, 0.5):
        layout.addLayout(_tab_strip(rng, page_title))
    address = QLineEdit(_address(rng, kind, facts))
    address.setProperty("label", "Address")
    bar = QHBoxLayout()
    for text, name in [("←", "Back"), ("→", "Forward"), ("⟳", "Reload")]:
        button = QPushButton(text)
        button.setProperty("label", name)
        button.setFixedWidth(32)
        bar.addWidget(button)
    bar.addWidget(address, 1)
    extras = [("☆", "Bookmark", 0.5), (w.pick(rng, _PROFILE_BUTTONS), "Profile", 0.4),
              ("⋮", "Menu", 0.6)]
    for text, name, chance in extras:
        if maybe(rng, chance):
            button = QPushButton(text)
            button.setProperty("label", name)
            if len(text) == 1:
                button.setFixedWidth(32)
            bar.addWidget(button)
    layout.addLayout(bar)
    browser = QTextBrowser()
    browser.setHtml(html)
    layout.addWidget(browser, 1)
    # Forms and recipes are long pages: browsers showing them are rarely short.
    low = 500 if kind in ("web sign-up page", "recipe page") else 380
    return Built(root, kind, f"{page_title} {w.DASH} {w.pick(rng, _BROWSERS)}", facts,
                 size=(rng.randint(640, 1000), rng.randint(low, 680)))


_DATE_PROMPTS = ["Select a date from below:", "Choose a date:", "Pick the start date:",
                 "When is the appointment?", "Select the due date:", "Choose a day:"]


def make_calendar(rng: random.Random, look: Look) -> Built:
    """A calendar window, or as often a date picker: a prompt above it and buttons below, as
    programs ask for a date."""
    calendar = QCalendarWidget()
    # Years long past keep today's date, which Qt marks, out of the picture: same seed, same pixels.
    day = QDate(rng.randint(2018, 2023), rng.randint(1, 12), rng.randint(1, 28))
    calendar.setSelectedDate(day)
    calendar.setGridVisible(maybe(rng, 0.5))
    facts = {"month": day.toString("MMMM yyyy"), "selected": day.toString("dddd d MMMM yyyy"),
             "prompt": "", "buttons": []}
    size = (rng.randint(320, 440), rng.randint(240, 320))
    if not maybe(rng, 0.5):
        return Built(calendar, "calendar", w.pick(rng, ["Calendar", "Choose a date"]), facts,
                     focus=calendar, size=size)
    root = QWidget()
    layout = QVBoxLayout(root)
    prompt = w.pick(rng, _DATE_PROMPTS)
    layout.addWidget(label(prompt, "label"))
    layout.addWidget(calendar, 1)
    buttons = w.pick(rng, [["Cancel", "OK"], ["Cancel", "Select"], ["OK"]])
    row, _ = button_row(buttons, rng, default=buttons[-1])
    layout.addLayout(row)
    facts.update(prompt=prompt.rstrip(":"), buttons=buttons)
    return Built(root, "calendar", w.pick(rng, ["Calendar", "Choose a date", "Date", "Due date",
                                                "New event", "Appointment"]), facts,
                 focus=calendar, size=(size[0], size[1] + rng.randint(60, 100)))


_CALCULATOR_KEYS = {  # (columns, keys) as basic, scientific and programmer calculators have them
    "basic": (4, ["C", "±", "%", "÷", "7", "8", "9", w.TIMES, "4", "5", "6", w.MINUS, "1", "2",
                  "3", "+", "0", ".", "⌫", "="]),
    "scientific": (5, ["INV", "sin", "cos", "tan", "AC", "x²", "√", "log", "ln", "÷", "π", "7",
                       "8", "9", w.TIMES, "(", "4", "5", "6", w.MINUS, ")", "1", "2", "3", "+",
                       "EE", "0", ".", "±", "="]),
    "programmer": (5, ["AND", "OR", "XOR", "NOT", "AC", "A", "B", "7", "8", "9", "C", "D", "4",
                       "5", "6", "E", "F", "1", "2", "3", "mod", "shl", "0", "shr", "="]),
}

_CALCULATOR_MODES = {"basic": [], "scientific": ["DEG", "RAD"], "programmer": ["DEC", "HEX"]}


def make_calculator(rng: random.Random, look: Look) -> Built:
    layout_name = w.pick(rng, sorted(_CALCULATOR_KEYS))
    columns, keys = _CALCULATOR_KEYS[layout_name]
    root = QWidget()
    layout = QVBoxLayout(root)
    a, b = rng.randint(1, 9999), rng.randint(1, 999)
    op = w.pick(rng, ["+", w.MINUS, w.TIMES, "÷"])
    value = {"+": a + b, w.MINUS: a - b, w.TIMES: a * b, "÷": round(a / b, 4)}[op]
    shown = w.pick(rng, [str(value), f"{a} {op} {b}", str(a), "0"])
    display = QLineEdit(shown)
    display.setAlignment(Qt.AlignRight)
    display.setReadOnly(True)
    display.setFont(look.qfont(int(look.font_px * rng.choice([1.5, 2]))))
    display.setProperty("label", "Display")
    layout.addWidget(display)
    if _CALCULATOR_MODES[layout_name] and maybe(rng, 0.7):  # the angle or number base in use
        modes = QHBoxLayout()
        modes.addWidget(label(w.pick(rng, _CALCULATOR_MODES[layout_name]), "label"))
        modes.addStretch(1)
        layout.addLayout(modes)
    grid = QGridLayout()
    grid.setSpacing(rng.choice([1, 3, 6]))
    height = rng.choice([24, 30, 36])
    for i, key in enumerate(keys):
        button = QPushButton(key)
        button.setMinimumHeight(height)
        grid.addWidget(button, i // columns, i % columns)
    layout.addLayout(grid)
    title = w.pick(rng, ["Calculator", "Calculator", "Calc", "xcalc", "KCalc", "galculator"])
    rows = -(-len(keys) // columns)
    return Built(root, "calculator", title, {"display": shown},
                 size=(rng.randint(45, 70) * columns, rows * (height + 8) + rng.randint(80, 120)))


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
