"""A capital the text says is a matrix or a vector is no number: a step that multiplies it is
not read (``Wx = xW`` would hold); the other steps of the document are judged as before."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.meaning.matrices import shaped_capitals

LAYER = r"""
# A linear layer, then the logistic loss

The scores are $z = W x + b$, where DECLARED. The prediction is $\hat{y} = \sigma(z)$ and

$$ L = -y \log \hat{y} - (1 - y) \log(1 - \hat{y}) $$

$$ z = W x + b = x W + b $$

The softplus on the way: $$ \frac{d}{du} \log(1 + e^{u}) = \frac{1}{1 + e^{-u}} $$
"""

DECLARED = [
    "$W$ denotes the weight matrix",
    "we let $W$ be a $K \\times d$ matrix",
    "$W$ has shape $(K, d)$",
    "$W \\in \\mathbb{R}^{K \\times d}$",
    "$\\mathbf{W}$ is the matrix of weights",
]


def _steps(text: str) -> list[tuple[str, str]]:
    return [(s.lhs, s.status) for s in check_document(text).steps if s.status != "definition"]


@pytest.mark.parametrize("declared", DECLARED)
def test_a_product_with_a_declared_matrix_is_not_read(declared: str) -> None:
    text = LAYER.replace("DECLARED", declared.replace("\\mathbf{W}", "W"))
    result = check_document(text)
    commuted = [s for s in result.steps if s.rhs.strip() == "x W + b"]
    assert [s.status for s in commuted] == ["not checked"]
    assert "W is a matrix or a vector (the text says so)" in commuted[0].summary
    assert _steps(text)[-1][1] == "holds"


@pytest.mark.parametrize("declared", DECLARED[:2])
def test_the_steps_without_the_matrix_are_still_flagged(declared: str) -> None:
    text = LAYER.replace("DECLARED", declared).replace("{1 + e^{-u}}", "{1 + e^{u}}")
    assert _steps(text)[-1][1] == "fails"


def test_a_weight_the_text_calls_a_number_is_read_and_its_slip_flagged() -> None:
    number = LAYER.replace("DECLARED", "the weight $W$ is a number")
    number = number.replace("= x W + b $$", r"= x W + b $$ $$ \frac{\partial z}{\partial W} = x $$")
    assert [status for _, status in _steps(number)] == ["holds"] * 4
    slip = number.replace(r"{\partial W} = x $$", r"{\partial W} = W $$")
    assert [status for _, status in _steps(slip)] == ["holds", "holds", "fails", "holds"]


@pytest.mark.parametrize(
    ("text", "capitals"),
    [
        ("Let $W$ be a $K \\times d$ matrix.", ["W"]),
        ("a matrix of weights $W$", ["W"]),
        ("$X$, of shape $(m, d)$", ["X"]),
        ("$W \\in \\R^{n \\times m}$", ["W"]),
        ("the logits $x = (x_1, x_2)^T \\in \\mathbb{R}^2$", []),  # a transpose, no capital
        ("the weight $W$ is a number", []),
        ("$W$ is the weight of the edge", []),
    ],
)
def test_shaped_capitals_are_found_in_the_words_real_posts_use(
    text: str, capitals: list[str]
) -> None:
    assert sorted(shaped_capitals(text, text)) == capitals


SOFTMAX_LAYER = r"""
# Softmax classifier

The logits are $z = W \cdot x + b$ and the probabilities $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$,
with the loss $L = -\sum_k y_k \log p_k$ for one-hot $y$.

$$ \frac{\partial L}{\partial z_i} = p_i - y_i $$

$$ \frac{\partial L}{\partial W} = (p_i - y_i) x $$

$$ \frac{\partial L}{\partial b} = p_i - y_i $$
"""


def test_a_capital_multiplied_into_a_vectors_entries_is_no_number() -> None:
    # z = W x + b beside z_i: W is a matrix and b a vector; as numbers shared by every z_i,
    # the author's row of the gradient was refuted (and \partial L / \partial b read as 0)
    steps = [s for s in check_document(SOFTMAX_LAYER).steps if s.status != "definition"]
    assert [s.status for s in steps] == ["holds", "not checked", "not checked"]
    assert "W is a matrix or a vector (W times a letter gives the entries of z)" in steps[1].summary
    assert "entries of W*x + b, defined without an index" in steps[2].summary


def test_the_logit_gradient_beside_them_is_still_flagged_when_wrong() -> None:
    wrong = SOFTMAX_LAYER.replace(r"{\partial z_i} = p_i - y_i", r"{\partial z_i} = y_i - p_i")
    assert [s.status for s in check_document(wrong).steps][0] == "fails"
