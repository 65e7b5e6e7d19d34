"""A derivative written with the variable in braces, ``\\frac{\\partial{z_i}}{\\partial{a_j}}``
(as math.SE and stats.SE askers type it), differentiates by ``a`` as
``\\frac{\\partial z_i}{\\partial a_j}`` does: ``a`` is then the variable of the softmax, also
when the text defines it by a map not read (``\\textbf{a} = W\\textbf{x} + b``)."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.meaning.variables import variables_of

LAYER = (
    "In the classifier we have $$\\textbf{a} = W\\textbf{x} + b\\\\[1ex] "
    "\\textbf{z} = \\text{softmax}(\\textbf{a})$$\n\n"
)


@pytest.mark.parametrize(
    ("prose", "variables", "differentiated"),
    [
        ("$\\frac{\\partial{z_i}}{\\partial{a_j}}$", {"a"}, {"z"}),
        ("$\\frac{\\partial z_i}{\\partial a_j}$", {"a"}, {"z"}),
        ("$\\frac{\\partial{L}}{\\partial{\\hat{y}_j}}$", {"yhat"}, {"L"}),
        ("$\\frac{\\partial{}}{\\partial{}}$", set(), set()),  # nothing named
    ],
)
def test_a_braced_name_after_the_partial_sign_is_read(prose, variables, differentiated):
    found, quantities, _ = variables_of(prose)
    assert found == variables
    assert quantities == differentiated


@pytest.mark.parametrize(
    ("rhs", "status"),
    [
        ("z_i(\\delta_{ij} - z_j)", "holds"),
        ("z_i(z_j - \\delta_{ij})", "fails"),  # sign flipped
        ("z_j(\\delta_{ij} - z_i)", "holds"),  # the same entries, written the other way
        ("z_i(\\delta_{ij} - z_i)", "holds only"),  # index slip: right on the diagonal only
    ],
)
def test_the_jacobian_by_a_braced_variable_is_judged(rhs, status):
    step = check_document(
        LAYER + f"$$\\frac{{\\partial{{z_i}}}}{{\\partial{{a_j}}}} = {rhs}$$\n"
    ).steps[-1]
    assert step.status == status, step.summary


def test_a_derivative_by_what_the_unread_map_takes_stays_unread():
    """By ``x``, the input of ``\\textbf{a} = W\\textbf{x} + b``, nothing is judged: that map
    is not read."""
    step = check_document(
        LAYER + "$$\\frac{\\partial{z_i}}{\\partial{x_j}} = z_i(\\delta_{ij} - z_j)$$\n"
    ).steps[-1]
    assert step.status == "not checked", step.summary
