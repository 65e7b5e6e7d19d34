"""Session 55: spacing after a derivative operator, a calligraphic cost, the loss behind a
document macro, MathJax 2's inline script, a premise said before a chain, Nielsen's error
beside a Kronecker delta, and a Greek name defined again in a later section. Each reading that
lets a step hold has a wrong twin that is flagged (or, said in a sentence, no longer holds)."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from tests.steps import judged as _steps

SPACED = (
    "For the sigmoid $\\sigma(z) = 1/(1+e^{-z})$,\n\n"
    "$$\\sigma'(z) = \\frac{d}{dz}\\,\\frac{1}{1+e^{-z}} = RIGHT$$\n"
)


@pytest.mark.parametrize(
    ("right", "last"),
    [("\\frac{e^{-z}}{(1+e^{-z})^2}", "holds"), ("\\frac{-e^{-z}}{(1+e^{-z})^2}", "fails")],
)
def test_a_thin_space_after_the_derivative_operator_is_no_ambiguity(right, last):
    found = _steps(SPACED.replace("RIGHT", right))
    assert [s for s, _ in found] == ["holds", last], found


CALLIGRAPHIC = (
    "The cost is $\\mathcal{C} = -\\sum_{i} p_i \\log q_i$ where "
    "$q_i = e^{v_i}/\\sum_k e^{v_k}$ and $\\sum_i p_i = 1$.\n\n"
    "$$\\frac{\\partial \\mathcal{C}}{\\partial v_j} = RIGHT$$\n"
)


@pytest.mark.parametrize(("right", "status"), [("q_j - p_j", "holds"), ("p_j - q_j", "fails")])
def test_a_calligraphic_capital_defined_and_differentiated_is_a_quantity(right, status):
    # \mathcal{C} is often a set of classes; defined by '=' and differentiated it is the cost
    found = _steps(CALLIGRAPHIC.replace("RIGHT", right))
    assert [s for s, _ in found] == [status], found


def test_a_calligraphic_capital_only_written_stays_a_set():
    text = (
        "The classes $\\mathcal{C}_k$ have probabilities $p_k = e^{a_k}/\\sum_j e^{a_j}$.\n\n"
        "$$\\frac{\\partial p_k}{\\partial a_k} = p_k(1 - p_k)$$\n"
    )
    assert [s for s, _ in _steps(text)] == ["holds"]


MACRO_LOSS = (
    "\\documentclass{article}\n\\newcommand{\\Loss}{\\mathcal{L}}\n\\newcommand{\\yh}{\\hat{y}}\n"
    "\\begin{document}\nWith $\\yh = \\sigma(z)$ the loss is\n"
    "\\[\n\\Loss = -\\big[\\, y \\log \\yh + (1 - y)\\log(1 - \\yh) \\,\\big].\n\\]\n"
    "Then\n\\[\n\\frac{\\partial \\Loss}{\\partial z} = RIGHT .\n\\]\n\\end{document}\n"
)


@pytest.mark.parametrize(("right", "status"), [("\\yh - y", "holds"), ("y - \\yh", "fails")])
def test_the_loss_named_by_a_document_macro_is_the_loss(right, status):
    found = _steps(MACRO_LOSS.replace("RIGHT", right))
    assert [s for s, _ in found] == [status], found


SCRIPTED = (
    "The tempered softmax is $q_i = \\exp(z_i/T) / \\sum_j \\exp(z_j/T)$.\n\n"
    'Put <script type="math/tex">Q = \\sum_j \\exp(z_j/T)</script>. Then\n\n'
    "$$\\frac{\\partial q_i}{\\partial z_k} = \\frac{\\frac{1}{T}\\delta_{ik}\\exp(z_i/T)\\, Q"
    " - \\exp(z_i/T)\\,\\frac{1}{T}\\exp(z_k/T)}{Q^2} = RIGHT$$\n"
)


@pytest.mark.parametrize(
    ("right", "last"),
    [
        ("\\frac{1}{T}\\, q_i \\left(\\delta_{ik} - q_k\\right)", "holds"),
        ("q_i \\left(\\delta_{ik} - q_k\\right)", "fails"),
    ],
)
def test_mathjax_inline_script_defines_a_name(right, last):
    found = _steps(SCRIPTED.replace("RIGHT", right))
    assert [s for s, _ in found] == ["holds", last], found


PREMISED = (
    "Let $\\zeta(a) = \\log(1+e^{a})$ and $\\sigma(a) = \\frac{1}{1+e^{-a}}$. The loss is "
    "$J = \\zeta(a) - ay$, and since $\\zeta'(a) = \\sigma(a)$ the gradient drops out in one "
    "line: $\\frac{dJ}{da} = \\zeta'(a) - y = RIGHT$.\n"
)


@pytest.mark.parametrize(("right", "last"), [("\\sigma(a) - y", "holds"), ("\\sigma(a) + y", "x")])
def test_a_chain_after_a_premise_said_with_since_is_judged(right, last):
    # the premise is a reason, not a case: the chain is a claim; its flag stays withheld
    found = _steps(PREMISED.replace("RIGHT", right))
    assert found[0][0] == "holds", found
    if last == "holds":
        assert found[1][0] == "holds", found
    else:
        assert found[1][0] == "not checked" and "ambiguous: fails" in found[1][1], found


def test_a_case_said_before_a_chain_keeps_it_unread():
    text = (
        "With $S_i = e^{a_i}/\\sum_k e^{a_k}$, since $i \\neq j$ we get "
        "$\\frac{\\partial S_i}{\\partial a_j} = \\frac{-e^{a_i} e^{a_j}}{(\\sum_k e^{a_k})^2}"
        " = -S_i S_j$.\n"
    )
    assert _steps(text) == []


NIELSEN = (
    "The output layer is layer $L$, with activations $a^L_j$, and "
    "$\\delta^L_j = \\partial C / \\partial z^L_j$ is the output error.\n\n"
    "For a softmax layer, $a^L_j = e^{z^L_j} / \\sum_k e^{z^L_k}$, and "
    "$\\frac{\\partial a^L_k}{\\partial z^L_j} = a^L_k(\\delta_{jk} - a^L_j)$, where this "
    "$\\delta_{jk}$ is the Kronecker delta. With $C = -\\sum_k y_k \\ln a^L_k$,\n\n"
    "$$\\delta^L_j = -\\sum_k \\frac{y_k}{a^L_k} * a^L_k(\\delta_{jk} - a^L_j)$$\n\n"
    "$$= RIGHT$$\n"
)


@pytest.mark.parametrize(
    ("right", "status"),
    [("-y_j + a^L_j \\sum_k y_k", "holds"), ("y_j - a^L_j \\sum_k y_k", "fails")],
)
def test_the_output_error_beside_a_kronecker_delta_is_a_name_of_its_own(right, status):
    found = _steps(NIELSEN.replace("RIGHT", right))
    assert [s for s, _ in found][-1] == status, found


SECTIONS = (
    "Here $\\gamma_j = \\partial C / \\partial z_j$ is the output error.\n\n"
    "## Sigmoid, quadratic cost\n\n"
    "With $a_j = \\sigma(z_j)$ and $C = \\frac{1}{2}\\sum_j (a_j - y_j)^2$,\n\n"
    "$$\\gamma_j = (a_j - y_j) * a_j (1 - a_j)$$\n\n"
    "## Sigmoid, cross-entropy\n\n"
    "Replace the cost by $C = -\\sum_j \\left[y_j \\ln a_j + (1-y_j)\\ln(1-a_j)\\right]$. Now\n\n"
    "$$\\gamma_j = \\frac{a_j - y_j}{a_j(1-a_j)} * a_j(1-a_j) = a_j - y_j$$\n\n"
    "## Softmax, log-likelihood\n\n"
    "For a softmax layer, $a_j = e^{z_j} / \\sum_k e^{z_k}$. With $C = -\\sum_k y_k \\ln a_k$,"
    "\n\n$$\\gamma_j = -\\sum_k \\frac{y_k}{a_k} * a_k(\\delta_{jk} - a_j) = RIGHT$$\n"
)


@pytest.mark.parametrize(
    ("right", "flagged"), [("-y_j + a_j \\sum_k y_k", False), ("y_j - a_j \\sum_k y_k", True)]
)
def test_a_greek_name_defined_again_is_judged_under_the_definition_in_force(right, flagged):
    # γ_j defined in each section: the last section's steps read its latest definition
    steps = check_document(SECTIONS.replace("RIGHT", right)).steps
    last_display = [s for s in steps if s.line == steps[-1].line]
    assert [s.flagged for s in last_display] == [False, flagged], [s.summary for s in steps]


GAP = (
    "The logits $o_1, \\dots, o_K$ give $q_k = \\frac{e^{o_k}}{\\sum_{m=1}^{K} e^{o_m}}$, and "
    "the smoothed target is\n\n"
    "$$\nt_k = \\begin{cases} 1 - \\epsilon + \\dfrac{\\epsilon}{K} & \\text{if } k = c \\\\ "
    "\\dfrac{\\epsilon}{K} & \\text{otherwise} \\end{cases}\n$$\n\n"
    "At the optimum $q_k = t_k$, so the gap between the labelled logit and any other one, "
    "$j \\neq c$, is\n\n"
    "$$\no_c - o_j = \\log \\frac{t_c}{t_j} = RIGHT\n$$\n"
)


@pytest.mark.parametrize(
    ("right", "flagged"),
    [
        ("\\log \\frac{(1 - \\epsilon) K + \\epsilon}{\\epsilon}", False),
        ("\\log \\frac{(1 - \\epsilon) K - \\epsilon}{\\epsilon}", True),
    ],
)
def test_a_step_failing_only_in_the_case_the_words_exclude_is_not_flagged(right, flagged):
    # "any other one, $j \neq c$": true for j ≠ c, false for j = c; a wrong right side fails in
    # every case and stays flagged
    steps = [s for s in check_document(GAP.replace("RIGHT", right)).steps if s.step == 2]
    assert [s.flagged for s in steps] == [flagged], [s.summary for s in steps]


TWO_CLASSES = (
    "The loss is $E = -y\\log\\pi_1 - (1-y)\\log\\pi_2${tie}.\n\n"
    "$$\\pi_1(1-\\pi_1) = \\pi_1\\pi_2$$\n"
)


@pytest.mark.parametrize(("tie", "flagged"), [(", where $\\pi_2 = 1 - \\pi_1$", False), ("", True)])
def test_entries_the_text_ties_together_are_no_free_counterexample(tie, flagged):
    steps = check_document(TWO_CLASSES.replace("{tie}", tie)).steps
    assert [s.flagged for s in steps] == [flagged], [s.summary for s in steps]
    assert flagged or "\\pi_2 = 1 - \\pi_1" in steps[0].summary


THIN = (
    "Let $\\sigma(z) = \\frac{1}{1+e^{-z}}$.\n\n"
    "$$\\frac{d}{dz}\\sigma(z) = (1-\\sigma(z))\\,\\sigma(z) = RIGHT$$\n"
)


@pytest.mark.parametrize(
    ("right", "last"),
    [("\\sigma(z) - \\sigma(z)^2", "holds"), ("\\sigma(z) + \\sigma(z)^2", "fails")],
)
def test_a_thin_space_before_sigma_in_a_chain_is_no_definition_of_it(right, last):
    found = _steps(THIN.replace("RIGHT", right))
    assert [s for s, _ in found] == ["holds", last], found


NABLA = (
    "Let $\\hat{y}_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and $\\ell = -\\sum_k y_k \\log "
    "\\hat{y}_k$ with $\\sum_k y_k = 1$.\n\n$$\n\\nabla_{\\mathbf{z}}\\, \\ell = RIGHT\n$$\n"
)


@pytest.mark.parametrize(
    ("right", "status"),
    [("\\hat{\\mathbf{y}} - \\mathbf{y}", "holds"), ("\\mathbf{y} - \\hat{\\mathbf{y}}", "fails")],
)
def test_a_thin_space_after_the_gradient_subscript_is_read(right, status):
    found = _steps(NABLA.replace("RIGHT", right))
    assert [s for s, _ in found] == [status], found


PRIMED_ELL = (
    "For one example,\n\n$$\\ell(z) = -y\\log\\sigma(z) - (1-y)\\log(1-\\sigma(z))$$\n\n"
    "and\n\n$$\\ell'(z) = RIGHT$$\n"
)


@pytest.mark.parametrize(
    ("right", "status"), [("\\sigma(z) - y", "holds"), ("y - \\sigma(z)", "fails")]
)
def test_a_primed_ell_is_the_derivative_of_the_function_ell(right, status):
    found = _steps(PRIMED_ELL.replace("RIGHT", right))
    assert [s for s, _ in found] == [status], found


UPSTREAM = (
    "Let $o_i = x_i - \\log \\sum_k e^{x_k}$WORDS and $g_i = \\partial L / \\partial o_i$.\n\n"
    "$$\\frac{\\partial L}{\\partial x_j} = \\sum_i g_i \\frac{\\partial o_i}{\\partial x_j}"
    " = g_j SIGN p_j \\sum_i g_i$$\n"
)


@pytest.mark.parametrize("words", ["", ", let $L$ be any loss of the outputs $o$,"])
def test_a_named_upstream_gradient_makes_the_loss_any_loss(words):
    # g_i = ∂L/∂o_i names the gradient of a loss the text never defines: L is any loss, not
    # symsoft's default cross-entropy (under which Σ_i g_i = 0 and a sign slip would hold)
    text = UPSTREAM.replace("WORDS", words)
    right = _steps(text.replace("SIGN", "-"))
    assert right[0] == ("holds", "holds for any differentiable L(o_1, \\ldots, o_N)"), right
    wrong = _steps(text.replace("SIGN", "+"))
    assert wrong[0][0] == "holds" and wrong[1][0] == "not checked", wrong
    assert "ambiguous: fails" in wrong[1][1], wrong


SIBLINGS = (
    "Softmax: $S_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}}$. Call the denominator "
    "$Z = \\sum_k e^{a_k}$, so $\\frac{\\partial Z}{\\partial a_j} = FIRST$ and "
    "$\\frac{\\partial \\log S_i}{\\partial a_j} = SECOND$.\n"
)


@pytest.mark.parametrize(
    ("first", "second", "statuses"),
    [
        ("e^{a_j}", "\\delta_{ij} - S_j", ["holds", "holds"]),
        ("e^{-a_j}", "\\delta_{ij} - S_j", ["not checked", "holds"]),
        ("e^{a_j}", "\\delta_{ij} - S_i", ["holds", "not checked"]),
    ],
)
def test_derivatives_said_side_by_side_in_a_sentence_are_claims(first, second, statuses):
    # two derivatives worked out in one sentence (the second with a Kronecker delta): each a
    # claim; a wrong one is not flagged (said in a sentence), but never holds
    found = _steps(SIBLINGS.replace("FIRST", first).replace("SECOND", second))
    assert [s for s, _ in found] == statuses, found


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("$$\\frac{d}{dv} \\tanh v = 1 - \\tanh^2 v$$\n", "holds"),
        ("$$\\frac{d}{dv} \\tanh v = 1 + \\tanh^2 v$$\n", "fails"),
        ("$$\\frac{d}{dv} \\tanh v = 1 - \\tanh(v)^2$$\n", "holds"),
        ("$$\\frac{d}{dv} \\exp v = \\exp v$$\n", "holds"),
        ("$$\\frac{d}{dv} \\exp v = v \\exp v$$\n", "fails"),
    ],
)
def test_a_function_of_one_letter_without_parentheses_after_a_derivative(text, status):
    # \tanh v, \tanh^2 v = (\tanh v)^2, as TeX texts write them
    assert [s for s, _ in _steps(text)] == [status]


BARE = "Let $\\sigma(x) = \\frac{1}{1+e^{-x}}$. Then\n\n$$\\sigma' = RIGHT$$\n"


@pytest.mark.parametrize(
    ("right", "status"),
    [
        ("\\frac{e^{-x}}{1+e^{-x}}\\,\\sigma", "holds"),
        ("(1-\\sigma)\\,\\sigma", "holds"),
        ("(1+\\sigma)\\,\\sigma", "fails"),
        ("\\sigma(1-\\sigma)", "not checked"),  # σ times 1 - σ, or σ of 1 - σ?
    ],
)
def test_a_bare_sigma_is_sigma_at_the_one_letter_the_text_applies_it_to(right, status):
    assert [s for s, _ in _steps(BARE.replace("RIGHT", right))] == [status]


def test_a_bare_sigma_beside_sigma_at_two_letters_is_not_read():
    text = (
        BARE.replace("RIGHT", "(1-\\sigma)\\,\\sigma") + "\nand $\\sigma(z) = 1 - \\sigma(-z)$.\n"
    )
    assert [s for s, _ in _steps(text)][0] == "not checked"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("$$\\frac{d}{dx}\\log|x| = \\frac{1}{x}$$\n", "holds"),
        ("$$\\frac{d}{dx}\\log|x| = \\frac{1}{|x|}$$\n", "fails"),
        ("$$2|x| = | 2x |$$\n", "holds"),
        ("$$2|x| = | x |$$\n", "fails"),
        ("$$| x | - 1 = |x| - 1$$\n", "holds"),
        ("$$| x | - 1 = |x - 1|$$\n", "fails"),
    ],
)
def test_bars_after_a_number_a_logarithm_or_a_space_are_an_absolute_value(text, status):
    # (x made the text's variable by a derivative first: a letter never defined nor
    # differentiated is free, and a step about it is judged only if it holds)
    first = "$$\\frac{d}{dx}\\log|x| = \\frac{1}{x}$$\n\n"
    assert [s for s, _ in _steps(first + text)][-1] == status


GLM = (
    "Its mean is $E(Y) = b'(\\theta)$.\n"
    "The natural parameter is $\\theta = \\log\\frac{\\mu}{1-\\mu}$, hence\n"
    "$$ b(\\theta) = -\\log(1-\\mu) $$\n"
)


def test_a_function_only_differentiated_before_may_be_defined_by_the_step():
    # b(θ) = -log(1 - μ): the text has only written b'(θ) before; a counterexample that picks
    # b's value is no mistake of the author's
    (step,) = check_document(GLM).steps
    assert not step.flagged and "b is a function the document does not define" in step.summary


QUOTIENT = (
    "$$f'(x) = \\frac{g'(x)h(x) + h'(x)g(x)}{h(x)^2}$$\n\nwhere $f(x) = \\frac{g(x)}{h(x)}$.\n"
)


def test_a_rule_in_function_notation_stays_flagged_beside_the_free_call_rule():
    (step,) = check_document(QUOTIENT).steps
    assert step.status == "fails", step.summary


ETA = (
    "The model says\n\n$$p_i = \\frac{e^{\\eta_i}}{1 + e^{\\eta_i}}, \\qquad "
    "\\eta_i = x_i^T \\beta ,$$\n\nso\n\n$$1 - p_i = \\frac{1}{1 + e^{RIGHT}}$$\n"
)


@pytest.mark.parametrize(("right", "status"), [("\\eta_i", "holds"), ("-\\eta_i", "not checked")])
def test_an_entry_of_a_name_defined_in_a_way_not_read_is_free_in_a_step(right, status):
    # η_i = x_i^T β is not read; a step true for every η_i is true, one that is not is unjudged
    found = _steps(ETA.replace("RIGHT", right))
    assert [s for s, _ in found][-1] == status, found
    assert status == "holds" or "in a way not read here" in found[-1][1]


def test_an_entry_of_a_name_defined_in_a_way_not_read_is_not_free_under_a_derivative():
    text = ETA.replace(
        "$$1 - p_i = \\frac{1}{1 + e^{RIGHT}}$$",
        "$$\\frac{\\partial p_i}{\\partial \\beta_j} = 0$$",
    )
    assert [s for s, _ in _steps(text)][-1] == "not checked"


SCALED = (
    "Let $s_j = \\frac{x_j}{\\sqrt{d}}$ and $p_j = \\frac{e^{s_j}}{\\sum_k e^{s_k}}$.\n\n"
    "$$\\frac{\\partial p_j}{\\partial x_i} = RIGHT\\,p_j(\\delta_{ij}-p_i)$$\n"
)


@pytest.mark.parametrize(
    ("right", "status"), [("\\frac{1}{\\sqrt{d}}", "holds"), ("\\sqrt{d}", "fails")]
)
def test_the_square_root_of_a_dimension_is_a_positive_number(right, status):
    # attention's scale 1/√d: d inside a root is never a differential
    assert [s for s, _ in _steps(SCALED.replace("RIGHT", right))] == [status]


TRIALS = (
    "With $n$ trials and two successes the log-likelihood of the intercept is\n\n"
    "$$f(x) = 2 x - n\\log(1+e^{x})$$\n\nand\n\n$$\\frac{df}{dx} = RIGHT$$\n"
)


@pytest.mark.parametrize(
    ("right", "status"),
    [("2 - n\\frac{e^{x}}{1+e^{x}}", "holds"), ("2 - \\frac{n}{1+e^{x}}", "fails")],
)
def test_a_count_said_in_words_is_a_number_not_an_index(right, status):
    # "$n$ trials": n counts them (the grammar keeps i … n for indices otherwise)
    assert [s for s, _ in _steps(TRIALS.replace("RIGHT", right))] == [status]


FOCAL = (
    "With $r_t = \\frac{e^{u_t}}{\\sum_k e^{u_k}}$ and a focusing parameter $\\gamma$, the focal "
    "loss is\n\n$$\\mathrm{FL} = -(1 - r_t)^{\\gamma} \\log r_t$$\n\n"
    "$$\\frac{\\partial\\, \\mathrm{FL}}{\\partial r_t} = \\gamma (1 - r_t)^{POWER} \\log r_t"
    " - \\frac{(1 - r_t)^{\\gamma}}{r_t}$$\n"
)


@pytest.mark.parametrize(("power", "status"), [("\\gamma - 1", "holds"), ("\\gamma", "fails")])
def test_powers_with_a_symbolic_exponent_share_one_generator(power, status):
    # (1 - r)^γ and (1 - r)^{γ-1} = (1 - r)^γ (1 - r)^{-1}: the focal loss for every γ
    assert [s for s, _ in _steps(FOCAL.replace("POWER", "{" + power + "}"))] == [status]


def test_a_root_of_d_in_a_text_that_gives_d_a_value_is_not_read():
    # d = 64: √d is 8, not a free positive number (review of session 55)
    text = (
        "With head dimension $d = 64$, the attention scale is\n\n$$\\frac{1}{\\sqrt{d}} = RIGHT$$\n"
    )
    for right in ("\\frac{1}{8}", "\\frac{1}{7}"):
        (step,) = check_document(text.replace("RIGHT", right)).steps
        assert step.status == "not checked" and "gives d a value" in step.summary


def test_an_unread_entry_with_a_default_meaning_is_not_free():
    # S_i = w_i^T x (a raw score, not read) beside symsoft's default softmax S: neither free
    # nor the default, so |S_i| = S_i and Σ S_i = 1 are not judged
    text = (
        "Let $S_i = \\mathbf{w}_i^T \\mathbf{x}$ be the raw score of class $i$.\n\n"
        "$$|S_i| = S_i$$\n\n$$\\sum_{i=1}^{N} S_i = 1$$\n"
    )
    assert [s.status for s in check_document(text).steps][-2:] == ["not checked"] * 2


@pytest.mark.parametrize(
    "text",
    [
        "Let $\\sigma(t) = \\frac{1}{1+e^{-t}}$, $z_i = w x_i$ and $p_i = \\sigma(z_i)$. Writing "
        "$\\sigma$ for $\\sigma(z_i)$:\n\n"
        "$$\\frac{\\partial p_i}{\\partial z_i} = (1-\\sigma)\\sigma$$\n",
        "The logistic function is $\\sigma(x) = \\frac{1}{1+e^{-x}}$; inputs are normalized with "
        "the batch mean $\\mu$ and scale $\\sigma$, $\\hat{x} = \\frac{x - \\mu}{\\sigma}$.\n\n"
        "$$\\frac{\\partial \\hat{x}}{\\partial x} = \\frac{1}{\\sigma}$$\n",
    ],
)
def test_a_bare_sigma_with_another_possible_meaning_is_not_sigma_at_a_letter(text):
    assert not any(s.flagged for s in check_document(text).steps)
    assert all(s.status != "holds" for s in check_document(text).steps if "sigma" in s.lhs + s.rhs)


def test_any_loss_of_two_letters_is_no_stand_in_of_one():
    text = (
        "Let $L$ be any loss of $o$ and $W$.\n\n$$o_i = \\sum_j W_{ij} x_j$$\n\n"
        "$$\\frac{\\partial L}{\\partial W_{ij}} = \\frac{\\partial L}{\\partial o_i} x_j$$\n"
    )
    assert check_document(text).steps[-1].status != "holds"


GENERAL = (
    "$$\\sigma(x) = \\frac{1}{1 + e^{-x}}$$\n\nWith $\\beta = 1$ it is simpler.\n\nWORDS\n\n"
    "$$\\frac{1}{\\beta} \\cdot \\frac{\\beta e^{\\beta x}}{1 + e^{\\beta x}}"
    " = \\beta \\, \\sigma(\\beta x)$$\n"
)


def test_a_worked_value_is_not_in_force_after_the_text_speaks_of_a_general_value():
    general = check_document(GENERAL.replace("WORDS", "For general $\\beta$:")).steps[-1]
    assert general.status == "not checked" and "general" in general.summary
    at_one = check_document(GENERAL.replace("WORDS", "Then:")).steps[-1]
    assert at_one.summary == "holds at the worked example (beta = 1)"


INTERTEXT = (
    "\\begin{align}\n\\mathcal{L} &= -s_1 + \\log \\sum_{k} e^{s_k}\n"
    "\\intertext{and differentiating,}\n"
    "\\frac{\\partial \\mathcal{L}}{\\partial s_j} &= SIGN\\delta_{j1}"
    " + \\frac{e^{s_j}}{\\sum_k e^{s_k}}\n"
    "\\end{align}\n"
)


@pytest.mark.parametrize(("sign", "status"), [("-", "holds"), ("", "fails")])
def test_intertext_breaks_the_rows_of_an_align(sign, status):
    steps = check_document(INTERTEXT.replace("SIGN", sign)).steps
    assert [s.status for s in steps] == ["definition", status], [s.summary for s in steps]


CONTINUED = (
    "$$\\frac{d}{dx}\\log(1 + e^{x}) = \\frac{e^{x}}{1 + e^{x}}$$\n\nBETWEEN\n\n"
    "$$= \\frac{1}{1 + e^{x}}$$\n"
)


@pytest.mark.parametrize(
    ("between", "status"),
    [("    \\frac{d}{dx} \\operatorname{softplus}_\\beta(x)", "not checked"), ("Hence", "fails")],
)
def test_a_row_led_by_equals_continues_no_chain_across_math_not_read(between, status):
    # a bare row of mathematics between the two displays (a reST body in a docstring) that is
    # not read: "= …" would be glued onto the chain before it
    steps = check_document(CONTINUED.replace("BETWEEN", between)).steps
    assert steps[-1].status == status, [s.summary for s in steps]


QED = (
    "\\begin{proof}\n\\begin{align*}\n"
    "\\frac{d}{dx}\\log(1+e^{x}) &= RIGHT . \\qedhere \\nonumber\n\\end{align*}\n\\end{proof}\n"
)


@pytest.mark.parametrize(
    ("right", "status"), [("\\frac{e^{x}}{1+e^{x}}", "holds"), ("\\frac{1}{1+e^{x}}", "fails")]
)
def test_qedhere_ends_a_proof_not_a_formula(right, status):
    assert [s for s, _ in _steps(QED.replace("RIGHT", right))] == [status]
