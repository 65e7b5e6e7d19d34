"""Two letters for the number of classes: a recap that writes ``\\sum_{j=1}^J e^{z_j}`` beside
the ``\\sum_{k=1}^K e^{z_k}`` of the first definition sums the same vector z, so J and K name
one size.  Bounds of sums over different vectors stay two sizes (not read)."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.meaning.class_counts import class_count, same_counts

FIRST = (
    "$$y_i = \\frac{e^{z_i}}{\\sum_{k=1}^K e^{z_k}}$$\n\n"
    "$$C = -\\sum_{k=1}^K t_k \\log y_k$$\n\n"
    "*Softmax* recap:\n\n$$y_k = \\frac{e^{z_k}}{\\sum_{j=1}^J e^{z_j}}$$\n\n"
)


def _last(text: str):
    return check_document(text).steps[-1]


@pytest.mark.parametrize(
    ("rhs", "status"),
    [
        ("-t_i + y_i \\sum_{k=1}^K t_k", "holds"),
        ("-t_i + \\sum_{k=1}^K y_i", "fails"),  # t_k dropped: K y_i
        ("t_i - y_i \\sum_{k=1}^K t_k", "fails"),  # sign flipped
    ],
)
def test_a_step_under_the_first_name_is_judged_when_a_recap_uses_another(rhs, status):
    step = _last(FIRST + f"$$-\\sum_{{k=1}}^K t_k (\\delta_{{ki}} - y_i) = {rhs}$$\n")
    assert step.status == status, step.summary


@pytest.mark.parametrize(
    ("rhs", "status"),
    [("y_k(\\delta_{ki} - y_i)", "holds"), ("y_k(\\delta_{ki} + y_i)", "fails")],
)
def test_a_step_after_the_recap_is_judged(rhs, status):
    step = _last(FIRST + f"$$\\frac{{\\partial y_k}}{{\\partial z_i}} = {rhs}$$\n")
    assert step.status == status, step.summary


def test_the_first_bound_written_counts_and_the_other_is_its_alias():
    assert class_count(FIRST) == "K"
    assert same_counts(FIRST) == {"J", "K"}


def test_bounds_of_sums_over_other_vectors_stay_two_sizes():
    """``\\sum_{j=1}^{D} w_j x_j`` beside ``\\sum_{k=1}^K e^{z_k}``: D counts features, K
    classes; neither is taken for the other."""
    text = (
        "$$z_k = \\sum_{j=1}^{M} w_{kj} x_j$$\n\n$$p_k = \\frac{e^{z_k}}{\\sum_{c=1}^K e^{z_c}}$$\n"
    )
    assert same_counts(text) == set()
    assert class_count(text) is None


QUESTION = (
    "$$\\mathcal{L} = -\\sum_{c=1}^{C} y_c \\log \\hat{y}_c, \\qquad "
    "\\hat{y}_c = \\frac{e^{o_c}}{\\sum_{r=1}^{R} e^{o_r}}$$\n\n"
)


@pytest.mark.parametrize(
    ("rhs", "status"),
    [
        ("-\\sum_{c=1}^{C} y_c (\\delta_{ci} - \\hat{y}_i)", "holds"),
        ("-\\sum_{c=1}^{C} y_c (\\delta_{ci} - \\hat{y}_c)", "fails"),  # swapped index
    ],
)
def test_a_sum_in_a_definition_counts_the_entries_of_the_defined_name(rhs, status):
    """R bounds the partition sum of ŷ, C a sum over ŷ: one count (the asker's two letters)."""
    step = _last(
        QUESTION + "$$\\frac{\\partial \\mathcal{L}}{\\partial o_i} = -\\sum_{c=1}^{C} "
        "\\frac{y_c}{\\hat{y}_c} \\frac{\\partial \\hat{y}_c}{\\partial o_i} "
        f"= {rhs}$$\n"
    )
    assert step.status == status, step.summary


def test_two_letters_said_equal_are_one_count():
    text = "$$\\sum_{k=1}^{K} u_k = \\sum_{j=1}^{J} v_j$$\n\nHere $J = K$.\n"
    assert same_counts(text) == {"J", "K"}
    assert same_counts(text.replace("$J = K$", "$J = 3$")) == set()


def test_features_samples_and_the_default_size_are_never_another_name():
    """``\\sum_{i=1}^{D} w_i x_i`` beside ``\\sum_{k=1}^{K} e^{w_k}`` share the letter w, yet D
    counts features: K alone is the class count, with no alias."""
    text = (
        "$$z_k = \\sum_{i=1}^{D} w_i x_i$$\n\n$$p_k = \\frac{e^{w_k}}{\\sum_{k=1}^{K} e^{w_k}}$$\n"
    )
    assert same_counts(text) == set()
    assert class_count(text) == "K"


# an MSE over a batch of N in one section, a cross-entropy over C classes in the next (a
# Russian course's notes): C counts the classes there, N the batch
SECTIONS = (
    "## Mean squared error\n\nLet $N$ be the batch size.\n\n"
    "$$MSE=\\frac{1}{N}\\sum_{i=1}^{N}(y_i-p_i)^2$$\n\n"
    "## Cross entropy\n\nClassification into $C$ classes.\n\n"
    "$$l=-\\sum_{i=1}^Cy_i\\log{p_i}$$\n\n"
)


def test_a_class_count_in_a_section_of_its_own_beside_sums_to_n_elsewhere():
    assert class_count(SECTIONS) == "C"
    assert class_count(SECTIONS.replace("## ", "")) is None  # one section: N may count classes
    assert class_count(SECTIONS + "$$\\frac{1}{N} \\sum_{j=1}^C y_j$$\n") is None  # C's own: N


@pytest.mark.parametrize(
    ("rhs", "status"), [("-y_i\\frac{1}{p_i}", "holds"), ("y_i\\frac{1}{p_i}", "fails")]
)
def test_a_step_in_the_section_of_the_class_count_is_judged(rhs, status):
    step = _last(SECTIONS + f"$$\\frac{{\\partial l}}{{\\partial p_i}}={rhs}$$\n")
    assert step.status == status, step.summary
