"""Word lists the screen renderer draws from: names, files, apps, sums, dates, times, messages.

All invented for this project. `pick(rng, LIST)` and the small makers below keep a screen's
texts varied but plausible; nothing here is taken from the real-screens measuring set.
"""

from __future__ import annotations

import random

DASH = "\u2013"  # the en dash that separates a document from its program in window titles
MINUS, TIMES = "\u2212", "\u00d7"  # as real calculators label their keys

FIRST_NAMES = [
    "Alice", "Ben", "Carmen", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas",
    "Keiko", "Liam", "Maya", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Samir", "Tessa",
    "Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoe", "Anna", "Marco", "Lena", "Tom",
]
LAST_NAMES = [
    "Adams", "Berg", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Horvat", "Ito", "Jensen",
    "Kowalski", "Lopez", "Moreau", "Novak", "Okafor", "Patel", "Quinn", "Rossi", "Silva",
    "Tanaka", "Unger", "Vargas", "Walsh", "Young", "Zhang", "Murphy", "Khan", "Larsen",
]
FILE_STEMS = [
    "holiday-photos", "report-final", "budget_2024", "invoice-0417", "thesis-draft", "notes",
    "meeting-minutes", "tax-return", "family-tree", "recipe-book", "backup", "presentation",
    "contract-signed", "cv-updated", "garden-plan", "wedding-video", "song-demo", "lecture-03",
    "expenses-march", "project-plan", "passport-scan", "readme", "setup", "kids-drawings",
]
FILE_TYPES = {
    "document": ["docx", "odt", "pdf", "txt", "md"], "spreadsheet": ["xlsx", "ods", "csv"],
    "picture": ["jpg", "png", "heic"], "archive": ["zip", "tar.gz", "7z"],
    "video": ["mp4", "mkv"], "music": ["mp3", "flac"], "program": ["exe", "sh", "py"],
}
FOLDERS = [
    "Documents", "Downloads", "Pictures", "Music", "Videos", "Desktop", "Projects", "Work",
    "School", "Taxes", "Photos 2023", "Backups", "Recipes", "Invoices",
]
APPS = [
    "Notepad", "Text Editor", "Mail", "Calendar", "Calculator", "Files", "Music Player",
    "Photo Viewer", "Terminal", "Settings", "Budget Planner", "Chess", "Weather", "Maps",
    "Notes", "Contacts", "Paint", "Backup Tool", "Video Player", "Package Manager",
]
BRANDS = [
    "Northwind", "Bluebird", "Acme", "Pinecone", "Riverside", "Sunflower", "Cobalt", "Maple",
    "Lighthouse", "Orbit", "Harbor", "Juniper", "Atlas", "Meadow",
]
DEVICES = ["printer", "scanner", "webcam", "microphone", "USB drive", "headphones", "keyboard"]
WIFI = ["HomeNet", "Office-5G", "CafeFree", "Guest_2G", "TP-Link_84", "Library-WiFi", "Pixel_7"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SUBJECTS = [
    "Lunch on Friday?", "Your order has shipped", "Invoice for March", "Meeting moved to 3 pm",
    "Photos from the trip", "Re: project plan", "Password reset", "Team dinner",
    "Your library books are due", "Weekly newsletter", "Flight confirmation",
    "Happy birthday!", "Quick question", "Rent reminder", "Doctor's appointment",
    "New comment on your post", "Re: garden plans", "Concert tickets",
]
SENTENCES = [
    "The meeting has been moved to Thursday afternoon.",
    "Please bring the signed forms to the front desk.",
    "Our team finished the first draft of the report.",
    "The garden needs watering twice a week in summer.",
    "Remember to back up your files before the update.",
    "The train leaves at half past seven from platform two.",
    "We are out of milk, eggs and bread.",
    "The library will be closed on public holidays.",
    "Thanks again for your help with the move last weekend.",
    "The new version fixes several problems with printing.",
    "Dinner is at eight, and everyone is welcome.",
    "The results will be posted on the website next week.",
    "Turn left after the bridge and park behind the bakery.",
    "Our office will reopen on Monday morning.",
    "The recipe needs two cups of flour and one egg.",
    "Please reply by Friday so we can book the tables.",
]
HEADLINES = [
    "City opens new bike lanes along the river", "Five easy soups for cold evenings",
    "Local school wins robotics contest", "How to keep houseplants alive in winter",
    "Museum reopens after two-year renovation", "Storm expected to reach the coast tonight",
    "A beginner's guide to saving money", "Volunteers clean up the old harbor",
]
PRODUCTS = [
    ("Wireless mouse", 19.99), ("USB-C cable", 8.49), ("Coffee beans 1 kg", 14.90),
    ("Running shoes", 79.00), ("Desk lamp", 34.50), ("Notebook, 3 pack", 6.75),
    ("Headphones", 59.99), ("Water bottle", 12.00), ("Backpack", 45.00),
    ("Phone case", 15.99), ("Tea sampler", 22.40), ("Winter gloves", 18.25),
    ("Electric kettle", 29.99), ("Bluetooth speaker", 49.00), ("Yoga mat", 24.95),
    ("Kitchen scale", 17.50), ("Umbrella", 13.99), ("Wool scarf", 27.00),
]
SONGS = [
    ("Morning Light", "The Paper Boats"), ("Long Way Home", "Nora Vale"),
    ("Blue Hour", "Static Gardens"), ("River Song", "Ada Quill"),
    ("Neon Rain", "Night Bus"), ("Paper Planes", "Linden Street"),
    ("Slow Dance", "Marrow & Mint"), ("Summer Road", "The Lanterns"),
]
COMMANDS = [
    ("ls", ["notes.txt  photos  projects  report.pdf"]),
    ("pwd", ["/home/{user}/projects"]),
    ("git status", ["On branch main", "nothing to commit, working tree clean"]),
    ("python3 --version", ["Python 3.11.4"]),
    ("df -h /", ["Filesystem  Size  Used Avail Use% Mounted on",
                 "/dev/sda1  234G  87G  135G  40% /"]),
    ("ping -c 1 example.org", ["PING example.org: 56 data bytes",
                               "1 packets transmitted, 1 received"]),
    ("cat todo.txt", ["buy milk", "call the bank", "fix the bike"]),
    ("make", ["make: *** No rule to make target 'all'.  Stop."]),
    ("rm secret.txt", ["rm: cannot remove 'secret.txt': Permission denied"]),
    ("echo hello", ["hello"]),
]
CHART_TOPICS = [
    ("Monthly sales", "Month", "Sales (units)"), ("Rainfall", "Month", "mm"),
    ("Website visitors", "Week", "Visitors"), ("Energy use", "Day", "kWh"),
    ("Exam scores", "Subject", "Points"), ("Steps walked", "Day", "Steps"),
]
CATEGORIES = ["Rent", "Food", "Travel", "Savings", "Fun", "Bills", "Health", "Gifts"]
SUBJECT_NAMES = ["Math", "Art", "Music", "History", "Biology", "French"]
ERROR_PAGES = [
    ("404", "Page not found", "The page you are looking for does not exist or was moved."),
    ("500", "Server error", "Something went wrong on our side. Please try again later."),
    ("403", "Access denied", "You do not have permission to view this page."),
    ("", "No internet", "Check your network cable or Wi-Fi connection and try again."),
]


# Web pages beyond news, carts and errors: recipes, sign-up forms, product pages, searches.
DISHES = [
    "Lemon garlic chicken", "Easy pancakes", "Tomato basil soup", "Classic banana bread",
    "Vegetable stir fry", "Spaghetti carbonara", "Chicken curry", "Beef chili",
    "Mushroom risotto", "Greek salad", "Chocolate chip cookies", "Apple crumble",
    "Lentil soup", "Fish tacos", "Baked salmon with herbs", "Potato leek soup",
    "Homemade pizza dough", "Overnight oats", "Carrot cake", "Shakshuka",
    "Chickpea salad", "Roast chicken with vegetables", "Blueberry muffins", "Pad thai",
    "Beef stew", "Spinach and feta pie", "French toast", "Guacamole", "Minestrone",
    "Lemon drizzle cake", "Egg fried rice", "Stuffed peppers", "Pumpkin soup",
    "Tuna pasta bake", "Chocolate brownies", "Falafel wraps", "Vegetable lasagne",
    "Garlic butter shrimp", "Rice pudding", "Sweet potato curry",
]
# (quantities it comes in, the ingredient)
INGREDIENTS = [
    (["2 cups", "250 g", "1 1/2 cups"], "flour"), (["1 cup", "300 ml", "2 cups"], "milk"),
    (["2", "3", "4"], "eggs"), (["2 tbsp", "50 g", "3 tbsp"], "butter"),
    (["1 tbsp", "2 tbsp", "100 g"], "sugar"), (["1 tsp", "a pinch of", "1/2 tsp"], "salt"),
    (["2 cloves", "3 cloves", "4 cloves"], "garlic"), (["1", "1 large", "1 small"], "onion"),
    (["400 g", "1 can", "4"], "tomatoes"), (["2 tbsp", "3 tbsp", "1/4 cup"], "olive oil"),
    (["1", "the juice of 1"], "lemon"), (["500 g", "4", "2"], "chicken breasts"),
    (["200 g", "1 cup", "300 g"], "rice"), (["1 tsp", "2 tsp"], "cumin"),
    (["1 bunch", "a handful of"], "fresh basil"), (["100 g", "1 cup", "50 g"], "cheese"),
    (["2", "3"], "carrots"), (["1 litre", "750 ml", "4 cups"], "vegetable stock"),
    (["250 g", "200 g"], "mushrooms"), (["1 tsp", "2 tsp"], "baking powder"),
    (["3", "2 ripe"], "bananas"), (["1 can", "400 ml"], "coconut milk"),
    (["1 tbsp", "2 tsp"], "soy sauce"), (["400 g", "300 g"], "pasta"),
    (["2", "3"], "red peppers"), (["150 g", "1 cup"], "spinach"),
    (["1 tsp", "1/2 tsp"], "black pepper"), (["2 tbsp", "1 tbsp"], "honey"),
]
RECIPE_STEPS = [
    "Preheat the oven to 180 C.", "Chop the onion and garlic finely.",
    "Whisk the eggs and milk together in a large bowl.",
    "Heat the oil in a pan over medium heat.", "Add the vegetables and cook for 5 minutes.",
    "Stir in the stock and bring to the boil.", "Season with salt and pepper.",
    "Fold in the flour until just combined.", "Simmer for 20 minutes, stirring now and then.",
    "Pour the mixture into a greased tin.", "Bake for 25 to 30 minutes until golden.",
    "Leave to cool for 10 minutes before serving.", "Serve warm with fresh herbs on top.",
    "Cook the rice as the packet says.", "Blend until smooth.",
]
# Who asks you to sign up: a name pattern ({brand}) and what joining gives you.
SIGNUP_ORGS = [
    ("{brand} Library", "a library card"), ("{brand} Bank", "online banking"),
    ("{brand} Shop", "faster checkout"), ("{brand} Running Club", "club membership"),
    ("{brand} Community College", "the student portal"), ("{brand} Weekly", "the newsletter"),
    ("{brand} Gym", "a membership"), ("{brand} Energy", "your account online"),
    ("{brand} Health Centre", "the patient portal"), ("{brand} Theatre", "booking tickets"),
]
# What notifications say.
EVENTS = ["Dentist", "Team meeting", "Yoga class", "Call Mum", "Standup", "Piano lesson",
          "Lunch with Sam", "Parents' evening", "Book club", "Flight to Lisbon"]
CHAT_LINES = ["Are you coming tonight?", "Running 10 minutes late", "Thanks!",
              "Call me when you can", "Did you see the photos?", "On my way",
              "Can you send me the file?", "Happy birthday!"]
REMINDERS = ["Pay the electricity bill", "Water the plants", "Renew passport",
             "Take out the bins", "Book a haircut", "Send the invoice"]
DRIVES = ["Backup Drive", "USB stick", "My Passport", "NAS", "Cloud backup"]
SIGNUP_HEADINGS = [
    "Create an account", "Create your {org} account", "Sign up", "Register", "Join {org}",
    "Become a member", "Sign up for {org}", "New here? Register", "Open an account",
]
SIGNUP_FIELDS = [
    "Phone number", "Date of birth", "Member number", "Library card number", "Postcode",
    "Username", "Address", "Student ID",
]
SIGNUP_CHECKBOXES = [
    "Send me the newsletter", "I agree to the terms and conditions", "Remember me",
    "I accept the privacy policy", "Keep me updated by email", "I am over 18",
]
SIGNUP_BUTTONS = ["Create account", "Sign up", "Register", "Join now", "Continue",
                  "Create my account"]
PRODUCT_BLURBS = [
    "Made to last, with a two-year warranty.", "Our best seller this season.",
    "Light, tough and easy to clean.", "Comes in five colours.",
    "Free delivery on orders over $50.", "Rated best value by our customers.",
    "Ships within 24 hours.", "Returns are free for 30 days.",
    "A simple, reliable everyday choice.", "Now with recycled packaging.",
]
SEARCH_ENGINES = ["Seekr", "FindIt", "Lookup", "QuickSearch", "Askly", "Wayfind"]
SEARCH_QUERIES = [
    "bus times to the airport", "how to boil an egg", "weather tomorrow", "cheap flights to Rome",
    "library opening hours", "how to reset a router", "best running shoes", "pancake recipe",
    "pharmacy near me", "how to make a budget", "train strike news", "learn braille online",
    "screen reader shortcuts", "passport renewal", "vegetable soup recipe",
    "how to grow tomatoes", "football results", "recycling collection days",
]
SEARCH_TITLES = [
    "{Query} {dash} {brand}", "{Query}: a simple guide", "The complete guide to {query}",
    "{Query} | {brand} Help", "{brand}: {query}", "Everything about {query}",
    "{Query} explained", "Top tips: {query}", "{Query} {dash} Wikipedia", "Ask {brand}: {query}",
]
SEARCH_SNIPPETS = [
    "Find out everything you need to know about {query}, updated daily.",
    "Our step-by-step guide to {query}, with pictures.",
    "Compare options for {query} and save time.", "Answers from people who asked about {query}.",
    "Latest information on {query}, checked by our team.",
    "Quick answers about {query}, from {brand}.", "{Query}? Start here, it takes two minutes.",
]


def pick(rng: random.Random, items: list):
    return items[rng.randrange(len(items))]


def person(rng: random.Random) -> str:
    return f"{pick(rng, FIRST_NAMES)} {pick(rng, LAST_NAMES)}"


def email(rng: random.Random, name: str | None = None) -> str:
    name = name or person(rng)
    first, last = name.lower().split()[:2]
    return f"{first}.{last}@{pick(rng, BRANDS).lower()}.{pick(rng, ['com', 'org', 'net'])}"


def phone(rng: random.Random) -> str:
    """A phone number in one of several countries' ways of writing it, from the ranges kept
    free for fiction (US 555-01xx, UK 07700 900xxx and 020 7946 0xxx, Australia 0491 570xxx)."""
    n, area = rng.randint(0, 99), rng.choice([212, 312, 415, 503, 617])
    return pick(rng, [f"555-01{n:02d}", f"({area}) 555-01{n:02d}", f"+1 {area} 555 01{n:02d}",
                      f"07700 900{n * 9:03d}", f"020 7946 0{n * 9:03d}",
                      f"+44 20 7946 0{n * 9:03d}", f"0491 570 {n * 9:03d}"])


def signup_fields(rng: random.Random) -> list[str]:
    """The labels of a sign-up form's boxes, top to bottom: maybe a name and other details, an
    e-mail address and a password, a set that differs from form to form as sites' do."""
    names = [pick(rng, ["Full name", "Name", "First name"])] if rng.random() < 0.8 else []
    names += rng.sample(SIGNUP_FIELDS, rng.randint(0, 2))
    names += [pick(rng, ["Email", "Email address"]), "Password"]
    if len(names) < 5 and rng.random() < 0.4:  # five boxes and the button fit a small window
        names.append("Confirm password")
    return names


def signup_entry(rng: random.Random, name: str) -> str:
    """What is typed in the sign-up box labelled `name`; often nothing yet, and never a
    password, which shows dots rather than words."""
    filled = rng.random() < 0.35
    if name in ("Full name", "Name", "First name"):
        someone = person(rng)
        return (someone.split()[0] if name == "First name" else someone) if filled else ""
    if name.startswith("Email"):
        return email(rng) if filled else ""
    if name == "Phone number":
        return phone(rng) if filled else ""
    if name.endswith("number") or name == "Student ID":
        return str(rng.randint(100000, 9999999)) if filled else ""
    if name == "Date of birth":
        born = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1950, 2006)}"
        return born if filled else ""
    return ""


def file_name(rng: random.Random, kind: str | None = None) -> str:
    kind = kind or pick(rng, sorted(FILE_TYPES))
    return f"{pick(rng, FILE_STEMS)}.{pick(rng, FILE_TYPES[kind])}"


def money(rng: random.Random, low: float = 2, high: float = 900) -> str:
    value = rng.uniform(low, high)
    return f"{pick(rng, ['$', '€', '£'])}{value:,.2f}"


def date(rng: random.Random) -> str:
    day, month = rng.randint(1, 28), pick(rng, MONTHS)
    numeric = f"{day:02d}/{rng.randint(1, 12):02d}"
    return pick(rng, [f"{month} {day}", f"{day} {month[:3]}", numeric])


def clock_time(rng: random.Random) -> str:
    hour, minute = rng.randint(0, 23), rng.randrange(0, 60, rng.choice([1, 5, 15]))
    if rng.random() < 0.5:
        return f"{hour:02d}:{minute:02d}"
    return f"{hour % 12 or 12}:{minute:02d} {'AM' if hour < 12 else 'PM'}"


def size(rng: random.Random) -> str:
    value = rng.choice([rng.randint(1, 999), round(rng.uniform(1, 9.9), 1)])
    return f"{value} {pick(rng, ['KB', 'MB', 'GB'])}"
