"""Decoding loops on a hand-made step whose probabilities are known exactly."""

import numpy as np

from engine.decode import Tokens, beam_search, sample

# ids: 0 pad, 1 bos, 2 eos, 3 unk, 4..7 words
TOKENS = Tokens(bos=1, eos=2, banned=(0, 1, 3))


def _table_step(table: dict[int, dict[int, float]], width: int = 8):
    """A step that looks only at the previous token and counts steps in its state."""
    def step(previous, state):
        logits = np.full((len(previous), width), -30.0)
        for row, token in enumerate(previous):
            for nxt, p in table.get(int(token), {2: 1.0}).items():
                logits[row, nxt] = np.log(p)
        return logits, {"steps": state["steps"] + 1}
    return step


def _state(batch=1):
    return {"steps": np.zeros((batch, 1))}


# Greedy takes 4 (p .5) then is stuck with .3; beam finds 5 (p .4) then 7 (p .9).
TRAP = {1: {4: 0.5, 5: 0.4, 6: 0.1}, 4: {6: 0.3, 7: 0.3, 2: 0.4}, 5: {7: 0.9, 2: 0.1},
        7: {2: 1.0}, 6: {2: 1.0}}


def test_greedy_follows_the_locally_best_token():
    assert sample(_table_step(TRAP), _state(), TOKENS, 6, min_length=0) == [[4]]


def test_beam_search_finds_the_more_likely_whole_sequence():
    assert beam_search(_table_step(TRAP), _state(), TOKENS, 6, beam_size=3, min_length=0) == [
        [5, 7]]


def test_beam_search_handles_a_batch_and_the_length_limit():
    endless = {1: {4: 0.6, 5: 0.4}, 4: {5: 1.0}, 5: {4: 1.0}}
    result = beam_search(_table_step(endless), _state(2), TOKENS, 5, beam_size=2)
    assert len(result) == 2 and all(len(seq) == 5 for seq in result)


def test_sampling_is_repeatable_by_seed_and_varies_across_seeds():
    step = _table_step(TRAP)
    runs = {
        seed: sample(step, _state(8), TOKENS, 6, rng=np.random.default_rng(seed),
                     temperature=1.0, top_p=1.0, min_length=0)
        for seed in range(3)
    }
    again = sample(step, _state(8), TOKENS, 6, rng=np.random.default_rng(0), temperature=1.0,
                   top_p=1.0, min_length=0)
    assert runs[0] == again
    assert len({tuple(seq) for seqs in runs.values() for seq in seqs}) > 1


def test_banned_tokens_and_repeats_are_never_produced():
    loves_unk = {1: {3: 0.9, 4: 0.1}, 4: {4: 0.9, 2: 0.1}}
    assert sample(_table_step(loves_unk), _state(), TOKENS, 6, min_length=0) == [[4]]


def test_a_sentence_never_ends_on_a_bad_ending():
    # 4 = "to": stopping after it is likelier (.6) than going on to 5 (.4).
    stops_early = {1: {4: 1.0}, 4: {2: 0.6, 5: 0.4}, 5: {2: 1.0}}
    tokens = Tokens(bos=1, eos=2, banned=(0, 1, 3), no_end_after=(4,))
    assert sample(_table_step(stops_early), _state(), tokens, 6, min_length=0) == [[4, 5]]
    assert beam_search(_table_step(stops_early), _state(), tokens, 6, min_length=0) == [[4, 5]]
    # A word copied from the picture's text (an id past the vocabulary) may end one.
    assert tokens.cannot_end(np.array([4, 5, 9])).tolist() == [True, False, False]


def test_beam_search_never_returns_an_unfinished_prefix_before_the_length_limit():
    table = {1: {4: 0.6, 2: 0.4}, 4: {5: 0.5, 2: 0.5}, 5: {6: 1.0}, 6: {2: 1.0}}
    assert beam_search(_table_step(table), _state(), TOKENS, 6, beam_size=1, min_length=0) == [
        [4, 5, 6]]


def test_a_copied_ocr_token_is_not_said_again_soon_after():
    # ids 6 and 7 are past a vocabulary of 6: they copy the picture's first two OCR tokens.
    # The model would go round "6 4 6 4 ..."; just after 6, 7 is the best it may say.
    loops = {1: {6: 0.9, 4: 0.1}, 6: {4: 1.0}, 4: {6: 0.8, 7: 0.2}, 7: {2: 1.0}}
    tokens = Tokens(bos=1, eos=2, banned=(0, 1, 3), vocab_size=6)
    assert sample(_table_step(loops), _state(), tokens, 8, min_length=0) == [[6, 4, 7]]
    assert beam_search(_table_step(loops), _state(), tokens, 8, min_length=0) == [[6, 4, 7]]


def test_a_list_item_is_not_read_twice_however_far_apart():
    # "On the list 10 5, 11 6 and 10 5": id 10 copies the first network's name; going round
    # the list says it again five tokens on, where 9 (the unsaid network) comes next.
    # Vocabulary words alone may repeat.
    loops = {1: {10: 1.0}, 10: {5: 1.0}, 5: {11: 0.9, 2: 0.1}, 11: {6: 1.0}, 6: {7: 1.0},
             7: {10: 0.9, 9: 0.1}, 9: {2: 1.0}}
    tokens = Tokens(bos=1, eos=2, banned=(0, 1, 3), vocab_size=9)
    step = _table_step(loops, width=12)
    expected = [[10, 5, 11, 6, 7, 9]]
    assert sample(step, _state(), tokens, 10, min_length=0) == expected
    assert beam_search(step, _state(), tokens, 10, min_length=0) == expected
    words_only = {1: {4: 1.0}, 4: {5: 1.0}, 5: {4: 0.9, 2: 0.1}}
    assert sample(_table_step(words_only), _state(), tokens, 4, min_length=0) == [[4, 5, 4, 5]]


def test_a_forbidden_word_is_never_said():
    # 5 ("password", which the picture's text does not hold) is the likeliest after 4.
    table = {1: {4: 1.0}, 4: {5: 0.7, 6: 0.3}, 5: {2: 1.0}, 6: {2: 1.0}}
    step = _table_step(table)
    assert sample(step, _state(), TOKENS, 6, min_length=0) == [[4, 5]]
    assert sample(step, _state(), TOKENS, 6, min_length=0, forbidden=[5]) == [[4, 6]]
    assert beam_search(step, _state(), TOKENS, 6, min_length=0, forbidden=[5]) == [[4, 6]]
    drawn = sample(step, _state(16), TOKENS, 6, rng=np.random.default_rng(0), temperature=1.0,
                   top_p=1.0, min_length=0, forbidden=[5])
    assert drawn == [[4, 6]] * 16
