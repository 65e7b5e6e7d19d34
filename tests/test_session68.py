"""Session 68: a likelihood written as a product over the samples (``P(\\mathbf{t}|X) =
\\prod_m P(t_m|x_m) = \\prod_m q_m^{t_m} (1 - q_m)^{1 - t_m}``) read from the side of its chain
that reads; the logarithm of such a product is the sum of the logarithms of its factors where
every factor is positive by construction (a derivative by a weight goes through the sum, not the
product); ``{q_m}^{t_m}``, braces around one name, is ``q_m^{t_m}``; a digit in parentheses as a
superscript, ``h^{(3)}``, names a unit of a worked example, never a power.  Every "holds" has a
twin that fails, or (where the reading withholds a verdict) is not checked."""

from __future__ import annotations

from pathlib import Path

from symsoft.reading.document import check_document
from tests.steps import filled, judged, summaries

LIKELIHOOD = r"""Logistic regression on $M$ samples.

$$
q_m = \sigma(r_m) = \frac{1}{1 + \exp(-r_m)}
$$
$$
r_m = v_0 u_m + v_1
$$
$$
P(\mathbf{t}|\mathbf{u}) = \prod_{m=0}^{M-1} P(t_m|u_m)
= \prod_{m=0}^{M-1} {q_m}^{t_m} (1-q_m)^{1-t_m}
$$
$$
\log P(\mathbf{t}|\mathbf{u}) = \sum_{m=0}^{M-1} \left( t_m \log q_m + (1-t_m) LOGTAIL \right)
$$
$$
J = -\frac{1}{M} \log P(\mathbf{t}|\mathbf{u})
$$
$$
\frac{\partial J}{\partial v_0} = GRADIENT
$$
"""
GIVEN = {
    "LOGTAIL": r"\log (1-q_m)",
    "GRADIENT": r"\frac{1}{M}\sum_{m=0}^{M-1}(q_m-t_m)u_m",
}


def _likelihood(**values: str) -> list[tuple[str, str]]:
    return judged(filled(LIKELIHOOD, GIVEN, values))


def test_the_log_likelihood_past_an_unread_probability_is_not_checked() -> None:
    # P(t_m|u_m) is not read and the text gives it no value: the likelihood's value comes from
    # the side after it, a link not checked, so neither "holds" nor "fails" rests on it
    steps = _likelihood()
    assert [status for status, _ in steps][-2:] == ["not checked", "not checked"], steps
    assert all("past a probability not read" in summary for _, summary in steps[-2:]), steps


def _direct(**values: str) -> list[tuple[str, str]]:
    # the likelihood written at once as the product of the Bernoulli factors: read as written
    text = filled(LIKELIHOOD, GIVEN, values)
    return judged(text.replace(r" = \prod_{m=0}^{M-1} P(t_m|u_m)" + "\n", " "))


def test_the_direct_likelihood_holds_and_its_slips_fail() -> None:
    assert [status for status, _ in _direct()][-2:] == ["holds", "holds"]
    assert _direct(LOGTAIL=r"\log q_m")[-2][0] == "fails"
    for gradient in (
        r"\frac{1}{M}\sum_{m=0}^{M-1}(t_m-q_m)u_m",  # sign
        r"\sum_{m=0}^{M-1}(q_m-t_m)u_m",  # the mean's 1/M dropped
    ):
        assert _direct(GRADIENT=gradient)[-1][0] == "fails", gradient


def test_a_slip_past_a_side_not_read_is_not_blamed_on_the_text() -> None:
    # P(t_m|u_m) is not read: the value of the likelihood comes from the side after it, a link
    # not checked; a step that fails under it is ambiguous (the slip may be in that side)
    for values in (
        {"LOGTAIL": r"\log q_m"},
        {"GRADIENT": r"\frac{1}{M}\sum_{m=0}^{M-1}(t_m-q_m)u_m"},
    ):
        status, summary = _likelihood(**values)[-1 if "GRADIENT" in values else -2]
        assert status == "not checked" and "past a probability not read" in summary, summary


def test_a_typo_in_the_side_past_the_unread_one_flags_nothing_after_it() -> None:
    # (review 68: (1 - q_m)^{t_m} for (1 - q_m)^{1 - t_m} made the correct log-likelihood fail)
    text = filled(LIKELIHOOD, GIVEN, {}).replace("(1-q_m)^{1-t_m}", "(1-q_m)^{t_m}")
    steps = judged(text)
    assert "fails" not in [status for status, _ in steps], steps


def test_a_likelihood_whose_product_side_is_all_there_is_stays_unread() -> None:
    # P(t_m|u_m) never written out: the likelihood has no side that reads, and a step through
    # it is not checked (never judged under a guess)
    text = filled(LIKELIHOOD, GIVEN, {}).replace(
        "\n= \\prod_{m=0}^{M-1} {q_m}^{t_m} (1-q_m)^{1-t_m}", ""
    )
    steps = judged(text)
    assert all(status == "not checked" for status, _ in steps), steps


def test_braces_around_one_name_under_a_power_are_no_group() -> None:
    text = r"""Let $s = \frac{1}{1 + e^{-a}}$.

$$
{s}^{2} \cdot (1 - s) = s^2 - s^3
$$
$$
{s}^{2} \cdot (1 - s) = s^2 + s^3
$$
$$
{s + 1}^{2} = s^2 + 2s + 1
$$
"""
    steps = judged(text)
    assert [status for status, _ in steps[:2]] == ["holds", "fails"], steps
    # braces around a sum do not print: s + 1^2, or (s + 1)^2? not read
    assert steps[2][0] == "not checked" and "brace group" in steps[2][1], steps


NUMBERED_UNITS = r"""A tiny network, worked by hand.

\(h^{(1)} = 0.5(2) - 0.25(4) = 0\)
\(h^{(2)} = 0.5(4) + 0.1 = 2.1\)

Then the activations:

\(g^{(1)} = \sigma(h^{(1)}) = \dfrac{1}{1+e^0} = 0.5\)
\(g^{(2)} = \sigma(h^{(2)}) = \dfrac{1}{1+e^{EXPONENT}}\)
"""


def test_a_digit_in_parentheses_over_a_name_numbers_a_unit() -> None:
    found = summaries(NUMBERED_UNITS.replace("EXPONENT", "-2.1"))
    # g^{(2)} is a name of its own (read as g squared, g^{(1)} = 0.5 would make it 0.25)
    assert found[9] == "definition of g^{(2)}", found
    steps = judged(NUMBERED_UNITS.replace("EXPONENT", "-2.1"))
    assert [status for status, _ in steps] == ["holds", "holds", "holds"], steps


def test_a_numbered_unit_with_a_wrong_sign_fails() -> None:
    text = NUMBERED_UNITS.replace("EXPONENT", "2.1")
    # on a line of its own, \(…\) is a sentence (words around it may set a hypothesis): the
    # same equation in a display is a claim
    steps = judged(text)
    assert steps[-1][0] == "not checked" and "ambiguous: fails" in steps[-1][1], steps
    steps = judged(text.replace("\\(g^{(2)}", "$$g^{(2)}").replace("{2.1}}\\)", "{2.1}}$$"))
    assert [status for status, _ in steps] == ["holds", "holds", "fails"], steps


def test_a_digit_in_parentheses_is_never_read_as_a_power() -> None:
    text = r"""Let $s = \frac{1}{1 + e^{-a}}$.

$$
s^{(2)} + s = s \cdot s + s
$$
"""
    steps = judged(text)
    assert steps and all(status == "not checked" for status, _ in steps), steps
    assert "s^{(2)} is not defined" in steps[0][1], steps  # a name of its own


BATCH_BIAS = r"""Logistic regression on a batch. Let $X \in \mathbb{R}^{m \times n}$ be the data
matrix, $w \in \mathbb{R}^n$ the weights, $b$ the bias and $y \in \{0,1\}^m$ the labels.

$$\hat{y} = \sigma(Xw + b)$$

$$J = -\frac{1}{m}\sum_{i=1}^m \left[y_i \log \hat{y}_i + (1-y_i)\log(1-\hat{y}_i)\right]$$

$$\frac{\partial J}{\partial w} = WEIGHTS$$

$$\frac{\partial J}{\partial b} = BIAS$$
"""
BATCH_GIVEN = {
    "WEIGHTS": r"\frac{1}{m} X^T(\hat{y} - y)",
    "BIAS": r"\frac{1}{m}\sum_{i=1}^m (\hat{y}_i - y_i)",
}


def _batch(**values: str) -> list[tuple[str, str]]:
    return judged(filled(BATCH_BIAS, BATCH_GIVEN, values))


def test_a_scalar_bias_added_to_the_scores_of_a_batch_holds() -> None:
    steps = _batch()
    assert [status for status, _ in steps] == ["holds", "holds"], steps


def test_batch_gradients_with_a_slip_fail() -> None:
    for slip in (
        {"WEIGHTS": r"\frac{1}{m} X^T(y - \hat{y})"},  # sign
        {"WEIGHTS": r"\frac{1}{m} X(\hat{y} - y)"},  # transpose dropped
        {"WEIGHTS": r"X^T(\hat{y} - y)"},  # the mean's 1/m dropped
        {"BIAS": r"\sum_{i=1}^m (\hat{y}_i - y_i)"},
    ):
        steps = _batch(**slip)
        assert "fails" in [status for status, _ in steps], (slip, steps)
        assert "holds" in [status for status, _ in steps], (slip, steps)


def test_a_bias_beside_a_matrix_of_scores_stays_unread() -> None:
    # softmax regression's Z = XW + b: a number added to a matrix is not read as broadcast
    text = r"""Softmax regression on a batch: $X$ is the data matrix, one row per sample.

$$Z = XW + b$$
$$P = \mathrm{softmax}(Z)$$
$$L = -\frac{1}{M}\sum_{m=1}^{M}\sum_{k=1}^{K} Y_{mk}\log P_{mk}$$
$$\frac{\partial L}{\partial W} = \frac{1}{M} X^T (P - Y)$$
"""
    steps = judged(text)
    assert steps and all(status != "fails" for status, _ in steps), steps


def test_a_d_name_is_not_read_and_says_why() -> None:
    text = r"""Over $m$ examples, $X$ of shape $(n, m)$:

$$Z = w^T X + b$$
$$A = \sigma(Z)$$
$$dZ = A - Y$$
$$dw = \frac{1}{m} X dZ^T$$
"""
    steps = judged(text)[-2:]
    assert [status for status, _ in steps] == ["not checked", "not checked"], steps
    assert "'dZ' is a d-name" in steps[0][1] and "'dw' is a d-name" in steps[1][1], steps


def test_an_iterate_in_parentheses_is_never_a_power() -> None:
    # (review 68: {w_1}^{(\tau+1)} read as a power made an update rule "fail")
    for written in (r"{w_1}^{(\tau+1)}", r"w_1^{(\tau+1)}", r"w^{(t+1)}"):
        old = written.replace("+1", "")
        text = rf"""Gradient descent on $E = \frac{{1}}{{2}}\sum_n (w_1 x_n - t_n)^2$:

$$
{written} = {old} - \eta \sum_n (w_1 x_n - t_n) x_n
$$
"""
        assert "fails" not in [status for status, _ in judged(text)], written


def test_a_derivative_order_in_parentheses_is_not_read() -> None:
    # (review 68: y^{(2)}(0) read as the name y^{(2)} times 0)
    text = r"""Take $y(x) = x^3 + \frac{x^2}{2}$. Then

$$
y^{(2)}(x) = 6x + 1
$$
$$
y^{(2)}(0) = 1
$$
"""
    steps = judged(text)
    assert steps and all(status == "not checked" for status, _ in steps), steps


def test_a_scalar_written_with_a_sample_index_says_so() -> None:
    text = r"""Let $y = \sigma(w x + c)$ and $E = -t \log y - (1 - t) \log (1 - y)$.

$$
\frac{\partial E_n}{\partial w} = (y_n - t_n) x_n
$$
"""
    steps = judged(text)
    assert steps[-1][0] == "not checked", steps
    assert "defines without an index is written here with one" in steps[-1][1], steps


def test_a_bias_declared_a_vector_is_not_added_to_every_entry() -> None:
    # (review 68b: b \in \mathbb{R}^m, one offset per sample, was read as one number)
    text = filled(BATCH_BIAS, BATCH_GIVEN, {}).replace(
        "$b$ the bias", r"$b \in \mathbb{R}^m$ a vector of offsets, one per sample,"
    )
    assert "holds" not in [status for status, _ in judged(text)][-1:], judged(text)


def test_labels_of_plus_and_minus_one_are_not_the_regression_of_zero_one_labels() -> None:
    # (review 68b: a counterexample at y = (0, 1) where the text says y \in \{-1, +1\})
    text = filled(BATCH_BIAS, BATCH_GIVEN, {}).replace(r"\{0,1\}^m", r"\{-1, +1\}^m")
    assert "fails" not in [status for status, _ in judged(text)], judged(text)


def test_past_an_unread_probability_a_step_that_holds_is_withheld_too() -> None:
    # (review 68b: a step agreeing with a typo in the side past P(t_m|u_m) held)
    steps = _likelihood()
    status, summary = steps[-2]
    assert status == "not checked" and "past a probability not read" in summary, steps
    typo = filled(LIKELIHOOD, GIVEN, {"LOGTAIL": r"\log q_m"}).replace(
        "(1-q_m)^{1-t_m}", "q_m^{1-t_m}"
    )
    assert "holds" not in [status for status, _ in judged(typo)], judged(typo)


def test_the_product_of_the_text_s_own_bernoulli_probability_is_a_checked_link() -> None:
    # P(t|u) defined without an index: \prod_m P(t_m|u_m) = \prod_m q_m^{t_m} (1 - q_m)^{1 - t_m}
    # is its product over the samples, so the likelihood's value is the text's own
    bernoulli = "$$\nP(t|u) = q^t (1-q)^{1-t}\n$$\n"
    text = filled(LIKELIHOOD, GIVEN, {}).replace(
        "$$\nP(\\mathbf{t}", bernoulli + "$$\nP(\\mathbf{t}"
    )
    assert [status for status, _ in judged(text)][-2:] == ["holds", "holds"], judged(text)
    wrong = text.replace(
        r"\frac{1}{M}\sum_{m=0}^{M-1}(q_m-t_m)u_m", r"\sum_{m=0}^{M-1}(q_m-t_m)u_m"
    )
    assert judged(wrong)[-1][0] == "fails", judged(wrong)
    typo = text.replace("(1-q_m)^{1-t_m}", "(1-q_m)^{t_m}")  # not its product: not checked
    assert "holds" not in [status for status, _ in judged(typo)][-2:], judged(typo)


def test_a_label_in_brackets_and_one_in_parentheses_are_two_names() -> None:
    # (review 68b: z^{[1]} = z^{(1)} held after z^{[1]} = 4 and z^{(1)} = 2, both read as z)
    text = r"""We use $z^{[1]}$ for layer one and $z^{(1)}$ for the first example.

$$z^{[1]} = 4$$

$$z^{(1)} = 2$$

$$z^{[1]} - z^{(1)} = 0$$
"""
    steps = judged(text)  # (read as one z, 4 - 2 = 0 held)
    assert steps and "holds" not in [status for status, _ in steps], steps
    assert "z^{[1]}, z^{(1)} are not defined" in steps[0][1], steps


def test_the_likelihood_document_of_the_benchmarks() -> None:
    # tests/data/documents/likelihood.md (benchmarks/bench_commands.py times it): the product of
    # the text's own P(t|u), its logarithm, the gradient by a (holds) and by c (sign flipped)
    path = Path(__file__).parent / "data" / "documents" / "likelihood.md"
    statuses = [s.status for s in check_document(path).steps if s.status != "definition"]
    assert statuses[-3:] == ["holds", "holds", "fails"], statuses
