"""Session 38: a list of two losses, a worked example's soft targets, a loss given per condition.
Each fix that withholds a flag has a twin outside its premise that is still flagged."""

from __future__ import annotations

from tests.steps import judged as _steps

TWO_LOSSES = (
    "The MSE and cross-entropy losses, for one sample:\n\n"
    "\\[ L = \\frac{1}{2}(a - y)^2 \\]\n"
    "\\[ L = SECOND \\]\n\n"
    "With the cross-entropy loss,\n\n"
    "$$\\frac{\\partial L}{\\partial a} = RIGHT$$\n"
)


def test_two_losses_listed_back_to_back_are_two_meanings_not_a_step():
    text = TWO_LOSSES.replace("SECOND", "-y \\log a - (1-y)\\log(1-a)")
    ((status, summary),) = _steps(text.replace("RIGHT", "\\frac{a - y}{a(1-a)}"))
    assert status == "holds", summary
    # a derivative right under neither loss is still refuted
    ((status, summary),) = _steps(text.replace("RIGHT", "\\frac{y - a}{a(1-a)}"))
    assert status == "fails", summary


def test_a_restatement_after_a_single_loss_is_still_a_step():
    # "The loss:" announces one thing: the second display restates L and is judged (and fails)
    text = TWO_LOSSES.replace("The MSE and cross-entropy losses, for one sample", "The loss")
    text = text.replace("SECOND", "\\frac{1}{2}(y + a)^2")
    steps = _steps(text.replace("RIGHT", "a - y"))
    assert steps[0][0] == "fails", steps
    text = text.replace("(y + a)^2", "(y - a)^2")
    steps = _steps(text.replace("RIGHT", "a - y"))
    assert [status for status, _ in steps] == ["holds", "holds"], steps


SOFT_EXAMPLE = (
    "Consider softmax $\\hat{y}_j = \\frac{e^{z_j}}{\\sum_{k=1}^K e^{z_k}}$ and the loss "
    "$L = -\\sum_{k=1}^K y_k \\log \\hat{y}_k$.\n\n"
    "**Worked example.** Take $K = 3$ with soft targets $y = (VALUES)$ and logits "
    "$z = (1, 2, 3)$.\n\n"
    "$$\\frac{\\partial L}{\\partial z_i} = \\hat{y}_i - y_i$$\n"
)


def test_soft_targets_whose_example_values_do_not_sum_to_one_state_nothing():
    ((status, summary),) = _steps(SOFT_EXAMPLE.replace("VALUES", "0.2, 0.3, 0.1"))
    assert summary.startswith("uses Σ_j y_j = 1, which the document does not state"), summary
    # values that do sum to one leave "soft targets" stating the hypothesis
    ((status, summary),) = _steps(SOFT_EXAMPLE.replace("VALUES", "0.2, 0.3, 0.5"))
    assert status == "holds" and "given" in summary, summary
    # and the wrong sign is refuted under it
    wrong = SOFT_EXAMPLE.replace("VALUES", "0.2, 0.3, 0.5").replace("- y_i$$", "+ y_i$$")
    ((status, summary),) = _steps(wrong)
    assert status == "fails", summary


PER_CONDITION = (
    "For simplifying, we set `x` as input feature, and `y` as label.\n\n"
    "1. if `x>=0 && y==1`  \n`loss=log(1+exp(-x))`\n"
    "2. if `x>=0 && y==0`  \n`loss=x+log(1+exp(-x))`\n"
    "3. if `x<0 && y==1`  \n`loss=-x+log(1+exp(x))`\n"
    "4. if `x<0 && y==0`  \n`loss=FOURTH`\n"
)


def test_a_loss_given_per_condition_is_one_meaning_per_item():
    steps = _steps(PER_CONDITION.replace("FOURTH", "log(1+exp(x))"))
    assert not any(status == "fails" for status, _ in steps), steps
    assert any(status == "holds" for status, _ in steps), steps


def test_a_loss_restated_without_a_condition_is_still_a_step():
    text = "The loss is\n\n`loss=log(1+exp(-x))`\n\nwhich we rewrite as\n\n`loss=FOURTH`\n"
    ((status, summary),) = _steps(text.replace("FOURTH", "x+log(1+exp(-x))"))
    assert status == "fails", summary
    ((status, summary),) = _steps(text.replace("FOURTH", "-x+log(1+exp(x))"))
    assert status == "holds", summary
