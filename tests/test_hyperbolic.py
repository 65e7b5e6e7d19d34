"""``\\cosh`` and ``\\sinh`` beside ``\\tanh`` (the derivative of tanh is ``1/\\cosh^2 x``),
and a derivative operator applied to one function call, ``\\frac{d}{dx} \\tanh(x)``, which has one
reading: the call is the whole operand."""

from __future__ import annotations

import pytest

from symsoft.reading.claim.claims import check_claim
from symsoft.reading.document import check_document


@pytest.mark.parametrize(
    "claim",
    [
        r"\frac{d}{dx} \tanh(x) = \frac{1}{\cosh(x)^2}",
        r"\tanh(x) = \frac{\sinh(x)}{\cosh(x)}",
        r"\cosh^2(x) - \sinh^2(x) = 1",
        r"\frac{d}{dx} \tanh(x) = 1 - \tanh^2(x)",
        r"\frac{d}{dx} \log(1 - \sigma(x)) = -\sigma(x)",
        r"\frac{d}{dx} \tanh(x) = \text{sech}^2(x)",
        r"\operatorname{sech}(x) \cosh(x) = 1",
    ],
)
def test_hyperbolic_identities_hold(claim: str) -> None:
    assert check_claim(claim).status == "proved"


@pytest.mark.parametrize(
    "claim",
    [
        r"\frac{d}{dx} \tanh(x) = \frac{2}{(2\cosh(x))^2}",  # a factor 2 lost
        r"\tanh(x) = \frac{\cosh(x)}{\sinh(x)}",  # upside down
        r"\cosh^2(x) + \sinh^2(x) = 1",  # the sign of the Pythagorean identity
        r"\frac{d}{dx} \tanh(x) = 1 + \tanh^2(x)",  # the sign
        r"\frac{d}{dx} \log(1 - \sigma(x)) = \sigma(x)",  # the sign
        r"\frac{d}{dx} \tanh(x) = \text{sech}(x)",  # the square lost
        r"\operatorname{sech}(x) \sinh(x) = 1",  # sinh for cosh
    ],
)
def test_wrong_hyperbolic_identities_are_refuted(claim: str) -> None:
    assert check_claim(claim).status == "refuted"


def test_a_derivative_of_one_call_is_judged_in_a_document() -> None:
    text = "$$\\frac{d}{dx} \\tanh(x) = RHS$$\n"
    assert check_document(text.replace("RHS", r"1 - \tanh^2(x)")).steps[0].status == "holds"
    assert check_document(text.replace("RHS", r"1 + \tanh^2(x)")).steps[0].status == "fails"


def test_a_call_followed_by_a_factor_stays_ambiguous() -> None:
    """``\\frac{d}{dx} \\tanh(x) y``: the operand may be the call or the product."""
    step = check_document("$$\\frac{d}{dx} \\tanh(x) x = x (1 - \\tanh^2(x))$$\n").steps[0]
    assert step.status == "not checked" and not step.flagged


def test_a_function_to_the_power_minus_one_is_not_read_as_a_reciprocal() -> None:
    """\\tanh^{-1} is artanh in most texts: its logarithmic form was refuted as 1/tanh."""
    for formula in (
        r"\tanh^{-1}(x) = \frac{1}{2}\log\frac{1+x}{1-x}",
        r"\tanh^{-1}(x) = \frac{1}{2}\log\frac{1-x}{1+x}",
        r"\sinh^{-1}(x) = \log(x + \sqrt{x^2 + 1})",
    ):
        (step,) = check_document(f"$$ {formula} $$\n").steps
        assert step.status == "not checked" and not step.flagged
        assert "inverse" in step.summary


def test_a_function_squared_is_still_its_square() -> None:
    (good,) = check_document("$$\\frac{d}{dx} \\tanh(x) = 1 - \\tanh^{2}(x)$$\n").steps
    (bad,) = check_document("$$\\frac{d}{dx} \\tanh(x) = 1 + \\tanh^{2}(x)$$\n").steps
    assert good.status == "holds" and bad.status == "fails"
