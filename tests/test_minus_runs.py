"""A sum written out with dots whose every term is led by a minus,
``-y_1\\log p_1 - y_2\\log p_2 - \\dots - y_C\\log p_C``, is ``-\\sum_k y_k \\log p_k``; a run
that skips a term or starts with a term of its own is left as written."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

HEAD = (
    "Let $p_i = \\frac{e^{z_i}}{\\sum_{j=1}^{C} e^{z_j}}$ and "
    "$L = - \\sum_{i=1}^{C} y_i \\log(p_i)$.\n\n"
)


def statuses(display: str) -> list[str]:
    return [s.summary.split(":")[0] for s in check_document(HEAD + display).steps]


@pytest.mark.parametrize("dots", [r"\dots", r"\cdots", "...", r"\ldots"])
def test_a_run_of_minus_terms_is_minus_the_sum(dots):
    run = rf"-y_1\log(p_1) - y_2\log(p_2) -{dots}- y_C\log(p_C)"
    assert statuses(rf"$$L = {run}$$" + "\n") == ["holds"]
    # the wrong sign outside: a slip a reader makes when expanding the loss
    assert statuses(rf"$$-L = {run}$$" + "\n") == ["fails"]


def test_a_run_inside_a_derivative_is_read_too():
    display = (
        r"$$\frac{\partial L}{\partial z_i} = \frac{\partial (-y_1\log(p_1) -y_2\log(p_2)"
        r"-...-y_C\log(p_C))}{\partial z_i} = p_i \sum_k y_k - y_i$$" + "\n"
    )
    assert statuses(display) == ["holds", "holds"]
    wrong = display.replace(r"p_i \sum_k y_k - y_i", r"y_i - p_i \sum_k y_k")
    assert statuses(wrong) == ["holds", "fails"]


@pytest.mark.parametrize(
    "run",
    [
        r"-y_1\log(p_1) - y_3\log(p_3) - \dots - y_C\log(p_C)",  # a term skipped
        r"1 - y_1\log(p_1) - y_2\log(p_2) - \dots - y_C\log(p_C)",  # a term of its own first
        r"-y_1\log(p_1) - y_2\log(p_2) - \dots - y_n\log(p_n)",  # not up to the class count
    ],
)
def test_other_runs_are_not_read(run):
    (status,) = statuses(rf"$$L = {run}$$" + "\n")
    assert status.startswith("not checked")
