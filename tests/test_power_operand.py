"""A derivative operator before a power that ends its term, ``\\frac{d}{dz_i} e^{-z_i}``,
``\\frac{d}{dx} x^2``: the operand is the power, whole (a letter alone, ``e``, read nothing);
a power followed by another factor stays ambiguous."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document


@pytest.mark.parametrize(
    ("step", "right", "wrong"),
    [
        (r"\frac{d}{dx} e^{-x}", r"-e^{-x}", r"e^{-x}"),
        (r"\dfrac{d}{dz_i}e^{-z_i}", r"-e^{-z_i}", r"e^{-z_i}"),
        (r"\frac{d}{dt} e^t", r"e^t", r"t e^{t - 1}"),
        (r"\frac{d}{dx} x^2", r"2 x", r"x"),
        (r"\frac{\partial}{\partial z_i} z_i^2", r"2 z_i", r"2 z_j"),
    ],
)
def test_a_power_ending_its_term_is_the_operand(step: str, right: str, wrong: str) -> None:
    (good,) = check_document(f"$${step} = {right}$$\n").steps
    assert good.status == "holds", good.summary
    (bad,) = check_document(f"$${step} = {wrong}$$\n").steps
    assert bad.status in ("fails", "holds only"), bad.summary


def test_inside_a_chain_the_sum_rule_holds() -> None:
    text = (
        "$$\\frac{d}{dz}(1 + e^{-z}) = \\frac{d}{dz}(1) + \\frac{d}{dz}e^{-z} "
        "= 0 + \\frac{d}{dz}e^{-z} = RESULT$$\n"
    )
    steps = check_document(text.replace("RESULT", "-e^{-z}")).steps
    assert [s.status for s in steps] == ["holds"] * 3
    steps = check_document(text.replace("RESULT", "e^{-z}")).steps
    assert steps[-1].status == "fails"


@pytest.mark.parametrize(
    ("step", "right"),  # right under one reading (the first factor), wrong under the other
    [(r"\frac{d}{dx} e^{x} x", "e^{x} x"), (r"\frac{d}{dx} x^2 e^{x}", "2 x e^{x}")],
)
def test_a_power_followed_by_a_factor_stays_ambiguous(step: str, right: str) -> None:
    (found,) = check_document(f"$${step} = {right}$$\n").steps
    assert found.status == "not checked" and not found.flagged
