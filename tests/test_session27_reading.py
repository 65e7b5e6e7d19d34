"""Session 27: readings found in real posts. Every reading that holds has a wrong twin."""

from __future__ import annotations

from symsoft.reading.document import check_document
from tests.steps import summaries

TWO = (
    "For two outputs, $y_1 = \\frac{e^{z_1}}{e^{z_1} + e^{z_2}}$ and "
    "$y_2 = \\frac{e^{z_2}}{e^{z_1} + e^{z_2}}$.\n\n$$STEP$$\n"
)


def test_entries_of_a_softmax_written_out_in_a_sentence_define_it():
    assert summaries(TWO.replace("STEP", "\\frac{\\partial y_1}{\\partial z_2} = -y_1 y_2")) == {
        3: "holds"
    }
    assert summaries(TWO.replace("STEP", "\\frac{\\partial y_1}{\\partial z_1} = y_1(1 - y_1)"))[
        3
    ] == ("holds")


def test_a_wrong_step_on_entries_written_out_in_a_sentence_is_refuted():
    assert summaries(TWO.replace("STEP", "\\frac{\\partial y_1}{\\partial z_2} = y_1 y_2"))[
        3
    ].startswith("fails")
    assert summaries(TWO.replace("STEP", "\\frac{\\partial y_1}{\\partial z_1} = y_1(1 + y_1)"))[
        3
    ].startswith("fails")


def test_one_entry_written_out_shows_no_pattern_and_is_not_read():
    one = "For two outputs, $y_1 = \\frac{e^{z_1}}{e^{z_1} + e^{z_2}}$.\n\n$$STEP$$\n"
    assert summaries(one.replace("STEP", "\\frac{\\partial y_1}{\\partial z_2} = y_1 y_2"))[
        3
    ].startswith("not checked")


SECTIONS = (
    "The model's logit is $f = w^T x + b$.\n\n"
    "### Gradient\n\nFor the positive case, given:\n\n$$p = \\frac{1}{1 + e^{-x}}$$\n\n"
    "$$L = \\log p$$\n\n$$STEP$$\n"
)


def test_a_letter_made_a_vector_far_above_is_a_number_where_only_it_appears():
    # x is a vector in w^T x; under the new heading p and L are numbers of x alone
    assert summaries(SECTIONS.replace("STEP", "\\frac{dL}{dx} = 1 - p"))[11] == "holds"
    assert summaries(SECTIONS.replace("STEP", "p = (1 + e^{-x})^{-1}"))[11] == "holds"


def test_a_wrong_step_about_a_letter_made_a_vector_far_above_is_refuted():
    assert summaries(SECTIONS.replace("STEP", "\\frac{dL}{dx} = p - 1"))[11].startswith("fails")
    assert summaries(SECTIONS.replace("STEP", "p = (1 - e^{-x})^{-1}"))[11].startswith("fails")


def test_two_vectors_of_the_declaration_together_are_not_read_as_numbers():
    both = SECTIONS.replace("STEP", "\\frac{dL}{dw} = (1 - p) x")
    assert not summaries(both)[11].startswith("fails")


CASES = (
    "The loss is\n\n$$LOSS = - y \\log(\\sigma(f)) - (1 - y) \\log(1 - \\sigma(f))$$\n\n"
    "where $y$ is the true label.\n\n"
    "When the true label $y = 1$, the loss becomes:\n\n$$LOSS = ONE$$\n\n"
    "When the true label $y = 0$, the loss becomes:\n\n$$LOSS = ZERO$$\n"
)
RIGHT_ONE, RIGHT_ZERO = "- \\log(\\sigma(f))", "- \\log(1 - \\sigma(f))"


def test_a_loss_restated_at_a_label_value_the_text_names_is_a_step_at_that_value():
    for loss in ("L", "L_i"):
        right = CASES.replace("LOSS", loss).replace("ONE", RIGHT_ONE).replace("ZERO", RIGHT_ZERO)
        found = summaries(right)
        assert found[9].startswith("holds") and found[13].startswith("holds"), (loss, found)


def test_a_loss_restated_wrong_at_a_label_value_is_refuted_there():
    for loss in ("L", "L_i"):
        wrong = CASES.replace("LOSS", loss).replace("ONE", RIGHT_ONE).replace("ZERO", RIGHT_ONE)
        found = summaries(wrong)
        assert found[9].startswith("holds") and found[13].startswith("fails"), (loss, found)


def test_a_loss_read_under_a_spare_letter_is_shown_as_written():
    shown = summaries(CASES.replace("LOSS", "L_i").replace("ONE", "0").replace("ZERO", "0"))
    assert shown[3] == "definition of L_{i}"
    assert "W" not in "".join(shown.values())


SIGMA = (
    "$$\\sigma(\\mathbf{z})_i = \\frac{e^{z_i}}{\\sum^K_{j=1}e^{z_j}}$$\n\n"
    "where $\\mathbf{z} = [z_1, \\dots, z_K]$.\n\n$$STEP$$\n"
)


def test_sigma_defined_at_one_vector_and_used_at_another_is_the_same_softmax():
    right = (
        "\\frac{\\partial [\\sigma(\\mathbf{a})]_i}{\\pa"
        "rtial a_j} = \\sigma_i(\\delta_{ij} - \\sigma_j)"
    )
    assert summaries(SIGMA.replace("STEP", right))[5] == "holds"
    entry = (
        "\\frac{\\partial \\sigma(\\mathbf{a})_i}{\\partial a"
        "_j} = -\\sigma(\\mathbf{a})_i \\sigma(\\mathbf{a})_j"
    )
    assert summaries(SIGMA.replace("STEP", entry))[5].startswith("holds only when i ≠ j")


def test_a_wrong_step_on_sigma_used_at_another_vector_is_refuted():
    swapped = (
        "\\frac{\\partial [\\sigma(\\mathbf{a})]_i}{\\pa"
        "rtial a_j} = \\sigma_j(\\delta_{ij} - \\sigma_j)"
    )
    assert summaries(SIGMA.replace("STEP", swapped))[5].startswith(("fails", "holds only when"))
    sign = (
        "\\frac{\\partial \\sigma(\\mathbf{a})_i}{\\par"
        "tial a_j} = \\sigma_i(\\sigma_j - \\delta_{ij})"
    )
    assert summaries(SIGMA.replace("STEP", sign))[5].startswith("fails")


def test_sigma_used_at_two_other_vectors_is_not_renamed():
    two = "\\sigma(\\mathbf{a})_i = \\sigma(\\mathbf{b})_i"
    assert not summaries(SIGMA.replace("STEP", two))[5].startswith(("holds", "fails"))


NG = (
    "For one example, $z = w^T x + b$, $a = \\sigma(z)$ and the loss is\n\n"
    "$$\\mathcal{L}(a, y) = -y\\log(a) - (1-y)\\log(1-a)$$\n\n"
    "$$dz = \\frac{\\partial \\mathcal{L}}{\\partial z} = a - y$$\n\n$$STEP$$\n"
)


def test_ng_d_names_are_the_loss_derivatives_where_the_text_states_the_convention():
    found = summaries(NG.replace("STEP", "db = \\frac{\\partial \\mathcal{L}}{\\partial b} = dz"))
    assert found[5] == "definition of dz" and found[7] == "definition of db"
    assert summaries(NG.replace("STEP", "dz = a - y"))[7] == "holds"


def test_a_wrong_step_in_ng_d_names_is_refuted_and_shown_as_written():
    wrong = [s for s in check_document(NG.replace("STEP", "dz = y - a")).steps if s.line == 7]
    assert wrong[0].summary.startswith("fails") and wrong[0].lhs.strip() == "dz"
    assert summaries(NG.replace("STEP", "db = \\frac{\\partial \\mathcal{L}}{\\partial b} = -dz"))[
        7
    ].startswith("definition of db")


def test_d_names_without_the_convention_stated_are_not_read():
    unstated = NG.replace("dz = \\frac{\\partial \\mathcal{L}}{\\partial z} = a - y", "dz = a - y")
    assert summaries(unstated.replace("STEP", "dz = y - a"))[7].startswith("not checked")


SAID_LOSS = (
    "$$L_i = - y \\log(\\sigma(f)) - (1 - y) \\log(1 - \\sigma(f))$$\n\n"
    "where $L_i$ is the loss for a single training example $i$.\n\n"
    "When the true label $y = 1$, the loss becomes:\n\n$$L_i = RHS$$\n\n"
    "### Another section\n\n$$L = \\log p$$\n"
)


def test_an_examples_loss_said_in_words_is_a_name_beside_a_plain_l():
    assert summaries(SAID_LOSS.replace("RHS", "-\\log(\\sigma(f))"))[7].startswith("holds")
    assert summaries(SAID_LOSS.replace("RHS", "-\\log(1 - \\sigma(f))"))[7].startswith("fails")


def test_an_indexed_loss_not_said_to_be_an_examples_is_not_renamed():
    unsaid = SAID_LOSS.replace("the loss for a single training example $i$", "a number")
    assert summaries(unsaid.replace("RHS", "-\\log(1 - \\sigma(f))"))[7].startswith("not checked")
