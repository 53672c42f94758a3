"""Descriptions of a rendered screen, from its record: casual, plain, and a long form.

The short forms go what it is -> what it says -> what you can do, in at most about 45 words,
with many phrasings per kind; the long form reads every text on screen in reading order.
`describe(screen, rng) -> {"casual": ..., "plain": ..., "long": ...}`.
"""

from __future__ import annotations

import random

from engine.ocr import TextBox, reading_order
from train.screens.messages import DEFAULT_TITLES
from train.screens.record import Screen, TextLine, Window
from train.screens.words import MINUS, TIMES

MAX_WORDS = 45


def _a(phrase: str) -> str:
    return f"{'an' if phrase[:1].lower() in 'aeiou' else 'a'} {phrase}"


def _join(items: list[str], last: str = "and") -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


# How a sum on a calculator's display is said: "7269 ÷ 13" aloud is "7269 divided by 13".
_OPERATORS_SAID = {"+": "plus", MINUS: "minus", TIMES: "times", "÷": "divided by"}


def _spoken_sum(display: str) -> str:
    return " ".join(_OPERATORS_SAID.get(part, part) for part in display.split(" "))


def _cap(sentence: str) -> str:
    sentence = sentence.strip()
    first = sentence.split(" ", 1)[0]
    if not sentence or any(c in first for c in ".-@_/0123456789"):
        return sentence  # a file name, address or number is said as written
    return sentence[:1].upper() + sentence[1:]


def _end(sentence: str) -> str:
    sentence = _cap(" ".join(sentence.split()))
    return sentence if not sentence or sentence[-1] in ".?!" else sentence + "."


def _buttons(rng: random.Random, buttons: list[str], casual: bool) -> str:
    if not buttons:
        return ""
    if casual:
        if len(buttons) == 1:
            return rng.choice([f"There's just {_a(buttons[0])} button.",
                               f"You can hit {buttons[0]}.", f"Just click {buttons[0]}.",
                               f"There's {_a(buttons[0])} button to close it."])
        return rng.choice([f"You can pick {_join(buttons, 'or')}.",
                           f"Your choices are {_join(buttons, 'or')}.",
                           f"The buttons say {_join(buttons)}.",
                           f"You can click {_join(buttons, 'or')}."])
    if len(buttons) == 1:
        return rng.choice([f"It has {_a(buttons[0])} button.", f"The button is {buttons[0]}."])
    return rng.choice([f"The buttons are {_join(buttons)}.",
                       f"It has {_join(buttons)} buttons.",
                       f"Buttons: {_join(buttons)}."])


# A bare "box" is what descriptions call text boxes and check boxes ("the Phone number box"):
# a message called "an info box" would not say that it is a message.
_MESSAGE_NOUNS = {
    "info message": (["message", "popup", "notice", "info message"], "information dialog"),
    "warning": (["warning", "warning popup", "warning box"], "warning dialog"),
    "error message": (["error", "error popup", "error box"], "error dialog"),
    "question": (["popup", "question", "dialog box"], "question dialog"),
}


def _message(rng: random.Random, win: Window, casual: bool) -> list[str]:
    f = win.facts
    casual_nouns, plain_noun = _MESSAGE_NOUNS[win.kind]
    noun = rng.choice(casual_nouns)
    # A toolkit's default title ("Warning") names the kind already: no "Warning warning box".
    title = "" if win.title == DEFAULT_TITLES[win.kind] else win.title

    def titled(form: str) -> str:
        """`form` around the title, or nothing for a default title."""
        return form.format(title) if title else ""

    named = f"{title} {noun}".strip()
    if casual:
        if win.kind == "question":
            first = rng.choice([f"{_a(named)} is asking if {f['gist']}.",
                                f"{_a(named)} is asking whether {f['gist']}.",
                                f"There's a question{titled(' titled {}')}: {f['message']}"])
        elif win.kind == "error message":
            first = rng.choice([f"{_a(named)} says {f['gist']}.",
                                f"There's an error{titled(', {}')}: {f['gist']}.",
                                f"Something went wrong: {_a(named)} says {f['gist']}."])
        elif win.kind == "warning":
            first = rng.choice([f"{_a(named)} says {f['gist']}.",
                                f"Heads up, there's a warning{titled(', {}')}: {f['message']}",
                                f"A warning popped up saying {f['gist']}."])
        else:
            first = rng.choice([f"{_a(named)} says {f['gist']}.",
                                f"There's {_a(noun)}{titled(', {},')} saying {f['gist']}.",
                                f"{_a(noun)} popped up: {f['message']}"])
        return [first, _buttons(rng, f["buttons"], True)]
    first = rng.choice([f"{_a(plain_noun)}{titled(' titled {}')} says: {f['message']}",
                        f"{_a(plain_noun)}{titled(' with the title {}')}. "
                        f"The message reads: {f['message']}",
                        f"{_a(plain_noun)}{titled(', {},')} reading: {f['message']}"])
    return [first, _buttons(rng, f["buttons"], False)]


def _input(rng: random.Random, win: Window, casual: bool) -> list[str]:
    f, title = win.facts, win.title
    prompt = f["prompt"]
    field = {"text input": "text box", "password input": "password box",
             "number input": "number box"}[win.kind]
    if casual:
        asked = prompt.removeprefix("Enter ")  # "Enter the password for X" asks for "the password"
        if not asked.split()[0].isupper():  # "ZIP code" keeps its capitals
            asked = asked[:1].lower() + asked[1:]
        first = rng.choice([f"{_a(title)} window is asking for {asked} in a {field}.",
                            f"{_a(title)} popup wants you to type {asked} into a {field}.",
                            f"There's {_a(title)} popup with a {field} for {asked}.",
                            f"{_a(title)} dialog has a {field} asking for {asked}."])
        if f["value"]:
            said = rng.choice([f"{f['value']} is already typed in.",
                               f"It's filled in with {f['value']}.",
                               f"Someone typed {f['value']} there."])
        else:
            said = rng.choice([f"The {field} is empty.", "Nothing's typed in yet.", ""])
    else:
        first = rng.choice([f"An input dialog titled {title} with a {field} labeled {prompt}.",
                            f"A dialog, {title}, asks for input in a {field}: {prompt}.",
                            f"{_a(title)} dialog with one {field}, {prompt}."])
        said = f"The field contains {f['value']}." if f["value"] else "The field is empty."
    if win.kind == "password input":
        said = ""
    return [first, said, _buttons(rng, f["buttons"], casual)]


def _typed_in(rng: random.Random, filled: list[str], casual: bool) -> str:
    """What is already typed in one of a form's boxes, from its "label: value" entries; ""
    where nothing is."""
    if not filled:
        return ""
    label, _, value = rng.choice(filled).partition(": ")
    if casual:
        return rng.choice([f"{value} is already typed in the {label.lower()} box.",
                           f"The {label.lower()} box already says {value}."])
    return f"The {label} box contains {value}."


def _forms(rng: random.Random, win: Window, casual: bool) -> list[str]:
    """What the form is, the boxes it asks you to fill in (every form asks for its own set),
    what is already typed, then the checkbox and the button."""
    f = win.facts
    fields = _join([x.lower() for x in f["fields"]])
    signup = win.kind == "sign-up form"
    page = "sign-up form" if signup else "login form"
    if casual:
        first = rng.choice([f"{_a(page)} for {f['brand']}: {f['heading']}. It asks for your "
                            f"{fields}.",
                            f"It's the {f['brand']} {'sign-up' if signup else 'sign-in'} page, "
                            f"asking for your {fields}.",
                            f"{f['heading']}, says this {page}, with boxes for {fields}."])
    else:
        first = rng.choice([f"{_a(page)} titled {f['heading']} with fields for {fields}.",
                            f"{_a(f['brand'])} {page}. Fields: {fields}."])
    filled = _typed_in(rng, f["filled"], casual)
    end = (f"There's {_a(f['checkbox'])} checkbox and {_a(f['action'])} button." if casual
           else f"It has {_a(f['checkbox'])} checkbox and {_a(f['action'])} button.")
    return [first, filled, end]


def _settings(rng: random.Random, win: Window, casual: bool) -> list[str]:
    f = win.facts
    shown = rng.sample(f["options"], min(2, len(f["options"])))
    if casual:
        return [rng.choice([f"{_a(win.title)} window is open on the {f['tab']} tab.",
                            f"You're in {win.title}, {f['tab']} tab."]),
                rng.choice([f"{_join(shown)}, and {f['choice']}.",
                            f"{_cap(f['slider'])}, {f['combo']}."]),
                f"There are tabs for {_join(f['tabs'][1:])}." if len(f["tabs"]) > 1 else "",
                _buttons(rng, f["buttons"], True)]
    return [f"A settings window, {win.title}, showing the {f['tab']} tab with check boxes, "
            f"radio buttons, a slider and a drop-down list.",
            f"{_cap(_join(shown))}. {_cap(f['slider'])}.", _buttons(rng, f["buttons"], False)]


def _file_dialog(rng: random.Random, win: Window, casual: bool) -> list[str]:
    f = win.facts
    files = f["files"][:3]
    verb = "save" if f["saving"] else "open"
    if casual:
        first = rng.choice([f"{_a(win.title)} window is asking which file to {verb}, "
                            f"in the {f['folder']} folder.",
                            f"A file picker, {win.title}, showing {f['folder']}.",
                            f"You're choosing a file to {verb}, in the {f['folder']} folder."])
        says = f"Files include {_join(files)}."
        picked = f"{f['selected']} is picked." if f["selected"] else ""
    else:
        first = rng.choice([f"A file dialog titled {win.title} showing the {f['folder']} folder.",
                            f"{_a(win.title)} file dialog open on the folder {f['folder']}."])
        says = f"The list shows {_join(files)}."
        picked = f"File name: {f['selected']}." if f["selected"] else ""
    return [first, says, picked, _buttons(rng, f["buttons"], casual)]


def _list_dialog(rng: random.Random, win: Window, casual: bool) -> list[str]:
    f = win.facts
    items = [f"{name} ({detail})" if rng.random() < 0.6 else name
             for name, detail in f["rows"][:3]]
    if casual:
        first = rng.choice([f"{_a(win.title)} list: {f['prompt'].lower()}.",
                            f"A {win.title} window with a list, {f['prompt'].lower()}.",
                            f"There's a list of {f['headers'][0].lower()}s to pick from."])
        says = rng.choice([f"It shows {_join(items)}.", f"On the list: {_join(items)}."])
        picked = f"{f['selected']} is selected." if f["selected"] else ""
    else:
        first = f"A list dialog titled {win.title}: {f['prompt']}."
        says = f"The list has {len(f['rows'])} {f['headers'][0].lower()}s: {_join(items)}."
        picked = f"Selected: {f['selected']}." if f["selected"] else ""
    return [first, says, picked, _buttons(rng, f["buttons"], casual)]


def _notification(rng: random.Random, win: Window, casual: bool) -> list[str]:
    f = win.facts
    if casual:
        first = rng.choice([f"A {f['app']} notification popped up in the corner: {win.title}.",
                            f"There's a notification from {f['app']}: {win.title}.",
                            f"{f['app']} just sent a notification, {win.title}."])
    else:
        first = rng.choice([f"A notification from {f['app']} titled {win.title}.",
                            f"{_a(f['app'])} notification: {win.title}."])
    return [first, _end(f["message"]), _buttons(rng, f["buttons"], casual)]


def _apps(rng: random.Random, win: Window, casual: bool) -> list[str]:
    f, kind = win.facts, win.kind
    if kind == "text editor":
        # Every opening says it is an editor: "open in Notes" leaves a listener who does
        # not know the program guessing what kind of window it is.
        first = (rng.choice([f"{f['file']} is open in the {f['app']} editor.",
                             f"A text editor with {f['file']} open.",
                             f"Someone's writing in {f['app']}, in a file called {f['file']}."])
                 if casual else f"A text editor window showing the file {f['file']}.")
        said = rng.choice([f"It starts: {f['lines'][0]}",
                           f"The first line reads {f['lines'][0]}"])
        return [first, said, "It has unsaved changes." if f["unsaved"] else ""]
    if kind == "terminal":
        first = (rng.choice(["A terminal window.", "There's a terminal open.",
                             "A command line window."]) if casual else
                 "A terminal window with a command prompt.")
        said = rng.choice([f"The last command was {f['commands'][-1]}.",
                           f"Someone ran {_join(f['commands'][-2:])}."])
        return [first, said, f"The last output line says {f['last']}"]
    if kind == "table":
        first = (f"A spreadsheet, {f['file']}, with a table of {len(f['rows'])} rows."
                 if casual else f"A table in {f['file']} with the columns "
                 f"{_join(f['headers'])}.")
        said = (f"The columns are {_join(f['headers'])}; the first row says "
                f"{_join(f['rows'][0])}." if casual else
                f"First row: {', '.join(f['rows'][0])}.")
        return [first, said]
    if kind == "email inbox":
        first = (rng.choice([f"Your e-mail inbox with {f['count']} messages.",
                             f"An inbox, {f['unread']} unread.",
                             f"Looks like a mail inbox: {f['count']} messages, "
                             f"{f['unread']} of them unread."]) if casual else
                 f"An e-mail inbox listing {f['count']} messages.")
        return [first, f"The top one is {f['mails'][0]}."]
    if kind == "web article":
        first = (rng.choice([f"A news article on {f['site']}: {f['headline']}.",
                             f"Looks like a news page with the headline {f['headline']}."])
                 if casual else
                 f"A web page on {f['site']} with the article {f['headline']}.")
        return [first, f"By {f['author']}.", f"It starts: {f['first']}"]
    if kind == "shopping cart":
        first = (f"A shopping cart on {f['site']} with {_join(f['items'][:3])}." if casual else
                 f"A shopping cart web page listing {_join(f['items'][:3])}.")
        return [first, f"The total is {f['total']}.", "There's a Checkout button."]
    if kind == "error page":
        error = f"{f['code']} {f['error']}".strip()
        first = (rng.choice([f"A web page error: {f['error']}.",
                             f"The browser shows an error page, {error}."])
                 if casual else f"A browser error page: {error}.")
        return [first, f["detail"]]
    if kind == "calendar":
        if f["prompt"]:  # a date picker
            if casual:
                asked = f["prompt"][:1].lower() + f["prompt"][1:]
                # No full stop after a prompt that asks ("When is the appointment?"):
                # _end puts one where the sentence has none.
                first = rng.choice([f"{_a(win.title)} popup has a calendar to pick a date: "
                                    f"{asked}",
                                    f"A date picker with a calendar is asking: {f['prompt']}",
                                    f"There's a calendar in {_a(win.title)} window, "
                                    f"saying {asked}"])
                said = rng.choice([f"It's on {f['month']}, with {f['selected']} picked.",
                                   f"{f['selected']} is highlighted."])
            else:
                first = f"A date picker dialog titled {win.title} with a calendar: {f['prompt']}"
                said = f"The selected date is {f['selected']}."
            return [first, said, _buttons(rng, f["buttons"], casual)]
        if casual:
            return [rng.choice([f"A calendar's open on {f['month']}, with {f['selected']} picked.",
                                f"Looks like a calendar showing {f['month']}; "
                                f"{f['selected']} is highlighted."])]
        return [f"A calendar showing {f['month']}.", f"The selected date is {f['selected']}."]
    if kind == "calculator":
        f = {**f, "display": _spoken_sum(f["display"])}
        if casual:
            named = "" if win.title == "Calculator" else f", {win.title},"
            return [rng.choice([f"A calculator{named} showing {f['display']}.",
                                f"It's a calculator{named} and the display reads "
                                f"{f['display']}."])]
        return ["A calculator window with number keys.", f"The display shows {f['display']}."]
    if kind == "media player":
        state = "playing" if f["playing"] else "paused"
        if casual:
            return [rng.choice([f"A music player, {state}: {f['song']} by {f['artist']}.",
                                f"{f['song']} by {f['artist']} is {state} in a music player."]),
                    f"It's at {f['time']}."]
        return [f"A media player with the song {f['song']} by {f['artist']}.",
                f"Position {f['time']}."]
    if kind == "image viewer":
        caption = f["caption"][:1].lower() + f["caption"][1:]
        if casual:
            return [rng.choice([f"A photo viewer showing {caption}.",
                                f"{f['file']} is open in a photo viewer: {caption}."])]
        return [f"An image viewer showing the photo {f['file']}: {caption}."]
    if kind.endswith("chart"):
        labels = _join(f["labels"][:4])
        if casual:
            return [rng.choice([f"{_a(kind)} of {f['chart_title']}.",
                                f"There's {_a(kind)} titled {f['chart_title']}."]),
                    rng.choice([f"{f['biggest']} is the biggest and {f['smallest']} the smallest.",
                                f"{f['biggest']} comes out on top."])]
        return [f"{_a(kind)} titled {f['chart_title']} with values for {labels}.",
                f"The highest value is {f['biggest']}."]
    if kind == "clock" and not f["time"]:
        title = win.title
        if casual:
            return [rng.choice([f"A little analog clock, {title}, in a window of its own.",
                                f"There's an analog clock open, {title}.",
                                "A clock face with two hands and no numbers written out."])]
        return [rng.choice([f"A clock window, {title}, with an analog face.",
                            f"An analog clock in a small window titled {title}."])]
    if kind == "clock":
        where = f" in {f['city']}" if f["city"] != "Local time" else ""
        if casual:
            return [rng.choice([f"A clock saying it's {f['time']}{where}.",
                                f"It's {f['time']}{where}, says the clock."])]
        return [f"A clock window showing the time {f['time']}.", _end(f["city"])]
    if kind == "eyes":
        title = win.title
        if casual:
            return [rng.choice([f"A pair of cartoon eyes in a little {title} window, "
                                "watching the pointer.",
                                f"There's {_a(title)} window: two big eyes that follow your mouse.",
                                "Two googly eyes are staring out of a small window."])]
        return [rng.choice([f"{_a(title)} window showing two eyes that look toward the pointer.",
                            f"A window titled {title} with a pair of eyes following the mouse."])]
    raise ValueError(f"no description for the window kind {kind!r}")


def _lower(name: str) -> str:
    """A title-cased name as said mid-sentence: 'Easy pancakes' -> 'easy pancakes', but
    'Greek salad' and 'Student ID' keep the capitals a name or an acronym needs."""
    keep = ("Greek", "French")
    return " ".join(word if word.isupper() or word in keep else word.lower()
                    for word in name.split())


def _recipe(rng: random.Random, f: dict, casual: bool) -> list[str]:
    dish, site, some = _lower(f["dish"]), f["site"], _join(f["ingredients"][:3])
    if casual:
        return [rng.choice([f"Looks like a recipe page for {dish}.",
                            f"A recipe for {dish} on {site}.",
                            f"It's a recipe: {dish}, from {site}.",
                            f"Someone's got a recipe open, {dish}."]),
                rng.choice([f"It takes {f['prep']} to prep and {f['cook']} to cook, and serves "
                            f"{f['servings']}.",
                            f"Serves {f['servings']}, with {f['prep']} of prep and {f['cook']} "
                            f"of cooking.",
                            f"Prep's {f['prep']}, cooking {f['cook']}, for {f['servings']}."]),
                rng.choice([f"You'll need {some}, among other things.",
                            f"Ingredients include {some}.",
                            f"The ingredients start with {some}."]),
                rng.choice([f"Then there are {f['steps']} numbered steps.",
                            f"{f['steps']} steps to follow below.", ""])]
    return [rng.choice([f"A recipe web page for {dish} on {site}.",
                        f"A recipe page titled {dish}.",
                        f"A web page with a recipe for {dish}."]),
            rng.choice([f"Prep time {f['prep']}, cook time {f['cook']}, serves {f['servings']}.",
                        f"It serves {f['servings']}; preparation takes {f['prep']} and "
                        f"cooking {f['cook']}."]),
            rng.choice([f"Ingredients include {some}.",
                        f"The ingredients list starts with {some}."]),
            rng.choice([f"Below are {f['steps']} numbered steps.",
                        f"The method has {f['steps']} numbered steps."])]


def _signup_page(rng: random.Random, f: dict, casual: bool) -> list[str]:
    org, heading, site = f["org"], f["heading"], f["site"]
    fields = _join([_lower(x) for x in f["fields"]])
    box, button = f["checkbox"], f["button"]
    if casual:
        return [rng.choice([f"Looks like a sign-up page for {org}: {heading}.",
                            f"A registration form on {site}, {heading}.",
                            f"It's the {org} page to create an account.",
                            f"A form to join {org} and make an account.",
                            f"{org} wants you to sign up here."]),
                rng.choice([f"It asks for your {fields}.", f"There are boxes for {fields}.",
                            f"You fill in {fields}."]),
                _typed_in(rng, f["filled"], True),
                rng.choice([f"There's a checkbox, {box}{', ticked' if f['checked'] else ''}.",
                            f"A checkbox says {box}."]) if box else "",
                rng.choice([f"Then click {button} at the bottom.", f"The button says {button}.",
                            f"When you're done, hit {button}."])]
    return [rng.choice([f"A sign-up web page for {org}, titled {heading}.",
                        f"A registration form on {site}: {heading}.",
                        f"A web form to create an account with {org}."]),
            rng.choice([f"It has text boxes for {fields}.", f"The form asks for {fields}.",
                        f"Text boxes: {fields}."]),
            _typed_in(rng, f["filled"], False),
            f"A checkbox reads {box}, {'checked' if f['checked'] else 'not checked'}."
            if box else "",
            rng.choice([f"The button is {button}.", f"It ends with {_a(button)} button."])]


def _product(rng: random.Random, f: dict, casual: bool) -> list[str]:
    product, site, price, rating = _lower(f["product"]), f["site"], f["price"], f["rating"]
    buttons, stock = f["buttons"], f["stock"]
    if stock.startswith("Only"):
        stock = f"only {stock.split()[1]} left"
    if casual:
        return [rng.choice([f"Looks like a product page for {product} on {site}.",
                            f"A shop's product page: {product}.",
                            f"It's the {site} product page for {product}."]),
                rng.choice([f"It costs {price}, rated {rating} out of 5 from {f['reviews']} "
                            f"reviews.",
                            f"{price}, and people give it {rating} stars.",
                            f"Priced at {price}, with a {rating} star rating."]),
                ("It's in stock." if stock == "In stock" else _end(stock)) if stock else "",
                rng.choice([f"The blurb says: {f['blurb']}", ""]),
                rng.choice([f"You can click {_join(buttons, 'or')}.",
                            f"There's {_a(buttons[0])} button." if len(buttons) == 1 else
                            f"There are {_join(buttons)} buttons.",
                            "You can add it to your cart."])]
    return [rng.choice([f"A product web page on {site} for {product}.",
                        f"A product page: {product}, sold on {site}."]),
            rng.choice([f"Price {price}. Rating {rating} out of 5, {f['reviews']} reviews.",
                        f"It costs {price} and is rated {rating} out of 5."]),
            _end(stock) if stock else "",
            f"Description: {f['blurb']}",
            rng.choice([f"Buttons: {_join(buttons)}.", f"It has {_join(buttons)} buttons."
                        if len(buttons) > 1 else f"It has {_a(buttons[0])} button."])]


def _search(rng: random.Random, f: dict, casual: bool) -> list[str]:
    engine, query, results = f["engine"], f["query"], f["results"]
    top, where = results[0], f["urls"][0].split("/")[0]
    if casual:
        return [rng.choice([f"Search results for {query} on {engine}.",
                            f"Someone searched {engine} for {query}.",
                            f"Looks like {_a(engine)} search for {query}.",
                            f"It's a search page, and the box says {query}."]),
                rng.choice([f"The top hit is {top}, from {where}.", f"First up: {top}.",
                            f"Results include {_join(results[:3])}."]),
                rng.choice(["You can click a result or search again.",
                            "Click a title to open it.", ""])]
    return [rng.choice([f"A search results page on {engine} for the query {query}.",
                        f"{engine} search results for {query}.",
                        f"A web search for {query}, with a list of results."]),
            rng.choice([f"The first result is {top}, at {f['urls'][0]}.",
                        f"Results: {_join(results[:3])}."]),
            f"Its summary: {f['snippets'][0]}"]


_WEB_PAGES = {"recipe page": _recipe, "web sign-up page": _signup_page,
              "product page": _product, "search results": _search}


def _slider_dialog(rng: random.Random, win: Window, casual: bool) -> list[str]:
    f, title = win.facts, win.title
    asked = f["prompt"][:1].lower() + f["prompt"][1:]
    if casual:
        first = rng.choice([f"{_a(title)} window has a slider for {asked}, set to {f['value']}.",
                            f"There's {_a(title)} slider, sitting at {f['value']}.",
                            f"{title}: a slider for {asked} is at {f['value']}.",
                            f"Drag the slider on the {title} popup to set {asked}; "
                            f"it's on {f['value']} now."])
    else:
        first = rng.choice([f"A dialog titled {title} with a slider for {asked}, set to "
                            f"{f['value']}.",
                            f"{_a(title)} slider dialog: {f['prompt']}, at {f['value']}."])
    return [first, _buttons(rng, f["buttons"], casual)]


def _form_dialog(rng: random.Random, win: Window, casual: bool) -> list[str]:
    f, title = win.facts, win.title
    fields = _join([x.lower() for x in f["fields"]])
    if casual:
        first = rng.choice([f"{_a(title)} form asks for {fields}.",
                            f"There's {_a(title)} form with boxes for {fields}.",
                            f"{f['heading']}, says {_a(title)} form, with boxes for {fields}."])
    else:
        first = rng.choice([f"A form titled {title}: {f['heading']}. Fields: {fields}.",
                            f"{_a(title)} form with text boxes for {fields}."])
    filled = f"{_join(f['filled'])} {'is' if len(f['filled']) == 1 else 'are'} filled in." if (
        f["filled"]) else ""
    return [first, filled, _buttons(rng, f["buttons"], casual)]


def _progress(rng: random.Random, win: Window, casual: bool) -> list[str]:
    f = win.facts
    first = (rng.choice([f"{_a(win.title)} progress window is at {f['percent']}%.",
                         f"Something's in progress, {win.title}, {f['percent']}% done."])
             if casual else f"A progress dialog titled {win.title} at {f['percent']} percent.")
    return [first, _end(f["message"]), _end(f["remaining"]) if f["remaining"] else "",
            _buttons(rng, f["buttons"], casual)]


def _window_sentences(rng: random.Random, win: Window, casual: bool) -> list[str]:
    kind = win.kind
    if kind in _MESSAGE_NOUNS:
        parts = _message(rng, win, casual)
    elif kind.endswith(" input"):
        parts = _input(rng, win, casual)
    elif kind in ("login form", "sign-up form"):
        parts = _forms(rng, win, casual)
    elif kind == "settings":
        parts = _settings(rng, win, casual)
    elif kind == "file dialog":
        parts = _file_dialog(rng, win, casual)
    elif kind == "list dialog":
        parts = _list_dialog(rng, win, casual)
    elif kind == "notification":
        parts = _notification(rng, win, casual)
    elif kind == "progress":
        parts = _progress(rng, win, casual)
    elif kind == "slider dialog":
        parts = _slider_dialog(rng, win, casual)
    elif kind == "form dialog":
        parts = _form_dialog(rng, win, casual)
    elif kind in _WEB_PAGES:
        parts = _WEB_PAGES[kind](rng, win.facts, casual)
    else:
        parts = _apps(rng, win, casual)
    return [_end(p) for p in parts if p]


def _state_sentences(rng: random.Random, win: Window, casual: bool) -> list[str]:
    """Greyed-out buttons, and where the keyboard focus is, when it is in a field."""
    sentences = []
    off = [c.label for c in win.controls if c.type == "button" and "disabled" in c.state]
    if off:
        word = rng.choice(["greyed out", "disabled"]) if casual else "disabled"
        sentences.append(_end(f"{_join(off)} {'is' if len(off) == 1 else 'are'} {word}"))
    field = next((c for c in win.controls if c.label == win.focus and "field" in c.type), None)
    if field is not None and field.label and rng.random() < 0.5:
        sentences.append(rng.choice([f"The cursor is in the {field.label} box.",
                                     f"You're typing in the {field.label} box."]) if casual
                         else f"The {field.label} field has the focus.")
    return sentences


def _fit(sentences: list[str], limit: int = MAX_WORDS) -> str:
    """Keep whole sentences, in order, while they fit in `limit` words (the first always)."""
    kept, count = [], 0
    for sentence in sentences:
        words = len(sentence.split())
        if kept and count + words > limit:
            continue
        kept.append(sentence)
        count += words
    return " ".join(kept)


def _desktop(rng: random.Random, screen: Screen, casual: bool) -> list[str]:
    icons = [t.text for t in screen.desktop_texts if t.role == "icon"]
    clock = next((t.text for t in screen.desktop_texts if t.role == "clock"), "")
    first = (rng.choice(["Just the desktop, no windows open.", "An empty desktop.",
                         "Nothing's open, just the desktop."]) if casual else
             "An empty desktop with no open windows.")
    return [first, f"There are icons for {_join(icons[:4])}." if icons else "",
            f"The clock says {clock}." if clock else ""]


def long_form(screen: Screen, intro: str) -> str:
    """Every text on screen in reading order: front window first, then those behind."""
    groups: list[list[TextLine]] = [w.texts for w in reversed(screen.windows)]
    groups.append(screen.desktop_texts)
    lines = []
    for group in groups:
        boxes = reading_order([TextBox(t.text, t.box, 1.0) for t in group])
        # Glyph-only text (arrows, media and calculator symbols) is not read out.
        texts = (" ".join(b.text.split()) for b in boxes if any(c.isalnum() for c in b.text))
        lines += [t if t[-1] in ".?!:" else t + "." for t in texts]
    if not lines:
        return f"{intro} There is no text on screen."
    return " ".join([intro, "The text on screen reads:", *lines])


def describe(screen: Screen, rng: random.Random) -> dict[str, str]:
    """The casual, plain and long descriptions of `screen`."""
    result = {}
    for register in ("casual", "plain"):
        casual = register == "casual"
        if not screen.windows:
            sentences = _desktop(rng, screen, casual)
        else:
            front = screen.windows[-1]
            sentences = _window_sentences(rng, front, casual)
            if casual and sentences[0].startswith(("A ", "An ")) and rng.random() < 0.35:
                opener = rng.choice(["Looks like", "On screen,", "Okay,", "Right now,"])
                sentences[0] = f"{opener} {sentences[0][0].lower()}{sentences[0][1:]}"
            sentences += _state_sentences(rng, front, casual)
            behind = [w.title for w in screen.windows[:-1]]
            if behind:
                sentences.append(_end(rng.choice([f"Behind it: {_join(behind)}",
                                                  f"Behind it there's also {_join(behind)}"])
                                      if casual else f"Other windows behind it: "
                                      f"{_join(behind)}"))
        result[register] = _fit([s for s in sentences if s])
    result["long"] = long_form(screen, result["plain"].split(". ")[0].rstrip(".") + ".")
    return result
