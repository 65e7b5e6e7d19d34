"""A sum written out with dots around one term of its own, ``p_iy_1 + p_iy_2 + \\dots + (p_i -
y_i) + \\dots + p_iy_n``, is the sum over the other terms plus that term, standing at the one
index it writes (a post that "slips the case j = i into the sum"); a term with two indices, or
none, is left as written."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

HEAD = (
    "Let $p_i = \\frac{e^{x_i}}{\\sum_{j=1}^{n} e^{x_j}}$ and "
    "$L = -\\sum_{j=1}^{n} y_j \\log p_j$.\n\n"
)


def verdicts(display: str) -> list[str]:
    return [f"{s.summary}: {s.lhs} = {s.rhs}" for s in check_document(HEAD + display).steps]


def test_the_term_at_i_written_apart_is_read_as_the_term_at_i():
    display = (
        "$$\\frac{\\partial L}{\\partial x_i} = "
        "p_iy_1 + p_iy_2 + \\dots + (p_iy_i - y_i) + \\dots + p_iy_n$$\n\n"
        "$$p_iy_1 + p_iy_2 + \\dots + (p_iy_i - y_i) + \\dots + p_iy_n"
        " = p_i (y_1 + y_2 + \\dots + y_n) - y_i$$\n"
    )
    assert [v.split(":")[0] for v in verdicts(display)] == ["holds", "holds"]


def test_a_special_term_that_drops_its_label_is_flagged():
    # the slip of a real post: the term at j = i written p_i - y_i (y_i dropped from p_i y_i)
    display = (
        "$$\\frac{\\partial L}{\\partial x_i} = "
        "p_iy_1 + p_iy_2 + \\dots + (p_i - y_i) + \\dots + p_iy_n$$\n\n"
        "$$p_iy_1 + p_iy_2 + \\dots + (p_i - y_i) + \\dots + p_iy_n"
        " = p_i (y_1 + y_2 + \\dots + y_n) - y_i$$\n"
    )
    first, second = verdicts(display)
    assert first.startswith("fails") and "\\sum_{k \\neq i} p_iy_{k} + (p_i - y_i)" in first
    assert second.startswith("fails")


@pytest.mark.parametrize(
    "middle",
    [
        "(p_iy_j - y_j)",  # an index the step does not write elsewhere: which term is it?
        "(p_iy_i - y_j)",  # two indices
        "p_i - y_i",  # adds at its top level: one term or two?
        "2",  # no index
        "p_i",  # not set apart in parentheses: a term of its own, or a slip of the general one?
    ],
)
def test_other_terms_between_dots_are_not_read(middle):
    display = (
        "$$\\frac{\\partial L}{\\partial x_i} = "
        f"p_iy_1 + p_iy_2 + \\dots + {middle} + \\dots + p_iy_n$$\n"
    )
    (verdict,) = verdicts(display)
    assert verdict.startswith("not checked")
