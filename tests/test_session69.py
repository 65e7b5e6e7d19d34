"""Session 69: logistic regression as course notes write it.  The data matrix with one column per
sample (``X = [x^{(1)}, …, x^{(m)}]`` of shape ``(n_x, m)``, ``Z = w^T X + b``, ``A = \\sigma(Z)``,
``\\frac{\\partial J}{\\partial w} = \\frac{1}{m} X (A - Y)^T``); the loss of one sample written
as a function of its prediction and label (``\\mathcal{L}(a^{(i)}, y^{(i)})``, ``J = \\frac{1}{m}
\\sum_i \\mathcal{L}(a^{(i)}, y^{(i)})``); a derivative by a numbered weight (``\\partial w_1``,
``x_1``).  Every "holds" has a twin that fails, or is not checked where the text does not say
what the reading needs."""

from __future__ import annotations

from tests.steps import filled, judged

COLUMNS = r"""# Vectorized logistic regression

For one example $x^{(i)}$:

$$z^{(i)} = w^T x^{(i)} + b$$

$$\hat{y}^{(i)} = a^{(i)} = \sigma(z^{(i)})$$

$$\mathcal{L}(a^{(i)}, y^{(i)}) = - y^{(i)} \log(a^{(i)}) - (1-y^{(i)} ) \log(1-a^{(i)})$$

The cost averages the losses:

$$J = \frac{1}{m} \sum_{i=1}^m \mathcal{L}(a^{(i)}, y^{(i)})$$

LAYOUT

$$Z = w^T X + b$$

$$A = \sigma(Z)$$

and the gradients are

$$\frac{\partial J}{\partial w} = GRADIENT$$

$$\frac{\partial J}{\partial b} = BIAS$$
"""
GIVEN = {
    "LAYOUT": r"The examples are the columns of $X = [x^{(1)}, x^{(2)}, \dots, x^{(m)}]$, "
    r"a matrix of shape $(n_x, m)$, so that",
    "GRADIENT": r"\frac{1}{m}X(A-Y)^T",
    "BIAS": r"\frac{1}{m} \sum_{i=1}^m (a^{(i)}-y^{(i)})",
}


def _columns(**values: str) -> list[tuple[str, str]]:
    return judged(filled(COLUMNS, GIVEN, values))


def test_the_gradient_with_one_column_per_sample_holds() -> None:
    steps = _columns()
    assert [status for status, _ in steps] == ["holds", "holds"], steps
    assert "(m, d) = (2, 2), (2, 3), (3, 3)" in steps[0][1]


def test_the_gradient_with_the_labels_first_fails_at_a_named_entry() -> None:
    steps = _columns(GRADIENT=r"\frac{1}{m}X(Y-A)^T")
    assert steps[0][0] == "fails", steps
    # the counterexample shows X as the text lays it out (features down, samples across)
    assert "entry 1 at m = 2, d = 2" in steps[0][1] and "X = [1, 3; 2, -1]" in steps[0][1]
    assert "e^{w^T X}" in steps[0][1]


def test_the_gradient_without_the_mean_fails() -> None:
    steps = _columns(GRADIENT=r"X(A-Y)^T")
    assert steps[0][0] == "fails", steps


def test_a_bias_gradient_summing_the_wrong_difference_fails() -> None:
    steps = _columns(BIAS=r"\frac{1}{m} \sum_{i=1}^m (y^{(i)}-a^{(i)})")
    assert [status for status, _ in steps] == ["holds", "fails"], steps


def test_the_layout_not_said_leaves_the_row_of_scores_unread() -> None:
    # w^T X with X of one row per sample has no reading: not checked, never flagged
    steps = _columns(LAYOUT="With the data matrix $X$,")
    assert steps[0][0] == "not checked", steps
    assert _columns(LAYOUT="With the data matrix $X$,", GRADIENT=r"X(Y-A)^T")[0][0] == (
        "not checked"
    )


def test_a_text_that_says_rows_and_columns_is_not_read_as_either() -> None:
    layout = GIVEN["LAYOUT"] + r" (the rows of $X$ are features)"
    steps = _columns(LAYOUT=layout, GRADIENT=r"\frac{1}{m}X(Y-A)^T")
    assert steps[0][0] == "not checked", steps


def test_the_loss_of_one_sample_as_a_function_of_its_prediction_and_label() -> None:
    # J sums \mathcal{L}(a^{(i)}, y^{(i)}): the loss of sample i, defined above it
    text = filled(COLUMNS, GIVEN, {}).split("LAYOUT")[0]
    text = text.split("The examples")[0]
    derivative = r"$$\frac{\partial J}{\partial w_j} = RIGHT$$"
    right = r"\frac{1}{m} \sum_{i=1}^m (a^{(i)} - y^{(i)}) x_j^{(i)}"
    assert judged(text + "\n" + derivative.replace("RIGHT", right))[-1][0] == "holds"
    wrong = r"\frac{1}{m} \sum_{i=1}^m (a^{(i)} - y^{(i)}) x_j^{(i)} a^{(i)}"
    assert judged(text + "\n" + derivative.replace("RIGHT", wrong))[-1][0] == "fails"


def test_a_call_with_two_sample_letters_is_not_the_loss_of_a_sample() -> None:
    text = filled(COLUMNS, GIVEN, {}).replace(
        r"\sum_{i=1}^m \mathcal{L}(a^{(i)}, y^{(i)})", r"\sum_{i=1}^m \mathcal{L}(a^{(i)}, y^{(k)})"
    )
    assert text != filled(COLUMNS, GIVEN, {})
    statuses = [status for status, _ in judged(text)]
    assert "holds" not in statuses and "fails" not in statuses, statuses


ONE_EXAMPLE = r"""# Gradient descent for one example

Recap:

$$z = w^T x + b$$

$$\hat{y} = a = \sigma(z)$$

$$\mathcal{L}(a, y) = -(y\log(a) + (1-y)\log(1-a))$$

With two features $x_1$ and $x_2$ we go backwards:

$$\frac{d\mathcal{L}(a,y)}{da} = -\frac{y}{a} + \frac{1-y}{1-a}$$

$$\frac{d\mathcal{L}}{dz} = \left(-\frac{y}{a} + \frac{1-y}{1-a}\right) a(1-a) = a - y$$

$$\frac{\partial \mathcal{L}}{\partial w_1} = FIRST$$

$$\frac{\partial \mathcal{L}}{\partial b} = a - y$$

## On m examples

$$J(w, b) = \frac{1}{m}\sum_{i=1}^m \mathcal{L}(a^{(i)}, y^{(i)})$$

$$\frac{\partial}{\partial w_1} J(w,b) = MEAN \sum_{i=1}^m DERIVATIVE$$
"""
GIVEN_ONE = {
    "FIRST": r"x_1 (a - y)",
    "MEAN": r"\frac{1}{m}",
    "DERIVATIVE": r"\frac{\partial}{\partial w_1}\mathcal{L}(a^{(i)}, y^{(i)})",
}


def _one(**values: str) -> list[tuple[str, str]]:
    return judged(filled(ONE_EXAMPLE, GIVEN_ONE, values))


def test_a_numbered_weight_and_the_mean_of_the_sample_losses_hold() -> None:
    steps = _one()
    statuses = [status for status, _ in steps]
    assert statuses == ["holds"] * len(statuses), steps
    assert len(statuses) == 6


def test_the_wrong_feature_for_a_numbered_weight_fails() -> None:
    steps = _one(FIRST=r"x_2 (a - y)")
    assert steps[3][0] == "fails" and "sample = 1" in steps[3][1], steps


def test_the_sum_of_the_sample_losses_without_the_mean_fails() -> None:
    steps = _one(MEAN="")
    assert steps[-1][0] == "fails", steps
    assert [status for status, _ in steps[:-1]] == ["holds"] * 5, steps


def test_the_loss_of_one_example_beside_the_mean_is_not_the_mean() -> None:
    # dL/dz = a - y is the loss of the example, not J: judged (it holds), not withheld as
    # "the loss over all samples beside a free sample index"
    steps = _one()
    assert steps[1][0] == "holds" and "ambiguous" not in steps[1][1], steps
