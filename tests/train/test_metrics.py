import random
import time

import numpy as np
import pytest
from pycocoevalcap.cider.cider import Cider

from tests.train.captions import CAPTIONS, flickr8k_by_image
from train.casual import to_casual, to_plain
from train.metrics import (
    CiderD,
    RegisterClassifier,
    caption_scores,
    diversity,
    normalize,
    novel_share,
)


def pycoco_cider(references: list[list[list[str]]], candidates: list[list[str]]) -> np.ndarray:
    gts = {i: [" ".join(ref) for ref in refs] for i, refs in enumerate(references)}
    res = {i: [" ".join(words)] for i, words in enumerate(candidates)}
    return Cider().compute_score(gts, res)[1]


def random_corpus(seed: int, images: int = 40):
    """Sentences over a small vocabulary, so that n-grams repeat across images and refs."""
    rng = random.Random(seed)
    words = sorted(set(normalize(" ".join(CAPTIONS[:3]))))

    def sentence():
        return [rng.choice(words) for _ in range(rng.randint(1, 12))]

    references = [[sentence() for _ in range(rng.randint(1, 5))] for _ in range(images)]
    return references, [sentence() for _ in range(images)]


def test_cider_d_matches_pycocoevalcap():
    references = [[normalize(c) for c in CAPTIONS[i : i + 4]] for i in range(0, 36, 4)]
    candidates = [normalize(CAPTIONS[i + 1]) for i in range(0, 36, 4)]
    # Edge cases: empty, one word, words no reference has (twice), punctuation only.
    candidates[:4] = [[], ["dog"], ["zebra", "quux", "zebra"], [","]]
    for refs, cands in [(references, candidates), random_corpus(0), random_corpus(1)]:
        ours = CiderD(refs).score(cands, list(range(len(cands))))
        theirs = pycoco_cider(refs, [[w for w in c if w != ","] for c in cands])
        np.testing.assert_allclose(ours, theirs, rtol=1e-6, atol=1e-12)
    assert ours.max() > 1.0


def test_cider_d_scores_any_batch_against_any_image():
    references, candidates = random_corpus(2)
    cider = CiderD(references)
    alone = cider.score(candidates, range(len(candidates)))
    order = list(reversed(range(len(candidates))))
    together = cider.score([candidates[i] for i in order] * 2, order * 2)
    np.testing.assert_allclose(together, np.concatenate([alone[order], alone[order]]))
    np.testing.assert_allclose(cider.score([candidates[0]] * 3, [0, 1, 0])[[0, 2]], alone[0])


def test_cider_d_is_fast_enough_for_a_reward():
    references = [[normalize(c) for c in random.Random(i).sample(CAPTIONS, 5)] for i in range(2000)]
    cider = CiderD(references)
    rng = random.Random(0)
    candidates = [normalize(rng.choice(CAPTIONS)) for _ in range(400)]
    images = [rng.randrange(len(references)) for _ in candidates]
    cider.score(candidates, images)
    start = time.perf_counter()
    cider.score(candidates, images)
    # About 20 ms on one CPU core; generous, as the test machine may be busy.
    assert time.perf_counter() - start < 0.5


def test_caption_scores_ignore_case_and_punctuation():
    references = {
        "a": ["A dog runs on the grass .", "A brown dog running .", "Dog on grass ."],
        "b": ["Two girls play in the water .", "Girls splash in a pool ."],
    }
    exact = caption_scores(
        references, {"a": "a dog runs on the grass", "b": "Two girls PLAY, in the water!"}
    )
    assert exact == caption_scores(
        references, {"a": "A dog runs on the grass .", "b": "two girls play in the water"}
    )
    wrong = caption_scores(references, {"a": "A red car .", "b": "A red car ."})
    assert exact["bleu4"] > 0.5 > wrong["bleu4"] and exact["cider_d"] > 1.0 > wrong["cider_d"]
    tokens = {key: [normalize(r) for r in refs] for key, refs in references.items()}
    ours = CiderD(list(tokens.values())).score([normalize("A red car .")] * 2, [0, 1]).mean()
    assert ours == pytest.approx(wrong["cider_d"], rel=1e-9, abs=1e-12)


def test_diversity_of_hand_made_samples():
    same = diversity({"x": ["A dog runs on grass.", "a dog runs on grass", "A dog runs on grass"]})
    assert same["div1"] == pytest.approx(5 / 15) and same["div2"] == pytest.approx(4 / 12)
    assert same["mbleu4"] == pytest.approx(1.0) and same["distinct_share"] == pytest.approx(1 / 3)
    varied = diversity(
        {
            "x": ["A dog runs on grass.", "Two cats sleep inside."],
            "y": ["A man rides a bike.", "A man rides a bike."],
        }
    )
    assert varied["div1"] == pytest.approx((9 / 9 + 4 / 10) / 2)
    assert varied["div2"] == pytest.approx((7 / 7 + 4 / 8) / 2)
    assert varied["mbleu4"] == pytest.approx(0.5, abs=1e-6)  # x: ~0, y: 1
    assert varied["distinct_share"] == pytest.approx(0.75)
    assert varied["distinct_overall"] == pytest.approx(3 / 4)
    assert varied["vocabulary"] == 12


def test_novel_share():
    training = ["A dog runs .", "Two girls play in the water ."]
    assert novel_share(
        ["a dog runs", "A dog runs fast.", "Two girls play in the water"], training
    ) == pytest.approx(1 / 3)


def register_sets(captions: list[str], seed: int):
    rng = random.Random(seed)
    return [to_casual(c, rng) for c in captions], [to_plain(c) for c in captions]


def test_register_classifier_tells_casual_from_plain(tmp_path):
    casual, plain = register_sets(CAPTIONS[:30] * 8, seed=0)
    classifier = RegisterClassifier().fit(casual, plain)
    held_casual, held_plain = register_sets(CAPTIONS[30:] * 4, seed=1)
    accuracy = (
        classifier.predict_casual(held_casual).mean()
        + (~classifier.predict_casual(held_plain)).mean()
    ) / 2
    assert accuracy >= 0.9
    classifier.save(tmp_path / "register.json")
    loaded = RegisterClassifier.load(tmp_path / "register.json")
    texts = held_casual + held_plain
    np.testing.assert_array_equal(loaded.predict_casual(texts), classifier.predict_casual(texts))


def test_register_classifier_held_out_accuracy_on_flickr8k():
    by_image = flickr8k_by_image()
    images = random.Random(0).sample(sorted(by_image), 1400)
    train = [c for image in images[:1000] for c in by_image[image][:3]]
    held = [c for image in images[1000:] for c in by_image[image]]
    classifier = RegisterClassifier().fit(*register_sets(train, seed=0))
    held_casual, held_plain = register_sets(held, seed=1)
    casual_right = classifier.predict_casual(held_casual).mean()
    plain_right = (~classifier.predict_casual(held_plain)).mean()
    print(f"register classifier, held out: casual {casual_right:.3f}, plain {plain_right:.3f}")
    assert casual_right >= 0.95 and plain_right >= 0.95
