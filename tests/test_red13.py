"""False verdicts found by the thirteenth red team, each with its twin that keeps a real
mistake flagged: a worked example that names its class in words ("the label is the first
class", then ``p_1 - 1``), labels given by value that sum to one (``t = (0.1, 0.2, 0.7)``), a
sum of rounded decimals (``7.389 + 2.718 + 1.105 = 11.213``), a cheat sheet that defines a
function per row, and table rows that name a class case ("correct class")."""

from __future__ import annotations

from symsoft.reading.document import check_document


def _verdicts(text: str) -> list[str]:
    return [step.status for step in check_document(text).steps]


CLASS = r"""
The loss for one example is $L = -\sum_k y_k \log p_k$ with $p = \mathrm{softmax}(z)$.

Suppose the network outputs three probabilities and the label is the first class. Then

$$\frac{\partial L}{\partial z_LOGIT} = RIGHT$$
"""


def test_a_class_named_in_words_makes_the_labels_one_hot() -> None:
    """p_1 - 1 was refuted at y = (7/2, 9/2): the text names the class of its example."""
    steps = check_document(CLASS.replace("LOGIT", "1").replace("RIGHT", "p_1 - 1")).steps
    assert [s.status for s in steps] == ["not checked"]
    assert "the text names the class of its example, so y is one-hot" in steps[0].summary


def test_twin_another_logit_minus_one_is_flagged() -> None:
    steps = check_document(CLASS.replace("LOGIT", "2").replace("RIGHT", "p_2 - 1")).steps
    assert steps[0].status == "fails"
    assert "y_k = δ_kc" in steps[0].summary


def test_twin_a_sign_slip_at_the_named_class_is_flagged() -> None:
    assert _verdicts(CLASS.replace("LOGIT", "1").replace("RIGHT", "1 - p_1")) == ["fails"]


def test_twin_a_class_said_not_to_be_the_label_reads_nothing() -> None:
    text = CLASS.replace("the label is the first class", "the label is not the first class")
    assert _verdicts(text.replace("LOGIT", "1").replace("RIGHT", "p_1 - 1")) == ["fails"]


GIVEN = r"""
The targets are $t = TARGETS$, a smoothed label, and $p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}$.
The loss is $E = -\sum_k t_k \log p_k$.

$$\frac{\partial E}{\partial z_k} = p_k - t_k$$
"""


def test_labels_given_by_values_that_sum_to_one_may_state_the_hypothesis() -> None:
    """The step 'used Σ_j t_j = 1, which the document does not state' though the text gives
    t = (0.1, 0.2, 0.7): an example, which may mean every t sums to one."""
    for targets in ("(0.1, 0.2, 0.7)", "[0, 0, 1]"):
        (step,) = check_document(GIVEN.replace("TARGETS", targets)).steps
        assert step.status == "not checked" and not step.flagged
        assert f"the text gives $t = {targets}$, whose entries add up to one" in step.summary


def test_twin_multi_hot_labels_given_by_value_state_nothing() -> None:
    """A multi-hot example (0, 1, 0) beside (1, 1, 0): the sum is not one for every y."""
    for targets in ("(0, 1, 0)$, or $t = (1, 1, 0)$", "(0, 1, 0)$, multi-hot"):
        (step,) = check_document(GIVEN.replace("TARGETS$", targets)).steps
        assert step.flagged and "which the document does not state" in step.summary


def test_twin_values_that_do_not_sum_to_one_state_nothing() -> None:
    steps = check_document(GIVEN.replace("TARGETS", "(0.1, 0.2, 0.6)")).steps
    assert steps[0].flagged
    assert "uses Σ_j t_j = 1, which the document does not state" in steps[0].summary


SUMMED = r"""
For the logits $z = (2.0, 1.0, 0.1)$ the exponentials are rounded to three digits:

$$7.389 + 2.718 + 1.105 = TOTAL$$

$$0.5 \times 0.3 = 0.16$$
"""


def test_a_sum_of_rounded_decimals_is_not_refuted() -> None:
    """e^2 + e + e^{0.1} = 11.2125…: 11.213 was flagged against 7.389 + 2.718 + 1.105 =
    11.212 though every value is rounded alike."""
    steps = check_document(SUMMED.replace("TOTAL", "11.213")).steps
    assert [s.status for s in steps] == ["holds", "fails"]
    assert "up to the rounding of its decimals" in steps[0].summary


def test_twin_a_sum_off_by_more_than_its_rounding_is_flagged() -> None:
    assert _verdicts(SUMMED.replace("TOTAL", "11.312")) == ["fails", "fails"]


def test_twin_arithmetic_of_one_digit_decimals_is_judged_as_written() -> None:
    """1 - 0.8 = 0.3 lies within the rounding of 0.8 to one digit, yet 0.8 is exact there."""
    assert _verdicts("$$1 - 0.8 = 0.3$$\n\n$$1 - 0.80 = 0.30$$\n") == ["fails", "fails"]
    # within the rounding of 0.01 to two digits (0.005 to 0.015), but that range is no rounding
    assert _verdicts("$$\\frac{0.50}{0.01} = 66.67$$\n") == ["fails"]


SHEET = r"""
| Activation | Function | Derivative |
|---|---|---|
| Swish | $f(x) = x\sigma(x)$ | $f'(x) = \sigma(x) + x\sigma(x)(1 - \sigma(x))$ |
| ELU ($x < 0$) | $f(x) = e^x - 1$ | $f'(x) = ELU$ |
"""


def test_a_function_defined_again_in_the_next_row_is_a_new_meaning() -> None:
    """f'(x) = f(x) + 1 of the ELU row was refuted with the Swish row's f."""
    assert _verdicts(SHEET.replace("ELU$", "f(x) + 1$")) == ["holds", "holds"]


def test_twin_a_wrong_derivative_in_the_next_row_is_flagged() -> None:
    assert _verdicts(SHEET.replace("ELU$", "f(x) - 1$")) == ["holds", "fails"]


ROWS = r"""
With $p = \mathrm{softmax}(z)$ and a one-hot label $y$, the loss is $L = -\sum_k y_k \log p_k$.

| Logit | Gradient |
|---|---|
| ROW | $\frac{\partial L}{\partial z_k} = p_k - 1$ |
"""


def test_a_row_that_names_the_correct_class_is_no_step() -> None:
    """p_k - 1 in the row 'correct class' was refuted (and 'holds only when c = k')."""
    assert _verdicts(ROWS.replace("ROW", "correct class")) == []
    assert _verdicts(ROWS.replace("ROW", "$k$ is the target")) == []


def test_twin_a_row_of_every_logit_is_flagged() -> None:
    assert _verdicts(ROWS.replace("ROW", "every logit")) == ["holds only"]


NOT_THE_CLASS = r"""
The loss is $L = -\sum_i y_i \log p_i$ with $p = \mathrm{softmax}(o)$ and $y$ the label.

For a logit $o_j$ that is not the true class, the gradient is

$$\frac{\partial L}{\partial o_j} = RIGHT$$

In other words:

$$\frac{\partial L}{\partial o_j} = RIGHT$$
"""


def test_a_step_in_the_case_its_index_is_not_the_class_is_not_flagged() -> None:
    """p_j was refuted at y = (7/2, -5/2) though the text says j is not the class (y_j = 0),
    also in the restatement after 'In other words:'."""
    steps = check_document(NOT_THE_CLASS.replace("RIGHT", "p_j")).steps
    assert [s.status for s in steps] == ["not checked", "not checked"]
    assert all("the text says j is not the class of its one-hot y" in s.summary for s in steps)


def test_twin_a_wrong_step_in_that_case_is_flagged() -> None:
    assert _verdicts(NOT_THE_CLASS.replace("RIGHT", "p_j - 1")) == ["fails", "fails"]


def test_twin_the_case_said_of_another_index_reads_nothing() -> None:
    text = NOT_THE_CLASS.replace("$o_j$ that", "$o_k$ that").replace("RIGHT", "p_j")
    assert _verdicts(text) == ["fails", "fails"]
