"""Where a display ``$$= …$$`` goes on from, when the text has worked something out on the
side: a ``\\text{where } S = …`` clause names a part and is no side of the chain; after a
chain of its own (a side computation) the display may go back to the chain before it; and a
letter written both as a vector and as an index (``p_y`` beside ``y_i``) is not one reading."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

WHERE = r"""
Given logits $z$, the softmax is

$$p_i = \frac{\exp(z_i)}{\sum_{k=1}^{V} \exp(z_k)}$$

**Case $i = j$**

$$\frac{\partial p_i}{\partial z_i} = \frac{\partial}{\partial z_i}\left[\frac{\exp(z_i)}{S}\right]
\quad \text{where } S = \sum_k \exp(z_k)$$

By the quotient rule:

$$= NUMERATOR = p_i(1 - p_i)$$
"""  # noqa: E501 - a display as posts write it, on one line


def where(numerator: str):  # noqa: ANN201 - the StepResults
    return check_document(WHERE.replace("NUMERATOR", numerator)).steps


def test_a_display_after_a_where_clause_goes_on_from_the_chain() -> None:
    steps = where(r"\frac{\exp(z_i) \cdot S - \exp(z_i) \cdot \exp(z_i)}{S^2}")
    assert [step.status for step in steps[-2:]] == ["holds", "holds"]
    assert steps[-2].lhs.startswith(r"\frac{\partial}{\partial z_i}")


def test_a_wrong_quotient_rule_after_a_where_clause_is_flagged() -> None:
    """The sign of the quotient rule flipped: it fails from the chain, as from S."""
    steps = where(r"\frac{\exp(z_i) \cdot S + \exp(z_i) \cdot \exp(z_i)}{S^2}")
    assert steps[-2].status == "fails" and steps[-2].flagged


SIDE = r"""
We show that $\sigma'(x) = \sigma(x)(1 - \sigma(x))$ with $\sigma(x) = \frac{1}{1 + e^{-x}}$.
Start from the right-hand side:

$$\sigma(x)(1 - \sigma(x))$$

Substitute the definition:

$$= \left( \frac{1}{1 + e^{-x}} \right) \cdot \left( 1 - \frac{1}{1 + e^{-x}} \right)$$

The second factor on its own, over a common denominator:

$$1 - \frac{1}{1 + e^{-x}} = \frac{1 + e^{-x} - 1}{1 + e^{-x}}$$
$$= \frac{e^{-x}}{1 + e^{-x}}$$

Put it back into the main expression:

$$= BACK$$
"""


def back(rhs: str):  # noqa: ANN201 - the last StepResult
    return check_document(SIDE.replace("BACK", rhs)).steps[-1]


def test_a_display_that_goes_back_to_the_main_chain_is_not_flagged() -> None:
    step = back(r"\frac{1}{1 + e^{-x}} \cdot \frac{e^{-x}}{1 + e^{-x}}")
    assert step.status == "not checked" and not step.flagged
    assert "the end of the chain before the one just above it, where it holds" in step.summary


def test_a_display_that_goes_on_from_the_side_computation_still_holds() -> None:
    assert back(r"\frac{e^{-x}}{e^{-x} + 1}").status == "holds"


@pytest.mark.parametrize(
    "rhs",
    [
        r"\frac{1}{1 + e^{-x}} \cdot \frac{-e^{-x}}{1 + e^{-x}}",  # sign slip
        r"\frac{1}{1 + e^{-x}} \cdot \frac{e^{x}}{1 + e^{-x}}",  # e^{x} for e^{-x}
    ],
)
def test_a_display_wrong_from_both_chains_is_flagged(rhs: str) -> None:
    assert back(rhs).flagged


ONE_HOT = r"""
The softmax of the logits is $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$. Cross-entropy loss for
the true class $y$ (one-hot encoded):

$$\mathcal{L} = -\sum_{i} y_i \log p_i = RHS$$
"""


def test_the_one_hot_class_as_an_index_is_not_flagged() -> None:
    """y_i the one-hot labels and p_y the probability of the class y: true as meant."""
    step = check_document(ONE_HOT.replace("RHS", r"-\log p_y")).steps[-1]
    assert not step.flagged and "both a vector" in step.summary


def test_a_sign_slip_beside_the_one_hot_labels_is_flagged() -> None:
    step = check_document(ONE_HOT.replace("RHS", r"\sum_{i} y_i \log p_i")).steps[-1]
    assert step.status == "fails"


NAMED = r"""
Let $p_i = \frac{e^{o_i}}{\sum_k e^{o_k}}$. Then

$$\frac{\partial p_i}{\partial o_j} = p_i(\delta_{ij} - p_j)$$

LEAD

$$= CONTINUED$$
"""


def test_a_display_after_a_sentence_naming_its_left_side_is_not_refuted_from_the_chain() -> None:
    """'the derivative of $\\log p_i$ with respect to $o_j$ is $$= \\delta_{ij} - p_j$$': the
    '=' goes on from what the sentence names, not from p_i(δ_ij - p_j), where it was refuted."""
    text = NAMED.replace(
        "LEAD", "Dividing by $p_i$, the derivative of $\\log p_i$ with respect to $o_j$ is"
    )
    step = check_document(text.replace("CONTINUED", "\\delta_{ij} - p_j")).steps[-1]
    assert step.status == "not checked" and not step.flagged
    # (since session 75 the row continues nothing read: the sentence shows $\log p_i$)
    assert "the sentence before it names" in step.summary or "continues nothing" in step.summary


def test_a_wrong_display_after_a_sentence_that_names_nothing_is_flagged() -> None:
    text = NAMED.replace("LEAD", "Multiplying out the bracket, this is")
    wrong = check_document(text.replace("CONTINUED", "p_i \\delta_{ij} + p_i p_j")).steps[-1]
    right = check_document(text.replace("CONTINUED", "p_i \\delta_{ij} - p_i p_j")).steps[-1]
    assert wrong.status == "fails" and right.status == "holds"


TWO_SIDES = r"""
Let $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$ and $L = -\sum_k y_k \log p_k$, with $y$ one-hot.

$$\frac{\partial L}{\partial z_i} = \left(-\frac{y_i}{p_i}\right) p_i(1 - p_i)
+ \sum_{j \neq i} \left(-\frac{y_j}{p_j}\right)(-p_j p_i)$$

The diagonal term:

$$\left(-\frac{y_i}{p_i}\right) p_i(1 - p_i) = -y_i + y_i p_i$$

The other terms:

$$\left(-\frac{y_j}{p_j}\right)(-p_j p_i) = y_j p_i$$

Combining:

$$= BACK$$
"""


def test_a_display_may_go_back_over_two_side_computations() -> None:
    """A post simplifies the diagonal term and the other terms in displays of their own,
    then combines them: the ``$$= …$$`` goes on from the chain before both."""
    step = check_document(
        TWO_SIDES.replace("BACK", r"-y_i + y_i p_i + p_i \sum_{j \neq i} y_j")
    ).steps[-1]
    assert step.status == "not checked" and not step.flagged
    assert "the end of the chain before the one just above it, where it holds" in step.summary


def test_a_wrong_combination_after_two_side_computations_is_flagged() -> None:
    """The sign of the diagonal term slipped: it fails from every chain before it (it holds
    only where the labels' 1 is not at i)."""
    step = check_document(
        TWO_SIDES.replace("BACK", r"y_i + y_i p_i + p_i \sum_{j \neq i} y_j")
    ).steps[-1]
    assert step.status == "holds only" and step.flagged
