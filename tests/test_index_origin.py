"""A text that writes an index 0 may count its classes from 0: a step whose every sum runs over
all the classes and that names no entry by number is judged alike from 0 or from 1."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

TEXT = (
    "The classes are numbered from 0, so $\\hat{y}_0$ is the background class.\n\n"
    "$$\\hat{y}_i = \\frac{e^{z_i}}{DENOMINATOR}$$\n\n$$STEP$$\n"
)

QUOTIENT = (
    r"\frac{\partial \hat{y}_i}{\partial z_j} = "
    r"\frac{DELTA e^{z_i} \sum_k e^{z_k} - e^{z_i} e^{z_j}}{(\sum_k e^{z_k})^2}"
)


def _status(step: str, denominator: str = r"\sum_k e^{z_k}") -> str:
    text = TEXT.replace("DENOMINATOR", denominator).replace("STEP", step)
    result = check_document(text).steps[-1]
    return result.status, result.summary


@pytest.mark.parametrize(
    ("step", "status"),
    [
        (QUOTIENT.replace("DELTA", r"\delta_{ij}"), "holds"),
        (QUOTIENT.replace("DELTA", ""), "holds only"),  # the dropped delta: wrong when i ≠ j
        (r"\sum_k \hat{y}_k = 1", "holds"),
        (r"\sum_k \hat{y}_k = 2", "fails"),
        (r"\sum_{j \neq i} \hat{y}_j = 1 - \hat{y}_i", "holds"),
        (r"\sum_{j \neq i} \hat{y}_j = 1 + \hat{y}_i", "fails"),
    ],
)
def test_sums_over_every_class(step: str, status: str) -> None:
    got, summary = _status(step)
    assert got == status, summary


@pytest.mark.parametrize(
    ("step", "denominator"),
    [
        (r"\sum_{k=1}^{K} \hat{y}_k = 1", r"\sum_k e^{z_k}"),  # a bound written: from 1 or 0?
        (r"\hat{y}_1 = \frac{e^{z_1}}{\sum_k e^{z_k}}", r"\sum_k e^{z_k}"),  # entry 1
        (r"\sum_k \hat{y}_k = 1", r"\sum_{k=0}^{K-1} e^{z_k}"),  # the definition from 0
        (r"\sum_k \hat{y}_k = 2", r"\sum_{k=0}^{K-1} e^{z_k}"),
    ],
)
def test_where_the_origin_may_matter(step: str, denominator: str) -> None:
    got, summary = _status(step, denominator)
    assert got == "not checked", summary


@pytest.mark.parametrize(
    ("math", "written"),
    [
        (r"\hat{y}_0", True),
        (r"\mathbf{y}  _ { 0 }", True),
        (r"\sum_{k = 0}^{K-1}", True),
        ("S" + " " * 50_000 + "_0", True),  # a run of spaces is read once, not once a space
        (r"\hat{y}_{01}", False),
        (r"\alpha_0", False),
        (r"x_0.5", False),
        ("S" + " " * 50_000 + "= S_i", False),
    ],
)
def test_an_index_zero_is_found_where_it_is_written(math: str, written: bool) -> None:
    from symsoft.reading.judge.origins import writes_index_zero

    assert writes_index_zero([math]) is written
