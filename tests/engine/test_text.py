from engine.text import detokenize, split_words, tokenize


def test_tokenize_splits_contractions_and_keeps_commas():
    assert tokenize("Looks like there's a dog, running .") == [
        "looks", "like", "there", "'s", "a", "dog", ",", "running"]
    assert tokenize("It isn't a well-known café") == ["it", "is", "n't", "a", "well-known", "café"]


def test_detokenize_makes_a_spoken_sentence():
    assert detokenize(["<bos>", "looks", "like", "there", "'s", "a", "dog", ",", "running"]) == (
        "Looks like there's a dog, running.")
    assert detokenize(["a", "dog", ","]) == "A dog."
    assert detokenize(["<eos>"]) == ""


def test_sentences_keep_their_full_stops_and_dotted_words_stay_whole():
    text = "A Delete file popup. It asks about holiday-photos.zip, $5.99... Sure?. Yes."
    assert tokenize(text) == ["a", "delete", "file", "popup", ".", "it", "asks", "about",
                              "holiday-photos.zip", ",", "$5.99", ".", "sure", "?", "yes"]
    assert detokenize(tokenize(text)) == (
        "A delete file popup. It asks about holiday-photos.zip, $5.99. Sure? Yes.")


def test_detokenize_says_the_pronoun_i_in_capitals():
    assert detokenize(tokenize("A dog running through a field, I think.")) == (
        "A dog running through a field, I think.")
    assert detokenize(tokenize("I'd say it's a dog.")) == "I'd say it's a dog."


def test_detokenize_never_says_empty_sentences():
    assert detokenize([".", "a", "dog", ".", ".", "it", "runs", "."]) == "A dog. It runs."


def test_what_a_screen_shows_stays_one_word_so_it_can_be_copied_as_it_reads():
    text = "IMG_1559.jpg at 8:38 AM: 45% of $5.99, mail ben@mail.org, see example.com/join"
    assert split_words(text) == ["IMG_1559.jpg", "at", "8:38", "AM", "45%", "of", "$5.99", ",",
                                 "mail", "ben@mail.org", ",", "see", "example.com/join"]
    # A mark between words, or after one, still separates them.
    assert split_words("Quality: High - yes / no") == ["Quality", "High", "yes", "no"]
