"""Conditional probabilities as logistic and softmax regression posts write them (``P(y=1|x)``,
``p(y=0 | x, \\theta)``, ``\\Pr(y \\mid x)``, ``logP(y|x)``, ``q(k|x_i)``): one name each, or the
entry k of a distribution. Every reading that holds has a twin with a slip that does not; what
stays unclear is not checked, with the reason."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from tests.steps import all_summaries, summaries

LOGISTIC = (
    "Logistic regression models $P(y=1|x) = \\frac{1}{1+e^{-z}}$ with the score $z$.\n\n"
    "$$P(y=0|x) = 1 - P(y = 1 | x) = \\frac{e^{-z}}{1+e^{-z}}$$\n\n"
    "The log-odds:\n\n"
    "$$\\log \\frac{P(y=1 \\mid x)}{P(y=0 \\mid x)} = z$$\n"
)


def test_a_conditional_probability_is_one_name_defined_and_used_again():
    found = all_summaries(LOGISTIC)
    assert found[3][0].startswith("definition of P(y=0|x)"), found[3]
    assert found[3][1] == "holds", found[3]
    # written with spaces, with \mid: the same probability
    assert summaries(LOGISTIC)[7] == "holds"


@pytest.mark.parametrize(
    "slip",
    [
        ("{1+e^{-z}}$$", "{1-e^{-z}}$$"),  # sign flip
        ("1 - P(y = 1 | x)", "1 + P(y = 1 | x)"),  # sign flip
    ],
)
def test_a_slip_in_a_conditional_probability_step_fails(slip):
    found = all_summaries(LOGISTIC.replace(*slip))
    assert any(s.startswith("fails") for s in found[3]), found[3]


def test_the_log_odds_with_the_ratio_upside_down_fails_and_the_counterexample_is_plain():
    text = LOGISTIC.replace("= z$$", "= -z$$")
    (step,) = [s for s in check_document(text).steps if s.line == 7]
    assert step.summary.startswith("fails"), step.summary
    shown = step.summary + step.lhs + step.rhs
    assert not any(0xE000 <= ord(c) <= 0xF8FF for c in shown), shown
    assert "P(y=1|x)" in step.lhs, step.lhs


def test_two_events_are_two_names():
    # P(y=0|x) is not P(y=1|x): undefined, it is a free name, and the step is not proved
    text = (
        "Logistic regression models $P(y=1|x) = \\frac{1}{1+e^{-w^Tx}}$.\n\n"
        "$$\\log P(y=0|x) = -\\log(1+e^{-w^Tx})$$\n"
    )
    assert not summaries(text)[3].startswith(("holds", "fails")), summaries(text)[3]
    same = text.replace("\\log P(y=0|x)", "\\log P(y=1|x)")
    assert summaries(same)[3] == "holds"


BERNOULLI = (
    "对于二分类，$y \\in \\{0, 1\\}$，$\\hat{y} = \\sigma(w^Tx+b)$，"
    "其中 $\\sigma(t) = \\frac{1}{1+e^{-t}}$，于是\n\n"
    "$$P(y|x)=\\hat{y}^y(1-\\hat{y})^{1-y}$$\n\n"
    "取对数：\n\n"
    "$$logP(y|x)=y\\log\\hat{y}+(1-y)\\log(1-\\hat{y})$$\n"
)


def test_the_log_of_a_bernoulli_probability_written_logp_is_proved():
    found = summaries(BERNOULLI)
    assert found[3].startswith("definition of P(y|x)"), found[3]
    assert found[7] == "holds", found[7]


@pytest.mark.parametrize(
    "slip",
    [
        ("+(1-y)\\log(1-\\hat{y})$$", "-(1-y)\\log(1-\\hat{y})$$"),  # sign flip
        ("+(1-y)\\log(1-\\hat{y})$$", "$$"),  # dropped term
        ("=y\\log\\hat{y}+(1-y)", "=(1-y)\\log\\hat{y}+y"),  # swapped
    ],
)
def test_a_slip_in_the_log_of_a_bernoulli_probability_fails(slip):
    found = summaries(BERNOULLI.replace(*slip))
    assert found[7].startswith("fails"), found[7]


SMOOTHED = (
    "The smoothed target is $q'(k|x_i) = (1 - \\epsilon) q(k|x_i) + \\frac{\\epsilon}{K}$.\n\n"
    "$$-\\sum_{k=1}^K q'(k|x_i)\\log p(k|x_i) = -\\sum_{k=1}^K [(1-\\epsilon)q(k|x_i)"
    "+\\frac{\\epsilon}{K}]\\log p(k|x_i) = -(1-\\epsilon)\\sum_{k=1}^K q(k|x_i)\\log p(k|x_i)"
    " - \\frac{\\epsilon}{K}\\sum_{k=1}^K \\log p(k|x_i)$$\n"
)


def test_a_summed_event_is_the_entry_of_a_distribution_given_the_same_part():
    assert all_summaries(SMOOTHED)[3] == ["holds", "holds"]


@pytest.mark.parametrize(
    "slip",
    [
        (" - \\frac{\\epsilon}{K}\\sum", " + \\frac{\\epsilon}{K}\\sum"),  # sign flip
        ("(1-\\epsilon)\\sum_{k=1}^K", "(1+\\epsilon)\\sum_{k=1}^K"),  # sign flip
    ],
)
def test_a_slip_in_a_sum_over_a_distribution_is_not_held(slip):
    last = all_summaries(SMOOTHED.replace(*slip))[3][-1]
    assert not last.startswith("holds"), last


def test_a_distribution_given_parts_that_change_stays_not_checked():
    text = SMOOTHED.replace("\\sum_{k=1}^K \\log p(k|x_i)$$", "\\sum_{k=1}^K \\log p(k|x_j)$$")
    found = all_summaries(text)[3]
    assert all(s.startswith("not checked") for s in found), found
    assert "given other parts" in found[0], found[0]


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("P(y > 0|x)", "an inequality"),
        ("P(y \\in A|x)", "an inequality or a set"),
        ("P(x, y|z)", "a joint event"),
    ],
)
def test_an_event_that_is_not_one_value_stays_not_checked(written, why):
    text = (
        "Logistic regression models $P(y=1|x) = \\frac{1}{1+e^{-w^Tx}}$.\n\n"
        f"$${written} = P(y=1|x)$$\n"
    )
    found = summaries(text)[3]
    assert found.startswith("not checked"), found
    assert why in found, found


def test_pr_and_sizing_brackets_are_read_as_the_same_probability():
    text = (
        "Let $\\Pr(y=1 \\mid \\mathbf{x}) = \\sigma(\\mathbf{w}^T\\mathbf{x})$ where "
        "$\\sigma(t) = \\frac{1}{1+e^{-t}}$.\n\n"
        "$$\\Pr\\left(y=0 \\middle| \\mathbf{x}\\right) = 1 - \\Pr(y = 1 \\mid \\mathbf{x}) "
        "= \\sigma(-\\mathbf{w}^T\\mathbf{x})$$\n"
    )
    found = all_summaries(text)[3]
    assert found[1] == "holds", found
    slipped = all_summaries(text.replace("\\sigma(-\\mathbf{w}", "\\sigma(\\mathbf{w}"))[3]
    assert slipped[1].startswith("fails"), slipped


def test_a_bar_that_is_no_condition_is_left_alone():
    # |x| inside the parentheses: an absolute value, two bars, no conditional probability
    text = "$$p(|x|) = 2$$\n"
    assert "P(" not in str(check_document(text).steps)


SOFTMAX = (
    "The model is $p(k|x) = \\frac{e^{z_k}}{\\sum_{c=1}^K e^{z_c}}$.\n\n"
    "$$\\frac{\\partial \\log p(k|x)}{\\partial z_j} = \\delta_{kj} - p(j|x)$$\n"
)


def test_an_index_letter_event_is_an_entry_of_the_softmax_distribution():
    assert summaries(SOFTMAX)[3] == "holds"


@pytest.mark.parametrize(
    "slip",
    [
        ("= \\delta_{kj} - p(j|x)$$", "= p(j|x) - \\delta_{kj}$$"),  # sign flip
        ("= \\delta_{kj} - p(j|x)$$", "= \\delta_{kj} - p(k|x)$$"),  # swapped index
    ],
)
def test_a_slip_in_the_derivative_of_a_distributions_entry_fails(slip):
    step = next(s for s in check_document(SOFTMAX.replace(*slip)).steps if s.line == 3)
    assert step.summary.startswith(("fails", "holds only")), step.summary
    names = [
        n for c in step.cases if c.verdict.counterexample for n, _ in c.verdict.counterexample.point
    ]
    assert not any("_c" in n or "\ue001" in n for n in names), names


def test_a_counterexample_names_the_entries_of_a_distribution_as_the_text_writes_them():
    text = (
        "The model gives $p(k|x_i) = \\frac{e^{z_k}}{\\sum_{j=1}^K e^{z_j}}$. "
        + SMOOTHED.replace(" - \\frac{\\epsilon}{K}\\sum", " + \\frac{\\epsilon}{K}\\sum")
    )
    step = check_document(text).steps[-1]
    assert step.status == "fails", step.summary
    names = [name for name, _ in step.counterexample.point]
    assert "q(1|x_i)" in names, names
    assert "q(k|x_i)" in step.rhs and "\\cdot" not in step.rhs, step.rhs


def test_an_entry_beside_another_event_of_the_same_function_stays_not_checked():
    text = SOFTMAX + "\nThe binary case: $$p(y=1|x) = p(k|x)$$\n"
    found = summaries(text)
    assert found[3].startswith("not checked"), found[3]
    assert "with other events" in found[3], found[3]


LIKELIHOOD = (
    "$$E = - \\frac{1}{N} \\log P( { \\bf T } \\mid { \\bf X } )$$\n\n"
    "$$E_{n} = - ( t_{n} \\log y_{n} + (1 - t_{n}) \\log (1 - y_{n}) )$$\n\n"
    "$$- \\frac{1}{N} \\sum_{n=1}^{N} ( t_{n} \\log y_{n} + (1 - t_{n}) \\log (1 - y_{n}) ) "
    "= \\frac{1}{N} \\sum_{n=1}^{N} E_{n}$$\n"
)


def test_a_definition_through_a_likelihood_never_defined_is_not_read():
    # E = -log P(T|X)/N names a likelihood the text never defines: E stays unread, and E_n
    # keeps its own meaning
    found = summaries(LIKELIHOOD)
    assert found[1].startswith("not checked"), found[1]
    assert found[5] == "holds", found[5]
    flipped = summaries(LIKELIHOOD.replace("= \\frac{1}{N} \\sum", "= -\\frac{1}{N} \\sum"))
    assert flipped[5].startswith("fails"), flipped[5]


def test_a_probability_written_with_a_summed_index_is_each_sample_s():
    # P(y_i=1|x_i) is sample i's probability, the entry i of the samples' (session 77; one
    # name for every i would be one number under \sum_i, so it was not read before)
    text = (
        "$$P(y_i=1|x_i) = \\frac{1}{1+e^{-z_i}}$$\n\n"
        "$$\\sum_{i=1}^{N} \\log P(y_i=1|x_i) = -\\sum_{i=1}^{N} \\log(1+e^{-z_i})$$\n\n"
        "$$\\sum_{i=1}^{N} \\log P(y_i=1|x_i) = -N\\log(1+e^{-z_i})$$\n"
    )
    found = summaries(text)
    assert found[3] == "holds", found[3]
    assert found[5].startswith("fails"), found[5]  # the sum's index left outside it
