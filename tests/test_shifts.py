"""The max shift of log-sum-exp: ``\\max_k z_k`` (or m defined as it) read as one atom."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.judge.shifts import judge, shifted

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


def maximum(text: str) -> tuple[str, str] | None:
    """The letter maximized and the name of the maximum (where it is defined left out)."""
    found = shifted(text)
    return None if found is None else (found.letter, found.name)


def test_the_definition_names_the_letter() -> None:
    assert maximum(r"Take $m = \max_k z_k$ and") == ("z", "m")
    assert maximum(r"Take $m = \max_j a_j$ and") == ("a", "m")
    assert maximum(r"Take $m$ large") is None
    assert shifted(r"Take $m = \max_k z_k$ and").at == 6  # where it is defined


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
    from symsoft.reading.claim.claims import check_claim

    assert check_claim(claim).status == status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"where $m = \max(x_1, x_2, ...)$.", ("x", "m")),
        (r"where $m = \max(z_1, \ldots, z_N)$.", ("z", "m")),
        (r"with $c = \max(\mathbf z)$,", ("z", "c")),
        (r"$\alpha = \max_i x_i$", ("x", "\\alpha")),
        (r"$$a=\max\limits_{i} x_i$$", ("x", "a")),
        (r"$M = \max_k z_k + 1$", None),  # not the maximum itself
        (r"$m = \max(z_1, z_2)$", None),  # two entries, not every entry
        (r"$m = \max_k z_j$", None),  # the bound letter is not the entry's
    ],
)
def test_the_maximum_is_read_in_the_ways_people_write_it(text: str, expected) -> None:
    assert maximum(text) == expected


ARBITRARY = r"""For an $n$-vector $x$ and an arbitrary $a$,

$$\log\sum\limits_{i=1}^n e^{x_i} = a + \log\sum\limits_{i=1}^n e^{x_i-a}$$

and a good choice is

$$a=\underset{i}{max} x_i$$
"""


@pytest.mark.parametrize(
    ("change", "status"),
    [(None, "holds"), (("e^{x_i-a}", "e^{x_i+a}"), "fails"), (("= a +", "= 2a +"), "fails")],
)
def test_a_maximum_named_by_another_letter(change: tuple[str, str] | None, status: str) -> None:
    document = ARBITRARY if change is None else ARBITRARY.replace(*change)
    first, second = check_document(document).steps
    assert first.status == status, first.summary
    if status == "fails":
        assert "N = 2" in first.summary and "a = max" in first.summary, first.summary
    assert second.status == "definition", second.summary
