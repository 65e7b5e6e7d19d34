"""Session 53: worked examples and the words of a text settle what a step means. Each reading
that lets a step hold (or leaves it unjudged) has a wrong twin that is still flagged."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from tests.steps import judged as _steps

HESSIAN = (
    "For logits $\\mathbf{o}$, probabilities $\\mathbf{q} = \\operatorname{softmax}(\\mathbf{o})$."
    "\n\n## Two classes\n\nTake $\\mathbf{o} = (\\ln 3, 0)^\\top$. Then\n\n"
    "$$\\operatorname{diag}(\\mathbf{q}) - \\mathbf{q}\\mathbf{q}^\\top = \\begin{bmatrix} A & B "
    "\\\\ B & A \\end{bmatrix}$$\n\n## Three classes\n\n"
    "With $\\mathbf{o} = (0, 0, \\ln 2)^\\top$ the probabilities are $(1/4, 1/4, 1/2)$:\n\n"
    "$$\\operatorname{diag}(\\mathbf{q}) - \\mathbf{q}\\mathbf{q}^\\top = \\frac{1}{16}"
    "\\begin{bmatrix} 3 & -1 & C \\\\ -1 & 3 & -2 \\\\ -2 & -2 & 4 \\end{bmatrix}$$\n"
)


@pytest.mark.parametrize(
    ("a", "b", "c", "statuses"),
    [
        ("3/16", "-3/16", "-2", ("holds", "holds")),
        ("3/16", "3/16", "-2", ("fails", "holds")),  # a sign slip off the diagonal
        ("3/4", "-3/16", "-2", ("fails", "holds")),  # diag(q) alone on the diagonal
        ("3/16", "-3/16", "2", ("holds", "fails")),  # one entry of the 3 x 3 example
    ],
)
def test_a_matrix_written_out_at_a_worked_example_is_judged_there(a, b, c, statuses):
    # a matrix of numbers after "Take o = (ln 3, 0)" is the example's Jacobian: judged at those
    # logits (each section its own example), never refuted at other logits it does not mean
    text = HESSIAN.replace("A", a).replace("B", b).replace("C", c)
    found = _steps(text)
    assert tuple(status for status, _ in found) == statuses, found
    assert all("worked example" in summary for _, summary in found), found
    for status, summary in found:
        if status == "fails":
            assert "o = (" not in summary.partition("counterexample")[2], found


def test_a_matrix_of_another_size_than_the_example_is_not_judged():
    text = HESSIAN.replace("A", "3/16").replace("B", "-3/16").replace("C", "-2")
    text = text.replace("(0, 0, \\ln 2)^\\top", "(0, \\ln 2)^\\top")
    found = _steps(text)
    assert found[0][0] == "holds", found
    assert found[1][0] == "not checked" and "size" in found[1][1], found


SOFTPLUS = (
    "We write $g$ for the logistic function and $\\zeta$ for softplus.\n\n"
    "$$ g(z) = \\frac{1}{1 + e^{-z}} $$\n\n"
    "$$ \\zeta(z) = \\log\\left(1 + e^{z}\\right) $$\n\n"
    "$$ STEP $$\n"
)


@pytest.mark.parametrize(
    ("step", "status"),
    [
        ("\\zeta'(z) = \\frac{e^{z}}{1 + e^{z}} = g(z)", ("holds", "holds")),
        ("\\zeta'(z) = \\frac{e^{-z}}{1 + e^{z}} = g(z)", ("fails", "fails")),  # a sign
        ("\\zeta(z) - \\zeta(-z) = z", ("holds",)),
        ("\\zeta(z) - \\zeta(-z) = -z", ("fails",)),
        ("\\log g(z) = -\\zeta(-z)", ("holds",)),
        ("\\log g(z) = -\\zeta(z)", ("fails",)),
    ],
)
def test_a_greek_letter_the_text_defines_as_a_function(step, status):
    # Goodfellow et al. write softplus as \zeta(z): a function the text defines, primed too
    found = _steps(SOFTPLUS.replace("STEP", step))
    assert tuple(s for s, _ in found) == status, found


def test_a_greek_letter_not_defined_as_a_function_stays_a_product():
    text = "Let $L = \\lambda(w - 1)^2$ with a constant $\\lambda$.\n\n$$ STEP $$\n"
    found = _steps(text.replace("STEP", "\\frac{\\partial L}{\\partial w} = 2\\lambda(w - 1)"))
    assert found[0][0] == "holds", found
    found = _steps(text.replace("STEP", "\\frac{\\partial L}{\\partial w} = \\lambda(w - 1)"))
    assert found[0][0] == "fails", found


PI = (
    "Let $\\pi_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ be the softmax of the logits.\n\n"
    "$$\\frac{\\partial \\pi_i}{\\partial z_j} = STEP$$\n"
)


@pytest.mark.parametrize(
    ("step", "status"),
    [
        ("\\pi_i(\\delta_{ij} - \\pi_j)", "holds"),
        ("\\pi_i(\\delta_{ij} + \\pi_j)", "fails"),  # a sign
        ("\\pi_i(1 - \\pi_j)", "holds only"),  # the delta dropped
    ],
)
def test_pi_with_an_index_is_a_name(step, status):
    found = _steps(PI.replace("STEP", step))
    assert found[0][0] == status, found


def test_pi_alone_is_not_read_as_a_name():
    found = _steps("Let $p = \\frac{1}{\\sqrt{2\\pi}}$.\n\n$$\\frac{1}{\\sqrt{2\\pi}} = 3$$\n")
    assert all(status != "fails" for status, _ in found), found


TANH = "The logistic function is $\\sigma(x) = \\frac{1}{1+e^{-x}}$. LEAD $STEP$ WORDS.\n"


@pytest.mark.parametrize(
    ("step", "status"),
    [
        ("\\sigma'(x) = \\sigma(x)(1-\\sigma(x))", "holds"),
        ("\\sigma'(x) = \\sigma(x)(1+\\sigma(x))", "not checked"),  # a sign: flag withheld
        ("\\sigma(-x) = 1 - \\sigma(x)", "holds"),
        ("\\sigma(-x) = \\sigma(x) - 1", "not checked"),
        ("\\tanh(-x) = -\\tanh(x)", "holds"),
        ("\\tanh(-x) = \\tanh(x)", "not checked"),
        ("\\sum_{i=1}^{n} x_i(1 - x_i) = \\sum_{i=1}^{n} x_i - \\sum_{i=1}^{n} x_i^2", "holds"),
        ("\\sum_{i=1}^{n} x_i(1 - x_i) = 1 - \\sum_{i=1}^{n} x_i^2", "not checked"),
    ],
)
def test_an_identity_said_in_a_sentence_is_a_claim(step, status):
    # "Most textbooks state $σ'(x) = σ(x)(1 - σ(x))$ and move on": a claim of its own, judged;
    # a wrong one is not flagged (the words around it may make it a case), only not "holds"
    text = TANH.replace("STEP", step)
    found = _steps(text.replace("LEAD", "Most textbooks state").replace("WORDS", " and move on"))
    assert [s for s, _ in found] == [status], found
    if status == "not checked":
        assert "sentence" in found[0][1], found


@pytest.mark.parametrize(
    "lead",
    ["Suppose", "It is wrong that", "Show that", "If", "Let", "When $x > 0$,", "Define"],
)
def test_an_identity_in_a_guarded_sentence_is_no_step(lead):
    text = TANH.replace("LEAD", lead).replace("STEP", "\\sigma(-x) = \\sigma(x) - 1")
    found = _steps(text.replace("WORDS", ""))
    assert all(status not in ("fails", "holds") for status, _ in found), found


@pytest.mark.parametrize(
    "math",
    ["\\sigma(x) = 0.5", "f(x) = 1 + e^{-x}", "p_i = 0.2", "\\tanh(x) = 2\\sigma(2x) + 1"],
)
def test_a_value_or_a_definition_in_a_sentence_is_no_identity(math):
    found = _steps(TANH.replace("LEAD", "So").replace("STEP", math).replace("WORDS", ""))
    assert all(status not in ("fails", "not checked") for status, _ in found), found


CS231N = (
    "Scores $f_j = w_j^T x$ of the classes, the correct class $y_i$.\n\n"
    "$$L_i = -f_{y_i} + \\log\\sum_j e^{f_j}$$\n\n"
    "$$\\frac{\\partial L_i}{\\partial f_k} = \\frac{e^{f_k}}{\\sum_j e^{f_j}} STEP$$\n\n"
    "$$\\nabla_{w_k} L_i = "
    "\\left(\\frac{e^{f_k}}{\\sum_j e^{f_j}} - \\mathbb{1}(y_i = k)\\right) x$$\n"
)


@pytest.mark.parametrize(
    ("step", "status"),
    [
        ("- \\mathbb{1}(y_i = k)", "holds"),
        ("\\cdot 2 - \\mathbb{1}(y_i = k)", "fails"),  # a factor 2 (fails in both cases)
        ("- \\mathbb{1}(y_i = j)", "not checked"),  # j is bound in the sum, free here: not read
    ],
)
def test_a_gradient_by_a_subscripted_vector_leaves_the_correct_class_an_index(step, status):
    # \nabla_{w_k} in a later display is a variable with its index, not a second class label
    found = _steps(CS231N.replace("STEP", step))
    assert found[0][0] == status, found


SMOOTHED = (
    "Let $\\hat{y}_k = \\frac{e^{o_k}}{\\sum_{j=1}^{K} e^{o_j}}$ and the smoothed target\n\n"
    "$$t_k = \\begin{cases} ON & \\text{if } k = c, \\\\ \\dfrac{\\epsilon}{K} & ELSE "
    "\\end{cases}$$\n\n"
    "$$E = -\\sum_{k=1}^{K} t_k \\log \\hat{y}_k$$\n\n"
    "$$\\sum_{k=1}^{K} t_k = 1$$\n\n"
    "$$\\frac{\\partial E}{\\partial o_i} = \\hat{y}_i - t_i$$\n\n"
    "$$\\frac{\\partial E}{\\partial o_c} = \\hat{y}_c - STEP$$\n"
)


@pytest.mark.parametrize("otherwise", ["\\text{if } k \\neq c.", "\\text{otherwise}"])
@pytest.mark.parametrize(
    ("on", "step", "statuses"),
    [
        ("1 - \\epsilon + \\dfrac{\\epsilon}{K}", "(1 - \\epsilon + \\epsilon/K)", ("holds",) * 3),
        ("1 - \\epsilon + \\dfrac{\\epsilon}{K}", "(1 - \\epsilon)", ("holds", "holds", "fails")),
        # the on-class target without its share of epsilon: no distribution
        ("1 - \\epsilon", "(1 - \\epsilon)", ("fails", "not checked", "fails")),
    ],
)
def test_targets_defined_by_two_cases_on_their_index(otherwise, on, step, statuses):
    text = SMOOTHED.replace("ON", on).replace("ELSE", otherwise).replace("STEP", step)
    found = _steps(text)
    assert tuple(status for status, _ in found) == statuses, found


def test_cases_on_another_letter_than_the_index_are_not_read():
    text = SMOOTHED.replace("ON", "1").replace("ELSE", "\\text{otherwise}").replace("STEP", "1")
    found = _steps(text.replace("\\text{if } k = c", "\\text{if } j = c"))
    assert all(status not in ("holds", "fails") for status, _ in found), found


LSE = (
    "$$\\operatorname{LSE}(\\mathbf{x}) = \\log \\sum_{i=1}^{n} e^{x_i}$$\n\n"
    "$$s_j = \\frac{e^{x_j}}{\\sum_i e^{x_i}}$$\n\n"
    "$$\\frac{\\partial \\operatorname{LSE}}{\\partial x_j} = STEP$$\n\n"
    "$$\\frac{\\partial^2 \\operatorname{LSE}}{\\partial x_i\\, \\partial x_j} = SECOND$$\n"
)


@pytest.mark.parametrize(
    ("step", "second", "statuses"),
    [
        ("s_j", "s_i(\\delta_{ij} - s_j)", ("holds", "holds")),
        ("1 - s_j", "s_i(1 - s_j)", ("fails", "holds only")),  # a 1 too many; the delta dropped
    ],
)
def test_log_sum_exp_written_without_its_argument_in_a_derivative(step, second, statuses):
    # the text defines LSE of x: \frac{\partial \operatorname{LSE}}{\partial x_j} is of LSE(x)
    found = _steps(LSE.replace("STEP", step).replace("SECOND", second))
    assert tuple(status for status, _ in found[1:]) == statuses, found  # (the first: LSE itself)


def test_log_sum_exp_of_another_vector_is_not_read_so():
    text = LSE.replace("STEP", "s_j").replace("SECOND", "s_i(\\delta_{ij} - s_j)")
    found = _steps(text.replace("LSE}(\\mathbf{x})", "LSE}(\\mathbf{z})"))
    assert [status for status, _ in found[1:]] == ["not checked", "not checked"], found


NG_CHAIN = (
    "## Forward pass\n\n$$z = w^T x + b$$\n\n$$\\hat{y} = a = \\sigma(z)$$\n\n"
    "The loss for one example:\n\n"
    "$$\\mathcal{L} = -\\left(y \\log a + (1-y)\\log(1-a)\\right)$$\n\n"
    "$$\\frac{\\partial \\mathcal{L}}{\\partial z} = STEP$$\n"
)


@pytest.mark.parametrize(
    ("step", "status"),
    [("a - y", "holds"), ("\\hat{y} - y", "holds"), ("y - a", "fails"), ("a(1 - a)", "fails")],
)
def test_a_chain_of_two_names_into_a_value_defines_both(step, status):
    # Ng's "\hat{y} = a = \sigma(z)": a is the activation, \hat{y} another name for it
    found = _steps(NG_CHAIN.replace("STEP", step))
    assert [s for s, _ in found] == [status], found  # (the four definitions are no steps)


def test_a_chain_after_one_of_its_names_is_defined_is_a_claim():
    text = "Let $a = \\sigma(z)$.\n\n" + NG_CHAIN.replace("STEP", "a - y")
    found = _steps(text.replace("a = \\sigma(z)$$", "a = \\sigma(2z)$$"))
    assert "fails" in [status for status, _ in found], found


ROWS = (
    "In these notes **all vectors are row vectors**.\n\n"
    "$$q_i = \\frac{e^{x_i}}{\\sum_{j=1}^{n} e^{x_j}}, \\qquad C = -\\sum_{i=1}^{n} t_i \\log q_i$$"
    "\n\nwhere $\\mathbf{t}$ is a one-hot row, "
    "$\\sum_i t_i = 1$.\n\n"
    "$$-\\mathbf{t} + (\\mathbf{t}\\mathbf{1}^\\top)\\,\\mathbf{q} = STEP$$\n"
)


@pytest.mark.parametrize(
    ("said", "step", "status"),
    [
        ("all vectors are row vectors", "\\mathbf{q} - \\mathbf{t}", "holds"),
        ("all vectors are row vectors", "\\mathbf{t} - \\mathbf{q}", "fails"),  # a sign
        ("we say nothing of the layout", "\\mathbf{q} - \\mathbf{t}", "not checked"),
    ],
)
def test_a_step_that_holds_as_rows_where_the_text_says_rows(said, step, status):
    # (t 1^T) q is q for a row t (a number times q) but t for a column t (an outer product)
    text = ROWS.replace("all vectors are row vectors", said).replace("STEP", step)
    found = _steps(text)
    assert found[-1][0] == status, found


def test_a_counterexample_at_a_label_value_does_not_show_the_label():
    # "fails at z = 0" with a point "z = (1), x = -log(2)" contradicted itself
    from symsoft.reading.judge.readings import _without
    from symsoft.reading.judge.steps import CaseCheck
    from symsoft.results import Counterexample, Verdict

    shown = Counterexample((("x", "-log(2)"), ("z_1", "1")), "1/3", "-1/3", 1 / 3, -1 / 3)
    case = CaseCheck("every i", Verdict("refuted", "", counterexample=shown), "N = 1")
    (kept,) = _without((case,), "z")
    assert kept.verdict.counterexample.point == (("x", "-log(2)"),)
    (kept,) = _without((case,), "x")  # the twin: another letter keeps z
    assert kept.verdict.counterexample.point == (("z_1", "1"),)


LATEX = (
    "\\documentclass{article}\n\\begin{document}\n"
    "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and $Z = \\sum_k e^{z_k}$. LEAD\n"
    "$\\frac{\\partial Z}{\\partial z_j} = STEP$, and the quotient rule gives the rest.\n"
    "\\begin{equation}\n  \\frac{\\partial p_i}{\\partial z_j} = p_i(\\delta_{ij} - p_j)\n"
    "\\end{equation}\n\\end{document}\n"
)


@pytest.mark.parametrize(
    ("lead", "step", "status"),
    [
        ("Since only one term of $Z$ contains $z_j$, we have", "e^{z_j}", "holds"),
        ("Since only one term of $Z$ contains $z_j$, we have", "e^{z_i}", "not checked"),
        ("A common mistake is to write", "e^{z_i}", None),  # disowned: no step
        ("Suppose", "e^{z_i}", None),
    ],
)
def test_a_derivative_said_in_a_latex_sentence_is_a_claim(lead, step, status):
    found = _steps(LATEX.replace("LEAD", lead).replace("STEP", step))
    assert found[-1][0] == "holds", found  # the equation display
    if status is None:  # never judged as a claim (no step, or its verdict withheld)
        assert all(s not in ("holds", "fails") for s, _ in found[:-1]), found
    else:
        assert [s for s, _ in found[:-1]] == [status], found


PROBABILITY_VECTOR = (
    "Let $p_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}$.\n\n"
    "Let $\\mathbf{y}$ be WHAT and let $L = -\\sum_k y_k \\log p_k$.\n\n"
    "$$\\frac{\\partial L}{\\partial z_i} = p_i - y_i.$$\n"
)


@pytest.mark.parametrize(
    ("what", "stated"),
    [("a probability vector", True), ("a probability distribution", True), ("a vector", False)],
)
def test_a_hypothesis_said_of_the_name_before_and_let(what, stated):
    # "Let $y$ be a probability vector and let $L = …$": said of y, not of L after "and let"
    result = check_document(PROBABILITY_VECTOR.replace("WHAT", what)).steps[-1]
    assert result.status == "holds", result.summary
    assert result.hypothesis_stated is stated, result.summary


MINIMUM = (
    "With $K$ classes, true class $c$ and smoothing $\\varepsilon$, the target is\n\n"
    "$$q_k = \\begin{cases} 1 - \\varepsilon & \\text{if } k = c, \\\\ "
    "\\dfrac{\\varepsilon}{K - 1} & \\text{otherwise.} \\end{cases}$$\n\n"
    "With $p_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}$ and $L = -\\sum_k q_k \\log p_k$, LEAD "
    "Then, for a wrong class $k \\neq c$,\n\n"
    "$$\\log \\frac{p_c}{p_k} = \\log \\frac{(1 - \\varepsilon)(K - 1)}{\\varepsilon}.$$\n"
)


@pytest.mark.parametrize(
    ("lead", "flagged"),
    [("the loss is minimal when $p = q$.", False), ("the loss is convex.", True)],
)
def test_a_step_after_words_that_set_one_name_equal_to_another(lead, flagged):
    # at the minimum p = q: the ratio is a number there, not for every logit
    result = check_document(MINIMUM.replace("LEAD", lead)).steps[-1]
    assert result.flagged is flagged, result.summary
    if not flagged:
        assert "p = q" in result.summary, result.summary


SANITY = (
    "Let $\\hat{y}_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}$ and $L = -\\sum_k y_k \\log \\hat{y}_k$ "
    "with $\\sum_k y_k = 1$.\n\n"
    "$$\\frac{\\partial L}{\\partial z_i} = -\\sum_k y_k (\\delta_{ki} - \\hat{y}_i) = STEP$$\n\n"
    "A quick sanity check: the gradient sums to zero over the classes,\n"
    "$\\sum_i \\frac{\\partial L}{\\partial z_i} = \\sum_i \\hat{y}_i - \\sum_i y_i = 0$.\n"
)


@pytest.mark.parametrize(
    ("step", "status"), [("\\hat{y}_i - y_i", "holds"), ("-\\sum_k y_k (1 - \\hat{y}_i)", "fails")]
)
def test_a_difference_of_sums_set_to_zero_is_no_stated_total(step, status):
    # "Σ_i ŷ_i - Σ_i y_i = 0" says the difference is zero, not that Σ y = 0
    found = _steps(SANITY.replace("STEP", step))
    assert found[1][0] == status, found


OVERFLOW = (
    "For logits $z \\in \\mathbb{R}^K$, with $s = \\operatorname{softmax}(z)$, define\n\n"
    "$$\\operatorname{LSE}(z) = \\log \\sum_{j=1}^{K} e^{z_j}$$\n\n## Example\n\n"
    "For $z = (1000, 1000)$ the naive `np.exp` overflows, but with $m = 1000$:\n\n"
    "$$\\operatorname{LSE}(z) = 1000 + \\log(STEP)$$\n"
)


@pytest.mark.parametrize(("step", "holds"), [("e^0 + e^0", True), ("e^0 + e^1", False)])
def test_values_in_a_sentence_that_calls_code_naive_are_the_example(step, holds):
    # "naive" speaks of the code, not of the values: z = (1000, 1000) is the worked example
    found = _steps(OVERFLOW.replace("STEP", step))
    if holds:
        assert found[-1] == ("holds", "holds at the worked example (N = 2, z = (1000, 1000))")
    else:  # never "holds" (not decided for every z, and not at the example)
        assert found[-1][0] in ("fails", "not checked"), found


LOG_SOFTMAX = (
    "Let $p_i = \\frac{e^{z_i}}{S}$ with $S = \\sum_k e^{z_k}$. The log version is even "
    "simpler. Since $\\log p_i = STEP$, the gradient follows.\n"
)


@pytest.mark.parametrize(("step", "status"), [("z_i - \\log S", "holds"), ("z_i + \\log S", None)])
def test_a_log_identity_said_in_a_sentence(step, status):
    found = _steps(LOG_SOFTMAX.replace("STEP", step))
    if status:
        assert found == [("holds", "holds")], found
    else:  # wrong: never "holds", and its flag withheld (the words around it are not read)
        assert [s for s, _ in found] == ["not checked"] and "sentence" in found[0][1], found


def test_a_derivative_written_with_a_macro_in_a_latex_sentence():
    text = (
        "\\documentclass{article}\n\\newcommand{\\pd}[2]{\\frac{\\partial #1}{\\partial #2}}\n"
        "\\begin{document}\nLet $Z = \\sum_k e^{z_k}$. Since one term contains $z_j$, we have\n"
        "$\\pd{Z}{z_j} = STEP$, and the quotient rule gives the rest.\n\\end{document}\n"
    )
    assert _steps(text.replace("STEP", "e^{z_j}")) == [("holds", "holds")]
    ((status, summary),) = _steps(text.replace("STEP", "e^{z_k}"))  # the wrong index
    assert status == "not checked" and "sentence" in summary, summary


def test_cases_with_a_spaced_row_break_define_the_targets():
    text = SMOOTHED.replace("ON", "1 - \\epsilon + \\dfrac{\\epsilon}{K}")
    text = text.replace("\\text{if } k = c, \\\\", "\\text{if } k = c, \\\\[6pt]")
    assert "\\\\[6pt]" in text
    found = _steps(text.replace("ELSE", "\\text{otherwise}").replace("STEP", "(1 - \\epsilon)"))
    assert [s for s, _ in found] == ["holds", "holds", "fails"], found


CLASS_CASES = (
    "Let $p_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$, the true class is $c$, and $L = -\\log p_c$.\n\n"
    "$$\n\\frac{\\partial L}{\\partial z_j} = \\begin{cases}\n    ON & \\text{if } j = c,\\\\\n"
    "    OFF & \\text{if } j \\neq c.\n\\end{cases}\n$$\n"
)


@pytest.mark.parametrize(
    ("on", "off", "statuses"),
    [
        ("p_j - 1", "p_j", ("holds", "holds")),
        ("p_j + 1", "p_j", ("fails", "holds")),  # a sign
        ("p_j", "p_j - 1", ("fails", "fails")),  # the rows swapped
    ],
)
def test_cases_on_the_class_the_text_writes_as_a_subscript(on, off, statuses):
    # "\text{if } j = c" with c the class of p_c: the rows are the cases j = c and j ≠ c
    found = _steps(CLASS_CASES.replace("ON", on).replace("OFF", off))
    assert tuple(s for s, _ in found) == statuses, found


APPROX = (
    "Let $p = \\sigma(z)$ and $L = -y \\log p - (1 - y) \\log(1 - p)$.\n\n"
    "At $z = 0$ with $y = 1$ we get $L = \\log 2 \\approx 0.693$.\n\n"
    "## The gradient\n\n$$\\frac{\\partial L}{\\partial z} = STEP$$\n"
)


@pytest.mark.parametrize(("step", "holds"), [("p - y", True), ("y - p", False)])
def test_a_value_said_with_approx_is_no_new_definition(step, holds):
    # "$L = \log 2 \approx 0.693$" is L's value at the example, not a meaning of L to read
    # (before, "L is defined at line 3 in a way not read here" for both)
    found = _steps(APPROX.replace("STEP", step))
    if holds:
        assert found[-1] == ("holds", "holds"), found
    else:  # the sign slip: never "holds" (its flag withheld: L is given a value at line 3)
        assert found[-1][0] == "not checked" and "another value" in found[-1][1], found
