"""Per-sample logistic regression in vector notation: ``z_i = \\mathbf{w}^\\top\\mathbf{x}_i + b``
makes ``\\mathbf{x}_i`` the i-th example's feature vector.  Every reading that holds has a twin
with a slip that does not."""

from __future__ import annotations

from symsoft.reading.notation.sample_vectors import sample_letters
from tests.steps import all_summaries, summaries

# a textbook chapter: the score in a sentence, the loss of one example in a display
CHAPTER = (
    "Each label is a Bernoulli variable with success probability "
    "$p_i = \\sigma(\\mathbf{w}^\\top\\mathbf{x}_i + b)$.\n\n"
    "**A simpler form.** Write $z_i = \\mathbf{w}^\\top\\mathbf{x}_i + b$. Each term is\n\n"
    "$$\n\\ell_i = \\log\\left(1 + e^{z_i}\\right) - y_i z_i.\n$$\n\n"
    "Differentiate one term with respect to its score $z_i$:\n\n"
    "$$\n\\frac{\\partial \\ell_i}{\\partial z_i} = \\sigma(z_i) - y_i = p_i - y_i.\n$$\n"
)


def test_a_score_written_with_a_sample_vector_defines_the_scalars_of_each_example():
    found = all_summaries(CHAPTER)
    assert found[6] == ["definition of \\ell_i"], found[6]
    assert found[12] == ["holds", "holds"], found[12]


def test_the_label_minus_the_prediction_fails():
    flipped = CHAPTER.replace("= p_i - y_i.", "= y_i - p_i.")
    assert all_summaries(flipped)[12][1].startswith("fails"), all_summaries(flipped)[12]


def test_a_bold_x_with_another_index_than_the_score_is_no_sample_vector():
    # z_i = w^T x_j: x_j is not example i's vector; which part does it apply to? not read
    other = CHAPTER.replace("\\mathbf{x}_i + b", "\\mathbf{x}_j + b")
    assert sample_letters(other) == frozenset()
    assert not any(s.startswith(("holds", "fails")) for s in all_summaries(other)[12][1:])


# a lecture note: the gradient of one example, then of the sum
NOTE = (
    "For example $i$ the score is $z_i = \\mathbf{w}^\\top \\mathbf{x}_i + b$ and the predicted "
    "probability is $p_i = \\sigma(z_i)$. The loss of example $i$ is\n\n"
    "$$\\ell_i = \\log(1 + e^{z_i}) - y_i z_i$$\n\n"
    "and by the chain rule\n\n"
    "$$\\nabla_{\\mathbf{w}} \\ell_i = (p_i - y_i)\\,\\mathbf{x}_i$$\n\n"
    "Averaging over the data, with $L = \\frac{1}{n}\\sum_{i=1}^n \\ell_i$,\n\n"
    "$$\\nabla_{\\mathbf{w}} L = \\frac{1}{n}\\sum_{i=1}^n (p_i - y_i)\\,\\mathbf{x}_i$$\n"
)


def test_the_gradient_by_the_weight_vector_is_read_entry_by_entry():
    found = summaries(NOTE)
    assert found[7] == "holds", found[7]
    assert found[11] == "holds", found[11]


def test_a_gradient_with_the_wrong_sign_or_without_its_average_fails():
    flipped = NOTE.replace("= (p_i - y_i)\\,\\mathbf{x}_i$$", "= (y_i - p_i)\\,\\mathbf{x}_i$$")
    assert summaries(flipped)[7].startswith("fails"), summaries(flipped)[7]
    unaveraged = NOTE.replace(
        "= \\frac{1}{n}\\sum_{i=1}^n (p_i - y_i)", "= \\sum_{i=1}^n (p_i - y_i)"
    )
    assert summaries(unaveraged)[11].startswith("fails"), summaries(unaveraged)[11]


def test_a_gradient_without_its_feature_vector_or_transposed_is_not_judged_a_number():
    # a vector on the left, a number (or a row) on the right: the sizes do not match
    dropped = NOTE.replace("= (p_i - y_i)\\,\\mathbf{x}_i$$", "= (p_i - y_i)$$")
    assert not summaries(dropped)[7].startswith(("holds", "fails")), summaries(dropped)[7]
    transposed = NOTE.replace(
        "= (p_i - y_i)\\,\\mathbf{x}_i$$", "= (p_i - y_i)\\,\\mathbf{x}_i^\\top$$"
    )
    assert not summaries(transposed)[7].startswith("holds"), summaries(transposed)[7]


def test_a_score_that_is_an_outer_product_defines_nothing():
    # z_i = w x_i^T is a matrix, not example i's score: the steps that use it stay unread
    outer = NOTE.replace(
        "$z_i = \\mathbf{w}^\\top \\mathbf{x}_i + b$", "$z_i = \\mathbf{w} \\mathbf{x}_i^\\top + b$"
    )
    assert not summaries(outer)[7].startswith(("holds", "fails")), summaries(outer)[7]


# the data-matrix form beside the sum, with a bias: it holds only when b = 0
BIASED = (
    "Write $z_i = \\mathbf{w}^\\top\\mathbf{x}_i + b$ and $p_i = \\sigma(z_i)$, with "
    "$L = \\frac{1}{n}\\sum_{i=1}^n \\left(\\log(1 + e^{z_i}) - y_i z_i\\right)$.\n\n"
    "$$\\nabla_{\\mathbf{w}} L = \\frac{1}{n}\\sum_{i=1}^n (p_i - y_i)\\,\\mathbf{x}_i = "
    "\\frac{1}{n}\\mathbf{X}^\\top\\big(\\sigma(\\mathbf{X}\\mathbf{w}) - \\mathbf{y}\\big)$$\n"
)


def test_the_data_matrix_form_without_the_bias_never_holds():
    found = all_summaries(BIASED)[3]
    assert found[0] == "holds", found
    assert not found[1].startswith("holds"), found


def test_a_letter_before_a_sum_of_vectors_may_be_a_matrix_and_is_not_read():
    matrix = NOTE.replace("= \\frac{1}{n}\\sum_{i=1}^n (p_i", "= A\\sum_{i=1}^n (p_i")
    assert summaries(matrix)[11].startswith("not checked: 'A' beside a vector"), summaries(matrix)
