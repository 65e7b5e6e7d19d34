"""Products over an index (``\\prod_{i=1}^{N} f_i``), likelihoods and their logarithms, as
logistic- and softmax-regression posts derive the loss. Every reading that holds has a twin with
a slip that fails, and an unclear case stays not checked."""

from __future__ import annotations

import pytest
import sympy

from symsoft.reading.grammar.latex import parse_expression
from symsoft.reading.judge.objectives import objective
from tests.steps import summaries

LOGISTIC = (
    "Let $p_i = \\sigma(z_i)$ be the predicted probability of sample $i$ and "
    "$y_i \\in \\{0, 1\\}$ its label. The likelihood is\n\n"
    "$$L = \\prod_{i=1}^{N} p_i^{y_i} (1 - p_i)^{1 - y_i}$$\n\n"
    "and its logarithm\n\n"
    "$$\\log L = \\sum_{i=1}^{N} \\left[ y_i \\log p_i + (1 - y_i) \\log (1 - p_i) \\right]$$\n"
)


def test_a_product_is_read_as_a_product_over_its_index():
    read = parse_expression(r"\prod_{i=1}^{N} p_i^{y_i} (1 - p_i)^{1 - y_i}", open_names=True)
    assert isinstance(read, sympy.Product)
    assert str(read.limits[0][0]) == "i"
    bare = parse_expression(r"\prod\limits_{i=1}^{m} h_i", open_names=True)
    assert isinstance(bare, sympy.Product)
    assert isinstance(parse_expression(r"\Pi_{i=1}^{N} p_i", open_names=True), sympy.Product)
    # two products side by side are the product of two products, not one inside the other
    two = parse_expression(r"\prod_i a_i \prod_i b_i", open_names=True)
    assert isinstance(two, sympy.Mul) and len(two.atoms(sympy.Product)) == 2


def test_the_log_of_a_likelihood_is_the_sum_of_the_logs_of_its_factors():
    found = summaries(LOGISTIC)
    assert found[3] == "definition of L"
    assert found[7] == "holds", found[7]


@pytest.mark.parametrize(
    ("slip", "written"),
    [
        ("dropped term", "\\sum_{i=1}^{N} y_i \\log p_i$$"),
        (
            "sign slip",
            "\\sum_{i=1}^{N} \\left[ y_i \\log p_i - (1 - y_i) \\log (1 - p_i) \\right]$$",
        ),
        ("no log", "\\prod_{i=1}^{N} \\left[ y_i \\log p_i + (1 - y_i) \\log (1 - p_i) \\right]$$"),
    ],
)
def test_a_slip_in_the_log_likelihood_fails(slip, written):
    right = "\\sum_{i=1}^{N} \\left[ y_i \\log p_i + (1 - y_i) \\log (1 - p_i) \\right]$$"
    text = LOGISTIC.replace(right, written)
    assert summaries(text)[7].startswith("fails"), slip


CHAIN = (
    "With $p_i = \\sigma(w x_i)$ and binary labels $y_i$, the negative log-likelihood is\n\n"
    "$$-\\log \\prod_{i=1}^{n} p_i^{y_i} (1 - p_i)^{1 - y_i} = "
    "-\\sum_{i=1}^{n} \\left[ y_i \\log p_i + (1 - y_i) \\log (1 - p_i) \\right]$$\n"
)


def test_the_negative_log_of_a_product_in_one_display_holds():
    assert summaries(CHAIN)[3] == "holds"
    dropped = CHAIN.replace("(1 - y_i) \\log (1 - p_i)", "\\log (1 - p_i)")
    assert summaries(dropped)[3].startswith("fails")
    swapped = CHAIN.replace("p_i^{y_i} (1 - p_i)^{1 - y_i}", "p_i^{1 - y_i} (1 - p_i)^{y_i}")
    assert summaries(swapped)[3].startswith("fails")


@pytest.mark.parametrize("sign", ["\\prod", "\\Pi"])
def test_the_log_of_a_product_is_not_the_product_of_the_logs(sign):
    text = (
        "Let $p_i = \\sigma(z_i)$.\n\n"
        "$$\\log \\prod_{i=1}^{N} p_i = \\sum_{i=1}^{N} \\log p_i$$\n\n"
        "$$\\log \\prod_{i=1}^{N} p_i = \\prod_{i=1}^{N} \\log p_i$$\n"
    ).replace("\\prod", sign)
    found = summaries(text)
    assert found[3] == "holds"
    assert found[5].startswith("fails")


SOFTMAX = (
    "The targets $t_{nk}$ are one-hot and $y_{nk}$ is the predicted probability of class $k$ "
    "for sample $n$.\n\n"
    "$$-\\log \\prod_{n=1}^{N} \\prod_{k=1}^{K} y_{nk}^{t_{nk}} = "
    "-\\sum_{n=1}^{N} \\sum_{k=1}^{K} t_{nk} \\log y_{nk}$$\n"
)


def test_a_double_product_over_samples_and_classes_gives_the_cross_entropy():
    # N counts the samples, K the classes: two counts, and symsoft reads one number of classes,
    # so a step with the samples' N is not read (session 56: it was judged with N = K)
    assert summaries(SOFTMAX)[3].startswith("not checked: the text's N counts"), summaries(SOFTMAX)
    with_m = SOFTMAX.replace("n=1}^{N}", "n=1}^{M}")  # M samples: one count beside K classes
    assert summaries(with_m)[3].startswith("holds"), summaries(with_m)
    # t and y are not defined: a slip is not flagged, nor does it hold
    flipped = SOFTMAX.replace("= -\\sum_{n=1}^{N}", "= \\sum_{n=1}^{N}")
    assert not summaries(flipped)[3].startswith("holds")
    swapped = SOFTMAX.replace("t_{nk} \\log y_{nk}", "y_{nk} \\log t_{nk}")
    assert not summaries(swapped)[3].startswith("holds")


ONE_SAMPLE = (
    "Let $p_k = \\frac{e^{o_k}}{\\sum_{j=1}^{K} e^{o_j}}$ and $y$ a one-hot label.\n\n"
    "$$-\\log \\prod_{k=1}^{K} p_k^{y_k} = -\\sum_{k=1}^{K} y_k \\log p_k$$\n"
)


def test_the_likelihood_of_one_sample_over_the_classes_is_its_cross_entropy():
    assert summaries(ONE_SAMPLE)[3] == "holds"
    flipped = ONE_SAMPLE.replace("= -\\sum", "= \\sum")
    assert summaries(flipped)[3].startswith("fails")
    swapped = ONE_SAMPLE.replace("y_k \\log p_k$$", "p_k \\log y_k$$")
    assert not summaries(swapped)[3].startswith("holds")  # one-hot y: log y_k is not decided


SPLIT = (
    "Let $p_i = \\sigma(z_i)$ and labels $y_i \\in \\{0, 1\\}$.\n\n"
    "$$\\prod_{i=1}^{N} p_i^{y_i} (1 - p_i)^{1 - y_i} = "
    "\\prod_{i=1}^{N} p_i^{y_i} \\prod_{i=1}^{N} (1 - p_i)^{1 - y_i}$$\n"
)


def test_a_product_without_a_log_is_judged_at_concrete_sizes_and_says_so():
    found = summaries(SPLIT)[3]
    assert found.startswith("holds at N = 1 to 6"), found
    assert "concrete sizes" in found
    dropped = SPLIT.replace(" \\prod_{i=1}^{N} (1 - p_i)^{1 - y_i}$$", "$$")
    assert not summaries(dropped)[3].startswith("holds")
    swapped = SPLIT.replace("(1 - p_i)^{1 - y_i}$$", "(1 - p_i)^{y_i}$$")
    assert summaries(swapped)[3].startswith("fails")


@pytest.mark.parametrize(
    "objective_step",
    [
        "$$\\max_{w} \\prod_{i=1}^{N} p_i = \\max_{w} \\sum_{i=1}^{N} \\log p_i$$\n",
        "$$\\arg\\max_{\\theta} \\prod_{i=1}^{N} p_i = \\arg\\min_{\\theta} "
        "-\\sum_{i=1}^{N} \\log p_i$$\n",
        "$$\\underset{\\mathbf{w}}{\\arg\\max} \\prod_{i=1}^{N} p_i = "
        "\\underset{\\mathbf{w}}{\\arg\\max} \\sum_{i=1}^{N} \\log p_i$$\n",
        "$$\\max\\limits_{w,b} \\prod_{i=1}^{N} p_i = \\max\\limits_{w,b} \\prod_{i=1}^{N} "
        "\\log p_i$$\n",
    ],
)
def test_an_objective_step_is_not_an_equality_of_values(objective_step):
    text = "Let $p_i = \\sigma(w x_i + b)$.\n\n" + objective_step
    found = summaries(text)[3]
    assert found.startswith("not checked: an optimisation objective"), found


def test_a_max_over_an_index_is_a_value_not_an_objective():
    assert objective("m", r"\max_k z_k") == ""
    assert objective(r"\max_{j} x_j", "m") == ""
    assert objective("m", r"\max_{1 \le k \le K} z_k") == ""
    assert objective(r"\max_{w} L", r"\max_w \log L")


def test_a_product_to_another_size_than_the_documents_stays_not_checked():
    # \prod_{i=1}^{d} beside sums to K: a partial product up to d, or another size?
    text = (
        "Let $p_k = \\frac{e^{z_k}}{\\sum_{j=1}^{K} e^{z_j}}$.\n\n"
        "$$\\prod_{i=1}^{d} p_i^{2} = \\prod_{i=1}^{d} p_i p_i$$\n"
    )
    assert summaries(text)[3].startswith("not checked: a product runs to d"), summaries(text)[3]


BINARY = (
    "Let $p_i = \\sigma(z_i)$ and labels $y_i \\in \\{0, 1\\}$.\n\n"
    "$$\\prod_{i=1}^{N} p_i^{y_i} (1 - p_i)^{1 - y_i} = "
    "\\prod_{i=1}^{N} \\left( y_i p_i + (1 - y_i)(1 - p_i) \\right)$$\n"
)


def test_a_likelihood_written_with_binary_labels_is_never_flagged_for_other_labels():
    # true for labels in {0, 1} only, which the text states: never "fails"
    found = summaries(BINARY)[3]
    assert not found.startswith(("fails", "holds only")), found
    slipped = BINARY.replace("(1 - y_i)(1 - p_i)", "(1 - y_i) p_i")
    assert not summaries(slipped)[3].startswith("holds")
