from engine.text import detokenize, tokenize


def test_tokenize_splits_contractions_and_keeps_commas():
    assert tokenize("Looks like there's a dog, running .") == [
        "looks", "like", "there", "'s", "a", "dog", ",", "running"]
    assert tokenize("It isn't a well-known café") == ["it", "is", "n't", "a", "well-known", "café"]


def test_detokenize_makes_a_spoken_sentence():
    assert detokenize(["<bos>", "looks", "like", "there", "'s", "a", "dog", ",", "running"]) == (
        "Looks like there's a dog, running.")
    assert detokenize(["a", "dog", ","]) == "A dog."
    assert detokenize(["<eos>"]) == ""
