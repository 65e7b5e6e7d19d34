"""False verdicts found by the ninth red team, each with its twin: a scalar label the text
does not say is 0 or 1, a probability that is real only in (0, 1), and a derivative operator
before a sum written without brackets."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document


def _verdicts(text: str) -> list[str]:
    return [step.status for step in check_document(text).steps]


LABEL = r"""
For a label $y$ and a predicted probability $p$, the likelihood of the label is

$$LEFT = RIGHT$$
"""


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (r"p^y (1-p)^{1-y}", r"y p + (1 - y)(1 - p)"),
        (r"y \log p + (1-y)\log(1-p)", r"\log\left(y p + (1-y)(1-p)\right)"),
        (r"y^2 \log p", r"y \log p"),
    ],
)
def test_a_step_true_for_a_binary_label_is_not_flagged(left: str, right: str) -> None:
    """p^y (1-p)^{1-y} = yp + (1-y)(1-p) was flagged at y = -4: true for y ∈ {0, 1}, which
    the text does not state (nor deny): ambiguous, not a flag."""
    text = LABEL.replace("LEFT", left).replace("RIGHT", right)
    (step,) = check_document(text).steps
    assert step.status == "not checked" and "ambiguous" in step.summary
    assert "neither 0 nor 1" in step.summary


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (r"p^y (1-p)^{1-y}", r"y p + (1 - y) p"),
        (r"y \log p + (1-y)\log(1-p)", r"\log\left(y p + (1-y)p\right)"),
        (r"y^2 \log p", r"-y \log p"),
    ],
)
def test_a_step_false_for_a_binary_label_is_flagged_there(left: str, right: str) -> None:
    """The twin: wrong at y = 0 or y = 1 too, the flag stands, with that label."""
    text = LABEL.replace("LEFT", left).replace("RIGHT", right)
    (step,) = check_document(text).steps
    assert step.status == "fails"
    assert dict(step.counterexample.point).get("y", "0") in ("0", "1")


def test_a_binary_label_stated_still_holds() -> None:
    """Stated y ∈ {0, 1}: the step holds for those values, as before."""
    text = LABEL.replace("a label $y$", r"a label $y \in \{0, 1\}$")
    text = text.replace("LEFT", r"p^y (1-p)^{1-y}").replace("RIGHT", r"y p + (1 - y)(1 - p)")
    (step,) = check_document(text).steps
    assert step.status == "holds" and "y ∈ {0, 1}" in step.summary


BCE = r"""
For a label $y$ and a predicted probability $p$, the loss is

$$-y \log p - (1-y)\log(1-p) = RIGHT$$
"""


def test_a_probability_is_sampled_where_both_logs_are_real() -> None:
    """-y log p - (1-y) log(1-p) = y log p - … was undecided: no sample of p fell in (0, 1),
    where log p and log(1 - p) are both real."""
    text = BCE.replace("RIGHT", r"y\log p - (1-y)\log(1-p)")
    (step,) = check_document(text).steps
    assert step.status == "fails"


def test_the_same_loss_is_not_flagged() -> None:
    """The twin: the same loss written again is not flagged."""
    text = BCE.replace("RIGHT", r"-(1-y)\log(1-p) - y \log p")
    (step,) = check_document(text).steps
    assert not step.flagged


OPERATOR = r"""
Let $\sigma(x) = \frac{1}{1 + e^{-x}}$.

$$LEFT = RIGHT$$
"""


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (r"\frac{d}{dx} x^2 + 1", "2x"),
        (r"\frac{d}{dz} e^{z} + e^{-z}", r"e^{z} - e^{-z}"),
        (r"\frac{d}{dx} \sigma(x) + x", r"\sigma(x)(1 - \sigma(x)) + 1"),
        (r"\frac{d}{dx} x^3 + x^2", "3x^2 + 2x"),
        (r"\frac{d}{dx} 3x^2 + x", "6x + 1"),
    ],
)
def test_an_operator_before_a_sum_without_brackets_is_not_flagged(left: str, right: str) -> None:
    """d/dx σ(x) + x = σ(x)(1 - σ(x)) + 1 was flagged: read to the end of its term, but an
    author who drops the brackets means the whole side; the step holds so: ambiguous."""
    text = OPERATOR.replace("LEFT", left).replace("RIGHT", right)
    (step,) = check_document(text).steps
    assert step.status == "not checked" and "ambiguous" in step.summary
    assert "rest of its side" in step.summary


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (r"\frac{d}{dx} x^2 + 1", "2x - 1"),
        (r"\frac{d}{dx} \sigma(x) + x", r"\sigma(x)(1 + \sigma(x)) + 1"),
        (r"\frac{d}{dx} x^2 + \frac{d}{dx} x", "2x"),
    ],
)
def test_an_operator_before_a_sum_wrong_either_way_is_flagged(left: str, right: str) -> None:
    """The twin: wrong whatever the operator applies to, the flag stands."""
    text = OPERATOR.replace("LEFT", left).replace("RIGHT", right)
    (step,) = check_document(text).steps
    assert step.status == "fails"


def test_an_operator_read_to_its_term_still_holds() -> None:
    """d/dz e^{-z} + 1 = -e^{-z} + 1 holds read to the end of its term, as before."""
    text = OPERATOR.replace("LEFT", r"\frac{d}{dz} e^{-z} + 1").replace("RIGHT", r"-e^{-z} + 1")
    (step,) = check_document(text).steps
    assert step.status == "holds"


BLOCK = r"""
Let $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$.

$$\frac{\partial p_i}{\partial z_j} = p_i(\delta_{ij} - p_j)$$
"""


def test_the_budget_bounds_the_reading_of_the_definitions() -> None:
    """A file of thousands of definitions given again was read for minutes before any step
    was judged, past its budget: now every step is not checked once the budget is spent."""
    import time

    began = time.process_time()
    # (a budget well above the reading before the definitions, ~0.5 s here, even on a loaded
    # machine, and far below the definitions' reading: the message says which part spent it)
    result = check_document(BLOCK * 300, timeout=2.0)
    assert time.process_time() - began < 10
    assert {step.status for step in result.steps} == {"not checked"}
    assert "spent reading its definitions" in result.steps[0].summary


def test_a_document_within_its_budget_is_judged() -> None:
    """The twin: the same blocks, few of them, are judged."""
    result = check_document(BLOCK * 3)
    assert [step.status for step in result.steps].count("holds") == 3
