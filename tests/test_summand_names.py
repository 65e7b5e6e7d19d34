"""A name for the term of a sum: ``L = -\\sum_j y_j \\log p_j = -\\sum_j \\ell_j`` defines
``\\ell_j = y_j \\log p_j`` (the only reading: with \\ell free the step is no identity), and
the steps written with \\ell_j are judged under it."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

LOSS = (
    "\\[ L = -\\sum_j^C y_j \\log p_j \\\\ = -\\sum_j^C \\ell_j. \\]\n\n"
    "\\[ p_j = \\frac{\\exp( a_j)}{\\sum_k^C \\exp(a_k)}. \\]\n\n"
)


def _last(text: str):
    return check_document(text).steps[-1]


def test_the_step_that_names_the_term_is_a_definition():
    steps = check_document(LOSS).steps
    assert [s.status for s in steps] == ["definition", "definition", "definition"]
    assert steps[1].summary == "definition of \\ell_j"


@pytest.mark.parametrize(
    ("rhs", "status"),
    [
        ("\\frac{y_j}{p_j}", "holds"),
        ("-\\frac{y_j}{p_j}", "fails"),  # the sign of the loss put into \ell_j
    ],
)
def test_the_derivative_of_the_named_term(rhs, status):
    step = _last(LOSS + f"\\[ \\frac{{\\partial \\ell_j}}{{\\partial p_j}} = {rhs} \\]\n")
    assert step.status == status, step.summary


@pytest.mark.parametrize(
    ("sign", "status"),
    [("-", "holds"), ("", "fails")],  # the chain rule with the minus of L dropped
)
def test_the_chain_rule_through_the_named_terms(sign, status):
    step = _last(
        LOSS + "\\[ \\frac{\\partial L}{\\partial a_i} = "
        f"{sign}\\sum_j^C \\frac{{\\partial \\ell_j}}{{\\partial p_j}} "
        "\\frac{\\partial p_j}{\\partial a_i} \\]\n"
    )
    assert step.status == status, step.summary


def test_a_name_defined_elsewhere_is_not_renamed():
    """``\\ell_j`` defined in its own display first: the chain is a step about it, judged."""
    text = (
        "\\[ \\ell_j = 2 y_j \\log p_j \\]\n\n"
        "\\[ p_j = \\frac{\\exp( a_j)}{\\sum_k^C \\exp(a_k)}. \\]\n\n"
        "\\[ L = -\\sum_j^C y_j \\log p_j = -\\sum_j^C \\ell_j \\]\n"
    )
    assert _last(text).status == "fails"


def test_different_sums_name_nothing():
    """The two sides sum over different ranges: no definition read, the name stays free."""
    text = LOSS.replace("= -\\sum_j^C \\ell_j", "= -\\sum_{j \\neq i} \\ell_j")
    assert check_document(text).steps[1].status != "definition"


def test_a_name_written_before_is_not_renamed():
    """``\\sum_k S_k = \\sum_k y_k`` with y the labels written before: a step about y (it needs
    y = S), never a definition of y."""
    text = (
        "$$S_k = \\frac{e^{a_k}}{\\sum_j e^{a_j}}$$\n\n$$L = -\\sum_k y_k \\log S_k$$\n\n"
        "$$\\sum_k S_k = \\sum_k y_k$$\n"
    )
    assert check_document(text).steps[-1].status != "definition"
