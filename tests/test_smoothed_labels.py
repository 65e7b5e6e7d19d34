"""Smoothed labels defined at the true class, ``y^{LS}_k = (1 - \\epsilon) \\delta_{kc} +
\\frac{\\epsilon}{K}``: c is a fixed index, and a step is judged in every case of it. Each step
that holds has a twin with one change that is flagged."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.meaning.classes import classes
from symsoft.reading.meaning.table import Meanings
from symsoft.reading.notation.sides import Reader

PROSE = (
    r"Softmax $p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}$, one-hot target at the class $c$."
    "\n\n$$y^{\\text{LS}}_k = (1 - \\epsilon) \\delta_{kc} + \\frac{\\epsilon}{K}$$\n\n"
)
LOSS = r"\frac{\partial}{\partial z_i}\left(-\sum_{k=1}^K y^{\text{LS}}_k \log p_k\right)"

HOLDS_AND_TWIN = [
    # (left side, right side that holds, the same with one change: flagged)
    (LOSS, r"p_i - y^{\text{LS}}_i", r"p_i - \frac{\epsilon}{K}"),
    (r"\sum_{k=1}^K y^{\text{LS}}_k", "1", r"1 - \epsilon"),
    (
        LOSS,
        r"p_i - (1 - \epsilon) \delta_{ic} - \frac{\epsilon}{K}",
        r"p_i - (1 - \epsilon) \delta_{ic}",
    ),
]


@pytest.mark.parametrize(("lhs", "holds", "slip"), HOLDS_AND_TWIN)
def test_a_definition_at_the_true_class_is_read(lhs, holds, slip):
    right = check_document(f"{PROSE}$$\n{lhs} = {holds}\n$$\n").steps[-1]
    wrong = check_document(f"{PROSE}$$\n{lhs} = {slip}\n$$\n").steps[-1]
    assert right.status == "holds", right.summary
    assert wrong.status in ("fails", "holds only"), wrong.summary


def test_the_class_is_a_letter_written_only_in_a_delta_with_the_index():
    reader = Reader(Meanings.standard())
    k = next(s for s in reader.expression(r"\delta_{kc}").free_symbols if s.name == "k")
    assert {s.name for s in classes(reader.expression(r"\delta_{kc} + 1"), k)} == {"c"}
    # the twin: c also written outside the delta is not a class (the indices differ)
    assert classes(reader.expression(r"\delta_{kc} + x_c"), k) == set()
