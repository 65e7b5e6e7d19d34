"""An expression shown alone between the steps of a chain (a side computation, "for the
derivative on the left of the numerator: $$\\frac{\\partial}{\\partial a_j} e^{a_i}$$"), then
"$$= …$$": the chain may go on from the aside or from the chain before it (a book on neural
networks writes so). A flag must hold under both: a step that holds from the chain before is
not checked, one that fails from both is flagged."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

TEXT = r"""Let $S_i = \frac{e^{a_i}}{\sum_k e^{a_k}}$.

$$\frac{\partial S_i}{\partial a_j} = \frac{\frac{\partial e^{a_i}}{\partial a_j} \sum_k e^{a_k}
- e^{a_i} \frac{\partial \sum_k e^{a_k}}{\partial a_j}}{(\sum_k e^{a_k})^2}$$

For the derivative on the left of the numerator:

$$
\frac{\partial}{\partial a_j} e^{a_i}
$$

When $i = j$ we substitute it:

$$= \frac{e^{a_i} \sum_k e^{a_k} SIGN e^{a_i} e^{a_j}}{(\sum_k e^{a_k})^2}$$
"""


def last(sign: str):
    return check_document(TEXT.replace("SIGN", sign)).steps[-1]


def test_a_step_that_holds_from_the_chain_before_the_aside_is_not_flagged():
    step = last("-")
    assert step.status == "not checked" and not step.flagged
    assert "the end of the chain before the one just above it, where it holds" in step.summary


def test_a_step_that_fails_from_both_is_flagged():
    assert last("+").status == "fails"


@pytest.mark.parametrize("sign", ["-", "+"])
def test_without_the_aside_the_chain_goes_on(sign):
    text = TEXT.replace("SIGN", sign)
    start = text.index("For the derivative")
    text = text[:start] + text[text.index("When $i = j$") :]
    expected = "holds" if sign == "-" else "fails"
    assert check_document(text).steps[-1].status == expected
