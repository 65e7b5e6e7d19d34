"""Session 58: a vector named as another scaled by a number (``u = z / T``) is read entry by
entry; "so that $q = \\mathrm{softmax}(u)$" after a definition of q is a consequence, not a
new definition that hides q; kernel notation where a sentence names the upstream gradient
(``dy``) and ``dx`` is defined from it; ``\\langle g, s \\rangle`` of two vectors written by
their entries. Each reading that lets a step hold has a twin that is flagged."""

from __future__ import annotations

import pytest

from tests.steps import judged as _steps

TEMPERED = (
    "# Temperature softmax\n\n"
    "For logits $z \\in \\mathbb{R}^K$ and a temperature $T > 0$,\n\n"
    "$$q_i = \\frac{\\exp(z_i / T)}{\\sum_{j=1}^{K} \\exp(z_j / T)}$$\n\n"
    "Write $u = z / T$, so that $q = \\mathrm{softmax}(u)$. Then\n\n"
    "$$STEP$$\n"
)


@pytest.mark.parametrize(
    ("step", "status"),
    [
        ("\\frac{\\partial \\log q_i}{\\partial z_j} = \\frac{1}{T}(\\delta_{ij} - q_j)", "holds"),
        ("\\frac{\\partial \\log q_i}{\\partial z_j} = \\delta_{ij} - q_j", "fails"),
        ("\\frac{\\partial u_k}{\\partial z_j} = \\frac{\\delta_{kj}}{T}", "holds"),
        ("\\frac{\\partial u_k}{\\partial z_j} = T \\delta_{kj}", "holds only"),  # k ≠ j
    ],
)
def test_scaled_vector_and_consequence(step: str, status: str) -> None:
    assert _steps(TEMPERED.replace("STEP", step))[-1][0] == status


def test_consequence_still_a_definition_when_first() -> None:
    # with no earlier definition of q, "so that $q = …$" is still read as q's meaning
    text = (
        "Let $z \\in \\mathbb{R}^K$ be the logits, with entries $z_k$. Write $u = z / T$, so that "
        "$q = \\mathrm{softmax}(u)$.\n\n$$\\frac{\\partial q_i}{\\partial u_j} = RIGHT$$\n"
    )
    assert _steps(text.replace("RIGHT", "q_i(\\delta_{ij} - q_j)"))[-1][0] == "holds"
    assert _steps(text.replace("RIGHT", "q_j(\\delta_{ij} - q_i)"))[-1][0] == "holds"
    assert _steps(text.replace("RIGHT", "q_i(\\delta_{ij} + q_j)"))[-1][0] == "fails"


VJP = (
    "With $s_i = e^{x_i} / \\sum_k e^{x_k}$ and upstream gradient $dy$:\n\n"
    "$$dx_j = \\sum_i dy_i \\frac{\\partial s_i}{\\partial x_j} = RIGHT$$\n"
)


@pytest.mark.parametrize(
    ("right", "status"),
    [
        ("\\sum_i dy_i\\, s_i (\\delta_{ij} - s_j)", "holds"),
        ("s_j\\, dy_j - s_j \\sum_i dy_i\\, s_i", "holds"),
        ("s_j \\left(dy_j - \\langle dy, s \\rangle\\right)", "holds"),
        ("\\sum_i dy_i \\left(\\delta_{ij} - s_i\\right)", "fails"),  # log-softmax's
        ("dy_j - \\sum_i dy_i\\, s_i", "fails"),
        ("s_j \\left(dy_j - \\langle dy, dy \\rangle\\right)", "fails"),
    ],
)
def test_kernel_gradient_names(right: str, status: str) -> None:
    steps = _steps(VJP.replace("RIGHT", right))
    assert steps[-1][0] == status, steps


def test_kernel_names_need_the_upstream_words() -> None:
    # no sentence names dy an upstream gradient: dx, dy stay unread, never flagged
    text = VJP.replace("upstream gradient $dy$", "a small change $dy$")
    for right in ("\\sum_i dy_i \\left(\\delta_{ij} - s_i\\right)", "s_j\\, dy_j"):
        assert all(status != "fails" for status, _ in _steps(text.replace("RIGHT", right)))


INNER = (
    "For a row $x$ with $s = \\mathrm{softmax}(x)$ and incoming gradient $g$, the VJP is\n\n"
    "$$\\bar{x}_j = \\sum_i g_i\\, s_i (\\delta_{ij} - s_j) = RIGHT$$\n"
)


@pytest.mark.parametrize(
    ("right", "status"),
    [
        ("s_j \\left( g_j - \\langle g, s \\rangle \\right)", "holds"),
        ("s_j \\left( g_j - \\langle g,s\\rangle \\right)", "holds"),
        ("s_j \\left( g_j - \\langle s, s \\rangle \\right)", "fails"),
        ("g_j - \\langle g, s \\rangle", "fails"),
    ],
)
def test_inner_product(right: str, status: str) -> None:
    assert _steps(INNER.replace("RIGHT", right))[-1][0] == status


SOFT = (
    "TARGETS The loss is $J = -\\sum_k r_k \\log q_k$ with "
    "$q_k = \\frac{e^{u_k}}{\\sum_m e^{u_m}}$.\n\n"
    "$$\\frac{\\partial J}{\\partial u_i} = -r_i + q_i\\sum_k r_k = q_i - r_i$$\n"
)


@pytest.mark.parametrize(
    "targets",
    [
        "Sometimes the targets are label-smoothed, sometimes I multiply the one-hot vector by a "
        "weight $w$.",
        "Here $r$ is a weighted one-hot vector.",
        "The target vector $r$ is a *multi-hot* vector: several entries may be $1$.",
    ],
)
def test_targets_not_said_to_sum_to_one(targets: str) -> None:
    # the last step needs Σ_k r_k = 1, which these sentences do not state: never "holds"
    status, summary = _steps(SOFT.replace("TARGETS", targets))[-1]
    assert not summary.startswith("holds"), summary


def test_targets_said_one_hot_twin() -> None:
    status, summary = _steps(SOFT.replace("TARGETS", "The target $r$ is one-hot."))[-1]
    assert status == "holds", summary


FIRST_UNREAD = (
    "The targets are $r_k = w_c\\,1\\{k=c\\}$ and the loss is $J = -\\sum_k r_k \\log q_k$ with "
    "$q_k = \\frac{e^{u_k}}{\\sum_m e^{u_m}}$.\n\n"
    "$$\\frac{\\partial J}{\\partial u_i} = -r_i + q_i\\sum_k r_k = q_i - r_i$$\n\n"
    "For label smoothing with a one-hot $y$, the target is $r_k = (1-\\epsilon)\\,y_k + "
    "\\frac{\\epsilon}{K}$.\n"
)


def test_a_later_definition_does_not_reach_back_over_an_unread_one() -> None:
    # r's first definition is not read: before the second, r is free (no flag, no Σ = 1)
    steps = _steps(FIRST_UNREAD)
    assert steps[0][0] == "holds", steps  # for every r
    assert steps[1][0] == "not checked" and "r read free" in steps[1][1], steps


def test_a_later_definition_read_after_it() -> None:
    text = FIRST_UNREAD + "\n$$\\sum_k r_k = (1-\\epsilon)\\sum_k y_k + \\epsilon = RIGHT$$\n"
    assert _steps(text.replace("RIGHT", "1"))[-1][0] == "holds"
    assert _steps(text.replace("RIGHT", "1 - \\epsilon"))[-1][0] == "fails"


PRIMED_LOSS = (
    "For $a = \\sigma(z)$ the loss is $\\mathcal{L}(a, y) = -\\left(y\\log a + (1-y)\\log(1-a)"
    "\\right)$.\n\n$$\\frac{d\\mathcal{L}}{da} = RIGHT$$\n\n"
    "**Comment:** $\\mathcal{L}'(z) = a - y$.\n"
)


def test_a_primed_loss_leaves_the_others_read() -> None:
    right = "-\\frac{y}{a} + \\frac{1-y}{1-a}"
    assert _steps(PRIMED_LOSS.replace("RIGHT", right))[0][0] == "holds"
    wrong = "-\\frac{y}{a} - \\frac{1-y}{1-a}"
    assert _steps(PRIMED_LOSS.replace("RIGHT", wrong))[0][0] == "fails"
    assert _steps(PRIMED_LOSS.replace("RIGHT", right))[1][0] == "not checked"  # L' by z?


FOCAL = (
    "Notation: $\\hat{y} = \\sigma(z)$, and $p_t$ is the probability of the correct label, so "
    "$p_t = \\hat{y}$ for a positive and $p_t = 1 - \\hat{y}$ for a negative. The loss is\n\n"
    "$$FL = -(1 - p_t)^{\\gamma} \\log(p_t)$$\n\nThen\n\n"
    "$$\\frac{\\partial FL}{\\partial p_t} = RIGHT$$\n\n"
    "A quick way to check yourself: set $\\gamma = 0$.\n"
)


def test_a_step_failing_under_each_value_given_is_flagged() -> None:
    wrong = "-\\gamma(1 - p_t)^{\\gamma - 1}\\log(p_t) - \\frac{(1 - p_t)^{\\gamma}}{p_t}"
    right = "\\gamma(1 - p_t)^{\\gamma - 1}\\log(p_t) - \\frac{(1 - p_t)^{\\gamma}}{p_t}"
    assert _steps(FOCAL.replace("RIGHT", wrong))[-1][0] == "fails"
    assert _steps(FOCAL.replace("RIGHT", right))[-1][0] == "holds"
    # "we always set γ = 0" does fix γ: the step holds there, and the flag is withheld
    fixed = FOCAL.replace("A quick way to check yourself: set", "In this note we always set")
    assert _steps(fixed.replace("RIGHT", wrong))[-1][0] == "not checked"


def test_a_step_holding_under_one_value_given_is_withheld() -> None:
    # p given two values: the step holds with the second (p = 1 - σ(z)), fails with the first
    text = (
        "Let $p = \\sigma(z)$. For the other class we use $p = 1 - \\sigma(z)$ instead.\n\n"
        "$$\\frac{dp}{dz} = -p(1 - p)$$\n"
    )
    status, summary = _steps(text)[-1]
    assert status != "fails", summary


CHAIN = (
    "Logits $z_1, \\ldots, z_K$ and a temperature $T > 0$:\n\n"
    "$$q_i = \\frac{\\exp(z_i / T)}{\\sum_{k=1}^K \\exp(z_k / T)}$$\n\n"
    "## The Jacobian\n\n"
    "Write $u_k = z_k / T$ for the scaled logits, so that $q = \\mathrm{softmax}(u)$.\n\n"
    "$$\\frac{\\partial q_i}{\\partial u_k} = RIGHT$$\n"
)


@pytest.mark.parametrize(
    ("right", "status"),
    [
        ("q_i(\\delta_{ik} - q_k)", "holds"),
        ("\\frac{1}{T} q_i(\\delta_{ik} - q_k)", "fails"),
        ("q_i(\\delta_{ik} + q_k)", "fails"),
    ],
)
def test_derivative_by_a_scaled_vector(right: str, status: str) -> None:
    assert _steps(CHAIN.replace("RIGHT", right))[-1][0] == status


def test_derivative_by_a_vector_shifted_by_its_maximum_is_not_read_through() -> None:
    # u_k = z_k - m with m = max_k z_k: m depends on z, so z_k = u_k + m is no inverse
    text = CHAIN.replace("$u_k = z_k / T$", "$m = \\max_k z_k$ and $u_k = z_k - m$")
    for right in ("q_i(\\delta_{ik} - q_k)", "\\frac{1}{T} q_i(\\delta_{ik} - q_k)"):
        assert _steps(text.replace("RIGHT", right))[-1][0] != "fails"


BOUNDED = (
    "Let $\\beta = 1/T > 0$ and $p_i = \\frac{e^{\\beta z_i}}{\\sum_k e^{\\beta z_k}}$.\n\n"
    "$$\\frac{\\partial p_i}{\\partial T} = RIGHT$$\n"
)


def test_a_definition_with_a_bound_after_it() -> None:
    right = "-\\frac{1}{T^2} p_i \\left(z_i - \\sum_k p_k z_k\\right)"
    assert _steps(BOUNDED.replace("RIGHT", right))[-1][0] == "holds"
    wrong = "\\frac{1}{T^2} p_i \\left(z_i - \\sum_k p_k z_k\\right)"
    assert _steps(BOUNDED.replace("RIGHT", wrong))[-1][0] == "fails"


REMARK = (
    "Let $S_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}}$ and $E = -\\sum_i t_i \\log S_i$, with "
    "$\\sum_i t_i = 1$.\n\n"
    "$$\\begin{aligned}\\frac{\\partial E}{\\partial a_j} &= -\\sum_{i} t_i (\\delta_{ij} - S_j) "
    "\\\\ &= -t_j + S_j \\sum_{i} t_i && \\text{the delta picks out } i = j \\\\ "
    "&= RIGHT\\end{aligned}$$\n"
)


def test_a_remark_column_beside_a_row() -> None:
    steps = _steps(REMARK.replace("RIGHT", "S_j - t_j"))
    assert [status for status, _ in steps] == ["holds", "holds", "holds"], steps
    assert _steps(REMARK.replace("RIGHT", "t_j - S_j"))[-1][0] == "fails"
    # a case beside a row stays a case: "&& \text{if } i = j" is read, never blanked
    cased = REMARK.replace("\\text{the delta picks out } i = j", "\\text{if } i = j")
    assert len(_steps(cased.replace("RIGHT", "S_j - t_j"))) == 3


SCORES = (
    "For $x \\in \\mathbb{R}^d$ the parameters are vectors "
    "$\\theta_1, \\ldots, \\theta_K \\in \\mathbb{R}^d$, and\n"
    "\\begin{equation}\n  \\eta_k = \\theta_k^T x, \\qquad k = 1, \\ldots, K.\n\\end{equation}\n"
    "The model's probability of class $k$ is\n"
    "\\begin{equation}\n  \\phi_k = \\frac{\\exp(\\eta_k)}{\\sum_{l=1}^K \\exp(\\eta_l)}.\n"
    "\\end{equation}\n"
    "By the definition of $\\eta_k$, $\\nabla_{\\theta_k} \\eta_k = x$. Then\n"
    "\\begin{equation}\n  \\frac{\\partial \\phi_i}{\\partial \\eta_k} = RIGHT\n\\end{equation}\n"
)


def test_a_range_after_a_row_is_no_step() -> None:
    # "\qquad k = 1, \ldots, K": the range of k, no equation "k = 1" to judge
    steps = _steps(SCORES.replace("RIGHT", "\\phi_i (\\delta_{ik} - \\phi_k)"))
    assert not any("index 'k' used as a value" in summary for _, summary in steps), steps
    assert all(status != "fails" for status, _ in steps), steps


D2L = (
    "One logit $o_j$ per class $j = 1, \\ldots, q$:\n\n"
    "$$\\hat{y}_j = \\frac{\\exp(o_j)}{\\sum_{k=1}^q \\exp(o_k)}.$$\n\n"
    "The label $\\mathbf{y}$ is one-hot. The loss:\n\n"
    "$$l(\\mathbf{y}, \\hat{\\mathbf{y}}) = -\\sum_{j=1}^q y_j \\log \\hat{y}_j$$\n\n"
    "Putting the two together,\n\n"
    "$$\\partial_{o_j} l(\\mathbf{y}, \\hat{\\mathbf{y}}) = RIGHT.$$\n\n"
    "For a minibatch of $n$ examples, $\\frac{1}{n} \\sum_{i=1}^n l(\\mathbf{y}^{(i)}, "
    "\\hat{\\mathbf{y}}^{(i)})$ is averaged.\n"
)


@pytest.mark.parametrize(
    ("right", "status"),
    [("\\hat{y}_j - y_j", "holds"), ("y_j - \\hat{y}_j", "fails"), ("\\hat{y}_j", "holds only")],
)
def test_a_loss_written_with_its_arguments_and_q_classes(right: str, status: str) -> None:
    assert _steps(D2L.replace("RIGHT", right))[-1][0] == status


SLASH = (
    "Let $\\Sigma = \\sum_k e^{z_k}$ and $p_i = e^{z_i} / \\Sigma$.\n\n"
    "$$\\partial e^{z_i} / \\partial z_j = RIGHT$$\n"
)


def test_a_slash_derivative_of_a_power_of_e() -> None:
    assert _steps(SLASH.replace("RIGHT", "\\delta_{ij} e^{z_i}"))[-1][0] == "holds"
    assert _steps(SLASH.replace("RIGHT", "e^{z_i}"))[-1][0] == "holds only"
    assert _steps(SLASH.replace("RIGHT", "-e^{z_i}"))[-1][0] == "fails"


RESTATED = (
    "Let $p = \\frac{e^{z_1}}{e^{z_0} + e^{z_1}}$ and name $r = z_1 - z_0$. "
    "With $y \\in \\{0, 1\\}$ the cost is\n\n$$C = -y \\log p - (1 - y) \\log(1 - p)$$\n\n"
    "and in terms of $r$,\n\n"
    "$$C = RIGHT$$\n"
)


def test_a_loss_restated_in_a_named_difference_is_never_a_false_verdict() -> None:
    # (read as a new meaning of C: its swapped y and 1 - y go unflagged, never "holds")
    wrong = "y \\log(1 + e^{r}) + (1 - y) \\log(1 + e^{-r})"  # y and 1 - y swapped
    assert all(s != "holds" for s, _ in _steps(RESTATED.replace("RIGHT", wrong))[1:])
    right = "y \\log(1 + e^{-r}) + (1 - y) \\log(1 + e^{r})"
    assert all(s != "fails" for s, _ in _steps(RESTATED.replace("RIGHT", right)))


ARROWS = (
    "Let $o_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\n"
    "- ⇒ $\\dfrac{\\partial o_i}{\\partial z_i} = RIGHT$\n"
    "- ∴ small outputs, small gradients\n"
)


def test_a_slide_bullet_led_by_an_arrow() -> None:
    assert _steps(ARROWS.replace("RIGHT", "o_i(1-o_i)")) == [("holds", "holds")]
    assert _steps(ARROWS.replace("RIGHT", "o_i(1+o_i)"))[0][0] == "fails"


BEAMER = (
    "\\documentclass{beamer}\n\\begin{document}\n\\begin{frame}{BCE}\n"
    "Let $p = \\sigma(z)$ and $\\ell = -y\\log p - (1-y)\\log(1-p)$.\n"
    "\\begin{itemize}\n\\item $z$ is the logit\n\\pause\n"
    "\\item<2-> $\\dfrac{\\partial \\ell}{\\partial p} = RIGHT$\n"
    "\\end{itemize}\n\\end{frame}\n\\end{document}\n"
)


def test_a_beamer_item_with_an_overlay_after_a_pause() -> None:
    right = "-\\dfrac{y}{p} + \\dfrac{1-y}{1-p}"
    assert _steps(BEAMER.replace("RIGHT", right)) == [("holds", "holds")]
    wrong = "-\\dfrac{y}{p} - \\dfrac{1-y}{1-p}"
    assert _steps(BEAMER.replace("RIGHT", wrong))[0][0] == "fails"


SLIDE_DEFINITION = (
    "- $a = \\sigma(z)$\n- $(a - y)\\,\\sigma'(z) = RIGHT$\n- confidently wrong ⇒ tiny gradient\n"
)


def test_a_slip_word_in_the_next_bullet_disowns_nothing() -> None:
    # slide bullets have no full stops: the next bullet is a sentence of its own
    assert _steps(SLIDE_DEFINITION.replace("RIGHT", "(a-y)\\,a(1-a)")) == [("holds", "holds")]
    assert _steps(SLIDE_DEFINITION.replace("RIGHT", "(a-y)\\,a(1+a)"))[0][0] == "fails"


def test_kernel_names_from_a_gradient_of_an_undefined_loss() -> None:
    text = VJP.replace("upstream gradient $dy$:", "$dy_i = \\partial L / \\partial y_i$:")
    assert _steps(text.replace("RIGHT", "s_j\\, dy_j - s_j \\sum_i dy_i\\, s_i"))[-1][0] == "holds"
    assert _steps(text.replace("RIGHT", "dy_j - \\sum_i dy_i\\, s_i"))[-1][0] == "fails"
    # the loss defined in the text: dy is its gradient, no arbitrary vector (not read so)
    defined = text.replace("With ", "Let $L = -\\sum_k t_k \\log s_k$. With ")
    assert all(s != "fails" for s, _ in _steps(defined.replace("RIGHT", "dy_j")))


BULLETS = (
    "Let $o_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\n"
    "- $\\dfrac{\\partial o_i}{\\partial z_i} = \\dfrac{e^{z_i} \\sum_k e^{z_k} - e^{z_i} e^{z_i}}"
    "{(\\sum_k e^{z_k})^2}$\n- $= o_i - o_i^2$\n- $= RIGHT$\n"
)


def test_bullets_that_go_on_with_the_chain() -> None:
    assert [s for s, _ in _steps(BULLETS.replace("RIGHT", "o_i(1 - o_i)"))] == ["holds"] * 3
    assert _steps(BULLETS.replace("RIGHT", "o_i(1 + o_i)"))[-1][0] == "fails"


def test_a_loss_called_at_other_arguments_keeps_them() -> None:
    # ℓ(z, t) defined, then J = (1/B) Σ_b ℓ(z_b, t_b): ℓ is a function there, never a number
    text = (
        "$$\\ell(z, t) = (1 - t)\\, z + \\log(1 + e^{-z})$$\n\n"
        "$$\\frac{\\partial \\ell}{\\partial z} = \\sigma(z) - t$$\n\n"
        "$$\\mathcal{J} = \\frac{1}{B} \\sum_{b=1}^{B} \\ell(z_b, t_b)$$\n\n"
        "$$\\frac{\\partial \\mathcal{J}}{\\partial z_b} = "
        "\\frac{1}{B} \\big( \\sigma(z_b) - t_b \\big)$$\n"
    )
    steps = _steps(text)
    assert steps[0][0] == "holds" and all(status != "fails" for status, _ in steps), steps
    wrong = text.replace("= \\sigma(z) - t$$", "= t - \\sigma(z)$$")
    assert _steps(wrong)[0][0] == "fails"


# the review of session 58 (/work/rev58): each false verdict it found stays fixed


def test_a_vector_shifted_by_a_mean_or_by_labels_is_not_read_entrywise() -> None:
    mean = (
        "Let $z_k$ be the logits, $k = 1, \\dots, N$, and let $\\mu$ be the mean of the logits. "
        "Write $u = z - \\mu$. Then\n\n$$\\frac{\\partial u_i}{\\partial z_j} = "
        "\\delta_{ij} - \\frac{1}{N}.$$\n"
    )
    assert all(status != "fails" for status, _ in _steps(mean))
    labels = (
        "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and let the label $y$ be a one-hot vector. "
        "Write $g = p - y$ for the gradient. Its entries sum to zero:\n\n"
        "$$\\sum_k g_k = \\sum_k p_k - 1 = 0.$$\n"
    )
    assert all(status != "fails" for status, _ in _steps(labels))


def test_kernel_names_where_the_loss_is_defined_or_the_first_dx_is_a_bug() -> None:
    penalty = (
        "Consider a softmax layer $y_i = \\frac{e^{x_i}}{\\sum_k e^{x_k}}$ followed by the penalty "
        "$L = \\frac{1}{2}\\|y\\|^2$. With $dy_i = \\partial L / \\partial y_i$, the backward "
        "pass is\n\n"
        "$$dx_j = \\sum_i dy_i\\, y_i(\\delta_{ij} - y_j) = \\sum_i y_i^2(\\delta_{ij} - y_j).$$\n"
    )
    assert all(status != "fails" for status, _ in _steps(penalty))
    asked = (
        "**Question.** My forward is $y_i = \\frac{e^{x_i}}{\\sum_k e^{x_k}}$. Given the upstream "
        "gradient $dy$, my kernel computes $dx_j = dy_j\\, y_j (1 - y_j)$, and gradcheck fails.\n\n"
        "**Answer.** The correct backward is\n\n"
        "$$dx_j = \\sum_i dy_i\\, y_i(\\delta_{ij} - y_j) "
        "= y_j\\Big(dy_j - \\sum_i dy_i\\, y_i\\Big).$$\n"
    )
    assert all(status != "fails" for status, _ in _steps(asked))


def test_values_given_per_label_case_withhold_a_flag_on_a_step_with_the_label() -> None:
    text = (
        "Let $\\hat{y} = \\sigma(z)$ and $y \\in \\{0, 1\\}$ the label. Let $p_t = \\hat{y}$ be "
        "the probability of the true class. For negatives the roles flip and "
        "$p_t = 1 - \\hat{y}$. Either way the sign is carried by the label:\n\n"
        "$$\\frac{\\partial p_t}{\\partial z} = (2y - 1)\\,\\hat{y}(1 - \\hat{y}).$$\n"
    )
    assert _steps(text)[-1][0] != "fails"


def test_a_setting_kept_for_the_rest_of_the_text_is_no_check() -> None:
    text = (
        "The tempered probabilities are $q_i = \\frac{e^{z_i/T}}{\\sum_k e^{z_k/T}}$ and the loss "
        "is $L = -\\sum_i p_i \\log q_i$ with teacher probabilities $p$ that sum to one.\n"
        "To match PyTorch's default and check our code against it, we set $T = 1$ from here on. "
        "Then\n\n$$\\frac{\\partial L}{\\partial z_j} = q_j - p_j.$$\n"
    )
    assert _steps(text)[-1][0] != "fails"


def test_a_bare_so_before_a_new_loss_is_a_new_meaning() -> None:
    text = (
        "In the first part the loss is the squared error, $L = \\frac{1}{2}\\sum_k (y_k - t_k)^2$, "
        "and\n\n$$\\frac{\\partial L}{\\partial y_j} = y_j - t_j.$$\n\n## Part 2\n\n"
        "In the second part we train a classifier, so $L = -\\sum_k t_k \\log y_k$. Then\n\n"
        "$$\\frac{\\partial L}{\\partial y_j} = y_j - t_j.$$\n"
    )
    steps = _steps(text)
    assert steps[0][0] == "holds" and steps[-1][0] != "holds", steps


def test_a_name_read_free_is_no_constant_of_what_its_unread_definition_uses() -> None:
    text = (
        "Let $r = \\frac{\\exp(z)}{\\mathbf{1}^\\top \\exp(z)}$ and let "
        "$E = \\sum_k r_k z_k$ be the expected logit. Then\n\n"
        "$$\\frac{\\partial E}{\\partial z_j} = r_j.$$\n\n## Entries\n\n"
        "Written out, $r_k = \\frac{e^{z_k}}{\\sum_i e^{z_i}}$.\n"
    )
    assert _steps(text)[0][0] != "holds"


def test_a_second_loss_of_the_same_variables_is_still_a_new_meaning() -> None:
    text = (
        "Let $p_k = \\frac{e^{z_k}}{\\sum_i e^{z_i}}$, $s_k = \\frac{1}{1 + e^{-z_k}}$, and "
        "$L = -\\sum_k y_k \\log p_k$. Then\n\n"
        "$$\\frac{\\partial L}{\\partial z_j} = p_j \\sum_k y_k - y_j.$$\n\n"
        "Independent sigmoid outputs give $L = -\\sum_k y_k \\log s_k$.\n\n"
        "$$\\frac{\\partial L}{\\partial z_j} = p_j \\sum_k y_k - y_j.$$\n"
    )
    steps = _steps(text)
    assert steps[0][0] == "holds" and steps[-1][0] != "holds", steps


CASE_BULLETS = (
    "Let $o_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\n"
    "- $i = j$: $\\dfrac{\\partial o_i}{\\partial z_j} = DIAGONAL$\n"
    "- $i \\neq j$: $\\dfrac{\\partial o_i}{\\partial z_j} = OFF$\n"
)


def test_slide_bullets_led_by_their_index_case() -> None:
    right = CASE_BULLETS.replace("DIAGONAL", "o_i(1-o_j)").replace("OFF", "-o_i o_j")
    assert [status for status, _ in _steps(right)] == ["holds", "holds"]
    swapped = CASE_BULLETS.replace("DIAGONAL", "-o_i o_j").replace("OFF", "o_i(1-o_j)")
    assert [status for status, _ in _steps(swapped)] == ["fails", "fails"]


OVERLAYS = (
    "\\documentclass{beamer}\n\\begin{document}\n\\begin{frame}{CE}\n"
    "Let $S_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}}$ and $L = -\\sum_k y_k \\log S_k$ with "
    "$\\sum_k y_k = 1$.\n\\begin{align*}\n"
    "\\frac{\\partial L}{\\partial a_j} &= -\\sum_k y_k (\\delta_{kj} - S_j) \\\\\n"
    "\\uncover<2->{&= -y_j + S_j \\sum_k y_k \\\\}\n\\only<3>{&= RIGHT}\n"
    "\\end{align*}\n\\end{frame}\n\\end{document}\n"
)


def test_beamer_overlays_inside_an_align() -> None:
    steps = _steps(OVERLAYS.replace("RIGHT", "S_j - y_j"))
    assert [status for status, _ in steps] == ["holds", "holds", "holds"], steps
    assert _steps(OVERLAYS.replace("RIGHT", "y_j - S_j"))[-1][0] == "fails"
