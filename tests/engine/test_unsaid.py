"""The text a description left out, read after it within the short form's word budget."""

from engine.ocr import TextBox
from engine.unsaid import WORD_BUDGET, unsaid_lines, with_unsaid_text


def _lines(*texts: str) -> list[TextBox]:
    return [TextBox(text, (0, 40 * i, 300, 40 * i + 30), 0.99) for i, text in enumerate(texts)]


def test_the_message_a_description_left_out_is_read_after_it():
    lines = _lines("Backup", "All 1,204 files were copied to the USB drive.", "OK")
    said = "There's a Backup popup. You can hit OK."
    assert with_unsaid_text(said, lines, "casual") == (
        "There's a Backup popup. You can hit OK. It also says: All 1,204 files were copied "
        "to the USB drive.")
    assert with_unsaid_text(said, lines, "plain").endswith(
        "Other text: All 1,204 files were copied to the USB drive.")


def test_nothing_is_added_when_the_description_said_it_all():
    lines = _lines("Delete photo", "Delete beach-day.jpg for good?", "No", "Yes")
    said = "A Delete photo question asks: delete beach-day.jpg for good? You can click No or Yes."
    assert with_unsaid_text(said, lines, "casual") == said
    assert with_unsaid_text("A dog runs.", [], "casual") == "A dog runs."


def test_sentences_come_before_labels_but_are_spoken_in_reading_order():
    lines = _lines("Printer", "Kitchen Inkjet is offline", "Status", "Office Laser is ready")
    said = " ".join(["word"] * (WORD_BUDGET - 3 - 8))  # room for the two sentences only
    assert unsaid_lines(said, lines) == ["Kitchen Inkjet is offline", "Office Laser is ready"]
    assert unsaid_lines("A printers window.", lines) == [
        "Printer", "Kitchen Inkjet is offline", "Status", "Office Laser is ready"]


def test_the_budget_is_never_passed_and_a_long_description_gets_nothing():
    lines = _lines(*(f"Line number {n} of a long article" for n in range(30)))
    text = with_unsaid_text("A news article.", lines, "casual")
    assert len(text.split()) <= WORD_BUDGET
    long = " ".join(["word"] * WORD_BUDGET)
    assert with_unsaid_text(long, lines, "casual") == long


def test_glyphs_numbers_addresses_and_keypads_are_left_to_the_full_detail():
    assert unsaid_lines("A window.", _lines(
        "口口口", "10111213", "File/tmp/tmp8o9jc702/news.html", "https://example.org/licenses/",
        "ΣΩ menu")) == []
    keys = _lines("DEG", "INV", "sin", "cos", "tan", "log", "STO", "RCL", "Result is ready")
    assert unsaid_lines("A calculator.", keys) == ["Result is ready"]


def test_stray_symbols_are_dropped_and_a_cut_short_repeat_is_not_read():
    lines = _lines("@ Sign in to Chromium?", "Council approves new bik",
                   "Council approves new bike lanes", "sam.lee@example.org")
    assert unsaid_lines("A news page.", lines) == [
        "Sign in to Chromium?", "Council approves new bike lanes", "sam.lee@example.org"]


def test_a_line_the_description_only_began_is_read_whole_and_a_line_twice_once():
    lines = _lines("Your cart", "Your cart", "Backup complete at 22:00 tonight")
    said = "A Backup popup says complete. Your cart is open."
    assert unsaid_lines(said, lines) == ["Backup complete at 22:00 tonight"]
    assert unsaid_lines("A shop.", lines) == ["Your cart", "Backup complete at 22:00 tonight"]
