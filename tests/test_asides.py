"""An aside in a second column of an align row (``&& \\text{where } \\sum_k y_k = 1``) is read on
its own, and the next row ``&= …`` goes on from the main column, not from the aside's
right side (which refuted a correct step as ``1 = p_i - y_i``)."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

ALIGN = r"""
With $p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}$ and $L = -\sum_k y_k \log p_k$:

\begin{align}
\frac{\partial L}{\partial z_i} &= -\sum_k y_k (\delta_{ki} - p_i) && \text{by the Jacobian} \\
&= -y_i + p_i \sum_k y_k && \text{WORD } \sum_k y_k = 1 \\
&= p_i - y_i
\end{align}
"""


@pytest.mark.parametrize("word", ["where", "since", "with"])
def test_the_row_after_an_aside_goes_on_from_the_main_column(word: str) -> None:
    steps = check_document(ALIGN.replace("WORD", word)).steps
    last = steps[-1]
    assert last.line == 7 and last.lhs.startswith("-y_i")
    assert last.status == "holds"


def test_a_wrong_row_after_an_aside_is_still_flagged() -> None:
    steps = check_document(ALIGN.replace("WORD", "where").replace("= p_i - y_i", "= y_i - p_i"))
    last = steps.steps[-1]
    assert last.lhs.startswith("-y_i") and last.status == "fails" and last.flagged
