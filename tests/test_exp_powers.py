"""``\\exp^{x_j}`` written for ``e^{x_j}`` (a cs224d write-up): read as the exponential when no
argument follows; ``\\exp^{x_i}(…)`` is ambiguous. Each step that holds has a twin with one change
that is flagged."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

PROSE = "$$\nS_j = \\frac{ \\exp^{x_j} }{ \\sum_{k} \\exp^{x_k} }\n$$\n\n"


def last(text: str):
    return check_document(text).steps[-1]


HOLDS_AND_TWIN = [
    # (left side, right side that holds, the same with one change: flagged)
    (
        r"\frac{\partial S_j}{\partial x_i}",
        r"\frac{\delta_{ij} \exp^{x_j} \sum_k \exp^{x_k} - \exp^{x_j} \exp^{x_i}}"
        r"{(\sum_k \exp^{x_k})^2}",
        r"\frac{\delta_{ij} \exp^{x_j} \sum_k \exp^{x_k} + \exp^{x_j} \exp^{x_i}}"
        r"{(\sum_k \exp^{x_k})^2}",
    ),
    (r"\log S_j", r"x_j - \log \sum_k \exp^{x_k}", r"x_j + \log \sum_k \exp^{x_k}"),
    (r"\frac{\partial}{\partial x_i} \exp^{x_i}", r"\exp^{x_i}", r"x_i \exp^{x_i}"),
]


@pytest.mark.parametrize(("lhs", "holds", "slip"), HOLDS_AND_TWIN)
def test_exp_to_a_power_alone_is_the_exponential(lhs, holds, slip):
    assert last(f"{PROSE}$$\n{lhs} = {holds}\n$$\n").status == "holds"
    assert last(f"{PROSE}$$\n{lhs} = {slip}\n$$\n").status in ("fails", "holds only")


def test_exp_to_a_power_before_a_group_is_not_read():
    result = last(f"{PROSE}$$\n\\exp^{{x_i}}(1 - S_j) = \\exp^{{x_i}} - S_j \\exp^{{x_i}}\n$$\n")
    assert result.status == "not checked"
    assert "ambiguous" in result.summary


def test_a_power_of_exp_of_an_argument_is_still_read():
    lhs = r"S_j \exp^{2}(x_j)"
    holds = last(f"{PROSE}$$\n{lhs} = S_j \\exp(2 x_j)\n$$\n")
    slip = last(f"{PROSE}$$\n{lhs} = S_j \\exp(x_j^2)\n$$\n")
    assert holds.status == "holds"
    assert slip.status == "fails"


def test_exp_squared_before_a_bare_argument_is_not_e_squared():
    # \exp^2 x_j is read by some as (\exp x_j)^2, as \sin^2 x is: never e^2 times x_j
    result = last(f"{PROSE}$$\nS_j \\exp^2 x_j = S_j e^{{2 x_j}}\n$$\n")
    assert result.status != "fails"
    # the twin: the power written on e itself is read, and a slip in it flagged
    assert last(f"{PROSE}$$\nS_j e^{{2}} e^{{x_j}} = S_j e^{{2 x_j}}\n$$\n").status == "fails"
