"""A hypothesis named with its parameters as a script and defined in a sentence (``Let
$h_{\\theta}(x) = \\frac{1}{1 + e^{-\\theta^T x}}$``, ``with $h_\\theta(x) = \\sigma(\\theta^T
x)$``) defines the regression as a display would; every step that holds has a twin that fails."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

COST = (
    r"""

$$J(\theta) = -\frac{1}{m}\sum_{i=1}^{m}\left[y^{(i)}\log h_\theta(x^{(i)})"""
    r""" + (1 - y^{(i)})\log(1 - h_\theta(x^{(i)}))\right]$$

$$\frac{\partial J(\theta)}{\partial \theta_j} = RHS$$
"""
)
RIGHT = r"\frac{1}{m}\sum_{i=1}^{m}\left(h_\theta(x^{(i)}) - y^{(i)}\right)x_j^{(i)}"
WRONG = r"\frac{1}{m}\sum_{i=1}^{m}\left(y^{(i)} - h_\theta(x^{(i)})\right)x_j^{(i)}"


@pytest.mark.parametrize(
    "said",
    [
        r"Let $h_{\theta}(x) = \frac{1}{1 + e^{-\theta^T x}}$. The cost is",
        r"The cost, with $h_\theta(x) = \sigma(\theta^T x)$, is",
        r"Where $h_\theta(x) = \sigma(\theta^\top x)$ the cost is",
    ],
)
def test_a_hypothesis_said_in_a_sentence_defines_the_regression(said: str) -> None:
    good = check_document(said + COST.replace("RHS", RIGHT)).steps
    assert [s.status for s in good] == ["definition", "holds"], good[-1].summary
    bad = check_document(said + COST.replace("RHS", WRONG)).steps
    assert bad[-1].status == "fails", bad[-1].summary


def test_without_the_hypothesis_nothing_is_read() -> None:
    steps = check_document("The cost is" + COST.replace("RHS", WRONG)).steps
    assert not any(s.flagged for s in steps)
