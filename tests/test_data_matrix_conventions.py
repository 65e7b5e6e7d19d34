"""Red team (session 14) on the data-matrix model: a text's own conventions and numbers are not
overridden by the model's defaults (X with one row per sample, m any count)."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

COLUMNS = r"""# Vectorising logistic regression

We have $m$ training examples $x^{(i)} \in \mathbb{R}^{n}$ with labels $y^{(i)}$. LAYOUT

$$h_\theta(x) = \frac{1}{1 + e^{-\theta^T x}}$$

$$J(\theta) = -\frac{1}{m} \sum_{i=1}^{m} \left[ y^{(i)} \log h_\theta(x^{(i)})
+ (1 - y^{(i)}) \log\left(1 - h_\theta(x^{(i)})\right) \right]$$

"""


LAYOUT = "LAYOUT"


def _last(text: str):
    return check_document(text).steps[-1]


@pytest.mark.parametrize(
    ("layout", "status", "said"),
    [  # X (h - y): the gradient when X has one column per example, a slip when one row
        # (session 69: X of one column per example is read, and the gradient holds there)
        ("Put them as columns of the matrix $X$, so $X$ is $n \\times m$.", "holds", "holds at"),
        ("Stack them in the matrix $X$.", "not checked", "ambiguous: read only where m = d"),
        ("The rows of the design matrix $X$ are the $x^{(i)T}$.", "fails", "fails: entry 1"),
    ],
)
def test_a_product_whose_shapes_agree_only_when_m_equals_d(layout, status, said):
    # it was refuted at m = d = 2 also where the text lays X out by columns
    text = COLUMNS.replace(LAYOUT, layout)
    step = _last(text + r"$$\nabla_\theta J = \frac{1}{m} X (h_\theta(X) - y)$$" "\n")
    assert step.status == status, step.summary
    assert step.summary.startswith(status + ": " + said) or step.summary.startswith(said)
    if status == "fails":  # the rows' gradient itself holds there
        step = _last(text + r"$$\nabla_\theta J = \frac{1}{m} X^T (h_\theta(X) - y)$$" "\n")
        assert step.status == "holds", step.summary


BATCH = r"""We have $m$ training examples $x^{(i)} \in \mathbb{R}^{n}$ with labels $y^{(i)}$.

$$h_\theta(x) = \frac{1}{1 + e^{-\theta^T x}}$$

$$J(\theta) = -\frac{1}{m} \sum_{i=1}^{m} \left[ y^{(i)} \log h_\theta(x^{(i)})
+ (1 - y^{(i)}) \log\left(1 - h_\theta(x^{(i)})\right) \right]$$

For a mini-batch we write $m = 2$:

$$\frac{\partial J}{\partial \theta_j} = \frac{1}{FACTOR} \sum_{i=1}^{m}
\left( h_\theta(x^{(i)}) - y^{(i)} \right) x_j^{(i)}$$
"""


@pytest.mark.parametrize(
    ("factor", "status", "said"),
    [
        ("2", "holds", "holds at sizes (m, d) = (2, 2), (2, 3) "),
        ("3", "fails", "fails: j = 1 at m = 2, d = 2: left side -19/24, right side -19/36"),
    ],
)
def test_a_sample_count_the_text_gives_a_number_is_judged_at_that_number(factor, status, said):
    step = _last(BATCH.replace("FACTOR", factor))
    assert step.status == status, step.summary
    assert step.summary.startswith(said), step.summary


def test_without_the_number_the_half_is_refuted_at_three_samples():
    step = _last(BATCH.replace("FACTOR", "2").replace("we write $m = 2$", "we keep $m$"))
    assert step.status == "fails", step.summary
    assert "j = 1 at m = 3, d = 3" in step.summary


def test_a_count_given_a_number_no_size_reaches_is_not_read():
    step = _last(BATCH.replace("FACTOR", "7").replace("m = 2", "m = 7"))
    assert step.status == "not checked", step.summary


PAIRS = r"""We have $m$ examples $x^{(i)}$ with labels $y^{(i)}$,
pairs $(x_i, y_i)$. LAYOUT

$$h_\theta(x) = \frac{1}{1 + e^{-\theta^T x}}$$

$$J(\theta) = -\frac{1}{m} \sum_{i=1}^{m} \left[ y^{(i)} \log h_\theta(x^{(i)})
+ (1 - y^{(i)}) \log\left(1 - h_\theta(x^{(i)})\right) \right]$$

$$\frac{\partial J}{\partial \theta_j} = \frac{1}{m} \sum_{i=1}^{m} (SIDE) x_{ij}$$
"""


RESIDUAL = "h_\\theta(x^{(i)}) - y^{(i)}"


@pytest.mark.parametrize(
    ("layout", "side", "status"),
    [  # x_{ij} is feature i of example j when the examples are X's columns: not read there
        ("They are the columns of $X$, so $X$ is $n \\times m$.", RESIDUAL, None),
        ("They are the rows of $X$.", RESIDUAL, "holds"),
        ("They are the rows of $X$.", "y^{(i)} - h_\\theta(x^{(i)})", "fails"),
    ],
)
def test_two_indices_of_x_in_a_text_that_lays_out_by_columns(layout, side, status):
    step = _last(PAIRS.replace("LAYOUT", layout).replace("SIDE", side))
    if status is None:  # it was 'holds at sizes (m, d) = …' with x_{ij} read as sample i
        assert step.status == "not checked", step.summary
        assert "m samples" not in step.summary
    else:
        assert step.status == status, step.summary


PREDICTIONS = r"""We have $m$ training examples $x^{(i)} \in \mathbb{R}^{n}$, the rows of $X$,
with labels $y^{(i)}$ collected in $y$. SAID

$$h_\theta(x) = \frac{1}{1 + e^{-\theta^T x}}$$

$$J(\theta) = -\frac{1}{m} \sum_{i=1}^{m} \left[ y^{(i)} \log h_\theta(x^{(i)})
+ (1 - y^{(i)}) \log\left(1 - h_\theta(x^{(i)})\right) \right]$$

SHOWN$$\nabla_\theta J = \frac{1}{m} X^T (RESIDUAL)$$
"""


@pytest.mark.parametrize(
    ("said", "shown", "residual", "status"),
    [  # Y the predictions beside y the labels: Y was read as the labels, Y - y = 0, refuted
        ("", "$$Y = \\sigma(X\\theta)$$\n\n", "Y - y", "holds"),
        ("", "$$Y = \\sigma(X\\theta)$$\n\n", "y - Y", "fails"),
        ("We call the vector of predictions $Y$.", "", "Y - y", "not checked"),
        ("", "", "h_\\theta(X) - Y", "holds"),  # Y alone, never given a value: the labels
        ("", "", "Y - h_\\theta(X)", "fails"),
    ],
)
def test_a_capital_y_the_text_gives_a_value_is_not_the_labels(said, shown, residual, status):
    text = PREDICTIONS.replace("SAID", said).replace("SHOWN", shown)
    step = _last(text.replace("RESIDUAL", residual))
    assert step.status == status, step.summary


UNIT = r"""We have $m$ training examples $x^{(i)} \in \mathbb{R}^{n}$ with targets $y^{(i)}$. SAID

$$h_\theta(x) = \sigma(\theta^T x)$$

$$J(\theta) = \frac{1}{2m} \sum_{i=1}^{m} \left( h_\theta(x^{(i)}) - y^{(i)} \right)^2$$

$$\frac{\partial J}{\partial \theta_j} = \frac{1}{m} \sum_{i=1}^{m} \left( RESIDUAL \right)
h_\theta(x^{(i)}) \left(1 - h_\theta(x^{(i)})\right) x_j^{(i)}$$
"""


@pytest.mark.parametrize(
    ("said", "residual", "status"),
    [  # σ' = σ(1 - σ) is the logistic's: with σ the tanh the step was 'holds'
        ("Here $\\sigma$ is the hyperbolic tangent, $\\sigma(z) = \\tanh(z)$.", RESIDUAL, None),
        ("Here $\\sigma$ is the ReLU activation.", RESIDUAL, None),
        ("Here $\\sigma$ is the logistic function.", RESIDUAL, "holds"),
        ("Here $\\sigma$ is the logistic function.", "y^{(i)} - h_\\theta(x^{(i)})", "fails"),
    ],
)
def test_sigma_the_text_makes_another_function_is_not_the_logistic(said, residual, status):
    step = _last(UNIT.replace("SAID", said).replace("RESIDUAL", residual))
    if status is None:
        assert step.status == "not checked", step.summary
        assert "m samples" not in step.summary
    else:
        assert step.status == status, step.summary


@pytest.mark.parametrize(
    ("said", "residual", "status"),
    [  # in bits the gradient has a factor 1/ln 2: judged with natural logarithms it 'held'
        ("All logarithms here are base 2.", RESIDUAL, "not checked"),
        ("", RESIDUAL, "holds"),
        ("", "y^{(i)} - h_\\theta(x^{(i)})", "fails"),
    ],
)
def test_a_regression_in_base_two_logarithms_is_not_judged_with_natural_ones(
    said, residual, status
):
    text = LOGISTIC_SAID.replace("SAID", said)
    step = _last(
        text + r"$$\frac{\partial J}{\partial \theta_j} = \frac{1}{m} \sum_{i=1}^{m} "
        r"\left( " + residual + r" \right) x_j^{(i)}$$" + "\n"
    )
    assert step.status == status, step.summary
    if said:
        assert "ambiguous" in step.summary and "not natural ones" in step.summary


LOGISTIC_SAID = r"""We have $m$ training examples $x^{(i)} \in \mathbb{R}^{n}$ with labels
$y^{(i)}$. SAID

$$h_\theta(x) = \frac{1}{1 + e^{-\theta^T x}}$$

$$J(\theta) = -\frac{1}{m} \sum_{i=1}^{m} \left[ y^{(i)} \log h_\theta(x^{(i)})
+ (1 - y^{(i)}) \log\left(1 - h_\theta(x^{(i)})\right) \right]$$

"""


@pytest.mark.parametrize(
    ("said", "status"),
    [  # J summed, then given the mean's meaning in words: the 1/m was refuted under the sum
        ("Now let $J$ denote the mean over the examples instead.", "not checked"),
        ("We keep this $J$ and divide later.", "fails"),
    ],
)
def test_a_loss_given_another_meaning_in_words_is_not_read(said, status):
    text = LOGISTIC_SAID.replace("SAID", "").replace(r"-\frac{1}{m} \sum", r"-\sum")
    step = _last(
        text + said + "\n\n" + r"$$\nabla_\theta J = \frac{1}{m} X^T (h_\theta(X) - y)$$" + "\n"
    )
    assert step.status == status, step.summary
