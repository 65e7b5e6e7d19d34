"""softmax(…), logsumexp(…), \\exp, \\log and fractions of vectors, read entry by entry: every step
that holds has a twin that fails, at the entry the counterexample names."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.notation.vectors import entrywise

PROSE = r"For any vector $\mathbf{x}$, any vector $\mathbf{y}$ and any constant $b$:" + "\n\n"


def step(lhs: str, rhs: str):
    return check_document(f"{PROSE}$$\n{lhs} = {rhs}\n$$\n").steps[-1]


HOLDS_AND_TWIN = [
    # (left side, right side that holds, the same with one change: fails)
    (
        r"\mathrm{softmax}(\mathbf{x})",
        r"\frac{\exp(\mathbf{x})}{\sum_{i}\exp(x_{i})}",
        r"\frac{\exp(-\mathbf{x})}{\sum_{i}\exp(x_{i})}",
    ),
    (
        r"\mathrm{softmax}(\mathbf{x})",
        r"\exp\left(\mathbf{x} - \log\left(\sum_{i}\exp(x_{i})\right)\right)",
        r"\exp\left(\mathbf{x} + \log\left(\sum_{i}\exp(x_{i})\right)\right)",
    ),
    (
        r"\mathrm{softmax}(\mathbf{x})",
        r"\exp\left(\mathbf{x}-\mathrm{logsumexp}\left(\mathbf{x}\right)\right)",
        r"\exp\left(\mathrm{logsumexp}\left(\mathbf{x}\right)-\mathbf{x}\right)",
    ),
    (
        r"\mathrm{softmax}(\mathbf{x} - b)",
        r"\mathrm{softmax}(\mathbf{x})",
        r"\mathrm{softmax}(2 \mathbf{x})",
    ),
    (
        r"\log \mathrm{softmax}(\mathbf{x})",
        r"\mathbf{x} - \mathrm{logsumexp}(\mathbf{x})",
        r"\mathbf{x} + \mathrm{logsumexp}(\mathbf{x})",
    ),
    (
        r"\mathrm{logsumexp}(\mathbf{x})",
        r"b + \log\left(\sum_{i}\exp(x_{i} - b)\right)",
        r"b + \log\left(\sum_{i}\exp(x_{i} + b)\right)",
    ),
    (
        r"\operatorname{logsumexp}(\mathbf{x} - b)",
        r"\operatorname{logsumexp}(\mathbf{x}) - b",
        r"\operatorname{logsumexp}(\mathbf{x}) + b",
    ),
    (
        r"\frac{\mathbf{x} \odot \mathbf{y}}{\mathbf{y}}",
        r"\mathbf{x}",
        r"\mathbf{y}",
    ),
    (
        r"\text{softmax}(\mathbf{x})",
        r"\frac{\exp(\mathbf{x})}{\sum_{i} e^{x_i}}",
        r"\frac{\exp(\mathbf{x})}{\sum_{i} e^{2 x_i}}",
    ),
]


@pytest.mark.parametrize(("lhs", "good", "bad"), HOLDS_AND_TWIN)
def test_a_function_of_a_vector_holds_and_its_twin_fails(lhs: str, good: str, bad: str) -> None:
    holds = step(lhs, good)
    assert holds.status == "holds", holds.message()
    fails = step(lhs, bad)
    assert fails.status == "fails", fails.message()
    assert "counterexample" in fails.message()
    if "mathbf" in lhs.replace(r"(\mathbf{x}", "") or "mathbf" in good.split("(")[0]:
        assert "r = 1" in fails.message()  # a vector side: the entry is named


def test_the_softmax_of_a_vector_is_read_at_its_entry() -> None:
    read = entrywise(r"\mathrm{softmax}(\mathbf{z}) - \mathbf{y}")
    assert read is not None and read.shape == "vector"
    assert read.text == r"+ (\mathrm{softmax}(z)_{r}) - (y_{r})".removeprefix("+ ")
    shifted = entrywise(r"\mathrm{softmax}(\mathbf{z} - b)")
    assert shifted is not None and "e^{(z_{r}) - (b)}" in shifted.text


@pytest.mark.parametrize(
    ("lhs", "rhs", "reason"),
    [
        # a shift that carries an index is not a constant: which entry?
        (
            r"\mathrm{softmax}(\mathbf{x} - x_i)",
            r"\mathrm{softmax}(\mathbf{x})",
            "sizes do not match",
        ),
        # the softmax of a matrix: by rows or by columns?
        (r"\mathrm{softmax}(\mathbf{X})", r"\mathbf{P}", "matrix"),
        # \exp of a matrix: entry by entry or the matrix exponential?
        (r"\exp\left(\mathbf{p} \mathbf{p}^\top\right)", r"\mathbf{y}", "matrix"),
        # a derivative is not a quotient
        (r"\frac{\partial}{\partial \mathbf{x}} b", r"\mathbf{0}", ""),
    ],
)
def test_what_has_no_single_reading_is_not_checked(lhs: str, rhs: str, reason: str) -> None:
    result = step(lhs, rhs)
    assert result.status == "not checked", result.message()
    assert reason in result.message()


def test_an_index_after_the_call_is_the_entry_reading() -> None:
    # softmax(z)_i is index notation, as before: not a vector
    assert entrywise(r"\mathrm{softmax}(\mathbf{z})_i") is None
    result = check_document("$$\n\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}\n$$\n")
    assert result.steps[-1].status == "holds"


ENTRY_ARGUMENT = [
    (
        r"\mathrm{softmax}(x_j)",
        r"\frac{e^{x_j}}{\sum_{k=1}^{N} e^{x_k}}",
        # the word written again on the right: an identity claimed of the usual softmax (with
        # only another formula there, the text would be defining its own softmax: not read)
        r"\frac{e^{x_j}}{\sum_{k=1}^{N} e^{x_k}} - \mathrm{softmax}(x_j)^2",
    ),
    (r"\text{Softmax}(x_i - b)", r"\mathrm{softmax}(x_i)", r"\mathrm{softmax}(2 x_i)"),
    (
        r"\log \mathrm{softmax}(x_i)",
        r"x_i - \log \sum_{k=1}^{N} e^{x_k}",
        r"x_i + \log \sum_{k=1}^{N} e^{x_k}",
    ),
]


@pytest.mark.parametrize(("lhs", "good", "bad"), ENTRY_ARGUMENT)
def test_the_softmax_of_an_entry_is_that_entry_of_the_softmax(
    lhs: str, good: str, bad: str
) -> None:
    holds = step(lhs, good)
    assert holds.status == "holds", holds.message()
    fails = step(lhs, bad)
    assert fails.status == "fails", fails.message()


@pytest.mark.parametrize(
    ("lhs", "reason"),
    [
        (r"\mathrm{softmax}(x_{ij})", "by rows or by columns"),
        (r"\mathrm{softmax}(b)", "without an entry index"),
        (r"\mathrm{softmax}(x_i + y_j)", "without an entry index"),
        # the logit vector of example i, or entry i of z?
        (r"\mathrm{softmax}(\mathbf{x}_i)", "bold letter with an index"),
    ],
)
def test_a_softmax_of_entries_without_one_index_is_not_read(lhs: str, reason: str) -> None:
    result = step(lhs, r"\frac{e^{x_i}}{\sum_{k=1}^{N} e^{x_k}}")
    assert result.status == "not checked", result.message()
    assert reason in result.message()


def test_a_constant_called_c_beside_a_column_vector_is_no_clash_with_the_entry() -> None:
    prose = r"For any vector $\mathbf{x}$ and any constant $c$:" + "\n\n"
    good = r"\mathrm{logsumexp}(\mathbf{x} - c) + c"
    bad = r"\mathrm{logsumexp}(\mathbf{x} - c) - c"
    for rhs, status in ((good, "holds"), (bad, "fails")):
        doc = f"{prose}$$\n\\mathrm{{logsumexp}}(\\mathbf{{x}}) = {rhs}\n$$\n"
        result = check_document(doc).steps[-1]
        assert result.status == status, result.message()
    display = r"\mathrm{softmax}(\mathbf{x} - c) = \mathrm{softmax}(\mathbf{x})"
    shifted = check_document(f"{prose}$$\n{display}\n$$\n").steps[-1]
    assert shifted.status == "holds", shifted.message()
    # a matrix is read at (r, c): there c clashes
    outer = check_document(
        f"{prose}$$\nc \\mathbf{{x}} \\mathbf{{x}}^T = \\mathbf{{x}}\\mathbf{{x}}^T\n$$\n"
    )
    assert outer.steps[-1].status == "not checked"


@pytest.mark.parametrize(
    ("rhs", "status"),
    [("x_i (\\delta_{ij} - x_j)", "holds"), ("x_i (\\delta_{ij} + x_j)", "fails")],
)
def test_a_vector_listed_by_its_entries_with_intercal_is_a_variable(rhs: str, status: str) -> None:
    prose = (
        r"Let $\mathbf{x}=\mathrm{softmax}(\mathbf{z})$, where "
        r"$\mathbf{x} = [x_1, x_2, \dots, x_n]^\intercal$. Then" + "\n\n"
    )
    result = check_document(f"{prose}$$\n\\frac{{\\partial x_i}}{{\\partial z_j}} = {rhs}\n$$\n")
    assert result.steps[-1].status == status, result.steps[-1].message()
