"""Labels one-hot at a class, defined in cases or words (``y_k = 1 \\text{ if } k = c`` and
``y_k = 0`` otherwise, a ``cases`` block, ``y = \\text{one\\_hot}(c)``), hypotheses said in words
("only one $y_k$ is 1", "y 是 one-hot 向量"), and a bare ``\\sum`` beside ``\\sum e^{z_k}``.
Each reading that holds has a twin with a slip that is flagged."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

SOFTMAX = r"Let $p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}$ and $L = -\sum_k y_k \log p_k$"


@pytest.mark.parametrize(
    "labels",
    [
        r", where $y_k = 1 \text{ if } k = c$ and $y_k = 0$ otherwise.",
        ", where\n\n$$y_k = \\begin{cases} 1 & k = c \\\\ 0 & \\text{otherwise} \\end{cases}$$",
        r", where $y = \text{one\_hot}(c)$.",
    ],
)
def test_labels_one_hot_at_a_class_are_read(labels: str) -> None:
    steps = "$$L = -\\log p_c$$\n\n$$\\frac{\\partial L}{\\partial z_c} = p_c - 1$$\n"
    text = f"{SOFTMAX}{labels}\n\n{steps}"
    steps = [s for s in check_document(text).steps if s.status != "definition"]
    assert [s.status for s in steps] == ["holds", "holds"]
    slipped = text.replace("= -\\log p_c$$", "= \\log p_c$$").replace("= p_c - 1$$", "= 1 - p_c$$")
    steps = [s for s in check_document(slipped).steps if s.status != "definition"]
    assert all(s.flagged for s in steps)


def test_one_value_said_alone_is_no_definition_of_every_entry() -> None:
    """``y_k = 1 \\text{ if } k = c`` with nothing said of the other entries."""
    text = f"{SOFTMAX}, where $y_k = 1 \\text{{ if }} k = c$.\n\n$$L = -\\log p_c$$\n"
    assert not check_document(text).steps[0].flagged


@pytest.mark.parametrize(
    "said",
    [
        "Only one $y_k$ is 1, the others are 0.",
        "y 是 one-hot 向量。",
        "where y is one-hot.",
    ],
)
def test_one_hot_said_in_words_is_the_hypothesis(said: str) -> None:
    text = f"{SOFTMAX}. {said}\n\n$$\\frac{{\\partial L}}{{\\partial z_i}} = p_i - y_i$$\n"
    assert check_document(text).steps[0].status == "holds"
    slipped = text.replace("= p_i - y_i$$", "= y_i - p_i$$")
    assert check_document(slipped).steps[0].flagged


def test_a_negated_copula_states_nothing() -> None:
    step = "$$\\frac{\\partial L}{\\partial z_i} = p_i - y_i$$\n"
    text = f"{SOFTMAX}. y 不是 one-hot 向量。\n\n{step}"
    assert "does not state" in check_document(text).steps[0].summary


BARE = r"""Let $p_i = \frac{e^{z_i}}{\sum e^{z_k}}$.

$$\frac{\partial p_i}{\partial z_i} = \frac{e^{z_i}\sum - e^{z_i}e^{z_i}}{\left(\sum\right)^2}
= p_i(1 - p_i)$$
"""


def test_a_bare_sum_is_the_partition_sum_written_without_its_limits() -> None:
    assert [s.status for s in check_document(BARE).steps] == ["holds", "holds"]
    slipped = BARE.replace("= p_i(1 - p_i)", "= p_i(1 + p_i)")
    assert [s.flagged for s in check_document(slipped).steps] == [False, True]
