"""Session 39: two meanings of one name listed back to back after words that announce two in
turn, in function notation too. Each fix that withholds a verdict has a twin outside its premise
that is still judged (and refuted when wrong)."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from tests.steps import judged as _steps

TRIED = (
    "# Sigmoid or tanh?\n\n"
    "LEAD\n\n"
    "$$f(x) = \\frac{1}{1 + e^{-x}}$$\n"
    "$$f(x) = SECOND$$\n\n"
    "With the tanh, the derivative can again be written through the output itself:\n\n"
    "$$f'(x) = DERIVATIVE$$\n"
)
FIRST_THEN = "For the hidden activation we tried the sigmoid first and then the hyperbolic tangent:"


def _text(lead: str, second: str, derivative: str) -> str:
    text = TRIED.replace("LEAD", lead).replace("SECOND", second)
    return text.replace("DERIVATIVE", derivative)


def test_two_activations_tried_in_turn_are_two_meanings_in_function_notation():
    # the tanh is right for the second meaning: no flag on the definition nor on the derivative
    steps = check_document(_text(FIRST_THEN, "\\tanh(x)", "1 - f(x)^2")).steps
    assert [s.status for s in steps] == ["definition", "definition", "not checked"], steps
    assert "one of several values the text lists" in steps[1].summary
    assert "f is defined at line 6" in steps[2].summary
    # and the sigmoid's derivative, wrong for the tanh, is not said to hold under the first
    steps = check_document(_text(FIRST_THEN, "\\tanh(x)", "f(x)(1 - f(x))")).steps
    assert steps[2].status == "not checked", steps


def test_the_same_function_restated_in_turn_is_a_step_and_later_steps_are_judged():
    # an equal value is a restatement: it holds, and a wrong derivative later is refuted
    restated = _text(FIRST_THEN, "\\frac{e^x}{1 + e^x}", "1 - f(x)^2")
    assert [status for status, _ in _steps(restated)] == ["holds", "fails"]
    right = restated.replace("1 - f(x)^2", "f(x)(1 - f(x))")
    assert [status for status, _ in _steps(right)] == ["holds", "holds"]


def test_a_second_value_after_a_single_activation_is_still_a_step():
    # "The activation:" announces one: the tanh line is a restatement that fails
    steps = _steps(_text("The activation:", "\\tanh(x)", "1 - f(x)^2"))
    assert steps[0][0] == "fails", steps


def test_a_function_calling_a_listed_one_is_not_judged_either():
    text = _text(FIRST_THEN, "\\tanh(x)", "1 - f(x)^2")
    text += "\nThe loss through it:\n\n$$g(x) = f(x)^2$$\n\nso\n\n$$g'(x) = 2 f(x)(1 - f(x)^2)$$\n"
    steps = check_document(text).steps
    assert steps[-1].status == "not checked", steps
    assert "it calls f" in steps[-1].summary, steps[-1]
    # with one meaning of f the same step is judged: wrong for the sigmoid, refuted
    single = text.replace("$$f(x) = \\tanh(x)$$\n", "")
    assert check_document(single).steps[-1].status == "fails"


def test_simplified_in_turn_is_a_restatement_not_a_list():
    # "first … then simplify" announces one value written twice: the second is judged
    lead = "We first write the activation and then simplify it:"
    steps = _steps(_text(lead, "\\tanh(x)", "1 - f(x)^2"))
    assert steps[0][0] == "fails", steps


SYMBOLS = (
    "For the hidden activation we tried the sigmoid first and then the hyperbolic tangent:\n\n"
    "$$a = \\frac{1}{1 + e^{-z}}$$\n$$a = \\tanh(z)$$\n\n"
    "With the tanh:\n\n$$\\frac{\\partial a}{\\partial z} = RIGHT$$\n"
)


def test_two_activations_tried_in_turn_are_two_meanings_of_a_letter():
    steps = check_document(SYMBOLS.replace("RIGHT", "1 - a^2")).steps
    assert [s.status for s in steps] == ["definition", "definition", "not checked"], steps
    # one activation only: the derivative is judged, and the tanh's is refuted for the sigmoid
    one = SYMBOLS.replace("$$a = \\tanh(z)$$\n", "")
    assert [status for status, _ in _steps(one.replace("RIGHT", "1 - a^2"))] == ["fails"]
    assert [status for status, _ in _steps(one.replace("RIGHT", "a(1 - a)"))] == ["holds"]


ENTROPY = (
    "# Entropy of a softmax\n\n"
    "Let $p$ be the softmax of the logits $z$, with partition function $Z = \\sum_k e^{z_k}$, "
    "so that $\\log p_i = z_i - \\log Z$. The entropy is\n\n"
    "$$H = -\\sum_i p_i \\log p_i = -\\sum_i p_i z_i + \\sum_i p_i \\log Z = RIGHT$$\n"
)


def test_a_softmax_said_in_words_is_the_meaning_of_its_letter():
    steps = _steps(ENTROPY.replace("RIGHT", "\\log Z - \\sum_i p_i z_i"))
    assert [status for status, _ in steps] == ["holds", "holds"], steps
    # the sign of the last term flipped: refuted under the same reading
    steps = _steps(ENTROPY.replace("RIGHT", "\\log Z + \\sum_i p_i z_i"))
    assert [status for status, _ in steps] == ["holds", "fails"], steps


def test_a_hedged_softmax_in_words_gives_no_meaning():
    # "if we let p be …" states nothing: p is not given the softmax's value, no step holds by it
    hedged = ENTROPY.replace("Let $p$ be", "If we let $p$ be").replace("RIGHT", "\\log Z")
    assert not any(status == "holds" for status, _ in _steps(hedged)[1:])


def test_the_jacobian_of_a_hatted_softmax_said_in_words():
    text = (
        "Let $\\hat{y}$ be the softmax of the scores $s$. Then\n\n"
        "$$\\frac{\\partial \\hat{y}_i}{\\partial s_j} = RIGHT$$\n"
    )
    assert _steps(text.replace("RIGHT", "\\hat{y}_i(\\delta_{ij} - \\hat{y}_j)"))[0][0] == "holds"
    # the delta dropped: wrong on the diagonal
    assert _steps(text.replace("RIGHT", "-\\hat{y}_i \\hat{y}_j"))[0][0] != "holds"


KL = (
    "The network outputs logits $z$ and softmax probabilities $p$. We pull $p$ toward a fixed "
    "target distribution $q$ with the reverse KL divergence "
    "$KL = \\sum_i p_i \\log p_i - \\sum_i p_i \\log q_i$.\n\n"
    "$$\\sum_i p_i \\left(\\log \\frac{p_i}{q_i} + 1\\right) = RIGHT$$\n"
)


def test_softmax_probabilities_beside_their_logits_sum_to_one():
    steps = _steps(KL.replace("RIGHT", "\\sum_i p_i \\log \\frac{p_i}{q_i} + 1"))
    assert steps == [("holds", steps[0][1])], steps
    steps = _steps(KL.replace("RIGHT", "\\sum_i p_i \\log \\frac{p_i}{q_i}"))
    assert steps[0][0] == "fails", steps


LOGISTIC = (
    "Logistic regression models the probability of the positive class:\n\n"
    "$$P(Y=1 \\mid x) = \\frac{e^{w^T x}}{1 + e^{w^T x}} = RIGHT$$\n"
)


def test_a_transposed_product_opening_an_exponent_makes_its_letters_vectors():
    steps = _steps(LOGISTIC.replace("RIGHT", "\\frac{1}{1 + e^{-w^T x}}"))
    assert [status for status, _ in steps] == ["holds"], steps
    # the minus sign dropped: flagged (vectors as rows would make w^T x a matrix in an exponent,
    # where only a number stands: not the author's reading; session 77)
    steps = _steps(LOGISTIC.replace("RIGHT", "\\frac{1}{1 + e^{w^T x}}"))
    assert steps[0][0] == "fails", steps
    # x^T w is the same number
    assert _steps(LOGISTIC.replace("RIGHT", "\\frac{e^{x^T w}}{1 + e^{x^T w}}"))[0][0] == "holds"


GRADIENT = (
    "Logistic regression, for an input vector $x$:\n\n"
    "$$P(Y=1 \\mid x) = \\frac{e^{w^T x}}{1 + e^{w^T x}} = \\sigma(w^T x)$$\n\n"
    "The gradient of the log-likelihood of one example is\n\n"
    "$$LEFT = RIGHT$$\n"
)


@pytest.mark.parametrize(
    "left",
    [
        "\\frac{\\partial}{\\partial w} \\log \\sigma(w^T x)",
        "\\frac{\\partial}{\\partial \\mathbf{w}} \\left( \\log \\sigma(\\mathbf{w}^T x) \\right)",
        "\\nabla_{w} \\log \\sigma(w^T x)",
    ],
)
def test_a_gradient_operator_before_a_number_written_with_vectors(left):
    text = GRADIENT.replace("LEFT", left)
    steps = _steps(text.replace("RIGHT", "(1 - \\sigma(w^T x)) x"))
    assert [status for status, _ in steps] == ["holds", "holds"], steps
    # the sigmoid's derivative put in place of the log's: refuted at a concrete w and x
    steps = _steps(text.replace("RIGHT", "\\sigma(w^T x) x"))
    assert steps[1][0] == "fails", steps


def test_an_input_said_in_words_is_free_but_an_unsaid_letter_is_not():
    text = GRADIENT.replace("LEFT", "\\nabla_{w} \\log \\sigma(w^T x)")
    unsaid = text.replace(", for an input vector $x$", "").replace("\\mid x", "")
    steps = _steps(unsaid.replace("RIGHT", "\\sigma(w^T x) x"))
    assert steps[-1][0] == "not checked", steps  # x never said: no flag rests on it


def test_a_softmax_said_at_a_temperature_is_not_the_plain_softmax():
    text = (
        "Let $p$ be the softmax of the logits $z$ WORDS. The diagonal of its Jacobian is\n\n"
        "$$\\frac{\\partial p_i}{\\partial z_i} = p_i (1 - p_i)$$\n"
    )
    changes = ["at temperature $T$", "scaled by $\\beta$", "divided by a temperature"]
    # or in another sentence of its paragraph (the red team's next-sentence temperature)
    changes += [". Each logit is first divided by $T$", ". The logits are taken at $T = 2$"]
    changes += [". Each logit is halved first", ". It is taken over the negative classes only"]
    for words in changes:
        steps = _steps(text.replace("WORDS", words))
        assert steps[0][0] == "not checked", (words, steps)
    # said without a change, the plain softmax: holds, and its wrong twin is refuted
    assert _steps(text.replace(" WORDS", ""))[0][0] == "holds"
    wrong = text.replace(" WORDS", "").replace("p_i (1 - p_i)", "p_i (1 + p_i)")
    assert _steps(wrong)[0][0] == "fails"


PENALTY = (
    "We tried the squared error first and then the cross-entropy:\n\n"
    "$$L = \\frac{1}{2}(a - y)^2$$\n$$L = -y \\log a - (1 - y) \\log(1 - a)$$\n\n"
    "We kept the cross-entropy and add a penalty, $J = L + \\frac{\\lambda}{2} a^2$. Then\n\n"
    "$$\\frac{\\partial J}{\\partial a} = RIGHT$$\n"
)


def test_a_name_defined_through_a_listed_one_is_not_judged_under_the_first():
    steps = _steps(PENALTY.replace("RIGHT", "a - y + \\lambda a"))
    assert steps[-1][0] == "not checked", steps
    # with the squared error alone, the same step holds and a wrong sign is refuted
    single = PENALTY.replace("$$L = -y \\log a - (1 - y) \\log(1 - a)$$\n", "")
    assert _steps(single.replace("RIGHT", "a - y + \\lambda a"))[-1][0] == "holds"
    assert _steps(single.replace("RIGHT", "a - y - \\lambda a"))[-1][0] == "fails"


def test_a_letter_defined_through_a_listed_function_is_not_judged_under_the_first():
    text = _text(FIRST_THEN, "\\tanh(x)", "1 - f(x)^2").split("With the tanh")[0]
    text += "We kept the tanh. The hidden unit is $a = f(z)$, so\n\n"
    text += "$$\\frac{\\partial a}{\\partial z} = RIGHT$$\n"
    assert _steps(text.replace("RIGHT", "a(1 - a)"))[-1][0] == "not checked"
    single = text.replace("$$f(x) = \\tanh(x)$$\n", "")
    assert _steps(single.replace("RIGHT", "a(1 - a)"))[-1][0] == "holds"
    assert _steps(single.replace("RIGHT", "1 - a^2"))[-1][0] == "fails"


def test_activations_we_compare_are_a_list_and_a_substitution_is_a_step():
    lead = "The two activations we compare in this post are"
    steps = _steps(_text(lead, "\\tanh(x)", "1 - f(x)^2"))
    assert [status for status, _ in steps] == ["not checked"], steps
    lead = "We first write the activation and then substitute the exponential:"
    assert _steps(_text(lead, "\\tanh(x)", "1 - f(x)^2"))[0][0] == "fails"


SECTIONS = (
    "We start with regression. The output is $a$, the target is $y$, and the loss is\n\n"
    "$$L = \\frac{1}{2}(a - y)^2$$\n\n"
    "The regularized objective is $J = L + \\frac{\\lambda}{2} a^2$.\n\n"
    "## Switching to classification\n\n"
    "For the classifier the loss is the cross-entropy instead:\n\n"
    "$$L = -y \\log a - (1 - y) \\log(1 - a)$$\n\n"
    "The objective $J$ defined above is unchanged, and its gradient is\n\n"
    "$$\\frac{\\partial J}{\\partial a} = RIGHT$$\n"
)


def test_a_name_built_from_a_name_defined_in_two_sections_holds_only_under_both():
    # J was built from the squared error, but which L it uses is not read: the cross-entropy's
    # gradient plus the penalty is not said to hold (under the squared error it fails)
    steps = _steps(SECTIONS.replace("RIGHT", "\\frac{a - y}{a(1 - a)} + \\lambda a"))
    assert steps[-1][0] == "not checked", steps
    # a step true under both meanings (the penalty's part alone) holds, and its wrong twin fails
    both = SECTIONS.replace(
        "\\frac{\\partial J}{\\partial a}", "\\frac{\\partial (J - L)}{\\partial a}"
    )
    assert _steps(both.replace("RIGHT", "\\lambda a"))[-1][0] == "holds"
    assert _steps(both.replace("RIGHT", "2 \\lambda a"))[-1][0] == "fails"


ELL = (
    "For a prediction $p$ and a label $y$ we use\n\n"
    "$$\\ell(p) = \\frac{1}{2}(p - y)^2$$\n\n"
    "The loss is $L = \\ell(p)$, and\n\n"
    "$$\\frac{\\partial L}{\\partial p} = RIGHT$$\n"
)


def test_ell_of_one_argument_is_a_function_the_text_defines_not_a_product():
    steps = check_document(ELL.replace("RIGHT", "p - y")).steps
    assert [s.status for s in steps] == ["definition", "holds"], steps
    assert _steps(ELL.replace("RIGHT", "y - p"))[0][0] == "fails"


def test_two_activations_tried_in_rows_of_one_display_are_a_list_too():
    rows = (
        f"{FIRST_THEN}\n\n"
        "$$\\begin{aligned} f(x) &= \\frac{1}{1 + e^{-x}} \\\\ f(x) &= SECOND \\end{aligned}$$\n\n"
        "With the tanh, $f'(x) = 1 - f(x)^2$.\n"
    )
    steps = check_document(rows.replace("SECOND", "\\tanh(x)")).steps
    assert [s.status for s in steps] == ["definition", "definition", "not checked"], steps
    # the same value in the second row is a restatement: judged; after words that announce
    # one activation, a wrong second row is refuted
    restated = rows.replace("SECOND", "\\frac{e^x}{1 + e^x}")
    assert _steps(restated)[0][0] == "holds"
    single = rows.replace(FIRST_THEN, "The activation:").replace("SECOND", "\\tanh(x)")
    assert _steps(single)[0][0] == "fails"


ASIDE = (
    "The output is a probability $a$ and the target is $y$. We train with the cross-entropy\n\n"
    "$$L = -y \\log a - (1 - y) \\log(1 - a)$$\n\n"
    "LEAD\n\n$$L = \\frac{1}{2}(a - y)^2$$\n\nwhich is a poor fit for probabilities.\n"
)


def test_a_value_the_text_supposes_is_no_claim():
    lead = "As an aside, if we had used the squared error, the loss would have been"
    steps = check_document(ASIDE.replace("LEAD", lead)).steps
    assert [s.status for s in steps] == ["definition", "definition"], steps
    # said as the same loss, the second value is a restatement, and a wrong one: refuted; "would
    # be" without an "if" supposes nothing (a third red team's lost flag)
    assert _steps(ASIDE.replace("LEAD", "In other words,"))[0][0] == "fails"
    assert _steps(ASIDE.replace("LEAD", "Expanded, it would be"))[0][0] == "fails"


BIAS = (
    "For a weight vector $w$, an input vector $x$ and a scalar bias $b$,\n\n"
    "$$\\frac{\\partial}{\\partial w} \\log \\sigma(w^T x + b) = (1 - \\sigma(w^T x + b)) x$$\n\n"
    "$$LEFT = RIGHT$$\n"
)


@pytest.mark.parametrize(
    "left",
    [
        "\\frac{\\partial}{\\partial b} \\log \\sigma(w^T x + b)",
        "\\frac{\\partial}{\\partial b} \\left( \\log \\sigma(w^T x + b) \\right)",
    ],
)
def test_the_operator_by_a_plain_scalar_beside_vectors_is_a_derivative_by_a_number(left):
    text = BIAS.replace("LEFT", left)
    assert _steps(text.replace("RIGHT", "1 - \\sigma(w^T x + b)"))[-1][0] == "holds"
    assert _steps(text.replace("RIGHT", "\\sigma(w^T x + b)"))[-1][0] == "fails"
