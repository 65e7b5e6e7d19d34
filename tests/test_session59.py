"""Session 59: ``\\operatorname{diag}`` of a sum is the diagonal of the whole sum; "both cases fit
in one formula" claims every case; ``\\partial\\mathcal{L}`` with no space; a name said to be the
scores is not the default softmax; inline definitions with ``\\triangleq``, ``:=``,
``\\coloneqq``. Each reading that lets a step hold has a twin that is flagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from symsoft import check_document
from tests.steps import judged as _steps

TANH = (
    "For a hidden layer $\\mathbf{h} = \\tanh(\\mathbf{a})$, tanh acts elementwise, so\n\n"
    "$$\\frac{\\partial \\mathbf{h}}{\\partial \\mathbf{a}} = \\operatorname{diag}(RIGHT).$$\n"
)


@pytest.mark.parametrize(
    ("right", "status"),
    [
        ("\\mathbf{1} - \\mathbf{h}\\odot\\mathbf{h}", "holds"),
        ("1 - \\mathbf{h}\\odot\\mathbf{h}", "holds"),
        ("\\mathbf{1} + \\mathbf{h}\\odot\\mathbf{h}", "holds only"),  # wrong on the diagonal
        ("\\mathbf{h}\\odot\\mathbf{h}", "holds only"),
        ("\\mathbf{1} - \\mathbf{h}", "holds only"),
    ],
)
def test_diag_of_a_sum(right: str, status: str) -> None:
    result = _steps(TANH.replace("RIGHT", right))[-1]
    assert result[0] == status
    if status == "holds only":
        assert "when c ≠ r" in result[1]  # the diagonal is wrong, never the rest


CASES = (
    "$$\\frac{\\partial S_i}{\\partial a_j} = \\begin{cases} S_i(1 - S_j) & i = j \\\\ "
    "-S_i S_j & i \\neq j \\end{cases}$$\n\n"
    "Both cases fit in one formula,\n\n$$\\frac{\\partial S_i}{\\partial a_j} = RIGHT,$$\n\n"
    "where $S_i = e^{a_i} / \\sum_k e^{a_k}$.\n"
)


def test_one_formula_for_both_cases() -> None:
    assert _steps(CASES.replace("RIGHT", "S_i(\\delta_{ij} - S_j)"))[-1][0] == "holds"
    wrong = _steps(CASES.replace("RIGHT", "S_i\\,(1 - S_j)"))[-1]
    assert wrong[0] == "holds only" and "i = j" in wrong[1]  # the dropped delta is flagged


LOSS = (
    "Let $p = \\mathrm{softmax}(z)$ and $\\mathcal{L} = -\\sum_k y_k \\log p_k$ with one-hot $y$."
    "\n\n$$\\frac{\\partial\\mathcal{L}}{\\partial z_j} = RIGHT$$\n"
)


def test_partial_glued_to_mathcal() -> None:
    assert _steps(LOSS.replace("RIGHT", "p_j - y_j"))[-1][0] == "holds"
    assert _steps(LOSS.replace("RIGHT", "p_j + y_j"))[-1][0] == "fails"


def test_scores_are_not_the_default_softmax() -> None:
    said = "The scores are $S_i$.\n\n$$\\sum_k S_k = 1$$\n"
    assert _steps(said)[-1][0] == "not checked"
    probabilities = "The probabilities are $S_i$.\n\n$$\\sum_k S_k = 1$$\n"
    assert _steps(probabilities)[-1][0] == "holds"
    assert _steps(probabilities.replace("= 1", "= 2"))[-1][0] == "fails"


@pytest.mark.parametrize(
    "relation", ["\\triangleq", ":=", "\\coloneqq", "\\stackrel{\\text{def}}{=}"]
)
def test_inline_definition_relations(relation: str) -> None:
    text = (
        f"Let $\\hat{{y}}_k {relation} e^{{a_k}}/\\sum_{{m=1}}^{{N}} e^{{a_m}}$ for every $k$.\n\n"
        "$$\\frac{\\partial \\hat{y}_k}{\\partial a_k} = RIGHT$$\n"
    )
    assert _steps(text.replace("RIGHT", "\\hat{y}_k(1-\\hat{y}_k)"))[-1][0] == "holds"
    assert _steps(text.replace("RIGHT", "\\hat{y}_k(1+\\hat{y}_k)"))[-1][0] == "fails"


def test_greek_superscript_beside_its_powers_is_a_power() -> None:
    # p^{\gamma} beside p^{\gamma-1}: γ a power (focal loss), not a label of p
    text = (
        "Let $p = 1/(1+e^{-x})$.\n\n$$-\\gamma p^{\\gamma-1}\\, p(1-p)\\log(1-p) + "
        "p^{\\gamma}\\,\\frac{p(1-p)}{1-p} = RIGHT$$\n"
    )
    right = "p^{\\gamma}\\big(p - \\gamma(1-p)\\log(1-p)\\big)"
    assert _steps(text.replace("RIGHT", right))[-1][0] == "holds"
    wrong = "p^{\\gamma}\\big(p + \\gamma(1-p)\\log(1-p)\\big)"
    assert _steps(text.replace("RIGHT", wrong))[-1][0] == "fails"


def test_a_condition_in_words_is_no_definition() -> None:
    text = (
        "Let $r_k = e^{z_k} / \\sum_m e^{z_m}$. The stationarity condition is $z_y = 0$, "
        "which we do not need.\n\n$$\\frac{\\partial r_k}{\\partial z_k} = RIGHT$$\n"
    )
    assert _steps(text.replace("RIGHT", "r_k(1 - r_k)"))[-1][0] == "holds"
    assert _steps(text.replace("RIGHT", "r_k(1 + r_k)"))[-1][0] == "fails"


SAID = (
    "Let $s_j = e^{o_j}/\\sum_k e^{o_k}$ and $Z = \\sum_m e^{o_m}$.\n\n"
    "For every $j$, $\\partial s_j / \\partial o_j = EVERY$.\n\n"
    "Let $Z \\coloneqq \\sum_{m} e^{o_m}$, so that $\\partial Z/\\partial o_j = SO$. Fine.\n\n"
    "Since $\\partial Z / \\partial o_j = SINCE$, the rest follows.\n\n"
    "Recall that $\\partial s_j / \\partial o_j = HERE$.\n"
)


def test_claims_said_in_sentences() -> None:
    right = {"EVERY": "s_j(1 - s_j)", "SO": "e^{o_j}", "SINCE": "e^{o_j}", "HERE": "s_j(1-s_j)"}
    wrong = {"EVERY": "s_j(1 + s_j)", "SO": "2 e^{o_j}", "SINCE": "e^{-o_j}", "HERE": "s_j^2"}
    text = SAID
    for key, value in right.items():
        text = text.replace(key, value)
    assert [status for status, _ in _steps(text)] == ["holds"] * 4
    text = SAID
    for key, value in wrong.items():
        text = text.replace(key, value)
    assert [status for status, _ in _steps(text)] == ["fails"] * 4


PARAGRAPH = (
    "Let $p_j = e^{x_j}/\\sum_{k=1}^{C} e^{x_k}$ and fix a class $t$.\n\n"
    "\\paragraph{Case $j \\neq t$.} We have $\\partial p_t/\\partial x_j = RIGHT$, hence\n"
    "\\begin{equation}\nL = -\\log p_t\n\\end{equation}\n"
)


def _tex(text: str, folder: Path) -> list[tuple[str, str]]:
    path = folder / "notes.tex"
    path.write_text(text)
    return [(s.status, s.summary) for s in check_document(path).steps if s.status != "definition"]


def test_a_claim_after_a_latex_heading_with_its_case(tmp_path: Path) -> None:
    held = _tex(PARAGRAPH.replace("RIGHT", "-p_t p_j"), tmp_path)
    assert held[0][0] == "holds" and "j ≠ t" in held[0][1]
    flagged = _tex(PARAGRAPH.replace("RIGHT", "p_t p_j"), tmp_path)
    assert flagged[0][0] == "fails" and "j ≠ t" in flagged[0][1]


LSE = (
    "For $\\mathbf{x}\\in\\mathbb{R}^n$ let\n$\\operatorname{LSE}(\\mathbf{x}) = "
    "\\log\\sum_{i=1}^{n} e^{x_i}$.\n\nFor any constant $c$:\n\n"
    "$$\\operatorname{LSE}(\\mathbf{x}) = RIGHT.$$\n\n"
    "With $c = m = \\max_i x_i$ every exponent is $\\le 0$, and at least one\n"
    "term equals 1, so the sum cannot underflow to zero:\n"
    "$\\operatorname{LSE}(\\mathbf{x}) = m + \\log\\sum_{i} e^{x_i - m}$.\n"
)


def test_the_max_shift_with_an_alias_and_an_inline_restatement() -> None:
    held = _steps(LSE.replace("RIGHT", "c + \\log\\sum_{i=1}^{n} e^{x_i - c}"))
    assert [status for status, _ in held] == ["holds", "holds"]
    wrong = _steps(LSE.replace("RIGHT", "c - \\log\\sum_{i=1}^{n} e^{x_i - c}"))
    assert wrong[0][0] != "holds" and wrong[1][0] == "holds"
    slip = LSE.replace("e^{x_i - m}$", "e^{x_i + m}$").replace("RIGHT", "c")
    assert all(status != "holds" for status, _ in _steps(slip))


BOLD_HAT = (
    "Let\n\n$$\\hat{\\mathbf{y}} = \\operatorname{softmax}(\\mathbf{z})$$\n\n"
    "and $\\mathcal{L} = -\\sum_k y_k \\log \\hat{y}_k$ with one-hot $\\mathbf{y}$.\n\n"
    "$$\\nabla_{\\mathbf{z}}\\mathcal{L} = SIGN\\big(\\operatorname{diag}(\\hat{\\mathbf y}) - "
    "\\hat{\\mathbf y}\\hat{\\mathbf y}^T\\big)(\\mathbf y\\oslash\\hat{\\mathbf y}) = RIGHT$$\n"
)


def test_a_bold_vector_under_a_hat_is_defined() -> None:
    held = _steps(BOLD_HAT.replace("SIGN", "-").replace("RIGHT", "\\hat{\\mathbf y} - \\mathbf y"))
    assert [status for status, _ in held] == ["holds", "holds"]
    sign = _steps(BOLD_HAT.replace("SIGN", "").replace("RIGHT", "\\hat{\\mathbf y} - \\mathbf y"))
    assert sign[0][0] == "fails"
    flipped = BOLD_HAT.replace("SIGN", "-").replace("RIGHT", "\\mathbf y - \\hat{\\mathbf y}")
    assert _steps(flipped)[1][0] == "fails"
    inline = "Let $\\hat{\\mathbf{y}} = \\mathrm{softmax}(\\mathbf{z})$ and $L = -\\sum_k y_k "
    inline += (
        "\\log \\hat{y}_k$ with one-hot $y$.\n\n$$\\frac{\\partial L}{\\partial z_j} = RIGHT$$\n"
    )
    assert _steps(inline.replace("RIGHT", "\\hat{y}_j - y_j"))[-1][0] == "holds"
    assert _steps(inline.replace("RIGHT", "y_j - \\hat{y}_j"))[-1][0] == "fails"


ANSWER = (
    "Let $\\mathbf{z}\\in\\mathbb{R}^K$ be the logits, "
    "$\\hat{\\mathbf{y}} = \\operatorname{softmax}(\\mathbf{z})$, and let $\\mathbf{y}$ be the "
    "target, one-hot. The loss is\n\n"
    "$$\\mathcal{L} = -\\mathbf{y}^T\\log\\hat{\\mathbf{y}} = LOSS .$$\n\n"
    "$$\\nabla_{\\mathbf{z}}\\mathcal{L} = \\Big(\\frac{\\partial\\hat{\\mathbf{y}}}"
    "{\\partial\\mathbf{z}}\\Big)^T\\nabla_{\\hat{\\mathbf{y}}}\\mathcal{L} = -\\big("
    "\\operatorname{diag}(\\hat{\\mathbf{y}}) SIGN \\hat{\\mathbf{y}}\\hat{\\mathbf{y}}^T\\big)"
    "(\\mathbf{y}\\oslash\\hat{\\mathbf{y}})$$\n"
)


def test_gradients_and_logarithms_of_a_bold_vector_under_a_hat() -> None:
    right = ANSWER.replace("LOSS", "-\\sum_{k=1}^{K} y_k\\log\\hat y_k").replace("SIGN", "-")
    assert [status for status, _ in _steps(right)] == ["holds"] * 3
    loss = ANSWER.replace("LOSS", "\\sum_{k=1}^{K} y_k\\log\\hat y_k").replace("SIGN", "-")
    assert _steps(loss)[0][0] == "fails"
    sign = ANSWER.replace("LOSS", "-\\sum_{k=1}^{K} y_k\\log\\hat y_k").replace("SIGN", "+")
    assert _steps(sign)[-1][0] == "fails"


SOFTMAX = "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$"
CE = f"{SOFTMAX} and $L = -\\sum_i y_i \\log p_i$ with $\\sum_i y_i = 1$.\n\n"
CE += "$$\\frac{\\partial L}{\\partial z_j} = p_j - y_j$$\n\n"

# the review's texts (session 59): words that lead a formula the author does not assert, or that
# change a name's meaning, must not give a false verdict
UNASSERTED = {
    "the mean squared error, here": CE + "For the mean squared error the derivative with respect "
    "to the probabilities is simpler. Here $\\frac{\\partial L}{\\partial p_i} = p_i - y_i$.\n",
    "we would write": CE + "With the squared error in place of the cross-entropy, we would write "
    "the first factor as $\\frac{\\partial L}{\\partial p_i} = p_i - y_i$, a bounded quantity.\n",
    "a student, namely": CE + "A student once wrote the gradient with the sign flipped. Namely "
    "$\\frac{\\partial L}{\\partial z_j} = y_j - p_j$.\n",
    "had written": f"{SOFTMAX}.\n\nIn last year's exam many students had written "
    "$\\frac{\\partial p_i}{\\partial z_j} = p_i(1 - p_j)$.\n",
    "another loss, show that": CE + "Exercise 3. For the squared loss, show that "
    "$\\frac{\\partial L}{\\partial z_j} = p_j(p_j - y_j)(1 - p_j)$.\n",
}


@pytest.mark.parametrize("name", sorted(UNASSERTED))
def test_formulas_the_words_do_not_assert_are_not_flagged(name: str) -> None:
    assert all(status not in ("fails", "holds only") for status, _ in _steps(UNASSERTED[name]))


def test_review_59_meanings_kept() -> None:
    solution = (
        "We turn the logits into probabilities with a softmax. The network is overconfident, and "
        "the standard solution is to divide the logits by 2: $p_i = \\frac{e^{z_i/2}}{\\sum_k "
        "e^{z_k/2}}$.\n\n$$\\frac{\\partial p_i}{\\partial z_j} = p_i(\\delta_{ij} - p_j)$$\n"
    )
    assert _steps(solution)[-1][0] != "holds"  # p is the tempered softmax: the step is wrong
    later = (
        f"{SOFTMAX}. Both cases fit in one formula only after some work; for now we look at a "
        "probability and its own logit.\n\n"
        "$$\\frac{\\partial p_i}{\\partial z_j} = p_i(1 - p_i)$$\n"
    )
    assert _steps(later)[-1][0] not in ("fails", "holds only")
    conjecture = (
        "Let $\\sigma(x) = \\frac{1}{1 + e^{-x}}$ and write $g(x)$ for its derivative. A student "
        "conjectured $g(x) \\stackrel{?}{=} \\sigma(x)^2$; we check it.\n\n$$g(x) = \\frac{d}{dx}"
        "\\frac{1}{1 + e^{-x}} = \\frac{e^{-x}}{(1 + e^{-x})^2} = \\sigma(x)(1 - \\sigma(x))$$\n"
    )
    assert all(status not in ("fails", "holds only") for status, _ in _steps(conjecture))
    tempered = (
        f"{SOFTMAX}. The tempered distribution is written $p_i^{{\\tau}}$:\n\n$$p_i^{{\\tau}} = "
        "\\frac{e^{z_i/\\tau}}{\\sum_k e^{z_k/\\tau}}$$\n\nFor comparison the unnormalised weight "
        "$\\left(e^{z_i}\\right)^{\\tau}$ would sharpen instead of soften.\n\n"
        "$$\\frac{\\partial p_i^{\\tau}}{\\partial z_j} = RIGHT$$\n"
    )
    right = "\\frac{1}{\\tau} p_i^{\\tau}(\\delta_{ij} - p_j^{\\tau})"
    assert _steps(tempered.replace("RIGHT", right))[-1][0] not in ("fails", "holds only")
    wrong = "\\tau p_i^{\\tau}(\\delta_{ij} - p_j)"
    assert _steps(tempered.replace("RIGHT", wrong))[-1][0] != "holds"
    outputs = (
        "The network outputs $S_i$ computed from the scores $a_i$ of the last layer.\n\n"
        "$$\\frac{\\partial S_i}{\\partial a_j} = S_i(\\delta_{ij} - S_j)$$\n"
    )
    assert _steps(outputs)[-1][0] == "holds"
    slip = _steps(outputs.replace("- S_j", "+ S_j"))[-1]  # S never defined: no flag rests on it
    assert slip[0] == "not checked" and "fails if S_m" in slip[1]


ZERO_MEAN = (
    "Let $q_i = \\frac{e^{z_i/T}}{\\sum_{j} e^{z_j/T}}$ and $p_i = \\frac{e^{v_i/T}}{\\sum_{j} "
    "e^{v_j/T}}$.\n\n$$STEP$$\n\nAssume now that both sets of logits are zero-mean, "
    "$\\sum_j z_j = 0$ and $\\sum_j v_j = 0$.\n"
)


def test_a_flag_respects_a_stated_zero_sum() -> None:
    wrong = _steps(
        ZERO_MEAN.replace("STEP", "T^2 \\cdot \\frac{1}{T}(q_i - p_i) = \\frac{q_i - p_i}{T}")
    )
    assert wrong[-1][0] == "fails" and "Σ v = 0" in wrong[-1][1]
    right = _steps(ZERO_MEAN.replace("STEP", "T^2 \\cdot \\frac{1}{T}(q_i - p_i) = T(q_i - p_i)"))
    assert right[-1][0] == "holds"


def test_a_value_said_again_after_an_unread_definition_is_no_definition() -> None:
    # red team 67 a: the first J not read, "… this is $$J = …$$" (a wrong restatement) was taken
    # as J's definition, so a derivative of the wrong J held
    text = (
        "The loss for one window is\n\n$$J = -\\log \\frac{e^{u_o^T v_c}}{\\sum_{w=1}^{W} "
        "e^{u_w^T v_c}}$$\n\nWith the scores $s_w = u_w^T v_c$ and $p_w = e^{s_w}/\\sum_{x} "
        "e^{s_x}$ this is\n\n$$J = \\log \\sum_{w=1}^{W} e^{s_w} + s_o$$\n\n"
        "$$\\frac{\\partial J}{\\partial s_w} = p_w + \\delta_{wo}$$\n"
    )
    assert all(status != "holds" for status, _ in _steps(text))
    announced = text.replace("this is", "we now define instead")
    assert _steps(announced)[-1][0] == "holds"  # a new definition, announced: its steps judged
    assert _steps(announced.replace("p_w + \\delta_{wo}", "p_w - \\delta_{wo}"))[-1][0] != "holds"
