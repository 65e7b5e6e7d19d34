"""A bare ``\\sum`` as the text's shorthand for its partition sum (``\\times \\sum -``,
``\\sum^2``, ``\\sum e^z``, ``\\sum_j e^{z}``), and a sum written out with a letter for each
class (``e^{z_a} + e^{z_b} + e^{z_c}``), which is the whole sum only if those are all the
classes."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.meaning.shorthand import expand_shorthand, partition_letter

SOFTMAX = "Let $S_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}}$.\n\n"


def statuses(text: str) -> list[str]:
    return [s.summary.split(":")[0] for s in check_document(text).steps]


def only(text: str) -> list[str]:
    return [s.status for s in check_document(text).steps]


@pytest.mark.parametrize(
    ("right", "wrong"),
    [
        (  # the sum itself as a factor, and squared below the bar
            r"\frac {e^{a_i}\times \sum - e^{a_i}\times e^{a_i}}{\sum^2} = S_i(1-S_i)",
            r"\frac {e^{a_i}\times \sum + e^{a_i}\times e^{a_i}}{\sum^2} = S_i(1-S_i)",
        ),
        (  # the body written without its index
            r"\frac{e^{a_i} \sum e^a - (e^{a_i})^2}{(\sum_k e^{a})^2} = S_i - S_i^2",
            r"\frac{e^{a_i} \sum e^a - (e^{a_i})^2}{(\sum_k e^{a})^2} = S_i + S_i^2",
        ),
    ],
)
def test_a_bare_sum_is_the_partition_sum_the_text_writes(right, wrong):
    text = SOFTMAX + "When $i = j$,\n\n$$\\frac{\\partial S_i}{\\partial a_i} = " + right + "$$\n"
    assert only(text) == ["holds", "holds"]
    text = SOFTMAX + "When $i = j$,\n\n$$\\frac{\\partial S_i}{\\partial a_i} = " + wrong + "$$\n"
    assert "fails" in only(text)


def test_the_off_diagonal_slip_of_a_real_post_is_flagged():
    right = r"\frac {0 \times \sum - e^{a_i} \times e^{a_j}} {\sum^2}= -S_i \times S_j"
    wrong = r"\frac {0 \times \sum - e^{a_i} \times e^{a_i}} {\sum^2}= -S_i \times S_j"
    head = SOFTMAX + "And when $i \\neq j$\n\n$$\\frac{\\partial S_i}{\\partial a_j} = "
    assert statuses(head + right + "$$\n") == ["holds when i ≠ j", "holds when i ≠ j"]
    assert statuses(head + wrong + "$$\n")[0] == "fails when i ≠ j"


@pytest.mark.parametrize(
    "text",
    [
        # sums of exponentials of two letters: which one is "the" sum?
        SOFTMAX
        + "and $q_i = \\frac{e^{o_i}}{\\sum_j e^{o_j}}$.\n\n$$S_i = \\frac{e^{a_i}}{\\sum}$$\n",
        # no sum of exponentials written with its index at all
        "$$S_i = \\frac{e^{a_i}}{\\sum}$$\n",
    ],
)
def test_a_bare_sum_with_no_single_reading_is_not_read(text):
    assert statuses(text) == ["not checked"]


def test_the_shorthand_is_only_taken_beside_an_exponential_of_its_letter():
    assert partition_letter(r"$\sum_{k=1}^{K} e^{z_k}$ and $\sum_k y_k = 1$") == "z"
    assert partition_letter(r"$\sum_k e^{a_k}$, $\sum_j \exp(z_j)$") is None
    assert expand_shorthand(r"y_i \sum - 1", "a") == r"y_i \sum - 1"  # no e^{a_…} here
    assert expand_shorthand(r"e^{a_i} \sum'", "a") == r"e^{a_i} \sum'"  # a derivative named
    assert expand_shorthand(r"e^{a_i} - \sum_k e^{a_k}", "a") == r"e^{a_i} - \sum_k e^{a_k}"


THREE = (
    "$$o_j=\\frac{{e^{{z_j}}}}{{\\sum_j e^{{z_j}}}}$$\n\n"
    "With three output neurons for the classes $a,b,c$:\n\n"
    "$$o_b=\\frac{{e^{{z_b}}}}{{\\sum e^{{z}}}}={right}$$\n"
)


def test_a_sum_written_with_a_letter_per_class_is_the_sum_only_at_that_size():
    # holds at N = 3 if a, b, c are all the classes: not a flag, the size is not stated
    (*_, step) = statuses(THREE.format(right=r"\frac{e^{z_b}}{e^{z_a}+e^{z_b}+e^{z_c}}"))
    assert step == "undecided (a ≠ b ≠ c)"
    # a term left out fails at N = 3 as well
    (*_, step) = statuses(THREE.format(right=r"\frac{e^{z_b}}{e^{z_a}+e^{z_c}}"))
    assert step.startswith("fails")


def test_a_sum_with_a_letter_per_class_is_undecided_even_at_the_size_the_text_states():
    # a stated size never decides a step (session 33: red teams fooled every rule that read it)
    stated = THREE.replace("With three output neurons for", "With only three classes,")
    (*_, step) = statuses(stated.format(right=r"\frac{e^{z_b}}{e^{z_a}+e^{z_b}+e^{z_c}}"))
    assert step == "undecided (a ≠ b ≠ c)"
    (*_, step) = statuses(stated.format(right=r"\frac{e^{z_a}}{e^{z_a}+e^{z_b}+e^{z_c}}"))
    assert step.startswith("fails")


def test_general_indices_in_a_written_sum_keep_their_equal_case():
    # e^{z_i} + e^{z_j} is 2 e^{z_i} when i = j: that case is judged, and refutes this step
    text = (
        "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\n"
        "$$\\frac{e^{z_j}}{e^{z_i} + e^{z_j}} = "
        "\\frac{e^{z_j}}{e^{z_i} + e^{z_j}} (1 - \\delta_{ij})$$\n\n"
        "$$\\frac{e^{z_j}}{e^{z_i} + e^{z_j}} = \\frac{1}{1 + e^{z_i - z_j}}$$\n"
    )
    assert statuses(text) == ["holds only when i ≠ j (fails when i = j)", "holds"]


NOTEBOOK = (
    "With $C$ the number of classes,\n\n"
    "$$\\hat{y}_{i} = \\frac{\\mathrm{e}^{z_{i}}}{\\sum\\limits_{j=1}^{C} \\mathrm{e}^{z_j}}$$\n\n"
)


@pytest.mark.parametrize(
    ("case", "right", "wrong"),
    [
        (  # a notebook's shorthand: \sum_{C} with no terms, over the C classes
            "i = j",
            r"\frac{\mathrm{e}^{z_{i}}}{\sum_{C}} \frac{\sum_{C} -\mathrm{e}^{z_{j}}}{\sum_{C}}",
            r"\frac{\mathrm{e}^{z_{i}}}{\sum_{C}} \frac{\sum_{C} +\mathrm{e}^{z_{j}}}{\sum_{C}}",
        ),
        (  # squared in braces around it alone
            r"i \ne{j}",
            r"\frac{0 - \mathrm{e}^{z_{i}} \mathrm{e}^{z_{j}}}{{\sum_{C}}^2}",
            r"\frac{0 - \mathrm{e}^{z_{i}} \mathrm{e}^{z_{i}}}{{\sum_{C}}^2}",
        ),
    ],
)
def test_a_sum_over_the_class_count_alone_is_the_partition_sum(case, right, wrong):
    head = NOTEBOOK + f"When ${case}$:\n\n$$\\frac{{\\partial \\hat{{y}}_i}}{{\\partial z_j}} = "
    assert only(head + right + "$$\n") == ["definition", "holds"]
    assert only(head + wrong + "$$\n") == ["definition", "fails"]


def test_a_sum_over_another_capital_is_not_the_partition_sum():
    text = (
        NOTEBOOK + "$$\\frac{\\partial \\hat{y}_i}{\\partial z_i} = \\frac{e^{z_i}}{\\sum_{M}}$$\n"
    )
    assert only(text) == ["definition", "not checked"]


EXP_LEFT = (
    "$$S(x_i) = \\frac{\\exp\\left(x_{i}\\right)}{\\sum_{j}^{n}\\exp\\left(x_{j}\\right)}$$\n\n"
    "$$\n\\begin{align}\n\\frac{\\partial S(x_i)}{\\partial x_j}\n"
    "&= \\frac{\\frac{\\partial \\exp\\left(x_{i}\\right)}{\\partial x_{j}}\\sum"
    "-\\exp\\left(x_{i}\\right)\\exp\\left(x_{j}\\right)}{\\sum ^{2}} \\\\\n"
    "&= \\frac{\\frac{\\partial \\exp\\left(x_{i}\\right)}{\\partial x_{j}}}{\\sum}"
    " - S(x_i)S(x_j) \\\\\n"
    "&=\n\\begin{cases}\nS(x_i)(1-S(x_j)) & \\text{if}\\quad x_{i}=x_{j} \\\\\n"
    "-S(x_i)S(x_j) & \\text{if}\\quad x_{i}\\neq x_{j}\n\\end{cases}\n\\end{align}\n$$\n"
)


def test_a_bare_sum_beside_exp_left_and_a_derivative_cut_out():
    """A Chinese note's shorthand: ``\\exp\\left(x_j\\right)`` sums, a bare ``\\sum`` in a row
    whose only exponential is inside a derivative, and cases written ``x_i = x_j``: each
    row holds (the cases in their case); a sign slipped in a row, or the cases swapped, fail."""
    assert statuses(EXP_LEFT)[1:] == ["holds", "holds", "holds when i = j", "holds when i ≠ j"]
    slipped = EXP_LEFT.replace("}{\\sum} - S(x_i)S(x_j)", "}{\\sum} + S(x_i)S(x_j)")
    assert statuses(slipped)[2].startswith("fails")
    swapped = EXP_LEFT.replace("x_{i}=x_{j}", "x_{i}=x_{k}").replace("\\neq x_{j}", "\\neq x_{k}")
    assert "holds when i = j" not in statuses(swapped)
    crossed = EXP_LEFT.replace("\\quad x_{i}=x_{j}", "\\quad x_{i}\\neq x_{j}X")
    crossed = crossed.replace("\\quad x_{i}\\neq x_{j}\n", "\\quad x_{i}=x_{j}\n").replace("X", "")
    assert statuses(crossed)[3:] == ["fails when i ≠ j", "fails when i = j"]
