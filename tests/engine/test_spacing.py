"""Spaces OCR dropped are put back; words written as one, names and file names are kept."""

import logging
import sys

import pytest

from engine.spacing import Respacer
from train.screens import words


@pytest.fixture(scope="module")
def respacer():
    return Respacer()


@pytest.mark.parametrize(("read", "meant"), [
    ("Lowdiskspace", "Low disk space"),
    ("Newcontact", "New contact"),
    ("Select anetwork to join", "Select a network to join"),
    ("Mash thebananas.", "Mash the bananas."),
    ("Quitanyway?", "Quit anyway?"),
    ("(Filenotfound)", "(File not found)"),
    ("on our side.Please try again,it takes", "on our side. Please try again, it takes"),
    ("Checked byour team.", "Checked by our team."),
    # Rare "words" of the counts that are web text run together.
    ("Printererror", "Printer error"),
    ("Skincareproducts", "Skin care products"),
    # A number run onto what it counts, and a list's number onto its first word.
    ("3ripe bananas", "3 ripe bananas"),
    ("1/3cupmeltedbutter", "1/3 cup melted butter"),
    ("32min remaining", "32 min remaining"),
    ("(3items)", "(3 items)"),
    ("2.Mash the bananas", "2. Mash the bananas"),
    # A capitalised word with a number run onto it, and items set apart by a middle dot.
    ("Serves8", "Serves 8"),
    ("September27", "September 27"),
    ("Version3.2isready.", "Version 3.2 is ready."),
    ("12March2026", "12 March 2026"),
    ("Prep15min·Bake 60min·Serves8", "Prep 15 min · Bake 60 min · Serves 8"),
])
def test_words_read_run_together_get_their_spaces_back(respacer, read, meant):
    assert respacer.line(read) == meant


@pytest.mark.parametrize("text", [
    "holidayphotos.zip", "anna.smith@example.com", "Report-2026.pdf", "CoffeeShop_Guest",
    "YouTube", "NASDAQ", "Neighbor5G", "555-0142", "Preferences", "Bluetooth", "Katherine",
    "Zoltanek", "Seekr", "sledder", "Total: $1,250.00", "Are you sure you want to delete it?",
    "example.com", "http://example.com/a,b", "findit.com/search?q=soup+recipe", "v2.1", "7:35 PM",
    # Rare words of the counts that are words: "he artful", "an out her", "tea mates".
    "heartful", "anouther", "teamates",
    # Ordinals, units in capitals, and names that end in digits: in lower case, or with a unit.
    "1st", "22nd", "5G", "128GB", "7:35PM", "3D", "python3", "v2.1.Beta",
])
def test_what_is_written_as_one_is_kept(respacer, text):
    assert respacer.line(text) == text


def test_the_names_the_renderer_draws_are_kept(respacer):
    names = {chunk for group in (words.FIRST_NAMES, words.LAST_NAMES, words.FILE_STEMS,
                                 words.FOLDERS, words.APPS, words.BRANDS, words.WIFI)
             for name in group for chunk in name.split()}
    assert {name: respacer.line(name) for name in names if respacer.line(name) != name} == {}


def test_without_wordsegment_text_is_read_as_it_came(monkeypatch, caplog):
    monkeypatch.setitem(sys.modules, "wordsegment", None)  # the import fails
    with caplog.at_level(logging.WARNING, logger="engine.spacing"):
        respacer = Respacer()
    assert respacer.line("Lowdiskspace") == "Lowdiskspace"
    assert "wordsegment is not installed" in caplog.text


def test_a_long_run_of_letters_is_kept_as_read(respacer):
    # Not words run together but an encoded string or a row of one letter; the search would
    # take seconds, and past a few hundred letters overflow Python's recursion limit.
    run = "thequickbrownfoxjumpsoverthelazydog" * 30
    assert respacer.line(run) == run
