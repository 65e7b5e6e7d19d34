"""The indicator as MathJax writes it, ``\\unicode{x1D7D9}(y=i)``, and as the character 𝟙,
is the indicator ``\\mathbb{1}``: the gradient of the loss at the true class is judged with it,
and a sign slip is flagged."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

DEFINED = "$$q_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$$\n\n$$L = -\\log q_y$$\n\n"


@pytest.mark.parametrize("one", ["\\unicode{x1D7D9}", "\U0001d7d9", "\\mathbb{1}"])
@pytest.mark.parametrize(("sign", "status"), [("-", "holds"), ("+", "holds only")])
def test_the_indicator_spelled_as_mathjax_does(one: str, sign: str, status: str) -> None:
    text = DEFINED + f"$$\\frac{{\\partial L}}{{\\partial z_i}} = q_i {sign} {one}(y=i)$$\n"
    step = check_document(text).steps[-1]
    assert (step.status, step.flagged) == (status, status != "holds")
