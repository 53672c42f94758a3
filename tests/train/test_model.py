"""train/model.py: shapes and no NaNs with tiny sizes; the step matches teacher forcing, with
and without OCR tokens to copy from."""

from __future__ import annotations

import pytest
import torch

from engine.ocrtokens import FEATURES as OCR_FEATURES
from train.model import Discriminator, Generator, ModelConfig

V = 30


@pytest.fixture
def config():
    return ModelConfig(
        image_size=32,
        channels=(8, 16, 16),
        feature_dim=12,
        embed_dim=10,
        hidden_dim=14,
        cond_dim=6,
        noise_dim=3,
        style_dim=4,
        disc_dim=8,
        vocab_size=V,
        dropout=0.0,
    )


def test_generator_shapes_and_no_nans(config):
    torch.manual_seed(0)
    g = Generator(config)
    images = torch.randn(2, 3, 32, 32)
    tokens = torch.randint(4, V, (5, 7))
    index = torch.tensor([0, 0, 1, 1, 1])
    style = torch.tensor([0, 1, 0, 1, 1])
    # Two groups of captions over one encoder pass: the second with each caption's OCR.
    (plain, copying), bow = g(images, [(tokens, index, torch.randn(5, 3), style, None),
                                       (tokens, index, torch.randn(5, 3), style, None,
                                        *ocr_inputs(5, 4))])
    # Without OCR there is one masked copy slot, which nothing can pick.
    assert plain.shape == (5, 7, V + 1) and bow.shape == (2, V)
    assert torch.isfinite(plain).all() and torch.isfinite(bow).all()
    assert (plain[..., V] < -1e3).all()
    assert copying.shape == (5, 7, V + 4) and torch.isfinite(copying).all()
    features, pooled = g.encoder(images)
    assert features.shape == (2, 16, 12) and pooled.shape == (2, 12)  # 32 px -> 4x4 grid


def test_the_pooled_stem_runs_the_first_stage_on_a_quarter_of_the_cells_and_keeps_the_grid(config):
    torch.manual_seed(0)
    images = torch.randn(2, 3, 32, 32)
    cells = {}
    for pooled in (False, True):
        config.stem_pool = pooled
        encoder = Generator(config).encoder
        first = encoder.stages[0].register_forward_hook(
            lambda _module, _inputs, out, pooled=pooled: cells.__setitem__(pooled, out.shape[-2:]))
        features, _ = encoder(images)
        first.remove()
        assert features.shape == (2, 16, 12), "4x4 grid either way"
    assert cells == {False: (16, 16), True: (8, 8)}


def test_step_by_step_equals_teacher_forcing(config):
    torch.manual_seed(0)
    g = Generator(config).eval()
    features, pooled = g.encoder(torch.randn(3, 3, 32, 32))
    tokens = torch.randint(4, V, (3, 6))
    noise, style = torch.randn(3, 3), torch.tensor([0, 1, 1])
    with torch.no_grad():
        forced = g.decoder(tokens, features, pooled, noise, style)
        state = torch.zeros(3, config.hidden_dim)
        for t in range(tokens.shape[1]):
            logits, state = g.decoder.step(tokens[:, t], state, features, pooled, noise, style)
            torch.testing.assert_close(logits, forced[:, t], atol=1e-5, rtol=1e-5)


def ocr_inputs(batch: int, count: int):
    """OCR features, word ids and mask: the last token of each row masked."""
    mask = torch.ones(batch, count)
    mask[:, -1] = 0
    return torch.rand(batch, count, OCR_FEATURES), torch.randint(3, V, (batch, count)), mask


@pytest.mark.parametrize(("follow", "text"), [(False, False), (True, False), (True, True)])
def test_copying_step_by_step_equals_teacher_forcing(config, follow, text):
    """Inputs that point at OCR tokens (id >= V) decode the same either way."""
    torch.manual_seed(0)
    config.follow_copies = follow
    config.text_condition = text
    g = Generator(config).eval()
    features, pooled = g.encoder(torch.randn(3, 3, 32, 32))
    ocr = ocr_inputs(3, 4)
    ocr[1][:, 0] = 3  # an OCR word the vocabulary does not know: fed as <unk> + its token
    tokens = torch.tensor([[1, 5, V, 7], [1, V + 1, 6, V + 2], [1, 9, 9, V]])
    noise, style = torch.randn(3, 3), torch.tensor([0, 1, 1])
    with torch.no_grad():
        forced = g.decoder(tokens, features, pooled, noise, style, None, *ocr)
        keep = torch.tensor([[True] * 4, [True] * 4, [True, True, False, False]])
        kept = g.decoder(tokens, features, pooled, noise, style, keep, *ocr)
        torch.testing.assert_close(kept, forced[keep], atol=1e-5, rtol=1e-5)
        state = torch.zeros(3, config.hidden_dim)
        for t in range(tokens.shape[1]):
            logits, state = g.decoder.step(tokens[:, t], state, features, pooled, noise, style,
                                           *ocr)
            torch.testing.assert_close(logits, forced[:, t], atol=1e-5, rtol=1e-5)
    assert (forced[..., V + 3] < -1e3).all(), "a masked OCR token can never be copied"


def test_the_word_after_one_just_said_is_marked_to_read_on(config):
    config.follow_copies = True
    decoder = Generator(config).decoder
    # OCR reads "storm(9) expected(5) <unk> coast(9)"; the last slot is padding.
    ids = torch.tensor([[9, 5, 3, 9, 0]])
    mask = torch.tensor([[1.0, 1, 1, 1, 0]])
    tokens = torch.tensor([[9, V + 1, V + 2, 7, 3, 0]])
    marked = decoder._next_words(tokens, ids, mask)[0]
    # "storm" is spelt by slots 0 and 3: read on at 1 (and 4, which is padding).
    assert marked[0].tolist() == [0, 1, 0, 0, 0]
    # A copied word the vocabulary knows counts wherever OCR spells it.
    assert marked[1].tolist() == [0, 0, 1, 0, 0]
    # A copied unknown word marks only the slot after its own.
    assert marked[2].tolist() == [0, 0, 0, 1, 0]
    # A word OCR does not spell, <unk> and padding mark nothing.
    assert marked[3:].sum() == 0


def test_the_text_condition_knows_what_text_shows_and_ignores_padding(config):
    config.text_condition = True
    torch.manual_seed(0)
    decoder = Generator(config).decoder.eval()
    pooled, noise, style = torch.randn(2, config.feature_dim), torch.zeros(2, 3), torch.zeros(
        2, dtype=torch.long)
    features = torch.randn(2, 4, config.feature_dim)

    def condition(ocr):
        tokens, _, _, mask = decoder.read_ocr(*ocr, features)
        return decoder.condition(pooled, noise, style, decoder.text_summary(tokens, mask))

    with torch.no_grad():
        ocr = ocr_inputs(2, 4)
        other_words = (ocr[0], ocr[1].flip(1), ocr[2])
        assert not torch.allclose(condition(ocr), condition(other_words))
        vectors, ids, mask = ocr
        padded = (torch.cat([vectors, vectors[:, :1]], 1),
                  torch.cat([ids, torch.full((2, 1), 7)], 1),
                  torch.cat([mask, torch.zeros(2, 1)], 1))  # one more slot, masked
        torch.testing.assert_close(condition(ocr), condition(padded))
        no_text = (None, None, None)
        assert not torch.allclose(condition(ocr), condition(no_text))


def test_kept_positions_only(config):
    torch.manual_seed(0)
    g = Generator(config).eval()
    features, pooled = g.encoder(torch.randn(2, 3, 32, 32))
    tokens = torch.tensor([[1, 5, 6, 7], [1, 8, 0, 0]])
    keep = torch.tensor([[True] * 4, [True, True, False, False]])
    noise, style = torch.zeros(2, 3), torch.tensor([0, 1])
    with torch.no_grad():
        full = g.decoder(tokens, features, pooled, noise, style)
        kept = g.decoder(tokens, features, pooled, noise, style, keep)
    torch.testing.assert_close(kept, full[keep], atol=1e-5, rtol=1e-5)


def test_sample_stops_at_eos_and_never_says_banned_tokens(config):
    torch.manual_seed(0)
    g = Generator(config).eval()
    features, pooled = g.encoder(torch.randn(4, 3, 32, 32))
    out = g.sample(
        features,
        pooled,
        torch.randn(4, 3),
        torch.zeros(4, dtype=torch.long),
        max_steps=9,
        bos=1,
        eos=2,
        banned=(0, 1, 3),
    )
    assert out.shape == (4, 9)
    for row in out.tolist():
        if 2 in row:
            assert all(t == 0 for t in row[row.index(2) + 1 :])
            row = row[: row.index(2)]
        assert not {0, 1, 3} & set(row)


def test_discriminator_scores_each_pair(config):
    torch.manual_seed(0)
    d = Discriminator(config)
    tokens = torch.tensor([[5, 6, 2, 0], [7, 2, 0, 0]])
    logits = d(torch.randn(2, 12), tokens, torch.tensor([0, 1]))
    assert logits.shape == (2,) and torch.isfinite(logits).all()
    logits.sum().backward()
    assert all(p.grad is not None for p in d.parameters() if p.requires_grad)


def test_set_features_judge_a_caption_among_the_others_of_its_set(config):
    """disc_set_features: a caption's score depends on the captions of its own set (its
    image's and the other images') and on no other set's; a set of one caption repeated
    looks wholly alike."""
    config.disc_set_features = True
    torch.manual_seed(0)
    d = Discriminator(config).eval()
    pooled = torch.randn(4, 12)
    style = torch.zeros(4, dtype=torch.long)
    images = torch.tensor([0, 0, 1, 1])
    tokens = torch.tensor([[5, 6, 2], [7, 8, 2], [9, 10, 2], [11, 12, 2]])
    one_set = d(pooled, tokens, style, torch.zeros(4, dtype=torch.long), images)
    changed = tokens.clone()
    changed[1] = torch.tensor([13, 14, 2])
    assert not torch.isclose(d(pooled, changed, style, torch.zeros(4, dtype=torch.long),
                               images)[0], one_set[0])
    apart = torch.tensor([0, 0, 1, 1])  # rows 0-1 and 2-3 judged as two sets
    alone = d(pooled, tokens, style, apart, images)
    assert torch.isclose(d(pooled, changed, style, apart, images)[2], alone[2])

    repeated = torch.tensor([[5, 6, 2]] * 4)
    text = d.gru(d.embed(repeated))[0].mean(1)
    likeness = d._set_features(text, torch.zeros(4, dtype=torch.long), images)
    assert torch.allclose(likeness, torch.ones(4, 2), atol=1e-5)
    one_set.sum().backward()
    assert all(p.grad is not None for p in d.parameters() if p.requires_grad)


def test_tied_words_share_one_matrix_between_reading_and_saying():
    config = ModelConfig(vocab_size=30, embed_dim=32, hidden_dim=32, tie_words=True)
    decoder = Generator(config).decoder
    assert decoder.out.weight is decoder.embed.weight
    # Counted once, so the optimizer and the checkpoint hold one copy.
    names = [name for name, _ in decoder.named_parameters()]
    assert "embed.weight" in names and "out.weight" not in names
    with torch.no_grad():
        decoder.embed.weight[7].fill_(0.5)
    assert torch.equal(decoder.out.weight[7], torch.full((32,), 0.5))
