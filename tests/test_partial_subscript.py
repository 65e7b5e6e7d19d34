"""The physicists' ``\\partial_{z_i} L`` is the partial derivative of L by ``z_i``, as
``\\nabla_{z_i} L`` is: in documents and in claims, each with a wrong twin refuted."""

from __future__ import annotations

import pytest

from symsoft.reading.claim.claims import check_claim
from symsoft.reading.document import check_document

TEXT = (
    "$$p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$$\n\n$$L = -\\sum_k y_k \\log p_k$$\n\n"
    "$$\\partial_{z_i} L = RHS$$\n"
)


@pytest.mark.parametrize(
    ("rhs", "status"),
    [("p_i\\sum_k y_k - y_i", "holds"), ("p_i\\sum_k y_k + y_i", "fails")],
)
def test_partial_with_a_subscript_in_a_document(rhs: str, status: str) -> None:
    step = check_document(TEXT.replace("RHS", rhs)).steps[-1]
    assert (step.status, step.flagged) == (status, status == "fails")


@pytest.mark.parametrize(
    ("claim", "holds"),
    [
        ("\\partial_{a_j} S_i = S_i(\\delta_{ij} - S_j)", True),
        ("\\partial_{a_j} S_i = S_i(\\delta_{ij} + S_j)", False),
        ("\\partial_{a_j} S_i = S_j(\\delta_{ij} - S_i)", True),  # symmetric: S_i S_j
        ("\\partial_{a_j} S_i = S_i(1 - S_j)", False),  # the Kronecker delta dropped
    ],
)
def test_partial_with_a_subscript_in_a_claim(claim: str, holds: bool) -> None:
    result = check_claim(claim)
    assert (result.status == "proved") == holds, result


@pytest.mark.parametrize(
    ("rhs", "status"), [("\\hat{y}_i - y_i", "holds"), ("y_i - \\hat{y}_i", "fails")]
)
def test_partial_by_a_greek_entry(rhs: str, status: str) -> None:
    text = (
        "The targets are one-hot, $\\sum_k y_k = 1$.\n\n"
        "$$\\hat{y}_i = \\frac{e^{\\theta_i}}{\\sum_k e^{\\theta_k}}$$\n\n"
        "$$J = -\\sum_k y_k \\log \\hat{y}_k$$\n\n"
        f"$$\\partial_{{\\theta_i}} J = {rhs}$$\n"
    )
    step = check_document(text).steps[-1]
    assert (step.status, step.flagged) == (status, status == "fails")
