"""The two registers of the training captions: plain (the human caption) and casual (spoken).

`to_plain` only tidies a human caption. `to_casual` rewrites it the way a person would say it
to a friend, drawing every choice from the `rng` it is given, so a seed always gives the same
text. It keeps every content word of the caption and adds, moves or contracts only a few
function words: the casual targets must say what the photo shows as well as the plain ones
(CIDEr-D against the human captions stays at about 78% of the plain caption's), so the short
openings are the common ones and the long ones are rare.

- Openings, over forty. Before a noun phrase: "Just", "Probably", "Maybe", "Oh,", "Looks
  like", "There's"/"There are", and rarer ones: "Seems to be", "I think this is", "So, it's",
  "Here we've got", "This one shows", "Pretty sure that's"... Before a clause: "So", "Okay,",
  "Well,", "Yeah,", "I think", "Looks like", "I'd say", "From what I can tell,"...
- Or no opening and a tag at the end instead: ", I think", ", probably", ", by the look of it".
- Present participles: "A dog runs and jumps" and "A dog is running" become the noun phrases
  "a dog running and jumping", "a dog running" for the noun-phrase openings.
- Contractions: there is -> there's, it is -> it's, is not -> isn't, they are -> they're...,
  and now and then "a man is riding" -> "a man's riding".
- Hedges: "kind of" or "pretty" before a gradable adjective ("a pretty tall tree"),
  "probably" next to the verb ("is probably jumping").
- Reordering: a trailing place ("on the beach", "in the snow") moves to the front, sometimes
  with "Out", "Down" or "Over": "Out on the beach, there's a dog running."
- Now and then the everyday word for people: man -> guy, woman -> lady, children -> kids.
- Rarely a closing remark: "Pretty cool." or "Looks like fun."
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from itertools import pairwise


def _words_in(text: str) -> frozenset[str]:
    """A word list written as text, so that the long lists stay a few lines long."""
    return frozenset(text.split())


# Verbs of the simple present as Flickr8k captions use them ("A dog runs ..."), chosen from the
# corpus; words that are more often nouns ("waves", "bikes", "steps") are left out on purpose.
_VERBS = _words_in("""
    jumps runs stands plays sits walks rides holds looks leaps climbs takes smiles poses carries
    catches wears swings performs chases gets watches swims makes flies slides splashes goes
    tries kicks throws dances lays leans hangs pushes races attempts prepares hits lies points
    shakes eats drinks surfs drives enjoys reaches balances waits pulls raises talks shows blows
    falls puts gives rolls grinds bites uses dribbles reads dives helps chews crouches kneels
    crosses smokes crawls rests laughs kisses flips emerges moves bounds sniffs turns retrieves
    bends follows licks touches stops lifts stares sings leads sleeps wades hikes grabs comes
    hugs floats shoots opens digs spins speaks pours tackles descends pounces practices barks
    peeks sprints bounces jogs picks approaches tosses skips listens hides trots steers squats
    soars clings fetches pops flaps travels sells gazes struggles wrestles rubs cries starts
    screams grins glides teaches stretches pokes hops peers twirls nips sails gathers flings
    wipes fights does begins marches skates skateboards snowboards skis grimaces breathes scales
    paints speeds works returns glares yells shouts
""")
_DOUBLED = _words_in("""
    begin run sit swim get dig hit jog skip stop grab hug spin trot nip hop flip pop flap squat
    rub grin put
""")
_IRREGULAR = {
    "goes": ("go", "going"),
    "does": ("do", "doing"),
    "lies": ("lie", "lying"),
    "lie": ("lie", "lying"),
}
# -ing words that are not verbs, so they do not start a participle phrase.
_ING_NOUNS = _words_in("""
    building buildings clothing ceiling evening morning thing things something nothing anything
    everything ring swing string spring wing king sling railing railings wedding sibling
    siblings icing awning during bedding ping pudding
""")
_PREPOSITIONS = _words_in("""
    in on at near by under over with behind beside inside outside through across along next atop
    into onto among around against up down out off underneath
""")
_SUBORDINATORS = _words_in("while whilst who that which where when because")
_NUMBERS = _words_in("""
    two three four five six seven eight nine ten several many some few these those both multiple
    numerous
""")
_NOT_BEFORE_VERB = (
    _PREPOSITIONS
    | _NUMBERS
    | {"a", "an", "the", "of", "and", "his", "her", "their", "its", "to", ","}
)
_PLURAL_NOUNS = _words_in("people men women children kids police cattle sheep")
# "A man and a dog" is plural; "a black and white dog" is not.
_SECOND_SUBJECT = _words_in("""
    a an the his her their another one two man woman boy girl child dog baby owner adult person
""")
_EVERYDAY = {
    "man": ("guy", 0.15),
    "men": ("guys", 0.15),
    "woman": ("lady", 0.05),
    "women": ("ladies", 0.05),
    "children": ("kids", 0.1),
}
# Places that can open the sentence, and the words that may lead into them ("Out on the beach").
_PLACES = _words_in("""
    beach park snow water grass field street pool ocean lake river sand yard woods forest city
    road sidewalk mountains mountain dirt mud waves surf desert hills trail shore playground
    backyard meadow countryside stream creek rain sun sunshine lawn parade crowd rocks pond
    fountain
""")
_LEAD_INS = {
    "in": ("", "", "out", "over"),
    "on": ("", "", "out"),
    "at": ("", "down", "out"),
    "near": ("", "down", "out"),
    "by": ("", "down"),
    "along": ("", "down", "out"),
}
_KIND_OF = _words_in("""
    muddy rocky grassy snowy sandy dusty leafy wooded shaggy fluffy furry wavy dark cloudy hilly
    shady wet dry dirty
""")
_PRETTY = _words_in("""
    big small large tall long short steep huge tiny shallow deep wide narrow busy crowded high
    low calm rough bright colorful fancy giant empty sunny quiet massive
""")
_GRADABLE = _KIND_OF | _PRETTY
_CONTRACTIONS = {
    ("there", "is"): "there's",
    ("it", "is"): "it's",
    ("he", "is"): "he's",
    ("she", "is"): "she's",
    ("that", "is"): "that's",
    ("who", "is"): "who's",
    ("they", "are"): "they're",
    ("we", "are"): "we're",
    ("you", "are"): "you're",
    ("is", "not"): "isn't",
    ("are", "not"): "aren't",
    ("does", "not"): "doesn't",
    ("do", "not"): "don't",
    ("can", "not"): "can't",
    ("did", "not"): "didn't",
    ("has", "not"): "hasn't",
}
_FUN_VERBS = _words_in("""
    playing jumping running swimming splashing sliding dancing riding surfing skiing climbing
    swinging racing leaping
""")

# Openings before a noun phrase, "{}": (weight, singular form, plural form). Each added word
# costs overlap with the human captions (CIDEr-D), so one-word openings make most of them,
# two-word ones a fifth, and the longer ones share the rest. "Looks like" is kept rare: it
# opens a noun phrase and a clause alike and its second word is then certain, so beam search,
# which divides a caption's log-probability by a power of its length, took it for three
# captions in four when it was one opening in thirteen (docs/experiments.md).
_PHRASE_OPENINGS = [
    (5, "Just {}", "Just {}"),
    (4, "Probably {}", "Probably {}"),
    (3, "Maybe {}", "Maybe {}"),
    (3, "Oh, {}", "Oh, {}"),
    (2, "Got {}", "Got {}"),
    (1, "Yeah, {}", "Yeah, {}"),
    (1, "Looks like {}", "Looks like {}"),
    (2, "There's {}", "There are {}"),
    (1, "It's {}", "It's {}"),
    (0.5, "Here's {}", "Here are {}"),
    (0.5, "Seems like {}", "Seems like {}"),
    *(
        (0.2, one, many)
        for one, many in [
            ("Seems to be {}", "Seems to be {}"),
            ("I think this is {}", "I think these are {}"),
            ("So, it's {}", "So, it's {}"),
            ("Here we've got {}", "Here we've got {}"),
            ("This one shows {}", "This one shows {}"),
            ("Pretty sure that's {}", "Pretty sure those are {}"),
            ("I can see {}", "I can see {}"),
            ("We've got {}", "We've got {}"),
            ("I'd say it's {}", "I'd say those are {}"),
            ("Kind of looks like {}", "Kind of looks like {}"),
            ("Looks to me like {}", "Looks to me like {}"),
            ("Oh, it's {}", "Oh, those are {}"),
            ("You've got {}", "You've got {}"),
            ("This looks like {}", "This looks like {}"),
            ("My guess is {}", "My guess is {}"),
        ]
    ),
]
# Openings before a clause: (weight, text, whether a bare noun phrase may follow it too).
_CLAUSE_OPENINGS = [
    (5, "So {}", True),
    (4, "Okay, {}", True),
    (2, "Well, {}", True),
    (2, "Yeah, {}", True),
    (1, "Maybe {}", True),
    (1, "Basically, {}", True),
    (1, "Alright, {}", True),
    (1, "Hmm, {}", True),
    (1, "Right, {}", True),
    (1, "Look, {}", True),
    (0.5, "Looks like {}", True),
    (2, "I think {}", False),
    (1, "Seems like {}", True),
    (1, "I guess {}", False),
    (0.5, "Pretty sure {}", False),
    (0.5, "Okay, so {}", True),
    (0.5, "Alright, so {}", True),
    (0.3, "In this one, {}", True),
    (0.3, "I'd say {}", False),
    (0.3, "Looks to me like {}", True),
    (0.2, "From what I can tell, {}", False),
    (0.2, "If I had to guess, {}", False),
]
_TAGS = [
    (3, "{}, probably"),
    (2, "{}, maybe"),
    (2, "{}, I think"),
    (1, "{}, looks like"),
    (1, "{}, I guess"),
    (0.5, "{}, I'd say"),
    (0.5, "{}, it seems"),
    (0.3, "{}, by the look of it"),
]
# After a place moved to the front: "Out in the snow, there's a dog running".
_AFTER_PLACE_PHRASE = [
    (3, "there's {}", "there are {}"),
    (2, "looks like {}", "looks like {}"),
    (1, "just {}", "just {}"),
    (0.5, "I can see {}", "I can see {}"),
]
_AFTER_PLACE_CLAUSE = [(3, "{}", True), (1, "I think {}", False), (1, "looks like {}", True)]
_CLOSINGS = ["Pretty cool.", "Nice shot.", "Nice one.", "Cool photo."]

_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")
_TOKEN = re.compile(r"[^\s,;:]+|[,;:]")


def to_plain(caption: str) -> str:
    """A human caption tidied: one space between words, capitalised, ending in a full stop."""
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", " ".join(caption.split())).rstrip(" .")
    if not text:
        return ""
    return text[0].upper() + text[1:] + "."


def to_casual(caption: str, rng: random.Random) -> str:
    """The caption as someone would say it to a friend (see the module docstring)."""
    words = _words(caption)
    if not words:
        return ""
    parse = _parse(words)
    _everyday_words(parse, rng)
    place = _take_place(parse, rng)
    phrase = parse.phrase()
    clause = parse.clause(contract=rng.random() < 0.15, probably=rng.random() < 0.05)
    as_phrase = phrase is not None and (clause is None or rng.random() < 0.55)
    body = _hedge(phrase if as_phrase else clause, rng)
    if place:
        openings = _AFTER_PLACE_PHRASE if as_phrase else _AFTER_PLACE_CLAUSE
        text = f"{place}, " + _opening(openings, parse, as_phrase, rng).format(body)
    elif rng.random() < 0.1:
        text = _pick(rng, _TAGS).format(body)
    else:
        openings = _PHRASE_OPENINGS if as_phrase else _CLAUSE_OPENINGS
        text = _opening(openings, parse, as_phrase, rng).format(body)
    text = _sentence(_contract(_words(text), rng))
    if rng.random() < 0.03:
        fun = not _FUN_VERBS.isdisjoint(text.lower().split())
        text += " " + rng.choice(_CLOSINGS + ["Looks like fun."] * fun)
    return text


@dataclass
class _Parse:
    """A caption cut into subject, verb and rest: "A black dog | runs | through tall grass".

    `verb` is "is", "are", "has", "have" or a simple-present verb; None for a noun phrase,
    whose words are all in `subject`. `bare`: no verb found and no participle either, so a
    noun phrase ("A dog in the snow") or a clause with a verb we do not know ("A dog zips").
    """

    subject: list[str]
    verb: str | None
    rest: list[str]
    plural: bool
    bare: bool = False

    def phrase(self) -> str | None:
        """The caption as a noun phrase with a participle: "a black dog running through grass"."""
        if self.bare or self.verb in ("has", "have"):
            return None  # "There's a boy has paint on him" is not English
        if self.verb is None:
            return _join(self.subject)
        if self.verb in ("is", "are"):
            if not self.rest or _is_participle(self.rest[0]) or self.rest[0] in _PREPOSITIONS:
                return _join(self.subject + self.rest)
            return None  # "a dog wet" is not English: "A dog is wet" stays a clause
        # "runs and jumps" -> "running and jumping": every verb of the same form after "and".
        verbs = _VERBS if self.verb in _VERBS else _BASE_VERBS
        rest = [
            _participle(w) if i > 0 and w in verbs and self.rest[i - 1] == "and" else w
            for i, w in enumerate(self.rest)
        ]
        return _join([*self.subject, _participle(self.verb), *rest])

    def clause(self, contract: bool, probably: bool) -> str | None:
        """The caption as a clause: "a man's riding", "a man is probably riding"."""
        if self.bare:
            return _join(self.subject)
        if self.verb is None:
            return None
        subject, verb = list(self.subject), [self.verb]
        if (
            contract
            and self.verb == "is"
            and 0 < len(subject) <= 4
            and (subject[-1][-1:].isalpha() and subject[-1][-1] not in "sxz")
        ):
            subject[-1], verb = subject[-1] + "'s", []
        if probably:
            verb = [*verb, "probably"] if self.verb in ("is", "are") else ["probably", *verb]
        return _join(subject + verb + self.rest)


def _words(text: str) -> list[str]:
    """Words and commas; the final full stop dropped, the first word lower-cased."""
    words = _TOKEN.findall(_SPACE_BEFORE_PUNCT.sub(r"\1", text).strip().rstrip(".!? "))
    if words and words[0] != "I" and not (len(words[0]) > 1 and words[0].isupper()):
        words[0] = words[0][0].lower() + words[0][1:]
    return words


def _join(words: list[str]) -> str:
    return " ".join(words).replace(" ,", ",").replace(" ;", ";").replace(" :", ":")


def _sentence(words: list[str]) -> str:
    text = _join(words).rstrip(",;: ")
    return text[0].upper() + text[1:] + "."


def _pick(rng: random.Random, weighted: list[tuple[float, str]]) -> str:
    return rng.choices([text for _, text in weighted], [w for w, _ in weighted])[0]


def _opening(openings: list[tuple], parse: _Parse, as_phrase: bool, rng: random.Random) -> str:
    """One of `openings` that fits: its plural form, or one that also takes a bare phrase."""
    if as_phrase:
        return _pick(rng, [(w, many if parse.plural else one) for w, one, many in openings])
    return _pick(rng, [(w, text) for w, text, bare in openings if bare or not parse.bare])


def _is_participle(word: str) -> bool:
    return len(word) > 4 and word.endswith("ing") and word.lower() not in _ING_NOUNS


def _base(verb: str) -> str:
    """ "runs" -> "run", "carries" -> "carry", "watches" -> "watch"."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb][0]
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    return verb[:-2] if re.search(r"(ch|sh|ss|x|z)es$", verb) else verb[:-1]


_BASE_VERBS = {_base(verb) for verb in _VERBS}


def _participle(verb: str) -> str:
    """ "runs" or "run" -> "running", "rides" -> "riding", "carries" -> "carrying"."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb][1]
    base = _base(verb) if verb in _VERBS else verb
    if base in _DOUBLED:
        return base + base[-1] + "ing"
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        base = base[:-1]
    return base + "ing"


def _looks_plural(words: list[str]) -> bool:
    lower = [w.lower() for w in words if w != ","]
    head = lower[-1] if lower else ""
    two = any(a == "and" and b in _SECOND_SUBJECT for a, b in pairwise(lower))
    return (
        two
        or (bool(lower) and lower[0] in _NUMBERS)
        or head in _PLURAL_NOUNS
        or (head.endswith("s") and not head.endswith(("ss", "us", "is")))
    )


def _parse(words: list[str]) -> _Parse:
    """Finds the main verb: the first "is"/"are" or simple-present verb after the subject.

    The search stops at a subordinate clause ("A dog runs while a man is watching").
    """
    lower = [w.lower() for w in words]
    if lower[:2] in (["there", "is"], ["there", "are"]):
        return _Parse(words[2:], None, [], lower[1] == "are")
    for i, word in enumerate(lower[1:], 1):
        if word in _SUBORDINATORS:
            break
        if word in ("is", "are", "has", "have"):
            return _Parse(words[:i], word, words[i + 1 :], word in ("are", "have"))
        if lower[i - 1] in _NOT_BEFORE_VERB:
            continue  # "on the swings", "two walks": a noun, not a verb
        if word in _VERBS:
            return _Parse(words[:i], word, words[i + 1 :], False)
        if word in _BASE_VERBS and _looks_plural(words[:i]):
            return _Parse(words[:i], word, words[i + 1 :], True)
    head = []
    for word in words:
        if _is_participle(word) or word.lower() in _PREPOSITIONS or word == ",":
            break
        head.append(word)
    bare = not any(_is_participle(word) for word in lower)
    return _Parse(words, None, [], _looks_plural(head), bare)


def _everyday_words(parse: _Parse, rng: random.Random) -> None:
    """Now and then "man" becomes "guy" in the subject: the one synonym a friend would use."""
    for i, word in enumerate(parse.subject if parse.verb else parse.subject[:4]):
        if word.lower() in _EVERYDAY:
            other, chance = _EVERYDAY[word.lower()]
            if rng.random() < chance:
                parse.subject[i] = other
            return


def _take_place(parse: _Parse, rng: random.Random) -> str | None:
    """Moves a trailing "on the beach" to the front, a fifth of the time it can."""
    words = parse.rest if parse.verb else parse.subject
    if len(words) < 4 or rng.random() >= 0.2:
        return None
    for size in (3, 4):
        tail = [w.lower() for w in words[-size:]]
        if (
            tail[0] in _LEAD_INS
            and tail[1] in ("the", "a")
            and tail[-1] in _PLACES
            and "," not in tail
            and len(words) > size
        ):
            lead = rng.choice(_LEAD_INS[tail[0]])
            del words[-size:]
            place = " ".join(([lead] if lead else []) + tail)
            return place[0].upper() + place[1:]
    return None


def _hedge(text: str, rng: random.Random) -> str:
    """Now and then "kind of" or "pretty" before the first gradable adjective."""
    words = text.split(" ")
    at = next((i for i, word in enumerate(words) if word in _GRADABLE), None)
    if at is not None and rng.random() < 0.2:
        hedges = ("kind of", "sort of") if words[at] in _KIND_OF else ("pretty", "pretty", "fairly")
        words.insert(at, rng.choice(hedges))
    return " ".join(words)


def _contract(words: list[str], rng: random.Random) -> list[str]:
    """there is -> there's, is not -> isn't, they are -> they're (most of the time)."""
    if rng.random() >= 0.85:
        return words
    out: list[str] = []
    for word in words:
        pair = (out[-1].lower(), word.lower()) if out else ()
        if pair in _CONTRACTIONS:
            joined = _CONTRACTIONS[pair]
            out[-1] = joined if out[-1].islower() else joined.capitalize()
        else:
            out.append(word)
    return out
