"""Session 37: readings of real posts met in rounds 38 to 39b. Each reading that proves a step
has a wrong twin that is refuted (or, where the reading only withholds a flag, a twin outside its
premise that is still flagged)."""

from __future__ import annotations

from tests.steps import judged as _steps

MENTIONED = (
    "**What each symbol means:**\n\n* $L$ : Loss (single number)\n* $z_i$ : the i-th logit\n\n"
    "$$\n\\mathcal{L} = -\\sum_{i=1}^{C} y_i \\log(\\hat{y}_i)\n$$\n\n"
    "where $\\hat{y}_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and y is one-hot.\n\n"
    "$$\n\\frac{\\partial \\mathcal{L}}{\\partial z_i} = RIGHT\n$$\n"
)


def test_a_bare_l_said_to_be_the_loss_leaves_the_calligraphic_loss_read_as_l():
    ((status, summary),) = _steps(MENTIONED.replace("RIGHT", "\\hat{y}_i - y_i"))
    assert status == "holds", summary
    ((status, summary),) = _steps(MENTIONED.replace("RIGHT", "y_i - \\hat{y}_i"))
    assert status == "fails", summary
    # $L$ named as the number of layers is another L: the calligraphic loss is left unread
    layers = MENTIONED.replace("$L$ : Loss (single number)", "$L$ : the number of layers")
    steps = _steps(layers.replace("RIGHT", "\\hat{y}_i - y_i"))
    assert [status for status, _ in steps] == ["not checked"] * 2, steps


CALLED_HAT = (
    "$$ L = - \\sum_i y_i \\log(\\hat{y}_i) $$\n\n"
    "$$\\hat{y}(\\mathbf{z})_i = \\frac{e^{z_i}}{\\sum_{k=1}^{n} e^{z_k}}$$\n\n"
    "with y one-hot.\n\n"
    "$$\\frac{\\partial \\hat{y}(\\mathbf{z})_k}{\\partial z_i} = RIGHT$$\n"
)


def test_a_prediction_named_with_its_vector_is_its_entry():
    right = "\\hat{y}_k(\\delta_{ki} - \\hat{y}_i)"
    ((status, summary),) = _steps(CALLED_HAT.replace("RIGHT", right))
    assert status == "holds", summary
    # the swapped index of the delta's partner is refuted
    wrong = "\\hat{y}_i(\\delta_{ki} - \\hat{y}_i)"
    ((status, summary),) = _steps(CALLED_HAT.replace("RIGHT", wrong))
    assert status == "holds only" and "fails when i ≠ k" in summary, summary
