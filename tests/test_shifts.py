"""The max shift of log-sum-exp: ``\\max_k z_k`` (or m defined as it) read as one atom."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.shifts import judge, shifted

DEFINED = "Let $m = \\max_k z_k$.\n\n"


@pytest.mark.parametrize(
    ("lhs", "holds", "fails"),
    [
        (
            r"\log \sum_k e^{z_k}",
            r"m + \log \sum_k e^{z_k - m}",
            r"m + \log \sum_k e^{z_k + m}",
        ),
        (
            r"\log \sum_{k=1}^{N} e^{z_k}",
            r"\max_k z_k + \log \sum_{k=1}^{N} e^{z_k - \max_k z_k}",
            r"\log \sum_{k=1}^{N} e^{z_k - \max_k z_k}",
        ),
        (
            r"\log \Bigl( e^{m} \sum_{k=1}^{N} e^{z_k - m} \Bigr)",
            r"\log e^{m} + \log \sum_{k=1}^{N} e^{z_k - m}",
            r"2m + \log \sum_{k=1}^{N} e^{z_k - m}",
        ),
        (
            r"\frac{e^{z_i}}{\sum_k e^{z_k}}",
            r"\frac{e^{z_i - m}}{\sum_k e^{z_k - m}}",
            r"\frac{e^{z_i - m}}{\sum_k e^{z_k}}",
        ),
    ],
)
def test_a_shift_step_holds_and_its_twin_fails_where_m_is_the_maximum(
    lhs: str, holds: str, fails: str
) -> None:
    good = check_document(DEFINED + f"$${lhs} = {holds}$$\n").steps[-1]
    assert good.status == "holds", good.summary
    bad = check_document(DEFINED + f"$${lhs} = {fails}$$\n").steps[-1]
    assert bad.status == "fails", bad.summary
    assert "m = max = 1" in bad.summary and "N = 2" in bad.summary


def test_the_definition_names_the_letter() -> None:
    assert shifted(r"Take $m = \max_k z_k$ and") == "z"
    assert shifted(r"Take $m = \max_j a_j$ and") == "a"
    assert shifted(r"Take $m$ large") is None


@pytest.mark.parametrize(
    ("lhs", "rhs", "shift"),
    [
        (r"\log \sum_k e^{a_k}", r"m + \log \sum_k e^{a_k - m}", "z"),  # m is the max of z
        (r"\log \sum_k e^{z_k}", r"m + \log \sum_k e^{z_k - m}", None),  # m never defined
        (r"\log \sum_k e^{z_k}", r"\max_k a_k", "z"),  # the maximum of another vector
        (r"\sum_m z_m", r"m", "z"),  # m an index too
        (r"\log \sum_k e^{z_k}", r"\max(z_1, z_2)", None),  # a maximum not read as the atom
    ],
)
def test_what_is_not_a_shift_step_is_left_to_the_rest(lhs: str, rhs: str, shift) -> None:
    assert judge(lhs, rhs, shift) is None


def test_a_maximum_that_is_not_the_log_sum_exp_is_flagged_at_the_maximum() -> None:
    status, summary = judge(r"\log \sum_k e^{z_k}", r"\max_k z_k", None)
    assert status == "fails" and "left side log(1 + E)" in summary


@pytest.mark.parametrize(
    ("claim", "status"),
    [
        (r"\log \sum_k e^{z_k} = \max_k z_k + \log \sum_k e^{z_k - \max_k z_k}", "proved"),
        (r"\log \sum_k e^{z_k} = \max_k z_k + \log \sum_k e^{z_k + \max_k z_k}", "refuted"),
    ],
)
def test_a_claim_with_the_maximum_as_an_atom(claim: str, status: str) -> None:
    from symsoft.reading.claims import check_claim

    assert check_claim(claim).status == status
