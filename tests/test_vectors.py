"""Vector and matrix notation, read entry by entry: every step that holds has a twin that fails."""

from __future__ import annotations

import pytest

from symsoft.errors import InputError
from symsoft.reading.claim.claims import check_claim
from symsoft.reading.document import check_document
from symsoft.reading.judge.names import Unreadable
from symsoft.reading.judge.steps import judge
from symsoft.reading.meaning.table import Meanings
from symsoft.reading.notation.sides import Reader
from symsoft.reading.notation.vectors import entrywise, mismatch


def verdicts(lhs: str, rhs: str) -> set[str]:
    reader = Reader(Meanings.standard())
    cases = judge(reader.expression(lhs), reader.expression(rhs), reader.meanings)
    return {case.verdict.status for case in cases}


HOLDS_AND_TWIN = [
    # (left side, right side that holds, the same with one change: fails)
    (r"\nabla_{\mathbf{o}} L", r"\mathbf{p} - \mathbf{y}", r"\mathbf{p} + \mathbf{y}"),
    (
        r"\frac{\partial L}{\partial \mathbf{o}}",
        r"\mathbf p - \boldsymbol y",
        r"\mathbf y - \mathbf p",
    ),
    (r"[\nabla_{\mathbf o} L]_i", r"p_i - y_i", r"p_i - y_j"),
    (r"\nabla_{\vec{p}} L", r"-\mathbf{y} \oslash \mathbf{p}", r"\mathbf{y} \oslash \mathbf{p}"),
    (
        r"\frac{\partial \mathbf{p}}{\partial \mathbf{o}}",
        r"\operatorname{diag}(\mathbf{p}) - \mathbf{p}\mathbf{p}^T",
        r"\operatorname{diag}(\mathbf{p}) + \mathbf{p}\mathbf{p}^T",
    ),
    (
        r"\nabla^2_{\mathbf{o}} L",
        r"\text{diag}(\mathbf p) - \mathbf p \mathbf p^\top",
        r"\text{diag}(\mathbf p) - 2 \mathbf p \mathbf p^\top",
    ),
    (
        r"\left(\operatorname{diag}(\mathbf p) - \mathbf p \mathbf p^{\top}\right)"
        r" \nabla_{\mathbf p} L",
        r"\mathbf p - \mathbf y",
        r"\mathbf y - \mathbf p",
    ),
    (r"\mathbf{p} \odot \mathbf{y}", r"\operatorname{diag}(\mathbf p)\, \mathbf y", r"I \mathbf y"),
    (r"\mathbf{p} - \mathbf{p}\,(\mathbf{p}^\top \mathbf{1})", "0", r"\mathbf{p}"),
    (r"\mathbf{1}^\top \mathbf{p}", "1", "0"),
    (r"-\boldsymbol{y}^\top \log \mathbf{p}", r"-\sum_k y_k \log p_k", r"-\sum_k p_k \log y_k"),
    (
        r"\exp(\mathbf{o}) \oslash \mathbf{p}",
        r"\left(\sum_k e^{o_k}\right) \mathbf{1}",
        r"\left(e^{o_1}\right) \mathbf{1}",
    ),
    (r"\frac{1}{2} (\mathbf{p} + \mathbf{p})", r"\mathbf{p}", r"2 \mathbf{p}"),
    (
        r"\nabla_{\mathbf o} \left( -\sum_k y_k \log p_k \right)",
        r"\mathbf p - \mathbf y",
        r"\mathbf y - \mathbf p",
    ),
]


@pytest.mark.parametrize(("lhs", "holds", "fails"), HOLDS_AND_TWIN)
def test_a_vector_step_holds_and_its_twin_fails(lhs: str, holds: str, fails: str) -> None:
    assert verdicts(lhs, holds) == {"proved"}
    assert "refuted" in verdicts(lhs, fails)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"\mathbf{p}", "p_{r}"),
        (r"\mathbf{p}\mathbf{p}^T", "((p_{r}) (p_{c}))"),
        (r"\operatorname{diag}(\mathbf{p})", r"(\delta_{rc} p_{r})"),
        (r"\nabla_{\mathbf{o}} L", r"(\frac{\partial L}{\partial o_{r}})"),
        (
            r"\frac{\partial \mathbf p}{\partial \mathbf o}",
            r"(\frac{\partial p_{r}}{\partial o_{c}})",
        ),
    ],
)
def test_translation(text: str, expected: str) -> None:
    translated = entrywise(text)
    assert translated is not None
    assert translated.text.strip("() ") == expected.strip("() ")


@pytest.mark.parametrize(
    "text",
    [
        r"\mathbf p \, \mathbf p",  # a column times a column
        r"\mathbf p + \mathbf p^T",  # a column plus a row
        r"\log \mathbf{p} \odot \mathbf{y}",  # \log of p, or of p ⊙ y?
        r"\log \mathbf{p}^\top \mathbf{y}",
        r"J \mathbf{1}",  # J: a matrix the document names, not a number
        r"\begin{bmatrix} p_1 & p_2 & p_3 \\ p_1 & p_2 & p_3 \end{bmatrix} \mathbf{p}",  # 2×3
        r"\begin{vmatrix} p_1 & 0 \\ 0 & p_2 \end{vmatrix} \mathbf{p}",  # a determinant
        r"\mathbf{p} \circ \mathbf{y}",
        r"\mathbf{p}^2",
        r"\mathbf{p} - y_r",  # r is the entry symsoft reads at
        r"\log \sigma(2 \mathbf{w})",  # σ of a vector: entrywise, or a softmax?
        r"\mathbf{W}^T \mathbf{x}",  # a bold capital is a matrix, not a column
    ],
)
def test_what_has_no_single_reading_is_not_read(text: str) -> None:
    with pytest.raises(Unreadable):
        entrywise(text)


def test_index_notation_is_left_alone() -> None:
    assert entrywise(r"\frac{\partial L}{\partial o_i} = p_i - y_i") is None
    assert entrywise(r"\mathbf{p}_i - y_i") is None


@pytest.mark.parametrize(
    ("lhs", "rhs", "compared"),
    [
        (r"\nabla_{\mathbf o} L", r"\mathbf p - \mathbf y", True),
        (r"\nabla_{\mathbf o} L", "p_i - y_i", False),  # which entry?
        (r"\nabla_{\mathbf o} L", r"\operatorname{diag}(\mathbf p)", False),
        (r"\mathbf{1}^T \mathbf y", r"\sum_k y_k", True),
        (r"\mathbf{p} - \mathbf{p}", "0", True),
    ],
)
def test_both_sides_must_have_one_shape(lhs: str, rhs: str, compared: bool) -> None:
    assert (mismatch(lhs, rhs) is None) is compared


DOCUMENT = r"""
The logits $\mathbf{o}$ go through a softmax, $\mathbf{p} = \mathrm{softmax}(\mathbf{o})$, and the
loss is the cross-entropy with a one-hot target $\mathbf{y}$.

$$\nabla_{\mathbf{o}} L = \left(\operatorname{diag}(\mathbf p) - \mathbf p \mathbf p^\top\right)
\nabla_{\mathbf p} L = \mathbf{p} - \mathbf{y}$$

$$\frac{\partial \mathbf{p}}{\partial \mathbf{o}}
= \operatorname{diag}(\mathbf{p}) + \mathbf{p}\mathbf{p}^\top$$
"""


def test_a_document_in_vector_notation() -> None:
    result = check_document(DOCUMENT)
    statuses = [step.status for step in result.steps if step.status != "definition"]
    assert statuses == ["holds", "holds", "fails"]


CAPITAL = r"""
The softmax is $S_i = \frac{e^{a_i}}{\sum_{k=1}^{N} e^{a_k}}$.

$$\frac{\partial \mathbf{S}}{\partial \mathbf{a}}
= \mathrm{diag}(\mathbf{S}) - \mathbf{S}\mathbf{S}^T$$

$$\frac{\partial \mathbf{S}}{\partial \mathbf{a}}
= \mathbf{S}\mathbf{S}^T - \mathrm{diag}(\mathbf{S})$$

$$\frac{\partial \mathbf{S}}{\partial \mathbf{a}}
= \mathrm{diag}(\mathbf{S}) - \mathbf{S}^T\mathbf{S}$$
"""


def test_a_bold_capital_the_document_defines_entry_by_entry_is_that_vector() -> None:
    steps = [step for step in check_document(CAPITAL).steps if step.status != "definition"]
    assert [step.status for step in steps[:2]] == ["holds", "fails"]
    # S^T S: the outer product only with vectors as rows, and the summary says so
    assert steps[2].summary.startswith("holds with vectors as rows")
    # not defined by the document (the catalogue's S is a convention): may be a matrix
    undefined = check_document(CAPITAL.split("\n", 2)[2]).steps
    assert all(
        step.summary.startswith("not checked: a bold capital S: a matrix? not read")
        for step in undefined
    )
    assert len(undefined) == 3


WRITTEN_OUT = r"""
The logits $\vec{o} = (o_1, o_2, o_3)$ go through a softmax,
$\mathbf{p} = \mathrm{softmax}(\vec{o})$, and the loss is the cross-entropy
with a one-hot target $\mathbf{y}$.

$$\frac{\partial \mathbf{p}}{\partial \vec{o}} = \begin{bmatrix}
p_1(1 - p_1) & -p_1 p_2 & -p_1 p_3 \\
-p_2 p_1 & p_2(1 - p_2) & -p_2 p_3 \\
-p_3 p_1 & -p_3 p_2 & p_3(1 - p_3)
\end{bmatrix}$$

$$\frac{\partial \mathbf{p}}{\partial \vec{o}} = \begin{pmatrix}
p_1(1 - p_1) & -p_1 p_2 & -p_1 p_3 \\
p_2 p_1 & p_2(1 - p_2) & -p_2 p_3 \\
-p_3 p_1 & -p_3 p_2 & p_3(1 - p_3)
\end{pmatrix}$$

$$\begin{bmatrix} p_1 & 0 \\ 0 & p_2 \end{bmatrix}
- \begin{bmatrix} p_1 \\ p_2 \end{bmatrix} \begin{bmatrix} p_1 & p_2 \end{bmatrix}
= \operatorname{diag}(\mathbf{p}) - \mathbf{p}\mathbf{p}^T$$

$$\begin{bmatrix} p_1 & 0 \\ 0 & p_2 \end{bmatrix}
- \begin{bmatrix} p_1 \\ p_2 \end{bmatrix} \begin{bmatrix} p_1 & p_2 \end{bmatrix}
= \operatorname{diag}(\mathbf{p}) + \mathbf{p}\mathbf{p}^T$$
"""


def test_a_matrix_written_out_is_judged_at_its_size_entry_by_entry() -> None:
    steps = [step for step in check_document(WRITTEN_OUT).steps if step.status != "definition"]
    assert [step.status for step in steps] == ["holds", "fails", "holds", "fails"]
    assert steps[0].summary == "holds at N = 3"
    assert "entry (2, 1) at N = 3" in steps[1].summary  # the entry with the wrong sign
    assert "at N = 2" in steps[3].summary


JACOBIAN_WITH_DOTS = r"""\begin{bmatrix}
p_1(1 - p_1) & -p_1 p_2 & \cdots & -p_1 p_N \\
-p_2 p_1 & p_2(1 - p_2) & \cdots & -p_2 p_N \\
\vdots & \vdots & \ddots & \vdots \\
-p_N p_1 & -p_N p_2 & \cdots & p_N(1 - p_N)
\end{bmatrix}"""

DOTS_HOLD_AND_TWIN = [
    # (step that holds, the same with one cell changed, the entry named when it fails)
    (
        r"\frac{\partial \mathbf{p}}{\partial \mathbf{o}} = " + JACOBIAN_WITH_DOTS,
        r"\frac{\partial \mathbf{p}}{\partial \mathbf{o}} = "
        + JACOBIAN_WITH_DOTS.replace(r"-p_N p_2", r"p_N p_2"),
        "entry (3, 2) at N = 3",
    ),
    (
        JACOBIAN_WITH_DOTS + r" = \operatorname{diag}(\mathbf{p}) - \mathbf{p}\mathbf{p}^\top",
        JACOBIAN_WITH_DOTS.replace(r"p_N(1 - p_N)", r"p_N(1 + p_N)")
        + r" = \operatorname{diag}(\mathbf{p}) - \mathbf{p}\mathbf{p}^\top",
        "entry (3, 3) at N = 3",
    ),
    (
        r"\mathbf{p} = \begin{pmatrix} p_1 \\ \vdots \\ p_N \end{pmatrix}",
        r"\mathbf{p} = \begin{pmatrix} p_1 \\ \vdots \\ 1 - p_N \end{pmatrix}",
        "entry 2 at N = 2",
    ),
    (
        r"\nabla_{\mathbf{o}} L = \left[\begin{matrix} p_1 - y_1 \\ p_2 - y_2 \\ \vdots"
        r" \\ p_N - y_N \end{matrix}\right]",
        r"\nabla_{\mathbf{o}} L = \left[\begin{matrix} p_1 - y_1 \\ p_2 - y_2 \\ \vdots"
        r" \\ p_N + y_N \end{matrix}\right]",
        "entry 3 at N = 3",
    ),
    (
        r"\mathbf{p}^\top = \begin{bmatrix} p_1 & p_2 & \dots & p_{N-1} & p_N \end{bmatrix}",
        r"\mathbf{p}^\top = \begin{bmatrix} p_1 & p_2 & \dots & p_{N-1} & p_{N-1} \end{bmatrix}",
        "entry 4 at N = 4",  # one slip: counted from 0, p_1 and p_2 would not fit either
    ),
    (  # a row of dots written short, and one cell whose index slipped (row 2 writes p_1)
        r"\frac{\partial \mathbf{p}}{\partial \mathbf{o}} = "
        + JACOBIAN_WITH_DOTS.replace(r"\vdots & \vdots & \ddots & \vdots", r"\vdots & \ddots"),
        r"\frac{\partial \mathbf{p}}{\partial \mathbf{o}} = "
        + JACOBIAN_WITH_DOTS.replace(
            r"\vdots & \vdots & \ddots & \vdots", r"\vdots & \ddots"
        ).replace(r"\cdots & -p_2 p_N", r"\cdots & -p_1 p_N"),
        "entry (2, 3) at N = 3",
    ),
    (  # three periods for dots, as typed in plain Markdown
        r"\mathbf{p} = \begin{bmatrix} p_1 \\ ... \\ p_N \end{bmatrix}",
        r"\mathbf{p} = \begin{bmatrix} p_1 \\ ... \\ 1 - p_N \end{bmatrix}",
        "entry 2 at N = 2",
    ),
]


@pytest.mark.parametrize(("holds", "fails", "entry"), DOTS_HOLD_AND_TWIN)
def test_a_matrix_with_dots_is_judged_at_the_cells_it_shows(
    holds: str, fails: str, entry: str | None
) -> None:
    prose = (
        "Let $\\mathbf{p} = \\mathrm{softmax}(\\mathbf{o})$, $\\mathbf{y}$ be one-hot and "
        "$L = -\\sum_k y_k \\log p_k$.\n\n"
    )
    good, bad = (check_document(f"{prose}$$\n{step}\n$$\n").steps[-1] for step in (holds, fails))
    assert good.status == "holds" and "entries shown" in good.summary, good.summary
    if entry is None:
        assert bad.status == "not checked" and "position" not in bad.summary, bad.summary
    else:
        assert bad.status == "fails" and entry in bad.summary, bad.summary


@pytest.mark.parametrize(
    ("step", "reason"),
    [
        # counted from 0: row 1 is p_0, and nothing says so to a reader of positions
        (r"\mathbf{p} = \begin{bmatrix} p_0 \\ \vdots \\ p_{N-1} \end{bmatrix}", "from 0"),
        # a middle row between two runs of dots: its index is not its position
        (
            r"\mathbf{p} = \begin{bmatrix} p_1 \\ \vdots \\ p_i \\ \vdots \\ p_N \end{bmatrix}",
            "more than one",
        ),
        # dots that end the vector: which entries come after?
        (r"\mathbf{p} = \begin{bmatrix} p_1 \\ p_2 \\ \vdots \end{bmatrix}", "start or end"),
        # dots inside a row that is written: which entries do they stand for?
        (r"\mathbf{p}^T = \begin{bmatrix} p_1 & p_2 \cdots p_N \end{bmatrix}", "stand for"),
        # a product needs the hidden cells: not guessed
        (r"\mathbf{1}^T \begin{bmatrix} p_1 \\ \vdots \\ p_N \end{bmatrix} = 1", "dots hide"),
        # counted from 0, with one slip besides: still not read as counted from 1
        (r"\mathbf{p} = \begin{bmatrix} p_0 \\ p_0 \\ \vdots \\ p_{N-1} \end{bmatrix}", "from 0"),
        # k is an index, not a size: the last row's index is not its position
        (r"\mathbf{p} = \begin{bmatrix} p_1 \\ \vdots \\ p_k \end{bmatrix}", "the size"),
        # a size written two ways
        (r"\mathbf{p} = \begin{bmatrix} p_1 \\ \vdots \\ p_K \\ p_N \end{bmatrix}", "size"),
    ],
)
def test_a_matrix_with_dots_is_not_guessed(step: str, reason: str) -> None:
    document = f"Let $\\mathbf{{p}} = \\mathrm{{softmax}}(\\mathbf{{o}})$.\n\n$$\n{step}\n$$\n"
    result = check_document(document).steps[-1]
    assert result.status == "not checked" and reason in result.summary, result.summary


@pytest.mark.parametrize(
    ("claim", "status"),
    [
        (r"\nabla_{\mathbf{o}} L = \mathbf{p} - \mathbf{y}", "proved"),
        (r"\nabla_{\mathbf{o}} L = \mathbf{p} + \mathbf{y}", "refuted"),
        (
            r"\frac{\partial \mathbf p}{\partial \mathbf o}"
            r" = \text{diag}(\mathbf p) - \mathbf p \mathbf p^T",
            "proved",
        ),
        (
            r"\frac{\partial \mathbf p}{\partial \mathbf o}"
            r" = \text{diag}(\mathbf p) + \mathbf p \mathbf p^T",
            "refuted",
        ),
    ],
)
def test_a_claim_in_vector_notation_is_checked_at_an_entry(claim: str, status: str) -> None:
    assert check_claim(claim, assume=["one-hot"]).status == status


@pytest.mark.parametrize(
    ("claim", "status"),
    [  # the claim language's S = softmax(a), p = softmax(o), y written without an index
        (r"\frac{\partial S}{\partial a} = \operatorname{diag}(S) - S S^T", "proved"),
        (r"\frac{\partial S}{\partial a} = \operatorname{diag}(S) + S S^T", "refuted"),
        (r"\frac{\partial p}{\partial o} = \text{diag}(p) - p p^\top", "proved"),
        (r"\frac{\partial p}{\partial o} = \text{diag}(p) - p^\top p", "input error"),
        (r"\frac{\partial L}{\partial o} = p - y", "proved"),
        (r"\frac{\partial L}{\partial o} = y - p", "refuted"),
        (r"\nabla_o L = p - y", "proved"),
        (r"\nabla_o L = p - y_i", "input error"),  # the vector, or its entry?
    ],
)
def test_a_claim_writes_the_catalogue_vectors_without_indices(claim: str, status: str) -> None:
    if status == "input error":
        with pytest.raises(InputError):
            check_claim(claim)
        return
    result = check_claim(claim, assume=["one-hot"])
    assert result.status == status, result.summary
    if status == "refuted":
        assert result.counterexample is not None


@pytest.mark.parametrize(
    "claim",
    [
        r"\nabla_{\mathbf{o}} L = p_i - y_i",  # which entry?
        r"\nabla_{\mathbf{o}} L = \mathbf{p} - \mathbf{y}_i",
    ],
)
def test_a_vector_claim_without_one_reading_is_an_input_error(claim: str) -> None:
    with pytest.raises(InputError):
        check_claim(claim)


def test_an_accented_bold_vector_is_its_entries() -> None:
    document = r"""The prediction is $\hat{y}_i = \frac{e^{o_i}}{\sum_k e^{o_k}}$ and the loss is
the cross-entropy $L = -\sum_k y_k \log \hat{y}_k$ with a one-hot target $\mathbf y$.

$$\nabla_{\mathbf o} L = \hat{\mathbf{y}} - \mathbf{y}$$

$$\nabla_{\mathbf o} L = \mathbf{y} - \hat{\mathbf{y}}$$
"""
    assert [step.status for step in check_document(document).steps] == ["holds", "fails"]


def test_a_flag_on_a_jacobian_must_hold_in_either_layout() -> None:
    document = r"""Let $q_i = \log p_i$ with $\mathbf{p} = \mathrm{softmax}(\mathbf{o})$.

$$\frac{\partial \mathbf{q}}{\partial \mathbf{o}} = I - \mathbf{1}\mathbf{p}^T$$

$$\frac{\partial \mathbf{q}}{\partial \mathbf{o}} = I - \mathbf{p}\mathbf{1}^T$$

$$\frac{\partial \mathbf{q}}{\partial \mathbf{o}} = I + \mathbf{p}\mathbf{1}^T$$
"""
    numerator, denominator, wrong = check_document(document).steps
    assert numerator.status == "holds"
    assert denominator.status == "not checked" and "rows the variable" in denominator.summary
    assert wrong.status == "fails"


def test_a_flag_must_hold_with_vectors_as_rows_too() -> None:
    document = r"""Let $\mathbf{p} = \mathrm{softmax}(\mathbf{o})$ and $\mathbf{y}$ the target.

$$\mathbf{y}\mathbf{p}^T = \mathbf{p}\mathbf{y}^T$$

$$\mathbf{y}\mathbf{p}^T = \mathbf{p}\mathbf{y}^T + \mathbf{1}\mathbf{1}^T$$
"""
    rows, wrong = check_document(document).steps
    assert rows.status == "not checked" and "vectors as rows" in rows.summary
    assert wrong.status == "fails"


LOGISTIC = r"""For features $\mathbf{x}$ and a label $y \in \{0, 1\}$:

$$z = \mathbf{w}^\top \mathbf{x} + b$$

$$\hat{y} = \sigma(z)$$

$$L = -\left[y \log \hat{y} + (1 - y)\log(1 - \hat{y})\right]$$

$$\nabla_{\mathbf{w}} L = \frac{\partial L}{\partial z}\,\mathbf{x} = (\hat{y} - y)\,\mathbf{x}$$

$$\nabla_{\mathbf{w}} L = \frac{\partial L}{\partial z}\,\mathbf{x} = (y - \hat{y})\,\mathbf{x}$$

$$\nabla_{\mathbf{w}} L = \frac{\partial L}{\partial W}\,\mathbf{x}$$
"""


def test_a_scalar_derivative_beside_a_vector_is_a_number() -> None:
    steps = [s for s in check_document(LOGISTIC).steps if s.status != "definition"]
    assert [s.status for s in steps] == ["holds", "holds", "holds", "fails", "not checked"]
    assert "beside a vector" in steps[-1].summary  # ∂L/∂W may be a matrix: not read


ENTRY_BEFORE_ARGUMENT = r"""The layer returns $y_i(x) = \frac{\exp(x_i)}{\sum_j \exp(x_j)}$.

For $i = k$:

$$ \partial y_i / \partial x_k = \frac{\exp(x_i)}{\sum_j \exp(x_j)}
\cdot \frac{\sum_j \exp(x_j) - \exp(x_i)}{\sum_j \exp(x_j)} = y_i (1 - y_i) $$

For $i \neq k$:

$$ \partial y_i / \partial x_k = - y_i y_k $$
"""


@pytest.mark.parametrize(
    ("change", "statuses"),
    [
        (None, ["holds when i = k", "holds", "holds when i ≠ k"]),
        (("y_i (1 - y_i)", "y_i (1 + y_i)"), ["holds when i = k", "fails"]),
        (("- y_i y_k", "y_i y_k"), ["fails when i ≠ k"]),
    ],
)
def test_an_entry_written_before_its_argument_is_the_function(
    change: tuple[str, str] | None, statuses: list[str]
) -> None:
    """``y_i(x) = …`` defines y as a function of the vector x: y is never a free letter (which
    flagged correct steps at a made-up y), and a wrong entry is refuted."""
    document = ENTRY_BEFORE_ARGUMENT if change is None else ENTRY_BEFORE_ARGUMENT.replace(*change)
    steps = [step for step in check_document(document).steps if step.status != "definition"]
    summaries = [step.summary.split(":")[0] for step in steps]
    assert all(any(s.startswith(w) for s in summaries) for w in statuses), summaries
    if change is None:
        assert all(step.status == "holds" for step in steps), summaries


# The family: binary cross-entropy with logits, the target a number in [0, 1] said in words.

BCE_WITH_LOGITS = r"""Let $0 \leq p \leq 1$ be the target, and

\begin{align}
L(u) &= -p \log(\sigma(u)) - (1-p)\log(1 - \sigma(u)) \\
&= -p\log(\frac{e^u}{1+e^u}) - (1-p) \log(\frac{1}{1+e^u}) \\
&= -p u + \log(1 + e^u)
\end{align}

so that

$$ L'(u) = \sigma(u) - p $$
"""


@pytest.mark.parametrize(
    ("change", "statuses"),
    [
        (None, ["definition", "holds", "holds", "holds"]),
        (
            (r"-p\log(\frac{e^u}{1+e^u})", r"-p\log(\frac{1}{1+e^u})"),
            ["definition", "fails", "fails", "holds"],
        ),
        ((r"\log(1 + e^u)", r"\log(1 + e^{-u})"), ["definition", "holds", "fails", "holds"]),
        ((r"\sigma(u) - p $$", r"p - \sigma(u) $$"), ["definition", "holds", "holds", "fails"]),
    ],
)
def test_a_bce_with_logits_derivation_holds_and_its_twins_fail(
    change: tuple[str, str] | None, statuses: list[str]
) -> None:
    """ "Let $0 \\leq p \\leq 1$" makes p a number (not the softmax p), and the logarithms of
    σ(u) and 1 − σ(u) are split into log(1 + e^u) and u, so the step is proved, not undecided."""
    document = BCE_WITH_LOGITS if change is None else BCE_WITH_LOGITS.replace(*change)
    steps = check_document(document).steps
    assert [step.status for step in steps] == statuses, [s.summary[:80] for s in steps]


ROW_VECTORS = r"""Vectors are rows here: $\mathbf s = \mathrm{softmax}(\mathbf x)$ is a row vector.

$$
\mathbf J_{\mathbf x}(\mathbf s) = \text{diag}(\mathbf s) - \mathbf s^\top \mathbf s
$$
"""


@pytest.mark.parametrize(
    ("change", "status"),
    [
        (None, "holds"),
        ((r"- \mathbf s^\top \mathbf s", r"+ \mathbf s^\top \mathbf s"), "fails"),
        ((r"\text{diag}(\mathbf s)", r"2\,\text{diag}(\mathbf s)"), "holds only"),
    ],
)
def test_a_step_that_fits_only_with_row_vectors_is_judged_with_them(
    change: tuple[str, str] | None, status: str
) -> None:
    """``J_{\\mathbf x}(\\mathbf s)`` is the Jacobian; ``\\mathbf s^\\top \\mathbf s`` beside a
    matrix is an outer product only when vectors are rows, so the step is judged so and says it."""
    document = ROW_VECTORS if change is None else ROW_VECTORS.replace(*change)
    (step,) = check_document(document).steps
    assert step.summary.startswith(status) and (status == "holds") != step.flagged, step.summary
    assert "with vectors as rows" in step.summary and "sizes do not match" in step.summary


def test_a_step_that_fits_in_no_reading_is_not_checked() -> None:
    document = ROW_VECTORS.replace(r"\mathbf s^\top \mathbf s", r"\mathbf s")
    (step,) = check_document(document).steps
    assert step.status == "not checked" and "sizes do not match" in step.summary, step.summary


@pytest.mark.parametrize(
    ("step", "status"),
    [
        (r"-\sum_{i=1}^n y_i \log s_i = -\mathbf y \log \mathbf s^\top", "holds"),
        (r"-\sum_{i=1}^n y_i \log s_i = -\mathbf s \log \mathbf y^\top", "fails"),
        (r"-\sum_{i=1}^n y_i \log s_i = \mathbf y \log \mathbf s^\top", "fails"),
    ],
)
def test_a_dot_product_of_rows_with_a_logarithm(step: str, status: str) -> None:
    """``\\log \\mathbf s^\\top`` is ``(\\log \\mathbf s)^\\top`` (the transpose of an entrywise
    function either way); ``\\mathbf y \\log \\mathbf s^\\top`` is a number only with rows."""
    document = ROW_VECTORS.split("$$")[0] + f"$$\n{step}\n$$\n"
    (result,) = check_document(document).steps
    assert result.summary.startswith(status), result.summary
    assert "with vectors as rows" in result.summary


@pytest.mark.parametrize(
    ("step", "status"),
    [
        (r"\text{tanh}(x) = \frac{e^{2x}-1}{e^{2x}+1}", "holds"),
        (r"\text{tanh}(x) = \frac{e^{2x}+1}{e^{2x}-1}", "fails"),
        (r"2 \text{sigmoid}(2x) - 1 = \mathrm{tanh}(x)", "holds"),
        (r"2 \text{sigmoid}(x) - 1 = \mathrm{tanh}(x)", "fails"),  # the 2 of 2x dropped
        (r"\operatorname{sigmoid}'(x) = \text{sigmoid}(x)(1 - \text{sigmoid}(x))", "holds"),
        (r"\operatorname{sigmoid}'(x) = \text{sigmoid}(x)(1 + \text{sigmoid}(x))", "fails"),
    ],
)
def test_tanh_and_sigmoid_written_as_words(step: str, status: str) -> None:
    (result,) = check_document(f"For a number $x$:\n\n$$\n{step}\n$$\n").steps
    assert result.status == status, result.summary


def test_sigmoid_as_a_word_is_not_the_documents_own_sigma() -> None:
    document = (
        r"Here $\sigma(\mathbf z)_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$ is the softmax."
        "\n\n$$\n\\text{sigmoid}(x) = \\frac{1}{1 + e^{-x}}\n$$\n"
    )
    (result,) = check_document(document).steps
    assert result.status == "not checked", result.summary


def test_a_target_in_the_unit_interval_is_refuted_inside_it() -> None:
    """ "Let $0 \\leq p \\leq 1$": a flag's witness keeps p in [0, 1] (an end of it), never p = 7/2;
    a step that holds at both ends is not called true for the values between."""
    wrong = BCE_WITH_LOGITS.replace(r"\sigma(u) - p $$", r"p - \sigma(u) $$")
    step = check_document(wrong).steps[-1]
    assert step.status == "fails" and ("at p = 0" in step.summary or "at p = 1" in step.summary)
    squared = BCE_WITH_LOGITS.replace(r"\sigma(u) - p $$", r"\sigma(u) - p^2 $$")
    step = check_document(squared).steps[-1]  # equal at p = 0 and p = 1, not at p = 1/2
    assert step.status == "not checked" and "ambiguous" in step.summary, step.summary


@pytest.mark.parametrize(
    ("lhs", "status"),
    [
        (r"\frac{\mathrm{d}\mathbf{p}}{\mathrm{d}\mathbf{o}}", "holds"),
        (r"\frac{d\mathbf{p}}{d\mathbf{o}}", "holds"),
        (r"\frac{dL}{d\mathbf{o}}", "not checked"),  # a vector beside a matrix
    ],
)
def test_a_jacobian_written_with_a_roman_d(lhs: str, status: str) -> None:
    prose = r"Let $\mathbf{p} = \mathrm{softmax}(\mathbf{o})$." + "\n\n"
    right = r"\operatorname{diag}(\mathbf{p}) - \mathbf{p}\mathbf{p}^\top"
    good = check_document(f"{prose}$$\n{lhs} = {right}\n$$\n").steps[-1]
    assert good.status == status, good.summary
    if status == "holds":
        bad = check_document(f"{prose}$$\n{lhs} = {right.replace('-', '+')}\n$$\n").steps[-1]
        assert bad.status == "fails", bad.summary


ROWS_SAID = (
    "Let $\\mathbf s = \\mathrm{softmax}(\\mathbf z)$.WORDS\n\n"
    "$$\\frac{\\partial \\mathbf s}{\\partial \\mathbf z} = "
    "\\operatorname{diag}(\\mathbf s) - RHS$$\n"
)


def test_a_step_that_holds_only_as_columns_is_not_taken_when_the_text_says_rows():
    said = ROWS_SAID.replace("WORDS", " We use row vectors throughout.")
    (columns,) = check_document(said.replace("RHS", "\\mathbf s \\mathbf s^\\top")).steps
    assert columns.status == "not checked" and "says its vectors are rows" in columns.summary
    (rows,) = check_document(said.replace("RHS", "\\mathbf s^\\top \\mathbf s")).steps
    assert rows.status == "holds"
    # without the sentence, the column reading is the default and the step holds
    (plain,) = check_document(
        ROWS_SAID.replace("WORDS", "").replace("RHS", "\\mathbf s \\mathbf s^\\top")
    ).steps
    assert plain.status == "holds"
    # a wrong entry is still refuted in the reading the text states
    (wrong,) = check_document(said.replace("RHS", "2 \\mathbf s^\\top \\mathbf s")).steps
    assert wrong.flagged


@pytest.mark.parametrize(
    ("written", "status"),
    [
        (r"-pu + \log(1 + e^u)", "holds"),  # p and u are names on their own: a product
        (r"-up + \log(1 + e^u)", "holds"),
        (r"pu + \log(1 + e^u)", "fails"),  # the sign of the product dropped
        (r"-pu + \log(1 + e^{-u})", "fails"),
    ],
)
def test_two_letters_that_are_both_names_are_a_product(written: str, status: str) -> None:
    document = BCE_WITH_LOGITS.replace(r"-p u + \log(1 + e^u)", written)
    step = check_document(document).steps[2]
    assert step.status == status, step.summary


def test_two_letters_not_both_names_stay_ambiguous() -> None:
    """``pw``: the document never writes w alone, so it may be one name."""
    document = BCE_WITH_LOGITS.replace(r"-p u + \log(1 + e^u)", r"-pw + \log(1 + e^u)")
    step = check_document(document).steps[2]
    assert step.status == "not checked" and "one name or a product" in step.summary


@pytest.mark.parametrize(
    ("right", "status"), [(r"\sigma(u) - p", "holds"), (r"p - \sigma(u)", "fails")]
)
def test_a_colon_announces_a_display_written_mid_line(right: str, status: str) -> None:
    """math.SE writes ``$$…$$`` inside sentences: after a colon it is the derivation's display."""
    document = BCE_WITH_LOGITS.replace(
        "so that\n\n$$ L'(u) = \\sigma(u) - p $$\n",
        f"It is now easy to take the derivative of $$L$$: $$L'(u) = {right}.$$ Nice.\n",
    )
    step = check_document(document).steps[-1]
    assert step.status == status, step.summary
    # without the colon the $$…$$ is math in a sentence (kramdown), not a step
    inline = document.replace("$$L$$: $$", "$$L$$ is $$")
    assert len(check_document(inline).steps) == 3


STAN_CASES = (
    "For the softmax of a vector $y$, the entries of the Jacobian are\n\n"
    r"$$ \frac{\partial}{\partial y_m} \mbox{softmax}(y)[k] = \left\{ \begin{array}{ll} "
    r"\mbox{softmax}(y)[k](1 - \mbox{softmax}(y)[m]) & \mbox{ if } m = k, \mbox{ and} \\[6pt] "
    r"SECOND & \mbox{ if } m \neq k. \end{array} \right. $$"
    "\n"
)


@pytest.mark.parametrize(
    ("second", "status"),
    [
        (r"-\mbox{softmax}(y)[k]\,\mbox{softmax}(y)[m]", "holds"),
        (r"\mbox{softmax}(y)[m]", "fails"),  # Stan's docs: the sign and a factor dropped
        (r"-\mbox{softmax}(y)[k]\,\mbox{softmax}(y)[k]", "fails"),  # the wrong entry
    ],
)
def test_an_entry_written_in_brackets_after_a_named_call(second: str, status: str) -> None:
    first, other = check_document(STAN_CASES.replace("SECOND", second)).steps
    assert first.status == "holds", first.summary
    assert other.status == status, other.summary
    if status == "fails":
        assert other.summary == "fails when k ≠ m"
        (case,) = other.cases
        assert "m = 2" in case.where


@pytest.mark.parametrize(
    ("rhs", "status"),
    [
        (r"\operatorname{diag}(\mathbf y) - \mathbf y \times \mathbf y^T", "holds"),
        (r"\operatorname{diag}(\mathbf y) - 2 \mathbf{y} \times \mathbf{y}^\top", "fails"),
        (r"\operatorname{diag}(\mathbf y) + \mathbf y \times \mathbf y^T", "fails"),
        (r"\operatorname{diag}(\mathbf y) - \mathbf y \times \mathbf y", "not checked"),
    ],
)
def test_times_beside_a_transposed_vector_is_the_matrix_product(rhs: str, status: str) -> None:
    """w32zhong's ``y \\times y^T``: a cross product has no transpose; without one, \\times
    between vectors stays unread."""
    document = (
        r"Let $y_i = \frac{\exp(x_i)}{\sum_j \exp(x_j)}$."
        f"\n\n$$ J_{{\\mathbf x}}(\\mathbf y) = {rhs} $$\n"
    )
    (step,) = check_document(document).steps
    assert step.status == status, step.summary


def test_a_dotted_matrix_beside_times_a_transpose_is_refuted_at_its_entry() -> None:
    matrix = (
        r"\begin{bmatrix} y_1 - y_1 y_1 & - y_1 y_2 & ... & - y_1 y_n \\ "
        r"ROW2 \\ \vdots & \ddots \\ - y_n y_1 & - y_n y_2 & ... & y_n - y_n y_n \end{bmatrix}"
    )
    good = matrix.replace("ROW2", r"- y_2 y_1 & y_2 - y_2 y_2 & ... & - y_2 y_n")
    bad = matrix.replace("ROW2", r"y_2 y_1 & y_2 - y_2 y_2 & ... & - y_2 y_n")  # sign dropped
    prose = r"Let $y_i = \frac{\exp(x_i)}{\sum_j \exp(x_j)}$." + "\n\n"
    right = r"\operatorname{diag}(\mathbf y) - \mathbf y \times \mathbf y^T"
    (holds,) = check_document(f"{prose}$$ {good} = {right} $$\n").steps
    assert holds.status == "holds", holds.summary
    (fails,) = check_document(f"{prose}$$ {bad} = {right} $$\n").steps
    assert fails.status == "fails" and "entry (2, 1)" in fails.summary, fails.summary


PLAIN_LETTERS = r"Let $y_i = \frac{\exp(x_i)}{\sum_j \exp(x_j)}$." + "\n\n$$ LHS = RHS $$\n"


@pytest.mark.parametrize(
    ("lhs", "rhs", "status"),
    [
        (r"J_x y", r"\operatorname{diag}(y) - y y^T", "holds"),
        (r"J_x y", r"\operatorname{diag}(y) + y y^T", "fails"),
        (r"J_{x} y", r"\text{diag}(y) - y y^\top", "holds"),
        (r"J_{x} y", r"\text{diag}(y) - y y^\top y", "not checked"),  # sizes do not match
        (r"\operatorname{diag}(y) - y y^T", r"J_x y", "holds"),
        (r"\operatorname{diag}(y) - y y^T", r"J_x y - y", "not checked"),  # a vector beside
    ],
)
def test_plain_letters_that_the_step_transposes_are_vectors(
    lhs: str, rhs: str, status: str
) -> None:
    """w32zhong's docs: ``y_i`` defined, then ``J_x y = \\operatorname{diag}(y) - y y^T``."""
    document = PLAIN_LETTERS.replace("LHS", lhs).replace("RHS", rhs)
    (step,) = check_document(document).steps
    assert step.status == status, step.summary


def test_a_plain_letter_without_a_vector_mark_stays_unread() -> None:
    """No transpose, no diag, no J: ``y`` beside ``y_i`` may be anything."""
    document = PLAIN_LETTERS.replace("LHS", r"\frac{\partial y}{\partial x}").replace("RHS", "y")
    (step,) = check_document(document).steps
    assert step.status == "not checked", step.summary


def test_a_transpose_by_t_is_not_a_vector_mark_when_t_is_a_temperature() -> None:
    document = PLAIN_LETTERS.replace("LHS", r"y^T").replace("RHS", r"\frac{y}{T}")
    (step,) = check_document(document).steps
    assert step.status == "not checked", step.summary


def test_a_case_or_a_value_after_a_colon_stays_in_its_sentence() -> None:
    """``the case: $$i = k$$``, ``two classes: $$N = 2$$``: said in the sentence, not steps (as
    steps, N = 2 would fail and the derivative would lose its case)."""
    document = (
        r"Let $$p_i = \frac{e^{o_i}}{\sum_k e^{o_k}}$$." + "\n\n"
        r"For two classes: $$N = 2$$. We take the case: $$i = k$$. The derivative is: "
        r"$$\frac{\partial p_i}{\partial o_k} = p_i(1 - p_i)$$" + "\n"
    )
    (step,) = check_document(document).steps
    assert step.status == "holds" and step.summary == "holds when i = k", step.summary
    (wrong,) = check_document(document.replace("(1 - p_i)", "(1 + p_i)")).steps
    assert wrong.status == "fails", wrong.summary
