"""Words that label a row inside the math, ``\\text{Proof }``, ``\\text{Base on (2), (7)} => …``,
``\\text{Step 2: }``, are blanked (prose, no mathematics): the equation after them is judged, a
wrong twin flagged; ``\\mathfrak{L}`` is the loss L as ``\\mathcal{L}`` is."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

SIGMOID = "$$\\sigma(x) = \\frac{1}{1 + e^{-x}}$$\n\n"


@pytest.mark.parametrize(
    "label", ["\\text{Proof }", "\\text{Base on (2), (7)} =>", "\\text{Step 2: }"]
)
@pytest.mark.parametrize(("sign", "status"), [("-", "holds"), ("+", "fails")])
def test_a_row_label_in_words_is_blanked(label: str, sign: str, status: str) -> None:
    text = SIGMOID + f"$${label} \\sigma'(x) = \\sigma(x)(1 {sign} \\sigma(x))$$\n"
    step = check_document(text).steps[-1]
    assert (step.status, step.flagged) == (status, status == "fails")


@pytest.mark.parametrize(
    ("rhs", "status"), [("-\\frac{y}{a} + \\frac{1-y}{1-a}", "holds"), ("\\frac{y}{a}", "fails")]
)
def test_a_fraktur_loss_is_the_loss(rhs: str, status: str) -> None:
    text = (
        "$$\\mathfrak{L}(a, y) = -y\\log(a) - (1-y)\\log(1-a)$$\n\n"
        f"$$\\frac{{d\\mathfrak{{L}}(a, y)}}{{da}} = {rhs}$$\n"
    )
    step = check_document(text).steps[-1]
    assert (step.status, step.flagged) == (status, status == "fails")
