"""Logistic and linear regression over a data matrix, judged entry by entry at (m, d) = (2, 2),
(2, 3), (3, 3): every step that holds has a twin with one transpose, sign, factor or index
changed that fails at a named entry and size."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

LOGISTIC = r"""We have $m$ training examples $x^{(i)} \in \mathbb{R}^{n}$ with labels $y^{(i)}$.

$$h_\theta(x) = \frac{1}{1 + e^{-\theta^T x}}$$

$$J(\theta) = -\frac{1}{m} \sum_{i=1}^{m} \left[ y^{(i)} \log h_\theta(x^{(i)})
+ (1 - y^{(i)}) \log\left(1 - h_\theta(x^{(i)})\right) \right]$$

"""

LINEAR = r"""$$h_\theta(x) = \theta^T x$$

$$J(\theta) = \frac{1}{2m} \sum_{i=1}^{m} \left( h_\theta(x^{(i)}) - y^{(i)} \right)^2$$

"""

BIAS = r"""## Model

$$\hat{y}^{(i)} = \sigma(z^{(i)}), \quad z^{(i)} = \mathbf{w}^T \mathbf{x}^{(i)} + b$$

$$L = -\sum_{i=1}^{n} \left[ y^{(i)} \log \hat{y}^{(i)}
+ (1 - y^{(i)}) \log (1 - \hat{y}^{(i)}) \right]$$

"""


def _last(text: str):
    return check_document(text).steps[-1]


@pytest.mark.parametrize(
    ("setting", "holds", "fails", "where"),
    [
        (  # the vectorised gradient; X instead of X^T is another shape, so the twin drops 1/m
            LOGISTIC,
            r"\nabla_\theta J = \frac{1}{m} X^T \left( h_\theta(X) - y \right)",
            r"\nabla_\theta J = X^T \left( h_\theta(X) - y \right)",
            "entry 1 at m = 2, d = 2",
        ),
        (  # the sign of the residual
            LOGISTIC,
            r"\nabla_\theta J(\theta) = \frac{1}{m} X^T (\sigma(X\theta) - y)",
            r"\nabla_\theta J(\theta) = \frac{1}{m} X^T (y - \sigma(X\theta))",
            "entry 1 at m = 2, d = 2",
        ),
        (  # the sum over the samples, feature j; the twin takes feature 1 for every j (session
            # 71 reads x_1^{(i)} as the first feature of sample i: it fails at j = 2)
            LOGISTIC,
            r"\frac{\partial J}{\partial \theta_j} = \frac{1}{m} \sum_{i=1}^{m} "
            r"\left( h_\theta(x^{(i)}) - y^{(i)} \right) x_j^{(i)}",
            r"\frac{\partial J}{\partial \theta_j} = \frac{1}{m} \sum_{i=1}^{m} "
            r"\left( h_\theta(x^{(i)}) - y^{(i)} \right) x_1^{(i)}",
            "j = 2 at m = 2, d = 2",
        ),
        (  # a derivative written inside the sum, and the mean's factor 2 forgotten in the twin
            LINEAR,
            r"\frac{\partial J}{\partial \theta_j} = \frac{1}{2m} \sum_{i=1}^{m} "
            r"\frac{\partial}{\partial \theta_j} \left( h_\theta(x^{(i)}) - y^{(i)} \right)^2",
            r"\frac{\partial J}{\partial \theta_j} = \frac{1}{m} \sum_{i=1}^{m} "
            r"\frac{\partial}{\partial \theta_j} \left( h_\theta(x^{(i)}) - y^{(i)} \right)^2",
            "j = 1 at m = 2, d = 2",
        ),
        (
            LINEAR,
            r"\nabla_\theta J = \frac{1}{m} X^T (X\theta - y)",
            r"\nabla_\theta J = \frac{1}{m} X^T (X\theta + y)",
            "entry 1 at m = 2, d = 2",
        ),
        (  # with a bias b: the twin forgets the minus of the loss
            BIAS,
            r"\frac{\partial L}{\partial \mathbf{w}} = X^T (\hat{y} - y)",
            r"\frac{\partial L}{\partial \mathbf{w}} = X^T (y - \hat{y})",
            "entry 1 at m = 2, d = 2",
        ),
        (
            BIAS,
            r"\frac{\partial L}{\partial b} = \sum_{i=1}^{n} (\hat{y}^{(i)} - y^{(i)})",
            r"\frac{\partial L}{\partial b} = \sum_{i=1}^{n} (y^{(i)} - \hat{y}^{(i)})",
            "the value at m = 2, d = 2",
        ),
    ],
)
def test_a_data_matrix_step_holds_and_its_twin_fails_at_an_entry(
    setting: str, holds: str, fails: str, where: str
) -> None:
    good = _last(setting + f"$${holds}$$\n")
    assert good.status == "holds", good.summary
    assert "(m, d) = (2, 2), (2, 3), (3, 3)" in good.summary
    bad = _last(setting + f"$${fails}$$\n")
    assert bad.status == "fails", bad.summary
    assert where in bad.summary
    assert "X = [1, 2; 3, -1], y = (" in bad.summary


def test_the_definitions_of_the_model_are_definitions() -> None:
    result = check_document(
        LOGISTIC + "$$\\nabla_\\theta J = \\frac{1}{m} X^T (h_\\theta(X) - y)$$\n"
    )
    assert [s.status for s in result.steps] == ["definition", "definition", "holds"]


def test_a_free_sample_index_beside_the_batch_gradient_is_ambiguous() -> None:
    # "for one sample it reduces to": the author means that sample's loss, not the batch's
    step = _last(
        BIAS + r"$$\frac{\partial L}{\partial w} = x^{(i)} (\hat{y}^{(i)} - y^{(i)})$$" "\n"
    )
    assert step.status == "not checked"
    assert "ambiguous" in step.summary
    # the same with the sum, which the batch loss means, holds
    step = _last(
        BIAS
        + r"$$\frac{\partial L}{\partial w} = \sum_{i=1}^{n} x^{(i)} (\hat{y}^{(i)} - y^{(i)})$$"
        "\n"
    )
    assert step.status == "holds", step.summary


def test_a_per_sample_step_is_judged_at_every_sample_and_feature() -> None:
    text = LOGISTIC + (
        r"$$\ell^{(i)} = y^{(i)} \log h_\theta(x^{(i)}) "
        r"+ (1 - y^{(i)}) \log(1 - h_\theta(x^{(i)}))$$"
        "\n\n"
    )
    good = _last(
        text + r"$$\frac{\partial \ell^{(i)}}{\partial \theta_j} = "
        r"(y^{(i)} - h_\theta(x^{(i)})) x_j^{(i)}$$"
        "\n"
    )
    assert good.status == "holds", good.summary
    bad = _last(
        text + r"$$\frac{\partial \ell^{(i)}}{\partial \theta_j} = "
        r"(h_\theta(x^{(i)}) - y^{(i)}) x_j^{(i)}$$"
        "\n"
    )
    assert bad.status == "fails", bad.summary
    assert "entry" not in bad.summary and "i = 1, j = 1 at m = 2, d = 2" in bad.summary


def test_a_loss_said_again_in_the_same_section_is_judged_not_redefined() -> None:
    # a second J in one section is a restatement: its slip is not a new meaning that would
    # then flag the correct gradient after it
    restated = LOGISTIC + (
        r"$$J(\theta) = \frac{1}{m} \sum_{i=1}^{m} \left[ y^{(i)} \log h_\theta(x^{(i)}) + "
        r"(1 - y^{(i)}) \log(1 - h_\theta(x^{(i)})) \right]$$"
        "\n\n"
        r"$$\nabla_\theta J = \frac{1}{m} X^T (h_\theta(X) - y)$$"
        "\n"
    )
    steps = check_document(restated).steps
    assert steps[-1].status != "fails", steps[-1].summary
    assert steps[-2].status != "definition"


def test_a_new_section_may_define_the_hypothesis_again() -> None:
    text = (
        "## Linear regression\n\n" + LINEAR + r"$$\nabla_\theta J = \frac{1}{m} X^T (X\theta - y)$$"
        "\n\n## Logistic regression\n\n"
        + LOGISTIC
        + r"$$\nabla_\theta J = \frac{1}{m} X^T (h_\theta(X) - y)$$"
        "\n"
    )
    statuses = [s.status for s in check_document(text).steps]
    assert statuses == ["definition", "definition", "holds", "definition", "definition", "holds"]


def test_the_loss_beside_one_sample_is_ambiguous() -> None:
    # "if y = 1 the cost is": one sample's cost, not the mean over the m samples
    step = _last(LOGISTIC + r"If $y = 1$: $$J(\theta) = -\log h_\theta(x)$$" "\n")
    assert step.status == "not checked", step.summary
    assert "ambiguous" in step.summary


@pytest.mark.parametrize(("sign", "status"), [("-", "holds"), ("+", "fails")])
def test_a_score_outside_the_exponential_is_its_logarithm(sign: str, status: str) -> None:
    # log(1 + e^{-a}) = log(1 + e^{a}) - a: a = θ^T x^{(i)} is log u, not a free number
    step = _last(
        LOGISTIC + r"$$\sum_{i=1}^{m} \log(1 + e^{-\theta^T x^{(i)}}) = "
        r"\sum_{i=1}^{m} \log(1 + e^{\theta^T x^{(i)}}) "
        + sign
        + r" \sum_{i=1}^{m} \theta^T x^{(i)}$$"
        "\n"
    )
    assert step.status == status, step.summary


ELL = (
    r"$$\ell^{(i)} = y^{(i)} \log h_\theta(x^{(i)}) "
    r"+ (1 - y^{(i)}) \log(1 - h_\theta(x^{(i)}))$$"
    "\n\nwhere $h = h_\\theta(x^{(i)})$, so that\n\n"
    r"$$\ell^{(i)} = y^{(i)} \log h + (1 - y^{(i)}) \log(1 - h)$$"
    "\n\n"
)


@pytest.mark.parametrize(("between", "status"), [("-", "holds"), ("+", "fails")])
def test_a_short_name_said_in_a_sentence_and_its_product(between: str, status: str) -> None:
    # h = h_θ(x^{(i)}) said after "where"; h(1-h) is a product (h is a number); ℓ said again
    # with h in the same section is the same ℓ, so the steps after it are still judged
    step = _last(
        LOGISTIC
        + ELL
        + r"$$\frac{\partial \ell^{(i)}}{\partial \theta_j} = \left( \frac{y^{(i)}}{h} "
        + between
        + r" \frac{1 - y^{(i)}}{1 - h} \right) h(1-h) x_j^{(i)}$$"
        "\n"
    )
    assert step.status == status, step.summary


@pytest.mark.parametrize(
    ("step", "status"),
    [  # logarithms are split only where their arguments are positive: h is, the label y is not
        (
            r"\log\left( h_\theta(x^{(i)}) h_\theta(x^{(i)}) \right) = 2 \log h_\theta(x^{(i)})",
            "holds",
        ),
        (
            r"\log\left( h_\theta(x^{(i)}) h_\theta(x^{(i)}) \right) = 3 \log h_\theta(x^{(i)})",
            "fails",
        ),
        (r"\log\left( y^{(i)} y^{(i)} \right) = 2 \log y^{(i)}", "not checked"),  # y = -1: 0 ≠ 2πi
    ],
)
def test_logarithms_are_split_only_where_their_arguments_are_positive(step, status):
    assert _last(LOGISTIC + "$$" + step + "$$\n").status == status


PREDICTION_FIRST = r"""## The model

The logistic function of the score gives the prediction:

$$y = \frac{1}{1 + e^{-z}}$$

With $z = w^T x + b$ this is

$$y = \frac{1}{1 + e^{-(w^T x + b)}}$$

## Fitting

We have $m$ examples $x^{(i)} \in \mathbb{R}^{d}$ with labels $y^{(i)} \in \{0, 1\}$.

$$J(w, b) = -\frac{1}{m} \sum_{i=1}^{m} \left[ y^{(i)} \log \sigma(w^T x^{(i)} + b)
+ (1 - y^{(i)}) \log\left(1 - \sigma(w^T x^{(i)} + b)\right) \right]$$

$$\frac{\partial J}{\partial b} = \frac{1}{m} \sum_{i=1}^{m}
\left( \sigma(w^T x^{(i)} + b) - y^{(i)} \right)$$
"""


def test_a_section_that_gives_y_a_value_is_not_read_with_y_the_labels():
    # a Chinese note on linear models: y is the prediction in the first section, the labels
    # y_i of the data in the next; the restatement was refuted with y the labels (0 ≠ 4/5)
    steps = {s.line: s for s in check_document(PREDICTION_FIRST).steps}
    assert steps[9].status == "holds", steps[9].summary
    assert steps[18].status == "holds" and "m samples" in steps[18].summary, steps[18].summary
    wrong = PREDICTION_FIRST.replace(r"+ b) - y^{(i)} \right)$$", r"+ b) + y^{(i)} \right)$$")
    step = {s.line: s for s in check_document(wrong).steps}[18]  # the twin: the sign of y
    assert step.status != "holds" and "fails" in step.summary, step.summary
