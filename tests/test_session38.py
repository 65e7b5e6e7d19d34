"""Session 38: a list of two losses, a worked example's soft targets, a loss given per condition.
Each fix that withholds a flag has a twin outside its premise that is still flagged."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.documents.respelling import _KATEX_PART
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
    steps = check_document(text.replace("RIGHT", "\\frac{a - y}{a(1-a)}")).steps
    # the second is one of the listed meanings; which one a later step uses is not read: the
    # derivative right under cross-entropy is not flagged (nor said to hold under a guess)
    assert [step.status for step in steps] == ["definition", "definition", "not checked"], steps
    assert "one of several values the text lists" in steps[1].summary
    # "both forms of the same loss" lists no meanings: the second is a step, refuted
    same = text.replace("The MSE and cross-entropy losses", "Both forms of the same losses")
    steps = _steps(same.replace("RIGHT", "a - y"))
    assert steps[0][0] == "fails", steps


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
    steps = check_document(PER_CONDITION.replace("FOURTH", "log(1+exp(x))")).steps
    assert [step.status for step in steps] == ["definition"] * 4, steps
    assert "its value in one case the text states" in steps[3].summary, steps[3].summary
    # "When we expand it" opens with no condition: a restatement, refuted when wrong
    expanded = (
        "The loss is\n\n`loss=log(1+exp(-x))`\n\n"
        "When we expand it we get\n\n`loss=x+log(1+exp(-x))`\n"
    )
    ((status, summary),) = _steps(expanded)
    assert status == "fails", summary


def test_a_loss_restated_without_a_condition_is_still_a_step():
    text = "The loss is\n\n`loss=log(1+exp(-x))`\n\nwhich we rewrite as\n\n`loss=FOURTH`\n"
    ((status, summary),) = _steps(text.replace("FOURTH", "x+log(1+exp(-x))"))
    assert status == "fails", summary
    ((status, summary),) = _steps(text.replace("FOURTH", "-x+log(1+exp(x))"))
    assert status == "holds", summary


TARGET_P = (
    "$$q_i = \\frac{e^{z_i}}{\\sum_{j=1}^{N}e^{z_j}}$$\n\n"
    "$$E = - \\sum_{i=1}^Np_i \\mathop{log}(q_i)$$\n\n"
    "$$-{p_i}(1-q_i) + \\sum_{j \\neq i} p_j q_i = RIGHT$$\n"
)


def test_a_letter_weighing_the_log_of_the_softmax_is_a_target_not_the_default_softmax():
    # p is the target here: the step needs Σ p = 1, which the text never states
    status, summary = _steps(TARGET_P.replace("RIGHT", "q_i - p_i"))[-1]
    assert summary == "uses Σ_j p_j = 1, which the document does not state", summary
    # the same algebra with the sum of p written out holds, and a sign slip fails
    text = TARGET_P.replace("RIGHT", "q_i \\sum_j p_j - p_i")
    status, summary = _steps(text)[-1]
    assert status == "holds", summary
    status, summary = _steps(text.replace("- p_i$$", "+ p_i$$"))[-1]
    assert status == "fails", summary


CAPITAL_D = (
    "분모 $D = \\sum_{k=1}^K e^{x_k}$라 하자. $s_i = e^{x_i} / D$.\n\n"
    "$$\\frac{\\partial s_i}{\\partial x_i} = \\frac{e^{x_i} D - e^{x_i} \\cdot e^{x_i}}{D^2}"
    " = RIGHT$$\n"
)


def test_a_capital_d_the_text_defines_is_a_name_not_the_derivative_operator():
    steps = _steps(CAPITAL_D.replace("RIGHT", "s_i(1 - s_i)"))
    assert [status for status, _ in steps] == ["holds", "holds"], steps
    steps = _steps(CAPITAL_D.replace("RIGHT", "s_i(1 + s_i)"))
    assert [status for status, _ in steps] == ["holds", "fails"], steps


BACK_AGAIN = (
    "$$s_i = \\frac{e^{x_i}}{\\sum_{j=1}^K e^{x_j}}$$\n\n"
    "With a temperature:\n\n$$s_i = \\frac{e^{x_i / T}}{\\sum_j e^{x_j / T}}$$\n\n"
    "### The Jacobian\n\nLet $D = \\sum_{k=1}^K e^{x_k}$ and $s_i = e^{x_i} / D$.\n\n"
    "$$\\frac{\\partial s_i}{\\partial x_i} = RIGHT$$\n"
)


def test_a_first_meaning_written_again_after_a_new_one_is_no_guess():
    # which of the two meanings the section means is not read: neither "holds" under a guess
    # (a red team's "compare with the cross-entropy" display put a meaning back falsely) nor a
    # flag, while a step wrong under both is refuted
    ((status, summary),) = _steps(BACK_AGAIN.replace("RIGHT", "s_i(1 - s_i)"))
    assert status == "not checked" and "ambiguous" in summary, summary
    ((status, summary),) = _steps(BACK_AGAIN.replace("RIGHT", "s_i(1 + s_i)"))
    assert status == "fails", summary


SIGMA_CHAIN = "$$\\sigma(x) = \\frac{1}{1 + e^{-x}} = MIDDLE$$\n\n$$\\sigma'(x) = RIGHT$$\n"


def test_a_sigma_defined_by_a_chain_of_logistic_values_is_the_logistic_function():
    text = SIGMA_CHAIN.replace("MIDDLE", "\\frac{e^x}{1 + e^x}")
    steps = _steps(text.replace("RIGHT", "\\sigma(x)(1 - \\sigma(x))"))
    assert [status for status, _ in steps] == ["holds"] * 3, steps
    steps = _steps(text.replace("RIGHT", "\\sigma(x)(1 + \\sigma(x))"))
    assert [status for status, _ in steps] == ["holds", "holds", "fails"], steps
    # a middle value that is not logistic: σ is the text's own, its derivative not judged
    text = SIGMA_CHAIN.replace("MIDDLE", "\\frac{e^{-x}}{1 + e^{-x}}")
    steps = _steps(text.replace("RIGHT", "\\sigma(x)(1 - \\sigma(x))"))
    assert steps[-1][0] == "not checked", steps


HOT_AT_O = (
    "The target $\\boldsymbol{y}$ is a one-hot vector with a 1 for the true outside word $o$.\n\n"
    "$$\\hat{y}_w = \\frac{e^{\\theta_w}}{\\sum_k e^{\\theta_k}}$$\n\n"
    "$$- y_o\\log(\\hat{y}_o) = RIGHT$$\n"
)


def test_a_one_hot_label_at_a_named_class_is_no_flag_on_that_class():
    ((status, summary),) = _steps(HOT_AT_O.replace("RIGHT", "-\\log(\\hat{y}_o)"))
    assert status == "not checked" and "holds only when c = o" in summary, summary
    # the sign slip fails whichever class holds the 1
    ((status, summary),) = _steps(HOT_AT_O.replace("RIGHT", "\\log(\\hat{y}_o)"))
    assert status == "fails", summary
    # the text not naming the class with the 1: the step is true only in a case it never states
    plain = HOT_AT_O.replace(" with a 1 for the true outside word $o$", "")
    ((status, summary),) = _steps(plain.replace("RIGHT", "-\\log(\\hat{y}_o)"))
    assert status == "holds only", summary


def test_double_dollars_ending_a_sentence_line_are_a_display():
    text = (
        "Considérons la fonction f définie par $$f(x)= \\frac{g(x)}{h(x)}$$\n\n"
        "Sa dérivée selon x est donnée par la formule $$f'(x)= \\frac{g'(x)h(x)-h'(x)g(x)}{DEN}$$\n"
    )
    assert _steps(text.replace("DEN", "h(x)^2"))[-1][0] == "holds"
    status, summary = _steps(text.replace("DEN", "h'(x)^2"))[-1]
    assert status == "fails", summary
    # with words after it on its line, $$…$$ is kramdown's inline math: no step
    inline = text.replace("DEN}$$\n", "DEN}$$ pour tout x.\n")
    assert _steps(inline.replace("DEN", "h'(x)^2")) == []


def test_katex_short_part_is_the_partial_sign():
    text = (
        "$$p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$$\n\n$$\\frac{\\part p_i}{\\part z_i} = RIGHT$$\n"
    )
    assert _steps(text.replace("RIGHT", "p_i(1-p_i)")) == [("holds", "holds")]
    ((status, summary),) = _steps(text.replace("RIGHT", "p_i(1+p_i)"))
    assert status == "fails", summary
    # LaTeX's \part{Title} is a heading, not a derivative
    assert not _KATEX_PART.search("\\part{Softmax}") and not _KATEX_PART.search("\\part*{A}")
    assert _KATEX_PART.search("\\part x") and _KATEX_PART.search("\\frac{\\part}{\\part x}")


@pytest.mark.parametrize("log", ["\\mathop{log}", "\\mathrm{log}", "\\operatorname{log}"])
def test_a_log_named_by_a_command_is_the_log(log):
    text = (
        "$$q_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$$\n\n"
        f"$$E = -\\sum_i p_i {log}(q_i)$$\n\n"
        "The labels $p$ are one-hot.\n\n"
        "$$\\frac{\\partial E}{\\partial z_i} = RIGHT$$\n"
    )
    assert _steps(text.replace("RIGHT", "q_i - p_i")) == [("holds", "holds")]
    ((status, summary),) = _steps(text.replace("RIGHT", "p_i - q_i"))
    assert status == "fails", summary


def test_a_log_word_in_a_script_stays_a_label():
    text = (
        "$$L_{\\text{exp}} = e^{-m}$$\n\n$$L_{\\text{log}} = \\log(1 + e^{-m})$$\n\n"
        "$$\\frac{\\partial L_{\\text{log}}}{\\partial m} = RIGHT$$\n"
    )
    assert _steps(text.replace("RIGHT", "-\\frac{1}{1 + e^{m}}")) == [("holds", "holds")]
    ((status, summary),) = _steps(text.replace("RIGHT", "\\frac{1}{1 + e^{m}}"))
    assert status == "fails", summary


RESTATED = (
    "With two classes the model outputs one probability $p$, and the cross-entropy reads\n\n"
    "$$L = -y \\log p - (1 - y)\\log(1 - p)$$\n"
    "$$L = SECOND$$\n\n"
    "Taking the derivative with respect to $p$:\n\n"
    "$$\\frac{\\partial L}{\\partial p} = -\\frac{y}{p} - \\frac{1 - y}{1 - p}$$\n"
)


def test_a_different_value_right_after_announcing_words_is_no_guessed_meaning():
    # a sign slip in the display right after: a new meaning or a wrong restatement? Neither
    # guessed: the derivative of the slipped form is not said to hold
    steps = _steps(RESTATED.replace("SECOND", "-y \\log p + (1 - y)\\log(1 - p)"))
    assert [status for status, _ in steps] == ["not checked"], steps
    # the same loss written again: a step that holds, and the (wrong) derivative is refuted
    steps = _steps(RESTATED.replace("SECOND", "-(y \\log p + (1 - y)\\log(1 - p))"))
    assert [status for status, _ in steps] == ["holds", "fails"], steps


def test_a_vector_of_other_values_denies_nothing():
    # a point y = (1, 2) elsewhere is no distribution: "one-hot" still stands
    text = SOFT_EXAMPLE.replace("soft targets $y = (VALUES)$", "one-hot targets $y$")
    text += "\nUnrelated: in the plane, the point $y = (1, 2)$ lies above the line.\n"
    ((status, summary),) = _steps(text)
    assert status == "holds" and "given" in summary, summary
    ((status, summary),) = _steps(text.replace("- y_i$$", "+ y_i$$"))
    assert status == "fails", summary


def test_a_letter_named_in_the_one_hot_sentence_for_another_reason_is_no_hot_class():
    text = HOT_AT_O.replace(
        "with a 1 for the true outside word $o$", "with an entry for every word $o$"
    )
    ((status, summary),) = _steps(text.replace("RIGHT", "-\\log(\\hat{y}_o)"))
    assert status == "holds only", summary


UNIT_TEMPERATURE = (
    "The softmax of the logits $x$ is softened with a temperature $T > 0$:\n\n"
    "$$s_i = \\frac{e^{x_i / T}}{\\sum_{j=1}^K e^{x_j / T}}$$\n\n"
    "At unit temperature this is the ordinary softmax,\n\n"
    "$$s_i = RIGHT$$\n"
)


def test_unit_temperature_said_in_words_withholds_the_flag_at_that_value():
    ((status, summary),) = _steps(
        UNIT_TEMPERATURE.replace("RIGHT", "\\frac{e^{x_i}}{\\sum_j e^{x_j}}")
    )
    assert status == "not checked" and "T = 1" in summary, summary
    # a value wrong at every temperature (the denominator dropped) is refuted
    wrong = UNIT_TEMPERATURE.replace("RIGHT", "e^{x_i}")
    ((status, summary),) = _steps(wrong)
    assert status == "fails", summary
