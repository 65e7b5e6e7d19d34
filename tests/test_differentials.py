"""Differentials in vector notation (``d\\mathbf{p} = (\\operatorname{diag}(\\mathbf p) - \\mathbf p
\\mathbf p^T) d\\mathbf{z}``) and the Frobenius product ``A : B``: every step that holds has a
twin with one change that is flagged."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.notation import differentials
from symsoft.reading.notation.vectors import entrywise

PROSE = (
    r"The scores $\mathbf{z}$ go through the softmax, $\mathbf{p} = \mathrm{softmax}(\mathbf{z})$,"
    r" and the loss is the cross-entropy $L = -\mathbf{y} : \log \mathbf{p}$ with a one-hot"
    r" target $\mathbf{y}$, so $\mathbf{1}^T \mathbf{y} = 1$. A change $d\mathbf{z}$ of the scores"
    r" changes the rest."
    "\n\n"
)


def step(lhs: str, rhs: str, prose: str = PROSE):
    return check_document(f"{prose}$$\n{lhs} = {rhs}\n$$\n").steps[-1]


HOLDS_AND_TWIN = [
    # (left side, right side that holds, the same with one change: flagged)
    (
        r"d\mathbf{p}",
        r"\left(\operatorname{diag}(\mathbf{p}) - \mathbf{p}\mathbf{p}^T\right) d\mathbf{z}",
        r"\left(\operatorname{diag}(\mathbf{p}) + \mathbf{p}\mathbf{p}^T\right) d\mathbf{z}",
    ),
    (
        r"d\mathbf{p}",
        r"\mathbf{p} \odot d\mathbf{z} - \mathbf{p} \mathbf{p}^T d\mathbf{z}",
        r"\mathbf{p} \odot d\mathbf{z} - \mathbf{p}^T \mathbf{p} d\mathbf{z}",
    ),
    (r"d\log\mathbf{p}", r"d\mathbf{z} - \mathbf{1}\mathbf{p}^T d\mathbf{z}", r"d\mathbf{z}"),
    (r"dL", r"-\mathbf{y} : d\log(\mathbf{p})", r"\mathbf{y} : d\log(\mathbf{p})"),
    (r"dL", r"(\mathbf{p} - \mathbf{y}) : d\mathbf{z}", r"(\mathbf{p} + \mathbf{y}) : d\mathbf{z}"),
    (r"dL", r"(\mathbf{p} - \mathbf{y})^T d\mathbf{z}", r"(\mathbf{y} - \mathbf{p})^T d\mathbf{z}"),
    (r"L", r"-\sum_k y_k \log p_k", r"\sum_k y_k \log p_k"),
    (r"\mathbf{1} : \mathbf{p}", r"1", r"2"),
    # the inverse of a diagonal matrix, diag(1/p); Diag (capital D) as well
    (
        r"d\log\mathbf{p}",
        r"\operatorname{diag}(\mathbf{p})^{-1} d\mathbf{p}",
        r"\operatorname{diag}(\mathbf{p}) d\mathbf{p}",
    ),
    (
        r"dL",
        r"-\mathbf{y} : \operatorname{Diag}(\mathbf{p})^{-1} d\mathbf{p}",
        r"\mathbf{y} : \operatorname{Diag}(\mathbf{p})^{-1} d\mathbf{p}",
    ),
    (
        r"dL",
        r"-\mathbf{y} : \text{diag}\left(\mathbf{p}\right)^{-1}"
        r"(\operatorname{diag}(\mathbf{p}) - \mathbf{p}\mathbf{p}^T) d\mathbf{z}",
        r"-\mathbf{y} : \text{diag}\left(\mathbf{p}\right)^{-1}"
        r"(\operatorname{diag}(\mathbf{p}) + \mathbf{p}\mathbf{p}^T) d\mathbf{z}",
    ),
    (
        r"\operatorname{diag}(\mathbf{p})^{-1} \mathbf{p}",
        r"\mathbf{1}",
        r"\mathbf{p}",
    ),
]


@pytest.mark.parametrize(("lhs", "rhs", "twin"), HOLDS_AND_TWIN)
def test_differential_steps_hold_and_their_twins_are_flagged(lhs: str, rhs: str, twin: str) -> None:
    held = step(lhs, rhs)
    assert held.status == "holds", held.summary
    wrong = step(lhs, twin)
    assert wrong.status == "fails", wrong.summary
    assert wrong.cases[0].verdict.counterexample is not None


def test_the_counterexample_names_the_entry_and_the_direction() -> None:
    text = f"{PROSE}$$\nd\\mathbf{{p}} = {HOLDS_AND_TWIN[0][2]}\n$$\n"
    line = check_document(text).lines()[-2]
    assert "fails" in line and "ztilde = (" in line and "r = " in line


@pytest.mark.parametrize("power", ["^{2}", "^{-2}", "^{-1/2}"])
def test_another_power_of_a_diagonal_matrix_is_not_read(power: str) -> None:
    found = step(r"d\log\mathbf{p}", rf"\operatorname{{diag}}(\mathbf{{p}}){power} d\mathbf{{p}}")
    assert found.status == "not checked", found.summary


def test_the_variable_is_the_one_undefined_letter_with_a_differential() -> None:
    assert differentials.variable_of(r"d\mathbf{p} = P d\mathbf{z}", {"p"}) == "z"
    # two variables (dW and db, or dz and dx): no direction is chosen, nothing is read
    assert differentials.variable_of(r"d\mathbf{z} = d\mathbf{x} + d\mathbf{b}", set()) is None
    # \tilde{z} is a name of the document: the direction would clash with it
    assert differentials.variable_of(r"d\mathbf{z} = \tilde{z}", set()) is None
    # a roman d of a Jacobian, \frac{d\mathbf{p}}{d\mathbf{z}}, is no differential
    assert differentials.variable_of(r"\frac{d\mathbf{p}}{d\mathbf{z}}", {"p"}) is None


def test_two_variables_leave_the_differentials_unread() -> None:
    prose = PROSE + r"The bias changes too, by $d\mathbf{b}$." + "\n\n"
    result = step(r"dL", r"(\mathbf{p} - \mathbf{y}) : d\mathbf{z}", prose)
    assert result.status == "not checked"
    assert step(r"dL", r"(\mathbf{p} - \mathbf{y}) : d\mathbf{z}").status == "holds"


def test_without_differentials_d_is_not_read() -> None:
    # no d\mathbf{z} anywhere: dL is no differential, and the step is not read
    prose = r"The softmax $\mathbf{p} = \mathrm{softmax}(\mathbf{z})$." + "\n\n"
    assert step(r"dL", r"(\mathbf{p} - \mathbf{y})^T \mathbf{z}", prose).status == "not checked"


@pytest.mark.parametrize(
    ("side", "reason"),
    [
        (r"\mathbf{p} : \mathbf{p}\mathbf{p}^T", "sizes do not match"),
        (r"\mathbf{p} : \mathbf{y} + \mathbf{p}", "beside a term without one"),
        (r"\mathbf{p} : \mathbf{y} : \mathbf{p}", "two Frobenius products"),
    ],
)
def test_frobenius_products_read_only_with_one_reading(side: str, reason: str) -> None:
    with pytest.raises(Exception, match=reason):
        entrywise(side)


def test_frobenius_product_of_matrices_sums_every_entry() -> None:
    read = entrywise(r"\mathbf{p}\mathbf{y}^T : \mathbf{y}\mathbf{p}^T")
    assert read is not None and read.shape == "scalar"
    assert read.text.count(r"\sum") == 2
