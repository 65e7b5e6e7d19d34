"""Notation met in a held-out round of real posts in vector notation: each rule has a step that
must hold and a plausible slip that must be flagged (or, where the notation has no single
reading, a precise reason instead of a verdict)."""

from __future__ import annotations

import pytest

from symsoft.reading.claim.claims import check_claim
from symsoft.reading.document import check_document

LOGISTIC_WITH_WEIGHTS = r"""
Logistic regression on one example: $z = w^T x + b$ and $\hat{y} = \sigma(z)$, with
$\sigma(z) = \frac{1}{1 + e^{-z}}$ and the loss

$$L = -y \log \hat{y} - (1 - y) \log(1 - \hat{y})$$

$$\frac{\partial L}{\partial w} = (\hat{y} - y) x$$

$$\frac{\partial L}{\partial w} = (y - \hat{y}) x$$

$$\frac{\partial L}{\partial z} = \hat{y} - y$$

$$\frac{\partial L}{\partial z} = y - \hat{y}$$
"""


def statuses(text: str) -> list[str]:
    return [step.status for step in check_document(text).steps]


def test_a_superscript_t_on_a_plain_letter_is_a_transpose_never_a_power() -> None:
    """``w^T x`` is a dot product: read as w to the power of a temperature T it gave a
    counterexample "T = 5/3" against a correct gradient. w and x are then vectors (bold)."""
    steps = check_document(LOGISTIC_WITH_WEIGHTS).steps
    by_line = {step.line: step for step in steps}
    # the gradient by w holds, its sign slip fails, at a point of w and x, never of a T
    assert (by_line[7].status, by_line[9].status) == ("holds", "fails")
    message = by_line[9].message()
    assert "T =" not in message and "counterexample w = (" in message
    z_definition = check_document("$$z = w^T x + b$$\n").steps[0]
    assert z_definition.status == "definition"
    # beside a temperature T, ^T is not taken for a transpose, and never for a power
    beside = check_document("With $q = e^{x/T}$:\n\n$$z = w^T x + b$$\n").steps[-1]
    assert "transpose" in beside.summary and "not read as a power" in beside.summary
    # the gradient by z does not need w: it holds, and its sign slip fails
    assert (by_line[11].status, by_line[13].status) == ("holds", "fails")


def test_a_power_of_a_plain_letter_is_still_a_power() -> None:
    text = "Let $f(w) = w^3$.\n\n$$f'(w) = 3 w^2$$\n\n$$f'(w) = 2 w^2$$\n"
    assert statuses(text)[-2:] == ["holds", "fails"]


ONE_HOT_RESPONSE = r"""
Our response $y$ has $K$ entries. We use a one-hot encoding for the response, so each $y$ has
a single entry equal to $1$. The model outputs $p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}$ and the
loss is $L = -\sum_k y_k \log p_k$.

$$\frac{\partial L}{\partial z_i} = p_i \sum_k y_k - y_i = p_i - y_i$$
"""


def test_a_one_hot_response_is_the_hypothesis_on_the_targets() -> None:
    """ "response" is the statistician's word for the labels."""
    last = check_document(ONE_HOT_RESPONSE).steps[-1]
    assert last.status == "holds" and last.hypothesis_stated and not last.flagged


def test_a_response_not_said_to_be_one_hot_needs_the_hypothesis() -> None:
    text = ONE_HOT_RESPONSE.replace(
        "We use a one-hot encoding for the response", "The response is not a one-hot encoding"
    )
    last = check_document(text).steps[-1]
    assert last.flagged and "does not state" in last.summary


LOGISTIC = r"""
The logistic function is $\sigma(z) = \frac{1}{1 + e^{-z}}$.

$$\frac{d\sigma}{dz} = \sigma(z)(1 - \sigma(z))$$

$$\frac{d\sigma}{dz} = \sigma(z)(1 + \sigma(z))$$

$$\frac{d^2\sigma}{dz^2} = \sigma(z)(1 - \sigma(z))(1 - 2\sigma(z))$$

$$\frac{\partial \sigma}{\partial z} = \sigma(z) \sigma(-z)$$

$$\frac{\partial \sigma}{\partial z} = \sigma(z)^2$$
"""


def test_the_logistic_sigma_without_its_argument_is_differentiated_by_the_variable() -> None:
    assert statuses(LOGISTIC) == ["holds", "fails", "holds", "holds", "fails"]


def test_a_sigma_the_document_makes_a_softmax_is_not_the_logistic_function() -> None:
    text = (
        "The softmax is $\\sigma_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\n"
        "$$\\frac{d\\sigma}{dz} = \\sigma(z)(1 - \\sigma(z))$$\n"
    )
    assert statuses(text) == ["not checked"]


@pytest.mark.parametrize(
    ("claim", "summary"),
    [
        (r"-y_1(1 - p_1) + \sum_{k \neq 1} y_k p_1 = p_1 \sum_k y_k - y_1", "holds"),
        (r"-y_1(1 - p_1) + \sum_{k \neq 1} y_k p_1 = p_1 \sum_k y_k + y_1", "fails"),
        (r"-y_1(1 - p_1) - \sum_{k \neq 1} y_k p_1 = p_1 \sum_k y_k - y_1", "fails"),
    ],
)
def test_a_sum_that_leaves_out_a_numbered_term(claim: str, summary: str) -> None:
    assert check_claim(claim).summary == summary


ROW_PRODUCT = r"""
Let $p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}$ and let the targets $y$ be one-hot, $K$ classes.

$$\begin{pmatrix} - y_1 (1-p_1) + \sum_{k \neq 1} y_k p_1 & \dots & - y_K (1-p_K) + \sum_{k \neq K} y_k p_K \end{pmatrix} = \begin{pmatrix} - y_1 + p_1 \sum_{k=1}^K y_k & \dots & - y_K + p_K \sum_{k=1}^K y_k \end{pmatrix}$$

$$\begin{pmatrix} - y_1 (1-p_1) + \sum_{k \neq 1} y_k p_1 & \dots & - y_K (1-p_K) + \sum_{k \neq K} y_k p_K \end{pmatrix} = \begin{pmatrix} - y_1 + p_1 \sum_{k=1}^K y_k & \dots & y_K + p_K \sum_{k=1}^K y_k \end{pmatrix}$$
"""  # noqa: E501


def test_a_row_with_dots_whose_cells_leave_out_their_own_term() -> None:
    """The last cell writes ``\\sum_{k \\neq K}``: at each size K is a number."""
    steps = check_document(ROW_PRODUCT).steps
    assert [step.status for step in steps] == ["holds", "fails"]
    assert "entries shown" in steps[0].summary


@pytest.mark.parametrize(
    ("claim", "summary"),
    [
        (r"Softmax(z)_i = \frac{e^{z_i}}{\sum_k e^{z_k}}", "holds"),
        (r"Softmax(z)_i = \frac{e^{z_i}}{\sum_k e^{z_k}} - 1", "fails"),
        (r"1 - Softmax(z)_i = \frac{\sum_k e^{z_k} - e^{z_i}}{\sum_k e^{z_k}}", "holds"),
        (r"1 - Softmax(z)_i = \frac{\sum_k e^{z_k} + e^{z_i}}{\sum_k e^{z_k}}", "fails"),
    ],
)
def test_softmax_written_as_a_plain_capitalised_word(claim: str, summary: str) -> None:
    assert check_claim(claim).summary == summary


def test_softmax_of_a_vector_without_an_entry_index_says_why_it_is_not_read() -> None:
    text = "The loss is $L = -\\log(Softmax(z)_1)$.\n\n$$L = -\\log(Softmax(z))$$\n"
    (step,) = check_document(text).steps
    assert step.status == "not checked"
    assert "softmax(…) without an entry index is a vector" in step.summary


def test_sigma_differentiated_by_a_letter_it_is_never_applied_to_is_not_guessed() -> None:
    """``\\frac{d\\sigma}{dw}`` beside ``\\sigma(z)``, z = wx: σ(z(w)), not σ'(w)."""
    text = (
        "The logistic function is $\\sigma(z) = \\frac{1}{1 + e^{-z}}$ with $z = w x$.\n\n"
        "$$\\frac{d\\sigma}{dw} = \\sigma(z)(1 - \\sigma(z)) x$$\n"
    )
    (step,) = check_document(text).steps
    assert step.status == "not checked" and not step.flagged


LATER_SECTION = r"""
## 1. The softmax

With scores $\theta$, let $p_i = \frac{e^{\theta_i}}{\sum_{k=1}^{N} e^{\theta_k}}$.

$$\frac{\partial p_i}{\partial \theta_i} = p_i (1 - p_i)$$

$$\frac{\partial p_i}{\partial \theta_i} = p_i (1 + p_i)$$

## 2. A network

$$\theta = Uh + b_2$$

$$\frac{\partial p_i}{\partial \theta_i} = p_i (1 - p_i)$$
"""


def test_a_definition_not_read_governs_only_its_own_section_and_after() -> None:
    """``\\theta = Uh + b_2`` (not read) in section 2 leaves θ free in section 1: the step there
    holds and its slip fails; in section 2 the same step is not judged."""
    steps = check_document(LATER_SECTION).steps
    by_line = {step.line: step for step in steps}
    assert (by_line[6].status, by_line[8].status) == ("holds", "fails")
    assert by_line[14].status == "not checked"
    assert "theta is defined at line 12" in by_line[14].summary


def test_a_definition_not_read_after_its_use_in_the_same_section_still_governs_it() -> None:
    """ "where θ = Uh + b_2" after the step, in the same section: θ may be meant as defined,
    so the step is not judged, right or wrong."""
    text = LATER_SECTION.replace("## 2. A network", "Here the scores come from a network,")
    by_line = {step.line: step for step in check_document(text).steps}
    for line in (6, 8):
        assert by_line[line].status == "not checked"
        assert "theta is defined at line 12" in by_line[line].summary


def test_a_step_before_a_later_section_that_uses_a_name_defined_only_later_is_not_judged() -> None:
    """The step uses p, defined only after it: p may be meant with θ as the later section
    defines it, so θ is not left free there."""
    text = LATER_SECTION.replace(
        "With scores $\\theta$, let $p_i = \\frac{e^{\\theta_i}}{\\sum_{k=1}^{N} e^{\\theta_k}}$.",
        "With scores $\\theta$:",
    ).replace(
        "## 2. A network",
        "where $p_i = \\frac{e^{\\theta_i}}{\\sum_{k=1}^{N} e^{\\theta_k}}$.\n\n## 2. A network",
    )
    by_line = {step.line: step for step in check_document(text).steps}
    assert by_line[8].status == "not checked" and not by_line[8].flagged


def test_a_step_whose_names_are_defined_by_a_name_defined_later_is_not_judged() -> None:
    """J is defined before the step, but by y, which the text defines only later (as a
    softmax of θ): J may be meant with that y, so θ is not left free for ∂J/∂θ_i."""
    text = r"""
## 1. The loss

The loss is $J = -\sum_k y_k \log \hat{y}_k$ with $\hat{y}_k = \frac{e^{x_k}}{\sum_j e^{x_j}}$.

$$\frac{\partial J}{\partial \theta_i} = 0$$

Later we take $y_i = \frac{e^{\theta_i}}{\sum_k e^{\theta_k}}$.

## 2. A network

$$\theta = Uh + b_2$$
"""
    first = check_document(text).steps[0]
    assert first.status == "not checked" and not first.flagged
    assert "theta is defined at line 12" in first.summary


ENTRY_OF_EXP = r"""
We write the softmax as $\sigma$:
$$
\sigma(\mathbf{z})_{j} = \frac{\exp (\mathbf{z})_{j}}{\sum_{k=1}^{Q} \exp (z_{k})}
$$
where $Q$ is the number of classes. When $i = j$:
$$
\begin{align*}
\frac{\partial \sigma(\mathbf{z})_{j}}{\partial z_{i}} &=
\frac{\exp(\mathbf{z})_{j}(\sum_{k=1}^{Q}\exp(z_k)) - SQUARE}
{(\sum_{k=1}^{Q}\exp(z_k))^{2}} \\
&= \sigma(\mathbf{z})_j (1 - \sigma(\mathbf{z})_j)
\end{align*}
$$
When $i \neq j$:
$$
\frac{\partial \sigma(\mathbf{z})_{j}}{\partial z_{i}} = - \frac{\exp(\mathbf{z})_{j} OTHER}
{(\sum_{k=1}^{Q}\exp(z_k))^{2}}
$$
"""


@pytest.mark.parametrize(
    ("square", "other", "verdicts"),
    [
        (
            r"\exp(\mathbf{z})_{j}^{2}",
            r"\exp(\mathbf{z})_i",
            ["holds when i = j", "holds", "holds when i ≠ j"],
        ),
        (
            r"\exp(\mathbf{z})_{j}",
            r"\exp(\mathbf{z})_i",
            ["fails when i = j", "fails", "holds when i ≠ j"],
        ),
        (
            r"\exp(\mathbf{z})_{j}^{2}",
            r"\exp(\mathbf{z})_j",
            ["holds when i = j", "holds", "fails when i ≠ j"],
        ),
    ],
)
def test_an_entry_of_the_exponential_of_a_vector_is_read(square, other, verdicts):
    """``\\exp(\\mathbf{z})_j`` (also squared, ``_{j}^{2}``) is entry j of exp applied entry by
    entry, e^{z_j}: the one reading of a script on a vector (it was not read, nor the definition
    of σ(z)_j written with it); a fraction whose denominator starts the next line is a fraction.
    A dropped square and a swapped index are flagged."""
    text = ENTRY_OF_EXP.replace("SQUARE", square).replace("OTHER", other)
    steps = check_document(text).steps
    assert steps[0].status == "definition"
    assert [s.summary.partition(":")[0] for s in steps[1:]] == verdicts


@pytest.mark.parametrize(
    ("entry", "status"),
    [(r"(\mathbf{p} - \mathbf{y})_i", "holds"), (r"(\mathbf{y} - \mathbf{p})_i", "fails")],
)
def test_an_entry_of_a_vector_in_parentheses_is_read(entry, status):
    text = (
        "The probabilities are $\\mathbf{p} = \\mathrm{softmax}(\\mathbf{o})$, the loss "
        "$L = -\\sum_k y_k \\log p_k$ with $\\sum_k y_k = 1$.\n\n"
        f"$$\\frac{{\\partial L}}{{\\partial o_i}} = {entry}$$\n"
    )
    assert check_document(text).steps[-1].status == status


@pytest.mark.parametrize(
    "loss", [r"\mathcal{L}(\hat{\mathbf{y}}, \mathbf{y})", r"l(\mathbf{y}, \hat{\mathbf{y}})"]
)
@pytest.mark.parametrize(
    ("gradient", "status"), [(r"\hat{y}_i - y_i", "holds"), (r"y_i - \hat{y}_i", "fails")]
)
def test_a_loss_written_of_vectors_with_an_accent_is_the_loss(loss, gradient, status):
    """d2l's ``l(\\mathbf{y}, \\hat{\\mathbf{y}}) = -\\sum_j y_j \\log \\hat{y}_j`` defines the loss
    (an accented bold argument was vector notation beside L, not read); the gradient with a
    swapped sign is flagged."""
    text = (
        "Softmax outputs $\\hat{y}_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}$ and labels with "
        f"$\\sum_k y_k = 1$.\n\n$$\n{loss} = -\\sum_k y_k \\log \\hat{{y}}_k\n$$\n\n"
        f"$$\n\\frac{{\\partial {loss}}}{{\\partial z_i}} = {gradient}\n$$\n"
    )
    steps = check_document(text).steps
    assert steps[0].status == "definition"
    assert steps[-1].status == status
