"""Notation real Markdown and LaTeX posts write that the reader used to refuse: underscores a
Markdown post escapes inside its math, a Greek letter named with its vector
(``\\phi(\\mathbf{z})_i``), a loss named by two capitals defined in a sentence (``$CE = …$``),
and the mark that ends a proof. Every reading that holds has a twin with a slip that fails,
and a case the text leaves unclear stays not checked."""

from __future__ import annotations

import pytest

from tests.steps import all_summaries, summaries


def flagged(summary: str) -> bool:
    """A slip is shown: the step fails, or holds only in a case the text does not state."""
    return summary.startswith("fails") or "(fails when" in summary


# a Hexo post: Markdown would read _ … _ as italics, so the post escapes every underscore
HEXO_SHIFT = (
    "Let $p\\_i = \\cfrac{exp(x\\_i)}{\\sum\\_{j=1}^{n}exp(x\\_j)}$. For any constant $c$:\n\n"
    "$$\n"
    "\\cfrac{exp(x_i+c)}{\\sum\\_{j=1}^{n}exp(x_j+c)}"
    " =\\cfrac{exp(c)exp(x_i)}{exp(c)\\sum\\_{j=1}^{n}exp(x_j)}"
    " =\\cfrac{exp(x_i)}{\\sum\\_{j=1}^{n}exp(x_j)} = p_i\n"
    "$$\n"
)


def test_an_escaped_underscore_in_math_is_a_subscript():
    assert all_summaries(HEXO_SHIFT)[4] == ["holds", "holds", "holds"]
    # a constant dropped from one exponent: the middle row no longer equals the first
    slipped = HEXO_SHIFT.replace("{exp(c)exp(x_i)}", "{exp(x_i)}", 1)
    assert flagged(all_summaries(slipped)[4][0]), all_summaries(slipped)[4]


HEXO_JACOBIAN = (
    "Let $S\\_i = \\frac{e^{\\theta\\_i}}{\\sum\\_{k} e^{\\theta\\_k}}$ for the scores"
    " $\\theta$, and $\\text{cross\\_entropy}$ the loss we train with.\n\n"
    "$$\n"
    "\\frac{\\partial S\\_i}{\\partial \\theta\\_j} = S\\_i(\\delta\\_{ij} - S\\_j)\n"
    "$$\n"
)


@pytest.mark.parametrize(
    ("slip", "slipped"),
    [
        ("sign", "S\\_i(S\\_j - \\delta\\_{ij})"),
        ("swapped index", "S\\_i(\\delta\\_{ij} - S\\_i)"),
        ("dropped term", "S\\_i\\delta\\_{ij}"),
    ],
)
def test_escaped_scripts_everywhere_read_and_a_slip_fails(slip, slipped):
    assert summaries(HEXO_JACOBIAN)[4] == "holds"
    wrong = HEXO_JACOBIAN.replace("S\\_i(\\delta\\_{ij} - S\\_j)", slipped)
    assert flagged(summaries(wrong)[4]), (slip, summaries(wrong)[4])


def test_an_escaped_underscore_after_a_word_joins_a_name_and_is_not_read():
    # head\_dim is one name written with an underscore, no letter h with a subscript
    text = (
        "The weights are $A = \\text{softmax}(\\frac{QK^T}{\\sqrt{head\\_dim}})$.\n\n"
        "$$\\frac{\\partial}{\\partial x} \\frac{x}{\\sqrt{head\\_dim}}"
        " = \\frac{1}{\\sqrt{head\\_dim}}$$\n"
    )
    assert summaries(text)[3].startswith("not checked"), summaries(text)[3]


# a Sphinx page: the softmax named φ with its vector, sized brackets around a group
SPHINX_PHI = (
    "The softmax we denote from now on as\n\n"
    "$$\\phi(\\mathbf{z})_i = \\frac{\\exp(z_{i})}{\\sum_{k=1}^c \\exp(z_{k})}$$\n\n"
    "and its derivative is\n\n"
    "$$\\frac{\\partial \\phi(\\mathbf{z})_i}{\\partial z_j} = "
    "\\frac{\\exp(z_j)\\delta_{ij}}{\\sum_{k=1}^c \\exp(z_k)} - "
    "\\frac{\\exp(z_i)}{\\sum_{k=1}^c \\exp(z_k)}\\frac{\\exp(z_j)}{\\sum_{k=1}^c \\exp(z_k)}"
    " = \\big(\\delta_{ij} - \\phi(\\mathbf{z})_i\\big)\\phi(\\mathbf{z})_j$$\n"
)


def test_a_greek_letter_defined_with_its_vector_reads_as_its_entries():
    assert all_summaries(SPHINX_PHI)[7] == ["holds", "holds"]
    swapped = SPHINX_PHI.replace(
        "\\big(\\delta_{ij} - \\phi(\\mathbf{z})_i\\big)\\phi(\\mathbf{z})_j",
        "\\big(\\delta_{ij} - \\phi(\\mathbf{z})_j\\big)\\phi(\\mathbf{z})_j",
    )
    assert flagged(all_summaries(swapped)[7][1]), all_summaries(swapped)[7]
    flipped = SPHINX_PHI.replace("\\exp(z_j)\\delta_{ij}}", "-\\exp(z_j)\\delta_{ij}}")
    assert flagged(all_summaries(flipped)[7][0]), all_summaries(flipped)[7]


def test_a_greek_letter_at_other_arguments_is_not_read_as_the_defined_one():
    # φ(z + c)_i is φ at another point: not the entry φ_i the text defines
    text = SPHINX_PHI + (
        "\n$$\\phi(\\mathbf{z} + c)_i = \\frac{\\exp(z_{i})}{\\sum_{k=1}^c \\exp(z_{k})}$$\n"
    )
    assert not summaries(text)[9].startswith(("holds", "fails")), summaries(text)[9]


# a course's notes: the loss named CE in a sentence, then differentiated
NAMED_CE = (
    "Let $S_i = \\frac{e^{\\theta_i}}{\\sum_k e^{\\theta_k}}$ and let $y$ be one-hot."
    " The loss is $CE = -\\sum_k y_k \\log S_k$.\n\n"
    "$$\\frac{\\partial CE}{\\partial \\theta_i} = -\\sum_k y_k \\frac{1}{S_k}"
    " \\frac{\\partial S_k}{\\partial \\theta_i} = S_i - y_i$$\n"
)


def test_two_capitals_a_sentence_defines_are_one_name():
    assert all_summaries(NAMED_CE)[3][0] == "holds"
    flipped = NAMED_CE.replace("= -\\sum_k y_k \\frac{1}{S_k}", "= \\sum_k y_k \\frac{1}{S_k}")
    assert flagged(all_summaries(flipped)[3][0]), all_summaries(flipped)[3]
    swapped = NAMED_CE.replace("= S_i - y_i$$", "= y_i - S_i$$")
    assert flagged(all_summaries(swapped)[3][1]), all_summaries(swapped)[3]


def test_two_capitals_only_named_in_words_stay_ambiguous():
    # "cross-entropy (CE)" says what CE stands for, not that C times E is not meant
    text = NAMED_CE.replace(
        "The loss is $CE = -\\sum_k y_k \\log S_k$.", "We train with the cross-entropy (CE)."
    )
    assert all_summaries(text)[3][0].startswith("not checked"), all_summaries(text)[3]
    # a derivative of CE is no definition of it either
    text = NAMED_CE.replace("The loss is $CE = -", "We want $\\partial CE = -")
    assert all_summaries(text)[3][0].startswith("not checked"), all_summaries(text)[3]


# a blog's proof, ended by a mark inside the display
PROOF = (
    "Let $a_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$. For $i \\neq j$:\n\n"
    "**Proof:** \\[\\frac{\\partial a_i}{\\partial z_j} = -\\frac{e^{z_i} e^{z_j}}"
    "{(\\sum_k e^{z_k})^2} = -a_i a_j. \\quad \\blacksquare\\]\n"
)


@pytest.mark.parametrize("mark", ["\\blacksquare", "\\square", "\\Box", "\\qed"])
def test_a_mark_that_ends_a_proof_is_typography(mark):
    text = PROOF.replace("\\blacksquare", mark)
    assert summaries(text)[3] == "holds when i ≠ j"
    wrong = text.replace("= -a_i a_j.", "= a_i a_j.")
    assert flagged(all_summaries(wrong)[3][1]), all_summaries(wrong)[3]


def test_a_box_inside_a_formula_is_not_blanked():
    # □ before a term is an operator (the d'Alembertian) or a placeholder: never dropped
    text = PROOF.replace("= -a_i a_j. \\quad \\blacksquare", "= -\\Box a_i a_j")
    assert all_summaries(text)[3][1].startswith("not checked"), all_summaries(text)[3]
