"""train/wordreward.py: the log ratio of how often people and the generator say a word."""

from __future__ import annotations

from train.wordreward import CLIP, WordFrequencyReward

PLAIN, CASUAL = 1, 0
HUMAN = [
    ["a", "dog", "runs", "on", "the", "grass"],
    ["a", "puppy", "bounds", "through", "tall", "grass"],
    ["a", "man", "rides", "a", "bike"],
    ["a", "cyclist", "pedals", "down", "the", "road"],
]


def test_words_said_more_often_than_people_say_them_lose_and_rarer_ones_earn():
    reward = WordFrequencyReward({PLAIN: HUMAN})
    generic = ["a", "dog", "runs", "on", "the", "grass"]
    specific = ["a", "puppy", "bounds", "through", "tall", "grass"]
    scores = reward([generic] * 9 + [specific], [PLAIN] * 10)
    assert scores[-1] > 0 > scores[0]
    assert all(-CLIP <= s <= CLIP for s in scores)


def test_the_generators_counts_follow_its_recent_samples():
    """A word the generator stops saying is rewarded again as its counts decay."""
    reward = WordFrequencyReward({PLAIN: HUMAN})
    caption = ["dog", "grass"]
    for _ in range(3):
        first = reward([caption] * 20, [PLAIN] * 20)[0]
    for _ in range(30):
        reward([["man", "bike"]] * 20, [PLAIN] * 20)
    later = reward([caption], [PLAIN])[0]
    assert later > first


def test_each_register_is_judged_against_its_own_captions():
    casual = [["just", *caption] for caption in HUMAN]
    reward = WordFrequencyReward({PLAIN: HUMAN, CASUAL: casual})
    said = ["just", "a", "dog"]
    as_casual, as_plain = reward([said, said], [CASUAL, PLAIN])
    assert as_casual > as_plain
    assert reward([[]], [PLAIN]) == [0.0]


def test_a_word_no_person_used_is_penalised_not_infinite():
    reward = WordFrequencyReward({PLAIN: HUMAN})
    (score,) = reward([["zebra", "zebra"]], [PLAIN])
    assert -CLIP <= score < 0


def test_a_rare_word_said_once_is_not_taken_for_an_over_used_one():
    """A word people say once in some 11,000 words, said once after many steps that speak as
    people do: the memory holds enough words to expect it about twice, so it is not over-used
    (runs/joint25, whose memory held a few thousand words, dropped half its vocabulary)."""
    rare = ["a", "zebra", "grazes", "on", "the", "grass"]
    reward = WordFrequencyReward({PLAIN: HUMAN * 500 + [rare]})
    for _ in range(60):
        reward(HUMAN * 20, [PLAIN] * 80)
    (score,) = reward([rare], [PLAIN])
    assert score > 0
