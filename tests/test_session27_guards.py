"""Session 27's red teams: the new readings stay silent where the words around them negate,
contrast or give another meaning. Each guard has a twin that shows the reading still works."""

from __future__ import annotations

from tests.steps import all_summaries, summaries

BCE = "The loss is\n\n$$L = -y \\log(\\sigma(f)) - (1 - y) \\log(1 - \\sigma(f))$$\n\n"
ZERO = "$$L = -\\log(1 - \\sigma(f))$$\n"
ONE = "$$L = -\\log\\sigma(f)$$\n"


def flagged_or_proved(text: str) -> list[str]:
    return [s for found in all_summaries(text).values() for s in found if s.startswith(("f", "h"))]


def neither_flagged_nor_proved(*leads: str) -> None:
    """Under each lead, the loss restated either way gets no verdict."""
    for lead in leads:
        for written in (ZERO, ONE):
            assert flagged_or_proved(BCE + lead + "\n\n" + written) == [], (lead, written)


def test_a_loss_restated_under_a_negated_or_contrasted_label_value_is_not_judged():
    neither_flagged_nor_proved(
        "Unless the true label $y = 1$, the loss becomes:",
        "When the true label is not $y = 1$, the loss becomes:",
        "For $y = 0$ rather than $y = 1$, the loss becomes:",
        "Für $y = 0$ statt $y = 1$ wird der Verlust zu:",
    )


def test_a_loss_restated_under_a_plain_case_is_still_judged():
    lead = "When the true label $y = 0$, the loss becomes:\n\n"
    assert summaries(BCE + lead + ZERO)[7].startswith("holds")
    assert summaries(BCE + lead + ONE)[7].startswith("fails")


def test_another_loss_with_a_new_letter_at_a_label_value_is_a_definition():
    focal = (
        "When the true label $y = 1$, the loss becomes:\n\n$$L = -(1 - \\sigma("
        "f))^{\\gamma} \\log\\sigma(f)$$\n"
    )
    assert summaries(BCE + focal)[7].startswith("definition")


def test_a_negated_value_is_no_worked_example_to_flag_at():
    text = (
        "二元交叉熵损失为\n\n$$L = -y \\log(\\sigma(f)) - (1 - y) \\log(1 - \\sigma(f))$$\n\n"
        "当真实标签 $y = 1$ 时，损失变为：\n\n$$L = -\\log\\sigma(f)$$\n\n"
        "否则（即 $y \\neq 1$），损失变为：\n\n$$L = -\\log(1 - \\sigma(f))$$\n"
    )
    found = summaries(text)
    assert found[7].startswith("holds") and not found[11].startswith("fails")


def test_two_outputs_redefined_as_sigmoids_under_a_heading_are_not_the_softmax():
    text = (
        "## Softmax\n\nFor two outputs, $y_1 = \\frac{e^{z_1}}{e^{z_1}+e^{z_2}}$ and "
        "$y_2 = \\frac{e^{z_2}}{e^{z_1}+e^{z_2}}$.\n\n## Multi-label\n\nHere each output has its "
        "own sigmoid, $y_1 = \\frac{1}{1+e^{-z_1}}$ and $y_2 = \\frac{1}{1+e^{-"
        "z_2}}$.\n\n$$STEP$$\n"
    )
    for step in (
        "\\frac{\\partial y_1}{\\partial z_2} = 0",
        "\\frac{\\partial y_1}{\\partial z_2} = -y_1 y_2",
    ):
        assert not summaries(text.replace("STEP", step))[9].startswith(("holds", "fails"))


def test_sigma_i_said_in_words_to_be_a_deviation_is_not_the_softmax():
    text = (
        "$$\\sigma(\\mathbf{z})_i = \\frac{e^{z_i}}{\\sum_{j=1}^K e^{z_j}}$$\n\n"
        "For logits $\\mathbf{a}$ with noise scale $\\sigma_i$ (a constant):\n\n"
        "$$\\frac{\\partial \\sigma(\\mathbf{a})_i}{\\partial a_j} + \\frac{\\p"
        "artial \\sigma_i}{\\partial a_j} = -\\sigma(\\mathbf{a})_i \\sigma(\\m"
        "athbf{a})_j$$\n"
    )
    assert not summaries(text)[5].startswith(("holds", "fails"))


NG = (
    "$z = wx + b$, $a = \\sigma(z)$,\n\n$$\\mathcal{L} = -y \\log a - (1 - y)\\log(1 - a)$$\n\n"
    "Write $dz = \\frac{\\partial \\mathcal{L}}{\\partial z}$ and "
    "$da = \\frac{\\partial \\mathcal{L}}{\\partial a}$.\n\n$$STEP$$\n"
)


def test_a_slash_between_d_names_is_no_ratio_of_loss_derivatives():
    # σ'(z) written da/dz: not read as (∂L/∂a)/(∂L/∂z), which would flag it
    assert not summaries(NG.replace("STEP", "da/dz = a(1 - a)"))[7].startswith("fails")
    assert summaries(NG.replace("STEP", "dz = y - a"))[7].startswith("fails")


def test_d_names_beside_differential_words_are_not_read():
    small = NG.replace("Write", "If w moves by a small amount, then dz = x dw. Write")
    assert summaries(small.replace("STEP", "dz = a - y"))[7].startswith("not checked")
    assert summaries(NG.replace("STEP", "dz = a - y"))[7] == "holds"


def test_a_differential_of_a_defined_letter_disables_d_names():
    text = NG.replace("STEP", "da = a(1 - a)\\, dz") + "\n$$dz = a - y$$\n"
    assert not any(s.startswith(("holds", "fails")) for s in summaries(text).values())


ROWS = "We use row vectors. Let $s_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}}$.\n\n$$STEP$$\n"


def test_a_bracket_whose_entries_a_space_parts_is_a_row_not_a_product():
    for right in ("\\mathbf s \\mathbf s^\\top", "\\mathbf s \\mathbf s^\\top + 1"):
        step = f"[\\mathbf s \\ \\ 1][\\mathbf s \\ \\ 1]^\\top = {right}"
        assert summaries(ROWS.replace("STEP", step))[3].startswith("not checked")


def test_a_loss_restated_for_another_case_than_the_value_named_is_not_judged():
    neither_flagged_nor_proved(
        "We handled the case $y = 1$ above; for a negative example the loss becomes:",
        "Unlike the case when $y = 1$, the loss for a negative example becomes:",
        "When $y = 1$ the loss is small, but for a negative example it becomes:",
    )


def test_d_names_after_the_loss_is_defined_again_are_not_read():
    text = (
        "For one example, $z = w^T x + b$, $a = \\sigma(z)$ and the loss is\n\n"
        "$$\\mathcal{L} = -y\\log(a) - (1-y)\\log(1-a)$$\n\n"
        "$$dz = \\frac{\\partial \\mathcal{L}}{\\partial z} = a - y$$\n\n"
        "## Squared error\n\n$$\\mathcal{L} = \\frac{1}{2}(a - y)^2$$\n\n"
        "$$dz = (a - y) a (1 - a)$$\n"
    )
    assert not summaries(text)[11].startswith(("holds", "fails"))


def test_a_bracket_parted_by_a_thin_space_is_a_row_not_a_product():
    for right in ("\\mathbf s \\mathbf s^\\top", "\\mathbf s \\mathbf s^\\top + 1"):
        step = f"[\\mathbf s \\, 1][\\mathbf s \\, 1]^\\top = {right}"
        assert summaries(ROWS.replace("STEP", step))[3].startswith("not checked")
