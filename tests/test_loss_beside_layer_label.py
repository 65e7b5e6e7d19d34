"""``\\mathcal{L}`` is the loss L in a text that writes L only as a layer's label in subscripts
(``a_L``, ``z_L``): its steps are judged (a wrong twin flagged); a step that writes the loss
and the label L together is not read (which L is meant?), never judged with the two merged."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

TEXT = (
    "$$a_i = \\frac{{e^{{z_i}}}}{{\\sum_k e^{{z_k}}}}$$\n\n"
    "$$\\mathcal{{L}} = -\\sum_k y_k \\log a_k$$\n\n"
    "$$\\frac{{\\partial \\mathcal{{L}}}}{{\\partial z_L}} = \\frac{{\\partial \\mathcal{{L}}}}"
    "{{\\partial a_L}} \\frac{{\\partial a_L}}{{\\partial z_L}}$$\n\n"
    "$$\\frac{{\\partial \\mathcal{{L}}}}{{\\partial a_i}} = {rhs}$$\n"
)


@pytest.mark.parametrize(
    ("rhs", "status"), [("-\\frac{y_i}{a_i}", "holds"), ("\\frac{y_i}{a_i}", "fails")]
)
def test_the_loss_is_read_beside_a_layer_label(rhs: str, status: str) -> None:
    steps = check_document(TEXT.format(rhs=rhs)).steps
    assert steps[1].summary == "definition of L"
    assert (steps[-1].status, steps[-1].flagged) == (status, status == "fails")
    layered = steps[2]
    assert layered.status == "not checked" and "index and as a value" in layered.summary


FRAKTUR = (
    "- $$a = \\sigma(z)$$ : La prédiction.\n"
    "- $$\\mathfrak{L}(a, y) = -(y\\log a+(1-y)\\log(1-a))$$ : La fonction de perte.\n\n"
    "$$\\frac{d\\mathfrak{L}(a, y)}{da} = -\\frac{y}{a} + \\frac{1-y}{1-a}$$\n\n"
    "$$\\frac{\\partial L}{\\partial a} = RHS$$\n"
)


@pytest.mark.parametrize(
    ("rhs", "status"), [("\\frac{a-y}{a(1-a)}", "holds"), ("\\frac{y-a}{a(1-a)}", "fails")]
)
def test_a_fraktur_loss_defined_in_kramdown_inline_math_and_a_plain_l_only_differentiated(
    rhs: str, status: str
) -> None:
    """A French post defines 𝔏(a, y) in ``$$…$$`` inside a list line, and writes ∂L/∂a with a
    plain L (the prose says "la fonction de perte L"): one loss; a slipped sign is flagged."""
    steps = check_document(FRAKTUR.replace("RHS", rhs)).steps
    assert [s.status for s in steps] == ["holds", status]


def test_a_plain_l_the_text_defines_is_another_name() -> None:
    text = FRAKTUR.replace("RHS", "\\frac{a-y}{a(1-a)}") + "\n$$L = 2 a$$\n"
    assert check_document(text).steps[0].status == "not checked"
