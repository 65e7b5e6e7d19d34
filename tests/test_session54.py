"""Session 54: the arithmetic that ends a chain in a sentence, a total the text takes back, a
premise at the optimum and a term picked by an index. Each reading that lets a step hold (or
leaves it unjudged) has a wrong twin that is still flagged or no longer holds."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from tests.steps import judged as _steps

SMOOTHED = (
    "With $K = 4$ and $\\varepsilon = 0.1$ the smoothed target of the true class is "
    "$t_y = 1 - 0.1 + 0.025 = {total}$ and the others get $0.025$.\n"
)


@pytest.mark.parametrize(
    ("total", "status"),
    [("0.925", "holds"), ("0.935", "not checked"), ("0.9250", "holds")],
)
def test_the_arithmetic_that_ends_a_chain_in_a_sentence_is_a_step(total, status):
    # t_y = … is a value at the worked example (not read); 1 - 0.1 + 0.025 = 0.925 is a step;
    # a wrong sum is not flagged (the words may make it clock arithmetic, or a slip shown)
    found = _steps(SMOOTHED.format(total=total))
    assert [s for s, _ in found] == [status], found
    assert status == "holds" or "ambiguous: fails" in found[0][1], found


@pytest.mark.parametrize(("value", "status"), [("0.693", "holds"), ("0.683", "not checked")])
def test_arithmetic_with_a_logarithm_in_a_sentence_keeps_its_flag_withheld(value, status):
    # \log of which base? the words around it may say: a wrong value is not flagged
    text = f"At the start the loss is $L = -\\log 0.5 = {value}$ for every example.\n"
    found = _steps(text)
    assert [s for s, _ in found] == [status], found
    assert status == "holds" or "ambiguous" in found[0][1], found


FOR_EVERY = (
    "Let $S = \\sum_k e^{z_k}$ be the normaliser. {lead} "
    "$\\frac{\\partial S}{\\partial z_j} = {right}$ for every $j$.\n"
)


@pytest.mark.parametrize(
    ("lead", "right", "status"),
    [
        ("Clearly,", "e^{z_j}", "holds"),
        ("Clearly,", "e^{-z_j}", "not checked"),  # a sentence's claim: its flag withheld
        ("It follows that", "e^{z_j}", "holds"),
        ("It follows that", "e^{-z_j}", "fails"),  # asserted in so many words (session 56)
    ],
)
def test_a_derivative_said_for_every_index_is_a_claim(lead, right, status):
    found = _steps(FOR_EVERY.replace("{lead}", lead).replace("{right}", right))
    assert [s for s, _ in found] == [status], found


TAKEN_BACK = (
    "With logits $\\mathbf{a}$ and temperature $\\tau$,\n\n"
    "$$s_i = \\frac{e^{a_i/\\tau}}{\\sum_{k=1}^{K} e^{a_k/\\tau}}$$\n\n"
    "$$E = -\\sum_{k=1}^{K} t_k \\log s_k$$\n\n"
    "where the soft targets satisfy\n\n$$\\sum_{k=1}^{K} t_k = 1$$\n\n"
    "{follow}"
    "$$\\frac{\\partial E}{\\partial a_j} = "
    "\\frac{1}{\\tau}\\Big(s_j \\sum_{k=1}^{K} t_k - t_j\\Big)"
    " = \\frac{1}{\\tau}\\left(s_j - RIGHT\\right)$$\n"
)


@pytest.mark.parametrize(
    ("follow", "t", "statuses"),
    [
        ("Redoing the sum:\n\n", "t_j", ("holds", "holds")),
        (
            "Some rows are multi-hot, like $\\mathbf{t} = (1, 1, 0, 0)$, not normalised. "
            "Redoing the sum:\n\n",
            "t_j",
            ("holds", "not checked"),
        ),
        ("Redoing the sum:\n\n", "t_k", ("holds", "holds only")),
    ],
)
def test_a_total_the_text_takes_back_no_longer_makes_a_step_hold(follow, t, statuses):
    # Σ t_k = 1 stated in a display, then "multi-hot … not normalised": the step that needs the
    # total is not "holds" after that sentence (it was, before: a false "holds")
    found = _steps(TAKEN_BACK.replace("{follow}", follow).replace("RIGHT", t))
    assert tuple(s for s, _ in found if s != "hypothesis") == statuses, found


OPTIMUM = (
    "The predicted distribution is\n\n"
    "$$\\hat{y}_k = \\frac{e^{a_k}}{\\sum_{j=1}^{K} e^{a_j}}$$\n\n"
    "and the smoothed target is\n\n$$\\tilde{y}_k = (1 - \\alpha)\\, y_k + \\frac{\\alpha}{K}$$\n\n"
    "with $\\mathbf{y}$ one-hot at the class $c$.\n\n{premise}"
    "$$a_c - a_k = \\log\\frac{\\hat{y}_c}{\\hat{y}_k} = "
    "\\log\\frac{K(1 - \\alpha) + \\alpha}{\\alpha}$$\n"
)


@pytest.mark.parametrize(
    ("premise", "flagged"),
    [
        (
            "At the optimum $\\hat{\\mathbf{y}} = \\tilde{\\mathbf{y}}$, so for a wrong class "
            "$k \\neq c$\n\n",
            False,
        ),
        ("For a wrong class $k \\neq c$\n\n", True),
    ],
)
def test_a_premise_at_the_optimum_sets_two_dressed_names_equal(premise, flagged):
    # "At the optimum ŷ = ỹ": the step holds there, so it is no mistake of the author's; without
    # the premise the same step is wrong (softmax ratios are not the targets' ratio)
    found = _steps(OPTIMUM.replace("{premise}", premise))
    assert found[0][0] == "holds", found
    assert (found[1][0] == "fails") is flagged, found
    assert flagged or found[1][0] == "not checked", found


TERM = (
    "Let $p_k = e^{{z_k}} / \\sum_m e^{{z_m}}$ and $C = -\\sum_{{k=1}}^{{K}} y_k \\log p_k$.\n"
    "Differentiating with respect to $z_j$, only the $k = j$ term of the first sum survives:\n\n"
    "$$\\frac{{\\partial C}}{{\\partial z_j}} = {right}$$\n"
)


@pytest.mark.parametrize(
    ("right", "status"), [("p_j \\sum_k y_k - y_j", "holds"), ("p_j \\sum_k y_k + y_j", "fails")]
)
def test_the_index_that_picks_a_term_is_no_case(right, status):
    # "only the $k = j$ term survives" names a term of the sum, not the case j = k: the step
    # is judged for every j (before: "holds when c ≠ j", a case the text never announced)
    found = _steps(TERM.format(right=right))
    assert found == [(status, found[0][1])] and " when " not in found[0][1], found


SAID = (
    "Let $q_i = e^{o_i}/\\sum_k e^{o_k}$ and $\\ell = -\\sum_k t_k \\log q_k$ with "
    "$\\sum_k t_k = 1$.\n\nso $\\frac{\\partial \\ell}{\\partial o_i} = RIGHT$ for every $i$.\n"
)


@pytest.mark.parametrize(("right", "status"), [("q_i - t_i", "holds"), ("t_i - q_i", "fails")])
def test_a_derivative_said_so_for_every_index_is_judged(right, status):
    assert [s for s, _ in _steps(SAID.replace("RIGHT", right))] == [status]


LOGISTIC = (
    "\\documentclass{article}\n\\begin{document}\n"
    "Each output is a logistic unit, $\\hat{y}_k = \\sigma(z_k)$ with "
    "$\\sigma(t) = (1 + e^{-t})^{-1}$, and\n\\begin{equation}\n"
    "  \\sigma'(t) = \\frac{e^{-t}}{(1 + e^{-t})^2} = \\sigma(t)\\bigl(1 RIGHT \\sigma(t)\\bigr).\n"
    "\\end{equation}\nFor a batch, with $\\hat{Y} = \\sigma(Z)$ applied entrywise, the gradient "
    "is the same expression\nas for softmax regression.\n\\end{document}\n"
)


@pytest.mark.parametrize(("sign", "status"), [("-", "holds"), ("+", "fails")])
def test_a_comparison_with_softmax_regression_does_not_make_sigma_the_softmax(sign, status):
    found = _steps(LOGISTIC.replace("RIGHT", sign))
    assert [s for s, _ in found] == ["holds", status], found


LSE = (
    "$$\n\\mathrm{lse} = \\log \\sum_{k=1}^{V} e^{x_k} = m + \\log \\sum_{k=1}^{V} e^{x_k - m}\n$$"
    "\n\nwith $m = \\max_k x_k$. The probabilities are recovered from the saved `lse`:\n\n"
    "$$\np_k = \\frac{e^{x_k}}{\\sum_{j=1}^{V} e^{x_j}} = e^{x_k - RIGHT}\n$$\n\n"
    "$$\n\\ell_\\varepsilon = -(1 - \\varepsilon) \\log p_t - \\frac{\\varepsilon}{V} "
    "\\sum_{k=1}^{V} \\log p_k = \\mathrm{lse} - (1 - \\varepsilon) x_t - \\frac{\\varepsilon}{V}"
    " \\sum_{k=1}^{V} x_k\n$$\n"
)


@pytest.mark.parametrize(("right", "status"), [("\\mathrm{lse}", "holds"), ("x_k", "fails")])
def test_log_sum_exp_named_alone_is_a_name_of_the_text(right, status):
    # \mathrm{lse} = \log \sum_k e^{x_k}, then written alone: the number the text defines;
    # the max shift over 1..V (V the text's count); \ell_\varepsilon a loss labelled with ε
    found = _steps(LSE.replace("RIGHT", right))
    assert [s for s, _ in found] == ["holds", status, "holds"], found


STABLE = (
    "For a logit $a$ and a label $y$ the loss is\n\n$$J = \\log(1 + e^{a}) - a y$$\n\n"
    "Written without overflow:\n\n"
    "$$\\log(1 + e^{a}) - a y = \\max(a, 0) - a y + \\log\\left(1 + e^{SIGN|a|}\\right)$$\n"
)


@pytest.mark.parametrize(("sign", "status"), [("-", "holds"), ("", "fails")])
def test_the_stable_binary_cross_entropy_is_decided_on_each_side_of_zero(sign, status):
    # |a| and max(a, 0): the step on a > 0 and on a < 0, each proved exactly (through its
    # derivative: logarithms of different arguments); the wrong variant refuted at a point
    found = _steps(STABLE.replace("SIGN", sign))
    assert [s for s, _ in found] == [status], found


SOFTPLUS = (
    "Let $\\zeta(x) = \\log(1 + e^{x})$. Then\n\n"
    "$$\\zeta(x) - \\zeta(-x) = \\log\\frac{e^x (e^{-x} + 1)}{1 + e^{-x}} = RIGHT$$\n"
)


@pytest.mark.parametrize(("right", "status"), [("x", "holds"), ("2x", "fails")])
def test_a_logarithm_identity_is_proved_through_its_derivative(right, status):
    found = _steps(SOFTPLUS.replace("RIGHT", right))
    assert [s for s, _ in found][-1] == status, found


MACROS = (
    "\\newcommand{\\yh}{\\hat{y}}\n\\newcommand{\\dd}[2]{\\frac{\\partial #1}{\\partial #2}}\n"
    "Throughout, $z$ are the logits and $\\yh_k = e^{z_k} / \\sum_{m} e^{z_m}$\n"
    "the predicted class probabilities.\n"
    "\\[\n\\dd{\\yh_i}{z_j} = \\yh_i(\\delta_{ij} - RIGHT).\n\\]\n"
)


@pytest.mark.parametrize(("right", "status"), [("\\yh_j", "holds"), ("\\yh_i", "holds only")])
def test_a_name_written_through_the_documents_macro_is_defined(right, status):
    # \newcommand{\yh}{\hat{y}}: the definition \yh_k = … is read as \hat{y}_k = …
    found = _steps(MACROS.replace("RIGHT", right))
    assert [s for s, _ in found] == [status], found


TWO_COLUMNS = (
    "\\begin{align*}\nz &= w a + b, & \\hat{y} &= \\sigma(z),\n\\end{align*}\n"
    "so that\n\\begin{equation}\n\\frac{\\partial \\hat{y}}{\\partial z} = RIGHT\n"
    "\\end{equation}\n"
)


@pytest.mark.parametrize(
    ("right", "status"),
    [("\\sigma(z)(1 - \\sigma(z))", "holds"), ("\\sigma(z)(1 + \\sigma(z))", "fails")],
)
def test_a_second_equation_in_the_next_columns_is_a_chain_of_its_own(right, status):
    # "z &= …, & \hat{y} &= q = σ(z)": two definitions, not one chain z = … = \hat{y} = …
    found = _steps(TWO_COLUMNS.replace("RIGHT", right))
    assert [s for s, _ in found][-1] == status, found
    assert "fails" not in [s for s, _ in found][:-1], found


def test_a_layer_label_in_brackets_is_never_a_power():
    # a^{[2]} beside a^{[1]}: a layer's label (before: read as a squared, a false flag)
    text = (
        "\\begin{align*}\nz^{[2]} &= W^{[2]} a^{[1]} + b^{[2]}\\\\\n"
        "\\hat{y} &= a^{[2]} + 1 = \\sigma(z^{[2]}) + 1\n\\end{align*}\n"
    )
    assert "fails" not in [s for s, _ in _steps(text)]


CONVERGED = (
    "For $K$ classes let $p_k = e^{s_k} / \\sum_{m=1}^{K} e^{s_m}$ and "
    "$\\tilde{y}_k = (1 - \\varepsilon)\\delta_{kc} + "
    "\\varepsilon / K$.\n\n{premise}Then\n\n"
    "$$\\log \\frac{p_c}{p_j} = \\log \\frac{1 - \\varepsilon + \\varepsilon/K}{\\varepsilon/K}$$\n"
)


@pytest.mark.parametrize(
    ("premise", "flagged"),
    [
        (
            "Suppose training has converged, so that the prediction matches the smoothed target, "
            "$p_k = \\tilde{y}_k$ for all $k$. ",
            False,
        ),
        ("", True),
    ],
)
def test_a_premise_said_with_so_that_sets_entries_equal(premise, flagged):
    found = _steps(CONVERGED.replace("{premise}", premise))
    assert (found[-1][0] in ("fails", "holds only")) is flagged, found


FOCAL = (
    "$$r_k = \\frac{e^{u_k}}{\\sum_{m=1}^{K} e^{u_m}}$$\n\n"
    "$t$ is the index of the true class, and the loss is\n\n"
    "$$\\mathrm{FL} = -(1 - r_t)^{\\gamma} \\log r_t .$$\n\n"
    "### HEADING\n\n"
    "$$\\frac{\\partial\\, \\mathrm{FL}}{\\partial u_j} = r_j \\left((1 - r_t)^{\\gamma} - "
    "\\gamma\\, r_t (1 - r_t)^{\\gamma - 1} \\log r_t\\right)$$\n"
)


@pytest.mark.parametrize(
    ("heading", "flagged"),
    [("Every other class, $j \\neq t$", False), ("Every class $j$", True)],
)
def test_every_other_class_in_a_heading_is_the_other_case(heading, flagged):
    # "Every other class, $j \neq t$": the case j ≠ t (before: "every" made it no case, and the
    # step was flagged at j = t)
    found = _steps(FOCAL.replace("HEADING", heading))
    assert (found[-1][0] in ("fails", "holds only")) is flagged, found


LABELLED = (
    "$$r_k = \\frac{e^{u_k}}{\\sum_{m=1}^{K} e^{u_m}}$$\n\n"
    "and $t$ is the index of the true class. The focal loss is\n\n"
    "$$\\mathrm{FL} = -(1 - r_t)^{\\gamma} \\log r_t .$$\n\n"
    "- **$\\gamma = 0$.** It becomes the cross-entropy, and\n"
    "- **$\\gamma = 2$**, the value of the paper:\n"
    "  $$\\frac{\\partial\\, \\mathrm{FL}}{\\partial u_t} = 2\\, r_t (1 - r_t)^{2} \\log r_t "
    "SIGN (1 - r_t)^{3}$$\n"
)


@pytest.mark.parametrize(("sign", "flagged"), [("-", False), ("+", True)])
def test_a_value_in_a_list_items_bold_label_is_the_steps(sign, flagged):
    # the last label before the display sets γ = 2; the step holds there, so its flag at
    # another γ does not stand; the wrong sign fails at γ = 2 as well
    found = _steps(LABELLED.replace("SIGN", sign))
    assert (found[-1][0] == "fails") is flagged, found


def test_column_vectors_said_in_japanese_keep_a_row_reading_from_holding():
    # 「ベクトルはすべて縦ベクトル」: columns; diag(y) - y^T y holds only with rows
    text = (
        "以下、ベクトルはすべて縦ベクトルとします。\n\n"
        "$$y_i = \\frac{\\exp(x_i)}{\\sum_{k=1}^{n} \\exp(x_k)}$$\n\n"
        "$$\\frac{\\partial \\boldsymbol{y}}{\\partial \\boldsymbol{x}} = "
        "\\mathrm{diag}(\\boldsymbol{y}) - \\boldsymbol{y}^\\top \\boldsymbol{y}$$\n"
    )
    assert _steps(text)[-1][0] != "holds"
    assert _steps(text.replace("縦", "横"))[-1][0] == "holds"


@pytest.mark.parametrize("fence", ["---", "+++"])
def test_front_matter_is_no_mathematics(fence):
    # Jekyll's YAML and Hugo's TOML settings (math = true, date = …) define nothing; the same
    # lines after the first paragraph are read as a plain-text equation (twin)
    settings = 'title = "BCE"\ndate = 2022-08-02\nmath = true\n'
    body = "\\\\[ \\frac{d a}{d z} = a (1 - a) \\\\]\n\nwith $a = \\sigma(z)$.\n"
    front = check_document(f"{fence}\n{settings}{fence}\n\n{body}")
    assert [s.status for s in front.steps] == ["holds"], front.lines()
    later = check_document(f"{body}\n{settings}")
    assert [s.status for s in later.steps].count("definition") > 0, later.lines()


@pytest.mark.parametrize(
    ("right", "status"), [("2\\log(x)", "not checked"), ("\\log(x) + \\log(x)", "not checked")]
)
def test_a_logarithm_rule_true_only_for_positive_values_does_not_hold(right, status):
    # log(x^2) = 2 log(x): its derivative is 0 and it is 0 at x = 1, but for x < 0 the right
    # side is no real number; only arguments positive for every value are proved so
    found = _steps(f"Let $x$ be a real number. Then\n\n$$\\log(x^2) = {right}$$\n")
    assert [s for s, _ in found] != ["holds"], found


def test_a_macro_is_not_glued_to_the_command_before_it():
    # \newcommand{\h}{h}: \cos\h(x) is cos h(x), never \cosh(x)
    text = "\\newcommand{\\h}{h}\n\n$$\\cosh(x) = \\cos\\h(x)$$\n"
    assert [s for s, _ in _steps(text)] != ["holds"]
